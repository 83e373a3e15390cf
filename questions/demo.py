"""A demo question per unit: asked by a resident, answered by an office, approved by the editor-in-chief."""

from documents.models import Field
from questions.models import Office, Question
from questions.services import answer_question, ask_question, assign_question, publish_answer


def seed_questions(unit, *, chief, place):
    """One answered, published question and one still waiting, once; ``chief`` is the unit's editor-in-chief."""
    if Question.objects.filter(unit=unit).exists():
        return
    office = Office.objects.get_or_create(unit=unit, name="Văn phòng HĐND và UBND")[0]
    land = Field.objects.get_or_create(name="Đất đai")[0]
    answered = ask_question(
        unit=unit,
        name="Trần Văn Hùng",
        phone="0912345678",
        email="",
        field=land,
        title="Thủ tục tách thửa đất ở cho con",
        body=f"Gia đình tôi ở {place} muốn tách một phần thửa đất ở để cho con trai. Xin hỏi cần giấy tờ gì?",
    )
    assign_question(question=answered, office=office, by=chief)
    answer_question(
        question=answered,
        answer=(
            "Ông nộp đơn đề nghị tách thửa, giấy chứng nhận quyền sử dụng đất bản gốc và bản vẽ trích đo "
            "tại Bộ phận một cửa. Thửa đất sau khi tách phải đạt diện tích tối thiểu theo quy định của tỉnh."
        ),
        by=chief,
    )
    publish_answer(question=answered, by=chief)
    ask_question(
        unit=unit,
        name="Lê Thị Thu",
        phone="",
        email="thu.le@example.com",
        field=Field.objects.get_or_create(name="Giáo dục")[0],
        title="Tuyển sinh lớp 1 năm học tới",
        body="Khi nào trường tiểu học nhận hồ sơ tuyển sinh lớp 1, và có nhận trẻ ngoài địa bàn không?",
    )
