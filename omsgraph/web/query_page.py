"""The query page of ``omsgraph serve`` (``GET /query``): an editor with the named queries as
examples, the results as a table, and their download as CSV or JSON; offline, one
self-contained page (no script, style or font from anywhere).

It sends the query to the endpoint on the same server (``POST /sparql``, body
``application/sparql-query``, answer as SPARQL JSON) and builds the table with ``textContent``
only, so that no value from the graph becomes markup. The endpoint stays read-only; an error
it answers (a syntax error with its position, a refused update) is shown under the editor.
"""

from __future__ import annotations

from collections.abc import Iterable

from omsgraph.graph.query import NamedQuery, named_queries
from omsgraph.web.pagekit import e, page, script_data

__all__ = ["render_query_page"]

_CSS = """
#editor { width: 100%; min-height: 260px; font-family: monospace; font-size: 14px;
          line-height: 1.45; padding: 8px; box-sizing: border-box; border: 1px solid #bbb;
          tab-size: 2; }
.bar { display: flex; gap: 12px; align-items: center; margin: 8px 0; flex-wrap: wrap;
       font-size: 14px; }
.bar button { font-size: 14px; padding: 4px 14px; }
#status { color: #444; }
#status.error { color: #b00000; white-space: pre-wrap; font-family: monospace; }
#results { overflow-x: auto; max-height: 60vh; }
#results table { font-size: 13px; }
#results td { max-width: 520px; word-wrap: break-word; }
#about { color: #555; font-size: 13px; }
"""

_SCRIPT = """
(function () {
  var examples = JSON.parse(document.getElementById("examples").textContent);
  var editor = document.getElementById("editor");
  var pick = document.getElementById("example");
  var about = document.getElementById("about");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var last = null;
  function el(tag, text) {
    var x = document.createElement(tag);
    if (text !== undefined) { x.textContent = String(text); }
    return x;
  }
  function load(name) {
    var q = examples[name];
    if (!q) { return; }
    editor.value = q.text;
    about.textContent = q.description + (q.parameters.length
      ? " (bind ?" + q.parameters.join(", ?") + " in the text to use it)" : "");
  }
  pick.addEventListener("change", function () { load(pick.value); });
  function cell(binding) {
    if (!binding) { return ""; }
    return binding.value;
  }
  function show(data) {
    results.replaceChildren();
    if (typeof data.boolean === "boolean") {
      status.textContent = "answer: " + data.boolean;
      last = {vars: ["answer"], rows: [[String(data.boolean)]], json: data};
      return;
    }
    var vars = data.head.vars, rows = data.results.bindings;
    var table = el("table"), head = el("tr");
    vars.forEach(function (v) { head.appendChild(el("th", v)); });
    table.appendChild(head);
    var plain = [];
    rows.forEach(function (b) {
      var tr = el("tr"), row = [];
      vars.forEach(function (v) { var t = cell(b[v]); row.push(t); tr.appendChild(el("td", t)); });
      plain.push(row);
      table.appendChild(tr);
    });
    results.appendChild(table);
    status.textContent = rows.length + " row(s)";
    last = {vars: vars, rows: plain, json: data};
  }
  function run() {
    status.className = ""; status.textContent = "running…";
    fetch(document.body.dataset.endpoint, {
      method: "POST",
      headers: {"Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json"},
      body: editor.value
    }).then(function (r) {
      return r.text().then(function (t) { return {ok: r.ok, code: r.status, text: t}; });
    }).then(function (r) {
      if (!r.ok) {
        status.className = "error"; status.textContent = "HTTP " + r.code + ": " + r.text;
        results.replaceChildren(); last = null; return;
      }
      var data;
      try { data = JSON.parse(r.text); } catch (err) {
        status.className = "error";
        status.textContent = "the answer is not SPARQL JSON (a CONSTRUCT? use the endpoint)";
        return;
      }
      show(data);
    }).catch(function (err) {
      status.className = "error"; status.textContent = "no answer: " + err;
    });
  }
  document.getElementById("run").addEventListener("click", run);
  editor.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });
  function csvField(t) {
    t = String(t);
    return /[",\\r\\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }
  function download(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], {type: type}));
    a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }
  document.getElementById("csv").addEventListener("click", function () {
    if (!last) { return; }
    var lines = [last.vars.map(csvField).join(",")].concat(
      last.rows.map(function (r) { return r.map(csvField).join(","); }));
    download("results.csv", "text/csv", lines.join("\\r\\n") + "\\r\\n");
  });
  document.getElementById("json").addEventListener("click", function () {
    if (!last) { return; }
    download("results.json", "application/sparql-results+json",
             JSON.stringify(last.json, null, 2));
  });
  load(pick.value);
  window.queryPageReady = true;
})();
"""


def render_query_page(
    queries: Iterable[NamedQuery] | None = None, endpoint: str = "/sparql"
) -> str:
    """The query page: `queries` (default: the named query library) as examples; queries go
    to `endpoint` (a path on the same server)."""
    library = list(named_queries().values()) if queries is None else list(queries)
    examples = {
        q.name: {"text": q.text, "description": q.description, "parameters": q.parameters}
        for q in library
    }
    options = "".join(
        f'<option value="{e(q.name)}">{e(q.name)} — {e(q.description[:80])}</option>'
        for q in library
    )
    body = (
        '<div class="bar"><label>example <select id="example">'
        f"{options}</select></label></div>"
        '<p id="about"></p>'
        '<textarea id="editor" spellcheck="false" aria-label="SPARQL query"></textarea>'
        '<div class="bar"><button id="run" type="button">Run (Ctrl+Enter)</button>'
        '<button id="csv" type="button">Download CSV</button>'
        '<button id="json" type="button">Download JSON</button>'
        '<span id="status" role="status"></span></div>'
        '<div id="results"></div>'
        f'<script type="application/json" id="examples">{script_data(examples)}</script>'
    )
    html = page(
        "SPARQL query",
        "Read-only queries on this graph; the examples are the named queries "
        "(<code>omsgraph query --list</code>). docs/queries.md has more.",
        body,
        _CSS,
        _SCRIPT,
    )
    return html.replace("<body>", f'<body data-endpoint="{e(endpoint)}">', 1)
