"""Named word lists the actor resolver matches against (lower-case lemmas unless said otherwise).

Each set says what it must match and, where it matters, what it must not.
"""

from __future__ import annotations

# Third-person singular pronouns that can refer back to a person, by gender.
# Must match "he", "him", "his", "she", "her"; must not match "it", "they", "we" (no person gender).
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}

# How many sentences back a pronoun or a bare role ("the expert") may look for its antecedent.
PRONOUN_WINDOW = 3
ROLE_WINDOW = 6

# Sectors of people a commentator noun ("the expert", "the political scientist") may stand for: no
# official; a person the knowledge base knows counts when every office of theirs is one of these.
COMMENTATOR_SECTORS = frozenset({"EDU", "MED", "HLH", "CVL"})

# Role words that name a head of state ("the head of state", "the monarch").
HEAD_OF_STATE_ROLES = frozenset({"president", "king", "queen", "emperor", "emir", "supreme leader",
                                 "monarch", "head of state"})

# Role nouns that name one person holding a political office, mapped to the KB roles they may
# match.  Must match "the President", "the Russian leader", "Kazakh President", "the head of
# state", "the foreign minister"; must not match plural "leaders" (a group, not a person).
OFFICE_ROLES: dict[str, frozenset[str] | None] = {
    "president": frozenset({"president"}),
    "head of state": HEAD_OF_STATE_ROLES,
    "leader": None,  # None: the country's top leader (the "!" offices of the knowledge base)
    "prime minister": frozenset({"prime minister", "premier", "chairman of the cabinet of ministers"}),
    "premier": frozenset({"prime minister", "premier"}),
    "chancellor": frozenset({"chancellor"}),
    "head of government": frozenset({"prime minister", "premier", "chancellor",
                                     "chairman of the cabinet of ministers"}),
    "foreign minister": frozenset({"foreign minister", "foreign secretary", "secretary of state"}),
    "foreign secretary": frozenset({"foreign secretary"}),
    "secretary of state": frozenset({"secretary of state"}),
    "defence minister": frozenset({"defence minister", "defence secretary", "secretary of defense"}),
    "defense minister": frozenset({"defence minister", "defence secretary", "secretary of defense"}),
    "king": frozenset({"king"}),
    "queen": frozenset({"queen"}),
    "secretary general": frozenset({"secretary general", "secretary-general"}),
    "secretary-general": frozenset({"secretary general", "secretary-general"}),
}

# Title-case display of a role noun for Actor.role ("head of state" -> "Head of State").
ROLE_DISPLAY = {"head of state": "Head of State", "head of government": "Head of Government",
                "secretary-general": "Secretary-General", "secretary of state": "Secretary of State"}

# Person nouns for commentators and sources who hold no office; "the expert" refers back to the
# latest such person.  Must match "the expert", "the political scientist", "the interlocutor";
# must not match "experts" (plural) or office roles ("the president").
COMMENTATOR_NOUNS = frozenset({"expert", "scientist", "political scientist", "analyst", "interlocutor",
                               "observer", "commentator", "specialist", "researcher", "professor",
                               "economist", "historian", "journalist", "director", "general director",
                               "source", "spokesman", "spokeswoman", "spokesperson", "diplomat",
                               "official", "politician", "activist", "lawyer", "author"})

# Heads of noun phrases that name people or groups but carry no sector of their own; they are
# never actor mentions by themselves ("the parties", "countries", "states").
NON_ACTOR_HEADS = frozenset({"country", "state", "party", "side", "nation", "republic", "region",
                             "member", "territory", "community", "world", "ally",
                             "representative", "capital", "power", "city"})

# Heads of group phrases that name a body, never a person: a name the NER takes for a person in
# apposition after one is the body's name ("the opposition weekly X", "the ruling party X").
# Must match "newspaper", "broadcaster", "party"; must not match person nouns ("journalist", "leader").
BODY_HEADS = frozenset({"newspaper", "paper", "daily", "weekly", "magazine", "journal", "broadcaster",
                        "channel", "station", "network", "agency", "radio", "television", "company",
                        "firm", "bank", "party", "group", "movement", "organization", "organisation",
                        "union", "association", "charity", "foundation", "institute", "university"})

