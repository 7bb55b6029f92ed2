"""Canonical entities: every way an article names one actor, gathered under one name with all its spans.

spaCy finds the names; this stage decides which are the same actor. "Russian President Vladimir Putin", "Putin"
and "the Russian leader" become one person with the role "Russian President"; "Russian" is a demonym of Russia;
"Moscow" acting as a subject ("Moscow has been backing...") is a metonym for Russia's government, while "headed
to Moscow" stays a place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..model import Entity, EntityKind, Mention, MentionKind
from ..resources import Country, countries, phrase_words, word_list
from .nlp import tokens_with

__all__ = [
    "ENTITY_KINDS", "GLUED_POSSESSIVE", "INITIALS", "INNER_POSSESSIVE", "RANK_WORDS", "abbreviates", "find_entities", "names_a_country",
]

#: Our entity kind for each spaCy NER label we keep.
ENTITY_KINDS: dict[str, EntityKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "PRODUCT": "product",
    "LAW": "law",
}
#: Heads of titles that name whoever leads a country, so "the Syrian leader" can stand for any of them.
_LEADER_HEADS = frozenset(
    ["president", "prime minister", "premier", "king", "queen", "emir", "sultan", "chancellor", "leader", "supreme leader", "dictator", "ruler", "strongman", "monarch", "autocrat", "despot", "tyrant"]
)
#: Dependency relations in which a capital acts as its government rather than being a place.
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "compound"})
#: Nouns that a seat of government modifies when it stands for the government ("the Tel Aviv regime").
_GOVERNMENT_NOUNS = frozenset(
    ["regime", "government", "administration", "authorities", "officials", "leadership", "cabinet", "establishment"]
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
#: A possessive inside a name's key ("ohio's supreme court"), which organizations' names may have or not.
INNER_POSSESSIVE = re.compile(r"(?<=\w)'s(?= )")


def _key(text: str) -> str:
    """Matching key: apostrophes unified, leading 'the' and trailing possessive dropped, case folded."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    text = _POSSESSIVE.sub("", text)
    if text.lower().startswith("the "):
        text = text[4:]
    return text.casefold().strip(" .,")


