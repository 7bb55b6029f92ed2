"""How an article names each actor: labels, the descriptors inside them, and a tone built from both.

The entity stage already found names, roles, demonyms and metonyms. This stage widens them into the noun phrases
the writer built around them, using the parse only:

- epithets: modifiers written before a name ("Syrian dictator [Bashar Assad]", "Iranian terror proxy [Hezbollah]");
- a demonym or seat of government modifying a state noun ("the [Tel Aviv] regime", "[Syrian] forces");
- appositions ("Hezbollah, the Lebanese resistance movement,") and copulas ("Assad is a brutal dictator");
- definite descriptions ("the regime", "the Jewish state", "The Lebanese resistance movement") linked to the
  entity the context makes clear: an identity adjective of one state (``resources/state_identities.tsv``), an
  earlier label with the same head noun, else the nearest earlier actor of a fitting kind. Those links are
  inferences and are marked ``coreference``.

Descriptors are the adjectives and nouns inside the labels, with a polarity from ``resources/loaded_terms.tsv``.
Tone is the mean polarity of an entity's descriptors and of the verbs it is subject or object of
(``resources/tone_verbs.tsv``), with those spans as its evidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.attrs import LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from ..model import Article, Descriptor, Entity, Label, LabelKind, Span, Tone
from ..resources import countries, rows, table, word_list
from .entities import RANK_WORDS
from .loaded import lexicon, polarity_of

__all__ = ["find_naming", "head_classes", "state_identities", "tone_verbs"]

_MENTION_LABEL: dict[str, LabelKind] = {
    "name": "name",
    "role_name": "role",
    "role": "role",
    "descriptor": "coreference",
    "demonym": "demonym",
    "metonym": "metonym",
}
_COPULAS = frozenset({"be", "remain", "become", "seem"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: State nouns that, as a modifier of another noun, mean "run by the state" ("state media"), not the state.
_MODIFIER_ONLY = frozenset({"state", "government", "power", "country", "nation"})
#: Longest label kept, in tokens: a longer phrase is a clause, not a way of naming.
_MAX_LABEL_TOKENS = 12
#: Heads that name an actor by its relation to another ("the enemy", "the foe"): the actor named nearest before is
#: as often the other side of the relation, so only an earlier label with the same head links them.
_RELATIONAL_HEADS = frozenset({"enemy", "foe", "adversary", "rival", "ally", "neighbor", "neighbour", "partner"})
#: How many sentences back a definite description may look for the actor it stands for.
_LOOKBACK_SENTENCES = 2


@lru_cache(maxsize=1)
def head_classes() -> dict[str, str]:
    """Head noun -> actor class (state, group, forces, person), from ``resources/naming_heads.tsv``."""
    return table("naming_heads.tsv")


@lru_cache(maxsize=1)
def _description_classes() -> dict[str, str]:
    """The heads a definite description may have: those of ``head_classes`` and a one-word title (``roles.txt``:
    "the former director"), which stands for a person only as an earlier label with that title agrees."""
    titles = {role: "person" for role in word_list("roles.txt") if role.isalpha()}
    return titles | head_classes()


@lru_cache(maxsize=1)
def _head_hashes() -> np.ndarray:
    return np.array([get_string_id(noun) for noun in _description_classes()], dtype=np.uint64)


@lru_cache(maxsize=1)
def state_identities() -> dict[str, str]:
    """Identity adjective -> country name ("jewish" -> Israel), from ``resources/state_identities.tsv``."""
    return table("state_identities.tsv")


@lru_cache(maxsize=1)
def tone_verbs() -> dict[str, tuple[float, float]]:
    """Verb lemma -> (polarity for its subject, polarity for its object), from ``resources/tone_verbs.tsv``."""
    return {verb: (float(subject), float(obj)) for verb, subject, obj in rows("tone_verbs.tsv", 3)}


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(country.name for country in countries())


@dataclass
class _Found:
    """A label under construction: token range, kind, head token and the tokens that describe the entity."""

    start: int
    end: int
    kind: LabelKind
    head: Token | None
    describing: list[Token] = field(default_factory=list)


@dataclass
class _Context:
    doc: Doc
    article: Article
    owner: dict[int, int]  # token index -> index of the entity with a mention there
    mention_kind: dict[int, str]  # token index -> kind of that mention
    sentence_of: list[int]  # token index -> number of its sentence (``Token.sent`` builds a span on each call)
    found: dict[int, list[_Found]]  # entity index -> labels found
    seen: set[tuple[int, int, int]] = field(default_factory=set)  # (entity, start, end) of those labels

    def add(self, entity: int, found: _Found) -> None:
        if found.end - found.start > _MAX_LABEL_TOKENS or found.end <= found.start:
            return
        if (entity, found.start, found.end) not in self.seen:
            self.seen.add((entity, found.start, found.end))
            self.found.setdefault(entity, []).append(found)

    def is_state(self, entity: int) -> bool:
        item = self.article.entities[entity]
        return item.kind == "place" and item.name in _country_names()

    def is_group(self, entity: int) -> bool:
        return self.article.entities[entity].kind in {"organization", "group"} and not self.is_state(entity)


def _describing(tokens: list[Token], owner: dict[int, int]) -> list[Token]:
    """Adjectives and nouns of a phrase that describe rather than name (names and demonyms left out), and not
    the words of a phrase after a preposition: in "minister for military affairs" or "ally of the brutal leader",
    "affairs" and "brutal" describe something else."""
    inside = {t.i for t in tokens}
    return [
        t
        for t in tokens
        if t.pos_ in {"ADJ", "NOUN"} and t.i not in owner and not t.is_punct and not _after_a_preposition(t, inside)
    ]


def _after_a_preposition(token: Token, inside: set[int]) -> bool:
    """Whether a word hangs, within the phrase, under a preposition (arcs leaving the phrase do not count: "the
    Russian military" may itself be the object of "between")."""
    current = token
    while current.head.i in inside and current.head.i != current.i:
        if current.dep_ in {"prep", "pobj", "pcomp"}:
            return True
        current = current.head
    return False


def _left_modifiers(head: Token) -> tuple[int, list[Token]]:
    """Where the noun phrase headed by ``head`` starts (its determiner included) and its words up to the head."""
    start = head.left_edge.i
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, list(doc[start : head.i + 1])


def _strip_leading_determiner(doc: Doc, start: int, end: int) -> int:
    while start < end and (doc[start].pos_ == "DET" and doc[start].lower_ not in _DEFINITE or doc[start].is_punct):
        start += 1
    return start


def _inside_possessor(token: Token, root: Token) -> bool:
    """True when ``token`` is, or hangs under, a possessor or case marker below ``root``."""
    current = token
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ in {"poss", "case"}:
            return True
        current = current.head
    return False


def _epithet(ctx: _Context, entity: int, span: TokenSpan) -> None:
    """Modifiers written before a name: "Syrian dictator Bashar Assad", "Iranian terror proxy Hezbollah"."""
    doc = span.doc
    root = span.root
    subtree = {t.i for t in root.subtree}
    start = span.start
    while start > 0:
        previous = doc[start - 1]
        word_hyphen = previous.text == "-" and not previous.whitespace_ and start >= 2 and not doc[start - 2].whitespace_
        if previous.i not in subtree or previous.is_space or previous.pos_ == "DET":
            break
        if previous.is_punct and not word_hyphen:  # "far-right" stays whole; a comma ends the phrase
            break
        if _inside_possessor(previous, root):
            break  # "Israel's Prime Minister X": a possessor, not a modifier
        if ctx.owner.get(previous.i, entity) != entity and ctx.mention_kind.get(previous.i) not in {"demonym", "metonym"}:
            break  # another actor's name: "Putin adviser X" is not an epithet of X
        start -= 1
    if start == span.start:
        return
    prefix = list(doc[start : span.start])
    describing = _describing(prefix, ctx.owner)
    if not any(t.pos_ == "NOUN" or polarity_of(t) for t in describing):
        return  # "southern Lebanon", "Russian President": a place or a role, not an epithet
    nouns = [t for t in describing if t.pos_ == "NOUN"]
    ctx.add(entity, _Found(start, span.end, "epithet", nouns[-1] if nouns else None, describing))


def _state_noun(ctx: _Context, entity: int, span: TokenSpan, kind: str) -> None:
    """A demonym or seat modifying a state noun: "the Tel Aviv regime", "Syrian forces", "the Iranian government"."""
    root = span.root
    head = root.head
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.pos_ == "NOUN" and following.dep_ == "compound" and following.head == head:
        head = following  # "Syrian regime sites": Syrian and regime both modify "sites"
    if root.dep_ not in {"compound", "amod", "nmod"} or head.i < root.i or head.pos_ != "NOUN":
        return
    if head_classes().get(head.lemma_.lower()) not in {"state", "forces"} or head.i in ctx.owner:
        return
    if head.dep_ == "compound" and head.lemma_.lower() in _MODIFIER_ONLY:
        return  # "Syrian state media": state-run, not the state
    start, words = _left_modifiers(head)
    if span.start < start:
        start = span.start
        words = list(doc[start : head.i + 1])
    label_kind: LabelKind = "metonym" if kind == "metonym" else "demonym" if kind == "demonym" else "epithet"
    ctx.add(entity, _Found(start, head.i + 1, label_kind, head, _describing(words, ctx.owner)))


def _describing_noun(token: Token) -> bool:
    """A common noun in words ("the group", "a top expert"), not a party tag, an initialism or a figure the parser
    took for one ("Ana Ruiz (R)", "Army: 40%")."""
    return token.pos_ == "NOUN" and token.is_alpha and not token.is_upper


def _apposition(ctx: _Context, entity: int, span: TokenSpan) -> None:
    """ "Hezbollah, the Lebanese resistance movement," and "the Lebanese group, Hezbollah," in both directions."""
    root = span.root
    doc = span.doc

    def closed(phrase_head: Token) -> bool:  # an apposition ends at a comma, a bracket or the sentence's end
        after = phrase_head.right_edge.i + 1
        return after >= len(doc) or doc[after].is_punct or doc[after].is_sent_start is True

    def set_off(first: int) -> bool:
        # an apposition starts after a comma, a bracket or a dash, not a colon; past spaces, quotation marks and a
        # word such as "then" or "herself" ("Ana Ruiz, then prime minister,")
        before = first - 1
        while before > 0 and (doc[before].is_space or doc[before].is_quote or doc[before].pos_ in {"ADV", "PRON"}):
            before -= 1
        return before >= 0 and doc[before].text in _APPOSITION_MARKS

    for child in root.children:
        if child.dep_ == "appos" and _describing_noun(child) and child.i not in ctx.owner and closed(child) and not _in_a_list(child):
            start, words = _left_modifiers(child)
            if not _holds_a_verb(words) and set_off(start):
                ctx.add(entity, _Found(start, child.i + 1, "appositive", child, _describing(words, ctx.owner)))
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "two close allies, Ruiz and Lee": the plural phrase names each of the list
    head = first.head
    if (
        first.dep_ == "appos"
        and _describing_noun(head)
        and head.i < span.start
        and head.i not in ctx.owner
        and (first is root or head.tag_ == "NNS")
    ):
        start, words = _left_modifiers(head)
        if not _holds_a_verb(words):
            ctx.add(entity, _Found(start, head.i + 1, "appositive", head, _describing(words, ctx.owner)))


#: What sets an apposition off from the name beside it ("Hezbollah, the Lebanese group", "the group (Hezbollah)").
_APPOSITION_MARKS = frozenset({",", "(", "-", "–", "—", "--"})


def _in_a_list(noun: Token) -> bool:
    """"from President Lopez, past presidents and party members": a plural that goes on with "and" is the next
    item of a list, not another name for the one before it ("Ana Ruiz, a consultant and party donor," is one)."""
    return noun.tag_ in {"NNS", "NNPS"} and any(c.dep_ in {"cc", "conj"} for c in noun.children)


def _holds_a_verb(words: list[Token]) -> bool:
    """A verb that modifies no noun in an apposition's words ("Ana Ruiz, Tom Lee join the defence team"): the
    parser read a clause as a noun phrase beside the name."""
    return any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "acl"} for t in words)


