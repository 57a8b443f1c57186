"""Run the migrations on the connection ``storage.migrate`` hands over.

The desk runs Alembic from code, never from an alembic.ini: the connection comes in
``config.attributes["connection"]``, inside the caller's transaction, so a
migration that fails leaves the database as it was (PostgreSQL and SQLite both
undo schema changes with the transaction).
"""

from alembic import context

from summarize.desk.tables import Base

connection = context.config.attributes["connection"]
# render_as_batch: SQLite cannot alter most of a table in place; Alembic's batch
# mode copies it, which later migrations that change a column will need.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
