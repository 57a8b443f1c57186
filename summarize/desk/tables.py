"""The desk's database schema, in SQLAlchemy's declarative form.

Two tables: ``briefings`` (one row per briefing, its JSON document once made, and
the events its selection dropped, which the document does not hold) and
``edits`` (one row per change an editor made, never updated or deleted, so the
history stays). The schema is created and changed only by the Alembic migrations
in ``migrations/versions``; tests/test_desk_storage.py checks that the migrations
build exactly this schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Constraint names the same on every database, so a later migration can name them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

MAX_TITLE_CHARS = 300


class UTCDateTime(sa.TypeDecorator):
    """A moment in UTC. SQLite keeps no time zone, so what is read back is made
    aware again; what is written must be aware (a naive time is a bug)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: sa.Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime cannot be stored: give it a time zone")
        return value.astimezone(dt.timezone.utc)

    def process_result_value(self, value: dt.datetime | None, dialect: sa.Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)


class BriefingRow(Base):
    __tablename__ = "briefings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(MAX_TITLE_CHARS), index=True)
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[str] = mapped_column(sa.String(16))
    options: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    document: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, nullable=True)
    # The events the selection dropped, as the document's events are written (None:
    # stored before the desk kept them, migration 0002).
    dropped: Mapped[list[dict[str, Any]] | None] = mapped_column(sa.JSON, nullable=True)
    failures: Mapped[list[dict[str, str]]] = mapped_column(sa.JSON)
    error: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    articles: Mapped[int] = mapped_column(sa.Integer)
    first_date: Mapped[dt.date | None] = mapped_column(sa.Date, nullable=True, index=True)
    last_date: Mapped[dt.date | None] = mapped_column(sa.Date, nullable=True, index=True)

    edits: Mapped[list[EditRow]] = relationship(
        back_populates="briefing", order_by="EditRow.id", cascade="all, delete-orphan", passive_deletes=True
    )


class EditRow(Base):
    __tablename__ = "edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(sa.ForeignKey("briefings.id", ondelete="CASCADE"), index=True)
    event_index: Mapped[int] = mapped_column(sa.Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    briefing: Mapped[BriefingRow] = relationship(back_populates="edits")
