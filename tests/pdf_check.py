"""Reading a PDF back as a reader would: its text, its fonts, and the glyphs it draws.

pdftotext and pdffonts (poppler) give the text and the fonts. The glyphs are read from
the file itself: every string shown in a content stream is decoded to its CIDs, mapped
through the font's CIDToGIDMap to glyphs of the embedded font, and named, so a test can
say that no `.notdef` box and no dotted circle is drawn.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

POPPLER = ("pdftotext", "pdffonts", "pdfinfo")
DOTTED_CIRCLE_NAMES = {"uni25CC", "dottedcircle", "dotted_circle"}


def skip_without_poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs poppler-utils; missing: {missing}")


def pdf_text(pdf: Path, *, layout: bool = False, page: int | None = None) -> str:
    command = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    result = subprocess.run([*command, str(pdf), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb, sub, uni for each font."""
    output = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    rows = []
    for line in output.splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 7:
            rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def page_count(pdf: Path) -> int:
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", output.stdout).group(1))


# --- glyphs -------------------------------------------------------------------------------


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(n): body for n, body in re.findall(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}


def _stream(body: bytes) -> bytes:
    match = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    if match is None:
        return b""
    raw = match.group(1)
    if b"/FlateDecode" in body.split(b"stream", 1)[0]:
        raw = zlib.decompress(raw)
    return raw


def _ref(body: bytes, key: bytes) -> int | None:
    match = re.search(rb"/" + key + rb" (\d+) 0 R", body)
    return int(match.group(1)) if match else None


def _unescape(string: bytes) -> bytes:
    out = bytearray()
    index = 0
    while index < len(string):
        byte = string[index]
        if byte == 0x5C:  # backslash
            index += 1
            following = string[index : index + 1]
            if following.isdigit():
                digits = re.match(rb"[0-7]{1,3}", string[index:]).group(0)
                out.append(int(digits, 8))
                index += len(digits)
                continue
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}.get(
                following, following
            )
        else:
            out.append(byte)
        index += 1
    return bytes(out)


def drawn_glyph_names(pdf: Path) -> set[str]:
    """The names of every glyph the PDF's pages draw, in the embedded fonts."""
    from fontTools.ttLib import TTFont

    objects = _objects(pdf.read_bytes())
    fonts: dict[bytes, tuple[bytes, list[str]]] = {}  # resource name -> (CID map, glyph names)
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            font = objects.get(int(number), b"")
            descendant = re.search(rb"/DescendantFonts \[(\d+) 0 R\]", font)
            if descendant is None:
                continue
            cid_font = objects[int(descendant.group(1))]
            cid_map = _stream(objects[_ref(cid_font, b"CIDToGIDMap")])
            descriptor = objects[_ref(cid_font, b"FontDescriptor")]
            embedded = TTFont(io.BytesIO(_stream(objects[_ref(descriptor, b"FontFile2")])))
            fonts[name] = (cid_map, embedded.getGlyphOrder())
    names: set[str] = set()
    for body in objects.values():
        content = _stream(body) if b"stream" in body else b""
        if b" Tj" not in content:
            continue
        current = None
        for token in re.finditer(rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj", content, re.S):
            if token.group(1):
                current = fonts[token.group(1)]
                continue
            cid_map, order = current
            codes = _unescape(token.group(2))
            for at in range(0, len(codes), 2):
                cid = int.from_bytes(codes[at : at + 2], "big")
                gid = int.from_bytes(cid_map[2 * cid : 2 * cid + 2], "big")
                names.add(order[gid])
    return names


def assert_no_bad_glyphs(pdf: Path) -> None:
    names = drawn_glyph_names(pdf)
    assert names, "the PDF draws no glyph"
    assert ".notdef" not in names, "a character is drawn as a .notdef box"
    assert not names & DOTTED_CIRCLE_NAMES, "a mark is drawn on a dotted circle"
