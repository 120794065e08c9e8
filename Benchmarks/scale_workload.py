#!/usr/bin/env python3
"""Splits a generated corpus into a store's worth of articles and one feed poll that follows them.

    Benchmarks/scale_workload.py GENERATED.jsonl OUT_DIR [--poll 50]

GENERATED.jsonl is a corpus of the peers' generator (`gen.py corpus`, with its .truth.jsonl beside
it), in publication order. The poll is the newest `--poll` articles of one outlet: the outlet with
the most articles among the last 10,000, so that its feed is a busy one whose items arrive among
the stories already stored (copies of stored wire stories, follow-ups, reports of running events).
Everything else becomes the store's corpus. Writes, in OUT_DIR:

    corpus.jsonl, corpus.truth.jsonl   the store's articles and their truth
    poll.xml                           the poll: one RSS 2.0 document of that outlet, newest first
    poll.jsonl, poll.truth.jsonl       the same articles as lines (for checking)
    poll.json                          the outlet's name and the poll's ids

Deterministic: the same input gives the same bytes.
"""
import argparse
import collections
import datetime as dt
import email.utils
import json
import os
import re
from xml.sax.saxutils import escape


def slug(name):
    return re.sub(r"[^a-z0-9]+", "", name.lower()) or "outlet"


def rss(outlet, articles):
    """An RSS 2.0 document with the articles as items: guid (not a link), title, link, date, body."""
    site = f"https://www.{slug(outlet)}.example"
    newest = max(dt.datetime.fromisoformat(a["published"]) for a in articles)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        "<channel>",
        f"<title>{escape(outlet)}</title>",
        f"<link>{site}/</link>",
        f"<description>Latest news from {escape(outlet)}</description>",
        f"<lastBuildDate>{email.utils.format_datetime(newest)}</lastBuildDate>",
    ]
    for a in sorted(articles, key=lambda a: a["published"], reverse=True):
        when = dt.datetime.fromisoformat(a["published"])
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in a["body"].split("\n") if p.strip())
        out += [
            "<item>",
            f'<guid isPermaLink="false">{escape(a["id"])}</guid>',
            f"<title>{escape(a['title'])}</title>",
            f"<link>{site}/news/{escape(a['id'])}.html</link>",
            f"<pubDate>{email.utils.format_datetime(when)}</pubDate>",
            f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded>",
            "</item>",
        ]
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("generated")
    ap.add_argument("out_dir")
    ap.add_argument("--poll", type=int, default=50)
    a = ap.parse_args()
    truth_path = a.generated[: -len(".jsonl")] + ".truth.jsonl"
    os.makedirs(a.out_dir, exist_ok=True)

    # First pass: the outlets of the last 10,000 lines, and where each outlet's articles are.
    tail = collections.deque(maxlen=10_000)
    with open(a.generated, encoding="utf-8") as f:
        for number, line in enumerate(f):
            tail.append((number, json.loads(line)["outlet"]))
    counts = collections.Counter(outlet for _, outlet in tail)
    outlet = min(counts, key=lambda o: (-counts[o], o))
    poll_lines = {number for number, o in tail if o == outlet}
    poll_lines = set(sorted(poll_lines)[-a.poll:])
    if len(poll_lines) < a.poll:
        raise SystemExit(f"only {len(poll_lines)} articles of {outlet} in the last 10,000 lines")

    # Second pass: every line to the store's corpus or to the poll, the truth alongside.
    poll, poll_truth = [], []
    with open(a.generated, encoding="utf-8") as f, open(truth_path, encoding="utf-8") as t, \
            open(os.path.join(a.out_dir, "corpus.jsonl"), "w", encoding="utf-8") as corpus, \
            open(os.path.join(a.out_dir, "corpus.truth.jsonl"), "w", encoding="utf-8") as corpus_truth:
        for number, (line, truth) in enumerate(zip(f, t)):
            if number in poll_lines:
                poll.append(line)
                poll_truth.append(truth)
            else:
                corpus.write(line)
                corpus_truth.write(truth)
    with open(os.path.join(a.out_dir, "poll.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(poll)
    with open(os.path.join(a.out_dir, "poll.truth.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(poll_truth)
    articles = [json.loads(line) for line in poll]
    with open(os.path.join(a.out_dir, "poll.xml"), "w", encoding="utf-8") as f:
        f.write(rss(outlet, articles))
    with open(os.path.join(a.out_dir, "poll.json"), "w", encoding="utf-8") as f:
        json.dump({"outlet": outlet, "ids": [x["id"] for x in articles]}, f)
        f.write("\n")
    print(json.dumps({"outlet": outlet, "poll": len(articles), "first": articles[0]["published"],
                      "last": articles[-1]["published"]}))


if __name__ == "__main__":
    main()
