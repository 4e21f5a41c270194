"""Moved to tests/support/pgserver.py (the suite's shared fixtures); kept for tests/reporting/conftest.py, which
still imports it from here."""

from tests.support.pgserver import PostgresServer

__all__ = ["PostgresServer"]
