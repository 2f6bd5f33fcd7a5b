"""Constructions met on articles nobody tuned the annotators to, each as a class with a short
news-style text of its own: who the actor is, which verb carries the event, whom it targets."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from helpers import actors, dates, events, nlp


def annotate(text: str, published: str = "2024-05-02", publisher: str = ""):
    doc = nlp.parse(text)
    a = actors.annotate(doc, dt.date.fromisoformat(published), publisher)
    d = dates.table(doc, dates.parse_published(published))
    return a, events.table(
        doc, a.mentions, a.actors, d, publisher, dt.date.fromisoformat(published)
    )


def row(a, actor_id: str) -> dict:
    hit = a.actors[a.actors["actor_id"] == actor_id]
    assert len(hit) == 1, f"{actor_id} not in {list(a.actors['actor_id'])}"
    return hit.iloc[0].to_dict()


def has(e: pd.DataFrame, type_: str, source: str, target: str) -> None:
    hit = e[(e["type"] == type_) & (e["source"] == source) & (e["target"] == target)]
    assert len(hit), (
        f"no {type_} {source} -> {target} in\n{e[['type', 'source', 'target', 'trigger']]}"
    )


# --- actors ---------------------------------------------------------------------------------------


def test_a_leader_named_without_a_country_takes_it_from_the_actor_dictionary_not_from_nearby_words():
    a, _ = annotate(
        "Ukrainian officials said the talks were useful. President Putin's forces kept shelling the city."
    )
    assert row(a, "person:putin")["country"] == "RUS"
    assert row(a, "person:putin")["country_basis"] == "dictionary"


def test_a_title_only_one_state_uses_gives_the_country():
    a, _ = annotate(
        "Secretary of State Antony J. Blinken spoke today with the Saudi foreign minister."
    )
    blinken = row(a, "person:antony-j-blinken")
    assert (blinken["country"], blinken["role"]) == (
        "USA",
        "Secretary of State of the United States",
    )


def test_a_modified_title_is_stripped_and_kept_as_the_role():
    a, _ = annotate(
        "Deputy Foreign Minister Sergei Ryabkov met the envoy in Geneva. Ryabkov said little."
    )
    people = a.actors[a.actors["type"] == "person"]
    assert list(people["actor_id"]) == ["person:sergei-ryabkov"]
    assert people.iloc[0]["role"].startswith("Deputy Foreign Minister")


def test_a_title_tagged_as_an_organisation_is_no_actor_and_a_titled_name_is_a_person():
    a, _ = annotate(
        "Principal Deputy Spokesperson Cale Brown said the Foreign Minister had called."
    )
    assert "person:cale-brown" in set(a.actors["actor_id"])
    assert not a.actors["name"].str.contains("Minister").any()


def test_a_named_thing_is_not_a_person_or_an_organisation():
    a, _ = annotate(
        "The Safer oil tanker threatens the Red Sea. The Inter-American Democratic Charter binds Venezuela."
    )
    assert set(a.actors["type"]) <= {"state"}


def test_the_secretary_is_the_person_given_that_title_earlier():
    a, _ = annotate(
        "Secretary of State Antony J. Blinken met Foreign Minister Wang Yi. The Secretary raised Taiwan."
    )
    m = a.mentions[a.mentions["text"] == "The Secretary"]
    assert list(m["actor_id"]) == ["person:antony-j-blinken"]


def test_troops_of_a_state_are_a_coded_group_and_its_officials_are_the_state():
    a, e = annotate(
        "Israeli troops raided the camp on Monday. Palestinian officials condemned the raid."
    )
    troops = row(a, "group:isr-mil")
    assert (troops["country"], troops["code"]) == ("ISR", "ISRMIL")
    assert "state:PSE" in set(a.mentions["actor_id"])


def test_actor_codes_follow_country_and_sector():
    a, _ = annotate(
        "Russian Foreign Minister Sergey Lavrov met United Nations officials and NATO diplomats."
    )
    assert row(a, "person:sergey-lavrov")["code"] == "RUSGOV"
    assert row(a, "state:RUS")["code"] == "RUS"
    assert row(a, "org:united-nations")["code"].startswith("IGO")


def test_we_in_a_government_statement_is_that_government():
    a, e = annotate("We strongly condemn the attack on the embassy in Kabul.", publisher="USA")
    assert set(a.mentions.loc[a.mentions["text"] == "We", "actor_id"]) == {"state:USA"}
    assert (e["source"] == "state:USA").any()


def test_an_official_of_an_international_body_described_in_lower_case_holds_its_office_and_code():
    a, _ = annotate(
        "The ministers rejected calls by Kofi Annan, the UN secretary-general, to adopt the reforms."
    )
    annan = row(a, "person:kofi-annan")
    assert (annan["role"], annan["country"]) == ("Secretary-General of the United Nations", "")
    assert annan["code"] == "IGOUNO"


def test_a_head_of_an_alliance_takes_the_alliance_code():
    a, _ = annotate("NATO Secretary-General Jens Stoltenberg said the allies would stay.")
    assert row(a, "person:jens-stoltenberg")["code"].startswith("IGO")


def test_a_government_named_after_its_leader_is_that_leader_s_state():
    a, e = annotate(
        "The Biden administration imposed new sanctions on Russia on Friday. "
        "The Maduro government jailed two opposition leaders.",
        published="2024-03-01",
    )
    forms = dict(zip(a.mentions["text"], a.mentions["actor_id"]))
    assert forms["The Biden administration"] == "state:USA"
    assert forms["The Maduro government"] == "state:VEN"
    has(e, "COERCE", "state:USA", "state:RUS")  # CAMEO 163, which PLOVER files under COERCE


def test_a_regime_named_after_a_leader_the_text_introduced_takes_his_country_as_one_mention():
    a, _ = annotate(
        "President Bashar al-Assad spoke on Monday. The Assad regime continues to lose ground."
    )
    rows = a.mentions[a.mentions["text"] == "The Assad regime"]
    assert list(rows["actor_id"]) == ["state:SYR"]


# --- events ---------------------------------------------------------------------------------------


def test_the_reported_act_is_coded_and_the_reporting_verb_is_not():
    _, e = annotate(
        "Jordan and Britain have agreed to hold joint military exercises, a Jordanian official said."
    )
    has(e, "AGREE", "state:JOR", "state:GBR")
    assert not e["trigger"].str.contains("said").any()


def test_an_intention_is_agree_for_cooperation_and_threaten_for_force():
    _, e = annotate(
        "Portugal will send doctors to Angola. Russia plans to attack the port of Odesa in Ukraine."
    )
    has(e, "AGREE", "state:PRT", "state:AGO")
    assert set(e.loc[e["source"] == "state:RUS", "type"]) == {"THREATEN"}


def test_condemning_an_act_targets_whoever_did_it():
    _, e = annotate(
        "The United States condemns the detention of the mayor by Venezuelan security forces."
    )
    has(e, "ACCUSE", "state:USA", "group:ven-cop")  # security forces: police (COP) in CAMEO


def test_an_act_in_a_country_is_aimed_at_it_when_no_one_else_is_named():
    _, e = annotate("Serbia lifted a night curfew in Montenegro on Sunday.")
    has(e, "CONCEDE", "state:SRB", "state:MNE")


def test_a_reported_obligation_is_a_demand_on_its_subject():
    _, e = annotate("A senior British minister said that Libya must hand over the suspects.")
    has(e, "REQUEST", "state:GBR", "state:LBY")


def test_a_verb_with_no_event_of_its_own_carries_the_event_its_object_names():
    _, e = annotate("Israel and Lebanon renewed negotiations on Tuesday.")
    assert set(e["type"]) == {"CONSULT"}


@pytest.mark.parametrize(
    "text", ["The minister said nothing new.", "Prices rose sharply in March."]
)
def test_a_sentence_without_actors_or_acts_gives_no_event(text):
    _, e = annotate(text)
    assert e.empty


@pytest.mark.parametrize(
    "text, person",
    [
        (
            "President Volodymyr Zelenskyy spoke in Kyiv. Zelensky later met the Polish president.",
            "volodymyr-zelenskyy",
        ),
        (
            "Muammar Gaddafi addressed the summit. Later Qaddafi left for Tripoli.",
            "muammar-gaddafi",
        ),
        (
            "Iran's President Hassan Rouhani met the envoy. Rohani said the talks went well.",
            "hassan-rouhani",
        ),
    ],
)
def test_a_transliteration_variant_is_the_same_person(text, person):
    a, _ = annotate(text)
    people = a.actors[a.actors["type"] == "person"]
    assert list(people["actor_id"]) == [f"person:{person}"]


def test_two_people_sharing_a_surname_with_different_first_names_stay_apart():
    a, _ = annotate("Joe Biden met Hunter Biden's lawyers. Joe Biden said nothing.")
    assert {"person:joe-biden", "person:hunter-biden"} <= set(a.actors["actor_id"])


SPEAKERS = """Russian Foreign Minister Sergey Lavrov met Chinese officials in Beijing on Monday.

