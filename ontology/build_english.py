"""Regenerate ``omsgraph/extract/lexicons/english-words.txt.gz``: the English words that the
spelling corrector (``omsgraph/extract/spelling.py``) never reads as a misspelt name; and
``common-words.txt.gz``: the everyday English words (any length, Zipf frequency at least 3.8,
about one use in 160,000 words) that the open vocabulary never proposes alone as a
new concept ("stand", "sensation", "process": a one-word phrase no lexicon knows is a concept
only when it is no everyday word).

    .venv/bin/pip install -e '.[lexicons]'
    .venv/bin/python ontology/build_english.py

The list holds every alphabetic word of seven letters or more among wordfreq's 200,000 most
frequent English words whose Zipf frequency is at least 2.5 (about one use in three million
words): "blurred" and "banging" are words, not slips for "slurred" and "banding"; a common
misspelling ("steriods", Zipf 1.3) is below the line. The first line records the wordfreq
version; the file is written deterministically (sorted, gzip without a time stamp).
"""

from __future__ import annotations

import gzip
import io
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

OUT = (
    Path(__file__).resolve().parents[1]
    / "omsgraph"
    / "extract"
    / "lexicons"
    / "english-words.txt.gz"
)
MIN_LENGTH = 7  # omsgraph.extract.spelling.MIN_LENGTH
MIN_ZIPF = 2.5
COMMON = OUT.with_name("common-words.txt.gz")
COMMON_ZIPF = 3.8


def words() -> list[str]:
    return sorted(
        {
            w
            for w in top_n_list("en", 200_000)
            if len(w) >= MIN_LENGTH
            and w.isascii()
            and w.isalpha()
            and zipf_frequency(w, "en") >= MIN_ZIPF
        }
    )


def common_words() -> list[str]:
    return sorted(
        {
            w
            for w in top_n_list("en", 200_000)
            if w.isascii() and w.isalpha() and zipf_frequency(w, "en") >= COMMON_ZIPF
        }
    )


def write(path: Path, text: str) -> None:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as out:
        out.write(text.encode())
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as f:
        f.write(buffer.getvalue())
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    print(f"wrote {path} ({len(text.splitlines()) - 1} words)")


def main() -> None:
    text = f"# wordfreq {version('wordfreq')}, Zipf >= {MIN_ZIPF}, {MIN_LENGTH}+ letters\n"
    write(OUT, text + "\n".join(words()) + "\n")
    text = f"# wordfreq {version('wordfreq')}, Zipf >= {COMMON_ZIPF}, any length\n"
    write(COMMON, text + "\n".join(common_words()) + "\n")


if __name__ == "__main__":
    main()
