"""One typed Settings object, built once in ``monitor.cli`` and passed down.

Values come, strongest first, from command-line options, ``MONITOR_*`` environment
variables, an optional YAML settings file (``--config`` or ``MONITOR_CONFIG``), and the
defaults below. Secrets are read only from the environment or from files, never from
rule files.
"""

from __future__ import annotations

import difflib
import os
from contextvars import ContextVar
from datetime import time
from pathlib import Path
from typing import Any, Literal

import platformdirs
import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from monitor.errors import ConfigError, Problem
from monitor.yamlfile import (
    PathKey,
    Position,
    YamlValueError,
    format_field,
    parse_yaml,
    position_of,
)

APP_NAME = "monitor"
# Values read from the settings file, for the source that ranks below the environment.
_FILE_VALUES: ContextVar[dict[str, Any] | None] = ContextVar("file_values", default=None)


def default_database_url() -> str:
    data_dir = Path(platformdirs.user_data_dir(APP_NAME))
    return f"sqlite:///{data_dir / 'monitor.db'}"


def default_sources_file() -> Path:
    local = Path("sources.yaml")
    if local.is_file():
        return local
    return Path(platformdirs.user_config_dir(APP_NAME)) / "sources.yaml"


def default_rules_dir() -> Path:
    local = Path("rules")
    if local.is_dir():
        return local
    return Path(platformdirs.user_config_dir(APP_NAME)) / "rules"


# -- delivery (monitor/delivery) ------------------------------------------------------

ChannelKind = Literal["email", "webhook", "slack", "mattermost", "apprise"]
URL_KINDS = ("webhook", "slack", "mattermost", "apprise")


class QuietHours(BaseModel):
    """A daily window (Europe/Paris) in which alerts wait, then go out as one digest."""

    model_config = ConfigDict(extra="forbid")

    start: time
    end: time


