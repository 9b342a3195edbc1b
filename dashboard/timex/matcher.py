"""Finding temporal phrases: rules from ``resources/rules.ini`` over word tables.

The rules and word lists are data (HeidelTime style); this module compiles
them once, runs every rule over the text, keeps the leftmost-longest
non-overlapping matches and normalises their groups into an under-specified
value that ``resolver.py`` anchors. Every pattern is a plain alternation of
words with bounded quantifiers, so matching is linear in the text length.
"""

from __future__ import annotations

import configparser
import re
import re._constants as _sre  # the parsed form of a pattern, read by first_chars
import re._parser as _sre_parser
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from pathlib import Path

RESOURCES = Path(__file__).parent / "resources"
_BOUNDARY_BEFORE = r"(?<![\w])"
_BOUNDARY_AFTER = r"(?![\w])"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, eq=False)
class WordTable:
    """A words/NAME.tsv file: regex alternatives and their normalised values.

    Compared and hashed by identity: ``word_tables()`` makes each table once,
    and hashing a table's entries on every cached lookup would cost more than
    the lookup.
    """

    name: str
    entries: tuple[tuple[str, tuple[str, ...]], ...]
    case_sensitive: bool

    @property
    def alternation(self) -> str:
        alts = sorted((pattern for pattern, _ in self.entries), key=len, reverse=True)
        body = "|".join(alts)
        return f"(?-i:{body})" if self.case_sensitive else f"(?:{body})"

    def normalise(self, text: str) -> tuple[str, ...]:
        """The values of the first entry whose regex matches the whole text."""
        return _lookup(self, _SPACES.sub(" ", text))


@cache
def _lookup(table: WordTable, text: str) -> tuple[str, ...]:
    flags = 0 if table.case_sensitive else re.IGNORECASE
    for pattern, values in table.entries:
        if re.fullmatch(pattern, text, flags):
            return tuple(_special_value(table, text, v) for v in values)
    raise KeyError(f"{text!r} is not in words/{table.name}.tsv")


_HALF = re.compile(r"(?:\s+1/2|\.5|\s+and\s+a\s+half)$")


def _special_value(table: WordTable, text: str, value: str) -> str:
    """``=`` is the text's digits ("20th" -> 20, "2,500" -> 2500), ``+`` the sum
    of its words ("twenty-four"), ``h`` a number and a half ("2 1/2", "two and
    a half"), ``d`` a decimal as written ("9.58")."""
    if value == "=":
        return re.sub(r"\D", "", text)
    if value == "+":
        return str(sum(int(_lookup(table, word)[0]) for word in re.split(r"[\s-]+", text)))
    if value == "h":
        return f"{int(_lookup(table, _HALF.sub('', text))[0])}.5"
    if value == "d":
        return text
    return value


def _read_table(path: Path) -> WordTable:
    entries = []
    case_sensitive = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            case_sensitive |= line.strip() == "# CASE: sensitive"
            continue
        if line.strip():
            pattern, *values = line.split("\t")
            entries.append((pattern, tuple(values)))
    return WordTable(path.stem, tuple(entries), case_sensitive)


@cache
def word_tables() -> dict[str, WordTable]:
    return {p.stem: _read_table(p) for p in sorted((RESOURCES / "words").glob("*.tsv"))}


@dataclass(frozen=True)
class Rule:
    name: str
    source: str  # the pattern as written in rules.ini, before %table expansion
    regex: re.Pattern
    type: str
    value: str
    mod: str | None
    clip: str | None
    span: str | None
    through: str | None
    needs: str | None
    reach: int | None  # characters a match may start before its trigger word, when more than the default
    requires: frozenset[str]  # words (lowercase substrings, "_" a space) one of which every match holds; empty: none
    examples: tuple[str, ...]
    priority: int


def _expand(pattern: str, tables: dict[str, WordTable]) -> str:
    def table_for(match: re.Match) -> str:
        name = match.group(1)
        if name not in tables:
            raise KeyError(f"rules.ini: unknown word table %{name}")
        return tables[name].alternation

    return re.sub(r"%([a-z_]+)", table_for, pattern)


