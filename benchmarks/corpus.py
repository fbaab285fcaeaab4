"""A reproducible French news corpus for the benchmarks: seeded, deterministic, offline.

    python benchmarks/corpus.py --articles N --seed S --out DIR [--formats txt,html,jsonl,site]
                                [--base-url http://127.0.0.1:8000]

The same ``--articles`` and ``--seed`` always give the same bytes. The mix:

- about 80 % off-topic French news (sport, local budgets, economy, weather, road accidents,
  elections, health, schools, courts, culture, transport, farming, housing, world news),
  each article several paragraphs drawn from a pool of templates filled with fresh figures
  (scores, euros, percentages, dates, ages...), so no two articles are alike;
- about 10 % on-topic articles (North Korean troops and weapons sent to Russia), derived
  from the seed articles in ``seeds/``: a lead paragraph stating a figure with a varied
  source, qualifier ("environ", "au moins", "jusqu'à", ranges...) and number format
  (``11 000`` with a space, U+00A0 or U+202F, ``11.000``, ``11000``, ``onze mille``), then
  seed paragraphs whose figures are changed and re-formatted the same way;
- about 10 % syndicated copies: the same title and text as an earlier article, published
  a few hours later by another outlet under another URL.

Formats written under ``--out`` (each optional):

``txt/``
    ``NNNNNN-slug.txt`` (title on the first line, then one paragraph per line) and an
    ``index.yaml`` whose ``documents`` give per ``file``: ``date``, ``title``, ``url``,
    ``outlet``, ``on_topic`` and ``copy_of`` (the file of the original, or null), as
    ``monitor replay`` reads it.
``html/``
    ``NNNNNN-slug.html``: a full page as outlets publish them (cookie banner, header and
    navigation, breadcrumb, share buttons, related links, newsletter box, readers'
    comments, footer, inline styles and scripts, JSON-LD metadata), the article body in
    ``<article>``; plus the same ``index.yaml``. ``monitor.extract.extract_article`` reads
    back the article text exactly.
``articles.jsonl``
    One object per line: ``url``, ``title``, ``published``, ``text``, ``outlet``,
    ``language``, ``on_topic``, ``copy_of`` (the URL of the original, or null).
``site/``
    A static news site to serve over HTTP (the crawl benchmark's fixture), rooted at
    ``--base-url``:

    - ``site/index.html``: links to every feed;
    - ``site/robots.txt``: everything allowed;
    - ``site/feeds/<outlet>.xml``: one RSS 2.0 feed per outlet (``<outlet>`` is the outlet's
      slug, e.g. ``le-veilleur``), every article of the outlet, newest first; each
      ``<item>`` has ``title``, ``link`` and ``guid`` (the absolute URL
      ``<base-url>/articles/<slug>.html``), ``pubDate`` (RFC 822) and ``description``;
    - ``site/articles/<slug>.html``: the article pages (same markup as ``html/``), their
      canonical link being their URL on the site.

    Links are absolute: serve ``site/`` at ``--base-url``, or call :func:`write_site` with
    the server's URL once its port is known.

The module also holds the synthetic rule topics of the rule-scaling benchmark
(:func:`synthetic_rules`).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.rules.loader import RuleSet, load_rule_file  # noqa: E402
from monitor.rules.matchers import RuleBook, compile_rules  # noqa: E402

SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
FORMATS = ("txt", "html", "jsonl", "site")
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
START = datetime(2024, 10, 1, 6, 0, tzinfo=UTC)
SPAN = timedelta(days=300)
ON_TOPIC_SHARE = 0.10
COPY_SHARE = 0.10

# -- outlets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    layout: int  # which page template the outlet uses

    @property
    def slug(self) -> str:
        return slugify(self.name)


OUTLETS = [
    Outlet("Le Veilleur", "www.leveilleur.example", 0),
    Outlet("L'Écho des Provinces", "www.echo-provinces.example", 1),
    Outlet("La Dépêche du Littoral", "www.depeche-littoral.example", 2),
    Outlet("Le Quotidien continental", "www.quotidien-continental.example", 0),
    Outlet("Nouvelles de Loire", "www.nouvelles-loire.example", 1),
    Outlet("Le Moniteur alpin", "www.moniteur-alpin.example", 2),
    Outlet("Horizon Info", "www.horizon-info.example", 0),
    Outlet("Le Fil atlantique", "www.fil-atlantique.example", 1),
    Outlet("Actu Métropole", "www.actu-metropole.example", 2),
    Outlet("Le Courrier rhénan", "www.courrier-rhenan.example", 0),
    Outlet("La Voix des plaines", "www.voix-plaines.example", 1),
    Outlet("Le Républicain du Centre", "www.republicain-centre.example", 2),
]

# -- the French pool --------------------------------------------------------------------

TOWNS = """Valmont Montclair Saint-Aubin-des-Prés Rochefort-sur-Lys Beaulieu Carvin-le-Haut
Pontarlier-les-Bains Villeneuve-sur-Orge Sainte-Colombe Marsillac Brézolles Lanvallay
Castelnau-Rivière Fontaine-l'Évêque Ambérieux Plouzané Villemur Saint-Jory Corbières
Lamballe-sur-Mer Mirebeau Arbois-la-Forêt Vic-en-Bigorre Douvrin Marcq-la-Vallée
Saint-Genis Trélazé Bressuire-Haut Montlouis Pézenas-Plage""".split()
REGIONS = """Bretagne Normandie Occitanie Provence Auvergne Bourgogne Alsace Lorraine Picardie
Aquitaine Limousin Champagne Vendée Savoie""".split()
TEAMS = """l'US Valmont|le Stade montclairois|l'AS Beaulieu|le FC Marsillac|l'Olympique de
Rochefort|le RC Lanvallay|l'Entente Saint-Aubin|le SC Mirebeau|l'AJ Trélazé|le Racing
Castelnau|l'ES Douvrin|le CA Pézenas""".replace("\n", " ").split("|")
FIRST_NAMES = """Claire Julien Sophie Thomas Nadia Karim Élodie Mathieu Camille Antoine Léa
Hugo Inès Nicolas Manon Yacine Pauline Olivier Sarah Bruno Margaux Fabrice Amandine Lucas
Chloé Rémi Justine Samir Aurélie Vincent""".split()
LAST_NAMES = """Dumas Lefèvre Moreau Girard Benali Rousseau Fontaine Chevalier Marchand
Lemoine Garnier Faure Perrin Barbier Mercier Blanchard Guérin Roche Colin Vidal Renaud
Aubert Lacroix Meunier Hamidi Carpentier Leclerc Bertin Masson Prévost""".split()
ROLES = """le maire|l'adjoint aux finances|la présidente du département|le préfet|la
directrice de l'agence régionale de santé|le procureur de la République|l'entraîneur|le
président du club|la rectrice|le directeur de l'office de tourisme|la porte-parole des
pompiers|le délégué syndical""".replace("\n", " ").split("|")
# Countries written with "au": "au Mali", "du Mali".
COUNTRIES = """Mali Niger Soudan Liban Venezuela Pérou Chili Brésil Mexique Népal Bangladesh
Pakistan Kenya Congo Cameroun Nigeria Sénégal Maroc Portugal Danemark Guatemala""".split()
MONTHS = """janvier février mars avril mai juin juillet août septembre octobre novembre
décembre""".split()
WEEKDAYS = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()