def _copula(ctx: _Context, entity: int, span: TokenSpan) -> None:
    """ "Assad is a brutal dictator", "Russia has remained a staunch ally of ...": the predicate noun phrase."""
    root = span.root
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return
    verb = root.head
    if verb.lemma_ not in _COPULAS or any(c.dep_ == "neg" for c in verb.children):
        return
    for attr in verb.children:
        if attr.dep_ != "attr" or attr.pos_ != "NOUN" or attr.i in ctx.owner:
            continue
        lemma = attr.lemma_.lower()
        entry = lexicon().get(lemma)
        if lemma not in head_classes() and not (entry and entry.category == "label"):
            continue  # "a red line": a predicate, not a name for the actor
        start, words = _left_modifiers(attr)
        end = attr.right_edge.i + 1 if attr.right_edge.i - start < _MAX_LABEL_TOKENS else attr.i + 1
        start = _strip_leading_determiner(ctx.doc, start, end)
        ctx.add(entity, _Found(start, end, "copula", attr, _describing(words, ctx.owner)))


def _mention_spans(ctx: _Context) -> list[tuple[int, TokenSpan, str]]:
    spans = []
    for index, entity in enumerate(ctx.article.entities):
        for mention in entity.mentions:
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append((index, span, mention.kind))
    return spans


