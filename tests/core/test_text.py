from core.text import fold, nfc, slugify_vi


def test_slug_drops_every_diacritic_and_folds_d():
    assert slugify_vi("Đường giao thông nông thôn") == "duong-giao-thong-nong-thon"


def test_slug_from_decomposed_text_is_the_same():
    decomposed = "Họp thường kỳ".encode().decode()
    import unicodedata

    assert slugify_vi(unicodedata.normalize("NFD", decomposed)) == "hop-thuong-ky"


def test_fold_ignores_case_and_accents():
    assert fold("ĐƯỜNG Họp") == "duong hop"


def test_nfc_composes_decomposed_text():
    import unicodedata

    assert nfc(unicodedata.normalize("NFD", "Kỳ Anh")) == "Kỳ Anh"
