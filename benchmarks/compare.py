"""Speed of `counterpoint compare` on two articles of about 1,000 words.

    python benchmarks/compare.py [--write] [--rounds 5]

Texts: the two PolNeAR dev articles whose length is closest to 1,000 words (read from ../shared/eval at run time,
never copied here), written to a temporary folder for the CLI; without the data, the two example articles.
Measured, each the median of ROUNDS runs after one warm-up in the same process:
- ``sources``: ``counterpoint.compare([text_a, text_b])``: ingest, analysis and comparison (goal <= 1.5 s warm);
- ``compare``: ``counterpoint.compare(articles)`` on articles analyzed beforehand (comparison alone);
- ``cold CLI``: a fresh ``counterpoint compare A B -f json`` process per run, wall clock (goal <= 5 s), and for
  scale a fresh ``python -c "import torch"`` and ``python -c "import counterpoint.cli"``.
The machine is shared: the 1-minute load average at the start is logged with the row.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # eval/ (the data reader) is a top-level package beside src/
    sys.path.insert(0, str(REPO))

from _results import RESULTS, append_row  # noqa: E402  (benchmarks/ is the script folder)

from eval.data import DataMissing, read_polnear  # noqa: E402
from eval.run import commit  # noqa: E402

_MARKER = "## Compare: `compare` on two articles"
_SECTION = """
## Compare: `compare` on two articles of about 1,000 words

Appended by `python benchmarks/compare.py --write`. Texts: the two PolNeAR dev articles closest to 1,000 words
(read from `../shared/eval`, never copied), else the two examples. Medians of R runs after a warm-up, in one
process: `sources` = `counterpoint.compare([text, text])` (ingest + analysis + comparison; goal <= 1.5 s warm),
`compare` = `counterpoint.compare(articles)` on analyzed articles (comparison alone). `cold CLI` = wall clock of a
fresh `counterpoint compare A B -f json` process (goal <= 5 s); `import torch` and `import counterpoint.cli` are
fresh processes too, for scale. `load` = 1-minute load average at start (the machine is shared).

| date | commit | words | R | cores | load | sources s | compare s | cold CLI s | import torch s | import cli s |
|---|---|---|---|---|---|---|---|---|---|---|
"""


def _texts() -> tuple[list[str], str]:
    try:
        docs = read_polnear("dev")
    except DataMissing:
        examples = REPO / "examples"
        return [(examples / name).read_text(encoding="utf-8") for name in sorted(os.listdir(examples))[:2]], "examples"
    ranked = sorted(docs, key=lambda d: (abs(len(d.text.split()) - 1000), d.name))
    return [d.text for d in ranked[:2]], "polnear dev"


def _median(seconds: list[float]) -> float:
    return statistics.median(seconds)


def _timed(function, rounds: int) -> float:  # noqa: ANN001
    function()  # warm-up
    runs = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        runs.append(time.perf_counter() - started)
    return _median(runs)


def _fresh(args: list[str], rounds: int) -> float:
    runs = []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, cwd=REPO)
        runs.append(time.perf_counter() - started)
    return _median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/compare.py", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="append a row to benchmarks/RESULTS.md")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    texts, origin = _texts()
    words = sum(len(t.split()) for t in texts)

    import counterpoint

    articles = [counterpoint.analyze(text) for text in texts]
    sources = _timed(lambda: counterpoint.compare(texts), args.rounds)
    alone = _timed(lambda: counterpoint.compare(articles), args.rounds)
    python = sys.executable
    cli = str(Path(python).with_name("counterpoint"))
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, text in enumerate(texts):
            path = Path(folder) / f"article{n}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        cold = _fresh([cli, "compare", *paths, "-f", "json", "-o", os.devnull], args.rounds)
    torch = _fresh([python, "-c", "import torch"], args.rounds)
    import_cli = _fresh([python, "-c", "import counterpoint.cli"], args.rounds)
    cores = len(os.sched_getaffinity(0))
    print(f"texts: {origin}, {words} words in all; load {load:.2f}; {cores} cores; medians of {args.rounds}")
    print(f"sources (ingest + analysis + compare), warm: {sources:.2f} s (goal <= 1.5)")
    print(f"compare alone on analyzed articles, warm:   {alone:.2f} s")
    print(f"cold CLI compare:                            {cold:.2f} s (goal <= 5)")
    print(f"fresh import torch: {torch:.2f} s; fresh import counterpoint.cli: {import_cli:.2f} s")
    if args.write:
        row = (
            f"| {dt.date.today().isoformat()} | {commit()} | {words} | {args.rounds} | {cores} | {load:.2f} | "
            f"{sources:.2f} | {alone:.2f} | {cold:.2f} | {torch:.2f} | {import_cli:.2f} |"
        )
        append_row(_MARKER, _SECTION, row)
        print(f"appended to {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
