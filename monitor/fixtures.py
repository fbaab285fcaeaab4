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
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
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


@dataclass(frozen=True)
class FixtureItem:
    article: ArticleInput | None = None
    problem: Problem | None = None
    warnings: list[Problem] = field(default_factory=list)


def read_fixtures(paths: Iterable[Path]) -> list[FixtureItem]:
    """Read every fixture under ``paths`` (files or folders), articles sorted by date."""
    items: list[FixtureItem] = []
    for path in paths:
        if path.is_dir():
            items.extend(read_folder(path))
        elif path.exists():
            index, problem = _index_for(path.parent)
            items.extend([FixtureItem(problem=problem)] if problem else [])
            items.extend(read_file(path, index))
        else:
            items.append(FixtureItem(problem=Problem(str(path), "no such file or folder")))
    return sorted(items, key=_order)


def read_folder(folder: Path) -> Iterator[FixtureItem]:
    index, problem = _index_for(folder)
    if problem is not None:
        yield FixtureItem(problem=problem)
    for path in sorted(folder.iterdir()):
        if path.name in INDEX_NAMES or path.name.startswith("."):
            continue
        if path.is_dir():
            yield from read_folder(path)
        elif path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
            yield from read_file(path, index)


def read_file(path: Path, index: dict[str, dict[str, Any]]) -> Iterator[FixtureItem]:
    suffix = path.suffix.lower()
    entry = index.get(path.name, {})
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield FixtureItem(problem=Problem(str(path), f"cannot read: {exc.strerror}"))
        return
    if not data.strip():
        yield FixtureItem(problem=Problem(str(path), "empty file, no article to read"))
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, data)
    elif suffix in HTML_SUFFIXES:
        yield read_html(path, data, entry)
    else:
        yield read_text(path, data, entry)


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


def read_jsonl(path: Path, data: bytes) -> Iterator[FixtureItem]:
    text, warning = decode_text(path, data)
    if text is None:
        assert warning is not None
        yield FixtureItem(problem=warning)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        yield read_json_line(path, number, line)


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
            loaded = yaml.safe_load(index_path.read_text(encoding="utf-8")) or {}
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
        return (0, datetime.min.replace(tzinfo=UTC), item.problem.path if item.problem else "")
    published = item.article.published
    return (
        1 if published is not None else 2,
        published or datetime.min.replace(tzinfo=UTC),
        item.article.origin or item.article.url,
    )
