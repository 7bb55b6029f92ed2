"""Markdown view of analyzed articles; article text is escaped so it cannot inject markup or HTML."""

from __future__ import annotations

import html
import re

from ..model import Article
from .summary import persuasion_note, view

__all__ = ["render_markdown", "md_escape"]

_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md_escape(text: str) -> str:
    """Make untrusted text inert in Markdown: HTML metacharacters become entities, the characters that start
    Markdown syntax get a backslash, and it stays on one line (tables)."""
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def render_markdown(articles: list[Article]) -> str:
    out: list[str] = []
    for article in articles:
        v = view(article)
        out.append(f"# {md_escape(v.title)}\n")
        meta = f"**Outlet:** {md_escape(v.outlet)} · **Published:** {md_escape(v.date)}"
        if v.byline:
            meta += f" · **Byline:** {md_escape(v.byline)}"
        out.append(meta + f"  \nid {md_escape(article.id)} · {len(article.sentences)} sentences · {v.removed} line(s) removed\n")
        if v.entities:
            out.append("## Entities\n\n| name | kind | role | mentions | as written |\n|---|---|---|---|---|")
            for entity, count, forms in v.entities:
                out.append(
                    f"| {md_escape(entity.name)} | {entity.kind} | {md_escape(entity.role or '')} | {count} | "
                    f"{md_escape('; '.join(forms[:4]))} |"
                )
            out.append("")
        if v.times:
            out.append("## Times\n\n| as written | value | kind | anchor |\n|---|---|---|---|")
            for t in v.times:
                anchor = (t.anchor or "") + (" (estimate)" if t.estimated else "")
                out.append(f"| {md_escape(t.text)} | {md_escape(t.value or '?')} | {t.kind} | {anchor} |")
            out.append("")
        if v.profile:
            out.append("## Sourcing\n")
            out.extend(f"- {md_escape(line)}" for line in v.profile)
            out.extend(f"- chain: {md_escape(chain)}" for chain in v.chains)
            out.append("")
        if v.attributions:
            out.append("## Who says what\n\n| source | cue | what | certainty | via |\n|---|---|---|---|---|")
            for row in v.attributions:
                certainty = row.certainty + (f" ({', '.join(row.hedges)})" if row.hedges else "")
                out.append(
                    f"| {md_escape(row.source)} | {md_escape(row.cue)} | {md_escape(row.content)} | "
                    f"{md_escape(certainty)} | {md_escape(row.via or '')} |"
                )
            out.append("")
        if v.own_voice:
            out.append("## The outlet's own claims that are not plainly asserted\n")
            out.extend(f"- {c} ({md_escape(', '.join(h))}): {md_escape(t)}" for t, c, h in v.own_voice)
            out.append("")
        if v.naming:
            out.append("## How actors are named\n\n| actor | labels | descriptors | tone |\n|---|---|---|---|")
            for row in v.naming:
                out.append(
                    f"| {md_escape(row.name)} | {md_escape('; '.join(row.labels))} | "
                    f"{md_escape(', '.join(row.descriptors))} | {md_escape(row.tone)} |"
                )
            out.append("")
        if v.loaded:
            out.append("## Loaded language\n")
            out.extend(
                f"- {category}: {md_escape(words)}" + (f" → {md_escape(target)}" if target else "")
                for words, category, target in v.loaded
            )
            out.append("")
        if v.persuasion:
            out.append(f"## Persuasive passages\n\n{persuasion_note(article)}\n")
            out.extend(
                f"- chance {chance:.2f}: “{md_escape(passage)}”" + (f" (words: {md_escape(cues)})" if cues else "")
                for passage, chance, cues in v.persuasion
            )
            out.append("")
        if article.removed:
            out.append("## Removed lines\n")
            out.extend(f"- line {r.line} ({r.rule}): {md_escape(r.text)}" for r in article.removed)
            out.append("")
    return "\n".join(out) + "\n"
