#!/usr/bin/env python3
"""Write items/*.txt and the item elements of expected.json (claims), checking every text_span.
Alerts are then computed by build_alerts.py. Usage: python3 make_items.py && python3 build_alerts.py"""
import json, pathlib
HERE = pathlib.Path(__file__).resolve().parent
NB, NNB = "\u00a0", "\u202f"

def C(q, low, high, qual, src, grp, span, **kw):
    d = dict(quantity=q, low=low, high=high, qualifier=qual, source=src, source_group=grp, text_span=span)
    d.update(kw)
    return d

ITEMS = []
def item(file, date, basis, url, outlet, title, body, claims, note=None, neg=None):
    ITEMS.append(dict(file=file, date=date, basis=basis, url=url, outlet=outlet, title=title, body=body,
                      claims=claims, note=note, neg=neg))

# ---------------------------------------------------------------- positives
item("2022-05-23_1_tf1info_ecdc_67_cas_ue.txt", "2022-05-23", "stated: ECDC's first risk assessment 'ce lundi 23 mai' (URL month 2022-05)",
 "https://www.tf1info.fr/sante/variole-du-singe-un-risque-tres-faible-de-contagion-dans-la-population-selon-une-agence-europeenne-2220738.html",
 "TF1 Info",
 "Variole du singe : l'agence européenne juge « très faible » le risque pour la population",
 "Faut-il redouter une flambée de variole du singe ? Pas forcément, selon le Centre européen de prévention et de contrôle des maladies (ECDC), qui a publié lundi 23 mai sa première évaluation des risques. L'agence européenne y qualifie de « très faible » le risque de contagion pour la population générale. Depuis l'apparition inhabituelle du virus en Europe et en Amérique du Nord, 67 cas ont été déclarés dans neuf pays de l'Union européenne, selon les autorités sanitaires européennes citées par l'AFP.",
 [C("cases_europe", 67, 67, "exact", "autorités sanitaires européennes (ECDC)", "EU", "67 cas ont été déclarés")],
 note="Not annotated: 'neuf pays de l'Union européenne' (EU countries only, not the world count of countries_affected).")

item("2022-05-24_1_cnews_trois_cas_france.txt", "2022-05-24", "URL date 2022-05-24; SpF toll of Monday 23 May",
 "https://www.cnews.fr/sante/2022-05-24/variole-du-singe-deux-nouveaux-cas-confirmes-en-france-1221654", "CNews",
 "Variole du singe : deux nouveaux cas confirmés en France",
 "Deux nouveaux malades atteints de la variole du singe, ou monkeypox, ont été identifiés en France. D'après le bilan publié lundi 23 mai par Santé publique France, le pays compte désormais trois cas confirmés, un premier patient ayant été détecté jeudi dernier en Île-de-France. Selon l'agence, ces cas sont survenus « principalement, mais pas uniquement » chez des hommes ayant des relations sexuelles avec des hommes, sans lien direct avec des personnes revenant d'une zone endémique. La surveillance par déclaration obligatoire a été renforcée et des messages d'alerte ont été adressés aux professionnels de santé. L'incubation de la maladie peut durer de 5 à 21 jours.",
 [C("cases_france", 3, 3, "exact", "Santé publique France", "FR_HEALTH", "compte désormais trois cas confirmés")],
 note="Not annotated: 'Deux nouveaux malades' (increment), 'un premier patient' (the first case), incubation 5 to 21 days (duration).")

item("2022-05-30_1_20minch_219_cas_europe.txt", "2022-05-30", "inferred: reports Sunday 29 May French toll as latest (URL date 2022-05)",
 "https://www.20min.ch/fr/story/219-cas-en-europe-plus-de-330-dans-le-monde-faut-il-sinquieter-724508917883", "20 minutes (Suisse)",
 "Variole du singe : 219 cas en Europe, plus de 330 dans le monde, faut-il s'inquiéter ?",
 "Les autorités sanitaires françaises ont confirmé dimanche 29 mai seize cas d'infection au virus de la variole du singe ; la Suisse en compte trois pour l'heure. Hors des 12 pays d'Afrique centrale et de l'Ouest où cette maladie rare est endémique, le virus a été détecté dans plus de 20 autres pays, dont le Canada, les États-Unis, l'Australie, Israël, l'Argentine et le Mexique. L'Espagne (98 cas), le Royaume-Uni (90) et le Portugal (74) concentrent l'essentiel des malades. Au 25 mai, on dénombrait 219 cas confirmés en Europe et plus de 330 à l'échelle mondiale. Les cas sont jusqu'ici majoritairement bénins et aucun décès n'est à déplorer, tandis que l'Union européenne prépare des achats groupés de vaccins.",
 [C("cases_france", 16, 16, "exact", "autorités sanitaires françaises", "FR_HEALTH", "seize cas d'infection"),
  C("countries_affected", 20, 20, "more_than", "UNATTRIBUTED", "UNATTRIBUTED", "plus de 20 autres pays"),
  C("cases_europe", 219, 219, "exact", "UNATTRIBUTED", "UNATTRIBUTED", "219 cas confirmés en Europe", hand_review="new_figure: figures of 23 May (ECDC, nine EU countries) and 25 May (Europe) for a count that was rising fast in the first week; not two sources disagreeing"),
  C("cases_world", 330, 330, "more_than", "UNATTRIBUTED", "UNATTRIBUTED", "plus de 330 à l'échelle mondiale")],
 note="Not annotated: Switzerland 3, Spain 98, UK 90, Portugal 74 (other countries), the 12 endemic countries. 'plus de 20 autres pays' counts non-endemic countries with cases (countries_affected).")

item("2022-06-06_1_lessorsavoyard_51_cas.txt", "2022-06-06", "URL date 2022-06-06; SpF toll of 3 June",
 "https://www.lessorsavoyard.fr/41926/article/2022-06-06/51-cas-de-variole-du-singe-denombres-en-france", "L'Essor savoyard",
 "51 cas de variole du singe dénombrés en France",
 "Deux semaines après la confirmation du premier cas, le 19 mai, la France compte 51 cas confirmés de variole du singe au 3 juin à 14 heures, selon Santé publique France : 37 en Île-de-France, 6 en Occitanie, 4 en Auvergne-Rhône-Alpes, 2 en Normandie, 1 dans les Hauts-de-France et 1 en Centre-Val de Loire. Tous les cas investigués sont des hommes âgés de 22 à 63 ans ; l'un d'eux a été hospitalisé mais ne l'est plus, et aucun n'est décédé. Vingt-deux d'entre eux avaient voyagé à l'étranger avant l'apparition des symptômes, dont treize en Espagne. À l'échelle mondiale, l'OMS a recensé entre le 13 mai et le 2 juin 780 cas confirmés en laboratoire dans 27 États membres où le virus n'est pas endémique.",
 [C("cases_france", 51, 51, "exact", "Santé publique France", "FR_HEALTH", "compte 51 cas confirmés"),
  C("cases_idf", 37, 37, "exact", "Santé publique France", "FR_HEALTH", "37 en Île-de-France"),
  C("hospitalised_france", 1, 1, "exact", "Santé publique France", "FR_HEALTH", "l'un d'eux a été hospitalisé"),
  C("cases_world", 780, 780, "exact", "OMS", "WHO", "780 cas confirmés en laboratoire"),
  C("countries_affected", 27, 27, "exact", "OMS", "WHO", "dans 27 États membres")],
 note="Not annotated: other regions' counts (6, 4, 2, 1, 1), ages, travellers (22, 13), dates.")

item("2022-06-08_1_20minutes_66_cas.txt", "2022-06-08", "URL date 2022-06-08 (20220608); SpF toll of 7 June",
 "https://www.20minutes.fr/sante/3303919-20220608-variole-singe-autorites-sanitaires-confirment-66-cas-france", "20 Minutes",
 "Variole du singe : les autorités sanitaires confirment 66 cas en France",
 "Le nombre de cas de variole du singe continue de croître en France. Vendredi, Santé publique France (SPF) faisait état de 51 cas ; « au 7 juin 2022 à 14 heures », l'agence en recense désormais 66, selon son site. Mardi, 48 cas résidaient en Île-de-France, 8 en Occitanie et 5 en Auvergne-Rhône-Alpes. Tous les cas investigués sont des hommes âgés de 22 à 63 ans ; un seul a été hospitalisé, et il ne l'est plus, tandis qu'aucun n'est décédé. La ministre de la Santé, Brigitte Bourguignon, avait assuré fin mai que le pays disposait de stocks de vaccins suffisants pour les cas contact, dont la vaccination a été recommandée le 24 mai par la Haute Autorité de santé.",
 [C("cases_france", 51, 51, "exact", "Santé publique France", "FR_HEALTH", "faisait état de 51 cas"),
  C("cases_france", 66, 66, "exact", "Santé publique France", "FR_HEALTH", "en recense désormais 66", revision_of=51, cue="Vendredi, Santé publique France (SPF) faisait état de 51 cas"),
  C("cases_idf", 48, 48, "exact", "Santé publique France", "FR_HEALTH", "48 cas résidaient en Île-de-France"),
  C("hospitalised_france", 1, 1, "exact", "Santé publique France", "FR_HEALTH", "un seul a été hospitalisé")])