def _resolve_description(ctx: _Context, head: Token, words: list[Token], actor: str) -> int | None:
    """The entity a definite description stands for, or None when the context does not make it clear."""
    entities = ctx.article.entities
    if actor == "state":
        for word in words:
            country = state_identities().get(word.lower_)
            if country:
                matches = [i for i, e in enumerate(entities) if e.name == country]
                return matches[0] if matches else None
    # "the Syrian regime": the demonym already ties it (a state-noun label); "the FBI director" is still the person
    # an earlier label calls so
    if actor in {"state", "forces"} and any(w.i in ctx.owner for w in words):
        return None
    lemma = head.lemma_.lower()
    earlier = [
        (f.head.i, entity, f)
        for entity, labels in ctx.found.items()
        for f in labels
        if f.head is not None and f.head.i < head.i and f.head.lemma_.lower() == lemma
    ]
    # "the former president" is the one called a former president before, not the president named last; "the
    # president" is not the one called vice president
    said = {w.lower_ for w in words if w.i != head.i}
    modifiers = {w.lower_ for w in words if w.pos_ == "ADJ" or w.dep_ == "compound"}

    def agrees(found: _Found) -> bool:
        label = ctx.doc[found.start : found.end]
        words = {t.lower_ for t in label}
        # "the secretary" is not the one called press secretary: a common noun compounded with the title makes it
        # another office ("the director" may still be the FBI director)
        office = {t.lower_ for t in label if t.dep_ == "compound" and t.head == found.head and t.pos_ == "NOUN"}
        return modifiers <= words and words & RANK_WORDS <= said and office <= said

    if actor == "person":
        return _person_described(ctx, head, {e[1] for e in earlier if agrees(e[2])})
    if earlier:  # a group's description is looser
        return max(earlier, key=lambda e: e[0])[1]
    if lemma in _RELATIONAL_HEADS:
        return None  # "Israel struck the enemy": the actor named nearest is the other side of the relation
    entry = lexicon().get(lemma)
    if not (actor == "group" or actor == "state" and entry is not None and entry.category == "label"):
        return None  # "the country" alone is too vague to link by nearness; "the regime" is a label, so it is
    # "the group that runs the SAT" is not the SAT: an actor its words after the head name is someone else ("the Tea
    # Party movement" is the Tea Party)
    named_within = {ctx.owner.get(t.i) for t in head.subtree if t.i > head.i} - {None}
    for i, entity in _named_before(ctx, head):
        if entity in named_within or ctx.mention_kind.get(i) == "demonym" or _bracketed(ctx.doc[i]):
            continue  # nor a wire's credit or a name's initials in brackets ("Salem (CNN)The group ...")
        if (actor == "state" and ctx.is_state(entity)) or (actor == "group" and ctx.is_group(entity)):
            return entity
    return None


