#!/usr/bin/env python3
"""Scores the corroborate engine on the public labelled data sets in ../shared/data.

The script talks to the engine only through its public command-line contract (DESIGN.md), as a
new user would: one streaming `corroborate compare --pairs FILE.jsonl --format json` call per
pair set, and `corroborate ingest` + `corroborate stories --format json` for story clustering.
Standard library only, so it runs on any machine that has Python 3.

    python3 Scripts/evaluate.py                          # every set that is present
    python3 Scripts/evaluate.py --sets fnc,stsb --limit 500
    python3 Scripts/evaluate.py --fnc-split all --json /tmp/eval.json
    python3 Scripts/evaluate.py --sets ecb --ecb-baseline  # also score a pure-Python TF-IDF baseline
    python3 Scripts/evaluate.py --self-test              # check the metrics on hand-worked examples

Sets and what is scored (gold labels mapped onto the engine's four relations):

    fnc         FNC-1 train, body-disjoint dev split by default (hold_out_ids.txt); a = headline,
                b = body. FNC score, per-class F1, macro-F1, confusion matrix.
    emergent    Emergent train; a = claimHeadline, b = articleHeadline; for/against/observing =
                supports/contradicts/discusses. Accuracy, per-class F1.
    stsb        STS-B dev; Spearman x100 of `similarity` against the 0-5 gold score, also per source.
    mrpc        MRPC train; paraphrase predicted when relation == supports. Accuracy, F1, and (as a
                diagnostic tuned on the same data) the best accuracy of a threshold on `similarity`.
    paraphraser ParaPhraser (Russian); gold positive = is_paraphrase 0 or 1. Binary F1.
    ecb         ECB+ dev documents as articles; `stories` clusters scored against topic+sub-event
                with B-cubed and pair-counting precision, recall and F1. --ecb-split train
                clusters the tuning split instead; --ecb-date none writes them undated (the
                engine dates them by their ingest) and --ecb-order shuffled in another order.

Values are printed x100. The anchors come from the data README and were measured on held-back
test splits, so they are a yardstick, not a like-for-like comparison.

Exit status: 0 when every selected set that is present was scored, 1 when a set could not be
scored (engine missing or failing), 2 on a usage error.
"""

import argparse
import collections
import csv
import datetime
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(os.path.dirname(REPO), "shared", "data")
DEFAULT_BIN = os.path.join(REPO, ".build", "release", "corroborate")
BUILD_HINT = "swift build -c release --product corroborate"

ALL_SETS = ["fnc", "emergent", "stsb", "mrpc", "paraphraser", "ecb"]
RELATIONS = ("supports", "contradicts", "discusses", "unrelated")
FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")
FNC_FROM_RELATION = {"supports": "agree", "contradicts": "disagree",
                     "discusses": "discuss", "unrelated": "unrelated"}
EMERGENT_TO_RELATION = {"for": "supports", "against": "contradicts", "observing": "discusses"}

# One published date for every ECB+ document: the corpus gives none, and a shared date keeps
# time out of the clustering decision so only the text decides.
ECB_DATE = "2020-01-15T12:00:00Z"
# Similarity cut for the TF-IDF average-link baseline; picked by a sweep on ECB+ *train*
# (not dev), so the dev figure is not tuned on itself.
ECB_BASELINE_THRESHOLD = 0.12

# Anchor scores from ../shared/data/README.md (held-back test splits), keyed by (set, metric).
ANCHORS = {
    ("fnc", "FNC score"): "baseline 75.20, TF-IDF+always-discuss 79.5, Talos 82.02, "
                          "Athene 81.97, RoBERTa 90.0",
    ("fnc", "macro-F1"): "Athene 60.0",
    ("fnc", "F1 disagree"): "2017 winners 3-15",
    ("emergent", "accuracy"): "majority 47.0, Ferreira & Vlachos 73.3",
    ("stsb", "Spearman"): "TF-IDF cosine 69.3, all-MiniLM-L6-v2 82.0",
    ("mrpc", "accuracy"): "majority 66.5, TF-IDF threshold 70.3, fine-tuned ~90",
    ("mrpc", "F1"): "majority 79.9, TF-IDF threshold 78.2, fine-tuned ~92",
    ("mrpc", "best threshold acc (tuned on same data)"): "TF-IDF threshold 70.3",
    ("paraphraser", "binary F1"): "char n-gram TF-IDF 85.5, RuBERT 87.9",
    ("ecb", "pair F1"): "TF-IDF average-link ~82",
    ("ecb", "B-cubed F1"): "Barhom et al. 2019 97.6",
    ("ecb", "baseline pair F1"): "TF-IDF average-link ~82",
    ("ecb", "baseline B-cubed F1"): "Barhom et al. 2019 97.6",
}


class SetError(Exception):
    """A set could not be scored; the message is the one line shown to the user."""


class Unavailable(SetError):
    """The engine lacks a command the set needs (usage error from the engine)."""


# --------------------------------------------------------------------------------------------
# Readers: one per data set. Each returns plain tuples so the scoring code does not care about
# the file formats, and each raises FileNotFoundError naming the first missing file.
# --------------------------------------------------------------------------------------------

Pair = collections.namedtuple("Pair", "id a b gold extra")


def _require(*paths):
    """Raise FileNotFoundError for the first missing path, so absence is reported by name."""
    for path in paths:
        if not os.path.exists(path):
            raise FileNotFoundError(path)


def _evenly(items, limit):
    """Keep at most `limit` items spread evenly over the list.

    Files such as STS-B are sorted by genre, so taking the first N would score a single genre.
    """
    if not limit or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def read_fnc(folder, split):
    """FNC-1 train stances joined with their bodies, restricted to the requested split.

    `dev` is the usual body-disjoint hold-out (hold_out_ids.txt), `train` the rest
    (training_ids.txt), `all` every pair. The id files have no trailing newline, so a line
    count is one short: read them as whitespace-separated tokens.
    """
    stances = os.path.join(folder, "train_stances.csv")
    bodies_path = os.path.join(folder, "train_bodies.csv")
    needed = [stances, bodies_path]
    ids_file = {"dev": "hold_out_ids.txt", "train": "training_ids.txt"}.get(split)
    if ids_file:
        needed.append(os.path.join(folder, ids_file))
    _require(*needed)
    csv.field_size_limit(1 << 30)
    with open(bodies_path, encoding="utf-8-sig", newline="") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    keep = None
    if ids_file:
        with open(os.path.join(folder, ids_file), encoding="utf-8") as f:
            keep = set(f.read().split())
    pairs = []
    with open(stances, encoding="utf-8-sig", newline="") as f:
        for n, row in enumerate(csv.DictReader(f)):
            body_id = row["Body ID"]
            if keep is not None and body_id not in keep:
                continue
            pairs.append(Pair(f"fnc-{n}", row["Headline"], bodies[body_id], row["Stance"], body_id))
    return pairs


