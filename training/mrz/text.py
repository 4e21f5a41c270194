"""MRZ text for training: every format and document code, letters and digits anywhere a document may put
them, and plain random lines so that every character appears in every position.

Check digits are computed, so the correction stage can be exercised on whole zones; the recognizer itself
learns from single lines and never sees which position a character stands in.
"""

from __future__ import annotations

import random
import string

from hotel_desk.documents import check_digit

ALPHABET = string.ascii_uppercase + string.digits + "<"
LETTERS = string.ascii_uppercase
DIGITS = string.digits

# Document codes by format, as printed: ICAO's and the national variants seen at desks (service/diplomatic
# passports, residence permits, visa types, China's permits).
CODES = {
    "td3": ("P<", "PO", "PD", "PS", "PM", "PT", "PP", "PE", "PR", "PL"),
    "td1": ("I<", "ID", "IP", "IR", "IO", "IC", "IT", "IS", "AC", "A<", "AR", "C<", "CR", "CP", "IL"),
    "td2": ("I<", "ID", "IP", "IR", "IO", "AC", "A<", "C<", "CR", "PT"),
    "mrva": ("V<", "VD", "VI", "VC"),
    "mrvb": ("V<", "VD", "VI", "VF"),
}
WIDTH = {"td3": 44, "td1": 30, "td2": 36, "mrva": 44, "mrvb": 36}
STATES = ["AFG", "ALB", "DZA", "AND", "AGO", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BLR", "BEL", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "KHM", "CMR", "CAN", "CHL", "CHN", "COL", "CRI", "HRV", "CUB", "CYP", "CZE", "DNK", "DOM", "ECU", "EGY", "SLV", "EST", "ETH", "FIN", "FRA", "GAB", "GEO", "D<<", "GHA", "GRC", "GTM", "HND", "HKG", "HUN", "ISL", "IND", "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KOR", "KWT", "LVA", "LBN", "LTU", "LUX", "MAC", "MYS", "MLT", "MEX", "MDA", "MCO", "MNG", "MNE", "MAR", "NPL", "NLD", "NZL", "NIC", "NGA", "MKD", "NOR", "OMN", "PAK", "PAN", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "ROU", "RUS", "SAU", "SEN", "SRB", "SGP", "SVK", "SVN", "ZAF", "ESP", "LKA", "SWE", "CHE", "SYR", "TWN", "TJK", "TZA", "THA", "TUN", "TUR", "UKR", "ARE", "GBR", "GBD", "GBN", "GBO", "USA", "URY", "UZB", "VEN", "VNM", "YEM", "ZMB", "ZWE", "UTO", "UTA", "XXA", "XXB", "XXC", "XXX", "EUE", "UNO", "XOM", "RKS"]


def _word(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(low, high)))


def _names(rng: random.Random, width: int) -> str:
    parts = [_word(rng, 2, 12)]
    if rng.random() < 0.3:
        parts.append(_word(rng, 2, 9))  # a double surname
    text = "<".join(parts) + "<<"
    given = [_word(rng, 1, 10) for _ in range(rng.choice((1, 1, 2, 3)))]
    text += "<".join(given)
    if rng.random() < 0.15:
        text = _word(rng, width, width + 10)  # a long name cut at the field's end
    return text[:width].ljust(width, "<")


def _alnum(rng: random.Random, n: int, letter_share: float) -> str:
    return "".join(rng.choice(LETTERS) if rng.random() < letter_share else rng.choice(DIGITS) for _ in range(n))


def document_number(rng: random.Random) -> str:
    """Nine characters: all digits, a letter prefix, or letters and digits in any position (REN6VCYYC3);
    sometimes a short number padded with fillers."""
    kind = rng.random()
    if kind < 0.25:
        text = _alnum(rng, 9, 0.0)
    elif kind < 0.5:
        k = rng.randint(1, 3)
        text = _alnum(rng, k, 1.0) + _alnum(rng, 9 - k, 0.0)
    elif kind < 0.9:
        text = _alnum(rng, 9, rng.uniform(0.2, 0.8))
    else:
        n = rng.randint(5, 8)
        text = _alnum(rng, n, rng.uniform(0.0, 0.6)).ljust(9, "<")
    return text


