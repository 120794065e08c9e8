#!/usr/bin/env python3
"""Measure `corroborate parse --json` against gofeed's test data.

Usage:
    python3 Scripts/gofeed_conformance.py [--bin PATH] [--data DIR] [--verbose] [--json]
                                          [--filter TEXT] [--jobs N] [--timeout SECONDS]

Defaults: the binary is .build/release/corroborate, else .build/debug/corroborate (relative to
the repository root, the parent of this script's folder); the data is ../shared/data/feeds/gofeed
relative to the repository root. Missing data: one line saying so, exit 0. Missing binary: one
line, exit 1. Otherwise the exit status is 0 whatever the score (this is a measurement, not a gate).

Stdlib only (Python 3.9+).

WHAT IS RUN
-----------
Every X.xml that has a sibling X.json under the data folder, except JSON-feed folders
(parser/json, translator/json) and parser/universal (no expectations). Each file is run on its own
as `BIN parse --json X.xml` with a 10 s timeout and classified as:
    ok          exit 0 and stdout is one JSON object
    error       exit 1 (or any other small non-zero status, including 2 = usage error)
    crash       killed by a signal (negative status, or a status >= 128)
    hang        did not finish within the timeout
    bad-output  exit 0 but stdout is not a JSON object
Anything other than ok fails every evaluable field of that case.

THE MAPPING
-----------
gofeed's data has three expectation schemas, chosen by folder:

  parser/rss        format-level rss.Feed:   {title, link, language, lastBuildDate(Parsed), items[]}
  parser/atom       format-level atom.Feed:  {title, links[], language, updated(Parsed), entries[]}
  translator/*,     universal gofeed.Feed:   {title, link, language, updated(Parsed), items[]}
  extensions/*

Our side is the contract of DESIGN.md: {"feed": {...}, "entries": [...]}.

  field             parser/rss                 parser/atom                      universal (translator, extensions)
  ----------------  -------------------------  -------------------------------  ---------------------------------
  feed.title        title                      title                            title
  feed.link         link                       first links[] with rel           link
                                               alternate/empty/absent
  feed.language     language                   language (xml:lang)              language
  feed.updated      lastBuildDateParsed,       updatedParsed, else updated      updatedParsed, else updated
                    else lastBuildDate
  entries           len(items)                 len(entries)                     len(items)
  entry.title       item.title                 entry.title                      item.title
  entry.link        item.link                  first entry.links[] alternate    item.link
  entry.id          item.guid.value            entry.id                         item.guid
  entry.published   item.pubDateParsed,        entry.publishedParsed,           item.publishedParsed,
                    else item.pubDate          else entry.published             else item.published
  entry.updated     (none)                     entry.updatedParsed / updated    item.updatedParsed / updated
  entry.summary     item.description           entry.summary                    item.description
  entry.content     item.content               entry.content.value              item.content
                    (content:encoded)
  entry.authors     item.author (a string,     entry.authors[].name             item.authors[].name,
                    split like gofeed: "email                                   else item.author.name
                    (Name)", "Name (email)",
                    "Name <email>", bare email
                    has no name)
  entry.categories  item.categories[].value    entry.categories[].term          item.categories (strings)

Our values: feed.title/link/language/updated, len(entries), and per entry id, title, link,
published, updated, summary, content, [a.name for a in authors if a.name], categories.

EVALUABLE
---------
A field is evaluable for a case when the expected JSON has it non-empty (not absent, null, "",
[] or {}); a date is evaluable only when it can be turned into an instant (the *Parsed value, or
the raw string parsed with email.utils / ISO 8601). Entry fields are compared entry by entry, by
index; a case passes a field when every entry where it is evaluable matches (a missing entry is a
mismatch). A case is evaluable when at least one field is; it passes when every evaluable field
matches. Cases with no evaluable field are still run (their crashes, hangs and errors count) but
are left out of the pass rate.

NORMALIZATION
-------------
  text (title, summary, content, author names, categories): HTML tags stripped and entities
      decoded, repeated until stable (at most 3 rounds, so escaped and double-escaped markup and
      our sanitized HTML all come down to the same text), Unicode NFC, whitespace collapsed and
      trimmed. Markup and attribute values (e.g. resolved URLs inside content) are not compared.
  link, id: surrounding whitespace trimmed, then exact; failing that, equal as text (tags
      stripped, entities decoded), so a guid written as naked or escaped markup still matches.
  language: trimmed, case-insensitive.
  dates: compared as UTC instants; equal when less than one second apart (we print whole seconds,
      gofeed keeps fractions). Universal files only: gofeed's translator copies the single date it
      finds (e.g. dc:date, Atom 0.3 modified) into both published and updated; when the expected
      published and updated are the same instant, an entry whose field is null passes if our other
      date field holds that instant (our contract never invents the missing one).
  authors: the lists of non-empty names, in order.
  categories: compared as sets. (gofeed's universal model lists an Atom category's label when it
      has one, else its term; parser/atom expectations use the term.)
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import email.utils
import html
import json
import os
import re
import signal
import subprocess
import sys
import unicodedata

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data", "feeds", "gofeed"))
DEFAULT_BINARIES = [
    os.path.join(REPO_ROOT, ".build", "release", "corroborate"),
    os.path.join(REPO_ROOT, ".build", "debug", "corroborate"),
]

FEED_FIELDS = ["feed.title", "feed.link", "feed.language", "feed.updated"]
ENTRY_FIELDS = ["entry.title", "entry.link", "entry.id", "entry.published", "entry.updated",
                "entry.summary", "entry.content", "entry.authors", "entry.categories"]
FIELDS = FEED_FIELDS + ["entries"] + ENTRY_FIELDS
STATUSES = ["ok", "error", "crash", "hang", "bad-output"]

# --------------------------------------------------------------------------- normalization

_TAG = re.compile(r"<(?:[A-Za-z][^<>]*|/[A-Za-z][^<>]*|!--.*?--|![^<>]*|\?[^<>]*)>", re.S)


def norm_text(value):
    """Plain text for comparison: tags stripped, entities decoded (to a fixed point), NFC,
    whitespace collapsed. None and non-strings give None."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    for _ in range(3):
        new = html.unescape(_TAG.sub(" ", value))
        if new == value:
            break
        value = new
    value = unicodedata.normalize("NFC", value)
    return " ".join(value.split())


