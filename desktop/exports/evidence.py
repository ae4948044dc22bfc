"""The evidence bundle of an electronic meeting: one ZIP with everything and its hashes.

The 2563 emergency decree on electronic meetings and the Digital Economy ministry's
security standard ask an online meeting to keep who attended and how their identity
was checked, the votes, and where the recording is kept. `evidence ID -o FILE.zip`
writes one file an auditor can check: the minutes, the attendance workbook with join
and leave times and identity checks, the Zoom or Teams reports exactly as they were
imported, and a manifest (JSON, and a page a person reads) listing every file with
its SHA-256. Written atomically, like every export: a failure leaves no half ZIP.
"""

from __future__ import annotations

import html
import json
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.atomic import write_atomically
from desktop.core.models import AgendaItem, Meeting, ReportFile
from desktop.core.services.attendance import IDENTITY_LABELS, ordered_attendance
from desktop.core.services.meeting_rules import meeting_label
from desktop.core.services.meetings import load_meeting
from desktop.core.services.report_files import report_files, sha256_hex
from desktop.core.services.votes import vote_lines
from desktop.core.thai import format_thai_date_long, format_thai_time
from desktop.exports.attendance_xlsx import export_attendance
from desktop.exports.minutes_docx import export_minutes
from desktop.exports.minutes_text import place_line

MANIFEST_JSON = "manifest.json"
MANIFEST_PAGE = "manifest.html"
MINUTES_DOCX = "minutes.docx"
MINUTES_PDF = "minutes.pdf"
ATTENDANCE_XLSX = "attendance.xlsx"
REPORTS = "reports"


def _minutes_pdf(session: Session, meeting_id: int, folder: Path) -> Path | None:
    """The minutes as PDF when this Prachum can write one (the papers' PDF export)."""
    try:
        from desktop.exports.minutes_pdf import export_minutes_pdf
    except ImportError:
        return None
    written: Path | None = export_minutes_pdf(session, meeting_id, folder / MINUTES_PDF)
    return written


def _report_names(names: list[str]) -> list[str]:
    """Unique names in the reports folder: a second `participants.csv` gets a number."""
    seen: set[str] = set()
    unique = []
    for name in names:
        candidate, number = name, 1
        while candidate in seen:
            number += 1
            stem, dot, suffix = name.rpartition(".")
            candidate = f"{stem}-{number}.{suffix}" if dot else f"{name}-{number}"
        seen.add(candidate)
        unique.append(candidate)
    return unique


def _bundled_reports(session: Session, meeting_id: int) -> list[tuple[str, ReportFile]]:
    """Each kept report with its path in the bundle."""
    kept = report_files(session, meeting_id)
    names = _report_names([r.file_name for r in kept])
    return [(str(PurePosixPath(REPORTS) / n), r) for n, r in zip(names, kept, strict=True)]


def evidence_files(session: Session, meeting_id: int, folder: Path) -> dict[str, bytes]:
    """The bundle's files by their path inside the ZIP (the manifests not included)."""
    files: dict[str, bytes] = {}
    files[MINUTES_DOCX] = export_minutes(session, meeting_id, folder / MINUTES_DOCX).read_bytes()
    pdf = _minutes_pdf(session, meeting_id, folder)
    if pdf is not None:
        files[MINUTES_PDF] = pdf.read_bytes()
    attendance = export_attendance(session, meeting_id, folder / ATTENDANCE_XLSX, identity=True)
    files[ATTENDANCE_XLSX] = attendance.read_bytes()
    for name, report in _bundled_reports(session, meeting_id):
        files[name] = report.content
    return files


def manifest(meeting: Meeting, files: dict[str, bytes], session: Session) -> dict[str, Any]:
    """What the bundle holds and what the meeting recorded as evidence, for machines."""
    originals = dict(_bundled_reports(session, meeting.id))
    entries = []
    for path, content in files.items():
        entry = {"path": path, "size": len(content), "sha256": sha256_hex(content)}
        report = originals.get(path)
        if report is not None:
            entry.update(
                original_name=report.file_name,
                platform=report.platform,
                imported_at=report.imported_at.isoformat(timespec="seconds")
                if report.imported_at
                else None,
            )
        entries.append(entry)
    attendance = [
        {
            "name": line.name,
            "group": line.group,
            "status": line.status,
            "joined": line.joined.strftime("%H:%M") if line.joined else None,
            "left": line.left_at.strftime("%H:%M") if line.left_at else None,
            "identity": line.identity,
        }
        for line in ordered_attendance(meeting)
    ]
    return {
        "format": "prachum.evidence",
        "version": 1,
        "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        "meeting": {
            "title": meeting.title,
            "number": meeting.number,
            "date": meeting.date.isoformat(),
            "mode": meeting.mode,
            "platform": meeting.platform,
            "recording": meeting.recording,
            "status": meeting.status,
        },
        "attendance": attendance,
        "votes": _votes(meeting),
        "files": entries,
    }


