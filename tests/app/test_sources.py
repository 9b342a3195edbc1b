"""Sources: every supported format becomes articles; a bad file gives its reason."""

import json
from datetime import date

import pytest

from dashboard import sources
from tests.fixtures import docs

SEED = "Friday, January 23, 2026\n\nA title\n\nThe IRGC met on Wednesday.\n"


@pytest.mark.parametrize("name,data,title,published", [
    ("a.txt", SEED, "A title", date(2026, 1, 23)),
    ("a.md", "---\ntitle: \"Front\"\ndate: 2026-01-20\n---\nThe IRGC met on Wednesday.\n", "Front",
     date(2026, 1, 20)),
    ("b.md", "Friday, January 23, 2026\n\n# Heading\n\nBody text.\n", "Heading", date(2026, 1, 23)),
    ("a.html", "<html><head><title>T</title><meta property='article:published_time' content='2026-01-19T08:00Z'>"
     "<script>x()</script></head><body><nav>Home</nav><article><h1>Big &amp; bold</h1><p>The IRGC met."
     "</p></article></body></html>", "Big & bold", date(2026, 1, 19)),
    ("a.json", json.dumps([{"title": "J", "text": "Body.", "date": "2026-01-18"}]), "J", date(2026, 1, 18)),
    ("a.jsonl", json.dumps({"headline": "L", "body": "Body.", "published": "Friday, January 16, 2026"}) + "\n",
     "L", date(2026, 1, 16)),
    ("a.csv", "id,title,text,date\nx1,C,\"Body, with comma.\",2026-01-15\n", "C", date(2026, 1, 15)),
])
def test_formats(name, data, title, published):
    loaded = sources.read_bytes(name, data.encode())
    assert not loaded.errors
    [article] = loaded.articles
    assert (article.title, article.published) == (title, published)


def test_html_text_drops_scripts_and_navigation():
    html = "<body><nav>Menu</nav><script>evil()</script><p>One.</p><p>Two.</p></body>"
    article = sources.read_bytes("x.html", html.encode(), fallback=date(2026, 1, 1)).articles[0]
    assert "evil" not in article.text and "Menu" not in article.text and "One.\n\nTwo." in article.text


def test_bad_records_fail_alone():
    data = "\n".join([json.dumps({"text": "Good.", "date": "2026-01-01", "title": "G"}),
                      json.dumps({"text": "No date."}), "{broken", json.dumps({"date": "2026-01-01"})])
    loaded = sources.read_bytes("feed.jsonl", data.encode())
    assert len(loaded.articles) == 1
    reasons = [e.reason for e in loaded.errors]
    assert "no date" in reasons[0] and "not JSON" in reasons[1] and "no text" in reasons[2]
    assert [e.path for e in loaded.errors] == ["feed.jsonl#2", "feed.jsonl#3", "feed.jsonl#4"]


@pytest.mark.parametrize("name,data,reason", [
    ("x.pdf", b"%PDF", "unsupported file type"),
    ("x.txt", b"", "empty"),
    ("x.txt", b"\xff\xfe bad", "not valid UTF-8"),
    ("x.txt", b"No dateline here\n\nBody\n", "no dateline"),
    ("x.json", b"[1, 2", "cannot parse JSON"),
])
def test_file_errors_say_why(name, data, reason):
    loaded = sources.read_bytes(name, data)
    assert not loaded.articles and reason in loaded.errors[0].reason


def test_fallback_date_for_undated_files():
    article = sources.read_bytes("x.txt", b"No dateline\n\nBody\n", fallback=date(2026, 2, 2)).articles[0]
    assert article.published == date(2026, 2, 2) and article.title == "No dateline"


def test_extract_json_passes_through(tmp_path):
    loaded = sources.read_paths([docs.write("basic", tmp_path)])
    assert not loaded.articles and loaded.extracts[0]["articles"][0]["id"] == "a1"


def test_folder_reads_all_formats_and_reports_the_bad(tmp_path):
    (tmp_path / "a.txt").write_text(SEED)
    (tmp_path / "b.md").write_text("---\ndate: 2026-01-02\n---\nTitle\n\nBody\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    (tmp_path / ".hidden.txt").write_text(SEED)
    seen = []
    loaded = sources.read_paths([tmp_path, tmp_path / "missing"], progress=lambda d, n, p: seen.append((d, n)))
    assert sorted(a.id for a in loaded.articles) == ["a", "b"]
    assert {e.reason.split(" ")[0] for e in loaded.errors} == {"file", "no"}
    assert seen[-1] == (3, 3)


def test_unique_ids_and_merge():
    loaded = sources.read_bytes("a.txt", SEED.encode())
    loaded.add(sources.read_bytes("a.txt", SEED.encode()))
    assert [a.id for a in sources.unique_ids(loaded.articles)] == ["a", "a-2"]
    merged = sources.merge_extracts([docs.basic(), docs.many_actors(3)])
    assert len(merged["articles"]) == 3 and len(merged["actors"]) == len(docs.basic()["actors"]) + 3
