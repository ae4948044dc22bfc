"""Finding a person by the few letters she types, in Thai or English.

Names are matched by every word typed being found in the person's name, position or
organisation, case folded and Thai-normalised. When the keyboard was left on the English
layout (a common slip while switching between Zoom chat and the app), the Latin letters
are read again as the Thai Kedmanee keys they sit on: `l,=kp` finds สมชาย.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.thai import normalize_text

if TYPE_CHECKING:
    from desktop.core.services.views import PersonRow

# The Thai Kedmanee layout: the character each key of a US keyboard types.
_US_KEYS = (
    "1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?"
)
_KEDMANEE = 'ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ'
assert len(_US_KEYS) == len(_KEDMANEE)
_TO_THAI = str.maketrans(_US_KEYS, _KEDMANEE)


def search_key(*parts: str | None) -> str:
    """The text a person is found by: the parts joined and case folded.

    Stored text is already normalised by the services, so only the query is normalised
    (query_words); normalising ten thousand names again would cost seconds.
    """
    return " ".join(p.casefold() for p in parts if p)


def person_search_key(person: PersonRow, *more: str | None) -> str:
    """What a person is found by in the finders: names, position, organisation, `more`."""
    return search_key(
        person.given_name,
        person.family_name,
        person.display_name,
        person.position,
        person.organization_name,
        person.organization_short_name,
        *more,
    )


def layout_slip(text: str) -> str | None:
    """`text` as it would have come out on the Thai layout, if it looks like a slip.

    Only text made of ASCII letters and the punctuation keys that carry Thai letters is
    read again; None otherwise, so that a genuine English name is not turned into Thai.
    """
    if not text or not text.isascii() or not any(c.isalpha() for c in text):
        return None
    converted = text.translate(_TO_THAI)
    return converted if converted != text else None


def query_words(text: str) -> list[str]:
    return normalize_text(text).casefold().split()


def matches(key: str, words: list[str]) -> bool:
    """Every typed word occurs in the key."""
    return bool(words) and all(word in key for word in words)


def word_starts(key: str, words: list[str]) -> bool:
    """Every typed word begins a word of the key: a closer match, listed first."""
    parts = key.split()
    return bool(words) and all(any(p.startswith(w) for p in parts) for w in words)
