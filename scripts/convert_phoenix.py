"""Convert the Phoenix actor and agent dictionaries into the project's reference CSVs.

Run once by a developer, from the repository root::

    .venv/bin/python scripts/convert_phoenix.py [--source ../shared/external] [--out data/reference]

Reads ``Phoenix.{Countries,International,MilNonState}.actors.txt`` and ``Phoenix.agents.txt``
(PETRARCH-2 dictionaries, openeventdata/petrarch2, MIT) and writes, sorted and diffable:

- ``phoenix_actors.csv``  one row per (actor, code, date range);
- ``phoenix_names.csv``   one row per (name variant, actor): lookup key and original form;
- ``phoenix_agents.csv``  one row per (agent phrase, code), plurals expanded;
- ``phoenix_skipped.csv`` every source line or bracket that could not be used, with the reason.

It prints the figures that ``data/reference/PHOENIX_SOURCES.md`` reports. The file formats, as
read here (the parser is this project's own; PETRARCH's documentation was the reference):

Actor files. ``#`` starts a comment. A line that is not indented and does not start with ``+``
is a primary phrase (words joined by ``_``), optionally followed by ``[CODE DATES]`` brackets;
``+PHRASE`` lines are synonyms; indented ``[CODE DATES]`` lines are dated affiliations. As in
PETRARCH, primary phrases that follow each other before any code all get the codes below them;
phrases with the same surname are one actor named by the first (``DMITRY_MEDVEDEV_``,
``DMITR_MEDVEDEV_``), others separate actors. Records of one file with the same name and
affiliations (the International file lists its NGOs twice) are merged. DATES are ``>D`` (from D),
``<D`` (until D), ``D-D`` (a range), none (always); limits are inclusive. D is ``YYYYMMDD`` or
``YYMMDD``, where YY 00-30 means 20YY and 31-99 means 19YY (the KEDS/TABARI/PETRARCH rule; the
files use no six-digit year between 15 and 30, so the rule is not stretched). ``[---]`` (the null
code) is skipped.

Agents file. ``PHRASE {PLURAL} [~CODE]`` (the sector code follows an actor code) or ``[CODE~]``
(it precedes it). ``!NAME! = A, B`` defines a substitution set used as ``FOREIGN_!MINIST!``.
Without braces the regular plural of the last word is generated; ``{}`` means none, ``{X}``
gives it. A phrase ending in ``_``, or using a substitution set, gets no generated plural. The
leftover TABARI stem ``MINIST`` ("DEFENCE_MINIST") is read as the ``!MINIST!`` set. Abbreviations
("ADM."), numbers, words already plural ("FORCES"; not "WITNESS") and phrases ending in a
preposition ("EMBASSY_IN") get no generated plural either.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from helpers import actordict, config

ACTOR_FILES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
}
AGENTS_FILE = "Phoenix.agents.txt"

#: Phoenix/CAMEO country codes that are not ISO 3166-1 alpha-3 codes, and the ISO code used for
#: them (historic codes from ISO 3166-3, as pycountry lists them; XKX for Kosovo as GeoNames and
#: this project's country table use it).
PHOENIX_TO_ISO3 = {
    "KSV": "XKX",  # Kosovo: "using World Bank code-No ISO" (file comment)
    "TMP": "TLS",  # East Timor: ISO 3166-1 TMP until 2002, now TLS
    "USR": "SUN",  # USSR: CAMEO USR, ISO 3166-3 SUN
    "FRY": "YUG",  # Federal Republic of Yugoslavia 1992-2003 kept ISO's YUG
    "ANG": "AGO",  # once, UNITA [ANGREB]: a typo, Angola is [AGO] in the Countries file
    "FRN": "FRA",  # once, Wallis and Futuna [FRNWLF]: a typo, France is FRA (cf. USAASM)
}
#: First blocks of codes that are not countries: no country is derived from them. An unknown
#: prefix that is no ISO code either stops the conversion (see country_of).
NON_COUNTRY_PREFIXES = {
    "IGO",
    "NGO",
    "MNC",
    "IMG",  # intergovernmental, non-governmental, multinational, militarised
    "ELI",
    "MED",  # elites and media without a country
    "BAH",
    "BUD",
    "HIN",
    "MOS",  # religions (CAMEO religion codes: Baha'i, Buddhist, Hindu, Muslim)
    "KNT",
    "KRJ",
    "SRP",  # Kinakuta (a fictional test country), Serbian Krajina, Republika Srpska
    "KKL",  # a placeholder in the MilNonState file (the initials of its coder)
    # regions (MilNonState): Africa, Asia, Caucasus, Central Africa, East Africa, Eastern Europe,
    # East Indies, Europe, international, Latin America, Middle East, North Africa, North
    # America, Southern Africa, South America, South Asia, South-East Asia, West Africa, Western Europe
    "AFR",
    "ASA",
    "CAS",
    "CFR",
    "EAF",
    "EEU",
    "EIN",
    "EUR",
    "INT",
    "LAM",
    "MEA",
    "NAF",
    "NMR",
    "SAF",
    "SAM",
    "SAS",
    "SEA",
    "WAF",
    "WEU",
}

BRACKET = re.compile(r"\[([^\[\]]*)\]")
DATES = re.compile(r"(?P<op>[<>])\s*(?P<d>\d+)|(?P<a>\d+)\s*-\s*(?P<b>\d+)")
BAD_NAME = re.compile(r"[\[\]{}\ufffd]|Ã.")  # brackets, replacement characters, mojibake
PROVENANCE = re.compile(r"Source:\s")  # "Source: MNC.MLH.actors", a merge note left uncommented
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
CENTURY_PIVOT = 30  # YY <= 30 -> 20YY, else 19YY


@dataclass
class Skipped:
    """A source line, or one bracket of it, that the conversion could not use."""

    file: str
    line: int
    reason: str
    text: str


@dataclass
class Affiliation:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class Record:
    """One actor: its primary phrases, synonyms and affiliations, as the file gives them."""

    file: str
    line: int
    note: str  # the comment on the first primary line ("CountryInfo.txt")
    names: list[str] = field(default_factory=list)  # originals; names[0] is the canonical one
    affiliations: list[Affiliation] = field(default_factory=list)
    coded: bool = False  # a bracket was seen, usable or not: a new primary phrase starts a record


class Log:
    """Skipped lines, and counts of lines read and repairs, reported at the end (nothing is
    dropped silently)."""

    def __init__(self) -> None:
        self.skipped: list[Skipped] = []
        self.counts: Counter[str] = Counter()

    def skip(self, file: str, line: int, reason: str, text: str) -> None:
        self.skipped.append(Skipped(file, line, reason, text.strip()))


# ------------------------------------------------------------------------------ dates, codes


def parse_date(digits: str) -> dt.date:
    """``YYYYMMDD`` or ``YYMMDD`` (00-30 -> 20YY, 31-99 -> 19YY); ValueError otherwise."""
    if len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    elif len(digits) == 6:
        yy, rest = int(digits[:2]), digits[2:]
        year = 2000 + yy if yy <= CENTURY_PIVOT else 1900 + yy
    else:
        raise ValueError(f"date {digits!r} has {len(digits)} digits, not 6 or 8")
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        raise ValueError(f"date {digits!r} is not a calendar date") from None


def parse_bracket(content: str) -> Affiliation:
    """``RUSGOV >20000507`` -> Affiliation; ValueError with the reason when it cannot be used."""
    code, _, dates = content.strip().partition(" ")
    dates = dates.strip()
    if code == "---":
        raise ValueError("null code [---]")
    if not actordict.CODE_RE.fullmatch(code):
        raise ValueError(f"code {code!r} is not made of three-letter (or three-digit) blocks")
    if not dates:
        return Affiliation(code)
    m = DATES.fullmatch(dates)
    if not m:
        raise ValueError(f"date restriction {dates!r} is not >D, <D or D-D")
    if m["op"]:
        day = parse_date(m["d"])
        return Affiliation(code, start=day) if m["op"] == ">" else Affiliation(code, end=day)
    start, end = parse_date(m["a"]), parse_date(m["b"])
    if end < start:
        raise ValueError(f"range ends ({end}) before it starts ({start})")
    return Affiliation(code, start, end)


def country_of(code: str) -> str:
    """ISO 3166-1 alpha-3 of a code's first three letters, or "" when they are not a country."""
    prefix = code[:3]
    if prefix in NON_COUNTRY_PREFIXES:
        return ""
    iso3 = PHOENIX_TO_ISO3.get(prefix, prefix)
    if (
        pycountry.countries.get(alpha_3=iso3)
        or pycountry.historic_countries.get(alpha_3=iso3)
        or iso3 == "XKX"
    ):
        return iso3
    raise ValueError(f"code prefix {prefix!r} is neither a country nor a known CAMEO prefix")


