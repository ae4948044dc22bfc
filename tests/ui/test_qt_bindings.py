"""The Qt bindings must not lose references: PySide6 6.12.0 did, and the window died.

With 6.12.0 on Python 3.11 every Signal.emit() from Python gave back a reference to
True it never took, and every empty QVariant one to None; after a few thousand clicks
the interpreter aborted. pyproject.toml excludes that version; this test catches any
other version with the same fault before a secretary does.
"""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox


class _Emitter(QObject):
    changed = Signal(bool)


def test_emitting_a_signal_keeps_the_reference_count_of_true(qapp):
    emitter = _Emitter()
    emitter.changed.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.changed.emit(True)
    assert sys.getrefcount(True) >= before - 5


def test_reading_empty_item_data_keeps_the_reference_count_of_none(qapp):
    combo = QComboBox()
    combo.addItem("ว่าง", None)
    before = sys.getrefcount(None)
    for _ in range(200):
        combo.itemData(0)
    assert sys.getrefcount(None) >= before - 5
