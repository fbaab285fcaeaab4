"""articles wait for the judge: collection stores them, judgement reads their claims

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("judged_at", sa.DateTime(timezone=True)))
        batch_op.create_index("ix_articles_judged_at", ["judged_at"])
    # Every article stored before was judged when it was stored.
    op.execute("UPDATE articles SET judged_at = updated_at")


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_judged_at")
        batch_op.drop_column("judged_at")