# ------------------------------------------------------------------------------ actor files


def split_comment(raw: str) -> tuple[str, str]:
    """A source line without its ``#`` comment and control characters, and the comment."""
    text, _, comment = raw.partition("#")
    return CONTROL.sub("", text).rstrip(), comment.strip()


def read_actor_file(path: Path, file: str, log: Log) -> list[Record]:
    """Every record of one actor file, in file order.

    ``group`` holds the records that the next code lines apply to: usually one, more when
    primary phrases with different surnames follow each other before any code (PETRARCH gives
    them the same codes; they stay separate actors here).
    """
    records: list[Record] = []
    group: list[Record] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if CONTROL.search(raw.partition("#")[0]):
            log.counts["control characters removed"] += 1
        text, comment = split_comment(raw)
        stripped = text.strip()
        if not stripped:
            continue
        if PROVENANCE.match(stripped):
            log.skip(file, number, "uncommented provenance note", raw)
        elif stripped[0] in "+[" and not group:
            log.skip(file, number, "synonym or code before any actor", raw)
        elif stripped[0] == "+":
            add_name(group[-1], number, stripped[1:], log)
        elif stripped[0] == "[":
            add_brackets(group, number, stripped, log)
        else:
            group = start_or_join(group, records, Record(file, number, comment), stripped)
            add_primary(group, number, stripped, log)
    return records


