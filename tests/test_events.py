"""Events, dates and quotes: who did what to whom, when, and who said it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pytest

from helpers import actors, config, dates, events, nlp, quotes
from helpers.ingest import read_article

from .conftest import FIXTURES


class Annotated(NamedTuple):
    """An article's body and the tables the annotators make of it."""

    body: str
    actors: actors.Annotation
    dates: pd.DataFrame
    quotes: pd.DataFrame
    events: pd.DataFrame


def annotate(path: Path, published: str | None = "use-meta") -> Annotated:
    art = read_article(path)
    pub = art.meta.get("published") if published == "use-meta" else published
    doc = nlp.parse(art.body)
    a = actors.annotate(doc)
    d = dates.table(doc, dates.parse_published(pub))
    q, _ = quotes.table(doc, a.mentions)
    e = events.table(doc, a.mentions, a.actors, d)
    return Annotated(art.body, a, d, q, e)


@pytest.fixture(scope="module")
def default():
    return annotate(config.DEFAULT_ARTICLE)


def has(e: pd.DataFrame, type_: str, source: str, target: str, **kw) -> pd.DataFrame:
    rows = e[(e["type"] == type_) & (e["source"] == source) & (e["target"] == target)]
    for k, v in kw.items():
        rows = rows[rows[k] == v]
    assert len(rows), (
        f"no {type_} {source} -> {target} {kw} in\n{e[['type', 'source', 'target', 'trigger']]}"
    )
    return rows


def test_the_visit_runs_from_the_visitor_to_the_host_on_the_previous_evening(default):
    e = default.events
    has(e, "CONSULT", "person:alexandr-lukashenko", "state:IRN", mode="visit", date="2023-03-12")


def test_passive_sanctions_name_the_sanctioner_as_source(default):
    e = default.events  # imposing sanctions is CAMEO 163, which PLOVER 2021 codes COERCE
    has(e, "COERCE", "state:USA", "state:IRN", date="1979", cameo="163")
    has(e, "COERCE", "org:european-union", "state:BLR")
    has(e, "COERCE", "state:USA", "state:BLR")


def test_invasion_accusation_and_rejection(default):
    e = default.events
    has(e, "ASSAULT", "state:RUS", "state:UKR", date="2022")
    has(e, "ACCUSE", "state:USA", "state:IRN")
    has(e, "REJECT", "state:IRN", "state:USA")


def test_an_act_inside_an_accusation_is_not_coded_as_fact(default):
    e = (
        default.events
    )  # "accused the Islamic Republic of supplying drones": only the accusation is an event
    assert not (e["trigger"] == "supplying").any()


def test_negated_and_hedged_events_are_marked_not_invented(default):
    e = default.events
    deployed = has(e, "MOBILIZE", "state:BLR", "state:UKR")
    assert deployed["negated"].all()
    # "While not denying it had supplied these": neither the hedge nor what it hedges is stated as fact
    assert not e["trigger"].isin(["supplied", "denying"]).any()


def test_event_rows_are_contract_shaped(default):
    e = default.events
    assert e["goldstein"].between(-10, 10).all() and e["confidence"].between(0, 1).all()
    assert e["cameo"].str.fullmatch(r"\d{3}").all()


def test_dates_are_normalised_against_publication_and_the_text(default):
    d = default.dates
    values = dict(zip(d["text"], d["value"]))
    assert values["March 13th"] == "2023-03-13"
    assert values["the previous evening"] == "2023-03-12"
    assert values["December of last year"] == "2022-12"
    assert values["2023-2026"] == "2023/2026"
    assert (
        values["17 years"] == "P17Y" and values["two-day"] == "P2D" and values["30 years"] == "P30Y"
    )
    anchor = d.loc[d["text"] == "the previous evening", "anchor"].iloc[0]
    assert "March 13th" in anchor


def test_without_a_publication_date_relative_dates_stay_empty_and_say_why():
    d = annotate(config.DEFAULT_ARTICLE, published=None).dates
    row = d[d["text"] == "December of last year"].iloc[0]
    assert row["value"] == "" and "no publication date" in row["basis"]
    assert d.loc[d["text"] == "1979", "value"].iloc[0] == "1979"


@pytest.mark.parametrize(
    "text, value",
    [
        ("on Tuesday", "2023-03-14"),
        ("yesterday", "2023-03-13"),
        ("last month", "2023-02"),
        ("last December", "2022-12"),
        ("13 March 2023", "2023-03-13"),
        ("the 1990s", "1990/1999"),
        ("a decade", "P10Y"),
        ("two hours", "PT2H"),
        ("This March 9", "2023-03-09"),
        ("this 2 April", "2023-04-02"),
    ],
)
def test_common_expressions(text, value):
    assert dates.normalise(text, dt.date(2023, 3, 14)).value == value


