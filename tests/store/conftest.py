"""The store's tests use the suite's shared fixtures (tests/conftest.py): every test that takes `db` or
`db_url` runs twice, on a fresh SQLite file and on a fresh database in a real PostgreSQL server that the test
session starts itself. Test guests: tests/support/guests.py."""
