"""The whole extraction, one way: text -> phrases -> events -> actors -> document.

The CLI and the app both call ``extract``; nothing else chains the stages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from .articles import ArticleError, find_article_files, read_article
from .model import Article, extract_document
from .timex import tag_article

Progress = Callable[[int, int, str], None]  # (done, total, current path)


def extract_articles(articles: list[Article]) -> dict:
    """The extract document for articles already read."""
    for article in articles:
        tag_article(article)
    return extract_document(articles)


def read_articles(paths: Iterable[str | Path], published: date | None = None,
                  progress: Progress | None = None) -> tuple[list[Article], list[ArticleError]]:
    """Read every article under ``paths``; a bad file becomes an error, not a crash."""
    files, errors = find_article_files(list(paths))
    articles = []
    for done, path in enumerate(files):
        if progress:
            progress(done, len(files), str(path))
        try:
            articles.append(read_article(path, published))
        except ArticleError as err:
            errors.append(err)
    return articles, errors


def extract(paths: Iterable[str | Path], published: date | None = None,
            progress: Progress | None = None) -> dict:
    """Read and extract everything under ``paths``; errors are listed in the document."""
    articles, errors = read_articles(paths, published, progress)
    doc = extract_articles(articles)
    doc["errors"] = [{"path": e.path, "reason": e.reason} for e in errors]
    return doc
