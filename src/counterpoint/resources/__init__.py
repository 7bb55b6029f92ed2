"""The project's own lexicons, as data files whose header says what each is."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = ["Country", "countries", "table", "word_list", "rows", "phrase_words"]


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def rows(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated list, each padded or cut to ``columns`` cells (stripped)."""
    found = []
    for line in _lines(name):
        cells = [cell.strip() for cell in line.split("\t")]
        found.append(tuple((cells + [""] * columns)[:columns]))
    return tuple(found)


def phrase_words(phrase: str) -> list[str]:
    """A lexicon phrase's words as spaCy's tokenizer splits them in running text, for phrase matchers: a hyphen
    between letters is a token of its own ("well-known" is "well", "-", "known")."""
    return phrase.replace("-", " - ").split()


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-entry-a-line list (lower-cased), e.g. ``word_list("roles.txt")``."""
    return frozenset(line.strip().lower() for line in _lines(name))


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = field(default=())


@cache
def countries() -> tuple[Country, ...]:
    """Countries with their other names, demonyms and seats of government (resources/countries.tsv)."""
    rows = []
    for line in _lines("countries.tsv"):
        cells = (line.split("\t") + ["", "", "", ""])[:4]
        name, aliases, demonyms, seats = (cell.strip() for cell in cells)
        rows.append(
            Country(
                name=name,
                aliases=tuple(a for a in aliases.split(";") if a),
                demonyms=tuple(d for d in demonyms.split(";") if d),
                seats=tuple(s for s in seats.split(";") if s),
            )
        )
    return tuple(rows)


@cache
def table(name: str) -> dict[str, str]:
    """A two-column tab-separated list (first column lower-cased), e.g. ``table("source_nouns.tsv")``."""
    rows = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        rows[key.strip().lower()] = value.strip()
    return rows
