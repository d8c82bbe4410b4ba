import pytest

from fakefree.text import fold


@pytest.mark.parametrize("written,typed", [
    ("Yıldırım", "YILDIRIM"),          # Turkish dotless i, and capital İ
    ("KARADENİZ", "karadeniz"),
    ("Søren Østergaard", "Soren Ostergaard"),
    ("Łukasz Wałęsa", "Lukasz Walesa"),
    ("Đorđević", "Dordevic"),
    ("Ðórðarson", "dordarson"),
])
def test_text_fold_letters_without_decomposition(written, typed):
    assert fold(written) == fold(typed)


def test_text_fold_keeps_spaces_and_punctuation():
    assert fold("Çelik & Oğlu, Ltd. Şti.") == "celik & oglu, ltd. sti."