item("2022-06-14_1_rtbf_ue_109090_doses.txt", "2022-06-14", "stated: contract concluded 'mardi' 14 June (URL date 2022-06)",
 "https://www.rtbf.be/article/l-ue-achete-quelque-110-000-vaccins-contre-la-variole-du-singe-pour-les-distribuer-aux-etats-membres-11012408", "RTBF",
 "L'UE achète quelque 110 000 vaccins contre la variole du singe pour ses États membres",
 "La Commission européenne a conclu mardi un contrat avec une société pharmaceutique danoise pour acheter des vaccins contre la variole du singe destinés aux États membres. Le matin même, la commissaire à la Santé, Stella Kyriakides, avait annoncé à son arrivée à une réunion des ministres européens de la Santé l'achat d'« environ 110.000 vaccins », à distribuer à partir de la fin juin. Un porte-parole a ensuite précisé que la commande, passée via la nouvelle autorité européenne HERA et ouverte aussi à la Norvège et à l'Islande, portait sur 109.090 doses d'Imvanex, produites par Bavarian Nordic. « Nous avons actuellement 900 cas de variole du singe dans l'UE, et environ 1400 cas à l'échelle mondiale », a indiqué Mme Kyriakides.",
 [C("vaccine_doses_eu", 110000, 110000, "approx", "Stella Kyriakides (Commission européenne)", "EU", "environ 110.000 vaccins"),
  C("vaccine_doses_eu", 109090, 109090, "exact", "Commission européenne (porte-parole)", "EU", "109.090 doses d'Imvanex"),
  C("cases_europe", 900, 900, "exact", "Stella Kyriakides (Commission européenne)", "EU", "900 cas de variole du singe dans l'UE"),
  C("cases_world", 1400, 1400, "approx", "Stella Kyriakides (Commission européenne)", "EU", "environ 1400 cas")])

item("2022-06-15_1_lesoir_kluge_1500_cas.txt", "2022-06-15", "URL date 2022-06-15; 'mercredi' press conference",
 "https://www.lesoir.be/448618/article/2022-06-15/variole-du-singe-lampleur-de-cette-epidemie-presente-un-risque-reel-estime-loms", "Le Soir",
 "Variole du singe : pour l'OMS, l'ampleur de l'épidémie présente « un risque réel »",
 "Le bureau européen de l'Organisation mondiale de la santé (OMS) s'est inquiété mercredi du risque de voir la variole du singe s'implanter sur le continent. « L'Europe reste l'épicentre de cette vague en pleine expansion, 25 pays ayant signalé plus de 1.500 cas, soit 85 % du total mondial », a affirmé en conférence de presse Hans Kluge, directeur de l'OMS Europe, une région qui rassemble 53 pays dont certains d'Asie centrale. « Plus le virus circulera longtemps, plus il étendra sa portée », a-t-il averti, redoutant que la maladie ne s'installe dans les pays non endémiques.",
 [C("cases_europe", 1500, 1500, "more_than", "Hans Kluge (OMS Europe)", "WHO", "plus de 1.500 cas")],
 note="Not annotated: '25 pays' (European countries only), '85 %' (share of the world total), '53 pays' (membership of the WHO European region). Scope: WHO European region (53 countries), not the EU/EEA of the 900 of 14 June.")

item("2022-06-22_1_ipreunion_277_cas.txt", "2022-06-22", "URL path 2022/06/22; SpF toll of 21 June",
 "http://www.ipreunion.com/actualites-reunion/reportage/2022/06/22/premier-cas-feminin-variole-du-singe-248-contaminations-en-france,153843.html", "Imaz Press Réunion",
 "Variole du singe : un premier cas féminin confirmé en France",
 "Santé publique France a recensé 277 cas confirmés de variole du singe au 21 juin 2022 à 14 heures, dont 195 en Île-de-France, 16 en Occitanie et autant en Nouvelle-Aquitaine. Pour la première fois, une femme figure parmi les malades ; son mode de contamination fait l'objet d'une enquête, tous les autres cas étant des hommes. Comme ailleurs en Europe, les cas surviennent majoritairement chez des hommes ayant des relations sexuelles avec des hommes, la plupart rapportant des partenaires multiples. Parmi les cas investigués, 78 % ont présenté une éruption génito-anale et 70 % de la fièvre ; onze sont immunodéprimés, et aucun n'est décédé.",
 [C("cases_france", 277, 277, "exact", "Santé publique France", "FR_HEALTH", "277 cas confirmés"),
  C("cases_idf", 195, 195, "exact", "Santé publique France", "FR_HEALTH", "195 en Île-de-France")],
 note="Not annotated: symptom percentages (78 %, 70 %), immunocompromised (onze), other regions. The source's 248 cases 'au 20 juin' was left out of the rewrite.")


item("2022-06-22_2_coklatsweetnews_277_cas_quarantaine_pays.txt", "2022-06-22", "inferred: relays the SpF toll 'au 21 juin 2022 à 14h00' as 'mardi' (agency dispatch of the next day); page undated",
 "https://coklatsweetnews.pages.dev/posts/nouvelles-variole-du-singe-277-cas-confirm-s-en-france-1er-chez-la-femme-12-infect-s-en-paca-", "Coklat Sweet News (dépêche reprise)",
 "Variole du singe : 277 cas en France, dont une première femme",
 "Le dernier bilan, cinq jours plus tôt, faisait état de 183 cas. Mardi, la France comptait 277 cas confirmés d'infection par le virus de la variole du singe, dont, pour la première fois, une femme, a indiqué Santé publique France dans un communiqué ; tous les autres malades sont des hommes et aucun patient n'est décédé. L'Île-de-France concentre 195 cas, loin devant l'Occitanie et la Nouvelle-Aquitaine (16 chacune). L'épidémie, qui touche désormais une quarantaine de pays, frappe principalement des hommes ayant des relations homosexuelles, sans s'y limiter. La maladie ne concernait jusqu'ici qu'une dizaine de pays africains ; elle guérit en général spontanément en deux à trois semaines.",
 [C("cases_france", 183, 183, "exact", "Santé publique France", "FR_HEALTH", "faisait état de 183 cas", superseded_in_item=True, hand_review="no alert: the superseded SpF toll of 16 June, named as such by the item ('Le dernier bilan, cinq jours plus tôt'); the mechanical rule-c contradiction with the 277 of the same day is kept as optional"),
  C("cases_france", 277, 277, "exact", "Santé publique France", "FR_HEALTH", "comptait 277 cas confirmés", revision_of=183, cue="Le dernier bilan, cinq jours plus tôt, faisait état de 183 cas"),
  C("cases_idf", 195, 195, "exact", "Santé publique France", "FR_HEALTH", "concentre 195 cas"),
  C("countries_affected", 40, 40, "approx", "UNATTRIBUTED", "UNATTRIBUTED", "une quarantaine de pays")],
 note="Not annotated: 'une dizaine de pays africains' (endemic countries before the outbreak), Occitanie and Nouvelle-Aquitaine (16), 'deux à trois semaines' (duration). 'une quarantaine' read as approx 40.")

item("2022-06-24_1_francetvinfo_330_cas.txt", "2022-06-24", "inferred: SpF announcement 'jeudi 23 juin' reported the next day (URL month 2022-06)",
 "https://www.francetvinfo.fr/sante/maladie/variole-du-singe/variole-du-singe-330-cas-confirmes-en-france_5218093.html", "Franceinfo",
 "Variole du singe : 330 cas confirmés en France",
 "Le nombre de cas continue d'augmenter. Mardi, le précédent bilan faisait état de 277 cas, dont, pour la première fois, une femme. Jeudi 23 juin, Santé publique France a annoncé avoir recensé 330 cas confirmés depuis l'apparition de la maladie sur le territoire, sans aucun décès. L'Île-de-France en regroupe 227, loin devant l'Occitanie (22) et l'Auvergne-Rhône-Alpes (21). Dans le même temps, l'OMS a appelé les pays à la vigilance face à une flambée rare de plus de 3 200 cas dans le monde, avant de décider si elle constitue une « urgence de santé publique de portée internationale ».",
 [C("cases_france", 277, 277, "exact", "Santé publique France", "FR_HEALTH", "faisait état de 277 cas"),
  C("cases_france", 330, 330, "exact", "Santé publique France", "FR_HEALTH", "avoir recensé 330 cas", revision_of=277, cue="Mardi, le précédent bilan faisait état de 277 cas"),
  C("cases_idf", 227, 227, "exact", "Santé publique France", "FR_HEALTH", "en regroupe 227"),
  C("cases_world", 3200, 3200, "more_than", "OMS", "WHO", "plus de 3 200 cas dans le monde")])

item("2022-06-25_1_zonebourse_oms_pas_urgence.txt", "2022-06-25", "URL utm_content=20220625; WHO decision 'samedi'",
 "https://www.zonebourse.com/actualite-bourse/L-OMS-declare-que-la-variole-du-singe-ne-constitue-pas-encore-une-urgence-sanitaire--40816739/?utm_medium=RSS&utm_content=20220625", "Zonebourse (Reuters)",
 "L'OMS juge que la variole du singe ne constitue pas encore une urgence sanitaire mondiale",
 "L'Organisation mondiale de la santé (OMS) a renoncé à déclencher son plus haut niveau d'alerte face au monkeypox, après avoir pris l'avis d'un comité d'experts internationaux. « Je suis profondément préoccupé par l'épidémie de variole du singe », a toutefois déclaré son directeur général, Tedros Adhanom Ghebreyesus. Selon l'OMS, plus de 3 200 cas confirmés et un décès ont été signalés au cours des six dernières semaines dans 48 pays où la maladie ne circule habituellement pas. Depuis le début de l'année, près de 1 500 cas et 70 décès ont en outre été rapportés en Afrique centrale, principalement en République démocratique du Congo. La souche ouest-africaine, qui se répand en Europe, aurait un taux de létalité d'environ 1 %.",
 [C("cases_world", 3200, 3200, "more_than", "OMS", "WHO", "plus de 3 200 cas confirmés"),
  C("deaths_world", 1, 1, "exact", "OMS", "WHO", "et un décès ont été signalés"),
  C("countries_affected", 48, 48, "exact", "OMS", "WHO", "dans 48 pays", hand_review="new_figure: the WHO's exact 48 countries versus a loose 'une quarantaine de pays' three days earlier, for a rising count; not a disagreement")],
 note="Not annotated: the endemic Central African count ('près de 1 500 cas et 70 décès', another epidemic strand than the multi-country outbreak), the 1 % fatality rate, 'six dernières semaines' (duration).")

