"""Actors: people, organisations and countries, one canonical id across a corpus.

Two steps. ``find_mentions`` reads one parsed article and lists every way it
names an actor: named entities (titles stripped into a description),
nationality adjectives that name the state's side ("Iranian officials" ->
Iran), bracketed names ("He [Khamenei]"), pronouns with one clear antecedent,
and definite descriptions ("the regime" -> the country last named with that
noun). ``resolve_actors`` then merges the mentions of the whole corpus: the
alias table first, then case, possessives and "the", acronym <-> expansion,
surname <-> full name, given-name forms ("Tim Cook" = "Timothy D. Cook"),
plural <-> singular ("iPhones"), and sub-organisations ("Intelligence Organization of
the IRGC") with their parent.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LOWER, ORTH, TAG
from spacy.tokens import Doc, Span, Token

from . import lexicon
from .model import Actor, ActorMention

ALIASES_PATH = lexicon.DATA_DIR / "aliases.csv"
ACTOR_TYPES = ("PERSON", "ORG", "GPE")
#: spaCy labels read as actors, and the actor type each becomes.
ENTITY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE"}
#: Plural members' names that name a party, which the model calls a nationality or group (NORP).
PARTY_MEMBERS = frozenset(("democrats", "republicans", "conservatives", "socialists", "liberals", "greens",
                           "communists", "tories", "nationalists", "unionists", "christian-democrats"))
MALE_FEMALE = {"he", "him", "his", "she", "her", "hers"}
NEUTER = {"it", "its"}
#: Stripped from a name like any title, but no description: "Ms." says nothing of a role.
COURTESY_TITLES = {"mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms"}
FUNCTION_WORDS = {"of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "to", "&"}
SUBJECTS = {"nsubj", "nsubjpass"}


# ---------------------------------------------------------------- alias table

@lru_cache(maxsize=1 << 16)  # the merge looks up every mention's name, most of them many times
def normalize(name: str) -> str:
    """Merge key of a name: case, curly quotes, "the", possessive, brackets and hyphens between letters ignored."""
    text = name.replace("\u2019", "'").replace("\u00a0", " ")
    text = re.sub(r"[\[\]()\"\u201c\u201d]", " ", text)
    text = re.sub(r"'s?(\s|$)", r"\1", text.strip())
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"(?<=[^\W\d])-(?=[^\W\d])", " ", text)  # "Dar-es-Salaam" = "Dar es Salaam"
    return re.sub(r"\s+", " ", text).strip().casefold()


def slug(name: str) -> str:
    """Stable id of a canonical name: "Ali Khamenei" -> "ali-khamenei"."""
    return re.sub(r"[^a-z0-9]+", "-", normalize(name)).strip("-") or "actor"


@dataclass(frozen=True)
class AliasEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    description: str = ""

    @property
    def key(self) -> str:
        return slug(self.name)


@dataclass(frozen=True)
class AliasTable:
    entries: tuple[AliasEntry, ...] = ()
    index: dict[str, AliasEntry] = field(default_factory=dict, compare=False)
    signature: str = ""

    def lookup(self, name: str) -> AliasEntry | None:
        return self.index.get(normalize(name))


def parse_alias_rows(rows: list[tuple[int, dict]], where: str) -> tuple[AliasEntry, ...]:
    """Alias entries from CSV rows, with a one-line error naming the bad line."""
    entries = []
    for number, row in rows:
        name, kind = row.get("name", ""), row.get("type", "").upper()
        if not name:
            raise ValueError(f"{where}:{number}: empty name")
        if kind not in ACTOR_TYPES:
            raise ValueError(f"{where}:{number}: type {row.get('type')!r} is not one of {', '.join(ACTOR_TYPES)}")
        aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
        entries.append(AliasEntry(name, kind, aliases, row.get("parent") or None, row.get("description", "")))
    names = {normalize(e.name) for e in entries}
    for number_entry, entry in zip(rows, entries):
        if entry.parent and normalize(entry.parent) not in names:
            raise ValueError(f"{where}:{number_entry[0]}: parent {entry.parent!r} is not a name in the table")
    return tuple(entries)


def build_alias_table(entries: tuple[AliasEntry, ...], signature: str = "") -> AliasTable:
    """Index every name and alias; an alias claimed by two actors is an error.

    A company's name without its legal form or trade word ("Holloway Brandt"
    for "Holloway Brandt Engineering") is indexed too, unless another row
    claims it or two rows share it."""
    index: dict[str, AliasEntry] = {}
    for entry in entries:
        for alias in (entry.name, *entry.aliases):
            key = normalize(alias)
            if key in index and index[key] is not entry:
                raise ValueError(f"alias {alias!r} names both {index[key].name!r} and {entry.name!r}")
            index[key] = entry
    shortened: dict[str, set[AliasEntry]] = defaultdict(set)
    for entry in entries:
        for alias in (entry.name, *entry.aliases):
            shortened[normalize(without_legal_suffix(alias))].add(entry)
    for key, owners in shortened.items():
        if key not in index and len(owners) == 1:
            index[key] = next(iter(owners))
    return AliasTable(entries, index, signature)


def load_alias_table(path: Path = ALIASES_PATH) -> AliasTable:
    """The alias table as it is on disk now (so user edits count on the next run)."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ValueError(f"{path}: cannot read alias table: {err.strerror or err}") from None
    entries = parse_alias_rows(lexicon.read_rows(path), str(path))
    return build_alias_table(entries, hashlib.sha256(raw).hexdigest())


# ---------------------------------------------------------------- token columns

@dataclass(frozen=True)
class Columns:
    """Token attributes of a parsed document as plain lists, index = token index.

    Each ``doc[i]``, ``token.head`` or walk over ``doc`` builds a new Token
    object, and reading ``token.lower_`` then looks the string up: a scan of
    every token of every article (for pronouns, demonyms, brackets, verbs)
    cost more that way than all the work on what it found. ``columns`` reads
    these attributes for the whole document with one ``Doc.to_array`` call;
    the scans pick their few candidate tokens from the lists and build Token
    objects for those only.
    """

    head: list[int]  # index of the token's head (its own index for a root)
    dep: list[str]  # token.dep_
    tag: list[str]  # token.tag_
    lower: list[str]  # token.lower_
    text: list[str]  # token.text
    ent_type: list[str]  # token.ent_type_
    children: list[list[int]]  # [c.i for c in token.children]


COLUMNS_KEY = "dashboard_columns"
#: String of each hash the columns met, for every document: a dict lookup is a
#: third of a ``StringStore`` lookup, and hashes are the same in every Vocab.
_STRINGS: dict[int, str] = {}


def strings_of(hashes: list[int], doc: Doc) -> list[str]:
    """The strings of ``hashes`` (from ``doc.to_array``)."""
    try:
        return list(map(_STRINGS.__getitem__, hashes))
    except KeyError:
        strings = doc.vocab.strings
        _STRINGS.update((h, strings[h]) for h in set(hashes).difference(_STRINGS))
        return list(map(_STRINGS.__getitem__, hashes))


def columns(doc: Doc) -> Columns:
    """The token columns of ``doc``, read once per parsed document (kept in ``doc.user_data``)."""
    cached = doc.user_data.get(COLUMNS_KEY)
    if cached is not None and len(cached.head) == len(doc):
        return cached
    n = len(doc)
    if n == 0:
        cached = Columns([], [], [], [], [], [], [])
    else:
        array = doc.to_array([HEAD, DEP, TAG, LOWER, ORTH, ENT_TYPE])
        heads = (array[:, 0].astype("int64") + numpy.arange(n)).tolist()  # HEAD is relative, unsigned
        children: list[list[int]] = [[] for _ in range(n)]
        for i, head in enumerate(heads):
            if head != i:
                children[head].append(i)
        cached = Columns(heads, *(strings_of(hashes, doc) for hashes in array[:, 1:].T.tolist()), children)
    doc.user_data[COLUMNS_KEY] = cached
    return cached


# ---------------------------------------------------------------- mentions

@dataclass
class Mention:
    """One way an article names an actor, before merging."""

    article_id: str
    text: str  # as written: "He [Khamenei]", "IRGC", "the regime"
    start: int  # character offsets into the article text
    end: int
    token_start: int  # token span in the article's Doc
    token_end: int
    type: str  # PERSON, ORG, GPE
    name: str  # the name it gives, titles and "the" stripped: "Ali Khamenei"
    description: str = ""
    kind: str = "name"  # name | demonym | bracket | pronoun | definite
    refers_to: int | None = None  # index of the antecedent mention in the same article
    parent_name: str | None = None  # "IRGC" for "Intelligence Organization of the IRGC"
    unit: str | None = None  # "Intelligence Organization" for the same
    state_noun: str | None = None  # "regime" for "Iranian regime", "Iran's regime"
    variants: tuple[str, ...] = ()  # other written forms for the alias list: "Iranian regime"
    gender: str = ""  # "m" or "f" where a title or given name says so (data/gendered_titles.csv, given_name_genders.csv)


def strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words): leading titles from data/titles.txt peeled off."""
    titles = lexicon.phrases("titles")
    stripped: list[str] = []
    while len(words) > 1:
        lowered = [w.lower() for w in words]
        match = next((t for t in titles if len(t) < len(words) and tuple(lowered[:len(t)]) == t), None)
        if not match:
            break
        stripped += words[:len(match)]
        words = words[len(match):]
    return stripped, words


ROMAN_NUMERAL = re.compile(r"[IVX]+")


def regnal_title_length(before: list[str], words: list[str]) -> int:
    """Words of a monarch's or pope's title ending ``before`` when ``words`` is
    only a given name ("King" + "Hussein", "Abdullah II"), else 0: such a name
    names the person only with its title (data/regnal_titles.txt)."""
    if not (len(words) == 1 or (len(words) == 2 and ROMAN_NUMERAL.fullmatch(words[1]))):
        return 0
    lowered = tuple(w.lower() for w in before)
    return next((len(t) for t in lexicon.phrases("regnal_titles") if len(t) <= len(lowered) and lowered[-len(t):] == t), 0)


def modifier_prefix(span: Span) -> Span | None:
    """Words right before a name that modify it: capitalised ones ("Iranian
    Supreme Leader") and common nouns of a role ("striker", "Sporting
    president", "PF spokesman"). A name it reaches into comes whole
    ("Redmere Athletic striker"), without its "the"."""
    doc, start = span.doc, span.start
    while start > 0:
        token = doc[start - 1]
        role_noun = token.is_lower and token.tag_ == "NN" and token.dep_ == "compound"
        if token.ent_type_ == "PERSON" or not (token.is_title or token.is_upper or role_noun):
            break
        if token.dep_ not in ("compound", "amod", "nmod") or not start <= token.head.i < span.end:
            break
        start -= 1
    while start < span.start and doc[start].ent_iob_ == "I":  # the model's name cut in two: all of it
        start -= 1
    if start < span.start and doc[start].lower_ == "the":
        start += 1
    return doc[start:span.start] if start < span.start else None


NOUN_COUNTS_KEY = "dashboard_lower_noun_counts"


def lower_noun_counts(doc: Doc) -> Counter:
    """How often each lower-case noun occurs in the article (computed once per document)."""
    counts = doc.user_data.get(NOUN_COUNTS_KEY)
    if counts is None:
        cols = columns(doc)
        counts = doc.user_data[NOUN_COUNTS_KEY] = Counter(
            text for text, tag in zip(cols.text, cols.tag) if tag in ("NN", "NNS") and text.islower())
    return counts


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(w for title in lexicon.phrases("titles") for w in title)


#: Nouns an appositive name can follow that say nothing of a role: "a man, John Smith".
NO_ROLE_NOUNS = frozenset(("man", "woman", "men", "women", "people", "person", "persons", "boy", "girl",
                           "child", "children", "one", "others"))


def appositive(span: Span) -> str:
    """The role a person's appositive gives: after the name ("Priya Nair, a
    research analyst at ..."), or before it, the name in apposition to it
    ("its finance director, Nadia Rahman", "Vietnam's prime minister, Tran Van Hieu")."""
    for child in span.root.children:
        if child.dep_ == "appos" and child.ent_type_ == "":
            words = [t for t in child.subtree if not t.is_punct or t.text == "-"]
            return _role_text(span.doc[words[0].i:words[-1].i + 1].text if words else "")
    head = span.root.head
    if (span.root.dep_ == "appos" and head.i < span.start and head.ent_type_ == "" and head.tag_ in ("NN", "NNS")
            and head.lower_ not in NO_ROLE_NOUNS and not any(t.like_num for t in head.lefts)):
        words = [t for t in head.subtree if t.i < span.start and (not t.is_punct or t.text == "-")]
        words = words[1:] if words and words[0].tag_ == "PRP$" else words  # "its finance director": no "its"
        return _role_text(span.doc[words[0].i:words[-1].i + 1].text if words else "")
    return ""


def _role_text(text: str) -> str:
    if text.count("(") > text.count(")"):  # "... Works Agency (UNRWA": the bracket is cut
        text = text[:text.rfind("(")].rstrip()
    return re.sub(r"^(a|an|the)\s+", "", text, flags=re.IGNORECASE)[:100]


def trim_span(span: Span) -> Span:
    """A name span without a leading article or a trailing possessive.

    A capitalised "The" inside a sentence is part of the name ("told The Telegraph").
    """
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ in ("the", "a", "an") and (
            span.doc[start].is_lower or span.doc[start].is_sent_start):
        start += 1
    while end > start + 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def without_leading_participle(span: Span) -> Span:
    """"Helmut Kohl" of "Chanting Helmut Kohl": a sentence's first word, a
    participle, that the model ran into the name after it."""
    first = span.doc[span.start]
    if len(span) > 1 and first.tag_ in ("VBG", "VBN") and first.is_sent_start:
        return span.doc[span.start + 1:span.end]
    return span


def without_trailing_demonym(span: Span) -> Span:
    """"Elian" of "grant Elian American citizenship": the model runs a person's
    name into a nationality adjective that modifies the noun after it."""
    doc, last = span.doc, span.end - 1
    if (last > span.start and doc[last].lower_ in lexicon.pairs("demonyms", "demonym", "country")
            and span.end < len(doc) and doc[span.end].is_lower and doc[span.end].tag_ in ("NN", "NNS")):
        return doc[span.start:last]
    return span


#: Heads of a "X of <place>" name that make it an organ of that place's state ("Ministry of Defence
#: of Ukraine", "the Media Office of the Northern Alliance"); other such names ("Bank of America",
#: "University of Pennsylvania") are the place's only by name. An owner that is an organisation's
#: name (an acronym, or ending in a word of data/organisation_heads.txt) owns any unit.
STATE_ORGANS = frozenset(("ministry", "department", "government", "parliament", "army", "navy", "police",
                          "court", "agency", "office", "embassy", "consulate", "senate", "assembly",
                          "forces", "force", "guard", "cabinet", "presidency", "administration", "service"))


def split_unit(span: Span) -> tuple[str | None, str | None]:
    """(owner, unit) of "Intelligence Organization of the IRGC" or "IRGC's
    Intelligence Organization"; a unit's name ends in an organisation's head
    word (not "the agency's Hugin lunar lander", a thing it owns)."""
    owner = next((c for c in span.root.children if c.dep_ == "poss" and c.ent_type_ == "ORG"), None)
    head = name_head(span.text)
    is_unit = head in STATE_ORGANS or head in lexicon.forms("organisation_heads")
    if owner is not None and owner.i < span.start and is_unit:
        return trim_span(entity_span(owner)).text, span.text
    tokens = list(span)
    for i, token in enumerate(tokens):
        if token.tag_ == "POS" and 0 < i < len(tokens) - 1 and is_unit:
            return span.doc[span.start:token.i].text, span.doc[token.i + 1:span.end].text
    for i, token in enumerate(tokens):
        if token.lower_ == "of" and 0 < i < len(tokens) - 1:
            owner = trim_span(span.doc[token.i + 1:span.end])
            unit = span.doc[span.start:token.i]
            organisation = is_acronym(owner.text) or owner[-1].lower_ in lexicon.forms("organisation_heads")
            if not organisation and unit[-1].lower_ not in STATE_ORGANS:
                return None, None  # "Maritime Union of Australia", "University of Pennsylvania": not the place's
            return owner.text, unit.text
    return None, None


def entity_span(token: Token) -> Span:
    """The whole entity a token is part of."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def entity_mention(span: Span, kind: str, article_id: str, offset: int) -> Mention | None:
    """A name mention of an entity span, titles moved to the description."""
    span = trim_span(span)
    if kind == "PERSON":
        span = without_trailing_demonym(without_leading_participle(span))
    words = span.text.split()
    description = []
    prefix = modifier_prefix(span) if kind == "PERSON" else None
    gender = title_gender((prefix.text.split() if prefix is not None else []) + words) if kind == "PERSON" else ""
    if prefix is not None:
        before = prefix.text.split()
        regnal = regnal_title_length(before, words)
        if regnal:  # "Jordanian King" + "Hussein": "King Hussein", described "Jordanian"
            words, before = before[-regnal:] + words, before[:-regnal]
        if before and " ".join(before).lower() not in COURTESY_TITLES:
            description.append(" ".join(before))
    if kind == "PERSON":
        titles, words = strip_titles(words)
        honours = []
        while (len(words) > 2 and words[-1][:1].isupper()
               and words[-1].rstrip(",.").lower() in lexicon.forms("post_nominals")):
            honours.insert(0, words.pop().rstrip(","))  # "Jonathan Pell QC": Jonathan Pell, a QC
        if len(words) > 1 and is_role_noun(words[0], span.doc):
            titles, words = titles + words[:1], words[1:]  # "Sprinter Okoye banned": a role, not a given name
        regnal = regnal_title_length(titles, words)
        if regnal:
            words, titles = titles[-regnal:] + words, titles[:-regnal]
        titles = [t for t in titles if t.lower() not in COURTESY_TITLES] + honours
        if titles:
            description.append(" ".join(titles))
        role = appositive(span)
        if role:
            description.append(role)
    name = " ".join(words)
    if not any(c.isalpha() for c in name) or is_not_actor(name):
        return None
    if kind == "PERSON" and len(span) == 1 and span[0].is_sent_start and is_role_noun(span.text, span.doc):
        return None  # "Schools had been due to reopen" with "schools" below: a common noun, no person
    if (kind == "ORG" and len(span) == 1 and span.end < len(span.doc) and is_role_noun(span.text, span.doc)
            and span.doc[span.end].lower_ in title_words()):
        return None  # "Health Minister Grace Mwanza" with "health ministries" below: part of her title
    if kind == "PERSON" and not gender and len(words) > 1:  # "Justin Trudeau": no "she"
        gender = lexicon.pairs("given_name_genders", "name", "gender").get(words[0].lower(), "")
    if kind == "GPE":  # the model sometimes calls a nationality adjective a place: "Kuwaiti" -> Kuwait
        name = lexicon.pairs("demonyms", "demonym", "country").get(name.lower(), name)
        if capital_as_government(span, kind):  # "Moscow rejected it": the government, not the city
            name = lexicon.pairs("capitals", "capital", "country").get(name.lower(), name)
    owner, unit = split_unit(span) if kind == "ORG" else (None, None)
    doc = span.doc
    possessor = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].tag_ == "POS" else None
    variants = []
    if owner and possessor is not None and possessor.ent_type_ == "ORG":  # "IRGC's Intelligence Organization"
        span, name = doc[trim_span(entity_span(possessor)).start:span.end], f"{owner} {unit}"
    elif possessor is not None and possessor.ent_type_ in ENTITY_TYPES:
        variants.append(doc[possessor.i:span.end].text)  # "Israel's channel 12"
    if prefix is not None:
        variants.append(doc[prefix.start:span.end].text)  # "US President Donald Trump"
    return Mention(article_id, span.text, span.start_char + offset, span.end_char + offset,
                   span.start, span.end, kind, name, ", ".join(description),
                   parent_name=owner, unit=unit, state_noun=governed_state_noun(span.root),
                   variants=tuple(variants), gender=gender)


def is_role_noun(word: str, doc: Doc) -> bool:
    """Whether the first word of a "name" is a common noun the article writes
    in lower case elsewhere ("Sprinter Okoye" in a headline, "the sprinter"
    below): a role before the name, as a title is. Not a given name of
    data/given_name_genders.csv or data/given_names.txt ("Will", "Mark")."""
    lowered = word.lower()
    return (word[:1].isupper() and lowered in lower_noun_counts(doc)
            and lowered not in lexicon.pairs("given_name_genders", "name", "gender")
            and lowered not in lexicon.forms("given_names"))


def title_gender(words: list[str]) -> str:
    """"m" or "f" if a title among the words before a name says so, else ""."""
    genders = lexicon.pairs("gendered_titles", "title", "gender")
    lowered = [w.lower() for w in words]
    for n in (2, 1):  # "Crown Prince" before "Prince"
        for i in range(len(lowered) - n + 1):
            found = genders.get(" ".join(lowered[i:i + n]))
            if found:
                return found
    return ""


#: A numbered road, phase or flight: "Highway 299", "Interstate 5", "I-5", "Phase 2", "NA 218", "MH17".
NUMBERED_THING = re.compile(r"(?i:highway|interstate|route|motorway|state\s+road|i-?|phase|flight)\s*\d+"
                            r"|[A-Z]{2}\s?\d{2,4}")


def is_not_actor(name: str) -> bool:
    """A currency, a time zone, a unit (data/not_actors.txt), a numbered road,
    phase or flight, or a bare title ("C.E.O.") the model took for a name."""
    plain = name.replace(".", "").lower()
    return (plain in lexicon.forms("not_actors") or tuple(plain.split()) in title_phrases()
            or NUMBERED_THING.fullmatch(name) is not None)


@lru_cache(maxsize=1)
def title_phrases() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.replace(".", "") for w in title) for title in lexicon.phrases("titles"))


def is_title_fragment(ent: Span) -> bool:
    """An entity that is only title words before a person ("Supreme" in "Supreme Leader X")."""
    words = {t.lower_ for t in ent}
    return ent.label_ != "PERSON" and words <= title_words() and any(
        t.ent_type_ == "PERSON" for t in ent.doc[ent.end:ent.end + 4])


