"""MkDocs glue for easy read: pairing files, checking pages, toggles and pictures."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..errors import SafeguardingError
from ..jsoncache import JsonCache
from ..markup import front_matter_title, md_text
from ..sources import title_of_source
from .config import EasyReadConfig
from .pairing import EASY_SUFFIX, easy_dest, pair_pages
from .points import PointsExtension, split_points
from .rules import Rules

log = get_plugin_logger(__name__)

Render = Callable[..., str]
INDEX_SRC = "easy-read/pages.md"
CHECKS_VERSION = "easy-read-checks-1 textstat-0.7.8"
_H1_END = re.compile(r"</h1>", re.I)
_SVG_OPEN = re.compile(r"<svg\b", re.I)


class EasyRead:
    """State of one build: which page has which easy-read version."""

    def __init__(
        self,
        options: EasyReadConfig,
        render: Render,
        theme_dirs: list[str],
        cache_dir: Path | None = None,
    ) -> None:
        self.options = options
        # Checking is pure: remember each page's findings until its words or the rules change.
        self.cache = JsonCache(cache_dir) if cache_dir else None
        self.render = render
        self.theme_dirs = theme_dirs
        self.easy_of: dict[str, File] = {}
        self.standard_of: dict[str, File] = {}
        self._svgs: dict[str, str | None] = {}
        self.findings: dict[str, list[str]] = {}  # by easy-read page, for the report
        # Turns the points of the page converting next into picture rows.
        self.points = PointsExtension()
        self.rules = Rules(
            max_sentence_words=options.max_sentence_words,
            max_paragraph_sentences=options.max_paragraph_sentences,
            min_reading_ease=options.min_reading_ease,
            acronyms=frozenset(options.acronyms),
        )

    def add_to_markdown(self, config: MkDocsConfig) -> None:
        """Let every page's Markdown read the picture syntax (used only on easy reads)."""
        if self.options.enabled:
            config.markdown_extensions.append(self.points)

    def add_to_nav(self, config: MkDocsConfig) -> None:
        """List the easy-read index at the end of a hand-written navigation."""
        if not self.options.enabled or config.nav is None:
            return
        if any(Path(config.docs_dir).rglob(f"*{EASY_SUFFIX}")) and not _names(
            config.nav, INDEX_SRC
        ):
            config.nav = [*config.nav, {self.options.index_title: INDEX_SRC}]

    def load(
        self,
        files: Files,
        config: MkDocsConfig,
        listed: Callable[[str], bool] = lambda src: True,
    ) -> None:
        """Pair the files, give each easy read its address, and list them on one page.

        ``listed`` says whether an easy read belongs in the index (translations are reached
        from their own language's pages instead).
        """
        self.easy_of, self.standard_of = {}, {}
        self._svgs, self.findings = {}, {}
        if not self.options.enabled:
            return
        pages = {f.src_uri: f for f in files.documentation_pages()}
        pairs = pair_pages(pages)
        for pair in pairs:
            standard, easy = pages[pair.standard], pages[pair.easy]
            easy.dest_uri = easy_dest(standard.dest_uri, config.use_directory_urls)
            for cached in ("url", "abs_dest_path"):
                easy.__dict__.pop(cached, None)
            # Reached through the toggle and the easy-read index, not the main navigation.
            easy.inclusion = InclusionLevel.NOT_IN_NAV
            self.easy_of[pair.standard], self.standard_of[pair.easy] = easy, standard
        self.listed = listed
        if pairs:
            files.append(File.generated(config, INDEX_SRC, content=self._index_markdown()))

    def _index_markdown(self) -> str:
        lines = [
            front_matter_title(self.options.index_title),
            f"# {md_text(self.options.index_title)}\n",
            f"{md_text(self.options.index_intro)}\n",
        ]
        for _, easy in sorted(self.easy_of.items()):
            if not self.listed(easy.src_uri):
                continue
            link = "../" + easy.src_uri
            lines.append(f"- [{md_text(_title_of(easy))}]({link})")
        return "\n".join(lines) + "\n"

    def is_easy(self, page: Page) -> bool:
        return page.file.src_uri in self.standard_of

    def page_markdown(self, markdown: str, page: Page, english: bool = True) -> str:
        """Check an easy-read page and get its icons ready; its points convert with the page.

        Runs before any other feature rewrites the Markdown, so that the line numbers in
        warnings and errors are the lines of the editor's file. The reading-ease score is a
        measure of English: a page in another language (``english`` false) is not scored.
        """
        self.points.icons = None  # MkDocs converts this page next: not an easy read
        if not self.is_easy(page):
            return markdown
        where = page.file.src_uri
        first_line = _first_line(markdown, page)
        self._warn(markdown, first_line, where, english)
        icons = {}
        for point in split_points(markdown, first_line):
            if point.is_icon and point.source not in icons:
                icons[point.source] = self._icon_svg(point.source, point.line, where)
        self.points.icons = icons
        return markdown

    def _warn(self, markdown: str, first_line: int, where: str, english: bool) -> None:
        """Warn about each problem, with its line in the source file."""
        rules = self.rules if english else dataclasses.replace(self.rules, min_reading_ease=-1e9)
        key = [CHECKS_VERSION, markdown, first_line, rules.cache_key()]
        found = self.cache.get(key) if self.cache else None
        if found is None:
            from .checks import check_page  # only for pages whose findings are not cached

            report = check_page(markdown, rules, first_line)
            found = [[f.line, f.message] for f in report.findings]
            if self.cache:
                self.cache.put(key, found)
        self.findings[where] = [f"line {line}: {message}" for line, message in found]
        for line, message in found:
            log.warning(f"Easy read '{where}', line {line}: {message}")

    def page_content(self, html: str, page: Page, words: dict[str, str] | None = None) -> str:
        """Add the toggle to both versions; wrap the easy read for its larger type.

        The toggle says the options' words, or another language's ``words``."""
        self.points.icons = None  # converted: later Markdown (other plugins') is not this page
        src = page.file.src_uri
        if src in self.easy_of:
            label = words["to_easy"] if words else self.options.to_easy_label
            target, kind = self.easy_of[src], "easy"
        elif src in self.standard_of:
            label = words["to_standard"] if words else self.options.to_standard_label
            target, kind = self.standard_of[src], "standard"
        else:
            return html
        toggle = self.render(
            "easy-read-toggle.html", href=target.url_relative_to(page.file), label=label, to=kind
        )
        match = _H1_END.search(html)
        at = match.end() if match else 0
        html = html[:at] + toggle + html[at:]
        if kind == "standard":  # this page is the easy read
            # A translation's title is the translator's: "easy read" is added in English only.
            said = _say_easy_read(html, page) if words is None else html
            html = f'<div class="sg-easy-read">{said}</div>'
        return html

    def _icon_svg(self, name: str, line: int, where: str) -> str:
        """The icon's SVG, read once a build; a missing icon stops the build."""
        if name not in self._svgs:
            self._svgs[name] = self._find_icon(name)
        svg = self._svgs[name]
        if svg is None:
            raise SafeguardingError(
                f"Easy read '{where}', line {line}: there is no icon '{name}'. Use "
                "an icon name from the theme's icon sets, such as 'material/phone', or an image "
                "file in docs such as 'pictures/phone.png'."
            )
        return svg

    def _find_icon(self, name: str) -> str | None:
        if not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", name):
            return None
        for folder in self.theme_dirs:
            path = Path(folder) / ".icons" / f"{name}.svg"
            if path.is_file():
                svg = path.read_text(encoding="utf-8").strip()
                # Hidden from screen readers: the row names the picture with its alt text.
                return _SVG_OPEN.sub('<svg aria-hidden="true" focusable="false"', svg, count=1)
        return None


