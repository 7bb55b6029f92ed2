"""Title-case headlines parsed as sentence case, with every span still on the text as written."""

from __future__ import annotations

import counterpoint
from counterpoint.analysis.casing import title_lines


def test_title_case_lines_are_told_from_sentences_full_of_names():
    text = "Fishermen On The Coast Think New Harbour Wall Will Fail\nNetanyahu met Putin in Moscow on Monday."
    assert title_lines(text) == [(0, text.index("\n"))]


def test_a_title_case_headline_attributes_and_hedges_like_a_sentence():
    text = "Fishermen On The Coast Think New Harbour Wall Will Fail"
    article = counterpoint.analyze(text, keep_text=True)
    attribution = article.attributions[0]
    assert (attribution.source.text, attribution.cue.text) == ("Fishermen On The Coast", "Think")
    assert attribution.content.text == "New Harbour Wall Will Fail"  # the words as written
    assert [(c.text, c.certainty) for c in article.claims] == [("New Harbour Wall Will Fail", "hedged")]


def test_the_body_decides_which_headline_words_are_names():
    text = (
        "Port Authority Plans To Sell Old Ferry Terminal\n\n"
        "The port authority plans to sell the old ferry terminal, its director said on Monday."
    )
    article = counterpoint.analyze(text, keep_text=True)
    assert [e.name for e in article.entities] == []  # no "Ferry Terminal" person from the capitals
    assert article.claims[0].text == "Port Authority Plans To Sell Old Ferry Terminal"


def test_may_before_a_verb_in_a_headline_is_the_modal_and_after_in_the_month():
    modal = counterpoint.analyze("Radio Logs From Dayton May Explain Bridge Collapse", keep_text=True)
    assert [(c.certainty, [h.text for h in c.hedges]) for c in modal.claims] == [("hedged", ["May"])]
    for month in ("Port Will Reopen In May After Repairs", "May Day Rally Draws Thousands In Central Square"):
        assert [c.certainty for c in counterpoint.analyze(month, keep_text=True).claims] == ["asserted"]


def test_a_headline_with_a_name_styled_in_lower_case_is_still_title_case():
    """"iPhone", "eBay": a name written as its owner writes it counts as capitalized, so "May" is still read."""
    text = "Resetting eBay Preferences May Wipe iCloud Files"
    assert title_lines(text) == [(0, len(text))]
    claim = counterpoint.analyze(text, keep_text=True).claims[0]
    assert (claim.certainty, [h.text for h in claim.hedges]) == ("hedged", ["May"])


def test_a_headline_word_the_body_writes_in_lower_case_in_another_form_is_no_name():
    """ "Shootings" in the headline, "a shooting" in the body: an inflection of a word the article writes in lower
    case is a common word, which the named-entity model took for a person or an organization in capitals."""
    for text in (
        "Students Stage Walkout To Protest Shootings.\n\nPupils left class on Wednesday after a shooting at a school.",
        "Nurses Strike Over Pay Cuts And Shortages.\n\nNurses walked out over a pay cut and a staff shortage, the union said.",
    ):
        assert counterpoint.analyze(text).entities == []


def test_an_irregular_past_in_a_headline_is_a_verb_not_part_of_a_name():
    """ "Merkel Hid Spy Report": "Hid" leads back to "hide" by no suffix, so it stayed capitalized and the
    named-entity model made "Merkel Hid" a person."""
    text = "Merkel Hid Spy Report From Parliament\n\nThe report was kept from lawmakers for a year."
    assert all("Hid" not in e.name for e in counterpoint.analyze(text).entities)


def test_an_ordinal_written_in_figures_does_not_hide_a_title_case_headline():
    """"2nd", "1990s": the letters after the figures are no lower-case word of the line."""
    text = (
        "2nd Circuit Upholds Ruling On Mayor Lopez’s Harbour Fee Plan\n\n"
        "The 2nd Circuit Court of Appeals upheld a ruling against Mayor Ana Lopez’s harbour fee plan on Monday."
    )
    assert title_lines(text) == [(0, text.index("\n"))]
    names = [e.name for e in counterpoint.analyze(text, keep_text=True).entities]
    assert not any("Upholds" in name or "Plan" in name for name in names), names  # the headline read as one name


def test_a_surname_that_is_a_verb_is_parsed_as_a_name_where_it_stands_alone():
    """The pipeline reads "Trump denies ..." as a compound noun with no subject; the article calls him "President
    Trump", so the lone "Trump" is parsed under a same-length stand-in, and every span is on the text as written."""
    from counterpoint.analysis.casing import sentence_cased
    from counterpoint.analysis.nlp import load_nlp

    text = "President Trump spoke in Ohio on Monday. Trump denies he asked the board to drop the probe."
    cased = sentence_cased(load_nlp(), text)
    assert len(cased) == len(text) and cased.count("Trump") == 1  # "President Trump" keeps its word
    article = counterpoint.analyze(text, keep_text=True)
    denial = next(a for a in article.attributions if a.cue.text == "denies")
    assert (denial.source.text, denial.source.kind) == ("Trump", "person")
    assert article.text == text and [e.name for e in article.entities if e.kind == "person"] == ["Trump"]