def governed_state_noun(token: Token) -> str | None:
    """The state noun a country name or demonym modifies: "regime" in "Iran's
    regime"; "negotiators" for both of "Ukrainian and Russian negotiators";
    none when an "of" names its owner ("the Israeli office of Google")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if head.lower_ in ("state", "states") and (head.tag_ == "NNS" or any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another", "each", "every") for c in head.children)):
        return None  # "a western German state", "the German states": a region, not the country
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ in ENTITY_TYPES for g in c.children)
           for c in head.children):
        return None  # "the Israeli office of Google": Google's office; not "the Iranian minister of defence"
    if head.tag_ in ("NNP", "NNPS") and head.ent_type_ == "ORG":
        return None  # "Ireland's Data Privacy Authority": a named organisation, which "the authority" is
    if token.dep_ in ("poss", "amod", "compound", "nmod"):
        states = lexicon.forms("state_nouns")
        # "Chinese coast guard vessels": the state noun may be a compound of the head
        return states.get(head.lower_) or next((states[c.lower_] for c in head.children
                                                 if c.dep_ == "compound" and c.lower_ in states), None)
    return None


def demonym_mentions(doc: Doc, article_id: str, offset: int) -> list[Mention]:
    """Nationality adjectives that name the state's side: "Iranian officials" -> Iran."""
    demonyms = lexicon.pairs("demonyms", "demonym", "country")
    found = []
    for i, lower in enumerate(columns(doc).lower):
        if lower not in demonyms:
            continue
        token = doc[i]
        country = demonyms[lower] if token.is_title else None
        noun = governed_state_noun(token) if country else None
        if noun and token.ent_type_ not in ("PERSON", "ORG", "GPE"):  # a GPE is a name mention already
            phrase = token.doc[token.i:token.i + 2].text if token.head.i == token.i + 1 else token.text
            found.append(Mention(article_id, token.text, token.idx + offset,
                                 token.idx + len(token) + offset, token.i, token.i + 1,
                                 "GPE", country, kind="demonym", state_noun=noun, variants=(phrase,)))
    return found


def bracketed(mention: Mention, doc: Doc, offset: int) -> Mention:
    """'He [Khamenei]': the pronoun and brackets become part of the mention."""
    start, end = mention.token_start, mention.token_end
    if (start >= 2 and end < len(doc) and doc[start - 1].text == "["
            and doc[end].text == "]" and doc[start - 2].tag_ in ("PRP", "PRP$")):
        first, last = doc[start - 2], doc[end]
        mention.text = doc[first.i:last.i + 1].text
        mention.start, mention.end = first.idx + offset, last.idx + 1 + offset
        mention.token_start, mention.token_end = first.i, last.i + 1
        mention.kind = "bracket"
    return mention


def bracket_mentions(doc: Doc, names: list[Mention], article_id: str, offset: int) -> list[Mention]:
    """"He [Okafor]" where the model saw no name: an editor's bracket names the pronoun's referent."""
    covered = {i for m in names for i in range(m.token_start, m.token_end)}
    cols = columns(doc)
    found = []
    for i in range(1, len(doc) - 2):  # doc[1:-2]: a pronoun before, a name and "]" after
        if cols.text[i] != "[" or cols.lower[i - 1] not in MALE_FEMALE | NEUTER or i + 1 in covered:
            continue
        token, pronoun = doc[i], doc[i - 1]
        close = next((t for t in doc[token.i + 1:token.i + 6] if t.text == "]"), None)
        inside = doc[token.i + 1:close.i] if close is not None else None
        if inside and all(t.is_title or t.is_upper for t in inside):
            kind = "PERSON" if pronoun.lower_ in MALE_FEMALE else "ORG"
            found.append(Mention(article_id, doc[pronoun.i:close.i + 1].text, pronoun.idx + offset,
                                 close.idx + 1 + offset, pronoun.i, close.i + 1, kind, inside.text,
                                 kind="bracket"))
    return found


def surname_mentions(doc: Doc, names: list[Mention], article_id: str, offset: int) -> list[Mention]:
    """"Jobs welcomed everyone": the surname of a person the article names in full, where the model saw no name.

    Only a capitalised proper-noun token after the full name, outside any other
    name, and only when one person named in full in the article has that surname.
    """
    first_seen: dict[str, int] = {}
    people: dict[str, set[str]] = defaultdict(set)
    for m in names:
        words = without_generation(m.name.split())
        if m.type == "PERSON" and len(words) > 1 and words[-1][:1].isupper():
            people[words[-1]].add(m.name)
            first_seen[words[-1]] = min(first_seen.get(words[-1], m.token_start), m.token_start)
    if not people:
        return []
    covered = {i for m in names for i in range(m.token_start, m.token_end)}
    cols = columns(doc)
    found = []
    for i, word in enumerate(cols.text):
        full = people.get(word)
        if (full and len(full) == 1 and i not in covered and i > first_seen[word]
                and cols.tag[i] in ("NNP", "NNPS", "NNS") and cols.ent_type[i] not in ("ORG", "GPE")):
            token = doc[i]
            found.append(Mention(article_id, token.text, token.idx + offset, token.idx + len(token) + offset,
                                 token.i, token.i + 1, "PERSON", token.text))
    return found


#: How many sentences back a he/she looks for a person when the last two name none.
PRONOUN_LOOKBACK = 4


OPENING_QUOTES = frozenset(('"', "\u201c", "``"))
CLOSING_QUOTES = frozenset(('"', "\u201d", "''"))


def quotation_of(sent: Span) -> dict[int, int]:
    """Token index -> number of the quotation it lies inside (tokens outside
    quotes are absent). A straight quote opens or closes by turns."""
    cols = columns(sent.doc)
    found, current, number = {}, None, 0
    for i in range(sent.start, sent.end):
        text = cols.text[i]
        if current is None and text in OPENING_QUOTES:
            number += 1
            current = number
        elif current is not None and text in CLOSING_QUOTES:
            current = None
        elif current is not None:
            found[i] = current
    return found


def person_antecedent(pronoun: Token, mentions: list[Mention]) -> int | None:
    """The person a he/she refers to: the only one named in this or the previous sentence.

    When those two sentences name nobody, the window grows back sentence by
    sentence (up to PRONOUN_LOOKBACK) to the first that names someone; the
    pronoun resolves only if exactly one person is named from there on.
    "Jobs", "Steve" and "Steve Jobs" are one person when the article names
    only one Steve Jobs. A person a title gives the other gender ("Mr.",
    "Queen") is no candidate, nor, for a pronoun inside a quotation, the one
    its sentence names outside it (the speaker would say "I").
    """
    people = [i for i, m in enumerate(mentions)
              if m.type == "PERSON" and m.kind in ("name", "bracket") and m.token_start < pronoun.i]
    if not people:
        return None
    identity = person_identity([mentions[i] for i in people])
    other_gender = {"she": "m", "her": "m", "hers": "m", "he": "f", "him": "f", "his": "f"}[pronoun.lower_]
    ruled_out = {identity(mentions[i].name) for i in people if mentions[i].gender == other_gender}
    quoted = quotation_of(pronoun.sent)
    if pronoun.i in quoted:  # '"He is not our player yet," Emery said': not the speaker, who says "I"
        ruled_out |= {identity(mentions[i].name) for i in people
                      if pronoun.sent.start <= mentions[i].token_start < pronoun.sent.end
                      and mentions[i].token_start not in quoted}
    people = [i for i in people if identity(mentions[i].name) not in ruled_out]  # "she" is not Mr. Kopp
    if not people:
        return None
    sent = pronoun.sent
    for back in range(1, PRONOUN_LOOKBACK + 1):
        window_start = doc_sentence_start(sent, back=back)
        candidates = [i for i in people if window_start <= mentions[i].token_start]
        if candidates or window_start == 0:
            break
    persons = {identity(mentions[i].name) for i in candidates}
    return candidates[-1] if len(persons) == 1 else None


def person_identity(people: list[Mention]):
    """Name -> the surname it stands for: a full name its last word, a lone first name or
    surname that of the one full name that has it (as first or last word), else itself."""
    by_word: dict[str, set[str]] = defaultdict(set)
    for m in people:
        words = m.name.lower().split()
        if len(words) > 1:
            by_word[words[0]].add(words[-1])
            by_word[words[-1]].add(words[-1])

    def identity(name: str) -> str:
        words = name.lower().split()
        if len(words) > 1:
            return words[-1]
        fits = by_word.get(words[0], set()) if words else set()
        return next(iter(fits)) if len(fits) == 1 else name.lower()
    return identity


def doc_sentence_start(sent: Span, back: int) -> int:
    """Token index where the window of ``back`` previous sentences begins."""
    start = sent.start
    for _ in range(back):
        if start == 0:
            break
        start = sent.doc[start - 1].sent.start
    return start


def thing_antecedent(pronoun: Token, mentions: list[Mention], found: list[Mention] = ()) -> int | None:
    """What "it"/"its" refers to: the ORG or GPE subject of the nearest clause
    above it, named or a description resolved before it (``found``: "the
    commission said it would hire"), or the organisation its unnamed subject
    speaks for ("a spokesman for Greystone said it would vote against")."""
    by_token = {m.token_start: i for i, m in enumerate(mentions) if m.kind == "name"}
    described = {m.token_end - 1: m.refers_to for m in found if m.kind == "definite" and m.refers_to is not None}
    token = pronoun
    while token.head.i != token.i:
        token = token.head
        if not token.tag_.startswith("VB"):
            continue
        subjects = [c for c in token.children if c.dep_ in SUBJECTS and c.i != pronoun.i]
        if subjects and subjects[0].i > pronoun.i:
            return None  # "If it does, the National Assembly must vote again": it comes before, and is another
        if subjects:
            subject = subjects[0]
            if subject.i in described and mentions[described[subject.i]].type in ("ORG", "GPE"):
                return described[subject.i]  # "The commission said it would hire staff"
            for i in (by_token.get(t.i) for t in subject.subtree):
                if i is not None and mentions[i].type in ("ORG", "GPE") and mentions[i].token_end > subject.i >= mentions[i].token_start:
                    return i
            for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in AFFILIATIONS):
                for i in (by_token.get(g.i) for g in prep.subtree):  # "a spokesman for Greystone said it"
                    if i is not None and mentions[i].type == "ORG":
                        return i
            return None
    return None


def previous_subject(pronoun: Token, names: list[Mention], found: list[Mention]) -> int | None:
    """"iPhone 4 has a steel frame. It also has a new screen.": a subject "it" with no antecedent in
    its own sentence is the organisation, country or product that is the subject of the sentence before."""
    sent = pronoun.sent
    if sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    subjects = [c for c in before.root.children if c.dep_ in SUBJECTS]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    for m in found:  # "It ... It ...": a chain goes back to the name; "He ... It ..." does not
        if m.token_start <= subject.i < m.token_end and m.refers_to is not None and m.type in ("ORG", "GPE"):
            return m.refers_to
    for i, m in enumerate(names):
        if m.kind == "name" and m.type in ("ORG", "GPE") and m.token_start <= subject.i < m.token_end:
            return i
    if subject.lower_ in lexicon.forms("state_nouns"):  # "Russia's embassy rejected it. '...,' it said"
        owners = {c.i for c in subject.children if c.dep_ in ("poss", "compound", "amod")}
        for i, m in enumerate(names):
            if m.type in ("ORG", "GPE") and any(m.token_start <= k < m.token_end for k in owners):
                return i
    return None


