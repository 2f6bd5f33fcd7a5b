"""People named by common nouns are actors when the article treats them as participants: whose
they are, which group a later bare noun repeats, and when a noun in generic use is no actor. Each
class has a short news-style text of its own."""

from __future__ import annotations

import datetime as dt

from helpers import actors, nlp


def annotate(text: str, publisher: str = ""):
    return actors.annotate(nlp.parse(text), dt.date(2024, 5, 2), publisher)


def actor_of(a, text: str) -> dict:
    """The actor of the first mention whose text is ``text``."""
    hit = a.mentions[a.mentions["text"] == text]
    assert len(hit), f"no mention {text!r} in {list(a.mentions['text'])}"
    aid = hit.iloc[0]["actor_id"]
    return a.actors[a.actors["actor_id"] == aid].iloc[0].to_dict()


# --- whose people they are -----------------------------------------------------------------------


def test_people_with_no_state_of_their_own_belong_to_the_one_state_their_sentence_names():
    a = annotate("Kenyan riot police fired tear gas at protesters on Tuesday.")
    protesters = actor_of(a, "protesters")
    assert (protesters["country"], protesters["type"]) == ("KEN", "group")


def test_plural_people_of_an_institution_s_sector_are_a_group_not_the_institution():
    a = annotate("Authorities in Belarus detained dozens of lawyers last week.")
    assert (actor_of(a, "lawyers")["country"], actor_of(a, "lawyers")["type"]) == ("BLR", "group")


def test_the_publisher_speaking_about_people_does_not_make_them_its_own():
    a = annotate(
        "The United States condemns the detention of students by Nicaraguan police.", "USA"
    )
    assert actor_of(a, "students")["country"] == "NIC"


def test_people_in_a_sentence_that_names_two_states_keep_no_state():
    a = annotate("Protesters gathered as Peru and Chile signed the border treaty.")
    assert actor_of(a, "Protesters")["country"] == ""


def test_people_that_a_state_s_troops_act_on_are_not_made_that_state_s_people():
    a = annotate("Israeli troops fired on protesters near the border fence.")
    assert actor_of(a, "protesters")["country"] == ""


# --- an ethnic group belongs where it lives ------------------------------------------------------


def test_a_people_of_a_region_in_another_state_belongs_to_that_state():
    a = annotate(
        "The Hungarians of northern Romania are calling for more schools in their language."
    )
    hungarians = actor_of(a, "Hungarians")
    assert (hungarians["country"], hungarians["type"]) == ("ROU", "group")


def test_an_ethnic_group_in_another_state_belongs_to_it_and_its_demonym_names_no_state():
    a = annotate("Ethnic Russian fighters based in Moldova have refused to disarm.")
    assert actor_of(a, "Russian fighters")["country"] == "MDA"
    assert "state:RUS" not in set(a.mentions["actor_id"])


def test_an_ethnic_group_takes_the_one_other_state_its_sentence_names():
    a = annotate(
        "Soldiers killed three ethnic Armenians during clashes in western Azerbaijan on Monday."
    )
    assert actor_of(a, "Armenians")["country"] == "AZE"


def test_nationals_abroad_who_are_not_called_ethnic_stay_their_own_state_s():
    a = annotate("Americans in Lebanon were told to leave the country.")
    assert actor_of(a, "Americans")["country"] == "USA"


# --- a bare plural repeats the group named before it ----------------------------------------------


def test_the_bare_plural_head_of_a_group_named_before_is_that_group_again():
    a = annotate(
        "Red Cross Volunteers arrived in the town on Monday. Forty volunteers handed out water, "
        "and the volunteers will stay for a week."
    )
    named = actor_of(a, "Red Cross Volunteers")["actor_id"]
    again = a.mentions[a.mentions["text"] == "volunteers"]
    assert len(again) == 2 and set(again["actor_id"]) == {named}


def test_a_plural_with_a_name_of_its_own_is_not_the_group_named_before():
    a = annotate(
        "Red Cross Volunteers arrived in the town on Monday. Local Kenyan volunteers joined them."
    )
    assert (
        not (a.mentions["text"] == "volunteers").any()
        or actor_of(a, "volunteers")["actor_id"] != actor_of(a, "Red Cross Volunteers")["actor_id"]
    )


def test_a_demonym_inside_a_group_of_people_is_no_mention_of_its_state():
    a = annotate("Police in Jordan registered Syrian refugees at the border crossing.")
    assert "state:SYR" not in set(a.mentions["actor_id"])
    assert actor_of(a, "Syrian refugees")["country"] == "SYR"


# --- "those" with a clause -------------------------------------------------------------------------


def test_those_whom_an_act_befell_are_a_group_of_the_state_the_article_is_about():
    a = annotate(
        "A car bomb killed nine people in Mogadishu on Sunday. Somalia declared three days of "
        "mourning. The embassy sent its sympathy to those injured in the blast.",
        "USA",
    )
    those = actor_of(a, "those")
    assert (those["type"], those["country"]) == ("group", "SOM")
    assert those["name"] == "those injured in the blast"


