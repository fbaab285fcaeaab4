"""claims carry their article's publication time, indexed with their quantity

The engine compares a new figure with the latest earlier ones of its quantity; with the
publication time on the claim and an index on (topic, quantity, published, id), finding
them reads a few index entries instead of every claim of the quantity.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published", sa.DateTime(timezone=True)))
        batch_op.create_index(
            "ix_claims_topic_quantity_published", ["topic", "quantity", "published", "id"]
        )
    op.execute(
        "UPDATE claims SET published = "
        "(SELECT articles.published FROM articles WHERE articles.id = claims.article_id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_topic_quantity_published")
        batch_op.drop_column("published")
