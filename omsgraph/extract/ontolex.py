"""Concepts of the field's ontologies (HPO, MAxO, MONDO, a drug dictionary) found in text.

The lexicon files under ``omsgraph/extract/lexicons/`` (made by ``ontology/build_lexicons.py``
from the full releases, which ``RELEASES.tsv`` records) hold about 130,000 names, already
cleared of common English words and clashing names. They are compiled into one Aho-Corasick
automaton (pyahocorasick) over folded words, the same folding as the curated lexicon
(:func:`omsgraph.extract.lexicon.fold_token`), so ``Tumours`` finds ``tumor``. The compiled
automaton is cached on disk, keyed by the hash of the lexicon files and of the folding code,
under ``$OMSGRAPH_CACHE_DIR`` or the user's cache folder; where that is not writable it is
built in memory (about a second). Matches start and end on word boundaries, never run across a
comma or a full stop, and abbreviations (``ALL``, ``CT``) match only as spelt.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import os
import pickle
import re
import tempfile
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, chain
from operator import add, sub
from pathlib import Path

import ahocorasick

from omsgraph.corpus.model import Concept
from omsgraph.extract import folding
from omsgraph.extract.folding import fold_token, tokens

__all__ = [
    "LEXICON_DIR",
    "GroundedConcept",
    "OntologyLexicon",
    "Release",
    "compatible",
    "load_ontologies",
    "record_fields",
]

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
_FORMAT = b"ontolex-3"
_US = "\x1f"  # between the other names of an entry
_SLUG_GAP = re.compile(r"[^a-z0-9]+")
# concept types that may share one external ID (a curated "symptom" may be an HPO phenotype)
_GROUPS = (
    frozenset({"symptom", "complication", "finding"}),
    frozenset({"tumour", "infection", "cause", "condition"}),
    frozenset({"drug", "therapy", "procedure"}),
    frozenset({"test"}),
)


@dataclass(frozen=True)
class Release:
    """One ontology release as ``RELEASES.tsv`` records it."""

    ontology: str
    release: str
    date: str
    source: str
    sha256: str


@dataclass(frozen=True)
class GroundedConcept(Concept):
    """A concept with an ontology ID: found through an ontology, or curated and matched by name."""

    curie: str = ""
    ontology: str = ""
    release: str = ""
    curated: bool = False
    justification: str = "semapv:LexicalMatching"  # or ManualMappingCuration (the SSSOM table)


def compatible(curated_type: str, ontology_type: str) -> bool:
    """Whether a curated concept of one type may carry the ID of an ontology entry of another."""
    return any(curated_type in g and ontology_type in g for g in _GROUPS)


def slug(label: str) -> str:
    """A concept id from a preferred label: ``Head tremor`` -> ``head-tremor``."""
    from omsgraph.corpus.vocabulary import normalise

    return _SLUG_GAP.sub("-", normalise(label).encode("ascii", "ignore").decode()).strip("-")


def display(label: str) -> str:
    """An ontology label in the vocabulary's style: ``Unsteady gait`` -> ``unsteady gait``.

    Only a plain capital first letter goes: ``Guillain-Barre syndrome`` and ``HIV`` stay.
    MONDO's labels need none: they are lower case but for names ("Miller Fisher syndrome").
    """
    first = label.split(" ", 1)[0]
    if first[:1].isupper() and first[1:] == first[1:].lower() and len(first) > 1:
        return label[0].lower() + label[1:]
    return label


def record_fields(concept: Concept | None) -> dict[str, str]:
    """Claim-record fields of a grounded concept: its exact match and how it was made."""
    if not isinstance(concept, GroundedConcept) or not concept.curie:
        return {}
    return {
        "object_match": concept.curie,
        "object_match_justification": concept.justification,
        "object_match_release": concept.release,
    }


def _read_tsv_gz(path: Path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:]


def _fold_name(name: str) -> str:
    return " ".join(fold_token(w) for _, _, w in tokens(name))


class OntologyLexicon:
    """The compiled ontology names: ``scan`` finds them in tokenised text, ``lookup`` by name."""

    def __init__(
        self,
        automaton: ahocorasick.Automaton,
        entries: list[str],
        releases: dict[str, Release],
        spelling: dict[str, str],
    ):
        self.automaton = automaton  # folded name -> (entry index * 1024 + key length) * 2 + case
        self.spelling = spelling  # folded name -> the only spelling an abbreviation matches in
        # by index: "curie TAB ontology TAB type TAB label TAB other names (split by US)",
        # one string each so that the cache unpickles fast
        self.entries = entries
        self.releases = releases
        self._concepts: dict[int, GroundedConcept] = {}

    # -- building -----------------------------------------------------------------------------
    @staticmethod
    def fingerprint(directory: Path) -> str:
        """Hash of the lexicon files and the folding code: the compiled cache's key."""
        digest = hashlib.sha256(_FORMAT)
        for name in ("RELEASES.tsv", "entries.tsv.gz", "names.tsv.gz"):
            digest.update((directory / name).read_bytes())
        digest.update(Path(folding.__file__).read_bytes())
        return digest.hexdigest()[:24]

    @classmethod
    def compile(cls, directory: Path = LEXICON_DIR) -> OntologyLexicon:
        """Read the lexicon files and build the automaton (no cache)."""
        releases = {}
        with (directory / "RELEASES.tsv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                releases[row["ontology"]] = Release(
                    row["ontology"], row["release"], row["date"], row["source"], row["sha256"]
                )
        rows = _read_tsv_gz(directory / "entries.tsv.gz")
        index = {row[0]: number for number, row in enumerate(rows)}
        names: list[list[str]] = [[] for _ in rows]
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        spelling: dict[str, str] = {}
        for name, curie, case in _read_tsv_gz(directory / "names.tsv.gz"):
            key = f" {_fold_name(name)} "  # spaces: a match starts and ends on a word boundary
            if key.strip() and len(key) < 1024:
                automaton.add_word(key, (index[curie] * 1024 + len(key)) * 2 + (case == "1"))
                names[index[curie]].append(name)
                if case == "1":
                    spelling[key] = name
        automaton.make_automaton()
        entries = [
            "\t".join((curie, ontology, kind, label, _US.join(n for n in names[k] if n != label)))
            for k, (curie, ontology, kind, label, _xrefs) in enumerate(rows)
        ]
        return cls(automaton, entries, releases, spelling)

    @classmethod
    def load(cls, directory: Path = LEXICON_DIR, cache_dir: Path | None = None) -> OntologyLexicon:
        """The compiled lexicon from the disk cache, compiling (and caching) it when needed."""
        cache_dir = cache_dir or default_cache_dir()
        path = cache_dir / f"ontolex-{cls.fingerprint(directory)}.pickle"
        try:
            with path.open("rb") as handle:
                return cls(*pickle.load(handle))  # our own cache file
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            pass
        built = cls.compile(directory)
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False, suffix=".tmp") as tmp:
                buffer = io.BytesIO()
                state = (built.automaton, built.entries, built.releases, built.spelling)
                pickle.dump(state, buffer, protocol=5)
                tmp.write(buffer.getvalue())
            os.replace(tmp.name, path)
            for stale in cache_dir.glob("ontolex-*.pickle"):  # of earlier lexicon files
                if stale != path:
                    stale.unlink(missing_ok=True)
        except OSError:  # a read-only home: the lexicon works from memory
            pass
        return built

    # -- using --------------------------------------------------------------------------------
    def concept(self, index: int) -> GroundedConcept:
        """The concept of entry ``index`` (made once, on first use)."""
        concept = self._concepts.get(index)
        if concept is None:
            curie, ontology, kind, label, others = self.entries[index].split("\t")
            synonyms = tuple(others.split(_US)) if others else ()
            release = self.releases.get(ontology)
            concept = self._concepts[index] = GroundedConcept(
                id=slug(label) or curie.lower().replace(":", "-"),
                label=label if ontology == "MONDO" else display(label),  # MONDO: case as named
                type=kind,
                synonyms=synonyms,
                curie=curie,
                ontology=ontology,
                release=release.release if release else "",
            )
        return concept

    def lookup(self, phrase: str) -> GroundedConcept | None:
        """The concept one of whose names is ``phrase`` (after folding), or None."""
        key = f" {_fold_name(phrase)} "
        value = self.automaton.get(key, None)
        if value is None or (value & 1 and self.spelling[key] != phrase.strip()):
            return None
        return self.concept(value >> 11)

    def scan(
        self,
        text: str,
        toks: list[tuple[int, int, str]],
        folded: list[str],
        joinable: list[bool],
    ) -> dict[int, tuple[int, GroundedConcept]]:
        """Longest ontology match per start token: ``{first token: (last token, concept)}``.

        ``joinable[k]`` says whether a name may run on from token ``k - 1`` to token ``k``.
        """
        if not toks:
            return {}
        n = len(folded)
        # words apart by one space where a name may run on, by " NUL " where it may not
        separators = [" " if j else " \x00 " for j in joinable]
        separators[0] = " "
        haystack = "".join(chain.from_iterable(zip(separators, folded, strict=True))) + " "
        lengths = list(map(len, folded))
        after = list(accumulate(map(add, map(len, separators), lengths)))  # a word's end
        # both rise strictly: a match's words are found by bisection (fewer than the words)
        begins = list(map(sub, after, lengths))
        best: dict[int, tuple[int, GroundedConcept]] = {}
        for end, value in self.automaton.iter(haystack):
            length = (value >> 1) & 1023  # of the key with its two spaces
            last = bisect_left(after, end)
            if last == n or after[last] != end:
                continue
            first = bisect_left(begins, end - length + 2, 0, last + 1)
            if first > last or begins[first] != end - length + 2:
                continue
            if value & 1:
                exact = self.spelling[haystack[end - length + 1 : end + 1]]
                if text[toks[first][0] : toks[last][1]] != exact:
                    continue
            index = value >> 11
            old = best.get(first)
            if old is None or old[0] < last:
                best[first] = (last, self.concept(index))
        return best


def default_cache_dir() -> Path:
    """``$OMSGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/omsgraph``, else ``~/.cache/omsgraph``."""
    if os.environ.get("OMSGRAPH_CACHE_DIR"):
        return Path(os.environ["OMSGRAPH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder: a cache in the temporary folder still helps
            base = tempfile.gettempdir()
    return Path(base) / "omsgraph"


_LOADED: dict[tuple[str, str], OntologyLexicon] = {}


def load_ontologies(directory: Path = LEXICON_DIR) -> OntologyLexicon:
    """The shipped ontology lexicon, loaded once per process."""
    key = (str(directory), str(default_cache_dir()))
    if key not in _LOADED:
        _LOADED[key] = OntologyLexicon.load(directory)
    return _LOADED[key]
