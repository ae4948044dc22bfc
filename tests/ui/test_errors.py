"""What she sees when something goes wrong: a clear message, never a traceback."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from desktop.core.errors import PrachumError


def test_an_unexpected_fault_is_logged_shown_once_and_the_app_carries_on(
    qtbot, qapp, reporter, message_boxes
):
    reporter.install()
    try:

        def fault():
            raise ZeroDivisionError("division by zero in a slot")

        for _ in range(3):  # the same fault, three times (a timer, a repeated click …)
            QTimer.singleShot(0, fault)
            qtbot.wait(20)
        assert message_boxes.kinds() == ["critical"]
        title, text = message_boxes.shown[0][1:]
        assert title == "เกิดปัญหาที่ไม่คาดคิด"
        assert "ZeroDivisionError" in text and str(reporter.log_path) in text
        log = reporter.log_path.read_text(encoding="utf-8")
        assert log.count("Traceback") == 3
        assert "division by zero in a slot" in log

        ran = []
        QTimer.singleShot(0, lambda: ran.append(True))
        qtbot.waitUntil(lambda: ran == [True])  # the event loop is still turning
    finally:
        reporter.uninstall()
    assert sys.excepthook is not reporter.handle_exception


def test_a_domain_error_that_escapes_a_slot_is_still_a_plain_message(
    qtbot, reporter, message_boxes
):
    reporter.install()
    try:

        def refused():
            raise PrachumError("กรุณากรอกชื่อ", "A name is required.")

        QTimer.singleShot(0, refused)
        qtbot.wait(20)
    finally:
        reporter.uninstall()
    assert message_boxes.shown == [("warning", "ทำรายการนี้ไม่ได้", "กรุณากรอกชื่อ")]


def test_messages_follow_the_language_setting(reporter, message_boxes):
    reporter.language = "en"
    reporter.show_problem(None, PrachumError("กรุณากรอกชื่อ", "A name is required."))
    assert message_boxes.shown[0][2] == "A name is required."
