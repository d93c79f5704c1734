#!/usr/bin/env python3
"""The general-information add-on each hand-off line of a set gets from a running bot, for judging by hand.

    python3 hand-off-add-ons.py --url http://localhost:3978 answers-holdout-7.tsv ... > add-ons.tsv

Prints set<TAB>message<TAB>the added entry's question<TAB>its answer, or "-" twice when the reply adds nothing.
Start the bot with Insights__Enabled=false so the messages are not recorded. Hand the output of a holdout to someone
who reports counts only (on topic, off topic): its messages must stay unseen.
"""
import argparse, glob, json, os, re, urllib.request, uuid

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FAQ = os.path.join(HERE, "..", "..", "..", "..", "faq")


def entries():
    found = {}
    for path in glob.glob(os.path.join(FAQ, "entries", "*.yaml")):
        entry = yaml.safe_load(open(path, encoding="utf-8"))
        found[entry["id"]] = (entry["question"], " ".join(entry["answer"]))
    return found


def reply_text(url, text):
    conversation = str(uuid.uuid4())
    activity = {"type": "message", "id": str(uuid.uuid4()), "channelId": "emulator", "serviceUrl": "http://127.0.0.1:9",
                "deliveryMode": "expectReplies", "conversation": {"id": conversation},
                "from": {"id": "judge-" + conversation}, "recipient": {"id": "bot"}, "text": text}
    request = urllib.request.Request(url.rstrip("/") + "/api/messages", data=json.dumps(activity).encode(),
                                     headers={"Content-Type": "application/json"})
    body = json.loads(urllib.request.urlopen(request, timeout=30).read())
    return "\n".join(a.get("text") or "" for a in body.get("activities", []))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:3978")
    parser.add_argument("sets", nargs="+")
    args = parser.parse_args()
    answers = entries()
    marker = yaml.safe_load(open(os.path.join(FAQ, "messages.yaml"), encoding="utf-8"))["en"]["alsoGeneralInfo"]
    for path in args.sets:
        for line in open(path, encoding="utf-8"):
            kind, _, text = line.rstrip("\n").split("\t")
            if kind != "handoff":
                continue
            reply = reply_text(args.url, text)
            name = os.path.basename(path)
            if marker not in reply:
                print(f"{name}\t{text}\t-\t-")
                continue
            added = re.sub(r"\s+", " ", reply.split(marker, 1)[1])
            # The add-on quotes one entry's answer word for word; its opening names it.
            question, answer = next(((q, a) for q, a in answers.values() if a[:60] in added), ("?", added.strip()[:300]))
            print(f"{name}\t{text}\t{question}\t{answer}")


if __name__ == "__main__":
    main()
