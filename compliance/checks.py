"""The compliance check: each legal item of a unit's portal as present, out of date, missing or not yet available.

The pages are checked as a visitor receives them: one page of each content kind is rendered on the
unit's host through Django's test client (in process, anonymous, no network), and its meta tags are
read back. What the check says is what the ministry's evaluation would find on the live portal.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from compliance import registry
from consultations.models import Consultation
from documents.models import Document
from meetings.models import Meeting
from procedures.models import Procedure
from questions.models import Question
from website.models import Page, SiteSettings

OK = "ok"
OUTDATED = "outdated"
MISSING = "missing"
FAILING = {OUTDATED, MISSING}

STATUS_LABELS = {
    OK: _("Đạt"),
    OUTDATED: _("Chưa cập nhật"),
    MISSING: _("Còn thiếu"),
}

# Decree 224/2026 Art. 11(5): the Dublin Core elements every content page carries.
DUBLIN_CORE = ("DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier", "DC.language")

# Footer lines (Decree 224/2026; the seeds' footers): field of SiteSettings → what it is called.
FOOTER_FIELDS = ("governing_agency", "editor_in_chief", "standing_office", "address", "phone", "email")


@dataclass(frozen=True)
class Finding:
    key: str
    label: str
    status: str
    detail: str = ""
    url: str = ""

    @property
    def failing(self):
        return self.status in FAILING

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class ContentKind:
    """A kind of content page whose Dublin Core tags are checked: ``sample(unit)`` gives one public page or None."""

    key: str
    label: str
    sample: Callable


CONTENT_KINDS = [
    ContentKind("article", _("Tin bài"), lambda unit: Article.objects.of(unit).published().order_by("-pk").first()),
    ContentKind("meeting", _("Cuộc họp"), lambda unit: Meeting.objects.of(unit).public().order_by("-pk").first()),
    ContentKind("document", _("Văn bản"), lambda unit: Document.objects.of(unit).published().order_by("-pk").first()),
    ContentKind("page", _("Trang tĩnh"), lambda unit: Page.objects.of(unit).published().order_by("-pk").first()),
    ContentKind(
        "question", _("Câu hỏi, trả lời"), lambda unit: Question.objects.of(unit).published().order_by("-pk").first()
    ),
    ContentKind("procedure", _("Thủ tục hành chính"), lambda unit: Procedure.objects.of(unit).order_by("-pk").first()),
    ContentKind(
        "consultation", _("Dự thảo lấy ý kiến"), lambda unit: Consultation.objects.of(unit).order_by("-pk").first()
    ),
]


class MetaTags(HTMLParser):
    """The ``<meta name=… content=…>`` of a page, its ``<html lang>``, and the forms' actions."""

    def __init__(self, html):
        super().__init__()
        self.meta, self.lang, self.actions = {}, "", set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") and attrs.get("content", "").strip():
            self.meta.setdefault(attrs["name"], attrs["content"].strip())
        elif tag == "html":
            self.lang = attrs.get("lang", "")
        elif tag == "form" and attrs.get("action"):
            self.actions.add(attrs["action"])


class Visitor:
    """An anonymous reader of ``unit``'s portal, in process: the page as it would be served, or None."""

    def __init__(self, unit):
        self.client = Client(HTTP_HOST=unit.host, raise_request_exception=False)

    def get(self, path, language=None):
        if language:
            self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        else:
            self.client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
        with translation.override(translation.get_language()):  # the page's language is not the caller's
            response = self.client.get(path)
        if response.status_code != 200:
            return None
        return response.content.decode(response.charset or "utf-8")


def footer(unit, site):
    label = SiteSettings._meta.get_field
    missing = [str(label(name).verbose_name) for name in FOOTER_FIELDS if not getattr(site, name)]
    # A commune's site is a component of its province's portal (Decree 224/2026 Art. 11(1)): the licence is theirs.
    if unit.parent_id is None and not site.licence:
        missing.append(str(label("licence").verbose_name))
    url = reverse("admin:website_sitesettings_changelist")
    if missing:
        return Finding("footer", _("Chân trang: thông tin cơ quan chủ quản"), MISSING, ", ".join(missing), url)
    return Finding("footer", _("Chân trang: thông tin cơ quan chủ quản"), OK, url=url)


