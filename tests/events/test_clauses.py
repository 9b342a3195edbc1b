"""Clause rules: coordinated verbs, action participles, particle verbs, relative clauses,
event settings and paragraph breaks, each with a negative case."""

import pytest

from .helpers import alias_table, event_by_trigger, events, roles


def triggers(doc):
    return [e["trigger"] for e in events(doc)]


def test_coordinated_verbs_sharing_a_subject_are_two_events(extract_text):
    doc = extract_text("The Russian diplomat Ivan Petrov has defected and sought political asylum in Switzerland.")
    sought = event_by_trigger(doc, "sought")
    defected = event_by_trigger(doc, "defected")
    assert roles(doc, sought)["Ivan Petrov"] == "agent"
    assert sought["date_basis"] == defected["date_basis"]  # the second verb shares "has": present perfect
    assert roles(doc, defected).get("Switzerland") == "mentioned"  # filtering by Switzerland finds the defection


def test_coordinated_verb_shares_the_time_phrase(extract_text):
    doc = extract_text("Police arrested the mayor on Monday and charged him with fraud.")
    assert event_by_trigger(doc, "charged")["date_start"] == "2026-01-19"


def test_coordinated_nouns_are_not_verb_events(extract_text):
    doc = extract_text("The army attacked the town and the airport.")
    assert triggers(doc) == ["attacked"]


def test_present_participle_with_an_object_is_an_event(extract_text):
    doc = extract_text("While introducing the phone on Monday, Tim Cook praised its camera.")
    introducing = event_by_trigger(doc, "introducing")
    assert roles(doc, introducing)["Tim Cook"] == "agent"
    assert introducing["date_start"] == "2026-01-19"


def test_gerund_after_a_preposition_and_saying_are_events(extract_text):
    doc = extract_text("Jobs started by hinting at the incident, saying that it was funny.")
    assert {"hinting", "saying"} <= set(triggers(doc))


def test_past_participle_and_bare_participle_are_not_events(extract_text):
    doc = extract_text("Officials based in Nairobi denied the claims, looking tired.")
    assert triggers(doc) == ["denied"]


def test_a_verb_that_only_times_another_is_one_event_with_it(extract_text):
    doc = extract_text("Harrowgate Press has continued to sell the books. Apple began selling films in 2006.")
    assert {"continued to sell", "began selling"} <= set(triggers(doc))
    assert not {"sell", "selling"} & set(triggers(doc))
    began = event_by_trigger(doc, "began selling")
    assert (began["polarity"], began["certainty"], began["date_start"]) == ("positive", "certain", "2006-01-01")


def test_i_in_a_quotation_is_the_speaker_who_acts(extract_text):
    doc = extract_text('"I recognised my own outline," Clara Whitcombe told the court on Monday. '
                       '"We will appeal," she said.')
    assert roles(doc, event_by_trigger(doc, "recognised")) == {"Clara Whitcombe": "agent"}
    assert roles(doc, event_by_trigger(doc, "appeal")) == {"Clara Whitcombe": "source"}  # "we": not hers alone


def test_particle_verb_is_one_trigger(extract_text):
    doc = extract_text("Tim Cook showed off the new phone.")
    assert "showed off" in triggers(doc)


def test_preposition_after_a_verb_is_not_a_particle(extract_text):
    doc = extract_text("Tim Cook looked at the new phone.")
    assert "looked" in triggers(doc)


def test_relative_clause_gives_the_noun_the_pronoun_role(extract_text):
    doc = extract_text("The judge praised Toyota, which was founded by Kiichiro Toyoda.")
    assert roles(doc, event_by_trigger(doc, "founded")) == {"Kiichiro Toyoda": "agent", "Toyota": "target"}


def test_past_participle_with_its_agent_is_the_agents_act_on_the_noun(extract_text):
    doc = extract_text("On Monday Nordavia began testing the AshGuard sensor made by Aeroflux.")
    made = event_by_trigger(doc, "made")
    assert roles(doc, made) == {"Aeroflux": "agent", "AshGuard": "target"}  # not Nordavia, who tests it
    assert made["date_start"] != "2026-01-19"  # the making is not dated by the testing


