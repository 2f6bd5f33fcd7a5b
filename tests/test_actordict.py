"""The Phoenix actor and agent dictionaries, as the project reads them (helpers.actordict).

Every example is real: it is what the converted dictionaries in data/reference/ say.
"""

from __future__ import annotations

import datetime as dt
import doctest
import shutil
from pathlib import Path

import pytest

from helpers import actordict
from helpers.actordict import ReferenceDataError, agent, by_surname, lookup, normalise, variants

ARTICLE_DAY = dt.date(2023, 3, 13)  # Lukashenko in Tehran, the default article


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of the tables that a test may break; the module reads it instead."""
    for name in (actordict.ACTORS_CSV, actordict.NAMES_CSV, actordict.AGENTS_CSV):
        shutil.copy(actordict.DATA_DIR / name, tmp_path / name)
    monkeypatch.setattr(actordict, "DATA_DIR", tmp_path)
    actordict.clear_cache()
    yield tmp_path
    actordict.clear_cache()


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in a table; the row number (header = 1) of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


# ---------------------------------------------------------------------------------- people


def test_lukashenka_is_a_belarusian_government_actor_spelt_the_belarusian_way():
    entry = lookup("Alyaksandr Lukashenka", on=ARTICLE_DAY)
    assert (entry.code, entry.country, entry.sector, entry.igo) == ("BLRGOV", "BLR", "GOV", False)
    assert (entry.start, entry.end, entry.kind) == (dt.date(1994, 7, 20), None, "person")


def test_the_articles_spelling_lukashenko_is_not_in_the_dictionaries_but_his_surname_leads_to_him():
    assert lookup("Alexandr Lukashenko") is None
    assert by_surname("Lukashenka") == ("Alyaksandr Lukashenka",)


def test_vladimir_putin_on_2015_01_01_is_russian_government():
    entry = lookup("Vladimir Putin", on=dt.date(2015, 1, 1))
    assert (entry.actor, entry.code, entry.country) == ("Vladimir Putin", "RUSGOV", "RUS")
    assert entry.start == dt.date(2008, 5, 8) and entry.end is None


def test_before_his_first_term_putin_was_a_russian_elite_actor():
    entry = lookup("Putin", on=dt.date(1995, 1, 1))
    assert (entry.code, entry.start, entry.end) == (
        "RUSELI",
        dt.date(1970, 1, 1),
        dt.date(1999, 8, 9),
    )


def test_mubarak_governs_until_the_last_day_of_his_term_and_is_elite_afterwards():
    # [EGYGOV 811014-110211] then the undated default [EGYELI]; limits are inclusive.
    assert lookup("Hosni Mubarak", on=dt.date(2011, 2, 11)).code == "EGYGOV"
    after = lookup("Hosni Mubarak", on=dt.date(2011, 2, 12))
    assert (after.code, after.start, after.end) == ("EGYELI", None, None)


def test_without_a_date_the_affiliation_in_force_now_is_given():
    assert lookup("Hosni Mubarak").code == "EGYELI"  # out of office since 2011
    assert lookup("Putin").code == "RUSGOV"  # a term still open in the dictionary


def test_transliterations_resolve_to_the_same_actor():
    spellings = [
        "Muammar Gaddafi",
        "Muammar Qadhafi",
        "Moammar Kadafi",
        "Qaddafi",
        "Colonel Gaddafi",
    ]
    entries = {lookup(s, on=dt.date(2000, 1, 1)) for s in spellings}
    assert len(entries) == 1
    (entry,) = entries
    assert (entry.actor, entry.code) == ("Muammar Gaddafi", "LBYGOV")
    assert {"Muammar Qadhafi", "Moammar Kadafi", "Qaddafi"} <= set(entry.variants)


def test_variants_lists_every_spelling_with_the_canonical_name_first():
    spellings = variants("Sergei Lavrov")
    assert spellings[0] == "Sergey Lavrov"
    assert {"Lavrov", "Sergei Lavrov", "Sergey V. Lavrov"} <= set(spellings)
    assert variants("Nobody Atall") == ()


def test_a_name_shared_by_two_people_is_resolved_by_the_date():
    assert lookup("President Bush", on=dt.date(1990, 1, 1)).actor == "George Bush"
    assert lookup("President Bush", on=dt.date(2003, 1, 1)).actor == "George W. Bush"
    assert {e.actor for e in actordict.candidates("President Bush")} == {
        "George Bush",
        "George W. Bush",
    }


def test_ban_ki_moon_was_a_korean_minister_before_he_led_the_un():
    korea = lookup("Ban Ki-moon", on=dt.date(2005, 6, 1))
    un = lookup("Ban Ki-moon", on=dt.date(2010, 1, 1))
    assert (korea.code, korea.country) == ("KORGOVBUS", "KOR")
    assert (un.code, un.country, un.igo) == ("IGOUNO", None, True)


def test_leaders_after_2016_are_missing_so_the_text_must_say_who_they_are():
    for name in ("Volodymyr Zelensky", "Zelenskiy", "Ebrahim Raisi"):
        assert lookup(name) is None


def test_a_date_no_affiliation_covers_gives_nothing():
    # George C. Marshall has dated affiliations only (1898-1959), no undated default.
    assert lookup("George C. Marshall", on=dt.date(1948, 1, 1)).code == "USAGOV"
    assert lookup("George C. Marshall", on=dt.date(1890, 1, 1)) is None


# ---------------------------------------------------------------------------------- surnames


def test_a_surname_in_the_text_points_to_the_full_name():
    assert by_surname("Lavrov") == ("Sergey Lavrov",)
    assert "Muammar Gaddafi" in by_surname("Qaddafi")
    assert by_surname("al-Assad") == by_surname("Assad")


def test_only_people_have_surnames_and_titles_are_not_surnames():
    assert by_surname("Nations") == ()  # "United Nations" is an organisation
    assert by_surname("President") == () and by_surname("minister") == ()


def test_people_sharing_a_surname_come_sorted():
    assert by_surname("Bush") == ("George Bush", "George W. Bush", "McKeeva Bush")


# ---------------------------------------------------------------------------------- states, IGOs


def test_the_united_nations_is_an_igo_by_any_of_its_names():
    for name in ("United Nations", "the United Nations", "UN", "U.N."):
        entry = lookup(name)
        assert (entry.code, entry.igo, entry.country, entry.sector) == ("IGOUNO", True, None, "UNO")


def test_belarus_was_a_soviet_republic_before_independence():
    soviet = lookup("Belarus", on=dt.date(1985, 1, 1))
    assert (soviet.code, soviet.country, soviet.kind) == (
        "USRBLR",
        "SUN",
        "state",
    )  # CAMEO USR = ISO SUN
    assert lookup("Belarus", on=ARTICLE_DAY).code == "BLR"


def test_a_capital_stands_for_its_state():
    assert lookup("Minsk").actor == "Belarus"
    assert lookup("Tehran").country == "IRN"


def test_phoenix_country_codes_that_are_not_iso_are_mapped():
    assert lookup("Kosovo").country == "XKX"  # Phoenix KSV
    assert lookup("Pristina").country == "XKX"


def test_armed_groups_have_rebel_codes():
    assert lookup("Hamas").code == "PSEREBHMS"
    assert lookup("Al-Qaeda").code == "IMGMUSALQ"


# ---------------------------------------------------------------------------------- agents


@pytest.mark.parametrize(
    "word, code",
    [
        ("president", "GOV"),
        ("presidents", "GOV"),
        ("rebels", "REB"),
        ("rebel", "REB"),
        ("insurgents", "REB"),
        ("foreign minister", "GOV"),
        ("Foreign Ministers", "GOV"),
        ("defence minister", "GOVMIL"),
        ("police", "COP"),
        ("troops", "MIL"),
        ("opposition leader", "OPP"),
        ("main opposition", "OPP"),
    ],
)
def test_titles_and_group_nouns_have_sector_codes(word, code):
    assert agent(word) == code


def test_the_bare_word_opposition_is_not_a_phoenix_agent():
    assert agent("opposition") is None


def test_two_codes_for_one_phrase_the_first_line_wins():
    assert agent("security forces") == "COP"  # lines 276 (COP) and 1875 (MIL) of the agents file


# ---------------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    "name, key",
    [
        ("U.N._SECRETARY_GENERAL", "un secretary general"),
        ("Côte d’Ivoire", "cote divoire"),
        ("AL_QA'IDA", "al qaida"),
        ("Ban Ki-moon", "ban ki moon"),
        ("  The   European Union ", "european union"),
        ("Lech Wałęsa", "lech walesa"),
    ],
)
def test_normalise_makes_spellings_meet(name, key):
    assert normalise(name) == key


def test_display_name_writes_dictionary_phrases_as_prose():
    assert actordict.display_name("VLADIMIR_V._PUTIN_") == "Vladimir V. Putin"
    assert actordict.display_name("BASHAR_AL-ASSAD") == "Bashar al-Assad"
    assert actordict.display_name("UN_SECRETARY_GENERAL", acronyms=True) == "UN Secretary General"


# ---------------------------------------------------------------------------------- the data


def test_the_committed_tables_are_valid():
    actordict.validate()


def test_the_module_examples_hold():
    assert doctest.testmod(actordict).failed == 0


def test_a_malformed_code_names_the_file_row_and_problem_in_one_line(data_copy):
    row = replace_in(
        data_copy / actordict.ACTORS_CSV,
        "countries:39559,Vladimir Putin,person,RUSGOV,",
        "countries:39559,Vladimir Putin,person,RUSGOVX,",
    )
    with pytest.raises(ReferenceDataError) as err:
        lookup("Vladimir Putin")
    message = str(err.value)
    assert message == (
        f"{data_copy / actordict.ACTORS_CSV}: row {row}: "
        "code 'RUSGOVX' is not made of three-letter (or three-digit) blocks"
    )
    assert "\n" not in message


def test_dates_out_of_order_are_an_error(data_copy):
    row = replace_in(
        data_copy / actordict.ACTORS_CSV,
        "RUSGOV,RUS,2008-05-08,",
        "RUSGOV,RUS,2008-05-08,2001-01-01",
    )
    with pytest.raises(
        ReferenceDataError, match=rf"row {row}: end 2001-01-01 is before start 2008-05-08$"
    ):
        lookup("Putin")


def test_validate_finds_an_empty_name_anywhere(data_copy):
    row = replace_in(data_copy / actordict.NAMES_CSV, "lavrov,LAVROV,", "lavrov,,")
    with pytest.raises(ReferenceDataError, match=rf"phoenix_names.csv: row {row}: empty name"):
        actordict.validate()


def test_a_wrong_header_is_row_1(data_copy):
    replace_in(data_copy / actordict.AGENTS_CSV, "agent,code,", "phrase,code,")
    with pytest.raises(
        ReferenceDataError, match=r"phoenix_agents.csv: row 1: the header is not agent,code,"
    ):
        agent("president")


def test_a_missing_table_says_how_to_make_it(data_copy):
    (data_copy / actordict.NAMES_CSV).unlink()
    with pytest.raises(ReferenceDataError, match="cannot be read .*run scripts/convert_phoenix.py"):
        lookup("Putin")
