"""Who said what: source, cue and content spans from the dependency parse (PolNeAR's definition).

The shapes covered: a reporting verb with its clause on either side ("X said that ...", "..., the source
said"), a verb whose object is what is attributed ("called the plan 'reckless'"), "according to X" and "per X", a
noun of saying with its that-clause ("the ministry's claim that ..."), quotations beside a reporting clause, and
speaker labels ("Kerry: ..."). Nested attributions ("According to the report, a
source said ...") point to the outer one with ``via``. Sources are typed from the entities found earlier and
from their head noun; a pronoun source is resolved to the person it continues (the subject of the sentence before,
else the nearest named before it) whose gender, where the article shows one, the pronoun's agrees with.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import islice
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..model import Article, Attribution, Entity, Source, SourceKind
from ..model import Span as TextSpan
from ..resources import rows, table, word_list
from .attribution_tagger import (
    Reading,
    Tagged,
    better_contents,
    better_sources,
    content_chance,
    doubted,
    missed_by,
    read,
)
from .claims import removed_from_a_post, verdict_of
from .content_end import choose_end
from .entities import GLUED_POSSESSIVE, RANK_WORDS, names_a_country
from .nlp import RELATIVE_TAGS, kept_on, tokens_with
from .word_tagger import enabled as tagger_enabled

__all__ = ["find_attributions"]

#: Complements that carry what is attributed. An infinitive counts too: PolNeAR (and a reader) attributes
#: intentions and stances ("plans to open", "vowed to fight") to their source, not only speech.
_CONTENT_DEPS = frozenset({"ccomp", "xcomp"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_EXPLETIVES = frozenset({"it", "there"})
#: Verbs whose "it" is a placeholder, not a speaker ("it seems that", "it emerged that"); elsewhere an active
#: "it" is something that speaks ("it said it would appeal": a company, a letter).
_IMPERSONAL_VERBS = frozenset({"seem", "appear", "emerge", "turn", "transpire", "happen", "look", "sound", "remain", "follow"})
#: Pronouns that stand for one person, "his" included: "his claim that ..." is that man's claim.
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"they", "we", "i", "you"})
#: Quotation marks, opening to closing; two apostrophes are one mark in some archives' style (''Yes,'' he said).
_QUOTES = {'"': '"', "“": "”", "‘": "’", "''": "''"}
_QUOTE_MARKS = re.compile("|".join(map(re.escape, sorted({*_QUOTES, *_QUOTES.values(), "\n"}, key=len, reverse=True))))
#: The last character of every closing mark: a content ending in one ends in a quotation.
_CLOSING = frozenset(mark[-1] for mark in _QUOTES.values())
#: Words that, inside an organization's own name, mark it as a news organization ("Daily News", "Press TV").
_MEDIA_NAME_WORDS = frozenset({"news", "times", "post", "press", "tv", "radio", "journal", "herald",
                               "tribune", "gazette", "telegraph", "broadcasting", "television", "chronicle", "courier",
                               "sentinel", "inquirer", "enquirer", "examiner", "dispatch", "ledger", "bulletin",
                               "courant", "gleaner", "advertiser", "magazine", "daily"})

#: The last word of a news outlet's regional or language edition ("BBC Arabic", "CNN International").
_EDITION_WORDS = frozenset({"arabic", "arabia", "english", "international", "world", "global", "america", "americas",
                            "africa", "asia", "europe", "online", "digital", "persian", "urdu", "turkish", "french",
                            "spanish", "russian", "chinese", "español", "mundo"})


@dataclass
class _Draft:
    source: Span | None
    cue: tuple[int, int]  # token range
    content: tuple[int, int]  # character range
    recipient: Span | None = None
    content_type: str = "proposition"
    subject: Token | None = None  # of a verb draft, until it is kept
    recipient_token: Token | None = None
    bound: int | None = None  # an offset a content may not be extended past: a scene-setting phrase, another speaker
    antecedent: Span | None = None  # what a relative-pronoun source stands for ("the mayor, who said")
    by_rule: bool = False  # a verb draft kept whatever the cue model says (a citing aside: PolNeAR train marks 25 of 27)


def _cue_range(verb: Token) -> tuple[int, int]:
    """The verb with its auxiliaries, negation and particle ("has learned", "did not say", "pointed out")."""
    start, end = verb.i, verb.i + 1
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass", "neg"} and child.i < verb.i and child.i >= start - 3:
            start = min(start, child.i)
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    return start, end


def _subtree_chars(token: Token, exclude: Token | None = None, before: Token | None = None) -> tuple[int, int]:
    """Characters of a token's subtree, trimmed of edge punctuation and of a conjunction left at its end;
    optionally without an excluded subtree, or only the words before another."""
    tokens = [
        t
        for t in token.subtree
        if (exclude is None or not (exclude.left_edge.i <= t.i <= exclude.right_edge.i)) and (before is None or t.i < before.i)
    ]
    while tokens and (tokens[0].is_punct and tokens[0].text not in _QUOTES or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (
        tokens[-1].is_punct and tokens[-1].text not in _QUOTES.values() or tokens[-1].is_space or tokens[-1].dep_ == "cc"
    ):
        tokens.pop()  # and a conjunction whose second part the parser hung elsewhere ("..., and [only fools ...]")
    if not tokens:
        return token.idx, token.idx + len(token)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _span_of(token: Token) -> Span:
    doc = token.doc
    conjuncts = [c for c in token.children if c.dep_ == "conj"]
    if (
        conjuncts
        and token.ent_type_ in {"GPE", "LOC"}
        and token.i > 0
        and doc[token.i - 1].text == ","
        and not any(c.dep_ == "cc" for c in token.children)
    ):
        # "At a rally in Salem, Oregon, Ruiz said": the parser joined the place that ends a phrase to the speaker
        return _span_of(conjuncts[-1])
    start, end = token.left_edge.i, token.right_edge.i + 1
    if token.dep_ == "appos":  # a noun phrase the parser hung off another: only its own left part
        start, end = token.left_edge.i, token.i + 1
        while start < token.i and doc[start].dep_ == "punct":
            start += 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    end = _end_before_punctuation(doc, start, end)
    if end < len(doc) and _closes_within(doc, start, end) and not any(_closes_within(doc, start, i) for i in range(start, end)):
        end += 1  # "the Harbour Safety Board (HSB) said": the parser hung the closing bracket on the verb
    return doc[start:end]


def _end_before_punctuation(doc: Doc, start: int, end: int) -> int:
    """Where ``doc[start:end]`` ends without its trailing punctuation and spaces; a closing bracket whose opening
    one is in the phrase stays."""
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not _closes_within(doc, start, end - 1):
        end -= 1
    return end


_BRACKETS = {")": "(", "]": "["}


def _closes_within(doc: Doc, start: int, i: int) -> bool:
    """Whether the token at ``i`` is a closing bracket whose opening one lies in ``doc[start:i]`` ("Sen. Ann Lee
    (D-Ohio)"): part of the phrase, not punctuation around it."""
    opening = _BRACKETS.get(doc[i].text)
    return opening is not None and any(t.text == opening for t in doc[start:i])


@cache
def _with_capitals(words: frozenset[str]) -> frozenset[str]:
    """Lower-case words and their capitalized forms: a lemma keeps a sentence's or a headline's first capital."""
    return words | {word.capitalize() for word in words} | {word.upper() for word in words}


def _adjacent_quotes(verb: Token, quotes: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """Quotations right beside a reporting clause ('"Okay," I said, "we go."'): its content when the parser
    gave the verb none. Beside means at most a comma, colon or spaces between them, within one sentence: a
    quote closing with a full stop before a longer clause belongs to another sentence. A quote after the clause
    may open a new sentence; the caller decides whether it still counts (``_across_sentences``)."""
    # The clause lies within its subtree's edges, so a quote beside it ends or starts near them: most verbs have
    # none, and walking their subtree costs more than the rest of the test.
    low, high = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    if not any(low - 3 <= end <= high or low <= start <= high + 3 for start, end in quotes):
        return None
    # Quoted words the parser hung off the verb are not part of the reporting clause: before it ('"To a point," he
    # said'), or after it past a comma or colon ('she said: "Absolutely. ..."'); right after it they are its own
    # (admitted "mistakes").
    inside = [(start, end) for start, end in quotes if start < high and end > low]  # quotes the subtree reaches into
    clause = [t for t in verb.subtree if not (t.is_punct or t.is_space or _quotation_beside(verb, t, inside, text))]
    if not clause:
        return None
    left, right = clause[0].idx, clause[-1].idx + len(clause[-1])
    before, after = [], []
    for start, end in quotes:
        # A quote closed by a full stop still belongs to a bare "Trump said." right after it (loose punctuation).
        closed = text[end - 2 : end - 1] in {".", ""} and len(clause) > 4
        if 0 <= left - end <= 3 and not closed and not text[end:left].strip(" ,"):
            before.append((start, end))
        elif 0 <= start - right <= 3:
            after.append((start, end))
    # A quote on both sides ('"Okay," I said, "we go."'): the content is the first, the second its continuation;
    # unless a colon opens the second ('"We won." Reyes added: "Not for us."').
    beside = after if after and text[right : right + 3].lstrip(" ").startswith(":") else before or after
    if not beside:
        return None
    return min(s for s, _ in beside), max(e for _, e in beside)


def _quote_start(token: Token, quotes: list[tuple[int, int]]) -> int | None:
    """Where the quotation a word is inside opens, if it is inside one."""
    return next((start for start, end in quotes if start < token.idx < end), None)


def _quoted(token: Token, quotes: list[tuple[int, int]]) -> bool:
    return _quote_start(token, quotes) is not None


def _that_clause_in(token: Token) -> Token | None:
    """The first clause opened by "that" in a word's subtree."""
    return next(
        (d for d in token.subtree if d.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in d.children)),
        None,
    )


def _quoted_title(token: Token, quotes: list[tuple[int, int]], text: str) -> bool:
    """Whether a word is inside a quoted title: quotation marks opened right after a preposition, a possessive or
    a determiner ('on Channel 4's "Face the Facts"', 'in "The Art of the Deal"')."""
    start = _quote_start(token, quotes)
    if start is None:
        return False
    before = text[max(0, start - 40) : start].split()  # the article's text: Doc.text rebuilds it on each call
    return bool(before) and (before[-1].endswith(("'s", "’s")) or before[-1].lower() in {"on", "in", "to", "the", "of", "from"})


def _quotation_beside(verb: Token, token: Token, quotes: list[tuple[int, int]], text: str) -> bool:
    """Whether a word of a verb's subtree is inside a quotation before the verb, or one that opens after a comma
    or a colon after it."""
    start = _quote_start(token, quotes)
    if start is None:
        return False
    return token.i < verb.i or text[max(0, start - 2) : start].strip() in {",", ":"}


def _across_sentences(text: str, verb: Token, quoted: tuple[int, int]) -> bool:
    """Whether a quotation after a verb's clause opens a new sentence ('He told a different tale. "Q"')."""
    last = max((t.idx + len(t) for t in verb.subtree if not (t.is_punct or t.is_space)), default=verb.idx)
    if quoted[0] < last:
        return False
    gap = text[last : quoted[0]]
    return not gap.lstrip().startswith(":") and any(mark in gap for mark in (".", "!", "?", "\n"))


@cache
def _gloss_nouns() -> frozenset[str]:
    """Nouns a writer sums up what was said with: the nouns of saying and tallies ("..., a figure that could not be
    verified")."""
    return word_list("cue_nouns.txt") | {"figure", "number", "toll", "account", "version", "estimate", "tally", "count"}


def _end_before_trailing_clause(content: Token, chars: tuple[int, int], verbs: frozenset[str]) -> tuple[int, int]:
    """End a content before what trails it but is not part of it: a relative clause set off by a comma ("...,
    who does not need to", the writer's addition) or one that reports someone else's words ("..., which the
    source claimed represented an embarrassment"), and a participle that reports again ("..., claiming that").
    A relative clause whose pronoun is the one who reports ("met dockers who have claimed that ...") describes
    the noun: it stays, and the claim in it is nested in this content. A report the same speaker goes on to make
    ("said the vote was lost and said that ...", ``_reporter_who_goes_on``) is their next attribution."""
    start, end = chars
    doc = content.doc
    for token in content.subtree:
        if token.dep_ == "appos" and token.lemma_.lower() in _gloss_nouns() and token.i > content.i:
            # "..., a claim that could not be verified": the writer's word on what was said
            before = doc[token.left_edge.i - 1]
            if before.text in {",", "—", "–"} and token.right_edge.idx + len(token.right_edge) >= end - 1:
                return start, max(start + 1, before.idx)
        if token.dep_ in {"conj", "advcl"} and token.i > content.i and _reporter_who_goes_on(token) is not None:
            # "said the vote was lost and said that ...": the second report is the speaker's next, not this one's
            cut = token.left_edge
            while cut.i > content.left_edge.i and (cut.nbor(-1).is_punct or cut.nbor(-1).dep_ == "cc"):
                cut = cut.nbor(-1)
            return start, max(start + 1, cut.idx)
        if token.dep_ not in {"relcl", "advcl"} or token.i == content.i:
            continue
        if token.right_edge.idx + len(token.right_edge) < end - 1:
            continue
        before = doc[token.left_edge.i - 1] if token.left_edge.i > content.left_edge.i else None
        set_off = before is not None and (before.text in {"—", "–"} or _after_a_comma(token.left_edge))
        reports = any(
            t.lemma_.lower() in verbs and any(c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS for c in t.children)
            for t in token.subtree
        )
        if token.dep_ == "relcl":
            cut_here = set_off or reports
        elif token.dep_ == "advcl" and token.pos_ == "VERB" and token.lemma_.lower() in verbs:
            # "..., claiming that ...", "..., while the army said ...": a report of its own
            cut_here = set_off and (token.tag_ == "VBG" or any(c.dep_ == "nsubj" for c in token.children))
        elif token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"though", "although"} for c in token.children):
            # "said all staff sign the pledge, though she gave no details": the writer's remark on the speaker
            cut_here = set_off and _speaks_of_self(token, _nearest_subject(content.head))
        else:
            cut_here = False
        if cut_here:
            cut = token.left_edge
            while cut.i > content.left_edge.i and (cut.nbor(-1).is_punct or cut.nbor(-1).lower_ == "and"):
                cut = cut.nbor(-1)
            return start, max(start + 1, cut.idx)
    return start, end


#: The cue model's weights: a logistic regression over ``_cue_features``, trained by eval/train_attribution.py.
MODEL_NAME = "attribution_model.tsv"


#: Every shape a verb draft can take (``_verb_candidates``): the ceiling of a verb's score is over all of them.
_SHAPES = ("clause", "object", "quote", "parenthetical", "answer", "preposition")


#: How many ``CueModel.may_pass`` decisions are kept before they are cleared (each is a few hundred bytes).
_MAX_KEPT_DECISIONS = 200_000


@dataclass(frozen=True)
class CueModel:
    """The cue model: weights by feature (``_cue_features``) and the decision threshold on the probability."""

    weights: dict[str, float]
    threshold: float
    _ceilings: dict[tuple[str, str, str, str | None], float] = field(default_factory=dict, compare=False, repr=False)
    _passes: dict[tuple[_VerbFacts, str | None], bool] = field(default_factory=dict, compare=False, repr=False)

    def probability(self, features: list[str]) -> float:
        score = sum(self.weights.get(feature, 0.0) for feature in features)
        return 1.0 / (1.0 + math.exp(-score))

    @cached_property
    def _least_score(self) -> float:
        """The score the threshold stands for, less a margin for the rounding of sums in another order."""
        if not 0.0 < self.threshold < 1.0:  # every verb passes a threshold of 0, none one of 1
            return -math.inf if self.threshold <= 0.0 else math.inf
        return math.log(self.threshold / (1.0 - self.threshold)) - 1e-6

    @cached_property
    def _subject_ceiling(self) -> float:
        """The most any one subject feature adds (a subject never seen adds nothing)."""
        return max((w for f, w in self.weights.items() if f.startswith("subject=")), default=0.0)

    def may_pass(self, facts: _VerbFacts, shape: str | None = None) -> bool:
        """Whether a verb with these facts of its own, and this shape when it is known, can reach the threshold
        with the best of the features found only by reading its clause (shape, subject, quoted content). Most
        verbs cannot ("have", "make", "go"): the reading is skipped for them, with the same outcome. Kept per
        facts and shape: most recur."""
        if (passes := self._passes.get((facts, shape))) is None:
            if len(self._passes) >= _MAX_KEPT_DECISIONS:  # a long-running service meets ever new verbs
                self._passes.clear()
            own = sum(self.weights.get(feature, 0.0) for feature in _own_cue_features(facts))
            ceiling = self._clause_ceiling(facts.lemma, facts.lexicon, facts.dep, shape)
            passes = self._passes[(facts, shape)] = own + ceiling >= self._least_score
        return passes

    def _clause_ceiling(self, lemma: str, lexicon: str, dep: str, shape: str | None) -> float:
        """The most the features of a verb's clause can add, kept per verb, dependency and shape: few recur."""
        key = (lemma, lexicon, dep, shape)
        if (ceiling := self._ceilings.get(key)) is None:
            weights = self.weights
            ceiling = self._ceilings[key] = (
                max(
                    weights.get(f"shape={each}", 0.0) + weights.get(f"lemma|shape={lemma}|{each}", 0.0)
                    + weights.get(f"lexicon|shape={lexicon}|{each}", 0.0)
                    for each in (_SHAPES if shape is None else (shape,))
                )
                + max(weights.get(f"dep|subject={dep}|none", 0.0), weights.get(f"dep|subject={dep}|some", 0.0))
                + max(self._subject_ceiling, 0.0)
                + max(0.0, weights.get("quotes_content", 0.0) + weights.get(f"lemma|quotes_content={lemma}", 0.0))
            )
        return ceiling


@cache
def cue_model() -> CueModel:
    """The shipped cue model, trained by eval/train_attribution.py."""
    weights, threshold = {}, 0.5
    for feature, weight in rows(MODEL_NAME, 2):
        if feature == "threshold":
            threshold = float(weight)
        else:
            weights[feature] = float(weight)
    return CueModel(weights, threshold)


def _name_before_a_misread_verb(subject: Token) -> Span | None:
    """"Lopez departs City Hall, tells supporters ...": a headline's first verb the tagger read as a plural noun
    ("departs", "strides"), which made "Lopez departs City Hall" the subject of the second. Such a subject is a
    plural with a name compounded before it, or a verb with its own subject, with a comma right after it and none
    inside it; the name, or the verb's subject, is who speaks."""
    doc = subject.doc
    after = subject.right_edge.i + 1
    while after - 1 > subject.i and doc[after - 1].is_punct:
        after -= 1  # the parser may hang the comma on the subject itself
    if subject.tag_ not in {"NNS", "VBZ", "VBD"} or after >= len(doc) or doc[after].text != "," or after + 1 != subject.head.i:
        return None
    if any(t.text == "," for t in doc[subject.left_edge.i : after]):
        return None  # "Exit polls from the primary, which Ruiz won, said": a noun phrase with a clause of its own
    if subject.pos_ == "VERB":  # or read as a verb whose clause is the subject: "[Bradley strides on stage], declares"
        doer = next((c for c in subject.children if c.dep_ == "nsubj" and c.i < subject.i), None)
        return doc[doer.left_edge.i : doer.i + 1] if doer is not None else None
    if subject.tag_ != "NNS":
        return None
    names = [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i and (c.pos_ == "PROPN" or c.ent_type_)]
    if not names or names[-1].i != subject.i - 1:
        return None
    return doc[names[0].left_edge.i : subject.i]


def _verb_drafts(doc: Doc, quotes: list[tuple[int, int]], text: str) -> list[_Draft]:
    """The verb candidates the cue model takes for reporting ones."""
    model = cue_model()
    candidates = _verb_candidates(doc, quotes, text, model)
    kept = [d for d, features in candidates if d.by_rule or model.probability(features) >= model.threshold]
    for draft in kept:
        subject = draft.subject
        if subject is not None and (antecedent := _relative_antecedent(subject)) is not None:
            # "Rivera, who backed Lopez and said ...": the source stays on "who", the words written; Rivera is who
            draft.source = doc[subject.i : subject.i + 1]
            draft.antecedent = doc[antecedent.left_edge.i : antecedent.i + 1]
        elif subject is not None and subject.left_edge.i <= draft.cue[0] <= subject.right_edge.i:
            # "a letter saying that ...": the letter, not the whole phrase with its own cue and content
            draft.source = doc[subject.left_edge.i : subject.i + 1]
        else:
            named = _name_before_a_misread_verb(subject) if subject is not None else None
            draft.source = named or (_with_its_description(_span_of(subject)) if subject is not None else None)
            if draft.source is not None and subject is not None:
                draft.source = _with_the_object_its_clause_lost(draft.source, subject)
        if draft.source is not None:
            draft.source = _after_quoted(draft.source, quotes)
        recipient = draft.recipient_token
        # whom it is said to, not what: an object that is all the content is no recipient ("vowed [a war]")
        if recipient is not None and draft.content != _subtree_chars(recipient):
            draft.recipient = _span_of(recipient)
    return kept


def _with_its_description(source: Span) -> Span:
    """A speaker's name with the phrase of "of" that ends right before it ("..., the weekend edition of local
    paper The Courier said"): the parser may hang that phrase off a word before the comma, or make it a second
    subject of the verb, and leave the name alone, though the name completes it ("local paper The Courier")."""
    doc = source.doc
    if not len(source):
        return source  # a subject of punctuation alone
    if source[-1].pos_ == "NOUN" and source.end < len(doc):
        # the phrase was taken for the subject; the name after it is the other one
        name = next((t for t in source.root.head.children if t.left_edge.i == source.end), None)
        if name is not None and name.dep_ in _SUBJECT_DEPS | {"appos"}:
            joined = doc[source.start : name.i + 1]
            return joined if _with_its_description(doc[name.left_edge.i : name.i + 1]) == joined else source
    if source.start == 0 or source[0].lower_ != "the" or source.root.pos_ != "PROPN":
        return source
    before = doc[source.start - 1]
    preposition = before.head
    if before.pos_ != "NOUN" or before.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.pos_ != "NOUN":
        return source
    described = preposition.head
    start = described.left_edge.i
    sibling = described.dep_ in _SUBJECT_DEPS and described.head.i == source.root.head.i
    if described.right_edge.i != before.i or not (sibling or described.head.i < start):
        return source
    if start == 0 or doc[start - 1].text != ",":
        return source  # not a phrase set off by a comma from what comes before
    return doc[start : source.end]


def _after_quoted(source: Span, quotes: list[tuple[int, int]]) -> Span:
    """A source without the quoted words the parser put at the start of its phrase ('"It is settled," member Mark
    Levine') or at its end ('said Ruiz, the treasurer, "and we will ..."'): the words between, when any are left."""
    doc = source.doc
    start = source.start
    while start < source.end and (_quoted(doc[start], quotes) or doc[start].is_punct or doc[start].is_space):
        start += 1
    end = next((i for i in range(start, source.end) if _quotation_after_comma(doc, i, quotes)), source.end)
    end = _end_before_punctuation(doc, start, end)
    return doc[start:end] if start < end and (start, end) != (source.start, source.end) else source


