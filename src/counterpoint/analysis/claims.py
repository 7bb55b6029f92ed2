"""Claims and how firmly each is put; the article's sourcing profile and source chains.

A claim is what an attribution's content says (on the source's authority) or, for a sentence no attribution
covers, the sentence itself (in the outlet's own voice); in a sentence with a report, the clauses outside it are
the outlet's own ("[The council closed the bridge] after engineers said ..."). Its certainty comes from the cue
("claimed" hedges, "denied" denies, "said" reports) and from hedge words inside it ("reportedly", "may").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan
from spacy.vocab import Vocab

from ..model import Article, Attribution, Certainty, Claim, SourcingProfile, claims_of_attributions, reported_through
from ..model import Span as TextSpan
from ..resources import phrase_words, table, word_list
from .nlp import RELATIVE_TAGS, tokens_with

__all__ = ["find_claims", "removed_from_a_post", "sourcing_profile", "verdict_of"]

_MODALS = frozenset({"may", "might", "could"})
_PASSIVE_ONLY = frozenset({"believed", "thought", "understood", "said", "expected", "alleged", "suspected"})
#: Of those, the ones that hedge as adjectives too ("the alleged gunman", "suspected militants").
_ATTRIBUTIVE = frozenset({"alleged", "suspected"})
#: Adjectives that hedge only before their noun ("a possible link", "an apparent suicide"): "as soon as possible"
#: and "it became apparent that" hedge nothing.
_BEFORE_NOUN_ONLY = frozenset({"possible", "apparent", "probable", "presumed", "putative", "ostensible", "reputed"})
#: Nouns that hedge only as what the sentence says someone is ("is the main suspect in the fire", "a suspect in
#: the fire", "emerges as a suspect"): "police shot the suspect" names a person and hedges nothing.
_PREDICATE_ONLY = frozenset({"suspect", "suspects"})
_CONDITIONAL_MARKS = frozenset({"if", "unless"})
#: Dependents that qualify a reporting verb ("may", "widely", "not", "reportedly").
_FRAME_DEPS = frozenset({"aux", "auxpass", "advmod", "neg"})
_RANK: dict[Certainty, int] = {"asserted": 0, "reported": 1, "conditional": 2, "hedged": 3, "denied": 4}


@cache
def _hedges() -> dict[tuple[str, ...], str]:
    return {tuple(phrase_words(key)): value for key, value in table("hedges.tsv").items()}


@cache
def _hedge_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(_hedges()))


@cache
def _vague_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(tuple(phrase_words(phrase)) for phrase in word_list("vague.txt")))


@cache
def _matcher(vocab: Vocab, phrases: tuple[tuple[str, ...], ...]) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("PHRASE", [Doc(vocab, words=list(words)) for words in phrases])
    return matcher


def _longest_matches(doc: Doc, phrases: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
    """Token ranges of the phrases in the text, the longest where two start at one place, none overlapping."""
    found, taken = [], set()
    for _, start, end in sorted(_matcher(doc.vocab, phrases)(doc), key=lambda m: (m[1], -m[2])):
        if start not in taken:
            taken.update(range(start, end))
            found.append((start, end))
    return found


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _all_vague(doc: Doc) -> list[tuple[int, int]]:
    """Weasel words, not an approximate number ("some 40 people", "several 100"); and a passive of judging or
    saying with no one named as its doer ("has been criticized", "is widely regarded"), from its auxiliary."""
    found = [
        _chars(doc, start, end)
        for start, end in _longest_matches(doc, _vague_phrases())
        if not (end - start == 1 and end < len(doc) and doc[end].like_num)
    ]
    for verb in tokens_with(doc, "LEMMA", word_list("faceless_passives.txt")):
        children = list(verb.children)
        if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children):
            first = min([c.i for c in children if c.dep_ in {"aux", "auxpass"}], default=verb.i)
            for start, end in (_chars(doc, first, verb.i + 1), _chars(doc, verb.i, verb.i + 1)):
                # the words a listed phrase has taken ("is considered", "widely") are not listed twice
                if not any(s < end and start < e for s, e in found):
                    found.append((start, end))
                    break
    return sorted(found)


#: Verbs that end a rumor when it is their object ("quashed rumors", "shot down claims", "put the rumours to rest").
_ENDING_VERBS = frozenset({"kill", "quash", "dispel", "squash", "scotch", "bust", "shoot", "put", "knock", "lay", "dispute", "contest", "rule"})
_RUMOR_NOUNS = frozenset({
    "rumor", "rumour", "claim", "report", "speculation", "story", "myth", "theory", "allegation", "assertion",
    "accusation", "suggestion", "notion", "idea", "contention",
})


def _ends_a_rumor(verb: Token) -> bool:
    """Whether a verb puts an end to a rumor or a claim, its object ("quashed rumors", "disputed reports"); "shoot"
    and "knock" with "down", "rule" with "out"; "put" and "lay" with "to rest", the rumor their object or their
    subject ("Batmobile rumor put to rest"). "The rumor killed his career" ends nothing."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _ENDING_VERBS:
        return False
    children = list(verb.children)
    rumor_object = any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _RUMOR_NOUNS for c in children)
    if lemma in {"put", "lay"}:
        rumor_subject = any(c.dep_ == "nsubj" and c.lemma_.lower() in _RUMOR_NOUNS for c in children)
        to_rest = any(c.lower_ == "rest" or any(g.lower_ == "rest" for g in c.children) for c in children)
        return (rumor_object or rumor_subject) and to_rest
    if lemma in {"shoot", "knock", "rule"}:
        particle = "out" if lemma == "rule" else "down"  # "ruled out reports", not "ruled on reports"
        return rumor_object and any(c.dep_ == "prt" and c.lower_ == particle for c in children)
    return rumor_object


