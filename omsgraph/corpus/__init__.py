"""The corpus: the curated data of ``data/`` and its loading.

Sources (texts plus one metadata record each) and their reference lists, the concept
vocabulary, the claims with their quotes anchored at character offsets, and the parsed
values of value claims; read from the curator's YAML with line numbers, so that every error
names its file and line. Nothing here builds the graph: the records of
:mod:`omsgraph.corpus.model` are what the later stages take.
"""
