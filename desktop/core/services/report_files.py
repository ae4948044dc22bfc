"""The Zoom and Teams reports imported for a meeting, kept byte for byte as evidence.

An electronic meeting must be able to show who attended and when (the 2563 decree on
electronic meetings); the report as the platform wrote it is that proof, so its
original bytes and their SHA-256 are stored when it is imported, never a re-encoding.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.models import REPORT_PLATFORMS, Meeting, ReportFile
from desktop.core.services.common import choice, get, required


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def keep_report_file(
    session: Session, meeting_id: int, file_name: str, content: bytes, platform: str
) -> ReportFile:
    """Store a report's original bytes for the meeting (the same bytes are kept once)."""
    get(session, Meeting, meeting_id)
    digest = sha256_hex(content)
    existing = session.scalars(
        select(ReportFile).where(ReportFile.meeting_id == meeting_id, ReportFile.sha256 == digest)
    ).first()
    if existing is not None:
        return existing
    kept = ReportFile(
        meeting_id=meeting_id,
        file_name=required(Path(file_name).name, "ชื่อไฟล์", "File name", 500),
        platform=choice(platform, REPORT_PLATFORMS, "platform", "zoom"),
        sha256=digest,
        size=len(content),
        content=content,
    )
    session.add(kept)
    session.flush()
    return kept


def report_files(session: Session, meeting_id: int) -> list[ReportFile]:
    """The meeting's kept reports, in the order they were imported."""
    query = select(ReportFile).where(ReportFile.meeting_id == meeting_id).order_by(ReportFile.id)
    return list(session.scalars(query))
