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
    "Attribution",
    "Source",
    "Claim",
    "claims_of_attributions",
    "reported_through",
    "Certainty",
    "SourcingProfile",
    "SourceKind",
    "EntityKind",
    "MentionKind",
    "Label",
    "LabelKind",
    "Descriptor",
    "Tone",
    "LoadedTerm",
    "LoadedCategory",
    "PersuasivePassage",
    "Relation",
    "RelationEvidence",
    "PairRelation",
    "ClaimRef",
    "ClaimGroup",
    "Conflict",
    "ClaimAlignment",
    "NamingContrast",
    "SourcingSide",
    "Evidence",
    "SummarySentence",
    "Comparison",
    "Story",
    "Grouping",
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


LabelKind = Literal["name", "role", "metonym", "demonym", "epithet", "appositive", "copula", "coreference"]


class Label(Span):
    """One way the article refers to an entity: a name, a metonym ('Tel Aviv'), an epithet ('Syrian dictator
    Bashar Assad'), an appositive or copula phrase, or a descriptive noun phrase linked by coreference."""

    kind: LabelKind
    head: str | None = Field(default=None, description="The phrase's head noun, lower-cased ('regime', 'state').")
    polarity: float = Field(default=0.0, ge=-1.0, le=1.0, description="Lexicon polarity of its words, -1..1.")


class Descriptor(Span):
    """An adjective or noun the article applies to an entity ('brutal', 'dictator', 'terror', 'resistance')."""

    word: str = Field(description="The lemma, lower-cased.")
    polarity: float = Field(ge=-1.0, le=1.0, description="From the project's lexicon: -1 negative .. +1 positive.")


class Tone(_Model):
    """A simple, explainable polarity for an entity: the mean of the polarities of the spans in `evidence`."""

    score: float = Field(ge=-1.0, le=1.0)
    evidence: list[Span] = Field(default_factory=list, description="Labels, descriptors and verbs that make it.")


class Entity(_Model):
    id: str = Field(description="Stable within the article, e.g. 'e3'.")
    name: str = Field(description="Canonical name: the fullest proper name the article uses.")
    kind: EntityKind
    role: str | None = Field(default=None, description="Title or role the article gives, e.g. 'Russian President'.")
    mentions: list[Mention] = Field(default_factory=list)
    labels: list[Label] = Field(default_factory=list)
    descriptors: list[Descriptor] = Field(default_factory=list)
    tone: Tone | None = None


LoadedCategory = Literal["label", "loaded", "euphemism", "intensifier", "scare_quotes"]


class LoadedTerm(Span):
    """Loaded or emotive wording: name calling, emotive words, euphemisms, intensifiers, scare quotes."""

    category: LoadedCategory
    target: str | None = Field(default=None, description="Id of the entity it is aimed at, when there is one.")
    polarity: float = Field(default=0.0, ge=-1.0, le=1.0)
    found_by: Literal["lexicon", "tagger", "quotation"] = Field(
        default="lexicon",
        description="The project's lexicon, the learned tagger (less certain: see `confidence`), or quotation marks.",
    )
    confidence: float | None = Field(
        default=None, ge=0.0, le=1.0, description="For a tagger finding: its mean token probability (0..1)."
    )


class PersuasivePassage(Span):
    """A sentence that likely uses a propaganda technique (doubt, fear, flag-waving, exaggeration, ...), by a
    learned sentence model (in reported speech, the words reported), or with ``--tagger`` a phrase the word-piece
    tagger marks: less certain than a loaded word, so it carries its ``confidence``."""

    confidence: float = Field(
        ge=0.0, le=1.0, description="The model's chance that the sentence uses a technique (the tagger's: its words' mean)."
    )
    cues: list[Span] = Field(
        default_factory=list, description="The words that weighed most towards the call (none from the tagger: the span is its words)."
    )


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


SourceKind = Literal["person", "official", "media", "anonymous", "document", "unattributed"]


class Source(Span):
    """Who an attribution rests on, typed so a reader sees at once whether anyone is named."""

    kind: SourceKind
    entity: str | None = Field(default=None, description="Id of the canonical entity the source is, when it is one.")
    name: str | None = Field(default=None, description="The canonical entity's name, or the source's own words.")
    through: str | None = Field(
        default=None,
        description="The organization an unnamed source belongs to, as written ('Independent Arabia's Russian "
        "source' -> 'Independent Arabia'), or the news outlet a source spoke to ('told Independent Arabia'): a step "
        "in the source chain.",
    )
    antecedent: Span | None = Field(
        default=None,
        description="For a pronoun source: what it stands for. 'The mayor, who said': the noun the relative "
        "pronoun modifies, by the parse. 'He said': the nearest person named before it, an inference.",
    )
    tagger_chance: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="Set when the attribution tagger (--tagger) named this source in place of the rules' reading of "
        "the same cue: the mean source chance of its word pieces (0..1), less certain than the parse. Null otherwise.",
    )


