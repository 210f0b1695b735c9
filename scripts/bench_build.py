"""Benchmark what the safeguarding plugin costs a MkDocs build, and what its pages weigh.

Usage:
    python scripts/bench_build.py [--pages 10,100] [--big] [--workers 1,2] [--runs 3]
        [--cold-pages 100] [--seed 1] [--keep]

Prints Markdown tables:

1. Build time and peak memory of the example site (a copy of this repository's mkdocs.yml,
   docs/ and overrides/, with a copy of its audio cache) and of synthetic sites of each N
   (scripts/make_synthetic_site.py), with the plugin enabled and audio cached, against the same
   docs with ``plugins: []``. Each build is a fresh ``python -m mkdocs build --strict`` process
   (NO_MKDOCS_2_WARNING=1, bytecode kept: see ``use_bytecode``). Warm: one build of each
   variant first (filling the audio cache and the bytecode), then the median of ``--runs``
   builds of each, alternating. A third variant is the plugin with ``cache_templates: false``:
   it compiles the theme's templates in every build, as MkDocs does without the plugin, so its
   ratio is what the plugin's features cost on their own (the plugin's template cache saves
   more than that on the example). Without the plugin, service and .easy.md files are built
   as plain pages and nav entries for generated pages are dropped (link checks are lowered to
   info), which is fine for a cost comparison.
   The plugin renders more pages than its sources (the services directory, the A to Z, the
   library's pages), so the example is also compared with a second peer, "same pages": those
   pages written out as Markdown (service and library item files left out, as the plugin
   leaves them) and built with ``plugins: []``: the plugin's own work, page for page.
   Targets from the issue: ratio <= 1.10 for the example, <= 1.15 at 1,000 pages, and time
   growing linearly with N.
2. Cold audio builds (empty cache) of the synthetic site of ``--cold-pages`` pages (and 1,000
   with --big) with ``audio: {workers: K, cache_dir: <fresh dir>}`` for each K: seconds,
   speed-up and words read per second.
3. Page weight of the built example site per page type: gzip (level 6) of the HTML plus every
   stylesheet and script it loads, web fonts (target: 75 KB and 0 fonts), and what loads later
   (lunr.js and the search manifest on the first search, the MP3 and timings on play).

Peak memory is GNU time's maximum resident set size (the largest single process of the build)
when /usr/bin/time exists, else the highest VmHWM polled from /proc; "tree" is the sum of VmRSS
over the build's processes, sampled every 0.1 s (audio workers are separate processes).
Ratios compare runs of this one invocation only. --big adds N = 1,000 (slow: tens of minutes).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_synthetic_site as synthetic

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TIME = Path("/usr/bin/time")
BUILD_TIMEOUT = 3600  # seconds; a cold 1,000-page audio build with one worker is long
SAMPLE_EVERY = 0.1
AUDIO_LINE = re.compile(r"Audio: (\d+) sentences? made, (\d+) reused from the cache")
KB = 1024


# Running one build ---------------------------------------------------------------------------


@dataclass
class Build:
    """One finished build."""

    seconds: float
    peak_kb: int  # largest single process
    tree_kb: int  # sampled sum over the process tree
    ok: bool
    log: str

    @property
    def synthesised(self) -> tuple[int, int] | None:
        """(sentences synthesised, sentences from the cache) from the plugin's log line."""
        found = AUDIO_LINE.findall(self.log)
        return (int(found[-1][0]), int(found[-1][1])) if found else None


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(p) for p in handle.read().split()]
    except OSError:
        pass
    return found


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _tree(pid: int) -> Iterator[int]:
    """The process and its descendants (bounded: /proc lists each process once)."""
    todo, seen = [pid], set()
    while todo and len(seen) < 10_000:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        todo += _children(current)


class Sampler(threading.Thread):
    """Poll a process tree for its summed VmRSS and the highest VmHWM of any member."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.tree_kb = 0
        self.hwm_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_EVERY):
            pids = list(_tree(self.pid))
            self.tree_kb = max(self.tree_kb, sum(_status_kb(p, "VmRSS") for p in pids))
            self.hwm_kb = max([self.hwm_kb, *(_status_kb(p, "VmHWM") for p in pids)])


def use_bytecode(folder: Path) -> None:
    """Let the builds keep compiled modules, as Python does unless told not to.

    Some machines set PYTHONDONTWRITEBYTECODE=1. Pip compiles the packages it installs, but an
    editable install (this repository's plugin) would then be compiled from source in every
    build, a cost no installed site pays. The builds of both variants write and read their
    bytecode under ``folder``, so the repository stays clean; the warm-up builds fill it.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)


