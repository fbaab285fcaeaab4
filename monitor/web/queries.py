"""What each page shows, read from the database: typed records, no HTML.

Every list is paged and every query uses an index or a primary key, so a page stays fast
with hundreds of thousands of claims (see ``benchmarks/bench_web.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from monitor.clock import paris_midnight
from monitor.models import AlertKind
from monitor.storage.schema import (
    AlertRow,
    ArticleRow,
    ClaimRow,
    DeliveryRow,
    EvidenceRow,
    KnownClaimRow,
    SourceRow,
)

KINDS = {
    AlertKind.NEW_QUANTITY.value: "Premier chiffre",
    AlertKind.NEW_FIGURE.value: "Nouveau chiffre",
    AlertKind.CONTRADICTION.value: "Contradiction",
}
STATES = {
    "": "Toutes",
    "a-traiter": "À traiter",
    "acquittees": "Acquittées",
    "faux-positifs": "Faux positifs",
}
DELIVERY_STATES = ("pending", "sending", "sent", "failed", "expired")


class FilterError(ValueError):
    """A filter a person typed that cannot be used; the message is French, for them."""


@dataclass(frozen=True)
class AlertFilters:
    topic: str = ""
    quantity: str = ""
    kind: str = ""
    state: str = ""
    since: date | None = None
    until: date | None = None
    page: int = 1

    def query_string(self, **changes: Any) -> str:
        values = {
            "topic": self.topic,
            "quantity": self.quantity,
            "kind": self.kind,
            "state": self.state,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
            "page": str(self.page) if self.page > 1 else "",
        }
        values.update({key: str(value) for key, value in changes.items()})
        return urlencode({key: value for key, value in values.items() if value})


def parse_alert_filters(params: dict[str, str]) -> AlertFilters:
    """Filters from a query string; every problem is reported at once, in French."""
    problems = []
    kind = params.get("kind", "").strip()
    if kind and kind not in KINDS:
        problems.append(f"Type d'alerte « {kind} » inconnu : choisissez parmi {', '.join(KINDS)}.")
    state = params.get("state", "").strip()
    if state not in STATES:
        problems.append(f"État « {state} » inconnu : choisissez parmi {', '.join(STATES)}.")
    dates: dict[str, date | None] = {}
    for name, label in (("since", "Du"), ("until", "Au")):
        written = params.get(name, "").strip()
        dates[name] = None
        if written:
            try:
                dates[name] = date.fromisoformat(written)
            except ValueError:
                problems.append(
                    f"{label} : date « {written} » illisible, "
                    "écrivez-la AAAA-MM-JJ (par exemple 2025-02-05)."
                )
    page = 1
    written_page = params.get("page", "").strip()
    if written_page:
        if not written_page.isdigit() or int(written_page) < 1:
            problems.append(f"Page « {written_page} » : un nombre entier à partir de 1.")
        else:
            page = int(written_page)
    since, until = dates["since"], dates["until"]
    if since and until and since > until:
        problems.append(f"La date de début ({since:%d/%m/%Y}) suit la date de fin.")
    if problems:
        raise FilterError(" ".join(problems))
    return AlertFilters(
        topic=params.get("topic", "").strip(),
        quantity=params.get("quantity", "").strip(),
        kind=kind,
        state=state,
        since=since,
        until=until,
        page=page,
    )


@dataclass
class AlertPage:
    alerts: list[AlertRow]
    total: int
    page: int
    pages: int


def alert_query(filters: AlertFilters) -> Select[AlertRow]:
    query = select(AlertRow)
    if filters.topic:
        query = query.where(AlertRow.topic == filters.topic)
    if filters.quantity:
        query = query.where(AlertRow.quantity == filters.quantity)
    if filters.kind:
        query = query.where(AlertRow.kind == filters.kind)
    if filters.state == "a-traiter":
        query = query.where(AlertRow.acknowledged_at.is_(None))
    elif filters.state == "acquittees":
        query = query.where(AlertRow.acknowledged_at.is_not(None))
    elif filters.state == "faux-positifs":
        query = query.where(AlertRow.false_positive_at.is_not(None))
    if filters.since:
        query = query.where(AlertRow.created_at >= paris_midnight(filters.since))
    if filters.until:
        query = query.where(AlertRow.created_at < paris_midnight(filters.until + timedelta(1)))
    return query


def list_alerts(session: Session, filters: AlertFilters, size: int) -> AlertPage:
    """Newest first, one page, with what each card shows loaded in a few queries."""
    query = alert_query(filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, -(-total // size))
    page = min(filters.page, pages)
    rows = session.scalars(
        query.options(*alert_loads())
        .order_by(AlertRow.created_at.desc(), AlertRow.id.desc())
        .limit(size)
        .offset((page - 1) * size)
    )
    return AlertPage(list(rows.unique()), total, page, pages)


def alert_loads() -> list[Any]:
    return [
        joinedload(AlertRow.article),
        joinedload(AlertRow.claim),
        joinedload(AlertRow.previous_claim).joinedload(ClaimRow.article),
        joinedload(AlertRow.previous_known),
        selectinload(AlertRow.evidence).joinedload(EvidenceRow.article),
    ]


def load_alert(session: Session, alert_id: int) -> AlertRow | None:
    return session.scalars(
        select(AlertRow).where(AlertRow.id == alert_id).options(*alert_loads())
    ).first()


def filter_choices(session: Session) -> dict[str, list[str]]:
    """The topics and quantities alerts exist for (for the filter form)."""
    topics = session.scalars(select(AlertRow.topic).distinct().order_by(AlertRow.topic))
    quantities = session.scalars(
        select(AlertRow.quantity)
        .where(AlertRow.quantity.is_not(None))
        .distinct()
        .order_by(AlertRow.quantity)
    )
    return {"topics": list(topics), "quantities": [q for q in quantities if q]}


def deliveries_of(session: Session, alert_id: int) -> list[DeliveryRow]:
    return list(
        session.scalars(
            select(DeliveryRow).where(DeliveryRow.alert_id == alert_id).order_by(DeliveryRow.id)
        )
    )


# -- timeline -------------------------------------------------------------------------


@dataclass
class TimelineData:
    topic: str
    quantity: str
    claims: list[ClaimRow]
    known: list[KnownClaimRow]
    alerts: list[AlertRow]
    known_claim_ids: set[int] = field(default_factory=set)


def timeline_data(session: Session, topic: str, quantity: str) -> TimelineData:
    """Every claim of one quantity with its article, the known claims, the alerts."""
    claims = session.scalars(
        select(ClaimRow)
        .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
        .where(ClaimRow.topic == topic, ClaimRow.quantity == quantity)
        .options(
            # What a mark shows of its article: not the text (the page would load MBs).
            joinedload(ClaimRow.article).load_only(
                ArticleRow.id, ArticleRow.published, ArticleRow.first_seen, ArticleRow.outlet
            )
        )
        .order_by(ArticleRow.published, ClaimRow.id)
    )
    known = session.scalars(
        select(KnownClaimRow)
        .where(
            KnownClaimRow.topic == topic,
            KnownClaimRow.quantity == quantity,
            KnownClaimRow.active.is_(True),
        )
        .order_by(KnownClaimRow.stated_on, KnownClaimRow.id)
    )
    alerts = session.scalars(
        select(AlertRow)
        .where(AlertRow.topic == topic, AlertRow.quantity == quantity)
        .order_by(AlertRow.id)
    )
    data = TimelineData(topic, quantity, list(claims), list(known), list(alerts))
    data.known_claim_ids = {k.claim_id for k in data.known if k.claim_id is not None}
    return data


# -- articles, claims, sources, outbox -------------------------------------------------


def load_article(session: Session, article_id: int) -> ArticleRow | None:
    return session.get(ArticleRow, article_id)


def article_claims(session: Session, article_id: int) -> list[ClaimRow]:
    return list(
        session.scalars(
            select(ClaimRow).where(ClaimRow.article_id == article_id).order_by(ClaimRow.span_start)
        )
    )


def article_alerts(session: Session, article_id: int) -> dict[int, AlertRow]:
    """The alerts this article's claims raised, by claim id."""
    rows = session.scalars(select(AlertRow).where(AlertRow.article_id == article_id))
    return {row.claim_id: row for row in rows if row.claim_id is not None}


