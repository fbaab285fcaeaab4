#!/usr/bin/env python3
"""Compute expected_alerts / optional_alerts of expected.json mechanically from the annotated claims.

Rules (in order, first that fires), for each unflagged claim C of quantity q, KB[q] = earlier known claims:
 1 KB empty -> expected new_quantity
 2 C matches a claim of KB[q] (intervals within 10 % of the larger) -> nothing
 3 C open-ended and bound_ok with some P -> optional new_figure
 4 C has revision_of -> expected new_figure (revision)
 5 (c) an item claim R, same order_date, same source_group, another item, not compatible -> contradiction
 6 (a) cumulative q and some R with C.high < 0.9 R.low, not compatible -> contradiction
 7 (b) an item claim R with 0 <= days(C) - days(R) <= 7, other source_group, not compatible -> contradiction
 8 otherwise new_figure (from = largest high if cumulative, latest otherwise)
Flagged claims (vague, historical, hypothetical, negated) raise nothing and are not stored. No fixtures.
alt_quantities: same procedure on the alternative quantity, without storing; results are optional.
Hand review: a claim carrying "hand_review" whose mechanical result is a rule-c contradiction gets an expected
new_figure instead (with the reason), the mechanical contradiction being kept as optional.
Shared by the stories whose build_alerts.py calls it.
Usage: python3 build_alerts.py STORY/expected.json   (rewrites the file in place)
"""
import datetime as dt
import json
import pathlib
import sys

FLAGS = ("vague", "historical", "hypothetical", "negated")


def val(c):
    return c["low"] if c["low"] == c["high"] else [c["low"], c["high"]]


def match(c, p):
    gap = max(0, max(c["low"], p["low"]) - min(c["high"], p["high"]))
    return gap <= 0.10 * max(c["high"], p["high"])


def open_above(c):
    return c["qualifier"] in ("at_least", "more_than")


def open_below(c):
    return c["qualifier"] == "at_most"


def bound_ok(c, p):
    return (open_above(c) and p["high"] >= 0.9 * c["low"]) or (open_below(c) and p["low"] <= 1.1 * c["high"])


def compatible(c, p):
    return (match(c, p) or bound_ok(c, p) or (open_above(p) and c["high"] >= 0.9 * p["low"])
            or (open_below(p) and c["low"] <= 1.1 * p["high"]))


def days(d):
    return dt.date.fromisoformat(d).toordinal()


def judge(c, q, kb, cumulative):
    """Return (kind, expected?, payload) or None."""
    known = kb.get(q, [])
    base = {"quantity": q, "source": c["source"], "text_span": c["text_span"]}
    if not known:
        return ("new_quantity", True, dict(kind="new_quantity", value=val(c), **base), None)
    if any(match(c, p) for p in known):
        return None
    latest = known[-1]
    frm = max(known, key=lambda p: p["high"]) if cumulative else latest
    if (open_above(c) or open_below(c)) and any(bound_ok(c, p) for p in known):
        return ("new_figure", False, dict(kind="new_figure", **{"from": val(latest)}, to=val(c), **base), None)
    if "revision_of" in c:
        return ("new_figure", True, dict(kind="new_figure", **{"from": c["revision_of"]}, to=val(c), revision=True, **base), None)

    def contra(r, rule):
        return dict(kind="contradiction", known=val(r), known_source=r["source"], known_file=r["_file"],
                    new=val(c), rule=rule, **base)
    rc = [r for r in known if r["_order"] == c["_order"] and r["source_group"] == c["source_group"]
          and r["_file"] != c["_file"] and not compatible(c, r)]
    nf = dict(kind="new_figure", **{"from": val(frm)}, to=val(c), **base)
    if rc:
        return ("contradiction", True, contra(rc[-1], "c_same_day_same_group"), nf)
    if cumulative:
        ra = [r for r in known if c["high"] < 0.9 * r["low"] and not compatible(c, r)]
        if ra:
            return ("contradiction", True, contra(ra[-1], "a_cumulative_down"), None)
    rb = [r for r in known if 0 <= days(c["_order"]) - days(r["_order"]) <= 7
          and r["source_group"] != c["source_group"] and not compatible(c, r)]
    if rb:
        return ("contradiction", True, contra(rb[-1], "b_other_group_7_days"), None)
    return ("new_figure", True, nf, None)


def main(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    vocab = data[0]["_meta"]["quantity_vocabulary"]
    kb = {}
    for e in data[1:]:
        e["expected_alerts"], e["optional_alerts"] = [], []
        if e.get("is_negative"):
            continue
        for c in e["claims"]:
            assert c["quantity"] in vocab, c["quantity"]
            if any(c.get(f) for f in FLAGS):
                continue
            cc = dict(c, _file=e["file"], _order=e["order_date"])
            res = judge(cc, c["quantity"], kb, vocab[c["quantity"]]["cumulative"])
            if res:
                kind, expected, alert, alt_nf = res
                if expected and kind == "contradiction" and alert["rule"] == "c_same_day_same_group" and c.get("hand_review"):
                    e["optional_alerts"].append(alert)
                    e["expected_alerts"].append(dict(alt_nf, hand_review=c["hand_review"]))
                else:
                    (e["expected_alerts"] if expected else e["optional_alerts"]).append(alert)
            for aq in c.get("alt_quantities", []):
                r2 = judge(cc, aq, kb, vocab[aq]["cumulative"])
                if r2:
                    a = dict(r2[2], via_alt_quantity=True)
                    e["optional_alerts"].append(a)
            kb.setdefault(c["quantity"], []).append(cc)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    # summary
    for e in data[1:]:
        for a in e["expected_alerts"]:
            print(e["file"], "EXP", a["kind"], a["quantity"], a.get("value", a.get("to", a.get("new"))),
                  a.get("rule", ""), "HR" if "hand_review" in a else "")
        for a in e["optional_alerts"]:
            print(e["file"], "OPT", a["kind"], a["quantity"], a.get("value", a.get("to", a.get("new"))), a.get("rule", ""))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_alerts.py STORY/expected.json")
    main(pathlib.Path(sys.argv[1]))
