"""The whole extraction, one way: text -> phrases -> events -> actors -> document.

The CLI calls ``extract``, the app ``extract_articles`` on what it read;
nothing else chains the stages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from . import sources
from .actors import AliasTable, find_mentions, load_alias_table, resolve_actors
from .events import find_events
from .model import Actor, Article, extract_document
from .nlp import parse
from .timex import tag_article

Progress = Callable[[int, int, str], None]  # (done, total, current path)


def extract_articles(articles: list[Article]) -> dict:
    """The extract document for articles already read."""
    for article in articles:
        tag_article(article)
    return extract_document(articles, add_events_and_actors(articles))


def add_events_and_actors(articles: list[Article], table: AliasTable | None = None) -> list[Actor]:
    """Fill ``article.events`` and return the corpus's actors, one id each across all articles.

    All articles go through spaCy in one ``nlp.pipe`` batch; actors are merged
    over the whole corpus before events look up who is who.
    """
    table = table or load_alias_table()
    docs = parse((a.text[a.body_start:a.body_end] for a in articles), table)
    parsed = [(a, doc, find_mentions(doc, a.id, a.body_start)) for a, doc in zip(articles, docs)]
    actors, actor_ids = resolve_actors([m for _, _, ms in parsed for m in ms], table)
    first = 0
    for article, doc, mentions in parsed:
        ids = actor_ids[first:first + len(mentions)]
        first += len(mentions)
        article.events = find_events(doc, article.id, article.text, article.published,
                                     article.timexes, mentions, ids, article.body_start)
    link_events(actors, articles)
    return actors


def link_events(actors: list[Actor], articles: list[Article]) -> None:
    """Each actor lists the events it takes part in."""
    by_id = {a.id: a for a in actors}
    for article in articles:
        for event in article.events:
            for role in event.actors:
                if event.id not in by_id[role.actor_id].event_ids:
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
