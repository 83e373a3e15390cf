"""The editing side: roles, the workflow actions, images, search and the preview."""

import io
import json
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles import services
from articles.models import Article, Comment
from tests.articles.factories import image_bytes, make_article, make_category, pdf_bytes

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def form_data(category, **overrides):
    data = {
        "title": "Nông dân Sông Lam thu hoạch lúa",
        "slug": "",
        "category": category.pk,
        "kind": "news",
        "lead": "Vụ hè thu năm nay đạt năng suất cao.",
        "body": "<p>Bà con phấn khởi.</p>",
        "image_caption": "",
        "image_alt": "",
        "author": "Thanh Tâm",
        "source": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.fixture
def category():
    return make_category("Kinh tế")


def test_roles_carry_the_article_permissions(press_officer, editor_in_chief):
    assert editor_in_chief.has_perm("articles.publish_article")
    assert editor_in_chief.has_perm("articles.delete_comment")
    assert editor_in_chief.has_perm("articles.change_category")
    assert press_officer.has_perm("articles.add_article")
    assert press_officer.has_perm("articles.add_attachment")
    assert press_officer.has_perm("articles.view_category")
    assert not press_officer.has_perm("articles.publish_article")
    assert not press_officer.has_perm("articles.delete_article")


class TestPressOfficer:
    def test_writes_a_draft_and_submits_it(self, client, press_officer, category):
        client.force_login(press_officer)
        response = client.post(f"{ADD_URL}add/", form_data(category, _action="submit"))
        assert response.status_code == 302, response.content.decode()[:3000]
        article = Article.objects.get()
        assert article.status == Article.Status.PENDING
        assert article.created_by == press_officer == article.updated_by
        assert article.slug == "nong-dan-song-lam-thu-hoach-lua"

    def test_cannot_publish(self, client, press_officer, category):
        client.force_login(press_officer)
        response = client.post(f"{ADD_URL}add/", form_data(category, _action="publish"))
        assert response.status_code == 200
        assert not Article.objects.exists()
        with pytest.raises(services.PermissionDenied):
            services.publish_article(article=make_article(status="pending"), by=press_officer)

    def test_does_not_see_the_publish_actions(self, client, press_officer):
        make_article(status="draft", created_by=press_officer)
        client.force_login(press_officer)
        page = client.get(ADD_URL).content.decode()
        assert "submit_selected" in page
        assert "publish_selected" not in page and "withdraw_selected" not in page

    def test_edits_only_own_drafts_and_pending_articles(self, client, press_officer, other_press_officer, category):
        own = make_article("Bài của tôi", category=category, status="draft", created_by=press_officer)
        others = make_article("Bài người khác", category=category, status="draft", created_by=other_press_officer)
        published = make_article("Bài đã đăng", category=category, created_by=press_officer)
        client.force_login(press_officer)
        response = client.post(change_url(own), form_data(category, title="Bài của tôi (sửa)"))
        assert response.status_code == 302
        own.refresh_from_db()
        assert own.title == "Bài của tôi (sửa)"
        for article in (others, published):
            client.post(change_url(article), form_data(category, title="Sửa trộm"))
            article.refresh_from_db()
            assert article.title != "Sửa trộm"
        assert client.post(f"/admin/articles/article/{published.pk}/delete/", {"post": "yes"}).status_code == 403
        assert Article.objects.filter(pk=published.pk).exists()

    def test_submit_action(self, client, press_officer, category):
        own = make_article("Bài nháp", category=category, status="draft", created_by=press_officer)
        client.force_login(press_officer)
        client.post(ADD_URL, {"action": "submit_selected", "_selected_action": [own.pk]})
        own.refresh_from_db()
        assert own.status == Article.Status.PENDING


class TestEditorInChief:
    def test_publish_and_withdraw_actions(self, client, editor_in_chief, category):
        article = make_article("Bài chờ", category=category, status="pending")
        client.force_login(editor_in_chief)
        client.post(ADD_URL, {"action": "publish_selected", "_selected_action": [article.pk]})
        article.refresh_from_db()
        assert article.is_public and article.updated_by == editor_in_chief
        client.post(ADD_URL, {"action": "withdraw_selected", "_selected_action": [article.pk]})
        article.refresh_from_db()
        assert article.status == Article.Status.WITHDRAWN
        assert not Article.objects.published().exists()

    def test_schedules_from_the_form(self, client, editor_in_chief, category):
        client.force_login(editor_in_chief)
        later = timezone.localtime() + timezone.timedelta(days=2)
        data = form_data(
            category, _action="schedule", published_at_0=later.strftime("%d/%m/%Y"), published_at_1="08:00"
        )
        response = client.post(f"{ADD_URL}add/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        article = Article.objects.get()
        assert article.status == Article.Status.PUBLISHED and article.is_scheduled
        assert not Article.objects.published().exists()

    def test_slug_is_stable_once_published(self, client, editor_in_chief, category):
        article = make_article("Tiêu đề đầu", category=category)
        client.force_login(editor_in_chief)
        client.post(change_url(article), form_data(category, title="Tiêu đề mới", slug="doi-duong-dan"))
        article.refresh_from_db()
        assert article.title == "Tiêu đề mới"
        assert article.slug == "tieu-de-dau"

    def test_change_list_columns_filters_and_accent_free_search(self, client, editor_in_chief, category):
        make_article("Đường giao thông nông thôn", category=category, author="Thanh Tâm", view_count=4321)
        make_article("Tin khác", category=category)
        client.force_login(editor_in_chief)
        page = client.get(ADD_URL, {"q": "duong giao"}).content.decode()
        assert "Đường giao thông nông thôn" in page and "Tin khác" not in page
        assert "Thanh Tâm" in page and "4321" in page.replace(".", "")
        for param in ("status__exact=published", f"category__id__exact={category.pk}", "published_at__year=2026"):
            assert client.get(f"{ADD_URL}?{param}").status_code == 200

    def test_approves_comments(self, client, editor_in_chief):
        comment = Comment.objects.create(article=make_article(), name="An", body="Hay")
        client.force_login(editor_in_chief)
        client.post("/admin/articles/comment/", {"action": "approve_selected", "_selected_action": [comment.pk]})
        comment.refresh_from_db()
        assert comment.approved


class TestImages:
    def gps_exif(self):
        exif = Image.Exif()
        exif[0x8825] = {1: "N", 2: (21.0, 1.0, 0.0)}
        return exif

    def test_featured_image_is_reencoded_without_exif_and_rendered_in_two_sizes(
        self, client, editor_in_chief, category
    ):
        client.force_login(editor_in_chief)
        upload = SimpleUploadedFile(
            "Ảnh lễ khởi công.jpg", image_bytes(size=(2000, 1500), exif=self.gps_exif()), content_type="image/jpeg"
        )
        data = form_data(category, image=upload, image_alt="Lễ khởi công", image_caption="Toàn cảnh")
        response = client.post(f"{ADD_URL}add/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        article = Article.objects.get()
        with article.image.open("rb") as handle:
            assert not Image.open(handle).getexif()
        with article.image_thumb.open("rb") as handle:
            assert Image.open(handle).size == (360, 240)
        with article.image_large.open("rb") as handle:
            assert Image.open(handle).size == (1200, 900)
        page = client.get(f"/bien-tap/xem-truoc/{article.pk}/").content.decode()
        assert article.image_large.url in page

    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("virus.jpg", b"MZ not an image at all", "không phải là ảnh hợp lệ"),
            ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "không phải là ảnh hợp lệ"),
        ],
    )
    def test_a_non_image_is_refused_with_a_clear_error(
        self, client, editor_in_chief, category, name, content, message
    ):
        client.force_login(editor_in_chief)
        data = form_data(category, image=SimpleUploadedFile(name, content), image_alt="x")
        response = client.post(f"{ADD_URL}add/", data)
        assert response.status_code == 200
        page = response.content.decode()
        assert message in page or "Hãy tải lên một hình ảnh hợp lệ" in page
        assert not Article.objects.exists()

    def test_a_decompression_bomb_is_refused(self, client, editor_in_chief, category):
        client.force_login(editor_in_chief)
        buffer = io.BytesIO()
        Image.new("1", (8000, 8000)).save(buffer, format="PNG")
        data = form_data(category, image=SimpleUploadedFile("bom.png", buffer.getvalue()), image_alt="x")
        response = client.post(f"{ADD_URL}add/", data)
        assert "quá lớn" in response.content.decode()
        assert not Article.objects.exists()

    def test_an_image_needs_alt_text(self, client, editor_in_chief, category):
        client.force_login(editor_in_chief)
        data = form_data(category, image=SimpleUploadedFile("a.jpg", image_bytes()))
        response = client.post(f"{ADD_URL}add/", data)
        assert "Hãy mô tả ảnh (alt)" in response.content.decode()


