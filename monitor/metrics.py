"""Prometheus metrics, served by ``monitor run --metrics-port`` (127.0.0.1 by default).

Crawls run in child processes; the daemon reads each child's JSON report and counts it
here, so the figures cover every crawl.
"""

from __future__ import annotations

from typing import Any

from prometheus_client import Counter, Gauge, Histogram, start_http_server
from sqlalchemy import func, select

from monitor.storage import Database
from monitor.storage.schema import DeliveryRow

FETCHES = Counter("monitor_fetches_total", "Feeds, sitemaps and pages fetched", ["source"])
ERRORS = Counter("monitor_errors_total", "Crawl errors by class", ["source", "error_class"])
ARTICLES = Counter("monitor_articles_total", "Articles ingested", ["source"])
CLAIMS = Counter("monitor_claims_total", "Claims recorded", ["source"])
ALERTS = Counter("monitor_alerts_total", "Alerts raised", ["source"])
DELIVERIES = Counter("monitor_deliveries_total", "Delivery outcomes", ["channel", "outcome"])
QUEUE = Gauge("monitor_outbox_depth", "Deliveries by status", ["status"])
CRAWL_SECONDS = Histogram(
    "monitor_crawl_duration_seconds",
    "Duration of one source's crawl (child process)",
    ["source"],
    buckets=(1, 2, 5, 10, 30, 60, 120, 300, 600, 1800),
)


def serve(port: int, host: str = "127.0.0.1") -> None:
    start_http_server(port, addr=host)


def observe_crawl(source: str, seconds: float, report: dict[str, Any], timed_out: bool) -> None:
    """Count one child crawl from its JSON report (one line per source)."""
    CRAWL_SECONDS.labels(source).observe(seconds)
    if timed_out:
        ERRORS.labels(source, "CrawlTimeout").inc()
    FETCHES.labels(source).inc(_count(report.get("fetched")))
    ingested = report.get("ingested")
    if isinstance(ingested, dict):
        ARTICLES.labels(source).inc(sum(_count(value) for value in ingested.values()))
    CLAIMS.labels(source).inc(_count(report.get("claims")))
    ALERTS.labels(source).inc(_count(report.get("alerts")))
    error = report.get("error")
    if isinstance(error, dict) and error.get("class"):
        ERRORS.labels(source, str(error["class"])).inc()


def observe_delivery(report: Any) -> None:
    for result in getattr(report, "results", []):
        channel = getattr(result, "channel", "?")
        outcome = getattr(result, "status", None) or getattr(result, "outcome", "?")
        DELIVERIES.labels(channel, str(outcome)).inc()


def observe_queue(database: Database) -> None:
    with database.session() as session:
        counts = session.execute(
            select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
        ).all()
    for status in ("pending", "retry", "sending", "sent", "failed", "expired"):
        QUEUE.labels(status).set(0)
    for status, count in counts:
        QUEUE.labels(status).set(count)


def _count(value: Any) -> float:
    if isinstance(value, bool):
        return 0.0
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list):
        return float(len(value))
    return 0.0
