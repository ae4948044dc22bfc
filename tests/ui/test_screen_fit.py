"""The window fits a 1366×768 laptop screen (and the same at 125 % scaling): its frame,
status bar included, lies inside the screen's available area."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
from pathlib import Path
from desktop.core.db import open_database
from desktop.ui.base.errors import ErrorReporter
from desktop.ui.base.i18n import install_language
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.shell.app import application
from desktop.ui.shell.main_window import MainWindow

app = application()
translator = install_language(app, "th")
window = MainWindow.on(AppSettings(), Store(open_database(Path(sys.argv[1])), ErrorReporter()))
window.show()
app.processEvents()
area, frame = window.screen().availableGeometry(), window.frameGeometry()
status = window.statusBar()
bottom = status.mapTo(window, status.rect().bottomLeft()).y() + window.geometry().y()
print(json.dumps({
    "area": [area.x(), area.y(), area.width(), area.height()],
    "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
    "status_bottom": bottom,
}))
"""


def on_a_laptop(tmp_path: Path, scale: str, probe: str, database: str) -> dict:
    """Run `probe` in a process of its own on a 1366x768 offscreen screen at `scale`;
    what it printed last, as JSON."""
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "dpr": 1}
                ],
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / database)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        timeout=180,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", ["1", "1.25"])
def test_the_window_fits_a_1366_by_768_screen(tmp_path, scale):
    seen = on_a_laptop(tmp_path, scale, PROBE, "prachum.db")
    x, y, width, height = seen["area"]
    fx, fy, fwidth, fheight = seen["frame"]
    assert (width, height) == ((1366, 768) if scale == "1" else (1093, 614))
    assert fx >= x and fy >= y
    assert fx + fwidth <= x + width and fy + fheight <= y + height
    assert seen["status_bottom"] <= y + height


AGENDA_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QComboBox
from desktop.core.db import open_database
from desktop.core.operations.demo import fill_demo
from desktop.core.services.views import meeting_summaries
from desktop.ui.base.errors import ErrorReporter
from desktop.ui.base.i18n import install_language
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.shell.app import application
from desktop.ui.shell.fonts import ensure_thai_font
from desktop.ui.shell.main_window import MainWindow
from tests.tools.screenshots import _minutes_in_progress, _settle

app = application()
translator = install_language(app, "th")
ensure_thai_font(app)
database = open_database(Path(sys.argv[1]))
with database.session() as session:
    fill_demo(session)
    draft = next(m for m in meeting_summaries(session) if m.status == "draft")
    item = _minutes_in_progress(session, draft.id)
window = MainWindow.on(AppSettings(), Store(database, ErrorReporter(Path(sys.argv[1] + ".log"))))
window.show()
window.workspace.navigator.select_meeting(draft.id)
window.workspace.minutes_tools.show_agenda()
agenda = window.workspace.minutes_tools.agenda
agenda.choose(item)
actions = agenda.editor.actions_editor
actions.choose(actions.model.row(0).id)
_settle(400)
cut = []
for combo in agenda.editor.findChildren(QComboBox):
    if combo.isVisible():
        inner = combo.lineEdit().width() if combo.lineEdit() else combo.width() - 30
        if combo.fontMetrics().horizontalAdvance(combo.currentText()) > inner:
            cut.append(combo.currentText())
owner = actions.owner
widest = max(owner.fontMetrics().horizontalAdvance(owner.itemText(i)) for i in range(owner.count()))
print(json.dumps({
    "scrolls_sideways": agenda.editor_scroll.horizontalScrollBar().isVisible(),
    "editor_fits": agenda.editor.width() <= agenda.editor_scroll.viewport().width(),
    "cut": cut,
    "owner_list": [owner.completer().popup().minimumWidth(), owner.view().minimumWidth()],
    "widest_owner": widest,
    "preview": agenda.preview.isVisible(),
}, ensure_ascii=False))
"""


@pytest.mark.parametrize("scale", ["1", "1.25"])
def test_the_item_editor_fits_beside_the_tree_without_cutting_a_field(tmp_path, scale):
    seen = on_a_laptop(tmp_path, scale, AGENDA_PROBE, "demo.db")
    assert not seen["scrolls_sideways"] and seen["editor_fits"]
    assert seen["cut"] == []
    # The owner lists open as wide as the longest name: none is cut in the middle.
    assert min(seen["owner_list"]) >= seen["widest_owner"]
    # At 1366 wide the preview stays beside the editor; at 125 % it starts hidden.
    assert seen["preview"] is (scale == "1")


ATTENDANCE_PROBE = """
import json, sys
from pathlib import Path
from desktop.core.db import open_database
from desktop.core.operations.demo import fill_demo
from desktop.core.services.views import meeting_summaries
from desktop.ui.base.errors import ErrorReporter
from desktop.ui.base.i18n import install_language
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.meeting.attendance_model import NAME
from desktop.ui.shell.app import application
from desktop.ui.shell.fonts import ensure_thai_font
from desktop.ui.shell.main_window import MainWindow
from tests.tools.screenshots import _settle

