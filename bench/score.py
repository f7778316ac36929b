#!/usr/bin/env python3
"""Score `claimlint check --format json` against the generator's truth.jsonl.

A seeded contradiction is found when a finding's primary or secondary label overlaps one
of its spans in its file. Recall counts the contradictions another article can reveal
(`other_articles > 0`); precision is the share of findings (errors and warnings of the
contradiction checks) that touch a seeded contradiction.

usage: score.py CHECK.json CORPUS_DIR
"""
import collections
import json
import os
import sys

CONTRADICTION_RULES = None  # every rule except the article-level ones below
ARTICLE_LEVEL = {"missing-date", "variant", "claim-limit", "stale-ignore"}


def main():
    report = json.load(open(sys.argv[1]))
    corpus = sys.argv[2]
    truths = [json.loads(line) for line in open(os.path.join(corpus, "truth.jsonl"))]
    by_file = collections.defaultdict(list)
    for t in truths:
        by_file[os.path.normpath(os.path.join(corpus, t["file"]))].append(t)

    def touches(label):
        path = os.path.normpath(label["path"])
        hits = []
        for t in by_file.get(path, []):
            for start, end, _ in t["spans"]:
                if label["span"]["start"] < end and start < label["span"]["end"]:
                    hits.append(id(t))
        return hits

    findings = [d for d in report["diagnostics"] if d["rule"] not in ARTICLE_LEVEL and d["severity"] != "note"]
    found = set()
    useful = 0
    per_rule = collections.Counter()
    per_rule_useful = collections.Counter()
    for d in findings:
        hits = []
        for label in [d["primary"], *d["secondary"]]:
            hits += touches(label)
        per_rule[d["rule"]] += 1
        if hits:
            useful += 1
            per_rule_useful[d["rule"]] += 1
            found.update(hits)
    detectable = [t for t in truths if t["other_articles"] > 0]
    recall = sum(1 for t in detectable if id(t) in found) / max(1, len(detectable))
    precision = useful / max(1, len(findings))
    print(f"findings {len(findings)}, seeded contradictions {len(truths)} ({len(detectable)} detectable)")
    print(f"recall {recall:.2f}, precision {precision:.2f}")
    by_kind = collections.Counter(t["kind"] for t in detectable)
    found_kind = collections.Counter(t["kind"] for t in detectable if id(t) in found)
    for kind in sorted(by_kind):
        print(f"  {kind:16} {found_kind[kind]}/{by_kind[kind]}")
    for rule in sorted(per_rule):
        print(f"  rule {rule:20} {per_rule_useful[rule]}/{per_rule[rule]} touch a seeded contradiction")


if __name__ == "__main__":
    main()
