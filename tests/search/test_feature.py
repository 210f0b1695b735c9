"""Tests for safeguarding_site.search.feature: the shards written into the site, and cached."""

from __future__ import annotations

import json

import pytest

import safeguarding_site.search.feature as feature

FILES = {
    "index.md": "# Home\n\nSmoke alarms save lives.\n",
    "fire.md": "# Fire\n\n## Visits\n\nCall.\n",
}


def test_a_warm_build_links_the_cached_shards(build_site, monkeypatch):
    """The second build of the same pages builds no index: the shards come from the cache."""
    site = build_site(FILES)
    manifest = json.loads((site / "search/manifest.json").read_text(encoding="utf-8"))
    folder = site / "search" / manifest["folder"]
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert {"t0.json", "f0.json", "d0.json"} <= set(first)

    def refuse(*args: object) -> None:
        pytest.fail("the index was built again")

    monkeypatch.setattr(feature, "build_shards", refuse)
    site = build_site(FILES)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first