def run_build(config: Path, site_dir: Path, timeout: float = BUILD_TIMEOUT) -> Build:
    """``python -m mkdocs build --strict`` in a fresh process, timed and measured."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    command += ["--site-dir", str(site_dir)]
    with tempfile.TemporaryDirectory(prefix="sg-bench-run-") as folder:
        rss_file = Path(folder) / "rss"
        log_file = Path(folder) / "log"
        if TIME.exists():
            command = [str(TIME), "-o", str(rss_file), "-f", "%M", *command]
        with log_file.open("w") as log:
            started = time.perf_counter()
            process = subprocess.Popen(
                command, cwd=config.parent, env=env, stdout=log, stderr=subprocess.STDOUT
            )
            sampler = Sampler(process.pid)
            sampler.start()
            try:
                code = process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                code = process.wait()
            seconds = time.perf_counter() - started
            sampler.done.set()
            sampler.join()
        text = log_file.read_text(errors="replace")
        peak = sampler.hwm_kb
        if rss_file.exists():
            numbers = re.findall(r"^(\d+)\s*$", rss_file.read_text(), re.M)
            peak = int(numbers[-1]) if numbers else peak
    return Build(seconds, peak, sampler.tree_kb, code == 0, text)


def failure(build: Build) -> str:
    """The end of a failed build's log, for the report."""
    lines = [line for line in build.log.splitlines() if line.strip()]
    return "\n".join("    " + line for line in lines[-12:])


# Preparing sites -----------------------------------------------------------------------------


def _plugin_options(data: dict[str, Any]) -> dict[str, Any]:
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and "safeguarding" in entry:
            return entry["safeguarding"] or {}
    return {}


