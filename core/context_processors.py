from core.models import SiteSettings


def site(request):
    """Make the site settings available to every template as ``site``."""
    return {"site": SiteSettings.get_solo()}