def _quotation_after_comma(doc: Doc, i: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether a word opens a quotation set off by a comma: what is said, not a nickname ('Lee "the Hammer" Jones')."""
    return i >= 2 and _quoted(doc[i], quotes) and doc[i - 1].is_punct and doc[i - 2].text == ","


#: Verbs whose "if" clause is the question asked ("asked him if he would run"), not a condition.
_ASKING_VERBS = frozenset({"ask", "wonder", "inquire", "question"})


#: Prepositions of the circumstances of asking ("asked him during a phone conversation to ...", "in a letter").
_SETTING_PREPOSITIONS = frozenset({"during", "in", "on", "at", "over", "by", "after", "before"})


def _question_asked(verb: Token, children: list[Token]) -> Token | None:
    """The "if"/"whether" clause or the to-infinitive a verb of asking takes ("asked him during the call to resign"),
    which the parser may hang off it as a condition or a purpose, or off the noun of a phrase of its circumstances
    ("asked him during a phone conversation [to resign]"); "asked for a plan to cut costs" asks for the plan."""
    for c in children:
        if c.dep_ == "advcl" and c.i > verb.i and (
            any(m.dep_ == "mark" and m.lower_ in {"if", "whether"} for m in c.children) or _to_infinitive(c)
        ):
            return c
    for prep in children:
        if prep.dep_ == "prep" and prep.i > verb.i and prep.lower_ in _SETTING_PREPOSITIONS:
            for noun in prep.children:
                asked = next((c for c in noun.children if c.dep_ in {"acl", "relcl"} and _to_infinitive(c)), None)
                if noun.dep_ == "pobj" and asked is not None:
                    return asked
    return None


def _relative_antecedent(subject: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the mayor, who said ..." -> "mayor"), if the parse shows it."""
    if subject.tag_ not in RELATIVE_TAGS:
        return None
    clause = next((t for t in subject.ancestors if t.dep_ == "relcl"), None)
    if clause is None or clause.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return clause.head


def _a_verb_by_its_parse(token: Token, verbs: frozenset[str]) -> bool:
    """A reporting verb the tagger called a noun while the parser gave it a subject and a clause ("Accountant
    claims Comcast got him fired": "claims" a noun with "Accountant" for its subject)."""
    return token.lemma_.lower() in verbs and token.tag_ == "NNS" and any(
        c.dep_ == "nsubj" for c in token.children
    ) and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children)


def _object_a_clause_lost(subject: Token, subjects: list[Token]) -> bool:
    """A subject right after a relative clause, inside another subject's phrase, that ends in a verb with no object:
    the parser split that verb from its object and made the object a subject ("an actor who played Tom Bradley")."""
    if subject.left_edge.i == 0:
        return False
    verb = subject.doc[subject.left_edge.i - 1]
    return (
        subject.dep_ in _SUBJECT_DEPS
        and subject.pos_ in {"NOUN", "PROPN"}
        and verb.pos_ == "VERB"
        and verb.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.tag_ in RELATIVE_TAGS for c in verb.children)  # "who played", not "he owns"
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd"} for c in verb.children)
        and any(other is not subject and other.left_edge.i <= verb.i <= other.right_edge.i for other in subjects)
    )


def _with_the_object_its_clause_lost(source: Span, subject: Token) -> Span:
    """The source phrase with the object the parser took from its relative clause ("The family of an actor who
    played [Tom Bradley]"; see ``_object_a_clause_lost``)."""
    doc = source.doc
    if source.end >= len(doc) or source.end - 1 != subject.right_edge.i:
        return source
    lost = next((c for c in subject.head.children if c.left_edge.i == source.end and c is not subject), None)
    if lost is None or not _object_a_clause_lost(lost, [subject, lost]):
        return source
    return doc[source.start : lost.right_edge.i + 1]


def _verb_candidates(
    doc: Doc, quotes: list[tuple[int, int]], text: str, model: CueModel | None = None
) -> list[tuple[_Draft, list[str]]]:
    """Every verb that governs something that could be attributed (a clause, an object, a prepositional
    phrase, an adjacent quotation) or that sits parenthetically beside a clause, as a draft with the features
    the cue model scores: whether a verb reports is learned, not listed, because PolNeAR's cues run from
    "said" through "wants", "sees" and "called for" and most verbs that take a clause are not cues. Given the
    model, the verbs it could not take whatever they govern are left out (training reads them all)."""
    verbs, object_verbs = word_list("report_verbs.txt"), word_list("object_cues.txt")
    known = verbs | object_verbs
    candidates = []
    mistagged = [t for t in tokens_with(doc, "POS", frozenset({"NOUN"})) if _a_verb_by_its_parse(t, verbs)]
    for token in sorted(tokens_with(doc, "POS", frozenset({"VERB"})) + mistagged, key=lambda t: t.i):
        lemma = token.lemma_.lower()
        if lemma == "accord" or _as_clause_report(token):
            continue  # "according to X", "as X reported" have their own shapes (``_according_to_drafts``, ...)
        children = list(token.children)  # spaCy makes a new Token object on each walk: walk once
        citing = _citing_aside(token, children)
        lexicon = "report" if lemma in verbs else "object" if lemma in object_verbs else "none"
        facts = _verb_facts(token, children, lemma, lexicon, quotes)
        # a verb of saying may be kept by rule (an answer, an aside taken for a conjunct): it is always read
        skippable = model is not None and not citing and lexicon != "report"
        if skippable and not model.may_pass(facts):
            continue
        # "26 percent said the same": the parser may take "the same" for a second subject; it is what they said
        subjects = [c for c in children if c.dep_ in _SUBJECT_DEPS and not _dateline(c) and not (c.i > token.i and c.lower_ == "same")]
        if len(subjects) > 1:
            # "The family of an actor who played Tom Bradley has called": the parser may take the object of a
            # relative clause for a second subject; it is the clause's, and the subject is the noun the clause is in
            subjects = [c for c in subjects if not _object_a_clause_lost(c, subjects)] or subjects
            # '"Toil or go to prison," Frank writes': the parser may take quoted words for one; "which the source
            # claimed was ...": or the relative pronoun, which belongs to the clause claimed
            subjects.sort(key=lambda c: (_quoted(c, quotes), c.tag_ in RELATIVE_TAGS, abs(token.i - c.i)))
        subject = subjects[0] if subjects else None
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if agent is not None:
            subject = next((c for c in agent.children if c.dep_ == "pobj"), subject)
        clauses = [c for c in children if c.dep_ in _CONTENT_DEPS and not _reduced_relative(c)]
        conjunct_aside = False
        if citing:
            # "said, quoting an official, that ...": the parser hung the said clause off "quoting"; what is cited is
            # the official (the object), and the clause is the report's (``_clause_beyond_citing``)
            clauses = []
        elif not clauses and (beyond := _clause_beyond_citing(token, children) or _clause_beyond_manner(children)) is not None:
            clauses = [beyond]
        if len(clauses) > 1 and any(_quoted(c, quotes) for c in clauses):
            # '"It is a mess," she said answering a question': the quotation is what she says; and not the title of
            # the show she said it on ('said on Channel 4's "Face the Facts"')
            clauses = [c for c in clauses if not (_manner_participle(token, c) or _quoted_title(c, quotes, text))] or clauses
        if len(clauses) == 1 and _quoted_title(clauses[0], quotes, text) and (said := _that_clause_in(clauses[0])) is not None:
            # 'said on Channel 4's "Face the Facts" on Sunday that ...': the parser hung the said clause off the title
            clauses = [said]
        # Of two clauses, the one after the verb ("X, a rabbi [parsed as a clause], said he was alarmed")
        content = max(clauses, key=lambda c: c.i > token.i, default=None)
        answer = (_yes_or_no(token, children) or _said_the_same(token)) if lemma in verbs else None
        if content is not None and answer is not None and _answer_before_an_aside(token, answer, content):
            content = None  # "31 percent said the same, the poll found": the parser hung the aside on the verb
        inverted_speaker = _speaker_after_an_inverted_aside(token, subject, content) if lemma in verbs else None
        if inverted_speaker is not None:
            # "The plan, said Ana Ruiz, an economist, would fail": she speaks, and the plan is what her words are about
            subject, content_start = inverted_speaker, _subtree_chars(subject)[0]
        else:
            content_start = None
        if subject is None and content is not None and (speaker := _speaker_misread_as_a_clause(token, content, quotes, text)):
            subject, content = speaker, None  # the quotation before the verb is what is said
        if content is None and lemma in _ASKING_VERBS:
            content = _question_asked(token, children)
        if (
            _names_or_goes_on(lemma, children, content)
            or _names_in_passing(token, lemma, children)
            or _an_act_without_auxiliary(token, children, subject)
            or removed_from_a_post(token)
            or _judges_what_to_say(token)
            or _discourse_marker(token, subject)
        ):
            continue
        recipient = next((c for c in children if c.dep_ in {"dobj", "dative"} and c.i > token.i), None)
        if subject is None and content is not None and content.i < token.i and (inverted := _inverted_subject(token, recipient)):
            subject, recipient = inverted, None  # '"...," added Lopez': the parser took the speaker for an object
        cue = _cue_range(token)
        after = None if content is not None or _has_particle(token) else _governed_after(token)
        addressee = None
        if after is not None and lemma in _TELLING_VERBS and _only_addressee(token, children, recipient):
            # "told [the Gazette] before the vote": the one spoken to is not what is told
            addressee, after = recipient, None
        if content is not None:
            if _describes_a_scene(token, lemma, children, content, known):
                continue
            shape = "clause"
            aside = next((c for c in content.children if c.i < content.i and _citing_aside(c, list(c.children))), None)
            content_chars = _end_before_trailing_clause(content, _subtree_chars(content, exclude=aside), verbs)
            if content_chars[0] <= token.idx < content_chars[1]:
                # "which critics said [was a mistake]": the relative pronoun hangs off the clause, before the verb
                content_chars = (_after_token(token), content_chars[1])
            if content_start is not None:
                content_chars = (content_start, content_chars[1])
        elif lemma not in verbs and after is not None:
            # A verb that governs an object attributes that object, not a quotation beside it ("attacked [the
            # program]" next to someone else's quote); only verbs of saying take the quotation first.
            shape, content_chars = "object", after
        elif (quoted := _adjacent_quotes(token, quotes, text)) is not None and not _across_sentences(text, token, quoted):
            shape, content_chars = "quote", quoted
        elif conjunct_aside := lemma in verbs and _reporting_clause_taken_for_a_conjunct(token, subject, quotes):
            # "X is under pressure, said the company's chief executive": a clause after a comma, without "and"
            shape, content_chars = "parenthetical", _subtree_chars(token.head, before=token.left_edge)
        elif (
            token.dep_ in {"parataxis", "ccomp"}
            and (token.head.pos_ in {"VERB", "AUX"} or _set_off(token) and _noun_taken_for_the_root(token.head))
            and (token.head.lemma_.lower() not in known or _set_off(token) and token.i < token.head.i)
            and not any(c.dep_ == "dobj" and c is not addressee or c.tag_ in RELATIVE_TAGS for c in children)
        ):
            # "..., the source said" / "That, I said, is the point": the reported clause is the head, even one that
            # reports in turn when the aside interrupts it ("Instead, he said, his landlord told him ..."), or a noun the
            # parser took for the root ("The tag, Abboud said, accompanied ..."). A verb with an object of its own is
            # no aside ("announced his candidacy, and here we are"), nor one with "what" ("that is what he told the
            # Gazette").
            shape, content_chars = "parenthetical", _subtree_chars(token.head, exclude=token)
        elif answer is not None:
            shape, content_chars = "answer", answer
        elif after is not None:
            shape, content_chars = "object", after
        elif (marker := _for_clause(token)) is not None:
            # "called for [him to resign]": "for" belongs to the cue, the clause it marks is the content.
            shape = "preposition"
            content_chars = (_after_token(marker), _subtree_chars(marker.head)[1])
            cue = (cue[0], max(cue[1], marker.i + 1))
        elif (prep := _complement_preposition(token)) is not None:
            # "called for [an inquiry]": the preposition belongs to the cue, its object is the content.
            shape = "preposition"
            content_chars = (_after_token(prep), _subtree_chars(prep)[1])
            cue = (cue[0], max(cue[1], prep.i + 1))
        else:
            continue
        if citing:  # the one cited, not the clause the parser hung off it
            shape, content_chars = "object", _cited(token, children)
        if content_chars[1] <= content_chars[0]:
            continue
        if skippable and not conjunct_aside and shape != "answer" and not model.may_pass(facts, shape):
            continue  # its shape known, it still cannot be taken whoever its subject is
        voiced = subject
        named = subject is not None and (
            _named_without_auxiliary(token, children, subject) or _accused_without_auxiliary(token, children, subject)
        )
        passive = subject is not None and (
            subject.dep_ == "nsubjpass" and not _perfect_read_as_passive(subject, children, content)
            or _passive_without_auxiliary(token, children, content)
            or named
            or lemma in _RAISING_VERBS and _impression_of(subject, content or _predicate_after(children, token), known)
        )
        if subject is not None and (_placeholder(subject, lemma, passive) or passive and agent is None):
            # "it was reported that ...", "Israel is believed to have ...", "The talks seemed to stall": nobody is
            # named as the source, and the one the clause is about is part of what is said.
            if passive and subject.lower_ not in _EXPLETIVES and (
                content is not None or named or subject.tag_ not in RELATIVE_TAGS and _described_as(token, lemma, shape, children)
            ):
                content_chars = (_subtree_chars(subject)[0], content_chars[1])
            subject = None
        if subject is None and token.dep_ == "ROOT" and not passive:
            subject = _subject_of_the_clause_start(token, content_chars) or _chunk_before(token)
        reported_of = voiced is None and token.dep_ == "acl" and _passive_without_auxiliary(token, children, content)
        if reported_of:
            # "the ferry, reported earlier to be headed for Dover": said of the noun it modifies, by no one named
            content_chars = (token.head.left_edge.idx, content_chars[1])
        if subject is None and voiced is None and not reported_of:
            subject = _implied_subject(token) or _speaker_taken_for_a_later_subject(token, content_chars)
        # Where the content may not run on to: a phrase setting the scene of an object, and the end of the phrase
        # the verb is embedded in
        limits = []
        if shape in {"object", "preposition"}:
            limits = [c.left_edge.idx for c in children if c.i > token.i and _sets_scene(c)]
        if (embedded_end := _clause_end(token)) is not None:
            limits.append(embedded_end)
        if shape == "answer":
            limits.append(content_chars[1])  # "said so [in the poll]": the answer is all that is said
        draft = _Draft(
            source=None,  # spans are made for the drafts the model keeps (``_verb_drafts``): most are not kept
            bound=min(limits, default=None),
            cue=cue,
            content=content_chars,
            content_type="object"
            if shape in {"object", "preposition"} and not (_reduced_clause(lemma, children, verbs) or _forecast(lemma, children))
            else "proposition",
            subject=subject,
            recipient_token=recipient if recipient is not None and recipient.pos_ in {"PROPN", "NOUN"} else None,
            by_rule=citing or conjunct_aside or shape == "answer",
        )
        features = _cue_features(facts, shape, subject, voiced, quotes, content_chars)
        candidates.append((draft, features))
    return candidates


def _answer_before_an_aside(verb: Token, answer: tuple[int, int], clause: Token) -> bool:
    """Whether the clause the parser hung on a verb that gives its words by an answer or a word that stands in
    ("said yes", "said the same": the answer's characters) comes after a comma, an aside of its own ("..., the
    poll found")."""
    if clause.left_edge.idx < answer[1]:
        return False
    return any(t.text == "," and t.idx >= answer[1] for t in verb.doc[verb.i + 1 : clause.left_edge.i + 1])


def _said_the_same(verb: Token) -> tuple[int, int] | None:
    """What a verb of saying says by a word that stands for words already given ("half said so", "26 percent said
    the same of Lopez", "voters said as much"): the characters of that word, with what "the same" is said of."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    first = doc[verb.i + 1]
    second = doc[verb.i + 2] if verb.i + 2 < len(doc) else None
    if first.lower_ in {"so", "otherwise"} and first.head == verb:
        return first.idx, first.idx + len(first)
    if second is not None and (first.lower_, second.lower_) == ("as", "much") and second.head == verb:
        return first.idx, second.idx + len(second)  # "said as much [to reporters]"
    if second is not None and (first.lower_, second.lower_) == ("the", "same") and second.head == verb:
        end = second.right_edge.i + 1
        of = doc[end] if end < len(doc) else None
        if of is not None and of.lower_ in {"of", "for", "about"} and of.head == verb:
            return first.idx, _subtree_chars(of)[1]  # the parser may hang "for Lopez" on the verb
        return first.idx, _subtree_chars(second)[1]
    return None


def _yes_or_no(verb: Token, children: list[Token]) -> tuple[int, int] | None:
    """The answer a verb of saying gives ("46 percent said yes", "He said no to the war"), with what it answers
    when "to" names it: the characters of what is said."""
    if verb.i + 1 >= len(verb.doc):
        return None
    answer = verb.nbor(1)
    # the parser may hang the answer on the "to" after it ("said [no] to the war")
    to = next((c for c in children if c.dep_ == "prep" and c.lower_ == "to" and c.i == answer.i + 1), None)
    if answer.lower_ not in {"yes", "no"} or answer.dep_ != "intj" or answer.head not in (verb, to):
        return None
    return (answer.idx, _subtree_chars(to)[1] if to is not None else answer.idx + len(answer))


def _described_as(verb: Token, lemma: str, shape: str, children: list[Token]) -> bool:
    """"Two of the workers were identified as residents", "The bridge is seen as a risk", "were deemed eligible":
    a passive that says what its subject is said to be; what is put forward is the subject with its description.
    Not one that says who was spoken to ("She was asked about the plan")."""
    if shape not in {"object", "preposition"} or lemma in _ADDRESSED_VERBS:
        return False
    return any(c.dep_ in {"oprd", "acomp", "attr"} or c.dep_ == "prep" and c.lower_ == "as" for c in children if c.i > verb.i)


def _perfect_read_as_passive(subject: Token, children: list[Token], content: Token | None) -> bool:
    """"He's said he will run": the parser may read a contracted "has" as a passive's "is". A passive of a verb of
    saying takes no clause with a subject of its own after a subject that is not a placeholder ("he is said to run";
    "it's said that he runs" is a passive), so there the "'s" is "has", and the subject speaks."""
    return (
        content is not None
        and content.dep_ == "ccomp"
        and content.i > subject.i
        and subject.lower_ not in _EXPLETIVES
        and any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in children)
        and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in content.children)
    )


#: Verbs whose past participle takes an infinitive only in the passive: "Mayor said to have resigned" is a
#: headline's "Mayor (is) said to have resigned"; the mayor says nothing.
_RAISING_PASSIVES = frozenset({"say", "report", "believe", "think", "rumor", "rumour", "allege", "fear", "know", "understand"})


def _passive_without_auxiliary(verb: Token, children: list[Token], content: Token | None) -> bool:
    """A passive whose "is" a headline dropped, which the tagger reads as an active past tense: "Rebel leader
    reported to be wounded", and with the infinitive dropped too, "Three feared dead", "Rebel leader reported
    killed" (a participle or adjective right after the verb)."""
    if (
        content is None
        or verb.lemma_.lower() not in _RAISING_PASSIVES
        or verb.tag_ not in {"VBD", "VBN"}
        or content.dep_ != "xcomp"
        or content.i <= verb.i
        or any(c.dep_ in {"aux", "auxpass", "dobj"} for c in children)
    ):
        return False
    # "the ferry, reported earlier to be headed for Dover": an adverb may stand between
    following = next((t for t in verb.doc[verb.i + 1 : content.i + 1] if not t.tag_.startswith("RB")), content)
    return following.tag_ == "TO" or (following.i == content.i and content.tag_ in {"VBN", "JJ"})


#: Verbs that take an object and then what it is called ("named him as ...", "declared it illegal"): without
#: that object, a headline's "Suspect named as local man" is a passive whose "is" was dropped.
_NAMING_VERBS = frozenset({
    "name", "identify", "declare", "deem", "brand", "label", "dub", "describe", "confirm", "unmask", "hail",
    "crown", "pronounce", "rule", "call", "list", "rank", "portray", "tout",
})


def _named_without_auxiliary(verb: Token, children: list[Token], subject: Token) -> bool:
    """A headline's passive of naming, its "is" dropped: "Suspect named as local man", "Old pier declared
    unsafe". The subject is who is named, not who names: in the active voice these verbs take an object
    before the "as" or the complement ("Police named him as ..."), and here there is none."""
    if verb.lemma_.lower() not in _NAMING_VERBS or verb.tag_ not in {"VBD", "VBN"} or subject.i > verb.i:
        return False
    if any(c.dep_ in {"aux", "auxpass", "dobj", "dative"} for c in children) or verb.i + 1 >= len(verb.doc):
        return False
    following = verb.doc[verb.i + 1]
    return following.head == verb and (following.lower_ == "as" or following.pos_ == "ADJ")


#: Verbs of declaring that a headline puts in the passive with what is declared as subject ("Curfew declared");
#: not "call", whose "called for" is a demand ("advocates called for his dismissal").
_DECLARING_VERBS = frozenset({"declare", "confirm", "identify", "deem", "pronounce"})


def _an_act_without_auxiliary(verb: Token, children: list[Token], subject: Token | None) -> bool:
    """A headline's passive of an act its "is" dropped, with nothing said: "Curfew declared in Salem", "..., riot
    declared". The subject is what was declared, not anyone who could declare it (a bare singular noun, as a
    headline writes it, and no name, person or speaker noun: "the council declared" speaks), and nothing follows
    but a phrase of place or time: an act, no report."""
    if subject is None or verb.lemma_.lower() not in _DECLARING_VERBS or verb.tag_ not in {"VBD", "VBN"} or subject.i > verb.i:
        return False
    # a clause before the subject is the rest of the headline ("Harbour closed after storm, emergency declared")
    if any(c.dep_ in _CONTENT_DEPS and c.i > subject.i or c.dep_ in {"aux", "auxpass", "dobj", "dative", "oprd", "attr", "agent"} for c in children):
        return False
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        (following is None or following.is_punct or following.dep_ == "prep" and following.head == verb)
        and subject.tag_ in {"NN", "NNP"}
        and not any(c.dep_ in {"det", "poss"} for c in subject.children)  # a headline drops its articles
        and (subject.is_lower or subject.i == subject.sent.start)  # not a name the tagger missed ("..., Gorka declared")
        and not subject.ent_type_
        and not _names_a_person(subject)
        and not _a_speaker_noun(subject)
    )


#: Verbs done to someone, which in the active voice take that someone as their object ("Police charged him with
#: ..."): without one, "X charged in ...", "X accused of ...", "X slammed over ..." is a headline's passive.
_ACCUSING_VERBS = frozenset({
    "charge", "accuse", "arrest", "indict", "sue", "blame", "slam", "criticize", "criticise", "condemn", "jail",
    "convict", "sentence", "fine", "suspend", "fire", "sack", "quiz", "slap", "hit", "blast",
})
#: Prepositions that say what someone is accused of or over ("charged in", "accused of", "slammed over").
_ACCUSING_PREPOSITIONS = frozenset({"in", "of", "over", "for", "with", "after"})


def _accused_without_auxiliary(verb: Token, children: list[Token], subject: Token) -> bool:
    """A headline's passive of accusing, its "is" dropped: "Harbour chief charged in fraud scheme", "Mayor slammed
    over pier". The subject is who is accused, not who accuses: these verbs take that one as an object in the
    active voice, and here the verb, heading its sentence, has no object, only a phrase of what for."""
    if verb.lemma_.lower() not in _ACCUSING_VERBS or verb.tag_ not in {"VBD", "VBN"} or verb.dep_ != "ROOT":
        return False
    if subject.i > verb.i or verb.i + 1 >= len(verb.doc):
        return False
    if any(c.dep_ in {"aux", "auxpass", "dobj", "dative", "ccomp", "xcomp", "attr", "oprd"} for c in children):
        return False
    following = verb.doc[verb.i + 1]
    return following.head == verb and following.dep_ == "prep" and following.lower_ in _ACCUSING_PREPOSITIONS


def _inverted_subject(verb: Token, following: Token | None) -> Token | None:
    """The speaker of an inverted report ('"We will appeal," added Lopez'), which the parser may read as the verb's
    object: a name or a noun phrase right after the verb that reports the clause before it."""
    if following is None or verb.tag_ == "VBG" or following.dep_ != "dobj" or following.pos_ not in {"PROPN", "NOUN"}:
        return None
    return following if following.left_edge.i == verb.i + 1 else None


