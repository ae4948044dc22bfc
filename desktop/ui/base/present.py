"""`present(value)`: a value the code knows is there, checked once where it is used.

Qt's getters are typed as possibly None (a combo's line edit, a widget's layout, a menu's
action) and so is the open meeting's id; where the code made that part itself, or runs
only with a meeting open, this says so and fails loudly if it is ever wrong.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def present(value: T | None) -> T:
    if value is None:
        raise RuntimeError("expected a value, found None")
    return value
