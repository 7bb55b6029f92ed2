"""Speed of `group` on many articles, against bare spaCy parsing of the same texts in the same process.

    python benchmarks/group.py [--write] [--n 1000] [--processes 1]

Texts: the ECB+ documents (982, sorted by folder and name), then NeuS val pieces until N, read from
../shared/eval at run time (skips when absent). One process, one loaded pipeline: a warm-up, then the baseline
(bare ``nlp.pipe`` with every component: what analyzing the articles would cost at the least) and ours
(``group_articles``: the quick analysis, features, TF-IDF and clustering), baseline first. The goal is 1,000
articles grouped in <= 60 s on 2 cores. ``processes`` > 1 parses with spaCy's multiprocessing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # eval/ (the data readers) is a top-level package beside src/
    sys.path.insert(0, str(REPO))

from _results import RESULTS, append_row  # noqa: E402  (benchmarks/ is the script folder)

from eval.data import DataMissing  # noqa: E402
from eval.grouping import labelled  # noqa: E402
from eval.run import commit  # noqa: E402

GOAL_SECONDS = 60.0

_HEADER = """
## Grouping: `group` on 1,000 articles

Appended by `python benchmarks/group.py --write`. Texts: the 982 ECB+ documents then NeuS val pieces up to N
(from `../shared/eval`, never copied here). One process: a warm-up, then `bare` = `nlp.pipe` with the whole
pipeline over the same texts (the least that analyzing them would cost) and `ours` = `group_articles` end to end
(NER-only quick analysis, entity and time stages, features, TF-IDF, local scaling, clustering). `ratio` = bare
seconds / ours seconds (how many times faster grouping is than parsing alone). `chars read` = how much of
each text the quick analysis reads for names and times (`GroupParams.read_chars`). Goal: 1,000 articles in
<= 60 s on 2 cores. `load` = the 1-minute load average at start (the machine is shared).

| date | commit | N | words | chars read | processes | cores | load | bare s | ours s | ratio | stories | events | peak RSS MB |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
"""


def _texts(n: int) -> list[tuple[str, str | None]]:
    pieces = [(a.text, a.title) for a in labelled("ecbplus", "train").articles + labelled("ecbplus", "dev").articles]
    if len(pieces) < n:
        pieces += [(a.text, a.title) for a in labelled("neus", "dev").articles[: n - len(pieces)]]
    return pieces[:n]


def measure(n: int = 1000, processes: int = 1) -> dict[str, object]:
    """Run the benchmark; raises DataMissing when the data is not on this machine."""
    from counterpoint.analysis.nlp import load_nlp
    from counterpoint.comparison.group import DEFAULT, group_articles
    from counterpoint.model import Article

    load = os.getloadavg()[0]
    pieces = _texts(n)
    texts = [text for text, _ in pieces]
    words = sum(len(text.split()) for text in texts)
    nlp = load_nlp(None)
    for _ in nlp.pipe(texts[:10]):  # warm-up
        pass
    group_articles([Article(id=f"w{i}", text=t) for i, t in enumerate(texts[:10])])

    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=processes):
        pass
    bare = time.perf_counter() - started

    articles = [Article(id=f"a{i}", text=text, title=title) for i, (text, title) in enumerate(pieces)]
    started = time.perf_counter()
    grouping = group_articles(articles, n_process=processes)
    ours = time.perf_counter() - started
    return {
        "n": len(texts),
        "words": words,
        "processes": processes,
        "chars": DEFAULT.read_chars or "all",
        "cores": os.cpu_count(),
        "load": load,
        "bare": bare,
        "ours": ours,
        "ratio": bare / ours,
        "stories": len(grouping.stories),
        "events": sum(len(s.events) for s in grouping.stories),
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/group.py", description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--write", action="store_true", help="append the result to benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    try:
        r = measure(args.n, args.processes)
    except DataMissing as missing:
        print(f"skip: {missing}")
        return 0
    verdict = "meets" if r["ours"] <= GOAL_SECONDS * r["n"] / 1000 else "misses"
    print(
        f"{r['n']} articles, {r['words']} words, {r['processes']} process(es), load {r['load']:.2f}: "
        f"bare spaCy {r['bare']:.1f} s, group {r['ours']:.1f} s (ratio {r['ratio']:.2f}); "
        f"{r['stories']} stories, {r['events']} events; {verdict} the goal of 60 s per 1,000"
    )
    if args.write:
        row = (
            f"| {dt.date.today().isoformat()} | {commit()} | {r['n']} | {r['words']} | {r['chars']} | {r['processes']} | "
            f"{r['cores']} | {r['load']:.2f} | {r['bare']:.1f} | {r['ours']:.1f} | {r['ratio']:.2f} | "
            f"{r['stories']} | {r['events']} | {r['rss']:.0f} |"
        )
        append_row("## Grouping: `group`", _HEADER, row)
        print(f"appended to {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
