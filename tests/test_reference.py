"""Reference data is validated when it is loaded: a malformed row stops loading with one line
that names the file, the row and what is wrong."""

from __future__ import annotations

import shutil

import pytest

from helpers import config, events, lexicon


@pytest.fixture
def reference_copy(tmp_path, monkeypatch):
    """A writable copy of data/reference that the loaders read instead of the real one."""
    copy = tmp_path / "reference"
    shutil.copytree(config.REFERENCE, copy)
    monkeypatch.setattr(config, "REFERENCE", copy)
    for cached in (events.lexicon, lexicon._table, lexicon.extra_agents):
        cached.cache_clear()
    yield copy
    for cached in (events.lexicon, lexicon._table, lexicon.extra_agents):
        cached.cache_clear()


def test_every_override_row_maps_through_the_shipped_cameo_tables():
    lex = events.lexicon()
    assert lex[("sanction", "VERB")].type == "COERCE"  # CAMEO 163 in PLOVER 2021
    assert lex[("invade", "VERB")].goldstein == -10.0  # Goldstein of 190, from the shipped table
    assert all(entry.type and -10 <= entry.goldstein <= 10 for entry in lex.values())


def test_an_override_with_an_unknown_cameo_code_is_refused_with_its_row(reference_copy):
    path = reference_copy / "event_lexicon.csv"
    path.write_text(path.read_text(encoding="utf-8") + "parley,VERB,,999,true,with,a typo\n", encoding="utf-8")
    with pytest.raises(events.LexiconError, match=r"event_lexicon.csv row \d+: '999' is not a CAMEO code"):
        events.lexicon()


def test_an_override_without_a_reason_is_refused(reference_copy):
    path = reference_copy / "event_lexicon.csv"
    path.write_text(path.read_text(encoding="utf-8") + "parley,VERB,,046,true,with,\n", encoding="utf-8")
    with pytest.raises(events.LexiconError, match="needs a lemma, pos VERB or NOUN, and a reason"):
        events.lexicon()


def test_an_extra_agent_with_a_bad_sector_is_refused(reference_copy):
    path = reference_copy / "agents_extra.csv"
    path.write_text(path.read_text(encoding="utf-8") + "envoys,gov,lower case\n", encoding="utf-8")
    with pytest.raises(lexicon.RuleWordsError, match=r"agents_extra.csv row \d+: needs a word and a three-letter"):
        lexicon.extra_agents()


def test_nominal_suffixes_propose_the_verbs_a_noun_names():
    assert "mediate" in lexicon.verb_candidates("mediation")
    assert "detain" in lexicon.verb_candidates("detention")
    assert "withdraw" in lexicon.verb_candidates("withdrawal")
