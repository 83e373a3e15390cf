"""List pages whose total is counted once per content generation, not on every page view."""

from functools import cached_property

from django.core.paginator import Paginator

from core import fragments


class CountedOncePaginator(Paginator):
    """The total of a list, kept by the process until the content changes (core/fragments.py).

    The count is the one part of a list page that grows with the archive: PostgreSQL counts the
    matching rows one by one, 60 ms for 90,000 news items. It changes only when content is saved
    (a new generation) or a scheduled article comes out, which bounds how long it is kept.
    """

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    @cached_property
    def count(self):
        query = self.request.GET.copy()
        query.pop("page", None)
        key = ("list-count", self.request.path, query.urlencode())
        return fragments.remembered_until_publication(self.request, key, lambda: Paginator.count.func(self))


class CountedOnceMixin:
    """For a ListView: paginate with a count that is read once per content generation."""

    paginator_class = CountedOncePaginator

    def get_paginator(self, *args, **kwargs):
        return super().get_paginator(*args, request=self.request, **kwargs)
