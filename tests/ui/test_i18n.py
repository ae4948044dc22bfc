"""The window speaks Thai by default: every string translated, a Thai-capable font."""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase

from desktop.ui.base import i18n_build
from desktop.ui.shell.fonts import ensure_thai_font, has_thai

TS_FILE = i18n_build.TRANSLATIONS / "prachum_th.ts"
PLACEHOLDER = re.compile(r"\{\d\}")
MNEMONIC = re.compile(r"&[^&\s]")


def messages():
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def test_every_string_has_a_finished_thai_translation_with_the_same_placeholders():
    problems = []
    for context, source, translation in messages():
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            problems.append(f"{context}: {source!r} is not translated")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} lost a placeholder")
        elif MNEMONIC.search(source) and not MNEMONIC.search(text):
            problems.append(f"{context}: {source!r} lost its keyboard shortcut (&)")
    assert problems == []


def _tr_strings(path):
    """(context, text) of each literal given to self.tr() (the class is the context) and
    to QCoreApplication.translate(context, text) in a file."""

    def visit(node, context):
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else context
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name):
                # QT_TRANSLATE_NOOP(context, text): the registry's texts, shown translated.
                args = child.args
                if child.func.id == "QT_TRANSLATE_NOOP" and len(args) == 2:
                    context_node, literal = args
                    where = _constant(context_node, constants)
                    if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                        yield where, literal.value
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                args = child.args
                if child.func.attr == "tr" and args:
                    literal, where = args[0], context
                elif child.func.attr == "translate" and len(args) >= 2:
                    literal, where = args[1], getattr(args[0], "value", None)
                else:
                    literal = None
                if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                    yield where, literal.value
            yield from visit(child, inner)

    tree = ast.parse(path.read_text(encoding="utf-8"))
    # Module-level names bound to a string (`_W = "MainWindow"`), for contexts given by name.
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    constants.update(
        {
            element.id: value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Tuple)
            and isinstance(node.value, ast.Tuple)
            for element, value in zip(node.targets[0].elts, node.value.elts, strict=False)
            if isinstance(element, ast.Name) and isinstance(value, ast.Constant)
        }
    )
    yield from visit(tree, None)


def _constant(node, constants: dict) -> str | None:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def test_every_string_of_the_window_is_in_the_translation_under_its_context():
    """A tr() added or moved without running `i18n_build --update` would show in English."""
    known = {(context, source) for context, source, _translation in messages()}
    missing = [
        f"{path.name}: {context} {text!r}"
        for path in sorted(i18n_build.UI_SOURCES.rglob("*.py"))
        for context, text in _tr_strings(path)
        if (context, text) not in known
    ]
    assert missing == []


def test_the_thai_translation_is_installed(qapp):
    assert QCoreApplication.translate("MainWindow", "Saved") == "บันทึกแล้ว"
    assert QCoreApplication.translate("Labels", "Subdistrict municipality") == "เทศบาลตำบล"


def test_translations_compile_and_a_second_build_does_nothing(tmp_path):
    shutil.copy(TS_FILE, tmp_path / TS_FILE.name)
    written = i18n_build.compile_translations(tmp_path)
    assert [p.name for p in written] == ["prachum_th.qm"]
    assert written[0].stat().st_size > 1000
    assert i18n_build.compile_translations(tmp_path) == []


def test_the_interface_font_can_show_thai(qapp):
    family = ensure_thai_font(qapp)
    assert has_thai(family)
    assert QFontDatabase.WritingSystem.Thai in QFontDatabase.writingSystems(family)
