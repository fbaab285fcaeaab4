"""Guards applied to every feed and sitemap body before an XML parser sees it."""

from __future__ import annotations

import re

ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


class UnsafeXMLError(ValueError):
    """The document declares entities: refused, as an entity-expansion bomb may hide there."""


def check_xml(body: bytes) -> None:
    """Refuse documents that declare entities (billion laughs, external entities).

    Feeds and sitemaps never need a DTD of their own; refusing any ``<!ENTITY`` is simpler
    and safer than trying to expand them within limits.
    """
    # In UTF-16 or UTF-32, with or without a byte-order mark, "<!ENTITY" is its ASCII
    # letters with zero bytes between them: search the body without its zero bytes.
    head = body.replace(b"\x00", b"") if b"\x00" in body else body
    if ENTITY_DECLARATION.search(head):
        raise UnsafeXMLError(
            "the document declares XML entities (<!ENTITY>), refused as a possible "
            "entity-expansion bomb"
        )


_WIDE_STARTS = {
    b"<\x00?\x00": "utf-16-le",
    b"\x00<\x00?": "utf-16-be",
    b"\xff\xfe<\x00": "utf-16",
    b"\xfe\xff\x00<": "utf-16",
}
_DECLARED_ENCODING = re.compile(rb"""(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")


def as_utf8(body: bytes) -> bytes:
    """A UTF-16 document, with or without a byte-order mark, as UTF-8 with its declaration
    changed to match: XML parsers read it at their usual speed, not through a slow
    fallback."""
    encoding = _WIDE_STARTS.get(body[:4])
    if encoding is None:
        return body
    text = body.decode(encoding, errors="replace").encode("utf-8")
    return _DECLARED_ENCODING.sub(rb"\1utf-8\2", text, count=1)


SAFE_EXPAT = (2, 6, 0)  # the release with the entity-expansion ("billion laughs") fixes


def expat_warning(version: tuple[int, int, int] | None = None) -> str | None:
    """A warning when the system's libexpat predates the entity-expansion fixes; the
    crawler still refuses entity declarations before any XML parser sees them."""
    import pyexpat

    found = version or pyexpat.version_info
    if tuple(found) >= SAFE_EXPAT:
        return None
    return (
        f"the system's libexpat is {'.'.join(map(str, found))}, older than 2.6.0 "
        "(entity-expansion fixes): feeds and sitemaps that declare XML entities are "
        "refused before parsing; update the system's expat package"
    )