item("2022-07-01_1_20minutes_kluge_4500_cas.txt", "2022-07-01", "URL date 20220701; WHO Europe statement 'vendredi'",
 "https://www.20minutes.fr/sante/3319123-20220701-variole-singe-oms-appelle-europe-action-urgente-devant-envolee-cas", "20 Minutes",
 "Variole du singe : l'OMS appelle l'Europe à une « action urgente » devant l'envolée des cas",
 "Face au triplement des cas de variole du singe en deux semaines sur le continent, l'Organisation mondiale de la santé (OMS) a appelé vendredi à une « action urgente » en Europe. Dans un communiqué, son directeur régional, Hans Kluge, demande aux pays européens d'« augmenter leurs efforts dans les prochaines semaines et mois » afin d'éviter que la maladie ne s'installe dans une zone géographique plus vaste. L'Europe compte désormais plus de 4.500 cas confirmés en laboratoire, soit 90 % des cas enregistrés dans le monde depuis la mi-mai.",
 [C("cases_europe", 4500, 4500, "more_than", "OMS Europe", "WHO", "plus de 4.500 cas confirmés")],
 note="Not annotated: '90 %' (share of the world total), 'triplement' (ratio).")

item("2022-07-07_1_tf1info_6027_cas_monde.txt", "2022-07-07", "stated: WHO bulletin 'jeudi' 7 July (URL month 2022-07)",
 "https://www.tf1info.fr/sante/variole-du-singe-monkeypox-symptomes-plus-de-6000-cas-dans-le-monde-dont-huit-sur-dix-en-europe-selon-l-oms-2225741.html", "TF1 Info",
 "Variole du singe : plus de 6 000 cas dans le monde, dont huit sur dix en Europe, selon l'OMS",
 "L'épidémie de variole du singe s'accélère, surtout en Europe, qui en reste l'épicentre. Mardi, l'Organisation mondiale de la santé (OMS) recensait quelque 5300 cas ; jeudi, elle a fait état de 6027 cas signalés dans le monde entre le 1er janvier et le 4 juillet, dont 80 % sur le continent européen. Son dernier bulletin épidémiologique mentionne également trois décès. Depuis son précédent point de situation, le 27 juin, les cas ont bondi de 77 %, et le nombre de pays touchés est passé à 59. L'Allemagne, le Royaume-Uni et l'Espagne comptent chacun plus de 1000 cas, tandis que la France en recensait 498 au 6 juillet, selon le Centre européen de prévention et de contrôle des maladies (ECDC).",
 [C("cases_world", 5300, 5300, "approx", "OMS", "WHO", "recensait quelque 5300 cas"),
  C("cases_world", 6027, 6027, "exact", "OMS", "WHO", "6027 cas signalés", revision_of=5300, cue="Mardi, l'Organisation mondiale de la santé (OMS) recensait quelque 5300 cas"),
  C("deaths_world", 3, 3, "exact", "OMS", "WHO", "trois décès"),
  C("countries_affected", 59, 59, "exact", "OMS", "WHO", "est passé à 59"),
  C("cases_france", 498, 498, "exact", "ECDC", "EU", "en recensait 498")],
 note="Not annotated: 80 %, 77 % (shares/rates), 'plus de 1000 cas' per country (Germany, UK, Spain). The 498 for France is an ECDC figure, lagging SpF's count.")

item("2022-07-13_1_francetvinfo_912_cas.txt", "2022-07-13", "inferred: cites SpF figures 'communiqués le 12 juillet' as the latest (URL month 2022-07)",
 "https://www.francetvinfo.fr/sante/maladie/variole-du-singe/on-risque-de-payer-tres-cher-ce-retard-a-l-allumage-la-lenteur-et-l-opacite-de-la-campagne-de-vaccination-contre-la-variole-du-singe-inquiete-le-public-cible_5267461.html", "Franceinfo",
 "Variole du singe : la lenteur de la campagne de vaccination inquiète le public cible",
 "Décrocher un rendez-vous de vaccination contre la variole du singe tient du parcours du combattant, ironise Marc-Antoine Bartoli, coordinateur prévention d'Act Up-Paris, pour qui les créneaux « partent aussi vite que des places de concert de Lady Gaga ». Le nombre de cas progresse pourtant nettement : d'après les derniers chiffres communiqués le 12 juillet par Santé publique France, 912 cas ont été confirmés dans le pays. Jusque-là réservée aux adultes ayant eu un contact à risque avec un malade, la vaccination a été ouverte le 8 juillet aux hommes ayant des relations sexuelles avec des hommes et aux personnes trans multipartenaires, aux personnes en situation de prostitution et aux professionnels des lieux de consommation sexuelle, a rappelé Elisabeth Bouvet, présidente de la commission technique des vaccinations de la Haute Autorité de santé.",
 [C("cases_france", 912, 912, "exact", "Santé publique France", "FR_HEALTH", "912 cas ont été confirmés", hand_review="new_figure: SpF's count of 12 July rising from the ECDC table's 498 of 6 July (a lagging relay of French data); not a disagreement")])

item("2022-07-20_1_monacomatin_1453_cas.txt", "2022-07-20", "inferred: SpF toll 'au 19 juillet 2022 à 12h' published on 20 July (TF1 Info relayed it 'ce mercredi 20 juillet')",
 "https://www.monacomatin.mc/sante/variole-du-singe-plus-de-1450-cas-confirmes-en-france-782393", "Monaco-Matin",
 "Variole du singe : plus de 1 450 cas confirmés en France",
 "Une semaine plus tôt, Santé publique France faisait état de 912 cas. L'agence en recense désormais 1.453 au 19 juillet à midi, dont six femmes et deux enfants, tout en soulignant que cette hausse, qui s'étale sur plusieurs semaines, ne doit pas être lue comme une « augmentation exceptionnelle ». Parmi les malades, 678 résident en Île-de-France, 111 en Occitanie et 103 en Auvergne-Rhône-Alpes ; 274 sont séropositifs au VIH. Face aux critiques sur les difficultés à obtenir un rendez-vous, le gouvernement assure que les vaccins ne manquent pas et que les doses arrivent progressivement dans 70 centres. Le comité d'urgence de l'OMS doit se réunir jeudi, alors que la flambée a franchi la barre des 10.000 cas dans le monde.",
 [C("cases_france", 912, 912, "exact", "Santé publique France", "FR_HEALTH", "faisait état de 912 cas"),
  C("cases_france", 1453, 1453, "exact", "Santé publique France", "FR_HEALTH", "en recense désormais 1.453", revision_of=912, cue="Une semaine plus tôt, Santé publique France faisait état de 912 cas"),
  C("cases_idf", 678, 678, "exact", "Santé publique France", "FR_HEALTH", "678 résident en Île-de-France"),
  C("cases_world", 10000, 10000, "more_than", "UNATTRIBUTED", "UNATTRIBUTED", "la barre des 10.000 cas")],
 note="Not annotated: women (six) and children (deux) as counts, other regions, HIV-positive cases (274), vaccination centres (70). The 912 is 7 days old: not historical (> 7 days).")

item("2022-07-21_1_lesoir_cdc_15300_cas.txt", "2022-07-21", "URL date 2022-07-21",
 "https://www.lesoir.be/455471/article/2022-07-21/linquietude-monte-devant-la-diffusion-de-la-variole-du-singe-en-europe-et-dans", "Le Soir",
 "L'inquiétude monte devant la diffusion de la variole du singe en Europe et dans le monde",
 "Plus de 15.300 cas de variole du singe ont été recensés dans 71 pays, selon les derniers chiffres des Centres américains de prévention et de contrôle des maladies (CDC), alors qu'on en comptait 932 début juin. En à peine trois mois, la flambée s'est étendue au monde entier, avec l'Europe pour épicentre : plus de 7.000 cas y étaient dénombrés lundi, soit une hausse de 50 % en une semaine. L'Espagne est le pays le plus touché, avec 3.125 cas, devant le Royaume-Uni (2.137), l'Allemagne (2.110) et les États-Unis (1.965), la France en comptant 912. En Belgique, l'institut de santé Sciensano avait comptabilisé mardi 331 cas confirmés.",
 [C("cases_world", 15300, 15300, "more_than", "CDC", "FOREIGN", "Plus de 15.300 cas"),
  C("countries_affected", 71, 71, "exact", "CDC", "FOREIGN", "dans 71 pays"),
  C("cases_world", 932, 932, "exact", "CDC", "FOREIGN", "on en comptait 932 début juin", historical=True),
  C("cases_europe", 7000, 7000, "more_than", "UNATTRIBUTED", "UNATTRIBUTED", "plus de 7.000 cas y étaient dénombrés"),
  C("cases_france", 912, 912, "exact", "UNATTRIBUTED", "UNATTRIBUTED", "la France en comptant 912")],
 note="Not annotated: Spain, UK, Germany, US, Belgium counts (other countries), 50 % (rate). The country ranking and the European count are not attributed in the item (only the world total is the CDC's). The 912 for France lags the 1 453 published by SpF the day before, but it matches SpF's own 912 of 12 July, so the rules raise nothing (hard case).")

item("2022-07-22_1_francetvinfo_30000_doses.txt", "2022-07-22", "inferred: 'sur 1 500 cas recensés', cases 'presque doublé' in a week (912 -> 1 453 on 20 July) and first volunteers in Rouen 'cette semaine' (URL month 2022-07)",
 "https://www.francetvinfo.fr/sante/maladie/variole-du-singe/variole-du-singe-la-vaccination-debute-doucement_5272255.html", "Franceinfo",
 "Variole du singe : la vaccination débute doucement",
 "En une semaine, le nombre de cas de variole du singe a presque doublé en France, et la flambée inquiète l'Organisation mondiale de la santé. Se faire vacciner demande pourtant de la patience : pour quelque 1 500 cas recensés, seules 30 000 doses seraient disponibles. Au CHU de Rouen, les premiers volontaires se sont présentés cette semaine. La maladie touche à ce jour très majoritairement des hommes homosexuels, qui représentent 98 % des cas. « Quand on nous dit trente mille doses, on sait très bien que ça ne va pas être suffisant dans les jours et semaines à venir », prévient Marc-Antoine Bartoli, d'Act Up, rappelant que les personnes immunodéprimées ou vivant avec le VIH peuvent avoir besoin d'une troisième dose.",
 [C("cases_france", 1500, 1500, "approx", "UNATTRIBUTED", "UNATTRIBUTED", "quelque 1 500 cas recensés"),
  C("vaccine_doses_supplied_france", 30000, 30000, "exact", "UNATTRIBUTED", "UNATTRIBUTED", "seules 30 000 doses seraient disponibles"),
  C("share_cases_msm", 98, 98, "exact", "UNATTRIBUTED", "UNATTRIBUTED", "98 % des cas"),
  C("vaccine_doses_supplied_france", 30000, 30000, "exact", "Act Up (citant les autorités)", "ASSOC", "trente mille doses")],
 note="'seraient disponibles': journalistic conditional on a reported figure, not hypothetical. 'troisième dose' is an ordinal.")

