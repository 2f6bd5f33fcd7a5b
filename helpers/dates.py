"""Time expressions: found by spaCy (DATE/TIME entities), normalised against the publication date
and against dates the text itself states.

* explicit dates ("March 13th", "13 March 2023", "December 2022", "1979") -> dateparser, with the
  publication date as base and the precision dateparser reports (day, month, year);
* periods ("2023-2026") and durations ("17 years", "two-day", "a decade") -> ``2023/2026``, ``P17Y``;
* relative dates ("December of last year", "last month", "on Tuesday", "yesterday") -> calendar
  arithmetic with dateutil on the publication date;
* anaphoric dates ("the previous evening", "the day before") -> one day before the nearest earlier
  day-precision date in the text (its ``anchor``).

Without a publication date, relative dates stay empty and ``basis`` says why.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc

from . import nlp, schemas

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "hundred": 100,
    "several": 0,
    "few": 0,
    "couple": 2,
    "dozen": 12,
}
UNITS = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "decade": "Y",
    "century": "Y",
    "hour": "TH",
    "minute": "TM",
}
UNIT_FACTOR = {"decade": 10, "century": 100}
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PERIOD = re.compile(r"^(?:from\s+)?(\d{4})\s*(?:-|–|—|to|until|through)\s*(\d{2,4})$", re.I)
_DURATION = re.compile(
    r"^(?:the\s+|a\s+|an\s+|some\s+|nearly\s+|almost\s+|about\s+|more than\s+|over\s+)*"
    r"(?:(\d+|[a-z]+)[\s-]+)?(year|month|week|day|decade|century|hour|minute)s?(?:[\s-]long|-old)?$",
    re.I,
)
_DECADE = re.compile(r"^(?:the\s+|in\s+the\s+)?(\d{3})0s$", re.I)
_YEAR = re.compile(r"^(?:in\s+|since\s+|by\s+)?(\d{4})s?$")
PREVIOUS = re.compile(r"\b(previous|preceding|day before|night before|eve)\b", re.I)
FOLLOWING = re.compile(r"\b(following|next)\s+(day|morning|evening|night)\b", re.I)


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    value: str = ""
    kind: str = "date"
    anchor: str = ""
    basis: str = ""


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _precision_value(d: dt.datetime, period: str) -> str:
    return {"year": d.strftime("%Y"), "month": d.strftime("%Y-%m")}.get(
        period, d.strftime("%Y-%m-%d")
    )


#: "January 27 and 28", "March 3-5": days of one month named together (the first is kept)
_DAY_SPAN = re.compile(r"\b([A-Z][a-z]+)\s+(\d{1,2})\s*(?:and|-|–|to)\s*\d{1,2}\b")


def _explicit(text: str, base: dt.date | None) -> tuple[str, str] | None:
    """(value, basis) for a date that names its month or day, via dateparser."""
    clean = re.sub(
        r"^(on|in|since|by|from|at|during|until|early|late|mid)[\s-]+", "", text.strip(), flags=re.I
    )
    clean = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", clean)
    clean, span = _DAY_SPAN.subn(r"\1 \2", clean)  # "January 27 and 28, 2013": its first day
    has_year = bool(re.search(r"\b\d{4}\b", clean))
    if not has_year and base is None:
        return None
    # with a publication date, dateparser's answer depends on the text and that date alone
    found = _dated(clean, base) if base is not None else _parsed(clean, base)
    if found is None:
        return None
    basis = "explicit" if has_year else "explicit, year from publication date"
    return found, basis + (", first day of the days named" if span else "")


def _parsed(clean: str, base: dt.date | None) -> str | None:
    """dateparser's reading of ``clean`` against ``base``, at its precision; None if it has none."""
    data = _parser(base).get_date_data(clean)
    if data is None or data.date_obj is None:
        return None
    return _precision_value(data.date_obj, data.period or "day")


@lru_cache(maxsize=4096)
def _dated(clean: str, base: dt.date) -> str | None:
    """``_parsed`` against a publication date (the same text and date give the same answer)."""
    return _parsed(clean, base)


@lru_cache(maxsize=8)
def _parser(base: dt.date | None) -> DateDataParser:
    """dateparser's parser for one publication date (building one costs more than parsing)."""
    settings = {
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": [],
        "PARSERS": ["absolute-time", "custom-formats"],
    }
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


_MONTH_NAMES = "|".join(MONTHS)
#: "today", "yesterday", "tomorrow": the shift from the publication date.
_NEAR_DAYS = {
    "today": relativedelta(),
    "yesterday": relativedelta(days=-1),
    "tomorrow": relativedelta(days=1),
}
#: Words that make an expression relative to the publication date.
_RELATIVE_WORDS = (
    "last",
    "next",
    "ago",
    "yesterday",
    "today",
    "tomorrow",
    "this",
    "previous",
    "past",
    "coming",
)


