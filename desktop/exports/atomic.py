"""Atomic writes for documents: the implementation lives in core, shared with the meeting file."""

from desktop.core.atomic import write_atomically

__all__ = ["write_atomically"]
