"""Finding a person by a few letters: Thai, English, and the English-layout slip."""

from desktop.ui.base.text_match import layout_slip, matches, query_words, search_key, word_starts


def test_every_typed_word_must_occur():
    key = search_key("สมชาย", "ใจดี", "นายสมชาย ใจดี", "นายกเทศมนตรี", "เทศบาลตำบลบ้านกลาง")
    assert matches(key, query_words("ใจดี สมช"))
    assert not matches(key, query_words("ใจดี มาลี"))
    assert not matches(key, [])


def test_english_names_match_without_regard_to_case():
    key = search_key("John", "Smith", "Mr. John Smith")
    assert matches(key, query_words("SMI"))
    assert word_starts(key, query_words("jo"))
    assert not word_starts(key, query_words("ohn"))


def test_latin_letters_typed_on_the_thai_keys_are_read_again_as_thai():
    assert layout_slip("l,=kp") == "สมชาย"
    assert layout_slip(",k]u") == "มาลี"
    assert layout_slip("สมชาย") is None  # already Thai
    assert layout_slip("1234") is None  # digits alone are no slip


def test_a_typed_query_is_normalised_like_stored_text():
    # NIKHAHIT + SARA AA typed for SARA AM: stored text is normalised by the services.
    assert query_words("ค\u0e4d\u0e32") == ["ค\u0e33"]
