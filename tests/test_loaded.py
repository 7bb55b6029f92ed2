"""Loaded terms: each category on hand-written sentences, targets through labels, and no false alarms on plain
wording or on ordinary quotations."""

from __future__ import annotations

from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

import counterpoint
from counterpoint.analysis.loaded import lexicon


def terms(text: str, category: str | None = None) -> list[str]:
    article = counterpoint.analyze(text)
    for term in article.loaded_terms:
        assert article.text[term.start : term.end] == term.text
    return [t.text for t in article.loaded_terms if category is None or t.category == category]


def test_label_loaded_euphemism_and_intensifier():
    text = (
        "The thugs looted the shops. It was a brutal crackdown. The strike caused collateral damage. "
        "The so-called experts were utterly wrong."
    )
    assert terms(text, "label") == ["thugs"]
    assert {"brutal", "crackdown"} <= set(terms(text, "loaded"))
    assert terms(text, "euphemism") == ["collateral damage"]
    assert terms(text, "intensifier") == ["so-called", "utterly"]


def test_inflected_forms_match_by_lemma():
    assert "slaughtering" in terms("Troops were slaughtering villagers, witnesses said.", "loaded")


def test_scare_quotes_but_not_quotations():
    assert terms("The government called the operation a “liberation” of the city.", "scare_quotes") == [
        "“liberation”"
    ]
    assert terms('He said: "We will win this war." Then he left.', "scare_quotes") == []


def test_plain_wording_has_no_loaded_terms():
    assert terms("The President met the Minister of Finance on Tuesday to discuss the budget.") == []


def test_words_inside_names_are_not_loaded():
    assert terms("The Great Barrier Reef drew visitors from Brazil.") == []


def test_target_is_the_entity_described():
    article = counterpoint.analyze("Kim Jong Un is a ruthless tyrant, the senator said.")
    kim = next(e for e in article.entities if e.name == "Kim Jong Un")
    aimed = {t.text: t.target for t in article.loaded_terms}
    assert aimed == {"ruthless": kim.id, "tyrant": kim.id}


def test_example_articles():
    article = counterpoint.analyze(WORLD_ISRAEL_NEWS)
    by_text = {t.text: t for t in article.loaded_terms}
    assad = next(e for e in article.entities if e.name == "Bashar Assad")
    assert by_text["brutal"].category == "loaded" and by_text["brutal"].target == assad.id
    assert by_text["dictator"].category == "label" and by_text["dictator"].target == assad.id
    assert "“raid”" in by_text and by_text["“raid”"].category == "scare_quotes"
    press = counterpoint.analyze(PRESS_TV)
    israel = next(e for e in press.entities if e.name == "Israel")
    regime = [t for t in press.loaded_terms if t.text == "regime"]
    assert regime and all(t.target == israel.id for t in regime)
    assert "“airspace”" in [t.text for t in press.loaded_terms if t.category == "scare_quotes"]


def test_lexicon_entries_are_well_formed():
    entries = lexicon()
    assert len(entries) > 300
    assert all(-1.0 <= e.polarity <= 1.0 for e in entries.values())
    assert entries["brutal"].category == "loaded" and entries["brutal"].polarity < 0


def test_learned_tagger_ships_small_and_marks_its_findings():
    from counterpoint.analysis.loaded import MODEL_PATH, tagger

    assert MODEL_PATH.stat().st_size < 2_000_000
    weights = tagger()
    assert weights is not None and set(weights) == {"loaded", "label"}
    article = counterpoint.analyze(WORLD_ISRAEL_NEWS)
    found = {t.found_by for t in article.loaded_terms}
    assert {"lexicon", "quotation"} <= found
    for term in article.loaded_terms:
        assert (term.confidence is not None) == (term.found_by == "tagger")
        if term.confidence is not None:
            assert 0.0 <= term.confidence <= 1.0


def test_lexicon_only_mode_drops_only_tagger_findings(nlp):
    from counterpoint.analysis.loaded import find_loaded_terms
    from counterpoint.analysis.pipeline import annotate
    from counterpoint.model import Article

    text = PRESS_TV.read_text(encoding="utf-8")
    article = annotate(nlp(text), Article(id="p", text=text))
    plain = find_loaded_terms(nlp(text), article, use_tagger=False)
    assert {t.found_by for t in plain} <= {"lexicon", "quotation"}
    shipped = {(t.start, t.end) for t in article.loaded_terms if t.found_by != "tagger"}
    assert shipped <= {(t.start, t.end) for t in plain}


def test_neutral_entries_colour_descriptors_but_are_not_loaded_terms(nlp):
    from counterpoint.analysis.loaded import find_loaded_terms, polarity_of
    from counterpoint.model import Article

    text = "Officials discussed the threat of illegal fishing with an ally."
    doc = nlp(text)
    assert find_loaded_terms(doc, Article(id="n", text=text), use_tagger=False) == []
    assert polarity_of(doc[3]) < 0 and polarity_of(doc[-2]) > 0  # "threat", "ally"


def test_a_quoted_clause_of_reported_speech_is_not_scare_quotes() -> None:
    """'said he "has not seen the figures"' quotes someone's words; 'a "raid"' holds a word at arm's length."""
    speech = counterpoint.analyze('The mayor said he "has not seen the figures" of the audit on Friday.')
    assert not [t for t in speech.loaded_terms if t.category == "scare_quotes"]
    held = counterpoint.analyze('Russia also stopped a "raid" on a "sensitive Syrian facility" in Latakia.')
    assert [t.text for t in held.loaded_terms if t.category == "scare_quotes"] == ['"raid"', '"sensitive Syrian facility"']


