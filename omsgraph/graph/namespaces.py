"""The namespaces of the graph, bound once; see docs/model.md."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "BASE",
    "BIBO",
    "CITO",
    "DCTERMS",
    "FABIO",
    "MESH",
    "OA",
    "OBO",
    "OMS",
    "OMSC",
    "OMSE",
    "OMSK",
    "OMSR",
    "OMSS",
    "OMSX",
    "OMSY",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
    "bind_prefixes",
]

BASE = "https://w3id.org/omsgraph/"
OMS = Namespace(BASE + "ontology#")
OMSE = Namespace(BASE + "entity/")
OMSS = Namespace(BASE + "source/")
OMSC = Namespace(BASE + "claim/")
OMSR = Namespace(BASE + "reference/")
#: support, conflict and relation-summary records (bound where they are added, not in PREFIXES)
OMSK = Namespace(BASE + "support/")
OMSX = Namespace(BASE + "conflict/")
OMSY = Namespace(BASE + "summary/")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
CITO = Namespace("http://purl.org/spar/cito/")
FABIO = Namespace("http://purl.org/spar/fabio/")
BIBO = Namespace("http://purl.org/ontology/bibo/")
OBO = Namespace("http://purl.obolibrary.org/obo/")
MESH = Namespace("http://id.nlm.nih.gov/mesh/")

PREFIXES: dict[str, Namespace] = {
    "oms": OMS,
    "omse": OMSE,
    "omss": OMSS,
    "omsc": OMSC,
    "omsr": OMSR,
    "schema": SCHEMA,
    "prov": Namespace(str(PROV)),
    "oa": OA,
    "cito": CITO,
    "dcterms": Namespace(str(DCTERMS)),
    "skos": Namespace(str(SKOS)),
    "fabio": FABIO,
    "bibo": BIBO,
    "obo": OBO,
    "mesh": MESH,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
