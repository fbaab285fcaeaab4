#!/usr/bin/env python3
"""Computes expected_alerts / optional_alerts of expected.json mechanically from the annotated claims
(rules in README.md), then applies the hand reviews carried by the claims.

Adapted from maroc-seisme-2023/build_alerts.py and retraites-2023/build_alerts.py: the station-shortage
quantities (stations_*, listed in _meta.daily_quantities) are per-day figures, so a claim of those is compared
only with known claims of the same quantity AND the same event_date (the day the share refers to); every other
quantity (prices, discounts, costs, strike figures) is compared across the whole story.

Rules (first that fires), for an unflagged claim C, KB = known claims of the same key:
 1 KB empty -> expected new_quantity
 2 C matches a known claim (intervals within 10 % of the larger) -> nothing
 3 C open-ended and bound_ok with some known claim -> optional new_figure
 4 C has revision_of -> expected new_figure (revision)
 5 (c) a known claim of another item, same order_date, same source_group, not compatible -> contradiction
 6 (a) cumulative quantity going down -> contradiction (no cumulative quantity in this story)
 7 (b) a known claim 0-7 days older (order dates), other source_group, not compatible -> contradiction
 8 otherwise new_figure (from = largest known for cumulative quantities, the latest otherwise)
Flagged claims (vague, historical, hypothetical, negated) raise nothing and are not stored.
Hand review: a claim carrying "hand_review" whose mechanical result is a contradiction gets an expected
new_figure instead (with the reason); the mechanical contradiction is kept as optional.
Usage: python3 build_alerts.py [expected.json]   (rewrites the file in place, prints a summary)
"""
import datetime as dt
import json
import pathlib
import sys
from collections import Counter

HERE = pathlib.Path(__file__).resolve().parent
FLAGS = ("vague", "historical", "hypothetical", "negated")


def val(c):
    return c["low"] if c["low"] == c["high"] else [c["low"], c["high"]]


def match(c, p):
    gap = max(0, max(c["low"], p["low"]) - min(c["high"], p["high"]))
    return gap <= 0.10 * max(c["high"], p["high"])


def up(c):
    return c["qualifier"] in ("at_least", "more_than")


def down(c):
    return c["qualifier"] == "at_most"


def bound_ok(c, p):
    return (up(c) and p["high"] >= 0.9 * c["low"]) or (down(c) and p["low"] <= 1.1 * c["high"])


def compatible(c, p):
    return match(c, p) or bound_ok(c, p) or (up(p) and c["high"] >= 0.9 * p["low"]) or (down(p) and c["low"] <= 1.1 * p["high"])


def days(d):
    return dt.date.fromisoformat(d).toordinal()


def judge(c, q, kb, vocab, daily):
    key = (q, c.get("event_date") if q in daily else "story")
    known = kb.get(key, [])
    cum = vocab[q]["cumulative"]
    base = {"quantity": q, "source": c["source"], "text_span": c["text_span"]}
    if q in daily:
        base["event_date"] = c["event_date"]
    if not known:
        return "expected", dict(kind="new_quantity", value=val(c), **base), None
    if any(match(c, p) for p in known):
        return None, None, None
    latest = known[-1]
    frm = max(known, key=lambda p: p["high"]) if cum else latest
    nf = dict(kind="new_figure", **{"from": val(frm)}, to=val(c), **base)
    if (up(c) or down(c)) and any(bound_ok(c, p) for p in known):
        return "optional", dict(nf, **{"from": val(latest)}), None
    if "revision_of" in c:
        return "expected", dict(kind="new_figure", **{"from": c["revision_of"]}, to=val(c), revision=True, **base), None

    def contra(r, rule):
        return dict(kind="contradiction", known=val(r), known_source=r["source"], known_file=r["_file"],
                    new=val(c), rule=rule, **base)
    rc = [r for r in known if r["_order"] == c["_order"] and r["source_group"] == c["source_group"]
          and r["_file"] != c["_file"] and not compatible(c, r)]
    if rc:
        return "expected", contra(rc[-1], "c_same_day_same_group"), nf
    if cum:
        ra = [r for r in known if c["high"] < 0.9 * r["low"] and not compatible(c, r)]
        if ra:
            return "expected", contra(ra[-1], "a_cumulative_down"), nf
    rb = [r for r in known if 0 <= days(c["_order"]) - days(r["_order"]) <= 7
          and r["source_group"] != c["source_group"] and not compatible(c, r)]
    if rb:
        return "expected", contra(rb[-1], "b_other_group_7_days"), nf
    return "expected", nf, None


def main(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = data[0]["_meta"]
    vocab, daily = meta["quantity_vocabulary"], set(meta["daily_quantities"])
    kb = {}
    for e in data[1:]:
        e["expected_alerts"], e["optional_alerts"] = [], []
        if e.get("is_negative"):
            continue
        for c in e["claims"]:
            if any(c.get(f) for f in FLAGS):
                continue
            q = c["quantity"]
            cc = dict(c, _file=e["file"], _order=e["order_date"])
            where, alert, nf = judge(cc, q, kb, vocab, daily)
            if alert:
                if alert["kind"] == "contradiction" and c.get("hand_review"):
                    e["optional_alerts"].append(alert)
                    e["expected_alerts"].append(dict(nf, hand_review=c["hand_review"]))
                else:
                    (e["expected_alerts"] if where == "expected" else e["optional_alerts"]).append(alert)
            for aq in c.get("alt_quantities", []):
                w2, a2, _ = judge(cc, aq, kb, vocab, daily)
                if a2:
                    e["optional_alerts"].append(dict(a2, via_alt_quantity=True))
            kb.setdefault((q, c.get("event_date") if q in daily else "story"), []).append(cc)
    claims = [c for e in data[1:] for c in e["claims"]]
    alerts = [a for e in data[1:] for a in e["expected_alerts"]]
    meta["counts"] = {
        "items": len(data) - 1, "negatives": sum(bool(e["is_negative"]) for e in data[1:]),
        "claims": len(claims),
        "claims_flagged": {f: sum(bool(c.get(f)) for c in claims) for f in FLAGS},
        "claims_with_revision_of": sum("revision_of" in c for c in claims),
        "claims_with_hand_review": sum("hand_review" in c for c in claims),
        "expected_alerts": dict(Counter(a["kind"] for a in alerts)),
        "optional_alerts": sum(len(e["optional_alerts"]) for e in data[1:])}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta["counts"], ensure_ascii=False))
    for e in data[1:]:
        for a in e["expected_alerts"]:
            print(e["file"][:44], "EXP", a["kind"][:8], a["quantity"], a.get("event_date", ""), a.get("from", a.get("known", "")),
                  "->", a.get("value", a.get("to", a.get("new"))), a.get("rule", ""), "HR" if "hand_review" in a else "")
        for a in e["optional_alerts"]:
            print(e["file"][:44], "OPT", a["kind"][:8], a["quantity"], a.get("event_date", ""), a.get("to", a.get("new")), a.get("rule", ""))


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "expected.json")
