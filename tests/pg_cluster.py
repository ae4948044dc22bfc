"""A throwaway PostgreSQL cluster for one test run.

`python tests/pg_cluster.py COMMAND…` starts a cluster in a fresh temporary folder, runs
COMMAND with PRACHUM_TEST_PG set to a URL of its superuser, and stops the cluster and
removes the folder however COMMAND ends (a failure, Ctrl+C or a SIGTERM included).

The cluster listens only on a Unix socket inside its own folder: runs in other worktrees
have their own folders, so they never meet on a port. PostgreSQL refuses to run as root,
so as root the folder is handed to the `postgres` system user that Debian's package
creates, and the server runs as that user (`runuser`).
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_URL = "PRACHUM_TEST_PG"
SUPERUSER = "prachum_test"
# The one role that must give its password (every other connects on trust): for the
# tests of a wrong password.
PASSWORD_ROLE = "prachum_password_test"


def bindir() -> Path | None:
    """PostgreSQL's programs, from pg_config (None when PostgreSQL is not installed)."""
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        folder = Path(out.stdout.strip())
        if (folder / "initdb").exists():
            return folder
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a cluster, yield the URL of its superuser, stop and remove it afterwards."""
    programs = bindir()
    if programs is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="prachum-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        server_user = pwd.getpwnam("postgres")
        os.chown(folder, server_user.pw_uid, server_user.pw_gid)
    folder.chmod(0o755)
    started = False
    try:
        subprocess.run(
            _as_server_user(
                [
                    str(programs / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    SUPERUSER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    # The C locale is the hard case for Thai (pg_trgm ignores Thai under
                    # it); the app must not depend on the server's locale.
                    "--locale=C",
                    "--no-sync",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        hba = data / "pg_hba.conf"
        hba.write_text(
            f"local all {PASSWORD_ROLE} scram-sha-256\n" + hba.read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{folder}' "
            # A throwaway cluster: durability is not wanted, speed is.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        subprocess.run(
            _as_server_user(
                [
                    str(programs / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(folder / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        started = True
        yield f"postgresql://{SUPERUSER}@/postgres?host={folder}"
    finally:
        if started:
            subprocess.run(
                _as_server_user(
                    [str(programs / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
                ),
                stdout=subprocess.DEVNULL,
                check=False,
            )
        shutil.rmtree(folder, ignore_errors=True)


def main(command: list[str]) -> int:
    # A SIGTERM (CI cancelling the job) ends the run through `finally`, like Ctrl+C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if bindir() is None:  # the tests on a server skip, saying why (CI fails instead)
        print("PostgreSQL is not installed: the tests on a server are skipped.", file=sys.stderr)
        return subprocess.run(command, check=False).returncode
    with throwaway_cluster() as url:
        environment = dict(os.environ, **{ENV_URL: url})
        child = subprocess.Popen(command, env=environment)
        try:
            return child.wait()
        except BaseException:
            child.terminate()
            child.wait()
            raise


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
