"""The words the agenda editor shows for stored codes, and the resolution quick picks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.codes import AgendaCategory


def agenda_categories() -> dict[str, str]:
    return {
        AgendaCategory.ANNOUNCEMENTS: QCoreApplication.translate(
            "AgendaLabels", "Announcements from the chair"
        ),
        AgendaCategory.CONFIRM_MINUTES: QCoreApplication.translate(
            "AgendaLabels", "Confirming the last minutes"
        ),
        AgendaCategory.FOLLOW_UP: QCoreApplication.translate(
            "AgendaLabels", "Follow-up from the last meeting"
        ),
        AgendaCategory.FOR_CONSIDERATION: QCoreApplication.translate(
            "AgendaLabels", "For consideration"
        ),
        AgendaCategory.FOR_INFORMATION: QCoreApplication.translate(
            "AgendaLabels", "For information"
        ),
        AgendaCategory.OTHER: QCoreApplication.translate("AgendaLabels", "Other matters"),
    }


# The resolutions a meeting takes most, as the minutes write them (Thai whatever the
# window's language: they are the document's words, not the interface's).
QUICK_RESOLUTIONS = (
    ("รับทราบ", "ที่ประชุมรับทราบ"),
    ("เห็นชอบ", "ที่ประชุมเห็นชอบ"),
    ("อนุมัติ", "ที่ประชุมอนุมัติ"),
    ("รับรองรายงานการประชุม", "ที่ประชุมมีมติรับรองรายงานการประชุม"),
)


def quick_resolution(text: str, previous_label: str | None) -> str:
    """The resolution a quick pick writes; certifying names the minutes it certifies."""
    if text.endswith("รับรองรายงานการประชุม") and previous_label:
        return f"{text}{previous_label}"
    return text
