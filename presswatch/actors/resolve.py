"""Resolve actor mentions of one parsed document into entities with actor codes (DESIGN.md, Pipeline).

Mentions come from the named entities (the knowledge-base ruler runs ahead of the statistical NER),
from noun phrases headed by office roles ("the Russian leader", "the President of Kazakhstan"),
commentator nouns ("the expert") and sector agents ("the Azerbaijani military"), and from
third-person pronouns.  They are clustered in text order: names by knowledge-base identity or
surname, roles by country, role and the article's published date, pronouns to the nearest
compatible person.  Unknown stays unknown: an Actor field is None unless the text or the knowledge
base says it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from presswatch.actors import rules
from presswatch.actors.knowledge import (
    TYPO_AGENT_LENGTH,
    TYPO_PLACE_LENGTH,
    KnowledgeBase,
    Office,
    Person,
    Place,
    name_key,
)
from presswatch.places.gazetteer import alias_key, packaged_gazetteer
from presswatch.records import Actor, Document, Entity, make_span

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
LOCALITY_LABELS = frozenset({"GPE", "LOC", "FAC"})  # entities the gazetteer may place
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Bullets, quotes and articles before a name ("• Collective forces" -> "Collective forces").
LEADING_NOISE = re.compile(r"^(?:[^\w]+|the\s+|The\s+)+")


@dataclass
class _Cluster:
    """Working state of one entity while the document is read (private, never returned)."""

    key: str
    type: str
    name: str
    person: Person | None = None
    is_person: bool = False
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    title_countries: set[str] = field(default_factory=set)
    former: bool = False
    title_sector: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    last: int = -1
    last_sent: int = -1


def published_day(document: Document) -> str | None:
    """The ISO day the article was published, or None."""
    if document.published and ISO_DAY.match(document.published):
        return document.published[:10]
    return None


def singular(phrase: str) -> str:
    """The phrase with a regular plural last word made singular ("rebels" -> "rebel", "militias" ->
    "militia", "militiamen" -> "militiaman"); capitalized words keep their plural as their lemma."""
    for plural, one in (("ies", "y"), ("men", "man"), ("sses", "ss"), ("s", "")):
        if phrase.endswith(plural) and len(phrase) > len(plural) + 2:
            return phrase[: -len(plural)] + one
    return phrase


def phrase_of(tokens: list[Token]) -> str:
    """Lower-case lemma phrase of tokens, keeping the text's spacing ("pro-western opposition")."""
    return "".join(t.lemma_.lower() + (" " if t.whitespace_ else "") for t in tokens).strip()


def names_bloc(token: Token, kind: str, agents: dict[str, str]) -> bool:
    """True if a region word names its bloc of states: "the West" heading its own phrase, "Western"
    before an agent noun or a noun of states ("Western governments", "Western nations"); not a
    direction or part of a place name ("West of the river", "the West Bank", "western Ukraine", "the
    western province")."""
    if kind == "adjective":
        head = token.head.lemma_.lower()
        part_of = any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
                      for c in token.head.children)  # "the western state of Gujarat"
        return token.dep_ == "amod" and token.head.pos_ == "NOUN" and head not in rules.PLACE_NOUNS \
            and (head in agents or head in rules.BLOC_HEADS) and not part_of
    return token.is_title and token.dep_ != "compound" \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def default_office(offices: tuple[Office, ...]) -> Office | None:
    """The one undated office among dated ones: a Phoenix person's code for any day outside the dated
    ranges ("[ISRELI 460101-010307] [ISRGOV 010307-060414] [ISRELI]": ELI), so also for a text
    without a date where nothing else picks an office."""
    undated = [o for o in offices if o.start is None and o.end is None]
    return undated[0] if len(undated) == 1 and len(undated) < len(offices) else None


class Resolver:
    """Turns one parsed document into entities; holds only the knowledge base."""

    def __init__(self, kb: KnowledgeBase, known_words: frozenset[str] | None = None) -> None:
        self.kb = kb
        # the language's own word list (lower case): a word in it is no misspelling; without one,
        # misspelled names and agent nouns are not read at all
        self.known_words = known_words

    # ------------------------------------------------------------------ knowledge helpers
    def agent_sector(self, tokens: list[Token]) -> tuple[str | None, str | None]:
        """(sector, phrase) of the longest agent phrase ending at the last token, or (None, None)."""
        for start in range(len(tokens)):
            phrase = phrase_of(tokens[start:])
            for candidate in (phrase, " ".join(t.text.lower() for t in tokens[start:]), singular(phrase)):
                if candidate in self.kb.agents:
                    return self.kb.agents[candidate], candidate
        agent = self.misspelled_agent(tokens[-1]) if tokens else None
        return (self.kb.agents[agent], agent) if agent is not None else (None, None)

    def misspelled_agent(self, token: Token) -> str | None:
        """The agent noun a lower-case noun misspells ("peackeepers": "peacekeeper"): not a word of
        the language, one typo from exactly one one-word agent noun of 8 letters or more."""
        if self.known_words is None or len(token) < TYPO_AGENT_LENGTH or token.pos_ != "NOUN" or not token.is_lower:
            return None
        forms = {token.lower_, token.lemma_.lower(), singular(token.lower_)}
        if forms & self.known_words or any(form in self.kb.agents for form in forms):
            return None
        return self.kb.agent_spelled_like(singular(token.lower_))

    def misspelled_place(self, token: Token, ent: SpacySpan | None) -> Place | None:
        """The country, demonym or capital a capitalized word misspells ("Ethopian"): one word, not
        a word of the language nor a known name or person, one typo from exactly one such name."""
        if self.known_words is None or len(token) < TYPO_PLACE_LENGTH or not token.is_title \
                or (ent is not None and (len(ent) > 1 or ent.label_ == "PERSON")):
            return None
        key = name_key(token.text)
        if key in self.known_words or key in self.kb.named or key in self.kb.agents or self.kb.persons(token.text):
            return None
        return self.kb.place_spelled_like(token.text)

    def member_sector(self, root: Token, before: list[Token], of_object: Token | None) -> tuple[str | None, str | None]:
        """The sector a group noun takes from whom it gathers: "opposition candidates", "the rebel
        group", "the Workers' Union", "the Union of Teachers" (None unless the head is such a noun)."""
        if root.lemma_.lower() not in rules.GROUP_HEADS:
            return None, None
        sector, agent = self.agent_sector(before) if before else (None, None)
        if (sector is None or sector in rules.NON_ACTOR_SECTORS) and of_object is not None:
            sector, agent = self.agent_sector([of_object])
        return (sector, agent) if sector not in rules.NON_ACTOR_SECTORS else (None, None)

    def token_place(self, token: Token, ent: SpacySpan | None) -> Place | None:
        """The place a token stands for, via its named entity `ent` when it has one; the first word of
        an organization named by a place and an agent noun ("Philippine Army", "Afghan Police"); a
        bloc's region word only where it names the bloc (`names_bloc`)."""
        place = self.known_place(token, ent)
        if place is not None and place.country in self.kb.regions and not names_bloc(token, place.kind, self.kb.agents):
            return None
        return place

    def known_place(self, token: Token, ent: SpacySpan | None) -> Place | None:
        if ent is not None and ent.label_ in NAMED_LABELS:
            place = self.kb.place(ent.text)
            if place is None and ent.label_ == "ORG" and token.i == ent.start and len(ent) > 1 \
                    and name_key(ent[1:].text) in self.kb.agents and name_key(ent.text) not in self.kb.named:
                return self.kb.place(token.text)
            return place if place is not None else self.misspelled_place(token, ent)
        return self.kb.place(token.text) or self.misspelled_place(token, ent)

    def gazetteer_country(self, text: str, countries: set[str]) -> str | None:
        """The country of a town, city or first-level subdivision the gazetteer knows and the
        knowledge base does not ("Nakuru", "West Kordofan State"), as the places stage reads it:
        one country among the candidates whose own name it is (not an old alias: "Flavia" is no
        name of Plovdiv here; cities of GAZETTEER_CITY_POPULATION or more, subdivisions;
        after a subdivision word, subdivisions only), or the one of them in `countries` (the
        countries the document names); None when the name is unknown or stays ambiguous."""
        words = text.split()
        subdivision = len(words) > 1 and words[-1].lower() in rules.SUBDIVISION_WORDS
        name = " ".join(words[:-1]) if subdivision else text
        if name_key(name) in rules.NOT_LOCALITIES:
            return None
        key = alias_key(name)
        candidates = {place.country for place in packaged_gazetteer().lookup(name)
                      if place.country and alias_key(place.name) == key and (place.kind == "admin1" or (
                          not subdivision and place.kind == "city" and place.population >= rules.GAZETTEER_CITY_POPULATION))}
        if len(candidates) > 1:
            candidates &= countries
        return candidates.pop() if len(candidates) == 1 else None

    # ------------------------------------------------------------------ entry point
    def __call__(self, document: Document, parsed: Doc) -> tuple[Entity, ...]:
        return _DocumentResolution(self, document, parsed).run()


