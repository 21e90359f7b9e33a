"""The graph as KGX TSV (Biolink model): concepts as nodes, entity-valued claims as edges.

Nodes take the identifier Biolink prefers for their category from the concept's exact
mappings (MONDO for a disease, HP for a phenotype, DRUGBANK for a drug, MAXO for a treatment
or a test); a concept that no ontology has keeps its own IRI under the project's w3id base,
as the CURIE ``OMSGRAPH:<id>``. Every node also carries that IRI (``iri``), so each resolves
under https://w3id.org/omsgraph/. Edges run in Biolink's canonical direction (a drug
``treats`` the condition, a test ``diagnoses`` it, a tumour ``causes`` it), carry the claim's
IRI as ``id`` and its qualifiers: ``negated``, certainty as ``knowledge_level``, the agent that
made it as ``agent_type``, the population as ``onset_qualifier``. See docs/model.md, "KGX".
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.term import Node

from omsgraph.corpus.model import CONCEPT_TYPES, PREDICATES
from omsgraph.graph.namespaces import BIBO, OA, OMS, OMSE, PROV, RDF, SKOS
from omsgraph.output import tsv_table

if TYPE_CHECKING:
    from curies import Converter

__all__ = [
    "BIOLINK_CATEGORIES",
    "BIOLINK_PREDICATES",
    "BIOLINK_PREFIXES",
    "BIOLINK_VERSION",
    "KGX_PREFIX",
    "kgx_metadata",
    "kgx_tables",
]

#: the Biolink model release these tables are written for (and validated against)
BIOLINK_VERSION = "4.4.6"
#: the CURIE prefix of concepts that no ontology has: their IRI under the w3id base
KGX_PREFIX = ("OMSGRAPH", str(OMSE))
#: the entries of Biolink's prefix map (biolink-model-prefix-map.json) that the tables use
BIOLINK_PREFIXES: dict[str, str] = {
    "MONDO": "http://purl.obolibrary.org/obo/MONDO_",
    "HP": "http://purl.obolibrary.org/obo/HP_",
    "MAXO": "http://purl.obolibrary.org/obo/MAXO_",
    "DOID": "http://purl.obolibrary.org/obo/DOID_",
    "NCIT": "http://purl.obolibrary.org/obo/NCIT_",
    "CHEBI": "http://purl.obolibrary.org/obo/CHEBI_",
    "DRUGBANK": "http://identifiers.org/drugbank/",
    "MESH": "http://id.nlm.nih.gov/mesh/",
    "ORDO": "http://www.orpha.net/ORDO/",
    "UMLS": "http://identifiers.org/umls/",
    "PMID": "http://www.ncbi.nlm.nih.gov/pubmed/",
    "doi": "https://doi.org/",
    "biolink": "https://w3id.org/biolink/vocab/",
}

#: vocabulary type -> Biolink category of a KGX node
BIOLINK_CATEGORIES: dict[str, str] = {
    "condition": "biolink:Disease",
    "tumour": "biolink:Disease",
    "infection": "biolink:Disease",
    "symptom": "biolink:PhenotypicFeature",
    "finding": "biolink:PhenotypicFeature",
    "complication": "biolink:PhenotypicFeature",
    "cause": "biolink:NamedThing",
    "drug": "biolink:Drug",
    "procedure": "biolink:Treatment",
    "therapy": "biolink:Treatment",
    "test": "biolink:DiagnosticAid",
    "specialty": "biolink:NamedThing",
}
#: Biolink category -> the prefixes its node id is taken from, in order of preference
ID_PREFIXES: dict[str, tuple[str, ...]] = {
    "biolink:Disease": ("MONDO", "DOID", "ORDO", "NCIT", "MESH", "UMLS", "HP"),
    "biolink:PhenotypicFeature": ("HP", "MONDO"),
    "biolink:Drug": ("DRUGBANK", "CHEBI", "MESH"),
    "biolink:Treatment": ("MAXO",),
    "biolink:DiagnosticAid": ("MAXO",),
    "biolink:NamedThing": ("MONDO", "HP", "MAXO"),
}
#: interchange predicate -> (Biolink predicate in its canonical direction, whether the claim's
#: object is the edge's subject); the exact oms: property is kept as ``original_predicate``
BIOLINK_PREDICATES: dict[str, tuple[str, bool]] = {
    "has_symptom": ("biolink:has_phenotype", False),
    "has_complication": ("biolink:has_phenotype", False),
    "has_cause": ("biolink:causes", True),
    "treated_by": ("biolink:treats", True),
    "diagnosed_by": ("biolink:diagnoses", True),
    "differential_diagnosis": ("biolink:related_to", False),
    "specialist": ("biolink:related_to", False),
}
#: claim certainty -> Biolink knowledge level (a hedged statement is a speculative one)
KNOWLEDGE_LEVELS = {OMS.Asserted: "knowledge_assertion", OMS.Hedged: "prediction"}
#: claim population -> Biolink onset qualifier (an HPO onset term); "all" has none
ONSET_QUALIFIERS = {"children": "HP:0410280", "adults": "HP:0003581"}
PRIMARY_KNOWLEDGE_SOURCE = "infores:omsgraph"

KGX_NODE_COLUMNS = ("id", "category", "name", "synonym", "xref", "iri", "description")
KGX_EDGE_COLUMNS = (
    "id",
    "subject",
    "predicate",
    "object",
    "category",
    "original_predicate",
    "negated",
    "knowledge_level",
    "agent_type",
    "onset_qualifier",
    "primary_knowledge_source",
    "publications",
    "supporting_text",
)


def _converter() -> Converter:
    from curies import Converter  # pydantic underneath: a tenth of a second, only for KGX

    return Converter.from_prefix_map(
        {**BIOLINK_PREFIXES, KGX_PREFIX[0]: KGX_PREFIX[1], "oms": str(OMS)}
    )


def _node_id(category: str, exact: list[str], concept: Node, converter: Converter) -> str:
    for prefix in ID_PREFIXES[category]:
        for curie in exact:
            if curie.startswith(f"{prefix}:"):
                return curie
    return converter.compress(str(concept), strict=True)


def _publication(graph: Graph, source: Node) -> str:
    for predicate, prefix in ((BIBO.pmid, "PMID"), (BIBO.doi, "doi")):
        value = graph.value(source, predicate)
        if value is not None:
            return f"{prefix}:{value}"
    return str(source)


def _agent_type(graph: Graph, claim: Node) -> str:
    if graph.value(claim, OMS.method) != OMS.Automatic:
        return "manual_agent"
    if graph.value(claim, OMS.status) == OMS.Reviewed:
        return "manual_validation_of_automated_agent"
    return "text_mining_agent"


def _nodes(graph: Graph, converter: Converter) -> tuple[list[dict[str, str]], dict[Node, str]]:
    types = {f"{OMS}{cls}": kind for kind, cls in CONCEPT_TYPES.items()}
    nodes, ids = [], {}
    for concept in sorted(graph.subjects(RDF.type, SKOS.Concept)):
        kinds = sorted(types[str(t)] for t in graph.objects(concept, RDF.type) if str(t) in types)
        if not kinds or not str(concept).startswith(str(OMSE)):
            continue
        category = BIOLINK_CATEGORIES[kinds[0]]

        def curies(predicate: URIRef, concept: Node = concept) -> list[str]:
            found = (converter.compress(str(o)) for o in graph.objects(concept, predicate))
            return sorted(c for c in found if c)

        exact = curies(SKOS.exactMatch)
        node_id = _node_id(category, exact, concept, converter)
        ids[concept] = node_id
        xrefs = sorted(set(exact + curies(SKOS.closeMatch)) - {node_id})
        nodes.append(
            {
                "id": node_id,
                "category": category,
                "name": str(graph.value(concept, SKOS.prefLabel) or ""),
                "synonym": "|".join(sorted(str(s) for s in graph.objects(concept, SKOS.altLabel))),
                "xref": "|".join(xrefs),
                "iri": str(concept),
                "description": str(graph.value(concept, SKOS.definition) or ""),
            }
        )
    return nodes, ids


def kgx_tables(graph: Graph) -> tuple[str, str]:
    """KGX TSV ``(nodes, edges)``: concepts as nodes with Biolink categories and their
    mappings as ``xref``; each entity-valued claim as one edge with its qualifiers and
    provenance, in Biolink's canonical direction."""
    converter = _converter()
    nodes, ids = _nodes(graph, converter)
    names = {f"{OMS}{name}": key for key, (name, _) in PREDICATES.items()}
    edges = []
    for claim in sorted(graph.subjects(RDF.type, OMS.Claim)):
        predicate = names.get(str(graph.value(claim, RDF.predicate)))
        subject, obj = graph.value(claim, RDF.subject), graph.value(claim, RDF.object)
        if predicate not in BIOLINK_PREDICATES or obj not in ids or subject not in ids:
            continue
        biolink, reverse = BIOLINK_PREDICATES[predicate]
        if reverse:
            subject, obj = obj, subject
        quotes = [
            str(graph.value(selector, OA.exact))
            for evidence in graph.objects(claim, OMS.hasEvidence)
            for selector in graph.objects(evidence, OA.hasSelector)
            if graph.value(selector, OA.exact) is not None
        ]
        population = str(graph.value(claim, OMS.population) or "")
        edges.append(
            {
                "id": str(claim),
                "subject": ids[subject],
                "predicate": biolink,
                "object": ids[obj],
                "category": "biolink:Association",
                "original_predicate": converter.compress(str(graph.value(claim, RDF.predicate))),
                "negated": str(graph.value(claim, OMS.polarity) == OMS.Negated),
                "knowledge_level": KNOWLEDGE_LEVELS.get(
                    graph.value(claim, OMS.certainty), "not_provided"
                ),
                "agent_type": _agent_type(graph, claim),
                "onset_qualifier": ONSET_QUALIFIERS.get(population, ""),
                "primary_knowledge_source": PRIMARY_KNOWLEDGE_SOURCE,
                "publications": _publication(graph, graph.value(claim, PROV.wasDerivedFrom)),
                "supporting_text": "|".join(q.replace("|", "/") for q in sorted(quotes)),
            }
        )
    return tsv_table(KGX_NODE_COLUMNS, nodes), tsv_table(KGX_EDGE_COLUMNS, edges)


def kgx_metadata() -> str:
    """The KGX graph's metadata as JSON: the Biolink version the tables follow, the prefixes
    their CURIEs use (Biolink's, plus the project's own) and the knowledge source."""
    metadata = {
        "name": "omsgraph",
        "biolink_version": BIOLINK_VERSION,
        "primary_knowledge_source": PRIMARY_KNOWLEDGE_SOURCE,
        "curie_map": {**BIOLINK_PREFIXES, KGX_PREFIX[0]: KGX_PREFIX[1]},
        "iri_base": "https://w3id.org/omsgraph/",
        "documentation": "https://w3id.org/omsgraph/docs/model.md#kgx",
    }
    return json.dumps(metadata, indent=2, sort_keys=True) + "\n"