def _with_options(data: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """A copy of the configuration with the safeguarding plugin's options replaced."""
    data = dict(data)
    plugins = list(data.get("plugins") or [])
    for index, entry in enumerate(plugins):
        if entry == "safeguarding" or (isinstance(entry, dict) and "safeguarding" in entry):
            plugins[index] = {"safeguarding": options}
    data["plugins"] = plugins
    return data


def _filter_nav(nav: Any, docs: Path) -> Any:
    """Nav entries whose files exist in ``docs`` (generated pages go without the plugin)."""
    if isinstance(nav, list):
        kept = [_filter_nav(item, docs) for item in nav]
        return [item for item in kept if item not in (None, [], {})]
    if isinstance(nav, dict):
        kept = {key: _filter_nav(value, docs) for key, value in nav.items()}
        return {key: value for key, value in kept.items() if value not in (None, [], {})}
    if isinstance(nav, str):
        return nav if "://" in nav or (docs / nav).exists() else None
    return nav


def without_plugin(data: dict[str, Any], docs: Path) -> dict[str, Any]:
    """The same site with ``plugins: []``, a nav of existing files and link checks at info."""
    data = dict(data)
    data["plugins"] = []
    if "nav" in data:
        data["nav"] = _filter_nav(data["nav"], docs)
    data["validation"] = {
        "nav": {"omitted_files": "info", "not_found": "info", "absolute_links": "info"},
        "links": {
            "not_found": "info",
            "anchors": "info",
            "absolute_links": "info",
            "unrecognized_links": "info",
        },
    }
    return data


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    """Write a MkDocs configuration."""
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def prepare_example(work: Path, audio: bool = True) -> tuple[Path, Path, int]:
    """Copy the example site and its audio cache; (plugin config, no-plugin config, pages)."""
    site = work / "example"
    # MkDocs' own loader: the example's mkdocs.yml uses !ENV (the audio engine).
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as stream:
        data = yaml_load(stream)
    docs_name = data.get("docs_dir", "docs")
    shutil.copytree(ROOT / docs_name, site / docs_name)
    custom = (data.get("theme") or {}).get("custom_dir")
    if custom:
        shutil.copytree(ROOT / custom, site / custom)
    options = _plugin_options(data)
    audio_options = options.get("audio") or {}
    if not audio:
        data = _with_options(data, {**options, "audio": {**audio_options, "enabled": False}})
    cache_name = audio_options.get("cache_dir", ".cache/plugin/safeguarding/audio")
    if audio and (ROOT / cache_name).is_dir() and not Path(cache_name).is_absolute():
        shutil.copytree(ROOT / cache_name, site / cache_name)
    plugin = write_yaml(site / "mkdocs.yml", data)
    off = write_yaml(site / "mkdocs.bench-off.yml", without_plugin(data, site / docs_name))
    pages = [p for p in (site / docs_name).rglob("*.md") if not p.name.endswith(".easy.md")]
    services = options.get("signposting", {}).get("services_dir", "services")
    count = sum(1 for p in pages if (site / docs_name / services) not in p.parents)
    return plugin, off, count


# Run in a child process: a plugin build whose pages are written out as plain Markdown files.
_CAPTURE = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

class Capture(BasePlugin):
    def on_files(self, files, config):
        pages = {}
        for file in files.documentation_pages():
            pages[file.src_uri] = file.content_string
        Path(sys.argv[2]).write_text(json.dumps(pages), encoding="utf-8")
        return files

config = load_config(sys.argv[1], site_dir=sys.argv[3])
config.plugins["bench-capture"] = Capture()
build(config)
"""


def same_pages(plugin: Path, work: Path) -> tuple[Path, int]:
    """A ``plugins: []`` configuration whose docs are the pages the plugin renders: the
    generated ones (directory, A to Z, library pages) written out, service and library item
    files left out as the plugin leaves them. A peer that renders as many pages as the plugin
    does, for what the plugin's own work costs."""
    captured = work / "same-pages.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [PYTHON, "-c", _CAPTURE, str(plugin), str(captured), str(work / "site-capture")],
        cwd=plugin.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"capturing the plugin's pages failed:\n{done.stderr[-2000:]}")
    pages = json.loads(captured.read_text(encoding="utf-8"))
    with plugin.open(encoding="utf-8") as stream:
        data = yaml_load(stream)
    docs = plugin.parent / "docs-same-pages"
    shutil.rmtree(docs, ignore_errors=True)
    source = plugin.parent / data.get("docs_dir", "docs")
    shutil.copytree(source, docs, ignore=shutil.ignore_patterns("*.md"))  # images, documents
    for src, text in pages.items():
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    data["docs_dir"] = docs.name
    off = write_yaml(plugin.with_name("mkdocs.bench-same.yml"), without_plugin(data, docs))
    return off, len(pages)


def prepare_synthetic(work: Path, pages: int, seed: int, audio: bool = True) -> tuple[Path, Path]:
    """A synthetic site of ``pages`` pages; (plugin config, no-plugin config)."""
    site = work / f"synthetic-{pages}"
    synthetic.generate(site, pages, seed, plugin=True, audio=None if audio else {"enabled": False})
    off = synthetic.write_config(site, synthetic.config([], pages, plugin=False), "mkdocs.off.yml")
    return site / "mkdocs.yml", off


def without_template_cache(plugin_config: Path) -> Path:
    """The plugin configuration with ``cache_templates: false`` beside it."""
    data = yaml.safe_load(plugin_config.read_text(encoding="utf-8"))
    data = _with_options(data, {**_plugin_options(data), "cache_templates": False})
    return write_yaml(plugin_config.with_name("mkdocs.bench-compile.yml"), data)


def cold_config(plugin_config: Path, workers: int, cache: Path) -> Path:
    """The plugin configuration with ``audio: {workers: K, cache_dir: <cache>}``."""
    data = yaml.safe_load(plugin_config.read_text(encoding="utf-8"))
    options = dict(_plugin_options(data))
    audio = {**(options.get("audio") or {}), "workers": workers, "cache_dir": str(cache)}
    data = _with_options(data, {**options, "audio": audio})
    return write_yaml(plugin_config.with_name(f"mkdocs.cold-{workers}.yml"), data)