def start_or_join(
    group: list[Record], records: list[Record], new: Record, text: str
) -> list[Record]:
    """The group a primary phrase belongs to: a new one after codes, else the waiting one.

    A phrase with the surname of the waiting record's first phrase is another spelling of it
    (``BORIS_YELTSIN_``, ``BORIS_N._YELTSIN``); any other phrase is a new record of the group.
    """
    if not group or group[-1].coded:
        records.append(new)
        return [new]
    name = text.partition("[")[0]
    if group[-1].names and actordict.surname(name) == actordict.surname(group[-1].names[0]):
        return group
    records.append(new)
    return [*group, new]


def add_primary(group: list[Record], number: int, text: str, log: Log) -> None:
    """A primary phrase with any brackets after it; text after the brackets is a remark."""
    name, bracket, rest = text.partition("[")
    add_name(group[-1], number, name, log)
    if bracket:
        last = rest.rfind("]")
        if rest[last + 1 :].strip():
            log.counts["uncommented remarks after codes ignored"] += 1
        add_brackets(group, number, "[" + rest[: last + 1], log)


def add_name(record: Record, number: int, name: str, log: Log) -> None:
    """Add a phrase to the record, or skip it when it cannot be a name."""
    name = name.strip()
    if BAD_NAME.search(name):
        log.skip(record.file, number, "name with a stray bracket, U+FFFD or mojibake", name)
    elif not actordict.normalise(name):
        log.skip(record.file, number, "name without letters or digits", name)
    else:
        record.names.append(name)


def add_brackets(group: list[Record], number: int, text: str, log: Log) -> None:
    """Every ``[CODE DATES]`` of a line, given to every record of the group; each bracket that
    cannot be used is skipped with its reason."""
    file = group[-1].file
    for record in group:
        record.coded = True
    if BRACKET.sub(" ", text).strip():
        log.skip(file, number, "text outside brackets on a code line", text)
        return
    for m in BRACKET.finditer(text):
        try:
            affiliation = parse_bracket(m.group(1))
        except ValueError as err:
            log.skip(file, number, str(err), m.group(0))
            continue
        for record in group:
            if affiliation not in record.affiliations:
                record.affiliations.append(affiliation)


# ------------------------------------------------------------------------------ actor kinds