def _all_hedges(doc: Doc) -> list[tuple[int, int, str]]:
    """Every hedge in the article (char start, end, certainty), checked against its part of speech ("May" the
    month is no modal; "said" in the active voice hedges nothing), and the verbs that end a rumor (denied)."""
    hedges = _hedges()
    found = [
        (*_chars(doc, t.i, t.i + 1), "denied")
        for t in tokens_with(doc, "LEMMA", _ENDING_VERBS)
        if _ends_a_rumor(t) and not _negated(t)  # "did not dispute reports": no denial
    ]
    for start, end in _longest_matches(doc, _hedge_phrases()):
        if end - start == 1 and not _hedges_here(doc, start) or doc[end - 1].lower_ == "to" and not _verb_follows(doc, end):
            continue
        words = tuple(t.lower_ for t in doc[start:end])
        if hedges[words] == "denied" and (_negated(doc[start]) or _not_committed(doc[start]) or _withholds(doc[start])):
            continue  # "did not deny", "would neither confirm nor deny", "declined to deny": no denial
        found.append((*_chars(doc, start, end), hedges[words]))
    return sorted(found)


def _negated(word: Token) -> bool:
    """Whether a word is negated: "not", "never", or "nor" ("neither confirm nor deny"); a noun by "no" ("is no
    hoax"), and what a negated copula says something is ("it was not a hoax", "they're not fake")."""
    if any(c.dep_ == "neg" or c.lower_ == "neither" or c.dep_ == "det" and c.lower_ == "no" for c in word.children):
        return True
    if word.dep_ in {"attr", "acomp"} and any(c.dep_ == "neg" for c in word.head.children):
        return True
    return word.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in word.head.children)


def _withholds(word: Token) -> bool:
    """Whether "deny" keeps something from someone ("denied the dockers a pay rise", "denying asylum seekers the
    right to a hearing", "was denied entry"): with someone it is kept from, it refuses, and denies no claim."""
    if word.pos_ != "VERB":
        return False
    children = list(word.children)
    objects = sum(c.dep_ == "dobj" for c in children)
    return any(c.dep_ == "dative" for c in children) or objects > 1 or objects == 1 and any(c.dep_ == "nsubjpass" for c in children)


#: Verbs of holding back: a denial they govern is not made ("declined to deny", "refused to confirm or deny").
_HOLDING_BACK = frozenset({"refuse", "decline", "fail", "hesitate", "avoid"})


def _not_committed(word: Token) -> bool:
    """Whether a word of denial says that none was made: paired with "confirm" ("would not confirm or deny",
    "refused to confirm or deny"), which is declining to say either way, or held back ("declined to deny")."""
    first = word.head if word.dep_ == "conj" else word  # the first of a pair of verbs, or the word itself
    pair = word.head if word.dep_ == "conj" else next((c for c in word.children if c.dep_ == "conj"), None)
    if pair is not None and pair.lemma_.lower() == "confirm" and any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in first.children):
        return True  # not "confirmed the closure but denied ..."
    return first.dep_ == "xcomp" and first.head.lemma_.lower() in _HOLDING_BACK


#: Words that give a "may" a time of its own, and so make it a guess about one event ("may resume soon").
_SOON = frozenset({"soon", "later", "shortly", "tomorrow", "tonight", "again"})