def test_those_who_hold_a_view_are_a_group():
    a = annotate("The minister said there are those who have doubts about the ceasefire.")
    assert actor_of(a, "those")["name"] == "those who have doubts about the ceasefire"


def test_those_who_act_in_their_own_clause_are_left_to_that_clause():
    a = annotate("The court fined those who organised the rally in Minsk.")
    assert not (a.mentions["text"] == "those").any()


def test_those_after_a_specific_group_are_that_group():
    a = annotate(
        "Police in Belarus detained dozens of journalists on Friday. Officials later released "
        "those detained without charge."
    )
    assert actor_of(a, "those")["actor_id"] == actor_of(a, "journalists")["actor_id"]


# --- people named together, and described again ----------------------------------------------------


def test_people_named_together_by_and_are_one_group_throughout():
    a = annotate(
        "Police in Uganda arrested journalists and human rights defenders on Monday. The "
        "human rights defenders were released on bail."
    )
    ids = set(a.mentions.loc[a.mentions["text"].str.contains("defenders"), "actor_id"])
    assert ids == {actor_of(a, "journalists")["actor_id"]}


def test_people_described_with_a_quality_and_a_clause_are_the_group_just_named():
    a = annotate(
        "Police in Uganda arrested dozens of journalists on Monday. The embassy praised the "
        "brave individuals who report on corruption."
    )
    assert actor_of(a, "brave individuals")["actor_id"] == actor_of(a, "journalists")["actor_id"]


def test_a_government_s_critics_are_its_state_s_opposition():
    a = annotate(
        "Rather than jailing its critics, the Zimbabwean government should open a dialogue."
    )
    critics = actor_of(a, "critics")
    assert (critics["country"], critics["code"]) == ("ZWE", "ZWEOPP")


def test_politicians_and_criminals_acted_on_are_groups_of_the_state_named():
    a = annotate("The junta in Guinea suspended the constitution and detained politicians.")
    assert actor_of(a, "politicians")["code"] == "GINPTY"
    a = annotate("Soldiers in Honduras arrested dozens of violent criminals on Friday.")
    assert actor_of(a, "violent criminals")["code"] == "HNDCRM"


def test_people_in_a_sentence_naming_no_state_belong_to_the_state_the_article_is_about():
    a = annotate(
        "Bolivia held elections on Sunday. Turnout in Bolivia was high. The opposition "
        "rejected the results.",
        "USA",
    )
    assert actor_of(a, "opposition")["country"] == "BOL"


def test_refugees_from_a_state_are_its_refugees():
    a = annotate("Aid workers registered refugees from Eritrea at the camp.")
    assert actor_of(a, "refugees from Eritrea")["code"] == "ERIREF"


def test_a_demonym_before_a_compound_qualifies_the_people_noun():
    a = annotate("The government will let Iraqi Kurdish refugees return home.")
    assert actor_of(a, "Iraqi Kurdish refugees")["country"] == "IRQ"


# --- a collective of bodies ------------------------------------------------------------------------


def test_a_collective_of_bodies_named_by_their_kind_is_one_group():
    a = annotate("The grain will be handed out by a consortium of non-governmental organizations.")
    hit = a.mentions[a.mentions["text"] == "consortium of non-governmental organizations"]
    assert len(hit) == 1
    group = a.actors[a.actors["actor_id"] == hit.iloc[0]["actor_id"]].iloc[0]
    assert (group["type"], group["country"]) == ("group", "")


def test_a_collective_of_things_is_no_actor():
    a = annotate("The ministry built a network of roads across the province.")
    assert not a.mentions["text"].str.contains("network").any()


def test_police_with_no_state_of_their_own_are_the_body_of_the_one_state_named():
    a = annotate("Gunmen attacked security forces near a checkpoint in Peshawar on Friday.")
    forces = actor_of(a, "security forces")
    assert (forces["country"], forces["type"]) == ("PAK", "organization")


def test_police_in_a_text_that_names_no_state_are_no_actor():
    a = annotate("Police detained the suspect after a chase.")
    assert not (a.mentions["text"] == "Police").any()


def test_people_at_whose_hands_others_suffered_are_a_group():
    a = annotate("Villagers in Mozambique have suffered for years at the hands of armed criminals.")
    assert actor_of(a, "armed criminals")["code"] == "MOZCRM"


# --- the people of the organisation an article is about ----------------------------------------------


def test_a_bare_word_for_a_body_s_people_in_an_article_about_that_body_is_its_people():
    a = annotate(
        "The World Food Programme opened an office in Juba. The World Food Programme said its "
        "director met volunteers at the warehouse."
    )
    volunteers = actor_of(a, "volunteers")
    assert volunteers["type"] == "group" and volunteers["name"].startswith("World Food Program")


def test_a_word_for_a_body_s_people_is_no_actor_when_no_body_leads_the_article():
    a = annotate("The mayor thanked volunteers who cleaned the beach.")
    assert not (a.mentions["text"] == "volunteers").any()
