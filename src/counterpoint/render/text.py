"""A readable terminal view of analyzed articles (rich; markup in article text is escaped)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..model import Article
from .summary import persuasion_note, view

__all__ = ["render_text"]


def _time_note(time) -> str:  # noqa: ANN001
    notes = [time.kind]
    if time.anchor:
        notes.append(f"from {time.anchor}")
    if time.estimated:
        notes.append("estimate")
    return ", ".join(notes)


def render_text(articles: list[Article], *, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False)
    for number, article in enumerate(articles):
        if number:
            console.rule()
        v = view(article)
        console.print(f"[bold]{escape(v.title)}[/bold]")
        console.print(f"{escape(v.outlet)} · {escape(v.date)}" + (f" · {escape(v.byline)}" if v.byline else ""))
        console.print(
            f"[dim]id {escape(article.id)} · {len(article.sentences)} sentences · "
            f"{v.removed} line(s) removed as page furniture[/dim]"
        )
        if v.entities:
            table = Table(title="Entities", title_justify="left", show_edge=False, expand=False)
            for column in ("name", "kind", "role", "mentions", "as written"):
                table.add_column(column)
            for entity, count, forms in v.entities:
                table.add_row(
                    escape(entity.name), entity.kind, escape(entity.role or ""), str(count), escape("; ".join(forms[:4]))
                )
            console.print(table)
        if v.times:
            table = Table(title="Times", title_justify="left", show_edge=False)
            for column in ("as written", "value", "how"):
                table.add_column(column)
            for time in v.times:
                table.add_row(escape(time.text), escape(time.value or "?"), _time_note(time))
            console.print(table)
        if v.profile:
            console.print("[bold]Sourcing[/bold]")
            for line in v.profile:
                console.print("  " + escape(line))
            for chain in v.chains:
                console.print("  chain: " + escape(chain))
        if v.attributions:
            table = Table(title="Who says what", title_justify="left", show_edge=False)
            for column in ("source", "cue", "what", "certainty"):
                table.add_column(column)
            for row in v.attributions:
                what = row.content if len(row.content) < 160 else row.content[:157] + "…"
                certainty = row.certainty + (f" ({', '.join(row.hedges)})" if row.hedges else "")
                source = row.source + (f"\nvia {row.via}" if row.via else "")
                table.add_row(escape(source), escape(row.cue), escape(what), escape(certainty))
            console.print(table)
        if v.own_voice:
            console.print("[bold]The outlet's own claims that are not plainly asserted[/bold]")
            for text, certainty, hedges in v.own_voice:
                console.print(f"  {certainty} ({escape(', '.join(hedges))}): {escape(text)}")
        if v.naming:
            table = Table(title="How actors are named", title_justify="left", show_edge=False)
            for column in ("actor", "labels", "descriptors", "tone"):
                table.add_column(column)
            for row in v.naming:
                table.add_row(
                    escape(row.name), escape("; ".join(row.labels)), escape(", ".join(row.descriptors)), escape(row.tone)
                )
            console.print(table)
        if v.loaded:
            console.print("[bold]Loaded language[/bold]")
            for words, category, target in v.loaded:
                console.print(f"  {category}: {escape(words)}" + (f" → {escape(target)}" if target else ""))
        if v.persuasion:
            console.print("[bold]Persuasive passages[/bold]")
            console.print(f"[dim]{persuasion_note(article)}[/dim]")
            for passage, chance, cues in v.persuasion:
                console.print(f"  chance {chance:.2f}: “{escape(passage)}”" + (f" (words: {escape(cues)})" if cues else ""))
    return buffer.getvalue()
