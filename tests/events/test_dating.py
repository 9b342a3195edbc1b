"""One test per dating rule (phrase, report, tense, undated), plus polarity and certainty."""

from datetime import date

import pytest

from dashboard.events import Dating, from_report, from_tense, undated, within_report

from .helpers import event_by_trigger, roles

DCT = date(2026, 1, 23)


def test_time_phrase_in_the_same_clause(extract_text):
    event = event_by_trigger(extract_text("Police arrested the mayor on Monday."), "arrested")
    assert (event["date_start"], event["date_end"], event["precision"]) == ("2026-01-19", "2026-01-20", "day")
    assert event["date_basis"] == "from 'on Monday' in the same clause"
    assert event["date_phrase"] == "on Monday"


def test_time_phrase_of_another_clause_does_not_date_this_one(extract_text):
    doc = extract_text("The minister said on Monday that soldiers had burned the village.")
    burned = event_by_trigger(doc, "burned")
    assert burned["date_relation"] == "before"
    assert burned["date_basis"] == "before the report of 2026-01-19"
    assert burned["date_phrase"] != "on Monday" or burned["precision"] == "day"


def test_a_precise_phrase_beats_a_vague_one_in_the_same_clause(extract_text):
    event = event_by_trigger(extract_text("The group struck most recently last October."), "struck")
    assert event["date_phrase"] == "last October" and event["precision"] == "month"


def test_possessive_time_phrase_dates_its_noun_not_the_verb(extract_text):
    event = event_by_trigger(extract_text("A man was arrested in connection with last year's embassy blasts."),
                             "arrested")
    assert event["date_phrase"] is None and event["precision"] == "undated"


def test_time_phrase_in_a_clause_inside_a_noun_phrase_does_not_date_the_verb(extract_text):
    event = event_by_trigger(extract_text("Albright announced plans to travel to Ohio next week."), "announced")
    assert event["date_phrase"] is None
    event = event_by_trigger(extract_text("Albright announced on Monday plans to travel to Ohio."), "announced")
    assert event["date_phrase"] == "on Monday"


def test_report_date_with_relation_by_tense(extract_text):
    doc = extract_text("The agency reported on Tuesday that rebels have seized the airport "
                       "and that the army is retreating.")
    seized, retreating = event_by_trigger(doc, "seized"), event_by_trigger(doc, "retreating")
    assert (seized["date_start"], seized["date_relation"]) == ("2026-01-20", "on_or_before")
    assert retreating["date_relation"] == "on"
    assert seized["report_id"] == event_by_trigger(doc, "reported")["id"]


def test_reported_event_names_the_source(extract_text):
    doc = extract_text("Reuters reported on Tuesday that the rebels seized Goma.")
    seized = event_by_trigger(doc, "seized")
    assert roles(doc, seized)["Reuters"] == "source"
    assert roles(doc, event_by_trigger(doc, "reported"))["Reuters"] == "source"


def test_trailing_report_governs_the_main_clause(extract_text):
    doc = extract_text("Rebels have seized the airport, Kenya\u2019s channel 4 reported on Tuesday.")
    seized = event_by_trigger(doc, "seized")
    assert seized["report_id"] is not None
    assert seized["date_end"] <= "2026-01-21"


def test_present_perfect_is_recent_past_up_to_publication(extract_text):
    event = event_by_trigger(extract_text("Dozens of officers have defected."), "defected")
    assert event["precision"] == "vague"
    assert event["date_end"] == "2026-01-24"
    assert event["date_basis"].startswith("present perfect")


@pytest.mark.parametrize("body,trigger,lasting", [
    ("The agency has long monitored the group.", "monitored", "long"),
    ("He has been arrested more than a dozen times.", "arrested", "times"),
    ("They have repeatedly attacked the base.", "attacked", "repeatedly"),
])
def test_present_perfect_over_a_long_stretch_is_not_the_recent_past(extract_text, body, trigger, lasting):
    event = event_by_trigger(extract_text(body), trigger)
    assert (event["precision"], event["date_relation"]) == ("undated", "on_or_before")
    assert f"'{lasting}'" in event["date_basis"]


def test_simple_past_without_time_is_undated(extract_text):
    event = event_by_trigger(extract_text("The officers defected."), "defected")
    assert event["precision"] == "undated"
    assert event["date_relation"] == "on_or_before"
    assert (event["date_start"], event["date_end"]) == ("2026-01-23", "2026-01-24")


@pytest.mark.parametrize("body,trigger", [
    ("Force will be necessary if diplomacy fails.", "fails"),
    ("The US must hold off at least until Annan visits Baghdad.", "visits"),
])
def test_present_tense_of_a_condition_or_a_limit_is_after_publication(extract_text, body, trigger):
    event = event_by_trigger(extract_text(body), trigger)
    assert event["date_relation"] == "after"


