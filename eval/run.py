"""Run every scorer, print a table, optionally log it and check it against the floors.

    python -m eval.run            # print the scores
    python -m eval.run --write    # ... and append them to eval/RESULTS.md
    python -m eval.run --check    # ... and exit 1 if any score is below its floor in eval/floors.json

A scorer whose data (or gold) is missing is reported as skipped, never as a failure: a user's machine has no
``../shared/eval``. Floor keys are ``<scorer>.<metric>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import attribution, certainty, dating, entities, framing, grouping, matching, stance, times
from .data import REPO, DataMissing

__all__ = ["SCORERS", "Result", "run_all", "check", "main"]

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
FLOORS = HERE / "floors.json"

#: name -> (split it is reported on, scorer). Tune on train; report on dev.
SCORERS: dict[str, tuple[str, Callable[[str], dict[str, float]]]] = {
    "entities": ("dev", entities.score),
    "times": ("all", times.score),
    "dating": ("dev", dating.score),
    "attribution": ("dev", attribution.score),
    "weasel": ("dev", certainty.score_weasel),
    "emergent": ("dev", certainty.score_emergent),
    "ptc": ("dev", framing.score_ptc),
    "babe": ("cv5", framing.score_babe),
    "fnc": ("dev", stance.score),
    "claimmatch": ("dev", matching.score),
    "ecbplus": ("dev", grouping.score_ecbplus),
    "neus": ("dev", grouping.score_neus),
}

#: (scorer, split, scores or None, skip reason or None, seconds)
Result = tuple[str, str, dict[str, float] | None, str | None, float]

_HEADER = """# Evaluation results

Appended by `python -m eval.run --write`: one row per metric per run. `commit` is the short HEAD commit, with
`+dirty` when `src/` or `eval/` had uncommitted changes. Data: `../shared/eval` (or `$COUNTERPOINT_EVAL_DATA`).
Tune on `train`, report on `dev`; PolNeAR `test` is held out and never read. Floors (CI gate) are in
`floors.json`, set at measured values rounded down to 2 decimals.

What the scores mean:
- `entities.named_source_recall` (PolNeAR dev): of the gold Source spans shaped like proper names (every word
  capitalized, no pronoun/determiner/quantifier, "The" and possessive dropped, one-word sentence-initial
  sources only if the article capitalizes the word mid-sentence too; see `eval/entities.py`), the share that
  overlaps a mention of one of our entities. `named_sources`, `named_sources_covered` are the counts.
- `entities.person_linking` (PolNeAR dev): of those named sources that are one word (after a courtesy title
  like "Mr.") and overlap one of our person entities, the share whose entity's canonical name has 2+ words
  including that word ("Trump" -> "Donald Trump"). Counts: `single_word_on_person`, `single_word_linked`.
  `person_linking_when_possible` divides instead by `single_word_linkable`: the cases where the article has
  some person entity with such a full name (an article that never gives the full name cannot link).
- `attribution.*` (PolNeAR dev): source / cue / content span P/R/F1 (exact after trimming edge punctuation, and
  overlap), and `attribution_f1`: a match needs content character-Jaccard >= 0.5 and, when the gold has a
  source, overlapping sources. Only our outermost attributions are scored (PolNeAR never nests).
  `tagger_attribution_*` = the same with `--tagger` (the rules plus the reports the attribution tagger adds).
  Human agreement under the same match (from 2026-12-04): `human_attribution_f1` = every annotation of the 18
  core articles PolNeAR had annotated 5-6 times (train and dev) read against every other of the same article,
  one as gold, all ordered pairs pooled; `untuned_*` = the 6 articles annotated several times that nothing here was fitted or
  tuned on (dev's 2, the 4 annotator-training ones): annotators against each other (`untuned_human_*`), and our
  analysis as shipped / with `--tagger` against each annotator. See `eval/attribution.py`.
- `weasel.*` (CoNLL-2010 Wikipedia weasel subset; `dev` = odd rows, `train` = even rows): a sentence is hedged
  when one of our claims in it is `hedged`; F1 of the uncertain class.
- `emergent.*` (Emergent test file as `dev`): headline stance for / against / observing from our certainty
  alone (reported or hedged -> observing, denied or added negation -> against, else for).
- `ptc.*` (SemEval-2020 Task 11 PTC): `si_*` = the task's span-identification P/R/F1 (partial credit for
  overlap) of our `loaded_terms` on `dev` against the dev template's gold spans (all 14 techniques);
  `loaded_language_*` / `name_calling_*` = the same metric per technique on the train articles held apart (id
  divisible by 5; the tagger is fitted on the rest), categories `label` vs Name_Calling,Labeling, the others vs
  Loaded_Language. `lexicon_*` = the same with the shipped lexicon alone (no learned tagger). `tagger_si_*` = SI
  with the propaganda tagger on (`--tagger`: loaded terms and its spans), `tagger_spans_si_*` its spans alone,
  `heldout_tagger_*` the same on the held-apart train slice. See `eval/framing.py`.
