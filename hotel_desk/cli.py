"""The `hotel-desk` command: with no subcommand it starts the front-desk app; subcommands serve scripts,
installers, support staff and police liaisons.

Each module in hotel_desk/commands/ registers its own subcommands through `register(subparsers, common)`.
Command modules keep heavy imports (OCR, Qt, database) inside their handlers so that `hotel-desk --help`
and every other command start fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

import hotel_desk.commands as commands_pkg
from hotel_desk import __version__
from hotel_desk.commands import UsageError
from hotel_desk.commands.auth import EXIT_ACCESS, add_user_option, is_access_denied
from hotel_desk.settings import ENV_PREFIX, Settings, SettingsError, load_settings


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help=f"database URL (default: ${ENV_PREFIX}DATABASE_URL, then the settings, then the SQLite file "
        "in the data directory)",
    )
    add_user_option(common)
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hotel-desk",
        description="Front-desk guest registration and police reporting. Without a command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"hotel-desk {__version__}")
    # Accepted before the command too (`hotel-desk --database URL audit verify`); a separate dest because a
    # subcommand's own default would otherwise overwrite it.
    parser.add_argument("--database", metavar="URL", dest="global_database", default=None, help=argparse.SUPPRESS)
    common = _common_options()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands_pkg.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub, common)
    return parser


def settings_for(args: argparse.Namespace, settings: Settings | None = None) -> Settings:
    """The settings a command runs with: the file and the environment (loaded once), then its own options."""
    settings = settings if settings is not None else load_settings()
    database = getattr(args, "database", None) or getattr(args, "global_database", None)
    return settings.override("--database", database_url=database)


def main(argv: Sequence[str] | None = None, *, settings: Settings | None = None) -> int:
    """Run `hotel-desk`. Every handler finds the settings in `args.settings` (passed on explicitly: nothing
    below reads the settings file or the environment for them)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.settings = settings_for(args, settings)
    except SettingsError as exc:
        print(f"hotel-desk: the settings cannot be used: {exc}", file=sys.stderr)
        return 2
    handler = getattr(args, "handler", None)
    if handler is None:
        from hotel_desk.commands.app import run_app

        return run_app(args)
    try:
        return int(handler(args) or 0)
    except UsageError as exc:
        print(f"hotel-desk {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # Not signed in, a wrong password, a locked account, or a role that may not do this: exit code 3.
        if not is_access_denied(exc):
            raise
        print(f"hotel-desk {args.command}: {exc}", file=sys.stderr)
        return EXIT_ACCESS


if __name__ == "__main__":
    raise SystemExit(main())
