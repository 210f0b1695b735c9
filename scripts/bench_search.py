"""Benchmark the plugin's prebuilt search against Material's built-in search, in Chromium.

Usage:
    python scripts/bench_search.py [--pages 1000] [--runs 3] [--seed 1]
        [--query "domestic abuse"] [--second-query "mental capacity"] [--keep]
    python scripts/bench_search.py --pagefind 300,1000 [--runs 5]

With ``--pagefind SIZES``: for each size, a site of real prose (scripts/make_prose_site.py)
built with the plugin, indexed by Pagefind (``pip install -e ".[bench]"``, for this
benchmark only) over the same part of each page (``<article>``), and served gzipped (level 6,
as a web host sends text) over keep-alive HTTP/1.1. Each run opens the home page in a fresh
context, then throttles Chromium over CDP (1.6 Mbps down, 150 ms round trip, CPU 4x slower)
and runs three queries inside the page: the plugin's box is focused (which starts loading
lunr.js and the manifest) and its form submitted; Pagefind's pagefind.js is imported, asked,
and its first ten results' details loaded and laid out as a list. Reported per query, medians:
bytes the server sent (status, headers, gzip bodies, workers' requests included), time from
focus or submit to results shown, main-thread blocking (the part over 50 ms of each long task)
and requests. The plugin's search.js (about 4 KB gzip) is loaded when the box gets focus, so
it is part of the first query's bytes and time, as Pagefind's pagefind.js is of its.

Without it, the original comparison with Material's built-in search:
Builds, each with ``python -m mkdocs build --strict`` in a fresh process:

- the example site (a copy of this repository's mkdocs.yml, docs/ and overrides/, with a copy of
  its audio cache) with the safeguarding plugin, and a synthetic site of N pages
  (scripts/make_synthetic_site.py) with the plugin and ``audio: {enabled: false}``;
- the same docs with ``plugins: [search]`` only and ``theme.features: []``: Material's own search,
  which fetches search/search_index.json on page load and builds its lunr index in a web worker.

Serves each built site with http.server on 127.0.0.1 (no compression) and opens its home page in
headless Debian Chromium (a fresh browser context per run, so nothing is cached), acting as soon
as the page has loaded:

- plugin: fill ``#sg-search-input`` (the focus starts loading lunr.js and search/manifest.json),
  press Enter, and wait until ``.sg-search__count`` says how many results; then a second query;
- Material: press '/' (or click ``label[for=__search]``) to focus ``.md-search__input``, fill
  the query and release a key (Material searches on keyup), and wait for the first
  ``.md-search-result__item``; then a second query.

Times are taken inside the page (performance.now(), from a capture-phase listener and a
MutationObserver), so Playwright's own round trips are not counted. Prints one Markdown table
per site with the medians of ``--runs`` runs and the ratio plugin / Material, and the index
sizes raw and gzip (level 6).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_build
import make_synthetic_site as synthetic

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 120_000  # longest wait for results (Material indexing 1,000 pages in the browser)
KB = 1024

# Records, inside the page, when the search box gets focus, when the query is complete
# (Enter pressed for the plugin, a key released for Material) and every change of the element
# that shows results. Runs before any script of the page.
RECORDER = """
(() => {
  const record = window.__bench = { focus: null, keys: [], log: [] };
  const now = () => performance.now();
  document.addEventListener("focusin", (event) => {
    const target = event.target;
    if (record.focus === null && target.matches && target.matches(%(input)s)) {
      record.focus = now();
    }
  }, true);
  document.addEventListener(%(key_event)s, (event) => {
    if (event.key === %(key)s && event.target.matches && event.target.matches(%(input)s)) {
      record.keys.push(now());
    }
  }, true);
  const watch = () => {
    const target = document.querySelector(%(watch)s);
    if (!target) { record.missing = true; return; }
    const read = %(read)s;
    new MutationObserver(() => record.log.push([now(), read(target)]))
      .observe(target, { childList: true, subtree: true, characterData: true });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
"""


@dataclass(frozen=True)
class Engine:
    """How to drive one kind of search in the page."""

    name: str
    input: str
    key: str  # the key that completes a query
    key_event: str
    watch: str
    read: str  # JavaScript (element) => string
    done: str  # JavaScript (string) => boolean: results are shown
    shows_results: Callable[[str], bool]  # the same test in Python


PLUGIN = Engine(
    name="safeguarding",
    input="#sg-search-input",
    key="Enter",
    key_event="keydown",
    watch=".sg-search__count",
    read="(el) => el.textContent",
    done="(text) => /result/i.test(text) && !/Searching/.test(text)",
    shows_results=lambda text: "result" in text.lower() and "Searching" not in text,
)
MATERIAL = Engine(
    name="Material",
    input=".md-search__input",
    key="End",
    key_event="keyup",
    watch=".md-search-result__list",
    read=(
        "(el) => { const items = el.querySelectorAll('.md-search-result__item');"
        " return items.length ? items.length + ' results: ' + items[0].textContent.trim()"
        ".slice(0, 40) : ''; }"
    ),
    done="(text) => text.length > 0",
    shows_results=lambda text: len(text) > 0,
)


def recorder(engine: Engine) -> str:
    """The init script for ``engine``."""
    return RECORDER % {
        "input": json.dumps(engine.input),
        "key": json.dumps(engine.key),
        "key_event": json.dumps(engine.key_event),
        "watch": json.dumps(engine.watch),
        "read": engine.read,
    }


def wait_script(engine: Engine, query_number: int) -> str:
    """JavaScript that is true once results for query ``query_number`` (0-based) show."""
    return (
        "() => { const r = window.__bench; const done = " + engine.done + ";"
        f" if (r.keys.length <= {query_number}) return false;"
        f" const after = r.keys[{query_number}];"
        " return r.log.some(([t, v]) => t >= after && done(v)); }"
    )


@dataclass
class Run:
    """Times of one run, in milliseconds from navigation start unless said."""

    load_to_results: float
    focus_to_results: float
    query_to_results: float
    second_query: float
    shown: str
    how: str = ""
    index_loaded: float | None = None  # plugin: manifest.json response end, from focus


@dataclass
class Site:
    """One built site to measure."""

    name: str
    pages: int
    folders: dict[str, Path] = field(default_factory=dict)  # engine name -> built site
    runs: dict[str, list[Run]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


# Serving ---------------------------------------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path, handler_class: type = QuietHandler) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port (gzipped with ``GzipHandler``); yields the
    base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# Measuring -------------------------------------------------------------------------------------


def first_after(record: dict[str, Any], engine: Engine, query_number: int) -> tuple[float, str]:
    """Time and text of the first results shown after query ``query_number`` was completed."""
    after = record["keys"][query_number]
    for moment, text in record["log"]:
        if moment >= after and engine.shows_results(text):
            return moment, text
    raise RuntimeError(f"no {engine.name} results were recorded for query {query_number + 1}")


def focus_material(page: Any) -> str:
    """Focus Material's search box as a reader does; returns how it was done."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    focused = "document.activeElement && document.activeElement.matches('.md-search__input')"
    page.keyboard.press("/")
    try:
        page.wait_for_function(f"() => {focused}", timeout=2000)
        return "pressed /"
    except PlaywrightTimeout:
        pass
    label = page.locator("label[for=__search]").first
    if label.is_visible():
        label.click()
        page.wait_for_function(f"() => {focused}", timeout=5000)
        return "clicked label[for=__search]"
    page.focus(".md-search__input")
    return "focused .md-search__input"


def one_run(browser: Any, url: str, engine: Engine, queries: tuple[str, str]) -> Run:
    """Open the home page in a fresh context and run two queries."""
    # The recorder and waits run in the page; the plugin's Content Security Policy would
    # refuse them (eval), and the policy costs nothing measurable to either engine.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    try:
        page = context.new_page()
        page.add_init_script(recorder(engine))
        page.goto(url, wait_until="load")
        how = ""
        if engine is MATERIAL:
            how = focus_material(page)
        for number, query in enumerate(queries):
            page.fill(engine.input, query)
            page.press(engine.input, engine.key)
            page.wait_for_function(wait_script(engine, number), timeout=WAIT_MS)
        record = page.evaluate("window.__bench")
        first, shown = first_after(record, engine, 0)
        second, _ = first_after(record, engine, 1)
        index_end = page.evaluate(
            "() => { const e = performance.getEntriesByType('resource')"
            ".find((x) => x.name.endsWith('search/manifest.json'));"
            " return e ? e.responseEnd : null; }"
        )
        focus = record["focus"]
        if focus is None:
            raise RuntimeError(f"the {engine.name} search box never had focus")
        return Run(
            load_to_results=first,
            focus_to_results=first - focus,
            query_to_results=first - record["keys"][0],
            second_query=second - record["keys"][1],
            shown=shown,
            how=how,
            index_loaded=(index_end - focus) if index_end is not None else None,
        )
    finally:
        context.close()


def measure(site: Site, runs: int, queries: tuple[str, str]) -> None:
    """``runs`` runs of each engine, alternating, in one headless Chromium."""
    from playwright.sync_api import sync_playwright

    engines = [e for e in (PLUGIN, MATERIAL) if e.name in site.folders]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            with (
                serve(site.folders[PLUGIN.name]) as plugin_url,
                serve(site.folders[MATERIAL.name]) as material_url,
            ):
                urls = {PLUGIN.name: plugin_url, MATERIAL.name: material_url}
                for engine in engines:  # one untimed run each: Chromium's own start-up
                    try:
                        one_run(browser, urls[engine.name], engine, queries)
                    except Exception as error:
                        site.errors.append(f"{engine.name} warm-up run failed: {error}")
                for _ in range(runs):
                    for engine in engines:
                        try:
                            run = one_run(browser, urls[engine.name], engine, queries)
                        except Exception as error:
                            site.errors.append(f"{engine.name} run failed: {error}")
                            continue
                        site.runs.setdefault(engine.name, []).append(run)
        finally:
            browser.close()


# Building --------------------------------------------------------------------------------------


def material_config(plugin_config: Path, data: dict[str, Any], docs: Path) -> Path:
    """The same docs with ``plugins: [search]`` and ``theme.features: []``."""
    data = bench_build.without_plugin(data, docs)
    data["plugins"] = ["search"]
    data["theme"] = {**(data.get("theme") or {}), "features": []}
    return bench_build.write_yaml(plugin_config.with_name("mkdocs.material.yml"), data)


def build_site(site: Site, plugin: Path, material: Path, work: Path) -> None:
    """Build both variants; failures are recorded on ``site``."""
    for engine, config in ((PLUGIN, plugin), (MATERIAL, material)):
        folder = work / f"built-{site.name}-{engine.name}"
        build = bench_build.run_build(config, folder)
        if build.ok:
            site.folders[engine.name] = folder
        else:
            site.errors.append(
                f"{engine.name} build failed ({config}):\n{bench_build.failure(build)}"
            )


# Report ----------------------------------------------------------------------------------------


def sizes(folder: Path, engine: Engine) -> tuple[int, int, int]:
    """(index bytes, index gzip bytes, search scripts gzip bytes); the plugin's index is every
    file under search/, of which a query fetches a few."""
    if engine is PLUGIN:
        parts = sorted(p for p in (folder / "search").rglob("*.json") if p.is_file())
        scripts = [folder / "assets/safeguarding/lunr.js", folder / "assets/safeguarding/search.js"]
    else:
        parts = [folder / "search" / "search_index.json"]
        scripts = sorted((folder / "assets/javascripts/workers").glob("search.*.js"))
    data = [p.read_bytes() for p in parts if p.exists()]
    scripts_gz = sum(bench_build.gz(s.read_bytes()) for s in scripts if s.exists())
    return sum(map(len, data)), sum(bench_build.gz(d) for d in data), scripts_gz


def median(runs: list[Run], attribute: str) -> float | None:
    values = [getattr(r, attribute) for r in runs if getattr(r, attribute) is not None]
    return statistics.median(values) if values else None


def report(site: Site, queries: tuple[str, str]) -> None:
    """Print the table for one site."""
    plugin_runs = site.runs.get(PLUGIN.name, [])
    material_runs = site.runs.get(MATERIAL.name, [])
    count = max(len(plugin_runs), len(material_runs))
    print(f"\n## {site.name} ({site.pages} pages), median of {count} runs\n")
    print("| measure | safeguarding | Material | ratio safeguarding / Material |")
    print("|---|---:|---:|---:|")

    def row(label: str, a: float | None, b: float | None, unit: str) -> None:
        cell_a = f"{a:.0f} {unit}" if a is not None else "n/a"
        cell_b = f"{b:.0f} {unit}" if b is not None else "n/a"
        share = f"{a / b:.2f}" if a is not None and b else "n/a"
        print(f"| {label} | {cell_a} | {cell_b} | {share} |")

    measures = [
        ("page load start to first results (acting at once)", "load_to_results"),
        ("focus on search box to first results", "focus_to_results"),
        ("query complete to first results", "query_to_results"),
        ("second query, complete to results (index ready)", "second_query"),
    ]
    for label, attribute in measures:
        row(label, median(plugin_runs, attribute), median(material_runs, attribute), "ms")
    loaded = median(plugin_runs, "index_loaded")
    if loaded is not None:
        print(f"| focus to search/manifest.json received (plugin) | {loaded:.0f} ms | | |")
    found = {}
    for engine in (PLUGIN, MATERIAL):
        folder = site.folders.get(engine.name)
        found[engine.name] = sizes(folder, engine) if folder else None
    a, b = found[PLUGIN.name], found[MATERIAL.name]
    labels = ("index raw", "index gzip", "search scripts gzip (lunr, search.js / worker)")
    for position, label in enumerate(labels):
        row(
            label,
            a[position] / KB if a else None,
            b[position] / KB if b else None,
            "KB",
        )
    shown_a = plugin_runs[0].shown if plugin_runs else "n/a"
    shown_b = material_runs[0].shown if material_runs else "n/a"
    print(f"\nQueries: '{queries[0]}' then '{queries[1]}'. First results shown:")
    print(f"plugin '{shown_a}'; Material '{shown_b}'.")
    if material_runs:
        print(f"Material's search box: {material_runs[0].how}.")
    for error in site.errors:
        print(f"- {error}")


# Against Pagefind, on sites of real prose ------------------------------------------------------

THROTTLE = {"latency": 150, "download": 1.6e6 / 8, "upload": 0.75e6 / 8, "cpu": 4}
PAGEFIND_RESULTS = 10  # details loaded per query: as many as the plugin shows (max_results)
# Everyday questions about the prose, each as the first search of a fresh page: bytes only.
FIRST_QUERIES = (
    "function", "return value", "the", "how do I open a file", "regular expression syntax",
    "unicode strings and bytes", "class", "thread safety lock", "socket timeout error",
    "datetime timezone", "asyncio event loop", "list comprehension",
)  # fmt: skip
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")

# Counts, inside the page, long tasks on the main thread (Total Blocking Time: the part of
# each task over 50 ms).
LONG_TASKS = """
(() => {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: true });
})();
"""

# Pagefind driven through its own JavaScript API, as a search page of its own would be: load
# pagefind.js, search, and load the details of the first results.
PAGEFIND_QUERY = """
async ([query, number, count]) => {
  const start = performance.now();
  if (!window.__pagefind) window.__pagefind = await import("/pagefind/pagefind.js");
  const search = await window.__pagefind.search(query);
  const shown = await Promise.all(search.results.slice(0, count).map((r) => r.data()));
  let list = document.getElementById("bench-results");
  if (!list) {
    list = document.createElement("ol");
    list.id = "bench-results";
    document.querySelector("article").prepend(list);
  }
  list.textContent = "";
  for (const result of shown) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title;
    const excerpt = document.createElement("p");
    excerpt.innerHTML = result.excerpt;
    item.append(link, excerpt);
    list.append(item);
  }
  list.offsetHeight;  // laid out, as the plugin's results are when their count shows
  return [start, performance.now(), search.results.length + " results: " +
          (shown.length ? shown[0].meta.title.slice(0, 40) : "")];
}
"""

# The plugin's search box: focus it (which starts loading lunr.js and the manifest) and submit
# the query; done when the count of results shows, after the results (they come first).
PLUGIN_QUERY = """
async ([query, number]) => {
  const start = performance.now();
  const input = document.querySelector("#sg-search-input");
  const count = document.querySelector(".sg-search__count");
  const shown = new Promise((resolve) => {
    new MutationObserver((changes, observer) => {
      if (/result/.test(count.textContent) && !/Searching/.test(count.textContent)) {
        observer.disconnect();
        document.body.offsetHeight;  // laid out, as Pagefind's list is
        resolve(performance.now());
      }
    }).observe(count, { childList: true, characterData: true, subtree: true });
  });
  if (number === 0) {
    input.focus();
    // Typing and Enter are events of their own, after the focus event's task.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  input.value = query;
  input.form.requestSubmit();
  const end = await shown;
  const first = document.querySelector(".sg-search__result-title");
  return [start, end, count.textContent + (first ? ": " + first.textContent.slice(0, 40) : "")];
}
"""


class _Counted:
    """A connection's output stream that counts what goes through it."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.sent = 0

    def write(self, data: bytes) -> int:
        self.sent += len(data)
        return self.stream.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class GzipHandler(QuietHandler):
    """Static files over keep-alive HTTP/1.1, text gzipped (level 6) as a web host sends it.

    Every response's size as sent (status line, headers and body) is logged: the browser's
    own counts leave out what a worker fetches (Pagefind searches in one).
    """

    protocol_version = "HTTP/1.1"
    compressed: ClassVar[dict[str, bytes]] = {}
    sent: ClassVar[list[tuple[str, int]]] = []

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counted(self.wfile)

    def handle_one_request(self) -> None:
        self.wfile.sent = 0
        super().handle_one_request()
        if self.wfile.sent:
            self.sent.append((self.path, self.wfile.sent))

    def send_head(self) -> Any:
        path = self.translate_path(self.path.split("?", 1)[0])
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if not os.path.isfile(path) or not kind.startswith(GZIP_TYPES):
            return super().send_head()
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        if path not in self.compressed:
            with open(path, "rb") as stream:
                self.compressed[path] = gzip.compress(stream.read(), 6, mtime=0)
        body = self.compressed[path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@dataclass
class Query:
    """One query of one run: bytes as transferred, time to results, main-thread blocking."""

    bytes: int
    ms: float
    blocking: float
    requests: int
    shown: str


class Transfers:
    """Bytes the server sent (headers and gzip bodies) and requests it answered."""

    def mark(self) -> tuple[int, int]:
        sent = list(GzipHandler.sent)
        return sum(size for _, size in sent), len(sent)


def blocking(page: Any, start: float, end: float) -> float:
    """Sum of the parts over 50 ms of long tasks that began between ``start`` and ``end``."""
    tasks = page.evaluate("window.__tasks")
    return sum(max(0.0, duration - 50) for at, duration in tasks if start <= at <= end)


def throttled_page(browser: Any, url: str) -> tuple[Any, Any, Transfers]:
    """A fresh context with the page loaded, then network and CPU throttled as on a weak
    phone signal; returns (context, page, transfers)."""
    context = browser.new_context(viewport={"width": 412, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.add_init_script(LONG_TASKS)
    session = context.new_cdp_session(page)
    transfers = Transfers()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # the page's own late requests (icons) are not the search's
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": THROTTLE["latency"],
            "downloadThroughput": THROTTLE["download"],
            "uploadThroughput": THROTTLE["upload"],
        },
    )
    session.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE["cpu"]})
    return context, page, transfers


def plugin_queries(browser: Any, url: str, queries: tuple[str, ...]) -> list[Query]:
    """The search box as a reader uses it, driven inside the page like Pagefind's API."""
    return engine_queries(browser, url, queries, PLUGIN_QUERY)


def engine_queries(browser: Any, url: str, queries: tuple[str, ...], script: str) -> list[Query]:
    """Run ``script`` in the page for each query; it returns (start, end, shown)."""
    context, page, transfers = throttled_page(browser, url)
    try:
        found = []
        for number, query in enumerate(queries):
            before, requests = transfers.mark()
            start, end, shown = page.evaluate(script, [query, number, PAGEFIND_RESULTS])
            page.wait_for_timeout(300)  # requests still finishing are counted
            after, done = transfers.mark()
            blocked = blocking(page, start, end)
            found.append(Query(after - before, end - start, blocked, done - requests, shown))
        return found
    finally:
        context.close()


def pagefind_queries(browser: Any, url: str, queries: tuple[str, ...]) -> list[Query]:
    """Pagefind's API on the same page: import pagefind.js, search, show the first results."""
    return engine_queries(browser, url, queries, PAGEFIND_QUERY)


def first_query_bytes(browser: Any, url: str) -> list[tuple[str, int, int]]:
    """Bytes of each of FIRST_QUERIES as the first search of a fresh page, unthrottled:
    (query, plugin, Pagefind)."""
    found = []
    for query in FIRST_QUERIES:
        sizes = []
        for script in (PLUGIN_QUERY, PAGEFIND_QUERY):
            context = browser.new_context(bypass_csp=True)
            try:
                page = context.new_page()
                page.goto(url, wait_until="load")
                page.wait_for_timeout(300)
                before, _ = Transfers().mark()
                page.evaluate(script, [query, 0, PAGEFIND_RESULTS])
                page.wait_for_timeout(300)
                sizes.append(Transfers().mark()[0] - before)
            finally:
                context.close()
        found.append((query, sizes[0], sizes[1]))
    return found


def run_pagefind(site_dir: Path) -> str:
    """Index the built site with Pagefind, over the same part of each page the plugin reads."""
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--root-selector",
        "article", "--exclude-selectors", ".headerlink", "--quiet",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"pagefind failed:\n{done.stdout}\n{done.stderr}")
    return subprocess.run(
        [sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True,
        check=False,
    ).stdout.strip()  # fmt: skip


NAMES = {
    "bytes": "bytes fetched (gzip, with headers)",
    "ms": "time to results",
    "blocking": "main-thread blocking",
    "requests": "requests",
}


def prose_report(pages: int, runs: dict[str, list[list[Query]]], queries: tuple[str, ...]) -> None:
    """One Markdown table: medians of each measure, and the ratio plugin / Pagefind."""
    count = min(len(r) for r in runs.values()) if runs else 0
    print(f"\n## {pages} pages of prose, median of {count} runs\n")
    print("| measure | safeguarding | Pagefind | ratio |")
    print("|---|---:|---:|---:|")
    labels = ["first query", "second query", "third query, misspelt"]
    for number, label in enumerate(labels[: len(queries)]):
        for measure, unit, scale in (("bytes", "KB", 1 / KB), ("ms", "ms", 1.0),
                                     ("blocking", "ms", 1.0), ("requests", "", 1.0)):  # fmt: skip
            values = {}
            for engine, found in runs.items():
                numbers = [getattr(run[number], measure) for run in found]
                values[engine] = statistics.median(numbers) * scale if numbers else None
            a, b = values.get(PLUGIN.name), values.get("Pagefind")
            share = f"{a / b:.2f}" if a is not None and b else "n/a"
            name = NAMES[measure]
            cells = ["n/a" if v is None else f"{v:.1f} {unit}".strip() for v in (a, b)]
            print(f"| {label} ('{queries[number]}'): {name} | {cells[0]} | {cells[1]} | {share} |")
    for engine, found in runs.items():
        if found:
            print(f"\n{engine} showed: " + "; ".join(q.shown for q in found[0]))


def prose_benchmark(sizes: list[int], runs: int, queries: tuple[str, ...], work: Path) -> int:
    """Build each prose site with the plugin, index it with Pagefind, measure both."""
    import make_prose_site
    from playwright.sync_api import sync_playwright

    failed = 0
    print(
        f"\nThrottled over CDP: {THROTTLE['download'] * 8 / 1e6:.1f} Mbps down, "
        f"{THROTTLE['latency']} ms round trip, CPU {THROTTLE['cpu']}x slower; served gzipped "
        "over HTTP/1.1 on 127.0.0.1; a fresh browser context per run."
    )
    for size in sizes:
        root = work / f"prose-{size}"
        words = make_prose_site.generate(root, size)
        site_dir = work / f"built-prose-{size}"
        build = bench_build.run_build(root / "mkdocs.yml", site_dir)
        if not build.ok:
            print(f"- build failed:\n{bench_build.failure(build)}")
            failed += 1
            continue
        version = run_pagefind(site_dir)
        print(f"\n{size} pages, {words} words; built in {build.seconds:.1f} s; {version}")
        found: dict[str, list[list[Query]]] = {PLUGIN.name: [], "Pagefind": []}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            try:
                with serve(site_dir, GzipHandler) as url:
                    plugin_queries(browser, url, queries)  # untimed: Chromium's own start-up
                    pagefind_queries(browser, url, queries)
                    for _ in range(runs):
                        found[PLUGIN.name].append(plugin_queries(browser, url, queries))
                        found["Pagefind"].append(pagefind_queries(browser, url, queries))
                    first = first_query_bytes(browser, url)
            finally:
                browser.close()
        prose_report(size, found, queries)
        print(f"\nFirst searches on {size} pages, bytes (gzip, with headers), unthrottled:\n")
        print("| query | safeguarding | Pagefind | ratio |")
        print("|---|---:|---:|---:|")
        for query, mine, theirs in first:
            print(f"| {query} | {mine / KB:.1f} KB | {theirs / KB:.1f} KB | {mine / theirs:.2f} |")
        ratios = [mine / theirs for _, mine, theirs in first]
        print(f"| median ratio | | | {statistics.median(ratios):.2f} (highest {max(ratios):.2f}) |")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="synthetic site size")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--query", default="domestic abuse")
    parser.add_argument("--second-query", default="mental capacity")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--pagefind",
        metavar="SIZES",
        help="instead: sites of real prose of these sizes (such as 300,1000) against Pagefind",
    )
    args = parser.parse_args(argv)
    runs = max(1, min(args.runs, 20))
    queries = (args.query, args.second_query)
    work = Path(tempfile.mkdtemp(prefix="sg-bench-search-"))
    started = time.perf_counter()
    print(f"# Search benchmark (headless {CHROMIUM}, work folder {work})")

    def progress(message: str) -> None:
        elapsed = time.perf_counter() - started
        print(f"[{elapsed:6.0f} s] {message}", file=sys.stderr, flush=True)

    sites: list[Site] = []
    if args.pagefind:
        prose: tuple[str, ...] = ("keyword arguments", "exception handling", "genrator expresion")
        if args.query != parser.get_default("query"):
            prose = (args.query, args.second_query)
        try:
            sizes = [int(size) for size in args.pagefind.split(",")]
            return 1 if prose_benchmark(sizes, runs, prose, work) else 0
        finally:
            print(f"\nTotal time: {time.perf_counter() - started:.0f} s")
            if args.keep:
                print(f"kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    try:
        progress("building the example site")
        plugin, _, count = bench_build.prepare_example(work)
        example = Site("example", count)
        data = yaml.safe_load(plugin.read_text(encoding="utf-8"))
        material = material_config(plugin, data, plugin.parent / data.get("docs_dir", "docs"))
        build_site(example, plugin, material, work)
        sites.append(example)

        progress(f"building a synthetic site of {args.pages} pages")
        plugin, _ = bench_build.prepare_synthetic(work, args.pages, args.seed, audio=False)
        big = Site(f"synthetic-{args.pages}", args.pages)
        data = synthetic.config([], args.pages, plugin=False)
        material = material_config(plugin, data, plugin.parent / "docs")
        build_site(big, plugin, material, work)
        sites.append(big)

        for site in sites:
            if len(site.folders) == 2:
                progress(f"measuring {site.name} in Chromium")
                measure(site, runs, queries)
            report(site, queries)
        print(f"\nTotal time: {time.perf_counter() - started:.0f} s")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if any(site.errors for site in sites) else 0


if __name__ == "__main__":
    sys.exit(main())
