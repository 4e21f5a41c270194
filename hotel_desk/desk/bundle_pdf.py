"""The export bundle's readable summary: a bilingual PDF (A4 pages drawn with Pillow, as the fax form is, with
the CJK font hotel_desk.fax.fonts finds) that a liaison can print or read without any other program.

It says what the bundle holds (hotel, period, chain head, how many events, the chain's state), the police's
measures per month and per day, why each correction and cancellation was made, the stays whose data differs
from what was sent, and the timeline of the period (the newest 300 events; the whole list is events.jsonl).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from PIL import Image, ImageDraw

from hotel_desk.clock import local_zone
from hotel_desk.fax.fonts import FormFonts, find_fonts
from hotel_desk.store.bundle_export import BundleSummary
from hotel_desk.store.inspection import GRADES, Measures

DPI = 110
PAGE = (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI))
MARGIN = round(12 / 25.4 * DPI)
LINE = 17

MEASURE_COLUMNS = (
    ("period", "Period 期间", 92), ("registrations", "Reg. 登记", 62), ("reports", "Reports 报告", 70),
    ("share", "≤24h 及时率", 74), *((g, f"{g} 迟报", 56) for g in GRADES), ("overdue", "Overdue 逾期", 70),
    ("corrections", "Corr. 更正", 60), ("cancellations", "Canc. 注销", 60), ("handed_over", "Hand. 移交", 60),
    ("blocked", "Blocked 拦截", 70), ("suspected", "Susp. 疑错", 62),
)


class _Pages:
    def __init__(self, fonts: FormFonts) -> None:
        self.fonts = fonts
        self.regular = fonts.regular_at(12)
        self.bold = fonts.bold_at(13)
        self.title = fonts.bold_at(19)
        self.pages: list[Image.Image] = []
        self._new()

    def _new(self) -> None:
        self.image = Image.new("L", PAGE, 255)
        self.draw = ImageDraw.Draw(self.image)
        self.pages.append(self.image)
        self.y = MARGIN

    def need(self, lines: int = 1) -> None:
        if self.y + lines * LINE > PAGE[1] - MARGIN:
            self._new()

    def text(self, text: str, *, x: int = 0, bold: bool = False, big: bool = False, advance: bool = True) -> None:
        self.need(2 if big else 1)
        font = self.title if big else self.bold if bold else self.regular
        width = PAGE[0] - 2 * MARGIN - x
        while text and font.getlength(text) > width:
            text = text[:-2] + "…"
        self.draw.text((MARGIN + x, self.y), text, font=font, fill=0)
        if advance:
            self.y += LINE + (10 if big else 0)

    def row(self, cells: Sequence[str], widths: Sequence[int], *, bold: bool = False) -> None:
        self.need()
        x = 0
        for cell, width in zip(cells, widths, strict=False):
            font = self.bold if bold else self.regular
            while cell and font.getlength(cell) > width - 4:
                cell = cell[:-2] + "…"
            self.draw.text((MARGIN + x, self.y), cell, font=font, fill=0)
            x += width
        self.y += LINE

    def gap(self) -> None:
        self.y += LINE // 2

    def pdf(self) -> bytes:
        out = io.BytesIO()
        self.pages[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=self.pages[1:])
        return out.getvalue()


def _local(moment: datetime | None, zone: str) -> str:
    return moment.astimezone(local_zone(zone or None)).strftime("%Y-%m-%d %H:%M") if moment else "—"


def _cells(m: Measures) -> list[str]:
    share = f"{m.share_in_time:.1%}" if m.share_in_time is not None else "—"
    return [m.period, str(m.registrations), str(m.reports), share, *(str(m.late[g]) for g in GRADES),
            str(m.overdue_unreported), str(m.corrections), str(m.cancellations), str(m.handed_over),
            str(m.counts.get("blocked_check_ins", 0)), str(m.counts.get("suspected_errors", 0))]


def render_summary(summary: BundleSummary, fonts: FormFonts | None = None) -> bytes:
    p = _Pages(fonts or find_fonts())
    tz = summary.timezone
    p.text("Audit export for the police liaison · 公安联络员审计导出", big=True)
    p.text(f"Hotel 酒店: {summary.hotel_name}   code 代码: {summary.hotel_code}")
    p.text(f"Period 期间: {_local(summary.start, tz)} – {_local(summary.end, tz)} ({tz})")
    p.text(f"Exported 导出: {_local(summary.created_at, tz)} by 操作人 {summary.created_by}")
    p.text(f"Chain head 链头: event {summary.head_seq}  {summary.head_hash}")
    p.text(f"Events in events.jsonl 事件数: {summary.events}   chain state 链状态: {summary.chain_state or '—'}")
    p.text("Check the bundle anywhere 任意电脑校验: hotel-desk audit verify-export BUNDLE.zip")
    widths = [w for _key, _label, w in MEASURE_COLUMNS]
    for title, rows in (("Per month 按月", summary.measures.months), ("Per day 按日", summary.measures.days)):
        p.gap()
        p.text(title, bold=True)
        p.row([label for _key, label, _w in MEASURE_COLUMNS], widths, bold=True)
        for m in rows:
            p.row(_cells(m), widths)
    p.gap()
    p.text("Corrections and cancellations, and why 更正与注销及原因", bold=True)
    for reason in summary.measures.total.reasons or ["—"]:
        p.text(reason, x=12)
    p.gap()
    p.text("Stays whose data differs from what was sent 与已报送数据不一致的登记", bold=True)
    for d in summary.differences or []:
        status = "waiting 待报送" if d.status == "waiting" else "NOT REPORTED 未报送"
        p.text(f"{d.guest_name}  room 房间 {d.room}  [{status}]", x=12)
        for key in d.fields:
            p.text(f"{key}: sent 已报送 {d.sent.get(key)!r} → now 当前 {d.now.get(key)!r}", x=28)
    if not summary.differences:
        p.text("—", x=12)
    p.gap()
    p.text(f"Timeline (newest {len(summary.timeline)}) 时间线", bold=True)
    widths = [118, 110, 170, 190, 50, 300]
    p.row(["Time 时间", "Staff 员工", "Action 操作", "Guest 宾客", "Room", "Details 详情"], widths, bold=True)
    for e in summary.timeline:
        p.row([_local(e.occurred_at, tz), e.actor, e.action, e.guest_name, e.room, e.summary], widths)
    return p.pdf()
