"""Names the model misses once the article named the person in full, and pronouns further back."""

from datetime import date

import pytest

from tests.events.helpers import event_by_trigger, roles


def person(doc, name):
    return next(a for a in doc["actors"] if a["name"] == name)


def test_surname_the_model_missed_is_the_person_named_in_full(extract_text):
    doc = extract_text("Apple chief Steve Jobs spoke on Monday. Jobs welcomed everyone to the event.")
    assert roles(doc, event_by_trigger(doc, "welcomed")).get("Steve Jobs") == "agent"


def test_surname_before_the_full_name_or_of_two_people_is_not_propagated(extract_text):
    doc = extract_text("Jobs are scarce. Steve Jobs spoke on Monday.")
    assert len(person(doc, "Steve Jobs")["mentions"]) == 1
    doc = extract_text("Maria Delgado met Carlos Delgado in Lima. Delgado welcomed everyone.")
    assert not roles(doc, event_by_trigger(doc, "welcomed"))


def test_first_name_merges_with_the_one_full_name_that_has_it(extract_text):
    doc = extract_text("Steve Jobs spoke on Monday. Steve called podcasting the future.")
    assert roles(doc, event_by_trigger(doc, "called")) == {"Steve Jobs": "agent"}


def test_first_name_shared_by_two_people_is_not_merged(extract_text):
    doc = extract_text("Steve Jobs met Steve Wozniak on Monday. Steve called podcasting the future.")
    assert not {"Steve Jobs", "Steve Wozniak"} & set(roles(doc, event_by_trigger(doc, "called")))


def test_pronoun_looks_further_back_when_the_last_sentences_name_nobody(extract_text):
    doc = extract_text("Paul Okafor resigned on Monday. The party was shocked. Members met on Tuesday. "
                       "He said he was tired.")
    assert roles(doc, event_by_trigger(doc, "said")).get("Paul Okafor") == "source"


def test_pronoun_further_back_with_two_people_stays_unresolved(extract_text):
    doc = extract_text("Paul Okafor met Ahmed Bello on Monday. The party was shocked. Members met on Tuesday. "
                       "He said he was tired.")
    assert not roles(doc, event_by_trigger(doc, "said"))


def test_subject_it_refers_to_the_subject_of_the_sentence_before(extract_text):
    doc = extract_text("Toyota unveiled a car on Monday. It also cut prices. It comes in two colours.")
    assert roles(doc, event_by_trigger(doc, "cut")) == {"Toyota": "agent"}
    assert roles(doc, event_by_trigger(doc, "comes")) == {"Toyota": "agent"}


def test_subject_it_after_a_person_or_an_object_it_is_unresolved(extract_text):
    doc = extract_text("Paul Okafor resigned on Monday. It was a shock.")
    assert all(m["text"] != "It" for a in doc["actors"] for m in a["mentions"])
    doc = extract_text("Toyota unveiled a car on Monday. Critics praised it.")
    assert "Toyota" not in roles(doc, event_by_trigger(doc, "praised"))


def test_nationality_adjective_after_a_name_is_not_part_of_it(extract_text):
    doc = extract_text("Elian Gonzalez arrived in Miami. Lawmakers want to grant Elian American citizenship.")
    assert not any("American" in a["name"] for a in doc["actors"] if a["type"] == "PERSON")
    assert "Elian" in person(doc, "Elian Gonzalez")["aliases"]


def test_surname_that_is_a_nationality_word_stays_in_the_name(extract_text):
    doc = extract_text("Reporter Tom French said the vote was close.")
    assert person(doc, "Tom French")


def test_courtesy_title_is_stripped_without_becoming_a_description(extract_text):
    doc = extract_text("Kelli Conlin, the director of the league, spoke on Monday. Ms. Conlin said the vote was close.",
                       "Dr. Barnett Slepian was a gynecologist.")
    assert "Ms." not in person(doc, "Kelli Conlin")["description"]
    assert "Dr." in person(doc, "Barnett Slepian")["description"]


