#!/usr/bin/env python3
"""Compute expected_alerts / optional_alerts of expected.json mechanically from the annotated claims,
and (re)write the _meta element (vocabulary, source groups, conventions, counts).

Adapted from maroc-seisme-2023/build_alerts.py; the only change is per-event keys: a claim carrying
"event" (rainfall over one stated window, interventions or evacuations of one stated night/day, the
communes added by one arrêté) is compared only with known claims of the same quantity AND the same
event; claims without "event" share one key per quantity.

Rules (in order, first that fires), for each unflagged claim C of quantity q, KB[q, event] = earlier known claims:
 1 KB empty -> expected new_quantity
 2 C matches a claim of KB (intervals within 10 % of the larger) -> nothing
 3 C open-ended and bound_ok with some P -> optional new_figure
 4 C has revision_of -> expected new_figure (revision)
 5 (c) a known claim R, same order_date, same source_group, another item, not compatible -> contradiction
 6 (a) cumulative q and some R with C.high < 0.9 R.low, not compatible -> contradiction
 7 (b) a known claim R with 0 <= days(C) - days(R) <= 7, other source_group, not compatible -> contradiction
 8 otherwise new_figure (from = largest high if cumulative, latest otherwise)
Flagged claims (vague, historical, hypothetical, negated) raise nothing and are not stored. No fixtures.
alt_quantities: same procedure on the alternative quantity, without storing; results are optional.
Hand review: a claim carrying "hand_review" whose mechanical result is a rule-c or rule-b contradiction gets an
expected new_figure instead (with the reason), the mechanical contradiction being kept as optional.
Usage: python3 build_alerts.py [expected.json]   (rewrites the file in place)
"""
import collections
import datetime as dt
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
FLAGS = ("vague", "historical", "hypothetical", "negated")

# quantity -> (cumulative, unit, definition); decided before the reports were read (see README), the
# per-event and per-department splits were made finer while annotating (scoring is by figure value).
VOCAB = {
 "communes_flooded": (True, "count", "Communes of the Pas-de-Calais touched by the November 2023 floods since the start of the episode ('touchées', 'concernées', 'impactées', 'ont été ou sont encore touchées'); only rises."),
 "communes_catnat": (True, "count", "Communes of the Nord and the Pas-de-Calais together recognised (or announced as recognised) in état de catastrophe naturelle for the autumn 2023 floods; only rises."),
 "communes_catnat_pdc": (True, "count", "Same, Pas-de-Calais only."),
 "communes_catnat_nord": (True, "count", "Same, Nord only."),
 "communes_catnat_requested": (False, "count", "Communes that have applied for catastrophe-naturelle recognition (Pas-de-Calais)."),
 "communes_catnat_added": (False, "count", "Communes (Nord + Pas-de-Calais) added by one catastrophe-naturelle arrêté; per event = the arrêté."),
 "communes_catnat_added_pdc": (False, "count", "Pas-de-Calais communes added by one arrêté; per event = the arrêté."),
 "communes_catnat_added_nord": (False, "count", "Nord communes added by one arrêté; per event = the arrêté."),
 "homes_flooded": (True, "count", "Dwellings flooded or damaged by the water in the Pas-de-Calais (or Nord + Pas-de-Calais when a prefecture total says so): 'habitations touchées / impactées / endommagées', 'maisons d'habitation'; only rises."),
 "people_affected": (False, "count", "People affected: 'sinistrés', 'habitants concernés' (department or region-wide)."),
 "people_evacuated": (True, "count", "People evacuated (or evacuations carried out) since 6 November, department-wide; only rises."),
 "people_evacuated_period": (False, "count", "Evacuations carried out during one stated night or day, department-wide; per event = that night/day."),
 "rescuers_deployed": (False, "count", "Firefighters, rescuers and other rescue staff mobilised on the floods (a state at a time)."),
 "soldiers_deployed": (False, "count", "Soldiers (armed forces, military units of the sécurité civile) deployed on the floods. No claim in this set."),
 "firefighter_interventions": (True, "count", "Firefighter interventions since the start of the floods (6 Nov), department-wide; only rises."),
 "firefighter_interventions_period": (False, "count", "Firefighter interventions during one stated night/day/half-day; per event = that window."),
 "pumps_deployed": (False, "count", "High-capacity pumps installed or running (all owners), Nord + Pas-de-Calais."),
 "pumps_netherlands": (False, "count", "Pumps sent by the Netherlands."),
 "insured_cost_eur": (False, "EUR", "Estimated cost of the floods for insurance (catastrophe-naturelle regime), euros; an estimate that can be revised either way."),
 "claims_filed": (True, "count", "Insurance claim files opened for the floods ('dossiers de sinistre', 'déclarations'); only rises."),
 "state_aid_eur": (False, "EUR", "State aid announced for the flooded communes / victims (fund, envelope), euros."),
 "local_aid_eur": (False, "EUR", "Funds voted by the Département / Région, euros."),
 "franchise_aid_household_eur": (False, "EUR", "Département + Région aid per household covering the insurance franchise, euros per household."),
 "public_damage_eur": (False, "EUR", "Damage to public property (communes' buildings and roads together), euros."),
 "communes_damage_eur": (False, "EUR", "Damage recorded by the stricken communes and their groupings (public buildings), euros."),
 "road_damage_eur": (False, "EUR", "Damage to the departmental road network (cost of repair), euros."),
 "rainfall_mm": (False, "mm", "Rain accumulation in millimetres over one stated window (an hour, 24 h, a month, a forecast period); per event = the window."),
 "schools_closed": (False, "count", "Schools closed (écoles, or all establishments when the item gives one total)."),
 "secondary_schools_closed": (False, "count", "Collèges and lycées closed, when given apart from the écoles."),
 "communes_schools_closed": (False, "count", "Communes where schools and crèches were ordered closed."),
}


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


