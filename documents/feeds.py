"""The RSS feed of a unit's newest published documents."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import Document

FEED_SIZE = 20


class LatestDocumentsFeed(Feed):
    """The newest published documents of the request's unit, by date of issue."""

    link = "/van-ban/"
    description = _("Văn bản mới ban hành")

    def __call__(self, request, *args, **kwargs):
        self.unit = request.unit
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{_('Văn bản')} | {self.unit.name}"

    def items(self):
        return (
            Document.objects.of(self.unit)
            .published()
            .select_related("doc_type")
            .defer("search_text")
            .order_by("-issued_on", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return f"{item.number} {item.summary}".strip() if item.number else item.summary

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        """The day of issue (as midnight in the portal's time zone); the day it was entered if undated."""
        if item.issued_on:
            return timezone.make_aware(datetime.datetime.combine(item.issued_on, datetime.time()))
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.issuer

    def item_categories(self, item):
        return [item.doc_type.name]
