"""The benchmark corpus generator: deterministic, the requested mix, readable by the monitor.

Only the corpus is tested here; the benchmark figures are never asserted (``.ci/run``
runs ``benchmarks/run.py --smoke`` so the benchmarks themselves cannot rot).
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
import yaml

from benchmarks.corpus import (
    CorpusArticle,
    french_words,
    generate_corpus,
    write_corpus,
)
from monitor.claims.numbers import parse_words
from monitor.extract import extract_article
from monitor.fixtures import read_fixtures
from monitor.rules.matchers import RuleBook

COUNT = 60
SEED = 7
BASE_URL = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def articles() -> list[CorpusArticle]:
    return generate_corpus(COUNT, SEED)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory, articles: list[CorpusArticle]) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(articles, folder, base_url=BASE_URL)
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_same_seed_same_bytes(tmp_path: Path, corpus_dir: Path) -> None:
    write_corpus(generate_corpus(COUNT, SEED), tmp_path, base_url=BASE_URL)
    again = files_of(tmp_path)
    assert again == files_of(corpus_dir)
    assert len(again) == 2 * COUNT + 2 + 1 + COUNT + 12 + 2  # txt, html, jsonl, site


def test_other_seed_other_articles() -> None:
    first = [article.text for article in generate_corpus(20, 1)]
    second = [article.text for article in generate_corpus(20, 2)]
    assert first != second


def test_requested_proportions() -> None:
    articles = generate_corpus(200, SEED)
    originals = [article for article in articles if article.copy_of is None]
    assert len(articles) == 200
    assert sum(article.on_topic for article in originals) == 20
    assert len(articles) - len(originals) == 20
    assert len({article.text for article in originals}) == len(originals)


def test_copies_repeat_an_earlier_article_elsewhere(articles: list[CorpusArticle]) -> None:
    copies = [article for article in articles if article.copy_of is not None]
    assert copies
    for copy in copies:
        original = articles[copy.copy_of or 0]
        assert original.copy_of is None
        assert original.published < copy.published
        assert (copy.title, copy.text, copy.on_topic) == (
            original.title,
            original.text,
            original.on_topic,
        )
        assert copy.outlet != original.outlet
        assert copy.url != original.url


def test_articles_in_publication_order(articles: list[CorpusArticle]) -> None:
    dates = [article.published for article in articles]
    assert dates == sorted(dates)
    assert [article.number for article in articles] == list(range(COUNT))


def test_html_reads_back_to_the_same_text(corpus_dir: Path, articles: list[CorpusArticle]) -> None:
    for article in articles:
        page = (corpus_dir / "html" / f"{article.file_stem}.html").read_bytes()
        extracted = extract_article(page, url=article.url)
        # trafilatura turns no-break spaces into spaces: equal up to whitespace, which
        # is also what the pipeline's content hash ignores.
        assert extracted.text.split() == article.text.split(), article.file_stem
        assert (extracted.title or "").split() == article.title.split()
        assert extracted.language == "fr"


def test_every_format_replays_with_its_metadata(
    corpus_dir: Path, articles: list[CorpusArticle]
) -> None:
    expected = {(article.url, article.title, article.published) for article in articles}
    for path in (corpus_dir / "txt", corpus_dir / "articles.jsonl"):
        items = read_fixtures([path])
        assert [item.problem for item in items if item.problem] == []
        read = {
            (item.article.url, item.article.title, item.article.published)
            for item in items
            if item.article
        }
        assert read == expected, path
    index = yaml.safe_load((corpus_dir / "html" / "index.yaml").read_text(encoding="utf-8"))
    assert len(index["documents"]) == COUNT


def test_feeds_are_valid_rss_listing_every_article(
    corpus_dir: Path, articles: list[CorpusArticle]
) -> None:
    site = corpus_dir / "site"
    links: list[str] = []
    for feed_path in sorted((site / "feeds").glob("*.xml")):
        feed = feedparser.parse(feed_path.read_bytes())
        assert not feed.bozo, (feed_path.name, feed.get("bozo_exception"))
        assert feed.version == "rss20"
        for entry in feed.entries:
            assert entry.title and entry.published_parsed and entry.link == entry.id
            links.append(entry.link)
    assert sorted(links) == sorted(
        f"{BASE_URL}/articles/{article.slug}.html" for article in articles
    )
    for link in links:
        assert (site / link.removeprefix(f"{BASE_URL}/")).is_file()
    assert (site / "robots.txt").is_file() and (site / "index.html").is_file()


def test_shipped_rules_recognise_the_on_topic_articles(
    articles: list[CorpusArticle], book: RuleBook
) -> None:
    for article in articles:
        topics = [topic.id for topic in book.topics_for(f"{article.title}\n{article.text}")]
        expected = ["coree-du-nord-russie"] if article.on_topic else []
        assert topics == expected, (article.file_stem, article.title)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (71, "soixante et onze"),
        (80, "quatre-vingts"),
        (200, "deux cents"),
        (2_700, "deux mille sept cents"),
        (11_000, "onze mille"),
        (80_000, "quatre-vingt mille"),
        (300_000, "trois cent mille"),
        (3_000_000, "trois millions"),
    ],
)
def test_numbers_in_words_read_back(number: int, words: str) -> None:
    assert french_words(number) == words
    assert parse_words(words) == number


def test_crawl_benchmark_serves_the_site_at_its_own_address(
    tmp_path: Path, articles: list[CorpusArticle]
) -> None:
    from benchmarks.bench_crawl import read_site
    from benchmarks.corpus import DEFAULT_BASE_URL, write_site

    write_site(articles, tmp_path, DEFAULT_BASE_URL)
    served = "http://127.0.0.1:5555"
    files = read_site(tmp_path, served)
    links = []
    for path in sorted(path for path in files if path.startswith("/feeds/")):
        feed = feedparser.parse(files[path])
        assert not feed.bozo, path
        links += [entry.link for entry in feed.entries]
    assert len(links) == COUNT
    for link in links:
        assert link.startswith(f"{served}/articles/"), link
        page = files[link.removeprefix(served)]
        assert DEFAULT_BASE_URL.encode() not in page
        assert f'href="{link}"'.encode() in page  # the page's canonical link is its URL
    assert files["/robots.txt"] == b"User-agent: *\nAllow: /\n"
