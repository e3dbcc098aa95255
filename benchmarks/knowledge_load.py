"""How long each stage's knowledge takes to load (read, checksum-verify, index), in a fresh process.

    .venv/bin/python benchmarks/knowledge_load.py [--repeat 5] [--json]

Each loader runs `--repeat` times, each time in a new interpreter (so no cache helps), and the
median wall time is printed next to the time of loading the spaCy model itself, the baseline
every pipeline pays anyway.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

LOADERS = {
    "spaCy model (baseline)": "from presswatch.nlp import load_language as f; f()",
    "actors knowledge": "from presswatch.actors.knowledge import load_knowledge as f; f()",
    "places gazetteer": "from presswatch.places.gazetteer import load_gazetteer as f; f()",
    "event lexicon": "from presswatch.events.lexicon import load_lexicon as f; f()",
    "quote cue model": "from presswatch.quotes.cuemodel import load_cue_model as f; f()",
    "technique model": "from presswatch.techniques import load_model as f; f()",
}
TIMER = "import time; {imports}; t = time.perf_counter(); f(); print(time.perf_counter() - t)"


def seconds(statement: str) -> float:
    """Wall time of the call in `statement` (imports excluded), in a fresh interpreter."""
    imports, call = statement.rsplit(";", 1)
    code = TIMER.format(imports=imports)
    assert call.strip() == "f()"
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return float(output.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {name: round(statistics.median(seconds(code) for _ in range(args.repeat)), 3)
               for name, code in LOADERS.items()}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    baseline = results["spaCy model (baseline)"]
    for name, value in results.items():
        print(f"{name:<24}{value:>8.3f} s{value / baseline:>8.2f}x of the model load")
    return 0


if __name__ == "__main__":
    sys.exit(main())
