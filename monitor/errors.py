"""Errors raised by the monitor.

Library code raises these with where (path, line, column, field, URL, channel) and what;
only ``monitor.cli`` turns them into "Error: ..." lines and exit codes.

    MonitorError
    ├── ConfigError          settings file or environment is invalid
    ├── RuleError            one or more problems in rule files (carries every problem)
    ├── FixtureError         a fixture file could not be read as an article
    ├── StorageError         the database cannot be opened or migrated
    ├── FetchError           a feed or page could not be fetched or parsed
    └── DeliveryError        a channel refused or failed to take a message
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in a file: ``path:line:column: field: message``."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.field}: " if self.field else f"{where}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text

    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.line or 0, self.column or 0)


class MonitorError(Exception):
    """Base of every error the monitor reports to its user."""

    exit_code = 1


class ConfigError(MonitorError):
    exit_code = 2


class RuleError(MonitorError):
    """Every problem found in a set of rule files, sorted by file and line."""

    exit_code = 2

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class FixtureError(MonitorError):
    def __init__(self, path: str, message: str, hint: str | None = None) -> None:
        self.problem = Problem(path=path, message=message, hint=hint)
        super().__init__(str(self.problem))


class StorageError(MonitorError):
    pass


class FetchError(MonitorError):
    def __init__(
        self, url: str, message: str, *, status: int | None = None, source: str | None = None
    ) -> None:
        self.url = url
        self.status = status
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__(f"{prefix}{url}: {message}")


class DeliveryError(MonitorError):
    """``retry_after`` (seconds) is the server's Retry-After, when it gave one."""

    def __init__(
        self,
        channel: str,
        destination: str,
        message: str,
        *,
        retryable: bool = True,
        retry_after: float | None = None,
    ) -> None:
        self.channel = channel
        self.destination = destination
        self.retryable = retryable
        self.retry_after = retry_after
        self.answer = message
        super().__init__(f"channel {channel} ({destination}): {message}")
