"""The text of the graph pages' claims: tooltips of nodes and edges, and the claim records
the side panel shows (source by name, qualifiers, review status), kept apart from the drawing
(:mod:`omsgraph.web.render`)."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = [
    "claim_payload",
    "edge_title",
    "node_title",
    "shorten",
    "source_labels",
    "total",
    "support_line",
    "unreviewed",
]

_MAX_CLAIMS_IN_TITLE = 12
_MAX_QUOTE = 400


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def node_title(attrs: dict[str, Any]) -> str:
    if attrs.get("details"):
        return "\n".join(line for line in attrs["details"] if line)
    if attrs["type"] == "Value":
        return f"{attrs['value']}\ntype: Value (literal)"
    lines = [attrs["label"], f"type: {attrs['type']}"]
    if attrs.get("synonyms"):
        lines.append("synonyms: " + ", ".join(attrs["synonyms"]))
    lines.append(attrs.get("iri", ""))
    return "\n".join(lines)


def support_line(attrs: dict[str, Any]) -> str:
    line = f"{attrs['support']} source(s), {total(attrs)} claim(s)"
    if "affirming" in attrs or "negating" in attrs:
        line += (
            f" · {attrs.get('affirming', 0)} source(s) affirm,"
            f" {attrs.get('negating', 0)} negate this triple"
        )
    if attrs.get("contested"):
        line += " · CONTESTED"
    return line


def total(attrs: dict[str, Any]) -> int:
    """The number of claims of an edge: ``claim_count`` where the projection holds only its
    exemplars (``project.EXEMPLAR_SOURCES``), else its claims."""
    return attrs.get("claim_count", len(attrs["claims"]))


def edge_title(
    proj: nx.MultiDiGraph,
    u: str,
    v: str,
    attrs: dict[str, Any],
    claims: list[dict[str, Any]] | None = None,
) -> str:
    """The edge's tooltip: its ends, counts and the first of `claims` (default: all of them)."""
    verb = ("NOT " if attrs["negated"] else "") + attrs["relation_label"]
    lines = [
        f"{shorten(proj.nodes[u]['label'], 80)} → {verb} → {shorten(proj.nodes[v]['label'], 80)}",
        support_line(attrs),
    ]
    for claim in (attrs["claims"] if claims is None else claims)[:_MAX_CLAIMS_IN_TITLE]:
        source = claim["source"] + (f" — {claim['source_title']}" if claim["source_title"] else "")
        if claim.get("citation"):
            source = f"{claim['citation']} ({claim['source']})"
        facts = [f"{claim['polarity']}, {claim['certainty']}"]
        if claim.get("status", "reviewed") != "reviewed":
            facts.insert(0, f"UNREVIEWED: {unreviewed(claim)}")
        if claim["population"]:
            facts.append(f"population: {claim['population']}")
        if claim["qualifier"]:
            facts.append(f"qualifier: {claim['qualifier']}")
        lines += ["", f"• {source}", "  " + " · ".join(facts)]
        if claim["quote"]:
            lines.append(f"  “{shorten(claim['quote'], _MAX_QUOTE)}”")
        lines += [f"  cites: {shorten(cite, 200)}" for cite in claim["cites"]]
        lines += [f"  conflict: {shorten(text, 200)}" for text in claim.get("conflicts", [])]
    if total(attrs) > _MAX_CLAIMS_IN_TITLE:
        lines += ["", f"… and {total(attrs) - _MAX_CLAIMS_IN_TITLE} more claim(s)"]
    return "\n".join(lines)


def unreviewed(claim: dict[str, Any]) -> str:
    """``candidate, automatic, confidence 0.72``: how an unreviewed claim was made."""
    parts = [claim.get("status", ""), claim.get("method", "")]
    if claim.get("confidence") is not None:
        parts.append(f"confidence {claim['confidence']:g}")
    return ", ".join(p for p in parts if p)


def source_labels(edges: list[dict[str, Any]]) -> dict[str, str]:
    """File name -> its short citation (the file name where none is known)."""
    return {c["source"]: c["citation"] or c["source"] for e in edges for c in e["claims"]}


def claim_payload(claim: dict[str, Any]) -> dict[str, Any]:
    keys = ("source", "source_title", "polarity", "certainty", "population", "qualifier")
    payload = {key: claim.get(key, "") for key in keys}
    payload["citation"] = claim.get("citation", "")
    payload["link"] = claim.get("link", "")
    payload["status"] = claim.get("status", "reviewed")
    payload["made"] = unreviewed(claim) if payload["status"] != "reviewed" else ""
    payload["quote"] = shorten(claim.get("quote", ""), 2000)
    payload["cites"] = list(claim.get("cites", []))
    payload["conflicts"] = list(claim.get("conflicts", []))
    return payload
