"""What every page shows around its content, read once per content generation instead of per request.

Site settings, the main menu and the maintenance notices cost three queries on every page; they
only change when an administrator saves something, which starts a new generation
(core/pagecache.py), so they are kept in the cache under that generation for up to a minute.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone

from core import pagecache
from core.models import MaintenanceNotice, MenuItem, SiteSettings

CHROME_SECONDS = 60


@dataclass
class Chrome:
    settings: SiteSettings
    menu_items: list = field(default_factory=list)
    notices: list = field(default_factory=list)

    def current_notices(self):
        """Notices whose downtime has not ended yet (the list may be up to a minute old)."""
        now = timezone.now()
        return [notice for notice in self.notices if notice.ends_at > now]


def site_chrome(request):
    """The chrome for this request: from the cache when the content has not changed since."""
    if not hasattr(request, "_chrome"):
        key = f"chrome:{pagecache.generation()}"
        chrome = cache.get(key)
        if chrome is None:
            chrome = Chrome(
                settings=SiteSettings.get_solo(),
                menu_items=list(MenuItem.objects.select_related("category", "page")),
                notices=list(MaintenanceNotice.objects.current()),
            )
            cache.set(key, chrome, CHROME_SECONDS)
        request._chrome = chrome
    return request._chrome
