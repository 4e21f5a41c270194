"""Check digits: ICAO 9303 (weights 7, 3, 1) for MRZs, ISO 7064 MOD 11-2 for Chinese 18-character IDs."""

from __future__ import annotations

MRZ_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_WEIGHTS = (7, 3, 1)


def char_value(char: str) -> int | None:
    """Value of one MRZ character: digits are themselves, A-Z are 10-35, the filler '<' is 0."""
    if "0" <= char <= "9":
        return ord(char) - 48
    if "A" <= char <= "Z":
        return ord(char) - 55
    if char == "<":
        return 0
    return None


def check_digit(text: str) -> str:
    """The ICAO check digit of `text`, or '?' when it holds a character outside the MRZ alphabet."""
    total = 0
    for i, char in enumerate(text):
        value = char_value(char)
        if value is None:
            return "?"
        total += value * _WEIGHTS[i % 3]
    return str(total % 10)


_MOD11_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_MOD11_CHECK = "10X98765432"


def mod11_2(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of 17 digits (resident ID cards, 2023 permanent resident cards)."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("MOD 11-2 needs exactly 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, _MOD11_WEIGHTS, strict=True))
    return _MOD11_CHECK[total % 11]
