"""The Content-Security-Policy of each response: strict on public pages, what CKEditor needs in the admin."""

from csp.middleware import CSPMiddleware
from django.conf import settings

from core.html import IFRAME_HOSTS
from website.models import SiteSettings

# CKEditor 5 writes <style> elements and inline styles, and previews pasted images as blob: URLs.
ADMIN_ADDITIONS = {"style-src": ["'unsafe-inline'"], "img-src": ["blob:"]}


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp with two additions computed per request.

    - Videos embedded in articles come only from the hosts the sanitizer lets through.
    - The national measurement script's origin is admitted (scripts, beacons, pixels) only once an
      administrator has entered the portal's measurement site ID, and no other origin ever is.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
            return parts  # no report-only policy to add to: the site settings are read once per page
        additions = {"frame-src": sorted(f"https://{host}" for host in IFRAME_HOSTS)}
        if request.path.startswith("/admin/"):
            additions.update(ADMIN_ADDITIONS)
        elif self.is_page(response) and self.measured(request):
            origin = [settings.MEASUREMENT_SCRIPT_ORIGIN]
            additions.update({"script-src": origin, "connect-src": origin, "img-src": origin})
        parts.update = {**additions, **(parts.update or {})}
        return parts

    @staticmethod
    def measured(request):
        """Whether the unit's portal has a measurement site ID (no unit: a host that is not ours)."""
        unit = getattr(request, "unit", None)
        return unit is not None and bool(SiteSettings.objects.of(unit).measurement_site_id)

    @staticmethod
    def is_page(response):
        """An HTML page that rendered (an error page may have been served because the database is down)."""
        return response.get("Content-Type", "").startswith("text/html") and response.status_code < 500