#: Words that make a name an organisation's, not a person's (checked on lookup keys).
ORGANISATION_WORDS = frozenset(
    [
        "academy",
        "administration",
        "agency",
        "airlines",
        "airways",
        "alliance",
        "ansar",
        "armies",
        "army",
        "assembly",
        "association",
        "authority",
        "bancorp",
        "bank",
        "based",
        "battalion",
        "battalions",
        "board",
        "brigade",
        "brigades",
        "brotherhood",
        "bureau",
        "cabinet",
        "campaign",
        "capital",
        "cell",
        "cells",
        "center",
        "centre",
        "chamber",
        "children",
        "church",
        "city",
        "coalition",
        "college",
        "command",
        "commission",
        "committee",
        "communications",
        "company",
        "consulate",
        "corp",
        "corporation",
        "corps",
        "council",
        "court",
        "courts",
        "department",
        "diet",
        "directorate",
        "division",
        "duma",
        "embassy",
        "energy",
        "faction",
        "factions",
        "federation",
        "fighters",
        "films",
        "force",
        "forces",
        "forum",
        "foundation",
        "front",
        "fund",
        "gas",
        "government",
        "group",
        "groups",
        "guard",
        "guards",
        "harakah",
        "harakat",
        "headquarters",
        "hizb",
        "holdings",
        "hospital",
        "house",
        "inc",
        "industries",
        "initiative",
        "institute",
        "insurgents",
        "international",
        "island",
        "islands",
        "jabhat",
        "jaish",
        "jamaah",
        "jamaat",
        "jaysh",
        "jemaah",
        "jihad",
        "kataib",
        "katibat",
        "kingdom",
        "knesset",
        "lashkar",
        "league",
        "legion",
        "liberation",
        "limited",
        "liwa",
        "ltd",
        "majlis",
        "media",
        "militia",
        "militias",
        "ministry",
        "mission",
        "movement",
        "mujahideen",
        "mujahidin",
        "national",
        "nations",
        "navy",
        "network",
        "news",
        "office",
        "oil",
        "organisation",
        "organization",
        "parliament",
        "parties",
        "partners",
        "party",
        "people",
        "peoples",
        "petroleum",
        "police",
        "politburo",
        "press",
        "program",
        "programme",
        "project",
        "province",
        "radio",
        "rebels",
        "regime",
        "region",
        "republic",
        "republica",
        "resistance",
        "resources",
        "revolutionary",
        "sabha",
        "school",
        "secretariat",
        "senate",
        "service",
        "services",
        "shura",
        "sipah",
        "society",
        "squad",
        "state",
        "states",
        "systems",
        "tank",
        "tanzim",
        "technologies",
        "tehrik",
        "telecom",
        "television",
        "think",
        "tribunal",
        "trust",
        "union",
        "unit",
        "units",
        "university",
        "watch",
        "wing",
        "world",
    ]
)
#: Words that cannot occur in a person's name (they do in organisations' and offices').
FUNCTION_WORDS = frozenset(
    {"and", "of", "for", "the", "in", "on", "at", "to", "by", "with", "against"}
)
#: Particles that begin Arabic and European surnames and group names ("Al-Shabaab"), never given names.
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "ben", "de", "da", "di", "du", "van", "von", "la", "le"}
)
#: Titles that may precede a person's name in the dictionaries.
TITLE_WORDS = frozenset(
    {
        "sheikh",
        "shaikh",
        "emir",
        "mullah",
        "imam",
        "ayatollah",
        "president",
        "general",
        "gen",
        "colonel",
        "col",
        "dr",
        "sir",
        "lord",
        "lady",
        "baroness",
        "king",
        "queen",
        "prince",
        "princess",
        "mr",
        "mrs",
        "ms",
        "former",
        "acting",
    }
)


def given_names(records: list[Record]) -> frozenset[str]:
    """First words of the names of the Countries file's office holders seen at least twice.

    Those records come from CountryInfo's lists of leaders and ministers (their primary lines
    say ``# CountryInfo.txt``): a lexicon of given names from the data itself.
    """
    counts = Counter(
        actordict.normalise(r.names[0]).split()[0] for r in records if is_office_holder(r)
    )
    return frozenset(
        w
        for w, n in counts.items()
        if n >= 2 and len(w) > 1 and w not in TITLE_WORDS | NAME_PARTICLES
    )


def is_office_holder(record: Record) -> bool:
    return record.file == "countries" and "CountryInfo" in record.note


