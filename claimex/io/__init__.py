"""Corpora as people store them: one module per input format, and the Parquet tables writer.

Text files, stdin and encodings are read by :mod:`claimex.sources`, which hands every other
format to :func:`claimex.io.formats.read_input`. Every reader streams: a file is read a line,
a CSV row or a Parquet row group at a time, never whole.
"""
