"""The desk in a real browser: Debian's Chromium driven by Playwright (executable_path).

Every action is also checked in the database; a screenshot of each page is kept in
build/test-artefacts/web.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from monitor.storage import Database
from monitor.storage.schema import ClaimRow
from monitor.web.security import hash_password
from tests.web.conftest import DeskServer, screenshot, start_desk, wait_for
from tests.web.test_http import add_hostile_alert

KILLED = "/topics/coree-du-nord-russie/quantities/killed"


def focused(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => { const e = document.activeElement;
        return {tag: e.tagName.toLowerCase(), text: (e.innerText || '').trim(),
                label: e.getAttribute('aria-label') || '', id: e.id || '',
                key: e.outerHTML.slice(0, 300)}; }"""
    )


def tab_until(page: Any, wanted: str, limit: int = 400) -> dict[str, str]:
    """Press Tab until the focused element's label or text contains ``wanted``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if wanted in element["label"] or wanted in element["text"]:
            return element
    raise AssertionError(f"Tab never reached {wanted!r}")


def test_alerts_page_lists_the_replayed_seed_alerts(desk: DeskServer, page: Any) -> None:
    alerts = desk.alerts()
    page.goto(desk.url + "/")
    cards = page.locator("li.alert")
    assert cards.count() == len(alerts) == 17
    assert page.locator("h1").inner_text() == "Alertes"
    first = cards.first.locator("h2").inner_text()
    assert first == max(alerts, key=lambda a: a["id"])["summary"]
    screenshot(page, "alerts")


def test_filtering_by_kind_in_the_form(desk: DeskServer, page: Any) -> None:
    contradictions = [a for a in desk.alerts() if a["kind"] == "contradiction"]
    page.goto(desk.url + "/")
    page.select_option("select[name=kind]", "contradiction")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**kind=contradiction**")
    assert page.locator("li.alert").count() == len(contradictions) == 3
    page.fill("input[name=since]", "2030-01-01")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**since=2030-01-01**")
    assert page.locator("li.empty").inner_text() == "Aucune alerte ne correspond à ces filtres."
    screenshot(page, "alerts-filtered")


def test_acknowledge_with_the_keyboard_only(desk: DeskServer, page: Any) -> None:
    newest = max(desk.alerts(), key=lambda a: a["id"])
    page.goto(desk.url + "/")
    tab_until(page, f"Acquitter l'alerte n° {newest['id']}")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    wait_for(
        lambda: page.locator(f"#alerte-{newest['id']} .state").count() > 0,
        "the card to say it is acknowledged",
    )
    assert (
        page.locator(f"#alerte-{newest['id']} .state")
        .first.inner_text()
        .startswith("Acquittée le ")
    )
    stored = {a["id"]: a for a in desk.alerts()}[newest["id"]]
    assert stored["acknowledged"] is not None and stored["false_positive"] is None


def test_mark_a_false_positive(desk: DeskServer, page: Any) -> None:
    kursk = next(a for a in desk.alerts() if a["quantity"] == "troops_kursk")
    page.goto(desk.url + f"/alerts/{kursk['id']}")
    page.get_by_role("button", name=f"Marquer l'alerte n° {kursk['id']} comme faux positif").click()
    page.wait_for_url(desk.url + f"/alerts/{kursk['id']}")
    assert page.locator(".state.fp").inner_text() == "Faux positif"
    stored = {a["id"]: a for a in desk.alerts()}[kursk["id"]]
    assert stored["false_positive"] is not None
    code, output = desk.cli("alerts", "list")
    line = next(x for x in output.splitlines() if x.startswith(f"#{kursk['id']} "))
    assert code == 0 and line.endswith(" [faux positif]")
    screenshot(page, "alert")


@pytest.mark.parametrize("path", ["/", "/alerts/1", "/claims", KILLED, "/articles/5"])
def test_keyboard_reaches_every_action(desk: DeskServer, page: Any, path: str) -> None:
    page.goto(desk.url + path)
    count = page.evaluate(
        """() => { const all = document.querySelectorAll(
                 'a[href], button, select, input:not([type=hidden]), [tabindex="0"]');
               all.forEach((e, i) => e.setAttribute('data-k', String(i)));
               return all.length; }"""
    )
    reached = set()
    for _ in range(count + 20):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement.getAttribute('data-k')"))
    missing = {str(i) for i in range(count)} - reached
    assert count > 5 and not missing, [
        page.evaluate(f"() => document.querySelector('[data-k=\"{i}\"]').outerHTML")
        for i in missing
    ]


def test_the_killed_timeline_has_one_mark_per_claim_with_300_and_600(
    desk: DeskServer, page: Any
) -> None:
    database = Database(desk.database_url)
    with database.session() as session:
        claims = list(
            session.scalars(
                select(ClaimRow.id).where(
                    ClaimRow.topic == "coree-du-nord-russie", ClaimRow.quantity == "killed"
                )
            )
        )
    database.dispose()
    page.goto(desk.url + KILLED)
    marks = page.locator("svg .claim-mark")
    assert marks.count() == len(claims) >= 3
    labels = [marks.nth(i).get_attribute("aria-label") for i in range(marks.count())]
    assert any(": 600 —" in label for label in labels)
    assert any(": environ 300 —" in label or ": 300 —" in label for label in labels)
    table = page.locator("table").inner_text()
    assert "600" in table and "environ 300" in table
    # Keyboard: focusing a point writes its sentence under the chart.
    tab_until(page, "Affirmation n° ")
    detail = page.locator("#mark-detail").inner_text()
    assert detail.startswith("Affirmation n° ") and "«" in detail
    screenshot(page, "timeline")


def test_a_hostile_title_stays_text(desk: DeskServer, page: Any) -> None:
    alert_id, article_id = add_hostile_alert(desk.database_url)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("/", f"/alerts/{alert_id}", f"/articles/{article_id}", KILLED):
        page.goto(desk.url + path)
        assert page.evaluate("() => window.__pwned") is None, path
        assert page.locator("main script, main img").count() == 0, path
    page.goto(desk.url + f"/articles/{article_id}")
    assert page.locator("h1").inner_text() == (
        '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    )
    assert dialogs == []
    screenshot(page, "article-hostile")


def test_a_post_without_csrf_token_gets_403(desk: DeskServer, page: Any) -> None:
    page.goto(desk.url + "/")
    status = page.evaluate(
        """async () => (await fetch('/alerts/1/acquitter', {method: 'POST',
              body: new URLSearchParams({next: '/'})})).status"""
    )
    assert status == 403
    assert all(a["acknowledged"] is None for a in desk.alerts())


def test_a_claim_accepted_in_the_browser_is_known(desk: DeskServer, page: Any) -> None:
    page.goto(desk.url + "/claims")
    button = page.get_by_role("button", name="Accepter l'affirmation n° ").first
    label = button.get_attribute("aria-label")
    claim_id = int(label.split("n° ")[1].split()[0])
    screenshot(page, "claims")
    button.click()
    page.wait_for_load_state()
    wait_for(
        lambda: page.locator(f"#affirmation-{claim_id} .state").count() > 0,
        "the claim to show as known",
    )
    code, output = desk.cli("known", "list", "--json")
    assert code == 0
    assert claim_id in [json.loads(line)["claim_id"] for line in output.splitlines()]


def test_other_pages_render(desk: DeskServer, page: Any) -> None:
    pages = (
        ("article", "/articles/5"), ("explanation", "/articles/5/explication"),
        ("sources", "/sources"), ("outbox", "/outbox"),
    )  # fmt: skip
    for name, path in pages:
        answer = page.goto(desk.url + path)
        assert answer.status == 200, path
        screenshot(page, name)
    answer = page.goto(desk.url + "/alerts/4242")
    assert answer.status == 404 and page.locator("h1").inner_text() == "Alerte introuvable"
    screenshot(page, "not-found")


def test_phone_width_has_no_horizontal_scroll(desk: DeskServer, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR")
    page = context.new_page()
    try:
        for path in ("/", KILLED):
            page.goto(desk.url + path)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, path
        screenshot(page, "timeline-phone")
    finally:
        context.close()


def test_login_is_required_when_not_on_loopback(database_file: Path, page: Any) -> None:
    server = start_desk(database_file, host="0.0.0.0", password_hash=hash_password("s3cret desk"))
    try:
        page.goto(server.url + "/alerts/1")
        assert page.url.startswith(server.url + "/login")
        screenshot(page, "login")
        page.fill("#password", "wrong")
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        assert page.locator(".problem").inner_text() == "Mot de passe incorrect."
        page.fill("#password", "s3cret desk")
        page.keyboard.press("Enter")
        page.wait_for_url(server.url + "/alerts/1")
        first = {a["id"]: a for a in server.alerts()}[1]
        assert page.locator("h1").inner_text() == first["summary"]
        cookie = next(c for c in page.context.cookies() if c["name"] == "monitor_desk")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    finally:
        server.stop()
