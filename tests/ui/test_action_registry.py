"""One place for the window's commands: every menu and toolbar entry comes from the
registry, which greys out what cannot be done and stores her typing before any command."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop.core import services
from desktop.core.db import open_database
from desktop.ui.shell.actions import SPECS, ActionId, Needs
from desktop.ui.shell.menus import Menu


def _entries(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += _entries(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


def test_every_menu_and_toolbar_entry_comes_from_the_registry_and_each_is_placed(
    open_window, filled
):
    window = open_window(filled)
    registered = set(window.commands.actions.values())
    in_menus = [a for menu in window.menuBar().findChildren(QMenu) for a in _entries(menu)]
    on_toolbar = [a for a in window.menus.toolbar.actions() if not a.isSeparator()]
    assert in_menus and on_toolbar
    assert set(in_menus) <= registered, [a.text() for a in set(in_menus) - registered]
    assert set(on_toolbar) <= registered
    assert registered <= set(in_menus), "every command is somewhere she can find it"
    assert set(window.commands.actions) == set(ActionId)


def test_no_two_commands_share_a_key():
    keys = [key for spec in SPECS.values() for key in spec.shortcuts]
    assert len(keys) == len(set(keys))


def test_what_needs_a_meeting_waits_for_one(open_window, filled):
    window = open_window(filled)
    commands = window.commands
    window.workspace.start()
    if window.workspace.meeting.meeting_id is None:
        for ident, spec in SPECS.items():
            if Needs.MEETING in spec.needs:
                assert not commands[ident].isEnabled(), ident
    meeting_id = window.workspace.store.read(services.list_meetings)[0].id
    window.workspace.open_meeting(meeting_id)
    for ident, spec in SPECS.items():
        if Needs.MEETING in spec.needs and ident not in (ActionId.UNDO, ActionId.REDO):
            assert commands[ident].isEnabled(), ident
    assert not commands[ActionId.UNDO].isEnabled(), "nothing done yet to undo"


def test_a_read_only_database_greys_out_what_writes(qtbot, qapp, reporter, filled):
    from desktop.ui.base.settings import AppSettings
    from desktop.ui.base.store import Store
    from desktop.ui.shell.main_window import MainWindow

    database = open_database(filled, readonly=True)
    window = MainWindow.on(AppSettings(), Store(database, reporter))
    qtbot.addWidget(window)
    try:
        for ident, spec in SPECS.items():
            if Needs.WRITE in spec.needs:
                assert not window.commands[ident].isEnabled(), ident
        assert window.commands[ActionId.BACKUP].isEnabled(), "a copy can still be made"
        assert window.commands[ActionId.SEARCH].isEnabled()
    finally:
        window.close()
        database.close()


def test_her_typing_is_stored_before_any_command_runs(qtbot, open_window, db_path):
    database = open_database(db_path)
    with database.session() as s:
        meeting_id = services.create_meeting(s, title="ประชุมเดิม", date=date(2026, 1, 8)).id
    database.close()
    window = open_window(db_path)
    window.workspace.open_meeting(meeting_id)
    window.workspace.show_details()
    title = window.workspace.meeting.details.title
    title.setFocus()
    title.selectAll()
    title.insert("ประชุมประจำเดือนมกราคม")  # a paused field: stored after a short wait

    def stored_title() -> str:
        return window.workspace.store.read(lambda s: services.load_meeting(s, meeting_id).title)

    assert stored_title() == "ประชุมเดิม", "not stored yet: the pause has not passed"
    # Help stores nothing itself: the registry does, before any command.
    window.commands[ActionId.HELP].trigger()
    assert stored_title() == "ประชุมประจำเดือนมกราคม"
    window.help_window.close()


def test_the_file_menu_reads_as_before(open_window, filled):
    window = open_window(filled)
    file_menu = window.menus[Menu.FILE]
    titles = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert titles[0] == window.commands[ActionId.NEW_MEETING].text()
    assert titles[-1] == window.commands[ActionId.QUIT].text()
    export = window.menus[Menu.EXPORT]
    assert window.commands[ActionId.EXPORT_MINUTES] in export.actions()
    language = window.menus[Menu.LANGUAGE]
    assert [a.text() for a in language.actions()] == ["ภาษาไทย", "English"]


def test_the_frame_works_without_data_and_the_workspace_brings_the_rest(
    qtbot, qapp, reporter, filled
):
    """Before the database is open the frame binds only what needs no data; once it is,
    the workspace (which always has its store) binds every command that needs data."""
    from desktop.ui.base.settings import AppSettings
    from desktop.ui.base.store import Store
    from desktop.ui.shell.main_window import MainWindow

    window = MainWindow(AppSettings())
    qtbot.addWidget(window)
    assert window.workspace is None
    on_data = Needs.DATA | Needs.MEETING
    frame_bound = set(window.commands.slots)
    assert frame_bound and not any(SPECS[i].needs & on_data for i in frame_bound)
    assert not window.commands[ActionId.NEW_MEETING].isEnabled()
    assert window.commands[ActionId.CONNECT].isEnabled()
    database = open_database(filled)
    try:
        workspace = window.attach(Store(database, reporter))
        assert window.workspace is workspace and workspace.store.database is database
        needs_data = {i for i, spec in SPECS.items() if spec.needs & on_data}
        unbound = needs_data - {*window.commands.slots, ActionId.BACKUP, ActionId.RESTORE}
        assert unbound == set(), "the backups bind theirs when the app host makes them"
        assert window.commands[ActionId.NEW_MEETING].isEnabled()
    finally:
        window.close()
        database.close()
