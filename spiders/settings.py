"""Scrapy settings built from the monitor's :class:`~monitor.settings.Settings`.

Politeness: robots.txt obeyed, an honest User-Agent with a contact URL, AutoThrottle and
a per-domain concurrency limit, retries with backoff. Safety: size caps (also enforced
while decompressing), timeouts, only the http and https download handlers, and the
destination guard on every request and redirect.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from monitor.settings import Settings


def user_agent(settings: Settings) -> str:
    if settings.user_agent:
        return settings.user_agent
    try:
        release = version("monitor")
    except PackageNotFoundError:
        release = "dev"
    contact = f"; +{settings.contact_url}" if settings.contact_url else ""
    return f"monitor/{release} (French news monitoring{contact})"


def scrapy_settings(settings: Settings) -> dict[str, Any]:
    return {
        "BOT_NAME": "monitor",
        "USER_AGENT": user_agent(settings),
        "ROBOTSTXT_OBEY": settings.obey_robots_txt,
        "ROBOTSTXT_USER_AGENT": "monitor",
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "LOG_INSTALL_ROOT_HANDLER": True,
        "RETRY_GIVE_UP_LOG_LEVEL": "WARNING",  # the source's report carries the error
        "CONCURRENT_REQUESTS": settings.crawl_concurrent_requests,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.crawl_concurrency_per_domain,
        "AUTOTHROTTLE_ENABLED": settings.crawl_autothrottle,
        "AUTOTHROTTLE_START_DELAY": 1.0,
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(settings.crawl_concurrency_per_domain),
        "DOWNLOAD_DELAY": 0,
        "DOWNLOAD_TIMEOUT": settings.crawl_timeout_seconds,
        # Pages and feeds set their own cap per request (meta download_maxsize); this is
        # the ceiling for anything else (robots.txt). Checked on decompressed sizes too.
        "DOWNLOAD_MAXSIZE": max(settings.crawl_max_feed_bytes, settings.crawl_max_page_bytes),
        "DOWNLOAD_WARNSIZE": 0,
        "DOWNLOAD_HANDLERS": {"file": None, "ftp": None, "data": None, "s3": None},
        "REDIRECT_MAX_TIMES": 5,
        "RETRY_TIMES": settings.crawl_retry_times,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "MONITOR_RETRY_BACKOFF": settings.crawl_retry_backoff_seconds,
        "MONITOR_MAX_RETRY_AFTER": settings.crawl_max_retry_after_seconds,
        "MONITOR_ALLOWED_NETWORKS": settings.crawl_allowed_networks,
        "DOWNLOADER_MIDDLEWARES": {
            "spiders.middlewares.DestinationGuardMiddleware": 50,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "spiders.middlewares.BackoffRetryMiddleware": 550,
        },
        "SPIDER_MIDDLEWARES": {},
        "ITEM_PIPELINES": {"spiders.pipelines.IngestPipeline": 300},
        "EXTENSIONS": {"scrapy.extensions.memusage.MemoryUsage": None},
        "HTTPERROR_ALLOW_ALL": False,
    }
