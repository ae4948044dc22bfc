"""The roster: networks, organisations and people, their page, lists and dialogs.

The dialogs open with open() (window-modal, not a nested event loop) and report through
signals, so that tests drive them like any other widget and nothing can hang.
"""

# The roster page's tabs, here so that the window's menus name them without loading it.
NETWORKS_TAB, ORGANIZATIONS_TAB, PEOPLE_TAB = range(3)
