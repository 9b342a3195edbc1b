"""Anchoring under-specified values: to the DCT, the last mentioned date, the tense.

Rules in ``rules.ini`` say *what* a phrase means ("the Wednesday the tense
points to", "this month, before today"); this module says *when* that is, and
how wide: every resolved phrase gets a TimeML value, a half-open interval and
a precision no finer than the text gives.

Documented choices:
- A weekday alone is the most recent such day on or before the DCT, or the
  next one on or after it when its clause is in the future tense ("will",
  "is expected to", ...). The DCT's own weekday is therefore the DCT itself
  ("said on Friday" in a Friday paper); "last Friday" is a week before and
  "next Friday" a week after. A deadline set or moved "until" a weekday
  ("postponed until Tuesday") is the next one, and so is a weekday that
  opens or closes a span ("until", "through", "from") in a clause with no
  tense cue ("in effect until 7 a.m. Monday").
- A month, quarter, season or day-of-month without a year takes the nearest
  year, distances against the tense of its clause counting four times, and
  future distances twice when there is no tense cue (news reports the past
  more often than it announces). The cue nearest the phrase sets the tense,
  except that a past verb right before the phrase's preposition ("sales fell
  in March", read in January) rules out a period that has not begun, and a
  firm future cue ("will") with a preposition before the phrase rules out a
  period already over. A participle takes the tense of its auxiliary: "will
  be named", "would be paid", "markets untouched by" are no past cues. The
  clause ends at a sentence end (not after "U.S." or "vs.") or a quotation
  mark (`` and '' too).
- "N units earlier/later", "the next day", "that day" count from the last
  mentioned date (TimeML's anaphoric anchoring); with none, from the DCT. A
  bare clock time ("at 10 p.m.") is on the last mentioned day, else the DCT.
- "early/mid/late X" (mod START/MID/END) keep X's value; their interval is
  the first, middle or last third of X. "earlier/later this X" clip X at the
  DCT.
- Vague references (PAST_REF, PRESENT_REF, FUTURE_REF) get the look-back or
  look-ahead of ``words/vague.tsv`` and precision "vague".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import NamedTuple

from ..model import Timex
from .matcher import RESOURCES, Candidate, first_chars, word_tables

DAY = timedelta(days=1)
#: Calendar units whose values locate a period, coarsest last.
GRANULARITY = ("day", "week", "weekend", "month", "quarter", "half", "season",
               "year", "decade", "century")
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PART_OF_DAY_HOURS = {"MO": (6, 12), "MI": (12, 14), "AF": (12, 18), "EV": (18, 21), "NI": (21, 30), "DT": (6, 18)}
DURATION_CODE = {"day": (1, "D"), "week": (1, "W"), "weekend": (2, "D"), "fortnight": (2, "W"),
                 "month": (1, "M"), "quarter": (3, "M"), "year": (1, "Y"), "decade": (1, "DE"),
                 "century": (1, "CE"), "hour": (1, "TH"), "minute": (1, "TM"), "second": (1, "TS")}


# ----------------------------------------------------------- calendar

def period_start(unit: str, day: date) -> date:
    """The first day of the ``unit`` period that contains ``day``."""
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "weekend":
        return day - timedelta(days=day.weekday()) + timedelta(days=5)
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if unit == "half":
        return date(day.year, 1 if day.month <= 6 else 7, 1)
    if unit == "season":
        month = 12 if day.month in (12, 1, 2) else 3 * (day.month // 3)
        year = day.year - 1 if day.month <= 2 else day.year
        return date(year, month, 1)
    if unit == "year":
        return date(day.year, 1, 1)
    if unit == "decade":
        return date(day.year - day.year % 10, 1, 1)
    if unit == "century":
        return date(day.year - day.year % 100, 1, 1)
    raise ValueError(unit)


def shift(unit: str, start: date, count: int) -> date:
    """``start`` moved by ``count`` whole units (month ends clamp: Jan 31 + 1 month = Feb 28)."""
    if unit in ("day",):
        return start + timedelta(days=count)
    if unit in ("week", "weekend"):
        return start + timedelta(weeks=count)
    if unit == "fortnight":
        return start + timedelta(weeks=2 * count)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12,
              "decade": 120, "century": 1200}[unit] * count
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last_day = (date(year + month // 12, month % 12 + 1, 1) - DAY).day
    return date(year, month, min(start.day, last_day))


@lru_cache(maxsize=4096)  # the year choice asks it for the same few periods again and again
def period_end(unit: str, start: date) -> date:
    if unit == "weekend":
        return start + timedelta(days=2)
    if unit == "season":
        return shift("month", start, 3)
    return shift(unit, start, 1)


def format_value(unit: str, start: date) -> str:
    """TimeML value of the ``unit`` period starting at ``start``."""
    if unit == "day":
        return start.isoformat()
    if unit in ("week", "weekend"):
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{start.year}-{start.month:02d}"
    if unit == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{start.year}-H{1 if start.month <= 6 else 2}"
    if unit == "season":
        code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[start.month]
        return f"{start.year}-{code}"
    if unit == "year":
        return f"{start.year:04d}"
    if unit == "decade":
        return f"{start.year:04d}"[:3]
    if unit == "century":
        return f"{start.year:04d}"[:2]
    raise ValueError(unit)


WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def nth_weekday(year: int, month: int, nth: str, weekday: str) -> date:
    """The Nth (or last, N = "L") given weekday of a month: Thanksgiving = 11, "4", "TH"."""
    wanted = WEEKDAY_CODES.index(weekday)
    if nth == "L":
        last = shift("month", date(year, month, 1), 1) - DAY
        return last - timedelta(days=(last.weekday() - wanted) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(wanted - first.weekday()) % 7 + 7 * (int(nth) - 1))


def easter(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm of 1876)."""
    a, (b, c) = year % 19, divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


#: Absolute values, and the holiday forms of words/holiday.tsv after a year:
#: "2025-11-4TH" (4th Thursday of November), "2025-11-4TH+1" (the day after),
#: "2025-E-2" (two days before Easter).
_ABSOLUTE = [
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "day", lambda m: date(*map(int, m.groups()))),
    (re.compile(r"(\d{4})-(\d{2})-([1-5L])(MO|TU|WE|TH|FR|SA|SU)(?:\+(\d))?"), "day",
     lambda m: nth_weekday(int(m[1]), int(m[2]), m[3], m[4]) + timedelta(days=int(m[5] or 0))),
    (re.compile(r"(\d{4})-E([+-]\d{1,2})"), "day", lambda m: easter(int(m[1])) + timedelta(days=int(m[2]))),
    (re.compile(r"(\d{4})-W(\d{2})-WE"), "weekend",
     lambda m: date.fromisocalendar(int(m[1]), int(m[2]), 6)),
    (re.compile(r"(\d{4})-W(\d{2})"), "week", lambda m: date.fromisocalendar(int(m[1]), int(m[2]), 1)),
    (re.compile(r"(\d{4})-(\d{2})"), "month", lambda m: date(int(m[1]), int(m[2]), 1)),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter", lambda m: date(int(m[1]), 3 * int(m[2]) - 2, 1)),
    (re.compile(r"(\d{4})-H([12])"), "half", lambda m: date(int(m[1]), 6 * int(m[2]) - 5, 1)),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season",
     lambda m: date(int(m[1]), SEASON_START_MONTH[m[2]], 1)),
    (re.compile(r"(\d{4})"), "year", lambda m: date(int(m[1]), 1, 1)),
    (re.compile(r"(\d{3})"), "decade", lambda m: date(int(m[1]) * 10, 1, 1)),
    (re.compile(r"(\d{2})"), "century", lambda m: date(int(m[1]) * 100, 1, 1)),
]


