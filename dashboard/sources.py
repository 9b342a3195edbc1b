"""Articles from files and uploads in several formats, as ``Article`` objects.

``.txt`` is the seed format (dateline, title, body); ``.md`` may carry a
front matter ``date:``/``title:``; ``.html`` gives its text, ``<h1>`` or
``<title>`` and a published date from its metadata; ``.json``, ``.jsonl``
and ``.csv`` hold records with a text field and a date field. A JSON file
that is already an extract document is passed through as one. A file or
record that fails becomes an ``ArticleError`` with its reason; the rest load.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from .articles import ArticleError, decode, parse_article, parse_dateline, read_file
from .model import Article

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".csv")
TEXT_FIELDS = ("text", "body", "content", "article", "full_text")
DATE_FIELDS = ("date", "published", "published_at", "publication_date", "pubdate", "datetime")
TITLE_FIELDS = ("title", "headline")
ID_FIELDS = ("id", "article_id")

Progress = Callable[[int, int, str], None]  # (done, total, current name)


@dataclass
class Loaded:
    """What a set of files gave: articles to extract, extracts as they are, errors."""

    articles: list[Article] = field(default_factory=list)
    extracts: list[dict] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)

    def add(self, other: Loaded) -> None:
        self.articles += other.articles
        self.extracts += other.extracts
        self.errors += other.errors


def parse_date(value) -> date | None:
    """A date from ISO (``2026-01-23``, ``2026-01-23T10:00Z``) or dateline form, else None."""
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parse_dateline(text)
    except ValueError:
        return None


def _parse(text: str, name: str, published: date | None, fallback: date | None,
           article_id: str | None = None) -> Article:
    """parse_article, retried with the fallback date when the text has no dateline."""
    try:
        return parse_article(text, name, published, article_id)
    except ArticleError:
        if published is not None or fallback is None:
            raise
        return parse_article(text, name, fallback, article_id)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between leading ``---`` fences, and the rest."""
    match = re.match(r"\A\ufeff?---\r?\n(.*?)\r?\n---\r?\n", text, re.DOTALL)
    if not match:
        return {}, text
    meta = dict(re.findall(r"^(\w+)\s*:\s*[\"']?(.*?)[\"']?\s*$", match.group(1), re.MULTILINE))
    return {k.lower(): v for k, v in meta.items()}, text[match.end():]


def from_markdown(text: str, name: str, fallback: date | None = None) -> Article:
    meta, body = _front_matter(text)
    if meta.get("title"):
        body = f"{meta['title']}\n\n{body}"
    article = _parse(body, name, parse_date(meta.get("date")), fallback, None)
    article.title = article.title.lstrip("#").strip()
    return article