@dataclass
class _Lexicon:
    names: dict[str, Country]
    demonyms: dict[str, Country]
    seats: dict[str, Country]
    roles: frozenset[str]
    matcher_terms: list[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    names, demonyms, seats, terms = {}, {}, {}, []
    for country in countries():
        for name in (country.name, *country.aliases):
            names[_key(name)] = country
            terms.append(name)
        for demonym in country.demonyms:
            demonyms[_key(demonym)] = country
            terms.append(demonym)
        for seat in country.seats:
            seats[_key(seat)] = country
            terms.append(seat)
    return _Lexicon(names, demonyms, seats, word_list("roles.txt"), terms)


def names_a_country(text: str) -> bool:
    """Whether ``text`` is a country's name or other name ("USA", "the UK"), from ``countries.tsv``."""
    return _key(text) in _lexicon().names


@lru_cache(maxsize=4)
def _country_matcher(vocab: Vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    tokenizer_docs = [Doc(vocab, words=phrase_words(term)) for term in _lexicon().matcher_terms]
    matcher.add("COUNTRY", tokenizer_docs)
    return matcher


@lru_cache(maxsize=4)
def _title_matcher(vocab: Vocab) -> PhraseMatcher:
    """Finds one-word title nouns ("leader", "president") in C rather than by walking every token in Python."""
    words = sorted(w for w in _LEADER_HEADS | _lexicon().roles if " " not in w)
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("TITLE", [Doc(vocab, words=[w]) for w in words])
    return matcher


@dataclass
class _Cluster:
    name: str
    kind: EntityKind
    role: str | None = None
    affiliation: str | None = None  # the country a person's title ties them to
    title_head: str | None = None
    mentions: list[tuple[int, int, MentionKind]] = field(default_factory=list)
    votes: Counter[EntityKind] = field(default_factory=Counter)  # the model's labels; the majority wins


class _Builder:
    """Collects mentions into clusters; one per article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lexicon = _lexicon()
        self.clusters: list[_Cluster] = []
        self.by_key: dict[str, _Cluster] = {}
        self.taken: set[int] = set()  # token indices already inside a mention
        self.person_parts: dict[str, list[_Cluster]] = {}  # first or last name -> the people it may stand for
        # each entity the model found, with its words trimmed (``_trim``): read by several passes, made once
        self.ents = [(ent, _trim(ent)) for ent in doc.ents]
        self.titled = _titled_names(doc, self.ents)  # names after "Mr", "Dr": people whatever the named-entity model says

    def add(self, cluster: _Cluster, start: int, end: int, kind: MentionKind, claim_from: int | None = None) -> None:
        """Add a mention by token range [start, end).

        Only tokens from ``claim_from`` on are claimed, so an outer mention ("Israel's former minister ...
        Moshe Ya'alon", "the Syrian leader") leaves the names inside it free to be mentions of their own.
        """
        claimed = range(start if claim_from is None else claim_from, end)
        if any(i in self.taken for i in claimed):
            return
        self.taken.update(claimed)
        cluster.mentions.append((start, end, kind))

    def cluster(self, key: str, name: str, kind: EntityKind) -> _Cluster:
        found = self.by_key.get(key)
        if found is None:
            found = _Cluster(name=name, kind=kind)
            self.clusters.append(found)
            self.by_key[key] = found
        return found

    def country(self, country: Country) -> _Cluster:
        return self.cluster("country:" + country.name, country.name, "place")


def _trim(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive or punctuation from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    if span.label_ != "PERSON":  # a person's nickname may be quoted inside the name (Juan "Chico" Ruiz)
        # an opening quotation mark inside ends the name ("Dominion Voting Systems 'Categorically Denies'")
        end = next((t.i for t in doc[start + 1 : end] if t.is_quote and doc[t.i - 1].whitespace_ and not t.whitespace_), end)
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start < end < len(doc) and doc[end - 1].lower_ == "of" and doc[end].like_num:
        end += 1  # "Group of 20": the named-entity model leaves the figure out, as a number of its own
    return doc[start:end]


#: Word classes a person's name never starts with ("Said Okafor", "a Maria Lopez", "Top Mensah") or ends with
#: ("Mensah Wants"): the named-entity model's misreadings, mostly of quotes and title-case headlines.
_NOT_NAME_START = frozenset({"ADJ", "ADV", "AUX", "DET", "PART", "VERB"})
_NOT_NAME_END = frozenset({"AUX", "VERB"})
#: Courtesy titles the named-entity model may keep in a name, British style without a full stop ("Mrs Thatcher"):
#: left out, so that the name joins the person's other mentions ("Margaret Thatcher").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})
_HONORIFIC_FORMS = _HONORIFICS | {title + "." for title in _HONORIFICS}
#: Words that make a title another office or time ("vice president", "former minister"): a description of a person
#: by title ("the former president") is not one titled without them, nor one titled with them a description without.
RANK_WORDS = frozenset({
    "vice", "former", "deputy", "acting", "late", "ex", "past", "assistant", "interim", "outgoing", "incoming",
    "future", "then",
})
#: A possessive the tokenizer left on its word, typed with another apostrophe ("Mensah‘s", "Arabia‘s").
GLUED_POSSESSIVE = re.compile(r"(?<=\w)[’‘']s$")


def _trim_person(span: Span) -> Span:
    """A person's name without the words the named-entity model let in at its edges."""
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and (doc[start].pos_ in _NOT_NAME_START or doc[start].lower_.rstrip(".") in _HONORIFICS):
        start += 1
        if end - start > 1 and doc[start].text == ".":
            start += 1  # "Mrs . Thatcher", where the tokenizer split the full stop off
    while end - start > 1 and (doc[end - 1].pos_ in _NOT_NAME_END or _lower_word_after_name(doc[end - 1]) or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def _a_common_noun_alone(span: Span, roles: frozenset[str]) -> bool:
    """One word that is a title or a noun of a person's relation or occupation ("Lawyer", "Senator"): unless it is
    part of a name the article gives in full ("King" for "Steve King"), the named-entity model's misreading of a
    capitalized headline word."""
    return len(span) == 1 and (span[0].lower_ in roles or span[0].lower_ in word_list("people_nouns.txt"))


def _lower_word_after_name(word: Token) -> bool:
    """A word in lower case set apart after a name ("Mensah policy"), which no name ends with ("bin" and "de"
    come before a capital word); a part joined on by a hyphen ("Ki-moon", "Jong-un") is the name's own."""
    return word.is_lower and word.is_alpha and word.i > 0 and bool(word.doc[word.i - 1].whitespace_)


def _person_name(span: Span) -> str:
    """The name as written, without a possessive the tokenizer left on its last word ("Mensah‘s")."""
    return GLUED_POSSESSIVE.sub("", span.text)


def _acts_as_government(span: Span) -> bool:
    """True when a city name stands for its government: it acts, possesses, or modifies 'regime'."""
    root = span.root
    dep = root.dep_
    if dep == "compound":
        return root.head.lemma_.lower() in _GOVERNMENT_NOUNS
    if dep in _AGENT_DEPS:
        return True
    if dep == "conj":
        return _acts_as_government(span.doc[root.head.i : root.head.i + 1]) and root.head.ent_type_ != ""
    if dep == "pobj" and root.head.lower_ == "with":
        governor = root.head.head
        return governor.pos_ in {"VERB", "NOUN"} and governor.lemma_.lower() not in {"meeting", "visit", "trip"}
    if dep == "pobj" and root.head.lower_ == "by":
        return root.head.dep_ == "agent"
    return False


def _ends_a_title(token: Token) -> bool:
    """A word no title or epithet before a name reaches past: a verb (or a word after "to"), a conjunction, a comma
    or other stop (not the full stop of "Sen.", the hyphen of "far-right" or an apostrophe), a line break."""
    if token.pos_ in {"VERB", "AUX", "CCONJ", "SCONJ"} or token.is_space or "\n" in token.text or token.tag_ == "TO":
        return True
    if token.i and token.doc[token.i - 1].tag_ == "TO" and token.pos_ != "PROPN":
        return True  # "votes to impeach [President Lopez]": a verb after "to", whatever the tagger called it
    return token.is_punct and token.text not in {".", "-", "'", "’"}


def _modifier_prefix(name: Span, roles: frozenset[str] = frozenset()) -> Span | None:
    """Words before a name that modify it ("Syrian dictator [Bashar Assad]"), whether a role or a label.

    With ``roles``, a title noun the parser made the name an apposition of counts too ("former minister for
    military affairs Moshe Ya'alon").
    """
    doc = name.doc
    left = name.root.left_edge.i
    head = name.root.head
    start = name.start
    if roles and name.root.dep_ == "appos" and head.i < name.start and head.lower_ in roles:
        left = min(left, head.left_edge.i)
        start = head.i + 1  # the title's own words, then the comma of the apposition
    # only the words right before the name (or its title): a misparse can hang a whole clause on the name ("Instead,
    # the council backed ... and state Sen. [Tom Ellery]"), and no verb, conjunction or comma is part of a title
    while start > left and not _ends_a_title(doc[start - 1]):
        start -= 1
    left = start
    while left < name.start and doc[left].pos_ in {"DET", "PUNCT", "SPACE"}:
        left += 1
    return doc[left : name.start] if left < name.start else None


def _role_of(name: Span, roles: frozenset[str]) -> tuple[int, str, str] | None:
    """The title written before a name ("Israeli Prime Minister [Benjamin Netanyahu]"): (start token, text, head)."""
    prefix = _modifier_prefix(name, roles)
    if prefix is None or any(t.is_space or "\n" in t.text for t in prefix):
        return None
    words = [t.lower_ for t in prefix]
    for size in (2, 1):
        for i in range(len(words) - size, -1, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in roles:
                return prefix.start, prefix.text.rstrip(" ,"), phrase
    return None


def _affiliation(prefix: Span | None, lexicon: _Lexicon) -> str | None:
    if prefix is None:
        return None
    for token in prefix:
        key = _key(token.text)
        country = lexicon.demonyms.get(key) or lexicon.names.get(key)
        if country:
            return country.name
    return None


def _head_noun(prefix: Span | None) -> str | None:
    if prefix is None:
        return None
    nouns = [t for t in prefix if t.pos_ in {"NOUN", "PROPN"} and _key(t.text) not in _lexicon().names]
    return nouns[-1].lower_ if nouns else None


_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _surname(words: list[str]) -> str:
    """The last word of a full name that is not a generational suffix ("Robert Alvarez Jr." -> "alvarez")."""
    return next((word for word in reversed(words[1:]) if word.strip(",") not in _NAME_SUFFIXES), words[-1])


def _same_person(candidates: list[_Cluster], words: list[str]) -> _Cluster | None:
    """A shorter or variant full name ("Vladimir V. Putin" beside "Vladimir Putin") of one known person."""
    matches = [c for c in candidates if _key(c.name).split()[0] == words[0] or set(words) <= set(_key(c.name).split())]
    return matches[0] if len(matches) == 1 else None


def _out_of_a_title(span: Span, roles: frozenset[str]) -> Span:
    """A name without the last word of a title of two words the model ran into it ("First [Lady Ana Ruiz]")."""
    doc = span.doc
    if len(span) > 2 and span.start > 0 and f"{doc[span.start - 1].lower_} {span[0].lower_}" in roles:
        return doc[span.start + 1 : span.end]
    return span


_PROPER_NOUN = frozenset({"PROPN"})


def _names_again(doc: Doc, people: list[Span], roles: frozenset[str]) -> list[Span]:
    """Other places where the article writes a person's name as the model found it once ("Prince Harry" in the
    headline, missed in "Britain's Prince Harry" below): the same words are the same person, wherever the model
    saw no entity. A name of one word only where it follows a title ("Prince Harry"): alone, a capitalized word
    may be anything. (A surname standing alone, "Bradley said" beside "Tom Bradley", was found too at 19c4315:
    better on PolNeAR train, FNC train included, but FNC dev macro-F1 fell under its floor, so it was taken back.)"""
    patterns: dict[str, set[tuple[str, ...]]] = {}
    for span in people:
        patterns.setdefault(span[0].text, set()).add(tuple(t.text for t in span))
    taken = {i for span in people for i in range(span.start, span.end)} | {t.i for ent in doc.ents for t in ent}
    found = []
    for token in tokens_with(doc, "POS", _PROPER_NOUN):  # found on the arrays: walking every token costs more
        if token.i in taken:
            continue
        for words in patterns.get(token.text, ()):
            if len(words) == 1 and not _after_a_title(token, roles):
                continue
            end = token.i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[token.i : end]) == words and not taken.intersection(range(token.i, end)):
                found.append(doc[token.i : end])
                taken.update(range(token.i, end))
                break
    return found


def _after_a_title(token: Token, roles: frozenset[str]) -> bool:
    """Whether a capitalized title or courtesy title comes right before a word ("Prince Harry", "Mrs Lopez")."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.is_title and (before.lower_ in roles or before.lower_ in _HONORIFIC_FORMS)


def _person_spans(doc: Doc, builder: _Builder) -> None:
    """Persons: full names first, then single words linked to the one full name they are part of."""
    lexicon = builder.lexicon
    people = [_out_of_a_title(_trim_person(words), lexicon.roles) for ent, words in builder.ents if _is_person(ent, lexicon.roles)]
    people = [span for span in people if len(span)]
    people += _names_again(doc, people, lexicon.roles)
    named = {i for span in people for i in range(span.start, span.end)}
    people += [span for span in builder.titled if not any(i in named for i in range(span.start, span.end))]
    by_part = builder.person_parts
    for span in sorted(people, key=lambda s: -len(s)):
        role = _role_of(span, lexicon.roles)
        words = _key(span.text).split()  # by whitespace: "Mark-Viverito" is one word of a name, three tokens
        if len(words) >= 2:
            key = "person:" + " ".join(words)
            cluster = builder.by_key.get(key) or _same_person(by_part.get(_surname(words), []), words)
            if cluster is None:
                cluster = builder.cluster(key, _person_name(span), "person")
                for part in (words[0], _surname(words)):
                    if cluster not in by_part.setdefault(part, []):
                        by_part[part].append(cluster)
        else:
            candidates = by_part.get(words[0], [])
            if not candidates and _a_common_noun_alone(span, lexicon.roles):
                continue  # "Lawyer" in a headline's capitals, and no "Ana Lawyer" in the article
            if len(candidates) == 1:
                cluster = candidates[0]
            else:
                cluster = builder.cluster("person:" + words[0], _person_name(span), "person")
                if not candidates and (role is not None or _overlaps(span, builder.titled)):
                    # a person the article names by title and surname alone ("President Ruiz", "Mr Ellery"): the
                    # same word elsewhere, tagged as an organization or a place (a headline's "Ruiz closes ..."), is still this
                    # person (``_other_spans``). A surname alone the model called a person is no such evidence.
                    by_part[words[0]] = [cluster]
        prefix = _modifier_prefix(span)
        if cluster.affiliation is None:
            cluster.affiliation = _affiliation(prefix, lexicon)
        if cluster.title_head is None:
            cluster.title_head = role[2] if role else _head_noun(prefix)
        if role is not None:
            if cluster.role is None:
                cluster.role = role[1]
            builder.add(cluster, role[0], span.end, "role_name", claim_from=span.start)
        else:
            builder.add(cluster, span.start, span.end, "name")


def _titled_names(doc: Doc, ents: list[tuple[Span, Span]]) -> list[Span]:
    """Names right after a courtesy title ("Mr Farage", "Dr. Okafor"): a title marks a person, even where the
    named-entity model found no one there or took the name for an organization ("Dr Okafor") or a place. The name
    is the run of up to three capitalized proper nouns after the title (and its full stop)."""
    names = []
    for token in tokens_with(doc, "LOWER", _HONORIFIC_FORMS):
        if token.pos_ != "PROPN" or not token.is_title:
            continue
        start = token.i + 1
        if start < len(doc) and doc[start].text == ".":
            start += 1
        end = start
        while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end > start and doc[end - 1].lower_.rstrip(".") not in _HONORIFICS:
            names.append(doc[start:end])
    # The full name of someone a title names elsewhere ("Ewa Penhale ... Mr Penhale"), whatever the model called it
    surnames = {name[-1].lower_ for name in names}
    for ent, words in ents:
        if (
            ent.label_ != "PERSON"
            and 2 <= len(words) <= 3
            and words[-1].lower_ in surnames
            and all(t.pos_ == "PROPN" and t.is_title for t in words)
            and not _overlaps(words, names)
        ):
            names.append(words)
    return names


def _is_person(ent: Span, roles: frozenset[str]) -> bool:
    """A person's name: tagged so, or a two- or three-word name right after a title the model took for an
    organization ("Chancellor [Olaf Scholz]"), or after a noun of a person's relation or trade ("his girlfriend
    [Ana Ruiz]", "motorist [Tom Bradley]")."""
    if ent.label_ == "PERSON":
        return True
    before = ent.doc[ent.start - 1] if ent.start else None
    return (
        ent.label_ == "ORG"
        and before is not None
        and (before.lower_ in roles and before.is_title or before.lower_ in word_list("people_nouns.txt"))
        and 2 <= len(ent) <= 3
        and all(t.pos_ == "PROPN" and t.is_title for t in ent)
    )


def _other_spans(doc: Doc, builder: _Builder) -> None:
    lexicon = builder.lexicon
    parts = builder.person_parts
    for ent, span in builder.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None or _is_person(ent, lexicon.roles) or _overlaps(ent, builder.titled):
            continue
        if not len(span):
            continue
        key = _key(span.text)
        if key in lexicon.seats and ent.label_ in {"GPE", "LOC", "FAC", "ORG"} and _acts_as_government(span):
            builder.add(builder.country(lexicon.seats[key]), span.start, span.end, "metonym")
            continue
        country = lexicon.names.get(key)
        if country and ent.label_ in {"GPE", "LOC", "ORG", "NORP"}:
            builder.add(builder.country(country), span.start, span.end, "name")
            continue
        country = lexicon.demonyms.get(key)
        if country and ent.label_ in {"NORP", "GPE", "ORG"}:
            builder.add(builder.country(country), span.start, span.end, "demonym")
            continue
        if " " not in key and len(parts.get(key, [])) == 1:
            # A surname the model mislabels ("Ya'alon said" as ORG) is still that person.
            builder.add(parts[key][0], span.start, span.end, "name")
            continue
        # "Ohio's Supreme Court" and "the Ohio Supreme Court" are one body
        cluster = builder.cluster("name:" + INNER_POSSESSIVE.sub("", key), span.text, kind)
        cluster.votes[kind] += 1
        builder.add(cluster, span.start, span.end, "name")


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)


def _unlabelled_countries(doc: Doc, builder: _Builder) -> None:
    """Country names and demonyms the statistical model missed ("Russian" in a compound, say)."""
    lexicon = builder.lexicon
    for _, start, end in _country_matcher(doc.vocab)(doc):
        if any(i in builder.taken for i in range(start, end)) or doc[start].ent_type_ == "PERSON":
            continue
        span = doc[start:end]
        key = _key(span.text)
        if key in lexicon.names:
            builder.add(builder.country(lexicon.names[key]), start, end, "name")
        elif key in lexicon.demonyms:
            builder.add(builder.country(lexicon.demonyms[key]), start, end, "demonym")
        elif key in lexicon.seats and _acts_as_government(span):
            builder.add(builder.country(lexicon.seats[key]), start, end, "metonym")


def _descriptors(doc: Doc, builder: _Builder) -> None:
    """Link "the Russian leader" to the one Russian person whose title makes them its leader."""
    lexicon = builder.lexicon
    people = [c for c in builder.clusters if c.kind == "person" and c.affiliation]
    if not people:
        return
    for _, position, _ in _title_matcher(doc.vocab)(doc):
        token = doc[position]
        if token.i in builder.taken or token.pos_ != "NOUN":
            continue
        head = token.lower_
        if not any(child.lower_ == "the" and child.dep_ == "det" for child in token.children):
            continue
        modifiers = [child for child in token.children if child.dep_ in {"amod", "compound", "poss"} and child.i < token.i]
        countries_named = {
            (lexicon.demonyms.get(_key(m.text)) or lexicon.names.get(_key(m.text))) for m in modifiers
        } - {None}
        if len(countries_named) != 1:
            continue
        country = next(iter(countries_named)).name
        matches = [
            c
            for c in people
            if c.affiliation == country
            and c.title_head is not None
            and (c.title_head == head or (head == "leader" and c.title_head in _LEADER_HEADS))
        ]
        if len(matches) == 1:
            builder.add(matches[0], token.left_edge.i, token.i + 1, "descriptor", claim_from=token.i)


#: An organization's initials as written ("HSA", "NATO").
INITIALS = re.compile(r"[A-Z]{2,6}")


def abbreviates(short: str, name: str) -> bool:
    """Whether a word in capitals is the initials of a name ("HSA" of "Harbour Safety Authority and Pilotage",
    "FBI" of "Federal Bureau of Investigation"): its letters are the initials of the name's capitalized words in
    order, from the first, with at most one of those words left out ("and Pilotage"); a country's name before
    them is no part of them ("U.K. Harbour Safety ...")."""
    if not INITIALS.fullmatch(short):
        return False
    words = name.split()
    if len(words) > 2 and names_a_country(words[0]) and not short.startswith(words[0][0]):
        words = words[1:]
    initials = [word[0] for word in words if word[:1].isupper()]
    if len(initials) < 2 or initials[0] != short[0] or len(initials) > len(short) + 1:
        return False
    letters = iter(initials)
    return all(letter in letters for letter in short)  # each letter found in order, skipping at most one word


def _kind(cluster: _Cluster) -> EntityKind:
    """The kind most of the model's labels give an entity, else the kind it was made with."""
    return cluster.votes.most_common(1)[0][0] if cluster.votes else cluster.kind


def _merge_acronyms(clusters: list[_Cluster]) -> None:
    """Put an organization's initials ("HSA") into the one organization in the article they abbreviate ("the
    Harbour Safety Authority"): one actor, not two. Initials that fit two names stay apart."""
    organizations = [c for c in clusters if c.mentions and _kind(c) == "organization"]
    for short in organizations:
        if not INITIALS.fullmatch(short.name):
            continue
        full = [c for c in organizations if c is not short and " " in c.name and abbreviates(short.name, c.name)]
        if len(full) == 1:
            full[0].mentions.extend(short.mentions)
            full[0].votes.update(short.votes)
            short.mentions = []


def find_entities(doc: Doc) -> list[Entity]:
    """Canonical entities of one parsed article, each with every mention span, in order of first mention."""
    builder = _Builder(doc)
    _person_spans(doc, builder)
    _other_spans(doc, builder)
    _unlabelled_countries(doc, builder)
    _descriptors(doc, builder)
    _merge_acronyms(builder.clusters)
    entities = []
    clusters = sorted((c for c in builder.clusters if c.mentions), key=lambda c: min(m[0] for m in c.mentions))
    for number, cluster in enumerate(clusters, start=1):
        mentions = []
        for start, end, kind in sorted(cluster.mentions):
            span = doc[start:end]
            mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text, kind=kind))
        entities.append(Entity(id=f"e{number}", name=cluster.name, kind=_kind(cluster), role=cluster.role, mentions=mentions))
    return entities
