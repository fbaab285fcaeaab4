"""Alert wording (French, for newsroom staff) and the JSON records scripts rely on.

The JSON records are a stable contract (``docs/json.md``): a claim carries at least
``id, topic, quantity, low, high, qualifier, source, modality, sentence, article_url,
article_title, published``; an alert carries at least ``id, kind, topic, quantity, new,
previous, article_url, sentence, created``. Unknown or open bounds are null.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from monitor.clock import PARIS, iso, paris_time
from monitor.figures import (
    COUNT,
    NARROW_SPACE,
    UnitSpec,
    format_amount,
    format_change,
    format_number,
    unit_of_record,
)
from monitor.models import AlertKind
from monitor.rules.engine import Figure, Verdict, format_figure
from monitor.storage.schema import AlertRow, ArticleRow, ClaimRow, DeliveryRow, KnownClaimRow

KIND_LABELS = {
    AlertKind.NEW_QUANTITY: "Premier chiffre",
    AlertKind.NEW_FIGURE: "Nouveau chiffre",
    AlertKind.CONTRADICTION: "Contradiction",
}
NO_SOURCE = "source non précisée"
QUALIFIER_LABELS = {
    "exact": "exact", "approx": "environ", "at_least": "au moins", "more_than": "plus de",
    "at_most": "au plus", "less_than": "moins de", "range": "fourchette",
    "vague": "ordre de grandeur",
}  # fmt: skip
MODALITY_LABELS = {
    "asserted": "affirmé", "reported": "rapporté, non confirmé (conditionnel)",
    "planned": "prévu ou envisagé", "negated": "démenti",
}  # fmt: skip
DELIVERY_LABELS = {
    "pending": "en attente", "sending": "en cours", "sent": "envoyé", "failed": "en échec",
    "expired": "expiré",
}  # fmt: skip


def summarise(label: str, new: Figure, verdict: Verdict, unit: UnitSpec = COUNT) -> str:
    """One French line: ``Nouveau chiffre : tués 300 → 600 (CNN), +300 (+100 %)``, or
    ``Nouveau chiffre : coût des dégâts 87 M€ → 120–150 M€ (…)``."""
    kind = KIND_LABELS[verdict.kind]
    if verdict.reason == "revision":
        kind += " (révision)"
    head = f"{kind} : {label}"
    now = f"{format_figure(new, unit)} ({new.source or NO_SOURCE})"
    previous = verdict.previous
    if verdict.kind is AlertKind.NEW_QUANTITY or previous is None:
        line = f"{head} {now}"
    elif verdict.kind is AlertKind.CONTRADICTION and verdict.reason == "sources":
        line = (
            f"{head} {now} contre {format_figure(previous, unit)} ({previous.source or NO_SOURCE})"
        )
    else:
        line = f"{head} {format_figure(previous, unit)} → {now}"
    if verdict.kind is AlertKind.CONTRADICTION and verdict.reason == "denial":
        line += ", en démentant d'autres informations"
    elif verdict.reason == "decrease":
        line += ", baisse d'un total qui ne peut que croître"
    if verdict.delta is not None and verdict.kind is not AlertKind.NEW_QUANTITY:
        line += f", {format_change(verdict.delta, unit)}"
        if verdict.percent is not None:
            sign = "+" if verdict.delta > 0 else "−"
            line += f" ({sign}{format_number(abs(verdict.percent))}{NARROW_SPACE}%)"
    return line


def queue_deliveries(session: Session, alert: AlertRow, channels: Iterable[str]) -> None:
    """The outbox rows of a new alert, one per channel, in the alert's transaction.

    Each row gets its idempotency key now: every retry of it sends the same one.
    """
    for channel in channels:
        session.add(
            DeliveryRow(
                alert_id=alert.id,
                channel=channel,
                status="pending",
                idempotency_key=f"msg_{uuid.uuid4().hex}",
                next_attempt_at=alert.created_at,
                created_at=alert.created_at,
            )
        )


def claim_record(claim: ClaimRow) -> dict[str, Any]:
    article = claim.article
    return {
        "id": claim.id,
        "topic": claim.topic,
        "quantity": claim.quantity,
        "value_text": claim.value_text,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "currency": claim.currency,
        "noun": claim.noun,
        "noun_phrase": claim.noun_phrase,
        "predicate": claim.predicate,
        "source": claim.source,
        "source_text": claim.source_text,
        "modality": claim.modality,
        "time_ref": claim.time_ref.isoformat() if claim.time_ref else None,
        "sentence": claim.sentence,
        "span": [claim.span_start, claim.span_end],
        "denial": claim.denial,
        "earlier": claim.earlier,
        "article_url": article.url,
        "article_title": article.title,
        "published": iso(article.published),
    }


def known_record(known: KnownClaimRow) -> dict[str, Any]:
    return {
        "id": known.id,
        "known": True,
        "topic": known.topic,
        "quantity": known.quantity,
        "value": known.value,
        "low": known.low,
        "high": known.high,
        "qualifier": known.qualifier,
        "source": known.source,
        "date": known.stated_on.isoformat() if known.stated_on else None,
        "url": known.url,
        "note": known.note,
        "origin": known.origin,
        "rule_file": known.rule_file,
        "rule_line": known.rule_line,
        "claim_id": known.claim_id,
    }


def alert_record(alert: AlertRow) -> dict[str, Any]:
    previous: dict[str, Any] | None = None
    if alert.previous_claim is not None:
        previous = claim_record(alert.previous_claim)
    elif alert.previous_known is not None:
        previous = known_record(alert.previous_known)
    return {
        "id": alert.id,
        "kind": alert.kind,
        "topic": alert.topic,
        "quantity": alert.quantity,
        "summary": alert.summary,
        "new": claim_record(alert.claim) if alert.claim is not None else None,
        "previous": previous,
        "direction": alert.details.get("direction"),
        "delta": alert.details.get("delta"),
        "percent": alert.details.get("percent"),
        "reason": alert.details.get("reason"),
        "article_url": alert.article.url if alert.article else None,
        "article_title": alert.article.title if alert.article else None,
        "sentence": alert.sentence,
        "rule_file": alert.rule_file,
        "rule_line": alert.rule_line,
        "evidence": [evidence.article.url for evidence in alert.evidence],
        "created": iso(alert.created_at),
        "acknowledged": iso(alert.acknowledged_at),
        "false_positive": iso(alert.false_positive_at),
    }


def paris_date(moment: datetime | None) -> str:
    if moment is None:
        return "date inconnue"
    return moment.astimezone(PARIS).strftime("%d/%m/%Y")


# -- one alert in full (``monitor alerts show``) ------------------------------------------


def article_record(article: ArticleRow) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": iso(article.published),
        "language": article.language,
    }


def delivery_record(delivery: DeliveryRow) -> dict[str, Any]:
    return {
        "channel": delivery.channel,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "last_attempt": iso(delivery.last_attempt_at),
        "next_attempt": iso(delivery.next_attempt_at) if delivery.status == "pending" else None,
        "sent": iso(delivery.sent_at),
        "error": delivery.error,
    }


def alert_detail_record(alert: AlertRow, deliveries: Sequence[DeliveryRow]) -> dict[str, Any]:
    """The alert record, plus its article, the corroborating articles and the deliveries."""
    return {
        **alert_record(alert),
        "article": article_record(alert.article) if alert.article else None,
        "evidence_articles": [
            {**article_record(item.article), "claim_id": item.claim_id, "added": iso(item.added_at)}
            for item in alert.evidence
        ],
        "deliveries": [delivery_record(delivery) for delivery in deliveries],
    }


def describe_alert(alert: AlertRow, deliveries: Sequence[DeliveryRow]) -> list[str]:
    """One alert in full, in French for the desk: figures, sentences, articles, rule,
    corroborating articles, deliveries and marks."""
    unit = claim_unit(alert.claim) if alert.claim is not None else COUNT
    kind = KIND_LABELS.get(alert.kind, alert.kind)  # type: ignore[call-overload]
    lines = [
        f"Alerte n° {alert.id} — {alert.summary}",
        f"Type : {kind} ({alert.kind})" if kind != alert.kind else f"Type : {kind}",
        f"Sujet : {alert.topic}" + (f", quantité {alert.quantity}" if alert.quantity else ""),
        f"Levée le {paris_time(alert.created_at)} (heure de Paris)",
        f"État : {alert_state(alert)}",
    ]
    if alert.claim is not None or alert.article is not None:  # not an operator alert
        rule = alert.rule_file or "inconnue"
        lines.append(f"Règle : {rule}" + (f", ligne {alert.rule_line}" if alert.rule_line else ""))
        lines.append("")
        lines.extend(figure_lines(alert, unit))
    else:
        lines.append("")
    if deliveries:
        lines.append(f"Envois ({len(deliveries)}) :")
        lines.extend(f"  - {describe_delivery(delivery)}" for delivery in deliveries)
    else:
        lines.append("Envois : aucun canal d'envoi.")
    return lines


def figure_lines(alert: AlertRow, unit: UnitSpec) -> list[str]:
    """The new and previous figures with their sentences and articles, then the other
    articles that carry the new one."""
    lines = []
    if alert.claim is not None:
        lines.append(f"Nouveau chiffre : {describe_claim(alert.claim, unit)}")
        lines.extend(quoted_in(alert.claim.sentence, alert.claim.article))
    else:
        lines.append("Nouveau chiffre : -")
        lines.extend(quoted_in(alert.sentence, alert.article))
    lines.append("")
    if alert.previous_claim is not None:
        lines.append(f"Chiffre précédent : {describe_claim(alert.previous_claim, unit)}")
        lines.extend(quoted_in(alert.previous_claim.sentence, alert.previous_claim.article))
    elif alert.previous_known is not None:
        known = alert.previous_known
        figure = format_amount(known.low, known.high, known.qualifier, known.value, unit)
        said = f"{known.source or NO_SOURCE}"
        if known.stated_on:
            said += f", {known.stated_on.strftime('%d/%m/%Y')}"
        where = f"{known.rule_file}, ligne {known.rule_line}" if known.rule_file else known.url
        lines.append(f"Chiffre précédent : chiffre connu {figure} ({said})")
        if where:
            lines.append(f"  {where}")
    else:
        lines.append("Chiffre précédent : aucun, c'est le premier chiffre de cette quantité.")
    lines.append("")
    if alert.evidence:
        lines.append(f"Autres articles qui donnent ce chiffre ({len(alert.evidence)}) :")
        for item in alert.evidence:
            lines.append(f"  - {describe_article(item.article)}")
            lines.append(f"    {item.article.url}")
    else:
        lines.append("Autres articles qui donnent ce chiffre : aucun pour l'instant.")
    lines.append("")
    return lines


def alert_state(alert: AlertRow) -> str:
    if alert.false_positive_at is not None:
        return f"faux positif (marquée le {paris_time(alert.false_positive_at)})"
    if alert.acknowledged_at is not None:
        return f"acquittée le {paris_time(alert.acknowledged_at)}"
    return "à traiter"


def claim_unit(claim: ClaimRow) -> UnitSpec:
    return unit_of_record({"unit": claim.unit, "currency": claim.currency})


def describe_claim(claim: ClaimRow, unit: UnitSpec) -> str:
    """``600 (écrit « 600 », exact) ; source : CNN ; rapporté, non confirmé (conditionnel)``."""
    figure = format_amount(claim.low, claim.high, claim.qualifier, claim.value, unit)
    qualifier = QUALIFIER_LABELS.get(claim.qualifier, claim.qualifier)
    source = claim.source or NO_SOURCE
    if claim.source_text and claim.source_text != claim.source:
        source += f" (écrit « {claim.source_text} »)"
    modality = MODALITY_LABELS.get(claim.modality, claim.modality)
    return f"{figure} (écrit « {claim.value_text} », {qualifier}) ; source : {source} ; {modality}"


def quoted_in(sentence: str | None, article: ArticleRow | None) -> list[str]:
    lines = [f"  « {sentence} »"] if sentence else []
    if article is not None:
        lines.append(f"  Article : {describe_article(article)}")
        lines.append(f"    {article.url}")
    return lines


def describe_article(article: ArticleRow) -> str:
    """``Titre — Le Monde, publié le 02/07/2025 02:00``, Europe/Paris."""
    head = article.title or "sans titre"
    if article.outlet:
        head += f" — {article.outlet}"
    published = paris_time(article.published, "")
    return head + (f", publié le {published}" if published else ", date de publication inconnue")


def describe_delivery(delivery: DeliveryRow) -> str:
    """``webhook-desk : envoyé le 01/12/2026 17:20 (1 tentative)`` or its last error."""
    state = DELIVERY_LABELS.get(delivery.status, delivery.status)
    if delivery.status == "sent" and delivery.sent_at is not None:
        state += f" le {paris_time(delivery.sent_at)}"
    elif delivery.status == "pending" and delivery.attempts:
        state += f", prochain essai le {paris_time(delivery.next_attempt_at)}"
    plural = "s" if delivery.attempts > 1 else ""
    line = f"{delivery.channel} : {state} ({delivery.attempts} tentative{plural})"
    if delivery.error:
        line += f" — {delivery.error}"
    return line