def test_letters_after_a_name_go_to_the_description(extract_text):
    doc = extract_text("Clara Whitcombe sued on Monday. Her barrister, Jonathan Pell QC, spoke. "
                       "Pell also pressed her. She admitted that the manuscript was complete.")
    pell = person(doc, "Jonathan Pell")
    assert "QC" in pell["description"] and "Pell" in pell["aliases"]
    assert roles(doc, event_by_trigger(doc, "admitted")) == {"Clara Whitcombe": "source"}  # a man is no "she"
    doc = extract_text("Kevin Mp spoke on Monday.")  # two words: a surname, whatever it spells
    assert person(doc, "Kevin Mp")


def test_lower_case_phrase_the_model_calls_an_organisation_is_no_actor(extract_text):
    doc = extract_text("The group tried to justify wanton murder, officials said. Experts said the militia movement grew.")
    assert not [a for a in doc["actors"] if a["name"].lower() in ("wanton murder", "militia movement")]
    doc = extract_text("Israel's channel 12 reported on Wednesday that officers defected.")  # a digit: a name
    assert "Channel 12" in {a["name"] for a in doc["actors"]}


def test_lower_case_names_of_a_lower_case_transcript_stay(nlp):
    from dashboard.actors import is_lower_case_text
    assert is_lower_case_text(nlp("pierre thomas reports. the fbi said it will act. he agreed."))
    assert not is_lower_case_text(nlp("Pierre Thomas reports. The FBI said it will act."))


def test_a_wire_datelines_city_and_agency_are_no_actors(extract_text):
    doc = extract_text("NICOSIA, Aug. 8 (Xinhua) -- The Cypriot government condemned the bombing on Saturday.")
    names = {a["name"] for a in doc["actors"]}
    assert "Cyprus" in names and not names & {"NICOSIA", "Nicosia", "Xinhua"}


def test_sentence_opening_participle_is_not_part_of_a_name(nlp):
    from dashboard.actors import without_leading_participle
    doc = nlp("Chanting Helmut Kohl said the euro would survive.")
    assert without_leading_participle(doc[0:3]).text == "Helmut Kohl"
    assert without_leading_participle(doc[1:3]).text == "Helmut Kohl"


def test_a_pronoun_skips_a_person_whose_title_gives_the_other_gender(extract_text):
    doc = extract_text("Mr. Kopp met Ms. Lyons in 1998. She testified on Monday.")
    assert roles(doc, event_by_trigger(doc, "testified")) == {"Lyons": "agent"}  # Kopp no longer competes
    doc = extract_text("Mr. Kopp fled in 1998. She testified on Monday.")  # the only person is a man
    assert not roles(doc, event_by_trigger(doc, "testified"))


@pytest.mark.parametrize("words,expected", [
    (["Mr.", "Kopp"], "m"), (["Queen", "Elizabeth"], "f"), (["Crown", "Prince", "Hassan"], "m"),
    (["President", "Clinton"], ""),
])
def test_title_gender(words, expected):
    from dashboard.actors import title_gender
    assert title_gender(words) == expected


def test_a_lower_case_name_of_a_person_stays(extract_text):
    doc = extract_text("The reason, they remember Richard Jewell. pierre thomas, CNN, Washington.")
    assert "Pierre Thomas" in {a["name"] for a in doc["actors"]}


def test_a_name_ending_in_an_organisation_word_is_an_organisation():
    from dashboard.actors import has_organisation_head
    assert has_organisation_head("Mac App Store") and has_organisation_head("Sky News")
    assert has_organisation_head("Elco Industries Inc.")
    assert not has_organisation_head("Steve Jobs") and not has_organisation_head("Frank Church")
    assert not has_organisation_head("Store")  # one word: the model's label stands


def test_the_model_calling_a_store_a_person_is_overruled(nlp, extract_text):
    text = "Apple said the Mac App Store, which opened on Thursday, sold a million apps."
    assert ("App Store", "PERSON") in {(e.text, e.label_) for e in nlp(text).ents}  # the model's reading
    types = {a["name"]: a["type"] for a in extract_text(text)["actors"]}
    assert types.get("App Store") == "ORG"