def default_cache(plugin_config: Path) -> Path:
    """Where the site's audio cache lives (beside mkdocs.yml unless configured)."""
    data = yaml.safe_load(plugin_config.read_text(encoding="utf-8"))
    audio = _plugin_options(data).get("audio") or {}
    return plugin_config.parent / audio.get("cache_dir", ".cache/plugin/safeguarding/audio")


# Measurements --------------------------------------------------------------------------------


@dataclass
class Comparison:
    """Warm builds with the plugin, with it but no template cache, and without it."""

    name: str
    pages: int
    plugin: list[Build]
    off: list[Build]
    compile: list[Build]
    error: str = ""

    def median(self, which: str, attribute: str) -> float:
        builds = {"plugin": self.plugin, "off": self.off, "compile": self.compile}[which]
        return statistics.median(getattr(b, attribute) for b in builds)


def compare(name: str, pages: int, plugin: Path, off: Path, work: Path, runs: int) -> Comparison:
    """Warm up each variant once, then ``runs`` alternating builds of each."""
    result = Comparison(name, pages, [], [], [])
    compile_every_time = without_template_cache(plugin)
    plugin_site, off_site = work / f"site-{name}-plugin", work / f"site-{name}-off"
    compile_site = work / f"site-{name}-compile"
    variants = (
        (plugin, plugin_site, result.plugin),
        (off, off_site, result.off),
        (compile_every_time, compile_site, result.compile),
    )
    for config, site, _ in variants:
        build = run_build(config, site)
        if not build.ok:
            result.error = f"warm-up build of {config.name} failed:\n{failure(build)}"
            return result
    for _ in range(runs):
        for config, site, into in variants:
            build = run_build(config, site)
            if not build.ok:
                result.error = f"build of {config.name} failed:\n{failure(build)}"
                return result
            into.append(build)
    return result


@dataclass
class Cold:
    """Cold audio builds of one site, by number of workers."""

    name: str
    pages: int
    builds: dict[int, Build]
    words: int
    error: str = ""


def count_words_read(site_dir: Path) -> int:
    """Words in the blocks the player reads (elements marked ``data-sg-block``)."""
    from bs4 import BeautifulSoup

    words = 0
    for timings in site_dir.rglob("listen.json"):
        html = timings.with_name("index.html")
        if not html.exists():
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select(".headerlink"):
            link.decompose()
        blocks = soup.select("[data-sg-block]")
        words += sum(len(block.get_text(" ").split()) for block in blocks)
    return words


def cold_audio(
    name: str, pages: int, plugin: Path, work: Path, workers: list[int]
) -> tuple[Cold, Path | None]:
    """One cold build per worker count, each with a fresh cache.

    Returns the cache of the last build, to be reused by the warm builds.
    """
    result = Cold(name, pages, {}, 0)
    kept: Path | None = None
    for count in workers:
        cache = Path(tempfile.mkdtemp(prefix=f"cache-{count}-", dir=work))
        site = work / f"site-{name}-cold-{count}"
        build = run_build(cold_config(plugin, count, cache), site)
        if not build.ok:
            result.error = f"cold build with {count} workers failed:\n{failure(build)}"
            shutil.rmtree(cache, ignore_errors=True)
            break
        result.builds[count] = build
        result.words = result.words or count_words_read(site)
        shutil.rmtree(site, ignore_errors=True)
        if kept:
            shutil.rmtree(kept, ignore_errors=True)
        kept = cache
    return result, kept


# Page weight ---------------------------------------------------------------------------------


