"""Finding and reading the evaluation data (``../shared/eval``), which lives outside the repository.

The folder holds third-party news text, so nothing here copies it: readers open the files at run time and return
plain dataclasses. When a folder is missing, :func:`dataset` raises :class:`DataMissing`, which the runner and
the tests turn into a skip (a user's machine will not have the data).

PolNeAR (``polnear/``) is brat standoff: ``T`` lines are typed spans (Source, Cue, Content, the Attribution
trigger, Discuss, Discard) with character offsets into ``text/<name>.txt``, discontinuous ones written
``start end;start end``; ``E`` lines tie a trigger to its Source, Cue and Content(s) as one attribution. A few
spans cover line breaks, and brat then writes the span's text over several physical lines; ``#`` lines are
annotator notes. Some articles were annotated by several annotators (``<name>_<4-hex annotator>.ann``): the
reader uses one annotation per article, the first by sorted file name, unless asked for all.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = [
    "REPO",
    "DataMissing",
    "NoGold",
    "data_root",
    "dataset",
    "AnnSpan",
    "Attribution",
    "Relation",
    "Note",
    "PolnearDoc",
    "POLNEAR_SPLITS",
    "parse_ann",
    "read_polnear",
]

#: The repository root (``eval/`` sits directly under it).
REPO = Path(__file__).resolve().parent.parent
#: Splits present in the shared copy (``test`` is held out and never read).
POLNEAR_SPLITS = ("train", "dev", "annotator-training")


class DataMissing(RuntimeError):
    """The evaluation data (or the part a scorer needs) is not on this machine: skip, don't fail."""


class NoGold(DataMissing):
    """The data is here but holds no gold annotation a scorer could use: skip, and say why."""


def data_root() -> Path:
    """Where the evaluation data should be: ``$COUNTERPOINT_EVAL_DATA``, else ``<repo>/../shared/eval``."""
    configured = os.environ.get("COUNTERPOINT_EVAL_DATA")
    return Path(configured).expanduser() if configured else REPO.parent / "shared" / "eval"


def dataset(name: str) -> Path:
    """The folder of one data set, or :class:`DataMissing` saying where it was looked for."""
    path = data_root() / name
    if not path.is_dir():
        raise DataMissing(f"{name}: no data at {path} (set COUNTERPOINT_EVAL_DATA to the eval folder)")
    return path