#: The characters ``\s`` stands for in Unicode patterns. The rules compile in
#: ASCII mode, where case-blind matching costs half as much (the words are
#: English), but news spaces include U+00A0 and the thin spaces.
_UNICODE_SPACES = r"\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def _ascii_spaces(pattern: str) -> str:
    r"""``pattern`` with each ``\s`` spelled out, so that it means in ASCII mode what it means in Unicode."""
    parts, in_class = [], False
    for token in re.split(r"(\\.|\[|\])", pattern):
        if token == "[" and not in_class:
            in_class = True
        elif token == "]" and in_class:
            in_class = False
        elif token == "\\s":
            token = _UNICODE_SPACES if in_class else f"[{_UNICODE_SPACES}]"
        parts.append(token)
    return "".join(parts)


@cache
def rules() -> tuple[Rule, ...]:
    """The rules of resources/rules.ini, compiled, in priority order."""
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",))
    parser.read(RESOURCES / "rules.ini", encoding="utf-8")
    tables = word_tables()
    compiled = []
    for priority, name in enumerate(parser.sections()):
        section = parser[name]
        pattern = _BOUNDARY_BEFORE + _expand(section["pattern"], tables) + _BOUNDARY_AFTER
        compiled.append(Rule(
            name=name,
            source=section["pattern"],
            regex=re.compile(_ascii_spaces(pattern), re.IGNORECASE | re.ASCII),
            type=section["type"],
            value=section["value"],
            mod=section.get("mod"),
            clip=section.get("clip"),
            span=section.get("span"),
            through=section.get("through"),
            needs=section.get("needs"),
            reach=int(section["reach"]) if "reach" in section else None,
            requires=frozenset(word.replace("_", " ") for word in section.get("requires", "").split()),
            examples=tuple(line.strip() for line in section.get("examples", "").splitlines()
                           if line.strip()),
            priority=priority,
        ))
    return tuple(compiled)


@dataclass
class Candidate:
    """A matched phrase with its under-specified value, before resolution."""

    start: int
    end: int
    rule: Rule
    value: str  # under-specified, e.g. UNDEF-tense-weekday-3
    mod: str | None
    clip: str | None
    span: str | None
    through: str | None = None  # the last day or month of a range: "day-07", "month-03"


# ------------------------------------------------------------ normalisers

def _int_in(low: int, high: int, width: int):
    def normalise(text: str) -> str:
        number = int(text)
        if not low <= number <= high:
            raise ValueError(f"{number} out of range")
        return f"{number:0{width}d}"
    return normalise


def _year(text: str) -> str:
    if text[-1].isalpha():
        return _spoken_year(text)
    digits = text.lstrip("'")
    if len(digits) == 2:  # '98 -> 1998, '05 -> 2005
        return ("19" if int(digits) >= 30 else "20") + digits
    return digits


def _spoken_year(text: str) -> str:
    """A year said aloud: "nineteen ninety-six" 1996, "eighteen hundred" 1800,
    "nineteen oh five" 1905, "the year two thousand and one" 2001."""
    number = word_tables()["number"].normalise
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("the", "year", "and", "oh")]
    if words[:2] == ["two", "thousand"]:
        return str(2000 + sum(int(number(w)[0]) for w in words[2:]))
    rest = 0 if words[1:] == ["hundred"] else sum(int(number(w)[0]) for w in words[1:])
    return f"{number(words[0])[0]}{rest:02d}"


def _decade(text: str) -> str:
    digits = text.lstrip("'").rstrip("s")
    return _year(digits)[:3] if len(digits) == 2 else digits[:3]


#: An hour in words before the rest of a clock time: "five in the morning" (words/number.tsv reads it).
_HOUR_WORD = re.compile(r"^[a-z]+(?=\s)")