# Sector codes of the agent dictionaries that do not name an actor ("power" -> NON, junk -> JNK).
NON_ACTOR_SECTORS = frozenset({"NON", "JNK", "UNK"})

# Dependency labels of the left modifiers that belong to a noun's phrase.
PHRASE_MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "case", "quantmod",
                                  "punct", "advmod"})

# Verbs whose subject acts or speaks: a capital city as their subject is a metonym for the
# government ("Baku claimed", "Yerevan turned to the CSTO").  Any verb counts; these dependency
# labels say the name is the subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})

# Prepositions whose object places an actor ("in Belarus"); their country becomes the context
# country of group agents without a modifier ("the opposition" in "in Belarus, ... the
# opposition organized protests").  Must not take "with the US" or "by Russia".
LOCATIVE_PREPOSITIONS = frozenset({"in", "inside", "within", "across", "throughout"})

# Sectors for which a sentence's single context country may supply the missing country: actors
# that act at home (opposition, civilians, police, rebels, courts, parliaments, gunmen, criminals,
# schools, media, hospitals, farmers, workers, clergy, parties).  Not GOV or MIL: officials and
# troops travel ("negotiators met in Geneva", "troops in Syria"); not refugees, organizations or
# business (companies are often foreign: "sanctions on firms linked to X"; on ConfliBERT sentences
# the home sectors were placed right about 6 times in 7, companies about half the time).
CONTEXT_SECTORS = frozenset({"OPP", "CVL", "COP", "REB", "JUD", "LEG", "UAF", "CRM", "EDU", "MED", "HLH",
                             "AGR", "LAB", "REL", "PTY"})

# Kinds of place names that give a sentence its context country: a country, capital or city; not
# organizations ("the EU"), seats of power or adjectives ("the Norwegian government" is an actor of
# its own, not the sentence's place).
CONTEXT_PLACE_KINDS = frozenset({"country", "capital", "place"})
# place kinds that name a state as the owner of a body ("Armenia's", "Russian" Security Council;
# not "Moscow's", a city, nor "the UN's", an organization)
STATE_PLACE_KINDS = frozenset({"country", "adjective"})

# Kinds of place names that give an actor of the sentence its country ("Kenyan police", "Nepal's
# prime minister", "Kampala said"); not organizations or seats ("the EU", "the Kremlin" also stand for
# the one country, but "the EU" for many).
ACTOR_PLACE_KINDS = frozenset({"country", "capital", "place", "adjective", "seat"})

# Dependency labels of a country name that names the sentence's place when no locative does: a
# subject ("Uganda says ... the rebels"), not a modifier ("US-backed rebels", "Norway's envoy"), an
# addressed counterpart ("talks with Kenya") or a listed origin ("fighters from countries including X").
CONTEXT_NAME_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT", "attr"})

# Modifiers that say a group is not from where it acts: "foreign fighters" take no context country.
FOREIGN_MARKERS = frozenset({"foreign", "overseas", "outside"})

# Prepositions whose object is somewhere else, not the sentence's home: "a trip to China".
AWAY_PREPOSITIONS = frozenset({"to", "toward", "towards", "into"})

# Agent words too generic to be an actor without a country or organization modifier:
# "Armenian positions" is an actor, "positions on the issue" is not.
NEEDS_MODIFIER = frozenset({"position", "force", "authority", "leader", "official", "government",
                            "president", "people"})

# Group nouns with no sector of their own that take the sector of the people they gather or serve,
# from a modifier or an "of" object: "opposition candidates" (OPP), "a rebel group" (REB), "the
# Union of Teachers" (EDU), "the UN refugee agency" (REF), "the intelligence service" (SPY).
# Must not include agent nouns that have a sector ("police", "army").
GROUP_HEADS = frozenset({"candidate", "member", "supporter", "group", "faction", "wing", "union",
                         "association", "federation", "confederation", "syndicate", "league",
                         "organization", "organisation", "movement", "unit", "camp", "delegation",
                         "agency", "office", "body", "committee", "council", "commission", "service",
                         "department"})