class Assets(HTMLParser):
    """Stylesheets, scripts and font references of a page, and its search/player hooks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css: list[str] = []
        self.js: list[str] = []
        self.fonts: list[str] = []
        self.search: dict[str, str] = {}
        self.audio: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").lower().split()
        href = a.get("href", "")
        if tag == "link" and "stylesheet" in rel and href:
            self.css.append(href)
        elif tag == "link" and FONT.search(href):
            self.fonts.append(href)
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
        if a.get("data-module") == "sg-search":
            lunr, manifest = a.get("data-sg-lunr", ""), a.get("data-sg-index", "")
            self.search = {"lunr": lunr, "manifest": manifest}
        if a.get("data-sg-timings"):
            self.audio.append(a["data-sg-timings"])
        if tag == "audio" and a.get("src"):
            self.audio.append(a["src"])


FONT = re.compile(r"\.(?:woff2?|ttf|otf|eot)(?:[?#][^\s\"')]*)?(?=$|[\s\"')])", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", re.I)
FONT_FACE = re.compile(r"@font-face", re.I)
BASE = "http://site.invalid/"


def gz(data: bytes) -> int:
    """Bytes after gzip at level 6."""
    return len(gzip.compress(data, compresslevel=6))


def local_file(site_dir: Path, page_url: str, ref: str) -> Path | None:
    """The file a reference on the page points to, or None for data: and other hosts."""
    if ref.startswith("data:"):
        return None
    url = urlsplit(urljoin(page_url, ref))
    if f"{url.scheme}://{url.netloc}/" != BASE:
        return None
    path = site_dir / url.path.lstrip("/")
    return path / "index.html" if path.is_dir() else path


@dataclass
class Weight:
    """One page type's weight."""

    kind: str
    path: str
    html: int
    css: int
    js: int
    files: int
    fonts: int
    external: int
    search: dict[str, int]
    on_play: int
    missing: list[str]

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def page_weight(site_dir: Path, kind: str, path: str) -> Weight | None:
    """Gzip weight of the page and what it loads with it."""
    file = site_dir / path
    if not file.exists():
        return None
    html = file.read_bytes()
    parser = Assets()
    parser.feed(html.decode("utf-8", errors="replace"))
    page_url = BASE + path
    css = js = files = external = 0
    fonts = set(parser.fonts)
    fonts |= {m.group(0) for m in FONT.finditer(html.decode("utf-8", errors="replace"))}
    missing: list[str] = []
    for refs, is_css in ((parser.css, True), (parser.js, False)):
        for ref in dict.fromkeys(refs):
            target = local_file(site_dir, page_url, ref)
            if target is None:
                external += not ref.startswith("data:")
                continue
            if not target.exists():
                missing.append(ref)
                continue
            data = target.read_bytes()
            files += 1
            if is_css:
                css += gz(data)
                text = data.decode("utf-8", errors="replace")
                fonts |= {f"{target}#face{i}" for i, _ in enumerate(FONT_FACE.finditer(text))}
                fonts |= {u for u in CSS_URL.findall(text) if FONT.search(u)}
            else:
                js += gz(data)
    search: dict[str, int] = {}
    for key, ref in parser.search.items():
        target = local_file(site_dir, page_url, ref) if ref else None
        if target is not None and target.exists():
            search[key] = gz(target.read_bytes())
    on_play = 0
    # on-demand.js brings search.js when the box gets focus and player.js when the player
    # opens: counted there, not in the page.
    for ref in parser.js:
        if ref.endswith("on-demand.js"):
            target = local_file(site_dir, page_url, ref)
            if target is not None:
                for name in ("search.js", "player.js"):
                    sibling = target.with_name(name)
                    if sibling.exists():
                        if name == "search.js":
                            search["search.js"] = gz(sibling.read_bytes())
                        elif parser.audio:
                            on_play += gz(sibling.read_bytes())
    for ref in dict.fromkeys(parser.audio):
        target = local_file(site_dir, page_url, ref)
        if target is not None and target.exists():
            data = target.read_bytes()
            on_play += len(data) if target.suffix == ".mp3" else gz(data)
    return Weight(
        kind, path, gz(html), css, js, files, len(fonts), external, search, on_play, missing
    )


PAGE_TYPES = [
    ("home", ["index.html"]),
    ("standard page", ["support/fire-safety/index.html", "privacy/index.html"]),
    ("easy read", ["support/fire-safety/easy-read/index.html", "easy-read/index.html"]),
    ("services directory", ["services/index.html"]),
    ("services category", ["services/domestic-abuse/index.html", "services/emergency/index.html"]),
    ("A to Z", ["a-z/index.html"]),
    ("404", ["404.html"]),
]


def weights(site_dir: Path) -> list[Weight | str]:
    """Each page type's weight, or a note that the page was not found."""
    found: list[Weight | str] = []
    for kind, candidates in PAGE_TYPES:
        for path in candidates:
            weight = page_weight(site_dir, kind, path)
            if weight:
                found.append(weight)
                break
        else:
            found.append(f"{kind}: none of {', '.join(candidates)} was built")
    return found


