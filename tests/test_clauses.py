"""Which verb of a sentence carries its event: the main verb, not the reporting verb, the
infinitive of purpose or the relative clause; stated intentions are told apart from acts."""

from __future__ import annotations

import pytest

from helpers import clauses, lexicon, nlp

EVENT_VERBS = {
    "agree",
    "threaten",
    "impose",
    "attack",
    "provide",
    "meet",
    "sign",
    "withdraw",
    "send",
    "refuse",
    "allow",
    "accuse",
    "violate",
}


def verb_status(sentence: str, lemma: str) -> clauses.Status:
    doc = nlp.parse(sentence)
    tok = next(t for t in doc if t.lemma_.lower() == lemma)
    return clauses.status(tok, lambda t: t.lemma_.lower() in EVENT_VERBS)


def test_the_reported_act_is_the_event_not_the_reporting_verb():
    s = "Jordan and Britain have agreed to undertake joint exercises, a Jordanian official said."
    assert verb_status(s, "agree").kind == "event"


def test_an_infinitive_complement_of_an_event_verb_is_its_content_not_a_second_event():
    s = "The rebels refused to allow United Nations planes to land."
    assert verb_status(s, "refuse").kind == "event"
    assert verb_status(s, "allow").kind == "skip"


def test_a_relative_clause_is_an_event_only_when_its_subject_is_an_actor():
    s = "Turkey will allow refugees who have attacked the border posts to return home."
    assert (
        verb_status(s, "attack").kind == "relative"
    )  # the coder then asks whether "refugees" is an actor


def test_will_states_an_intention():
    assert verb_status("Portugal will provide troops to the mission.", "provide").kind == "intent"


def test_would_in_reported_speech_is_an_intention_but_a_bare_would_is_hypothetical():
    assert verb_status("NATO said it would impose a blockade on Serbia.", "impose").kind == "intent"
    assert verb_status("The two nations would cooperate in many areas.", "cooperate").kind == "skip"


def test_plans_to_states_an_intention():
    assert verb_status("Germany plans to send tanks to Ukraine.", "send").kind == "intent"


def test_object_and_prepositional_phrases_are_read_for_dictionary_patterns():
    doc = nlp.parse("The European Union imposed new sanctions on Belarus.")
    verb = next(t for t in doc if t.lemma_ == "impose")
    assert clauses.objects(verb)[0] == "sanction"
    assert ("on", ["belarus"]) in clauses.preps(verb)


def test_rule_words_carry_a_reason_and_a_bad_group_is_named(tmp_path, monkeypatch):
    from helpers import config

    assert "say" in lexicon.words("reporting")
    (tmp_path / "rule_words.csv").write_text(
        "group,word,reason\nreportng,say,typo\n", encoding="utf-8"
    )
    monkeypatch.setattr(config, "REFERENCE", tmp_path)
    lexicon._table.cache_clear()
    try:
        with pytest.raises(lexicon.RuleWordsError, match=r"rule_words.csv row 2: group 'reportng'"):
            lexicon.words("reporting")
    finally:
        lexicon._table.cache_clear()
