"""Revisions of articles and pages: each save kept, two versions compared, one restored within the rules."""

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.utils import timezone
from reversion.models import Version

from accounts import roles
from articles import services
from articles.models import Article
from tests.accounts.test_admin_language import english_on
from tests.articles.factories import make_article, make_category
from tests.articles.test_admin import form_data
from tests.units import give_role
from units.models import Unit
from website.models import Page

pytestmark = pytest.mark.django_db

BASE = "/admin/articles/article"


def versions(obj):
    return list(Version.objects.get_for_object(obj).select_related("revision__user"))  # newest first


def save_in_admin(client, article, **changes):
    fields = {"title": article.title, "lead": article.lead, "body": article.body, "author": article.author}
    if article.published_at:  # as the form shows it: a save keeps the publication time
        local = timezone.localtime(article.published_at)
        fields |= {"published_at_0": local.strftime("%d/%m/%Y"), "published_at_1": local.strftime("%H:%M:%S")}
    response = client.post(f"{BASE}/{article.pk}/change/", form_data(article.category, **(fields | changes)))
    assert response.status_code == 302, response.context["errors"] if response.context else response
    article.refresh_from_db()
    return response


def compare_url(article, old, new):
    return f"{BASE}/{article.pk}/history/compare/?old={old.pk}&new={new.pk}"


def restore_url(article, version):
    return f"{BASE}/{article.pk}/history/{version.pk}/restore/"


@pytest.fixture
def category():
    return make_category("Kinh tế")


@pytest.fixture
def edited(client, editor_in_chief, category):
    """A published article saved twice in the admin by the editor-in-chief: a first and a second version."""
    client.force_login(editor_in_chief)
    article = make_article("Lúa hè thu được mùa", category=category, body="<p>Năng suất đạt 60 tạ một héc-ta.</p>")
    save_in_admin(client, article)
    save_in_admin(
        client,
        article,
        title="Lúa hè thu được mùa lớn",
        body="<p>Năng suất đạt 65 tạ một héc-ta.</p><p>Giá ổn định.</p>",
    )
    return article


def test_every_admin_save_keeps_a_revision_by_its_author(client, editor_in_chief, category):
    client.force_login(editor_in_chief)
    article = make_article("Tin mới", category=category)
    save_in_admin(client, article, title="Tin mới sửa")
    save_in_admin(client, article, title="Tin mới sửa lần hai")
    kept = versions(article)
    assert len(kept) == 2
    assert kept[0].field_dict["title"] == "Tin mới sửa lần hai"
    assert kept[1].field_dict["title"] == "Tin mới sửa"
    assert kept[0].revision.user == editor_in_chief
    assert "tiêu đề" in kept[0].revision.get_comment().lower()


