"""Canonical entities on hand-written sentences (each rule) and on the two example articles."""

from __future__ import annotations

import pytest

import counterpoint
from counterpoint.analysis.entities import find_entities
from counterpoint.comparison.entities import link_entities


def entity(entities, name):
    matches = [e for e in entities if e.name == name]
    assert len(matches) == 1, f"{name!r} should be one entity, got {[e.name for e in entities]}"
    return matches[0]


def forms(e, kind=None):
    return [m.text for m in e.mentions if kind is None or m.kind == kind]


def test_surname_links_to_full_name_and_role_is_kept(nlp):
    doc = nlp("French President Emmanuel Macron arrived in Berlin. Macron said the talks went well.")
    ents = find_entities(doc)
    macron = entity(ents, "Emmanuel Macron")
    assert macron.kind == "person"
    assert macron.role == "French President"
    assert forms(macron) == ["French President Emmanuel Macron", "Macron"]
    assert [m.kind for m in macron.mentions] == ["role_name", "name"]


@pytest.mark.parametrize(
    ("text", "name", "surname"),
    [
        ("Margaret Thatcher spoke in Grantham in 1984. Mrs Thatcher said the mines would close.", "Margaret Thatcher", "Thatcher"),
        ("Angela Rayner visited the docks on Friday. Ms Rayner said the port needed money.", "Angela Rayner", "Rayner"),
        # a titled surname the model finds no person in, and a full name it calls an organization
        ("Tom Cotter opened the pier on Monday. Mr Cotter said it would stay open.", "Tom Cotter", "Cotter"),
        ("Ewa Penhale opened the pier on Monday. Mr Penhale said it would stay open.", "Ewa Penhale", "Penhale"),
    ],
)
def test_a_courtesy_title_without_a_full_stop_joins_the_persons_other_mentions(nlp, text, name, surname):
    # British style ("Mrs Thatcher"): the named-entity model keeps the title in the name, which made a second person
    people = [e for e in find_entities(nlp(text)) if e.kind == "person"]
    assert [e.name for e in people] == [name]
    assert forms(people[0]) == [name, surname]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr Cotter said the pier would reopen.", "Cotter"),  # the model finds no entity at all
        ("Dr Okafor said the clinic would close.", "Okafor"),  # the model reads an organization
        ("Mr Penhale said the ferry was late.", "Penhale"),  # the model reads a place
    ],
)
def test_a_name_after_a_courtesy_title_is_a_person_whatever_the_model_says(nlp, text, name):
    person = entity(find_entities(nlp(text)), name)
    assert person.kind == "person"
    assert forms(person) == [name]


def test_two_people_sharing_a_surname_stay_apart(nlp):
    doc = nlp("Hillary Clinton spoke after Bill Clinton left. Hillary Clinton later returned.")
    names = sorted(e.name for e in find_entities(doc) if e.kind == "person")
    assert names == ["Bill Clinton", "Hillary Clinton"]


def test_descriptor_links_to_the_leader_of_that_country(nlp):
    doc = nlp(
        "German Chancellor Angela Merkel met the press on Monday. "
        "The German leader said the budget would pass."
    )
    merkel = entity(find_entities(doc), "Angela Merkel")
    assert "The German leader" in forms(merkel, "descriptor")


def test_descriptor_not_linked_when_two_people_fit(nlp):
    doc = nlp(
        "Turkish President Recep Erdogan and Turkish Prime Minister Binali Yildirim met. "
        "The Turkish leader spoke first."
    )
    ents = find_entities(doc)
    assert not any(m.kind == "descriptor" for e in ents for m in e.mentions)


def test_demonym_links_to_its_country(nlp):
    doc = nlp("Japanese officials met their counterparts in Japan on Friday.")
    japan = entity(find_entities(doc), "Japan")
    assert forms(japan, "demonym") == ["Japanese"]
    assert forms(japan, "name") == ["Japan"]


def test_capital_acting_is_a_metonym_but_destination_is_a_place(nlp):
    doc = nlp("Beijing has warned against the visit. The minister later flew to Beijing for talks.")
    ents = find_entities(doc)
    china = entity(ents, "China")
    assert forms(china, "metonym") == ["Beijing"]
    place = entity(ents, "Beijing")
    assert place.kind == "place" and len(place.mentions) == 1
    assert place.mentions[0].start > china.mentions[0].start


