"""One test per merging rule, each with a case where it must not merge."""

import pytest

from dashboard.actors import (fuller_form, initials, is_not_actor, load_alias_table, name_form, normalize,
                              regnal_title_length, title_case, without_legal_suffix)
from tests.events.helpers import alias_table, event_by_trigger, roles


def names_of(doc, text):
    """Names of the actors some mention of which is written ``text``."""
    return {a["name"] for a in doc["actors"] if text in a["aliases"] or a["name"] == text}


def same_actor(doc, first, second):
    a, b = names_of(doc, first), names_of(doc, second)
    return bool(a) and a == b


@pytest.mark.parametrize("text,expected", [
    ("the Islamic Revolutionary Guard Corps's", "islamic revolutionary guard corps"),
    ("Iran\u2019s", "iran"),
    ("The  Telegraph", "telegraph"),
    ("He [Khamenei]", "he khamenei"),
    ("IRGC\u2019s Intelligence Organization", "irgc intelligence organization"),
])
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_initials():
    assert initials("Islamic Revolutionary Guard Corps") == "IRGC"
    assert initials("Institute for the Study of War") == "ISW"


def test_a_hyphenated_word_gives_one_initial_or_two_to_a_bracketed_acronym(extract_text):
    doc = extract_text("Dravonia's Special Anti-Corruption Prosecution Office (SAPO) raided the offices on Tuesday. "
                       "The World Anti-Doping Agency (WADA) said on Monday it would appeal.")
    assert same_actor(doc, "SAPO", "Special Anti-Corruption Prosecution Office")
    assert same_actor(doc, "WADA", "World Anti-Doping Agency")


def test_acronym_merges_with_its_expansion(extract_text):
    doc = extract_text("The National Liberation Front (NLF) attacked a convoy. NLF fighters later withdrew.")
    assert same_actor(doc, "NLF", "National Liberation Front")


def test_acronym_across_articles(extract_text):
    doc = extract_text("The National Liberation Front attacked a convoy.", "Officials blamed the NLF.")
    assert same_actor(doc, "NLF", "National Liberation Front")


def test_acronym_that_does_not_fit_is_kept_apart(extract_text):
    doc = extract_text("The National Liberation Front attacked a convoy. The WHO sent doctors.")
    assert not same_actor(doc, "WHO", "National Liberation Front")


def test_surname_merges_with_full_name(extract_text):
    doc = extract_text("Maria Delgado resigned on Monday. Delgado said she was tired.")
    assert same_actor(doc, "Delgado", "Maria Delgado")


def test_ambiguous_surname_is_not_merged(extract_text):
    doc = extract_text("Maria Delgado met Carlos Delgado in Lima. Delgado said the talks went well.")
    assert not same_actor(doc, "Maria Delgado", "Carlos Delgado")
    assert not names_of(doc, "Delgado") & {"Maria Delgado", "Carlos Delgado"}


def test_bracketed_name_merges(extract_text):
    doc = extract_text("Senator Paul Okafor spoke on Monday. \u201cHe [Okafor] is worried,\u201d an aide said.")
    assert same_actor(doc, "He [Okafor]", "Paul Okafor")


def test_possessive_and_case_merge(extract_text):
    doc = extract_text("Kenya\u2019s police arrested 30 people. Officials in Kenya said more arrests followed.")
    assert same_actor(doc, "Kenya", "Kenya")
    assert len([a for a in doc["actors"] if a["name"] == "Kenya"]) == 1
    doc = extract_text("Israel\u2019s channel 12 reported the raid. Channel 12 later corrected it.")
    assert len([a for a in doc["actors"] if normalize(a["name"]) == "channel 12"]) == 1


def test_pronoun_with_one_antecedent(extract_text):
    doc = extract_text("Paul Okafor resigned on Monday. He said he was tired.")
    okafor = next(a for a in doc["actors"] if a["name"] == "Paul Okafor")
    assert len(okafor["mentions"]) >= 2


def test_pronoun_with_two_candidates_stays_unresolved(extract_text):
    doc = extract_text("Paul Okafor met Ahmed Bello on Monday. He said the talks failed.")
    for actor in doc["actors"]:
        assert "He" not in {m["text"] for m in actor["mentions"]}


@pytest.mark.parametrize("text,name", [
    ("Janatan Sayeh wrote the report. An official in the ministry told Reuters that he has defected.",
     "Janatan Sayeh"),
    ("The IRGC warned of desertions. The removal of the warning reflects concerns, but it exposes anxiety.",
     "Islamic Revolutionary Guard Corps"),
])
def test_pronoun_after_an_unnamed_subject_stays_unresolved(extract_text, text, name):
    doc = extract_text(text)
    actor = next(a for a in doc["actors"] if a["name"] == name)
    assert {m["text"] for m in actor["mentions"]} & {"he", "it"} == set()


def test_nationality_folds_to_country_only_for_the_state(extract_text):
    doc = extract_text("Kenyan officials denied the report. Kenyan farmers protested on Tuesday.")
    kenya = next(a for a in doc["actors"] if a["name"] == "Kenya")
    assert kenya["type"] == "GPE"
    assert len(kenya["mentions"]) == 1  # the officials, not the farmers


def test_the_regime_refers_to_the_country_named_with_it(extract_text):
    doc = extract_text("The Syrian regime shelled the town. Witnesses said the regime used artillery.")
    assert same_actor(doc, "the regime", "Syrian")


def test_the_authority_is_the_named_authority_not_the_country_it_belongs_to(extract_text):
    doc = extract_text("A student filed complaints with Ireland's Data Privacy Authority on Tuesday. "
                       "The authority confirmed on Wednesday that it had received them.")
    assert roles(doc, event_by_trigger(doc, "confirmed")) == {"Data Privacy Authority": "source"}
    doc = extract_text("Iran's authorities arrested a journalist on Monday. The authorities said he was a spy.")
    assert roles(doc, event_by_trigger(doc, "said")) == {"Iran": "source"}  # a state noun, no name: the country


