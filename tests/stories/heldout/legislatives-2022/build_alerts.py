#!/usr/bin/env python3
"""Compute expected_alerts / optional_alerts of expected.json mechanically from the annotated claims,
per event: a claim is compared only with known claims of the same quantity AND the same event
("T1" = first round of 12 June 2022 and the seat projections made from it until the eve of the second
round; "T2" = second round of 19 June 2022 and that night's estimates; "ALL" = the absolute-majority
threshold, one key for the whole election). Adapted from maroc-seisme-2023/build_alerts.py (rules) and
retraites-2023/build_alerts.py (event keys).

Rules (in order, first that fires), for each unflagged claim C of quantity q, KB[q, event] = earlier known claims:
 1 KB empty -> expected new_quantity
 2 C matches a claim of KB (intervals within 10 % of the larger) -> nothing
 3 C open-ended and bound_ok with some P -> optional new_figure
 4 C has revision_of -> expected new_figure (revision)
 5 (c) a claim R of another item, same order_date, same source_group, not compatible -> contradiction
 6 (a) cumulative q and some R with C.high < 0.9 R.low, not compatible -> contradiction
 7 (b) a claim R with 0 <= days(C) - days(R) <= 7, other source_group, not compatible -> contradiction
 8 otherwise new_figure (from = largest high if cumulative, latest otherwise)
Flagged claims (vague, historical, hypothetical, negated) raise nothing and are not stored. No fixtures.
alt_quantities: same procedure on the alternative quantity (same event), without storing; results are optional.
Hand review: a claim carrying "hand_review" whose mechanical result is a rule-c contradiction gets an expected
new_figure instead (with the reason), the mechanical contradiction being kept as optional (none in this story).
Usage: python3 build_alerts.py [expected.json]   (rewrites the file in place, _meta included)
"""
import datetime as dt
import json
import pathlib
import sys
from collections import Counter

HERE = pathlib.Path(__file__).resolve().parent
FLAGS = ("vague", "historical", "hypothetical", "negated")

