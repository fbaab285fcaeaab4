"""Article pages: bytes -> text with the right accents, whatever the page declares.

Pages lie about their charset (a Windows-1252 page served as UTF-8 is common in the
French press archives). UTF-8 that decodes strictly is UTF-8 whatever the label says;
a page that is UTF-8 but for a few stray bytes keeps its UTF-8, with only those bytes
replaced; otherwise the declared charset is tried strictly, and Windows-1252 (a superset of
ISO-8859-1's printable characters, as browsers use it) is the last resort, which never
fails. No U+FFFD and no mojibake ("Ã©") come out of a page that is one of these.
"""

from __future__ import annotations

import codecs
import re

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
LATIN_LABELS = frozenset({"latin-1", "latin1", "iso8859-1", "iso-8859-1", "ascii", "us-ascii"})


def page_encodings(body: bytes, header_charset: str | None) -> list[str]:
    """Candidate encodings in the order they are tried."""
    candidates = ["utf-8"]
    declared = [header_charset] if header_charset else []
    found = META_CHARSET.search(body[:4096])
    if found:
        declared.append(found.group(1).decode("ascii", "ignore"))
    for label in declared:
        name = _codec_name(label)
        if name and name not in candidates:
            candidates.append(name)
    if "cp1252" not in candidates:
        candidates.append("cp1252")
    return candidates


def decode_page(body: bytes, header_charset: str | None = None) -> str:
    """The page as text (see the module docstring for the order of guesses)."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if _mostly_utf8(body):
        # A UTF-8 page with a few stray bytes: replace those, not every accent of the page.
        return body.decode("utf-8", errors="replace")
    for encoding in page_encodings(body, header_charset):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    return body.decode("cp1252", errors="replace")  # only undefined bytes 0x81, 0x8d...


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mostly_utf8(body: bytes) -> bool:
    """Whether non-ASCII bytes are nearly all well-formed UTF-8 sequences: a page in
    Windows-1252 has next to none ("é" is one byte followed by ASCII)."""
    sequences = _UTF8_SEQUENCE.findall(body)
    if not sequences:
        return False
    sequence_bytes = sum(len(sequence) for sequence in sequences)
    stray = sum(1 for byte in body if byte >= 0x80) - sequence_bytes
    return stray > 0 and stray * 20 <= len(sequences)


def _codec_name(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    if name in {codecs.lookup(alias).name for alias in LATIN_LABELS}:
        return "cp1252"  # browsers read ISO-8859-1 as Windows-1252 (curly quotes, €, œ)
    return name
