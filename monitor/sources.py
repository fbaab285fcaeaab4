"""The sources file: which feeds and news sitemaps the crawler polls, and how often.

A YAML file with a ``sources`` list (see ``monitor/data/sources.yaml``, the shipped
starting point, and docs/crawl.md). It is validated like the rule files: every problem
of the file at once, each with ``file:line:column: field: message``.

The file is the declaration; the database holds each source's crawl state and health
(:class:`monitor.storage.schema.SourceRow`), mirrored from the file by :func:`sync_sources`.
``monitor sources add`` and ``disable`` edit the file as text, so comments survive.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy import select

from monitor.errors import ConfigError, Problem
from monitor.rules.loader import display, schema_problem
from monitor.storage import Database
from monitor.storage.schema import SourceRow
from monitor.yamlfile import PathKey, Position, parse_yaml, position_of

SHIPPED_SOURCES = Path(__file__).parent / "data" / "sources.yaml"
SourceKind = Literal["rss", "atom", "search", "news-sitemap"]
FEED_KINDS: frozenset[str] = frozenset({"rss", "atom", "search"})
MIN_INTERVAL_SECONDS = 60
DURATION = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def parse_interval(value: Any) -> Any:
    """``900``, ``"900s"``, ``"15m"``, ``"1h"`` -> seconds; anything else is left to fail."""
    if isinstance(value, str):
        found = DURATION.match(value)
        if found:
            return int(found.group(1)) * UNIT_SECONDS[found.group(2)]
    return value


class SourceSpec(BaseModel):
    """One source as declared in the sources file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="Unique name: lowercase letters, digits, '.', '_', '-'.")
    url: str
    kind: SourceKind = "rss"
    interval: Annotated[int, BeforeValidator(parse_interval)] = Field(
        default=900,
        ge=1,
        description="Seconds between polls (at least crawl_min_interval_seconds, 60 by default).",
    )
    language: str | None = "fr"
    enabled: bool = True

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        if not NAME.match(value):
            raise ValueError("use lowercase letters, digits, '.', '_' and '-' only")
        return value

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError("expected an http:// or https:// URL with a host")
        return value

    @property
    def is_feed(self) -> bool:
        return self.kind in FEED_KINDS


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[SourceSpec] = Field(default_factory=list)