# Verb and noun lemmas of force against a place: a city or town they hit, or where they happen,
# stands for the people in it, CVL, as PLOVER's agent dictionary codes "city", "town" and "village"
# ("rebels shelled Aleppo", "an air strike on Kabul", "Mosul was bombed", "clashes in Gao").  Must
# not include "visit", "accuse", "criticize", "warn" or "protest": a capital they take is its
# government ("accused Baku"), a city where people march is a place ("a rally in Baku").
FORCE_LEMMAS = frozenset({"attack", "shell", "bomb", "strike", "hit", "raid", "storm", "besiege", "pound",
                          "bombard", "target", "fire", "shoot", "rocket", "invade", "overrun", "siege",
                          "assault", "airstrike", "air strike", "shelling", "bombing", "blockade", "blast",
                          "battle", "fighting", "fight", "clash", "explosion", "explode", "gunfire", "gunbattle"})

# Nouns of a restriction or relief put on the people of a place: a city or town where one is
# imposed or delivered (also as a verb's object) stands for its people, CVL, as a place hit by
# force ("a curfew in Harare", "imposed a lockdown in Lagos", "food aid in Kandahar").  Must not
# include "talks", "meeting", "rally" or "visit": a city where they happen is a place.
POPULATION_LEMMAS = frozenset({"curfew", "lockdown", "quarantine", "emergency", "evacuation", "aid", "relief",
                               "assistance", "delivery"})

# Prepositions joining a force word to the place it hits: "an attack on Kabul", "fired at Aleppo".
FORCE_PREPOSITIONS = frozenset({"on", "at", "against", "into"})

# Prepositions whose object is addressed as an actor: a capital there stands for its government
# ("talks with Moscow", "a war against Kabul"); must not include "in", "at", "near" (places).
ADDRESS_PREPOSITIONS = frozenset({"with", "against", "between"})

# Words that make a government title past: "former prime minister X", "ex-officials" are elites
# (sector ELI, the CAMEO convention), not the government; so is an ousted one (PLOVER_agents.txt
# OUSTED_LEADER, OUSTED_PREMIER [~ELIOPP]; Phoenix [~OPP]).  Must not match "formerly" or "late".
FORMER = frozenset({"former", "ex", "ex-", "ousted"})

# Words that make a demonym an ethnicity: "ethnic Albanians in Serbia" live in Serbia.
ETHNIC_MARKERS = frozenset({"ethnic"})

# Nouns for people who speak for an organization: "the army spokesman" has the army's sector,
# "the Kremlin spokesman" the government's.  Must not include "journalist" or "reporter".
SPEAKER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})

# Participles after a hyphen whose place names the group's own country: "the Saudi-led coalition"
# is Saudi; "US-backed rebels" are not American, so "back", "support", "fund" must not be here.
LEADING_PARTICIPLES = frozenset({"lead", "led", "command", "commanded"})

# Agent words of NEEDS_MODIFIER that stay at home: without a modifier, "the government" and "the
# authorities" are those of the one country their sentence places things in ("in Kenya, the
# authorities ..."); "the leader", "officials" and "forces" travel and stay unplaced.
HOME_AGENTS = frozenset({"government", "authority", "authorities"})

# Agent words that name no actor when they only modify another noun: "a state visit", "a court
# case" name an occasion, "people power" a slogan.  Must not include "government", "army",
# "police", "rebel" ("the army offensive" is the army's).
MODIFIER_NOT_AGENT = frozenset({"state", "people", "court", "media", "power", "party", "public", "civil",
                                "union", "crowd", "person", "family", "youth", "child", "woman", "man"})

# Agent words of NEEDS_MODIFIER that are an actor when counted: "18 people were killed", "hundreds
# of people marched" are civilians (CAMEO's CVL); "people say" and "the people's choice" are not.
COUNTED_AGENTS = frozenset({"people"})

# Nouns that count people when followed by "of" ("dozens of people", "thousands of people").
COUNT_NOUNS = frozenset({"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands",
                         "million", "millions"})

# Agent nouns that name an actor only in the plural: "Armenian positions" are troops, "Iran's
# position" is a stance.
PLURAL_ONLY = frozenset({"position"})

# Military ranks as a title before a name ("General X", "Gen. X"); "general" alone is no agent noun
# ("director general", "consul general" are civilians).
MILITARY_RANKS = frozenset({"general", "gen.", "admiral", "colonel", "col.", "major", "lieutenant",
                            "brigadier", "marshal", "field marshal", "commander"})