- `babe.*` (BABE SG2 expert labels, `cv5` = 5-fold stratified CV, seed 0): `lexicon_macro_f1` / `shipped_macro_f1`
  = a sentence is biased when it has any loaded term (lexicon alone / as shipped, with the tagger);
  `learned_macro_f1` = logistic regression over TF-IDF words/bigrams + loaded-term counts (evaluation only, not
  shipped; `COUNTERPOINT_BABE_EMBED=1` adds `embedding_macro_f1`, MiniLM embeddings + counts, too slow for CI;
  `COUNTERPOINT_BABE_FINETUNE=1` adds `finetuned_macro_f1`, the bundled MiniLM adapted as a classifier on each
  fold, evaluation only since BABE is AGPL-3.0, see `eval/babe_finetune.py`); `tagger_macro_f1` = a sentence is
  biased when the PTC-trained propaganda tagger (`--tagger`) finds a span in it;
  `word_*` / `lexicon_word_*` = words of our loaded terms vs the words annotators marked biased.
- `times`: not scored; no data set here has time gold (the ECB+ copy lacks its TIME markables).
- `dating.*` (PolNeAR, publication dates from its metadata; each article read as if undated): `estimated` =
  share given a date estimate from the text's own dates; `covered` = share of those estimates whose range holds
  the real date; `median_width_days`, `median_miss_days` (distance to the real date when missed). A weak
  signal: political news cites past years, so the output shows it as "the latest date the text mentions",
  not as a range. See `eval/dating.py`.
- `fnc.*` (FNC-1 competition test set, the only labelled part here; `train` = even body ids, tuned there with
  `python -m eval.stance --tune`; `dev` = odd body ids, reported): headline/body stance (agree, disagree,
  discuss, unrelated) derived from `compare`'s claim alignment and structural conflicts (see `eval/stance.py`).
  A fixed sample: the first `bodies` (80, or `$COUNTERPOINT_FNC_BODIES`, `all` for the whole split) by a hash
  of the body id, with all their `pairs`. `fnc_score` is the FNC score relative to the best possible (best
  competition system 0.8202); `macro_f1` over the four classes, `f1_<class>`, `accuracy`.
- `claimmatch.*` (Emergent; `dev` = its test file): the embedding gate of claim alignment (`align.MIN_COSINE`,
  chosen on train with `python -m eval.matching --sweep`): `recall` = share of headlines whose cosine with their
  own claim passes it; `precision` counts as false each headline whose nearest other claim passes it. Emergent's
  other claims are other rumours: precision between two reports of one storyline is lower. See `eval/matching.py`.
- `ecbplus.*` (ECB+ documents; `train` = odd topics, `dev` = even topics): group the split's documents; our
  stories against the gold seminal events (two look-alike events per topic): `b3_precision/recall/f1` (B-cubed),
  `ari`; `event_b3_f1` = our events inside stories against the same gold. Thresholds chosen on `train`.
- `neus.*` (NeuS/AllSides triplets; `train` = first 300 lines of train.source, `dev` = val.source): pool the
  left/center/right pieces and group them; our events against the gold stories (line): `b3_*`, `ari`;
  `story_b3_f1` = our stories. `clusters` / `gold_clusters` / `documents` are counts. See `eval/grouping.py`.