class SourcesError(ConfigError):
    """Every problem found in a sources file, sorted by line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class SourceList:
    path: Path
    sources: list[SourceSpec]
    positions: dict[PathKey, Position]

    def by_name(self, name: str) -> SourceSpec | None:
        return next((source for source in self.sources if source.name == name), None)

    def index_of(self, name: str) -> int:
        return next(i for i, source in enumerate(self.sources) if source.name == name)


# A new sources file: no outlet is polled until the user adds one or takes the shipped list.
EMPTY_SOURCES = """\
# Sources the crawler polls (monitor crawl --once, monitor run). Add one with:
#   monitor sources add NAME URL [--kind rss|atom|news-sitemap|search] [--interval 15m]
# or start from the shipped list of French outlets: monitor sources init --shipped --force
sources: []
"""


def missing_hint(path: Path) -> str:
    """What to do when there is no sources file yet."""
    return (
        f"no sources file at {display(path)}, so nothing is polled: add a source with "
        "`monitor sources add NAME URL`, or start from the shipped list of French outlets "
        "with `monitor sources init --shipped`"
    )


def init_sources(path: Path, *, shipped: bool, force: bool = False) -> None:
    """Write a new sources file: empty, or the shipped list of outlets."""
    if path.exists() and not force:
        raise ConfigError(f"{display(path)} already exists (--force replaces it)")
    path.parent.mkdir(parents=True, exist_ok=True)
    if shipped:
        shutil.copyfile(SHIPPED_SOURCES, path)
    else:
        path.write_text(EMPTY_SOURCES, encoding="utf-8")


def load_sources(path: Path, *, min_interval: int = MIN_INTERVAL_SECONDS) -> SourceList:
    """Read and validate a sources file; raise :class:`SourcesError` with every problem.

    ``min_interval`` is the shortest polling interval allowed (the settings'
    ``crawl_min_interval_seconds``): polite to the sites unless an operator lowers it.
    """
    name = display(path)
    if not path.exists():
        return SourceList(path, [], {})  # a fresh install polls nothing (see missing_hint)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourcesError(
            [Problem(name, f"not UTF-8 text (byte {exc.start})", hint="save it as UTF-8")]
        ) from exc
    except OSError as exc:
        raise SourcesError(
            [Problem(name, f"cannot read: {exc.strerror}", hint="set MONITOR_SOURCES_FILE")]
        ) from exc
    try:
        data, positions = parse_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = f"invalid YAML: {exc.problem or exc.context}"
        raise SourcesError([Problem(name, message, line=line, column=column)]) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourcesError(
            [Problem(name, f"expected a mapping with a 'sources' list, got {type(data).__name__}")]
        )
    problems = _too_frequent(name, data, positions, min_interval)
    try:
        parsed = SourcesFile.model_validate(data)
    except ValidationError as exc:
        problems += [schema_problem(name, error, positions) for error in exc.errors()]
        raise SourcesError(problems) from exc
    seen: dict[str, int] = {}
    for index, source in enumerate(parsed.sources):
        if source.name in seen:
            line, column = position_of(positions, ("sources", index, "name"))
            first_line = position_of(positions, ("sources", seen[source.name], "name"))[0]
            problems.append(
                Problem(
                    name,
                    f"source name {source.name!r} is already used on line {first_line}",
                    line=line,
                    column=column,
                    field=f"sources[{index}].name",
                    hint="names must be unique",
                )
            )
        seen.setdefault(source.name, index)
    problems.sort(key=Problem.sort_key)
    if problems:
        raise SourcesError(problems)
    return SourceList(path, parsed.sources, positions)


def _too_frequent(
    name: str, data: dict[str, Any], positions: dict[PathKey, Position], min_interval: int
) -> list[Problem]:
    """Sources polled more often than the floor (checked on the raw values, beside the schema)."""
    problems = []
    entries = data.get("sources")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        interval = parse_interval(entry.get("interval")) if isinstance(entry, dict) else None
        if isinstance(interval, int) and not isinstance(interval, bool) and interval < min_interval:
            line, column = position_of(positions, ("sources", index, "interval"))
            problems.append(
                Problem(
                    name,
                    f"Input should be greater than or equal to {min_interval}, got {interval}",
                    line=line,
                    column=column,
                    field=f"sources[{index}].interval",
                    hint="polls closer than this are impolite; the floor is the "
                    "crawl_min_interval_seconds setting",
                )
            )
    return problems


# -- editing the file ------------------------------------------------------------------


def add_source(path: Path, source: SourceSpec, *, min_interval: int = MIN_INTERVAL_SECONDS) -> None:
    """Append ``source`` to the sources file (created, empty, if missing)."""
    current = load_sources(path, min_interval=min_interval)
    if current.by_name(source.name) is not None:
        line = position_of(current.positions, ("sources", current.index_of(source.name)))[0]
        raise ConfigError(
            f"{display(current.path)}:{line}: a source named {source.name!r} already exists"
            " (choose another name)"
        )
    if not path.exists():
        init_sources(path, shipped=False)
    text = path.read_text(encoding="utf-8")
    if not current.sources:
        # "sources: []" or no list yet: the entry starts the block list.
        text = re.sub(r"^sources:.*$", "sources:", text, count=1, flags=re.MULTILINE)
        if not re.search(r"^sources:", text, re.MULTILINE):
            text = text.rstrip("\n") + ("\n" if text.strip() else "") + "sources:\n"
    entry = (
        f"\n  - name: {source.name}\n"
        f"    url: {_yaml_scalar(source.url)}\n"
        f"    kind: {source.kind}\n"
        f"    interval: {source.interval}\n"
        f"    language: {source.language or 'null'}\n"
    )
    if not source.enabled:
        entry += "    enabled: false\n"
    path.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
    load_sources(path, min_interval=min_interval)  # the edit must leave a valid file


def set_source_enabled(
    path: Path, name: str, enabled: bool, *, min_interval: int = MIN_INTERVAL_SECONDS
) -> bool:
    """Set ``enabled`` of source ``name`` in the file; False if it already was so."""
    current = load_sources(path, min_interval=min_interval)
    source = current.by_name(name)
    if source is None:
        known = ", ".join(spec.name for spec in current.sources) or "none"
        raise ConfigError(f"{display(current.path)}: no source named {name!r} (known: {known})")
    if source.enabled == enabled:
        return False
    current = load_sources(path, min_interval=min_interval)
    index = current.index_of(name)
    lines = path.read_text(encoding="utf-8").split("\n")
    value = "true" if enabled else "false"
    key = ("sources", index, "enabled")
    if key in current.positions:
        line, column = current.positions[key]
        row = lines[line - 1]
        end = re.match(r"(true|false|yes|no|on|off)\b", row[column - 1 :], re.IGNORECASE)
        width = end.end() if end else len(row) - column + 1
        lines[line - 1] = row[: column - 1] + value + row[column - 1 + width :]
    else:
        line, column = current.positions[("sources", index, "name", "__key__")]
        key_line = lines[line - 1]
        indent = len(key_line) - len(key_line.lstrip(" -"))
        last = max(
            position[0]
            for position_key, position in current.positions.items()
            if position_key[:2] == ("sources", index)
        )
        lines.insert(last, " " * indent + f"enabled: {value}")
    path.write_text("\n".join(lines), encoding="utf-8")
    load_sources(path, min_interval=min_interval)
    return True


def _yaml_scalar(value: str) -> str:
    dumped = yaml.safe_dump(value, default_flow_style=True, width=10_000).strip()
    return dumped.removesuffix("\n...").strip()


# -- the database mirror ---------------------------------------------------------------


def sync_sources(database: Database, sources: list[SourceSpec]) -> None:
    """Mirror the declared sources in the database, keeping each one's health.

    A source removed from the file is kept (its history stays) but disabled.
    """
    declared = {source.name: source for source in sources}
    now = datetime.now(UTC)
    with database.session() as session:
        rows = {row.name: row for row in session.scalars(select(SourceRow))}
        for name, row in rows.items():
            if name not in declared:
                row.enabled = False
        for name, source in declared.items():
            found = rows.get(name)
            if found is None:
                found = SourceRow(name=name, created_at=now, consecutive_errors=0)
                session.add(found)
            row = found
            if row.url != source.url:  # a moved feed starts again without validators
                row.etag = row.last_modified = row.body_hash = None
            row.url = source.url
            row.kind = source.kind
            row.language = source.language
            row.interval_seconds = source.interval
            row.enabled = source.enabled
