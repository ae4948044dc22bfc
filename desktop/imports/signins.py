"""Which chat messages are sign-ins, and who each one names.

Thai meetings ask everyone to type `ชื่อ-สกุล ตำแหน่ง หน่วยงาน` in the chat (Zoom,
Teams) or in the network's LINE group. A sign-in names a person, often with an
honorific, a position and an office (ทต./อบต./ทม.…); one message may sign in several
people (`1. … 2. …`). Greetings, questions and links are not sign-ins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from desktop.core.thai import HONORIFICS, normalize_text
from desktop.imports.names import ORG_PREFIXES, POSITION_WORDS
from desktop.imports.reports import Participant, ReportRow, merge_rows

# Words that mark a message as a sign-in (besides honorifics, positions and offices).
_SIGN_IN_WORDS = ("ชื่อ", "สกุล", "ตำแหน่ง", "หน่วยงาน", "สังกัด", "ลงชื่อ", "ลงทะเบียน", "เข้าร่วม")
_NOT_SIGN_IN = re.compile(
    r"https?://|www\.|\?|ไหม|มั้ย|หรือเปล่า|ได้ยิน|เสียง|แชร์|สไลด์|ขออนุญาต|รบกวน|"
    r"\[(?:sticker|photo|video|file|สติกเกอร์|รูปภาพ|วิดีโอ|ไฟล์)\]",
    re.IGNORECASE,
)
# Said around a sign-in, not part of it: greetings, `present`, polite particles.
_POLITE = re.compile(
    r"สวัสดี(?:ครับ|ค่ะ|คะ)?|ขอบคุณ(?:ครับ|ค่ะ|คะ)?|(?:ขอ)?(?:ลงชื่อ|แจ้ง)?เข้าร่วม(?:การ)?ประชุม|"
    r"(?:ครับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะคะ|นะครับ)(?=\s|$|[.!,])"
)
_NUMBERED = re.compile(r"(?:^|\s)(?:\d{1,2}|[๑-๙][๐-๙]?)[.)]\s*")
_MARKERS = tuple(
    sorted(
        {
            *(h for h in HONORIFICS if not h.isascii()),
            *(w for w in POSITION_WORDS if not w.isascii()),
            *ORG_PREFIXES,
            *_SIGN_IN_WORDS,
        },
        key=len,
        reverse=True,
    )
)
MAX_SIGN_IN = 200
"""Longer than a name, a position and an office: a message, not a sign-in."""


def sign_in_people(text: str) -> list[str]:
    """The people a message signs in (empty when it is not a sign-in)."""
    text = normalize_text(text).strip().strip('"').strip()
    if not text or _NOT_SIGN_IN.search(text):
        return []
    text = _POLITE.sub(" ", text).strip(" .!,")
    if not text:
        return []
    parts = [p.strip(" ,;-") for p in _NUMBERED.split(text)]
    # Unnumbered lines are one person's name, position and office written on several.
    parts = [" ".join(p.split()) for p in parts if p.strip(" ,;-")]
    people = []
    for part in parts:
        if len(part) > MAX_SIGN_IN:
            return []
        if _looks_like_a_person(part):
            people.append(part)
    return people


def _looks_like_a_person(part: str) -> bool:
    if any(marker in part for marker in _MARKERS):
        return True
    # `Somchai Jaidee`, `สมชาย ใจดี`: two or three words of letters, no more.
    words = part.split()
    return 2 <= len(words) <= 3 and all(w.replace(".", "").isalpha() for w in words)


@dataclass
class Message:
    """One chat message: who sent it, when, and what it said."""

    sender: str
    when: datetime | None  # None when the chat's line gave no time
    text: str
    lines: list[str] = field(default_factory=list)


def sign_ins(messages: list[Message]) -> tuple[list[Participant], int]:
    """Participants from the sign-in messages, and how many messages were not sign-ins.

    A message signing in one person keeps the sender's display name beside what was
    typed (both are looked for in the roster); the time of the message is the time
    the person was seen."""
    rows: list[ReportRow] = []
    other = 0
    for message in messages:
        people = sign_in_people(message.text)
        if not people:
            other += 1
            continue
        for person in people:
            rows.append(
                ReportRow(
                    name=person,
                    original_name=message.sender if len(people) == 1 and message.sender else None,
                    joined=message.when,
                )
            )
    participants, _ = merge_rows(rows)
    return participants, other
