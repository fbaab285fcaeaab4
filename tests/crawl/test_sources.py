"""The sources file: validation with file:line:column errors, and the sources commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.sources import SHIPPED_SOURCES, SourcesError, load_sources

BAD = """\
sources:
  - name: ok-source
    url: https://ex.fr/rss.xml
  - name: Bad Name
    url: ftp://ex.fr/feed
    kind: podcast
    interval: 10s
  - name: ok-source
    url: https://ex.fr/other.xml
    colour: red
"""


def test_shipped_list_is_valid_and_covers_the_major_outlets() -> None:
    sources = load_sources(SHIPPED_SOURCES).sources
    hosts = " ".join(source.url for source in sources)
    for outlet in ("lemonde", "francetvinfo", "france24", "rfi", "lefigaro", "liberation",
                   "20minutes", "bfmtv", "ouest-france", "courrierinternational"):  # fmt: skip
        assert outlet in hosts
    assert {source.kind for source in sources} == {"rss", "news-sitemap", "search"}


def test_every_problem_is_reported_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(SourcesError) as caught:
        load_sources(path)
    lines = str(caught.value).replace(str(path), "sources.yaml").splitlines()
    assert lines == [
        "sources.yaml:4:11: sources[1].name: Value error, use lowercase letters, digits, '.', '_' and '-' only, got 'Bad Name'",
        "sources.yaml:5:10: sources[1].url: Value error, expected an http:// or https:// URL with a host, got 'ftp://ex.fr/feed'",
        "sources.yaml:6:11: sources[1].kind: Input should be 'rss', 'atom', 'search' or 'news-sitemap', got 'podcast'",
        "sources.yaml:7:15: sources[1].interval: Input should be greater than or equal to 60, got 10"
        " (polls closer than this are impolite; the floor is the crawl_min_interval_seconds setting)",
        "sources.yaml:10:13: sources[2].colour: unknown key, got 'red'",
    ]


def test_duplicate_names_name_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        BAD.split("  - name: Bad Name")[0] + "  - name: ok-source\n    url: https://ex.fr/b\n"
    )
    with pytest.raises(SourcesError) as caught:
        load_sources(path)
    assert str(caught.value) == (
        f"{path}:4:11: sources[1].name: source name 'ok-source' is already used on line 2"
        " (names must be unique)"
    )


def test_a_fresh_install_polls_nothing_until_the_user_chooses(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    env = {"MONITOR_SOURCES_FILE": str(path), "MONITOR_DATABASE_URL": str(tmp_path / "m.db")}
    runner = CliRunner(env=env)
    crawl = runner.invoke(main, ["crawl", "--once"])
    assert crawl.exit_code == 0, crawl.output
    assert crawl.output == (
        f"No source: no sources file at {path}, so nothing is polled: add a source with "
        "`monitor sources add NAME URL`, or start from the shipped list of French outlets "
        "with `monitor sources init --shipped`.\n"
    )
    listed = runner.invoke(main, ["sources", "list"])
    assert listed.exit_code == 0 and listed.output.startswith("No source: no sources file")
    added = runner.invoke(main, ["sources", "add", "ledevoir", "https://www.ledevoir.com/rss.xml"])
    assert added.exit_code == 0, added.output
    assert [s.name for s in load_sources(path).sources] == ["ledevoir"]  # only the user's
    assert path.read_text().startswith("# Sources the crawler polls")
    refused = runner.invoke(main, ["sources", "init", "--shipped"])
    assert refused.exit_code == 2
    assert refused.output == f"Error: {path} already exists (--force replaces it)\n"


def test_add_list_and_disable_edit_the_file_and_keep_comments(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    env = {"MONITOR_SOURCES_FILE": str(path), "MONITOR_DATABASE_URL": str(tmp_path / "m.db")}
    runner = CliRunner(env=env)
    shipped = runner.invoke(main, ["sources", "init", "--shipped"])
    assert shipped.exit_code == 0, shipped.output
    count = len(load_sources(SHIPPED_SOURCES).sources)
    assert shipped.output == f"{path}: created with the shipped list ({count} sources)\n"
    added = runner.invoke(
        main,
        [
            "sources",
            "add",
            "ledevoir",
            "https://www.ledevoir.com/rss/section/international.xml",
            "--interval",
            "30m",
        ],
    )
    assert added.exit_code == 0, added.output
    assert (
        added.output
        == f"{path}: added source ledevoir (rss, https://www.ledevoir.com/rss/section/international.xml)\n"
    )
    assert path.read_text().startswith("# Sources the crawler polls")  # comments kept
    assert load_sources(path).by_name("ledevoir").interval == 1800  # type: ignore[union-attr]
    again = runner.invoke(main, ["sources", "add", "ledevoir", "https://ex.fr/x"])
    assert again.exit_code == 2
    assert "a source named 'ledevoir' already exists" in again.output
    disabled = runner.invoke(main, ["sources", "disable", "le-monde-international"])
    assert disabled.output == f"{path}: source le-monde-international disabled\n"
    disabled = runner.invoke(main, ["sources", "disable", "ledevoir"])
    assert disabled.exit_code == 0, disabled.output
    assert runner.invoke(main, ["sources", "disable", "ledevoir"]).output.endswith(
        "was already disabled\n"
    )
    sources = load_sources(path)
    assert not sources.by_name("ledevoir").enabled  # type: ignore[union-attr]
    assert not sources.by_name("le-monde-international").enabled  # type: ignore[union-attr]
    assert sources.by_name("franceinfo-monde").enabled  # type: ignore[union-attr]
    listed = runner.invoke(main, ["sources", "list"])
    assert listed.exit_code == 0
    assert (
        "ledevoir [rss, every 30m, disabled] https://www.ledevoir.com/rss/section/international.xml"
        in listed.output
    )
    unknown = runner.invoke(main, ["sources", "disable", "nope"])
    assert unknown.exit_code == 2 and "no source named 'nope'" in unknown.output


def test_bad_url_on_add_says_what_to_fix(tmp_path: Path) -> None:
    runner = CliRunner(env={"MONITOR_SOURCES_FILE": str(tmp_path / "s.yaml")})
    result = runner.invoke(main, ["sources", "add", "x", "file:///etc/passwd"])
    assert result.exit_code == 2
    assert result.output == (
        "Error: url: Value error, expected an http:// or https:// URL with a host,"
        " got 'file:///etc/passwd'\n"
    )


def test_the_polling_floor_is_a_setting(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n  - name: local\n    url: http://127.0.0.1:8000/rss\n    interval: 5s\n"
    )
    with pytest.raises(SourcesError, match="greater than or equal to 60, got 5"):
        load_sources(path)
    assert load_sources(path, min_interval=5).sources[0].interval == 5


def test_crawl_warns_when_the_systems_libexpat_is_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyexpat

    monkeypatch.setattr(pyexpat, "version_info", (2, 5, 0))
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - name: local\n    url: http://127.0.0.1:9/feed.xml\n")
    runner = CliRunner(
        env={"MONITOR_SOURCES_FILE": str(path), "MONITOR_DATABASE_URL": str(tmp_path / "m.db")}
    )
    result = runner.invoke(main, ["crawl", "--once"])
    assert "warning: the system's libexpat is 2.5.0, older than 2.6.0" in result.stderr
