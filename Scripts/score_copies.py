#!/usr/bin/env python3
"""Scores the syndication of a store against a truth file: are copies grouped with their origin?

    Scripts/score_copies.py STORE.sqlite TRUTH.tsv

TRUTH.tsv is the feed workload's truth of ../shared/bench (columns file, guid, ..., copy_group_guid):
items that share a copy group are one text and its copies. The store's groups are its origins
(`item.originID`). Prints pair precision, recall and F1 over items present in both.
"""
import collections, csv, itertools, sqlite3, sys


def pairs(groups):
    out = set()
    for members in groups.values():
        for a, b in itertools.combinations(sorted(members), 2):
            out.add((a, b))
    return out


def main():
    store, truth_path = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(store)
    origin = {source: origin_id for source, origin_id in db.execute("SELECT sourceID, originID FROM item")}
    truth = {}
    with open(truth_path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            truth[row["guid"]] = row["copy_group_guid"] or row["guid"]
    common = [g for g in truth if g in origin]
    predicted, gold = collections.defaultdict(set), collections.defaultdict(set)
    for guid in common:
        predicted[origin[guid]].add(guid)
        gold[truth[guid]].add(guid)
    p, g = pairs(predicted), pairs(gold)
    tp = len(p & g)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"items {len(common)} of {len(truth)}; predicted pairs {len(p)}, true pairs {len(g)}; "
          f"pair precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
