"""Running as a service: logging, signals (two-stage shutdown), systemd notify and watchdog.

systemd's notify protocol is a datagram to ``$NOTIFY_SOCKET``; outside systemd every
notification is a no-op. The watchdog interval comes from ``$WATCHDOG_USEC``.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import sys
import threading
from datetime import UTC, datetime
from types import FrameType
from typing import Any

log = logging.getLogger("monitor")


class Notifier:
    """sd_notify(3) over ``$NOTIFY_SOCKET``; silent when not run by systemd."""

    def __init__(self, address: str | None = None) -> None:
        self.address = address if address is not None else os.environ.get("NOTIFY_SOCKET")

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    def notify(self, **fields: str) -> None:
        if not self.address:
            return
        address = "\0" + self.address[1:] if self.address.startswith("@") else self.address
        payload = "\n".join(f"{key.upper()}={value}" for key, value in fields.items())
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            # Never wait on the service manager: a notification it cannot take is dropped.
            sock.setblocking(False)
            try:
                sock.sendto(payload.encode(), address)
            except OSError as exc:
                log.warning("systemd notification dropped (%s): %s", self.address, exc)

    def ready(self, status: str) -> None:
        self.notify(ready="1", status=status, mainpid=str(os.getpid()))

    def status(self, status: str) -> None:
        self.notify(status=status)

    def watchdog(self) -> None:
        self.notify(watchdog="1")

    def stopping(self, status: str) -> None:
        self.notify(stopping="1", status=status)


def watchdog_seconds() -> float | None:
    """Half of systemd's WatchdogSec (pings must come more often than the deadline)."""
    usec = os.environ.get("WATCHDOG_USEC")
    pid = os.environ.get("WATCHDOG_PID")
    if not usec or (pid and pid != str(os.getpid())):
        return None
    try:
        return int(usec) / 2_000_000
    except ValueError:
        return None


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log shippers."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key.startswith("ctx_"):
                entry[key[4:]] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def setup_logging(log_format: str = "text", level: str = "INFO") -> None:
    """Plain ``level logger: message`` lines on stderr (journald adds timestamps), or JSON."""
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    # The handler keeps the level too: Scrapy's CrawlerProcess lowers the root logger's
    # level to NOTSET, which would otherwise let the crawl's INFO through this handler.
    handler.setLevel(level.upper())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("apscheduler.executors", "apscheduler.scheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("apscheduler.scheduler").addFilter(_skip_coalesced_runs)


def _skip_coalesced_runs(record: logging.LogRecord) -> bool:
    """A crawl still running when its next turn comes is skipped on purpose: no warning."""
    return "maximum number of running instances reached" not in record.getMessage()


class Shutdown:
    """Two-stage shutdown: the first SIGTERM/SIGINT asks to stop, the second forces exit.

    SIGHUP sets ``reload`` (rules and sources are read again).
    """

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.reload = threading.Event()
        self.signals = 0

    def install(self) -> None:
        signal.signal(signal.SIGTERM, self._on_stop)
        signal.signal(signal.SIGINT, self._on_stop)
        signal.signal(signal.SIGHUP, self._on_reload)

    def _on_stop(self, signum: int, _frame: FrameType | None) -> None:
        self.signals += 1
        if self.signals > 1:
            log.error("second %s: exiting now", signal.Signals(signum).name)
            os._exit(1)
        log.info("%s: stopping (send it again to force)", signal.Signals(signum).name)
        self.stop.set()

    def _on_reload(self, _signum: int, _frame: FrameType | None) -> None:
        log.info("SIGHUP: reloading rules and sources")
        self.reload.set()
