#!/usr/bin/env python3
"""Check the bundled corpora against their gold files and the outlet registry.

A quick loop for whoever writes or edits a corpus; the Swift test target
`CorporaTests` checks the same rules in CI. Usage:

    Scripts/check_corpora.py [--parser PATH] [EVENT_FOLDER ...]

It runs `corroborate parse --json` on every feed file, then checks that every
gold reference resolves to a real item and every quoted sentence is in it.
"""
import argparse, html, json, os, re, subprocess, sys
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
SLOTS = {"actor", "target", "place", "time", "count", "denial", "quote", "casualty", "cause", "warning", "other"}
STANCES = {"asserts", "attributes", "denies", "questions"}
CONFLICT_KINDS = {"numeric", "polarity", "attribution"}
COPY_KINDS = {"verbatim", "credited", "partial"}


class _Text(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def plain(fragment):
    if not fragment:
        return ""
    p = _Text()
    p.feed(fragment)
    p.close()
    return collapse("".join(p.parts))


def collapse(s):
    return re.sub(r"\s+", " ", s or "").strip()


def load_registry():
    import yaml
    ids = {}
    folder = os.path.join(ROOT, "feeds")
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                doc = yaml.safe_load(f)
            ids[doc["id"]] = doc
    return ids


def parse_feed(parser, path):
    out = subprocess.run([parser, "parse", "--json", path], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(f"{path}: parse failed: {out.stderr.strip()}")
    return json.loads(out.stdout)


def check_event(folder, parser, registry):
    problems = []
    say = problems.append
    gold_path = os.path.join(folder, "gold.json")
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    files = sorted(n for n in os.listdir(folder) if n.endswith(FEED_SUFFIXES))
    feeds = gold.get("feeds", {})
    for name in files:
        if name not in feeds:
            say(f"feed file {name} is not listed in gold.feeds")
    for name, outlet in feeds.items():
        if name not in files:
            say(f"gold.feeds names {name}, which is not in the folder")
        if registry and outlet not in registry:
            say(f"gold.feeds: outlet '{outlet}' of {name} is not in feeds/")

    items = {}  # ref -> text
    order = []
    for name in files:
        doc = parse_feed(parser, os.path.join(folder, name))
        if not doc["wellFormed"]:
            say(f"{name}: not well-formed: {doc['warnings'][:3]}")
        seen = {}
        for e in doc["entries"]:
            eid = e["id"]
            seen[eid] = seen.get(eid, 0) + 1
            text = " ".join(filter(None, [collapse(e.get("title")), plain(e.get("summary")), plain(e.get("content"))]))
            ref = f"{name}#{eid}"
            if seen[eid] > 1:
                items[f"{ref}@{seen[eid]}"] = text
                if f"{ref}@1" not in items:
                    items[f"{ref}@1"] = items[ref]
            else:
                items[ref] = text
            order.append(ref if seen[eid] == 1 else f"{ref}@{seen[eid]}")

    def resolve(ref, where):
        if ref in items:
            if ref + "@2" in items:
                say(f"{where}: {ref} is ambiguous (its id is reused); add @N")
            return items[ref]
        say(f"{where}: item {ref} not found")
        return None

    speakers = gold.get("speakers", {})
    story_of = {}
    story_ids = set()
    for s in gold.get("stories", []):
        story_ids.add(s["id"])
        for ref in s["items"]:
            resolve(ref, f"story {s['id']}")
            if ref in story_of:
                say(f"item {ref} is in stories {story_of[ref]} and {s['id']}")
            story_of[ref] = s["id"]
    for ref in order:
        if ref not in story_of and not (ref + "@2" in items and ref + "@1" in story_of):
            say(f"item {ref} belongs to no story")

    claim_ids = set()
    for c in gold.get("claims", []):
        cid = c["id"]
        if cid in claim_ids:
            say(f"claim id {cid} used twice")
        claim_ids.add(cid)
        if c.get("story") not in story_ids:
            say(f"claim {cid}: unknown story {c.get('story')}")
        if c.get("slot") not in SLOTS:
            say(f"claim {cid}: unknown slot {c.get('slot')}")
        if c.get("speaker") is not None and c["speaker"] not in speakers:
            say(f"claim {cid}: unknown speaker {c['speaker']}")
        if not c.get("mentions"):
            say(f"claim {cid}: no mentions")
        for m in c.get("mentions", []):
            text = resolve(m["item"], f"claim {cid}")
            if m.get("stance") not in STANCES:
                say(f"claim {cid}: unknown stance {m.get('stance')}")
            if m.get("speaker") is not None and m["speaker"] not in speakers:
                say(f"claim {cid}: mention speaker {m['speaker']} unknown")
            if story_of.get(m["item"]) not in (None, c.get("story")):
                say(f"claim {cid}: mention {m['item']} is in story {story_of.get(m['item'])}, not {c.get('story')}")
            if text is not None and collapse(m["sentence"]) not in text:
                say(f"claim {cid}: sentence not found in {m['item']}: {m['sentence'][:90]!r}")
    for k in gold.get("conflicts", []):
        if k.get("kind") not in CONFLICT_KINDS:
            say(f"conflict {k.get('id')}: unknown kind {k.get('kind')}")
        for cid in k.get("claims", []):
            if cid not in claim_ids:
                say(f"conflict {k.get('id')}: unknown claim {cid}")
        if len(k.get("claims", [])) < 2:
            say(f"conflict {k.get('id')}: needs two claims")
    for cp in gold.get("copies", []):
        resolve(cp["item"], "copy")
        resolve(cp["copyOf"], "copy")
        if cp.get("kind") not in COPY_KINDS:
            say(f"copy {cp['item']}: unknown kind {cp.get('kind')}")
    for cr in gold.get("credits", []):
        text = resolve(cr["item"], "credit")
        for o in cr.get("outlets", []):
            if registry and o not in registry:
                say(f"credit {cr['item']}: outlet {o} not in feeds/")
        if text is not None and cr.get("text") and collapse(cr["text"]) not in text:
            say(f"credit {cr['item']}: text not found: {cr['text']!r}")
    stats = f"{len(files)} feeds, {len(order)} items, {len(story_ids)} stories, {len(claim_ids)} claims, " \
            f"{len(gold.get('conflicts', []))} conflicts, {len(gold.get('copies', []))} copies"
    return problems, stats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parser", default=os.environ.get("CORROBORATE", os.path.join(ROOT, ".build/release/corroborate")))
    ap.add_argument("events", nargs="*")
    args = ap.parse_args()
    registry = load_registry()
    base = os.path.join(ROOT, "corpora")
    events = args.events or sorted(os.path.join(base, d) for d in os.listdir(base)
                                   if os.path.isfile(os.path.join(base, d, "gold.json")))
    failed = 0
    for folder in events:
        try:
            problems, stats = check_event(folder, args.parser, registry)
        except Exception as exc:  # a broken gold file is one problem, not a crash
            problems, stats = [f"{type(exc).__name__}: {exc}"], "unreadable"
        print(f"{os.path.basename(os.path.normpath(folder))}: {stats}: {'ok' if not problems else f'{len(problems)} problems'}")
        for p in problems:
            print(f"  - {p}")
        failed += bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
