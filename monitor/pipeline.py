"""The one ingest path: article -> claims -> rules engine -> alerts -> outbox.

It has two steps. Collection, :meth:`Pipeline.store`, stores an article (identity, near
copies) marked as waiting for the judge; it needs neither the rules' claims nor the
French model. Judgement, :meth:`Pipeline.judge`, reads a stored article's claims and
raises its alerts with their outbox rows, in one transaction. :meth:`Pipeline.ingest`
does both in one transaction (replay, ``monitor crawl --once``, ``run-once``); the
daemon's crawl children only store, and the daemon judges what waits
(:meth:`Pipeline.judge_pending`), oldest publication first.

An article is identified by its canonical URL and by the hash of its text: the same
article ingested twice adds nothing; the same text under another URL (a syndicated
dispatch) is stored as a copy of the first, raises no alert and is attached as evidence
to the alerts of the original. "The same text" includes near copies: a reprint with
another first line or credit, or a page that repeats its own paragraphs, recognised by
MinHash (``monitor.neardup``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, cast

from sqlalchemy import (
    Select,
    Table,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    not_,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from monitor.alerts import queue_deliveries, summarise
from monitor.clock import paris_day, utcnow
from monitor.extract import normalise_text
from monitor.models import ArticleInput, Claim, Qualifier
from monitor.neardup import NEAR_DUPLICATE_JACCARD, band_keys, minhash, similarity
from monitor.rules.engine import (
    LOWER_BOUNDS,
    UPPER_BOUNDS,
    Figure,
    Verdict,
    dedup_key,
    judge_article,
    split_reference,
    widen,
)
from monitor.rules.matchers import (
    CompiledQuantity,
    CompiledTopic,
    RuleBook,
    canonical_source,
    judged,
)
from monitor.storage import Database
from monitor.storage.schema import (
    AlertRow,
    ArticleBandRow,
    ArticleRow,
    ClaimRow,
    EvidenceRow,
    KnownClaimRow,
    RunRow,
)

ClaimFinder = Callable[..., list[Claim]]
Status = Literal["new", "updated", "unchanged", "copy", "off_topic", "not_french"]


@dataclass
class IngestResult:
    article_id: int
    status: Status
    claims: int = 0
    alert_ids: list[int] = field(default_factory=list)
    evidence: int = 0  # alerts that got this article as more evidence


@dataclass
class JudgeResult:
    """What one pass of the judge over the stored articles did."""

    articles: int = 0
    claims: int = 0
    alert_ids: list[int] = field(default_factory=list)


@dataclass
class RunStats:
    articles: int = 0
    unchanged: int = 0
    claims: int = 0
    alerts: int = 0
    errors: int = 0


def content_hash(text: str) -> str:
    """Hash of the text with whitespace collapsed: the same dispatch, however laid out."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class Pipeline:
    """Ingest articles into ``database`` against the compiled ``book`` of rules."""

    def __init__(
        self,
        database: Database,
        book: RuleBook,
        *,
        channels: Sequence[str] = (),
        finder: ClaimFinder | None = None,
    ) -> None:
        self.database = database
        self.book = book
        self.channels = list(channels)
        self._finder = finder
        self.sync_known()

    @property
    def finder(self) -> ClaimFinder:
        """The claim extractor, imported on first use: the French model takes seconds to
        load, and a pipeline that only stores articles (a crawl child) never needs it."""
        if self._finder is None:
            from monitor.claims.extractor import find_claims

            self._finder = find_claims
        return self._finder

    # -- runs -------------------------------------------------------------------------

    def start_run(self, kind: str) -> int:
        with self.database.session() as session:
            run = RunRow(kind=kind, started_at=utcnow())
            session.add(run)
            session.flush()
            return run.id

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        with self.database.session() as session:
            run = session.get_one(RunRow, run_id)
            run.finished_at = utcnow()
            run.articles, run.claims = stats.articles, stats.claims
            run.alerts, run.errors = stats.alerts, stats.errors

    # -- known claims -----------------------------------------------------------------

    def sync_known(self) -> None:
        """Mirror the rule files' known claims in the database; drop those removed."""
        with self.database.session() as session:
            wanted: dict[str, KnownClaimRow] = {}
            for topic in self.book.topics:
                for known in topic.known:
                    key = _fingerprint(
                        known.topic, known.quantity, known.low, known.high, known.qualifier,
                        known.source, known.stated_on, known.url,
                    )  # fmt: skip
                    wanted[key] = KnownClaimRow(
                        fingerprint=key,
                        topic=known.topic,
                        quantity=known.quantity,
                        low=known.low,
                        high=known.high,
                        value=known.value,
                        qualifier=str(known.qualifier),
                        source=known.source,
                        stated_on=known.stated_on,
                        url=known.url,
                        note=known.note,
                        period=known.period,
                        origin="rule",
                        rule_file=known.rule_file,
                        rule_line=known.rule_line,
                        created_at=utcnow(),
                    )
            existing = session.scalars(select(KnownClaimRow).where(KnownClaimRow.origin == "rule"))
            for row in existing:
                if row.fingerprint in wanted:
                    fresh = wanted.pop(row.fingerprint)
                    row.active = True
                    row.rule_file, row.rule_line, row.note = (
                        fresh.rule_file,
                        fresh.rule_line,
                        fresh.note,
                    )
                else:
                    row.active = False
            session.add_all(wanted.values())

    # -- ingest -----------------------------------------------------------------------

    def ingest(
        self,
        article: ArticleInput,
        *,
        run_id: int | None = None,
        claims: Sequence[Claim] | None = None,
    ) -> IngestResult:
        """Store ``article`` and judge it at once, in one transaction (replay, and a crawl
        that judges as it goes): :meth:`store` then :meth:`judge`. ``claims`` are its
        claims when :meth:`read_claims` already read them (in a worker process)."""
        with self.database.session() as session:
            stored = self._store(session, article)
            if stored.status == "unchanged":
                return stored
            row = session.get_one(ArticleRow, stored.article_id)
            return self._judge_article(session, row, run_id, claims)

    def read_claims(self, article: ArticleInput) -> list[Claim] | None:
        """The claims the judge reads in ``article`` (None when it reads none: not French,
        about no topic), from the same text, title and date; it touches no database, so a
        worker process can read ahead of the judge."""
        text = normalise_text(article.text)
        if article.language and not article.language.lower().startswith("fr"):
            return None
        if not self._topics(article.title, text, article.published):
            return None
        return self.finder(
            text, title=article.title, published=article.published, lexicon=self.book.lexicon
        )

    def _topics(
        self, title: str | None, text: str, published: datetime | None
    ) -> list[CompiledTopic]:
        day = paris_day(published) if published else None
        return self.book.topics_for(f"{title or ''}\n{text}", published=day)

    def store(self, article: ArticleInput) -> IngestResult:
        """Collection: store ``article`` (identity, near copies) for the judge, reading
        none of its claims; the French model is not needed."""
        with self.database.session() as session:
            return self._store(session, article)

    def judge(self, article_id: int, *, run_id: int | None = None) -> IngestResult:
        """Judgement of one stored article in its own transaction: claims, references,
        alerts and their outbox rows (or more evidence, for a near copy)."""
        with self.database.session() as session:
            row = session.get(ArticleRow, article_id)
            if row is None or row.judged_at is not None:
                return IngestResult(article_id, "unchanged")
            return self._judge_article(session, row, run_id)

    def pending(self) -> list[int]:
        """The stored articles waiting for the judge, in publication order (undated last)."""
        with self.database.session() as session:
            return list(
                session.scalars(
                    select(ArticleRow.id)
                    .where(ArticleRow.judged_at.is_(None))
                    .order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id)
                )
            )

    def judge_pending(self) -> JudgeResult:
        """Judge every stored article that waits for it, oldest publication first, as
        one recorded run (none when nothing waits)."""
        result = JudgeResult()
        pending = self.pending()
        if not pending:
            return result
        run_id = self.start_run("judge")
        for article_id in pending:
            judged = self.judge(article_id, run_id=run_id)
            result.articles += 1
            result.claims += judged.claims
            result.alert_ids.extend(judged.alert_ids)
        stats = RunStats(articles=result.articles, claims=result.claims)
        stats.alerts = len(result.alert_ids)
        self.finish_run(run_id, stats)
        return result

    def _store(self, session: Session, article: ArticleInput) -> IngestResult:
        text = normalise_text(article.text)
        digest = content_hash(text)
        now = utcnow()
        stored = session.execute(_ARTICLE_BY_URL, {"url": article.url}).first()
        status: Status
        if stored is not None and stored.content_hash == digest:
            return IngestResult(stored.id, "unchanged")
        signature = minhash(text)
        if stored is None:
            original = session.scalar(_ORIGINAL_BY_HASH, {"digest": digest})
            if original is None and signature is not None:
                original = _near_original(session, signature)
            row = ArticleRow(url=article.url, first_seen=now, duplicate_of_id=original)
            session.add(row)
            status = "copy" if original else "new"
        else:
            row = session.get_one(ArticleRow, stored.id)
            status = "updated"
        if status == "updated" and row.published != article.published:
            # The claims it keeps carry its publication time too.
            session.execute(
                update(ClaimRow)
                .where(ClaimRow.article_id == row.id)
                .values(published=article.published)
            )
        row.title = article.title
        row.text = text
        row.published = article.published
        row.language = article.language
        row.outlet = article.outlet
        row.author = article.author
        row.content_hash = digest
        row.origin = article.origin
        row.updated_at = now
        row.judged_at = None  # the judge reads it next
        old_signature = row.minhash
        if row.duplicate_of_id is None:
            row.minhash = signature  # in the same INSERT or UPDATE as the text
        session.flush()
        if row.duplicate_of_id is None:
            _store_bands(session, row.id, old_signature, signature)
        return IngestResult(row.id, status)

    def _judge_article(
        self,
        session: Session,
        row: ArticleRow,
        run_id: int | None,
        given: Sequence[Claim] | None = None,
    ) -> IngestResult:
        row.judged_at = utcnow()
        if row.duplicate_of_id is not None:
            evidence = self._attach_copy(session, row)
            return IngestResult(row.id, "copy", evidence=evidence)
        status: Status = "new" if row.first_seen == row.updated_at else "updated"
        text = row.text
        article = ArticleInput(
            url=row.url, text=text, title=row.title, published=row.published,
            language=row.language, outlet=row.outlet,
        )  # fmt: skip
        if article.language and not article.language.lower().startswith("fr"):
            return IngestResult(row.id, "not_french")
        topics = self._topics(article.title, text, article.published)
        if not topics:
            return IngestResult(row.id, "off_topic" if status == "new" else status)
        claims = (
            list(given)
            if given is not None
            else self.finder(
                text, title=article.title, published=article.published, lexicon=self.book.lexicon
            )
        )
        result = IngestResult(row.id, status)
        pending: list[tuple[CompiledTopic, CompiledQuantity, ClaimRow, Claim]] = []
        seen_before = status != "new"
        fingerprints: set[str] = set()
        assigned = {
            topic.id: self.book.assign_all(topic, claims, text=text, title=article.title)
            for topic in topics
        }
        for index, claim in enumerate(claims):
            for topic in topics:
                quantity = assigned[topic.id][index][0]
                tracked = self._record_claim(
                    session, row, topic, claim, quantity, result, seen_before, fingerprints
                )
                if tracked is not None:
                    pending.append((topic, *tracked, claim))
        session.flush()  # one flush for every claim of the article: they get their ids
        recorded: dict[tuple[CompiledTopic, CompiledQuantity], list[tuple[ClaimRow, Figure]]] = {}
        for topic, quantity, claim_row, claim in pending:
            figure = Figure(
                low=claim_row.low,
                high=claim_row.high,
                qualifier=claim.qualifier,
                value=claim.value,
                source=claim_row.source,
                stated_on=paris_day(row.published),
                denial=claim.denial,
                revision=claim.revision,
                reference_id=f"claim:{claim_row.id}",
                tolerance=topic.alerting.tolerance,
            )
            recorded.setdefault((topic, quantity), []).append((claim_row, figure))
        for (topic, quantity), found in recorded.items():
            self._judge(session, row, topic, quantity, found, run_id, result)
        return result

    def _record_claim(
        self,
        session: Session,
        article: ArticleRow,
        topic: CompiledTopic,
        claim: Claim,
        quantity: CompiledQuantity | None,
        result: IngestResult,
        seen_before: bool,
        fingerprints: set[str],
    ) -> tuple[CompiledQuantity, ClaimRow] | None:
        """Store a claim for a topic (once: an updated article keeps its old claims).

        Returns the quantity and the row for a tracked quantity, None otherwise.
        """
        source = canonical_source(topic, claim.source)
        low, high = claim.low, claim.high
        if claim.qualifier is Qualifier.APPROX and claim.value is not None:
            low, high = widen(claim.value, topic.alerting.tolerance)
        fingerprint = _fingerprint(
            topic.id, quantity.id if quantity else None, claim.span, claim.value_text,
            low, high, claim.qualifier, claim.sentence,
        )  # fmt: skip
        if fingerprint in fingerprints or (
            seen_before
            and session.scalar(
                select(ClaimRow.id).where(
                    ClaimRow.article_id == article.id, ClaimRow.fingerprint == fingerprint
                )
            )
        ):
            return None
        fingerprints.add(fingerprint)
        row = ClaimRow(
            article_id=article.id,
            fingerprint=fingerprint,
            topic=topic.id,
            quantity=quantity.id if quantity else None,
            value_text=claim.value_text,
            value=claim.value,
            low=low,
            high=high,
            qualifier=str(claim.qualifier),
            unit=str(claim.unit),
            currency=claim.currency,
            noun=claim.noun,
            noun_phrase=claim.noun_phrase,
            predicate=claim.predicate,
            source=source,
            source_text=claim.source_text,
            modality=str(claim.modality),
            time_ref=claim.time_ref,
            time_text=claim.time_text,
            sentence=claim.sentence,
            span_start=claim.span[0],
            span_end=claim.span[1],
            denial=claim.denial,
            # A figure its quantity keeps but does not compare (stated in another modality)
            # is no reference either: its modality says why.
            earlier=claim.earlier
            or (str(claim.modality) if quantity and not judged(claim, quantity) else None),
            period=quantity.period(claim, paris_day(article.published)) if quantity else None,
            published=article.published,
            created_at=utcnow(),
        )
        session.add(row)
        result.claims += 1
        if quantity is None or not judged(claim, quantity):
            return None  # a past figure is kept, never judged: "avait fait 628 morts"
        return quantity, row

    def _judge(
        self,
        session: Session,
        article: ArticleRow,
        topic: CompiledTopic,
        quantity: CompiledQuantity,
        found: list[tuple[ClaimRow, Figure]],
        run_id: int | None,
        result: IngestResult,
    ) -> None:
        """Judge an article's new claims on one quantity against everything known before."""
        if quantity.spec.per is not None:
            # Counted per day or per event: each period is judged against its own figures.
            by_period: dict[str | None, list[tuple[ClaimRow, Figure]]] = {}
            for claim_row, figure in found:
                by_period.setdefault(claim_row.period, []).append((claim_row, figure))
        else:
            by_period = {None: found}
        for period, members in by_period.items():
            self._judge_period(session, article, topic, quantity, members, period, run_id, result)

    def _judge_period(
        self,
        session: Session,
        article: ArticleRow,
        topic: CompiledTopic,
        quantity: CompiledQuantity,
        found: list[tuple[ClaimRow, Figure]],
        period: str | None,
        run_id: int | None,
        result: IngestResult,
    ) -> None:
        rows = {figure.reference_id: claim_row for claim_row, figure in found}
        figures = [figure for _, figure in found]
        references = self._references(
            session, topic, quantity, exclude=set(rows), period=period, figures=figures
        )
        groups = judge_article(
            figures,
            list(references.values()),
            cumulative=quantity.spec.kind == "cumulative",
            alerting=topic.alerting,
        )
        for group in groups:
            claim_row = rows[group.best.reference_id]
            if group.verdict is not None:
                self._raise(
                    session, article, topic, quantity, claim_row, group.best, group.verdict,
                    run_id, result,
                )  # fmt: skip
            elif group.agreeing:
                agreeing = [figure.reference_id for figure in group.agreeing]
                result.evidence += self._corroborate(session, article, claim_row, agreeing)

    def _references(
        self,
        session: Session,
        topic: CompiledTopic,
        compiled: CompiledQuantity,
        *,
        exclude: set[str | None],
        period: str | None = None,
        figures: Sequence[Figure] | None = None,
    ) -> dict[str, Figure]:
        """Known claims and the earlier claims on the same quantity (and, for a quantity
        counted per day or per event, the same period), by reference id.

        With the article's ``figures`` and a long history, only the earlier claims the
        engine can use to judge them (see :func:`_judged_against`), so the cost of an
        article does not grow with the history of its quantity; otherwise every earlier
        claim, in one query."""
        quantity = compiled.id
        per_period = compiled.spec.per is not None
        references: dict[str, Figure] = {}

        def add(
            reference: str,
            low: float | None,
            high: float | None,
            qualifier: str,
            value: float | None,
            source: str | None,
            stated_on: date | None,
        ) -> None:
            references[reference] = Figure(
                low=low,
                high=high,
                qualifier=Qualifier(qualifier),
                value=value,
                source=source,
                stated_on=stated_on,
                reference_id=reference,
                tolerance=topic.alerting.tolerance,
            )

        known_rows = session.execute(
            select(
                KnownClaimRow.id,
                KnownClaimRow.low,
                KnownClaimRow.high,
                KnownClaimRow.qualifier,
                KnownClaimRow.value,
                KnownClaimRow.source,
                KnownClaimRow.stated_on,
            ).where(
                KnownClaimRow.topic == topic.id,
                KnownClaimRow.quantity == quantity,
                KnownClaimRow.active.is_(True),
                KnownClaimRow.period == period if per_period else true(),
            )
        )
        for known_id, low, high, qualifier, value, source, stated_on in known_rows:
            add(f"known:{known_id}", low, high, qualifier, value, source, stated_on)
        # Only the columns the engine compares, and each distinct figure once (the first
        # claim that stated it, whose alert corroborations attach to): no article texts.
        first_id = func.min(ClaimRow.id)
        groups = (
            select(
                first_id,
                ClaimRow.low,
                ClaimRow.high,
                ClaimRow.qualifier,
                ClaimRow.value,
                ClaimRow.source,
                ClaimRow.published,
            )
            .where(
                ClaimRow.topic == topic.id,
                ClaimRow.quantity == quantity,
                ClaimRow.earlier.is_(None),
                ClaimRow.period == period if per_period else true(),
            )
            .group_by(
                ClaimRow.low,
                ClaimRow.high,
                ClaimRow.qualifier,
                ClaimRow.value,
                ClaimRow.source,
                ClaimRow.published,
            )
        )
        own = [int(reference.split(":")[1]) for reference in exclude if reference]
        mine = groups.having(first_id.not_in(own)) if own else groups
        if figures is None or _few(session, groups):
            found = {cast(ReferenceRow, tuple(row)) for row in session.execute(mine)}
        else:
            rows = groups.with_only_columns(
                ClaimRow.id, *list(groups.selected_columns)[1:], maintain_column_froms=True
            ).group_by(None)
            found = _judged_against(session, mine, rows, own, figures, topic.alerting.tolerance)
        for claim_id, low, high, qualifier, value, source, published in found:
            if f"claim:{claim_id}" not in exclude:
                stated_on = paris_day(published)
                add(f"claim:{claim_id}", low, high, qualifier, value, source, stated_on)
        return references

    def _raise(
        self,
        session: Session,
        article: ArticleRow,
        topic: CompiledTopic,
        quantity: CompiledQuantity,
        claim: ClaimRow,
        figure: Figure,
        verdict: Verdict,
        run_id: int | None,
        result: IngestResult,
    ) -> None:
        key = dedup_key(topic.id, quantity.id, verdict.kind, figure)
        alert = session.scalar(select(AlertRow).where(AlertRow.dedup_key == key))
        if alert is not None:
            if alert.article_id != article.id:
                result.evidence += _add_evidence(session, [alert.id], article.id, claim.id)
            return
        previous_kind, previous = split_reference(
            verdict.previous.reference_id if verdict.previous else None
        )
        alert = AlertRow(
            dedup_key=key,
            kind=str(verdict.kind),
            topic=topic.id,
            quantity=quantity.id,
            claim_id=claim.id,
            previous_claim_id=previous if previous_kind == "claim" else None,
            previous_known_id=previous if previous_kind == "known" else None,
            article_id=article.id,
            run_id=run_id,
            sentence=claim.sentence,
            summary=summarise(quantity.spec.label, figure, verdict, quantity.unit),
            details={
                "direction": verdict.direction,
                "delta": verdict.delta,
                "percent": verdict.percent,
                "reason": verdict.reason or None,
                "quantity_label": quantity.spec.label,
                "topic_title": topic.title,
            },
            rule_file=topic.rule_file,
            rule_line=quantity.line,
            created_at=utcnow(),
        )
        session.add(alert)
        session.flush()
        routes = topic.alerting.channels
        channels = self.channels if routes is None else routes.get(verdict.kind, [])
        queue_deliveries(session, alert, [name for name in channels if name in self.channels])
        result.alert_ids.append(alert.id)

    def _corroborate(
        self, session: Session, article: ArticleRow, claim: ClaimRow, agreeing: list[str | None]
    ) -> int:
        """A claim that agrees with earlier ones is evidence for the alerts they raised."""
        claim_ids = [
            number
            for kind, number in map(split_reference, agreeing)
            if kind == "claim" and number is not None
        ]
        if not claim_ids:
            return 0
        alert_ids = session.scalars(
            select(AlertRow.id).where(
                AlertRow.claim_id.in_(claim_ids), AlertRow.article_id != article.id
            )
        ).all()
        return _add_evidence(session, alert_ids, article.id, claim.id)

    def _attach_copy(self, session: Session, copy: ArticleRow) -> int:
        alert_ids = session.scalars(
            select(AlertRow.id).where(AlertRow.article_id == copy.duplicate_of_id)
        ).all()
        return _add_evidence(session, alert_ids, copy.id, None)


