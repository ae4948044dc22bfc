"""Thai presentation: Buddhist Era dates, times, names, digits, normalisation, sort order.

Every output (the GUI, the DOCX, the XLSX, the command line) says a date, a time or
a name through these functions, so they all say it the same way. Stored data stays
ISO and Gregorian; the Buddhist Era is presentation only.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date, time
from functools import lru_cache
from pathlib import Path

BE_OFFSET = 543

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
# date.weekday(): Monday is 0.
THAI_WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")

_ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def be_year(d: date | int) -> int:
    """The Buddhist Era year of a date (or of a Gregorian year)."""
    year = d if isinstance(d, int) else d.year
    return year + BE_OFFSET


def to_thai_digits(text: str) -> str:
    """Every Arabic digit 0-9 written as a Thai digit ๐-๙."""
    return text.translate(_ARABIC_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Every Thai digit written as an Arabic digit (for parsing what people type)."""
    return text.translate(_THAI_TO_ARABIC)


def _digits(text: str, thai_digits: bool) -> str:
    return to_thai_digits(text) if thai_digits else text


DAMAGED = "(ข้อมูลเสียหาย)"
"""How a date or time that could not be read from the database is shown."""


def format_thai_date(d: date, *, thai_digits: bool = False) -> str:
    """`3 สิงหาคม 2565`: day, full Thai month, Buddhist Era year."""
    if getattr(d, "damaged", False):
        return DAMAGED
    return _digits(f"{d.day} {THAI_MONTHS[d.month - 1]} {be_year(d)}", thai_digits)


