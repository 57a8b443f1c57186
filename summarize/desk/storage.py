"""``Store``: the desk's briefings and edits in a database, SQLite or PostgreSQL.

Every write is one transaction: a briefing is stored whole or not at all, and an
edit is checked against the briefing and recorded in the same transaction. The
database is brought to the schema of ``tables.py`` by the Alembic migrations when
the store opens. Problems are ``StorageError`` (the database cannot be reached or
written), ``NotFoundError`` and ``ConflictError``, one line each.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload, sessionmaker

from ..errors import ConflictError, NotFoundError, StorageError
from .editing import Layout, check_edit
from .models import DONE, FAILED, RUNNING, BriefingEntry, EventEdit, Failure, StoredBriefing
from .tables import MAX_TITLE_CHARS, BriefingRow, EditRow

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_database() -> Path:
    """Where briefings are kept without --db: the user's data directory (XDG), so
    that the desk finds them again from any working directory."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "summarize" / "desk.sqlite3"


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL of ``db``: a URL as given, a file path as SQLite, None as
    the default SQLite file. PostgreSQL goes through psycopg 3 (SQLAlchemy would
    pick psycopg2, which is not installed, for a bare ``postgresql://``)."""
    if db is None:
        path = default_database()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    scheme, rest = db.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return db


def migrate(engine: sa.Engine) -> None:
    """Bring the database to the newest schema, in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Store:
    """The desk's briefings in the database at ``db`` (see ``database_url``)."""

    def __init__(self, db: str | None = None) -> None:
        self.url = sa.make_url(database_url(db))
        try:
            self.engine = sa.create_engine(self.url, pool_pre_ping=True)
        except (sa.exc.ArgumentError, ImportError) as error:
            raise StorageError(f"--db: cannot use {self.url.render_as_string(hide_password=True)} ({error})") from None
        if self.url.get_backend_name() == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            migrate(self.engine)
        except sa.exc.SQLAlchemyError as error:
            self.engine.dispose()
            raise StorageError(f"cannot open the database {self.shown_url}: {_reason(error)}") from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def shown_url(self) -> str:
        """The database URL without its password, to show."""
        return self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all."""
        try:
            with self._sessions.begin() as session:
                yield session
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:
            raise StorageError(f"the database {self.shown_url} failed: {_reason(error)}") from None

    def add(
        self,
        *,
        title: str,
        options: dict[str, Any],
        articles: int,
        status: str = RUNNING,
        document: dict[str, Any] | None = None,
        dropped: Sequence[dict[str, Any]] = (),
        failures: Sequence[Failure] = (),
        error: str | None = None,
    ) -> StoredBriefing:
        """Store a new briefing (made already when ``document`` is given, with the
        events its selection ``dropped``) and return it."""
        row = BriefingRow(
            title=title[:MAX_TITLE_CHARS],
            created=_now(),
            status=status,
            options=options,
            failures=[],
            articles=articles,
        )
        _fill(row, document=document, dropped=dropped, failures=failures, error=error)
        with self._transaction() as session:
            session.add(row)
            session.flush()
            return _stored(row, edits=())

    def finish(
        self,
        id: int,
        *,
        title: str,
        document: dict[str, Any],
        dropped: Sequence[dict[str, Any]] = (),
        failures: Sequence[Failure] = (),
    ) -> None:
        """Record the made briefing of the running briefing ``id``."""
        with self._transaction() as session:
            row = _row(session, id)
            row.status, row.title = DONE, title[:MAX_TITLE_CHARS]
            _fill(row, document=document, dropped=dropped, failures=failures, error=None)

    def fail(self, id: int, error: str, *, failures: Sequence[Failure] = ()) -> None:
        """Record why the running briefing ``id`` could not be made."""
        with self._transaction() as session:
            row = _row(session, id)
            row.status = FAILED
            _fill(row, document=None, dropped=(), failures=failures, error=error)

    def fail_interrupted(self, error: str) -> int:
        """Mark every briefing still running as failed with ``error`` (the server that
        was making them stopped); how many there were."""
        with self._transaction() as session:
            # An UPDATE's result is a CursorResult (Session.execute is typed for a SELECT's).
            result = cast(
                "sa.CursorResult[Any]",
                session.execute(
                    sa.update(BriefingRow).where(BriefingRow.status == RUNNING).values(status=FAILED, error=error)
                ),
            )
            return result.rowcount

    def get(self, id: int) -> StoredBriefing:
        """The briefing ``id`` with its edits, oldest first; ``NotFoundError`` if none."""
        with self._transaction() as session:
            row = session.get(BriefingRow, id, options=[selectinload(BriefingRow.edits)])
            if row is None:
                raise NotFoundError(f"no briefing {id}")
            return _stored(row, edits=tuple(_edit(edit) for edit in row.edits))

    def list(
        self, *, title: str | None = None, date: dt.date | None = None, limit: int = 50, offset: int = 0
    ) -> list[BriefingEntry]:
        """Briefings, newest first: those whose title holds ``title`` (any case), and
        whose articles' dates span ``date``."""
        query = sa.select(BriefingRow).order_by(BriefingRow.created.desc(), BriefingRow.id.desc())
        if title:
            # LIKE's wildcards in the words are meant literally.
            pattern = "%" + title.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(BriefingRow.title.ilike(pattern, escape="\\"))
        if date is not None:
            query = query.where(BriefingRow.first_date <= date, BriefingRow.last_date >= date)
        with self._transaction() as session:
            rows = session.scalars(query.limit(limit).offset(offset)).all()
            return [
                BriefingEntry(
                    id=row.id,
                    title=row.title,
                    created=row.created,
                    status=row.status,
                    articles=row.articles,
                    first_date=row.first_date,
                    last_date=row.last_date,
                )
                for row in rows
            ]

    def add_edit(self, id: int, index: int, changes: dict[str, Any]) -> EventEdit:
        """Record an editor's ``changes`` to ``index`` of briefing ``id`` (an event,
        a dropped event or a key date: ``editing.Layout``), checked against the
        briefing and its edits so far (``editing.check_edit``) in the same transaction."""
        with self._transaction() as session:
            # FOR UPDATE on PostgreSQL: the briefing cannot change under the check.
            row = session.scalars(sa.select(BriefingRow).where(BriefingRow.id == id).with_for_update()).first()
            if row is None:
                raise NotFoundError(f"no briefing {id}")
            if row.status != DONE or row.document is None:
                raise ConflictError(f"briefing {id} is {row.status}: only a finished briefing can be edited")
            check_edit(
                id, Layout.of(row.document, row.dropped or ()), tuple(_edit(edit) for edit in row.edits), index, changes
            )
            edit = EditRow(briefing_id=id, event_index=index, changes=dict(changes), created=_now())
            session.add(edit)
            session.flush()
            return _edit(edit)


def _sqlite_pragmas(connection: Any, record: Any) -> None:
    cursor = connection.cursor()
    # SQLite ignores foreign keys (and so ON DELETE CASCADE) unless told per connection.
    cursor.execute("PRAGMA foreign_keys=ON")
    # Write-ahead logging: readers (the list, a briefing) never wait for a write, and
    # a commit appends to the log without syncing the disk (synchronous=NORMAL; the
    # log is synced at checkpoints). Storing a briefing took 17 ms, 0.3 ms so
    # (benchmarks/desk_load.py). A transaction is still whole or absent; a power cut
    # may lose the last ones committed, never corrupt the file.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _row(session: Session, id: int) -> BriefingRow:
    row = session.get(BriefingRow, id)
    if row is None:
        raise NotFoundError(f"no briefing {id}")
    return row


def _fill(
    row: BriefingRow,
    *,
    document: dict[str, Any] | None,
    dropped: Sequence[dict[str, Any]],
    failures: Sequence[Failure],
    error: str | None,
) -> None:
    row.document = document
    row.dropped = list(dropped)
    row.failures = [{"source": f.source, "message": f.message} for f in failures]
    row.error = error
    dates = sorted(dt.date.fromisoformat(a["date"]) for a in (document or {}).get("articles", ()) if a.get("date"))
    row.first_date, row.last_date = (dates[0], dates[-1]) if dates else (None, None)


def _stored(row: BriefingRow, *, edits: tuple[EventEdit, ...]) -> StoredBriefing:
    return StoredBriefing(
        id=row.id,
        title=row.title,
        created=row.created,
        status=row.status,
        options=dict(row.options),
        document=row.document,
        dropped=tuple(row.dropped or ()),
        failures=tuple(Failure(**f) for f in row.failures),
        error=row.error,
        first_date=row.first_date,
        last_date=row.last_date,
        edits=edits,
    )


def _edit(row: EditRow) -> EventEdit:
    return EventEdit(index=row.event_index, changes=dict(row.changes), at=row.created)


def _reason(error: BaseException) -> str:
    """The database's own words, one line, without SQLAlchemy's statement dump."""
    original = getattr(error, "orig", None) or error
    return " ".join(str(original).split()) or type(original).__name__
