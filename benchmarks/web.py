"""Latency of `POST /api/v1/compare` with 4 concurrent clients, against calling `counterpoint.compare` directly.

    python benchmarks/web.py [--write] [--pairs 8] [--clients 4] [--repeats 10]

Texts: PolNeAR dev articles nearest 1,000 words, read from ../shared/eval at run time (never copied; skips when
absent), paired in order. In one process: uvicorn serves the app (a fresh temporary library) on a loopback port,
and each client is a thread with its own httpx connection. After a warm-up request (models loaded), three
measurements:
- baseline: `counterpoint.compare([text_a, text_b])` for each pair, one after another (no server, no library);
- fresh: each pair posted once, pairs spread over the clients (analysis and comparison run; they are serialized
  by the server's analysis lock, so concurrent requests queue);
- repeat: the same pairs posted again, `repeats` times per client (the library returns the stored comparison).
Reported: p50/p95/max latency per measurement. The 1-minute load average is printed: the machine is shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # eval/ (the data reader) is a top-level package beside src/
    sys.path.insert(0, str(REPO))

from _results import RESULTS, append_row  # noqa: E402  (benchmarks/ is the script folder)

from eval.data import DataMissing, read_polnear  # noqa: E402

GOAL_P95 = 1.5
_SECTION = """
## Web: POST /api/v1/compare

Appended by `python benchmarks/web.py --write`. Two ~1,000-word PolNeAR dev articles per request (read from
`../shared/eval`), C concurrent clients (threads, one httpx connection each) against uvicorn in the same process,
after a warm-up request. `baseline`: `counterpoint.compare` called directly, pairs one after another. `fresh`:
every pair new to the library (ingest + analysis + comparison, serialized by the analysis lock, so requests
queue). `repeat`: the same pairs again (the stored comparison is returned). Seconds; goal p95 <= 1.5 s.

| date | commit | pairs | words/article | clients | load | baseline p50 / p95 | fresh p50 / p95 / max | repeat n | repeat p50 / p95 / max |
|---|---|---|---|---|---|---|---|---|---|
"""


def _percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (no interpolation: with few samples it is one of the measured values)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _pairs(count: int) -> list[tuple[str, str]]:
    docs = sorted(read_polnear("dev"), key=lambda doc: (abs(len(doc.text.split()) - 1000), doc.name))
    chosen = [doc.text for doc in docs[: 2 * count + 2]]
    return [(chosen[i], chosen[i + 1]) for i in range(0, len(chosen), 2)]


class _Server:
    def __init__(self, app) -> None:  # noqa: ANN001
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.server.servers[0].sockets[0].getsockname()[1]}"

    def __exit__(self, *exc_info: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def _post_all(base: str, jobs: list[list[tuple[str, str]]]) -> list[float]:
    """Each inner list is one client's pairs, posted in order; returns every request's latency."""
    import httpx

    def client(pairs: list[tuple[str, str]]) -> list[float]:
        latencies = []
        with httpx.Client(base_url=base, timeout=600) as http:
            for a, b in pairs:
                started = time.perf_counter()
                response = http.post("/api/v1/compare", json={"articles": [{"text": a}, {"text": b}]})
                latencies.append(time.perf_counter() - started)
                response.raise_for_status()
        return latencies

    with ThreadPoolExecutor(len(jobs)) as pool:
        return [latency for result in pool.map(client, jobs) for latency in result]


def measure(pairs: int = 8, clients: int = 4, repeats: int = 10) -> dict[str, object]:
    """Run the benchmark; raises DataMissing when PolNeAR is not on this machine."""
    import counterpoint
    from counterpoint.web import create_app

    load = os.getloadavg()[0]
    warmup, *chosen = _pairs(pairs)
    words = statistics.mean(len(text.split()) for pair in chosen for text in pair)
    counterpoint.compare(list(warmup))  # loads spaCy and the sentence encoder
    baseline = []
    for a, b in chosen:
        started = time.perf_counter()
        counterpoint.compare([a, b])
        baseline.append(time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as folder, _Server(create_app(Path(folder) / "bench.sqlite3")) as base:
        _post_all(base, [[warmup]])
        fresh = _post_all(base, [chosen[i::clients] for i in range(clients)])
        repeat = _post_all(base, [[chosen[(i + k) % len(chosen)] for k in range(repeats)] for i in range(clients)])
    return {"load": load, "pairs": len(chosen), "words": words, "clients": clients, "baseline": baseline,
            "fresh": fresh, "repeat": repeat}  # fmt: skip


def _summary(values: list[float], with_max: bool = True) -> str:
    parts = [statistics.median(values), _percentile(values, 0.95)] + ([max(values)] if with_max else [])
    return " / ".join(f"{value:.2f}" for value in parts)


def report(r: dict[str, object]) -> None:
    print(
        f"{r['pairs']} pairs of PolNeAR dev articles, {r['words']:.0f} words/article, {r['clients']} clients, "
        f"load average {r['load']:.2f} at start"
    )
    print(f"  baseline counterpoint.compare  p50/p95/max: {_summary(r['baseline'])} s")  # type: ignore[arg-type]
    print(f"  POST /api/v1/compare, fresh    p50/p95/max: {_summary(r['fresh'])} s")  # type: ignore[arg-type]
    repeat: list[float] = r["repeat"]  # type: ignore[assignment]
    verdict = "ok" if _percentile(repeat, 0.95) <= GOAL_P95 else "over"
    print(f"  POST /api/v1/compare, repeat   p50/p95/max: {_summary(repeat)} s ({len(repeat)} requests)")
    fresh_verdict = "ok" if _percentile(r["fresh"], 0.95) <= GOAL_P95 else "over"  # type: ignore[arg-type]
    print(f"  goal p95 <= {GOAL_P95} s: fresh {fresh_verdict}, repeat {verdict}")


def write(r: dict[str, object]) -> None:
    """Append one row to the web section of benchmarks/RESULTS.md (adding the section on first use)."""
    from eval.run import commit

    cells = [
        dt.date.today().isoformat(),
        commit(),
        r["pairs"],
        f"{r['words']:.0f}",
        r["clients"],
        f"{r['load']:.2f}",
        _summary(r["baseline"], with_max=False),  # type: ignore[arg-type]
        _summary(r["fresh"]),  # type: ignore[arg-type]
        len(r["repeat"]),  # type: ignore[arg-type]
        _summary(r["repeat"]),  # type: ignore[arg-type]
    ]
    append_row("## Web: POST /api/v1/compare", _SECTION, "| " + " | ".join(str(cell) for cell in cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=8, help="distinct article pairs (default 8)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument("--repeats", type=int, default=10, help="repeat requests per client (default 10)")
    parser.add_argument("--write", action="store_true", help="append the numbers to benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    try:
        result = measure(args.pairs, args.clients, args.repeats)
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
