"""Find and code event mentions over one parsed document (DESIGN.md, "The contract": events).

`EventExtractor(lexicon)(document, parsed, entities, quotes)` returns Events in text order:
1. triggers: verbs coded by the PETRARCH2 patterns (plus rules.EXTRA_VERB_PATTERNS) and event
   nouns (rules.EVENT_NOUNS); a light verb whose object is an event noun gives the noun;
2. source/target: the entities whose mentions overlap the syntactic subject/object (agent and
   passive subject swapped; coordination gives one event per pair; "each other", "between X and
   Y" and coordinated subjects of symmetric types give both directions);
3. status: negated > hypothetical > attributed > asserted; `attributed_to` is the innermost quote
   whose content holds the trigger, whatever the status;
4. accusations: a reporting verb whose quote claims a hostile act of another actor is an ACCUSE.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from spacy.tokens import Doc, Token

from presswatch.events import acled, rules
from presswatch.events.classify import SentenceModel, ngrams
from presswatch.events.lexicon import CameoCode, EventLexicon
from presswatch.events.retype import TypeModel, event_features
from presswatch.events.roles import RoleModel, role_features
from presswatch.records import (
    AcledType,
    Document,
    Entity,
    Event,
    EventStatus,
    Extent,
    Participant,
    Quote,
    make_span,
)

POST_DEPS = frozenset({"dobj", "dative", "prep", "prt", "attr", "oprd", "xcomp", "npadvmod", "advmod",
                       "acomp", "agent", "obj", "pobj", "neg"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "acl", "prep", "pobj", "dobj", "attr", "appos", "amod", "compound",
                        "nsubj", "nsubjpass", "advcl", "pcomp"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
# Prepositions whose event-noun object names what a verb is about ("agreed to X's mediation", "complained over X's raids").
ACT_PREPOSITIONS = rules.TARGET_PREPOSITIONS | {"over"}
PHRASE_DEPS = frozenset({"prep", "pobj", "dobj", "dative", "npadvmod", "advmod", "attr", "oprd"})
MAX_PAIRS = 4
HOSTILE_SECTORS = frozenset({"UAF", "REB", "CRM"})  # armed groups a state's teller may have struck itself
BLOW_ROOTS = frozenset({"180", "181", "182", "183", "184", "185", "186", "190", "193", "194", "195", "196", "200",
                        "201", "202", "203", "204"})  # force used on people (no blockade, occupation or curfew)
# Fighting (CAMEO 18 assault, 19 fight, 20 mass violence): a truce naming no party is between its sides,
# and with no actor named it stands alone only when done to people or a force (_harms_people)
FIGHT_ROOTS = frozenset({"18", "19", "20"})
TRUCE_WINDOW = 3  # sentences back in which a truce naming no party looks for the fight it halts
PHRASE_HOSTS = frozenset({"dobj", "dative", "attr", "oprd"})  # a verb's objects, whose phrases are its own
# What these verbs hand over goes to its recipient, even an object named by its owner's nationality
# ("returned the Xian relics to the Y museum": Y)
HANDOVER_VERBS = frozenset({"return", "hand", "transfer", "extradite", "deliver", "repatriate", "donate"})
# Imposing or easing restrictions, curfews, emergency rule (CAMEO 172x, 081x): what is restricted
# is the place "in X" when no actor is named
RESTRICTION_ROOTS = frozenset({"172", "081"})
# Acts only a state's authorities do (CAMEO 173 arrest or detain, 174 expel or deport): with no agent
# named, one done "in X" is X's, as the ConfliBERT argument tags code such sentences
STATE_ACT_ROOTS = frozenset({"173", "174"})
# A gerund after one of these on a verb is done by the verb's subject (its object after "of/for")
GERUND_PREPOSITIONS = frozenset({"of", "for", "with", "by", "after", "before", "without", "in"})
TERRITORY = ("Battles", "Non-state actor overtakes territory")


@dataclass(frozen=True)
class Trigger:
    """A coded trigger before participants: tokens, CAMEO row, evidence strength, anchor verb."""

    tokens: tuple[int, ...]
    cameo: CameoCode
    strength: float
    source_tokens: tuple[int, ...]
    target_tokens: tuple[int, ...]
    reciprocal: bool
    passive: bool = False
    continues: int | None = None  # the event noun this one continues ("protests turned into riots")


class EventExtractor:
    """The event extractor of one pipeline; `__init__` only stores the lexicon and the models.

    `models` are the sentence classifiers of classify.py ("quad", "acled"); None runs rules only.
    `roles` are the source/target rankers of roles.py, asked when the syntax names no actor;
    `types` is the PLOVER type model of retype.py, which may re-type an event when confident.
    """

    def __init__(self, lexicon: EventLexicon, models: dict[str, SentenceModel] | None = None,
                 roles: dict[str, RoleModel] | None = None, types: TypeModel | None = None) -> None:
        self.lexicon = lexicon
        self.models = models or {}
        self.roles = roles or {}
        self.types = types

    # -- entry point ---------------------------------------------------------------------------

    def __call__(self, document: Document, parsed: Doc, entities: Sequence[Entity],
                 quotes: Sequence[Quote]) -> tuple[Event, ...]:
        if not document.text.strip() or len(parsed) == 0:
            return ()
        ctx = _Context(document, parsed, entities, quotes, self.models, self.roles)
        found: dict[tuple, tuple[Trigger, Participant | None, Participant | None]] = {}
        triggers = list(self.find_triggers(parsed))
        triggers.extend(self.model_triggers(ctx, triggers))
        triggers.extend(self.cue_triggers(ctx, triggers))
        for trigger in triggers:
            pairs = self.truce_sides(ctx, trigger, self.participants(ctx, trigger))
            ctx.pairs.update((i, pairs) for i in trigger.tokens)
            if trigger.cameo.code[:2] in FIGHT_ROOTS:
                ctx.fights[trigger.tokens[0]] = pairs
            for source, target in pairs:
                key = (trigger.tokens[0], source and (source.entity or source.text), source and source.country,
                       target and (target.entity or target.text), target and target.country)
                found.setdefault(key, (trigger, source, target))
        events = []
        for trigger, source, target in found.values():
            act = self.build(ctx, trigger, source, target)
            stance = self.stance(ctx, trigger)
            if stance is not None:  # the stated stance ranks before the act it announces or refuses
                said = self.build(ctx, trigger, source, target, stance)
                act = replace(act, confidence=min(act.confidence, said.confidence))
                events.append(said)
            events.append(act)
        taken = {t for trigger in triggers for t in trigger.tokens}
        events.extend(self.accusations(ctx, events, taken))
        # at one trigger the stated stance comes before the act it announces or refuses (a tie goes to it)
        events.sort(key=lambda e: (e.trigger.start, e.trigger.end, e.status in ("hypothetical", "negated"),
                                   str(e.source), str(e.target)))
        return tuple(_with_id(event, f"v{i}") for i, event in enumerate(events, 1))

    # -- triggers ------------------------------------------------------------------------------

    def find_triggers(self, doc: Doc) -> Iterable[Trigger]:
        text = doc.text  # built once: Doc.text joins every token each time it is read
        for sent in doc.sents:
            if not any(t.pos_ in ("VERB", "AUX") for t in sent) or _is_heading(sent):
                continue  # headings without a verb or final stop ("Border conflicts")
            for token in sent:
                if _on_heading_line(token, text):
                    continue  # a heading merged into the next sentence by the parser
                if token.pos_ == "VERB":
                    trigger = self.governing_trigger(token) or self.obligation_trigger(token) \
                        or self.verb_trigger(token)
                elif token.pos_ in ("NOUN", "PROPN"):
                    trigger = self.noun_trigger(token)
                else:
                    continue
                if trigger is not None:
                    yield trigger

    def verb_trigger(self, verb: Token) -> Trigger | None:
        lemma = _verb_lemma(verb, self.lexicon)
        post = _distances(verb, [t for c in verb.rights if c.dep_ in POST_DEPS for t in c.subtree if t.i - verb.i <= 12]
                          + _phrase_prepositions(verb))
        if lemma in rules.LIGHT_VERBS or lemma in rules.DISPERSAL_VERBS:  # a passive subject is the object:
            post = _distances(verb, [t for c in verb.lefts if c.dep_ == "nsubjpass" for t in c.subtree], post)
        pre = _distances(verb, [t for c in verb.lefts if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree])
        code, strength, reply = None, 0.0, False
        for extra_lemma, words, extra_code in rules.EXTRA_VERB_PATTERNS:
            if extra_lemma == lemma and words <= post.keys():
                code, strength = extra_code, 0.85
                break
        if code is None and _armed_departure(verb):
            code, strength = "0872", 0.85
        if code is None and _takes_ground(verb):
            code, strength = "192", 0.85
        if code is None and _crowd_breaks_in(verb):
            code, strength = "145", 0.85
        if lemma in rules.SPOKEN_PROTEST_CODES and _reports_speech(verb):
            code, strength = rules.SPOKEN_PROTEST_CODES[lemma], 0.75
        if code is None and _people_protest(verb):
            code, strength = rules.PROTEST_VERBS[lemma], 0.75
        if code is None and rules.VERB_OVERRIDES.get(lemma, "") is not None:
            match = self.lexicon.match_verb(lemma, pre, post)
            override = rules.VERB_OVERRIDES.get(lemma)
            if match is not None and match.words > 0:
                code, strength, reply = match.code, 0.75, match.reply
            elif override:
                code, strength = override, 0.7
            elif match is not None:
                # the verb's own PETRARCH code, or only its block's default (weakest evidence)
                code, strength = match.code, (0.6 if lemma in self.lexicon.verb_codes else 0.5)
        if code is None and lemma in rules.TRANSITIVE_CODES and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
            code, strength = rules.TRANSITIVE_CODES[lemma], 0.6  # "returned the paintings to Peru"
        if code is None or (code.startswith("14") and (_showing(verb) or (
                lemma in rules.CROWD_VERBS and not _people_subject(verb)))):
            return None  # "the tests demonstrated a flaw", "floodwater filled the square"
        if lemma in rules.MODAL_PASSIVES and not any(c.dep_ == "agent" for c in verb.children) \
                and any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "was forced to seek help": no coercer is named, the help sought is the event
        if lemma in rules.LIGHT_VERBS and any(self._noun_code(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            return None  # "organized mass protests": the noun is the event
        if lemma in rules.VERB_OVERRIDES and rules.VERB_OVERRIDES[lemma] is None and strength < 0.85:
            return None
        cameo = self.lexicon.code(code)
        if cameo is None:
            return None  # CAMEO 01x statements are not events
        tokens = [verb.i] + [c.i for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
        source, target, reciprocal = _verb_roles(verb)
        if reply:  # "received a loan from X": X lent to the subject; "died in a bombing": no agent named
            source, target = tuple(i for i in target if _names_actor(verb.doc[i])), source
        passive = reply or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if cameo.quad_class == 4 and any(_is_instrument(p) for c in verb.children if c.dep_ == "agent" for p in c.children):
            strength = max(strength, 0.75)  # "hit by shells": a means of force makes the violent reading specific
        if cameo.quad_class == 4 and any(_is_instrument(c) for c in verb.children if c.dep_ == "nsubjpass"):
            strength = max(strength, 0.75)  # "shells were fired at the village": so does one fired
        return Trigger(tuple(sorted(tokens)), cameo, strength, source, target, reciprocal, passive)

    def model_triggers(self, ctx: _Context, found: list[Trigger]) -> Iterable[Trigger]:
        """Triggers the quad model asks for: in a sentence it places in an event class (p >= 0.5)
        that no rule trigger has, the coded word nearest the root with that class (weak evidence).
        """
        if "quad" not in self.models:
            return
        model = self.models["quad"]
        have = {(ctx.doc[t.tokens[0]].sent.start, model.class_of(t.cameo.code, t.cameo.quad_class)) for t in found}
        for sent in ctx.doc.sents:
            if _is_heading(sent):
                continue
            label, p = max(ctx.quad_proba(sent[0]).items(), key=lambda kv: kv[1])
            if label == "0" or p < rules.CONFIRM_PROBABILITY or (sent.start, label) in have:
                continue
            for token in sorted(sent, key=_depth):
                trigger = self.candidate(token)
                if trigger is not None and model.class_of(trigger.cameo.code, trigger.cameo.quad_class) == label:
                    yield trigger
                    break

    def cue_triggers(self, ctx: _Context, found: list[Trigger]) -> Iterable[Trigger]:
        """The event an ACLED cue marks by itself ("a roadside bomb went off", acled.py) in a sentence
        with a verb and no material-conflict trigger, or only default-coded ones (strength < 0.7, kept
        only between two actors) whose phrase holds the cue besides the verb ("a pair of suicide
        attackers blew themselves up", not a weak "demonstrated" alone); specific evidence, so strength 0.75, which
        stands without named participants."""
        material = [t for t in found if t.cameo.quad_class == 4]
        busy = {ctx.doc[t.tokens[0]].sent.start for t in material if t.strength >= 0.7}
        weak = [ctx.doc[t.tokens[0]] for t in material if t.strength < 0.7]
        text = ctx.doc.text
        for sent in ctx.doc.sents:
            if sent.start in busy or not any(t.pos_ in ("VERB", "AUX") for t in sent) or _is_heading(sent):
                continue
            hit = acled.packaged().cue_trigger(sent)
            if hit is None or _on_heading_line(ctx.doc[hit[0]], text) or any(
                    w.sent.start == sent.start and (hit[0] == w.i or not w.left_edge.i <= hit[0] <= w.right_edge.i)
                    for w in weak):
                continue
            token, cameo = ctx.doc[hit[0]], self.lexicon.code(hit[1])
            if token.pos_ == "VERB" and hit[1].startswith("14") and _showing(token):
                continue
            if token.pos_ == "NOUN" and token.lemma_.lower().endswith(rules.PATIENT_NOUN_ENDING):
                continue  # "detainees": the people an act was done to, not a mention of the act
            source, target, _ = _verb_roles(token) if token.pos_ == "VERB" else _noun_roles(token, hit[1])
            if cameo is not None:
                yield Trigger((token.i,), cameo, 0.75, source, target, False)

    def candidate(self, token: Token) -> Trigger | None:
        """The weakest reading of a coded verb or event noun: its dictionary code, strength 0.5."""
        if token.pos_ == "VERB":
            lemma = _verb_lemma(token, self.lexicon)
            if rules.VERB_OVERRIDES.get(lemma, "") is None:
                return None
            match = self.lexicon.match_verb(lemma, (), ())
            code = rules.GOVERNING_HEADS.get(lemma) or rules.VERB_OVERRIDES.get(lemma) or (match.code if match else None)
            if code and code.startswith("14") and _showing(token):
                return None
            roles = _verb_roles(token)
        elif token.pos_ in ("NOUN", "PROPN"):
            code = self._noun_code(token)
            roles = _noun_roles(token, code)
        else:
            return None
        cameo = self.lexicon.code(code) if code else None
        return Trigger((token.i,), cameo, 0.5, *roles) if cameo else None

    def governing_trigger(self, verb: Token) -> Trigger | None:
        """A threat, intent, refusal or demand governing another verb (rules.GOVERNING_HEADS).

        The verb's own PETRARCH pattern wins when it codes the same root ("threatened to impose
        sanctions" 1312); the target is the verb's own, else the governed action's.
        """
        code = rules.GOVERNING_HEADS.get(verb.lemma_.lower())
        complement = next((c for c in verb.children if _complement(c) and c.pos_ in ("VERB", "AUX")), None)
        if code is None or complement is None:
            return None
        if verb.lemma_.lower() == "agree" and any(c.dep_ in ("dobj", "xcomp") and c.lemma_.lower() in
                                    rules.TRUCE_COMPLEMENTS.get(complement.lemma_.lower(), ())
                                    for c in complement.children):
            code = "0871"  # "agreed to cease fire" declares a truce
        own = self.verb_trigger(verb)
        if own is not None and own.cameo.code[:2] == code[:2]:
            cameo = own.cameo
        else:
            cameo = self.lexicon.code(code)
        if cameo is not None and (cameo.code == "130" or verb.lemma_.lower() in rules.PLEDGE_HEADS):
            cameo = self.threat_of(complement) or cameo
        if verb.lemma_.lower() in rules.POSTURE_HEADS and (act := self.verb_trigger(complement)) is not None \
                and act.cameo.code[:2] in rules.POSTURE_ROOTS:
            cameo = self.lexicon.code("154")
        if cameo is None:
            return None
        source, target, reciprocal = _verb_roles(verb)
        if not target or (complement.dep_ == "xcomp" and _in_clause(verb.doc, target, verb)):
            target = _verb_roles(complement)[1] or target  # "threatened to shell X, where Y were killed": X
        return Trigger((verb.i,), cameo, 0.8, source, target, reciprocal)

    def threat_of(self, act: Token) -> CameoCode | None:
        """The CAMEO threat code of a threatened act (rules.THREAT_CODES, as for an announced act):
        "threatened to shell the villages" 138, "to cut off aid" 1311; a light verb's act is its
        object ("to launch attacks" 138); None when the act has no threat code of its own."""
        trigger = self.verb_trigger(act) if act.pos_ in ("VERB", "AUX") else None
        code = trigger.cameo.code if trigger else next(
            (c for c in map(self._noun_code, (c for c in act.children if c.dep_ == "dobj")) if c), None)
        threat = code and (rules.THREAT_CODES.get(code[:3]) or rules.THREAT_CODES.get(code[:2]))
        return self.lexicon.code(threat) if threat else None

    def obligation_trigger(self, verb: Token) -> Trigger | None:
        """A statement that another actor must act is a demand (CAMEO 10, as "demanded that" is):
        "the minister declared that Ruritania must withdraw" (rules.OBLIGATION_MODALS).

        The source is the stating verb's subject, the target the obliged clause's subject; a pronoun
        or the speaker's own name as that subject is a statement of the speaker's duty, no demand.
        """
        if verb.lemma_.lower() not in rules.ACCUSING_REPORT_VERBS:
            return None
        for clause in verb.children:
            if clause.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in rules.OBLIGATION_MODALS
                                                 for c in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            source = _verb_roles(verb)[0]
            if subject is None or subject.pos_ == "PRON" or subject.i in source:
                continue
            cameo = self.lexicon.code("100")
            return Trigger((verb.i,), cameo, 0.75, source, tuple(_conjuncts(subject)), False) if cameo else None
        return None

    def _noun_code(self, noun: Token) -> str | None:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("DATE", "TIME"):
            return None  # "in March" is a month, not a march
        lemma = noun.lemma_.lower()
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
        modifiers |= {c.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                      for c in p.children if c.dep_ == "pobj"}
        if lemma in rules.MODIFIED_EVENT_NOUNS:
            code = next((code for m, code in rules.MODIFIED_EVENT_NOUNS[lemma].items() if m in modifiers), None)
        elif lemma in rules.ASSEMBLY_NOUNS:
            code = rules.ASSEMBLY_NOUNS[lemma] if _protest_context(noun) else None
        else:
            code = rules.EVENT_NOUNS.get(lemma)
            if code is None or modifiers & rules.NOT_EVENT_NOUN_CONTEXT:
                return None
            refine = rules.NOUN_MODIFIER_CODES.get(lemma, {})
            code = next((c for m, c in refine.items() if m in modifiers), code)
        return None if code == "0871" and _endures(noun) else code  # "the truce held": it goes on, no new act

    def noun_trigger(self, noun: Token) -> Trigger | None:
        if noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
            return None  # "protest activity", "peacekeeping forces"
        code = self._noun_code(noun)
        if code is None:
            return None
        head = noun.head
        if head.pos_ == "VERB" and head.i != noun.i and noun.dep_ in ("dobj", "pobj") \
                and head.lemma_.lower() not in rules.LIGHT_VERBS and self.verb_trigger(head) is not None:
            return None  # "seek help", "provide assistance": the verb is the event
        if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ == "VERB" \
                and self.verb_trigger(head.head) is not None:
            return None  # "came under attack": the verb is the event, done to its subject
        cameo = self.lexicon.code(code)
        if cameo is None:
            return None
        tokens = [noun.i] + [c.i for c in noun.lefts if c.dep_ == "compound" and c.i == noun.i - 1]
        source, target, reciprocal = _noun_roles(noun, code)
        strength = 0.5 if noun.lemma_.lower() in rules.WEAK_EVENT_NOUNS else 0.7
        return Trigger(tuple(sorted(tokens)), cameo, strength, source, target, reciprocal,
                       continues=_continued_event(noun))

    # -- participants --------------------------------------------------------------------------

    def participants(self, ctx: _Context, trigger: Trigger) -> list[tuple[Participant | None, Participant | None]]:
        first = ctx.doc[trigger.tokens[0]]
        sources = [ctx.participant(i) for i in trigger.source_tokens]
        targets = [ctx.participant(i) for i in trigger.target_tokens]
        ctx.inferred_sources.update((first.idx, p.entity) for i, p in zip(trigger.source_tokens, sources, strict=True)
                                    if p is not None and ctx.doc[i].pos_ == "PRON")
        sources = [p for p in sources if p is not None]
        targets = [p for p in targets if p is not None]
        if not sources and ctx.pairs.get(trigger.continues):  # the riots' sources are the protests'
            return [(s, targets[0] if targets else t) for s, t in ctx.pairs[trigger.continues]][:MAX_PAIRS]
        confirmed = (ctx.class_probability(first, trigger.cameo) or 0.0) >= rules.CONFIRM_PROBABILITY
        pair = sum(bool(p.entity) for p in (targets if trigger.reciprocal else sources)) >= 2 and (
            trigger.reciprocal or trigger.cameo.plover in rules.SYMMETRIC_TYPES)  # "X and Y held talks"
        harmed = _harms_people(ctx.doc, trigger)  # "several people had been killed": no actor needed
        if trigger.strength < 0.7 and not confirmed and not pair and not harmed \
                and not ((any(p.entity for p in sources) or ctx.nearest_actor(first, after=False, exclude=None))
                         and (any(p.entity for p in targets) or ctx.nearest_actor(first, after=True, exclude=None))):
            return []  # a default-coded verb counts only between two actors of its clause (as PETRARCH)
        if trigger.strength < 0.75 and not ctx.noun_tokens.issuperset(trigger.tokens[-1:]) and not confirmed and not harmed \
                and not any(p.entity for p in sources + targets):
            return []
        if sources and not sources[0].country and _is_party_group(ctx.doc, [t.i for i in trigger.source_tokens
                                                                          for t in ctx.doc[i].subtree]):
            member, sources = sources[0], []
            group = ctx.parties_near(trigger.tokens[0])
            if member.sector:  # "the security chiefs of the two countries" keep their sector
                group = [replace(member, country=p.country) for p in group]
            if len(group) >= 2:
                a, b = group[0], group[1]
                return [(a, b), (b, a)] if trigger.cameo.plover in rules.SYMMETRIC_TYPES or trigger.reciprocal \
                    else [(a, None), (b, None)]
            if member.sector:  # the two of an unknown pair: the agent stays, with no country guessed
                return [(member, None)]
        if trigger.reciprocal or (len(sources) == 1 and not targets and _is_party_group(ctx.doc, trigger.source_tokens)) \
                or (not sources and not targets and trigger.cameo.plover in rules.SYMMETRIC_TYPES
                    and _is_party_group(ctx.doc, [t.i for t in first.sent])):  # "... soldiers on both sides"
            group = [p for p in sources + targets if p.entity]
            if len(group) < 2:
                members = [p for p in group if p.sector]
                group = ctx.parties_near(trigger.tokens[0])
                if len(members) == 1 and len(group) >= 2:  # "the frontier troops of the two states"
                    group = [replace(members[0], country=p.country) for p in group]
            if len(group) >= 2:
                a, b = group[0], group[1]
                return [(a, b), (b, a)]
        if len(sources) >= 2 and not targets and trigger.cameo.plover in rules.SYMMETRIC_TYPES:
            a, b = sources[0], sources[1]
            return [(a, b), (b, a)]
        if len(sources) >= 2 and sources[0].text != sources[1].text and not any(p.entity for p in targets) \
                and any(c.dep_ == "poss" and c.lower_ == "their" for i in trigger.target_tokens for c in ctx.doc[i].children):
            a, b = sources[0], sources[1]  # "X and Y postponed their talks": each with the other
            return [(a, b), (b, a)]
        if trigger.cameo.plover in rules.JOINT_TYPES and not any(p.entity for p in targets):
            group = ctx.coordinated_parties(trigger.source_tokens)  # "X and Y agreed to pool records"
            if len(group) >= 2:
                a, b = group[0], group[1]
                return [(a, b), (b, a)]
        inferred = None  # a fallback actor standing in as the source
        if not any(p.country for p in sources) and not (trigger.passive and not sources):
            found = ctx.fallback_actor(first, "source", targets[0] if targets else None)  # not onto itself
            if found is not None:  # inferred (as pronouns are), so never evidence of an accusation
                sources = [_located(sources, found)]
                inferred = sources[0]
                ctx.inferred_sources.add((first.idx, sources[0].entity))
        elif rules.SOURCE_OVERRIDE is not None and len(sources) == 1 and ctx.enclosing_quote(first.idx) is None:
            found = ctx.ranked_actor(first, "source", targets[0] if targets else None, rules.SOURCE_OVERRIDE)
            if found is not None and found.country != sources[0].country:
                sources = [found]
        if not sources and trigger.cameo.code[:3] in STATE_ACT_ROOTS and _controller(first)[1]:
            places = [who for j in _scene_places(first) if (who := ctx.participant(j)) and who.country]
            sources = places[:1]  # "X was arrested in Y", "held in a prison in Y": Y's authorities
            if places and not any(p.country for p in targets) and any(p.entity and p.sector for p in targets):
                targets = [_located(targets, places[0])]  # "a journalist was detained in Y": a journalist of Y
        if not sources and trigger.passive and trigger.cameo.code[:3] in rules.OWN_FORCES_ROOTS \
                and not any(c.dep_ == "agent" for c in first.children):
            sources, targets = targets, []  # "the militias were demobilized": they stand down
        if not sources and (trigger.passive or not trigger.source_tokens):  # "died in X police custody": X's police
            sources = [who for j in _scene_places(first) if ctx.doc[j].lemma_.lower() in rules.CUSTODY_NOUNS
                       and (who := ctx.participant(j)) and who.country][:1]
        if rules.SOURCE_LAST_RESORT is not None and not any(p.country or p.sector in ("IGO", "NGO") for p in sources) \
                and ctx.enclosing_quote(first.idx) is None:  # a claimed act never takes the speaker as its actor
            found = ctx.ranked_actor(first, "source", targets[0] if targets else None, rules.SOURCE_LAST_RESORT)
            if found is not None:  # the sentence's likeliest source with a country (agentless passives too)
                sources = [_located(sources, found)]
                ctx.inferred_sources.add((first.idx, sources[0].entity))
        if sources and len(trigger.target_tokens) == 1 and ctx.owned(ctx.doc[trigger.target_tokens[0]], sources[0]):
            targets = []  # "X opened its borders": its own side is no target
        if not any(p.country for p in targets) and trigger.cameo.code[:3] in RESTRICTION_ROOTS:
            places = [who for j in _restricted_places(first) if (who := ctx.participant(j)) and who.country]
            if places and sources and places[0].entity == sources[0].entity:  # "X lifted it in the country's east"
                places[0] = replace(places[0], entity=None)
            targets = places[:1] or targets  # "imposed a curfew in X", "lifted the emergency in X": X
        if targets and not any(p.country for p in targets) and _is_party_group(ctx.doc, trigger.target_tokens):
            group = ctx.parties_near(trigger.tokens[0])  # "called on the parties": the two named before
            targets = group[:2] if len(group) >= 2 else targets
        elif not targets or not any(p.country for p in targets):
            found = ctx.fallback_actor(first, "target", sources[0] if sources else None,
                                       _descriptions(ctx.doc, trigger.target_tokens))
            own_side = found is not None and sources and found.country == sources[0].country \
                and any(p.entity and not p.sector and ctx.entity_by_id[p.entity].type not in rules.PLACE_ENTITY_TYPES
                        for p in targets)
            targets = [_located(targets, found)] if found is not None and not own_side else targets
        if targets and targets[0].country and trigger.cameo.code[:2] not in rules.OUTSIDER_ROOTS \
                and not any(p.country or p.sector in ("IGO", "NGO") for p in sources) \
                and any(p.entity and p.sector for p in sources):  # "Judge X opened an inquiry into Chilean officials"
            sources = [replace(p, country=targets[0].country) if p.entity and p.sector else p for p in sources]
        if inferred is not None and sources == [inferred] and trigger.cameo.code[:3] in BLOW_ROOTS \
                and inferred.entity == ctx.teller(first.idx) \
                and any(t.country == inferred.country and t.sector not in HOSTILE_SECTORS for t in targets):
            sources = []  # "X said mines killed six of its people": who tells of a blow to its own side did not strike it
        pairs = [(s, None if t and s and t.entity and t.entity == s.entity else t)
                 for s in (sources or [None]) for t in (targets or [None])]
        return pairs[:MAX_PAIRS]

    # -- records -------------------------------------------------------------------------------

    def stance(self, ctx: _Context, trigger: Trigger) -> CameoCode | None:
        """The stated stance a negated or intended cooperative act also codes (CAMEO convention).

        "will not accept refugees" is a refusal (12x, as "refused to accept" is); "will release the
        hostages", "is ready to send aid" express an intent to cooperate (03x, as "promised to" does).
        The act itself stays, negated or hypothetical.
        """
        first = ctx.doc[trigger.tokens[0]]
        code = trigger.cameo.code
        status = _modality(first, attempted=_attempt_is_act(code))
        if status == "negated" and _negated_by_not(first):
            stance = rules.REFUSAL_CODES.get(code[:2])
        elif status == "hypothetical" and _intended(first):
            stance = rules.INTENT_CODES.get(code[:3]) or rules.INTENT_CODES.get(code[:2]) \
                or rules.THREAT_CODES.get(code[:3]) or rules.THREAT_CODES.get(code[:2])
        elif status == "hypothetical" and _conditional(first):
            stance = rules.THREAT_CODES.get(code[:3]) or rules.THREAT_CODES.get(code[:2])
        else:
            stance = None
        return self.lexicon.code(stance) if stance else None

    def build(self, ctx: _Context, trigger: Trigger, source: Participant | None,
              target: Participant | None, stance: CameoCode | None = None) -> Event:
        doc = ctx.doc
        first, last = doc[trigger.tokens[0]], doc[trigger.tokens[-1]]
        span = make_span(ctx.document.text, first.idx, last.idx + len(last.text))
        status, quote = ctx.status(first, attempted=_attempt_is_act(trigger.cameo.code))
        cameo = trigger.cameo
        if stance is not None:  # the stance is stated, so only a quote can make it a claim
            cameo, status = stance, ("attributed" if quote else "asserted")
        confidence = trigger.strength + (0.1 if source and source.entity else 0) + (0.05 if target and target.entity else 0)
        if ctx.is_caption(first):
            confidence -= 0.3
        if _governed(first) or self.stated_about(last):
            confidence -= 0.25  # the governing threat/intent/demand (or the stated stance) is the main event
        confidence -= rules.DEPTH_PENALTY * min(_depth(first), 3)  # a subordinate clause's act is less the news
        if _subordinate(first):
            confidence -= rules.SUBORDINATE_PENALTY  # the main clause's act ranks first
        if _in_condition(first):
            confidence -= rules.CONDITION_PENALTY  # "... unless X agrees to step down": the condition is no act
        if status != "asserted":
            confidence -= 0.1  # a claimed, intended or denied act is less certain than a narrated one
        confidence = _with_model(confidence, ctx.class_probability(first, cameo))
        acled_type = self.acled(ctx, first, cameo, source)
        if stance is None and self.types is not None:  # the type model may overrule the verb's type
            senses = self.lexicon.senses(_verb_lemma(first, self.lexicon)) if first.pos_ == "VERB" else frozenset()
            code = self.types.retype(ctx.type_scores(first, self.types), event_features(first, cameo), cameo.plover,
                                     senses=senses)  # a verb's dictionary senses; an event noun has its one code
            cameo = (self.lexicon.code(code) or cameo) if code else cameo
        return Event(
            id="", type=cameo.plover, trigger=span, sentence=ctx.sentence(first), status=status,
            mode=_mode(cameo, acled_type, first), context=cameo.context, cameo=cameo.code, goldstein=cameo.goldstein,
            quad_class=cameo.quad_class, acled=acled_type, source=source, target=target,
            attributed_to=quote.id if quote else None, confidence=round(min(max(confidence, 0.05), 0.99), 2),
        )

    def stated_about(self, token: Token) -> bool:
        """An event noun in a prepositional object of a verbal act's verb (CAMEO 01-05, 09-13: "opposed to
        French mediation", "warned of an attack", "called for talks"): the stance is the event, as PETRARCH
        codes the verb (a direct object is no event of its own, `noun_trigger`)."""
        prep = token.head
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "pobj" or prep.dep_ != "prep" \
                or prep.head.pos_ != "VERB":
            return False
        trigger = self.governing_trigger(prep.head) or self.verb_trigger(prep.head)
        return trigger is not None and trigger.cameo.quad_class in (1, 3)

    def acled(self, ctx: _Context, token: Token, cameo: CameoCode, source: Participant | None) -> AcledType | None:
        """ACLED type of an event: the CAMEO mapping refined by the sentence's cues and model (acled.py)."""
        found = self.lexicon.acled_type(cameo.code)
        if found and cameo.code.startswith("171"):
            found = _seizure_type(token) or found
        if found == TERRITORY and source and source.sector in ("GOV", "MIL"):
            found = (found[0], "Government regains territory")
        typed = acled.type_event(acled.packaged(), acled.event_words(token, found), found, cameo.quad_class,
                                 ctx.acled_proba(token))
        return AcledType(*typed) if typed else None

    def accusations(self, ctx: _Context, events: list[Event], taken: set[int]) -> list[Event]:
        """ACCUSE events at reporting verbs whose quote claims another actor's hostile act."""
        out = []
        for quote in ctx.quotes:
            if quote.cue is None or quote.speaker is None:
                continue
            cue = ctx.cue_verb(quote)
            if cue is None or cue.i in taken:
                continue
            speaker = quote.speaker.entity
            accused = None
            for event in events:
                inside = quote.content.start <= event.trigger.start < quote.content.end
                if inside and event.quad_class and event.quad_class >= 3 and event.source and \
                        event.source.entity and event.source.entity != speaker and event.status != "negated" \
                        and (event.trigger.start, event.source.entity) not in ctx.inferred_sources:
                    accused = event.source
                    break
            if accused is None:
                accused = ctx.hostile_claim(quote, speaker)
            if accused is None:
                continue
            cameo = self.lexicon.code("112")
            assert cameo is not None
            entity = ctx.entity_by_id.get(speaker) if speaker else None
            actor = entity.actor if entity else None
            source = Participant(speaker, actor.country if actor else None, actor.sector if actor else None,
                                 quote.speaker.text)
            status, outer = ctx.status(cue, exclude=quote)
            span = make_span(ctx.document.text, cue.idx, cue.idx + len(cue.text))
            out.append(Event(
                id="", type="ACCUSE", trigger=span, sentence=ctx.sentence(cue), status=status, mode=cameo.mode,
                context=cameo.context, cameo=cameo.code, goldstein=cameo.goldstein, quad_class=cameo.quad_class,
                source=source, target=accused, attributed_to=outer.id if outer else None,
                confidence=_with_model(0.6 if speaker else 0.45, ctx.class_probability(cue, cameo))))
            taken.add(cue.i)
        return out

    def truce_sides(self, ctx: _Context, trigger: Trigger,
                    pairs: list[tuple[Participant | None, Participant | None]]) -> list[tuple[Participant | None, Participant | None]]:
        """A truce (CAMEO 0871) that names no party (a place it was agreed in is none: "two earlier
        ceasefires, agreed in Moscow") is between the two sides of the last fight told before it, at
        most TRUCE_WINDOW sentences back, that names both sides' countries: each with the other."""
        first = trigger.tokens[0]
        if trigger.cameo.code != "0871" or trigger.source_tokens or trigger.target_tokens:
            return pairs
        scenes = {who.entity for t in ctx.doc[first].sent if _is_scene(t) and (who := ctx.participant(t.i)) is not None}
        if any(p is not None and p.country and p.entity not in scenes for pair in pairs for p in pair):
            return pairs
        stop = _sentences_back(ctx.doc, ctx.doc[first].sent.start, TRUCE_WINDOW)
        for i in sorted((i for i in ctx.fights if stop <= i < first), reverse=True):
            sides = [(s, t) for s, t in ctx.fights[i] if s and t and s.country and t.country and s.country != t.country]
            if sides:
                a, b = sides[0]
                return [(a, b), (b, a)]
        return pairs


def _mode(cameo: CameoCode, acled_type: AcledType | None, trigger: Token) -> str | None:
    """The code's PLOVER mode; an assault's weapon mode from the weapon its ACLED type names, else
    from a shooting verb ("shot dead", "gunned down": firearms; not "shot down" an aircraft); a
    strike (143 by a strike word) the labour-strike mode."""
    weapon = rules.WEAPON_MODES.get(acled_type.sub_event_type or "") if acled_type else None
    lemma = trigger.lemma_.lower()
    downed = lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in trigger.children)
    if weapon is None and trigger.pos_ == "VERB" and not downed:  # "shot down" an aircraft: weapon unknown
        weapon = rules.SHOOTING_VERBS.get(lemma)
    if cameo.code.startswith("143") and lemma in rules.STRIKE_WORDS:
        return "strike"
    return weapon if weapon and cameo.plover == "ASSAULT" and cameo.mode in rules.REPLACEABLE_MODES else cameo.mode


