"""What a fine-tuned encoder reaches on BABE: the bundled MiniLM, adapted by low-rank updates, as a biased-sentence
classifier, 5-fold cross-validated on the ``babe`` scorer's folds. Evaluation only (``COUNTERPOINT_BABE_FINETUNE=1``;
about 30 minutes on 2 cores, so not in CI).

It does not ship: BABE is distributed under the GNU AGPL-3.0, and weights fitted on it could count as a work
derived from it, which the MIT-licensed package cannot carry. The number says how far a shipped model of this
kind could go on data we may train on.
"""

from __future__ import annotations

import random

import numpy as np

from .train_propaganda import BATCH, LEARNING_RATE, adapted_model

__all__ = ["finetuned_macro_f1"]

EPOCHS = 3
MAX_PIECES = 128


def finetuned_macro_f1(texts: list[str], labels: np.ndarray, folds, macro_f1) -> float:  # noqa: ANN001
    """Mean macro-F1 over the given folds ((fit, held) index arrays) of a classifier fitted on each fit part."""
    import torch

    from counterpoint.analysis.word_tagger import tokenizer

    pieces = [tokenizer().encode(text).ids[:MAX_PIECES] for text in texts]

    def batch(rows):  # noqa: ANN001, ANN202
        length = max(len(pieces[i]) for i in rows)
        ids = torch.zeros((len(rows), length), dtype=torch.long)
        mask = torch.zeros((len(rows), length))
        for row, i in enumerate(rows):
            ids[row, : len(pieces[i])] = torch.tensor(pieces[i])
            mask[row, : len(pieces[i])] = 1
        return ids, mask

    scores = []
    for fit, held in folds:
        torch.manual_seed(0)
        random.seed(0)
        model = adapted_model(pooled=True)
        trainable = [p for p in model.parameters() if p.requires_grad]
        optimizer = torch.optim.AdamW(trainable, lr=LEARNING_RATE, weight_decay=0.01)
        steps = EPOCHS * ((len(fit) + BATCH - 1) // BATCH)
        warmup = max(1, int(0.06 * steps))
        schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, 1 - s / steps))  # noqa: B023
        for _ in range(EPOCHS):
            model.train()
            order = list(fit)
            random.shuffle(order)
            for first in range(0, len(order), BATCH):
                rows = order[first : first + BATCH]
                ids, mask = batch(rows)
                target = torch.tensor(labels[rows], dtype=torch.float)
                loss = torch.nn.functional.binary_cross_entropy_with_logits(model(ids, mask), target)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(trainable, 1.0)
                optimizer.step()
                schedule.step()
                optimizer.zero_grad()
        model.eval()
        guesses = []
        with torch.no_grad():
            for first in range(0, len(held), 64):
                ids, mask = batch(list(held[first : first + 64]))
                guesses.extend((torch.sigmoid(model(ids, mask)) >= 0.5).tolist())
        scores.append(macro_f1(list(labels[held]), guesses))
        print(f"babe fine-tuned fold {len(scores)}: macro-F1 {scores[-1]:.4f}", flush=True)
    return float(np.mean(scores))
