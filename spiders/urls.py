"""URLs: one canonical form per article, and which destinations may be fetched.

``canonical_url`` is what identifies an article everywhere (feeds, sitemaps, the
database): courlan normalises it and strips tracking parameters (``utm_*``, ``xtor``,
``fbclid``...), and AMP and mobile variants are folded onto the desktop page.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import courlan

ALLOWED_SCHEMES = frozenset({"http", "https"})
MOBILE_HOST = re.compile(r"^(?:m|mobile|amp)\.", re.IGNORECASE)
AMP_PATH_SEGMENT = re.compile(r"/amp(?=/|$)", re.IGNORECASE)
AMP_SUFFIX = re.compile(r"(?:\.amp|[-_]amp)(?=\.html?$|$)", re.IGNORECASE)
AMP_QUERY = frozenset({("amp", ""), ("amp", "1"), ("outputtype", "amp")})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


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


def parse_networks(values: Iterable[str]) -> list[IPNetwork]:
    """CIDR strings from the settings; raises ValueError naming the bad one."""
    networks: list[IPNetwork] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as exc:
            raise ValueError(f"crawl_allowed_networks: {value!r} is not a CIDR network") from exc
    return networks


def refusal_reason(address: IPAddress, allowed: Iterable[IPNetwork]) -> str | None:
    """Why ``address`` may not be fetched, or None when it may."""
    if any(address in network for network in allowed):
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return refusal_reason(address.ipv4_mapped, allowed)
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_private:
        return "a private address"
    if address.is_multicast or address.is_reserved or address.is_unspecified:
        return "a reserved address"
    return None