def unnamed_subject_before(pronoun: Token, covered: set[int]) -> bool:
    """Whether the pronoun's sentence has, before it, a noun subject that names
    no actor ("An official ... told Reuters that he had defected", "The removal
    ... reflects concerns, but it exposes ..."): the pronoun then most likely
    means that, not someone named further back, so it stays unresolved. Not
    a subject inside what the pronoun's own verb reports ("The decision will
    mean lower costs, she said")."""
    cols = columns(pronoun.doc)
    verb = pronoun.head
    personal = pronoun.lower_ in MALE_FEMALE
    return any(cols.dep[i] in SUBJECTS and cols.tag[i].startswith("NN") and i not in covered
               and not (personal and not is_person_noun(cols.lower[i]))  # "The ban runs from Oct. 10, when he"
               and not verb.is_ancestor(pronoun.doc[i])  # "The decision will mean ..., she said": what she says
               and not speaks_for_named(pronoun.doc[i], covered)
               for i in range(pronoun.sent.start, pronoun.i))


#: Nouns of people that end in none of PERSON_ENDINGS ("An official told Reuters that he ...").
PERSON_WORDS = frozenset(("official", "officials", "source", "sources", "aide", "aides", "police", "person",
                          "people", "child", "children", "boy", "boys", "girl", "girls", "friend", "friends",
                          "colleague", "colleagues", "chief", "head", "envoy", "judge", "nurse", "nurses",
                          "athlete", "athletes", "pilot", "pilots", "diplomat", "diplomats", "candidate",
                          "candidates", "suspect", "suspects", "victim", "victims", "witness", "witnesses",
                          "guard", "guards", "staff", "expert", "experts", "family", "spokesperson", "president",
                          "deputy", "delegate", "delegates", "agent", "agents", "student",
                          "students", "resident", "residents", "patient", "patients", "citizen", "citizens"))
PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ers", "ors", "ists", "ians", "men", "women")


def is_person_noun(word: str) -> bool:
    """Whether a common noun may name a person, whom "he" or "she" could mean."""
    return word in PERSON_WORDS or word.endswith(PERSON_ENDINGS)


#: Prepositions that tie an unnamed subject to the organisation it acts for:
#: "a spokesman for Greystone said", "analysts at Jefferies said", "shipping
#: lines including Maersk said".
AFFILIATIONS = frozenset(("at", "for", "from", "with", "including"))


def speaks_for_named(noun: Token, covered: set[int]) -> bool:
    """"a spokesman for Greystone": an unnamed subject tied to a named organisation."""
    return any(c.dep_ == "prep" and c.lower_ in AFFILIATIONS and any(g.i in covered for g in c.subtree)
               for c in noun.children)


#: A title with one of these is not the office itself: "the president" is not the vice president.
NOT_THE_OFFICE = {"vice", "deputy", "former", "acting", "assistant", "ex"}


def holds_title(mention: Mention, noun: str) -> bool:
    """"President Clinton" for "the president": a person whose title ends in that state noun."""
    if mention.type != "PERSON":
        return False
    states = lexicon.forms("state_nouns")
    for part in mention.description.lower().split(", "):
        words = part.replace("-", " ").split()
        if words and states.get(words[-1]) == noun and not NOT_THE_OFFICE & set(words):
            return True
    return False


#: Verbs whose object is a news outlet, not the story's company: "told Reuters".
OUTLET_VERBS = frozenset(("told", "tells", "telling", "tell"))


#: Words after an organisation's head noun: "Federal Office for Information Security".
NAME_PREPOSITIONS = frozenset(("of", "for", "on", "in"))


def name_head(name: str) -> str:
    """The head noun of an organisation's name, lower-cased: its last word
    before any preposition ("Court of Appeal" -> court, "Civic Progress
    Party" -> party, "Federal Office for Information Security" -> office)."""
    words = name.lower().split()
    for k, word in enumerate(words):
        if word in NAME_PREPOSITIONS and k:
            words = words[:k]
            break
    return words[-1] if words else ""


@lru_cache(maxsize=4096)
def is_institution(name: str) -> bool:
    """Whether an organisation's name has an institution's head noun
    (data/institution_heads.txt): "Court of Appeal", "Maritime Union of
    Australia", not "Harwood Foods"."""
    return name_head(name) in lexicon.forms("institution_heads")


def organisations_by_head(mentions: list[Mention]) -> dict[str, list[int]]:
    """Organisations named in more than one word, by their head noun ("court":
    the Constitutional Court), which "the court" later stands for (a state
    noun too, when no country or office holder was named with it: "the
    authority"); not "the company", which refers back by a rule of its own."""
    found: dict[str, list[int]] = defaultdict(list)
    company_nouns = lexicon.forms("company_nouns")
    for k, m in enumerate(mentions):
        head = name_head(m.name)
        if m.type == "ORG" and m.kind == "name" and " " in m.name and head.isalpha() and head not in company_nouns:
            found[head].append(k)
    return found


def headed_organisation(token: Token, headed: dict[str, list[int]], mentions: list[Mention]) -> int | None:
    """The one organisation named so far whose head noun ``token`` is, after
    "the" and only words of its name: "the court" (the Constitutional Court),
    "the port authority" (the Kessingham Port Authority); not "the developed
    world" after "DP World"."""
    the = definite_article(token)
    if token.tag_ != "NN" or the is None:
        return None
    between = {t.lower_ for t in token.doc[the.i + 1:token.i]}
    return only_one_named([k for k in headed[token.lower_] if between <= set(mentions[k].name.lower().split())],
                          mentions, token.i)


def only_one_named(indices: list[int], mentions: list[Mention], before: int) -> int | None:
    """The last mention among ``indices`` that starts before token ``before``,
    when they all name one actor; None when they name two or none."""
    earlier = {mentions[k].name: k for k in indices if mentions[k].token_start < before}
    return next(iter(earlier.values())) if len(earlier) == 1 else None


def described_as(doc: Doc, mention: Mention, noun: str) -> bool:
    """Whether the article put ``noun`` right before a name or beside it:
    "manufacturer Vestmark Turbines", "Vestmark, a Danish manufacturer"."""
    root = doc[mention.token_start:mention.token_end].root
    return ((mention.token_start > 0 and doc[mention.token_start - 1].lower_ == noun)
            or any(c.dep_ == "appos" and c.lower_ == noun for c in root.children))


def last_company(doc: Doc, mentions: list[Mention], before: int, noun: str = "") -> int | None:
    """The company "the company" at token ``before`` refers to: the last one
    the article described with that noun ("Danish manufacturer Vestmark ...
    the manufacturer"), else the one the
    sentence or the one before has as its subject or owner ("Nintendo's 3DS
    sold well, and the company said"), else the company the article has
    named most so far ("Analysts at Barclays said ... the company's
    revenue" is the story's company, not the bank); never the subject of the
    verb the noun is an object of ("Meridian hired the salvage firm"). Institutions
    (data/institution_heads.txt: "the Commission"), built places
    (data/facility_heads.txt: "Kingsmere Bridge") and the outlet a
    statement was made to ("told Reuters") are no candidates."""
    institutions = {form for m in mentions if is_institution(m.name)
                    for form in (normalize(m.name), initials(m.name).lower())}  # "the FDA" too
    noun_head = doc[before].head
    sentence_start = doc[before].sent.start
    previous_start = doc[sentence_start - 1].sent.start if sentence_start else 0
    counts: Counter = Counter()
    candidates = []
    for i, m in enumerate(mentions):
        if m.token_start >= before:
            break
        root_mention = i
        while mentions[root_mention].refers_to is not None:
            root_mention = mentions[root_mention].refers_to
        named = mentions[root_mention]
        if (named.type != "ORG" or m.kind not in ("name", "bracket") or normalize(named.name) in institutions
                or named.name.split()[-1].lower() in lexicon.forms("facility_heads")):  # not "Kingsmere Bridge"
            continue
        root = doc[m.token_start:m.token_end].root
        if root.head.lower_ in OUTLET_VERBS and root.dep_ in ("dobj", "dative", "pobj"):
            continue
        if root.dep_ in SUBJECTS and root.head.i == noun_head.i and doc[before].dep_ not in SUBJECTS:
            continue  # "Meridian hired the salvage firm": the firm its verb's subject acts on is another
        counts[root_mention] += 1
        candidates.append((i, root_mention, root))
    if not candidates:
        return None
    described = [named for i, named, _ in candidates if noun and described_as(doc, mentions[i], noun)]
    if described:
        return described[-1]  # "Danish manufacturer Vestmark Turbines ... the manufacturer"
    _, named, root = candidates[-1]
    if root.i >= previous_start and root.dep_ in ("nsubj", "nsubjpass", "poss"):
        return named
    return max(counts, key=lambda k: (counts[k], -k))  # a tie: the one named first, the story's own


def is_age_noun(doc: Doc, i: int) -> bool:
    """"24-year-old" as a noun ends at token ``i``: "24" "-" "year" "-" "old"."""
    return (i >= 4 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "year" and doc[i - 3].text == "-"
            and doc[i - 4].like_num)


def previous_sentence_start(doc: Doc, i: int) -> int:
    start = doc[i].sent.start
    return doc[start - 1].sent.start if start else 0


def definite_article(token: Token) -> Token | None:
    """The "the" of a noun that heads its own phrase ("the company", "the
    Detroit-based carmaker"); None for a noun that only modifies another
    ("the company spokesman") or that an "of" restricts ("the maker of the
    drug")."""
    if token.dep_ == "compound" or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "det" and c.lower_ == "the"), None)


#: Tags of a word that can head "the striker", "The Italian" (tagged an adjective or a name).
DESCRIBING_TAGS = frozenset(("NN", "NNP", "JJ"))


#: Words after which a description goes on about something else: "a nurse *in* the emergency department".
DESCRIPTION_ENDS = re.compile(r"\s(?:of|at|in|for|who|with|from|on|to|and)\s.*$")


@lru_cache(maxsize=1)
def lower_demonyms() -> frozenset[str]:
    return frozenset(d.lower() for d in lexicon.pairs("demonyms", "demonym", "country"))


@lru_cache(maxsize=4096)
def role_words(description: str) -> frozenset[str]:
    """The words of a person's description that "the ..." can stand for: the
    head noun of each part and its nationality ("Italian striker" ->
    striker, italian; "a nurse in the emergency department" -> nurse; "City
    Council President" -> president), not the things it goes on to name."""
    demonyms = lower_demonyms()
    found = set()
    for part in description.lower().split(", "):
        words = re.findall(r"[a-z][a-z'-]+", DESCRIPTION_ENDS.sub("", part))
        if words:
            found |= {words[-1]} | (set(words) & demonyms)
    return frozenset(found - FUNCTION_WORDS)


def description_words(mentions: list[Mention]) -> set[str]:
    """Words the article used to describe a person it named ("Italian striker
    Marco Vellani"), which "the striker", "the Italian" later stand for."""
    return {word for m in mentions if m.type == "PERSON" and m.kind == "name" for word in role_words(m.description)}