def format_thai_date_short(d: date, *, thai_digits: bool = False) -> str:
    """`3 ส.ค. 2565`: the short form used in tables."""
    if getattr(d, "damaged", False):
        return DAMAGED
    return _digits(f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {be_year(d)}", thai_digits)


def format_thai_date_long(d: date, *, thai_digits: bool = False) -> str:
    """`วันพุธที่ 3 สิงหาคม 2565`: with the weekday, as the minutes write it after เมื่อ."""
    if getattr(d, "damaged", False):
        return DAMAGED
    weekday = THAI_WEEKDAYS[d.weekday()]
    return _digits(f"วัน{weekday}ที่ {format_thai_date(d)}", thai_digits)


def format_thai_time(t: time | None, *, thai_digits: bool = False, suffix: bool = True) -> str:
    """`09.30 น.`: 24-hour clock with a full stop, as Thai official documents write it."""
    if t is None:
        return ""
    if getattr(t, "damaged", False):
        return DAMAGED
    text = f"{t.hour:02d}.{t.minute:02d}"
    if suffix:
        text += " น."
    return _digits(text, thai_digits)


def format_meeting_number(number: int | None, d: date, *, thai_digits: bool = False) -> str:
    """`ครั้งที่ 1/2565`: the meeting's number in its Buddhist Era year."""
    if number is None:
        return ""
    return _digits(f"ครั้งที่ {number}/{be_year(d)}", thai_digits)


def format_duration_minutes(minutes: int | None, *, thai_digits: bool = False) -> str:
    """`2 ชั่วโมง 5 นาที` for a length of time in minutes."""
    if minutes is None:
        return ""
    hours, rest = divmod(int(minutes), 60)
    parts = []
    if hours:
        parts.append(f"{hours} ชั่วโมง")
    if rest or not hours:
        parts.append(f"{rest} นาที")
    return _digits(" ".join(parts), thai_digits)


_LATIN = re.compile(r"[A-Za-z]")


def full_name(honorific: str | None, given_name: str, family_name: str | None = None) -> str:
    """`นายประภัสร์ ภู่เจริญ`, `Mr. John Smith`, `ดร.สมชาย ใจดี`.

    A Thai honorific is written against the given name; an English one (any honorific
    with a Latin letter in it) takes a space, as English does.
    """
    name = given_name.strip()
    if family_name and family_name.strip():
        name = f"{name} {family_name.strip()}"
    prefix = (honorific or "").strip()
    if not prefix:
        return name
    separator = " " if _LATIN.search(prefix) else ""
    return f"{prefix}{separator}{name}"


# Common honorifics, longest first so that นางสาว is not read as นาง + สาว.
HONORIFICS = (
    "ว่าที่ร้อยตรีหญิง",
    "ว่าที่ร้อยตรี",
    "ว่าที่ร.ต.หญิง",
    "ว่าที่ ร.ต.",
    "ว่าที่ร.ต.",
    "ศาสตราจารย์",
    "รองศาสตราจารย์",
    "ผู้ช่วยศาสตราจารย์",
    "พันตำรวจเอก",
    "พันตำรวจโท",
    "พันตำรวจตรี",
    "นางสาว",
    "นาง",
    "นาย",
    "น.ส.",
    "ดร.",
    "ผศ.ดร.",
    "รศ.ดร.",
    "ศ.ดร.",
    "ผศ.",
    "รศ.",
    "ศ.",
    "พ.ต.อ.",
    "พ.ต.ท.",
    "พ.ต.ต.",
    "ร.ต.อ.",
    "จ.ส.ต.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
    "Dr.",
)
_HONORIFICS_BY_LENGTH = sorted(HONORIFICS, key=len, reverse=True)


def split_full_name(text: str) -> tuple[str, str, str]:
    """Split `นางสาวมาลี บุญมา` into (`นางสาว`, `มาลี`, `บุญมา`).

    The honorific is the longest known prefix; the family name is everything after the
    first space of the rest (Thai family names are one word, but English ones may not be).
    """
    text = normalize_text(text).strip()
    honorific = ""
    for candidate in _HONORIFICS_BY_LENGTH:
        rest = text[len(candidate) :]
        # A Latin honorific is a word of its own: "Miss Y", not the start of "Missy".
        if _LATIN.search(candidate) and rest and not rest[0].isspace() and candidate[-1] != ".":
            continue
        if text.casefold().startswith(candidate.casefold()):
            honorific = text[: len(candidate)]
            text = text[len(candidate) :].strip()
            break
    given, _, family = text.partition(" ")
    return honorific, given.strip(), family.strip()


# --- normalisation -------------------------------------------------------------------

# Controls but the tab and line breaks (C0, DEL and C1), and the bidirectional controls:
# embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069) and the direction
# marks (U+200E, U+200F, U+061C). Thai needs none of them; an override pasted into a
# name would turn it around in the minutes and on a terminal ("U+202E" spoofing).
CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


@lru_cache(maxsize=1)
def keep_pythainlp_data_with_ours() -> None:
    """PyThaiNLP makes a `pythainlp-data` folder in her home at import; keep it in the
    app's data folder instead (unless she set PyThaiNLP's own variable). Call before
    importing pythainlp."""
    if os.environ.get("PYTHAINLP_DATA") or os.environ.get("PYTHAINLP_DATA_DIR"):
        return
    from platformdirs import user_data_dir

    from desktop import APP_NAME

    folder = Path(user_data_dir(APP_NAME, appauthor=False)) / "pythainlp-data"
    os.environ["PYTHAINLP_DATA"] = str(folder)


def normalize_text(text: str) -> str:
    """NFC, zero-width characters dropped, Thai typing faults mended.

    Mends SARA AM typed as NIKHAHIT + SARA AA, tone marks typed before the vowel or
    twice, and `เเ` typed for `แ`. Spaces and line breaks are kept as typed: a body of
    minutes is the secretary's text, not ours to reflow.
    """
    if not text:
        return text
    # Imported here: pythainlp's package loads ~50 ms of modules we do not need at start-up.
    keep_pythainlp_data_with_ours()
    from pythainlp.util.normalize import remove_repeat_vowels, remove_zw, reorder_vowels

    text = unicodedata.normalize("NFC", text)
    text = CONTROL_CHARACTERS.sub("", text)
    text = remove_zw(text)
    text = reorder_vowels(text)
    text = remove_repeat_vowels(text)
    return text.replace("\u0e40\u0e40", "\u0e41")


def normalize_optional(text: str | None) -> str | None:
    """normalize_text, keeping None and turning blank text into None."""
    if text is None:
        return None
    text = normalize_text(text).strip()
    return text or None


# --- dictionary order -------------------------------------------------------------------

ACTING = "รักษาราชการแทน"
# Also as people abbreviate it: รรท. / ร.ร.ท.
_ACTING_WORDS = re.compile(r"\s*(?:รักษาราชการแทน|ร\.?\s?ร\.?\s?ท\.)\s*")


def split_acting(position: str | None) -> tuple[str | None, str | None]:
    """`รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาล…` -> (`รองปลัดเทศบาล`, `ปลัดเทศบาล…`).

    A secretary types the acting office into the position; the meeting keeps it in its
    own field, so the minutes write `รักษาราชการแทน` once. Text without it comes back as is.
    """
    if not position:
        return position, None
    match = _ACTING_WORDS.search(position)
    if match is None:
        return position, None
    before = position[: match.start()].strip() or None
    after = position[match.end() :].strip() or None
    return before, after


def acting_position(position: str | None, acting_as: str | None) -> str:
    """The position with ` รักษาราชการแทน <office>` when acting, the word said once."""
    position = (position or "").strip()
    acting = (acting_as or "").strip()
    if (lead := _ACTING_WORDS.match(acting)) is not None:  # typed with the word in front
        acting = acting[lead.end() :].strip()
    if not acting:
        return position
    held, typed = split_acting(position)
    if typed:  # typed into the position as well: the office is said once
        position = held or ""
    return f"{position} {ACTING} {acting}".strip()


_LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ
_NIKHAHIT, _SARA_AA, _SARA_AM, _LAKKHANGYAO = "\u0e4d", "\u0e32", "\u0e33", "\u0e45"
# The Thai letters at the first level, in the Royal Institute dictionary's order (ICU's):
# the consonants in code order (ฤ after ร, ฦ after ล), then NIKHAHIT, then the vowels,
# leading vowels after the others and PHINTHU last.
_THAI_PRIMARY = {
    char: rank
    for rank, char in enumerate(
        [chr(c) for c in range(0x0E01, 0x0E2F)]
        + [_NIKHAHIT]
        + [chr(c) for c in range(0x0E30, 0x0E33)]
        + [chr(c) for c in range(0x0E34, 0x0E3A)]
        + list(_LEADING_VOWELS)
        + ["\u0e3a"],
        start=1,
    )
}
_THAI_PRIMARY[_LAKKHANGYAO] = _THAI_PRIMARY[_SARA_AA]  # ๅ differs from า at the third level
# Tone marks and the other marks above: second-level differences, in ICU's order.
_THAI_SECONDARY = {char: rank for rank, char in enumerate("๎์็่้๊๋", start=2)}
_COMMON = "\x01"

_SYMBOLS, _DIGITS, _THAI, _OTHER = 0x10000, 0x20000, 0x20100, 0x30000


def _reorder_leading_vowels(text: str) -> str:
    chars = list(text)
    i = 0
    while i < len(chars) - 1:
        if chars[i] in _LEADING_VOWELS and "\u0e01" <= chars[i + 1] <= "\u0e2e":
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
            i += 2
        else:
            i += 1
    return "".join(chars)


def _elements(char: str) -> list[tuple[str, str, str]]:
    """The collation elements of one character: (first, second, third level) weights,
    an empty first weight for a mark that counts only at the second level."""
    if char in _THAI_PRIMARY:
        third = "\x02" if char == _LAKKHANGYAO else _COMMON
        return [(chr(_THAI + _THAI_PRIMARY[char]), _COMMON, third)]
    if char == _SARA_AM:  # as SARA AA + NIKHAHIT, a shade after it at the third level
        return [
            (chr(_THAI + _THAI_PRIMARY[_SARA_AA]), _COMMON, "\x02"),
            (chr(_THAI + _THAI_PRIMARY[_NIKHAHIT]), _COMMON, _COMMON),
        ]
    if char in _THAI_SECONDARY:
        return [("", chr(_THAI_SECONDARY[char]), _COMMON)]
    category = unicodedata.category(char)
    if category == "Nd":  # every script's digits are the same digits; Arabic ones first
        third = _COMMON if char.isascii() else "\x02"
        return [(chr(_DIGITS + unicodedata.digit(char)), _COMMON, third)]
    if "\u0e00" <= char <= "\u0e7f" or category[0] in "PZC":
        return []  # spaces, punctuation, ฯ and ๆ: ignored, as ICU's "alternate shifted" does
    if category == "Mn":  # an accent of another script
        return [("", chr(0x100 + ord(char)), _COMMON)]
    if category[0] == "S":
        return [(chr(_SYMBOLS + min(ord(char), 0xFFFF)), _COMMON, _COMMON)]
    folded = char.casefold()
    third = "\x02" if folded != char else _COMMON  # lower case first
    return [(chr(_OTHER + min(ord(f), 0xCFFFF)), _COMMON, third) for f in folded]


@lru_cache(maxsize=65536)
def thai_sort_key(text: str | None) -> tuple[str, str, str, str]:
    """A key that orders words as ICU's Thai collation does (the Royal Institute's order).

    Three levels, as ICU compares them: first the letters (a leading vowel เ แ โ ใ ไ
    sorts after the consonant written after it; the vowels above and below count, after
    every consonant), then the tone marks and accents, then case and variant forms.
    Spaces and punctuation are ignored; the text itself breaks what ICU calls a tie.
    Thai digits are the same digits as Arabic ones; symbols, digits, Thai, then Latin
    and the other scripts. No ICU needed at run time: a test holds it to ICU's order.
    """
    if not text:
        return ("", "", "", "")
    normal = normalize_text(text)
    decomposed = unicodedata.normalize("NFD", _reorder_leading_vowels(normal))
    first, second, third = [], [], []
    for char in decomposed:
        for primary, secondary, tertiary in _elements(char):
            first.append(primary)
            second.append(secondary)
            third.append(tertiary)
    return ("".join(first), "".join(second), "".join(third), normal)


def thai_collate(left: str | None, right: str | None) -> int:
    """A comparison for SQLite's create_collation: -1, 0 or 1."""
    a, b = thai_sort_key(left), thai_sort_key(right)
    return (a > b) - (a < b)


# --- parsing ------------------------------------------------------------------------

_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
# The separator may be left out, as on a clock: `0930`, `930`, `1200`.
_TIME = re.compile(r"^\s*(\d{1,2})[:.]?(\d{2})(?:\s*น\.?)?\s*$")


def parse_date(text: str) -> date:
    """An ISO date (`2022-08-03`) or a Thai day-first date (`3/8/2565`, BE or CE).

    A year above 2400 is taken as Buddhist Era. Raises ValueError for anything else.
    """
    text = to_arabic_digits(text.strip())
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if year > 2400:
            year -= BE_OFFSET
        return date(year, month, day)
    return date.fromisoformat(text)


def parse_time(text: str) -> time:
    """`09:30`, `9.30`, `09.30 น.`, `0930` (Thai digits too). Raises ValueError otherwise."""
    match = _TIME.match(to_arabic_digits(text))
    if not match:
        raise ValueError(f"not a time: {text!r}")
    return time(int(match.group(1)), int(match.group(2)))
