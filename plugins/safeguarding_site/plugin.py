"""MkDocs adapter: wires MkDocs events to the features of this package.

Each feature keeps its logic in plain Python; the ``feature.py`` modules hold the little that
needs MkDocs objects. This class only decides the order of things and turns editors' mistakes
(``SafeguardingError``) into MkDocs' ``PluginError``, which MkDocs prints without a traceback.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .assets import minify_assets
from .audio.feature import Audio
from .colours.feature import check_colours
from .config import PluginConfig
from .easy_read.feature import EasyRead
from .errors import SafeguardingError
from .front_matter import FrontMatterRules, check_page_meta, review_due
from .inject import Snippets, inject
from .jsoncache import JsonCache
from .languages.feature import Languages
from .languages.model import is_english
from .languages.strings import SiteLanguage
from .library.feature import Library
from .privacy.snippets import head_start
from .publish import Staging
from .quick_exit.model import Messages, QuickExit
from .report.feature import SiteReport
from .search.documents import Document
from .search.feature import Search
from .security.feature import Security
from .signposting.feature import Signposting
from .sources import check_front_matter, decode_source
from .templates import use_compiled_templates

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"
STYLESHEET = "assets/safeguarding/safeguarding.css"
# quick-exit.js and privacy.js are not here: they load from the top of <head> (privacy/).
# search.js and player.js are not here either: on-demand.js loads them when a reader reaches
# for the search box or opens the player, so a page that is only read never downloads them.
SCRIPTS = (
    "assets/safeguarding/drawer.js",
    "assets/safeguarding/on-demand.js",
)


@contextmanager
def user_errors() -> Iterator[None]:
    """Report an editor's mistake as one message, without a traceback."""
    try:
        yield
    except SafeguardingError as error:
        raise PluginError(str(error)) from None


_UNKNOWN = re.compile(r"(?:Sub-option '([^']+)': )?Unrecognised configuration name: (\S+)$")


def suggest_option(config: PluginConfig, key: str, text: str) -> str:
    """Add "Did you mean ...?" to MkDocs' warning about an unknown option name."""
    found = _UNKNOWN.match(text)
    if not found:
        return text
    group = config.get(key) if found.group(1) else config  # a group such as quick_exit
    names = [name for name, _ in group._schema] if isinstance(group, Config) else []
    close = difflib.get_close_matches(found.group(2), names, n=1, cutoff=0.6)
    return f"{text}. Did you mean '{close[0]}'?" if close else text


def front_matter_rules(config: MkDocsConfig, today: dt.date) -> FrontMatterRules:
    """What page front matter may say on this site: its statuses, its theme's files."""
    statuses = config.extra.get("status")
    theme_dirs = list(config.theme.dirs)

    def theme_file_exists(name: str) -> bool:
        return any(os.path.isfile(os.path.join(folder, name)) for folder in theme_dirs)

    return FrontMatterRules(
        statuses=statuses if isinstance(statuses, dict) else {},
        theme_file_exists=theme_file_exists,
        today=today,
    )