def _named_before(ctx: _Context, head: Token) -> Iterator[tuple[int, int]]:
    """(token index, entity) of each word of an actor's mention before a description, nearest first, back to
    ``_LOOKBACK_SENTENCES`` sentences before it."""
    here = ctx.sentence_of[head.i]
    for i in range(head.i - 1, -1, -1):
        if here - ctx.sentence_of[i] > _LOOKBACK_SENTENCES:
            return
        if (entity := ctx.owner.get(i)) is not None:
            yield i, entity


#: Titles many hold at once: "the candidate" is one named in the last sentences, not the only one an article
#: called a candidate, while "the president" or "the judge" is the one it called so.
_MANY_HOLDERS = frozenset({
    "candidate", "nominee", "senator", "lawmaker", "legislator", "congressman", "congresswoman", "representative", "mp",
    "official", "officer", "aide", "adviser", "advisor", "deputy", "spokesman", "spokeswoman", "spokesperson",
    "reporter", "correspondent", "editor", "analyst", "researcher", "professor", "diplomat", "general", "colonel",
})


def _person_described(ctx: _Context, head: Token, titled: set[int]) -> int | None:
    """The one person an earlier label gives the description's title; of several, or for a title many hold, the
    one mentioned last, when that is within the last sentences. None for a description that picks out whoever
    fits it or says what someone is ("the candidate who wins", "with the best chance", "Ruiz is the candidate")."""
    if head.dep_ in {"attr", "oprd"} or head.dep_ == "pobj" and head.head.lower_ == "as":
        return None
    if any(c.dep_ in {"relcl", "acl", "prep"} and c.i > head.i for c in head.children):
        return None
    if len(titled) == 1 and head.lemma_.lower() not in _MANY_HOLDERS:
        return next(iter(titled))
    return next((entity for _, entity in _named_before(ctx, head) if entity in titled), None)


