"""The extract cache: extract once, again only when an article or a table changes."""

import os
import time

import pandas as pd

from dashboard import charts, store
from tests.fixtures import docs


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self, articles):
        self.calls += 1
        return docs.basic()


def test_cache_hit_and_same_table(tmp_path):
    extract, data = Counter(), tmp_path / "data"
    data.mkdir()
    (data / "aliases.csv").write_text("alias,actor\n")
    assert not store.is_cached(store.key_of(docs.basic_articles(), data), tmp_path / "c")
    doc, table, hit = store.load_or_extract(docs.basic_articles(), extract, tmp_path / "c", data)
    assert store.is_cached(store.key_of(docs.basic_articles(), data), tmp_path / "c")
    doc2, table2, hit2 = store.load_or_extract(docs.basic_articles(), extract, tmp_path / "c", data)
    assert (hit, hit2, extract.calls) == (False, True, 1)
    assert doc2 == doc
    pd.testing.assert_frame_equal(table, table2)
    assert charts.enrich(table2, doc["actors"])["hover"].equals(charts.frame(doc)["hover"])


def test_changed_article_or_alias_table_re_extracts(tmp_path):
    extract, data = Counter(), tmp_path / "data"
    data.mkdir()
    aliases = data / "aliases.csv"
    aliases.write_text("alias,actor\n")
    articles = docs.basic_articles()
    store.load_or_extract(articles, extract, tmp_path / "c", data)
    articles[0].text += "One more line.\n"
    store.load_or_extract(articles, extract, tmp_path / "c", data)
    aliases.write_text("alias,actor\nGuards,irgc\n")
    store.load_or_extract(articles, extract, tmp_path / "c", data)
    (data / "cache").mkdir()
    (data / "cache" / "x.json").write_text("{}")  # the cache itself is not an input
    store.load_or_extract(articles, extract, tmp_path / "c", data)
    assert extract.calls == 3


def test_damaged_cache_entry_is_rebuilt(tmp_path):
    extract = Counter()
    store.load_or_extract(docs.basic_articles(), extract, tmp_path, tmp_path / "none")
    for path in tmp_path.glob("*.json"):
        path.write_text("{half")
    _, _, hit = store.load_or_extract(docs.basic_articles(), extract, tmp_path, tmp_path / "none")
    assert not hit and extract.calls == 2


def test_one_failing_article_does_not_sink_the_rest():
    def extract(articles):
        if any(a.id == "a2" for a in articles):
            raise RuntimeError("engine bug")
        return {"articles": [{"id": a.id} for a in articles], "actors": [], "errors": []}

    doc = store.extract_robustly(docs.basic_articles(), extract)
    assert [a["id"] for a in doc["articles"]] == ["a1"]
    assert doc["errors"] == [{"path": "a2.txt", "reason": "extraction failed: RuntimeError: engine bug"}]


KEYS = [f"{i:024x}" for i in range(6)]


def aged(path, seconds):
    """Set the file's mtime ``seconds`` back: last used that long ago."""
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def written(path, age=0, size=10):
    """A file of ``size`` bytes, last modified ``age`` seconds ago."""
    path.write_bytes(b"x" * size)
    return aged(path, age)


def fake_entry(cache, key, age, size=10):
    for suffix in (".json", ".parquet"):
        written(cache / f"{key}{suffix}", age, size)


def whole_entries(cache):
    return {p.stem for p in cache.glob("*.json") if p.with_suffix(".parquet").is_file()}


def test_prune_removes_the_least_recently_used_entries_beyond_the_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "CACHE_ENTRIES", 3)
    for n, key in enumerate(KEYS):
        fake_entry(tmp_path, key, age=100 * (len(KEYS) - n))  # KEYS[-1] used last
    store.prune(tmp_path, keep=KEYS[0])  # the oldest file times, but the entry just written
    assert whole_entries(tmp_path) == {KEYS[0], KEYS[4], KEYS[5]}
    assert len(list(tmp_path.iterdir())) == 6


def test_prune_caps_the_total_size(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "CACHE_BYTES", 45)
    for n, key in enumerate(KEYS):
        fake_entry(tmp_path, key, age=100 * (len(KEYS) - n))  # 20 bytes an entry
    store.prune(tmp_path, keep=KEYS[5])
    assert whole_entries(tmp_path) == {KEYS[4], KEYS[5]}
    monkeypatch.setattr(store, "CACHE_BYTES", 5)
    store.prune(tmp_path, keep=KEYS[4])
    assert whole_entries(tmp_path) == {KEYS[4]}  # the entry just written stays, whatever its size


