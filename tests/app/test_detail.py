"""The detail view marks the time phrase, the actors and the trigger, escaped."""

from dashboard import detail


def test_marks_time_actors_and_trigger(basic_doc):
    event, article = detail.find_event(basic_doc, "a1-e3")
    html = detail.sentence_html(event, article)
    assert html == ('<mark class="actor">Khamenei</mark> <mark class="trigger">ordered</mark> the '
                    '<mark class="actor">IRGC</mark> to take control of the crackdown '
                    '<mark class="time">earlier this month</mark>.')


def test_article_markup_is_escaped(basic_doc):
    event, article = detail.find_event(basic_doc, "a1-e5")
    html = detail.sentence_html(event, article)
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_overlaps_keep_the_time_phrase(basic_doc):
    event, article = detail.find_event(basic_doc, "a2-e3")
    kinds = [s[2] for s in detail.spans(event, article)]
    assert kinds.count("time") == 1 and "actor" in kinds


def test_unknown_event():
    assert detail.find_event({"articles": []}, "x") is None
