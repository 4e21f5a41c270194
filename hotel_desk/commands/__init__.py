"""Subcommands of `hotel-desk`, one module per command group (see hotel_desk/cli.py)."""
