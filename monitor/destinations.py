"""Which network destinations the crawl may fetch and the outbox may post to.

One policy for both: only ``http`` and ``https``; hosts are resolved and every address
they resolve to is checked, and loopback, private, link-local, multicast, reserved and
unspecified addresses are refused unless a setting lists their network
(``crawl_allowed_networks`` for the crawl, ``delivery.allowed_networks`` for channels).
A connection then goes to the very address that was checked, so a name that resolves
elsewhere the second time (DNS rebinding) does not pass.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(
    values: Iterable[str], setting: str = "crawl_allowed_networks"
) -> list[IPNetwork]:
    """CIDR strings from the settings; raises ValueError naming the bad one and its setting."""
    networks: list[IPNetwork] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as exc:
            raise ValueError(f"{setting}: {value!r} is not a CIDR network") from exc
    return networks


def refusal_reason(address: IPAddress, allowed: Iterable[IPNetwork]) -> str | None:
    """Why ``address`` may not be reached, or None when it may."""
    allowed = list(allowed)
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


class Refused(ValueError):
    """A destination the policy refuses; the message says why and what setting allows it."""


def resolve_allowed(
    url: str, allowed: Sequence[IPNetwork], setting: str
) -> tuple[str, int, list[IPAddress]]:
    """Host, port and the addresses ``url`` may be reached at.

    Raises :class:`Refused` for another scheme than http(s), a URL without a host, a host
    that does not resolve, or any address the policy refuses (the whole host is refused
    when one of its addresses is: the resolver may return it next time).
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise Refused(f"only http and https destinations are allowed, not {scheme or 'no'}:")
    host = parts.hostname
    if not host:
        raise Refused("the URL has no host")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise Refused("the URL has an invalid port") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"{host} does not resolve ({exc})") from None
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        reason = refusal_reason(address, allowed)
        if reason is not None:
            subject = host if host.strip("[]") == str(address) else f"{host} ({address})"
            raise Refused(f"{subject} is {reason} (allow it with the {setting} setting)")
        if address not in addresses:
            addresses.append(address)
    return host, port, addresses