# Paragraph templates by section. ``{kind_x}`` placeholders are filled by :class:`Filler`:
# the same placeholder repeats the same value within a paragraph.
PARAGRAPHS: dict[str, list[str]] = {
    "sport": [
        "Devant {big_a} spectateurs, {team_a} s'est imposé {goal_a} à {goal_b} face à "
        "{team_b}, samedi soir. L'attaquant {person_a} a inscrit un doublé, dont un but "
        "splendide à la {minute_a}e minute, et permet à son équipe de remonter à la "
        "{rank_a}e place du classement.",
        "Le club a confirmé l'arrivée d'un milieu de terrain de {age_a} ans, prêté pour "
        "une saison avec option d'achat fixée à {eur_a}. « C'est un joueur qui a faim », "
        "a résumé {role_a}, qui espère le voir débuter dès la {small_a}e journée.",
        "Sur le semi-marathon, {big_a} coureurs ont pris le départ sous une fine pluie. "
        "Le vainqueur, {person_a}, a bouclé les 21,1 kilomètres en une heure et "
        "{minute_a} minutes, un record de l'épreuve. Près de {pct_a} des inscrits "
        "couraient la distance pour la première fois.",
        "En rugby, {team_a} a arraché le match nul ({goal_a}-{goal_a}) sur la pelouse "
        "de {team_b} grâce à une pénalité dans les arrêts de jeu. Les deux équipes "
        "comptent désormais {small_a} points et restent à portée de la qualification.",
        "Le budget de la saison prochaine est fixé à {eur_a}, en hausse de {pct_a}. Le "
        "président du club, {person_a}, veut recruter {small_a} joueurs et rénover la "
        "tribune nord, qui ne peut accueillir que {big_a} personnes depuis sa fermeture "
        "partielle en {year_a}.",
        "La jeune nageuse de {town_a}, âgée de {age_a} ans, a décroché {small_a} "
        "médailles aux championnats de France, dont l'or sur 200 mètres nage libre. Elle "
        "a amélioré son record personnel de {small_b} centièmes de seconde.",
        "Le tournoi de tennis de {town_a} a attiré {big_a} visiteurs en une semaine, "
        "selon les organisateurs, soit {pct_a} de plus que l'an dernier. La dotation "
        "totale atteint {eur_a}.",
    ],
    "budget": [
        "Le conseil municipal de {town_a} a adopté le budget primitif par {small_a} voix "
        "contre {small_b}. Il s'élève à {eur_a}, dont {eur_b} consacrés aux "
        "investissements, notamment la rénovation de l'école {person_a}.",
        "La taxe foncière augmentera de {pct_a} l'an prochain, a annoncé {role_a}. « Nous "
        "n'avons pas le choix », a-t-il expliqué, en rappelant que la facture "
        "énergétique de la commune a bondi de {eur_a} en {year_a}.",
        "La dette de la communauté de communes atteint {eur_a}, soit {eur_b} par "
        "habitant, un niveau jugé « préoccupant » par la chambre régionale des comptes "
        "dans un rapport publié le {date_a}.",
        "Le département consacrera {eur_a} à l'entretien des routes cette année. "
        "{big_a} kilomètres de chaussée doivent être refaits d'ici {year_b}, et {small_a} "
        "ponts font l'objet d'une surveillance renforcée.",
        "Les subventions aux associations baissent de {pct_a}, à {eur_a}. {big_a} "
        "bénévoles ont signé une pétition demandant le maintien des aides au club de "
        "football et à la maison des jeunes de {town_a}.",
        "La nouvelle médiathèque de {town_a}, dont le chantier a coûté {eur_a}, ouvrira le "
        "{date_a}. Elle proposera {big_a} ouvrages et {small_a} postes informatiques en "
        "libre accès.",
    ],
    "economie": [
        "L'usine de {town_a} va supprimer {small_a} postes sur {big_a}, a annoncé la "
        "direction jeudi. Les syndicats dénoncent un plan « brutal » et appellent à la "
        "grève le {date_a}.",
        "Le taux de chômage dans la zone d'emploi de {town_a} est descendu à {pct_a} au "
        "dernier trimestre, contre {pct_b} un an plus tôt, selon les chiffres de l'Insee.",
        "L'inflation a ralenti à {pct_a} sur un an en {month_a}, portée par la baisse des "
        "prix de l'énergie. Les prix de l'alimentation progressent encore de {pct_b}.",
        "La coopérative laitière a réalisé un chiffre d'affaires de {eur_a} l'an dernier, "
        "en hausse de {pct_a}. Elle rassemble {big_a} éleveurs et collecte {big_b} "
        "litres de lait par jour.",
        "Une start-up de {town_a} a levé {eur_a} pour développer ses batteries. Elle "
        "prévoit d'embaucher {small_a} ingénieurs d'ici {year_b} et vise un chiffre "
        "d'affaires de {eur_b}.",
        "Le salon de l'artisanat a accueilli {big_a} visiteurs et {small_a} exposants. "
        "Selon la chambre des métiers, le secteur emploie {big_b} personnes dans le "
        "département.",
    ],
    "meteo": [
        "Météo-France a placé {small_a} départements en vigilance orange aux orages. Il "
        "est tombé jusqu'à {rain_a} de pluie en quelques heures à {town_a}, où "
        "{small_b} caves ont été inondées.",
        "Le thermomètre est monté à {temp_a} mardi à {town_a}, un record pour un mois de "
        "{month_a}. La précédente marque, {temp_b}, datait de {year_a}.",
        "Des rafales à {speed_a} ont été relevées sur le littoral dans la nuit. {big_a} "
        "foyers étaient privés d'électricité au petit matin, selon le gestionnaire du "
        "réseau.",
        "Le gel a touché les vignes de la région : les pertes sont estimées à {pct_a} de la "
        "récolte, a indiqué {role_a}. Il a fait {temp_a} au lever du jour.",
        "Les nappes phréatiques restent sous leur niveau normal dans {pct_a} des points de "
        "mesure. Des restrictions d'eau s'appliquent dans {small_a} communes depuis le "
        "{date_a}.",
    ],
    "routes": [
        "Un automobiliste de {age_a} ans a perdu la vie dans la nuit de samedi à "
        "dimanche sur la départementale {small_a}, près de {town_a}. Son véhicule a "
        "quitté la route vers {hour_a} et percuté un arbre.",
        "La mortalité routière a baissé de {pct_a} dans le département l'an dernier : "
        "{small_a} personnes ont été tuées et {big_a} blessées, selon la préfecture.",
        "Un carambolage impliquant {small_a} véhicules a fait {small_b} blessés légers "
        "sur l'autoroute A{small_c}, jeudi matin, dans le brouillard. La circulation a "
        "été coupée pendant {small_d} heures.",
        "Les gendarmes ont contrôlé {big_a} conducteurs pendant le week-end. {small_a} "
        "permis ont été suspendus, dont celui d'un motard flashé à {speed_a} sur une "
        "route limitée à 80 km/h.",
        "Un cycliste de {age_a} ans a été grièvement blessé à {town_a} après avoir été "
        "renversé par une camionnette. Il a été transporté à l'hôpital par hélicoptère.",
    ],
    "elections": [
        "Au premier tour, la liste conduite par {person_a} arrive en tête avec {pct_a} "
        "des voix, devant celle du maire sortant ({pct_b}). La participation s'établit à "
        "{pct_c}.",
        "{big_a} électeurs étaient appelés aux urnes dimanche à {town_a}. Le dépouillement "
        "s'est achevé vers {hour_a}, avec {small_a} bulletins blancs et {small_b} nuls.",
        "Selon un sondage publié le {date_a}, {pct_a} des habitants jugent prioritaire la "
        "sécurité, devant le logement ({pct_b}) et les transports ({pct_c}).",
        "Le conseil régional compte {small_a} élus. La majorité sortante conserve "
        "{small_b} sièges, l'opposition en obtient {small_c}, a annoncé {role_a}.",
        "Le candidat, âgé de {age_a} ans, promet de créer {big_a} places en crèche et de "
        "geler les tarifs de la cantine, pour un coût estimé à {eur_a} sur le mandat.",
    ],
    "sante": [
        "L'épidémie de grippe progresse : {big_a} passages aux urgences ont été "
        "enregistrés la semaine dernière dans la région, soit {pct_a} de plus que la "
        "semaine précédente, selon {role_a}.",
        "Le nouvel hôpital de {town_a} disposera de {big_a} lits et coûtera {eur_a}. Les "
        "travaux doivent durer {small_a} mois.",
        "Une campagne de dépistage a permis d'examiner {big_a} personnes en {month_a}. "
        "{pct_a} ont été orientées vers un spécialiste.",
        "Le centre de santé manque de médecins : {small_a} postes restent vacants et "
        "{big_a} patients n'ont pas de médecin traitant, selon {person_a}, qui le dirige.",
    ],
    "education": [
        "{big_a} élèves ont fait leur rentrée ce matin dans le département. {small_a} "
        "classes ont été fermées et {small_b} ouvertes, a précisé {role_a}.",
        "Le taux de réussite au baccalauréat atteint {pct_a} dans l'académie, contre "
        "{pct_b} au niveau national. {small_a} candidats ont obtenu la mention très bien.",
        "Le collège de {town_a} sera rénové pour {eur_a}. Les {big_a} élèves seront "
        "accueillis dans des bâtiments modulaires pendant {small_a} mois.",
        "L'université annonce {big_a} inscrits cette année, en hausse de {pct_a}. Elle "
        "ouvre {small_a} nouvelles formations, dont une licence de cybersécurité.",
    ],
    "justice": [
        "Le tribunal correctionnel de {town_a} a condamné un homme de {age_a} ans à "
        "{small_a} mois de prison, dont {small_b} avec sursis, pour des vols commis dans "
        "{small_c} commerces du centre-ville.",
        "La cour d'assises a rendu son verdict après {small_a} jours de procès : {small_b} "
        "ans de réclusion criminelle pour l'accusé, âgé de {age_a} ans.",
        "Les cambriolages ont augmenté de {pct_a} en un an dans l'agglomération, selon "
        "{role_a}. {big_a} plaintes ont été déposées depuis le début de l'année.",
        "L'escroc présumé aurait détourné {eur_a} au détriment de {big_a} épargnants, "
        "selon le parquet, qui a ouvert une information judiciaire le {date_a}.",
    ],
    "culture": [
        "Le festival a accueilli {big_a} spectateurs en {small_a} jours, un record. Les "
        "organisateurs annoncent un budget de {eur_a} pour l'édition suivante.",
        "Le musée de {town_a} a reçu {big_a} visiteurs l'an dernier, soit {pct_a} de plus "
        "qu'en {year_a}. L'exposition consacrée aux impressionnistes a attiré à elle seule "
        "{big_b} personnes.",
        "La salle de concert rouvre après {small_a} mois de travaux, qui ont coûté {eur_a}. "
        "Elle peut désormais accueillir {big_a} spectateurs debout.",
    ],
    "transports": [
        "La ligne de bus {small_a} sera prolongée jusqu'à {town_a} à partir du {date_a}. "
        "Elle transporte déjà {big_a} voyageurs par jour.",
        "La fréquentation des TER a progressé de {pct_a} l'an dernier dans la région, avec "
        "{big_a} voyages quotidiens, selon {role_a}.",
        "Le chantier du contournement routier de {town_a} prend {small_a} mois de retard. "
        "Son coût est réévalué à {eur_a}, contre {eur_b} prévus à l'origine.",
    ],
    "agriculture": [
        "La récolte de blé atteint {big_a} tonnes dans le département, en baisse de "
        "{pct_a} par rapport à la moyenne des cinq dernières années.",
        "{small_a} exploitations ont été touchées par la grêle. Les dégâts sont estimés à "
        "{eur_a} par la chambre d'agriculture, qui demande l'état de catastrophe naturelle.",
        "Le prix du lait payé aux producteurs remonte à {eur_c} les mille litres. « Cela "
        "reste insuffisant », estime {person_a}, éleveur à {town_a} avec {small_a} vaches.",
        "Le marché de producteurs rassemble chaque samedi {small_a} exposants et environ "
        "{big_a} clients, selon {role_a}.",
    ],
    "logement": [
        "Le prix des appartements anciens a reculé de {pct_a} en un an à {town_a}, à "
        "{eur_c} le mètre carré en moyenne, selon les notaires.",
        "{big_a} demandes de logement social sont en attente dans l'agglomération, pour "
        "seulement {big_b} attributions l'an dernier, a indiqué {role_a}.",
        "Le programme immobilier comptera {small_a} logements, dont {pct_a} de logements "
        "sociaux, pour un investissement de {eur_a}.",
    ],
    "monde": [
        "Au {country_a}, un séisme de magnitude {magnitude_a} a fait au moins {small_a} "
        "morts et {big_a} sans-abri, selon les autorités locales, qui redoutent un bilan "
        "plus lourd.",
        "Les inondations au {country_a} ont touché {big_a} personnes, selon les Nations "
        "unies. {small_a} districts sont sous les eaux depuis le {date_a}.",
        "Les électeurs du {country_a} ont élu leur président avec une participation de "
        "{pct_a}. Le vainqueur a recueilli {pct_b} des suffrages exprimés.",
        "La Russie a lancé {small_a} drones et {small_b} missiles sur l'Ukraine dans la "
        "nuit, selon l'armée de l'air ukrainienne, qui affirme en avoir abattu "
        "{small_c}. Une frappe sur Kharkiv a fait {small_d} blessés.",
        "L'aide humanitaire destinée au {country_a} s'élève à {eur_a}, a annoncé l'Union "
        "européenne. Près de {big_a} réfugiés sont hébergés dans des camps.",
        "Le gouvernement du {country_a} a décrété {small_a} jours de deuil national après "
        "l'incendie d'une usine qui a coûté la vie à {small_b} ouvriers.",
    ],
}