def test_it_is_the_organisation_a_description_named_as_the_reporting_subject(extract_text):
    doc = extract_text("The Central Electoral Commission ordered a recount on Thursday. "
                       "The commission said on Friday that it would hire 3,000 staff.")
    assert roles(doc, event_by_trigger(doc, "hire")).get("Central Electoral Commission") == "agent"
    doc = extract_text("The Central Electoral Commission ordered a recount on Thursday. "
                       "The decision said nothing of costs, but it would cost millions.")
    assert roles(doc, event_by_trigger(doc, "cost")).get("Central Electoral Commission") != "agent"


def test_the_company_is_the_subject_just_before_else_the_company_named_most(extract_text):
    doc = extract_text("Nintendo's 3DS sold well in Japan, and the company said on Monday it would raise output.")
    assert roles(doc, event_by_trigger(doc, "said")).get("Nintendo") == "source"
    doc = extract_text("Nintendo said on Monday it expects record sales. Analysts at Barclays said the fine was "
                       "small. The company cut its forecast on Tuesday.")  # the bank is named last, as no subject
    assert roles(doc, event_by_trigger(doc, "cut")) == {"Nintendo": "agent"}


def test_the_publisher_is_the_company_too(extract_text):
    doc = extract_text("Clara Whitcombe sued Harrowgate Press on Monday. The publisher called the lawsuit baseless.")
    assert roles(doc, event_by_trigger(doc, "called")) == {"Harrowgate Press": "agent"}
    doc = extract_text("Clara Whitcombe sued Harrowgate Press on Monday. The writer called the lawsuit overdue.")
    assert "Harrowgate Press" not in roles(doc, event_by_trigger(doc, "called"))  # a writer is no company


def test_the_carmaker_with_words_before_it_is_the_company_too(extract_text):
    doc = extract_text("Kestrel Automotive has sued Veltra Motors. The Detroit-based carmaker filed the lawsuit "
                       "in a federal court on Monday.")
    assert roles(doc, event_by_trigger(doc, "filed")).get("Kestrel Automotive") == "agent"
    assert next(a for a in doc["actors"] if a["name"] == "Kestrel Automotive")["type"] == "ORG"


def test_the_company_is_no_institution_nor_the_outlet_told(extract_text):
    doc = extract_text("The European Commission fined Kestrel Systems on Monday. The company said it would appeal.")
    assert roles(doc, event_by_trigger(doc, "said")) == {"Kestrel Systems": "source"}
    doc = extract_text("The Food and Drug Administration (FDA) approved the drug on Monday. The FDA's label "
                       "requires the company to run a study.")  # "the FDA" is no company, by its expansion
    assert not names_of(doc, "the company")
    doc = extract_text("The Maritime Union of Australia said on Monday it would strike. "
                       "A spokesman told Reuters the company had offered 4%.")
    assert not names_of(doc, "the company")


def test_a_club_is_named_by_its_first_or_last_word_alone_in_sport(extract_text):
    doc = extract_text("Marco Vellani scored on Sunday as Redmere Rovers beat Ashbourne City 2-1. "
                       "Ashbourne went ahead after 20 minutes. Fans in Ashbourne were angry. "
                       "Rovers moved up to third place.")
    assert roles(doc, event_by_trigger(doc, "went")) == {"Ashbourne City": "agent"}  # no score in the name
    assert roles(doc, event_by_trigger(doc, "moved")) == {"Redmere Rovers": "agent"}
    assert "Ashbourne" not in names_of(doc, "Ashbourne City") - {"Ashbourne City"}
    assert {a["type"] for a in doc["actors"] if a["name"] in ("Ashbourne City", "Redmere Rovers")} == {"ORG"}
    doc = extract_text("Officials in Mexico City said on Monday the match would go ahead. "
                       "Mexico said the game was safe.")  # a country is no club's short name
    assert roles(doc, event_by_trigger(doc, "said")) == {"Mexico City": "source"}
    assert not same_actor(doc, "Mexico", "Mexico City")


def test_the_striker_and_the_italian_are_the_person_so_described(extract_text):
    doc = extract_text("Ashbourne City signed Italian striker Marco Vellani on Wednesday. Manager Dave Hollins "
                       "said the striker would score goals. The Italian welcomed the move on Thursday.")
    assert roles(doc, event_by_trigger(doc, "score")).get("Marco Vellani") == "agent"
    assert roles(doc, event_by_trigger(doc, "welcomed")) == {"Marco Vellani": "agent"}
    doc = extract_text("Maria Lopez, a nurse in the emergency department, said on Monday that staff were tired. "
                       "The department closed on Tuesday.")  # what a description goes on to name is no role
    assert not roles(doc, event_by_trigger(doc, "closed"))


def test_the_24_year_old_is_the_person_named_just_before(extract_text):
    doc = extract_text("The club signed Marco Vellani on Wednesday, a day after the 24-year-old passed a medical.")
    assert roles(doc, event_by_trigger(doc, "passed")) == {"Marco Vellani": "agent"}
    doc = extract_text("John Smith met the minister on Monday. Police said nothing. Reporters waited. "
                       "The 45-year-old was charged on Friday.")  # no person in this sentence or the one before
    assert not roles(doc, event_by_trigger(doc, "charged"))


def test_the_court_is_the_one_organisation_named_with_that_head_noun(extract_text):
    doc = extract_text("Portugal's Constitutional Court struck down the law on Monday. "
                       "In its ruling, the court found that it treated workers unequally.")
    assert roles(doc, event_by_trigger(doc, "found")) == {"Constitutional Court": "agent"}
    doc = extract_text("The Supreme Court and the Court of Appeal met on Monday. The court said it would rule.")
    assert not names_of(doc, "the court")  # two courts: which one is not clear


