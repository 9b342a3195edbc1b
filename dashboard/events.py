"""Events: clauses with a trigger, their actors and roles, polarity, certainty and date.

A clause is a finite verb with its own subject or tense (a coordinated verb
sharing its subject, a participle and a copula stay inside the clause that
governs them), or an event noun ("crackdown", "statement") that carries its
own actor or time. Every token of a sentence belongs to the nearest trigger
above it; the actors named in those tokens get a role from their grammatical
relation to the trigger.

Dating follows one order, and ``date_basis`` says which step gave the date:
1. a time phrase in the event's own clause;
2. the date of the report that governs it ("X reported on Wednesday that ..."),
   before / on / after it by the tense of the reported clause;
3. tense and aspect: present perfect = recent past up to publication, present
   = at publication, future = after publication;
4. undated: on or before publication.
Intervals are half-open ``[date_start, date_end)``; ``date_relation`` places
the event relative to that interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .actors import AFFILIATIONS, CLOSING_QUOTES, OPENING_QUOTES, Mention, columns, quotation_of
from .model import ActorRole, Event, Timex

#: Look-back of "recent past" for a present perfect with no time phrase: the
#: same span the time engine gives "recently".
RECENT_PAST_DAYS = 30
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
#: Entity types whose words are names, never verbs.
NAME_TYPES = frozenset(("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"))
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
#: Forms of "be": a copula clause is a state, not an event.
BE_FORMS = {"be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re", "'m"}
HAVE_PRESENT = {"has", "have", "'ve", "'s"}
ROLE_RANK = {"agent": 0, "source": 1, "target": 2, "mentioned": 3}
#: Dependency of an actor on its trigger -> role (reporting verbs turn agent into source).
ROLE_OF_DEP = {"nsubj": "agent", "csubj": "agent", "poss": "agent", "agent": "agent",
               "dobj": "target", "nsubjpass": "target", "dative": "target", "iobj": "target"}
ROLE_OF_PREP = {"by": "agent", "against": "target", "on": "target", "at": "target"}
RELATION_OF_PREP = {"before": "before", "after": "after", "since": "after",
                    "by": "on_or_before", "until": "on_or_before", "till": "on_or_before",
                    "through": "on_or_before", "to": "goal"}
#: Words between a preposition and its time phrase: "until at least Thursday" (and any
#: determiner or adjective: "after a weak first half").
BOUND_WORDS = frozenset(("at", "least", "most", "as", "late", "early", "soon"))
#: Relations of an actor to the state noun it modifies (``passes_role_up``).
STATE_MODIFIER_DEPS = ("amod", "poss", "compound", "nmod")
#: Prepositions that place a verb at an event noun: "said *at* a press conference".
SETTING_PREPS = {"at", "in", "during"}
#: Relations of a verb that never heads a clause: auxiliaries and participles used as adjectives.
NOT_TRIGGER_DEPS = ("aux", "auxpass", "amod")


@dataclass(frozen=True)
class Dating:
    """When an event happened, as far as the text says, and why."""

    start: str | None
    end: str | None
    precision: str
    relation: str
    basis: str
    phrase: str | None = None


# ---------------------------------------------------------------- triggers

# The tests on a token's children read the token columns (``columns``):
# ``token.children`` builds a Token object per child at every call.

def has_subject(token: Token) -> bool:
    cols = columns(token.doc)
    return any(cols.dep[c] in SUBJECTS or cols.dep[c] == "expl" for c in cols.children[token.i])


def is_finite(token: Token) -> bool:
    cols = columns(token.doc)
    return token.tag_ in FINITE_TAGS or any(
        cols.dep[c] in ("aux", "auxpass") and cols.tag[c] in FINITE_TAGS for c in cols.children[token.i])


def child_deps(token: Token) -> list[str]:
    """Relations of the token's children, in order."""
    cols = columns(token.doc)
    return [cols.dep[c] for c in cols.children[token.i]]


def is_verb_trigger(token: Token) -> bool:
    """A verb heading a clause of its own, a verb coordinated with one, or an action participle.

    Not triggers: copulas, auxiliaries, past participles used as modifiers
    ("officials based in Nairobi"), and the "going" of "going to".
    """
    if not token.tag_.startswith("VB") or token.lower_ in BE_FORMS or token.dep_ in NOT_TRIGGER_DEPS:
        return False
    if token.ent_type_ in NAME_TYPES:  # "the United States said": the tagger took "States" for a verb
        return False
    if token.lower_ in NAMING_WORDS and any(c.lower_ in REFLEXIVES for c in token.children):
        return False  # "a group calling itself the CMRO said", however the parser hangs it
    if "expl" in child_deps(token):
        return False
    if token.dep_ == "relcl" and token.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in token.children):
        return False  # "Norges, which holds 4% of Vestra": a present that describes, not an event
    if is_anonymity_formula(token):
        return False
    if token.dep_ == "conj" and not has_subject(token):
        return is_coordinated_verb(token) or speakers_own_act(token) is not None
    if is_misparsed_main_verb(token):
        return True
    if token.dep_ in ("xcomp", "acl", "advcl", "pcomp") and not has_subject(token):
        if token.dep_ == "xcomp" and control_complement(token.head) is not None and \
                control_complement(token.head).i == token.i:
            return False  # "stopped shipping", "refused to fire": part of the controlling verb's event
        return (is_action_participle(token) or is_agent_participle(token)) and not (
            token.dep_ == "acl" and token.lower_ in NAMING_WORDS)
    return is_finite(token) or has_subject(token)


def is_agent_participle(token: Token) -> bool:
    """"the fine imposed on it by the Commission", "scanners made by Votex": a
    past participle describing a noun, with its agent, is an act of that agent
    done to the noun; not a standing relation (data/stative_participles.txt:
    "a company owned by Norges")."""
    return (token.dep_ == "acl" and token.tag_ == "VBN" and "agent" in child_deps(token)
            and token.lower_ not in lexicon.forms("stative_participles"))


def is_misparsed_main_verb(token: Token) -> bool:
    """"Frank Mazur, a Republican who held the seat, conceded on Friday": the
    parser may hang the sentence's verb on its long subject as a participle;
    a past form after a comma under a noun that is the sentence's root is
    the main verb, and that noun its subject."""
    head = token.head
    return (token.dep_ == "acl" and token.tag_ in ("VBN", "VBD") and head.dep_ == "ROOT"
            and head.tag_.startswith("NN") and token.i > head.i and token.i > 0
            and token.doc[token.i - 1].text == "," and not has_subject(token))


#: Participles of the formula by which a source keeps its name out: "who asked not to be named".
ANONYMITY_WORDS = frozenset(("named", "identified", "quoted"))


def is_anonymity_formula(token: Token) -> bool:
    """"a source who asked not to be named", "declined to be identified": how
    the source is quoted, not something it did."""
    return token.lower_ in ("asked", "requested", "declined", "spoke") and any(
        c.dep_ == "xcomp" and c.lower_ in ANONYMITY_WORDS for c in token.children)


def verb_triggers(sent: Span) -> set[int]:
    """Indices of the tokens of ``sent`` for which ``is_verb_trigger`` holds.

    Its first test (a verb, no copula, no auxiliary) is read from the token
    columns, so Token objects are only built for the few verbs that pass it.
    """
    cols = columns(sent.doc)
    return {i for i in range(sent.start, sent.end)
            if cols.tag[i].startswith("VB") and cols.lower[i] not in BE_FORMS
            and cols.dep[i] not in NOT_TRIGGER_DEPS and is_verb_trigger(sent.doc[i])}


def is_coordinated_verb(token: Token) -> bool:
    """"has defected and sought asylum": the second verb shares the subject but is an event of its own."""
    first = coordination_head(token)
    return first is not token and first.tag_.startswith("VB") and is_verb_trigger(first)


def coordination_head(token: Token) -> Token:
    """The first verb of a coordination ("defected" for "sought")."""
    while token.dep_ == "conj" and token.head.i != token.i and token.head.tag_.startswith("VB"):
        token = token.head
    return token


#: Dependents that make a participle an action with something acted on or said.
ACTION_DEPS = {"dobj", "ccomp", "prt", "dative", "attr"}


def is_action_participle(token: Token) -> bool:
    """"while introducing iPhone 4", "saying that ...": a present participle with an object or a report.

    Past participles ("based in Nairobi", "dubbed X") and bare participles
    ("looking tired") stay inside the clause that governs them.
    """
    if token.tag_ != "VBG" or token.lower_ == "going":
        return False
    if token.dep_ == "pcomp":
        return True  # a gerund after a preposition names an action: "by hinting at", "after launching"
    reporting = token.lower_ in lexicon.forms("reporting_verbs")
    return reporting or any(dep in ACTION_DEPS for dep in child_deps(token))


