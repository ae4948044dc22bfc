"""Where each command of the registry sits: the menu bar, its submenus and the toolbar.

One table per menu, read top to bottom as she sees it (None is a separator, a `Menu`
a submenu); nothing else in the window adds to a menu.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from desktop.ui.shell.actions import QT_TRANSLATE_NOOP, ActionId, ActionRegistry

A = ActionId
_W, _T = "MainWindow", "MinutesTools"


class Menu(Enum):
    FILE = (_W, QT_TRANSLATE_NOOP(_W, "&File"))
    EXPORT = (_T, QT_TRANSLATE_NOOP(_T, "&Export"))
    LANGUAGE = (_W, QT_TRANSLATE_NOOP(_W, "&Language"))
    EDIT = (_W, QT_TRANSLATE_NOOP(_W, "&Edit"))
    MEETING = (_W, QT_TRANSLATE_NOOP(_W, "&Meeting"))
    ROSTER = (_W, QT_TRANSLATE_NOOP(_W, "&Roster"))
    HELP = (_W, QT_TRANSLATE_NOOP(_W, "&Help"))

    @property
    def title(self) -> str:
        context, text = self.value
        return QCoreApplication.translate(context, text)


Entry = ActionId | Menu | None

MENU_BAR = (Menu.FILE, Menu.EDIT, Menu.MEETING, Menu.ROSTER, Menu.HELP)

LAYOUT: dict[Menu, tuple[Entry, ...]] = {
    Menu.FILE: (
        A.NEW_MEETING,
        A.IMPORT_MEETING_FILE,
        A.REPORT_IMPORT,
        A.PAPERS,
        Menu.EXPORT,
        None,
        A.OPEN_DEMO,
        A.LEAVE_DEMO,
        None,
        A.CONNECT,
        A.OPEN_FILE,
        None,
        A.BACKUP,
        A.RESTORE,
        None,
        Menu.LANGUAGE,
        None,
        A.QUIT,
    ),
    Menu.EXPORT: (
        A.EXPORT_MINUTES,
        A.EXPORT_ATTENDANCE,
        A.EXPORT_SIGNIN,
        A.EXPORT_MEETING_FILE,
        A.EXPORT_EVIDENCE,
        None,
        A.NETWORK_SUMMARY,
    ),
    Menu.LANGUAGE: (A.THAI, A.ENGLISH),
    Menu.EDIT: (
        A.UNDO,
        A.REDO,
        None,
        A.SEARCH,
        A.SEARCH_ALL,
        None,
        A.HISTORY_ITEM,
        A.HISTORY_MEETING,
    ),
    Menu.MEETING: (
        A.NEW_MEETING,
        None,
        A.DETAILS,
        A.ATTENDANCE,
        A.AGENDA,
        A.COPY_PEOPLE,
        None,
        A.FINALISE,
        A.REOPEN,
        None,
        A.STATISTICS,
        None,
        A.DELETE_MEETING,
    ),
    Menu.ROSTER: (A.NEW_NETWORK, None, A.NETWORKS, A.ORGANIZATIONS, A.PEOPLE),
    Menu.HELP: (A.HELP, A.ABOUT),
}

TOOLBAR: tuple[ActionId | None, ...] = (
    A.NEW_MEETING,
    None,
    A.DETAILS,
    A.ATTENDANCE,
    A.AGENDA,
    None,
    A.PEOPLE,
    A.ORGANIZATIONS,
    A.NETWORKS,
    None,
    A.STATISTICS,
)


@dataclass
class Menus:
    menus: dict[Menu, QMenu]
    toolbar: QToolBar

    def __getitem__(self, menu: Menu) -> QMenu:
        return self.menus[menu]


def _fill(menu: QMenu, which: Menu, registry: ActionRegistry, made: dict[Menu, QMenu]) -> None:
    made[which] = menu
    for entry in LAYOUT[which]:
        if entry is None:
            menu.addSeparator()
        elif isinstance(entry, Menu):
            _fill(menu.addMenu(entry.title), entry, registry, made)
        else:
            menu.addAction(registry[entry])


def build_menus(window: QMainWindow, registry: ActionRegistry) -> Menus:
    """The menu bar and the toolbar, from the tables above."""
    made: dict[Menu, QMenu] = {}
    for which in MENU_BAR:
        _fill(window.menuBar().addMenu(which.title), which, registry, made)
    toolbar = window.addToolBar(QCoreApplication.translate("MainWindow", "Main"))
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    # Text only: none of the actions has an icon, so the default style shows text.
    for entry in TOOLBAR:
        if entry is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(registry[entry])
    return Menus(made, toolbar)