def test_a_name_the_described_noun_is_called_by_takes_the_pronoun_role(extract_text):
    doc = extract_text("Voters blamed Votex Systems, whose OptiCount scanners misread 4,000 ballots. "
                       "The commission returned the OptiCount scanners that Votex Systems supplied.")
    assert roles(doc, event_by_trigger(doc, "supplied")) == {"Votex Systems": "agent", "OptiCount": "target"}


def test_past_participle_of_a_standing_relation_is_no_event(extract_text):
    doc = extract_text("Analysts praised Vestra, a company owned by Norges Bank.")
    assert triggers(doc) == ["praised"]


def test_noun_without_a_relative_pronoun_gets_no_role(extract_text):
    doc = extract_text("The judge praised Toyota after Kiichiro Toyoda spoke.")
    assert "Toyota" not in roles(doc, event_by_trigger(doc, "spoke"))


def test_verb_takes_the_time_of_the_event_it_happens_at(extract_text):
    doc = extract_text("In a July 16 press conference, Tim Cook said that buyers would get a refund.")
    said = event_by_trigger(doc, "said")
    assert said["date_start"] == "2025-07-16"


@pytest.mark.parametrize("text", [
    "In a July 16 press conference, Tim Cook said that buyers would get a refund.",
    "The ministry said in a statement on July 16 that buyers would get a refund.",
    "Tim Cook told a news conference on July 16 that buyers would get a refund.",
])
def test_where_a_report_was_made_is_the_report_not_a_second_event(extract_text, text):
    doc = extract_text(text)
    triggers = [e["trigger"] for e in doc["articles"][0]["events"]]
    assert not {"conference", "statement"} & set(triggers), triggers
    report = event_by_trigger(doc, "said" if "said" in triggers else "told")
    assert report["date_start"] == "2025-07-16"


def test_a_statement_someone_else_made_stays_an_event(extract_text):
    doc = extract_text("The minister was quoted in a statement by the union on July 16.")
    assert "statement" in [e["trigger"] for e in doc["articles"][0]["events"]]


def test_time_of_a_noun_object_does_not_date_the_verb(extract_text):
    doc = extract_text("Tim Cook criticised the July 16 conference.")
    assert event_by_trigger(doc, "criticised")["precision"] == "undated"


def test_paragraph_break_ends_a_sentence(extract_text):
    doc = extract_text("June 8, 2010\n\nYesterday Tim Cook unveiled the phone.")
    unveiled = event_by_trigger(doc, "unveiled")
    assert unveiled["date_start"] == "2026-01-22"
    assert unveiled["sentence"].startswith("Yesterday")


def test_coordinated_clause_in_the_same_tense_shares_the_time(extract_text):
    doc = extract_text("Police arrested the mayor on Monday and prosecutors charged him.")
    assert event_by_trigger(doc, "charged")["date_start"] == "2026-01-19"


def test_coordinated_clause_in_another_tense_keeps_its_own_date(extract_text):
    doc = extract_text("Police arrested the mayor on Monday and prosecutors will charge him.")
    charge = event_by_trigger(doc, "charge")
    assert charge["date_phrase"] is None and charge["date_relation"] == "after"


def test_a_conjunct_without_a_subject_in_another_tense_keeps_its_own_date(extract_text):
    doc = extract_text("Bankman-Fried was found guilty in November 2023 and is serving a 25-year sentence.")
    assert event_by_trigger(doc, "found")["date_start"] == "2023-11-01"
    assert event_by_trigger(doc, "serving")["date_phrase"] is None
    doc = extract_text("Apple launched the phone on Monday and cut prices.")
    assert event_by_trigger(doc, "cut")["date_phrase"] == "on Monday"


def test_both_nationalities_of_a_coordinated_state_noun_take_its_role(extract_text):
    doc = extract_text("Ukrainian and Russian negotiators agreed on Tuesday to exchange prisoners.")
    assert roles(doc, event_by_trigger(doc, "agreed")) == {"Ukraine": "agent", "Russia": "agent"}
    doc = extract_text("Russian drones struck energy facilities on Monday.")
    assert roles(doc, event_by_trigger(doc, "struck")) == {"Russia": "agent"}
    doc = extract_text("Russian and Ukrainian protesters marched on Monday.")  # people of a nation, not its state
    assert "Russia" not in roles(doc, event_by_trigger(doc, "marched"))


