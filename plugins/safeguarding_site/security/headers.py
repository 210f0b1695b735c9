"""HTTP headers for the host that serves the site, written into the build as ready files.

A ``<meta>`` policy cannot stop another site from framing a page, and a page cannot tell the
browser what to keep on disk: only the web server can. The build writes the same headers for
three kinds of host, so a board copies nothing by hand and the policy's script hashes always
match the pages they were built with:

- ``_headers``: Netlify and Cloudflare Pages read it from the published folder;
- ``.htaccess``: Apache reads it (with ``mod_headers``) where ``AllowOverride`` permits;
- ``nginx-headers.conf``: for an nginx ``server`` block to ``include``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .csp import policy

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
)
"""Every powerful feature the site never uses, turned off for it and anything it could embed."""

HOST_FILES = {"netlify": "_headers", "apache": ".htaccess", "nginx": "nginx-headers.conf"}
"""The file each kind of host reads, in the published folder."""


@dataclass(frozen=True)
class HostHeaders:
    """The headers every response gets, and the two cache choices."""

    script_hashes: frozenset[str]
    cache_pages: str
    """Cache-Control for pages and what they load that says what was read (search index,
    audio, services data)."""
    cache_assets: str
    """Cache-Control for the theme's and plugin's stylesheets, scripts and icons."""
    policy: bool = True
    """Send the Content Security Policy (the security.csp option)."""

    def security(self) -> list[tuple[str, str]]:
        """Headers every response carries, in the order they are written."""
        csp = [("Content-Security-Policy", policy(self.script_hashes, frame_ancestors=True))]
        return [
            *(csp if self.policy else []),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"),
            ("Permissions-Policy", PERMISSIONS_POLICY),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]


def netlify(headers: HostHeaders, base: str) -> str:
    """``_headers``: later rules replace a header an earlier matching rule set."""
    lines = [
        "# Written by the safeguarding plugin on every build: edit mkdocs.yml, not this file.",
        f"{base}*",
        *(f"  {name}: {value}" for name, value in headers.security()),
        f"  Cache-Control: {headers.cache_pages}",
        f"{base}assets/*",
        f"  Cache-Control: {headers.cache_assets}",
    ]
    return "\n".join(lines) + "\n"


def apache(headers: HostHeaders, base: str) -> str:
    """``.htaccess`` for Apache with mod_headers."""
    lines = [
        "# Written by the safeguarding plugin on every build: edit mkdocs.yml, not this file.",
        "<IfModule mod_headers.c>",
        *(f'  Header always set {name} "{value}"' for name, value in headers.security()),
        f'  Header always set Cache-Control "{headers.cache_pages}"',
        f'  <If "%{{REQUEST_URI}} =~ m#^{base}assets/#">',
        f'    Header always set Cache-Control "{headers.cache_assets}"',
        "  </If>",
        "</IfModule>",
    ]
    return "\n".join(lines) + "\n"


def nginx(headers: HostHeaders, base: str) -> str:
    """Two ``location`` blocks for a ``server`` block: nginx drops inherited headers in a
    location that adds its own, so each block carries all of them."""

    def block(path: str, cache: str) -> list[str]:
        rows = [*headers.security(), ("Cache-Control", cache)]
        return [
            f"location {path} {{",
            *(f'    add_header {name} "{value}" always;' for name, value in rows),
            "}",
        ]

    lines = [
        "# Written by the safeguarding plugin on every build: edit mkdocs.yml, not this file.",
        "# Include this file inside the server { } block that serves the site, in place of a",
        f"# 'location {base}' block of your own:  include /path/to/site/nginx-headers.conf;",
        *block(base, headers.cache_pages),
        *block(f"{base}assets/", headers.cache_assets),
    ]
    return "\n".join(lines) + "\n"


WRITERS = {"netlify": netlify, "apache": apache, "nginx": nginx}


def host_files(headers: HostHeaders, base: str, kinds: Iterable[str]) -> dict[str, str]:
    """The file name and text for each kind of host asked for; ``base`` is the site's path."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    return {HOST_FILES[kind]: WRITERS[kind](headers, base) for kind in kinds}