def _generic_possibility(modal: Token) -> bool:
    """Whether "may" says what can happen to a kind of thing rather than how sure the writer is: a subject that is a
    bare plural or "a"/"an" noun ("Guests may bring food", "A season ticket may include a seat"), with no perfect after
    it ("Workers may have been exposed" is a guess about what happened) and no time of its own ("Workers may strike
    next week" is a guess about what will). A verb joined to another shares its subject; a purpose ("so that we may
    see them") is no guess either."""
    if modal.lower_ != "may":
        return False
    verb = modal.head
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and verb.dep_ == "advcl":
        return True  # a purpose ("so that we may see them"), not a guess
    if any(c.dep_ == "aux" and c.lower_ == "have" or c.ent_type_ in {"DATE", "TIME"} or c.lower_ in _SOON for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ == "conj":  # "Sloes taste sour and may be used to flavour gin": shared
        subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ != "NOUN":
        return False
    if any(c.pos_ == "PROPN" or c.ent_type_ for c in subject.children if c.dep_ in {"compound", "amod"}):
        return False  # a named group ("Nato troops may be exposed") is no kind of thing: a guess about it
    determiners = [c.lower_ for c in subject.children if c.dep_ in {"det", "poss", "nummod"}]
    return determiners in ([], ["a"], ["an"]) and (subject.tag_ == "NNS" or determiners != [])


def _hedges_here(doc: Doc, i: int) -> bool:
    """Whether a one-word hedge hedges where it stands: a modal only as a modal ("May" the month does not), a
    passive-only word ("believed", "said") only as a participle, before one in a headline ("believed killed"), or
    as an adjective where it hedges as one ("the alleged gunman", "a possible link")."""
    token = doc[i]
    word = token.lower_
    if word in _MODALS:
        return token.tag_ == "MD" and not _generic_possibility(token)
    if word in _PASSIVE_ONLY:
        return token.tag_ == "VBN" or word in _ATTRIBUTIVE and token.tag_ == "JJ" or _headline_passive(doc, i + 1)
    if word in _BEFORE_NOUN_ONLY:
        return token.dep_ == "amod" and token.head.i > i and token.head.pos_ in {"NOUN", "PROPN"}
    if word in _PREDICATE_ONLY:
        return _said_to_be(token)
    if token.lemma_.lower() in _REFUSING_VERBS:
        return not _refuses_a_thing(token)
    return True


def _said_to_be(noun: Token) -> bool:
    """Whether a noun is what its sentence says someone is: after "is" ("is the main suspect"), after "as"
    ("emerges as a suspect"), or, in a headline without a verb, set beside the one it describes ("Dock worker a
    suspect in fire", "Dock worker key suspect in fire")."""
    if noun.dep_ in {"attr", "oprd"} or noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return True
    if noun.dep_ == "appos":
        return noun.head.dep_ == "ROOT" and noun.head.pos_ in {"NOUN", "PROPN"}
    return noun.dep_ == "ROOT" and any(c.dep_ in {"compound", "nmod"} and c.i < noun.i for c in noun.children)


def _verb_follows(doc: Doc, after: int) -> bool:
    """Whether a verb follows a hedge that ends in "to": "is said to [have]", "tipped to [join]", but not "said to
    reporters that ..." or "was reported to police", where "to" names who heard it."""
    return after < len(doc) and doc[after].tag_ == "VB"


def _headline_passive(doc: Doc, after: int) -> bool:
    """Whether a past participle or an adjective follows: a headline's passive without its "is" ("Rebel leader
    believed killed in raid", "Crew feared dead"), which the tagger may read as an active past tense."""
    return after < len(doc) and doc[after].tag_ in {"VBN", "VBD", "JJ"}


class _Sorted:
    """Spans sorted by start, so "which of these lie inside [start, end)" costs a binary search, not a scan:
    an article of thousands of claims would otherwise take quadratic time."""

    def __init__(self, items: list[tuple[int, int, object]]) -> None:
        self.items = sorted(items, key=lambda item: item[0])
        self.starts = [item[0] for item in self.items]

    def within(self, start: int, end: int) -> list:
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end)
        return [item for item in self.items[first:last] if item[1] <= end]

    def starting_in(self, start: int, end: int) -> list:
        """Those that start in [start, end), wherever they end ("said to" starts on the cue "said")."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


@dataclass
class _Index:
    hedges: _Sorted
    vague: _Sorted
    mentions: _Sorted
    times: _Sorted


_CONDITIONAL_WORD = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)


def _is_conditional(doc: Doc, text: str, start: int, end: int) -> bool:
    if not _CONDITIONAL_WORD.search(text, start, end):
        return False  # the common case, told from the text without walking the claim's tokens
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.lower_ in _CONDITIONAL_MARKS and t.dep_ == "mark" and t.head.dep_ == "advcl" and t.head.head.i in range(span.start, span.end)
        for t in span
    )


def _judges_a_thing(doc: Doc, start: int) -> bool:
    """A word of denial before a noun with no clause of its own ("after an inaccurate story about the mayor", "ran
    a bogus story"): it judges the story, and the sentence that mentions it is not denied."""
    word = _token_at(doc, start)
    return word is not None and word.dep_ == "amod" and word.pos_ == "ADJ" and word.head.pos_ in {"NOUN", "PROPN"} and word.head.i > word.i


#: A writer's doubt right after what a source said: "..., a claim that could not be independently verified", "...,
#: though the figure has not been confirmed".
_DOUBTING_GLOSS = re.compile(
    r"\s*[,;—–]\s*(?:(?:though|although|but)\s+)?(?P<doubt>(?:an?|the|this|that)\s+(?:\w+\s+)?"
    r"(?:claim|figure|number|toll|account|assertion|allegation|report|estimate|version|tally)\s+"
    r"(?:(?:that|which)\s+)?(?:could|can|has|have|had|was|were|is|are)\s*(?:not|n't|never)\s+(?:yet\s+)?"
    r"(?:be(?:en)?\s+)?(?:independently\s+)?(?:verified|confirmed|corroborated))",
    re.IGNORECASE,
)


def _claim(
    doc: Doc,
    article: Article,
    start: int,
    end: int,
    attribution: int | None,
    index: _Index,
) -> Claim:
    certainty: Certainty = "asserted" if attribution is None else "reported"
    hedges: list[TextSpan] = []
    cue_words = None
    if attribution is not None:
        cue = article.attributions[attribution].cue
        cue_words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        stance = _cue_stance(cue_words.root) if cue_words is not None else None
        if stance and not (stance == "denied" and _negated(cue_words.root)):
            certainty = stance  # type: ignore[assignment]
            hedges.append(cue)
        if cue_words is not None and (false := _said_falsely(cue_words.root)) is not None:
            # "falsely claimed that ...": the writer calls what is said false
            certainty = "denied"
            hedges.append(article.span(false.idx, false.idx + len(false)))
    found = index.hedges.within(start, end)
    if found:  # most claims hold no hedge: their span is not needed
        span = doc.char_span(start, end, alignment_mode="expand")
        found = [
            (s, e, stance)
            for s, e, stance in found
            if _subordinate_part(doc, s, span) is None and not (stance == "denied" and _judges_a_thing(doc, s))
        ]
    frame = _frame(cue_words) if cue_words is not None else []
    # The reporting verb's own hedges: "Officials may soon announce that ...", "it seems widely accepted".
    found += [h for part in frame for h in index.hedges.starting_in(*part) if not (start <= h[0] < end)]
    for h_start, h_end, stance in found:
        if any(h.start < h_end and h_start < h.end for h in hedges):
            continue
        hedges.append(article.span(h_start, h_end))
        if _RANK[stance] > _RANK[certainty]:  # type: ignore[index]
            certainty = stance  # type: ignore[assignment]
    gloss = _DOUBTING_GLOSS.search(article.text, start, end + 200) if attribution is not None else None
    if gloss is not None and gloss.start() <= end:
        # "X said Y, a claim that could not be independently verified": the writer's doubt about what was said
        doubt = article.span(gloss.start("doubt"), gloss.end("doubt"))
        hedges = [h for h in hedges if not (doubt.start <= h.start < doubt.end)] + [doubt]
        if _RANK["hedged"] > _RANK[certainty]:
            certainty = "hedged"
    if certainty in {"asserted", "reported"} and _is_conditional(doc, article.text, start, end):
        certainty = "conditional"
    question = article.text[start:end].rstrip().rstrip("\"”’'")
    if certainty == "asserted" and question.endswith("?"):
        certainty = "hedged"  # a question puts nothing forward as true ("Is the mayor about to quit?")
        mark = start + len(question) - 1
        hedges.append(article.span(mark, mark + 1))
    actors = list(dict.fromkeys(name for s, e, name in index.mentions.within(start, end)))
    time = next((t.value for _, _, t in index.times.within(start, end) if t.value), None)
    return Claim(
        start=start, end=end, text=article.text[start:end], attribution=attribution, certainty=certainty,
        hedges=sorted(hedges, key=lambda s: s.start), actors=actors, time=time,
        vague=[
            article.span(s, e)
            for s, e, _ in _vague_in(index, article, start, end, attribution, frame, cue_words)
        ],
    )


def _subordinate_part(doc: Doc, hedge_start: int, claim: TokenSpan | None) -> Token | None:
    """The head of the part of a claim a hedge belongs to when that part is not what the claim says: a clause that
    describes a noun (the noun: in "Putin asked him to avoid moves [that could lead to war]", "could" hedges what
    the moves do, not the asking) or an adverbial clause ("[While the meeting appeared timed to ...], he faces a
    battle": the clause)."""
    token = _token_at(doc, hedge_start)
    if token is None or claim is None:
        return None
    root = claim.root
    if root.pos_ not in {"VERB", "AUX"}:
        return None  # a headline without a verb ("Leader allegedly killed in raid"): the modifier is what it says
    for ancestor in (token, *token.ancestors):
        if ancestor.i == root.i or not (claim.start <= ancestor.i < claim.end):
            return None
        if ancestor.dep_ in {"relcl", "acl"} and ancestor.head.pos_ in {"NOUN", "PROPN", "PRON"} and ancestor.head.i != root.i:
            return ancestor.head
        if ancestor.dep_ == "advcl" and not _is_condition(ancestor):
            return ancestor
    return None


def _is_condition(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in clause.children)


def _denier_described(doc: Doc, hedge_start: int) -> bool:
    """Whether a denial sits in a clause describing the one who denies ("videos [that contradict the findings]",
    "the mayor, [who denied the charges]"): the described noun is the denier, not what is denied, so it makes no
    denied claim. In "the report, [which officials denied]" the report is what is denied, and it does."""
    verb = _token_at(doc, hedge_start)
    if verb is None or verb.dep_ != "relcl":
        return False
    return any(c.dep_ == "nsubj" and c.tag_ in RELATIVE_TAGS for c in verb.children)


def _subordinate_claims(doc: Doc, article: Article, claims: list[Claim], index: _Index) -> list[Claim]:
    """A claim for each hedged part of a firmer claim ("moves that could lead to war", "the man who allegedly shot
    the guard", "while the meeting appeared timed to ..."), so that the hedge is kept where it applies."""
    taken = {(c.start, c.end) for c in claims}
    found = []
    for claim in claims:
        hedges = index.hedges.within(claim.start, claim.end)
        span = doc.char_span(claim.start, claim.end, alignment_mode="expand") if hedges else None
        for hedge_start, _, stance in hedges:
            if stance == "denied" and _denier_described(doc, hedge_start):
                continue
            head = _subordinate_part(doc, hedge_start, span)
            if head is None:
                continue
            part = _chars(doc, head.left_edge.i, head.right_edge.i + 1)
            if part not in taken:
                taken.add(part)
                found.append(_claim(doc, article, *part, claim.attribution, index))
    return found


#: Nouns by which the writer calls a that-clause false ("the myth that ...", "the lie that ...", "the conspiracy
#: theory that ..."); "theory" counts only after "conspiracy" (``_calls_false``).
_FALSEHOOD_NOUNS = frozenset({"myth", "lie", "falsehood", "fabrication", "canard", "misconception", "hoax", "theory"})
#: Nouns of support whose that-clause a "no" disputes ("no evidence that ...", "no sign that ...").
_SUPPORT_NOUNS = frozenset({"evidence", "proof", "sign", "signs", "indication", "indications", "basis"})


def _that_clause(head: Token, deps: frozenset[str]) -> Token | None:
    """The clause opened by "that" that ``head`` governs after itself."""
    return next(
        (c for c in head.children
         if c.dep_ in deps and c.i > head.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
        None,
    )


def _calls_false(noun: Token) -> Token | None:
    """The first word of a noun of falsehood: the noun itself ("myth"), or "conspiracy" before "theory"; None for
    any other theory ("string theory"), which calls nothing false."""
    if noun.lemma_ != "theory":
        return noun
    return next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1 and c.lower_ == "conspiracy"), None)