def _calendar_value(d: dt.date, unit: str) -> str:
    """``d`` at the precision of ``unit``: the year, the month, or (any other unit) the day."""
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(
        unit, d.isoformat()
    )


def _month_of_year(low: str, base: dt.date) -> str | None:
    """A month: "December of last year" (in that calendar year), "last December" (the latest)."""
    m = re.match(
        rf"^(?:(?:the\s+)?(?:month\s+of\s+)?)?({_MONTH_NAMES})(?:\s+of)?\s+(last|this|next)\s+year$",
        low,
    ) or re.match(rf"^(last|this|next)\s+({_MONTH_NAMES})$", low)
    if not m:
        return None
    groups = m.groups()
    month_name, which = (groups[0], groups[1]) if groups[0] in MONTHS else (groups[1], groups[0])
    month = MONTHS.index(month_name) + 1
    if groups[0] in MONTHS:  # "December of last year": the calendar year before
        year = base.year + {"last": -1, "this": 0, "next": 1}[which]
    else:  # "last December": the most recent December before publication
        year = (
            base.year
            + {
                "last": 0 if month < base.month else -1,
                "this": 0,
                "next": 0 if month > base.month else 1,
            }[which]
        )
    return f"{year:04d}-{month:02d}"


def _day_this_year(low: str, base: dt.date) -> str | None:
    """A day this year: "this July 9" (none if the year has no such day)."""
    m = re.match(
        rf"^this\s+(?:({_MONTH_NAMES})\s+(\d{{1,2}})|(\d{{1,2}})\s+({_MONTH_NAMES}))(?:st|nd|rd|th)?$",
        low,
    )
    if not m:
        return None
    month_name, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    try:
        return dt.date(base.year, MONTHS.index(month_name) + 1, int(day)).isoformat()
    except ValueError:
        return None


def _near_day(low: str, base: dt.date) -> str | None:
    """The day before, of or after publication: "yesterday", "today", "tomorrow"."""
    if low in _NEAR_DAYS:
        return (base + _NEAR_DAYS[low]).isoformat()
    return None


def _unit_step(low: str, base: dt.date) -> str | None:
    """One calendar unit from publication: "last year", "this month", "the coming week"."""
    m = re.match(r"^(last|this|next|the previous|the past|the coming)\s+(year|month|week)$", low)
    if not m:
        return None
    step = {
        "last": -1,
        "the previous": -1,
        "the past": -1,
        "this": 0,
        "next": 1,
        "the coming": 1,
    }[m.group(1)]
    unit = m.group(2)
    return _calendar_value(base + relativedelta(**{f"{unit}s": step}), unit)


def _weekday(low: str, base: dt.date) -> str | None:
    """A weekday ("Tuesday", "last Tuesday"): in news copy the most recent such day, the
    publication day included."""
    m = re.match(rf"^(?:last\s+|this\s+|this\s+past\s+)?({'|'.join(WEEKDAYS)})$", low)
    if not m:
        return None
    back = (base.weekday() - WEEKDAYS.index(m.group(1))) % 7
    return (base - dt.timedelta(days=back)).isoformat()


def _ago(low: str, base: dt.date) -> str | None:
    """A span back from publication: "three years ago", "a week ago"."""
    m = re.match(r"^(\w+)\s+(year|month|week|day)s?\s+ago$", low)
    if not (m and _number(m.group(1))):
        return None
    d = base - relativedelta(**{f"{m.group(2)}s": _number(m.group(1))})
    return _calendar_value(d, m.group(2))


#: The relative expressions :func:`_relative` resolves; their patterns exclude one another.
_RELATIVE_RULES: tuple[Callable[[str, dt.date], str | None], ...] = (
    _month_of_year,
    _day_this_year,
    _near_day,
    _unit_step,
    _weekday,
    _ago,
)


def _relative(text: str, base: dt.date) -> str | None:
    """Calendar arithmetic on the publication date for common relative expressions."""
    low = text.lower().strip()
    low = re.sub(r"^(on|in|since|by|during|at)\s+", "", low)
    low = re.sub(
        r"^(earlier|later|early|late)\s+(?=this|last|next)", "", low
    )  # "earlier this month"
    for rule in _RELATIVE_RULES:
        value = rule(low, base)
        if value is not None:
            return value
    return None