app = application()
translator = install_language(app, "th")
ensure_thai_font(app)
database = open_database(Path(sys.argv[1]))
with database.session() as session:
    fill_demo(session)
    draft = next(m for m in meeting_summaries(session) if m.status == "draft")
window = MainWindow.on(AppSettings(), Store(database, ErrorReporter(Path(sys.argv[1] + ".log"))))
window.show()
window.workspace.navigator.select_meeting(draft.id)
window.workspace.show_attendance()
_settle(400)
view = window.workspace.meeting.attendance.view
print(json.dumps({
    "sideways": view.horizontalScrollBar().maximum(),
    "name": view.columnWidth(NAME),
    "room": view.viewport().width(),
}))
"""


@pytest.mark.parametrize("scale", ["1", "1.25"])
def test_the_attendance_table_does_not_scroll_sideways_at_1366(tmp_path, scale):
    seen = on_a_laptop(tmp_path, scale, ATTENDANCE_PROBE, "demo.db")
    assert seen["sideways"] == 0, seen
    assert seen["name"] >= 48  # the names narrow, but never to nothing


REMEMBERED_PROBE = """
import json, sys
from pathlib import Path
from desktop.core.db import open_database
from desktop.ui.base.errors import ErrorReporter
from desktop.ui.base.settings import AppSettings
from desktop.ui.base.store import Store
from desktop.ui.shell.app import application
from desktop.ui.shell.main_window import MainWindow

from datetime import date
from desktop.core import services

app = application()
database = open_database(Path(sys.argv[1]))
with database.session() as session:  # a meeting: the list on the left is shown
    services.create_meeting(session, title="ประชุม", date=date(2024, 1, 10))
seen = {}
for name, (width, height), navigator in (
    ("small", (826, 560), 70), ("huge", (2400, 1500), 300)
):
    # A window an older version left this size, its list this narrow, closed as she would.
    earlier = MainWindow.on(AppSettings(), Store(database, ErrorReporter()))
    earlier.show()
    earlier.setMinimumSize(0, 0)
    earlier.resize(width, height)
    earlier.workspace.splitter.setSizes([navigator, width - navigator])
    app.processEvents()
    earlier.close()
    app.processEvents()
    window = MainWindow.on(AppSettings(), Store(database, ErrorReporter()))
    window.show()
    app.processEvents()
    frame = window.frameGeometry()
    seen[name] = {
        "size": [window.width(), window.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "navigator": window.workspace.navigator.width(),
    }
    window.close()
    app.processEvents()
area = window.screen().availableGeometry()
seen["area"] = [area.x(), area.y(), area.width(), area.height()]
print(json.dumps(seen))
"""


def test_a_window_remembered_small_or_huge_opens_fitted_to_the_screen(tmp_path):
    seen = on_a_laptop(tmp_path, "1", REMEMBERED_PROBE, "prachum.db")
    x, y, width, height = seen["area"]
    small = seen["small"]
    # Grown: near the whole laptop screen, the list wide enough for a network's name.
    assert small["size"][0] >= min(1100, width - 40) and small["size"][1] >= min(640, height - 80)
    assert small["navigator"] >= 180
    for kept in (small, seen["huge"]):
        fx, fy, fwidth, fheight = kept["frame"]
        assert fx >= x and fy >= y
        assert fx + fwidth <= x + width and fy + fheight <= y + height
