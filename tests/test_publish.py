"""Tests for safeguarding_site.publish."""

from safeguarding_site.publish import Staging


def test_publish_replaces_site(tmp_path):
    """A successful build replaces the old site and leaves no staging folders."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staging = Staging.beside(site)
    staging.staging_dir.mkdir()
    (staging.staging_dir / "new.html").write_text("new")
    staging.publish()
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_first_publish_without_site(tmp_path):
    """The first build creates the site folder."""
    staging = Staging.beside(tmp_path / "site")
    staging.staging_dir.mkdir()
    staging.publish()
    assert (tmp_path / "site").is_dir()


def test_discard_keeps_site(tmp_path):
    """A failed build is thrown away; the site is untouched."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published")
    staging = Staging.beside(site)
    staging.staging_dir.mkdir()
    staging.discard()
    assert (site / "index.html").read_text() == "published"
    assert not staging.staging_dir.exists()


def test_leftover_staging_removed(tmp_path):
    """A staging folder left by a crashed build is cleared before the next build."""
    leftover = tmp_path / ".site.staging"
    leftover.mkdir()
    (leftover / "junk").write_text("x")
    Staging.beside(tmp_path / "site")
    assert not leftover.exists()
