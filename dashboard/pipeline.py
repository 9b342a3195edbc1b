"""The whole extraction, one way: text -> phrases -> events -> actors -> document.

The CLI calls ``extract``, the app ``extract_articles`` on what it read;
nothing else chains the stages.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import sources
from .actors import AliasTable, find_mentions, load_alias_table, resolve_actors
from .articles import without_wire_dateline
from .events import find_events
from .model import Actor, Article, extract_document
from .nlp import parse
from .sources import Progress
from .timex import tag_article


def extract_articles(articles: list[Article], progress: Progress | None = None) -> dict:
    """The extract document for articles already read; a stage failing on one article is listed in "errors".

    ``progress`` hears (articles parsed, total, path) as the slow NLP stage goes.
    """
    errors: list[dict] = []
    for article in articles:
        try:
            tag_article(article)
        except Exception as err:  # noqa: BLE001 - the article goes on without time phrases
            stage_failed(article, "time phrases", err, errors)
            article.timexes = []
    actors = add_events_and_actors(articles, errors=errors, progress=progress)
    return extract_document(articles, actors, errors)


def add_events_and_actors(articles: list[Article], table: AliasTable | None = None,
                          errors: list[dict] | None = None, progress: Progress | None = None) -> list[Actor]:
    """Fill ``article.events`` and return the corpus's actors, one id each across all articles.

    All articles go through spaCy in one ``nlp.pipe`` batch; actors are merged
    over the whole corpus before events look up who is who. If finding the
    mentions or events of one article raises, that article keeps its time
    phrases and gets no events, and ``errors`` (when given) gets one line
    naming it; the other articles are not affected.
    """
    table = table or load_alias_table()
    docs = parse((without_wire_dateline(a.text[a.body_start:a.body_end]) for a in articles), table)
    parsed = []
    for done, (article, doc) in enumerate(zip(articles, docs), start=1):
        if progress:
            progress(done, len(articles), article.path)
        try:
            mentions = find_mentions(doc, article.id, article.body_start)
        except Exception as err:  # noqa: BLE001 - one bad article must not lose the others
            stage_failed(article, "actors", err, errors)
            mentions = []
        parsed.append((article, doc, mentions))
    actors, actor_ids = resolve_actors([m for _, _, ms in parsed for m in ms], table)
    first = 0
    for article, doc, mentions in parsed:
        ids = actor_ids[first:first + len(mentions)]
        first += len(mentions)
        try:
            article.events = find_events(doc, article.id, article.text, article.published,
                                         article.timexes, mentions, ids, article.body_start, headline_end(article))
        except Exception as err:  # noqa: BLE001
            stage_failed(article, "events", err, errors)
            article.events = []
    link_events(actors, articles)
    return actors


def headline_end(article: Article) -> int | None:
    """Where the article's title line ends in its text, if it has one."""
    at = article.text.find(article.title, article.body_start) if article.title else -1
    return at + len(article.title) if at >= 0 else None


def stage_failed(article: Article, stage: str, err: Exception, errors: list[dict] | None) -> None:
    """One line in the document's errors naming the article and what went wrong."""
    if errors is not None:
        reason = " ".join(f"{type(err).__name__}: {err}".split())
        errors.append({"path": article.path, "reason": f"{stage} stage failed on article {article.id}: {reason}"})


def link_events(actors: list[Actor], articles: list[Article]) -> None:
    """Each actor lists the events it takes part in."""
    by_id = {a.id: a for a in actors}
    listed = {a.id: set(a.event_ids) for a in actors}  # "in event_ids" would read the whole list each time
    for article in articles:
        for event in article.events:
            for role in event.actors:
                if event.id not in listed[role.actor_id]:
                    listed[role.actor_id].add(event.id)
                    by_id[role.actor_id].event_ids.append(event.id)


def extract(paths: Iterable[str | Path], published: date | None = None,
            progress: Progress | None = None) -> dict:
    """Read and extract everything under ``paths`` (every format of ``sources``);
    ``published`` overrides every article's date. Bad files are listed in "errors"."""
    loaded = sources.read_paths(paths, fallback=published, progress=progress)
    for article in loaded.articles:
        article.published = published or article.published
    doc = extract_articles(sources.unique_ids(loaded.articles))
    doc["errors"] += [{"path": e.path, "reason": e.reason} for e in loaded.errors]
    return sources.merge_extracts([doc, *loaded.extracts]) if loaded.extracts else doc