item("2022-07-25_1_francetvinfo_braun_grand_centre.txt", "2022-07-25", "stated: minister on BFMTV 'lundi 25 juillet' (URL month 2022-07)",
 "https://www.francetvinfo.fr/sante/maladie/variole-du-singe/variole-du-singe-le-ministre-de-la-sante-annonce-l-ouverture-d-un-centre-de-vaccination-de-grande-capacite-a-paris_5277406.html", "Franceinfo",
 "Variole du singe : François Braun annonce un centre de vaccination de grande capacité à Paris",
 "Les autorités sanitaires veulent intensifier la prévention contre la variole du singe, dont 1" + NB + "567 cas ont été confirmés en France jusqu'à présent. Invité de BFMTV lundi 25 juillet, le ministre de la Santé, François Braun, a annoncé l'ouverture dès le lendemain à Paris d'un centre capable d'augmenter « très significativement » le volume des vaccinations, plus d'une centaine de centres étant déjà en place dans le pays. « Nous avons les doses, il faut maintenant les bras pour vacciner », a-t-il insisté. La mairie de Paris ne partage pas ce constat : l'adjointe écologiste à la santé, Anne Souyris, juge « complètement insuffisantes » les 30 000 doses déstockées annoncées vendredi par le ministère, et estime qu'il en faudrait dix fois plus. Samedi, le directeur général de l'OMS, Tedros Adhanom Ghebreyesus, a déclenché le plus haut niveau d'alerte : depuis début mai, la maladie a frappé plus de 16" + NNB + "836 personnes dans 74 pays.",
 [C("cases_france", 1567, 1567, "exact", "autorités sanitaires", "FR_HEALTH", "1" + NB + "567 cas ont été confirmés"),
  C("vaccine_doses_supplied_france", 30000, 30000, "exact", "ministère de la Santé", "FR_HEALTH", "les 30 000 doses déstockées"),
  C("cases_world", 16836, 16836, "more_than", "OMS", "WHO", "plus de 16" + NNB + "836 personnes"),
  C("countries_affected", 74, 74, "exact", "OMS", "WHO", "dans 74 pays")],
 note="Not annotated: 'plus d'une centaine de centres' (vaccination centres), 'dix fois plus' (a multiplier, hypothetical need).")

item("2022-07-29_1_francetvinfo_1955_cas.txt", "2022-07-29", "stated: toll 'vendredi 29 juillet' (URL month 2022-07)",
 "https://www.francetvinfo.fr/sante/maladie/variole-du-singe/variole-du-singe-en-france-l-epidemie-gagne-duterrain_5285113.html", "Franceinfo",
 "Variole du singe : en France, l'épidémie gagne du terrain",
 "Au moins 1 955 cas de variole du singe ont été recensés en France depuis le début de l'épidémie, dont 1 300 en Île-de-France, selon le point du vendredi 29 juillet, soit une hausse de 25 % en une semaine. Rien qu'en région parisienne, 60 à 70 nouveaux cas sont détectés chaque jour, sans hospitalisation pour le moment. Les hommes ayant des relations sexuelles avec d'autres hommes représentent 96 % des cas et constituent le principal public de la vaccination, qui progresse elle aussi : plus de 11 000 personnes ont déjà reçu une injection, dont 70 % en Île-de-France. La ministre déléguée Agnès Firmin Le Bodo affirme qu'il n'y a pas de problème de doses, mais refuse d'en donner le nombre, classé secret défense.",
 [C("cases_france", 1955, 1955, "at_least", "UNATTRIBUTED", "UNATTRIBUTED", "Au moins 1 955 cas", hand_review="new_figure: the item itself states the progression (+25 % in a week) from the 1 567 of 25 July"),
  C("cases_idf", 1300, 1300, "exact", "UNATTRIBUTED", "UNATTRIBUTED", "dont 1 300 en Île-de-France"),
  C("share_cases_msm", 96, 96, "exact", "UNATTRIBUTED", "UNATTRIBUTED", "96 % des cas"),
  C("vaccinations_france", 11000, 11000, "more_than", "UNATTRIBUTED", "UNATTRIBUTED", "plus de 11 000 personnes")],
 note="Not annotated: '60 à 70 nouveaux cas' per day (daily incidence, not tracked), 25 % and 70 % (rates/shares of other figures).")

item("2022-07-30_1_sana_premiers_deces.txt", "2022-07-30", "inferred: deaths announced 'le 29 juillet'; agency dispatch of the following day",
 "https://sana.sy/fr/?p=273135", "SANA",
 "Variole du singe : premiers décès signalés hors d'Afrique",
 "L'Espagne et le Brésil ont annoncé le 29 juillet, à quelques heures d'intervalle, les premiers décès hors d'Afrique de personnes contaminées par la variole du singe, sans que l'on sache si le virus est bien à l'origine de ces morts. Ce qui porte à sept le nombre de décès enregistrés dans le monde depuis mai, les cinq premiers ayant été signalés en Afrique, où la maladie est endémique. Selon le directeur général de l'OMS, Tedros Adhanom Ghebreyesus, plus de 18 000 cas ont été détectés dans le monde depuis début mai en dehors des zones endémiques africaines, dans 78 pays ; 70 % d'entre eux sont concentrés en Europe et 25 % sur le continent américain.",
 [C("deaths_world", 7, 7, "exact", "UNATTRIBUTED", "UNATTRIBUTED", "porte à sept le nombre de décès"),
  C("cases_world", 18000, 18000, "more_than", "Tedros Adhanom Ghebreyesus (OMS)", "WHO", "plus de 18 000 cas"),
  C("countries_affected", 78, 78, "exact", "Tedros Adhanom Ghebreyesus (OMS)", "WHO", "dans 78 pays")],
 note="Not annotated: 'les cinq premiers' (part of the toll, in Africa), 70 % / 25 % (shares by region).")

item("2022-08-04_1_atlasinfo_onze_deces.txt", "2022-08", "inferred: WHO report counting cases 'depuis le 25 juillet' (early August 2022); page undated",
 "https://atlasinfo.fr/la-variole-du-singe-fait-ses-premieres-victimes-hors-dafrique-2.html", "Atlasinfo",
 "La variole du singe fait ses premières victimes hors d'Afrique",
 "« Pour la première fois, des décès dus à la variole du singe ont été signalés dans des pays autres que la Région africaine », indique l'Organisation mondiale de la santé dans son dernier rapport épidémiologique : deux en Espagne, un au Brésil et un en Inde. Dans deux cas, la mort a été liée à une encéphalite virale, et certains patients souffraient d'une immunodépression. Au total, onze décès ont été enregistrés à l'international. Près de 28.000 cas ont été détectés dans le monde depuis début mai, et la maladie est désormais présente dans 89 pays et territoires. Depuis le 25 juillet, 11.798 nouveaux cas et six nouveaux décès ont été signalés, précise l'agence onusienne.",
 [C("deaths_world", 11, 11, "exact", "OMS", "WHO", "onze décès ont été enregistrés", hand_review="new_figure: the item itself states six new deaths since 25 July; the world toll rose from seven"),
  C("cases_world", 28000, 28000, "approx", "OMS", "WHO", "Près de 28.000 cas"),
  C("countries_affected", 89, 89, "exact", "OMS", "WHO", "89 pays et territoires")],
 note="Not annotated: per-country deaths (deux, un, un: parts), 'Dans deux cas', increments since 25 July (11.798 cases, six deaths).")

item("2022-08-10_1_boursier_braun_30000_vaccines.txt", "2022-08-10", "stated: minister on RTL 'mercredi' (10 August per Franceinfo's fact-check of the same interview)",
 "https://www.boursier.com/actualites/reuters/france-plus-de-2-600-cas-de-variole-du-singe-plus-de-30-000-vaccines-selon-francois-braun-297541.html", "Boursier.com (Reuters)",
 "France : plus de 2 600 cas de variole du singe et plus de 30 000 vaccinés, selon François Braun",
 "« Nous sommes à un peu plus de 2.600 cas confirmés en France, nous avons vacciné plus de 30.000 personnes et le rythme de vaccination s'accélère », a déclaré mercredi sur RTL le ministre de la Santé, François Braun, qui fait état de plus de 2.000 injections par jour. Selon lui, les stocks suffisent pour vacciner les quelque 250.000 personnes éligibles à la vaccination préventive selon les critères de la Haute Autorité de santé, mais il n'a pas précisé le nombre de doses, couvert par le secret défense. À partir de mercredi, cinq pharmacies d'Île-de-France, des Hauts-de-France et de Provence-Alpes-Côte d'Azur participent à titre de test à la campagne, qui s'appuie déjà sur plus d'une centaine de centres.",
 [C("cases_france", 2600, 2600, "more_than", "François Braun (ministre de la Santé)", "FR_HEALTH", "un peu plus de 2.600 cas confirmés"),
  C("vaccinations_france", 30000, 30000, "more_than", "François Braun (ministre de la Santé)", "FR_HEALTH", "vacciné plus de 30.000 personnes")],
 note="Not annotated: 2.000 injections per day (rate), 250.000 eligible people (target population, not tracked), five pharmacies, centres.")