def test_a_person_the_text_puts_somewhere_is_a_place(extract_text):
    doc = extract_text("Fire chief Dana Whitlock told reporters at a briefing in Anderson. Israeli strikes near "
                       "Khan Younis killed five people.")
    types = {a["name"]: a["type"] for a in doc["actors"]}
    assert types.get("Anderson") == "GPE" and types.get("Khan Younis") == "GPE"
    assert types.get("Dana Whitlock") == "PERSON"


def test_roads_units_and_cut_brackets_are_no_names(extract_text):
    doc = extract_text("The California Highway Patrol closed Highway 299 on Monday. Temperatures could reach "
                       "105 degrees Fahrenheit. Philippe Lazzarini, the head of the United Nations Relief and "
                       "Works Agency (UNRWA), said aid was blocked.")
    names = {a["name"] for a in doc["actors"]}
    assert "Highway 299" not in names and "Fahrenheit" not in names and "California Highway Patrol" in names
    lazzarini = next(a for a in doc["actors"] if a["name"] == "Philippe Lazzarini")
    assert lazzarini["description"].count("(") == lazzarini["description"].count(")")


def test_a_persons_name_reaches_the_word_it_is_a_compound_of(extract_text):
    doc = extract_text("Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said on Saturday that "
                       "talks would resume.")
    assert "Mohammed bin Abdulrahman Al Thani" in {a["name"] for a in doc["actors"]}
    said = next(e for e in doc["articles"][0]["events"] if e["trigger"] == "said")
    assert roles(doc, said)["Mohammed bin Abdulrahman Al Thani"] == "source"


def test_overlapping_defined_names_do_not_clash(nlp):
    """A company's short name ("Cal") inside a bracketed one ("Cal Fire"): the longer wins, nothing raises."""
    from dashboard.nlp import parse
    doc = next(parse(["Cal Fire Inc said no. The Department of Forestry and Fire Protection (Cal Fire) said yes. "
                      "Cal said maybe."]))
    names = [(e.text, e.label_) for e in doc.ents]
    assert ("Cal Fire", "ORG") in names and ("Cal", "ORG") in names


def actor_types(doc):
    return {a["name"]: a["type"] for a in doc["actors"]}


def test_a_name_a_relative_who_refers_to_or_a_person_noun_names_is_a_person(extract_text):
    doc = extract_text("The PUP's leader, Nuno Cabral, who finished second in the vote, welcomed the move. "
                       "Its spokesman, Domingos Sa, said the council would rule.")
    types = actor_types(doc)
    assert types["Nuno Cabral"] == "PERSON" and types["Domingos Sa"] == "PERSON"
    doc = extract_text("Nestle SA said profits rose. Its parent, Halden Foods Group, which owns the brand, agreed.")
    types = actor_types(doc)
    assert types["Nestle SA"] == "ORG" and types["Halden Foods Group"] == "ORG"  # capitals, "which"


def test_two_surnames_the_model_joins_into_a_firm_are_the_two_people(extract_text):
    doc = extract_text("Daniel Okafor and Priya Raman deny the charges. Prosecutors said Okafor and Raman "
                       "had inflated revenue.")
    agents = roles(doc, event_by_trigger(doc, "inflated"))
    assert agents == {"Daniel Okafor": "agent", "Priya Raman": "agent"}
    doc = extract_text("Procter & Gamble said sales rose.")
    assert actor_types(doc) == {"Procter & Gamble": "ORG"}


def test_a_titled_name_the_model_calls_a_work_of_art_is_a_person(extract_text):
    doc = extract_text("\"This is a deliberate effort,\" NCSC Chief Executive Helen Morley said.")
    types = actor_types(doc)
    assert types.get("Helen Morley") == "PERSON" and types.get("NCSC") == "ORG"
    assert roles(doc, event_by_trigger(doc, "said"))["Helen Morley"] == "source"


def test_a_country_with_a_hyphen_or_of_several_words_is_one_country(extract_text):
    doc = extract_text("Soldiers in Guinea-Bissau said they had removed the president. Troops from "
                       "Burkina Faso and the DRC arrived.")
    assert actor_types(doc) == {"Guinea-Bissau": "GPE", "Burkina Faso": "GPE",
                                "Democratic Republic of the Congo": "GPE"}