def _disputed_clauses(doc: Doc) -> list[tuple[Token, Token, Token, str]]:
    """Clauses the sentence around them calls unsupported or false, each with the first and last word of what says
    so and the certainty that gives: "no evidence [that ...]" (also "no sign", "no proof" ...) denies; "It is not
    true [that ...]", "It is false that ..." take the verdict (``verdicts.tsv``, or a denial of the lexicon)."""
    found = []
    for noun in tokens_with(doc, "LOWER", _SUPPORT_NOUNS):
        no = next((c for c in noun.children if c.dep_ == "det" and c.lower_ == "no"), None)
        clause = _that_clause(noun, frozenset({"acl", "ccomp"}))
        if noun.pos_ == "NOUN" and no is not None and clause is not None:
            found.append((clause, no, noun, "denied"))
    for noun in tokens_with(doc, "LEMMA", _FALSEHOOD_NOUNS):
        clause = _that_clause(noun, frozenset({"acl", "ccomp"}))
        if noun.pos_ == "NOUN" and clause is not None and (first := _calls_false(noun)) is not None:
            found.append((clause, first, noun, "denied"))
    for it in tokens_with(doc, "LOWER", frozenset({"it"})):
        copula = it.head
        if it.dep_ != "nsubj" or copula.lemma_ != "be":
            continue
        adjective = next((c for c in copula.children if c.dep_ == "acomp" and c.i > copula.i), None)
        clause = _that_clause(copula, frozenset({"ccomp"}))
        if adjective is None or clause is None or clause.i < adjective.i:
            continue
        negation = next((c for c in copula.children if c.dep_ == "neg"), None)
        word = ("not " if negation is not None else "") + adjective.lower_
        stance = _verdict_word(word)
        if stance is not None:
            found.append((clause, negation if negation is not None else adjective, adjective, stance))
    return found


