"""A readable terminal view of a comparison (rich; markup in article text is escaped)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..comparison.summary import NO_CONFLICTS_NOTE, NO_SHARED_NOTE, display_names
from ..model import Comparison, Label
from .summary import short, wording_line

__all__ = ["render_comparison_text", "letters", "short"]


def letters(comparison: Comparison) -> dict[str, str]:
    """A letter per article (A, B, C...; A1.. after Z) so rows stay narrow."""
    out = {}
    for n, article in enumerate(comparison.articles):
        out[article.id] = chr(ord("A") + n) if n < 26 else f"A{n - 25}"
    return out


def _labels(labels: list[Label], limit: int = 5) -> str:
    ranked = sorted(labels, key=lambda label: label.kind in {"name", "demonym"})[:limit]
    return "; ".join(f"{label.text} ({label.kind})" if label.kind != "name" else label.text for label in ranked)


def render_comparison_text(comparison: Comparison, *, color: bool = False, width: int = 110) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False)
    letter, names = letters(comparison), display_names(comparison.articles)
    console.print(f"[bold]Comparison of {len(comparison.articles)} articles[/bold]  [dim]id {escape(comparison.id)}[/dim]")
    for article in comparison.articles:
        date = article.published.isoformat() if article.published else "date unknown"
        title = f" · {escape(short(article.title, 70))}" if article.title else ""
        console.print(f"  [bold]{letter[article.id]}[/bold] {escape(names[article.id])}{title} · {date}")

    if comparison.summary:
        console.rule("[bold]In short[/bold]", align="left")
        for number, sentence in enumerate(comparison.summary, start=1):
            console.print(f"{number}. {escape(sentence.text)}")
            cited = "; ".join(f"{letter[e.article]} “{short(e.text, 50)}”" for e in sentence.evidence[:4])
            more = f" (+{len(sentence.evidence) - 4} more)" if len(sentence.evidence) > 4 else ""
            console.print(f"   [dim]evidence: {escape(cited)}{more}[/dim]")

    if comparison.pairs:
        console.rule("[bold]How they relate[/bold]", align="left")
        for pair in comparison.pairs:
            console.print(
                f"{letter[pair.a]}–{letter[pair.b]}: [bold]{pair.relation.replace('_', ' ')}[/bold] "
                f"(score {pair.score:.2f}, text similarity {pair.evidence.subject_similarity:.2f})"
            )
            for reason in pair.evidence.reasons:
                console.print(f"   · {escape(reason)}")

    claims = comparison.claims
    console.rule("[bold]Claims lined up[/bold]", align="left")
    if claims.conflicts:
        console.print("[bold red]Conflicts[/bold red]" if color else "Conflicts")
        for conflict in claims.conflicts:
            console.print(f"  {conflict.kind}: {escape(conflict.description)} (match {conflict.score:.2f})")
            console.print(f"    {letter[conflict.a.article]}: {escape(short(conflict.a.text))}")
            console.print(f"    {letter[conflict.b.article]}: {escape(short(conflict.b.text))}")
    else:
        console.print(NO_CONFLICTS_NOTE)
    if claims.shared:
        console.print(f"[bold]Shared[/bold] ({len(claims.shared)} groups)")
        for group in claims.shared:
            missing = f", not in {', '.join(letter[m] for m in group.missing)}" if group.missing else ""
            console.print(f"  match {group.score:.2f}{missing}")
            for member in group.members:
                console.print(f"    {letter[member.article]}: {escape(short(member.text))}")
    else:
        console.print(NO_SHARED_NOTE)
    for article_id, refs in claims.unique.items():
        if refs:
            console.print(f"[bold]Only in {letter[article_id]}[/bold] ({escape(names[article_id])}, {len(refs)})")
            for ref in refs:
                console.print(f"    {escape(short(ref.text))}")

    if comparison.naming:
        console.rule("[bold]Naming[/bold]", align="left")
        table = Table(show_edge=False, expand=False, show_lines=True)
        table.add_column("actor")
        for article in comparison.articles:
            table.add_column(letter[article.id])
        table.add_column("contrast", justify="right")
        for contrast in comparison.naming:
            cells = []
            for article in comparison.articles:
                if article.id not in contrast.labels:
                    cells.append("[dim](not named)[/dim]")
                    continue
                cell = escape(_labels(contrast.labels[article.id]))
                descriptors = contrast.descriptors.get(article.id) or []
                if descriptors:
                    cell += "\n" + escape("described: " + ", ".join(dict.fromkeys(d.text for d in descriptors)))
                tone = contrast.tone.get(article.id)
                if tone is not None:
                    cell += f"\ntone {tone:+.2f}"
                cells.append(cell)
            table.add_row(escape(contrast.entity), *cells, f"{contrast.contrast:.2f}")
        console.print(table)

    console.rule("[bold]Wording side by side[/bold]", align="left")
    for article in comparison.articles:
        console.print(f"{letter[article.id]} {escape(names[article.id])}: {escape(wording_line(article))}")
    if comparison.sourcing:
        console.rule("[bold]Sourcing side by side[/bold]", align="left")
        table = Table(show_edge=False, expand=False, show_lines=True)
        table.add_column("")
        for side in comparison.sourcing:
            table.add_column(f"{letter[side.article]} {escape(names[side.article])}")
        rows: dict[str, list[str]] = {"profile": [], "sources": [], "chains": []}
        for side in comparison.sourcing:
            profile = side.profile
            if profile is None:
                rows["profile"].append("")
            else:
                rows["profile"].append(
                    f"{profile.claims} claims: {profile.attributed_share:.0%} attributed, "
                    f"{profile.anonymous_share:.0%} anonymous, {profile.hedged_share:.0%} hedged"
                )
            rows["sources"].append(escape("\n".join(f"{s.text} ({s.kind})" for s in side.sources)) or "(none)")
            rows["chains"].append(escape("\n".join(" ← ".join(chain) for chain in side.chains)) or "(none)")
        for name, cells in rows.items():
            table.add_row(name, *cells)
        console.print(table)
    return buffer.getvalue()
