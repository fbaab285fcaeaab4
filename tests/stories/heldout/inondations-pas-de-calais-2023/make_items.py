#!/usr/bin/env python3
"""Writes items/*.txt and the per-item part of expected.json (claims, metadata) for the story
inondations-pas-de-calais-2023, and checks that every text_span is an exact substring of the item
body, unique in the whole file (title included). Then run build_alerts.py, which computes the alerts
and (re)writes the _meta element. Usage: python3 make_items.py && python3 build_alerts.py"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
U = "non attribué"

# claim tuple: (quantity, low, high, qualifier, source, source_group, text_span, extra-dict)
def C(q, low, high, qual, src, grp, span, **extra):
    return dict(quantity=q, low=low, high=high, qualifier=qual, source=src, source_group=grp, text_span=span, **extra)

ITEMS = []
def item(file, date, basis, url, outlet, title, body, claims, note=None, neg=None):
    ITEMS.append(dict(file=file, date=date, basis=basis, url=url, outlet=outlet, title=title, body=body,
                      claims=claims, note=note, neg=neg))

# ---------------------------------------------------------------------------------------------
item("2023-11-07_1_france3_soixantaine_communes.txt", "2023-11-07", "stated: 'ce mardi 7 novembre'",
 "https://france3-regions.francetvinfo.fr/hauts-de-france/pas-calais/boulogne-mer/inondations-dans-le-pas-de-calais-60-communes-impactees-et-pres-de-150-etablissements-scolaires-fermes-2868701.html",
 "France 3 Hauts-de-France",
 "Inondations dans le Pas-de-Calais : une soixantaine de communes touchées, près de 150 établissements scolaires fermés",
 "Une soixantaine de communes du Pas-de-Calais ont les pieds dans l'eau depuis lundi 6 novembre, après des pluies diluviennes qui ont fait sortir l'Aa puis la Liane de leur lit. D'après la cellule de crise de la préfecture, les sapeurs-pompiers ont mené 110 interventions dans la nuit de lundi à mardi, et 98 autres ont été recensées depuis 6 heures ce mardi 7 novembre. À Isques, la Liane, placée en vigilance rouge à 6h00, a atteint un pic de 5,25 mètres ; la Canche est en vigilance orange depuis 10h00. Le préfet, Jacques Billant, a fait fermer les établissements du bassin de l'Aa (67 écoles, 4 collèges et 4 lycées), puis ceux d'une trentaine de communes du Boulonnais (59 écoles, 7 collèges et 2 lycées) : au total, près de 150 établissements scolaires sont fermés dans une soixantaine de communes. Le président du Département, Jean-Claude Leroy, réclame par courrier qu'une « enveloppe exceptionnelle » soit débloquée au plus vite au nom de la solidarité nationale.",
 [C("communes_flooded", 60, 60, "approx", U, "UNATTRIBUTED", "Une soixantaine de communes du Pas-de-Calais"),
  C("firefighter_interventions_period", 110, 110, "exact", "cellule de crise de la préfecture", "STATE", "110 interventions dans la nuit", event="night 6-7 Nov"),
  C("firefighter_interventions_period", 98, 98, "exact", "cellule de crise de la préfecture", "STATE", "98 autres ont été recensées", event="7 Nov from 06:00"),
  C("schools_closed", 150, 150, "approx", "préfet Jacques Billant", "STATE", "près de 150 établissements scolaires sont fermés"),
  C("communes_schools_closed", 60, 60, "approx", "préfet Jacques Billant", "STATE", "dans une soixantaine de communes")],
 note="Not annotated: the per-basin school counts (67 écoles, 4 collèges, 4 lycées; 59 écoles, 7 collèges, 2 lycées: parts of the total), 'une trentaine de communes du Boulonnais' (part), river height 5,25 mètres, times.")

item("2023-11-07_2_liberation_69_communes.txt", "2023-11-07", "stated: 'ce mardi 7 novembre'; URL date 20231107",
 "https://www.staging.libe.io/societe/inondations-dans-le-pas-de-calais-je-ne-pensais-pas-quil-y-aurait-autant-de-degats-20231107_RIADMD5YT5H7RBZ6FRA6ED3RCY",
 "Libération",
 "Pas-de-Calais : « Tout est fichu », les riverains de la Liane et de l'Aa face à des crues jamais vues",
 "Deux fleuves côtiers du Pas-de-Calais, la Liane autour de Boulogne-sur-Mer et l'Aa du côté de Saint-Omer, sont sortis de leur lit ; placés en vigilance rouge crue, ils ont été rétrogradés en orange ce mardi 7 novembre, comme la Hem et la Canche. Au total, 69 communes sont concernées, et 144 écoles ainsi que 33 collèges et lycées sont restés fermés par précaution. On ne déplore que deux blessés légers, mais les dégâts matériels s'annoncent lourds. Mardi après-midi, 305 sapeurs-pompiers étaient engagés sur le terrain, pour 135 interventions. À Hesdigneul-lès-Boulogne, où la Liane est montée à 5,30 mètres, Corentin a 50 centimètres d'eau dans sa maison malgré les 200 euros dépensés en pompe, mousse expansive et plaques de PVC : « C'est la deuxième fois en une semaine, et la troisième en six ans. »",
 [C("communes_flooded", 69, 69, "exact", U, "UNATTRIBUTED", "69 communes sont concernées",
    hand_review="same-day update of the same unattributed count: 'une soixantaine' (morning, rounded) then 69 (later count); a new figure, not a disagreement"),
  C("schools_closed", 144, 144, "exact", U, "UNATTRIBUTED", "144 écoles"),
  C("secondary_schools_closed", 33, 33, "exact", U, "UNATTRIBUTED", "33 collèges et lycées"),
  C("rescuers_deployed", 305, 305, "exact", U, "UNATTRIBUTED", "305 sapeurs-pompiers étaient engagés"),
  C("firefighter_interventions_period", 135, 135, "exact", U, "UNATTRIBUTED", "pour 135 interventions", event="7 Nov afternoon")],
 note="Not annotated: 'deux blessés légers' (injured are not tracked), 5,30 mètres, 50 centimètres, 200 euros (a resident's own spending), ordinals 'deuxième fois', 'troisième', durations.")

item("2023-11-10_1_franceinfo_300_pompiers.txt", "2023-11-10", "stated: 'vendredi 10 novembre'",
 "https://www.francetvinfo.fr/meteo/inondations/inondations-dans-le-pas-de-calais-300-pompiers-mobilises-toute-la-nuit-une-cinquantaine-d-interventions_6175296.html",
 "franceinfo (avec France Bleu Nord)",
 "Inondations dans le Pas-de-Calais : près de 300 pompiers mobilisés toute la nuit",
 "Invité de France Bleu Nord vendredi 10 novembre, le préfet du Pas-de-Calais, Jacques Billant, a fait le point après une nouvelle nuit d'averses. Les pompiers ont réalisé une cinquantaine d'interventions, surtout autour de Montreuil-sur-Mer, pour pomper, déblayer des maisons ou mener des reconnaissances, et 35 évacuations ont été effectuées dans la nuit, a-t-il indiqué. Près de 300 pompiers ont été mobilisés de jeudi à vendredi, en plus des 400 sapeurs-pompiers affectés d'ordinaire aux missions courantes du département. Les averses redoublent ce matin, a prévenu le préfet : on a relevé localement de 7 à 15 millimètres en une heure dans le nord du Montreuillois, et les cumuls atteignent 40 millimètres en 24 heures sur les trois quarts nord-ouest du département. Par précaution, 19 résidents d'une maison de retraite ont été évacués, et 350 bovins ont été sauvés de la noyade.",
 [C("firefighter_interventions_period", 50, 50, "approx", "préfet Jacques Billant", "STATE", "une cinquantaine d'interventions", event="night 9-10 Nov"),
  C("people_evacuated_period", 35, 35, "exact", "préfet Jacques Billant", "STATE", "35 évacuations ont été effectuées", event="night 9-10 Nov"),
  C("rescuers_deployed", 300, 300, "approx", "préfet Jacques Billant", "STATE", "Près de 300 pompiers ont été mobilisés"),
  C("rainfall_mm", 7, 15, "range", "préfet Jacques Billant", "STATE", "de 7 à 15 millimètres en une heure", event="one hour, morning of 10 Nov (local)"),
  C("rainfall_mm", 40, 40, "exact", "préfet Jacques Billant", "STATE", "40 millimètres en 24 heures", event="24 h to the morning of 10 Nov")],
 note="Not annotated: the 400 firefighters on routine duty (not a flood deployment), 19 résidents (one care home, part of the night's evacuations), 350 bovins.")

item("2023-11-10_2_gendinfo_130_communes.txt", "2023-11-10", "stated: 'Publié le 10 novembre 2023'",
 "https://www.gendarmerie.interieur.gouv.fr/gendinfo/actualites/2023/pas-de-calais-les-gendarmes-engages-face-aux-inondations",
 "Gendinfo (gendarmerie nationale)",
 "Pas-de-Calais : les gendarmes engagés face aux inondations",
 "Les habitants du Pas-de-Calais ont découvert ce vendredi 10 novembre un paysage de désolation, entre rivières en crue, rues noyées et maisons abîmées : plus de 130 communes sont concernées. Après les fortes pluies du mardi 7 novembre, Météo-France avait de nouveau placé le département en vigilance rouge crues et pluie-inondation jeudi, les cumuls de l'épisode approchant ce qui tombe habituellement en un mois. À la demande du ministre de l'Intérieur, Gérald Darmanin, le préfet a fait fermer les crèches et les établissements scolaires de 200 communes parmi les plus touchées. Les gendarmes du groupement départemental, épaulés par les escadrons de gendarmerie mobile 19/9 de Noyon et 13/9 de Calais, ont participé aux évacuations, dont celle des résidents d'une maison d'accueil pour personnes âgées à Nielles-lès-Bléquin. Les trains ne circulent plus entre Boulogne-sur-Mer et Étaples, ni entre Saint-Pol-sur-Ternois et Étaples.",
 [C("communes_flooded", 130, 130, "more_than", "Gendinfo (gendarmerie)", "STATE", "plus de 130 communes sont concernées",
    hand_review="growth of a cumulative count between two flood waves (7 Nov, then 9-10 Nov): 60-69 communes on 7 Nov, more than 130 on 10 Nov; a new figure, not a disagreement"),
  C("communes_schools_closed", 200, 200, "exact", "Gérald Darmanin", "STATE", "établissements scolaires de 200 communes")],
 note="Not annotated: unit numbers of the mobile gendarmerie squadrons (19/9, 13/9), dates.")

item("2023-11-11_1_cnews_247_communes.txt", "2023-11-11", "stated: 'ce samedi'; URL date 2023-11-11",
 "https://www.cnews.fr/france/2023-11-11/crues-dans-le-pas-de-calais-247-communes-toujours-inondees-1417415",
 "CNews (avec AFP)",
 "Crues dans le Pas-de-Calais : 247 communes toujours inondées",
 "Malgré une journée sans pluie, le Pas-de-Calais reste sous l'eau ce samedi 11 novembre : d'après un point de la préfecture à la mi-journée, 247 communes sont toujours concernées par les inondations. Les évacuations se poursuivent dans le Montreuillois et l'Audomarois, y compris dans des secteurs épargnés jusque-là ; dans la nuit, 85 personnes ont dû quitter leur domicile à Blendecques et 45 à Wavran-sur-l'Aa. « On en est à 10.000 sinistrés, et dans certaines maisons l'eau stagne depuis dix jours », a déclaré à l'AFP Franck Dhersin, sénateur et vice-président du conseil régional. La Croix-Rouge a ouvert douze centres d'hébergement dans le département, où un soutien psychologique est proposé. Seule l'Aa, où un pic est encore attendu, reste en vigilance rouge selon Vigicrues ; la Liane et la Canche sont repassées en orange.",
 [C("communes_flooded", 247, 247, "exact", "préfecture", "STATE", "247 communes sont toujours concernées",
    hand_review="growth of a cumulative count after the second flood wave (69 on 7 Nov, 247 on 11 Nov); a new figure, not a disagreement"),
  C("people_affected", 10000, 10000, "exact", "Franck Dhersin", "LOCAL", "On en est à 10.000 sinistrés")],
 note="Not annotated: evacuations in single communes (85 à Blendecques, 45 à Wavran-sur-l'Aa: parts), 'douze centres d'hébergement', 'dix jours'.")

item("2023-11-12_1_europe1_environ_250_communes.txt", "2023-11-12", "stated: 'dimanche' with the preceding Saturday evening bulletin; Sunday 12 Nov",
 "https://www.europe1.fr/societe/fin-de-la-vigilance-rouge-dans-le-pas-de-calais-toujours-sous-leau-retour-des-pluies-en-soiree-4213987",
 "Europe 1 (avec AFP)",
 "Fin de la vigilance rouge dans le Pas-de-Calais, toujours sous l'eau avant le retour des pluies",
 "La vigilance rouge crues a été levée dimanche 12 novembre au matin dans le Pas-de-Calais, mais le département reste inondé et redoute le retour de la pluie en soirée. Dans un bilan diffusé samedi soir, la préfecture annonce des précipitations d'abord faibles, de 5 à 10 mm dimanche après-midi, puis de 15 à 20 mm lundi, avant des pluies plus soutenues mardi, avec localement 30 mm sur les bassins de la Liane, de l'Aa et de la Canche. Toujours selon la préfecture, environ 250 communes ont été ou sont encore touchées par les inondations, en particulier autour de Saint-Omer, de Boulogne-sur-Mer et de Montreuil. À Blendecques, 80 habitants ont passé la nuit dans un centre d'hébergement d'urgence, a indiqué l'adjoint au maire Jean-Christophe Castelain. L'Aa est repassée en orange dimanche à 6 heures, après la Canche, et la Liane est en jaune.",
 [C("rainfall_mm", 5, 10, "range", "préfecture", "STATE", "de 5 à 10 mm dimanche après-midi", hypothetical=True, event="forecast, afternoon of 12 Nov"),
  C("rainfall_mm", 15, 20, "range", "préfecture", "STATE", "de 15 à 20 mm lundi", hypothetical=True, event="forecast, 13 Nov"),
  C("rainfall_mm", 30, 30, "exact", "préfecture", "STATE", "localement 30 mm", hypothetical=True, event="forecast, 14 Nov"),
  C("communes_flooded", 250, 250, "approx", "préfecture", "STATE", "environ 250 communes ont été ou sont encore touchées")],
 note="Not annotated: 80 habitants in one commune's shelter (part).")

item("2023-11-13_1_tv5monde_279_communes_388_etablissements.txt", "2023-11-13", "stated: 'lundi' with the prefecture's Sunday-evening statement; Monday 13 Nov",
 "https://information.tv5monde.com/international/retour-de-la-pluie-dans-le-pas-de-calais-ou-la-situation-reste-preoccupante-2675363",
 "TV5Monde (AFP)",
 "Retour de la pluie dans le Pas-de-Calais, où la préfecture juge la situation « préoccupante »",
 "Après 48 heures d'accalmie, un nouvel épisode pluvieux s'abat lundi 13 novembre sur le Pas-de-Calais, dont les sols sont saturés. La préfecture, qui redoute mardi des pluies « plus intenses », a décidé de garder fermés lundi et mardi les crèches et les établissements scolaires de 279 communes. En tout, 388 établissements ne dispenseront pas de cours, même si les enfants dont les parents n'ont pas de solution de garde pourront y être accueillis, a-t-elle précisé dimanche soir. Une crue importante est en cours sur la plaine de la Lys et sur la Canche, où des débordements sont observés, et « la tension perdure » sur l'Aa. Autour de Saint-Omer et de Montreuil, l'eau coupe encore des routes et contraint des habitants épuisés à quitter leur maison.",
 [C("communes_schools_closed", 279, 279, "exact", "préfecture", "STATE", "établissements scolaires de 279 communes"),
  C("schools_closed", 388, 388, "exact", "préfecture", "STATE", "388 établissements ne dispenseront pas de cours",
    hand_review="a new closure order for 13-14 Nov (279 communes) six days after the 7 Nov closures; a new state, not a disagreement")])

item("2023-11-14_1_cnews_macron_244_communes.txt", "2023-11-14", "stated: 'ce mardi'; URL date 2023-11-14",
 "https://www.cnews.fr/france/2023-11-14/inondations-dans-le-nord-emmanuel-macron-annonce-le-classement-de-244-communes-en",
 "CNews",
 "Inondations : Emmanuel Macron annonce le classement de 244 communes en catastrophe naturelle",
 "En visite ce mardi 14 novembre dans le Pas-de-Calais, Emmanuel Macron a promis que « toutes les communes qui l'ont demandé » seraient reconnues en état de catastrophe naturelle, soit 214 dans le département et « une trentaine dans le Nord ». Au total, 244 communes sont concernées selon le chef de l'État, qui a également annoncé un « fonds de soutien » de 50 millions d'euros pour les collectivités touchées. Un autre fonds, « exceptionnel », sera ouvert pour les agriculteurs, y compris ceux de Bretagne et de Normandie frappés par les tempêtes. Accompagné notamment des ministres Marc Fesneau et Christophe Béchu, le président s'est rendu à Saint-Omer puis à Blendecques. Météo-France a de nouveau placé le département en vigilance orange crues et pluie-inondation, et les sept cours d'eau surveillés par Vigicrues sont en orange.",
 [C("communes_catnat_pdc", 214, 214, "exact", "Emmanuel Macron", "STATE", "soit 214 dans le département"),
  C("communes_catnat_nord", 30, 30, "approx", "Emmanuel Macron", "STATE", "une trentaine dans le Nord"),
  C("communes_catnat", 244, 244, "exact", "Emmanuel Macron", "STATE", "244 communes sont concernées"),
  C("state_aid_eur", 50000000, 50000000, "exact", "Emmanuel Macron", "STATE", "50 millions d'euros")],
 note="Announced classification ('seraient reconnues'); the farmers' fund has no amount. Not annotated: 'sept cours d'eau' (rivers are not tracked).")

item("2023-11-15_1_bfm_5000_habitations.txt", "2023-11-15", "stated: 'ce mercredi 15 novembre'; URL stamp 202311150520",
 "https://www.bfmtv.com/grand-littoral/avant-apres-les-images-satellites-des-inondations-dans-le-pas-de-calais_AN-202311150520.html",
 "BFM Grand Littoral",
 "Inondations dans le Pas-de-Calais : 5.000 habitations endommagées selon un bilan provisoire",
 "Plus d'une semaine après le début des crues, le Pas-de-Calais est repassé en vigilance orange ce mercredi 15 novembre à 6 heures, plusieurs cours d'eau ayant atteint leur pic pendant la nuit. À Wirwignes, la Liane ne mesurait plus que 1,26 mètre ce matin, contre 4,91 mètres mardi après-midi, d'après Vigicrues. Mardi, le préfet a présenté un bilan provisoire : 5.000 habitations, 160 commerces, 110 entreprises, 43 exploitations agricoles et deux piscicultures ont été endommagés par les eaux. Le même jour, 207 communes avaient demandé leur classement en catastrophe naturelle, selon un décompte du préfet qu'il jugeait « pas terminé ». Emmanuel Macron a promis de classer toutes les communes demandeuses dès mercredi après-midi et annoncé un fonds d'indemnisation d'urgence de 50 millions d'euros.",
 [C("homes_flooded", 5000, 5000, "exact", "préfet", "STATE", "provisoire : 5.000 habitations"),
  C("communes_catnat_requested", 207, 207, "exact", "préfet", "STATE", "207 communes avaient demandé"),
  C("state_aid_eur", 50000000, 50000000, "exact", "Emmanuel Macron", "STATE", "fonds d'indemnisation d'urgence de 50 millions d'euros")],
 note="Not annotated: river heights (1,26 / 4,91 mètres), shops, firms, farms and fish farms (not tracked).")

item("2023-11-15_2_maireinfo_205_communes.txt", "2023-11-15", "inferred: 'publié ce matin au Journal officiel' the day after the President's visit of Tuesday 14 Nov",
 "https://maire-info.com/catastrophes/nord-et-pas-de-calais-la-carte-des-205-communes-reconnues-en-etat-de-catastrophe-naturelle-article-28012",
 "Maire info",
 "Nord et Pas-de-Calais : 205 communes reconnues en état de catastrophe naturelle",
 "L'arrêté publié ce mercredi 15 novembre au Journal officiel reconnaît l'état de catastrophe naturelle dans 205 communes : 181 dans le Pas-de-Calais et 24 dans le Nord. La veille, en visite dans les communes sinistrées, Emmanuel Macron avait pourtant annoncé « 214 » communes pour le Pas-de-Calais et « une trentaine » pour le Nord : soit le chef de l'État était mal renseigné sur le nombre de dossiers déposés, soit tous n'ont pas été retenus par le comité interministériel. Le texte vise les inondations du 2 au 12 novembre, dont l'intensité anormale est établie par des cumuls de pluie et des débits d'une période de retour d'au moins dix ans, sur des sols saturés. Les communes de la façade ouest frappées par les vents des tempêtes Ciaran et Domingos ne peuvent en revanche pas en bénéficier, ce régime étant réservé aux inondations.",
 [C("communes_catnat", 205, 205, "exact", "Journal officiel (arrêté)", "STATE", "dans 205 communes"),
  C("communes_catnat_pdc", 181, 181, "exact", "Journal officiel (arrêté)", "STATE", "181 dans le Pas-de-Calais"),
  C("communes_catnat_nord", 24, 24, "exact", "Journal officiel (arrêté)", "STATE", "24 dans le Nord"),
  C("communes_catnat_pdc", 214, 214, "exact", "Emmanuel Macron", "STATE", "« 214 » communes"),
  C("communes_catnat_nord", 30, 30, "approx", "Emmanuel Macron", "STATE", "« une trentaine » pour le Nord")],
 note="The President's figures of the day before are recalled (1 day old: not historical) and match known claims. Not annotated: 'dix ans' (return period).")

item("2023-11-15_3_tv5monde_1290_ecoles.txt", "2023-11-15", "inferred: collèges reopened 'mercredi', schools reopen 'jeudi', Borne 'attendue jeudi' (16 Nov): Wednesday 15 Nov",
 "https://information.tv5monde.com/international/inondations-accalmie-temporaire-dans-le-pas-de-calais-les-habitants-extenues-2675639",
 "TV5Monde (AFP)",
 "Inondations : accalmie provisoire dans le Pas-de-Calais, des habitants à bout",
 "Après dix jours de pluie et de crues à répétition, les habitants du Pas-de-Calais profitent d'une accalmie pour mesurer les dégâts, avant une nouvelle dégradation. « La rue avait été nettoyée avant-hier, on peut tout recommencer », se désole Gwenaëlle Loire, maire de Saint-Léonard, de nouveau inondée mardi après-midi. La plupart des 1.290 écoles fermées depuis lundi doivent rouvrir jeudi, mais une vingtaine ne pourront toujours pas accueillir d'élèves, a indiqué la préfecture ; collèges et lycées ont rouvert mercredi. Selon Météo-France, la pluie reviendra jeudi soir avec la dépression Frederico, qui pourrait apporter jusqu'à 30 à 40 mm par endroits. La Première ministre, Élisabeth Borne, est attendue jeudi matin dans le secteur de Montreuil-sur-Mer.",
 [C("schools_closed", 1290, 1290, "exact", "préfecture", "STATE", "1.290 écoles fermées"),
  C("schools_closed", 20, 20, "approx", "préfecture", "STATE", "une vingtaine ne pourront toujours pas accueillir", note="schools still closed from Thursday (announced)"),
  C("rainfall_mm", 30, 40, "range", "Météo-France", "METEO", "jusqu'à 30 à 40 mm", hypothetical=True, event="forecast, storm Frederico 16-17 Nov")],
 note="1.290 écoles (15 Nov) against 388 établissements (13 Nov): the prefecture's own counts differ in scope (all schools of the zone vs establishments of 279 communes); kept as stated. Not annotated: 'dix jours', 'avant-hier'.")

item("2023-11-18_1_boursorama_6000_habitations.txt", "2023-11-18", "stated: 'samedi' after Tuesday's presidential visit; photo of 17 Nov; Saturday 18 Nov",
 "https://www.boursorama.com/actualite-economique/actualites/avec-la-decrue-le-pas-de-calais-fait-un-premier-bilan-des-inondations-2460249a994b130efd502c047f325d10",
 "Boursorama (AFP)",
 "Avec la décrue, le Pas-de-Calais dresse un premier bilan des inondations",
 "La décrue se confirmant malgré une pluie fine, le Pas-de-Calais commence à penser à la reconstruction. En déplacement samedi 18 novembre à Audruicq, près de Calais, le ministre de l'Intérieur, Gérald Darmanin, a promis « une enveloppe spécifique » pour les communes sinistrées du Pas-de-Calais et du Nord, que le gouvernement devrait dégager la semaine prochaine une fois les destructions chiffrées par le préfet. À ses côtés, le préfet Jacques Billant a recensé « 6.000 habitations impactées par les eaux », ainsi que 160 commerces, 130 entreprises et 53 exploitations agricoles. Le fonds de soutien de 50 millions d'euros annoncé mardi par Emmanuel Macron n'est « qu'une première marche », a prévenu le ministre, pour qui les travaux sur les voiries départementales, les écoles et les mairies représenteront « sans doute » des dizaines de millions d'euros. Une deuxième réunion de la commission catastrophe naturelle se tiendra la semaine prochaine, après la reconnaissance mercredi de 181 communes du Pas-de-Calais et de 24 communes du Nord.",
 [C("homes_flooded", 6000, 6000, "exact", "préfet Jacques Billant", "STATE", "6.000 habitations impactées par les eaux"),
  C("state_aid_eur", 50000000, 50000000, "exact", "Emmanuel Macron", "STATE", "fonds de soutien de 50 millions d'euros"),
  C("public_damage_eur", 20000000, 99000000, "range", "Gérald Darmanin", "STATE", "des dizaines de millions d'euros", vague=True),
  C("communes_catnat_pdc", 181, 181, "exact", "Journal officiel (arrêté)", "STATE", "181 communes du Pas-de-Calais"),
  C("communes_catnat_nord", 24, 24, "exact", "Journal officiel (arrêté)", "STATE", "24 communes du Nord")],
 note="The 50 M€ fund is recalled from Tuesday (4 days: not historical). Not annotated: shops, firms, farms.")

item("2023-11-18_2_cnews_295_mm_1500_evacues.txt", "2023-11-18", "stated: 'ce samedi 18 novembre'; URL date 2023-11-18",
 "https://cnews.fr/france/2023-11-18/inondations-dans-le-pas-de-calais-la-fin-de-lenfer-commence-poindre-affirme-gerald",
 "CNews",
 "Inondations dans le Pas-de-Calais : « La fin de l'enfer commence à poindre », selon Gérald Darmanin",
 "En visite samedi 18 novembre à Audruicq, Gérald Darmanin a jugé « normal » que les ministres viennent entendre « cette colère et cette détresse », deux semaines après le début des intempéries. Le département n'est plus en vigilance rouge et Météo-France classe désormais les cours d'eau en jaune, a souligné le ministre de l'Intérieur, qui constate un début de décrue. Près de 5.000 personnes restent soumises à des restrictions d'accès à l'eau potable, et une cinquantaine de foyers sont toujours privés d'électricité. Entre le 16 octobre et le 14 novembre, Météo-France a mesuré un cumul de 295 millimètres de pluie dans le Pas-de-Calais, un record depuis le début des relevés en 1958. Depuis le 6 novembre, environ 1.500 personnes ont dû être évacuées en raison des crues.",
 [C("rainfall_mm", 295, 295, "exact", "Météo-France", "METEO", "295 millimètres de pluie", event="16 Oct - 14 Nov"),
  C("people_evacuated", 1500, 1500, "approx", U, "UNATTRIBUTED", "environ 1.500 personnes ont dû être évacuées")],
 note="Not annotated: 5.000 personnes with drinking-water restrictions and 'une cinquantaine de foyers' without power (not tracked), 1958.")

item("2023-11-20_1_tv5monde_le_maire_380_euros.txt", "2023-11-20", "stated: 'lundi' with Le Maire's visit; Monday 20 Nov",
 "https://information.tv5monde.com/economie/dans-le-pas-de-calais-nouvelles-inondations-avec-le-retour-de-la-pluie-2676475",
 "TV5Monde (AFP)",
 "Dans le Pas-de-Calais, nouvelles inondations avec le retour de la pluie",
 "La pluie a de nouveau fait gonfler les cours d'eau du Pas-de-Calais ce lundi 20 novembre, Vigicrues repassant le département en orange crues et redoutant de nouveaux « débordements dommageables ». En visite dans l'Audomarois, le ministre de l'Économie, Bruno Le Maire, a exhorté les assureurs à ne pas « pinailler » et annoncé que l'État et les assureurs prendraient en charge pendant six mois les frais de relogement de plusieurs milliers de sinistrés ; toutes les expertises devront être bouclées d'ici au 4 décembre. Selon la préfecture, les inondations ont fait cinq blessés depuis le 6 novembre et touché 6.000 habitations, 160 commerces, 130 entreprises et 53 exploitations agricoles. Le Département a voté lundi, avec la Région, une aide de 380 euros par foyer pour couvrir la franchise d'assurance des habitants des communes classées en catastrophe naturelle. À Saint-Omer, l'agriculteur Sylvain Dewalle a perdu plusieurs hectares de mâche et de poireaux.",
 [C("homes_flooded", 6000, 6000, "exact", "préfecture", "STATE", "touché 6.000 habitations"),
  C("franchise_aid_household_eur", 380, 380, "exact", "Département", "LOCAL", "380 euros par foyer")],
 note="Not annotated: 'plusieurs milliers de sinistrés' (people whose rehousing is covered, not a count of people affected), 'cinq blessés', 'six mois', 'plusieurs hectares'.")

item("2023-11-20_2_nouvellesdujour_3000_interventions_42_pompes.txt", "2023-11-20", "inferred: 'ce lundi matin' with the Dutch pumps announced on Monday 20 Nov",
 "https://nouvelles-dujour.com/la-pluie-a-provoque-de-nouvelles-evacuations-de-maisons-2/",
 "Nouvelles du jour",
 "Pas-de-Calais : la pluie provoque de nouvelles évacuations",
 "Les fortes averses de ce lundi 20 novembre ont replacé le Pas-de-Calais en vigilance orange pluie-inondation : la préfecture a relevé de 15 à 30 mm de pluie en 24 heures, et l'eau est revenue dans plusieurs secteurs. Dans la journée, les pompiers ont mené 34 interventions (pompage, sécurisation, déblaiement, reconnaissance) et procédé à 12 évacuations, loin des 3 000 interventions et 1 500 évacuations réalisées depuis le début des crues, le 6 novembre. À La Madeleine-sous-Montreuil, six habitations ont dû être évacuées, tandis que la Liane remontait autour de Boulogne-sur-Mer. Pas moins de 262 communes du département ont été touchées depuis le début de l'épisode, et seuls 6 établissements scolaires verront encore leur fonctionnement perturbé jusqu'à mardi, selon la préfecture. Pour accélérer la décrue, quatre pompes néerlandaises d'un débit de 5 000 m³/h vont renforcer les 42 pompes déjà en service, annonce la préfecture des Hauts-de-France.",
 [C("rainfall_mm", 15, 30, "range", "préfecture", "STATE", "de 15 à 30 mm de pluie en 24 heures", event="24 h, 20 Nov"),
  C("firefighter_interventions_period", 34, 34, "exact", "préfecture", "STATE", "34 interventions", event="day of 20 Nov"),
  C("people_evacuated_period", 12, 12, "exact", "préfecture", "STATE", "12 évacuations", event="day of 20 Nov"),
  C("firefighter_interventions", 3000, 3000, "exact", "préfecture", "STATE", "3 000 interventions"),
  C("people_evacuated", 1500, 1500, "exact", "préfecture", "STATE", "1 500 évacuations"),
  C("communes_flooded", 262, 262, "at_least", "préfecture", "STATE", "Pas moins de 262 communes"),
  C("pumps_netherlands", 4, 4, "exact", "préfecture des Hauts-de-France", "STATE", "quatre pompes néerlandaises"),
  C("pumps_deployed", 42, 42, "exact", "préfecture des Hauts-de-France", "STATE", "42 pompes déjà en service")],
 note="Not annotated: six habitations evacuated in one village (part), '6 établissements scolaires' whose running is disturbed (not closed), pump flow 5 000 m³/h.")

item("2023-11-22_1_prefecture_hdf_45_pompes.txt", "2023-11-22", "stated: 'Point de situation au 22.11' / 'Ce 22 novembre 2023' (page marked updated 21 Nov)",
 "https://www.prefectures-regions.gouv.fr/hauts-de-france/Actualites/Crues-dans-le-Pas-de-Calais-et-le-Nord-point-de-situation-sur-les-moyens-mobilises-au-22.11",
 "Préfecture de la région Hauts-de-France",
 "Crues dans le Pas-de-Calais et le Nord : le point sur les moyens de pompage",
 "Depuis le dimanche 5 novembre, de fortes précipitations ont provoqué d'importantes crues et l'inondation de nombreuses communes du Pas-de-Calais et du Nord, rappelle la préfecture de la région Hauts-de-France dans un point de situation. À la demande de Gérald Darmanin, des renforts nationaux et internationaux de sécurité civile ont été mis à la disposition des sapeurs-pompiers, qui interviennent jour et nuit pour accélérer la décrue. Une cinquantaine de pompes à grand débit, appartenant à l'État ou réquisitionnées, sont installées dans les deux départements, pour un potentiel de pompage de 86 720 m³/h. Ce mercredi 22 novembre, 45 d'entre elles sont actives, dont 28 aux exutoires des cours d'eau sur le littoral pour rejeter le trop-plein à la mer. À Mardyck, 18 pompes rejettent à elles seules 38 400 m³/h, la capacité maximale de ce point.",
 [C("pumps_deployed", 50, 50, "approx", "préfecture de la région Hauts-de-France", "STATE", "Une cinquantaine de pompes à grand débit"),
  C("pumps_deployed", 45, 45, "exact", "préfecture de la région Hauts-de-France", "STATE", "45 d'entre elles sont actives")],
 note="Not annotated: 28 pumps at the river outlets and 18 at Mardyck (parts), flows in m³/h.")

item("2023-11-22_2_lemonde_ccr_550_millions.txt", "2023-11-22", "stated: 'Publié le 22 novembre 2023'",
 "http://www.cpie-hautsdefrance.fr/Handlers/HTRedirect.ashx?FID=O220376",
 "Le Monde",
 "Inondations dans les Hauts-de-France : au moins 550 millions d'euros de dégâts",
 "Le réassureur public CCR, gestionnaire du régime d'indemnisation des catastrophes naturelles, a évalué mercredi 22 novembre à 550 millions d'euros le coût des inondations qui frappent la région depuis deux semaines et demie. La moitié au moins, soit au moins 275 millions d'euros, sera prise en charge directement par la CCR au titre de la réassurance publique, le reste par les assureurs. Le montant reste modeste au regard de la grêle et de la sécheresse de 2022, qui avaient coûté respectivement 3,5 et 6 milliards d'euros, mais il traduit un phénomène d'une intensité « très anormale ». Mardi, la préfecture du Pas-de-Calais recensait 5 849 habitations touchées dans 262 communes, et 118 exploitations agricoles avaient déjà sollicité la cellule d'appui. Les assureurs devront aussi absorber l'essentiel des 1,3 milliard d'euros de dégâts causés, selon une estimation provisoire, par les tempêtes Ciaran et Domingos.",
 [C("insured_cost_eur", 550000000, 550000000, "exact", "CCR", "INSURERS", "à 550 millions d'euros le coût"),
  C("homes_flooded", 5849, 5849, "exact", "préfecture du Pas-de-Calais", "STATE", "5 849 habitations touchées"),
  C("communes_flooded", 262, 262, "exact", "préfecture du Pas-de-Calais", "STATE", "dans 262 communes")],
 note="Not annotated: the CCR's own share (au moins 275 millions: part of the cost), hail and drought of 2022 (3,5 and 6 milliards: other events), storms Ciaran and Domingos (1,3 milliard: wind damage, another event), 118 farms.")

item("2023-11-23_1_gerisk_1391_evacuations_900_pompiers.txt", "2023-11-23", "stated: 'Le 23/11/2023'",
 "https://gerisk.fr/notre-actualite/news-population/importantes-inondations-dans-le-nord.html",
 "Gerisk",
 "Importantes inondations dans le nord de la France : les chiffres des préfectures",
 "Depuis le lundi 6 novembre, le nord de la France subit des pluies d'une intensité qui dépasse les records connus, et de nombreuses communes placées en vigilance rouge ont été inondées. D'après les préfectures du Pas-de-Calais et du Nord, plus de 6000 habitations, 160 commerces, 130 entreprises et 53 exploitations agricoles ont été touchés. Plus de 10 000 sinistrés ont été recensés et 1391 évacuations ont été effectuées ; on compte 5 blessés. Pendant deux jours, 388 établissements scolaires ont été fermés, et 90 axes routiers ont été coupés. Plus de 900 pompiers et sauveteurs sont mobilisés, renforcés par des équipes venues de Belgique, et dès le lendemain de la visite du président de la République, 206 communes ont été reconnues en état de catastrophe naturelle.",
 [C("homes_flooded", 6000, 6000, "more_than", "préfectures du Pas-de-Calais et du Nord", "STATE", "plus de 6000 habitations"),
  C("people_affected", 10000, 10000, "more_than", "préfectures du Pas-de-Calais et du Nord", "STATE", "Plus de 10 000 sinistrés"),
  C("people_evacuated", 1391, 1391, "exact", "préfectures du Pas-de-Calais et du Nord", "STATE", "1391 évacuations"),
  C("schools_closed", 388, 388, "exact", "préfectures du Pas-de-Calais et du Nord", "STATE", "388 établissements scolaires"),
  C("rescuers_deployed", 900, 900, "more_than", "préfectures du Pas-de-Calais et du Nord", "STATE", "Plus de 900 pompiers et sauveteurs"),
  C("communes_catnat", 206, 206, "exact", U, "UNATTRIBUTED", "206 communes ont été reconnues")],
 note="A consultancy's digest of the prefectures' figures (source group of the figures: STATE). Not annotated: shops, firms, farms, '5 blessés', '90 axes routiers', 'deux jours'.")

item("2023-11-28_1_pasdecalais_leroy_400_communes.txt", "2023-11-28", "stated: 'Publié le 28 novembre 2023'",
 "https://www.pasdecalais.fr/Actualites/ARCHIVES/2023/Actualite-Conseil-departemental/Le-dossier-de-L-Echo-du-Pas-de-Calais-apres-les-inondations-la-reconstruction-avec-le-Departement",
 "Département du Pas-de-Calais (L'Écho du Pas-de-Calais)",
 "Après les inondations, la reconstruction avec le Département : entretien avec Jean-Claude Leroy",
 "Dans L'Écho du Pas-de-Calais, le président du Département, Jean-Claude Leroy, revient sur des inondations qu'il qualifie d'« historiques ». Selon lui, les événements ont frappé 400 communes du Calaisis, du Boulonnais, du Montreuillois, de l'Audomarois et de l'Artois, et plus de 300 000 habitants sont concernés, certains villages ayant été littéralement coupés du monde. Il n'avait jamais autant plu dans le département depuis le début des mesures en 1958, rappelle-t-il, en citant les crues de la Liane, de l'Aa, de la Canche, de la Lys, de la Hem, de la Course et du Bléquin. « 6 000 habitations ont été impactées, 10 000 sinistrés recensés », résume l'élu, qui souligne que des écoles ont dû fermer dans 279 communes. Il avait parlé de « chaos » et de « désolation » dans le courrier adressé au président de la République avant sa venue dans l'Audomarois, le 14 novembre.",
 [C("communes_flooded", 400, 400, "exact", "Jean-Claude Leroy", "LOCAL", "ont frappé 400 communes"),
  C("people_affected", 300000, 300000, "more_than", "Jean-Claude Leroy", "LOCAL", "plus de 300 000 habitants sont concernés"),
  C("homes_flooded", 6000, 6000, "exact", "Jean-Claude Leroy", "LOCAL", "6 000 habitations ont été impactées"),
  C("people_affected", 10000, 10000, "exact", "Jean-Claude Leroy", "LOCAL", "10 000 sinistrés recensés"),
  C("communes_schools_closed", 279, 279, "exact", "Jean-Claude Leroy", "LOCAL", "dans 279 communes")],
 note="The Département's president counts 400 communes and 300 000 inhabitants 'concernés' against the prefecture's 262 communes and 10 000 sinistrés. Not annotated: 1958, 14 novembre.")

item("2023-12-05_1_terresetterritoires_leroy_1_5_milliard.txt", "2023-12-05", "inferred: reports the departmental session 'ce 4 décembre' at Arras; publication day not stated, set to the next day",
 "https://terres-et-territoires.com/cest-tout-frais/inondations-le-pas-de-calais-panse-ses-plaies-et-pense-lavenir",
 "Terres et Territoires",
 "Inondations : le Pas-de-Calais panse ses plaies et pense à l'avenir",
 "« Jamais, depuis que Météo-France fait des relevés, la pluviométrie n'avait été aussi importante dans notre département sur une si courte période », a lancé Jean-Claude Leroy en ouvrant la séance de l'assemblée départementale, le 4 décembre à Arras. Après des inondations qui ont touché 262 communes, le Département réoriente son budget 2024 vers la reconstruction : à elle seule, la remise en état de la voirie est estimée à 50 millions d'euros, selon le vice-président chargé des finances, Daniel Maciejasz. Le président du Département a cité l'évaluation du réassureur CCR, qui chiffre le coût des inondations à 1,5 milliard d'euros, « une première évaluation qui risque de s'alourdir fortement ». L'assemblée a voté un fonds d'urgence de 10 millions d'euros pour les communes et les franchises d'assurance, ces dernières étant cofinancées avec la Région (1 517 dossiers à ce jour). L'État a de son côté annoncé, par la voix d'Emmanuel Macron, un soutien d'urgence de 50 millions d'euros.",
 [C("communes_flooded", 262, 262, "exact", U, "UNATTRIBUTED", "touché 262 communes"),
  C("road_damage_eur", 50000000, 50000000, "exact", "Daniel Maciejasz", "LOCAL", "estimée à 50 millions d'euros"),
  C("insured_cost_eur", 1500000000, 1500000000, "exact", "Jean-Claude Leroy (citant la CCR)", "LOCAL", "à 1,5 milliard d'euros"),
  C("local_aid_eur", 10000000, 10000000, "exact", "assemblée départementale", "LOCAL", "fonds d'urgence de 10 millions d'euros"),
  C("state_aid_eur", 50000000, 50000000, "exact", "Emmanuel Macron", "STATE", "soutien d'urgence de 50 millions d'euros")],
 note="The 1,5 milliard attributed to the CCR by the Département's president is almost three times the CCR's published 550 M€. Not annotated: '1 517 dossiers' (applications for the franchise aid), budget year 2024.")

item("2023-12-12_1_france3_104_communes.txt", "2023-12-12", "stated: 'publié au Journal Officiel du 12 décembre 2023' / 'publié aujourd'hui'",
 "https://france3-regions.francetvinfo.fr/hauts-de-france/pas-calais/inondations-dans-le-nord-pas-de-calais-104-nouvelles-communes-reconnues-en-etat-de-catastrophe-naturelle-2888762.html",
 "France 3 Hauts-de-France",
 "Inondations dans le Nord-Pas-de-Calais : 104 nouvelles communes reconnues en état de catastrophe naturelle",
 "Un arrêté interministériel du 30 novembre, publié ce mardi 12 décembre au Journal officiel, reconnaît l'état de catastrophe naturelle dans 104 communes supplémentaires du Nord et du Pas-de-Calais, à la suite des inondations et coulées de boue survenues du 2 au 12 novembre. Le Pas-de-Calais compte 84 nouvelles communes classées, parmi lesquelles Berck, Longuenesse, Hames-Boucres et Merlimont. Dans le Nord, vingt communes sont concernées, dont Bailleul, Cassel et Hazebrouck. Le 15 novembre, un premier arrêté avait déjà classé 205 communes, 181 dans le Pas-de-Calais et 24 dans le Nord.",
 [C("communes_catnat_added", 104, 104, "exact", "Journal officiel (arrêté)", "STATE", "dans 104 communes supplémentaires", event="arrêté of 30 Nov (JO 12 Dec)"),
  C("communes_catnat_added_pdc", 84, 84, "exact", "Journal officiel (arrêté)", "STATE", "84 nouvelles communes classées", event="arrêté of 30 Nov (JO 12 Dec)"),
  C("communes_catnat_added_nord", 20, 20, "exact", "Journal officiel (arrêté)", "STATE", "vingt communes sont concernées", event="arrêté of 30 Nov (JO 12 Dec)"),
  C("communes_catnat", 205, 205, "exact", "Journal officiel (arrêté)", "STATE", "déjà classé 205 communes", historical=True),
  C("communes_catnat_pdc", 181, 181, "exact", "Journal officiel (arrêté)", "STATE", "181 dans le Pas-de-Calais", historical=True),
  C("communes_catnat_nord", 24, 24, "exact", "Journal officiel (arrêté)", "STATE", "24 dans le Nord", historical=True)],
 note="The item gives the increments, not the new totals (205 + 104 = 309 is left to the reader). The first arrêté's figures are recalled from 15 Nov (27 days: historical).")

item("2023-12-19_1_bfm_51_millions_6700_maisons.txt", "2023-12-19", "stated: 'ce mardi 19 décembre'; URL stamp 202312190743",
 "https://www.bfmtv.com/grand-littoral/inondations-dans-le-pas-de-calais-un-premier-bilan-fait-etat-d-au-moins-100-millions-d-euros-de-degats_AV-202312190743.html",
 "BFM Grand Littoral",
 "Inondations dans le Pas-de-Calais : un premier bilan chiffre les dégâts à au moins 100 millions d'euros",
 "Un mois et demi après les inondations, le préfet du Pas-de-Calais, Jacques Billant, a réuni ce mardi 19 décembre à Saint-Omer le président de la Région, le président du conseil départemental et les élus pour faire le point sur la reconstruction. Selon le premier bilan chiffré présenté par le préfet, les communes et communautés de communes sinistrées recensent au moins 51 millions d'euros de dégâts, auxquels s'ajoutent 50 millions d'euros de dégradations sur les routes départementales. Ces montants devraient être revus à la hausse, expertises et estimations se poursuivant dans les communes. Par ailleurs, 150 dossiers de relogement sont toujours en cours de traitement. « On est sur 265 communes et 10.000 missions d'expertise réalisées par les assurances, qui concernent 6.700 maisons d'habitation », a détaillé Jacques Billant.",
 [C("communes_damage_eur", 51000000, 51000000, "at_least", "préfet Jacques Billant", "STATE", "au moins 51 millions d'euros de dégâts"),
  C("road_damage_eur", 50000000, 50000000, "exact", "préfet Jacques Billant", "STATE", "50 millions d'euros de dégradations"),
  C("communes_catnat_pdc", 265, 265, "exact", "préfet Jacques Billant", "STATE", "On est sur 265 communes", alt_quantities=["communes_flooded"],
    note="the préfet's '265 communes' are the communes recognised in catastrophe naturelle (same meeting in Terres et Territoires); read as communes affected, it is a second defensible reading"),
  C("homes_flooded", 6700, 6700, "exact", "préfet Jacques Billant", "STATE", "6.700 maisons d'habitation")],
 note="Not annotated: '150 dossiers de relogement', '10.000 missions d'expertise' (expert visits, not claims filed), 'un mois et demi'. The title's 'au moins 100 millions' is the sum of 51 and 50 (title not annotated).")

item("2023-12-19_2_francebleu_14000_dossiers.txt", "2023-12-19", "inferred: reports the reconstruction meeting held at Saint-Omer on Tuesday 19 Dec ('plus d'un mois après')",
 "https://l.francebleu.fr/infos/environnement/inondations-pas-de-calais-les-experts-sont-passes-dans-98-des-cas-selon-les-assureurs-1171866",
 "France Bleu Nord",
 "Inondations dans le Pas-de-Calais : les experts sont passés dans 98 % des cas, selon les assureurs",
 "Plus d'un mois après le début des inondations, une nouvelle réunion consacrée à la reconstruction s'est tenue à Saint-Omer et a permis d'actualiser le bilan. Selon France Assureurs, 14 000 dossiers de sinistre ont été ouverts auprès des assurances après les reconnaissances de catastrophe naturelle, un chiffre encore provisoire. Parmi eux, 10 000 nécessitaient la visite d'un expert, qui a eu lieu dans 98 % des cas ; son directeur général, Franck Levallois, évoque des experts redéployés depuis des régions épargnées et le recours à des expertises à distance. Les sinistrés qui ont reçu un expert ont tous perçu un acompte, de 2 600 euros en moyenne. Une nouvelle estimation porte à 101 millions d'euros les dégâts sur les bâtiments publics et les routes.",
 [C("claims_filed", 14000, 14000, "exact", "France Assureurs", "INSURERS", "14 000 dossiers de sinistre"),
  C("public_damage_eur", 101000000, 101000000, "exact", U, "UNATTRIBUTED", "à 101 millions d'euros les dégâts")],
 note="Not annotated: 10 000 expert visits (a subset of the files), 98 %, the average advance of 2 600 euros (per claimant).")

item("2023-12-28_1_bfm_369_communes.txt", "2023-12-28", "URL stamp 202312280595 (28 Dec); arrêté of 18 Dec published in the JO of 28 Dec",
 "https://l.bfmtv.com/grand-littoral/inondations-dans-le-nord-et-le-pas-de-calais-de-nouvelles-communes-reconnues-en-etat-de-catastrophe-naturelle_AN-202312280595.html",
 "BFM Grand Littoral",
 "Inondations dans le Nord et le Pas-de-Calais : de nouvelles communes reconnues en état de catastrophe naturelle",
 "Les inondations de novembre dans le Nord et le Pas-de-Calais ont désormais valu la reconnaissance de l'état de catastrophe naturelle à 369 communes. Publié au Journal officiel, l'arrêté du 18 décembre ajoute 21 nouvelles communes à la liste et prolonge jusqu'au 24 novembre la période couverte, jusque-là limitée du 2 au 12 novembre. Dans le Pas-de-Calais, département le plus touché, 17 communes font leur entrée, parmi lesquelles Audinghen, Audresselles, Colembert et Tardinghen. Côté Nord, Estaires, Herzeele, Killem, Quaëdypre, Rexpoëde et Warhem rejoignent la liste. Pour Audembert et Hervelinghen, la reconnaissance remonte même au 28 octobre.",
 [C("communes_catnat", 369, 369, "exact", "Journal officiel (arrêté)", "STATE", "à 369 communes"),
  C("communes_catnat_added", 21, 21, "exact", "Journal officiel (arrêté)", "STATE", "21 nouvelles communes", event="arrêté of 18 Dec (JO 28 Dec)"),
  C("communes_catnat_added_pdc", 17, 17, "exact", "Journal officiel (arrêté)", "STATE", "17 communes font leur entrée", event="arrêté of 18 Dec (JO 28 Dec)")],
 note="The source's own numbers do not add up (17 + six named communes of the Nord = 23, not 21; 309 + 21 = 330, not 369); kept as stated.")

item("2023-12-28_2_france3_17_communes_309.txt", "2023-12-28", "stated: 'publié au Journal Officiel ce 28 décembre 2023'",
 "https://france3-regions.francetvinfo.fr/hauts-de-france/pas-calais/inondations-dans-le-pas-de-calais-17-communes-supplementaires-reconnues-en-etat-de-catastrophe-naturelle-2897189.html",
 "France 3 Hauts-de-France",
 "Inondations dans le Pas-de-Calais : 17 communes supplémentaires reconnues en état de catastrophe naturelle",
 "Plus d'un mois après les crues, un troisième arrêté interministériel, publié au Journal officiel ce jeudi 28 décembre, reconnaît l'état de catastrophe naturelle dans 17 nouvelles communes du Pas-de-Calais. Elles s'ajoutent aux 309 communes du Nord et du Pas-de-Calais déjà reconnues par les arrêtés des 14 et 30 novembre : 205 lors du premier, 104 lors du second. Seul le dossier de Mouriez n'a pas encore abouti ; il sera réexaminé avec ceux de six communes qui viennent de déposer leur demande, dont Condette et Isbergues. À ce stade, aucune demande du département n'a été refusée, souligne le préfet. Les sinistrés disposent désormais de 30 jours pour déclarer leurs dégâts.",
 [C("communes_catnat_added_pdc", 17, 17, "exact", "Journal officiel (arrêté)", "STATE", "dans 17 nouvelles communes", event="arrêté of 18 Dec (JO 28 Dec)"),
  C("communes_catnat", 309, 309, "exact", U, "UNATTRIBUTED", "aux 309 communes du Nord"),
  C("communes_catnat", 205, 205, "exact", "Journal officiel (arrêté)", "STATE", "205 lors du premier", historical=True),
  C("communes_catnat_added", 104, 104, "exact", "Journal officiel (arrêté)", "STATE", "104 lors du second", historical=True, event="arrêté of 30 Nov (JO 12 Dec)")],
 note="The 309 already recognised communes are the item's own current tally, not an earlier statement; 309 + 17 = 326 disagrees with BFM's 369 of the same day. Not annotated: Mouriez and 'six communes' with pending files, '30 jours'.")

item("2023-11-14_2_partagence_1500_pompiers_350_400_mm.txt", "2023-11-14", "stated: '14 Novembre 2023'",
 "https://www.partagence.org/article/des-crues-et-des-inondations-à-répétition-dans-le-pas-de-calais",
 "Partagence",
 "Des crues et des inondations à répétition dans le Pas-de-Calais",
 "Après des semaines de fortes pluies depuis la mi-octobre et le passage de la tempête Ciaran, le Pas-de-Calais subit des crues historiques : en une seule semaine, l'équivalent de six mois de pluie s'est abattu sur le département. Placé en vigilance rouge crues entre le 5 et le 9 novembre, le territoire présente des sols détrempés, dont l'indice d'humidité n'avait jamais été aussi élevé depuis plus de 50 ans. « Il est tombé entre 350 et 400 millimètres de pluie sur les 30 derniers jours, soit six mois de pluie moyenne sur le secteur », a expliqué à franceinfo Rachel Puechberty, directrice adjointe du service Vigicrues. Les interventions des secours se comptent par centaines et 1500 pompiers sont sur le pied de guerre. Le dispositif FR-Alert a été déclenché pour demander aux habitants d'annuler leurs déplacements et de se réfugier en hauteur.",
 [C("rainfall_mm", 350, 400, "range", "Rachel Puechberty (Vigicrues)", "METEO", "entre 350 et 400 millimètres de pluie", event="30 days to 7-8 Nov"),
  C("firefighter_interventions", 200, 999, "range", U, "UNATTRIBUTED", "se comptent par centaines", vague=True),
  C("rescuers_deployed", 1500, 1500, "exact", U, "UNATTRIBUTED", "1500 pompiers sont sur le pied de guerre")],
 note="Not annotated: 'six mois de pluie' (a comparison, no count), 'plus de 50 ans', dates. The 1500 firefighters (unattributed) disagree with the préfet's 'près de 300' mobilised at night.")

item("2023-12-28_3_terresetterritoires_282_communes.txt", "2023-12-28", "inferred: reports the arrêté of 18 Dec 'publié au Journal officiel le 28 décembre'; publication day not stated, set to 28 Dec",
 "https://terres-et-territoires.com/cest-tout-frais/societe/inondations-et-secheresse-de-nouvelles-communes-en-etat-de-catastrophe-naturelle",
 "Terres et Territoires",
 "Inondations et sécheresse : de nouvelles communes en état de catastrophe naturelle",
 "Par un arrêté interministériel du 18 décembre, publié au Journal officiel le 28 décembre, 17 communes du Pas-de-Calais sont reconnues en état de catastrophe naturelle au titre des inondations et coulées de boue : Audembert et Hervelinghen pour la période du 28 octobre au 1er novembre 2023, et quinze autres, dont Audinghen, Audresselles et Tardinghen, pour la période du 2 au 24 novembre. Cela porte à 282 le nombre de communes du Pas-de-Calais reconnues au titre des événements de novembre. Dans le Nord, Estaires, Herzeele, Killem, Quaëdypre, Rexpoëde et Warhem sont reconnues pour les inondations du 2 au 24 novembre, ainsi que neuf autres communes, dont Watten et Wormhout, pour celles du 13 au 24 novembre. Deux communes du Pas-de-Calais, Camblain-Châtelain et Polincove, obtiennent par ailleurs la reconnaissance au titre de la sécheresse de 2022.",
 [C("communes_catnat_added_pdc", 17, 17, "exact", "Journal officiel (arrêté)", "STATE", "17 communes du Pas-de-Calais", event="arrêté of 18 Dec (JO 28 Dec)"),
  C("communes_catnat_pdc", 282, 282, "exact", "Journal officiel (arrêtés)", "STATE", "Cela porte à 282", revision_of=265, cue="Cela porte à",
    note="the official Pas-de-Calais tally moves from 265 (the préfet, 19 Dec) to 282 with this arrêté; the item gives the cue but not the superseded figure, taken from the same official tally")],
 note="Not annotated: 'quinze autres' and 'neuf autres communes' (parts of an arrêté's list), the two communes recognised for the 2022 drought (another event), dates and periods.")

# --- negatives ---------------------------------------------------------------------------------
item("neg_01_toscane_ciaran_trois_morts.txt", "2023-11-03", None,
 "https://www.europe1.fr/international/litalie-frappee-par-la-tempete-ciaran-trois-morts-en-toscane-4212436",
 "Europe 1 (avec AFP)",
 "L'Italie frappée par la tempête Ciaran : trois morts en Toscane",
 "Le passage de la tempête Ciaran a fait trois morts en Toscane, où des pluies diluviennes ont fait déborder les rivières dans la nuit de jeudi à vendredi, selon le président de la région, Eugenio Giani, qui a décrété l'état d'urgence. À Montemurlo, où il est tombé dix centimètres de pluie en deux heures, un homme de 85 ans a été retrouvé noyé chez lui et une femme de 84 ans a succombé à un malaise pendant la montée des eaux ; une troisième personne est morte à Rosignano. Les pompiers ont mené des dizaines d'interventions autour de Florence, Pistoia, Pise et Prato pour secourir des automobilistes bloqués dans des tunnels inondés. Trois hôpitaux de la région ont été inondés et le trafic ferroviaire est fortement perturbé.",
 [], neg="near-miss (same storm, floods in Tuscany, Italy, November 2023)")

item("neg_02_finistere_ciaran_286000_foyers.txt", "2023-11-03", None,
 "https://linfodechainee.fr/2023/11/03/le-finistere-ravage-par-la-tempete-ciaran",
 "L'info déchaînée",
 "Le Finistère ravagé par la tempête Ciaran",
 "La tempête Ciaran a dévasté le Finistère dans la nuit de mercredi à jeudi, avec des rafales de 160 km/h et un record à plus de 200 km/h à la pointe du Raz. Près de 286 000 foyers ont été privés d'électricité et des milliers d'arbres ont été arrachés ; à Brest, une grue s'est brisée en deux et, à Concarneau, un pont s'est effondré. Le président de la République s'est rendu dans le département le 3 novembre pour y reconnaître l'état de catastrophe naturelle. Selon le cabinet Saretec, les dégâts matériels atteindraient 125 millions d'euros, dont 25 millions d'euros pour les entreprises.",
 [], neg="near-miss (storm Ciaran wind damage in Brittany, same weeks, another place and hazard)")

item("neg_03_westhoek_25_maisons_evacuees.txt", "2023-11", None,
 "https://headtopics.com/be/evacuation-preventive-de-25-maisons-en-raison-des-48991005",
 "Head Topics Belgique",
 "Flandre occidentale : évacuation préventive de 25 maisons face aux inondations",
 "En raison des inondations qui persistent, les habitants de quelque 25 maisons des villages de Woumen (Dixmude) et de Merkem (Houthulst), en Flandre occidentale, vont être évacués à titre préventif, a annoncé la zone de secours du Westhoek. Ils seront hébergés au centre Heuvelhuis de Klerken. Mardi, il est encore tombé localement jusqu'à 40 litres d'eau par mètre carré sur des sols déjà saturés, ce qui a rempli la zone tampon naturelle du Blankaart. Sur le Heulebeek, le pic de crue n'a pas encore été atteint.",
 [], neg="near-miss (floods in West Flanders, Belgium, November 2023)")

item("neg_04_flandre_occidentale_23_habitations.txt", "2023-11-21", None,
 "https://www.rtl.be/actu/belgique/meteo/la-phase-provinciale-du-plan-catastrophe-en-vigueur-jusque-vendredi-en-flandre/2023-11-21/article/610557",
 "RTL Info (Belgique)",
 "Le plan catastrophe maintenu jusqu'à vendredi en Flandre occidentale",
 "La cellule de crise provinciale a décidé mardi de maintenir la phase provinciale du plan catastrophe en Flandre occidentale au moins jusqu'au 24 novembre. Autour de la réserve naturelle De Blankaart et à Woumen (Dixmude), la situation reste critique, la baisse des eaux ayant été freinée par les dernières averses. Sur les 23 habitations évacuées, neuf ont été déclarées sûres, tandis que onze restent difficiles d'accès et feront l'objet de nouveaux contrôles mercredi. Les pompes ont été arrêtées à plusieurs endroits, mais restent sur place au cas où.",
 [], neg="near-miss (floods in West Flanders, Belgium, same week)")

item("neg_05_liane_2019_dix_communes.txt", "2019-11-05", None,
 "https://www.francesoir.fr/actualites-france/crues-dans-le-pas-de-calais-inondations-autour-de-boulogne-sur-mer",
 "France-Soir (AFP)",
 "Crues dans le Pas-de-Calais : inondations autour de Boulogne-sur-Mer",
 "Dix communes du Pas-de-Calais ont été inondées dans la nuit de lundi à mardi après d'importants cumuls de pluie qui ont fait déborder la Liane, fleuve côtier qui se jette dans la Manche à Boulogne-sur-Mer. À midi, le SDIS avait réalisé 101 interventions et aucune victime n'était à déplorer, selon la préfecture du Pas-de-Calais, qui a placé le département en vigilance orange crues au milieu de la nuit. À Saint-Étienne-au-Mont, 10 personnes ont été évacuées et 120 habitations touchées ; la maire, Brigitte Passebosc, parle de la plus forte crue depuis 2000. À Wirwignes, un affluent de la Liane, la Faude, a débordé comme on ne l'avait pas vu depuis au moins 40 ans, selon le maire André Goudalle.",
 [], neg="near-miss (same place and rivers, earlier event: the Liane floods of November 2019)")


def main():
    items_dir = HERE / "items"
    items_dir.mkdir(exist_ok=True)
    for p in items_dir.glob("*.txt"):
        p.unlink()
    exp_path = HERE / "expected.json"
    old = json.loads(exp_path.read_text()) if exp_path.exists() else [{"_meta": {}}]
    data = [old[0]]
    bad = 0
    for it in sorted(ITEMS, key=lambda x: x["file"]):
        text = it["title"] + "\n" + it["body"] + "\n"
        (items_dir / it["file"]).write_text(text, encoding="utf-8")
        for c in it["claims"]:
            n_body, n_all = it["body"].count(c["text_span"]), text.count(c["text_span"])
            if n_body != 1 or n_all != 1:
                bad += 1
                print("SPAN PROBLEM", it["file"], repr(c["text_span"]), n_body, n_all)
        e = {"file": it["file"], "is_negative": it["neg"] is not None}
        if it["neg"]:
            e["negative_kind"] = it["neg"]
            e.update(date=it["date"], source_url=it["url"], outlet=it["outlet"], claims=[],
                     expected_alerts=[], optional_alerts=[])
        else:
            e.update(date=it["date"], date_basis=it["basis"], order_date=it["file"][:10], source_url=it["url"],
                     outlet=it["outlet"], claims=it["claims"], expected_alerts=[], optional_alerts=[])
            if it["note"]:
                e["note"] = it["note"]
        data.append(e)
    exp_path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(data) - 1, "items,", sum(len(e["claims"]) for e in data[1:]), "claims,", bad, "span problems")


if __name__ == "__main__":
    main()
