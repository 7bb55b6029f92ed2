"""The evaluation data is third-party text: no test sentence, docstring or comment may copy it.

Tests are written on invented sentences, and examples in code comments are invented too; a sentence adapted from
a data set's article or headline is still its text. Any run of seven words shared with ../shared/eval (or
$COUNTERPOINT_EVAL_DATA; the lexicons folder aside, lists of single words) fails here with where it is. Skips when
the data is absent, as on a user's machine.
"""

from __future__ import annotations

import ast
import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # eval/ is a top-level package beside src/, not installed
    sys.path.insert(0, str(REPO))

from eval.data import data_root  # noqa: E402

#: Words in a run: six-word runs are often plain English ("at the end of the year"), seven rarely are.
RUN = 7
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(html.unescape(text).lower())


def _runs(words: list[str]) -> Iterator[int]:
    return (hash(tuple(words[i : i + RUN])) for i in range(len(words) - RUN + 1))


def _our_texts() -> Iterator[tuple[str, int, str]]:
    """(file, line, text): every string and comment in src/ and tests/, and the README's lines."""
    for path in sorted([*(REPO / "src").rglob("*.py"), *(REPO / "tests").rglob("*.py")]):
        source = path.read_text(encoding="utf-8")
        name = str(path.relative_to(REPO))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield name, node.lineno, node.value
        for number, line in enumerate(source.splitlines(), 1):
            if "#" in line:
                yield name, number, line[line.index("#") :]
    for number, line in enumerate((REPO / "README.md").read_text(encoding="utf-8").splitlines(), 1):
        yield "README.md", number, line


def test_no_run_of_seven_words_from_the_evaluation_data() -> None:
    root = data_root()
    if not root.is_dir():
        pytest.skip(f"no evaluation data at {root}")
    theirs: set[int] = set()
    for path in root.rglob("*"):
        if path.is_file() and "lexicons" not in path.relative_to(root).parts:
            theirs.update(_runs(_words(path.read_text(encoding="utf-8", errors="ignore"))))
    copied = []
    for name, line, text in _our_texts():
        words = _words(text)
        for i, run in enumerate(_runs(words)):
            if run in theirs:
                copied.append(f"{name}:{line}: {' '.join(words[i : i + RUN])}")
                break
    assert not copied, "text from the evaluation data:\n" + "\n".join(copied)
