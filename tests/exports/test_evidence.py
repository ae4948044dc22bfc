"""The e-meeting evidence bundle: every file listed with a SHA-256 that matches it."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import zipfile

import openpyxl
import pytest
from db_arguments import db_argument
from meeting_example import example_v2

from desktop.cli import main
from desktop.core import services
from desktop.core.errors import PrachumError
from desktop.core.operations import meeting_file
from desktop.exports import evidence

REPORT = "ชื่อ (ชื่อเดิม),อีเมล,เวลาเข้าร่วม\r\nสมชาย ใจดี,,02/14/2024 09:20:00 AM\r\n".encode("utf-16")


@pytest.fixture
def online_meeting(session):
    meeting = meeting_file.import_meeting(session, example_v2())
    services.keep_report_file(session, meeting.id, "participants_845.csv", REPORT, "zoom")
    services.keep_report_file(session, meeting.id, "participants_845.csv", b"rejoin", "zoom")
    session.commit()
    return meeting


def _bundle(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def test_every_file_is_listed_with_its_sha256(session, online_meeting, tmp_path):
    path = evidence.export_evidence(session, online_meeting.id, tmp_path / "evidence.zip")
    files = _bundle(path)
    assert set(files) == {
        "minutes.docx",
        "minutes.pdf",  # the papers write the minutes as PDF too
        "attendance.xlsx",
        "reports/participants_845.csv",
        "reports/participants_845-2.csv",
        "manifest.json",
        "manifest.html",
    }
    manifest = json.loads(files["manifest.json"])
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(files) - {"manifest.json", "manifest.html"}
    for name, entry in listed.items():
        assert entry["sha256"] == hashlib.sha256(files[name]).hexdigest(), name
        assert entry["size"] == len(files[name])
    page = files["manifest.html"].decode("utf-8")
    assert all(entry["sha256"] in page for entry in manifest["files"])
    assert "ไดรฟ์กลางของเทศบาล" in page  # where the recording is kept


def test_the_reports_are_the_original_bytes(session, online_meeting, tmp_path):
    files = _bundle(evidence.export_evidence(session, online_meeting.id, tmp_path / "e.zip"))
    assert files["reports/participants_845.csv"] == REPORT
    manifest = json.loads(files["manifest.json"])
    entry = next(e for e in manifest["files"] if e["path"] == "reports/participants_845.csv")
    assert entry["sha256"] == hashlib.sha256(REPORT).hexdigest()
    assert (entry["original_name"], entry["platform"]) == ("participants_845.csv", "zoom")


def test_the_attendance_says_how_identity_was_checked_with_the_times(
    session, online_meeting, tmp_path
):
    files = _bundle(evidence.export_evidence(session, online_meeting.id, tmp_path / "e.zip"))
    sheet = openpyxl.load_workbook(io.BytesIO(files["attendance.xlsx"])).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(rows) if row[0] == "ลำดับ")
    assert rows[header][-1] == "การยืนยันตัวตน"
    first = rows[header + 1]
    assert first[1] == "นายสมชาย ใจดี"
    assert first[-1] == "เปิดกล้อง"
    assert str(first[7])[:5] == "09:20"
    manifest = json.loads(files["manifest.json"])
    assert manifest["attendance"][1]["identity"] == "otp"
    votes = {vote["item"]: vote for vote in manifest["votes"]}
    assert votes["2.1"]["text"] == (
        "เห็นชอบ 1 เสียง ไม่เห็นชอบ 0 เสียง งดออกเสียง 1 เสียง (ลงคะแนนลับ) "
        "ผู้เสนอ นางสาววิไล ศรีสุข ผู้รับรอง นายสมชาย ใจดี"
    )
    assert (votes["1"]["ballot"], votes["1"]["for"]) == ("open", None)


def test_a_failed_bundle_leaves_the_old_file_alone(session, online_meeting, tmp_path, monkeypatch):
    target = tmp_path / "evidence.zip"
    target.write_bytes(b"the bundle of yesterday")

    writestr = zipfile.ZipFile.writestr

    def disk_full_at_the_manifest(self, name, data, *args, **kwargs):
        if name == "manifest.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        return writestr(self, name, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full_at_the_manifest)
    with pytest.raises(PrachumError, match="disk is full"):
        evidence.export_evidence(session, online_meeting.id, target)
    assert target.read_bytes() == b"the bundle of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir() if "evidence" in p.name) == [
        "evidence.zip"
    ]  # and no temporary file left beside it


def test_the_evidence_command(db, session, online_meeting, tmp_path, capsys):
    out = tmp_path / "หลักฐาน.zip"
    assert main(["--db", db_argument(db), "evidence", str(online_meeting.id), "-o", str(out)]) == 0
    assert zipfile.ZipFile(out).testzip() is None
    assert main(["--db", db_argument(db), "evidence", "999", "-o", str(out)]) == 2
