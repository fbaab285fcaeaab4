"""SMTP e-mail: one multipart (text + HTML) message per group of alerts.

TLS is on by default with certificate and host name checks (``security: starttls`` on
port 587, ``tls`` on 465); ``none`` is for a relay on the same machine. The Message-ID is
built from the idempotency key, so every retry of a message has the same Message-ID.
"""

from __future__ import annotations

import smtplib
import ssl
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Literal

from monitor.delivery.messages import Message, Renderer, one_line
from monitor.errors import DeliveryError

DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}


class EmailChannel:
    def __init__(
        self,
        name: str,
        *,
        host: str,
        port: int | None,
        security: Literal["starttls", "tls", "none"],
        sender: str,
        recipients: list[str],
        renderer: Renderer,
        username: str | None = None,
        password: str | None = None,
        ca_file: Path | None = None,
        timeout: float = 20,
    ) -> None:
        self.name = name
        self.host = host
        self.port = port or DEFAULT_PORTS[security]
        self.security = security
        self.sender = sender
        self.recipients = recipients
        self.renderer = renderer
        self.username = username
        self.password = password
        self.ca_file = ca_file
        self.timeout = timeout
        self.destination = f"smtp://{host}:{self.port} to {', '.join(recipients)}"

    def build(self, message: Message) -> EmailMessage:
        email = EmailMessage(policy=SMTP)
        email["Subject"] = message.subject  # one line: control characters are removed
        email["From"] = one_line(self.sender)
        email["To"] = ", ".join(one_line(address) for address in self.recipients)
        email["Date"] = format_datetime(datetime.now(UTC))
        email["Message-ID"] = f"<{message.key}@{_domain(self.sender)}>"
        email["Auto-Submitted"] = "auto-generated"
        email["X-Monitor-Channel"] = message.channel
        email.set_content(self.renderer.render("email.txt.j2", message), cte="quoted-printable")
        email.add_alternative(
            self.renderer.render("email.html.j2", message), subtype="html", cte="quoted-printable"
        )
        return email

    def send(self, message: Message) -> str:
        data = self.build(message).as_bytes(policy=SMTP)
        try:
            with self._connect() as smtp:
                return self._transfer(smtp, data)
        except smtplib.SMTPResponseException as exc:
            answer = f"{exc.smtp_code} {_text(exc.smtp_error)}"
            raise DeliveryError(
                self.name, self.destination, answer, retryable=exc.smtp_code < 500
            ) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            refused = "; ".join(
                f"{address}: {code} {_text(text)}"
                for address, (code, text) in exc.recipients.items()
            )
            permanent = all(code >= 500 for code, _ in exc.recipients.values())
            raise DeliveryError(
                self.name,
                self.destination,
                f"every recipient refused: {refused}",
                retryable=not permanent,
            ) from exc
        except ssl.SSLError as exc:
            raise DeliveryError(
                self.name,
                self.destination,
                f"TLS failed: {exc} (check the server certificate, or ca_file)",
            ) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(self.name, self.destination, f"cannot send: {exc}") from exc

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context(cafile=str(self.ca_file) if self.ca_file else None)
        smtp: smtplib.SMTP
        if self.security == "tls":
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            smtp.ehlo()
            if self.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if self.username:
                smtp.login(self.username, self.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _transfer(self, smtp: smtplib.SMTP, data: bytes) -> str:
        """MAIL, RCPT, DATA by hand, to report the server's own answer to DATA."""
        code, text = smtp.mail(self.sender)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, text, self.sender)
        refused: dict[str, tuple[int, bytes]] = {}
        for recipient in self.recipients:
            code, text = smtp.rcpt(recipient)
            if code not in (250, 251):
                refused[recipient] = (code, text)
        if len(refused) == len(self.recipients):
            smtp.rset()
            raise smtplib.SMTPRecipientsRefused(refused)
        code, text = smtp.data(data)
        if code != 250:
            raise smtplib.SMTPDataError(code, text)
        answer = f"{code} {_text(text)}"
        if refused:
            answer += "; refused: " + "; ".join(
                f"{address}: {c} {_text(t)}" for address, (c, t) in refused.items()
            )
        return answer


def _text(value: bytes | str) -> str:
    raw = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    return " ".join(raw.split())


def _domain(address: str) -> str:
    try:
        domain = Address(addr_spec=one_line(address).split("<")[-1].rstrip(">")).domain
    except (ValueError, IndexError):
        domain = ""
    return domain or "monitor.invalid"