class ChannelSettings(BaseModel):
    """A delivery channel; alert kinds are routed to channels by name (see docs/delivery.md).

    Secrets never sit in this file: a password, an HMAC secret or a URL that carries a
    token is read from the environment variable named by ``*_env`` or from ``*_file``.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=100)
    kind: ChannelKind
    # webhook, slack, mattermost, apprise: where to send (url, or url_env / url_file)
    url: str | None = None
    url_env: str | None = None
    url_file: Path | None = None
    # webhook: Standard Webhooks HMAC-SHA256 signature ("whsec_<base64>" or raw text)
    secret_env: str | None = None
    secret_file: Path | None = None
    # email
    host: str | None = None
    port: int | None = Field(default=None, ge=1, le=65535)
    security: Literal["starttls", "tls", "none"] = "starttls"
    ca_file: Path | None = None
    username: str | None = None
    password_env: str | None = None
    password_file: Path | None = None
    from_address: str | None = Field(default=None, alias="from")
    to: list[str] = Field(default_factory=list)
    # when to send
    mode: Literal["immediate", "hourly", "daily"] = "immediate"
    digest_at: time = time(8, 0)
    quiet_hours: QuietHours | None = None
    timeout_seconds: float = Field(default=20, gt=0, le=300)

    @model_validator(mode="after")
    def _one_source_per_secret(self) -> ChannelSettings:
        # Completeness (host, from, to, url) is checked when the channel is built, so that
        # `monitor rules check` and replay work with channels declared by name only.
        if sum(bool(x) for x in (self.url, self.url_env, self.url_file)) > 1:
            raise ValueError("give only one of url, url_env, url_file")
        if self.password_env and self.password_file:
            raise ValueError("give only one of password_env, password_file")
        if self.secret_env and self.secret_file:
            raise ValueError("give only one of secret_env, secret_file")
        return self


class DeliverySettings(BaseModel):
    """How the outbox retries, groups and gives up (``MONITOR_DELIVERY__*``)."""

    model_config = ConfigDict(extra="forbid")

    max_age_hours: float = Field(default=48, gt=0)
    backoff_base_seconds: float = Field(default=30, ge=0)
    backoff_max_seconds: float = Field(default=3600, ge=0)
    lease_seconds: float = Field(default=300, ge=0)
    run_wait_seconds: float = Field(default=3600, ge=0)
    templates_dir: Path | None = None
    # Webhook, chat and Apprise destinations on loopback, private or link-local addresses
    # are refused unless listed here (CIDR networks, e.g. "10.0.0.0/8" for an intranet).
    allowed_networks: list[str] = Field(default_factory=list)


def default_state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME))


class DaemonSettings(BaseModel):
    """``monitor run`` and ``monitor run-once`` (env: ``MONITOR_DAEMON__<NAME>``)."""

    model_config = ConfigDict(extra="forbid")

    state_dir: Path = Field(
        default_factory=default_state_dir,
        description="Lock files and the last good copy of the rules (systemd: StateDirectory).",
    )
    deliver_interval_seconds: float = Field(default=5, gt=0)
    reload_check_seconds: float = Field(default=10, gt=0)
    crawl_deadline_seconds: float = Field(
        default=600, gt=0, description="A crawl still running after this is killed."
    )
    crawl_concurrency: int = Field(default=2, ge=1, description="Crawls running at once.")
    jitter_fraction: float = Field(default=0.1, ge=0, le=0.5)
    stop_timeout_seconds: float = Field(default=30, gt=0)
    retention_days: int = Field(default=30, ge=1, description="Raw pages older are pruned.")
    housekeeping_time: str = Field(default="04:30", pattern=r"^\d{2}:\d{2}$")
    source_failing_hours: float = Field(
        default=6, gt=0, description="Operator alert when a source fails for this long."
    )
    outbox_backlog: int = Field(
        default=100, ge=1, description="Operator alert when this many deliveries wait."
    )
    outbox_age_minutes: float = Field(
        default=60, gt=0, description="Operator alert when a delivery waits this long."
    )
    health_check_seconds: float = Field(default=60, gt=0)


class WebSettings(BaseModel):
    """``monitor web``, the desk in the browser (env: ``MONITOR_WEB__<NAME>``).

    On 127.0.0.1 (the default) the pages need no login. Bound to any other address they
    do: give ``password_hash`` (``monitor web --hash-password`` prints one) or ``token``.
    """

    model_config = ConfigDict(extra="forbid")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    password_hash: str | None = Field(
        default=None, description="pbkdf2_sha256$ITERATIONS$SALT$HASH of the desk password."
    )
    token: str | None = Field(default=None, description="A shared token accepted at login.")
    secret_key: str | None = Field(
        default=None,
        description="Signs session cookies; a random one per start when unset (logs out).",
    )
    session_hours: float = Field(default=12, gt=0)
    secure_cookie: bool = Field(default=False, description="Send cookies over HTTPS only.")
    page_size: int = Field(default=50, ge=1, le=1000)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="MONITOR_", env_nested_delimiter="__", extra="forbid"
    )

    database_url: str = Field(default_factory=default_database_url)
    rules_dir: Path = Field(default_factory=default_rules_dir)
    channels: list[ChannelSettings] = Field(default_factory=list)
    approx_tolerance: float = Field(default=0.1, ge=0, le=1)
    delivery: DeliverySettings = Field(default_factory=DeliverySettings)
    daemon: DaemonSettings = Field(default_factory=DaemonSettings)
    web: WebSettings = Field(default_factory=WebSettings)

    @field_validator("channels")
    @classmethod
    def _unique_channel_names(cls, channels: list[ChannelSettings]) -> list[ChannelSettings]:
        seen: set[str] = set()
        for channel in channels:
            if channel.name in seen:
                raise ValueError(f"two channels are named {channel.name!r}; names must be unique")
            seen.add(channel.name)
        return channels

    # -- crawling (see docs/crawl.md) ---------------------------------------------------
    # The sources file; when it does not exist the shipped list (monitor/data) is read.
    sources_file: Path = Field(default_factory=default_sources_file)
    # Sent in every request's User-Agent so site owners can reach whoever runs the crawl.
    contact_url: str | None = None
    user_agent: str | None = None  # default: "monitor/<version> (+<contact_url>)"
    obey_robots_txt: bool = True
    # Private, loopback and link-local destinations are refused unless listed here
    # (CIDR networks, e.g. "127.0.0.0/8" for a local test site).
    crawl_allowed_networks: list[str] = Field(default_factory=list)
    crawl_max_feed_bytes: int = Field(default=5_000_000, gt=0)
    crawl_max_page_bytes: int = Field(default=3_000_000, gt=0)
    crawl_timeout_seconds: float = Field(default=30, gt=0)
    crawl_concurrent_requests: int = Field(default=16, ge=1)
    crawl_concurrency_per_domain: int = Field(default=2, ge=1)
    crawl_autothrottle: bool = True
    crawl_retry_times: int = Field(default=2, ge=0)
    crawl_retry_backoff_seconds: float = Field(default=2.0, ge=0)
    # A Retry-After longer than this is not waited for: the source is postponed instead.
    crawl_max_retry_after_seconds: float = Field(default=60, ge=0)
    # A failing source is retried after base * 2**(errors - 1) seconds, up to the cap.
    crawl_error_backoff_seconds: int = Field(default=900, ge=1)
    crawl_error_backoff_max_seconds: int = Field(default=6 * 3600, ge=1)
    # The shortest polling interval a source may declare; lower it only for a local site.
    crawl_min_interval_seconds: int = Field(default=60, ge=1)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Command-line options, then the environment, then the settings file."""
        file_settings = InitSettingsSource(settings_cls, init_kwargs=_FILE_VALUES.get() or {})
        return init_settings, env_settings, file_settings, file_secret_settings

    @property
    def channel_names(self) -> list[str]:
        return [channel.name for channel in self.channels]


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Build the settings from a YAML file (optional), the environment and ``overrides``.

    ``overrides`` whose value is None are ignored, so CLI options can be passed as they are.
    """
    file_values, positions = _read_config_file(config_file) if config_file is not None else ({}, {})
    values = {key: value for key, value in overrides.items() if value is not None}
    token = _FILE_VALUES.set(file_values)
    try:
        return Settings(**values)
    except ValidationError as exc:
        problems = [
            _settings_problem(error, config_file, file_values, positions, values)
            for error in exc.errors()
        ]
        raise ConfigError("\n".join(str(problem) for problem in problems)) from exc
    finally:
        _FILE_VALUES.reset(token)


def _settings_problem(
    error: Any,
    config_file: Path | None,
    file_values: dict[str, Any],
    positions: dict[PathKey, Position],
    overrides: dict[str, Any],
) -> Problem:
    """Where a wrong value came from: the command line, the environment variable that set
    it, or the settings file at its line and column."""
    location: PathKey = tuple(error["loc"])
    field = format_field(location)
    message = error["msg"]
    given = error.get("input")
    if error["type"] != "missing" and isinstance(given, str | int | float | bool):
        message += f", got {given!r}"
    hint = None
    if error["type"] == "extra_forbidden" and location:
        close = difflib.get_close_matches(str(location[-1]), _field_names(), n=1, cutoff=0.7)
        hint = f"did you mean `{close[0]}`?" if close else None
    top = str(location[0]) if location else ""
    if top in overrides:
        return Problem("command line", message, field=field)
    variable = _environment_variable(location)
    if variable is not None:
        return Problem(
            f"environment variable {variable}", message, field=field,
            hint=f"it overrides the settings file; fix or unset {variable}",
        )  # fmt: skip
    if config_file is not None and top in file_values:
        line, column = position_of(positions, location)
        return Problem(str(config_file), message, line=line, column=column, field=field, hint=hint)
    return Problem(str(config_file) if config_file else "settings", message, field=field, hint=hint)


def _field_names() -> list[str]:
    """Every key the settings file may hold, at any level, for "did you mean"."""
    names: set[str] = set()
    pending: list[type[BaseModel]] = [Settings]
    while pending:
        model = pending.pop()
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            for kind in _models_in(info.annotation):
                if kind not in pending:
                    pending.append(kind)
    return sorted(names)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [kind for arg in getattr(annotation, "__args__", ()) for kind in _models_in(arg)]


def _environment_variable(location: PathKey) -> str | None:
    """The MONITOR_* variable that set the value at ``location``, if one is set."""
    names = [str(part).upper() for part in location if not isinstance(part, int)]
    for length in range(len(names), 0, -1):
        variable = "MONITOR_" + "__".join(names[:length])
        if variable in os.environ:
            return variable
    return None


def _read_config_file(path: Path) -> tuple[dict[str, Any], dict[PathKey, Position]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 text (byte {exc.start}); save the settings file as UTF-8"
        ) from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read settings file: {exc.strerror}") from exc
    try:
        loaded, positions = parse_yaml(text)
    except YamlValueError as exc:
        raise ConfigError(f"{path}:{exc.line}:{exc.column}: {exc.message}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    if loaded is None:
        return {}, {}
    if not isinstance(loaded, dict):
        raise ConfigError(f"{path}: expected a mapping of settings, got {type(loaded).__name__}")
    return loaded, positions