def key(q, c):
    return (q, c.get("event"))


def judge(c, q, kb, cumulative):
    """Return (kind, expected?, payload, alternative new_figure) or None."""
    known = kb.get(key(q, c), [])
    base = {"quantity": q, "source": c["source"], "text_span": c["text_span"]}
    if c.get("event"):
        base["event"] = c["event"]
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
        return ("contradiction", True, contra(rb[-1], "b_other_group_7_days"), nf)
    return ("new_figure", True, nf, None)


def meta(data):
    claims = [c for e in data[1:] for c in e["claims"]]
    exp = [a for e in data[1:] for a in e["expected_alerts"]]
    return {
     "description": "Development timeline: French news items on the floods in the Pas-de-Calais and the Nord (storms Ciaran and Domingos, then weeks of rain; the Aa, the Liane, the Canche), 7 Nov - 28 Dec 2023, plus near-miss negatives. Elements after this one are items in processing order (sorted by file name). Skip this element (it has no 'file').",
     "topic_rules": "rules/inondations-pas-de-calais-2023.yaml (written before the items; known: [])",
     "quantity_vocabulary": {q: {"cumulative": v[0], "unit": v[1], "definition": v[2]} for q, v in VOCAB.items()},
     "qualifiers": ["approx", "at_least", "more_than", "at_most", "exact", "range"],
     "vague_ranges": {"des dizaines de millions d'euros": [20000000, 99000000]},
     "source_groups": {
      "STATE": "French State: préfecture du Pas-de-Calais and its préfet Jacques Billant, préfecture de région Hauts-de-France / du Nord, the President, the Prime Minister and ministers (Darmanin, Béchu, Le Maire), the Journal officiel's catastrophe-naturelle arrêtés, the gendarmerie; also a consultancy's digest explicitly quoting the prefectures",
      "LOCAL": "local authorities and elected officials: conseil départemental (Jean-Claude Leroy, its vice-presidents, the assembly), conseil régional (Xavier Bertrand, Franck Dhersin), mayors",
      "INSURERS": "France Assureurs, the Caisse centrale de réassurance (CCR), insurers",
      "METEO": "Météo-France, Vigicrues",
      "UNATTRIBUTED": "figure given without attribution (source 'non attribué')"},
     "flags": {
      "vague": "nominal ranges (des dizaines de millions d'euros -> [20 M, 99 M])",
      "historical": "explicitly an earlier statement made more than 7 days before the item (the first arrêté's 205/181/24 recalled in December)",
      "hypothetical": "rain forecasts ('attendus', 'pourrait apporter')",
      "negated": "a figure the item reports as denied (none in this set)"},
     "event": "claims of per-event quantities (rainfall_mm, *_period, communes_catnat_added*) carry 'event' (the window, night/day or arrêté); alerts compare a claim only with known claims of the same quantity and the same event",
     "conventions": [
      "A claim is a figure in the body (never the title) that counts something of the Pas-de-Calais/Nord floods of November-December 2023 and fits the vocabulary; each mention annotated once; text_span exact and unique in the file.",
      "Department-wide (or Nord + Pas-de-Calais) figures only: figures for a single commune (120 évacuations à Blendecques, 85 personnes évacuées, 80 habitants hébergés, six habitations) or a single basin or part of a total (67 écoles du bassin de l'Aa, 28 pompes aux exutoires, 18 à Mardyck, the CCR's 275 M€ share) are not annotated.",
      "Not annotated: injured ('blessés': not in the vocabulary decided up front), shops, firms and farms, households without power or drinking water, river heights, pump flows (m³/h), dates, durations, percentages, unit numbers (escadrons 19/9 et 13/9), a resident's own spending, figures of other events (2022 hail and drought, storms Ciaran and Domingos wind damage 1,3 milliard, Tuscany, Belgium, the 2019 Liane flood).",
      "Catastrophe naturelle: totals are split by scope (Nord + Pas-de-Calais, Pas-de-Calais, Nord); the increments of one arrêté are separate per-event quantities; announced figures (Macron's 244) count as claims.",
      "Rain forecasts are annotated with hypothetical: true; measured accumulations are claims, each window its own event.",
      "'une soixantaine', 'une trentaine', 'une cinquantaine', 'une vingtaine', 'près de', 'environ' -> approx with the nominal figure; 'pas moins de' -> at_least; 'plus de' -> more_than."],
     "fixture_claims_known_at_start": [],
     "alert_rules": "README.md 'Rules for expected alerts' and build_alerts.py (tolerance 10 %, rules a/b/c, per-event keys, no fixtures; four hand reviews of rule-b/c contradictions)",
     "counts": {"items": len(data) - 1, "negatives": sum(e["is_negative"] for e in data[1:]), "claims": len(claims),
                "expected_alerts": dict(collections.Counter(a["kind"] for a in exp)),
                "optional_alerts": sum(len(e["optional_alerts"]) for e in data[1:])},
    }


