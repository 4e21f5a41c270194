"""Demo guests for the screenshots and for trying the app in training mode: invented people, real-looking
documents (their MRZ composed by the document core, so every check digit is right)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from hotel_desk.desk.views import GuestEntry
from hotel_desk.documents import format_td3

if TYPE_CHECKING:
    from hotel_desk.desk import Desk


@dataclass(frozen=True)
class DemoGuest:
    issuing_state: str
    surname: str
    given_names: str
    number: str
    birth: str  # YYMMDD
    sex: str
    expiry: str  # YYMMDD
    room: str
    nights: int
    visa_type: str = "L"
    chinese_name: str = ""
    came_from: str = ""
    going_to: str = ""

    def mrz(self) -> tuple[str, str]:
        return format_td3(document_code="P<", issuing_state=self.issuing_state, surname=self.surname,
                          given_names=self.given_names, document_number=self.number,
                          nationality=self.issuing_state, birth=self.birth, sex=self.sex, expiry=self.expiry)


DEMO_GUESTS = (
    DemoGuest("DEU", "MUELLER", "JONAS", "C4F7K2M91", "850612", "M", "310215", "1208", 3, "M", "", "Beijing",
              "Hangzhou"),
    DemoGuest("JPN", "TANAKA", "YUKI", "TK8830215", "920903", "F", "290411", "0915", 2, "VISA_FREE", "田中由纪",
              "Osaka", "Suzhou"),
    DemoGuest("FRA", "DUBOIS", "CLAIRE MARIE", "19AV53821", "780127", "F", "300808", "1502", 5, "F", "",
              "Paris", "Paris"),
    DemoGuest("KOR", "KIM", "MINJUN", "M62019473", "990214", "M", "320630", "0703", 1, "VISA_FREE", "",
              "Seoul", "Nanjing"),
    DemoGuest("BRA", "SANTOS", "RAFAEL", "FX2047316", "870419", "M", "280102", "1106", 4, "Z", "",
              "Shenzhen", "Chengdu"),
    DemoGuest("IRL", "OBRIEN", "SEAN PATRICK", "PX7712094", "640305", "M", "270919", "2201", 2, "L", "",
              "Dublin", "Xi'an"),
)


def demo_entry(desk: Desk, guest: DemoGuest) -> GuestEntry:
    """The form as a receptionist would confirm it for this guest."""
    check = desk.check_mrz(list(guest.mrz()))
    doc = check.document
    assert doc is not None, check.findings
    today = desk.today()
    entry = GuestEntry(
        surname_en=doc.surname, given_names_en=doc.given_names, chinese_name=guest.chinese_name, sex=doc.sex,
        birth_date=doc.birth_date, nationality=doc.nationality, document_type=doc.kind.value,
        document_number=doc.document_number, document_expiry=doc.expiry_date, issuing_state=doc.issuing_state,
        visa_type=guest.visa_type, room=guest.room, planned_departure=today + timedelta(days=guest.nights),
        came_from=guest.came_from, going_to=guest.going_to, reason="Tourism", mrz_lines=tuple(doc.mrz_lines),
    )
    if guest.visa_type == "VISA_FREE":
        entry = replace(entry, entry_date=today, stay_until=today + timedelta(days=29))
    return entry
