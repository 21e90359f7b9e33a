"""omsgraph: a literature knowledge graph for opsoclonus-myoclonus syndrome.

Claims from each source become RDF triples tied to their source and exact quote; the graph is
queried with SPARQL, explored as HTML views and exported for other ontologies.
"""

__version__ = "0.1.0"