def kind_of(record: Record, given: frozenset[str]) -> str:
    """``person``, ``state`` or ``organisation``: a heuristic, documented in PHOENIX_SOURCES.md."""
    codes = [a.code for a in record.affiliations]
    if is_office_holder(record):
        return "person"
    if record.file == "countries" and any(is_country_code(c) for c in codes):
        return "state"
    words = [w for w in actordict.normalise(record.names[0]).split() if w not in TITLE_WORDS]
    if (
        not words
        or len(words) > 6
        or set(words) & (ORGANISATION_WORDS | FUNCTION_WORDS)
        or any(ch.isdigit() for ch in "".join(words))
        or any(c.startswith("MNC") for c in codes)
    ):
        return "organisation"
    elite = any("ELI" in (c[i : i + 3] for i in range(0, len(c), 3)) for c in codes)
    dated = any(a.start or a.end for a in record.affiliations)
    if len(words) == 1:
        return "person" if elite and dated else "organisation"
    return "person" if elite or dated or words[0] in given else "organisation"


def is_country_code(code: str) -> bool:
    """A code made only of country blocks: ``BLR``, ``USRBLR`` (a Soviet republic), ``USAPRI``."""
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    try:
        return all(b not in NON_COUNTRY_PREFIXES and country_of(b) for b in blocks)
    except ValueError:
        return False


# ------------------------------------------------------------------------------ agents file

AGENT_LINE = re.compile(
    r"(?P<phrase>[^\[\]{}]+?)\s*(?:\{(?P<plural>[^{}]*)\})?\s*\[(?P<code>[^\[\]]*)\]"
)
SUBSTITUTION = re.compile(r"!(?P<name>[A-Z]+)!\s*=\s*(?P<items>.+)")
MARKER = re.compile(r"!([A-Z]+)!")
AGENT_CODE = re.compile(r"~(?P<suffix>[A-Z]{3}(?:[A-Z]{3})*)|(?P<prefix>[A-Z]{3}(?:[A-Z]{3})*)~")
STEMS = {"MINIST": "!MINIST!"}  # TABARI stems left in the file, read as the substitution set
#: A phrase ending in one of these ("EMBASSY_IN", "OBSERVERS_IN") is followed by a place: no plural.
PREPOSITIONS = frozenset({"AT", "FOR", "FROM", "IN", "OF", "ON", "TO", "WITH"})


@dataclass
class Agent:
    phrase: str  # one expanded form, as written in the file ("FOREIGN_MINISTERS")
    code: str  # "GOV"
    placement: str  # "suffix" (after an actor code, ``[~GOV]``) or "prefix" (``[IGO~]``)
    line: int
    original: str  # the source line without its comment


def read_agents_file(path: Path, log: Log) -> list[Agent]:
    """Every agent phrase of the file, plurals and substitution sets expanded, in file order."""
    sets: dict[str, list[str]] = {}
    agents: list[Agent] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = split_comment(raw)[0].strip()
        if not text:
            continue
        if m := SUBSTITUTION.fullmatch(text):
            sets[m["name"]] = [item.strip() for item in m["items"].split(",") if item.strip()]
            continue
        try:
            agents.extend(parse_agent_line(text, number, sets))
            log.counts["agent lines read"] += 1
        except ValueError as err:
            log.skip("agents", number, str(err), raw)
    return agents


def parse_agent_line(text: str, number: int, sets: dict[str, list[str]]) -> list[Agent]:
    """``PHRASE {PLURAL} [~CODE]`` -> one Agent per form; ValueError with the reason otherwise."""
    m = AGENT_LINE.fullmatch(text)
    if not m:
        raise ValueError("not PHRASE {PLURAL} [CODE]")
    code = AGENT_CODE.fullmatch(m["code"].strip())
    if not code:
        raise ValueError(f"agent code {m['code']!r} is not ~XXX or XXX~")
    phrase = m["phrase"].strip()
    if BAD_NAME.search(phrase):
        raise ValueError("phrase with U+FFFD or mojibake")
    words = phrase.split("_")
    if words[-1] in STEMS:
        phrase = "_".join([*words[:-1], STEMS[words[-1]]])
    forms = expand(phrase, m["plural"], sets)
    placement = "suffix" if code["suffix"] else "prefix"
    return [
        Agent(form, code["suffix"] or code["prefix"], placement, number, text) for form in forms
    ]