# -- syntax helpers -------------------------------------------------------------------------------

def _governed(token: Token) -> bool:
    """An act that a threat, intent, refusal or demand governs: the complement of a governing verb
    or noun ("its demand that X free ...", "the threat to cut off ..."), also when the parser hangs it
    on the verb whose object the noun is ("repeated its demand that X free ...")."""
    head = token.head
    if token.dep_ == "acl":
        return head.lemma_.lower() in rules.GOVERNING_NOUNS
    return _complement(token) and (head.lemma_.lower() in rules.GOVERNING_HEADS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in rules.GOVERNING_NOUNS for c in head.children))


def _distances(verb: Token, items: Iterable[Token | tuple[str, Token]], into: dict[str, int] | None = None) -> dict[str, int]:
    """Each word (lower case and lemma of a token, or a given word of a token) -> its nearest distance
    in tokens from `verb`, added to `into`: the words a verb pattern is matched against."""
    out = dict(into or {})
    for item in items:
        words, token = ((item[0],), item[1]) if isinstance(item, tuple) else ((item.lower_, item.lemma_.lower()), item)
        for word in words:
            out[word] = min(out.get(word, 999), abs(token.i - verb.i))
    return out


def _complement(token: Token) -> bool:
    """The token heads its head's complement clause: xcomp, ccomp, or an infinitive that the parser hung
    as an adverbial clause right after the head or after its object naming who is to act ("have sworn
    to fight", "demanded the parties to the conflict to allow ...": advcl; not "called a strike to ...")."""
    head = token.head
    return token.dep_ in ("xcomp", "ccomp") or (token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and (token.i == head.i + 2 or any(
            c.dep_ == "dobj" and c.i < token.i and (_names_actor(c) or c.lemma_.lower() in rules.PARTY_NOUNS
                                                    | rules.PROTESTER_NOUNS) for c in head.children)))


