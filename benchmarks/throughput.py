"""Throughput of our pipeline against bare spaCy on the same texts, and where our own time goes.

    python benchmarks/throughput.py [--write] [--n 84] [--rounds 3] [--batch-size 32] [--tagger]

Texts: the first N PolNeAR dev articles by name, read from ../shared/eval at run time (skips when absent).
In one process, with the one pipeline ``load_nlp(None)`` returns (the object ``run_pipeline`` uses): a warm-up
of both, then ROUNDS rounds alternating which goes first, each timing bare ``nlp.pipe`` (parse only) and
``run_pipeline`` (parse + our stages + building the models); the median round is reported. The goal is
ours/bare >= 0.8, in wall-clock time: ``run_pipeline`` parses the next batch in a second thread while it analyzes
one, so on two cores part of our stages' cost is hidden; the ratio in CPU time (every thread) is reported beside
it and says what our stages cost in work. Per-stage cost is measured apart, by timing each function of ``pipeline.STAGES`` in order
on documents parsed beforehand, with what stages keep on a document cleared before each pass (median of ROUNDS
passes). Peak RSS is the process maximum (``getrusage``), model included.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # eval/ (the data reader) is a top-level package beside src/
    sys.path.insert(0, str(REPO))

from _results import RESULTS, append_row  # noqa: E402  (benchmarks/ is the script folder)

from counterpoint.analysis.word_tagger import ENV as TAGGER_ENV  # noqa: E402
from counterpoint.analysis.word_tagger import enabled as tagger_enabled  # noqa: E402
from eval.data import DataMissing, read_polnear  # noqa: E402

GOAL = 0.8

_HEADER = """# Throughput benchmarks

Appended by `python benchmarks/throughput.py --write`. Texts: the first N PolNeAR dev articles (from
`../shared/eval`, never copied here); words are whitespace-separated words of those texts. Method: one process,
one loaded spaCy pipeline (`load_nlp(None)`, the one `run_pipeline` uses); a warm-up of both; then R rounds
alternating order, each timing bare `nlp.pipe` (parse only) and `run_pipeline` (parse + our stages), same batch
size; the median round is reported. `ratio` = ours/bare throughput (goal >= 0.8); from 2026-12-04 (after
78957ad) `run_pipeline` parses the next batch in a second thread while it analyzes one, so on 2 cores the
wall-clock ratio hides part of our stages' cost: `(cpu ...)` beside it is the same ratio in CPU time of all threads,
what our stages cost in work. `stage ms/article`: each
function in `pipeline.STAGES` timed in order on pre-parsed docs, median of R passes (parse = bare nlp.pipe
median); from 2026-12-04 (after 1ac6d4f) with what the stages keep on a document (`kept_on`) cleared before
each pass, as on a fresh parse: the rows before it under-report the stages that keep something (attributions,
loaded, persuasion) by what later passes reused. `peak RSS` is the process maximum (getrusage), model included. `load` is the 1-minute load average at
start: the machine is shared, so absolute speeds vary with it; the interleaved ratio much less.

