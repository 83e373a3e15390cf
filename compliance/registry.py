"""The list of information a unit must disclose (Law 104/2016 Art. 19(1)(g)), each item a small provider.

An item says what the law asks for, in what form it is published, and how to find it on the portal:
its ``find(unit)`` returns a ``Presence`` (where, how many, when last updated), read from the portal's
own content, never typed by hand; adding an item is adding one line to ``ITEMS``.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import Consultation
from documents import disclosure
from documents.models import Document
from meetings.models import Meeting, Official
from procedures.models import Procedure
from questions.models import Question
from unitprofile.models import Office, ProfileSection
from units.models import Unit
from website.models import Page, SiteSettings

PRESENT = "present"
MISSING = "missing"

COMMUNE_LEVELS = {Unit.Level.COMMUNE, Unit.Level.WARD, Unit.Level.SPECIAL_ZONE}


@dataclass(frozen=True)
class Presence:
    """What a provider found: PRESENT or MISSING, where and since when."""

    status: str
    url: str = ""
    count: int | None = None
    updated: datetime.datetime | datetime.date | None = None


@dataclass(frozen=True)
class Item:
    """One kind of information the law asks a unit to publish."""

    key: str
    label: str
    basis: str
    form: str
    find: Callable[[Unit], Presence]
    communes_only: bool = False
    # Items published once a year (plans, budgets) are out of date when nothing newer than this exists.
    stale_after_days: int | None = None
    extra: dict = field(default_factory=dict)

    def is_stale(self, presence, today=None):
        if self.stale_after_days is None or presence.status != PRESENT or presence.updated is None:
            return False
        today = today or timezone.localdate()
        updated = presence.updated
        if isinstance(updated, datetime.datetime):
            updated = timezone.localdate(updated)
        return (today - updated).days > self.stale_after_days


def _url(name, query=""):
    try:
        return reverse(name) + query
    except NoReverseMatch:
        return ""


def _counted(rows, url, date_field="updated_at"):
    """One query: how many rows, and the latest ``date_field``; PRESENT when there is at least one."""
    found = rows.aggregate(count=Count("pk"), updated=Max(date_field) if date_field else Count("pk"))
    if not found["count"]:
        return Presence(MISSING, url=url, count=0)
    return Presence(PRESENT, url=url, count=found["count"], updated=found["updated"] if date_field else None)


def documents_of_kind(kind):
    """Published documents whose type is one of ``kind``'s (documents/disclosure.py), linked to the filtered list."""

    def find(unit):
        rows = Document.objects.of(unit).published().filter(doc_type__name__in=kind.type_names)
        found = rows.aggregate(count=Count("pk"), updated=Max("updated_at"), type_slug=Max("doc_type__slug"))
        query = f"?type={found['type_slug']}" if found["count"] else ""
        url = _url("documents:list", query)
        if not found["count"]:
            return Presence(MISSING, url=url, count=0)
        return Presence(PRESENT, url=url, count=found["count"], updated=found["updated"])

    return find


def public_rows(rows_of, *, url_name, date_field="updated_at"):
    """The unit's public rows of a section (``rows_of(unit)``), linked to the section's list."""

    def find(unit):
        return _counted(rows_of(unit), _url(url_name), date_field)

    return find


def all_documents(unit):
    return _counted(Document.objects.of(unit).published(), _url("documents:list"))


def public_meetings(unit):
    return _counted(Meeting.objects.of(unit).public(), _url("meetings:list"))


def profile(unit):
    """The unit's introduction (Decree 224/2026 Art. 9(1)(c)): its offices and the sections of its profile."""
    offices = Office.objects.of(unit)
    sections = ProfileSection.objects.of(unit).published()
    count = offices.count() + sections.count()
    if not count:
        return Presence(MISSING)
    updated = sections.aggregate(updated=Max("updated_at"))["updated"]
    return Presence(PRESENT, url=_url("unitprofile:overview"), count=count, updated=updated)


def leaders(unit):
    """The leaders in the officials directory (meetings.Official), each with a page of their own."""
    officials = Official.objects.of(unit).filter(is_active=True)
    first = officials.order_by("order", "name").only("slug").first()
    if first is None:
        return Presence(MISSING)
    return Presence(PRESENT, url=first.get_absolute_url(), count=officials.count())


def contacts(unit):
    """The address, telephone and e-mail of the footer, with the page “Liên hệ” when there is one."""
    site = SiteSettings.objects.of(unit)
    if not (site.address and site.phone and site.email):
        return Presence(MISSING)
    page = Page.objects.of(unit).published().filter(slug="lien-he").only("slug", "updated_at").first()
    if page is None:
        return Presence(PRESENT, url=_url("website:home") + "#footer", count=1)
    return Presence(PRESENT, url=page.get_absolute_url(), count=1, updated=page.updated_at)


