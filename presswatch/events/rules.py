"""Named patterns of the events stage, each commented with what it must and must not match.

The PETRARCH2 verb dictionary (data/verbs.json) codes verbs; these hand-written tables add what
it lacks: event nouns, a few verb corrections, and the cues of status (negation, hypothetical,
reciprocity).  Words are spaCy lemmas in lower case.  Tested in tests/unit/test_events.py.
"""

from __future__ import annotations

# Event nouns -> CAMEO code.  A noun is an event when it heads a noun phrase in a clause ("mass
# protests began", "clashes with the police"); never as a modifier ("protest activity" is not
# counted twice, "peacekeeping forces" is not an event) nor in a verbless heading ("Border
# conflicts").  Nouns with a weapon modifier are refined by NOUN_MODIFIER_CODES.
EVENT_NOUNS: dict[str, str] = {
    "protest": "141", "demonstration": "141", "rally": "141", "march": "141", "sit-in": "141",
    "strike": "143", "boycott": "143", "walkout": "143", "blockade": "191", "siege": "191",
    "riot": "145", "unrest": "145", "pogrom": "145", "uprising": "145",
    "clash": "190", "fighting": "190", "battle": "190", "skirmish": "190", "hostility": "190",
    "offensive": "190", "attack": "190", "assault": "190", "raid": "190", "incursion": "190",
    "invasion": "192", "occupation": "192", "aggression": "190", "war": "190", "conflict": "190",
    "shelling": "194", "bombardment": "194", "airstrike": "195", "bombing": "183",
    "massacre": "200", "genocide": "202", "assassination": "186", "killing": "1823",
    "kidnapping": "181", "abduction": "181", "hijacking": "181", "looting": "1711",
    "arrest": "173", "detention": "173", "crackdown": "175", "curfew": "1723",
    "ceasefire": "0871", "truce": "0871", "armistice": "0871", "sanction": "163", "embargo": "163",
    "talk": "046", "negotiation": "046", "summit": "043", "mediation": "045", "meeting": "040",
    "accusation": "112", "condemnation": "111", "ultimatum": "138",
    "investigation": "090", "inquiry": "090", "probe": "090",
    "aid": "070", "assistance": "070", "withdrawal": "0872", "mobilization": "154", "deployment": "154",
    "pullout": "0872", "pull-out": "0872", "drawdown": "0872", "demobilization": "0873", "demobilisation": "0873",
}

# Nouns of an assembly that are a demonstration (141) only in protest context: their sentence names
# protesters or their demands, or their phrase an opponent ("the gathering broke up once the mayor had
# met the protesters", "a gathering against the dam"); a family gathering or one of ministers is none,
# and in a sentence that names the protest itself ("a rally ..., the largest gathering in years") the
# gathering is that protest again, no second event.
ASSEMBLY_NOUNS: dict[str, str] = {"gathering": "141"}
PROTEST_CONTEXT_NOUNS = frozenset({"protester", "protestor", "demonstrator", "marcher", "picketer", "slogan",
                                   "placard", "demand"})

# Event nouns too common in other senses to count without an actor on both sides (or the quad
# model's confirmation): "the conflict", "aid", "a meeting of the board", "an investigation found".
WEAK_EVENT_NOUNS = frozenset({"conflict", "war", "aid", "assistance", "talk", "meeting", "investigation", "inquiry",
                              "probe"})

# Nouns naming a meeting: the subject of the clause a meeting phrase modifies takes part in it
# ("the minister said at a meeting with X", "spoke during talks with X").
MEETING_NOUNS = frozenset({"meeting", "talk", "summit", "negotiation"})

# Who claims or takes the responsibility or credit for an act did it ("X took the credit for the
# raid": X is the raid's source).
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit"})

# An organization's operations stand for the country they are in: teams flown "to the AU mission in
# X" go to X (not a national unit: "to the X contingent in Y" stays X).
OPERATION_NOUNS = frozenset({"mission", "force", "operation", "contingent"})

# Verbs whose infinitive complement is their subject's purpose, not their object's act: "X summoned
# Y's consul to protest" (X protests), unlike "X pressed Y to pull out" (Y pulls out).
PURPOSE_HEADS = frozenset({"summon", "send", "dispatch", "deploy", "convene"})
# Predicate adjectives whose subject is the object of their infinitive ("X is hard to beat"), not its actor.
OBJECT_CONTROL_ADJECTIVES = frozenset({"hard", "easy", "difficult", "impossible", "tough", "simple"})

# Nouns that are places, not targets, after a target preposition ("fighting on the border").
PLACE_NOUNS = frozenset({"border", "frontier", "frontline", "front", "area", "region", "zone", "territory", "line"})

# Objects a verb conveys (troops sent, help sought): the target is the recipient after one of
# RECIPIENT_PREPOSITIONS ("sent troops to X", "sought help from X"), never the object itself.
CONVEYED_OBJECTS = frozenset({"force", "troop", "peacekeeper", "soldier", "aid", "assistance", "help", "weapon",
                              "arm", "delegation", "mission", "contingent", "unit", "equipment", "support"})
RECIPIENT_PREPOSITIONS = frozenset({"to", "into", "from", "toward", "towards"})
# Any other object that names no actor (no entity of these types in its phrase: "returned the
# manuscripts to X", "handed the relics to X") yields to such a recipient that names one.
ACTOR_ENTITY_TYPES = frozenset({"PERSON", "NORP", "ORG", "GPE"})

# Verbs of change whose "into" object continues their subject event: "protests turned into
# riots" (the riots have the protests' participants).
BECOME_VERBS = frozenset({"turn", "escalate", "develop", "grow", "degenerate", "descend", "spiral", "transform",
                          "evolve", "morph"})

