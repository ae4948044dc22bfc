"""Rendering documents as a person would see them: through LibreOffice to PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("soffice", "pdfinfo", "pdffonts", "pdftotext", "fc-match", "fc-list")


def skip_without_render_tools() -> None:
    """Skip, saying what is missing, where LibreOffice or poppler are not installed."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs LibreOffice, poppler-utils and fontconfig; missing: {missing}")


def convert_to_pdf(document: Path) -> Path:
    """The PDF LibreOffice makes of `document`, written beside it."""
    folder = document.parent
    # A private profile: a second soffice on a shared profile silently does nothing.
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = document.with_suffix(".pdf")
    assert pdf.exists(), "LibreOffice wrote no PDF"
    return pdf