def _add_evidence(
    session: Session, alert_ids: Sequence[int], article_id: int, claim_id: int | None
) -> int:
    """Attach ``article_id`` as evidence to alerts (raised by other articles) it does not
    already support; return how many it was attached to."""
    if not alert_ids:
        return 0
    attached = set(
        session.scalars(
            select(EvidenceRow.alert_id).where(
                EvidenceRow.alert_id.in_(alert_ids), EvidenceRow.article_id == article_id
            )
        )
    )
    new = [alert_id for alert_id in dict.fromkeys(alert_ids) if alert_id not in attached]
    session.add_all(
        EvidenceRow(alert_id=alert_id, article_id=article_id, claim_id=claim_id, added_at=utcnow())
        for alert_id in new
    )
    return len(new)


# The ingest path's lookups, built once: each article runs them, and SQLAlchemy then only
# binds the values (no statement construction or cache-key walk per article).
_ARTICLE_BY_URL = select(ArticleRow.id, ArticleRow.content_hash).where(
    ArticleRow.url == bindparam("url")
)
_ORIGINAL_BY_HASH = (
    select(ArticleRow.id)
    .where(ArticleRow.content_hash == bindparam("digest"), ArticleRow.duplicate_of_id.is_(None))
    .order_by(ArticleRow.id)
    .limit(1)
)
_NEAR_CANDIDATES = (
    select(ArticleRow.id, ArticleRow.minhash)
    .join(ArticleBandRow, ArticleBandRow.article_id == ArticleRow.id)
    .where(
        ArticleBandRow.band_key.in_(bindparam("keys", expanding=True)),
        ArticleRow.duplicate_of_id.is_(None),
    )
    .distinct()
)
_INSERT_BANDS = insert(cast(Table, ArticleBandRow.__table__))  # Core: no ORM bulk-insert work