def test_quotes_partial_unmarked_and_attributed_through_descriptors(default):
    body, q = default.body, default.quotes
    speaker = dict(zip(q["text"].str[:20], q["speaker"]))
    assert speaker["common strategic visi"[:20]] == "person:ebrahim-raisi"
    assert speaker["I am pleased that we"] == "person:alexandr-lukashenko"
    assert speaker["no sanctions, no pre"] == "person:alexandr-lukashenko"
    assert speaker["such a thing is achi"] == "person:ali-khamenei"
    assert speaker["dangerous impact"] == "state:USA"
    unmarked = q[~q["marked"]]
    assert len(unmarked) == 1
    assert all(body[r.start : r.end] == r.text for r in q.itertuples())


def test_unbalanced_quotation_marks_never_crash():
    doc = nlp.parse('The minister said “we will act. Nobody replied.\n\nShe added "later')
    q, notes = quotes.table(doc, pd.DataFrame(columns=["start", "end", "actor_id"]))
    assert q.empty and len(notes) == 2


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "japan-australia-pact",
            [("SUPPORT", "state:JPN", "state:AUS")],
        ),  # signing a formal agreement: 057
        (
            "eu-turkey-migration",
            [
                ("AGREE", "org:european-union", "state:TUR"),
                ("CONSULT", "person:ursula-von-der-leyen", "person:recep-tayyip-erdogan"),
                ("SUPPORT", "person:ursula-von-der-leyen", "state:TUR"),
            ],
        ),
        (
            "india-pakistan-talks",
            [
                ("CONSULT", "state:IND", "state:PAK"),
                ("CONSULT", "person:subrahmanyam-jaishankar", "person:ishaq-dar"),
                ("ACCUSE", "state:IND", "state:PAK"),
                ("REJECT", "state:PAK", "state:IND"),
            ],
        ),
        (
            "us-venezuela-sanctions",
            [
                ("COERCE", "state:USA", "group:ven-bus"),  # the state oil company: VENBUS
                ("COERCE", "org:us-treasury", "state:VEN"),
                ("ACCUSE", "state:USA", "person:nicolas-maduro"),
            ],
        ),
    ],
)
def test_fixture_events(fixture, expected):
    e = annotate(FIXTURES / f"{fixture}.txt").events
    for type_, source, target in expected:
        has(e, type_, source, target)


def test_fixture_dates_and_quotes():
    fixture = annotate(FIXTURES / "eu-turkey-migration.txt")
    d, q = fixture.dates, fixture.quotes
    assert d.loc[d["text"] == "Thursday", "value"].iloc[0] == "2024-03-07"
    speakers = dict(zip(q["text"], q["speaker"]))
    assert speakers["enormous effort"] == "person:ursula-von-der-leyen"
    assert speakers["Europe's border guard"] == "person:recep-tayyip-erdogan"
    q = annotate(FIXTURES / "us-venezuela-sanctions.txt").quotes
    speakers = dict(zip(q["text"], q["speaker"]))
    assert speakers["hold the Maduro regime accountable."] == "person:antony-blinken"
    assert speakers["an act of economic aggression"] == "person:yvan-gil"


def test_drills_condemnation_and_calls_on_both_sides():
    e = annotate(FIXTURES / "china-taiwan.txt").events
    has(e, "MOBILIZE", "state:CHN", "state:TWN")
    has(e, "ACCUSE", "org:defence-ministry-of-taiwan", "state:CHN")
    has(e, "REQUEST", "state:USA", "state:CHN")
    e = annotate(FIXTURES / "sudan.txt").events
    has(e, "AGREE", "group:sdn-mil", "org:rapid-support-forces")  # "Sudan's army": SDNMIL
    has(e, "REQUEST", "org:african-union", "org:rapid-support-forces")


def test_a_first_in_n_years_implies_an_earlier_occurrence_on_the_timeline(tmp_path):
    from helpers import charts, pipeline, schemas

    out = pipeline.annotate(config.DEFAULT_ARTICLE, tmp_path / "out")
    t = {n: schemas.read_table(out, n) for n in ("actors", "events", "dates", "sentences")}
    rows = charts.timeline_rows(t["events"], t["dates"], t["actors"], t["sentences"])
    implied = rows[rows["category"] == "IMPLIED"]
    assert implied["date"].tolist() == ["2006"]
    assert set(rows["precision"]) >= {"day", "month", "year", "period"}