def _phrase_prepositions(verb: Token) -> list[tuple[str, Token]]:
    """"(" + each preposition or particle heading a phrase of the verb or of its object, with its
    token: the words a PETRARCH pattern's parenthesized group needs ("welcomed X to Y": "(to"; not an
    infinitive's "to", nor a date's preposition, "on Tuesday": no pattern phrase is a date)."""
    hosts = [verb, *(c for c in verb.children if c.dep_ in PHRASE_HOSTS)]
    return [("(" + t.lower_, t) for h in hosts for t in h.children if t.dep_ in ("prep", "dative", "agent", "prt")
            and not any(c.ent_type_ in ("DATE", "TIME") for c in t.children)]


def _harms_people(doc: Doc, trigger: Trigger) -> bool:
    """A violent act (CAMEO 18-20, 175) whose object or passive subject is a noun of people or of an
    armed force ("several people had been killed", "an army unit was attacked"); not a pronoun
    ("beat them 3-1" is sport)."""
    return (trigger.cameo.code[:2] in FIGHT_ROOTS or trigger.cameo.code == "175") and any(
        doc[i].pos_ == "NOUN" and doc[i].lemma_.lower() in rules.HARMED_NOUNS for i in trigger.target_tokens)


def _conjuncts(token: Token) -> list[int]:
    return [token.i] + [c.i for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]