def expand(phrase: str, plural: str | None, sets: dict[str, list[str]]) -> list[str]:
    """The singular and plural forms of an agent phrase (see the module docstring)."""
    marker = MARKER.search(phrase)
    if marker:
        if marker[1] not in sets:
            raise ValueError(f"substitution set !{marker[1]}! is not defined")
        return [
            phrase[: marker.start()] + item + phrase[marker.end() :] for item in sets[marker[1]]
        ]
    if plural is not None:
        return [phrase] + ([plural.strip()] if plural.strip() else [])
    last = phrase.rpartition("_")[2].upper()
    if (
        phrase.endswith(("_", "."))
        or last.isdigit()
        or last in PREPOSITIONS
        or (last.endswith("S") and not last.endswith(("SS", "US")))
    ):
        return [phrase]
    return [phrase, pluralise(phrase)]


def pluralise(phrase: str) -> str:
    """The regular English plural of a phrase's last word: REBEL -> REBELS, ENVOY -> ENVOYS,
    ATROCITY -> ATROCITIES, WITNESS -> WITNESSES, CHAIRMAN -> CHAIRMEN."""
    head, sep, word = phrase.rpartition("_")
    upper = word.upper()
    if upper.endswith("MAN"):
        plural = word[:-3] + "MEN"
    elif re.search(r"[^AEIOU]Y$", upper):
        plural = word[:-1] + "IES"
    elif re.search(r"(S|SH|CH|X|Z)$", upper):
        plural = word + "ES"
    else:
        plural = word + "S"
    return head + sep + plural


# ------------------------------------------------------------------------------ rows, files

ACTOR_COLUMNS = ["id", "actor", "kind", "code", "country", "start", "end", "file"]
NAME_COLUMNS = ["key", "name", "id"]
AGENT_COLUMNS = ["agent", "code", "placement", "line", "original"]
SKIPPED_COLUMNS = ["file", "line", "reason", "text"]


def merge_duplicates(records: list[Record], log: Log) -> list[Record]:
    """Records of one file with the same first name and the same affiliations are one actor
    listed twice (the International file repeats its NGO list): keep the first, with all names."""
    kept: dict[tuple[object, ...], Record] = {}
    for r in records:
        affiliations = tuple(sorted((a.code, iso(a.start), iso(a.end)) for a in r.affiliations))
        first = kept.setdefault((r.file, actordict.normalise(r.names[0]), affiliations), r)
        if first is not r:
            first.names += [n for n in r.names if n not in first.names]
            log.counts["duplicate records merged"] += 1
    return list(kept.values())


def actor_id(record: Record) -> str:
    """``countries:39559``: the file and line of the actor's first primary phrase."""
    return f"{record.file}:{record.line}"


def actor_rows(records: list[Record], given: frozenset[str]) -> list[dict[str, str]]:
    """One row per (actor, code, date range), sorted by actor name, id, dates and code."""
    rows = []
    for r in records:
        name = actordict.display_name(r.names[0], acronyms=r.file != "countries")
        kind = kind_of(r, given)
        for a in r.affiliations:
            rows.append(
                {
                    "id": actor_id(r),
                    "actor": name,
                    "kind": kind,
                    "code": a.code,
                    "country": country_of(a.code),
                    "start": iso(a.start),
                    "end": iso(a.end),
                    "file": r.file,
                }
            )
    return sorted(
        rows,
        key=lambda row: (row["actor"].casefold(), row["id"], row["start"], row["end"], row["code"]),
    )


def name_rows(records: list[Record]) -> list[dict[str, str]]:
    """One row per (lookup key, actor): the first original spelling that gives the key."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for r in records:
        for name in r.names:
            key = actordict.normalise(name)
            rows.setdefault((key, actor_id(r)), {"key": key, "name": name, "id": actor_id(r)})
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], id_order(k[1])))]


def agent_rows(agents: list[Agent]) -> list[dict[str, str]]:
    """One row per (agent key, code), with the first line that gives it; sorted by key, line."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for a in agents:
        key = actordict.normalise(a.phrase)
        rows.setdefault(
            (key, a.code),
            {
                "agent": key,
                "code": a.code,
                "placement": a.placement,
                "line": str(a.line),
                "original": a.original,
            },
        )
    return sorted(rows.values(), key=lambda row: (row["agent"], int(row["line"]), row["code"]))


