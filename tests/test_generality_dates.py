"""Event dates, each class of construction with a short text of its own: which acts the meeting
a readout reports dates, what a date naming a thing leaves free, which dates a past act cannot
take, and when a statement's present-tense stance is dated by the statement. Last, a verb of
stance used as discourse ("we recognize that ...") that makes no event."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers import actors, dates, events, nlp


def annotate(text: str, published: str) -> pd.DataFrame:
    doc = nlp.parse(text)
    a = actors.annotate(doc, dt.date.fromisoformat(published), "")
    d = dates.table(doc, dates.parse_published(published))
    return events.table(doc, a.mentions, a.actors, d, "", dt.date.fromisoformat(published))


def date_of(e: pd.DataFrame, trigger: str) -> str:
    hit = e[e["trigger"] == trigger]
    assert len(hit), f"no event {trigger!r} in\n{e[['trigger', 'type', 'source', 'date']]}"
    return str(hit.iloc[0]["date"])


READOUT = (
    "Foreign Minister Penny Wong met today with Indonesian Foreign Minister Retno Marsudi in "
    "Jakarta. The two ministers discussed maritime security.\n\n"
    "Minister Wong welcomed the new fisheries arrangement. She praised Indonesia's leadership in "
    "the region.\n\n"
    "Minister Wong urged closer coordination on disaster relief.\n\n"
    "Minister Wong thanked Minister Marsudi for her hospitality."
)


def test_every_past_act_of_a_meeting_s_participants_takes_its_date_however_late_in_the_readout():
    e = annotate(READOUT, "2024-03-12")
    assert date_of(e, "urged") == "2024-03-12"
    assert date_of(e, "thanked") == "2024-03-12"


def test_a_participant_s_act_set_earlier_by_an_adverb_is_not_part_of_the_meeting():
    e = annotate(
        READOUT + "\n\nMinister Wong previously criticized Indonesia's fishing rules.", "2024-03-12"
    )
    assert date_of(e, "criticized") == ""


def test_an_act_a_word_sets_earlier_takes_no_date_from_its_paragraph():
    e = annotate(
        "Foreign Minister Penny Wong met today with Indonesian Foreign Minister Retno Marsudi. "
        "Minister Wong previously criticized Indonesia's fishing rules.",
        "2024-03-12",
    )
    assert date_of(e, "met") == "2024-03-12"
    assert date_of(e, "criticized") == ""


def test_late_past_acts_of_others_than_the_meeting_s_participants_keep_no_date():
    e = annotate(READOUT + "\n\nChina criticized the fisheries arrangement.", "2024-03-12")
    assert date_of(e, "criticized") == ""


def test_a_year_that_names_a_thing_leaves_the_sentence_s_acts_to_the_paragraph_s_date():
    e = annotate(
        "President Biden spoke yesterday with President Macron. Biden demanded compliance with "
        "the 2019 trade accord and condemned the tariffs.",
        "2023-02-16",
    )
    assert date_of(e, "demanded") == "2023-02-15"


def test_a_past_act_is_not_dated_by_an_anniversary_still_ahead_of_publication():
    e = annotate(
        "This June 4, we remember the students who were arrested by Belarusian authorities on "
        "June 4, 2020.\n\nThe Belarusian government jailed their lawyers when they came forward. "
        "We call on Belarus to free them. The United States will stand with them.",
        "2023-06-03",
    )
    assert date_of(e, "jailed") == ""


def test_a_present_stance_of_the_actor_whose_act_of_the_day_a_statement_announces_is_dated_that_day():
    e = annotate(
        "Today, the United Kingdom is imposing sanctions on four Haitian gang leaders.\n\n"
        "The United Kingdom supports the people of Haiti in their search for security.",
        "2024-06-05",
    )
    assert date_of(e, "supports") == "2024-06-05"


def test_a_present_stance_keeps_no_date_when_the_statement_announces_no_act_of_its_own_that_day():
    e = annotate(
        "The United Kingdom imposed sanctions on four Haitian gang leaders on May 2, 2024.\n\n"
        "The United Kingdom supports the people of Haiti in their search for security.",
        "2024-06-05",
    )
    assert date_of(e, "supports") == ""


# --- verbs of stance used as discourse ------------------------------------------------------------


def test_a_verb_of_praise_with_a_that_clause_acknowledges_a_fact_and_makes_no_event():
    e = annotate(
        "Chile recognizes that some Peruvians have concerns about the accord. Chile recognized "
        "Peru's efforts to end the dispute.",
        "2024-05-02",
    )
    assert e["trigger"].tolist() == ["recognized"]  # the praise of an object stays an event