def optional_data(rng: random.Random, n: int) -> str:
    if n <= 0:
        return ""
    kind = rng.random()
    if kind < 0.35:
        return "<" * n
    used = rng.randint(1, n)
    if kind < 0.65:
        body = _alnum(rng, used, 0.0)
    else:
        body = _alnum(rng, used, rng.uniform(0.2, 0.9))
        if rng.random() < 0.3 and used > 3:
            cut = rng.randint(1, used - 1)
            body = body[:cut] + "<" + body[cut + 1 :]
    return body.ljust(n, "<")[:n]


def _date(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return _alnum(rng, 6, 0.0)  # an impossible date is still printed digits
    return f"{rng.randint(0, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 31):02d}"


def _sex(rng: random.Random) -> str:
    return rng.choice("MMFFX<")


def zone(fmt: str, rng: random.Random) -> tuple[str, ...]:
    """The lines of one random zone of `fmt` (td1, td2, td3, mrva, mrvb), check digits computed."""
    width = WIDTH[fmt]
    code = rng.choice(CODES[fmt])
    state = rng.choice(STATES) if rng.random() < 0.9 else _word(rng, 3, 3)
    nationality = state if rng.random() < 0.7 else rng.choice(STATES)
    number = document_number(rng)
    birth, expiry = _date(rng), _date(rng)
    if fmt == "td1":
        long_number = rng.random() < 0.08
        if long_number:
            rest = _alnum(rng, rng.randint(1, 4), 0.3)
            full = number.replace("<", "0") + rest
            opt = (rest + check_digit(full) + "<" + optional_data(rng, 15))[:15]
            line1 = code + state + full[:9] + "<" + opt
        else:
            line1 = code + state + number + check_digit(number) + optional_data(rng, 15)
        line2 = birth + check_digit(birth) + _sex(rng) + expiry + check_digit(expiry) + nationality
        line2 += optional_data(rng, 11)
        line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
        return line1, line2, _names(rng, 30)
    line1 = code + state + _names(rng, width - 5)
    body = number + check_digit(number) + nationality + birth + check_digit(birth) + _sex(rng)
    body += expiry + check_digit(expiry)
    if fmt == "td3":
        opt = optional_data(rng, 14)
        opt_check = check_digit(opt) if opt.strip("<") or rng.random() < 0.5 else "<"
        body += opt + opt_check
        body += check_digit(body[0:10] + body[13:20] + body[21:43])
    elif fmt == "td2":
        body += optional_data(rng, 7)
        body += check_digit(body[0:10] + body[13:20] + body[21:35])
    else:
        body += optional_data(rng, width - 28)
    return line1, body


def random_line(rng: random.Random, width: int) -> str:
    """Every character anywhere: uniform characters with runs of fillers, so that no position is learned
    to hold only digits or only letters."""
    out: list[str] = []
    while len(out) < width:
        if rng.random() < 0.12:
            out.extend("<" * rng.randint(1, 8))
        else:
            out.append(rng.choice(ALPHABET))
    return "".join(out[:width])


FORMAT_WEIGHTS = {"td3": 0.34, "td1": 0.3, "td2": 0.14, "mrva": 0.1, "mrvb": 0.12}


def sample_zone(rng: random.Random, random_share: float = 0.3) -> tuple[str, ...]:
    """A zone of a random format; with `random_share` its lines are replaced by random lines."""
    fmt = rng.choices(list(FORMAT_WEIGHTS), list(FORMAT_WEIGHTS.values()))[0]
    lines = zone(fmt, rng)
    if rng.random() < random_share:
        lines = tuple(random_line(rng, len(lines[0])) for _ in lines)
    return lines
