"""Phoenix actor and agent dictionaries: who a name refers to, and what a title or group noun is.

The event-data field's Phoenix dictionaries (PETRARCH-2, Open Event Data Alliance, MIT) list
states, their leaders and office holders with dated affiliations, international organisations
and armed non-state groups, each with a CAMEO actor code such as ``RUSGOV`` (Russia,
government) or ``IGOUNO`` (an intergovernmental organisation: the United Nations). The agents
dictionary maps titles and group nouns ("president", "rebels") to CAMEO sector codes.

``scripts/convert_phoenix.py`` converted them once into ``data/reference/phoenix_*.csv``;
``data/reference/PHOENIX_SOURCES.md`` says how, and what is missing. The dictionaries were
last edited in 2014-2017: newer office holders are absent and terms that were open then are
still open here, so text evidence (a title in the article, its date) must win over them.

    >>> lookup("Vladimir Putin", on=dt.date(2015, 1, 1)).code
    'RUSGOV'
    >>> agent("rebels")
    'REB'

Loading is lazy and cheap: the first call reads the three CSVs and indexes them by their
first column (lookup key, actor id); an actor's rows are parsed and checked the first time
the actor is used, and a malformed row raises :class:`ReferenceDataError` with one line
naming the file, the row and the problem. :func:`validate` checks every row at once (the
tests run it on the committed tables). Tests, or callers with other data, point
:data:`DATA_DIR` elsewhere and call :func:`clear_cache`.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from . import config

#: Where the CSVs are read from; tests may point it at a copy (then call clear_cache()).
DATA_DIR: Path = config.REFERENCE
ACTORS_CSV = "phoenix_actors.csv"
NAMES_CSV = "phoenix_names.csv"
AGENTS_CSV = "phoenix_agents.csv"
ACTOR_COLUMNS = ("id", "actor", "kind", "code", "country", "start", "end", "file")
NAME_COLUMNS = ("key", "name", "id")
AGENT_COLUMNS = ("agent", "code", "placement", "line", "original")

#: A CAMEO code: three-letter blocks (a country or a role), or three digits for the CAMEO
#: religion sub-codes some NGOs carry ("NGOHINDEN211DEV").
CODE_RE = re.compile(r"[A-Z]{3}(?:[A-Z]{3}|[0-9]{3})*")
COUNTRY_RE = re.compile(r"[A-Z]{3}")
AGENT_CODE_RE = re.compile(r"(?:[A-Z]{3})+")
FILES = ("countries", "international", "milnonstate")
KINDS = ("person", "state", "organisation")
PLACEMENTS = ("suffix", "prefix")


class ReferenceDataError(ValueError):
    """A reference CSV is missing, has the wrong columns, or has a malformed row."""


# --------------------------------------------------------------------------- names as keys

_LETTER_FOLDS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
    }
)
_APOSTROPHES = re.compile(r"[’‘ʼʻ`´']")
_INITIALISM = re.compile(r"\b(?:[^\W\d_]\.){2,}")  # U.N., U.S.A.
_SEPARATORS = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 16)  # pure: the key depends on the text alone
def normalise(name: str) -> str:
    """The lookup key of a name: what two spellings of the same name have in common.

    Lower case; accents and letters such as ``ø`` folded to ASCII (other scripts are kept as
    they are, lower-cased); apostrophes dropped
    ("Qa'ida" = "Qaida"); the dots of initialisms dropped ("U.N." = "UN"); every other run of
    punctuation, underscores (the dictionaries' spaces) and white space made one space; a
    leading "the" dropped.

    >>> normalise("U.N._Secretary-General")
    'un secretary general'
    >>> normalise("  Côte d’Ivoire ")
    'cote divoire'
    """
    text = unicodedata.normalize("NFKD", name.translate(_LETTER_FOLDS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _INITIALISM.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _SEPARATORS.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


# ------------------------------------------------------------------------ names for people

#: Words written in lower case inside a name ("Bashar al-Assad", "Secretary General of the UN").
_PARTICLES = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "at",
        "to",
        "by",
        "de",
        "del",
        "der",
        "di",
        "du",
        "da",
        "do",
        "dos",
        "das",
        "la",
        "las",
        "los",
        "les",
        "des",
        "y",
        "et",
        "en",
        "por",
        "para",
        "van",
        "von",
        "al",
        "el",
        "bin",
        "ibn",
        "ul",
        "ud",
    }
)
#: Persian and Pashto joiners, lower case inside a hyphenated word only ("Mazar-i-Sharif").
_JOINERS = frozenset({"i", "e"})


def display_name(phrase: str, acronyms: bool = False) -> str:
    """A dictionary phrase as it is written in prose: ``VLADIMIR_V._PUTIN_`` -> ``Vladimir V. Putin``.

    Words are capitalised ("McCain", "O'Brien"), particles are lower case after the first word,
    initialisms with dots and words the file already writes in mixed case are kept. With
    ``acronyms`` (organisation files), two-letter words, words in parentheses and one-word
    names of up to five letters are taken as acronyms: "UN", "NATO", "(AAIA)".
    """
    words = phrase.replace("_", " ").split()
    if acronyms and len(words) == 1 and len(words[0]) <= 5 and words[0].isalpha():
        return words[0]
    return " ".join(_display_word(w, i == 0, acronyms) for i, w in enumerate(words))


def _display_word(word: str, first: bool, acronyms: bool) -> str:
    if word != word.upper() or re.fullmatch(r"(?:\w\.)+", word):
        return word
    if acronyms and (
        word.startswith("(")
        or (len(word) == 2 and word.isalpha() and word.lower() not in _PARTICLES)
    ):
        return word
    parts = word.split("-")
    lower = _PARTICLES | _JOINERS if len(parts) > 1 else _PARTICLES
    shown = [
        _capitalise(p) if (first and j == 0) or p.lower() not in lower else p.lower()
        for j, p in enumerate(parts)
    ]
    return "-".join(shown)


def _capitalise(part: str) -> str:
    """``MCCAIN`` -> ``McCain``, ``O'BRIEN`` -> ``O'Brien``, ``"NANDO"`` -> ``"Nando"``."""
    lead = len(part) - len(part.lstrip("\"'(`"))
    head, word = part[:lead], part[lead:]
    if re.fullmatch(r"MC[A-Z]{2,}.*", word):
        return head + "Mc" + word[2:].capitalize()
    if re.fullmatch(r"[A-Z]'[A-Z].*", word):
        return head + word[:2] + word[2:].capitalize()
    return head + word.capitalize()


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname(name: str) -> str:
    """The last word of a name's key, the word a text uses alone for a person ("Lavrov").

    Generational suffixes are skipped ("George W. Bush Jr." -> "bush"); East Asian order
    (family name first) is not recognised: "Ban Ki-moon" -> "moon".
    """
    return _last_word(normalise(name))


def _last_word(key: str) -> str:
    words = [w for w in key.split() if w not in _SUFFIXES]
    return words[-1] if words else ""


# ------------------------------------------------------------------------------ the tables


class Affiliation(NamedTuple):
    """One ``[CODE DATES]`` of an actor; open ends are None, limits are inclusive."""

    code: str
    country: str  # ISO 3166-1 alpha-3 the converter derived from the code, "" if none
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


class _Actor(NamedTuple):
    name: str
    kind: str
    file: str
    affiliations: tuple[Affiliation, ...]


@dataclass(frozen=True)
class Entry:
    """What the dictionaries say about a name on a date: the actor and one affiliation."""

    actor: str  # canonical name, "Vladimir Putin"
    code: str  # CAMEO actor code of the affiliation, "RUSGOV"
    country: str | None  # ISO 3166-1 alpha-3 of the code's country ("RUS"); None for IGOs etc.
    sector: str  # the code after its first three letters ("GOV"; "UNO" for IGOUNO; "" for a
    #              state); a bare role code without a country is its own sector ("ELI")
    igo: bool  # an intergovernmental organisation (code IGO...)
    start: dt.date | None  # first day of the affiliation, None if open
    end: dt.date | None  # last day, None if open
    variants: tuple[str, ...]  # known spellings, canonical first
    kind: str  # "person", "state" or "organisation" (the converter's heuristic)
    id: str  # "countries:39559": dictionary file and line of the actor's entry


class _Table:
    """A reference CSV as lines, indexed by its first column; rows are parsed on demand.

    Rows with the same first column are consecutive (the converter sorts them so), so the
    index keeps the number of each value's last line and reads back from there.
    """

    def __init__(self, name: str, columns: tuple[str, ...]) -> None:
        self.path = Path(DATA_DIR) / name
        self.columns = columns
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeError) as err:
            raise ReferenceDataError(
                f"{self.path}: cannot be read ({err}); run scripts/convert_phoenix.py"
            ) from None
        header, _, body = text.partition("\n")
        if header.rstrip("\r") != ",".join(columns):
            raise self.error(1, f"the header is not {','.join(columns)}")
        self.lines = body.split("\n")
        if self.lines and not self.lines[-1]:
            self.lines.pop()
        self.keys = [line[: line.find(",")] for line in self.lines]
        self.last = dict(zip(self.keys, range(len(self.keys)), strict=True))

    def error(self, row: int, problem: str) -> ReferenceDataError:
        """One line: the file, the row (the header is row 1: rows are line numbers), the problem."""
        return ReferenceDataError(f"{self.path}: row {row}: {problem}")

    def rows(self, key: str) -> list[tuple[int, list[str]]]:
        """The rows whose first column is ``key``, with their row numbers."""
        last = self.last.get(key)
        if last is None:
            return []
        first = last
        while first > 0 and self.keys[first - 1] == key:
            first -= 1
        return [self.parse(i) for i in range(first, last + 1)]

    def parse(self, index: int) -> tuple[int, list[str]]:
        """Row ``index`` (0 is the first data row) split into its fields, count checked."""
        row = index + 2
        try:
            fields = next(csv.reader([self.lines[index]], strict=True))
        except (csv.Error, StopIteration) as err:
            raise self.error(row, f"not a CSV row ({err or 'empty'})") from None
        if len(fields) != len(self.columns):
            raise self.error(row, f"{len(fields)} fields, expected {len(self.columns)}")
        return row, fields


def _actor(table: _Table, actor_id: str) -> _Actor:
    """Build an actor from its rows, checking each: the one-line error names the first bad row."""
    affiliations = []
    head: tuple[str, str, str] | None = None
    for row, fields in table.rows(actor_id):
        _, name, kind, code, country, start, end, file = fields
        problem = _actor_row_problem(fields)
        if not problem and head and head != (name, kind, file):
            problem = f"id {actor_id} has another name, kind or file on the row above"
        if problem:
            raise table.error(row, problem)
        head = (name, kind, file)
        affiliations.append(Affiliation(code, country, _day(start), _day(end)))
    if head is None:
        raise KeyError(actor_id)
    return _Actor(head[0], head[1], head[2], tuple(affiliations))


def _actor_row_problem(fields: list[str]) -> str:
    """What is wrong with one row of ``phoenix_actors.csv``; "" when nothing is."""
    actor_id, name, kind, code, country, start, end, file = fields
    if not name.strip():
        return "empty actor name"
    if kind not in KINDS:
        return f"kind {kind!r} is not one of {', '.join(KINDS)}"
    prefix, _, line = actor_id.partition(":")
    if file not in FILES or prefix != file or not line.isdigit():
        return f"file {file!r} or id {actor_id!r} is not a dictionary file and line"
    if not CODE_RE.fullmatch(code):
        return f"code {code!r} is not made of three-letter (or three-digit) blocks"
    if country and not COUNTRY_RE.fullmatch(country):
        return f"country {country!r} is not an ISO 3166-1 alpha-3 code"
    for text in (start, end):
        if text and not _is_iso_date(text):
            return f"date {text!r} is not YYYY-MM-DD"
    if start and end and end < start:
        return f"end {end} is before start {start}"
    return ""


def _is_iso_date(text: str) -> bool:
    if len(text) != 10:
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _name_rows(table: _Table, key: str, actors: _Table) -> list[tuple[str, str]]:
    """The (original spelling, actor id) rows of a lookup key, each checked."""
    found = []
    for row, (field, name, actor_id) in table.rows(key):
        if not key or key != key.strip() or field != key or not name.strip():
            raise table.error(row, "empty name, or empty, padded or quoted key")
        if actor_id not in actors.last:
            raise table.error(row, f"id {actor_id!r} is not in {ACTORS_CSV}")
        found.append((name, actor_id))
    return found


def _file_order(actor_id: str) -> tuple[int, int]:
    file, _, line = actor_id.partition(":")
    return FILES.index(file), int(line)


class _Dictionary:
    """The actor tables, indexed at once; actors and names parsed and checked on first use."""

    def __init__(self) -> None:
        self.actors = _Table(ACTORS_CSV, ACTOR_COLUMNS)
        self.names = _Table(NAMES_CSV, NAME_COLUMNS)
        self._actors: dict[str, _Actor] = {}
        self._ids: dict[str, tuple[str, ...]] = {}
        self._spellings: tuple[dict[str, int], dict[str, list[int]]] | None = None
        self._variants: dict[str, tuple[str, ...]] = {}
        self._surnames: dict[str, tuple[str, ...]] = {}

    def ids(self, key: str) -> tuple[str, ...]:
        """The actors a lookup key names, in file order."""
        ids = self._ids.get(key)
        if ids is None:
            found = {actor_id for _, actor_id in _name_rows(self.names, key, self.actors)}
            ids = self._ids[key] = tuple(sorted(found, key=_file_order))
        return ids

    def actor(self, actor_id: str) -> _Actor:
        actor = self._actors.get(actor_id)
        if actor is None:
            actor = self._actors[actor_id] = _actor(self.actors, actor_id)
        return actor

    def spellings(self, actor_id: str) -> list[str]:
        """Every original spelling of an actor, in table order (indexed for all on first use)."""
        if self._spellings is None:
            ids = [line[line.rfind(",") + 1 :] for line in self.names.lines]
            last = dict(zip(ids, range(len(ids)), strict=True))
            earlier: dict[str, list[int]] = {}
            for number in [n for n, actor_id in enumerate(ids) if last[actor_id] != n]:
                earlier.setdefault(ids[number], []).append(number)
            self._spellings = (last, earlier)
        last, earlier = self._spellings
        numbers = earlier.get(actor_id, []) + ([last[actor_id]] if actor_id in last else [])
        return [self.names.parse(n)[1][1] for n in numbers]

    def people_named(self, word: str) -> tuple[str, ...]:
        """Canonical names of the people with a spelling whose last word is ``word``."""
        found = self._surnames.get(word)
        if found is None:
            keys = [key for key in self.names.last if word in key and _last_word(key) == word]
            actors = [self.actor(actor_id) for key in keys for actor_id in self.ids(key)]
            found = tuple(sorted({actor.name for actor in actors if actor.kind == "person"}))
            self._surnames[word] = found
        return found

    def variants(self, actor_id: str) -> tuple[str, ...]:
        """The canonical name, then every spelling as prose writes it, without repeats."""
        shown = self._variants.get(actor_id)
        if shown is None:
            actor = self.actor(actor_id)
            acronyms = actor.file != "countries"
            names = [actor.name] + [display_name(o, acronyms) for o in self.spellings(actor_id)]
            shown = self._variants[actor_id] = tuple(dict.fromkeys(names))
        return shown


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    return _Dictionary()


def clear_cache() -> None:
    """Forget loaded tables (after changing :data:`DATA_DIR`)."""
    _dictionary.cache_clear()
    _agents.cache_clear()


def load() -> None:
    """Read and index every table now rather than on first use."""
    _dictionary()
    _agents()


def validate() -> None:
    """Re-read every table and check every row (lazy loading checks only the rows it reads).

    Also checks that the rows of one actor, and of one lookup key, are consecutive. Raises
    :class:`ReferenceDataError` on the first problem; the test suite runs it on the data,
    and the converter on what it writes.
    """
    clear_cache()
    dictionary = _dictionary()
    for table in (dictionary.actors, dictionary.names):
        _check_grouped(table)
    for actor_id in dictionary.actors.last:
        dictionary.actor(actor_id)
    for key in dictionary.names.last:
        dictionary.ids(key)
    _agents()


def _check_grouped(table: _Table) -> None:
    seen: set[str] = set()
    for index, key in enumerate(table.keys):
        if index and key == table.keys[index - 1]:
            continue
        if key in seen:
            raise table.error(index + 2, f"rows of {key!r} are not together (sort the table)")
        seen.add(key)


# ------------------------------------------------------------------------------ actors


def lookup(name: str, on: dt.date | None = None) -> Entry | None:
    """The actor ``name`` (any known spelling) refers to, with its affiliation on ``on``.

    On a date, only affiliations in force that day count; of those, a dated one (a term of
    office) beats an undated default, then the one that started last, then the narrower one.
    Without a date, the most recent affiliation: the one in force today (the dictionaries end
    in 2017, so their open terms are still open), or else the one that ended last. When several
    actors share the name, the best is chosen as in :func:`candidates`. None when the name is
    unknown or no affiliation holds on ``on``.

    >>> lookup("Putin", on=dt.date(2015, 1, 1)).code
    'RUSGOV'
    """
    found = candidates(name, on)
    return found[0] if found else None


def candidates(name: str, on: dt.date | None = None) -> tuple[Entry, ...]:
    """Every actor the name may refer to, best first, each with its affiliation on ``on``.

    Ranked by: an affiliation in force (on ``on``, or today); the name being the actor's own
    canonical name rather than a synonym; a dated affiliation; the latest start; file order
    (Countries, International, MilNonState) and line.
    """
    dictionary = _dictionary()
    key = normalise(name)
    ranked = []
    for position, actor_id in enumerate(dictionary.ids(key)):
        actor = dictionary.actor(actor_id)
        found = _affiliation(actor.affiliations, on)
        if found is None:
            continue
        affiliation, current = found
        rank = (
            not current,
            normalise(actor.name) != key,
            not affiliation.dated,
            -(affiliation.start or dt.date.min).toordinal(),
            position,
        )
        ranked.append((rank, actor_id, affiliation))
    ranked.sort(key=lambda item: item[0])
    return tuple(_entry(actor_id, affiliation) for _, actor_id, affiliation in ranked)


def _affiliation(
    affiliations: tuple[Affiliation, ...], on: dt.date | None
) -> tuple[Affiliation, bool] | None:
    """The affiliation that holds on ``on`` (or today), with True; without a date and nothing
    in force today, the one that ended last, with False; None when a date matches nothing."""
    day = on or dt.date.today()
    holding = [a for a in affiliations if a.holds_on(day)]
    if holding:
        return min(holding, key=_specificity), True
    if on is not None or not affiliations:
        return None
    return max(affiliations, key=lambda a: (a.end or dt.date.max, a.start or dt.date.min)), False


def _specificity(a: Affiliation) -> tuple[bool, int, int, int]:
    """Sort key, most specific first: dated, latest start, earliest end, longest code."""
    return (
        not a.dated,
        -(a.start or dt.date.min).toordinal(),
        (a.end or dt.date.max).toordinal(),
        -len(a.code),
    )


def _entry(actor_id: str, affiliation: Affiliation) -> Entry:
    dictionary = _dictionary()
    actor = dictionary.actor(actor_id)
    code = affiliation.code
    sector = code[3:] or ("" if affiliation.country else code)
    return Entry(
        actor=actor.name,
        code=code,
        country=affiliation.country or None,
        sector=sector,
        igo=code.startswith("IGO"),
        start=affiliation.start,
        end=affiliation.end,
        variants=dictionary.variants(actor_id),
        kind=actor.kind,
        id=actor_id,
    )


def variants(name: str) -> tuple[str, ...]:
    """Every known spelling of the actor ``name`` refers to (canonical first); () if unknown.

    >>> variants("Qaddafi")[:2]
    ('Muammar Gaddafi', 'Colonel Gaddafi')
    """
    entry = lookup(name)
    return entry.variants if entry else ()


def by_surname(name: str) -> tuple[str, ...]:
    """Canonical names of the people one of whose spellings ends in the surname of ``name``.

    Every spelling counts, so "Qaddafi" finds "Muammar Gaddafi". Titles are not surnames:
    a word that is an agent ("president", "minister") finds nobody. Each new surname costs a
    scan of the lookup keys (a few milliseconds); answers are kept.

    >>> by_surname("Lavrov")
    ('Sergey Lavrov',)
    """
    word = surname(name)
    if not word or word in _agents():
        return ()
    return _dictionary().people_named(word)


# ------------------------------------------------------------------------------ agents


@lru_cache(maxsize=1)
def _agents() -> dict[str, str]:
    """``phoenix_agents.csv``, read and checked whole: phrase -> code (of the earliest line
    when the file gives a phrase two codes)."""
    table = _Table(AGENTS_CSV, AGENT_COLUMNS)
    first_line: dict[str, int] = {}
    codes: dict[str, str] = {}
    for index in range(len(table.lines)):
        row, (phrase, code, placement, line, original) = table.parse(index)
        if not phrase or phrase != phrase.strip() or not original.strip():
            raise table.error(row, "empty or padded agent, or empty original")
        if not AGENT_CODE_RE.fullmatch(code) or placement not in PLACEMENTS or not line.isdigit():
            raise table.error(
                row, f"code {code!r}, placement {placement!r} or line {line!r} is malformed"
            )
        if phrase not in first_line or int(line) < first_line[phrase]:
            first_line[phrase], codes[phrase] = int(line), code
    return codes


def agent(word: str) -> str | None:
    """The CAMEO sector code of a title or group noun, singular or plural, one word or more.

    The bare word "opposition" is not in the dictionary (only "opposition leader",
    "main opposition", ...); the annotator has to handle it.

    >>> agent("foreign ministers")
    'GOV'
    """
    return _agents().get(normalise(word))