#: Dependencies that join a name to the kind of thing it names: "Valkyrie 2
#: rocket" (a compound, or a name's modifier), "the Valkyrie 2, a rocket", "a
#: rocket, the Valkyrie 2".
NAMING_DEPS = frozenset(("compound", "nmod", "appos"))
NAMING_PARTICIPLES = frozenset(("named", "called", "dubbed"))


def named_things(doc: Doc, mentions: list[Mention]) -> dict[str, list[int]]:
    """The kinds of made things (data/thing_nouns.txt) the article names, and
    the mentions that name them: "its Valkyrie 2 rocket", "The Valkyrie 2, a
    two-stage rocket", "The spacecraft, named Hugin", "the container ship
    Aurora Star", "the Hugin lunar lander" (a name that ends in its kind)."""
    kinds = lexicon.forms("thing_nouns")
    found: dict[str, list[int]] = defaultdict(list)
    for k, m in enumerate(mentions):
        if m.kind != "name" or m.type in ("GPE", "LOC", "NORP"):
            continue
        root = doc[m.token_start:m.token_end].root
        last = doc[m.token_end - 1].lower_
        nouns = [t for t in [root.head, *root.children] if t.tag_ in ("NN", "NNS") and t.lower_ in kinds
                 and (t.dep_ == "appos" or (root.dep_ in NAMING_DEPS and t.i == root.head.i)
                      or (t.dep_ == "compound" and t.i < m.token_start))]  # "the container ship Aurora Star"
        if root.dep_ in ("oprd", "attr", "dobj") and root.head.lower_ in NAMING_PARTICIPLES and root.head.dep_ == "acl":
            nouns.append(root.head.head)  # "The spacecraft, named Hugin"
        if (m.token_start >= 2 and doc[m.token_start - 1].text == "," and doc[m.token_start - 2].tag_ in ("NN", "NNS")
                and m.token_end < len(doc) and doc[m.token_end].text == ","):
            nouns.append(doc[m.token_start - 2])  # "The painting, Harvest at Kazimierz, was sold": however parsed
        if last in kinds and m.token_end - m.token_start > 1:
            found[last].append(k)
        for noun in nouns:
            if noun.lower_ in kinds:
                found[noun.lower_].append(k)
    return found


def named_thing(token: Token, things: dict[str, list[int]], mentions: list[Mention]) -> int | None:
    """The one thing named so far that "the rocket", "the 38-metre rocket",
    "its rocket" at ``token`` stands for; None when the article has named two
    of that kind (the "Hugin" and the "Hugin 2" landers), or when a name of
    its own comes with the noun ("the Hugin 2 lander")."""
    if token.tag_ not in ("NN", "NNS") or token.dep_ in ("compound", "nmod"):
        return None  # a plural only where the article named the thing so ("OptiCount scanners"): the key is the form
    determiner = next((c for c in token.children if c.dep_ in ("det", "poss")), None)
    if determiner is None or determiner.lower_ not in ("the", "its", "their"):
        return None
    if any(c.dep_ in ("compound", "nmod", "appos") and c.tag_ in ("NNP", "NNPS") for c in token.children):
        return None
    return only_one_named(things[token.lower_], mentions, token.i)


def organisation_descriptions(doc: Doc, mentions: list[Mention]) -> dict[str, list[int]]:
    """The common nouns the article describes its organisations with, and the
    mentions so described: "Danish manufacturer Vestmark Turbines", "the MPA,
    the union that represents pilots", "regulator CASB"."""
    found: dict[str, list[int]] = defaultdict(list)
    for k, m in enumerate(mentions):
        if m.kind != "name" or m.type != "ORG":
            continue
        root = doc[m.token_start:m.token_end].root
        before = doc[m.token_start - 1] if m.token_start else None
        nouns = [c for c in root.children if c.dep_ == "appos" and c.tag_ == "NN" and c.is_lower]
        if before is not None and before.tag_ == "NN" and before.is_lower and before.head.i in range(
                m.token_start, m.token_end):
            nouns.append(before)
        for noun in nouns:
            found[noun.lower_].append(k)
    return found


def described_organisation(token: Token, described: dict[str, list[int]], mentions: list[Mention]) -> int | None:
    """The one organisation named so far with the description ``token`` heads."""
    return only_one_named(described[token.lower_], mentions, token.i)


def reference_mentions(doc: Doc, mentions: list[Mention], article_id: str, offset: int) -> list[Mention]:
    """Pronouns and definite descriptions with one clear antecedent among ``mentions``."""
    states = lexicon.forms("state_nouns")
    pronouns = MALE_FEMALE | NEUTER
    found = []
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    described = description_words(mentions)
    headed = organisations_by_head(mentions)
    things = named_things(doc, mentions)
    org_described = organisation_descriptions(doc, mentions)
    company_nouns = lexicon.forms("company_nouns")
    for i, lower in enumerate(columns(doc).lower):
        if (lower not in pronouns and lower not in states and lower not in company_nouns and lower not in things
                and lower not in org_described
                and lower not in described and lower not in headed and lower != "old") or i in covered:
            continue  # pronouns, state nouns, "the company", "the court", "the striker", "the rocket", "the 24-year-old"
        token = doc[i]
        target, kind, span = None, "pronoun", doc[token.i:token.i + 1]
        if lower in MALE_FEMALE | NEUTER and unnamed_subject_before(token, covered):
            continue
        if lower in MALE_FEMALE and token.tag_ in ("PRP", "PRP$"):
            target = person_antecedent(token, mentions)
        elif lower in NEUTER and token.tag_ in ("PRP", "PRP$"):
            target = thing_antecedent(token, mentions, found)
            if target is None and token.dep_ in SUBJECTS:
                target = previous_subject(token, mentions, found)
        elif (lower in states and token.tag_.startswith("NN") and token.i > 0 and doc[token.i - 1].lower_ == "the"
              and token.dep_ != "compound"  # "the embassy bombings" name no embassy
              and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)):  # "the leaders of all parties"
            noun = states[lower]
            earlier = [i for i, m in enumerate(mentions) if m.token_start < token.i
                       and (m.state_noun == noun or holds_title(m, noun))]
            if earlier and token.tag_ == "NNS" and len(
                    {mentions[i].name for i in earlier if doc[mentions[i].token_start].sent == doc[
                        mentions[earlier[-1]].token_start].sent}) > 1:
                earlier = []  # "Egyptian, Qatari and Turkish mediators ... the mediators": all of them, not one
            target, kind, span = (earlier[-1] if earlier else None), "definite", doc[token.i - 1:token.i + 1]
            if target is None and lower in headed:  # "the authority" after "the Kessingham Port Authority"
                target = headed_organisation(token, headed, mentions)
        elif lower in company_nouns and token.tag_ == "NN" and (the := definite_article(token)) is not None:
            # "the company", "the Detroit-based carmaker", "the electric-car maker"
            target, kind, span = last_company(doc, mentions, token.i, lower), "definite", doc[the.i:token.i + 1]
        elif lower in headed and (target := headed_organisation(token, headed, mentions)) is not None:
            kind, span = "definite", doc[definite_article(token).i:token.i + 1]  # "the court", "the port authority"
        elif lower in things and (target := named_thing(token, things, mentions)) is not None:
            kind, span = "definite", doc[token.i:token.i + 1]  # "the rocket": the Valkyrie 2
        elif lower == "old" and token.dep_ in SUBJECTS | {"dobj", "pobj"} and is_age_noun(doc, token.i):
            the = doc[token.i - 5] if token.i >= 5 else None  # "the 24-year-old passed a medical"
            if the is not None and the.lower_ == "the":
                earlier = [k for k, m in enumerate(mentions) if m.type == "PERSON" and m.kind == "name"
                           and doc[m.token_start].sent.start >= previous_sentence_start(doc, token.i)
                           and m.token_start < token.i]
                target, kind, span = (earlier[-1] if earlier else None), "definite", doc[the.i:token.i + 1]
        elif lower in described and token.dep_ not in ("amod", "poss") and token.tag_ in DESCRIBING_TAGS:
            the = definite_article(token)
            if the is not None:  # "the striker", "The Italian", "the 27-year-old Italian"
                earlier = [k for k, m in enumerate(mentions) if m.token_start < token.i and m.type == "PERSON"
                           and m.kind == "name" and lower in role_words(m.description)]
                target, kind, span = (earlier[-1] if earlier else None), "definite", doc[the.i:token.i + 1]
        if target is None and lower in org_described and (the := definite_article(token)) is not None \
                and token.tag_ == "NN":
            target, kind, span = described_organisation(token, org_described, mentions), "definite", \
                doc[the.i:token.i + 1]  # "the union" after "the MPA, the union that represents pilots"
        if target is not None:
            antecedent = mentions[target]
            found.append(Mention(article_id, span.text, span.start_char + offset, span.end_char + offset,
                                 span.start, span.end, antecedent.type, antecedent.name,
                                 kind=kind, refers_to=target))
            if kind == "definite":  # "The commission said that it would hire": a subject that names an actor
                covered.update(range(span.start, span.end))
    return found


def is_lower_case_text(doc: Doc) -> bool:
    """Whether most sentences start in lower case (a raw transcript: "pierre thomas said")."""
    starts = [s[0].is_lower for s in doc.sents if s[0].is_alpha]
    return bool(starts) and sum(starts) > len(starts) / 2


def is_common_phrase(ent: Span) -> bool:
    """An organisation with no capital and no digit ("the militia movement",
    "wanton murder", a headline's "copyright tribunal" that an alias matched
    case-blind): in edited text, not a name. Digits ("channel 12") and people
    ("pierre thomas" signing off a transcript) stay."""
    return ent.label_ == "ORG" and not any(c.isupper() or c.isdigit() for c in ent.text)


def capital_as_government(ent: Span, kind: str) -> bool:
    """A capital (data/capitals.csv) that is the subject of an active verb: its
    country's government, whatever the model's label ("Kyiv proposed a
    ceasefire"; not "Kyiv was struck by drones")."""
    name = " ".join(w for w in ent.text.split() if w.lower() != "the").lower()
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "Washington and Riyadh signed it"
        root = root.head
    if root.dep_ != "nsubj" or name not in lexicon.pairs("capitals", "capital", "country"):
        return False
    return kind != "PERSON" or not lexicon.pairs("capitals", "capital", "person_too").get(name)


#: Prepositions of place, and nouns after which "in" names no place: "confidence in Powell".
PLACE_PREPOSITIONS = frozenset(("in", "near", "outside", "around", "across"))
NOT_PLACE_HEADS = frozenset(("interest", "confidence", "faith", "trust", "belief", "stake", "role",
                             "investment", "hope", "stakes", "shares", "stock", "part", "change", "rise", "fall"))


def place_named_as_person(ent: Span) -> bool:
    """"a briefing in Anderson", "rockets fell near Khan Younis": a "person"
    the text puts somewhere is a place (the model calls towns people)."""
    root = ent.root
    prep = root.head
    if ent.label_ != "PERSON" or root.dep_ != "pobj" or prep.lower_ not in PLACE_PREPOSITIONS:
        return False
    before = ent.doc[prep.i - 1].lower_ if prep.i else ""
    return (prep.head.lower_ not in NOT_PLACE_HEADS and before not in NOT_PLACE_HEADS
            and not any(t.tag_ == "POS" for t in ent))