def test_seat_of_government_modifying_regime_is_a_metonym(nlp):
    doc = nlp("The statement accused the Washington administration of delay.")
    us = entity(find_entities(doc), "United States")
    assert forms(us, "metonym") == ["Washington"]


def test_country_aliases_share_one_entity(nlp):
    doc = nlp("The U.S. imposed sanctions. The United States said Americans were safe.")
    us = entity(find_entities(doc), "United States")
    assert set(forms(us)) >= {"U.S.", "United States", "Americans"}


def test_mentions_index_the_text(nlp):
    text = "Russian Foreign Minister Sergei Lavrov met Iran's Abbas Araghchi in Moscow. Lavrov spoke."
    doc = nlp(text)
    for e in find_entities(doc):
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_example_articles(nlp):
    from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

    win = find_entities(nlp(WORLD_ISRAEL_NEWS.read_text()))
    putin = entity(win, "Vladimir Putin")
    assert putin.role == "Russian President"
    assert forms(putin).count("Putin") == 7
    netanyahu = entity(win, "Benjamin Netanyahu")
    assert len(netanyahu.mentions) == 9 and netanyahu.role == "Israeli Prime Minister"
    assert "the brutal Syrian leader" in forms(entity(win, "Bashar Assad"), "descriptor")
    assert "Moscow" in forms(entity(win, "Russia"), "metonym")

    ptv = find_entities(nlp(PRESS_TV.read_text()))
    israel = entity(ptv, "Israel")
    assert forms(israel, "metonym") == ["Tel Aviv", "Tel Aviv"]
    yaalon = entity(ptv, "Moshe Ya’alon")
    assert yaalon.role == "Israel’s former minister for military affairs"
    assert len(yaalon.mentions) == 2
    moscow_place = entity(ptv, "Moscow")  # "headed to Moscow", "in Moscow": a place
    assert moscow_place.kind == "place"
    assert forms(entity(ptv, "Russia"), "metonym") == ["Moscow", "Moscow"]


def test_hyphenated_surname_links_to_full_name(nlp):
    doc = nlp("Deputy Mayor Lucia Ruiz-Ortega endorsed the plan. Ruiz-Ortega said the vote was close.")
    person = entity(find_entities(doc), "Lucia Ruiz-Ortega")
    assert forms(person, "name") == ["Ruiz-Ortega"]
    assert person.role == "Deputy Mayor"


def test_pipeline_loaded_once():
    from counterpoint.analysis.nlp import DEFAULT_MODEL, load_nlp

    assert load_nlp() is load_nlp(None) is load_nlp(DEFAULT_MODEL)


def test_a_name_keeps_no_possessive_glued_to_it_and_surnames_skip_generational_suffixes(nlp):
    ents = find_entities(nlp("The council rejected Daniel Mensah‘s plan. Robert Alvarez Jr. chairs it. Alvarez said no."))
    assert "Daniel Mensah" in [e.name for e in ents]
    alvarez = entity(ents, "Robert Alvarez Jr.")
    assert forms(alvarez) == ["Robert Alvarez Jr.", "Alvarez"]


def test_a_titled_name_the_model_calls_an_organization_is_a_person(nlp):
    """After a title ("Chancellor"), a two-word name is a person even when the tagger labels it an organization;
    a source who is that person is a `person`, with the role."""
    import counterpoint

    doc = nlp("Chancellor Olaf Scholz said Germany would send more aid.")
    scholz = entity(find_entities(doc), "Olaf Scholz")
    assert (scholz.kind, scholz.role) == ("person", "Chancellor")
    article = counterpoint.analyze("Chancellor Olaf Scholz said Germany would send more aid.")
    assert [(a.source.text, a.source.kind) for a in article.attributions] == [("Chancellor Olaf Scholz", "person")]


def test_a_surname_named_only_with_a_title_joins_its_mentions_the_model_calls_an_organization(nlp):
    """An article that names someone by title and surname alone ("President Biden") still has one person where the
    model reads the surname as an organization elsewhere (the headline's "Biden reverses ...")."""
    text = (
        "Biden reverses Obama rule on harbour fees.\n\n"
        "President Biden on Friday revoked a rule signed by then-President Obama that raised harbour fees."
    )
    ents = find_entities(nlp(text))
    biden = entity(ents, "Biden")
    assert biden.kind == "person"
    assert forms(biden) == ["Biden", "President Biden"]


