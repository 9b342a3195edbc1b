"""The command line as a user runs it: a real subprocess, real files."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_extract_seeds_to_file(tmp_path):
    out = tmp_path / "out.json"
    result = run("extract", "seeds/", "--out", str(out))
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    article = doc["articles"][0]
    assert article["published"] == "2026-01-23"
    assert article["title"] == "Is the Iranian Regime Finally Falling?"
    values = [t["value"] for t in article["timexes"]]
    assert values == ["2026-01-23", "PAST_REF", "2026-01-21", "2026-01", "2026-01"]
    keys = {"text", "start", "end", "type", "value", "mod", "interval_start", "interval_end", "precision"}
    assert keys <= set(article["timexes"][0])


def test_bad_files_are_reported_and_the_rest_processed(tmp_path):
    (tmp_path / "good.txt").write_text("Monday, March 2, 2026\n\nT\n\nIt rained yesterday.", encoding="utf-8")
    (tmp_path / "nodate.txt").write_text("Title\n\nBody", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = run("extract", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nodate.txt: no dateline" in result.stderr
    assert "binary.txt: file is binary" in result.stderr
    doc = json.loads(result.stdout)
    assert [a["id"] for a in doc["articles"]] == ["good"]
    assert doc["articles"][0]["timexes"][1]["value"] == "2026-03-01"
    assert len(doc["errors"]) == 2


def test_date_option(tmp_path):
    (tmp_path / "nodate.txt").write_text("Title\n\nIt rained yesterday.", encoding="utf-8")
    result = run("extract", str(tmp_path / "nodate.txt"), "--date", "2024-03-01")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"][0]["timexes"][0]["value"] == "2024-02-29"


def test_bad_date_option():
    result = run("extract", "seeds/", "--date", "2026-02-30")
    assert result.returncode == 2
    assert "not a date" in result.stderr and "Traceback" not in result.stderr


def test_other_formats_and_date_override(tmp_path):
    (tmp_path / "a.md").write_text("---\ndate: 2025-05-02\ntitle: Notes\n---\nIt rained yesterday.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Talks ended on Monday.", "date": "2026-01-23", "title": "T"}\n',
                                      encoding="utf-8")
    result = run("extract", str(tmp_path))
    assert result.returncode == 0, result.stderr
    values = {a["id"]: [t["value"] for t in a["timexes"]] for a in json.loads(result.stdout)["articles"]}
    assert values["a"] == ["2025-05-01"]
    assert list(values.values())[1] == ["2026-01-19"]
    result = run("extract", str(tmp_path / "a.md"), "--date", "2024-03-01")
    assert json.loads(result.stdout)["articles"][0]["timexes"][0]["value"] == "2024-02-29"



def test_out_file_run_says_what_it_found(tmp_path):
    result = run("extract", "seeds/", "--out", str(tmp_path / "out.json"))
    assert result.returncode == 0, result.stderr
    doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    events = doc["articles"][0]["events"]
    undated = sum(e["precision"] == "undated" for e in events)
    assert (f"wrote 1 article: 5 time phrases, {len(events)} events ({undated} undated), "
            f"{len(doc['actors'])} actors to") in result.stderr