def _speaker_misread_as_a_clause(verb: Token, clause: Token, quotes: list[tuple[int, int]], text: str) -> Token | None:
    """'"...," said Lopez, who runs the group Protect the Pier': a quotation right before the verb, and after it a
    "clause" whose subject is the phrase right after the verb (a word of a name read as its verb). The subject is
    the speaker, and the quotation what is said. Never a participle: in '..., "New York values," saying the city
    was brave' the clause is what is said."""
    if clause.i < verb.i or verb.tag_ == "VBG":
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
    if subject is None or subject.left_edge.i != verb.i + 1:
        return None
    quoted_before = any(end <= verb.idx and not text[end : verb.idx].strip(" ,") for _, end in quotes)
    return subject if quoted_before else None


def _speaker_after_an_inverted_aside(verb: Token, subject: Token | None, clause: Token | None) -> Token | None:
    """The speaker of an inverted aside that interrupts a sentence ("Any fair reading of the plan, said Ana Ruiz, an
    economist, would show ..."), which the parser reads as the sentence's subject saying that the speaker would
    show ...: the reported clause's subject, right after the verb and set off by a comma, when the parser's
    subject ends right before the comma that opens the aside."""
    if subject is None or clause is None or clause.dep_ != "ccomp" or clause.i < verb.i or verb.i < 2:
        return None
    doc = verb.doc
    if doc[verb.i - 1].text != "," or subject.right_edge.i != verb.i - 2 or subject.i > verb.i:
        return None
    speaker = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.left_edge.i != verb.i + 1 or speaker.right_edge.i >= clause.i:
        return None
    last = speaker.right_edge
    return speaker if last.text == "," or doc[last.i + 1].text == "," else None


def _speaker_taken_for_a_later_subject(verb: Token, content: tuple[int, int]) -> Token | None:
    """'"The risk," said Obi, an economist, "is that ..."': the parser may take the speaker right after the verb for
    the subject of a verb after it (here the rest of the quotation). That noun phrase speaks when what is said
    comes before the verb, or the rest of a quotation after the phrase."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    head = doc[verb.i + 1]
    while head.head.i != head.i and head.head.left_edge.i == verb.i + 1 and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    if head.dep_ != "nsubj" or head.pos_ not in {"NOUN", "PROPN"} or head.head.i < head.i:
        return None
    if content[1] <= verb.idx:
        return head
    after = head.right_edge.i + 1
    while after < len(doc) and doc[after].text == ",":
        after += 1
    return head if after < len(doc) and doc[after].text in _QUOTES else None


#: Verbs whose subject may belong to the clause after them ("The talks seemed to stall" is "it seemed that the talks
#: stalled"): the impression is the writer's, and the talks say nothing (``_impression_of``).
_RAISING_VERBS = frozenset({"seem", "appear"})


def _predicate_after(children: list[Token], verb: Token) -> Token | None:
    """The adjective or noun "seem" or "appear" ascribes to its subject ("seemed [disproportionate]", "appears [a
    setback]"); these verbs take no object, so a noun the parser calls one is that too ("seemed [a poor choice]")."""
    return next((c for c in children if c.dep_ in _PREDICATE_DEPS and c.i > verb.i), None)


#: How the parser hangs what "seem" or "appear" ascribes on the verb (``_predicate_after``).
_PREDICATE_DEPS = frozenset({"acomp", "oprd", "attr", "dobj"})


def _impression_of(subject: Token, complement: Token | None, known: frozenset[str]) -> bool:
    """Whether "X seemed to ..." is the writer's impression of X ("The plan seemed to stall", "He seemed to be
    tired", "The response seemed disproportionate", "She appeared uneasy"), not what X seems to say, think or show
    ("The memo seems to contradict ...") nor a person's mind or doing ("She appears to feel ..."): there X is the
    source, as with the verb alone."""
    if complement is None or complement.lemma_.lower() in known:
        return False
    if complement.dep_ in _PREDICATE_DEPS:
        return True  # what X seems to be is always the writer's view of X
    person = subject.ent_type_ in {"PERSON", "NORP", "ORG"} or subject.pos_ == "PROPN" or subject.lower_ in _PERSONAL_PRONOUNS | _GROUP_PRONOUNS
    return not person or complement.lemma_.lower() == "be"


def _placeholder(subject: Token, lemma: str, passive: bool) -> bool:
    """A subject that names no one: "there", and "it" before a passive or an impersonal verb ("it was reported
    that", "it seems that"), not the "it" of "it said"."""
    if subject.lower_ == "there":
        return True
    return subject.lower_ == "it" and (passive or lemma in _IMPERSONAL_VERBS)


class _VerbFacts(NamedTuple):
    """What the cue model reads of a verb itself, known before its clause is read (``CueModel.may_pass``)."""

    lemma: str
    lexicon: str
    dep: str
    tag: str
    prep: str  # its first preposition after it, or ""
    negated: bool
    quoted: bool  # inside a quotation


def _verb_facts(token: Token, children: list[Token], lemma: str, lexicon: str, quotes: list[tuple[int, int]]) -> _VerbFacts:
    prep = next((c.lower_ for c in children if c.dep_ == "prep" and c.i > token.i), "")
    negated = any(c.dep_ == "neg" for c in children)
    quoted = any(q0 < token.idx < q1 for q0, q1 in quotes)
    return _VerbFacts(lemma, lexicon, token.dep_, token.tag_, prep, negated, quoted)


def _own_cue_features(facts: _VerbFacts) -> list[str]:
    """The cue model's features of a verb itself."""
    lemma = facts.lemma
    return [
        "bias",
        f"lemma={lemma}",
        f"lexicon={facts.lexicon}",
        f"dep={facts.dep}",
        f"lemma|dep={lemma}|{facts.dep}",
        f"tag={facts.tag}",
        f"lemma|prep={lemma}|{facts.prep}",
        f"negated={facts.negated}",
        f"in_quote={facts.quoted}",
    ]


def _cue_features(
    facts: _VerbFacts, shape: str, subject: Token | None, voiced: Token | None, quotes: list[tuple[int, int]],
    content: tuple[int, int],
) -> list[str]:
    """The cue model's features for one verb: what it is, what it governs and who its subject is."""
    if subject is None:
        who = "none" if voiced is None else "impersonal"
    elif subject.lower_ in _PERSONAL_PRONOUNS or subject.lower_ in _GROUP_PRONOUNS:
        who = "pronoun:" + subject.lower_
    else:
        who = subject.ent_type_ or subject.pos_
    lemma, lexicon = facts.lemma, facts.lexicon
    (bias, by_lemma, by_lexicon, dep, lemma_dep, tag, lemma_prep, negated, quoted) = _own_cue_features(facts)
    return [
        bias,
        by_lemma,
        f"shape={shape}",
        f"lemma|shape={lemma}|{shape}",
        by_lexicon,
        f"lexicon|shape={lexicon}|{shape}",
        dep,
        f"dep|subject={facts.dep}|{'none' if subject is None else 'some'}",
        lemma_dep,
        tag,
        f"subject={who}",
        lemma_prep,
        negated,
        quoted,
    ] + (["quotes_content", f"lemma|quotes_content={lemma}"] if any(content[0] <= q0 < content[1] for q0, _ in quotes) else [])


def _reporting_clause_taken_for_a_conjunct(verb: Token, subject: Token | None, quotes: list[tuple[int, int]]) -> bool:
    """Whether the parser made a reporting clause after a comma a conjunct of the clause before it ('X has
    hung on, his aide, Tad Ruiz, told the Gazette'): no "and" or "but" joins them, the verb has a subject, and
    the clause is not one inside a quotation."""
    if verb.dep_ != "conj" or subject is None or verb.head.i > verb.i or verb.head.pos_ not in {"VERB", "AUX"}:
        return False
    if _quoted(verb.head, quotes):
        return False
    doc = verb.doc
    start = min(verb.left_edge.i, subject.left_edge.i)
    if start == 0 or doc[start - 1].text != ",":
        return False
    return not any(doc[i].dep_ == "cc" for i in range(verb.head.i, start))


def _noun_taken_for_the_root(head: Token) -> bool:
    """Whether the parser made a noun the sentence's root ("The hashtag, Ortiz said, accompanied ..." with
    "accompanied" read as an adjective)."""
    return head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"}


def _set_off(verb: Token) -> bool:
    """Whether a verb's clause is set off by commas on both sides ("The deal, he said, is dead")."""
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    opens = doc[left].text == "," or left > 0 and doc[left - 1].text == ","
    closes = doc[right].text == "," or right + 1 < len(doc) and doc[right + 1].text == ","
    return opens and closes


def _to_infinitive(verb: Token) -> bool:
    """A verb with "to" before it ("to say", "decision to close")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _names_or_goes_on(lemma: str, children: list[Token], complement: Token | None) -> bool:
    """Verbs that look like cues but report nothing: "known as" names ("the group, also known as the Friends"),
    and "continues to" only says something goes on ("support continues to grow"; "the letter continues: ..."
    still reports)."""
    if lemma == "know":
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
    return (
        lemma == "continue"
        and complement is not None
        and complement.dep_ == "xcomp"
        and _to_infinitive(complement)
    )


#: Verbs that give a name ("a group called Friends of the Port", "a fund dubbed the war chest"); not "titled",
#: whose title is a work's words ("a book titled 'We Stay'").
_NAME_GIVING_VERBS = frozenset({"call", "dub", "name", "nickname"})


def _names_in_passing(verb: Token, lemma: str, children: list[Token]) -> bool:
    """A participle right after a noun that gives it its name ("a group called Friends of the Port"): the writer
    naming a thing, not anyone's words; "a plan called reckless by critics" names who calls it so, and reports,
    and a verb the parser hung on a name further back ("Ruiz, for example, named ...") is no such participle."""
    return (
        lemma in _NAME_GIVING_VERBS
        and verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.i == verb.head.i + 1
        and not any(c.dep_ in {"agent", "nsubj", "nsubjpass"} for c in children)
    )


def _judges_what_to_say(verb: Token) -> bool:
    """"It is fair to say that ...", "too soon to say whether ...": an infinitive of saying that an adjective or
    adverb governs is the writer's judgement of what may be said, not a report. With someone as the subject the
    adjective is said of, the saying is theirs ("Older voters were more likely to say that ...", a poll's way of
    reporting answers; "Lopez was quick to predict ..."); only knowing stays a judgement ("unlikely to know")."""
    lemma = verb.lemma_.lower()
    return (
        verb.dep_ == "xcomp"
        and lemma in {"say", "tell", "predict", "know"}
        and _to_infinitive(verb)
        and (verb.head.pos_ in {"ADJ", "ADV"} or any(c.dep_ == "acomp" for c in verb.head.children))
        and (lemma == "know" or _implied_subject(verb) is None)
    )


def _describes_a_scene(verb: Token, lemma: str, children: list[Token], complement: Token, known: frozenset[str]) -> bool:
    """A bare participle after a verb describes what was seen, not what was said: a headline's reduced passive
    ("Hiker found stranded", whose subject is no speaker), or "caught hiding" after a verb that never reports.
    "denied taking bribes" still reports, and so does a headline's "Rebel leader reported killed"."""
    if complement.dep_ != "xcomp" or complement.tag_ not in {"VBN", "VBG"}:
        return False
    if _passive_without_auxiliary(verb, children, complement):
        return False
    if any(c.dep_ == "aux" for c in complement.children):
        return False  # "said to have fled", "is seen as being"
    if complement.tag_ == "VBN":
        return not any(c.dep_ in {"auxpass", "nsubjpass"} for c in children)
    return lemma not in known


def _complement_preposition(verb: Token) -> Token | None:
    """The preposition a verb takes its matter through ("called for [an inquiry]", "referring to [the US]")."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep"
            and c.i == verb.i + 1
            and any(g.dep_ == "pobj" for g in c.children)
            and not _only_dates(c)
        ),
        None,
    )


def _for_clause(verb: Token) -> Token | None:
    """A "for ... to" clause right after the verb ("called for him to resign"), which the parser hangs off the
    verb as a clause of its own with "for" as its marker: that marker, whose clause is the matter."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i:
            continue
        marker = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
        if marker is not None and marker.i == verb.i + 1 and _to_infinitive(clause):
            return marker
    return None


def _after_token(token: Token) -> int:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    return following.idx


_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "ccomp", "prep", "dative"})


def _has_particle(verb: Token) -> bool:
    """Phrasal verbs ("back down", "call off", "show up") mean something else than the verb alone."""
    return any(c.dep_ == "prt" for c in verb.children)


def _governed_after(verb: Token) -> tuple[int, int] | None:
    """What a verb governs after itself ("called [Trump 'unhinged']"), when that includes a direct object: its
    objects, complements and prepositional phrases, never a clause merely juxtaposed to it, nor a phrase that
    only says when ("praised [the budget] on Tuesday")."""
    children = [c for c in verb.children if c.i > verb.i and c.dep_ in _OBJECT_DEPS and not _sets_scene(c)]
    if not any(c.dep_ in {"dobj", "oprd", "attr"} for c in children):
        return None
    # A second noun phrase after a comma is the writer's gloss the parser took for an object ("dismissed the
    # labels, a view the crowd cheered"): the governed phrase stops before it.
    first = next(c for c in children if c.dep_ in {"dobj", "oprd", "attr"})
    gloss = next(
        (
            c
            for c in children
            if c.i > first.i and c.dep_ in {"dobj", "oprd", "attr"} and c.left_edge.i > 0
            and verb.doc[c.left_edge.i - 1].text == ","
        ),
        None,
    )
    if gloss is not None:
        children = [c for c in children if c.i < gloss.left_edge.i]
    start = min(c.left_edge.i for c in children)
    end = max(c.right_edge.i for c in children) + 1
    # "rejected the idea that ..., saying ...": the participle says more of the verb's subject, not of its object
    for token in verb.doc[start:end]:
        if token.tag_ == "VBG" and (speaker := _subject_of_the_sentence_a_participle_ends(token)) is not None and speaker.head.i == verb.i:
            end = min(end, token.left_edge.i)
    span = verb.doc[start:end]
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return (span.start_char, span.end_char) if len(span) else None


#: Verbs whose object is a means, not the one who then speaks ("used the speech to call for ...").
_MEANS_VERBS = frozenset({"use", "take", "spend", "seize"})
#: Links through which a subjectless verb shares the subject of the verb above it ("... and then said", "...,
#: saying", "wants to say", "began by saying").
_SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "dep", "acomp"})


#: Verbs by which a source names its own source ("said, citing two officials, that ...").
_CITING_VERBS = frozenset({"cite", "quote"})


def _citing_aside(verb: Token, children: list[Token]) -> bool:
    """"..., citing two officials, ...": a participle of citing with an object, set off by a comma."""
    return (
        verb.tag_ == "VBG"
        and verb.lemma_.lower() in _CITING_VERBS
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ == "dobj" for c in children)
    )


def _cited(verb: Token, children: list[Token]) -> tuple[int, int]:
    """The characters of what a citing aside cites: its object and what follows it, short of a clause."""
    cited = [_subtree_chars(c) for c in children if c.i > verb.i and c.dep_ in _OBJECT_DEPS and c.dep_ != "ccomp"]
    return min(start for start, _ in cited), max(end for _, end in cited)


def _clause_beyond_citing(verb: Token, children: list[Token]) -> Token | None:
    """The clause a reporting verb introduces past a citing aside ("said, quoting an official, [that ...]"), which
    the parser may hang off the aside."""
    aside = next((c for c in children if c.dep_ == "advcl" and c.i > verb.i and _citing_aside(c, list(c.children))), None)
    if aside is None:
        return None
    return next((c for c in aside.children if c.dep_ == "ccomp" and c.i > aside.i), None)


def _clause_beyond_manner(children: list[Token]) -> Token | None:
    """The clause reported past a "without" phrase ("claimed without evidence [that the protesters were paid]"),
    which the parser hangs off the phrase's noun."""
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ == "without":
            for noun in prep.children:
                clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"} and c.i > noun.i), None)
                if clause is not None and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                    return clause
    return None


#: Dashes that close a story's dateline ("WASHINGTON (AP) —").
_DASHES = frozenset({"-", "--", "—", "–"})


def _dateline(subject: Token) -> bool:
    """"HARBOUR CITY (Reuters) - Mayor Okafor said ...", "PORT ELLEN, Scotland — Okafor ...": the place (and agency)
    opening a story, which the parser may take for a subject of the first verb; it opens a line and ends in a dash."""
    first, last = subject.left_edge, subject.right_edge
    if first.i > 0 and "\n" not in first.nbor(-1).text:
        return False  # a dateline opens a line
    dashes = [t.i for t in subject.subtree if t.text in _DASHES]
    if dashes == [last.i]:
        return True  # one dash, closing it; "Okafor — who ran the port — said" sets a phrase off with two
    # the dash hung elsewhere: a place in capitals ("PORT ELLEN, Scotland —")
    after = last.nbor() if last.i + 1 < len(last.doc) else last
    return not dashes and after.text in _DASHES and subject.text.isupper()