def _clock(text: str) -> str:
    text = _HOUR_WORD.sub(lambda m: _table("number")(m.group()), text.lower())
    text = re.sub(r"[\s.]|o['\u2019]clock", "", text)
    if text in ("noon", "midday"):
        return "12:00"
    if text == "midnight":  # "midnight Friday" ends Friday: ISO 8601's 24:00, the next day's 00:00
        return "24:00"
    match = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?(am|pm|inthemorning|inthe(?:afternoon|evening)|atnight)?", text)
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half and half.startswith(("inthe", "at")):  # "4 in the morning", "11 at night"
        half = "am" if half == "inthemorning" or (half == "atnight" and hour < 5) else "pm"
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise ValueError("not a time of day")
    return f"{hour:02d}:{minute:02d}"


def _clock_after_noon(text: str) -> str:
    """A clock time said of an afternoon, evening or night ("6 o'clock tomorrow evening"): p.m."""
    hour, minute = _clock(text).split(":")
    return f"{int(hour) + 12 if int(hour) < 12 else int(hour):02d}:{minute}"


_SHARED_MERIDIEM = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s+\D+?(\d{1,2})(?:[:.]\d{2})?\s*([ap])\.?m\.?", re.IGNORECASE)


def _range_start(text: str) -> str:
    """The first time of "2 to 5 p.m.": its hour takes the second's a.m. or p.m.,
    unless it is later than the second ("11 to 1 p.m.": 11 a.m.)."""
    hour, minute, end_hour, half = _SHARED_MERIDIEM.fullmatch(text).groups()
    if half.lower() == "p" and (int(hour) > int(end_hour) or int(end_hour) == 12) and int(hour) != 12:
        half = "a"
    return _clock(f"{hour}:{minute or '00'}{half}m")


def _year_span(text: str) -> str:
    """"2025-26": the year a span of two consecutive years starts in; any other
    pair ("2020-25") is a range of years, not this."""
    first, second = re.split(r"[-/\u2013]", text)
    if (int(first) + 1) % 100 != int(second):
        raise ValueError("not two consecutive years")
    return first


_MINUTES_IN_WORDS = {"quarter": 15, "half": 30, "five": 5, "ten": 10, "twenty": 20, "twenty-five": 25}


def _clock_in_words(text: str) -> str:
    """"half past eight" 08:30, "a quarter past nine" 09:15: the hour as said
    (a.m. unless the text says otherwise)."""
    words = text.lower().split()
    at = words.index("past")
    minutes, hour = _MINUTES_IN_WORDS[words[at - 1]], words[at + 1]
    hour = int(hour) if hour.isdigit() else int(_table("number")(hour))
    if not 1 <= hour <= 12:
        raise ValueError("not an hour")
    half = " ".join(words[at + 2:])
    if (half in ("in the afternoon", "in the evening") or (half == "at night" and hour >= 5)) and hour < 12:
        hour += 12
    return f"{hour:02d}:{minutes:02d}"


def _table(name: str, column: int = 0):
    return lambda text: word_tables()[name].normalise(text)[column]


