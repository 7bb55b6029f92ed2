"""benchmarks/RESULTS.md: each benchmark's own table, rows added at its end (not the file's)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["RESULTS", "append_row"]

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def append_row(marker: str, section: str, row: str, path: Path = RESULTS) -> None:
    """Add the row at the end of the table under the heading that starts with ``marker``; the section (heading,
    text, table head) is added at the end of the file the first time. Other sections stay as they are."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    if not any(line.startswith(marker) for line in lines):
        lines += section.rstrip("\n").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(marker))
    end = start + 1
    while end < len(lines) and not lines[end].startswith("|"):
        end += 1
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    lines.insert(end, row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