class Attribution(_Model):
    """Someone said, reported or thinks something (PolNeAR's source / cue / content)."""

    source: Source | None = Field(description="Null when the text gives no source ('it was reported that').")
    cue: Span = Field(description="The reporting expression: said, told, according to, claimed, warned...")
    content: Span = Field(description="What is attributed.")
    continuation: Span | None = Field(
        default=None,
        description="The rest of a quotation its reporting clause interrupts ('\"We will win,\" he said. \"We always "
        "do.\"'), or of a sentence it interrupts ('The vote will be close, Ruiz said, because the rain kept voters "
        "home.'): what is attributed, after the cue.",
    )
    kind: Literal["direct", "indirect", "mixed"] = Field(
        description="direct: the content is a quotation; mixed: part quoted; indirect: reported speech."
    )
    content_type: Literal["proposition", "object"] = Field(
        default="proposition",
        description="proposition: what the source says or holds true (a clause or quotation); object: what the "
        "source acts on or names ('praised [the plan]', 'called for [an inquiry]'), where the sentence itself stays "
        "the outlet's own claim.",
    )
    via: int | None = Field(
        default=None,
        description="Index of the attribution whose content holds this one's cue: the source it is reported through "
        "(a nested source), unless that one is an object ('rescinded [the order that critics called cruel]'), which "
        "passes nothing on (see reported_through).",
    )
    recipient: Span | None = Field(default=None, description="Who was told ('told Independent Arabia').")
    found_by: Literal["rules", "tagger", "rules+tagger"] = Field(
        default="rules",
        description="The rules over the parse, the learned attribution tagger (on with --tagger; only reports the "
        "rules miss; less certain: see `confidence`), or the rules with the content's bounds the tagger read on the "
        "same cue (rules+tagger).",
    )
    confidence: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="For a tagger finding: the mean chance of its cue's word pieces (0..1); for rules+tagger, of its "
        "content's.",
    )
    corroboration: Span | None = Field(
        default=None,
        description="Where the content says the information was checked against other sources ('corroborated "
        "the information with Israeli sources'): a claim of corroboration, itself unverified.",
    )


Certainty = Literal["asserted", "reported", "hedged", "denied", "conditional"]


class Claim(Span):
    """A clause or sentence put forward as true, on someone's authority, with how firmly it is put."""

    attribution: int | None = Field(description="Index into `attributions`, or null for the outlet's own voice.")
    certainty: Certainty = Field(
        description="asserted (own voice, unhedged, or through a cue that vouches for it: confirmed, revealed), "
        "reported (neutral cue), hedged (reportedly, allegedly, claimed, may...), denied, or conditional (if...)."
    )
    hedges: list[Span] = Field(default_factory=list, description="The words that set the certainty.")
    vague: list[Span] = Field(
        default_factory=list,
        description="Weasel words: vague quantities and faceless authorities ('some', 'critics', 'it is argued').",
    )
    actors: list[str] = Field(default_factory=list, description="Names of the entities the claim mentions.")
    time: str | None = Field(default=None, description="ISO value of the first time expression in the claim.")


def claims_of_attributions(claims: list[Claim]) -> dict[int, Claim]:
    """Attribution index -> the claim its own content makes: the first one, not a quotation carried on after it
    (``find_claims`` puts content claims first, and content comes before its continuation in the text)."""
    found: dict[int, Claim] = {}
    for claim in claims:
        if claim.attribution is not None:
            found.setdefault(claim.attribution, claim)
    return found


def reported_through(attributions: list[Attribution], index: int) -> int | None:
    """The attribution one is reported through: its ``via``, unless that one's content is what a source acts on or
    names (an object), where a report inside is the outlet's own and no source stands between."""
    via = attributions[index].via
    return via if via is not None and attributions[via].content_type != "object" else None


class SourcingProfile(_Model):
    """How an article sources what it says, counted from its attributions and claims."""

    by_kind: dict[str, int] = Field(description="Attributions per source kind.")
    claims: int
    attributed_share: float = Field(description="Share of claims that rest on a source rather than the outlet.")
    anonymous_share: float = Field(description="Share of claims resting on anonymous sources.")
    hedged_share: float = Field(description="Share of claims hedged.")
    media: list[str] = Field(default_factory=list, description="Other media the article relies on.")
    chains: list[list[str]] = Field(
        default_factory=list,
        description="Paths from the outlet to each original source: [outlet, medium, ..., source].",
    )


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
        description="When `published` is unknown: the range the text's own absolute dates suggest (a weak estimate:"
        " eval/dating.py).",
    )
    language: str | None = None
    text: str = Field(description="The analyzed text; every span indexes it.")
    removed: list[RemovedLine] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    sourcing: SourcingProfile | None = None
    loaded_terms: list[LoadedTerm] = Field(default_factory=list)
    persuasive_passages: list[PersuasivePassage] = Field(default_factory=list)
    analyzer: str | None = Field(
        default=None,
        description="What made the findings: the package version, a hash of its code, lexicons and models, and"
        " the spaCy pipeline. A stored article or comparison made by another analyzer is made again.",
    )

    def span(self, start: int, end: int) -> Span:
        """Build a span over this article's text (the only way analysis stages should make one)."""
        return Span(start=start, end=end, text=self.text[start:end])


