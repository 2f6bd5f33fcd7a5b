"""Event constructions of reported demands, relative clauses and statements, each as a class with a
short news-style text of its own (the helpers of tests/test_generality.py are reused)."""

from __future__ import annotations

from tests.test_generality import annotate, has


def test_an_agreement_that_a_third_state_must_act_is_a_demand_by_both_parties():
    _, e = annotate(
        "Secretary Pompeo agreed with Prime Minister Gakharia that Russia must halt its "
        "destabilizing actions."
    )
    has(e, "REQUEST", "person:pompeo", "state:RUS")
    has(e, "REQUEST", "person:gakharia", "state:RUS")


def test_making_clear_that_a_state_must_act_is_a_demand_on_it():
    _, e = annotate(
        "Egypt's foreign minister made clear that Israel must withdraw its troops from the border."
    )
    assert "REQUEST" in set(e[e["target"] == "state:ISR"]["type"])


def test_a_relative_clause_on_an_apposition_describes_the_named_actor():
    _, e = annotate(
        "Egypt deported Ali Hassan, a journalist who had criticized the government of Israel. "
        "The minister condemned attacks by Al-Shabaab, an armed group that has been sanctioned by "
        "the United Nations."
    )
    has(e, "ACCUSE", "person:ali-hassan", "state:ISR")
    has(e, "COERCE", "org:united-nations", "org:al-shabaab")


def test_her_after_a_title_the_parser_made_the_subject_is_the_person_holding_that_title():
    a, _ = annotate(
        "Peace Corps Director Gaddi Moreno visited Manila on Monday. United States Ambassador to "
        "the Philippines Kristie A. Kenney also stressed her support of the agreement."
    )
    her = a.mentions[a.mentions["text"] == "her"]
    assert list(her["actor_id"]) == ["person:kristie-a-kenney"]


def test_what_people_deserve_to_do_is_not_something_they_did():
    _, e = annotate("The people of Haiti deserve to feel safe enough to leave their homes.")
    assert e.empty


def test_recognising_a_fact_is_not_recognising_a_state():
    _, e = annotate(
        "Serbia recognized Kosovo in 2008. Serbia recognizes that there are those who have "
        "concerns about the agreement."
    )
    assert list(e["trigger"]) == ["recognized"]
    has(e, "SUPPORT", "state:SRB", "state:XKX")


def test_what_a_call_asks_for_has_not_been_done():
    _, e = annotate(
        "The French minister noted Kenya's call for all sides to refrain from violence and to "
        "respect Ethiopia's democratic institutions."
    )
    assert "respect" not in set(e["trigger"])


def test_examples_given_inside_an_act_do_not_become_its_doers():
    _, e = annotate(
        "The envoy said that the votes taken by lawmakers from all parties, including the Labour "
        "Party, offer the best path to restore peace to Ukraine."
    )
    assert "org:labour-party" not in set(e["source"])


def test_an_event_noun_led_or_hosted_by_an_actor_is_that_actors_event():
    _, e = annotate(
        "Kenya's foreign minister expressed support for regional mediation and dialogue led by "
        "Angola and the East African Community."
    )
    has(e, "CONSULT", "state:AGO", "")
    has(e, "CONSULT", "org:east-african-community", "")
    _, e = annotate("The ceasefire talks hosted by Qatar resumed on Monday.")
    has(e, "CONSULT", "state:QAT", "")


def test_a_partner_alongside_whom_states_join_is_not_their_target():
    _, e = annotate(
        "Jamaica and Ghana have pledged to join the mission alongside Kenya, officials said."
    )
    assert "state:KEN" not in set(e["target"])


def test_owing_a_debt_of_gratitude_to_states_praises_each_of_them():
    _, e = annotate(
        "The global community owes a debt of gratitude to Kenya, and likewise to the other nations "
        "that have pledged troops, including Jamaica and Ghana."
    )
    for state in ("state:KEN", "state:JAM", "state:GHA"):
        has(e, "SUPPORT", "bloc:international-community", state)


def test_a_ceasefire_brokered_by_mediators_is_not_the_mediators_ceasefire():
    _, e = annotate(
        "The army and the rebels agreed on Saturday to a ceasefire brokered by Saudi Arabia and "
        "the United States."
    )
    assert "state:SAU" not in set(e["source"])


def test_a_dictionary_reading_coded_from_the_other_party_swaps_source_and_target():
    _, e = annotate(
        "The Iranian government came under fire from Israel over its nuclear programme."
    )
    has(e, "ACCUSE", "state:ISR", "state:IRN")
    _, e = annotate("Colombia's president has earned the Nobel Peace Prize for his efforts.")
    assert e.empty  # whoever praised him by the prize is not named


def test_needing_aid_is_not_giving_or_receiving_it():
    _, e = annotate(
        "Officials estimate that Ethiopia will require over 1.5 million tons of food aid this year."
    )
    assert e.empty