SECTION_NAMES = {
    "sport": "Sports",
    "budget": "Vie locale",
    "economie": "Économie",
    "meteo": "Météo",
    "routes": "Faits divers",
    "elections": "Politique",
    "sante": "Santé",
    "education": "Éducation",
    "justice": "Faits divers",
    "culture": "Culture",
    "transports": "Vie locale",
    "agriculture": "Environnement",
    "logement": "Immobilier",
    "monde": "Monde",
}
TITLES: dict[str, list[str]] = {
    "sport": [
        "{team_a} s'impose face à {team_b}",
        "Le semi-marathon de {town_a} bat son record de participation",
        "Football : {team_a} prépare sa saison",
        "Une nageuse de {town_a} brille aux championnats de France",
    ],
    "budget": [
        "{town_a} vote un budget de {eur_a}",
        "Taxe foncière : hausse de {pct_a} à {town_a}",
        "Les finances du département sous tension",
    ],
    "economie": [
        "L'usine de {town_a} va supprimer {small_a} postes",
        "Le chômage recule à {town_a}",
        "Une start-up de {town_a} lève {eur_a}",
    ],
    "meteo": [
        "Orages : {small_a} départements en vigilance orange",
        "Record de chaleur à {town_a}",
        "Sécheresse : des restrictions d'eau dans {small_a} communes",
    ],
    "routes": [
        "Accident mortel près de {town_a}",
        "Sécurité routière : le bilan de l'année dans le département",
        "Carambolage sur l'autoroute dans le brouillard",
    ],
    "elections": [
        "Municipales à {town_a} : {person_a} en tête",
        "Élections : ce que veulent les habitants de {town_a}",
    ],
    "sante": [
        "Grippe : les urgences de la région sous pression",
        "Le futur hôpital de {town_a} coûtera {eur_a}",
    ],
    "education": [
        "Rentrée scolaire : {big_a} élèves dans le département",
        "Baccalauréat : {pct_a} de réussite dans l'académie",
    ],
    "justice": [
        "Cambriolages en série à {town_a} : un homme condamné",
        "Escroquerie : {big_a} épargnants lésés",
    ],
    "culture": ["Le festival de {town_a} bat son record", "Le musée de {town_a} attire les foules"],
    "transports": ["La ligne {small_a} prolongée jusqu'à {town_a}", "Les TER font le plein"],
    "agriculture": ["Grêle : {small_a} exploitations sinistrées", "Moisson en baisse"],
    "logement": ["Immobilier : les prix reculent à {town_a}", "Logement social : l'attente"],
    "monde": [
        "Séisme meurtrier au {country_a}",
        "Inondations : {big_a} sinistrés au {country_a}",
        "Nuit de frappes sur l'Ukraine",
    ],
}

