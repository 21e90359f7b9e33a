"""The quick tests that skip extraction work give what the full work gives (sentences written
for these tests; the byte-identical outputs of the development texts are
test_extract_unchanged.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from omsgraph.extract import coordination, cues
from omsgraph.extract.factoring import Keywords, factored, holds_one, one_pass, required
from omsgraph.extract.figures import RULES, _table
from omsgraph.extract.lexicon import Lexicon
from omsgraph.extract.scope import _other_disease

SENTENCES = [
    "the child was treated with steroids and, later, with rituximab.",
    "symptoms include unsteady gait, drooling and trouble sleeping.",
    "it is also known as kinsbourne syndrome or dancing eyes-dancing feet.",
    "nothing here names a cue at all.",
    "caused by a ganglioneuroblastoma, the disorder responded to therapy with acth.",
    "relapses followed; tumours found included neuroblastoma and ovarian teratoma.",
    "",
    "given",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_introducers_only_where_frame_cues_are(sentence: str) -> None:
    """The introducer triggers searched after frame_spans give what the pattern itself gives."""
    plain = cues._INTRODUCERS.compiled
    cues.frame_spans(sentence)
    gated = [(m.span(), m.lastgroup) for m in cues._INTRODUCERS.finditer(sentence)]
    assert gated == [(m.span(), m.lastgroup) for m in plain.finditer(sentence)]


def test_every_introducer_is_a_frame_cue() -> None:
    """The gate's premise: each FORWARD trigger is among the cues frame_spans reads."""
    every = {r.regex for rules in cues._relation_rows().values() for r in rules}
    forward = {r.regex for rules in cues._relation_rows("FORWARD").values() for r in rules}
    assert forward and forward <= every


def test_population_read_again_is_the_same() -> None:
    assert cues.population("two children and an adult") == "all"
    assert cues.population("in young children") == "children"
    assert cues.population("in young children"[:]) == "children"
    assert cues.population("adults only") == "adults"


_GREEDY_PRE_COORD = re.compile(  # the pattern before its words were made possessive
    r"\b([A-Za-z][\w-]*)((?:,\s*[A-Za-z][\w-]*)*),?\s+(?:and/or|and|or)\s+([A-Za-z][\w-]*)\s+"
    r"([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?"
)


@pytest.mark.parametrize(
    "text",
    [
        "Lung, breast and/or ovarian cancer were found.",
        "Lung or breast cancer, and, or x y",
        "a, b, and c d; e or f g-h",
        "Anti-Ri and anti-Hu antibodies",
        "x_y and z w",
        "one and",
        "breast and small-cell lung cancer in adults",
    ],
)
def test_possessive_pre_coordination_finds_the_same(text: str) -> None:
    found = [m.groups() + m.span() for m in coordination.PRE_COORD.finditer(text)]
    assert found == [m.groups() + m.span() for m in _GREEDY_PRE_COORD.finditer(text)]


def test_other_disease_needs_its_word() -> None:
    from omsgraph.corpus.vocabulary import load_vocabulary

    lexicon = Lexicon(load_vocabulary(Path(__file__).resolve().parents[2] / "data/vocabulary.yaml"))
    assert _other_disease("It resembles Lyme Disease in adults.", lexicon)
    assert not _other_disease("It resembles nothing in adults.", lexicon)


