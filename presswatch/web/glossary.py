"""Short explanations shown on hover: persuasion techniques, QuadClasses and event statuses.

Technique definitions paraphrase the SemEval-2020 Task 11 guidelines (Da San Martino et al.).
"""

TECHNIQUES = {
    "Loaded_Language": "Words or phrases with strong emotional implications, used to sway the reader.",
    "Name_Calling,Labeling": "Labelling the object of the campaign as something the audience fears, hates or loves.",
    "Repetition": "Repeating the same message over and over so that the audience accepts it.",
    "Doubt": "Questioning the credibility of someone or something.",
    "Exaggeration,Minimisation": "Representing something as far better or worse than it is, or playing it down.",
    "Appeal_to_fear-prejudice": "Building support for an idea by instilling anxiety or panic about the alternative.",
    "Flag-Waving": "Playing on strong national (or group) feeling to justify an action or idea.",
    "Causal_Oversimplification": "Assuming one cause for an issue that has many.",
    "Appeal_to_Authority": "Claiming something is true because a valued authority or expert supports it.",
    "Slogans": "A brief, striking phrase that may include labelling and stereotyping.",
    "Black-and-White_Fallacy": "Presenting two alternatives as the only possibilities when more exist.",
    "Whataboutism,Straw_Men,Red_Herring": "Deflecting: charging the opponent with hypocrisy, refuting a "
                                           "position nobody holds, or bringing in an irrelevant issue.",
    "Thought-terminating_Cliches": "Short, generic phrases that discourage critical thought and discussion.",
    "Bandwagon,Reductio_ad_hitlerum": "Urging to join because everyone does, or rejecting an idea because "
                                      "a despised group holds it.",
}

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

STATUSES = {
    "asserted": "the narrator reports it as fact",
    "attributed": "reported only inside someone's claim",
    "negated": "reported as not having happened",
    "hypothetical": "a threat, intention or condition",
}