def test_present_tense_without_a_condition_is_at_publication(extract_text):
    event = event_by_trigger(extract_text("Diplomacy fails in the region."), "fails")
    assert (event["date_relation"], event["precision"]) == ("on", "day")


def test_future_is_after_publication(extract_text):
    event = event_by_trigger(extract_text("The president will visit Nairobi."), "visit")
    assert event["date_relation"] == "after"


def test_vague_phrase_in_a_report_ends_by_the_report():
    own = Dating("2025-12-24", "2026-01-23", "vague", "on", "from 'recently' in the same clause", "recently")
    report = Dating("2026-01-21", "2026-01-22", "day", "on", "from 'on Wednesday' in the same clause", "on Wednesday")
    clipped = within_report(own, report)
    assert clipped.end == "2026-01-22"
    assert clipped.basis.endswith("by the report of 2026-01-21")


def test_vague_phrase_is_not_clipped_by_an_undated_report():
    own = Dating("2025-12-24", "2026-01-23", "vague", "on", "from 'recently' in the same clause", "recently")
    assert within_report(own, undated(DCT)) == own


def test_undated_report_leaves_the_reported_event_undated():
    assert from_report(undated(DCT), "told", "present_perfect", DCT).precision == "undated"


@pytest.mark.parametrize("tense", ["future", "modal"])
def test_future_reported_by_an_undated_report_is_after_publication(tense):
    result = from_report(undated(DCT), "said", tense, DCT)
    assert (result.relation, result.precision, result.start) == ("after", "vague", "2026-01-23")
    assert "undated 'said'" in result.basis


def test_future_in_an_undated_report_end_to_end(extract_text):
    event = event_by_trigger(extract_text("Clinton said the United States will not retreat."), "retreat")
    assert event["date_relation"] == "after"


def test_anchored_duration_dates_its_clause(extract_text):
    event = event_by_trigger(extract_text("In the past three months, stocks have plunged."), "plunged")
    assert (event["date_start"], event["date_end"]) == ("2025-10-23", "2026-01-23")
    assert "the past three months" in event["date_basis"]


def test_unanchored_duration_does_not_date_its_clause(extract_text):
    event = event_by_trigger(extract_text("The strike lasted three days."), "lasted")
    assert event["precision"] == "undated"


@pytest.mark.parametrize("tense,relation", [
    ("past_perfect", "before"), ("present_perfect", "on_or_before"), ("past", "on_or_before"),
    ("present", "on"), ("future", "after"),
])
def test_relation_to_the_report_by_tense(tense, relation):
    report = Dating("2026-01-01", "2026-01-23", "month", "on", "from 'earlier this month'", "earlier this month")
    result = from_report(report, "reported", tense, DCT)
    assert (result.start, result.end, result.relation) == ("2026-01-01", "2026-01-23", relation)


def test_past_tense_gives_no_date_by_itself():
    assert from_tense("past", DCT) is None


@pytest.mark.parametrize("body,trigger,polarity,certainty", [
    ("Soldiers refused to fire on protesters.", "refused to fire", "negative", "certain"),
    ("Officers may have defected.", "defected", "positive", "uncertain"),
    ("The army did not attack the town.", "attack", "negative", "certain"),
    ("The leader reportedly ordered a crackdown.", "ordered", "positive", "uncertain"),
    ("The army attacked the town.", "attacked", "positive", "certain"),
    ("Soldiers agreed to leave the town.", "agreed", "positive", "certain"),
    ("No one has claimed responsibility for the attack.", "claimed", "negative", "certain"),
    ("Nobody expects a deal.", "expects", "negative", "certain"),
    ("Police found no weapons in the house.", "found", "negative", "certain"),
    ("Someone has claimed responsibility for the attack.", "claimed", "positive", "certain"),
])
def test_polarity_and_certainty(extract_text, body, trigger, polarity, certainty):
    event = event_by_trigger(extract_text(body), trigger)
    assert (event["polarity"], event["certainty"]) == (polarity, certainty)


def test_agent_and_target_roles(extract_text):
    doc = extract_text("Russia attacked Ukraine on Monday.")
    assert roles(doc, event_by_trigger(doc, "attacked")) == {"Russia": "agent", "Ukraine": "target"}


