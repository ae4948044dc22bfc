"""Thai text into the words a line may break between.

Thai has no spaces between words: the break opportunities come from PyThaiNLP's word
segmentation (newmm). A meeting's number, a title and its name, a name from the meeting
and a place the dictionary does not know are kept whole; a word wider than the line is
cut only between its grapheme clusters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# --- text into words ---------------------------------------------------------------------

# Break at spaces, not at a no-break space (U+00A0), which holds `ครั้งที่ 1/2567` together.
_SPACE = re.compile(r"([^\S\u00a0]+)")
_THAI = re.compile("[\u0e00-\u0e7f]")


@lru_cache(maxsize=65536)
def words(text: str, keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The text as pieces between which a line may break: words and runs of spaces.

    A piece between spaces that is in `keep` (a name of the paper's people and offices,
    which the dictionary does not know: `สมชาย`, `แม่เหียะ`) stays whole.
    """
    pieces: list[str] = []
    for chunk in _SPACE.split(text):
        if not chunk:
            continue
        if chunk.isspace():
            pieces.append(" ")
        elif chunk in keep:
            pieces.append(chunk)
        elif _THAI.search(chunk):
            pieces.extend(_kept_together(_thai_words(chunk), keep))
        else:
            pieces.append(chunk)
    return tuple(_glued(pieces))


MAX_JOINED_NAME = 12


def _kept_together(tokens: tuple[str, ...], keep: frozenset[str]) -> list[str]:
    """The dictionary's words, with those that spell a kept name together joined again:
    `ทุ่ง|ต้อม` in `นายกองค์การบริหารส่วนตำบลทุ่งต้อม` is one place. Only a name of one
    word's length (a place, a given name): a whole office's name joined would be a piece
    too wide to break where the dictionary rightly would (`ปลัด|องค์การ…`)."""
    if not keep:
        return list(tokens)
    joined: list[str] = []
    index = 0
    while index < len(tokens):
        for end in range(min(len(tokens), index + 6), index + 1, -1):
            together = "".join(tokens[index:end])
            if len(together) <= MAX_JOINED_NAME and together in keep:
                joined.append("".join(tokens[index:end]))
                index = end
                break
        else:
            joined.append(tokens[index])
            index += 1
    return joined


# No break before these (a number or closing mark goes with the word before it, as
# `ทดสอบ1` or `น.`), nor after an opening bracket or quote.
_NO_BREAK_BEFORE = re.compile(r"^[0-9๐-๙.,:;!?%)\]}”’ๆฯ]")
NBSP = "\u00a0"
# An ordinal is one word: `ครั้ง|ที่ 1/2567` is a meeting's number broken in two.
ORDINAL_NOUNS = frozenset({"ครั้ง", "วาระ", "ข้อ", "ลำดับ", "ฉบับ", "ชั้น", "หมู่", "ภาค"})
# A title never ends a line: `นาย|สมชาย` is a name broken in two.
HONORIFICS = frozenset({"นาย", "นาง", "นางสาว", "น.ส.", "ดร.", "ว่าที่ร้อยตรี", "พระ"})
_NO_BREAK_AFTER = re.compile(r"[(\[{“‘]$")


def _glued(pieces: list[str]) -> Iterator[str]:
    held = ""
    for piece in pieces:
        if (
            held
            and held != " "
            and piece != " "
            and (
                _NO_BREAK_BEFORE.match(piece)
                or _NO_BREAK_AFTER.search(held)
                or piece.startswith(NBSP)
                or held.endswith(NBSP)
                or held in HONORIFICS
                or (piece == "ที่" and any(held.endswith(n) for n in ORDINAL_NOUNS))
            )
        ):
            held += piece
            continue
        if held:
            yield held
        held = piece
    if held:
        yield held


@lru_cache(maxsize=65536)
def _thai_words(chunk: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(w for w in word_tokenize(chunk, engine="newmm", keep_whitespace=False) if w)


def clusters(word: str) -> list[str]:
    """Grapheme-like clusters: a base character with the marks that sit on it."""
    result: list[str] = []
    for char in word:
        # SARA AM (U+0E33) is a spacing vowel but stays with the consonant before it.
        if result and (unicodedata.category(char) in ("Mn", "Me") or char == "\u0e33"):
            result[-1] += char
        else:
            result.append(char)
    return result
