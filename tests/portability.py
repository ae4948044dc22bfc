"""A scan for code that works on Linux and breaks on a secretary's Windows PC.

Each finding is a call, an import or a string that assumes POSIX: a signal Windows does
not have, `fcntl`, `os.getuid`, `/tmp`, a path joined with "/", a text file opened in
the locale's encoding (cp874 or cp1252 on Windows, so Thai breaks), `os.rename` onto a
file that exists. It is allowed in a guarded place: under an `if` on `sys.platform` or
`os.name` (or after such an `if` that returns), in a `try` that catches the ImportError
or AttributeError of a platform without it, or on a line marked `# portable: <why>`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

POSIX_MODULES = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "syslog"}
POSIX_OS_CALLS = {
    "getuid", "geteuid", "getgid", "getegid", "getgroups", "setuid", "setgid",
    "fork", "forkpty", "setsid", "setpgrp", "getpgid", "killpg", "kill",
    "chown", "lchown", "fchown", "mkfifo", "mknod", "statvfs", "fstatvfs", "sysconf",
    "uname", "getloadavg", "nice", "sync", "wait", "waitpid", "WNOHANG", "rename",
}  # fmt: skip
# What the signal module offers on Windows (signal.signal refuses anything else there).
WINDOWS_SIGNALS = {"SIGABRT", "SIGFPE", "SIGILL", "SIGINT", "SIGSEGV", "SIGTERM", "SIGBREAK"}
POSIX_SIGNAL_CALLS = {"alarm", "setitimer", "getitimer", "pause", "siginterrupt",
                      "pthread_kill", "pthread_sigmask", "sigwait"}  # fmt: skip
POSIX_PATHS = ("/tmp", "/var/", "/proc/", "/dev/", "/etc/", "/home/", "/usr/", "/run/")
GUARD_WORDS = ("sys.platform", "os.name", "platform.system", "hasattr(")
MARKER = "# portable:"
PATHISH = ("path", "folder", "dir", "file", "root", "home", "db", "target", "parent")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def _dotted(node: ast.AST) -> str:
    """`os.path.join` for an Attribute chain; "" for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _head(node: ast.AST) -> str:
    """What a value is called, without the arguments of a call: `self._key(db_path)` is a
    key, not a path."""
    while isinstance(node, ast.Call):
        node = node.func
    return ast.unparse(node).lower()


def _is_platform_test(node: ast.AST) -> bool:
    return any(word in ast.unparse(node) for word in GUARD_WORDS)


def _ends_the_block(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], ast.Return | ast.Raise | ast.Continue)


