"""Settings that would make a reader's browser contact another website, or record what they did.

The plugin promises that a page loads nothing from anywhere else, stores nothing and puts
nothing a reader did into an address. Some theme settings break that promise quietly, so the
plugin turns each one off and says which setting it was and why: the promise holds whatever
``mkdocs.yml`` says, and the site's owner learns what to remove.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

REFUSED_FEATURES = {
    "navigation.instant": "it fetches pages in the background and rewrites the history, so "
    "the quick exit cannot clear it",
    "navigation.instant.prefetch": "it fetches pages a reader only pointed at",
    "navigation.instant.progress": "it belongs to navigation.instant",
    "navigation.instant.preview": "it fetches pages a reader only pointed at",
    "navigation.tracking": "it writes the section being read into the address",
    "search.highlight": "it puts the words a reader searched for into page addresses",
    "search.share": "it puts the words a reader searched for into an address to share",
}
"""Material features that leave what a reader did in history or addresses, and why."""

REFUSED_EXTRA = {
    "analytics": "it sends every visit to an analytics service",
    "consent": "it asks for consent to cookies and tracking, which this site never uses",
}
"""Material ``extra`` settings refused, and why."""

FONTS_WHY = (
    "it loads web fonts from Google's servers, which would tell Google that someone opened "
    "this site. The pages use the reader's own fonts instead; set 'font: false' under "
    "'theme' to say so"
)


@dataclass(frozen=True)
class Refusal:
    """One setting turned off: where it was, and what it would have done."""

    setting: str
    why: str
    item: str = ""
    """What in the setting is refused: a feature's name, a file's address, an extra's key."""

    def message(self) -> str:
        """The warning the build gives."""
        return f"Plugin 'safeguarding' turned off '{self.setting}': {self.why}."


def is_other_host(url: str) -> bool:
    """Whether a stylesheet, script or image address points at another website."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "file")


def refused_features(features: Iterable[str]) -> list[Refusal]:
    """The theme features in ``features`` that the plugin turns off."""
    return [
        Refusal(f"theme.features: {name}", REFUSED_FEATURES[name], name)
        for name in features
        if name in REFUSED_FEATURES
    ]


def refused_extra(extra: dict) -> list[Refusal]:
    """The ``extra`` settings that the plugin turns off."""
    return [
        Refusal(f"extra.{key}", why, key) for key, why in REFUSED_EXTRA.items() if extra.get(key)
    ]


def refused_files(setting: str, paths: Iterable[str]) -> list[Refusal]:
    """Each stylesheet or script of ``setting`` that would load from another website."""
    return [
        Refusal(
            f"{setting}: {path}",
            "it would load from another website, which then learns who reads this site; "
            "save the file in docs/ and list its path instead",
            path,
        )
        for path in paths
        if is_other_host(path)
    ]


def refused_repo(repo_url: str | None) -> list[Refusal]:
    """A repository link the theme would ask GitHub or GitLab about from the reader's browser."""
    if not repo_url:
        return []
    host = (urlsplit(repo_url).hostname or "").lower()
    if host.endswith(("github.com", "gitlab.com")):
        return [
            Refusal(
                "repo_url",
                f"the theme asks {host} for the repository's stars and version from every "
                "reader's browser",
            )
        ]
    return []
