"""Rule engine cost per article with 1, 10 and 100 topics of 10 quantities each.

Claims are extracted once beforehand, so the figures measure the engine alone: finding
the topics of the article, the quantity of each claim, and the verdict against the
references. Run from the repository root:

    python benchmarks/bench_rules.py [--repeats 5] [--json out.json]

Prints median microseconds per article for each size and the ratio to one topic
(target: 100 topics cost less than 3x one topic).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.claims.extractor import find_claims  # noqa: E402
from monitor.extract import extract_article  # noqa: E402
from monitor.fixtures import read_fixtures  # noqa: E402
from monitor.models import Claim  # noqa: E402
from monitor.rules.engine import Figure, judge  # noqa: E402
from monitor.rules.loader import RuleSet, load_rule_file  # noqa: E402
from monitor.rules.matchers import RuleBook, compile_rules  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "french-pages"
# Words to build other topics from: each synthetic topic watches another story.
SUBJECTS = """inondations séisme grève élections incendie sécheresse migrants vaccins
pesticides pêche retraites logement nucléaire éolien chômage inflation dette budget
cyberattaque espionnage narcotrafic prisons hôpitaux école université police armée
marine aviation satellites drones frontières réfugiés otages sanctions embargo pétrole
gaz charbon blé riz engrais eau forêts glaciers ours loups abeilles oiseaux baleines
coraux cyclones tempêtes canicule famine choléra rougeole grippe paludisme tuberculose
mines sous-marins chars missiles obus blindés radars navires ports autoroutes trains
tramways vélos trottinettes voitures camions avions aéroports tunnels ponts barrages""".split()
PLACES = """Mali Niger Tchad Soudan Libye Syrie Irak Iran Yémen Liban Israël Gaza Arménie
Azerbaïdjan Géorgie Moldavie Serbie Kosovo Bosnie Haïti Venezuela Colombie Pérou Bolivie
Chili Argentine Brésil Mexique Cuba Nicaragua Honduras Guatemala Birmanie Laos Cambodge
Thaïlande Philippines Indonésie Taïwan Tibet Népal Bangladesh Pakistan Afghanistan
Ouzbékistan Kazakhstan Mongolie Éthiopie Somalie Kenya Ouganda Rwanda Burundi Congo Gabon
Cameroun Nigeria Ghana Togo Bénin Sénégal Guinée Mauritanie Algérie Maroc Tunisie Égypte
Jordanie Qatar Oman Koweït Bahreïn Chypre Malte Islande Groenland Norvège Finlande Suède
Estonie Lettonie Lituanie Pologne Hongrie Roumanie Bulgarie Grèce Turquie Albanie Croatie""".split()
NOUNS = "personne victime habitant soldat civil enfant réfugié blessé mort maison".split()
PREDICATES = "tuer blesser évacuer déplacer arrêter recenser détruire toucher".split()


def synthetic_rules(count: int, folder: Path) -> RuleBook:
    """The seed topic plus ``count - 1`` other topics of 10 quantities each."""
    paths = [ROOT / "rules" / "coree-du-nord-russie.yaml"]
    for index in range(count - 1):
        subject = SUBJECTS[index % len(SUBJECTS)]
        place = PLACES[index % len(PLACES)]
        rules = {
            "topic": {
                "id": f"topic-{index}",
                "title": f"{subject} {place}",
                "match": {"all": [[subject, f"{subject} record"], [place, f"{place} centre"]]},
            },
            "quantities": [
                {
                    "id": f"q{q}",
                    "label": f"quantité {q}",
                    "kind": "cumulative",
                    "nouns": [NOUNS[(index + q) % len(NOUNS)], f"{subject} {q}"],
                    "predicates": [PREDICATES[(index + q) % len(PREDICATES)]],
                }
                for q in range(10)
            ],
        }
        path = folder / f"topic-{index:03d}.yaml"
        path.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    rule_sets: list[RuleSet] = []
    for path in paths:
        rule_set, problems = load_rule_file(path)
        assert rule_set is not None, problems
        rule_sets.append(rule_set)
    return compile_rules(rule_sets)


def articles() -> list[tuple[str, str | None]]:
    texts = [
        (item.article.text, item.article.title)
        for item in read_fixtures([ROOT / "seeds"])
        if item.article
    ]
    for path in sorted(CORPUS.glob("*.html")):
        try:
            page = extract_article(path.read_bytes())
        except ValueError:
            continue
        texts.append((page.text, page.title))
    return texts


def engine_pass(book: RuleBook, article: tuple[str, str | None], claims: list[Claim]) -> int:
    """What the pipeline asks of the engine for one article, without the database."""
    text, title = article
    raised = 0
    topics = book.topics_for(f"{title or ''}\n{text}")
    references: dict[tuple[str, str], list[Figure]] = {}
    for claim in claims:
        for topic in topics:
            quantity = book.quantity_for(topic, claim)
            if quantity is None:
                continue
            figure = Figure(claim.low, claim.high, claim.qualifier, claim.value, claim.source)
            seen = references.setdefault((topic.id, quantity.id), [])
            verdict = judge(
                figure, seen, cumulative=quantity.spec.kind == "cumulative", alerting=topic.alerting
            )
            raised += verdict is not None
            seen.append(figure)
    return raised


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    import tempfile

    corpus = articles()
    books = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in options.sizes.split(",")):
            books[size] = synthetic_rules(size, Path(folder))
    lexicon = books[max(books)].lexicon
    claims = [find_claims(text, title=title, lexicon=lexicon) for text, title in corpus]
    timings: dict[int, list[float]] = {size: [] for size in books}
    for book in books.values():  # warm-up, untimed
        for article, found in zip(corpus, claims, strict=True):
            engine_pass(book, article, found)
    sizes = list(books)
    for repeat in range(options.repeats):
        # Interleaved and rotated, so noise and warm-up hit every size alike.
        for size in sizes[repeat % len(sizes) :] + sizes[: repeat % len(sizes)]:
            book = books[size]
            start = time.perf_counter()
            for article, found in zip(corpus, claims, strict=True):
                engine_pass(book, article, found)
            timings[size].append((time.perf_counter() - start) / len(corpus))
    base = statistics.median(timings[min(timings)])
    results = []
    print(f"engine cost per article, {len(corpus)} articles, median of {options.repeats}")
    print(f"{'topics':>8} {'quantities':>11} {'µs/article':>12} {'ratio':>7}")
    for size, values in timings.items():
        median = statistics.median(values)
        quantities = sum(len(topic.quantities) for topic in books[size].topics)
        ratio = median / base
        results.append(
            {
                "topics": size,
                "quantities": quantities,
                "us_per_article": median * 1e6,
                "ratio": ratio,
            }
        )
        print(f"{size:>8} {quantities:>11} {median * 1e6:>12.1f} {ratio:>7.2f}")
    print("target: 100 topics < 3.00x one topic")
    if options.json:
        options.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
