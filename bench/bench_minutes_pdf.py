"""The minutes of the 300-attendee meeting as PDF, against LibreOffice converting the DOCX.

Floor: `soffice --headless --convert-to pdf` on the same minutes as DOCX, what an office
without Prachum's PDF writer would run (start-up included: that is what it costs her).
Ours: the PDF from the loaded meeting, word-segmentation caches emptied before each run
so every run segments and shapes the whole text again; PyThaiNLP's dictionary is loaded
once beforehand, as the running app has it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.bench_minutes import build_meeting
from bench.common import Figure, alternating_runs, timed_runs
from desktop.core import services
from desktop.core.db import open_database
from desktop.exports import pdf_words
from desktop.exports.minutes_docx import export_minutes
from desktop.exports.minutes_pdf import minutes_pdf


def _libreoffice(docx: Path, folder: Path) -> None:
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "lo"),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


def run(tiny: bool = False) -> list[Figure]:
    attendees, items, points = (30, 8, 2) if tiny else (300, 40, 4)
    repeat = 1 if tiny else 5
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        database = open_database(folder / "bench.db")
        try:
            with database.session() as session:
                meeting_id = build_meeting(session, attendees, items, points)
            with database.session() as session:
                meeting = services.load_meeting(session, meeting_id)
                docx = export_minutes(session, meeting_id, folder / "minutes.docx")
                pdf_words.words("ทดสอบ")  # the dictionary, loaded once per process

                def ours() -> None:
                    pdf_words.words.cache_clear()
                    pdf_words._thai_words.cache_clear()
                    minutes_pdf(meeting).output(folder / "minutes.pdf")

                floor: list[float] | None = None
                if shutil.which("soffice") and not tiny:
                    _libreoffice(docx, folder)  # its first start writes the profile
                    mine, floor = alternating_runs(ours, lambda: _libreoffice(docx, folder), repeat)
                else:
                    mine = timed_runs(ours, repeat)
        finally:
            database.close()
    return [
        Figure(
            f"minutes PDF ({attendees} people) vs LibreOffice",
            mine,
            floor,
            max_ratio=0.5,
            floor_label="soffice --convert-to pdf",
        )
    ]
