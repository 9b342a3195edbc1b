"""Whole-pipeline speed: articles of ~600 words per second on one core, spaCy's share beside it.

    .venv/bin/python bench/pipeline_speed.py [CORPUS_DIR] [--articles N] [--words W]

CORPUS_DIR is a folder of TimeML news documents (default: the TempEval-3
training data in ../shared/corpora/tempeval3/train). Their texts are cut into
articles of about W words (default 600), each with its document's DCT as
dateline, until N articles (default 200) exist. The script pins itself to one
CPU and one BLAS thread, warms up, then times:

- the whole pipeline (``pipeline.extract_articles``: time phrases, NER, parse,
  events, actors) over all articles at once, as the CLI runs it;
- spaCy alone (``nlp.parse``, the same ``nlp.pipe`` call on the same texts).

It prints articles/s and words/s for both and spaCy's share of the pipeline
time: the median of ``--repeat`` runs (default 3), by the wall clock and by the
process's CPU time (on a machine shared with other work the wall clock also
counts the time other processes hold the core; CPU time does not).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before numpy loads: one core means one thread
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.articles import parse_article  # noqa: E402
from dashboard.model import Article  # noqa: E402
from dashboard.nlp import parse  # noqa: E402
from dashboard.pipeline import extract_articles  # noqa: E402
from dashboard.timex.timeml import TimeMLError, read_timeml  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tempeval3" / "train"


def make_articles(corpus: Path, count: int, size: int) -> list[Article]:
    """``count`` articles of ``size`` words: the corpus texts run together, cut, cycled if short.

    Each article takes the DCT of the document its first word came from.
    """
    docs = []
    for path in sorted(corpus.rglob("*.tml")):
        try:
            docs.append(read_timeml(path))
        except TimeMLError as err:
            print(f"skipped: {err}", file=sys.stderr)
    if not docs:
        raise SystemExit(f"error: {corpus}: no TimeML documents (*.tml)")
    stream = [(word, doc.dct) for doc in docs for word in doc.text.split()]
    articles: list[Article] = []
    position = 0
    while len(articles) < count:
        piece = [stream[(position + i) % len(stream)] for i in range(size)]
        position += size
        body = " ".join(word for word, _ in piece)
        text = f"{piece[0][1]:%B %d, %Y}\n\nArticle {len(articles)}.\n\n{body}\n"
        articles.append(parse_article(text, f"{len(articles)}.txt", article_id=str(len(articles))))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the median is reported")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    articles = make_articles(args.corpus, args.articles, args.words)
    words = sum(len(a.text.split()) for a in articles)
    extract_articles(make_articles(args.corpus, 5, args.words))  # warm-up: model, tables, rules

    runs = []
    for _ in range(args.repeat):  # pipeline then spaCy alone, each from scratch
        wall, cpu = time.perf_counter(), time.process_time()
        doc = extract_articles(articles)
        pipeline = (time.perf_counter() - wall, time.process_time() - cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in parse(a.text[a.body_start:a.body_end] for a in articles):
            pass
        runs.append((pipeline, (time.perf_counter() - wall, time.process_time() - cpu)))
    (pipe_wall, pipe_cpu), (spacy_wall, spacy_cpu) = (
        tuple(statistics.median(r[k][j] for r in runs) for j in (0, 1)) for k in (0, 1))

    events = sum(len(a["events"]) for a in doc["articles"])
    n = len(articles)
    print(f"{n} articles, {words} words ({words / n:.0f} per article), one core, "
          f"median of {args.repeat} run(s)")
    print(f"{'':>16} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'CPU s':>7} {'art/CPU s':>10}")
    for label, wall, cpu in (("whole pipeline", pipe_wall, pipe_cpu), ("spaCy alone", spacy_wall, spacy_cpu)):
        print(f"{label:>16} {wall:8.2f} {n / wall:11.1f} {words / wall:9.0f} {cpu:7.2f} {n / cpu:10.1f}")
    print(f"spaCy share of the pipeline: {spacy_wall / pipe_wall:.0%} (CPU {spacy_cpu / pipe_cpu:.0%}); "
          f"everything else: {(pipe_wall - spacy_wall) / n * 1000:.1f} ms per article "
          f"(CPU {(pipe_cpu - spacy_cpu) / n * 1000:.1f} ms)")
    print(f"found {events} events and {len(doc['actors'])} actors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
