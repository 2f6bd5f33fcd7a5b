"""Actors: raw NER turned into canonical, linked actors with countries and roles."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import actors, nlp
from helpers.ingest import read_article

from .conftest import FIXTURES


def annotate_text(text: str) -> actors.Annotation:
    return actors.annotate(nlp.parse(text))


@pytest.fixture(scope="module")
def default():
    from helpers import config

    return actors.annotate(nlp.parse(read_article(config.DEFAULT_ARTICLE).body))


def actor(ann: actors.Annotation, actor_id: str) -> pd.Series:
    rows = ann.actors[ann.actors["actor_id"] == actor_id]
    assert len(rows) == 1, f"{actor_id} not among {sorted(ann.actors['actor_id'])}"
    return rows.iloc[0]


def linked(ann: actors.Annotation, text: str) -> list[str]:
    return ann.mentions.loc[ann.mentions["text"] == text, "actor_id"].tolist()


def test_the_belarusian_leader_resolves_to_lukashenko(default):
    assert set(linked(default, "The Belarusian leader")) == {"person:alexandr-lukashenko"}
    luka = actor(default, "person:alexandr-lukashenko")
    assert (luka["role"], luka["country"]) == ("President of Belarus", "BLR")


def test_raisi_is_a_person_although_ner_calls_him_a_place(default):
    assert set(linked(default, "Raisi")) == {"person:ebrahim-raisi"}
    assert actor(default, "person:ebrahim-raisi")["role"] == "President of Iran"
    assert not default.places["name"].str.contains("Raisi").any()


def test_khamenei_forms_merge_into_one_actor_with_role_from_the_apposition(default):
    ids = default.actors["actor_id"]
    assert ids.str.contains("khamenei").sum() == 1
    kh = actor(default, "person:ali-khamenei")
    assert (kh["role"], kh["country"]) == ("Leader of Iran", "IRN")
    assert kh["mentions"] >= 3


def test_capital_as_government_is_actor_and_place_but_in_tehran_is_only_a_place(default):
    m = default.mentions
    tehran = m[m["text"] == "Tehran"]
    assert tehran["place_id"].eq("city:tehran").all()
    assert tehran["actor_id"].tolist() == ["", "", "state:IRN"]
    assert set(linked(default, "Washington")) == {"state:USA"}
    assert set(linked(default, "Moscow")) == {"state:RUS"}


def test_metonyms_abbreviations_and_blocs(default):
    assert linked(default, "Islamic Republic") == ["state:IRN"]
    assert set(linked(default, "U.S.")) == {"state:USA"}
    assert linked(default, "EU") == ["org:european-union"]
    assert linked(default, "the collective West") == ["bloc:west"]
    assert actor(default, "org:european-union")["country"] == ""


def test_pronouns_follow_the_subject_and_look_ahead_in_a_fronted_clause(default):
    m = default.mentions[default.mentions["how"] == "pronoun"]
    body = read_article(__import__("helpers").config.DEFAULT_ARTICLE).body
    it_supplied = body.index("it had supplied")
    assert m.loc[m["start"] == it_supplied, "actor_id"].tolist() == ["state:IRN"]
    he_praised = body.index("he praised")
    assert m.loc[m["start"] == he_praised, "actor_id"].tolist() == ["person:alexandr-lukashenko"]


def test_the_former_refers_to_the_first_of_the_pair(default):
    assert linked(default, "the former") == ["state:RUS"]


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "japan-australia-pact",
            {
                "state:JPN": ("state", "JPN", ""),
                "state:AUS": ("state", "AUS", ""),
                "state:CHN": ("state", "CHN", ""),
                "person:fumio-kishida": ("person", "JPN", "Prime Minister of Japan"),
                "person:anthony-albanese": ("person", "AUS", "Prime Minister of Australia"),
                "org:foreign-ministry-of-china": ("organization", "CHN", ""),
            },
        ),
        (
            "eu-turkey-migration",
            {
                "org:european-union": ("bloc", "", ""),
                "state:TUR": ("state", "TUR", ""),
                "org:european-commission": ("organization", "", ""),
                "person:ursula-von-der-leyen": (
                    "person",
                    "",
                    "President of the European Commission",
                ),
                "person:recep-tayyip-erdogan": ("person", "TUR", "President of Turkey"),
                "state:GRC": ("state", "GRC", ""),
            },
        ),
        (
            "india-pakistan-talks",
            {
                "state:IND": ("state", "IND", ""),
                "state:PAK": ("state", "PAK", ""),
                "person:subrahmanyam-jaishankar": ("person", "IND", "Foreign Minister of India"),
                "person:ishaq-dar": ("person", "PAK", "Foreign Minister of Pakistan"),
                "org:united-nations": ("organization", "", ""),
                "person:antonio-guterres": (
                    "person",
                    "",
                    "Secretary-General of the United Nations",
                ),
            },
        ),
        (
            "us-venezuela-sanctions",
            {
                "state:USA": ("state", "USA", ""),
                "state:VEN": ("state", "VEN", ""),
                "person:nicolas-maduro": ("person", "VEN", "President of Venezuela"),
                "person:antony-blinken": (
                    "person",
                    "USA",
                    "Secretary of State of the United States",
                ),
                "person:yvan-gil": ("person", "VEN", "Foreign Minister of Venezuela"),
                "person:luiz-inacio-lula-da-silva": ("person", "BRA", "President of Brazil"),
                "state:RUS": ("state", "RUS", ""),
                "state:CHN": ("state", "CHN", ""),
            },
        ),
        (
            "nato-baltic-exercise",
            {
                "org:nato": ("bloc", "", ""),
                "state:DEU": ("state", "DEU", ""),
                "person:mark-rutte": ("person", "", "Secretary-General of NATO"),
                "person:andrei-belousov": ("person", "RUS", "Defence Minister of Russia"),
                "person:gitanas-nauseda": ("person", "LTU", "President of Lithuania"),
                "state:LTU": ("state", "LTU", ""),
            },
        ),
    ],
)
def test_fixture_articles_give_their_expected_actors(fixture, expected):
    ann = annotate_text(read_article(FIXTURES / f"{fixture}.txt").body)
    for actor_id, (type_, country, role) in expected.items():
        row = actor(ann, actor_id)
        assert (row["type"], row["country"], row["role"]) == (type_, country, role), actor_id
    persons = ann.actors[ann.actors["type"] == "person"]
    assert persons["name"].str.split().str[-1].is_unique, "one person, one actor"


def test_kremlin_and_capitals_of_other_articles_are_states():
    ann = annotate_text(read_article(FIXTURES / "us-venezuela-sanctions.txt").body)
    assert linked(ann, "The Kremlin") == ["state:RUS"]
    assert linked(ann, "Caracas") == ["state:VEN"]
    assert linked(ann, "Washington") == ["state:USA"]


def test_secretary_of_state_is_a_title_not_an_organisation():
    ann = annotate_text(read_article(FIXTURES / "us-venezuela-sanctions.txt").body)
    assert "org:state" not in set(ann.actors["actor_id"])


def test_text_without_entities_gives_empty_valid_tables():
    ann = annotate_text("It rained all day and nobody went out.")
    assert ann.actors.empty and ann.places.empty
    assert list(ann.mentions.columns)[:3] == ["mention_id", "sentence_id", "start"]


def test_hyphenated_names_datelines_and_acronyms():
    ann = annotate_text(read_article(FIXTURES / "sudan.txt").body)
    burhan = actor(ann, "person:abdel-fattah-al-burhan")
    assert burhan["name"] == "Abdel Fattah al-Burhan" and burhan["country"] == "SDN"
    assert linked(ann, "KHARTOUM") == [""] and "city:khartoum" in set(ann.places["place_id"])
    assert set(linked(ann, "RSF")) == {"org:rapid-support-forces"}
    ann = annotate_text(read_article(FIXTURES / "china-taiwan.txt").body)
    assert actor(ann, "person:lai-ching-te")["name"] == "Lai Ching-te"
    assert actor(ann, "org:pla")["country"] == "CHN"
