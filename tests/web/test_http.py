"""The desk over real HTTP: a uvicorn server on the replayed seed database."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from starlette.routing import Route

from monitor.errors import ConfigError
from monitor.figures import NARROW_SPACE
from monitor.settings import load_settings
from monitor.storage import Database
from monitor.storage.schema import AlertRow, ArticleRow, ClaimRow, DeliveryRow
from monitor.web.app import create_app
from monitor.web.security import hash_password
from tests.paths import RULES
from tests.web.conftest import DeskServer, csrf_token, start_desk

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def text_of(page: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities decoded)."""
    return re.sub(r"[ \t\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def alert_ids(page: str) -> list[int]:
    return [int(x) for x in re.findall(r'<li class="alert[^"]*" id="alerte-(\d+)"', page)]


def test_healthz_answers_ok(desk: DeskServer) -> None:
    with desk.client() as client:
        answer = client.get("/healthz")
    assert (answer.status_code, answer.text) == (200, "ok")


def test_alerts_page_lists_every_seed_alert_newest_first(desk: DeskServer) -> None:
    alerts = desk.alerts()
    assert len(alerts) == 17
    with desk.client() as client:
        page = client.get("/")
    assert page.status_code == 200
    assert alert_ids(page.text) == sorted((a["id"] for a in alerts), reverse=True)
    shown = text_of(page.text)
    for alert in alerts:
        assert alert["summary"] in shown
    assert "17 alertes" in shown
    assert f"environ 2{NARROW_SPACE}700 (NIS) → 4{NARROW_SPACE}000 (CNN)" in shown


def test_filters_by_kind_topic_quantity_state_and_date(desk: DeskServer) -> None:
    alerts = desk.alerts()
    contradictions = sorted((a["id"] for a in alerts if a["kind"] == "contradiction"), reverse=True)
    killed = sorted((a["id"] for a in alerts if a["quantity"] == "killed"), reverse=True)
    with desk.client() as client:
        assert alert_ids(client.get("/?kind=contradiction").text) == contradictions
        both = client.get("/?topic=coree-du-nord-russie&quantity=killed").text
        assert alert_ids(both) == killed
        assert alert_ids(client.get("/?state=acquittees").text) == []
        created = datetime.fromisoformat(alerts[0]["created"]).astimezone(UTC).date()
        assert len(alert_ids(client.get(f"/?since={created.isoformat()}").text)) == 17
        assert alert_ids(client.get("/?until=2000-01-01").text) == []


def test_a_bad_filter_gets_a_clear_french_message(desk: DeskServer) -> None:
    with desk.client() as client:
        answer = client.get("/?since=2025-13-45&kind=boom")
    assert answer.status_code == 400
    shown = text_of(answer.text)
    assert (
        "Type d'alerte « boom » inconnu : choisissez parmi new_quantity, new_figure, "
        "contradiction. Du : date « 2025-13-45 » illisible, écrivez-la AAAA-MM-JJ "
        "(par exemple 2025-02-05)."
    ) in shown
    assert "Traceback" not in answer.text


def test_unknown_pages_get_a_french_404_without_traceback(desk: DeskServer) -> None:
    with desk.client() as client:
        missing = client.get("/alerts/99999")
        not_a_number = client.get("/alerts/abc")
        no_quantity = client.get("/topics/coree-du-nord-russie/quantities/nope")
        no_article = client.get("/articles/424242")
    assert missing.status_code == 404
    assert "Aucune alerte n° 99999 dans la base." in text_of(missing.text)
    assert not_a_number.status_code == 404
    assert "Page introuvable" in not_a_number.text
    assert no_quantity.status_code == 404
    assert "Aucune affirmation ni alerte pour la quantité « nope »" in text_of(no_quantity.text)
    assert no_article.status_code == 404 and "Aucun article n° 424242." in no_article.text
    for answer in (missing, not_a_number, no_quantity, no_article):
        assert '<html lang="fr">' in answer.text and "Traceback" not in answer.text


def post_routes(desk: DeskServer) -> list[str]:
    """Every state-changing route of the app, with 1 for each id."""
    app = create_app(desk.settings)
    paths = [
        route.path for route in app.routes if isinstance(route, Route) and "POST" in route.methods
    ]
    assert len(paths) >= 8
    return [re.sub(r"\{[^}]+\}", "1", path) for path in paths]


def test_every_post_without_a_csrf_token_is_refused_with_403(desk: DeskServer) -> None:
    with desk.client() as client:
        token = csrf_token(client)
        for path in post_routes(desk):
            without = client.post(path, data={"next": "/", "value": "1"})
            assert without.status_code == 403, path
            assert "jeton de sécurité absent ou invalide" in text_of(without.text), path
            wrong = client.post(path, data={"csrf_token": token[::-1], "value": "1"})
            assert wrong.status_code == 403, path
    # Nothing changed.
    assert all(a["acknowledged"] is None and a["false_positive"] is None for a in desk.alerts())


def test_a_token_from_another_session_is_refused(desk: DeskServer) -> None:
    with desk.client() as first, desk.client() as second:
        token = csrf_token(first)
        csrf_token(second)
        answer = second.post("/alerts/1/acquitter", data={"csrf_token": token})
    assert answer.status_code == 403


def test_acknowledge_and_false_positive_are_stored_and_listed(desk: DeskServer) -> None:
    killed = next(
        a for a in desk.alerts() if a["quantity"] == "killed" and a["kind"] == "new_figure"
    )
    with desk.client() as client:
        token = csrf_token(client)
        back = "/?kind=new_figure"
        done = client.post(
            f"/alerts/{killed['id']}/acquitter", data={"csrf_token": token, "next": back}
        )
        assert (done.status_code, done.headers["location"]) == (303, back)
        wrong = next(a for a in desk.alerts() if a["quantity"] == "troops_kursk")
        marked = client.post(
            f"/alerts/{wrong['id']}/faux-positif",
            data={"csrf_token": token, "value": "1", "next": "//evil.example/"},
        )
        assert (marked.status_code, marked.headers["location"]) == (303, "/")
        page = client.get("/?state=faux-positifs").text
    assert alert_ids(page) == [wrong["id"]]
    by_id = {a["id"]: a for a in desk.alerts()}
    assert by_id[killed["id"]]["acknowledged"] is not None
    assert by_id[killed["id"]]["false_positive"] is None
    assert by_id[wrong["id"]]["false_positive"] is not None
    code, output = desk.cli("alerts", "list", "--unacknowledged")
    assert code == 0 and f"#{killed['id']} " not in output
    code, output = desk.cli("alerts", "list")
    line = next(x for x in output.splitlines() if x.startswith(f"#{wrong['id']} "))
    assert line.endswith(" [faux positif]")


def test_hostile_article_text_is_escaped(desk: DeskServer) -> None:
    alert_id, article_id = add_hostile_alert(desk.database_url)
    with desk.client() as client:
        pages = [
            client.get(path).text
            for path in ("/", f"/alerts/{alert_id}", f"/articles/{article_id}")
        ]
    for page in pages:
        assert "<script>window.__pwned" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page


def add_hostile_alert(database_url: str) -> tuple[int, int]:
    """An article whose title, text and sentence carry markup, with a claim and an alert."""
    database = Database(database_url)
    now = datetime.now(UTC)
    sentence = f"Selon {HOSTILE}, 999 soldats ont été tués."
    with database.session() as session:
        article = ArticleRow(
            url="https://example.org/hostile", title=HOSTILE, text=sentence, published=now,
            outlet=HOSTILE, content_hash="f" * 64, first_seen=now, updated_at=now,
        )  # fmt: skip
        session.add(article)
        session.flush()
        start = sentence.index("999")
        claim = ClaimRow(
            article_id=article.id, fingerprint="hostile", topic="coree-du-nord-russie",
            quantity="killed", value_text="999", value=999, low=999, high=999,
            qualifier="exact", source=HOSTILE, modality="reported", sentence=sentence,
            span_start=start, span_end=start + 3, created_at=now,
        )  # fmt: skip
        session.add(claim)
        session.flush()
        alert = AlertRow(
            dedup_key="hostile", kind="new_figure", topic="coree-du-nord-russie",
            quantity="killed", claim_id=claim.id, article_id=article.id, sentence=sentence,
            summary=f"Nouveau chiffre : tués 600 → 999 ({HOSTILE})", details={},
            created_at=now,
        )  # fmt: skip
        session.add(alert)
        session.flush()
        ids = alert.id, article.id
    database.dispose()
    return ids


def test_timeline_draws_one_focusable_mark_per_claim_and_a_table(desk: DeskServer) -> None:
    database = Database(desk.database_url)
    with database.session() as session:
        claims = list(
            session.scalars(
                select(ClaimRow).where(
                    ClaimRow.topic == "coree-du-nord-russie", ClaimRow.quantity == "killed"
                )
            )
        )
    database.dispose()
    with desk.client() as client:
        page = client.get("/topics/coree-du-nord-russie/quantities/killed").text
    marks = re.findall(r'<path[^>]*class="claim-mark"[^>]*>', page)
    assert len(marks) == len(claims) >= 3
    assert all('tabindex="0"' in mark for mark in marks)
    labels = [html.unescape(re.search(r'aria-label="([^"]*)"', m).group(1)) for m in marks]
    assert any(label.startswith("Affirmation n° ") and ": 600 —" in label for label in labels)
    assert any(": environ 300 —" in label for label in labels)
    rows = re.findall(r'<tr id="claim-(\d+)">', page)
    assert sorted(int(r) for r in rows) == sorted(c.id for c in claims)
    assert "e+" not in text_of(page).lower().replace("e+mail", "")


def test_article_page_marks_each_figure_with_what_it_became(desk: DeskServer) -> None:
    killed = next(
        a for a in desk.alerts() if a["quantity"] == "killed" and a["kind"] == "new_figure"
    )
    database = Database(desk.database_url)
    with database.session() as session:
        article_id = session.scalars(
            select(ArticleRow.id).where(ArticleRow.url == killed["article_url"])
        ).one()
    database.dispose()
    with desk.client() as client:
        page = client.get(f"/articles/{article_id}").text
    claim_id = killed["new"]["id"]
    assert re.search(
        rf'<mark class="figure tracked" id="claim-{claim_id}" title="[^"]*">600<span', page
    )
    assert f"a levé l'alerte n° {killed['id']} (Nouveau chiffre)" in text_of(page)


def test_curation_accept_reject_assign(desk: DeskServer) -> None:
    database = Database(desk.database_url)
    with database.session() as session:
        tracked = session.scalars(
            select(ClaimRow).where(ClaimRow.quantity == "wounded").order_by(ClaimRow.id)
        ).first()
        loose = session.scalars(select(ClaimRow).where(ClaimRow.quantity.is_(None))).first()
        assert tracked is not None and loose is not None
        tracked_id, loose_id = tracked.id, loose.id
    with desk.client() as client:
        token = csrf_token(client, "/claims")
        accepted = client.post(f"/claims/{tracked_id}/accepter", data={"csrf_token": token})
        refused = client.post(f"/claims/{loose_id}/accepter", data={"csrf_token": token})
        rejected = client.post(f"/claims/{loose_id}/rejeter", data={"csrf_token": token})
        bad_target = client.post(
            f"/claims/{loose_id}/attribuer", data={"csrf_token": token, "target": "x/y"}
        )
        assigned = client.post(
            f"/claims/{loose_id}/attribuer",
            data={"csrf_token": token, "target": "coree-du-nord-russie/killed"},
        )
    assert accepted.status_code == 303
    assert refused.status_code == 400
    assert "n'a pas de quantité : attribuez-lui d'abord une quantité." in text_of(refused.text)
    assert rejected.status_code == 303
    assert bad_target.status_code == 400
    assert "Quantité « x/y » inconnue des fichiers de règles." in text_of(bad_target.text)
    assert assigned.status_code == 303
    with database.session() as session:
        claim = session.get(ClaimRow, loose_id)
        assert claim is not None
        assert (claim.topic, claim.quantity, claim.rejected_at) == (
            "coree-du-nord-russie", "killed", None,
        )  # fmt: skip
    code, output = desk.cli("known", "list", "--json")
    assert code == 0
    [known] = [
        json.loads(x) for x in output.splitlines() if json.loads(x)["claim_id"] == tracked_id
    ]
    assert (known["quantity"], known["origin"]) == ("wounded", "accepted")
    database.dispose()


def test_outbox_retry_puts_a_failed_delivery_back(desk: DeskServer) -> None:
    database = Database(desk.database_url)
    now = datetime.now(UTC)
    with database.session() as session:
        row = DeliveryRow(
            alert_id=1, channel="redaction", status="failed", idempotency_key="msg_test",
            attempts=3, next_attempt_at=now, error="550 <b>refusé</b>", created_at=now,
        )  # fmt: skip
        session.add(row)
        session.flush()
        delivery_id = row.id
    with desk.client() as client:
        page = client.get("/outbox?status=failed").text
        assert "550 &lt;b&gt;refusé&lt;/b&gt;" in page
        token = csrf_token(client, "/outbox")
        done = client.post(f"/outbox/{delivery_id}/reessayer", data={"csrf_token": token})
        again = client.post(f"/outbox/{delivery_id}/reessayer", data={"csrf_token": token})
        bad = client.get("/outbox?status=lost")
    assert done.status_code == 303
    assert again.status_code == 400
    assert f"L'envoi n° {delivery_id} n'a pas échoué (pending)." in text_of(again.text)
    assert bad.status_code == 400
    with database.session() as session:
        assert session.get(DeliveryRow, delivery_id).status == "pending"  # type: ignore[union-attr]
    database.dispose()


def test_sources_page_and_security_headers(desk: DeskServer) -> None:
    with desk.client() as client:
        page = client.get("/sources")
    assert page.status_code == 200
    assert "Aucune source n'a encore été relevée" in text_of(page.text)
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_loopback_needs_no_login_but_any_other_address_does(database_file: Path) -> None:
    password = "correct horse battery staple"
    server = start_desk(database_file, host="0.0.0.0", password_hash=hash_password(password))
    try:
        with server.client() as client:
            assert client.get("/healthz").status_code == 200
            first = client.get("/alerts/1")
            assert (first.status_code, first.headers["location"]) == (
                303,
                "/login?next=%2Falerts%2F1",
            )
            assert client.post("/alerts/1/acquitter", data={}).status_code == 403
            token = csrf_token(client, "/login")
            wrong = client.post("/login", data={"csrf_token": token, "password": "nope"})
            assert wrong.status_code == 401 and "Mot de passe incorrect." in wrong.text
            good = client.post(
                "/login", data={"csrf_token": token, "password": password, "next": "/alerts/1"}
            )
            assert (good.status_code, good.headers["location"]) == (303, "/alerts/1")
            cookie = good.headers["set-cookie"].lower()
            assert "httponly" in cookie and "samesite=lax" in cookie
            assert client.get("/alerts/1").status_code == 200
            # The session changed at login: the token of before no longer works.
            assert client.post("/alerts/1/acquitter", data={"csrf_token": token}).status_code == 403
    finally:
        server.stop()


def test_a_desk_open_to_the_network_without_a_password_does_not_start(tmp_path: Path) -> None:
    settings = load_settings(database_url=f"sqlite:///{tmp_path / 'x.db'}", rules_dir=RULES)
    with pytest.raises(ConfigError) as error:
        create_app(settings, "0.0.0.0")
    assert str(error.value).startswith(
        "monitor web --host 0.0.0.0: listening beyond this machine needs a login; set "
        "MONITOR_WEB__PASSWORD_HASH"
    )
    broken = settings.model_copy(
        update={"web": settings.web.model_copy(update={"password_hash": "plain"})}
    )
    with pytest.raises(ConfigError, match=r"^web.password_hash: expected pbkdf2_sha256\$"):
        create_app(broken, "127.0.0.1")


def test_monitor_help_imports_no_web_library() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from monitor.cli import main; "
        "CliRunner().invoke(main, ['--help']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'starlette', 'uvicorn', 'altair', 'vl_convert', 'playwright'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_explanation_page_gives_the_reasoning_of_monitor_explain(desk: DeskServer) -> None:
    killed = next(
        a for a in desk.alerts() if a["quantity"] == "killed" and a["kind"] == "new_figure"
    )
    database = Database(desk.database_url)
    with database.session() as session:
        article_id = session.scalars(
            select(ArticleRow.id).where(ArticleRow.url == killed["article_url"])
        ).one()
    database.dispose()
    code, output = desk.cli("explain", "--article", str(article_id))
    assert code == 0, output
    with desk.client() as client:
        page = client.get(f"/articles/{article_id}/explication")
        missing = client.get("/articles/424242/explication")
    assert page.status_code == 200
    shown = html.unescape(page.text)
    figure_lines = output.split("\n\nAlerts raised by this article:")[0].splitlines()[1:]
    assert any(line.startswith("«600» in:") for line in figure_lines)
    assert any("-> killed" in line for line in figure_lines)
    # The same figures and verdicts as the terminal, in French for the newsroom.
    figures = [line.split("» in:")[0][1:] for line in figure_lines if line.startswith("«")]
    for figure in figures:
        assert f"« {figure} » dans :" in shown, figure
    assert "killed : → killed" not in shown and ": → killed (convient" in shown
    assert "lu comme 600 (exact)" in shown
    for english in ("fits", "counted by", "the figure", "nothing in", "none of its"):
        assert english not in shown, english
    assert missing.status_code == 404


def test_the_desk_on_postgresql(postgres_url: str) -> None:
    code, output = DeskServer.replay(postgres_url)
    assert code == 0, output
    server = start_desk(postgres_url)
    try:
        alerts = server.alerts()
        with server.client() as client:
            page = client.get("/?topic=coree-du-nord-russie")
            assert alert_ids(page.text) == sorted((a["id"] for a in alerts), reverse=True)
            timeline = client.get("/topics/coree-du-nord-russie/quantities/killed").text
            assert len(re.findall(r'class="claim-mark"', timeline)) >= 3
            token = csrf_token(client)
            done = client.post(
                f"/alerts/{alerts[0]['id']}/faux-positif", data={"csrf_token": token}
            )
            assert done.status_code == 303
        stored = {a["id"]: a for a in server.alerts()}[alerts[0]["id"]]
        assert stored["false_positive"] is not None and stored["acknowledged"] is not None
    finally:
        server.stop()


def test_a_bad_claims_filter_is_explained(desk: DeskServer) -> None:
    with desk.client() as client:
        answer = client.get("/claims?show=toutes&page=2")
    assert answer.status_code == 400
    assert "Affichage « toutes » inconnu : sans-quantite ou rejetees." in text_of(answer.text)