def _near_original(session: Session, signature: bytes) -> int | None:
    """The id of the most similar original sharing a MinHash band, if it is a near copy."""
    candidates = session.execute(_NEAR_CANDIDATES, {"keys": band_keys(signature)})
    best: tuple[float, int] | None = None
    for article_id, other in candidates:
        if other is None:
            continue
        score = similarity(signature, other)
        if score >= NEAR_DUPLICATE_JACCARD and (best is None or (score, -article_id) > best):
            best = (score, -article_id)
    return -best[1] if best else None


def _store_bands(
    session: Session, article_id: int, old: bytes | None, signature: bytes | None
) -> None:
    """Index an original's MinHash bands (replacing those of its previous text)."""
    if old == signature:
        return
    if old is not None:
        session.execute(delete(ArticleBandRow).where(ArticleBandRow.article_id == article_id))
    if signature is not None:
        session.execute(
            _INSERT_BANDS,
            [{"article_id": article_id, "band_key": key} for key in band_keys(signature)],
        )


# One distinct earlier figure: first claim id, low, high, qualifier, value, source, published.
ReferenceRow = tuple[
    int, float | None, float | None, str, float | None, str | None, datetime | None
]
ReferenceQuery = Select[
    int, float | None, float | None, str, float | None, str | None, datetime | None
]
_UPPER = [str(qualifier) for qualifier in UPPER_BOUNDS]
_LOWER = [str(qualifier) for qualifier in LOWER_BOUNDS]