class TestEditorUpload:
    url = "/bien-tap/tai-anh/"

    def test_a_renamed_non_image_is_refused(self, client, press_officer):
        client.force_login(press_officer)
        response = client.post(self.url, {"upload": SimpleUploadedFile("anh.png", b"<?php echo 1; ?>")})
        assert response.status_code == 400
        assert "không phải là ảnh hợp lệ" in json.loads(response.content)["error"]["message"]

    def test_an_image_is_stored_reencoded(self, client, press_officer):
        client.force_login(press_officer)
        exif = Image.Exif()
        exif[0x8825] = {1: "N"}
        upload = SimpleUploadedFile("Ảnh hội nghị.jpg", image_bytes(exif=exif), content_type="image/jpeg")
        response = client.post(self.url, {"upload": upload})
        assert response.status_code == 200
        url = json.loads(response.content)["url"]
        assert url.startswith("/media/editor/") and url.endswith(".jpg") and "anh-hoi-nghi" in url
        with default_storage.open(url.removeprefix("/media/"), "rb") as handle:
            assert not Image.open(handle).getexif()

    def test_the_widget_uploads_to_this_view(self, client, press_officer):
        client.force_login(press_officer)
        assert f'data-upload-url="{self.url}"' in client.get(f"{ADD_URL}add/").content.decode()

    def test_visitors_cannot_upload(self, client):
        response = client.post(self.url, {"upload": SimpleUploadedFile("a.jpg", image_bytes())})
        assert response.status_code == 302


