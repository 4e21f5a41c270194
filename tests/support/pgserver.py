"""A throw-away PostgreSQL server for the store tests (and the store benchmark), started from Debian's
postgresql binaries. PostgreSQL refuses to run as root, and tests and CI run as root: then the server
runs as the `postgres` system user (runuser), in a temporary directory that user owns. It listens on a
Unix socket only, so parallel test workers never fight over a port."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg


def find_bindir() -> Path | None:
    env = os.environ.get("HOTEL_DESK_PG_BINDIR")
    if env:
        return Path(env)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if candidates:
        return Path(candidates[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PostgresServer:
    def __init__(self, *, fsync: bool = False) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL binaries not found (install Debian's postgresql, see ./dev)")
        self.bindir = bindir
        self.fsync = fsync
        self.run_as: str | None = None
        entry = None
        if os.geteuid() == 0:
            # The server's user must reach its directory: under root's own TMPDIR it might not.
            for name in (os.environ.get("HOTEL_DESK_PG_USER"), "postgres", "nobody"):
                if not name:
                    continue
                try:
                    entry = pwd.getpwnam(name)
                except KeyError:
                    continue
                self.run_as = name
                break
            if entry is None:
                raise RuntimeError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL as")
        self.base = Path(tempfile.mkdtemp(prefix="hdpg_", dir="/tmp" if entry and os.path.isdir("/tmp") else None))
        if entry is not None:
            os.chown(self.base, entry.pw_uid, entry.pw_gid)
        self.data = self.base / "data"
        self.port = 5432
        self._started = False

    def _cmd(self, *args: str) -> list[str]:
        if self.run_as:
            return ["runuser", "-u", self.run_as, "--", *args]
        return list(args)

    def start(self) -> PostgresServer:
        subprocess.run(
            self._cmd(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--locale=C", "--no-sync"),
            check=True, capture_output=True,
        )
        options = f"-k {self.base} -p {self.port} -c listen_addresses='' -c max_connections=60"
        if not self.fsync:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        result = subprocess.run(
            self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                      str(self.base / "server.log"), "-w", "-t", "60", "start"),
            capture_output=True, text=True,
        )
        if result.returncode != 0:
            log = (self.base / "server.log").read_text(errors="replace") if (self.base / "server.log").exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {result.stderr}\n{log}")
        self._started = True
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.base}&port={self.port}"

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(host=str(self.base), port=self.port, user="postgres", dbname="postgres",
                               autocommit=True)

    def create_database(self, name: str) -> str:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self._started:
            subprocess.run(
                self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"),
                capture_output=True,
            )
            self._started = False
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
