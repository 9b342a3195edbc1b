"""Reading articles: datelines, titles, boilerplate, offsets and bad input."""

from datetime import date

import pytest

from dashboard.articles import ArticleError, parse_dateline, read_article
from dashboard.sources import find_files


@pytest.mark.parametrize("line,expected", [
    ("Friday, January 23, 2026", date(2026, 1, 23)),
    ("January 23, 2026", date(2026, 1, 23)),
    ("Jan. 23, 2026", date(2026, 1, 23)),
    ("23 January 2026", date(2026, 1, 23)),
    ("2026-01-23", date(2026, 1, 23)),
    ("Thursday, February 29, 2024", date(2024, 2, 29)),
    ("Is the Iranian Regime Finally Falling?", None),
    ("In 2026 things changed", None),
])
def test_parse_dateline(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize("line", ["February 30, 2026", "Friday, February 29, 2025", "2026-13-01"])
def test_impossible_dateline_is_an_error(line):
    with pytest.raises(ValueError, match="not a real date"):
        parse_dateline(line)


@pytest.mark.parametrize("line", ["Monday, March 10, 2026", "Sat, 10 Mar 2026"])
def test_a_dateline_whose_weekday_contradicts_its_date_is_an_error(line):
    with pytest.raises(ValueError, match="is a Tuesday, not a"):
        parse_dateline(line)
    assert parse_dateline("Tue, 10 Mar 2026") == date(2026, 3, 10)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_offsets_index_the_original_text(tmp_path):
    text = "\ufeffMonday, March 2, 2026\r\n\r\nA title\r\n\r\nIt\u00a0rained \u201cyesterday\u201d.\r\n\r\nNo comments:\r\n"
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.published == date(2026, 3, 2)
    assert article.title == "A title"
    assert article.text == text
    s, e = article.dateline
    assert text[s:e] == "Monday, March 2, 2026"
    assert "No comments" not in text[article.body_start:article.body_end]
    assert "yesterday" in text[article.body_start:article.body_end]


def test_date_option_overrides_missing_dateline(tmp_path):
    article = read_article(write(tmp_path, "a.txt", "Title\n\nBody text."), date(2025, 5, 1))
    assert article.published == date(2025, 5, 1)
    assert article.title == "Title"


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"  \n\n ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("Friday, January 23, 2026\n\nT\n\ncaf\u00e9".encode("latin-1"), "byte 0xe9 at offset"),
    (b"Just a title\n\nNo date here.", "no dateline"),
    (b"February 30, 2026\n\nTitle\n\nBody", "not a real date"),
    (b"Monday, March 10, 2026\n\nTitle\n\nBody", "March 10, 2026 is a Tuesday, not a Monday"),
])
def test_bad_input_is_a_clear_error(tmp_path, data, message):
    with pytest.raises(ArticleError, match=message) as err:
        read_article(write(tmp_path, "bad.txt", data))
    assert "bad.txt" in str(err.value)
    assert "\n" not in str(err.value)


def test_folder_without_articles(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    files, errors = find_files([tmp_path])
    assert files == [] and "no articles" in errors[0].reason


def test_missing_path():
    files, errors = find_files(["/no/such/place"])
    assert files == [] and "no such file" in errors[0].reason


@pytest.mark.parametrize("body, blanked", [
    ("KHARTOUM, March 12 (Reuters) - Sudan's army said.", "KHARTOUM, March 12 (Reuters) - "),
    ("NICOSIA, Aug. 8 (Xinhua) -- The Cypriot government", "NICOSIA, Aug. 8 (Xinhua) -- "),
    ("WASHINGTON (AP) _ The talks ended.", "WASHINGTON (AP) _ "),
    ("ST. LOUIS, Mo. (AP) _ A jury", "ST. LOUIS, Mo. (AP) _ "),
    ("GENEVA - The WHO said.", "GENEVA - "),
    ("Title\n\nBy Jane Doe\n\nBERLIN, March 9 \u2014 The CDU won.", "BERLIN, March 9 \u2014 "),
    ("NATO met on Monday - and the allies agreed.", ""),
    ("US - China talks resumed.", ""),  # two letters: no city
    ("A\n\nB\n\nC\n\nBERLIN - late news", ""),  # a fourth paragraph: the story, not its dateline
])
def test_a_wire_dateline_is_blanked_for_the_parser(body, blanked):
    from dashboard.articles import without_wire_dateline
    out = without_wire_dateline(body)
    assert len(out) == len(body)
    assert out == (body.replace(blanked, " " * len(blanked), 1) if blanked else body)


def test_wire_staff_credits_end_the_body(tmp_path):
    text = ("Friday, May 8, 2026\n\nA title\n\nThe talks ended.\n\n"
            "(Reporting by Khalid Abdelaziz; Writing by Nafisa Eltahir; Editing by Alex Richardson)\n")
    article = read_article(write(tmp_path, "a.txt", text))
    body = text[article.body_start:article.body_end]
    assert "talks ended" in body and "Reporting by" not in body


def test_the_date_of_a_wire_dateline_is_the_publication_date():
    from dashboard.articles import parse_article
    from dashboard.timex import tag_article
    article = tag_article(parse_article(
        "Monday, March 2, 2026\n\nTitle\n\nLIMA, March 2 (Reuters) - A quake hit on Friday.\n", "x.txt"))
    roles = {t.text: t.role for t in article.timexes}
    assert roles == {"Monday, March 2, 2026": "publication_date", "March 2": "publication_date", "Friday": None}
