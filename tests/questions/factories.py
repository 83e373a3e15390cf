"""Small builders of questions for the tests: asked, assigned, answered and published through the services."""

import itertools

from accounts import roles
from documents.models import Field
from questions import services
from questions.models import Office, Question
from tests.accounts.conftest import make_staff
from tests.units import unit_under_test

_names = itertools.count(1)


def make_field(name="Đất đai"):
    return Field.objects.get_or_create(name=name)[0]


def make_office(name="Phòng Kinh tế", unit=None):
    return Office.objects.get_or_create(unit=unit or unit_under_test(), name=name)[0]


def editor(unit=None):
    roles.sync_roles()
    return make_staff(f"bbt{next(_names)}", roles.EDITOR_IN_CHIEF, unit)


def ask(title="Thủ tục cấp sổ đỏ", *, unit=None, body="Tôi muốn hỏi về thủ tục cấp giấy chứng nhận.", **fields):
    fields.setdefault("name", "Nguyễn Văn An")
    fields.setdefault("phone", "0912345678")
    fields.setdefault("email", "an@example.vn")
    fields.setdefault("field", make_field())
    return services.ask_question(unit=unit or unit_under_test(), title=title, body=body, **fields)


def publish(question, *, answer="Ông mang hồ sơ tới bộ phận một cửa.", by=None, office=None):
    """Assign, answer and publish ``question`` as the editor-in-chief of its unit."""
    from accounts.permissions import serving

    by = by or editor(question.unit)
    with serving(question.unit):
        services.assign_question(question=question, office=office or make_office(unit=question.unit), by=by)
        services.answer_question(question=question, answer=answer, by=by)
        return services.publish_answer(question=question, by=by)


def published(title="Thủ tục cấp sổ đỏ", **fields):
    answer = fields.pop("answer", "Ông mang hồ sơ tới bộ phận một cửa.")
    return publish(ask(title, **fields), answer=answer)


def bulk_published(unit, count, *, field=None, office=None):
    """``count`` published questions of ``unit``, written at once (the services are for one question)."""
    from django.utils import timezone

    from questions import codes

    field, office = field or make_field(), office or make_office(unit=unit)
    now = timezone.now()
    rows = [
        Question(
            unit=unit,
            code=codes.new_code(),
            slug=f"cau-hoi-so-{n}",
            status="da-tra-loi",
            name="Người hỏi",
            phone="0912345678",
            field=field,
            office=office,
            title=f"Câu hỏi số {n}",
            body="Nội dung",
            answer="Trả lời",
            answered_at=now,
            published_at=now,
            search_text=f"cau hoi so {n} noi dung tra loi",
        )
        for n in range(count)
    ]
    Question.objects.bulk_create(rows, batch_size=500)