item("2022-08-12_1_tf1info_associations_vaccination.txt", "2022-08", "inferred: associations' statement of Friday 12 August and 'Au 10 août' figure; page month only",
 "https://www.tf1info.fr/sante/variole-du-singe-monkeypox-la-vaccination-traine-en-france-mais-est-ce-mieux-chez-nos-voisins-2229589.html", "TF1 Info",
 "Variole du singe : la vaccination traîne en France, les associations sonnent l'alarme",
 "Plusieurs associations, dont Act Up, Sidaction et Aides, ont exhorté les autorités à accélérer la campagne de vaccination contre la variole du singe. « Au rythme actuel, toutes les personnes éligibles seront vaccinées fin décembre, et avec une seule dose », avertissent-elles dans un communiqué, redoutant une épidémie « hors de contrôle ». Le gouvernement mise sur une vaccination préventive des personnes les plus exposées, mais « le rythme souhaité est de 10.000 vaccinations par jour, et on en est à 2.000 ou 3.000 par jour », a relevé sur CNews Bruno Mégarbane, chef du service de réanimation de l'hôpital Lariboisière. Au 10 août, la France avait franchi la barre des 30.000 vaccinés, un chiffre modeste mais supérieur à celui de la plupart de ses voisins européens.",
 [C("vaccinations_france", 30000, 30000, "more_than", "UNATTRIBUTED", "UNATTRIBUTED", "la barre des 30.000 vaccinés")],
 note="Not annotated: vaccination rates (10.000, 2.000 ou 3.000 par jour), 'une seule dose'.")

item("2022-08-14_1_francebleu_15_million_doses.txt", "2022-08-14", "stated: JDD revelation 'ce dimanche' (URL timestamp 1660471834 = 14 Aug 2022)",
 "https://www.francebleu.fr/infos/sante-sciences/variole-du-singe-la-france-a-achete-1-5-millions-de-doses-de-vaccin-1660471834", "France Bleu",
 "Variole du singe : la France a acheté 1,5 million de doses de vaccin",
 "La France a commandé 1,5 million de doses du vaccin Imvanex, fabriqué par le laboratoire danois Bavarian Nordic, révèle dimanche le Journal du dimanche. Le 19 juillet, le fabricant avait fait état de la commande de cette quantité par un pays « non dévoilé », en plus des 100.000 doses commandées en juin par l'Union européenne. Critiqué pour la lenteur de la campagne, le ministre de la Santé, François Braun, s'est toujours refusé à donner le nombre de doses disponibles, se bornant à évoquer un « stock très conséquent » couvert par le secret défense en raison du risque bioterroriste. Au total, 250.000 personnes ont été identifiées comme à risque.",
 [C("vaccine_doses_ordered_france", 1500000, 1500000, "exact", "Journal du dimanche", "OTHER", "commandé 1,5 million de doses"),
  C("vaccine_doses_eu", 100000, 100000, "exact", "Bavarian Nordic", "OTHER", "des 100.000 doses commandées en juin", historical=True)],
 note="Not annotated: 250.000 people at risk (target population). The EU's 100.000 (a rounding of the 109 090 of June) is part of the manufacturer's statement of 19 July, more than 7 days old: historical.")

item("2022-08-18_1_linternaute_2749_cas.txt", "2022-08-18", "stated: page 'Mis à jour le 18 août 2022'; SpF toll published 16 August",
 "https://www.linternaute.com/actualite/societe/2632303-variole-du-singe-transmission-symptomes-vers-une-strategie-zero-monkeypox/", "L'Internaute",
 "Monkeypox : vers une stratégie « zéro monkeypox » ?",
 "Selon le bilan de Santé publique France publié le 16 août, l'Hexagone compte 2" + NNB + "749 cas de variole du singe. L'Île-de-France en concentre 60 %, soit 1642, devant l'Occitanie (244) et l'Auvergne-Rhône-Alpes (213). Les malades sont pour l'essentiel des hommes adultes : seules 29 femmes ont été touchées, soit 1,1 % des cas, ainsi que quatre enfants de moins de 15 ans. Pour faire face à l'épidémie, 79 405 doses de vaccin de troisième génération ont été mises à disposition. Dans un entretien au Parisien, Brigitte Autran, présidente du Comité de veille et d'anticipation des risques sanitaires, juge possible une stratégie « zéro monkeypox » et réclame l'ouverture de davantage de centres de vaccination, au nombre de 150 aujourd'hui. Le ministère de la Santé continue d'invoquer le secret défense pour taire le nombre exact de doses en stock.",
 [C("cases_france", 2749, 2749, "exact", "Santé publique France", "FR_HEALTH", "compte 2" + NNB + "749 cas"),
  C("cases_idf", 1642, 1642, "exact", "Santé publique France", "FR_HEALTH", "soit 1642"),
  C("share_cases_women", 1.1, 1.1, "exact", "Santé publique France", "FR_HEALTH", "soit 1,1 % des cas"),
  C("vaccine_doses_supplied_france", 79405, 79405, "exact", "UNATTRIBUTED", "UNATTRIBUTED", "79 405 doses de vaccin")],
 note="Not annotated: 60 % (Île-de-France share, restates 1642), 29 women and four children as counts, other regions, 150 centres.")

item("2022-08-19_1_francetvinfo_103000_doses.txt", "2022-08-19", "stated: SpF figures 'publiés vendredi 19 août' (URL month 2022-08)",
 "https://www.francetvinfo.fr/sante/maladie/variole-du-singe/variole-du-singe-plus-de-100-000-doses-de-vaccin-ont-ete-livrees-aux-lieux-de-vaccination-en-france_5316547.html", "Franceinfo",
 "Variole du singe : plus de 100 000 doses de vaccin livrées aux lieux de vaccination en France",
 "La campagne de vaccination contre la variole du singe progresse. Selon Santé publique France, quelque 103" + NB + "000 doses avaient été livrées au 17 août dans les 189 lieux de vaccination ouverts en France, soit 46" + NB + "475 de plus en une semaine. Le ministère de la Santé chiffre à 43 767 le nombre de doses administrées depuis le début de la campagne, loin des 37 000 vaccinations hebdomadaires réclamées par des associations. L'agence sanitaire a par ailleurs recensé 2 889 cas entre le début de l'épidémie et le jeudi 18 août, dont 216 au cours de la dernière semaine, contre 250 la semaine précédente. L'Île-de-France reste largement en tête, avec près de 1 700 cas.",
 [C("vaccine_doses_supplied_france", 103000, 103000, "approx", "Santé publique France", "FR_HEALTH", "quelque 103" + NB + "000 doses", hand_review="new_figure: the item itself states 46 475 more doses delivered in a week; a rising delivery count, not a disagreement with the 79 405"),
  C("vaccinations_france", 43767, 43767, "exact", "ministère de la Santé", "FR_HEALTH", "chiffre à 43 767"),
  C("cases_france", 2889, 2889, "exact", "Santé publique France", "FR_HEALTH", "recensé 2 889 cas"),
  C("cases_idf", 1700, 1700, "approx", "Santé publique France", "FR_HEALTH", "près de 1 700 cas")],
 note="Not annotated: 189 vaccination sites, weekly increments (46 475 doses, 216 and 250 cases), the associations' demand of 37 000 vaccinations a week (a target). 'doses administrées' is read as vaccinations_france.")

item("2022-08-23_1_francebleu_braun_50000.txt", "2022-08-23", "stated: minister in Montpellier 'mardi', cap crossed 22 August (URL timestamp 1661270405 = 23 Aug 2022)",
 "https://www.francebleu.fr/infos/sante-sciences/variole-du-singe-le-cap-des-50-000-vaccinations-franchi-en-france-1661270405", "France Bleu",
 "Variole du singe : le cap des 50 000 vaccinations franchi en France",
 "« Le cap des 50.000 vaccinations » contre la variole du singe a été franchi le 22 août, a annoncé mardi à Montpellier le ministre de la Santé, François Braun, en visitant l'un des 188 centres de vaccination ouverts contre la maladie. La France est, selon lui, « l'un des pays au monde où l'on vaccine le plus avec les États-Unis ». Le ministre récuse toute idée de « retard à l'allumage », rappelant que la vaccination a débuté le 10 juillet, quelques jours après son arrivée. Vendredi, Santé publique France avait indiqué que plus de 100.000 doses avaient été livrées dans ces centres et que 2.889 cas confirmés avaient été recensés à la date de jeudi.",
 [C("vaccinations_france", 50000, 50000, "more_than", "François Braun (ministre de la Santé)", "FR_HEALTH", "Le cap des 50.000 vaccinations"),
  C("vaccine_doses_supplied_france", 100000, 100000, "more_than", "Santé publique France", "FR_HEALTH", "plus de 100.000 doses"),
  C("cases_france", 2889, 2889, "exact", "Santé publique France", "FR_HEALTH", "2.889 cas confirmés")],
 note="Not annotated: 188 centres. 'franchir le cap de' read as more_than. SpF's figures of 'vendredi' are 4 days old (not historical).")

item("2022-08-31_1_freedom_3547_cas.txt", "2022-08-31", "inferred: SpF point 'au 29 août 2022 à 12h00' published 31 August (next update announced for 31 August in the 23 August point)",
 "https://freedom.fr/cas-de-variole-du-singe-3-547-cas-confirmes-au-29-aout-2022-en-france/", "Freedom (La Réunion)",
 "Variole du singe : 3 547 cas confirmés en France au 29 août",
 "Au 29 août 2022 à midi, 3" + NB + "547 cas de variole du singe confirmés biologiquement avaient été recensés en France, selon le point de situation de Santé publique France. L'Île-de-France concentre le plus grand nombre de cas (2" + NB + "176, soit 61 %), suivie de l'Occitanie (293) et de l'Auvergne-Rhône-Alpes (235). La très grande majorité des cas adultes sont des hommes : 56 cas, soit 1,6 %, concernent des femmes, et neuf enfants de moins de 15 ans ont été déclarés. Parmi les cas pour lesquels l'information est connue, 68 (3 %) ont été hospitalisés en raison de leur infection, une proportion stable dans le temps. Aucun décès n'a été signalé à ce jour.",
 [C("cases_france", 3547, 3547, "exact", "Santé publique France", "FR_HEALTH", "3" + NB + "547 cas de variole du singe confirmés", hand_review="new_figure: SpF's own count rising from its 2 889 of 18 August, which the WHO table of 24 August relayed; not a disagreement"),
  C("cases_idf", 2176, 2176, "exact", "Santé publique France", "FR_HEALTH", "2" + NB + "176, soit 61 %"),
  C("share_cases_women", 1.6, 1.6, "exact", "Santé publique France", "FR_HEALTH", "soit 1,6 %"),
  C("hospitalised_france", 68, 68, "exact", "Santé publique France", "FR_HEALTH", "68 (3 %) ont été hospitalisés")],
 note="Not annotated: 61 % and 3 % (shares restating other figures), other regions, 56 women and nine children as counts.")

