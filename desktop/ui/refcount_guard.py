"""Keep PySide6 6.12 from crashing the window on Python 3.11.

Measured here with PySide6 6.12.0: every Signal.emit() called from Python gives back a
reference to True it never took, and every invalid QVariant it hands to Python (an
empty combo box item's data, `index.data()` of an empty cell) does the same with None.
Each call lowers the object's reference count by one; when it reaches zero the
interpreter aborts ("bool_dealloc: deallocating True or False"). In the real window
that happened after about 2,500 attendance clicks, a long day of work.

Python 3.12 made None, True and False immortal (PEP 683), so there the lost references
do nothing. On older Pythons we do what 3.12 does: give the three objects a reference
count so large that no session can use it up. They are static objects, never freed, so
this changes nothing else. The proper fix is upstream (or a PySide6 without the fault).
"""

from __future__ import annotations

import ctypes
import sys

# About 10^12: a thousand emits a second for thirty years.
HEADROOM = 1 << 40


def needed() -> bool:
    return sys.version_info < (3, 12)


def guarded() -> bool:
    return all(sys.getrefcount(s) > HEADROOM // 2 for s in (None, True, False))


def guard_singletons() -> bool:
    """Raise the reference counts of None, True and False (once); True when guarded."""
    if not needed():
        return False
    if guarded():
        return True
    if hasattr(sys, "getobjects"):
        # Only trace-refs debug builds have it; their objects carry extra fields before
        # the count, so leave them alone.
        return False
    for singleton in (None, True, False):
        # In CPython the reference count is the first field of every object.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += HEADROOM
    return True
