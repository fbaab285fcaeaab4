"""Offline readers: folders of ``.txt`` and saved ``.html`` pages, and JSON-lines files.

Every reader yields :class:`FixtureItem`: an article, or a located problem for a file that
cannot be read (empty, binary, bad JSON line); one bad file never stops the others.

- ``.txt``: the first line is the title when it looks like one (short, no final full stop,
  followed by text). ``index.yaml`` beside the files may give ``date``, ``title`` (``null``
  for a text without a title line), ``url`` and ``outlet`` per ``file``.
- ``.html``: extracted with :func:`monitor.extract.extract_article`, exactly as crawled.
- ``.jsonl``: one object per line with ``url``, ``title``, ``published`` and ``text`` or
  ``html`` (``outlet``, ``language`` optional).

Files without a URL get a stable one naming their folder and file
(``fixture:seeds/001_125bc9ff60828318.txt``), so every claim can be traced to its file.
Articles come out in publication-date order; undated ones last, by file name.
:func:`plan_fixtures` orders them without holding their texts, so a replay of a large
folder reads one article at a time.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from monitor.errors import Problem
from monitor.extract import (
    ExtractionRejected,
    extract_article,
    guess_language,
    normalise_text,
    parse_date,
)
from monitor.models import ArticleInput

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
INDEX_NAMES = ("index.yaml", "index.yml")
MAX_TITLE_LENGTH = 200
CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))
EARLIEST = datetime.min.replace(tzinfo=UTC)
# libyaml's safe loader when PyYAML has it: an index of 10 000 files parses in a fraction
# of the time and memory of the pure-Python one.
INDEX_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class FixtureItem:
    article: ArticleInput | None = None
    problem: Problem | None = None
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Planned:
    """An article found (or a problem), read when its turn in date order comes."""

    key: tuple[int, datetime, str]
    read: Callable[[], FixtureItem]


@dataclass(frozen=True)
class SavedPage:
    """A saved ``.html`` page, to be extracted while planning (its date is in it)."""

    path: Path
    entry: dict[str, Any]


PageReader = Callable[[Callable[[SavedPage], FixtureItem], list[SavedPage]], Iterable[FixtureItem]]


def plan_fixtures(paths: Iterable[Path], read_pages: PageReader | None = None) -> list[Planned]:
    """Every fixture under ``paths`` (files or folders), in ingest order: problems found
    while planning first, then articles by publication date, undated ones last.

    Bodies are not kept: a ``.txt`` is dated by ``index.yaml`` and read at its turn, a
    JSON line by its ``published`` field and re-read from its offset. A saved ``.html``
    page must be extracted to learn its date, so its text (not its HTML) is kept; the
    pages are extracted by ``read_pages`` (``map`` by default; a pool's ``imap`` reads
    them on every core).
    """
    found: list[Planned | SavedPage] = []
    for path in paths:
        if path.is_dir():
            found.extend(plan_folder(path))
        elif path.exists():
            index, problem = _index_for(path.parent)
            if problem is not None:
                found.append(_ready(FixtureItem(problem=problem)))
            found.extend(plan_file(path, index))
        else:
            problem = Problem(str(path), "no such file or folder")
            found.append(_ready(FixtureItem(problem=problem)))
    planned = [item for item in found if isinstance(item, Planned)]
    pages = [item for item in found if isinstance(item, SavedPage)]
    planned.extend(_ready(item) for item in (read_pages or map)(read_page, pages))
    return sorted(planned, key=lambda item: item.key)


def read_page(page: SavedPage) -> FixtureItem:
    return read_file(page.path, page.entry)


def read_fixtures(paths: Iterable[Path]) -> list[FixtureItem]:
    """Every fixture under ``paths``, read at once, in ingest order."""
    return [planned.read() for planned in plan_fixtures(paths)]


def plan_folder(folder: Path) -> Iterator[Planned | SavedPage]:
    index, problem = _index_for(folder)
    if problem is not None:
        yield _ready(FixtureItem(problem=problem))
    for path in sorted(folder.iterdir()):
        if path.name in INDEX_NAMES or path.name.startswith("."):
            continue
        if path.is_dir():
            yield from plan_folder(path)
        elif path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
            yield from plan_file(path, index)


def plan_file(path: Path, index: dict[str, dict[str, Any]]) -> Iterator[Planned | SavedPage]:
    suffix = path.suffix.lower()
    entry = index.get(path.name, {})
    if suffix in JSONL_SUFFIXES:
        yield from plan_jsonl(path)
    elif suffix in HTML_SUFFIXES:
        yield SavedPage(path, entry)
    else:
        published = _published(entry.get("date"))
        key = (1 if published else 2, published or EARLIEST, str(path))
        yield Planned(key, lambda: read_file(path, entry))


def read_file(path: Path, entry: dict[str, Any]) -> FixtureItem:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FixtureItem(problem=Problem(str(path), f"cannot read: {exc.strerror}"))
    if not data.strip():
        return FixtureItem(problem=Problem(str(path), "empty file, no article to read"))
    if path.suffix.lower() in HTML_SUFFIXES:
        return read_html(path, data, entry)
    return read_text(path, data, entry)


def plan_jsonl(path: Path) -> Iterator[Planned]:
    """One planned article per valid line, dated by its ``published`` field."""
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _ready(FixtureItem(problem=Problem(name, f"cannot read: {exc.strerror}")))
        return
    with handle:
        empty = True
        offset = 0
        for number, raw in enumerate(handle, start=1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            empty = False
            item = _json_line(path, number, raw)
            if item.article is None:
                yield _ready(item)
                continue
            published = item.article.published
            key = (1 if published else 2, published or EARLIEST, f"{name}:{number:09d}")
            yield Planned(key, functools.partial(_reread_line, path, number, start))
        if empty:
            yield _ready(FixtureItem(problem=Problem(name, "empty file, no article to read")))


def _reread_line(path: Path, number: int, offset: int) -> FixtureItem:
    with path.open("rb") as handle:
        handle.seek(offset)
        return _json_line(path, number, handle.readline())


def _json_line(path: Path, number: int, raw: bytes) -> FixtureItem:
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        problem = Problem(
            str(path),
            f"not UTF-8 (invalid byte at offset {exc.start})",
            line=number,
            hint="JSON lines must be UTF-8",
        )
        return FixtureItem(problem=problem)
    return read_json_line(path, number, line)


def _ready(item: FixtureItem) -> Planned:
    """An item already read (a problem, an extracted page), placed by its own key."""
    return Planned(_order(item), lambda: item)


def read_text(path: Path, data: bytes, entry: dict[str, Any]) -> FixtureItem:
    text, warning = decode_text(path, data)
    if text is None:
        assert warning is not None
        return FixtureItem(problem=warning)
    text = normalise_text(text)
    title: str | None
    if "title" in entry:
        title = entry["title"]
        first_line, _, rest = text.partition("\n")
        if title is not None and _same_words(first_line, title):
            text = rest.strip()
    else:
        title, text = split_title(text)
    article = ArticleInput(
        url=entry.get("url") or fixture_url(path),
        text=text,
        title=normalise_text(title) if title else None,
        published=_published(entry.get("date")),
        language=guess_language(text) or "fr",
        outlet=entry.get("outlet"),
        origin=str(path),
    )
    return FixtureItem(article=article, warnings=[warning] if warning else [])


def read_html(path: Path, data: bytes, entry: dict[str, Any]) -> FixtureItem:
    if _looks_binary(data):
        return FixtureItem(problem=Problem(str(path), "binary data, not an HTML page"))
    url = entry.get("url")
    try:
        page = extract_article(data, url=url)
    except ExtractionRejected as exc:
        return FixtureItem(problem=Problem(str(path), str(exc), hint="is it a saved article page?"))
    article = ArticleInput(
        url=url or fixture_url(path),
        text=page.text,
        title=entry.get("title") or page.title,
        published=_published(entry.get("date")) or page.published,
        language=page.language,
        outlet=entry.get("outlet") or page.sitename,
        author=page.author,
        origin=str(path),
    )
    return FixtureItem(article=article)


def read_json_line(path: Path, number: int, line: str) -> FixtureItem:
    name = str(path)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return FixtureItem(
            problem=Problem(name, f"invalid JSON: {exc.msg}", line=number, column=exc.colno)
        )
    if not isinstance(record, dict):
        return FixtureItem(problem=Problem(name, "expected a JSON object", line=number))
    body, page = record.get("text"), record.get("html")
    if not isinstance(body, str) and not isinstance(page, str):
        return FixtureItem(
            problem=Problem(name, "an article needs 'text' or 'html' (a string)", line=number)
        )
    url = record.get("url") or f"{fixture_url(path)}#L{number}"
    title, language, outlet, author = (
        record.get("title"),
        record.get("language"),
        record.get("outlet"),
        None,
    )
    published = _published(record.get("published"))
    if isinstance(body, str):
        body = normalise_text(body)
    else:
        try:
            extracted = extract_article(page or "", url=record.get("url"))
        except ExtractionRejected as exc:
            return FixtureItem(problem=Problem(name, str(exc), line=number, field="html"))
        body, title = extracted.text, title or extracted.title
        published = published or extracted.published
        language, outlet = language or extracted.language, outlet or extracted.sitename
        author = extracted.author
    article = ArticleInput(
        url=url,
        text=body,
        title=title,
        published=published,
        language=language or guess_language(body) or "fr",
        outlet=outlet,
        author=author,
        origin=f"{path}:{number}",
    )
    return FixtureItem(article=article)


def decode_text(path: Path, data: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 (with or without BOM); else Windows-1252 with a warning; binary is refused."""
    if _looks_binary(data):
        return None, Problem(str(path), "binary data, not a text article", hint="remove it")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        return text, Problem(
            str(path),
            f"not UTF-8 (invalid byte at offset {exc.start}); read as Windows-1252/ISO-8859-1",
            hint="convert it with: iconv -f WINDOWS-1252 -t UTF-8",
        )


