"""The extract cache: extract once, again only when an article or a table changes."""

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