COMMENTS = [
    "Encore une fois, ce sont toujours les mêmes qui paient.",
    "Merci pour cet article très complet, on en parlait justement hier au marché.",
    "Il faudrait vérifier ces chiffres, ils me paraissent bien optimistes.",
    "J'habite à côté depuis {small_a} ans et je n'ai jamais vu ça.",
    "Et pendant ce temps, rien ne change pour les habitants des villages.",
    "Bravo aux bénévoles, sans eux rien ne serait possible !",
    "Quelqu'un sait si la route sera rouverte ce week-end ?",
    "Article intéressant, mais la photo ne correspond pas du tout au sujet.",
    "On attend toujours les travaux promis en {year_a}…",
    "Soyons sérieux : {pct_a} d'augmentation, c'est énorme pour une petite commune.",
]
SECTIONS = [
    "Actualité",
    "Politique",
    "Monde",
    "Économie",
    "Société",
    "Faits divers",
    "Sports",
    "Culture",
    "Santé",
    "Environnement",
    "Éducation",
    "Sciences",
    "Tech",
    "Vie locale",
    "Météo",
    "Immobilier",
    "Emploi",
    "Agenda",
    "Loisirs",
    "Nécrologie",
    "Opinions",
    "Vidéos",
    "Podcasts",
    "Jeux",
]
FOOTER_LINKS = [
    "Mentions légales",
    "Conditions générales d'utilisation",
    "Politique de confidentialité",
    "Gestion des cookies",
    "Contact",
    "Plan du site",
    "Publicité",
    "Nous rejoindre",
    "Charte des commentaires",
    "Abonnements",
    "Archives",
    "Flux RSS",
]

# -- on-topic material ------------------------------------------------------------------

SOURCES = [
    "le service national de renseignement sud-coréen (NIS)",
    "le renseignement sud-coréen",
    "les services de renseignement sud-coréens",
    "le renseignement militaire ukrainien",
    "Kyrylo Boudanov, le chef du renseignement militaire ukrainien",
    "le Pentagone",
    "la Maison Blanche",
    "le ministère britannique de la Défense",
    "CNN",
    "le Wall Street Journal",
    "Volodymyr Zelensky",
    "l'état-major interarmées sud-coréen",
    "un responsable américain sous couvert d'anonymat",
]
# (what is counted, its usual order of magnitude, the sentence with {qty} and {src})
FIGURES = [
    ("troops", 11_000, "{src_intro} {qty} soldats nord-coréens ont été déployés en Russie."),
    ("troops", 12_000, "Pyongyang a envoyé {qty} soldats en Russie, {src_after}."),
    (
        "troops_kursk",
        10_000,
        "{src_intro} {qty} militaires nord-coréens combattent dans la région de Koursk.",
    ),
    ("killed", 600, "{src_intro} {qty} soldats nord-coréens ont été tués depuis leur arrivée."),
    ("killed", 300, "{qty} militaires nord-coréens seraient morts au combat, {src_after}."),
    ("wounded", 2_700, "{src_intro} {qty} soldats nord-coréens ont été blessés à Koursk."),
    ("casualties", 4_000, "Les pertes nord-coréennes atteindraient {qty} hommes, {src_after}."),
    (
        "shells",
        8_000_000,
        "{src_intro} la Corée du Nord a fourni {qty} obus d'artillerie à la Russie.",
    ),
    (
        "missiles",
        100,
        "Pyongyang aurait livré {qty} missiles balistiques KN-23 à Moscou, {src_after}.",
    ),
    (
        "containers",
        20_000,
        "{src_intro} la Corée du Nord a expédié {qty} conteneurs de munitions vers la Russie.",
    ),
    (
        "launchers",
        200,
        "{src_intro} Pyongyang a fourni {qty} lance-roquettes multiples de 240 mm à la Russie.",
    ),
    (
        "planned",
        30_000,
        "La Corée du Nord se prépare à envoyer {qty} soldats supplémentaires en Russie, "
        "{src_after}.",
    ),
]
ON_TOPIC_TITLES = [
    "Guerre en Ukraine : {qty} soldats nord-coréens engagés aux côtés de la Russie",
    "Des soldats nord-coréens en Russie : ce que l'on sait",
    "Pyongyang intensifie son soutien militaire à Moscou",
    "Koursk : nouvelles estimations des pertes nord-coréennes",
    "La Corée du Nord livre des armes à la Russie, selon {src_short}",
    "Soldats nord-coréens en Russie : le renseignement revoit ses chiffres",
]
SOURCE_SHORT = ["Séoul", "Kiev", "Washington", "Londres", "le renseignement sud-coréen"]
QUALIFIERS = [
    ("", 4),
    ("environ ", 3),
    ("au moins ", 2),
    ("jusqu'à ", 2),
    ("près de ", 2),
    ("plus de ", 2),
    ("quelque ", 1),
    ("pas moins de ", 1),
    ("moins de ", 1),
    ("range", 3),
]

# -- number formats ---------------------------------------------------------------------

