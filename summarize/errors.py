"""User-facing errors.

The library raises these; the CLI prints their message on one line and exits with
code 2. Anything else escaping the library is a bug.
"""


class SummarizeError(Exception):
    """A problem the user can fix: bad input, a missing model, an unknown format."""


class InputError(SummarizeError):
    """An article could not be read (missing, empty, binary, undecodable)."""


class ModelError(SummarizeError):
    """A summarization model could not be loaded or run."""


class TemplateError(SummarizeError):
    """A template could not be loaded or rendered."""


class OutputError(SummarizeError):
    """An output file could not be written (a directory, a socket, no permission)."""


class EncoderExportError(ModelError):
    """The ONNX export of the sentence encoder could not be made or loaded: the
    encoder falls back to torch, unless ONNX was asked for."""


class NotFoundError(SummarizeError):
    """A saved briefing of the desk, or an event of one, that does not exist."""


class StorageError(SummarizeError):
    """The desk's database cannot be opened, brought up to date or written."""


class ConflictError(SummarizeError):
    """A desk request that cannot be done in the briefing's present state (editing a
    briefing still being made)."""


class RefusedError(SummarizeError):
    """A desk request refused for the user's safety: a form posted without its
    CSRF token (from another site, or a page older than the server)."""


class BrowserError(SummarizeError):
    """Headless Chromium, which prints the PDF format, is not installed, could not
    be started, or did not answer in time."""
