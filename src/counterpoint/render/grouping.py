"""Text and Markdown views of a Grouping (stories and their events). Titles come from articles: untrusted, so
each is escaped (rich markup in text, Markdown and HTML in md)."""

from __future__ import annotations

import io

from rich.markup import escape

from ..errors import Errors, InputError
from ..model import Grouping
from .markdown import md_escape

__all__ = ["GROUPING_FORMATS", "render_grouping", "render_grouping_text", "render_grouping_markdown"]

GROUPING_FORMATS = ("text", "md", "json")


def _title(grouping: Grouping, article_id: str) -> str:
    return grouping.titles.get(article_id) or article_id


def _summary(grouping: Grouping) -> tuple[int, int, int]:
    articles = sum(len(story.articles) for story in grouping.stories)
    events = sum(len(story.events) for story in grouping.stories)
    return articles, len(grouping.stories), events


def render_grouping_text(grouping: Grouping, *, color: bool = False, width: int = 100) -> str:
    """One block per story, its events numbered, each article by title and id."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False)
    articles, stories, events = _summary(grouping)
    console.print(f"{articles} article(s) in {stories} story(ies), {events} event(s)")
    for number, story in enumerate(grouping.stories, start=1):
        console.print()
        console.print(f"[bold]Story {number}[/bold] ({escape(story.id)}): {len(story.articles)} article(s)")
        for event_number, event in enumerate(story.events, start=1):
            console.print(f"  event {event_number}: {len(event)} article(s)")
            for article_id in event:
                console.print(f"    - {escape(_title(grouping, article_id))} [dim]({escape(article_id)})[/dim]")
    return buffer.getvalue()


def render_grouping_markdown(grouping: Grouping) -> str:
    articles, stories, events = _summary(grouping)
    out = [f"# Stories\n\n{articles} article(s) in {stories} story(ies), {events} event(s).\n"]
    for number, story in enumerate(grouping.stories, start=1):
        out.append(f"## Story {number} ({md_escape(story.id)})\n")
        for event_number, event in enumerate(story.events, start=1):
            out.append(f"### Event {event_number}\n")
            out.extend(f"- {md_escape(_title(grouping, a))} (id {md_escape(a)})" for a in event)
            out.append("")
    if grouping.method:
        out.append(f"_Method: {md_escape(grouping.method)}_\n")
    return "\n".join(out)


def render_grouping(grouping: Grouping, fmt: str, *, color: bool = False) -> str:
    """Render in one of GROUPING_FORMATS; JSON is the Grouping model as it is."""
    if fmt == "json":
        return grouping.model_dump_json(indent=2) + "\n"
    if fmt == "md":
        return render_grouping_markdown(grouping)
    if fmt == "text":
        return render_grouping_text(grouping, color=color)
    raise InputError(Errors.E061.format(format=fmt, formats=", ".join(GROUPING_FORMATS)))