item("2022-08-31_2_tf1info_oms_50000_cas.txt", "2022-08-31", "stated: WHO briefing 'mercredi 31 août' (URL month 2022-08)",
 "https://www.tf1info.fr/sante/epidemie-maladie-variole-du-singe-plus-de-50-000-cas-et-16-deces-recenses-dans-le-monde-2230933.html", "TF1 Info",
 "Variole du singe : un seuil symbolique franchi dans le monde",
 "Le seuil symbolique des 50.000 cas de variole du singe a été dépassé depuis le début, en mai, d'une flambée qui touche surtout l'Amérique du Nord et l'Europe, a indiqué mercredi 31 août l'Organisation mondiale de la santé (OMS). Le tableau de bord de l'organisation, qui répertorie tous les cas confirmés, recensait à cette date 50.496 cas et 16 décès. Aux États-Unis comme en Europe, le nombre d'infections semble toutefois ralentir. « Avec les mesures adéquates, cette flambée peut être stoppée », a estimé le directeur général de l'OMS, Tedros Adhanom Ghebreyesus, saluant « une tendance continue à la baisse » au Canada et les bons résultats obtenus en Allemagne et aux Pays-Bas.",
 [C("cases_world", 50000, 50000, "more_than", "OMS", "WHO", "Le seuil symbolique des 50.000 cas"),
  C("cases_world", 50496, 50496, "exact", "OMS", "WHO", "50.496 cas"),
  C("deaths_world", 16, 16, "exact", "OMS", "WHO", "16 décès")])


item("2022-08-17_1_letemps_oms_36400_cas.txt", "2022-08", "inferred: WHO director-general's 'mercredi' press briefing reporting twelve deaths (between the eleven of early August and the sixteen of 31 August), i.e. Wednesday 17 August; page undated",
 "https://www.letemps.ch/sciences/variole-singe-loms-negocie-fabricants-vaccin-souhaite-davantage-donnees-efficacite", "Le Temps",
 "Variole du singe : l'OMS négocie avec les fabricants de vaccin et réclame davantage de données",
 "Le directeur général de l'Organisation mondiale de la santé (OMS), Tedros Adhanom Ghebreyesus, a annoncé mercredi lors d'un point presse que plus de 36 400 cas de variole du singe avaient été déclarés dans le monde depuis le début de l'épidémie. Les États-Unis arrivent en tête, devant de nombreux pays européens. Douze décès ont été rapportés. L'OMS dit négocier avec les fabricants de vaccin et souhaite disposer de davantage de données sur l'efficacité des doses administrées.",
 [C("cases_world", 36400, 36400, "more_than", "Tedros Adhanom Ghebreyesus (OMS)", "WHO", "plus de 36 400 cas"),
  C("deaths_world", 12, 12, "exact", "Tedros Adhanom Ghebreyesus (OMS)", "WHO", "Douze décès ont été rapportés")])

item("2022-08-24_1_tf1info_cuba_31665_cas.txt", "2022-08", "inferred: death in Cuba announced Monday 22 August and WHO situation point 'publié le 22 août' cited as the latest (URL month 2022-08)",
 "https://www.tf1info.fr/sante/epidemie-variole-du-singe-un-touriste-italien-decede-du-virus-a-cuba-2230087.html", "TF1 Info",
 "Variole du singe : un touriste italien meurt du virus à Cuba",
 "Un touriste italien atteint de la variole du singe est mort à Cuba. D'après le dernier bilan de l'Organisation mondiale de la santé, 31.665 personnes ont été contaminées dans le monde, alors que l'institution a déclenché en juillet son plus haut niveau d'alerte. Dans son point de situation publié le 22 août, l'OMS note une hausse de 21 % des cas entre le 15 et le 21 août par rapport à la semaine précédente ; les Amériques concentrent 60,3 % des malades et l'Europe 38,7 %. Les États-Unis sont les plus touchés (14.049 cas), devant l'Espagne (6119), le Brésil (3450), l'Allemagne (3295), le Royaume-Uni (3225) et la France (2889). Depuis le 15 août, l'Iran, l'Indonésie et Cuba ont signalé leurs premiers cas.",
 [C("cases_world", 31665, 31665, "exact", "OMS", "WHO", "31.665 personnes ont été contaminées"),
  C("cases_france", 2889, 2889, "exact", "OMS", "WHO", "la France (2889)")],
 note="Not annotated: 21 %, 60,3 %, 38,7 % (rates and regional shares), other countries' counts, The WHO situation report (data to 21-22 August) is below the 36 400 its director-general announced the week before: a mechanical cumulative-down contradiction, kept (two WHO counts that do not agree).")

item("2022-08-25_1_france3_2421_cas.txt", "2022-08", "inferred: cites the SpF toll 'au 23 août' as the latest; page undated (between 23 and 31 August)",
 "https://france3-regions.francetvinfo.fr/auvergne-rhone-alpes/variole-du-singe-le-point-sur-l-offre-vaccinale-en-auvergne-rhone-alpes-et-l-epidemie-qui-poursuit-sa-progression-2603776.html", "France 3 Auvergne-Rhône-Alpes",
 "Variole du singe : l'épidémie poursuit sa progression en Auvergne-Rhône-Alpes",
 "Sans flamber, la variole du singe continue de progresser régulièrement : en un mois, le nombre de cas a doublé, dans la région comme au niveau national. Selon Santé publique France, 1453 cas confirmés étaient recensés en France au 19 juillet, dont une centaine en Auvergne-Rhône-Alpes. Au 23 août, on en compte 2 421 dans le pays, dont 231 dans la région, plus de 70 % ayant été détectés dans le Rhône. Les cas restent majoritairement bénins. Depuis l'ouverture des premiers centres à la mi-juillet, l'offre vaccinale s'est élargie : 18 centres de vaccination sont désormais ouverts dans la région, et d'autres pourraient suivre.",
 [C("cases_france", 1453, 1453, "exact", "Santé publique France", "FR_HEALTH", "1453 cas confirmés", historical=True),
  C("cases_france", 2421, 2421, "exact", "Santé publique France", "FR_HEALTH", "on en compte 2 421", force_contradiction=True, hand_review="contradiction: 2 421 confirmed cases at 23 August is below the 2 889 SpF published on 19 August (SpF's point of 23 August says 3 421); mechanically it matches Braun's 'plus de 2 600' of 10 August within 10 % and raises nothing, but a falling cumulative count is what the desk must see")],
 note="SpF's point of 23 August gave 3 421 confirmed cases (santepubliquefrance.fr); the regional report's 2 421 (kept as the source states it) is below the 2 889 SpF had published on 19 August: a genuine cumulative-down contradiction. Not annotated: regional counts (une centaine, 231), 70 %, 18 centres.")

item("2022-08-30_1_lyondirect_dgs_70000_vaccines.txt", "2022-08-30", "stated: '30 août 2022 à 17:41'; DGS press conference 'ce mardi'",
 "https://lyon.direct/out/534358/", "Lyon.direct (Le Progrès)",
 "Variole du singe : deux nouveaux centres de vaccination dans le Rhône",
 "La vaccination contre la variole du singe, jusqu'ici limitée aux deux centres gratuits de dépistage des Hospices civils de Lyon, sera possible à partir du 1er septembre au centre de santé sexuelle Le Griffon, dans le 1er arrondissement, puis au Cegidd de l'hôpital de Villefranche-sur-Saône. À l'échelle nationale, plus de 220 centres ont été ouverts, 140 000 doses livrées et 70 000 personnes vaccinées, a indiqué mardi en conférence de presse le directeur général de la santé, Jérôme Salomon. Aux HCL, plus de 2000 vaccinations avaient été réalisées au 22 août ; malgré 900 créneaux mis en ligne entre le 17 août et le 2 septembre, il était de nouveau impossible d'y obtenir un rendez-vous mardi.",
 [C("vaccine_doses_supplied_france", 140000, 140000, "exact", "Jérôme Salomon (directeur général de la santé)", "FR_HEALTH", "140 000 doses livrées"),
  C("vaccinations_france", 70000, 70000, "exact", "Jérôme Salomon (directeur général de la santé)", "FR_HEALTH", "70 000 personnes vaccinées")],
 note="Not annotated: centres (220), local vaccinations at the Lyon hospitals (2000, another scope), appointment slots (900).")

item("2022-11-15_1_pourquoidocteur_hera_330000_doses.txt", "2022-11", "page month 2022-11 (metadata); day unknown",
 "https://www.pourquoidocteur.fr/Articles/Question-d-actu/41348-Variole-singe-importante-commande-vaccins-passee-l-Union-europeenne", "Pourquoi Docteur",
 "Variole du singe : importante commande de vaccins passée par l'Union européenne",
 "L'autorité européenne de préparation et de réaction en cas d'urgence sanitaire (HERA) a signé avec le laboratoire Bavarian Nordic un accord d'approvisionnement pour 2023 et 2024 portant sur un maximum de deux millions de doses du vaccin Imvanex contre la variole du singe, selon un communiqué du fabricant. Le montant du contrat n'a pas été dévoilé. Depuis juin, la HERA a déjà commandé 330.000 doses, distribuées aux États membres au cours de l'année 2022. D'après Bavarian Nordic, 14 pays ont déjà fait connaître leurs besoins pour l'an prochain, ce qui porte la première précommande à environ 700.000 doses à livrer en 2023.",
 [C("vaccine_doses_eu", 2000000, 2000000, "at_most", "Bavarian Nordic", "OTHER", "un maximum de deux millions de doses", hypothetical=True),
  C("vaccine_doses_eu", 330000, 330000, "exact", "Bavarian Nordic", "OTHER", "déjà commandé 330.000 doses")],
 note="'un maximum de deux millions': ceiling of a framework contract for 2023-2024 (possible orders), flagged hypothetical. Not annotated: the 2023 pre-order of 'environ 700.000 doses' (another period than the 2022 response), 14 countries.")

