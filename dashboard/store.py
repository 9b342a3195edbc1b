"""Extract once: a cache under ``data/cache/`` keyed by what the extract depends on.

The key hashes each article's text, date and id, the word tables in
``data/`` (the alias table among them), and the extraction code, so a changed
article, alias or rule re-extracts while a restart does not. The document is
kept as JSON (the extract schema) and its flat (event, actor) table as Parquet:
an entry is the pair ``<key>.json``, ``<key>.parquet``.

Every change of code or tables leaves the old entries behind, so after each
new entry the cache is pruned to the ``CACHE_ENTRIES`` most recently used
entries, fewer if they would take more than ``CACHE_BYTES``; reading an entry
marks it used (its files' mtime). Temporary files and halves of entries that
a killed run left go once ``STALE_SECONDS`` old. Nothing else in the folder
is touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .articles import ArticleError
from .model import EVENT_ACTOR_COLUMNS, SCHEMA_VERSION, Article, event_actor_rows

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
CACHE_DIR = DATA_DIR / "cache"
PACKAGE = Path(__file__).resolve().parent
#: Modules that draw or serve the extract; editing them does not change it.
UI_MODULES = {"app.py", "charts.py", "detail.py", "exports.py", "filters.py", "sources.py", "store.py", "__main__.py"}
INT_COLUMNS = ("sentence_start", "sentence_end")
KEY_CHARS = 24  # hex digits of a cache key
#: How many extracts the cache keeps (the most recently used), and their size cap.
CACHE_ENTRIES = 16
CACHE_BYTES = 512 * 2**20
#: A temporary file or half an entry this old is a killed run's leftover, not a write in progress.
STALE_SECONDS = 3600
ENTRY_FILE = re.compile(rf"(?P<key>[0-9a-f]{{{KEY_CHARS}}})\.(?:json|parquet)")
TEMP_FILE = re.compile(rf"\.[0-9a-f]{{{KEY_CHARS}}}\.(?:json|parquet)\.\d+\.tmp")

Extractor = Callable[[list[Article]], dict]


def _hash_files(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def tables_hash(data_dir: Path = DATA_DIR) -> str:
    """Hash of the word tables (aliases and the rest), not the cache or outputs."""
    if not data_dir.is_dir():
        return ""
    files = [p for p in data_dir.rglob("*") if p.is_file() and "cache" not in p.relative_to(data_dir).parts
             and p.name != "extract.json" and not p.name.startswith(".")]
    return _hash_files(files, data_dir)


def code_hash(package: Path = PACKAGE) -> str:
    """Hash of the extraction code and its resource files."""
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
             and not (p.parent == package and p.name in UI_MODULES)]
    return _hash_files(files, package)


def corpus_key(articles: list[Article], tables: str, code: str) -> str:
    """The cache key of extracting these articles with these tables and code."""
    parts = sorted((a.id, a.published.isoformat(), a.path, hashlib.sha256(a.text.encode()).hexdigest())
                   for a in articles)
    payload = json.dumps([SCHEMA_VERSION, tables, code, parts])
    return hashlib.sha256(payload.encode()).hexdigest()[:KEY_CHARS]


def flat_table(doc: dict) -> pd.DataFrame:
    """The (event, actor) rows of a document, typed so Parquet keeps empty columns as text."""
    table = pd.DataFrame(event_actor_rows(doc), columns=list(EVENT_ACTOR_COLUMNS))
    return table.astype({c: "Int64" if c in INT_COLUMNS else "string" for c in table.columns})


def _write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file so a killed run never leaves half a cache entry."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    tmp.replace(path)


def extract_robustly(articles: list[Article], extract: Extractor) -> dict:
    """Extract all articles; if that fails, find the ones that fail and extract the rest.

    One bad article then costs its own events, not the whole dashboard.
    """
    try:
        return extract(articles)
    except Exception:  # noqa: BLE001 - any engine failure is reported per article below
        pass
    good, errors = [], []
    for article in articles:
        try:
            extract([article])
            good.append(article)
        except Exception as err:  # noqa: BLE001
            errors.append(ArticleError(article.path, f"extraction failed: {type(err).__name__}: {err}"))
    doc = extract(good)
    doc["errors"] = doc.get("errors", []) + [{"path": e.path, "reason": e.reason} for e in errors]
    return doc


def key_of(articles: list[Article], data_dir: Path = DATA_DIR) -> str:
    """The cache key of these articles with today's tables and code."""
    return corpus_key(articles, tables_hash(data_dir), code_hash())


