"""Downloader middlewares: where requests may go, and how failed ones are retried.

- :class:`DestinationGuardMiddleware` refuses non-http(s) URLs and hosts that resolve to
  private, loopback, link-local or reserved addresses (unless a configured network
  allows them). Redirects come back through the middleware chain as new requests, so
  every hop is checked.
- :class:`BackoffRetryMiddleware` retries 5xx, 408, 429 and network failures with an
  exponential backoff, honouring ``Retry-After`` up to a limit; a longer wait is not
  taken: the response goes through as an error and the source is postponed.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Self
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.response import response_status_message

from monitor.destinations import (
    ALLOWED_SCHEMES,
    IPAddress,
    IPNetwork,
    parse_networks,
    refusal_reason,
)


class DestinationRefused(IgnoreRequest):
    """A request to a scheme or an address the crawler must not reach."""


class DestinationGuardMiddleware:
    def __init__(self, allowed: list[IPNetwork]) -> None:
        self.allowed = allowed
        self._resolved: dict[tuple[str, int], list[IPAddress]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(parse_networks(crawler.settings.getlist("MONITOR_ALLOWED_NETWORKS")))

    async def process_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise DestinationRefused(f"refused {request.url}: only http and https URLs are fetched")
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        for address in await self._addresses(host, port):
            reason = refusal_reason(address, self.allowed)
            if reason is not None:
                shown = host if host == str(address) else f"{host} ({address})"
                raise DestinationRefused(
                    f"refused {request.url}: {shown} is {reason}"
                    " (allow it with the crawl_allowed_networks setting)"
                )

    async def _addresses(self, host: str, port: int) -> list[IPAddress]:
        try:
            return [ipaddress.ip_address(host.strip("[]"))]
        except ValueError:
            pass
        key = (host, port)
        if key not in self._resolved:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError:
                return []  # the download itself reports the DNS failure
            self._resolved[key] = [ipaddress.ip_address(info[4][0]) for info in infos]
        return self._resolved[key]


def retry_after_seconds(response: Response, now: datetime | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for (seconds or an HTTP date), if any."""
    raw = response.headers.get(b"Retry-After")
    if not raw:
        return None
    value = raw.decode("latin-1").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff = settings.getfloat("MONITOR_RETRY_BACKOFF")
        self.max_retry_after = settings.getfloat("MONITOR_MAX_RETRY_AFTER")

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        retries = int(request.meta.get("retry_times", 0))
        if retries >= int(request.meta.get("max_retry_times", self.max_retry_times)):
            return response
        wait = retry_after_seconds(response)
        if wait is None:
            wait = self.backoff * 2**retries
        elif wait > self.max_retry_after:
            return response  # too long to wait within a crawl: the source is postponed
        await asyncio.sleep(wait)
        return self._retry(request, response_status_message(response.status)) or response

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if request.meta.get("dont_retry") or not isinstance(exception, self.exceptions_to_retry):
            return None
        retries = int(request.meta.get("retry_times", 0))
        if retries < int(request.meta.get("max_retry_times", self.max_retry_times)):
            await asyncio.sleep(self.backoff * 2**retries)
        return self._retry(request, exception)