@pytest.mark.parametrize(
    ("alternatives", "text"),
    [
        (["caused by", "cause", "cured", "(?:due|owing) to", "c"], "cured, caused by c due to it"),
        (["ab", "(?:x|a)b?c", "a", "[ab]c", "abc"], "abc xbc ac bc"),
        (["s?he", "she", "(?:he|she) had", "her"], "she had her he"),
        (["(?:a|b)?c", "ac", "a(?:b|c)d", "(?P<name>ab)"], "abd ac c bc"),
        (["Ab", "aB", "abc"], "ABC abc"),
    ],
)
def test_factored_alternation_finds_the_same(alternatives: list[str], text: str) -> None:
    for flags in (0, re.IGNORECASE):
        plain = re.compile("|".join(alternatives), flags)
        fold = bool(flags)
        quick = re.compile(factored(alternatives, fold=fold), flags)
        assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_factored_rule_tables_find_the_same() -> None:
    """Each table's phrases, factored, find what the plain alternation finds in the
    development texts (each frame's cues, each context category)."""
    texts = [
        cues.lower(p.read_text(encoding="utf-8"))
        for p in sorted((Path(__file__).resolve().parents[2] / "data/sources").glob("*.txt"))
    ]
    groups = [[r.regex for r in rules] for rules in cues._relation_rows().values()]
    groups += [[r.regex for r in cues.context_rules(c)] for c in sorted(cues.CATEGORIES)]
    for regexes in groups:
        regexes = sorted(set(regexes), key=lambda r: (-len(r), r))
        plain = re.compile("|".join(regexes))
        quick = re.compile(factored(regexes))
        for text in texts:
            assert [m.span() for m in quick.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]


@pytest.mark.parametrize(
    "text", ["", "median age of onset", "the mean agent", "a%b", "ageless", "tumour", "aaaa"]
)
def test_keywords_are_the_words_in_the_text(text: str) -> None:
    for words in (["age", "median age", "mean", "%", "aa", "a"], ["age", ""], []):
        assert Keywords(words).present(text) == {w for w in words if w in text}


@pytest.mark.parametrize(
    ("regex", "strings"),
    [
        (r"(?<![\w-])(?:ci|confidence)(?![\w-])", {"ci", "confidence"}),
        (r"\b(?:his|her) (?:mother|father)s? had", {" mother", " father"}),
        (r"(?:median|mean) age", {" age"}),
        (r"relaps\w+|recurr(?:ed|ence)", {"relaps", "recurre"}),
        (r"a(?:b|c)?d", {"a", "d"}),  # the optional group holds nothing fixed
        (r"(?:x|)y?", None),  # may match the empty string
        (r"[a-z]+\d", None),
        (r"(?i)cause", None),  # ignores case: its strings would not be fixed
    ],
)
def test_required_strings(regex: str, strings: set[str] | None) -> None:
    found = required(re.compile(regex))
    if strings is None:
        assert found is None
    elif regex.startswith("a(?:"):
        assert found in ({"a"}, {"d"})
    else:
        assert found == strings


def test_every_figure_cue_match_holds_a_required_string() -> None:
    """The quick test of the figure cue rows skips no match: in the development texts, each
    match of a row holds one of the strings read from its pattern."""
    root = Path(__file__).resolve().parents[2]
    texts = [
        cues.lower(p.read_text(encoding="utf-8"))
        for d in ("data/sources", "tests/gold/dev2/texts")
        for p in sorted((root / d).glob("*.txt"))
    ]
    table = _table(RULES)
    matched = 0
    for rule in table.numeric:
        strings = table.cue_strings[rule.line]
        for text in texts:
            for m in rule.pattern.finditer(text):
                matched += 1
                assert strings is None or any(s in m.group() for s in strings), rule.line
    assert matched > 100


def test_every_figure_form_match_holds_a_required_string() -> None:
    """The quick test of the figure forms skips no form that matches: in the development
    texts, each match of a form holds one of the strings read from its pattern."""
    from omsgraph.extract.figure_forms import FORM_STRINGS, FORMS

    root = Path(__file__).resolve().parents[2]
    texts = [
        cues.lower(p.read_text(encoding="utf-8"))
        for d in ("data/sources", "tests/gold/dev2/texts")
        for p in sorted((root / d).glob("*.txt"))
    ]
    matched = 0
    for (kind, pattern), strings in zip(FORMS, FORM_STRINGS, strict=True):
        for text in texts:
            for m in pattern.finditer(text):
                matched += 1
                assert strings is None or any(s in m.group() for s in strings), kind
    assert matched > 50


