"""`seed_demo`: the demo province a new user sees after `make run`, idempotent, with working accounts."""

import io
import re
from datetime import time
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from accounts.roles import ROLES
from articles.models import Article, Category, Offer
from consultations.models import Consultation
from documents.models import Document
from meetings.models import Meeting, Task
from units.models import Unit, UnitAlias
from website.demo import COMMUNES, FORMER_DISTRICT, PROVINCE
from website.models import MenuItem, Page, SiteSettings

pytestmark = pytest.mark.django_db


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def printed_accounts(output):
    """(role, username, password, unit) for each line that `seed_demo` prints under its heading."""
    accounts_part = output.split("/admin/", 1)[1].split("\n", 1)[1]
    return re.findall(r"^ +(\S.*?) {2,}(\S+) +(\S+) +(\S.*)$", accounts_part, re.MULTILINE)


def test_demo_is_a_province_with_its_communes_and_a_former_districts_archive():
    output = seed()
    province = Unit.objects.get(code=PROVINCE.code)
    assert province.is_province and "Sông Lam" in province.name
    communes = Unit.objects.filter(parent=province, archived=False)
    assert communes.count() >= 3 and {c.level for c in communes} <= {"xa", "phuong", "dac-khu"}
    archive = Unit.objects.get(code=FORMER_DISTRICT.code)
    assert archive.archived and archive.level == Unit.Level.FORMER_DISTRICT and archive.parent == province
    for spec in (PROVINCE, *COMMUNES, FORMER_DISTRICT):
        assert f"http://{spec.host}:8000/" in output