@pytest.mark.parametrize("body,trigger,actor,role", [
    ("Canadian authorities issued a warrant for the suspect on Monday.", "issued", "Canada", "agent"),
    ("Chinese coast guard vessels fired water cannon at the boats on Monday.", "fired", "China", "agent"),
    ("Iraq's ambassador said on Tuesday that the talks had failed.", "said", "Iraq", "source"),
    ("The Iranian regime arrested the activists.", "arrested", "Iran", "agent"),
    ("A Miami judge ruled on the case on Monday.", "ruled", "Miami", "mentioned"),
    ("UN secretary general Kofi Annan visits Baghdad next week.", "visits", "Kofi Annan", "agent"),
    ("UN secretary general Kofi Annan visits Baghdad next week.", "visits", "United Nations", "mentioned"),
    ("Iraq's president Saddam Hussein said on Monday that the talks failed.", "said", "Saddam Hussein", "source"),
    ("Iraq's president Saddam Hussein said on Monday that the talks failed.", "said", "Iraq", "mentioned"),
    ("The Bush administration said on Monday that it rejects the plan.", "said", "Bush", "source"),
    ("U.S. commanders said on Tuesday that the base was safe.", "said", "United States", "source"),
])
def test_who_a_modifier_of_the_subject_stands_for(extract_text, body, trigger, actor, role):
    doc = extract_text(body)
    assert roles(doc, event_by_trigger(doc, trigger)).get(actor) == role


def test_copula_and_participles_are_not_events(extract_text):
    doc = extract_text("The minister is angry. Officials based in Nairobi denied the claims.")
    triggers = [e["trigger"] for a in doc["articles"] for e in a["events"]]
    assert triggers == ["denied"]


def test_event_noun_with_its_own_actor(extract_text):
    doc = extract_text("Observers feared Russia\u2019s crackdown.")
    assert "crackdown" in [e["trigger"] for a in doc["articles"] for e in a["events"]]


def test_event_noun_object_of_a_light_verb_stays_in_the_verb_clause(extract_text):
    doc = extract_text("The Kremlin issued a statement on Monday.")
    triggers = [e["trigger"] for a in doc["articles"] for e in a["events"]]
    assert triggers == ["issued"]


def test_a_wire_datelines_date_and_city_stay_out_of_the_lead(extract_text):
    doc = extract_text("KHARTOUM, March 12 (Reuters) - The Rapid Support Forces shelled a camp late on Tuesday, "
                       "killing at least 23 people.", dct=date(2026, 3, 12))
    shelled = event_by_trigger(doc, "shelled")
    assert (shelled["date_start"], shelled["date_end"]) == ("2026-03-10", "2026-03-11")
    assert "Khartoum" not in roles(doc, shelled) and roles(doc, shelled)["Rapid Support Forces"] == "agent"
    doc = extract_text("GENEVA - The World Health Organization said on Thursday that the risk remained low.",
                       dct=date(2026, 5, 8))
    assert roles(doc, event_by_trigger(doc, "said")).get("World Health Organization") == "source"


def test_a_raising_predicate_makes_its_complement_the_event_and_its_subject_the_agent(extract_text):
    doc = extract_text("The Security Council is expected to discuss Sudan on March 20.")
    event = event_by_trigger(doc, "expected to discuss")
    assert roles(doc, event) == {"Security Council": "agent", "Sudan": "target"}
    assert event["certainty"] == "uncertain" and event["date_start"] == "2026-03-20"
    event = event_by_trigger(extract_text("The deal is expected to close in the first half of next year."),
                             "expected to close")
    assert (event["date_start"], event["date_end"]) == ("2027-01-01", "2027-07-01")
    event = event_by_trigger(extract_text("The Iranian envoy is set to visit Oman, officials said."), "set to visit")
    assert event["date_relation"] == "after"  # ahead of the publication date, not on it
    event = event_by_trigger(extract_text("Police were expected to arrive, but never came."), "expected")
    assert event["date_relation"] != "after"  # a past expectation is the event itself


def test_a_name_is_never_a_trigger(extract_text):
    doc = extract_text("Japan has pledged aid, and the United States said on Saturday that it would send helicopters.")
    triggers = [e["trigger"] for e in doc["articles"][0]["events"]]
    assert "States" not in triggers
    assert roles(doc, event_by_trigger(doc, "said")) == {"United States": "source"}


@pytest.mark.parametrize("text, trigger", [
    ("The CDU took 31.2% of the vote, up from 24.1% five years ago.", "took"),
    ("The company earned $412 million, compared with $368 million a year earlier.", "earned"),
    ("Turnout was higher than a year ago, and the party won.", "won"),
])
def test_a_comparisons_baseline_does_not_date_the_event(extract_text, text, trigger):
    assert event_by_trigger(extract_text(text), trigger)["precision"] == "undated"


def test_a_time_that_describes_a_noun_gives_way_to_the_clauses_own(extract_text):
    doc = extract_text("Halvorsen reported a 12% rise in fourth-quarter profit on Wednesday.")
    event = event_by_trigger(doc, "reported")
    assert (event["date_start"], event["date_phrase"]) == ("2026-01-21", "on Wednesday")
    event = event_by_trigger(extract_text("Sales rose to $5 from $4 a year ago."), "rose")
    assert event["precision"] == "undated"


