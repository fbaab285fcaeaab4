"""``monitor timeline``: the timeline of a quantity as SVG, PNG or a page that works offline."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import main
from tests.paths import RULES


def timeline(database: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["timeline", "coree-du-nord-russie", *args, "--db", str(database), "--rules", str(RULES)],
    )
    return result.exit_code, result.output


def test_svg_has_one_labelled_point_per_claim(database_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "killed.svg"
    code, output = timeline(database_file, "killed", "-o", str(out))
    assert code == 0, output
    assert output == f"{out}: timeline of coree-du-nord-russie/killed, 3 marks (svg)\n"
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    labels = re.findall(r'aria-roledescription="point"[^>]*?aria-label="([^"]*)"|'
                        r'aria-label="([^"]*)"[^>]*?aria-roledescription="point"', svg)  # fmt: skip
    texts = [a or b for a, b in labels]
    assert len(texts) == 3
    assert any(": 600 —" in text for text in texts)
    assert any(": environ 300 —" in text for text in texts)
    assert "e+" not in svg


def test_png_and_html(database_file: Path, tmp_path: Path) -> None:
    png = tmp_path / "wounded.png"
    code, output = timeline(database_file, "wounded", "--format", "png", "-o", str(png))
    assert code == 0, output
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    page = tmp_path / "wounded.html"
    code, output = timeline(database_file, "wounded", "-o", str(page))
    assert code == 0 and output.endswith("(html)\n"), output
    text = page.read_text(encoding="utf-8")
    assert "<script" in text
    # Offline: no script or stylesheet is loaded from elsewhere.
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', text)


def test_an_unknown_quantity_is_a_clear_error(database_file: Path, tmp_path: Path) -> None:
    code, output = timeline(database_file, "nope", "-o", str(tmp_path / "x.svg"))
    assert code == 1
    assert output == (
        f"Error: no claim of coree-du-nord-russie/nope in sqlite:///{database_file} "
        "(see: monitor claims list --topic TOPIC)\n"
    )
    assert not (tmp_path / "x.svg").exists()
