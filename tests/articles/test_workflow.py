"""The workflow in buttons: who may take which step, the return reason, e-mail, alt text, conflicts."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from articles import services
from articles.models import Article
from core.html import images_without_alt, sanitize_html
from tests.articles.factories import make_article, make_category
from tests.articles.test_admin import ADD_URL, change_url, form_data

pytestmark = pytest.mark.django_db

UNDESCRIBED = '<p>Hội nghị.</p><figure class="image"><img src="/media/editor/2026/05/hoi-nghi.jpg"></figure>'
DESCRIBED = (
    '<p>Hội nghị.</p><figure class="image"><img src="/media/editor/2026/05/hoi-nghi.jpg" alt="Toàn cảnh"></figure>'
)


@pytest.fixture
def category():
    return make_category("Kinh tế")


def buttons(client, url):
    page = client.get(url).content.decode()
    return {action for action in services.Action.values if f'name="_action" value="{action}"' in page}


class TestButtons:
    def test_a_press_officer_saves_a_draft_and_submits(self, client, press_officer, category):
        client.force_login(press_officer)
        assert buttons(client, f"{ADD_URL}add/") == {"draft", "submit"}
        page = client.get(f"{ADD_URL}add/").content.decode()
        assert 'name="status"' not in page

    def test_the_editor_in_chief_publishes_schedules_returns(self, client, editor_in_chief, category):
        pending = make_article(category=category, status="pending")
        published = make_article(category=category)
        client.force_login(editor_in_chief)
        assert buttons(client, change_url(pending)) == {"save", "publish", "schedule", "return"}
        assert buttons(client, change_url(published)) == {"save", "withdraw"}

    def test_a_quick_save_by_the_chief_does_not_move_the_status(self, client, editor_in_chief, category):
        pending = make_article(category=category, status="pending")
        client.force_login(editor_in_chief)
        client.post(change_url(pending), form_data(category, title="Sửa câu chữ", _action="save"))
        pending.refresh_from_db()
        assert (pending.title, pending.status) == ("Sửa câu chữ", Article.Status.PENDING)

    @pytest.mark.parametrize("action", ["publish", "schedule", "return", "withdraw", "nonsense"])
    def test_a_crafted_post_of_a_forbidden_step_changes_nothing(self, client, press_officer, category, action):
        own = make_article("Bài của tôi", category=category, status="draft", created_by=press_officer)
        client.force_login(press_officer)
        response = client.post(change_url(own), form_data(category, title="Đổi tên", _action=action))
        assert response.status_code == 200
        assert "Bạn không được thực hiện thao tác này với bài." in response.content.decode()
        own.refresh_from_db()
        assert (own.title, own.status) == ("Bài của tôi", Article.Status.DRAFT)

    def test_the_chief_cannot_withdraw_a_pending_article(self, client, editor_in_chief, category):
        pending = make_article(category=category, status="pending")
        client.force_login(editor_in_chief)
        client.post(change_url(pending), form_data(category, _action="withdraw"))
        pending.refresh_from_db()
        assert pending.status == Article.Status.PENDING

    def test_publish_now(
        self, client, editor_in_chief, category, mailoutbox, press_officer, django_capture_on_commit_callbacks
    ):
        press_officer.email = "bientap@songlam.gov.vn"
        press_officer.save()
        pending = make_article(category=category, status="pending", created_by=press_officer, published_at=None)
        client.force_login(editor_in_chief)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(change_url(pending), form_data(category, _action="publish"))
        assert response.status_code == 302
        pending.refresh_from_db()
        assert pending.is_public
        assert [m.to for m in mailoutbox] == [["bientap@songlam.gov.vn"]]
        assert "đã được xuất bản" in mailoutbox[0].subject

    def test_schedule_needs_a_future_time(self, client, editor_in_chief, category):
        client.force_login(editor_in_chief)
        response = client.post(f"{ADD_URL}add/", form_data(category, _action="schedule"))
        assert "Hãy chọn thời điểm xuất bản trong tương lai để lên lịch." in response.content.decode()
        assert not Article.objects.exists()


class TestReturn:
    def test_the_author_reads_the_reason_and_gets_an_email(
        self, client, editor_in_chief, press_officer, category, mailoutbox, django_capture_on_commit_callbacks
    ):
        press_officer.email = "bientap@songlam.gov.vn"
        press_officer.save()
        article = make_article("Tin chờ duyệt", category=category, status="pending", created_by=press_officer)
        client.force_login(editor_in_chief)
        reason = "Thiếu tên người phát biểu ở đoạn hai."
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(change_url(article), form_data(category, _action="return", return_reason=reason))
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT
        assert (article.returned_reason, article.returned_by) == (reason, editor_in_chief)
        assert len(mailoutbox) == 1 and reason in mailoutbox[0].body
        client.force_login(press_officer)
        page = client.get(change_url(article)).content.decode()
        assert "Bài được trả lại để sửa" in page and reason in page
        assert buttons(client, change_url(article)) == {"draft", "submit"}

    def test_a_reason_is_required(self, client, editor_in_chief, category):
        article = make_article(category=category, status="pending")
        client.force_login(editor_in_chief)
        response = client.post(change_url(article), form_data(category, _action="return", return_reason="  "))
        assert "Hãy ghi lý do trả lại" in response.content.decode()
        article.refresh_from_db()
        assert article.status == Article.Status.PENDING
        with pytest.raises(ValidationError):
            services.return_article(article=article, by=editor_in_chief, reason="")

    def test_a_press_officer_cannot_return(self, press_officer, category):
        article = make_article(category=category, status="pending", created_by=press_officer)
        with pytest.raises(services.PermissionDenied):
            services.return_article(article=article, by=press_officer, reason="Không")


def test_no_email_without_a_configured_server(
    settings, editor_in_chief, press_officer, mailoutbox, category, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = ""
    press_officer.email = "bientap@songlam.gov.vn"
    press_officer.save()
    article = make_article(category=category, status="pending", created_by=press_officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_article(article=article, by=editor_in_chief)
    assert mailoutbox == []


def test_an_archived_unit_cannot_publish(editor_in_chief, category):
    article = make_article(category=category, status="pending")
    article.unit.archived = True
    article.unit.save()
    with pytest.raises(ValidationError, match="lưu trữ"):
        services.publish_article(article=article, by=editor_in_chief)
    article.refresh_from_db()
    assert article.status == Article.Status.PENDING


class TestAltText:
    def test_the_images_without_alt_are_named(self):
        html = '<img src="/a/x.jpg" alt="Một"><img src="/a/Ảnh%20hai.png" alt=" "><img src="/b/ba.webp">'
        assert images_without_alt(html) == [(2, "Ảnh hai.png"), (3, "ba.webp")]

    def test_the_sanitizer_keeps_alt(self):
        assert 'alt="Toàn cảnh"' in sanitize_html(DESCRIBED)

    def test_the_editor_has_the_text_alternative_button(self):
        assert "imageTextAlternative" in settings.CKEDITOR_5_CONFIGS["default"]["image"]["toolbar"]

    def test_submit_is_refused_naming_the_image(self, client, press_officer, category):
        client.force_login(press_officer)
        response = client.post(f"{ADD_URL}add/", form_data(category, body=UNDESCRIBED, _action="submit"))
        assert "ảnh thứ 1 (hoi-nghi.jpg)" in response.content.decode()
        assert not Article.objects.exists()
        client.post(f"{ADD_URL}add/", form_data(category, body=DESCRIBED, _action="submit"))
        assert Article.objects.get().status == Article.Status.PENDING

    def test_a_draft_may_wait_for_its_alt_text(self, client, press_officer, category):
        client.force_login(press_officer)
        client.post(f"{ADD_URL}add/", form_data(category, body=UNDESCRIBED, _action="draft"))
        assert Article.objects.get().status == Article.Status.DRAFT

    def test_publish_is_refused_naming_the_image(self, client, editor_in_chief, category):
        article = make_article(category=category, status="pending", body=UNDESCRIBED)
        client.force_login(editor_in_chief)
        response = client.post(change_url(article), form_data(category, body=UNDESCRIBED, _action="publish"))
        assert "hoi-nghi.jpg" in response.content.decode()
        article.refresh_from_db()
        assert article.status == Article.Status.PENDING
        with pytest.raises(ValidationError, match="hoi-nghi.jpg"):
            services.publish_article(article=article, by=editor_in_chief)


def test_the_second_of_two_editors_is_refused(client, editor_in_chief, category):
    article = make_article("Bản đầu", category=category, status="pending")
    client.force_login(editor_in_chief)
    loaded = client.get(change_url(article)).context["adminform"].form["loaded_version"].value()
    first = client.post(
        change_url(article), form_data(category, title="Bản của người thứ nhất", loaded_version=loaded)
    )
    assert first.status_code == 302
    second = client.post(
        change_url(article), form_data(category, title="Bản của người thứ hai", loaded_version=loaded)
    )
    assert second.status_code == 200
    assert "Bài này vừa được người khác lưu" in second.content.decode()
    article.refresh_from_db()
    assert article.title == "Bản của người thứ nhất"