def norm_plain(value):
    if value is None:
        return None
    return str(value).strip()


_ISO = re.compile(
    r"^\s*(\d{4})-(\d\d)-(\d\d)(?:[Tt ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?"
    r"\s*(Z|z|[+-]\d\d:?\d\d)?\s*$")


def parse_date(value):
    """A string in RFC 3339 / ISO 8601 or RFC 822 form -> aware UTC datetime, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO.match(value)
    if m:
        y, mo, d, h, mi, s, frac, tz = m.groups()
        try:
            when = dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0),
                               int((frac or "0")[:6].ljust(6, "0")))
        except ValueError:
            return None
        if tz is None or tz in ("Z", "z"):
            offset = dt.timedelta(0)
        else:
            sign = -1 if tz[0] == "-" else 1
            digits = tz[1:].replace(":", "")
            offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return (when - offset).replace(tzinfo=dt.timezone.utc)
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc)


def nonempty(value):
    return value not in (None, "", [], {})


# --------------------------------------------------------------------------- expected side

_EMAIL = r"[^\s()<>@]+@[^\s()<>@]+"


def rss_author_name(raw):
    """Name from an RSS <author> string, split the way gofeed's translator does."""
    if not isinstance(raw, str):
        return None
    s = raw.strip()
    for pattern, group in ((rf"^({_EMAIL})\s*\((.*)\)$", 2),   # email (Name)
                           (rf"^(.*?)\s*\(({_EMAIL})\)$", 1),  # Name (email)
                           (rf"^(.*?)\s*<({_EMAIL})>$", 1)):   # Name <email>
        m = re.match(pattern, s, re.S)
        if m:
            name = m.group(group).strip()
            return name or None
    if re.fullmatch(_EMAIL, s):
        return None
    return s or None


