"""CAMEO verb dictionary: verbs and their arguments to CAMEO codes and PLOVER categories.

The expected codes are what the PETRARCH-2 dictionary (CAMEO.2.0.txt, converted into
data/reference/) says; the line numbers in the comments point into that file.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from helpers import cameo, config

# ------------------------------------------------------------------------------- verbs on their own


def test_accuse_resolves_to_112_accuse():
    found = cameo.match("accuse")  # ACCUSE [112] in the BLAME synset
    assert (found.code, found.plover, found.pattern) == ("112", "ACCUSE", "")


def test_meet_is_a_040_consult():
    found = cameo.match("meet")
    assert found.code.startswith("04") and found.plover == "CONSULT"
    assert found.code == "040"


def test_visit_is_042_consult_visit_answered_by_043_host_a_visit():
    found = cameo.match("visit")  # synset VISIT [042:043]
    assert (found.code, found.plover, found.mode) == ("042", "CONSULT", "visit")
    assert found.paired_code == "043" and not found.reversed


def test_statements_01x_are_coded_but_have_no_plover_category():
    found = cameo.match("say")  # EXPLAIN_VERBAL [010]
    assert (found.code, found.plover) == ("010", "")
    assert all(cameo.code_info(code).plover == "" for code in ["01", "010", "011", "015", "019"])


def test_a_verb_outside_the_dictionary_gives_none():
    assert not cameo.is_verb("photosynthesise")
    assert cameo.match("photosynthesise") is None


def test_a_known_verb_without_any_code_gives_none():
    assert cameo.is_verb("appear")  # synset APPEAR [---]
    assert cameo.match("appear") is None


# ------------------------------------------------------------------------------------------ patterns


def test_impose_with_object_sanction_is_163_sanctions_which_plover_2021_calls_coerce():
    found = cameo.match("impose", objects=["sanction", "new"])  # - * SANCTIONS [163]
    assert (found.code, found.plover, found.mode) == ("163", "COERCE", "restrict")
    assert (found.pattern, found.synset) == ("* SANCTIONS", "IMPOSE")
    assert cameo.match("impose").code == "170"  # the bare verb: IMPOSE [170]


def test_call_with_particle_for_is_an_appeal_which_plover_calls_request():
    found = cameo.match("call", particle="for")  # - * (FOR) [020]
    assert (found.code, found.plover, found.pattern) == ("020", "REQUEST", "* (FOR)")


def test_for_as_particle_or_as_preposition_gives_the_same_reading():
    as_particle = cameo.match("call", particle="for", objects=["ceasefire"])
    as_preposition = cameo.match("call", preps=[("for", ["ceasefire"])])
    assert as_particle == as_preposition
    assert (as_preposition.code, as_preposition.pattern) == ("0256", "* (FOR &CEASEFIRE)")


def test_a_pattern_with_a_prepositional_phrase_beats_the_bare_verb():
    bare = cameo.match("call")  # CALL [041:041]: a telephone call
    demand = cameo.match("call", preps=[("for", ["truce"])])
    assert (bare.code, bare.plover, bare.mode) == ("041", "CONSULT", "phone")
    assert (demand.code, demand.plover, demand.mode) == ("0256", "REQUEST", "yield")
    assert demand.specificity > bare.specificity


def test_the_most_specific_pattern_wins():
    rushed = cameo.match("rush", preps=[("to", ["border"])])  # - * (TO BORDER) [154]
    police = cameo.match(
        "rush", objects=["police"], preps=[("to", ["border"])]
    )  # - * POLICE (TO BORDER) [153]
    assert (rushed.code, rushed.specificity) == ("154", 2)
    assert (police.code, police.specificity) == ("153", 3)


def test_a_noun_class_pattern_matches_any_member_of_the_class():
    assert "provision" in cameo.noun_class("&FOOD")
    for food in ("food", "provision", "foodstuff"):
        found = cameo.match("deliver", objects=[food])  # - * &FOOD [073]
        assert (found.code, found.plover, found.context, found.pattern) == (
            "073",
            "AID",
            "humanitarian",
            "* &FOOD",
        )


def test_a_multi_word_noun_phrase_needs_all_its_words():
    assert cameo.match("launch", objects=["strike", "air"]).pattern == "* {AIR STRIKE}"  # [195]
    assert cameo.match("launch", objects=["strike"]) is None  # START [---] has no pattern for it
    assert cameo.match("stage", objects=["attack"]).code == "190"  # - * ATTACK [190]
    assert cameo.match("stage", objects=["attack", "mock"]).pattern == "* {MOCK ATTACK}"


def test_a_hyphenated_dictionary_word_also_matches_its_parts():
    assert "cease-fire" in cameo.noun_class("CEASEFIRE")
    found = cameo.match(
        "call", preps=[("for", ["fire", "-", "cease"])]
    )  # spaCy splits "cease-fire"
    assert found.pattern == "* (FOR &CEASEFIRE)"


def test_subject_words_can_select_a_pattern():
    found = cameo.match(
        "approve", subject=["parliament"], objects=["poll"]
    )  # - PARLIAMENT * POLL [160]
    assert (found.code, found.pattern) == ("160", "PARLIAMENT * POLL")


def test_a_reverse_code_makes_the_subject_the_target():
    found = cameo.match("appear", preps=[("before", ["court"])])  # - * (BEFORE COURT) [:173]
    assert (found.code, found.plover, found.mode) == ("173", "COERCE", "arrest")
    assert found.reversed and found.paired_code == ""


def test_a_null_pattern_marks_a_use_that_is_no_event():
    assert cameo.match("call", objects=["meeting"]) is not None
    assert (
        cameo.match("call", objects=["meeting", "cabinet"]) is None
    )  # - * {CABINET MEETING} [---]


def test_a_multi_word_verb_takes_its_particle_or_its_object():
    assert cameo.is_verb("call", "off") and cameo.is_verb("wage", "war")
    assert cameo.match("call", particle="off").code == "160"  # +CALL_OFF [160]
    assert cameo.match("wage", objects=["war"]).plover == "ASSAULT"  # +WAGE_WAR in WAGE [190]


def test_a_pattern_written_for_the_verb_wins_a_tie():
    # ASK synset: - * SUPPORT [020] # ASK, and - * SUPPORT [022] # REQUEST
    assert cameo.match("ask", objects=["support"]).code == "020"
    assert cameo.match("request", objects=["support"]).code == "022"


# -------------------------------------------------------------------------------------- code table


def test_appeals_02x_map_to_request_with_the_mode_of_the_matching_demand_10x():
    for appeal, demand in [("020", "100"), ("0233", "1033"), ("0256", "1056"), ("028", "108")]:
        a, d = cameo.code_info(appeal), cameo.code_info(demand)
        assert (a.plover, a.mode, a.context) == ("REQUEST", d.mode, d.context)


def test_goldstein_comes_from_the_shipped_table():
    with open(config.REFERENCE / "cameo_plover.csv", encoding="utf-8", newline="") as fh:
        table = {row["code"]: row for row in csv.DictReader(fh)}
    assert (
        cameo.match("impose", objects=["sanction"]).goldstein
        == float(table["163"]["goldstein"])
        == -8.0
    )
    assert cameo.code_info("1213").goldstein == cameo.code_info("121").goldstein  # parent's, noted
    assert "parent 121" in table["1213"]["note"]


def test_every_code_has_a_description_from_the_sources():
    undescribed = [c for c in ("010", "0256", "163", "19") if not cameo.code_info(c).description]
    assert undescribed == []


def test_an_unknown_code_is_a_key_error():
    with pytest.raises(KeyError, match="9999"):
        cameo.code_info("9999")


# ------------------------------------------------------------------------------ loading and checks


def test_the_data_is_loaded_once_per_process():
    assert cameo.load() is cameo.load()


@pytest.fixture
def reference_copy(tmp_path: Path) -> Path:
    """A copy of the four CSVs that a test may spoil."""
    for name, _ in cameo.FILES.values():
        shutil.copy(config.REFERENCE / name, tmp_path / name)
    return tmp_path


def spoil(directory: Path, name: str, row: int, column: str, value: str) -> int:
    """Set ``column`` of data row ``row`` of ``name`` to ``value``; returns its line number."""
    path = directory / name
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[row][rows[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return row + 1


@pytest.mark.parametrize(
    "name, column, value, problem",
    [
        ("cameo_plover.csv", "goldstein", "12.5", "Goldstein score 12.5 is outside [-10, 10]"),
        (
            "cameo_plover.csv",
            "plover",
            "DISAPPROVE",
            "'DISAPPROVE' is not one of the 16 categories",
        ),
        ("cameo_plover.csv", "code", "17a", "CAMEO code '17a' is not 2 to 4 digits"),
        ("cameo_verbs.csv", "code", "999", "code '999' is not a CAMEO code"),
        ("cameo_patterns.csv", "object", "&NO_SUCH_CLASS", "unknown class &NO_SUCH_CLASS"),
        ("cameo_patterns.csv", "paired_code", "0000", "paired_code '0000' is not a CAMEO code"),
        ("cameo_patterns.csv", "preps", "&FOOD bread", "does not start with a preposition"),
        ("cameo_verbs.csv", "line", "twelve", "source line 'twelve' is not a number"),
    ],
)
def test_a_malformed_row_is_reported_on_one_line_with_file_and_line(
    reference_copy, name, column, value, problem
):
    line = spoil(reference_copy, name, 5, column, value)
    with pytest.raises(cameo.ReferenceDataError) as raised:
        cameo.load(reference_copy)
    message = str(raised.value)
    assert message.startswith(f"{name} line {line}: ") and problem in message
    assert "\n" not in message


def test_the_module_path_can_point_at_another_copy(reference_copy, monkeypatch):
    line = spoil(reference_copy, "cameo_plover.csv", 3, "goldstein", "-11")
    monkeypatch.setattr(cameo, "REFERENCE_DIR", reference_copy)
    with pytest.raises(cameo.ReferenceDataError, match=f"^cameo_plover.csv line {line}: "):
        cameo.match("accuse")


def test_a_missing_file_is_named(reference_copy):
    (reference_copy / "cameo_classes.csv").unlink()
    with pytest.raises(cameo.ReferenceDataError, match="^cameo_classes.csv: cannot read"):
        cameo.load(reference_copy)


def test_a_pattern_about_a_participant_is_not_lent_to_the_verbs_synonyms():
    assert (
        cameo.match("welcome", "", ["counterpart"]).code == "043"
    )  # welcoming counterparts: hosting
    assert cameo.match("commend", "", ["counterpart"]).code == "051"  # commending them: praise
    assert (
        cameo.match("express", "", ["support"]).plover == "SUPPORT"
    )  # an act's noun is still lent
