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


class Cluster:
    """A cluster in its own folder, which a test may stop and start again (the office's
    server going away in the middle of a meeting, and coming back)."""

    def __init__(self, programs: Path, folder: Path):
        self.programs = programs
        self.folder = folder
        self.data = folder / "data"
        self.running = False

    @property
    def url(self) -> str:
        return f"postgresql://{SUPERUSER}@/postgres?host={self.folder}"

    def create(self) -> None:
        subprocess.run(
            _as_server_user(
                [
                    str(self.programs / "initdb"),
                    "-D",
                    str(self.data),
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
        hba = self.data / "pg_hba.conf"
        hba.write_text(
            f"local all {PASSWORD_ROLE} scram-sha-256\n" + hba.read_text(encoding="utf-8"),
            encoding="utf-8",
        )

    def start(self) -> None:
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' "
            # A throwaway cluster: durability is not wanted, speed is.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        subprocess.run(
            _as_server_user(
                [
                    str(self.programs / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.folder / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """`fast` ends every session at once, as a server shut down under its users."""
        subprocess.run(
            _as_server_user(
                [str(self.programs / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]
            ),
            stdout=subprocess.DEVNULL,
            check=False,
        )
        self.running = False


@contextmanager
def running_cluster() -> Iterator[Cluster]:
    """Start a cluster; stop it and remove its folder afterwards, however the block ends."""
    programs = bindir()
    if programs is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="prachum-pg-"))
    if os.geteuid() == 0:
        server_user = pwd.getpwnam("postgres")
        os.chown(folder, server_user.pw_uid, server_user.pw_gid)
    folder.chmod(0o755)
    cluster = Cluster(programs, folder)
    try:
        cluster.create()
        cluster.start()
        yield cluster
    finally:
        if cluster.running:
            cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a cluster, yield the URL of its superuser, stop and remove it afterwards."""
    with running_cluster() as cluster:
        yield cluster.url


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