_EASY_READ = re.compile(r"easy[ -]?read", re.I)
_H1_TEXT_END = re.compile(r'(<a class="headerlink"|</h1>)', re.I)


def _say_easy_read(html: str, page: Page) -> str:
    """Title and heading say "easy read", so tabs, history and search tell the two apart."""
    title = page.title or ""
    if _EASY_READ.search(title):
        return html
    page.title = f"{title}: easy read"
    if page.meta.get("title"):  # the theme prints this one in <title>
        page.meta["title"] = page.meta["title"] + Markup(": easy read")
    h1 = re.search(r"<h1\b", html, re.I)
    end = _H1_TEXT_END.search(html, h1.end()) if h1 else None
    return html[: end.start()] + ": easy read" + html[end.start() :] if end else html


def _first_line(markdown: str, page: Page) -> int:
    """Line of the source file where ``markdown`` (the body MkDocs passes on) starts."""
    if page.file.abs_src_path is None:
        return 1
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    return max(1, text.rstrip("\n").count("\n") - markdown.rstrip("\n").count("\n") + 1)


def _title_of(file: File) -> str:
    """The page's title, read from its source (pages are not built yet)."""
    text = Path(file.abs_src_path).read_text(encoding="utf-8-sig") if file.abs_src_path else ""
    title = title_of_source(text)
    return title or Path(file.src_uri).name.removesuffix(EASY_SUFFIX).replace("-", " ").capitalize()


def _names(nav: list, src: str) -> bool:
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if value == src or (isinstance(value, list) and _names(value, src)):
            return True
    return False
