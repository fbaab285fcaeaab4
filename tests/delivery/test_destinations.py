"""The destination policy of channels, against a canary that counts every connection.

A channel may post only to http(s) hosts on public addresses, unless
``delivery.allowed_networks`` lists the network; it never follows a redirect. Every refusal
happens before any connection: the canary must see none.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import main
from monitor.delivery.messages import Message, Renderer
from monitor.delivery.registry import build_channel
from monitor.delivery.webhook import WebhookChannel
from monitor.destinations import parse_networks
from monitor.errors import ConfigError, DeliveryError
from monitor.settings import ChannelSettings
from tests.delivery.conftest import WebhookReceiver


def message_for_test() -> Message:
    return Message(key="msg_test", channel="hook", alerts=[], test=True)


class Canary:
    """A TCP listener on 127.0.0.1 that counts connections and answers nothing useful."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.server.settimeout(0.2)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=5)
        self.server.close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    listener = Canary()
    yield listener
    listener.close()


LOOPBACK_FORMS = [
    "127.0.0.1",
    "localhost",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "2130706433",
    "0x7f.1",
    "017700000001",
    "0.0.0.0",
    "127.1",
]


@pytest.mark.parametrize("host", LOOPBACK_FORMS)
@pytest.mark.parametrize("kind", ["webhook", "slack", "mattermost"])
def test_every_loopback_form_is_refused_before_connecting(
    canary: Canary, host: str, kind: str
) -> None:
    url = f"http://{host}:{canary.port}/hook"
    spec = ChannelSettings.model_validate({"name": "hook", "kind": kind, "url": url})
    with pytest.raises(ConfigError) as refused:
        build_channel(spec, Renderer())
    assert "refused" in str(refused.value)
    assert "delivery.allowed_networks" in str(refused.value) or "resolve" in str(refused.value)
    # Built directly (as an embedding program could), sending is refused the same way.
    channel = WebhookChannel("hook", url)
    with pytest.raises(DeliveryError) as failed:
        channel.send(message_for_test())
    assert not failed.value.retryable
    assert canary.connections == 0


@pytest.mark.parametrize(
    "url",
    [
        "ftp://127.0.0.1/hook",
        "file:///etc/passwd",
        "data:text/plain,hello",
        "gopher://example.org/",
    ],
)
def test_other_schemes_are_refused_with_a_message(url: str) -> None:
    spec = ChannelSettings.model_validate({"name": "hook", "kind": "webhook", "url": url})
    with pytest.raises(ConfigError) as refused:
        build_channel(spec, Renderer())
    assert "only http and https destinations are allowed" in str(refused.value)
    with pytest.raises(DeliveryError) as failed:
        WebhookChannel("hook", url).send(message_for_test())
    assert "only http and https" in str(failed.value)


def test_an_apprise_url_to_a_loopback_host_is_refused(canary: Canary) -> None:
    spec = ChannelSettings.model_validate(
        {"name": "ntfy", "kind": "apprise", "url": f"json://127.0.0.1:{canary.port}/hook"}
    )
    with pytest.raises(ConfigError) as refused:
        build_channel(spec, Renderer())
    assert "127.0.0.1 is a loopback address" in str(refused.value)
    assert canary.connections == 0


def test_a_redirect_is_never_followed(receiver: WebhookReceiver, canary: Canary) -> None:
    receiver.script.append((302, {"Location": f"http://127.0.0.1:{canary.port}/x"}, ""))
    allowed = parse_networks(["127.0.0.0/8"])
    channel = WebhookChannel("hook", receiver.url, allowed=allowed)
    with pytest.raises(DeliveryError) as failed:
        channel.send(message_for_test())
    assert "redirects are not followed" in str(failed.value)
    assert not failed.value.retryable
    assert len(receiver.requests) == 1
    assert canary.connections == 0


def test_an_allowed_network_is_reached(receiver: WebhookReceiver) -> None:
    allowed = parse_networks(["127.0.0.0/8"])
    answer = WebhookChannel("hook", receiver.url, allowed=allowed).send(message_for_test())
    assert answer == "HTTP 200 OK: ok"


def test_channels_test_names_the_channel_and_the_setting(tmp_path: Path, canary: Canary) -> None:
    config = tmp_path / "settings.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database_url": str(tmp_path / "monitor.db"),
                "channels": [
                    {
                        "name": "intranet",
                        "kind": "webhook",
                        "url": f"http://localhost:{canary.port}/",
                    }
                ],
            }
        )
    )
    result = CliRunner().invoke(main, ["channels", "test", "intranet", "--config", str(config)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: channel intranet: http://localhost:")
    assert "allow it with the delivery.allowed_networks setting" in result.output
    assert "Traceback" not in result.output
    assert canary.connections == 0


def test_channels_list_shows_an_unusable_channel_and_why(tmp_path: Path, canary: Canary) -> None:
    config = tmp_path / "settings.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database_url": str(tmp_path / "monitor.db"),
                "channels": [
                    {"name": "metadata", "kind": "webhook", "url": "http://169.254.169.254/"},
                    {"name": "public", "kind": "webhook", "url": "https://93.184.215.14/hook"},
                ],
            }
        )
    )
    result = CliRunner().invoke(main, ["channels", "list", "--config", str(config)])
    assert result.exit_code == 2
    assert "metadata: webhook, immediate — UNUSABLE, see below" in result.output
    assert "public: webhook, immediate\n" in result.output
    assert "169.254.169.254 is a link-local address" in result.output
    assert canary.connections == 0