def test_staff_preview_shows_a_draft_and_visitors_cannot(client, press_officer):
    draft = make_article("Bản nháp xem trước", status="draft", created_by=press_officer)
    url = f"/bien-tap/xem-truoc/{draft.pk}/"
    assert client.get(url).status_code == 302
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(press_officer)
    page = client.get(url).content.decode()
    assert "Bản nháp xem trước" in page and "Bản xem trước dành cho Ban biên tập" in page
    assert "Thêm nhận xét mới" not in page


def view_on_site(client, article):
    """Where the change form's “Xem trên trang web” leads, followed to the page it opens."""
    form = client.get(change_url(article)).content.decode()
    link = re.search(r'<a href="([^"]+)" class="viewsitelink">', form).group(1)
    return link, client.get(link, follow=True)


def test_view_on_site_opens_the_preview_until_the_article_is_public(client, press_officer):
    client.force_login(press_officer)
    pending = make_article("Bài chờ duyệt", status="pending", created_by=press_officer)
    link, page = view_on_site(client, pending)
    assert link == f"/bien-tap/xem-truoc/{pending.pk}/" and page.status_code == 200
    assert "Bản xem trước dành cho Ban biên tập" in page.content.decode()
    published = make_article("Bài đã đăng", created_by=press_officer)
    link, page = view_on_site(client, published)
    assert link == published.get_absolute_url() and page.status_code == 200


class TestAttachments:
    def data(self, category, upload):
        return form_data(
            category,
            **{
                "attachments-TOTAL_FORMS": "1",
                "attachments-0-title": "Quyết định phê duyệt",
                "attachments-0-file": upload,
                "attachments-0-order": "0",
            },
        )

    def test_a_press_officer_attaches_a_pdf(self, client, press_officer, category):
        client.force_login(press_officer)
        upload = SimpleUploadedFile("Quyết định số 12.pdf", pdf_bytes(), content_type="application/pdf")
        response = client.post(f"{ADD_URL}add/", self.data(category, upload))
        assert response.status_code == 302, response.content.decode()[:2000]
        attachment = Article.objects.get().attachments.get()
        assert attachment.title == "Quyết định phê duyệt"
        assert attachment.file.name.startswith("attachments/") and attachment.file.name.endswith(".pdf")

    def test_a_renamed_program_is_refused(self, client, press_officer, category):
        client.force_login(press_officer)
        upload = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 program", content_type="application/pdf")
        response = client.post(f"{ADD_URL}add/", self.data(category, upload))
        assert response.status_code == 200
        assert "Nội dung tệp không khớp" in response.content.decode()
        assert not Article.objects.exists()
