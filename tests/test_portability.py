"""The app runs on a secretary's Windows PC: no POSIX-only call outside a guarded place.

The scan covers what a bundle ships (desktop/, main.py) and the build recipe (release/).
A new `fcntl`, `os.getuid`, SIGKILL, `/tmp`, `f"{folder}/{name}"` or text file opened
in the locale's encoding fails it, unless it sits under a platform test or carries a
`# portable: <why>` marker.
"""

from pathlib import Path

import pytest
from portability import scan_source, scan_tree

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_code_has_no_unguarded_posix_only_call():
    findings = scan_tree(ROOT, ("desktop", "main.py", "release"))
    assert [str(f) for f in findings] == []


@pytest.mark.parametrize(
    ("source", "what"),
    [
        ("import fcntl", "imports fcntl"),
        ("from pwd import getpwuid", "imports from pwd"),
        ("import os\nos.getuid()", "os.getuid does not exist"),
        ("import os\nos.kill(pid, 0)", "os.kill is no probe"),
        ("import os\nos.rename(a, b)", "os.replace"),
        ("import signal\nsignal.signal(signal.SIGHUP, f)", "signal.SIGHUP"),
        ("import signal\nprocess.send_signal(signal.SIGKILL)", "signal.SIGKILL"),
        ("import signal\nsignal.alarm(3)", "signal.alarm"),
        ("from signal import SIGUSR1", "signal.SIGUSR1"),
        ("LOG = '/tmp/prachum.log'", "'/tmp/prachum.log'"),
        ("open('/dev/null', 'w', encoding='utf-8')", "'/dev/null'"),
        ("target = f'{folder}/{name}.docx'", 'joined with "/"'),
        ("target = str(db_path.parent) + '/' + name", 'joined with "/"'),
        ("target = '/'.join([root, name])", '"/".join'),
        ("text = open(name).read()", "without encoding"),
        ("handle = open(name, 'w')", "without encoding"),
        ("text = path.read_text()", "read_text() without encoding"),
        ("path.write_text(text)", "write_text() without encoding"),
        ("with path.open('w') as handle: pass", "without encoding"),
    ],
)
def test_each_posix_only_use_is_found(source, what):
    findings = scan_source(source)
    assert len(findings) == 1, findings
    assert what in findings[0].what


@pytest.mark.parametrize(
    "source",
    [
        "import sys, os\nif sys.platform.startswith('linux'):\n    os.kill(pid, 0)",
        "import os\nif os.name == 'posix':\n    import fcntl\nelse:\n    import msvcrt",
        "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None",
        "import sys, os\ndef uid():\n    if sys.platform == 'win32':\n        return None\n"
        "    return os.getuid()",
        "import os\nuid = os.getuid() if hasattr(os, 'getuid') else 0",
        "import os\nos.kill(pid, 0)  # portable: only reached on Linux, see the caller",
        "import signal\nsignal.signal(signal.SIGTERM, f)\nsignal.signal(signal.SIGINT, f)",
        "url = f'sqlite:///{path.as_posix()}'",
        "key = f'databases/{self._key(db_path)}/last'",
        "text = path.read_text(encoding='utf-8')\npath.write_text(text, encoding='utf-8')",
        "data = open(name, 'rb').read()",
        "with path.open('rb') as handle: pass",
        "target = folder / name",
        "ratio = f'{present}/{expected}'",
        '"""Files go to /tmp on Linux, says this docstring."""',
    ],
)
def test_guarded_or_portable_code_passes(source):
    assert scan_source(source) == []
