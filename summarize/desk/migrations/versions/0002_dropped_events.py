"""The events a briefing's selection dropped, kept beside its document.

The document is the CLI's JSON, which holds only the events the selection (--query,
--since/--until) kept; an editor pins a dropped one back from this column. Rows of
before have none (NULL): nothing was dropped that the desk knows of.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("briefings") as table:
        table.add_column(sa.Column("dropped", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("briefings") as table:
        table.drop_column("dropped")
