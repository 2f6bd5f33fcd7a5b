"""The Phoenix dictionary formats, as scripts/convert_phoenix.py reads them.

The converter runs on small dictionaries written here in the Phoenix formats (the real ones
live outside the repository); its output is then read back through helpers.actordict.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from helpers import actordict, config

SCRIPT = config.ROOT / "scripts" / "convert_phoenix.py"
spec = importlib.util.spec_from_file_location("convert_phoenix", SCRIPT)
convert_phoenix = sys.modules["convert_phoenix"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(convert_phoenix)

COUNTRIES = """\
# header comment
BELARUS_
+BELARUSIAN_
+MINSK_
\t[USRBLR <910825]
\t[BLR >911221]

VYACHASLAU_KEBICH_  # CountryInfo.txt
\t[BLRELI 540101-900407]
\t[BLRGOV 900407-940721]
\t[BLRELI]
DMITRY_MEDVEDEV_  # CountryInfo.txt
+MEDVEDEV
DMITRI_MEDVEDEV_  # CountryInfo.txt
\t[RUSGOV >080507]
JUND_AL_AQSA
SARAYAT_AL-QUDS
\t[SYRREBMUS]
DAVID_CAMERON_  # CountryInfo.txt
\t[GBRGOV >201005011]
INDIAN_OCEAN  [---]
"""
INTERNATIONAL = """\
THE_UNITED_NATIONS_ [IGOUNO]
KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]# IGOrulers.txt
+K._ANNAN_
"""
MILNONSTATE = """\
HAMAS_  #  kkl 21 Mar 13
+ISLAMIC_RESISTANCE_MOVEMENT
\t[PSEREBHMS]
"""
AGENTS = """\
!PERSON! = MAN, WOMAN
!MINIST! = MINISTER, MINISTRY
PRESIDENT [~GOV]
REBEL [~REB]
ENVOY [~GOV]
ATROCITY [~CRM]
POLICE {} [~COP]
THIEF {THIEVES} [~CRM]
CONGRESS!PERSON! [~LEG]
FOREIGN_!MINIST! [~GOV]
DEFENCE_MINIST [~GOVMIL]
MUKHABARAT_ [~SPY]
WITNESS [~CVL]
ARMED_FORCES [~MIL]
OBSERVERS_IN [IGO~]
PEACEKEEPING_TROOPS {} [IGO~]
ISLAMIC_EXTREMIST
"""


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The tiny dictionaries converted, and actordict reading the result."""
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("out")
    files = {
        "Phoenix.Countries.actors.txt": COUNTRIES,
        "Phoenix.International.actors.txt": INTERNATIONAL,
        "Phoenix.MilNonState.actors.txt": MILNONSTATE,
        "Phoenix.agents.txt": AGENTS,
    }
    for name, text in files.items():
        (source / name).write_text(text, encoding="utf-8")
    figures = convert_phoenix.convert(source, out)
    previous = actordict.DATA_DIR
    actordict.DATA_DIR = out
    actordict.clear_cache()
    yield out, figures
    actordict.DATA_DIR = previous
    actordict.clear_cache()


def skipped(out: Path) -> list[dict[str, str]]:
    with open(out / "phoenix_skipped.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(
    "digits, day",
    [
        ("140608", dt.date(2014, 6, 8)),
        ("000101", dt.date(2000, 1, 1)),
        ("300101", dt.date(2030, 1, 1)),
        ("310101", dt.date(1931, 1, 1)),
        ("940720", dt.date(1994, 7, 20)),
        ("19270101", dt.date(1927, 1, 1)),
    ],
)
def test_two_digit_years_up_to_30_are_this_century(digits, day):
    assert convert_phoenix.parse_date(digits) == day


@pytest.mark.parametrize(
    "digits, problem",
    [
        ("9008223", "7 digits"),
        ("201005011", "9 digits"),
        ("20100230", "not a calendar date"),
    ],
)
def test_dates_that_are_neither_six_nor_eight_digits_or_not_real_are_refused(digits, problem):
    with pytest.raises(ValueError, match=problem):
        convert_phoenix.parse_date(digits)


@pytest.mark.parametrize(
    "bracket, start, end",
    [
        ("RUSGOV >20000507", dt.date(2000, 5, 7), None),
        ("EGYGOV > 140608", dt.date(2014, 6, 8), None),
        ("USRARM <900823", None, dt.date(1990, 8, 23)),
        ("AFGELI 320101-331108", dt.date(1932, 1, 1), dt.date(1933, 11, 8)),
        ("AFGMIL", None, None),
    ],
)
def test_a_bracket_is_a_code_and_an_optional_date_restriction(bracket, start, end):
    affiliation = convert_phoenix.parse_bracket(bracket)
    assert (affiliation.code, affiliation.start, affiliation.end) == (
        bracket.split()[0],
        start,
        end,
    )