def _implied_subject(verb: Token) -> Token | None:
    """Who speaks through a verb with no subject of its own: the noun a participle modifies ("one listing the
    facts", "a group backing Bush"), else the subject of the verb it hangs from, a few links up. A participle of
    asking ("Asked if the strike hurt, Lopez said ...", ``_asked_first``) or a passive ("She won and was offered a
    seat") shares the one addressed or acted on: no source. Where the parser hangs a verb of saying inside what was
    said, the speaker is found above it (``_issuer``, ``_subject_of_the_sentence_a_participle_ends``,
    ``_reporter_who_goes_on``, ``_reporter_a_participle_adds_to``)."""
    if _asked_first(verb) or any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "She won and was offered a seat": a passive's shared subject is the one acted on
    if verb.tag_ == "VBN" and (verb.dep_ == "acomp" or verb.dep_ == "conj" and verb.head.dep_ == "acomp"):
        return None  # "Lopez is well known", "is experienced and lauded for ...": a participle of what is done to her
    if (
        verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.tag_ == "VBG" and verb.head.dep_ in {"advcl", "acl"}
        and _nearest_subject(verb.head) is None
    ):
        # "said ..., warning of risks and describing a tenuous situation", "dockers telling their stories and
        # criticizing the plan": the second participle is the first's
        return _implied_subject(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        if (speaker := _issuer(verb.head) or _subject_of_the_sentence_a_participle_ends(verb)) is not None:
            return speaker
        # "the share of voters saying ...": those the phrase of "of" names, right before the participle, speak
        of = next((c for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < verb.i), None)
        named = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if named is not None and named.right_edge.i == verb.i - 1 and named.pos_ in {"NOUN", "PROPN"}:
            return named
        return verb.head
    cites = verb.dep_ == "advcl" and verb.head.dep_ == "ccomp" and verb.i < verb.head.i and _citing_aside(verb, list(verb.children))
    if cites or _trails_a_reported_clause(verb):
        # "said, citing an official, that the talks stalled", "Lee said the plan is costly, pointing to the budget":
        # the parser hangs the participle off the clause reported, but who cites or points is who reports it
        return next((c for c in verb.head.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if (speaker := _subject_of_the_sentence_a_participle_ends(verb) or _reporter_who_goes_on(verb)) is not None:
        return speaker
    if (speaker := _reporter_a_participle_adds_to(verb)) is not None:
        return speaker
    token, judged = verb, False
    for _ in range(4):
        if token.dep_ not in _SHARED_SUBJECT_DEPS or token.head.i == token.i:
            return None
        if token.dep_ == "xcomp" and token.head.lemma_.lower() not in _MEANS_VERBS:
            controller = next((c for c in token.head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return controller  # "ordered him to say": he speaks, not whoever ordered
        # "it is important to note": the "it" of an adjective the verb hangs from is a placeholder
        judged = judged or token.dep_ == "acomp" or token.head.pos_ == "ADJ" or (
            token.dep_ == "xcomp" and any(c.dep_ == "acomp" for c in token.head.children)
        )
        token = token.head
        subject = _nearest_subject(token)
        if subject is not None:
            placeholder = _placeholder(subject, token.lemma_.lower(), subject.dep_ == "nsubjpass")
            return None if placeholder or judged and subject.lower_ in _EXPLETIVES else subject
    return None


def _reduced_relative(clause: Token) -> bool:
    """A past participle, with no subject, right after a phrase that sets the scene of the reporting verb, that the
    parser took for a clause reported ("said in an interview with CNN aired Monday", "in a statement issued
    later"): it describes the occasion ("an interview [that was] aired"), and says nothing."""
    noun = clause.doc[clause.i - 1] if clause.i else clause
    return (
        clause.dep_ == "ccomp"
        and clause.tag_ in {"VBN", "VBD"}
        and clause.left_edge.i == clause.i
        and noun.dep_ == "pobj"
        and any(a.dep_ == "prep" and a.head.i == clause.head.i < a.i and _sets_scene(a) for a in noun.ancestors)
        and not any(c.dep_ in _SUBJECT_DEPS | {"aux", "auxpass"} for c in clause.children)
    )


def _nearest_subject(verb: Token) -> Token | None:
    """A verb's subject; of two, the nearer ("In Dover, New Jersey, Lopez went ...": the parser may take a place
    set off before the subject for another)."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and not _dateline(c)]
    return min(subjects, key=lambda c: abs(verb.i - c.i), default=None)


def _asked_first(verb: Token) -> bool:
    """A past participle of asking or telling, with no auxiliary and no subject, in a clause of the one it hangs
    from ("Asked if the strike hurt, Lopez said ...", "..., she said when asked about the budget", "Pressed on the
    budget, she ..."): a passive whose subject, shared with that clause, is the one addressed. The tagger may read a
    sentence's first "Asked" as a past tense. "Worried that ..., the council ..." is no such verb: the council
    worries."""
    return (
        verb.dep_ == "advcl"
        and (verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.is_sent_start)
        and verb.lemma_.lower() in _ADDRESSED_VERBS
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)
    )


#: Verbs by which someone puts out a document in their own name ("issued a statement", "released a letter").
_ISSUING_VERBS = frozenset({"issue", "release", "send", "post", "publish", "put", "sign", "write", "tweet", "file"})


def _issuer(document: Token) -> Token | None:
    """Who speaks through a document that someone put out ("The union issued a statement saying ..."): the one who
    issued it, whose words the statement carries, not the statement itself."""
    if document.dep_ != "dobj" or table("source_nouns.tsv").get(document.lemma_.lower()) != "document":
        return None
    verb = document.head
    if verb.lemma_.lower() not in _ISSUING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and not _dateline(c)), None)


def _subject_of_the_sentence_a_participle_ends(verb: Token) -> Token | None:
    """Who speaks through a participle set off by a comma at the end of a sentence that the parser hung off a noun or
    a clause completing one ("Lopez rejected the idea that the port should close, saying ..."): set off, it says
    more of the sentence's subject, so the subject of the verb that governs the noun (Lopez), not the noun (the
    idea) nor the clause inside it (the port). Without the comma it is the noun's ("a letter saying ...")."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"acl", "advcl"} or verb.head.i > verb.i:
        return None
    if verb.left_edge.i == 0 or verb.doc[verb.left_edge.i - 1].text != "," or verb.right_edge.i + 2 < verb.sent.end:
        return None
    noun = verb.head
    if verb.dep_ == "advcl":
        if noun.dep_ not in {"acl", "ccomp", "relcl"}:
            return None
        noun = noun.head
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.head.i == noun.i or noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in noun.head.children if c.dep_ in _SUBJECT_DEPS and c.i < noun.i and not _dateline(c)), None)


#: Verbs by which a writer has a speaker go on ("said ... but added", "and noted"), rarely what the reported
#: clause's own subject does.
_GOING_ON_VERBS = frozenset({"say", "add", "tell", "note", "insist", "explain", "stress", "acknowledge", "concede", "predict"})


def _reporter_who_goes_on(verb: Token) -> Token | None:
    """Who reports again with "and said" or "but added" after a clause they reported ("He said the vote was lost
    and said that ..."): the parser joins the second verb to the reported clause, whose subject ("the vote") says
    nothing; the one who said the first clause says the second. Another verb joined there is the clause's own
    ("said that the mayor blocked the deal and threatened to resign": the mayor threatens)."""
    joined = verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.i > 0 and verb.nbor(-1).lower_ in {"and", "but"}
    if not joined or verb.lemma_.lower() not in word_list("report_verbs.txt"):
        return None  # "but added" may be parsed as a clause of the reported one's: joined all the same
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    clause = verb.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head
    reporter = clause.head
    if clause.dep_ != "ccomp" or reporter.i > clause.i or reporter.lemma_.lower() not in word_list("report_verbs.txt"):
        return None
    speaker = _nearest_subject(reporter)
    if verb.lemma_.lower() not in _GOING_ON_VERBS | {reporter.lemma_.lower()} and not (
        _speaks_of_self(clause, speaker) or _past_and_present(verb, clause) and verb.tag_ == reporter.tag_
    ):
        return None
    return speaker


def _past_and_present(verb: Token, clause: Token) -> bool:
    """Whether one verb is in the past tense and the other in the present, or after a modal ("said the city will
    lose money and urged ..."): the two cannot share a subject, so the second is not the clause's."""
    def tense(word: Token) -> str:
        auxiliary = next((c for c in word.children if c.dep_ in {"aux", "auxpass"} and c.i < word.i), None)
        tag = (auxiliary or word).tag_
        return "past" if tag == "VBD" else "present" if tag in {"VBZ", "VBP", "MD"} else ""

    return {tense(verb), tense(clause)} == {"past", "present"}


def _speaks_of_self(clause: Token, speaker: Token | None) -> bool:
    """Whether a reported clause is about its speaker ("Ana Ruiz says she backs the plan and vows ..."): its subject
    a personal pronoun, the speaker's own or "he" or "she" after a name or a role ("The mayor said he ..."), so a
    verb joined to it is the speaker's act either way, and the writer's report of it."""
    subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
    if speaker is None or subject is None or subject.lower_ not in {"he", "she", "i", "we", "they"}:
        return False
    person = speaker.pos_ == "PROPN" or speaker.lemma_.lower() in word_list("roles.txt")
    return subject.lower_ == speaker.lower_ or person and subject.lower_ in {"he", "she"}


def _after_a_comma(token: Token) -> bool:
    """Whether a comma comes right before a word, or before the closing quotation mark right before it ('..."the
    start," adding')."""
    doc, i = token.doc, token.i - 1
    if i >= 1 and doc[i].is_quote and doc[i - 1].text == ",":
        return True
    return i >= 0 and doc[i].text == ","


def _reporter_a_participle_adds_to(verb: Token) -> Token | None:
    """Who goes on speaking in a participle of saying set off by a comma after what they said ('Lopez told the
    Gazette that the mayor "had no plan," adding, "..."'), wherever the parser hung it inside the reported words:
    the subject of the nearest verb of saying above it."""
    if verb.tag_ != "VBG" or not _after_a_comma(verb.left_edge):
        return None
    verbs = word_list("report_verbs.txt")
    if verb.lemma_.lower() not in verbs:
        return None
    for ancestor in verb.ancestors:
        if ancestor.lemma_.lower() in verbs and ancestor.i < verb.i and ancestor.pos_ == "VERB":
            return _nearest_subject(ancestor)
    return None


def _trails_a_reported_clause(verb: Token) -> bool:
    """Whether a participle after a comma ends a clause another verb reports ("said the plan is costly,
    pointing to ..."), or is itself a verb of saying that ends a clause inside another ("pushed for all voters to
    register, stressing ...": who stresses is who pushed; "said the storm hit, killing 12" stays the storm's)."""
    clause = verb.head
    reports = word_list("report_verbs.txt")
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and clause.head.i < clause.i < verb.i
        and verb.left_edge.i > 0
        and verb.doc[verb.left_edge.i - 1].text == ","
        and (
            clause.dep_ == "ccomp" and clause.head.lemma_.lower() in reports
            or clause.dep_ in {"advcl", "xcomp"} and clause.tag_ == "VB" and clause.head.dep_ == "ROOT" and verb.lemma_.lower() in reports
        )
    )


#: Dependencies of a phrase inside another clause: a relative clause ("the aide who revealed that ...") or a
#: participle ("a letter saying ..."), and the subject or apposition they sit in.
_EMBEDDED_DEPS = frozenset({"relcl", "acl", "nsubj", "nsubjpass", "csubj", "appos"})


def _clause_end(verb: Token) -> int | None:
    """Where the phrase a verb is embedded in ends ("the aide [who revealed that X] was sentenced"): what it
    reports cannot run on into the clause around it."""
    for token in (verb, *verb.ancestors):
        if token.dep_ in _EMBEDDED_DEPS:
            edge = token.right_edge
            return edge.idx + len(edge)
    return None


#: Prepositions that set a scene (where, when, on what occasion) rather than carry what is attributed.
_SCENE_PREPOSITIONS = frozenset({"in", "at", "during", "after", "before", "since", "while", "amid", "following"})


def _only_dates(phrase: Token) -> bool:
    """Whether every object of a prepositional phrase is a date or a time ("on Tuesday", "at noon")."""
    return all(o.ent_type_ in {"DATE", "TIME"} for o in phrase.children if o.dep_ == "pobj")


def _sets_scene(phrase: Token) -> bool:
    """A phrase that sets the scene: a prepositional one ("on Tuesday", "at a rally in Iowa", "in a statement"; "on"
    only with a date: "blamed the fire on the landlord" keeps its phrase), or a bare date ("endorsed her [last
    week]")."""
    if phrase.dep_ == "npadvmod":
        return phrase.ent_type_ in {"DATE", "TIME"}
    return (
        phrase.dep_ == "prep"
        and any(c.dep_ == "pobj" for c in phrase.children)
        and (phrase.lower_ in _SCENE_PREPOSITIONS and _names_a_setting(phrase) or _only_dates(phrase))
    )


def _names_a_setting(phrase: Token) -> bool:
    """A preposition's object that is a place, a time or an occasion ("in Iowa", "at a rally", "in a statement"),
    not a matter ("in support of", "at a discount")."""
    occasions = word_list("setting_nouns.txt")
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    return any(o.ent_type_ or o.pos_ == "PROPN" or o.lemma_.lower() in occasions for o in objects)


def _chunk_before(verb: Token) -> Token | None:
    """The noun phrase right before a subjectless main verb, when the parser attached it elsewhere
    ("..., a U.K.-based news source reported that" parsed as an apposition)."""
    if verb.i == 0:
        return None
    previous = verb.doc[verb.i - 1]
    if previous.text == "," and verb.i > 1:
        # "..., Senator Ada Obi, the committee chair, said": the name an apposition describes; "..., her deputy,
        # Maria Lopez, said": the name itself
        previous = verb.doc[verb.i - 2]
        while (
            previous.dep_ == "appos"
            and previous.pos_ != "PROPN"
            and previous.head.i < previous.i
            and previous.head.pos_ in {"NOUN", "PROPN"}
        ):
            previous = previous.head
    if previous.pos_ in {"NOUN", "PROPN"} and previous.dep_ in {"appos", "conj", "npadvmod", "dobj", "pobj"}:
        return previous
    return None


#: Finite verb tags: a verb that has, or had, a subject of its own.
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _subject_of_the_clause_start(verb: Token, content: tuple[int, int]) -> Token | None:
    """Who speaks through a finite main verb the parser gave no subject, when all before it, from the sentence's
    start, is one phrase hung on the verb: a number ("Roughly 7 in 10 say ..."), or a clause whose own subject is
    the speaker ("Several sources privy to the harbour talks say ...", with "privy" read as a verb; "Lopez offered
    the dockers a deal, then says ..."). Only with the content after the verb: a clause before it may be what is
    said."""
    if verb.tag_ not in _FINITE_VERB_TAGS or content[0] < verb.idx:
        return None
    before = [c for c in verb.children if c.i < verb.i and not (c.is_punct or c.dep_ in {"advmod", "cc", "mark"})]
    if len(before) != 1:
        return None
    phrase = before[0]
    if phrase.left_edge.i != verb.sent.start:
        return None
    between = verb.doc[phrase.right_edge.i + 1 : verb.i]
    if any(not (t.is_punct or t.dep_ in {"advmod", "cc"} and t.head.i == verb.i) for t in between):
        return None
    if phrase.pos_ == "NUM" or phrase.dep_ in {"nummod", "npadvmod"} and phrase.pos_ in {"NOUN", "PROPN"}:
        return phrase
    if phrase.pos_ in {"VERB", "AUX"} and phrase.i > phrase.left_edge.i:
        return next((c for c in phrase.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
    return None


def _according_to_drafts(doc: Doc) -> list[_Draft]:
    """"..., according to X" and its short form "..., per X" (only beside a comma or opening the sentence, and
    only of a speaker: "ten dollars per person" cites no one): the clause it modifies is X's."""
    drafts = []
    for token in tokens_with(doc, "LOWER", frozenset({"according", "per"})):
        if token.lower_ == "per":
            to = token
            if not (token.is_sent_start or token.i and doc[token.i - 1].text in {",", "(", "—", "–"}):
                continue
        else:
            to = next((c for c in token.children if c.lower_ == "to"), None)
            if to is None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                to = doc[token.i + 1]
        if to is None:
            continue
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None or token.lower_ == "per" and not _names_a_speaker(doc[source.i : source.i + 1]):
            continue
        if (phrase := _with_phrase_before(token)) is not None:
            # "..., with 60 percent backing the plan, according to a survey": the survey says what the phrase says
            drafts.append(_Draft(source=_span_of(source), cue=(token.i, to.i + 1), content=phrase))
            continue
        # The clause "according to" modifies: climb to the nearest verb (heads never leave the sentence).
        clause = token.head
        while clause.head.i != clause.i and clause.pos_ not in {"VERB", "AUX"}:
            clause = clause.head
        while clause.dep_ == "conj" and clause.head.i < clause.i and token.i > clause.i:
            clause = clause.head  # "X hacked ... and Y covered it up, according to Z": the whole coordination
        if clause.dep_ == "conj" and clause.head.i < token.i < clause.i and not any(c.dep_ in _SUBJECT_DEPS for c in clause.children):
            # "X was paid, according to aides who spoke ... but were not allowed to ...": the parser took the
            # citation's own relative clause for a conjunct; what the aides say is the clause before
            clause = clause.head
        content = _subtree_chars(clause, exclude=token)
        if token.i > clause.i and (whole := _sentence_before_final_citation(token, to)) is not None:
            content = whole
        elif token.i > clause.i and content[1] > token.idx:
            # "X, according to Y - a gloss on X": what Y says ends where its citation begins
            before = [t for t in clause.subtree if t.i < token.i and not (t.is_punct or t.is_space)]
            content = (content[0], before[-1].idx + len(before[-1]))
        elif token.i < clause.i and content[0] < token.idx and not any(
            t.i < token.i and not (t.is_punct or t.is_space) for t in clause.subtree
        ):
            # '"According to Y, X."': what Y says starts after the citation, not at the quotation mark before it. A
            # citation inside the clause ("The deal, according to Y, collapsed") leaves it whole, as "said" does;
            # ``_split_around_the_clause`` later parts it into content and continuation around the citation.
            after = [t for t in clause.subtree if t.i > token.right_edge.i and not (t.is_punct or t.is_space)]
            if after:
                content = (after[0].idx, after[-1].idx + len(after[-1]))
        drafts.append(_Draft(source=_span_of(source), cue=(token.i, to.i + 1), content=content))
    return drafts


def _sentence_before_final_citation(citation: Token, to: Token) -> tuple[int, int] | None:
    """The characters of the sentence before a citation that ends it ("X rose, while Y fell, according to Z."):
    Z vouches for the whole sentence, though the parser hangs the citation on the nearest clause."""
    sentence = citation.sent
    after = [t for t in sentence if t.i > to.right_edge.i and not (t.is_punct or t.is_space)]
    before = [t for t in sentence if t.i < citation.i and not (t.is_punct or t.is_space)]
    if after or not before:
        return None
    return before[0].idx, before[-1].idx + len(before[-1])


def _with_phrase_before(citation: Token) -> tuple[int, int] | None:
    """The characters of a phrase set off by commas right before a citation and opening with "with", which adds a
    fact of its own (", with 60 percent in favour, according to ..."), without its "with"."""
    doc = citation.doc
    end = citation.i - 1
    if end < 2 or doc[end].text != ",":
        return None
    start = end - 1
    while start > 0 and doc[start].text != "," and not doc[start].is_sent_start:
        start -= 1
    if doc[start].text != "," or doc[start + 1].lower_ != "with" or end - start < 4:
        return None
    first, last = doc[start + 2], doc[end - 1]
    return first.idx, last.idx + len(last)


#: Verbs whose object is the one spoken to ("told the Gazette", "assured voters"), not what is said.
_TELLING_VERBS = frozenset({"tell", "inform", "assure", "reassure", "notify", "brief", "remind", "warn", "advise"})
#: Verbs whose past participle, opening a sentence, is said of the one asked or told ("Pressed on the budget, ...").
_ADDRESSED_VERBS = _ASKING_VERBS | _TELLING_VERBS | {"press", "quiz", "challenge", "confront"}
#: Prepositions that bring in what a verb of telling is about, which PolNeAR marks with the one told.
_WARNED_OF = frozenset({"about", "against", "of", "on", "over"})
#: Object pronouns that stand for someone spoken to ("told him"); "it", "that" and "what" may be what is told.
_ADDRESSEE_PRONOUNS = frozenset({"me", "you", "him", "her", "us", "them"})


def _is_addressee(obj: Token | None) -> bool:
    """An object that is someone who can be spoken to: a pronoun of a person, a name, or a noun that says who
    ("a reporter", "the committee"); "told [a story]" tells what."""
    if obj is None:
        return False
    if obj.pos_ == "PRON":
        return obj.lower_ in _ADDRESSEE_PRONOUNS
    return _names_a_speaker(obj.doc[obj.left_edge.i : obj.i + 1])


def _reduced_clause(lemma: str, children: list[Token], verbs: frozenset[str]) -> bool:
    """An object that says something happened: a headline's clause without "was" that the parser reads as an
    object and its participle ("Rebels claim [hostage killed in strike]", with a verb of saying), and what someone is
    accused of ("accused [the mayor of taking bribes]"). It is reported as a proposition, not a thing acted on."""
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if lemma == "accuse":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in (*children, *obj.children))
    return lemma in verbs and any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.i > obj.i and _only_asides_between(obj, c) for c in obj.children
    )


def _only_asides_between(noun: Token, later: Token) -> bool:
    """Nothing but commas and the noun's appositions stands between it and a later word of its own ("[the
    hostage], Kayla Mueller, [killed] ..."): the later word still follows the noun directly."""
    asides = {t.i for c in noun.children if c.dep_ == "appos" for t in c.subtree}
    return all(t.is_punct or t.i in asides for t in noun.doc[noun.i + 1 : later.i])


#: Verbs whose object is what the source expects to happen ("BMO forecasts [19 million sales]").
_FORECAST_VERBS = frozenset({"forecast", "predict", "project", "expect", "estimate", "anticipate"})


def _forecast(lemma: str, children: list[Token]) -> bool:
    """An object that is a forecast: what the source expects to happen, a proposition of its own ("Analysts expect [a
    rate cut in March]"), not a thing acted on; "see" too, with a figure and a named forecaster ("Citi sees [20
    million sales]"; "Ferry traffic saw a surge in 1990" forecasts nothing)."""
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if lemma != "see":
        return lemma in _FORECAST_VERBS
    named = any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in {"ORG", "PERSON"}) for c in children)
    return named and any(t.like_num or t.tag_ == "$" for t in obj.subtree)


def _only_addressee(verb: Token, children: list[Token], recipient: Token | None) -> bool:
    """Whether all a verb of telling governs after itself is the one spoken to, with at most phrases of when,
    where or through what ("told [the Gazette] in an interview"). With what it is about, PolNeAR marks both ("warned
    [China against ...]", "told [him about the deal]", "told [a reporter not to ...]")."""
    if not _is_addressee(recipient):
        return False
    governed = [c for c in children if c.i > verb.i and c is not recipient] + [c for c in recipient.children if c.i > recipient.i]
    return all(
        c.dep_ in {"punct", "advmod", "npadvmod"} or c.dep_ == "prep" and c.lower_ not in _WARNED_OF for c in governed
    )


def _manner_participle(verb: Token, clause: Token) -> bool:
    """A bare participle after a verb that tells how or while it was said ("she said answering a question"),
    which the parser may take for a second clause beside the one reported."""
    return (
        clause.dep_ == "xcomp"
        and clause.tag_ == "VBG"
        and clause.i > verb.i
        and not any(c.dep_ in {"nsubj", "mark", "aux"} for c in clause.children)
    )


def _discourse_marker(verb: Token, subject: Token | None) -> bool:
    """"That said, ..." and "That being said, ...": a phrase that links sentences, not a report of the clause
    after it."""
    if verb.lemma_.lower() != "say" or subject is None or subject.lower_ != "that" or verb.i + 1 >= len(verb.doc):
        return False
    between = verb.doc[subject.i + 1 : verb.i]
    return (
        subject.i < verb.i
        and all(t.lower_ == "being" for t in between)
        and verb.doc[verb.i + 1].text == ","
        and (subject.is_sent_start or verb.doc[subject.i - 1].is_punct or verb.doc[subject.i - 1].dep_ == "cc")
    )


#: Verbs of an "as" clause that cites a report ("as the Times reported, ..."); verbs of the act of speaking are
#: left out, since "as she spoke, ..." only tells when.
_AS_REPORT_VERBS = frozenset({
    "report", "say", "note", "write", "reveal", "state", "announce", "mention", "explain", "tweet", "confirm",
    "predict", "point", "detail", "document", "disclose", "describe", "put",
})


def _as_clause_report(verb: Token) -> bool:
    """"As the Times reported, X" / "as reported by Y, X": a verb that reports nothing of its own (no clause or
    object) in an "as" clause, which cites its source for the clause it modifies. "As Ruiz put it, X": an "it"
    object stands for that clause."""
    if verb.dep_ != "advcl" or verb.lemma_.lower() not in _AS_REPORT_VERBS:
        return False
    children = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in children) and not any(
        c.dep_ in {"ccomp", "xcomp"} or (c.dep_ == "dobj" and c.lower_ != "it") for c in children
    )


def _as_reported_drafts(doc: Doc) -> list[_Draft]:
    """"As the Times reported, the deal fell through": the clause the "as" clause modifies is the Times's."""
    drafts = []
    for mark in tokens_with(doc, "LOWER", frozenset({"as"})):
        verb = mark.head
        if mark.dep_ != "mark" or not _as_clause_report(verb) or verb.head.i == verb.i:
            continue
        children = list(verb.children)
        source = next((c for c in children if c.dep_ == "nsubj"), None)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if agent is not None:
            source = next((c for c in agent.children if c.dep_ == "pobj"), source)
        content = _subtree_chars(verb.head, exclude=verb)
        cue = _cue_range(verb)
        placeholder = next((c for c in children if c.dep_ == "dobj"), None)  # "put it": the cue's own words
        if placeholder is not None and placeholder.i == cue[1]:
            cue = (cue[0], placeholder.i + 1)
        drafts.append(_Draft(source=_span_of(source) if source is not None else None, cue=cue, content=content))
    return drafts


def _reportedly_drafts(doc: Doc) -> list[_Draft]:
    """"The club is reportedly spending two million dollars": a report with no source given. Its content is the
    clause, the adverb inside it (the content is one span), without what sets its scene; of two verbs joined, only
    the one it hedges ("She won the vote and was reportedly offered a seat": the vote is the writer's own)."""
    verbs = word_list("report_verbs.txt")
    drafts = []
    for token in tokens_with(doc, "LOWER", frozenset({"reportedly"})):
        clause = token.head
        if token.dep_ != "advmod" or clause.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        if clause.lemma_.lower() in verbs:
            continue  # "X reportedly told Y that Z": X is the source, and "reportedly" hedges the telling
        drafts.append(_Draft(source=None, cue=(token.i, token.i + 1), content=_clause_without_setting(clause)))
    return drafts


def _clause_without_setting(clause: Token) -> tuple[int, int]:
    """The characters of a clause without the phrases set off by a comma that set its scene before it ("In
    total, ...", "When the vote was called, ...") or add a consequence after it ("..., leaving the party split"):
    what a report vouches for is the event itself."""
    doc = clause.doc
    words = [t for t in clause.subtree if not (t.is_space or t.is_punct and t.text not in _CLOSING)]
    start, end = words[0].i, words[-1].i + 1
    for child in clause.children:
        after = child.right_edge.i + 1
        if child.i < clause.i and child.left_edge.i == start and child.dep_ in _SETTING_DEPS and after < clause.i and doc[after].text == ",":
            start = after + 1
        elif child.i > clause.i and child.dep_ == "advcl" and child.right_edge.i + 1 >= end and doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.i - 1)
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


#: What opens a clause to set its scene ("In total,", "When the vote was called,", "Last week,").
_SETTING_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod"})


def _noun_drafts(doc: Doc) -> list[_Draft]:
    """"the ministry's claim that the dam was safe", "fears that the dam will burst": a noun of saying or believing
    (``cue_nouns.txt``) with a that-clause of its own. The source is its possessor or its "by" phrase, or no one
    ("allegations that ...")."""
    nouns = word_list("cue_nouns.txt")
    drafts = []
    for token in tokens_with(doc, "LEMMA", _with_capitals(nouns)):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns:
            continue
        clause = next(
            (c for c in token.children
             if c.dep_ in {"acl", "ccomp"} and c.i > token.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
            None,
        )
        if clause is None:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "by" and c.i < clause.i), None)
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        source = doc[owner.left_edge.i : owner.i + 1] if owner is not None else None  # without its "'s"
        content = _subtree_chars(clause)
        drafts.append(_Draft(source=source, cue=(token.i, token.i + 1), content=content, bound=content[1]))
    return drafts


#: Prepositions through which a noun of stance takes what it is about ("attacks on", "criticism of", "call for").
_STANCE_PREPOSITIONS = frozenset({"on", "for", "of", "about", "against", "toward", "towards", "over"})