def trailing_reports(sent: Span) -> dict[int, tuple[int, int]]:
    """"X happened, Y reported": reporting verb -> (first, last) token of its source phrase.

    The parser often hangs such a verb below the main clause; an analyst reads
    it as the report of the whole sentence before the comma.
    """
    reporting = lexicon.forms("reporting_verbs")
    lower = columns(sent.doc).lower
    found = {}
    root = sent.root
    for i in range(sent.start, sent.end):
        if lower[i] not in reporting:
            continue
        token = sent.doc[i]
        if (token.i <= root.i or token.dep_ in ("ROOT", "ccomp") or token.ent_type_ in NAME_TYPES
                or not token.tag_.startswith("VB")):
            continue  # "the United States said": "States" is a name; "in a German state": a noun
        if token.dep_ == "conj" and (token.head.lower_ in reporting or any(
                c.dep_ in ("ccomp", "dobj", "xcomp") for c in token.children)):
            continue  # "said X and added Y": a report of its own; not "were released and flown, the ministry said"
        comma = next((t for t in reversed(sent.doc[root.i:token.i]) if t.text == ","), None)
        between = sent.doc[comma.i + 1:token.i] if comma is not None else []
        if any(t.tag_.startswith(("NN", "PRP")) for t in between) and not any(t.tag_.startswith("VB") for t in between):
            found[token.i] = (between.start, between.end)
    return found


def noun_triggers(sent: Span, mention_roots: set[int], timex_heads: set[int]) -> set[int]:
    """Event nouns with their own actor or time, unless a light verb already makes them its object,
    or they only modify another noun; a time alone does not make a verb's object an event."""
    nouns, light = lexicon.forms("event_nouns"), lexicon.forms("light_verbs")
    cols = columns(sent.doc)
    found = set()
    for i in range(sent.start, sent.end):
        if cols.lower[i] not in nouns or not cols.tag[i].startswith("NN"):
            continue
        token = sent.doc[i]
        if (token.dep_ == "dobj" and token.head.lower_ in light) or token.dep_ in ("compound", "amod"):
            continue  # "launched an attack"; "Gaza truce talks": the talks are the event
        object_of_event = token.dep_ == "dobj" and is_verb_trigger(token.head)
        own_actor = any(c.i in mention_roots and c.dep_ in (("poss",) if object_of_event else ("poss", "compound"))
                        for c in token.children) or any(c.dep_ == "prep" and c.lower_ == "by" for c in token.children)
        if own_actor or (token.i in timex_heads and not object_of_event):
            found.add(token.i)  # not "approved a grant the following day", "hosted Gaza truce talks": one event
    return found


#: data/modality.csv effects of a verb whose complement is the event it is one with.
CONTROLLING_EFFECTS = frozenset(("negative", "uncertain", "future", "aspect"))


def control_complement(token: Token) -> Token | None:
    """"refused to fire", "is expected to discuss", "continued to sell": the
    complement of a verb that negates, hedges, schedules or only times it."""
    if lexicon.pairs("modality", "word", "effect").get(token.lower_) not in CONTROLLING_EFFECTS:
        return None
    if token.lower_ in lexicon.forms("raising_verbs") and (
            token.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in token.children)):
        return None  # "Halvorsen expected to find savings": a past expectation is the event, not the finding
    return next((c for c in token.children if c.dep_ == "xcomp"), None)


def is_raising(clause: "Clause") -> bool:
    """"the Council is expected to discuss": a predicate of data/raising_verbs.txt
    with its complement, whose subject acts in the complement."""
    return clause.end is not clause.trigger and clause.trigger.lower_ in lexicon.forms("raising_verbs")


# ---------------------------------------------------------------- clause membership

def head_indices(doc: Doc) -> list[int]:
    """Index of each token's head, computed once per parsed document."""
    return columns(doc).head


#: Quotation marks: straight, curly, and AP's `` and ''.
def quote_continuations(doc: Doc, clauses: dict[int, "Clause"]) -> None:
    """'"We lost," Emery said. "Tomorrow we have an important match."': a
    quotation that goes on past its attribution is still the speaker's. The
    quoted clauses of the sentences that continue it (they open with a
    quotation mark, or one opened before is not yet closed, and have no
    reporting verb of their own outside the quotation) are reported by that
    attribution."""
    cols = columns(doc)
    by_sentence: dict[int, list[int]] = {}
    for i in sorted(clauses):
        by_sentence.setdefault(doc[i].sent.start, []).append(i)
    speaker, open_quote = None, False
    for sent in doc.sents:
        own = by_sentence.get(sent.start, [])
        first = next((k for k in range(sent.start, sent.end) if not cols.text[k].isspace()), sent.start)
        continuing = open_quote or cols.text[first] in OPENING_QUOTES
        if open_quote:  # it begins inside a quotation opened in a sentence before: its first mark closes it
            close = next((k for k in range(sent.start, sent.end) if cols.text[k] in CLOSING_QUOTES), sent.end)
            inside = set(range(sent.start, close)) | set(quotation_of(doc[min(close + 1, sent.end):sent.end]))
        else:
            inside = set(quotation_of(sent))
        reports = [i for i in own if clauses[i].reporting and i not in inside]
        if continuing and not reports and speaker is not None:
            for i in own:
                if i in inside and clauses[i].report_of is None and clauses[i].parent is None:
                    clauses[i].report_of, clauses[i].quoted = speaker, True
        elif reports and inside:
            speaker = reports[-1]  # '"...," Emery said.'
        else:
            speaker = None
        for k in range(sent.start, sent.end):  # whether a quotation is still open where the sentence ends
            text = cols.text[k]
            if text == '"':
                open_quote = not open_quote
            elif text in OPENING_QUOTES:
                open_quote = True
            elif text in CLOSING_QUOTES:
                open_quote = False


def raising_adjectives(sent: Span) -> dict[int, int]:
    """Copula -> the raising adjective after it with a verb to do ("He is
    unlikely to feature", "the minister is due to meet Fidan"): the adjective
    is a trigger, its complement the event, and the copula's subject its own."""
    cols = columns(sent.doc)
    raising = lexicon.forms("raising_verbs")
    found = {}
    for i in range(sent.start, sent.end):
        if (cols.tag[i] == "JJ" and cols.dep[i] == "acomp" and cols.lower[i] in raising
                and cols.lower[cols.head[i]] in BE_FORMS
                and any(cols.dep[c] == "xcomp" and cols.tag[c].startswith("VB") for c in cols.children[i])):
            found[cols.head[i]] = i
    return found


def owners(sent: Span, triggers: set[int], reports: dict[int, tuple[int, int]],
           copulas: dict[int, int] | None = None) -> dict[int, int]:
    """Token index -> index of the trigger whose clause it belongs to (a copula
    stands for the raising adjective after it, ``copulas``)."""
    heads = head_indices(sent.doc)
    copulas = copulas or {}
    owner = {}
    for i in range(sent.start, sent.end):  # integer walk: no Token objects on the way up
        cur = i
        while cur not in triggers and cur not in copulas and heads[cur] != cur:
            cur = heads[cur]
        cur = copulas.get(cur, cur)
        if cur in triggers:
            owner[i] = cur
    for verb, (first, last) in reports.items():
        for i in range(first, last):
            owner[i] = verb
    return owner


def mention_root(m: Mention, doc: Doc) -> Token:
    """The token of a mention whose head lies outside it."""
    heads = columns(doc).head
    for i in range(m.token_start, m.token_end):
        if not (m.token_start <= heads[i] < m.token_end) or heads[i] == i:
            return doc[i]
    return doc[m.token_start:m.token_end].root


#: Where a thing owned stands for its owner: the object acted on ("raided
#: the headquarters of X", "X's home was searched"), not a place of the act
#: ("made at the company's plant", "workers at Harwood's factories").
PROPERTY_DEPS = frozenset(("dobj", "nsubjpass"))


def passes_role_up(dep: str, head: Token, kind: str) -> bool:
    """Whether an actor linked to ``head`` by ``dep`` takes the role ``head`` has.

    Through an apposition or a coordination always. An actor through the state
    noun it modifies: "Canadian authorities issued a warrant", "Iraq's
    ambassador said", "the Bush administration said", "Chinese coast guard
    vessels fired" make Canada (China) the agent,
    Iraq and Bush the source. An owner through its organ (data/organ_nouns.txt)
    after a possessive: "Vestra's board rejected it"; an owner through what it
    owns (data/property_nouns.txt) when that is acted on: "searched Halas's
    home". A name through the kind of thing it names (data/thing_nouns.txt):
    "its Valkyrie 2 rocket". An organisation through the noun it names in a
    compound ("IRGC commanders fired"), a country through its own organisation
    ("the U.S. Justice Department said"). Never past a person's name: in "UN
    secretary general Kofi Annan visits" and "Iraq's president Saddam Hussein
    said" the person acts. Not a place or a person that only describes a noun:
    "a Miami judge ruled", "the Kalashnikov rifle was used".
    """
    if dep in ("appos", "conj"):
        return True
    if dep in ("compound", "nmod") and head.tag_ in ("NN", "NNS") and head.lower_ in lexicon.forms("thing_nouns"):
        return True  # "launched its Valkyrie 2 rocket": the rocket called so, whatever the model took the name for
    if head.ent_type_ == "PERSON" and kind != "PERSON":  # "Iraq's president Saddam Hussein": Saddam acts
        return False
    if dep in STATE_MODIFIER_DEPS and is_state_noun_phrase(head):
        # "the Bush administration said", "Canadian authorities issued"; not when the noun names a person
        return kind == "PERSON" or not any(c.ent_type_ == "PERSON" and c.dep_ in ("appos", "compound")
                                           for c in head.children)
    if dep == "poss" and head.lower_ in lexicon.forms("organ_nouns"):  # "Vestra's board rejected": Vestra
        return kind != "PERSON"  # a person's lawyer speaks for himself: "Halvorsen's lawyer said" is the lawyer's
    if dep == "poss" and head.lower_ in lexicon.forms("property_nouns"):  # "searched Halas's home": Halas
        return head.dep_ in PROPERTY_DEPS
    # an organisation through what it names, a country through its own organisation ("U.S. Justice Department")
    return dep == "compound" and (kind == "ORG" or (kind == "GPE" and head.ent_type_ == "ORG"))