def _armed_departure(verb: Token) -> bool:
    """An armed force leaving ("the troops left the base", "soldiers began departing"): a withdrawal."""
    if verb.lemma_.lower() not in rules.DEPARTURE_VERBS:
        return False
    subject, passive = _controller(verb)
    return subject is not None and not passive and subject.lemma_.lower() in rules.ARMED_FORCE_NOUNS


def _protest_context(noun: Token) -> bool:
    """Whether an assembly noun's sentence names protesters or their demands, or its phrase an
    opponent ("against the dam"), and no protest of its own (rules.ASSEMBLY_NOUNS)."""
    if any(rules.EVENT_NOUNS.get(t.lemma_.lower(), "").startswith("14") for t in noun.sent):
        return False
    return any(t.lemma_.lower() in rules.PROTEST_CONTEXT_NOUNS for t in noun.sent) \
        or any(c.dep_ == "prep" and c.lower_ == "against" for c in noun.children)


def _attempt_is_act(code: str) -> bool:
    """Whether a past attempt at an act of this CAMEO code is the act (rules.ATTEMPTED_ROOTS)."""
    return code[:2] in rules.ATTEMPTED_ROOTS or code[:3] in rules.ATTEMPTED_ROOTS


def _crowd_breaks_in(verb: Token) -> bool:
    """People forcing their way in ("demonstrators tried to force their way into the building"):
    a riot (rules.BREAK_IN_VERBS)."""
    return verb.lemma_.lower() in rules.BREAK_IN_VERBS \
        and any(c.dep_ == "dobj" and c.lemma_.lower() == "way" for c in verb.children) \
        and any(c.dep_ in ("prep", "advmod") and c.lower_ in rules.BREAK_IN_PREPOSITIONS for c in verb.children) \
        and _people_subject(verb)


def _takes_ground(verb: Token) -> bool:
    """Ground taken ("took the ridge and two villages", "the hill was captured"): an occupation of
    territory (rules.TAKING_VERBS)."""
    if verb.lemma_.lower() not in rules.TAKING_VERBS:
        return False
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.lemma_.lower() in rules.TAKEN_GROUND_NOUNS for c in taken for t in (c, *c.conjuncts))


def _seizure_type(trigger: Token) -> tuple[str, str] | None:
    """The ACLED type of a seizure by what it took: people (abduction) or a place (territory)."""
    taken = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")] + \
        [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if not taken:
        return None
    thing = taken[0]
    if thing.ent_type_ in ("PERSON", "NORP") or thing.lemma_.lower() in rules.SEIZED_PEOPLE_NOUNS:
        return ("Violence against civilians", "Abduction/forced disappearance")
    if thing.ent_type_ in ("GPE", "LOC", "FAC") or thing.lemma_.lower() in rules.SEIZED_PLACE_NOUNS:
        return TERRITORY
    return None


def _showing(verb: Token) -> bool:
    """A protest verb used as "show" or "state": with an object or a clause and a subject that is not
    people ("the lab figures demonstrated a decline", "the vote demonstrated that ..."); never a protest."""
    if verb.lemma_.lower() not in rules.PROTEST_VERBS or verb.lemma_.lower() in rules.TRANSITIVE_PROTEST_VERBS:
        return False
    if not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return False
    subject, _ = _controller(verb)
    return subject is None or not _is_people(subject)


def _people_protest(verb: Token) -> bool:
    """People protesting with or without a target ("students marched to the ministry"), not a
    statement ("protested that ...") or a showing ("the tests demonstrated a flaw")."""
    lemma = verb.lemma_.lower()
    if lemma not in rules.PROTEST_VERBS or any(c.dep_ in ("ccomp", "nsubjpass", "auxpass") for c in verb.children):
        return False
    if lemma not in rules.TRANSITIVE_PROTEST_VERBS and any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    return _people_subject(verb)