def test_reading_an_entry_makes_it_recently_used(tmp_path, monkeypatch):
    """Two entries in a cache of two: reading the older one, then writing a third,
    removes the one not read."""
    monkeypatch.setattr(store, "CACHE_ENTRIES", 2)
    extract, cache, data = Counter(), tmp_path / "c", tmp_path / "none"
    corpora = [docs.basic_articles() for _ in range(3)]
    for n, articles in enumerate(corpora):
        articles[0].text += f"Version {n}.\n"
    read, unread, new = (store.key_of(articles, data) for articles in corpora)
    store.load_or_extract(corpora[0], extract, cache, data)
    store.load_or_extract(corpora[1], extract, cache, data)
    for path in cache.glob(f"{read}.*"):
        aged(path, 200)
    for path in cache.glob(f"{unread}.*"):
        aged(path, 100)
    assert store.load_or_extract(corpora[0], extract, cache, data)[2]  # a hit
    store.load_or_extract(corpora[2], extract, cache, data)
    assert whole_entries(cache) == {read, new} and extract.calls == 3


def test_prune_leaves_files_that_are_not_cache_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "CACHE_ENTRIES", 1)
    others = ["README.md", "notes.json", "notes.parquet", f"{KEYS[1]}.csv", f"{KEYS[1]}.json.bak",
              f"{'ABCDEF' * 4}.json", f"x{KEYS[1]}.parquet", ".DS_Store", "other.tmp", ".notes.json.1.tmp",
              f".{KEYS[1]}.json.tmp"]
    for name in others:
        written(tmp_path / name, age=store.STALE_SECONDS * 2)
    (tmp_path / f"{KEYS[2]}.json").mkdir()  # a folder with an entry's name
    written(tmp_path / f"{KEYS[2]}.json" / "inside.txt")
    fake_entry(tmp_path, KEYS[0], age=0)
    store.prune(tmp_path, keep=KEYS[0])
    assert all((tmp_path / name).is_file() for name in others)
    assert (tmp_path / f"{KEYS[2]}.json" / "inside.txt").is_file()


def test_half_entries_and_temporary_files_go_once_stale(tmp_path):
    """A killed run leaves a temporary file or one file of a pair; a young one may
    be another process's write in progress."""
    stale = store.STALE_SECONDS + 60
    old_half, young_half = written(tmp_path / f"{KEYS[0]}.json", stale), written(tmp_path / f"{KEYS[1]}.parquet")
    old_tmp = written(tmp_path / f".{KEYS[2]}.parquet.123.tmp", stale)
    young_tmp = written(tmp_path / f".{KEYS[3]}.json.456.tmp")
    fake_entry(tmp_path, KEYS[4], age=stale)  # a whole entry is kept however old, within the bound
    store.prune(tmp_path, keep=KEYS[5])
    assert not old_half.exists() and not old_tmp.exists()
    assert young_half.exists() and young_tmp.exists() and whole_entries(tmp_path) == {KEYS[4]}


def test_half_written_entry_is_extracted_again(tmp_path):
    extract, data = Counter(), tmp_path / "none"
    articles = docs.basic_articles()
    store.load_or_extract(articles, extract, tmp_path, data)
    (tmp_path / f"{store.key_of(articles, data)}.parquet").unlink()
    _, _, hit = store.load_or_extract(articles, extract, tmp_path, data)
    assert not hit and extract.calls == 2 and store.is_cached(store.key_of(articles, data), tmp_path)


def test_only_extraction_code_changes_the_code_hash(tmp_path):
    package = tmp_path / "dashboard"
    package.mkdir()
    for name in ("actors.py", "detail.py", "charts.py", "app.py"):
        (package / name).write_text(f"# {name}\n")
    before = store.code_hash(package)
    for name in store.UI_MODULES & {"detail.py", "charts.py", "app.py"}:  # what draws the extract
        (package / name).write_text("# edited\n")
    assert store.code_hash(package) == before
    (package / "actors.py").write_text("# edited\n")  # what makes it
    assert store.code_hash(package) != before