# Singular nouns that, with a definite article and no entity of their own, stand for the
# country named last ("the republic", "the country").
COUNTRY_ANAPHORS = frozenset({"country", "republic", "kingdom", "nation"})

# The ending of a noun naming whom an act was done to ("detainee", "deportee", "abductee"): an ACLED
# cue word with it ("detain*") names people, not an event of its own.
PATIENT_NOUN_ENDING = "ee"

# Nouns that are events only with one of these modifiers (amod/compound lemmas): "military
# operation", "terrorist attack" (already an event), "air strike", "hunger strike".
MODIFIED_EVENT_NOUNS: dict[str, dict[str, str]] = {
    "operation": {"military": "190", "special": "190", "counter-terrorist": "190", "peacekeeping": "074"},
    "act": {"aggression": "190", "terrorism": "180", "terror": "180"},
    "fire": {"artillery": "194", "mortar": "194", "rocket": "194", "gun": "193",
             "cease": "0871"},  # the parser splits a hyphenated "cease-fire" into "cease" + "fire"
    "ban": {"travel": "163", "entry": "163", "visa": "163", "export": "163", "import": "163", "arm": "163"},
    "freeze": {"asset": "163"},
    # suspending relations, talks, aid or trade reduces relations (CAMEO 16x); a suspended player or sentence is none
    "suspension": {"link": "160", "flight": "160", "relation": "161", "tie": "161", "cooperation": "161",
                   "talk": "164", "negotiation": "164", "aid": "162", "assistance": "162", "trade": "163"},
    "measure": {"restrictive": "163", "punitive": "163"},
    "shield": {"human": "184"},  # people put in harm's way to deter an attack (CAMEO 184)
    # Manoeuvres: joint ones are military cooperation (062), one side's a show of force (150);
    # "joint" is tried first ("joint naval drills" is cooperation).
    "exercise": {"joint": "062", "military": "150", "naval": "150", "army": "150"},
    "drill": {"joint": "062", "military": "150", "naval": "150", "army": "150"},
    "game": {"joint": "062", "war": "150"},
    "cleansing": {"ethnic": "203"},  # CAMEO 203's title
    "expulsion": {"mass": "201"},  # CAMEO 201's title
    "mission": {"mediation": "045"},  # "undertook a mediation mission" (CAMEO 045, engage in mediation)
}

# Modifiers refining an event noun's code: "air strike" is an air strike, not a labour strike;
# "hunger strike" is a hunger strike; "terrorist attack" is unconventional violence.
NOUN_MODIFIER_CODES: dict[str, dict[str, str]] = {
    "strike": {"air": "195", "drone": "195", "missile": "194", "rocket": "194", "hunger": "142",
               "military": "190", "general": "143"},
    "attack": {"terrorist": "180", "terror": "180", "suicide": "1831", "air": "195", "drone": "195",
               "missile": "194", "rocket": "194", "artillery": "194", "chemical": "2041"},
    "protest": {"violent": "145", "mass": "141"},
    "clash": {"armed": "190"},
    "killing": {"mass": "202"},  # CAMEO 202's title
    "war": {"hybrid": "190", "information": "111", "trade": "163", "cold": "160"},
    "deployment": {"peacekeeping": "074", "peacekeeper": "074"},  # peacekeeping is aid (CAMEO 074)
}

# Noun readings that are not events: "strike" and "attack" in sport or health senses, a "talk"
# given by one person; checked against the noun's prepositional object.
NOT_EVENT_NOUN_CONTEXT = frozenset({"heart", "panic", "asthma", "lecture"})

# Verb corrections over the PETRARCH2 blocks: None removes a verb (too vague to be an event on
# its own: "interfere" is coded 070 provide aid by PETRARCH's INTERVENE block, which is wrong for
# "Western countries interfere in ..."), a code replaces the default.  Patterns still apply.
VERB_OVERRIDES: dict[str, str | None] = {
    "interfere": None, "meddle": None, "provoke": None, "destabilize": None, "undermine": None,
    "say": None, "tell": None, "note": None, "add": None, "explain": None, "stress": None,
    "emphasize": None, "conclude": None, "state": None, "recall": None, "know": None,
    "agree": "030", "discuss": "040", "accuse": "112", "claim": None, "allege": None,
    "support": "050", "recognize": "054", "meet": "040", "loot": "1711", "seize": "1711",
    "fight": "190", "clash": "190", "shell": "194", "bomb": "195", "protest": "141",
    "riot": "145", "arrest": "173", "detain": "173", "kill": "1823", "assassinate": "186", "invade": "192",
    "occupy": "192", "sign": None, "send": None, "turn": None, "call": None, "go": None,
    "take": None, "make": None, "give": None, "get": None, "have": None, "lead": None,
    "form": None, "create": None, "see": None, "face": None, "follow": None, "find": None,
    "hold": None, "leave": None, "put": None, "play": None, "raise": None, "bring": None,
    "carry": None, "act": None, "appear": None, "begin": None, "start": None, "continue": None,
    "last": None, "show": None, "achieve": None, "manage": None, "try": None, "want": None,
    "need": None, "accord": None, "involve": None, "use": None, "apply": None, "ensure": None, "allocate": None, "engage": None, "receive": None,
}

# Verbs PETRARCH2 codes only in fixed phrases, coded when they take an object (active or
# passive): "returned the stolen paintings to Italy" is a return of property (CAMEO 0842); "they
# returned to the capital" (no object) is no event.
TRANSITIVE_CODES: dict[str, str] = {"return": "0842", "repatriate": "0841"}

# Taking, seizing or capturing ground (the verb's object, or its passive subject) is occupying
# territory (CAMEO 192): "took the ridge and two villages", "the town was captured"; "take" is
# removed above and PETRARCH files seize/capture under property (171), which a facility taken (an
# airport, a building) stays.  Not "position" or "post" ("took a position on", "took up the post"),
# nor ground after a preposition ("took the train to the city").
TAKING_VERBS = frozenset({"take", "seize", "capture"})
TAKEN_GROUND_NOUNS = frozenset({"height", "hill", "ridge", "village", "town", "city", "settlement", "stronghold",
                                "outpost", "garrison"})