def _stance_noun_drafts(doc: Doc) -> list[_Draft]:
    """"her attacks on the mayor", "the union's call for a strike", "the board's decision to close the plant":
    a noun of an act or stance (``stance_nouns.txt``) with a possessor, which is the source, and a complement,
    which is the content: the object of its preposition (the preposition is part of the cue, as in "called for")
    or its to-infinitive. A noun with a that-clause is ``_noun_drafts``' own."""
    nouns = word_list("stance_nouns.txt")
    drafts = []
    for token in tokens_with(doc, "LEMMA", _with_capitals(nouns)):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns:
            continue
        children = list(token.children)
        owner = next((c for c in children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        prep = next(
            (c for c in children if c.dep_ == "prep" and c.i == token.i + 1 and c.lower_ in _STANCE_PREPOSITIONS), None
        )
        target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        infinitive = next((c for c in children if c.dep_ in {"acl", "xcomp"} and c.i > token.i and _to_infinitive(c)), None)
        if target is not None:
            cue, content = (token.i, prep.i + 1), _subtree_chars(target)
        elif infinitive is not None:
            cue, content = (token.i, token.i + 1), _subtree_chars(infinitive)
        else:
            continue
        source = doc[owner.left_edge.i : owner.i + 1]  # without its "'s"
        drafts.append(_Draft(source=source, cue=cue, content=content, content_type="object", bound=content[1]))
    return drafts


#: Prepositions by which an adjective of stance takes what the stance is about ("worried about", "proud of").
_ATTITUDE_PREPOSITIONS = frozenset({"about", "of", "on", "over", "with", "that", "in"})


#: Adjectives of stance that also say how likely something is, with a to-infinitive ("the bill is sure to pass").
_RAISING_ADJECTIVES = frozenset({"sure", "certain"})


def _attitude_drafts(doc: Doc) -> list[_Draft]:
    """"She is sure the bill will pass", "he is worried about the cuts": an adjective of stance after "be"
    (``attitude_adjectives.txt``) attributes its complement, a clause or the object of its preposition, to the
    subject; "be" through the adjective is the cue. Without a complement or a subject, nothing is made."""
    adjectives = word_list("attitude_adjectives.txt")
    drafts = []
    for token in tokens_with(doc, "LEMMA", _with_capitals(adjectives)):
        copula = token.head
        if token.dep_ != "acomp" or copula.lemma_ != "be" or token.lemma_.lower() not in adjectives:
            continue
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in _EXPLETIVES:
            continue
        children = list(token.children)
        clause = next((c for c in children if c.dep_ in {"ccomp", "xcomp"} and c.i > token.i), None)
        prep = next((c for c in children if c.dep_ == "prep" and c.i == token.i + 1 and c.lower_ in _ATTITUDE_PREPOSITIONS), None)
        target = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
        if (
            clause is not None
            and token.lemma_.lower() in _RAISING_ADJECTIVES
            and _to_infinitive(clause)
            and not any(c.tag_ in {"WRB", "WP"} for c in clause.children)  # "not sure how to ..." doubts
        ):
            continue  # "He is sure to win": the writer's forecast, not his attitude ("he is sure he will win")
        if clause is not None:
            cue, content, kind = (_cue_range(copula)[0], token.i + 1), _subtree_chars(clause), "proposition"
        elif target is not None:
            cue, content, kind = (_cue_range(copula)[0], prep.i + 1), _subtree_chars(target), "object"
        else:
            continue
        drafts.append(_Draft(source=_span_of(subject), cue=cue, content=content, content_type=kind))
    return drafts


_MAKING = frozenset({"make"})


def _made_clear_drafts(doc: Doc) -> list[_Draft]:
    """"Lopez made it clear that the pier would close", "has made clear she would stay": "make (it) clear" says
    something outright; the clause after "clear", hung by the parser on either word, is what the subject of "make"
    says, and "make" through "clear" is the cue."""
    drafts = []
    for token in tokens_with(doc, "LEMMA", _MAKING):
        clear = next((t for t in doc[token.i + 1 : token.i + 3] if t.lower_ == "clear"), None)
        if token.pos_ != "VERB" or clear is None or not token.is_ancestor(clear):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in _EXPLETIVES:
            continue
        clauses = [c for c in [*token.children, *clear.children] if c.dep_ in {"ccomp", "advcl"} and c.i > clear.i]
        if not clauses:
            continue
        start, end = _subtree_chars(clauses[0])
        drafts.append(_Draft(source=_span_of(subject), cue=(_cue_range(token)[0], clear.i + 1), content=(max(start, _after_token(clear)), end)))
    return drafts


#: Documents whose findings a clause can rest on ("In a poll released on Monday, 52 percent backed ..."); a statement, letter or
#: post is rather the medium of the speaker the clause names ("In a statement, the ministry condemned ...").
_FINDING_DOCUMENTS = frozenset({
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "analysis", "data", "census", "audit",
    "review", "investigation", "record", "records", "filing", "indictment", "complaint", "lawsuit", "transcript",
})


def _verbless_root(root: Token) -> bool:
    """A sentence whose verb the parser took for a participle, leaving a noun as its root ("71 percent of dock
    workers approved of the plan" read as "workers [who were] approved of")."""
    return (
        root.dep_ == "ROOT"
        and root.pos_ in {"NOUN", "PROPN", "NUM"}
        and any(t.dep_ == "acl" and t.tag_ in {"VBN", "VBD"} for t in root.subtree)
    )


def _in_document_drafts(doc: Doc) -> list[_Draft]:
    """"In a poll released on Monday, 52 percent of voters backed the plan": the poll is the source of the clause after it, unless
    the clause has its own reporting verb or the document is its subject's own ("In its report, the agency
    found ...": the agency speaks)."""
    verbs = word_list("report_verbs.txt")
    drafts = []
    for token in tokens_with(doc, "LOWER", frozenset({"in"})):
        clause = token.head
        if token.dep_ != "prep" or not (clause.pos_ in {"VERB", "AUX"} or _verbless_root(clause)) or token.i > clause.i:
            continue
        document = next((c for c in token.children if c.dep_ == "pobj"), None)
        if document is None or document.lower_ not in _FINDING_DOCUMENTS:
            continue
        if clause.lemma_.lower() in verbs or any(c.dep_ == "poss" for c in document.children):
            continue
        content = _subtree_chars(clause, exclude=token)
        drafts.append(_Draft(source=_span_of(document), cue=(token.i, token.i + 1), content=content))
    return drafts


#: Entity types of a label that speaks. Not a place: "Syria:" or "Tasmania:" opening a headline says where the story
#: is (a dateline), and a government that speaks does so in the first person (``_speaks_in_first_person``).
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: Entity types that name a label speaking in the first person: the speakers' and places' ("Russia: We will ...").
_FIRST_PERSON_LABELS = _SPEAKER_LABELS | {"GPE"}


#: Tags of words that cannot be part of a speaker's name: wh-words, conjunctions, prepositions ("as", "no matter").
_NOT_A_SPEAKER = frozenset({"WDT", "WP", "WP$", "WRB", "CC", "IN", "RB"})
_IRREGULAR_PAST = {"said": "say", "told": "tell", "wrote": "write", "thought": "think", "found": "find"}


def _report_verb_form(word: str) -> bool:
    """"says", "Claims", "REPORTED": a form of a reporting verb, whatever the tagger made of it (headline case
    throws it)."""
    word = word.lower()
    # only an inflection comes off: "adviser" and "reporter" are no forms of "advise" and "report"
    stems = {word, _IRREGULAR_PAST.get(word, word), word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("d")}
    if word.endswith("ed"):
        stems.add(word[:-2])
    return bool(stems & word_list("report_verbs.txt"))


def _shown_by_a_document(words: Span) -> bool:
    """"records show", "flight logs showed": a document's evidence, cited like a speaker's words. "Show" is no
    verb of saying (a poll shows a lead; so does a chart), so it counts only after a document's noun, and the
    tagger, reading "logs show" as a compound noun, is not asked."""
    if len(words) < 2 or words[-1].lower_ not in {"show", "shows", "showed"}:
        return False
    head = words[-2].lower_
    nouns = table("source_nouns.tsv")
    return "document" in {nouns.get(head), nouns.get(head.removesuffix("s"))}


def _trailing_report_drafts(doc: Doc) -> list[_Draft]:
    """A sentence that ends in ", <who> says" or ", says <who>" ("Mayor quits after arrest, report claims",
    "FACTORY FIRE KILLS NINE, POLICE SAY", "Talks to resume in May, says envoy"): the rest of the sentence is what
    is attributed. Read from the words, because a headline's capitals mislead the tagger and the parser may cut
    ", newspaper says" off as a sentence."""
    drafts = []
    for sentence in doc.sents:
        end = sentence.end
        while end > sentence.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end - sentence.start < 2:
            continue
        tail = []  # the sentence's last seven words and commas, read from its end: the rest is never looked at
        for i in range(end - 1, sentence.start - 1, -1):
            if len(tail) == 7:
                break
            token = doc[i]
            if not token.is_space and not token.is_punct or token.text == ",":
                tail.append(token)
        comma = next((t for t in tail[1:] if t.text == ","), None)
        if comma is None or comma.i == 0:
            continue
        if (
            (_report_verb_form(doc[end - 1].text) or _shown_by_a_document(doc[comma.i + 1 : end]))
            and comma.i < end - 2
            and _could_speak(doc[comma.i + 1 : end - 1])
        ):
            last, source = doc[end - 1], doc[comma.i + 1 : end - 1]
        elif (
            _report_verb_form(doc[comma.i + 1].text)
            and doc[comma.i + 1].lemma_.lower() not in _TELLING_VERBS  # "..., told the Gazette": who is told
            and comma.i + 2 < end
            and _names_a_speaker(doc[comma.i + 2 : end])
        ):
            last, source = doc[comma.i + 1], doc[comma.i + 2 : end]  # inverted: "..., claims analyst"
        else:
            continue
        if any(
            t.pos_ in {"VERB", "AUX"} and t.tag_ != "VBN" and t.dep_ not in {"amod", "compound"}
            or t.is_punct or t.tag_ in _NOT_A_SPEAKER
            for t in source
        ):
            continue  # ", as the report says", ", whatever anyone says": no one is quoted ("monitoring group" is someone)
        opening = doc[comma.i - 1].sent.start
        content = doc[opening : comma.i]
        if len(content) < 3:
            continue
        drafts.append(_Draft(source=source, cue=(last.i, last.i + 1), content=(content.start_char, content.end_char)))
    return drafts


#: Labels that name an article's genre or form, not a speaker ("Analysis: why the plan will fail", "VIDEO: ..."),
#: though some of them are also words for a source document elsewhere ("the video shows").
_GENRE_LABELS = frozenset({
    "analysis", "investigation", "opinion", "review", "explainer", "editorial", "commentary", "video", "footage",
})


#: Kickers that end a story's label ("Harbour Strike Update:", "Port Fire Live:"), which no speaker's name does.
_UPDATE_KICKERS = frozenset({"update", "updated", "updates", "breaking", "live"})
#: Capitalized words that open a line before a colon as a heading, not a speaker ("UPDATE:", "WATCH:").
_KICKERS = _UPDATE_KICKERS | frozenset({
    "watch", "exclusive", "video", "videos", "photo", "photos", "note", "correction", "clarification", "related",
    "read", "more", "see", "also", "warning", "spoiler", "transcript", "editor's", "editors", "ps", "p.s.", "bottom",
    "line", "tl;dr", "poll", "quiz", "map", "chart", "graphic", "audio", "listen", "advertisement", "sponsored",
})


#: A line that opens with a name in capitals and a colon ("TAPPER:", "KATE BOLDUAN:").
_CAPITALS_LABEL = re.compile(r"^[ \t]*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):", re.MULTILINE)


#: Where ``_transcript_labels`` are kept on a document (``kept_on``).
_TRANSCRIPT_KEY = "counterpoint.transcript_labels"


#: An interview's lines: "Q:" opens a question, "A:" an answer.
_INTERVIEW_QUESTION = re.compile(r"^[ \t]*Q:", re.MULTILINE)
_INTERVIEW_ANSWER = re.compile(r"^[ \t]*A:", re.MULTILINE)


def _transcript_labels(text: str) -> frozenset[str]:
    """The capitalized line labels of a transcript: two different ones at least, for one alone is a headline's
    kicker or dateline ("URGENT:", "AUSTRALIA:") more often than a speaker; never a heading word or a verdict.
    In an interview (lines that open with "Q:" and lines that open with "A:"), "A" is the one who answers."""
    labels = {
        label
        for label in _CAPITALS_LABEL.findall(text)
        if not any(word.lower() in _KICKERS or word.lower() in _GENRE_LABELS for word in label.split())
        and not verdict_of(label)
    }
    found = frozenset(labels) if len(labels) >= 2 else frozenset()
    if _INTERVIEW_QUESTION.search(text) and _INTERVIEW_ANSWER.search(text):
        found |= {"A"}
    return found


def _transcript_speaker(label: Span) -> bool:
    """A transcript's speaker at the start of a line, and an interview's "A:". Its answers are the interviewee's
    words, not the outlet's claims. PolNeAR train loses 13 matches by it (11836 -> 11823): PolNeAR also marks the
    reports inside an answer ("I think ..."), and its scorer counts only our outermost attributions. The question
    ("Q:") is the outlet's own interviewer asking, and stays unattributed."""
    return label.text in kept_on(label.doc, _TRANSCRIPT_KEY, lambda doc: _transcript_labels(doc.text))


#: Where ``_named_elsewhere`` words are kept on a document (``kept_on``).
_NAMES_KEY = "counterpoint.person_and_organization_words"


def _person_and_organization_words(doc: Doc) -> frozenset[str]:
    """The capitalized words of the document's person and organization names."""
    return frozenset(t.text for ent in doc.ents if ent.label_ in {"PERSON", "ORG"} for t in ent if t.is_title or t.is_upper)


def _named_elsewhere(word: Token) -> bool:
    """A capitalized word that is part of a person's or an organization's name elsewhere in the document: a
    headline's "Lopez:" is a speaker the tagger misses in capitals, and "Ana Lopez" in the body names her."""
    return (word.is_title or word.is_upper) and word.text in kept_on(word.doc, _NAMES_KEY, _person_and_organization_words)


def _could_speak(words: Span) -> bool:
    """Whether the words before a headline's last verb may be who speaks: a name, a pronoun, a noun of a speaker or
    people ("..., police say", "..., Lopez says", "..., monitors say"), not one thing that happened ("..., riot
    declared", "..., the spending continued")."""
    last = words[-1]
    return last.pos_ in {"PROPN", "PRON"} or bool(last.ent_type_) or last.tag_ in {"NNS", "NNPS"} or _names_a_speaker(words)


def _names_a_speaker(label: Span) -> bool:
    """A label that ends in a named entity or in a noun that says who speaks ("source", "officials",
    "senator", "report"); "Paris attacks:" names a topic, not a speaker."""
    if verdict_of(label.text):
        return False  # "Fake-News:" is a fact-check's verdict on what follows
    if _labels_a_topic(label) and not _is_outlet(label, None):
        return False
    if label[-1].lower_ in _UPDATE_KICKERS or label[-1].lower_ in word_list("story_nouns.txt"):
        return False  # "Port Strike Update:", "Harbour Fire:", which the tagger may read as names, head a story
    if label[-1].ent_type_ in _SPEAKER_LABELS or _is_outlet(label, None) or _named_elsewhere(label[-1]):
        return True  # a known outlet's name ("NYT:") may be no entity to the tagger
    if _transcript_speaker(label):
        return True
    if label[-1].lower_ in _GENRE_LABELS:
        return False
    return _a_speaker_noun(label[-1])


def _a_speaker_noun(word: Token) -> bool:
    """A noun that says who speaks, singular or plural: a source noun ("source", "officials", "report"), a title
    ("Senator:") or a person by relation or trade ("Unhappy Customer:", "Nurse:"), but not one a pronoun possesses
    ("Spotlight his family:" heads a section; "Among its findings:" still cites) or the end of a hyphened word
    ("font-family:" is a style rule)."""
    doc = word.doc
    if word.i > 0 and doc[word.i - 1].text in {"-", "–"} and not doc[word.i - 1].whitespace_:
        return False
    head = word.lower_
    singular = head[:-1] if head.endswith("s") else head
    if any(noun in table("source_nouns.tsv") for noun in (head, singular)):
        return True
    return any(noun in word_list("roles.txt") or noun in word_list("people_nouns.txt") for noun in (head, singular)) and not any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in word.children
    )


#: Words that make a label a topic, not a name: a pronoun ("It's official:", "Here's why:", "What we know:") or a
#: contest ("Lee vs Park:").
_TOPIC_LABEL_WORDS = frozenset({
    "it", "it's", "it’s", "this", "that", "these", "those", "here", "here's", "here’s", "what", "why", "how", "when",
    "where", "you", "your", "vs", "vs.", "v.", "versus",
})


def _labels_a_topic(label: Span) -> bool:
    """A label no speaker is named by: it holds a figure ("Harbour Fire 2024:", "5 things:"), for names hold
    none, or one of ``_TOPIC_LABEL_WORDS``. The tagger reads most capitalized words of a headline as a name, so
    these are told by their words."""
    return any(t.is_digit or t.lower_ in _TOPIC_LABEL_WORDS for t in label) or label.text.lower().startswith(("it's ", "it’s "))


def _row_or_list(after_colon: Span | None) -> bool:
    """What follows a label and a colon in a table's row or a list, not words said: no word at all ("Lopez:
    1,204"), or names after commas with no verb ("Ohio: Ann Lee, Bo Diaz, Cy Young, ...")."""
    if after_colon is None or not any(t.is_alpha for t in after_colon):
        return True
    commas = sum(t.text == "," for t in after_colon)
    return commas >= 3 and not any(t.pos_ in {"VERB", "AUX"} for t in after_colon)


def _describes_the_named(label: Span, after_colon: Span | None) -> bool:
    """A name before words with no verb and no quotation ("Ana Ruiz: The mayor's pick for the port board", "Lee
    and Park: A tortured relationship"): a heading about the named, not their words. A noun that says who speaks
    ("Source: Ferry found", "Poll: Lee ahead", "Nurse: Exhausted") or an outlet still speaks in a verbless line."""
    if after_colon is None or _transcript_speaker(label) or any(t.pos_ in {"VERB", "AUX"} or t.is_quote for t in after_colon):
        return False
    return not (_a_speaker_noun(label[-1]) or _is_outlet(label, None))


#: Words by which a speaker names themself.
_FIRST_PERSON_WORDS = frozenset({"i", "me", "my", "mine", "i'm", "we", "us", "our", "ours"})


def _news_of_the_named(label: Span, after_colon: Span | None) -> bool:
    """A name before a headline that calls someone by the office the article names the labelled person with
    ("Ana Ruiz: Labour MP stabbed" where the article writes "Labour MP Ana Ruiz"; "... into death of Tory MP"): news
    about them under their name as a topic, not their words, for no one calls themself by their office."""
    name = label[-1]
    if after_colon is None or name.pos_ != "PROPN":
        return False
    if any(t.lower_ in _FIRST_PERSON_WORDS for t in after_colon):
        return False  # "Lee: I am not running for president": their words after all
    roles = word_list("roles.txt")
    # an office with no name after it, and not one someone is or would be ("qualified to be president"): "the
    # senator", not "Senator Lee", who is someone named
    offices = {
        t.lower_
        for t in after_colon
        if t.lower_ in roles and t.dep_ not in {"attr", "oprd"} and not (t.i + 1 < len(t.doc) and t.nbor(1).pos_ == "PROPN")
    }
    if not offices:
        return False
    doc = label.doc
    return any(
        t.lower_ == name.lower_ and not after_colon.start <= t.i < after_colon.end and t.i >= label.end
        and any(w.lower_ in offices for w in doc[max(0, t.i - 5) : t.i])
        for t in doc
    )


def _speaks_in_first_person(label: Span, colon: Token) -> bool:
    """A name ("Dockers United: We will not go back", "ISIS: We have ...") before a clause whose subject is "I" or
    "we": the name's own words, even when nothing else says it names a speaker. A topic's label ("Port strike:
    'We ...'") is no name, and what follows is someone else's quotation."""
    following = colon.nbor(1) if colon.i + 1 < len(colon.doc) else None
    while following is not None and following.is_quote and following.i + 1 < len(colon.doc):
        following = following.nbor(1)
    named = label[-1].pos_ == "PROPN" or label[-1].ent_type_ in _FIRST_PERSON_LABELS or label[-1].is_upper and len(label[-1]) > 1
    return named and following is not None and following.lower_ in {"i", "we"} and following.dep_ == "nsubj"


def _colon_drafts(doc: Doc, text: str) -> list[_Draft]:
    """A speaker label and a colon opening a sentence ("Kerry: 'By law ...'", "Rubio: Trump is wrong", a
    headline's "Source: ..." or "Official: ..."), or after a dash before a quotation (a digest's "Polls were
    early - Ann Lee: “..."): at most five words, and the content runs to the end of the line."""
    drafts = []
    for colon in tokens_with(doc, "ORTH", frozenset({":"})):
        quotation = text[colon.idx + 1 : colon.idx + 3].lstrip()[:1] in {'"', "“"}
        start = colon.i
        while start > max(0, colon.i - 6) and not _opens_label(doc, start, quotation):
            start -= 1
        if not _opens_label(doc, start, quotation):
            continue
        label = doc[start : colon.i]
        if not 1 <= len(label) <= 5 or colon.i + 1 >= len(doc) or doc[colon.i + 1].like_num and not colon.whitespace_:
            continue
        if _labels_a_topic(label) and not _is_outlet(label, None):
            continue  # "Lee vs Park:", before a preposition cuts it to "Lee"
        # "Lee to the council:", "Former minister Lee at the summit:": the speaker is before the phrase, and
        # "Another problem for Lee:" leads into what follows, for no one before "for" speaks. "Sources close to
        # the talks:" is one description of the speaker: an adjective before the phrase keeps it.
        preposition = next((t.i for t in label[1:] if t.tag_ == "IN" and t.lower_ != "of"), None)
        speaker = label
        if preposition is not None:
            speaker = doc[start:preposition]
            while len(speaker) > 1 and speaker[-1].pos_ in {"ADJ", "ADV"}:
                speaker = speaker[:-1]
            described = speaker.end < preposition  # "Sources close to": the whole label describes the speaker
            if not described:
                label = speaker
        if not (_names_a_speaker(speaker) or _speaks_in_first_person(speaker, colon)) or any(t.pos_ in {"VERB", "AUX"} for t in label):
            continue
        line_end = text.find("\n", colon.idx)
        end = len(text.rstrip()) if line_end < 0 else line_end
        after = colon.idx + 1
        while after < end and text[after].isspace():
            after += 1
        while end > after and text[end - 1].isspace():
            end -= 1
        said = doc.char_span(after, end, alignment_mode="expand")
        if _row_or_list(said) or _describes_the_named(speaker, said) or _news_of_the_named(speaker, said):
            continue
        drafts.append(_Draft(source=label, cue=(colon.i, colon.i + 1), content=(after, end)))
    return drafts


def _opens_label(doc: Doc, i: int, before_quotation: bool) -> bool:
    """Whether a speaker label may start at word ``i``: at a sentence's start, or after a dash set off by spaces
    when the label's colon opens a quotation ("... early - Ann Lee: “...")."""
    if doc[i].is_sent_start:
        return True
    return before_quotation and i > 1 and doc[i - 1].text in _DASHES and bool(doc[i - 2].whitespace_) and bool(doc[i - 1].whitespace_)


#: A short line that ends in a separator and a label ("Bakery chain to close forty shops: Report", "Council to
#: sell the old pier -- sources"): the headline convention for "so says".
#: A dash separates a label only with a space on one side at least: "Al-Rashid" is a name, not "Al" said by
#: "Rashid".
_TRAILING_LABEL = re.compile(
    r"^(?P<content>\S.*?\S)\s*(?P<cue>:|\||(?:--|-|–|—)(?=\s)|(?<=\s)(?:--|-|–|—))\s*"
    r"(?P<label>[^\s:|–—-][^:|–—]{0,40}?)\s*$"
)
#: Longest line read as a headline with a trailing label, in words (body paragraphs are longer).
_HEADLINE_WORDS = 30


def _an_agency_acronym(label: Span) -> bool:
    """One word in capitals at a headline's end ("...: KCNA", "... - SITE"): the acronym of the agency, outlet or
    monitor the line is credited to, which the tagger rarely knows; not a heading ("- VIDEO"), a verdict or a place
    ("- USA")."""
    word = label[0]
    return (
        len(label) == 1
        and word.is_alpha
        and word.is_upper
        and 2 <= len(word) <= 6
        and word.lower_ not in _KICKERS
        and not verdict_of(word.text)
        and word.ent_type_ not in {"GPE", "LOC", "NORP"}
        and not names_a_country(word.text)
    )


def _trailing_label_drafts(doc: Doc, text: str) -> list[_Draft]:
    """A short line ending in a separator and a speaker label (": Report", "- reports", ": Source"): the rest of
    the line is what the label's speaker says. At most four words of label, and only a label that names
    a speaker (``_names_a_speaker``: "Report" does, "Photos" does not)."""
    drafts = []
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip() or len(line.split()) > _HEADLINE_WORDS:
            continue
        match = _TRAILING_LABEL.match(line)
        if match is None or len(match.group("label").split()) > 4 or len(match.group("content").split()) < 3:
            continue
        label = doc.char_span(start + match.start("label"), start + match.end("label"), alignment_mode="expand")
        cue = doc.char_span(start + match.start("cue"), start + match.end("cue"), alignment_mode="expand")
        if label is None or cue is None or not len(label) or not (_names_a_speaker(label) or _an_agency_acronym(label)):
            continue
        if cue.end > label.start:  # "-CNN" as one token: the separator is not a cue of its own
            continue
        drafts.append(
            _Draft(source=label, cue=(cue.start, cue.end), content=(start + match.start("content"), start + match.end("content")))
        )
    return drafts


#: Double quotation marks close one another whatever their style: a page may open with a straight mark and close
#: with a curly one ('"We will appeal,” she said'), where its editor retyped one end.
_CLOSERS = {'"': ('"', "”"), "“": ("”", '"')}


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Quotations as character ranges, marks included; a quotation never runs past the end of its line."""
    ranges, opening = [], None
    for match in _QUOTE_MARKS.finditer(text):
        mark = match.group()
        if mark == "\n":
            if opening is not None and _reopens(text, match.end()):
                # A quotation that runs on into the next paragraph is left open at this one's end
                ranges.append((opening[0], match.start()))
            opening = None
        elif opening is None and mark in _QUOTES:
            before = text[match.start() - 1] if match.start() else " "
            if mark == "''" and not (before.isspace() or before in "([{—–-"):
                continue  # inches and feet (6'2'', a 12'' screen), not a quotation
            if mark == "‘" and before.isalnum() and text[match.end() : match.end() + 1].isalnum():
                continue  # an apostrophe typed as an opening mark inside a word ("Arabia‘s"), not a quotation
            opening = (match.start(), _CLOSERS.get(mark, (_QUOTES[mark],)))
        elif opening is not None and (
            mark in opening[1] or "”" in opening[1] and _opening_typed_as_closing(text, match.start(), match.end())
        ):
            ranges.append((opening[0], match.end()))
            opening = None
    return ranges


def _opening_typed_as_closing(text: str, start: int, end: int) -> bool:
    """An opening mark typed where a double quotation ends ('“Not at all,“ he said'): right after a word or its
    punctuation and before a space or the end, as only a closing mark stands."""
    return (
        text[start:end] == "“"
        and start > 0
        and not text[start - 1].isspace()
        and (end == len(text) or text[end].isspace() or text[end] in ",.;:!?)")
    )


def _reopens(text: str, start: int) -> bool:
    """Whether the paragraph from ``start`` (after blank lines) opens with a quotation mark: the convention for a
    quotation carried over paragraphs, whose earlier paragraphs have no closing mark."""
    rest = text[start : start + 20].lstrip()
    return rest[:1] in _QUOTES or rest[:2] == "''"


def _whole_quotes(
    content: tuple[int, int], quotes: list[tuple[int, int]], cue_start: int, cue_end: int
) -> tuple[int, int]:
    """Widen a content that starts or ends inside a quotation to the whole quotation, marks included: a quote
    runs over several sentences, but the parser sees one ("I am not shy," he said. "I have ...")."""
    start, end = content
    for q_start, q_end in quotes:
        if q_start <= start < q_end and not (q_start < cue_start < q_end):
            start = q_start
            end = max(end, q_end)
        elif q_start < end <= q_end and not (q_start < cue_start < q_end):
            end = q_end
    return start, end


def _kind_of(content: tuple[int, int], quotes: list[tuple[int, int]], text: str) -> str:
    start, end = content
    inside = sum(max(0, min(end, q1) - max(start, q0)) for q0, q1 in quotes)
    length = len(text[start:end].strip()) or 1
    if inside >= length - 2:
        return "direct"
    return "mixed" if inside > 0 else "indirect"


def _entity_at(entities: list[Entity], start: int, end: int, within: bool = False) -> Entity | None:
    """The entity with a mention inside [start, end) (or, ``within``, a mention [start, end) lies in), preferring
    people, then the earliest mention."""
    found = [
        (e, m)
        for e in entities
        for m in e.mentions
        if (m.start <= start and end <= m.end if within else start <= m.start and m.end <= end)
    ]
    if not found:
        return None
    found.sort(key=lambda pair: (pair[0].kind != "person", pair[1].kind in {"demonym"}, pair[1].start))
    return found[0][0]


def _person_named(entities: list[Entity], span: Span) -> Entity | None:
    """The one person whose name ends in the span's capitalized words ("Okafor" for Chidi Okafor), for a name the
    tagger missed where it stands (a headline's capitals) but found elsewhere."""
    words = [t.lower_ for t in span]
    if not 1 <= len(words) <= 3 or not all(t.is_title or t.is_upper for t in span):
        return None
    found = [e for e in entities if e.kind == "person" and [w.lower() for w in e.name.split()][-len(words) :] == words]
    return found[0] if len(found) == 1 else None


#: The gender of each personal pronoun that may stand for a source.
_PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f",
}
#: Words in a person's mentions that say which pronoun the article will use for them; not "spokesman" or
#: "chairman", which some outlets write for women too.
_GENDERED_WORDS = {
    "mr": "m", "mr.": "m", "sir": "m", "husband": "m", "father": "m", "son": "m", "brother": "m", "king": "m",
    "prince": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "congresswoman": "f",
    "chairwoman": "f", "spokeswoman": "f", "businesswoman": "f", "wife": "f", "mother": "f", "daughter": "f",
    "sister": "f", "queen": "f", "princess": "f", "lady": "f",
}
#: Where ``_person_genders`` are kept on a document (``kept_on``).
_GENDERS_KEY = "counterpoint.person_genders"


def _person_genders(doc: Doc, entities: list[Entity]) -> dict[str, str]:
    """The pronoun gender ("m", "f") the article shows for each person it can: a courtesy title or a gendered
    noun in a mention ("Ms. Ruiz", "Congresswoman Ruiz"), else the first pronoun outside quotation marks after
    the person in sentences whose only person named is the subject ("Ruiz said she ..."), twice at least and twice
    as often as the other. A person with no such evidence gets none, and any pronoun may stand for them."""
    genders = {}
    votes: dict[str, dict[str, int]] = {}
    people = [e for e in entities if e.kind == "person"]
    named_in: dict[int, set[str]] = {}  # sentence start -> the people named in it
    spans = {}
    for entity in people:
        for mention in entity.mentions:
            words = spans[entity.id, mention.start] = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if words is not None:
                named_in.setdefault(words.sent.start, set()).add(entity.id)
    for entity in people:
        titled = {_GENDERED_WORDS[w] for m in entity.mentions for w in m.text.lower().split() if w in _GENDERED_WORDS}
        if titled:
            if len(titled) == 1:  # "Mr. Ruiz" and "Mrs. Ruiz" taken for one person tell nothing
                genders[entity.id] = titled.pop()
            continue
        for mention in entity.mentions:
            words = spans[entity.id, mention.start]
            if words is None or words.root.dep_ != "nsubj" or named_in[words.sent.start] != {entity.id}:
                continue
            sentence = words.sent
            tally = votes.setdefault(entity.id, {"m": 0, "f": 0})
            quoted = False
            for token in doc[words.end : sentence.end]:
                quoted = quoted != token.is_quote  # the first pronoun outside quotation marks ("Ruiz said she ...")
                if not quoted and token.lower_ in _PRONOUN_GENDER:
                    tally[_PRONOUN_GENDER[token.lower_]] += 1
                    break
    for entity_id, tally in votes.items():
        more, fewer = max(tally.values()), min(tally.values())
        if entity_id not in genders and more >= 2 and more >= 2 * fewer:
            genders[entity_id] = "m" if tally["m"] > tally["f"] else "f"
    return genders


def _previous_person(entities: list[Entity], before: int) -> tuple[Entity, int, int] | None:
    best = None
    for entity in entities:
        if entity.kind != "person":
            continue
        starts = [m.start for m in entity.mentions]
        index = bisect_right(starts, before - 1) - 1
        if index >= 0 and (best is None or starts[index] > best[1]):
            mention = entity.mentions[index]
            best = (entity, mention.start, mention.end)
    return best


def _subject_before(entities: list[Entity], pronoun: Span) -> tuple[Entity, int, int] | None:
    """The person a sentence-opening "he" or "she" continues: the one the sentence before is about, its main
    clause's subject ("Senate leader Ana Ruiz said a report that names Ben Ayo was 'stunning'. She urged ...": Ruiz,
    not Ayo, named last), unless its own sentence names someone before it. None when a person is found before
    the pronoun in its own sentence or the sentence before has no person for a subject; the nearest person named
    before it is then the guess."""
    doc, sentence = pronoun.doc, pronoun.sent
    people = [e for e in entities if e.kind == "person"]
    if not sentence.start or any(sentence.start_char <= m.start < pronoun.start_char for e in people for m in e.mentions):
        return None
    for word in doc[sentence.start : pronoun.start]:
        # a surname the named-entity model missed here ("Ayo defended it, but he ..."): that person, named again
        named = [e for e in people if word.is_title and not word.is_stop and word.text in e.name.split()]
        if len(named) == 1:
            return named[0], word.idx, word.idx + len(word)
    before = doc[sentence.start - 1].sent
    for entity in people:
        for mention in entity.mentions:
            if not before.start_char <= mention.start < before.end_char:
                continue
            words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if words is not None and words.root.dep_ in {"nsubj", "nsubjpass"} and words.root.head == before.root:
                return entity, mention.start, mention.end
    return None


#: spaCy's entity types of a number; one heading a source makes it a share of people ("a third", "28%").
_NUMBER_ENTITIES = frozenset({"CARDINAL", "PERCENT", "ORDINAL"})


#: What a source's own phrase says when the article withholds its name by request ("who spoke on condition of
#: anonymity", "who is not authorized to comment", "who declined to be named").
_UNNAMED_BY_REQUEST = re.compile(
    r"\banonymity\b|\bnot authori[sz]ed to\b|\b(?:declined|refused|asked not|requested not) to be (?:named|identified)\b",
    re.IGNORECASE,
)


def _type_source(span: Span, entities: list[Entity]) -> tuple[SourceKind, Entity | None]:
    """Type a source: a named person; else by its head noun ("a Russian source", "the report", "state media");
    else an organization or country speaking as an institution; unnamed people ("engineers") are anonymous."""
    root = span.root
    nouns = table("source_nouns.tsv")
    # the person the head word names speaks, not another the phrase names first ("Ruiz spokesman Tom Ellery")
    named = _entity_at(entities, root.idx, root.idx + len(root.text), within=True)
    if named is not None and named.kind != "person":
        named = None
    if named is None and _UNNAMED_BY_REQUEST.search(span.text):
        return "anonymous", None  # "a Ruiz adviser, who spoke on condition of anonymity": unnamed, and says so
    if named is None and (titled := _titled_person_before(span, entities)) is not None:
        return "person", titled  # "the president said", "the Massachusetts senator will tell": the one so titled
    determiner = next((c.lower_ for c in root.children if c.dep_ == "det"), None)
    if (
        root.ent_type_ == "NORP"
        and root.tag_ in {"NNP", "NN"}
        and determiner in {"the", "a", "an", "this", "that", "one"}
        and not root.lower_.endswith(_COLLECTIVE_DEMONYM_ENDINGS)
        and not _is_outlet(span, None)
    ):
        # "the Ohio Republican", "a Democrat on the committee": one member of a party or a people, not the
        # party; "Gov. Lee of Iowa, a Republican who ...": the one so described
        if root.dep_ == "appos":
            head = root.head  # the parser may hang the apposition on the place after the name ("Lee of Iowa, a ...")
            for word in [head] + ([head.head.head] if head.dep_ == "pobj" and head.head.lower_ == "of" else []):
                described = _entity_at(entities, word.idx, word.idx + len(word), within=True)
                if described is not None and described.kind == "person":
                    return "person", described
        return ("anonymous" if determiner in {"a", "an", "one"} else "person"), None
    entity = named or _entity_at(entities, span.start_char, span.end_char) or _person_named(entities, span)
    person_inside = entity is not named and entity is not None and entity.kind == "person" and root.pos_ == "NOUN"
    clause = next((t for t in span if t.dep_ == "relcl" and t.left_edge.i > root.i), None) if person_inside else None
    if clause is not None:
        # "a poll that shows voters prefer Ruiz", "his speech, in which he mocked Ruiz": a person named in a
        # relative clause is not who speaks, unless the clause says they made it ("the report Ruiz filed")
        makers = [c for c in clause.children if c.dep_ == "nsubj"] + [
            o for c in clause.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
        ]
        if not any(_entity_at(entities, m.left_edge.idx, _subtree_chars(m)[1]) is entity for m in makers):
            before = span.doc[span.start : clause.left_edge.i]
            entity = _entity_at(entities, span.start_char, before.end_char) or _person_named(entities, before)
    noun_kind = nouns.get(root.lower_) or nouns.get(root.lemma_.lower())
    # "a Ruiz aide", "supporters of Ruiz", "residents of Springfield", "the Ruiz campaign", "Ruiz's wife": the name
    # says whose or where, and who speaks is the head noun
    modifier = entity is not None and entity is not named and root.pos_ == "NOUN"
    if modifier and (appositive := _person_in_apposition(entities, span)) not in (None, entity):
        return "person", appositive  # "Ruiz's lawyer, Ben Ayo,": the lawyer is named after all
    modifier = modifier and _only_describes(entity, span)
    describes = modifier and (noun_kind is not None or root.tag_ == "NNS" or _indefinite_role(root))
    if modifier and not describes and noun_kind is None and root.tag_ == "NN" and (
        _by_relation_or_trade(root) or entity.kind == "person" and _names_a_person(root)
    ):
        # "Ruiz's lawyer", "the senator's wife", "the Florida principal": a person, not the one or the place the
        # phrase names
        return "person", None
    person = entity is not None and entity.kind == "person" and not describes
    if _titled_paper(root):
        return "media", entity if entity is not None and entity.kind == "organization" else None
    if person and (root.ent_type_ == "PERSON" or noun_kind is None):
        return "person", entity
    if noun_kind == "anonymous" and any(nouns.get(c.lower_) == "media" for c in root.children if c.dep_ == "compound"):
        return "media", None  # "a news source" is an outlet, but an unnamed one
    if any(t.lemma_.lower() == "station" and any(nouns.get(c.lower_) == "media" for c in t.children) for t in span):
        # "news station WXYZ", "the local TV station": a broadcaster ("a police station" is none)
        return "media", entity if entity is not None and entity.kind == "organization" else None
    if noun_kind == "official" and any(c.lower_ == "news" for c in root.children if c.dep_ == "compound"):
        # "the state news agency": an agency is a government's unless it says news ("the agency", "the Environmental
        # Protection Agency"); a named news agency is found by its name ("Fars News Agency") or in the outlet list
        return "media", entity if entity is not None and entity.kind == "organization" else None
    if noun_kind == "anonymous":
        # "a Russian source" names no one: its demonym is not its identity.
        return ("person", entity) if person else ("anonymous", None)
    if root.tag_ == "NNS" and noun_kind is None and modifier and _by_relation_or_trade(root):
        return "anonymous", None  # "economists polled by Reuters": people left unnamed, whoever reached them
    if noun_kind == "document":
        # "the Independent Arabia report": an outlet's report is that outlet speaking; "the report by Amnesty
        # International" is a document, by its author
        return ("media" if _is_outlet(span, entity) else "document"), entity
    if noun_kind == "media" or _is_outlet(span, entity) or _called_an_outlet(entity, span.doc):
        # Only an organization names the medium; "an Arabic news source" is described, not named.
        return "media", entity if entity is not None and entity.kind == "organization" else None
    if describes and noun_kind is None:
        # people left unnamed, whoever they are for or wherever they are ("a judge in Ohio"), unless a lede names them
        return _unnamed_or_named_next(span, entities) if _indefinite_role(root) else ("anonymous", None)
    if noun_kind == "official" or (entity is not None and entity.kind in {"place", "organization", "group"}):
        return "official", entity
    if person:
        return "person", entity
    if entity is None and root.tag_ == "NNS" and root.lemma_.lower() not in word_list("roles.txt"):
        return "anonymous", None  # "engineers", "residents": people left unnamed, and no office speaks
    if entity is None and noun_kind is None and root.tag_ == "NN" and _by_relation_or_trade(root):
        # "his lawyer", "the victim's mother": one person, known by their relation to someone ("her deputy" holds an
        # office, and speaks as one); "a lawyer for the family" leaves them unnamed
        return ("anonymous" if _indefinite_role(root) else "person"), None
    if entity is None and noun_kind is None and root.tag_ == "NN" and _indefinite_role(root) and not _speaks_for(root):
        return _unnamed_or_named_next(span, entities)  # "a senator", "a federal judge": someone in an office
    if entity is None and (root.tag_ == "CD" or root.ent_type_ in _NUMBER_ENTITIES):
        return "anonymous", None  # "About 6 in 10 say", "14 percent of voters said": a share of people, none named
    if entity is None and (root.lower_ in _UNNAMED_PEOPLE or root.lower_ in {"one", "body"} and _negated_or_any(root)):
        return "anonymous", None  # "few want", "most of us regard", "no one has claimed", "nobody said"
    return "official", entity


#: Endings of demonyms that name a whole people, not one person ("the Swiss", "the British", "the Chinese").
_COLLECTIVE_DEMONYM_ENDINGS = ("ss", "ish", "ese", "ch")


def _titled_person_before(span: Span, entities: list[Entity]) -> Entity | None:
    """The person a definite description of their title stands for ("the president", "the former senator", "the
    Massachusetts senator"): the last person named before it whose title has the description's head and the same
    words of rank, and beside one of whose mentions its other words stand ("Senator Ana Ruiz of Massachusetts")."""
    root, doc = span.root, span.doc
    if root.tag_ != "NN" or root.lemma_.lower() not in word_list("roles.txt"):
        return None  # one person: "the committee chairmen" are several
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in root.children):
        return None
    words = {t.lower_ for t in span if t.i < root.i and t.dep_ != "det" and not t.is_punct}
    if any(t.i > root.i for t in span):
        return None  # "the president of the union": the phrase says whose title it is
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if not _titled_as(entity, root.lemma_.lower(), words & RANK_WORDS):
            continue
        before = [m for m in entity.mentions if m.end <= span.start_char]
        if not before:
            continue
        near = set()  # the words beside its mentions: "Senator Ana Ruiz of Massachusetts"
        for mention in entity.mentions:
            named = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if named is not None:
                near.update(t.lower_ for t in doc[max(named.sent.start, named.start - 4) : min(named.sent.end, named.end + 4)])
        if words - RANK_WORDS <= near and (best is None or before[-1].start > best[0]):
            best = (before[-1].start, entity)
    return best[1] if best else None