def _unsupported_claims(doc: Doc, article: Article, claims: list[Claim], index: _Index) -> list[Claim]:
    """A claim of its own for each ``_disputed_clauses`` clause ("There is no evidence [that the bridge is
    sinking]", "It is not true [that ...]"), with the words that dispute it as its cue: the writer, or the source of
    the claim around it, disputes it. Its attribution is that of the claim it is part of."""
    taken = {(c.start, c.end) for c in claims}
    found = []
    for clause, first, last, stance in _disputed_clauses(doc):
        part = _chars(doc, clause.left_edge.i, clause.right_edge.i + 1)
        around = next((c for c in claims if c.start <= part[0] and part[1] <= c.end), None)
        if part in taken or around is None:
            continue
        taken.add(part)
        claim = _claim(doc, article, *part, around.attribution, index)
        if _RANK[stance] > _RANK[claim.certainty]:  # type: ignore[index]
            claim.certainty = stance  # type: ignore[assignment]
        cue = article.span(first.idx, last.idx + len(last))
        claim.hedges = sorted([*claim.hedges, cue], key=lambda h: h.start)
        found.append(claim)
    return found


def _vague_in(
    index: _Index, article: Article, start: int, end: int, attribution: int | None, frame: list[tuple[int, int]],
    cue_words: TokenSpan | None,
) -> list:
    """Vague words in the claim and, for an attributed one, on its reporting verb and in its source: "critics
    say", "is widely regarded as" name no one."""
    found = index.vague.within(start, end)
    source = article.attributions[attribution].source if attribution is not None else None
    if attribution is not None and source is None and _passive(cue_words):
        # "It has been reported that ...", "X is considered ...": a report with nobody behind it.
        cue = article.attributions[attribution].cue
        if not index.vague.within(cue.start, cue.end):
            found = [(cue.start, cue.end, None)] + found
    found = [v for part in frame for v in index.vague.starting_in(*part) if not (start <= v[0] < end)] + found
    if cue_words is not None:
        found = _vague_phrases_on(index, cue_words) + found
    if source is not None and not (start <= source.start < end):
        found = index.vague.within(source.start, source.end) + found
    return sorted(set(found), key=lambda v: v[0])


def _vague_phrases_on(index: _Index, cue: TokenSpan) -> list:
    """Vague phrases that qualify the reporting verb as a whole phrase of their own ("Dummett, among others,
    argued", "To some extent, the rules clarify"): a phrase the verb governs that is all vague words."""
    found = []
    for child in cue.root.children:
        if child.dep_ == "prep":
            phrase = (child.idx, child.right_edge.idx + len(child.right_edge))
            found += [v for v in index.vague.within(*phrase) if (v[0], v[1]) == phrase]
    return found


def _passive(cue: TokenSpan | None) -> bool:
    """Whether a cue is in the passive voice ("has been reported", "is considered")."""
    return cue is not None and any(c.dep_ == "auxpass" for c in cue.root.children)


def _cue_stance(verb: Token) -> str | None:
    """The certainty a reporting verb gives what it reports (``cue_stance.tsv``), a phrasal verb by its particle
    first ("ruled out that ..." denies, where "ruled that ..." reports)."""
    stances = table("cue_stance.tsv")
    lemma = verb.lemma_.lower()
    if lemma in _REFUSING_VERBS and _refuses_a_thing(verb):
        return None  # "rejected the offer" refuses; it reports no denial
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return (stances.get(f"{lemma} {particle}") if particle else None) or stances.get(lemma)


#: Nouns of what someone said or holds, besides the nouns of saying (``cue_nouns.txt``): "rejected his comments".
_SAID_THINGS = frozenset({
    "comment", "remark", "word", "view", "characterization", "characterisation", "premise", "portrayal",
    "description", "label", "criticism", "narrative", "version", "account", "interpretation", "conclusion",
})


@cache
def _said_nouns() -> frozenset[str]:
    """Every noun of something said: rumor nouns, the nouns of saying (``cue_nouns.txt``) and ``_SAID_THINGS``."""
    return _RUMOR_NOUNS | _SAID_THINGS | word_list("cue_nouns.txt")


#: Verbs that deny only what is said ("rejected the claims", "dismissed reports that ..."), and otherwise refuse or
#: throw out a thing ("rejected the bill", "dismissed the case", "rejects virtual debate").
_REFUSING_VERBS = frozenset({"reject", "dismiss", "rebuff"})


def removed_from_a_post(verb: Token) -> bool:
    """"Lopez was dismissed from the force", "Officer Lopez dismissed after inquiry": a verb of refusing whose
    passive subject is a person, or that says from where: someone removed from a post, whose words no one reports
    (attribution reads this; claims still read such a passive as a denial, see ``_refuses_a_thing``)."""
    return verb.lemma_.lower() in _REFUSING_VERBS and any(
        c.dep_ == "nsubjpass" and c.ent_type_ == "PERSON" or c.dep_ == "prep" and c.lower_ == "from" for c in verb.children
    )


def _refuses_a_thing(verb: Token) -> bool:
    """Whether a verb of refusing takes as its object a thing, not something said ("rejected the bill", not
    "rejected the claims", "dismissed reports that ..." or "rejected the idea"). Without an object it is left a
    denial ("the claims were dismissed"; also, wrongly, "was dismissed from his post": reading that as a removal,
    ``removed_from_a_post``, cost FNC dev two right disagree calls, under its macro-F1 floor, twice)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(o.lemma_.lower() in _said_nouns() for o in objects) and not any(
        c.dep_ in {"ccomp", "xcomp"} for c in verb.children
    )


#: Adverbs by which the writer calls what a source said false ("falsely claimed", "wrongly said"). Only on a
#: reporting verb: "mistakenly struck a school" asserts the strike.
_FALSELY = frozenset({"falsely", "wrongly", "mistakenly", "erroneously", "incorrectly", "inaccurately", "baselessly", "untruthfully"})


def _said_falsely(cue: Token) -> Token | None:
    """The adverb on a reporting verb that says what was said is false, if any."""
    return next((c for c in cue.children if c.dep_ == "advmod" and c.lower_ in _FALSELY), None)


def _frame(cue: TokenSpan) -> list[tuple[int, int]]:
    """Characters of the words that qualify the reporting verb itself: the cue, its auxiliaries and adverbs
    ("may soon announce", "is widely regarded"), a cue noun's adjectives ("baseless claims that"), and a verb it
    depends on ("seems widely accepted that"); never the rest of its sentence ("said X, but others might
    disagree" does not hedge X)."""
    root = cue.root
    parts = [(cue.start_char, cue.end_char)]
    for child in root.children:
        if child.dep_ in _FRAME_DEPS or child.dep_ == "amod" and root.pos_ == "NOUN":  # "unconfirmed reports that"
            parts.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge)))
    if root.dep_ in {"xcomp", "ccomp"} and root.head.i != root.i:
        parts.append((root.head.idx, root.head.idx + len(root.head)))
    return parts


