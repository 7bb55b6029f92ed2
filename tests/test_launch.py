"""The `counterpoint` launcher: torch is kept out only when the default pipeline and encoder run, and the
command's output does not depend on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from counterpoint.__main__ import torch_unneeded

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(str(p) for p in (REPO / "examples").glob("*.txt"))
_PROBE = """
import sys
from counterpoint.__main__ import main
sys.argv = ["counterpoint", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    print("EXIT", done.code)
print("TORCH", type(sys.modules.get("torch")).__name__)
"""


def test_torch_unneeded_only_for_the_default_pipeline_and_encoder() -> None:
    assert torch_unneeded(["compare", "a.txt", "b.txt"], {})
    assert torch_unneeded(["analyze", "a.txt"], {"COUNTERPOINT_ENCODER": "numpy"})
    assert not torch_unneeded(["analyze", "a.txt", "--model", "en_core_web_trf"], {})
    assert not torch_unneeded(["analyze", "a.txt", "--model=en_core_web_trf"], {})
    assert not torch_unneeded(["analyze", "a.txt"], {"COUNTERPOINT_MODEL": "en_core_web_trf"})
    assert not torch_unneeded(["compare", "a.txt", "b.txt"], {"COUNTERPOINT_ENCODER": "sentence-transformers"})


def _run(tmp_path: Path, encoder: str) -> tuple[str, dict]:
    out = tmp_path / f"{encoder}.json"
    env = {**os.environ, "COUNTERPOINT_ENCODER": encoder}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "compare", *EXAMPLES, "-f", "json", "-o", str(out)],
        capture_output=True, text=True, env=env, cwd=REPO, check=False,
    )  # fmt: skip
    assert "EXIT 0" in done.stdout or "EXIT None" in done.stdout, done.stderr
    return done.stdout, json.loads(out.read_text(encoding="utf-8"))


def test_group_runs_without_torch(tmp_path: Path) -> None:
    """Grouping loads scikit-learn and SciPy, which probe for torch themselves: they must not trip over its absence."""
    out = tmp_path / "stories.json"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "group", *EXAMPLES, "-f", "json", "-o", str(out)],
        capture_output=True, text=True, cwd=REPO, check=False, env={**os.environ, "COUNTERPOINT_ENCODER": "numpy"},
    )  # fmt: skip
    assert "EXIT 0" in done.stdout or "EXIT None" in done.stdout, done.stderr
    assert "TORCH NoneType" in done.stdout
    (story,) = json.loads(out.read_text(encoding="utf-8"))["stories"]
    assert len(story["articles"]) == 2


def test_compare_runs_without_torch_and_loads_it_when_the_encoder_needs_it(tmp_path: Path) -> None:
    stdout, without = _run(tmp_path, "numpy")
    assert "TORCH NoneType" in stdout  # marked unavailable: thinc and everything after ran without it
    assert without["pairs"][0]["relation"] == "same_storyline"
    stdout, reference = _run(tmp_path, "sentence-transformers")
    assert "TORCH module" in stdout
    assert reference["pairs"][0]["relation"] == without["pairs"][0]["relation"]
    assert len(reference["claims"]["shared"]) == len(without["claims"]["shared"])
