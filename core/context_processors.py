from core.models import MaintenanceNotice, MenuItem, SiteSettings


def site(request):
    """What every page shows around its content: settings, main menu, maintenance notices."""
    return {
        "site": SiteSettings.get_solo(),
        "menu_items": MenuItem.objects.select_related("category", "page"),
        "maintenance_notices": MaintenanceNotice.objects.current(),
    }