def alternate_link(links):
    if not isinstance(links, list):
        return None
    for link in links:
        if isinstance(link, dict) and link.get("rel") in (None, "", "alternate") and nonempty(link.get("href")):
            return link["href"]
    return None


def pick_date(obj, parsed_key, raw_key):
    """The expected instant: the *Parsed value, else the raw string parsed by us; None if neither."""
    if not isinstance(obj, dict):
        return None
    for key in (parsed_key, raw_key):
        when = parse_date(obj.get(key))
        if when is not None:
            return when
    return None


def expected_view(level, exp):
    """Expected JSON (one of gofeed's schemas) -> {"feed": {...}, "entries": [...], "count": n}.
    Values that are not evaluable are None (or [] for lists)."""
    feed = {}
    if level == "rss":
        items = exp.get("items") or []
        feed["feed.title"] = exp.get("title")
        feed["feed.link"] = exp.get("link")
        feed["feed.language"] = exp.get("language")
        feed["feed.updated"] = pick_date(exp, "lastBuildDateParsed", "lastBuildDate")
    elif level == "atom":
        items = exp.get("entries") or []
        feed["feed.title"] = exp.get("title")
        feed["feed.link"] = alternate_link(exp.get("links"))
        feed["feed.language"] = exp.get("language")
        feed["feed.updated"] = pick_date(exp, "updatedParsed", "updated")
    else:
        items = exp.get("items") or []
        feed["feed.title"] = exp.get("title")
        feed["feed.link"] = exp.get("link")
        feed["feed.language"] = exp.get("language")
        feed["feed.updated"] = pick_date(exp, "updatedParsed", "updated")

    entries = []
    for it in items:
        if not isinstance(it, dict):
            it = {}
        e = {"entry.title": it.get("title")}
        if level == "rss":
            guid = it.get("guid")
            e["entry.link"] = it.get("link")
            e["entry.id"] = guid.get("value") if isinstance(guid, dict) else guid
            e["entry.published"] = pick_date(it, "pubDateParsed", "pubDate")
            e["entry.updated"] = None
            e["entry.summary"] = it.get("description")
            e["entry.content"] = it.get("content")
            name = rss_author_name(it.get("author"))
            e["entry.authors"] = [name] if name else []
            e["entry.categories"] = [c.get("value") if isinstance(c, dict) else c
                                     for c in it.get("categories") or []]
        elif level == "atom":
            content = it.get("content")
            e["entry.link"] = alternate_link(it.get("links"))
            e["entry.id"] = it.get("id")
            e["entry.published"] = pick_date(it, "publishedParsed", "published")
            e["entry.updated"] = pick_date(it, "updatedParsed", "updated")
            e["entry.summary"] = it.get("summary")
            e["entry.content"] = content.get("value") if isinstance(content, dict) else content
            e["entry.authors"] = [a.get("name") for a in it.get("authors") or [] if isinstance(a, dict)]
            e["entry.categories"] = [c.get("term") if isinstance(c, dict) else c
                                     for c in it.get("categories") or []]
        else:
            e["entry.link"] = it.get("link")
            e["entry.id"] = it.get("guid")
            e["entry.published"] = pick_date(it, "publishedParsed", "published")
            e["entry.updated"] = pick_date(it, "updatedParsed", "updated")
            e["entry.summary"] = it.get("description")
            e["entry.content"] = it.get("content")
            authors = it.get("authors")
            if not authors and isinstance(it.get("author"), dict):
                authors = [it["author"]]
            e["entry.authors"] = [a.get("name") for a in authors or [] if isinstance(a, dict)]
            e["entry.categories"] = [c.get("term") if isinstance(c, dict) else c
                                     for c in it.get("categories") or []]
        e["entry.authors"] = [n for n in e["entry.authors"] if nonempty(n)]
        e["entry.categories"] = [c for c in e["entry.categories"] if nonempty(c)]
        entries.append(e)
    return {"feed": feed, "entries": entries, "count": len(items), "level": level}


# --------------------------------------------------------------------------- actual side