def disclosure_findings(unit):
    findings = []
    for item, presence, stale in registry.disclosure_list(unit):
        if presence.status == registry.MISSING:
            status, detail = MISSING, _("Chưa có nội dung nào được công khai.")
        elif stale:
            status, detail = OUTDATED, _("Lần cập nhật gần nhất đã quá một năm.")
        else:
            status, detail = OK, ""
        findings.append(Finding(f"disclosure:{item.key}", item.label, status, str(detail), presence.url))
    return findings


def page_findings(unit, visitor):
    """Dublin Core on one page of each content kind, and the satisfaction rating on the pages that take one."""
    findings, rated = [], []
    feedback_url = reverse("stats:feedback")
    for kind in CONTENT_KINDS:
        label = _("Siêu dữ liệu Dublin Core: %(kind)s") % {"kind": kind.label}
        sample = kind.sample(unit)
        if sample is None:
            findings.append(Finding(f"dc:{kind.key}", label, OK, str(_("Chưa có trang nào loại này để kiểm tra."))))
            continue
        url = sample.get_absolute_url()
        html = visitor.get(url)
        if html is None:
            findings.append(Finding(f"dc:{kind.key}", label, MISSING, str(_("Trang không mở được.")), url))
            continue
        tags = MetaTags(html)
        absent = [name for name in DUBLIN_CORE if name not in tags.meta]
        detail = _("Thiếu thẻ: %(tags)s") % {"tags": ", ".join(absent)} if absent else ""
        findings.append(Finding(f"dc:{kind.key}", label, MISSING if absent else OK, str(detail), url))
        if kind.key in ("article", "meeting"):
            rated.append((url, feedback_url in tags.actions))
    label = _("Đánh giá mức độ hài lòng của người xem")
    if not rated:
        findings.append(Finding("rating", label, MISSING, str(_("Không có trang tin bài, cuộc họp nào để kiểm tra."))))
    else:
        without = [url for url, has_form in rated if not has_form]
        detail = _("Không có ô đánh giá: %(pages)s") % {"pages": ", ".join(without)} if without else ""
        findings.append(Finding("rating", label, MISSING if without else OK, str(detail), rated[0][0]))
    return findings


def sitemap(visitor):
    label = _("Sơ đồ trang (sitemap.xml)")
    xml = visitor.get(reverse("sitemap-index"))
    if xml is None or "<loc>" not in xml:
        return Finding("sitemap", label, MISSING, str(_("Không đọc được sơ đồ trang.")), "/sitemap.xml")
    return Finding("sitemap", label, OK, url="/sitemap.xml")


def english(visitor):
    """The English interface: the home page served in English when a reader chooses it."""
    label = _("Trang tiếng Anh")
    html = visitor.get(reverse("website:home"), language="en")
    if html is None or MetaTags(html).lang != "en":
        return Finding("english", label, MISSING, str(_("Trang chủ không có bản tiếng Anh.")), "/")
    return Finding("english", label, OK, url="/")


def measurement(site):
    label = _("Mã đo lường của hệ thống đo lường quốc gia")
    url = reverse("admin:website_sitesettings_changelist")
    if not site.measurement_site_id:
        return Finding("measurement", label, MISSING, str(_("Chưa điền mã website đo lường.")), url)
    return Finding("measurement", label, OK, url=url)


def check_unit(unit):
    """Every finding for ``unit``: the footer, the disclosure list, the pages, the sitemap, English, measurement."""
    site = SiteSettings.objects.of(unit)
    visitor = Visitor(unit)
    return [
        footer(unit, site),
        *disclosure_findings(unit),
        *page_findings(unit, visitor),
        sitemap(visitor),
        english(visitor),
        measurement(site),
    ]
