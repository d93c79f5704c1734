#!/usr/bin/env python3
"""Rewrites a blind set for ../shared/eval/score.py: each answer line's FAQ entry ids become score.py's topic names.

score.py judges an answer by phrases of its topics (shared/eval/topics.json), which name 23 of the 25 entries;
answer lines naming only how-it-works or implant-procedure have no topic and are left out (their count goes to stderr).
Usage: to-score-topics.py SET.tsv > SET-topics.tsv
"""
import sys

TOPIC_OF_ENTRY = {
    "what-is-pump": "what", "side-effects": "side", "safety": "safe", "pump-vs-pills": "pills", "used-for": "usedfor",
    "lifespan": "lifespan", "trial": "trial", "trial-what-happens": "trialwhat", "medications": "meds",
    "who-can-benefit": "conditions", "muscle-spasms": "spasms", "anesthesia": "anesthesia",
    "implant-duration": "duration", "pump-placement": "placement", "medication-start": "flow",
    "replacement": "replace", "evaluation-before-surgery": "before", "clinic-name": "namechange",
    "experience": "experience", "dr-stauss": "stauss", "when-recommended": "conservative",
    "phone-number": "phone", "practices": "practices",
}

left_out = 0
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        kind, ids, message = line.rstrip("\n").split("\t")
        if kind == "answer":
            topics = [TOPIC_OF_ENTRY[i] for i in ids.split("|") if i in TOPIC_OF_ENTRY]
            if not topics:
                left_out += 1
                continue
            ids = "|".join(topics)
        print(f"{kind}\t{ids}\t{message}")
print(f"{left_out} answer lines left out: their entries have no score.py topic", file=sys.stderr)
