"""What citizens see of hỏi đáp: asking, the code, the look-up, the public list and pages."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from accounts.permissions import serving
from questions import services
from questions.models import Question, Status
from tests.documents.files import text_pdf
from tests.questions.factories import (
    ask,
    bulk_published,
    editor,
    make_field,
    make_office,
    publish,
    published,
)
from tests.traps import trap_fields

pytestmark = pytest.mark.django_db

ASK = "/hoi-dap/gui-cau-hoi/"
LOOKUP = "/hoi-dap/tra-cuu/"
PHONE, EMAIL = "0987 654 321", "chi.lan@example.vn"


def ask_data(**overrides):
    data = {
        "name": "Trần Thị Lan",
        "phone": PHONE,
        "email": EMAIL,
        "field": make_field().pk,
        "title": "Hỗ trợ hộ nghèo năm 2027",
        "body": "Gia đình tôi thuộc diện cận nghèo, xin hỏi được hỗ trợ những gì?",
        **trap_fields(),
    }
    data.update(overrides)
    return data


def test_a_citizen_asks_and_gets_a_code(client, unit):
    response = client.post(ASK, ask_data())
    assert response.status_code == 200
    question = Question.objects.get()
    assert question.unit == unit and question.status == Status.RECEIVED
    assert question.phone == "0987654321" and question.email == EMAIL
    assert question.code in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_thank_you_page_is_not_an_address(client):
    """The code is shown in the answer to the POST: no redirect puts it in an address."""
    response = client.post(ASK, ask_data())
    assert response.status_code == 200 and "Location" not in response


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"phone": "", "email": ""}, "Vui lòng nhập điện thoại hoặc email"),
        ({"phone": "12345", "email": ""}, "Số điện thoại không hợp lệ"),
        ({"phone": "", "email": "khong-phai-email"}, "Địa chỉ email không hợp lệ"),
        ({"website": "http://spam"}, "dấu hiệu gửi tự động"),
        ({"name": "Ban biên tập"}, "Họ tên này trùng"),
    ],
)
def test_refused_questions(client, overrides, error):
    response = client.post(ASK, ask_data(**overrides))
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Question.objects.exists()


def test_one_contact_is_enough(client):
    assert client.post(ASK, ask_data(email="")).status_code == 200
    assert client.post(ASK, ask_data(phone="", email="a@b.vn")).status_code == 200
    assert client.post(ASK, ask_data(phone="+84 912.345.678", email="")).status_code == 200
    assert Question.objects.filter(phone="0912345678").exists()


def test_the_time_trap(client):
    response = client.post(ASK, ask_data(**trap_fields(seconds_ago=0)))
    assert response.status_code == 400 and not Question.objects.exists()


def test_the_rate_limit_per_client(client, settings):
    settings.QUESTION_RATE = (2, 3600)
    assert [client.post(ASK, ask_data()).status_code for _ in range(3)] == [200, 200, 400]
    assert Question.objects.count() == 2


def test_a_file_goes_through_the_upload_checks_into_protected_storage(client):
    pdf = SimpleUploadedFile("giay-to.pdf", text_pdf(["Giấy xác nhận"]), content_type="application/pdf")
    assert client.post(ASK, {**ask_data(), "file": pdf}).status_code == 200
    question = Question.objects.get()
    assert question.file.name.startswith("questions/")
    from core.uploads import protected_storage

    assert question.file.storage is protected_storage or question.file.storage._wrapped is protected_storage._wrapped
    # Nobody outside gets it, not even once the question is published.
    publish(question)
    assert client.get(f"/tep-tin/{question.file.name}").status_code == 404


def test_a_renamed_file_is_refused(client):
    fake = SimpleUploadedFile("giay-to.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
    response = client.post(ASK, {**ask_data(), "file": fake})
    assert response.status_code == 400 and not Question.objects.exists()


def test_a_question_is_invisible_until_answered_and_approved(client, unit):
    question = ask("Câu hỏi về đường giao thông")
    by = editor()
    with serving(unit):
        for step in (
            lambda: None,
            lambda: services.assign_question(question=question, office=make_office(), by=by),
            lambda: services.answer_question(question=question, answer="Đã có kế hoạch.", by=by),
        ):
            step()
            assert "Câu hỏi về đường giao thông" not in client.get("/hoi-dap/").content.decode()
            assert not Question.objects.published().exists()
            assert not question.slug
        services.publish_answer(question=question, by=by)
    page = client.get("/hoi-dap/").content.decode()
    assert "Câu hỏi về đường giao thông" in page
    detail = client.get(question.get_absolute_url())
    assert detail.status_code == 200
    text = detail.content.decode()
    assert "Đã có kế hoạch." in text and "Phòng Kinh tế" in text
    assert timezone.localtime(question.answered_at).strftime("%d/%m/%Y") in text


def test_an_answerer_cannot_publish(unit):
    from accounts import roles
    from tests.accounts.conftest import make_staff

    roles.sync_roles()
    officer = make_staff("canbo", roles.ANSWERER)
    question = ask()
    with serving(unit):
        services.assign_question(question=question, office=make_office(), by=editor())
        services.answer_question(question=question, answer="Trả lời", by=officer)
        with pytest.raises(services.PermissionDenied):
            services.publish_answer(question=question, by=officer)
        with pytest.raises(services.PermissionDenied):
            services.assign_question(question=question, office=make_office(), by=officer)


def lookup(client, code):
    return client.post(LOOKUP, {"code": code})


def test_the_lookup_by_code_follows_the_progress(client, unit):
    question = ask()
    response = lookup(client, question.code.lower().replace("-", " "))
    assert response.status_code == 200
    assert "Mới nhận, chờ phân công" in response.content.decode()
    by = editor()
    with serving(unit):
        services.assign_question(question=question, office=make_office("Phòng Tài nguyên"), by=by)
    text = lookup(client, question.code).content.decode()
    assert "Phòng Tài nguyên" in text and f"{question.due_on:%d/%m/%Y}" in text
    with serving(unit):
        services.answer_question(question=question, answer="Câu trả lời còn chờ duyệt", by=by)
    assert "Câu trả lời còn chờ duyệt" not in lookup(client, question.code).content.decode()
    with serving(unit):
        services.publish_answer(question=question, by=by)
    text = lookup(client, question.code).content.decode()
    assert "Câu trả lời còn chờ duyệt" in text and question.get_absolute_url() in text


def test_the_lookup_of_an_unknown_or_malformed_code(client):
    assert lookup(client, "HD-2345-6789").status_code == 404
    assert lookup(client, "xyz").status_code == 400


def test_the_lookup_is_rate_limited(client, settings):
    settings.QUESTION_LOOKUP_RATE = (3, 600)
    statuses = [lookup(client, "HD-2345-6789").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_the_lookup_page_is_a_cached_get_and_the_post_is_not(client):
    assert client.get(LOOKUP).status_code == 200
    response = lookup(client, "HD-2345-6789")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_a_declined_question_shows_its_reason_through_the_code_only(client, unit):
    question = ask("Câu hỏi không thuộc thẩm quyền")
    with serving(unit):
        with pytest.raises(services.ValidationError):
            services.decline_question(question=question, reason="  ", by=editor())
        services.decline_question(question=question, reason="Không thuộc thẩm quyền của xã.", by=editor())
    text = lookup(client, question.code).content.decode()
    assert "Không tiếp nhận" in text and "Không thuộc thẩm quyền của xã." in text
    assert "Câu hỏi không thuộc thẩm quyền" not in client.get("/hoi-dap/").content.decode()


def test_the_contact_is_never_on_any_page(client, unit):
    client.post(ASK, ask_data())
    question = Question.objects.get()
    publish(question, answer="Được hỗ trợ bảo hiểm y tế.")
    pages = [
        client.get("/hoi-dap/"),
        client.get("/hoi-dap/?q=ho+tro"),
        client.get(question.get_absolute_url()),
        lookup(client, question.code),
        client.get(ASK),
        client.get("/"),
    ]
    for response in pages:
        text = response.content.decode()
        for secret in ("0987654321", "0987 654 321", EMAIL):
            assert secret not in text, response.request["PATH_INFO"]
    assert "Trần Thị Lan" in pages[2].content.decode()


def test_the_contact_is_purged_after_the_set_days(unit, settings):
    settings.QUESTION_CONTACT_DAYS = 30
    old, recent, waiting = published("Cũ"), published("Mới"), ask("Đang chờ")
    declined = ask("Bị từ chối")
    with serving(unit):
        services.decline_question(question=declined, reason="Trùng câu hỏi khác.", by=editor())
    long_ago = timezone.now() - datetime.timedelta(days=31)
    Question.objects.filter(pk__in=[old.pk, declined.pk]).update(published_at=long_ago, declined_at=long_ago)
    call_command("purge_question_contacts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rows = {q.pk: q for q in Question.objects.all()}
    assert rows[old.pk].phone == rows[old.pk].email == "" and rows[old.pk].contact_purged_at
    assert rows[declined.pk].phone == ""
    assert rows[recent.pk].phone and rows[waiting.pk].phone
    # The public answer stays.
    assert rows[old.pk].answer and rows[old.pk].status == Status.PUBLISHED


def test_search_without_accents_and_by_field(client):
    published("Đường giao thông nông thôn", answer="Xã đã lập kế hoạch bê tông hóa.")
    published("Học phí", answer="Miễn học phí", field=make_field("Giáo dục"))
    text = client.get("/hoi-dap/?q=duong+giao+thong").content.decode()
    assert "Đường giao thông nông thôn" in text and "Học phí" not in text
    assert "Đường giao thông nông thôn" in client.get("/hoi-dap/?q=be+tong+hoa").content.decode()
    text = client.get(f"/hoi-dap/?linh-vuc={make_field('Giáo dục').slug}").content.decode()
    assert "Học phí" in text and "Đường giao thông nông thôn" not in text


def test_pinned_questions_come_first(client, unit):
    pinned = published("Câu hỏi thường gặp về hộ tịch")
    published("Câu hỏi mới nhất")
    Question.objects.filter(pk=pinned.pk).update(pinned=True)
    text = client.get("/hoi-dap/").content.decode()
    assert text.index("Câu hỏi thường gặp về hộ tịch") < text.index("Câu hỏi mới nhất")


def test_isolation_per_unit(client, unit):
    from units.models import Unit

    other = Unit.objects.create(code="02", name="UBND xã Bên Cạnh", short_name="Xã Bên Cạnh", host="ben.example")
    theirs = publish(ask("Câu hỏi của xã bên", unit=other), office=make_office(unit=other))
    assert "Câu hỏi của xã bên" not in client.get("/hoi-dap/").content.decode()
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert lookup(client, theirs.code).status_code == 404
    with serving(unit), pytest.raises(services.ValidationError):
        services.assign_question(question=ask(), office=make_office(unit=other), by=editor())


def test_reserved_slugs(unit):
    assert published("Tra cứu").slug == "tra-cuu-cau-hoi"


LIST_BUDGET = 12
PAGE_BUDGET = 10


def measured_get(client, address, budget, assert_max):
    from django.core.cache import cache

    client.get(address)
    cache.clear()
    with assert_max(budget):
        response = client.get(address)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize("address", ["/hoi-dap/", "/hoi-dap/?q=cau+hoi", "/hoi-dap/?linh-vuc=dat-dai", ASK, LOOKUP])
def test_query_budget_of_the_lists(client, settings, unit, count, address, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    bulk_published(unit, count)
    response = measured_get(client, address, LIST_BUDGET, django_assert_max_num_queries)
    if address.startswith("/hoi-dap/?") or address == "/hoi-dap/":
        assert "Câu hỏi số" in response.content.decode()


@pytest.mark.parametrize("count", [5, 500])
def test_query_budget_of_a_question_page(client, settings, unit, count, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    bulk_published(unit, count)
    measured_get(client, "/hoi-dap/cau-hoi-so-3/", PAGE_BUDGET, django_assert_max_num_queries)
