"""Markdown view of a comparison; article text is escaped so it cannot inject markup or HTML."""

from __future__ import annotations

from ..comparison.summary import NO_CONFLICTS_NOTE, NO_SHARED_NOTE, display_names
from ..model import Comparison
from .compare_text import letters
from .markdown import md_escape
from .summary import short, wording_line

__all__ = ["render_comparison_markdown"]


def _quote(text: str, limit: int = 150) -> str:
    return md_escape(short(text, limit))


def render_comparison_markdown(comparison: Comparison) -> str:
    letter, names = letters(comparison), display_names(comparison.articles)
    out = [f"# Comparison of {len(comparison.articles)} articles\n", f"id {md_escape(comparison.id)}\n"]
    out.append("| | outlet | title | published |\n|---|---|---|---|")
    for article in comparison.articles:
        date = article.published.isoformat() if article.published else "unknown"
        out.append(
            f"| {letter[article.id]} | {md_escape(names[article.id])} | {md_escape(article.title or '')} | {date} |"
        )
    out.append("")
    if comparison.summary:
        out.append("## In short\n")
        for number, sentence in enumerate(comparison.summary, start=1):
            cited = "; ".join(f"{letter[e.article]} “{_quote(e.text, 60)}”" for e in sentence.evidence)
            out.append(f"{number}. {md_escape(sentence.text)}  \n   *evidence:* {cited}")
        out.append("")
    if comparison.pairs:
        out.append("## How they relate\n")
        for pair in comparison.pairs:
            out.append(f"- **{letter[pair.a]}–{letter[pair.b]}: {pair.relation.replace('_', ' ')}** (score {pair.score:.2f})")
            out.extend(f"  - {md_escape(reason)}" for reason in pair.evidence.reasons)
        out.append("")
    claims = comparison.claims
    out.append("## Claims lined up\n")
    out.append("### Conflicts\n")
    if claims.conflicts:
        out.append("| kind | what differs | claims | match |\n|---|---|---|---|")
        for c in claims.conflicts:
            sides = f"{letter[c.a.article]}: {_quote(c.a.text)}<br>{letter[c.b.article]}: {_quote(c.b.text)}"
            out.append(f"| {c.kind} | {md_escape(c.description)} | {sides} | {c.score:.2f} |")
    else:
        out.append(NO_CONFLICTS_NOTE)
    out.append("\n### Shared\n")
    if claims.shared:
        out.append("| match | claims | not in |\n|---|---|---|")
        for group in claims.shared:
            members = "<br>".join(f"{letter[m.article]}: {_quote(m.text)}" for m in group.members)
            out.append(f"| {group.score:.2f} | {members} | {', '.join(letter[m] for m in group.missing)} |")
    else:
        out.append(NO_SHARED_NOTE)
    for article_id, refs in claims.unique.items():
        if refs:
            out.append(f"\n### Only in {letter[article_id]} ({md_escape(names[article_id])})\n")
            out.extend(f"- {_quote(ref.text)}" for ref in refs)
    out.append("")
    if comparison.naming:
        out.append("## Naming\n")
        header = " | ".join(letter[a.id] for a in comparison.articles)
        out.append(f"| actor | {header} | contrast |\n|---|" + "---|" * len(comparison.articles) + "---|")
        for contrast in comparison.naming:
            cells = []
            for article in comparison.articles:
                labels = contrast.labels.get(article.id)
                if labels is None:
                    cells.append("*(not named)*")
                    continue
                cell = "; ".join(md_escape(label.text) + ("" if label.kind == "name" else f" ({label.kind})") for label in labels[:6])
                descriptors = contrast.descriptors.get(article.id) or []
                if descriptors:
                    cell += "<br>described: " + md_escape(", ".join(dict.fromkeys(d.text for d in descriptors)))
                tone = contrast.tone.get(article.id)
                if tone is not None:
                    cell += f"<br>tone {tone:+.2f}"
                cells.append(cell)
            out.append(f"| {md_escape(contrast.entity)} | " + " | ".join(cells) + f" | {contrast.contrast:.2f} |")
        out.append("")
    out.append("## Wording side by side\n")
    out.extend(f"- {letter[a.id]} {md_escape(names[a.id])}: {wording_line(a)}" for a in comparison.articles)
    out.append("")
    if comparison.sourcing:
        out.append("## Sourcing side by side\n")
        for side in comparison.sourcing:
            out.append(f"### {letter[side.article]} {md_escape(names[side.article])}\n")
            profile = side.profile
            if profile is not None:
                out.append(
                    f"- {profile.claims} claims: {profile.attributed_share:.0%} attributed, "
                    f"{profile.anonymous_share:.0%} anonymous, {profile.hedged_share:.0%} hedged"
                )
            out.extend(f"- source: {md_escape(s.text)} ({s.kind})" for s in side.sources)
            out.extend(f"- chain: {md_escape(' ← '.join(chain))}" for chain in side.chains)
            out.append("")
    return "\n".join(out) + "\n"
