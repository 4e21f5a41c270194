"""Staff passwords: argon2id through argon2-cffi. Only the encoded hash (algorithm, cost parameters, salt and
digest in one string) is given to the store; the password itself lives no longer than the call that checks it
and is never logged.

The cost follows RFC 9106's second recommendation (64 MiB, 3 passes, 4 lanes): a few tenths of a second on a
desk PC, which is why the window verifies in a background job. A hash made with other parameters (an older
release, the test suite's cheaper ones) still verifies, and is re-hashed with today's at the next sign-in.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.profiles import RFC_9106_LOW_MEMORY

#: The installation's hashing parameters (read whenever a `Passwords` is made).
HASH_PARAMETERS = RFC_9106_LOW_MEMORY


class Passwords:
    def __init__(self) -> None:
        assert HASH_PARAMETERS.type is Type.ID, "staff passwords are hashed with argon2id"
        self._hasher = PasswordHasher.from_parameters(HASH_PARAMETERS)
        self._nobody: str | None = None

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def verify_nobody(self, password: str) -> None:
        """Spend on a name that is no account what a wrong password costs, so that the time a refusal takes
        does not tell which names exist (made on first use: most desks never need it)."""
        if self._nobody is None:
            self._nobody = self._hasher.hash("no such account")
        self.verify(self._nobody, password)

    def needs_rehash(self, password_hash: str) -> bool:
        try:
            return self._hasher.check_needs_rehash(password_hash)
        except (InvalidHashError, ValueError):
            return False
