"""Hostile Zoom/Teams reports and rosters, generated: CSV and XLSX of any shape and any
bytes end in a result or a PrachumError, never another exception, and a refused import
leaves the database exactly as it was (no partial writes).

The shapes are built from the headers the readers look for, so that hypothesis gets
past the first check into the parsing of times, durations, names and sections; the
cells hold what broken exports and mischief hold: NULs, control characters, formulas,
RTL marks, lone combining marks, very long text, dates in every order.
"""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from desktop.core import services
from desktop.core.db import open_database
from desktop.core.errors import PrachumError
from desktop.imports import roster, teams, zoom
from desktop.imports.report_cli import run_report_import
from desktop.imports.roster import run_roster_import

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TABLES = ("people", "organizations", "networks", "network_members", "attendance", "aliases")

HEADERS = sorted(
    {
        name
        for columns in (
            zoom.PARTICIPANT_COLUMNS,
            zoom.MEETING_COLUMNS,
            teams.COLUMNS,
            teams.ACTION_COLUMNS,
            teams.SUMMARY_KEYS,
            roster.COLUMNS,
        )
        for names in columns.values()
        for name in names
    }
)
SECTIONS = ["1. Summary", "2. Participants", "3. In-Meeting Activities", "1. สรุป", ""]
PIECES = [
    *"กขคงจฉชซญณดตถทนบปผพฟมยรลวสหอะาำิีึืุูเแโใไ่้๊๋็์",
    *"abcXYZ 0123456789/:.,-()@;\t\"'",
    "\x00",
    "\x07",
    "\x1b",
    "\r",
    "\n",
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u0301",  # a combining accent with nothing to sit on
    "\u0e48",  # a Thai tone mark alone
    "\ufeff",
    "😀",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(A1)",
    "นาย ",
    "ทต.บ้านกลาง ",
    "(Guest)",
    "AM",
    "PM",
]
DATES = [
    "02/14/2024 09:00:02 AM",
    "14/02/2024 13:05",
    "2024-02-14 09:00:00",
    "2/14/24, 9:00:02 AM",
    "14/2/2567 09.00",
    "31/31/2024 25:61",
    "99:99",
    "1h 2m 3s",
    "184",
    "-5",
    "1e309",
]
hostile = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)
cells = st.one_of(
    hostile,
    st.sampled_from(DATES),
    st.sampled_from(HEADERS),
    st.builds(lambda n: "ก" * n, st.integers(min_value=4_900, max_value=6_000)),
    st.just(""),
)
rows = st.lists(st.lists(cells, max_size=8), max_size=8)
header = st.lists(st.sampled_from(HEADERS) | hostile, min_size=1, max_size=8)
shapes = st.tuples(st.lists(st.sampled_from(SECTIONS), max_size=2), header, rows)


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A network of two offices and a meeting expecting three people."""
    db = open_database(tmp_path_factory.mktemp("fuzz-reports") / "fuzz.db")
    with db.session() as s:
        town = services.create_organization(s, name="เทศบาลตำบลบ้านกลาง", short_name="ทต.บ้านกลาง")
        sao = services.create_organization(s, name="องค์การบริหารส่วนตำบลหางดง")
        network = services.create_network(s, name="เครือข่ายทดสอบ", member_ids=[town.id, sao.id])
        meeting = services.create_meeting(
            s, title="ประชุม", date=date(2024, 2, 14), network_id=network.id, start="09:00"
        )
        for given, family, office in (
            ("สมชาย", "ใจดี", town),
            ("มาลี", "บุญมา", town),
            ("John", "Smith", sao),
        ):
            person = services.create_person(
                s, honorific="นาย", given_name=given, family_name=family, organization_id=office.id
            )
            services.add_attendee(s, meeting.id, person.id)
        db.meeting_id = meeting.id
    yield db
    db.close()


def snapshot(database) -> list:
    with database.session() as s:
        return [s.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in TABLES]


def written(folder: str, name: str, data: bytes) -> Path:
    path = Path(folder) / name
    path.write_bytes(data)
    return path


def csv_bytes(shape, *, delimiter: str, encoding: str, quoted: bool) -> bytes:
    sections, head, body = shape
    lines = [[s] for s in sections] + [head, *body]
    if quoted:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerows(lines)
        content = out.getvalue()
    else:  # as a careless exporter writes it: no quoting at all
        content = "\r\n".join(delimiter.join(line) for line in lines)
    return content.encode(encoding, errors="replace")


def xlsx_bytes(sections, head, body) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    for line in [[s] for s in sections] + [head, *body]:
        # openpyxl cannot store control characters: what a real workbook cannot hold.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in line])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def import_or_refuse(database, path: Path) -> bool:
    """Import it as a report and as a roster; a refusal changes nothing."""
    imported = False
    for run in (
        lambda s: run_report_import(
            s, database.meeting_id, path, dry_run=False, mark_missing_absent=True
        ),
        lambda s: run_roster_import(s, path, network_name="เครือข่ายทดสอบ", apply=True),
    ):
        before = snapshot(database)
        try:
            with database.session() as session:
                assert run(session)
            imported = True
        except PrachumError as error:
            assert error.message("th") and error.message("en")
            assert snapshot(database) == before, "a refused import wrote something"
    return imported


@FUZZ
@given(
    shape=shapes,
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp874"]),
    quoted=st.booleans(),
)
def test_any_csv_shape_is_imported_whole_or_refused_cleanly(
    database, shape, delimiter, encoding, quoted
):
    data = csv_bytes(shape, delimiter=delimiter, encoding=encoding, quoted=quoted)
    with tempfile.TemporaryDirectory() as folder:
        import_or_refuse(database, written(folder, "report.csv", data))


@FUZZ
@given(shape=shapes, values=st.lists(st.sampled_from([0, -1, 1.5, 1e308, True, None]), max_size=4))
def test_any_xlsx_shape_is_imported_whole_or_refused_cleanly(database, shape, values):
    sections, head, body = shape
    body = [
        *body,
        values,
        [datetime(2024, 2, 14, 9, 0), time(9, 30), date(2567, 2, 14), "=1/0", "=A1+B1"],
    ]
    with tempfile.TemporaryDirectory() as folder:
        import_or_refuse(database, written(folder, "report.xlsx", xlsx_bytes(sections, head, body)))


@pytest.fixture(scope="module")
def good_xlsx() -> bytes:
    head = ["Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)"]
    body = [["สมชาย ใจดี", "", "02/14/2024 09:00:02 AM", "02/14/2024 12:03:41 PM", "184"]]
    return xlsx_bytes([], head, body)


@FUZZ
@given(
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=12),
    cut=st.one_of(st.none(), st.integers(min_value=0)),
)
def test_a_damaged_xlsx_is_read_or_refused_never_crashes(database, good_xlsx, flips, cut):
    data = bytearray(good_xlsx)
    for where, byte in flips:
        data[where % len(data)] = byte
    if cut is not None:
        data = data[: cut % len(data)]
    with tempfile.TemporaryDirectory() as folder:
        import_or_refuse(database, written(folder, "report.xlsx", bytes(data)))


@FUZZ
@given(data=st.binary(max_size=2_000), name=st.sampled_from(["r.csv", "r.xlsx", "r.txt"]))
def test_any_bytes_under_any_name_are_read_or_refused(database, data, name):
    with tempfile.TemporaryDirectory() as folder:
        import_or_refuse(database, written(folder, name, b"PK\x03\x04" + data))


def test_a_real_report_still_imports_after_all_that(database, good_xlsx, tmp_path):
    """The fuzzed database is still healthy and a good report still goes in."""
    assert import_or_refuse(database, written(str(tmp_path), "good.xlsx", good_xlsx))
    with database.session() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
