"""The README and the handbook stay true: every option documented, every link a real file."""

from __future__ import annotations

import re

from mkdocs.config.base import Config

from safeguarding_site.config import PluginConfig
from tests.conftest import ROOT

OPTIONS = ROOT / "handbook/options.md"


def option_paths(config: Config, prefix: str = "") -> list[str]:
    """Every option of the schema as a dotted path, groups included."""
    paths = []
    for name, _ in config._schema:
        paths.append(prefix + name)
        value = config[name]
        if isinstance(value, Config):
            paths += option_paths(value, f"{prefix}{name}.")
    return paths


def documented_paths() -> set[str]:
    """Dotted paths of the options in the handbook's YAML block, from their indentation."""
    block = OPTIONS.read_text(encoding="utf-8").split("```yaml", 1)[1].split("```", 1)[0]
    found, stack = set(), []
    for line in block.splitlines():
        match = re.match(r"( *(?:- )?)([a-z_]+):", line)
        if not match:
            continue
        depth = len(match.group(1)) // 2  # "  - safeguarding:" sits at depth 2
        stack = [*stack[:depth], *[""] * (depth - len(stack)), match.group(2)]
        found.add(".".join(stack[3:]))  # below 'plugins: - safeguarding:'
    return found


def test_every_option_is_in_the_handbook():
    """Each option of the schema, in every group, is listed with its default."""
    config = PluginConfig()
    config.load_dict({})
    config.validate()
    missing = [path for path in option_paths(config) if path not in documented_paths()]
    assert missing == []


def test_links_between_readme_and_handbook_lead_somewhere():
    """Every relative link of the README and the handbook names a file that exists."""
    broken = []
    for page in [ROOT / "README.md", *sorted((ROOT / "handbook").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if "://" in target:
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []
