"""Guards applied to every feed and sitemap body before an XML parser sees it."""

from __future__ import annotations

import re

ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class UnsafeXMLError(ValueError):
    """The document declares entities: refused, as an entity-expansion bomb may hide there."""


def check_xml(body: bytes) -> None:
    """Refuse documents that declare entities (billion laughs, external entities).

    Feeds and sitemaps never need a DTD of their own; refusing any ``<!ENTITY`` is simpler
    and safer than trying to expand them within limits.
    """
    head = body
    if body.startswith(UTF16_BOMS):
        head = body.decode("utf-16", errors="replace").encode("utf-8")
    if ENTITY_DECLARATION.search(head):
        raise UnsafeXMLError(
            "the document declares XML entities (<!ENTITY>), refused as a possible "
            "entity-expansion bomb"
        )