def article_evidence(session: Session, article_id: int) -> dict[int, AlertRow]:
    """The earlier alerts this article's claims agreed with, by claim id."""
    rows = session.scalars(
        select(EvidenceRow)
        .where(EvidenceRow.article_id == article_id)
        .options(joinedload(EvidenceRow.alert))
    )
    return {row.claim_id: row.alert for row in rows if row.claim_id is not None}


@dataclass(frozen=True)
class ClaimFilters:
    topic: str = ""
    quantity: str = ""
    show: str = ""  # "" tracked, "sans-quantite", "rejetees"
    page: int = 1


def parse_claim_filters(params: dict[str, str]) -> ClaimFilters:
    show = params.get("show", "").strip()
    if show not in ("", "sans-quantite", "rejetees"):
        raise FilterError(f"Affichage « {show} » inconnu : sans-quantite ou rejetees.")
    written_page = params.get("page", "1").strip() or "1"
    if not written_page.isdigit() or int(written_page) < 1:
        raise FilterError(f"Page « {written_page} » : un nombre entier à partir de 1.")
    return ClaimFilters(
        params.get("topic", "").strip(), params.get("quantity", "").strip(), show, int(written_page)
    )


@dataclass
class ClaimPage:
    claims: list[ClaimRow]
    known_ids: set[int]
    total: int
    page: int
    pages: int


def list_claims(session: Session, filters: ClaimFilters, size: int) -> ClaimPage:
    query = select(ClaimRow)
    if filters.topic:
        query = query.where(ClaimRow.topic == filters.topic)
    if filters.quantity:
        query = query.where(ClaimRow.quantity == filters.quantity)
    if filters.show == "sans-quantite":
        query = query.where(ClaimRow.quantity.is_(None))
    elif filters.show == "rejetees":
        query = query.where(ClaimRow.rejected_at.is_not(None))
    else:
        query = query.where(ClaimRow.quantity.is_not(None), ClaimRow.rejected_at.is_(None))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, -(-total // size))
    page = min(filters.page, pages)
    rows = list(
        session.scalars(
            query.options(joinedload(ClaimRow.article))
            .order_by(ClaimRow.id.desc())
            .limit(size)
            .offset((page - 1) * size)
        )
    )
    ids = [row.id for row in rows]
    known = set(
        session.scalars(select(KnownClaimRow.claim_id).where(KnownClaimRow.claim_id.in_(ids)))
    )
    return ClaimPage(rows, {k for k in known if k is not None}, total, page, pages)


def list_sources(session: Session) -> list[SourceRow]:
    return list(session.scalars(select(SourceRow).order_by(SourceRow.name)))


def list_deliveries(session: Session, status: str, size: int) -> list[DeliveryRow]:
    query = select(DeliveryRow).options(joinedload(DeliveryRow.alert))
    if status:
        query = query.where(DeliveryRow.status == status)
    return list(session.scalars(query.order_by(DeliveryRow.id.desc()).limit(size)))


def delivery_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status))
    counts = {status: 0 for status in DELIVERY_STATES}
    counts.update({status: count for status, count in rows})
    return counts
