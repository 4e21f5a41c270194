"""What the tests share: the throw-away PostgreSQL server and guests whose every date derives from a clock.
The fixtures built on them (clock, pg_server, sqlite_url, db_url, db) are in tests/conftest.py."""