def test_a_surname_the_model_alone_calls_a_person_takes_no_other_mentions(nlp):
    """A bare surname the model calls a person is weak evidence: the same word it reads as an organization
    elsewhere stays apart (the model's one-word "persons" include companies and cities)."""
    text = "Mr. Trump talked about Carrier on the news. Carrier said the plant would close."
    ents = find_entities(nlp(text))
    assert [len(e.mentions) for e in ents if e.name == "Carrier"] == [1, 1]
    assert entity(ents, "Trump").kind == "person"


def test_a_title_before_a_name_reaches_back_past_no_conjunction_or_clause(nlp):
    """'Lopez and Governor David Chen': Chen's title is "Governor", not "Lopez and Governor"; a misparse that hangs a
    clause on the name ("Instead, the council backed ... Senator X") leaves the title to its own words too."""
    chen = entity(find_entities(nlp("Lopez and Governor David Chen opened the pier on Monday.")), "David Chen")
    assert forms(chen) == ["Governor David Chen"]


def test_an_organization_named_with_and_without_a_possessive_is_one():
    """"the Idaho Republican Party" and "Idaho’s Republican Party" are one body, in one article and across two."""
    text = "The Idaho Republican Party met on Friday. Members of Idaho’s Republican Party voted to back the plan."
    article = counterpoint.analyze(text)
    party = [e for e in article.entities if "Republican Party" in e.name]
    assert len(party) == 1 and len(party[0].mentions) == 2
    other = counterpoint.analyze("Idaho’s Republican Party backed the plan on Friday.")
    linked = [item for item in link_entities([article, other]) if "Republican Party" in item.name]
    assert len(linked) == 1 and set(linked[0].articles) == {article.id, other.id}


def test_a_name_the_model_runs_into_a_common_noun_or_cuts_before_its_figure_is_mended():
    """The named-entity model reads "Biden marijuana reversal" as a person "Biden marijuana", and "the Group of 20" as
    "Group of" and a number. A name ends in a capital word, unless a hyphen joins its last part ("Ki-moon")."""
    article = counterpoint.analyze("Jill Stein says Biden marijuana reversal could hurt him.")
    assert [m.text for e in article.entities for m in e.mentions if "Biden" in m.text] == ["Biden"]
    hyphened = counterpoint.analyze("UN chief Ban Ki-moon met Kim Jong-un in Pyongyang.")
    assert {"Ban Ki-moon", "Kim Jong-un"} <= {e.name for e in hyphened.entities}
    group = counterpoint.analyze("Ministers from the Group of 20 met in Rome on Saturday.")
    assert "Group of 20" in {e.name for e in group.entities}


def test_a_title_or_a_relation_noun_alone_in_capitals_is_no_person():
    """ "Former Harbour Agent’s Lawyer Says ...": the named-entity model makes "’s Lawyer" a person. A name does not
    start with a possessive, and one capitalized noun of a role or relation is a name only as part of a full name
    the article gives ("Rep. King" for "Rep. Steve King")."""
    text = "Former Harbour Agent’s Lawyer Says Rules Were Broken\n\nThe agency fired its harbour agent on Friday."
    assert [e for e in counterpoint.analyze(text).entities if e.kind == "person"] == []
    king = counterpoint.analyze("Rep. Steve King spoke first, and King then left the hall.")
    assert [len(e.mentions) for e in king.entities if e.name == "Steve King"] == [2]


def test_a_title_before_a_name_stops_at_an_infinitive_the_tagger_called_a_noun():
    """"votes to impeach President Tom Bradley": the tagger may call "impeach" a noun; after "to" it is a verb,
    and the title is "President"."""
    from spacy.tokens import Doc

    from counterpoint.analysis.entities import _modifier_prefix
    from counterpoint.analysis.nlp import load_nlp

    doc = Doc(
        load_nlp().vocab, words=["votes", "to", "impeach", "President", "Tom", "Bradley"],
        tags=["NNS", "TO", "NN", "NNP", "NNP", "NNP"], pos=["NOUN", "PART", "NOUN", "PROPN", "PROPN", "PROPN"],
        heads=[0, 2, 5, 5, 5, 0], deps=["ROOT", "aux", "compound", "compound", "compound", "appos"],
    )
    assert _modifier_prefix(doc[4:6]).text == "President"


