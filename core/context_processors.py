from django.conf import settings
from django.core.exceptions import DisallowedHost

from core.models import MaintenanceNotice, MenuItem, site_settings


def site(request):
    """What every page shows around its content: settings, main menu, maintenance notices."""
    site = site_settings(request)
    return {
        "site": site,
        "menu_items": MenuItem.objects.select_related("category", "page"),
        "maintenance_notices": MaintenanceNotice.objects.current(),
        "canonical_url": canonical_url(request),
        "measurement_script_url": settings.MEASUREMENT_SCRIPT_URL if site.measurement_site_id else "",
    }


def canonical_url(request):
    """The page's own address without tracking or filter parameters; only the page number is kept."""
    try:
        url = request.build_absolute_uri(request.path)
    except DisallowedHost:  # the 400 page answering a request for a host that is not ours
        return ""
    page = request.GET.get("page", "")
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url
