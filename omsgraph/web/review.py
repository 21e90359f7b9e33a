"""The review page: candidate claims by source, each quote highlighted in its text, with
accept, reject and edit forms that write through :mod:`omsgraph.curate.review`.

Its own small werkzeug app, served on 127.0.0.1 (``omsgraph review serve``). The curation
stage is given to it (``backend``: :mod:`omsgraph.curate.review`, or anything with its
``review_items``, ``decide`` and ``EDITABLE``), as web stands beside curate. Every form
carries a CSRF token made when the app starts; a POST without it, or from another origin,
is refused (403). Data is read again on every request, so the page shows what the files
hold now. Source text is shown only escaped; the page loads nothing from elsewhere.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from werkzeug.exceptions import BadRequest, Forbidden, HTTPException, NotFound
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from omsgraph.corpus.model import PREDICATES
from omsgraph.errors import DataError

__all__ = ["ReviewApp", "make_review_server"]

CONTEXT = 120  # characters of text shown on each side of a quote
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}
h2{border-bottom:1px solid #ccc;margin-top:2rem} .claim{border:1px solid #ddd;
border-radius:6px;padding:.6rem .8rem;margin:.8rem 0} .claim.reviewed{background:#eefbe9}
.claim.rejected{background:#fbeaea;opacity:.8} mark{background:#ffe27a}
.text{color:#444} form{display:inline-block;margin:.3rem .4rem 0 0} .what{font-weight:600}
.error{background:#fbeaea;border:1px solid #c33;padding:.5rem} input,select{font:inherit}
"""


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; form-action 'self'\">"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