# --- Comparison: across articles. Refers to articles by id and to spans in their texts. -----------------------

Relation = Literal["same_event", "same_storyline", "unrelated"]


class RelationEvidence(_Model):
    """Why two articles were judged related: what they share and how far apart their events are."""

    shared_entities: list[str] = Field(default_factory=list, description="Canonical names both articles mention.")
    shared_places: list[str] = Field(default_factory=list)
    dates: dict[str, list[str]] = Field(
        default_factory=dict, description="Per article id: the resolved dates its main event is placed at."
    )
    date_gap_days: int | None = Field(default=None, description="Days between the two events, when both are dated.")
    subject_similarity: float = Field(description="Cosine similarity of the two texts (0..1).")
    entity_overlap: float = Field(default=0.0, description="Weighted overlap of the entity sets (0..1).")
    reasons: list[str] = Field(default_factory=list, description="Plain sentences saying why, e.g. 'a year apart'.")


class PairRelation(_Model):
    a: str = Field(description="Article id.")
    b: str = Field(description="Article id.")
    relation: Relation
    score: float = Field(description="Relatedness 0..1 the decision rests on.")
    evidence: RelationEvidence


class ClaimRef(Span):
    """A claim in one article: its span there and its index in that article's `claims`."""

    article: str
    claim: int


class ClaimGroup(_Model):
    """Claims in different articles that say the same thing; `missing` lists the articles that don't (omission)."""

    members: list[ClaimRef]
    score: float = Field(description="The weakest pairwise match score in the group (0..1).")
    missing: list[str] = Field(default_factory=list)


ConflictKind = Literal["number", "date", "place", "actor", "polarity"]


class Conflict(_Model):
    """Two claims on the same subject and predicate that differ in a number, date, place, actor or polarity."""

    a: ClaimRef
    b: ClaimRef
    kind: ConflictKind
    a_value: Span | None = Field(default=None, description="What differs, as written in a's article.")
    b_value: Span | None = Field(default=None, description="What differs, as written in b's article.")
    description: str = Field(description="What differs, in plain words: '12 killed vs 15 killed'.")
    score: float = Field(description="How closely the two claims match otherwise (0..1).")


class ClaimAlignment(_Model):
    shared: list[ClaimGroup] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    unique: dict[str, list[ClaimRef]] = Field(default_factory=dict, description="Per article id: claims no other has.")


class NamingContrast(_Model):
    """How differently the articles name one actor, strongest contrasts first."""

    entity: str = Field(description="The canonical name across the articles.")
    entities: dict[str, str] = Field(description="Per article id: the id of the entity in that article.")
    labels: dict[str, list[Label]] = Field(default_factory=dict)
    descriptors: dict[str, list[Descriptor]] = Field(default_factory=dict)
    tone: dict[str, float | None] = Field(default_factory=dict)
    contrast: float = Field(description="How different the naming is (0..1): label overlap and tone gap.")


class SourcingSide(_Model):
    """One article's sources and sourcing profile, for the side-by-side view."""

    article: str
    sources: list[Source] = Field(default_factory=list)
    chains: list[list[str]] = Field(default_factory=list)
    profile: SourcingProfile | None = None


class Evidence(Span):
    """A span in one article that a finding rests on."""

    article: str


class SummarySentence(_Model):
    text: str = Field(description="A plain sentence generated from the findings.")
    evidence: list[Evidence] = Field(description="The spans it rests on, in every article concerned.")


class Comparison(_Model):
    """Two or more analyzed articles set side by side."""

    id: str = Field(description="Content hash of the articles compared: the same inputs give the same id.")
    articles: list[Article]
    pairs: list[PairRelation] = Field(default_factory=list)
    claims: ClaimAlignment = Field(default_factory=ClaimAlignment)
    naming: list[NamingContrast] = Field(default_factory=list)
    sourcing: list[SourcingSide] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)


class Story(_Model):
    id: str
    articles: list[str] = Field(description="Article ids.")
    events: list[list[str]] = Field(default_factory=list, description="Article ids per event inside the story.")


class Grouping(_Model):
    """Many articles clustered into stories and, inside each, events."""

    stories: list[Story] = Field(default_factory=list)
    method: str = Field(default="", description="How the clustering was done (features, thresholds).")
    titles: dict[str, str] = Field(
        default_factory=dict, description="Per article id: its headline, else its source, for display (untrusted)."
    )
