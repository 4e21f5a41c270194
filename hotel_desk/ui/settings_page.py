"""Settings: the property's codes from the police sub-station, where reports go, the scanner folder, the
database, the language and when the desk locks itself. Managers only (the page is not shown to other roles;
the desk layer checks again and records who changed what). Saved to the settings file; the language changes
at once, the rest on restart where it has to (database, mode)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.rules.roles import Permission
from hotel_desk.rules.stays import parse_clock_time
from hotel_desk.settings import KEYS, Settings
from hotel_desk.ui import i18n, labels
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.handover import FAX_FLOW, FAX_NUMBER, FAX_PORT
from hotel_desk.ui.live_switch import LiveSwitchDialog, confirm_training
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import align_form_labels, card, page_frame


class SettingsPage(QWidget):
    language_changed = Signal(str)
    saved = Signal(object)  # Settings

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.live_dialog: LiveSwitchDialog | None = None
        self._forms: list[QFormLayout] = []
        outer, self.message = page_frame(self, self.tr("Settings"), self.tr(
            "Codes issued by your police sub-station, where reports go, and how this desk works."))
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        s = ctx.settings
        prop_card, prop = card(self.tr("Property"))
        form = self._form()
        self.hotel_name = QLineEdit(s.hotel_name)
        self.hotel_code = QLineEdit(s.hotel_code)
        self.substation_code = QLineEdit(s.substation_code)
        self.authorisation_code = QLineEdit(s.authorisation_code)
        self.authorisation_code.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        form.addRow(self.tr("Hotel name"), self.hotel_name)
        form.addRow(self.tr("Hotel code"), self.hotel_code)
        form.addRow(self.tr("Police sub-station code"), self.substation_code)
        form.addRow(self.tr("Authorisation code"), self.authorisation_code)
        prop.addLayout(form)
        body_layout.addWidget(prop_card)

        intake_card, intake = card(self.tr("Police intake"))
        form = self._form()
        self.training = QCheckBox(self.tr("Training mode: reports go to the built-in practice intake, never to "
                                          "the police"))
        self.training.setChecked(s.training)
        self.intake_url = QLineEdit(s.intake_url)
        self.intake_url.setPlaceholderText(self.tr("https://… as given by the sub-station"))
        form.addRow(self.tr("Mode"), self.training)
        form.addRow(self.tr("Intake address"), self.intake_url)
        intake.addLayout(form)
        body_layout.addWidget(intake_card)

        desk_card, desk = card(self.tr("This desk"))
        form = self._form()
        folder_row = QHBoxLayout()
        self.scanner_folder = QLineEdit(s.scanner_folder)
        self.scanner_folder.setPlaceholderText(self.tr("Folder where the scanner saves pages"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.scanner_folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Scanner folder"), folder_row)
        self.database_url = QLineEdit(s.database_url)
        self.database_url.setPlaceholderText(s.effective_database_url())
        form.addRow(self.tr("Database"), self.database_url)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        index = self.language.findData(s.language)
        self.language.setCurrentIndex(max(index, 0))
        form.addRow(self.tr("Language"), self.language)
        self.idle_lock_minutes = QSpinBox()
        self.idle_lock_minutes.setRange(1, 240)
        self.idle_lock_minutes.setValue(s.idle_lock_minutes)
        self.idle_lock_minutes.setSuffix(self.tr(" min"))
        self.idle_lock_minutes.setToolTip(self.tr("After this many minutes without a key press or a click the "
                                                  "desk locks and asks for the password again"))
        form.addRow(self.tr("Lock when idle for"), self.idle_lock_minutes)
        desk.addLayout(form)
        body_layout.addWidget(desk_card)
        closing_card, closing = card(self.tr("Departures and police lists"))
        form = QFormLayout()
        self.checkout_time = QLineEdit(s.checkout_time)
        self.checkout_time.setPlaceholderText("12:00")
        self.checkout_time.setToolTip(self.tr("A guest still in house after this time on the planned departure "
                                              "day is shown as overdue"))
        form.addRow(self.tr("Check-out time (HH:MM)"), self.checkout_time)
        self.night_audit_time = QLineEdit(s.night_audit_time)
        self.night_audit_time.setPlaceholderText("23:00")
        self.night_audit_time.setToolTip(self.tr("An hour before it, the desk is warned about guests still open "
                                                 "past their departure"))
        form.addRow(self.tr("Night audit (HH:MM)"), self.night_audit_time)
        self.due_days = QSpinBox()
        self.due_days.setRange(1, 60)
        self.due_days.setValue(s.suspected_error_due_days)
        self.due_days.setSuffix(self.tr(" day(s)"))
        form.addRow(self.tr("Answer police lists within"), self.due_days)
        closing.addLayout(form)
        body_layout.addWidget(closing_card)
        readers_card, readers = card(self.tr("Passport readers"))
        form = self._form()
        self.serial_port = QComboBox()
        self.serial_port.setEditable(True)
        self.serial_port.addItem(self.tr("(none)"), "")
        for device, description in _serial_ports():
            self.serial_port.addItem(f"{device} – {description}" if description else device, device)
        if s.serial_port and self.serial_port.findData(s.serial_port) < 0:
            self.serial_port.addItem(s.serial_port, s.serial_port)
        self.serial_port.setCurrentIndex(max(self.serial_port.findData(s.serial_port), 0))
        form.addRow(self.tr("Serial reader port"), self.serial_port)
        self.serial_profile = QComboBox()
        for name in _reader_profiles() or [s.serial_profile or "plain"]:
            self.serial_profile.addItem(name, name)
        self.serial_profile.setCurrentIndex(max(self.serial_profile.findData(s.serial_profile), 0))
        form.addRow(self.tr("What the reader sends"), self.serial_profile)
        self.keyboard_layout = QComboBox()
        for name in _keyboard_layouts() or [s.keyboard_layout or "us"]:
            self.keyboard_layout.addItem(name, name)
        self.keyboard_layout.setCurrentIndex(max(self.keyboard_layout.findData(s.keyboard_layout), 0))
        form.addRow(self.tr("Keyboard-wedge reader layout"), self.keyboard_layout)
        readers.addLayout(form)
        body_layout.addWidget(readers_card)
        fax_card, fax = card(self.tr("Fax modem (hand-over by fax)"))
        form = self._form()
        extra = s.extra
        self.fax_port = QComboBox()
        self.fax_port.setEditable(True)
        self.fax_port.addItem(self.tr("(none)"), "")
        for device, description in _serial_ports():
            self.fax_port.addItem(f"{device} – {description}" if description else device, device)
        if extra.get(FAX_PORT) and self.fax_port.findData(extra[FAX_PORT]) < 0:
            self.fax_port.addItem(extra[FAX_PORT], extra[FAX_PORT])
        self.fax_port.setCurrentIndex(max(self.fax_port.findData(extra.get(FAX_PORT, "")), 0))
        form.addRow(self.tr("Fax modem port"), self.fax_port)
        self.fax_number = QLineEdit(extra.get(FAX_NUMBER, ""))
        self.fax_number.setPlaceholderText(self.tr("The police sub-station's fax number, e.g. 021 5555 0110"))
        form.addRow(self.tr("Sub-station fax number"), self.fax_number)
        self.fax_flow = QComboBox()
        for value, text in (("rtscts", self.tr("RTS/CTS (most modems)")), ("xonxoff", self.tr("XON/XOFF")),
                            ("none", self.tr("None"))):
            self.fax_flow.addItem(text, value)
        self.fax_flow.setCurrentIndex(max(self.fax_flow.findData(extra.get(FAX_FLOW, "rtscts")), 0))
        form.addRow(self.tr("Flow control"), self.fax_flow)
        fax.addLayout(form)
        body_layout.addWidget(fax_card)
        note = QLabel(self.tr("The scanner folder and the readers change at once; a new database or mode takes "
                              "effect when the app is started again."))
        note.setObjectName("Muted")
        body_layout.addWidget(note)
        body_layout.addStretch(1)

        align_form_labels(self._forms)  # one label column down the whole page
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        outer.addLayout(row)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._forms.append(form)
        return form

    def apply_access(self) -> None:
        """Where reports go and with which credential is for whoever may switch LIVE (managers)."""
        live = self.ctx.access.role_can(Permission.SWITCH_LIVE)
        for widget in (self.training, self.intake_url, self.authorisation_code):
            widget.setEnabled(live)
        self.save_button.setEnabled(self.ctx.access.role_can(Permission.CHANGE_SETTINGS))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Scanner folder"), self.scanner_folder.text())
        if folder:
            self.scanner_folder.setText(folder)

    def collected(self) -> Settings:
        return replace(
            self.ctx.settings,
            hotel_name=self.hotel_name.text().strip(),
            hotel_code=self.hotel_code.text().strip(),
            substation_code=self.substation_code.text().strip(),
            authorisation_code=self.authorisation_code.text().strip(),
            training=self.training.isChecked(),
            intake_url=self.intake_url.text().strip(),
            scanner_folder=self.scanner_folder.text().strip(),
            database_url=self.database_url.text().strip(),
            language=str(self.language.currentData() or ""),
            serial_port=_combo_value(self.serial_port),
            serial_profile=str(self.serial_profile.currentData() or "plain"),
            keyboard_layout=str(self.keyboard_layout.currentData() or "us"),
            idle_lock_minutes=int(self.idle_lock_minutes.value()),
            extra=self._extra(),
            checkout_time=self.checkout_time.text().strip() or "12:00",
            night_audit_time=self.night_audit_time.text().strip() or "23:00",
            suspected_error_due_days=self.due_days.value(),
        )

    def _extra(self) -> dict[str, str]:
        """The settings' extra values with the fax modem's (empty ones left out)."""
        extra = {k: v for k, v in self.ctx.settings.extra.items() if k not in (FAX_PORT, FAX_NUMBER, FAX_FLOW)}
        fax = {FAX_PORT: _combo_value(self.fax_port), FAX_NUMBER: self.fax_number.text().strip(),
               FAX_FLOW: str(self.fax_flow.currentData() or "rtscts")}
        if fax[FAX_PORT] or fax[FAX_NUMBER]:
            extra.update(fax)
        return extra

    def save(self) -> None:
        new = self.collected()
        if not new.training and not new.intake_url:
            self.message.show_message("error", self.tr("Live mode needs the intake address from the sub-station."))
            return
        if parse_clock_time(new.checkout_time) is None or parse_clock_time(new.night_audit_time) is None:
            self.message.show_message("error", self.tr("Type the check-out time and the night audit as HH:MM, "
                                                       "e.g. 12:00 and 23:00."))
            return
        old = self.ctx.settings
        if old.training and not new.training:
            # To LIVE: only after the manager read what changes and the connection test passed.
            dialog = LiveSwitchDialog(self.ctx, new, self)
            dialog.accepted.connect(lambda: self._save(new))
            self.live_dialog = dialog
            dialog.open()
            return
        if not old.training and new.training and not self.confirm_training():
            return
        self._save(new)

    def confirm_training(self) -> bool:
        return confirm_training(self)

    def _save(self, new: Settings) -> None:
        old_language = self.ctx.settings.language

        def saved(_changed: list[str]) -> None:
            self.save_button.setEnabled(True)
            # The running services keep the mode and database they started with; codes apply to new reports;
            # the scanner folder and the readers follow at once (the app listens to settings_saved).
            for name in KEYS:
                setattr(self.ctx.settings, name, getattr(new, name))
            self.message.show_message("ok", self.tr("Settings saved."))
            self.saved.emit(new)
            self.ctx.settings_saved.emit(new)
            if new.language != old_language:
                self.language_changed.emit(new.language)

        def failed(error: JobError) -> None:
            self.save_button.setEnabled(True)
            self.message.show_message("error", self.tr("Settings not saved: %1").replace(
                "%1", labels.problem_text(error)))

        # The desk checks the manager's permissions, writes the file and records who changed what.
        self.save_button.setEnabled(False)
        self.ctx.run(lambda: self.ctx.desk.change_settings(new), saved, failed, owner=self)


def _combo_value(combo: QComboBox) -> str:
    """The chosen item's value, or what was typed (a port the list does not show, e.g. socket://…)."""
    text = combo.currentText().strip()
    data = combo.currentData()
    if data is not None and combo.itemText(combo.currentIndex()) == text:
        return str(data)
    return text


def _serial_ports() -> list[tuple[str, str]]:
    try:
        from hotel_desk.devices.serial_reader import list_ports

        return [(p.device, p.description) for p in list_ports()]
    except Exception:  # no serial support on this machine: the list is simply empty
        return []


def _reader_profiles() -> list[str]:
    try:
        from hotel_desk.devices.framing import load_profiles

        return sorted(load_profiles())
    except Exception:  # a broken user profile file must not hide the Settings page
        return []


def _keyboard_layouts() -> list[str]:
    try:
        from hotel_desk.devices.wedge import load_keyboard_layouts

        return sorted(load_keyboard_layouts())
    except Exception:
        return []