def test_a_place_describing_a_speaker_is_not_the_source_and_a_state_noun_is_no_report(extract_text):
    doc = extract_text("The talks failed, a Geneva lawyer said.")
    assert roles(doc, event_by_trigger(doc, "said")).get("Geneva") == "mentioned"
    doc = extract_text("The AfD rose to 19.8%, its best result in a western German state.")
    assert "state" not in [e["trigger"] for e in events(doc)]
    assert "Germany" not in {a["name"] for a in doc["actors"]}  # a German state is a region, not the country
    doc = extract_text("The Iranian foreign ministry said the talks failed.")
    assert roles(doc, event_by_trigger(doc, "said")) == {"Iran": "source"}


def test_a_noun_that_modifies_another_or_a_verbs_timed_object_is_no_event_of_its_own(extract_text):
    doc = extract_text("FEMA approved a grant on Sunday. Egypt hosted Gaza truce talks on Sunday. "
                       "Police condemned Iran's crackdown.")
    triggers = [e["trigger"] for e in doc["articles"][0]["events"]]
    assert "grant" not in triggers and "truce" not in triggers and "talks" not in triggers
    assert event_by_trigger(doc, "approved")["date_start"] == "2026-01-18"
    assert "crackdown" in triggers  # a possessor makes it an event


def test_a_report_published_on_a_day_dates_the_saying_and_a_verb_dates_its_setting(extract_text):
    doc = extract_text("The KNCHR said in a report published on Friday that 19 people had died. The findings "
                       "were presented at the American Society of Nephrology's annual meeting in November 2023.")
    assert event_by_trigger(doc, "said")["date_phrase"] == "on Friday"
    meeting = event_by_trigger(doc, "meeting")
    assert (meeting["date_start"], meeting["date_end"]) == ("2023-11-01", "2023-12-01")


def test_a_paragraphs_first_word_is_not_cut_off_as_a_sentence(nlp):
    from dashboard.nlp import parse
    doc = next(parse(["Title of the story\n\nAston Villa have agreed a fee with Benfica for the striker."]))
    assert [s.text.strip() for s in doc.sents if s.text.strip()][1].startswith("Aston Villa have agreed")


def test_the_possessor_of_a_deed_done_to_someone_is_its_target(extract_text):
    doc = extract_text("Rights groups demanded Armando Vaz's release. Russia's attack on Tuesday killed five.")
    assert roles(doc, event_by_trigger(doc, "release")) == {"Armando Vaz": "target"}
    assert roles(doc, event_by_trigger(doc, "attack")) == {"Russia": "agent"}


def test_an_owner_acts_through_its_organ_after_a_possessive_but_not_through_its_workers(extract_text):
    doc = extract_text("Vestra's board rejected the offer on Monday.")
    assert roles(doc, event_by_trigger(doc, "rejected")).get("Vestra") == "agent"
    doc = extract_text("The minister thanked Qatar's emir on Friday.")
    assert roles(doc, event_by_trigger(doc, "thanked")).get("Qatar") == "target"
    doc = extract_text("Vestra's workers walked out on Monday.")
    assert roles(doc, event_by_trigger(doc, "walked")).get("Vestra") != "agent"
    doc = extract_text("Marta Halvorsen's lawyer, Henrik Moe, said on Monday his client was shocked.")
    assert roles(doc, event_by_trigger(doc, "said")).get("Marta Halvorsen") == "mentioned"  # a person has no organs


def test_a_nationality_adjective_of_central_asia_folds_to_its_state(extract_text):
    doc = extract_text("The Kyrgyz foreign ministry summoned the EU ambassador on Monday.")
    assert roles(doc, event_by_trigger(doc, "summoned")).get("Kyrgyzstan") == "agent"