def test_a_workflow_step_is_a_revision_that_says_what_happened(client, press_officer, editor_in_chief, category):
    client.force_login(press_officer)
    response = client.post(f"{BASE}/add/", form_data(category, _action="submit"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert versions(article)[0].revision.get_comment().startswith("Gửi duyệt")
    assert versions(article)[0].revision.user == press_officer

    services.return_article(article=article, by=editor_in_chief, reason="Thiếu nguồn tin")
    assert versions(article)[0].revision.get_comment() == "Trả lại: Thiếu nguồn tin"
    assert versions(article)[0].field_dict["status"] == Article.Status.DRAFT
    services.publish_article(article=article, by=editor_in_chief)
    assert versions(article)[0].revision.get_comment() == "Xuất bản"
    services.withdraw_article(article=article, by=editor_in_chief)
    latest = versions(article)[0]
    assert (latest.revision.get_comment(), latest.revision.user) == ("Gỡ bài", editor_in_chief)
    assert len(versions(article)) == 4


def test_the_history_lists_the_versions_to_compare_and_restore(client, edited):
    page = client.get(f"{BASE}/{edited.pk}/history/").content.decode()
    assert "So sánh hai phiên bản đã chọn" in page
    assert page.count('name="old"') == 2
    assert page.count(">Khôi phục</a>") == 2
    assert english_on(page) == []


def test_the_diff_shows_the_changed_words_under_the_field_labels(client, edited):
    new, old = versions(edited)
    response = client.get(compare_url(edited, old, new))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tiêu đề" in page and "Nội dung" in page
    assert "Sapo" not in page  # unchanged fields are not listed
    assert "Lúa hè thu được mùa<ins> lớn</ins>" in page
    assert "<del>60</del><ins>65</ins>" in page
    assert "<ins>Giá ổn định.</ins>" in page
    assert english_on(page) == []
    # The same two versions picked the other way round still read from the older to the newer.
    assert "<del>60</del><ins>65</ins>" in client.get(compare_url(edited, new, old)).content.decode()


def test_the_diff_never_renders_stored_html(client, edited):
    save_in_admin(client, edited, title='Tin <script>alert("x")</script> mới')
    newest, previous = versions(edited)[:2]
    page = client.get(compare_url(edited, previous, newest)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_restoring_brings_back_the_old_content_as_a_new_revision(client, edited):
    new, old = versions(edited)
    preview = client.get(restore_url(edited, old))
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "<del> lớn</del>" in page and "<del>Giá ổn định.</del>" in page
    assert "Bài đang hiện trên trang" in page
    assert "Trạng thái" in page.split("Giữ nguyên như hiện tại")[1]
    assert english_on(page) == []
    edited.refresh_from_db()
    assert edited.title == "Lúa hè thu được mùa lớn"  # looking changes nothing

    response = client.post(restore_url(edited, old))
    assert response.status_code == 302
    edited.refresh_from_db()
    assert edited.title == "Lúa hè thu được mùa"
    assert edited.body == "<p>Năng suất đạt 60 tạ một héc-ta.</p>"
    assert edited.status == Article.Status.PUBLISHED
    latest = versions(edited)[0]
    assert len(versions(edited)) == 3
    assert latest.field_dict["title"] == "Lúa hè thu được mùa"
    assert latest.revision.get_comment().startswith("Khôi phục phiên bản lưu lúc")


def test_restoring_keeps_the_status_the_workflow_gave(client, editor_in_chief, category):
    """A draft's version restored onto the withdrawn article neither publishes it nor makes it a draft."""
    client.force_login(editor_in_chief)
    article = make_article("Bản nháp đầu", category=category, status=Article.Status.DRAFT)
    save_in_admin(client, article)
    draft_version = versions(article)[0]
    services.publish_article(article=article, by=editor_in_chief)
    services.withdraw_article(article=article, by=editor_in_chief)
    save_in_admin(client, article, title="Bản đã gỡ")
    published_at = article.published_at
    assert published_at is not None

    assert client.post(restore_url(article, draft_version)).status_code == 302
    article.refresh_from_db()
    assert article.title == "Bản nháp đầu"
    assert article.status == Article.Status.WITHDRAWN
    assert article.published_at == published_at


def test_a_restore_onto_a_published_article_keeps_its_images_described(client, edited):
    save_in_admin(client, edited, body='<p>Ảnh: <img src="/media/a.jpg" alt="Cánh đồng lúa"></p>')
    edited.body = '<p>Ảnh: <img src="/media/a.jpg"></p>'
    with reversion.create_revision():
        edited.save()
    undescribed = versions(edited)[0]
    save_in_admin(client, edited, body="<p>Không ảnh.</p>")

    response = client.post(restore_url(edited, undescribed), follow=True)
    assert "chưa có mô tả (alt)" in response.content.decode()
    edited.refresh_from_db()
    assert edited.body == "<p>Không ảnh.</p>"


def test_a_form_opened_before_a_restore_is_refused_as_stale(client, edited):
    opened = client.get(f"{BASE}/{edited.pk}/change/").context["adminform"].form["loaded_version"].value()
    old = versions(edited)[-1]
    assert client.post(restore_url(edited, old)).status_code == 302
    data = form_data(edited.category, title="Sửa trên bản cũ", loaded_version=opened)
    response = client.post(f"{BASE}/{edited.pk}/change/", data)
    assert response.status_code == 200
    assert "vừa được người khác lưu" in response.content.decode()
    edited.refresh_from_db()
    assert edited.title == "Lúa hè thu được mùa"


def test_a_press_officer_cannot_restore_a_published_article(client, press_officer, editor_in_chief, category):
    client.force_login(press_officer)
    response = client.post(f"{BASE}/add/", form_data(category, title="Bài của phóng viên", _action="submit"))
    assert response.status_code == 302
    article = Article.objects.get()
    first = versions(article)[0]
    services.publish_article(article=article, by=editor_in_chief)
    article.title = "Bài đã duyệt"
    with reversion.create_revision():
        article.save()

    history = client.get(f"{BASE}/{article.pk}/history/").content.decode()
    assert "So sánh hai phiên bản đã chọn" in history
    assert ">Khôi phục</a>" not in history
    assert client.get(restore_url(article, first)).status_code == 403
    assert client.post(restore_url(article, first)).status_code == 403
    article.refresh_from_db()
    assert article.title == "Bài đã duyệt"


def test_another_units_versions_are_out_of_reach(client, edited, settings):
    settings.ALLOWED_HOSTS = ["testserver", ".testserver"]
    sibling = Unit.objects.create(code="02", name="UBND xã Hòa Lộc", short_name="Hòa Lộc", host="hoaloc.testserver")
    theirs = make_article("Tin của xã Hòa Lộc", category=make_category(unit=sibling), unit=sibling)
    with reversion.create_revision():
        theirs.save()
    with reversion.create_revision():
        theirs.title = "Tin của xã Hòa Lộc đã sửa"
        theirs.save()
    newer, older = versions(theirs)

    history = client.get(f"{BASE}/{theirs.pk}/history/", follow=True).content.decode()
    assert "Tin của xã Hòa Lộc" not in history
    assert client.get(compare_url(theirs, older, newer)).status_code == 404
    assert client.get(restore_url(theirs, older)).status_code == 404
    assert client.post(restore_url(theirs, older)).status_code == 404
    # Their version's number on our own article's address finds nothing either.
    assert client.post(restore_url(edited, older)).status_code == 404
    assert client.get(compare_url(edited, older, versions(edited)[0])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Tin của xã Hòa Lộc đã sửa"

    # Their own editor-in-chief, on their host, restores it.
    colleague = get_user_model().objects.create_user("truongban.hoaloc", password="x", is_staff=True)
    give_role(colleague, roles.EDITOR_IN_CHIEF, sibling)
    client.force_login(colleague)
    assert client.post(restore_url(theirs, older), HTTP_HOST="hoaloc.testserver").status_code == 302
    theirs.refresh_from_db()
    assert theirs.title == "Tin của xã Hòa Lộc"


def test_a_page_keeps_revisions_and_is_restored(admin_client):
    page = Page.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Xã có 12 thôn.</p>")
    data = {"title": "Giới thiệu", "slug": "gioi-thieu", "is_published": "on"}
    for body in ("<p>Xã có 12 thôn.</p>", "<p>Xã có 14 thôn.</p>"):
        assert admin_client.post(f"/admin/website/page/{page.pk}/change/", data | {"body": body}).status_code == 302
    new, old = versions(page)
    diff = admin_client.get(f"/admin/website/page/{page.pk}/history/compare/?old={old.pk}&new={new.pk}")
    assert "<del>12</del><ins>14</ins>" in diff.content.decode()
    assert admin_client.post(f"/admin/website/page/{page.pk}/history/{old.pk}/restore/").status_code == 302
    page.refresh_from_db()
    assert page.body == "<p>Xã có 12 thôn.</p>"
    assert len(versions(page)) == 3
