"""CAMEO verb dictionary: a verb and the words around it to a CAMEO code and its PLOVER category.

The reference data is the PETRARCH-2 verb dictionary (``CAMEO.2.0.txt``) and the CAMEO-to-PLOVER
and Goldstein tables, converted once by ``scripts/convert_cameo.py`` into ``data/reference/``
(``cameo_verbs.csv``, ``cameo_patterns.csv``, ``cameo_classes.csv``, ``cameo_plover.csv``; sources
and decisions in ``CAMEO_SOURCES.md``). The CSVs are loaded and checked once per process.

A verb belongs to a synset (``KILL``, ``ASK``, ...) whose patterns refine its code::

    - * {HUMANITARIAN AID}      [0233]   object words
    - * (FOR &CEASEFIRE)        [0256]   a prepositional phrase; &CEASEFIRE a noun class
    - &MILITARY * (TO BORDER)   [154]    subject-side words
    - * (BEFORE COURT)          [:173]   the event goes from the target back to the subject

:func:`match` takes the lemmas the parser gives (the verb, its particle, the direct object's
phrase, each preposition with its object's phrase, the subject's phrase) and returns the most
specific reading: the pattern, or the verb's own or synset code, that matches the most dictionary
words. Words are compared as a set per slot (order and head position are not checked); ``a/b``
in a pattern is either word, and a hyphenated word also matches its parts ("cease-fire" matches
"cease" and "fire"). A particle that is not part of a multi-word verb of the dictionary counts as
an object word and as a preposition governing the object ("called for a ceasefire" parsed as
particle "for" matches ``(FOR &CEASEFIRE)``).

    >>> match("accuse").code
    '112'
    >>> match("impose", objects=["sanction"]).plover
    'COERCE'
"""

from __future__ import annotations

import csv
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from . import config, schemas

#: Where the converted CSVs live (None: ``config.REFERENCE``); tests may point it elsewhere, or
#: pass a directory to :func:`load`.
REFERENCE_DIR: Path | None = None

#: The 16 PLOVER 2021 event categories (the contract's list).
PLOVER_CATEGORIES = frozenset(schemas.PLOVER)

FILES = {
    "codes": (
        "cameo_plover.csv",
        ("code", "plover", "mode", "context", "goldstein", "description", "note"),
    ),
    "classes": ("cameo_classes.csv", ("name", "phrase")),
    "verbs": (
        "cameo_verbs.csv",
        ("lemma", "particle", "synset", "code", "paired_code", "code_from", "written", "line"),
    ),
    "patterns": (
        "cameo_patterns.csv",
        (
            "synset",
            "line",
            "comment_verb",
            "subject",
            "object",
            "preps",
            "code",
            "paired_code",
            "pattern",
        ),
    ),
}
CODE_RE = re.compile(r"^\d{2,4}$")
CLASS_NAME_RE = re.compile(r"^[A-Z0-9_]+$")
TOKEN_RE = re.compile(r"^(&[A-Z0-9_]+|[^\s&|/]+(/[^\s&|/]+)*)$")

#: Any of these word sets, each present in full, satisfies a requirement.
Requirement = tuple[frozenset[str], ...]


