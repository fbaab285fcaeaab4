"""The offline readers: .txt with index.yaml, saved .html, JSON lines, and bad files."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from monitor.fixtures import fixture_url, read_fixtures, split_title
from tests.paths import PAGES as CORPUS
from tests.paths import SEEDS

ARTICLE = (
    "Selon le ministère, près de 1 500 militaires nord-coréens s'entraînent en Russie. "
    "Moscou n'a pas confirmé ces informations, qui circulent depuis vendredi."
)


def test_seeds_come_in_date_order_with_index_titles_and_stable_urls() -> None:
    items = read_fixtures([SEEDS])
    assert [item.problem for item in items if item.problem] == []
    articles = [item.article for item in items if item.article]
    assert [a.url for a in articles] == [
        "fixture:seeds/003_4e66c6fae4b9ad72.txt",
        "fixture:seeds/002_f86a56aff97b74b0.txt",
        "fixture:seeds/000_b9c6da5d751b0bbe.txt",
        "fixture:seeds/001_125bc9ff60828318.txt",
        "fixture:seeds/004_7a69544080bf7211.txt",
    ]
    assert articles[0].published == datetime(2024, 10, 17, 22, 0, tzinfo=UTC)  # Paris midnight
    # index.yaml says 002 has no title line: its first line stays in the text.
    assert articles[1].title is None
    assert articles[1].text.startswith("Un porte-parole de l’Alliance atlantique")
    # The title line is taken out of the body when it repeats the index title.
    assert (
        articles[4].title == "Guerre en Ukraine : un allié de la Russie lui procure 30 000 soldats"
    )
    body = " ".join(articles[4].text.split())  # the seed writes no-break spaces
    assert body.startswith(
        "Guerre en Ukraine : un allié de la Russie lui procure 30 000 soldats D'après"
    )
    assert all(a.language == "fr" for a in articles)


def test_first_line_is_a_title_only_when_it_looks_like_one() -> None:
    assert split_title("Des soldats en Russie\nLe texte suit.") == (
        "Des soldats en Russie",
        "Le texte suit.",
    )
    assert split_title("Une phrase complète.\nLa suite.") == (
        None,
        "Une phrase complète.\nLa suite.",
    )
    assert split_title("Un seul paragraphe sans suite") == (None, "Un seul paragraphe sans suite")


def test_bad_files_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text("Un titre\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"  \n")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "d_latin1.txt").write_bytes(("Crise à Séoul\n" + ARTICLE).encode("iso-8859-1"))
    items = read_fixtures([tmp_path])
    problems = sorted(str(item.problem) for item in items if item.problem)
    assert problems == [
        f"{tmp_path}/b_empty.txt: empty file, no article to read",
        f"{tmp_path}/c_binary.txt: binary data, not a text article (remove it)",
    ]
    articles = {Path(a.origin or "").name: a for a in (i.article for i in items) if a}
    assert sorted(articles) == ["a_good.txt", "d_latin1.txt"]
    latin = articles["d_latin1.txt"]
    assert latin.title == "Crise à Séoul"
    assert "s'entraînent" in latin.text and "\ufffd" not in latin.text
    [warning] = [w for item in items for w in item.warnings]
    assert str(warning) == (
        f"{tmp_path}/d_latin1.txt: not UTF-8 (invalid byte at offset 6); read as "
        "Windows-1252/ISO-8859-1 (convert it with: iconv -f WINDOWS-1252 -t UTF-8)"
    )


def test_saved_html_is_extracted_with_trafilatura(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "lopinion.fr.glyphosate.html", tmp_path / "page.html")
    [item] = read_fixtures([tmp_path / "page.html"])
    assert item.problem is None and item.article is not None
    article = item.article
    assert article.url == f"fixture:{tmp_path.name}/page.html"
    assert article.title == "Glyphosate: radiographie d’une intoxication collective"
    assert article.published == datetime(2019, 5, 15, 4, 0, 1, tzinfo=UTC)  # 06:00:01+02:00
    assert "Un jugement ne fait pas une vérité scientifique" in article.text
    assert article.language == "fr"


def test_html_without_article_text_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "stub.html").write_text("<html><body><nav>Menu</nav></body></html>")
    (tmp_path / "teaser.html").write_text(
        "<html><body><article><p>Abonnez-vous pour lire la suite.</p></article></body></html>"
    )
    problems = [str(item.problem) for item in read_fixtures([tmp_path])]
    assert problems == [
        f"{tmp_path}/stub.html: too little text for an article (1 words)"
        " (is it a saved article page?)",
        f"{tmp_path}/teaser.html: too little text for an article (5 words)"
        " (is it a saved article page?)",
    ]


def test_json_lines_with_text_html_and_bad_lines(tmp_path: Path) -> None:
    page = (CORPUS / "lopinion.fr.glyphosate.html").read_text(encoding="utf-8")
    lines = [
        json.dumps(
            {
                "url": "https://www.example.fr/monde/coree",
                "title": "Des militaires en Russie",
                "published": "2024-10-20T08:30:00+02:00",
                "text": ARTICLE,
            }
        ),
        "{not json",
        json.dumps({"url": "https://www.example.fr/x", "title": "Sans texte"}),
        json.dumps({"url": "https://www.lopinion.fr/glyphosate", "html": page}),
    ]
    (tmp_path / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_fixtures([tmp_path])
    problems = [str(item.problem) for item in items if item.problem]
    assert problems == [
        f"{tmp_path}/articles.jsonl:2:2: invalid JSON: Expecting property name enclosed in "
        "double quotes",
        f"{tmp_path}/articles.jsonl:3: an article needs 'text' or 'html' (a string)",
    ]
    articles = [item.article for item in items if item.article]
    assert [a.url for a in articles] == [
        "https://www.lopinion.fr/glyphosate",  # 2019, before the 2024 one
        "https://www.example.fr/monde/coree",
    ]
    assert articles[1].published == datetime(2024, 10, 20, 6, 30, tzinfo=UTC)
    assert articles[0].title == "Glyphosate: radiographie d’une intoxication collective"


def test_fixture_urls_name_folder_and_file() -> None:
    assert fixture_url(SEEDS / "001_125bc9ff60828318.txt") == (
        "fixture:seeds/001_125bc9ff60828318.txt"
    )


def test_missing_path_and_broken_index(tmp_path: Path) -> None:
    (tmp_path / "index.yaml").write_text("documents:\n  - file: a.txt\n    title: [oops\n")
    (tmp_path / "a.txt").write_text("Un titre\n" + ARTICLE, encoding="utf-8")
    items = read_fixtures([tmp_path, tmp_path / "nope"])
    problems = [str(item.problem) for item in items if item.problem]
    assert problems[0].startswith(f"{tmp_path}/index.yaml:4:1: index ignored:")
    assert problems[1] == f"{tmp_path / 'nope'}: no such file or folder"
    assert [item.article.title for item in items if item.article] == ["Un titre"]


def test_planning_orders_by_date_without_holding_the_texts(tmp_path: Path) -> None:
    from monitor.fixtures import plan_fixtures

    (tmp_path / "index.yaml").write_text(
        "documents:\n  - {file: late.txt, date: 2025-03-01}\n  - {file: early.txt, date: 2024-11-02}\n"
    )
    (tmp_path / "late.txt").write_text("Un titre\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "early.txt").write_text("Un autre titre\n" + ARTICLE, encoding="utf-8")
    lines = [
        json.dumps(
            {"url": f"https://ex.fr/{day}", "published": f"2025-01-{day:02d}", "text": ARTICLE}
        )
        for day in (20, 5)
    ]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    planned = plan_fixtures([tmp_path])
    # Changed after planning: the text is read at its turn, not kept from the plan.
    (tmp_path / "late.txt").write_text("Titre corrigé\n" + ARTICLE, encoding="utf-8")
    articles = [entry.read().article for entry in planned]
    assert [a.url if a else None for a in articles] == [
        f"fixture:{tmp_path.name}/early.txt",
        "https://ex.fr/5",
        "https://ex.fr/20",
        f"fixture:{tmp_path.name}/late.txt",
    ]
    assert articles[-1] is not None and articles[-1].title == "Titre corrigé"
