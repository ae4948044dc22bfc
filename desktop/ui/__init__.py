"""The desktop window (PySide6) over the services: pages, dialogs, Qt item models.

Nothing below this package imports Qt; every change the window makes goes through a
service function in a short session of its own.
"""