"We will not accept any ultimatum," Lavrov told reporters after the talks.

"The sanctions have failed," said Dmitry Peskov, speaking at a briefing in Moscow.

According to Peskov, "the West has run out of ideas."

"This is unacceptable," the Russian minister said."""


@pytest.mark.parametrize(
    "opening, speaker",
    [
        ("We will not accept", "person:sergey-lavrov"),  # X told reporters
        ("The sanctions have failed", "person:dmitry-peskov"),  # said X, speaking at ...
        ("the West has run out", "person:dmitry-peskov"),  # according to X
        ("This is unacceptable", "person:sergey-lavrov"),  # named by title after the name
    ],
)
def test_speakers_of_common_reporting_patterns(opening, speaker):
    from helpers import quotes

    doc = nlp.parse(SPEAKERS)
    a = actors.annotate(doc)
    q, _ = quotes.table(doc, a.mentions)
    assert q.loc[q["text"].str.startswith(opening), "speaker"].tolist() == [speaker]
    assert "group:reporters" not in set(a.actors["actor_id"])  # the audience is not an actor


def speakers(text: str) -> list[str]:
    """The speaker of each quotation of ``text``, in order."""
    from helpers import quotes

    doc = nlp.parse(text)
    q, _ = quotes.table(doc, actors.annotate(doc).mentions)
    return q["speaker"].tolist()


def test_a_quotation_over_two_sentences_takes_the_speaker_named_after_it():
    text = (
        '"There has never been a better time. Volunteers will have great impact," said U.S. Ambassador '
        "to Rwanda Stuart Symington."
    )
    assert speakers(text) == ["person:stuart-symington"]


def test_a_surname_the_ner_missed_is_still_the_person_named_earlier():
    text = (
        "Andrew S. Natsios, the USAID Administrator, visited Addis Ababa on Monday. "
        '"The American people are committed to meeting these needs," Natsios said. "Our response is helping."'
    )
    assert set(speakers(text)) == {
        "person:andrew-s-natsios"
    }  # the second quotation goes on in his voice


def test_a_stated_commitment_is_an_intent_to_cooperate():
    _, e = annotate(
        "The United States is committed to helping Syria's neighbours. Jordan hosts refugees."
    )
    assert "AGREE" in set(e.loc[e["source"] == "state:USA", "type"])


def test_a_title_without_a_country_refers_to_the_person_who_holds_it():
    a, e = annotate(
        "Secretary of State Antony J. Blinken spoke with Saudi Foreign Minister Faisal bin Farhan. "
        "The Secretary thanked the Foreign Minister for his efforts."
    )
    m = a.mentions[a.mentions["text"] == "the Foreign Minister"]
    assert list(m["actor_id"]) == ["person:faisal-bin-farhan"]
    has(e, "SUPPORT", "person:antony-j-blinken", "person:faisal-bin-farhan")


def test_a_region_or_weapons_of_a_state_qualify_a_group_like_the_state():
    a, _ = annotate(
        "The Sudanese government has accused Darfur rebels of violating the ceasefire. "
        "Russian aircraft struck a village in Idlib."
    )
    assert row(a, "group:sdn-reb")["code"] == "SDNREB"
    assert row(a, "group:rus-mil")["country"] == "RUS"


def test_dictionary_codes_use_iso_country_codes():
    a, _ = annotate("UNITA rebels refused to meet Amnesty International.")
    codes = dict(zip(a.actors["name"], a.actors["code"]))
    assert codes.get("UNITA", "").startswith("AGO")  # CAMEO's ANG is ISO's AGO
    assert codes.get("Amnesty International", "").startswith("NGO")


def test_officials_listed_together_share_the_state_the_first_is_given():
    a, _ = annotate(
        "The Treasury designated Malian Defense Minister Colonel Sadio Camara, Air Force Chief of Staff "
        "Colonel Alou Boi Diarra, and Deputy Chief of Staff Adama Bagayoko.",
        publisher="USA",
    )
    countries = dict(zip(a.actors["name"], a.actors["country"]))
    assert countries["Sadio Camara"] == countries["Alou Boi Diarra"] == "MLI"


def test_a_people_is_a_group_of_its_state_not_its_government():
    a, e = annotate(
        "Palestinians protested against Israel in Hebron. The Ukrainian people resisted Russia. "
        "The United States supports the people of Syria."
    )
    people = a.actors.set_index("actor_id")
    assert (
        people.loc["group:pse-ppl", "country"] == "PSE"
        and people.loc["group:pse-ppl", "code"] == "PSEPPL"
    )
    assert people.loc["group:ukr-ppl", "type"] == "group"
    has(e, "PROTEST", "group:pse-ppl", "state:ISR")
    has(e, "SUPPORT", "state:USA", "group:syr-ppl")
    assert "state:SYR" not in set(
        e["target"]
    )  # support for Syrians is not support for Syria's government


def test_a_states_forces_are_an_institution_and_a_named_armed_group_an_organisation():
    a, _ = annotate("The Taliban attacked Afghan security forces in Kabul.")
    kinds = dict(zip(a.actors["actor_id"], a.actors["type"]))
    assert kinds["group:afg-cop"] == "organization" and kinds["org:taliban"] == "organization"


def test_possessive_pronouns_and_the_country_refer_back():
    a, _ = annotate(
        "Secretary Pompeo spoke with Georgian Prime Minister Giorgi Gakharia. He praised his "
        "counterpart. Georgia held elections; the country's judiciary was reformed and its courts opened."
    )
    linked = dict(zip(a.mentions["text"], a.mentions["actor_id"]))
    assert linked["his"] == linked["He"] == "person:pompeo"
    assert linked["the country"] == linked["its"] == "state:GEO"


def test_an_act_asked_for_is_not_coded_as_done():
    _, e = annotate("Archbishop Desmond Tutu called for sanctions against Nigeria on Sunday.")
    assert "COERCE" not in set(e["type"])


def test_an_act_in_a_region_is_aimed_at_the_regions_state():
    _, e = annotate("Israel reimposed blockades in the West Bank on Friday.")
    has(e, "COERCE", "state:ISR", "state:PSE")


def test_a_verbal_act_about_something_targets_the_actor_it_is_about():
    _, e = annotate(
        "Secretary Pompeo urged continued efforts to strengthen the independence of Georgia's judiciary."
    )
    assert set(e.loc[e["type"] == "REQUEST", "target"]) == {"state:GEO"}


# --- events carried by a noun, groups named by their meeting, descriptions that refer back -------


def test_an_event_carried_by_the_verbs_object_targets_the_nouns_complement_not_its_owner():
    _, e = annotate(
        "Minister Ana Lopez expressed the Spanish Government's strong support for the Moldovan "
        "authorities. Minister Lopez reiterated Spain's commitment to the defense of Estonia and Latvia. "
        "Minister Lopez restated Spain's readiness to work with its partners to support Armenia."
    )
    has(e, "SUPPORT", "person:ana-lopez", "state:MDA")
    has(e, "AGREE", "person:ana-lopez", "state:EST")
    has(e, "AGREE", "person:ana-lopez", "state:LVA")
    has(e, "AGREE", "person:ana-lopez", "state:ARM")
    assert "state:ESP" not in set(e["target"])  # whose support it is, not whom it is for
    _, e = annotate("Minister Ana Lopez expressed support for mediation led by Qatar and Egypt.")
    has(e, "SUPPORT", "person:ana-lopez", "state:QAT")
    has(e, "SUPPORT", "person:ana-lopez", "state:EGY")


def test_counterparts_and_titled_plurals_are_the_people_met():
    _, e = annotate(
        "Chancellor Olaf Scholz met with French President Emmanuel Macron and Polish President "
        "Andrzej Duda in Berlin. Mr. Scholz praised his counterparts for their unity. "
        "The three leaders discussed energy security."
    )
    for other in ("person:emmanuel-macron", "person:andrzej-duda"):
        has(e, "SUPPORT", "person:olaf-scholz", other)
    pairs = {frozenset((r.source, r.target)) for r in e[e["trigger"] == "discussed"].itertuples()}
    assert len(pairs) == 3  # every pair of the three who met


def test_stressing_the_importance_of_something_is_not_an_event():
    _, e = annotate(
        "The Kenyan Foreign Minister stressed the importance of free trade with Uganda."
    )
    assert e.empty


def test_the_agency_the_council_and_the_government_refer_back_to_the_body_named_last():
    a, _ = annotate(
        "The World Health Organization sent doctors to Malawi, and President Lazarus Chakwera thanked "
        "the agency. The UN Security Council met on Friday; the council condemned the coup in Niger. "
        "Human rights groups said the government continues to hold opposition leaders."
    )
    linked = dict(zip(a.mentions["text"], a.mentions["actor_id"]))
    assert linked["the agency"] == linked["World Health Organization"]
    assert linked["the council"] == linked["UN Security Council"]
    assert linked["the government"] == "state:NER"


def test_a_governments_statement_demands_what_it_says_another_should_do_even_without_we():
    _, e = annotate(
        "The Venezuelan government should release those it has unjustly jailed.", publisher="USA"
    )
    has(e, "REQUEST", "state:USA", "state:VEN")


def test_participles_listed_together_share_the_agent_at_the_end():
    _, e = annotate(
        "We honor the journalists who were detained, questioned and jailed by authorities in Iran "
        "last year.",
        publisher="USA",
    )
    has(e, "COERCE", "state:IRN", "group:irn-med")  # the journalists of the one state named


def test_verbs_listed_together_share_the_object_and_its_examples_are_its_targets():
    _, e = annotate(
        "Belarusian police detained and prosecuted several others, including activists "
        "Maria Kolesnikova and Maxim Znak."
    )
    for person in ("person:maria-kolesnikova", "person:maxim-znak"):
        has(e, "COERCE", "group:blr-cop", person)


def test_these_individuals_refers_back_to_the_group_named_last():
    a, e = annotate(
        "Nicaraguan police arrested dozens of students in Managua. The government later expelled "
        "these individuals to Costa Rica."
    )
    linked = dict(zip(a.mentions["text"], a.mentions["actor_id"]))
    students = next(actor for text, actor in linked.items() if text.startswith("students"))
    assert linked["these individuals"] == students


def test_an_act_owned_by_its_doer_is_done_to_its_of_phrase():
    a, e = annotate("Beijing's targeting of journalists has drawn criticism.")
    has(e, "ASSAULT", "state:CHN", "group:chn-med")  # its own journalists: the one state named


# --- event dates ----------------------------------------------------------------------------------


def test_a_datelines_date_is_the_releases_not_the_events():
    _, e = annotate(
        "NAIROBI, May 4, 2006 U.S. Ambassador Michael Ranneberger recently met with Kenyan President "
        "Mwai Kibaki.",
        published="2006-05-04",
    )
    assert list(e["date"]) == [""]  # "recently": the text does not say when


def test_participles_listed_together_share_the_date_at_the_end_and_the_main_verb_keeps_its_own():
    _, e = annotate(
        "This July 9, we honor the journalists who were detained, questioned and jailed by "
        "authorities in Iran on July 9, 2015.",
        published="2021-07-08",
        publisher="USA",
    )
    assert e.loc[e["trigger"] == "detained", "date"].tolist() == ["2015-07-09"]


def test_a_past_act_is_not_dated_by_a_later_date_earlier_in_the_paragraph():
    _, e = annotate(
        "Secretary Pompeo highlighted the importance of holding elections this October. "
        "The Secretary urged Georgian leaders to reform the judiciary.",
        published="2020-07-27",
    )
    assert "2020-10" not in set(e["date"])


def test_an_amount_of_people_or_their_leaders_act_as_those_people():
    a, e = annotate(
        "Thousands of Kenyans protested against the government in Nairobi. Leaders of the "
        "opposition coalition agreed to postpone the march."
    )
    assert "group:ken-ppl" in set(e.loc[e["type"] == "PROTEST", "source"])
    assert "group:opposition-coalition" in set(e.loc[e["type"] == "AGREE", "source"])


def test_strikes_rallies_and_charges_are_coded_in_their_news_sense():
    _, e = annotate(
        "Opposition parties in Nepal organized a general strike. Activists staged rallies against "
        "the government. Israeli jets carried out a strike on Hamas. The prosecutor of the "
        "International Criminal Court indicted Sudanese President Omar al-Bashir."
    )
    types = dict(zip(e["trigger"], e["type"]))
    assert types["organized … strike"] == "PROTEST" and types["staged rallies"] == "PROTEST"
    assert types["carried … strike"] == "ASSAULT"  # a strike with no protest word is an attack
    assert types["indicted"] == "ACCUSE"


def test_a_city_the_ner_takes_for_a_body_is_a_place_and_a_gerund_acts_on_its_of_phrase():
    a, e = annotate(
        "Russia's shelling of Kharkiv continued. Beijing’s targeting of lawyers and activists who "
        "seek redress undermines stability."
    )
    assert "city:kharkiv" in set(a.mentions["place_id"]) and not any(
        a.actors["actor_id"].str.contains("kharkiv")
    )
    has(e, "ASSAULT", "state:RUS", "state:UKR")  # an attack on a city is on its state
    assert "group:chn-jud" in set(e.loc[e["source"] == "state:CHN", "target"])  # its own lawyers


def test_partners_at_a_body_are_that_body():
    _, e = annotate(
        "The UN Security Council voted to authorize a mission for Haiti. We thank our partners at "
        "the council for moving swiftly.",
        publisher="USA",
    )
    has(e, "SUPPORT", "state:USA", "org:un-security-council")


def test_a_measure_aimed_at_a_people_s_goods_targets_their_state():
    _, e = annotate(
        "A French minister threatened on Monday to impose import restrictions against German goods."
    )
    has(e, "THREATEN", "state:FRA", "state:DEU")


def test_accepting_or_yielding_to_someone_s_act_targets_whoever_made_it():
    _, e = annotate(
        "Israeli Prime Minister Ehud Barak has agreed to US mediation in the talks. "
        "President Dos Santos has conceded to demands from UNITA to overhaul the courts."
    )
    has(e, "AGREE", "person:ehud-barak", "state:USA")
    has(e, "CONCEDE", "person:dos-santos", "org:unita")


def test_a_list_of_states_the_parser_reads_as_an_apposition_is_still_a_list():
    a, e = annotate("Jamaica, the Bahamas and Antigua have pledged to join the mission.")
    pledged = e[e["trigger"] == "pledged"]
    assert {"state:JAM", "state:BHS", "state:ATG"} <= set(pledged["source"]) | set(
        pledged["target"]
    )
    assert row(a, "state:ATG")["name"] == "Antigua and Barbuda"


def test_a_body_the_ner_cut_at_of_keeps_its_whole_name():
    a, _ = annotate("The U.S. Department of the Treasury froze the assets of two Iranian firms.")
    body = row(a, "org:u-s-department-of-the-treasury")
    assert (body["name"], body["country"]) == ("U.S. Department of the Treasury", "USA")


def test_a_sanctions_designation_is_coercion_and_naming_someone_to_a_post_is_no_event():
    _, e = annotate(
        "The State Department designated the Houthis as a terrorist organization on Friday. "
        "The president designated his deputy as his successor."
    )
    assert e[e["trigger"] == "designated"]["type"].tolist() == ["COERCE"]
    assert e[e["trigger"] == "designated"]["sentence_id"].tolist() == [0]


def test_a_stance_stated_in_the_passive_is_the_subject_s_own_act():
    _, e = annotate(
        "Israel is opposed to French mediation in the talks. "
        "Russia is opposed to the deployment of NATO troops."
    )
    opposed = e[e["trigger"] == "opposed"]
    assert set(zip(opposed["source"], opposed["target"])) == {
        ("state:ISR", "state:FRA"),
        ("state:RUS", "org:nato"),
    }


def test_a_body_s_head_noun_refers_back_to_it_but_not_a_qualified_or_generic_one():
    a, _ = annotate(
        "Peace Corps Volunteers are returning to Rwanda. The volunteers will work in health. "
        "The United Nations welcomed it. The two nations signed a deal."
    )
    forms = dict(zip(a.mentions["text"], a.mentions["actor_id"]))
    assert forms["volunteers"] == forms["Peace Corps Volunteers"]
    assert "nations" not in forms


def test_a_year_that_dates_a_thing_named_inside_the_clause_does_not_date_the_verb():
    _, e = annotate(
        "Pompeo agreed with Gakharia that Russia must fulfill its commitments under the 2008 "
        "ceasefire agreement.",
        published="2020-07-27",
    )
    assert (e["date"] != "2008").all()


def test_a_protest_that_names_no_target_is_aimed_at_the_state_where_or_of_whom_it_happens():
    _, e = annotate(
        "Demonstrators in Baghdad blocked a road on Tuesday. "
        "Egyptian demonstrators rioted after the rally."
    )
    protests = e[e["type"] == "PROTEST"]
    assert set(zip(protests["source"], protests["target"])) >= {
        ("group:irq-opp", "state:IRQ"),
        ("group:egy-opp", "state:EGY"),
    }


def test_a_verb_whose_lemma_lost_its_e_is_still_that_verb():
    # spaCy lemmatises "staged" as "stag"; a hunger strike is a protest, not a military strike
    _, e = annotate("The activist staged a 24-hour hunger strike in prison on Sunday.")
    assert e["type"].tolist() == ["PROTEST"]


def test_a_coordinated_verb_shares_the_recipient_and_date_of_the_verb_before_it():
    _, e = annotate(
        "On May 1, the Japanese government pledged 2,000 tons of rice to Sudan and delivered "
        "half of it. Brazil sent medicine to Peru and trained its doctors."
    )
    has(e, "AID", "state:JPN", "state:SDN")
    delivered = e[e["trigger"] == "delivered"].iloc[0]
    assert (delivered["target"], delivered["date"]) == ("state:SDN", "2024-05-01")


def test_states_that_jointly_commit_to_act_on_another_each_target_it_not_one_another():
    _, e = annotate("Brazil, Argentina and Chile pledged to support Peru.")
    pledges = e[e["trigger"] == "pledged"]
    assert set(zip(pledges["source"], pledges["target"])) == {
        ("state:BRA", "state:PER"),
        ("state:ARG", "state:PER"),
        ("state:CHL", "state:PER"),
    }


def test_people_from_a_body_act_for_it_and_to_a_place_sends_to_its_state():
    _, e = annotate(
        "Officials from the European Union met Iranian diplomats in Vienna. "
        "Swiss doctors delivered medicine to Bam. Russia sent troops to Syria."
    )
    has(e, "CONSULT", "org:european-union", "state:IRN")
    has(e, "AID", "group:che-hlh", "state:IRN")
    has(e, "AID", "state:RUS", "state:SYR")


def test_an_envoy_is_his_sending_state_s_not_his_host_s():
    a, _ = annotate(
        "The agreement was witnessed by U.S. Ambassador to Vietnam Daniel Kritenbrink in Hanoi."
    )
    assert row(a, "person:daniel-kritenbrink")["country"] == "USA"
    a, _ = annotate(
        "Ambassador Stuart Symington welcomed the volunteers in Kigali, Rwanda.", publisher="USA"
    )
    assert row(a, "person:stuart-symington")["country"] == "USA"


def test_the_country_refers_back_to_the_state_whose_government_or_parliament_was_named():
    a, _ = annotate(
        "The United States condemns the arrests. These actions are an attempt by the Venezuelan "
        "government to divert attention from the country's economic problems."
    )
    the_country = a.mentions[a.mentions["text"] == "the country"]
    assert list(the_country["actor_id"]) == ["state:VEN"]


def test_a_demonym_two_states_share_is_read_as_the_one_the_article_names():
    a, _ = annotate("Fighting continued in the Republic of the Congo. Congolese civilians fled.")
    assert "group:cog-cvl" in set(a.actors["actor_id"])
    a, _ = annotate("Rwanda and the DRC met in Luanda while Congolese troops waited.")
    assert "group:cod-mil" in set(a.actors["actor_id"])


def test_a_national_agency_s_official_belongs_to_its_state():
    a, _ = annotate(
        "Peace Corps Acting Director Jody Olsen said the volunteers would return to Rwanda."
    )
    assert row(a, "person:jody-olsen")["country"] == "USA"


def test_the_doer_and_the_done_to_of_an_act_named_by_a_noun():
    _, e = annotate(
        "The United States condemns the detention of Caracas Mayor Antonio Ledezma by "
        "Venezuelan security forces."
    )
    detention = e[e["trigger"] == "detention"]
    assert list(detention["type"]) == ["COERCE"]
    assert detention.iloc[0]["target"] == "person:antonio-ledezma"


def test_an_accord_negotiated_between_two_parties_is_their_event():
    _, e = annotate(
        "Washington welcomed the peace accord negotiated between the Colombian Government "
        "and the FARC."
    )
    has(e, "CONSULT", "state:COL", "org:farc")


def test_armed_groups_that_will_demobilize_state_an_intent_to_retreat():
    _, e = annotate("Under the accord, the FARC will demobilize and hand in its weapons.")
    demobilize = e[e["trigger"] == "demobilize"].iloc[0]
    assert (demobilize["source"], demobilize["type"], demobilize["cameo"]) == (
        "org:farc",
        "AGREE",
        "035",
    )


def test_curfews_suppressed_protests_and_troop_buildups_are_coercion_and_mobilization():
    _, e = annotate(
        "The Ugandan government imposed a curfew on Kampala. Turkish police prevented the "
        "demonstration. Israel has strengthened its forces in Lebanon."
    )
    assert e[e["cameo"] == "1723"].iloc[0][["type", "source"]].tolist() == ["COERCE", "state:UGA"]
    assert e[e["trigger"] == "prevented"].iloc[0]["type"] == "COERCE"
    has(e, "MOBILIZE", "state:ISR", "state:LBN")
    _, e = annotate("Iran rejected the proposal. China will strengthen cooperation with Iran.")
    assert set(e["type"]) >= {"REJECT"} and "MOBILIZE" not in set(e["type"])


def test_the_inhabitants_of_a_state_s_region_are_its_civilians():
    _, e = annotate(
        "Druze inhabitants of the Syrian Golan Heights threatened to hold a general strike."
    )
    assert e[e["trigger"] == "threatened"].iloc[0]["source"] == "group:syr-cvl"


def test_a_verb_of_many_senses_is_coded_only_through_a_pattern_that_fits():
    _, e = annotate(
        "We have taken an important step today. The volunteers will engage in teaching."
    )
    assert e.empty
    _, e = annotate("Russian troops took control of the city.")
    assert list(e["type"]) == ["COERCE"]


def test_a_title_whose_name_the_parser_hung_below_it_is_that_person_acting():
    _, e = annotate(
        "United States Ambassador to the Philippines Kristie A. Kenney also stressed her support "
        "of the Peace Corps."
    )
    assert set(e["source"]) == {"person:kristie-a-kenney"}


def test_a_request_to_people_it_does_not_name_has_no_target_from_its_clause():
    _, e = annotate(
        "The United States calls on other countries and organizations to urge the Venezuelan "
        "government to cease these efforts. The EU called on Russia to withdraw its troops."
    )
    calls = e[e["trigger"] == "calls"]
    assert list(calls["target"]) == [""]
    has(e, "REQUEST", "org:european-union", "state:RUS")


def test_an_office_named_by_a_list_is_a_title_not_a_body_nor_part_of_the_name():
    a, _ = annotate(
        "On January 27, 2013, Assistant Secretary of State for Population, Refugees, and "
        "Migration Anne C. Richard, and USAID Assistant Administrator for Democracy, Conflict, "
        "and Humanitarian Assistance Nancy Lindborg visited Syrian refugees in Jordan."
    )
    ids = set(a.actors["actor_id"])
    assert {"person:anne-c-richard", "person:nancy-lindborg"} <= ids
    assert not any(i.startswith("org:state") for i in ids)
    assert row(a, "person:anne-c-richard")["country"] == "USA"
    assert row(a, "person:nancy-lindborg")["country"] == "USA"


def test_a_modified_title_only_one_state_uses_still_gives_its_country():
    a, _ = annotate(
        "Deputy Foreign Secretary Anne Smith met Assistant Secretary of State John Doe."
    )
    assert row(a, "person:anne-smith")["country"] == "GBR"
    assert row(a, "person:john-doe")["country"] == "USA"


def test_a_plural_description_used_again_means_the_same_people():
    _, e = annotate(
        "National Security Advisor Jake Sullivan met with Japanese Secretary General Akiba Takeo "
        "and ROK Director Cho Tae-yong. The national security advisors discussed the DPRK's "
        "missile programs. They discussed coordination in the South China Sea. Markets rose. "
        "Trade fell. The national security advisors discussed ways to increase cooperation."
    )
    last = e[e["sentence_id"] == e["sentence_id"].max()]
    assert ("person:jake-sullivan", "person:cho-tae-yong") in set(
        zip(last["source"], last["target"])
    )


def test_an_event_someone_looks_forward_to_has_not_happened():
    _, e = annotate(
        "President Macron met Chancellor Scholz in Paris. The two leaders look forward to the "
        "summit with China in the coming months."
    )
    assert "summit" not in set(e["trigger"])


def test_a_people_named_as_owner_is_still_that_people():
    a, _ = annotate("These tactics violate the Venezuelan people's basic human rights.")
    assert list(a.mentions["actor_id"]) == ["group:ven-ppl"]


def test_cutting_help_or_talks_is_a_sanction_not_the_help_or_the_talks():
    _, e = annotate(
        "The US suspended aid to Egypt. The United Nations reduced food supplies to the camp. "
        "Russia halted talks with Ukraine."
    )
    assert list(e["type"]) == ["SANCTION", "SANCTION", "SANCTION"]
    assert list(e["cameo"]) == ["162", "162", "164"]


def test_a_verb_that_says_how_an_act_goes_leaves_the_event_to_its_object():
    _, e = annotate(
        "The United States speeded up the withdrawal of some invasion forces from Panama. "
        "Iran and Saudi Arabia resumed talks in Baghdad. Czechia and Albania have upgraded "
        "their diplomatic ties."
    )
    assert list(e["type"]) == ["RETREAT", "CONSULT", "SUPPORT"]
    assert e.iloc[0]["source"] == "state:USA"


def test_people_who_protest_in_a_place_are_that_place_s_people():
    a, e = annotate(
        "Hundreds of thousands of people blocked streets in Hong Kong in defiance of Chinese "
        "authorities. Thousands of residents marched in Algiers on Friday."
    )
    # whom the first protest defies is named ("in defiance of Chinese authorities": see
    # tests/test_generality_targets.py); the second names no one, so it is aimed at the venue's state
    has(e, "PROTEST", "group:hkg-ppl", "state:CHN")
    has(e, "PROTEST", "group:dza-cvl", "state:DZA")
    assert set(a.mentions.loc[a.mentions["actor_id"] == "group:dza-cvl", "text"]) == {"residents"}


def test_an_act_someone_must_speed_up_is_an_obligation_not_an_event():
    _, e = annotate("The Turkish leader said the EU must also speed up visa talks with Turkey.")
    assert "talks" not in " ".join(e["trigger"])


def test_a_protest_s_aim_is_part_of_the_protest_and_a_lifted_measure_is_no_new_one():
    _, e = annotate(
        "Students protested in Tehran on Monday to demand the release of detainees. "
        "The Israeli government is refusing to lift the curfew on Palestinians."
    )
    assert list(e["type"]) == ["PROTEST", "REJECT"]


def test_a_title_after_the_name_gives_role_and_country_and_is_no_body():
    a, _ = annotate(
        "The aid was announced by Andrew S. Natsios, Administrator of the U.S. Agency for "
        "International Development.\n\nAntony J. Blinken, Secretary of State"
    )
    assert row(a, "person:andrew-s-natsios")["country"] == "USA"
    assert row(a, "person:antony-j-blinken")["role"].startswith("Secretary of State")
    assert "org:state" not in set(a.actors["actor_id"])


def test_a_service_before_a_title_is_part_of_the_title():
    a, _ = annotate(
        "Mali's Air Force Chief of Staff Colonel Alou Boi Diarra met the Russian envoy in Bamako."
    )
    assert "org:air-force" not in set(a.actors["actor_id"])
    assert row(a, "person:alou-boi-diarra")["country"] == "MLI"


def test_a_body_named_again_by_the_end_of_its_name_is_the_same_body():
    a, _ = annotate(
        "The U.S. Department of the Treasury designated three officials. For more information, "
        "see Treasury's press release."
    )
    orgs = a.actors[a.actors["type"] == "organization"]
    assert list(orgs["actor_id"]) == ["org:u-s-department-of-the-treasury"]


def test_a_person_named_without_title_takes_the_state_of_the_sentence_before():
    a, _ = annotate(
        "Lawyers were detained by authorities in the People's Republic of China in 2015.\n\n"
        "Six years later, the government continues to hold many of them, such as Xu Zhiyong."
    )
    assert row(a, "person:xu-zhiyong")["country"] == "CHN"


def test_bodies_used_as_places_diseases_and_cities_taken_for_people_are_no_actors():
    a, _ = annotate(
        "We condemn yesterday's attack on security forces near the Ministry of Defense in Kabul. "
        "Volunteers will teach in Ho Chi Minh City. He discussed COVID-19 with Georgia."
    )
    ids = set(a.actors["actor_id"])
    assert not ids & {"org:ministry-of-defense", "person:ho-chi-minh-city", "org:covid-19"}


def test_the_international_community_and_a_state_s_opposition_are_actors():
    a, _ = annotate(
        "The international community must act. The Syrian opposition met in Doha. "
        "The new contribution was announced by Andrew S. Natsios, Administrator of the "
        "U.S. Agency for International Development (USAID). USAID will distribute it."
    )
    ids = set(a.actors["actor_id"])
    assert {"bloc:international-community", "group:syr-opp", "org:usaid"} <= ids
    assert not any(i.startswith("org:u-s-agency") for i in ids)


def test_states_named_as_examples_each_act_and_these_nations_are_the_ones_just_listed():
    _, e = annotate(
        "The global community owes a debt of gratitude to the nations that have pledged to join "
        "this mission, including Jamaica, The Bahamas, and Antigua and Barbuda. We thank these "
        "nations for their leadership.",
        publisher="USA",
    )
    pledged = e[e["trigger"] == "pledged"]
    assert set(pledged["target"]) == {""}
    thanked = e[e["trigger"] == "thank"]
    assert set(thanked["target"]) == {"state:JAM", "state:BHS", "state:ATG"}


def test_forces_led_by_a_state_and_mass_violence_named_by_a_noun():
    _, e = annotate(
        "Vietnamese-led forces launched rocket fire against Cambodia. Serb forces were engaged "
        "in ethnic cleansing in Montenegro against the Albanian population."
    )
    has(e, "ASSAULT", "group:vnm-mil", "state:KHM")
    has(e, "ASSAULT", "group:srb-mil", "group:alb-cvl")


def test_forces_pulled_back_act_themselves_and_the_place_they_leave_names_the_target():
    _, e = annotate(
        "Ethnic Albanian guerrillas have been demobilized since the accord. Russian troops were "
        "withdrawn from Kherson. France deployed troops to Goma."
    )
    assert e.iloc[0][["type", "source"]].tolist() == ["RETREAT", "group:alb-reb"]
    has(e, "RETREAT", "group:rus-mil", "state:UKR")
    has(e, "MOBILIZE", "state:FRA", "state:COD")


def test_mediating_is_consultation_and_opposing_talks_is_refusing_them():
    _, e = annotate(
        "Qatar mediated between Israel and Hamas. Israel is opposed to French mediation in peace "
        "negotiations with Syria. French President Jacques Chirac issued a stern reminder to Iraq "
        "that it must cooperate."
    )
    has(e, "CONSULT", "state:QAT", "state:ISR")
    assert e[e["trigger"] == "opposed"].iloc[0][["type", "cameo"]].tolist() == ["REJECT", "125"]
    assert "REQUEST" in set(e["type"])


def test_people_described_as_protesting_protest_and_a_warm_welcome_is_hosting():
    _, e = annotate(
        "Liberian riot police used tear gas to disperse demonstrators protesting election "
        "results in Monrovia. President Francois Mitterand gave a warm welcome on Thursday to "
        "South African leader F.W. de Klerk."
    )
    assert e[e["trigger"] == "protesting"].iloc[0]["type"] == "PROTEST"
    has(e, "CONSULT", "person:francois-mitterand", "person:f-w-de-klerk")


def test_a_measure_a_state_takes_at_home_is_kept_and_a_planned_one_is_only_the_plan():
    _, e = annotate(
        "The Turkish government banned the rally in Ankara. Greece plans to impose restrictions "
        "on its labour market."
    )
    assert e.iloc[0][["type", "source"]].tolist() == ["COERCE", "state:TUR"]
    greece = e[e["source"] == "state:GRC"]
    assert list(greece["type"]) == ["THREATEN"]


def test_a_word_describing_a_community_and_a_body_s_name_inside_a_title_are_no_actors():
    a, _ = annotate(
        "Blinken condemned the incitement against Rwandaphone communities. Sullivan met ROK "
        "National Security Office Director Cho Tae-yong in Tokyo."
    )
    ids = set(a.actors["actor_id"])
    assert "org:rwandaphone" not in ids
    assert not any("security-office" in i for i in ids)


def test_a_date_that_names_a_thing_does_not_date_the_next_sentences():
    _, e = annotate(
        "Secretary Blinken spoke yesterday with President Kagame. He urged progress on the "
        "commitments of the November 23 Luanda summit communique. Secretary Blinken condemned "
        "the resurgence of hate speech.",
        published="2022-12-05",
    )
    assert e[e["trigger"] == "condemned"].iloc[0]["date"] != "2022-11-23"


def test_a_ministry_cut_at_and_is_one_body_with_its_acronym():
    a, _ = annotate(
        "At the headquarters of Vietnam's Ministry of Education and Training (MOET), MOET Vice "
        "Minister Nguyen Van Phuc signed the agreement. USAID staff worked with Vietnam's "
        "Ministry of Foreign Affairs and MOET."
    )
    orgs = set(a.actors.loc[a.actors["type"] == "organization", "actor_id"])
    moet = [o for o in orgs if "education" in o]
    assert len(moet) == 1 and not any("training-moet" in o for o in orgs)
    assert not any(o.endswith("and-moet") for o in orgs)


def test_a_listed_body_s_people_named_with_it_are_its_group():
    a, _ = annotate("After a 15-year absence, Peace Corps Volunteers are returning to Rwanda.")
    assert row(a, "group:peace-corps-volunteers")["country"] == "USA"
    assert "org:peace-corps" in set(a.mentions["actor_id"])


def test_schools_where_people_teach_are_places_and_the_opposition_is_a_group():
    a, _ = annotate(
        "Volunteers will teach English at rural secondary schools in Hanoi. The opposition "
        "continues to gain ground."
    )
    ids = set(a.actors["actor_id"])
    assert not any(i.endswith("-edu") for i in ids)
    assert "group:opposition" in ids


def test_a_readout_s_past_acts_take_the_meeting_s_date():
    _, e = annotate(
        "Secretary Pompeo met today with Prime Minister Gakharia of Georgia. They discussed "
        "trade. The Secretary highlighted the elections. He commended the reforms. The Secretary "
        "urged Georgia to strengthen its courts. Markets rose later in the year.",
        published="2020-07-27",
    )
    assert e[e["trigger"] == "urged"].iloc[0]["date"] == "2020-07-27"
