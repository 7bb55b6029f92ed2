"""The one data model. JSON output, JSON Schema, API bodies and database rows all come from here.

Everything the analysis finds is a span: ``[start, end)`` character offsets into ``Article.text`` plus the
covered text, so every finding can be checked against the words it rests on.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Span",
    "RemovedLine",
    "Sentence",
    "Mention",
    "Entity",
    "TimeExpression",
    "Article",
    "EntityKind",
    "MentionKind",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int = Field(ge=0, description="Character offset into the article text (inclusive).")
    end: int = Field(ge=0, description="Character offset into the article text (exclusive).")
    text: str = Field(description="The covered text, exactly as it stands in the article.")


class RemovedLine(_Model):
    """A line that cleaning dropped from the input, kept so that nothing is silently lost."""

    line: int = Field(description="1-based line number in the input as received.")
    start: int = Field(description="Character offset of the line in the input as received (not in `text`).")
    end: int
    text: str
    rule: str = Field(description="Why it was removed, e.g. 'navigation', 'share_prompt', 'caption'.")


class Sentence(Span):
    pass


EntityKind = Literal["person", "organization", "place", "group", "event", "product", "law", "other"]
MentionKind = Literal["name", "role_name", "role", "descriptor", "demonym", "metonym"]


class Mention(Span):
    """One place the article refers to an entity, and how (by name, by role, as a demonym...)."""

    kind: MentionKind = "name"


class Entity(_Model):
    id: str = Field(description="Stable within the article, e.g. 'e3'.")
    name: str = Field(description="Canonical name: the fullest proper name the article uses.")
    kind: EntityKind
    role: str | None = Field(default=None, description="Title or role the article gives, e.g. 'Russian President'.")
    mentions: list[Mention] = Field(default_factory=list)


TimeKind = Literal["absolute", "relative", "duration"]
Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade", "century"]


class TimeExpression(Span):
    """A time expression resolved to an ISO value at its own granularity (2018-05-09, 2015-09, 2019)."""

    value: str | None = Field(description="ISO 8601 at the expression's granularity; a duration as P…; null if unresolved.")
    granularity: Granularity | None = None
    kind: TimeKind = "absolute"
    anchor: Literal["published", "previous", "estimate"] | None = Field(
        default=None,
        description="What a relative expression was resolved against: the publication date, the previous time "
        "in the text, or an estimated date (when the publication date is unknown).",
    )
    estimated: bool = Field(default=False, description="True when the value rests on an estimated anchor date.")
    earliest: dt.date | None = Field(default=None, description="First day the value covers.")
    latest: dt.date | None = Field(default=None, description="Last day the value covers.")


class Article(_Model):
    """An article as ingested (text and metadata) and, after analysis, everything found in it."""

    id: str
    source: str | None = Field(default=None, description="Where it was read from: a path, URL, 'stdin', or record.")
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    estimated_date: tuple[dt.date, dt.date] | None = Field(
        default=None,
        description="When `published` is unknown: the range the text's own absolute dates suggest (an estimate).",
    )
    language: str | None = None
    text: str = Field(description="The analyzed text; every span indexes it.")
    removed: list[RemovedLine] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """Build a span over this article's text (the only way analysis stages should make one)."""
        return Span(start=start, end=end, text=self.text[start:end])