item("2022-11-16_1_freedom_4104_cas.txt", "2022-11-16", "inferred: SpF point 'au 15 novembre 2022 à 12h00', published the next day",
 "https://freedom.fr/cas-de-variole-du-singe-point-de-situation-au-15-novembre-2022/", "Freedom (La Réunion)",
 "Variole du singe : 4 104 cas confirmés en France au 15 novembre",
 "Santé publique France recensait au 15 novembre 2022 à midi 4" + NNB + "104 cas confirmés d'infection par le virus monkeypox, soit seulement 7 de plus qu'au bilan du 1er novembre. L'Île-de-France reste la région la plus touchée avec 2" + NNB + "498 cas (60,8 %), devant l'Occitanie (312), la Provence-Alpes-Côte d'Azur (287) et l'Auvergne-Rhône-Alpes (270). Parmi les cas de plus de 15 ans, 108 sont des femmes, soit 2,6 % ; aucun nouveau cas féminin n'a été signalé depuis la semaine 42. Au total, 94 malades (2,3 %) ont été hospitalisés du fait de leur infection, et aucun décès n'a été signalé.",
 [C("cases_france", 4104, 4104, "exact", "Santé publique France", "FR_HEALTH", "4" + NNB + "104 cas confirmés"),
  C("cases_idf", 2498, 2498, "exact", "Santé publique France", "FR_HEALTH", "2" + NNB + "498 cas"),
  C("share_cases_women", 2.6, 2.6, "exact", "Santé publique France", "FR_HEALTH", "soit 2,6 %"),
  C("hospitalised_france", 94, 94, "exact", "Santé publique France", "FR_HEALTH", "94 malades (2,3 %)")],
 note="Not annotated: '7 de plus' (increment), 60,8 % and 2,3 % (shares restating other figures), other regions, 108 women as a count, 'semaine 42' (ordinal).")

item("2022-11-28_1_tf1info_covars_132750.txt", "2022-11", "page month 2022-11; Covars opinion made public on Monday 28 November (JIM, 29/11/2022)",
 "https://www.tf1info.fr/sante/variole-du-singe-l-epidemie-decroit-de-facon-majeure-mais-reste-sous-surveillance-2240155.html", "TF1 Info",
 "Variole du singe : l'épidémie décroît « de façon majeure » mais reste sous surveillance",
 "Le Comité de veille et d'anticipation des risques sanitaires (Covars) constate un net recul de l'épidémie de variole du singe en France, mais juge « peu probable » l'élimination du virus à l'échelle internationale et n'exclut pas des reprises épidémiques, voire saisonnières. Environ 132.750 vaccinations avaient été pratiquées dans le pays au 17 novembre, pour une population cible « estimée entre 100.000 et 300.000 personnes, selon l'intensité du risque ». Après un pic fin août, le rythme de vaccination a fortement décru pour se stabiliser autour de 3.000 injections par semaine début novembre, surtout des deuxièmes doses. Le comité recommande de renforcer les efforts pour parvenir à l'élimination de l'infection sur le territoire « dans les 3 mois ».",
 [C("vaccinations_france", 132750, 132750, "approx", "Covars", "FR_HEALTH", "Environ 132.750 vaccinations")],
 note="Not annotated: target population 100.000-300.000 (not tracked), 3.000 injections a week (rate), '3 mois' (duration).")

item("2022-11-29_1_jim_covars_vigilant.txt", "2022-11-29", "stated: 'Publié le 29/11/2022'",
 "https://www.jim.fr/e-docs/variole_du_singe_le_covars_reste_vigilant_malgre_la_quasi_disparition_de_la_maladie_195077/document_flash.phtml", "Journal international de médecine",
 "Variole du singe : le Covars reste vigilant malgré la quasi-disparition de la maladie",
 "Seulement dix nouveaux cas de variole du singe ont été recensés en France entre le 25 octobre et le 15 novembre. Dans l'avis qu'il a rendu lundi, le Covars estime pourtant que le virus va continuer de circuler « à bas bruit », notamment parce que les personnes les plus exposées, essentiellement des hommes homosexuels, relâchent leur vigilance. Le comité appelle donc à maintenir l'effort de vaccination, alors que plus de 130 000 doses ont été administrées au total.",
 [C("vaccinations_france", 130000, 130000, "more_than", "Covars", "FR_HEALTH", "plus de 130 000 doses")],
 note="Not annotated: 'dix nouveaux cas' (increment over three weeks).")

item("2022-12-22_1_sfm_4967_cas.txt", "2022-12", "inferred: relays SpF point 'au 20 décembre 2022 à 12h00'; page undated",
 "https://www.sfm-microbiologie.org/actualites/monkeypox/", "Société française de microbiologie (actualités)",
 "Monkeypox : près de 5 000 cas recensés en France à la fin de l'année",
 "Au 20 décembre 2022 à midi, 4 967 cas d'infection par le virus monkeypox avaient été recensés en France, selon Santé publique France, dont 4 114 cas confirmés biologiquement (83 %), soit cinq de plus qu'au bilan du 29 novembre, et 853 cas probables ou possibles. L'Île-de-France en concentre 3 115, soit 63 %, devant l'Auvergne-Rhône-Alpes (354), la Provence-Alpes-Côte d'Azur (330) et l'Occitanie (327). Les femmes de plus de 15 ans représentent 2,9 % des cas adultes déclarés, soit 142 cas. Vingt-quatre enfants de moins de 15 ans ont été déclarés depuis mai.",
 [C("cases_declared_france", 4967, 4967, "exact", "Santé publique France", "FR_HEALTH", "4 967 cas d'infection"),
  C("cases_france", 4114, 4114, "exact", "Santé publique France", "FR_HEALTH", "4 114 cas confirmés biologiquement"),
  C("cases_idf", 3115, 3115, "exact", "Santé publique France", "FR_HEALTH", "en concentre 3 115", note="all declared cases (confirmed + probable + possible), unlike the earlier confirmed-only regional counts"),
  C("share_cases_women", 2.9, 2.9, "exact", "Santé publique France", "FR_HEALTH", "2,9 % des cas adultes")],
 note="Not annotated: 83 % and 63 % (shares restating other figures), 'cinq de plus' (increment), 853 probable/possible cases (a part), other regions, 142 women and 24 children as counts.")

# ---------------------------------------------------------------- negatives
item("neg_01_etats_unis_2003_chiens_de_prairie.txt", "2003-06-09", "URL date 2003/06/09",
 "https://www.tvanouvelles.ca/2003/06/09/variole-du-singe-les-hopitaux-americains-en-etat-dalerte", "TVA Nouvelles",
 "Variole du singe : les hôpitaux américains en état d'alerte",
 "Les hôpitaux américains ont été placés en état d'alerte face à la variole du singe. Le virus a infecté au moins quatre personnes dans le Wisconsin, et une quinzaine d'autres cas sont jugés suspects dans l'Illinois et l'Indiana. Depuis la mi-mai, 17 personnes présentant des symptômes de la maladie ont été recensées ; toutes avaient manipulé des chiens de prairie, de petits rongeurs vendus en animalerie. Chez les personnes jamais vaccinées contre la variole, le taux de mortalité peut atteindre 10 %, et l'incubation dure environ 12 jours.",
 [], neg="near-miss (earlier monkeypox outbreak: United States 2003, prairie dogs)")

item("neg_02_varicelle_mai_2022.txt", "2022-05", "inferred: Sentinelles week 2022s20 (16-22 May 2022), reported the following week",
 "https://happypharma.fr/semaine-202220-varicelle-activite-forte-en-medecine-generale", "HappyPharma",
 "Varicelle : activité forte en médecine générale",
 "La semaine dernière (2022s20), le taux d'incidence des cas de varicelle vus en consultation de médecine générale a été estimé à 38 cas pour 100 000 habitants en France métropolitaine. Ce taux est en hausse par rapport à la semaine précédente, où il s'établissait à 28 cas pour 100 000 habitants en données consolidées, et dépasse les niveaux habituellement observés à cette période. Les incidences régionales les plus élevées ont été relevées en Provence-Alpes-Côte d'Azur (72 cas pour 100 000 habitants), en Bretagne (54) et dans le Grand Est (47).",
 [], neg="near-miss (another eruptive disease, chickenpox, same country and same weeks)")

item("neg_03_covid_juillet_2022.txt", "2022-07-06", "stated: 'chiffres du mercredi 6 juillet 2022'",
 "https://www.linternaute.com/actualite/guide-vie-quotidienne/2489651-covid-19-en-france-les-chiffres-du-mercredi-6-juillet-2022/", "L'Internaute",
 "Covid-19 en France : plus de 150 000 nouveaux cas en 24 heures",
 "Les autorités ont recensé ce mercredi 6 juillet 154 615 nouveaux cas de Covid-19 en 24 heures en France, soit 29 891 de plus que mercredi dernier. La moyenne sur sept jours atteint 123 261 cas quotidiens et le taux d'incidence 1153,34 cas pour 100 000 habitants. À l'hôpital, 17 496 patients sont hospitalisés avec le Covid-19, dont 1027 en réanimation ; 46 décès ont été enregistrés en 24 heures. Le Conseil scientifique a rappelé que la pandémie « n'est pas terminée », relancée par les sous-variants BA.4 et BA.5 d'Omicron.",
 [], neg="near-miss (covid-19 case counts, same country and same weeks, same health authorities)")

