"""Which entity of a sentence is an event's source or target: a small trained ranker.

`role_features(trigger, head, entity, order, count)` describes one candidate entity mention (its
head token) relative to the event's trigger: dependency role, side and distance, attachment to
the trigger, position among the sentence's mentions, entity type, sector, whether it has a
country.  `RoleModel` is a logistic regression over these features, one per role, stored as
feature weights in `data/event_roles.json` (scripts/train_event_roles.py, MODEL_CARD.md; trained
on the ConfliBERT NER source/target tags).  The stage asks it only when the syntax names no actor.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from presswatch.knowledge import read_verified
from presswatch.records import Entity

ROLES_FILE = "event_roles.json"
REBUILD = "scripts/train_event_roles.py ../shared/data/events"
ROLES = ("source", "target")


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 4:
        token, depth = token.head, depth + 1
    return depth


def role_features(trigger: Token, head: Token, entity: Entity, order: int, count: int) -> dict[str, float]:
    """Binary features of one candidate mention (`head` its syntactic head) for an event at `trigger`."""
    dep = head.dep_
    side = "<" if head.i < trigger.i else ">"
    ancestors = {a.i for a in head.ancestors}
    actor = entity.actor
    features = {
        f"dep={dep}": 1.0, f"dep2={dep}<{head.head.dep_}": 1.0, f"dep_side={dep}{side}": 1.0,
        f"side={side}": 1.0, f"dist={min(abs(head.i - trigger.i) // 3, 6)}": 1.0,
        f"order={'first' if order == 0 else 'last' if order == count - 1 else 'mid'}": 1.0,
        f"type={entity.type}": 1.0, f"sector={actor.sector if actor else None}": 1.0,
        f"depth={_depth(head)}": 1.0, "country": float(bool(actor and actor.country)),
        "child_of_trigger": float(head.head.i == trigger.i), "under_trigger": float(trigger.i in ancestors),
        "over_trigger": float(head.i in {a.i for a in trigger.ancestors}),
    }
    if dep == "pobj":
        features[f"prep={head.head.lower_}"] = 1.0
        features["prep_on_trigger"] = float(head.head.head.i == trigger.i)
    return features


@dataclass(frozen=True)
class RoleModel:
    """Feature weights and an intercept of one role's logistic regression."""

    weights: dict[str, float]
    intercept: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def as_json(self) -> dict:
        return {"intercept": round(self.intercept, 5), "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())}}


def load_roles(data_dir: Path) -> tuple[dict[str, RoleModel], str]:
    """The packaged role models and their version, checksum verified (PWE010, PWE011)."""
    raw, meta = read_verified(data_dir / ROLES_FILE, REBUILD)
    data = json.loads(raw)
    return {r: RoleModel(data[r]["weights"], data[r]["intercept"]) for r in ROLES}, meta["version"]
