"""What every page shows around its content: settings, main menu, maintenance notices, cache keys.

Everything is lazy, so that pages which show none of it (the admin) do not pay for it, and read at
most once per page however many templates use it.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.functional import SimpleLazyObject

from core import generation
from website.models import MaintenanceNotice, MenuItem, SiteSettings


def menu_links(unit):
    """(label, address) of each main-menu entry for the content generation, kept beside the page's fragments."""
    items = MenuItem.objects.of(unit).select_related("category", "page")
    return generation.shared(
        f"menu-links:{unit.pk}",
        lambda: [(item.label, item.get_absolute_url()) for item in items],
        seconds=generation.PROCESS_SECONDS,
        using=generation.process_cache(),
    )


def current_menu_url(path, links):
    """The address of the menu entry this page is, or "": all the main menu draws differently from page to page."""
    return path if path == "/" or any(url == path for _label, url in links) else ""


def site(request):
    unit = getattr(request, "unit", None)
    if unit is None:  # the 400 page answering a host that is not ours: no unit, nothing to keep
        return {"fragment_seconds": 0}
    # Callables: a template calls them when it first needs them; @cache keeps the answer for the page
    # (and the generation is read once per request: core.generation.current).
    site_settings = SimpleLazyObject(lambda: SiteSettings.objects.of(unit))
    links = SimpleLazyObject(lambda: menu_links(unit))
    return {
        "unit": unit,
        "site": site_settings,
        "menu_links": links,
        "current_menu_url": cache(lambda: current_menu_url(request.path, links)),
        "maintenance_notices": SimpleLazyObject(lambda: list(MaintenanceNotice.objects.current(unit))),
        "content_generation": generation.current,
        "fragment_seconds": cache(lambda: generation.seconds_to_live(generation.PROCESS_SECONDS)),
        "canonical_url": cache(lambda: canonical_url(request)),
        # Loaded by base.html only once the site settings name the portal's measurement site ID.
        "measurement_script_url": settings.MEASUREMENT_SCRIPT_URL,
    }


def canonical_url(request):
    """The page's own address without tracking or filter parameters; only the page number is kept."""
    try:
        url = request.build_absolute_uri(request.path)
    except DisallowedHost:  # the 400 page answering a request for a host that is not ours
        return ""
    page = request.GET.get("page", "")
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url