def _catches_absence(handlers: list[ast.ExceptHandler]) -> bool:
    for handler in handlers:
        names = ast.unparse(handler.type) if handler.type else "BaseException"
        if any(n in names for n in ("ImportError", "AttributeError", "OSError", "Exception")):
            return True
    return False


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str, source: str):
        self.path = path
        self.lines = source.splitlines()
        self.findings: list[Finding] = []
        self.guarded = 0
        self.docstrings: set[int] = set()

    # --- where a finding is allowed ------------------------------------------------------

    def _report(self, node: ast.AST, what: str) -> None:
        line = self.lines[node.lineno - 1] if node.lineno <= len(self.lines) else ""
        if self.guarded or MARKER in line:
            return
        self.findings.append(Finding(self.path, node.lineno, what))

    def _visit_guarded(self, nodes: list) -> None:
        self.guarded += 1
        for node in nodes:
            self.visit(node)
        self.guarded -= 1

    def _visit_block(self, body: list[ast.stmt]) -> None:
        """A statement list; after `if <platform>: return`, the rest is guarded."""
        for index, statement in enumerate(body):
            self.visit(statement)
            if (
                isinstance(statement, ast.If)
                and _is_platform_test(statement.test)
                and _ends_the_block(statement.body)
            ):
                self._visit_guarded(body[index + 1 :])
                return

    def generic_visit(self, node: ast.AST) -> None:
        for name, value in ast.iter_fields(node):
            is_block = name in ("body", "orelse", "finalbody") and isinstance(value, list)
            if is_block and value and isinstance(value[0], ast.stmt):
                self._mark_docstring(node, value)
                self._visit_block(value)
                continue
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)

    def _mark_docstring(self, owner: ast.AST, body: list[ast.stmt]) -> None:
        if isinstance(owner, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                self.docstrings.add(id(first.value))

    def visit_If(self, node: ast.If) -> None:
        if _is_platform_test(node.test):
            self.visit(node.test)
            self._visit_guarded([*node.body, *node.orelse])
        else:
            self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        if _is_platform_test(node.test):
            self._visit_guarded([node.test, node.body, node.orelse])
        else:
            self.generic_visit(node)

    def visit_Try(self, node: ast.Try) -> None:
        if _catches_absence(node.handlers):
            self._visit_guarded(node.body)
            for part in (*node.handlers, *node.orelse, *node.finalbody):
                self.visit(part)
        else:
            self.generic_visit(node)

    # --- what is POSIX-only ----------------------------------------------------------------

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in POSIX_MODULES:
                self._report(node, f"imports {alias.name} (POSIX only)")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = (node.module or "").split(".")[0]
        if module in POSIX_MODULES:
            self._report(node, f"imports from {node.module} (POSIX only)")
        if module in ("os", "signal"):
            for alias in node.names:
                self._check_name(node, f"{module}.{alias.name}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self._check_name(node, _dotted(node))
        self.generic_visit(node)

    def _check_name(self, node: ast.AST, name: str) -> None:
        module, _, attr = name.rpartition(".")
        if module == "os" and attr in POSIX_OS_CALLS:
            reason = {
                "kill": "os.kill is no probe on Windows: it ends the process",
                "rename": "os.rename fails on Windows when the target exists: os.replace",
            }.get(attr, f"os.{attr} does not exist on Windows")
            self._report(node, reason)
        elif module == "signal" and attr.startswith("SIG") and "_" not in attr:
            if attr not in WINDOWS_SIGNALS:
                self._report(node, f"signal.{attr}: Windows has no such signal")
        elif module == "signal" and attr in POSIX_SIGNAL_CALLS:
            self._report(node, f"signal.{attr} does not exist on Windows")

    def visit_Constant(self, node: ast.Constant) -> None:
        if id(node) in self.docstrings or not isinstance(node.value, str):
            return
        if node.value.startswith(POSIX_PATHS) or node.value in ("/tmp", "/dev/null"):
            self._report(node, f"a POSIX path in a string: {node.value!r}")

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        """f"{folder}/{name}": a path joined with "/" (Path's `/` operator is portable)."""
        values = node.values
        for index, part in enumerate(values):
            if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                continue
            neighbours = values[max(0, index - 1) : index] + values[index + 1 : index + 2]
            touching = [_head(n.value) for n in neighbours if isinstance(n, ast.FormattedValue)]
            joins = (part.value.startswith("/") and index > 0) or part.value.endswith("/")
            joins = joins and "://" not in part.value  # a URL's slashes are not a path's
            if joins and any(word in text for text in touching for word in PATHISH):
                self._report(node, f'a path joined with "/": {ast.unparse(node)}')
                break
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if isinstance(node.op, ast.Add):
            for side in (node.left, node.right):
                if isinstance(side, ast.Constant) and side.value == "/":
                    self._report(node, f'a path joined with "/": {ast.unparse(node)}')
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        function = node.func
        name = _dotted(function)
        keywords = {k.arg for k in node.keywords}
        if name in ("open", "io.open") and "encoding" not in keywords:
            mode = node.args[1] if len(node.args) > 1 else None
            mode_kw = next((k.value for k in node.keywords if k.arg == "mode"), mode)
            text = not (isinstance(mode_kw, ast.Constant) and "b" in str(mode_kw.value))
            if text and len(node.args) < 4:
                self._report(node, "a text file opened without encoding= (cp874 on Windows)")
        if isinstance(function, ast.Attribute) and "encoding" not in keywords:
            if function.attr == "read_text" and not node.args:
                self._report(node, "read_text() without encoding= (cp874 on Windows)")
            if function.attr == "write_text" and len(node.args) < 2:
                self._report(node, "write_text() without encoding= (cp874 on Windows)")
            if function.attr == "open" and name not in ("os.open", "io.open"):
                self._check_path_open(node)
        joiner = function.value if isinstance(function, ast.Attribute) else None
        if isinstance(joiner, ast.Constant) and joiner.value == "/" and function.attr == "join":  # type: ignore[union-attr]
            self._report(node, 'a path joined with "/".join')
        self.generic_visit(node)

    def _check_path_open(self, node: ast.Call) -> None:
        """`path.open()` / `path.open("w")`: Path.open in text mode without encoding."""
        mode = node.args[0] if node.args else None
        mode = next((k.value for k in node.keywords if k.arg == "mode"), mode)
        if mode is None and node.args == [] and not node.keywords:
            owner = ast.unparse(node.func.value).lower()  # type: ignore[attr-defined]
            if any(word in owner for word in PATHISH):
                self._report(node, "a text file opened without encoding= (cp874 on Windows)")
        elif (
            isinstance(mode, ast.Constant)
            and isinstance(mode.value, str)
            and "b" not in mode.value
            and set(mode.value) <= set("rwax+t")
        ):
            self._report(node, "a text file opened without encoding= (cp874 on Windows)")


def scan_source(source: str, path: str = "<string>") -> list[Finding]:
    scanner = _Scanner(path, source)
    scanner.visit(ast.parse(source))
    return scanner.findings


def scan_tree(root: Path, folders: tuple[str, ...]) -> list[Finding]:
    findings: list[Finding] = []
    for folder in folders:
        base = root / folder
        files = [base] if base.is_file() else sorted(base.rglob("*.py"))
        for path in files:
            source = path.read_text(encoding="utf-8")
            findings += scan_source(source, path.relative_to(root).as_posix())
    return findings