@cache
def movable_days() -> dict[tuple[str, int], tuple[date, int]]:
    """(feast, year) -> (first day, number of days), from resources/movable_days.tsv."""
    table = {}
    for line in (RESOURCES / "movable_days.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, first, days = line.split("\t")
            day = date.fromisoformat(first)
            table[(name, day.year)] = (day, int(days))
    return table


def movable_day(year: int, name: str) -> tuple[str, date]:
    """A feast of the year that moves ("2025-MV_ramadan"): its day, or for a
    feast of more days the month it begins in (TimeML's values have no other
    span); only the year where the table lists none."""
    found = movable_days().get((name, year))
    if found is None:
        return "year", date(year, 1, 1)
    first, days = found
    return ("day", first) if days == 1 else ("month", first.replace(day=1))


#: A feast of words/holiday.tsv whose day resources/movable_days.tsv lists by year.
_MOVABLE = re.compile(r"(\d{4})-MV_([a-z_]+)")


@lru_cache(maxsize=4096)
def parse_value(value: str) -> tuple[str, date] | None:
    """(unit, start) of an absolute TimeML date value, else None."""
    movable = _MOVABLE.fullmatch(value)
    if movable:
        return movable_day(int(movable[1]), movable[2])
    for pattern, unit, build in _ABSOLUTE:
        match = pattern.fullmatch(value)
        if match:
            try:
                return unit, build(match)
            except ValueError:
                return None
    return None


# -------------------------------------------------------------- tense

@cache
def _tense_cue(case_blind: bool = False) -> re.Pattern:
    """Future cues (words/future_cue.tsv), past cues (words/past_cue.tsv) and,
    as the group "ed", the regular "-ed" forms but the table's exceptions
    ("hundred"); ``_tense_cues`` keeps only those written in lower case (not
    "United").

    Made for lowercased text and compiled case-sensitive: a case-blind
    alternation is tried branch by branch at every position, about four
    times slower. ``case_blind`` is for a text whose lowercasing would move
    offsets.
    """
    past, not_past = _past_words()
    future = "|".join(p for p, _ in word_tables()["future_cue"].entries)
    return re.compile(rf"(?<![\w'])(?P<future>{future})(?!\w)"
                      rf"|\b(?:(?P<past>{past})|(?!(?:{not_past})\b)(?P<ed>[a-z]\w+ed))\b",
                      re.IGNORECASE if case_blind else 0)


@cache
def _tense_cue_by_first() -> tuple[re.Pattern, dict[str, re.Pattern]]:
    """``_tense_cue()`` cut by the character a cue starts with: each pattern
    holds only the cue words that can start with its character, in the
    table's order, so a word is tried against a few of them, not a hundred.
    Key "" holds the words that may start with any character. With them, the
    pattern of the places a cue can start: a word's start, or a mark a cue
    begins with ("'s scheduled") after no word."""
    entries = {"future": [p for p, _ in word_tables()["future_cue"].entries],
               "past": [p for p, values in word_tables()["past_cue"].entries if values == ("past",)]}
    firsts = {p: first_chars(p) for words in entries.values() for p in words}
    chars = {c for found in firsts.values() if found for c in found} | set("abcdefghijklmnopqrstuvwxyz")
    not_past = _past_words()[1]

    def compiled(char: str) -> re.Pattern:
        kept = {kind: "|".join(p for p in words if firsts[p] is None or char in firsts[p])
                for kind, words in entries.items()}
        branches = [rf"(?<![\w'])(?P<future>{kept['future']})(?!\w)"] if kept["future"] else []
        past = [rf"(?P<past>{kept['past']})"] if kept["past"] else []
        ed = [rf"(?!(?:{not_past})\b)(?P<ed>[a-z]\w+ed)"] if "a" <= char <= "z" else []
        if past or ed:
            branches.append(rf"\b(?:{'|'.join(past + ed)})\b")
        return re.compile("|".join(branches) or "(?!)")

    marks = "".join(sorted(re.escape(c) for c in chars if not re.match(r"\w", c)))
    starts = re.compile(rf"\b\w|(?<![\w'])[{marks}]" if marks else r"\b\w")
    return starts, {char: compiled(char) for char in sorted(chars)} | {"": compiled("")}


def _cue_matches(text: str, low: int, high: int):
    """The tense-cue matches starting in text[low:high] (looking up to
    CUE_REACH past it), leftmost and without overlaps as ``finditer`` gives
    them; in lower-cased text only each word start is tried, against the
    cues that can start with its letter."""
    endpos = min(len(text), high + CUE_REACH)
    lowered = _lowered(text)
    if lowered is None:
        for match in _tense_cue(case_blind=True).finditer(text, low, endpos):
            if match.start() >= high:
                return
            yield match
        return
    starts, by_first = _tense_cue_by_first()
    anywhere = by_first[""]
    after = low
    for word in starts.finditer(lowered, low, high):
        at = word.start()
        if at < after:
            continue
        match = by_first.get(lowered[at], anywhere).match(lowered, at, endpos)
        if match:
            yield match
            after = match.end()


@cache
def _past_words() -> tuple[str, str]:
    """Alternations of the past_cue.tsv forms, and of its "-ed" words that are no verbs."""
    entries = word_tables()["past_cue"].entries
    return ("|".join(p for p, values in entries if values == ("past",)),
            "|".join(p for p, values in entries if values == ("not",)))


@cache
def _past_forms() -> str:
    """The past_cue.tsv forms and the regular "-ed" ones, as one alternation."""
    past, not_past = _past_words()
    return rf"{past}|(?!(?:{not_past})\b)(?-i:[a-z]\w+ed)"


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """``text`` in lower case, or None when that would move offsets (a few
    letters of some scripts lowercase to two characters)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


class Cue(NamedTuple):
    """A tense cue: where it is, "past" or "future", and the word (lower case)."""

    start: int
    end: int
    kind: str
    word: str


#: A clause ends at a sentence end, "that" or a quotation mark. The mark comes
#: first in the pattern, so most positions fail at once; the abbreviations
#: that a period does not end a sentence after are looked behind it.
_CLAUSE_EDGE = re.compile(
    r"[.!?;\n](?<!\b[A-Za-z].)(?<!\b(?:Mr|Ms|Dr|St|Lt|Jr|Sr|vs|No|Co).)"
    r"(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Adm|Maj|Rev|Inc|Ltd).)(?<!\b(?:Capt|Prof|Corp).)\s(?![a-z\d])"
    r"|\bthat\b|[\u201c\u201d\"]|''|``")

#: A participle takes the tense of its auxiliary, so these "-ed" forms (and
#: the irregular ones of words/past_cue.tsv) are no past cue: after a bare
#: "be", "being", a present "is", "are", "am", "stay" or "remain" ("will be
#: named", "would be paid", "is to be held", "was being held", "the road is
#: closed", "will stay closed") or "have been" after
#: will/would/shall/to ("will have been paid"), and a passive one with "by"
#: and its agent and no "have" before it ("markets untouched by the crisis";
#: not "has been hit by", nor an amount: "rose by 5%"). The auxiliary is a
#: cue of its own (will, would, is to, was) or none (can, may).
_AUXILIARY_BEFORE_PARTICIPLE = re.compile(
    r"(?:\bbe|\bbeing|\bis|\bare|\bam|\bstay(?:s|ing)?|\bremain(?:s|ing)?"
    r"|(?:(?<=\bwill )|(?<=\bwould )|(?<=\bshall )|(?<=\bto ))have\s+been)"
    r"\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_HAVE_BEFORE_PARTICIPLE = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?:\w+ly\s+)?$",
                                     re.IGNORECASE)
#: "by" and its agent, not an amount ("rose by 5%", "fell by about half").
_BY_AFTER = re.compile(
    r"\s+by\s+(?![\d$\u00a3\u20ac]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"about|around|nearly|almost|roughly|some|more|less|over|just|only|half|as|up|at)\b)",
    re.IGNORECASE)


def _is_participle(text: str, cue: Cue) -> bool:
    before = max(0, cue.start - 40)
    if _AUXILIARY_BEFORE_PARTICIPLE.search(text, before, cue.start):
        return True
    return bool(_BY_AFTER.match(text, cue.end)
                and not _HAVE_BEFORE_PARTICIPLE.search(text, before, cue.start))


#: "as planned", "as previously scheduled", "as expected": a participle of
#: manner, with no tense of its own.
_AS_BEFORE = re.compile(r"\bas\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: ", followed by", ", compared with", ", backed by": a participle phrase set
#: off by a comma, with no tense of its own.
_COMMA_BEFORE = re.compile(r",\s+$")
_BY_OR_WITH_AFTER = re.compile(r"\s+(?:by|with)\b", re.IGNORECASE)


#: How far past its window a tense cue may look ahead (the words table's lookaheads).
CUE_REACH = 90


def _tense_cues(text: str, low: int, high: int):
    """The tense cues in text[low:high], in order, without the participles
    that take the tense of their auxiliary or have none."""
    # the cues start before ``high``, but may look past it ("are available" before "on Friday", "urged
    # both sides to return to the table before")
    for match in _cue_matches(text, low, high):
        kind = match.lastgroup
        first = text[match.start()]
        if first.isupper() and kind != "ed" and _is_name_word(text, match.start(), match.end()):
            continue  # "actor Will Smith", "The Lost Hour": part of a name or a title
        if kind == "ed":
            if not "a" <= first <= "z":
                continue  # "United": a name, not a verb
            if _word_before(text, match.start()) in _DETERMINERS:
                continue  # "a staggered schedule", "its revised forecast": an adjective
            kind = "past"
        cue = Cue(match.start(), match.end(), kind, match.group().lower())
        if kind == "past" and _is_participle(text, cue):
            continue
        if (kind == "future" and _fixture().match(text, cue.start)
                and not _NAME_BEFORE.search(text, max(0, cue.start - 30), cue.start)):
            continue  # "host", "play", "face" as verbs of a fixture need their team before them
        if cue.word.endswith("ed") and (
                _AS_BEFORE.search(text, max(0, cue.start - 30), cue.start)
                or (_COMMA_BEFORE.search(text, max(0, cue.start - 4), cue.start)
                    and _BY_OR_WITH_AFTER.match(text, cue.end))):
            continue
        yield cue


#: Words after which an "-ed" word is an adjective, not a verb ("a staggered
#: schedule", "three televised debates"; "that" and "her" are left out: "a
#: plant that closed", "told her").
_DETERMINERS = frozenset(("a", "an", "the", "its", "their", "his", "our", "your", "my", "these", "those",
                          "some", "several", "many", "most", "all", "other", "each", "every", "no",
                          "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"))

_LOWER_WORD_BEFORE = re.compile(r"\b[a-z][\w'-]*,?\s+$")
_CAPITAL_WORD_AFTER = re.compile(r"\s+[A-Z]")


def _is_name_word(text: str, start: int, end: int) -> bool:
    """Whether a capitalised cue word is part of a name or a quoted title: a
    lower-case word before it and a capitalised one after ("actor Will
    Smith"), or inside quotation marks with other capitalised words ("The
    Lost Hour"). A title-case headline ("Fed Will Cut Rates") keeps it."""
    if _LOWER_WORD_BEFORE.search(text, max(0, start - 30), start) and _CAPITAL_WORD_AFTER.match(text, end):
        return True
    return any(low < start < high for low, high in _title_spans(text))

CLAUSE_REACH = 160  # characters looked at on each side of a phrase for its clause


#: A short title in quotation marks ("The Lost Hour"): capitalised words and
#: the small words titles keep in lower case. Its marks end no clause.
_QUOTED_TITLE = re.compile(r"[\u201c\"](?:(?:[A-Z0-9][\w'\u2019-]*|of|the|a|an|in|on|and|for|to|at)"
                           r"(?![\w'\u2019-])[,:!?]?\s*){1,6}[\u201d\"]")  # whole words: no backtracking inside one
_QUOTE_MARKS = "\u201c\u201d\""
#: Scare quotes: a word or two in lower case quoted inside a running sentence
#: ("tabled a \u201cserious\u201d offer by Friday"). Their marks end no clause either.
_SCARE_QUOTE = re.compile(r"[\u201c\"][a-z][\w'\u2019-]*(?:\s[a-z][\w'\u2019-]*)?[\u201d\"](?=\s+[a-z])")


@lru_cache(maxsize=4)
def _title_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the short quoted titles of two words or more in ``text``:
    one scan that skips to each quotation mark."""
    return tuple(title.span() for title in _QUOTED_TITLE.finditer(text) if " " in title.group().strip())


@lru_cache(maxsize=4)
def _scare_quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(quote.span() for quote in _SCARE_QUOTE.finditer(text))


def _in_quoted_title(text: str, edge: re.Match) -> bool:
    """Whether a quotation mark found as a clause edge opens or closes a short
    quoted title or scare quotes."""
    if edge.group()[0] not in _QUOTE_MARKS:
        return False
    at = edge.start()
    return any(low <= at < high for low, high in _title_spans(text) + _scare_quote_spans(text))


#: A phrase in a passive participle's own clause, set off by a comma: "The
#: plan, approved by the cabinet late on Thursday, takes effect ...": the
#: approval is done, whatever the main verb's tense (not a schedule nor an
#: order or company: "scheduled by the speaker for Thursday", "followed by
#: debates on March 26", "led by the mayor").
_BY_PARTICIPLE_BEFORE = re.compile(
    r",\s+(?:[a-z]+ly\s+)?(?!(?:scheduled|expected|planned|set|slated|timed|followed|preceded|led|backed|joined|accompanied|flanked|chaired|hosted|organi[sz]ed|sponsored|funded|owned|operated|supported|attended|watched)\b)(?P<cue>[a-z]+ed)\s+by\s[^,;:.!?\n\u201c\u201d\"]*$")


def _nearest_cue(text: str, start: int, end: int) -> Cue | None:
    """The tense cue of the clause around text[start:end] nearest the phrase."""
    participle = _BY_PARTICIPLE_BEFORE.search(text, max(0, start - 90), start)
    if participle:
        return Cue(participle.start("cue"), participle.end("cue"), "past", participle.group("cue"))
    clause_start = max(0, start - CLAUSE_REACH)
    for edge in _CLAUSE_EDGE.finditer(text, clause_start, start):
        if not _in_quoted_title(text, edge):
            clause_start = edge.end()
    clause_end = min(len(text), end + CLAUSE_REACH)
    for edge in _CLAUSE_EDGE.finditer(text, end, clause_end):
        if not _in_quoted_title(text, edge):
            clause_end = edge.start()
            break
    nearest = []
    right = next(_tense_cues(text, end, clause_end), None)
    if right:
        nearest.append((right.start - end, right.start, right))
    high = start
    while high > clause_start:  # backwards in short steps: the last cue before the phrase
        low = max(clause_start, high - 40)
        while low > clause_start and not text[low - 1].isspace():
            low -= 1  # a step starts at a word
        found = None
        for found in _tense_cues(text, low, high):
            pass
        if found:
            if right and (_is_attribution(text, end, right) or _CONJUNCTION.search(text, end, right.start)):
                return found  # the clause's own verb, not an attribution or a coordinated verb after it
            nearest.append((start - found.end, found.start, found))
            break
        high = low
    if not nearest:
        return None
    cue = min(nearest)[2]
    if cue.kind == "past":
        return _hypothetical(text, clause_start, cue) or cue
    return cue


_IF = re.compile(r"\b(?:if|unless)\s")
_WOULD = re.compile(r"\b(?:would|could|might)\b")


def _hypothetical(text: str, clause_start: int, cue: Cue) -> Cue | None:
    """A past verb in an "if" clause under "would" speaks of a time ahead:
    "would call off the strike if DP World tabled an offer by Friday
    evening": the "would", as the clause's cue."""
    condition = None
    for condition in _IF.finditer(text, clause_start, cue.start):
        pass
    if condition is None:
        return None
    would = None
    for would in _WOULD.finditer(text, clause_start, condition.start()):
        pass
    return Cue(would.start(), would.end(), "future", would.group()) if would else None


#: A conjunction between a phrase and a cue after it: the cue is another
#: clause's ("would begin talks on Monday and hoped to ...").
_CONJUNCTION = re.compile(r"\b(?:and|but|or)\b")

#: A reporting verb set off by a comma after the phrase: the attribution
#: ("could reach 108 degrees over the weekend, the agency said"; "..., the
#: Maritime Union of Australia (MUA) said"), whose tense is not the clause's.
_ATTRIBUTION = re.compile(r",\s+(?:[\w.'\u2019&()-]+\s+){0,8}$")
_REPORT_WORDS = frozenset(("said", "told", "added", "reported", "wrote", "stated", "noted", "warned"))


def _is_attribution(text: str, end: int, cue: Cue) -> bool:
    return cue.word in _REPORT_WORDS and bool(_ATTRIBUTION.search(text, end, cue.start))


def clause_direction(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None: the tense of the clause around text[start:end].

    The cue nearest the phrase decides: "said Wednesday that it will" is past.
    A headline's "to" and a verb say what is ahead ("Nurses to strike for five
    days starting Tuesday", "Rosie's Diner to serve its last breakfast Sunday").
    """
    if _headline_infinitive(text, start, end):
        return "future"
    cue = _nearest_cue(text, start, end)
    return cue.kind if cue else None


#: A line with no sentence mark at its end (a headline), with "to" and a verb
#: (not "to the", "to 2%") before the phrase.
_HEADLINE_TO = re.compile(r"\bto\s+(?!(?:a|an|the|its|his|her|their|this|that|be\s+\w+ed)\b)[a-z]+\b[^\n.!?]*$")
_SENTENCE_MARK_END = re.compile(r"[.!?:][\u201d\"']?\s*$")


def _headline_infinitive(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 160 or _SENTENCE_MARK_END.search(text, line_start, line_end):
        return False
    infinitive = _HEADLINE_TO.search(text, line_start, start)
    # not after a past verb: "Shares fell to record lows Tuesday"
    return infinitive is not None and not any(cue.kind == "past"
                                              for cue in _tense_cues(text, line_start, infinitive.start()))


def choose_by_direction(options: list[tuple[str, date]], dct: date, direction: str | None):
    """The option nearest the DCT, distances against the tense counting four
    times ("returned by Jan. 14" a week ahead is still this January), future
    distances twice when there is no tense cue."""
    spans = [(unit, start, period_end(unit, start)) for unit, start in options]
    if direction == "past":  # a period barely begun at the DCT is not yet "past"
        spans = [s for s in spans if s[0] == "day" or s[2] <= dct or s[1] > dct
                 or (dct - s[1]) * 3 >= (s[2] - s[1])]
    against_past, against_future = {"past": (1, 4), "future": (4, 1)}.get(direction, (1, 2))

    def distance(span):
        _, start, end = span
        if start <= dct < end:
            return 0
        if end <= dct:
            return ((dct - end).days + 1) * against_past
        return (start - dct).days * against_future
    return min(spans, key=distance)[:2] if spans else None


@cache
def _past_verb_then_preposition() -> re.Pattern:
    """A past-tense verb right before the phrase's preposition: "fell in", "was
    signed on", or with its object or agent between ("arrested him in",
    "signed the deal on", "held by the military government in"); not a participle after a present or future "be" ("is expected
    in", "to be published in"), nor a verb of plans ("planned for")."""
    not_after = "".join(rf"(?<!\b{be} )" for be in ("is", "are", "be", "being", "been"))
    plans = r"(?!(?:expected|scheduled|planned|slated|projected|forecast|predicted|proposed|intended)\b)"
    # or its object between, a pronoun or a short noun phrase: "arrested him in", "signed the deal on"
    # (not "was set to expire in": no "to", no "be" verb, no plan)
    # or its agent: "elections held by the military government in"
    obj = (r"(?:(?:him|her|them|it|us|me)\s+|(?:the|a|an|its|his|her|their)\s+[a-z]+(?:\s+[a-z]+)?\s+"
           r"|(?<!followed )(?<!preceded )by\s+(?:(?:the|an?)\s+(?:[\w'-]+\s+){1,3}|(?-i:[A-Z])[\w'-]*\s+))")
    not_be = r"(?!(?:was|were|had|did|has|have)\b)"
    return re.compile(rf"\b{not_after}{plans}(?:(?:{_past_forms()})\s+|{not_be}(?:{_past_forms()})\s+{obj})"
                      rf"(?:in|on|during|between|from)\s+$", re.IGNORECASE)


#: A time phrase that opens its sentence: "In March, sales fell."
_FRONTED = re.compile(r"(?:\A|[.!?;\n]\s+|[\u201c\"]\s*|``\s*)(?:in|on|during|by|since|until|through)\s+$",
                      re.IGNORECASE)


#: A phrase that is its sentence's subject, before a past verb: "March was wet".
_SENTENCE_OPEN = re.compile(r"(?:\A|[.!?;\n]\s+|[\u201c\"]\s*|``\s*)$")
_PAST_AFTER_SUBJECT = re.compile(r"\s+(?:was|were|saw|brought|marked|proved|ended|began)\b")


def _fronted_in_past(text: str, start: int, end: int) -> bool:
    """A phrase opening its sentence, then a comma, governed by a past verb:
    the first tense cue after it is past ("In January, American Medical
    brought in a new chief"); or the sentence's subject before a past verb
    ("March was the wettest month")."""
    if _PAST_AFTER_SUBJECT.match(text, end) and _SENTENCE_OPEN.search(text, max(0, start - 4), start):
        return True
    if not text.startswith(",", end) or not _FRONTED.search(text, max(0, start - 20), start):
        return False
    edge = _CLAUSE_EDGE.search(text, end, end + CLAUSE_REACH)
    cue = next(_tense_cues(text, end, edge.start() if edge else min(len(text), end + CLAUSE_REACH)), None)
    return bool(cue and cue.kind == "past")


def choose_by_tense(options: list[tuple[str, date]], dct: date, text: str, start: int, end: int):
    """choose_by_direction with the tense of the phrase's clause, which is only
    read when it matters: when past and future would choose differently.

    A past verb governing the phrase ("sales fell in March", in January; "In
    March, sales fell") or "since" rules out a period that has not begun; a past cue
    further away only weighs against it, since news clauses mix tenses ("was
    set to expire Nov. 21").
    Likewise a firm future cue (words/future_cue.tsv: "will", not "would" or
    "expected") rules out a period already over when a preposition governs
    the phrase ("will be named commander for a mission in December", in
    March) or the cue stands right before it ("the election is Nov. 3"), but
    not an attribute ("will report fourth-quarter results")."""
    before = _word_before(text, start)
    if before in ("until", "till") and _deferred_until(text, start):  # "a pause until the summer"
        ahead = [(unit, begin) for unit, begin in options if period_end(unit, begin) > dct]
        return choose_by_direction(ahead or options, dct, "future")
    if (before == "since"  # "the biggest drop since May": a time already begun
            or (before == "to" and _PERIOD_TO.search(text, max(0, start - 30), start))  # "the 12 months to March"
            or (before in _SPAN_PREPOSITIONS and _past_verb_then_preposition().search(text, max(0, start - 40), start))
            or _fronted_in_past(text, start, end)):
        begun = [(unit, begin) for unit, begin in options if begin <= dct]
        return choose_by_direction(begun or options, dct, "past")
    past = choose_by_direction(options, dct, "past")
    future = choose_by_direction(options, dct, "future")
    firm = future  # what a firm future cue chooses: no period already over, where it governs the phrase
    governed = ((before in _PREPOSITIONS and (before != "for" or _PLANNED_FOR.search(text, max(0, start - 40), start)))
                or _CALENDAR_BEFORE.search(text, max(0, start - 40), start))
    if governed:
        ahead = [(unit, begin) for unit, begin in options if period_end(unit, begin) > dct]
        firm = choose_by_direction(ahead, dct, "future") if ahead else future
    if past == future == firm:
        return past
    cue = _nearest_cue(text, start, end)
    if cue and cue.kind == "future" and _is_firm(cue, text):
        return firm
    return choose_by_direction(options, dct, cue.kind if cue else None)


_PREPOSITIONS = frozenset(("in", "on", "during", "by", "until", "till", "through", "before", "for"))
#: A period counted up to a month: "in the 12 months to March", "the year to June".
_PERIOD_TO = re.compile(r"\b(?:months?|weeks?|years?|quarters?)\s+to\s+$", re.IGNORECASE)
#: A present calendar right before the phrase: "the election is Nov. 3", "are available on Friday".
_CALENDAR_BEFORE = re.compile(r"\b(?:is|are|available|open|closed|due|possible|planned|set|slated|scheduled)"
                              r"\s+(?:(?:on|in|for|until|from)\s+)?$", re.IGNORECASE)
#: "for" after a verb of plans sets a date ("scheduled for the fall", "break for
#: the summer"); after a noun it names the period data cover ("the price index for July").
_PLANNED_FOR = re.compile(r"\b(?:\w+ed|set|due|break|recess|adjourn|close|shut|leave)\s+for\s+$", re.IGNORECASE)
#: Prepositions after which a past verb puts the phrase in the past: "fell in March", "rose from March".
_SPAN_PREPOSITIONS = frozenset(("in", "on", "during", "between", "from"))


def _word_before(text: str, start: int, reach: int = 24) -> str:
    """The word right before ``start``, lower case, when only spaces part them;
    else "". A cheap look before the regexes that need such a word."""
    head = text[max(0, start - reach):start]
    stripped = head.rstrip()
    if len(stripped) == len(head):
        return ""
    i = len(stripped)
    while i and (stripped[i - 1].isalnum() or stripped[i - 1] == "_"):
        i -= 1
    if i == 0 and start > reach:
        return ""  # the word may begin before what was looked at
    return stripped[i:].lower()


@cache
def _fixture() -> re.Pattern:
    """The future cues marked "fixture" in words/future_cue.tsv: verbs that are
    also nouns, cues only after a capitalised name ("Villa host Palace")."""
    words = "|".join(p for p, values in word_tables()["future_cue"].entries if "fixture" in values)
    return re.compile(words, re.IGNORECASE)


_NAME_BEFORE = re.compile(r"\b[A-Z][\w.'-]*\s+$")


def _is_firm(cue: Cue, text: str) -> bool:
    """Whether a future cue is a firm one, read in place (a firm pattern may look
    at what follows it: "the election is Nov. 3")."""
    match = _firm_future().match(text, cue.start)
    return match is not None and match.end() == cue.end


@cache
def _firm_future() -> re.Pattern:
    """The future cues marked "firm" in words/future_cue.tsv."""
    firm = "|".join(p for p, values in word_tables()["future_cue"].entries if "firm" in values)
    return re.compile(firm, re.IGNORECASE)


# ---------------------------------------------------------- resolving

class Resolved:
    """A value with its interval and precision, or a reason it has none."""

    def __init__(self, value: str, unit: str | None = None, start: date | None = None,
                 interval: tuple | None = None, precision: str | None = None,
                 anchor: str | None = None, time: str | None = None):
        self.value, self.unit, self.start = value, unit, start
        self.interval, self.precision, self.anchor, self.time = interval, precision, anchor, time


def _calendar(unit: str, start: date, anchor: str | None, time: str | None = None) -> Resolved:
    value = format_value(unit, start)
    interval = (start.isoformat(), period_end(unit, start).isoformat())
    precision = "week" if unit == "weekend" else unit
    if time and unit != "day":
        time = None  # "the night" when the last date is a weekend or a month: some night of it, no more
    if time:
        value += "T" + time
        interval = _time_interval(start, time)
        precision = "time"
    return Resolved(value, unit, start, interval, precision, anchor, time)


def _time_interval(day: date, time: str) -> tuple[str, str]:
    base = datetime(day.year, day.month, day.day)
    if time in PART_OF_DAY_HOURS:
        low, high = PART_OF_DAY_HOURS[time]
        begin, finish = base + timedelta(hours=low), base + timedelta(hours=high)
    else:
        hour, minute = map(int, time.split(":"))
        begin = base + timedelta(hours=hour, minutes=minute)
        finish = begin + timedelta(minutes=1)
    return begin.isoformat(timespec="minutes"), finish.isoformat(timespec="minutes")


def _year_options(rest: str, dct: date) -> list[tuple[str, date]]:
    """(unit, start) for ``rest`` (MM-DD, MM, Qn, Hn, season) in the years around the DCT."""
    options = []
    for year in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1):
        parsed = parse_value(f"{year}-{rest}")
        if parsed:
            options.append(parsed)
    return options


def _count(text: str) -> int | float | None:
    """A count of units: None for X, a float for halves ("2.5")."""
    if text == "X":
        return None
    return float(text) if "." in text else int(text)


#: A fractional count of a unit in a smaller unit, for arithmetic: "two and a
#: half years ago" is 30 months ago.
_FRACTION_UNIT = {"year": ("month", 12), "quarter": ("month", 3), "half": ("month", 6),
                  "decade": ("year", 10), "century": ("year", 100), "month": ("day", 30),
                  "fortnight": ("day", 14), "week": ("day", 7)}


def _whole_steps(unit: str, steps: int | float) -> tuple[str, int]:
    """(unit, steps) with whole steps: a fraction goes into a smaller unit."""
    if steps != int(steps) and unit in _FRACTION_UNIT:
        unit, factor = _FRACTION_UNIT[unit]
        steps *= factor
    return unit, round(steps)


#: The last month in which "the new year" is the one just begun ("a slow start to the new year"
#: in February); later it is the next one ("talks resume in the new year").
NEW_YEAR_LASTS = 2

_SIGN = {"PLUS": 1, "next": 1, "MINUS": -1, "last": -1, "ago": -1}
_TIME_SUFFIX = re.compile(r"T(MO|MI|AF|EV|NI|DT|\d{2}:\d{2})$")
_RELATIVE = re.compile(r"UNDEF-(this|REF)-([a-z]+)(?:-(PLUS|MINUS|next|last|ago)-(-?\d+(?:\.5)?|X))?")
_DIRECTED = re.compile(r"UNDEF-(last|next|this|tense|lastweek|nextweek|thisweek)"
                       r"-(weekday|season|month|inyear|part)-(\w+(?:-\d\d)?)"
                       r"|UNDEF-(last|next)-(holiday)-([\w+-]+)")
_WEEKDAY_FROM_DAY = re.compile(r"UNDEF-lastday-(last|next)-([1-7])")
@cache
def _fiscal_ended_after() -> re.Pattern:
    """After "the fiscal year": the month it ended in ("that ended Sept. 30", "which ended in March")."""
    return re.compile(rf"\s+(?:that|which)\s+ended\s+(?:in\s+|on\s+)?({word_tables()['month'].alternation})")
_QUARTER_ENDED = re.compile(r"UNDEF-ended-(?:(\d\d)-(\d\d)|R-(-?\d+))-Q([1-4])")
_PERIOD = re.compile(r"UNDEF-(last|next|this|tense|ahead|latest)-([a-z]+)")
#: A weekday's name, whole or shortened ("Monday", "Sat."); not "sunset".
_WEEKDAY_NAME = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)")
#: A date that opens with its weekday: "Monday, Dec. 29".
_WEEKDAY_FIRST = re.compile(r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s", re.IGNORECASE)
_REF_MONTH = re.compile(r"UNDEF-ref(last|next|this)-month-(\d\d)")
_REF_SEASON = re.compile(r"UNDEF-ref(last|next|this)-season-(SP|SU|FA|WI)")
_PART_OF_YEAR = re.compile(r"UNDEF-(last|next|this|the|begun)-year-(H[12]|Q[1-4]|SP|SU|FA|WI)")


#: TimeML's value for "some day", "some week"...: the unit with its digits unknown.
_UNSPECIFIED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX",
                "decade": "XXX", "century": "XX"}


def _vague_offset(unit: str, sign: int, dct: date | None, ref: tuple[str, date]) -> Resolved:
    """An offset of an unstated number of units ("a few years ago", "several
    days later"): the VAGUE_COUNT units before (or after) the DCT's unit, or
    the last mentioned period when ``dct`` is None. Counted from the DCT it is
    PAST_REF or FUTURE_REF; counted from another date TimeML has no value for
    it but an unspecified one of the unit ("XXXX-XX-XX" for days)."""
    if unit == "fortnight":
        unit = "week"
    if dct is None:
        first, last = ref[1], period_end(ref[0], ref[1]) - DAY
        value, anchor = _UNSPECIFIED[unit], "ref"
    else:
        first = last = dct
        value, anchor = ("PAST_REF" if sign < 0 else "FUTURE_REF"), "dct"
    if sign < 0:
        origin = period_start(unit, first)
    else:
        origin = period_end(unit, period_start(unit, last))
    far = shift(unit, origin, sign * VAGUE_COUNT)
    begin, finish = (far, origin) if sign < 0 else (origin, far)
    return Resolved(value, interval=(begin.isoformat(), finish.isoformat()),
                    precision="vague", anchor=anchor)


def _resolve_calendar(value: str, dct: date, ref: tuple[str, date], text: str,
                      start: int, end: int, day: date | None = None, mentioned: bool = True,
                      story: date | None = None, late: bool = False, named: bool = False) -> Resolved | None:
    """Resolve a DATE/TIME value template; None when it cannot be (bad date).

    ``day`` is the last day mentioned before the phrase, if any; ``mentioned``
    False when no date is, and ``ref`` is the DCT; ``story`` the last day when
    the text tells of a time long before the DCT (``STORY_DAYS``); ``late``
    True when the last time mentioned was that day's evening or night;
    ``named`` True when ``day`` is the one the text names right after a clock time."""
    time = None
    suffix = _TIME_SUFFIX.search(value)
    if suffix:
        time, value = suffix.group(1), value[:suffix.start()]

    if value.startswith("XXXX"):  # some such day, no date: "a Monday afternoon"
        return Resolved(f"{value}T{time}" if time else value, time=time)
    fiscal = value.startswith("FY")
    parsed = parse_value(value.removeprefix("FY"))
    if parsed:
        resolved = _calendar(*parsed, None, time)
        if fiscal:  # a fiscal year's months vary by organisation: keep the label
            resolved.value = value
        return resolved

    if value == "UNDEF-lastday":  # a clock time: on the day under discussion
        if day and day > dct and not named and clause_direction(text, start, end) == "past":
            day = None  # "weakened by midday" after a meeting set for December: not that day
        if day and late and time and (time == "MO" or time[0].isdigit() and time < "12:00"):
            day += DAY  # "Monday night ... reopened at 4:30 a.m.", "by 6 a.m.", "before dawn": the morning after it
        elif time == "24:00" and (late or (day or dct) < dct):
            pass  # "voters went to the polls on Sunday ... after midnight": the night that ended it
        elif time == "24:00" and clause_direction(text, start, end) == "past":
            time = "00:00"  # "shortly after midnight, police said": the night that began the day
        return _calendar("day", day, "ref", time) if day else _calendar("day", dct, "dct", time)

    match = _WEEKDAY_FROM_DAY.fullmatch(value)
    if match:  # "the previous Friday": before the day under discussion
        direction, weekday = match.groups()
        base = day or dct
        if direction == "last":
            moved = base - timedelta(days=(base.isoweekday() - int(weekday)) % 7 or 7)
        else:
            moved = base + timedelta(days=(int(weekday) - base.isoweekday()) % 7 or 7)
        return _calendar("day", moved, "ref" if day else "dct", time)

    if value.startswith("UNDEF-rest-"):  # "the rest of the week": what is left of it begins tomorrow
        unit = value.removeprefix("UNDEF-rest-")
        whole = _calendar(unit, period_start(unit, dct + DAY), "dct")
        whole.interval = ((dct + DAY).isoformat(), whole.interval[1])  # the week's value, the days left of it
        return whole

    if value == "UNDEF-newyear":  # "in the new year": the coming one, the DCT's own in its first weeks
        return _calendar("year", date(dct.year + (dct.month > NEW_YEAR_LASTS), 1, 1), "dct")

    if value == "UNDEF-fiscal":  # "the fiscal year": the year under discussion, or the one that ended
        ended = _fiscal_ended_after().match(text, end)
        if ended is None:
            return _resolve_calendar("UNDEF-REF-year", dct, ref, text, start, end, day, mentioned, story, late, named)
        # "the fiscal year that ended in March": the twelve months to the last March over
        month = int(word_tables()["month"].normalise(ended.group(1))[0])
        year = dct.year if month < dct.month else dct.year - 1
        end_ = date(year, month, 1)
        begin, stop = shift("month", end_, -11), shift("month", end_, 1)
        return Resolved(f"FY{year}", "year", begin, (begin.isoformat(), stop.isoformat()), "year", "dct")

    if value.startswith(("UNDEF-weekof-", "UNDEF-weekendof-")):  # "the week of March 6", "the last weekend of May"
        unit, _, inner_value = value.removeprefix("UNDEF-").partition("of-")
        inner = _resolve_calendar(inner_value, dct, ref, text, start, end, day)
        if inner is None or inner.unit != "day":
            return inner
        return _calendar(unit, period_start(unit, inner.start), inner.anchor, time)

    match = _QUARTER_ENDED.fullmatch(value)
    if match:  # "its fourth quarter ended June 30": a fiscal quarter, named by the year it ends
        month, day_of_month, days, quarter = match.groups()
        if days is not None:
            last = dct + timedelta(days=int(days))
        else:
            options = _year_options(f"{month}-{day_of_month}", dct)
            chosen = choose_by_tense(options, dct, text, start, end)
            if not chosen:
                return None
            last = chosen[1]
        begin = shift("month", last + DAY, -3)
        return Resolved(f"{last.year}-Q{quarter}", "quarter", begin,
                        (begin.isoformat(), (last + DAY).isoformat()), "quarter", "dct")

    if value.startswith("UNDEF-year-"):
        options = _year_options(value.removeprefix("UNDEF-year-"), dct)
        weekday = _WEEKDAY_FIRST.match(text, start, end)
        if weekday and options and options[0][0] == "day":  # "Monday, Dec. 29": a year that day is a Monday
            named = WEEKDAY_CODES.index(weekday.group(1)[:2].upper())
            options = [o for o in options if o[1].weekday() == named] or options
        if (story is not None and options and options[0][0] == "day"
                and clause_direction(text, start, end) != "future"):
            # a story told of another year: "Sept. 11, 2023 ... on Sept. 14" is 2023, the day nearest the last one
            told = _year_options(value.removeprefix("UNDEF-year-"), story)
            if weekday:
                told = [o for o in told if o[1].weekday() == named]
            if told:
                chosen = min(told, key=lambda option: abs((option[1] - story).days))
                if abs((chosen[1] - story).days) <= STORY_REACH_DAYS:  # else it is no day of that story
                    return _calendar(*chosen, "ref", time)
        if day is not None and options and _OFFSET_BEFORE.search(text, max(0, start - 30), start):
            # "set for Saturday 20 March, eight days before Easter": the one near the day just named
            chosen = min(options, key=lambda option: abs((option[1] - day).days))
            return _calendar(*chosen, "ref", time)
        chosen = choose_by_tense(options, dct, text, start, end)
        return _calendar(*chosen, "dct", time) if chosen else None

    match = _RELATIVE.fullmatch(value)
    if match:
        base, unit, sign, count = match.groups()
        if unit == "morning":
            unit, time = "day", "MO"
        steps = _SIGN.get(sign, 1) * (_count(count) or 0) if sign else 0
        if unit in ("hour", "minute", "second"):  # "an hour later": that day
            unit, steps = "day", 0
        elif count == "X":  # "a few days ago", "several years later": no number to count
            return _vague_offset(unit, _SIGN[sign], dct if base == "this" else None, ref)
        unit, steps = _whole_steps(unit, steps)
        if unit == "fortnight":
            unit, steps = "week", 2 * steps
        if base == "this" and abs(steps) == 1 and unit == "year" and ref[0] in ("month", "quarter", "half"):
            base = "REF"  # "up from $4 a year ago" after a quarter: that quarter, a year before
        if base == "this":
            moved = shift(unit, period_start(unit, dct), steps)
            return _calendar(unit, moved, "dct", time)
        if not mentioned and steps > 0 and clause_direction(text, start, end) == "past":
            return Resolved(_UNSPECIFIED[unit])  # "Three years later, he was dead" with no date before: not 2029
        ref_unit, ref_start = ref
        if steps and time and unit == "day" and ref_unit != "day":  # "the next morning" after "the 1980s"
            if day is not None:
                ref_unit, ref_start = "day", day  # after the last day mentioned
            elif ref_unit not in ("week", "weekend"):
                return Resolved(f"{_UNSPECIFIED['day']}T{time}", time=time)
        if (steps and unit in ("decade", "century") and ref_unit == "year"
                and text[start:end].lower().endswith(("later", "earlier"))):
            # "In 1994 ... A decade later": 2004 (but "the following decade" is the 2000s)
            unit, steps = "year", steps * (10 if unit == "decade" else 100)
        if (not steps and unit in ("week", "month", "quarter", "year")
                and period_end(unit, period_start(unit, ref_start)) <= dct
                and clause_direction(text, start, end) == "future"):
            # "will review the hours at the end of the month": this month, not the past one last mentioned;
            # "had arrived last week, and more were expected at the end of the week": this week
            return _calendar(unit, period_start(unit, dct), "dct", time)
        if unit == "weekend" and steps == 1 and ref_unit == "day" and ref_start.isoweekday() < 6:
            steps = 0  # "the following weekend" after a Wednesday: that week's
        moved = shift(unit, ref_start, steps)
        if sign == "ago" and ref_start.year == dct.year - 1 and shift("year", ref_start, 1) <= dct:
            moved = ref_start  # "year-ago" after "the 1988 period" in 1989: that period already
        keep_ref = (GRANULARITY.index(ref_unit) > GRANULARITY.index(unit)
                    or (steps and unit == "year" and ref_unit in ("month", "quarter", "half", "season")
                        and not _FOLLOWING.search(text, start, end)))  # "the following year" is a year
        if (keep_ref and not steps and unit in ("week", "month") and ref_unit in ("quarter", "half", "year")
                and ref_start <= dct < period_end(ref_unit, ref_start)):
            return _calendar(unit, period_start(unit, dct), "dct", time)  # "the end of the month" in this quarter
        out_unit = ref_unit if keep_ref else unit
        return _calendar(out_unit, period_start(out_unit, moved), "ref", time)

    match = _PART_OF_YEAR.fullmatch(value)
    if match:  # "the first half of next year", "the fourth quarter of last year"
        direction, part = match.groups()
        year = dct.year + {"last": -1, "next": 1}.get(direction, 0)
        parsed = parse_value(f"{year}-{part}")
        if parsed and parsed[1] > dct and (
                direction == "begun"  # "fourth-quarter results": the last fourth quarter begun
                or (direction == "the" and clause_direction(text, start, end) == "past")):
            parsed = parse_value(f"{year - 1}-{part}")  # "slowed in the second half of the year"
        return _calendar(*parsed, "dct", time) if parsed else None

    match = _REF_MONTH.fullmatch(value)
    if match:  # "that June", "the following March": counted from the last date mentioned
        direction, month = match.groups()
        base = ref[1]
        year = base.year + {"next": int(month) <= base.month, "last": -(int(month) >= base.month)}.get(direction, 0)
        return _calendar("month", date(year, int(month), 1), "ref", time)

    match = _REF_SEASON.fullmatch(value)
    if match:  # "that summer", "the following winter": counted from the last date mentioned
        direction, season = match.groups()
        base = ref[1]
        options = _year_options(season, base)
        if direction == "this" and ref[0] == "year":  # "In 2019 ... That summer": 2019's
            options = [o for o in options if o[1].year == base.year] or options
        if direction == "next":
            chosen = min((o for o in options if o[1] > base), key=lambda o: o[1])
        elif direction == "last":
            chosen = max((o for o in options if period_end(*o) <= base), key=lambda o: o[1])
        else:
            chosen = min(options, key=lambda o: 0 if o[1] <= base < period_end(*o)
                         else min(abs((o[1] - base).days), abs((period_end(*o) - base).days)))
        return _calendar(*chosen, "ref", time)

    match = _DIRECTED.fullmatch(value)
    if match:
        direction, kind, what = match.groups()[:3] if match.group(1) else match.groups()[3:]
        return _resolve_directed(direction, kind, what, dct, text, start, end, time)

    match = _PERIOD.fullmatch(value)
    if match:
        direction, unit = match.groups()
        if direction == "latest":  # "the quarter": the one just mentioned, else the last one
            if ref[0] == unit:
                return _calendar(unit, ref[1], "ref", time)
            return _calendar(unit, shift(unit, period_start(unit, dct), -1), "dct", time)
        if direction in ("tense", "ahead"):  # "the weekend": the one the tense points to; "this weekend": ahead
            here = period_start(unit, dct)
            options = [(unit, shift(unit, here, k)) for k in (-1, 0, 1)]
            default = "past" if direction == "tense" else "future"
            if (clause_direction(text, start, end) or default) == "past":
                chosen = max((o for o in options if o[1] <= dct), key=lambda o: o[1])
            else:
                chosen = min((o for o in options if period_end(*o) > dct), key=lambda o: o[1])
            return _calendar(*chosen, "dct", time)
        steps = {"last": -1, "this": 0, "next": 1}[direction]
        return _calendar(unit, shift(unit, period_start(unit, dct), steps), "dct", time)
    return None


#: A verb that moves or sets a deadline, or stops or holds something until a
#: time, then "until": "postponed until", "extended its deadline until", "gave
#: the relatives until", "cancelled all departures until noon on Friday",
#: "agreed to waive a covenant test until September", "to sustain the response until April".
_DEFERRAL = re.compile(
    r"\b(?:extend|postpone|delay|defer|adjourn|recess|suspend|cancel|ground|halt|push(?:ed)?\s+back|put\s+off"
    r"|waive|exempt|freeze|pause|sustain|maintain"
    r"|give|gave|given|grant"
    r"|(?:a|the)\s+(?:pause|wait|freeze))"
    r"\w*\b[^.;:!?]{0,60}?\b(?:until|till|through)\s+(?:(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)"
    r"(?:\s+[ECMP][SD]T|\s+GMT)?\s+(?:on\s+)?)?$", re.IGNORECASE)


def _deferred_until(text: str, start: int) -> bool:
    return bool(_DEFERRAL.search(text, max(0, start - 100), start))


_SPAN_ENDS = frozenset(("until", "till", "through", "from"))
_POSSESSIVE = re.compile(r"['\u2019]s\b")
#: A market's close after a day's name: "Friday's close", "Monday's closing price".
_CLOSE_OF_DAY = re.compile(r"['\u2019]s\s+(?:close|closing|settlement)\b", re.IGNORECASE)


def _resolve_directed(direction: str, kind: str, what: str, dct: date, text: str,
                      start: int, end: int, time: str | None) -> Resolved | None:
    if kind == "part":  # "this morning", "last night"; "overnight": the night before in a past clause
        if direction == "tense":
            direction = "last" if clause_direction(text, start, end) == "past" else "this"
        day = dct - DAY if direction == "last" else dct
        return _calendar("day", day, "dct", what)
    if kind == "weekday":
        offset = (dct.isoweekday() - int(what)) % 7
        if direction == "tense" and offset and _word_before(text, start) == "since":
            direction = "past"  # "have flown at half-mast since Friday and will ...": begun
        if direction == "tense" and offset and _deferred_until(text, start):
            direction = "future"  # "postponed until Tuesday": a new deadline, still ahead
        if direction == "tense" and offset and _CLOSE_OF_DAY.match(text, end):
            direction = "past"  # "a premium to Friday's closing price": a day whose market has closed
        elif direction == "tense" and offset and _POSSESSIVE.match(text, end):
            # "get around Wednesday's ruling": a day named for what happened on it, past but for a firm
            # future or "ahead of" ("ahead of Sunday's vote")
            cue = _nearest_cue(text, start, end)
            firm = cue is not None and cue.kind == "future" and (
                _is_firm(cue, text) or cue.word in ("ahead of", "upcoming"))
            direction = "future" if firm else "past"
        if direction == "tense" and offset:
            # the DCT's own weekday is the DCT whatever the tense; a span that opens or
            # closes on a weekday with no tense to place it is ahead ("in effect until 7
            # a.m. Monday", "can be checked online from Friday")
            direction = clause_direction(text, start, end) or (
                "future" if _word_before(text, start, 36) in _SPAN_ENDS else "past")
        elif direction == "tense":
            direction = "past"
        if direction == "past":
            day = dct - timedelta(days=offset)
        elif direction == "last":
            day = dct - timedelta(days=offset or 7)
        elif direction == "future":
            day = dct + timedelta(days=(int(what) - dct.isoweekday()) % 7)
        elif direction == "next":
            day = dct + timedelta(days=(int(what) - dct.isoweekday()) % 7 or 7)
        else:  # this: the one in the DCT's week; "Thursday next week": in the week named
            weeks = {"lastweek": -1, "nextweek": 1}.get(direction, 0)
            day = period_start("week", dct) + timedelta(days=int(what) - 1, weeks=weeks)
        return _calendar("day", day, "dct", time)
    if kind == "inyear":  # "June last year", "April 11 of this year": that month or day of the year named
        year = dct.year + {"last": -1, "this": 0, "next": 1}[direction]
        month, _, day = what.partition("-")
        try:
            return _calendar("day" if day else "month", date(year, int(month), int(day or 1)), "dct", time)
        except ValueError:
            return None  # "Feb. 30 of this year"
    options = _year_options(what, dct)  # season code, month number or holiday ("12-25", "11-4TH")
    if direction == "tense":
        chosen = choose_by_tense(options, dct, text, start, end)
    elif direction == "this":
        here = period_start("season" if kind == "season" else "month", dct)
        same_year = [o for o in options if o[1].year == dct.year]
        chosen = next((o for o in options if o[1] == here), None) or (same_year[0] if same_year else None)
    elif direction == "last":
        done = [o for o in options if period_end(*o) <= period_start(o[0], dct)]
        chosen = max(done, key=lambda o: o[1]) if done else None
    else:  # next
        ahead = [o for o in options if o[1] > dct]
        chosen = min(ahead, key=lambda o: o[1]) if ahead else None
    return _calendar(*chosen, "dct", time) if chosen else None


def _apply_mod(resolved: Resolved, mod: str | None) -> None:
    """START/MID/END narrow the interval to a third of the period."""
    if mod not in ("START", "MID", "END") or resolved.unit in (None, "day", "week", "weekend"):
        return
    begin = resolved.start
    finish = period_end(resolved.unit, begin)
    third = (finish - begin) / 3
    low = {"START": 0, "MID": 1, "END": 2}[mod]
    lo, hi = begin + third * low, begin + third * (low + 1)
    resolved.interval = (lo.isoformat(), (finish if mod == "END" else hi).isoformat())


def _extend_through(resolved: Resolved, through: str) -> None:
    """A range ("Jan. 5-7", "January-March 2025") reaches to the end of its
    last day or month; its value is the period holding it all (the month, the
    year), its precision that of its edges. Two years ("2025-26") keep the
    first's value."""
    unit, number = through.split("-")
    if resolved.unit != unit or resolved.time:
        return
    begin = resolved.start
    if unit == "year":  # "2025-26": over both years, named by the first
        last = begin.replace(year=int(number))
        if last > begin:
            resolved.interval = (begin.isoformat(), period_end(unit, last).isoformat())
        return
    if unit == "day":
        last = begin.replace(day=int(number))
        whole = "month"
    else:
        last = begin.replace(month=int(number))
        if last < begin:  # "November-February": into the next year
            last = last.replace(year=begin.year + 1)
        whole = "quarter" if begin.month % 3 == 1 and last.month == begin.month + 2 else "year"
    if last <= begin:
        return
    resolved.interval = (begin.isoformat(), period_end(unit, last).isoformat())
    if begin.year == last.year:  # "November-February" spans two years: it keeps its first month's value
        resolved.value = format_value(whole, begin)


def _apply_clip(resolved: Resolved, clip: str | None, dct: date) -> None:
    """"earlier this month" keeps the part before the DCT, "later" the part after."""
    if clip is None or resolved.interval is None:
        return
    begin, finish = resolved.interval
    today, tomorrow = dct.isoformat(), (dct + DAY).isoformat()
    if clip == "last":
        finish = min(finish, today)
    elif clip == "next":
        begin = max(begin, tomorrow)
    if begin >= finish:  # "earlier this week" on a Monday: none of the week is before the DCT but the DCT
        begin, finish = today, tomorrow
    resolved.interval = (begin, finish)


#: A fraction of a unit goes into the next smaller one ("2 1/2 years" =
#: P2Y6M, "5 1/2 hours" = PT5H30M); weeks, decades and centuries with a
#: fraction are counted whole in days or years (1.5 weeks = P10DT12H).
_SMALLER_CODE = {"Y": ("M", 12), "M": ("D", 30), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}
_WHOLE_CODE = {"W": ("D", 7), "DE": ("Y", 10), "CE": ("Y", 100)}


def _duration_value(amount: int | float, code: str) -> str:
    """The TimeML value of ``amount`` units of ``code`` (Y, M, W, D, TH, TM, ...)."""
    if amount != int(amount) and code in _WHOLE_CODE:
        code, factor = _WHOLE_CODE[code]
        amount *= factor
    parts = []
    while amount != int(amount) and code in _SMALLER_CODE:
        smaller, factor = _SMALLER_CODE[code]
        parts.append((int(amount), code))
        amount, code = round((amount - int(amount)) * factor, 6), smaller  # 0.6 day = 14.4 hours, not 14.3999...
    parts.append((amount, code))
    parts = [(n, c) for n, c in parts if n] or parts[-1:]
    text = {False: "", True: ""}
    for n, c in parts:
        number = str(int(n)) if n == int(n) else f"{round(n, 3):g}"
        text[c.startswith("T")] += number + c.lstrip("T")
    return "P" + text[False] + ("T" + text[True] if text[True] else "")


#: TimeML duration codes, larger units first, as a value lists them.
_CODE_ORDER = ("CE", "DE", "Y", "M", "W", "D", "TH", "TM", "TS")


def _compound_duration(value: str) -> Resolved | None:
    """``DUR-4-hour+52-minute`` -> PT4H52M: the units of one span, added up."""
    amounts: dict[str, int] = {}
    for part in value.removeprefix("DUR-").split("+"):
        count_text, unit = part.split("-", 1)
        multiplier, code = DURATION_CODE[unit]
        count = _count(count_text)
        if count is None or count != int(count) or code in amounts:
            return None  # "two and a half years and a day": no clean sum
        amounts[code] = int(count) * multiplier
    date_part = "".join(f"{amounts[c]}{c}" for c in _CODE_ORDER if c in amounts and not c.startswith("T"))
    time_part = "".join(f"{amounts[c]}{c[1:]}" for c in _CODE_ORDER if c in amounts and c.startswith("T"))
    return Resolved(f"P{date_part}" + (f"T{time_part}" if time_part else ""))


def _duration(value: str, dct: date, span: str | None, mod: str | None) -> Resolved | None:
    """``DUR-N-unit`` -> P-value; with span last/next, the interval it covers."""
    if "+" in value:
        return _compound_duration(value)
    _, count_text, unit = value.split("-", 2)
    multiplier, code = DURATION_CODE[unit]
    count = _count(count_text)
    timed = code.startswith("T")
    if count is None:
        result = Resolved(f"P{'T' if timed else ''}X{code.lstrip('T')}")
    else:
        result = Resolved(_duration_value(count * multiplier, code))
    if not timed and span in ("last", "next"):
        base_unit = "week" if unit == "fortnight" else ("day" if unit == "weekend" else unit)
        steps = (count if count is not None else VAGUE_COUNT) * (2 if unit in ("fortnight", "weekend") else 1)
        base_unit, steps = _whole_steps(base_unit, steps)
        if span == "last":
            begin, finish = shift(base_unit, dct, -steps), dct
        else:
            begin = dct + DAY
            finish = shift(base_unit, begin, steps)
        result.interval = (begin.isoformat(), finish.isoformat())
        result.precision = ("day" if base_unit == "day" else base_unit) if count is not None else "vague"
        result.anchor = "dct"
    return result


#: A day the text gives this long before the DCT makes it a story of that
#: time: a month and day without a year ("on Sept. 14") is then taken nearest
#: that day, not by the tense around the DCT.
#: An offset in days or weeks before a date: "eight days before Easter".
_OFFSET_BEFORE = re.compile(r"\b(?:days?|weeks?|nights?)\s+(?:before|after|ahead\s+of|prior\s+to)\s+(?:the\s+)?$",
                            re.IGNORECASE)
STORY_DAYS = 180
#: How far from the story's day a day without a year may be to be of that
#: story ("on Sept. 14" after "Sept. 11, 2023"); further off ("The trial began
#: on Jan. 25" after a September 2025 story, in February 2027) the tense
#: chooses it from the publication date.
STORY_REACH_DAYS = 92

#: How many units "the past few weeks" or "the next several days" reach: a
#: documented guess, hence precision "vague" (the value stays PXW, PXD).
VAGUE_COUNT = 5


@cache
def _vague_table() -> dict[str, tuple[str, str]]:
    table = word_tables()["vague"]
    return {pattern: values for pattern, values in table.entries}


@lru_cache(maxsize=1024)
def _vague_entry(word: str) -> tuple[str, str, tuple[str, ...]]:
    """(TimeML value, reach, flags) of a vague word, from words/vague.tsv."""
    for pattern, (value, reach, *flags) in _vague_table().items():
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return value, reach, tuple(flags)
    raise KeyError(word)


def _vague(word: str, dct: date, text: str, start: int, end: int) -> Resolved | None:
    """The vague interval of ``word``; None for a word flagged "narrative" in a
    past clause ("he was soon taken to hospital": soon after the story's time,
    not the publication date's)."""
    value, reach, flags = _vague_entry(word)
    if "narrative" in flags and clause_direction(text, start, end) == "past":
        return None
    if value == "PRESENT_REF":
        interval = (dct.isoformat(), (dct + DAY).isoformat())
    elif value == "PAST_REF":
        begin = None if reach == "open" else (dct - timedelta(days=int(reach))).isoformat()
        interval = (begin, dct.isoformat())
    else:
        finish = None if reach == "open" else (dct + timedelta(days=1 + int(reach))).isoformat()
        interval = ((dct + DAY).isoformat(), finish)
    return Resolved(value, interval=interval, precision="vague", anchor="dct")


def resolve_one(candidate: Candidate, text: str, dct: date, ref: tuple[str, date],
                day: date | None = None, mentioned: bool = True, story: date | None = None,
                late: bool = False, named: bool = False) -> Timex | None:
    """The Timex for one candidate, or None when its value cannot be a date.

    ``ref`` is the last mentioned date (unit, start), ``day`` the last
    mentioned day, if any, and ``late`` whether its evening or night was."""
    rule = candidate.rule
    value = candidate.value
    if value.startswith("VAGUE-"):
        resolved = _vague(value.removeprefix("VAGUE-"), dct, text, candidate.start, candidate.end)
    elif value.startswith("DUR-"):
        resolved = _duration(value, dct, candidate.span, candidate.mod)
    elif rule.type == "SET":
        resolved = Resolved(value)
    else:
        resolved = _resolve_calendar(value, dct, ref, text, candidate.start, candidate.end, day, mentioned,
                                     story, late, named)
    if resolved is None:
        return None
    _apply_mod(resolved, candidate.mod)
    _apply_clip(resolved, candidate.clip, dct)
    if candidate.through:
        _extend_through(resolved, candidate.through)
    kind = rule.type
    if kind == "DATE" and resolved.time:
        kind = "TIME"
    interval = resolved.interval or (None, None)
    return Timex(
        text=text[candidate.start:candidate.end],
        start=candidate.start,
        end=candidate.end,
        type=kind,
        value=resolved.value,
        mod=candidate.mod,
        interval_start=interval[0],
        interval_end=interval[1],
        precision=resolved.precision,
        anchor=resolved.anchor,
    )


_GENERIC_GAP = re.compile(r"[^.;!?]{0,60}")
#: A habit in the clause before a clock time: "normally closes at 5 p.m.", "usually between 1 a.m. and 5 a.m.".
_HABIT_BEFORE = re.compile(r"\b(?:usually|normally|typically|generally|routinely|regularly|ordinarily)\b[^.;!?]*$",
                           re.IGNORECASE)
_SENTENCE_AFTER_PERIOD = re.compile(r"\.\s+[A-Z]")


def _generic_clock(candidate: Candidate, before: Timex | None, following: list[Candidate],
                   text: str) -> Timex | None:
    """"every Saturday from 9 a.m. to 3 p.m.", "open daily until 8 p.m.", "posted
    at 9 a.m. and 6 p.m. daily": a clock time after a set, or after a clock time
    of no day, or before a set (other clock times between), in the same
    sentence is a time of any such day, not of the last day mentioned."""
    if not candidate.value.startswith("UNDEF-lastday"):
        return None
    suffix = _TIME_SUFFIX.search(candidate.value)
    if suffix is None:
        return None
    def is_set(at: int) -> bool:  # "every Sunday", or "Tuesday to Sunday" in a habit
        return following[at].rule.type == "SET" or _weekly_range(following[at], following[at + 1:at + 2], text) is not None

    if following and _ON_BETWEEN.fullmatch(text, candidate.end, following[0].start) and \
            not following[0].value.startswith("UNDEF-lastday") and not is_set(0):
        return None  # "daily, and by 6 p.m. on Sunday": the day it names
    generic = (before is not None and (before.type == "SET" or before.value.startswith("XXXX-XX-XXT"))
               and _GENERIC_GAP.fullmatch(text, before.end, candidate.start)) \
        or _HABIT_BEFORE.search(text, max(0, candidate.start - 60), candidate.start) is not None
    end = candidate.end
    for at, after in enumerate(following if not generic else ()):
        if not _GENERIC_GAP.fullmatch(text, end, after.start) or (
                _SENTENCE_AFTER_PERIOD.match(text, end - 1) and not _WEEKDAY_NAME.fullmatch(text, after.start, after.end)):
            break  # "opened at 9 a.m. Trading was heavy every hour": the sentence ended with "a.m."
        if is_set(at):
            generic = True
            break
        if not after.value.startswith("UNDEF-lastday"):
            break
        end = after.end
    if not generic and not _timeless_present(candidate, before, following, text):
        return None
    return Timex(text=text[candidate.start:candidate.end], start=candidate.start, end=candidate.end, type="TIME",
                 value=f"XXXX-XX-XX{suffix.group()}", mod=candidate.mod)


#: A sentence end: a mark, then a capital or a quotation mark ("a.m." before a lower-case word ends none).
_SENTENCE_BREAK = re.compile(r"[.!?][\u201d\"]?\s+(?=[A-Z\u201c\"])")
#: A present tense that states a habit: "is done", "are gone", "still"; not a
#: timetable's "is at", "is due".
_PRESENT = re.compile(r"\b(?:(?:is|are)\s+(?!(?:at|due|set|scheduled|expected|to|on|planned|slated|from|until)\b)\w+"
                      r"|still|usually|always|never|often|each|every)\b", re.IGNORECASE)


def _timeless_present(candidate: Candidate, before: Timex | None, following: list[Candidate], text: str) -> bool:
    """"Spraying is done between 6 a.m. and 10 a.m.", "Customers still line up
    before the 6 a.m. opening": a clock time in a sentence that names no day
    and whose clause has no tense cue but a present one is a time of any day,
    not of the day the sentence before spoke of."""
    low = max(0, candidate.start - 300)
    start = low
    for start_mark in _SENTENCE_BREAK.finditer(text, low, candidate.start):
        start = start_mark.end()
    stop = _SENTENCE_BREAK.search(text, candidate.end, candidate.end + 300)
    stop = stop.start() if stop else min(len(text), candidate.end + 300)
    if before is not None and before.end > start and not before.value.startswith("XXXX"):
        return False
    if any(after.start < stop and not after.value.startswith(("UNDEF-lastday", "UNDEF-REF-dayT"))
           for after in following):
        return False
    if not _PRESENT.search(text, start, stop):
        return False
    return _nearest_cue(text, candidate.start, candidate.end) is None


#: Between the two weekdays of a week's range: "Monday through Friday", "Tuesday to Sunday".
_WEEKDAY_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\s(?:through|thru|to|until)\s)\s*", re.IGNORECASE)
#: A present tense of opening hours, no future: "The museum is open Tuesday-Sunday".
_OPENING_HOURS = re.compile(r"(?:is|are)\s+(?:open|closed)", re.IGNORECASE)
#: Hours right before a weekday range, a timetable whatever the tense: "will open from 9 a.m. to 6 p.m. Tuesday
#: through Saturday", "open from 7 a.m. to 7 p.m. local time, Monday through Friday".
_HOURS_BEFORE = re.compile(r"(?:[ap]\.m\.|\d\s*[ap]m|noon|midnight|\btime|GMT|[ECMP][SD]T)\s*,?\s*$", re.IGNORECASE)
#: Words before a weekday range that make it one particular run of days: "from Monday to Friday".
_PARTICULAR_RANGE = frozenset(("from", "between", "on", "last", "next", "this", "since", "until", "by", "coming"))