# Extra verb patterns (verb lemma, words that must follow it, code), checked before PETRARCH's:
# "appealed to the alliance for help" is an appeal for aid; "sent peacekeepers" is peacekeeping aid;
# "signed a protocol/agreement" is a formal agreement; "called on X to" is an appeal; "pulled
# out of"/"pulled back" is a withdrawal (as the noun "withdrawal" is).
EXTRA_VERB_PATTERNS: tuple[tuple[str, frozenset[str], str], ...] = (
    ("turn", frozenset({"to", "help"}), "023"),
    ("turn", frozenset({"to", "assistance"}), "023"),
    ("seek", frozenset({"help"}), "023"),
    ("seek", frozenset({"assistance"}), "023"),
    ("ask", frozenset({"help"}), "023"),
    ("send", frozenset({"peacekeeping"}), "074"),
    ("send", frozenset({"peacekeeper"}), "074"),
    ("send", frozenset({"troop"}), "154"),
    ("deploy", frozenset({"peacekeeping"}), "074"),
    ("deploy", frozenset({"peacekeeper"}), "074"),
    ("sign", frozenset({"protocol"}), "057"),
    ("sign", frozenset({"agreement"}), "057"),
    ("sign", frozenset({"treaty"}), "057"),
    ("sign", frozenset({"deal"}), "057"),
    ("sign", frozenset({"accord"}), "057"),
    ("call", frozenset({"on"}), "020"),
    ("call", frozenset({"for"}), "020"),
    # Calling off a strike or protest is easing political dissent (CAMEO 082, as PETRARCH's "stopped
    # the strike"); "call" alone is removed above.
    *(("call", frozenset({"off", action}), "082") for action in ("strike", "protest", "demonstration", "boycott",
                                                                  "walkout", "rally", "march", "sit-in")),
    ("pull", frozenset({"out"}), "0872"),
    # Receiving or admitting observers, inspectors or peacekeepers allows international involvement (CAMEO
    # 0862, 0861; PLOVER RETREAT counts letting monitors or peacekeepers in); "receive" is removed above.
    *((verb, frozenset({who}), code) for verb in ("receive", "admit")
      for who, code in (("observer", "0862"), ("inspector", "0862"), ("monitor", "0862"), ("peacekeeper", "0861"),
                        ("peacekeeping", "0861"))),
    ("pull", frozenset({"back"}), "0872"),
    ("open", frozenset({"fire"}), "193"),
    *((verb, frozenset(weapon) | extra, "175")  # "used water cannon", "turned tear gas on": crowd control
      for verb, extra in (("use", frozenset()), ("turn", frozenset({"on"})))
      for weapon in (("water", "cannon"), ("tear", "gas"), ("rubber", "bullet"), ("pepper", "spray"),
                     ("stun", "grenade"))),
    ("launch", frozenset({"war"}), "190"),
    ("launch", frozenset({"operation"}), "190"),
    ("launch", frozenset({"attack"}), "190"),
    ("launch", frozenset({"offensive"}), "190"),
    ("discuss", frozenset({"telephone"}), "041"),
    ("discuss", frozenset({"phone"}), "041"),
    ("talk", frozenset({"telephone"}), "041"),
    ("talk", frozenset({"phone"}), "041"),
    ("achieve", frozenset({"ceasefire"}), "0871"),
    ("reach", frozenset({"ceasefire"}), "0871"),
    ("agree", frozenset({"ceasefire"}), "0871"),
    # Giving, sending or handing over relief goods is aid (070); PETRARCH codes these verbs only in
    # set phrases ("deliver" and "donate" it codes itself).
    *((verb, frozenset({goods}), "070") for verb in ("give", "send", "hand")
      for goods in ("supply", "medicine", "equipment", "food", "drug", "vaccine")),
    # Sending weapons or arms is military aid (072), as PETRARCH's send and supply blocks code their
    # weapon objects; "send" is removed above, so its own pattern never applied.
    *(("send", frozenset({weapon}), "072") for weapon in ("weapon", "arm", "ammunition")),
    # Cutting aid is reducing relations (162, as PETRARCH codes "suspend aid"), not aid.
    *((verb, frozenset({goods}), "162") for verb in ("reduce", "cut", "slash", "suspend")
      for goods in ("aid", "assistance", "supply")),
    # Ending a mediation or talks is halting them (165, 164).
    *((verb, frozenset({what}), code) for verb in ("end", "halt", "suspend", "break")
      for what, code in (("mediation", "165"), ("talk", "164"), ("negotiation", "164"))),
    # Lowering or removing a trade barrier is easing economic sanctions (085).
    *((verb, frozenset({barrier}), "085") for verb in ("cut", "reduce", "lower", "remove", "scrap")
      for barrier in ("tariff", "sanction")),
    ("roll", frozenset({"back", "tariff"}), "085"),
    ("roll", frozenset({"back", "sanction"}), "085"),
    # Disarming (giving up or surrendering weapons) is military de-escalation (0873).
    ("lay", frozenset({"down", "arm"}), "0873"),
    ("lay", frozenset({"down", "weapon"}), "0873"),
    ("hand", frozenset({"over", "arm"}), "0873"),
    ("hand", frozenset({"over", "weapon"}), "0873"),
    ("surrender", frozenset({"weapon"}), "0873"),
    ("surrender", frozenset({"arm"}), "0873"),
)

