"""A small province for the tests of people and units: the province, the test unit and a sibling commune."""

from dataclasses import dataclass

from articles.models import Article, Attachment, Comment
from tests.articles.factories import make_article, make_category
from tests.documents.factories import make_document
from tests.meetings.factories import make_meeting
from tests.units import unit_under_test
from units.models import Unit

HOSTS = ["testserver", ".testserver"]


@dataclass
class Place:
    """A unit and the content it holds, for requests that aim at it with its numbers."""

    unit: Unit
    category: object
    published: Article
    draft: Article
    comment: Comment
    meeting: object
    attachment: Attachment
    document: object


def make_province():
    """The province above the test unit, and a sibling commune below it; returns (province, own, sibling)."""
    province = Unit.objects.create(
        code="38",
        name="UBND tỉnh Thanh Hóa",
        short_name="Tỉnh Thanh Hóa",
        level=Unit.Level.PROVINCE,
        host="tinh.testserver",
    )
    own = unit_under_test()
    own.parent = province
    own.save(update_fields=["parent"])
    sibling = Unit.objects.create(
        code="02", name="UBND xã Hòa Lộc", short_name="UBND xã Hòa Lộc", parent=province, host="hoaloc.testserver"
    )
    return province, own, sibling


def fill(unit, author, label):
    """Content of ``unit``, titled after ``label`` so that a page showing it gives it away."""
    category = make_category(f"Chuyên mục {label}", unit=unit)
    published = make_article(f"Tin đã đăng {label}", category=category, unit=unit, created_by=author)
    draft = make_article(
        f"Bản nháp {label}", category=category, unit=unit, status=Article.Status.DRAFT, created_by=author
    )
    comment = Comment.objects.create(article=published, name="Lan", body=f"Nhận xét {label}")
    meeting = make_meeting(f"Cuộc họp {label}", unit=unit)
    attachment = Attachment.objects.create(article=draft, title=f"Tệp {label}", file=f"tep/{label}.pdf")
    document = make_document(f"Văn bản {label}", unit=unit)
    return Place(unit, category, published, draft, comment, meeting, attachment, document)
