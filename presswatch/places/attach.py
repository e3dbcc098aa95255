"""Choose each event's location from the place mentions tied to its trigger (issue 6).

In order (the Location's `method` says which):
1. "clause": a place governed by a locative preposition in the trigger's clause ("clashes in
   Batken", "captured the station in Alma-Ata", "shelling along the Kyrgyz-Tajik frontier
   resumed") or in a clause modifying a noun trigger ("protests, which started in Zhanaozen,
   reached ..."), the place a leaving verb leaves ("withdrew from Kherson"), a place naming the
   site acted on ("blocked Yerevan streets"), or the antecedent of a "where" clause ("Kazakhstan,
   where mass protests began"); for an "-ing" participle with none of its own, those of the verb
   it hangs from ("hit the town of Barda, killing 21").  A locative preposition the parser left
   without an object governs the place right after it ("while in Taraz rioters stormed ...").
2. "sentence": a locative place framing the whole sentence ("In Belarus, ... the opposition
   organized protests"); else, for an event on the ground, a border its own sentence names though
   the parse ties it elsewhere ("fired on migrants who had massed on the Belarusian side of the
   border"): the sentence's own place wins over one carried from earlier (such as the dateline's).
3. "narrative": the sentence names no place (an unknown site such as "Liberty Square" does not
   count), the trigger is in the past tense, and the nearest earlier sentence of the section that
   names a place has a border or region as locative place of its main clause, or, for an event on
   the ground in the same paragraph, its main verb happened in one city ("In Kutaisi, farmers
   rallied. The police arrested forty.").  Only events on the ground look past sentences naming
   no place; a city is not carried past a second city or a speaker's place, nor past a paragraph
   break unless it is the dateline's city (the story's home: a report filed from Yerevan that
   names Yerevan goes on in Yerevan, though most of its places are in Azerbaijan).  A sentence that
   refers to a city by a definite noun alone ("crowds gathered in the city centre"), or follows one
   that does within the reach, takes the one city the nearest sentence naming places names, past a
   paragraph break and whatever its verb (`_city_anaphor`).  Before all that, for an event on the
   ground, a site it acts on by a definite noun alone ("had blocked the highway") takes the city an
   earlier sentence within the reach names in that noun's phrase ("cleared the Pamir highway near
   Rushan"; `_site_anaphor`), whatever else its own sentence names.  A place carried
   is one where the main verb happened, also through a chain of places ("gathered in the square in
   front of the akimat in Aktobe"), an event noun as subject ("The protest in Taraz began") or the
   thing the verb acts on ("units cleared the highway near Rushan"); a reporting verb's complement
   is the main verb ("..., the ministry said").
   Then, for an event on the ground, "sentence" again: the one place below a country its sentence
   names as a locative of a clause holding the trigger, unless it is where a statement was made
   ("officials in Astana said").
   Then "article" for a crowd, a riot or a police action (not armed fighting, nor background dated
   more than NEWS_DAYS before publication: `is_news`) whose sentence names no such place, in a
   report filed from a city of the article's country that its text names more often than any
   other place below a country (`dateline_city`): "ALMATY - ... Almaty ...".
4. "actor_country": else the country of the event's actors when source and target agree (or only
   one is known), with precision "country".
5. "article": else, for violence, protest and coercion (events on the ground), the country the
   article is about: the country of most of its place mentions (`article_country`), with
   precision "country", as ACLED coders and GDELT's geocoder fall back to the story's location;
   with no such majority, an event with no participant of known country takes the dateline's
   country when no other country is named more often (`dateline_country`; "BAKU/YEREVAN" with
   Armenian and Azerbaijani sides named is no evidence of which side an act was on, so an event
   whose participants have countries is left unplaced).
Otherwise the event has no location.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from presswatch.dates.attach import (
    CLAUSE_DEPS,
    MODIFIER_DEPS,
    REPORTING_LEMMAS,
    SentenceInfo,
    clause_head,
    is_past,
    line_clause,
    participle_anchor,
    root_token,
    top_of,
)
from presswatch.places.gazetteer import Gazetteer
from presswatch.places.mentions import PlaceMention
from presswatch.places.rules import (
    EVENT_NOUNS,
    GATHERING_PREPOSITIONS,
    LEAVING_VERBS,
    LOCATIVE_PREPOSITIONS,
    PLACE_NOUNS,
    PLACE_OBJECT_VERBS,
    SITE_NOUNS,
)
from presswatch.records import Event, Location

MAX_STEPS = 6  # how far up from a place name its preposition may be ("in the former capital of X")
# Verbal event types: a place modifying their object is what was talked about, not where ("talked
# about tension along the frontier"), so only a place attached to the trigger or its verb counts.
VERBAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# Events that happen somewhere on the ground: the only ones an article's country may place.
ON_THE_GROUND = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# Dependents of a verb whose locative modifiers place the event ("tension along the frontier
# grew", "captured the station in Alma-Ata"); for verbal events only the subject's count.
MATERIAL_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})
VERBAL_ARGUMENTS = frozenset({"nsubj", "nsubjpass"})
# Places that a following sentence may go on describing: a front line or a region ("fighting flared
# along the frontier. Troops fired ..."); a city only within its paragraph (CARRIED_PRECISIONS).
NARRATIVE_PRECISIONS = frozenset({"border", "region"})
# Places carried within a paragraph for an event on the ground ("Crowds marched in Tbilisi on
# Monday. Police dispersed them."), when the earlier sentence happened in that one place.
CARRIED_PRECISIONS = frozenset({"city", "admin1"})
NARRATIVE_REACH = 3  # sentences an event on the ground looks back over
# Nouns a definite "the city" / "in the city centre" refers back with to the last city named before.
CITY_ANAPHORS = frozenset({"city", "town"})
NEWS_DAYS = 31  # an event dated further back than this before publication is background, not news
# ACLED types of armed fighting, which a report's dateline does not place (a front is no newsroom).
ARMED_ACLED_TYPES = frozenset({"Battles", "Explosions/Remote violence"})
# Places below a country that an event on the ground takes from its own sentence when nothing ties
# one to it, if the sentence names only that one (and not as where a statement was made).
OWN_PRECISIONS = frozenset({"city", "admin1", "region"})


def locative_preposition(token: Token) -> Token | None:
    """The locative preposition governing the place whose root is `token`, if any; a locative
    preposition right before the place that the parser left without an object governs it ("while in
    Taraz rioters stormed ...", parsed with "Taraz" as a compound of "rioters")."""
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    if (before is not None and before.dep_ == "prep" and before.lower_ in LOCATIVE_PREPOSITIONS
            and not any(child.dep_ == "pobj" for child in before.children)):
        return before
    for _ in range(MAX_STEPS):
        if token.dep_ in CLAUSE_DEPS or token.head.i == token.i:
            return None
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
            return token.head
        if token.dep_ == "prep" and token.lower_ in LOCATIVE_PREPOSITIONS:
            return token
        token = token.head
    return None


def _where_antecedent(clause: Token) -> Token | None:
    """For a relative clause introduced by "where", the noun it describes."""
    if clause.dep_ == "relcl" and any(child.lower_ == "where" for child in clause.subtree):
        return clause.head
    return None


def _tie(parsed: Doc, mention: PlaceMention, trigger: Token, verbal: bool) -> tuple[str, int] | None:
    token = root_token(parsed, mention.start, mention.end)
    if token is None or token.sent.start != trigger.sent.start:
        return None
    distance = abs(token.i - trigger.i)
    trigger_clause = clause_head(trigger)
    antecedent = _where_antecedent(trigger_clause)
    if antecedent is not None and mention.start <= antecedent.idx < mention.end:
        return "clause", distance
    if _is_left_place(token, trigger) or _is_place_object(token, trigger, verbal) or (
            mention.location.precision == "border" and token.head.i == trigger_clause.i
            and token.dep_ in ("nsubj", "nsubjpass", "dobj")):
        return "clause", distance
    preposition = locative_preposition(token)
    if preposition is None:
        return None
    clause = line_clause(preposition, trigger)
    attached = preposition.head if clause.i == clause_head(preposition).i else clause
    if attached.i == trigger.i or attached.i == trigger_clause.i:
        return ("clause" if clause.i == trigger_clause.i else "sentence"), distance
    if attached.i == clause.i and clause.dep_ in MODIFIER_DEPS and clause.head.i == trigger.i:
        return "clause", distance  # "protests, which started in Zhanaozen, reached ..."
    arguments = VERBAL_ARGUMENTS if verbal else MATERIAL_ARGUMENTS
    if clause.i == trigger_clause.i and (attached.dep_ in arguments or (
            attached.lemma_.lower() in EVENT_NOUNS and preposition.lower_ in GATHERING_PREPOSITIONS)):
        return "clause", distance
    if clause.i == top_of(trigger).i and attached.i == clause.i:
        return "sentence", distance
    return None


def _is_left_place(token: Token, trigger: Token) -> bool:
    """The place a leaving trigger leaves: "withdrew from Kherson", "fled from the city of X"."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
        token = token.head.head
    return (token.dep_ == "pobj" and token.head.lower_ == "from" and token.head.head.i == trigger.i
            and trigger.lemma_.lower() in LEAVING_VERBS)


def _is_place_object(token: Token, trigger: Token, verbal: bool) -> bool:
    """The place is what the trigger acts on: "shelled Kharkiv", "the village of Kok-Tash",
    "visited Kherson" (verbal events only with a visiting verb), or names the site it acts on."""
    if verbal and trigger.lemma_.lower() not in ("visit", "tour"):
        return False
    if (not verbal and token.dep_ == "compound" and token.head.head.i == trigger.i
            and token.head.dep_ in ("dobj", "nsubjpass") and not token.head.ent_type_):
        return True  # the place names the site acted on: "block Yerevan streets", "Aktobe square cleared"
    if not verbal and trigger.pos_ == "VERB" and trigger.lemma_.lower() not in PLACE_OBJECT_VERBS:
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
        token = token.head.head  # "the village of Kok-Tash"
    return token.dep_ in ("dobj", "conj") and token.head.i == trigger.i


def _frames_sentence(parsed: Doc, mention: PlaceMention) -> bool:
    """True if the mention is a locative place of its sentence's main clause."""
    preposition = _mention_preposition(parsed, mention)
    return preposition is not None and clause_head(preposition).i == top_of(preposition).i


def _mention_preposition(parsed: Doc, mention: PlaceMention) -> Token | None:
    """The locative preposition governing a place mention's root token, if any."""
    token = root_token(parsed, mention.start, mention.end)
    return locative_preposition(token) if token is not None else None


def _locative(parsed: Doc, mention: PlaceMention) -> bool:
    """True if a locative preposition governs the mention ("in Tbilisi", not "left Tbilisi")."""
    return _mention_preposition(parsed, mention) is not None


def _places_action(parsed: Doc, mention: PlaceMention) -> bool:
    """True if the mention's preposition modifies its sentence's main verb ("In Tbilisi, crowds
    marched"), through other places ("gathered in the square in front of the akimat in Aktobe"), or
    that verb's subject naming an event ("The unrest in Taraz began"), not another noun ("officials
    in Tbilisi said")."""
    preposition = _mention_preposition(parsed, mention)
    if preposition is None:
        return False
    top = top_of(preposition)
    if top.lemma_.lower() in REPORTING_LEMMAS:  # "units cleared the road near X, the ministry said"
        top = next((c for c in top.children if c.dep_ == "ccomp"), top)
    attached = preposition.head
    while attached.dep_ == "pobj" and attached.head.dep_ == "prep" and attached.head.head.i != attached.head.i:
        attached = attached.head.head  # a place inside a place: "in front of the akimat in Aktobe"
    if attached.dep_ == "nsubj" and attached.head.i == top.i and attached.lemma_.lower() in EVENT_NOUNS:
        attached = top
    if attached.dep_ == "dobj" and attached.head.i == top.i:
        attached = top  # what the action is done to, there: "cleared the highway near X"
    return attached.i == top.i


def _frames_trigger(parsed: Doc, mention: PlaceMention, trigger: Token) -> bool:
    """True if a locative place belongs to a clause that holds the trigger ("a crowd in Balkhash
    cheered before the yard was cleared") or that the trigger holds ("were killed when troops opened
    fire near a village in X"), not to another clause of the sentence ("agreed to cut the price in
    Mangystau, but the protesters ...")."""
    preposition = _mention_preposition(parsed, mention)
    if preposition is None:
        return False
    clause = clause_head(preposition)
    return clause.i == trigger.i or any(ancestor.i == clause.i for ancestor in trigger.ancestors) or any(
        ancestor.i == trigger.i for ancestor in clause.ancestors)


def _speaker_place(parsed: Doc, mention: PlaceMention) -> bool:
    """True if the place is where a statement is made: a locative of a reporting verb's clause ("said
    in Moscow") or of its subject ("officials in Moscow said")."""
    preposition = _mention_preposition(parsed, mention)
    if preposition is None:
        return False
    attached = preposition.head
    if attached.dep_ in ("nsubj", "nsubjpass"):
        attached = attached.head
    return clause_head(attached).lemma_.lower() in REPORTING_LEMMAS


def _country_location(code: str, method: str, gazetteer: Gazetteer) -> Location | None:
    """A whole country as a fallback location, tied by `method`."""
    place = gazetteer.country(code)
    if place is None or place.country is None:
        return None
    return Location(place.name, place.country, None, None, None, None, None, "country", method, (place.country,))


def _actor_country(event: Event, gazetteer: Gazetteer) -> Location | None:
    codes = {participant.country for participant in (event.source, event.target)
             if participant is not None and participant.country}
    return _country_location(codes.pop(), "actor_country", gazetteer) if len(codes) == 1 else None


def article_country(mentions: tuple[PlaceMention, ...], gazetteer: Gazetteer) -> Location | None:
    """The country of at least two and more than half of the article's place mentions, if any."""
    counts = Counter(code for mention in mentions for code in [mention.location.country] if code)
    if not counts:
        return None
    code, count = counts.most_common(1)[0]
    return _country_location(code, "article", gazetteer) if count >= 2 and count * 2 > sum(counts.values()) else None


def dateline_city(mentions: tuple[PlaceMention, ...]) -> Location | None:
    """The dateline's city when the text names it again and names no other place below a country as
    often, the dateline counted ("ALMATY - ... Almaty was attacked ..."): the story's home, where
    its unplaced events on the ground happened; else None."""
    dateline = next((mention for mention in mentions if mention.source == "dateline"), None)
    if dateline is None or dateline.location.precision not in CARRIED_PRECISIONS:
        return None
    counts = Counter(mention.location.name for mention in mentions if mention.location.precision in OWN_PRECISIONS)
    home = counts.pop(dateline.location.name, 0)  # the dateline counts as one mention of the city
    if home < 2 or home <= max(counts.values(), default=0):
        return None
    return dataclasses.replace(dateline.location, method="article")


def is_news(event: Event, published: str | None) -> bool:
    """Whether an event is the report's news, not background: undated, or dated no more than
    NEWS_DAYS before publication ("In December 2011, police opened fire ..." in a 2022 report is not)."""
    if event.date is None or not published:
        return True
    try:
        cutoff = (date.fromisoformat(published[:10]) - timedelta(days=NEWS_DAYS)).isoformat()
    except (ValueError, OverflowError):  # not a date, or too early to look back from (year 1)
        return True
    value = event.date.until or event.date.value
    return value >= cutoff[:len(value)]


def dateline_country(mentions: tuple[PlaceMention, ...], gazetteer: Gazetteer) -> Location | None:
    """The country of the dateline (where the report is filed from) when no other country has more
    place mentions ("TBILISI, 8 March", then Moscow and New York once each), else None."""
    counts = Counter(code for mention in mentions for code in [mention.location.country] if code)
    top = max(counts.values(), default=0)
    return next((_country_location(code, "article", gazetteer) for mention in mentions
                 if mention.source == "dateline" and (code := mention.location.country) and counts[code] == top), None)


def _narrative(parsed: Doc, sentences: tuple[SentenceInfo, ...], paragraphs: tuple[int, ...],
               mentions: tuple[PlaceMention, ...], index: int, ground: bool) -> Location | None:
    """The place the story is still in, from the nearest earlier sentence of the section that names
    a place: a border or region framing its main clause; or, for an event on the ground, the one
    city where its main verb happened, if no paragraph break lies between or it is the dateline's.  An event on the ground
    looks past up to NARRATIVE_REACH - 1 sentences that name no place (or only unknown sites)."""
    reach = NARRATIVE_REACH if ground else 1
    anaphor = ground and _city_anaphor(parsed, sentences[index])
    for back in range(index - 1, -1, -1):
        earlier = sentences[back]
        if earlier.heading or reach == 0:
            return None
        if earlier.caption:
            continue
        reach -= 1
        crossed = paragraphs[back] != paragraphs[index]
        named = [mention for mention in mentions if earlier.start <= mention.start < earlier.end]
        if not named:
            anaphor = anaphor or ground and _city_anaphor(parsed, earlier)
            continue
        cities = {mention.location.name: mention for mention in named if mention.location.precision == "city"}
        if anaphor and len(cities) == 1:  # "crowds gathered in the city centre": the city named last
            return dataclasses.replace(next(iter(cities.values())).location, method="narrative")
        wide = [mention for mention in named if mention.location.precision in NARRATIVE_PRECISIONS
                and _frames_sentence(parsed, mention)]
        if wide:
            return dataclasses.replace(wide[-1].location, method="narrative")
        located = {mention.location.name: mention for mention in named if _locative(parsed, mention)}
        if ground and len(located) == 1:
            (mention,) = located.values()
            home = not crossed or any(other.source == "dateline" and other.location.name == mention.location.name
                                      for other in mentions)
            if home and mention.location.precision in CARRIED_PRECISIONS and _places_action(parsed, mention):
                return dataclasses.replace(mention.location, method="narrative")
        return None
    return None


def _site_anaphor(parsed: Doc, sentences: tuple[SentenceInfo, ...], mentions: tuple[PlaceMention, ...],
                  index: int, trigger: Token) -> Location | None:
    """The place of a site (`SITE_NOUNS`) the trigger acts on by a definite noun alone ("blocked the highway"), as
    an earlier sentence within NARRATIVE_REACH names that noun with a place in its phrase ("cleared
    the Pamir highway near Rushan"): method "narrative"."""
    site = next((c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in SITE_NOUNS
                 and not c.ent_type_ and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
                 and not any(d.dep_ in ("prep", "compound", "amod", "appos", "poss", "relcl", "acl") for d in c.children)),
                None)
    if site is None:
        return None
    for earlier in reversed(sentences[max(index - NARRATIVE_REACH, 0):index]):
        span = parsed.char_span(earlier.start, earlier.end, alignment_mode="expand")
        for token in span if span is not None else ():
            if token.lemma_ != site.lemma_ or token.pos_ != "NOUN":
                continue
            phrase = {t.idx for p in token.children if p.dep_ == "prep" for t in p.subtree}
            named = [m for m in mentions if m.start in phrase and m.location.precision in CARRIED_PRECISIONS]
            if named:
                return dataclasses.replace(named[0].location, method="narrative")
    return None


def _city_anaphor(parsed: Doc, sentence: SentenceInfo) -> bool:
    """True if a sentence refers to a city by a definite noun alone, also as the first word of a
    compound ("in the city centre", "the town was quiet"; `CITY_ANAPHORS`), not naming or describing
    one ("the city of X", "the town X", "the capital city")."""
    span = parsed.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return span is not None and any(
        token.lemma_.lower() in CITY_ANAPHORS and token.pos_ == "NOUN" and not token.ent_type_
        and any(c.dep_ == "det" and c.lower_ == "the" for c in (token.head if token.dep_ == "compound" else token).children)
        and not any(c.dep_ in ("prep", "appos", "compound", "amod") and c.i != token.i for c in token.children)
        for token in span)


def choose_location(parsed: Doc, sentences: tuple[SentenceInfo, ...], mentions: tuple[PlaceMention, ...],
                    event: Event, gazetteer: Gazetteer, in_article: Location | None = None,
                    filed_in: Location | None = None, paragraphs: tuple[int, ...] = (),
                    home: Location | None = None) -> Location | None:
    """The Location of `event` with `method` set, or None when nothing ties a place to it.
    `paragraphs` (each sentence's `paragraph_index`; default: every sentence a paragraph of its own)."""
    trigger = root_token(parsed, event.trigger.start, event.trigger.end)
    if trigger is None:
        return None
    index = next((i for i, info in enumerate(sentences) if info.start <= event.trigger.start < info.end + 1), None)
    if index is None:
        return None
    sentence = sentences[index]
    here = [mention for mention in mentions if sentence.start <= mention.start < sentence.end]
    ties: dict[str, list] = {"clause": [], "sentence": []}
    verbal = event.type in VERBAL_TYPES
    for mention in here:
        tie = _tie(parsed, mention, trigger, verbal)
        if tie is not None:
            ties[tie[0]].append((tie[1], mention.start, mention))
    participle = clause_head(trigger)
    anchor = participle_anchor(participle) if participle.tag_ == "VBG" else trigger
    if not ties["clause"] and anchor.i != trigger.i:  # "hit the town of Barda, killing 21"
        for mention in here:
            tie = _tie(parsed, mention, anchor, verbal)
            if tie is not None and tie[0] == "clause":
                ties["clause"].append((tie[1], mention.start, mention))
    for how in ("clause", "sentence"):
        if ties[how]:
            mention = min(ties[how])[2]
            return dataclasses.replace(mention.location, method=how)
    ground = event.type in ON_THE_GROUND
    borders = [mention for mention in here if mention.location.precision == "border"]
    if ground and borders:  # "fired at refugees who had gathered on the Belarusian side of the border"
        return dataclasses.replace(min(borders, key=lambda m: abs(m.start - event.trigger.start)).location,
                                   method="sentence")
    site = _site_anaphor(parsed, sentences, mentions, index, trigger) if ground else None
    if site is not None:  # "The group had blocked the highway": the highway near Rushan named before
        return site
    if not here and is_past(trigger) and event.status != "hypothetical":
        carried = _narrative(parsed, sentences, paragraphs or tuple(range(len(sentences))), mentions, index,
                             ground)
        if carried is not None:
            return carried
    own = {mention.location.name: mention for mention in here
           if mention.location.precision in OWN_PRECISIONS and mention.source != "dateline"
           and _frames_trigger(parsed, mention, trigger) and not _speaker_place(parsed, mention)}
    if ground and len(own) == 1:  # "a protester in Aktobe said ... before the square was cleared"
        return dataclasses.replace(next(iter(own.values())).location, method="sentence")
    basis = in_article or filed_in
    named_here = any(mention.location.precision in OWN_PRECISIONS for mention in here if mention.source != "dateline")
    if ground and home is not None and not named_here and basis is not None and basis.country == home.country and (
            event.acled is None or event.acled.event_type not in ARMED_ACLED_TYPES) and all(
            p is None or p.country in (None, home.country) for p in (event.source, event.target)):
        return home  # a crowd or police action in a report filed from its town
    found = _actor_country(event, gazetteer)
    if found is not None or event.type not in ON_THE_GROUND:
        return found
    if in_article is None and not any(p is not None and p.country for p in (event.source, event.target)):
        return filed_in  # sides of two countries: where the report is filed says nothing of where
    return in_article