def actual_view(out):
    """Our `parse --json` document -> the same shape as expected_view."""
    header = out.get("feed") if isinstance(out.get("feed"), dict) else {}
    feed = {
        "feed.title": header.get("title"),
        "feed.link": header.get("link"),
        "feed.language": header.get("language"),
        "feed.updated": parse_date(header.get("updated")),
    }
    entries = []
    for en in out.get("entries") or []:
        if not isinstance(en, dict):
            en = {}
        entries.append({
            "entry.title": en.get("title"),
            "entry.link": en.get("link"),
            "entry.id": en.get("id"),
            "entry.published": parse_date(en.get("published")),
            "entry.updated": parse_date(en.get("updated")),
            "entry.summary": en.get("summary"),
            "entry.content": en.get("content"),
            "entry.authors": [a.get("name") for a in en.get("authors") or []
                              if isinstance(a, dict) and nonempty(a.get("name"))],
            "entry.categories": [c for c in en.get("categories") or [] if nonempty(c)],
        })
    return {"feed": feed, "entries": entries, "count": len(out.get("entries") or [])}


# --------------------------------------------------------------------------- comparison

TEXT = {"feed.title", "entry.title", "entry.summary", "entry.content"}
PLAIN = {"feed.link", "entry.link", "entry.id"}
DATES = {"feed.updated", "entry.published", "entry.updated"}
SWAPPABLE = {"entry.published": "entry.updated", "entry.updated": "entry.published"}


def same(field, expected, actual):
    if field in TEXT:
        return norm_text(expected) == norm_text(actual)
    if field in PLAIN:
        return norm_plain(expected) == norm_plain(actual) or (
            actual is not None and norm_text(expected) == norm_text(actual))
    if field == "feed.language":
        return actual is not None and norm_plain(expected).lower() == norm_plain(actual).lower()
    if field in DATES:
        return actual is not None and abs((expected - actual).total_seconds()) < 1
    if field == "entry.authors":
        return [norm_text(x) for x in expected] == [norm_text(x) for x in actual]
    if field == "entry.categories":
        return {norm_text(x) for x in expected} == {norm_text(x) for x in actual}
    raise KeyError(field)


def show(value):
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ").replace(".000000Z", "Z")
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 160 else text[:157] + "..."


def compare(exp_view, act_view):
    """-> (evaluable fields, {field: passed}, first difference or None).
    act_view None means the run failed: every evaluable field fails."""
    evaluable = []
    for f in FEED_FIELDS:
        if nonempty(exp_view["feed"][f]):
            evaluable.append(f)
    if exp_view["count"] > 0:
        evaluable.append("entries")
    for f in ENTRY_FIELDS:
        if any(nonempty(e[f]) for e in exp_view["entries"]):
            evaluable.append(f)

    results = {}
    first = None
    for f in FIELDS:
        if f not in evaluable:
            continue
        if act_view is None:
            results[f] = False
            continue
        if f in FEED_FIELDS:
            ok = same(f, exp_view["feed"][f], act_view["feed"][f])
            if not ok and first is None:
                first = (f, exp_view["feed"][f], act_view["feed"][f])
        elif f == "entries":
            ok = exp_view["count"] == act_view["count"]
            if not ok and first is None:
                first = ("entries (count)", exp_view["count"], act_view["count"])
        else:
            ok = True
            for i, e in enumerate(exp_view["entries"]):
                if not nonempty(e[f]):
                    continue
                missing = i >= len(act_view["entries"])
                a = None if missing else act_view["entries"][i][f]
                matched = not missing and same(f, e[f], a)
                if not matched and not missing and exp_view["level"] == "universal" and f in SWAPPABLE:
                    # gofeed's universal model copies the one date it found into both fields.
                    other = SWAPPABLE[f]
                    if e[other] is not None and same(f, e[f], e[other]) and a is None:
                        matched = same(f, e[f], act_view["entries"][i][other])
                if not matched:
                    ok = False
                    if first is None:
                        label = f"entries[{i}].{f.split('.', 1)[1]}"
                        first = (label, e[f], "(no such entry)" if missing else a)
                    break
        results[f] = ok
    return evaluable, results, first