def _is_relative(low: str) -> bool:
    """Whether a (lower-cased) expression counts from the publication date."""
    return any(re.search(rf"\b{w}\b", low) for w in _RELATIVE_WORDS) or any(
        re.fullmatch(rf"(on\s+)?{d}", low) for d in WEEKDAYS
    )


def _set_duration(e: TimeExpr, m: re.Match[str]) -> None:
    """Value (ISO 8601 duration), kind and basis of a duration matched by ``_DURATION``."""
    n = _number(m.group(1)) if m.group(1) else 1
    unit = m.group(2).lower()
    if n:
        code = UNITS[unit]
        amount = n * UNIT_FACTOR.get(unit, 1)
        e.value = f"PT{amount}{code[1]}" if code.startswith("T") else f"P{amount}{code}"
        e.kind, e.basis = "duration", "explicit"
    else:
        e.kind, e.basis = "duration", "vague amount"


def _set_relative(e: TimeExpr, t: str, published: dt.date | None) -> None:
    """Value and basis of a date relative to the publication date (empty without one)."""
    e.kind = "relative"
    if published is None:
        e.basis = "unresolved: no publication date"
        return
    value = _relative(t, published)
    e.value, e.basis = (
        (value, "relative to publication date") if value else ("", "unresolved expression")
    )


def _set_explicit(e: TimeExpr, t: str, published: dt.date | None) -> None:
    """Value and basis of a date that names its day or month, or why it stays unresolved."""
    hit = _explicit(t, published)
    if hit:
        e.value, e.basis = hit
        if "publication" in e.basis:
            e.kind = "date"
    else:
        e.basis = (
            "unresolved: no year and no publication date"
            if published is None
            else "unresolved expression"
        )


def normalise(text: str, published: dt.date | None) -> TimeExpr:
    """Value, kind and basis of one time expression (anaphoric dates are resolved later)."""
    e = TimeExpr(0, 0, text)
    t = text.strip()
    if m := _PERIOD.match(t):
        a, b = m.group(1), m.group(2)
        b = a[: 4 - len(b)] + b if len(b) < 4 else b
        e.value, e.kind, e.basis = f"{a}/{b}", "period", "explicit"
        return e
    if m := _DECADE.match(t):
        e.value, e.kind, e.basis = f"{m.group(1)}0/{m.group(1)}9", "period", "explicit decade"
        return e
    is_relative = _is_relative(t.lower())
    if (m := _DURATION.match(t)) and not is_relative:
        _set_duration(e, m)
        return e
    if m := _YEAR.match(t):
        e.value, e.kind, e.basis = m.group(1), "date", "explicit"
        return e
    if PREVIOUS.search(t) or FOLLOWING.search(t):
        e.kind, e.basis = "relative", "anaphoric: needs an earlier date in the text"
        return e
    if is_relative:
        _set_relative(e, t, published)
    else:
        _set_explicit(e, t, published)
    return e


def extract(doc: Doc, published: dt.date | None) -> list[TimeExpr]:
    """Every DATE/TIME entity of the parse, normalised; anaphoric ones anchored on earlier dates."""
    out: list[TimeExpr] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        e = normalise(ent.text, published)
        e.start, e.end, e.text = ent.start_char, ent.end_char, ent.text
        out.append(e)
    for i, e in enumerate(out):
        if e.kind == "relative" and not e.value and e.basis.startswith("anaphoric"):
            before = [
                p
                for p in out[:i]
                if p.kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.value)
            ]
            if before:
                anchor = before[-1]
                step = 1 if FOLLOWING.search(e.text) else -1
                e.value = (
                    dt.date.fromisoformat(anchor.value) + dt.timedelta(days=step)
                ).isoformat()
                e.anchor, e.basis = (
                    f"{anchor.text} ({anchor.value})",
                    "relative to an earlier date in the text",
                )
            else:
                e.basis = "unresolved: no earlier day in the text to count from"
    return out


def table(doc: Doc, published: dt.date | None) -> pd.DataFrame:
    """dates.csv rows for a parse."""
    starts = nlp.sentence_starts(doc)
    rows = [
        {
            "date_id": f"d{i:03d}",
            "sentence_id": max(bisect_right(starts, e.start) - 1, 0),
            "start": e.start,
            "end": e.end,
            "text": e.text,
            "value": e.value,
            "kind": e.kind,
            "anchor": e.anchor,
            "basis": e.basis,
        }
        for i, e in enumerate(extract(doc, published), 1)
    ]
    return schemas.frame(rows, schemas.COLUMNS["dates"] + ["basis"])


def parse_published(value: str | None) -> dt.date | None:
    """The publication date of meta.json as a date."""
    return dt.date.fromisoformat(value) if value else None
