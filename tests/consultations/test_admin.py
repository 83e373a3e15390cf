"""The unit's side: running a consultation, moderating its comments, writing and publishing its report."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts import roles
from consultations.models import Consultation, ConsultationComment, ReportEntry
from core.uploads import protected_file_url
from tests.consultations.factories import make_comment, make_consultation, make_draft, pdf_bytes
from tests.units import give_role
from units.models import Unit

pytestmark = pytest.mark.django_db

COMMENTS_URL = "/admin/consultations/consultationcomment/"
CONSULTATIONS_URL = "/admin/consultations/consultation/"


def staff(username, role):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    give_role(user, role)
    return user


@pytest.fixture
def secretary(db):
    roles.sync_roles()
    return staff("thuky", roles.SECRETARY)


@pytest.fixture
def editor_in_chief(db):
    roles.sync_roles()
    return staff("truongban", roles.EDITOR_IN_CHIEF)


def test_the_secretary_and_the_editor_in_chief_run_consultations(secretary, editor_in_chief):
    for user in (secretary, editor_in_chief):
        assert user.has_perms(
            [
                "consultations.add_consultation",
                "consultations.change_consultationcomment",
                "consultations.add_reportentry",
            ]
        )
    press_officer = staff("bientap", roles.PRESS_OFFICER)
    assert not press_officer.has_perm("consultations.change_consultationcomment")


def test_the_secretary_adds_a_consultation_and_the_period_is_checked(client, secretary, settings):
    settings.CONSULTATION_MINIMUM_DAYS = {"qppl": 60, "khac": 30}
    draft = make_draft()
    client.force_login(secretary)
    opens = timezone.localtime() + timedelta(days=1)
    data = {
        "title": "Lấy ý kiến dự thảo Nghị quyết về phí chợ",
        "slug": "",
        "kind": "qppl",
        "drafts": [draft.pk],
        "question": "<p>Mức phí có hợp lý?</p>",
        "sections": "",
        "opens_at_0": opens.strftime("%d/%m/%Y"),
        "opens_at_1": "08:00:00",
        "closes_at_0": (opens + timedelta(days=30)).strftime("%d/%m/%Y"),
        "closes_at_1": "08:00:00",
        "audience": "",
        "moderated": "on",
        "report": "",
        "report_published_at_0": "",
        "report_published_at_1": "",
        "issued_document": "",
        "report_entries-TOTAL_FORMS": "0",
        "report_entries-INITIAL_FORMS": "0",
    }
    response = client.post(CONSULTATIONS_URL + "add/", data)
    assert response.status_code == 200
    assert "ít nhất 60 ngày" in response.content.decode()
    data["closes_at_0"] = (opens + timedelta(days=61)).strftime("%d/%m/%Y")
    response = client.post(CONSULTATIONS_URL + "add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    consultation = Consultation.objects.get()
    assert consultation.unit.code == "01" and list(consultation.drafts.all()) == [draft]


def test_the_editor_approves_and_hides_comments_of_the_unit_only(client, editor_in_chief):
    consultation = make_consultation()
    first = make_comment(consultation, state=ConsultationComment.State.PENDING)
    second = make_comment(consultation, state=ConsultationComment.State.PUBLISHED, name="Quảng cáo")
    other = Unit.objects.create(code="02", name="UBND xã Hòa Lạc", short_name="Xã Hòa Lạc", host="hoalac.test")
    theirs = make_comment(make_consultation(unit=other), name="Người xã khác")
    client.force_login(editor_in_chief)
    page = client.get(COMMENTS_URL).content.decode()
    assert "Người xã khác" not in page
    client.post(COMMENTS_URL, {"action": "approve_selected", "_selected_action": [first.pk, theirs.pk]})
    client.post(COMMENTS_URL, {"action": "hide_selected", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    theirs.refresh_from_db()
    assert first.state == ConsultationComment.State.PUBLISHED
    assert second.state == ConsultationComment.State.HIDDEN
    assert theirs.state == ConsultationComment.State.PUBLISHED  # untouched: not this unit's


def test_a_report_entry_groups_comments_of_its_own_consultation(client, secretary):
    consultation = make_consultation(state="closed")
    mine = make_comment(consultation, name="Góp ý của đợt này")
    make_comment(make_consultation("Đợt khác"), name="Góp ý của đợt khác")
    client.force_login(secretary)
    page = client.get(f"{CONSULTATIONS_URL}{consultation.pk}/change/").content.decode()
    assert "Góp ý của đợt này" in page and "Góp ý của đợt khác" not in page
    assert mine.pk


def test_publishing_the_report_waits_for_the_end(client, secretary):
    open_one = make_consultation("Đang mở")
    closed = make_consultation("Đã đóng", state="closed")
    ReportEntry.objects.create(consultation=closed, summary="Ý kiến", decision="tiep-thu", reason="Đồng ý")
    client.force_login(secretary)
    response = client.post(
        CONSULTATIONS_URL,
        {"action": "publish_report_selected", "_selected_action": [open_one.pk, closed.pk]},
        follow=True,
    )
    assert "sau khi đã kết thúc" in response.content.decode()
    open_one.refresh_from_db()
    closed.refresh_from_db()
    assert open_one.report_published_at is None and closed.has_report


def test_the_units_staff_read_a_comments_file_nobody_else_does(client, secretary):
    comment = make_comment(make_consultation(), file=SimpleUploadedFile("y-kien.pdf", pdf_bytes()))
    url = protected_file_url(comment.file.name)
    assert client.get(url).status_code == 404
    client.force_login(secretary)
    assert client.get(url).status_code == 200