# Up to this many earlier claims, reading them all takes one query and is cheapest.
FEW_CLAIMS = 200


def _few(session: Session, groups: ReferenceQuery) -> bool:
    """Whether the claims ``groups`` groups are at most :data:`FEW_CLAIMS` (read off the
    index on topic and quantity)."""
    probe = groups.with_only_columns(ClaimRow.id).group_by(None).limit(1).offset(FEW_CLAIMS)
    return session.execute(probe).first() is None


def _judged_against(
    session: Session,
    groups: ReferenceQuery,
    rows: ReferenceQuery,
    own: Sequence[int],
    figures: Sequence[Figure],
    tolerance: float,
) -> set[ReferenceRow]:
    """The earlier figures :func:`monitor.rules.engine.judge_article` needs to judge
    ``figures``, out of ``groups`` (one row per distinct earlier figure; ``rows`` are the
    same claims ungrouped, ``own`` the article's own claims): those they may
    agree with, the latest precise one and the latest of all, and for a revision the
    latest of its source. Agreement is decided by the engine; the query keeps a superset,
    its intervals computed as :meth:`Figure.compared` does (an open bound is anchored at
    the stated figure) with a hair of slack for rounding.
    """
    low, high = ClaimRow.low, ClaimRow.high
    compared_low = case(
        (and_(low.is_(None), high.is_not(None), ClaimRow.qualifier.in_(_UPPER)),
         high - func.abs(high) * tolerance),
        else_=low,
    )  # fmt: skip
    compared_high = case(
        (and_(high.is_(None), low.is_not(None), ClaimRow.qualifier.in_(_LOWER)),
         low + func.abs(low) * tolerance),
        else_=high,
    )  # fmt: skip

    def overlap(figure: Figure, slack: float) -> ColumnElement[bool]:
        figure_low, figure_high = figure.compared()
        conditions = []
        if figure_high is not None:
            margin = slack * max(1.0, abs(figure_high))
            conditions.append(or_(compared_low.is_(None), compared_low <= figure_high + margin))
        if figure_low is not None:
            margin = slack * max(1.0, abs(figure_low))
            conditions.append(or_(compared_high.is_(None), compared_high >= figure_low - margin))
        return and_(true(), *conditions)

    latest = _latest(session, rows, own)
    if not latest:
        return latest  # no earlier figure at all
    agreeing = or_(*(overlap(figure, 1e-9) for figure in figures))
    found = latest | {
        cast(ReferenceRow, tuple(row)) for row in session.execute(groups.where(agreeing))
    }
    precise = ClaimRow.qualifier != str(Qualifier.VAGUE)
    if all(row[3] == Qualifier.VAGUE for row in latest):  # else the latest day has it
        found |= _latest(session, rows.where(precise), own)
    for source in {figure.source for figure in figures if figure.revision and figure.source}:
        found |= _latest(session, rows.where(precise, ClaimRow.source == source), own)
    for denial in (figure for figure in figures if figure.denial):
        # A denial is compared with the latest figure it disagrees with.
        found |= _latest(session, rows.where(precise, not_(overlap(denial, 0.0))), own)
        found |= _latest(session, rows.where(not_(overlap(denial, 0.0))), own)
    return found