def _bracketed(token: Token) -> bool:
    """A word alone in brackets: "(CNN)", "(HSB)"."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"


def _descriptions(ctx: _Context) -> None:
    """Definite descriptions standing for an actor: "the regime", "the Jewish state", "the resistance movement"."""
    classes = _description_classes()
    labelled = {i for labels in ctx.found.values() for f in labels for i in range(f.start, f.end)}
    doc = ctx.doc
    if not len(doc):
        return
    lemmas = doc.to_array([LEMMA]).reshape(-1)
    candidates = np.flatnonzero(np.isin(lemmas, _head_hashes()))  # look only at the few head nouns, in C
    for i in candidates.tolist():
        token = doc[i]
        if token.pos_ != "NOUN" or token.i in ctx.owner or token.i in labelled:
            continue
        actor = classes.get(token.lemma_.lower())
        if actor is None or token.tag_ in {"NNS", "NNPS"} and actor != "forces":
            continue
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
            continue
        if any(c.dep_ in {"poss", "prep"} and c.i > token.i and c.lower_ == "of" for c in token.children):
            continue  # "the leader of X" names X's leader, not X
        if token.dep_ == "compound" or any(c.dep_ == "poss" for c in token.children):
            continue
        start, words = _left_modifiers(token)
        if any(w.pos_ == "PROPN" and w.i not in ctx.owner for w in words):
            continue
        if token.lemma_.lower() in _KIND_HEADS and any(_names_a_kind(w, ctx.owner) for w in words):
            continue  # "the civil rights movement", "the sanctions regime": a kind of movement or regime, not an actor
        entity = _resolve_description(ctx, token, words, actor)
        if entity is not None:
            ctx.add(entity, _Found(start, token.i + 1, "coreference", token, _describing(words, ctx.owner)))


#: Heads that a noun before them makes a kind or a system rather than one actor ("the labor movement", "the sanctions
#: regime", "the task force"); "the trade group" and "the state party" are still the group or party named before.
_KIND_HEADS = frozenset({"movement", "regime", "force"})


def _names_a_kind(word: Token, owner: dict[int, int]) -> bool:
    """A noun compounded with a description's head that says what kind of thing it is ("civil [rights] movement",
    "the [sanctions] regime", "the [school choice] movement"), so the description names no actor before it; not a
    name or demonym ("the Lebanese movement") nor a word the lexicon calls a label or loaded ("the resistance
    movement", "the terror regime")."""
    if word.pos_ != "NOUN" or word.dep_ != "compound" or word.i in owner:
        return False
    entry = lexicon().get(word.lower_) or lexicon().get(word.lemma_.lower())
    return entry is None or entry.category not in {"label", "loaded"}


def _mention_label(ctx: _Context, entity: int, span: TokenSpan, kind: str) -> None:
    label_kind = _MENTION_LABEL.get(kind, "name")
    head = None
    describing: list[Token] = []
    if kind in {"role_name", "role", "descriptor"}:
        # or the title's own word ("President" of "former President Ana Ruiz"), which a description may take up
        nouns = [t for t in span if t.pos_ == "NOUN" and t.i not in ctx.owner] or [
            t for t in span if t.lower_ in word_list("roles.txt")
        ]
        head = nouns[-1] if nouns else None
        describing = [t for t in _describing(list(span), {}) if t.ent_type_ == ""]
    start = span.start
    if kind == "descriptor" and start > 0 and ctx.doc[start - 1].lower_ in _DEFINITE:
        start -= 1
    ctx.add(entity, _Found(start, span.end, label_kind, head, describing))


def _tone(ctx: _Context, entity: int, descriptors: list[Descriptor]) -> Tone | None:
    """Mean polarity of the entity's descriptors and of the verbs it does or undergoes, with those spans."""
    evidence: list[Span] = [Span(start=d.start, end=d.end, text=d.text) for d in descriptors if d.polarity]
    scores = [d.polarity for d in descriptors if d.polarity]
    verbs = tone_verbs()
    roots = {f.head.i if f.head is not None and f.kind == "coreference" else f.end - 1 for f in ctx.found.get(entity, [])}
    seen: set[int] = set()
    for i in sorted(roots):
        token = ctx.doc[i]
        by_agent = token.dep_ == "pobj" and token.head.dep_ == "agent"  # "was attacked by X": X does it
        verb = token.head.head if by_agent else token.head
        if verb.pos_ != "VERB" or verb.i in seen or any(c.dep_ == "neg" for c in verb.children):
            continue
        polarities = verbs.get(verb.lemma_.lower())
        if polarities is None:
            continue
        as_subject, as_object = polarities
        if token.dep_ == "nsubj" or by_agent:
            polarity = as_subject
        elif token.dep_ in {"dobj", "nsubjpass"}:
            polarity = as_object
        else:
            continue
        if polarity:
            seen.add(verb.i)
            evidence.append(ctx.article.span(verb.idx, verb.idx + len(verb.text)))
            scores.append(polarity)
    if not scores:
        return None
    score = max(-1.0, min(1.0, sum(scores) / len(scores)))
    return Tone(score=round(score, 3), evidence=sorted(evidence, key=lambda s: s.start))


def _hyphenated(token: Token) -> tuple[int, int]:
    """The token range of the hyphenated word a token is part of ("far-right", "one-time", "ex-Navy"), which is
    one descriptor: its parts ("right", "time", "ex") describe nothing alone."""
    doc = token.doc
    start = end = token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_:
        end += 2
    return start, end + 1


def _polarity_of_word(word: TokenSpan) -> float:
    """The lexicon's polarity of a word, a hyphenated one as a whole ("far-right") or else by its strongest part."""
    if len(word) == 1:
        return polarity_of(word[0])
    entry = lexicon().get(word.text.lower())
    if entry is not None:
        return entry.polarity
    return max((polarity_of(t) for t in word if t.text != "-"), key=abs, default=0.0)


def _build(ctx: _Context, index: int, entity: Entity) -> None:
    labels, descriptors = [], {}
    text = ctx.article.text
    for found in sorted(ctx.found.get(index, []), key=lambda f: (ctx.doc[f.start].idx, f.end)):
        span = ctx.doc[found.start : found.end]
        polarities = []
        for start, end in dict.fromkeys(_hyphenated(token) for token in found.describing):
            word = ctx.doc[start:end]
            polarity = _polarity_of_word(word)
            if polarity:
                polarities.append(polarity)
            descriptors.setdefault(
                start,
                Descriptor(
                    start=word.start_char,
                    end=word.end_char,
                    text=word.text,
                    word=word.root.lemma_.lower() if len(word) == 1 else word.text.lower(),
                    polarity=polarity,
                ),
            )
        polarity = sum(polarities) / len(polarities) if polarities else 0.0
        labels.append(
            Label(
                start=span.start_char,
                end=span.end_char,
                text=text[span.start_char : span.end_char],
                kind=found.kind,
                head=found.head.lemma_.lower() if found.head is not None else None,
                polarity=round(polarity, 3),
            )
        )
    entity.labels = labels
    entity.descriptors = [descriptors[i] for i in sorted(descriptors)]
    entity.tone = _tone(ctx, index, entity.descriptors)


def find_naming(doc: Doc, article: Article) -> None:
    """Fill every entity's ``labels``, ``descriptors`` and ``tone`` (runs after the entity stage)."""
    ctx = _Context(doc, article, {}, {}, [0] * len(doc), {})
    for number, sent in enumerate(doc.sents):
        ctx.sentence_of[sent.start : sent.end] = [number] * len(sent)
    spans = _mention_spans(ctx)
    for index, span, kind in spans:
        for token in span:
            ctx.owner[token.i] = index
            ctx.mention_kind[token.i] = kind
    for index, span, kind in spans:
        _mention_label(ctx, index, span, kind)
        if kind in {"name", "metonym"}:
            _epithet(ctx, index, span)
        if kind in {"demonym", "metonym", "name"} and ctx.is_state(index):
            _state_noun(ctx, index, span, kind)
        _apposition(ctx, index, span)
        _copula(ctx, index, span)
    _descriptions(ctx)
    for index, entity in enumerate(article.entities):
        _build(ctx, index, entity)