def test_could_not_is_a_past_inability(extract_text):
    event = event_by_trigger(extract_text("Reuters could not independently verify the claim."), "verify")
    assert event["precision"] == "undated" and event["date_relation"] == "on_or_before"
    event = event_by_trigger(extract_text("The army could strike again, officials said."), "strike")
    assert event["date_relation"] == "after"


def test_a_blanked_wire_dateline_stays_out_of_the_headline(extract_text):
    doc = extract_text("Army shells camp in Omdurman\n\nKHARTOUM, March 12 (Reuters) - The army shelled a camp "
                       "late on Tuesday.", dct=date(2026, 3, 12))
    events = doc["articles"][0]["events"]
    headline = next(e for e in events if e["sentence"].startswith("Army shells"))
    assert headline["sentence"] == "Army shells camp in Omdurman"
    assert headline["date_phrase"] is None  # "March 12" belongs to the dateline, not to "shells"
    assert all(a == a.strip() for actor in doc["actors"] for a in [actor["name"], *actor["aliases"]])


def test_could_not_in_reported_speech_may_look_ahead(extract_text):
    event = event_by_trigger(extract_text("The minister said she could not attend the summit."), "attend")
    assert event["date_relation"] == "after"  # a modal under the report, not a past inability


def test_a_raising_adjective_after_a_copula_makes_the_event(extract_text):
    doc = extract_text("The minister Sergei Lavrov is due to meet Turkish officials in Ankara next month.")
    event = event_by_trigger(doc, "due to meet")
    assert (event["date_start"], event["date_end"]) == ("2026-02-01", "2026-03-01")
    assert roles(doc, event).get("Sergei Lavrov") == "agent"
    doc = extract_text("Smith is unlikely to play on Saturday, the club said.")
    event = event_by_trigger(doc, "unlikely to play")
    assert event["certainty"] == "uncertain" and event["date_start"] == "2026-01-24"
    assert event_by_trigger(doc, "said")["precision"] == "undated"


def test_now_in_a_quote_is_the_time_of_the_report(extract_text):
    doc = extract_text('"We will not stop now," the commander said on Monday.')
    event = event_by_trigger(doc, "stop")
    assert event["date_start"] <= event["date_end"] == "2026-01-20"  # Monday's report, never an inverted span


def test_a_past_expectation_is_the_event(extract_text):
    doc = extract_text("The company said on Monday it expected to hire 500 workers.")
    assert event_by_trigger(doc, "expected")["date_start"] == "2026-01-19"


def test_a_reports_label_shows_its_whole_span():
    from dashboard.events import interval_label
    assert interval_label(Dating("2026-01-21", "2026-01-22", "day", "on", "", "on Wednesday")) == "2026-01-21"
    assert interval_label(Dating("2026-01-05", "2026-01-08", "day", "on", "", "Jan. 5-7")) == \
        "'Jan. 5-7' (2026-01-05 to 2026-01-07)"
    assert interval_label(Dating("2026-09-26T21:00", "2026-09-27T06:00", "time", "on", "", "on Saturday night")) == \
        "'on Saturday night' (2026-09-26T21:00 to 2026-09-27T06:00)"
    assert interval_label(Dating("2026-01-21T15:00", "2026-01-21T15:01", "time", "on", "", "at 3 p.m.")) == \
        "2026-01-21T15:00"


def test_a_time_inside_a_quote_does_not_date_the_saying(extract_text):
    doc = extract_text('"Sunday was a relief for Merz," said Ursula Münch, a political scientist.')
    assert event_by_trigger(doc, "said")["precision"] == "undated"
    doc = extract_text('"We will vote on Friday," she said on Wednesday.')
    assert event_by_trigger(doc, "said")["date_start"] == "2026-01-21"


def test_from_a_year_is_no_baseline(extract_text):
    event = event_by_trigger(extract_text("Sales grew from 2019 to 2021, the company said."), "grew")
    assert event["date_phrase"] == "from 2019 to 2021"
    assert (event["date_start"], event["date_end"]) == ("2019-01-01", "2022-01-01")


def test_today_in_a_quote_is_the_day_it_was_said(extract_text):
    doc = extract_text('"Today a jury held him accountable," the prosecutor said on Wednesday.', dct=date(2026, 3, 9))
    held = event_by_trigger(doc, "held")
    assert (held["date_start"], held["date_end"]) == ("2026-03-04", "2026-03-05")
    doc = extract_text("Today a jury held him accountable, the prosecutor said on Wednesday.", dct=date(2026, 3, 9))
    assert event_by_trigger(doc, "held")["date_start"] == "2026-03-09"  # no quotation: the publication date


