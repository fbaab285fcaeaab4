"""The daemon: APScheduler 3 drives crawls, deliveries, digests, reloads and housekeeping.

- Each source is crawled on its own interval (with jitter, coalesced, one at a time, a
  misfire grace time) by a child process, ``monitor crawl --once --source NAME``: the
  long-lived daemon never runs Twisted, so memory stays flat over months; a crawl that
  hangs is killed at a deadline and reported on its source.
- The outbox is sent every few seconds (digests and quiet hours are the outbox's own
  schedule); rules and sources are reloaded on SIGHUP and when their files change;
  housekeeping runs daily; health checks raise and clear operator alerts.
- Rule files and the sources file are validated by the daemon, and the crawls read a
  copy of the last good version of each (``<state_dir>/active``): a broken edit keeps
  the previous version running and raises an operator alert until it is fixed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import select

from monitor import __version__, metrics
from monitor.delivery.registry import ChannelRegistry
from monitor.errors import ConfigError, MonitorError
from monitor.operator import OperatorProblem, outbox_problems, reconcile, source_problems
from monitor.rules.loader import display, load_rule_file, rule_files
from monitor.service import Notifier, Shutdown, watchdog_seconds
from monitor.settings import Settings
from monitor.storage import Database, open_database
from monitor.storage.schema import DaemonStateRow, SourceRow
from spiders.xmlsafety import expat_warning

log = logging.getLogger("monitor.daemon")
PARIS = "Europe/Paris"


@dataclass
class CrawlOutcome:
    source: str
    returncode: int | None
    seconds: float
    timed_out: bool = False
    report: dict[str, Any] = field(default_factory=dict)
    stderr: str = ""


class ActiveFiles:
    """The last good rule files and sources file, copied where the crawls read them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = settings.daemon.state_dir / "active"
        self.rules_dir = self.root / "rules"
        self.signatures: dict[Path, tuple[int, int]] = {}

    def sources_file(self) -> Path | None:
        path = self.root / "sources.yaml"
        return path if path.exists() else None

    def changed(self) -> bool:
        return self._signatures() != self.signatures

    def refresh(self) -> list[OperatorProblem]:
        """Copy every valid file in; keep the last good copy of broken ones."""
        self.rules_dir.mkdir(parents=True, exist_ok=True)
        self.signatures = self._signatures()
        problems: list[OperatorProblem] = []
        source_dir = self.settings.rules_dir
        if not source_dir.is_dir():
            raise ConfigError(f"{source_dir}: rules directory not found (set MONITOR_RULES_DIR)")
        present = {path.name for path in rule_files(source_dir)}
        for stale in rule_files(self.rules_dir):
            if stale.name not in present:
                stale.unlink()
        for path in rule_files(source_dir):
            rule_set, file_problems = load_rule_file(path)
            if rule_set is None:
                kept = (self.rules_dir / path.name).exists()
                detail = "; ".join(str(problem) for problem in file_problems[:3])
                what = "la dernière version valide reste active" if kept else "fichier ignoré"
                problems.append(
                    OperatorProblem(
                        key=f"rules:{display(path)}",
                        message=f"fichier de règles invalide ({what}) : {detail}",
                    )
                )
                log.error("rule file %s is broken, %s: %s", display(path), what, detail)
                continue
            shutil.copyfile(path, self.rules_dir / path.name)
        if not rule_files(self.rules_dir):
            raise ConfigError(f"{source_dir}: no valid rule file (see: monitor rules check)")
        problems.extend(self._refresh_sources())
        return problems

    def _refresh_sources(self) -> list[OperatorProblem]:
        from monitor.sources import EMPTY_SOURCES, SourcesError, load_sources, missing_hint

        path = self.settings.sources_file
        try:
            load_sources(path, min_interval=self.settings.crawl_min_interval_seconds)
        except SourcesError as exc:
            log.error("sources file %s is broken, keeping the last good one: %s", path, exc)
            return [
                OperatorProblem(
                    key=f"sources:{path}",
                    message=f"fichier de sources invalide, la dernière version valide reste "
                    f"active : {exc}",
                )
            ]
        self.root.mkdir(parents=True, exist_ok=True)
        if path.exists():
            shutil.copyfile(path, self.root / "sources.yaml")
        else:
            log.warning("%s", missing_hint(path))
            (self.root / "sources.yaml").write_text(EMPTY_SOURCES, encoding="utf-8")
        return []

    def _signatures(self) -> dict[Path, tuple[int, int]]:
        paths = [*rule_files(self.settings.rules_dir)] if self.settings.rules_dir.is_dir() else []
        paths.append(self.settings.sources_file)
        signatures = {}
        for path in paths:
            try:
                stat = path.stat()
            except OSError:
                continue
            signatures[path] = (stat.st_mtime_ns, stat.st_size)
        return signatures