def test_full_names_with_agreeing_initials_are_one_actor_across_articles():
    """"Henry T.R. Walsh", "Henry Thomas Richard Walsh" and "Henry Walsh" in three reports of one funeral are one
    actor; beside a "Henry R. Walsh" as well, "Henry Walsh" could be either and stays apart."""
    texts = (
        "Former Governor Henry T.R. Walsh died at his home in Ohio, his family said.",
        "Mourners gathered for Henry Thomas Richard Walsh in Columbus.",
        "Former Governor Henry Walsh will be buried in Dayton next week.",
    )
    articles = [counterpoint.analyze(text) for text in texts]
    walshes = [linked for linked in link_entities(articles) if "Walsh" in linked.name]
    assert [len(linked.entities) for linked in walshes] == [3]
    son = counterpoint.analyze("His son, Senator Henry R. Walsh, spoke at the service in Dayton.")
    linked = [item for item in link_entities([*articles, son], min_articles=1) if "Walsh" in item.name]
    assert sorted(len(item.entities) for item in linked) == [1, 1, 2]


def test_a_name_the_model_calls_an_organization_after_a_relation_or_trade_is_a_person(nlp):
    """ "his girlfriend Sterling Banks", "motorist Mercy Cross": a noun of a person's relation or trade before a
    two-word name makes it a person's, whatever the model says; the girlfriend who posts is a `person`."""
    import counterpoint

    ents = find_entities(nlp("His girlfriend Sterling Banks posted a video. The officer shot motorist Mercy Cross."))
    assert [(e.name, e.kind) for e in ents if e.name in {"Sterling Banks", "Mercy Cross"}] == [
        ("Sterling Banks", "person"), ("Mercy Cross", "person")
    ]
    article = counterpoint.analyze("His girlfriend Sterling Banks said the officer fired four times.")
    assert [(a.source.text, a.source.kind) for a in article.attributions] == [("Sterling Banks", "person")]


def test_an_organization_and_its_initials_are_one_actor(nlp):
    """ "The HSA" after "the Harbour Safety Authority" is that authority, in one article and across articles
    (where one writes only the initials); initials that fit two names in the article stay apart."""
    ents = find_entities(nlp("The Harbour Safety Authority closed the port on Monday. The HSA said ferries would sail on Friday."))
    assert forms(entity(ents, "Harbour Safety Authority")) == ["Harbour Safety Authority", "HSA"]
    ents = find_entities(nlp("The Federal Ferry Commission and the Federal Freight Council met on Monday. The FFC said nothing."))
    assert forms(entity(ents, "FFC")) == ["FFC"]
    full = counterpoint.analyze("The Harbour Safety Authority closed the port on Monday.")
    short = counterpoint.analyze("The HSA said ferries would sail on Friday.")
    linked = [item for item in link_entities([full, short]) if item.name == "Harbour Safety Authority"]
    assert len(linked) == 1 and set(linked[0].articles) == {full.id, short.id}


def test_a_name_the_model_found_once_is_the_same_person_where_it_misses_it():
    """The model finds "Prince Harry" in the headline (by his title) and misses it after "Great Britain's": the same
    words are the same person."""
    text = "Bradley talks ferries with Prince Harry\n\nFormer harbour chief Tom Bradley spoke about the ferries at a lunch with Great Britain's Prince Harry."
    harry = entity(counterpoint.analyze(text).entities, "Harry")
    assert forms(harry) == ["Prince Harry", "Great Britain's Prince Harry"]


@pytest.mark.parametrize(
    "text",
    [
        "First Lady Maria Lopez visited the harbour on Monday.",
        "The mayor met first lady Maria Lopez at the harbour.",
        "First Lady Maria Lopez said the pier was safe.",  # the model's person here is "Lady Maria Lopez"
    ],
)
def test_first_lady_is_a_title_not_part_of_the_name(text):
    lopez = entity(counterpoint.analyze(text).entities, "Maria Lopez")
    assert lopez.role.lower() == "first lady"


def test_an_opening_quotation_mark_ends_an_organizations_name():
    """The model ran "Harbour Safety Authority 'Firmly" together in a headline; a quoted nickname inside a
    person's name stays (Tom "Tug" Bradley)."""
    text = "The Harbour Safety Authority 'Firmly Rejects' Ferry Claims\n\nThe Harbour Safety Authority said on Friday that the ferries were safe."
    assert forms(entity(counterpoint.analyze(text).entities, "Harbour Safety Authority")) == ["Harbour Safety Authority"] * 2
    entity(counterpoint.analyze('Tom "Tug" Bradley said the ferries were safe.').entities, 'Tom "Tug" Bradley')
