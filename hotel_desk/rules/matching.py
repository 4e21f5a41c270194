"""Who is who across records: the matching rules, each defined once, for the police's suspected-error lists
and for returning guests.

- Values are compared normalised: document numbers and nationalities in upper case without spaces or MRZ
  fillers ('<'), names in upper case with single spaces. Never fuzzy: two values are the same or they are not.
- A police list item names a document number and nationality: that is the match; the surname only breaks a tie
  between stays of different people; what is still ambiguous is listed with its candidates, never guessed.
- A returning guest is recognised by the same document number and nationality, or else by the same names, date
  of birth and nationality. A document-number match whose other fields differ is not linked: it is a finding
  for the receptionist to check ("amber"), because either record may hold the mistake.

Pure: the store finds the candidate records, these functions decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hotel_desk.documents.model import Finding, Severity


def document_number_key(text: str | None) -> str:
    """A document number as compared: 'ab 12<34' -> 'AB1234'."""
    return "".join((text or "").upper().replace("<", " ").split())


def nationality_key(text: str | None) -> str:
    """A nationality code as compared: 'd<<' -> 'D' (the MRZ pads Germany's code with fillers)."""
    return "".join((text or "").upper().replace("<", " ").split())


def name_key(text: str | None) -> str:
    """A name as compared: 'o brien<<sean ' -> 'O BRIEN SEAN' (fillers are spaces, case and spacing ignored)."""
    return " ".join((text or "").upper().replace("<", " ").split())


class MatchRule(StrEnum):
    """How a record was matched (kept with the match and in the audit trail). Stored values: never rename."""

    DOCUMENT = "document_nationality"  # the same document number and nationality, one stay (or one person)
    DOCUMENT_SURNAME = "document_nationality_surname"  # the same, and the surname told several apart
    NAME_BIRTH = "name_birth_date"  # the same names, date of birth and nationality (a returning guest only)
    CHOSEN = "chosen_at_desk"  # ambiguous on the list; the receptionist chose among the candidates
    AMBIGUOUS = "ambiguous"  # several candidates remain: listed, not guessed
    NONE = "none"  # no record matches


@dataclass(frozen=True)
class Candidate:
    """An earlier stay as the rules compare it (the store fills these in from its records)."""

    registration_id: str
    person_id: str
    document_number: str
    nationality: str
    surname: str
    given_names: str = ""
    birth_date: date | None = None


@dataclass(frozen=True)
class ListMatch:
    """A police list item's match: the stay (when one), the rule that found it, and the candidates left when
    it is ambiguous."""

    rule: MatchRule
    registration_id: str | None = None
    candidates: tuple[str, ...] = ()


def match_listed_item(document_number: str, nationality: str, surname: str,
                      candidates: Iterable[Candidate]) -> ListMatch:
    """The stay a police list item means. Document number and nationality must be the same; if that leaves
    several stays, the surname is the tie-breaker; if several still remain, the item is ambiguous."""
    number, country = document_number_key(document_number), nationality_key(nationality)
    same = [c for c in candidates
            if document_number_key(c.document_number) == number and nationality_key(c.nationality) == country]
    if not same:
        return ListMatch(MatchRule.NONE)
    if len(same) == 1:
        return ListMatch(MatchRule.DOCUMENT, same[0].registration_id)
    wanted = name_key(surname)
    named = [c for c in same if wanted and name_key(c.surname) == wanted]
    if len(named) == 1:
        return ListMatch(MatchRule.DOCUMENT_SURNAME, named[0].registration_id)
    left = named or same
    return ListMatch(MatchRule.AMBIGUOUS, None, tuple(c.registration_id for c in left))


@dataclass(frozen=True)
class ReturningMatch:
    """What the rules make of a newly read document against earlier stays: the stay it returns from (linked
    only when `linked`), how, and the findings for the receptionist."""

    rule: MatchRule
    previous: Candidate | None = None
    findings: tuple[Finding, ...] = ()
    #: Fields of the record where the earlier stay and the new document differ (a document-number match).
    differs: tuple[str, ...] = ()

    @property
    def linked(self) -> bool:
        return self.previous is not None and self.rule in (MatchRule.DOCUMENT, MatchRule.NAME_BIRTH)


_FIELD_WORDS = {"surname_en": ("surname", "姓"), "given_names_en": ("given names", "名"),
                "birth_date": ("date of birth", "出生日期"), "nationality": ("nationality", "国籍")}


def _differs(new: Candidate, old: Candidate) -> tuple[str, ...]:
    out = []
    if name_key(new.surname) != name_key(old.surname):
        out.append("surname_en")
    if name_key(new.given_names) != name_key(old.given_names):
        out.append("given_names_en")
    if new.birth_date != old.birth_date:
        out.append("birth_date")
    return tuple(out)


def returning_finding(code: str, fields: Sequence[str] = ()) -> Finding:
    """The findings a returning-guest match shows beside the form (their own codes, outside the document core's
    catalogue: they are about the desk's records, not the document)."""
    en = ", ".join(_FIELD_WORDS[f][0] for f in fields)
    zh = "、".join(_FIELD_WORDS[f][1] for f in fields)
    if code == "returning.document_differs":
        return Finding(code, Severity.WARNING, fields[0] if fields else "document_number",
                       f"This document number was registered before with a different {en}: check the document "
                       "against the earlier stay. The two stays are not linked.",
                       f"此证件号码曾经登记过，但{zh}不同：请对照证件核对以前的登记。两次入住不予关联。")
    if code == "returning.name_elsewhere":
        return Finding(code, Severity.WARNING, "nationality",
                       "A guest with the same name and date of birth but another nationality stayed before: "
                       "check the document. The stays are not linked.",
                       "曾有同名、同出生日期但国籍不同的旅客入住：请核对证件。两次入住不予关联。")
    if code == "returning.ambiguous":
        return Finding(code, Severity.WARNING, "surname",
                       "Several earlier guests have this name and date of birth: the stay is not linked to any "
                       "of them.",
                       "以前有多位同名、同出生日期的旅客：本次入住不与其中任何一位关联。")
    return Finding(code, Severity.INFO, None, "Returning guest: filled in from the last stay. Check the fields.",
                   "回头客：已按上次入住填写，请核对。")


def match_returning(new: Candidate, earlier: Iterable[Candidate]) -> ReturningMatch:
    """Whether the guest on a new document stayed before. `earlier` are earlier stays, newest first (the store
    passes those with the same document number, and those with the same surname and date of birth)."""
    stays = list(earlier)
    number, country = document_number_key(new.document_number), nationality_key(new.nationality)
    by_document = [c for c in stays if number and document_number_key(c.document_number) == number
                   and nationality_key(c.nationality) == country]
    if by_document:
        previous = by_document[0]
        differs = _differs(new, previous)
        if differs:
            return ReturningMatch(MatchRule.NONE, previous, (returning_finding("returning.document_differs", differs),),
                                  differs)
        return ReturningMatch(MatchRule.DOCUMENT, previous, (returning_finding("returning.filled"),))
    if new.birth_date is None or not name_key(new.surname):
        return ReturningMatch(MatchRule.NONE)
    same_person = [c for c in stays if name_key(c.surname) == name_key(new.surname)
                   and name_key(c.given_names) == name_key(new.given_names) and c.birth_date == new.birth_date]
    if not same_person:
        return ReturningMatch(MatchRule.NONE)
    same_country = [c for c in same_person if nationality_key(c.nationality) == country]
    if not same_country:
        return ReturningMatch(MatchRule.NONE, None, (returning_finding("returning.name_elsewhere"),))
    if len({c.person_id for c in same_country}) > 1:
        return ReturningMatch(MatchRule.AMBIGUOUS, None, (returning_finding("returning.ambiguous"),))
    return ReturningMatch(MatchRule.NAME_BIRTH, same_country[0], (returning_finding("returning.filled"),))