class _DocumentResolution:
    """The resolution of one document (state lives here, not in the Resolver)."""

    def __init__(self, resolver: Resolver, document: Document, parsed: Doc) -> None:
        self.resolver = resolver
        self.kb = resolver.kb
        self.document = document
        self.doc = parsed
        self.day = published_day(document)
        self.clusters: dict[str, _Cluster] = {}
        self.sent_of: dict[int, int] = {}
        for number, sent in enumerate(parsed.sents):
            for token in sent:
                self.sent_of[token.i] = number
        self.consumed: set[int] = set()
        self.ents = tuple(parsed.ents)  # Doc.ents builds new spans on every access
        self.ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.places: dict[int, Place | None] = {}
        self.leader_country: dict[int, str] = {}
        self.owner_sector: dict[int, str] = {}
        self.modifier_names: dict[int, list[SpacySpan]] = {}
        self.group_at: dict[int, tuple[_Cluster, int, int]] = {}  # a group phrase's root -> (cluster, span)
        self.unknown_named_at: dict[int, _Cluster] = {}  # an unknown name's root -> its cluster
        self.named_countries: set[str] | None = None  # countries the document names (for `settled`)
        self.organizations: set[str] | None = None  # organizations the document names (`own_body`)
        self.own_bodies: dict[int, tuple[str | None, str] | None] = {}  # an entity's start -> `own_body`

    def token_place(self, token: Token) -> Place | None:
        """The place a token stands for (cached per token); none for a stance ("anti-Syria" writer,
        "pro-Russian" separatists: whom they are for or against, not where they are from) nor for a
        word of a state's own body (`own_body`)."""
        if token.i not in self.places:
            ent = self.ent_at.get(token.i)
            own = ent is not None and self.own_body(ent) is not None
            self.places[token.i] = None if own or self.stance(token) else self.settled(
                ent.text if ent is not None and ent.label_ in NAMED_LABELS else token.text,
                self.resolver.token_place(token, ent) or self.modifying_locality(token, ent))
        return self.places[token.i]

    def own_body(self, ent: SpacySpan) -> tuple[str | None, str] | None:
        """(country, sector) of a body the knowledge base ties to an organization or one state but
        which states also have, its name an agent noun phrase ("Security Council", the UN's; "National
        Security Council", the US's): a state's own where
        a state names it by a possessive, adjective or "of" object ("Armenia's Security Council",
        "the Security Council of Kazakhstan"), of no known state where the document does not name the
        organization; None for the organization's ("the UN Security Council", "the Security Council"
        where the text names the United Nations or its UNIFIL)."""
        if ent.start in self.own_bodies:  # cached; None while being read (a state phrase inside it)
            return self.own_bodies[ent.start]
        self.own_bodies[ent.start] = None
        self.own_bodies[ent.start] = self.read_own_body(ent)
        return self.own_bodies[ent.start]

    def read_own_body(self, ent: SpacySpan) -> tuple[str | None, str] | None:
        key = name_key(ent.text)
        place = self.kb.place(ent.text)
        organization = place.country if place is not None and place.kind == "org" else None
        sector = self.kb.agents.get(key)
        if sector is None or (organization is None and key not in self.kb.named):
            return None
        states = {p.country for p in map(self.token_place, self.state_modifiers(ent))
                  if p is not None and p.kind in rules.STATE_PLACE_KINDS}
        if len(states) == 1:
            return states.pop(), sector
        if organization is None or states or organization in self.named_organizations():
            return None
        return None, sector

    def named_organizations(self) -> set[str]:
        """Codes of the organizations the document names by a name of their own or of one of their
        bodies ("the United Nations", "UNIFIL"), not by a name states share ("Security Council")."""
        if self.organizations is None:
            names = [ent.text for ent in self.ents] + [t.text for t in self.doc if t.pos_ == "PROPN"]  # "MONUSCO" untagged
            self.organizations = {place.country for text in names if name_key(text) not in self.kb.agents
                                  and (place := self.kb.place(text)) is not None and place.kind == "org"}
            self.organizations |= {named[0] for text in names if name_key(text) not in self.kb.agents
                                   and (named := self.kb.named.get(name_key(text))) is not None and named[0]}
        return self.organizations

    def state_body(self, token: Token) -> bool:
        """True for a word of a body a state's name owns (`own_body`: "Armenia's Security Council")."""
        own = self.own_body(self.ent_at[token.i]) if token.i in self.ent_at else None
        return own is not None and own[0] is not None

    def state_modifiers(self, ent: SpacySpan) -> list[Token]:
        """The words outside a name that may say whose body it is: its possessive, adjective or
        compound modifiers and its "of" object."""
        found = [t for t in ent.root.children if t.dep_ in rules.PLACE_MODIFIER_DEPS and t.i < ent.start]
        of_object = self.of_object(ent.root)
        return found + ([of_object] if of_object is not None and of_object.i >= ent.end else [])

    def owner_span(self, token: Token) -> tuple[int, int]:
        """(start, end) of a state modifier's words: its name with its possessive "'s", not the
        phrases joined to it ("of Armenia and its allies": "Armenia")."""
        ent = self.ent_at.get(token.i)
        starts = [token.i] + [t.i for t in token.lefts if t.dep_ in ("det", "compound", "amod")]
        ends = [token.i + 1] + [c.i + 1 for c in token.rights if c.dep_ == "case"]
        if ent is not None:
            starts.append(ent.start)
            ends.append(ent.end)
        return min(starts), max(ends)

    def modifying_locality(self, token: Token, ent: SpacySpan | None) -> Place | None:
        """`locality` of a name that modifies a noun ("Eldoret traders", "the West Kordofan State
        authorities"); a place phrase of its own ("in X province") is left to the place-noun rules."""
        anchor = ent.root if ent is not None else token
        return self.locality(ent, token) if anchor.dep_ in rules.PLACE_MODIFIER_DEPS else None

    def locality(self, ent: SpacySpan | None, token: Token | None = None) -> Place | None:
        """A town or subdivision the gazetteer places in one country (`Resolver.gazetteer_country`),
        as kind "locality": a place entity, or an unlabeled capitalized word compounded with a noun
        that is no word of the language ("Eldoret traders"); it places the groups it modifies, never the sentence's other actors
        (not a `rules.CONTEXT_PLACE_KINDS`)."""
        anchor = ent.root if ent is not None else token
        if anchor is not None and anchor.head.lemma_.lower() in rules.SUBDIVISION_WORDS | rules.DESCRIBED_PLACE_NOUNS:
            return None  # "in X province": the place-noun rules read the phrase
        if ent is not None:
            if ent.label_ not in LOCALITY_LABELS or any(c.dep_ == "appos" for c in ent.root.children):
                return None  # "X, the interior minister": a person the tagger took for a place
            text = ent.text.strip()
        elif token is not None and token.is_title and token.dep_ == "compound" and token.head.pos_ == "NOUN" \
                and self.resolver.known_words is not None and token.lower_ not in self.resolver.known_words:
            text = token.text  # not a word of the language ("Police" is also a Polish town)
        else:
            return None
        if name_key(text) in self.kb.named or self.kb.persons(text):
            return None  # "Brookings" the institution, "Paris" a known person's name
        country = self.resolver.gazetteer_country(text, self.document_countries())
        return Place(country, "locality") if country is not None else None

    def document_countries(self) -> set[str]:
        """The countries the document names by a knowledge-base name (computed once)."""
        if self.named_countries is None:
            self.named_countries = {found.country for ent in self.ents if name_key(ent.text) not in self.kb.shared_names
                                    and (found := self.kb.place(ent.text)) is not None}
        return self.named_countries

    def settled(self, text: str, place: Place | None) -> Place | None:
        """A name two states share ("Congo", "Tripoli") is the one of them the document also names by
        a name of its own ("Brazzaville", "Lebanese"), else the knowledge base's first."""
        options = self.kb.shared_names.get(name_key(text)) if place is not None else None
        if not options:
            return place
        named = [option for option in options if option[0] in self.document_countries()]
        code, kind = named[0] if len(named) == 1 else options[0]
        return Place(code, kind)

    def stance(self, token: Token) -> bool:
        """True for a name after "anti-"/"pro-" (as one token, two or three, or inside its entity)."""
        ent = self.ent_at.get(token.i)
        first = ent.start if ent is not None else token.i
        before = "".join(t.lower_ for t in self.doc[max(0, first - 2):first])
        words = (ent.text if ent is not None else token.text).lower()
        return any(before.endswith(f"{prefix}-") or words.startswith(f"{prefix}-") for prefix in rules.STANCE_PREFIXES)

    # ------------------------------------------------------------------ main loop
    def run(self) -> tuple[Entity, ...]:
        if not self.document.text.strip():
            return ()
        candidates = self.chunk_candidates() + self.named_candidates() + self.pronoun_candidates()
        candidates.sort(key=lambda c: (c[0], c[1]))
        for start_token, end_token, handler, payload in candidates:
            handler(start_token, end_token, payload)
        return self.entities()

    def cluster(self, key: str, kind: str, name: str, **values: object) -> _Cluster:
        if key not in self.clusters:
            self.clusters[key] = _Cluster(key, kind, name, **values)  # type: ignore[arg-type]
        return self.clusters[key]

    def add(self, cluster: _Cluster, start_token: int, end_token: int) -> None:
        span = self.doc[start_token:end_token]
        cluster.spans.append((span.start_char, span.end_char))
        cluster.last = max(cluster.last, span.start_char)
        cluster.last_sent = max(cluster.last_sent, self.sent_of.get(start_token, 0))

    # ------------------------------------------------------------------ candidates
    def named_candidates(self) -> list[tuple]:
        found = []
        for ent in self.ents:
            if ent.label_ == "PERSON" or self.titled_person(ent):
                self.consumed.update(t.i for t in self.title_tokens(ent))
            if self.state_body(ent.root):  # "Armenia's" Security Council: read with the body
                self.consumed.update(i for t in self.state_modifiers(ent) for i in range(*self.owner_span(t)))
        for ent in self.ents:
            if ent.label_ not in NAMED_LABELS or not ent.text.strip():
                continue
            if not any(t.pos_ in ("VERB", "AUX") for t in ent.sent) and self.kb.place(ent.text) is None \
                    and not self.kb.persons(ent.text):
                continue  # a heading or caption line ("Border conflicts"): no actor without a verb
            if all(t.i in self.consumed for t in ent if t.pos_ != "DET") or self.object_modifier(ent):
                continue
            found.append((ent.start, ent.end, self.on_named, ent))
        return found

    def object_modifier(self, ent: SpacySpan) -> bool:
        """True for a name that only qualifies a thing ("European Union flags", "NATO membership",
        also as a conjunct: "Latvian and EU flags"), not a person or body ("EU officials") nor a
        named body ("the Iraq Relief Fund")."""
        token = ent.root
        while token.dep_ == "conj" and token.head.i not in range(ent.start, ent.end):
            token = token.head
        return token.dep_ in ("compound", "amod", "nmod") and token.head.i not in range(ent.start, ent.end) \
            and token.head.i > token.i and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in rules.OBJECT_NOUNS

    def pronoun_candidates(self) -> list[tuple]:
        """Pronouns, and proper nouns the NER missed that may repeat a surname ("Orlov added")."""
        found = [(t.i, t.i + 1, self.on_pronoun, t) for t in self.doc
                 if t.pos_ == "PRON" and t.lower_ in rules.PERSON_PRONOUNS]
        found += [(t.i, t.i + 1, self.on_bare_name, t) for t in self.doc
                  if t.pos_ == "PROPN" and not t.ent_type_ and t.is_title and t.i not in self.consumed]
        return found

    def on_bare_name(self, start: int, end: int, token: Token) -> None:
        cluster = self.surname_cluster(token.text)
        if cluster is not None and len(cluster.name.split()) > 1:
            self.add(cluster, start, end)

    def chunk_candidates(self) -> list[tuple]:
        found = []
        for chunk in self.noun_phrases():
            root = chunk.root
            if root.ent_type_ == "PERSON" or root.pos_ == "PRON" or root.i in self.consumed:
                continue  # a person, a pronoun, or the "of" object of a phrase already read
            if root.head.lower_ == "as" and root.dep_ == "pobj":
                continue  # a predicate ("recognized her as the president"), not a reference
            if self.topic(root):
                continue  # what is discussed ("talks on border security"), not who acts
            if any(t.ent_type_ == "PERSON" and not self.name_as_modifier(t, root) for t in chunk):
                continue
            if root.ent_type_ and (self.token_place(root) is not None or self.state_body(root)):
                continue  # a country, capital, organization or a state's own body: read by on_named
            if not root.ent_type_ and root.pos_ == "PROPN" and len(chunk) == 1 \
                    and (misspelled := self.misspelled_unlabeled(root)) is not None:
                found.append((root.i, root.i + 1, self.on_misspelled_place, (chunk, misspelled)))
                continue  # a misspelled country or capital the NER left unlabeled ("Ethopia said")
            named = self.named_phrase(chunk)
            if named is not None:
                found.append((*named, self.on_named_phrase, None))
                self.consumed.update(range(*named))
                continue
            missed = self.titled_unlabeled_name(root)
            if missed is not None:  # "wanted British militant Jonas Peter Wilde", no NER label
                found.append((missed.start, missed.end, self.on_missed_person, missed))
                self.consumed.update(t.i for t in chunk)
                continue
            body = [t for t in chunk if t.pos_ not in ("DET", "PRON", "PART") and t.dep_ != "case"]
            modifiers = [t for t in body if t.i != root.i and self.token_place(t) is not None]
            held = self.holder_modifiers(root) if len(chunk) == 1 else []
            if held:  # "Malian rebel-held towns": the rebels are Malian
                modifiers, body, chunk = held + modifiers, held + body, self.doc[held[0].i:chunk.end]
            body = [t for t in body if t.dep_ != "poss" or t in modifiers or t.i == root.i]
            words = [t for t in body if t not in modifiers and t.i >= (modifiers[-1].i + 1 if modifiers else 0)]
            if not words:
                continue
            end = chunk.end
            of_object = self.of_object(root)
            phrase_tokens = words
            if of_object is not None and root.lemma_.lower() in ("head", "secretary"):
                phrase_tokens = words + [t for t in self.doc[root.i + 1:of_object.i + 1]]
            places = [self.token_place(t) for t in modifiers]
            countries = [p.country for p in places if p is not None]
            countries += [self.leader_country[t.i] for t in chunk if t.i in self.leader_country]
            if not countries and root.lemma_.lower() in rules.LEADER_HEADS:
                countries += [c for t in chunk if t.dep_ == "compound" and t.pos_ == "PROPN"
                              and (c := self.leader_country_of(t.text)) is not None]  # "Clinton Administration"
            countries += self.named_modifier_countries(chunk, root)
            if of_object is not None:
                of_place = self.token_place(of_object)
                if of_place is None and root.lemma_.lower() in rules.DESCRIBED_PLACE_NOUNS:
                    of_place = self.locality(self.ent_at.get(of_object.i))  # "the town of X", X a gazetteer town
                if of_place is not None and of_place.kind in ("country", "org", "capital", "place", "locality"):
                    countries.append(of_place.country)
                    end = max(end, self.ent_end(of_object))
                elif phrase_of(phrase_tokens) in ("head of state", "head of government", "secretary of state"):
                    end = max(end, of_object.i + 1)
                elif root.lemma_.lower() in rules.COMMENTATOR_NOUNS:
                    end = max(end, self.subtree_end(of_object))
            if not countries and root.dep_ == "conj" and len(chunk) == 1:
                countries = self.shared_countries(root)
            if not countries and any(t.dep_ == "poss" and t.lower_ in rules.GROUP_POSSESSIVES for t in chunk):
                countries = self.subject_country(chunk.start)  # "Russia said its troops ..."
            if not countries:
                countries = self.appositive_group_country(root)  # "the rebel group, the M23, ..."
            if not countries:
                countries = self.loyal_country(root)  # "gunmen loyal to the Chadian president"
            located = self.located_at(root) if not countries and root.lemma_.lower() not in rules.FOREIGN_POSTS \
                else None
            if located is not None:  # "rebels in Darfur": the place belongs to the phrase
                countries.append(self.token_place(located).country)  # type: ignore[union-attr]
                end = max(end, self.subtree_end(located.head))
            countries = list(dict.fromkeys(countries))
            phrase = phrase_of(phrase_tokens)
            plural = root.tag_ in ("NNS", "NNPS")
            determiner = next((t.lower_ for t in chunk if t.dep_ == "det"), None)
            payload = {"chunk": chunk, "root": root, "countries": countries, "phrase": phrase,
                       "modifiers": modifiers, "end": end}
            office = self.office_phrase(phrase_tokens)
            if office and not plural and determiner not in ("a", "an"):
                payload["office"] = office
                found.append((chunk.start, end, self.on_role, payload))
                self.consumed.update(i for ent in self.modifier_names.get(root.i, ()) for i in range(ent.start, ent.end))
            elif (phrase in rules.COMMENTATOR_NOUNS or root.lemma_.lower() in rules.COMMENTATOR_NOUNS) \
                    and not plural and determiner == "the" and not countries:
                payload["phrase"] = root.lemma_.lower() if phrase not in rules.COMMENTATOR_NOUNS else phrase
                found.append((chunk.start, end, self.on_commentator, payload))
            else:
                begin = chunk.start
                if root.dep_ == "appos" and root.head.ent_type_ == "PERSON":
                    continue  # "Ivan Petrov, a farmer": describes the person, not a group
                if root.lemma_.lower() in rules.BLOC_HEADS and countries and set(countries) <= self.kb.regions:
                    found.append((begin, end, self.on_bloc, countries[0]))  # "Western nations": the bloc
                    self.consumed.update(i for t in modifiers if (ent := self.ent_at.get(t.i)) is not None
                                         for i in range(ent.start, ent.end))
                    continue
                sector, agent = self.resolver.agent_sector(words)
                around = [t for t in body if t not in modifiers]  # "official Syrian newspaper"
                if len(around) > len(words):  # past a place, only a phrase whose words may part
                    wider, wider_agent = self.resolver.agent_sector(around)  # not "illegal X immigrants"
                    if wider_agent in self.kb.gapped_agents and len(wider_agent.split()) > len((agent or "").split()):
                        sector, agent = wider, wider_agent
                if of_object is not None:  # "Chamber of Commerce", "the ministry of defence"
                    with_of, of_agent = self.resolver.agent_sector(words + list(self.doc[root.i + 1:of_object.i + 1]))
                    if with_of is not None and of_agent is not None and " of " in of_agent:
                        sector, agent = with_of, of_agent
                        end = max(end, of_object.i + 1)
                        whose = self.of_object(of_object)  # "the Ministry of Defence of Armenia"
                        whose_place = self.token_place(whose) if whose is not None else None
                        if whose_place is not None and not countries:
                            countries.append(whose_place.country)
                            end = max(end, self.ent_end(whose))
                if (sector is None or sector in rules.NON_ACTOR_SECTORS) and root.pos_ == "PROPN" \
                        and name_key(root.text) in self.kb.named:
                    named_country, sector = self.kb.named[name_key(root.text)]  # "the Belarusian FSB"
                    agent = root.lower_
                    if named_country and not countries:
                        countries.append(named_country)  # the payload holds this list
                if sector is None or sector in rules.NON_ACTOR_SECTORS:
                    before = [t for t in chunk if t.i < root.i and t.pos_ in ("NOUN", "PROPN", "ADJ")
                              and t not in modifiers]
                    sector, agent = self.resolver.member_sector(root, before, of_object)
                    if sector is None and countries and plural and root.ent_type_ == "NORP":
                        sector, agent = "CVL", "people"  # a people of a country ("Iraqi Kurds")
                    if sector is not None and of_object is not None:
                        end = max(end, self.subtree_end(of_object))
                        if not countries:  # "the office of the district's Palestinian mayors"
                            countries += [place.country for t in of_object.lefts if t.dep_ in ("amod", "compound", "poss")
                                          and (place := self.token_place(t)) is not None]
                if (sector is None or sector in rules.NON_ACTOR_SECTORS) and root.pos_ == "NOUN":
                    inner = self.agent_modifier(words, root)  # "an Afghan government offer"
                    if inner is not None:
                        sector, agent, end = inner
                        begin = next(t.i for t in chunk if t.pos_ != "DET")  # the article is the head's
                if (sector is None or sector in rules.NON_ACTOR_SECTORS) and root.pos_ == "NOUN":
                    inner = self.explosive_doer(words, root)  # "a roadside bomb killed two soldiers"
                    if inner is not None:
                        sector, agent, begin, end = inner
                if sector is None or sector in rules.NON_ACTOR_SECTORS \
                        or root.lemma_.lower() in rules.NON_ACTOR_HEADS:
                    continue
                if agent in rules.PLURAL_ONLY and not plural:
                    continue  # "Iran's position" (a stance, not troops)
                if agent in rules.NEEDS_MODIFIER and set(countries) <= rules.STATELESS_CODES and root.i in self.owner_sector:
                    sector = self.owner_sector[root.i]
                    payload["stateless"] = True  # no context country either
                elif agent in rules.NEEDS_MODIFIER and not countries and not self.counted(root, agent):
                    home = self.context_country(chunk.start) if agent in rules.HOME_AGENTS else None
                    if home is None:
                        continue  # "positions on trade", "officials said"
                    countries.append(home)
                if sector == "GOV" and any(t.lower_ in rules.FORMER for t in chunk):
                    sector = "ELI"
                if root.lemma_.lower() in rules.SPEAKER_NOUNS and not countries:
                    speaks_for = self.speaks_for(root)  # "a spokesman for the Taliban"
                    if speaks_for is not None and speaks_for[0] is not None:
                        countries.append(speaks_for[0])
                    if speaks_for is not None:
                        sector = speaks_for[1] or sector
                payload.update(sector=sector, agent=agent)
                described = next((self.ent_at[c.i] for c in root.children
                                  if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None) \
                    if not plural and root.lemma_.lower() not in rules.BODY_HEADS else None  # not "the newspaper X"
                if described is not None:  # "the Russian expert X", "a Kazakh analyst, X,": the person
                    payload["person"] = described
                found.append((begin, end, self.on_described_person if described else self.on_group, payload))
                if root.ent_type_ and self.token_place(root) is None:
                    self.consumed.update(t.i for t in words)  # an agent the NER took for a name
                for t in chunk:  # names inside the group's phrase ("Houthi rebels") are part of it
                    ent = self.ent_at.get(t.i)
                    if ent is not None and chunk.start <= ent.start and ent.end <= chunk.end \
                            and self.token_place(t) is None:
                        self.consumed.update(range(ent.start, ent.end))
            self.consumed.update(t.i for t in modifiers)
            if end > chunk.end:
                self.consumed.update(range(chunk.end, end))
        return found

    def noun_phrases(self) -> list[SpacySpan]:
        """One phrase per noun: the noun and its left modifiers ("the pro-Western opposition").

        spaCy's noun_chunks can swallow a subject into a following noun ("the pro-Western
        opposition staged rallies"); here a noun modifier (nmod) starts its own phrase.
        """
        phrases = []
        for token in self.doc:
            if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod"):
                continue
            members = {token.i}
            start = token.i
            while start > 0:
                left = self.doc[start - 1]
                if left.head.i not in members or not self.phrase_modifier(left):
                    left = self.modifier_ending_at(start - 1, members)
                    if left is None:
                        break
                    members.update(t.i for t in left.subtree)
                    start = left.left_edge.i
                    continue
                if left.is_punct and left.text not in ("-", "–"):
                    break
                members.add(left.i)
                start -= 1
            phrases.append(self.doc[start:token.i + 1])
        return phrases

    def topic(self, root: Token) -> bool:
        """True for a common-noun phrase after "on"/"about"/"over" that follows a noun of talks or
        agreements ("talks on border security", "a deal about prison guards"), also as a conjunct."""
        while root.dep_ == "conj":
            root = root.head
        preposition = root.head
        return root.dep_ == "pobj" and root.pos_ == "NOUN" and not root.ent_type_ \
            and preposition.lower_ in rules.TOPIC_PREPOSITIONS and preposition.head.pos_ == "NOUN" \
            and preposition.head.lemma_.lower() in rules.TOPIC_NOUNS

    def holder_modifiers(self, token: Token) -> list[Token]:
        """The places right before a holder of "-held"/"-controlled" that the parser hangs on the held
        noun: they are the holder's ("Malian rebel-held towns" are held by Malian rebels)."""
        participle, start = token.head, token.i
        if token.dep_ != "npadvmod" or participle.lemma_.lower() not in rules.HOLDING_PARTICIPLES \
                or token.i + 1 >= len(self.doc) \
                or self.doc[token.i + 1].text not in ("-", "–"):
            return []
        while start > 0 and self.doc[start - 1].head.i == participle.head.i \
                and self.doc[start - 1].dep_ in ("amod", "compound") and self.token_place(self.doc[start - 1]) is not None:
            start -= 1
        return list(self.doc[start:token.i])

    def phrase_modifier(self, token: Token) -> bool:
        """True for a left dependent that belongs to its noun's phrase; a noun modifier (nmod) only
        when it names a place ("U.S. and Russian negotiators"), likewise the leader of "X-led"."""
        if token.dep_ in rules.PHRASE_MODIFIER_DEPS:
            return True
        if token.dep_ == "npadvmod" and token.head.lemma_.lower() in rules.LEADING_PARTICIPLES:
            return self.token_place(token) is not None  # "Saudi-led": Saudi leads the coalition
        return token.dep_ == "nmod" and self.token_place(token) is not None

    def modifier_ending_at(self, i: int, members: set[int]) -> Token | None:
        """A phrase member's modifier whose subtree ends at token `i`, with all of it:
        "Polish and Czech" before "officials", "Kenya 's" before "government"."""
        for member in sorted(members):
            for child in self.doc[member].lefts:
                if self.phrase_modifier(child) and child.right_edge.i == i and child.i not in members \
                        and not any(t.is_punct and t.text not in ("-", "–", ",") for t in child.subtree):
                    return child
        return None

    def agent_modifier(self, words: list[Token], root: Token) -> tuple[str, str, int] | None:
        """(sector, agent, end token) of an agent noun compounded with a head that is no agent: the
        actor of "an Afghan government offer", "the army offensive", "a police raid" ends at the agent."""
        if len(words) < 2 or words[-1].i != root.i:
            return None
        last = words[-2]
        if last.dep_ != "compound" or last.head.i != root.i or last.pos_ != "NOUN":
            return None  # adjectives name a kind, not an actor: "military aid", "official talks"
        if last.i > 0 and self.doc[last.i - 1].text == "-":
            return None  # "anti-government protests" are not the government's
        sector, agent = self.resolver.agent_sector(words[:-1])
        if sector is None or sector in rules.NON_ACTOR_SECTORS or agent in rules.MODIFIER_NOT_AGENT:
            return None
        return sector, agent, last.i + 1

    def explosive_doer(self, words: list[Token], root: Token) -> tuple[str, str, int, int] | None:
        """(UAF, explosive, start and end token) of an explosive that does the harm: the subject of a
        verb with an object or the doer after "by" ("a truck bomb hit the convoy", "killed by a roadside
        bomb"), or the device of a force noun that happens ("died in a parcel bomb blast"); the hands
        behind it are unknown, CAMEO's unidentified armed forces.  Not a tool ("armed with bombs"), nor
        a device a named group owns or claims ("a Hamas-claimed bomb": the group is the actor)."""
        if not any(t.lemma_.lower() in rules.EXPLOSIVE_HEADS for t in words[-2:]) or any(
                name_key(self.ent_at[t.i].text) in self.kb.named for t in self.doc[root.left_edge.i:root.i]
                if t.i in self.ent_at):
            return None
        device = self.explosive(words)
        if device is not None:
            verb = root.head
            doer = (root.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children)) \
                or (root.dep_ == "pobj" and verb.dep_ == "agent")
        elif root.lemma_.lower() in rules.FORCE_LEMMAS and (device := self.explosive(words[:-1])) is not None:
            doer = device[-1].dep_ == "compound" and (root.dep_ in ("nsubj", "nsubjpass") or (
                root.dep_ == "pobj" and root.head.lower_ in ("in", "by")))
        return ("UAF", phrase_of(device), device[0].i, device[-1].i + 1) if device and doer else None

    def explosive(self, words: list[Token]) -> list[Token] | None:
        """The longest explosive noun ending the words ("a roadside bomb": "roadside bomb"), or None."""
        return next((words[-k:] for k in range(len(words), 0, -1) if phrase_of(words[-k:]) in rules.EXPLOSIVE_NOUNS), None)

    def counted(self, root: Token, agent: str | None) -> bool:
        """True for a counted agent of COUNTED_AGENTS: "18 people", "hundreds of people"."""
        if agent not in rules.COUNTED_AGENTS:
            return False
        if any(t.dep_ == "nummod" for t in root.children):
            return True
        head = root.head
        return root.dep_ == "pobj" and head.lower_ == "of" and (
            head.head.like_num or head.head.lower_ in rules.COUNT_NOUNS)

    def speaks_for(self, root: Token) -> tuple[str | None, str | None] | None:
        """(country, sector) of whom a spokesman speaks for ("for the Taliban", "for the Kremlin")."""
        for prep in root.rights:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for obj in prep.children:
                ent = self.ent_at.get(obj.i)
                text = ent.text if ent is not None else obj.text
                named = self.kb.named.get(name_key(text))
                if named is not None:
                    return named[0], named[1]
                place = self.token_place(obj)
                if place is not None:
                    return place.country, self.kb.org_sectors.get(place.country, "IGO") if place.kind == "org" else "GOV"
        return None

    def appositive_group_country(self, root: Token) -> list[str]:
        """The country of a named group in apposition to a noun ("the main rebel group, the Forces for
        the Defence of Democracy, ..."), as a list."""
        for child in root.children:
            ent = self.ent_at.get(child.i) if child.dep_ == "appos" else None
            named = self.kb.named.get(name_key(ent.text)) if ent is not None else None
            if named is not None and named[0] is not None:
                return [named[0]]
        return []

    def loyal_country(self, root: Token) -> list[str]:
        """The one country of whom a group is loyal to ("fighters loyal to the Libyan general X",
        "militias loyal to Chad's president"), from the names and demonyms of that phrase, as a list."""
        found = set()
        for adjective in root.rights:
            if adjective.dep_ not in ("amod", "acl") or adjective.lemma_.lower() not in rules.LOYALTY_WORDS:
                continue
            for prep in adjective.rights:
                if prep.dep_ != "prep" or prep.lower_ != "to":
                    continue
                for token in (t for obj in prep.children for t in obj.subtree):
                    if self.stance(token):
                        continue
                    place = self.token_place(token)
                    if place is not None and place.kind in rules.ACTOR_PLACE_KINDS:
                        found.add(place.country)
                    named = self.kb.named.get(name_key(token.text))
                    if place is None and named is not None and named[0] is not None:
                        found.add(named[0])
                    ent = self.ent_at.get(token.i)
                    if ent is not None and ent.label_ == "PERSON" and token.i == ent.root.i \
                            and (leader := self.leader_country_of(ent.text)) is not None:
                        found.add(leader)  # "troops loyal to Gbagbo"
        return list(found) if len(found) == 1 else []

    def subject_country(self, before: int) -> list[str]:
        """The country or organization of the nearest named subject earlier in the sentence, for a
        possessive "its"/"their" ("Russia said its troops", "NATO says its forces"), as a list."""
        sent = self.doc[before].sent
        for ent in reversed([e for e in self.ents if sent.start <= e.start and e.end <= before]):
            place = self.kb.place(ent.text)
            if place is not None and place.kind in ("country", "org", "capital", "seat") \
                    and ent.root.dep_ in rules.SUBJECT_DEPS:
                return [place.country]
        return self.people_subject_country(sent, before)

    def people_subject_country(self, sent: SpacySpan, before: int) -> list[str]:
        """The country of the nearest subject earlier in the sentence when a demonym modifies it or
        names it ("Iraqi Turkmen said their fighters": Iraq's, where they live; "Afghans say their
        families"), as a list."""
        subject = next((t for t in reversed(self.doc[sent.start:before]) if t.dep_ in rules.SUBJECT_DEPS), None)
        if subject is None or subject.pos_ == "PRON":
            return []
        for token in (*[t for t in subject.lefts if t.dep_ in ("amod", "compound")], subject):
            place = self.token_place(token)
            if place is not None and place.kind in rules.ACTOR_PLACE_KINDS and not self.stance(token):
                return [place.country]
        return []

    def shared_countries(self, root: Token) -> list[str]:
        """Countries a bare conjunct shares with the noun before it ("Danish media and government",
        not "the Danish government and the rebels")."""
        head = root.head
        places = [self.token_place(t) for t in head.lefts if t.dep_ in ("amod", "compound", "poss")]
        return [p.country for p in places if p is not None]

    def named_phrase(self, chunk: SpacySpan) -> tuple[int, int] | None:
        """(start, end) of a multi-word knowledge-base name the NER may split or miss: the proper-noun
        phrase, or it with its "of" object ("Liberation Tigers of Tamil Eelam") or the words after it."""
        root = chunk.root
        if root.pos_ != "PROPN" and not (root.text.isupper() and len(root.text) > 2):  # "ICE" tagged a noun
            return None
        first = next((t.i for t in chunk if t.pos_ != "DET"), root.i)
        starts = dict.fromkeys((first, next((t.i for t in self.doc[root.left_edge.i:first] if t.pos_ != "DET"), first)))
        of_object = self.of_object(root)
        ends = ([self.subtree_end(of_object)] if of_object is not None else []) + self.name_chain_ends(root) \
            + [chunk.end]
        for start in starts:  # also from the phrase's left edge: "Immigration and Customs Enforcement"
            for end in ends:
                if self.office_phrase(list(self.doc[start:end])) or self.person_after(end) is not None:
                    continue  # a title ("Secretary of State"), resolved as a role
                text = self.doc[start:end].text
                long_enough = end - start >= 2 or (text.isupper() and len(text) > 2)  # "ICE", not "Ice"
                if long_enough and name_key(text) in self.kb.named and self.kb.place(text) is None:
                    return start, end
        return None

    def name_chain_ends(self, root: Token) -> list[int]:
        """Ends of longer names going on past the phrase, longest first, each at a proper noun: "National
        Union | for the Total Independence | of Angola" (the parser may hang "for ..." elsewhere)."""
        last = min(root.sent.end, root.i + 1 + rules.NAME_WINDOW)
        return [end for end in range(last, root.i + 1, -1) if self.doc[end - 1].pos_ == "PROPN"]

    def office_phrase(self, tokens: list[Token]) -> str | None:
        for start in range(len(tokens)):
            phrase = phrase_of(tokens[start:])
            if phrase in rules.OFFICE_ROLES:
                return phrase
        return None

    def of_object(self, root: Token) -> Token | None:
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None

    def subtree_end(self, token: Token) -> int:
        return max(t.i for t in token.subtree) + 1

    def ent_end(self, token: Token) -> int:
        ent = self.ent_at.get(token.i)
        return ent.end if ent is not None else token.i + 1

    # ------------------------------------------------------------------ handlers
    def on_named(self, start: int, end: int, ent: SpacySpan) -> None:
        text = ent.text.strip()
        person = self.surname_cluster(text) if len(ent) == 1 or ent.label_ == "PERSON" else None
        if person is not None:
            self.add(person, start, end)
            self.add_title(person, ent)
            return
        own = self.own_body(ent)
        if own is not None:  # "Armenia's Security Council": the state's, not the UN's
            country, sector = own
            owners = [self.owner_span(t) for t in self.state_modifiers(ent)] if country is not None else []
            first, end = min([start] + [o[0] for o in owners]), max([end] + [o[1] for o in owners])
            cluster = self.cluster(f"A:{country}:{sector}:{name_key(text)}", "ORG", text.removeprefix("the ")
                                   .removeprefix("The "), country=country, sector=sector)
            self.add(cluster, first, end)
            return
        place = self.settled(text, self.kb.place(text) or self.resolver.misspelled_place(ent.root, ent))
        if place is not None and place.country in self.kb.regions and not names_bloc(ent.root, place.kind, self.kb.agents):
            return  # a direction ("West of the river"), no actor
        if place is not None:
            self.on_place(start, end, ent, place)
            return
        known = self.kb.persons(text)
        if ent.label_ in ("GPE", "LOC", "FAC") and len(ent) == 1:  # "Erdogan" taken for a place: curated people only
            known = tuple(p for p in known if any(o.role for o in p.offices))
        if not known and ent.label_ == "PERSON" and name_key(text) not in self.kb.named and ent.root.dep_ == "appos" \
                and ent.root.head.i in self.group_at and ent.root.head.lemma_.lower() in rules.BODY_HEADS:
            # an unknown name after "the opposition newspaper": the paper's, no person's
            cluster = self.cluster(f"U:ORG:{name_key(text)}", "ORG", text)
            self.add(cluster, start, end)
            self.describe(cluster, *self.group_at[ent.root.head.i])
            return
        if known or ent.label_ == "PERSON" or self.titled_person(ent):
            cluster = self.person_cluster(ent)
            named = self.kb.named.get(name_key(text)) if cluster.person is None else None
            if named is not None:  # a group or fighter the dictionaries list ("Boko Haram")
                cluster.country, cluster.sector = cluster.country or named[0], cluster.sector or named[1]
            self.add(cluster, start, end)
            self.add_title(cluster, ent)
            return
        named = self.kb.named.get(name_key(text))
        if named is not None:
            country, sector = named
            cluster = self.cluster(f"N:{name_key(text)}", ent.label_, text.removeprefix("the ").removeprefix("The "),
                                   country=country, sector=sector)
            self.add(cluster, start, end)
            return
        if ent.label_ == "ORG":
            tokens = list(ent)
            modifiers = [t for t in tokens if self.token_place(t) is not None]
            rest = [t for t in tokens if t not in modifiers and t.pos_ != "DET"]
            sector, agent = self.resolver.agent_sector(rest) if rest else (None, None)
            countries = {self.token_place(t).country for t in modifiers}  # type: ignore[union-attr]
            if sector and len(countries) <= 1 and agent not in rules.NON_ACTOR_HEADS \
                    and sector not in rules.NON_ACTOR_SECTORS:
                country = next(iter(countries), None)
                cluster = self.cluster(f"A:{country}:{sector}:{name_key(text)}", "ORG",
                                       ent.text.removeprefix("The ").removeprefix("the "),
                                       country=country, sector=sector)
                self.add(cluster, start, end)
                return
        locality = self.locality(ent)
        if locality is not None and (self.falls_on_people(ent.root) or self.acting(ent.root) or self.addressed(ent.root)):
            self.on_locality(start, end, ent, locality.country)
            return
        if ent.label_ in ("ORG", "GPE", "LOC", "FAC") and ent.root.pos_ == "PROPN":
            cluster = self.cluster(f"U:{ent.label_}:{name_key(text)}", ent.label_, text)
            self.add(cluster, start, end)
            if ent.root.dep_ == "appos" and ent.root.head.i in self.group_at:  # "the rebel group Sons of X"
                self.describe(cluster, *self.group_at[ent.root.head.i])
            elif ent.label_ == "ORG":
                self.unknown_named_at[ent.root.i] = cluster

    def on_locality(self, start: int, end: int, ent: SpacySpan, country: str) -> None:
        """A gazetteer town or subdivision that is an actor: hit by force or under a restriction or
        relief, its people (`CVL`, as such a city); acting or addressed, the place with its country
        and no sector, as a known city; only locating ("talks in X") it stays no actor (the caller's
        unresolved name)."""
        text = ent.text.strip()
        if self.falls_on_people(ent.root):
            self.add(self.group_cluster(country, "locality", "CVL", f"city {name_key(text)}", text), start, end)
        else:
            self.add(self.cluster(f"L:{name_key(text)}", "GPE", text, country=country), start, end)

    def describe(self, named: _Cluster, group: _Cluster, first: int, last: int) -> None:
        """An unknown name and the group phrase in apposition with it are one entity, coded by the
        phrase ("the broadcaster Radio X", "X, a rebel group,"): the phrase's span moves to the name."""
        if named.sector is None and named.country is None:
            named.country, named.sector = group.country, group.sector
        phrase = self.doc[first:last]
        span = (phrase.start_char, phrase.end_char)  # as `add` recorded it
        if span in group.spans:
            group.spans.remove(span)
        self.add(named, first, last)

    def add_title(self, cluster: _Cluster, ent: SpacySpan) -> None:
        """The title before a person's name is a mention of that person ("U.S. negotiator" X, "British
        Defence Secretary" X); a bare form of address ("Mr") is not."""
        tokens = self.title_tokens(ent)
        if any(t.lower_.rstrip(".") not in rules.HONORIFICS for t in tokens):
            self.add(cluster, tokens[0].i, tokens[-1].i + 1)

    def titled_unlabeled_name(self, root: Token) -> SpacySpan | None:
        """A name the NER missed after an agent-noun title: two or more capitalized proper nouns
        ending at `root`, with no entity label, right after a noun title with a sector ("militant",
        "activist", "journalist"), or None."""
        if root.pos_ != "PROPN" or root.ent_type_ or not root.is_title:
            return None
        start = root.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].is_title \
                and not self.doc[start - 1].ent_type_ and self.doc[start - 1].head.i == root.i:
            start -= 1
        if root.i - start < 1 or start == 0:
            return None
        title = self.doc[start - 1]
        if title.pos_ != "NOUN" or title.dep_ != "compound" or title.head.i != root.i:
            return None
        span = self.doc[start:root.i + 1]
        if self.kb.place(span.text) is not None or name_key(span.text) in self.kb.named:
            return None
        return span if self.role_sector(title.lemma_.lower()) is not None else None

    def on_missed_person(self, start: int, end: int, span: SpacySpan) -> None:
        cluster = self.person_cluster(span)
        self.add(cluster, start, end)
        self.add_title(cluster, span)

    def on_named_phrase(self, start: int, end: int, _payload: None) -> None:
        text = self.doc[start:end].text
        country, sector = self.kb.named[name_key(text)]
        self.add(self.cluster(f"N:{name_key(text)}", "ORG", text, country=country, sector=sector), start, end)

    def on_place(self, start: int, end: int, ent: SpacySpan, place: Place) -> None:
        code = place.country
        acting = self.acting(ent.root)
        described = self.place_noun(ent.root, place) if place.kind in ("capital", "place") else None
        if described is not None:  # "the capital X" hit or acting: the dictionaries' sector for the noun
            sector, where = described
            if sector == "GOV":
                cluster = self.cluster(f"G:{code}", "GPE", ent.text, country=code, sector="GOV")
            else:
                cluster = self.group_cluster(code, place.kind, sector, f"city {name_key(ent.text)}", ent.text)
            self.add(cluster, start, end)
        elif place.kind in ("capital", "place") and self.falls_on_people(ent.root):
            self.add(self.group_cluster(code, place.kind, "CVL", f"city {name_key(ent.text)}", ent.text), start, end)
        elif place.kind == "org":
            name = self.kb.org_names.get(code, ent.text)
            self.add(self.cluster(f"O:{code}", "ORG", name, country=code, sector=self.kb.org_sectors.get(code, "IGO")), start, end)
        elif place.kind == "seat" or (place.kind == "capital" and (acting or self.addressed(ent.root))):
            seat_org = self.kb.org_seats.get(name_key(ent.text))
            if seat_org and acting:
                cluster = self.cluster(f"O:{seat_org}", "ORG", self.kb.org_names.get(seat_org, seat_org),
                                       country=seat_org, sector="IGO")
            else:
                cluster = self.cluster(f"G:{code}", "ORG" if place.kind == "seat" else "GPE",
                                       ent.text.removeprefix("the ").removeprefix("The "),
                                       country=code, sector="GOV")
            self.add(cluster, start, end)
        elif place.kind in ("capital", "place"):
            self.add(self.cluster(f"L:{name_key(ent.text)}", "GPE", ent.text, country=code), start, end)
        elif place.kind == "adjective" and self.people_noun(ent.root):
            of_place = self.token_place(of) if (of := self.of_object(ent.root)) is not None else None
            if self.ethnic(ent.root):
                code = self.residence(ent.root, start)
            elif of_place is not None and of_place.kind in rules.CONTEXT_PLACE_KINDS:
                code = of_place.country  # "the Hungarians of northern Serbia" live in Serbia
            self.add(self.group_cluster(code, "country", "CVL", "people", ent.text), start, end)
        elif place.kind == "adjective" and (shared := self.conjoined_agent(ent.root)) is not None:
            self.add(self.group_cluster(code, "country", shared[0], shared[1], ent.text), start, end)
        else:
            name = self.kb.country_names.get(code, ent.text)
            sector = "GOV" if code in self.kb.regions else None  # a bloc acts by its governments
            self.add(self.cluster(f"C:{code}", "GPE", name, country=code, sector=sector), start, end)

    def place_noun(self, token: Token, place: Place) -> tuple[str, Token] | None:
        """(sector, token where the place's role is read) of a noun describing a named place ("the
        capital X", "the village X", "the town of X"; `rules.DESCRIBED_PLACE_NOUNS`) when the place is an
        actor there (acting, addressed or hit by force), else None; "capital" only before a capital and
        not as a region's seat ("the regional capital X": `rules.SUBNATIONAL_WORDS`)."""
        if token.dep_ == "appos" or (token.dep_ == "pobj" and token.head.lower_ == "of"):
            noun = token.head if token.dep_ == "appos" else token.head.head
            where = noun
        else:
            noun = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
            where = token
        if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in rules.DESCRIBED_PLACE_NOUNS \
                or (noun.lemma_.lower() == "capital" and (place.kind != "capital" or any(
                    c.lower_ in rules.SUBNATIONAL_WORDS for c in noun.children))):
            return None
        words = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i] + [noun]
        sector, _agent = self.resolver.agent_sector(words)  # "capital city": GOV
        if sector is None or not (self.attacked(where) or self.acting(where) or self.addressed(where)):
            return None
        return sector, where

    def misspelled_unlabeled(self, token: Token) -> Place | None:
        """The country or capital an unlabeled proper noun misspells: unknown, or only one of the
        Phoenix place spellings ("Ethopia" is listed among Ethiopia's places, not as its name)."""
        known = self.kb.place(token.text)
        return self.resolver.misspelled_place(token, None) if known is None or known.kind == "place" else None

    def on_misspelled_place(self, start: int, end: int, payload: tuple[SpacySpan, Place]) -> None:
        self.on_place(start, end, *payload)

    def on_bloc(self, start: int, end: int, code: str) -> None:
        """A bloc's states as a whole ("Western countries") are the bloc, acting by its governments."""
        cluster = self.cluster(f"C:{code}", "GPE", self.kb.country_names.get(code, code), country=code, sector="GOV")
        self.add(cluster, start, end)

    def conjoined_agent(self, token: Token) -> tuple[str, str] | None:
        """(sector, agent) of the group a demonym the parser took for a noun shares with its conjunct:
        "Sierra Leonean and Guinean refugees" parsed as "Sierra Leonean" and "Guinean refugees"."""
        if token.dep_ in ("amod", "compound", "poss"):
            return None
        for conj in token.rights:
            if conj.dep_ == "conj" and conj.pos_ == "NOUN" and conj.tag_ == "NNS":
                sector = self.kb.agents.get(conj.lemma_.lower())
                if sector is not None and sector not in rules.NON_ACTOR_SECTORS:
                    return sector, conj.lemma_.lower()
        return None

    def people_noun(self, token: Token) -> bool:
        """True for a plural demonym that heads its phrase ("Ghanaians protested"), not a modifier."""
        return token.tag_ in ("NNS", "NNPS") and token.dep_ not in ("amod", "compound", "poss", "nmod")

    def addressed(self, token: Token) -> bool:
        """True if the token is the object of a verb or of "with"/"against" ("accused Baku")."""
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        if token.dep_ == "dobj":
            return True
        return token.dep_ == "pobj" and token.head.lower_ in rules.ADDRESS_PREPOSITIONS

    def attacked(self, token: Token) -> bool:
        """True if force hits the place: the object of a force verb or of "on"/"at" after a force word,
        the passive subject of a force verb ("shelled Aleppo", "strikes on Kabul", "Mosul was bombed"),
        or where force happens: "in" after a force word or a verb whose subject or object is one
        ("clashes in Gao", "fighting raged in Aleppo", "they set off bombs in Kabul")."""
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        head = token.head
        if token.dep_ in ("dobj", "nsubjpass"):
            return head.lemma_.lower() in rules.FORCE_LEMMAS
        if token.dep_ == "pobj" and head.lower_ in rules.FORCE_PREPOSITIONS:
            return head.head.lemma_.lower() in rules.FORCE_LEMMAS
        if token.dep_ == "pobj" and head.lower_ in rules.LOCATIVE_PREPOSITIONS:  # "fighting raged in X"
            event = head.head
            if event.lemma_.lower() == "blow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in event.children):
                return True  # "blew themselves up in X"
            return event.lemma_.lower() in rules.FORCE_LEMMAS or (event.pos_ == "VERB" and any(
                c.dep_ in ("nsubj", "dobj") and c.lemma_.lower() in rules.FORCE_LEMMAS for c in event.children))
        return False

    def falls_on_people(self, token: Token) -> bool:
        """True if what happens to the place happens to its people (then it is CVL, as PLOVER's
        "city", "town", "village"): force hits it, or a restriction or relief is put on it."""
        return self.attacked(token) or self.relieved_or_restricted(token)

    def relieved_or_restricted(self, token: Token) -> bool:
        """True if a restriction or relief falls on the place's people: the place is "in" one of
        `rules.POPULATION_LEMMAS` or "in" a verb whose object is one, also as the object's "of" phrase
        ("a curfew in X", "imposed a lockdown in X", "halted deliveries in X", "declared a state of
        emergency in X")."""
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        if token.dep_ != "pobj" or token.head.lower_ not in rules.LOCATIVE_PREPOSITIONS:
            return False
        event = token.head.head
        nouns = [event] + [c for c in event.children if c.dep_ == "dobj"] if event.pos_ == "VERB" else [event]
        nouns += [o for noun in nouns if (o := self.of_object(noun)) is not None]
        return any(noun.lemma_.lower() in rules.POPULATION_LEMMAS for noun in nouns)

    def acting(self, token: Token) -> bool:
        """True if the token is the subject of a verb, directly or as a conjunct of one, or its doer
        after "by" ("an admission by Moscow", "was rejected by Kabul")."""
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        return token.dep_ in rules.SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.lower_ == "by")

    def on_pronoun(self, start: int, end: int, token: Token) -> None:
        gender = rules.PERSON_PRONOUNS[token.lower_]
        sent = self.sent_of[token.i]
        best = None
        for cluster in self.clusters.values():
            if not cluster.is_person or cluster.last >= token.idx:
                continue
            if sent - cluster.last_sent > rules.PRONOUN_WINDOW:
                continue
            if cluster.gender not in (None, "-", gender):
                continue
            # a person known to have this gender beats a nearer one whose gender is unknown
            rank = (cluster.gender == gender, cluster.last)
            if best is None or rank > (best.gender == gender, best.last):
                best = cluster
        if best is not None:
            self.add(best, start, end)

    def on_role(self, start: int, end: int, payload: dict) -> None:
        office: str = payload["office"]
        countries: list[str] = payload["countries"]
        country = countries[0] if len(countries) == 1 else None
        if len(countries) > 1:
            return
        owner = next((t for t in payload["chunk"] if t.dep_ == "poss" and t.pos_ == "PROPN"), None)
        if owner is not None and country is None:
            return  # "the North's leader": someone's office, but whose the text does not say we know
        former = any(t.lower_ in rules.FORMER for t in payload["chunk"])
        linked = self.appositive_person(payload["root"]) or self.person_after(end)
        if linked is not None:
            cluster = self.person_cluster(linked, office)
            cluster.former = cluster.former or former
            cluster.roles.add(office)
            cluster.country = cluster.country or country
            cluster.role = cluster.role or self.display_role(office)
            if cluster.person is None:
                cluster.sector = cluster.sector or self.office_sector(office, country)
            self.add(cluster, start, end)
            return
        if former:  # "the former Soviet leader": not today's office holder
            name = self.doc[start:end].text.removeprefix("the ").removeprefix("The ")
            cluster = self.cluster(f"R:{country}:former {office}", "PERSON", name, is_person=True, country=country,
                                   sector="ELI", role=self.display_role(office), former=True)
            self.add(cluster, start, end)
            return
        best = None
        for cluster in self.clusters.values():
            if not cluster.is_person or cluster.last >= self.doc[start].idx:
                continue
            if country is not None and self.person_country(cluster) != country:
                continue
            if not self.role_compatible(cluster, office):
                continue
            if country is None and self.sent_of[start] - cluster.last_sent > rules.ROLE_WINDOW:
                continue
            if best is None or cluster.last > best.last:
                best = cluster
        if best is None and country is not None and self.day is not None:
            holders = self.kb.holders(country, rules.OFFICE_ROLES[office], rules.OFFICE_ROLES[office] is None,
                                      self.day)
            if len(holders) == 1:
                best = self.known_person_cluster(holders[0])
        if best is None:
            name = self.doc[start:end].text
            for prefix in ("the ", "The "):
                name = name.removeprefix(prefix)
            best = self.cluster(f"R:{country}:{office}", "PERSON", name, is_person=True,
                                country=country, sector=self.office_sector(office, country),
                                role=self.display_role(office))
            best.roles.add(office)
        self.add(best, start, end)

    def title_sector(self, role: str, text: str | None, country: str | None) -> str | None:
        """The sector a title gives: an organization's office is the organization's (IGO; the Red
        Cross HLH), else the whole title's agent sector ("opposition leader" OPP), else the office's
        ("President" GOV)."""
        if role in rules.OFFICE_ROLES and country in self.kb.org_members:
            return self.kb.org_sectors.get(country, "IGO")
        sector = self.role_sector(text.lower()) if text else None
        if sector is None and role in rules.OFFICE_ROLES:
            sector = self.office_sector(role, country)
        return sector or self.role_sector(role)

    def office_sector(self, office: str, country: str | None) -> str:
        """The sector of an office: the organization's for its officials (IGO; the Red Cross HLH), else
        the office's agent sector."""
        if country in self.kb.org_members:
            return self.kb.org_sectors.get(country, "IGO")
        return self.kb.agents.get(office, "GOV")

    def on_commentator(self, start: int, end: int, payload: dict) -> None:
        noun: str = payload["phrase"]
        sent = self.sent_of[start]
        position = self.doc[start].idx
        recent = [c for c in self.clusters.values() if c.is_person and c.last < position
                  and sent - c.last_sent <= rules.ROLE_WINDOW]
        named = [c for c in recent if noun in c.roles or any(r.endswith(noun) for r in c.roles)]
        unofficial = [c for c in recent if not c.key.startswith("R:") and (
            c.sector in (None, *rules.COMMENTATOR_SECTORS) if c.person is None  # a known analyst too, no official
            else all(o.sector in rules.COMMENTATOR_SECTORS for o in c.person.offices))]
        pool = named or unofficial
        if pool:
            best = max(pool, key=lambda c: c.last)
            best.roles.add(noun)
            if best.person is None:
                best.sector = best.sector or self.role_sector(noun)
            self.add(best, start, end)

    def on_described_person(self, start: int, end: int, payload: dict) -> None:
        """A person noun with its name in apposition is that person, placed by the phrase's one
        country and coded by its agent noun unless the knowledge base knows the person."""
        cluster = self.person_cluster(payload["person"])
        cluster.roles.add(payload["root"].lemma_.lower())
        cluster.former = cluster.former or any(t.lower_ in rules.FORMER for t in payload["chunk"])
        countries = payload["countries"]
        if cluster.person is None:
            cluster.country = cluster.country or (countries[0] if len(countries) == 1 else None)
            cluster.sector = cluster.sector or payload["sector"]
            cluster.role = cluster.role or payload["agent"]
        self.add(cluster, start, end)

    def on_group(self, start: int, end: int, payload: dict) -> None:
        sector: str = payload["sector"]
        countries: list[str] = payload["countries"]
        agent: str = payload["agent"]
        if len(countries) > 1 and payload["modifiers"]:
            for token in payload["modifiers"]:
                place = self.token_place(token)
                if place is None:
                    continue
                ent = self.ent_at.get(token.i)
                first, last = (ent.start, ent.end) if ent is not None else (token.i, token.i + 1)
                self.add(self.group_cluster(place.country, place.kind, sector, agent, self.doc[first:last].text),
                         first, last)
            return
        country, kind = None, None
        if countries and self.ethnic(payload["root"]):
            country = self.residence(payload["root"], start)
        elif countries:
            country = countries[0]
            kind = next((p.kind for t in payload["modifiers"] if (p := self.token_place(t))), "country")
        elif sector in rules.CONTEXT_SECTORS and not payload.get("stateless") \
                and not any(t.lower_ in rules.FOREIGN_MARKERS for t in payload["chunk"]):
            country = self.context_country(start)
        name = self.doc[start:end].text
        for prefix in ("the ", "The "):
            name = name.removeprefix(prefix)
        cluster = self.group_cluster(country, kind, sector, agent, name)
        self.add(cluster, start, end)
        root = payload["root"]
        if root.dep_ == "appos" and root.head.i in self.unknown_named_at:  # "Radio X, the broadcaster,"
            self.describe(self.unknown_named_at[root.head.i], cluster, start, end)
        else:
            self.group_at[root.i] = (cluster, start, end)

    def group_cluster(self, country: str | None, kind: str | None, sector: str, agent: str, name: str) -> _Cluster:
        if kind == "org" and sector == "GOV":
            sector = self.kb.org_sectors.get(country or "", "IGO")  # "UN officials": the UN acting
        return self.cluster(f"A:{country}:{sector}:{agent}", "GROUP", name, country=country, sector=sector)

    def ethnic(self, root: Token) -> bool:
        """True if the noun's modifiers name an ethnicity, not a nationality ("ethnic Albanians")."""
        return any(t.lower_ in rules.ETHNIC_MARKERS for t in self.doc[root.left_edge.i:root.i])

    def residence(self, root: Token, start: int) -> str | None:
        """The country an ethnic group lives in, from the text ("ethnic Hungarians in Slovakia"),
        or None: an ethnicity does not say a country (CAMEO codes ethnic groups where they live)."""
        located = self.located_at(root)
        place = self.token_place(located) if located is not None else None
        return place.country if place is not None else self.context_country(start)

    def named_modifier_countries(self, chunk: SpacySpan, root: Token) -> list[str]:
        """Countries of named groups that modify the head ("Taliban militants"); the name is read
        as part of the group when the phrase is an actor, else as an actor of its own ("the Taliban
        hideouts")."""
        found = []
        for ent in {self.ent_at[t.i].start: self.ent_at[t.i] for t in chunk
                    if t.i in self.ent_at and t.i != root.i and root.i not in range(self.ent_at[t.i].start,
                                                                                   self.ent_at[t.i].end)}.values():
            named = self.kb.named.get(name_key(ent.text))
            if named is not None and self.kb.place(ent.text) is None and ent.root.head.i == root.i:
                self.modifier_names.setdefault(root.i, []).append(ent)  # taken only if the phrase is an actor
                if named[0] is not None:
                    found.append(named[0])
                if named[0] is None or named[0] in rules.STATELESS_CODES:
                    self.owner_sector[root.i] = named[1]  # "Red Cross officials": the body's sector
        for token in chunk:  # an upper-case abbreviation the NER missed: "AMISOM troops"
            if token.i not in self.ent_at and token.dep_ == "compound" and token.head.i == root.i \
                    and token.text.isupper() and len(token) > 2:
                named = self.kb.named.get(name_key(token.text))
                if named is not None and named[0] is not None and self.kb.place(token.text) is None:
                    found.append(named[0])
        return found

    def name_as_modifier(self, token: Token, root: Token) -> bool:
        """True for a name the NER took for a person that only modifies the phrase's head ("a Hutu
        rebel group", "the Reagan administration", "Boko Haram fighters"): the phrase is still a
        group, of the country of the office holder so named, if there is one."""
        ent = self.ent_at.get(token.i)
        if ent is None or root.i in range(ent.start, ent.end) or ent.root.head.i != root.i \
                or ent.root.dep_ not in ("compound", "amod"):
            return False
        if len(ent) > 1:
            return name_key(ent.text) in self.kb.named  # read by named_modifier_countries
        self.consumed.add(token.i)
        country = self.leader_country_of(token.text)
        if country is not None:  # a known leader's name: "the Reagan administration"
            self.leader_country[token.i] = country
        return True

    def leader_country_of(self, name: str) -> str | None:
        """The one country of the office holders with this name or surname (the hand-written ones
        if any has it), or None."""
        people = self.kb.persons(name) or self.kb.office_holders_named(name, None)
        curated = [p for p in people if any(o.role for o in p.offices)]  # hand-written office holders first
        countries = {o.country for person in curated or people for o in person.offices}
        return countries.pop() if len(countries) == 1 else None

    def located_at(self, root: Token) -> Token | None:
        """The country or place a noun is placed in by its own preposition or participle ("students
        throughout Peru", "rebels in Darfur", "ethnic Hungarians living in Slovakia", "settlers in the
        West Bank town of Jericho"): the place's token, or None."""
        preps = [c for c in root.rights if c.dep_ == "prep"]
        preps += [p for acl in root.rights if acl.dep_ == "acl" and acl.tag_ == "VBG"  # "rebels operating in X"
                  for p in acl.rights if p.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ in rules.LOCATIVE_PREPOSITIONS | {"from"}:
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    for token in (obj, self.of_object(obj), *[c for c in obj.lefts if c.dep_ in ("compound", "amod")]):
                        place = self.token_place(token) if token is not None else None  # "the Iraqi city of Basra"
                        if place is not None and place.kind in ("country", "capital", "place"):
                            return token
        return None

    def context_country(self, start: int) -> str | None:
        """The one country the sentence places things in ("in Belarus, ..."), else the one country
        of a place force hits in it ("shelled the centre of X, killing civilians": the victims are
        X's people, not the attackers'), else the one country it names as a subject ("Uganda said
        ... the rebels"), else the one country of its subject ("Kenyan police said ... the
        protesters"), or None."""
        sent = self.doc[start].sent
        placed, hit, named = set(), set(), set()
        for ent in (e for e in self.ents if sent.start <= e.start < sent.end):
            place = self.settled(ent.text, self.kb.place(ent.text))  # a shared name: the document's state
            if place is None or place.kind not in rules.CONTEXT_PLACE_KINDS:
                if place is None and self.attacked(self.of_owner(ent.root)) \
                        and (town := self.locality(ent)) is not None:
                    hit.add(town.country)  # a town only the gazetteer knows
                continue
            head = ent.root
            while head.dep_ in ("appos", "conj", "compound") and head.head is not head:
                head = head.head
            if head.dep_ == "pobj" and head.head.lower_ in rules.LOCATIVE_PREPOSITIONS:
                placed.add(place.country)
            elif self.attacked(self.of_owner(ent.root)):  # the place itself, not a noun it modifies
                hit.add(place.country)
            elif head.dep_ in rules.CONTEXT_NAME_DEPS and not self.addressed(head) \
                    and head.head.lower_ not in rules.AWAY_PREPOSITIONS:
                named.add(place.country)  # not a modifier ("the Norwegian government") or a counterpart
        found = placed or hit or named or self.subject_countries(sent, start)
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def of_owner(token: Token) -> Token:
        """The noun whose "of" phrase the token is ("the centre of X", "the outskirts of X"), else itself."""
        while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            token = token.head.head
        return token

    def subject_countries(self, sent: SpacySpan, start: int) -> set[str]:
        """Countries that names and demonyms give the subject of a clause holding token `start`
        ("Kenyan police said the protesters ...", "Nepal's army freed the hostages"); not those of
        objects, counterparts or other clauses ("sanctions on X", "..., and the X ministry denied it")."""
        found = set()
        for ent in (e for e in self.ents if sent.start <= e.start < sent.end):
            place = self.token_place(ent[0])
            if place is None or place.kind not in rules.ACTOR_PLACE_KINDS:
                continue
            head = ent.root
            while head.dep_ in ("appos", "conj", "compound", "amod", "poss") and head.head is not head:
                head = head.head
            verb = head.head
            if head.dep_ in rules.SUBJECT_DEPS and verb.left_edge.i <= start <= verb.right_edge.i:
                found.add(place.country)
        return found

    # ------------------------------------------------------------------ persons
    def surname_cluster(self, text: str) -> _Cluster | None:
        """The latest person cluster this single name ("Putin", "Tikhanovskaya") refers to."""
        key = name_key(text)
        best = None
        for cluster in self.clusters.values():
            if not cluster.is_person or cluster.key.startswith("R:"):
                continue
            names = {name_key(cluster.name), name_key(cluster.name).split()[-1]}
            if cluster.person is not None:
                names.update(name_key(alias) for alias in cluster.person.aliases)
            if key in names and (best is None or cluster.last > best.last):
                best = cluster
        return best

    def person_after(self, end: int) -> SpacySpan | None:
        """The person name right after a title ("Secretary of State" Jane Doe)."""
        ent = self.ent_at.get(end)
        return ent if ent is not None and ent.start == end and ent.label_ == "PERSON" else None

    def person_cluster(self, ent: SpacySpan, office: str | None = None) -> _Cluster:
        """The cluster of a person name, learning titles and appositions from the text."""
        existing = self.surname_cluster(ent.text)
        title_country, title_role, title_text = self.title_of(ent)
        cluster = existing
        if cluster is None:
            people = self.kb.persons(ent.text)
            office = office or (title_role if title_role in rules.OFFICE_ROLES else None)
            if not people and office:
                people = self.kb.office_holders_named(ent.text, title_country) \
                    or self.kb.office_holders_spelled_like(ent.text, title_country)
            known = self.pick_person(people, title_country)
            if known is not None:
                cluster = self.known_person_cluster(known)
            else:
                cluster = self.cluster(f"T:{name_key(ent.text)}", "PERSON", ent.text.strip(), is_person=True)
        if any(t.lower_ in rules.FORMER for t in self.title_tokens(ent)):
            cluster.former = True
        title_sector = self.role_sector(title_text.lower()) if title_text else None
        if title_sector not in (None, "GOV"):  # "opposition leader X", "military expert X"
            cluster.title_sector = cluster.title_sector or title_sector
        if title_role:
            cluster.roles.add(title_role)
            if cluster.person is None:
                cluster.role = cluster.role or title_text
                cluster.sector = cluster.sector or self.title_sector(title_role, title_text, title_country)
        if title_country and cluster.person is None:
            cluster.country = cluster.country or title_country
        if title_country:
            cluster.title_countries.add(title_country)
        if title_role and cluster.person is not None and cluster.role is None:
            cluster.role = self.display_role(title_role) if title_role in rules.OFFICE_ROLES else None
        for role_text, role_noun, country, body_sector in self.appositive_roles(ent):
            cluster.roles.add(role_noun)
            if cluster.person is None:
                cluster.role = cluster.role or role_text
                cluster.country = cluster.country or country  # the text says whose he is
                cluster.sector = cluster.sector or (self.role_sector(role_text.lower()) or body_sector if country else None)
        own = next((body for t in self.title_tokens(ent) if t.i in self.ent_at
                    and (body := self.own_body(self.ent_at[t.i])) is not None), None)
        if own is not None and cluster.person is None:  # "Kazakh Security Council secretary X"
            cluster.country, cluster.sector = cluster.country or own[0], cluster.sector or own[1]
        if cluster.person is None and cluster.country is None:
            tie = self.affiliation(ent.root) or self.title_body(ent)  # "X of Chatham House", "Brookings fellow X"
            if tie is not None:
                cluster.country, cluster.sector = tie[0], cluster.sector or tie[1]
        return cluster

    def known_person_cluster(self, person: Person) -> _Cluster:
        return self.cluster(f"P:{person.index}", "PERSON", person.name, person=person, is_person=True,
                            gender=person.gender if person.gender in ("m", "f") else None)

    def pick_person(self, people: tuple[Person, ...], country: str | None) -> Person | None:
        if len(people) <= 1:
            return people[0] if people else None
        if self.day is not None:
            active = [p for p in people if p.offices_on(self.day)]
            if len(active) == 1:
                return active[0]
        if country is not None:
            matching = [p for p in people if any(o.country == country for o in p.offices)]
            if len(matching) == 1:
                return matching[0]
        return None

    def role_sector(self, role: str) -> str | None:
        """The sector of a role phrase or of its head ("military analyst" -> "analyst" -> EDU)."""
        if role in rules.MILITARY_RANKS:
            return "MIL"
        words = role.split()
        if len(words) > 1 and words[-1] in rules.MILITARY_RANKS:  # "army general", not "director general"
            force = self.role_sector(" ".join(words[:-1]))
            if force in ("MIL", "COP"):
                return force
        if len(words) > 1 and words[-1] in rules.SPEAKER_NOUNS:
            return self.role_sector(" ".join(words[:-1])) or self.role_sector(words[-1])  # "army spokesman"
        for start in range(len(words)):
            sector = self.kb.agents.get(" ".join(words[start:]))
            if sector is not None:
                return None if sector in rules.NON_ACTOR_SECTORS else sector
        return None

    def title_of(self, ent: SpacySpan) -> tuple[str | None, str | None, str | None]:
        """(country, role noun, role text) from the words before a name ("Russian President")."""
        tokens = self.title_tokens(ent)
        if not tokens:
            return None, None, None
        places = [p for t in tokens if (p := self.token_place(t)) is not None]
        words = [t for t in tokens if self.token_place(t) is None and t.tag_ != "POS"
                 and t.lower_.rstrip(".") not in rules.HONORIFICS]
        country = places[0].country if len({p.country for p in places}) == 1 else None
        role = self.office_phrase(words) or (phrase_of(words) if words else None)
        text = "".join(t.text_with_ws for t in words).strip() or None
        return country, role, text

    def titled_person(self, ent: SpacySpan) -> bool:
        """True for a name the NER mislabels but a person title precedes ("military expert" X)."""
        if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) < 2:
            return False
        words = {t.lemma_.lower() for t in self.title_tokens(ent)}
        return bool(words & (rules.COMMENTATOR_NOUNS | set(rules.OFFICE_ROLES)))

    def title_tokens(self, ent: SpacySpan) -> list[Token]:
        """The title words modifying a name from the left ("Russian President" Vladimir Putin)."""
        tokens: list[Token] = []
        members = set(range(ent.start, ent.end))
        i = ent.start - 1
        while i >= 0 and self.sent_of.get(i) == self.sent_of.get(ent.start):
            token = self.doc[i]
            if token.tag_ == "POS" and token.head.head.i in members:  # "Somalia 's President"
                token = token.head
                tokens[:0] = list(self.doc[token.left_edge.i:i + 1])
                members.update(range(token.left_edge.i, i + 1))
                i = token.left_edge.i - 1
                continue
            if token.tag_ == "HYPH" and token.head.i in members and i > 0 and self.doc[i - 1].pos_ in ("NOUN", "PROPN"):
                tokens.insert(0, token)  # "Secretary-General", "Attorney-General": one title
                members.add(i)
                i -= 1
                continue
            if token.is_punct or (token.pos_ not in ("NOUN", "PROPN", "ADJ") and token.lower_ not in rules.FORMER) \
                    or token.tag_ in ("JJR", "JJS", "NNS") or token.dep_ not in ("compound", "amod", "nmod", "nummod", "poss"):
                break  # not "Hours earlier Smith": a title is singular nouns, plain adjectives, "ousted"
            if token.head.i not in members:
                break
            tokens.insert(0, token)
            members.add(i)
            i -= 1
        return tokens

    def appositive_roles(self, ent: SpacySpan) -> list[tuple[str, str, str | None, str | None]]:
        """(role text, role noun, country, the body's sector) of appositions: ("general director",
        "director", None, None) for "Jan Novak, general director of an unknown body", ("civil liberties
        activist", "activist", "DZA", None) for "X, Algeria's best-known civil liberties activist"; a role
        without a place takes its body's code ("X, a professor at Moscow State University": RUS, EDU)."""
        found = []
        for child in ent.root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                lefts = [t for t in child.lefts if t.pos_ in ("ADJ", "NOUN", "PROPN")]
                places = {place.country for t in lefts if (place := self.token_place(t)) is not None}
                words = [t for t in lefts if self.token_place(t) is None] + [child]
                country, sector = places.pop() if len(places) == 1 else None, None
                if country is None and child.lemma_.lower() not in rules.UNTIED_ROLES:
                    country, sector = self.affiliation(child) or (None, None)
                found.append((" ".join(t.text for t in words), child.lemma_.lower(), country, sector))
        return found

    def affiliation(self, token: Token) -> tuple[str, str | None] | None:
        """(country, sector) of the body a person or role noun is tied to by "of", "at", "with" or
        "from" (`rules.AFFILIATION_PREPOSITIONS`) or by a relative clause of work ("who heads the X",
        "who teaches at X": `rules.AFFILIATION_VERBS`), also as the owner of what they run ("the X's
        Eurasia program"), or None."""
        bodies = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in rules.AFFILIATION_PREPOSITIONS:
                bodies += [t for t in child.children if t.dep_ == "pobj"]
            elif child.dep_ == "relcl" and child.lemma_.lower() in rules.AFFILIATION_VERBS:
                bodies += [t for t in child.children if t.dep_ == "dobj"]
                bodies += [t for prep in child.children if prep.dep_ == "prep"
                           and prep.lower_ in rules.AFFILIATION_PREPOSITIONS | {"for"}
                           for t in prep.children if t.dep_ == "pobj"]
        for body in bodies:
            owners = [t for t in body.children if t.dep_ == "poss" and t.pos_ == "PROPN"]
            for candidate in (body, *owners):
                code = self.body_code(candidate)
                if code is not None:
                    return code
        return None

    def title_body(self, ent: SpacySpan) -> tuple[str, str | None] | None:
        """(country, sector) of a knowledge-base body named by proper nouns in a person's title
        ("Brookings fellow X", "Chatham House analyst X"), or None."""
        tokens = self.title_tokens(ent)
        for start in range(len(tokens)):
            for end in range(len(tokens), start, -1):
                words = tokens[start:end]
                if all(w.pos_ == "PROPN" or w.is_title for w in words) and not (
                        words[0].i in self.ent_at and self.own_body(self.ent_at[words[0].i]) is not None):
                    named = self.kb.named.get(name_key(" ".join(w.text for w in words)))
                    if named is not None and named[0] is not None:
                        return named[0], named[1]
        return None

    def body_code(self, head: Token) -> tuple[str, str | None] | None:
        """(country, sector) of the body a noun phrase names: its knowledge-base code, an organization's
        code, or the one country named before its head or as its "of" object ("the Kazakh Institute of
        X", "University of Tehran"); None for a country, city or seat of power (a place, no employer:
        "an expert of Russia", "a critic of the Kremlin"), and for a common noun no agent ("the plan")."""
        ent = self.ent_at.get(head.i)
        if ent is not None and (own := self.own_body(ent)) is not None:
            return own if own[0] is not None else None  # "secretary of Armenia's Security Council"
        first = next(t.i for t in self.doc[head.left_edge.i:head.i + 1] if t.pos_ != "DET" or t.i == head.i)
        spans = [self.doc[first:self.subtree_end(head)], self.doc[first:head.i + 1]] + ([ent] if ent is not None else [])
        for span in spans:
            named = self.kb.named.get(name_key(span.text))
            if named is not None and named[0] is not None:
                return named[0], named[1]
        place = self.token_place(head)
        if place is not None:
            return (place.country, self.kb.org_sectors.get(place.country, "IGO")) if place.kind == "org" else None
        sector, _agent = self.resolver.agent_sector([head])
        if head.pos_ != "PROPN" and sector is None:
            return None
        places = [p for t in head.lefts if t.dep_ in rules.PLACE_MODIFIER_DEPS and (p := self.token_place(t))]
        places += [p for t in head.lefts if t.lower_ == "based" for g in t.lefts
                   if g.dep_ in ("npadvmod", "compound") and (p := self.token_place(g))]  # "the Almaty-based X"
        of_object = self.of_object(head)
        if of_object is not None and (p := self.token_place(of_object)) is not None and p.kind != "org":
            places.append(p)
        countries = {p.country for p in places if p.country not in self.kb.regions}
        return (countries.pop(), sector) if len(countries) == 1 else None

    def appositive_person(self, root: Token) -> SpacySpan | None:
        """The name in apposition to a role noun ("the President of Kazakhstan, Kassym-Jomart Tokayev")."""
        for token in root.subtree:
            if token.dep_ == "appos" and token.ent_type_ == "PERSON":
                return self.ent_at.get(token.i)
        if root.dep_ == "appos" and root.head.ent_type_ == "PERSON":
            return self.ent_at.get(root.head.i)
        return None

    def person_country(self, cluster: _Cluster) -> str | None:
        actor = self.actor_of(cluster)
        return actor.country if actor else None

    def role_compatible(self, cluster: _Cluster, office: str) -> bool:
        roles = rules.OFFICE_ROLES[office]
        wanted = roles if roles is not None else rules.HEAD_OF_STATE_ROLES | {"prime minister", "chancellor", "leader"}
        if office in cluster.roles or cluster.roles & wanted:
            return True
        if cluster.person is not None:
            offices = cluster.person.offices_on(self.day)
            return any((o.role or "").lower() in wanted or (roles is None and o.leader) for o in offices)
        return False

    def display_role(self, office: str) -> str:
        return rules.ROLE_DISPLAY.get(office, office.title())

    # ------------------------------------------------------------------ output
    def actor_of(self, cluster: _Cluster) -> Actor | None:
        country, sector, role = cluster.country, cluster.sector, cluster.role
        person = cluster.person
        if person is not None:
            offices = person.offices_on(self.day)
            if self.day is None and cluster.title_countries:
                offices = tuple(o for o in offices if o.country in cluster.title_countries) or offices
            if self.day is None and cluster.roles:
                chosen = [o for o in offices if o.role and any(
                    o.role.lower().startswith(r) or o.role.lower() in (rules.OFFICE_ROLES.get(r) or ())
                    for r in cluster.roles)]
                offices = tuple(chosen) or offices
            if offices:
                office = next((o for o in offices if o.leader), offices[0])
                if self.day is not None or len({(o.country, o.sector, o.role) for o in offices}) == 1:
                    country, sector, role = office.country, office.sector, office.role or role
                else:
                    countries = {o.country for o in offices}
                    sectors = {o.sector for o in offices}
                    country = countries.pop() if len(countries) == 1 else country
                    sector = sectors.pop() if len(sectors) == 1 else sector
                    if len(sectors) > 1 and "GOV" in sectors and cluster.roles & set(rules.OFFICE_ROLES):
                        sector = "GOV"  # "President X": the title picks the office
                    leading = {o.sector for o in offices if o.leader}
                    if len(sectors) > 1 and len(leading) == 1:
                        sector = leading.pop()  # undated: a one-time top leader is news as the leader
                    elif sector is None and (default := default_office(offices)) is not None:
                        sector = default.sector  # the dictionary's code for outside its dated offices
            else:
                countries = {o.country for o in person.offices}
                country = countries.pop() if len(countries) == 1 else country
        title_org = next(iter(cluster.title_countries)) if len(cluster.title_countries) == 1 else None
        if person is not None and title_org in self.kb.org_members \
                and not any(o.country == title_org for o in person.offices):
            country, sector = title_org, self.kb.org_sectors.get(title_org, "IGO")  # "U.N. mediator X": the text's office, not the X of the KB
        if person is not None and cluster.title_sector is not None:
            sector = cluster.title_sector  # the text's title ("opposition leader X") over the knowledge base
        if cluster.former and sector == "GOV":
            sector = "ELI"
        if country is None and sector is None and role is None:
            return None
        return Actor(country=country, sector=sector, role=role)

    def entities(self) -> tuple[Entity, ...]:
        text = self.document.text
        ordered = sorted((c for c in self.clusters.values() if c.spans), key=lambda c: min(c.spans))
        entities = []
        for number, cluster in enumerate(ordered, start=1):
            spans = sorted(set(cluster.spans))
            kept: list[tuple[int, int]] = []
            for start, end in spans:
                if kept and start < kept[-1][1]:
                    continue
                kept.append((start, end))
            mentions = tuple(make_span(text, start, end) for start, end in kept)
            name = LEADING_NOISE.sub("", cluster.name) or cluster.name
            entities.append(Entity(id=f"e{number}", name=name, type=cluster.type,
                                   actor=self.actor_of(cluster), mentions=mentions))
        return tuple(entities)