def test_the_president_is_the_person_last_named_with_that_title(extract_text):
    doc = extract_text("Officials said Iraq's president Saddam Hussein can expect air strikes. "
                       "President Clinton arrived in Philadelphia on Thursday. "
                       "Later the president said Washington would use force.")
    assert same_actor(doc, "the president", "Bill Clinton") or same_actor(doc, "the president", "Clinton")
    assert not same_actor(doc, "the president", "Iraq")


def test_the_vice_president_is_not_the_president(extract_text):
    doc = extract_text("Vice President Al Gore arrived in Ohio on Monday. The president said the talks failed.")
    assert not names_of(doc, "the president")


def test_a_state_noun_that_modifies_another_noun_refers_to_nobody(extract_text):
    doc = extract_text("Kenya's embassy was closed on Monday. Police arrested two men after the embassy bombings.")
    assert not names_of(doc, "the embassy")


def test_a_monarch_is_not_merged_with_a_namesake_surname(extract_text):
    doc = extract_text("Iraqi President Saddam Hussein met envoys on Monday. "
                       "King Hussein of Jordan carried a message to Washington.")
    assert names_of(doc, "King Hussein") == {"King Hussein"}
    assert "King" not in next(a for a in doc["actors"] if a["name"] == "Saddam Hussein")["description"]


@pytest.mark.parametrize("before,words,expected", [
    (["King"], ["Hussein"], 1),
    (["Jordanian", "King"], ["Abdullah", "II"], 1),
    (["Crown", "Prince"], ["Mohammed"], 2),
    (["King"], ["Martin", "Luther"], 0),  # a full name: the title goes to the description
    (["Ayatollah"], ["Khamenei"], 0),  # a surname after the title
])
def test_regnal_title_length(before, words, expected):
    assert regnal_title_length(before, words) == expected


def test_a_news_agency_in_a_credit_line_is_no_actor(extract_text):
    doc = extract_text("WASHINGTON (AP) _ The talks ended on Monday, officials said.",
                       "BRUSSELS, Feb. 10 (Xinhua) -- NATO met on Monday.")
    assert not names_of(doc, "AP") and not names_of(doc, "Xinhua")
    doc = extract_text("The AP reported on Monday that the talks ended.")
    assert names_of(doc, "AP")


def test_an_acronym_never_expands_to_a_persons_name(extract_text):
    doc = extract_text("The AP said the talks ended on Monday.",
                       "Andy Pasztor contributed to this article. Andy Pasztor wrote that sales fell.")
    assert not same_actor(doc, "AP", "Andy Pasztor")


@pytest.mark.parametrize("name,expected", [
    ("channel 12", "Channel 12"), ("Dar es Salaam", "Dar es Salaam"), ("iPhone", "iPhone"),
    ("bank of england", "Bank of England"), ("north Carolina", "North Carolina"), ("Osama bin Laden", "Osama bin Laden"),
])
def test_title_case_only_names_written_all_in_lower_case(name, expected):
    assert title_case(name) == expected


def test_hyphenated_and_spaced_names_merge(extract_text):
    doc = extract_text("Bombs exploded in Dar es Salaam on Friday. Witnesses in Dar-es-Salaam said the blast was loud.")
    assert same_actor(doc, "Dar es Salaam", "Dar-es-Salaam")


def test_a_place_named_with_a_nationality_adjective_is_the_country(extract_text):
    doc = extract_text("Kuwaiti troops withdrew on Monday.")  # the model calls "Kuwaiti" a GPE here
    assert names_of(doc, "Kuwaiti") == {"Kuwait"}
    assert len(next(a for a in doc["actors"] if a["name"] == "Kuwait")["mentions"]) == 1


def test_it_does_not_chain_back_to_a_person(extract_text):
    doc = extract_text("Pamela Pak runs the fund. She said the market fell on Monday. It will recover soon.")
    assert "Pamela Pak" not in names_of(doc, "It")


def test_lower_case_us_is_not_the_united_states(extract_text):
    doc = extract_text("They told us the convoy left on Monday.")
    assert not names_of(doc, "us")


def test_titles_are_stripped_into_the_description(extract_text):
    doc = extract_text("Prime Minister Lena Varga resigned on Monday.")
    varga = next(a for a in doc["actors"] if a["name"] == "Lena Varga")
    assert "Prime Minister" in varga["description"]


def test_unit_of_an_organisation_gets_its_parent(extract_text):
    doc = extract_text("The Northern Alliance said its Media Office of the Northern Alliance was closed. "
                       "The Northern Alliance\u2019s Media Office reopened on Friday.")
    units = [a for a in doc["actors"] if "Media Office" in a["name"]]
    assert len(units) == 1
    parent = next(a for a in doc["actors"] if a["id"] == units[0]["parent"])
    assert parent["name"] == "Northern Alliance"


def test_a_name_of_a_place_is_not_part_of_it_unless_a_state_organ(extract_text):
    """The positive case, a unit of an organisation, is test_unit_of_an_organisation_gets_its_parent."""
    doc = extract_text("Talks collapsed. The Maritime Union of Australia said the strike would go ahead. "
                       "Researchers at the University of Pennsylvania agreed. Australia said nothing.")
    parents = {a["name"]: a.get("parent") for a in doc["actors"]}
    assert parents["Maritime Union of Australia"] is None
    assert parents["University of Pennsylvania"] is None


