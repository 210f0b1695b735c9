"""Tests for safeguarding_site.security.third_party: what reaches other websites."""

from __future__ import annotations

from safeguarding_site.security.third_party import (
    is_other_host,
    refused_extra,
    refused_features,
    refused_files,
    refused_repo,
)


def test_other_hosts():
    """Absolute and protocol-relative addresses are other hosts; paths are not."""
    assert is_other_host("https://cdn.example.org/x.js")
    assert is_other_host("//fonts.example.org/x.css")
    assert is_other_host("data:text/javascript,alert(1)")
    assert not is_other_host("assets/site.js")
    assert not is_other_host("/assets/site.css")


def test_refused_features_name_the_setting_and_why():
    """Features that write what a reader did into addresses or history are named."""
    refused = refused_features(["navigation.sections", "search.highlight", "navigation.instant"])
    assert [r.message() for r in refused] == [
        "Plugin 'safeguarding' turned off 'theme.features: search.highlight': it puts the "
        "words a reader searched for into page addresses.",
        "Plugin 'safeguarding' turned off 'theme.features: navigation.instant': it fetches "
        "pages in the background and rewrites the history, so the quick exit cannot clear it.",
    ]


def test_refused_extra_files_and_repo():
    """Analytics, consent, files on other hosts and a GitHub repository are refused."""
    extra = refused_extra({"analytics": {"provider": "google"}, "consent": {}, "status": {}})
    assert [r.setting for r in extra] == ["extra.analytics"]
    files = refused_files("extra_javascript", ["js/a.js", "https://cdn.example.org/b.js"])
    assert [r.setting for r in files] == ["extra_javascript: https://cdn.example.org/b.js"]
    assert refused_repo("https://github.com/board/site")[0].why.startswith(
        "the theme asks github.com for"
    )
    assert refused_repo("https://git.anytown.gov.uk/site") == []
    assert refused_repo(None) == []
