"""The diff the history shows: word by word, line by line, every piece escaped."""

from core.revisions import _TextOfHtml, line_diff, word_diff


def test_a_changed_word_is_struck_and_its_replacement_underlined():
    assert word_diff("Năng suất 60 tạ", "Năng suất 65 tạ") == "Năng suất <del>60</del><ins>65</ins> tạ"


def test_a_replaced_phrase_reads_as_one_change():
    diff = word_diff("Nội dung: Kinh tế xã hội; Công khai: Có", "Nội dung: Giải ngân vốn; Công khai: Có")
    assert diff == "Nội dung: <del>Kinh tế xã hội</del><ins>Giải ngân vốn</ins>; Công khai: Có"


def test_a_rewritten_line_is_struck_whole_before_the_new_one():
    diff = word_diff("Tình hình kinh tế trong tháng", "Tóm tắt mới của cuộc họp")
    assert diff == "<del>Tình hình kinh tế trong tháng</del> <ins>Tóm tắt mới của cuộc họp</ins>"


def test_markup_in_a_value_is_shown_as_text():
    diff = word_diff("Tin", 'Tin <script>alert("x")</script>')
    assert "<script>" not in diff
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins>" in diff


def test_a_body_is_compared_as_the_paragraphs_a_reader_sees():
    lines = _TextOfHtml().text(
        '<p>Một <strong>hai</strong></p><p><img src="a.jpg" alt="Cánh đồng"></p><script>x()</script>'
    )
    assert lines == ["Một hai", "[Ảnh: Cánh đồng]"]
    assert _TextOfHtml().text('<p><img src="a.jpg"></p>') == ["[Ảnh chưa có mô tả]"]


def test_a_long_unchanged_stretch_is_shortened_around_the_change():
    old = [f"Đoạn {n}." for n in range(10)]
    new = [*old[:5], "Đoạn năm đã sửa.", *old[6:]]
    kinds = [line.kind for line in line_diff(old, new)]
    assert kinds == ["gap", "same", "changed", "same", "gap"]
    added = line_diff(["Một."], ["Một.", "Hai."])
    assert [(line.kind, str(line.html)) for line in added] == [("same", "Một."), ("added", "<ins>Hai.</ins>")]