NORMALISERS = {
    "month": _table("month"),
    "month_n": _int_in(1, 12, 2),
    "month_q": lambda text: str((int(_table("month")(text)) - 1) // 3 + 1),  # its quarter
    "qn": _int_in(1, 4, 1),
    "day": _int_in(1, 31, 2),
    "year": _year,
    "span": _year_span,
    "spanend": _year,
    "decade": _decade,
    "decade_word": _table("decade_word"),
    "century": lambda text: f"{int(_table('ordinal')(text)) - 1:02d}",
    # "the third Sunday of November": N (or L for the last) and the weekday's code, as words/holiday.tsv writes them
    "nth": lambda text: "L" if text.lower() in ("last", "final") else _table("ordinal")(text),
    "wdcode": lambda text: ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[int(_table("weekday")(text)) - 1],
    # the middle day of the Nth seven days of a month ("the second week of May": the 11th); of its last, the 28th
    "weekmid": lambda text: "28" if text.lower() in ("last", "final") else f"{7 * int(_table('ordinal')(text)) - 3:02d}",
    "weekday": _table("weekday"),
    "num": _table("number"),
    "ord": _table("ordinal"),
    "unit": _table("unit"),
    "season": _table("season"),
    "part": _table("part_of_day"),
    "mod": _table("modifier"),
    "approx": _table("modifier"),
    "relday": _table("relative_day"),
    "vague": lambda text: text.lower(),
    "set": _table("set"),
    "dir": _table("direction"),
    "clip": _table("direction"),
    "holiday": _table("holiday"),
    "historic": _table("historic_day"),
    "clock": _clock,
    "clockpm": _clock_after_noon,
    "clock_words": _clock_in_words,
    "quarters": lambda text: "45" if text.lower() == "three" else "15",  # of an hour, in minutes
    "opening": _range_start,
    "fiscal": lambda text: "",
    "fiscal_year": lambda text: "",
    "t": lambda text: text,
}

_PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)(?:([?|])([^}]*))?\}")


def _fill(template: str, groups: dict[str, str | None]) -> str:
    def substitute(match: re.Match) -> str:
        name, op, arg = match.groups()
        value = groups.get(name)
        if op == "?":
            return f"{arg}{value}" if value is not None else ""
        if op == "|":
            return value if value is not None else arg
        if value is None:
            raise ValueError(f"template needs group {name}")
        return value

    return _PLACEHOLDER.sub(substitute, template)


def _normalise_groups(match: re.Match) -> dict[str, str | None]:
    groups = {}
    for name, text in match.groupdict().items():
        if text is None:
            groups[name] = None
            continue
        key = name.rstrip("0123456789")
        normalise = NORMALISERS.get(key)
        if normalise is None:
            raise KeyError(f"rules.ini: no normaliser for group {name}")
        groups[name] = normalise(text)
    return groups


def _fields(rule: Rule, match: re.Match) -> tuple[str, str | None, str | None, str | None, str | None] | None:
    """A match's (value, mod, clip, span, through), None when it is no date after all."""
    try:
        groups = _normalise_groups(match)
        value = _fill(rule.value, groups)
        mod = _fill(rule.mod, groups) or None if rule.mod else None
        clip = _fill(rule.clip, groups) if rule.clip else None
        span = _fill(rule.span, groups) if rule.span else None
        through = _fill(rule.through, groups) if rule.through else None
    except (ValueError, KeyError):
        return None  # e.g. month 13, day 32: not a date after all
    return value, mod, clip, span, through


#: _fields of (rule, the match's group texts): news repeats its phrases
#: ("last week", "Monday", "2019"), and the fields depend on nothing else.
#: Bounded like _HITS_OF_WORD.
_FIELDS_OF_MATCH: dict[tuple, tuple | None] = {}


def _candidate(rule: Rule, match: re.Match) -> Candidate | None:
    key = (rule.priority, match.groups())
    memo = _FIELDS_OF_MATCH
    if key in memo:
        fields = memo[key]
    else:
        if len(memo) > MAX_MEMO:
            memo.clear()
        fields = memo[key] = _fields(rule, match)
    if fields is None:
        return None
    start, end = match.span("t") if "t" in rule.regex.groupindex and match.group("t") is not None else match.span()
    return Candidate(start, end, rule, *fields)


#: Every temporal phrase contains a word of one of these tables or a digit
#: (words/other.tsv lists the few trigger words no other table has), so the
#: rules only run near such words: one scan finds them, then each rule scans
#: the short windows that hold a word of a kind its pattern can contain,
#: instead of the whole text.
TRIGGER_TABLES = ("month", "weekday", "unit", "season", "part_of_day", "relative_day",
                  "vague", "set", "holiday", "other")
#: Characters a phrase reaches before and after its trigger word. Phrases lead
#: up to their trigger ("more than two and a half years") more than they go on
#: past it ("January 23, 2026": the year is a trigger of its own).
WINDOW_BEFORE, WINDOW_AFTER = 24, 12
#: Triggers whose phrases reach further back: "11:52 p.m. local time on Friday".
WINDOW_BEFORE_OF = {"weekday": 36}


