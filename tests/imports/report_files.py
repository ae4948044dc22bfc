"""Writers of report and roster files for the tests, and the texts they write."""

from __future__ import annotations

import codecs
from pathlib import Path


def write_text(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    """A report as a portal writes it: the encoding, an optional BOM, CRLF lines."""
    data = text.replace("\n", "\r\n").encode(encoding)
    if bom:
        data = {
            "utf-8": codecs.BOM_UTF8,
            "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE,
        }[encoding] + data
    path.write_bytes(data)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


ZOOM_CLASSIC = """\
Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
81234567890,การประชุมเครือข่ายทดสอบ ครั้งที่ 2,02/14/2024 09:00:02 AM,02/14/2024 12:03:41 PM,secretary@example.org,184,6

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room
มาลี บุญมา,malee@example.org,02/14/2024 09:00:02 AM,02/14/2024 12:03:41 PM,184,No,Y,N
ทต.บ้านกลาง นายก สมชาย (สมชาย ใจดี),,02/14/2024 09:21:40 AM,02/14/2024 10:02:11 AM,41,Yes,Y,N
ทต.บ้านกลาง นายก สมชาย (สมชาย ใจดี),,02/14/2024 10:05:03 AM,02/14/2024 12:03:30 PM,119,Yes,Y,N
ทม.ลำพูน นายกประภัสร์,,02/14/2024 09:30:00 AM,02/14/2024 11:00:00 AM,90,Yes,Y,N
iPhone ของ วิไล,,02/14/2024 09:40:00 AM,02/14/2024 11:58:12 AM,139,Yes,Y,N
ผู้มาเยือน ไม่รู้จัก,,02/14/2024 09:45:00 AM,02/14/2024 10:45:00 AM,60,Yes,Y,N
คนรอ ในห้องรอ,,02/14/2024 09:01:00 AM,02/14/2024 09:05:00 AM,4,Yes,Y,Y
"""