YEARLY = 400  # a year and a little: a plan or a budget is published once a year
DOCUMENTS_FORM = _("Văn bản điện tử (trang chi tiết, tệp đính kèm), dữ liệu mở JSON/CSV")

ITEMS = [
    Item("documents", _("Văn bản quy phạm pháp luật, văn bản hành chính"), "Luật 104/2016 Đ.17",
         DOCUMENTS_FORM, all_documents),
    Item(disclosure.PLANS.key, disclosure.PLANS.label, "Luật 104/2016 Đ.17", DOCUMENTS_FORM,
         documents_of_kind(disclosure.PLANS), stale_after_days=YEARLY),
    Item(disclosure.BUDGET.key, disclosure.BUDGET.label, "Luật 104/2016 Đ.17", DOCUMENTS_FORM,
         documents_of_kind(disclosure.BUDGET), stale_after_days=YEARLY),
    Item(disclosure.INVESTMENT.key, disclosure.INVESTMENT.label, "Luật 104/2016 Đ.17", DOCUMENTS_FORM,
         documents_of_kind(disclosure.INVESTMENT)),
    Item(disclosure.PROCUREMENT.key, disclosure.PROCUREMENT.label, "Luật 104/2016 Đ.17", DOCUMENTS_FORM,
         documents_of_kind(disclosure.PROCUREMENT)),
    Item(disclosure.REPORTS.key, disclosure.REPORTS.label, "Luật 104/2016 Đ.17", DOCUMENTS_FORM,
         documents_of_kind(disclosure.REPORTS), stale_after_days=YEARLY),
    Item("meetings", _("Hoạt động, các cuộc họp của Ủy ban nhân dân"), "Luật 104/2016 Đ.17",
         _("Trang lịch họp, biên bản và kết luận; dữ liệu mở JSON"), public_meetings),
    Item("consultations", _("Dự thảo lấy ý kiến và kết quả lấy ý kiến"), "Luật 104/2016 Đ.19; Luật 10/2022 Đ.11",
         _("Trang lấy ý kiến dự thảo, tệp dự thảo"),
         public_rows(Consultation.objects.of, url_name="consultations:list")),
    Item("questions", _("Hỏi đáp, trả lời công dân"), "Nghị định 224/2026 Đ.9",
         _("Trang hỏi đáp, tra cứu theo mã"),
         public_rows(lambda unit: Question.objects.of(unit).published(), url_name="questions:list")),
    Item("procedures", _("Thủ tục hành chính, dịch vụ công trực tuyến"), "Nghị định 224/2026 Đ.9(1)(a)",
         _("Danh sách thủ tục, liên kết Cổng Dịch vụ công quốc gia"),
         public_rows(lambda unit: Procedure.objects.of(unit).published(), url_name="procedures:list")),
    Item("profile", _("Giới thiệu: tổ chức bộ máy, chức năng, nhiệm vụ"),
         "Luật 104/2016 Đ.17; Nghị định 224/2026 Đ.9(1)(c)",
         _("Trang giới thiệu"), profile),
    Item("leaders", _("Lãnh đạo: tiểu sử tóm tắt, nhiệm vụ đảm nhiệm"), "Nghị định 224/2026 Đ.9(1)(c)",
         _("Trang của từng cán bộ trong danh bạ"), leaders),
    Item("contacts", _("Địa chỉ, điện thoại, thư điện tử liên hệ"), "Luật 104/2016 Đ.17",
         _("Chân trang mọi trang, trang liên hệ"), contacts),
    Item(disclosure.LAND.key, disclosure.LAND.label, "Luật 10/2022 Đ.11", DOCUMENTS_FORM,
         documents_of_kind(disclosure.LAND), communes_only=True),
    Item(disclosure.SOCIAL_SUPPORT.key, disclosure.SOCIAL_SUPPORT.label, "Luật 10/2022 Đ.11", DOCUMENTS_FORM,
         documents_of_kind(disclosure.SOCIAL_SUPPORT), communes_only=True),
    Item(disclosure.CONTRIBUTIONS.key, disclosure.CONTRIBUTIONS.label, "Luật 10/2022 Đ.11", DOCUMENTS_FORM,
         documents_of_kind(disclosure.CONTRIBUTIONS), communes_only=True),
]  # fmt: skip


def items_for(unit):
    """The items ``unit`` must publish: a commune (xã, phường, đặc khu) also those of Law 10/2022 Art. 11."""
    is_commune = unit.level in COMMUNE_LEVELS
    return [item for item in ITEMS if is_commune or not item.communes_only]


def disclosure_list(unit):
    """(item, presence, stale) for each item ``unit`` must publish: the rows of the public list and of the check."""
    rows = []
    for item in items_for(unit):
        presence = item.find(unit)
        rows.append((item, presence, item.is_stale(presence)))
    return rows