def test_today_in_a_quote_said_on_an_evening_is_that_day(extract_text):
    doc = extract_text('"Today a jury held her accountable," Ellison said on Thursday evening.', dct=date(2026, 3, 13))
    assert event_by_trigger(doc, "held")["date_start"] == "2026-03-12"


def test_a_time_after_until_at_least_bounds_the_event(extract_text):
    doc = extract_text("Police closed the highway until at least Thursday. Schools will stay closed through Friday.",
                       dct=date(2025, 8, 19))
    closed = event_by_trigger(doc, "closed")
    assert (closed["date_phrase"], closed["date_relation"]) == ("until at least Thursday", "on_or_before")
    assert event_by_trigger(doc, "stay")["date_relation"] == "on_or_before"


def test_a_contrasted_clause_does_not_share_the_time_before_it(extract_text):
    doc = extract_text("The interstate reopened at 4:30 a.m., but officials warned it could close again.",
                       dct=date(2025, 8, 19))
    assert event_by_trigger(doc, "reopened")["date_phrase"] == "at 4:30 a.m."
    assert event_by_trigger(doc, "warned")["date_phrase"] is None
    doc = extract_text("In 1985 he was fired and he founded a company.", dct=date(2025, 8, 19))
    assert event_by_trigger(doc, "founded")["date_phrase"] == "In 1985"


def test_a_reporting_verb_with_a_noun_object_is_an_act(extract_text):
    doc = extract_text("Governor Gavin Newsom declared a state of emergency on Saturday, and FEMA approved a "
                       "grant the following day. Newsom declared that the fire was contained.", dct=date(2025, 8, 19))
    declared, approved = event_by_trigger(doc, "declared"), event_by_trigger(doc, "approved")
    assert roles(doc, declared)["Gavin Newsom"] == "agent"
    assert "Gavin Newsom" not in roles(doc, approved) and approved["date_start"] == "2025-08-17"
    said = [e for e in doc["articles"][0]["events"] if e["trigger"] == "declared"][1]
    assert roles(doc, said)["Gavin Newsom"] == "source"


def test_a_time_inside_a_reported_clause_does_not_date_the_report(extract_text):
    doc = extract_text("Nomura's George Buckley said a pause until the summer was more likely.", dct=date(2026, 2, 5))
    said = event_by_trigger(doc, "said")
    assert said["date_phrase"] is None and said["precision"] == "undated"


def test_a_time_between_said_and_the_reported_subject_dates_the_report(extract_text):
    """spaCy hangs "on Wednesday" on the reported verb in "said on Wednesday it would ..."."""
    doc = extract_text("Northvale Software Inc. said on Wednesday it would eliminate 1,800 jobs by the end of the "
                       "second quarter. Police said the suspect fled on Monday.", dct=date(2026, 3, 4))
    said = event_by_trigger(doc, "said")
    assert (said["date_phrase"], said["date_start"]) == ("on Wednesday", "2026-03-04")
    eliminate = event_by_trigger(doc, "eliminate")
    assert (eliminate["date_phrase"], eliminate["date_relation"]) == ("by the end of the second quarter", "on_or_before")
    assert event_by_trigger(doc, "fled")["date_phrase"] == "on Monday"  # after the subject: the reported verb's


def test_what_someone_is_found_guilty_of_happened_before_the_verdict(extract_text):
    doc = extract_text("A jury on Thursday found a former nurse guilty of murdering her neighbor and setting fire "
                       "to his home. Police said she was seen leaving on Thursday.", dct=date(2026, 1, 9))
    for trigger in ("murdering", "setting"):
        deed = event_by_trigger(doc, trigger)
        assert (deed["date_relation"], deed["date_end"]) == ("on_or_before", "2026-01-09"), trigger
    assert event_by_trigger(doc, "found")["date_relation"] == "on"
    doc = extract_text("Israel has accused Hamas of deliberately delaying the handovers.", dct=date(2025, 11, 30))
    assert roles(doc, event_by_trigger(doc, "delaying")) == {"Hamas": "agent"}  # the accused, not the accuser


def test_someone_expected_somewhere_is_the_one_who_acts(extract_text):
    doc = extract_text("Turkish Foreign Minister Hakan Fidan is expected in Cairo on Monday. Police arrested "
                       "Tom Smith on Monday.", dct=date(2025, 11, 30))
    assert roles(doc, event_by_trigger(doc, "expected"))["Hakan Fidan"] == "agent"
    assert roles(doc, event_by_trigger(doc, "arrested"))["Tom Smith"] == "target"


def test_according_to_names_the_source(extract_text):
    doc = extract_text("According to Cal Fire, the blaze grew overnight. Smoke drifted east, according to the "
                       "Red Cross.", dct=date(2025, 8, 19))
    assert roles(doc, event_by_trigger(doc, "grew")) == {"Cal Fire": "source"}
    assert roles(doc, event_by_trigger(doc, "drifted")) == {"Red Cross": "source"}