def _paths(key: str, cache_dir: Path) -> tuple[Path, Path]:
    return cache_dir / f"{key}.json", cache_dir / f"{key}.parquet"


def is_cached(key: str, cache_dir: Path = CACHE_DIR) -> bool:
    """Whether the extraction under ``key`` (see key_of) is already on disk."""
    return all(path.is_file() for path in _paths(key, cache_dir))


def load_or_extract(articles: list[Article], extract: Extractor, cache_dir: Path = CACHE_DIR,
                    data_dir: Path = DATA_DIR) -> tuple[dict, pd.DataFrame, bool]:
    """(document, flat table, whether it came from the cache)."""
    doc_path, table_path = _paths(key_of(articles, data_dir), cache_dir)
    if doc_path.is_file() and table_path.is_file():
        try:
            doc, table = json.loads(doc_path.read_text(encoding="utf-8")), pd.read_parquet(table_path)
            _mark_used(doc_path, table_path)
            return doc, table, True
        except (OSError, ValueError):
            pass  # a damaged entry is simply rebuilt
    doc = extract_robustly(articles, extract)
    table = flat_table(doc)
    cache_dir.mkdir(parents=True, exist_ok=True)
    _write(doc_path, lambda p: p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8"))
    _write(table_path, lambda p: table.to_parquet(p, index=False))
    prune(cache_dir, keep=doc_path.stem)
    return doc, table, False


def _mark_used(*paths: Path) -> None:
    """Set the files' mtime to now: pruning keeps the most recently used entries."""
    for path in paths:
        try:
            os.utime(path)
        except OSError:
            pass  # a read-only cache still serves; its entries just age


def prune(cache_dir: Path, keep: str) -> None:
    """Remove the entries beyond ``CACHE_ENTRIES``/``CACHE_BYTES``, least recently
    used first, never ``keep`` (the entry just written); and the temporary files
    and halves of entries older than ``STALE_SECONDS`` (a younger one may be
    another process's write in progress). Other files are left alone.
    """
    now, files, doomed = time.time(), {}, []
    for path in cache_dir.iterdir():
        entry = ENTRY_FILE.fullmatch(path.name)
        if not (entry or TEMP_FILE.fullmatch(path.name)):
            continue
        try:
            info = path.stat()
        except OSError:
            continue  # removed meanwhile by another process
        if not stat.S_ISREG(info.st_mode):
            continue
        if entry:
            files.setdefault(entry["key"], []).append((path, info))
        elif now - info.st_mtime > STALE_SECONDS:
            doomed.append(path)
    complete = []  # (is keep, last used, bytes, paths) of each whole entry
    for key, pair in files.items():
        used = max(info.st_mtime for _, info in pair)
        if len(pair) == 2:
            complete.append((key == keep, used, sum(info.st_size for _, info in pair), [p for p, _ in pair]))
        elif now - used > STALE_SECONDS:
            doomed += [p for p, _ in pair]
    complete.sort(key=lambda entry: entry[:2], reverse=True)  # ``keep``, then the most recently used
    total = 0
    for rank, (_, _, size, paths) in enumerate(complete, start=1):
        total += size
        if rank > 1 and (rank > CACHE_ENTRIES or total > CACHE_BYTES):
            doomed += paths
    for path in doomed:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # not removable (permissions): the next prune tries again
