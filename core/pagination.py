"""List pages whose total is counted once per content generation, not on every page view."""

import hashlib
from functools import cached_property

from django.core.paginator import Paginator

from core import generation

COUNT_SECONDS = 60


class CountedOncePaginator(Paginator):
    """The total of a list, shared through the cache until the content changes (core/generation.py).

    The count is the one part of a list page that grows with the archive: the database counts the
    matching rows one by one. It changes only when content is saved (a new generation) or a scheduled
    article comes out, which bounds how long it is kept. The key comes from the reader's address
    (host, filters, any parameter), so the shared cache, which evicts what is least used, holds it.
    """

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    @cached_property
    def count(self):
        query = self.request.GET.copy()
        query.pop("page", None)
        # The host too: the same address on two units' hosts lists two units' content.
        address = f"{self.request.get_host()}{self.request.path}?{query.urlencode()}"
        key = "list-count:" + hashlib.sha256(address.encode()).hexdigest()
        return generation.shared(key, lambda: super(CountedOncePaginator, self).count, seconds=COUNT_SECONDS)


class CountedOnceMixin:
    """For a ListView: paginate with a count that is read once per content generation."""

    paginator_class = CountedOncePaginator

    def get_paginator(self, *args, **kwargs):
        return super().get_paginator(*args, request=self.request, **kwargs)
