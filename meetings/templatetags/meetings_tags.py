"""The meetings' part of other apps' pages, so that those apps never import meetings."""

from django import template

from meetings.models import Meeting

register = template.Library()


@register.inclusion_tag("meetings/includes/covering.html")
def meetings_covering(article):
    """The public meetings of the article's unit that it reported on, newest first."""
    meetings = Meeting.objects.of(article.unit_id).public().filter(articles=article).only("title", "slug", "starts_at")
    return {"meetings": meetings.order_by("-starts_at")}


@register.inclusion_tag("meetings/includes/document_meetings.html")
def meetings_with_document(document):
    """The public meetings of the document's unit whose papers include it (a document's page lists them).

    Meetings sit above documents: the documents app names no meeting, its page asks this tag.
    """
    meetings = Meeting.objects.of(document.unit_id).public().filter(document_links__document=document)
    return {"meetings": meetings.only("title", "slug", "starts_at").distinct().order_by("-starts_at")}
