"""The per-article stage (stages 1-5) over corpora of any size, and beyond one process.

- ``corpus.py``: ``summarize analyze``: a JSON Lines corpus in, one analysis line per
  article out, in order, streaming (memory flat in the corpus size) and resumable;
  ``brief --from-analysis`` reads such a file back.
- ``analysis_json.py``: the analysis line, written and read.
- ``workers.py``: local worker processes (``--workers N``), each loading the model once.
- ``ray_engine.py``: the same stage as a Ray Data job (``--engine ray``), locally or on
  a running cluster (``--ray-address``): ``ray_sources.py`` reads the corpus in numbered
  pieces, ``ray_cluster.py`` starts a local Ray or joins a cluster (token, loopback).
"""
