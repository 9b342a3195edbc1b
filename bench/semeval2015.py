"""SemEval-2015 Task 4 "TimeLine" from raw text: our events and actors as entity timelines.

    .venv/bin/python bench/semeval2015.py CORPUS_DIR [--out DIR]

CORPUS_DIR is the task's trial folder (``documents_timeml/``, ``gold_timelines/``;
see its README.md). Each document's sentences (EVENT tags stripped, so the
events are ours; the task's tokens joined back into running text, "UEFA's
assessment, the body said") become one article with the document's DCT as
dateline; the 30 articles run through the whole pipeline as one corpus.

A target entity's timeline is the events it takes part in: agent, target, or
the source of the event's own report (the task lists events where the entity is
an argument; an actor only mentioned in the clause, or the source a reported
event inherits from its report, does not count). The targets are added to the
alias table for the run, as a user would add the entities they follow (products
become ORG rows; a name of three or more words also gets its last two words as
an alias, "Beatles Apple Corps" -> "Apple Corps", and a product named with its
maker, when the maker is a target too, its own name: "Nintendo 3DS" -> "3DS").
An event's anchor is its date at its precision (day ``2010-06-07``, month
``2010-06``, year ``2010``; a quarter, half or season at its year, the finest
anchor the task writes that holds it); an event the pipeline leaves undated
takes the last day named by a time phrase earlier in its document (the
narrative's reference time, as the task's annotators anchor it), else the DCT;
vague dates and before/after relations are unknown (``XXXX-XX-XX``). Events are
ordered by anchor, equal anchors share an ordinal, unknown anchors get ordinal
0 ("cannot be placed", as in the gold). Events are named
``docid-sentenceid-token`` with the first word of our trigger (a verb and its
particle joined as the task writes them: ``showed_off``). Anchors are compared
in one spelling: "2006-03-XX" is "2006-03".

Two scores, micro-averaged over the target entities:

- temporal awareness (the official measure's idea, our implementation): each
  timeline is a graph — events at one ordinal SIMULTANEOUS, each ordinal BEFORE
  the next, each event INCLUDED in its anchor date. Precision is the share of
  the system's reduced relations (a chain per ordinal, one BEFORE per
  consecutive pair of ordinals, one anchor per distinct anchor of an ordinal,
  one per event at ordinal 0) that the gold graph's closure implies; recall the
  share of the gold's reduced relations that the system's closure implies.
  The README says events are SIMULTANEOUS with their anchors; taken literally
  that makes the gold inconsistent wherever one day holds several ordinals
  (Steve Jobs, 2005-06-06, ordinals 9 to 11), so an anchor is an interval the
  event lies in, which keeps the gold's order.
- (event, anchor) F1: pairs of event id and anchor string, exact match.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.actors import (AliasEntry, build_alias_table, has_organisation_head, is_company_name,  # noqa: E402
                              load_alias_table, normalize)
from dashboard import lexicon  # noqa: E402
from dashboard.articles import parse_article  # noqa: E402
from dashboard.model import Article, extract_document  # noqa: E402
from dashboard.pipeline import add_events_and_actors  # noqa: E402
from dashboard.timex import tag_article  # noqa: E402

UNKNOWN = "XXXX-XX-XX"
ANCHOR_LENGTH = {"time": 10, "day": 10, "month": 7, "quarter": 4, "half": 4, "season": 4, "year": 4}


# --- reading ---------------------------------------------------------------------------------

#: Tokens written against the word before them, and after them, in running text.
CLOSING = frozenset((",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "n't", "'s", "'re", "'ve", "'ll", "'d", "'m",
                     "\u2019s", "'"))
OPENING = frozenset(("(", "[", "{", "$", "\u00a3", "\u20ac", "#"))


def detokenize(sentence: str) -> str:
    """Running text from the task's tokens ("European football 's governing
    body announced ..." -> "football's"): the parser reads text as news
    prints it, and a spaced-out possessive or comma can change its parse.
    Straight double quotes open and close in turn."""
    out, quote_open, glue = [], False, True
    for token in sentence.split(" "):
        if not token:
            continue
        closes = token in CLOSING or (token == '"' and quote_open)
        if out and not glue and not closes:
            out.append(" ")
        out.append(token)
        glue = token in OPENING or (token == '"' and not quote_open)
        if token == '"':
            quote_open = not quote_open
    return "".join(out)


def read_document(path: Path) -> tuple[Article, list[tuple[int, str]]]:
    """The article of one trial document and (start offset, id) of each of its sentences."""
    source = path.read_text(encoding="utf-8")
    docid = re.search(r"<DOCID>(.*?)</DOCID>", source).group(1).strip()
    dct = date.fromisoformat(re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', source, re.S).group(1))
    title = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<EXTRAINFO>(.*?)</EXTRAINFO>", source, re.S).group(1)))
    head = f"{dct:%B %d, %Y}\n\n{title.strip()}\n\n"
    body, starts = [], []
    position = len(head)
    for sid, content in re.findall(r'<s id="(\d+)">(.*?)</s>', source, re.S):
        sentence = detokenize(html.unescape(re.sub(r"<[^>]+>", "", content)).strip())
        starts.append((position, sid))
        body.append(sentence)
        position += len(sentence) + 2
    article = parse_article(head + "\n\n".join(body) + "\n", path, article_id=docid)
    return article, starts


def read_gold(path: Path) -> tuple[str, list[tuple[int, str, str]]]:
    """(entity name, [(ordinal, anchor, event id)]) of a gold timeline; coreferent ids each listed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = []
    for line in lines[1:]:
        fields = line.split("\t")
        if len(fields) >= 3:
            rows += [(int(fields[0]), normal_anchor(fields[1]), event.strip()) for event in fields[2:] if event.strip()]
    return lines[0].strip(), rows