def test_an_event_noun_whose_doer_is_named_by_by_is_kept_without_a_target():
    _, e = annotate(
        "The United Nations welcomed Monday's vote by the Kenyan parliament to approve the mission."
    )
    assert e[e["trigger"] == "vote"]["source"].str.contains("ken", case=False).all()
    assert len(e[e["trigger"] == "vote"]) == 1


def test_in_a_governments_own_statement_credit_and_recognition_are_its_praise():
    _, e = annotate(
        "The Kenyan people deserve enormous credit for their patience. Special recognition must "
        "go to President William Ruto for his leadership.",
        publisher="USA",
    )
    praised = set(e[(e["type"] == "SUPPORT") & (e["source"] == "state:USA")]["target"])
    assert "person:william-ruto" in praised
    assert any(t.startswith("group:ken") for t in praised), praised


def test_losing_control_is_not_an_act_of_control():
    _, e = annotate("The regime continues to weaken and lose control of territory.")
    assert e.empty


def test_a_visit_read_from_a_bare_preposition_needs_a_place_to_go_to():
    _, e = annotate("The Assad regime will come to an end. The general came to power in 2019.")
    assert e.empty
    _, e = annotate("The Iranian president came to Minsk on Monday.")
    assert list(e["type"]) == ["CONSULT"]


def _date(e, trigger: str) -> str:
    hit = e[e["trigger"] == trigger]
    assert len(hit), f"no {trigger!r} in\n{e[['trigger', 'type', 'date']]}"
    return str(hit.iloc[0]["date"])


def test_a_group_designated_long_before_takes_no_date_from_the_paragraph():
    _, e = annotate(
        "Secretary Blinken spoke yesterday with Kenyan President William Ruto. He condemned "
        "attacks by Al-Shabaab, an armed group that has been sanctioned by the United Nations.",
        published="2022-12-05",
    )
    assert _date(e, "sanctioned") == ""


def test_a_welcome_made_today_is_not_dated_by_the_vote_it_welcomes():
    _, e = annotate(
        "The United Nations welcomes yesterday's vote by the Kenyan parliament to approve the "
        "mission.",
        published="2023-10-03",
    )
    assert _date(e, "vote") == "2023-10-02"
    assert _date(e, "welcomes") == ""


def test_a_demand_is_dated_when_the_verb_reporting_it_was():
    _, e = annotate(
        "On March 3, Secretary Pompeo agreed with Prime Minister Gakharia that Russia must halt "
        "its destabilizing actions.",
        published="2020-03-04",
    )
    assert set(e[e["type"] == "REQUEST"]["date"]) == {"2020-03-03"}


def test_a_warning_about_a_states_conduct_is_aimed_at_that_state():
    _, e = annotate("Secretary Pompeo cautioned against the politicization of Georgia's judiciary.")
    assert set(e[e["trigger"] == "cautioned"]["target"]) == {"state:GEO"}


def test_a_counted_plural_of_officials_is_the_list_of_that_many_named_later():
    _, e = annotate(
        "Today, Canada is sanctioning two Iranian officials who have worked closely with the "
        "Revolutionary Guard to suppress protests. The measures target Iranian Interior Minister "
        "Ahmad Vahidi and Police Chief Hossein Ashtari."
    )
    for person in ("person:ahmad-vahidi", "person:hossein-ashtari"):
        has(e, "COERCE", "state:CAN", person)
        has(e, "COOPERATE", person, "org:irgc")


def test_a_body_listed_after_a_name_the_parser_joined_it_to_is_a_partner_too():
    _, e = annotate(
        "Over the past three years, World Bank staff have collaborated closely with Kenya’s "
        "Ministry of Finance and UNICEF to achieve agreement."
    )
    assert "org:unicef" in set(e[e["trigger"] == "collaborated"]["target"])


def test_aid_to_a_crisis_named_by_a_demonym_goes_to_that_state():
    _, e = annotate(
        "Japan's contribution of food assistance to the Somali humanitarian crisis has passed "
        "100,000 tons."
    )
    has(e, "AID", "state:JPN", "state:SOM")


def test_in_a_meeting_called_trilateral_every_pair_of_participants_met():
    _, e = annotate(
        "On May 3, Foreign Minister Penny Wong met with Japanese Foreign Minister Yoko Kamikawa and "
        "Indian External Affairs Minister Subrahmanyam Jaishankar for a trilateral meeting."
    )
    pairs = {frozenset((s, t)) for s, t in zip(e["source"], e["target"]) if s and t}
    assert len(pairs) == 3, e[["source", "target"]]


def test_a_relationship_or_partnership_between_a_named_pair_is_their_cooperation():
    _, e = annotate("The relationship between Kenya and Rwanda is decades old.")
    has(e, "SUPPORT", "state:KEN", "state:RWA")
    _, e = annotate("The ministers discussed the importance of the Kenya Ethiopia partnership.")
    has(e, "SUPPORT", "state:KEN", "state:ETH")


def test_joining_this_mission_targets_whom_the_mission_was_said_to_be_for():
    _, e = annotate(
        "The council approved a police mission for Somalia on Monday. Ghana and Benin have "
        "pledged to join this mission, officials said."
    )
    has(e, "AGREE", "state:GHA", "state:SOM")
    has(e, "AGREE", "state:BEN", "state:SOM")