# quantity -> (cumulative, unit, definition)
VOCAB = {
 "turnout_midday": (False, "percent", "Turnout (participation) at 12h of one round, metropolitan France, as published by the interior ministry (% of registered voters)."),
 "turnout_17h": (False, "percent", "Turnout at 17h of one round (% of registered voters)."),
 "turnout_final": (False, "percent", "Final turnout of one round (% of registered voters): the ministry's result or a pollster's election-day estimate of it (pre-vote forecasts are hypothetical)."),
 "abstention": (False, "percent", "Final abstention rate of one round (% of registered voters): the ministry's result or a pollster's election-day estimate of it."),
 "abstainers": (False, "count", "Number of registered voters who did not vote in one round."),
 "registered_voters": (False, "count", "Registered voters called to vote in one round (électeurs inscrits / appelés aux urnes)."),
 "candidates": (False, "count", "Number of candidates standing nationwide in one round."),
 "elected_first_round": (False, "count", "Deputies elected outright in the first round."),
 "qualified_ensemble": (False, "count", "Constituencies where an Ensemble candidate qualified for the second round."),
 "qualified_nupes": (False, "count", "Constituencies where a NUPES candidate qualified for the second round."),
 "qualified_rn": (False, "count", "Constituencies where an RN candidate qualified for the second round."),
 "qualified_right_bloc": (False, "count", "Constituencies where a candidate of LR and its allies (UDI, divers droite) qualified for the second round."),
 "duels_total": (False, "count", "Number of two-candidate second-round contests (duels)."),
 "duels_ensemble_nupes": (False, "count", "Second-round duels between Ensemble and NUPES."),
 "duels_ensemble_rn": (False, "count", "Second-round duels between Ensemble and RN."),
 "duels_nupes_rn": (False, "count", "Second-round duels between NUPES and RN."),
 "triangulaires": (False, "count", "Second-round three-candidate contests (triangulaires)."),
 "vote_share_ensemble": (False, "percent", "Ensemble's national share of the votes cast in one round (result or election-day estimate; pre-vote polls are hypothetical)."),
 "vote_share_nupes": (False, "percent", "NUPES's national share of the votes cast in one round (official, party or media count, or estimate)."),
 "vote_share_rn": (False, "percent", "RN's national share of the votes cast in one round."),
 "vote_share_lr": (False, "percent", "Les Républicains' national share of the votes cast, as the item words it ('LR', 'Les Républicains')."),
 "vote_share_right_bloc": (False, "percent", "National share of LR and allies (LR-UDI, LR/UDI/DVD, 'LR et alliés', 'bloc de droite')."),
 "votes_ensemble": (False, "count", "Number of votes for Ensemble candidates nationwide in one round."),
 "votes_nupes": (False, "count", "Number of votes for NUPES candidates nationwide in one round (official or NUPES's own count)."),
 "votes_rn": (False, "count", "Number of votes for RN candidates nationwide in one round."),
 "votes_lr": (False, "count", "Number of votes for LR candidates nationwide in one round."),
 "seats_ensemble": (False, "count", "Seats won by Ensemble (final results)."),
 "seats_nupes": (False, "count", "Seats won by NUPES (final results; official, AFP or media count)."),
 "seats_rn": (False, "count", "Seats won by the RN (final results; a party's stated target is hypothetical)."),
 "seats_lr": (False, "count", "Seats won by Les Républicains alone (final results)."),
 "seats_right_bloc": (False, "count", "Seats won by LR with UDI and divers droite (final results)."),
 "seats_proj_ensemble": (False, "count", "Pollsters' seat projection or election-night seat estimate for Ensemble (range). Event T1: made after the first round (or before it: hypothetical); T2: estimates of the second-round night."),
 "seats_proj_nupes": (False, "count", "Pollsters' seat projection / estimate for NUPES (same events as seats_proj_ensemble)."),
 "seats_proj_rn": (False, "count", "Pollsters' seat projection / estimate for the RN."),
 "seats_proj_lr": (False, "count", "Pollsters' seat projection / estimate for LR and allies (as each pollster defines the bloc: LR-UDI, LR/UDI/DVD)."),
 "majority_threshold": (False, "count", "Seats needed for an absolute majority in the 577-seat Assembly (289); event ALL."),
}

HAND_REVIEW = {}   # none


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
    """Return (kind, expected?, payload, alt_new_figure) or None."""
    known = kb.get((q, c["event"]), [])
    base = {"quantity": q, "event": c["event"], "source": c["source"], "text_span": c["text_span"]}
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