@cache
def _rule_kinds() -> dict[str, frozenset[str]]:
    """The trigger kinds each rule's matches can contain (a superset is safe)."""
    kinds = {}
    for rule in rules():
        if rule.needs:
            kinds[rule.name] = frozenset([rule.needs])
            continue
        tables = set(re.findall(r"%([a-z_]+)", rule.source))
        literal = re.sub(r"%[a-z_]+", " ", rule.source).replace("\\d", "0")
        found = {kind for _, _, kind in trigger_hits(literal, 0, len(literal))}
        found |= {"month" if name == "month_name" else name for name in tables}
        kinds[rule.name] = frozenset(found & (set(TRIGGER_TABLES) | {"digit", "year"}))
    return kinds


@cache
def _rules_by_kinds() -> tuple[tuple[frozenset[str], int, tuple[Rule, ...], tuple[str, ...]], ...]:
    """The rules grouped by the trigger kinds they run near, so each group's
    regions are found once per text; with each group, how far its regions
    reach back and all its rules' ``requires`` words, looked for once per region."""
    groups: dict[tuple[frozenset[str], int], list[Rule]] = {}
    for rule in rules():
        kinds = _rule_kinds()[rule.name]
        before = rule.reach or max(WINDOW_BEFORE_OF.get(kind, WINDOW_BEFORE) for kind in kinds)
        groups.setdefault((kinds, before), []).append(rule)
    return tuple((kinds, before, tuple(group), tuple(sorted(set().union(*(r.requires for r in group)))))
                 for (kinds, before), group in groups.items())


_TOKEN = re.compile(r"\d+|[A-Za-z]+\.?")


