"""Subcommands of `hotel-desk`, one module per command group (see hotel_desk/cli.py). Each parses its
arguments, calls the desk layer (hotel_desk.desk) or the tool it wraps, and prints."""


class UsageError(Exception):
    """A command was called wrongly: exit code 2 with a one-line message."""