# A crowd forcing its way in ("demonstrators forced their way into the parliament", "... inside")
# riots (CAMEO 145, ACLED's violent demonstration); PETRARCH's "force" is coercion (170), which
# police or troops forcing their way in stay (extract._crowd_breaks_in).
BREAK_IN_VERBS = frozenset({"force"})
BREAK_IN_PREPOSITIONS = frozenset({"into", "inside", "through"})

# Verbs of leaving that are a withdrawal (CAMEO 0872, as "withdrew" is) when their subject is an
# armed force: "the peacekeepers left the region", "troops began departing".  "The minister left
# Paris" is no event ("leave" stays removed in VERB_OVERRIDES otherwise).
DEPARTURE_VERBS = frozenset({"leave", "depart", "exit", "quit", "vacate"})
ARMED_FORCE_NOUNS = frozenset({"troop", "force", "soldier", "peacekeeper", "contingent", "unit", "army",
                               "serviceman", "paratrooper", "battalion", "brigade"})

# Protest verbs (CAMEO 14x) that stand without a target when people protest: ACLED codes a
# demonstration by a crowd with no named opponent ("pensioners rallied near the town hall", "the
# union struck over pay").  The subject must be a person, a named group or a noun of people
# (PROTESTER_NOUNS, lemmas); "the figures demonstrated a rise" or "protested that ..." (a statement) is
# not one.  Only "protest" and "picket" keep the reading with an object ("rallied support",
# "struck a deal" are not protests).
PROTEST_VERBS: dict[str, str] = {"rally": "141", "march": "141", "demonstrate": "141", "protest": "141",
                                 "picket": "141", "strike": "143"}
TRANSITIVE_PROTEST_VERBS = frozenset({"protest", "picket"})
# A protest verb reporting what was said ("protested that ...", "..., a rights group protested") is
# spoken disapproval (CAMEO 110, the default of PETRARCH's block of verbal conflict), not a
# demonstration (140, the verb's own code).
SPOKEN_PROTEST_CODES: dict[str, str] = {"protest": "110"}
PROTESTER_NOUNS = frozenset({
    "people", "crowd", "thousand", "hundred", "dozen", "score", "protester", "protestor", "demonstrator",
    "activist", "supporter", "student", "worker", "employee", "staff", "union", "farmer", "teacher",
    "nurse", "doctor", "miner", "driver", "trader", "vendor", "lawyer", "pensioner", "retiree",
    "resident", "villager", "citizen", "youth", "woman", "man", "mother", "family", "relative",
    "opposition", "party", "group", "member", "voter", "fan", "follower", "mourner", "veteran",
    "refugee", "migrant", "taxi", "trucker", "pilot", "journalist", "civilian", "they", "we",
    # the protest agents of the Phoenix agent dictionary (~OPP, and the mob ~CVL), and marchers
    "marcher", "rioter", "picketer", "dissident", "dissenter", "campaigner", "mob",
})

# Verbs whose protest pattern (14x, scripts/build_event_lexicon.py) needs people as subject: "the
# marchers filled the square" is a demonstration, "floodwater filled the square" is none.
CROWD_VERBS = frozenset({"fill"})

# What a seizure (CAMEO 171x) took decides its ACLED type (codebook): people taken are an abduction
# ("gunmen seized two engineers"), a place or base taken is a territory event ("rebels captured
# the camp"); only property taken or damaged stays looting/property destruction.
SEIZED_PEOPLE_NOUNS = PROTESTER_NOUNS | frozenset({
    "person", "hostage", "fighter", "soldier", "militant", "official", "officer", "engineer", "tourist",
    "child", "girl", "boy", "passenger", "crew", "sailor", "fisherman", "priest", "journalist", "him",
    "her", "them", "guard", "policeman", "commander", "leader", "contractor", "national",
})
# Whom a violent act with no named actor is done to, for it to stand alone (extract._harms_people).
HARMED_NOUNS = SEIZED_PEOPLE_NOUNS | ARMED_FORCE_NOUNS
SEIZED_PLACE_NOUNS = PLACE_NOUNS | frozenset({
    "camp", "base", "town", "village", "city", "airport", "airfield", "position", "checkpoint", "post",
    "outpost", "garrison", "district", "port", "bridge", "hill", "headquarters", "barracks", "province",
    "stronghold", "compound", "crossing", "road", "highway", "valley", "island", "settlement",
})

# Passives that only qualify the verb they govern when no agent is named: "was forced to seek
# help" (the request is the event, nobody is said to coerce); "was forced by rebels to flee" keeps
# its coercion.
MODAL_PASSIVES = frozenset({"force", "compel", "oblige"})

# Verbs whose direct object is itself the event (the verb adds nothing): "organized mass
# protests", "launched an attack", "began clashes"; aspectual verbs too ("completed the
# withdrawal", "finished the deployment").  The noun is the trigger, the verb's subject its source.
# Must not swallow "condemned the attack" (the condemnation is the event there).
LIGHT_VERBS = frozenset({"organize", "stage", "hold", "launch", "carry", "conduct", "begin", "start",
                         "complete", "finish", "adopt", "introduce",
                         "unleash", "wage", "continue", "resume", "mount", "commit", "achieve", "reach",
                         "declare", "announce", "impose", "lead", "spark", "trigger", "provoke",
                         "rekindle", "stir", "incite", "orchestrate", "instigate"})

# Inflections tried, in order, when the tagger gives a verb a lemma the dictionary lacks ("staged"
# read as "stag", "waging" as "wag"): (ending, what replaces it).
INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""))