#: Nouns whose apposition is an organisation's name: "his consultancy firm, Spinumviva".
ORGANISATION_NOUNS = frozenset(("firm", "company", "group", "party", "agency", "startup", "bank", "fund",
                                "consultancy", "organisation", "organization", "charity", "movement",
                                "outlet", "newspaper", "broadcaster", "network", "militia", "union", "insurer",
                                "lender", "carrier", "airline", "retailer", "manufacturer", "subsidiary"))


def names_organisation_noun(ent: Span) -> bool:
    """Whether a name stands in apposition to a noun of organisations: the
    model often calls a company named after no one a person."""
    root = ent.root
    return root.dep_ == "appos" and root.head.lower_ in ORGANISATION_NOUNS


#: Nouns whose apposition is a person's name: "The PUP's leader, Nuno Cabral".
PERSON_NOUNS = frozenset(("leader", "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "founder",
                          "chief", "director", "ambassador", "adviser", "advisor", "envoy", "commander", "head",
                          "chairman", "chairwoman", "chair", "secretary", "minister", "president", "captain",
                          "coach", "manager", "wife", "husband", "son", "daughter", "brother", "sister",
                          "mother", "father", "widow", "colleague", "deputy", "successor", "predecessor",
                          "analyst", "economist", "researcher", "scientist", "prosecutor", "judge", "officer"))


def names_person(ent: Span) -> bool:
    """An "organisation" or "place" that is a person's name: one a relative
    "who" refers to ("Nuno Cabral, who finished second"; an organisation takes
    "which"), or one in apposition to a noun of people ("The party's leader,
    Nuno Cabral"). Only a name of two or three capitalised words: "the
    company's founder, Halcyon Labs" is rare, "Daniel Okafor" common."""
    if ent.label_ not in ("ORG", "GPE") or not 2 <= len(ent) <= 3 or not all(t.is_title for t in ent):
        return False
    if has_organisation_head(ent.text):
        return False
    doc = ent.doc
    after = doc[ent.end:ent.end + 2]
    if (len(after) and after[0].lower_ == "who") or (len(after) == 2 and after[0].text == ","
                                                     and after[1].lower_ == "who"):
        return True
    root = ent.root
    return root.dep_ == "appos" and root.head.lower_ in PERSON_NOUNS


def has_organisation_head(name: str) -> bool:
    """"Mac App Store", "Sky News": a last word only organisations end with
    (data/organisation_heads.txt, data/legal_suffixes.txt), whatever the model's label."""
    words = name.split()
    last = words[-1] if len(words) > 1 else ""
    return last.replace(".", "").lower() in lexicon.forms("organisation_heads") or is_legal_suffix(last)


def is_legal_suffix(word: str) -> bool:
    """"Inc.", "GmbH", "SA" (data/legal_suffixes.txt); not "Sa" in "Domingos Sa":
    a form listed in capitals counts only in capitals."""
    written = word.replace(".", "")
    lowered = written.lower()
    if lowered in lexicon.capitals_only("legal_suffixes") and not written.isupper():
        return False
    return lowered in lexicon.forms("legal_suffixes")


def retype_company_short_names(names: list[Mention]) -> None:
    """"Halvorsen" after "Halvorsen Foods Inc": the model often calls a company's
    short name a person. A one-word "person" that is the first word of an
    organisation the article names, and the surname of no person it names,
    is that organisation (so "he" does not count it as a candidate); so is a
    "person" named as a company is without its legal form or trade word
    ("Holloway Brandt" for "Holloway Brandt Engineering"), unless it starts
    with a given name (Ralph Lauren founded Ralph Lauren Corp)."""
    companies = {m.name.split()[0] for m in names if m.type == "ORG" and len(m.name.split()) > 1}
    surnames = {m.name.split()[-1] for m in names if m.type == "PERSON" and len(m.name.split()) > 1}
    organisations = {m.name for m in names if m.type == "ORG"}
    bases = {without_legal_suffix(name) for name in organisations} - organisations
    for m in names:
        if m.type == "PERSON" and " " not in m.name and m.name in companies - surnames:
            m.type = "ORG"
        elif (m.type == "PERSON" and " " in m.name and m.name in bases
              and m.name.split()[0].lower() not in lexicon.pairs("given_name_genders", "name", "gender")):
            m.type = "ORG"  # "Holloway Brandt" after "Holloway Brandt Engineering"; not "Ralph Lauren"


def sporting_clubs(doc: Doc, names: list[Mention]) -> dict[str, str]:
    """"Premier League club Ashbourne City": names ending in a club word
    (data/club_words.txt) in a sentence about sport (data/sport_words.txt),
    by their first word and, where one club of the article has it, their
    last, which news uses alone for the club ("Ashbourne won", "Rovers
    travel to Coventry"). The model often calls such a name a place or a
    person."""
    club_words, sport = lexicon.forms("club_words"), lexicon.forms("sport_words")
    clubs: dict[str, str] = {}
    last_words: dict[str, set[str]] = defaultdict(set)
    for m in names:
        words = m.name.split()
        if (len(words) > 1 and words[-1].lower() in club_words and m.kind == "name" and words[0] not in clubs
                and any(t.lower_ in sport for t in doc[m.token_start].sent)):
            clubs[words[0]] = m.name
            last_words[words[-1]].add(m.name)
    clubs.update({word: full.pop() for word, full in last_words.items() if len(full) == 1 and word not in clubs})
    return clubs


def is_club_short_name(doc: Doc, token_start: int, word: str, clubs: dict[str, str]) -> bool:
    """A club's short name alone, not after a preposition of place ("fans in
    Ashbourne": the town) nor a country's name ("Mexico" of "Mexico City")."""
    return (word in clubs and word not in lexicon.pairs("demonyms", "demonym", "country").values()
            and not (token_start and doc[token_start - 1].lower_ in PLACE_PREPOSITIONS))


def club_mentions(doc: Doc, names: list[Mention], clubs: dict[str, str], article_id: str,
                  offset: int) -> list[Mention]:
    """The clubs' full names made organisations, and their first words alone
    where the model saw no name ("Ashbourne went ahead")."""
    for m in names:
        if m.name in clubs.values():
            m.type = "ORG"
    covered = {i for m in names for i in range(m.token_start, m.token_end)}
    cols = columns(doc)
    return [Mention(article_id, word, doc[i].idx + offset, doc[i].idx + len(word) + offset, i, i + 1, "ORG", word)
            for i, word in enumerate(cols.text)
            if word in clubs and i not in covered and cols.tag[i] in ("NNP", "NNPS", "NNS")  # "Rovers": NNS
            and cols.dep[i] != "compound" and is_club_short_name(doc, i, word, clubs)]  # not "City officials"


def link_clubs(doc: Doc, names: list[Mention], clubs: dict[str, str]) -> None:
    """A club's first word alone refers to the club's full name (``names`` in text order)."""
    full = {}
    for i, m in enumerate(names):
        if m.name in clubs.values():
            full.setdefault(m.name, i)
    for m in names:
        if (" " not in m.name and m.refers_to is None and is_club_short_name(doc, m.token_start, m.name, clubs)
                and clubs[m.name] in full):
            m.type = "ORG"
            m.refers_to = full[clubs[m.name]]


def retype_surnames(names: list[Mention]) -> None:
    """"Montenegro told supporters" after "Luis Montenegro": a one-word place
    or organisation that is the surname of a person the article named before
    is that person (the model reads the surname as the country)."""
    surnames: set[str] = set()
    for m in names:  # in text order
        words = m.name.split()
        if m.type == "PERSON" and len(words) > 1:
            surnames.add(words[-1])
        elif m.type in ("GPE", "ORG") and m.kind == "name" and len(words) == 1 and m.name in surnames:
            m.type = "PERSON"


#: First words of places' names that end in what could be a surname: "Santa Rosa", "Port Moresby".
PLACE_PREFIXES = frozenset(("santa", "san", "saint", "st", "port", "fort", "mount", "lake", "new", "north",
                            "south", "east", "west", "cape", "puerto", "porto", "rio", "la", "el", "los", "las"))


def retype_full_names(doc: Doc, names: list[Mention]) -> None:
    """"Helena Marquez" called an organisation where "Marquez" alone is a
    person (by an age or a title): two or three capitalised words that end
    in a person's one-word name are that person's full name, unless an
    organisation's word, a common noun of the article ("Wrexford Central
    Library" beside "the library") or a place's first word ("Santa Rosa")
    says otherwise."""
    people = {m.name for m in names if m.type == "PERSON" and " " not in m.name}
    for m in names:
        words = m.name.split()
        if (m.type in ("GPE", "ORG") and m.kind == "name" and 2 <= len(words) <= 3 and words[-1] in people
                and all(w.isalpha() and w.istitle() for w in words) and not has_organisation_head(m.name)
                and words[-1].lower() not in lower_noun_counts(doc) and words[0].lower() not in PLACE_PREFIXES):
            m.type = "PERSON"


def link_company_short_names(names: list[Mention]) -> None:
    """"Rheinwerk" after "Rheinwerk Chemie AG": a one-word organisation that is
    the first word of a company name the article gave before, ending in a
    legal form or trade word, refers to it (``names`` in text order)."""
    suffixes = lexicon.forms("legal_suffixes")
    companies: dict[str, int] = {}
    for i, m in enumerate(names):
        words = m.name.split()
        if m.type == "ORG" and len(words) > 1 and words[-1].replace(".", "").lower() in suffixes:
            companies.setdefault(words[0], i)
        elif m.type == "ORG" and len(words) == 1 and m.refers_to is None and words[0] in companies:
            m.refers_to = companies[words[0]]


def link_definite_short_names(doc: Doc, names: list[Mention]) -> None:
    """"the Ashgrove" after "the Ashgrove Museum of Art": a one-word
    organisation written with "the" that is the first word of the one
    organisation name of more words the article gave before it, headed by
    an organisation's noun (data/organisation_heads.txt: not "the iPhone"
    for "iPhone 3G"), refers to it (a company's short name needs no "the":
    ``link_company_short_names``)."""
    heads = lexicon.forms("organisation_heads")
    first_words: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(names):
        words = m.name.split()
        if (m.type == "ORG" and m.kind == "name" and len(words) > 1 and name_head(m.name) in heads
                and name_head(m.name) != words[0].lower()):  # "the Bank" of "Bank of England": link_head_nouns
            first_words[words[0]].add(i)
        elif (m.type == "ORG" and m.kind == "name" and len(words) == 1 and m.refers_to is None
              and m.token_start > 0 and doc[m.token_start - 1].lower_ == "the"
              and doc[m.token_start].dep_ not in ("compound", "amod", "nmod")  # not "the Apple trademark"
              and len({names[k].name for k in first_words.get(words[0], ())}) == 1):
            m.refers_to = min(first_words[words[0]])


def link_head_nouns(names: list[Mention]) -> None:
    """"the Commission" after "European Commission", "the Bank" after "Bank of
    England": a one-word organisation that is the organisation word
    (data/organisation_heads.txt) of exactly one longer organisation named
    before it in the article names that one (``names`` in text order)."""
    heads = lexicon.forms("organisation_heads")
    owners: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(names):
        words = m.name.split()
        if m.type != "ORG":
            continue
        if len(words) > 1:
            for word in words:
                if word.lower() in heads:
                    owners[word].add(i)
        elif m.refers_to is None and words and words[0].lower() in heads and len(owners.get(words[0], ())) == 1:
            m.name = names[next(iter(owners[words[0]]))].name  # its own name: a "Bank" elsewhere may be another


