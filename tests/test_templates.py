"""Compiled templates kept between builds: the theme's and the plugin's own partials."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from safeguarding_site.templates import use_compiled_templates


def cached_env(templates: Path, cache: Path) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates)), auto_reload=False)
    use_compiled_templates(env, cache)
    return env


def test_next_environment_loads_the_compiled_code_and_sees_edits(tmp_path):
    """A new environment (a new build) compiles nothing unchanged, and any edited template."""
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "page.html").write_text("Hello {{ name }}", encoding="utf-8")
    assert cached_env(templates, cache).get_template("page.html").render(name="A") == "Hello A"
    assert len(list(cache.rglob("*.cache"))) == 1

    def compiles(env: Environment) -> list[str]:
        compiled: list[str] = []
        original = env.compile
        env.compile = lambda source, *a, **k: compiled.append(source) or original(source, *a, **k)
        return compiled

    warm = cached_env(templates, cache)
    compiled = compiles(warm)
    assert warm.get_template("page.html").render(name="B") == "Hello B"
    assert compiled == []
    (templates / "page.html").write_text("Goodbye {{ name }}", encoding="utf-8")
    edited = cached_env(templates, cache)
    compiled = compiles(edited)
    assert edited.get_template("page.html").render(name="C") == "Goodbye C"
    assert compiled == ["Goodbye {{ name }}"]


def test_settings_that_change_compiled_code_get_their_own_folder(tmp_path):
    """Syntax, extensions (MkDocs adds one for translations) and whitespace rules."""
    plain, same = Environment(), Environment()
    use_compiled_templates(plain, tmp_path)
    use_compiled_templates(same, tmp_path)
    assert plain.bytecode_cache.directory == same.bytecode_cache.directory
    others = [
        Environment(extensions=["jinja2.ext.i18n"]),
        Environment(trim_blocks=True),
        Environment(block_start_string="<%", block_end_string="%>"),
        Environment(autoescape=True),
    ]
    folders = {plain.bytecode_cache.directory}
    for other in others:
        use_compiled_templates(other, tmp_path)
        folders.add(other.bytecode_cache.directory)
    assert len(folders) == 1 + len(others)


def test_a_folder_that_cannot_be_made_is_not_used(tmp_path):
    """Like the plugin's other caches: no cache, and no error."""
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    env = Environment()
    use_compiled_templates(env, blocked)
    assert env.bytecode_cache is None


def test_builds_keep_the_theme_s_templates_compiled(build_site, tmp_path):
    """Material's templates are compiled once; an edited override shows in the next build."""
    override = tmp_path / "overrides/main.html"
    override.parent.mkdir()
    override.write_text(
        '{% extends "base.html" %}{% block announce %}First notice{% endblock %}', encoding="utf-8"
    )
    theme = {"name": "material", "custom_dir": "overrides"}
    site = build_site({"index.md": "# Home\n"}, theme=theme)
    cache = tmp_path / ".cache/plugin/safeguarding/templates"
    compiled = list(cache.rglob("*.cache"))
    assert len(compiled) > 20  # Material's page, its partials, and the plugin's partials
    assert "First notice" in (site / "index.html").read_text(encoding="utf-8")
    override.write_text(
        '{% extends "base.html" %}{% block announce %}Second notice{% endblock %}',
        encoding="utf-8",
    )
    site = build_site({"index.md": "# Home\n"}, theme=theme)
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "Second notice" in page and "First notice" not in page


def test_template_cache_can_be_turned_off(build_site, tmp_path):
    """``cache_templates: false`` compiles every template in every build, and keeps none."""
    build_site({"index.md": "# Home\n"}, plugins=[{"safeguarding": {"cache_templates": False}}])
    assert not (tmp_path / ".cache/plugin/safeguarding/templates").exists()
    assert (tmp_path / "site/index.html").is_file()


def test_damaged_cache_files_are_compiled_again(tmp_path):
    """A cut-off or garbled cache file (a full disk, a crash) costs a compile, not the build."""
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "page.html").write_text("Hello {{ name }}", encoding="utf-8")
    cached_env(templates, cache).get_template("page.html").render(name="A")
    (stored,) = cache.rglob("*.cache")
    whole = stored.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:-20] + b"\x00" * 20, b"not jinja"):
        stored.write_bytes(damaged)
        env = cached_env(templates, cache)
        assert env.get_template("page.html").render(name="B") == "Hello B"
