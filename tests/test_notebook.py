"""The exploration notebook runs from top to bottom without an error."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def test_explore_notebook_executes(tmp_path: Path) -> None:
    notebook = nbformat.read(ROOT / "notebooks" / "01_explore.ipynb", as_version=4)
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "sources," in text and "nodes," in text
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "rituximab" in html and "<iframe srcdoc=" in html
