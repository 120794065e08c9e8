#!/usr/bin/env python3
"""Labels files for the peers' scorer from `corroborate stories --format json`.

    Benchmarks/stories_labels.py STORIES.json PREFIX

Writes PREFIX.clusters.tsv (item id, its story) and PREFIX.dups.tsv (item id, its copy group:
the item it copies, else itself), the two files bench/pipeline_peer.py writes, so that
bench/score.py scores both tools the same way (keys `event` and `copy_group_guid` of the feed
workload's truth.tsv). Item ids are the feed entries' ids (guid, else link), as the truth keys them.
"""
import json
import sys


def main():
    stories_path, prefix = sys.argv[1], sys.argv[2]
    with open(stories_path, encoding="utf-8") as f:
        stories = json.load(f)["stories"]
    items = 0
    with open(prefix + ".clusters.tsv", "w", encoding="utf-8") as clusters, \
            open(prefix + ".dups.tsv", "w", encoding="utf-8") as dups:
        for story in stories:
            for item in story["items"]:
                items += 1
                clusters.write(f"{item['id']}\t{story['id']}\n")
                dups.write(f"{item['id']}\t{item['copyOf'] or item['id']}\n")
    print(json.dumps({"stories": len(stories), "items": items}))


if __name__ == "__main__":
    main()
