"""TempEval-3 TIMEX3 benchmark: our engine against the gold, dateparser beside it.

    .venv/bin/python bench/tempeval3.py CORPUS_DIR [--limit N] [--errors FILE] [--no-peer]
                                        [--passes N] [--interleave]

Scores follow the official TempEval-3 entity evaluation: strict P/R/F1 (exact
span), relaxed P/R/F1 (any overlap, one-to-one), type and value accuracy among
relaxed matches, and type/value F1 (relaxed F1 counting only the matches whose
attribute is right). The DCT's TIMEX3 is not scored: it is given, not found.
The peer is ``dateparser.search.search_dates``, as a user would call it.
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from dataclasses import astuple, dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, NamedTuple

if __package__ in (None, ""):  # run as a script: make the repo's package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.timex import find_timexes  # noqa: E402
from dashboard.timex.timeml import TimeMLDocument, TimeMLError, read_timeml  # noqa: E402

CONTEXT_CHARS = 60
SUMMARY_TOP = 40


class Mention(NamedTuple):
    """A TIMEX3 reduced to what TempEval scores: span, type, value."""

    start: int
    end: int
    type: str
    value: str


@dataclass
class Counts:
    """What the scores are computed from; adds up over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_right: int = 0
    value_right: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other))))


# --- scoring (pure) -------------------------------------------------------------------------

