"""A fault campaign over the database's edges: generated cases, each of which must hold.

Areas: file names for the database; other spellings of the database's name aimed at a
writer; spoiled backups offered to restore; damaged worksheets; ids and numbers on the
command line. Every case is tried to the end and counted; a case that does not hold is
recorded (not raised at once), so the closing line of each area gives its figures:
cases tried, held, failed. Then the test fails if any failed.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop.cli import main
from desktop.core.db import open_database
from desktop.core.errors import PrachumError
from desktop.core.operations.backups import backup_to, restore_from
from desktop.core.protected_files import ProtectedFile, refuse_if_protected
from desktop.core.sqlite_features import name_the_writer
from desktop.imports.sheets import read_table

CAMPAIGN = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass
class Tally:
    area: str
    tried: int = 0
    failures: list[str] = field(default_factory=list)

    def case(self, name: str, check: Callable[[], None]) -> None:
        self.tried += 1
        try:
            check()
        except Exception as error:  # a case that did not hold, whatever it raised
            self.failures.append(f"{name}: {type(error).__name__}: {error}"[:300])

    def report(self, capsys) -> None:
        held = self.tried - len(self.failures)
        with capsys.disabled():
            print(
                f"\ncampaign {self.area}: {self.tried} tried, {held} held, "
                f"{len(self.failures)} failed"
            )
        assert not self.failures, "\n".join(self.failures[:10])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- file names --------------------------------------------------------------------------

NAME_CHARACTERS = st.sampled_from(
    [*"aZ09-_.,;=+~!$&'()@[]{}^", " ", "%", "%4", "%41", "?", "#", "ก", "ประชุม", "๒", "é", "☃"]
)


@given(parts=st.lists(NAME_CHARACTERS, min_size=1, max_size=40))
@CAMPAIGN
def test_any_name_opens_exactly_that_file(tmp_path_factory, parts):
    tally = _TALLIES.setdefault("file names", Tally("file names"))
    name = "".join(parts)[:190] + ".db"
    folder = tmp_path_factory.mktemp("names")
    path = folder / name

    def check() -> None:
        database = open_database(path)
        database.close()
        assert path.is_file() and path.stat().st_size > 0, "the named file holds the data"
        others = [p.name for p in folder.iterdir() if not p.name.startswith(name)]
        assert others == [], f"other files were made: {others}"

    tally.case(repr(name), check)


def test_file_names_figures(capsys):
    _TALLIES.get("file names", Tally("file names")).report(capsys)


# --- other spellings of the database's name ---------------------------------------------

SPELLINGS = [
    lambda db: db,
    lambda db: db.parent / "." / db.name,
    lambda db: db.parent / "sub" / ".." / db.name,
    lambda db: Path(str(db.parent) + "//" + db.name),
    lambda db: Path(f"{db}-wal"),
    lambda db: Path(f"{db}-shm"),
    lambda db: Path(f"{db}-journal"),
    lambda db: Path(f"{db}.lock"),
]


def test_every_spelling_of_the_database_is_refused_to_every_writer(tmp_path, capsys):
    tally = Tally("spellings aimed at writers")
    db_path = tmp_path / "data" / "prachum.db"
    db_path.parent.mkdir()
    (db_path.parent / "sub").mkdir()
    database = open_database(db_path)
    random.seed(14)
    try:
        links = []
        for number in range(6):  # chains of symlinks and hard links, in other folders too
            folder = tmp_path / f"elsewhere-{number}"
            folder.mkdir()
            link = folder / f"link-{number}.db"
            if number % 2:
                os.link(db_path, link)
            else:
                link.symlink_to(links[-1] if links else db_path)
            links.append(link)
        link_to_folder = tmp_path / "folder-link"
        link_to_folder.symlink_to(db_path.parent, target_is_directory=True)
        spellings = [spell(db_path) for spell in SPELLINGS]
        spellings += [*links, link_to_folder / db_path.name, link_to_folder / "sub/../prachum.db"]
        before = _digest(db_path)
        for target in spellings:
            for document in (False, True):

                def refused(target=target, document=document) -> None:
                    with pytest.raises(ProtectedFile):
                        refuse_if_protected(target, document=document)

                tally.case(f"{target} document={document}", refused)

            def backup_refused(target=target) -> None:
                with pytest.raises(PrachumError):
                    backup_to(database, target)
                assert _digest(db_path) == before

            tally.case(f"backup -o {target}", backup_refused)
        for other in (tmp_path / "other.db", tmp_path / "data" / "prachum.db.txt"):
            tally.case(f"{other} is free", lambda other=other: refuse_if_protected(other))
    finally:
        database.close()
    tally.report(capsys)


# --- spoiled backups offered to restore -------------------------------------------------


def _spoilers(good: bytes) -> list[tuple[str, Callable[[Path], None]]]:
    rng = random.Random(14)
    cases: list[tuple[str, Callable[[Path], None]]] = []
    for size in sorted(rng.sample(range(1, len(good)), 8)):
        cases.append((f"truncated to {size}", lambda p, size=size: p.write_bytes(good[:size])))
    for _ in range(8):
        start = rng.randrange(100, len(good) - 64)
        junk = bytes(rng.randrange(256) for _ in range(64))

        def flipped(p: Path, start=start, junk=junk) -> None:
            p.write_bytes(good[:start] + junk + good[start + 64 :])

        cases.append((f"64 bytes changed at {start}", flipped))

    def sql(statement: str) -> Callable[[Path], None]:
        def spoil(p: Path) -> None:
            p.write_bytes(good)
            con = sqlite3.connect(p)
            name_the_writer(con)  # whoever writes is in the history, another program too
            try:
                con.execute("PRAGMA foreign_keys = OFF")
                if statement.startswith("ALTER"):  # the search index's triggers name columns
                    for (trigger,) in con.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                    ).fetchall():
                        con.execute(f'DROP TRIGGER "{trigger}"')
                con.execute(statement)
                con.commit()
            finally:
                con.close()

        return spoil

    for statement in (
        "DROP TABLE attendance",
        "DROP TABLE agenda_items",
        "ALTER TABLE meetings DROP COLUMN opening",
        "ALTER TABLE organizations DROP COLUMN province",
        "DELETE FROM alembic_version",
        "UPDATE alembic_version SET version_num = 'someone-elses'",
        "UPDATE people SET given_name = CAST(X'c328' AS TEXT) WHERE id = 1",
        "UPDATE agenda_items SET body = CAST(X'ff' AS TEXT)",
    ):
        cases.append((statement, sql(statement)))
    cases.append(("empty", lambda p: p.write_bytes(b"")))
    cases.append(("a text file", lambda p: p.write_bytes(b"hello\n" * 1000)))
    return cases


def test_restore_takes_only_whole_backups_and_never_loses_the_database(tmp_path, capsys):
    tally = Tally("restore candidates")
    db_path = tmp_path / "prachum.db"
    assert main(["--db", str(db_path), "demo"]) == 0
    good = tmp_path / "good.db"
    database = open_database(db_path)
    backup_to(database, good)
    database.close()
    capsys.readouterr()
    for name, spoil in _spoilers(good.read_bytes()):
        candidate = tmp_path / "candidate.db"
        candidate.unlink(missing_ok=True)
        spoil(candidate)

        def check(candidate=candidate) -> None:
            before = _digest(db_path)  # a candidate taken before this one replaced it
            kept_before = set(tmp_path.glob("*before-restore*"))
            try:
                restore_from(candidate, db_path)
            except PrachumError:
                assert _digest(db_path) == before, "a refused restore changed the database"
                assert set(tmp_path.glob("*before-restore*")) == kept_before
                assert not list(tmp_path.glob(".prachum-*"))
                return
            # Taken: then it must be a database every command can use.
            assert main(["--db", str(db_path), "meetings"]) == 0

        tally.case(name, check)
    tally.report(capsys)


# --- damaged worksheets -----------------------------------------------------------------


def _workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["ชื่อ-สกุล", "ตำแหน่ง", "สังกัด", "เวลา (นาที)"])
    for n in range(30):
        sheet.append([f"นายทดสอบ{n} ใจดี", "ปลัดเทศบาล", "ทม.ลำพูน", n * 1.5])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOK = _workbook()


def _sheet_changed(change: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(WORKBOOK))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = change(content)
            target.writestr(info, content)
    return out.getvalue()


@given(
    cut=st.integers(min_value=0, max_value=4000),
    junk=st.binary(min_size=0, max_size=12),
    replace=st.booleans(),
    name=st.sampled_from(["a.xlsx", "a.csv", "a.txt"]),
)
@CAMPAIGN
def test_a_damaged_worksheet_is_read_or_refused(tmp_path_factory, cut, junk, replace, name):
    tally = _TALLIES.setdefault("worksheets", Tally("worksheets"))

    def damage(xml: bytes) -> bytes:
        at = min(cut, len(xml))
        return xml[:at] + junk + (xml[at + len(junk) :] if replace else xml[at:])

    path = tmp_path_factory.mktemp("sheets") / name
    path.write_bytes(_sheet_changed(damage))

    def check() -> None:
        try:
            table = read_table(path)
        except PrachumError:
            return
        assert all(isinstance(cell, str) for row in table.rows for cell in row)

    tally.case(f"cut={cut} junk={junk!r} replace={replace} {name}", check)


def test_worksheets_figures(capsys):
    _TALLIES.get("worksheets", Tally("worksheets")).report(capsys)


# --- ids and numbers on the command line --------------------------------------------------

ID_TEXT = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(alphabet="0123456789-+ ๑๒e.x", min_size=1, max_size=30),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
)


@pytest.fixture(scope="module")
def demo_for_ids(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ids") / "prachum.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@given(given_id=ID_TEXT, command=st.sampled_from(["minutes", "export", "attendance"]))
@CAMPAIGN
def test_any_id_is_a_record_or_bad_input(demo_for_ids, tmp_path_factory, given_id, command):
    tally = _TALLIES.setdefault("command-line ids", Tally("command-line ids"))
    out = tmp_path_factory.mktemp("out") / "out.bin"

    def check() -> None:
        try:
            code = main(["--db", str(demo_for_ids), command, given_id, "-o", str(out)])
        except SystemExit as leaving:
            code = leaving.code
        assert code in (0, 2), f"exit {code}"
        assert code == 0 or not out.exists()

    tally.case(f"{command} {given_id[:40]!r}", check)


def test_command_line_ids_figures(capsys):
    _TALLIES.get("command-line ids", Tally("command-line ids")).report(capsys)


_TALLIES: dict[str, Tally] = {}