def _one_sentence_around_its_clause(doc: Doc, attribution: Attribution) -> bool:
    """Whether what was said is one sentence its reporting clause interrupts, and the part before the clause is
    no claim of its own ("The harbour, Lopez said, will close in June": one claim, not "The harbour")."""
    content, continuation = attribution.content, attribution.continuation
    if continuation is None or continuation.start < content.end:
        return False
    before = doc.char_span(content.start, content.end, alignment_mode="expand")
    after = doc.char_span(continuation.start, continuation.end, alignment_mode="expand")
    if before is None or after is None or before.sent.start != after.sent.start:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in before)


def find_claims(doc: Doc, article: Article) -> list[Claim]:
    """One claim per attribution content, plus each sentence no attribution covers (the outlet's voice)."""
    index = _Index(
        hedges=_Sorted(_all_hedges(doc)),
        vague=_Sorted([(s, e, None) for s, e in _all_vague(doc)]),
        mentions=_Sorted([(m.start, m.end, e.name) for e in article.entities for m in e.mentions]),
        times=_Sorted([(t.start, t.end, t) for t in article.times]),
    )
    # Only what a source says or holds true is its claim; "X praised the plan" is the outlet's claim about X.
    said = [(number, a) for number, a in enumerate(article.attributions) if a.content_type == "proposition"]
    whole = {number for number, a in said if _one_sentence_around_its_clause(doc, a)}
    claims = [
        _claim(doc, article, a.content.start, a.continuation.end, number, index)
        if number in whole
        else _infinitive_claim(doc, article, number, index)
        if _infinitive(doc, a.content.start)
        else _claim(doc, article, a.content.start, a.content.end, number, index)
        for number, a in said
    ]
    claims += [
        _claim(doc, article, a.continuation.start, a.continuation.end, number, index)
        for number, a in said
        if a.continuation is not None and number not in whole
    ]
    # A sentence is the outlet's own claim unless an attribution's cue is in it or its content covers half of it;
    # a cue inside a modifier does not count ("The aide [who revealed that X] was fired": the firing is claimed).
    # Nor does a noun's, nor its content ("dismissed allegations that ...": the dismissal is the sentence's claim).
    # Nor does what a modifier reports, when all of it is in the modifier ("There are many aides [who are sure that
    # X]": that there are many is claimed).
    verbal = [a for _, a in said if not _noun_before_its_clause(doc, a)]
    cue_starts = sorted(a.cue.start for a in verbal if not _in_a_modifier(doc, a.cue.start))
    outside = [a for a in verbal if not (_in_a_modifier(doc, a.cue.start) and _in_a_modifier(doc, a.content.start))]
    covered = _char_mask(len(article.text), [part for a in outside for part in (a.content, a.continuation)])
    coverage = np.concatenate(([0], np.cumsum(covered, dtype=np.int64)))
    attributed = _char_mask(
        len(article.text),
        [part for a in article.attributions for part in (a.source, a.cue, a.content, a.continuation)],
    )
    for sentence in article.sentences:
        has_cue = bisect_left(cue_starts, sentence.start) < bisect_left(cue_starts, sentence.end)
        overlap = coverage[sentence.end] - coverage[sentence.start]
        if not has_cue and overlap < 0.5 * (sentence.end - sentence.start) and _long_enough(sentence.text):
            claims.append(_claim(doc, article, sentence.start, sentence.end, None, index))
        elif has_cue:
            claims += [
                _claim(doc, article, start, end, None, index)
                for start, end in _own_clauses(doc, sentence.start, sentence.end, attributed)
            ]
    claims += _subordinate_claims(doc, article, claims, index)
    claims += _unsupported_claims(doc, article, claims, index)
    _inherit_outer_certainty(claims, article.attributions)
    _deny_what_is_denied(doc, article, claims, index)
    _judge_what_is_judged(doc, article, claims)
    _apply_verdict_labels(article, claims)
    claims.sort(key=lambda c: c.start)
    return claims


def _long_enough(sentence: str) -> bool:
    """Four words make a claim (a byline or a heading makes none), or two in a question ("Actor dead?")."""
    words = len(sentence.split())
    return words >= 4 or words >= 2 and sentence.rstrip().rstrip("\"”’'").endswith("?")


def _infinitive_claim(doc: Doc, article: Article, number: int, index: _Index) -> Claim:
    """The claim of an attribution whose content is an infinitive ("The port authority plans [to sell the ferry terminal]"): the
    content alone says nothing without its subject, so the claim spans the source, the cue and the content. The
    writer states that the source intends, vows or plans it (asserted), unless the cue says how firmly ("claims
    to", "is believed to": the cue's own certainty, and "is reported to", "is said to", hedges like "reportedly") or
    is passive otherwise (reported)."""
    attribution = article.attributions[number]
    source = attribution.source
    spans = [attribution.cue, attribution.content] + ([source] if source is not None else [])
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    claim = _claim(doc, article, start, end, number, index)
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    if claim.certainty == "reported" and cue is not None and not _passive(cue):
        claim.certainty = "asserted"
    return claim


def _token_at(doc: Doc, start: int) -> Token | None:
    """The token the character at ``start`` belongs to."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _infinitive(doc: Doc, start: int) -> bool:
    """Whether the text at ``start`` opens an infinitive ("to sell ...")."""
    token = _token_at(doc, start)
    return token is not None and token.tag_ == "TO"


def _char_mask(length: int, spans: list[TextSpan | None]) -> np.ndarray:
    """A mask over a text's characters (and one past its end) of those inside any of the spans given."""
    mask = np.zeros(length + 1, dtype=bool)
    for span in spans:
        if span is not None:
            mask[span.start : span.end] = True
    return mask


