"""Whom an event is aimed at when the parse gives its trigger no plain object actor: the target
read from the trigger's own phrases (helpers/targets.py), each class on a short text of its own."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers import actors, dates, events, nlp


def annotate(text: str, published: str = "2024-05-02") -> pd.DataFrame:
    doc = nlp.parse(text)
    a = actors.annotate(doc, dt.date.fromisoformat(published))
    d = dates.table(doc, dates.parse_published(published))
    return events.table(doc, a.mentions, a.actors, d, "", dt.date.fromisoformat(published))


def has(e: pd.DataFrame, type_: str, source: str, target: str) -> None:
    hit = e[(e["type"] == type_) & (e["source"] == source) & (e["target"] == target)]
    assert len(hit), (
        f"no {type_} {source} -> {target} in\n{e[['type', 'source', 'target', 'trigger']]}"
    )


def targets(e: pd.DataFrame) -> set[str]:
    return set(e["target"])


# --- the place an act lands in --------------------------------------------------------------------


def test_a_city_in_the_clause_an_actor_agrees_to_is_aimed_at_the_city_s_state():
    e = annotate("The Arab League agreed to open a trade office in Nairobi.")
    has(e, "AGREE", "org:arab-league", "state:KEN")


def test_a_curfew_a_leader_will_extend_in_a_city_targets_that_city_s_state():
    e = annotate(
        "President Uhuru Kenyatta announced that he will extend the night curfew in Mombasa."
    )
    has(e, "THREATEN", "person:uhuru-kenyatta", "state:KEN")


def test_a_place_on_a_spoken_act_is_where_the_speaker_was_not_whom_it_is_aimed_at():
    assert targets(annotate("France criticized the plan at a meeting in Geneva.")) == {""}
    assert targets(annotate("Iran threatened in Geneva to close the strait.")) == {""}


# --- a demonym or possessor on the object -----------------------------------------------------------


def test_a_demonym_on_the_town_people_are_taken_from_names_the_target():
    e = annotate("Red Cross planes evacuated the injured from the besieged Syrian town of Kobani.")
    has(e, "AID", "org:red-cross", "state:SYR")


def test_a_demonym_on_the_object_of_a_threatened_act_names_the_target():
    e = annotate("Egypt threatened to bomb Sudanese towns near the border.")
    has(e, "THREATEN", "state:EGY", "state:SDN")


def test_the_demonym_on_a_threatened_act_s_object_beats_a_name_in_its_reason():
    e = annotate("Egypt threatened to shell Sudanese towns in retaliation for a raid by Libya.")
    has(e, "THREATEN", "state:EGY", "state:SDN")
    assert "state:LBY" not in targets(e)


def test_a_demonym_deep_inside_the_object_names_no_target():
    e = annotate("The court struck down limits on the use of the Russian language.")
    assert "state:RUS" not in targets(e)


# --- a recipient the parser hung elsewhere ------------------------------------------------------------


def test_a_recipient_cut_off_its_preposition_is_still_the_target():
    e = annotate(
        "Ecuador has granted diplomatic asylum to four Venezuelan army officers holed up in its "
        "embassy since the coup."
    )
    has(e, "AID", "state:ECU", "group:ven-mil")


def test_the_recipient_of_a_light_verb_is_the_target_of_its_event_noun():
    e = annotate(
        "Chancellor Olaf Scholz issued a blunt warning Tuesday to Serbia that it must respect "
        "the border."
    )
    has(e, "ACCUSE", "person:olaf-scholz", "state:SRB")


# --- the party a clause is put to ---------------------------------------------------------------------


def test_the_subject_of_a_for_clause_is_the_party_pressed_even_when_its_to_is_dropped():
    e = annotate("Britain is pressing hard for Germany support its trade plan.")
    has(e, "REQUEST", "state:GBR", "state:DEU")


def test_the_subject_of_an_unless_clause_is_the_party_threatened():
    e = annotate("Bolivia threatened to cut gas exports unless Chile reopened the border.")
    has(e, "THREATEN", "state:BOL", "state:CHL")


# --- what stays without a target -------------------------------------------------------------------


def test_a_request_to_unnamed_addressees_does_not_target_someone_in_their_clause():
    e = annotate("Japan called on other nations to pressure Iranian leaders.")
    assert "state:IRN" not in targets(e)


def test_an_event_noun_naming_no_party_of_its_own_stays_no_event():
    e = annotate("The suppression of protests in Belgrade continued.")
    assert e.empty


# --- whom a complaint or a protest is against ---------------------------------------------------------


def test_a_complaint_to_a_listener_about_an_act_targets_whoever_did_it():
    e = annotate("Syria complained to the United Nations on Monday about Turkish border raids.")
    has(e, "ACCUSE", "state:SYR", "state:TUR")
    assert "org:united-nations" not in targets(e)


def test_a_protest_in_defiance_of_a_state_s_authorities_targets_that_state_not_the_venue():
    e = annotate("Thousands of people marched in Kathmandu in defiance of Chinese authorities.")
    has(e, "PROTEST", "group:npl-ppl", "state:CHN")
    assert "state:NPL" not in targets(e)


def test_a_province_named_after_a_state_is_that_state_s_place():
    e = annotate("Serbia eased curfew rules on Friday in Macedonia province.")
    has(e, "CONCEDE", "state:SRB", "state:MKD")


def test_a_province_that_only_contains_a_state_s_name_is_not_that_state():
    e = annotate("Iran eased travel restrictions on Friday in East Azerbaijan province.")
    assert "state:AZE" not in targets(e)


def test_measures_eased_in_a_place_are_aimed_at_its_state_though_measure_can_name_a_response():
    e = annotate("Serbia eased emergency measures on Friday in Macedonia province.")
    has(e, "CONCEDE", "state:SRB", "state:MKD")


# --- the doers of what the object names; a citizen's protest ----------------------------------------


def test_stopping_an_event_staged_by_someone_targets_whoever_staged_it():
    e = annotate("Kenyan police prevented a demonstration staged by Amnesty International.")
    has(e, "COERCE", "group:ken-cop", "org:amnesty-international")


def test_a_citizen_s_protest_that_names_no_target_is_against_his_own_state():
    e = annotate(
        "Bahrain's leading rights activist, Nabeel Rajab, staged a hunger strike in his cell on "
        "Monday."
    )
    has(e, "PROTEST", "person:nabeel-rajab", "state:BHR")


def test_an_official_s_protest_is_not_against_his_own_state():
    e = annotate("French Ambassador Jean Dupont protested on Monday.")
    assert "state:FRA" not in targets(e)