# Report --------------------------------------------------------------------------------------


def mb(kb: float) -> str:
    return f"{kb / KB:.0f}"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def print_comparisons(rows: list[Comparison], runs: int) -> None:
    print(f"\n## Warm builds: plugin (audio cached) against `plugins: []`, median of {runs}\n")
    print(
        "| site | pages | plugin s | no plugin s | time ratio | compiling s | ratio compiling "
        "| plugin MB | no plugin MB | memory ratio | compiling MB | plugin tree MB "
        "| no plugin tree MB | plugin s/page | no plugin s/page |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        if row.error:
            print(f"| {row.name} | {row.pages} | failed |" + " |" * 12)
            continue
        p_s, o_s = row.median("plugin", "seconds"), row.median("off", "seconds")
        c_s, c_m = row.median("compile", "seconds"), row.median("compile", "peak_kb")
        p_m, o_m = row.median("plugin", "peak_kb"), row.median("off", "peak_kb")
        p_t, o_t = row.median("plugin", "tree_kb"), row.median("off", "tree_kb")
        print(
            f"| {row.name} | {row.pages} | {p_s:.2f} | {o_s:.2f} | {ratio(p_s, o_s)} "
            f"| {c_s:.2f} | {ratio(c_s, o_s)} "
            f"| {mb(p_m)} | {mb(o_m)} | {ratio(p_m, o_m)} | {mb(c_m)} | {mb(p_t)} | {mb(o_t)} "
            f"| {p_s / row.pages:.4f} | {o_s / row.pages:.4f} |"
        )
    print("\nTargets: time and memory ratio <= 1.10 for the example, <= 1.15 at 1,000 pages.")
    print(
        "Compiling: the plugin with `cache_templates: false`, which compiles the theme's "
        "templates in every build as MkDocs alone does: the cost of the features themselves."
    )
    synthetic_rows = [r for r in rows if r.name.startswith("synthetic") and not r.error]
    if len(synthetic_rows) >= 2:
        print("\nGrowth between synthetic sizes (marginal seconds per extra page):\n")
        print("| from N | to N | plugin s/page | no plugin s/page |")
        print("|---:|---:|---:|---:|")
        for a, b in itertools.pairwise(synthetic_rows):
            extra = b.pages - a.pages
            plug = (b.median("plugin", "seconds") - a.median("plugin", "seconds")) / extra
            off = (b.median("off", "seconds") - a.median("off", "seconds")) / extra
            print(f"| {a.pages} | {b.pages} | {plug:.4f} | {off:.4f} |")
    for row in rows:
        if row.error:
            print(f"\n{row.name}: {row.error}")


def print_cold(rows: list[Cold], workers: list[int]) -> None:
    print("\n## Cold audio builds (empty sentence cache)\n")
    heads = " | ".join(f"{k} worker{'s' if k > 1 else ''} s" for k in workers)
    speeds = " | ".join(f"words/s ({k} w.)" for k in workers)
    print(f"| site | pages | words read | synthesised / cached | {heads} | speed-up | {speeds} |")
    print("|---|---:|---:|---:|" + "---:|" * (2 * len(workers) + 1))
    for row in rows:
        stats = next((b.synthesised for b in row.builds.values() if b.synthesised), None)
        made = f"{stats[0]} / {stats[1]}" if stats else "n/a"
        seconds = [row.builds.get(k) for k in workers]
        cells = " | ".join(f"{b.seconds:.1f}" if b else "failed" for b in seconds)
        first, last = seconds[0], seconds[-1]
        speed_up = f"{first.seconds / last.seconds:.2f}x" if first and last else "n/a"
        rates = " | ".join(f"{row.words / b.seconds:.0f}" if b else "n/a" for b in seconds)
        print(
            f"| {row.name} | {row.pages} | {row.words} | {made} | {cells} | {speed_up} | {rates} |"
        )
    print(
        "\nSpeed-up: first worker count's time over the last's. Words read: words in the blocks "
        "the player reads, over all pages with audio. Synthesised / cached: distinct sentences "
        "spoken afresh and sentences found in the cache (repeated within the site)."
    )
    for row in rows:
        if row.error:
            print(f"\n{row.name}: {row.error}")


def print_weights(found: list[Weight | str]) -> None:
    print("\n## Page weight of the example site (gzip level 6, KB)\n")
    print(
        "| page type | file | HTML | CSS | JS | total | CSS+JS files | web fonts | other hosts "
        "| on first search | on play | target 75 KB, 0 fonts |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    notes = []
    for item in found:
        if isinstance(item, str):
            notes.append(item)
            continue
        w = item
        search = sum(w.search.values())
        verdict = "met" if w.total <= 75 * KB and w.fonts == 0 else "NOT met"
        print(
            f"| {w.kind} | {w.path} | {w.html / KB:.1f} | {w.css / KB:.1f} | {w.js / KB:.1f} "
            f"| {w.total / KB:.1f} | {w.files} | {w.fonts} | {w.external} "
            f"| {search / KB:.1f} | {w.on_play / KB:.0f} | {verdict} |"
        )
        if w.missing:
            notes.append(f"{w.path}: referenced but not in the site: {', '.join(w.missing)}")
    first = next((w for w in found if isinstance(w, Weight) and w.search), None)
    if first:
        parts = ", ".join(f"{k} {v / KB:.1f} KB" for k, v in first.search.items())
        print(f"\nOn first search (loaded when the search box is focused, gzip): {parts}.")
    print(
        "On play: the page's MP3 (not compressible further, raw size), timings JSON and "
        "player.js (gzip)."
    )
    for note in notes:
        print(f"- {note}")


# Main ----------------------------------------------------------------------------------------


def int_list(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int_list, default=[10, 100], help="synthetic sizes")
    parser.add_argument("--big", action="store_true", help="add N = 1,000 (slow)")
    parser.add_argument("--workers", type=int_list, default=[1, 2], help="cold audio workers")
    parser.add_argument("--cold-pages", type=int_list, default=[100], help="cold audio sizes")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.pages + ([1000] if args.big else [])))
    cold_sizes = sorted(set(args.cold_pages + ([1000] if args.big else [])))
    runs = max(1, min(args.runs, 20))
    work = Path(tempfile.mkdtemp(prefix="sg-bench-build-"))
    use_bytecode(work / "pycache")
    started = time.perf_counter()
    print(f"# Build benchmark ({os.cpu_count()} CPUs, {PYTHON}, work folder {work})")
    print(f"peak memory: {'/usr/bin/time %M' if TIME.exists() else '/proc VmHWM polling'}")
    try:
        comparisons: list[Comparison] = []
        colds: list[Cold] = []

        def progress(message: str) -> None:
            print(
                f"[{time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True
            )

        progress("example site")
        plugin, off, count = prepare_example(work)
        comparisons.append(compare("example", count, plugin, off, work, runs))
        example_site = work / "site-example-plugin"
        found = weights(example_site) if example_site.exists() else []
        progress("example site against the same pages without the plugin")
        same, rendered = same_pages(plugin, work)
        comparisons.append(compare("example, same pages", rendered, plugin, same, work, runs))

        for size in sorted(set(sizes) | set(cold_sizes)):
            progress(f"synthetic site of {size} pages")
            plugin, off = prepare_synthetic(work, size, args.seed)
            if size in cold_sizes:
                progress(f"cold audio builds, {size} pages, workers {args.workers}")
                cold, cache = cold_audio(f"synthetic-{size}", size, plugin, work, args.workers)
                colds.append(cold)
                if cache is not None:  # the warm builds start from this full cache
                    target = default_cache(plugin)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.rmtree(target, ignore_errors=True)
                    shutil.move(str(cache), target)
            if size in sizes:
                progress(f"warm builds, {size} pages")
                comparisons.append(compare(f"synthetic-{size}", size, plugin, off, work, runs))
            shutil.rmtree(plugin.parent, ignore_errors=True)
            for variant in ("plugin", "off", "compile"):
                shutil.rmtree(work / f"site-synthetic-{size}-{variant}", ignore_errors=True)

        print_comparisons(comparisons, runs)
        if colds:
            print_cold(colds, args.workers)
        if found:
            print_weights(found)
        else:
            print("\nPage weight: the example site was not built.")
        print(f"\nTotal time: {time.perf_counter() - started:.0f} s")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    failed = any(c.error for c in comparisons) or any(c.error for c in colds)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
