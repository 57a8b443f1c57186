"""Stage 1, the inputs: whatever the user gives, an ``Article`` (text, title, date, date source).

Read in this order:

- ``loading.py``: the one entry point, ``load_article``/``load_input``, for text files,
  stdin, HTML files, URLs and JSON Lines records; the title and the article date.
- ``decoding.py``: bytes to text, one policy for files, stdin and pages.
- ``web.py``: fetch a URL (through ``netguard.py``: public addresses only, one deadline
  per fetch) and take the story out of its page: ``pagetree.py`` parses it whatever its
  nesting, ``pagecleaning.py`` removes the furniture, ``pagedates.py`` finds the
  publication date in the markup; ``pagemarkup.py`` is their vocabulary, as data.
- ``datelines.py``: wire-story datelines ("BAGHDAD, June 24, 2014 (Reuters) -"), the
  article date of last resort.
"""