def test_a_headline_in_the_present_tells_what_happened_by_publication(nlp):
    from dashboard.articles import parse_article
    from dashboard.pipeline import extract_articles
    text = ("Monday, May 19, 2025\n\nCentre-right alliance wins snap election as rivals surge\n\n"
            "The alliance won Sunday's election. Northvale said it plans to cut jobs.\n")
    doc = extract_articles([parse_article(text, "t.txt", article_id="t")])
    wins = event_by_trigger(doc, "wins")
    assert (wins["precision"], wins["date_relation"]) == ("undated", "on_or_before")
    assert wins["date_basis"].startswith("headline in the present tense")
    text = "Wednesday, March 4, 2026\n\nNorthvale to cut 1,800 jobs\n\nNorthvale said it would cut jobs.\n"
    doc = extract_articles([parse_article(text, "t.txt", article_id="t")])
    assert event_by_trigger(doc, "cut")["date_relation"] == "after"


def test_a_speakers_second_act_is_not_part_of_what_is_reported(extract_text):
    """spaCy joins "accused" to the reported "respect"; a past verb cannot share its "would"."""
    doc = extract_text("Interior Minister Kipchumba Otieno said on Sunday that the government would respect court "
                       "decisions but accused political agitators of hiring gangs.", dct=date(2025, 11, 17))
    accused = event_by_trigger(doc, "accused")
    assert roles(doc, accused) == {"Kipchumba Otieno": "agent"}
    assert (accused["date_phrase"], accused["date_relation"], accused["report_id"]) == ("on Sunday", "on", None)
    assert event_by_trigger(doc, "respect")["date_relation"] == "after"


def test_when_as_and_after_clauses_take_the_time_they_hang_from(extract_text):
    doc = extract_text("The deadlock broke on Wednesday when Salgueiro flew to Lisbon. The movement started on "
                       "October 14, when parliament approved the Finance Act. It resubmitted the application in "
                       "March 2024 after moving production. Police arrested him on Monday after he fled.",
                       dct=date(2026, 3, 3))
    flew = event_by_trigger(doc, "flew")
    assert (flew["date_start"], flew["date_relation"]) == ("2026-02-25", "on")
    assert flew["date_basis"] == "from 'on Wednesday', the time of 'broke'"
    assert event_by_trigger(doc, "approved")["date_start"] == "2025-10-14"
    for trigger, start in (("moving", "2024-03-01"), ("fled", "2026-03-02")):
        deed = event_by_trigger(doc, trigger)
        assert (deed["date_start"], deed["date_relation"]) == (start, "before"), trigger
    doc = extract_text("Stein said he would ask for a relief package when lawmakers return on Oct. 21.",
                       dct=date(2025, 10, 10))
    assert event_by_trigger(doc, "ask")["date_start"] == "2025-10-21"  # and the other way round
    doc = extract_text("The deadlock broke on Wednesday because Salgueiro flew to Lisbon.", dct=date(2026, 3, 3))
    assert event_by_trigger(doc, "flew")["date_phrase"] is None  # a cause, not a time


def test_a_quotation_that_goes_on_past_its_attribution_is_still_the_speakers(extract_text):
    doc = extract_text('"We lost badly," manager Unai Emery said on Friday. "Next week we have an important match. '
                       'We must win." Fans left early. Tom Baker said prices rose. "Tickets cost too much."',
                       dct=date(2025, 8, 29))
    for trigger in ("have", "win"):
        event = event_by_trigger(doc, trigger)
        assert roles(doc, event) == {"Unai Emery": "source"}, trigger
        assert event["report_id"] is not None
    assert roles(doc, event_by_trigger(doc, "left")) == {}  # after the quotation closed
    assert event_by_trigger(doc, "cost")["report_id"] is None  # indirect speech before: no attribution to go on


def test_an_attribution_after_a_quotation_that_spans_sentences_is_a_new_report(extract_text):
    doc = extract_text('Tom Baker, the chief executive, said the stadium would be "a landmark for the city."\n\n'
                       '"This is not just a stadium for the Games. It is a stadium for fifty years," he said.',
                       dct=date(2025, 8, 29))
    said = [e for e in doc["articles"][0]["events"] if e["trigger"] == "said"]
    assert len(said) == 2 and said[1]["report_id"] is None  # he says it, not reported by the first "said"
    assert roles(doc, said[1]) == {"Tom Baker": "source"}


def test_a_condition_in_the_past_tense_states_no_fact(extract_text):
    doc = extract_text("The agent said his client would leave if the club blocked the move. He left when the club "
                       "sold him.", dct=date(2025, 8, 29))
    blocked = event_by_trigger(doc, "blocked")
    assert (blocked["certainty"], blocked["date_relation"]) == ("uncertain", "after")
    sold = event_by_trigger(doc, "sold")
    assert (sold["certainty"], sold["date_relation"]) == ("certain", "on_or_before")