def is_state_noun_phrase(head: Token) -> bool:
    """A state noun, or a noun it names in a compound: "authorities", "coast guard vessels"."""
    states = lexicon.forms("state_nouns")
    return head.lower_ in states or any(c.dep_ == "compound" and c.lower_ in states for c in head.children)


#: Participles that give the name of the noun they describe: "a group calling itself Black Meridian".
NAMING_WORDS = frozenset(("calling", "called", "named", "known", "dubbed"))
REFLEXIVES = frozenset(("itself", "themselves", "himself", "herself"))


def role_head(token: Token, trigger: Token, kind: str) -> tuple[str, Token]:
    """(relation, head) through which the actor at ``token`` relates to the clause of ``trigger``."""
    dep, head = token.dep_, token.head
    if dep == "pobj" and head.lower_ == "as" and head.head.lower_ in NAMING_WORDS:  # "known as Black Meridian"
        dep, head = "oprd", head.head
    if dep in ("oprd", "attr", "dobj") and head.lower_ in NAMING_WORDS and head.dep_ == "acl":
        dep, head = head.head.dep_, head.head.head  # the name takes the role of the noun it names
    elif (dep in ("oprd", "attr") and head.lower_ in NAMING_WORDS and head.dep_ in ("csubj", "advcl")
          and any(c.lower_ in REFLEXIVES for c in head.children)):
        dep, head = "nsubj", head.head  # "a group calling itself the CMRO said", parsed as a clause of "said"
    if (dep == "pobj" and head.lower_ == "of" and head.dep_ == "prep" and kind in ("PERSON", "GPE")
            and head.head.lower_ in lexicon.forms("state_nouns") and head.head.i != trigger.i):
        dep, head = head.head.dep_, head.head.head  # "the government of Justin Trudeau ordered": Trudeau
    if (dep == "pobj" and head.lower_ == "of" and head.dep_ == "prep"
            and head.head.lower_ in lexicon.forms("property_nouns") and head.head.dep_ in PROPERTY_DEPS):
        dep, head = head.head.dep_, head.head.head  # "raided the headquarters of Dunavia": Dunavia
    if (dep == "appos" and kind == "PERSON" and head.ent_type_ in ("GPE", "LOC", "ORG", "FAC")
            and head.dep_ == "pobj" and head.head.dep_ == "prep"):
        head = head.head.head  # "Its representative in Zambia, Hannah Ostberg, said": of the representative
    while head.i != trigger.i and head.head.i != head.i and passes_role_up(dep, head, kind):
        dep, head = head.dep_, head.head
    return dep, head


def role_of(token: Token, trigger: Token, reporting: bool, kind: str = "ORG") -> str:
    """Role of the actor (of type ``kind``) at ``token`` in the event of ``trigger``."""
    dep, head = role_head(token, trigger, kind)
    role = "mentioned"
    if head.i == trigger.i:
        role = ROLE_OF_DEP.get(dep, "mentioned")
        if dep == "poss" and trigger.tag_.startswith("NN") and trigger.lower_ in lexicon.forms("patient_nouns"):
            role = "target"  # "Vaz's removal", "his release": done to the possessor
    elif dep == "pobj" and head.dep_ in ("prep", "agent") and head.head.i == trigger.i:
        role = ROLE_OF_PREP.get(head.lower_, "mentioned")
        if head.lower_ == "of" and trigger.tag_ in ("NN", "NNS"):
            role = "target"  # "the launch of the Hugin lander", "the failure of a Valkyrie 2 rocket"
    elif (dep == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"
          and head.head.head.i == trigger.i):
        return "source"  # "the blaze grew, according to Cal Fire"
    elif (dep == "pobj" and head.dep_ == "prep" and (head.lower_ in AFFILIATIONS or (head.lower_ == "in" and kind == "ORG"))
          and head.head.tag_ in ("NN", "NNS") and head.head.dep_ in SUBJECTS and head.head.head.i == trigger.i):
        role = ROLE_OF_DEP.get(head.head.dep_, "mentioned")  # "analysts at Jefferies said": Jefferies speaks
    if reporting and role == "agent":
        role = "source"
    return role


# ---------------------------------------------------------------- polarity, certainty, tense

#: Conjunctions of a clause that states no fact: "if the club blocked the move".
HYPOTHETICAL = frozenset(("if", "unless"))
#: Conjunctions of a time clause: under a modal ("would be reallocated once
#: the process ended") its past tense speaks of what is still ahead.
TIME_MARKS = frozenset(("once", "when", "until", "after", "before", "as"))
#: Conjunctions of a clause whose truth is open: "declined to say whether the bureau had identified".
OPEN_QUESTION = frozenset(("whether",))
#: Arguments that negate their verb when they are "nobody", "nothing" or "no ...".
NEGATING_ARGUMENTS = ("nsubj", "nsubjpass", "dobj")


def modality(trigger: Token, complement: Token | None) -> tuple[str, str]:
    """(polarity, certainty) from negation, modals, hedges, control verbs and a
    negative subject or object ("No one has claimed responsibility")."""
    effects = lexicon.pairs("modality", "word", "effect")
    cols = columns(trigger.doc)
    words = [cols.lower[c] for t in (trigger, complement) if t is not None for c in cols.children[t.i]
             if cols.dep[c] in ("neg", "aux", "auxpass", "advmod")]
    words += [cols.lower[g] for c in cols.children[trigger.i] if cols.dep[c] in NEGATING_ARGUMENTS
              for g in (c, *cols.children[c]) if g == c or cols.dep[g] == "det"]  # "no one", "nobody claimed"
    if complement is not None:
        words.append(trigger.lower_)
    found = {effects.get(w) for w in words}
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "from" and effects.get(trigger.head.head.lower_) == "negative":
        found.add("negative")  # "prevented a helicopter from reaching them", "bars police from using live rounds"
    if any(cols.dep[c] == "mark" and cols.lower[c] in HYPOTHETICAL | OPEN_QUESTION for c in cols.children[trigger.i]):
        found.add("uncertain")  # "if the club blocked the move", "whether it paid": no fact
    return ("negative" if "negative" in found else "positive",
            "uncertain" if "uncertain" in found else "certain")


def tense(trigger: Token) -> str:
    """past_perfect | present_perfect | present | past | future | modal_perfect | none."""
    speaker = speakers_own_act(trigger)
    if speaker is not None:
        return tense(speaker)
    cols = columns(trigger.doc)
    aux = [c for c in cols.children[trigger.i] if cols.dep[c] in ("aux", "auxpass")]
    first = coordination_head(trigger)
    if not aux and first is not trigger and trigger.tag_ in ("VBD", "VBN", "VB", "VBG"):
        return tense(first)  # "has defected and sought": the second verb shares the first one's tense
    words = [cols.lower[a] for a in aux]
    tags = [cols.tag[a] for a in aux]
    effects = lexicon.pairs("modality", "word", "effect")
    if any(effects.get(w) == "future" for w in words):
        return "future"
    if (trigger.tag_ == "VB" and "to" in words and trigger.dep_ in ("xcomp", "ccomp")
            and trigger.head.tag_ in ("VBZ", "VBP") and effects.get(trigger.head.lower_) == "uncertain"):
        return "future"  # "expects the recall to cost", "plans to build": what a present intent looks to
    if (("VBZ" in tags or "VBP" in tags) and trigger.lower_ in lexicon.forms("raising_verbs")
            and any(cols.dep[c] == "xcomp" for c in cols.children[trigger.i])):
        return "future"  # "is expected to close", "is set to visit": ahead of the publication date
    if "MD" in tags:
        if ("could" in words and any(cols.dep[c] == "neg" for c in cols.children[trigger.i])
                and trigger.dep_ != "ccomp"):
            return "past"  # "Reuters could not verify the claim" (but "said she could not attend next week")
        return "modal_perfect" if "have" in words else "modal"
    if "had" in words and trigger.tag_ == "VBN":
        return "past_perfect"
    if any(w in HAVE_PRESENT and t in ("VBZ", "VBP") for w, t in zip(words, tags)) and trigger.tag_ == "VBN":
        return "present_perfect"
    if trigger.tag_ in ("VBZ", "VBP") or "VBZ" in tags or "VBP" in tags:
        # "if diplomacy fails", "until Annan visits": the present of a condition or a limit is ahead
        opener = [cols.lower[c] for c in cols.children[trigger.i] if cols.dep[c] in ("mark", "advmod") and c < trigger.i]
        return "future" if any(effects.get(w) == "condition" for w in opener) else "present"
    if trigger.tag_ == "VBD" or "VBD" in tags:
        marks = {cols.lower[c] for c in cols.children[trigger.i] if cols.dep[c] in ("mark", "advmod")}
        if marks & HYPOTHETICAL:
            return "modal"  # "would leave if the club blocked the move": a past that has not happened
        if (trigger.dep_ == "advcl" and marks & TIME_MARKS
                and any(cols.dep[c] == "aux" and cols.tag[c] == "MD" for c in cols.children[trigger.head.i])):
            return "modal"  # "would be reallocated once the appeal process ended": still ahead
        return "past"
    return "none"


