"""The database schema: typed SQLAlchemy 2 ORM models.

Every change here comes with an Alembic migration in ``migrations/versions``; the
``test_migrations`` test fails when the models and the migrations disagree.
Datetimes are stored tz-aware in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A tz-aware UTC datetime on every backend (SQLite would give naive ones back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: store tz-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
    }


class SourceRow(Base):
    """A configured feed or sitemap, with its crawl state and health."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="rss")
    language: Mapped[str | None] = mapped_column(String(10))
    interval_seconds: Mapped[int] = mapped_column(Integer, default=900)
    enabled: Mapped[bool] = mapped_column(default=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    body_hash: Mapped[str | None] = mapped_column(String(64))
    consecutive_errors: Mapped[int] = mapped_column(Integer, default=0)
    last_error_class: Mapped[str | None] = mapped_column(String(100))
    last_error_status: Mapped[int | None] = mapped_column(Integer)
    last_error_message: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    next_attempt_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class ArticleRow(Base):
    """One article, identified by canonical URL; ``content_hash`` finds exact copies."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[datetime | None]
    language: Mapped[str | None] = mapped_column(String(10))
    outlet: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    origin: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime]
    updated_at: Mapped[datetime]
    # When its claims were read and judged; None while it waits for the judge (collection
    # stores articles, judgement takes them in publication order).
    judged_at: Mapped[datetime | None] = mapped_column(index=True)
    # MinHash signature of the text (monitor.neardup), kept for originals only: a new
    # article whose text is a near copy of one of them is stored as its copy.
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)

    claims: Mapped[list[ClaimRow]] = relationship(back_populates="article")


class ArticleBandRow(Base):
    """One band of an original article's MinHash: equal bands make near-copy candidates."""

    __tablename__ = "article_bands"
    __table_args__ = (UniqueConstraint("article_id", "band_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    band_key: Mapped[str] = mapped_column(String(32), index=True)


class CrawledPageRow(Base):
    """A page the crawler fetched: what came of it, and the feed entry's last update.

    An article page is fetched once; again only when its feed or sitemap entry says it
    was updated after ``entry_updated``, or when the last attempt failed.
    """

    __tablename__ = "crawled_pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20))  # ingested | rejected | error
    reason: Mapped[str | None] = mapped_column(Text)
    http_status: Mapped[int | None] = mapped_column(Integer)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    entry_updated: Mapped[datetime | None]
    fetched_at: Mapped[datetime]


class ClaimRow(Base):
    """A figure found in an article, assigned to a topic's quantity (or to none)."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("article_id", "fingerprint"),
        Index("ix_claims_topic_quantity", "topic", "quantity"),
        Index("ix_claims_topic_quantity_published", "topic", "quantity", "published", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    topic: Mapped[str | None] = mapped_column(String(100))
    quantity: Mapped[str | None] = mapped_column(String(100))
    value_text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(20), default="count")
    currency: Mapped[str | None] = mapped_column(String(10))
    noun: Mapped[str | None] = mapped_column(Text)
    noun_phrase: Mapped[str | None] = mapped_column(Text)
    predicate: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    source_text: Mapped[str | None] = mapped_column(Text)
    modality: Mapped[str] = mapped_column(String(20))
    time_ref: Mapped[date | None] = mapped_column(Date)
    time_text: Mapped[str | None] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    denial: Mapped[bool] = mapped_column(default=False)
    # "historical" or "earlier" when the article gives the figure as past (no alert).
    earlier: Mapped[str | None] = mapped_column(String(20))
    # The day (ISO date) or event of a quantity counted per day or per event.
    period: Mapped[str | None] = mapped_column(String(100))
    # The article's publication time, kept with the claim so the engine finds the latest
    # figures of a quantity through an index (the article's own column is the truth).
    published: Mapped[datetime | None]
    created_at: Mapped[datetime]
    # Rejected by a desk editor: the figure was misread or is not about its quantity.
    rejected_at: Mapped[datetime | None]

    article: Mapped[ArticleRow] = relationship(back_populates="claims")


class KnownClaimRow(Base):
    """A claim the analysts hold as known: from a rule file, or an accepted claim."""

    __tablename__ = "known_claims"
    __table_args__ = (Index("ix_known_claims_topic_quantity", "topic", "quantity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    topic: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[str] = mapped_column(String(100))
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    value: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(Text)
    stated_on: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20))  # "rule" | "accepted"
    period: Mapped[str | None] = mapped_column(String(100))  # per-day or per-event quantity
    rule_file: Mapped[str | None] = mapped_column(Text)
    rule_line: Mapped[int | None] = mapped_column(Integer)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class RunRow(Base):
    """One ingest pass (replay, crawl): alerts raised in it are delivered together."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    articles: Mapped[int] = mapped_column(Integer, default=0)
    claims: Mapped[int] = mapped_column(Integer, default=0)
    alerts: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)


class AlertRow(Base):
    """A raised alert; ``dedup_key`` makes it unique per topic, quantity, kind and interval."""

    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    topic: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[str | None] = mapped_column(String(100))
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"))
    previous_claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"))
    previous_known_id: Mapped[int | None] = mapped_column(ForeignKey("known_claims.id"))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    sentence: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    rule_file: Mapped[str | None] = mapped_column(Text)
    rule_line: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    # Marked "faux positif" by a desk editor: the figure was misread or is no news
    # (alerts marked so measure the alerts' precision).
    false_positive_at: Mapped[datetime | None]

    claim: Mapped[ClaimRow | None] = relationship(foreign_keys=[claim_id])
    previous_claim: Mapped[ClaimRow | None] = relationship(foreign_keys=[previous_claim_id])
    previous_known: Mapped[KnownClaimRow | None] = relationship()
    article: Mapped[ArticleRow | None] = relationship()
    evidence: Mapped[list[EvidenceRow]] = relationship(back_populates="alert")


class EvidenceRow(Base):
    """Another article that carries an alert's figure (raised once, evidenced many times)."""

    __tablename__ = "alert_evidence"
    __table_args__ = (UniqueConstraint("alert_id", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"))
    added_at: Mapped[datetime]

    alert: Mapped[AlertRow] = relationship(back_populates="evidence")
    article: Mapped[ArticleRow] = relationship()


class DeliveryRow(Base):
    """The outbox: one row per alert x channel, written with the alert.

    ``status``: pending (waiting or retrying), sending (claimed by a sender until
    ``next_attempt_at``), sent, failed (refused for good) or expired. ``group_key`` is set
    when the sender puts the row in a message with other rows (one run and topic, or one
    digest); it is also that message's idempotency key.
    """

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("alert_id", "channel"),
        Index("ix_deliveries_status_next", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    last_attempt_at: Mapped[datetime | None]
    response: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    group_key: Mapped[str | None] = mapped_column(String(100), index=True)

    alert: Mapped[AlertRow] = relationship()


class DaemonStateRow(Base):
    """One running (or stopped) daemon, so ``monitor status`` works from another shell."""

    __tablename__ = "daemon_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    version: Mapped[str] = mapped_column(String(50))
    started_at: Mapped[datetime]
    heartbeat_at: Mapped[datetime]
    stopped_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(Text, default="starting")


class OperatorProblemRow(Base):
    """A problem the operator was alerted about; cleared (with a second alert) when fixed."""

    __tablename__ = "operator_problems"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), index=True)
    message: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[datetime]
    cleared_at: Mapped[datetime | None]
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alerts.id"))
    clear_alert_id: Mapped[int | None] = mapped_column(ForeignKey("alerts.id"))
