"""Checks a JSON value against the small part of JSON Schema our files use.

The meeting file's schema (resources/meeting-file.schema.json) is the one source of its
shape; this reads it and lists every problem by its path (`meeting.attendance[3].person`)
instead of stopping at the first, because a secretary fixing a file wants them all.
Supported: type, const, enum, minLength, maxLength, pattern, minimum, maximum, required,
properties, additionalProperties: false, patternProperties, items, $ref to #/$defs.
"""

from __future__ import annotations

import re
from typing import Any, cast

from desktop.core.thai import CONTROL_CHARACTERS, normalize_optional

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object {…}",
    "array": "a list […]",
    "null": "null",
}
# Text may hold line breaks and tabs; other control characters (bidi overrides too) are
# typing or file damage, or a name made to read backwards.
_CONTROL = CONTROL_CHARACTERS  # the same that typing strips: C0, C1 and bidi controls
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "null":
        return value is None
    return False


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class SchemaChecker:
    """Validates values against one schema document; problems are 'path: what is wrong'."""

    def __init__(self, schema: dict[str, Any]):
        self.schema = schema
        self._patterns: dict[str, re.Pattern[str]] = {}

    def problems(self, value: Any, root_name: str = "") -> list[str]:
        found: list[str] = []
        self._check(value, self.schema, root_name, found)
        return found

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        ref = schema.get("$ref")
        if ref is None:
            return schema
        node: Any = self.schema
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        return cast(dict[str, Any], node)

    def _pattern(self, text: str) -> re.Pattern[str]:
        if text not in self._patterns:
            # JSON Schema's \\d means 0-9 only; Python's would take Thai digits too.
            self._patterns[text] = re.compile(text, re.ASCII)
        return self._patterns[text]

    def _check(self, value: Any, schema: dict[str, Any], path: str, found: list[str]) -> None:  # noqa: C901 (one branch per schema keyword the format uses)
        schema = self._resolve(schema)
        where = path or "(file)"
        if "const" in schema and value != schema["const"]:
            found.append(f"{where}: must be {schema['const']!r}")
            return
        if "enum" in schema and value not in schema["enum"]:
            allowed = ", ".join(str(v) for v in schema["enum"])
            found.append(f"{where}: {value!r} is not one of {allowed}")
            return
        types = schema.get("type")
        if types is not None:
            names = [types] if isinstance(types, str) else list(types)
            if not any(_is_type(value, name) for name in names):
                wanted = " or ".join(_TYPE_WORDS.get(n, n) for n in names)
                found.append(f"{where}: must be {wanted}, not {type(value).__name__}")
                return
        if isinstance(value, str):
            self._check_text(value, schema, where, found)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                found.append(f"{where}: must be at least {schema['minimum']}")
            if "maximum" in schema and value > schema["maximum"]:
                found.append(f"{where}: must be at most {schema['maximum']}")
        elif isinstance(value, list) and "items" in schema:
            for index, item in enumerate(value):
                self._check(item, schema["items"], _join(path, index), found)
        elif isinstance(value, dict):
            self._check_object(value, schema, path, found)

    def _check_text(self, value: str, schema: dict[str, Any], where: str, found: list[str]) -> None:
        if len(value) < schema.get("minLength", 0) or (
            schema.get("minLength") and not normalize_optional(value)
        ):
            found.append(f"{where}: must not be empty")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            found.append(f"{where}: longer than {schema['maxLength']} characters")
        pattern = schema.get("pattern")
        if pattern and not self._pattern(pattern.removeprefix("^").removesuffix("$")).fullmatch(
            value
        ):
            found.append(f"{where}: {value[:40]!r} is not in the form {schema['pattern']}")
        if _CONTROL.search(value):
            found.append(f"{where}: contains a control character")
        if _SURROGATE.search(value):
            found.append(f"{where}: contains a broken character (a lone surrogate)")

    def _check_object(
        self, value: dict[str, Any], schema: dict[str, Any], path: str, found: list[str]
    ) -> None:
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                found.append(f"{_join(path, key)}: is required")
        for key, item in value.items():
            if key in properties:
                self._check(item, properties[key], _join(path, key), found)
                continue
            if any(self._pattern(p).search(key) for p in schema.get("patternProperties", {})):
                continue  # an "x-" extension: kept nowhere, ignored
            if schema.get("additionalProperties", True) is False:
                found.append(f"{_join(path, key)}: unknown key (a typo? extensions start with x-)")
