"""Alert delivery: the outbox and its channels (e-mail, webhooks, chat, Apprise).

The daemon calls :func:`deliver` on a short interval; ``monitor deliver`` calls it once.
"""

from monitor.delivery.outbox import DeliveryReport, MessageResult, Outbox, deliver

__all__ = ["DeliveryReport", "MessageResult", "Outbox", "deliver"]