def test_the_province_shows_news_from_its_communes_and_one_offer_waits(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", ".localhost"]
    seed()
    province = Unit.objects.get(code=PROVINCE.code)
    accepted = Offer.objects.filter(province=province, status=Offer.Status.ACCEPTED).select_related("article")
    assert accepted.count() == len(COMMUNES) - 1
    assert Offer.objects.filter(province=province, status=Offer.Status.OFFERED).count() == 1
    home = client.get("/", HTTP_HOST=province.host).content.decode()
    for offer in accepted:
        assert offer.article.title in home and f"//{offer.article.unit.host}" in home


def test_every_open_unit_publishes_documents_and_asks_its_residents(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", ".localhost"]
    seed()
    for spec in (PROVINCE, *COMMUNES):
        unit = Unit.objects.get(code=spec.code)
        found = client.get("/van-ban/tim-kiem/?q=dien+tich+ban+hang+co+dinh", HTTP_HOST=unit.host).content.decode()
        assert "Quy định thu phí chợ" in found  # words found only inside the decision's file
        assert "Đang lấy ý kiến" in client.get("/lay-y-kien/", HTTP_HOST=unit.host).content.decode()


def test_every_open_unit_has_its_own_whole_portal():
    seed()
    for spec in (PROVINCE, *COMMUNES):
        unit = Unit.objects.get(code=spec.code)
        site = SiteSettings.objects.get(unit=unit)
        assert site.governing_agency == unit.name and site.address and site.phone
        assert site.featured_category is not None and site.featured_category.unit == unit
        assert Category.objects.of(unit).count() >= 5
        news = Article.objects.of(unit).published().news()
        assert news.count() >= 4
        assert news.exclude(image="").exclude(image_alt="").count() == news.count()
        assert all(article.category.unit == unit for article in news)
        assert Article.objects.of(unit).published().announcements().count() >= 2
        assert Page.objects.of(unit).filter(slug="kha-nang-tiep-can").exists()
        assert MenuItem.objects.of(unit).count() >= 6
        assert all(item.category is None or item.category.unit == unit for item in MenuItem.objects.of(unit))
        assert Meeting.objects.of(unit).public().past().exists()
    province = Unit.objects.get(code=PROVINCE.code)
    assert Article.objects.of(province).published().news().count() >= 8
    assert {a.host for a in UnitAlias.objects.filter(unit=province, redirect=False)} >= {"127.0.0.1", "localhost"} - {
        a.host for a in UnitAlias.objects.exclude(unit=province)
    }


def test_the_archive_holds_the_former_districts_news_as_imported():
    seed()
    archive = Unit.objects.get(code=FORMER_DISTRICT.code)
    imported = Article.objects.of(archive).published()
    assert imported.count() >= 20
    assert not imported.filter(external_id=None).exists()
    assert not imported.filter(author="").exists()
    assert imported.filter(view_count__gte=900).count() == imported.count()
    assert imported.latest("published_at").published_at.year == 2025
    assert imported.order_by("published_at").first().published_at < imported.latest("published_at").published_at
    assert all(article.category.unit == archive for article in imported)
    assert SiteSettings.objects.get(unit=archive).governing_agency.startswith("Ủy ban nhân dân huyện Sông Lam")


def test_running_it_twice_changes_nothing():
    seed()
    before = row_counts()
    articles = list(Article.objects.order_by("pk").values_list("slug", "title", "published_at", "image", "view_count"))
    output = seed()
    assert row_counts() == before
    assert list(
        Article.objects.order_by("pk").values_list("slug", "title", "published_at", "image", "view_count")
    ) == (articles)
    assert "http://songlam.localhost:8000/" in output


def test_printed_accounts_log_in_to_the_admin(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost", ".localhost"]  # the demo's development hosts
    output = seed()
    accounts = printed_accounts(output)
    assert {role for role, _username, _password, _unit in accounts} == {role.group_name for role in ROLES}
    for spec in (PROVINCE, *COMMUNES):
        assert {role for role, *_rest, unit in accounts if unit == spec.short_name} == {r.group_name for r in ROLES}
    assert "Xác thực hai bước bắt buộc với: quantri" in output and "quét bằng ứng dụng xác thực" in output
    for _role, username, password, unit_name in accounts:
        host = Unit.objects.get(short_name=unit_name).host  # an account logs in where it holds its role
        login = {"username": username, "password": password}
        response = client.post("/admin/login/?next=/admin/", login, HTTP_HOST=host)
        assert response.status_code == 302, f"{username} could not log in"
        admin = client.get("/admin/", HTTP_HOST=host)
        if username.startswith("quantri"):  # an administrator enrols a second factor first
            assert admin["Location"].startswith("/admin/xac-thuc/dang-ky/")
        else:
            assert admin.status_code == 200
        client.logout()


class _Figures(HTMLParser):
    """Each ``<img>`` of a body with its alt text and the caption of the figure it is in."""

    def __init__(self):
        super().__init__()
        self.images, self._in_caption = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append({**dict(attrs), "caption": ""})
        self._in_caption = tag == "figcaption"

    def handle_endtag(self, tag):
        self._in_caption = False

    def handle_data(self, data):
        if self._in_caption and self.images:
            self.images[-1]["caption"] += data


def body_images(article):
    parser = _Figures()
    parser.feed(article.body)
    return parser.images


def test_demo_pictures_exist_and_their_words_say_what_they_show(settings):
    seed()
    news = Article.objects.published().news().filter(unit__archived=False)
    for article in news:
        assert article.image_alt.startswith("Hình vẽ ") and article.image_caption.startswith("Hình minh họa")
        for field in (article.image, article.image_thumb, article.image_large):
            assert default_storage.exists(field.name)
        with article.image.open("rb") as handle:
            assert Image.open(handle).size == (1200, 800)
    figures = [image for article in news for image in body_images(article)]
    assert len(figures) >= 5
    for image in figures:
        assert image["alt"].startswith("Hình vẽ ") and image["caption"].startswith("Hình minh họa")
        assert default_storage.exists(image["src"].removeprefix(settings.MEDIA_URL))


def in_office_hours(moment):
    moment = timezone.localtime(moment)
    return moment.weekday() < 5 and time(7, 30) <= moment.time() <= time(17)


def test_demo_articles_documents_and_consultations_are_dated_on_working_days():
    seed()
    for spec in (PROVINCE, *COMMUNES, FORMER_DISTRICT):
        unit = Unit.objects.get(code=spec.code)
        times = list(Article.objects.of(unit).published().values_list("published_at", flat=True))
        assert all(map(in_office_hours, times)), unit
        assert len({timezone.localtime(moment).time() for moment in times}) > len(times) * 3 // 4  # not one hour
    assert all(day.weekday() < 5 for day in Document.objects.values_list("issued_on", flat=True))
    for consultation in Consultation.objects.all():
        assert in_office_hours(consultation.opens_at) and in_office_hours(consultation.closes_at)


def test_demo_meetings_fall_on_working_days_each_agenda_item_with_its_own_summary_and_outcome():
    seed()
    meetings = Meeting.objects.prefetch_related("agenda_items")
    starts = [timezone.localtime(meeting.starts_at) for meeting in meetings]
    assert all(start.weekday() < 5 for start in starts)  # no Sunday, and no Saturday either
    assert all(time(7, 30) <= start.time() and start.time() <= time(17) for start in starts)
    assert all(timezone.localtime(meeting.ends_at).time() <= time(17) for meeting in meetings)
    assert len({start.time() for start in starts}) > 2
    for meeting in meetings:
        items = list(meeting.agenda_items.all())
        summaries = {item.summary for item in items}
        assert "" not in summaries and len(summaries) == len(items), meeting.title
        outcomes = {item.outcome for item in items}
        if meeting.status == Meeting.Status.HELD:
            assert "" not in outcomes and len(outcomes) == len(items), meeting.title
        else:
            assert outcomes == {""}
    assert all(deadline.weekday() < 5 for deadline in Task.objects.values_list("deadline", flat=True))