# Heads that make their xcomp/ccomp/object hypothetical: intentions, attempts, threats, plans,
# appeals, readiness ("trying to provoke", "ready to unleash", "urged both camps to avoid",
# "readiness to provide").  Not "forced to seek help" (it happened) nor "managed to achieve".
HYPOTHETICAL_HEADS = frozenset({
    "try", "attempt", "want", "plan", "intend", "threaten", "seek", "aim", "prepare", "hope", "agree",
    "promise", "pledge", "vow", "swear", "decide", "need", "call", "urge", "ask", "demand", "prevent", "avoid",
    "expect", "propose", "offer", "wish", "plot", "consider", "ready", "willing", "prepared", "able",
    "likely", "readiness", "intention", "threat", "risk", "danger", "possibility",
    "desire", "goal", "idea", "order", "purpose", "would", "could", "may", "might", "should",
})

# A past attempt at a use of force ("tried to seize the town hall", "had attempted to kill him") is
# that act, carried out: the PLOVER (NGEC) codebook codes attempted as well as successful
# assassinations as ASSAULT and CAMEO gives a failed assassination a code of its own (185).  Only for the
# material-conflict roots (CAMEO 17-20, coerce and force) and a riot (145: a crowd that "tried to
# force its way into the parliament" has already pushed against the doors or the guards: the attempt
# is the violent act); "tried to meet" is still no meeting, "tried to protest" no protest, and "is
# trying to provoke" (an ongoing intent) stays hypothetical.  An entry is a root or a full code.
ATTEMPT_HEADS = frozenset({"try", "attempt"})
ATTEMPTED_ROOTS = frozenset({"145", "17", "18", "19", "20"})

# A negated hypothetical head denies its complement too ("will not try to block the veto", "did
# not plan to attack": negated, as PETRARCH's unit tests code "won't try to clash"), except heads
# that already deny it: "did not prevent/avoid a clash" leaves the clash possible (hypothetical).
DENYING_HEADS = frozenset({"prevent", "avoid"})

# A subject that denies the clause negates it ("neither X nor Y boycotted", "no party attacked",
# "none of the ministers resigned"): a determiner of the subject, or the subject pronoun itself.
NEGATING_DETERMINERS = frozenset({"neither", "no"})
NEGATIVE_SUBJECTS = frozenset({"neither", "none", "nobody", "nothing", "noone"})

# Heads that negate their complement: "refused to attack", "failed to reach", "denied attacking".
NEGATING_HEADS = frozenset({"refuse", "fail", "deny", "decline", "reject", "stop", "cease", "halt"})

# A cooperative act negated by "not"/"never" is a refusal (CAMEO 12, as "refused to" is): "will not
# accept the refugees" rejects material cooperation, "will not lift the ban" refuses to yield.
# CAMEO root of the negated act -> REJECT code.  Not for conflict acts ("did not attack" stays a
# negated ASSAULT) nor for appeals and statements.
REFUSAL_CODES: dict[str, str] = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}

# An announced cooperative act (04-08) is also an expressed intent to cooperate (CAMEO 03, as
# "promised to" is): "will release the hostages" 0353, "is ready to send aid" 033, "will visit" 036
# (intent to meet), "will support the plan" 032 (intent of diplomatic cooperation): the PLOVER
# codebook reads any cooperation told in the future as a stated intent (AGREE); the stance ranks
# before the act on a tie (extract.py).
# CAMEO code of the act (3 digits, else its root) -> intent code.  Announced by INTENT_MODALS on
# its clause or an INTENT_HEADS adjective over it; not "may", "could" (possibility, no intent).
INTENT_CODES: dict[str, str] = {
    "04": "036", "05": "032",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354", "086": "0355",
    "087": "0356",
}
# An announced conflictual act (14-20) is also a threat (CAMEO 13, as "threatened to" is): "will
# boycott the vote" 1312, "will impose a curfew" 132, "will bomb the bridges" 138.
# CAMEO code of the act (3 digits, else its root) -> threat code; announced as INTENT_CODES are.
THREAT_CODES: dict[str, str] = {
    "14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "1313",
    "17": "137", "172": "132", "18": "138", "19": "138", "191": "1381", "192": "1382", "20": "1384",
}
# ACLED sub-event types that name an assault's weapon -> the PLOVER codebook's ASSAULT mode for it
# (ngec/PLOVER_structured_codebook_updated.csv defines explosives by mines, roadside and car bombs,
# heavy-weapons by artillery and rocket launchers, suicide-attack by the attacker's death).  The
# weapon a sentence names replaces a weapon mode that CAMEO2PLOVER gives the code alone (183 covers
# every non-military bombing and is always suicide-attack there) or fills an empty one (190, 1823);
# assassinate, beat, abduct, torture or crowd-control say more than the weapon and stay.  Air and
# drone strikes are left out: the codebook has two modes for them and ACLED one sub-event.
WEAPON_MODES: dict[str, str] = {
    "Shelling/artillery/missile attack": "heavy-weapons", "Remote explosive/landmine/IED": "explosives",
    "Grenade": "explosives", "Suicide bomb": "suicide-attack"}
REPLACEABLE_MODES = frozenset({None, "suicide-attack", "explosives", "firearms", "heavy-weapons"})
# Verbs that name the weapon themselves: shooting is the codebook's firearms mode (guns a person
# carries); a weapon the ACLED type names comes first.
SHOOTING_VERBS: dict[str, str] = {"shoot": "firearms", "gun": "firearms"}
# CAMEO 143 is a strike or a boycott; CAMEO2PLOVER gives it the boycott mode, the PLOVER codebook
# has a labour-strike mode of its own: a 143 event named by a strike word takes it.
STRIKE_WORDS = frozenset({"strike", "walkout", "stoppage"})
INTENT_MODALS = frozenset({"will", "shall", "'ll"})
# Verbs that only tell what happened: their speaker is no actor of a told blow to its own side
# (extract.participants); declaring, claiming or blaming is taking a part.
TELLING_VERBS = frozenset({"say", "tell", "report", "add", "state", "announce", "confirm"})
# Verbs of announcing whose "would" clause is the speaker's reported "will" ("said it would pull out
# its troops": an expressed intent, as "will pull out" is; sequence of tenses).
REPORTED_FUTURE_HEADS = frozenset({"say", "announce", "state", "declare", "tell", "add", "confirm", "indicate",
                                   "insist", "stress", "signal", "warn"})