def _trigger_entries() -> list[tuple[str, bool]]:
    """Every trigger word's regex, and whether it is case-sensitive."""
    tables = word_tables()
    entries = [(pattern, tables[name].case_sensitive)
               for name in TRIGGER_TABLES for pattern, _ in tables[name].entries]
    return entries


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` (compiled case-sensitive) can start
    with, or None when any can or the pattern is beyond this reading: a
    pattern is then tried only where its first character can be."""
    try:
        parsed = _sre_parser.parse(pattern)
    except (re.error, AttributeError):
        return None
    found, nullable = _first_of(list(parsed))
    return None if found is None or nullable else frozenset(found)


def _first_of(items: list) -> tuple[set[str] | None, bool]:
    """(first characters or None for any, whether it can match empty) of a parsed sequence."""
    found: set[str] = set()
    for op, arg in items:
        first, nullable = _first_of_item(op, arg)
        if first is None:
            return None, False
        found |= first
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op, arg) -> tuple[set[str] | None, bool]:
    if op is _sre.LITERAL:
        return {chr(arg)}, False
    if op is _sre.IN:
        chars = set()
        for kind, value in arg:
            if kind is _sre.LITERAL:
                chars.add(chr(value))
            elif kind is _sre.RANGE and value[1] - value[0] < 256:
                chars |= {chr(c) for c in range(value[0], value[1] + 1)}
            else:
                return None, False
        return chars, False
    if op is _sre.SUBPATTERN:
        return _first_of(list(arg[3])) if not arg[1] and not arg[2] else (None, False)  # no inline flags
    if op is _sre.BRANCH:
        found, nullable = set(), False
        for alternative in arg[1]:
            first, empty = _first_of(list(alternative))
            if first is None:
                return None, False
            found |= first
            nullable |= empty
        return found, nullable
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        first, empty = _first_of(list(arg[2]))
        return (None, False) if first is None else (first, arg[0] == 0 or empty)
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return set(), True  # zero-width: the next item starts the match
    return None, False


@cache
def _trigger_pattern_by_letter() -> dict[str, re.Pattern]:
    """A whole-word pattern of all trigger words, one per first letter holding
    only the entries that can start with it: a word is tried against a few
    alternatives instead of all of them. Key "" holds them all."""
    def first_letter(pattern: str) -> str | None:
        starts_plain = pattern[:1].isascii() and pattern[:1].isalpha()
        return pattern[0].lower() if starts_plain and pattern[1:2] not in ("?", "*", "{") else None

    def compiled(entries: list[tuple[str, bool]]) -> re.Pattern:
        body = "|".join(f"(?-i:{p})" if case else p for p, case in entries)
        return re.compile(rf"(?:{body})\.?", re.IGNORECASE)

    entries = _trigger_entries()
    anywhere = [e for e in entries if first_letter(e[0]) is None]
    by_letter = {"": compiled(entries)}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        # a case-insensitive entry may start with either case of its letter
        mine = [e for e in entries if first_letter(e[0]) == letter]
        if mine or anywhere:
            by_letter[letter] = compiled(mine + anywhere)
    return by_letter


@cache
def _last_word_kinds() -> dict[str, frozenset[str]]:
    """Kinds of the words that end multi-word entries ("the past" -> past: vague,
    "Labor Day" -> day: holiday, "Eid al-Fitr" -> fitr), which the whole-word
    pattern cannot see."""
    kinds: dict[str, set[str]] = {}
    for name in TRIGGER_TABLES:
        for entry, _ in word_tables()[name].entries:
            parts = re.split(r"\\s\+|\s|-", entry)  # "Eid\s+al-Fitr": "Fitr", a word of its own
            word = re.sub(r"[^A-Za-z']", "", parts[-1]).lower()
            if len(parts) > 1 and word:
                kinds.setdefault(word, set()).add(name)
    return {word: frozenset(found) for word, found in kinds.items()}


@lru_cache(maxsize=1 << 16)
def _classify(token: str) -> tuple[str, ...]:
    if token[0].isdigit():  # four digits are also a year's: the year rules skip amounts and counts
        return ("digit", "year") if len(token) == 4 else ("digit",)
    kinds = set()
    by_letter = _trigger_pattern_by_letter()
    first = token[0].lower() if token[0].isascii() else ""
    pattern = by_letter.get(first) if first.isalpha() else by_letter[""]
    if pattern and pattern.fullmatch(token):  # one pass rejects most words; then each table
        kinds = {name for name, regex in _kind_patterns().items() if regex.fullmatch(token)}
    kinds |= _last_word_kinds().get(token.rstrip(".").lower(), frozenset())
    return tuple(sorted(kinds))


@cache
def _kind_patterns() -> dict[str, re.Pattern]:
    """Each trigger kind's own whole-word pattern: a word may be of several
    ("weekends" is a unit and a set)."""
    tables = word_tables()
    patterns = {name: tables[name].alternation for name in TRIGGER_TABLES}
    return {name: re.compile(rf"{pattern}\.?", re.IGNORECASE) for name, pattern in patterns.items()}


#: Trigger hits of each whitespace-separated word, as (start, end, kind) inside
#: the word: news reuses its words, so most are looked up, not scanned. Bounded:
#: cleared when it outgrows MAX_MEMO words.
_HITS_OF_WORD: dict[str, tuple[tuple[int, int, str], ...]] = {}
MAX_MEMO = 200_000
#: Characters split into words at once: a 50 MB text is not held as one list of words.
BLOCK = 1 << 20
_SPACE = re.compile(r"\s")


def _word_hits(word: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((token.start(), token.end(), kind)
                 for token in _TOKEN.finditer(word) for kind in _classify(token[0]))


def _block_hits(block: str, offset: int) -> list[tuple[int, int, str]]:
    """Hits in ``block`` (which starts at ``offset``): ``str.split`` and dictionary
    lookups run in C; only the few words with hits are located in the text.

    A hit word is found by searching on from the last hit for its first
    occurrence bounded by whitespace: an equal word in between would have
    been a hit itself, so that occurrence is the word.
    """
    memo = _HITS_OF_WORD
    if len(memo) > MAX_MEMO:
        memo.clear()
    words = block.split()
    found = list(map(memo.get, words))
    if None in found:
        for word in set(words).difference(memo):
            memo[word] = _word_hits(word)
        found = list(map(memo.get, words))
    hits: list[tuple[int, int, str]] = []
    at, size_of_block = 0, len(block)
    for i in compress(range(len(words)), found):
        word = words[i]
        size = len(word)
        at = block.find(word, at)
        while (at and not block[at - 1].isspace()) or (
                at + size < size_of_block and not block[at + size].isspace()):
            at = block.find(word, at + 1)
        base = offset + at
        hits += [(base + s, base + e, kind) for s, e, kind in found[i]]
        at += size
    return hits


def trigger_hits(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every word that can be part of a temporal phrase.

    Words are the ``_TOKEN`` runs of letters or digits; none spans whitespace,
    so the text is cut into blocks at whitespace and each block into words.
    """
    hits: list[tuple[int, int, str]] = []
    while start < end:
        cut = _SPACE.search(text, min(end, start + BLOCK), end)
        stop = cut.start() if cut else end
        hits += _block_hits(text[start:stop], start)
        start = stop + 1 if cut else end
    return hits


#: The rest of the word at a region's right edge, and the word after it: a
#: region never cuts a word in two, and a rule's look-ahead ("2019 shares",
#: "nineteen ninety-nine dollars") sees the next word.
_EDGE_WORDS = re.compile(r"[\w'.-]*\s*[\w'.-]*")


def _regions(text: str, spans: list[tuple[int, int]], start: int, end: int,
             before: int = WINDOW_BEFORE) -> list[tuple[int, int]]:
    """Merged [from, to) stretches around the given trigger words (in text order)."""
    regions: list[list[int]] = []
    for hit_start, hit_end in spans:
        low, high = max(start, hit_start - before), min(end, hit_end + WINDOW_AFTER)
        if regions and low <= regions[-1][1]:
            regions[-1][1] = high
        else:
            regions.append([low, high])
    return [(low, _EDGE_WORDS.match(text, high, end).end()) for low, high in regions]


def find_candidates(text: str, start: int = 0, end: int | None = None) -> list[Candidate]:
    """Leftmost-longest non-overlapping rule matches in ``text[start:end]``."""
    end = len(text) if end is None else end
    found: list[Candidate] = []
    spans_of_kind: dict[str, list[tuple[int, int]]] = {}
    for hit_start, hit_end, kind in trigger_hits(text, start, end):
        spans_of_kind.setdefault(kind, []).append((hit_start, hit_end))
    for kinds, before, group, words in _rules_by_kinds():
        if len(kinds) == 1:
            spans = spans_of_kind.get(next(iter(kinds)))  # in text order already
        else:
            spans = sorted(span for kind in kinds for span in spans_of_kind.get(kind, ()))
        if not spans:
            continue
        regions = _regions(text, spans, start, end, before)
        lowered_regions = [text[low:high].lower() for low, high in regions]  # for the rules' cheap pre-checks
        if len(regions) > 1:  # one look over all the regions leaves the few words worth looking for in each
            joined = "\0".join(lowered_regions)
            words = [word for word in words if word in joined]
        for (low, high), lowered in zip(regions, lowered_regions):
            present = {word for word in words if word in lowered}
            for rule in group:
                if rule.requires and rule.requires.isdisjoint(present):
                    continue
                for match in rule.regex.finditer(text, low, high):
                    candidate = _candidate(rule, match)
                    if candidate is not None and candidate.end > candidate.start:
                        found.append(candidate)
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.rule.priority))
    chosen: list[Candidate] = []
    for candidate in found:
        if chosen and candidate.start < chosen[-1].end:
            continue
        chosen.append(candidate)
    return [c for c in chosen if c.rule.type != "NONE"]  # "the Sunday Times": no date, nor its "Sunday"
