"""The public pages: the list, a consultation's page, its comment form and its report."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultations.models import ConsultationComment, ReportEntry
from core.uploads import protected_file_url
from tests.consultations.factories import (
    bulk_consultations,
    make_comment,
    make_consultation,
    make_draft,
    make_entry,
    pdf_bytes,
)
from tests.traps import trap_fields
from units.models import Unit

pytestmark = pytest.mark.django_db

CONTACT = "an.nguyen@example.vn"
LIST_QUERY_BUDGET = 18
DETAIL_QUERY_BUDGET = 19


def post(client, consultation, **data):
    fields = {
        "name": "Nguyễn Văn An",
        "organisation": "Hợp tác xã Hòa Bình",
        "contact": CONTACT,
        "section": "",
        "body": "Đề nghị sửa Điều 3 cho rõ đối tượng áp dụng.",
        **trap_fields(),
        **data,
    }
    return client.post(consultation.get_absolute_url(), fields, REMOTE_ADDR="203.0.113.7")


class TestList:
    def test_open_first_with_days_left_then_upcoming_then_closed(self, client):
        make_consultation("Đã xong", state="closed")
        make_consultation("Sắp tới", state="upcoming")
        make_consultation("Đang hỏi", state="open")
        page = client.get("/lay-y-kien/").content.decode()
        assert page.index("Đang hỏi") < page.index("Sắp tới") < page.index("Đã xong")
        assert "còn 55 ngày" in page
        assert "Đang lấy ý kiến" in page and "Sắp mở" in page and "Đã đóng" in page

    def test_another_units_consultations_are_not_listed_and_are_404(self, client):
        other = Unit.objects.create(code="02", name="UBND xã Hòa Lạc", short_name="Xã Hòa Lạc", host="hoalac.test")
        theirs = make_consultation("Của xã Hòa Lạc", unit=other)
        assert "Của xã Hòa Lạc" not in client.get("/lay-y-kien/").content.decode()
        assert client.get(theirs.get_absolute_url()).status_code == 404
        assert post(client, theirs).status_code == 404

    @pytest.mark.parametrize("count", [5, 500])
    def test_list_query_budget(self, client, count, django_assert_max_num_queries):
        bulk_consultations(count)
        with django_assert_max_num_queries(LIST_QUERY_BUDGET):
            response = client.get("/lay-y-kien/")
        assert response.status_code == 200
        assert response.content.decode().count('class="consultation-row"') <= count


class TestDetail:
    def test_shows_the_question_and_the_drafts(self, client):
        draft = make_draft(number="Dự thảo 01")
        consultation = make_consultation(drafts=[draft])
        page = client.get(consultation.get_absolute_url()).content.decode()
        assert "Xin ý kiến về giờ họp chợ và phí vệ sinh." in page
        assert "Dự thảo 01 Dự thảo Quy chế quản lý chợ Hòa Bình" in page
        assert 'id="comment-form"' in page

    def test_drafts_link_to_their_document_pages(self, client):
        draft = make_draft(number="Dự thảo 01")
        consultation = make_consultation(drafts=[draft])
        response = client.get(consultation.get_absolute_url())
        assert f'<a href="/van-ban/{draft.slug}/">' in response.content.decode()

    def test_an_unpublished_draft_is_not_shown(self, client):
        consultation = make_consultation(drafts=[make_draft("Nội bộ", is_published=False)])
        assert "Nội bộ" not in client.get(consultation.get_absolute_url()).content.decode()

    @pytest.mark.parametrize("count", [5, 500])
    def test_detail_query_budget(self, client, count, django_assert_max_num_queries):
        bulk_consultations(count)
        consultation = make_consultation(state="reported", drafts=[make_draft(), make_draft("Dự thảo 2")])
        comments = [make_comment(consultation, name=f"Người {i}") for i in range(min(count, 50))]
        for decision in ReportEntry.Decision.values:
            make_entry(consultation, decision, comments=comments[:3])
        with django_assert_max_num_queries(DETAIL_QUERY_BUDGET):
            response = client.get(consultation.get_absolute_url())
        assert response.status_code == 200


class TestComments:
    def test_held_for_moderation_when_the_consultation_says_so(self, client):
        consultation = make_consultation(moderated=True)
        response = post(client, consultation)
        assert response.status_code == 302
        comment = ConsultationComment.objects.get()
        assert comment.state == ConsultationComment.State.PENDING
        assert comment.contact == CONTACT and comment.organisation == "Hợp tác xã Hòa Bình"
        page = client.get(consultation.get_absolute_url()).content.decode()
        assert "Ý kiến sẽ hiện sau khi được duyệt" in page
        assert "Đề nghị sửa Điều 3" not in page
        comment.state = ConsultationComment.State.PUBLISHED
        comment.save()
        assert "Đề nghị sửa Điều 3" in client.get(consultation.get_absolute_url()).content.decode()

    def test_public_at_once_when_not_moderated(self, client):
        consultation = make_consultation(moderated=False)
        assert post(client, consultation).status_code == 302
        assert ConsultationComment.objects.get().state == ConsultationComment.State.PUBLISHED
        assert "Đề nghị sửa Điều 3" in client.get(consultation.get_absolute_url()).content.decode()

    def test_the_contact_is_never_on_any_page(self, client):
        consultation = make_consultation(moderated=False)
        post(client, consultation, contact="0912 345 678")
        post(client, consultation, contact=CONTACT, name="Lê Văn Cường")
        comments = list(ConsultationComment.objects.all())
        make_entry(consultation, ReportEntry.Decision.ACCEPTED, comments=comments)
        consultation.closes_at = timezone.now() - timedelta(minutes=1)
        consultation.opens_at = consultation.closes_at - timedelta(days=60)
        consultation.report_published_at = timezone.now()
        consultation.save()
        for address in ("/", "/lay-y-kien/", consultation.get_absolute_url()):
            page = client.get(address).content.decode()
            assert "0912 345 678" not in page and CONTACT not in page, address
        assert "Lê Văn Cường" in client.get(consultation.get_absolute_url()).content.decode()

    def test_on_a_section_the_unit_lists(self, client):
        consultation = make_consultation(sections="Điều 1. Phạm vi\nĐiều 3. Đối tượng áp dụng")
        page = client.get(consultation.get_absolute_url()).content.decode()
        assert '<option value="Điều 3. Đối tượng áp dụng">' in page
        assert post(client, consultation, section="Điều 3. Đối tượng áp dụng").status_code == 302
        assert ConsultationComment.objects.get().section == "Điều 3. Đối tượng áp dụng"
        assert post(client, consultation, section="Điều 99").status_code == 400

    @pytest.mark.parametrize(
        ("state", "message"),
        [("closed", "đã kết thúc lúc"), ("reported", "đã kết thúc lúc"), ("upcoming", "chưa bắt đầu")],
    )
    def test_refused_outside_the_period_with_a_reason(self, client, state, message):
        consultation = make_consultation(state=state)
        assert 'id="comment-form"' not in client.get(consultation.get_absolute_url()).content.decode()
        response = post(client, consultation)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not ConsultationComment.objects.exists()

    def test_refused_on_an_archived_unit(self, client, unit):
        consultation = make_consultation()
        unit.archived = True
        unit.save()
        assert "chỉ còn lưu trữ" in client.get(consultation.get_absolute_url()).content.decode()
        response = post(client, consultation)
        assert response.status_code == 400
        assert not ConsultationComment.objects.exists()

    def test_the_traps_refuse_robots(self, client):
        consultation = make_consultation()
        assert "dấu hiệu gửi tự động" in post(client, consultation, website="http://spam.example").content.decode()
        too_fast = post(client, consultation, **trap_fields(seconds_ago=0))
        assert too_fast.status_code == 400 and "quá nhanh" in too_fast.content.decode()
        assert not ConsultationComment.objects.exists()

    def test_ten_thousand_characters_at_most(self, client):
        consultation = make_consultation()
        assert post(client, consultation, body="ý" * 10_000).status_code == 302
        response = post(client, consultation, body="ý" * 10_001)
        assert response.status_code == 400 and "tối đa 10.000 ký tự" in response.content.decode()
        assert ConsultationComment.objects.count() == 1

    def test_a_bad_contact_is_refused(self, client):
        response = post(client, make_consultation(), contact="gọi tôi")
        assert response.status_code == 400 and "điện thoại hoặc địa chỉ email hợp lệ" in response.content.decode()

    def test_the_readers_rate_limit(self, client, settings):
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
        settings.ARTICLES_COMMENT_RATE = (2, 600)
        consultation = make_consultation()
        assert post(client, consultation).status_code == 302
        assert post(client, consultation).status_code == 302
        response = post(client, consultation)
        assert response.status_code == 400 and "quá nhiều góp ý" in response.content.decode()
        assert ConsultationComment.objects.count() == 2
        assert not any("203.0.113.7" in key for key in cache._cache)

    def test_a_file_is_checked_and_kept_private(self, client):
        consultation = make_consultation(moderated=False)
        upload = SimpleUploadedFile("gop-y.pdf", pdf_bytes(), content_type="application/pdf")
        assert post(client, consultation, file=upload).status_code == 302
        comment = ConsultationComment.objects.get()
        assert comment.file.storage.exists(comment.file.name)
        assert not comment.file.name.startswith("/") and "gop-y" in comment.file.name
        page = client.get(consultation.get_absolute_url()).content.decode()
        assert comment.file.name not in page

        assert client.get(protected_file_url(comment.file.name)).status_code == 404

    def test_a_disguised_file_is_refused(self, client):
        consultation = make_consultation()
        upload = SimpleUploadedFile("gop-y.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
        response = post(client, consultation, file=upload)
        assert response.status_code == 400
        assert not ConsultationComment.objects.exists()

    def test_an_oversized_body_is_refused_unread(self, client, settings):
        settings.CONSULTATION_POST_MAX_BYTES = 1024
        response = post(client, make_consultation(), body="x" * 5000)
        assert response.status_code == 413


class TestReport:
    def test_counts_and_entries_show_once_published(self, client):
        consultation = make_consultation(state="closed")
        first = make_comment(consultation, name="Phạm Văn Dũng")
        second = make_comment(consultation, state=ConsultationComment.State.PENDING)
        make_comment(consultation, state=ConsultationComment.State.HIDDEN, name="Quảng cáo")
        make_entry(consultation, ReportEntry.Decision.ACCEPTED, comments=[first, second], reason="Đã sửa Điều 3.")
        make_entry(consultation, ReportEntry.Decision.PARTLY, reason="Giữ giờ họp chợ.")
        make_entry(consultation, ReportEntry.Decision.NOT_ACCEPTED, reason="Trái với quy định về phí.")
        make_entry(consultation, ReportEntry.Decision.NOT_ACCEPTED, summary="Ý kiến về bãi xe.")
        page = client.get(consultation.get_absolute_url()).content.decode()
        assert "Đã sửa Điều 3." not in page and "Kết quả tổng hợp" not in page

        consultation.report_published_at = timezone.now()
        consultation.save()
        response = client.get(consultation.get_absolute_url())
        assert response.context["counts"] == {"received": 2, "accepted": 1, "partly": 1, "not_accepted": 2}
        page = response.content.decode()
        assert "Kết quả tổng hợp, tiếp thu, giải trình" in page
        assert "Đã sửa Điều 3." in page and "Trái với quy định về phí." in page
        assert "Phạm Văn Dũng" in page and "Đã có kết quả" in page
        assert "Quảng cáo" not in page


class TestHome:
    def test_the_home_page_shows_the_open_consultations_only(self, client):
        make_consultation("Đang hỏi ý kiến chợ", state="open")
        make_consultation("Đã đóng từ lâu", state="closed")
        page = client.get("/").content.decode()
        assert "Đang hỏi ý kiến chợ" in page and "Đã đóng từ lâu" not in page
        assert 'href="/lay-y-kien/"' in page
