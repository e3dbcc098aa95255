"""Hand-written cue lexicons for persuasion techniques (SemEval-2020 Task 11 categories).

Every list below was written for presswatch from the technique definitions in Da San Martino et
al. (EMNLP 2019), not copied from any corpus.  Entries are lower-case lemmas (single words) or
lower-case token sequences (phrases, matched on the lower-cased token text).  They serve two
uses: features for the trained model, and the lexicon baseline in `baseline.py`.
"""

from __future__ import annotations

# Emotionally charged words (Loaded_Language): must match "bloody", "massacre", "outrageous";
# must not contain neutral reporting words such as "said", "attack" is kept out on purpose
# because news uses it neutrally.
LOADED_WORDS = frozenset("""
abhorrent absurd abuse abusive alarming appalling atrocious atrocity audacious awful barbaric
barbarous betray betrayal bizarre bloodbath bloodthirsty bloody brazen brutal brutality brutally
butcher callous carnage catastrophic chaos chaotic cowardly crazy creepy criminal cruel crush
cynical damn dangerous deadly deceit deceitful deceptive degenerate deluded demonize deplorable
deranged despicable destroy destruction devastating diabolical dirty disastrous disgrace
disgraceful disgusting dishonest disturbing draconian dreadful egregious evil extreme
extremely fanatic fanatical farce fiasco filthy fraud fraudulent frenzy furious gruesome
heinous hell hellish hideous horrendous horrible horrific horrifying hypocrisy hypocrite
hypocritical hysteria hysterical idiotic illegal immoral incompetent incredible infamous
insane insidious insult lawless lie lies lunatic mad madness malicious massacre menace
monstrous monster murderous nasty nefarious nightmare notorious obscene obsessed odious
outrage outrageous pathetic pervert plague poison predator rabid radical rampant reckless
relentless repugnant ridiculous rogue ruthless sadistic savage scam scandal scandalous
scheme shameful shameless shocking sick sinister slaughter sleazy slur smear sordid
stupid terrible terrify terrifying thug toxic traitor treacherous treason tyranny tyrant
unbelievable unconscionable unhinged unprecedented vicious vile villain violent wicked
witch-hunt wrath
""".split())

# Labels attached to people or groups (Name_Calling,Labeling): must match "regime", "puppet",
# "globalist"; must not include party names used neutrally ("Democrat", "Republican").
NAME_CALLING_WORDS = frozenset("""
alarmist anarchist apologist bigot clown communist conspiracist crony crook demagogue
despot dictator elitist extremist fascist fearmonger globalist goon hack henchman
hoodlum idiot islamist islamophobe jihadist junta leftist liar libtard loon lunatic
marxist militant mob moron nazi neocon oligarch propagandist puppet racist radical regime
snowflake socialist stooge terrorist thug totalitarian traitor troll tyrant warmonger
xenophobe zealot
""".split())

# Cues that a claim leans on someone's standing (Appeal_to_Authority): "experts say",
# "according to", "scientists"; must not fire on ordinary "said" alone.
AUTHORITY_WORDS = frozenset("""
according analyst authority chief doctor economist expert official professor report
researcher scholar scientist specialist study survey
""".split())
AUTHORITY_PHRASES = (
    ("according", "to"), ("experts", "say"), ("experts", "believe"), ("scientists", "say"),
    ("studies", "show"), ("research", "shows"), ("it", "is", "known"),
)

# Words that raise alarm (Appeal_to_fear-prejudice): "threat", "invasion", "collapse".
FEAR_WORDS = frozenset("""
annihilate apocalypse catastrophe collapse danger dangerous destroy die doom epidemic
extinction fear flood horror invade invasion kill menace nightmare panic peril plague
risk ruin terror terrorism threat threaten victim vulnerable war
""".split())

# Appeals to group identity (Flag-Waving): "patriot", "our nation", "the American people".
FLAG_WORDS = frozenset("""
america american citizen country fatherland flag freedom god heritage homeland liberty
motherland nation national patriot patriotic patriotism people sovereign sovereignty
""".split())
FLAG_PHRASES = (("our", "country"), ("our", "nation"), ("our", "people"), ("we", "the", "people"))

# Casting doubt on credibility (Doubt): "so-called", "allegedly", "questionable".
DOUBT_WORDS = frozenset("""
allegedly apparently bogus claim claimed dubious hoax purported purportedly question
questionable rumor skeptical so-called supposed supposedly suspicious unproven unverified
whether
""".split())

# Absolute and inflating words (Exaggeration,Minimisation): "never", "worst", "entire".
EXAGGERATION_WORDS = frozenset("""
absolutely all always best biggest completely countless definitely enormous entire
entirely ever every everybody everyone everything greatest huge hundred massive merely
million never nobody none nothing only ever perfect single thousand total totally
tremendous ultimate unprecedented utterly worst
""".split())

# Reductio ad hitlerum and bandwagon cues: "Hitler", "Nazi", "everyone knows".
BANDWAGON_WORDS = frozenset("""
everybody everyone gestapo hitler majority millions nazi nazis stalin third-reich
""".split())
BANDWAGON_PHRASES = (("everyone", "knows"), ("most", "people"), ("join", "the"))

# Either-or framing (Black-and-White_Fallacy): "either", "only two", "no choice".
BLACK_WHITE_WORDS = frozenset("either neither choice option alternative unless".split())
BLACK_WHITE_PHRASES = (("no", "choice"), ("only", "two"), ("with", "us"), ("or", "else"))

# One cause for a complex outcome (Causal_Oversimplification): "because", "the reason is".
CAUSAL_WORDS = frozenset("because blame cause caused reason responsible result therefore thanks".split())
CAUSAL_PHRASES = (("due", "to"), ("the", "reason"), ("led", "to"), ("because", "of"))

# Conversation stoppers (Thought-terminating_Cliches): "enough is enough", "period".
CLICHE_PHRASES = (
    ("enough", "is", "enough"), ("it", "is", "what", "it", "is"), ("end", "of", "story"),
    ("so", "be", "it"), ("that", "'s", "it"), ("the", "bottom", "line"),
    ("let", "'s", "face", "it"), ("at", "the", "end", "of", "the", "day"),
)

# Deflection (Whataboutism,Straw_Men,Red_Herring): "what about", "yet they", "hypocrisy".
WHATABOUT_PHRASES = (("what", "about"), ("but", "what"), ("how", "about"), ("while", "they"))

# Words that ring as slogans when capitalised or chanted (Slogans): "#MAGA", "make ... again".
SLOGAN_WORDS = frozenset("again first great lock resist stop united".split())

WORD_LEXICONS: dict[str, frozenset[str]] = {
    "loaded": LOADED_WORDS,
    "name": NAME_CALLING_WORDS,
    "authority": AUTHORITY_WORDS,
    "fear": FEAR_WORDS,
    "flag": FLAG_WORDS,
    "doubt": DOUBT_WORDS,
    "exag": EXAGGERATION_WORDS,
    "bandwagon": BANDWAGON_WORDS,
    "bw": BLACK_WHITE_WORDS,
    "causal": CAUSAL_WORDS,
    "slogan": SLOGAN_WORDS,
}

PHRASE_LEXICONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "authority": AUTHORITY_PHRASES,
    "flag": FLAG_PHRASES,
    "bandwagon": BANDWAGON_PHRASES,
    "bw": BLACK_WHITE_PHRASES,
    "causal": CAUSAL_PHRASES,
    "cliche": CLICHE_PHRASES,
    "whatabout": WHATABOUT_PHRASES,
}