def test_a_year_that_names_a_treaty_does_not_date_the_verb(extract_text):
    doc = extract_text("Turkey controls access to the Black Sea under the 1936 Montreux Convention.",
                       dct=date(2026, 6, 14))
    assert event_by_trigger(doc, "controls")["date_phrase"] is None


def test_a_past_verb_spacy_joins_to_an_infinitive_is_an_event_of_its_own(extract_text):
    doc = extract_text("The leaders agreed on Saturday to expand the naval force and pledged to meet again in "
                       "Istanbul.", dct=date(2026, 6, 14))
    pledged = event_by_trigger(doc, "pledged")
    assert pledged["date_start"] == "2026-06-13"


def test_two_phrases_that_bound_a_span_date_the_event_over_all_of_it(extract_text):
    doc = extract_text("The trial enrolled 412 patients between 2020 and 2022. Prices rose between March and May. "
                       "The union plans to picket from 7 a.m. on April 21 until 7 a.m. on April 24.",
                       dct=date(2026, 3, 3))
    picket = event_by_trigger(doc, "plans to picket")
    assert (picket["date_start"], picket["date_end"]) == ("2026-04-21T07:00", "2026-04-24T07:01")
    enrolled = event_by_trigger(doc, "enrolled")
    assert (enrolled["date_phrase"], enrolled["date_start"], enrolled["date_end"]) == (
        "between 2020 and 2022", "2020-01-01", "2023-01-01")
    rose = event_by_trigger(doc, "rose")
    assert (rose["date_start"], rose["date_end"]) == ("2025-03-01", "2025-06-01")


def test_an_unnamed_subject_speaks_for_the_organisation_it_is_with(extract_text):
    doc = extract_text("A spokesman for Greystone Capital said the price was low. Officials at the Pentagon "
                       "declined to comment. Protesters in Nairobi clashed with police.", dct=date(2026, 3, 3))
    assert roles(doc, event_by_trigger(doc, "said"))["Greystone Capital"] == "source"
    assert roles(doc, event_by_trigger(doc, "declined to comment"))["Pentagon"] == "agent"
    assert roles(doc, event_by_trigger(doc, "clashed"))["Nairobi"] == "mentioned"  # a place, not an employer


def test_a_coordinated_reporting_verb_makes_the_shared_subject_its_source(extract_text):
    doc = extract_text("President Volodymyr Zelenskiy thanked the leaders and said Ukraine would help.",
                       dct=date(2026, 6, 14))
    assert roles(doc, event_by_trigger(doc, "thanked"))["Volodymyr Zelenskiy"] == "agent"
    assert roles(doc, event_by_trigger(doc, "said"))["Volodymyr Zelenskiy"] == "source"


def test_the_period_a_thing_is_for_does_not_date_the_event(extract_text):
    doc = extract_text("Parliament approved the budget for 2026 early on Thursday. The cabinet approved the plan "
                       "for 2027. The vote was scheduled for March.", dct=date(2025, 11, 20))
    approved = [e for e in doc["articles"][0]["events"] if e["trigger"] == "approved"]
    assert approved[0]["date_start"] == "2025-11-20"
    assert approved[1]["precision"] == "undated"
    assert event_by_trigger(doc, "scheduled")["date_start"] == "2026-03-01"


def test_a_name_given_by_calling_or_known_as_takes_the_nouns_role(extract_text):
    doc = extract_text("A group calling itself Black Meridian claimed responsibility. Shipping lines including "
                       "Maersk Line and Hapag-Lloyd said they would divert ships.", dct=date(2025, 11, 20))
    assert roles(doc, event_by_trigger(doc, "claimed")) == {"Black Meridian": "agent"}
    assert "calling" not in [e["trigger"] for e in doc["articles"][0]["events"]]
    said = roles(doc, event_by_trigger(doc, "said"))
    assert said == {"Maersk Line": "source", "Hapag-Lloyd": "source"}


def test_a_self_naming_clause_the_parser_hangs_on_the_verb_names_its_subject(extract_text):
    doc = extract_text("In a statement read on state television early on Wednesday, a group of officers calling "
                       "itself the Military Command for the Restoration of Order (CMRO) said it had suspended "
                       "the constitution.", dct=date(2026, 3, 18))
    said = event_by_trigger(doc, "said")
    assert "Military Command" in {n for n, role in roles(doc, said).items() if role == "source"}
    assert said["date_start"] == "2026-03-18" and "Wednesday" in said["date_basis"]
    assert "calling" not in [e["trigger"] for e in doc["articles"][0]["events"]]


