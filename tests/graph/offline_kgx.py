"""Run the ``kgx`` command line offline: ``python -m tests.graph.offline_kgx validate ...``.

kgx fetches the Biolink model (bmt's default schema and predicate map) and a JSON-LD prefix
context from GitHub when imported. Here bmt is given the model that PyPI's ``biolink-model``
ships and kgx that package's prefix map, every outgoing connection but to 127.0.0.1 is refused
(so a fetch fails instead of happening), and then kgx's own CLI runs. ``OMSGRAPH_KGX_PREFIXES``
(a JSON object) adds prefixes to the context.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from importlib.resources import files

MODEL = files("biolink_model")
SCHEMA = str(MODEL / "schema" / "biolink_model.yaml")
PREFIX_MAP = MODEL / "prefixmaps" / "biolink-model-prefix-map.json"


def _refuse(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if host not in ("127.0.0.1", "::1", "localhost"):
        raise ConnectionRefusedError(f"offline: no connection to {address!r}")
    return _connect(self, address)


_connect = socket.socket.connect


def main(argv: list[str]) -> None:
    socket.socket.connect = _refuse  # type: ignore[method-assign]
    import bmt.toolkit

    defaults = list(bmt.toolkit.Toolkit.__init__.__defaults__ or ())
    bmt.toolkit.Toolkit.__init__.__defaults__ = (SCHEMA, {"predicate mappings": []}, *defaults[2:])
    import kgx.config

    context = json.loads(PREFIX_MAP.read_text(encoding="utf-8"))
    context |= json.loads(os.environ.get("OMSGRAPH_KGX_PREFIXES", "{}"))
    kgx.config.jsonld_context_map["biolink"] = context
    from kgx.cli import cli

    cli.main(argv, prog_name="kgx")


if __name__ == "__main__":
    main(sys.argv[1:])
