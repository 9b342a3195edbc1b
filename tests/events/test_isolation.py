"""A stage that raises on one article loses neither that article nor the others."""

from datetime import date

from dashboard import pipeline
from dashboard.articles import parse_article


def articles():
    return [parse_article(f"January 23, 2026\n\nNews.\n\n{body}\n", f"a{i}.txt", article_id=f"a{i}")
            for i, body in enumerate(["Police arrested the mayor on Monday.", "Rebels seized the airport on Tuesday."])]


def test_events_failure_keeps_the_article_with_its_timexes(monkeypatch):
    real = pipeline.find_events

    def flaky(doc, article_id, *args, **kwargs):
        if article_id == "a0":
            raise ValueError("boom")
        return real(doc, article_id, *args, **kwargs)

    monkeypatch.setattr(pipeline, "find_events", flaky)
    doc = pipeline.extract_articles(articles())
    first, second = doc["articles"]
    assert first["id"] == "a0" and first["events"] == []
    assert any(t["text"] == "Monday" for t in first["timexes"])
    assert [e["trigger"] for e in second["events"]] == ["seized"]
    assert len(doc["errors"]) == 1
    assert "a0" in doc["errors"][0]["reason"] and "boom" in doc["errors"][0]["reason"]
    assert "\n" not in doc["errors"][0]["reason"]


def test_no_failure_no_errors():
    assert pipeline.extract_articles(articles())["errors"] == []


def test_extract_lists_stage_failures_after_read_errors(monkeypatch, tmp_path):
    (tmp_path / "a.txt").write_text("January 23, 2026\n\nNews.\n\nPolice arrested the mayor on Monday.\n")
    monkeypatch.setattr(pipeline, "find_events", lambda *a, **k: 1 / 0)
    doc = pipeline.extract([tmp_path], published=date(2026, 1, 23))
    assert len(doc["articles"]) == 1
    assert [e["path"] for e in doc["errors"]] == [str(tmp_path / "a.txt")]


def test_time_phrase_failure_keeps_the_article_with_its_events(monkeypatch):
    real = pipeline.tag_article

    def flaky(article):
        if article.id == "a1":
            raise AttributeError("'NoneType' object has no attribute 'group'")
        return real(article)

    monkeypatch.setattr(pipeline, "tag_article", flaky)
    doc = pipeline.extract_articles(articles())
    second = doc["articles"][1]
    assert second["timexes"] == [] and [e["trigger"] for e in second["events"]] == ["seized"]
    assert doc["articles"][0]["timexes"]
    assert [e["reason"].split(":")[0] for e in doc["errors"]] == ["time phrases stage failed on article a1"]


def test_extraction_reports_progress_per_article():
    seen = []
    doc = pipeline.extract_articles(articles(), progress=lambda done, total, path: seen.append((done, total, path)))
    assert seen == [(1, 2, "a0.txt"), (2, 2, "a1.txt")]
    assert [len(a["events"]) > 0 for a in doc["articles"]] == [True, True]