def test_roles_through_of_in_and_an_open_question(extract_text):
    doc = extract_text("The government of then-Prime Minister Justin Trudeau ordered the board to act. Lawmakers "
                       "in the National Assembly voted 49 to 36. Protesters in Nairobi clashed with police. The "
                       "hospital declined to say whether the FBI had identified the attackers.", dct=date(2026, 4, 20))
    assert roles(doc, event_by_trigger(doc, "ordered"))["Justin Trudeau"] == "agent"
    assert roles(doc, event_by_trigger(doc, "voted"))["National Assembly"] == "agent"
    assert roles(doc, event_by_trigger(doc, "clashed"))["Nairobi"] == "mentioned"
    assert event_by_trigger(doc, "identified")["certainty"] == "uncertain"


def test_what_is_prevented_does_not_happen(extract_text):
    doc = extract_text("Strong winds prevented a helicopter from reaching them. The court bars police from using "
                       "live rounds. Rescuers went from searching to digging.", dct=date(2026, 1, 10))
    assert event_by_trigger(doc, "reaching")["polarity"] == "negative"
    assert event_by_trigger(doc, "using")["polarity"] == "negative"
    assert event_by_trigger(doc, "prevented")["polarity"] == "positive"


def test_as_with_a_form_of_do_is_a_comparison_not_a_time(extract_text):
    doc = extract_text("The chamber feared that Beijing could slow customs checks, as it did with Lithuanian "
                       "products in 2021. Prices fell as demand slowed in 2021.", dct=date(2026, 3, 18))
    assert event_by_trigger(doc, "slow")["date_basis"].startswith("future or modal")
    assert event_by_trigger(doc, "fell")["date_start"] == "2021-01-01"


def test_a_since_clause_dates_the_clause_it_hangs_from_after_its_time(extract_text):
    doc = extract_text("Guinea-Bissau has seen at least four coups since it gained independence from Portugal "
                       "in 1974. Prices have risen since the bank cut rates.", dct=date(2026, 3, 18))
    seen = event_by_trigger(doc, "seen")
    assert (seen["date_start"], seen["date_relation"]) == ("1974-01-01", "after")
    assert event_by_trigger(doc, "risen")["date_basis"].startswith("present perfect")  # no time to take


def test_a_reports_second_or_nested_clause_is_reported_too(extract_text):
    doc = extract_text("\"We heard heavy weapons, then everything went quiet,\" said Fatumata Balde. Colonel Joao "
                       "Mendes said the army would hold elections and that a national dialogue would begin next "
                       "month.",
                       dct=date(2026, 3, 18))
    assert roles(doc, event_by_trigger(doc, "heard")) == {"Fatumata Balde": "source"}
    assert roles(doc, event_by_trigger(doc, "begin")).get("Joao Mendes") == "source"


def test_what_a_present_intent_or_expectation_looks_to_lies_ahead(extract_text):
    doc = extract_text("Orvanta Pharma expects the recall to cost between $60 million and $80 million.",
                       dct=date(2026, 3, 18))
    cost = event_by_trigger(doc, "cost")
    assert (cost["date_start"], cost["date_relation"]) == ("2026-03-18", "after")


def test_a_past_tense_time_clause_under_a_modal_is_still_ahead(extract_text):
    doc = extract_text("The medals would be reallocated once the appeal process ended. The shop closed when the "
                       "storm hit.", dct=date(2026, 3, 18))
    assert event_by_trigger(doc, "ended")["date_relation"] == "after"
    assert event_by_trigger(doc, "hit")["date_relation"] != "after"


def test_stopping_and_its_complement_are_one_event_dated_by_its_clause(extract_text):
    doc = extract_text("Orvanta Pharma stopped shipping the tablets on June 30.", dct=date(2026, 3, 18))
    triggers = [e["trigger"] for e in doc["articles"][0]["events"]]
    assert triggers == ["stopped shipping"]
    stopped = event_by_trigger(doc, "stopped shipping")
    assert (stopped["date_start"], stopped["polarity"]) == ("2025-06-30", "negative")


def test_a_date_a_change_aims_at_does_not_date_the_change_but_a_range_does(extract_text):
    doc = extract_text("The Commission agreed to extend the deadline by a year, to the end of 2028.")
    agreed = event_by_trigger(doc, "agreed")
    assert agreed["date_phrase"] is None and agreed["precision"] == "undated"
    doc = extract_text("Strikes ran from May to July.")
    assert event_by_trigger(doc, "ran")["date_phrase"] == "from May to July"


def test_a_preposition_dates_past_the_adjectives_before_its_phrase(extract_text):
    doc = extract_text("Shares fell. The bidder was trying to buy it cheaply after a weak first half.")
    event = next(e for e in doc["articles"][0]["events"] if e["date_phrase"])
    assert (event["date_phrase"], event["date_relation"]) == ("after a weak first half", "after")
