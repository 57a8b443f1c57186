"""The briefing desk: ``summarize serve``, a local web app over the library.

Briefings are made by the same ``Briefer`` as the CLI's, stored with every
editor's change, and exported in every format by the same renderers.

    models.py      the desk's records (frozen dataclasses): a stored briefing, an edit
    tables.py      the database schema (SQLAlchemy); migrations/ brings a database to it (Alembic)
    storage.py     ``Store``: every read and write, each write one transaction
    editing.py     edits applied to a ``Briefing``: what the API shows and the exports render
    jobs.py        briefing requests run on a worker thread, with their progress
    api.py         the JSON API (FastAPI routes)
    pages.py       the HTML pages (templates/, static/): list, new briefing, view and edit
    forms.py       the pages' forms read into the API's requests, so both check alike
    csrf.py        the forms' CSRF token, tied to a cookie
    login.py       signing in from a browser with the token (off loopback): a session cookie
    app.py         ``create_app``: API and pages, errors as JSON or pages, the token and body-size guards
    server.py      ``serve``: uvicorn on a host and port; a token off loopback
    command.py     ``summarize serve``'s options (cli.py parses them and reports errors)

The library rule holds here too: nothing prints or exits; ``summarize serve``
(cli.py) is the only place that does.
"""
