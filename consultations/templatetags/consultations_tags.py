"""Consultation fragments other pages draw: a draft's link, a document's “Kết quả lấy ý kiến” box."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def document_link(document):
    """The draft's number and summary, linked to its document page."""
    text = f"{document.number} {document.summary}".strip() if document.number else document.summary
    return format_html('<a href="{}">{}</a>', document.get_absolute_url(), text)


@register.inclusion_tag("consultations/includes/document_results.html")
def consultation_results(document):
    """For a document's page: the consultations whose result it is (``Consultation.issued_document``)."""
    return {"result_consultations": list(document.consultation_results.only("title", "slug"))}
