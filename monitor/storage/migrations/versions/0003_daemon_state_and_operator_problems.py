"""daemon state and operator problems

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "daemon_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=50), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daemon_state")),
    )
    op.create_table(
        "operator_problems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("alert_id", sa.Integer(), nullable=True),
        sa.Column("clear_alert_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["alert_id"], ["alerts.id"], name=op.f("fk_operator_problems_alert_id_alerts")
        ),
        sa.ForeignKeyConstraint(
            ["clear_alert_id"],
            ["alerts.id"],
            name=op.f("fk_operator_problems_clear_alert_id_alerts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator_problems")),
    )
    with op.batch_alter_table("operator_problems", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_operator_problems_key"), ["key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("operator_problems", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_operator_problems_key"))

    op.drop_table("operator_problems")
    op.drop_table("daemon_state")