def main(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    kb = {}
    for e in data[1:]:
        e["expected_alerts"], e["optional_alerts"] = [], []
        if e.get("is_negative"):
            continue
        for c in e["claims"]:
            assert c["quantity"] in VOCAB, c["quantity"]
            c["unit"] = VOCAB[c["quantity"]][1]
            if any(c.get(f) for f in FLAGS):
                continue
            cc = dict(c, _file=e["file"], _order=e["order_date"])
            res = judge(cc, c["quantity"], kb, VOCAB[c["quantity"]][0])
            if res:
                kind, expected, alert, alt_nf = res
                if expected and kind == "contradiction" and alert["rule"] != "a_cumulative_down" and c.get("hand_review"):
                    e["optional_alerts"].append(alert)
                    e["expected_alerts"].append(dict(alt_nf, hand_review=c["hand_review"]))
                else:
                    (e["expected_alerts"] if expected else e["optional_alerts"]).append(alert)
            for aq in c.get("alt_quantities", []):
                r2 = judge(cc, aq, kb, VOCAB[aq][0])
                if r2:
                    e["optional_alerts"].append(dict(r2[2], via_alt_quantity=True))
            kb.setdefault(key(c["quantity"], c), []).append(cc)
    # unit for flagged claims too
    for e in data[1:]:
        for c in e["claims"]:
            c["unit"] = VOCAB[c["quantity"]][1]
    data[0] = {"_meta": meta(data)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data[0]["_meta"]["counts"]))
    for e in data[1:]:
        for a in e["expected_alerts"]:
            print(e["file"][:40], "EXP", a["kind"], a["quantity"], a.get("from", a.get("known", "")), "->",
                  a.get("value", a.get("to", a.get("new"))), a.get("rule", ""), "HR" if "hand_review" in a else "")
        for a in e["optional_alerts"]:
            print(e["file"][:40], "OPT", a["kind"], a["quantity"], a.get("value", a.get("to", a.get("new"))), a.get("rule", ""),
                  "alt" if a.get("via_alt_quantity") else "")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "expected.json")
