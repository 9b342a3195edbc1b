"""bench/tempeval3.py: its scoring on tiny hand-made spans, and a run on the fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.tempeval3 import (Counts, Mention, context, count_matches, doc_errors, main,
                             relaxed_pairs, scores, spans_of_substrings)

#            0         1         2         3         4
#            0123456789012345678901234567890123456789012
TEXT = "He left on Friday, late last year, for good."
FRIDAY = Mention(11, 17, "DATE", "1998-02-27")
LATE_LAST_YEAR = Mention(19, 33, "DATE", "1997")
LAST_YEAR = Mention(24, 33, "DATE", "1997")


def test_exact_spans_count_as_strict_and_relaxed():
    counts = count_matches([FRIDAY, LATE_LAST_YEAR], [FRIDAY, LAST_YEAR])
    assert counts == Counts(gold=2, system=2, strict=1, relaxed=2, type_right=2, value_right=2)
    figures = scores(counts)
    assert figures["strict_f1"] == 0.5 and figures["relaxed_f1"] == 1.0
    assert figures["value_acc"] == 1.0 and figures["value_f1"] == 1.0


def test_relaxed_matching_is_one_to_one_and_prefers_the_exact_span():
    on_friday = Mention(8, 17, "DATE", "1998-02-27")
    assert relaxed_pairs([FRIDAY], [on_friday, FRIDAY]) == [(0, 1)]
    counts = count_matches([FRIDAY], [on_friday, FRIDAY])
    assert (counts.strict, counts.relaxed, counts.system) == (1, 1, 2)
    assert scores(counts)["relaxed_p"] == 0.5


def test_attribute_f1_is_relaxed_f1_times_accuracy():
    wrong_value = LAST_YEAR._replace(value="1998", type="DURATION")
    counts = count_matches([FRIDAY, LATE_LAST_YEAR], [FRIDAY, wrong_value, Mention(39, 43, "DATE", "X")])
    figures = scores(counts)
    assert (counts.relaxed, counts.value_right, counts.type_right) == (2, 1, 1)
    assert figures["value_acc"] == 0.5
    assert figures["value_f1"] == pytest.approx(figures["relaxed_f1"] * figures["value_acc"])
    assert figures["relaxed_p"] == pytest.approx(2 / 3) and figures["relaxed_r"] == 1.0


def test_no_mentions_scores_zero_without_dividing_by_zero():
    assert set(scores(count_matches([], [])).values()) == {0.0}
    assert count_matches([FRIDAY], []) + count_matches([], [FRIDAY]) == Counts(gold=1, system=1)


def test_substrings_become_spans_in_text_order():
    text = "may be in May, or may not"
    assert spans_of_substrings(text, ["May", "June", "may"]) == [(10, 13), None, (18, 21)]
    assert spans_of_substrings(text, ["may", "may"]) == [(0, 3), (18, 21)]


def test_errors_name_each_kind_with_context():
    lines = [line for _, line in doc_errors(
        TEXT, [FRIDAY, LATE_LAST_YEAR], [LAST_YEAR._replace(value="1998"), Mention(39, 43, "DATE", "X")])]
    assert lines[0].startswith("FN     gold DATE 1998-02-27   He left on [Friday], late")
    assert lines[1].startswith("VALUE+SPAN gold DATE 1997 'late last year' / ours DATE 1998 'last year'")
    assert lines[2].startswith("FP     ours DATE X")
    assert context(TEXT, 11, 17, width=20) == "e left on [Friday], late las"


def test_benchmark_runs_on_the_fixture_folder(tmp_path, capsys):
    fixtures = Path(__file__).parents[1] / "fixtures" / "timeml"
    assert main([str(fixtures), "--no-peer", "--errors", str(tmp_path / "errors.txt")]) == 1
    out, err = capsys.readouterr()
    assert "2 documents, 4 gold TIMEX3s" in out
    assert any(line.split()[:4] == ["ours", "total", "2", "4"] for line in out.splitlines())
    assert f"error: {fixtures / 'no_dct.tml'}: no DCT" in err
    assert (tmp_path / "errors.txt").read_text("utf-8").startswith("Error analysis of ours on 2")