def _titled_as(entity: Entity, office: str, rank: set[str]) -> bool:
    """Whether the article titles a person with this office word and these words of rank ("Senator", "former
    senator" is another title)."""
    if entity.kind != "person" or not entity.role:
        return False
    title = set(entity.role.lower().split())
    return office in title and title & RANK_WORDS == rank


#: How far into an article an office holder left unnamed may be the one named next: a lede puts the news before
#: the name ("A federal judge ruled ... Judge Ana Ruiz wrote").
_LEDE_SENTENCES = 3


def _titled_person_after(span: Span, entities: list[Entity]) -> Entity | None:
    """The person an indefinite office in an article's lede stands for ("A federal judge said ..." before "Judge
    Ana Ruiz wrote"): the only person the article titles with that office and the same words of rank, none of
    them named before it."""
    root, doc = span.root, span.doc
    after_the_lede = next(islice(doc.sents, _LEDE_SENTENCES, None), None)
    if after_the_lede is not None and after_the_lede.start <= span.start:
        return None
    rank = {t.lower_ for t in span if t.i < root.i} & RANK_WORDS
    titled = [e for e in entities if _titled_as(e, root.lemma_.lower(), rank)]
    if len(titled) != 1 or any(m.start < span.start_char for m in titled[0].mentions):
        return None
    return titled[0]


def _unnamed_or_named_next(span: Span, entities: list[Entity]) -> tuple[SourceKind, Entity | None]:
    """Someone in an office left unnamed, anonymous, unless the lede names them next (``_titled_person_after``)."""
    named_next = _titled_person_after(span, entities)
    return ("person", named_next) if named_next is not None else ("anonymous", None)


#: Words that stand for people left unnamed when they head a source ("few", "most of us", "nobody", "others");
#: not "both" or "all", which mostly point back at people just named.
_UNNAMED_PEOPLE = frozenset({
    "few", "many", "some", "most", "several", "none", "others", "nobody", "everybody", "everyone", "anyone",
    "anybody", "someone", "somebody",
})


def _negated_or_any(word: Token) -> bool:
    """ "no one", "every one", "any body": a word whose determiner makes it anyone at all."""
    return any(c.dep_ == "det" and c.lower_ in {"no", "every", "any", "some"} for c in word.children)


def _mention_words(entity: Entity, span: Span) -> Iterator[Span | None]:
    """The words of each of the entity's mentions inside the span (None where they split a token)."""
    for mention in entity.mentions:
        if span.start_char <= mention.start and mention.end <= span.end_char:
            yield span.doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _only_describes(entity: Entity, span: Span) -> bool:
    """Whether every mention of ``entity`` in the source's phrase modifies its head noun (a compound, a
    possessive, a phrase after it) rather than naming the speaker (the head itself, or an apposition or a
    coordination: "a senior official, Ana Ruiz,")."""
    root, found = span.root, False
    for words in _mention_words(entity, span):
        if words is None:
            return False
        head = words.root
        # the parser may hang an apposition or a coordination off the nearest noun: "the director of the Centre, Ana
        # Ruiz", "former senator and Ohioan Ana Ruiz" name the speaker all the same
        if root in words or head.dep_ in {"appos", "conj"} or _named_as_an_example(head, root):
            return False
        found = True
    return found


def _person_in_apposition(entities: list[Entity], span: Span) -> Entity | None:
    """The person whose name stands in apposition to the phrase's head noun ("the mayor's aide, Ben Ayo")."""
    for entity in entities:
        if entity.kind == "person" and any(
            words is not None and words.root.dep_ == "appos" and words.root.head == span.root
            for words in _mention_words(entity, span)
        ):
            return entity
    return None


#: Prepositions that name some of the people a plural stands for ("critics, like Ana Ruiz,", "economists including").
_EXAMPLE_PREPOSITIONS = frozenset({"like", "including", "as"})


def _named_as_an_example(word: Token, root: Token) -> bool:
    """'hawks, like Ruiz and Lee,': the names are some of those who speak."""
    while word.head != word and word != root:
        if word.dep_ == "pobj" and word.head.lower_ in _EXAMPLE_PREPOSITIONS and word.head.head == root:
            return True
        word = word.head
    return False


def _names_a_person(noun: Token) -> bool:
    """A title or office ("senator") or a noun of a person's relation to someone ("lawyer", "wife")."""
    lemma = noun.lemma_.lower()
    return lemma in word_list("roles.txt") or lemma in word_list("people_nouns.txt")


def _by_relation_or_trade(noun: Token) -> bool:
    """A noun of a person's relation or occupation that is no title ("lawyer", "mother", "principal"; not
    "deputy", which holds an office and speaks as one)."""
    lemma = noun.lemma_.lower()
    return lemma in word_list("people_nouns.txt") and lemma not in word_list("roles.txt")


def _speaks_for(root: Token) -> bool:
    """'a representative for the brand': one who speaks for those they work for, as a spokesperson does."""
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in root.children)


def _indefinite_role(root: Token) -> bool:
    """'a Ruiz adviser', 'one Ruiz donor': a person by role, unnamed; 'the Ohio senator' is someone the article
    names elsewhere."""
    return _names_a_person(root) and any(
        c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one", "another"} for c in root.children
    )


#: Pronouns by which an institution, an outlet or a document speaks ("it said", "its statement").
_THING_PRONOUNS = frozenset({"it", "its"})
#: Entity types of an organization or a country, either of which an "it" that speaks may stand for.
_INSTITUTION_ENTITIES = frozenset({"ORG", "GPE"})


_NOUN_CHUNKS_KEY = "counterpoint.noun_chunks"


