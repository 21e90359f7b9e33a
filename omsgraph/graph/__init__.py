"""The graph: the corpus as RDF and everything that reads it as RDF.

IRIs and namespaces, the build (claims, concepts, sources, references, mappings), the
streamed build of large corpora, support and conflict detection and their RDF, the stores
(memory, Oxigraph, any SPARQL 1.1 server), SHACL validation, SPARQL queries and the exports.
"""