def split_title(text: str) -> tuple[str | None, str]:
    """The first line is the title when it is short, has no final full stop and text follows."""
    first_line, _, rest = text.partition("\n")
    candidate = first_line.strip()
    if (
        rest.strip()
        and 0 < len(candidate) <= MAX_TITLE_LENGTH
        and not candidate.endswith((".", ":", ";", ","))
        and not candidate.startswith(("«", "“", '"', "-", "•"))
    ):
        return candidate, rest.strip()
    return None, text


def fixture_url(path: Path) -> str:
    """A stable URL naming the file by its folder and name: ``fixture:seeds/001_x.txt``."""
    folder = path.resolve().parent.name
    return f"fixture:{folder}/{path.name}" if folder else f"fixture:{path.name}"


def _index_for(folder: Path) -> tuple[dict[str, dict[str, Any]], Problem | None]:
    """The ``index.yaml`` of a folder by file name; a broken index is a problem, not a stop."""
    for name in INDEX_NAMES:
        index_path = folder / name
        if not index_path.is_file():
            continue
        try:
            loaded = yaml.load(index_path.read_text(encoding="utf-8"), Loader=INDEX_LOADER) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = Problem(
                str(index_path),
                f"index ignored: {getattr(exc, 'problem', None) or exc}",
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
            )
            return {}, problem
        documents = loaded.get("documents", []) if isinstance(loaded, dict) else loaded
        entries = {
            str(entry["file"]): entry
            for entry in documents or []
            if isinstance(entry, dict) and "file" in entry
        }
        return entries, None
    return {}, None


def _published(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return parse_date(value.isoformat())
    if isinstance(value, str):
        return parse_date(value.strip())
    return None


def _same_words(first: str, second: str) -> bool:
    def words(text: str) -> str:
        return " ".join(text.replace("’", "'").split()).lower()

    return words(first) == words(second)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([byte])) for byte in CONTROL_BYTES)
    return controls > len(head) * 0.05


def _order(item: FixtureItem) -> tuple[int, datetime, str]:
    if item.article is None:
        return (0, EARLIEST, item.problem.path if item.problem else "")
    published = item.article.published
    return (1 if published else 2, published or EARLIEST, item.article.origin or item.article.url)
