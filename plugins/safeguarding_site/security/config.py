"""Options for the Content Security Policy and the host's headers."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from .headers import HOST_FILES


class SecurityConfig(Config):
    """A Content Security Policy on every page, and header files for the web server."""

    csp = opt.Type(bool, default=True)
    """Put a Content Security Policy in every page's <head>: everything from the site itself,
    only the theme's own inline scripts (by hash), no style attributes. Default: true."""
    host_files = opt.ListOfItems(opt.Choice(tuple(HOST_FILES)), default=list(HOST_FILES))
    """Header files to write into the site, for the hosts that read them: 'netlify' (_headers,
    also Cloudflare Pages), 'apache' (.htaccess), 'nginx' (nginx-headers.conf). They carry the
    same policy plus frame-ancestors 'none', which only a header can send. Default: all three."""
    cache_pages = opt.Type(str, default="no-store")
    """Cache-Control for pages, the search index, audio and data: 'no-store' keeps no copy of
    what was read on the reader's disk. Default: 'no-store'."""
    cache_assets = opt.Type(str, default="public, max-age=604800")
    """Cache-Control for stylesheets, scripts and icons under assets/, the same on every page
    and saying nothing about what was read. Default: 'public, max-age=604800' (a week)."""