INTENT_HEADS = frozenset({"ready", "willing", "prepared", "committed", "determined"})

# Modal auxiliaries that make a clause hypothetical ("will attack", "could retaliate").  Not
# "did", "has", "was".
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "wo", "ca"})

# Subordinators of conditions ("if they are not stopped", "unless Chad agrees").
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})

# Subordinators of a time already past when the clause's verb is past ("would be scrapped, a day
# after thousands protested"): the clause states a fact, whatever the modality of the clause it
# depends on ("will resign after the crowds dispersed"; "after they withdraw" stays with its head).
FACTUAL_MARKS = frozenset({"after", "since"})

# Objects that make a verb reciprocal: "accused each other", "attacked one another".
RECIPROCAL_OBJECTS = ("each other", "one another")

# Event types whose participants, when coordinated in the subject without an object, act on each
# other: "Armenia and Azerbaijan reached a truce", "X and Y signed a protocol".
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "RETREAT", "ASSAULT", "SUPPORT"})

# Joint acts: coordinated parties in the subject with no actor as object act with each other
# ("X and Y agreed to pool records", "the X and Y ministers signed a pact"), both directions.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})

# Reporting verbs whose claim about another actor's hostile act makes the report an accusation
# (ACCUSE, CAMEO 112): "the minister claimed that foreign powers stir up unrest".
# Thought verbs ("believe") and neutral verbs of motion are not included.
ACCUSING_REPORT_VERBS = frozenset({
    "say", "state", "stress", "note", "add", "claim", "allege", "emphasize", "emphasise", "explain",
    "declare", "insist", "argue", "assert", "charge", "accuse", "tell", "warn", "conclude", "according",
    "write", "announce", "complain", "point", "report",
})

# Hostile actions that, claimed of another actor, make an accusation even when they are not
# events themselves: "Western countries openly interfere", "are destabilizing the situation".
HOSTILE_CLAIM_VERBS = frozenset({
    "interfere", "meddle", "destabilize", "destabilise", "provoke", "undermine", "incite", "sabotage",
    "unleash", "rekindle", "plot", "organize", "orchestrate", "instigate", "attack", "seize", "violate",
    "invade", "occupy", "kill", "shell", "bomb", "launch", "finance", "fund", "arm",
})

# Nouns naming a group of the parties already mentioned: "the parties", "both sides".
PARTY_NOUNS = frozenset({"party", "side", "country", "state", "nation", "neighbour", "neighbor", "government",
                         "delegation"})
# Those that name the group in the plural without "two"/"both" (-> the determiner they need, None for
# any): "the parties", "both sides", "the delegations agreed on the route" (the parties' negotiators;
# "delegations from 40 states" are not the two parties, "the countries" may be any).
PARTY_GROUP_NOUNS: dict[str, str | None] = {"party": None, "side": None, "delegation": "the"}
# Dashes that join two countries' names into one pair ("the Tajik-Kyrgyz border", "Greek–Turkish talks").
PAIR_DASHES = frozenset({"-", "\u2013", "\u2014"})

# Prepositions introducing the target of a verb or event noun ("fired on", "clashes with").
TARGET_PREPOSITIONS = frozenset({"on", "against", "with", "to", "at", "into", "upon", "toward", "towards", "from"})

# Means of force are never participants: who used them is the source, whom they were aimed at
# ("at/on/against/into X") the target.  Lemmas of the head noun, or "modifier head" lemma pairs.
INSTRUMENT_NOUNS = frozenset({
    "teargas", "tear gas", "water cannon", "rubber bullet", "plastic bullet", "stun grenade", "smoke grenade",
    "pepper spray", "pepper ball", "baton", "truncheon", "lathi", "pellet", "sound cannon", "flash bang",
    "bullet", "grenade", "live ammunition", "ammunition", "rocket", "missile", "mortar", "projectile",
    "bomb", "shell", "explosive", "explosive device", "shot", "gunshot",
})

# Verbs saying that a truce (a 0871 noun) goes on ("the ceasefire held", "the truce has remained
# in place"): a state, not a new act (CAMEO 0871 codes declaring one).  Other event nouns keep
# them ("the fighting lasted two days" happened).
ENDURE_VERBS = frozenset({"hold", "remain", "stay", "persist", "last", "survive"})

AIM_PREPOSITIONS = frozenset({"at", "on", "against", "into", "upon", "toward", "towards"})

# "riot police", "riot gear", "anti-riot units" name the police and their equipment, not a riot:
# a "riot" modifying one of these heads is no cue of a riot (acled.py).
RIOT_EQUIPMENT_HEADS = frozenset({
    "police", "policeman", "policemen", "officer", "unit", "squad", "force", "troop", "trooper", "personnel",
    "gear", "shield", "helmet", "control", "van", "vehicle", "battalion", "brigade", "team", "detachment",
})

# Objects that belong to the trigger, not the target: "opened fire on X", "launched an attack
# on X", "carried out strikes against X" (the target is X, never "fire").
PATTERN_OBJECTS = frozenset({"fire", "attack", "strike", "offensive", "raid", "assault"})

# Pronouns that stand for an actor named earlier ("Syria says it will withdraw its troops"):
# resolved to the subject of the governing clause, else the nearest earlier actor.
# CAMEO roots of acts done to someone (17 coerce, 18 assault, 19 fight, 20 mass violence): an event
# noun's "of" phrase names the one it is done to ("the siege of X", "the arrest of Y"), while for
# other acts it names who acts ("the withdrawal of X troops", "a visit of Y").
PATIENT_OF_ROOTS = frozenset({"17", "18", "19", "20"})

