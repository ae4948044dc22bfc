"""Whatever bytes arrive, reading a report or a roster ends in a report or a clear refusal."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import PrachumError
from desktop.imports.report_cli import read_report
from desktop.imports.roster import read_roster

HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
cells = st.text(alphabet=st.sampled_from("กาขิ ()/:,.\t\n1234567890APM@xyzม่้"), max_size=40)


def read_both(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.csv"
        path.write_bytes(data)
        for reader in (read_report, read_roster):
            with contextlib.suppress(PrachumError):
                reader(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes_are_read_or_refused(data):
    read_both(data)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cells, max_size=30), st.sampled_from(["utf-8", "utf-16", "cp874"]))
def test_a_damaged_zoom_report_is_read_or_refused(pieces, encoding):
    text = HEADER + ",".join(pieces)
    read_both(text.encode(encoding, errors="replace"))