item("neg_04_quebec_16_cas.txt", "2022-05-26", "inferred: PHAC count of 'la veille' (Wednesday 25 May) and Thursday briefing announced (URL month 2022-05)",
 "https://www.ledevoir.com/societe/sante/715476/16-cas-confirmes-de-variole-du-singe-au-quebec", "Le Devoir",
 "16 cas confirmés de variole du singe au Québec",
 "L'Agence de la santé publique du Canada a indiqué mercredi soir qu'un total de 16 cas de variole du singe avaient été confirmés au pays, tous au Québec. Montréal reste le principal foyer, avec 13 cas confirmés et 14 cas suspectés, selon la directrice régionale de santé publique, Mylène Drouin. La veille, le ministère québécois de la Santé faisait état de 15 infections confirmées dans la province. À Toronto, deux nouveaux cas suspects et un cas probable font l'objet d'une enquête. Le directeur national de santé publique par intérim, Luc Boileau, doit faire le point jeudi matin.",
 [], neg="near-miss (mpox story in another country only, Canada/Quebec, no world or French figure)")

item("neg_05_espagne_bresil_deces.txt", "2022-07-30", "inferred: deaths reported 'ce vendredi 29 juillet'; page undated",
 "https://curanature.com/fr/1233/la-variole-du-singe-fait-des-morts-en-espagne-et-au-bresil", "Curanature",
 "La variole du singe fait des morts en Espagne et au Brésil",
 "Les deux premiers décès liés à la variole du singe hors du continent africain ont été signalés vendredi 29 juillet, l'un au Brésil, l'autre en Espagne. Le décès espagnol, confirmé par le ministère de la Santé, est le premier connu en Europe ; il a été causé par une encéphalite associée à l'infection, selon les autorités sanitaires de la Communauté valencienne. L'Espagne comptait 4.298 cas selon le dernier rapport officiel, et 120 des 3.750 patients suivis ont été hospitalisés, soit 3,2 %. Au Brésil, qui a confirmé 1 066 cas jeudi, soit 75,6 % de plus en une semaine, la victime est un homme de 41 ans qui souffrait d'un cancer lymphatique.",
 [], neg="near-miss (mpox deaths and cases in other countries only, Spain and Brazil, no world or French figure)")


META = {"_meta": {
 "description": "Development timeline: French news items about the 2022 mpox (variole du singe / monkeypox) epidemic as followed from France (May - December 2022) plus near-miss negatives. Elements after this one are items in processing order (sorted by file name). Skip this element (it has no 'file').",
 "topic_rules": "rules/mpox-2022.yaml (written before the items; known: [])",
 "quantity_vocabulary": {
  "cases_france": {"cumulative": True, "unit": "count", "definition": "Confirmed mpox cases in France since May 2022 (biologically confirmed; Santé publique France's running total, or any other source's count for France: ministry, ECDC, CDC, WHO tables, press). Cumulative."},
  "cases_declared_france": {"cumulative": True, "unit": "count", "definition": "All declared mpox cases in France (confirmed + probable + possible), as reported by Santé publique France from late 2022. Cumulative."},
  "cases_idf": {"cumulative": True, "unit": "count", "definition": "Mpox cases residing in (or reported from) Île-de-France since May 2022. Cumulative."},
  "cases_europe": {"cumulative": True, "unit": "count", "definition": "Confirmed mpox cases in Europe as reported (EU/EEA for ECDC and the Commission, WHO European region for WHO Europe; the press rarely distinguishes). Cumulative."},
  "cases_world": {"cumulative": True, "unit": "count", "definition": "Confirmed mpox cases in the world in the 2022 multi-country outbreak (WHO, CDC, ECDC or press totals, mostly non-endemic countries). Cumulative."},
  "deaths_world": {"cumulative": True, "unit": "count", "definition": "Deaths of the 2022 multi-country mpox outbreak in the world (WHO counts or press tallies). Cumulative."},
  "countries_affected": {"cumulative": True, "unit": "count", "definition": "Countries (and territories) that have reported cases in the 2022 outbreak, world count. Cumulative."},
  "hospitalised_france": {"cumulative": True, "unit": "count", "definition": "Mpox cases in France hospitalised because of the infection since May 2022 (Santé publique France). Cumulative."},
  "vaccinations_france": {"cumulative": True, "unit": "count", "definition": "Mpox vaccinations performed in France: people vaccinated / vaccinations / doses administered (the press uses the three interchangeably). Cumulative."},
  "vaccine_doses_supplied_france": {"cumulative": True, "unit": "count", "definition": "Vaccine doses released from the State stock and made available or delivered to vaccination sites in France ('déstockées', 'livrées', 'mises à disposition', 'disponibles'). Cumulative."},
  "vaccine_doses_ordered_france": {"cumulative": False, "unit": "count", "definition": "Vaccine doses ordered / bought by France from the manufacturer (not the doses delivered to centres)."},
  "vaccine_doses_eu": {"cumulative": True, "unit": "count", "definition": "Vaccine doses bought by the European Union (Commission / HERA) for member states for the 2022 response. Cumulative."},
  "share_cases_msm": {"cumulative": False, "unit": "percent", "definition": "Share of cases among men who have sex with men (HSH), percent."},
  "share_cases_women": {"cumulative": False, "unit": "percent", "definition": "Share of (adult) cases who are women, percent."}
 },
 "qualifiers": ["approx", "at_least", "more_than", "at_most", "exact", "range"],
 "source_groups": {
  "FR_HEALTH": "French health authorities: Santé publique France, ministère de la Santé and its ministers (François Braun, Brigitte Bourguignon, Agnès Firmin Le Bodo), DGS, HAS, ARS, Covars; also 'les autorités sanitaires (françaises)'",
  "WHO": "World Health Organization: headquarters (Tedros Adhanom Ghebreyesus), WHO Europe (Hans Kluge), its dashboard and bulletins",
  "EU": "European Union bodies: ECDC, European Commission, HERA, commissioner Stella Kyriakides",
  "FOREIGN": "foreign national agencies (US CDC)",
  "ASSOC": "associations (Aides, Act Up, Sidaction, STRASS), including when they quote an official figure",
  "OTHER": "media revelations (Journal du dimanche), the manufacturer Bavarian Nordic",
  "UNATTRIBUTED": "figure given without attribution"
 },
 "flags": {
  "vague": "nominal ranges: des/quelques dizaines [20,99], plusieurs/des centaines [200,999], des/quelques milliers [2000,9999]",
  "historical": "explicitly an earlier statement or an earlier state more than 7 days before the item ('début juin' in a 21 July item)",
  "hypothetical": "speculative, conditional or ceiling figure (a framework contract's maximum)",
  "negated": "a figure the item reports as denied or refuted"
 },
 "conventions": [
  "A claim is a figure in the body (never the title) that counts something of the 2022 mpox story and fits the vocabulary; each mention annotated once; text_span exact and unique in the whole file.",
  "Not annotated: other countries' counts (Spain, UK, Germany, US, Belgium, Switzerland, Brazil...), other French regions than Île-de-France, endemic Central-African counts given apart from the outbreak total, increments ('deux nouveaux malades', '216 au cours de la dernière semaine', 'soit 7 de plus'), daily or weekly rates (injections per day, new cases per day), target populations (250 000 eligible people, 100 000-300 000), vaccination centres and pharmacies, women and children as head-counts, shares that restate another figure of the item (Île-de-France 60 %, hospitalised 3 %, confirmed 83 %), symptom percentages, ages, dates, durations, ordinals ('troisième dose', 'semaine 42').",
  "Shares of cases in a group (HSH, women) are tracked in percent units (1,1 % -> 1.1).",
  "When an item gives the superseded figure of the same source ('Vendredi, SpF faisait état de 51 cas ; ... en recense désormais 66'), the superseded figure is annotated first and the new figure carries revision_of + cue. Rewrites always put the superseded figure first.",
  "'franchir le cap / la barre / le seuil de X' is read as more_than X; 'un peu plus de' as more_than; 'au moins' as at_least; 'quelque', 'environ', 'près de' as approx.",
  "cases_europe mixes EU/EEA (ECDC, Commission) and WHO-Europe scopes because the press does; the resulting scope contradictions are kept as expected alerts and listed as hard cases.",
  "'doses administrées', 'vaccinations' and 'personnes vaccinées' are one quantity (vaccinations_france); doses delivered/available and doses ordered are separate quantities."
 ],
 "fixture_claims_known_at_start": [],
 "alert_rules": "see README.md 'Rules for expected alerts' and build_alerts.py (tolerance 10 %, rules a/b/c, no fixtures; no per-day events)"
}}

# ---------------------------------------------------------------- write
def main():
    idir = HERE / "items"
    idir.mkdir(exist_ok=True)
    for p in idir.glob("*.txt"):
        p.unlink()
    out = []
    files = sorted(i["file"] for i in ITEMS)
    assert len(files) == len(set(files))
    byfile = {i["file"]: i for i in ITEMS}
    for f in files:
        i = byfile[f]
        text = i["title"] + "\n" + i["body"] + "\n"
        (idir / f).write_text(text, encoding="utf-8")
        pos = -1
        for c in i["claims"]:
            s = c["text_span"]
            assert i["body"].count(s) == 1, (f, s, i["body"].count(s))
            assert text.count(s) == 1, (f, "span not unique in file", s)
            p = i["body"].index(s)
            assert p > pos, (f, "claims not in text order", s)
            pos = p
        neg = i["neg"] is not None
        e = dict(file=f, is_negative=neg)
        if neg:
            e["negative_kind"] = i["neg"]
        e["date"] = i["date"]
        e["date_basis"] = i["basis"]
        if not neg:
            e["order_date"] = f[:10]
        e["source_url"] = i["url"]
        e["outlet"] = i["outlet"]
        e["claims"] = i["claims"]
        e["expected_alerts"], e["optional_alerts"] = [], []
        if i["note"]:
            e["note"] = i["note"]
        out.append(e)
    meta = META
    (HERE / "expected.json").write_text(json.dumps([meta] + out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = sum(len(e["claims"]) for e in out)
    print(len(out), "items,", sum(e["is_negative"] for e in out), "negatives,", n, "claims")

if __name__ == "__main__":
    main()