_UNITS = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize dix-sept dix-huit dix-neuf"
).split()
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def french_words(number: int) -> str:
    """``number`` (0 <= number < 10**9) in French words, traditional spelling."""
    if number < 0 or number >= 10**9:
        raise ValueError(f"out of range: {number}")
    if number < 20:
        return _UNITS[number]
    if number < 100:
        tens, unit = divmod(number, 10)
        if tens in (7, 9):
            base = "soixante" if tens == 7 else "quatre-vingt"
            return (
                f"{base}-{_UNITS[10 + unit]}"
                if not (tens == 7 and unit == 1)
                else ("soixante et onze")
            )
        if tens == 8:
            return "quatre-vingts" if unit == 0 else f"quatre-vingt-{_UNITS[unit]}"
        if unit == 0:
            return _TENS[tens]
        if unit == 1:
            return f"{_TENS[tens]} et un"
        return f"{_TENS[tens]}-{_UNITS[unit]}"
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        head = "cent" if hundreds == 1 else f"{_UNITS[hundreds]} cent"
        if rest == 0:
            return head if hundreds == 1 else f"{head}s"
        return f"{head} {french_words(rest)}"
    if number < 1_000_000:
        thousands, rest = divmod(number, 1000)
        head = "mille" if thousands == 1 else f"{french_words(thousands)} mille"
        head = head.replace("cents mille", "cent mille").replace("vingts mille", "vingt mille")
        return head if rest == 0 else f"{head} {french_words(rest)}"
    millions, rest = divmod(number, 1_000_000)
    head = f"{french_words(millions)} million{'s' if millions > 1 else ''}"
    return head if rest == 0 else f"{head} {french_words(rest)}"


def group_digits(number: int, separator: str) -> str:
    digits = str(number)
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    return separator.join(reversed(groups))


def format_number(number: int, rng: random.Random, *, words: bool = True) -> str:
    """``number`` as French newspapers write it, in one of their formats."""
    if number >= 1_000_000 and number % 100_000 == 0 and rng.random() < 0.6:
        millions = number / 1_000_000
        text = f"{millions:g}".replace(".", ",")
        return f"{text} million{'s' if millions >= 2 else ''}"
    choices = ["space", "nbsp", "narrow", "dot", "plain"] if number >= 1000 else ["plain"]
    if words and _round(number):
        choices.append("words")
    style = rng.choice(choices)
    if style == "words":
        return french_words(number)
    separator = {"space": " ", "nbsp": "\u00a0", "narrow": "\u202f", "dot": ".", "plain": ""}
    return group_digits(number, separator[style])


def _round(number: int) -> bool:
    """Round enough to be written in words ("onze mille", "six cents")."""
    text = str(number).rstrip("0")
    return len(text) <= 2 and number < 100_000_000


def vary(number: int, rng: random.Random, low: float = 0.6, high: float = 1.6) -> int:
    """A figure of the same magnitude, rounded to two significant digits."""
    value = number * rng.uniform(low, high)
    magnitude = 10 ** max(len(str(int(value))) - 2, 0)
    return max(round(value / magnitude) * magnitude, 1)


