"""Briefings and their edits.

Revision ID: 0001
Revises:
Create Date: 2026-11-20
"""

import sqlalchemy as sa
from alembic import op

from summarize.desk.tables import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "briefings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("created", UTCDateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("options", sa.JSON, nullable=False),
        sa.Column("document", sa.JSON, nullable=True),
        sa.Column("failures", sa.JSON, nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("first_date", sa.Date, nullable=True),
        sa.Column("last_date", sa.Date, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_briefings"),
    )
    op.create_index("ix_briefings_title", "briefings", ["title"])
    op.create_index("ix_briefings_created", "briefings", ["created"])
    op.create_index("ix_briefings_first_date", "briefings", ["first_date"])
    op.create_index("ix_briefings_last_date", "briefings", ["last_date"])
    op.create_table(
        "edits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("briefing_id", sa.Integer, nullable=False),
        sa.Column("event_index", sa.Integer, nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("created", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_edits"),
        sa.ForeignKeyConstraint(
            ["briefing_id"], ["briefings.id"], ondelete="CASCADE", name="fk_edits_briefing_id_briefings"
        ),
    )
    op.create_index("ix_edits_briefing_id", "edits", ["briefing_id"])


def downgrade() -> None:
    op.drop_table("edits")
    op.drop_table("briefings")