# --- our timelines ---------------------------------------------------------------------------

def short_names(name: str, names: list[str], companies: tuple[str, ...] = ()) -> list[str]:
    """The shorter names a user following ``name`` would list: the name
    without the kind of thing it names ("Hugin lunar lander" -> "Hugin"); the
    last two words of a name of three or more ("Beatles Apple Corps" -> "Apple
    Corps"), and a product's name without its maker's (or the maker's first
    word, for a company's name) when the maker is a target too ("Nintendo
    3DS" -> "3DS" beside "Nintendo", "Veltra Solis" -> "Solis" beside
    "Veltra Motors"; not "iPhone 4" -> "4" beside "iPhone 3G"), or when a
    company of the corpus starts with the maker's word and the rest holds a
    number ("Halvorsen H-390" -> "H-390" beside "Halvorsen Aerospace"; not
    "Corrib One" -> "One")."""
    words = name.split()
    named = next((k for k, word in enumerate(words) if word.islower()), len(words))
    if 0 < named < len(words) and all(word.islower() for word in words[named:]):
        return [" ".join(words[:named])]  # "Hugin lunar lander": the name before the kind of thing
    found = [" ".join(words[-2:])] if len(words) >= 3 else []
    makers = {normalize(other) for other in names if other != name}
    makers |= {normalize(other.split()[0]) for other in names  # "Veltra Motors", "Apple Inc.": a company's
               if other != name and has_organisation_head(other)}
    found += [" ".join(words[k:]) for k in range(1, len(words)) if normalize(" ".join(words[:k])) in makers]
    corpus_makers = {normalize(other.split()[0]) for other in companies if normalize(other) != normalize(name)}
    found += [" ".join(words[k:]) for k in range(1, len(words)) if normalize(" ".join(words[:k])) in corpus_makers
              and any(c.isdigit() for c in " ".join(words[k:]))]
    return list(dict.fromkeys(found))


def target_table(names: list[str], types: dict[str, str], companies: tuple[str, ...] = ()):
    """The shipped alias table plus one row per target entity, typed as the model saw it (else ORG);
    ``companies``: the company names the model found in the corpus."""
    table = load_alias_table()
    known = {normalize(a) for a in table.index}
    extra = tuple(AliasEntry(name, types.get(normalize(name), "ORG"),
                             tuple(dict.fromkeys(a for a in short_names(name, names, companies)
                                                 if normalize(a) not in known)))
                  for name in names if normalize(name) not in known)
    return build_alias_table(table.entries + extra)


def anchor(event: dict) -> str:
    """SemEval anchor of an event: its date at its precision; an undated event the DCT.

    The task's annotators anchor an event with no time of its own to the
    document's creation time (39% of the trial gold); we read "on or before
    publication" the same way. Vague dates and before/after relations stay unknown.
    """
    length = ANCHOR_LENGTH.get(event["precision"])
    if event["precision"] == "undated":
        return event["date_start"]
    if length is None or event["date_relation"] not in ("on", "on_or_before") or not event["date_start"]:
        return UNKNOWN
    return event["date_start"][:length]