| date | commit | scorer | split | metric | value |
|---|---|---|---|---|---|
"""


def run_all(names: list[str] | None = None) -> list[Result]:
    """Run the named scorers (all by default); missing data becomes a skip with its reason."""
    results: list[Result] = []
    for name, (split, scorer) in SCORERS.items():
        if names and name not in names:
            continue
        started = time.perf_counter()
        try:
            scores, reason = scorer(split), None
        except DataMissing as missing:
            scores, reason = None, str(missing)
        results.append((name, split, scores, reason, time.perf_counter() - started))
    return results


def _format(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.4f}"


def print_table(results: list[Result]) -> None:
    rows = [("scorer", "split", "metric", "value")]
    for name, split, scores, reason, seconds in results:
        if scores is None:
            print(f"skip {name}: {reason}")
            continue
        rows += [(name, split, metric, _format(value)) for metric, value in scores.items()]
        rows.append((name, split, "(seconds)", f"{seconds:.1f}"))
    if len(rows) == 1:
        return
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for i, row in enumerate(rows):
        cells = (
            cell.rjust(w) if j == 3 else cell.ljust(w) for j, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        print("  ".join(cells))
        if i == 0:
            print("  ".join("-" * w for w in widths))


def commit() -> str:
    """Short HEAD commit, '+dirty' if src/ or eval/ differ from it; 'none' outside git or before any commit."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "none"
    return head + ("+dirty" if git("status", "--porcelain", "--", "src", "eval") else "")


def write(results: list[Result], path: Path = RESULTS) -> None:
    """Append one row per metric (skips included, so a missing scorer is visible in the log)."""
    if not path.exists():
        path.write_text(_HEADER, encoding="utf-8")
    today, head = dt.date.today().isoformat(), commit()
    lines = []
    for name, split, scores, reason, _ in results:
        if scores is None:
            lines.append(f"| {today} | {head} | {name} | {split} | skipped | {reason} |")
            continue
        lines += [f"| {today} | {head} | {name} | {split} | {m} | {_format(v)} |" for m, v in scores.items()]
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def load_floors(path: Path = FLOORS) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def check(results: list[Result], floors: dict[str, float]) -> list[str]:
    """Failures: every floor whose scorer ran and scored below it (or lost the metric). Skips are not failures."""
    ran = {name: scores for name, _, scores, _, _ in results}
    failures = []
    for key, floor in sorted(floors.items()):
        name, _, metric = key.partition(".")
        if name not in SCORERS:
            failures.append(f"{key}: no scorer named {name!r}")
            continue
        scores = ran.get(name)
        if scores is None:
            continue
        value = scores.get(metric)
        if value is None:
            failures.append(f"{key}: the scorer no longer reports {metric!r}")
        elif value < floor:
            failures.append(f"{key}: {value:.4f} is below its floor {floor:.2f}")
    return failures


def floor_of(value: float) -> float:
    """A measured value rounded down to 2 decimals (with a tolerance for float noise: 0.29 stays 0.29)."""
    return math.floor(round(value * 100, 6)) / 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.run", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="append the scores to eval/RESULTS.md")
    parser.add_argument("--check", action="store_true", help="exit 1 if any score is below eval/floors.json")
    parser.add_argument("--only", nargs="*", metavar="SCORER", choices=sorted(SCORERS), help="run only these")
    args = parser.parse_args(argv)
    results = run_all(args.only)
    print_table(results)
    if args.write:
        write(results)
        print(f"appended to {RESULTS.relative_to(REPO)}")
    if args.check:
        failures = check(results, load_floors())
        for failure in failures:
            print(f"FLOOR {failure}", file=sys.stderr)
        if failures:
            return 1
        scored = {name for name, _, scores, _, _ in results if scores is not None}
        checked = [key for key in load_floors() if key.partition(".")[0] in scored]
        if checked:
            print(f"{len(checked)} floors checked, all met ({FLOORS.relative_to(REPO)})")
        else:
            print("no floor checked: every scorer with a floor was skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