class ReviewApp:
    """The WSGI app of the review page for the data directory ``data``."""

    def __init__(self, data: Path, reviewer: str, backend: Any) -> None:
        self.data = data
        self.reviewer = reviewer
        self.backend = backend
        self.token = secrets.token_urlsafe(32)

    def __call__(self, environ: dict, start_response: Callable) -> Any:
        request = Request(environ)
        try:
            response = self.dispatch(request)
        except HTTPException as exc:
            response = Response(
                _page("Error", f"<p class='error'>{escape(exc.description or '')}</p>"),
                status=exc.code,
                content_type="text/html; charset=utf-8",
            )
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"
        return response(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        if urlsplit(f"//{request.host}").hostname not in _LOOPBACK:  # DNS rebinding
            raise Forbidden("the review page answers only to 127.0.0.1 or localhost")
        if request.path == "/" and request.method in ("GET", "HEAD"):
            return self.index(request)
        if request.path == "/decide":
            if request.method != "POST":
                raise BadRequest("decisions are sent with POST")
            return self.decide(request)
        raise NotFound("no such page")

    def _items(self, request: Request) -> list[Any]:
        status = request.args.get("status", "candidate")
        wanted = None if status == "all" else status
        try:
            return self.backend.review_items(self.data, wanted, request.args.get("source") or None)
        except DataError as exc:
            raise BadRequest(str(exc)) from None

    def index(self, request: Request) -> Response:
        items = self._items(request)
        from omsgraph.corpus.sources import load_sources
        from omsgraph.corpus.vocabulary import load_vocabulary

        texts = {s.file: s.text for s in load_sources(self.data / "sources")}
        concepts = load_vocabulary(self.data / "vocabulary.yaml").concepts
        parts = [
            "<h1>Review candidate claims</h1>",
            f"<p>{len(items)} claims shown; reviewer <b>{escape(self.reviewer)}</b>. "
            "<a href='/?status=all'>all claims</a> · <a href='/'>candidates</a></p>",
        ]
        error = request.args.get("error")
        if error:
            parts.append(f"<p class='error' id='error'>{escape(error)}</p>")
        source = None
        for item in items:
            if item.source != source:
                source = item.source
                parts.append(f"<h2>{escape(source)}</h2>")
            concept = concepts.get(item.claim.object) if item.claim.entity_valued else None
            label = concept.label if concept else item.claim.object
            parts.append(self._claim(item, texts.get(item.source, ""), label))
        body = "".join(parts)
        return Response(_page("Review", body), content_type="text/html; charset=utf-8")

    def _claim(self, item: Any, text: str, label: str) -> str:
        claim = item.claim
        start, end = claim.evidence.start, claim.evidence.end
        before = text[max(0, start - CONTEXT) : start]
        after = text[end : end + CONTEXT]
        hidden = (
            f"<input type='hidden' name='csrf' value='{self.token}'>"
            f"<input type='hidden' name='id' value='{claim.id}'>"
            f"<input type='hidden' name='source' value='{escape(item.source, quote=True)}'>"
        )
        options = "".join(
            f"<option{' selected' if p == claim.predicate else ''}>{p}</option>" for p in PREDICATES
        )

        def choice(name: str, values: tuple[str, ...], current: str) -> str:
            opts = "".join(
                f"<option{' selected' if v == current else ''}>{v}</option>" for v in values
            )
            return f"<select name='{name}' aria-label='{name}'>{opts}</select>"

        return (
            f"<div class='claim {claim.status.value}' id='c-{claim.id}' data-id='{claim.id}' "
            f"data-status='{claim.status.value}'>"
            f"<div class='what'>{escape(claim.predicate)} → {escape(label)} "
            f"<small>({claim.polarity.value}, {claim.certainty.value}, "
            f"{escape(claim.population)}; {claim.status.value}"
            f"{'' if claim.confidence is None else f', confidence {claim.confidence:.2f}'})"
            "</small></div>"
            f"<div class='text'>…{escape(before)}<mark>{escape(claim.evidence.quote)}</mark>"
            f"{escape(after)}…</div>"
            f"<form method='post' action='/decide'>{hidden}"
            "<button name='decision' value='accept'>Accept</button>"
            "<button name='decision' value='reject'>Reject</button></form>"
            f"<form method='post' action='/decide' class='edit'>{hidden}"
            f"<select name='predicate' aria-label='predicate'>{options}</select>"
            f"<input name='object' aria-label='object' value='{escape(label, quote=True)}'>"
            + choice("polarity", ("affirmed", "negated"), claim.polarity.value)
            + choice("certainty", ("asserted", "hedged"), claim.certainty.value)
            + f"<input name='population' aria-label='population' size='10' "
            f"value='{escape(claim.population, quote=True)}'>"
            "<button name='decision' value='edit'>Save edit</button></form></div>"
        )

    def _check_origin(self, request: Request) -> None:
        origin = request.headers.get("Origin") or request.headers.get("Referer")
        if origin and urlsplit(origin).netloc != request.host:
            raise Forbidden("a decision from another site is refused")
        token = request.form.get("csrf", "")
        if not hmac.compare_digest(token, self.token):
            raise Forbidden("missing or wrong CSRF token: reload the review page")

    def decide(self, request: Request) -> Response:
        self._check_origin(request)
        decision = request.form.get("decision", "")
        claim_id = request.form.get("id", "")
        changes = None
        if decision == "edit":
            fields = self.backend.EDITABLE
            changes = {k: request.form[k].strip() for k in fields if request.form.get(k)}
        source = quote(request.form.get("source", ""))
        try:
            [new_id] = self.backend.decide(self.data, [claim_id], decision, self.reviewer, changes)
        except DataError as exc:
            return redirect(f"/?status=all&source={source}&error={quote(str(exc))}#error", 303)
        return redirect(f"/?status=all&source={source}#c-{new_id}", code=303)


def make_review_server(
    data: Path, reviewer: str, backend: Any, host: str = "127.0.0.1", port: int = 8001
) -> BaseWSGIServer:
    """A server of the review page (call ``serve_forever``); only loopback addresses."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise DataError(f"the review page is served on loopback only, not on {host!r}")
    return make_server(host, port, ReviewApp(data, reviewer, backend), threaded=False)