class SafeguardingPlugin(BasePlugin[PluginConfig]):
    """Quick exit, no-trace browsing, signposting and easy read for every page of a site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.dirty = False
        self.staging: Staging | None = None
        self.failed = False
        self.built = False
        self.env: Environment | None = None
        self.help_file: File | None = None
        self.footer_links: list[tuple[str, File]] = []
        self.mkdocs_config: MkDocsConfig | None = None
        self.signposting: Signposting | None = None
        self.library: Library | None = None
        self.languages: Languages | None = None
        self.easy_read: EasyRead | None = None
        self.search: Search | None = None
        self.audio: Audio | None = None
        self.security: Security | None = None
        self.report: SiteReport | None = None
        self.snippets: dict[tuple[str | None, str, str], Snippets] = {}
        self.cache_dir = Path(".cache/plugin/safeguarding")
        self.front_matter = FrontMatterRules()

    def load_config(self, options: dict, config_file_path: str | None = None):
        """MkDocs' checks of the options, with the closest option named for a misspelt one."""
        errors, warnings = super().load_config(options, config_file_path)
        return errors, [(key, suggest_option(self.config, key, text)) for key, text in warnings]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    # Last, so that every other plugin has set up the theme before assets are added.
    @event_priority(-100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.mkdocs_config = config
        self.failed = self.built = False
        self.security = Security(self.config.security, preview=self.command == "serve")
        self.security.check_config(config)
        config.theme.dirs.append(str(THEME_DIR))
        if self.config.footer.enabled:
            config.extra["generator"] = False  # the board's footer, not the theme's credit
        # First, so the site's own stylesheets can restyle every component.
        config.extra_css.insert(0, STYLESHEET)
        config.extra_javascript.extend(SCRIPTS)
        self._stage(config)
        self.front_matter = front_matter_rules(
            config, self.config.signposting.today or dt.date.today()
        )
        check_colours(config)
        cache = Path(config.config_file_path or ".").parent / ".cache/plugin/safeguarding"
        self.cache_dir = cache
        # Our own environment (MkDocs renders pages with another one): the partials, looked
        # up through the theme's folders so a site can override them.
        self.env = config.theme.get_env()
        self._cache_templates(self.env)
        self.snippets = {}
        self.signposting = Signposting(
            self.config.signposting, self._render, JsonCache(cache / "signposting")
        )
        self.signposting.add_to_nav(config)
        self.library = Library(self.config.library, self._render, JsonCache(cache / "library"))
        self.library.add_to_nav(config)
        self.languages = Languages(self.config.languages, self._render)
        self.languages.theme_dir(config.theme.dirs)
        with user_errors():
            self.languages.check()
        self.easy_read = EasyRead(
            self.config.easy_read, self._render, list(config.theme.dirs), cache / "easy-read"
        )
        self.easy_read.add_to_nav(config)
        self.easy_read.add_to_markdown(config)
        self.search = Search(self.config.search, self._render, JsonCache(cache / "search"))
        if self.report is not None:
            self.report.close()  # a rebuild under `mkdocs serve`
        folder = Path(config.config_file_path or ".").parent / self.config.report.folder
        self.report = SiteReport(self.config.report.enabled, folder, self._render)
        self.search.check_conflicts(config)
        if self.audio is not None:
            self.audio.close(cancel=True)  # a rebuild under `mkdocs serve`
        self.audio = Audio(
            self.config.audio,
            self._render,
            JsonCache(cache / "reading"),
            self.languages.voices(config),
        )
        with user_errors():
            self.audio.start(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        # The site's own language, and its words for the pages the plugin writes.
        code = self.languages.default_for(config)
        site = SiteLanguage(code, self.languages.words(code))
        self.signposting.site = self.library.site = self.search.site = site
        with user_errors():
            self.help_file = self._help_file(files, config)
            self.footer_links = self._footer_links(files, config)
            self.signposting.load(files, config)
            self.library.load(files, config, self.front_matter.today)
            self.languages.load(files, config)  # before easy read places translated ones
            self.easy_read.load(files, config, self.languages.is_original)
            self.search.load(
                files,
                config,
                self.signposting.directory,
                self.signposting.category_src,
                self.library.a_to_z_entries(),
                self.languages.is_original,
            )
            for key, make in self.library.search_documents(Document):
                self.search.add_documents(key, make)
            self.audio.find_help(files, config)
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> None:
        if self.config.enabled:
            self._cache_templates(env)  # the theme's templates, compiled once, not every build

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or page.file.abs_src_path is None:
            return None  # generated pages are made by code, not typed by an editor
        src_path = page.file.src_uri
        with user_errors():
            text = decode_source(Path(page.file.abs_src_path).read_bytes(), src_path)
            check_front_matter(text, src_path)
        return text

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        with user_errors():
            check_page_meta(page.meta, page.file.src_uri, self.front_matter)
        self._warn_review(page)
        with user_errors():
            # Easy read first, while line numbers still match the editor's file.
            english = is_english(self.languages.language(page).code)
            markdown = self.easy_read.page_markdown(markdown, page, english)
            markdown = self.library.page_markdown(markdown, page)
            return self.signposting.page_markdown(markdown, page)

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        code = self.languages.language(page).code
        words = self.languages.words(code)
        html = self.signposting.page_content(html, page, words, code)
        html = self.library.page_content(html, page, words, code)
        self._report_page(page, html)  # the page's own words, before the toggle is added
        html = self.easy_read.page_content(html, page, self.languages.page_words(page))
        html = self.languages.page_content(html, page)
        self.languages.tell_theme(page)
        with user_errors():
            return self.audio.page_content(html, page, self._kind(page), code, words["image"])

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.config.enabled:
            original = self.languages.is_default(page)
            language = "" if original else self.languages.language(page).code
            self.search.collect(page, self._kind(page), language)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        code = self.languages.language(page).code
        help_url = self._help_url(page, code)
        root = get_relative_url(".", page.file.url)
        with user_errors():
            output = self.audio.post_page(
                output,
                page,
                config.site_dir,
                self.languages.words(code),
                self._translated_file(self.audio.help_file, code),
            )
        output = self.languages.post_page(output, page)
        return self._inject(output, page.file.src_uri, help_url, root, page.content or "", code)

    def _help_url(self, page: Page, code: str) -> str | None:
        """The help page in the page's language where it is translated."""
        target = self._translated_file(self.help_file, code)
        return target.url_relative_to(page.file) if target else None

    def _translated_file(self, file: File | None, code: str) -> File | None:
        """``file``'s version in the language ``code``, or ``file`` itself without one."""
        if file is None:
            return None
        src = self.languages.translated(file.src_uri, code)
        files = self.languages.files
        return (files.get_file_from_path(src) if files else None) or file

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if not self.config.enabled or template_name != "404.html":
            return None
        # The 404 page is served at any depth, so its links start from the site root.
        root = urlsplit(config.site_url or "/").path or "/"
        help_url = root.rstrip("/") + "/" + self.help_file.url if self.help_file else None
        return self._inject(output_content, template_name, help_url, root, "")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            with user_errors():
                self.search.write(config.site_dir)
            self.security.write(config.site_dir, config.site_url)
            if self.config.minify_assets:
                minify_assets(config.site_dir)
            self.audio.finish()
            self._write_report(config)
            self.built = True

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        if self.report is not None:
            self.report.close()
        if self.audio is not None:
            self.audio.close(cancel=True)

    def on_shutdown(self) -> None:
        if self.audio is not None:
            self.audio.close(cancel=True)
        if self.staging is None:
            return
        staging, self.staging = self.staging, None
        if self.mkdocs_config is not None:
            self.mkdocs_config.site_dir = str(staging.site_dir)
        if self.built and not self.failed:
            staging.publish()
            log.info(f"Published the build to {staging.site_dir}")
        else:
            staging.discard()
            log.info(f"The build failed: {staging.site_dir} was left as it was")

    def _report_page(self, page: Page, html: str) -> None:
        if self.easy_read.is_easy(page):
            easy = "is easy read"
        else:
            easy = "yes" if page.file.src_uri in self.easy_read.easy_of else "no"
        months = self.config.signposting.stale_after_months
        self.report.page(page, html, easy, months, self.front_matter.today)

    def _warn_review(self, page: Page) -> None:
        """A page whose last_reviewed is older than the services' limit: a warning."""
        months = self.config.signposting.stale_after_months
        due = review_due(page.meta, months)
        if due and due < self.front_matter.today:
            log.warning(
                f"Page '{page.file.src_uri}': last reviewed on "
                f"{page.meta['last_reviewed'].isoformat()}, more than {months} months ago. "
                "Check the page and update 'last_reviewed'."
            )

    def _write_report(self, config: MkDocsConfig) -> None:
        directory = self.signposting.directory
        services = [
            (s.src_path, s.name, s.data.last_verified)
            for s in (directory.services.values() if directory else [])
        ]
        self.report.write(
            config.site_name,
            services,
            self.config.signposting.stale_after_months,
            self.front_matter.today,
            self.audio.durations,
            self.easy_read.findings,
            self.library.report_rows(),
            self.languages.translations(),
            Path(config.docs_dir),
        )

    def _cache_templates(self, env: Environment) -> None:
        if self.config.cache_templates:
            use_compiled_templates(env, self.cache_dir / "templates")

    def _kind(self, page: Page) -> str:
        return "easy" if self.easy_read.is_easy(page) else "page"

    def _stage(self, config: MkDocsConfig) -> None:
        """Redirect a one-off build into a staging folder, published in ``on_shutdown``."""
        one_off = self.command in {"build", "gh-deploy"} and not self.dirty
        if not (self.config.safe_publish and one_off) or self.staging is not None:
            return
        self.staging = Staging.beside(config.site_dir)
        config.site_dir = str(self.staging.staging_dir)

    def _help_file(self, files: Files, config: MkDocsConfig) -> File | None:
        help_page = self.config.quick_exit.help_page
        if not (self.config.quick_exit.enabled and help_page):
            return None
        file = files.get_file_from_path(help_page)
        if file is None or not file.is_documentation_page():
            raise SafeguardingError(
                f"Plugin 'safeguarding' option 'quick_exit.help_page': received '{help_page}', "
                f"but there is no such page in '{config.docs_dir}'. Give the path of a Markdown "
                "page relative to docs_dir, such as 'staying-safe-online.md', or remove the option."
            )
        return file

    def _footer_links(self, files: Files, config: MkDocsConfig) -> list[tuple[str, File]]:
        """The footer's pages, checked; the quick exit's help page last unless listed."""
        options = self.config.footer
        if not options.enabled:
            return []
        links = []
        for number, link in enumerate(options.links):
            file = files.get_file_from_path(link.page)
            if file is None or not file.is_documentation_page():
                raise SafeguardingError(
                    f"Plugin 'safeguarding' option 'footer.links[{number}].page': received "
                    f"'{link.page}', but there is no such page in '{config.docs_dir}'. Give the "
                    "path of a Markdown page relative to docs_dir, such as 'accessibility.md'."
                )
            links.append((link.title, file))
        if self.help_file and all(file is not self.help_file for _, file in links):
            links.append((self.config.quick_exit.help_label, self.help_file))
        return links

    def _quick_exit(
        self, help_url: str | None, home: str, words: dict[str, str] | None
    ) -> QuickExit | None:
        """The exit in the options' words, or in another language's ``words``."""
        options = self.config.quick_exit
        if not options.enabled:
            return None
        messages = options.messages
        return QuickExit(
            destination=options.destination,
            label=words["exit"] if words else options.label,
            skip_label=words["exit"] if words else options.skip_label,
            shift_shortcut=options.shift_shortcut,
            new_tab=options.new_tab,
            help_label=words["staying_safe"] if words else options.help_label,
            help_url=help_url,
            messages=Messages(
                press_two_more=words["press_two_more"] if words else messages.press_two_more,
                press_one_more=words["press_one_more"] if words else messages.press_one_more,
                expired=words["expired"] if words else messages.expired,
                loading=words["loading"] if words else messages.loading,
            ),
            home=home,
            site_name=self.mkdocs_config.site_name if self.mkdocs_config else "",
        )

    def _inject(
        self,
        html: str,
        name: str,
        help_url: str | None,
        root: str,
        content: str,
        code: str | None = None,
    ) -> str:
        """Add every snippet, then the page's security policy first in <head>."""
        with user_errors():
            snippets = self._snippets(help_url, root, code or self.languages.default)
            html = inject(html, snippets, name)
        return inject(html, Snippets(), name, first=self.security.page_policy(html, content, name))

    def _snippets(self, help_url: str | None, root: str, code: str) -> Snippets:
        """What every page gets; pages at the same depth in the same language get the same,
        so it is made once."""
        key = (help_url, root, code)
        if key not in self.snippets:
            privacy = self.config.privacy
            prefix = root.rstrip("/") + "/" if root not in ("", ".") else ""
            # The site's own language says what the options say; another says its own words.
            words = None if code == self.languages.default else self.languages.words(code)
            qe = self._quick_exit(help_url, prefix or "./", words)
            self.snippets[key] = Snippets(
                head_start=head_start(
                    prefix,
                    no_referrer=privacy.no_referrer,
                    memory_storage=privacy.memory_storage,
                    quick_exit=qe is not None,
                ),
                body_start=self._render("quick-exit.html", qe=qe) if qe else "",
                footer=self._footer(prefix or "./", words),
                after_skip_link=(self._render("quick-exit-skip.html", qe=qe) if qe else "")
                + self.signposting.banner_in(words)
                + self.search.form(root, words, self.languages.words(code)),
            )
        return self.snippets[key]

    def _footer(self, prefix: str, words: dict[str, str] | None = None) -> str:
        """The footer for pages whose way to the site's root is ``prefix``."""
        options = self.config.footer
        if not options.enabled or not (self.footer_links or options.contact):
            return ""
        links = [{"title": title, "url": prefix + file.url} for title, file in self.footer_links]
        return self._render(
            "footer.html",
            label=words["site_information"] if words else options.label,
            links=links,
            contact=options.contact,
        )

    def _render(self, partial: str, **context: object) -> str:
        assert self.env is not None, "on_config creates the template environment"
        return self.env.get_template(f"safeguarding/partials/{partial}").render(**context)
