"""Train the shipped content-end model (``src/counterpoint/resources/content_end_model.tsv``) on PolNeAR train.

    python -m eval.train_content_end            # fit, write the weights
    python -m eval.train_content_end --check    # only report the held-apart scores, write nothing

For every draft attribution whose content end the model chooses (``attribution.end_is_chosen``) and whose cue
overlaps a gold cue, each candidate end (``content_end.end_candidates``) is labelled by whether it is the gold
content's end (after trimming edge punctuation, as the scorer trims). A logistic regression over the candidates'
features learns to score them; in use the best-scored candidate wins. Data: PolNeAR train only. The
regularization is chosen by attribution F1 (the ``attribution`` scorer's definition) on the held-apart fifth of
train (CRC-32 of the name divisible by 5) with the model fitted on the rest, then it is refitted on all of train.
Dev is never read here. The file holds weights over tags, dependency labels and function words, no text of the
data set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from unittest import mock

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from counterpoint.analysis import attribution, content_end  # noqa: E402
from eval.attribution import _trim  # noqa: E402
from eval.data import read_polnear  # noqa: E402
from eval.train_attribution import MIN_COUNT, _held_apart, _prepared, attribution_prf, fit_weights  # noqa: E402

__all__ = ["main"]

REGULARIZATION = (0.1, 0.3, 1.0, 3.0)


def _candidates(prepared):  # noqa: ANN001, ANN202
    """(features, label, article index, draft index) of every candidate end of every choosable draft."""
    features, labels, owners, groups = [], [], [], []
    group = 0
    for index, (doc, parsed, _) in enumerate(prepared):
        quotes = attribution._quoted_ranges(doc.text)
        for draft in attribution.unique_drafts(parsed, doc.text, quotes):
            if not attribution.end_is_chosen(parsed, draft, doc.text):
                continue
            cue = parsed[draft.cue[0] : draft.cue[1]]
            gold = [
                a
                for a in doc.attributions
                if a.contents and any(c.overlap(cue.start_char, cue.end_char) for c in a.cues)
            ]
            if not gold:
                continue
            gold_end = max(f[1] for span in gold[0].contents for f in span.fragments)
            gold_start = min(f[0] for span in gold[0].contents for f in span.fragments)
            target = _trim(doc.text, gold_start, gold_end)[1]
            candidates = content_end.end_candidates(parsed, draft.content, draft.content_type, draft.bound)
            if not any(_trim(doc.text, draft.content[0], end)[1] == target for end, _ in candidates):
                continue  # the gold end is not among the candidates: nothing to learn from
            for end, found in candidates:
                features.append(found)
                labels.append(_trim(doc.text, draft.content[0], end)[1] == target)
                owners.append(index)
                groups.append(group)
            group += 1
    return features, np.array(labels), np.array(owners), np.array(groups)


def _attribution_f1(prepared, weights: dict[str, float] | None) -> tuple[float, float, float]:  # noqa: ANN001
    with mock.patch.object(content_end, "end_model", lambda: weights):
        return attribution_prf(prepared)


def _write(weights: dict[str, float], regularization: float) -> None:
    lines = [
        "# Content-end model (logistic regression over a candidate end's features), trained by",
        "# eval/train_content_end.py on PolNeAR train. Weights only: feature values are tags, dependency labels and",
        f"# function words seen at least {MIN_COUNT} times among the candidates there (no sentence of the data set).",
        f"# Columns (tab-separated): feature | weight. The best-scored candidate end wins; C = {regularization}.",
    ]
    lines += [f"{name}\t{weight:.5f}" for name, weight in sorted(weights.items()) if abs(weight) >= 1e-4]
    content_end.MODEL_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report held-apart scores only; write nothing")
    args = parser.parse_args(argv)
    prepared = _prepared(read_polnear("train"))
    with mock.patch.object(content_end, "end_model", lambda: None):
        features, labels, owners, groups = _candidates(prepared)
    held = np.array([_held_apart(doc) for doc, _, _ in prepared])
    fit_rows = np.flatnonzero(~held[owners])
    held_docs = [p for p, h in zip(prepared, held, strict=True) if h]
    print(f"candidates {len(features)} for {len(set(groups.tolist()))} contents; held-apart articles {len(held_docs)}")
    p, r, f = _attribution_f1(held_docs, None)
    print(f"parse ends only: held-apart attribution P {p:.4f} R {r:.4f} F1 {f:.4f}")
    best = (f, None)
    for regularization in REGULARIZATION:
        weights = fit_weights([features[i] for i in fit_rows], labels[fit_rows], regularization)
        p, r, f = _attribution_f1(held_docs, weights)
        print(f"C={regularization}: held-apart attribution P {p:.4f} R {r:.4f} F1 {f:.4f}")
        best = max(best, (f, regularization), key=lambda pair: pair[0])
    f, regularization = best
    print(f"chosen: C={regularization} (held-apart F1 {f:.4f})")
    if regularization is None:
        if not args.check:
            content_end.MODEL_PATH.unlink(missing_ok=True)
        print("the parse's ends win: no model ships")
    elif not args.check:
        _write(fit_weights(features, labels, regularization), regularization)
        print(f"wrote {content_end.MODEL_PATH.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
