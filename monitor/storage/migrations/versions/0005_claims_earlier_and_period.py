"""claims stated as earlier or historical figures; periods of per-day and per-event counts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("earlier", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("period", sa.String(length=100), nullable=True))
    with op.batch_alter_table("known_claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("known_claims", schema=None) as batch_op:
        batch_op.drop_column("period")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("period")
        batch_op.drop_column("earlier")
