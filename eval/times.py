"""Time-expression scorer: not scored yet, because no data set in ``../shared/eval`` carries time gold.

ECB+ annotates time mentions (2,412 TIME_* markables, no normalized values) in its official XML release
(``ECB+.zip``), but the shared copy holds only the JSON text conversion (title and text per document, no
markables) plus the coreference-sentence list; ``ECB+_LREC2014/README.txt`` describes the annotation that is
missing. None of the other folders (PolNeAR, PTC, BABE/MBIC, NEUS, FNC-1, Emergent, CoNLL-2010) marks times.
So :func:`score` checks that this is still so and raises :class:`NoGold`, which the runner reports as a skip.
If the XML is ever added (``*.xml`` files under ``ecbplus/``), the check says so instead of staying silent.
"""

from __future__ import annotations

from .data import NoGold, dataset

__all__ = ["score"]


def score(split: str = "all") -> dict[str, float]:
    """Would score ``article.times`` span recall/precision against ECB+ TIME markables; skips without them."""
    root = dataset("ecbplus")
    marked = [path for path in root.rglob("*.xml") if "TIME_" in path.read_text(encoding="utf-8", errors="replace")]
    if marked:
        raise NoGold(
            f"{len(marked)} ECB+ XML files with TIME markables found under {root}, "
            "but no reader for them exists yet (write one in eval/data.py)"
        )
    raise NoGold(
        "no time gold available (the ECB+ copy is the JSON text conversion without its TIME_DATE "
        "markables; ECB+.zip is not stored), not scored"
    )
