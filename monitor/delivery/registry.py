"""Channels built from the settings, by name; secrets resolved from the environment or files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from monitor.delivery.apprise import AppriseChannel
from monitor.delivery.chat import ChatChannel
from monitor.delivery.email import EmailChannel
from monitor.delivery.messages import Message, Renderer
from monitor.delivery.webhook import ALLOWED_SETTING, WebhookChannel, display_url
from monitor.destinations import IPNetwork, Refused, parse_networks, resolve_allowed
from monitor.errors import ConfigError, DeliveryError
from monitor.settings import ChannelSettings, Settings


class Channel(Protocol):
    """Sends one message; returns the server's answer or raises DeliveryError."""

    name: str
    destination: str

    def send(self, message: Message) -> str: ...


def read_secret(channel: str, field: str, env: str | None, file: Path | None) -> str | None:
    """A secret from the environment variable ``env`` or from ``file`` (first line)."""
    if env:
        value = os.environ.get(env)
        if not value:
            raise ConfigError(
                f"channel {channel}: {field}_env names {env}, which is not set"
                f" (export {env}=..., or use {field}_file)"
            )
        return value
    if file:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(
                f"channel {channel}: {field}_file {file}: cannot read: {exc.strerror}"
            ) from exc
        if not lines or not lines[0].strip():
            raise ConfigError(f"channel {channel}: {field}_file {file} is empty")
        return lines[0].strip()
    return None


def build_channel(
    spec: ChannelSettings, renderer: Renderer, allowed: Sequence[IPNetwork] = ()
) -> Channel:
    """The channel ``spec`` describes. Raises ConfigError when a secret is missing or the
    destination is refused (another scheme than http(s), a loopback, private or reserved
    address that ``allowed`` does not list)."""
    timeout = spec.timeout_seconds
    if spec.kind == "email":
        missing = [key for key, value in (("host", spec.host), ("from", spec.from_address),
                                          ("to", spec.to)) if not value]  # fmt: skip
        if missing or not spec.host or not spec.from_address:
            raise ConfigError(
                f"channel {spec.name}: an email channel needs {', '.join(missing)}"
                " (add them under its entry in the settings file)"
            )
        return EmailChannel(
            spec.name,
            host=spec.host,
            port=spec.port,
            security=spec.security,
            sender=spec.from_address,
            recipients=list(spec.to),
            renderer=renderer,
            username=spec.username,
            password=read_secret(spec.name, "password", spec.password_env, spec.password_file),
            ca_file=spec.ca_file,
            timeout=timeout,
        )
    url = spec.url or read_secret(spec.name, "url", spec.url_env, spec.url_file)
    if not url:
        raise ConfigError(
            f"channel {spec.name}: a {spec.kind} channel needs url, url_env or url_file"
        )
    if spec.kind in ("webhook", "slack", "mattermost"):
        try:
            resolve_allowed(url, allowed, ALLOWED_SETTING)
        except Refused as exc:
            raise ConfigError(f"channel {spec.name}: {display_url(url)}: refused: {exc}") from None
    if spec.kind == "webhook":
        secret = read_secret(spec.name, "secret", spec.secret_env, spec.secret_file)
        try:
            return WebhookChannel(spec.name, url, secret=secret, timeout=timeout, allowed=allowed)
        except ValueError as exc:
            raise ConfigError(f"channel {spec.name}: secret: {exc}") from exc
    if spec.kind in ("slack", "mattermost"):
        return ChatChannel(
            spec.name, url, flavour=spec.kind, renderer=renderer, timeout=timeout, allowed=allowed
        )
    try:
        channel = AppriseChannel(
            spec.name, url, renderer=renderer, timeout=timeout, allowed=allowed
        )
        channel.check_destination()
    except DeliveryError as exc:  # a bad or refused Apprise URL is a settings problem
        raise ConfigError(str(exc)) from exc
    return channel


class ChannelRegistry:
    """The configured channels, built on first use (a missing secret fails one channel)."""

    def __init__(self, settings: Settings, renderer: Renderer | None = None) -> None:
        self.specs = {spec.name: spec for spec in settings.channels}
        self.renderer = renderer or Renderer(settings.delivery.templates_dir)
        try:
            self.allowed = parse_networks(
                settings.delivery.allowed_networks, "delivery.allowed_networks"
            )
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        self._built: dict[str, Channel] = {}

    def __contains__(self, name: object) -> bool:
        return name in self.specs

    @property
    def names(self) -> list[str]:
        return list(self.specs)

    def spec(self, name: str) -> ChannelSettings:
        try:
            return self.specs[name]
        except KeyError:
            known = ", ".join(self.specs) or "none are configured"
            raise ConfigError(f"no channel named {name!r} (settings declare: {known})") from None

    def get(self, name: str) -> Channel:
        if name not in self._built:
            self._built[name] = build_channel(self.spec(name), self.renderer, self.allowed)
        return self._built[name]

    def problems(self) -> dict[str, str]:
        """Each channel that cannot be built (a missing secret, a refused destination),
        with why; the others are built and kept."""
        found: dict[str, str] = {}
        for name in self.specs:
            try:
                self.get(name)
            except ConfigError as exc:
                found[name] = str(exc)
        return found

    def add(self, channel: Channel) -> None:
        """Use ``channel`` for its name (tests and embedding programs)."""
        self._built[channel.name] = channel