ANAPHORIC_PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "we"})

# A source known only by its sector (a judge, a court, protesters, a president the actor base lacks)
# acting on an actor of a country is of that country, as most reported acts are domestic, except
# for acts often done by outsiders: force (18 assault, 19 fight, 20 mass violence: foreign armies,
# transnational militants) and aid (07, mostly given from abroad).
OUTSIDER_ROOTS = frozenset({"07", "18", "19", "20"})

# Nouns of wrongdoing: their "by" phrase names the wrongdoer, whom a verb on them (investigate,
# condemn, denounce) is aimed at ("investigating abuses by X": X), as for an event noun.
WRONGDOING_NOUNS = frozenset({"crime", "abuse", "atrocity", "violation", "wrongdoing", "misconduct", "offence",
                              "offense", "excess"})

# Nouns of a stance an act takes "in" ("in defiance of X", "in protest at X's raids", "in
# retaliation for X's attack"): the actor they name is the act's target.
STANCE_NOUNS = frozenset({"defiance", "protest", "opposition", "retaliation", "response", "reprisal", "revenge"})

# Entity types of things and places, never an actor of their own ("the Europa bridge", "the Sahel").
PLACE_ENTITY_TYPES = frozenset({"FAC", "LOC"})

# Places that house people: with no actor of their own, the people they are "for" stand in ("a camp
# for X refugees", "a shelter for Y migrants").
SHELTER_NOUNS = frozenset({"camp", "shelter", "home", "hostel", "dormitory", "orphanage", "centre", "center",
                           "school", "hospital", "clinic", "settlement"})

# Custody: what happens to someone "in X's custody" with no other agent named is done by X (the
# keeper answers for the one held: "died in X police custody").
CUSTODY_NOUNS = frozenset({"custody", "detention", "captivity"})

# Military de-escalation (CAMEO 087x: truce, withdrawal, demobilization) is done with one's own
# forces: with no agent named, the forces in the passive subject are the side that stands down
# ("the militias were demobilized", "the brigades were pulled back").
OWN_FORCES_ROOTS = frozenset({"087"})

# Participles that with "be" and a "to" phrase state the subject's own stance, not an act done to it
# ("X is opposed to the plan": X opposes it; "Y is committed to the talks").
STANCE_PARTICIPLES = frozenset({"oppose", "commit", "dedicate", "devote"})

# Pronouns of a person, which never stand for an entity of these types ("he" is no country).
PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
NON_PERSON_TYPES = frozenset({"GPE", "LOC", "ORG", "FAC", "NORP"})

# Verbs whose crowd-dispersal patterns (lexicon VERB_SENSES, 175) read their object: in the passive the
# subject is that object ("the rally was dispersed / broken up by police", "the square was cleared").
DISPERSAL_VERBS = frozenset({"disperse", "clear", "break", "push", "spray"})

# Verbs that govern another action and, by the CAMEO convention, are the event themselves:
# "threatened to impose sanctions" is a threat (13), "agreed/offered to withdraw" an intent to
# cooperate (03), "refused to extradite" a rejection (12), "demanded/urged X to ..." a request
# (10/02); an order or pressure on X to act is a demand (PLOVER DEMAND: "all demands and orders";
# PETRARCH's "to" pattern of the order block gave an intent, 030).  The governed action stays
# as a hypothetical or negated event, ranked below.
GOVERNING_HEADS: dict[str, str] = {
    "threaten": "130", "agree": "030", "offer": "030", "pledge": "030", "promise": "030", "vow": "030", "swear": "030",
    "refuse": "120", "decline": "120", "reject": "120", "demand": "100", "insist": "100",
    "order": "100", "command": "100", "pressure": "100", "prepare": "030",
    "urge": "020", "ask": "020", "appeal": "020", "call": "020",
}

# Heads whose pledged act may be a conflictual one: "vowed to wage war" announces force, a threat
# (13x, as PETRARCH's VOW block codes vowing revenge or attacks 138), not an intent to cooperate (03x);
# a pledged cooperative act stays 03x.  Offers and agreements are made to the other party (not here).
PLEDGE_HEADS = frozenset({"pledge", "promise", "vow", "swear"})

# Heads whose prepared use of force (CAMEO 18-20) is a force posture, a build-up (154, as PETRARCH's
# "prepare for war / an invasion"), not a statement: "the army prepared to resume shelling"; a
# prepared cooperative act stays an intent (030, the block's default).
POSTURE_HEADS = frozenset({"prepare"})
POSTURE_ROOTS = frozenset({"18", "19", "20"})

# The nouns of those acts: a verb whose object is one governs the act its clause names ("repeated its
# demand that X free ...", "renewed the call for X to withdraw"), as the verb itself would.
GOVERNING_NOUNS = frozenset({"threat", "ultimatum", "offer", "pledge", "promise", "vow", "refusal", "demand",
                             "call", "appeal", "request"})

# Agreeing to stop fighting is declaring a truce (0871), as "agreed to a ceasefire" is, not an
# intent to cooperate (03; a promise or offer to stop stays an intent): complement verb -> the
# objects that make it a truce ("agreed to cease fire", "agreed to stop the fighting"; not "agreed
# to stop the talks").
TRUCE_COMPLEMENTS: dict[str, frozenset[str]] = {
    verb: frozenset({"fire", "fighting", "hostility", "shooting", "shelling", "attack"})
    for verb in ("cease", "stop", "halt", "end")}

# A conflictual act (THREAT_CODES) that a modal makes possible and a condition governs is a threat, a
# coercive warning (PLOVER THREATEN): "may halt the talks if the raids go on", "could cut aid unless ...".
# Marks of a clause hung on the act's own clause (not the act inside the condition).
THREAT_CONDITIONS = frozenset({"if", "unless"})

