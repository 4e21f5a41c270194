"""The connection test: before the desk switches to LIVE (or whenever the receptionist asks), prove that the
configured intake can be used, without sending a single guest record.

It goes as far as it can and says where it stopped: the settings make a usable intake (address, https and
certificate checking for LIVE, the intake's public key, the TLS files actually load), the intake answers,
its certificate is the expected one, its answer to a fresh random challenge is signed by the configured key
(hotel_desk.reporting.http_transport.HttpTransport.connection_test), and it is the kind of intake the desk
expects (a LIVE desk must not be talking to a training intake, nor the other way round), and it accepts the
hotel code and authorisation code (a receipt lookup that files nothing). The window's LIVE switch calls
`Desk.test_connection(candidate_settings)` from a background job and shows `checks`, one row per step;
switching to LIVE is allowed only when `passed`.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hotel_desk.desk.intake import IntakeTarget


@dataclass(frozen=True)
class ConnectionTest:
    """What a connection test established. Each flag is True only when it was proven; a later step is
    False when an earlier one failed (it was never reached)."""

    url: str
    #: The mode tested: what the desk expects the intake to be.
    training: bool
    #: The settings make a usable intake (nothing is sent otherwise).
    configured: bool = False
    #: An intake answered at the address.
    reachable: bool = False
    #: Its certificate was verified (system CAs, the CA bundle, or the pin); None for plain http:// to this
    #: computer (the training intake).
    tls_ok: bool | None = False
    #: Its answer to this test's challenge is signed by the configured public key.
    key_matches: bool = False
    #: It is the kind of intake the desk expects (TRAINING or LIVE).
    mode_matches: bool = False
    #: What the intake says it is, when it said (None: no usable answer).
    intake_training: bool | None = None
    intake_id: str = ""
    #: The short fingerprint of the key that signed the answer (to compare with the sub-station's letter).
    key_id: str = ""
    #: Why it failed: "config", or the protocol's failure kind ("offline", "tls", "untrusted", "wrong_mode"...).
    failure: str = ""
    #: The intake accepted the hotel code and authorisation code (None: not asked, or it would not say).
    codes_ok: bool | None = None
    #: What is wrong, in words, naming the setting where one is at fault; "" when the test passed.
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def passed(self) -> bool:
        """Ready to work with: nothing failed and the codes were accepted."""
        return self.ok and self.codes_ok is True

    @property
    def checks(self) -> tuple[Check, ...]:
        """The steps as rows (CHECKS order), each proven, failed, or not reached (None) with why."""
        steps = [("address", self.configured), ("reachable", self.reachable),
                 ("tls", self.tls_ok if self.reachable else False), ("live", self.mode_matches),
                 ("key", self.key_matches), ("codes", self.codes_ok)]
        rows: list[Check] = []
        stopped = False
        for name, ok in steps:
            if stopped or (name == "codes" and ok is None):
                rows.append(Check(name, None, "not reached"))
                continue
            if name == "tls" and ok is None:  # plain http to this computer: the training intake
                rows.append(Check(name, None, "plain http to this computer (training)"))
                continue
            if ok:
                detail = self.key_id if name == "key" else ""
                rows.append(Check(name, True, detail))
                continue
            rows.append(Check(name, False, self.problem or "failed"))
            stopped = True
        return tuple(rows)

    def check(self, name: str) -> Check:
        return next(c for c in self.checks if c.name == name)


#: The connection test's steps, in the order they are taken.
CHECKS = ("address", "reachable", "tls", "live", "key", "codes")


@dataclass(frozen=True)
class Check:
    name: str  # one of CHECKS
    ok: bool | None  # None: not reached or not applicable (detail says why)
    detail: str = ""


def run_connection_test(target: IntakeTarget, *, timeout: float = 10.0) -> ConnectionTest:
    """Run the connection test against `target` (see the module docstring). Never raises for what the
    intake or the settings do wrong: the result says it."""
    from hotel_desk.desk.intake import http_transport
    from hotel_desk.reporting.answers import Refused
    from hotel_desk.reporting.connection import IntakeConfigError
    from hotel_desk.reporting.intake_trust import check_target
    from hotel_desk.reporting.protocol import FailureKind

    plain = target.url.startswith("http://")
    base = ConnectionTest(url=target.url, training=target.training)
    try:
        check_target(target.url, target.trust, verify_tls=target.verify_tls, client_cert=target.client_cert or "")
        transport = http_transport(target, timeout=timeout, max_batch=1)
    except (IntakeConfigError, OSError, ssl.SSLError) as exc:
        return replace(base, failure="config", problem=str(exc))
    configured = replace(base, configured=True)
    try:
        with transport:
            hello = transport.connection_test()
            codes = transport.codes_accepted()  # only once the intake proved itself: the codes go to it
    except Refused as refused:
        kind, detail = refused.kind, refused.detail
        if kind in (FailureKind.OFFLINE, FailureKind.TIMEOUT, FailureKind.CONNECTION):
            return replace(configured, failure=kind.value, problem=f"the intake at {target.url} does not answer: "
                         f"{detail}")
        if kind is FailureKind.TLS:
            return replace(configured, reachable=True, failure=kind.value,
                         problem=f"the intake's certificate is not the expected one (check intake_ca_bundle or "
                         f"intake_pinned_cert_sha256): {detail}")
        answered = replace(configured, reachable=True, tls_ok=None if plain else True)
        if kind is FailureKind.WRONG_MODE:
            return replace(answered, intake_training=not target.training, failure=kind.value, problem=detail)
        if kind is FailureKind.UNTRUSTED:
            return replace(answered, mode_matches=True, intake_training=target.training, failure=kind.value,
                         problem=f"{detail} (check intake_public_key and intake_id)")
        return replace(answered, failure=kind.value, problem=f"the intake's answer cannot be used: {detail}")
    proven = replace(configured, reachable=True, tls_ok=None if plain else True, key_matches=True,
                     mode_matches=True, intake_training=hello.training, intake_id=hello.intake_id,
                     key_id=hello.key_id)
    if codes is False:
        return replace(proven, codes_ok=False, failure=FailureKind.AUTH.value,
                       problem="the intake refuses the hotel code or the authorisation code (Settings: the codes "
                       "from the police sub-station)")
    return replace(proven, codes_ok=codes)