# --------------------------------------------------------------------------- running

def run_binary(binary, path, timeout):
    """-> (status, parsed JSON or None, message)."""
    try:
        proc = subprocess.run([binary, "parse", "--json", path], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "hang", None, f"no answer after {timeout:g} s"
    except OSError as exc:
        return "error", None, f"cannot run: {exc}"
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    first_err = stderr.splitlines()[0] if stderr else ""
    rc = proc.returncode
    if rc < 0 or rc >= 128:
        signum = -rc if rc < 0 else rc - 128
        try:
            signame = signal.Signals(signum).name
        except ValueError:
            signame = f"signal {signum}"
        return "crash", None, f"{signame} {first_err}".strip()
    if rc != 0:
        return "error", None, f"exit {rc}: {first_err}".strip()
    text = proc.stdout.decode("utf-8", "replace").strip()
    try:
        out = json.loads(text)
    except ValueError:
        try:
            out = json.loads(text.splitlines()[0]) if text else None
        except ValueError:
            out = None
    if not isinstance(out, dict):
        return "bad-output", None, "stdout is not a JSON object: " + show(text[:120])
    return "ok", out, ""


def level_of(rel):
    parts = rel.replace(os.sep, "/").split("/")
    if "json" in parts or (len(parts) > 1 and parts[0] == "parser" and parts[1] == "universal"):
        return None
    if parts[0] == "parser" and len(parts) > 1 and parts[1] in ("rss", "atom"):
        return parts[1]
    if parts[0] in ("translator", "extensions"):
        return "universal"
    return None


def group_of(rel):
    parts = rel.replace(os.sep, "/").split("/")
    return "/".join(parts[:2]) if parts[0] in ("parser", "translator") else parts[0]


def find_cases(data, needle):
    cases = []
    for dirpath, dirnames, filenames in os.walk(data):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".xml"):
                continue
            xml_path = os.path.join(dirpath, name)
            json_path = xml_path[:-4] + ".json"
            rel = os.path.relpath(xml_path, data)
            level = level_of(rel)
            if level is None or not os.path.isfile(json_path):
                continue
            if needle and needle not in rel:
                continue
            cases.append((rel, level, xml_path, json_path))
    return cases


def evaluate(case, binary, timeout):
    rel, level, xml_path, json_path = case
    try:
        with open(json_path, encoding="utf-8") as f:
            exp = json.load(f)
        exp_view = expected_view(level, exp)
    except (OSError, ValueError) as exc:
        return {"file": rel, "group": group_of(rel), "status": "skipped", "message": f"bad expectation: {exc}",
                "evaluable": [], "results": {}, "first": None}
    status, out, message = run_binary(binary, xml_path, timeout)
    act_view = None
    if status == "ok":
        try:
            act_view = actual_view(out)
        except (AttributeError, TypeError) as exc:
            status, message = "bad-output", f"unexpected JSON shape: {exc}"
    evaluable, results, first = compare(exp_view, act_view)
    return {"file": rel, "group": group_of(rel), "status": status, "message": message,
            "evaluable": evaluable, "results": results, "first": first}


# --------------------------------------------------------------------------- report

def pct(num, den):
    return f"{100.0 * num / den:5.1f}%" if den else "    -"


def summarize(records):
    counts = {s: 0 for s in STATUSES}
    fields = {f: [0, 0] for f in FIELDS}   # evaluated, passed
    groups = {}
    evaluable = passed = 0
    for r in records:
        if r["status"] in counts:
            counts[r["status"]] += 1
        g = groups.setdefault(r["group"], {"cases": 0, "evaluable": 0, "passed": 0})
        g["cases"] += 1
        for f, ok in r["results"].items():
            fields[f][0] += 1
            fields[f][1] += ok
        if r["evaluable"]:
            evaluable += 1
            g["evaluable"] += 1
            if all(r["results"].values()):
                passed += 1
                g["passed"] += 1
    return counts, fields, groups, evaluable, passed