def test_a_present_relative_clause_describes_and_an_anonymity_formula_is_no_event(extract_text):
    doc = extract_text("The fund, which holds about 4% of Vestra, said on Monday it would vote against the deal.")
    assert "holds" not in [e["trigger"] for e in events(doc)]
    doc = extract_text("The firm, which has cut 200 jobs, said it would hire.")  # a deed, not a description
    assert "cut" in [e["trigger"] for e in events(doc)]
    doc = extract_text("A source who asked not to be named said talks had stalled.")
    assert "asked" not in [e["trigger"] for e in events(doc)]
    doc = extract_text("The minister asked the board to resign on Monday.")
    assert "asked" in [e["trigger"] for e in events(doc)]


def test_an_age_after_a_name_and_an_organisation_beside_a_product_name_actors(extract_text):
    doc = extract_text("Frenchwoman Claire Dumas, 38, and Canadian Marc Tessier, 45, were kidnapped on Monday.")
    people = {a["name"] for a in doc["actors"] if a["type"] == "PERSON"}
    assert {"Claire Dumas", "Marc Tessier"} <= people
    doc = extract_text("Shipping lines including Maersk and MSC said on Thursday they would skip Sydney.")
    assert {"Maersk", "MSC"} <= {a["name"] for a in doc["actors"] if a["type"] == "ORG"}


def test_an_act_on_what_an_actor_owns_is_an_act_on_the_owner(extract_text):
    doc = extract_text("Prosecutors raided the headquarters of Dunavia Construction on Tuesday. "
                       "Police searched Viktor Halas's home on Monday.")
    assert roles(doc, event_by_trigger(doc, "raided")).get("Dunavia Construction") == "target"
    assert roles(doc, event_by_trigger(doc, "searched")).get("Viktor Halas") == "target"
    doc = extract_text("All the jars were made at Harvest Hill Foods's plant in Georgia on Monday.")
    assert roles(doc, event_by_trigger(doc, "made")).get("Harvest Hill Foods") != "target"  # a place of the act


def test_a_role_set_off_after_capitalised_words_names_a_person(extract_text):
    doc = extract_text("Marina Costa, director of the Climate Observatory, a network of campaign groups, "
                       "said the court had sent a clear message.")
    assert roles(doc, event_by_trigger(doc, "said")).get("Marina Costa") == "source"
    assert "Marina Costa" in {a["name"] for a in doc["actors"] if a["type"] == "PERSON"}
    doc = extract_text("Paris, capital of France, was quiet on Monday as the Climate Observatory met.")
    assert "Paris" not in {a["name"] for a in doc["actors"] if a["type"] == "PERSON"}  # no role: a place


def test_a_relative_clause_on_an_apposition_and_a_verb_hung_on_its_long_subject(extract_text):
    doc = extract_text("Hostages were freed. Representative Frank Mazur, a Republican who held the seat for "
                       "six years, conceded on Friday.")
    assert roles(doc, event_by_trigger(doc, "held")) == {"Frank Mazur": "agent"}
    assert roles(doc, event_by_trigger(doc, "conceded")) == {"Frank Mazur": "agent"}
    doc = extract_text("Hostages were freed. Officials based in Nairobi said the talks failed.")
    assert "based" not in [e["trigger"] for e in events(doc)]


def test_a_country_the_model_calls_a_person_is_a_country_and_owns_its_government(extract_text):
    doc = extract_text("Hostages were freed. Mali's military government, which seized power in 2021, denied it.")
    assert {a["name"]: a["type"] for a in doc["actors"]}.get("Mali") == "GPE"
    assert roles(doc, event_by_trigger(doc, "seized")) == {"Mali": "agent"}


def test_a_trailing_attribution_the_parser_coordinated_still_sources_the_sentence(extract_text):
    doc = extract_text("Hostages freed. Two aid workers were released on Saturday and flown to Doha, "
                       "Qatar's foreign ministry said, after weeks of talks.")
    assert roles(doc, event_by_trigger(doc, "released")).get("Qatar") == "source"
    assert roles(doc, event_by_trigger(doc, "flown")).get("Qatar") == "source"


