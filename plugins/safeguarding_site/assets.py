"""The plugin's own stylesheets and scripts, minified in the built site."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

ASSET_DIR = "assets/safeguarding"
KEEP_HEADER = {"lunr.js"}  # copied from MkDocs: its opening comment holds its licence


def minify_assets(site_dir: str | Path) -> int:
    """Minify the plugin's CSS and JS in a built site; return the bytes saved.

    The sources in the package stay readable, with their comments; readers on slow phones
    get about 3 KB (gzipped) less on every page.
    """
    saved = 0
    for path in sorted((Path(site_dir) / ASSET_DIR).glob("*")):
        if path.suffix not in {".css", ".js"}:
            continue
        text = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(text) if path.suffix == ".css" else rjsmin.jsmin(text)
        if path.name in KEEP_HEADER and text.startswith("/*"):
            header = text[: text.index("*/") + 2]
            small = header + "\n" + rjsmin.jsmin(text[len(header) :])
        path.write_text(small, encoding="utf-8")
        saved += len(text.encode()) - len(small.encode())
    return saved