def main(argv=None):
    ap = argparse.ArgumentParser(description="Measure `corroborate parse --json` against gofeed's test data.")
    ap.add_argument("--bin", help="the corroborate binary (default: .build/release, else .build/debug)")
    ap.add_argument("--data", default=DEFAULT_DATA, help=f"gofeed testdata folder (default: {DEFAULT_DATA})")
    ap.add_argument("--verbose", action="store_true", help="list every failing file with its first differing field")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of the text report")
    ap.add_argument("--filter", default="", help="only files whose relative path contains this text")
    ap.add_argument("--jobs", type=int, default=min(8, os.cpu_count() or 1), help="parallel runs (default: up to 8)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds before a run counts as a hang (default 10)")
    args = ap.parse_args(argv)

    if not os.path.isdir(args.data):
        print(f"gofeed conformance: no test data at {args.data}; nothing measured.")
        return 0
    binary = args.bin
    if binary is None:
        binary = next((b for b in DEFAULT_BINARIES if os.path.isfile(b)), None)
        if binary is None:
            print("gofeed conformance: no corroborate binary in .build/release or .build/debug; "
                  "build it (swift build -c release) or pass --bin PATH.", file=sys.stderr)
            return 1
    elif not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print(f"gofeed conformance: {binary} is not an executable file.", file=sys.stderr)
        return 1

    cases = find_cases(args.data, args.filter)
    if not cases:
        print(f"gofeed conformance: no X.xml + X.json pairs under {args.data}"
              + (f" matching '{args.filter}'" if args.filter else "") + "; nothing measured.")
        return 0

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        records = list(pool.map(lambda c: evaluate(c, binary, args.timeout), cases))

    counts, fields, groups, evaluable, passed = summarize(records)
    failures = [r for r in records if r["status"] != "ok" or (r["evaluable"] and not all(r["results"].values()))]

    if args.json:
        doc = {
            "binary": binary,
            "data": args.data,
            "cases": len(records),
            "outcomes": counts,
            "evaluableCases": evaluable,
            "passedCases": passed,
            "passRate": round(passed / evaluable, 4) if evaluable else None,
            "fields": {f: {"evaluated": n, "passed": p, "rate": round(p / n, 4) if n else None}
                       for f, (n, p) in fields.items()},
            "groups": groups,
            "failures": [{
                "file": r["file"], "status": r["status"], "message": r["message"] or None,
                "field": r["first"][0] if r["first"] else None,
                "expected": show(r["first"][1]) if r["first"] else None,
                "actual": show(r["first"][2]) if r["first"] else None,
            } for r in failures],
        }
        print(json.dumps(doc, ensure_ascii=False, indent=1))
        return 0

    print(f"gofeed conformance: {binary}")
    print(f"  data: {args.data}")
    print(f"  cases: {len(records)}  ("
          + ", ".join(f"{g} {v['cases']}" for g, v in sorted(groups.items())) + ")")
    print("  runs: " + ", ".join(f"{s} {counts[s]}" for s in STATUSES))
    print(f"  evaluable cases: {evaluable}; every evaluable field matches: {passed}  {pct(passed, evaluable).strip()}")
    print()
    print(f"  {'field':18s} {'pass':>6s} {'of':>6s} {'rate':>7s}")
    for f in FIELDS:
        n, p = fields[f]
        print(f"  {f:18s} {p:6d} {n:6d} {pct(p, n):>7s}")
    print()
    print(f"  {'group':22s} {'pass':>6s} {'of':>6s} {'rate':>7s}   (evaluable cases)")
    for g, v in sorted(groups.items()):
        print(f"  {g:22s} {v['passed']:6d} {v['evaluable']:6d} {pct(v['passed'], v['evaluable']):>7s}")

    if args.verbose and failures:
        print()
        print("  failing files (first differing field):")
        for r in failures:
            if r["status"] != "ok":
                print(f"    {r['file']}: {r['status']}: {r['message']}")
            elif r["first"]:
                field, e, a = r["first"]
                print(f"    {r['file']}: {field}: expected {show(e)}, got {show(a)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