def _reports_speech(verb: Token) -> bool:
    """The verb reports what was said: it has a complement clause ("protested that ..."), or it closes
    the sentence after a comma as a participle the parser hung on an appositive ("X is failing to
    act, a rights group protested on Monday": an acl of "group", where the group is the speaker)."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    head, doc = verb.head, verb.doc
    return verb.dep_ == "acl" and head.dep_ == "appos" and verb.tag_ in ("VBD", "VBN") \
        and head.left_edge.i > 0 and doc[head.left_edge.i - 1].lower_ == "," \
        and not any(c.dep_ in ("dobj", "xcomp", "prep") for c in verb.children) \
        and all(t.is_punct for t in doc[verb.right_edge.i + 1:verb.sent.end])


def _people_subject(verb: Token) -> bool:
    """Whether the (active) subject of `verb` is people (`_is_people`)."""
    subject, passive = _controller(verb)
    return subject is not None and not passive and _is_people(subject)


def _is_people(token: Token) -> bool:
    """A person, nationality or organization, or a noun of people who protest ("students", "crowds")."""
    return token.ent_type_ in ("PERSON", "NORP", "ORG") or token.lemma_.lower() in rules.PROTESTER_NOUNS \
        or token.lower_ in rules.PROTESTER_NOUNS


def _controller(verb: Token) -> tuple[Token | None, bool]:
    """The subject of `verb`: its own, or (xcomp/conj/relcl) the governing clause's.

    The flag says the subject is a passive one of `verb`; a passive controller of an xcomp is the
    xcomp's agent ("Peru was forced to seek help": Peru seeks), so the flag is then False, and so
    is a coordinated or adverbial clause's that is not itself passive ("X was charged and will
    resign", "X was detained after attacking"; "X was arrested and jailed" stays passive).  A
    predicate adjective's subject controls its infinitive ("X is about / ready to sign": X signs;
    not "X is hard to beat", rules.OBJECT_CONTROL_ADJECTIVES).
    """
    seen = 0
    node = verb
    controlled = False
    while seen < 5:
        seen += 1
        for c in node.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                    return node.head, False
                return c, False
            if c.dep_ == "nsubjpass":
                if node is verb:
                    return c, True
                own = any(a.dep_ == "auxpass" for a in verb.children)
                return c, own or (not controlled and verb.tag_ == "VBN" and not any(a.dep_ == "aux" for a in verb.children))
        if node.dep_ == "xcomp":
            controlled = True
            objects = [c for c in node.head.children if c.dep_ in ("dobj",) and not _is_instrument(c)]  # "used gas to clear"
            objects += [p for c in node.head.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children if p.dep_ == "pobj"]
            if objects and node.head.lemma_.lower() not in rules.PURPOSE_HEADS:  # object control: "urged both camps to avoid"
                return objects[0], False
            node = node.head
        elif node.dep_ == "conj" or node.dep_ == "advcl":
            node = node.head
        elif node.dep_ == "acomp" and node.lemma_.lower() not in rules.OBJECT_CONTROL_ADJECTIVES:
            node = node.head
        elif node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX") \
                and node.head.lower_ in GERUND_PREPOSITIONS:
            host = node.head.head  # "accused X of arming Y", "blamed X for firing": X acts
            objects = [c for c in host.children if c.dep_ == "dobj"] if node.head.lower_ in ("of", "for") else []
            if objects:
                return objects[0], False
            controlled, node = True, host  # "X was charged with arming Y", "X replied by shelling Y": X
        elif node.dep_ == "relcl":
            return node.head, False
        elif node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            if node.head.dep_ == "dobj" and (not _names_actor(node.head) or _is_instrument(node.head)):  # "published a letter pressing X": the publisher
                node = node.head.head
                continue
            return node.head, False
        else:
            return None, False
    return None, False


def _verb_roles(verb: Token) -> tuple[tuple[int, ...], tuple[int, ...], bool]:
    subject, passive_subject = _controller(verb)
    source: list[int] = []
    target: list[int] = []
    reciprocal = False
    own_passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if own_passive and verb.lemma_.lower() in rules.STANCE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children) \
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        own_passive = passive_subject = False  # "X is opposed to Y": a stance X takes, not an act done to X
    if subject is not None and not _is_instrument(subject):
        if passive_subject or own_passive:
            target = _conjuncts(subject)
        else:
            source = _conjuncts(subject)
    for c in verb.children:
        if c.dep_ == "agent" and own_passive:
            source = [i for p in c.children if p.dep_ == "pobj" and not _is_cause(p) for i in _conjuncts(p)]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    with_objects = [p for q in verb.subtree if q.dep_ == "prep" and q.lower_ in ("with", "against")
                    and _within_phrase(q, verb, 3)  # "by telephone with X", not "demanded that Y end its war against X"
                    for p in q.children if p.dep_ == "pobj"]
    if not with_objects and verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head  # "had lunch with X to negotiate Y": negotiated with X
        with_objects = [p for q in head.subtree if q.dep_ == "prep" and q.lower_ == "with" and head in (q.head, q.head.head)
                        for p in q.children if p.dep_ == "pobj"]
    agents = _event_agents(objects[0]) if objects else [
        a for c in verb.children if c.dep_ == "prep" and c.lower_ in ACT_PREPOSITIONS
        for p in c.children if p.dep_ == "pobj" for a in _event_agents(p, owners=True)]
    if agents:  # "condemned an attack by X", "agreed to X's mediation", "complained over X's raids": X
        objects = agents
    elif objects and objects[0].lemma_.lower() in rules.PATTERN_OBJECTS:
        objects = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in rules.TARGET_PREPOSITIONS
                   for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
    if objects and objects[0].lemma_.lower() in rules.CONVEYED_OBJECTS:  # "sent troops to X": X
        objects = _recipients(verb, objects[0]) or _helped(verb, objects[0]) or objects
    elif objects and objects[0].dep_ in ("dobj", "dative") and (
            not _names_actor(objects[0]) or verb.lemma_.lower() in HANDOVER_VERBS):
        objects = [p for p in _recipients(verb, objects[0]) if _names_actor(p)] or objects  # "gave arms to X"
    if objects and not objects[0].ent_type_ and not agents:  # "opened fire on X": the target is X
        inner = [p for q in objects[0].children if q.dep_ == "prep" and q.lower_ in rules.TARGET_PREPOSITIONS
                 for p in q.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
        inner = inner or [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")
                          for p in c.children if p.dep_ == "pobj" and _names_actor(p) and not _names_actor(objects[0])]
        if inner:  # "waged war on X", the phrase on the verb when the object names no actor
            objects = inner
    if objects and _is_instrument(objects[0]):  # "fired rubber bullets at the crowd": the crowd
        objects = _aimed_at(verb, objects[0])
    with_objects = [p for p in with_objects if not _is_instrument(p)]  # "dispersed them with batons"
    if with_objects and (not objects or objects[0].ent_type_ == "" and with_objects[0].ent_type_ != ""):
        objects = with_objects  # "discussed the situation with X and Y": X and Y are the targets
    if objects and objects[0].lemma_.lower() in rules.OPERATION_NOUNS and any(  # "teams flown to the AU mission in X": X
            verb.doc[j].ent_type_ == "ORG" for j in _np_tokens(objects[0])):
        objects = [p for c in objects[0].children if c.dep_ == "prep" and c.lower_ == "in"
                   for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "GPE"] or objects
    stance = _stance_targets(verb)
    if stance and not (objects and _names_actor(objects[0])):  # "blocked streets in defiance of X": X
        objects = stance
    phrase = verb.doc[verb.i + 1: verb.i + 4].text.lower()
    if any(r in phrase for r in rules.RECIPROCAL_OBJECTS):
        reciprocal = True
    elif objects and not target:
        target = _conjuncts(objects[0])
    if not target and not reciprocal:  # "demanded that X withdraw": X is the target
        target = [i for c in verb.children if c.dep_ == "ccomp" for s in c.children
                  if s.dep_ in ("nsubj", "nsubjpass") for i in _conjuncts(s)]
    fired = own_passive and subject is not None and _is_instrument(subject)
    if fired and not source:  # "shots were fired from the X side (towards Y)": X fired
        source = [i for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children if p.dep_ == "pobj" for i in _conjuncts(p)]
        aims = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for q in c.subtree
                if q.dep_ == "prep" and q.lower_ in rules.AIM_PREPOSITIONS for p in q.children if p.dep_ == "pobj"]
        target = target or (_conjuncts(aims[0]) if aims else [])  # Y, where the parser hangs it on X
    if not target and not reciprocal:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in rules.TARGET_PREPOSITIONS and not (fired and c.lower_ == "from"):
                pobj = [p for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
                        and p.lemma_.lower() not in rules.PLACE_NOUNS and not _is_instrument(p)]
                if pobj:
                    target = _conjuncts(pobj[0])
                    break
    return tuple(source), tuple(target), reciprocal


def _in_clause(doc: Doc, tokens: Sequence[int], verb: Token) -> bool:
    """Every token of `tokens` is inside a that-clause (ccomp) of `verb`, not `verb`'s own phrase."""
    return all(any(a.dep_ == "ccomp" and a.head.i == verb.i for a in doc[i].ancestors) for i in tokens)


def _agrees(pronoun: Token, entity: Entity) -> bool:
    """A personal pronoun ("he", "her") never stands for a state, place or organization, nor "it" for a person."""
    lower = pronoun.lower_
    if lower in rules.PERSONAL_PRONOUNS:
        return entity.type not in rules.NON_PERSON_TYPES
    return not (lower in ("it", "its") and entity.type == "PERSON")


def _stance_targets(verb: Token) -> list[Token]:
    """Whom a stance phrase on the verb is aimed at ("in defiance of X", "in protest against X's
    raids", rules.STANCE_NOUNS): an actor, or the doer of the act it names."""
    found = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for noun in c.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in rules.STANCE_NOUNS:
                    for q in noun.children:
                        if q.dep_ == "prep":
                            found += [a for p in q.children if p.dep_ == "pobj"
                                      for a in ([p] if _names_actor(p) else _event_agents(p, owners=True))]
    return found


def _within_phrase(token: Token, verb: Token, levels: int) -> bool:
    """`token` hangs from `verb` at most `levels` heads up, through the verb's own phrases only (not
    a clause of its own nor its subject: "demanded that Y end its war against X", "X along with
    its allies demanded")."""
    node = token
    for _ in range(levels):
        if node.head.i == verb.i:
            return True
        if node.head.dep_ not in PHRASE_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return False


def _event_agents(noun: Token, owners: bool = False) -> list[Token]:
    """Who did what an event or wrongdoing noun names, by its "by" phrase ("an attack by X", "crimes
    by X": X; not a means or
    another event: "the damage by shelling"), with `owners` also by a possessor or an actor
    modifier ("X's mediation", "the Xian raids"); [] for other nouns."""
    lemma = noun.lemma_.lower()
    if lemma not in rules.EVENT_NOUNS and lemma not in rules.MODIFIED_EVENT_NOUNS and lemma not in rules.PATTERN_OBJECTS \
            and lemma not in rules.WRONGDOING_NOUNS:
        return []
    by = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    by += [a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"]
    found = [noun.doc[i] for c in by for p in c.children if p.dep_ == "pobj" and not _is_cause(p) for i in _conjuncts(p)]
    if owners and not found:
        found = [noun.doc[i] for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON" or (
            c.dep_ in ("amod", "compound") and c.ent_type_ in rules.ACTOR_ENTITY_TYPES) for i in _conjuncts(c)]
    return found