# Forms of address before a name that are no title ("Sir Geoffrey X", "Mr X", "Dr X").
HONORIFICS = frozenset({"sir", "dame", "lord", "lady", "mr", "mrs", "ms", "miss", "dr"})

# Government nouns a leader's surname can own ("the Clinton administration", "the Abe cabinet").
LEADER_HEADS = frozenset({"administration", "government", "cabinet", "regime", "presidency"})

# Posts that stand for another country where they are: "the embassy in Brazil" is not Brazil's.
FOREIGN_POSTS = frozenset({"embassy", "consulate", "mission", "delegation"})

# Prefixes that make a place name a stance, not an origin: an "anti-Syria" journalist is not Syrian,
# "pro-Russian" separatists are not Russia's.  Must not include "ex" ("ex-Soviet" states were Soviet).
STANCE_PREFIXES = frozenset({"anti", "pro"})

# How many tokens past a proper noun a knowledge-base name may go on ("National Union for the Total
# Independence of Angola" is 8 tokens after "National").
NAME_WINDOW = 10

# Possessive pronouns that give a group the country of the sentence's earlier named subject: "Russia
# said its troops", "the Kurds and their fighters".  Must not include "his"/"her" (a person's).
GROUP_POSSESSIVES = frozenset({"its", "their"})

# Adjectives that tie a group to the one it serves: "fighters loyal to the Libyan general" are
# Libyan.  Must not include "opposed", "hostile" or "close" (a stance or a neighbour, not an owner).
LOYALTY_WORDS = frozenset({"loyal"})

# Explosives that stand for whoever set them when they do the harm ("a truck bomb wrecked the depot",
# "died in a roadside bomb blast"): unidentified armed forces, UAF.  Must not include "bomber"
# (a person, in the agent dictionaries), "bombing" or "attack" (events, not devices), nor "mine"
# alone ("the mine employs 500 workers").
EXPLOSIVE_NOUNS = frozenset({"bomb", "car bomb", "truck bomb", "roadside bomb", "parcel bomb", "letter bomb",
                             "explosive device", "improvised explosive device", "ied", "landmine", "land mine",
                             "grenade", "rocket", "mortar", "mortar round", "shell"})
EXPLOSIVE_HEADS = frozenset(noun.split()[-1] for noun in EXPLOSIVE_NOUNS)  # a quick first test

# Participle lemmas after a hyphen whose first part holds the place: "Malian rebel-held towns" are
# held by Malian rebels, so the place before the holder is the holder's.  Must not include "back"
# or "support" ("Syrian government-backed troops": the modifier may be the backer's or the troops').
HOLDING_PARTICIPLES = frozenset({"hold", "held", "control", "controlled", "occupy", "occupied", "run"})

# Things a name only qualifies when it modifies them ("EU flags", "the UN logo", "NATO
# membership", "European standards", "09:00 Moscow time"): the named body or country is not acting
# there, so such a modifier is no mention of it.  Must not include people or bodies ("officials", "monitors",
# "troops", "summit"), nor acts that are the name's own ("sanctions", "aid", "statement").
OBJECT_NOUNS = frozenset({"flag", "banner", "emblem", "logo", "symbol", "insignia", "anthem", "colour", "color",
                          "passport", "fund", "funding", "money", "membership", "accession", "candidacy",
                          "integration", "standard", "norm", "time"})

# Topics: a group phrase after "on"/"about"/"over" that follows one of these nouns is what is
# discussed, not an actor ("talks on border security", "an agreement over the police reform",
# "cooperation on customs officers").  Must not include verbs of force ("an attack on soldiers":
# FORCE_PREPOSITIONS) nor "sanctions" or "pressure" (their "on" object is the one hit).
TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning"})
TOPIC_NOUNS = frozenset({"talk", "talks", "agreement", "deal", "accord", "pact", "treaty", "cooperation",
                         "co-operation", "negotiation", "discussion", "consultation", "dialogue", "memorandum",
                         "conference", "debate", "dispute", "disagreement", "consensus", "understanding",
                         "protocol", "declaration", "law", "bill", "decree", "seminar"})