class _HTMLText(HTMLParser):
    """Visible text with blocks on their own lines; title, h1 and date metadata."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "header", "footer", "blockquote", "tr", "pre"}
    SKIP = {"script", "style", "noscript", "template", "nav"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.article_parts: list[str] | None = None
        self.skip = 0
        self.meta: dict[str, str] = {}
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            if key in ("article:published_time", "date", "pubdate", "dc.date", "og:published_time"):
                self.meta.setdefault("date", attrs.get("content") or "")
        elif tag == "time" and attrs.get("datetime"):
            self.meta.setdefault("date", attrs["datetime"])
        if tag == "article" and self.article_parts is None:
            self.article_parts = []
        if tag in ("title", "h1"):
            self.current = tag
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCKS:
            self._emit("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag == self.current:
            self.current = None
        if tag in self.BLOCKS:
            self._emit("\n\n")

    def handle_data(self, data):
        if self.current and data.strip():
            self.meta.setdefault(self.current, data.strip())
        if not self.skip and self.current != "title":
            self._emit(data)

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        if self.article_parts is not None:
            self.article_parts.append(text)

    def text(self) -> str:
        raw = "".join(self.article_parts if self.article_parts else self.parts)
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in raw.splitlines()]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def from_html(text: str, name: str, fallback: date | None = None) -> Article:
    parser = _HTMLText()
    parser.feed(text)
    body = parser.text()
    title = parser.meta.get("h1") or parser.meta.get("title") or ""
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"
    return _parse(body, name, parse_date(parser.meta.get("date")), fallback)


def _field(record: dict, names: Iterable[str]):
    lowered = {str(k).lower(): v for k, v in record.items()}
    return next((lowered[n] for n in names if lowered.get(n) not in (None, "")), None)


def from_record(record: dict, name: str, n: int, fallback: date | None = None) -> Article:
    """One article from a JSON/CSV record with a text and a date field."""
    where = f"{name}#{n}"
    if not isinstance(record, dict):
        raise ArticleError(where, "record is not an object")
    body = _field(record, TEXT_FIELDS)
    if not isinstance(body, str) or not body.strip():
        raise ArticleError(where, f"record has no text (looked for {', '.join(TEXT_FIELDS)})")
    raw_date = _field(record, DATE_FIELDS)
    published = parse_date(raw_date) or fallback
    if published is None:
        detail = f"{raw_date!r} is not a date" if raw_date else f"no date (looked for {', '.join(DATE_FIELDS)})"
        raise ArticleError(where, f"record has {detail}")
    title = _field(record, TITLE_FIELDS)
    text = f"{title}\n\n{body}" if title else body
    article_id = _field(record, ID_FIELDS)
    return parse_article(text, where, published, str(article_id) if article_id else f"{Path(name).stem}-{n}")


def _records(text: str, suffix: str, name: str) -> list:
    if suffix == ".csv":
        return list(csv.DictReader(io.StringIO(text)))
    if suffix == ".jsonl":
        out = []
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as err:
                    out.append(ArticleError(f"{name}#{n}", f"not JSON: {err.msg}"))
        return out
    data = json.loads(text)
    if isinstance(data, dict):
        return data.get("articles", [data]) if isinstance(data.get("articles"), list) else [data]
    return data if isinstance(data, list) else [data]


def is_extract(data) -> bool:
    """Whether parsed JSON is an extract document (the CLI's output), not articles."""
    return (isinstance(data, dict) and "schema_version" in data and isinstance(data.get("articles"), list)
            and all(isinstance(a, dict) and "text" not in a for a in data["articles"]))


def read_bytes(name: str, data: bytes, fallback: date | None = None) -> Loaded:
    """Articles from one file's bytes; ``fallback`` dates files that carry none."""
    suffix = Path(name).suffix.lower()
    out = Loaded()
    try:
        if suffix not in SUFFIXES:
            raise ArticleError(name, f"unsupported file type {suffix or '(none)'}; use {', '.join(SUFFIXES)}")
        text = decode(data, name)
        if suffix in (".md", ".markdown"):
            out.articles.append(from_markdown(text, name, fallback))
        elif suffix in (".html", ".htm"):
            out.articles.append(from_html(text, name, fallback))
        elif suffix == ".txt":
            out.articles.append(_parse(text, name, None, fallback))
        else:
            if suffix == ".json" and is_extract(parsed := json.loads(text)):
                out.extracts.append(parsed)
                return out
            for n, record in enumerate(_records(text, suffix, name), start=1):
                try:
                    if isinstance(record, ArticleError):
                        raise record
                    out.articles.append(from_record(record, name, n, fallback))
                except ArticleError as err:
                    out.errors.append(err)
    except ArticleError as err:
        out.errors.append(err)
    except (json.JSONDecodeError, csv.Error) as err:
        out.errors.append(ArticleError(name, f"cannot parse {suffix[1:].upper()}: {err}"))
    return out


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[ArticleError]]:
    """Files of every supported format under the given files and folders."""
    files, errors = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                errors.append(ArticleError(path, f"folder has no articles ({', '.join(SUFFIXES)})"))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            errors.append(ArticleError(path, "no such file or folder"))
    return files, errors


def read_paths(paths: Iterable[str | Path], fallback: date | None = None,
               progress: Progress | None = None) -> Loaded:
    """Everything under ``paths``; a bad file is an error, the others still load."""
    files, errors = find_files(paths)
    out = Loaded(errors=errors)
    for done, path in enumerate(files):
        if progress:
            progress(done, len(files), str(path))
        try:
            data = read_file(path)
        except ArticleError as err:
            out.errors.append(err)
            continue
        out.add(read_bytes(str(path), data, fallback))
    if progress:
        progress(len(files), len(files), "")
    return out


def unique_ids(articles: list[Article]) -> list[Article]:
    """Suffix repeated article ids (two folders with ``story.txt``) so events stay unique."""
    seen: dict[str, int] = {}
    for article in articles:
        n = seen[article.id] = seen.get(article.id, 0) + 1
        if n > 1:
            article.id = f"{article.id}-{n}"
    return articles


def merge_extracts(docs: list[dict]) -> dict:
    """One extract document from several: articles listed, actors merged by id."""
    actors: dict[str, dict] = {}
    for doc in docs:
        for actor in doc.get("actors", []):
            if actor["id"] in actors:
                known = actors[actor["id"]]
                known["event_ids"] = list(dict.fromkeys(known.get("event_ids", []) + actor.get("event_ids", [])))
                known["aliases"] = list(dict.fromkeys(known.get("aliases", []) + actor.get("aliases", [])))
            else:
                actors[actor["id"]] = {**actor}
    return {"schema_version": max((d.get("schema_version", 1) for d in docs), default=1),
            "articles": [a for d in docs for a in d.get("articles", [])],
            "actors": list(actors.values()),
            "errors": [e for d in docs for e in d.get("errors", [])]}