def _latest(session: Session, rows: ReferenceQuery, own: Sequence[int]) -> set[ReferenceRow]:
    """The latest distinct figures of ``rows`` as the engine orders them (by the Paris day
    of publication, then by first claim): all those of the latest day that has one, each
    with its first claim. A figure first stated by one of ``own`` (the article judged) is
    left out, as the grouped query leaves it out. The rows are read newest first without
    grouping, through the index on (topic, quantity, published, id), so the cost does not
    follow the whole history. Undated figures count as the oldest."""
    return _latest_of(session, rows.where(ClaimRow.published.is_not(None)), own) or _latest_of(
        session, rows.where(ClaimRow.published.is_(None)), own
    )


def _latest_of(session: Session, rows: ReferenceQuery, own: Sequence[int]) -> set[ReferenceRow]:
    ordered = rows.order_by(ClaimRow.published.desc(), ClaimRow.id.desc())
    limit = 16
    while True:
        found = [cast(ReferenceRow, tuple(row)) for row in session.execute(ordered.limit(limit))]
        complete = len(found) < limit  # every row is read: the last day is whole too
        days: dict[date | None, dict[tuple[object, ...], ReferenceRow]] = {}
        for row in found:
            first = days.setdefault(paris_day(row[6]), {})
            key = row[1:]
            if key not in first or row[0] < first[key][0]:
                first[key] = row
        ordered_days = list(days.values())
        for number, figures in enumerate(ordered_days):
            if number == len(ordered_days) - 1 and not complete:
                break  # the oldest day read may go on beyond the limit
            kept = {row for row in figures.values() if row[0] not in own}
            if kept:
                return kept
        if complete:
            return set()
        limit *= 4


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(repr(part) for part in parts).encode()).hexdigest()
