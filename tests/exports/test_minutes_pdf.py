"""The demo minutes through LibreOffice: Thai in the chosen font, numbered from page 2.

One conversion for the module (a few seconds). Skipped, saying why, only where the
tools are missing; `make test` and CI install them.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from render import convert_to_pdf, skip_without_render_tools

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.operations.demo import fill_demo
from desktop.exports.minutes_docx import export_minutes

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory) -> Path:
    skip_without_render_tools()
    if not subprocess.run(
        ["fc-list", ":lang=th"], capture_output=True, text=True, check=True
    ).stdout:
        pytest.skip("no Thai font installed (fonts-thai-tlwg)")
    folder = tmp_path_factory.mktemp("minutes_pdf")
    database = open_database(folder / "demo.db")
    try:
        with database.session() as session:
            fill_demo(session)
        with database.session() as session:
            first = min(services.list_meetings(session), key=lambda m: m.date)
            docx_path = export_minutes(session, first.id, folder / "minutes.docx")
    finally:
        database.close()
    return convert_to_pdf(docx_path)


def _family_for(font: str) -> str:
    result = subprocess.run(
        ["fc-match", "-f", "%{family[0]}", font], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def _pdf_fonts(pdf: Path) -> list[str]:
    output = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    names = [line.split()[0] for line in output.splitlines()[2:] if line.strip()]
    return [re.sub(r"^[A-Z]{6}\+", "", name) for name in names]  # drop the subset tag


def _page_text(pdf: Path, page: int) -> list[str]:
    output = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.strip() for line in output.splitlines() if line.strip()]


def test_every_font_in_the_pdf_is_the_one_given_for_th_sarabunpsk(demo_pdf):
    family = _family_for("TH SarabunPSK").replace(" ", "")
    fonts = _pdf_fonts(demo_pdf)
    assert fonts, "the PDF names no font"
    fallbacks = [name for name in fonts if not name.startswith(family)]
    assert not fallbacks, f"Thai fell back from {family} to {fallbacks}"
    assert any("Bold" in name for name in fonts), "headings are not bold"


def _header_words(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """(x min, x max, text) of the words on the page's first line, in points."""
    output = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        output,
    )
    top = min(float(y) for _, y, _, _ in words)
    return [(float(x0), float(x1), text) for x0, y, x1, text in words if float(y) == top]


def test_the_page_number_is_centred_in_the_header_from_page_two(demo_pdf):
    # pdftotext may put a space inside a Thai word: compare without spaces.
    first = _page_text(demo_pdf, 1)[0].replace(" ", "")
    assert first == "รายงานการประชุมคณะทำงานเครือข่ายเทศบาลลุ่มน้ำปิง"
    words = _header_words(demo_pdf, 2)
    assert [text for _, _, text in words] == ["-", "2", "-"]
    middle = (words[0][0] + words[-1][1]) / 2
    text_middle = (3 + (21 - 2)) / 2 / 2.54 * 72  # between the 3 cm and 2 cm margins
    assert abs(middle - text_middle) < 6