def _recipients(verb: Token, thing: Token) -> list[Token]:
    """Who receives or loses what `verb` conveys (`thing`): "to/into/from X" on the verb or the thing."""
    return [p for q in (verb, thing) for c in q.children if c.dep_ in ("prep", "dative")  # the parser's "to" is often dative
            and c.lower_ in rules.RECIPIENT_PREPOSITIONS
            for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]


def _helped(verb: Token, thing: Token) -> list[Token]:
    """Whom what `verb` conveys is for, by the purpose clause's object when it names an actor or
    people ("sent troops to help the X army", "sending aid to help flood victims")."""
    return [o for q in (verb, thing) for c in q.children if c.dep_ in ("advcl", "xcomp", "acl")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for o in c.children if o.dep_ == "dobj" and (_names_actor(o) or _is_people(o))][:1]


def _is_instrument(token: Token) -> bool:
    """The noun names a means of force ("tear gas", "rubber bullets", rules.INSTRUMENT_NOUNS), never an actor."""
    lemma = token.lemma_.lower()
    pairs = {f"{c.lemma_.lower()} {lemma}" for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1}
    return lemma in rules.INSTRUMENT_NOUNS or bool(pairs & rules.INSTRUMENT_NOUNS)


def _endures(noun: Token) -> bool:
    """The noun is said to go on: subject of an enduring verb ("the ceasefire has held"), or a
    sentence's root noun whose reduced clause is one ("a truce between X and Y held on Sunday")."""
    if noun.dep_ == "nsubj":
        return noun.head.lemma_.lower() in rules.ENDURE_VERBS
    return noun.dep_ == "ROOT" and any(c.dep_ == "acl" and c.lemma_.lower() in rules.ENDURE_VERBS
                                       and not any(a.dep_ == "agent" for a in c.children) for c in noun.children)


def _is_cause(token: Token) -> bool:
    """A passive's by-agent that is a means of force or an event ("destroyed by a car bomb",
    "killed by an air strike"): what did it, not who; never a participant."""
    lemma = token.lemma_.lower()
    return _is_instrument(token) or lemma in rules.EVENT_NOUNS or lemma in rules.MODIFIED_EVENT_NOUNS


def _aimed_at(verb: Token, instrument: Token) -> list[Token]:
    """Whom an instrument was aimed at: "at/on/against/into X" on the verb or the instrument, else
    the object of the purpose clause ("used water cannon to disperse X")."""
    aimed = [p for q in (verb, instrument) for c in q.children if c.dep_ == "prep" and c.lower_ in rules.AIM_PREPOSITIONS
             for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") and not _is_instrument(p)]
    return aimed or [o for c in verb.children if c.dep_ in ("xcomp", "advcl")
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                     for o in c.children if o.dep_ == "dobj" and not _is_instrument(o)][:1]


def _names_actor(token: Token) -> bool:
    """The noun phrase of `token` names a person, group or state ("Lebanese relics", "the AU mission")."""
    return any(token.doc[j].ent_type_ in rules.ACTOR_ENTITY_TYPES for j in [token.i, *_np_tokens(token)])


def _noun_roles(noun: Token, code: str | None = None) -> tuple[tuple[int, ...], tuple[int, ...], bool]:
    """Source and target tokens of an event noun (coded `code`); the "of" phrase of a coercive or
    violent act (rules.PATIENT_OF_ROOTS) is whom it is done to ("the blockade of X")."""
    source: list[int] = []
    target: list[int] = []
    reciprocal = False
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ")
                                and c.ent_type_ in rules.ACTOR_ENTITY_TYPES):  # not "the Sunday bombings"
            source = _conjuncts(c)
        elif c.dep_ == "prep" and c.lower_ == "by":
            source = [i for p in c.children if p.dep_ == "pobj" and not _is_cause(p) for i in _conjuncts(p)]
        elif c.dep_ == "prep" and c.lower_ == "between":
            pobj = [p for p in c.children if p.dep_ == "pobj"]
            if pobj:
                target = _conjuncts(pobj[0])
                reciprocal = True
        elif c.dep_ == "prep" and not target and (c.lower_ in rules.TARGET_PREPOSITIONS or (
                c.lower_ == "of" and code is not None and code[:2] in rules.PATIENT_OF_ROOTS)):
            target = [i for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in rules.PLACE_NOUNS
                      for i in ([a.i for a in _event_agents(p)] or _conjuncts(p))]  # "an inquiry into abuses by X": X
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:  # "riots and clashes": the first noun's place
        first = first.head
    head = first.head if noun.dep_ == "conj" else noun.head
    if not source and noun.dep_ in ("dobj", "conj") and head.pos_ in ("VERB", "AUX"):
        subject, passive = _controller(head)
        if subject is not None and not passive:
            source = _conjuncts(subject)
    if not source and first.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        subject, passive = _controller(verb)
        if subject is not None and not passive and noun.lemma_.lower() in rules.MEETING_NOUNS:
            source = _conjuncts(subject)  # "said at a meeting with X": the speaker meets X
    if not source and first.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in \
            rules.RESPONSIBILITY_NOUNS and head.head.dep_ == "dobj":  # "X took the credit for the raid"
        subject, passive = _controller(head.head.head)
        if subject is not None and not passive:
            source = _conjuncts(subject)
    if not source and noun.dep_ == "nsubjpass":
        source = [i for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                  for i in _conjuncts(p)]
    if noun.dep_ == "nsubj" and not target and not reciprocal:
        for c in head.children:  # "clashes began between X and Y"
            if c.dep_ == "prep" and c.lower_ == "between":
                target = [i for p in c.children if p.dep_ == "pobj" for i in _conjuncts(p)]
                reciprocal = True
    return tuple(source), tuple(target), reciprocal