@pytest.mark.parametrize(
    "sentence",
    [*SENTENCES, "about half of the adults relapsed", "in 12 % of young adults", "1 in 5 children"],
)
def test_population_and_qualifier_after_their_quick_tests(sentence: str) -> None:
    """The quick tests before the adult and frequency patterns change no reading."""
    cues._LAST_POPULATION[0] = None
    kids = bool(cues._CHILDREN.search(sentence))
    adults = bool(cues._ADULTS.search(sentence))
    expected = "all" if kids == adults else "children" if kids else "adults"
    assert cues.population(sentence) == expected
    match = cues._FREQUENCY.search(sentence)
    assert cues.qualifier(sentence) == (match.group(0) if match else "")


@pytest.mark.parametrize(
    ("phrase", "led"),
    [
        ("abc", ["abc"]),
        (r"(?:a|b)?c", ["ac", "bc", "c"]),
        (r"(?<=\ba )(?:x|y)z", [r"x(?<=\ba x)z", r"y(?<=\ba y)z"]),
        (r"\d+ of", [rf"{d}\d* of" for d in "0123456789"]),
        (r"[ab]c", None),
        (r"s?c", None),
    ],
)
def test_phrases_led_by_a_letter(phrase: str, led: list[str] | None) -> None:
    from omsgraph.extract.factoring import _led

    assert _led(phrase) == led


def test_dispatched_frames_find_the_same() -> None:
    """The frame cues written as one branch per leading letter find what one group per frame
    finds, with the same frame, at every position of the development texts."""
    root = Path(__file__).resolve().parents[2]
    texts = [
        cues.lower(p.read_text(encoding="utf-8"))
        for d in ("data/sources", "tests/gold/dev2/texts")
        for p in sorted((root / d).glob("*.txt"))
    ]
    texts += [*SENTENCES, "2 of 3 patients had ataxia", "a genetic disorder", "it began after"]
    for direction in (None, "FORWARD", "BACKWARD"):
        rows = cues._relation_rows(direction)
        plain, fast = cues.grouped(rows), cues.grouped(rows, dispatch=True)
        assert "__" in next(iter(fast.names))  # written by letter
        for text in texts:
            want = [(m.span(), m.lastgroup) for m in plain.finditer(text)]
            assert [(m.span(), k) for m, k in fast.keyed(text)] == want
            assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == want
        for text in texts[-6:]:
            for at in range(len(text)):
                a, b = plain.match(text, at), fast.match(text, at)
                assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup))


def _gated_patterns() -> list[tuple[str, re.Pattern[str], frozenset[str] | Keywords | None]]:
    from omsgraph.extract import qualify

    out = [(f"{s.category} {s.direction} {s.scope}", s.pattern, s.strings) for s in qualify._NEG]
    out += [("universal", qualify._UNIVERSAL, qualify._UNIVERSAL_STRINGS)]
    out += [("subject verb", qualify._SUBJECT_VERB, qualify._SUBJECT_VERB_STRINGS)]
    out += [("adults", cues._ADULTS, cues._ADULT_STRINGS)]
    return out + [("frequency", cues._FREQUENCY, cues._FREQUENCY_STRINGS)]


@pytest.mark.parametrize(("name", "pattern", "strings"), _gated_patterns())
def test_every_gated_match_holds_a_required_string(
    name: str, pattern: re.Pattern[str], strings: frozenset[str] | Keywords | None
) -> None:
    """A pattern behind a quick test loses no match to it: in the development texts, each
    match holds one of the strings read from the pattern."""
    root = Path(__file__).resolve().parents[2]
    for d in ("data/sources", "tests/gold/dev2/texts", "tests/gold/dev3/texts"):
        for path in sorted((root / d).glob("*.txt")):
            for m in pattern.finditer(cues.lower(path.read_text(encoding="utf-8"))):
                assert holds_one(m.group(), strings), name


_OLD_JOINABLE_GAP = re.compile(r"[\s\-\u2010\u2011\u2012\u2013()\"'“”/]*\Z")


