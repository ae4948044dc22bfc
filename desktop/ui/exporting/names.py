"""Default file names, in Thai as the office files them: รายงานการประชุม-ครั้งที่1-2565.docx."""

from __future__ import annotations

from datetime import date

from desktop.core.file_names import mend_file_name
from desktop.core.thai import be_year


def file_name(stem: str, suffix: str) -> str:
    """`stem` + `suffix` usable as a file name anywhere (see file_names.mend_file_name):
    no forbidden character, no device name, short enough for every file system."""
    return mend_file_name(stem + suffix, suffix=suffix)


def _be_date(d: date) -> str:
    return f"{be_year(d)}-{d.month:02d}-{d.day:02d}"


def meeting_part(number: int | None, on: date) -> str:
    """`ครั้งที่1-2565`, or the Buddhist Era date of a meeting without a number."""
    if number:
        return f"ครั้งที่{number}-{be_year(on)}"
    return _be_date(on)


def minutes_name(number: int | None, on: date) -> str:
    return file_name(f"รายงานการประชุม-{meeting_part(number, on)}", ".docx")


def attendance_name(number: int | None, on: date) -> str:
    return file_name(f"รายชื่อผู้เข้าประชุม-{meeting_part(number, on)}", ".xlsx")


def signin_name(number: int | None, on: date) -> str:
    return file_name(f"ใบลงชื่อเข้าประชุม-{meeting_part(number, on)}", ".xlsx")


def meeting_file_name(number: int | None, on: date) -> str:
    return file_name(f"การประชุม-{meeting_part(number, on)}", ".meeting.json")


def evidence_name(number: int | None, on: date) -> str:
    return file_name(f"หลักฐานการประชุม-{meeting_part(number, on)}", ".zip")


def summary_name(network: str, date_from: date | None, date_to: date | None) -> str:
    """`สรุปการเข้าประชุม-<network>-2567` for a whole BE year, else its two ends."""
    if (
        date_from is not None
        and date_to is not None
        and (date_from.month, date_from.day, date_to.month, date_to.day) == (1, 1, 12, 31)
        and date_from.year == date_to.year
    ):
        period = str(be_year(date_from))
    else:
        start = _be_date(date_from) if date_from else "เริ่มต้น"
        end = _be_date(date_to) if date_to else "ปัจจุบัน"
        period = f"{start}-ถึง-{end}"
    return file_name(f"สรุปการเข้าประชุม-{network}-{period}", ".xlsx")


def paper_name(paper: str, number: int | None, on: date, suffix: str) -> str:
    """`หนังสือเชิญประชุม-ครั้งที่1-2567.pdf` and the like, for the papers of a meeting."""
    return file_name(f"{PAPER_STEMS[paper]}-{meeting_part(number, on)}", suffix)


PAPER_STEMS = {
    "invitations": "หนังสือเชิญประชุม",
    "agenda": "ระเบียบวาระการประชุม",
    "news": "ข่าวประชาสัมพันธ์",
    "minutes": "รายงานการประชุม",
    "attendance": "รายชื่อผู้เข้าประชุม",
}


def register_name(year: int) -> str:
    return file_name(f"ทะเบียนหนังสือส่ง-{year}", ".xlsx")