def _continued_event(noun: Token) -> int | None:
    """The event noun that `noun` continues: "protests (which) turned into riots and clashes"."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "into" or prep.head.lemma_.lower() not in rules.BECOME_VERBS:
        return None
    subject, _ = _controller(prep.head)
    return subject.i if subject is not None and subject.lemma_.lower() in rules.EVENT_NOUNS else None


def _np_tokens(token: Token) -> list[int]:
    """Tokens of a noun phrase without its clauses and non-"of" prepositional phrases."""
    out = []
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "advcl", "appos", "cc", "conj", "punct"):
            continue
        if child.dep_ == "prep" and child.lower_ != "of":
            continue
        out.extend(t.i for t in child.subtree)
    return sorted(out, key=lambda j: abs(j - token.i))


def _is_heading(sent) -> bool:
    words = [t for t in sent if not t.is_space]
    return len(words) <= 6 and not any(t.text in ".!?:;\"”" for t in words[-2:])


def _on_heading_line(token: Token, text: str) -> bool:
    """The token is on a short line of `text` (its document's) without final punctuation followed
    by a line break."""
    end = text.find("\n", token.idx)
    if end < 0:
        return False
    line = text[text.rfind("\n", 0, token.idx) + 1:end].strip()
    return len(line.split()) <= 6 and line[-1:] not in (".", "!", "?", ":", ";", '"', "”")


def _is_party_group(doc: Doc, tokens: Sequence[int]) -> bool:
    """ "the parties", "both sides", "the two countries" (a bare "countries" is not a group)."""
    for i in tokens:
        token = doc[i]
        if token.lemma_.lower() not in rules.PARTY_NOUNS or token.tag_ not in ("NNS", "NNPS"):
            continue
        needs = rules.PARTY_GROUP_NOUNS.get(token.lemma_.lower(), "-")  # the determiner it needs, if any
        if needs is None or any(c.lower_ == needs for c in token.children if c.dep_ == "det") or any(
                c.lower_ in ("two", "both") for c in token.children if c.dep_ in ("nummod", "det", "predet")):
            return True
    return False


def _descriptions(doc: Doc, tokens: tuple[int, ...]) -> frozenset[int]:
    """The tokens of the clauses of these nouns' appositions (what the apposition says the noun
    holds or does): "towards X, a village that holds a depot guarded by Y's troops" - Y is not the
    one fired at; the apposition itself still places X ("X, a village in Z")."""
    return frozenset(t.i for i in tokens for a in doc[i].children if a.dep_ == "appos"
                     for c in a.children if c.dep_ in ("relcl", "acl") for t in c.subtree)


def _located(found: list[Participant], nearest: Participant) -> Participant:
    """A syntactic participant known only by sector ("protesters") takes the nearest actor's
    country (protesters in Almaty are Kazakh civilians); with none, the nearest actor stands in."""
    own = next((p for p in found if p.entity and p.sector), None)
    return replace(own, country=nearest.country) if own is not None else nearest


def _is_scene(token: Token) -> bool:
    """A place named as where something happens ("in X, the opposition ..."), not an actor."""
    return token.dep_ == "pobj" and token.head.lower_ in rules.SCENE_PREPOSITIONS


def _restricted_places(trigger: Token) -> list[int]:
    """Places "in/across/throughout X" of a restriction's phrase: on the trigger, on the verb a noun
    trigger is the object of, and on that verb's object and its "of" phrase ("declared a state of
    emergency in X")."""
    verb = trigger.head if trigger.dep_ in ("dobj", "nsubjpass") else trigger
    hosts = [trigger, verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    hosts += [p for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    return [p.i for h in dict.fromkeys(hosts) for c in h.children
            if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout")
            for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]


def _scene_places(trigger: Token) -> list[int]:
    """Places "in/at X" where the trigger's act happened: on the trigger or inside such a phrase
    ("was held in a prison in X"); not a means or an event ("in a bomb blast")."""
    found, hosts = [], [trigger]
    while hosts and len(found) < 4:
        host = hosts.pop(0)
        for c in host.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                objects = [p for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
                found += [p.i for p in objects if not _is_cause(p) and not any(  # "killed in a car bomb blast in X": X
                    _is_instrument(m) for m in p.children if m.dep_ == "compound")]
                hosts += objects
    return found


def _is_attribution(token: Token) -> bool:
    """The token names who reports the news ("according to X", "according to a statement by X"),
    not a participant of the events told."""
    return any(a.lower_ == "according" for a in token.ancestors)


def _is_country_anaphor(token: Token) -> bool:
    """ "the country", "this republic" (singular, definite)."""
    return token.lemma_.lower() in rules.COUNTRY_ANAPHORS and token.tag_ == "NN" \
        and any(c.lower_ in ("the", "this") for c in token.children if c.dep_ == "det")


def _sentences_back(doc: Doc, i: int, n: int) -> int:
    """The first token of the n-th non-blank sentence before token `i` (0 at the start)."""
    stop, seen = i, 0
    while stop > 0 and seen < n:
        sent = doc[stop - 1].sent
        stop, seen = sent.start, seen + (not all(t.is_space for t in sent))
    return stop


def _depth(token: Token) -> int:
    """Number of heads between the token and its sentence root."""
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _subordinate(token: Token) -> bool:
    """The token is inside an adverbial, participle or relative clause (rules.SUBORDINATE_DEPS)."""
    return any(t.dep_ in rules.SUBORDINATE_DEPS for t in (token, *token.ancestors))


def _in_condition(token: Token) -> bool:
    """The token is inside a condition clause ("if/unless ...", rules.CONDITION_MARKS)."""
    return any(t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in rules.CONDITION_MARKS for c in t.children)
               for t in (token, *token.ancestors))


def _with_model(confidence: float, probability: float | None) -> float:
    """The rule confidence mixed with the quad model's probability of the event's class (if any)."""
    w = rules.MODEL_WEIGHT
    return confidence if probability is None else (1 - w) * confidence + w * probability


def _with_id(event: Event, id_: str) -> Event:
    return replace(event, id=id_)


class _Context:
    """Per-document indexes: token -> entity, quotes by extent, sentence extents."""

    def __init__(self, document: Document, doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote],
                 models: dict[str, SentenceModel], roles: dict[str, RoleModel] | None = None) -> None:
        self.document = document
        self.models = models
        self.roles = roles or {}
        self._mentions: list[tuple[int, int, Entity, int, int]] | None = None
        self._quad: dict[int, dict[str, float]] = {}
        self._candidates: dict[int, tuple[int, list[tuple[int, int, Entity, Participant | None]]]] = {}
        self._acled: dict[int, dict[str, float]] = {}
        self._type_scores: dict[int, np.ndarray] = {}
        self.doc = doc
        self.quotes = list(quotes)
        self.entity_by_id = {e.id: e for e in entities}
        self.noun_tokens = {t.i for t in doc if t.pos_ in ("NOUN", "PROPN")}
        self.inferred_sources: set[tuple[int, str | None]] = set()
        self.pairs: dict[int, list[tuple[Participant | None, Participant | None]]] = {}
        self.fights: dict[int, list[tuple[Participant | None, Participant | None]]] = {}  # by first token
        self.token_entity: dict[int, tuple[Entity, int, int]] = {}
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    self.token_entity.setdefault(token.i, (entity, mention.start, mention.end))

    def quad_proba(self, token: Token) -> dict[str, float]:
        """The quad model's class probabilities for the token's sentence ({} without a model)."""
        model = self.models.get("quad")
        if model is None:
            return {}
        sent = token.sent
        if sent.start not in self._quad:
            self._quad[sent.start] = model.proba(sent)
        return self._quad[sent.start]

    def class_probability(self, token: Token, cameo: CameoCode) -> float | None:
        """The quad model's probability of the class it gives `cameo`'s root, in the token's
        sentence (None without a model)."""
        model = self.models.get("quad")
        return None if model is None else self.quad_proba(token).get(model.class_of(cameo.code, cameo.quad_class), 0.0)

    def type_scores(self, token: Token, model: TypeModel) -> np.ndarray:
        """The type model's sentence scores (retype.TypeModel.sentence_scores), once per sentence."""
        if token.sent.start not in self._type_scores:
            self._type_scores[token.sent.start] = model.sentence_scores(ngrams(token.sent))
        return self._type_scores[token.sent.start]

    def acled_proba(self, token: Token) -> dict[str, float]:
        """The acled model's label probabilities for the token's sentence ({} without a model)."""
        model = self.models.get("acled")
        if model is None:
            return {}
        if token.sent.start not in self._acled:
            self._acled[token.sent.start] = model.proba(token.sent)
        return self._acled[token.sent.start]

    def sentence(self, token: Token) -> Extent:
        tokens = [t for t in token.sent if not t.is_space]
        return Extent(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))

    def is_caption(self, token: Token) -> bool:
        """A photo caption or credit line ("  • CSTO peacekeeping operation ...")."""
        text = self.document.text
        line = text[text.rfind("\n", 0, token.idx) + 1: token.idx].lstrip()
        return line.startswith(("•", "©"))

    def participant(self, i: int) -> Participant | None:
        """The entity heading or inside the noun phrase of token `i` (a pronoun: its antecedent).

        The head's own entity gives text and sector; when it has no country, an entity with one
        inside the phrase lends it ("Poland's parliament", "Kenyan opposition leaders").
        """
        token = self.doc[i]
        if token.lower_ in RELATIVE_PRONOUNS or token.lower_ in ("each", "other"):
            return None
        hits = [self.token_entity[j] for j in [i] + _np_tokens(token) if j in self.token_entity]
        if not hits and token.lemma_.lower() in rules.SHELTER_NOUNS:  # "a camp for X refugees": whom it houses
            hits = [self.token_entity[j] for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children if p.dep_ == "pobj" for j in [p.i, *_np_tokens(p)] if j in self.token_entity]
        if hits:
            entity, start, end = hits[0]
            actor = entity.actor
            country = actor.country if actor else None
            if country is None:
                country = next((e.actor.country for e, _, _ in hits[1:] if e.actor and e.actor.country), None)
            return Participant(entity.id, country, actor.sector if actor else None, self.document.text[start:end])
        if token.pos_ == "PRON":
            antecedent = self.antecedent(token)
            return self.participant(antecedent) if antecedent is not None else None
        anaphor = next((self.doc[j] for j in [i] + _np_tokens(token) if _is_country_anaphor(self.doc[j])), None)
        if anaphor is not None:  # "the republic", "the government of the country"
            state = self.last_state(anaphor)
            if state is not None:
                return Participant(state.id, state.actor.country if state.actor else None,
                                   state.actor.sector if state.actor else None,
                                   self.doc[token.left_edge.i:i + 1].text)
        left = token.left_edge.i
        right = min(token.right_edge.i, i + 6)
        text = self.doc[left:right + 1].text
        return Participant(None, None, None, text) if text.strip() else None

    def coordinated_parties(self, tokens: Sequence[int]) -> list[Participant]:
        """The distinct actors of coordinated phrases (`tokens`, conjuncts: "X and Y") or coordinated
        inside one phrase ("X and Y officials", "the X and Y armies"), in text order."""
        found: dict[str, Participant] = {}
        for i in tokens:
            phrase = [i, *_np_tokens(self.doc[i])]
            if len(tokens) < 2 and not any(self.doc[j].dep_ == "cc" and self.doc[j].lower_ in ("and", "&")
                                           for j in phrase):
                continue
            for j in sorted(phrase):
                hit = self.token_entity.get(j)
                if hit and hit[0].actor and hit[0].id not in found:
                    who = self.participant(j)
                    if who is not None:
                        found[hit[0].id] = who
        return list(found.values())

    def last_state(self, token: Token) -> Entity | None:
        """The country (a GPE with a country code) named last before `token`, at most two
        sentences back: what "the country" or "the republic" stands for."""
        stop = _sentences_back(self.doc, token.sent.start, 2)
        for j in range(token.i - 1, stop - 1, -1):
            hit = self.token_entity.get(j)
            if hit and hit[0].type == "GPE" and hit[0].actor and hit[0].actor.country:
                return hit[0]
        return None

    def antecedent(self, pronoun: Token) -> int | None:
        """The token a third-person subject pronoun stands for ("Syria says it will withdraw").

        The subject of a clause governing the pronoun's clause when that is an actor, or a person or
        organization without one (a speaker stands for their side: "the union's head said they would
        stay out"), else the nearest earlier actor with a country in the sentence; None for other
        pronouns.
        """
        if pronoun.lower_ not in rules.ANAPHORIC_PRONOUNS:
            return None
        node = pronoun.head
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i and c.pos_ != "PRON":
                    hit = self.token_entity.get(c.i) or next(
                        (self.token_entity[j] for j in _np_tokens(c) if j in self.token_entity), None)
                    if hit and (hit[0].actor or hit[0].type in ("PERSON", "ORG")) and _agrees(pronoun, hit[0]):
                        return c.i
        for j in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            hit = self.token_entity.get(j)
            if hit and hit[0].actor and hit[0].actor.country and _agrees(pronoun, hit[0]):
                return j
        return None

    def nearest_actor(self, trigger: Token, after: bool, exclude: Participant | None,
                      skip: frozenset[int] = frozenset()) -> Participant | None:
        """The nearest entity with a country before (or after) the trigger in its clause, not at a
        token of `skip`; a source may also come from earlier in the sentence ("X, which ..., launched")."""
        clause = trigger
        while clause.dep_ in ("xcomp", "conj", "prep", "pobj", "dobj", "pcomp", "acomp", "amod", "compound") \
                and clause.head.i != clause.i:
            clause = clause.head
        positions = range(trigger.i + 1, clause.right_edge.i + 1) if after else \
            [*range(trigger.i - 1, clause.left_edge.i - 1, -1), *range(trigger.sent.start, clause.left_edge.i)]
        for j in positions:
            hit = self.token_entity.get(j)
            if j not in skip and hit and hit[0].actor and hit[0].actor.country and (exclude is None or hit[0].id != exclude.entity) \
                    and not self.is_means(hit) and not _is_attribution(self.doc[j]) \
                    and not (after and exclude is not None and self.owned(self.mention_head(hit), exclude)):
                return self.participant(j)
        return None

    def owned(self, token: Token, owner: Participant) -> bool:
        """The noun is `owner`'s own, by a possessive pronoun that stands for it ("X ... its troops")."""
        return owner.entity is not None and any(
            (j := self.antecedent(c)) is not None and (who := self.participant(j)) is not None and who.entity == owner.entity
            for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON")

    def mention_head(self, hit: tuple[Entity, int, int]) -> Token:
        """The head token of an entity mention (entity, start, end)."""
        return self.doc.char_span(hit[1], hit[2], alignment_mode="expand").root

    def is_means(self, hit: tuple[Entity, int, int]) -> bool:
        """The entity mention (entity, start, end) is headed by a means of force ("a truck bomb")."""
        return _is_instrument(self.mention_head(hit))

    def mentions(self) -> list[tuple[int, int, Entity, int, int]]:
        """(first token, head token, entity, start, end) of every entity mention, in text order
        (built once; start and end are character offsets)."""
        if self._mentions is None:
            spans: dict[tuple[int, int], Entity] = {}
            for entity, start, end in self.token_entity.values():
                spans.setdefault((start, end), entity)
            found = []
            for (start, end), entity in spans.items():
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    found.append((span.start, span.root.i, entity, start, end))
            self._mentions = sorted(found, key=lambda m: m[0])
        return self._mentions

    def fallback_actor(self, trigger: Token, role: str, exclude: Participant | None,
                       skip: frozenset[int] = frozenset()) -> Participant | None:
        """An actor the syntax does not name, by `rules.ROLE_FALLBACK[role]`: "ranker_first" (the
        ranker, else the nearest actor), "nearest_first" (the reverse), "nearest" or "ranker";
        never one at a token of `skip`."""
        mode = rules.ROLE_FALLBACK[role]
        found = self.ranked_actor(trigger, role, exclude, skip=skip) if mode in ("ranker", "ranker_first") else None
        if found is None and mode != "ranker":
            found = self.nearest_actor(trigger, after=role == "target", exclude=exclude, skip=skip)
        if found is None and mode == "nearest_first":
            found = self.ranked_actor(trigger, role, exclude, skip=skip)
        return found

    def ranked_actor(self, trigger: Token, role: str, exclude: Participant | None,
                     floor: float = 0.5, skip: frozenset[int] = frozenset()) -> Participant | None:
        """The entity with a country (its own or its phrase's: "the country's opposition") the role
        model ranks first for the trigger's `role` in its sentence, if its probability is at least
        `floor`; None without a model."""
        model = self.roles.get(role)
        if model is None:
            return None
        sent = trigger.sent
        if sent.start not in self._candidates:  # (order, head, entity, participant), built once
            here = [m for m in self.mentions() if sent.start <= m[0] < sent.end]
            self._candidates[sent.start] = (len(here), [(order, head, entity, self.participant(head))
                                                        for order, (_, head, entity, _, _) in enumerate(here)])
        count, candidates = self._candidates[sent.start]
        best, best_p = None, floor
        for order, head, entity, found in candidates:
            if found is None or found.country is None or head in skip or (exclude is not None and (
                    entity.id == exclude.entity or role == "target" and self.owned(self.doc[head], exclude))) \
                    or (role == "source" and _is_scene(self.doc[head])) or _is_instrument(self.doc[head]) \
                    or _is_attribution(self.doc[head]):
                continue
            p = model.probability(role_features(trigger, self.doc[head], entity, order, count))
            if p >= best_p:
                best, best_p = found, p
        return best

    def parties_near(self, i: int) -> list[Participant]:
        """Two parties a group noun ("the parties", "the two countries") stands for.

        The nearest coordinated pair of entities of different countries before token `i`, in its
        sentence or up to three sentences back ("X and Y managed ..., but later the parties ...");
        else the two entities when the sentence names exactly two countries.  A dashed pair in the
        sentence ("on the Uzbek-Kyrgyz border") comes before the sentences back unless they name the
        same two countries (then their fuller mentions: "the presidents of X and Y").
        """
        sent = self.doc[i].sent
        pair = self._coordinated_pair(i, sent.start)
        if pair:
            return pair
        seen: dict[str, Participant] = {}
        for token in sent:
            country = self._party_country(token.i)
            if country and country not in seen:
                who = self.participant(token.i)
                if who is not None:
                    seen[country] = who
        if len(seen) == 2:
            return list(seen.values())
        dashed = self._dashed_pair(i)
        before = self._coordinated_pair(sent.start, max(sent.start - 150, 0)) or self._last_two(sent.start)
        return dashed if dashed and {p.country for p in dashed} != {p.country for p in before} else before

    def _party_country(self, j: int) -> str | None:
        """The country of the entity at token `j` if it can be a party a group noun stands for:
        not an organization (IGO/NGO: "the two countries" are never the SCO) nor a scene ("in X")."""
        hit = self.token_entity.get(j)
        actor = hit[0].actor if hit else None
        if actor is None or not actor.country or actor.sector in ("IGO", "NGO"):
            return None
        head = self.doc[j]  # the mention's own head: "Addis" -> "Ababa", the object of "in"
        while head.head is not head and hit[1] <= head.head.idx < hit[2]:
            head = head.head
        return None if _is_scene(head) else actor.country

    def _last_two(self, i: int) -> list[Participant]:
        """The actors of the two countries named in the two sentences before token `i`, none when
        those sentences name a third (which two of three a group noun means is unknown)."""
        stop = _sentences_back(self.doc, i, 2)
        found: dict[str, Participant] = {}
        for j in range(i - 1, stop - 1, -1):
            country = self._party_country(j)
            if country and country not in found:
                who = self.participant(j)
                if who is not None:
                    found[country] = who
        return list(found.values()) if len(found) == 2 else []

    def _dashed_pair(self, i: int) -> list[Participant]:
        """The two countries a dash joins in the sentence of token `i` ("Armenian-Azerbaijani talks")."""
        for token in self.doc[i].sent[1:-1]:
            if token.text not in rules.PAIR_DASHES or token.whitespace_ or self.doc[token.i - 1].whitespace_:
                continue
            first, second = self._party_country(token.i - 1), self._party_country(token.i + 1)
            pair = [self.participant(token.i - 1), self.participant(token.i + 1)]
            if first and second and first != second and None not in pair:
                return pair
        return []

    def _coordinated_pair(self, i: int, stop: int) -> list[Participant]:
        """The nearest "X and Y" of two countries before token `i` (not a list of three or more)."""
        for j in range(i - 1, stop - 1, -1):
            country = self._party_country(j)
            if not country or len({country} | {self._party_country(c.i) for c in self.doc[j].conjuncts} - {None}) > 2:
                continue
            for other in self.doc[j].conjuncts:
                other_country = self._party_country(other.i)
                if other_country and other_country != country and other.i < i:
                    first, second = sorted((j, other.i))
                    return [p for p in (self.participant(first), self.participant(second)) if p is not None]
        return []

    def teller(self, start: int) -> str | None:
        """The entity of who tells (rules.TELLING_VERBS: says, reports...) the quote enclosing offset
        `start`, if known; not one who declares, claims or blames."""
        quote = self.enclosing_quote(start)
        if quote is None or quote.speaker is None or quote.cue is None:
            return None
        cue = self.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        return quote.speaker.entity if cue is not None and cue.root.lemma_.lower() in rules.TELLING_VERBS else None

    def enclosing_quote(self, start: int, exclude: Quote | None = None) -> Quote | None:
        best = None
        for quote in self.quotes:
            if quote is exclude or not quote.content.start <= start < quote.content.end:
                continue
            if quote.cue is not None and quote.cue.start <= start < quote.cue.end:
                continue
            if best is None or quote.content.end - quote.content.start < best.content.end - best.content.start:
                best = quote
        return best

    def status(self, token: Token, exclude: Quote | None = None,
               attempted: bool = False) -> tuple[EventStatus, Quote | None]:
        quote = self.enclosing_quote(token.idx, exclude)
        modality = _modality(token, attempted)
        if modality is not None:
            return modality, quote
        return ("attributed" if quote else "asserted"), quote

    def cue_verb(self, quote: Quote) -> Token | None:
        assert quote.cue is not None
        span = self.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if span is None:
            return None
        for token in span:
            if token.lemma_.lower() in rules.ACCUSING_REPORT_VERBS:
                return token
        return None

    def hostile_claim(self, quote: Quote, speaker: str | None) -> Participant | None:
        span = self.doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
        if span is None:
            return None
        for token in span:
            if token.pos_ != "VERB" or token.lemma_.lower() not in rules.HOSTILE_CLAIM_VERBS:
                continue
            if any(c.dep_ == "neg" for c in token.children):
                continue
            subject, passive = _controller(token)
            if subject is None or passive or subject.pos_ == "PRON":
                continue
            who = self.participant(subject.i)
            if who is not None and who.entity and who.entity != speaker:
                return who
        return None


def _negated_by_not(token: Token) -> bool:
    """A "not"/"never" negates the trigger's clause or a clause it depends on."""
    node = token
    for _ in range(7):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in CLIMB_DEPS:
            return False
        node = node.head
    return False


def _intended(token: Token) -> bool:
    """The act is announced: "will"/"shall" on its clause (or a reported "would", `_reported_will`),
    or "ready/willing/prepared to" over it."""
    node = token
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in rules.INTENT_MODALS for c in node.children) or _reported_will(node):
            return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in rules.INTENT_HEADS:
            return True
        if node.head.i == node.i or node.dep_ not in ("conj", "xcomp", "dobj", "pobj", "prep", "pcomp", "compound"):
            return False  # (a compound: the first word of a noun trigger, "night-time curfew")
        node = node.head
    return False