| date | commit | spaCy | model | N | words | batch | cores | load | bare art/s | bare words/s | ours art/s | ours words/s | ratio | stage ms/article | peak RSS MB |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
"""


def _timed(function) -> tuple[float, float]:  # noqa: ANN001 - a no-argument callable
    """(wall seconds, CPU seconds of the whole process: every thread)."""
    started, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - started, time.process_time() - cpu


def measure(n: int = 84, rounds: int = 3, batch_size: int = 32) -> dict[str, object]:
    """Run the benchmark; raises DataMissing when PolNeAR is not on this machine."""
    import spacy

    from counterpoint.analysis import pipeline
    from counterpoint.analysis.nlp import load_nlp
    from counterpoint.model import Article

    load = os.getloadavg()[0]  # other processes share the cores: read absolute numbers with this in mind
    docs = read_polnear("dev")[:n]
    texts = [doc.text for doc in docs]
    words = sum(len(text.split()) for text in texts)
    nlp = load_nlp(None)

    def articles(count: int | None = None) -> list[Article]:
        chosen = docs[:count] if count else docs
        return [Article(id=d.name, text=d.text, published=d.published) for d in chosen]

    def bare(count: int | None = None) -> None:
        for _ in nlp.pipe(texts[:count] if count else texts, batch_size=batch_size):
            pass

    def ours(count: int | None = None) -> None:
        for _ in pipeline.run_pipeline(articles(count), batch_size=batch_size):
            pass

    bare(8)  # warm-up: loads lazy resources (lexicons, matchers) and fills caches
    ours(8)
    times: dict[str, list[float]] = {"bare": [], "ours": []}
    cpu: dict[str, list[float]] = {"bare": [], "ours": []}
    for round_ in range(rounds):
        order = [("bare", bare), ("ours", ours)]
        for name, function in order if round_ % 2 == 0 else reversed(order):
            wall, used = _timed(function)
            times[name].append(wall)
            cpu[name].append(used)
    bare_s, ours_s = statistics.median(times["bare"]), statistics.median(times["ours"])

    parsed = list(nlp.pipe(texts, batch_size=batch_size))
    stage_rounds: dict[str, list[float]] = {name: [] for name, _ in pipeline.STAGES}
    for _ in range(rounds):
        spent = dict.fromkeys(stage_rounds, 0.0)
        for doc, article in zip(parsed, articles(), strict=True):
            doc.user_data.clear()  # what stages keep on a document (``kept_on``) is made anew, as on a fresh parse
            for name, stage in pipeline.STAGES:
                started = time.perf_counter()
                stage(doc, article)
                spent[name] += time.perf_counter() - started
        for name, seconds in spent.items():
            stage_rounds[name].append(seconds)
    stage_s = {name: statistics.median(values) for name, values in stage_rounds.items()}

    return {
        "spacy": spacy.__version__,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
        + (" + propaganda tagger" if tagger_enabled() else ""),
        "load": load,
        "n": len(texts),
        "words": words,
        "batch": batch_size,
        "cores": os.cpu_count(),
        "bare_rounds": times["bare"],
        "ours_rounds": times["ours"],
        "bare_aps": len(texts) / bare_s,
        "bare_wps": words / bare_s,
        "ours_aps": len(texts) / ours_s,
        "ours_wps": words / ours_s,
        "ratio": bare_s / ours_s,
        "cpu_ratio": statistics.median(cpu["bare"]) / statistics.median(cpu["ours"]),
        "stage_ms": {"parse": 1000 * bare_s / len(texts), **{k: 1000 * v / len(texts) for k, v in stage_s.items()}},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def report(r: dict[str, object]) -> None:
    print(
        f"{r['n']} PolNeAR dev articles, {r['words']} words; spaCy {r['spacy']}, {r['model']}, batch {r['batch']}, "
        f"{r['cores']} cores, load average {r['load']:.2f} at start"
    )
    print(
        f"  bare nlp.pipe : {r['bare_aps']:7.1f} articles/s  {r['bare_wps']:8.0f} words/s  rounds {_secs(r['bare_rounds'])}"
    )
    print(
        f"  run_pipeline  : {r['ours_aps']:7.1f} articles/s  {r['ours_wps']:8.0f} words/s  rounds {_secs(r['ours_rounds'])}"
    )
    verdict = "ok" if r["ratio"] >= GOAL else f"BELOW the {GOAL} goal"
    print(f"  ratio ours/bare: {r['ratio']:.3f} ({verdict}); in CPU time (all threads): {r['cpu_ratio']:.3f}")
    print("  ms/article: " + ", ".join(f"{k} {v:.2f}" for k, v in r["stage_ms"].items()))
    print(f"  peak RSS: {r['peak_rss_mb']:.0f} MB")


def _secs(values: object) -> str:
    return "/".join(f"{v:.2f}s" for v in values)  # type: ignore[attr-defined]


def write(r: dict[str, object]) -> None:
    """Append one row to the throughput table of benchmarks/RESULTS.md (created with its header on first use)."""
    from eval.run import commit

    stages = ", ".join(f"{k} {v:.2f}" for k, v in r["stage_ms"].items())  # type: ignore[attr-defined]
    cells = [
        dt.date.today().isoformat(),
        commit(),
        r["spacy"],
        r["model"],
        r["n"],
        r["words"],
        r["batch"],
        r["cores"],
        f"{r['load']:.2f}",
        f"{r['bare_aps']:.1f}",
        f"{r['bare_wps']:.0f}",
        f"{r['ours_aps']:.1f}",
        f"{r['ours_wps']:.0f}",
        f"{r['ratio']:.3f} (cpu {r['cpu_ratio']:.3f})",
        stages,
        f"{r['peak_rss_mb']:.0f}",
    ]
    append_row("# Throughput benchmarks", _HEADER, "| " + " | ".join(str(c) for c in cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=84, help="number of PolNeAR dev articles (default: all 84)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per side (median reported)")
    parser.add_argument("--batch-size", type=int, default=32, help="batch size for both (run_pipeline's default)")
    parser.add_argument("--write", action="store_true", help="append the numbers to benchmarks/RESULTS.md")
    parser.add_argument("--tagger", action="store_true", help="with the propaganda tagger on (as `--tagger` runs)")
    args = parser.parse_args(argv)
    if args.tagger:
        os.environ[TAGGER_ENV] = "1"
    try:
        result = measure(args.n, args.rounds, args.batch_size)
    except DataMissing as missing:
        print(f"skip: {missing}")
        return 0
    report(result)
    if args.write:
        write(result)
        print(f"appended to {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