def test_alias_table_edits_take_effect_on_the_next_extraction(extract_text, tmp_path):
    table_path = tmp_path / "aliases.csv"
    header = "name,type,aliases,parent,description\n"
    table_path.write_text(header, encoding="utf-8")
    body = "The Blue Wolves attacked a depot. Grey Company denied involvement."
    before = extract_text(body, table=load_alias_table(table_path))
    assert not same_actor(before, "Grey Company", "Blue Wolves")
    table_path.write_text(header + "Blue Wolves,ORG,Grey Company,,armed group\n", encoding="utf-8")
    after = extract_text(body, table=load_alias_table(table_path))
    assert same_actor(after, "Grey Company", "Blue Wolves")
    assert next(a for a in after["actors"] if a["name"] == "Blue Wolves")["description"] == "armed group"


@pytest.mark.parametrize("row,message", [
    ("Blue Wolves,ARMY,,,", "type 'ARMY' is not one of"),
    (",ORG,,,", "empty name"),
    ("Blue Wolves,ORG,,Red Sun,", "parent 'Red Sun' is not a name"),
])
def test_bad_alias_table_rows_give_one_line_errors(tmp_path, row, message):
    path = tmp_path / "aliases.csv"
    path.write_text("name,type,aliases,parent,description\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        load_alias_table(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_shipped_alias_table_loads():
    table = load_alias_table()
    assert table.lookup("IRGC").name == "Islamic Revolutionary Guard Corps"
    assert table.lookup("the Islamic Republic\u2019s").name == "Iran"


@pytest.mark.parametrize("name,expected", [
    ("Apple Inc.", "Apple"),
    ("Sony Corp", "Sony"),
    ("Acme Holdings, Ltd.", "Acme"),
    ("Siemens AG", "Siemens"),
    ("Inc.", "Inc."),  # nothing left: kept
    ("Apple Corps", "Apple Corps"),  # the Beatles' company: "Corps" is no legal form
    ("NPD Group", "NPD"),
    ("Cisco Systems, Inc.", "Cisco"),
    ("Systems", "Systems"),
    ("Ministry of Energy", "Ministry of Energy"),  # what the ministry is of, not a company's trade word
    ("Greystone Capital", "Greystone"),
])
def test_without_legal_suffix(name, expected):
    assert without_legal_suffix(name) == expected


def test_company_with_and_without_its_legal_suffix_merge(extract_text):
    doc = extract_text("Apple Inc. released a new phone on Monday. Analysts said Apple would sell millions.")
    assert same_actor(doc, "Apple", "Apple Inc.")


def test_different_company_with_a_shared_first_word_is_kept_apart(extract_text):
    doc = extract_text("Apple Inc. released a new phone on Monday. Apple Corps sued Apple Inc. in London.")
    assert not same_actor(doc, "Apple Corps", "Apple Inc.")


def test_plural_of_an_organisation_or_product_merges(extract_text):
    doc = extract_text("Apple sold the iPhone in June. Carriers said iPhones were scarce.")
    names = names_of(doc, "iPhones")
    assert names and names == names_of(doc, "iPhone")


def test_plural_is_not_merged_when_the_singular_is_a_person_or_absent(extract_text):
    doc = extract_text("Serena Williams met William Jones in Paris. Williams won. Jones lost.")
    assert not same_actor(doc, "Williams", "William Jones")
    doc = extract_text("Carriers said iPhones were scarce.")
    assert not names_of(doc, "iPhone")


@pytest.mark.parametrize("name,expected", [
    ("USD", True), ("U.S.D.", True), ("GMT", True), ("C.E.O.", True), ("President", True),
    ("IRGC", False), ("Apple", False), ("President Trump", False),
    ("Highway 299", True), ("I-5", True), ("Phase 2", True), ("NA 218", True), ("MH17", True),
    ("G20", False), ("COP28", False), ("Route One", False),
])
def test_is_not_actor(name, expected):
    assert is_not_actor(name) is expected


def test_short_given_name_merges_with_the_one_fuller_form(extract_text):
    doc = extract_text("Timothy D. Cook took over on Wednesday.", "Tim Cook said sales rose. Timothy Cook smiled.")
    assert same_actor(doc, "Tim Cook", "Timothy D. Cook") and same_actor(doc, "Timothy Cook", "Timothy D. Cook")


def test_given_name_forms_are_left_apart_when_two_people_fit(extract_text):
    doc = extract_text("George W. Bush met George H. W. Bush in Texas. George Bush spoke later.")
    assert not same_actor(doc, "George W. Bush", "George H. W. Bush")
    assert not same_actor(doc, "George Bush", "George W. Bush")


def test_familiar_given_name_merges_and_the_surname_then_finds_one_person(extract_text):
    doc = extract_text("Charles Schumer won the seat. Chuck Schumer thanked voters. Schumer left early.")
    assert same_actor(doc, "Chuck Schumer", "Charles Schumer") and same_actor(doc, "Schumer", "Charles Schumer")


def test_familiar_given_name_of_another_formal_name_is_kept_apart(extract_text):
    doc = extract_text("Charles Schumer won the seat. Bill Schumer thanked voters. Schumer left early.")
    assert not same_actor(doc, "Bill Schumer", "Charles Schumer")
    assert not same_actor(doc, "Schumer", "Charles Schumer") and not same_actor(doc, "Schumer", "Bill Schumer")


@pytest.mark.parametrize("short,long,expected", [
    ("Chuck Schumer", "Charles Schumer", True),
    ("Bill Clinton", "William J. Clinton", True),
    ("Bill Clinton", "Charles Clinton", False),
    ("Tim Cook", "Timothy D. Cook", True),
    ("Timothy Cook", "Timothy D. Cook", True),
    ("James Kopp", "James Charles Kopp", True),
    ("James C. Kopp", "James Charles Kopp", True),
    ("James D. Kopp", "James Charles Kopp", False),
    ("James Charles Kopp", "James Kopp", False),  # not the other way round
    ("Jo Cook", "John Cook", False),  # two letters do not make a given name
    ("Tim Cook", "Tim Cooke", False),
    ("George W. Bush", "George H. W. Bush", False),
])
def test_fuller_form(short, long, expected):
    assert fuller_form(name_form(short), name_form(long)) is expected


def test_surname_with_its_particle_merges_with_the_full_name(extract_text):
    doc = extract_text("Osama bin Laden was named in the indictment on Monday. Bin Laden denied any role.")
    assert same_actor(doc, "Bin Laden", "Osama bin Laden")


@pytest.mark.parametrize("words,expected", [
    (["Osama", "bin", "Laden"], "bin laden"), (["Ursula", "von", "der", "Leyen"], "von der leyen"),
    (["Ali", "Khamenei"], "khamenei"), (["Bin", "Laden"], "laden"),
])
def test_surname_keeps_its_particles(words, expected):
    from dashboard.actors import surname
    assert surname(words) == expected


def test_an_organisation_named_with_and_without_its_owner_merges(extract_text):
    doc = extract_text("The U.N. Security Council met on Monday. The Security Council then voted.")
    assert same_actor(doc, "Security Council", "U.N. Security Council")


def test_a_countrys_prefix_or_two_owners_leave_the_bare_name_alone(extract_text):
    doc = extract_text("The U.S. Justice Department sued on Monday. The Justice Department declined to comment.")
    assert not same_actor(doc, "Justice Department", "U.S. Justice Department")
    doc = extract_text("The UN Human Rights Council met on Monday. The EU Human Rights Council objected. "
                       "The Human Rights Council declined to comment.")
    assert not same_actor(doc, "Human Rights Council", "UN Human Rights Council")


def test_an_acronym_bracketed_after_a_name_is_that_name_whatever_its_letters(extract_text):
    doc = extract_text("The Centers for Disease Control and Prevention (CDC) said on Thursday that the risk was low. "
                       "The Federal Office for the Protection of the Constitution (BfV) warned on Monday. "
                       "The CDC added that tests were under way. The BfV said threats rose.")
    assert same_actor(doc, "CDC", "Centers for Disease Control and Prevention")
    assert same_actor(doc, "BfV", "Federal Office for the Protection of the Constitution")
    doc = extract_text("Iran's Supreme Leader Ali Khamenei (AP) said on Monday that talks failed.")
    assert not same_actor(doc, "AP", "Ali Khamenei")  # a person's name defines no acronym


def test_a_name_the_model_cut_at_a_joining_word_is_one_name(nlp):
    from dashboard.nlp import whole_names
    doc = nlp("The Securities and Exchange Commission sued Keller. The Federal Office for the Protection "
              "of the Constitution (BfV) warned. Iran and Iraq met.")
    names = {e.text for e in whole_names(doc).ents}
    assert "The Securities and Exchange Commission" in names
    assert "The Federal Office for the Protection of the Constitution" in names
    assert {"Iran", "Iraq"} <= names


def test_a_generation_suffix_does_not_hide_the_surname(extract_text):
    doc = extract_text("Philippine President Ferdinand Marcos Jr. visited the area on Monday. Marcos promised aid.")
    assert same_actor(doc, "Marcos", "Ferdinand Marcos Jr.")


def test_a_capital_as_the_subject_of_a_verb_is_its_country(extract_text):
    doc = extract_text("Russia and Ukraine met in Istanbul. Moscow had rejected the plan, and Kyiv proposed a "
                       "30-day ceasefire. A drone hit Moscow on Tuesday. The Kremlin said talks would go on.")
    assert same_actor(doc, "Moscow", "Russia") is False  # the city hit by a drone stays the city ...
    russia = next(a for a in doc["actors"] if a["name"] == "Russia")
    assert {"Moscow", "Kremlin"} <= set(russia["aliases"])  # ... the government that rejected is Russia
    assert "Kyiv" in next(a for a in doc["actors"] if a["name"] == "Ukraine")["aliases"]
    assert any(a["name"] == "Moscow" for a in doc["actors"])


def test_a_company_is_its_short_name(extract_text):
    doc = extract_text("Halvorsen Foods Inc reported a rise in profit. Halvorsen said it would sell a unit. "
                       "Crestline Partners advised. Crestline declined to comment.")
    assert same_actor(doc, "Halvorsen", "Halvorsen Foods Inc")
    assert same_actor(doc, "Crestline", "Crestline Partners")
    doc = extract_text("Seabright Renewables signed a contract with Vestmark Turbines on Monday. "
                       "Vestmark will deliver 100 turbines, Seabright said.")  # trade words
    assert same_actor(doc, "Vestmark", "Vestmark Turbines")
    assert same_actor(doc, "Seabright", "Seabright Renewables")


def test_a_company_is_its_name_without_a_trade_word_and_a_presss_first_word(extract_text):
    doc = extract_text("Wyvern County Council hired Holloway Brandt Engineering on Monday. "
                       "Holloway Brandt will replace the bearings, the council said.")
    assert same_actor(doc, "Holloway Brandt", "Holloway Brandt Engineering")
    doc = extract_text("Clara Whitcombe has accused her publisher, Harrowgate Press, of plagiarism. "
                       "Harrowgate rejected the allegation within hours.")
    assert roles(doc, event_by_trigger(doc, "rejected")) == {"Harrowgate Press": "agent"}
    doc = extract_text("Oxford University Press said on Monday it would cut jobs. The Oxford University "
                       "choir sang.")  # the university is not its press
    assert not same_actor(doc, "Oxford University", "Oxford University Press")


def test_the_first_word_with_the_is_an_institutions_short_name(nlp):
    from dashboard.actors import Mention, link_definite_short_names
    doc = nlp("The Ashgrove Museum of Art bought it. The Ashgrove paid $7 million. The Apple trademark is old.")
    museum = Mention("a", "Ashgrove Museum of Art", 4, 26, 1, 5, "ORG", "Ashgrove Museum of Art")
    short = Mention("a", "Ashgrove", 42, 50, 9, 10, "ORG", "Ashgrove")
    apple_corps = Mention("a", "Apple Corps", 0, 0, 0, 0, "ORG", "Apple Corps")
    trademark = Mention("a", "Apple", 72, 77, 16, 17, "ORG", "Apple")
    names = [museum, short, trademark]
    link_definite_short_names(doc, names)
    assert short.refers_to == 0
    names = [apple_corps, trademark]
    link_definite_short_names(doc, names)
    assert trademark.refers_to is None  # "the Apple trademark": a modifier, no short name


def test_a_table_row_also_names_the_company_without_its_trade_word(extract_text, tmp_path):
    table = alias_table(tmp_path, "Holloway Brandt Engineering,ORG,HBE,,", "Kessler Mining,ORG,,,",
                        "Kessler Mining Services,ORG,,,")
    assert table.lookup("Holloway Brandt").name == "Holloway Brandt Engineering"
    assert table.lookup("Kessler") is None  # two rows share it: neither
    doc = extract_text("Holloway Brandt replaced the bearings on Monday.", table=table)
    assert roles(doc, event_by_trigger(doc, "replaced")) == {"Holloway Brandt Engineering": "agent"}


def test_the_company_is_no_built_place_followed_as_an_organisation(extract_text, tmp_path):
    doc = extract_text("The Kingsmere Bridge reopened on Monday after work by Holloway Brandt Engineering. "
                       "The Kingsmere Bridge carries 40,000 cars a day. The company changed the design in 2009.",
                       table=alias_table(tmp_path, "Kingsmere Bridge,ORG,,,"))
    assert roles(doc, event_by_trigger(doc, "changed")) == {"Holloway Brandt Engineering": "agent"}


def test_a_companys_short_name_the_model_calls_a_person_is_the_company(extract_text):
    doc = extract_text("Halvorsen Foods Inc reported a rise in profit on Wednesday. Chief Financial Officer "
                       "Tom Becker said Halvorsen expected sales to grow. He said the company would sell a unit.")
    assert same_actor(doc, "Halvorsen", "Halvorsen Foods Inc")
    assert next(a for a in doc["actors"] if a["name"] == "Halvorsen Foods Inc")["type"] == "ORG"
    said = [e for e in doc["articles"][0]["events"] if e["trigger"] == "said"][-1]
    assert roles(doc, said).get("Tom Becker") == "source"  # "He" has one person to be: Becker


def test_a_capital_that_suffers_is_the_city_and_the_kremlin_is_always_russia(extract_text):
    doc = extract_text("Kyiv was struck by drones on Monday. Kremlin spokesman Dmitry Peskov said talks would go on.")
    assert not any("Kyiv" in a["aliases"] for a in doc["actors"] if a["name"] == "Ukraine")
    assert "Kremlin" in next(a for a in doc["actors"] if a["name"] == "Russia")["aliases"]


def test_names_cut_before_a_joined_place_or_an_acronym_are_whole(extract_text):
    doc = extract_text("Bank of America raised its forecast. The World Health Organization (WHO) said the risk was low.")
    names = {a["name"] for a in doc["actors"]}
    assert {"Bank of America", "World Health Organization"} <= names and "United States" not in names
    doc = extract_text("Washington and Riyadh signed the deal on Monday.")
    assert "Riyadh" in next(a for a in doc["actors"] if a["name"] == "Saudi Arabia")["aliases"]


def test_a_name_split_by_a_pattern_for_part_of_it_is_whole(extract_text):
    """Alias patterns ("United Nations", "Red Cross") cut longer names; the halves join again."""
    doc = extract_text("The United Nations Relief and Works Agency (UNRWA) said aid was blocked. "
                       "The International Committee of the Red Cross (ICRC) said it was ready.")
    names = {a["name"] for a in doc["actors"]}
    assert {"United Nations Relief and Works Agency", "International Committee of the Red Cross"} <= names
    assert same_actor(doc, "UNRWA", "United Nations Relief and Works Agency")
    assert same_actor(doc, "ICRC", "International Committee of the Red Cross")
    doc = extract_text("Microsoft and Google Inc agreed on a standard. Egypt and Qatar welcomed it.")
    assert {"Microsoft", "Google Inc", "Egypt", "Qatar"} <= {a["name"] for a in doc["actors"]}


def test_a_short_name_defined_in_brackets_is_the_organisation_wherever_it_recurs(extract_text):
    doc = extract_text("The Democratic Alliance (AD) won 32% of the vote. The AD took 89 seats, and AD "
                       "leaders celebrated. The California Department of Forestry and Fire Protection "
                       "(Cal Fire) said the fire grew. Cal Fire said it would end soon.")
    assert same_actor(doc, "AD", "Democratic Alliance")
    alliance = next(a for a in doc["actors"] if a["name"] == "Democratic Alliance")
    assert len(alliance["mentions"]) >= 3
    assert same_actor(doc, "Cal Fire", "California Department of Forestry and Fire Protection")
    assert not any(a["type"] == "PERSON" for a in doc["actors"])


def test_a_name_before_party_or_beside_firm_is_an_organisation(extract_text):
    doc = extract_text("The far-right Chega party matched the Socialists. Chega leader Andre Ventura spoke. "
                       "Montenegro Holdings was fined over its consultancy firm, Spinumviva.")
    types = {a["name"]: a["type"] for a in doc["actors"]}
    assert types.get("Chega") == "ORG" and types.get("Spinumviva") == "ORG"
    assert types.get("Andre Ventura") == "PERSON"


def test_a_surname_the_model_reads_as_a_country_is_the_person(extract_text):
    doc = extract_text("Prime Minister Luis Montenegro won the vote on Sunday. Socialist leader Pedro Santos "
                       "resigned. \u201cWe won,\u201d Montenegro told supporters. He has ruled out a deal with Chega.")
    assert same_actor(doc, "Montenegro", "Luis Montenegro")
    ruled = next(e for e in doc["articles"][0]["events"] if e["trigger"].startswith("ruled"))
    assert roles(doc, ruled).get("Luis Montenegro") == "agent"
    doc = extract_text("Montenegro and Serbia signed a border deal on Monday.")
    assert next(a for a in doc["actors"] if a["name"] == "Montenegro")["type"] == "GPE"


def test_plural_or_restricted_descriptions_name_no_single_actor(extract_text):
    doc = extract_text("Egyptian, Qatari and Turkish mediators met Hamas on Sunday. Hamas had told the mediators "
                       "it would comply. Chega leader Andre Ventura spoke. The president will meet the leaders "
                       "of all parties.")
    for actor in doc["actors"]:
        assert "the mediators" not in actor["aliases"] and "the leaders" not in actor["aliases"]


def test_a_persons_office_speaks_for_the_person_and_an_owned_office_for_its_owner(extract_text):
    doc = extract_text("Israeli Prime Minister Benjamin Netanyahu's office said in a statement that a team would "
                       "travel. The Israeli office of Google said it would close. The Iranian minister of defence "
                       "spoke on Monday.")
    said = [e for e in doc["articles"][0]["events"] if e["trigger"] == "said"]
    assert roles(doc, said[0])["Benjamin Netanyahu"] == "source"
    assert roles(doc, said[1]).get("Israel") is None
    assert "Iranian minister" in next(a for a in doc["actors"] if a["name"] == "Iran")["aliases"]


def test_a_noun_inside_what_a_pronoun_says_does_not_block_it(extract_text):
    doc = extract_text("Finance minister Rachel Reeves welcomed the cut. The decision will mean lower costs for "
                       "households, she said in a statement.")
    said = next(e for e in doc["articles"][0]["events"] if e["trigger"] == "said")
    assert roles(doc, said) == {"Rachel Reeves": "source"}


def test_a_companys_first_word_is_its_short_name_in_the_article(extract_text):
    doc = extract_text("Rheinwerk Chemie AG agreed to buy Norvale Industries. Rheinwerk first approached Norvale "
                       "in the summer but was rebuffed. Shares in Norvale jumped. General Motors Co said sales "
                       "rose. General Electric said no.")
    assert same_actor(doc, "Rheinwerk", "Rheinwerk Chemie AG")
    assert same_actor(doc, "Norvale", "Norvale Industries")
    assert not same_actor(doc, "General Electric", "General Motors Co")
    rebuffed = next(e for e in doc["articles"][0]["events"] if e["trigger"] == "rebuffed")
    assert roles(doc, rebuffed) == {"Rheinwerk Chemie AG": "target"}  # a passive that shares the subject


def test_a_title_the_model_calls_a_person_describes_the_name_after_it(extract_text):
    doc = extract_text("Rheinwerk Chief Executive Katrin Lorenz told analysts the deal made sense. Moldovan "
                       "President Maia Sandu spoke. \u201cWe are building a company,\u201d she said.")
    names = {a["name"]: a for a in doc["actors"]}
    assert "Rheinwerk Chief Executive" not in names and "Moldovan President" not in names
    assert names["Katrin Lorenz"]["description"] == "Rheinwerk Chief Executive"


def test_the_words_a_bracketed_acronym_spells_out_are_one_name(extract_text):
    doc = extract_text("The Kenya National Commission on Human Rights (KNCHR) said 19 people died. The KNCHR urged "
                       "calm. The U.S. Food and Drug Administration (FDA) approved the drug. The World Health "
                       "Organization (WHO) said the risk was low.")
    assert same_actor(doc, "KNCHR", "Kenya National Commission on Human Rights")
    assert same_actor(doc, "FDA", "Food and Drug Administration")
    assert same_actor(doc, "WHO", "World Health Organization")


def test_a_pronoun_inside_a_quotation_is_not_its_speaker(extract_text):
    doc = extract_text("Villa want to sign striker Mateo Ferreyra. \u201cHe is not our player yet, so I will not "
                       "talk about him,\u201d Villa manager Unai Emery said on Friday.")
    emery = next(a for a in doc["actors"] if a["name"] == "Unai Emery")
    assert {m["text"] for m in emery["mentions"]} == {"Unai Emery"}
    ferreyra = next(a for a in doc["actors"] if a["name"] == "Mateo Ferreyra")
    assert "He" in {m["text"] for m in ferreyra["mentions"]}


def test_it_after_a_spokesman_for_an_organisation_is_the_organisation(extract_text):
    doc = extract_text("A spokesman for Greystone Capital said it would vote against the deal.")
    vote = next(e for e in doc["articles"][0]["events"] if e["trigger"] == "vote")
    assert roles(doc, vote)["Greystone Capital"] == "agent"


def test_an_organisation_word_alone_is_the_one_organisation_named_with_it(extract_text):
    doc = extract_text("The deal needs approval from the European Commission. Lorenz said she expected the "
                       "Commission to open a review. The Bank of England cut rates. The Bank said inflation would "
                       "fall. The World Bank and the Bank of Japan met. The Bank declined to comment.")
    assert same_actor(doc, "Commission", "European Commission")
    england = next(a for a in doc["actors"] if a["name"] == "Bank of England")
    assert len(england["mentions"]) == 2  # not the last "Bank", with three banks named


def test_a_ministry_is_named_with_what_it_is_of(extract_text):
    doc = extract_text("The Ministry of Energy said prices rose. The Ministry of Mining said output fell.")
    names = {a["name"] for a in doc["actors"]}
    assert {"Ministry of Energy", "Ministry of Mining"} <= names


def test_it_before_the_subject_of_its_sentence_is_not_that_subject(extract_text):
    doc = extract_text("The National Council has seven days to veto the budget. If it does, the National Assembly "
                       "must vote again.")
    does = next(e for e in doc["articles"][0]["events"] if e["trigger"] == "does")
    assert roles(doc, does) == {"National Council": "agent"}


def test_a_given_name_rules_out_the_other_pronoun(extract_text):
    doc = extract_text("Prime Minister Justin Trudeau ordered the board to act. She declined to comment.")
    declined = next(e for e in doc["articles"][0]["events"] if e["trigger"] == "declined to comment")
    assert roles(doc, declined) == {}
    doc = extract_text("Dana Whitlock ordered crews out. She said the fire grew.")  # a name for both: no ruling out
    said = next(e for e in doc["articles"][0]["events"] if e["trigger"] == "said")
    assert roles(doc, said) == {"Dana Whitlock": "source"}


def test_an_acronym_may_take_more_letters_of_a_word_of_a_name_of_its_article(extract_text):
    doc = extract_text("The Nordic Space Agency announced a Moon lander on Tuesday. "
                       "NOSA said the lander would launch in 2022.")
    assert same_actor(doc, "NOSA", "Nordic Space Agency")
    assert roles(doc, event_by_trigger(doc, "said")).get("Nordic Space Agency") == "source"


def test_an_acronym_spelled_that_way_never_reaches_another_article_or_a_one_word_name(extract_text):
    doc = extract_text("Prosecutors said $600 million went to an affiliated firm, Salas Capital.",
                       "Airport operator SAC said the closure would remain in place.")
    assert not same_actor(doc, "SAC", "Salas Capital")
    doc = extract_text("The Banlagan Bridge in Iloilo province gave way on Monday. "
                       "The IL party said it was shocked.")
    assert not same_actor(doc, "IL", "Iloilo")


def test_a_thing_an_organisation_owns_is_no_unit_of_it(extract_text, tmp_path):
    doc = extract_text("The Nordic Space Agency's Hugin lunar lander arrived at the spaceport on Monday. "
                       "The FDA's Office of Manufacturing Quality said on Friday it would inspect the plant.",
                       table=alias_table(tmp_path, "Hugin lunar lander,ORG,Hugin,,"))
    parents = {a["name"]: a.get("parent") for a in doc["actors"]}
    assert "Hugin lunar lander" in parents and parents["Hugin lunar lander"] is None
    assert "FDA Office of Manufacturing Quality" in parents  # a unit's name ends in the head before "of"


def test_an_organisations_head_noun_refers_back_to_it_when_no_state_was_named_with_it(extract_text):
    doc = extract_text("The Kessingham Port Authority completed the dredging in February. "
                       "The authority said on Tuesday that 14 ships had entered the port. "
                       "Officials said the port authority rejected the offer on Thursday.")
    assert roles(doc, event_by_trigger(doc, "said")).get("Kessingham Port Authority") == "source"
    assert roles(doc, event_by_trigger(doc, "rejected")).get("Kessingham Port Authority") == "agent"
    doc = extract_text("Iranian authorities arrested a reporter. The authorities said he was a spy.")
    assert roles(doc, event_by_trigger(doc, "said")).get("Iran") == "source"  # a state noun first


def test_a_company_noun_refers_to_the_company_the_article_described_with_it(extract_text):
    doc = extract_text("Scottish developer Seabright Renewables signed a contract with Danish manufacturer "
                       "Vestmark Turbines on Monday. Seabright said the blades were late. "
                       "The manufacturer blamed a faulty batch of resin.")
    assert roles(doc, event_by_trigger(doc, "blamed")).get("Vestmark Turbines") == "agent"
    doc = extract_text("Corrib Devices, a Galway startup, unveiled a phone on Monday. "
                       "Corrib said the startup would hire 30 engineers.")
    assert same_actor(doc, "Corrib", "Corrib Devices")


def test_a_companys_first_word_alone_is_the_one_company_of_the_article_it_starts(extract_text):
    doc = extract_text("Shipping group Meridian Container Line hired the salvage firm on Monday. "
                       "Meridian said on Tuesday the ship was safe.")
    assert same_actor(doc, "Meridian", "Meridian Container Line")
    assert not names_of(doc, "the salvage firm")  # a firm its verb's subject hires is another
    doc = extract_text("The Beatles' company Apple Corps sued Apple Computer on Monday. Apple said it would fight.")
    assert not same_actor(doc, "Apple", "Apple Corps")  # "Corps" heads an institution's name, no company's


def test_a_description_of_an_organisation_refers_back_to_it(extract_text):
    doc = extract_text("The Meridian Pilots Association (MPA), the union that represents 2,100 pilots, "
                       "welcomed the order on Monday. Analysts said the deal was large. "
                       "The union said on Tuesday it wanted talks.")
    assert roles(doc, event_by_trigger(doc, "wanted")).get("Meridian Pilots Association") in ("source", "agent")
    doc = extract_text("Canadian carrier Meridian Airways ordered 40 jets on Monday. "
                       "The airline said on Tuesday it would pay in cash.")
    assert roles(doc, event_by_trigger(doc, "said")).get("Meridian Airways") == "source"


def test_an_alias_matched_in_lower_case_is_no_name(extract_text, tmp_path):
    doc = extract_text("Tunewave took its dispute to the copyright tribunal on Monday. "
                       "Britain's National Copyright Tribunal set a rate. The tribunal said on Friday it was fair.",
                       table=alias_table(tmp_path, "National Copyright Tribunal,ORG,Copyright Tribunal,,"))
    assert "copyright tribunal" not in {alias for a in doc["actors"] for alias in a["aliases"]}
    assert roles(doc, event_by_trigger(doc, "said")).get("National Copyright Tribunal") == "source"