@pytest.mark.parametrize(
    "bracket, problem",
    [
        ("---", "null code"),
        ("NGOEEURENV", "three-letter"),
        ("MNEGOV 20121204", "not >D, <D or D-D"),
        ("EGYGOV 20121207-20120802", "ends .* before it starts"),
    ],
)
def test_unusable_brackets_say_why(bracket, problem):
    with pytest.raises(ValueError, match=problem):
        convert_phoenix.parse_bracket(bracket)


def test_dated_affiliations_become_rows_and_a_state_gets_its_iso_country(converted):
    assert actordict.lookup("Minsk", on=dt.date(1985, 1, 1)).country == "SUN"
    assert actordict.lookup("Belarusian", on=dt.date(2000, 1, 1)).code == "BLR"
    assert actordict.lookup("Vyachaslau Kebich", on=dt.date(1993, 1, 1)).code == "BLRGOV"
    assert actordict.lookup("Vyachaslau Kebich", on=dt.date(1999, 1, 1)).code == "BLRELI"


def test_a_second_spelling_as_a_primary_line_joins_the_actor(converted):
    entry = actordict.lookup("Dmitri Medvedev")
    assert entry.actor == "Dmitry Medvedev" and entry.code == "RUSGOV"
    assert set(entry.variants) == {"Dmitry Medvedev", "Medvedev", "Dmitri Medvedev"}


def test_different_names_before_one_code_are_separate_actors_sharing_it(converted):
    aqsa, quds = actordict.lookup("Jund al Aqsa"), actordict.lookup("Sarayat al-Quds")
    assert aqsa.actor != quds.actor and aqsa.code == quds.code == "SYRREBMUS"


def test_every_bracket_on_a_name_line_counts(converted):
    annan = actordict.lookup("K. Annan", on=dt.date(2000, 1, 1))
    assert (annan.actor, annan.code, annan.igo) == ("Kofi Annan", "IGOUNO", True)
    later = actordict.lookup("Kofi Annan", on=dt.date(2010, 1, 1))
    assert (later.code, later.sector, later.country) == ("ELI", "ELI", None)


def test_unusable_lines_are_listed_with_their_reasons(converted):
    out, figures = converted
    reasons = {(row["file"], row["reason"]) for row in skipped(out)}
    assert ("countries", "date '201005011' has 9 digits, not 6 or 8") in reasons
    assert ("countries", "null code [---]") in reasons
    assert ("countries", "actor without a usable code") in reasons  # Cameron, Indian Ocean
    assert ("agents", "not PHRASE {PLURAL} [CODE]") in reasons
    assert figures["skipped"] == len(skipped(out))
    assert actordict.lookup("David Cameron") is None


def test_agents_get_regular_plurals_unless_told_otherwise(converted):
    codes = {
        word: actordict.agent(word)
        for word in [
            "rebels",
            "envoys",
            "atrocities",
            "police",
            "polices",
            "thieves",
            "thiefs",
            "congressman",
            "congresswoman",
            "foreign ministry",
            "defence minister",
            "mukhabarat",
            "mukhabarats",
            "witnesses",
            "armed forces",
            "armed forceses",
            "observers ins",
        ]
    }
    assert codes == {
        "rebels": "REB",
        "envoys": "GOV",
        "atrocities": "CRM",
        "police": "COP",
        "polices": None,
        "thieves": "CRM",
        "thiefs": None,
        "congressman": "LEG",
        "congresswoman": "LEG",
        "foreign ministry": "GOV",
        "defence minister": "GOVMIL",
        "mukhabarat": "SPY",
        "mukhabarats": None,
        "witnesses": "CVL",
        "armed forces": "MIL",
        "armed forceses": None,
        "observers ins": None,
    }


def test_an_agent_that_precedes_the_actor_code_keeps_its_placement(converted):
    out, _ = converted
    with open(out / "phoenix_agents.csv", encoding="utf-8", newline="") as fh:
        rows = {row["agent"]: row for row in csv.DictReader(fh)}
    troops = rows["peacekeeping troops"]
    assert (troops["code"], troops["placement"]) == ("IGO", "prefix")
    assert rows["rebel"]["placement"] == "suffix"