def test_a_role_noun_before_a_surname_is_a_description_not_a_given_name(extract_text):
    doc = extract_text("Sprinter Okoye banned for four years\n\nNigerian sprinter Chidi Okoye was banned on "
                       "Tuesday. Okoye said he would appeal.")
    okoye = person(doc, "Chidi Okoye")
    assert "Sprinter Okoye" in okoye["aliases"] and "Sprinter" in okoye["description"]
    doc = extract_text("Will Smith will attend. Mark Carney said the mark was high.")
    assert {"Will Smith", "Mark Carney"} <= {a["name"] for a in doc["actors"]}  # given names, whatever else they are


def test_more_capitals_that_act_are_their_governments(extract_text):
    doc = extract_text("Stockholm has repeatedly demanded his release. The row began after Vilnius allowed "
                       "Taiwan to open an office.")
    assert roles(doc, event_by_trigger(doc, "demanded")) == {"Sweden": "agent"}
    assert roles(doc, event_by_trigger(doc, "allowed"))["Lithuania"] == "agent"


def test_a_hyphenated_name_cut_in_two_is_one_and_spells_its_acronym(extract_text):
    doc = extract_text("The World Anti-Doping Agency (WADA) said on Tuesday it would appeal. WADA did not say more.")
    assert actor_types(doc) == {"World Anti-Doping Agency": "ORG"}



def test_it_after_a_countrys_organ_as_the_subject_before_is_the_country(extract_text):
    doc = extract_text("Russia's embassy in Washington rejected the accusations. \"These claims are baseless,\" it "
                       "said in a statement.")
    assert roles(doc, event_by_trigger(doc, "said")).get("Russia") == "source"
    doc = extract_text("Orvanta Pharma recalled 2 million bottles on Monday. It said it had traced the impurity.")
    assert actor_types(doc) == {"Orvanta Pharma": "ORG"}
    assert roles(doc, event_by_trigger(doc, "traced")) == {"Orvanta Pharma": "agent"}


def test_a_thing_as_subject_before_he_does_not_block_the_person_named_before(extract_text):
    doc = extract_text("The unit said a sample Chidi Okoye gave had contained a steroid. The ban runs from "
                       "Oct. 10, when he was provisionally suspended.")
    assert roles(doc, event_by_trigger(doc, "suspended")) == {"Chidi Okoye": "target"}
    doc = extract_text("Chidi Okoye left. An official told Reuters that he had defected.")
    assert "Chidi Okoye" not in roles(doc, event_by_trigger(doc, "defected"))  # an unnamed person


def test_a_party_the_model_calls_a_group_is_an_organisation(extract_text):
    doc = extract_text("The Social Democrats said they would vote against the budget. The Republicans blocked "
                       "the bill.")
    assert actor_types(doc) == {"Social Democrats": "ORG", "Republicans": "ORG"}


def test_a_role_before_a_name_describes_it(extract_text):
    """"its finance director, Nadia Rahman" (the name in apposition to the role),
    "striker Tiago Moreira" (a common noun of a role before the name)."""
    doc = extract_text("Harwood said its finance director, Nadia Rahman, had resigned. Vietnam's prime minister, "
                       "Tran Van Hieu, spoke. Sporting turned down a bid for striker Tiago Moreira, Sporting "
                       "president Miguel Antunes said.")
    assert person(doc, "Nadia Rahman")["description"] == "finance director"
    assert person(doc, "Tran Van Hieu")["description"] == "Vietnam's prime minister"
    assert person(doc, "Tiago Moreira")["description"] == "striker"
    assert person(doc, "Miguel Antunes")["description"] == "Sporting president"


def test_a_noun_that_names_no_role_describes_nobody(extract_text):
    doc = extract_text("Police arrested a man, John Smith, on Monday. Two people, Ann Lee and Bob Ray, died.")
    assert person(doc, "John Smith")["description"] == ""
    assert person(doc, "Ann Lee")["description"] == ""


