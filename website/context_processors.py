from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.functional import SimpleLazyObject, lazy

from website.chrome import site_chrome


def site(request):
    """What every page shows around its content: settings, main menu, maintenance notices.

    Lazy, so that pages which show none of it (the admin) do not pay for it.
    """
    return {
        "site": SimpleLazyObject(lambda: site_chrome(request).settings),
        "menu_items": SimpleLazyObject(lambda: site_chrome(request).menu_items),
        "maintenance_notices": SimpleLazyObject(lambda: site_chrome(request).current_notices()),
        "canonical_url": lazy_canonical_url(request),
        "measurement_script_url": lazy_measurement_script_url(request),
    }


def measurement_script_url(request):
    return settings.MEASUREMENT_SCRIPT_URL if site_chrome(request).settings.measurement_site_id else ""


def canonical_url(request):
    """The page's own address without tracking or filter parameters; only the page number is kept."""
    try:
        url = request.build_absolute_uri(request.path)
    except DisallowedHost:  # the 400 page answering a request for a host that is not ours
        return ""
    page = request.GET.get("page", "")
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


# Made once: ``lazy()`` builds a class at each call, which would cost every page a fraction of a millisecond.
lazy_canonical_url = lazy(canonical_url, str)
lazy_measurement_script_url = lazy(measurement_script_url, str)