def read_emergent(folder):
    """Emergent train part: claim headline vs article headline with for/against/observing."""
    path = os.path.join(folder, "emergent_train.csv")
    _require(path)
    pairs = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for n, row in enumerate(csv.DictReader(f)):
            gold = EMERGENT_TO_RELATION[row["articleHeadlineStance"]]
            pairs.append(Pair(f"emergent-{n}", row["claimHeadline"], row["articleHeadline"],
                              gold, row["claimId"]))
    return pairs


def read_stsb(folder):
    """STS-B dev: tab-separated, unquoted (sentences contain bare quotes, so no csv module).

    A few lines carry two extra columns (the headline source); only the first seven count.
    `extra` is (genre, source file), e.g. ("main-news", "headlines").
    """
    path = os.path.join(folder, "sts-dev.csv")
    _require(path)
    pairs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 7:
                continue
            genre, source, _year, _id, score, s1, s2 = fields[:7]
            pairs.append(Pair(f"stsb-{n}", s1, s2, float(score), (genre, source)))
    return pairs


def read_mrpc(folder):
    """MRPC train: UTF-8 with a byte-order mark, tab-separated with a header, unquoted."""
    path = os.path.join(folder, "msr_paraphrase_train.txt")
    _require(path)
    pairs = []
    with open(path, encoding="utf-8-sig") as f:
        next(f)  # header: Quality, #1 ID, #2 ID, #1 String, #2 String
        for n, line in enumerate(f):
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) != 5:
                continue
            quality, _id1, _id2, s1, s2 = fields
            pairs.append(Pair(f"mrpc-{n}", s1, s2, quality == "1", None))
    return pairs


def read_paraphraser(folder):
    """ParaPhraser train: -1 is not a paraphrase; 0 (loose) and 1 (strict) count as paraphrases."""
    path = os.path.join(folder, "paraphraser_train_7227.csv")
    _require(path)
    pairs = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            pairs.append(Pair(f"paraphraser-{row['pair_id']}", row["text_1"], row["text_2"],
                              row["is_paraphrase"] in ("0", "1"), row["is_paraphrase"]))
    return pairs


def ecb_gold_cluster(doc_id):
    """Gold story of an ECB+ document: topic plus sub-event (`36_4ecb` -> `36_ecb`)."""
    match = re.fullmatch(r"(\d+)_\d+(ecbplus|ecb)", doc_id)
    if not match:
        raise ValueError(f"unexpected ECB+ document id {doc_id!r}")
    return f"{match.group(1)}_{match.group(2)}"


