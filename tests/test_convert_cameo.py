"""scripts/convert_cameo.py: how CAMEO.2.0.txt lines and the code tables are read."""

from __future__ import annotations

import filecmp
import importlib.util
import sys

import pytest

from helpers import config

SCRIPT = config.ROOT / "scripts" / "convert_cameo.py"
spec = importlib.util.spec_from_file_location("convert_cameo", SCRIPT)
convert = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
spec.loader.exec_module(convert)


class Words:
    """Lemmas stand-in: lower case, no spaCy."""

    def noun(self, phrase: str) -> str:
        return " ".join(phrase.lower().split())

    def verb(self, word: str) -> str:
        return word.lower()

    def irregular_lemmas(self, word: str) -> list[str]:
        return []


def pattern(line: str, classes: dict[str, list[str]] | None = None) -> convert.PatternRow:
    dic = convert.Dictionary(classes=classes or {})
    return convert.pattern_row(1, line, "SYN", dic, Words())


def test_codes_pair_an_event_with_its_answer_from_the_target():
    assert convert.parse_code("042:043") == convert.Code("042", "043")
    assert convert.parse_code(":173") == convert.Code("", "173")
    assert convert.parse_code("---").null and convert.parse_code("160") == convert.Code("160", "")
    assert convert.parse_code("080!") is None


def test_a_pattern_has_subject_words_object_words_and_prepositional_phrases():
    row = pattern(
        "- &MILITARY * {ARMS SHIPMENT} (TO BORDER) (WITH +)  [154]   # RUSH note",
        {"MILITARY": ["TROOPS"]},
    )
    assert (row.subject, row.object, row.preps) == ("&MILITARY", "arms shipment", "to border|with")
    assert (row.code, row.comment_verb, row.pattern) == (
        "154",
        "rush",
        "&MILITARY * {ARMS SHIPMENT} (TO BORDER) (WITH +)",
    )


def test_alternatives_and_legacy_bare_prepositions():
    assert pattern("- * (BY/WITH PROTESTS) [141] # CONFRONT").preps == "by/with protests"
    assert pattern("- * TROOP TOWARD + [154] # MOVE").preps == "toward"
    assert pattern("- * OVER MEETING OF + [161] # CAST").preps == "over meeting|of"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("- * (TO BORDER [154]", "unbalanced brackets"),
        ("- * VENTURE (WITH VISIT)   VISIT)[042:043]  # MAKE", "unbalanced or empty parentheses"),
        ("- * &WEATHER [---]", "undefined class &WEATHER"),
        ("- * +  [111]  # MOCK", "only markers"),
        ("- * DOWN (FROM)  [080!]  # BACK", "malformed code [080!]"),
        ("- A * B * C [010]", "more than one '*'"),
    ],
)
def test_a_pattern_that_cannot_be_read_says_why(line, reason):
    with pytest.raises(convert.LineError, match=reason.replace("[", r"\[").replace("*", r"\*")):
        pattern(line)


def test_multi_word_verbs_split_into_verb_and_particle():
    assert convert.verb_words("+CALL_OFF", Words()) == ("call", "off")
    assert convert.verb_words("+GET_HOLD_OF", Words()) == ("get", "hold of")
    with pytest.raises(convert.LineError, match="coordinated"):
        convert.verb_words("+KILLED_AND", Words())


def test_a_verb_line_takes_its_own_code_else_the_synset_code():
    synset = convert.Code("010", "")
    own = convert.verb_row(7, "ACCUSE [112]  # note", "BLAME", synset, Words())
    inherited = convert.verb_row(8, "SAY {SAID SAYING}", "EXPLAIN", synset, Words())
    null = convert.verb_row(9, "REPORT [---]", "EXPLAIN", synset, Words())
    assert (own.code, own.code_from) == ("112", "verb")
    assert (inherited.lemma, inherited.code, inherited.code_from) == ("say", "010", "synset")
    assert (null.code, null.code_from) == ("", "verb")


def test_plover_table_rows_root_codes_appeals_and_parents(tmp_path):
    table_file = tmp_path / "plover.txt"
    table_file.write_text(
        "# comment\n10: REQUEST\n100: REQUEST,  ,  # Demand\n"
        "1056: REQUEST, yield, military # Demand de-escalation\n"
        "175: ASSAULT, x , military # One\n175: ASSAULT, x, military # Two\n"
    )
    table, skipped = convert.read_plover(table_file)
    assert skipped == [] and "listed twice" in table["175"].note
    assert convert.plover_for("0256", table)[0].plover == "REQUEST"
    assert convert.plover_for("0256", table)[0].mode == "yield"
    assert convert.plover_for("10", table)[0].plover == "REQUEST"
    assert convert.plover_for("012", table) == (
        None,
        "public statement (01x): not an event, no PLOVER category",
    )
    assert convert.goldstein_for("1213", {"121": "-4.0", "12": "-4.0"}) == (
        "-4.0",
        "Goldstein of parent 121",
    )


SOURCES = convert.DEFAULT_SOURCE


@pytest.mark.skipif(
    not (SOURCES / convert.DICTIONARY).exists(), reason="sources not in ../shared/external"
)
def test_converting_again_reproduces_the_committed_csvs(tmp_path):
    assert convert.main(["--out", str(tmp_path)]) == 0
    for name in ("cameo_verbs.csv", "cameo_patterns.csv", "cameo_classes.csv", "cameo_plover.csv"):
        assert filecmp.cmp(tmp_path / name, config.REFERENCE / name, shallow=False), name
