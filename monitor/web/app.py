"""The desk's web application: Starlette routes over the monitor database.

``create_app(settings, host)`` builds it; ``monitor web`` serves it with uvicorn. Pages are
French (newsroom staff), rendered on the server with Jinja2 (autoescape on: every text
from an article stays text); state changes are POST forms with a CSRF token; the chart of
a quantity is SVG rendered on the server (:mod:`monitor.web.timeline`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from sqlalchemy import func, select, text
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from monitor.alerts import DELIVERY_LABELS, MODALITY_LABELS, QUALIFIER_LABELS
from monitor.clock import paris_time
from monitor.errors import ConfigError, MonitorError
from monitor.figures import COUNT, UnitSpec, format_amount, format_number
from monitor.rules.loader import load_rules
from monitor.rules.matchers import RuleBook, compile_rules
from monitor.settings import Settings
from monitor.storage import curation, open_database
from monitor.storage.schema import AlertRow, ArticleRow, ClaimRow, DeliveryRow
from monitor.web import queries
from monitor.web.highlight import highlight_figures, highlight_span
from monitor.web.security import (
    CSRF_FIELD,
    check_password_hash,
    is_loopback,
    new_token,
    same_secret,
    verify_password,
)
from monitor.web.timeline import (
    accessible_svg,
    build_marks,
    chart_spec,
    render_svg,
    warm_renderer,
)

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
OPEN_PATHS = ("/login", "/healthz", "/static/")


@dataclass(frozen=True)
class DeskOptions:
    """What the application needs from the settings, checked once at start."""

    host: str
    login_required: bool
    password_hash: str | None
    token: str | None
    secret_key: str
    session_hours: float
    secure_cookie: bool
    page_size: int


def desk_options(settings: Settings, host: str) -> DeskOptions:
    """Fail fast: a desk open to the network without a password is refused."""
    web = settings.web
    login_required = not is_loopback(host)
    if web.password_hash:
        check_password_hash(web.password_hash)
    if login_required and not (web.password_hash or web.token):
        raise ConfigError(
            f"monitor web --host {host}: listening beyond this machine needs a login; set "
            "MONITOR_WEB__PASSWORD_HASH (print one with: monitor web --hash-password) or "
            "MONITOR_WEB__TOKEN, or listen on 127.0.0.1 behind a reverse proxy"
        )
    return DeskOptions(
        host=host,
        login_required=login_required,
        password_hash=web.password_hash,
        token=web.token,
        secret_key=web.secret_key or new_token(),
        session_hours=web.session_hours,
        secure_cookie=web.secure_cookie,
        page_size=web.page_size,
    )


def load_book(settings: Settings) -> RuleBook | None:
    """The rule files, for quantity labels, units and rule lines; the desk works without."""
    result = load_rules(settings.rules_dir, channels=settings.channel_names or None)
    for problem in result.problems:
        log.warning("%s", problem)
    if not result.rule_sets:
        return None
    return compile_rules(result.rule_sets, default_tolerance=settings.approx_tolerance)


def safe_next(target: str | None, default: str = "/") -> str:
    """Only a path on this site (no scheme, no host, no ``//``)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


class Desk:
    """The routes and what they share: database, rule book, templates, chart cache."""

    def __init__(self, settings: Settings, options: DeskOptions) -> None:
        self.settings = settings
        self.options = options
        self.database = open_database(settings.database_url)
        self.book = load_book(settings)
        self.templates = Environment(
            loader=PackageLoader("monitor.web", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.filters.update(
            when=lambda moment: paris_time(moment, "—"),
            number=format_number,
            qualifier=lambda q: QUALIFIER_LABELS.get(q, q),
            modality=lambda m: MODALITY_LABELS.get(m, m),
            kind=lambda k: queries.KINDS.get(k, k),
            delivery_state=lambda status: DELIVERY_LABELS.get(status, status),
            urlpart=lambda value: quote(str(value), safe=""),
        )
        self.charts: dict[tuple[Any, ...], str] = {}
        self.explain_lock = threading.Lock()
        threading.Thread(target=warm_renderer, name="vega-warm-up", daemon=True).start()

    # -- helpers --------------------------------------------------------------------

    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        session = request.session
        if "csrf" not in session:
            session["csrf"] = new_token()
        page = self.templates.get_template(name).render(
            request=request,
            csrf=Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{session["csrf"]}">'),
            signed_in=bool(session.get("user")),
            login_required=self.options.login_required,
            here=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            **context,
        )
        return HTMLResponse(page, status_code=status)

    def error(self, request: Request, status: int, title: str, message: str) -> Response:
        return self.render(request, "error.html.j2", status, title=title, message=message)

    def unit(self, topic: str, quantity: str | None) -> UnitSpec:
        compiled = self.book.quantity(topic, quantity) if self.book and quantity else None
        return compiled.unit if compiled else COUNT

    def label(self, topic: str, quantity: str | None) -> str:
        compiled = self.book.quantity(topic, quantity) if self.book and quantity else None
        return compiled.spec.label if compiled else (quantity or "—")

    def figure(self, claim: Any, topic: str | None = None) -> str:
        unit = self.unit(topic or claim.topic or "", claim.quantity)
        return format_amount(claim.low, claim.high, claim.qualifier, claim.value, unit)

    def quantities(self) -> list[tuple[str, str, str]]:
        """Every (topic, quantity, label) of the rule files, for assignment forms."""
        if self.book is None:
            return []
        return [
            (topic.id, quantity.id, quantity.spec.label)
            for topic in self.book.topics
            for quantity in topic.quantities
        ]

    async def checked_form(self, request: Request) -> dict[str, str]:
        """The form of a POST, refused with 403 unless it carries the session's token."""
        form = await request.form()
        given = form.get(CSRF_FIELD)
        expected = request.session.get("csrf")
        if not isinstance(given, str) or not expected or not same_secret(given, expected):
            raise HTTPException(403, "csrf")
        return {key: value for key, value in form.items() if isinstance(value, str)}

    # -- pages ----------------------------------------------------------------------

    def healthz(self, request: Request) -> Response:
        with self.database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return PlainTextResponse("ok")

    def alerts(self, request: Request) -> Response:
        params = dict(request.query_params)
        problem = None
        try:
            filters = queries.parse_alert_filters(params)
        except queries.FilterError as exc:
            problem, filters = str(exc), queries.AlertFilters()
        with self.database.read_session() as session:
            choices = queries.filter_choices(session)
            page = queries.list_alerts(session, filters, self.options.page_size)
            return self.render(
                request,
                "alerts.html.j2",
                400 if problem else 200,
                filters=filters,
                given=params,
                problem=problem,
                choices=choices,
                kinds=queries.KINDS,
                states=queries.STATES,
                page=page,
                desk=self,
            )

    def alert(self, request: Request) -> Response:
        alert_id = request.path_params["alert_id"]
        with self.database.read_session() as session:
            alert = queries.load_alert(session, alert_id)
            if alert is None:
                return self.error(
                    request, 404, "Alerte introuvable",
                    f"Aucune alerte n° {alert_id} dans la base. Elle a pu être supprimée, "
                    "ou le lien est erroné.",
                )  # fmt: skip
            deliveries = queries.deliveries_of(session, alert.id)
            return self.render(
                request, "alert.html.j2", alert=alert, deliveries=deliveries, desk=self,
                highlight=highlight_span,
            )  # fmt: skip

    def timeline(self, request: Request) -> Response:
        topic = request.path_params["topic"]
        quantity = request.path_params["quantity"]
        with self.database.read_session() as session:
            data = queries.timeline_data(session, topic, quantity)
            if not data.claims and not data.known and not data.alerts:
                return self.error(
                    request, 404, "Quantité introuvable",
                    f"Aucune affirmation ni alerte pour la quantité « {quantity} » du sujet "
                    f"« {topic} ». Vérifiez l'adresse ou choisissez une quantité depuis "
                    "la liste des alertes.",
                )  # fmt: skip
            marks = build_marks(data, self.unit(topic, quantity))
            svg = self.chart(data, marks, self.label(topic, quantity))
            return self.render(
                request, "timeline.html.j2", topic=topic, quantity=quantity,
                label=self.label(topic, quantity), marks=marks, chart=Markup(svg),
                alerts=data.alerts,
            )  # fmt: skip

    def chart(self, data: queries.TimelineData, marks: list[Any], label: str) -> str:
        """The SVG of a timeline, kept until a claim, known claim or alert changes it."""
        key = (
            data.topic, data.quantity, label,
            tuple((m.key, m.known, m.alert) for m in marks),
        )  # fmt: skip
        svg = self.charts.get(key)
        if svg is None:
            svg = accessible_svg(render_svg(chart_spec(marks, label)))
            if len(self.charts) > 256:
                self.charts.clear()
            self.charts[key] = svg
        return svg

    def article(self, request: Request) -> Response:
        article_id = request.path_params["article_id"]
        with self.database.read_session() as session:
            article = queries.load_article(session, article_id)
            if article is None:
                return self.error(
                    request, 404, "Article introuvable", f"Aucun article n° {article_id}."
                )
            claims = queries.article_claims(session, article.id)
            raised = queries.article_alerts(session, article.id)
            evidence = queries.article_evidence(session, article.id)
            fates = {claim.id: self.fate(claim, raised, evidence) for claim in claims}
            body = highlight_figures(article.text, claims, fates)
            return self.render(
                request, "article.html.j2", article=article, claims=claims, fates=fates,
                body=body, desk=self,
            )  # fmt: skip

    def explanation(self, request: Request) -> Response:
        """``monitor explain --article ID`` in the page: how each figure was read and why
        it went to its quantity or to none (the reader runs again on the stored text)."""
        article_id = request.path_params["article_id"]
        with self.database.read_session() as session:
            article = queries.load_article(session, article_id)
            if article is None:
                return self.error(
                    request, 404, "Article introuvable", f"Aucun article n° {article_id}."
                )
            title, body, published = article.title, article.text, article.published
        if self.book is None:
            return self.error(
                request, 503, "Explication indisponible",
                f"Aucun fichier de règles lisible dans {self.settings.rules_dir} : le pupitre "
                "ne peut pas dire à quelle quantité irait chaque chiffre.",
            )  # fmt: skip
        from monitor.claims.extractor import find_claims
        from monitor.explain import explain
        from monitor.web.french import describe_in_french

        with self.explain_lock:  # one reading at a time: the French model is shared
            topics, explanations = explain(
                self.book, find_claims, body, title=title, published=published
            )
        return self.render(
            request, "explanation.html.j2", article_id=article_id, title=title,
            topics=[topic.id for topic in topics],
            figures=[(e.claim.value_text, describe_in_french(e)) for e in explanations],
        )  # fmt: skip

    def fate(
        self, claim: ClaimRow, raised: dict[int, AlertRow], evidence: dict[int, AlertRow]
    ) -> str:
        """What became of a figure, in French."""
        if claim.quantity is None:
            return "aucune quantité suivie ne lui correspond"
        where = f"{self.label(claim.topic or '', claim.quantity)} ({claim.topic})"
        if claim.rejected_at:
            return f"{where} : rejeté par la rédaction"
        if claim.earlier:
            return f"{where} : chiffre ancien, comparé à rien"
        if claim.id in raised:
            alert = raised[claim.id]
            return f"{where} : a levé l'alerte n° {alert.id} ({queries.KINDS.get(alert.kind)})"
        if claim.id in evidence:
            return f"{where} : confirme l'alerte n° {evidence[claim.id].id}"
        return f"{where} : déjà connu, rien de nouveau"

    def claims(self, request: Request) -> Response:
        params = dict(request.query_params)
        problem = None
        try:
            filters = queries.parse_claim_filters(params)
        except queries.FilterError as exc:
            problem, filters = str(exc), queries.ClaimFilters()
        with self.database.read_session() as session:
            page = queries.list_claims(session, filters, self.options.page_size)
            return self.render(
                request, "claims.html.j2", 400 if problem else 200, page=page,
                filters=filters, problem=problem, desk=self, quantities=self.quantities(),
            )  # fmt: skip

    def sources(self, request: Request) -> Response:
        with self.database.read_session() as session:
            rows = queries.list_sources(session)
            return self.render(request, "sources.html.j2", sources=rows, now=datetime.now(UTC))

    def outbox(self, request: Request) -> Response:
        status = request.query_params.get("status", "")
        if status and status not in queries.DELIVERY_STATES:
            return self.error(
                request, 400, "Filtre invalide",
                f"État « {status} » inconnu : choisissez parmi "
                f"{', '.join(queries.DELIVERY_STATES)}.",
            )  # fmt: skip
        with self.database.read_session() as session:
            rows = queries.list_deliveries(session, status, self.options.page_size * 4)
            counts = queries.delivery_counts(session)
            return self.render(
                request, "outbox.html.j2", deliveries=rows, counts=counts, wanted=status
            )

    # -- actions (POST, CSRF-checked) ------------------------------------------------

    async def act(
        self, request: Request, action: Callable[[dict[str, str]], str | None]
    ) -> Response:
        """Check the token, run ``action`` in a worker thread, go back where the person was.

        ``action`` returns an error message for the person, or None when done."""
        form = await self.checked_form(request)
        try:
            problem = await run_in_threadpool(action, form)
        except MonitorError as exc:
            problem = str(exc)
        if problem:
            return self.error(request, 400, "Action impossible", problem)
        return RedirectResponse(safe_next(form.get("next")), status_code=303)

    async def acknowledge(self, request: Request) -> Response:
        alert_id = request.path_params["alert_id"]

        def action(form: dict[str, str]) -> str | None:
            with self.database.session() as session:
                if session.get(AlertRow, alert_id) is None:
                    return f"Aucune alerte n° {alert_id}."
                curation.acknowledge_alert(session, alert_id)
            return None

        return await self.act(request, action)

    async def false_positive(self, request: Request) -> Response:
        alert_id = request.path_params["alert_id"]

        def action(form: dict[str, str]) -> str | None:
            with self.database.session() as session:
                if session.get(AlertRow, alert_id) is None:
                    return f"Aucune alerte n° {alert_id}."
                marked = form.get("value", "1") != "0"
                curation.mark_false_positive(session, alert_id, false_positive=marked)
            return None

        return await self.act(request, action)

    async def accept(self, request: Request) -> Response:
        claim_id = request.path_params["claim_id"]

        def action(form: dict[str, str]) -> str | None:
            with self.database.session() as session:
                claim = session.get(ClaimRow, claim_id)
                if claim is None:
                    return f"Aucune affirmation n° {claim_id}."
                if claim.quantity is None:
                    return (
                        f"L'affirmation n° {claim_id} n'a pas de quantité : "
                        "attribuez-lui d'abord une quantité."
                    )
                curation.accept_claim(session, claim_id)
            return None

        return await self.act(request, action)

    async def reject(self, request: Request) -> Response:
        claim_id = request.path_params["claim_id"]

        def action(form: dict[str, str]) -> str | None:
            with self.database.session() as session:
                if session.get(ClaimRow, claim_id) is None:
                    return f"Aucune affirmation n° {claim_id}."
                curation.reject_claim(session, claim_id, rejected=form.get("value", "1") != "0")
            return None

        return await self.act(request, action)

    async def assign(self, request: Request) -> Response:
        claim_id = request.path_params["claim_id"]

        def action(form: dict[str, str]) -> str | None:
            topic, _, quantity = form.get("target", "").partition("/")
            if (topic, quantity) not in {(t, q) for t, q, _ in self.quantities()}:
                return f"Quantité « {form.get('target', '')} » inconnue des fichiers de règles."
            with self.database.session() as session:
                if session.get(ClaimRow, claim_id) is None:
                    return f"Aucune affirmation n° {claim_id}."
                curation.assign_claim(session, claim_id, topic, quantity)
            return None

        return await self.act(request, action)

    async def retry(self, request: Request) -> Response:
        delivery_id = request.path_params["delivery_id"]

        def action(form: dict[str, str]) -> str | None:
            with self.database.session() as session:
                row = session.get(DeliveryRow, delivery_id)
                if row is None:
                    return f"Aucun envoi n° {delivery_id}."
                if row.status not in ("failed", "expired"):
                    return f"L'envoi n° {delivery_id} n'a pas échoué ({row.status})."
                row.status, row.next_attempt_at = "pending", datetime.now(UTC)
            return None

        return await self.act(request, action)

    # -- login ----------------------------------------------------------------------

    def login_page(self, request: Request) -> Response:
        return self.render(
            request, "login.html.j2", next=safe_next(request.query_params.get("next")),
            problem=None,
        )  # fmt: skip

    async def login(self, request: Request) -> Response:
        form = await self.checked_form(request)
        secret = form.get("password", "")
        options = self.options
        valid = bool(secret) and (
            (options.token is not None and same_secret(secret, options.token))
            or (
                options.password_hash is not None
                and await run_in_threadpool(verify_password, secret, options.password_hash)
            )
        )
        target = safe_next(form.get("next"))
        if not valid:
            return self.render(
                request, "login.html.j2", 401, next=target,
                problem="Mot de passe incorrect.",
            )  # fmt: skip
        request.session.clear()
        request.session.update({"user": "desk", "csrf": new_token(), "since": time.time()})
        return RedirectResponse(target, status_code=303)

    async def logout(self, request: Request) -> Response:
        await self.checked_form(request)
        request.session.clear()
        return RedirectResponse("/login" if self.options.login_required else "/", 303)


class LoginRequired(BaseHTTPMiddleware):
    """Every page but the login form, the health check and the assets needs a session."""

    def __init__(self, app: Any, *, enabled: bool) -> None:
        super().__init__(app)
        self.enabled = enabled

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        path = request.url.path
        if self.enabled and not request.session.get("user") and not path.startswith(OPEN_PATHS):
            if request.method != "GET":
                return PlainTextResponse("Connexion requise.", status_code=403)
            wanted = path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse("/login?" + urlencode({"next": wanted}), status_code=303)
        return await call_next(request)


class SecurityHeaders(BaseHTTPMiddleware):
    """Scripts and styles only from this site; no framing; no MIME sniffing. Also says in
    ``Server-Timing`` how long the page took on the server (the benchmark reads it)."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        elapsed = (time.perf_counter() - started) * 1000
        response.headers["Server-Timing"] = f"app;dur={elapsed:.1f}"
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response


def create_app(settings: Settings, host: str | None = None) -> Starlette:
    """The desk for ``settings``; ``host`` is the address it will listen on (login is
    required unless it is a loopback address)."""
    options = desk_options(settings, host or settings.web.host)
    desk = Desk(settings, options)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 403:
            return desk.error(
                request, 403, "Action refusée",
                "Ce formulaire a expiré ou ne vient pas de cette page (jeton de sécurité "
                "absent ou invalide). Rechargez la page et recommencez.",
            )  # fmt: skip
        if exc.status_code == 405:
            return desk.error(
                request, 405, "Méthode non permise", "Cette adresse ne sert pas à cela."
            )
        return desk.error(
            request, 404, "Page introuvable",
            "Cette adresse ne correspond à aucune page du pupitre. Revenez à la liste des "
            "alertes.",
        )  # fmt: skip

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("error on %s %s", request.method, request.url.path)
        return HTMLResponse(
            "<!doctype html><html lang=fr><meta charset=utf-8><title>Erreur</title>"
            "<h1>Erreur du serveur</h1><p>La page n'a pas pu être affichée ; l'erreur est "
            "écrite dans le journal du serveur.</p><p><a href=/>Retour aux alertes</a></p>",
            status_code=500,
        )

    def sync(handler: Callable[[Request], Response]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            return await run_in_threadpool(handler, request)

        return endpoint

    routes = [
        Route("/healthz", sync(desk.healthz)),
        Route("/", sync(desk.alerts), name="alerts"),
        Route("/alerts/{alert_id:int}", sync(desk.alert)),
        Route("/alerts/{alert_id:int}/acquitter", desk.acknowledge, methods=["POST"]),
        Route("/alerts/{alert_id:int}/faux-positif", desk.false_positive, methods=["POST"]),
        Route("/topics/{topic}/quantities/{quantity}", sync(desk.timeline)),
        Route("/articles/{article_id:int}", sync(desk.article)),
        Route("/articles/{article_id:int}/explication", sync(desk.explanation)),
        Route("/claims", sync(desk.claims)),
        Route("/claims/{claim_id:int}/accepter", desk.accept, methods=["POST"]),
        Route("/claims/{claim_id:int}/rejeter", desk.reject, methods=["POST"]),
        Route("/claims/{claim_id:int}/attribuer", desk.assign, methods=["POST"]),
        Route("/sources", sync(desk.sources)),
        Route("/outbox", sync(desk.outbox)),
        Route("/outbox/{delivery_id:int}/reessayer", desk.retry, methods=["POST"]),
        Route("/login", sync(desk.login_page), methods=["GET"]),
        Route("/login", desk.login, methods=["POST"]),
        Route("/logout", desk.logout, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(
            SessionMiddleware,
            secret_key=options.secret_key,
            session_cookie="monitor_desk",
            max_age=int(options.session_hours * 3600),
            same_site="lax",
            https_only=options.secure_cookie,
        ),
        Middleware(LoginRequired, enabled=options.login_required),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: on_http_error, Exception: on_crash},
    )
    app.state.desk = desk
    return app


def count_rows(desk: Desk) -> dict[str, int]:
    """Rows per table the pages read (for the benchmark's report)."""
    with desk.database.read_session() as session:
        return {
            "claims": session.scalar(select(func.count()).select_from(ClaimRow)) or 0,
            "alerts": session.scalar(select(func.count()).select_from(AlertRow)) or 0,
            "articles": session.scalar(select(func.count()).select_from(ArticleRow)) or 0,
        }
