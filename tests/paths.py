"""Where the repository's fixtures live, for every test module."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
PAGES = Path(__file__).resolve().parent / "data" / "pages"
