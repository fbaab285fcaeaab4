"""URLs: one canonical form per article, and which destinations may be fetched.

``canonical_url`` is what identifies an article everywhere (feeds, sitemaps, the
database): courlan normalises it and strips tracking parameters (``utm_*``, ``xtor``,
``fbclid``...), and AMP and mobile variants are folded onto the desktop page.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import courlan

from monitor.destinations import ALLOWED_SCHEMES

MOBILE_HOST = re.compile(r"^(?:m|mobile|amp)\.", re.IGNORECASE)
AMP_PATH_SEGMENT = re.compile(r"/amp(?=/|$)", re.IGNORECASE)
AMP_SUFFIX = re.compile(r"(?:\.amp|[-_]amp)(?=\.html?$|$)", re.IGNORECASE)
AMP_QUERY = frozenset({("amp", ""), ("amp", "1"), ("outputtype", "amp")})


def canonical_url(url: str) -> str:
    """The canonical form of an article URL (raises ValueError when it is not http(s))."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = MOBILE_HOST.sub("www.", parts.netloc.lower(), count=1)
    if host.startswith("www.www."):
        host = host[4:]
    path = AMP_SUFFIX.sub("", AMP_PATH_SEGMENT.sub("", parts.path)) or "/"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if (key.lower(), value.lower()) not in AMP_QUERY
    ]
    rebuilt = urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))
    return courlan.normalize_url(rebuilt, strict=False)
