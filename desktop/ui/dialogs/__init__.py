"""Small dialogs: networks, organisations, people, a new meeting, the honorifics list.

They open with open() (window-modal, not a nested event loop) and report through
signals, so that tests drive them like any other widget and nothing can hang.
"""