@pytest.mark.parametrize(
    "text",
    [
        "St. Louis encephalitis, opsoclonus-myoclonus (OMS) and ‘dancing eyes’",
        "a_b c__d; e/f “g” h–i. Dr. No, Mr.  Smith: x.y",
        "neuro-blastoma , ( ganglioneuroma ) ... ataxia!? tremor's",
        "",
        "—",
    ],
)
def test_joinable_gaps_as_the_full_test_gives(text: str) -> None:
    """A gap with a break character is joinable only after an abbreviation: what the full
    test of each gap (spaces, hyphens, brackets, quotes, slashes only, or an abbreviation)
    gave."""
    from omsgraph.extract.lexicon import _ABBREVIATION_GAP, tokens

    toks = tokens(text)
    want = [False] + [
        bool(_OLD_JOINABLE_GAP.match(text, a[1], b[0]))
        or (
            len(a[2]) <= 3 and a[2][0].isupper() and bool(_ABBREVIATION_GAP.match(text, a[1], b[0]))
        )
        for a, b in zip(toks, toks[1:], strict=False)
    ]
    lexicon = Lexicon.__new__(Lexicon)  # the gaps need no vocabulary
    assert lexicon._joinable_gaps(text, toks) == want[: len(toks)]


@pytest.mark.parametrize(
    ("phrase", "led"),
    [
        (r"[;:]", [";", ":"]),
        (r"[;(\]]x", [";x", r"\(x", r"\]x"]),
        (r"\band(?= then)", [r"a(?<!\wa)nd(?= then)"]),
        (r"\b,", [r",(?<=\w,)"]),
        (r"(?<!a |b )c", [r"c(?<!(?:a |b )c)"]),
        (r",\s*but", [r",\s*but"]),
        (r"\?(?=[a-z])", [r"\?(?=[a-z])"]),
        (r"[a-c]x", None),
        (r"[;:]?x", None),
        (r"\wx", None),
    ],
)
def test_phrases_led_by_a_character(phrase: str, led: list[str] | None) -> None:
    from omsgraph.extract.factoring import _led

    assert _led(phrase, literal=True) == led


_LED_CASES = [
    [r"[;:]", r"(?<!and )possibly", r"\band", r"(?:is|are) not", r"1\d* of"],
    [r"(?<![\w)])\?(?=[a-z])", r",\s*(?:and|but)", ";", r"(?<=x )y", "(?:a )?b"],
    [r"\bc", "[(]c", r"\(c?", "c(?=c)", "cc"],
    [r"(?<![\w-])(?:preceded|prevented|led)(?!-)", r"(?<![\w-])pa", "(?<!x)l"],
]


@pytest.mark.parametrize("marks", _LED_CASES)
def test_led_marks_find_the_same(marks: list[str]) -> None:
    """Led by characters, an alternation matches what it matches plainly, at every position."""
    from omsgraph.extract.factoring import led_marks

    plain = re.compile("|".join(marks))
    led = re.compile(led_marks(marks) or "")
    texts = SENTENCES + ["may; possibly and possibly, but 12 of 3 ab xc a ab?cd", "y x y (c bcc ?a"]
    texts += ["it preceded-led, pa-pa xl led; prevented prevent -led apa"]
    for text in texts:
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for at in range(len(text)):
            a, b = plain.match(text, at), led.match(text, at)
            assert (a and a.span()) == (b and b.span())


