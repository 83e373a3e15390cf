"""List pages whose total is counted once per content generation, not on every page view."""

import hashlib
from functools import cached_property

from django.core.paginator import Paginator

from core import fragments, pagecache


class CountedOncePaginator(Paginator):
    """The total of a list, shared through the cache until the content changes (core/pagecache.py).

    The count is the one part of a list page that grows with the archive: PostgreSQL counts the
    matching rows one by one, 60 ms for 90,000 news items. It changes only when content is saved
    (a new generation) or a scheduled article comes out, which bounds how long it is kept. The key
    comes from the reader's address (filters, any parameter), so the count is kept in the shared
    cache, which evicts what is least used, not in the small memory of each process, where a crawl
    of a thousand filter combinations would push out the page frame.
    """

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    @cached_property
    def count(self):
        query = self.request.GET.copy()
        query.pop("page", None)
        address = f"{self.request.path}?{query.urlencode()}"
        key = "list-count:" + hashlib.sha256(address.encode()).hexdigest()
        return pagecache.shared_until_publication(
            self.request, key, lambda: Paginator.count.func(self), seconds=fragments.FRAGMENT_SECONDS
        )


class CountedOnceMixin:
    """For a ListView: paginate with a count that is read once per content generation."""

    paginator_class = CountedOncePaginator

    def get_paginator(self, *args, **kwargs):
        return super().get_paginator(*args, request=self.request, **kwargs)