def test_texts_shorter_than_the_taggers_window_are_analyzed():
    """The tagger looks three words either side of a lexicon match; a text of fewer words still works."""
    assert terms("Brutal thugs.") == ["Brutal", "thugs"] and terms("Thugs, again.") == ["Thugs"]
    assert terms("Hi there.") == []


def test_a_tagger_run_of_function_words_alone_is_no_loaded_term() -> None:
    """The learned tagger scores each word; a run it marks that holds only words like "it" or "that" says nothing
    loaded and is dropped, while an intensifier ("very") and a content word stay."""
    import numpy as np

    from counterpoint.analysis.loaded import decode_runs
    from counterpoint.analysis.nlp import load_nlp

    doc = load_nlp()("It was clear that the plan was very cruel.")
    words = [t.text for t in doc]
    marked = np.zeros(len(doc))
    for word in ("It", "that", "very", "cruel"):
        marked[words.index(word)] = 1.0
    runs = [doc[s:e].text for s, e in decode_runs(doc, marked, 0.5)]
    assert runs == ["very cruel"]


def test_a_name_alone_is_no_loaded_term() -> None:
    """Naming an actor ("Hezbollah", "Russian") is no word choice to flag, whatever the learned tagger scores from
    the words around it; the example article's tagger had marked both."""
    for path in (WORLD_ISRAEL_NEWS, PRESS_TV):
        article = counterpoint.analyze(path)
        names = {m.text for e in article.entities for m in e.mentions}
        assert "Hezbollah" in names
        assert [t.text for t in article.loaded_terms if t.text in names] == []


def test_the_offence_named_in_a_charge_is_no_label():
    """'charged with fraud', 'fraud charges', 'convicted of terrorism' name what the law alleges, reported as
    alleged: not the writer calling anyone names. The same words applied to someone still are labels."""
    for text in (
        "The adviser was arrested and charged with fraud on Thursday.",
        "The adviser was indicted on fraud charges.",
        "The cleric faces charges of terrorism.",
        "The cleric was convicted of terrorism in 2019.",
    ):
        assert terms(text, "label") == [], text
    assert terms("The senator is a fraud, his rivals said.", "label") == ["fraud"]
    assert terms("The terrorists attacked the town at dawn.", "label") == ["terrorists"]


def test_people_named_by_who_they_are_are_not_called_names():
    """The learned tagger marked "Black folks" as name calling (it learned labels of groups); a span made only of
    words for who people are (``identity_words.txt``) is not reported. A label on such a group still is."""
    assert terms("It is fair to say that the storm got on Black folks’ nerves.") == []
    assert "thugs" in terms("The thugs attacked Black folks in the street.", "label")


def test_the_tagger_marks_no_function_word_or_single_letter_alone():
    """The tagger may mark the "a" of "Mar-a-Lago" as a label; a span of only function words and letters calls
    no one anything."""
    article = counterpoint.analyze("He left for Mar-a-Lago, his club in Palm Beach, after the speech.")
    assert [t.text for t in article.loaded_terms] == []


def test_a_tagger_run_that_cuts_a_hyphenated_word_takes_the_whole_word() -> None:
    """The tagger may mark "get" of "get-tough" or "alt" of "alt-right"; the term is the whole word."""
    import numpy as np

    from counterpoint.analysis.loaded import decode_runs
    from counterpoint.analysis.nlp import load_nlp

    doc = load_nlp()("The mayor backed a get-tough policy.")
    marked = np.zeros(len(doc))
    marked[[t.text for t in doc].index("get")] = 1.0
    assert [doc[s:e].text for s, e in decode_runs(doc, marked, 0.5)] == ["get-tough"]


def test_initials_are_no_loaded_wording():
    """The tagger may mark a senator's party and state tag ("R-AZ") as a label; initials are no word choice."""
    article = counterpoint.analyze(
        "Sen. Tom Bradley (R-AZ) passed away on Saturday after a long illness, his office said.", keep_text=True
    )
    assert [t.text for t in article.loaded_terms] == ["passed away"]


def test_tagger_weights_looked_up_on_sorted_keys_are_each_tokens_own(nlp):
    """``_SortedKeys`` sorts each table's column for the binary search and scatters the weights back: every
    token must get the weights of its own keys, as a plain look-up per token gives them."""
    import numpy as np

    from counterpoint.analysis.loaded import TABLES, _lexicon_matches, _SortedKeys, dense_features, tagger, token_keys

    doc = nlp(PRESS_TV.read_text(encoding="utf-8"))
    keys, dense = token_keys(doc), dense_features(doc, _lexicon_matches(doc))
    for model in tagger().values():
        tables = [dict(zip(k.tolist(), v.tolist(), strict=True)) for k, v in zip(model.keys, model.values, strict=True)]
        score = np.full(len(doc), model.bias) + dense @ model.dense
        for table in range(len(TABLES)):
            score += np.array([tables[table].get(key, 0.0) for key in keys[:, table].tolist()])
        assert np.allclose(model.probability(_SortedKeys.of(keys), dense), 1.0 / (1.0 + np.exp(-score)), atol=1e-12)
        assert (model.probability(_SortedKeys.of(keys), dense) >= model.threshold).any()
