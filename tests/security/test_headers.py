"""Tests for safeguarding_site.security.headers: the host files written into the site."""

from __future__ import annotations

from safeguarding_site.security.headers import HostHeaders, host_files

HEADERS = HostHeaders(
    script_hashes=frozenset({"'sha256-a'"}),
    cache_pages="no-store",
    cache_assets="public, max-age=60",
)


def test_netlify_file():
    """Every response gets the security headers and no-store; assets may be kept."""
    text = host_files(HEADERS, "/", ["netlify"])["_headers"]
    lines = text.splitlines()
    assert lines[1] == "/*"
    assert (
        "  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-a'; "
        "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ) in lines
    for line in (
        "  X-Frame-Options: DENY",
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        "  Cross-Origin-Opener-Policy: same-origin",
        "  Cache-Control: no-store",
    ):
        assert line in lines
    assert any(line.startswith("  Permissions-Policy: accelerometer=(), ") for line in lines)
    assert lines[-2:] == ["/assets/*", "  Cache-Control: public, max-age=60"]


def test_sub_folder_site():
    """A site published under a path gets rules for that path."""
    files = host_files(HEADERS, "/anytown/sab", ["netlify", "apache", "nginx"])
    assert "/anytown/sab/*\n" in files["_headers"]
    assert "/anytown/sab/assets/*\n" in files["_headers"]
    assert "m#^/anytown/sab/assets/#" in files[".htaccess"]
    assert "location /anytown/sab/ {" in files["nginx-headers.conf"]
    assert "location /anytown/sab/assets/ {" in files["nginx-headers.conf"]


def test_apache_and_nginx_files():
    """Apache sets every header with mod_headers; nginx repeats them in each location, since
    a location that adds a header drops the ones it would inherit."""
    files = host_files(HEADERS, "/", ["apache", "nginx"])
    apache = files[".htaccess"]
    assert apache.count("Header always set") == 8  # six security headers, two caches
    assert 'Header always set X-Frame-Options "DENY"' in apache
    nginx = files["nginx-headers.conf"]
    assert nginx.count('add_header Cache-Control "no-store" always;') == 1
    assert nginx.count('add_header Cache-Control "public, max-age=60" always;') == 1
    assert nginx.count('add_header Referrer-Policy "no-referrer" always;') == 2
    assert "_headers" not in files


def test_without_the_policy():
    """With security.csp off, the other headers are still sent."""
    headers = HostHeaders(frozenset(), "no-store", "no-store", policy=False)
    text = host_files(headers, "/", ["netlify"])["_headers"]
    assert "Content-Security-Policy" not in text
    assert "X-Frame-Options: DENY" in text