def lasting_word(trigger: Token) -> str | None:
    """"long" of "has long monitored", "times" of "has been arrested a dozen times":
    a present perfect that spans more than the recent past (data/modality.csv)."""
    effects = lexicon.pairs("modality", "word", "effect")
    cols = columns(trigger.doc)
    return next((cols.lower[c] for c in cols.children[trigger.i]
                 if cols.dep[c] in ("advmod", "npadvmod") and effects.get(cols.lower[c]) == "lasting"), None)


RELATION_TO_REPORT = {"past_perfect": "before", "present_perfect": "on_or_before", "past": "on_or_before",
                      "modal_perfect": "on_or_before", "present": "on", "future": "after", "modal": "after"}


# ---------------------------------------------------------------- dating

def next_day(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()


def undated(dct: date, basis: str = "") -> Dating:
    return Dating(dct.isoformat(), next_day(dct), "undated", "on_or_before",
                  basis or f"no time in the text: on or before publication {dct.isoformat()}")


def interval_label(d: Dating) -> str:
    """"2026-01-21" for a day, "2026-01-21T15:00" for a time, "'earlier this
    month' (2026-01-01 to 2026-01-22)" otherwise: the last day included, a
    time span's end as it is ("'on Saturday night' (2026-09-26T21:00 to
    2026-09-27T06:00)")."""
    if not d.end:
        last = "?"
    elif "T" in d.end:
        last = d.end
        if d.start and datetime.fromisoformat(d.end) - datetime.fromisoformat(d.start) <= timedelta(minutes=1):
            return d.start  # a clock time: its minute
    else:
        last = (date.fromisoformat(d.end) - timedelta(days=1)).isoformat()
    if last == d.start:
        return d.start
    return f"{d.phrase!r} ({d.start} to {last})" if d.phrase else f"{d.start} to {last}"


def date_from_timex(timex: Timex, phrase: str, relation: str) -> Dating:
    return Dating(timex.interval_start, timex.interval_end, timex.precision or "vague", relation,
                  f"from {phrase!r} in the same clause", phrase)


#: Words that count days from the speaker's today: in a quotation, from the day it was said.
DEICTIC_DAYS = re.compile(r"\b(?:today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)


def said_on_report_day(own: Dating, timex: Timex, report: Dating, dct: date) -> Dating:
    """"'Today a jury held him accountable,' the prosecutor said on Wednesday":
    the speaker's today is Wednesday, not the publication date."""
    if report.precision not in ("day", "time") or timex.anchor != "dct" or not DEICTIC_DAYS.search(timex.text):
        return own  # "said on Thursday evening" is a day too
    days = (day_of(report.start) - dct).days
    if not days or not own.start or not own.end:
        return own
    def moved(value: str) -> str:
        stamp = datetime.fromisoformat(value) + timedelta(days=days)
        return stamp.isoformat(timespec="minutes") if "T" in value else stamp.date().isoformat()
    return replace(own, start=moved(own.start), end=moved(own.end),
                   basis=f"{own.basis}, the speaker's day: the report of {report.start}")


def within_report(own: Dating, report: Dating) -> Dating:
    """A vague phrase in a reported clause counts from the report, not from the
    publication date: "recently" ends with the report, "now" is its time ("'We
    will not stop now,' the commander said on Monday")."""
    if own.precision != "vague" or report.precision == "undated" or not own.end or not report.end:
        return own
    if own.end <= report.end:
        return own
    moved = (day_of(report.end) - day_of(own.end))
    start = (day_of(own.start) + moved).isoformat() if own.start else None
    return replace(own, start=start, end=report.end, basis=f"{own.basis}, by the report of {interval_label(report)}")


def day_of(value: str) -> date:
    """The day of an ISO date or datetime string."""
    return date.fromisoformat(value[:10])


def from_report(report: Dating, report_trigger: str, clause_tense: str, dct: date) -> Dating:
    if report.precision == "undated":
        if clause_tense in ("future", "modal"):  # "said the troops will withdraw": still ahead when reported
            return replace(from_tense(clause_tense, dct), basis=f"future or modal, reported by undated "
                                                              f"'{report_trigger}': after publication {dct.isoformat()}")
        return undated(dct, f"reported by undated '{report_trigger}': on or before publication {dct.isoformat()}")
    relation = RELATION_TO_REPORT.get(clause_tense, "on_or_before")
    words = {"before": "before", "on_or_before": "on or before", "on": "at the time of", "after": "after"}[relation]
    return Dating(report.start, report.end, report.precision, relation,
                  f"{words} the report of {interval_label(report)}", report.phrase)


def from_tense(clause_tense: str, dct: date) -> Dating | None:
    if clause_tense == "headline_present":
        return undated(dct, f"headline in the present tense: on or before publication {dct.isoformat()}")
    if clause_tense == "present_perfect":
        start = (dct - timedelta(days=RECENT_PAST_DAYS)).isoformat()
        return Dating(start, next_day(dct), "vague", "on",
                      f"present perfect: recent past up to publication {dct.isoformat()}")
    if clause_tense == "present":
        return Dating(dct.isoformat(), next_day(dct), "day", "on",
                      f"present tense: at publication {dct.isoformat()}")
    if clause_tense in ("future", "modal"):
        return Dating(dct.isoformat(), next_day(dct), "vague", "after",
                      f"future or modal: after publication {dct.isoformat()}")
    return None


# ---------------------------------------------------------------- the stage

@dataclass
class Clause:
    trigger: Token
    end: Token  # last token of the trigger phrase ("fire" in "refused to fire")
    report_of: int | None = None  # trigger index of the report governing it
    reporting: bool = False
    source_span: tuple[int, int] | None = None  # tokens naming the source of a trailing report
    timex: Timex | None = None
    phrase: str | None = None
    relation: str = "on"
    parent: int | None = None  # the verb a coordinated verb or participle shares its subject with
    quoted: bool = False  # inside a quotation
    time_of: str | None = None  # the trigger whose time phrase this clause takes ("flew" that of "broke")


def attach_timexes(doc: Doc, timexes: list[Timex], offset: int) -> dict[int, tuple[Timex, str, str]]:
    """Token index of each dated time phrase's root -> (timex, phrase with preposition, relation)."""
    found = {}
    for timex in timexes:
        if timex.role == "publication_date" or not timex.interval_start or timex.type == "SET":
            continue  # a duration with an interval is anchored: "in the past three months, stocks have plunged"
        span = doc.char_span(timex.start - offset, timex.end - offset, alignment_mode="expand")
        if span is None or not len(span) or all(t.is_space for t in span):
            continue  # no phrase, or one the parser saw as blank (a wire dateline's date)
        root, phrase, relation = span.root, timex.text, "on"
        prep = root.head if root.dep_ == "pobj" else None
        if prep is not None and prep.i < span.start and all(
                t.lower_ in BOUND_WORDS or t.tag_ in ("DT", "JJ", "PRP$") for t in doc[prep.i + 1:span.start]):
            phrase = doc[prep.i:span.end].text  # "until at least Thursday"
            relation = RELATION_OF_PREP.get(prep.lower_, "on")
            if relation == "before" and timex.mod == "END":
                relation = "on_or_before"  # "before the end of the year": by its end, not before its last part
        found[root.i] = (timex, phrase, relation)
    # "agreed to extend the deadline to the end of 2028", "postponed the vote to March": a date a change
    # aims at is not when it happened (unless it closes a range: "from Monday to Friday")
    return {i: found for i, found in joined_ranges(doc, found, offset).items() if found[2] != "goal"}


def joined_ranges(doc: Doc, found: dict[int, tuple[Timex, str, str]], offset: int) -> dict[int, tuple[Timex, str, str]]:
    """"between 2020 and 2022", "from 7 a.m. on April 21 until 7 a.m. on April
    24": two phrases that bound one span date a clause over all of it, from
    the first one's start to the second one's end (TimeML tags them apart)."""
    spans = {}
    for i, (timex, _, _) in found.items():
        span = doc.char_span(timex.start - offset, timex.end - offset, alignment_mode="expand")
        if span is not None and len(span):
            spans[i] = span
    by_start = {span.start: i for i, span in spans.items()}

    def day_after(i: int | None) -> int | None:
        """The day phrase after "on" that a clock time is of: "7 a.m." "on" "April 21"."""
        if i is None or spans[i].end >= len(doc) or doc[spans[i].end].lower_ != "on":
            return None
        return by_start.get(spans[i].end + 1)

    for i in sorted(found):
        if i not in found or i not in spans:
            continue
        span, first = spans[i], found[i][0]
        opener = doc[span.start - 1].lower_ if span.start else ""
        closers = {"between": ("and",), "from": ("to", "until", "through", "till")}.get(opener)
        first_day = day_after(i)
        end = spans[first_day].end if first_day is not None else span.end
        joiner = doc[end] if closers and end < len(doc) else None
        partner = by_start.get(end + 1) if joiner is not None and joiner.lower_ in closers else None
        second = found[partner][0] if partner in found else None
        if (second is None or not first.interval_end or not second.interval_end
                or second.interval_end <= first.interval_start):
            continue
        second_day = day_after(partner)
        whole = doc[span.start - 1:spans[second_day if second_day is not None else partner].end]
        found[i] = (replace(first, text=whole.text, interval_end=second.interval_end), whole.text, "on")
        for joined in (first_day, partner, second_day):
            found.pop(joined, None)
    return found


#: Words whose "of"/"with"/"for" + gerund names a deed done before them:
#: "found guilty of murdering", "charged with setting fire", "jailed for spying".
CHARGE_WORDS = frozenset(("guilty", "innocent", "accused", "charged", "convicted", "acquitted", "suspected",
                          "arrested", "jailed", "sentenced", "indicted", "cleared", "blamed", "sued", "fined",
                          "punished", "prosecuted", "investigated", "responsible", "detained", "tried"))


def is_charge(token: Token) -> bool:
    """Whether a gerund names what someone is charged with or found guilty of,
    which happened before the charge or the verdict (and not at its time)."""
    while token.dep_ == "conj" and token.head.i != token.i:  # "of murdering her neighbor and setting fire"
        token = token.head
    prep = token.head
    charged = prep.head if prep.head.dep_ != "dobj" else prep.head.head  # "accused agitators of hiring"
    return (token.tag_ == "VBG" and token.dep_ == "pcomp" and prep.lower_ in ("of", "with", "for")
            and charged.lower_ in CHARGE_WORDS)


def misattached_report_time(doc: Doc, root: int, owner: int | None, clauses: dict) -> int | None:
    """"Northvale said on Wednesday it would cut jobs": the parser hangs the
    time on the reported verb, but a time between the reporting verb and the
    reported clause's subject dates the report. The reporting trigger, or None."""
    token = doc[root]
    attached = token.head if token.dep_ == "pobj" else token
    verb = attached.head
    if owner is None or verb.i != owner or verb.dep_ != "ccomp" or verb.head.i not in clauses:
        return None
    report = clauses[verb.head.i]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (report.reporting and report.trigger.i < attached.i and subject is not None
            and attached.i < subject.left_edge.i):
        return report.trigger.i
    return None


def acts_on_object(token: Token) -> bool:
    """"Newsom declared a state of emergency", "Apple announced a new phone": a
    reporting verb with a noun object and no clause it reports is an act,
    whose subject is its agent, not a source."""
    deps = child_deps(token)
    return ("dobj" in deps and "ccomp" not in deps and "parataxis" not in deps
            and any(c.dep_ == "dobj" and c.tag_.startswith("NN") for c in token.children))


def governing_report(trigger: Token, triggers: set[int], owner: dict[int, int]) -> int | None:
    """The reporting clause whose complement this clause is ("reported that ...")."""
    if speakers_own_act(trigger) is not None:
        return None
    reporting = lexicon.forms("reporting_verbs")
    cur, came_by = trigger, None
    while cur.head.i != cur.i:
        came_by, cur = cur.dep_, cur.head
        if (cur.lower_ in reporting and came_by in ("ccomp", "conj") and cur.tag_.startswith("VB")
                and not acts_on_object(cur)):
            return owner.get(cur.i)
        if cur.i in triggers and not (came_by in ("ccomp", "conj") and cur.dep_ in ("ccomp", "conj")):
            return None  # a clause of its own; but a report's second or nested clause goes on up
    return None


def sentence_clauses(sent: Span, mention_roots: set[int], timex_roots: dict) -> tuple[dict[int, Clause], dict[int, int]]:
    """The clauses of one sentence, keyed by trigger index, and each token's owner."""
    reporting = lexicon.forms("reporting_verbs")
    reports = trailing_reports(sent)
    timex_heads = {head for i in timex_roots for head in heads_up_to_prep(sent.doc[i])}
    verbs = verb_triggers(sent) | set(reports)
    copulas = raising_adjectives(sent)
    triggers = verbs | noun_triggers(sent, mention_roots, timex_heads) | set(copulas.values())
    owner = owners(sent, triggers, reports, copulas)
    clauses = {}
    for i in sorted(triggers):
        token = sent.doc[i]
        complement = control_complement(token)
        clauses[i] = Clause(token, complement if complement is not None else particle(token) or token,
                            reporting=(token.lower_ in reporting and token.tag_.startswith("VB")
                                       and (i in reports or not acts_on_object(token))),
                            source_span=reports.get(i), parent=shared_subject_parent(token, triggers, owner))
    for verb in reports:
        if sent.root.i in clauses:
            clauses[sent.root.i].report_of = verb
    for i, clause in clauses.items():
        if clause.report_of is None and i not in reports:
            clause.report_of = governing_report(clause.trigger, triggers, owner)
    quoted = quotation_of(sent)
    for i, clause in clauses.items():
        clause.quoted = i in quoted
    for i, (timex, phrase, relation) in sorted(timex_roots.items()):
        report = misattached_report_time(sent.doc, i, owner.get(i), clauses)
        clause = clauses.get(report if report is not None else owner.get(i))
        if clause is None or (report is None and not dates_its_owner(sent.doc, i, owner[i], timex.type == "DURATION")):
            continue
        if quoted.get(i) != quoted.get(owner[i]):
            continue  # "'Sunday was a relief,' said Münch": the quote's time, not the saying's
        # the first phrase dates the clause, unless it is vague and a later one is not:
        # "most recently last October" is last October
        if of_a_noun(sent.doc, i, clause.trigger.i):
            continue  # "approved the budget for 2026": the budget's year, not the approval's
        if clause.timex is None or (clause.timex.precision == "vague" and timex.precision != "vague"):
            clause.timex, clause.phrase, clause.relation = timex, phrase, relation
    setting_times(clauses, owner, timex_roots)
    merge_report_settings(clauses, owner)
    for i in sorted(clauses, key=lambda k: depth(clauses, k)):
        clause = clauses[i]
        parent = clauses.get(clause.parent)
        if parent is None:
            continue
        if clause.report_of is None:
            clause.report_of = parent.report_of
        if (clause.timex is None and parent.timex is not None  # "launched X today and cut prices"
                and (clause.trigger.dep_ != "conj" or tense(clause.trigger) == tense(parent.trigger))
                and not is_charge(clause.trigger)  # "found guilty on Thursday of murdering": not Thursday
                and not is_agent_participle(clause.trigger)):  # "began testing the sensor made by Aeroflux"
            # not "was found guilty in 2023 and is serving a sentence": another tense, another time
            link = temporal_link(clause.trigger)  # "resubmitted in March after moving": the moving came before
            clause.timex, clause.phrase = parent.timex, parent.phrase
            clause.relation = link[0] if link and link[0] != "on" else parent.relation
            if link:
                clause.time_of = parent.trigger.text
    for i in sorted(clauses):  # "One year later he was fired and he founded NeXT": same tense, same time
        clause = clauses[i]
        first = clauses.get(clause.trigger.head.i) if clause.trigger.dep_ == "conj" and clause.parent is None else None
        if (first is not None and clause.timex is None and first.timex is not None and first.trigger.i < i
                and tense(first.trigger) == tense(clause.trigger)
                and not contrasted(sent.doc, first.trigger.i, i)):  # not "reopened at 4:30 a.m., but officials warned"
            clause.timex, clause.phrase, clause.relation = first.timex, first.phrase, first.relation
    for i in sorted(clauses, key=lambda k: depth(clauses, k)):  # "broke on Wednesday when Salgueiro flew"
        clause = clauses[i]
        link = temporal_link(clause.trigger) if clause.timex is None else None
        if link is None or link[0] == "since":  # a since-clause gives its time upwards (below), takes none
            continue
        relation, anchor = link
        if anchor.i in timex_roots:  # "on October 14, when parliament approved": that day
            clause.timex, clause.phrase = timex_roots[anchor.i][:2]
        elif anchor.i in clauses and clauses[anchor.i].timex is not None:
            above = clauses[anchor.i]
            clause.timex, clause.phrase, clause.time_of = above.timex, above.phrase, above.trigger.text
            relation = above.relation if relation == "on" else relation
        else:
            continue
        clause.relation = relation
    for clause in clauses.values():  # "would ask for relief when lawmakers return on Oct. 21": then
        link = temporal_link(clause.trigger) if clause.timex is not None and clause.time_of is None else None
        above = clauses.get(link[1].i) if link and link[0] in ("on", "since") else None
        if above is not None and above.timex is None:
            above.timex, above.phrase, above.time_of = clause.timex, clause.phrase, clause.trigger.text
            if link[0] == "since":  # "has seen four coups since it gained independence in 1974": after it
                above.relation = "after"
    return clauses, owner


#: Words that make a clause happen at, after or before the time of the one it hangs from.
WHEN_WORDS = frozenset(("when", "as", "while", "once", "whenever"))
#: Forms of "do" that stand for the verb of a comparison: "as it did".
DO_FORMS = frozenset(("do", "does", "did", "done"))
SEQUENCE_WORDS = {"after": "before", "before": "after", "until": "after"}


def temporal_link(trigger: Token) -> tuple[str, Token] | None:
    """(relation, anchor) of a clause that takes its time from the clause or
    date it hangs from: "broke on Wednesday when Salgueiro flew" (on),
    "resubmitted in March after moving production" (before: the moving came
    first), "on October 14, when parliament approved" (on that day)."""
    if trigger.dep_ in ("advcl", "relcl"):
        for child in trigger.children:
            if child.i < trigger.i and (child.dep_ == "mark" or (child.dep_ == "advmod" and child.lower_ == "when")):
                if child.lower_ == "as" and trigger.lower_ in DO_FORMS:
                    return None  # "could slow checks, as it did in 2021": a comparison, not a time
                if child.lower_ in WHEN_WORDS:
                    return "on", trigger.head
                if child.lower_ in SEQUENCE_WORDS:
                    return SEQUENCE_WORDS[child.lower_], trigger.head
                if child.lower_ == "since" and trigger.dep_ == "advcl":
                    return "since", trigger.head  # the clause above runs from this one's time on
        return None
    if trigger.dep_ == "pcomp" and trigger.head.lower_ in SEQUENCE_WORDS and trigger.head.dep_ == "prep":
        return SEQUENCE_WORDS[trigger.head.lower_], trigger.head.head
    return None


#: Conjunctions that set a clause against the one before: its time is its own.
CONTRASTS = frozenset(("but", "yet", "while", "whereas", "although", "though"))


def contrasted(doc: Doc, first: int, second: int) -> bool:
    """Whether a contrasting conjunction stands between two coordinated verbs."""
    cols = columns(doc)
    return any(cols.lower[k] in CONTRASTS for k in range(first + 1, second))


#: Verbs after which "for" gives the date of what they plan: "scheduled for March".
PLAN_VERBS = frozenset(("set", "scheduled", "slated", "planned", "due", "postponed", "delayed", "moved",
                        "rescheduled", "adjourned", "booked", "called", "pencilled", "penciled", "earmarked"))


def of_a_noun(doc: Doc, root: int, trigger: int) -> bool:
    """Whether a time phrase gives the period of a thing rather than the time of
    the event: it hangs by "for" or "of" from a noun ("results of the
    quarter"), or by "for" from a verb that plans nothing ("approved the
    budget for 2026": spaCy often hangs it on the verb)."""
    cols = columns(doc)
    prep = cols.head[root]
    if cols.dep[root] != "pobj" or cols.lower[prep] not in ("for", "of"):
        return False
    owner = cols.head[prep]
    if owner == trigger:
        return cols.lower[prep] == "for" and cols.lower[trigger] not in PLAN_VERBS
    return cols.tag[owner] in ("NN", "NNS")


#: Relations that open a clause inside a noun phrase: "plans to travel next
#: week", "bombings which killed 224 people on Aug. 7". A time phrase below one
#: belongs to that clause, not to the verb the noun phrase hangs from.
NOUN_CLAUSE_DEPS = ("acl", "relcl")


def dates_its_owner(doc: Doc, root: int, trigger: int, duration: bool = False) -> bool:
    """Whether the time phrase whose root is ``root`` dates the clause of ``trigger``.

    Not when it is a possessive of a noun other than the trigger ("arrested over
    last year's blasts": the blasts are last year's, not the arrest), nor when it
    lies in a clause that modifies a noun or in a reported clause on the way up
    ("said a pause until the summer was likely"); a duration only when it
    hangs from the verb itself or its preposition does.
    """
    cols = columns(doc)
    head, dep = cols.head[root], cols.dep[root]
    if head != trigger and (dep == "poss" or (dep in NOUN_MODIFIERS and cols.tag[head] in ("NN", "NNS"))
                            or (dep == "nummod" and cols.tag[head].startswith("NN"))):
        return False  # "last year's blasts", "fourth-quarter profit", "the 1936 Montreux Convention": the noun's
    if duration and trigger not in (cols.head[root], cols.head[cols.head[root]]):
        return False  # "in the past three months, stocks have plunged", not "four others in the past four years"
    at = cols.head[root]
    while at != trigger and cols.head[at] != at:
        if cols.dep[at] in NOUN_CLAUSE_DEPS or cols.dep[at] == "ccomp" or opens_baseline(doc, at):
            return False  # a clause of a noun, a reported clause, a comparison's baseline: their own time
        at = cols.head[at]
    return True


#: Dependents of a common noun that give the noun's time, not the clause's
#: (a possessive does so of any noun).
NOUN_MODIFIERS = frozenset(("amod", "compound", "nmod"))
#: Words that open the baseline of a comparison: "compared with $368 million a
#: year earlier", "higher than a year ago".
COMPARISON_WORDS = frozenset(("than", "versus", "vs", "vs.", "compared", "comparison"))
YEAR = re.compile(r"(?:1[6-9]|20)\d\d")
CLOCK_WORDS = frozenset(("a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc"))


def opens_baseline(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a comparison's baseline, whose time is the
    baseline's, not the event's: "took 31.2%, up from 24.1% five years ago"."""
    cols = columns(doc)
    if cols.lower[i] in COMPARISON_WORDS:
        return True
    if cols.lower[i] != "from" or i + 1 >= len(doc):
        return False
    after = cols.text[i + 1]
    clock = ":" in after or (i + 2 < len(doc) and cols.lower[i + 2] in CLOCK_WORDS)  # "from 7 a.m."
    amount = after[:1] in "$£€¥" or (after[:1].isdigit() and not YEAR.fullmatch(after) and not clock)  # "from 2019" is a year
    return (i > 0 and cols.lower[i - 1] in ("up", "down")) or amount


def depth(clauses: dict[int, Clause], i: int) -> int:
    """How many parents a clause has above it (parents are settled first)."""
    n, seen = 0, {i}
    while clauses[i].parent in clauses and clauses[i].parent not in seen:
        i = clauses[i].parent
        seen.add(i)
        n += 1
    return n


def particle(token: Token) -> Token | None:
    """"showed off", "stepped down": the particle right after the verb is part of the trigger."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following if following is not None and following.dep_ == "prt" and following.head.i == token.i else None


def speakers_own_act(token: Token) -> Token | None:
    """"Otieno said the government would respect the decisions but accused
    agitators", "agreed to expand the force and pledged to meet": spaCy joins
    the past verb to the infinitive, but a past verb cannot share its "would"
    or "to", so it is the subject's second act, coordinated with the verb
    above the infinitive. That verb, or None."""
    head = token.head
    if (token.dep_ == "conj" and token.tag_ == "VBD" and head.tag_ == "VB" and head.dep_ in ("ccomp", "xcomp")
            and head.head.tag_ == "VBD" and not has_subject(token)):
        return head.head
    return None


def shared_subject_parent(token: Token, triggers: set[int], owner: dict[int, int]) -> int | None:
    """The trigger whose subject a coordinated verb or a participle shares, if it has none of its own."""
    if has_subject(token) or not token.tag_.startswith("VB"):
        return None
    speaker = speakers_own_act(token)
    if speaker is not None:
        return speaker.i if speaker.i in triggers else None
    if token.dep_ == "conj":
        first = coordination_head(token)
        return first.i if first is not token and first.i in triggers else None
    if token.dep_ in ("advcl", "pcomp", "xcomp", "acl") and token.head.i != token.i:
        head = token.head.head if token.dep_ == "pcomp" else token.head
        parent = owner.get(head.i)
        return parent if parent is not None and parent != token.i else None
    return None


def setting_times(clauses: dict[int, Clause], owner: dict[int, int], timex_roots: dict) -> None:
    """"In a July 16 press conference, Jobs said": the verb takes the time of
    the event noun it happens at, and the other way round ("presented at the
    society's annual meeting in November 2023": the meeting was then); "said
    in a report published on Friday": the time of the report's publishing."""
    for i, clause in clauses.items():
        token = clause.trigger
        if token.tag_.startswith("VB"):
            continue
        prep = token.head if token.dep_ == "pobj" else None
        verb = clauses.get(owner.get(prep.head.i)) if prep is not None and prep.dep_ == "prep" else None
        if verb is None or verb.trigger.i != prep.head.i or prep.lower_ not in SETTING_PREPS:
            continue
        if clause.timex is not None and verb.timex is None:
            verb.timex, verb.phrase, verb.relation = clause.timex, clause.phrase, clause.relation
        elif clause.timex is None and verb.timex is not None and verb.relation == "on":
            clause.timex, clause.phrase, clause.time_of = verb.timex, verb.phrase, verb.trigger.text
    for clause in clauses.values():
        if clause.timex is not None or not clause.trigger.tag_.startswith("VB"):
            continue
        naming = [c for c in clause.trigger.children  # "In a statement ..., a group calling itself X said"
                  if c.lower_ in NAMING_WORDS and any(r.lower_ in REFLEXIVES for r in c.children)]
        for prep in [c for t in [clause.trigger, *naming] for c in t.children]:  # "said in a report published on Friday"
            if prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
                continue
            for noun in prep.children:
                for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                    root = next((t.i for t in acl.subtree if t.i in timex_roots), None)
                    if root is not None and clause.timex is None:
                        clause.timex, clause.phrase = timex_roots[root][:2]


#: Forms of "tell" whose object may be the occasion told: "told a news conference".
TELL_FORMS = frozenset(("tell", "tells", "told", "telling"))


def merge_report_settings(clauses: dict[int, Clause], owner: dict[int, int]) -> None:
    """"said in a statement on Friday", "At a news conference, Harlan said",
    "told a news briefing": the noun is where the saying happened, the same
    act, not an event of its own; its words and its time go to the report."""
    for i, clause in list(clauses.items()):
        token = clause.trigger
        if token.tag_.startswith("VB"):
            continue
        prep = token.head if token.dep_ == "pobj" else None
        if prep is not None and prep.dep_ == "prep" and prep.lower_ in SETTING_PREPS:
            verb = clauses.get(prep.head.i)
        elif token.dep_ in ("dobj", "dative") and token.head.lower_ in TELL_FORMS:
            verb = clauses.get(token.head.i)
        else:
            continue
        if verb is None or not verb.reporting or any(c.dep_ == "poss" or c.lower_ == "by" for c in token.children):
            continue  # not "said in his statement", "cited in a statement by the ministry": another's act
        if verb.timex is None:
            verb.timex, verb.phrase, verb.relation = clause.timex, clause.phrase, clause.relation
        del clauses[i]
        for word, holder in owner.items():
            if holder == i:
                owner[word] = verb.trigger.i
        for other in clauses.values():
            other.report_of = verb.trigger.i if other.report_of == i else other.report_of
            other.parent = verb.trigger.i if other.parent == i else other.parent


def heads_up_to_prep(token: Token) -> list[int]:
    """The noun a time phrase modifies: its head, or the head of its preposition."""
    head = token.head
    return [head.head.i] if head.dep_ == "prep" else [head.i]


def headline_tense(trigger: Token) -> str:
    """A headline's tense: its present tells what has just happened ("AD wins
    election") and its bare infinitive what is planned ("Northvale to cut
    1,800 jobs")."""
    own = tense(trigger)
    if own == "present":
        return "headline_present"
    if own == "none" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return "future"
    return own


def date_clauses(clauses: dict[int, Clause], dct: date, headline_end: int = 0) -> dict[int, Dating]:
    """Dates of all clauses of a document, reports first (a reported clause needs
    its report); clauses before token ``headline_end`` are the headline's."""
    dated: dict[int, Dating] = {}

    def date_of(i: int, seen: frozenset = frozenset()) -> Dating:
        if i in dated:
            return dated[i]
        clause = clauses[i]
        report = None
        if clause.report_of is not None and clause.report_of not in seen and clause.report_of in clauses:
            report = date_of(clause.report_of, seen | {i})
        report_word = clauses[clause.report_of].trigger.text if report else ""
        own_tense = "none"
        if clause.trigger.tag_.startswith("VB"):
            own_tense = headline_tense(clause.trigger) if i < headline_end else tense(clause.trigger)
        parent = clause.parent if clause.parent in clauses and clause.parent not in seen else None
        if clause.timex is not None:
            result = date_from_timex(clause.timex, clause.phrase, clause.relation)
            if clause.time_of:
                result = replace(result, basis=f"from {clause.phrase!r}, the time of '{clause.time_of}'")
            if report and clause.quoted:
                result = said_on_report_day(result, clause.timex, report, dct)
            result = within_report(result, report) if report else result
        elif parent is not None and is_charge(clause.trigger):  # "found guilty of murdering": by the verdict
            shared = date_of(parent, seen | {i})
            if is_charge(clauses[parent].trigger):  # "... and setting fire": as the deed before it
                result = replace(shared, basis=f"as '{clauses[parent].trigger.text}': {shared.basis}")
            elif shared.precision == "undated":
                result = undated(dct)
            else:
                result = Dating(shared.start, shared.end, shared.precision, "on_or_before",
                                f"on or before '{clauses[parent].trigger.text}' of {interval_label(shared)}",
                                shared.phrase)
        elif parent is not None and own_tense == "none" and not is_agent_participle(clause.trigger):
            # "while introducing X, Jobs said": the same occasion; not "tested the sensor made by Aeroflux"
            shared = date_of(parent, seen | {i})
            result = replace(shared, basis=f"as '{clauses[parent].trigger.text}': {shared.basis}")
        elif report is not None:
            result = from_report(report, report_word, own_tense, dct)
        elif own_tense == "present_perfect" and (lasting := lasting_word(clause.trigger)):
            result = undated(dct, f"present perfect over a long stretch ({lasting!r}): "
                                  f"on or before publication {dct.isoformat()}")
        else:
            result = from_tense(own_tense, dct) or undated(dct)
        dated[i] = result
        return result

    for i in clauses:
        date_of(i)
    return dated


def clause_roles(clause: Clause, members: list[int], mentions: list[Mention], actor_ids: list[str],
                 roots: list[Token], shared: list[ActorRole] = ()) -> list[ActorRole]:
    """One role per actor in a clause, the strongest if it is named twice.

    ``roots`` holds each mention's root token (``mention_root``). ``shared``
    are roles the clause takes from outside its own tokens: the subject of the
    verb it is coordinated with, or the noun a relative clause describes.
    """
    best: dict[str, ActorRole] = {}
    candidates = []
    for m_index in members:
        m = mentions[m_index]
        root = roots[m_index]
        role = role_of(root, clause.trigger, clause.reporting, m.type)
        if (role == "target" and (is_raising(clause) or clause.trigger.lower_ == "expected")
                and role_head(root, clause.trigger, m.type)[0] == "nsubjpass"):
            role = "agent"  # "the Council is expected to discuss", "Fidan is expected in Cairo": they act
        elif role == "mentioned" and clause.end is not clause.trigger and clause.end.tag_.startswith("VB"):
            role = role_of(root, clause.end, clause.reporting, m.type)  # "refused to fire on protesters"
            if role == "mentioned" and clause.trigger.dep_ == "acomp":  # "he is unlikely to feature"
                role = role_of(root, clause.trigger.head, clause.reporting, m.type)
        if (clause.source_span and clause.source_span[0] <= root.i < clause.source_span[1] and root.dep_ != "poss"
                and not describes_other_noun(root)):
            role = "source"
        candidates.append(ActorRole(actor_ids[m_index], role, m.text, m.start, m.end))
    for candidate in [*candidates, *shared]:
        held = best.get(candidate.actor_id)
        if held is None or ROLE_RANK[candidate.role] < ROLE_RANK[held.role]:
            best[candidate.actor_id] = candidate
    return list(best.values())


def describes_other_noun(token: Token) -> bool:
    """"the Premier League club announced": a name that only describes the
    noun after it, which is not one of the state's (data/state_nouns.txt), is
    not the one who speaks."""
    return (token.dep_ in ("compound", "amod", "nmod") and token.head.tag_.startswith("NN")
            and token.head.lower_ not in lexicon.forms("state_nouns"))


def subject_roles(clause: Clause, members: list[int], mentions: list[Mention], actor_ids: list[str],
                  roots: list[Token]) -> list[ActorRole]:
    """Roles of the actors that are the clause's subject (what a coordinated verb or participle shares)."""
    found = []
    for m_index in members:
        m = mentions[m_index]
        dep, head = role_head(roots[m_index], clause.trigger, m.type)
        if head.i == clause.trigger.i and dep in ("nsubj", "nsubjpass"):
            role = "agent" if is_raising(clause) else ROLE_OF_DEP[dep]
            found.append(ActorRole(actor_ids[m_index], "source" if clause.reporting and role == "agent" else role,
                                   m.text, m.start, m.end))
    return found


def antecedent_roles(clause: Clause, mentions_at: dict[int, int], mentions: list[Mention],
                     actor_ids: list[str]) -> list[ActorRole]:
    """"an iPod, which is made by Apple": the noun a relative clause describes fills the relative pronoun's role;
    so does the name that noun is in apposition with ("Frank Mazur, a Republican who held the seat", "the
    group that held them, Jama'at Nasr al-Islam wal Muslimin"), and the owner of a state noun ("Mali's
    military government, which seized power")."""
    trigger = clause.trigger
    if is_misparsed_main_verb(trigger) and trigger.head.i in mentions_at:
        k = mentions_at[trigger.head.i]
        m = mentions[k]
        return [ActorRole(actor_ids[k], "source" if clause.reporting else "agent", m.text, m.start, m.end)]
    if is_agent_participle(trigger):
        dep = "nsubjpass"  # "scanners made by Votex": the scanners are made
    elif trigger.dep_ == "relcl":
        pronoun = next((c for c in trigger.children if c.tag_ in ("WDT", "WP") and c.dep_ in ROLE_OF_DEP), None)
        if pronoun is None:
            return []
        dep = pronoun.dep_
    else:
        return []
    noun = trigger.head
    named = [noun] + ([noun.head] if noun.dep_ == "appos" else []) + [c for c in noun.children if c.dep_ == "appos"]
    named += [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i in mentions_at
              and passes_role_up(c.dep_, noun, mentions[mentions_at[c.i]].type)]  # "OptiCount scanners made by"
    if noun.lower_ in lexicon.forms("state_nouns") or noun.lower_ in lexicon.forms("organ_nouns"):
        named += [c for c in noun.children if c.dep_ in ("poss", "amod")]  # "Mali's military government, which seized"
    k = next((mentions_at[t.i] for t in named if t.i in mentions_at), None)
    if k is None:
        return []
    role = ROLE_OF_DEP[dep]
    m = mentions[k]
    return [ActorRole(actor_ids[k], "source" if clause.reporting and role == "agent" else role, m.text, m.start, m.end)]


def first_person_role(clause: Clause) -> str | None:
    """'"I recognised my own outline," Whitcombe told the court': in a quotation,
    "I" is the speaker, who then acts ("I") or is acted on ("told me");
    not "we", whose members the text does not name."""
    for child in (clause.end if clause.end.tag_.startswith("VB") else clause.trigger).children:
        if child.lower_ == "i" and child.dep_ in ("nsubj", "nsubjpass"):
            return ROLE_OF_DEP[child.dep_]
    for child in clause.trigger.children:
        if child.lower_ == "me" and child.dep_ in ("dobj", "dative"):
            return "target"
    return None


def inherit_sources(roles: list[ActorRole], report_roles: list[ActorRole]) -> list[ActorRole]:
    """A reported event names who reported it: the report's source and addressee become sources."""
    present = {r.actor_id for r in roles}
    inherited = [replace(r, role="source") for r in report_roles
                 if r.role in ("source", "target", "agent") and r.actor_id not in present]
    return roles + inherited


def add_reported(report_roles: list[ActorRole], reported: list[list[ActorRole]]) -> list[ActorRole]:
    """A report mentions the actors of what it reports, and a verb those of the verbs and
    participles that share its subject ("defected from the IRGC and sought asylum in Switzerland",
    "issued a statement castigating the US"), so filtering by actor finds it."""
    present = {r.actor_id for r in report_roles}
    added = []
    for roles in reported:
        for r in roles:
            if r.actor_id not in present:
                present.add(r.actor_id)
                added.append(replace(r, role="mentioned"))
    return report_roles + added


def find_events(doc: Doc, article_id: str, text: str, dct: date, timexes: list[Timex],
                mentions: list[Mention], actor_ids: list[str], offset: int = 0,
                headline_end: int | None = None) -> list[Event]:
    """Events of one parsed article; offsets into ``text`` (the article text), shifted by ``offset``;
    ``headline_end`` is where the headline ends in ``text``, if the article has one."""
    root_tokens = [mention_root(m, doc) for m in mentions]
    roots = {t.i: k for k, t in enumerate(root_tokens)}
    mention_roots = set(roots)
    timex_roots = attach_timexes(doc, timexes, offset)
    clauses: dict[int, Clause] = {}
    owner: dict[int, int] = {}
    sentence_of: dict[int, Span] = {}  # trigger index -> its sentence
    bounds: dict[int, tuple[tuple[int, int], bool]] = {}  # sentence start -> (bounds, is a question)
    for sent in doc.sents:
        sent_timexes = {i: v for i, v in timex_roots.items() if sent.start <= i < sent.end}
        found, sent_owner = sentence_clauses(sent, mention_roots, sent_timexes)
        clauses.update(found)
        owner.update(sent_owner)
        sentence_of.update(dict.fromkeys(found, sent))
    headline = doc.char_span(0, headline_end - offset, alignment_mode="expand") if headline_end else None
    quote_continuations(doc, clauses)
    dates = date_clauses(clauses, dct, headline.end if headline is not None else 0)
    members: dict[int, list[int]] = {i: [] for i in clauses}
    for k, root in enumerate(root_tokens):
        clause = owner.get(root.i)
        if clause in members:
            members[clause].append(k)
    own: dict[int, list[ActorRole]] = {}
    subjects: dict[int, list[ActorRole]] = {}
    for i in sorted(clauses, key=lambda k: depth(clauses, k)):  # a parent's subject is known before its children
        c = clauses[i]
        shared = antecedent_roles(c, roots, mentions, actor_ids)
        if c.parent in subjects and not is_agent_participle(c.trigger):  # "made by Aeroflux": its own agent
            inherited = subjects[c.parent]
            if c.trigger.dep_ == "conj" and "auxpass" in child_deps(c.trigger):  # "approached X but was rebuffed"
                inherited = [replace(r, role="target") if r.role == "agent" else r for r in inherited]
            elif c.trigger.dep_ == "conj":  # "Zelenskiy thanked the leaders and said": the speaker of "said"
                swap = {"agent": "source"} if c.reporting else {"source": "agent"}
                inherited = [replace(r, role=swap.get(r.role, r.role)) for r in inherited]
            if c.trigger.dep_ != "conj" and is_charge(c.trigger):  # "accused the group of delaying": the group did
                inherited = [replace(r, role="agent") for r in own[c.parent] if r.role == "target"]
            elif c.trigger.dep_ != "conj" or speakers_own_act(c.trigger) is not None:
                # a participle's understood subject does it; so does a speaker's second act
                inherited = [replace(r, role="source" if c.reporting else "agent") for r in inherited]
            shared = shared + [r for r in inherited if r.actor_id not in {s.actor_id for s in shared}]
        subjects[i] = subject_roles(c, members[i], mentions, actor_ids, root_tokens) + shared
        own[i] = clause_roles(c, members[i], mentions, actor_ids, root_tokens, shared)
    below: dict[int, list[int]] = {i: [] for i in clauses}  # clauses reported by or under each
    for j, c in clauses.items():
        for above in {c.report_of, c.parent} - {None, j}:
            if above in below:
                below[above].append(j)
    roles: dict[int, list[ActorRole]] = {}

    def gathered(i: int, seen: frozenset = frozenset()) -> list[ActorRole]:
        if i not in roles:
            roles[i] = add_reported(own[i], [gathered(j, seen | {i}) for j in below[i] if j not in seen | {i}])
        return roles[i]

    for i in clauses:
        gathered(i)
    ids = {i: f"{article_id}-e{n}" for n, i in enumerate(sorted(clauses), 1)}
    events = []
    for i in sorted(clauses):
        clause, d = clauses[i], dates[i]
        report = clause.report_of if clause.report_of in clauses else None
        event_roles = inherit_sources(roles[i], own[report]) if report is not None else roles[i]
        if report is not None and clause.quoted and (role := first_person_role(clause)) is not None:
            speakers = {r.actor_id for r in own[report] if r.role == "source"}
            event_roles = [replace(r, role=role) if r.actor_id in speakers else r for r in event_roles]
        complement = clause.end if clause.end is not clause.trigger and clause.end.dep_ != "prt" else None
        polarity, certainty = modality(clause.trigger, complement)
        sent = sentence_of[i]
        if sent.start not in bounds:
            # the parsed text is text[offset:] with no-break spaces as spaces (nlp.analysis_text):
            # slicing it strips and ends the same as Span.text, which builds a Token per word
            sent_text = text[sent.start_char + offset:sent.end_char + offset]
            bounds[sent.start] = (sentence_bounds(sent, offset, sent_text), sent_text.rstrip().endswith("?"))
        (sent_start, sent_end), question = bounds[sent.start]
        if question:
            certainty = "uncertain"  # a question asserts nothing
        trigger = doc[min(clause.trigger.i, clause.end.i):max(clause.trigger.i, clause.end.i) + 1]
        events.append(Event(
            id=ids[i], article_id=article_id,
            trigger=text[trigger.start_char + offset:trigger.end_char + offset],
            trigger_start=trigger.start_char + offset, trigger_end=trigger.end_char + offset,
            sentence=text[sent_start:sent_end], sentence_start=sent_start, sentence_end=sent_end,
            actors=event_roles, polarity=polarity, certainty=certainty,
            date_start=d.start, date_end=d.end, precision=d.precision, date_relation=d.relation,
            date_basis=d.basis, date_phrase=d.phrase,
            report_id=ids.get(report) if report is not None else None,
        ))
    return events


def sentence_bounds(sent: Span, offset: int, text: str | None = None) -> tuple[int, int]:
    """Character span of a sentence without surrounding whitespace (``text``: ``sent.text``, if at hand).

    Whitespace tokens at its end are left out by the parse, not by the text:
    a blanked wire dateline is whitespace to the parser, not in the article."""
    text = sent.text if text is None else text
    lead = len(text) - len(text.lstrip())
    last = sent.end - 1
    while last > sent.start and sent.doc[last].is_space:
        last -= 1
    end = min(sent.start_char + len(text.rstrip()), sent.doc[last].idx + len(sent.doc[last]))
    return sent.start_char + lead + offset, end + offset