def qualified(number: int, rng: random.Random) -> str:
    """A figure with a qualifier or as a range, in a random format."""
    names = [name for name, weight in QUALIFIERS for _ in range(weight)]
    qualifier = rng.choice(names)
    if qualifier == "range":
        low = number
        high = vary(number, rng, 1.05, 1.3)
        if high <= low:
            high = low + max(low // 10, 1)
        form = rng.choice(["entre {a} et {b}", "de {a} à {b}", "{a} à {b}"])
        return form.format(a=format_number(low, rng), b=format_number(high, rng))
    return f"{qualifier}{format_number(number, rng)}"


# -- filling templates ------------------------------------------------------------------


class Filler(dict[str, str]):
    """Values for ``{kind_x}`` placeholders, drawn on first use and kept for the paragraph."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        kind = key.rsplit("_", 1)[0]
        value = self.draw(kind)
        self[key] = value
        return value

    def draw(self, kind: str) -> str:
        rng = self.rng
        if kind == "town":
            return rng.choice(TOWNS)
        if kind == "team":
            return rng.choice(TEAMS).strip()
        if kind == "person":
            return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if kind == "role":
            return rng.choice(ROLES).strip()
        if kind == "country":
            return rng.choice(COUNTRIES)
        if kind == "small":
            number = rng.randint(2, 60)
            return french_words(number) if number < 17 and rng.random() < 0.3 else str(number)
        if kind == "goal":
            return str(rng.randint(0, 5))
        if kind in ("minute", "rank"):
            return str(rng.randint(2, 89 if kind == "minute" else 20))
        if kind == "big":
            return format_number(vary(rng.choice([1_200, 4_500, 12_000, 35_000]), rng), rng)
        if kind == "eur":
            amount = vary(rng.choice([85_000, 1_400_000, 12_000_000, 250_000_000]), rng)
            if amount >= 1_000_000 and rng.random() < 0.7:
                millions = f"{amount / 1_000_000:.1f}".rstrip("0").rstrip(".").replace(".", ",")
                return f"{millions} millions d'euros"
            return f"{format_number(amount, rng, words=False)} euros"
        if kind == "eur_c":
            return f"{rng.randint(300, 5200)} euros"
        if kind == "pct":
            value = rng.uniform(0.5, 75)
            text = f"{value:.1f}".replace(".", ",") if rng.random() < 0.6 else f"{value:.0f}"
            return f"{text} %" if rng.random() < 0.8 else f"{text} pour cent"
        if kind == "age":
            return str(rng.randint(16, 92))
        if kind == "year":
            return str(rng.randint(2012, 2024))
        if kind == "date":
            day = rng.randint(1, 28)
            weekday = f"{rng.choice(WEEKDAYS)} " if rng.random() < 0.4 else ""
            return f"{weekday}{'1er' if day == 1 else day} {rng.choice(MONTHS)}"
        if kind == "month":
            return rng.choice(MONTHS)
        if kind == "temp":
            return f"{rng.randint(-12, 42)} °C"
        if kind == "rain":
            return f"{rng.randint(20, 140)} millimètres"
        if kind == "speed":
            return f"{rng.randint(90, 190)} km/h"
        if kind == "hour":
            return f"{rng.randint(0, 23)} h {rng.choice(['00', '15', '30', '45'])}"
        if kind == "magnitude":
            return f"{rng.uniform(4.5, 7.9):.1f}".replace(".", ",")
        raise KeyError(kind)


def fill(template: str, rng: random.Random, filler: Filler | None = None) -> str:
    text = template.format_map(filler if filler is not None else Filler(rng))
    return text[0].upper() + text[1:]


# -- articles ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusArticle:
    """One generated article. ``text`` holds the paragraphs (one a line), not the title."""

    number: int
    slug: str
    title: str
    text: str
    published: datetime
    outlet: Outlet
    author: str
    section: str
    on_topic: bool
    copy_of: int | None  # number of the original for a syndicated copy

    @property
    def url(self) -> str:
        day = self.published.strftime("%Y/%m/%d")
        return f"https://{self.outlet.domain}/{slugify(self.section)}/{day}/{self.slug}.html"

    @property
    def file_stem(self) -> str:
        return f"{self.number:06d}-{self.slug}"


@dataclass(frozen=True)
class SeedArticle:
    title: str | None
    paragraphs: list[str]


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def read_seeds(folder: Path = SEEDS) -> list[SeedArticle]:
    """The seed articles' titles and body paragraphs (headings and repeats left out)."""
    index = yaml.safe_load((folder / "index.yaml").read_text(encoding="utf-8"))
    titles = {entry["file"]: entry.get("title") for entry in index["documents"]}
    seeds = []
    for path in sorted(folder.glob("*.txt")):
        seen: set[str] = set()
        paragraphs = []
        for line in path.read_text(encoding="utf-8").splitlines():
            line = unicodedata.normalize("NFC", line.strip())
            if (
                len(line.split()) < 15
                or not line.endswith((".", "»", "”", '"', "!", "?", "…"))
                or line in seen
            ):
                continue
            seen.add(line)
            paragraphs.append(line)
        seeds.append(SeedArticle(titles.get(path.name), paragraphs))
    return seeds


_SEED_NUMBER = re.compile(
    r"(?<![\w-])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d{3,})(?![\w-]|[ \u00a0]?mm\b|,\d)"
)


def vary_seed_paragraph(paragraph: str, rng: random.Random) -> str:
    """The paragraph with each count of 100 or more changed and re-formatted."""

    def replace(match: re.Match[str]) -> str:
        number = int(re.sub(r"\D", "", match.group(1)))
        if 1900 <= number <= 2100 and match.group(1).isdigit():
            return match.group(0)  # a year
        return format_number(vary(number, rng), rng)

    return _SEED_NUMBER.sub(replace, paragraph)


def source_phrases(rng: random.Random) -> tuple[str, str]:
    source = rng.choice(SOURCES)
    intro = rng.choice(["Selon {s},", "D'après {s},", "Selon les estimations de {s},"])
    after = rng.choice(["selon {s}", "a affirmé {s}", "d'après {s}", "estime {s}"])
    intro = intro.format(s=source)
    intro = intro.replace("de le ", "du ").replace("de les ", "des ")
    return intro, after.format(s=source)


def on_topic_article(seeds: list[SeedArticle], rng: random.Random) -> tuple[str, str]:
    """Title and text of an article on the seed story, with its own figures."""
    _, magnitude, sentence = rng.choice(FIGURES)
    intro, after = source_phrases(rng)
    lead = sentence.format(
        qty=qualified(vary(magnitude, rng), rng), src_intro=intro, src_after=after
    )
    lead = lead[0].upper() + lead[1:]
    seed = rng.choice(seeds)
    count = min(len(seed.paragraphs), rng.randint(3, 6))
    start = rng.randint(0, len(seed.paragraphs) - count)
    body = [vary_seed_paragraph(p, rng) for p in seed.paragraphs[start : start + count]]
    if rng.random() < 0.5:
        _, magnitude, sentence = rng.choice(FIGURES)
        intro, after = source_phrases(rng)
        second = sentence.format(
            qty=qualified(vary(magnitude, rng), rng), src_intro=intro, src_after=after
        )
        body.insert(rng.randint(1, len(body)), second[0].upper() + second[1:])
    title = rng.choice(ON_TOPIC_TITLES).format(
        qty=format_number(vary(11_000, rng), rng, words=False),
        src_short=rng.choice(SOURCE_SHORT),
    )
    return title, "\n".join([lead, *body])


def off_topic_article(rng: random.Random) -> tuple[str, str, str]:
    """Section, title and text of an article on another subject."""
    section = rng.choice(sorted(PARAGRAPHS))
    own = PARAGRAPHS[section]
    count = rng.randint(4, 8)
    chosen = rng.sample(own, min(count, len(own)))
    while len(chosen) < count:  # a few paragraphs from neighbouring sections
        chosen.append(rng.choice(PARAGRAPHS[rng.choice(sorted(PARAGRAPHS))]))
    filler = Filler(rng)  # the title shares the first paragraph's figures and places
    paragraphs = [fill(chosen[0], rng, filler)] + [fill(p, rng) for p in chosen[1:]]
    title = fill(rng.choice(TITLES[section]), rng, filler)
    return section, title, "\n".join(paragraphs)


def generate_corpus(count: int, seed: int) -> list[CorpusArticle]:
    """``count`` articles in publication order, the same for the same ``seed``."""
    rng = random.Random(seed)
    seeds = read_seeds()
    on_topic = round(count * ON_TOPIC_SHARE)
    copies = round(count * COPY_SHARE) if count > 1 else 0
    kinds = ["on"] * on_topic + ["off"] * (count - on_topic - copies)
    rng.shuffle(kinds)
    step = SPAN / max(len(kinds), 1)
    originals: list[dict[str, Any]] = []
    hashes: set[str] = set()
    for position, kind in enumerate(kinds):
        while True:
            if kind == "on":
                section, (title, text) = "Monde", on_topic_article(seeds, rng)
            else:
                section, title, text = off_topic_article(rng)
                section = SECTION_NAMES[section]
            digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
            if digest not in hashes:
                hashes.add(digest)
                break
        published = START + step * position + timedelta(minutes=rng.randint(0, 600))
        originals.append(
            {
                "title": title,
                "text": text,
                "published": published.replace(second=0, microsecond=0),
                "outlet": rng.choice(OUTLETS),
                "author": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "section": section,
                "on_topic": kind == "on",
                "copy_of": None,
            }
        )
    syndicated = []
    for _ in range(copies):
        original = rng.randrange(len(originals))
        source = originals[original]
        outlet = rng.choice([o for o in OUTLETS if o != source["outlet"]])
        delay = timedelta(hours=rng.randint(1, 30), minutes=rng.randint(0, 59))
        syndicated.append(
            {**source, "outlet": outlet, "published": source["published"] + delay,
             "author": "Avec AFP", "copy_of": original}
        )  # fmt: skip
    records = [(record, index) for index, record in enumerate(originals)]
    records += [(record, None) for record in syndicated]
    records.sort(key=lambda pair: (pair[0]["published"], pair[1] is None))
    numbers = {original: n for n, (_, original) in enumerate(records) if original is not None}
    articles = []
    for number, (record, _) in enumerate(records):
        copy_of = record["copy_of"]
        slug = f"{slugify(record['title'])[:60].rstrip('-')}-{number}"
        articles.append(
            CorpusArticle(
                number=number,
                slug=slug,
                title=record["title"],
                text=record["text"],
                published=record["published"],
                outlet=record["outlet"],
                author=record["author"],
                section=record["section"],
                on_topic=record["on_topic"],
                copy_of=numbers[copy_of] if copy_of is not None else None,
            )
        )
    return articles


# -- pages and feeds --------------------------------------------------------------------

LAYOUTS = [
    {"body": "page-article", "main": "content", "article": "article-main", "text": "article-body"},
    {"body": "layout-story", "main": "site-content", "article": "story", "text": "story__text"},
    {"body": "single-post", "main": "main-col", "article": "post", "text": "entry-content"},
]
FRENCH_MONTHS = MONTHS


def french_date(moment: datetime) -> str:
    return f"{moment.day} {FRENCH_MONTHS[moment.month - 1]} {moment.year} à {moment:%H:%M}"


def _style(layout: int, rng: random.Random) -> str:
    """Inline CSS of the size outlets ship (several kilobytes)."""
    rules = []
    for index in range(140):
        name = f"c{layout}-{rng.randrange(10**6):06d}"
        rules.append(
            f".{name}{{margin:{index % 7}px {index % 5}px;padding:{index % 3}em;"
            f"color:#{rng.randrange(16**6):06x};font-size:{12 + index % 9}px}}"
        )
    return "\n".join(rules)


def _script(rng: random.Random) -> str:
    keys = ",".join(f'"k{i}":"{rng.randrange(16**8):08x}"' for i in range(60))
    return (
        "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
        f"gtag('js',new Date());var cfg={{{keys}}};"
        "(function(d,s){var e=d.createElement(s);e.async=1;e.src='/static/tag.js';"
        "d.head.appendChild(e);})(document,'script');"
    )


SUBSECTIONS = ["À la une", "En direct", "Analyses", "Reportages", "Entretiens", "Vidéos"]
ICON = (
    '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><g>'
    '<path d="M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z"></path>'
    '<path d="M8 12h8M12 8v8"></path></g></svg>'
)


def render_page(
    article: CorpusArticle,
    related: Sequence[tuple[str, str]],
    *,
    url: str | None = None,
    feed_url: str | None = None,
) -> str:
    """A saved article page: boilerplate around the article body in ``<article>``.

    The boilerplate (menus, teasers, comments, footer) is sized like the real French pages
    of the shared corpus (several hundred elements), so trafilatura has as much to throw
    away as on a real page.
    """
    rng = random.Random(f"page-{article.number}")
    layout = LAYOUTS[article.outlet.layout]
    url = url or article.url
    escape = html.escape
    title = escape(article.title)
    outlet = escape(article.outlet.name)
    published = article.published.isoformat()
    paragraphs = article.text.split("\n")
    description = escape(paragraphs[0][:180])
    metadata = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": published,
        "author": {"@type": "Person", "name": article.author},
        "publisher": {"@type": "Organization", "name": article.outlet.name},
        "mainEntityOfPage": url,
        "inLanguage": "fr-FR",
    }
    nav = "\n".join(
        f'<li class="nav-item"><a href="/{slugify(section)}/">{escape(section)}</a>'
        '<ul class="submenu">'
        + "".join(
            f'<li><a href="/{slugify(section)}/{slugify(sub)}/">{escape(sub)}</a></li>'
            for sub in SUBSECTIONS[: 2 + index % 4]
        )
        + "</ul></li>"
        for index, section in enumerate(SECTIONS)
    )
    body = "\n".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)

    def teaser(text: str, link: str, kind: str) -> str:
        minutes = rng.randint(3, 59)
        return (
            f'<li class="{kind}"><a href="{escape(link)}"><figure class="thumb">'
            f'<img src="/img/{rng.randrange(10**8):08d}.jpg" alt="" loading="lazy"></figure>'
            f'<span class="teaser-title">{escape(text)}</span></a>'
            f'<span class="teaser-time">il y a {minutes} min</span></li>'
        )

    related_items = "\n".join(teaser(text, link, "related") for text, link in related[:6])
    most_read = "\n".join(teaser(text, link, "most-read") for text, link in related[6:])
    filler = Filler(rng)
    comments = "\n".join(
        f'<div class="comment" id="comment-{index}"><div class="comment-head">'
        f'<span class="avatar">{ICON}</span><p class="comment-author">'
        f"{escape(rng.choice(FIRST_NAMES))}{rng.randint(10, 99)}</p>"
        f'<p class="comment-date">il y a {rng.randint(2, 59)} minutes</p></div>'
        f'<div class="comment-text"><p>{escape(fill(rng.choice(COMMENTS), rng, filler))}</p>'
        '</div><div class="comment-actions"><button type="button">Répondre</button>'
        f'<button type="button">Signaler</button><span class="likes">{rng.randint(0, 40)}'
        "</span></div></div>"
        for index in range(rng.randint(3, 8))
    )
    footer = "\n".join(
        f'<div class="footer-col"><h3>{escape(SECTIONS[column])}</h3><ul>'
        + "".join(
            f'<li><a href="/{slugify(link)}">{escape(link)}</a></li>' for link in FOOTER_LINKS
        )
        + "</ul></div>"
        for column in range(4)
    )
    social = "".join(
        f'<a class="social" href="https://{name}.example/{slugify(article.outlet.name)}">'
        f"{ICON}<span>{name}</span></a>"
        for name in ("facebook", "x", "instagram", "linkedin", "youtube", "tiktok")
    )
    ads = [
        f'<div class="ad-slot" data-slot="{slot}"><div id="ad-{slot}-{rng.randrange(10**6)}">'
        "</div><span>Publicité</span></div>"
        for slot in ("top", "side", "inread", "bottom")
    ]
    feed = (
        f'<link rel="alternate" type="application/rss+xml" title="{outlet}" '
        f'href="{escape(feed_url)}">'
        if feed_url
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {outlet}</title>
<meta name="description" content="{description}">
<meta name="author" content="{escape(article.author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta property="og:url" content="{escape(url)}">
<meta property="article:published_time" content="{published}">
<meta property="article:section" content="{escape(article.section)}">
<link rel="canonical" href="{escape(url)}">
{feed}
<style>
{_style(article.outlet.layout, rng)}
</style>
<script type="application/ld+json">{json.dumps(metadata, ensure_ascii=False)}</script>
<script>{_script(rng)}</script>
</head>
<body class="{layout["body"]}">
<div id="cookie-banner" class="cookie-consent" role="dialog" aria-label="Cookies">
<p>Avec votre accord, nous et nos {rng.randint(80, 900)} partenaires utilisons des cookies ou
technologies similaires pour stocker et accéder à des informations personnelles comme votre
visite sur ce site. Vous pouvez retirer votre consentement ou vous opposer aux traitements
basés sur l'intérêt légitime à tout moment en cliquant sur « Paramétrer ».</p>
<button type="button" class="cookie-accept">Tout accepter</button>
<button type="button" class="cookie-settings">Paramétrer</button>
<a href="/politique-de-confidentialite">En savoir plus</a>
</div>
{ads[0]}
<header class="site-header">
<div class="top-bar"><span class="today">Édition du jour</span>
<a class="login" href="/connexion">{ICON}Se connecter</a>
<a class="subscribe" href="/abonnement">S'abonner dès 1 € le premier mois</a></div>
<a class="logo" href="/"><img src="/static/logo.svg" alt="{outlet}"></a>
<nav class="main-nav" aria-label="Rubriques"><ul>
{nav}
</ul></nav>
<form class="search" action="/recherche"><input type="search" name="q"
placeholder="Rechercher un article"><button type="submit">{ICON}</button></form>
</header>
<main class="{layout["main"]}">
<nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/{slugify(article.section)}/">
{escape(article.section)}</a></nav>
<header class="article-header">
<h1 class="headline">{title}</h1>
<p class="byline">Par <span class="author">{escape(article.author)}</span>,
publié le <time datetime="{published}">{french_date(article.published)}</time></p>
</header>
<article class="{layout["article"]}">
<div class="{layout["text"]}">
{body}
</div>
</article>
{ads[2]}
<aside class="share"><span>Partager</span>
<a href="https://www.facebook.com/sharer.php?u={escape(url)}">{ICON}Facebook</a>
<a href="https://twitter.com/intent/tweet?url={escape(url)}">{ICON}X</a>
<a href="mailto:?subject={title}">{ICON}E-mail</a></aside>
<section class="related"><h2>À lire aussi</h2><ul>
{related_items}
</ul></section>
<section class="newsletter"><h2>La newsletter du matin</h2>
<p>Chaque jour à 7 heures, l'essentiel de l'actualité dans votre boîte mail.</p>
<form action="/newsletter"><input type="email" name="email" placeholder="Votre e-mail">
<button type="submit">Je m'inscris</button></form></section>
<section id="comments" class="comments"><h2>Commentaires</h2>
{comments}
<p class="comments-rules">Les commentaires sont modérés selon notre charte.</p>
</section>
</main>
<aside class="sidebar">
{ads[1]}
<section class="most-read"><h2>Les plus lus</h2><ol>
{most_read}
</ol></section>
</aside>
{ads[3]}
<footer class="site-footer">
<div class="footer-columns">
{footer}
</div>
<div class="social-links">{social}</div>
<p class="copyright">© {article.published.year} {outlet}. Tous droits réservés.
Reproduction interdite sans autorisation.</p>
</footer>
<script>{_script(rng)}</script>
</body>
</html>
"""


def related_links(
    articles: Sequence[CorpusArticle], article: CorpusArticle, base_url: str | None = None
) -> list[tuple[str, str]]:
    """Sixteen other articles as (title, URL): six related, ten most read."""
    rng = random.Random(f"related-{article.number}")
    picks = [articles[rng.randrange(len(articles))] for _ in range(16)] if articles else []
    return [
        (other.title, f"{base_url}/articles/{other.slug}.html" if base_url else other.url)
        for other in picks
        if other.number != article.number
    ]


def render_feed(outlet: Outlet, articles: Sequence[CorpusArticle], base_url: str) -> str:
    """RSS 2.0: the outlet's articles, newest first, linking to their pages on the site."""
    escape = html.escape
    items = []
    for article in sorted(articles, key=lambda a: a.published, reverse=True):
        link = escape(f"{base_url}/articles/{article.slug}.html")
        first = article.text.split("\n", 1)[0]
        items.append(
            "<item>"
            f"<title>{escape(article.title)}</title>"
            f"<link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid>'
            f"<pubDate>{format_datetime(article.published)}</pubDate>"
            f"<description>{escape(first[:300])}</description>"
            "</item>"
        )
    latest = max((a.published for a in articles), default=START)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0"><channel>'
        f"<title>{escape(outlet.name)}</title>"
        f"<link>{escape(base_url)}/</link>"
        f"<description>Les derniers articles de {escape(outlet.name)}</description>"
        "<language>fr-FR</language>"
        f"<lastBuildDate>{format_datetime(latest)}</lastBuildDate>"
        + "\n".join(items)
        + "</channel></rss>\n"
    )