def test_holding_people_in_detention_is_detaining_them_however_long_the_object():
    _, e = annotate(
        "Six years later, the Chinese government continues to hold many of those initially "
        "arrested, such as Xu Zhiyong and Ding Jiaxi, in pre-trial detention."
    )
    has(e, "COERCE", "state:CHN", "person:xu-zhiyong")
    has(e, "COERCE", "state:CHN", "person:ding-jiaxi")


def test_former_country_names_of_archive_texts_are_those_states():
    a, e = annotate(
        "Vietnamese-led forces launched artillery fire against Kampuchean guerrilla camps. "
        "Zaire closed its border with Uganda."
    )
    assert {"state:KHM", "state:COD"} <= set(a.actors["actor_id"])


def test_who_condemns_an_attack_did_not_carry_it_out():
    _, e = annotate(
        "Kenya strongly condemned the deadly attack on Somali security forces near the Ministry "
        "of Defense in Mogadishu."
    )
    assert "ASSAULT" not in set(e["type"])


def test_two_officials_listed_under_their_titles_each_made_the_visit_on_its_first_day():
    _, e = annotate(
        "On March 3 and 4, 2014, Assistant Secretary of State for Population, Refugees, and "
        "Migration Jane Doe, and USAID Assistant Administrator for Democracy, Conflict, and "
        "Humanitarian Assistance John Roe visited Somali refugees in Kenya.",
        published="2014-03-06",
    )
    visits = e[e["trigger"] == "visited"]
    assert set(visits["source"]) == {"person:jane-doe", "person:john-roe"}
    assert set(visits["date"]) == {"2014-03-03"}


def test_what_someone_had_the_opportunity_to_do_they_did():
    _, e = annotate(
        "Director Vasquez also had the opportunity to meet several Filipino officials and learn "
        "about their projects."
    )
    has(e, "CONSULT", "person:vasquez", "state:PHL")


def test_a_verb_of_many_senses_lends_its_object_no_event():
    _, e = annotate("These 35 Kenyan volunteers will serve tours of two years in Uganda.")
    assert "CONSULT" not in set(e["type"]) and "AGREE" not in set(e["type"])


def test_what_a_demand_would_replace_is_being_done_but_what_was_done_instead_of_is_not():
    _, e = annotate(
        "Rather than imprisoning its critics, the Egyptian government should focus on dialogue."
    )
    assert "COERCE" in set(e[e["source"] == "state:EGY"]["type"])
    _, e = annotate("Instead of negotiating with Ukraine, Russia launched new attacks.")
    assert "CONSULT" not in set(e["type"])


def test_a_bare_verb_listed_after_a_relative_clause_continues_the_demand_above_it():
    _, e = annotate(
        "Egypt's government has detained hundreds of journalists. The Egyptian government should "
        "release those it has unjustly jailed and respect human rights and fundamental freedoms."
    )
    assert "jailed" in set(e["trigger"])
    assert "respect" not in set(e["trigger"])


def test_those_a_government_has_jailed_are_the_group_named_before_and_its_target():
    _, e = annotate(
        "Egypt's government has detained hundreds of journalists. The Egyptian government should "
        "release those it has unjustly jailed."
    )
    has(e, "COERCE", "state:EGY", "group:egy-med")
    assert len(e[(e["trigger"] == "jailed") & (e["target"] == "group:egy-med")]) == 1


def test_people_who_seek_to_do_something_have_not_acted_yet():
    _, e = annotate(
        "Chinese authorities detained lawyers and human rights defenders in July. Kenya will "
        "always support brave individuals who seek to build a more just society."
    )
    assert "support" in set(e["trigger"]) and "seek" not in set(e["trigger"])
    _, e = annotate("Iran, which plans to impose sanctions on Israel, said nothing.")
    has(e, "THREATEN", "state:IRN", "state:ISR")


def test_what_an_owned_thing_does_in_a_relative_clause_is_not_its_owners_act():
    _, e = annotate(
        "Kenya will take action against those who facilitate the Shabaab's destabilizing "
        "activities, which pose threats to peace in Somalia."
    )
    assert "pose" not in set(e["trigger"])


def test_being_committed_to_doing_something_is_a_commitment_but_not_to_an_idea():
    _, e = annotate(
        '"The Japanese people are committed to meeting the enormous humanitarian needs in the '
        'Horn of Africa," the minister said.'
    )
    has(e, "AGREE", "group:jpn-ppl", "")
    _, e = annotate("Kenya and Ghana are committed to the idea of a fair world order.")
    assert e.empty


def test_an_act_under_an_accord_is_aimed_at_the_accords_other_party():
    _, e = annotate(
        "Norway welcomed the peace agreement negotiated between the Colombian Government and the "
        "FARC, an agreement that will end decades of war. Under the agreement, the FARC will "
        "demobilize and hand over its weapons."
    )
    has(e, "AGREE", "org:farc", "state:COL")
