"""delivery: group rows of the outbox into messages

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("group_key", sa.String(length=100), nullable=True))
        batch.create_index(batch.f("ix_deliveries_group_key"), ["group_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_index(batch.f("ix_deliveries_group_key"))
        batch.drop_column("group_key")