class ReferenceDataError(ValueError):
    """A converted CSV is malformed; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class CodeInfo:
    """A CAMEO code with its PLOVER 2021 category ("" for statements, 01x), mode and context."""

    code: str
    plover: str
    mode: str
    context: str
    goldstein: float
    description: str


@dataclass(frozen=True)
class Match:
    """The dictionary's reading of a verb with its arguments.

    ``code`` is the event's CAMEO code. ``reversed`` is True when the event goes from the target
    back to the subject ("appear before court": the court charges the subject, 173);
    ``paired_code`` is the code of the event that answers it from the target ("visit" 042 is
    answered by "host a visit" 043; equal codes mark a symmetric event). ``pattern`` is the
    pattern as written ("" when the verb's own or synset code applies); ``specificity`` counts
    the dictionary words matched besides the verb (particle and pattern words).
    """

    code: str
    plover: str
    mode: str
    context: str
    goldstein: float
    pattern: str
    synset: str
    specificity: int
    reversed: bool = False
    paired_code: str = ""


class VerbEntry(NamedTuple):
    """A verb of a synset with the code it resolves to (own, else the synset's; "" for none)."""

    lemma: str
    particle: str
    synset: str
    code: str
    paired_code: str
    line: int


class Pattern(NamedTuple):
    """A pattern compiled into requirements: each one word set of which must be in its slot."""

    synset: str
    line: int
    comment_verb: str
    code: str
    paired_code: str
    text: str
    subject: tuple[Requirement, ...]
    object: tuple[Requirement, ...]
    preps: tuple[tuple[frozenset[str], tuple[Requirement, ...]], ...]
    specificity: int
    anchor: frozenset[str]  # a clause matching the pattern has one of these words or "&CLASS" keys


class Synset(NamedTuple):
    """The patterns of a synset, indexed by their anchor words (``always``: patterns needing none)."""

    patterns: tuple[Pattern, ...]
    by_anchor: dict[str, list[int]]
    always: tuple[int, ...]


class Cameo(NamedTuple):
    """The loaded reference data."""

    codes: dict[str, CodeInfo]
    classes: dict[str, tuple[str, ...]]
    verbs: dict[tuple[str, str], tuple[VerbEntry, ...]]
    synsets: dict[str, Synset]
    particles: dict[
        str, frozenset[str]
    ]  # lemma -> its particles in the dictionary ("" for the bare verb)
    word_classes: dict[str, frozenset[str]]  # word -> "&CLASS" keys of the classes it can anchor


# ----------------------------------------------------------------------------------------- loading


def load(directory: str | Path | None = None) -> Cameo:
    """The reference data in ``directory`` (default :data:`REFERENCE_DIR`), loaded once per path.

    Raises ReferenceDataError, naming the file, line and problem, when a CSV is malformed.
    """
    if directory is None:
        directory = REFERENCE_DIR or config.REFERENCE
    return _load(directory if isinstance(directory, Path) else Path(directory))


@lru_cache(maxsize=4)
def _load(directory: Path) -> Cameo:
    codes = _read_codes(directory)
    classes = _read_classes(directory)
    verbs = _read_verbs(directory, codes)
    patterns = _read_patterns(
        directory, codes, classes, {v.synset for vs in verbs.values() for v in vs}
    )
    synsets = {
        name: _index(tuple(sorted(ps, key=lambda p: p.line))) for name, ps in patterns.items()
    }
    return Cameo(codes, classes, verbs, synsets, _particles(verbs), _word_classes(classes))


def _particles(verbs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """lemma -> the particles it has in the dictionary ("" for the verb on its own)."""
    particles: dict[str, set[str]] = {}
    for lemma, particle in verbs:
        particles.setdefault(lemma, set()).add(particle)
    return {k: frozenset(v) for k, v in particles.items()}


def _word_classes(classes: dict[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """word -> the "&CLASS" keys of the classes with a member anchored on it (see _Compiler.anchor)."""
    keys: dict[str, set[str]] = {}
    for name, phrases in classes.items():
        for phrase in phrases:
            for words in _word_sets(phrase):
                keys.setdefault(min(words), set()).add("&" + name)
    return {k: frozenset(v) for k, v in keys.items()}


def _rows(directory: Path, kind: str) -> Iterator[tuple[str, int, dict[str, str]]]:
    """(file name, line number, row) of one of the CSVs, after checking its header."""
    name, columns = FILES[kind]
    try:
        fh = open(directory / name, encoding="utf-8", newline="")  # noqa: SIM115 (only open() may fail here)
    except OSError as err:
        raise ReferenceDataError(
            f"{name}: cannot read {directory / name}: {err.strerror}"
        ) from None
    with fh:
        reader = csv.reader(fh)
        header = tuple(next(reader, ()))
        if header != columns:
            raise ReferenceDataError(
                f"{name} line 1: header {','.join(header)!r}, expected {','.join(columns)!r}"
            )
        for values in reader:
            if len(values) != len(columns):
                raise ReferenceDataError(
                    f"{name} line {reader.line_num}: {len(values)} fields, expected {len(columns)}"
                )
            yield name, reader.line_num, dict(zip(columns, values))


def _fail(name: str, line: int, problem: str) -> ReferenceDataError:
    return ReferenceDataError(f"{name} line {line}: {' '.join(problem.split())}")


def _read_codes(directory: Path) -> dict[str, CodeInfo]:
    codes: dict[str, CodeInfo] = {}
    for name, line, row in _rows(directory, "codes"):
        code, plover = row["code"], row["plover"]
        if not CODE_RE.match(code):
            raise _fail(name, line, f"CAMEO code {code!r} is not 2 to 4 digits")
        if code in codes:
            raise _fail(name, line, f"CAMEO code {code} listed twice")
        if plover and plover not in PLOVER_CATEGORIES:
            raise _fail(name, line, f"PLOVER category {plover!r} is not one of the 16 categories")
        try:
            goldstein = float(row["goldstein"])
        except ValueError:
            raise _fail(
                name, line, f"Goldstein score {row['goldstein']!r} is not a number"
            ) from None
        if not -10.0 <= goldstein <= 10.0:
            raise _fail(name, line, f"Goldstein score {goldstein} is outside [-10, 10]")
        codes[code] = CodeInfo(
            code, plover, row["mode"], row["context"], goldstein, row["description"]
        )
    return codes


def _read_classes(directory: Path) -> dict[str, tuple[str, ...]]:
    classes: dict[str, list[str]] = {}
    for name, line, row in _rows(directory, "classes"):
        if not CLASS_NAME_RE.match(row["name"]) or not row["phrase"].strip():
            raise _fail(
                name,
                line,
                f"class {row['name']!r} with phrase {row['phrase']!r}: "
                "need an upper-case name and a phrase",
            )
        classes.setdefault(row["name"], []).append(row["phrase"])
    return {k: tuple(v) for k, v in classes.items()}


def _check_code(name: str, line: int, row: dict[str, str], codes: dict[str, CodeInfo]) -> None:
    for column in ("code", "paired_code"):
        if row[column] and row[column] not in codes:
            raise _fail(
                name, line, f"{column} {row[column]!r} is not a CAMEO code of cameo_plover.csv"
            )


def _line_number(name: str, line: int, value: str) -> int:
    if not value.isdigit():
        raise _fail(name, line, f"source line {value!r} is not a number")
    return int(value)


def _read_verbs(
    directory: Path, codes: dict[str, CodeInfo]
) -> dict[tuple[str, str], tuple[VerbEntry, ...]]:
    verbs: dict[tuple[str, str], list[VerbEntry]] = {}
    for name, line, row in _rows(directory, "verbs"):
        if not row["lemma"] or row["lemma"] != row["lemma"].lower() or not row["synset"]:
            raise _fail(
                name,
                line,
                f"verb {row['lemma']!r} of synset {row['synset']!r}: "
                "need a lower-case lemma and a synset",
            )
        if row["code_from"] not in ("verb", "synset", ""):
            raise _fail(
                name, line, f"code_from {row['code_from']!r} is not 'verb', 'synset' or empty"
            )
        _check_code(name, line, row, codes)
        entry = VerbEntry(
            row["lemma"],
            row["particle"],
            row["synset"],
            row["code"],
            row["paired_code"],
            _line_number(name, line, row["line"]),
        )
        verbs.setdefault((entry.lemma, entry.particle), []).append(entry)
    return {key: tuple(sorted(entries, key=lambda e: e.line)) for key, entries in verbs.items()}


def _read_patterns(
    directory: Path,
    codes: dict[str, CodeInfo],
    classes: dict[str, tuple[str, ...]],
    synsets: set[str],
) -> dict[str, list[Pattern]]:
    patterns: dict[str, list[Pattern]] = {}
    compiler = _Compiler(classes)
    for name, line, row in _rows(directory, "patterns"):
        if row["synset"] not in synsets:
            raise _fail(name, line, f"synset {row['synset']!r} has no verb in cameo_verbs.csv")
        _check_code(name, line, row, codes)
        try:
            pattern = compiler.pattern(row, _line_number(name, line, row["line"]))
        except ValueError as err:
            raise _fail(name, line, str(err)) from None
        patterns.setdefault(pattern.synset, []).append(pattern)
    return patterns


# --------------------------------------------------------------------------------------- compiling


class _Compiler:
    """Compiles pattern rows; a token's requirement and anchor are worked out once for all rows."""

    def __init__(self, classes: dict[str, tuple[str, ...]]) -> None:
        self.classes = classes
        self._requirements: dict[str, Requirement] = {}
        self._anchors: dict[str, frozenset[str]] = {}

    def pattern(self, row: dict[str, str], line: int) -> Pattern:
        """A CSV row as a Pattern; ValueError names a bad token or class."""
        subject, obj = self.requirements(row["subject"]), self.requirements(row["object"])
        preps = []
        for phrase in filter(None, row["preps"].split("|")):
            prep, _, words = phrase.partition(" ")
            if prep.startswith("&") or not TOKEN_RE.match(prep):
                raise ValueError(
                    f"prepositional phrase {phrase!r} does not start with a preposition"
                )
            preps.append((frozenset(prep.split("/")), self.requirements(words)))
        specificity = len(subject) + len(obj) + sum(1 + len(words) for _, words in preps)
        tokens = [
            *row["object"].split(),
            *(t for phrase in row["preps"].split("|") for t in phrase.split()[1:]),
            *row["subject"].split(),
        ]
        if tokens:
            anchor = self.anchor(tokens[0])  # a content word is more selective than a preposition
        else:
            anchor = frozenset(p for heads, _ in preps for p in heads)
        return Pattern(
            row["synset"],
            line,
            row["comment_verb"],
            row["code"],
            row["paired_code"],
            row["pattern"],
            subject,
            obj,
            tuple(preps),
            specificity,
            anchor,
        )

    def requirements(self, tokens: str) -> tuple[Requirement, ...]:
        return tuple(self.requirement(t) for t in tokens.split())

    def requirement(self, token: str) -> Requirement:
        """``word``, ``a/b`` or ``&CLASS`` as the word sets that satisfy it."""
        if token not in self._requirements:
            if not TOKEN_RE.match(token):
                raise ValueError(f"malformed pattern token {token!r}")
            if token.startswith("&") and token[1:] not in self.classes:
                raise ValueError(f"unknown class {token}")
            phrases = self.classes[token[1:]] if token.startswith("&") else token.split("/")
            self._requirements[token] = tuple(
                dict.fromkeys(ws for p in phrases for ws in _word_sets(p))
            )
        return self._requirements[token]

    def anchor(self, token: str) -> frozenset[str]:
        """Words (or the "&CLASS" key) of which every clause satisfying ``token`` has one."""
        if token not in self._anchors:
            self._anchors[token] = (
                frozenset([token])
                if token.startswith("&")
                else frozenset(min(ws) for ws in self.requirement(token))
            )
        return self._anchors[token]


def _word_sets(phrase: str) -> Iterator[frozenset[str]]:
    """The words of a phrase, and if it has hyphenated words, also with those split at hyphens."""
    words = phrase.split()
    yield frozenset(words)
    parts = frozenset(part for w in words for part in w.split("-") if part)
    if parts and any("-" in w for w in words):
        yield parts


def _index(patterns: tuple[Pattern, ...]) -> Synset:
    """Index each pattern under its anchor words."""
    by_anchor: dict[str, list[int]] = {}
    always = []
    for i, pattern in enumerate(patterns):
        if not pattern.anchor:
            always.append(i)
        for key in pattern.anchor:
            by_anchor.setdefault(key, []).append(i)
    return Synset(patterns, by_anchor, tuple(always))


# ---------------------------------------------------------------------------------------- matching


class _Args(NamedTuple):
    """The words of a clause as the patterns of one verb entry see them."""

    subject: frozenset[str]
    objects: frozenset[str]
    preps: tuple[tuple[str, frozenset[str]], ...]
    keys: frozenset[str]  # every word of the clause and "&CLASS" keys: to pick candidate patterns


def match(
    lemma: str,
    particle: str = "",
    objects: Sequence[str] = (),
    preps: Sequence[tuple[str, Sequence[str]]] = (),
    subject: Sequence[str] = (),
) -> Match | None:
    """The most specific dictionary reading of a verb with its arguments, or None.

    ``lemma`` is the verb's lemma, ``particle`` its phrasal particle ("for", "down", "off"),
    ``objects`` the lemmas of the direct object's phrase (head first), ``preps`` each preposition
    with the lemmas of its object's phrase, ``subject`` the lemmas of the subject's phrase; all
    in lower case. A multi-word verb of the dictionary is tried with the particle, a preposition
    ("ask for") or the object ("wage war") as its second word, and the bare verb too; the reading
    matching the most words wins (ties: a pattern over the verb's code, a pattern written for this
    very verb, then the later pattern, as PETRARCH-2 lets a later duplicate override). A pattern
    written for another verb of the synset whose object is a participant, not an act, is not lent
    to this verb ("welcome counterparts" is hosting, "commend counterparts" is praise).

    Returns None when the verb is not in the dictionary (see :func:`is_verb`) or the dictionary
    gives it no code here: neither a pattern nor its own or synset code applies, or the best
    pattern has the null code ``[---]``, which marks a use that is not an event.
    """
    data = load()
    if lemma.lower() not in data.particles:
        return None
    key = (
        lemma,
        particle,
        tuple(objects),
        tuple((p, tuple(ws)) for p, ws in preps),
        tuple(subject),
    )
    read = _read_before(data)
    if key in read:
        read.move_to_end(key)
        return read[key]
    found = read[key] = _match(data, lemma, particle, objects, preps, subject)
    if len(read) > READ_LIMIT:
        read.popitem(last=False)
    return found


#: How many readings ``match`` keeps per loaded dictionary (the least recently used go first).
READ_LIMIT = 50_000
#: The readings ``match`` made, per loaded dictionary: its identity -> (the dictionary, which is
#: kept so that the identity cannot name another one, and its readings by ``match``'s arguments).
_READ: dict[int, tuple[Cameo, OrderedDict[tuple, Match | None]]] = {}


def _read_before(data: Cameo) -> OrderedDict[tuple, Match | None]:
    """The readings already made with this very dictionary (its own: another, a new table)."""
    entry = _READ.get(id(data))
    if entry is None or entry[0] is not data:
        if len(_READ) >= 4:  # as many dictionaries as ``_load`` keeps
            _READ.clear()
        entry = _READ[id(data)] = (data, OrderedDict())
    return entry[1]


def _match(
    data: Cameo,
    lemma: str,
    particle: str,
    objects: Sequence[str],
    preps: Sequence[tuple[str, Sequence[str]]],
    subject: Sequence[str],
) -> Match | None:
    """``match`` with the dictionary ``data``, made anew."""
    lemma = lemma.lower()
    known = data.particles.get(lemma)
    if known is None:
        return None
    particle = particle.lower()
    objects = [w.lower() for w in objects]
    preps_ = [(p.lower(), [w.lower() for w in ws]) for p, ws in preps]
    subject = [w.lower() for w in subject]
    best: tuple[tuple[int, ...], _Reading] | None = None
    tried = set()
    for second, verb_prep in _readings(particle, objects, preps_):
        if second not in known or second in tried:
            continue
        tried.add(second)
        args = _arguments(particle, objects, preps_, subject, verb_prep, data.word_classes)
        for key, reading in _candidates(
            data, data.verbs[(lemma, second)], args, len(second.split())
        ):
            if best is None or key > best[0]:
                best = (key, reading)
    return _as_match(data, best[1]) if best else None


def _readings(
    particle: str, objects: Sequence[str], preps: Sequence[tuple[str, Sequence[str]]]
) -> Iterator[tuple[str, str]]:
    """The particles to look the verb up with, best first, each with the preposition it takes
    from ``preps`` ("" if none): "off", "up to", "for" (ask for), "war" (wage war), "hold of", ""."""
    heads = [p for p, _ in preps]
    if particle:
        yield particle, ""
        yield from ((f"{particle} {p}", "") for p in heads)
    yield from ((p, p) for p in heads)
    if objects:
        yield objects[0], ""
        yield from ((f"{objects[0]} {p}", "") for p in heads)
    yield "", ""


def _arguments(
    particle: str,
    objects: Sequence[str],
    preps: Sequence[tuple[str, Sequence[str]]],
    subject: Sequence[str],
    verb_prep: str,
    word_classes: dict[str, frozenset[str]],
) -> _Args:
    """The clause's words for one reading. The particle is also an object word and a preposition
    governing the object; ``verb_prep``, a preposition read as part of the verb ("ask for aid"),
    lends its object's words to the object."""
    object_words = set(objects)
    prep_list = [(p, frozenset(ws)) for p, ws in preps]
    if particle:
        object_words.add(particle)
        prep_list.append((particle, frozenset(objects)))
    if verb_prep:
        object_words.update(w for p, ws in preps if p == verb_prep for w in ws)
    words = frozenset(object_words).union(
        subject, *(ws for _, ws in prep_list), (p for p, _ in prep_list)
    )
    keys = words.union(*(word_classes[w] for w in words if w in word_classes))
    return _Args(frozenset(subject), frozenset(object_words), tuple(prep_list), keys)


#: (code, paired code, pattern text, synset, specificity) of one reading of a clause.
_Reading = tuple[str, str, str, str, int]


def _candidates(
    data: Cameo, entries: Iterable[VerbEntry], args: _Args, base: int
) -> Iterator[tuple[tuple[int, ...], _Reading]]:
    """(ranking key, reading) of each entry's own or synset code and of every pattern of the
    entries' synsets that matches. The key ranks by words matched, then a pattern over the
    verb's code, a pattern written for this verb, and the later pattern (the earlier verb line)."""
    for entry in entries:
        if entry.code or entry.paired_code:
            yield (base, 0, 0, -entry.line), (entry.code, entry.paired_code, "", entry.synset, base)
        synset = data.synsets.get(entry.synset)
        if synset is None:
            continue
        verb = f"{entry.lemma} {entry.particle}" if entry.particle else entry.lemma
        for pattern in _matching(synset, args):
            if (
                pattern.comment_verb
                and pattern.comment_verb != verb
                and _about_a_participant(pattern)
            ):
                continue  # "welcome counterparts" is hosting (043); "commend counterparts" stays praise (051)
            score = base + pattern.specificity
            yield (
                (score, 1, pattern.comment_verb == verb, pattern.line),
                (pattern.code, pattern.paired_code, pattern.text, entry.synset, score),
            )


def _matching(synset: Synset, args: _Args) -> Iterator[Pattern]:
    """The patterns of ``synset`` whose every requirement the clause satisfies."""
    picked = set(synset.always)
    for key in args.keys:
        picked.update(synset.by_anchor.get(key, ()))
    for i in picked:
        pattern = synset.patterns[i]
        if (
            _satisfied(pattern.object, args.objects)
            and _satisfied(pattern.subject, args.subject)
            and all(_prep_satisfied(heads, reqs, args.preps) for heads, reqs in pattern.preps)
        ):
            yield pattern


def _satisfied(requirements: tuple[Requirement, ...], words: frozenset[str]) -> bool:
    """Whether each requirement has a word set wholly in ``words`` (loops: this is the hot path)."""
    for requirement in requirements:
        for alternative in requirement:
            if alternative <= words:
                break
        else:
            return False
    return True


def _prep_satisfied(
    heads: frozenset[str],
    requirements: tuple[Requirement, ...],
    preps: tuple[tuple[str, frozenset[str]], ...],
) -> bool:
    return any(prep in heads and _satisfied(requirements, words) for prep, words in preps)


def _as_match(data: Cameo, reading: _Reading) -> Match | None:
    """The Match of a reading ``[code:paired]``; None for the null code ``[---]``."""
    code, paired, pattern, synset, specificity = reading
    if not (code or paired):
        return None
    info = data.codes[code or paired]
    return Match(
        info.code,
        info.plover,
        info.mode,
        info.context,
        info.goldstein,
        pattern,
        synset,
        specificity,
        reversed=not code,
        paired_code=paired if code else "",
    )


# ---------------------------------------------------------------------------------------- look-ups


def _about_a_participant(pattern: Pattern) -> bool:
    """Is a pattern's object a participant ("* COUNTERPARTS") rather than an act ("* SUPPORT")?
    An act's noun carries its meaning to every verb of the synset; a participant leaves the meaning
    to the verb the pattern was written for, so such a pattern is not lent to its synonyms."""
    from . import lexicon

    return any(
        w in lexicon.words("participant") or lexicon.agent_sector(w)
        for req in pattern.object[:1]
        for words in req
        for w in words
    )


def code_info(code: str) -> CodeInfo:
    """PLOVER category, mode, context, Goldstein score and description of a CAMEO code.

    Raises KeyError for a code that is not in ``cameo_plover.csv``.
    """
    try:
        return load().codes[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None


def is_verb(lemma: str, particle: str = "") -> bool:
    """Whether the dictionary has the verb (with this particle: ``is_verb("call", "off")``)."""
    return (lemma.lower(), particle.lower()) in load().verbs


def noun_class(name: str) -> tuple[str, ...]:
    """The lemma phrases of a noun class: ``noun_class("&CEASEFIRE")`` -> ("armistice", ...)."""
    try:
        return load().classes[name.lstrip("&").upper()]
    except KeyError:
        raise KeyError(f"unknown noun class {name!r}") from None


def synset_of(lemma: str, particle: str = "") -> tuple[str, ...]:
    """The synsets the verb belongs to, in dictionary order (empty when it is not a verb)."""
    return tuple(e.synset for e in load().verbs.get((lemma.lower(), particle.lower()), ()))