def _what_it_stands_for(pronoun: Span, quotes: list[tuple[int, int]], entities: list[Entity]) -> Span | None:
    """The noun phrase a speaking "it" stands for: the subject before it, in its sentence or the one before and
    outside quotations, that names an organization or a country or is headed by a noun of an outlet, a document or
    an institution ("The newspaper ... it added", "a statement ... it said"); the subject of a main clause before
    that of a clause inside one ("the paper notes the government monitors ..., it lists"). A person is never an
    "it". None when there is no such subject ("The result ... It signals"): the pronoun is then typed alone."""
    doc = pronoun.doc
    sentence = pronoun.sent
    first = doc[sentence.start - 1].sent.start if sentence.start else sentence.start
    nouns = table("source_nouns.tsv")
    found = []
    # ``Span.noun_chunks`` finds every chunk of the document on each call: their bounds are found once and kept
    # (as numbers: a span kept on its document would make a reference cycle)
    chunks = kept_on(doc, _NOUN_CHUNKS_KEY, lambda d: [(c.start, c.end) for c in d.noun_chunks])
    for chunk in (doc[start:end] for start, end in chunks if start >= first and end <= pronoun.start):
        root = chunk.root
        if (
            root.dep_ not in {"nsubj", "nsubjpass"}
            or root.tag_ in {"NNS", "NNPS"}
            or any(t.ent_type_ == "PERSON" for t in chunk)
            or _type_source(chunk, entities)[0] == "person"
            or any(q0 <= chunk.start_char < q1 for q0, q1 in quotes)
        ):
            continue
        if root.ent_type_ in _INSTITUTION_ENTITIES or nouns.get(root.lower_) in {"media", "document", "official"}:
            found.append(chunk)
    main = [chunk for chunk in found if chunk.root.head.dep_ == "ROOT"]
    return (main or found or [None])[-1]


def _titled_paper(root: Token) -> bool:
    """"The Gazette", "the Daily Courier": a capitalized name after "the" ending in a word newspapers are
    named with, which the tagger may take for a person or a place."""
    return (
        root.lower_ in _MEDIA_NAME_WORDS
        and root.text[:1].isupper()
        and any(c.dep_ == "det" and c.lower_ == "the" for c in root.children)
    )


def _is_outlet(span: Span, entity: Entity | None) -> bool:
    """A named news organization: a known outlet, an edition of one ("BBC Arabic", "Sky News Arabia") or its agency
    ("Anadolu Agency"), or an organization whose own name says news ("Daily News", "Fars News Agency")."""
    if entity is not None and entity.kind == "organization":
        return _outlet_name(entity.name)
    # a name the model did not tag ("AFP reported"), or not as the organization ("Turkey's Anadolu Agency")
    root = span.root
    own_name = [t for t in root.children if t.dep_ == "compound" and t.pos_ == "PROPN"] + [root]
    return any(
        bool(words) and _outlet_name(" ".join(words), named_by_list_only=True)
        for words in ([t.lower_ for t in span if t.pos_ == "PROPN"], [t.lower_ for t in own_name if t.pos_ == "PROPN"])
    )


#: Nouns that call an organization a publication when they stand beside its name ("Harbour Voice magazine");
#: not "press", "network" or "website", which an office or a company has too ("White House press office").
_PUBLICATION_NOUNS = frozenset({"newspaper", "magazine", "tabloid", "broadcaster", "daily", "weekly"})


def _called_an_outlet(entity: Entity | None, doc: Doc) -> bool:
    """Whether the article itself calls an organization an outlet, beside one of its mentions: "Harbour Voice
    magazine", "the magazine Harbour Voice" (the noun right before or after the name), "Harbour Voice, an
    evangelical magazine," (the noun in apposition to it). An outlet the list does not hold is then still media."""
    if entity is None or entity.kind != "organization":
        return False

    def outlet_noun(token: Token) -> bool:
        return token.pos_ == "NOUN" and token.lower_ in _PUBLICATION_NOUNS

    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        beside = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
        if any(outlet_noun(t) for t in beside) or any(c.dep_ == "appos" and outlet_noun(c) for c in span.root.children):
            return True
    return False


def _outlet_name(name: str, named_by_list_only: bool = False) -> bool:
    """Whether a name is an outlet's: listed, an edition or agency of one listed, or (unless ``named_by_list_only``)
    a name with a word like News, Times, Post in it."""
    name = " ".join(name.lower().split())
    outlets = word_list("media_outlets.txt")
    first, _, last = name.rpartition(" ")
    return (
        name in outlets
        or (last in _EDITION_WORDS or last == "agency") and first in outlets
        or not named_by_list_only and bool(set(name.split()) & _MEDIA_NAME_WORDS)
    )


def _without_its_setting(span: Span) -> Span:
    """A source without the day it spoke on, which the parser may hang off its name ("Janet Ruiz on Tuesday
    said", "the report on Wednesday found"): the day is when, not who. A person named keeps only the name and
    what describes them, not where or on what occasion they spoke ("Mayor Lopez in a statement on Sunday said",
    "Lopez, speaking at a rally in Salem,"); a phrase that describes an unnamed source stays ("voters in Ohio")."""
    root, doc = span.root, span.doc
    last = next((c for c in reversed(list(root.children)) if c.i > root.i and not c.is_punct), None)
    if last is None or last.right_edge.i != span.end - 1:
        return span  # nothing hangs at the span's end (or what hangs there runs past it)
    if last.dep_ == "prep" and last.lower_ == "on" and _sets_scene(last):  # "on" sets a scene only with a date
        return doc[span.start : _end_before_punctuation(doc, span.start, last.i)]
    if root.ent_type_ != "PERSON" or root.pos_ != "PROPN":
        return span
    setting = last.dep_ == "prep" and _sets_scene(last) and not any(
        c.dep_ == "pobj" and c.ent_type_ == "ORG" for c in last.children
    )  # "Ruiz, at the Brookings Institution,": where she works describes her
    aside = last.dep_ == "acl" and last.tag_ in {"VBG", "VBN"} and doc[last.left_edge.i - 1].text == ","
    if setting or aside:
        return doc[span.start : _end_before_punctuation(doc, span.start, last.left_edge.i)]
    return span


#: A bare subject that is the news itself, not who gives it ("news broke that", "word spread that").
_NEWS_ITSELF = frozenset({"news", "word"})


def _source(draft: _Draft, article: Article, quotes: list[tuple[int, int]]) -> Source | None:
    span = draft.source
    if span is None or not len(span):
        return None
    span = _without_its_setting(span)
    if len(span) == 1 and span.root.lower_ in _NEWS_ITSELF:
        return None  # "as news broke that ...", "word came that ...": no one is named as the source
    if len(span) == 1 and span.root.lower_ in _PERSONAL_PRONOUNS:
        # The span stays on the pronoun (the words the claim rests on); the person is an inference, kept apart.
        gender = _PRONOUN_GENDER.get(span.root.lower_)
        genders = kept_on(span.doc, _GENDERS_KEY, lambda doc: _person_genders(doc, article.entities))
        people = [e for e in article.entities if e.kind == "person" and genders.get(e.id, gender) == gender]
        antecedent = _subject_before(people, span) or _previous_person(people, span.start_char)
        source = Source(start=span.start_char, end=span.end_char, text=span.text, kind="person")
        if antecedent is not None:
            entity, start, end = antecedent
            source.entity, source.name = entity.id, entity.name
            source.antecedent = article.span(start, end)
        return source
    stands_for = draft.antecedent  # "who" is typed and named by the noun it stands for
    if stands_for is None and len(span) == 1 and span.root.lower_ in _THING_PRONOUNS:
        stands_for = _what_it_stands_for(span, quotes, article.entities)  # "The paper ... it added": typed and named as the paper
    kind, entity = _type_source(span if stands_for is None else stands_for, article.entities)
    if span.root.lower_ in _GROUP_PRONOUNS and entity is None:
        kind = "anonymous"
    elif kind == "official" and entity is None and _transcript_speaker(span):
        kind = "person"  # "TAPPER:" in a transcript is someone speaking, named by the transcript's convention
    return Source(
        start=span.start_char, end=span.end_char, text=span.text, kind=kind,
        entity=entity.id if entity else None,
        name=entity.name if entity else stands_for.text if stands_for is not None else None,
        through=_owner(span, article.entities) if kind == "anonymous" else None,
        antecedent=article.span(stands_for.start_char, stands_for.end_char) if stands_for is not None else None,
    )


def _owner(span: Span, entities: list[Entity]) -> str | None:
    """The organization an unnamed source is said to belong to ("Independent Arabia's Russian source"), or the
    outlet that reached it ("economists polled by Reuters", "officials quoted by the Gazette"), or the one it works
    at ("analysts at the Harbour Bank", "a source in the ministry")."""
    for child in span.root.children:
        phrases = [c for c in child.children if c.dep_ == "agent"] if child.dep_ == "acl" and child.tag_ == "VBN" else []
        if child.dep_ == "prep" and child.lower_ in {"at", "from", "in", "inside", "within"}:
            phrases.append(child)
        for named in (c for phrase in phrases for c in phrase.children if c.dep_ == "pobj"):
            owner = _entity_at(entities, named.left_edge.idx, named.idx + len(named))
            if owner is not None and owner.kind == "organization":
                return owner.name
    for child in span.root.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            owner = _entity_at(entities, child.left_edge.idx, child.idx + len(child))
            if owner is not None and owner.kind in {"organization", "place", "group"}:
                return owner.name
    for token in span[: span.root.i - span.start]:
        # an apostrophe typed as an opening mark ("Arabia‘s") is not split off, so the parser sees no possessive
        if GLUED_POSSESSIVE.search(token.text):
            words = GLUED_POSSESSIVE.sub("", span.doc.text[span.start_char : token.idx + len(token)]).casefold()
            for entity in entities:
                if entity.kind in {"organization", "place", "group"} and any(
                    f" {words}".endswith(f" {m.text.casefold()}") for m in entity.mentions
                ):
                    return entity.name
    return None


def unique_drafts(doc: Doc, text: str, quotes: list[tuple[int, int]]) -> list[_Draft]:
    """Every kind of draft, one per cue, in text order, before their contents' ends are chosen."""
    labels = _trailing_label_drafts(doc, text)
    labelled = [(d.source.start, d.source.end) for d in labels if d.source is not None]
    drafts = labels + [
        draft
        for draft in _verb_drafts(doc, quotes, text)
        + _according_to_drafts(doc)
        + _as_reported_drafts(doc)
        + _in_document_drafts(doc)
        + _reportedly_drafts(doc)
        + _noun_drafts(doc)
        + _stance_noun_drafts(doc)
        + _attitude_drafts(doc)
        + _made_clear_drafts(doc)
        + _colon_drafts(doc, text)
        + _trailing_report_drafts(doc)
        if not any(start <= draft.cue[0] < end for start, end in labelled)  # "-- report" is a label, not a verb
    ]
    cue_starts: set[int] = set()
    unique = []
    for draft in sorted(drafts, key=lambda d: d.cue[0]):
        if draft.cue[0] in cue_starts or draft.content[1] <= draft.content[0]:
            continue
        cue_starts.add(draft.cue[0])
        unique.append(draft)
    unique = _issued_and_saying_as_one(doc, unique)
    # A content may not be extended over the source or cue of a speaker after it ("..., witnesses told
    # reporters"); one inside it is reported through it ("a letter [asking the board to resign]").
    speakers = sorted({doc[d.cue[0]].idx for d in unique} | {d.source.start_char for d in unique if d.source is not None})
    for draft in unique:
        later = next((start for start in speakers if start >= draft.content[1]), None)
        if later is not None:
            draft.bound = later if draft.bound is None else min(draft.bound, later)
    return unique


