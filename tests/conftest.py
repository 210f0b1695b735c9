"""Shared fixtures: real MkDocs builds into tmp_path, and a real Chromium for browser tests."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from tests.servers import LocalServer, start_destination, start_site

ROOT = Path(__file__).resolve().parent.parent
BuildSite = Callable[..., Path]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def run_build(config: MkDocsConfig) -> None:
    """Run a build the way `mkdocs build` does: startup, build, shutdown."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def write_site(root: Path, files: dict[str, str | bytes], config: dict) -> Path:
    """Write docs files and a mkdocs.yml under ``root``; return the config file path."""
    for name, content in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    settings = {"site_name": "Test site", "theme": {"name": "material"}, **config}
    settings["plugins"] = [_quiet(p) for p in settings.get("plugins", ["safeguarding"])]
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config_file


def _quiet(plugin: str | dict) -> str | dict:
    """Small test sites get no audio unless a test asks for it: speech is slow to make."""
    if plugin == "safeguarding":
        plugin = {"safeguarding": {}}
    if isinstance(plugin, dict) and "safeguarding" in plugin:
        options = dict(plugin["safeguarding"] or {})
        options.setdefault("audio", {"enabled": False})
        return {"safeguarding": options}
    return plugin


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """Build a small site from ``files`` with extra mkdocs.yml ``config``; return site/."""

    def _build(files: dict[str, str | bytes], **config: object) -> Path:
        config_file = write_site(tmp_path, files, config)
        cfg = load_config(str(config_file))
        run_build(cfg)
        return Path(cfg.site_dir)

    return _build


# ---- The example site, served on 127.0.0.1 ---------------------------------------------


@pytest.fixture(scope="session")
def destination() -> Iterator[LocalServer]:
    """A stand-in for the neutral exit page, recording the requests it receives."""
    server = start_destination()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def example_site_dir(tmp_path_factory: pytest.TempPathFactory, destination: LocalServer) -> Path:
    """The example site from this repository, built with exits leading to ``destination``."""
    site_dir = tmp_path_factory.mktemp("example") / "site"
    cfg = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    cfg.plugins["safeguarding"].config.quick_exit.destination = destination.url("/weather")
    run_build(cfg)
    return site_dir


@pytest.fixture(scope="session")
def example_site(example_site_dir: Path) -> Iterator[LocalServer]:
    """The built example site served over HTTP on 127.0.0.1."""
    server = start_site(example_site_dir)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site_with_headers(example_site_dir: Path) -> Iterator[LocalServer]:
    """The example site served with the headers the build wrote into its _headers file."""
    server = start_site(example_site_dir, headers_file=example_site_dir / "_headers")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def example_pages(example_site_dir: Path) -> list[str]:
    """URL paths of every HTML page of the example site, 404 included."""
    pages = []
    for path in sorted(example_site_dir.rglob("*.html")):
        rel = path.relative_to(example_site_dir).as_posix()
        pages.append("/" + rel.removesuffix("index.html"))
    return pages


# ---- Chromium --------------------------------------------------------------------------


def chromium_path() -> str:
    """Debian's Chromium, or the binary named by SG_CHROMIUM."""
    return os.environ.get("SG_CHROMIUM", "/usr/bin/chromium")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def playwright():
    """Playwright itself; fails (never skips) when Chromium is missing."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not os.access(path, os.X_OK):
        pytest.fail(
            f"Chromium is not installed at {path}. Run 'make test' (it installs Debian's "
            "chromium when run as root) or 'apt-get install -y chromium'."
        )
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright):
    """One headless Chromium for the whole run."""
    chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def bfcache_browser(playwright):
    """Chromium with the back/forward cache on, as readers have it (Playwright turns it off)."""
    chromium = playwright.chromium.launch(
        executable_path=chromium_path(),
        args=CHROMIUM_ARGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield chromium
    chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: no cookies, storage or history carried over."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A new tab in a fresh profile."""
    return context.new_page()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that use the browser so `-m "not browser"` gives a quick run."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


BEST_PRACTICE: list[str] = []


@pytest.fixture(scope="session")
def best_practice() -> list[str]:
    """axe-core best-practice findings, printed at the end of the run (reported, not enforced)."""
    return BEST_PRACTICE


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the axe best-practice report."""
    if BEST_PRACTICE:
        terminalreporter.section("axe-core best-practice findings (reported, not enforced)")
        rules: dict[str, int] = {}
        for line in BEST_PRACTICE:
            rule = line.split(": ", 2)[1]
            rules[rule] = rules.get(rule, 0) + 1
        for rule, count in sorted(rules.items()):
            terminalreporter.write_line(f"{rule}: {count} element(s)")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test is a failure: nothing may quietly not run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") and skipped:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