def test_a_name_set_beside_a_place_names_the_person_before_it(extract_text):
    """The parser hangs "Hannah Ostberg" on "Zambia"; a person is no apposition of a country."""
    doc = extract_text("Its representative in Zambia, Hannah Ostberg, said the agency needed $9 million.")
    assert roles(doc, event_by_trigger(doc, "said")) == {"Zambia": "mentioned", "Hannah Ostberg": "source"}


def rocket_table(tmp_path):
    """An alias table that makes the rocket "Valkyrie 2" an actor (a product is none by itself)."""
    return alias_table(tmp_path, "Valkyrie 2,ORG,,,rocket")


def test_a_name_takes_the_role_of_the_kind_of_thing_it_names(extract_text, tmp_path):
    doc = extract_text("Borealis Launch Systems launched its Valkyrie 2 rocket on Thursday. "
                       "A Miami judge ruled on Friday.", table=rocket_table(tmp_path))
    assert roles(doc, event_by_trigger(doc, "launched")).get("Valkyrie 2") == "target"
    assert roles(doc, event_by_trigger(doc, "ruled")).get("Miami") != "agent"  # a judge is no thing


def test_the_kind_of_thing_stands_for_the_one_thing_the_article_named_so(extract_text, tmp_path):
    doc = extract_text("Borealis Launch Systems launched its Valkyrie 2 rocket on Thursday. "
                       "The 38-metre rocket reached orbit nine minutes later. "
                       "The lander, named Wren, was upright on Friday. The lander sent data on Saturday.",
                       table=rocket_table(tmp_path))
    assert roles(doc, event_by_trigger(doc, "reached")).get("Valkyrie 2") == "agent"
    assert roles(doc, event_by_trigger(doc, "sent")).get("Wren") == "agent"
    doc = extract_text("The agency flew its Hugin lander in 2023 and will fly the Munin lander in 2027. "
                       "The lander will carry a drill.")
    assert not roles(doc, event_by_trigger(doc, "carry"))  # two landers named: which one is unclear


def test_the_plural_kind_stands_for_a_thing_the_article_named_in_the_plural(extract_text, tmp_path):
    table = alias_table(tmp_path, "OptiCount,ORG,,,ballot scanner")
    doc = extract_text("Votex Systems supplied 2,400 OptiCount scanners in 2017. "
                       "The scanners stopped working on Sunday.", table=table)
    assert roles(doc, event_by_trigger(doc, "stopped working")).get("OptiCount") == "agent"
    doc = extract_text("Votex Systems supplied an OptiCount scanner in 2017. "
                       "The scanners stopped working on Sunday.", table=table)
    assert "OptiCount" not in roles(doc, event_by_trigger(doc, "stopped working"))  # one named: "the scanners" are others


def test_a_work_set_off_by_commas_after_its_kind_is_what_the_kind_stands_for(extract_text, tmp_path):
    doc = extract_text("The painting, Harvest at Kazimierz, was sold on Tuesday. "
                       "The painting was consigned by the heirs of Walter Brenni.",
                       table=alias_table(tmp_path, "Harvest at Kazimierz,ORG,,,painting"))
    assert roles(doc, event_by_trigger(doc, "consigned")).get("Harvest at Kazimierz") == "target"


def test_a_kind_of_thing_before_a_name_is_what_the_name_names(extract_text):
    doc = extract_text("The container ship Aurora Star ran aground on Sunday. "
                       "The 400-metre ship was arriving from Singapore when the wind rose.")
    assert roles(doc, event_by_trigger(doc, "arriving")).get("Aurora Star") == "agent"
    doc = extract_text("Brakwater Salvage refloated the tanker Nordic Crest on Monday. "
                       "Engineers said the tanker had lost power.")
    assert roles(doc, event_by_trigger(doc, "lost")).get("Nordic Crest") == "agent"


def test_the_of_argument_of_an_event_noun_is_what_it_happens_to(extract_text):
    doc = extract_text("The invasion of Kuwait in August 1990 shocked the region.")
    assert roles(doc, event_by_trigger(doc, "invasion")).get("Kuwait") == "target"
