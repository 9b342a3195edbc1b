"""The token columns the stages scan instead of Token objects say exactly what the Tokens say.

The events and actors stages read ``columns(doc)`` (one ``Doc.to_array`` per
document) to find candidate tokens; these tests hold the fast paths to the
plain Token-by-Token reading they replaced, on varied texts.
"""

from datetime import date

import pytest

from dashboard import nlp as nlp_module
from dashboard.actors import Mention, columns, find_mentions
from dashboard.events import find_events, is_verb_trigger, mention_root, sentence_bounds, verb_triggers
from dashboard.nlp import parse
from tests.conftest import SEED

TEXTS = [
    "",
    "Hello.",
    "He [Khamenei] said on Monday that Iranian officials had not been consulted.\n\n"
    "The regime, which was founded in 1979, denied it. Will it respond?\u00a0",
    "Steve Jobs unveiled the iPhone 4 on June 7, 2010, saying it was thin. Jobs was fired in 1985 "
    "and he founded NeXT. Apple's board, based in Cupertino, refused to comment.",
    "  Leading spaces.\n\n\nBreaks   and\ttabs, \"quotes\" and (brackets) [sic] -- U.S. officials.",
]


def parsed(text: str):
    return next(parse([text]))


@pytest.mark.parametrize("text", TEXTS + [SEED.read_text(encoding="utf-8")])
def test_columns_are_the_token_attributes(nlp, text):
    doc = parsed(text)
    cols = columns(doc)
    assert cols.head == [t.head.i for t in doc]
    assert cols.dep == [t.dep_ for t in doc]
    assert cols.tag == [t.tag_ for t in doc]
    assert cols.lower == [t.lower_ for t in doc]
    assert cols.text == [t.text for t in doc]
    assert cols.ent_type == [t.ent_type_ for t in doc]
    assert cols.children == [[c.i for c in t.children] for t in doc]
    assert columns(doc) is cols  # read once per document


def test_columns_of_a_document_parsed_in_pieces(nlp, monkeypatch):
    monkeypatch.setattr(nlp_module, "MAX_CHUNK", 600)
    doc = parsed(SEED.read_text(encoding="utf-8"))
    cols = columns(doc)
    assert cols.head == [t.head.i for t in doc] and cols.lower == [t.lower_ for t in doc]
    assert cols.children == [[c.i for c in t.children] for t in doc]


def simple_mention_root(m: Mention, doc):
    span = doc[m.token_start:m.token_end]
    return next((t for t in span if not (m.token_start <= t.head.i < m.token_end) or t.head.i == t.i), span.root)


@pytest.mark.parametrize("text", TEXTS[2:] + [SEED.read_text(encoding="utf-8")])
def test_fast_scans_match_the_simple_ones(nlp, text):
    doc = parsed(text)
    mentions = find_mentions(doc, "a")
    assert mentions
    assert [mention_root(m, doc).i for m in mentions] == [simple_mention_root(m, doc).i for m in mentions]
    for sent in doc.sents:
        assert verb_triggers(sent) == {t.i for t in sent if is_verb_trigger(t)}
        assert sentence_bounds(sent, 3, text[sent.start_char:sent.end_char]) == sentence_bounds(sent, 3)


def test_sentence_and_question_from_the_article_text(nlp):
    """Sentences come from slicing the article text, not Span.text: no-break spaces count as spaces."""
    body = "Did Iran respond?\u00a0\u00a0 It did not.\u00a0"
    text = "HEADER\n" + body
    doc = parsed(body)
    events = find_events(doc, "a", text, date(2026, 1, 23), [], [], [], offset=7)
    by_trigger = {e.trigger: e for e in events}
    assert by_trigger["respond"].sentence == "Did Iran respond?"
    assert by_trigger["respond"].certainty == "uncertain"
    assert by_trigger["did"].sentence == "It did not."
    assert by_trigger["did"].certainty == "certain"


def simple_paragraph_breaks(doc) -> set[int]:
    return {t.i for t in doc[1:] if doc[t.i - 1].is_space and doc[t.i - 1].text.count("\n") >= 2 and not t.is_space}


@pytest.mark.parametrize("text", TEXTS + ["a\n\nb", "a \n \n b\n\n\n", "x\n\n \n\ny", "\n\n", "\n\nStart",
                                          SEED.read_text(encoding="utf-8")])
def test_paragraph_breaks_start_the_sentences_a_token_walk_would(nlp, text):
    doc = nlp.make_doc(text)
    expected = simple_paragraph_breaks(doc)
    nlp_module.paragraph_breaks(doc)
    assert {t.i for t in doc[1:] if t.is_sent_start} == expected
