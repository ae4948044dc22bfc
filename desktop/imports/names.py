"""What is left of a Zoom display name once everything that is not the name is gone.

People type their office, their position and their organisation into Zoom, and
phones add the device: `ทม.ลำพูน นายกประภัสร์`, `iPhone ของ วิไล`, `Somchai's
iPad`. Thai writes words without spaces, so a position word is often glued to the
name; where a prefix could be read two ways (`นายกมล` is นาย + กมล, but `นายกประภัสร์`
is นายก + ประภัสร์) both readings are kept as variants and the matcher takes the better.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from itertools import product

from desktop.core.thai import HONORIFICS, normalize_text

# Organisation abbreviations and the kinds of office they stand for.
ORG_PREFIXES = {
    "ทน.": "city_municipality",
    "ทม.": "town_municipality",
    "ทต.": "subdistrict_municipality",
    "อบต.": "sao",
    "อบจ.": "pao",
    "เทศบาลนคร": "city_municipality",
    "เทศบาลเมือง": "town_municipality",
    "เทศบาลตำบล": "subdistrict_municipality",
    "องค์การบริหารส่วนตำบล": "sao",
    "องค์การบริหารส่วนจังหวัด": "pao",
    "อำเภอ": "agency",
    "จังหวัด": "agency",
}
ORG_WORDS = ("เทศบาล", "อบต", "อบจ", "สำนักงาน", "ท้องถิ่น")

POSITION_WORDS = (
    "นายกเทศมนตรีนคร",
    "นายกเทศมนตรีเมือง",
    "นายกเทศมนตรีตำบล",
    "นายกเทศมนตรี",
    "รองนายกเทศมนตรี",
    "นายกองค์การบริหารส่วนตำบล",
    "นายกองค์การบริหารส่วนจังหวัด",
    "รองนายก",
    "นายก",
    "ปลัดเทศบาล",
    "รองปลัดเทศบาล",
    "ปลัดองค์การบริหารส่วนตำบล",
    "ปลัด อบต.",
    "รองปลัด",
    "ปลัด",
    "ผู้อำนวยการ",
    "ผอ.",
    "ผอ",
    "หัวหน้าสำนักปลัดเทศบาล",
    "หัวหน้าสำนักปลัด",
    "หัวหน้าฝ่าย",
    "หัวหน้างาน",
    "หัวหน้า",
    "หน.",
    "สำนักปลัดเทศบาล",
    "สำนักปลัด",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา",
    "กองสาธารณสุขและสิ่งแวดล้อม",
    "กองสาธารณสุข",
    "กองสวัสดิการสังคม",
    "กองยุทธศาสตร์และงบประมาณ",
    "กองการเจ้าหน้าที่",
    "ประธานสภา",
    "รองประธานสภา",
    "สมาชิกสภา",
    "ส.ท.",
    "ส.อบต.",
    "เลขานุการ",
    "เลขา",
    "ผู้ช่วย",
    "รักษาราชการแทน",
    "รก.",
    "เจ้าหน้าที่",
    "จนท.",
    "นักวิเคราะห์นโยบายและแผน",
    "นักทรัพยากรบุคคล",
    "นักจัดการงานทั่วไป",
    "นักพัฒนาชุมชน",
    "นิติกร",
    "mayor",
    "deputy",
    "clerk",
    "director",
    "chief",
    "head",
    "officer",
    "secretary",
)
# `อ.` is อาจารย์ before a name and อำเภอ before a place: taken off, never the whole word.
EXTRA_HONORIFICS = ("คุณ", "ท่าน", "อาจารย์", "อ.", "จ.", "khun", "mr", "mrs", "ms", "dr", "miss")
# Prefixes that swallow the start of a longer one (นาย in นายก): keep both readings.
_SHADOWED = {"นายก": "นาย"}

_DEVICE = re.compile(
    r"(?:\b(?:iphone|ipad|ipod|macbook(?:\s+(?:pro|air))?|imac|galaxy(?:\s+[a-z]*\d+\w*)?|"
    r"samsung(?:\s+[a-z]*\d+\w*)?|android|huawei|oppo|vivo|xiaomi|redmi|realme|pixel\s*\d*|"
    r"tablet|desktop|laptop|pc|notebook|zoom\s+user|zoom|teams|guest|windows|"
    r"ext|external|unverified|sm-[a-z]\d+\w*)\b|ผู้ใช้\s*zoom|ผู้ใช้|โทรศัพท์|มือถือ|แท็บเล็ต|"
    r"ไอโฟน|ไอแพด|ภายนอก|ไม่ได้ยืนยัน|\(แขก\))",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’'`]s\b", re.IGNORECASE)
_LEADING_OF = re.compile(r"^(?:ของ|of)\b\s*|\s(?:ของ|of)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[_|/\\,;:+\-–—•·()\[\]{}<>\"“”ฯ]+")
_BRACKETS = re.compile(r"[()\[\]{}<>\"“”,;|]+")
_LATIN = re.compile(r"[a-z]")
_THAI = re.compile(r"[\u0e01-\u0e4e]")
_DIGITS_ONLY = re.compile(r"^[\d.#]+$")


_ACCENTED = re.compile(r"[\u00c0-\u024f]")


def deaccent(text: str) -> str:
    """`pérez` → `perez`, `müller` → `muller`: Latin accents off, Thai untouched."""
    if not _ACCENTED.search(text):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")
    return unicodedata.normalize("NFC", bare)


def _fold(text: str) -> str:
    return " ".join(deaccent(normalize_text(text).casefold()).split())


_PREFIXES = sorted(
    {_fold(w) for w in (*HONORIFICS, *EXTRA_HONORIFICS, *POSITION_WORDS)}, key=len, reverse=True
)
_ORG_PREFIXES = sorted(ORG_PREFIXES, key=len, reverse=True)
_POSITION_SET = {_fold(w) for w in POSITION_WORDS}


@dataclass
class CleanName:
    """A display name taken apart: the name variants left, and what was around them."""

    raw: str
    variants: list[str] = field(default_factory=list)
    org_mentions: list[str] = field(default_factory=list)
    """What followed an organisation prefix: `ลำพูน` in `ทม.ลำพูน` (to find the office),
    and town words standing alone (`ปลัด สมชาย ทาปลาดุก`)."""
    positions: list[str] = field(default_factory=list)
    """The position words taken off (`ปลัด`, `ผอ.`, `กองสาธารณสุข`)."""

    @property
    def best(self) -> str:
        return self.variants[0] if self.variants else ""

    @property
    def is_latin(self) -> bool:
        text = " ".join(self.variants)
        return bool(_LATIN.search(text)) and not _THAI.search(text)


def _strip_org(text: str, mentions: list[str], places: tuple[str, ...]) -> str:
    """Drop `ทม.ลำพูน`, `เทศบาลตำบลบ้านกลาง`, … and note the place.

    Without a space after the place (`ทต.บ้านกลางนายกสมชาย`), a known place ends the
    mention and the rest is kept; an unknown one takes the whole word.
    """
    out = []
    for token in text.split(" "):
        for prefix in _ORG_PREFIXES:
            if token.startswith(prefix) and (len(token) > len(prefix) or prefix.endswith(".")):
                rest = token[len(prefix) :].lstrip(". ")
                place = next((p for p in places if rest.startswith(p)), None)
                if place is not None:
                    mentions.append(place)
                    if rest[len(place) :]:
                        out.append(rest[len(place) :])
                elif rest:
                    mentions.append(rest.strip("."))
                break
        else:
            if not any(token.startswith(w) for w in ORG_WORDS):
                out.append(token)
    return " ".join(out)


def _token_readings(token: str, positions: list[str] | None = None) -> list[str]:
    """A token with leading honorifics and position words taken off, every reading."""
    readings: list[str] = []
    pending = deque([token])
    seen = set()
    while pending:
        current = pending.popleft()
        if current in seen:
            continue
        seen.add(current)
        stripped = False
        for prefix in _PREFIXES:
            if current.startswith(prefix) and current != prefix:
                rest = current[len(prefix) :].lstrip(". ฯ")
                if positions is not None and prefix in _POSITION_SET:
                    positions.append(prefix)
                pending.append(rest)
                shorter = _SHADOWED.get(prefix)
                if shorter:
                    pending.append(current[len(shorter) :])
                stripped = True
                break
            if current == prefix:
                if positions is not None and prefix in _POSITION_SET:
                    positions.append(prefix)
                stripped = True
                break
        if not stripped and current:
            readings.append(current)
    return readings or [""]


def clean_display_name(display_name: str, places: tuple[str, ...] = ()) -> CleanName:
    """Variants of the bare name in a display name, best guess first.

    `places` are the known offices' place names, longest first (see org_place).
    """
    result = CleanName(raw=display_name)
    text = _fold(display_name)
    text = _POSSESSIVE.sub(" ", text)
    text = _DEVICE.sub(" ", text)
    text = _BRACKETS.sub(" ", text)
    text = " ".join(text.split())
    text = _LEADING_OF.sub("", text).strip()
    # The org abbreviations keep their full stop, so strip them before the separators.
    text = _strip_org(text, result.org_mentions, places)
    text = _SEPARATORS.sub(" ", text)
    tokens = [t.strip(".") for t in text.split() if not _DIGITS_ONLY.match(t)]
    tokens = [t for t in tokens if t and t not in {"ของ", "of", "the"}]
    readings = []
    for token in tokens:
        token_readings = _token_readings(token, result.positions)
        # A town alone (`ทาปลาดุก`, `ลี้`) says where the person works, not who they are.
        place = next((r for r in token_readings if r in places), None)
        if place is not None and len(tokens) > 1:
            result.org_mentions.append(place)
            token_readings = [""]
        readings.append(token_readings)
    variants: list[str] = []
    for combination in product(*readings[:6]):
        variant = " ".join(w for w in combination if w)
        if variant and variant not in variants:
            variants.append(variant)
        if len(variants) >= 4:
            break
    result.variants = variants
    return result


def fold_name(text: str, *, stored: bool = False) -> str:
    """A roster name as the matcher compares it: folded, separators as spaces.

    `stored` text was normalised when it was saved; skipping that again is most of
    the cost of preparing a large roster.
    """
    folded = " ".join(deaccent(text.casefold()).split()) if stored else _fold(text)
    return " ".join(_SEPARATORS.sub(" ", folded).split())


def org_place(name: str, *, stored: bool = False) -> str:
    """`เทศบาลตำบลบ้านกลาง` → `บ้านกลาง`: the place that names an office."""
    folded = " ".join(name.casefold().split()) if stored else _fold(name)
    for prefix in _ORG_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix) :].strip(". ")
    return folded
