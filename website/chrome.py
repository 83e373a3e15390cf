"""What every page shows around its content, read once per content generation instead of per request.

Site settings, the main menu and the maintenance notices cost three queries on every page; they
only change when an administrator saves something, which starts a new generation
(core/pagecache.py), so each process keeps them for that generation, up to a minute
(core/fragments.py).
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.utils import timezone

from core import fragments
from website.models import MaintenanceNotice, MenuItem, SiteSettings


@dataclass
class Chrome:
    settings: SiteSettings
    menu_items: list = field(default_factory=list)
    notices: list = field(default_factory=list)

    def current_notices(self):
        """Notices whose downtime has not ended yet (the list may be up to a minute old)."""
        now = timezone.now()
        return [notice for notice in self.notices if notice.ends_at > now]

    @cached_property
    def menu_urls(self):
        return frozenset(item.get_absolute_url() for item in self.menu_items)

    def menu_url(self, path):
        """``path`` when the current page is a menu item (the menu marks it), else ""."""
        return path if path in self.menu_urls else ""


def load_chrome():
    return Chrome(
        settings=SiteSettings.get_solo(),
        menu_items=list(MenuItem.objects.select_related("category", "page")),
        notices=list(MaintenanceNotice.objects.current()),
    )


def site_chrome(request):
    """The chrome for this request: kept by the process while the content has not changed."""
    if not hasattr(request, "_chrome"):
        request._chrome = fragments.remembered(request, "chrome", load_chrome)
    return request._chrome