# Modals of obligation: a reporting verb over "X must/should ..." is a demand on X (CAMEO 10).
OBLIGATION_MODALS = frozenset({"must", "should"})

# A weakly coded verb (PETRARCH's default code, no pattern) without two known actors is kept
# when the quad sentence model gives its quad class at least this probability.
CONFIRM_PROBABILITY = 0.5

# Weight of the quad sentence model's probability in an event's confidence (the rest is the
# rule evidence): a plain average, fixed beforehand (0.7 and 0.9 scored the same in ConfliBERT CV).
MODEL_WEIGHT = 0.5

# Confidence lost per dependency level (up to 3) between a trigger and its sentence root: the main
# clause's act is the news, an act in a subordinate clause less so.  Chosen by ConfliBERT train CV
# among 0, 0.02, 0.04, 0.06, 0.1 (stage macro-F1 0.734, 0.732, 0.735, 0.731, 0.717): a small effect.
DEPTH_PENALTY = 0.04

# Confidence lost by an act inside an adverbial, participle or relative clause (a dependency of these
# kinds on the way to the sentence root): the main clause's act, or one coordinated with it, ranks
# first; a reported clause (ccomp) is not one of them, as the governing and speech rules rank it.
SUBORDINATE_DEPS = frozenset({"advcl", "acl", "relcl"})
SUBORDINATE_PENALTY = 0.10
# Confidence lost by an act inside a condition ("the union will strike on Friday unless the mayor withdraws
# the budget"): the condition is no act of its own, the act it governs is the news (as a governed act loses 0.25).
CONDITION_PENALTY = 0.25

# CASE-2021 labels of the acled sentence model -> ACLED (event type, sub-event type).  The labels
# CASE adds outside ACLED (disasters, organized crime, diplomacy, attributions) and OTHER are
# absent: for them an event keeps its CAMEO-derived ACLED type.
ACLED_LABELS: dict[str, tuple[str, str]] = {
    "ARMED_CLASH": ("Battles", "Armed clash"),
    "GOV_REGAINS_TERIT": ("Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("Battles", "Non-state actor overtakes territory"),
    "AIR_STRIKE": ("Explosions/Remote violence", "Air/drone strike"),
    "ART_MISS_ATTACK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "SUIC_BOMB": ("Explosions/Remote violence", "Suicide bomb"),
    "REM_EXPLOS": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "CHEM_WEAP": ("Explosions/Remote violence", "Chemical weapon"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "ABDUCT_DISSAP": ("Violence against civilians", "Abduction/forced disappearance"),
    "SEX_VIOL": ("Violence against civilians", "Sexual violence"),
    "PEACE_PROTEST": ("Protests", "Peaceful protest"),
    "PROTEST_WITH_INTER": ("Protests", "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": ("Protests", "Excessive force against protesters"),
    "VIOL_DEMONSTR": ("Riots", "Violent demonstration"),
    "MOB_VIOL": ("Riots", "Mob violence"),
    "AGREEMENT": ("Strategic developments", "Agreement"),
    "ARREST": ("Strategic developments", "Arrests"),
    "CHANGE_TO_GROUP_ACT": ("Strategic developments", "Change to group/activity"),
    "DISR_WEAP": ("Strategic developments", "Disrupted weapons use"),
    "HQ_ESTABLISHED": ("Strategic developments", "Headquarters or base established"),
    "PROPERTY_DISTRUCT": ("Strategic developments", "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": ("Strategic developments", "Non-violent transfer of territory"),
}

# Who fills in a source or target the syntax does not name (roles.py, scripts/train_event_roles.py):
# "nearest" the nearest actor with a country in the clause, "ranker" the trained ranker's first
# choice with p >= 0.5 (among mentions with a country of their own or of their phrase),
# "ranker_first" the ranker, else the nearest actor, "nearest_first" the reverse.  Chosen by
# 5-fold CV on the ConfliBERT NER train tags (scripts/train_event_roles.py, v1.1.0: top-event
# source country 0.865 / 0.872 / 0.879 / 0.865, target 0.795 / 0.735 / 0.827 / 0.813).  The
# source ranker never sees a place named as where an act happens (SCENE_PREPOSITIONS).
ROLE_FALLBACK: dict[str, str] = {"source": "ranker_first", "target": "ranker_first"}
# The object of these prepositions places an act ("in X, the opposition organized ...") and is
# never offered to the source ranker (NER train CV unchanged; the seed's Belarus protests).
SCENE_PREPOSITIONS = frozenset({"in", "at", "across", "throughout"})
# Outside quotes, the source ranker's choice replaces a single syntactic source of another country
# when its probability is at least this (None: never).  Chosen by the same NER train CV among
# 0.5-0.95 (source 0.879 without -> 0.884 / 0.884 / 0.887 / 0.885 / 0.884 / 0.880; targets
# unchanged at 0.827); it mostly restores the clause's leading actor where
# the parse attached the subject elsewhere.  Never inside a quote: "X said Y's troops opened
# fire" keeps Y as the shooter (the narrator/claim distinction).
SOURCE_OVERRIDE: float | None = 0.7
# A source still without a country (not an IGO/NGO; also an agentless passive's), outside quotes,
# takes the source ranker's first choice among the sentence's mentions with a country other than
# the target from this probability (None: never).  Chosen by 5-fold CV on the ConfliBERT NER train
# tags (session 5; scripts/train_event_roles.py): top-event source country 0.889 without, 0.892 /
# 0.890 / 0.890 / 0.890 at 0.0 / 0.1 / 0.2 / 0.3 (target 0.826, but 0.818 at 0.0). Without the quote
# guard "X said Y was attacked" made the speaker X the attacker.
SOURCE_LAST_RESORT: float | None = 0.2