# Heads of a phrase that, after a bloc's region adjective, name the bloc itself, acting by its
# governments ("Western countries", "Western powers"; CAMEO WST).  Must not include agent nouns
# ("Western diplomats" keep their own sector) nor places ("western regions").
BLOC_HEADS = frozenset({"country", "nation", "state", "power", "ally", "capital", "democracy"})

# Places the agent dictionaries list as people (PLOVER: city, town, village CVL): after "western"
# they are a part of a country ("the western province"), never the bloc.
PLACE_NOUNS = frozenset({"province", "city", "town", "village", "district", "region", "area", "county",
                         "suburb", "neighbourhood", "neighborhood", "coast", "border", "territory"})

# Nouns that describe a named place and carry the agent dictionaries' sector for it: "the capital
# X" (PLOVER_agents.txt CAPITAL, CAPITAL_CITY [~GOV]), "the town of X", "the village X" (CITY, TOWN,
# VILLAGE [~CVL]); read only where the place is an actor (acting, addressed or hit by force), never for
# a place that only locates ("talks in the capital X"). Must not include "province", "region" (no
# sector in either dictionary).
DESCRIBED_PLACE_NOUNS = frozenset({"capital", "city", "town", "village"})

# Modifiers that make "capital" the seat of a part of a country ("the regional capital X", "the
# provincial capital"), not of its government (must not include demonyms: "the Afghan capital").
SUBNATIONAL_WORDS = frozenset({"regional", "provincial", "state", "district", "county", "municipal",
                               "departmental", "local"})

# Prepositions that tie a person or a role noun to the body they work for: "X of the Valdai Club",
# "director of the institute", "a professor at the university", "an analyst with the bank", "X from
# the Atlantic Council" (must match); not "to" ("an adviser to the minister": whom he serves, maybe
# abroad), "on" ("an expert on Iran": the topic), "for" ("a spokesman for": `speaks_for`).
AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "with", "from"})

# Verbs of a relative clause that tie a person to the body they name: "X, who heads the Atlantic
# Council's Eurasia program", "who teaches at Harvard", "who works for RAND" (must match); not "who
# studies Kazakhstan", "who spoke to RT", "who criticized the ministry" (must not).
AFFILIATION_VERBS = frozenset({"head", "lead", "direct", "run", "chair", "work", "teach", "lecture"})

# Role nouns whose "of" names whom they face or talk to, not where they work: "a critic of the
# Russian government", "an opponent of the ruling party", "an interlocutor of RT" (must not take that
# body's country: no country from the outlet a commentator spoke to).
UNTIED_ROLES = frozenset({"critic", "opponent", "supporter", "ally", "enemy", "foe", "adversary", "detractor",
                          "admirer", "friend", "rival", "victim", "observer", "watcher", "interlocutor", "guest",
                          "interviewee", "source", "reader", "viewer", "listener", "customer", "client", "visitor"})

# Words after a subdivision's name that say what it is ("West Kordofan State", "Nakuru County"):
# the name is looked up without them, among the gazetteer's first-level subdivisions only.
SUBDIVISION_WORDS = frozenset({"state", "province", "county", "district", "region", "governorate", "oblast"})

# Smallest city the gazetteer may name as an actor's place (as the places stage's
# FOREIGN_CITY_POPULATION: smaller towns share their names too often).
GAZETTEER_CITY_POPULATION = 20_000

# Continents and compass words, which the gazetteer also has as towns or subdivisions ("Asia" in the
# Philippines, Cameroon's "North" region) but which in news name no town: never read as one.
NOT_LOCALITIES = frozenset({"africa", "america", "americas", "antarctica", "arctic", "asia", "europe", "oceania",
                            "middle east", "north", "south", "east", "west", "northern", "southern", "eastern",
                            "western", "central", "centre", "center"})

# The CAMEO code of transnational militarized groups of no state (Phoenix "IMGMUSALQ", al-Qaeda): their
# members and leaders take the group's sector, as those of a group with no code do.
STATELESS_CODES = frozenset({"IMG"})

# Dependencies of a name that modifies the noun after it ("Eldoret traders", "Sumqayit's officials").
PLACE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