def _weekly_range(candidate: Candidate, following: list[Candidate], text: str) -> tuple[Timex, Timex] | None:
    """"open from 10 a.m. to 6 p.m., Tuesday to Sunday", "Monday through Friday,
    two eggs over easy": a range of bare weekdays right after opening hours,
    or in a clause with no past or future, is a habit, each end a set of such
    days (not "from Monday to Friday", "last Monday to Friday", "will be away
    Monday through Wednesday")."""
    first = _WEEKDAY_OF_TENSE.fullmatch(candidate.value)
    if first is None or first.group(2) or not following:
        return None
    last = _WEEKDAY_OF_TENSE.fullmatch(following[0].value)
    if (last is None or last.group(2) or not _WEEKDAY_RANGE_JOIN.fullmatch(text, candidate.end, following[0].start)
            or _word_before(text, candidate.start) in _PARTICULAR_RANGE):
        return None
    cue = _nearest_cue(text, candidate.start, following[0].end)
    if (cue is not None and not _OPENING_HOURS.fullmatch(cue.word)
            and not _HOURS_BEFORE.search(text, max(0, candidate.start - 24), candidate.start)):
        return None
    return tuple(Timex(text=text[c.start:c.end], start=c.start, end=c.end, type="SET",
                       value=f"XXXX-WXX-{match.group(1)}", mod=None)
                 for c, match in ((candidate, first), (following[0], last)))