# -- writers ----------------------------------------------------------------------------


def index_entries(articles: Sequence[CorpusArticle], suffix: str) -> list[dict[str, Any]]:
    by_number = {article.number: article for article in articles}
    return [
        {
            "file": f"{article.file_stem}.{suffix}",
            "date": article.published.isoformat(),
            "title": article.title,
            "url": article.url,
            "outlet": article.outlet.name,
            "on_topic": article.on_topic,
            "copy_of": (
                f"{by_number[article.copy_of].file_stem}.{suffix}"
                if article.copy_of is not None
                else None
            ),
        }
        for article in articles
    ]


def write_index(folder: Path, articles: Sequence[CorpusArticle], suffix: str) -> None:
    header = "# Generated by benchmarks/corpus.py: do not edit.\n"
    documents = yaml.safe_dump(
        {"documents": index_entries(articles, suffix)},
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )
    (folder / "index.yaml").write_text(header + documents, encoding="utf-8")


def write_text(articles: Sequence[CorpusArticle], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        path = folder / f"{article.file_stem}.txt"
        path.write_text(f"{article.title}\n{article.text}\n", encoding="utf-8")
    write_index(folder, articles, "txt")


def write_html(articles: Sequence[CorpusArticle], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        page = render_page(article, related_links(articles, article))
        (folder / f"{article.file_stem}.html").write_text(page, encoding="utf-8")
    write_index(folder, articles, "html")


def jsonl_records(articles: Sequence[CorpusArticle]) -> Iterable[dict[str, Any]]:
    by_number = {article.number: article for article in articles}
    for article in articles:
        yield {
            "url": article.url,
            "title": article.title,
            "published": article.published.isoformat(),
            "text": article.text,
            "outlet": article.outlet.name,
            "language": "fr",
            "on_topic": article.on_topic,
            "copy_of": by_number[article.copy_of].url if article.copy_of is not None else None,
        }


def write_jsonl(articles: Sequence[CorpusArticle], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as stream:
        for record in jsonl_records(articles):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_site(articles: Sequence[CorpusArticle], folder: Path, base_url: str) -> None:
    """The static site described in the module docstring, linking under ``base_url``."""
    base_url = base_url.rstrip("/")
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "feeds").mkdir(parents=True, exist_ok=True)
    for article in articles:
        page = render_page(
            article,
            related_links(articles, article, base_url),
            url=f"{base_url}/articles/{article.slug}.html",
            feed_url=f"{base_url}/feeds/{article.outlet.slug}.xml",
        )
        (folder / "articles" / f"{article.slug}.html").write_text(page, encoding="utf-8")
    links = []
    for outlet in OUTLETS:
        own = [article for article in articles if article.outlet == outlet]
        feed = render_feed(outlet, own, base_url)
        (folder / "feeds" / f"{outlet.slug}.xml").write_text(feed, encoding="utf-8")
        links.append(
            f'<li><a href="{base_url}/feeds/{outlet.slug}.xml">{html.escape(outlet.name)}</a>'
            f" ({len(own)} articles)</li>"
        )
    (folder / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        "<title>Flux du corpus</title></head><body><h1>Flux</h1><ul>\n"
        + "\n".join(links)
        + "\n</ul></body></html>\n",
        encoding="utf-8",
    )
    (folder / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")


def write_corpus(
    articles: Sequence[CorpusArticle],
    out: Path,
    formats: Iterable[str] = FORMATS,
    *,
    base_url: str = DEFAULT_BASE_URL,
) -> None:
    wanted = set(formats)
    if "txt" in wanted:
        write_text(articles, out / "txt")
    if "html" in wanted:
        write_html(articles, out / "html")
    if "jsonl" in wanted:
        write_jsonl(articles, out / "articles.jsonl")
    if "site" in wanted:
        write_site(articles, out / "site", base_url)


# -- synthetic rule topics (rule-scaling benchmark) -------------------------------------

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
    paths = [RULES / "coree-du-nord-russie.yaml"]
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
        if rule_set is None:
            raise ValueError(f"{path}: synthetic rule file rejected: {problems}")
        rule_sets.append(rule_set)
    return compile_rules(rule_sets)


# -- command line -----------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument(
        "--formats",
        default=",".join(FORMATS),
        help=f"comma-separated subset of {','.join(FORMATS)} (default: all)",
    )
    parser.add_argument(
        "--base-url", default=DEFAULT_BASE_URL, help="where site/ will be served (site format)"
    )
    options = parser.parse_args(argv)
    formats = [name.strip() for name in options.formats.split(",") if name.strip()]
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        parser.error(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    if options.articles < 1:
        parser.error("--articles must be at least 1")
    articles = generate_corpus(options.articles, options.seed)
    write_corpus(articles, options.out, formats, base_url=options.base_url)
    on_topic = sum(article.on_topic and article.copy_of is None for article in articles)
    copies = sum(article.copy_of is not None for article in articles)
    print(
        f"{len(articles)} articles ({on_topic} on-topic, {copies} syndicated copies) "
        f"written to {options.out} as {', '.join(formats)}"
    )


if __name__ == "__main__":
    main()
