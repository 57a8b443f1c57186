"""Alembic's migration environment for the desk's database (run by ``storage.migrate``).

A new migration: change tables.py, then add a file to versions/ that makes the same
change (``down_revision`` the latest); tests/test_desk_storage.py fails until the
migrations build what tables.py describes.
"""
