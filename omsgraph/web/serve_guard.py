"""What the endpoint refuses before a query reaches the engine, read from the query's tokens.

The SPARQL 1.1 lexical grammar (section 19.8) is regular, so the query is split into its
tokens by one scanner that knows every opaque form: IRIs with ``\\u``/``\\U`` escapes
(IRIREF with UCHAR), the four string forms with their escapes (ECHAR, UCHAR), prefixed names
with ``\\#``-style escapes and ``%xx`` (PN_LOCAL_ESC, PLX), variables, blank-node labels,
language tags and comments. A keyword token is a bare word, so ``SERVICE`` as a keyword is
found exactly where the grammar puts a ServiceGraphPattern, and nowhere else. The scan fails
closed: text the scanner cannot read is a 400, never "no keyword found".

SPARQL 1.1 (section 19.2) lets ``\\u`` escapes stand anywhere and be expanded before parsing;
Oxigraph expands them only inside IRIs and strings. The query is therefore read both ways and
refused if either reading holds ``SERVICE``. This is the first wall; the second is that the
query process cannot open a socket at all (see ``omsgraph.web.serve_worker``).

The same pass bounds what the engine's recursive parser and evaluator can take: the nesting
depth of brackets and the number of operators that chain patterns or expressions (a 10,000-
long chain of ``OPTIONAL`` or ``+`` overflows Oxigraph's stack and kills the process).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DEFAULT_MAX_QUERY_CHARS", "MAX_DEPTH", "MAX_OPERATORS", "Verdict", "inspect", "refusal"]

DEFAULT_MAX_QUERY_CHARS = 200_000
MAX_DEPTH = 200
MAX_OPERATORS = 5_000

_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_ECHAR = r"""\\[tbnrf\\"']"""
_PN_LOCAL_ESC = r"\\[_~.\-!$&'()*+,;=/?#@%]"
_PLX = rf"%[0-9A-Fa-f]{{2}}|{_PN_LOCAL_ESC}"
_NAME = r"[^\W\d]\w*"  # PN_CHARS_BASE then PN_CHARS (\w is a superset; a wider token is safe)
_PN_PREFIX = r"[^\W\d_](?:[\w.\-\u00b7]*[\w\-\u00b7])?"
_PN_LOCAL = rf"(?:[\w:]|{_PLX})(?:(?:[\w.:\-\u00b7]|{_PLX})*(?:[\w:\-\u00b7]|{_PLX}))?"

_TOKENS = [
    ("ws", r"[ \t\r\n]+"),
    ("comment", r"#[^\r\n]*"),
    ("iri", rf"<(?:[^<>\"{{}}|^`\\\x00-\x20]|{_UCHAR})*>"),
    ("string", rf"'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}|{_UCHAR}))*'''"),
    ("string", rf'"""(?:(?:"|"")?(?:[^"\\]|{_ECHAR}|{_UCHAR}))*"""'),
    ("string", rf"'(?:[^'\\\n\r]|{_ECHAR}|{_UCHAR})*'"),
    ("string", rf'"(?:[^"\\\n\r]|{_ECHAR}|{_UCHAR})*"'),
    ("var", r"[?$][\w\u00b7\u0300-\u036f\u203f\u2040]+"),
    ("bnode", r"_:[\w](?:[\w.\-\u00b7]*[\w\-\u00b7])?"),
    ("pname", rf"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?"),
    ("langtag", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"),
    ("number", r"\d*\.\d+(?:[eE][+-]?\d+)?|\d+\.?\d*[eE][+-]?\d+|\d+"),
    ("word", _NAME),
    ("open", r"\{\||<<\(?|[{(\[]"),
    ("close", r"\|\}|\)?>>|[})\]]"),
    ("operator", r"\|\||&&|!=|<=|>=|\^\^|[=<>!+\-*/|^]"),
    ("punct", r"[,;.?~]"),
]
_SCANNER = re.compile("|".join(f"(?P<{kind}{i}>{rx})" for i, (kind, rx) in enumerate(_TOKENS)))
_KIND = {f"{kind}{i}": kind for i, (kind, _) in enumerate(_TOKENS)}
_UCHAR_ANYWHERE = re.compile(_UCHAR)
_CHAINS = {"OPTIONAL", "UNION", "MINUS"}
_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_PROLOGUE = {"PREFIX", "BASE"}

SERVICE_REFUSED = "SERVICE is refused: this endpoint does not query other endpoints"
UPDATE_REFUSED = "SPARQL Update is refused: this endpoint is read-only"


@dataclass(frozen=True)
class Verdict:
    """Why a query is refused: the HTTP status (400 or 403) and a one-line reason."""

    status: int
    reason: str


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    return f"line {line}, column {pos - (text.rfind(chr(10), 0, pos) + 1) + 1}"


def _scan(text: str) -> tuple[list[tuple[str, str, int]], int | None]:
    """The tokens of `text` (kind, text, position) and the position it stops at, or None."""
    tokens = []
    pos, end = 0, len(text)
    while pos < end:
        match = _SCANNER.match(text, pos)
        if match is None:
            return tokens, pos
        kind = _KIND[match.lastgroup or ""]
        if kind not in ("ws", "comment"):
            tokens.append((kind, match.group(), pos))
        pos = match.end()
    return tokens, None


def _expand(text: str) -> str:
    def one(match: re.Match) -> str:
        try:
            return chr(int(match.group()[2:], 16))
        except (ValueError, OverflowError):
            return match.group()

    return _UCHAR_ANYWHERE.sub(one, text)


def _words(tokens: list[tuple[str, str, int]]) -> list[str]:
    return [value.upper() for kind, value, _ in tokens if kind == "word"]


def inspect(text: str, max_chars: int = DEFAULT_MAX_QUERY_CHARS) -> Verdict | None:
    """Why the read-only, local endpoint refuses the query `text`, or None to run it."""
    if len(text) > max_chars:
        return Verdict(400, f"query too large: {len(text):,} characters, at most {max_chars:,}")
    tokens, stop = _scan(text)
    if stop is not None:
        return Verdict(400, f"malformed query: unexpected {text[stop]!r} at {_where(text, stop)}")
    words = _words(tokens)
    if "SERVICE" in words:
        return Verdict(403, SERVICE_REFUSED)
    if "\\" in text:  # the reading of SPARQL 1.1 section 19.2: escapes expanded everywhere
        expanded, _ = _scan(_expand(text))
        if "SERVICE" in _words(expanded):
            return Verdict(403, SERVICE_REFUSED)
    first = next((w for w in words if w not in _PROLOGUE), None)
    if first in _UPDATES:
        return Verdict(403, UPDATE_REFUSED)
    depth = operators = 0
    for kind, value, pos in tokens:
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                where = _where(text, pos)
                return Verdict(400, f"query too deep: brackets nested over {MAX_DEPTH} at {where}")
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "operator" or (kind == "word" and value.upper() in _CHAINS):
            operators += 1
            if operators > MAX_OPERATORS:
                where = _where(text, pos)
                return Verdict(
                    400, f"query too complex: over {MAX_OPERATORS} operators (at {where})"
                )
    return None


def refusal(text: str) -> str | None:
    """Why the read-only endpoint refuses `text` (an update or a SERVICE call), or None."""
    verdict = inspect(text)
    return verdict.reason if verdict is not None and verdict.status == 403 else None
