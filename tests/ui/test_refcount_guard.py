"""A long day of clicks must not crash the window (PySide6 6.12 on Python 3.11).

Each Signal.emit() from Python loses a reference to True and each invalid QVariant one
to None; without the guard the interpreter aborts once a count reaches zero, which the
twenty thousand rounds below reach in any process.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox

from desktop.ui import refcount_guard


class Emitter(QObject):
    ping = Signal()


@pytest.mark.skipif(not refcount_guard.needed(), reason="None and True are immortal here")
def test_twenty_thousand_signals_and_empty_values_do_not_use_up_true_and_none(qapp):
    assert refcount_guard.guarded()  # done when the application was made
    emitter = Emitter()
    received = []
    emitter.ping.connect(lambda: received.append(1))
    combo = QComboBox()
    combo.addItem("(ไม่ระบุ)")
    for _ in range(20_000):
        emitter.ping.emit()
        combo.currentData(Qt.ItemDataRole.UserRole)  # an invalid QVariant: None
    assert len(received) == 20_000
    assert sys.getrefcount(True) > refcount_guard.HEADROOM // 2
    assert sys.getrefcount(None) > refcount_guard.HEADROOM // 2


def test_guarding_twice_changes_nothing(qapp):
    counts = [sys.getrefcount(s) for s in (None, True, False)]
    refcount_guard.guard_singletons()
    assert [sys.getrefcount(s) for s in (None, True, False)] == counts
