"""`counterpoint compare`: the example articles end to end, hand-written conflicts and shared claims, the CLI,
the renderers, and the FNC-1 scorer's arithmetic."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PRESS_TV, WORLD_ISRAEL_NEWS

import counterpoint
from counterpoint.cli import cli
from counterpoint.comparison.align import numbers_in
from counterpoint.errors import InputError
from counterpoint.model import Article, Comparison
from counterpoint.render import render_comparison

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def examples() -> Comparison:
    return counterpoint.compare([WORLD_ISRAEL_NEWS, PRESS_TV])


def _article(comparison: Comparison, article_id: str) -> Article:
    return next(a for a in comparison.articles if a.id == article_id)


def _by_outlet(comparison: Comparison, outlet: str) -> str:
    return next(a.id for a in comparison.articles if a.outlet == outlet)


def _assert_spans_hold(comparison: Comparison) -> None:
    """Every span a finding rests on is exactly the article text at its offsets."""
    spans = [(e.article, e) for s in comparison.summary for e in s.evidence]
    spans += [(m.article, m) for g in comparison.claims.shared for m in g.members]
    spans += [(r.article, r) for refs in comparison.claims.unique.values() for r in refs]
    for conflict in comparison.claims.conflicts:
        spans += [(conflict.a.article, conflict.a), (conflict.b.article, conflict.b)]
        spans += [(conflict.a.article, conflict.a_value), (conflict.b.article, conflict.b_value)]
    for article_id, span in spans:
        if span is not None:
            assert _article(comparison, article_id).text[span.start : span.end] == span.text
    for contrast in comparison.naming:
        for article_id, labels in contrast.labels.items():
            text = _article(comparison, article_id).text
            assert all(text[label.start : label.end] == label.text for label in labels)
    for side in comparison.sourcing:
        text = _article(comparison, side.article).text
        assert all(text[s.start : s.end] == s.text for s in side.sources)


# --- the example articles -------------------------------------------------------------------------------------


def test_examples_are_the_same_storyline(examples: Comparison) -> None:
    assert len(examples.pairs) == 1
    assert examples.pairs[0].relation == "same_storyline"


def test_examples_naming_contrasts(examples: Comparison) -> None:
    by_name = {c.entity: c for c in examples.naming}
    win, ptv = _by_outlet(examples, "World Israel News"), _by_outlet(examples, "Press TV")
    for actor in ("Israel", "Hezbollah"):
        contrast = by_name[actor]
        assert set(contrast.labels) == {win, ptv}, actor
        assert contrast.contrast > 0.3, actor
        wordings = {a: {label.text.lower() for label in labels} for a, labels in contrast.labels.items()}
        assert wordings[win] != wordings[ptv], actor
    assert any("regime" in label.text or "Tel Aviv" in label.text for label in by_name["Israel"].labels[ptv])
    assert any("resistance" in label.text for label in by_name["Hezbollah"].labels[ptv])
    assert any("terror" in label.text for label in by_name["Hezbollah"].labels[win])
    assad = next(c for c in examples.naming if "Assad" in c.entity)
    # Press TV never names Assad: the contrast is World Israel News's characterization against its silence.
    assert list(assad.labels) == [win]
    assert any(label.kind != "name" for label in assad.labels[win])
    ranked = [c.contrast for c in examples.naming if len(c.labels) > 1]
    assert ranked == sorted(ranked, reverse=True)


def test_examples_sourcing_side_by_side(examples: Comparison) -> None:
    sides = {side.article: side for side in examples.sourcing}
    win, ptv = sides[_by_outlet(examples, "World Israel News")], sides[_by_outlet(examples, "Press TV")]
    assert any(s.kind == "anonymous" for s in win.sources)
    assert not any(s.kind == "anonymous" for s in ptv.sources)
    assert win.profile.anonymous_share > ptv.profile.anonymous_share
    assert any("AFP" in s.text for s in ptv.sources)
    assert any(len(chain) >= 3 for chain in win.chains)
    # "a Russian source", "The Russian source", "Independent Arabia‘s Russian source", "the source": one source,
    # reached through Independent Arabia in every chain that names it
    assert [s.text for s in win.sources if s.kind == "anonymous"] == ["a Russian source"]
    # and Putin's words reach the outlet through the Russian source; "reportedly" at the head of the sentence that
    # says so hedges its own clause, not the claim in the clause after its comma ("..., during which the source
    # claimed ...")
    russian = [chain for chain in win.chains if "a Russian source" in chain]
    assert ["World Israel News", "Independent Arabia", "a Russian source", "Vladimir Putin"] in russian
    assert len(russian) >= 2 and len(win.chains) == len({tuple(chain) for chain in win.chains})
    assert all(chain[chain.index("a Russian source") - 1] == "Independent Arabia" for chain in russian)


def test_examples_summary_cites_evidence(examples: Comparison) -> None:
    assert 3 <= len(examples.summary) <= 7
    ids = {a.id for a in examples.articles}
    for sentence in examples.summary:
        assert sentence.text.strip() and sentence.evidence
        for evidence in sentence.evidence:
            assert evidence.article in ids
            assert _article(examples, evidence.article).text[evidence.start : evidence.end] == evidence.text
    _assert_spans_hold(examples)
    cited = {e.article for s in examples.summary for e in s.evidence}
    assert cited == ids


def test_examples_claims_partition(examples: Comparison) -> None:
    """Every claim is shared, in conflict, or unique (or nested in one that is); none is in two groups."""
    seen = [(m.article, m.claim) for g in examples.claims.shared for m in g.members]
    assert len(seen) == len(set(seen))
    for group in examples.claims.shared:
        assert len({m.article for m in group.members}) == len(group.members)
        assert 0 <= group.score <= 1
    assert all(examples.claims.unique.values())


def test_comparison_id_is_a_content_hash(examples: Comparison) -> None:
    again = counterpoint.compare(examples.articles)
    assert again.id == examples.id
    changed = examples.articles[1].model_copy(update={"text": examples.articles[1].text + " More."})
    assert counterpoint.compare([examples.articles[0], changed]).id != examples.id


# --- hand-written pairs ---------------------------------------------------------------------------------------


def _compare(*texts: str) -> Comparison:
    articles = [counterpoint.analyze(text, outlet=f"Outlet {n}") for n, text in enumerate(texts, start=1)]
    return counterpoint.compare(articles)


def test_a_denied_report_is_a_conflict_not_a_shared_claim() -> None:
    """One outlet: the ministry denied reports that it had lost the files; the other: it lost them. The denied
    clause conflicts with the assertion, and the sentence that holds it is not listed as saying the same."""
    comparison = _compare(
        "The interior ministry on Monday denied reports that it had lost the voter files of three districts. "
        "A spokesman said the files were safe.",
        "The interior ministry lost the voter files of three districts, two officials said on Monday. "
        "The loss could delay the election.",
    )
    polarity = [c for c in comparison.claims.conflicts if c.kind == "polarity"]
    assert [(c.a.text, c.b.text) for c in polarity] == [
        ("that it had lost the voter files of three districts", "The interior ministry lost the voter files of three districts")
    ]
    assert not any("denied reports" in m.text for g in comparison.claims.shared for m in g.members)


def test_what_one_outlet_says_there_is_no_evidence_of_conflicts_with_its_assertion() -> None:
    comparison = _compare(
        "The ferry Santa Lucia sank off the coast of Gozo on Tuesday, port officials said. "
        "Rescue boats were sent from the harbour.",
        "There is no evidence that the ferry Santa Lucia sank off the coast of Gozo on Tuesday. "
        "Rescue boats were sent from the harbour.",
    )
    polarity = [c for c in comparison.claims.conflicts if c.kind == "polarity"]
    assert [(c.a_value.text, c.b_value.text) for c in polarity] == [("sank", "no evidence")]
    _assert_spans_hold(comparison)


def test_numeric_conflict() -> None:
    comparison = _compare(
        "At least 12 people were killed when a car bomb exploded at a busy market in Kabul on Tuesday, police said. "
        "The city's hospitals appealed for blood donors.",
        "A car bomb ripped through a crowded Kabul market on Tuesday, killing 15 people, according to police. "
        "The Taliban denied any involvement.",
    )
    numbers = [c for c in comparison.claims.conflicts if c.kind == "number"]
    assert numbers, comparison.claims
    assert {numbers[0].a_value.text, numbers[0].b_value.text} == {"12", "15"}
    _assert_spans_hold(comparison)


def test_assert_versus_deny_conflict() -> None:
    comparison = _compare(
        "Government troops shelled the village of Kafr Nabl overnight, residents said.",
        "The army denied that its troops shelled the village of Kafr Nabl.",
    )
    polarity = [c for c in comparison.claims.conflicts if c.kind == "polarity"]
    assert polarity, comparison.claims
    assert any("den" in (v.text.lower()) for c in polarity for v in (c.a_value, c.b_value) if v is not None)
    assert any("Outlet 2 denies what Outlet 1 asserts" in s.text for s in comparison.summary)
    _assert_spans_hold(comparison)


def test_shared_claim_differently_worded() -> None:
    comparison = _compare(
        "Prime Minister Jane Holloway resigned on Monday after losing a confidence vote in parliament. "
        "Farmers in the north reported a record wheat harvest.",
        "Jane Holloway stepped down as prime minister on Monday, following her defeat in a parliamentary "
        "confidence vote. Stock markets in Asia fell sharply on worries about interest rates.",
    )
    assert comparison.claims.shared, comparison.claims
    group = comparison.claims.shared[0]
    assert {"resigned" in m.text or "stepped down" in m.text for m in group.members} == {True}
    assert not group.missing
    unique = [r.text for refs in comparison.claims.unique.values() for r in refs]
    assert any("wheat" in text for text in unique) and any("Stock markets" in text for text in unique)
    assert not comparison.claims.conflicts


def test_claims_with_actors_swapped_are_not_shared() -> None:
    """Worded alike, but who does what to whom is reversed: two different claims, neither one shared."""
    comparison = _compare(
        "Indian troops fired on Pakistani soldiers along the Line of Control on Monday, killing two of them.",
        "Pakistani troops fired on Indian soldiers along the Line of Control on Monday, killing two of them.",
    )
    assert not comparison.claims.shared, comparison.claims.shared
    unique = [r.text for refs in comparison.claims.unique.values() for r in refs]
    assert any(text.startswith("Indian troops fired") for text in unique)
    assert any(text.startswith("Pakistani troops fired") for text in unique)


def test_acts_done_together_are_shared_whichever_side_is_named_first() -> None:
    """'X held talks with Y' and 'Y held talks with X' say the same: 'with' names a partner, not a target."""
    comparison = _compare(
        "Russia held talks with Israel in Moscow on Monday about the situation in Syria.",
        "Israel held talks with Russia in Moscow on Monday about the situation in Syria.",
    )
    assert len(comparison.claims.shared) == 1, comparison.claims


def test_same_actors_same_roles_are_shared() -> None:
    """The check on swapped roles leaves alone a match whose doer and target agree."""
    comparison = _compare(
        "Indian troops fired on Pakistani soldiers along the Line of Control on Monday, killing two of them.",
        "Indian forces opened fire on Pakistani troops along the Line of Control on Monday and killed two.",
    )
    assert len(comparison.claims.shared) == 1, comparison.claims


def test_unrelated_claims_do_not_match() -> None:
    comparison = _compare(
        "The city council approved a new budget for public libraries on Thursday.",
        "A powerful earthquake struck off the coast of Chile, triggering a tsunami warning.",
    )
    assert not comparison.claims.shared
    assert not comparison.claims.conflicts


def test_numbers_in_reads_digits_and_words() -> None:
    found = numbers_in("Fifteen soldiers, 1,200 civilians and 3 million dollars in 2019", offset=10)
    assert [(n.value, n.is_year) for n in found] == [(15, False), (1200, False), (3_000_000, False), (2019, True)]
    assert found[0].start == 10


def test_same_article_twice_gets_distinct_ids() -> None:
    article = counterpoint.analyze("Officials said the bridge over the river will reopen next week after repairs.")
    comparison = counterpoint.compare([article, article])
    assert len({a.id for a in comparison.articles}) == 2


def test_fewer_than_two_articles_is_an_input_error() -> None:
    article = counterpoint.analyze("Officials said the bridge over the river will reopen next week after repairs.")
    with pytest.raises(InputError, match="at least two articles"):
        counterpoint.compare([article])


# --- renderers and the command line ---------------------------------------------------------------------------

_HOSTILE = (
    "Officials in [bold]Springfield[/bold] said <script>alert(1)</script> the dam | burst on Monday, flooding "
    "**forty** homes."
)


def test_renderers_escape_article_text() -> None:
    comparison = _compare(_HOSTILE, "The Springfield dam burst on Monday and flooded forty homes, officials said.")
    markdown = render_comparison(comparison, "md")
    assert "</script>" not in markdown and "&lt;/script&gt;" in markdown
    assert "\\[bold\\]Springfield" in markdown
    text = render_comparison(comparison, "text")
    assert "[bold]Springfield" in text  # shown as written, not taken as rich markup
    again = Comparison.model_validate_json(render_comparison(comparison, "json"))
    assert again == comparison


def test_cli_compare_examples_json_and_text(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "c.json"
    result = runner.invoke(cli, ["compare", str(WORLD_ISRAEL_NEWS), str(PRESS_TV), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    comparison = Comparison.model_validate_json(out.read_text(encoding="utf-8"))
    assert len(comparison.articles) == 2 and comparison.summary
    result = runner.invoke(cli, ["compare", str(WORLD_ISRAEL_NEWS), str(PRESS_TV)])
    assert result.exit_code == 0
    assert "In short" in result.output and "Sourcing side by side" in result.output


def test_cli_compare_goes_on_past_a_bad_source(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["compare", str(WORLD_ISRAEL_NEWS), str(tmp_path / "missing.txt"), str(PRESS_TV), "-f", "md"]
    )
    assert result.exit_code == 1
    assert "no such file" in result.stderr
    assert "# Comparison of 2 articles" in result.stdout


def test_cli_compare_needs_two_articles() -> None:
    result = CliRunner().invoke(cli, ["compare", str(PRESS_TV)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "counterpoint: error: a comparison needs at least two articles; 1 could be read"
    ]


def test_cli_schema_compare() -> None:
    result = CliRunner().invoke(cli, ["schema", "compare"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Comparison" and "claims" in schema["properties"]


# --- the FNC-1 scorer -----------------------------------------------------------------------------------------


def _stance():  # noqa: ANN202
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from eval import stance

    return stance


def test_fnc_score_arithmetic() -> None:
    stance = _stance()
    gold = ["agree", "discuss", "unrelated", "disagree"]
    predicted = ["agree", "agree", "unrelated", "unrelated"]
    scores = stance.fnc_score(gold, predicted)
    # best: 1 + 1 + 0.25 + 1 = 3.25; got: agree 1, discuss->agree 0.25, unrelated 0.25, disagree->unrelated 0
    assert scores["fnc_score"] == pytest.approx(1.5 / 3.25)
    assert scores["f1_unrelated"] == pytest.approx(2 / 3)
    assert scores["f1_disagree"] == 0.0


def test_fnc_a_denial_agrees_with_a_denial() -> None:
    """A body that calls the story a hoax disagrees with a headline that reports it, and agrees with one that
    calls it a hoax too."""
    stance = _stance()
    params = stance.PARAMS
    denying_body = [(0.9, "denied"), (0.6, "asserted")]
    reporting = stance.Features(0.9, denying_body, headline_hedged=False, headline_denied=False, polarity=0.0)
    denying = stance.Features(0.9, denying_body, headline_hedged=False, headline_denied=True, polarity=0.0)
    assert stance.predict(reporting, params) == "disagree"
    assert stance.predict(denying, params) == "agree"


def test_fnc_skips_without_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stance = _stance()
    from eval.data import DataMissing

    monkeypatch.setenv("COUNTERPOINT_EVAL_DATA", str(tmp_path))
    stance._rows.cache_clear()
    stance.features.cache_clear()
    with pytest.raises(DataMissing):
        stance.score("dev")


def test_summary_leaves_out_naming_differences_without_charged_words() -> None:
    """'The software maker Microsoft' beside plain 'Microsoft' names the company differently but characterizes
    nothing: the naming table lists it, the summary does not call it a difference."""
    comparison = _compare(
        "Microsoft announced on Monday that it will cut 1,000 jobs in Ireland. "
        "The company said the cuts were needed to lower costs.",
        "The software maker Microsoft announced on Monday that it would cut 1,000 jobs in Ireland.",
    )
    microsoft = next(c for c in comparison.naming if c.entity == "Microsoft")
    assert len(microsoft.labels) == 2 and microsoft.contrast >= 0.3  # linked in both, named differently
    summary = " ".join(sentence.text for sentence in comparison.summary)
    assert "differently" not in summary and "Only" not in summary, summary


def test_reports_set_each_articles_wording_side_by_side(examples: Comparison) -> None:
    """Loaded terms per 1,000 words and the share of persuasive passages, one line per article, in every view."""
    lines = []
    for article in examples.articles:
        words = len(article.text.split())
        terms = len(article.loaded_terms)
        passages = sum(any(s.start <= p.start < s.end for p in article.persuasive_passages) for s in article.sentences)
        assert terms and passages  # both examples lean somewhere: the line has something to say
        lines.append(
            (
                f"{terms} loaded terms, {1000 * terms / words:.1f} per 1,000 words",
                f"{passages} of {len(article.sentences)} sentences persuasive passages",
            )
        )
    markdown = render_comparison(examples, "md")
    section = markdown[markdown.index("## Wording side by side") : markdown.index("## Sourcing side by side")]
    text = " ".join(render_comparison(examples, "text").split())  # lines wrap: compare words, not lines
    html = render_comparison(examples, "html")
    for rate, share in lines:
        assert rate in section and share in section
        assert rate in text and share in text
        assert rate in html and share in html