def _own_clauses(doc: Doc, start: int, end: int, attributed: np.ndarray) -> list[tuple[int, int]]:
    """The clauses of a sentence with a reporting cue that the outlet states itself: "[The council closed the
    bridge on Friday] after engineers said ...", "The mayor said X, and [the council closed it]". A clause is the
    main verb or one coordinated with it, outside every attribution, without the phrases that hold one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    root = span.root
    found = []
    # a clause before the reporting verb that is not what it reports is the outlet's too (a run-on sentence the
    # parser hung off the verb: "X is popular with some voters; Y stressed that Z")
    before = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
    for head in (root, *(t for t in root.conjuncts if t.i > root.i), *before):
        if head.pos_ not in {"VERB", "AUX"} or attributed[head.idx]:
            continue
        # the head's phrases as token ranges, without coordinated clauses and phrases that hold an attribution
        ranges = [(head.i, head.i + 1)]
        for child in head.children:
            first, last = child.left_edge, child.right_edge
            if child.dep_ in {"conj", "cc"} or attributed[first.idx : last.idx + len(last)].any():
                continue
            ranges.append((first.i, last.i + 1))
        ranges.sort()
        # one unbroken stretch around the verb
        at = ranges.index((head.i, head.i + 1))
        low, high = ranges[at]
        for r_start, r_end in reversed(ranges[:at]):
            if r_end != low:
                break
            low = r_start
        for r_start, r_end in ranges[at + 1 :]:
            if r_start != high:
                break
            high = r_end
        while low < high and (doc[low].is_punct or doc[low].dep_ == "cc"):
            low += 1
        while high > low and doc[high - 1].is_punct:
            high -= 1
        words = sum(not doc[i].is_punct for i in range(low, high))
        first_char, end_char = doc[low].idx, doc[high - 1].idx + len(doc[high - 1])
        if words >= 4 and not attributed[first_char:end_char].any():
            found.append((first_char, end_char))
    return found


def _in_a_modifier(doc: Doc, start: int) -> bool:
    """Whether the word at ``start`` is in a relative clause or a participle that modifies a noun: its clause is
    not what the sentence is about."""
    token = _token_at(doc, start)
    return token is not None and any(t.dep_ in {"relcl", "acl"} for t in (token, *token.ancestors))


def _noun_before_its_clause(doc: Doc, attribution: Attribution) -> bool:
    """An attribution by a noun of saying ("allegations [that ...]"), not a reporting verb the tagger took for a
    noun at a headline's end ("..., report claims")."""
    token = _token_at(doc, attribution.cue.start)
    return token is not None and token.pos_ == "NOUN" and attribution.content.start > attribution.cue.start


def _inherit_outer_certainty(claims: list[Claim], attributions: list[Attribution]) -> None:
    """What a source "claimed" someone said is no firmer than the claim it is reported in, and what a source "said"
    someone did is reported, not the outlet's assertion ("a source said [Putin threatened [to down the jets]]"):
    a claim asserted through its own cue (an intent, "confirmed") is the outlet's only when the outlet itself says it."""
    by_attribution = claims_of_attributions(claims)
    for claim in claims:
        seen: set[int] = set()
        index = claim.attribution
        while index is not None and attributions[index].via is not None and index not in seen:
            seen.add(index)
            index = attributions[index].via
            outer = by_attribution.get(index)
            if outer is not None and _RANK[outer.certainty] > _RANK[claim.certainty] and outer.certainty in {"hedged", "reported"}:
                claim.certainty = outer.certainty


def verdict_of(label: str) -> str | None:
    """The certainty a label before a colon gives what follows it, when the label is a fact-check's verdict
    ("FALSE:", "Fake-News:", "HOAX:"), else None."""
    words = " ".join(label.replace("-", " ").lower().split())
    return table("verdicts.tsv").get(words)


def _verdict_word(words: str) -> str | None:
    """The certainty that words judging a report or clause give it ("false", "not true", "misleading", "a hoax"):
    a fact-check's verdict (``verdicts.tsv``), else a denial of the lexicon ("baseless", "untrue")."""
    return verdict_of(words) or ("denied" if table("hedges.tsv").get(words) == "denied" else None)


def _apply_verdict_labels(article: Article, claims: list[Claim]) -> None:
    """A verdict label before a colon ("HOAX: TV show tricks ...", "Fake-News: ...") sets the certainty of what
    follows it: the rest of its sentence, or the next sentence when the label stands alone."""
    sentences = article.sentences
    for number, sentence in enumerate(sentences):
        label, colon, rest = sentence.text.partition(":")
        verdict = verdict_of(label) if colon and len(label.split()) <= 3 else None
        if verdict is None:
            continue
        start = sentence.start + len(label) + 1
        end = sentence.end if rest.strip() or number + 1 == len(sentences) else sentences[number + 1].end
        word = article.span(sentence.start + len(label) - len(label.lstrip()), sentence.start + len(label.rstrip()))
        for claim in claims:
            if claim.start < end and claim.end > start and _RANK[verdict] > _RANK[claim.certainty]:  # type: ignore[index]
                claim.certainty = verdict  # type: ignore[assignment]
                claim.hedges = [word, *claim.hedges]


def _deny_what_is_denied(doc: Doc, article: Article, claims: list[Claim], index: _Index) -> None:
    """What a report or an allegation says is denied when the report itself is denied ("The ministry denied
    reports [that it had lost the files]", "The studio quashed rumors [that ...]"): the claim carries the denial
    with its own cue."""
    attributions = article.attributions
    denials = [
        (a.content, article.span(s, e))
        for a in attributions
        for s, e, stance in index.hedges.within(a.cue.start, a.cue.end)
        if stance == "denied"
    ]
    for claim in claims:
        if claim.attribution is None or claim.certainty == "denied":
            continue
        cue = attributions[claim.attribution].cue
        denial = next((d for content, d in denials if content.start <= cue.start and claim.end <= content.end), None)
        noun = _token_at(doc, cue.start) if denial is None else None
        if noun is not None and noun.pos_ == "NOUN" and noun.head.i != noun.i:
            # the verb the noun of saying is the object of: "quashed [rumors] that ..."
            head = noun.head
            found = index.hedges.within(head.idx, head.idx + len(head))
            denial = next((article.span(s, e) for s, e, stance in found if stance == "denied"), None)
        if denial is not None:
            claim.certainty = "denied"
            claim.hedges = sorted([*claim.hedges, denial], key=lambda h: h.start)


