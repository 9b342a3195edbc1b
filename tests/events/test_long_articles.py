"""Articles longer than spaCy takes at once are parsed in pieces, offsets intact."""

from pathlib import Path

from dashboard import nlp as nlp_module
from dashboard.nlp import chunks, parse

SEED = Path(__file__).resolve().parents[2] / "seeds" / "2026-01-23_iran-regime-defections.txt"


def test_chunks_join_back_and_cut_at_paragraphs():
    text = ("One sentence here. Another one.\n\n" * 40) + "x" * 50
    pieces = chunks(text, limit=100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_chunks_of_text_without_breaks():
    text = "word " * 100
    pieces = chunks(text, limit=64)
    assert "".join(pieces) == text and all(len(p) <= 64 for p in pieces)


def test_long_text_is_one_doc_with_the_same_offsets(nlp, monkeypatch):
    text = SEED.read_text(encoding="utf-8")
    whole = next(parse([text]))
    monkeypatch.setattr(nlp_module, "MAX_CHUNK", 600)
    assert len(chunks(text)) > 4
    pieced = next(parse([text]))
    assert pieced.text == whole.text == text.replace("\u00a0", " ")
    assert {(e.start_char, e.end_char, e.label_) for e in pieced.ents} >= {
        (e.start_char, e.end_char, e.label_) for e in whole.ents if e.label_ == "PERSON"}