def test_a_capitalised_common_noun_opening_a_sentence_is_no_person(extract_text):
    """The model reads a sentence's first word as a name; the article writes it in lower case elsewhere."""
    doc = extract_text("Schools had been due to reopen on Monday. Ministers said schools would open later. "
                       "Okoye said the sprinter would appeal.")
    names = {a["name"] for a in doc["actors"]}
    assert "Schools" not in names and "Okoye" in names


def test_a_common_noun_before_a_title_is_part_of_the_title(extract_text):
    doc = extract_text("Health Minister Grace Mwanza said 40 people had died. Their health ministries said more "
                       "had died.")
    names = {a["name"] for a in doc["actors"]}
    assert "Health" not in names and person(doc, "Grace Mwanza")["description"] == "Health Minister"


def test_a_name_before_a_role_comes_whole_into_the_description(extract_text):
    doc = extract_text("Redmere Athletic striker Marco Vellani scored twice on Sunday.")
    assert person(doc, "Marco Vellani")["description"] == "Redmere Athletic striker"


def test_an_alias_that_a_longer_name_goes_on_from_is_not_the_actor(extract_text):
    doc = extract_text("Iran Air flights resumed on Monday. Israel Katz said the strikes would go on. "
                       "Nintendo President Satoru Iwata spoke on Tuesday, and strikes hit Iran Monday.")
    names = {a["name"] for a in doc["actors"]}
    assert {"Iran Air", "Israel Katz", "Satoru Iwata", "Nintendo", "Iran"} <= names
    assert roles(doc, event_by_trigger(doc, "resumed")) == {"Iran Air": "agent"}  # not Iran, mentioned
    assert roles(doc, event_by_trigger(doc, "said")) == {"Israel Katz": "source"}  # not Israel and "Katz"
    assert roles(doc, event_by_trigger(doc, "hit")) == {"Iran": "target"}  # a day after a name ends it


def test_an_age_makes_a_person_of_a_name_the_model_called_an_organisation_and_its_full_name_follows(extract_text):
    doc = extract_text("Delegates chose Helena Marquez over Samuel Oduya on Wednesday. Marquez, 57, directed the "
                       "national health institute from 2009 to 2016. Marquez said she would review the system.")
    marquez = person(doc, "Helena Marquez")
    assert "Marquez" in marquez["aliases"]
    assert roles(doc, event_by_trigger(doc, "directed")) == {"Helena Marquez": "agent"}
    doc = extract_text("The Wrexford Central Library reopened on Monday. Library staff said the library "
                       "would stay open late.")  # a common noun of the article is no surname
    assert "Wrexford Central Library" not in {a["name"] for a in doc["actors"] if a["type"] == "PERSON"}


def test_a_person_with_a_number_in_the_name_is_a_product(extract_text):
    doc = extract_text("Halvorsen Aerospace said on Monday its Halvorsen H-390 made its first flight. "
                       "Pope Pius XII was named. Borealis launched the Valkyrie 2 on Tuesday.")
    people = {a["name"] for a in doc["actors"] if a["type"] == "PERSON"}
    assert not people & {"Halvorsen H-390", "Valkyrie 2"}
    assert "Halvorsen H-390" not in {a["name"] for a in doc["actors"]}  # a product is no actor


def test_a_companys_first_word_alone_is_its_name_where_the_article_uses_it(extract_text):
    doc = extract_text("Canadian airline Meridian Airways ordered 40 jets on Monday.\n\n"
                       "Meridian has offered pilots 6 percent over three years.\n\n"
                       "The Meridian Pilots Association said no.")
    assert roles(doc, event_by_trigger(doc, "offered")).get("Meridian Airways") == "agent"


def test_a_name_written_again_where_the_model_saw_none_is_that_name(extract_text):
    doc = extract_text("Tunewave, which says it has 16 million users, stopped offering Halcyon's music in January.\n\n"
                       "Analysts said streaming service Tunewave was growing fast.", dct=date(2012, 11, 8))
    assert roles(doc, event_by_trigger(doc, "stopped offering")).get("Tunewave") == "agent"
    doc = extract_text("Canadian Marc Tessier, 45, was freed on Monday. Tessier said he was tired. "
                       "Officials said Tessier would fly home.")
    assert "Marc Tessier" in {a["name"] for a in doc["actors"]}  # the age rule's whole name stays whole