_MONTH_OF_YEAR = re.compile(r"UNDEF-year-(\d\d)")
_RANGE_JOIN = re.compile(r"\s+(?:and|to|until|through|till)\s+|\s*[-\u2013]\s*")


def _weekday_range_end(candidate: Candidate, before: Timex, text: str, dct: date) -> tuple[Candidate, Timex]:
    """"ran from Monday to Friday", "will be away Monday through Wednesday": the
    weekday that closes a range of days is the first such day after the one
    that opens it; a past range that would end after publication is the
    week before (both ends move)."""
    weekday = _WEEKDAY_OF_TENSE.fullmatch(candidate.value)
    opened = parse_value(before.value) if weekday and not weekday.group(2) else None
    if (opened is None or opened[0] != "day" or _WEEKDAY_NAME.fullmatch(before.text) is None
            or not _WEEKDAY_RANGE_JOIN.fullmatch(text, before.end, candidate.start)):
        return candidate, before
    first = opened[1]
    end = first + timedelta(days=(int(weekday.group(1)) - first.isoweekday()) % 7 or 7)
    if end > dct and clause_direction(text, before.start, candidate.end) == "past":
        first, end = first - 7 * DAY, end - 7 * DAY
        moved = _calendar("day", first, before.anchor)
        before = replace(before, value=moved.value, interval_start=moved.interval[0], interval_end=moved.interval[1])
    return replace(candidate, value=end.isoformat()), before