def test_led_rule_tables_find_the_same() -> None:
    """Each context category and phrase kind, as cues.alternation writes it (its marks led by
    characters), finds what the plain alternation finds in the development texts."""
    texts = [
        cues.lower(p.read_text(encoding="utf-8"))
        for p in sorted((Path(__file__).resolve().parents[2] / "data/sources").glob("*.txt"))
    ]
    kinds = sorted({r.fields["kind"] for r in cues.table("phrases.tsv")})
    groups = [cues.context_rules(c) for c in sorted(cues.CATEGORIES)]
    groups += [cues.phrase_rows(k) for k in kinds]
    led = 0
    for rules in groups:
        regexes = sorted({r.regex for r in rules}, key=lambda r: (-len(r), r))
        words = factored([r for r in regexes if cues._WORDY.match(r)])
        marks = [r for r in regexes if not cues._WORDY.match(r)]
        words = words and rf"(?<!\w)(?=\w)(?:{words})(?!\w)"
        plain = re.compile("|".join(filter(None, [words, *marks])) or "(?!x)x")
        quick = cues.alternation(rules)
        led += quick.pattern != plain.pattern
        for text in texts:
            assert [m.span() for m in quick.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
    assert led >= 5


@pytest.mark.parametrize(
    "text", ["", "median age of onset", "the mean agent", "a%b", "ageless", "tumour", "aaaa"]
)
def test_strings_in_one_pass_as_one_by_one(text: str) -> None:
    """holds_one over Keywords (one pass, up to the first) tells what the strings one by one do."""
    for strings in (frozenset({"age", "median age", "%", "aa"}), frozenset({"x", ""}), None):
        assert holds_one(text, one_pass(strings)) == holds_one(text, strings)
    for words in (["age", "median age", "mean", "%", "aa", "a"], ["age", ""], []):
        assert Keywords(words).any_in(text) == bool(Keywords(words).present(text))


def test_a_shared_lookbehind_is_tested_once() -> None:
    from omsgraph.extract.factoring import led_marks

    marks = [r"(?<![\w-])(?:preceded|prevented|led)(?!-)"]
    assert led_marks(marks) == r"p(?<![\w-]p)(?:re(?:ceded(?!-)|vented(?!-)))|l(?<![\w-]l)ed(?!-)"


def test_led_whole_word_rows_find_the_same() -> None:
    """The rows of descriptions.tsv and events.tsv, as whole_words writes them (led by
    characters where it can), find what the plain pattern finds, with the same groups."""
    root = Path(__file__).resolve().parents[2]
    texts = [
        cues.lower(p.read_text(encoding="utf-8"))
        for d in ("data/sources", "tests/gold/dev2/texts")
        for p in sorted((root / d).glob("*.txt"))
    ]
    led = 0
    for rule in [*cues.table("descriptions.tsv"), *cues.table("events.tsv")]:
        plain = re.compile(rf"(?<![\w-])(?:{rule.regex})(?![\w-])")
        quick = cues.whole_words(rule.regex)
        led += quick.pattern != plain.pattern
        assert quick.groupindex == plain.groupindex
        for text in texts:
            want = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert [(m.span(), m.groups()) for m in quick.finditer(text)] == want
    assert led >= 10


def test_marks_with_a_capturing_group_are_not_led() -> None:
    from omsgraph.extract.factoring import led_marks

    assert led_marks([r"(?<!x)a(b)", "c"]) is None
    assert led_marks([r"(?<!x)a(?P<n>b)"]) is None
    assert led_marks([r"(?<!x)a(?:b)"]) == r"a(?<!xa)(?:b)"
    assert led_marks([r"\d+ of"]) is None  # \d is more than 0-9


def test_led_retyping_cues_find_the_same() -> None:
    """Each kind of retyping.tsv, led by characters, matches what its plain whole-word pattern
    matches in the development texts (and, as a part of the withdrawal patterns, the same)."""
    from omsgraph.extract import retyping

    root = Path(__file__).resolve().parents[2]
    texts = [
        cues.lower(p.read_text(encoding="utf-8")) for p in sorted(root.glob("data/sources/*.txt"))
    ]
    for kind in sorted({r.fields["kind"] for r in cues.table("retyping.tsv")}):
        rows = [r.regex for r in cues.table("retyping.tsv") if r.fields["kind"] == kind]
        plain = re.compile(rf"(?<![\w-])(?:{'|'.join(rows)})(?![\w-])")
        for text in texts:
            want = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in retyping.cue(kind).finditer(text)] == want
    assert retyping.withdrawn("relapse after the steroid dose was tapered", 19, 26)
    assert retyping.withdrawn("relapse on withdrawal of the steroids", 29, 37)