#: Adjectives that call a report false only before its noun ("erroneous reports that ..."): elsewhere they
#: describe, and deny nothing ("Erroneous information spreads fast" asserts that it does).
_FALSE_REPORT_ADJECTIVES = frozenset({"erroneous", "phony", "spurious", "mistaken"})


def _verdict_on(noun: Token) -> tuple[Token, str] | None:
    """The word by which the writer judges a report or claim false or doubtful, and the certainty it gives: an
    adjective before the noun ("bogus reports", "false claims", "unconfirmed reports") or what the sentence says of
    it ("The claim ... is false", "... was a hoax", "... was fabricated"). Words are a fact-check's verdicts
    (``verdicts.tsv``) and the lexicon's denials."""
    candidates = [c for c in noun.children if c.dep_ == "amod" and c.i < noun.i]
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "contrary":
        return head.head, "denied"  # "Contrary to claims that ...": the writer says otherwise
    if (noun.dep_ == "nsubj" and head.lemma_ == "be") or noun.dep_ == "nsubjpass":
        # "... is false", "... was a hoax", "... was fabricated"; not "... is not false"
        if any(c.dep_ == "neg" for c in head.children):
            return None
        candidates += [c for c in head.children if c.dep_ in {"acomp", "attr"} and c.i > head.i]
        if noun.dep_ == "nsubjpass":
            candidates.append(head)
    for word in candidates:
        if (stance := _verdict_word(word.lower_) or _verdict_word(word.lemma_.lower())) is not None:
            return word, stance
        if word.dep_ == "amod" and word.lower_ in _FALSE_REPORT_ADJECTIVES:
            return word, "denied"
    return None


def _judge_what_is_judged(doc: Doc, article: Article, claims: list[Claim]) -> None:
    """What a report, claim or rumor says takes the writer's verdict on it ("Bogus reports [that the dam failed]",
    "The claim [that the dam failed] is false": denied; "unconfirmed reports [that ...]": hedged), with the
    verdict's word as its cue."""
    attributions = article.attributions
    for claim in claims:
        if claim.attribution is None:
            continue
        noun = _token_at(doc, attributions[claim.attribution].cue.start)
        if noun is None or noun.pos_ != "NOUN" or (found := _verdict_on(noun)) is None:
            continue
        word, stance = found
        if _RANK[stance] > _RANK[claim.certainty]:  # type: ignore[index]
            claim.certainty = stance  # type: ignore[assignment]
            span = article.span(word.idx, word.idx + len(word))
            claim.hedges = sorted([*claim.hedges, span], key=lambda h: h.start)


def _chain(attributions: list[Attribution], index: int, outlet: str) -> list[str]:
    path, seen = [], set()
    while index is not None and index not in seen:
        seen.add(index)
        source = attributions[index].source
        step = source.name or source.text if source else "(unnamed)"
        if not path or path[-1] != step:  # "FALLIN: I think ...": Fallin reporting Fallin is one step
            path.append(step)
        if source is not None and source.through:
            path.append(source.through)  # "X's source": X stands between the outlet and the source
        index = reported_through(attributions, index)  # type: ignore[assignment]
    return [outlet, *reversed(path)]


#: Cues by which a source names where its own information comes from ("Reuters, citing two officials, said ...").
_CITING_CUES = frozenset({"cite", "cites", "cited", "citing", "quote", "quotes", "quoted", "quoting"})


def _cited_source(article: Article, attribution: Attribution) -> str | None:
    """What a citing source cites, when it is itself a source: a person or organization named in full ("citing
    Lopez", "quoting the ministry"), or words for a source ("citing two officials", "citing internal documents");
    "citing rising costs" is a reason, not a source."""
    if attribution.cue.text.lower() not in _CITING_CUES or attribution.source is None:
        return None
    content = attribution.content
    for entity in article.entities:
        if entity.kind in {"person", "organization"} and any(
            m.end == content.end and m.start >= content.start for m in entity.mentions
        ):
            return entity.name
    words = re.findall(r"[a-z]+", content.text.lower())
    if words and (words[-1] in table("source_nouns.tsv") or words[-1].removesuffix("s") in table("source_nouns.tsv")):
        return content.text
    return None


def _source_kind(attribution: Attribution) -> str:
    return attribution.source.kind if attribution.source else "unattributed"


def sourcing_profile(article: Article) -> SourcingProfile:
    """Counts by source kind, shares of attributed / anonymous / hedged claims, media relied on, source chains."""
    attributions = article.attributions
    by_kind = Counter(_source_kind(a) for a in attributions)
    claims = article.claims
    total = len(claims) or 1
    attributed = [c for c in claims if c.attribution is not None]
    anonymous = [c for c in attributed if _source_kind(attributions[c.attribution]) == "anonymous"]
    media = list(dict.fromkeys(a.source.name or a.source.text for a in attributions if a.source and a.source.kind == "media"))
    outlet = article.outlet or "(this article)"
    # Every attribution reported through another gives a chain, so a longer path never hides its prefix.
    chains = [
        _chain(attributions, i, outlet)
        for i, a in enumerate(attributions)
        if reported_through(attributions, i) is not None or (a.source is not None and a.source.through)
    ]
    # "The Gazette, citing two officials, reported ...": the officials stand behind the Gazette
    for i, a in enumerate(attributions):
        if (cited := _cited_source(article, a)) is not None:
            chains.append([*_chain(attributions, i, outlet), cited])
    unique = list(dict.fromkeys(tuple(chain) for chain in chains))  # one source named twice is one chain
    return SourcingProfile(
        by_kind=dict(by_kind),
        claims=len(claims),
        attributed_share=round(len(attributed) / total, 3),
        anonymous_share=round(len(anonymous) / total, 3),
        hedged_share=round(sum(c.certainty == "hedged" for c in claims) / total, 3),
        media=media,
        chains=[list(chain) for chain in unique],
    )