def overlap(a: Mention, b: Mention) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def relaxed_pairs(gold: list[Mention], system: list[Mention]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping spans.

    Exact spans pair first, then the largest overlaps, so a system mention that
    touches two gold ones is credited to the one it covers best.
    """
    candidates = sorted(
        ((g, s) for g, gm in enumerate(gold) for s, sm in enumerate(system) if overlap(gm, sm) > 0),
        key=lambda p: (gold[p[0]][:2] != system[p[1]][:2], -overlap(gold[p[0]], system[p[1]]), p),
    )
    pairs, used_gold, used_system = [], set(), set()
    for g, s in candidates:
        if g not in used_gold and s not in used_system:
            pairs.append((g, s))
            used_gold.add(g)
            used_system.add(s)
    return sorted(pairs)


def count_matches(gold: list[Mention], system: list[Mention]) -> Counts:
    """Counts for one document."""
    pairs = relaxed_pairs(gold, system)
    strict = sum((Counter(m[:2] for m in gold) & Counter(m[:2] for m in system)).values())
    return Counts(
        gold=len(gold), system=len(system), strict=strict, relaxed=len(pairs),
        type_right=sum(gold[g].type == system[s].type for g, s in pairs),
        value_right=sum(gold[g].value == system[s].value for g, s in pairs),
    )


def precision_recall_f1(right: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = right / system if system else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scores(counts: Counts) -> dict[str, float]:
    """The TempEval-3 figures of a Counts, as fractions."""
    strict = precision_recall_f1(counts.strict, counts.system, counts.gold)
    relaxed = precision_recall_f1(counts.relaxed, counts.system, counts.gold)
    return {
        "strict_p": strict[0], "strict_r": strict[1], "strict_f1": strict[2],
        "relaxed_p": relaxed[0], "relaxed_r": relaxed[1], "relaxed_f1": relaxed[2],
        "type_acc": counts.type_right / counts.relaxed if counts.relaxed else 0.0,
        "type_f1": precision_recall_f1(counts.type_right, counts.system, counts.gold)[2],
        "value_acc": counts.value_right / counts.relaxed if counts.relaxed else 0.0,
        "value_f1": precision_recall_f1(counts.value_right, counts.system, counts.gold)[2],
    }


def spans_of_substrings(text: str, substrings: list[str]) -> list[tuple[int, int] | None]:
    """The span of each substring reported in text order (dateparser gives strings, not offsets).

    Each is searched forward from the end of the previous one, then from the
    start of the text; one that is nowhere in the text gets None.
    """
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for sub in substrings:
        start = text.find(sub, cursor)
        if start < 0:
            start = text.find(sub)
        if start < 0 or not sub:
            spans.append(None)
            continue
        spans.append((start, start + len(sub)))
        cursor = start + len(sub)
    return spans


# --- the two systems ------------------------------------------------------------------------

def ours(doc: TimeMLDocument) -> list[Mention]:
    return [Mention(t.start, t.end, t.type, t.value) for t in find_timexes(doc.text, doc.dct)]


def dateparser_peer() -> Callable[[TimeMLDocument], list[Mention]]:
    """search_dates as the issue prescribes; imported here so --no-peer runs without it."""
    from dateparser.search import search_dates

    def peer(doc: TimeMLDocument) -> list[Mention]:
        base = datetime.combine(doc.dct, datetime.min.time())
        found = search_dates(doc.text, languages=["en"],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        spans = spans_of_substrings(doc.text, [sub for sub, _ in found])
        return [Mention(*span, "DATE", when.date().isoformat())
                for span, (_, when) in zip(spans, found) if span]
    return peer


def gold_mentions(doc: TimeMLDocument) -> list[Mention]:
    return [Mention(g.start, g.end, g.type, g.value) for g in doc.gold]


@dataclass
class Run:
    """One system over the corpus: its mentions and seconds per document."""

    name: str
    mentions: list[list[Mention]]
    seconds: list[float]  # per document, the best of the passes
    first_pass: list[float]  # per document, the first pass (caches still filling)
    crashed: list[str]  # "path: error" of the documents the system raised on


def call_safely(system: Callable[[TimeMLDocument], list[Mention]],
                doc: TimeMLDocument) -> tuple[list[Mention], str | None]:
    """The system's mentions, or none and the error it raised.

    A crash on one document is a finding to report, not a reason to lose the
    figures of all the others.
    """
    try:
        return system(doc), None
    except Exception as err:  # noqa: BLE001 - whatever the system raises is reported
        return [], f"{type(err).__name__}: {err}"


def run_systems(systems: dict[str, Callable[[TimeMLDocument], list[Mention]]],
                docs: list[TimeMLDocument], passes: int = 1, interleave: bool = False) -> list[Run]:
    """Time the systems document by document; a document a system raises on finds nothing.

    Each pass runs one system over the whole corpus, then the other, as a
    user runs a tagger over a collection; the order turns round from pass to
    pass, so a slow moment of a shared machine does not fall on one system
    only. With ``interleave`` the systems take turns on each document
    instead (ours, the peer, the next document): each then starts every
    document with caches the other has filled, which no user sees, and
    costs the system with the smaller working set the most.

    One untimed call on the first document comes first, so loading a
    system's data is not billed to a document. With several passes a
    document's time is its fastest pass (as ``timeit`` reports: what the
    code costs, without the moments another process held the core); the
    first pass is kept too: it also pays for filling caches.
    """
    runs = {name: Run(name, [], [], [], []) for name in systems}
    for system in systems.values():
        call_safely(system, docs[0])
    started = time.perf_counter()

    def time_one(done: int, n: int, name: str) -> None:
        run, doc = runs[name], docs[n]
        tick = time.perf_counter()
        found, error = call_safely(systems[name], doc)
        seconds = time.perf_counter() - tick
        if done:
            run.seconds[n] = min(run.seconds[n], seconds)
            return
        run.seconds.append(seconds)
        run.first_pass.append(seconds)
        run.mentions.append(found)
        if error:
            run.crashed.append(f"{doc.path}: {error}")
            print(f"error: {name} raised on {run.crashed[-1]}", file=sys.stderr)

    names = list(systems)
    for done in range(passes):
        if interleave:
            steps = [(n, name) for n in range(len(docs)) for name in names]
        else:
            order = names if done % 2 == 0 else names[::-1]
            steps = [(n, name) for name in order for n in range(len(docs))]
        for n, name in steps:
            time_one(done, n, name)
        print(f"pass {done + 1}/{passes}: {len(docs)} documents, "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
    return list(runs.values())


def ms_per_doc(run: Run, picked: list[int], seconds: str = "seconds") -> float:
    return 1000 * sum(getattr(run, seconds)[i] for i in picked) / len(picked)


# --- corpus and report ----------------------------------------------------------------------

def subset_of(path: Path, corpus: Path) -> str:
    """The first folder under the corpus (TimeBank, AQUAINT), or the corpus's own name."""
    parts = path.relative_to(corpus).parts
    return parts[0] if len(parts) > 1 else corpus.name


