"""TimeML I/O: TEXT survives character for character, bad files give one-line errors.

Most tests replace the engine with a fixed finder, so they check the I/O and
not the engine's answers; the last ones run the real engine end to end.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.model import Timex
from dashboard.timex import timeml
from dashboard.timex.timeml import TimeMLError, read_timeml, tag_timeml_file

FIXTURES = Path(__file__).parents[1] / "fixtures" / "timeml"
REPO = Path(__file__).parents[2]
GOOD = ("entities.tml", "compact_dct.tml")
BROKEN = {
    "no_dct.tml": "no DCT",
    "no_text.tml": "no <TEXT> element",
    "bad_xml.tml": "not well-formed XML: mismatched tag: line 4",
    "invalid_utf8.tml": "not valid UTF-8: byte 0xe9 at offset 155",
}


def text_content(source: str) -> str:
    """What is between <TEXT> and </TEXT>."""
    return re.search(r"<TEXT>(.*)</TEXT>", source, re.DOTALL).group(1)


def strip_tags(source: str) -> str:
    return re.sub(r"<[^>]*>", "", source)


def fixed_finder(*phrases: str):
    """A stand-in engine that finds each phrase wherever it occurs."""
    def find(text: str, dct: date, start: int = 0, end: int | None = None) -> list[Timex]:
        return [Timex(m.group(), m.start(), m.end(), "DATE", f"{dct.year}-XX", "APPROX")
                for phrase in phrases for m in re.finditer(re.escape(phrase), text)]
    return find


def timeml_doc(tmp_path: Path, dct_element: str, text: str = "It rose Friday.") -> Path:
    path = tmp_path / "doc.tml"
    path.write_text(f'<?xml version="1.0" ?>\n<TimeML>\n{dct_element}\n<TEXT>{text}</TEXT>\n</TimeML>\n',
                    encoding="utf-8")
    return path


def test_read_keeps_entities_in_raw_text_and_unescapes_them_in_text():
    doc = read_timeml(FIXTURES / "entities.tml")
    assert doc.docid == "FIX19980301.0001"
    assert doc.dct == date(1998, 3, 1)
    assert doc.raw_text == strip_tags(text_content((FIXTURES / "entities.tml").read_text("utf-8")))
    assert "AT&amp;T" in doc.raw_text and "&lt;before tax&gt;" in doc.raw_text
    assert "AT&T" in doc.text and "<before tax>" in doc.text and "Café & Bar" in doc.text


def test_gold_offsets_index_the_unescaped_text():
    doc = read_timeml(FIXTURES / "entities.tml")
    assert [(g.tid, g.type, g.value, g.mod, doc.text[g.start:g.end]) for g in doc.gold] == [
        ("t1", "DATE", "1998-02-27", None, "Friday"),
        ("t2", "DATE", "1997", "END", "late last year"),
        ("t3", "DURATION", "P2W", None, "two weeks"),
    ]
    assert all(doc.text[g.start:g.end] == g.text for g in doc.gold)


def test_raw_span_never_cuts_an_entity():
    doc = read_timeml(FIXTURES / "entities.tml")
    amp = doc.text.index("AT&T") + 2
    start, end = doc.raw_span(amp, amp + 1)
    assert doc.raw_text[start:end] == "&amp;"
    e_acute = doc.text.index("é")
    assert doc.raw_text[slice(*doc.raw_span(e_acute - 3, e_acute + 1))] == "Caf&#233;"


@pytest.mark.parametrize("value,written", [
    ("1998-03-01", "March 1, 1998"),
    ("19980301", "19980301"),
    ("1998-03-01T10:30:00", "1998-03-01 10:30"),
    ("19980301T1030", "19980301 10:30"),
    ("", "1998-03-01"),
])
def test_dct_forms(tmp_path, value, written):
    dct = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{value}" '
           f'functionInDocument="CREATION_TIME">{written}</TIMEX3></DCT>')
    assert read_timeml(timeml_doc(tmp_path, dct)).dct == date(1998, 3, 1)


def test_dct_outside_a_dct_element_and_bare_dct_text(tmp_path):
    creation = '<TIMEX3 tid="t0" type="DATE" value="2001-09-11" functionInDocument="CREATION_TIME">x</TIMEX3>'
    assert read_timeml(timeml_doc(tmp_path, f"<DATE_TIME>{creation}</DATE_TIME>")).dct == date(2001, 9, 11)
    assert read_timeml(timeml_doc(tmp_path, "<DCT>2001-09-11</DCT>")).dct == date(2001, 9, 11)


def test_dct_that_is_not_a_date(tmp_path):
    dct = '<DCT><TIMEX3 tid="t0" value="1998-13-40" functionInDocument="CREATION_TIME">soon</TIMEX3></DCT>'
    with pytest.raises(TimeMLError, match=r"doc\.tml: DCT value '1998-13-40' is not a date"):
        read_timeml(timeml_doc(tmp_path, dct))


@pytest.mark.parametrize("name,reason", sorted(BROKEN.items()))
def test_broken_files_give_one_line_errors_naming_the_file(name, reason):
    with pytest.raises(TimeMLError) as err:
        read_timeml(FIXTURES / name)
    message = str(err.value)
    assert message.startswith(str(FIXTURES / name) + ": ")
    assert reason in message
    assert "\n" not in message


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(TimeMLError, match="cannot read"):
        read_timeml(tmp_path / "absent.tml")
    (tmp_path / "empty.tml").write_bytes(b"  \n")
    with pytest.raises(TimeMLError, match="file is empty"):
        read_timeml(tmp_path / "empty.tml")


def test_tagging_changes_only_the_tags_inside_text(tmp_path, monkeypatch):
    monkeypatch.setattr(timeml, "find_timexes", fixed_finder("Friday", "1996 & 1997", "Bar unit"))
    source = (FIXTURES / "entities.tml").read_text("utf-8")
    tag_timeml_file(FIXTURES / "entities.tml", tmp_path / "out" / "entities.tml")
    written = (tmp_path / "out" / "entities.tml").read_text("utf-8")
    head, tail = source.split("<TEXT>")[0], source.split("</TEXT>")[1]
    assert written.startswith(head + "<TEXT>") and written.endswith("</TEXT>" + tail)
    assert strip_tags(text_content(written)) == strip_tags(text_content(source))
    assert re.findall(r"<TIMEX3 [^>]*>[^<]*</TIMEX3>", text_content(written)) == [
        '<TIMEX3 tid="t1" type="DATE" value="1998-XX" mod="APPROX">Friday</TIMEX3>',
        '<TIMEX3 tid="t2" type="DATE" value="1998-XX" mod="APPROX">Bar unit</TIMEX3>',
        '<TIMEX3 tid="t3" type="DATE" value="1998-XX" mod="APPROX">1996 &amp; 1997</TIMEX3>',
    ]
    assert "<EVENT" not in text_content(written) and "<SIGNAL" not in text_content(written)


def test_tagging_skips_overlaps_and_keeps_entities_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(timeml, "find_timexes", fixed_finder("T&T", "AT&", "1996 & 1997", "6 & 1"))
    tag_timeml_file(FIXTURES / "entities.tml", tmp_path / "out.tml")
    written = text_content((tmp_path / "out.tml").read_text("utf-8"))
    assert re.findall(r">([^<]*)</TIMEX3>", written) == ["AT&amp;", "1996 &amp; 1997"]
    assert read_timeml(tmp_path / "out.tml").raw_text == read_timeml(FIXTURES / "entities.tml").raw_text


def test_new_tids_do_not_reuse_the_dct_tid(tmp_path, monkeypatch):
    monkeypatch.setattr(timeml, "find_timexes", fixed_finder("rose"))
    dct = '<DCT><TIMEX3 tid="t1" value="1998-03-01" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
    tag_timeml_file(timeml_doc(tmp_path, dct), tmp_path / "out.tml")
    assert '<TIMEX3 tid="t2" type="DATE"' in (tmp_path / "out.tml").read_text("utf-8")


def test_crlf_and_attribute_escaping_survive(tmp_path, monkeypatch):
    monkeypatch.setattr(timeml, "find_timexes", lambda text, dct: [
        Timex("Friday", text.index("Friday"), text.index("Friday") + 6, "DATE", 'a"b<c&d')])
    dct = '<DCT><TIMEX3 tid="t0" value="1998-03-01" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
    source = timeml_doc(tmp_path, dct, "Stocks\r\nrose\r\nFriday.\r\n")
    tag_timeml_file(source, tmp_path / "out.tml")
    written = (tmp_path / "out.tml").read_bytes().decode("utf-8")
    assert 'value="a&quot;b&lt;c&amp;d">Friday</TIMEX3>.\r\n</TEXT>' in written
    assert read_timeml(tmp_path / "out.tml").text == "Stocks\r\nrose\r\nFriday.\r\n"


def test_cli_tags_the_good_files_and_names_each_broken_one(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(timeml, "find_timexes", fixed_finder("Friday"))
    assert main(["timeml", str(FIXTURES), str(tmp_path / "out")]) == 1
    *errors, summary = capsys.readouterr().err.splitlines()
    assert len(errors) == len(BROKEN)
    for name, reason in BROKEN.items():
        assert any(line.startswith(f"error: {FIXTURES / name}: {reason}") for line in errors)
    assert summary == f"tagged 2 of 6 document(s) into {tmp_path / 'out'}"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(GOOD)


def test_real_engine_keeps_text_identical(tmp_path):
    for name in GOOD:
        tag_timeml_file(FIXTURES / name, tmp_path / name)
        assert read_timeml(tmp_path / name).raw_text == read_timeml(FIXTURES / name).raw_text


def test_real_cli_exit_code_and_messages(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("entities.tml", "no_dct.tml"):
        shutil.copy(FIXTURES / name, folder / name)
    run = subprocess.run([sys.executable, "-m", "dashboard", "timeml", str(folder), str(tmp_path / "out")],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"error: {folder / 'no_dct.tml'}: no DCT: no <DCT> element and no TIMEX3 with "
        'functionInDocument="CREATION_TIME"',
        f"tagged 1 of 2 document(s) into {tmp_path / 'out'}",
    ]
    assert (tmp_path / "out" / "entities.tml").is_file()
