"""Group check-in (a mode of the Check-in page): the stack of documents read one after the other (scanner
folder, reader, camera, dropped files) lands in a list instead of the form; the stay details are typed once for
the whole group, a room per guest in the list ("same room as previous" with Ctrl+D), a child listed in a
parent's passport added as their own member; then one "Register all" registers everyone, one police report
each, in one transaction (nobody if anyone is refused, and the refused are named)."""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.clock import as_aware, local_zone
from hotel_desk.desk.groups import CHILD_REASON, GroupDesk, GroupDone, GroupMember, GroupStay
from hotel_desk.documents import MrzCheck
from hotel_desk.rules.stays import parse_clock_time
from hotel_desk.ui import labels
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.findings_view import FindingList
from hotel_desk.ui.form_fields import parse_date
from hotel_desk.ui.group_model import ROOM_COLUMN, GroupModel
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import MessageLine, shortcut

log = logging.getLogger(__name__)


class GroupPanel(QWidget):
    def __init__(self, ctx: AppContext, message: MessageLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.message = message
        self._busy = False
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(8)

        stay_card = QFrame()
        stay_card.setObjectName("Card")
        grid = QGridLayout(stay_card)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        heading = QLabel(self.tr("The group's stay (the same for every member)"))
        heading.setObjectName("CardTitle")
        grid.addWidget(heading, 0, 0, 1, 4)
        self.name = QLineEdit()
        self.leader = QLineEdit()
        self.arrival = QLineEdit()
        self.arrival.setPlaceholderText(self.tr("HH:MM (now)"))
        self.departure = QLineEdit()
        self.departure.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.visa_type = QComboBox()
        for value, text in labels.visa_types():
            self.visa_type.addItem(text, value)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["", *labels.stay_reasons()])
        for combo in (self.visa_type, self.reason):
            # Long choices must not widen the panel: the list pops up as wide as it needs.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
        self.visa_number = QLineEdit()
        self.visa_number.setMaxLength(40)
        self.came_from = QLineEdit()
        self.going_to = QLineEdit()
        # Two rows: who the group is and when, then the visa and the journey (the name gets two columns).
        fields: list[tuple[str, QWidget, int]] = [
            (self.tr("Group name"), self.name, 2), (self.tr("Tour leader"), self.leader, 1),
            (self.tr("Arrived at"), self.arrival, 1), (labels.field_label("planned_departure"), self.departure, 1),
            (labels.field_label("visa_type"), self.visa_type, 1), (self.tr("Group visa number"), self.visa_number, 1),
            (labels.field_label("came_from"), self.came_from, 1), (labels.field_label("going_to"), self.going_to, 1),
            (labels.field_label("reason"), self.reason, 1),
        ]
        row, column = 1, 0
        for text, editor, span in fields:
            if column + span > 5:
                row, column = row + 2, 0
            label = QLabel(text)
            label.setObjectName("FieldLabel")
            label.setBuddy(editor)
            grid.addWidget(label, row, column, 1, span)
            grid.addWidget(editor, row + 1, column, 1, span)
            column += span
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t: self.refresh_review())
            elif isinstance(editor, QComboBox):
                editor.currentTextChanged.connect(lambda _t: self.refresh_review())
        for c in range(5):
            grid.setColumnStretch(c, 1)
        root.addWidget(stay_card)

        self.model = GroupModel(self)
        self.model.rooms_changed.connect(self.refresh_review)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        root.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.same_room = QPushButton(self.tr("Same room as previous"))
        self.same_room.setToolTip("Ctrl+D")
        self.same_room.clicked.connect(self.same_room_as_previous)
        actions.addWidget(self.same_room)
        self.child_button = QPushButton(self.tr("Add a child…"))
        self.child_button.setToolTip(self.tr("A child listed in the selected guest's passport, registered as their "
                                             "own record"))
        self.child_button.clicked.connect(self.ask_child)
        actions.addWidget(self.child_button)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take the selected guest out of the group (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("Muted")
        actions.addWidget(self.count_label)
        root.addLayout(actions)
        for row_widget in (self.same_room, self.child_button, self.remove_button):
            row_widget.setMinimumWidth(0)

        self.child_card = self._child_card()
        self.child_card.setVisible(False)
        root.addWidget(self.child_card)
        self.findings = FindingList()
        root.addWidget(self.findings)

        footer_frame = QFrame()
        footer_frame.setObjectName("Card")
        footer = QHBoxLayout(footer_frame)
        footer.setContentsMargins(14, 8, 10, 8)
        self.accept_warnings = QCheckBox(self.tr("I have checked the warnings"))
        self.accept_warnings.setToolTip(self.tr("Every warning in the list was compared with the document"))
        self.accept_warnings.toggled.connect(lambda _on: self.refresh_review())
        footer.addWidget(self.accept_warnings)
        self.blocker = QLabel()
        self.blocker.setObjectName("Muted")
        self.blocker.setWordWrap(True)
        footer.addWidget(self.blocker, 1)
        self.register_button = QPushButton()
        self.register_button.setObjectName("Primary")
        self.register_button.setToolTip(self.tr("Register every guest of the group, one police report each "
                                                "(Ctrl+Enter)"))
        self.register_button.clicked.connect(self.register_all)
        footer.addWidget(self.register_button)
        root.addWidget(footer_frame)

        shortcut("Ctrl+D", self, self.same_room_as_previous)
        shortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        shortcut("Ctrl+Return", self, self.register_all)
        # The table takes Ctrl+Return itself (it starts editing on any key): catch it there too.
        self.table.installEventFilter(self)
        self.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.register_all()
            return True
        return super().eventFilter(watched, event)

    def _child_card(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("Card")
        layout = QGridLayout(frame)
        layout.setContentsMargins(14, 8, 14, 8)
        self.child_title = QLabel()
        self.child_title.setObjectName("CardTitle")
        layout.addWidget(self.child_title, 0, 0, 1, 3)
        self.child_surname = QLineEdit()
        self.child_given = QLineEdit()
        self.child_birth = QLineEdit()
        self.child_birth.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.child_sex = QComboBox()
        self.child_sex.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.child_sex.setMinimumContentsLength(4)
        self.child_sex.addItem("—", "")
        for value, text in labels.sexes():
            self.child_sex.addItem(text, value)
        self.child_reason = QComboBox()
        self.child_reason.setEditable(True)
        self.child_reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.child_reason.setMinimumContentsLength(10)
        self.child_reason.addItems([self.tr("Child listed in the parent's passport")])
        cells = [(labels.field_label("surname_en"), self.child_surname),
                 (labels.field_label("given_names_en"), self.child_given),
                 (labels.field_label("birth_date"), self.child_birth), (labels.field_label("sex"), self.child_sex),
                 (self.tr("Why no document of their own"), self.child_reason)]
        for i, (text, editor) in enumerate(cells):  # two rows of three: it fits beside the page at 1366 px
            label = QLabel(text)
            label.setObjectName("FieldLabel")
            layout.addWidget(label, 1 + 2 * (i // 3), i % 3)
            layout.addWidget(editor, 2 + 2 * (i // 3), i % 3)
        add = QPushButton(self.tr("Add child"))
        add.setObjectName("Primary")
        add.clicked.connect(self.add_child)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(lambda: self.child_card.setVisible(False))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(cancel)
        layout.addLayout(buttons, 4, 2)
        self.child_surname.returnPressed.connect(self.add_child)
        self.child_birth.returnPressed.connect(self.add_child)
        return frame

    # -- members in -----------------------------------------------------------------------------------------
    def add_read(self, check: MrzCheck, image: bytes | None, entry_method: str) -> bool:
        """A document just read joins the group (returns False when nothing could be read from it)."""
        entry = GroupDesk.entry_from_check(check, entry_method=entry_method, page_image=image)
        if entry is None:
            return False
        if not self.arrival.text().strip():
            # The group arrived when its first passport was read, not when the last one is registered.
            self.arrival.setText(self._local_now().strftime("%H:%M"))
        row = self.model.append(GroupMember(entry, findings=[]))
        self.table.selectRow(row)
        self.refresh_review()
        self._look_up_returning(row)
        return True

    def _look_up_returning(self, row: int) -> None:
        member = self.model.members[row]
        entry = dataclasses.replace(member.entry)

        def found(result: Any) -> None:
            if result is None or member not in self.model.members:
                return
            member.findings = list(result.findings)
            if result.linked and result.previous_registration_id:
                member.entry.returning_of = result.previous_registration_id
                if not member.entry.chinese_name:
                    member.entry.chinese_name = result.prefill.get("chinese_name", "")
            self.refresh_review()

        def failed(error: JobError) -> None:
            # Not knowing the guest came before never stops a registration (the job runner logged the traceback).
            log.info("returning-guest lookup failed for a group member: %s", error)

        self.ctx.run(lambda: self.ctx.desk.returning.lookup(entry), found, failed, owner=self)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def same_room_as_previous(self) -> None:
        row = self.selected_row()
        if row is None or row == 0:
            return
        self.model.set_room(row, self.model.members[row - 1].entry.room)
        if row + 1 < len(self.model.members):
            self.table.selectRow(row + 1)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.model.remove(row)
            self.refresh_review()

    def ask_child(self) -> None:
        row = self.selected_row()
        if row is None or self.model.members[row].parent is not None:
            self.message.show_message("info", self.tr("Select the parent whose passport lists the child."))
            return
        parent = self.model.members[row].entry
        self.child_title.setText(self.tr("A child listed in the passport of %1 (%2)")
                                 .replace("%1", f"{parent.surname_en}, {parent.given_names_en}")
                                 .replace("%2", parent.document_number))
        for editor in (self.child_surname, self.child_given, self.child_birth):
            editor.clear()
        self.child_surname.setText(parent.surname_en)
        self.child_sex.setCurrentIndex(0)
        self.child_card.setVisible(True)
        self.child_given.setFocus()

    def add_child(self) -> None:
        row = self.selected_row()
        birth = parse_date(self.child_birth.text())
        if row is None or not self.child_given.text().strip() or birth is None or not self.child_sex.currentData():
            self.message.show_message("error", self.tr("A child needs a given name, a date of birth and a sex."))
            return
        parent = self.model.members[row].entry
        reason = self.child_reason.currentText().strip() or CHILD_REASON
        child = GroupDesk.child_entry(parent, surname=self.child_surname.text(), given_names=self.child_given.text(),
                                      birth_date=birth, sex=str(self.child_sex.currentData()), reason=reason)
        new_row = self.model.append(GroupMember(child, parent=row))
        self.child_card.setVisible(False)
        self.table.selectRow(new_row)
        self.refresh_review()

    # -- review ---------------------------------------------------------------------------------------------
    def _local_now(self) -> datetime:
        return self.ctx.desk.now().astimezone(local_zone(self.ctx.settings.timezone or None))

    def group_stay(self) -> tuple[GroupStay, list[str]]:
        """The stay as typed, and what is wrong with it (in words)."""
        problems = []
        arrival = None
        typed = self.arrival.text().strip()
        if typed:
            at = parse_clock_time(typed)
            if at is None:
                problems.append(self.tr("the arrival time is not HH:MM"))
            else:
                local = datetime.combine(self._local_now().date(), at)
                arrival = as_aware(local, self.ctx.settings.timezone or None)
                if arrival > self.ctx.desk.now() + timedelta(minutes=15):
                    problems.append(self.tr("the arrival time is in the future"))
        departure = parse_date(self.departure.text())
        if self.departure.text().strip() and departure is None:
            problems.append(self.tr("the departure is not a date"))
        stay = GroupStay(name=self.name.text().strip(), arrival=arrival, planned_departure=departure,
                         visa_type=str(self.visa_type.currentData() or ""),
                         group_visa_number=self.visa_number.text().strip().upper(),
                         came_from=self.came_from.text().strip(), going_to=self.going_to.text().strip(),
                         reason=self.reason.currentText().strip(), leader_name=self.leader.text().strip())
        return stay, problems

    def refresh_review(self) -> None:
        stay, problems = self.group_stay()
        verdicts = self.ctx.desk.groups.review(stay, self.model.members,
                                               accept_warnings=self.accept_warnings.isChecked())
        self.model.set_verdicts(verdicts)
        count = len(self.model.members)
        self.count_label.setText(self.tr("%n guest(s) in the group", "", count))
        self.register_button.setText(self.tr("Register all (%1)").replace("%1", str(count)))
        blocked = [v for v in verdicts if v.verdict.blocked]
        unchecked = [v for v in verdicts if v.verdict.needs_acknowledgement]
        no_room = [v for v in blocked if v.verdict.missing == ("room",) and not v.verdict.errors]
        parts = list(problems)
        if no_room:
            parts.append(self.tr("%n guest(s) without a room", "", len(no_room)))
        if len(blocked) > len(no_room):
            parts.append(self.tr("%n guest(s) with problems to fix", "", len(blocked) - len(no_room)))
        if unchecked:
            parts.append(self.tr("confirm the warnings first"))
        if self._busy:
            parts = [self.tr("Saving…")]
        self.blocker.setText(" · ".join(parts))
        self.accept_warnings.setVisible(any(v.verdict.warnings for v in verdicts))
        self.register_button.setEnabled(bool(count) and not parts and not self._busy)
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.selected_row()
        verdicts = self.model.verdicts
        if row is None or row >= len(verdicts):
            self.findings.show_findings([])
            return
        verdict = verdicts[row]
        missing = [f for f in verdict.verdict.missing_findings() if f.field != "room"]
        self.findings.show_findings([*verdict.findings, *missing])

    # -- registering -----------------------------------------------------------------------------------------
    def register_all(self) -> None:
        if not self.register_button.isEnabled():
            return
        stay, _problems = self.group_stay()
        members = [GroupMember(dataclasses.replace(m.entry), m.parent, list(m.findings)) for m in self.model.members]
        accept = self.accept_warnings.isChecked()
        name = stay.name or self.tr("the group")

        def busy(on: bool) -> None:
            self._busy = on
            self.refresh_review()

        def done(result: GroupDone) -> str:
            return self.tr("Registered %n guest(s) of %1. One police report each is queued.", "",
                           len(result.registration_ids)).replace("%1", name)

        self.ctx.run_action(
            lambda: self.ctx.desk.groups.register(stay, members, accept_warnings=accept), message=self.message,
            done=done, then=lambda _result: self.clear(),
            failed=self.tr("Nobody was registered: %1. The group is still in the list."), busy=busy,
            label=self.tr("Registering the group"), owner=self)

    def clear(self) -> None:
        self.model.clear()
        for editor in (self.name, self.leader, self.arrival, self.visa_number, self.came_from, self.going_to):
            editor.clear()
        self.reason.setEditText("")
        self.visa_type.setCurrentIndex(0)
        self.departure.setText((self.ctx.desk.today() + timedelta(days=1)).isoformat())
        self.accept_warnings.setChecked(False)
        self.child_card.setVisible(False)
        self.refresh_review()

    def edit_room(self, row: int) -> None:
        """Put the cursor in a member's room cell (the page calls it after each read)."""
        self.table.setCurrentIndex(self.model.index(row, ROOM_COLUMN, QModelIndex()))
        self.table.edit(self.model.index(row, ROOM_COLUMN, QModelIndex()))