# --- PolNeAR -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnnSpan:
    """A brat text-bound annotation (``T`` line); ``text`` is the article's own text, fragments joined by a space."""

    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]

    @property
    def discontinuous(self) -> bool:
        return len(self.fragments) > 1

    def overlap(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` that fall inside this span's fragments."""
        return sum(max(0, min(end, e) - max(start, s)) for s, e in self.fragments)


@dataclass(frozen=True)
class Attribution:
    """One ``E`` line: a trigger (``Attribution`` or ``Attribution-no-source``) and its role arguments in order.

    Roles are written ``Source``, ``Cue``, ``Content`` and, for a second piece, ``Content2``; the numbered suffix
    is dropped here, so ``contents`` holds every content span in file order.
    """

    id: str
    label: str
    trigger: AnnSpan
    args: tuple[tuple[str, AnnSpan], ...]

    def role(self, name: str) -> tuple[AnnSpan, ...]:
        return tuple(span for role, span in self.args if role == name)

    @property
    def sources(self) -> tuple[AnnSpan, ...]:
        return self.role("Source")

    @property
    def cues(self) -> tuple[AnnSpan, ...]:
        return self.role("Cue")

    @property
    def contents(self) -> tuple[AnnSpan, ...]:
        return self.role("Content")

    @property
    def source(self) -> AnnSpan | None:
        return next(iter(self.sources), None)

    @property
    def cue(self) -> AnnSpan | None:
        return next(iter(self.cues), None)


@dataclass(frozen=True)
class Relation:
    """A brat binary relation (``R`` line). PolNeAR uses none, but brat allows them, so they are kept."""

    id: str
    label: str
    args: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Note:
    """An annotator's note (``#`` line) on an annotation."""

    id: str
    label: str
    target: str
    text: str


@dataclass(frozen=True)
class PolnearDoc:
    """One annotated PolNeAR article: its text, metadata and every annotation of one annotator."""

    name: str
    split: str
    annotator: str
    text: str
    published: dt.date | None
    publisher: str | None
    title: str | None
    spans: tuple[AnnSpan, ...]
    attributions: tuple[Attribution, ...]
    relations: tuple[Relation, ...] = ()
    notes: tuple[Note, ...] = ()
    ann_path: Path | None = field(default=None, compare=False)

    def labelled(self, label: str) -> list[AnnSpan]:
        """All spans with this label (``Source``, ``Cue``, ``Content``, ``Discuss``...), in file order."""
        return [span for span in self.spans if span.label == label]


_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_R_LINE = re.compile(r"^(R\d+)\t(\S+)((?: \S+:\S+)+)\s*$")
_NOTE_LINE = re.compile(r"^(#\d+)\t(\S+) (\S+)\t?(.*)$")
_OTHER_ID = re.compile(r"^[AMN*]\d*\t")
_ROLE_NUMBER = re.compile(r"\d+$")


def parse_ann(
    ann: str, text: str, where: str = "<ann>"
) -> tuple[list[AnnSpan], list[Attribution], list[Relation], list[Note]]:
    """Parse brat standoff against its text; raise ValueError (with file and line) on anything inconsistent.

    Each span's written text is checked against the article text, so an offset error cannot pass silently.
    A line that starts no annotation continues the previous span's text (the span covers a line break).
    """
    spans: dict[str, AnnSpan] = {}
    written: dict[str, list[str]] = {}
    events: list[tuple[int, str, str]] = []
    relations: list[Relation] = []
    notes: list[Note] = []
    last_span: str | None = None
    for number, line in enumerate(ann.split("\n"), start=1):
        if m := _T_LINE.match(line):
            span_id, label, offsets, covered = m.groups()
            fragments = tuple(tuple(int(x) for x in part.split()) for part in offsets.split(";"))
            for start, end in fragments:
                if not 0 <= start <= end <= len(text):
                    raise ValueError(f"{where}:{number}: offsets {start} {end} outside the text ({len(text)} chars)")
            spans[span_id] = AnnSpan(span_id, label, fragments, " ".join(text[s:e] for s, e in fragments))  # type: ignore[arg-type]
            written[span_id] = [covered]
            last_span = span_id
        elif m := _E_LINE.match(line):
            events.append((number, m.group(1), m.group(2)))
            last_span = None
        elif m := _R_LINE.match(line):
            args = tuple(tuple(arg.split(":", 1)) for arg in m.group(3).split())
            relations.append(Relation(m.group(1), m.group(2), args))  # type: ignore[arg-type]
            last_span = None
        elif m := _NOTE_LINE.match(line):
            notes.append(Note(*m.groups()))
            last_span = None
        elif _OTHER_ID.match(line):
            last_span = None  # attributes and normalizations: PolNeAR has none
        elif last_span is not None:
            written[last_span].append(line)
        elif line.strip():
            raise ValueError(f"{where}:{number}: unreadable line {line[:60]!r}")
    for span_id, pieces in written.items():
        covered = "\n".join(pieces).rstrip("\n")
        if covered != spans[span_id].text:
            raise ValueError(f"{where}: {span_id} text {covered[:40]!r} differs from the article text")
    attributions = []
    for number, event_id, body in events:
        trigger_part, *arg_parts = body.split()
        label, trigger_id = trigger_part.split(":", 1)
        args = []
        for part in arg_parts:
            role, span_id = part.split(":", 1)
            if span_id not in spans:
                raise ValueError(f"{where}:{number}: {event_id} refers to undefined {span_id}")
            args.append((_ROLE_NUMBER.sub("", role), spans[span_id]))
        if trigger_id not in spans:
            raise ValueError(f"{where}:{number}: {event_id} trigger {trigger_id} is undefined")
        attributions.append(Attribution(event_id, label, spans[trigger_id], tuple(args)))
    return list(spans.values()), attributions, relations, notes


@lru_cache(maxsize=1)
def _polnear_metadata() -> dict[str, dict[str, str]]:
    path = dataset("polnear") / "data" / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _ann_files(split: str, all_annotators: bool) -> Iterator[tuple[str, str, Path]]:
    folder = dataset("polnear") / "data" / split / "attributions"
    if not folder.is_dir():
        raise DataMissing(f"polnear: split {split!r} is not at {folder}")
    seen: set[str] = set()
    for path in sorted(folder.glob("*.ann")):
        name, _, annotator = path.stem.rpartition("_")
        if all_annotators or name not in seen:
            seen.add(name)
            yield name, annotator, path


@lru_cache(maxsize=8)
def read_polnear(split: str = "dev", *, all_annotators: bool = False) -> tuple[PolnearDoc, ...]:
    """Every article of a PolNeAR split, sorted by name: one annotation each (the first by file name), or all.

    Texts are read with ``newline=""`` so that offsets index exactly what is on disk.
    """
    if split not in POLNEAR_SPLITS:
        raise ValueError(f"polnear split must be one of {POLNEAR_SPLITS}, not {split!r} (test is held out)")
    metadata = _polnear_metadata()
    docs = []
    for name, annotator, path in _ann_files(split, all_annotators):
        text_path = path.parent.parent / "text" / f"{name}.txt"
        text = _read(text_path)
        spans, attributions, relations, notes = parse_ann(_read(path), text, where=str(path))
        meta = metadata.get(name, {})
        docs.append(
            PolnearDoc(
                name=name,
                split=split,
                annotator=annotator,
                text=text,
                published=_date(meta.get("publication_date")),
                publisher=meta.get("publisher"),
                title=meta.get("title"),
                spans=tuple(spans),
                attributions=tuple(attributions),
                relations=tuple(relations),
                notes=tuple(notes),
                ann_path=path,
            )
        )
    return tuple(docs)


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()