def _conditional(token: Token) -> bool:
    """The act's own clause has a modal and a condition hung on it ("may halt the talks if the raids go
    on"), not the act inside the condition ("if they attack")."""
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.dep_ == "aux" and c.lower_ in rules.MODALS for c in clause.children) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in rules.THREAT_CONDITIONS for m in c.children)
        for c in clause.children)


def _verb_lemma(verb: Token, lexicon: EventLexicon) -> str:
    """The verb's lemma, or, when the tagger's lemma is no dictionary verb, the dictionary verb its
    inflected form comes from ("staged": the tagger says "stag", the verb is "stage")."""
    lemma = verb.lemma_.lower()
    if lexicon.has_verb(lemma) or lemma in rules.VERB_OVERRIDES:
        return lemma
    word = verb.lower_
    stems = (word[:-len(end)] + base for end, base in rules.INFLECTIONS if word.endswith(end) and len(word) - len(end) >= 3)
    return next((stem for stem in stems if lexicon.has_verb(stem)), lemma)


def _reported_will(clause: Token) -> bool:
    """A speaker's own "will" in reported speech: "X said it would withdraw" (would under a
    rules.REPORTED_FUTURE_HEADS verb, the clause's subject a pronoun or the speaker's own word)."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in rules.REPORTED_FUTURE_HEADS \
            or not any(c.dep_ == "aux" and c.lower_ == "would" for c in clause.children):
        return False
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and speaker is not None and (
        subject.pos_ == "PRON" or subject.lemma_.lower() == speaker.lemma_.lower())


def _negative_subject(token: Token) -> bool:
    """A subject denying its clause: "neither X nor Y", "no party", "none of them", "nobody"."""
    return token.dep_ in ("nsubj", "nsubjpass") and (token.lower_ in rules.NEGATIVE_SUBJECTS or any(
        c.lower_ in rules.NEGATING_DETERMINERS and c.dep_ in ("det", "preconj") for c in token.children))


def _past(verb: Token) -> bool:
    """A verb in the simple past or the perfect ("tried", "has/had tried"), not "is trying"."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children))


def _modality(token: Token, attempted: bool = False) -> EventStatus | None:
    """negated / hypothetical from the trigger's clause and the clauses it depends on, else None.

    `attempted`: the trigger is a verb of force (rules.ATTEMPTED_ROOTS), which a past attempt at it
    ("tried to seize", "had attempted to kill") carried out; "is trying to" stays hypothetical.
    """
    node = token
    for _ in range(7):
        children = list(node.children)
        if node.pos_ in ("VERB", "AUX", "ADJ") or node.i == token.i:
            if any(c.dep_ == "neg" for c in children) or any(c.lower_ == "no" and c.dep_ == "det" for c in children) \
                    or any(_negative_subject(c) for c in children):
                return "negated"
            if any(c.dep_ == "aux" and c.lower_ in rules.MODALS for c in children):
                return "hypothetical"
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in rules.CONDITION_MARKS for c in children):
                return "hypothetical"
            if node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
                return "hypothetical"  # purpose: "in order to prevent"
            if node.dep_ == "advcl" and _past(node) and any(c.dep_ == "mark" and c.lower_ in rules.FACTUAL_MARKS
                                                             for c in children):
                return None  # "..., a day after thousands protested": past, whatever its head's mood
        head = node.head
        if head.i == node.i or node.dep_ not in CLIMB_DEPS:
            return None
        head_lemma = head.lemma_.lower()
        if node.dep_ in ("xcomp", "acl", "dobj", "pobj", "prep", "pcomp", "ccomp") and head_lemma in rules.NEGATING_HEADS:
            return "negated"
        if attempted and node.i == token.i and node.dep_ == "xcomp" and head_lemma in rules.ATTEMPT_HEADS \
                and _past(head):
            node = head
            continue
        if node.dep_ in ("xcomp", "acl", "dobj", "prep", "pcomp") and head_lemma in rules.HYPOTHETICAL_HEADS:
            denied = head_lemma not in rules.DENYING_HEADS and any(c.dep_ == "neg" for c in head.children)
            return "negated" if denied else "hypothetical"
        if node.dep_ in ("nsubj", "nsubjpass") and node.i != token.i:
            return None
        node = head
    return None