def detokenize(tokens):
    """Join ECB+ tokens back into readable text ("Jackman 's show ." -> "Jackman's show.").

    The engine splits sentences and reads numbers itself; spaced-out punctuation would only
    make its job harder than real wire copy does.
    """
    text = " ".join(tokens)
    text = re.sub(r" (?=[,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)", "", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    return text


def read_ecb(folder, split="dev"):
    """ECB+ documents of one Cybulska-Vossen split (dev or train): {doc_id: [sentence, ...]} in
    reading order.

    The corpus file holds the annotated sentences only, one token a line:
    doc_id, sent_id, token_idx, token, coref_tag, blank lines between sentences. One line in
    dev has an empty extra column after the token, so fields are read by position.
    """
    path = os.path.join(folder, "cybulska_setup", f"ECB_{split.capitalize()}_corpus.txt")
    _require(path)
    tokens = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4 or not fields[0]:
                continue
            tokens[fields[0]][int(fields[1])].append((int(fields[2]), fields[3]))
    docs = {}
    for doc_id, sentences in tokens.items():
        docs[doc_id] = [detokenize([t for _, t in sorted(sentences[s])]) for s in sorted(sentences)]
    return docs


# --------------------------------------------------------------------------------------------
# Metrics: one function each, checked by --self-test on examples worked out by hand.
# --------------------------------------------------------------------------------------------

def confusion(gold, pred, labels):
    """Confusion counts {gold: {pred: n}}; predictions outside `labels` get their own column."""
    table = {g: collections.Counter() for g in labels}
    for g, p in zip(gold, pred):
        table.setdefault(g, collections.Counter())[p] += 1
    return table


def class_prf(gold, pred, label):
    """Precision, recall and F1 of one class (0 where undefined, as is usual for F1 tables)."""
    tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
    fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
    fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def macro_f1(gold, pred, labels):
    """Unweighted mean of the per-class F1: the rare classes count as much as the big one."""
    return sum(class_prf(gold, pred, label)[2] for label in labels) / len(labels)


def accuracy(gold, pred):
    """Share of exact matches."""
    return sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0


def fnc_score(gold, pred):
    """FNC-1 score as a percentage of the best possible total.

    0.25 for getting related vs unrelated right; when the gold stance is related, another 0.75
    for the exact stance among agree/disagree/discuss. The best total is 0.25 per unrelated
    pair plus 1.0 per related pair. Returns (percent, raw, best).
    """
    raw = best = 0.0
    for g, p in zip(gold, pred):
        gold_related, pred_related = g != "unrelated", p != "unrelated"
        best += 1.0 if gold_related else 0.25
        if gold_related == pred_related:
            raw += 0.25
            if gold_related and g == p:
                raw += 0.75
    return (100.0 * raw / best if best else 0.0), raw, best


def average_ranks(values):
    """Ranks from 1, tied values sharing the mean of the ranks they span (as Spearman needs)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        shared = (start + end) / 2 + 1
        for k in range(start, end + 1):
            ranks[order[k]] = shared
        start = end + 1
    return ranks


def pearson(x, y):
    """Pearson correlation; None when either side is constant (the correlation is undefined)."""
    n = len(x)
    if n < 2:
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def spearman(x, y):
    """Spearman's rho: Pearson on average ranks, which stays exact with ties."""
    return pearson(average_ranks(x), average_ranks(y))


def binary_prf(gold, pred):
    """Precision, recall, F1 of the positive class for boolean gold and predictions."""
    return class_prf(gold, pred, True)


def best_threshold_accuracy(scores, gold):
    """Best accuracy of `score >= t` over every cut, and the cut that reaches it.

    A diagnostic only: the cut is chosen on the very data it is scored on, so it is an upper
    bound of what the similarity alone could do here, not a fair result.
    """
    n = len(scores)
    if not n:
        return 0.0, None
    ranked = sorted(zip(scores, gold), key=lambda sg: sg[0])
    positives = sum(1 for g in gold if g)
    # Cut below everything: all predicted positive.
    best_correct, best_cut = positives, ranked[0][0]
    negatives_below = positives_below = 0
    i = 0
    while i < n:
        j = i
        while j < n and ranked[j][0] == ranked[i][0]:  # a cut never splits tied scores
            if ranked[j][1]:
                positives_below += 1
            else:
                negatives_below += 1
            j += 1
        correct = negatives_below + (positives - positives_below)
        cut = ranked[j][0] if j < n else math.inf
        if correct > best_correct:
            best_correct, best_cut = correct, cut
        i = j
    return best_correct / n, best_cut


def _clusters(assignment):
    """{cluster: set(items)} from {item: cluster}."""
    groups = collections.defaultdict(set)
    for item, cluster in assignment.items():
        groups[cluster].add(item)
    return groups


def bcubed(predicted, gold):
    """B-cubed precision, recall, F1 over items, from {item: cluster} maps on the same items.

    Per item: precision is the share of its predicted cluster that shares its gold cluster,
    recall the share of its gold cluster found in its predicted cluster; both are averaged.
    """
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    pred_groups, gold_groups = _clusters(predicted), _clusters(gold)
    precision = recall = 0.0
    for item in items:
        p_members, g_members = pred_groups[predicted[item]], gold_groups[gold[item]]
        common = len(p_members & g_members)
        precision += common / len(p_members)
        recall += common / len(g_members)
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pair_prf(predicted, gold):
    """Pair-counting precision, recall, F1: an item pair is positive when put in one cluster.

    Counted from the contingency table, so no pair list is built.
    """
    def same_cluster_pairs(groups):
        return sum(len(m) * (len(m) - 1) // 2 for m in groups.values())

    joint = collections.Counter((predicted[i], gold[i]) for i in gold)
    tp = sum(n * (n - 1) // 2 for n in joint.values())
    pred_pairs = same_cluster_pairs(_clusters(predicted))
    gold_pairs = same_cluster_pairs(_clusters(gold))
    precision = tp / pred_pairs if pred_pairs else (1.0 if not gold_pairs else 0.0)
    recall = tp / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --------------------------------------------------------------------------------------------
# TF-IDF average-link baseline for ECB+, so the clustering scorer can be checked on its own.
# --------------------------------------------------------------------------------------------

def tfidf_vectors(texts):
    """Sparse L2-normalised TF-IDF vectors ({term: weight}) with sublinear term frequency.

    idf = ln(N / df): a term in every document weighs nothing, which is the point.
    """
    docs = [collections.Counter(re.findall(r"[^\W_]{2,}", text.lower())) for text in texts]
    df = collections.Counter(term for doc in docs for term in doc)
    n = len(docs)
    vectors = []
    for doc in docs:
        vec = {t: (1 + math.log(c)) * math.log(n / df[t]) for t, c in doc.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({t: w / norm for t, w in vec.items() if w})
    return vectors


def cosine(u, v):
    """Dot product of two normalised sparse vectors."""
    if len(u) > len(v):
        u, v = v, u
    return sum(w * v.get(t, 0.0) for t, w in u.items())


def average_link(similarity, threshold):
    """Agglomerative clustering: merge the two clusters with the highest mean pairwise
    similarity while that mean is at least `threshold`. Returns a cluster number per item.

    The mean after a merge follows from the two parts' means weighted by size (UPGMA), so the
    pairwise table is built once.
    """
    n = len(similarity)
    members = {i: [i] for i in range(n)}
    link = {(i, j): similarity[i][j] for i in range(n) for j in range(i + 1, n)}
    while link:
        (a, b), best = max(link.items(), key=lambda kv: kv[1])
        if best < threshold:
            break
        size_a, size_b = len(members[a]), len(members[b])
        members[a].extend(members.pop(b))
        for c in members:
            if c == a:
                continue
            s_ac = link.pop((min(a, c), max(a, c)))
            s_bc = link.pop((min(b, c), max(b, c)))
            link[(min(a, c), max(a, c))] = (size_a * s_ac + size_b * s_bc) / (size_a + size_b)
        link.pop((a, b))
    label = [0] * n
    for number, items in enumerate(members.values()):
        for i in items:
            label[i] = number
    return label


def tfidf_baseline_clusters(texts, threshold):
    """Cluster texts with TF-IDF cosine and average link; one label per text."""
    vectors = tfidf_vectors(texts)
    sim = [[cosine(u, v) for v in vectors] for u in vectors]
    return average_link(sim, threshold)


# --------------------------------------------------------------------------------------------
# Engine calls
# --------------------------------------------------------------------------------------------

def _first_line(text):
    """First non-empty line of an engine's stderr, for one-line error messages."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return "(no message on stderr)"


def run_engine(binary, args, workdir, timeout, on_line=None):
    """Run the engine in `workdir` and return (stdout, seconds); raise SetError on failure.

    With `on_line`, stdout is handed over line by line as it arrives (and "" is returned), so
    a long `compare --pairs` run is read as a stream, never held whole in memory.
    The working directory is a scratch folder, so nothing the engine might write by default
    lands in the repository. A usage error (exit 2, or 64 from some argument parsers) raises
    Unavailable: the command or flag does not exist in this build.
    """
    started = time.monotonic()
    collected = []
    with tempfile.TemporaryFile(dir=workdir) as stderr:
        try:
            process = subprocess.Popen([binary] + args, cwd=workdir, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.PIPE, stderr=stderr)
        except OSError as error:
            raise SetError(f"cannot run {binary}: {error}")
        timer = threading.Timer(timeout, process.kill) if timeout else None
        if timer:
            timer.start()
        try:
            for raw in process.stdout:
                line = raw.decode("utf-8", "replace")
                if on_line:
                    on_line(line)
                else:
                    collected.append(line)
            code = process.wait()
        finally:
            if timer:
                timer.cancel()
            if process.poll() is None:  # on_line raised or we were interrupted
                process.kill()
                process.wait()
        seconds = time.monotonic() - started
        if timer and code < 0 and seconds >= timeout:
            raise SetError(f"`corroborate {args[0]}` did not finish within {timeout} s")
        if code != 0:
            stderr.seek(0)
            message = _first_line(stderr.read().decode("utf-8", "replace"))
            kind = Unavailable if code in (2, 64) else SetError
            raise kind(f"`corroborate {args[0]}` exited with {code}: {message}")
    return "".join(collected), seconds


def compare_pairs(binary, pairs, workdir, timeout):
    """Send every pair through one `compare --pairs FILE --format json` call.

    Returns ({id: (relation, similarity)}, seconds). Every input id must come back exactly
    once with a known relation and a similarity in [0, 1]; anything else fails the set, since a
    partial score would silently measure a different sample.
    """
    path = os.path.join(workdir, "pairs.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for pair in pairs:
            f.write(json.dumps({"id": pair.id, "a": pair.a, "b": pair.b}, ensure_ascii=False) + "\n")
    wanted = {pair.id for pair in pairs}
    answers, problems = {}, []
    number = 0

    def take(line):
        """Check one output line and file its answer under the pair id."""
        nonlocal number
        number += 1
        if not line.strip():
            return
        try:
            record = json.loads(line)
            pair_id, relation, sim = record["id"], record["relation"], record["similarity"]
        except (ValueError, KeyError, TypeError) as error:
            problems.append(f"output line {number} is not a compare record ({error})")
            return
        if not isinstance(pair_id, str) or pair_id not in wanted:
            problems.append(f"output line {number}: unknown id {pair_id!r}")
        elif relation not in RELATIONS:
            problems.append(f"output line {number}: unknown relation {relation!r}")
        elif isinstance(sim, bool) or not isinstance(sim, (int, float)) or not 0 <= sim <= 1:
            problems.append(f"output line {number}: similarity {sim!r} is not in 0-1")
        elif pair_id in answers:
            problems.append(f"output line {number}: id {pair_id!r} answered twice")
        else:
            answers[pair_id] = (relation, float(sim))

    _, seconds = run_engine(binary, ["compare", "--pairs", path, "--format", "json"],
                            workdir, timeout, on_line=take)
    missing = len(wanted) - len(answers)
    if problems or missing:
        detail = f"; first problem: {problems[0]}" if problems else ""
        raise SetError(f"engine output unusable: {len(problems)} bad line(s), {missing} of "
                       f"{len(wanted)} id(s) missing{detail}")
    return answers, seconds


def write_articles(docs, path, title_mode, published=ECB_DATE):
    """Write ECB+ documents as article JSONL (DESIGN.md contract): one fixed date for all, or
    none at all when `published` is None (the engine then dates them by their ingest)."""
    with open(path, "w", encoding="utf-8") as f:
        for doc_id, sentences in docs.items():
            if title_mode == "first" and len(sentences) > 1:
                title, body = sentences[0], " ".join(sentences[1:])
            elif title_mode == "first":
                title, body = sentences[0], sentences[0]
            else:
                title, body = "", " ".join(sentences)
            article = {"id": doc_id, "url": f"https://ecbplus.example/{doc_id}",
                       "published": published, "title": title, "body": body, "language": "en"}
            if published is None:
                del article["published"]
            f.write(json.dumps(article, ensure_ascii=False) + "\n")


def engine_stories(binary, docs, workdir, timeout, title_mode, published=ECB_DATE):
    """Ingest the documents into a fresh store and read back the stories.

    Returns ({doc_id: story_id}, seconds, notes). Documents in no story become singletons;
    a document listed in several stories keeps its first one (both are counted in `notes`).
    """
    articles = os.path.join(workdir, "ecb_dev.jsonl")
    store = os.path.join(workdir, "ecb_dev.sqlite")
    write_articles(docs, articles, title_mode, published)
    _, ingest_seconds = run_engine(binary, ["ingest", articles, "--db", store, "--quiet"],
                                   workdir, timeout)
    try:
        out, stories_seconds = run_engine(binary, ["stories", "--db", store, "--format", "json"],
                                          workdir, timeout)
    except Unavailable as error:
        raise Unavailable(f"the engine's `stories` command is not available yet ({error})")
    try:
        stories = json.loads(out)["stories"]
        listed = [(str(story["id"]), str(item["id"])) for story in stories for item in story["items"]]
    except (ValueError, KeyError, TypeError) as error:
        raise SetError(f"`stories --format json` output does not follow the contract ({error})")
    assignment, repeated = {}, 0
    for story_id, item_id in listed:
        if item_id not in docs:
            continue
        if item_id in assignment:
            repeated += 1
        else:
            assignment[item_id] = "story:" + story_id
    unassigned = [d for d in docs if d not in assignment]
    for doc_id in unassigned:
        assignment[doc_id] = "alone:" + doc_id
    seconds = ingest_seconds + stories_seconds
    notes = {"stories": len(stories), "docsInNoStory": len(unassigned),
             "docsInSeveralStories": repeated, "ingestSeconds": round(ingest_seconds, 3),
             "storiesSeconds": round(stories_seconds, 3),
             "docsPerSecond": round(len(docs) / seconds, 1) if seconds > 0 else None}
    if len(unassigned) == len(docs):
        raise SetError(f"`stories` listed none of the {len(docs)} ingested documents (all were "
                       f"published {published or 'undated'}; does `stories` default to a recent "
                       "--since window?)")
    return assignment, seconds, notes


# --------------------------------------------------------------------------------------------
# Printing helpers
# --------------------------------------------------------------------------------------------

def pct(value):
    """x100 with two decimals, or n/a for undefined values."""
    return "n/a" if value is None else f"{100 * value:.2f}"


def print_class_table(gold, pred, labels):
    """Per-class precision, recall, F1 and counts; returns {label: F1}."""
    print(f"    {'class':<12}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}")
    scores = {}
    for label in labels:
        p, r, f = class_prf(gold, pred, label)
        scores[label] = f
        print(f"    {label:<12}{pct(p):>8}{pct(r):>8}{pct(f):>8}"
              f"{sum(1 for g in gold if g == label):>8}{sum(1 for x in pred if x == label):>8}")
    return scores


def print_confusion(gold, pred, labels):
    """Rows are gold labels, columns predicted ones (any unexpected prediction gets a column)."""
    table = confusion(gold, pred, labels)
    columns = list(labels) + sorted({p for p in pred if p not in labels})
    width = max(10, max(len(c) for c in columns) + 2)
    print("    confusion (rows gold, columns predicted):")
    print("    " + " " * 12 + "".join(f"{c:>{width}}" for c in columns))
    for g in labels:
        print(f"    {g:<12}" + "".join(f"{table[g][c]:>{width}}" for c in columns))
    return {g: dict(table[g]) for g in labels}


# --------------------------------------------------------------------------------------------
# One scorer per set: read, run, score, print. Each returns (rows, figures, problem): rows are
# (metric, value x100) for the final table, figures go into --json, and problem is a SetError
# when only part of the set could be scored (ECB+ baseline without engine stories); a set that
# cannot be scored at all raises SetError instead.
# --------------------------------------------------------------------------------------------

def announce_speed(count, seconds):
    """One line of throughput per engine call."""
    rate = count / seconds if seconds > 0 else float("inf")
    print(f"  engine: {count} pairs in {seconds:.2f} s ({rate:.1f} pairs/s)")
    return {"pairs": count, "seconds": round(seconds, 3), "pairsPerSecond": round(rate, 1)}


def score_fnc(ctx):
    """FNC-1: FNC score, per-class F1, macro-F1, confusion matrix."""
    pairs = _evenly(read_fnc(os.path.join(ctx.data, "fnc1"), ctx.fnc_split), ctx.limit)
    print(f"  {len(pairs)} pairs (split {ctx.fnc_split}, {len({p.extra for p in pairs})} bodies)")
    answers, seconds = compare_pairs(ctx.binary, pairs, ctx.workdir, ctx.timeout)
    figures = announce_speed(len(pairs), seconds)
    gold = [p.gold for p in pairs]
    pred = [FNC_FROM_RELATION[answers[p.id][0]] for p in pairs]
    score, raw, best = fnc_score(gold, pred)
    print(f"  FNC score {score:.2f} % ({raw:.2f} of {best:.2f})")
    f1 = print_class_table(gold, pred, FNC_LABELS)
    macro = macro_f1(gold, pred, FNC_LABELS)
    print(f"    macro-F1 {pct(macro)}   accuracy {pct(accuracy(gold, pred))}")
    matrix = print_confusion(gold, pred, FNC_LABELS)
    figures.update({"split": ctx.fnc_split, "fncScore": score, "macroF1": 100 * macro,
                    "accuracy": 100 * accuracy(gold, pred),
                    "f1": {k: 100 * v for k, v in f1.items()}, "confusion": matrix})
    rows = [("FNC score", score), ("macro-F1", 100 * macro), ("F1 disagree", 100 * f1["disagree"])]
    return rows, figures, None


def score_emergent(ctx):
    """Emergent: accuracy and per-class F1 over supports/contradicts/discusses."""
    pairs = _evenly(read_emergent(os.path.join(ctx.data, "emergent")), ctx.limit)
    print(f"  {len(pairs)} pairs on {len({p.extra for p in pairs})} claims")
    answers, seconds = compare_pairs(ctx.binary, pairs, ctx.workdir, ctx.timeout)
    figures = announce_speed(len(pairs), seconds)
    gold = [p.gold for p in pairs]
    pred = [answers[p.id][0] for p in pairs]
    labels = ("supports", "contradicts", "discusses")
    acc = accuracy(gold, pred)
    print(f"  accuracy {pct(acc)}")
    f1 = print_class_table(gold, pred, labels)
    macro = macro_f1(gold, pred, labels)
    print(f"    macro-F1 {pct(macro)}")
    matrix = print_confusion(gold, pred, labels)
    figures.update({"accuracy": 100 * acc, "macroF1": 100 * macro,
                    "f1": {k: 100 * v for k, v in f1.items()}, "confusion": matrix})
    return [("accuracy", 100 * acc), ("macro-F1", 100 * macro)], figures, None


def score_stsb(ctx):
    """STS-B dev: Spearman x100 overall, per source file and per genre column."""
    pairs = _evenly(read_stsb(os.path.join(ctx.data, "stsb")), ctx.limit)
    print(f"  {len(pairs)} pairs")
    answers, seconds = compare_pairs(ctx.binary, pairs, ctx.workdir, ctx.timeout)
    figures = announce_speed(len(pairs), seconds)
    sims = [answers[p.id][1] for p in pairs]
    gold = [p.gold for p in pairs]
    rho = spearman(sims, gold)
    print(f"  Spearman x100 {pct(rho)}")
    groups = {}
    for kind, position in (("source", 1), ("genre", 0)):
        keys = sorted({p.extra[position] for p in pairs})
        parts = []
        for key in keys:
            chosen = [i for i, p in enumerate(pairs) if p.extra[position] == key]
            value = spearman([sims[i] for i in chosen], [gold[i] for i in chosen])
            groups[f"{kind}:{key}"] = None if value is None else 100 * value
            parts.append(f"{key} {pct(value)} (n={len(chosen)})")
        print(f"    by {kind}: " + ", ".join(parts))
    figures.update({"spearman": None if rho is None else 100 * rho, "groups": groups})
    return [("Spearman", None if rho is None else 100 * rho)], figures, None


def score_mrpc(ctx):
    """MRPC train: accuracy and positive-class F1 of relation == supports, plus the
    same-data-tuned threshold accuracy of `similarity` as a diagnostic."""
    pairs = _evenly(read_mrpc(os.path.join(ctx.data, "mrpc")), ctx.limit)
    print(f"  {len(pairs)} pairs ({sum(p.gold for p in pairs)} paraphrases)")
    answers, seconds = compare_pairs(ctx.binary, pairs, ctx.workdir, ctx.timeout)
    figures = announce_speed(len(pairs), seconds)
    gold = [p.gold for p in pairs]
    pred = [answers[p.id][0] == "supports" for p in pairs]
    acc = accuracy(gold, pred)
    precision, recall, f1 = binary_prf(gold, pred)
    best, cut = best_threshold_accuracy([answers[p.id][1] for p in pairs], gold)
    print(f"  accuracy {pct(acc)}   F1 {pct(f1)} (P {pct(precision)}, R {pct(recall)})")
    print(f"  diagnostic, tuned on this same data: best accuracy of similarity >= t is "
          f"{pct(best)} at t = {cut:.4f}")
    figures.update({"accuracy": 100 * acc, "f1": 100 * f1, "precision": 100 * precision,
                    "recall": 100 * recall, "bestThresholdAccuracySameData": 100 * best,
                    "bestThreshold": cut if math.isfinite(cut) else None})
    return [("accuracy", 100 * acc), ("F1", 100 * f1),
            ("best threshold acc (tuned on same data)", 100 * best)], figures, None


def score_paraphraser(ctx):
    """ParaPhraser: binary F1 with loose and strict paraphrases both positive."""
    pairs = _evenly(read_paraphraser(os.path.join(ctx.data, "paraphraser_ru")), ctx.limit)
    counts = collections.Counter(p.extra for p in pairs)
    print(f"  {len(pairs)} pairs (-1: {counts['-1']}, 0: {counts['0']}, 1: {counts['1']})")
    answers, seconds = compare_pairs(ctx.binary, pairs, ctx.workdir, ctx.timeout)
    figures = announce_speed(len(pairs), seconds)
    gold = [p.gold for p in pairs]
    pred = [answers[p.id][0] == "supports" for p in pairs]
    precision, recall, f1 = binary_prf(gold, pred)
    acc = accuracy(gold, pred)
    print(f"  binary F1 {pct(f1)} (P {pct(precision)}, R {pct(recall)})   accuracy {pct(acc)}")
    figures.update({"f1": 100 * f1, "precision": 100 * precision, "recall": 100 * recall,
                    "accuracy": 100 * acc})
    return [("binary F1", 100 * f1)], figures, None


def _clustering_rows(predicted, gold, label):
    """Print and return B-cubed and pair scores of one clustering of the same documents."""
    bp, br, bf = bcubed(predicted, gold)
    pp, pr, pf = pair_prf(predicted, gold)
    clusters = len(set(predicted.values()))
    print(f"  {label}: {clusters} clusters for {len(set(gold.values()))} gold stories")
    print(f"    B-cubed P {pct(bp)} R {pct(br)} F1 {pct(bf)}   pairs P {pct(pp)} R {pct(pr)} F1 {pct(pf)}")
    figures = {"clusters": clusters, "bcubed": {"p": 100 * bp, "r": 100 * br, "f1": 100 * bf},
               "pairs": {"p": 100 * pp, "r": 100 * pr, "f1": 100 * pf}}
    return [("B-cubed F1", 100 * bf), ("pair F1", 100 * pf)], figures


def score_ecb(ctx):
    """ECB+ (dev by default): engine stories (and optionally the TF-IDF baseline) against gold
    stories."""
    everything = read_ecb(os.path.join(ctx.data, "ecbplus"), ctx.ecb_split)
    ids = _evenly(sorted(everything, key=_ecb_sort_key), ctx.limit)
    if ctx.ecb_order == "shuffled":
        random.Random(ctx.ecb_seed).shuffle(ids)
    docs = {d: everything[d] for d in ids}
    gold = {d: ecb_gold_cluster(d) for d in docs}
    published = None if ctx.ecb_date == "none" else ECB_DATE
    print(f"  {ctx.ecb_split}: {len(docs)} documents, {len(set(gold.values()))} gold stories "
          f"(topic + sub-event), {'undated' if published is None else 'published ' + published}, "
          f"{ctx.ecb_order} order")
    rows, figures, problem = [], {"documents": len(docs)}, None
    if ctx.ecb_baseline:
        ids = list(docs)
        started = time.monotonic()
        labels = tfidf_baseline_clusters([" ".join(docs[d]) for d in ids], ctx.ecb_threshold)
        predicted = {d: labels[i] for i, d in enumerate(ids)}
        baseline_rows, figures["baseline"] = _clustering_rows(
            predicted, gold, f"TF-IDF average-link baseline (threshold {ctx.ecb_threshold}, "
                             f"{time.monotonic() - started:.2f} s)")
        rows += [("baseline " + metric, value) for metric, value in baseline_rows]
    if ctx.binary:
        try:
            predicted, _, notes = engine_stories(ctx.binary, docs, ctx.workdir, ctx.timeout,
                                                 ctx.ecb_title, published)
            print(f"  engine: ingest {notes['ingestSeconds']:.2f} s + stories "
                  f"{notes['storiesSeconds']:.2f} s ({notes['docsPerSecond']} documents/s); "
                  f"{notes['stories']} stories, {notes['docsInNoStory']} docs in none, "
                  f"{notes['docsInSeveralStories']} listed twice")
            engine_rows, figures["engine"] = _clustering_rows(predicted, gold, "engine stories")
            figures["engine"].update(notes)
            rows = engine_rows + rows
        except SetError as error:
            problem = error
    else:
        problem = SetError(f"no engine binary (build it with `{BUILD_HINT}`); only the "
                           "baseline was scored")
    return rows, figures, problem


def _ecb_sort_key(doc_id):
    """Numeric order for ECB+ ids (topic, sub-event, document)."""
    match = re.fullmatch(r"(\d+)_(\d+)(\w+)", doc_id)
    return (int(match.group(1)), match.group(3), int(match.group(2))) if match else (0, doc_id, 0)


SCORERS = {"fnc": ("FNC-1", "fnc1", score_fnc), "emergent": ("Emergent", "emergent", score_emergent),
           "stsb": ("STS-B dev", "stsb", score_stsb), "mrpc": ("MRPC train", "mrpc", score_mrpc),
           "paraphraser": ("ParaPhraser (ru)", "paraphraser_ru", score_paraphraser),
           "ecb": ("ECB+ clustering", "ecbplus", score_ecb)}


# --------------------------------------------------------------------------------------------
# Self-test: every metric on a case small enough to work out on paper.
# --------------------------------------------------------------------------------------------

def self_test():
    """Check each metric and the trickier readers' helpers against hand-computed values."""
    checks = []

    def check(name, got, want, tol=1e-9):
        if isinstance(want, float):
            ok = got is not None and abs(got - want) <= tol
        else:
            ok = got == want
        checks.append((name, ok, got, want))

    # Ties share the mean rank: 20, 20 take ranks 2 and 3 -> 2.5 each.
    check("average ranks with ties", average_ranks([10, 20, 20, 30]), [1.0, 2.5, 2.5, 4.0])
    # y ranks [1, 2, 3.5, 5, 3.5]; deviations from 3: x [-2,-1,0,1,2], y [-2,-1,.5,2,.5];
    # sum xy = 8, sum xx = 10, sum yy = 9.5 -> 8 / sqrt(95).
    check("spearman with ties", spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 8 / math.sqrt(95))
    check("spearman monotone", spearman([1, 2, 3], [10, 200, 3000]), 1.0)
    check("spearman reversed", spearman([1, 2, 3], [3, 2, 1]), -1.0)
    check("spearman constant is undefined", spearman([1, 1, 1], [1, 2, 3]), None)
    # agree/agree 1.0, unrelated/unrelated .25, discuss/agree .25, disagree/unrelated 0:
    # 1.5 of a best 1 + .25 + 1 + 1 = 3.25.
    score, raw, best = fnc_score(["agree", "unrelated", "discuss", "disagree"],
                                 ["agree", "unrelated", "agree", "unrelated"])
    check("fnc raw", raw, 1.5)
    check("fnc best", best, 3.25)
    check("fnc percent", score, 100 * 1.5 / 3.25)
    check("fnc unrelated called related", fnc_score(["unrelated"], ["discuss"])[0], 0.0)
    # a: tp1 fp1 fn1 -> F1 .5; b: tp2 fp1 fn0 -> P 2/3, R 1, F1 .8; c: never predicted -> 0.
    gold, pred = list("aabbc"), list("abbba")
    check("class F1 a", class_prf(gold, pred, "a")[2], 0.5)
    check("class F1 b", class_prf(gold, pred, "b")[2], 0.8)
    check("class F1 c", class_prf(gold, pred, "c")[2], 0.0)
    check("macro F1", macro_f1(gold, pred, "abc"), 1.3 / 3)
    check("accuracy", accuracy(gold, pred), 0.6)
    check("confusion", dict(confusion(gold, pred, "abc")["b"]), {"b": 2})
    # tp 2, fp 1, fn 1 -> P = R = F1 = 2/3.
    check("binary F1", binary_prf([1, 1, 0, 0, 1], [1, 0, 1, 0, 1])[2], 2 / 3)
    # Cut at .35 or at .8 both get 3 of 4; nothing gets 4 of 4.
    check("best threshold", best_threshold_accuracy([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])[0], 0.75)
    check("threshold keeps ties together", best_threshold_accuracy([0.5, 0.5], [1, 0])[0], 0.5)
    check("threshold all negative", best_threshold_accuracy([0.9, 0.8], [0, 0])[0], 1.0)
    # Gold {1,2,3}{4,5}, predicted {1,2}{3,4,5}. B-cubed precision per item 1,1,1/3,2/3,2/3 and
    # recall 2/3,2/3,1/3,1,1: both 11/15. Pairs: gold 12 13 23 45, predicted 12 34 35 45 -> 2 of 4.
    gold_c = {1: "x", 2: "x", 3: "x", 4: "y", 5: "y"}
    pred_c = {1: "p", 2: "p", 3: "q", 4: "q", 5: "q"}
    bp, br, bf = bcubed(pred_c, gold_c)
    check("b-cubed precision", bp, 11 / 15)
    check("b-cubed recall", br, 11 / 15)
    check("b-cubed F1", bf, 11 / 15)
    check("pair F1", pair_prf(pred_c, gold_c), (0.5, 0.5, 0.5))
    check("pair F1 all singletons", pair_prf({1: 1, 2: 2}, {1: "x", 2: "x"})[2], 0.0)
    check("b-cubed perfect", bcubed(gold_c, gold_c)[2], 1.0)
    # Similarities: 0-1 .9, 2-3 .8, across .1/.2/.3/.0. Average link at .5 gives {0,1} {2,3};
    # the cross mean (.1+.2+.3+.0)/4 = .15 stays below the cut; at .1 all four merge.
    sim = [[1, .9, .1, .2], [.9, 1, .3, .0], [.1, .3, 1, .8], [.2, .0, .8, 1]]
    labels = average_link(sim, 0.5)
    check("average link at .5",
          (labels[0] == labels[1], labels[2] == labels[3], labels[0] == labels[2]), (True, True, False))
    check("average link at .1", len(set(average_link(sim, 0.1))), 1)
    check("average link at .16", len(set(average_link(sim, 0.16))), 2)
    texts = ["missile strike hits port city", "port city hit by missile strike",
             "oscar host named for awards", "awards names oscar host"]
    labels = tfidf_baseline_clusters(texts, 0.2)
    check("tf-idf baseline", (labels[0] == labels[1], labels[2] == labels[3], labels[0] == labels[2]),
          (True, True, False))
    check("ecb gold ecb", ecb_gold_cluster("36_4ecb"), "36_ecb")
    check("ecb gold ecbplus", ecb_gold_cluster("36_4ecbplus"), "36_ecbplus")
    check("detokenize", detokenize("World 's man , ( he ) said : \" no \" .".split()),
          "World's man, (he) said: \" no \".")
    check("evenly spread", _evenly(list(range(10)), 3), [0, 3, 6])

    failed = [c for c in checks if not c[1]]
    for name, _, got, want in failed:
        print(f"self-test FAILED: {name}: got {got!r}, want {want!r}")
    print(f"self-test: {len(checks) - len(failed)} of {len(checks)} checks passed")
    return 0 if not failed else 1


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def parse_args(argv):
    """Command-line options; --help lists them."""
    parser = argparse.ArgumentParser(
        description="Score the corroborate engine on the public labelled data sets.",
        epilog="Sets: " + ", ".join(ALL_SETS) + ". See the docstring at the top of the script.")
    parser.add_argument("--data", default=DEFAULT_DATA,
                        help="data folder (default: ../shared/data from the repository root)")
    parser.add_argument("--bin", default=DEFAULT_BIN,
                        help="engine binary (default: .build/release/corroborate)")
    parser.add_argument("--sets", default=",".join(ALL_SETS),
                        help="comma-separated sets to score (default: all)")
    parser.add_argument("--limit", type=int, default=0,
                        help="at most N pairs (ECB+: documents) per set, spread evenly over the file")
    parser.add_argument("--fnc-split", choices=("dev", "train", "all"), default="dev",
                        help="FNC-1 part to score: dev = hold_out_ids.txt bodies (default)")
    parser.add_argument("--ecb-baseline", action="store_true",
                        help="also cluster ECB+ with a TF-IDF cosine average-link baseline")
    parser.add_argument("--ecb-threshold", type=float, default=ECB_BASELINE_THRESHOLD,
                        help=f"baseline merge threshold (default {ECB_BASELINE_THRESHOLD}, "
                             "chosen on ECB+ train)")
    parser.add_argument("--ecb-split", choices=("dev", "train"), default="dev",
                        help="ECB+ split to cluster (default dev; tune on train)")
    parser.add_argument("--ecb-date", choices=("shared", "none"), default="shared",
                        help=f"ECB+ articles all published {ECB_DATE} (default) or undated")
    parser.add_argument("--ecb-order", choices=("sorted", "shuffled"), default="sorted",
                        help="ECB+ ingest order: by topic, sub-corpus and number (default) or "
                             "shuffled (--ecb-seed)")
    parser.add_argument("--ecb-seed", type=int, default=1, help="seed of --ecb-order shuffled")
    parser.add_argument("--ecb-title", choices=("first", "empty"), default="first",
                        help="ECB+ article title: the first sentence (default) or empty")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds allowed per engine call (default: no limit)")
    parser.add_argument("--json", metavar="OUT", help="also write every figure to OUT as JSON")
    parser.add_argument("--keep-temp", action="store_true",
                        help="keep the scratch folder with the JSONL and stores (path is printed)")
    parser.add_argument("--self-test", action="store_true",
                        help="check the metric implementations on hand-worked examples and exit")
    args = parser.parse_args(argv)
    args.sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in args.sets if s not in SCORERS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(ALL_SETS)}")
    if args.limit < 0:
        parser.error("--limit must be 0 (no limit) or more")
    return args


def print_summary(results):
    """The compact final table: set, metric, value, anchors."""
    print()
    print("Summary (values x100; anchors are on the held-back test splits, not these data)")
    width = max([len(m) for r in results.values() for m, _ in r.get("rows") or []] + [30])
    print(f"{'set':<12} {'metric':<{width}} {'value':>8}  anchor")
    for name, result in results.items():
        if result["status"] != "ok":
            status = "(" + result["status"] + ")"
            print(f"{name:<12} {status:<{width}} {'-':>8}  {result.get('error', '')}")
        for metric, value in result.get("rows", []):
            shown = "n/a" if value is None else f"{value:.2f}"
            anchor = ANCHORS.get((name, metric), "")
            print(f"{name:<12} {metric:<{width}} {shown:>8}  {anchor}")
        figures = result.get("figures") or {}
        speeds = [("pairs/s", figures.get("pairsPerSecond")),
                  ("docs/s", (figures.get("engine") or {}).get("docsPerSecond"))]
        for unit, speed in speeds:
            if speed is not None:
                print(f"{name:<12} {'speed, ' + unit:<{width}} {speed:>8.1f}")


def _rounded(value):
    """Floats to three decimals, recursively, so the JSON stays readable and diffable."""
    if isinstance(value, float):
        return round(value, 3) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return value


def _json_result(result):
    """A set's result for --json: status, error, the summary metrics and every figure."""
    document = {k: v for k, v in result.items() if k != "rows"}
    if result.get("rows"):
        document["metrics"] = {metric: value for metric, value in result["rows"]}
    return _rounded(document)


def main(argv=None):
    """Score each selected set in turn; one failing set never stops the others."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return self_test()

    binary = os.path.abspath(args.bin)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print(f"no engine binary at {binary}; build it with `{BUILD_HINT}` in {REPO}, "
              "or pass --bin PATH", file=sys.stderr)
        binary = None
    print(f"engine {binary or '(missing)'}")
    print(f"data   {os.path.abspath(args.data)}")

    workroot = tempfile.mkdtemp(prefix="corroborate-eval-")
    results, failed = {}, False
    try:
        for name in args.sets:
            title, folder, scorer = SCORERS[name]
            print(f"\n== {title} ==")
            if not os.path.isdir(os.path.join(args.data, folder)):
                print(f"  {name}: absent ({os.path.join(args.data, folder)} not found), skipped")
                results[name] = {"status": "absent"}
                continue
            ctx = argparse.Namespace(**vars(args), binary=binary,
                                     workdir=tempfile.mkdtemp(prefix=name + "-", dir=workroot))
            try:
                if binary is None and not (name == "ecb" and args.ecb_baseline):
                    raise SetError(f"no engine binary (build it with `{BUILD_HINT}`)")
                rows, figures, problem = scorer(ctx)
            except FileNotFoundError as error:
                print(f"  {name}: absent ({error.filename or error} not found), skipped")
                results[name] = {"status": "absent"}
                continue
            except SetError as error:
                rows, figures, problem = [], {}, error
            except (ValueError, KeyError, csv.Error) as error:  # a data file not shaped as expected
                rows, figures, problem = [], {}, SetError(f"unexpected data format: {error!r}")
            if problem is None:
                results[name] = {"status": "ok", "rows": rows, "figures": figures}
                continue
            kind = "unavailable" if isinstance(problem, Unavailable) else "error"
            print(f"  {name}: {kind}: {problem}")
            results[name] = {"status": kind, "error": str(problem), "rows": rows, "figures": figures}
            failed = True
    finally:
        if args.keep_temp:
            print(f"\nscratch files kept in {workroot}")
        else:
            shutil.rmtree(workroot, ignore_errors=True)

    print_summary(results)
    if args.json:
        document = {"engine": binary, "data": os.path.abspath(args.data),
                    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                    "options": {"fncSplit": args.fnc_split, "limit": args.limit,
                                "ecbBaseline": args.ecb_baseline, "ecbThreshold": args.ecb_threshold,
                                "ecbTitle": args.ecb_title, "ecbSplit": args.ecb_split,
                                "ecbDate": args.ecb_date, "ecbOrder": args.ecb_order,
                                "ecbSeed": args.ecb_seed},
                    "sets": {name: _json_result(r) for name, r in results.items()}}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(document, f, indent=2, ensure_ascii=False)
        print(f"\nfigures written to {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