def takes_part(event: dict, actor_id: str) -> bool:
    """Whether an actor is a participant of an event, as the task's timelines count them.

    The task lists the events where the entity is an argument (agent or
    patient). Ours: agent, target, and the source of the event's own report
    ("Jobs said"), not the source a reported event inherits from its report
    ("Jobs said that the phones *can be returned*") nor actors only mentioned.
    """
    for role in event["actors"]:
        if role["actor_id"] == actor_id and (role["role"] in ("agent", "target")
                                             or role["role"] == "source" and event["report_id"] is None):
            return True
    return False


def anchors_in_context(events: list[dict]) -> dict[str, str]:
    """Anchors of undated events from the narrative: the last day named by a time phrase before them."""
    found, current = {}, None
    for event in sorted(events, key=lambda e: e["trigger_start"]):
        if event["precision"] == "undated":
            if current:
                found[event["id"]] = current
        elif event["date_phrase"] and event["precision"] == "day" and event["date_relation"] == "on":
            current = event["date_start"]
    return found


#: The particles a verb takes into its trigger ("showed off", "set up", "turned down").
PARTICLES = frozenset(("up", "down", "off", "out", "in", "on", "over", "back", "away", "through", "aside",
                       "around", "forward", "along", "about", "apart"))


def event_name(event: dict, starts: list[tuple[int, str]]) -> str:
    """``docid-sentenceid-token`` of an event.

    The token is the first word of our trigger, except that a verb with its
    particle ("showed off") is written as the task writes multi-word
    triggers, ``showed_off``, and a verb that only times its complement
    ("will continue to steer", "began selling"; an ``aspect`` word of
    data/modality.csv) is named by the complement, as the task's annotators
    mark it. Another control verb with its complement ("refused to fire",
    "stopped producing") keeps the first word.
    """
    sid = next((s for start, s in reversed(starts) if start <= event["trigger_start"]), "0")
    words = event["trigger"].split()
    if len(words) == 2 and words[1].lower() in PARTICLES:
        token = "_".join(words)
    elif len(words) > 1 and lexicon.pairs("modality", "word", "effect").get(words[0].lower()) == "aspect":
        token = words[-1]
    else:
        token = words[0]
    return f"{event['article_id']}-{sid}-{token}"


def normal_anchor(text: str) -> str:
    """One spelling per anchor: unknown trailing parts dropped ("2006-03-XX" = "2006-03"); no date = unknown.

    The gold writes the same month both ways ("2006-03", "2008-03-XX") and
    unknown as "XXXX-XX-XX" (once "XXX-XX-XX").
    """
    parts = text.strip().split("-")
    while parts and not parts[-1].strip("X").isdigit():
        parts.pop()
    return "-".join(parts) if parts else UNKNOWN


def system_timeline(doc: dict, actor_id: str, starts: dict[str, list]) -> list[tuple[int, str, str]]:
    """(ordinal, anchor, event id) of the events naming one actor, ordered by anchor."""
    rows = {}
    for article in doc["articles"]:
        body = starts[article["id"]][0][0]  # the title is not annotated in the task
        anchors = anchors_in_context(article["events"])
        for event in article["events"]:
            if event["trigger_start"] >= body and takes_part(event, actor_id):
                rows[event_name(event, starts[article["id"]])] = anchors.get(event["id"]) or anchor(event)
    known = sorted({a for a in rows.values() if a != UNKNOWN})
    ordinal = {a: i for i, a in enumerate(known, 1)}
    return [(ordinal.get(a, 0), a, e) for e, a in sorted(rows.items(), key=lambda kv: kv[1])]


def actor_for(doc: dict, name: str) -> str | None:
    key = normalize(name)
    return next((a["id"] for a in doc["actors"]
                 if key == normalize(a["name"]) or key in {normalize(x) for x in a["aliases"]}), None)


# --- scoring ---------------------------------------------------------------------------------

def relations(timeline: list[tuple[int, str, str]]) -> set[tuple[str, str, str]]:
    """The reduced relations of a timeline graph (see the module docstring).

    Events at one ordinal are one SIMULTANEOUS chain and so share their anchors:
    each distinct anchor of an ordinal is stated once, on its first event.
    """
    by_ordinal = defaultdict(list)
    found = set()
    anchored: dict[tuple[int, str], str] = {}
    for ordinal, anchor_text, event in sorted(timeline, key=lambda row: row[2]):
        if ordinal > 0:
            by_ordinal[ordinal].append(event)
        if normal_anchor(anchor_text) != UNKNOWN:
            key = (ordinal, normal_anchor(anchor_text)) if ordinal > 0 else (0, event)
            if key not in anchored:
                anchored[key] = event
                found.add(("INCLUDED", event, normal_anchor(anchor_text)))
    ordinals = sorted(by_ordinal)
    for o in ordinals:
        events = sorted(by_ordinal[o])
        found |= {("SIMULTANEOUS", a, b) for a, b in zip(events, events[1:])}
    for o, p in zip(ordinals, ordinals[1:]):
        found.add(("BEFORE", sorted(by_ordinal[o])[0], sorted(by_ordinal[p])[0]))
    return found