def _issued_and_saying_as_one(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """"The union issued a statement saying ...", "published a report detailing ...": one report, whose cue runs
    from putting the document out to the participle that says what it says, and whose content is what the
    participle governs; not a report of issuing a statement with the statement's own report inside it."""
    issuing, saying = set(), set()
    for draft in drafts:
        participle = doc[draft.cue[0] : draft.cue[1]].root
        if participle.dep_ == "acl" and _issuer(participle.head) is not None:
            put_out = participle.head.head  # the verb whose object the document is (``_issuer``)
            issuing.add(put_out.i)
            saying.add(id(draft))
            draft.cue = (min(_cue_range(put_out)[0], draft.cue[0]), draft.cue[1])
    return [d for d in drafts if id(d) in saying or not any(i in issuing for i in range(*d.cue))]


def end_is_chosen(doc: Doc, draft: _Draft, text: str) -> bool:
    """Whether the content-end model chooses where this draft's content ends: a content after its cue and with
    no quotation mark in it (a quotation's marks say where it ends)."""
    cue_end = doc[draft.cue[1] - 1].idx + len(doc[draft.cue[1] - 1])
    start, end = draft.content
    return start >= cue_end and not _QUOTE_MARKS.search(text, start, end)


def find_attributions(doc: Doc, article: Article) -> list[Attribution]:
    """Attributions in text order; each with source (or null), cue and content spans, its kind and ``via``."""
    quotes = _quoted_ranges(article.text)
    # Read from the article's text: spaCy's ``Doc.text`` builds it anew from every token on each call
    kept_on(doc, _TRANSCRIPT_KEY, lambda _: _transcript_labels(article.text))
    unique = unique_drafts(doc, article.text, quotes)
    for draft in unique:
        if end_is_chosen(doc, draft, article.text):
            end = choose_end(doc, draft.content, draft.content_type, draft.bound)
            draft.content = (draft.content[0], end)
    attributions = []
    for draft in unique:
        cue = doc[draft.cue[0] : draft.cue[1]]
        start, end = _whole_quotes(draft.content, quotes, cue.start_char, cue.end_char)
        speaker_start = min(cue.start_char, draft.source.start_char if draft.source is not None else cue.start_char)
        start = _quotation_right_before(start, end, speaker_start, quotes, article.text)
        start, end = _interrupted_quotation(start, end, cue, draft.source, quotes, article.text)
        recipient = draft.recipient
        attributions.append(
            Attribution(
                source=_source(draft, article, quotes),
                cue=TextSpan(start=cue.start_char, end=cue.end_char, text=cue.text),
                content=TextSpan(start=start, end=end, text=article.text[start:end]),
                kind=_kind_of((start, end), quotes, article.text),
                content_type=draft.content_type,
                recipient=TextSpan(start=recipient.start_char, end=recipient.end_char, text=recipient.text)
                if recipient is not None
                else None,
            )
        )
    _end_before_a_relative_report(attributions, quotes, article.text)
    _end_before_a_citation_of_the_report(attributions, quotes, article.text)
    for attribution in attributions:
        _quotation_that_follows(attribution, attributions, quotes, article.text)
        _quotation_in_dashes(attribution, quotes, article.text)
        _within_parentheses(attribution, quotes, article.text)
        _question_before_the_answer(doc, attribution, quotes, article.text)
        if _split_around_the_clause(attribution, quotes, article.text) or _subject_before_the_clause(
            doc, attribution, attributions, article.text
        ):
            continue
        attribution.continuation = _continuation(attribution, attributions, quotes, article.text) or _rest_of_the_sentence(
            doc, attribution, attributions, article.text
        )
        attribution.corroboration = _corroboration(doc, attribution.content)
    _end_before_anothers_words(attributions, quotes, article.text)
    if tagger_enabled():
        reading = read(article)
        dropped = _doubted_by_the_tagger(doc, attributions, reading)
        attributions = [a for i, a in enumerate(attributions) if i not in dropped]
        added = _tagged(doc, article, attributions, quotes, reading)
        _bounded_by_the_tagger(attributions, reading, quotes, article.text)
        _sourced_by_the_tagger(doc, article, attributions, reading, quotes)
        attributions = sorted(attributions + added, key=lambda a: a.cue.start)
    _consistent_media(attributions)
    _told_an_outlet(doc, attributions, article)
    _link_nested(attributions)
    _same_unnamed_source(doc, attributions, article)
    _first_person_speaks(attributions, article)
    return attributions


def _bounded_by_the_tagger(attributions: list[Attribution], reading: Reading, quotes: list[tuple[int, int]], text: str) -> None:
    """The rules' reports whose content the tagger bounds better on the same cue take its bounds
    (``attribution_tagger.better_contents``), marked rules+tagger with the content's mean chance."""
    for index, tagged in better_contents(reading, attributions).items():
        attribution = attributions[index]
        attribution.content, attribution.continuation, attribution.kind = _tagged_content(tagged, quotes, text)
        attribution.found_by = "rules+tagger"
        chance = content_chance(reading, tagged)
        attribution.confidence = round(chance, 4) if chance is not None else None


def _doubted_by_the_tagger(doc: Doc, attributions: list[Attribution], reading: Reading) -> set[int]:
    """The rules' reports the tagger all but rules out (``attribution_tagger.doubted``), unless their cue is a verb of
    saying or thinking ("Seventy percent of dockers believe the ferry will run"): those report whatever PolNeAR's
    annotators, and so the tagger, passed over."""
    verbs = word_list("report_verbs.txt")
    found = set()
    for index in doubted(reading, attributions):
        cue = doc.char_span(attributions[index].cue.start, attributions[index].cue.end, alignment_mode="expand")
        if cue is None or not any(token.lemma_.lower() in verbs for token in cue):
            found.add(index)
    return found


def _sourced_by_the_tagger(
    doc: Doc, article: Article, attributions: list[Attribution], reading: Reading, quotes: list[tuple[int, int]]
) -> None:
    """The rules' reports whose source the tagger reads better on the same cue take its source
    (``attribution_tagger.better_sources``), typed as the rules' sources are, with the tagger's chance. Not a
    question's: who is asked ("Asked about the contract, Lopez declined") is no source of the question, though
    PolNeAR's annotators often mark them so and the tagger learned it."""
    for index, ((start, end), chance) in better_sources(reading, attributions).items():
        attribution = attributions[index]
        span = _words_of(doc.char_span(start, end, alignment_mode="expand"))
        cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
        if span is None or cue is None or not any(token.pos_ in {"NOUN", "PROPN", "PRON"} for token in span):
            continue  # a run on a bracket or a dash is no one
        if any(token.lemma_.lower() in _ASKING_VERBS for token in cue):
            continue
        draft = _Draft(source=span, cue=(cue.start, cue.end), content=(attribution.content.start, attribution.content.end))
        source = _source(draft, article, quotes)
        if source is not None:
            source.tagger_chance = round(chance, 4)
            attribution.source = source


def _words_of(span: Span | None) -> Span | None:
    """A tagged run without the punctuation at its edges (", Ana Ruiz" is Ana Ruiz); None if nothing else is left."""
    if span is None:
        return None
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    end = _end_before_punctuation(span.doc, start, end)
    return span.doc[start:end] if start < end else None


def _tagged_content(tagged: Tagged, quotes: list[tuple[int, int]], text: str) -> tuple[TextSpan, TextSpan | None, str]:
    """A tagged report's content, its continuation (a second part past an interrupting cue) and its kind."""
    (start, end), rest = tagged.contents[0], tagged.contents[1:]
    continuation = _text_span(text, *rest[0]) if rest else None
    return _text_span(text, start, end), continuation, _kind_of((start, rest[0][1] if rest else end), quotes, text)


def _subject_of_a_tagged_cue(cue: Span, contents: tuple[tuple[int, int], ...]) -> Token | None:
    """The subject of the verb a tagged cue is, outside its contents: who does what the verb says ("Mr. Cruz
    prefers ...")."""
    head = cue.root
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    first, last = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    return None if any(start < last and first < end for start, end in contents) else subject


def _tagged(
    doc: Doc, article: Article, attributions: list[Attribution], quotes: list[tuple[int, int]], reading: Reading
) -> list[Attribution]:
    """The reports the attribution tagger reads that no attribution of the rules touches (``attribution_tagger``),
    their sources typed as the rules' are."""
    text = article.text
    found = []
    for tagged in missed_by(reading.reports, attributions):
        cue = doc.char_span(*tagged.cue, alignment_mode="expand")
        source = doc.char_span(*tagged.source, alignment_mode="expand") if tagged.source is not None else None
        if cue is None or not len(cue):
            continue
        if (subject := _subject_of_a_tagged_cue(cue, tagged.contents)) is not None:
            source = _span_of(subject)  # the parse knows who does what a verb says better than the nearest run
        words = [doc.char_span(*part, alignment_mode="expand") for part in tagged.contents]
        # a content with no verb is what the source acts on or names ("questions about [the contract]"), no claim
        stated = any(token.pos_ in {"VERB", "AUX"} for part in words if part is not None for token in part)
        content, continuation, kind = _tagged_content(tagged, quotes, text)
        draft = _Draft(source=source, cue=(cue.start, cue.end), content=(content.start, content.end))
        found.append(Attribution(
            source=_source(draft, article, quotes),
            cue=TextSpan(start=cue.start_char, end=cue.end_char, text=cue.text),
            content=content,
            continuation=continuation,
            kind=kind,
            content_type="proposition" if stated else "object",
            found_by="tagger",
            confidence=round(tagged.chance, 4),
        ))
    return found


#: What joins a quotation on to the words before it as more of the same report: a colon, or "but", "and" or "yet"
#: (after a comma or not).
_JOINS_A_QUOTATION = re.compile(r"(?::|[,;]?[ \t]*(?:but|and|yet)[ \t]+(?:that[ \t]+)?)\s*(?=[“\"])")


def _quotation_that_follows(
    attribution: Attribution, others: list[Attribution], quotes: list[tuple[int, int]], text: str
) -> None:
    """A quotation joined on after what a speaker is reported to say (``_JOINS_A_QUOTATION``: 'Lopez said the port
    was safe: "We check it every day."', 'She released a statement: "..."', 'He said he had offers, but "none I
    could take."') is the speaker's too; one another report claims ('...: "Q," Ruiz told the crowd') is not, and
    what the speaker said ends before it, where the parser ran it on."""
    content = attribution.content
    if content.start < attribution.cue.end or attribution.continuation is not None:
        return
    for quotation in quotes[bisect_right(quotes, (content.start, len(text))) :]:
        if quotation[0] >= content.end:
            break
        join = _JOINS_A_QUOTATION.search(text, max(content.start, quotation[0] - 16), quotation[0] + 1)
        if join is not None and join.end() == quotation[0] and _claimed(quotation, attribution, others):
            _set_content(attribution, content.start, join.start(), quotes, text)
            return
    join = _JOINS_A_QUOTATION.match(text, content.end)
    if join is None:
        return
    following = bisect_right(quotes, (join.end(), -1))  # the first quotation opening where the join ends, if any
    quotation = quotes[following] if following < len(quotes) and quotes[following][0] == join.end() else None
    if quotation is not None and not _claimed(quotation, attribution, others):
        _set_content(attribution, content.start, quotation[1], quotes, text)


def _claimed(quotation: tuple[int, int], attribution: Attribution, others: list[Attribution]) -> bool:
    """Whether another report, whose cue follows the quotation, has it for its content."""
    return any(
        other is not attribution
        and other.cue.start >= quotation[1]
        and quotation[0] <= other.content.start < quotation[1]
        for other in others
    )


def _quotation_right_before(start: int, end: int, speaker_start: int, quotes: list[tuple[int, int]], text: str) -> int:
    """Where a content before its speaker starts: at the quotation that ends right before the speaker, when a
    colon sets that quotation off from what opens the sentence ('Lopez spoke for an hour, pausing once: "We will
    not sell," she said'); the words before the colon are the writer's. After a comma they are more often the
    speaker's own lead-in ('Sooner or later, "we will sell," she said'), and stay."""
    if end > speaker_start:
        return start
    for q_start, q_end in quotes:
        if start < q_start and q_end <= end and not text[q_end:speaker_start].strip(" ,\n"):
            before = text[start:q_start].rstrip()
            return q_start if before.endswith(":") else start
    return start


def _interrupted_quotation(
    start: int, end: int, cue: Span, source: Span | None, quotes: list[tuple[int, int]], text: str
) -> tuple[int, int]:
    """The first part of a quotation its reporting clause interrupts ('"If they won't come," Reyes said, "why
    should we?"'), when the parser gave the verb the second part: what was said starts before the speaker, and
    the second part is its continuation. The clause is only the speaker beside the verb ('she said, adding, "..."'
    gives "adding" what follows it)."""
    if source is None:
        return start, end
    speaker_start, speaker_end = min(cue.start_char, source.start_char), max(cue.end_char, source.end_char)
    between = text[min(cue.end_char, source.end_char) : max(cue.start_char, source.start_char)]
    if (start, end) not in quotes or between.strip() or text[speaker_end:start].strip() != ",":
        return start, end
    before = next((q for q in quotes if q[1] <= speaker_start and not text[q[1] : speaker_start].strip()), None)
    if before is None or not text[before[0] : before[1]].rstrip("\"'”’").endswith(","):
        return start, end
    return before


def _told_an_outlet(doc: Doc, attributions: list[Attribution], article: Article) -> None:
    """"The source told Independent Arabia that ...": the article has the words through that outlet, a step in its
    source chain; unless the outlet told is the article's own ("told the Gazette" in the Gazette)."""
    own = (article.outlet or "").casefold()
    for attribution in attributions:
        source, recipient = attribution.source, attribution.recipient
        if source is None or source.through is not None or recipient is None:
            continue
        span = doc.char_span(recipient.start, recipient.end, alignment_mode="expand")
        entity = _entity_at(article.entities, recipient.start, recipient.end)
        if span is not None and entity is not None and _is_outlet(span, entity) and entity.name.casefold() != own:
            source.through = entity.name


def _reached_through(attributions: list[Attribution], attribution: Attribution) -> str | None:
    """The step between the outlet and an unnamed source: the organization it belongs to or spoke to, else the
    named source that reports it ("According to the Gazette's report, a source said ...")."""
    if attribution.source is not None and attribution.source.through:
        return attribution.source.through
    outer = attributions[attribution.via].source if attribution.via is not None else None
    return outer.name or outer.text if outer is not None and outer.kind != "anonymous" else None


def _same_unnamed_source(doc: Doc, attributions: list[Attribution], article: Article) -> None:
    """"A Russian source said ... The Russian source told ... the source claimed ...": a definite unnamed source is
    the one introduced before with the same noun and its words, when only one was; it is marked as resolved (an
    inference, like a pronoun's), named by the first one's words, and reached through what the first was reached
    through. With two candidates ("a Russian source", "a Syrian source", then "the source") it stays unresolved."""
    first: dict[tuple[str, ...], Attribution] = {}  # the words of each unnamed source introduced so far
    for attribution in attributions:
        source = attribution.source
        span = doc.char_span(source.start, source.end, alignment_mode="expand") if source is not None else None
        if source is None or span is None or source.kind != "anonymous":
            continue
        # a possessor ("Independent Arabia's Russian source") makes it definite, and is no word of the source's own
        owned = [t.i for t in span if t.dep_ == "poss" or t.tag_ == "POS" or GLUED_POSSESSIVE.search(t.text)]
        after = max(owned) + 1 if owned else span.start
        words = tuple(t.lower_ for t in doc[after : span.root.i] if t.dep_ in {"amod", "compound"})
        words += (span.root.lemma_.lower(),)
        definite = span.root.tag_ == "NN" and (bool(owned) or span[0].lower_ in {"the", "that", "this"})
        if not definite:
            first.setdefault(words, attribution)
            continue
        named = {key: earlier for key, earlier in first.items() if key[-1] == words[-1] and set(words) <= set(key)}
        if len(named) != 1:
            first.setdefault(words, attribution)
            continue
        earlier = next(iter(named.values()))
        source.antecedent = earlier.source
        source.name = earlier.source.name or earlier.source.text
        source.through = source.through or _reached_through(attributions, earlier)


def _first_person_speaks(attributions: list[Attribution], article: Article) -> None:
    """"I" in someone's own words is that someone: '"I think he has tried," Fallin said' and a transcript's
    "FALLIN: I think ..." make Fallin the one who thinks. In indirect speech "I" stays unresolved: it may be the
    writer."""
    for inner in attributions:
        source = inner.source
        if inner.via is None or source is None or source.text.lower() != "i":
            continue
        outer = attributions[inner.via]
        speaker = outer.source
        if speaker is None or not (outer.kind == "direct" or outer.cue.text == ":"):
            continue
        source.kind, source.entity = speaker.kind, speaker.entity
        source.name = speaker.name or speaker.text
        source.antecedent = article.span(speaker.start, speaker.end)


def _consistent_media(attributions: list[Attribution]) -> None:
    """An entity cited as a medium once ("the Independent Arabia report") is a medium wherever it speaks."""
    media = {a.source.entity for a in attributions if a.source and a.source.kind == "media" and a.source.entity}
    for attribution in attributions:
        source = attribution.source
        if source and source.entity in media and source.kind in {"official", "document"}:
            source.kind = "media"


#: Characters past which two cues are not looked at as being in one sentence (a bound on the text searched).
_LONGEST_SENTENCE = 600


def _continuation(
    attribution: Attribution, others: list[Attribution], quotes: list[tuple[int, int]], text: str
) -> TextSpan | None:
    """The quotations that carry on what was attributed: after a reporting clause that follows its content
    ('"Q1," he said. "Q2."', '"Q1," she said, "but Q2."', 'X, Tom Baker said. "Q."'), each opens right after the
    clause or the last one, in the same paragraph or, when the clause ends its own ('"Q1," said Ana Ruiz, the
    club's treasurer.' and a new paragraph), at the start of the next; after a content that follows its cue ('She
    says X. "Q."'), the quotation opens the next sentence of the paragraph. None is another speaker's ('"Q1," Holt
    said. "Q2," Reyes said.')."""
    content, cue = attribution.content, attribution.cue
    if any(start < cue.start < end for start, end in quotes):
        return None
    if content.end > cue.start:
        # 'She said the talks had failed. "We tried everything."': a quotation opening the next sentence of the
        # paragraph carries on what the clause reported; not a relative clause inside another's source ('"Q1,"
        # said Mr. Lopez, who noted that X. "Q2."': Q2 carries on what Lopez said).
        if any(
            other.source is not None and other.source.start <= cue.start and content.end <= other.source.end
            for other in others
        ):
            return None
        if any(
            other is not attribution
            and cue.start - _LONGEST_SENTENCE < other.cue.end <= cue.start
            and "\n" not in text[other.cue.end : cue.start]
            and not _ends_a_sentence(text[other.cue.end : cue.start])
            for other in others
        ):
            return None  # '"Q1," Lopez said, referring to the port. "Q2."': Q2 carries on the sentence's first report
        following = next(((s, e) for s, e in quotes if s >= content.end), None)
        if following is None or text[content.end : following[0]].strip(" \t") not in {".", "!", "?"}:
            return None
    else:
        following = _quotation_after_clause(cue.end, quotes, text)
        if following is None:
            return None
        gap = text[cue.end : following[0]]
        clause = gap.rstrip()  # a new paragraph may follow the clause, but may not split it
        if len(gap) > 240 or "\n" in clause:
            return None
        if "\n" in gap and not clause.endswith((".", "!", "?")):
            return None
    parts = [following]
    for next_start, next_end in quotes:
        # Only spaces part two quotations, or any blank space when the first was left open for the next paragraph
        end = parts[-1][1]
        blanks = None if text[end - 1 : end] not in _CLOSING else " \t"
        if next_start > end and not text[end:next_start].strip(blanks):
            parts.append((next_start, next_end))
    start = following[0]
    end = None
    for part_start, part_end in parts:
        # A part whose sentence holds another speaker's cue is theirs ('"Q2," Reyes said.'), and so is all after
        # it; a quotation that closes on its own full stop ends its sentence ('"Q2." Reyes added: ...').
        if text[part_start:part_end].rstrip("\"'”’ \t").endswith((".", "!", "?")):
            sentence_end = part_end
        else:
            sentence_end = min((i for i in (text.find(c, part_end) for c in ".!?\n") if i >= 0), default=len(text))
        if any(_speaks_in(other, attribution, part_start, part_end, sentence_end) for other in others):
            break
        end = part_end
    if end is None:
        return None
    return _text_span(text, start, end)


def _rest_of_the_sentence(doc: Doc, attribution: Attribution, others: list[Attribution], text: str) -> TextSpan | None:
    """What is said after a reporting clause set in the middle of the sentence ('The vote will be close, Ruiz said
    on Monday, because the rain kept voters home.'): the sentence goes on with it, to its end. Not a participle of
    the speaker's ('..., Ruiz said, citing the rain'), a relative clause or an apposition about the speaker, the
    writer's comment ('..., a large sum for a small shop'), nor another's words."""
    content, cue = attribution.content, attribution.cue
    clause_start, clause_end = _clause_bounds(attribution)
    if content.end > clause_start or text[content.end : clause_start].strip() != ",":
        return None
    comma = text.find(",", clause_end)
    sentence = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if comma < 0 or sentence is None or comma >= sentence.sent.end_char:
        return None
    between = text[clause_end:comma]
    if _QUOTE_MARKS.search(between) or _ends_a_sentence(between) or re.search(r"[;:()]", between):
        return None
    rest = doc.char_span(comma + 1, sentence.sent.end_char, alignment_mode="contract")
    words = [t for t in rest or () if not t.is_space]
    words = _without_end_punctuation(words)
    if len(words) < 3 or words[0].tag_ in {"VBG", "VBN"} or words[0].tag_ in RELATIVE_TAGS or words[0].is_punct:
        return None
    if any(t.dep_ == "appos" and t.head.idx < comma for t in words):  # 'according to a report from WKRP, the station ...'
        return None
    inside = {t.i for t in words}
    heads = [t for t in words if t.head.i not in inside or t.head == t]
    if words[0].tag_ not in {"IN", "CC"} and not any(c.dep_ in _SUBJECT_DEPS for t in heads for c in t.children):
        return None  # a noun phrase: the writer's comment on what was said
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if _QUOTE_MARKS.search(text, start, end) or any(start <= other.cue.start < end for other in others):
        return None
    return _text_span(text, start, end)


def _without_end_punctuation(words: list[Token]) -> list[Token]:
    """The words without the punctuation that ends them, except a closing quotation mark (kept, so that a caller
    can see that what it found ends a quotation); a mark after a space opens the next quotation and goes."""
    end = len(words)
    while end and words[end - 1].is_punct and (
        words[end - 1].text[-1] not in _CLOSING or end > 1 and words[end - 2].whitespace_
    ):
        end -= 1
    return words[:end]


_DASH_CHARACTERS = "".join(sorted(dash for dash in _DASHES if len(dash) == 1))
_DASH_AFTER = re.compile(rf"[ \t]*[{re.escape(_DASH_CHARACTERS)}]")
_DASH_BEFORE = re.compile(rf"[{re.escape(_DASH_CHARACTERS)}][ \t]*$")


def _question_before_the_answer(doc: Doc, attribution: Attribution, quotes: list[tuple[int, int]], text: str) -> None:
    """'Asked which route she liked best, she laughed: ...', 'When asked why, Okafor said ...': what was asked
    ends at the comma before the one who answers, though the parser may hang the answer off "asked"."""
    if attribution.source is not None:
        return
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    if cue is None or cue[0].lemma_.lower() not in _ASKING_VERBS:
        return
    opening = [t for t in doc[cue.sent.start : cue.start] if not (t.is_punct or t.is_space)]
    if len(opening) > 1 or opening and opening[0].lower_ not in {"when", "after", "if", "once"}:
        return  # not a participle that opens its sentence
    content = attribution.content
    for token in doc.char_span(content.start, content.end, alignment_mode="expand") or ():
        if token.dep_ in _SUBJECT_DEPS and token.head.i > token.i and token.left_edge.i > 0:
            comma = doc[token.left_edge.i - 1]
            if comma.text == "," and comma.idx > content.start and token.head.idx < content.end:
                _set_content(attribution, content.start, comma.idx, quotes, text)
                return


def _within_parentheses(attribution: Attribution, quotes: list[tuple[int, int]], text: str) -> None:
    """'Lopez said crime soared (the police put the rise at a tenth, according to their report).': a citation in
    brackets cites what the brackets hold, not the sentence around them. A bracket that holds only the citation
    ('X rose (according to the police)') leaves its content as it was."""
    content, cue = attribution.content, attribution.cue
    opening = text.rfind("(", max(0, cue.start - _LONGEST_SENTENCE), cue.start)
    closing = text.find(")", cue.end, cue.end + _LONGEST_SENTENCE)
    if opening < 0 or closing < 0 or ")" in text[opening:cue.start] or "\n" in text[opening:closing]:
        return
    if not (content.start <= opening or closing < content.end):
        return
    start = _start_without(text, max(content.start, opening + 1), min(content.end, closing), "")
    end = _end_without(text, start, min(content.end, closing), ",;")
    if start < end and not (start <= cue.start and cue.end <= end and text[start:cue.start].strip(" ,") == ""):
        _set_content(attribution, start, end, quotes, text)


def _quotation_in_dashes(attribution: Attribution, quotes: list[tuple[int, int]], text: str) -> None:
    """'Ruiz told the council X - "Q," she said - and walked out.': a quotation and its reporting clause set off
    by dashes inside the writer's sentence; what she said is the quotation, not the sentence around it, which the
    parser may hang off her verb."""
    clause_start, clause_end = _clause_bounds(attribution)
    if not _DASH_AFTER.match(text, clause_end):
        return
    before = clause_start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    quotation = next(((s, e) for s, e in quotes if e == before), None)
    if quotation is None or not _DASH_BEFORE.search(text, max(0, quotation[0] - 8), quotation[0]):
        return
    attribution.content = _text_span(text, *quotation)
    attribution.kind = "direct"


def _split_around_the_clause(attribution: Attribution, quotes: list[tuple[int, int]], text: str) -> bool:
    """A content the parser gave around its own reporting clause set off by commas ("In any case, Mr. Lopez said,
    the port will close.", "The deal, according to two aides, collapsed"): what was said is the part before the
    clause (the content) and the part after it (the continuation), not the clause. A cue that is part of its
    clause ("the dockers reportedly walked out") stays inside. Changes the attribution and says whether it did."""
    content = attribution.content
    if attribution.source is None:
        return False
    clause_start, clause_end = _clause_bounds(attribution)
    if not content.start < clause_start <= clause_end < content.end:
        return False
    before, after = text[content.start : clause_start].rstrip(), text[clause_end : content.end].lstrip()
    if not (before.endswith(",") and after.startswith(",")):
        return False  # "the dockers reportedly walked out", "is widely seen as": the cue is part of the clause
    end = _end_without(text, content.start, clause_start, "," + _DASH_CHARACTERS)
    start = _start_without(text, clause_end, content.end, "," + _DASH_CHARACTERS)
    if end <= content.start or start >= content.end:
        return False
    _set_content(attribution, content.start, end, quotes, text)
    attribution.continuation = _text_span(text, start, content.end)
    return True


def _subject_before_the_clause(doc: Doc, attribution: Attribution, others: list[Attribution], text: str) -> bool:
    """A reporting clause set between a sentence's subject and its verb ('The new ferry, the harbour master said,
    "runs half empty" most days.'): what was said is the whole sentence around the clause, its subject
    before it (the content) and the rest after it (the continuation), not only the quotation after it. Changes
    the attribution and says whether it did."""
    content = attribution.content
    if attribution.source is None:
        return False
    clause_start, clause_end = _clause_bounds(attribution)
    if content.start < clause_end or text[clause_end : content.start].strip() != ",":
        return False
    clause = doc.char_span(clause_start, clause_end, alignment_mode="expand")
    if clause is None or clause.start == clause.sent.start or doc[clause.start - 1].text != ",":
        return False
    sentence = clause.sent
    before = [t for t in doc[sentence.start : clause.start - 1] if not t.is_space]
    said = doc.char_span(content.start, content.end, alignment_mode="expand")
    if said is None or not before:
        return False
    after = [t for t in doc[said.start : sentence.end] if not t.is_space]
    after_indices = {t.i for t in after}
    if not any(t.dep_ in _SUBJECT_DEPS and t.head.i in after_indices for t in before):
        return False
    if any(
        other is not attribution
        and sentence.start_char <= other.cue.start < sentence.end_char
        and not clause_start <= other.cue.start < clause_end
        for other in others
    ):
        return False  # another's words, or a report inside these
    after = _without_end_punctuation(after)
    attribution.content = _text_span(text, before[0].idx, before[-1].idx + len(before[-1]))
    attribution.continuation = _text_span(text, after[0].idx, after[-1].idx + len(after[-1]))
    return True


def _text_span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end, text=text[start:end])


def _set_content(attribution: Attribution, start: int, end: int, quotes: list[tuple[int, int]], text: str) -> None:
    """Give an attribution a new content, and the kind (direct, mixed, indirect) that content has."""
    attribution.content = _text_span(text, start, end)
    attribution.kind = _kind_of((start, end), quotes, text)


def _clause_bounds(attribution: Attribution) -> tuple[int, int]:
    """Where the reporting clause (source and cue) starts and ends."""
    cue, source = attribution.cue, attribution.source
    if source is None:
        return cue.start, cue.end
    return min(cue.start, source.start), max(cue.end, source.end)


def _start_without(text: str, start: int, end: int, characters: str) -> int:
    """Where ``text[start:end]`` starts without its leading spaces and ``characters``."""
    while start < end and (text[start].isspace() or text[start] in characters):
        start += 1
    return start


def _end_without(text: str, start: int, end: int, characters: str) -> int:
    """Where ``text[start:end]`` ends without its trailing spaces and ``characters``."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in characters):
        end -= 1
    return end


@cache
def _abbreviations() -> frozenset[str]:
    """Words that end in a full stop without ending a sentence ("Mr.", "Sen.", "Jan.", an initial), from spaCy's
    English tokenizer exceptions, lower-cased."""
    from spacy.lang.en import English

    return frozenset(key.lower() for key in English.Defaults.tokenizer_exceptions if key.endswith("."))


_SENTENCE_END = re.compile(r"(\S*)[.!?]\s")


def _ends_a_sentence(text: str) -> bool:
    """Whether a sentence ends inside the text: a full stop, '!' or '?' before a space, not the stop of an
    abbreviation or an initial ("said Mr. Lopez", "George H.W. Bush")."""
    for match in _SENTENCE_END.finditer(text):
        if match.group(0)[-2] != ".":
            return True
        word = match.group(1).lstrip("\"'“‘(").lower() + "."
        if word not in _abbreviations() and word.rsplit(".", 2)[-2] + "." not in _abbreviations():
            return True
    return False


#: A word that opens a sentence to join it to the one before ('he said. But "..."'), at the end of a text.
_JOINING_WORD = re.compile(r"(?<=[.!?])\s+(?:But|And|Yet|Still)$")


def _quotation_after_clause(cue_end: int, quotes: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """The first quotation after a reporting clause that ends right before it (at ',' ':' or a sentence's end,
    which may close a quotation of its own: 'he said on "Morning Talk."'). A quotation the clause runs on past is
    inside it, a title or a word quoted ('told the program "Inside Story" after the hearing. "Q2."'), and is
    skipped, as long as no sentence has ended before it. The writer may join the next sentence on with a word
    before its quotation ('he said. But "Q2."')."""
    for start, end in quotes:
        if start < cue_end:
            continue
        gap = _JOINING_WORD.sub("", text[cue_end:start].rstrip())
        clause = gap.rstrip("".join(_CLOSING))
        if clause.endswith((".", "!", "?")) or clause == gap and clause.endswith((",", ":")):
            return start, end
        if _ends_a_sentence(gap) or "\n" in gap:
            return None
    return None


def _speaks_in(other: Attribution, attribution: Attribution, start: int, end: int, sentence_end: int) -> bool:
    """Whether another attribution claims the quotation part ``start:end`` (its cue in the part's sentence, or its
    content overlapping the part); a cue inside the quotation is the speaker's own ('"I support the tax," she
    said')."""
    if other is attribution or start < other.cue.start < end:
        return False
    return start <= other.cue.start < max(sentence_end, end) or (other.content.start < end and start < other.content.end)


_CORROBORATION_VERBS = frozenset({"corroborate", "verify", "confirm", "cross-check", "crosscheck", "check"})


def _corroboration(doc: Doc, content: TextSpan) -> TextSpan | None:
    """The phrase in which a content claims its information was checked ("corroborated ... with Israeli
    sources"): a verb of checking whose phrase names what it was checked with or against."""
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.pos_ != "VERB" or token.lemma_.lower() not in _CORROBORATION_VERBS:
            continue
        if not any(t.dep_ == "prep" and t.lower_ in {"with", "against"} for t in token.subtree):
            continue
        end = min(token.right_edge.i + 1, span.end)
        phrase = doc[token.i : end]
        return TextSpan(start=phrase.start_char, end=phrase.end_char, text=phrase.text)
    return None


#: A comma and a relative pronoun: where a clause about the object just named begins.
_RELATIVE_AFTER_COMMA = re.compile(r",\s+(?:which|who|whom|whose)\b")


def _end_before_a_relative_report(attributions: list[Attribution], quotes: list[tuple[int, int]], text: str) -> None:
    """"Lopez criticized the plan, which the mayor said would cost jobs": what Lopez acts on is the plan; the
    clause after the comma is the mayor's report about it, not part of Lopez's object. An object ends before such
    a clause when another attribution's cue is inside it."""
    for outer in attributions:
        if outer.content_type != "object":
            continue
        content = outer.content
        for inner in attributions:
            if inner is outer or not (content.start < inner.cue.start and inner.cue.end <= content.end):
                continue
            clause = None
            for match in _RELATIVE_AFTER_COMMA.finditer(text, content.start, inner.cue.start):
                clause = match
            if clause is not None:
                end = clause.start()
                _set_content(outer, content.start, end, quotes, text)
                break


def _end_before_anothers_words(attributions: list[Attribution], quotes: list[tuple[int, int]], text: str) -> None:
    """What one speaker said ends where another's words begin, in a later sentence, whose cue is outside it ('...,
    Lopez said, the industry was over-supplied. "It was waiting for a crash," he added.': Lopez's words end before
    the quotation "he added" claims), where the parser ran one sentence on into the next."""
    for attribution in attributions:
        for name in ("content", "continuation"):
            part = getattr(attribution, name)
            if part is None:
                continue
            starts = [
                other.content.start
                for other in attributions
                if other is not attribution
                and part.start < other.content.start < part.end
                and not part.start <= other.cue.start < part.end
                and other.content.start > attribution.cue.end
                and text[part.start : other.content.start].rstrip().rstrip("".join(_CLOSING)).endswith((".", "!", "?"))
            ]
            if not starts:
                continue
            end = _end_without(text, part.start, min(starts), ".,;")  # a closing quotation mark keeps its stop
            if end > part.start:
                setattr(attribution, name, _text_span(text, part.start, end))
                if name == "content":
                    attribution.kind = _kind_of((part.start, end), quotes, text)
            elif name == "continuation":
                attribution.continuation = None


def _end_before_a_citation_of_the_report(attributions: list[Attribution], quotes: list[tuple[int, int]], text: str) -> None:
    """"Voters said that X, according to exit polls" (or its short form, "per exit polls"): the polls vouch for the
    whole report, voters' words and all, so what the voters said ends before the citation, and their report is
    nested in the polls' (a chain)."""
    for citation in attributions:
        if citation.cue.text.lower().split(" ")[0] not in {"according", "per"}:
            continue
        for report in attributions:
            content = report.content
            if (
                report is citation
                or not (content.start < citation.cue.start < content.end)
                or not (citation.content.start <= report.cue.start < citation.content.end)
            ):
                continue
            end = _end_without(text, content.start, citation.cue.start, ",;(" + _DASH_CHARACTERS)
            if end > content.start:
                _set_content(report, content.start, end, quotes, text)


def _link_nested(attributions: list[Attribution]) -> None:
    """An attribution whose cue lies inside another's content, or its continuation, is reported through it."""
    # read once as plain numbers: every pair is looked at, and a model's attributes cost more than a tuple's
    bounds = [
        (a.cue.start, a.cue.end, a.content.start, a.content.end, [(p.start, p.end) for p in (a.content, a.continuation) if p is not None])
        for a in attributions
    ]
    for inner_index, inner in enumerate(attributions):
        cue_start, cue_end, content_start, content_end, _ = bounds[inner_index]
        holders = [
            (end - start, index)
            for index, (outer_cue_start, outer_cue_end, _, _, parts) in enumerate(bounds)
            if index != inner_index
            for start, end in parts
            if start <= cue_start
            and cue_end <= end
            and not (content_start <= outer_cue_start and outer_cue_end <= content_end)
        ]
        if holders:
            inner.via = min(holders)[1]