def link_defined_acronyms(doc: Doc, names: list[Mention]) -> None:
    """"the Department of Health and Human Services (HHS)": news defines an
    acronym or a short name by bracketing it after the name, whatever its
    letters ("CDC" for "Centers for Disease Control and Prevention", "Cal
    Fire"). The short name's mention then refers to the name's (``names``
    in text order)."""
    for i in range(1, len(names)):
        acronym, name = names[i], names[i - 1]
        start, end = acronym.token_start, acronym.token_end
        letters = acronym.name.replace(".", "")
        if ((is_acronym(acronym.name) or (" " not in letters and 2 <= len(letters) <= 8 and letters[0].isupper()
                                          and sum(c.isupper() for c in letters) >= 2)  # "BfV"
             or len(acronym.name.split()) < len(name.name.split()))  # "Cal Fire"
                and acronym.refers_to is None and name.type != "PERSON"
                and len(name.name.split()) > 1 and name.token_end == start - 1 and end < len(doc)
                and doc[start - 1].text == "(" and doc[end].text == ")"):
            acronym.refers_to = i - 1


def split_surname_pairs(ents: list[Span], surnames: set[str]) -> list[Span]:
    """"Okafor and Raman had inflated revenue": the model reads two surnames
    joined by "and" as one firm (like "Procter & Gamble"); when both are
    surnames of people the article names, they are the two people."""
    result = []
    for ent in ents:
        if (ent.label_ in ("ORG", "PERSON") and len(ent) == 3 and ent[1].lower_ in ("and", "&")
                and ent[0].text in surnames and ent[2].text in surnames):
            doc = ent.doc
            result += [Span(doc, ent.start, ent.start + 1, label="PERSON"),
                       Span(doc, ent.end - 1, ent.end, label="PERSON")]
        else:
            result.append(ent)
    return result


def find_mentions(doc: Doc, article_id: str, offset: int = 0) -> list[Mention]:
    """Every actor mention of one parsed article, in text order; offsets shifted by ``offset``."""
    names = []
    edited = not is_lower_case_text(doc)
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    for ent in split_surname_pairs(list(doc.ents), surnames):
        if edited and is_common_phrase(ent):
            continue
        kind = ENTITY_TYPES.get(ent.label_)
        if ent.label_ == "NORP" and ent[-1].lower_ in PARTY_MEMBERS:
            kind = "ORG"  # "the Social Democrats said", "Republicans blocked the bill": a party
        if kind == "PERSON" and (has_organisation_head(ent.text) or names_organisation_noun(ent)):
            kind = "ORG"
        elif kind in ("ORG", "GPE") and names_person(ent):
            kind = "PERSON"
        if kind and capital_as_government(ent, kind) or place_named_as_person(ent):
            kind = "GPE"
        mention = entity_mention(ent, kind, article_id, offset) if kind and not is_title_fragment(ent) else None
        if mention:
            names.append(bracketed(mention, doc, offset))
    retype_company_short_names(names)
    retype_surnames(names)
    retype_full_names(doc, names)
    names += bracket_mentions(doc, names, article_id, offset)
    names += surname_mentions(doc, names, article_id, offset)
    names += demonym_mentions(doc, article_id, offset)
    clubs = sporting_clubs(doc, names)
    names += club_mentions(doc, names, clubs, article_id, offset)
    names.sort(key=lambda m: m.token_start)
    link_clubs(doc, names, clubs)
    link_defined_acronyms(doc, names)
    link_company_short_names(names)
    link_definite_short_names(doc, names)
    link_head_nouns(names)
    mentions = names + reference_mentions(doc, names, article_id, offset)
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].token_start)
    position = {old: new for new, old in enumerate(order)}
    result = [mentions[i] for i in order]
    for m in result:
        if m.refers_to is not None:
            m.refers_to = position[m.refers_to]
    return result


# ---------------------------------------------------------------- merging

class UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def initials(name: str) -> str:
    """Acronym a name would have: "Islamic Revolutionary Guard Corps" -> "IRGC"."""
    return "".join(w[0] for w in content_words(name))


def content_words(name: str) -> list[str]:
    """The words of a name that give its acronym letters: capitalised, no function words."""
    return [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in FUNCTION_WORDS and w[0].isupper()]


def is_acronym(name: str) -> bool:
    return 2 <= len(name.replace(".", "")) <= 8 and name.replace(".", "").isupper() and " " not in name


def without_legal_suffix(name: str) -> str:
    """"Apple Inc." -> "Apple": a company's legal form (data/legal_suffixes.txt) dropped."""
    words = name.split()
    while (len(words) > 1 and is_legal_suffix(words[-1])
           and words[-2].lower() not in ("of", "for", "and", "&", "the")):  # not "Ministry of Energy"
        words.pop()
        words[-1] = words[-1].rstrip(",")
    return " ".join(words)


def name_key(name: str, table: AliasTable) -> str:
    """Node of a name in the merge graph: the alias-table entry, else the normalised
    name without a legal suffix."""
    entry = table.lookup(name) or table.lookup(without_legal_suffix(name))
    return f"table:{entry.key}" if entry else f"name:{normalize(without_legal_suffix(name))}"


def merge_keys(mentions: list[Mention], table: AliasTable) -> tuple[UnionFind, list[str]]:
    """Union-find over names with every merging rule applied, and each mention's node."""
    uf = UnionFind()
    nodes = [name_key(m.name, table) for m in mentions]
    for node in nodes:
        uf.find(node)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_article[m.article_id].append(i)
    for indices in by_article.values():  # antecedents live in the same article
        for i in indices:
            if mentions[i].refers_to is not None:
                uf.union(nodes[i], nodes[indices[mentions[i].refers_to]])
    merge_acronyms(mentions, nodes, uf)
    merge_given_name_forms(mentions, nodes, uf)  # first: "Schumer" then sees one person in
    merge_surnames(mentions, nodes, uf, by_article)  # "Chuck Schumer" and "Charles Schumer"
    merge_company_first_words(mentions, nodes, uf, by_article)
    merge_plurals(mentions, nodes, uf)
    merge_owner_prefixes(mentions, nodes, uf)
    merge_units(mentions, nodes, uf, table)
    return uf, nodes


def merge_acronyms(mentions: list[Mention], nodes: list[str], uf: UnionFind) -> None:
    """"IRGC" <-> "Islamic Revolutionary Guard Corps" when only one expansion in the corpus fits;
    "NOSA" <-> "Nordic Space Agency" (more letters of a word) when only one
    name of the same article fits. A name the model also calls a person, or
    that starts with a given name of data/given_names.txt, expands no
    acronym, whatever its type."""
    expansions: dict[str, set[str]] = defaultdict(set)
    spelled_in: dict[str, dict[str, list[str]]] = defaultdict(dict)  # article -> node -> the words giving letters
    people = {normalize(m.name) for m in mentions if m.type == "PERSON"}  # "AP" is not "Andy Pasztor"
    given = lexicon.forms("given_names")
    for m, node in zip(mentions, nodes):
        words = m.name.split()
        if (m.kind == "name" and m.type != "PERSON" and len(words) > 1 and normalize(m.name) not in people
                and words[0].lower() not in given):  # "Andy Pasztor", even when the model calls him an ORG
            expansions[initials(m.name)].add(uf.find(node))
            if len(content_words(m.name)) > 1:
                spelled_in[m.article_id][node] = content_words(m.name)
    for m, node in zip(mentions, nodes):
        if not is_acronym(m.name):
            continue
        letters = m.name.replace(".", "")
        fits = expansions.get(letters) or {uf.find(n) for n, words in spelled_in[m.article_id].items()
                                           if len(words) < len(letters) and spells(letters, words)}
        if len(fits) == 1:
            uf.union(node, next(iter(fits)))


def spells(acronym: str, words: list[str]) -> bool:
    """Whether an acronym takes the first letters of each word in turn, one or
    more from each: "NOSA" of "Nordic Space Agency" (no letter from inside a
    word: not "NSPA")."""
    if not words:
        return not acronym
    word = words[0].lower()
    return any(acronym[:k].lower() == word[:k] and spells(acronym[k:], words[1:])
               for k in range(1, min(len(word), len(acronym) - len(words) + 1) + 1))


def merge_surnames(mentions: list[Mention], nodes: list[str], uf: UnionFind,
                   by_article: dict[str, list[int]]) -> None:
    """"Khamenei" <-> "Ali Khamenei": within an article, then across the corpus, if unambiguous;
    a lone first name ("Steve") <-> the one full name of the article that starts with it."""
    def full_names(indices):
        found = defaultdict(set)
        for i in indices:
            m = mentions[i]
            words = without_generation(m.name.split())
            if m.type == "PERSON" and len(words) > 1 and not is_surname(words):
                for key in {words[-1].lower(), surname(words)}:
                    found[key].add(uf.find(nodes[i]))
        return found

    def first_names(indices):
        found = defaultdict(set)
        for i in indices:
            m = mentions[i]
            words = m.name.split()
            if m.type == "PERSON" and m.kind == "name" and len(words) > 1 and not is_surname(words):
                found[words[0].lower()].add(uf.find(nodes[i]))
        return found

    corpus = full_names(range(len(mentions)))
    for indices in by_article.values():
        local = full_names(indices)
        given = first_names(indices)
        for i in indices:
            m = mentions[i]
            if not is_surname(m.name.split()) or not m.name[:1].isupper():
                continue  # the model often calls a lone surname an ORG: any type may match locally
            fits = local.get(m.name.lower()) or (corpus.get(m.name.lower()) if m.type == "PERSON" else None)
            if not fits and m.type == "PERSON":  # "Steve" after "Steve Jobs", in the same article only
                fits = given.get(m.name.lower())
            if fits and len(fits) == 1:
                uf.union(nodes[i], next(iter(fits)))


#: Words that join a surname rather than start a given name: "Osama bin Laden"
#: is "Bin Laden" later, "Ursula von der Leyen" "von der Leyen".
NAME_PARTICLES = {"bin", "ibn", "al", "el", "abu", "ben", "de", "da", "di", "du", "del", "della", "der", "den",
                  "van", "von", "le", "la"}


#: A generation after a surname: "Ferdinand Marcos Jr." is "Marcos" later.
GENERATIONS = frozenset(("jr", "sr", "ii", "iii", "iv"))


def without_generation(words: list[str]) -> list[str]:
    """A full name's words without a trailing "Jr.", "Sr.", "III"."""
    if len(words) > 2 and words[-1].replace(".", "").rstrip(",").lower() in GENERATIONS:
        return words[:-1]
    return words


def is_surname(words: list[str]) -> bool:
    """One word, or a surname with its particles ("Bin Laden", "von der Leyen")."""
    return len(words) == 1 or all(w.lower() in NAME_PARTICLES for w in words[:-1])


def surname(words: list[str]) -> str:
    """The surname of a full name with the particles before it, lower-cased: "bin laden"."""
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in NAME_PARTICLES:
        i -= 1
    return " ".join(words[i:]).lower()


