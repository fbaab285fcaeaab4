"""Who may use the desk, and proof that a form was sent from it.

- Login: required unless the server listens on a loopback address only. A person signs in
  with the password whose PBKDF2 hash is ``web.password_hash`` or with ``web.token``; the
  session is a signed cookie (HttpOnly, SameSite=Lax, Secure when ``web.secure_cookie``).
- CSRF: each session holds a random token; every form carries it, and every POST whose
  token is missing or different is refused with 403 before it changes anything.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets

from monitor.errors import ConfigError

HASH_SCHEME = "pbkdf2_sha256"
HASH_ITERATIONS = 600_000
CSRF_FIELD = "csrf_token"


def hash_password(password: str, *, iterations: int = HASH_ITERATIONS) -> str:
    """``pbkdf2_sha256$600000$SALT$HASH`` (base64), for ``web.password_hash``."""
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return "$".join(
        (HASH_SCHEME, str(iterations), _b64(salt), _b64(digest)),
    )


def check_password_hash(encoded: str) -> None:
    """Raise ConfigError naming the setting when ``encoded`` is not a hash we can check."""
    parts = encoded.split("$")
    if len(parts) != 4 or parts[0] != HASH_SCHEME or not parts[1].isdigit():
        raise ConfigError(
            "web.password_hash: expected pbkdf2_sha256$ITERATIONS$SALT$HASH "
            "(print one with: monitor web --hash-password)"
        )
    try:
        base64.b64decode(parts[2], validate=True)
        base64.b64decode(parts[3], validate=True)
    except ValueError:
        raise ConfigError("web.password_hash: salt and hash must be base64") from None


def verify_password(password: str, encoded: str) -> bool:
    _scheme, iterations, salt, expected = encoded.split("$")
    digest = hashlib.pbkdf2_hmac(
        "sha256", password.encode("utf-8"), base64.b64decode(salt), int(iterations)
    )
    return hmac.compare_digest(digest, base64.b64decode(expected))


def same_secret(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def is_loopback(host: str) -> bool:
    """``127.0.0.1``, ``::1`` and ``localhost`` listen to this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