def implied(relation: tuple[str, str, str], timeline: list[tuple[int, str, str]]) -> bool:
    """Whether a timeline's closure implies a relation."""
    kind, a, b = relation
    ordinal = {e: o for o, _, e in timeline if o > 0}
    if kind == "INCLUDED":
        anchors = {normal_anchor(an) for o, an, e in timeline if e == a or (a in ordinal and o == ordinal[a])}
        return b in anchors
    if a not in ordinal or b not in ordinal:
        return False
    return ordinal[a] == ordinal[b] if kind == "SIMULTANEOUS" else ordinal[a] < ordinal[b]


def prf(right_p: int, total_p: int, right_r: int, total_r: int) -> tuple[float, float, float]:
    p = right_p / total_p if total_p else 0.0
    r = right_r / total_r if total_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, help="write our timelines here, one file per entity")
    args = parser.parse_args(argv)
    documents = sorted((args.corpus / "documents_timeml").glob("*.tml"))
    gold_files = sorted((args.corpus / "gold_timelines").glob("*.txt"))
    if not documents or not gold_files:
        print(f"error: {args.corpus}: needs documents_timeml/*.tml and gold_timelines/*.txt", file=sys.stderr)
        return 2
    read = [read_document(p) for p in documents]
    articles, starts = [a for a, _ in read], {a.id: s for a, s in read}
    golds = {path.stem: read_gold(path) for path in gold_files}
    for article in articles:
        tag_article(article)
    names = [n for n, _ in golds.values()]
    first = add_events_and_actors(articles, load_alias_table())  # how the model types each target
    types = {normalize(a.name): a.type for a in first}
    companies = tuple(a.name for a in first if a.type == "ORG" and len(a.name.split()) > 1
                      and is_company_name(a.name.split()))
    doc = extract_document(articles, add_events_and_actors(articles, target_table(names, types, companies)))

    totals = defaultdict(int)
    print(f"{'entity':<22} {'gold':>5} {'ours':>5} {'TA P':>6} {'TA R':>6} {'TA F1':>6} {'EA F1':>6}")
    for stem, (name, gold) in golds.items():
        actor_id = actor_for(doc, name)
        ours = system_timeline(doc, actor_id, starts) if actor_id else []
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            lines = [name] + [f"{o}\t{a}\t{e}" for o, a, e in ours]
            (args.out / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        sys_rel, gold_rel = relations(ours), relations(gold)
        counts = {
            "ta_p": sum(implied(r, gold) for r in sys_rel), "ta_sys": len(sys_rel),
            "ta_r": sum(implied(r, ours) for r in gold_rel), "ta_gold": len(gold_rel),
            "ea": len({(e, a) for _, a, e in ours} & {(e, a) for _, a, e in gold}),
            "ea_sys": len(ours), "ea_gold": len(gold),
        }
        for key, value in counts.items():
            totals[key] += value
        ta = prf(counts["ta_p"], counts["ta_sys"], counts["ta_r"], counts["ta_gold"])
        ea = prf(counts["ea"], counts["ea_sys"], counts["ea"], counts["ea_gold"])
        print(f"{name[:22]:<22} {len(gold):5} {len(ours):5} {ta[0]:6.3f} {ta[1]:6.3f} {ta[2]:6.3f} {ea[2]:6.3f}")
    ta = prf(totals["ta_p"], totals["ta_sys"], totals["ta_r"], totals["ta_gold"])
    ea = prf(totals["ea"], totals["ea_sys"], totals["ea"], totals["ea_gold"])
    print(f"{'micro-average':<22} {totals['ea_gold']:5} {totals['ea_sys']:5} {ta[0]:6.3f} {ta[1]:6.3f} {ta[2]:6.3f} {ea[2]:6.3f}")
    print(f"temporal awareness P {ta[0]:.3f} R {ta[1]:.3f} F1 {ta[2]:.3f}; "
          f"(event, anchor) P {ea[0]:.3f} R {ea[1]:.3f} F1 {ea[2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