class NameForm(NamedTuple):
    given: str
    middle: tuple[str, ...]  # middle names or initials: "d" of "Timothy D. Cook", "charles" of "James Charles Kopp"
    surname: str


def name_form(name: str) -> NameForm | None:
    """The parts of a person's full name, lower-cased; None for a single word or a
    surname with particles ("Bin Laden")."""
    words = without_generation(name.lower().replace(".", ". ").split())
    if len(words) < 2 or is_surname(words):
        return None
    return NameForm(words[0].rstrip("."), tuple(w.rstrip(".") for w in words[1:-1]), words[-1])


def fuller_form(short: NameForm, long: NameForm) -> bool:
    """``long`` may name the same person more fully: "Tim Cook" -> "Timothy D. Cook",
    "James Kopp" -> "James Charles Kopp", "James C. Kopp" -> "James Charles Kopp"."""
    return (short != long and short.surname == long.surname
            and (short.given == long.given or (len(short.given) >= 3 and long.given.startswith(short.given))
                 or formal_given_name(short.given) == formal_given_name(long.given))
            and short.middle in ((), long.middle, tuple(m[:1] for m in long.middle)))


def formal_given_name(given: str) -> str:
    """"charles" for "chuck" (data/given_names.txt); a name not listed is its own formal name."""
    return lexicon.forms("given_names").get(given, given)


def merge_given_name_forms(mentions: list[Mention], nodes: list[str], uf: UnionFind) -> None:
    """"Tim Cook" <-> "Timothy D. Cook": a person's name merges with the one fuller
    form of it in the corpus (same surname; the given name the same, its
    beginning, 3 letters at least, or a familiar form of it listed in
    data/given_names.txt: "Chuck" = "Charles"; no other middle name or initial). Two fuller forms
    leave it alone: "George Bush" beside "George W. Bush" and "George H. W. Bush"."""
    by_surname: dict[str, dict[NameForm, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m, node in zip(mentions, nodes):
        form = name_form(m.name) if m.type == "PERSON" and m.kind == "name" else None
        if form:
            by_surname[form.surname][form].add(uf.find(node))
    for roots in by_surname.values():
        # fullest forms first: "Timothy Cook" joins "Timothy D. Cook" before "Tim Cook" looks for one
        for form in sorted(roots, key=lambda f: (-len(f.middle), -sum(map(len, f.middle)), -len(f.given), f)):
            same = {uf.find(root) for root in roots[form]}
            fuller = {uf.find(root) for other, found in roots.items() if fuller_form(form, other) for root in found}
            first = next(iter(same))
            for root in same | (fuller if len(fuller) == 1 else set()):
                uf.union(first, root)


def merge_owner_prefixes(mentions: list[Mention], nodes: list[str], uf: UnionFind) -> None:
    """"U.N. Security Council" <-> "Security Council": an organisation named with
    and without the acronym of the organisation that owns it, when the corpus
    names it with one such owner only and without it in two words or more. Not
    a country's prefix: the model often loses the organisation after "U.S."
    ("U.S." + "Justice Department"), so "Justice Department" may be another
    country's."""
    places = {normalize(t).replace(".", "") for m in mentions if m.type == "GPE" for t in (m.name, m.text)}
    bare: dict[str, str] = {}
    owned: dict[str, dict[str, str]] = defaultdict(dict)
    for m, node in zip(mentions, nodes):
        if m.kind != "name" or m.type != "ORG":
            continue
        words = m.name.split()
        bare.setdefault(normalize(m.name), node)
        owner = normalize(words[0]).replace(".", "")
        if len(words) >= 3 and is_acronym(words[0]) and owner not in places:
            owned[normalize(" ".join(words[1:]))][owner] = node
    for rest, owners in owned.items():
        if rest in bare and len(owners) == 1:
            uf.union(bare[rest], next(iter(owners.values())))


#: First words of company names that are no short name of their own ("New
#: York Times Co", "General Motors Co", "American Airlines Group").
NOT_SHORT_NAMES = frozenset(("new", "first", "general", "national", "international", "united", "royal", "global",
                             "federal", "central", "great", "north", "south", "east", "west", "northern",
                             "southern", "eastern", "western", "big", "china", "japan", "bank", "the",
                             "advanced", "applied", "digital", "universal", "analog"))


def is_company_name(words: list[str]) -> bool:
    """Whether a name's last word makes it a company's: a legal form or a trade
    word (data/legal_suffixes.txt), or an organisation's head that is no
    institution's ("Line", "Airways", "Studios"; not "Corps", "Party")."""
    last = words[-1].replace(".", "").lower()
    return is_legal_suffix(words[-1]) or (last in lexicon.forms("organisation_heads")
                                          and last not in lexicon.forms("institution_heads"))


def merge_company_first_words(mentions: list[Mention], nodes: list[str], uf: UnionFind,
                              by_article: dict[str, list[int]]) -> None:
    """"Meridian" <-> "Meridian Container Line": within an article, a
    one-word organisation and the one company name of the article that
    starts with it, a company's being one that ends in a legal form, a trade
    word (data/legal_suffixes.txt) or an organisation's head that is no
    institution's ("Line", "Airways", "Studios"; not "Apple Corps", "Labour
    Party"). Not a word many names begin with ("National")."""
    for indices in by_article.values():
        companies: dict[str, set[str]] = defaultdict(set)
        for i in indices:
            m = mentions[i]
            words = m.name.split()
            if m.kind == "name" and m.type == "ORG" and len(words) > 1 and is_company_name(words):
                companies[words[0].lower()].add(uf.find(nodes[i]))
        for i in indices:
            m = mentions[i]
            word = m.name.lower()
            if (m.kind == "name" and m.type == "ORG" and " " not in word and word not in NOT_SHORT_NAMES
                    and len(companies.get(word, ())) == 1):
                uf.union(nodes[i], next(iter(companies[word])))


def merge_plurals(mentions: list[Mention], nodes: list[str], uf: UnionFind) -> None:
    """"iPhones" <-> "iPhone": an organisation or product named in the plural, when
    the corpus also names it in the singular. Not people ("Williams" is not
    "William") and not "-ss" words ("Congress")."""
    singular = {normalize(m.name): node for m, node in zip(mentions, nodes) if m.kind == "name" and m.type == "ORG"}
    for m, node in zip(mentions, nodes):
        key = normalize(m.name)
        if m.kind == "name" and m.type == "ORG" and key.endswith("s") and not key.endswith("ss"):
            other = singular.get(key[:-1])
            if other is not None:
                uf.union(node, other)


def merge_units(mentions: list[Mention], nodes: list[str], uf: UnionFind, table: AliasTable) -> None:
    """"Intelligence Organization of the IRGC" <-> "IRGC's Intelligence Organization": same owner, same unit."""
    organisations = organisation_roots(mentions, nodes, uf)
    for i, m in enumerate(mentions):
        owner = uf.find(name_key(m.parent_name, table)) if m.parent_name else None
        if owner in organisations:
            uf.union(nodes[i], f"unit:{owner}:{normalize(m.unit)}")


def organisation_roots(mentions: list[Mention], nodes: list[str], uf: UnionFind) -> set[str]:
    """Merge roots named as an organisation somewhere: only those own units."""
    return {uf.find(n) for m, n in zip(mentions, nodes) if m.type == "ORG"}


def title_case(name: str) -> str:
    """"channel 12" -> "Channel 12", "north Carolina" -> "North Carolina": a proper
    name written in lower case; particles inside a name stay ("Dar es Salaam")."""
    if not name.islower():
        first, _, rest = name.partition(" ")
        return f"{first[:1].upper()}{first[1:]} {rest}".strip() if first.islower() else name
    return " ".join(w[:1].upper() + w[1:] if w.islower() and w not in FUNCTION_WORDS else w for w in name.split())


def canonical_name(members: list[Mention]) -> str:
    """Best name of an unlisted actor: the fullest non-acronym name."""
    names = [m.name for m in members if m.kind in ("name", "bracket", "demonym")] or [m.name for m in members]
    counts = Counter(names)
    best = max(counts, key=lambda n: (not is_acronym(n), len(n.split()), counts[n], n[:1].isupper()))
    return title_case(best)


def actor_type(members: list[Mention], name: str) -> str:
    """Type of an unlisted actor: a country's (data/demonyms.csv) is GPE whatever
    the model called it ("Mali's military government" as a person); else that
    of its fullest name, else the most frequent."""
    if name.lower() in known_countries():
        return "GPE"
    named = [m.type for m in members if title_case(m.name) == name]
    return named[0] if named else Counter(m.type for m in members).most_common(1)[0][0]


@lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    """The countries data/demonyms.csv folds nationality adjectives to, lower-cased."""
    return frozenset(country.lower() for country in lexicon.pairs("demonyms", "demonym", "country").values())


def resolve_actors(mentions: list[Mention], table: AliasTable) -> tuple[list[Actor], list[str]]:
    """Merge mentions into actors; returns the actors and each mention's actor id."""
    uf, nodes = merge_keys(mentions, table)
    clusters: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        clusters[uf.find(node)].append(i)
    actors, root_id, taken = [], {}, set()
    for root, indices in sorted(clusters.items(), key=lambda kv: kv[1][0]):
        members = [mentions[i] for i in indices]
        entry = next((table.index[k] for k in (normalize(m.name) for m in members) if k in table.index), None)
        name = entry.name if entry else canonical_name(members)
        kind = entry.type if entry else actor_type(members, name)
        actor_id = unique_id(slug(name), kind, taken)
        descriptions = list(dict.fromkeys(d for d in [entry.description if entry else ""] + [m.description for m in members] if d))
        written = [form for m in members if m.kind != "pronoun"
                   for form in (m.text, *m.variants, *([m.name] if m.kind in ("name", "bracket") else []))]
        aliases = [a for a in dict.fromkeys(written) if a != name]
        actors.append(Actor(actor_id, name, kind, aliases, "; ".join(descriptions[:3]),
                            mentions=[ActorMention(m.article_id, m.text, m.start, m.end) for m in members]))
        root_id[root] = actor_id
    set_parents(actors, clusters, root_id, mentions, uf, table)
    return actors, [root_id[uf.find(node)] for node in nodes]


def unique_id(base: str, kind: str, taken: set[str]) -> str:
    """``base``, or ``base-person`` / ``base-2`` when another actor already has it."""
    candidate = base if base not in taken else f"{base}-{kind.lower()}"
    n = 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def set_parents(actors: list[Actor], clusters: dict[str, list[int]], root_id: dict[str, str],
                mentions: list[Mention], uf: UnionFind, table: AliasTable) -> None:
    """Parent of each actor: from the alias table, else from "Unit of Owner" mentions."""
    by_name = {normalize(a.name): a.id for a in actors}
    for actor, (root, indices) in zip(actors, sorted(clusters.items(), key=lambda kv: kv[1][0])):
        entry = table.lookup(actor.name)
        if entry and entry.parent:
            actor.parent = by_name.get(normalize(entry.parent))
            continue
        owners = [mentions[i].parent_name for i in indices if mentions[i].parent_name]
        for owner in owners:
            owner_root = uf.find(name_key(owner, table))
            if owner_root in root_id and root_id[owner_root] != actor.id:
                actor.parent = root_id[owner_root]
                break