def meta(data):
    claims = [c for e in data[1:] for c in e["claims"]]
    alerts = [a for e in data[1:] for a in e["expected_alerts"]]
    return {
     "description": "Development timeline: French news items on the French legislative elections of 12 and 19 June 2022 (10-21 June 2022) plus near-miss negatives. Elements after this one are items in processing order (sorted by file name). Skip this element (it has no 'file').",
     "topic_rules": "rules/legislatives-2022.yaml (written before the items; known: [])",
     "quantity_vocabulary": {q: {"cumulative": v[0], "unit": v[1], "definition": v[2]} for q, v in VOCAB.items()},
     "qualifiers": ["approx", "at_least", "more_than", "at_most", "exact", "range"],
     "source_groups": {
      "INTERIOR": "ministère de l'Intérieur / place Beauvau (official turnout and results), including its figures as quoted by others",
      "IPSOS": "Ipsos-Sopra Steria, and estimates broadcast by France 2 / France Télévisions (Ipsos is their pollster)",
      "IFOP": "Ifop-Fiducial and its staff (Frédéric Dabi), and estimates broadcast by TF1 / LCI",
      "ELABE": "Elabe, and counts/estimates of BFMTV (Elabe is its pollster)",
      "HARRIS": "Harris Interactive-Toluna (M6/RTL, Challenges)",
      "OPINIONWAY": "OpinionWay",
      "POLLSTERS": "several institutes together ('cinq instituts', 'les instituts', 'les estimations') or an unnamed institute",
      "NUPES": "the NUPES alliance and its leaders (Manuel Bompard)",
      "MEDIA": "an outlet's own count (Le Monde, franceinfo's calculations, AFP's count)",
      "UNATTRIBUTED": "figure given without attribution (including the 289-seat threshold and a party's stated target)"},
     "flags": {"historical": "figure presented as stated more than 7 days earlier (none: earlier elections are other events, not annotated)",
               "hypothetical": "pre-vote polls (voting intentions, seat projections, turnout forecasts published before the round) and a party's seat target",
               "vague": "nominal ranges ('plusieurs dizaines' = [20, 99])",
               "negated": "denied figure (none in this set)"},
     "event": "every claim carries event: 'T1' (first round, 12 June; seat projections made after it until the eve of the second round, and pre-vote polls), 'T2' (second round, 19 June; that night's seat estimates; final seats), 'ALL' (majority threshold). Alerts compare a claim only with claims of the same quantity and the same event. A figure of the other round recalled <= 7 days later keeps its own event and is not historical.",
     "conventions": "Seat projections/estimates are their own quantities (seats_proj_*), never compared with seats won. Election-day estimates of turnout, abstention and vote shares are compared with the official figures of the same quantity. Figures of other elections (2017 legislative, 2022 presidential, 2018 Italy) and of single constituencies, towns or departments are not claims. Differences between two figures ('0,4 point', '21 000 voix d'avance', '300 000 suffrages de plus') are not claims.",
     "fixture_claims_known_at_start": [],
     "alert_rules": "README.md 'Rules for expected alerts' (tolerance 10 %, rules 1-8, keyed by quantity and event); computed by build_alerts.py",
     "counts": {"items": len(data) - 1, "reports": sum(not e["is_negative"] for e in data[1:]),
                "negatives": sum(e["is_negative"] for e in data[1:]), "claims": len(claims),
                "claims_flagged": dict(Counter(f for c in claims for f in FLAGS if c.get(f))),
                "expected_alerts": dict(Counter(a["kind"] for a in alerts)),
                "optional_alerts": sum(len(e["optional_alerts"]) for e in data[1:])}}


def main(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    kb = {}
    for e in data[1:]:
        e["expected_alerts"], e["optional_alerts"] = [], []
        if e.get("is_negative"):
            continue
        for c in e["claims"]:
            assert c["quantity"] in VOCAB, c["quantity"]
            assert c.get("event") in ("T1", "T2", "ALL"), c
            if any(c.get(f) for f in FLAGS):
                continue
            cc = dict(c, _file=e["file"], _order=e["order_date"])
            res = judge(cc, c["quantity"], kb, VOCAB[c["quantity"]][0])
            if res:
                kind, expected, alert, alt_nf = res
                if expected and kind == "contradiction" and alert["rule"] == "c_same_day_same_group" and c.get("hand_review"):
                    e["optional_alerts"].append(alert)
                    e["expected_alerts"].append(dict(alt_nf, hand_review=c["hand_review"]))
                else:
                    (e["expected_alerts"] if expected else e["optional_alerts"]).append(alert)
            for aq in c.get("alt_quantities", []):
                r2 = judge(cc, aq, kb, VOCAB[aq][0])
                if r2:
                    e["optional_alerts"].append(dict(r2[2], via_alt_quantity=True))
            kb.setdefault((c["quantity"], c["event"]), []).append(cc)
    data[0] = {"_meta": meta(data)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data[0]["_meta"]["counts"]))
    for e in data[1:]:
        for a in e["expected_alerts"]:
            print(e["file"][:40], "EXP", a["kind"], a["quantity"], a["event"], a.get("known", a.get("from", "")), "->",
                  a.get("value", a.get("to", a.get("new"))), a.get("rule", ""), a["source"])
        for a in e["optional_alerts"]:
            print(e["file"][:40], "OPT", a["kind"], a["quantity"], a["event"], a.get("value", a.get("to", a.get("new"))), a.get("rule", ""))


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "expected.json")