def _votes(meeting: Meeting) -> list[dict[str, Any]]:
    votes: list[dict[str, Any]] = []

    def walk(items: Iterable[AgendaItem]) -> None:
        for item in items:
            if item.vote is not None:
                votes.append(
                    {
                        "item": item.number,
                        "title": item.title,
                        "for": item.vote.votes_for,
                        "against": item.vote.votes_against,
                        "abstain": item.vote.votes_abstain,
                        "ballot": item.vote.ballot,
                        "text": " ".join(vote_lines(item.vote)),
                    }
                )
            walk(item.children)

    walk(meeting.agenda)
    return votes


def manifest_page(meeting: Meeting, data: dict[str, Any]) -> str:
    """The manifest as a page a person reads in any browser, Thai first."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(f['path'])}</td><td class=n>{f['size']:,}</td>"
        f"<td><code>{f['sha256']}</code></td></tr>"
        for f in data["files"]
    )
    people = "".join(
        f"<tr><td>{n}</td><td>{e(a['name'])}</td><td>{'มา' if a['status'] == 'present' else 'ไม่มา'}</td>"
        f"<td>{e(a['joined'] or '')}</td><td>{e(a['left'] or '')}</td>"
        f"<td>{e(IDENTITY_LABELS.get(a['identity'], ('', ''))[0])}</td></tr>"
        for n, a in enumerate(data["attendance"], start=1)
    )
    votes = "".join(
        f"<li>{'' if '.' in v['item'] else 'ระเบียบวาระที่ '}{e(v['item'])} {e(v['title'])}: "
        f"{e(v['text'] or ('ลงคะแนนลับ' if v['ballot'] == 'secret' else 'ลงคะแนนโดยเปิดเผย'))}</li>"
        for v in data["votes"]
    )
    when = format_thai_date_long(meeting.date)
    if meeting.start_time:
        when += f" เวลา {format_thai_time(meeting.start_time)}"
    recording = e(meeting.recording or "ไม่ได้ระบุ")
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">
<title>หลักฐานการประชุม {e(meeting_label(meeting))}</title>
<style>body{{font-family:'TH Sarabun New','Sarabun',sans-serif;font-size:16pt;margin:2em}}
table{{border-collapse:collapse}}td,th{{border:1px solid #888;padding:2px 8px;text-align:left}}
td.n{{text-align:right}}code{{font-size:11pt}}</style></head><body>
<h1>หลักฐานการประชุมผ่านสื่ออิเล็กทรอนิกส์</h1>
<p>{e(meeting_label(meeting))}<br>{e(when)}<br>{e(place_line(meeting))}</p>
<p>สถานที่เก็บบันทึกการประชุม (บันทึกเสียงหรือภาพ): {recording}</p>
<h2>ไฟล์ในชุดหลักฐานและค่า SHA-256</h2>
<table><tr><th>ไฟล์</th><th>ขนาด (ไบต์)</th><th>SHA-256</th></tr>{rows}</table>
<p>ตรวจสอบได้ด้วยคำสั่ง <code>sha256sum</code> (Linux, macOS) หรือ
<code>Get-FileHash -Algorithm SHA256</code> (Windows PowerShell)</p>
<h2>ผู้เข้าประชุมและการยืนยันตัวตน</h2>
<table><tr><th>ลำดับ</th><th>ชื่อ–สกุล</th><th>สถานะ</th><th>เข้าร่วม</th><th>ออก</th>
<th>การยืนยันตัวตน</th></tr>{people}</table>
<h2>การลงคะแนน</h2>{f"<ul>{votes}</ul>" if votes else "<p>ไม่มีการลงคะแนน</p>"}
<p>จัดทำเมื่อ {e(data["created"])} โดยโปรแกรมประชุม (Prachum)</p>
</body></html>
"""


def export_evidence(session: Session, meeting_id: int, path: Path | str) -> Path:
    """Write the meeting's evidence bundle (ZIP) atomically and return its path."""
    session.flush()
    meeting = load_meeting(session, meeting_id)
    with tempfile.TemporaryDirectory(prefix="prachum-evidence-") as scratch:
        files = evidence_files(session, meeting_id, Path(scratch))
    meeting = load_meeting(session, meeting_id)
    data = manifest(meeting, files, session)
    page = manifest_page(meeting, data)

    def write(temporary: Path) -> None:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for name, content in files.items():
                bundle.writestr(name, content)
            bundle.writestr(MANIFEST_JSON, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            bundle.writestr(MANIFEST_PAGE, page)

    return write_atomically(Path(path), write)