class Daemon:
    """``monitor run``: one process, one scheduler, crawls in child processes."""

    def __init__(
        self,
        settings: Settings,
        *,
        config_file: Path | None = None,
        notifier: Notifier | None = None,
        shutdown: Shutdown | None = None,
    ) -> None:
        self.settings = settings
        self.config_file = config_file
        self.notifier = notifier or Notifier()
        self.shutdown = shutdown or Shutdown()
        self.database: Database | None = None
        self.active = ActiveFiles(settings)
        self.scheduler = BackgroundScheduler(
            timezone=UTC,
            executors={
                "crawl": ThreadPoolExecutor(settings.daemon.crawl_concurrency),
                "default": ThreadPoolExecutor(4),
            },
            job_defaults={"coalesce": True, "max_instances": 1},
        )
        self.children: dict[str, subprocess.Popen[str]] = {}
        self.children_lock = threading.Lock()
        self.judge_lock = threading.Lock()
        self.state_id: int | None = None
        self.file_problems: list[OperatorProblem] = []
        self.activity = "starting"

    # -- life cycle -------------------------------------------------------------------

    def start(self) -> None:
        """Check settings, database and rules (fail fast), then schedule everything."""
        self.settings.daemon.state_dir.mkdir(parents=True, exist_ok=True)
        self.database = open_database(self.settings.database_url)
        self.file_problems = self.active.refresh()
        for message in ChannelRegistry(self.settings).problems().values():
            # The other channels keep working; this one's deliveries wait for a fix.
            log.error("%s; its deliveries wait until the settings are fixed", message)
        expat = expat_warning()
        if expat is not None:
            log.warning("%s", expat)
        self._record_start()
        self._schedule_sources()
        daemon = self.settings.daemon
        self.scheduler.add_job(
            self.deliver, IntervalTrigger(seconds=daemon.deliver_interval_seconds),
            id="deliver", misfire_grace_time=60,
        )  # fmt: skip
        # What a crawl stored and the daemon did not judge before it stopped, judged now.
        self.scheduler.add_job(self.judge, id="judge", next_run_time=datetime.now(UTC))
        self.scheduler.add_job(
            self.check_files, IntervalTrigger(seconds=daemon.reload_check_seconds),
            id="reload", misfire_grace_time=60,
        )  # fmt: skip
        self.scheduler.add_job(
            self.check_health, IntervalTrigger(seconds=daemon.health_check_seconds),
            id="health", misfire_grace_time=300, next_run_time=datetime.now(UTC),
        )  # fmt: skip
        hour, minute = (int(part) for part in daemon.housekeeping_time.split(":"))
        self.scheduler.add_job(
            self.housekeeping, CronTrigger(hour=hour, minute=minute, timezone=PARIS),
            id="housekeeping", misfire_grace_time=3600,
        )  # fmt: skip
        interval = watchdog_seconds()
        if interval:
            self.scheduler.add_job(self.heartbeat, IntervalTrigger(seconds=interval), id="watchdog")
        self.scheduler.add_job(self.record_heartbeat, IntervalTrigger(seconds=30), id="heartbeat")
        self.scheduler.start()
        sources = len([job for job in self.scheduler.get_jobs() if job.id.startswith("crawl:")])
        self.set_activity(f"running: {sources} sources scheduled")
        self.notifier.ready(self.activity)
        log.info("daemon started (pid %d): %s", os.getpid(), self.activity)

    def serve(self) -> int:
        """Run until stopped; returns the exit code."""
        self.shutdown.install()
        self.start()
        while not self.shutdown.stop.wait(timeout=0.5):
            if self.shutdown.reload.is_set():
                self.shutdown.reload.clear()
                self.reload()
        return self.stop()

    def stop(self) -> int:
        """Stop scheduling, let running work finish or leave it pending, within the timeout."""
        timeout = self.settings.daemon.stop_timeout_seconds
        self.notifier.stopping("stopping: waiting for running work")
        self.set_activity("stopping")
        deadline = time.monotonic() + timeout
        self.scheduler.pause()
        with self.children_lock:
            children = list(self.children.items())
        for name, child in children:
            log.info("stopping the crawl of %s (pid %d)", name, child.pid)
            _signal_group(child, signal.SIGTERM)
        waiter = threading.Thread(target=self.scheduler.shutdown, kwargs={"wait": True})
        waiter.start()
        waiter.join(timeout=max(0.0, deadline - time.monotonic() - 1))
        if waiter.is_alive():
            with self.children_lock:
                children = list(self.children.items())
            for _name, child in children:
                _signal_group(child, signal.SIGKILL)
            log.warning("stop timeout reached: unfinished work stays pending for the next run")
        self._record_stop()
        log.info("daemon stopped")
        return 0

    def set_activity(self, activity: str) -> None:
        self.activity = activity
        self.notifier.status(activity)

    # -- jobs -------------------------------------------------------------------------

    def _schedule_sources(self) -> None:
        from monitor.sources import load_sources

        active = self.active.sources_file()
        floor = self.settings.crawl_min_interval_seconds
        declared = load_sources(active, min_interval=floor) if active else None
        wanted = {}
        for source in declared.sources if declared else []:
            if source.enabled:
                wanted[f"crawl:{source.name}"] = source
        for job in self.scheduler.get_jobs():
            if job.id.startswith("crawl:") and job.id not in wanted:
                job.remove()
        fraction = self.settings.daemon.jitter_fraction
        for job_id, source in wanted.items():
            seconds = int(source.interval)
            trigger = IntervalTrigger(seconds=seconds, jitter=max(1, int(seconds * fraction)))
            first = datetime.now(UTC) + timedelta(seconds=random.uniform(0, min(30, seconds)))
            existing = self.scheduler.get_job(job_id)
            if existing is not None:
                existing.reschedule(trigger)
                continue
            self.scheduler.add_job(
                self.crawl, trigger, args=[source.name], id=job_id, executor="crawl",
                misfire_grace_time=seconds, next_run_time=first,
            )  # fmt: skip

    def crawl(self, name: str) -> CrawlOutcome | None:
        """Crawl one source in a child process, killed if it outlives the deadline."""
        assert self.database is not None
        if self.shutdown.stop.is_set():
            return None
        if not self._due(name):
            return None
        # The child only collects; this process judges (its French model stays loaded).
        command = [
            sys.executable, "-m", "monitor", "crawl", "--once", "--collect-only",
            "--source", name, "--json",
        ]  # fmt: skip
        env = {**os.environ, **self.child_environment()}
        started = time.monotonic()
        child = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True,
        )  # fmt: skip
        with self.children_lock:
            self.children[name] = child
        outcome = CrawlOutcome(name, None, 0.0)
        try:
            stdout, stderr = child.communicate(timeout=self.settings.daemon.crawl_deadline_seconds)
        except subprocess.TimeoutExpired:
            _signal_group(child, signal.SIGTERM)
            try:
                stdout, stderr = child.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                _signal_group(child, signal.SIGKILL)
                stdout, stderr = child.communicate()
            outcome.timed_out = True
        finally:
            with self.children_lock:
                self.children.pop(name, None)
        outcome.returncode = child.returncode
        outcome.seconds = time.monotonic() - started
        outcome.stderr = stderr[-2000:]
        outcome.report = _last_json(stdout)
        self._after_crawl(outcome)
        self.judge()
        return outcome

    def child_environment(self) -> dict[str, str]:
        environment = {
            "MONITOR_DATABASE_URL": self.settings.database_url,
            "MONITOR_RULES_DIR": str(self.active.rules_dir),
        }
        sources = self.active.sources_file()
        if sources is not None:
            environment["MONITOR_SOURCES_FILE"] = str(sources)
        if self.config_file is not None:
            environment["MONITOR_CONFIG"] = str(self.config_file)
        return environment

    def _due(self, name: str) -> bool:
        """A failing source waits for its backoff, whatever the job's interval."""
        assert self.database is not None
        with self.database.session() as session:
            row = session.scalar(select(SourceRow).where(SourceRow.name == name))
        if row is None or row.next_attempt_at is None or row.consecutive_errors == 0:
            return True
        return row.next_attempt_at <= datetime.now(UTC)

    def _after_crawl(self, outcome: CrawlOutcome) -> None:
        metrics.observe_crawl(outcome.source, outcome.seconds, outcome.report, outcome.timed_out)
        if self.shutdown.stop.is_set() and outcome.returncode not in (0, 1):
            # The daemon stopped it: not the source's failure. What it had not stored is
            # fetched again at the next start.
            log.info("%s: crawl stopped with the daemon; the next start polls it again",
                     outcome.source)  # fmt: skip
            return
        if outcome.timed_out:
            message = (
                f"crawl killed after {self.settings.daemon.crawl_deadline_seconds:g} s "
                "(deadline); the next run starts afresh"
            )
            log.error("%s: %s", outcome.source, message)
            self._record_source_error(outcome.source, "CrawlTimeout", message)
        elif outcome.returncode not in (0, 1):
            message = f"crawl process exited with {outcome.returncode}: {outcome.stderr.strip()}"
            log.error("%s: %s", outcome.source, message[-500:])
            self._record_source_error(outcome.source, "CrawlCrashed", message[-1000:])
        else:
            log.info(
                "%s: crawled in %.1f s (%s)", outcome.source, outcome.seconds,
                _summary(outcome.report),
            )  # fmt: skip

    def _record_source_error(self, name: str, error_class: str, message: str) -> None:
        assert self.database is not None
        now = datetime.now(UTC)
        with self.database.session() as session:
            row = session.scalar(select(SourceRow).where(SourceRow.name == name))
            if row is None:
                return
            row.consecutive_errors += 1
            row.last_error_class, row.last_error_status = error_class, None
            row.last_error_message, row.last_error_at = message, now

    def judge(self) -> None:
        """Judge the articles the crawls stored, oldest publication first, one at a time
        across the crawl threads; the French model is loaded once, on the first."""
        from monitor.commands import build_rule_book
        from monitor.pipeline import Pipeline

        assert self.database is not None
        with self.judge_lock:
            if self.shutdown.stop.is_set():
                return
            try:
                settings = self.settings.model_copy(update={"rules_dir": self.active.rules_dir})
                pipeline = Pipeline(
                    self.database, build_rule_book(settings), channels=settings.channel_names
                )
                result = pipeline.judge_pending()
            except MonitorError as exc:
                log.error("judging the stored articles failed: %s", exc)
                return
            if result.articles:
                log.info(
                    "judged %d articles: %d claims, %d new alerts",
                    result.articles, result.claims, len(result.alert_ids),
                )  # fmt: skip

    def deliver(self) -> None:
        from monitor.delivery import deliver

        assert self.database is not None
        try:
            report = deliver(self.database, self.settings)
        except MonitorError as exc:
            log.error("delivery pass failed: %s", exc)
            return
        metrics.observe_delivery(report)

    def check_files(self) -> None:
        if self.active.changed():
            self.reload()

    def reload(self) -> None:
        """Read rules and sources again; broken files keep their last good version."""
        try:
            self.file_problems = self.active.refresh()
        except ConfigError as exc:
            log.error("reload failed, keeping the running configuration: %s", exc)
            self.file_problems = [
                OperatorProblem(key="rules:", message=f"rechargement impossible : {exc}")
            ]
        self._schedule_sources()
        self.check_files_health()
        log.info("rules and sources reloaded")

    def check_files_health(self) -> None:
        assert self.database is not None
        for scope in ("rules:", "sources:"):
            problems = [p for p in self.file_problems if p.key.startswith(scope)]
            reconcile(self.database, self.settings, problems, scope=scope)

    def check_health(self) -> None:
        assert self.database is not None
        now = datetime.now(UTC)
        reconcile(
            self.database, self.settings, source_problems(self.database, self.settings, now),
            scope="source:", now=now,
        )  # fmt: skip
        reconcile(
            self.database, self.settings, outbox_problems(self.database, self.settings, now),
            scope="outbox", now=now,
        )  # fmt: skip
        self.check_files_health()
        metrics.observe_queue(self.database)

    def housekeeping(self) -> None:
        """Prune old raw pages and give SQLite's write-ahead log back to the disk."""
        from monitor import housekeeping

        assert self.database is not None
        housekeeping.run(self.database, self.settings)

    def heartbeat(self) -> None:
        self.notifier.watchdog()

    def record_heartbeat(self) -> None:
        assert self.database is not None and self.state_id is not None
        with self.database.session() as session:
            row = session.get(DaemonStateRow, self.state_id)
            if row is not None:
                row.heartbeat_at, row.status = datetime.now(UTC), self.activity

    def _record_start(self) -> None:
        assert self.database is not None
        now = datetime.now(UTC)
        with self.database.session() as session:
            row = DaemonStateRow(
                host=socket.gethostname(), pid=os.getpid(), version=__version__,
                started_at=now, heartbeat_at=now, status="starting",
            )  # fmt: skip
            session.add(row)
            session.flush()
            self.state_id = row.id

    def _record_stop(self) -> None:
        if self.database is None or self.state_id is None:
            return
        with self.database.session() as session:
            row = session.get(DaemonStateRow, self.state_id)
            if row is not None:
                row.stopped_at, row.status = datetime.now(UTC), "stopped"


def _signal_group(child: subprocess.Popen[str], signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signum)


def _last_json(stdout: str) -> dict[str, Any]:
    for line in reversed(stdout.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                loaded = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(loaded, dict):
                return loaded
    return {}


def _summary(report: dict[str, Any]) -> str:
    if not report:
        return "no report"
    error = report.get("error")
    if isinstance(error, dict):
        return f"error {error.get('class')}: {error.get('message')}"
    ingested = report.get("ingested") or {}
    alerts = report.get("alerts") or []
    return (
        f"{report.get('status')}, {report.get('fetched', 0)} fetched, "
        f"{sum(ingested.values()) if isinstance(ingested, dict) else 0} ingested, "
        f"{len(alerts) if isinstance(alerts, list) else 0} alerts"
    )