def load_corpus(corpus: Path, limit: int | None) -> tuple[list[str], list[TimeMLDocument], int]:
    """(subset per doc, docs, number of unreadable files), at most ``limit`` per subset."""
    subsets, docs, failed, taken = [], [], 0, Counter()
    for path in sorted(corpus.rglob("*.tml")):
        subset = subset_of(path, corpus)
        if limit is not None and taken[subset] >= limit:
            continue
        try:
            docs.append(read_timeml(path))
        except TimeMLError as err:
            print(f"error: {err}", file=sys.stderr)
            failed += 1
            continue
        subsets.append(subset)
        taken[subset] += 1
    return subsets, docs, failed


def table(runs: list[Run], subsets: list[str], docs: list[TimeMLDocument]) -> str:
    """Per-subset and total scores of each run, one row each."""
    groups = list(dict.fromkeys(subsets)) + ["total"]
    lines = [
        " " * 36 + f"{'strict':^18}{'relaxed':^18}{'type':^12}{'value':^12}",
        f"{'system':<11}{'subset':<9}{'docs':>4}{'gold':>5}{'found':>6} "
        + "".join(f"{h:>6}" for h in ("P", "R", "F1", "P", "R", "F1", "acc", "F1", "acc", "F1"))
        + f"{'ms/doc':>9}",
    ]
    gold = [gold_mentions(doc) for doc in docs]
    for run in runs:
        for group in groups:
            picked = [i for i, s in enumerate(subsets) if group in (s, "total")]
            counts = sum((count_matches(gold[i], run.mentions[i]) for i in picked), Counts())
            sc = scores(counts)
            figures = [sc[k] for k in ("strict_p", "strict_r", "strict_f1", "relaxed_p",
                                       "relaxed_r", "relaxed_f1", "type_acc", "type_f1",
                                       "value_acc", "value_f1")]
            lines.append(f"{run.name:<11}{group:<9}{len(picked):>4}{counts.gold:>5}{counts.system:>6} "
                         + "".join(f"{f:6.3f}" for f in figures) + f"{ms_per_doc(run, picked):9.2f}")
    return "\n".join(lines)


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """About ``width`` characters around a span, the span in [brackets], on one line."""
    side = max(10, (width - (end - start)) // 2)
    snippet = f"{text[max(0, start - side):start]}[{text[start:end]}]{text[end:end + side]}"
    return " ".join(snippet.split())


def doc_errors(text: str, gold: list[Mention], system: list[Mention]) -> list[tuple[int, str]]:
    """(offset, line) for each false positive, false negative and imperfect match."""
    pairs = relaxed_pairs(gold, system)
    matched_gold, matched_system = {g for g, _ in pairs}, {s for _, s in pairs}
    found = [(m.start, f"FP     ours {m.type} {m.value}   {context(text, m.start, m.end)}")
             for i, m in enumerate(system) if i not in matched_system]
    found += [(m.start, f"FN     gold {m.type} {m.value}   {context(text, m.start, m.end)}")
              for i, m in enumerate(gold) if i not in matched_gold]
    for g, s in pairs:
        want, got = gold[g], system[s]
        wrong = [label for label, bad in (("TYPE", want.type != got.type),
                                          ("VALUE", want.value != got.value),
                                          ("SPAN", want[:2] != got[:2])) if bad]
        if wrong:
            found.append((want.start, f"{'+'.join(wrong):<6} gold {want.type} {want.value} "
                          f"{text[want.start:want.end]!r} / ours {got.type} {got.value} "
                          f"{text[got.start:got.end]!r}   {context(text, want.start, want.end)}"))
    return sorted(found)


def error_summary(texts: list[str], golds: list[list[Mention]], systems: list[list[Mention]]) -> dict[str, Counter]:
    """Most frequent missed gold strings, false-positive strings and wrong values, lowercased."""
    summary = {"missed gold strings (FN)": Counter(), "false-positive strings (FP)": Counter(),
               "strings matched with a wrong value": Counter()}
    for text, gold, system in zip(texts, golds, systems):
        pairs = relaxed_pairs(gold, system)
        matched_gold, matched_system = {g for g, _ in pairs}, {s for _, s in pairs}
        summary["missed gold strings (FN)"].update(
            text[m.start:m.end].lower() for i, m in enumerate(gold) if i not in matched_gold)
        summary["false-positive strings (FP)"].update(
            text[m.start:m.end].lower() for i, m in enumerate(system) if i not in matched_system)
        summary["strings matched with a wrong value"].update(
            text[gold[g].start:gold[g].end].lower() for g, s in pairs
            if gold[g].value != system[s].value)
    return summary


def error_report(names: list[str], docs: list[TimeMLDocument], run: Run) -> str:
    """The readable error analysis for the engine author: summary first, then each document."""
    golds = [gold_mentions(doc) for doc in docs]
    lines = [f"Error analysis of {run.name} on {len(docs)} TempEval-3 documents. "
             "FP = found, not in gold; FN = gold, not found; TYPE/VALUE/SPAN = overlapping "
             "match with that part wrong. Context: [span] in about "
             f"{CONTEXT_CHARS} characters.", ""]
    if run.crashed:
        lines.append(f"== {run.name} raised on {len(run.crashed)} document(s); their gold counts as FN")
        lines += [f"  {crash}" for crash in run.crashed] + [""]
    for title, counter in error_summary([d.text for d in docs], golds, run.mentions).items():
        lines.append(f"== top {SUMMARY_TOP} {title}: {sum(counter.values())} in all")
        lines += [f"{count:5}  {string!r}" for string, count in counter.most_common(SUMMARY_TOP)]
        lines.append("")
    for name, doc, gold, system in zip(names, docs, golds, run.mentions):
        errors = doc_errors(doc.text, gold, system)
        if errors:
            lines.append(f"== {name}  DCT {doc.dct.isoformat()}  gold {len(gold)}, ours {len(system)}")
            lines += ["  " + line for _, line in errors]
            lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", metavar="CORPUS_DIR", help="folder of .tml files, subsets as subfolders")
    parser.add_argument("--limit", type=int, metavar="N", help="at most N documents per subset")
    parser.add_argument("--errors", metavar="FILE", help="write our engine's error analysis here")
    parser.add_argument("--no-peer", action="store_true", help="skip dateparser (it is slow)")
    parser.add_argument("--passes", type=int, default=3, metavar="N",
                        help="time each document N times and keep its fastest (default 3)")
    parser.add_argument("--interleave", action="store_true",
                        help="the systems take turns on each document instead of on each pass")
    args = parser.parse_args(argv)

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"error: {corpus}: not a folder", file=sys.stderr)
        return 2
    subsets, docs, failed = load_corpus(corpus, args.limit)
    if not docs:
        print(f"error: {corpus}: no readable TimeML documents (*.tml)", file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):  # both systems timed on one core, never moved between cores
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    started = time.perf_counter()
    passes = max(1, args.passes)
    systems = {"ours": ours} if args.no_peer else {"ours": ours, "dateparser": dateparser_peer()}
    runs = run_systems(systems, docs, passes, args.interleave)
    gold_total = sum(len(doc.gold) for doc in docs)
    print(f"TempEval-3 TIMEX3 extraction on {corpus}: {len(docs)} documents, "
          f"{gold_total} gold TIMEX3s (DCT excluded)\n")
    print(table(runs, subsets, docs))
    if len(runs) == 2:
        every = list(range(len(docs)))
        print()
        turns = "turns on each document" if args.interleave else "turns on each pass"
        for label, seconds in ((f"best of {passes} passes, {turns}", "seconds"), ("first pass", "first_pass")):
            ours_ms, peer_ms = (ms_per_doc(run, every, seconds) for run in runs)
            print(f"speed ratio (dateparser ms/doc / ours), {label}: {peer_ms / ours_ms:.1f}x  "
                  f"(dateparser {peer_ms:.2f} ms/doc, ours {ours_ms:.2f} ms/doc)")
    for run in runs:
        if run.crashed:
            print(f"{run.name} raised on {len(run.crashed)} document(s), scored as finding nothing "
                  "(see stderr)")
    print(f"wall time {time.perf_counter() - started:.1f} s")
    if args.errors:
        names = [str(Path(doc.path).relative_to(corpus)) for doc in docs]
        try:
            Path(args.errors).write_text(error_report(names, docs, runs[0]) + "\n", encoding="utf-8")
        except OSError as err:
            print(f"error: {args.errors}: cannot write: {err.strerror or err}", file=sys.stderr)
            return 1
        print(f"error analysis written to {args.errors}", file=sys.stderr)
    return 1 if failed or any(run.crashed for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
