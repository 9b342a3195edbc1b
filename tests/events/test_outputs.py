"""The flat CSV from the command line, and events that never crash on odd text."""

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.model import EVENT_ACTOR_COLUMNS

ROOT = Path(__file__).resolve().parents[2]


def test_cli_writes_one_row_per_event_and_actor(tmp_path):
    out, table = tmp_path / "out.json", tmp_path / "rows.csv"
    result = subprocess.run([sys.executable, "-m", "dashboard", "extract", "seeds/", "--out", str(out),
                             "--csv", str(table)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with table.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == EVENT_ACTOR_COLUMNS
    channel = [r for r in rows if r["actor_name"] == "Channel 12" and r["role"] == "source"]
    assert any(r["date_start"] == "2026-01-21" for r in channel)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_odd_text_never_raises_and_offsets_stay_inside(extract_text, body):
    doc = extract_text(body, dct=date(2026, 1, 23))
    assert len(doc["articles"]) == 1
    for event in doc["articles"][0]["events"]:
        assert event["sentence_start"] <= event["trigger_start"] < event["trigger_end"] <= event["sentence_end"]
