"""Reference data is validated when it is loaded: a malformed row stops loading with one line
that names the file, the row and what is wrong."""

from __future__ import annotations

import shutil

import pytest

from helpers import config, events, lexicon, reference


@pytest.fixture
def reference_copy(tmp_path, monkeypatch):
    """A writable copy of data/reference that the loaders read instead of the real one."""
    copy = tmp_path / "reference"
    shutil.copytree(config.REFERENCE, copy)
    monkeypatch.setattr(config, "REFERENCE", copy)
    loaders = (
        events.lexicon,
        lexicon._table,
        lexicon.extra_agents,
        reference.titles,
        reference.organizations,
        reference.regions,
        reference.metonyms,
        reference.countries,
        reference.lexicon,
        reference._lexicon_and_collisions,
    )
    for cached in loaders:
        cached.cache_clear()
    yield copy
    for cached in loaders:
        cached.cache_clear()


def test_every_override_row_maps_through_the_shipped_cameo_tables():
    lex = events.lexicon()
    assert lex[("sanction", "VERB")].type == "COERCE"  # CAMEO 163 in PLOVER 2021
    assert lex[("invade", "VERB")].goldstein == -10.0  # Goldstein of 190, from the shipped table
    assert all(entry.type and -10 <= entry.goldstein <= 10 for entry in lex.values())


def test_an_override_with_an_unknown_cameo_code_is_refused_with_its_row(reference_copy):
    path = reference_copy / "event_lexicon.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "parley,VERB,,999,true,with,a typo\n", encoding="utf-8"
    )
    with pytest.raises(
        events.LexiconError, match=r"event_lexicon.csv row \d+: '999' is not a CAMEO code"
    ):
        events.lexicon()


def test_an_override_without_a_reason_is_refused(reference_copy):
    path = reference_copy / "event_lexicon.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "parley,VERB,,046,true,with,\n", encoding="utf-8"
    )
    with pytest.raises(events.LexiconError, match="needs a lemma, pos VERB or NOUN, and a reason"):
        events.lexicon()


def test_an_extra_agent_with_a_bad_sector_is_refused(reference_copy):
    path = reference_copy / "agents_extra.csv"
    path.write_text(path.read_text(encoding="utf-8") + "envoys,gov,lower case\n", encoding="utf-8")
    with pytest.raises(
        lexicon.RuleWordsError, match=r"agents_extra.csv row \d+: needs a word and a three-letter"
    ):
        lexicon.extra_agents()


def test_nominal_suffixes_propose_the_verbs_a_noun_names():
    assert "mediate" in lexicon.verb_candidates("mediation")
    assert "detain" in lexicon.verb_candidates("detention")
    assert "withdraw" in lexicon.verb_candidates("withdrawal")


def _replace(path, old, new):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_a_title_of_an_unknown_kind_is_refused_with_its_line(reference_copy):
    _replace(
        reference_copy / "titles.csv", "President,President,1,office,", "President,President,1,job,"
    )
    with pytest.raises(
        reference.ReferenceError, match=r"titles.csv line 2: kind 'job' is not one of"
    ):
        reference.titles()


def test_a_title_rank_outside_one_to_nine_is_refused(reference_copy):
    _replace(
        reference_copy / "titles.csv",
        "President,President,1,office,",
        "President,President,12,office,",
    )
    with pytest.raises(reference.ReferenceError, match=r"titles.csv line 2: rank '12'"):
        reference.titles()


def test_an_organisation_with_an_unknown_country_code_is_refused(reference_copy):
    path = reference_copy / "organizations.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "org:test-body,Test Body,organization,XYZ,,\n",
        encoding="utf-8",
    )
    with pytest.raises(
        reference.ReferenceError, match=r"organizations.csv line \d+: country 'XYZ' is not an ISO"
    ):
        reference.organizations()


def test_a_region_off_the_globe_is_refused(reference_copy):
    path = reference_copy / "regions.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "Nowhere,,region,,95.0,10.0\n", encoding="utf-8"
    )
    with pytest.raises(
        reference.ReferenceError, match=r"regions.csv line \d+: point \(95.0, 10.0\) is outside"
    ):
        reference.regions()


def test_every_phrase_two_reference_entries_claim_is_reported_and_decided():
    """A phrase that names two things is kept for the first by a fixed precedence; each such
    phrase is listed here with the reading the precedence gives, so a new clash fails this test."""
    accepted = {
        "Kremlin": ("metonym", "RUS"),  # the seat of the presidency stands for Russia's government
        "Brussels": (
            "org",
            "org:european-union",
        ),  # in international news, the EU more than Belgium
        "Kingston": ("capital", "JAM"),  # Jamaica's capital, not Norfolk Island's
        "Belgrade": ("capital", "SRB"),  # Serbia, not the defunct Serbia and Montenegro
        # both Congos' people; the annotator reads it as the one the article names
        # (reference.shared_demonyms), else as the DR Congo, the one far more in the news
        "Congolese": ("state", "COD"),
    }
    found = {phrase: kept for phrase, kept, _ in reference.lexicon_collisions()}
    assert found == accepted


def test_a_new_alias_that_clashes_with_another_entry_is_reported(reference_copy):
    _replace(reference_copy / "country_terms.csv", "ALB,Albanian,", "ALB,Albanian,Tirana Pact")
    path = reference_copy / "organizations.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "org:tirana-pact,Tirana Pact,bloc,,,\n", encoding="utf-8"
    )
    clashes = reference.lexicon_collisions()
    assert ("Tirana Pact", ("org", "org:tirana-pact"), ("state", "ALB")) in clashes