_UNTIL_BETWEEN = re.compile(r"[^.;!?]{0,40}?\b(?:until|till|through|to)\s+(?:[^;!?\s]+\s+){0,3}?(?:on\s+)?",
                            re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\b(?:from|between)\s+(?:[^;!?\s]+\s+){0,3}$", re.IGNORECASE)


def _closes_range(candidate: Candidate, timexes: list[Timex], text: str, dct: date) -> Candidate:
    """"closed from 6 p.m. on Saturday until noon on Sunday", "from Saturday
    morning until Sunday afternoon": a weekday that closes a range opened on a
    named day is the first such weekday after that day (in a Sunday paper,
    the Sunday after next Saturday, not today); not after a bare clock time
    ("from noon to 5 p.m. on Thursday")."""
    weekday = _WEEKDAY_OF_TENSE.fullmatch(candidate.value)
    opener = next((t for t in reversed(timexes[-3:]) if (t.precision == "day" or _WEEKDAY_NAME.search(t.text))
                   and candidate.start - t.end <= 60 and _UNTIL_BETWEEN.fullmatch(text, t.end, candidate.start)),
                  None) if weekday else None
    if opener is None or not _FROM_BEFORE.search(text, max(0, opener.start - 30), opener.start):
        return candidate
    opened = parse_value(opener.value.split("T")[0])
    if opened is None or opened[0] != "day" or opened[1] <= dct - 7 * DAY:
        return candidate  # "bought from Sept. 14 to Thursday": the tense's Thursday already follows it
    first = opened[1] + timedelta(days=(int(weekday.group(1)) - opened[1].isoweekday()) % 7 or 7)
    return replace(candidate, value=first.isoformat() + (weekday.group(2) or ""))


def _range_end(candidate: Candidate, before: Timex, text: str) -> Candidate:
    """"between March and May", "from November to February", "from Aug. 12 to
    Dec. 9": a month (day) that closes a range is the first such month (day)
    after the one that opens it."""
    rest = candidate.value.removeprefix("UNDEF-year-")
    unit = "month" if _MONTH_OF_YEAR.fullmatch(candidate.value) else "day" if _DAY_OF_YEAR.fullmatch(
        candidate.value) else None
    opened = parse_value(before.value) if unit else None
    if (opened is None or opened[0] != unit
            or not _RANGE_JOIN.fullmatch(text, before.end, candidate.start)
            or _word_before(text, before.start) not in ("between", "from")):
        return candidate
    first = opened[1]
    year = first.year if rest > first.strftime("%m-%d" if unit == "day" else "%m") else first.year + 1
    return replace(candidate, value=f"{year}-{rest}")


#: Between a clock time and (by "on", or right after) its day: a zone the
#: rules do not know ("Singapore time", "Central European Time"), a bracketed
#: other zone's time ("10 a.m. local time next Friday").
_ZONE_BRACKET = re.compile(r"(?:\s+(?:[A-Z][a-z]+\s+){1,3}[Tt]ime)?\s*\(")
_ON_BETWEEN = re.compile(r"\)?,?\s+(?:(?:[A-Z][a-z]+\s+){1,3}[Tt]ime\s+)?(?:\([^()]{1,24}\)\s*)?,?\s*(?:on\s+)?")


#: Between a part of the day and its day, the thing that happened in it: "the
#: evening rush hour yesterday", "the morning session on Tuesday".
_NOUNS_BETWEEN = re.compile(r"\s+(?:[a-z]+\s+){1,2}(?:on\s+)?")


def _day_named_after(candidate: Candidate, following: list[Candidate], text: str, dct: date,
                     ref: tuple[str, date], day: date | None, mentioned: bool, story: date | None,
                     timexes: list[Timex]) -> date | None:
    """The day a clock time is on when the next phrase names it: "at 16:00 UTC on
    June 18" (TimeML tags the two apart, "on" a signal between them), also
    across the other end of a range: "between 8 p.m. and midnight on Saturday";
    a part of the day also across what happened in it: "the evening rush hour
    yesterday"."""
    if not candidate.value.startswith(("UNDEF-lastday", "UNDEF-REF-dayT")):
        return None
    end = candidate.end
    for after in following:
        if after.value.startswith("UNDEF-lastday") and (_RANGE_JOIN.fullmatch(text, end, after.start)
                                                        or _ZONE_BRACKET.fullmatch(text, end, after.start)):
            end = after.end + 1 if text.startswith(")", after.end) else after.end
            continue  # the range's other clock time, or the same time in another zone: "8:30 a.m. (0530 GMT)"
        break
    else:
        return None
    if not (_ON_BETWEEN.fullmatch(text, end, after.start) or (
            candidate.value.startswith("UNDEF-REF-dayT") and _NOUNS_BETWEEN.fullmatch(text, end, after.start))):
        return None
    timex = resolve_one(_closes_range(after, timexes, text, dct), text, dct, ref, day, mentioned, story)
    if timex is None or timex.precision != "day":
        return None
    return date.fromisoformat(timex.value)


_DAY_OF_YEAR = re.compile(r"UNDEF-year-(\d\d-\d\d)")
_LIST_JOIN = re.compile(r",?\s+(?:and|or)\s+|,\s+")


_WEEKDAY_OF_TENSE = re.compile(r"UNDEF-tense-weekday-([1-7])(T\w+(?::\d\d)?)?")


def _listed_after(candidate: Candidate, before: Timex, text: str, dct: date) -> Candidate:
    """"teacher days on Oct. 9 and Feb. 12", "tonight and Sunday night": a day
    listed right after another, with no year, is the first such day after it;
    so is a weekday listed after a day or night not yet past (a past list
    may run backwards: "statements made Friday and Thursday" in a Friday
    paper)."""
    day = _DAY_OF_YEAR.fullmatch(candidate.value)
    weekday = None if day else _WEEKDAY_OF_TENSE.fullmatch(candidate.value)
    listed = (parse_value(before.value.split("T")[0])
              if (day or weekday) and before.precision in ("day", "time") else None)
    if listed is None or listed[0] != "day" or not _LIST_JOIN.fullmatch(text, before.end, candidate.start):
        return candidate
    first = listed[1]
    if weekday and (first < dct or (first == dct and "T" not in before.value
                                    and clause_direction(text, candidate.start, candidate.end) == "past")):
        return candidate
    if weekday:
        after = first + timedelta(days=(int(weekday.group(1)) - first.isoweekday()) % 7 or 7)
        return replace(candidate, value=after.isoformat() + (weekday.group(2) or ""))
    later = [start for _, start in _year_options(day.group(1), first) if start >= first]  # ">=": "Thursday, New Year's Eve"
    return replace(candidate, value=min(later).isoformat()) if later else candidate


_GIVEN_YEAR = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")


#: A month or day of the year before, this or the next: "March last year", "May 27 next year".
_DIRECTED_IN_YEAR = re.compile(r"UNDEF-(last|this|next)-inyear-(\d\d)(?:-(\d\d))?")


def _year_of_range_end(candidate: Candidate, following: list[Candidate], text: str, dct: date) -> Candidate:
    """"from July 30 to Aug. 2, 2026", "Dec. 28 - Jan. 3, 2026", "February
    and March last year", "from May 16 to May 27 next year": a day or month
    that opens a range or a pair takes its year from the end that gives one
    (the year before when it falls later in the year)."""
    opened = _MONTH_OF_YEAR.match(candidate.value)
    if opened is None or not following or not _RANGE_JOIN.fullmatch(text, candidate.end, following[0].start):
        return candidate
    closed = _GIVEN_YEAR.fullmatch(following[0].value)
    if closed is not None:
        end_year, end_month, end_day = int(closed.group(1)), closed.group(2), closed.group(3)
    elif (directed := _DIRECTED_IN_YEAR.fullmatch(following[0].value)) is not None:
        end_year = dct.year + {"last": -1, "this": 0, "next": 1}[directed.group(1)]
        end_month, end_day = directed.group(2), directed.group(3)
    else:
        return candidate
    rest = candidate.value.removeprefix("UNDEF-year-")
    year = end_year - (rest > f"{end_month}-{end_day or '00'}")
    return replace(candidate, value=f"{year}-{rest}")


_DIRECTED_YEAR = re.compile(r"UNDEF-(last|this|next)-year")
#: Words between a month and the year that closes its clause: "its hottest July on record last year".
_SAME_CLAUSE_GAP = re.compile(r"(?:(?!\b(?:and|but|or|while|which|who|when)\b)[^,;:.!?()\u201c\u201d\"]){1,40}")


def _year_closing_clause(candidate: Candidate, following: list[Candidate], text: str, dct: date) -> Candidate:
    """"recorded its hottest July on record last year": a month or day with no
    year takes the year that "last (next, this) year" later in its clause
    names (not across a comma or a conjunction: "July was booked, up from 40%
    last year", "opens on Oct. 15 and is due to stream early next year")."""
    if not _MONTH_OF_YEAR.match(candidate.value) or not following:
        return candidate
    year = _DIRECTED_YEAR.fullmatch(following[0].value)
    if year is None or not _SAME_CLAUSE_GAP.fullmatch(text, candidate.end, following[0].start):
        return candidate
    named = dct.year + {"last": -1, "this": 0, "next": 1}[year.group(1)]
    return replace(candidate, value=f"{named}-{candidate.value.removeprefix('UNDEF-year-')}")


_SENTENCE_END = re.compile(r"[.!?;]\s")
_OPENS_SENTENCE = re.compile(r"(?:\A|[.!?;\n]\s+|[\u201c\"]\s*)(?:(?:in|during|by|throughout)\s+)?$", re.IGNORECASE)


_WHEN_AFTER = re.compile(r",?\s+when\b")


def _month_of_year_before(candidate: Candidate, years: list[Timex | None], ref: tuple[str, date], text: str,
                          dct: date) -> Candidate:
    """"In 2019, the company moved its offices in August", "That year, a fire
    destroyed homes in August", "since 2022, when restrictions ran from Aug. 12
    to Dec. 9": a month or day the sentence gives no year of is of the year
    (the last date mentioned) the sentence opened with, or that "when" speaks
    of (not in a future clause). A year further on may be a comparison:
    "sales rose in 2023 and fell in January". ``years``: the phrase just
    before and the one that gave the last date ("That year" counts from it)."""
    if not _MONTH_OF_YEAR.match(candidate.value) or ref[0] != "year" or ref[1].year == dct.year:
        return candidate
    for year in years:
        if (year is None or year.precision != "year" or not year.value.startswith(str(ref[1].year))
                or not (_OPENS_SENTENCE.search(text, max(0, year.start - 20), year.start)
                        or _WHEN_AFTER.match(text, year.end))
                or _SENTENCE_END.search(text, year.end, candidate.start)):
            continue
        if clause_direction(text, candidate.start, candidate.end) == "future":
            return candidate
        return replace(candidate, value=f"{ref[1].year}-{candidate.value.removeprefix('UNDEF-year-')}")
    return candidate


_SINCE_BEFORE = re.compile(r"\bsince\b[^.;!?]*$", re.IGNORECASE)
#: A time of day in the evening or at night: "Monday night", "at 9:30 p.m.".
_LATE_TIME = re.compile(r"T(?:EV|NI|(?:1[89]|2[0-3]):\d\d)$")


#: What puts a day beside the story rather than in it: the day of a report
#: ("prosecutors said on Tuesday"), the start of a state ("since Christmas").
_ASIDE_BEFORE = re.compile(r"\b(?:(?:said|says|told\s+(?:[\w.'\u2019-]+\s+){1,4}|announced|reported|confirmed|added|"
                           r"wrote|stated)\s+(?:on\s+)?|since\s+)$", re.IGNORECASE)
#: A date in brackets glosses the one before it: "2:40 a.m. (1840 GMT Monday)".
_GLOSS_BEFORE = re.compile(r"\(\s*$")
#: Anaphora that count in days or weeks from the time under discussion.
_FINER_THAN_YEAR = ("UNDEF-REF-day", "UNDEF-REF-week")
#: A year between a determiner and the noun it describes: "a 2019 report", "the 2016 UEFA Europa League final".
_YEAR_MODIFIER = re.compile(r"[ \t]+(?!and\b|to\b|or\b|through\b)[A-Za-z]")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\s+$|['\u2019]s\s+$",
                                re.IGNORECASE)


def _describes_thing(text: str, timex: Timex | None) -> bool:
    """Whether a year describes the thing named after it ("a 2019 report", "the
    2016 final"): "the following year" may count from it ("The 2020 races
    were cancelled, and the following year ..."), but "that day" or "two
    days later" count from the day the story was on."""
    return (timex is not None and timex.precision == "year" and _YEAR_MODIFIER.match(text, timex.end) is not None
            and _DETERMINER_BEFORE.search(text, max(0, timex.start - 12), timex.start) is not None)


def _aside_day(named: date, text: str, timex: Timex, day: date | None) -> bool:
    """Whether a day is one a later bare clock time is not on (``_ASIDE_BEFORE``):
    when the story has a day of its own within a week of it (a day long before
    is background, and the report's day the one at hand)."""
    return (day is not None and abs((named - day).days) <= 7 and not _POSSESSIVE.match(text, timex.end)
            and _ASIDE_BEFORE.search(text, max(0, timex.start - 48), timex.start) is not None)


#: Characters a paragraph spans at most, for looking back to its clock time.
PARAGRAPH_REACH = 2000
_CLOCK_OFFSET = re.compile(r"UNDEF-REF-(hour|minute)-(next|last)-(\d+)")
_CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
#: The rest of a noun phrase and a comma: what follows restates the clock time before it.
_APPOSITION = re.compile(r"[\w\s-]{0,24},\s*")


def _from_last_clock(candidate: Candidate, timex: Timex, timexes: list[Timex], text: str) -> Timex:
    """"Polls closed at 7 p.m. ... released about 20 minutes later": 19:20, a
    time counted from the last clock time of the paragraph, not just its day."""
    offset = _CLOCK_OFFSET.fullmatch(candidate.value)
    last = next((t for t in reversed(timexes) if t.type == "TIME"), None) if offset else None
    if (last is None or not _CLOCK_VALUE.fullmatch(last.value) or candidate.start - last.end > PARAGRAPH_REACH
            or text.find("\n\n", last.end, candidate.start) != -1):
        return timex  # no clock time in the paragraph
    if _APPOSITION.fullmatch(text, last.end, candidate.start):  # "until the 11 a.m. headcount, two hours later"
        return replace(timex, type="TIME", value=last.value, interval_start=last.interval_start,
                       interval_end=last.interval_end, precision="time")  # restates that time
    unit, direction, count = offset.groups()
    day, clock = last.value.split("T")
    base = datetime.fromisoformat(day) + timedelta(hours=int(clock[:2]), minutes=int(clock[3:]))  # T24:00 too
    moved = base + (1 if direction == "next" else -1) * timedelta(**{unit + "s": int(count)})
    value = moved.isoformat(timespec="minutes")
    return replace(timex, type="TIME", value=value, interval_start=value,
                   interval_end=(moved + timedelta(minutes=1)).isoformat(timespec="minutes"), precision="time")


def _is_new_reference(timex: Timex) -> bool:
    """Dates that later anaphora count from. A phrase counted from the reference
    itself only moves it when it names a day ("the next day" chains) or moves
    the story on ("a decade later"), so that "a year earlier" twice after one
    quarter means the same quarter twice."""
    if timex.type not in ("DATE", "TIME") or timex.precision in (None, "vague"):
        return False
    return (timex.anchor != "ref" or timex.precision in ("day", "time")
            or _MOVES_ON.search(timex.text) is not None)  # "A decade later ... the following year": narrative


#: "the following (next, previous) year": a year after (before) the one under discussion, whole.
_FOLLOWING = re.compile(r"\b(?:following|next|previous|preceding|prior)\b", re.IGNORECASE)
#: Words of a phrase that carries a story forward, so that later phrases count
#: from it: "a decade later", "the following year" (not "a year earlier", a baseline).
_MOVES_ON = re.compile(r"\b(?:later|following|next)\b", re.IGNORECASE)


#: References too coarse for a story's days: "two weeks later" after "the
#: early 20th century" counts from the last finer date named before it.
_BACKGROUND_UNITS = frozenset(("decade", "century"))
_FINE_OFFSET = re.compile(r"UNDEF-REF-(?:day|week|weekend|month|quarter|half|season)-")


def resolve(text: str, candidates: list[Candidate], dct: date) -> list[Timex]:
    """Resolve candidates in document order, tracking the last mentioned date
    and the last mentioned day (which a bare clock time is on), and whether
    its evening or night was (the morning after it is the next day)."""
    unmentioned = ref = fine_ref = ("day", dct)
    ref_timex: Timex | None = None  # the phrase that gave ``ref``
    day: date | None = None
    story: date | None = None
    late = False
    timexes = []
    titles = _title_spans(text)
    weekly_end = None
    for at, candidate in enumerate(candidates):
        if titles and any(low <= candidate.start and candidate.end <= high for low, high in titles):
            continue  # "Seven Days in Nazare", "Midnight in August": a title, no time
        if candidate is weekly_end:
            continue
        weekly = _weekly_range(candidate, candidates[at + 1:at + 2], text)
        if weekly:
            timexes.extend(weekly)
            weekly_end = candidates[at + 1]
            continue
        named = None
        if candidate.value.startswith("UNDEF-"):  # what the text around may decide (absolute ones aside)
            if timexes:
                candidate, timexes[-1] = _weekday_range_end(candidate, timexes[-1], text, dct)
                candidate = _closes_range(candidate, timexes, text, dct)
                candidate = _range_end(candidate, timexes[-1], text)
                candidate = _listed_after(candidate, timexes[-1], text, dct)
                last_date = next((t for t in reversed(timexes) if t.type in ("DATE", "TIME")), None)
                candidate = _month_of_year_before(candidate, [last_date, ref_timex], ref, text, dct)  # not "one day"
            candidate = _year_of_range_end(candidate, candidates[at + 1:at + 2], text, dct)
            candidate = _year_closing_clause(candidate, candidates[at + 1:at + 2], text, dct)
            generic = _generic_clock(candidate, timexes[-1] if timexes else None, candidates[at + 1:at + 4], text)
            if generic is not None:
                timexes.append(generic)
                continue
        try:
            if candidate.value.startswith(("UNDEF-lastday", "UNDEF-REF-dayT")):
                named = _day_named_after(candidate, candidates[at + 1:at + 4], text, dct, ref, day,
                                         ref is not unmentioned, story, timexes)
                if named is not None and candidate.value.startswith("UNDEF-REF-dayT"):
                    # "in the morning on Tuesday": that day's, not the last mentioned one's
                    candidate = replace(candidate, value="UNDEF-lastday" + candidate.value.removeprefix("UNDEF-REF-day"))
            counted_from = ref
            if ref[0] in _BACKGROUND_UNITS and fine_ref is not unmentioned and _FINE_OFFSET.match(candidate.value):
                counted_from = fine_ref  # "On Oct. 14 ... seen in the 20th century ... two weeks later": Oct. 28
            if day is not None and ref[0] == "year" and candidate.value.startswith(_FINER_THAN_YEAR) \
                    and _describes_thing(text, ref_timex):
                counted_from = ("day", day)  # "On Thursday, ... the 2016 final. ... earlier that day": Thursday
            timex = resolve_one(candidate, text, dct, counted_from, named or day, ref is not unmentioned, story,
                                late and named is None, named is not None)
        except (ValueError, OverflowError):  # off the calendar: "2000 years ago" in 2000
            continue
        if timex is None:
            continue
        timex = _from_last_clock(candidate, timex, timexes, text)
        timexes.append(timex)
        if _is_new_reference(timex):
            if _GLOSS_BEFORE.search(text, max(0, timex.start - 2), timex.start):
                continue  # "2:40 a.m. (1840 GMT Monday)": the same moment told another way
            ref = parse_value(timex.value.split("T")[0]) or ref
            ref_timex = timex
            if ref[0] not in _BACKGROUND_UNITS:
                fine_ref = ref
            if ref[0] == "day" and _aside_day(ref[1], text, timex, day):
                continue  # the story's day stays the one a bare clock time is on
            same_day = len(timexes) > 1 and timexes[-2].value.startswith(timex.value + "T")
            late = _LATE_TIME.search(timex.value) is not None or (late and same_day)  # "11:40 p.m. on Jan. 16"
            if timex.value.endswith("T24:00") and ref[0] == "day":  # after midnight: the next day
                ref = ("day", ref[1] + DAY)
            if timex.precision in ("day", "time") and ref[0] == "day":
                day = ref[1]
                # a day the text gives (not one counted from the DCT) long before it: a story of that time,
                # unless it only marks since when ("negotiating since their contract expired on Dec. 31, 2023")
                story = day if (timex.anchor != "dct" and (dct - day).days > STORY_DAYS
                                and not _SINCE_BEFORE.search(text, max(0, timex.start - 60), timex.start)) else None
    return timexes
