"""When a delivery may leave: immediately, at the next hourly or daily digest, or at the
end of the channel's quiet hours. Wall-clock times are Europe/Paris."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from monitor.clock import PARIS
from monitor.settings import ChannelSettings, QuietHours


def as_utc(moment: datetime) -> datetime:
    """``moment`` as tz-aware UTC (SQLite gives stored UTC datetimes back naive)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def release_at(spec: ChannelSettings, created: datetime) -> datetime:
    """The first moment a delivery raised at ``created`` may be sent on ``spec``."""
    created = as_utc(created)
    local = created.astimezone(PARIS)
    if spec.mode == "hourly":
        local = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    elif spec.mode == "daily":
        local = _next_at(local, spec.digest_at, strictly_after=True)
    if spec.quiet_hours is not None and is_quiet(spec.quiet_hours, local.timetz()):
        local = _next_at(local, spec.quiet_hours.end, strictly_after=False)
    return local


def is_digest(spec: ChannelSettings, created: datetime) -> bool:
    """Digest channels, and immediate ones whose alert waited for the quiet hours' end."""
    return spec.mode != "immediate" or release_at(spec, created) > as_utc(created)


def is_quiet(window: QuietHours, moment: time) -> bool:
    now = moment.replace(tzinfo=None)
    if window.start <= window.end:
        return window.start <= now < window.end
    return now >= window.start or now < window.end  # across midnight


def _next_at(local: datetime, at: time, *, strictly_after: bool) -> datetime:
    candidate = datetime.combine(local.date(), at.replace(tzinfo=None), tzinfo=PARIS)
    if candidate < local or (strictly_after and candidate == local):
        candidate = datetime.combine(
            local.date() + timedelta(days=1), at.replace(tzinfo=None), tzinfo=PARIS
        )
    return candidate
