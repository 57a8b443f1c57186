"""The desk's storage on real databases: a SQLite file and a PostgreSQL server the
tests start (tests/pgserver.py). Every test runs on both (the ``database`` fixture)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from summarize.desk.models import DONE, FAILED, RUNNING, Failure
from summarize.desk.storage import Store, database_url
from summarize.desk.tables import Base
from summarize.errors import ConflictError, NotFoundError, StorageError


def _document(*dates: str, events: int = 3) -> dict:
    return {
        "articles": [{"source": f"a{n}", "date": date} for n, date in enumerate(dates)],
        "events": [{"headline": f"event {n}"} for n in range(events)],
        "anchored": True,
        "notes": [],
        "key_dates": None,
        "overview": [],
        "references": [],
    }


@pytest.fixture
def store(database):
    store = Store(database)
    yield store
    store.close()


def test_the_migrations_build_the_schema_tables_py_describes(store):
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        version = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
    assert differences == []
    assert version == "0002"


def _at_revision(database: str, revision: str, action: str = "upgrade") -> sa.Engine:
    """The database brought to (or back to) one revision of the migrations, as Store does."""
    from alembic import command
    from alembic.config import Config

    from summarize.desk.storage import MIGRATIONS

    engine = sa.create_engine(database_url(database))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)
    return engine


def test_a_database_of_the_first_schema_is_upgraded_with_its_briefings_and_back(database):
    """A desk of before 0002 (no dropped events) opens upgraded: its briefings are
    kept, with no dropped events, and still edited; 0002 also goes back down."""
    from summarize.desk.tables import UTCDateTime

    engine = _at_revision(database, "0001")
    briefings = sa.table(
        "briefings",
        sa.column("id"),
        sa.column("title"),
        sa.column("created", UTCDateTime),
        sa.column("status"),
        sa.column("options", sa.JSON),
        sa.column("document", sa.JSON),
        sa.column("failures", sa.JSON),
        sa.column("articles"),
    )
    with engine.begin() as connection:
        assert "dropped" not in {c["name"] for c in sa.inspect(connection).get_columns("briefings")}
        connection.execute(
            briefings.insert().values(
                id=7,
                title="Old",
                created=dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc),
                status=DONE,
                options={},
                document=_document(events=2),
                failures=[],
                articles=1,
            )
        )
    engine.dispose()
    store = Store(database)
    old = store.get(7)
    assert (old.title, old.document, old.dropped) == ("Old", _document(events=2), ())
    store.add_edit(7, 1, {"pinned": True})
    with pytest.raises(NotFoundError, match=r"has no event 2 \(it has 2, from 0\)"):
        store.add_edit(7, 2, {"pinned": True})
    store.close()
    engine = _at_revision(database, "0001", "downgrade")
    with engine.connect() as connection:
        assert "dropped" not in {c["name"] for c in sa.inspect(connection).get_columns("briefings")}
        assert connection.execute(sa.text("SELECT title FROM briefings WHERE id = 7")).scalar_one() == "Old"
    engine.dispose()


def test_the_events_a_selection_dropped_are_kept_and_edited_after_the_timelines(store):
    dropped = [{"headline": "dropped 0"}, {"headline": "dropped 1"}]
    stored = store.add(
        title="t",
        options={"since": "2014-06-21"},
        articles=1,
        status=DONE,
        document=_document(events=3),
        dropped=dropped,
    )
    assert store.get(stored.id).dropped == tuple(dropped) == stored.dropped
    store.add_edit(stored.id, 4, {"pinned": True})  # the second dropped event: 3 + 1
    with pytest.raises(
        NotFoundError,
        match=r"has no event 5 \(it has 3 in its timeline, from 0, and 2 its "
        r"selection dropped, 3 to 4\)",
    ):
        store.add_edit(stored.id, 5, {"pinned": True})
    running = store.add(title="r", options={}, articles=2)
    store.finish(running.id, title="r", document=_document(events=1), dropped=dropped[:1])
    assert store.get(running.id).dropped == tuple(dropped[:1])
    store.add_edit(running.id, 1, {"note": "why it matters"})
    assert [(e.index, e.changes) for e in store.get(running.id).edits] == [(1, {"note": "why it matters"})]


def test_a_finished_briefing_is_stored_whole_and_read_back(store):
    before = dt.datetime.now(dt.timezone.utc)
    stored = store.add(
        title="Iraq",
        options={"date": "2014-06-22"},
        articles=2,
        status=DONE,
        document=_document("2014-06-23", "2014-06-21"),
        failures=[Failure("https://x.example/", "could not fetch")],
    )
    again = store.get(stored.id)
    assert again == stored
    assert again.status == DONE and again.options == {"date": "2014-06-22"}
    assert again.document["events"][2] == {"headline": "event 2"}
    assert (again.first_date, again.last_date) == (dt.date(2014, 6, 21), dt.date(2014, 6, 23))
    assert again.failures == (Failure("https://x.example/", "could not fetch"),)
    assert before <= again.created <= dt.datetime.now(dt.timezone.utc)
    assert again.created.tzinfo is not None


def test_a_running_briefing_is_finished_or_failed(store):
    first = store.add(title="Briefing of 3 articles", options={}, articles=3)
    second = store.add(title="Another", options={}, articles=3)
    assert store.get(first.id).status == RUNNING and store.get(first.id).document is None
    store.finish(first.id, title="Storm Ada", document=_document("2024-01-01"))
    store.fail(second.id, "every input failed", failures=[Failure("t", "t: the article has no text")])
    assert (store.get(first.id).status, store.get(first.id).title) == (DONE, "Storm Ada")
    failed = store.get(second.id)
    assert (failed.status, failed.error, failed.document) == (FAILED, "every input failed", None)
    assert failed.failures == (Failure("t", "t: the article has no text"),)


def test_briefings_left_running_by_a_stopped_server_are_marked_failed(store):
    running = store.add(title="r", options={}, articles=2)
    done = store.add(title="d", options={}, articles=1, status=DONE, document=_document())
    assert store.fail_interrupted("the server stopped") == 1
    assert store.get(running.id).status == FAILED and store.get(running.id).error == "the server stopped"
    assert store.get(done.id).status == DONE


def test_every_edit_is_kept_with_its_time_in_order(store):
    stored = store.add(title="t", options={}, articles=1, status=DONE, document=_document())
    store.add_edit(stored.id, 1, {"headline": "First"})
    store.add_edit(stored.id, 1, {"headline": "Second", "pinned": True})
    store.add_edit(stored.id, 0, {"deleted": True})
    edits = store.get(stored.id).edits
    assert [(e.index, e.changes) for e in edits] == [
        (1, {"headline": "First"}),
        (1, {"headline": "Second", "pinned": True}),
        (0, {"deleted": True}),
    ]
    assert edits[0].at <= edits[1].at <= edits[2].at
    assert store.get(stored.id).document == _document()  # the machine's briefing is untouched


def test_an_edit_of_what_does_not_exist_or_is_not_finished_is_refused(store):
    stored = store.add(title="t", options={}, articles=1, status=DONE, document=_document(events=2))
    running = store.add(title="r", options={}, articles=2)
    with pytest.raises(NotFoundError, match="has no event 2"):
        store.add_edit(stored.id, 2, {"headline": "x"})
    with pytest.raises(NotFoundError, match="has no event -1"):
        store.add_edit(stored.id, -1, {"headline": "x"})
    with pytest.raises(NotFoundError, match="no briefing 999"):
        store.add_edit(999, 0, {"headline": "x"})
    with pytest.raises(ConflictError, match="running"):
        store.add_edit(running.id, 0, {"headline": "x"})
    with pytest.raises(NotFoundError):
        store.get(999)
    assert store.get(stored.id).edits == ()


def test_a_write_that_fails_leaves_nothing_half_written(store):
    stored = store.add(title="Briefing of 2 articles", options={}, articles=2)
    # A document that cannot be stored (not JSON) fails the whole write: the title
    # and status set in the same transaction are not kept either.
    with pytest.raises((TypeError, sa.exc.StatementError), match="not JSON serializable"):
        store.finish(stored.id, title="New title", document={"articles": [], "events": [object()]})
    again = store.get(stored.id)
    assert (again.status, again.title, again.document) == (RUNNING, "Briefing of 2 articles", None)
    done = store.add(title="d", options={}, articles=1, status=DONE, document=_document())
    with pytest.raises((TypeError, sa.exc.StatementError), match="not JSON serializable"):
        store.add_edit(done.id, 0, {"note": {1, 2}})
    assert store.get(done.id).edits == ()


def test_the_list_searches_titles_and_dates_newest_first(store):
    iraq = store.add(
        title="Militants Execute 21 in Iraq", options={}, articles=1, status=DONE, document=_document("2014-06-22")
    )
    storm = store.add(
        title="Storm Ada: 100% of the coast",
        options={},
        articles=12,
        status=DONE,
        document=_document("2024-01-10", "2024-01-14"),
    )
    store.add(title="Briefing of 2 articles", options={}, articles=2)
    assert [entry.title for entry in store.list()][:2] == ["Briefing of 2 articles", storm.title]
    assert [entry.id for entry in store.list(title="IRAQ")] == [iraq.id]
    assert [entry.id for entry in store.list(title="100%")] == [storm.id]
    assert store.list(title="1_0") == []  # LIKE's wildcards are literal
    assert [entry.id for entry in store.list(date=dt.date(2024, 1, 12))] == [storm.id]
    assert store.list(date=dt.date(2024, 1, 15)) == []
    assert [entry.id for entry in store.list(limit=1, offset=1)] == [storm.id]
    assert store.list(title="Storm")[0].articles == 12


def test_edits_from_many_threads_are_all_kept(store):
    stored = store.add(title="t", options={}, articles=1, status=DONE, document=_document(events=5))
    errors = []

    def edit(number: int) -> None:
        try:
            store.add_edit(stored.id, number % 5, {"note": f"note {number}"})
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(e.changes["note"] for e in store.get(stored.id).edits) == sorted(f"note {n}" for n in range(20))


def test_reopening_keeps_the_briefings(database):
    first = Store(database)
    stored = first.add(title="kept", options={}, articles=1, status=DONE, document=_document())
    first.close()
    second = Store(database)
    assert second.get(stored.id).title == "kept"
    second.close()


def test_database_urls():
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    assert database_url("desk.db").startswith("sqlite:////") and database_url("desk.db").endswith("/desk.db")


def test_a_database_that_cannot_be_opened_is_one_line(tmp_path):
    with (
        socket_closed_port() as port,
        pytest.raises(StorageError, match="cannot open the database postgresql") as error,
    ):
        Store(f"postgresql://nobody:secret@127.0.0.1:{port}/desk")
    assert "\n" not in str(error.value) and "secret" not in str(error.value)
    with pytest.raises(StorageError, match="cannot use"):
        Store("nosuchdb://x/y")
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(StorageError, match="cannot open"):
        Store(str(tmp_path / "dir.db"))


class socket_closed_port:
    """A port of 127.0.0.1 nothing listens on."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    def __exit__(self, *exc_info) -> None:
        pass
