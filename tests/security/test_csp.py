"""Tests for safeguarding_site.security.csp: inline scripts, hashes and the policy text."""

from __future__ import annotations

import base64
import hashlib

from safeguarding_site.security.csp import (
    has_style_attribute,
    inline_scripts,
    meta_tag,
    policy,
    script_hash,
)

PAGE = """<head><script>var a = 1;</script><script src="x.js"></script>
<script type="application/json" id="__config">{"a": 1}</script>
<script type="application/ld+json">{"@type": "Organization"}</script>
<SCRIPT type="module">import "./m.js";</SCRIPT><script type='text/javascript'>b()</script>
</head>"""


def test_inline_scripts_are_only_those_the_browser_runs():
    """Scripts with a src and data blocks (JSON, JSON-LD) are not inline code."""
    assert inline_scripts(PAGE) == ["var a = 1;", 'import "./m.js";', "b()"]


def test_hash_is_base64_sha256_of_the_exact_text():
    """The hash covers the script's text exactly as written, whitespace included."""
    expected = base64.b64encode(hashlib.sha256(b" x() ").digest()).decode()
    assert script_hash(" x() ") == f"'sha256-{expected}'"


def test_policy_text():
    """Same-site only, hashed inline scripts sorted, no style attributes, no framing in meta."""
    assert policy(["'sha256-b'", "'sha256-a'", "'sha256-a'"]) == (
        "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
    )
    assert policy([], frame_ancestors=True).endswith("; frame-ancestors 'none'")
    assert "frame-ancestors" not in meta_tag([])
    assert meta_tag([]).startswith('<meta http-equiv="Content-Security-Policy" content="')


def test_style_attributes_are_found():
    """A style attribute anywhere in markup is found; the word 'style' in text is not."""
    assert has_style_attribute('<p class="a"\n style="color: red">x</p>')
    assert not has_style_attribute("<p>Change your style=calm</p><style>p{}</style>")