def id_order(actor: str) -> tuple[int, int]:
    file, _, line = actor.partition(":")
    return actordict.FILES.index(file), int(line)


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# ------------------------------------------------------------------------------ main


def convert(source: Path, out: Path) -> dict[str, object]:
    """Read the four dictionaries under ``source``, write the CSVs under ``out``; the figures."""
    log = Log()
    records: list[Record] = []
    for file, name in ACTOR_FILES.items():
        records += read_actor_file(source / name, file, log)
    for r in records:
        if not r.affiliations:
            log.skip(r.file, r.line, "actor without a usable code", "|".join(r.names))
    records = merge_duplicates([r for r in records if r.affiliations], log)
    agents = read_agents_file(source / AGENTS_FILE, log)
    actors = actor_rows(records, given_names(records))
    names = name_rows(records)
    agent_table = agent_rows(agents)
    skipped = sorted(log.skipped, key=lambda s: (s.file, s.line, s.text))
    write_csv(out / "phoenix_actors.csv", ACTOR_COLUMNS, actors)
    write_csv(out / "phoenix_names.csv", NAME_COLUMNS, names)
    write_csv(out / "phoenix_agents.csv", AGENT_COLUMNS, agent_table)
    write_csv(out / "phoenix_skipped.csv", SKIPPED_COLUMNS, [vars(s) for s in skipped])
    check_written(out)
    tables = {"actors": actors, "names": names, "agents": agent_table}
    return figures(records, tables, log, source)


def check_written(out: Path) -> None:
    """Read the written tables back through ``helpers.actordict`` and check every row."""
    previous = actordict.DATA_DIR
    actordict.DATA_DIR = out
    try:
        actordict.validate()
    finally:
        actordict.DATA_DIR = previous
        actordict.clear_cache()


def figures(
    records: list[Record], tables: dict[str, list[dict[str, str]]], log: Log, source: Path
) -> dict[str, object]:
    """What PHOENIX_SOURCES.md reports."""
    actors, names, agents = tables["actors"], tables["names"], tables["agents"]
    kinds = Counter((row["file"], row["kind"]) for row in {r["id"]: r for r in actors}.values())
    actors_per_key = Counter(row["key"] for row in names)
    codes_per_agent = Counter(row["agent"] for row in agents)
    return {
        "actors": len(records),
        "actors by file and kind": dict(sorted(kinds.items())),
        "affiliation rows": len(actors),
        "name rows": len(names),
        "distinct name keys": len(actors_per_key),
        "keys naming more than one actor": sum(1 for n in actors_per_key.values() if n > 1),
        "agent rows": len(agents),
        "distinct agents": len(codes_per_agent),
        "agents with two codes": sorted(k for k, n in codes_per_agent.items() if n > 1),
        "skipped": len(log.skipped),
        "skipped by reason": Counter(reason_class(s.reason) for s in log.skipped),
        "notes": dict(log.counts),
        "six-digit years 15-30": ambiguous_years(source),
    }


def reason_class(reason: str) -> str:
    """A reason without its particulars ("date '9008223' has 7 digits" -> "date has N digits")."""
    return re.sub(r"'[^']*'|\([^)]*\)|\d+", "…", reason)


def ambiguous_years(source: Path) -> int:
    """Six-digit dates whose year (15-30) the century rule could read either way: expected 0."""
    pattern = re.compile(r"(?<![0-9])(1[5-9]|2[0-9]|30)[01][0-9][0-3][0-9](?![0-9])")
    count = 0
    for name in ACTOR_FILES.values():
        for line in (source / name).read_text(encoding="utf-8").splitlines():
            for bracket in BRACKET.findall(split_comment(line)[0]):
                count += len(pattern.findall(bracket))
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=config.ROOT.parent / "shared" / "external",
        help="folder with the Phoenix dictionaries (default: ../shared/external)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=config.REFERENCE,
        help="folder the CSVs are written to (default: data/reference)",
    )
    args = parser.parse_args(argv)
    for name in [*ACTOR_FILES.values(), AGENTS_FILE]:
        if not (args.source / name).is_file():
            print(f"error: {args.source / name} not found; give --source", file=sys.stderr)
            return 2
    for key, value in convert(args.source, args.out).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
