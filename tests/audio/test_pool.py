"""Tests for safeguarding_site.audio.pool: worker processes with real engines."""

from __future__ import annotations

import io
import os
import select
import signal
import subprocess
import sys
import textwrap
import time
import wave

import pytest

from safeguarding_site.audio.cache import AudioCache
from safeguarding_site.audio.pool import AudioPool, Progress, check_cache, render_pages
from safeguarding_site.audio.text import extract
from safeguarding_site.errors import SafeguardingError

PAGE = (
    "<h1>Help number {n}</h1>"
    "<p>If you are worried about an adult, tell someone. In an emergency call 999.</p>"
    "<ul><li>Write down what happened.</li><li>Keep it somewhere safe.</li></ul>"
)


def pages(count: int, start: int = 0) -> dict:
    """``count`` small pages sharing most sentences, as real sites do."""
    return {f"page-{n}.md": extract(PAGE.format(n=n)) for n in range(start, start + count)}


def test_two_workers_match_one(tmp_path, spec, info):
    """Two workers give the same timings as one, and the second build synthesises nothing."""
    site = pages(4)
    one, one_stats = render_pages(site, spec, info, tmp_path / "one", workers=1, progress=False)
    two, two_stats = render_pages(site, spec, info, tmp_path / "two", workers=2, progress=False)
    assert [len(one[name].timings) for name in site] == [5, 5, 5, 5]
    assert [len(two[name].timings) for name in site] == [5, 5, 5, 5]
    assert one_stats.synthesised == 8
    assert two_stats.synthesised == 8  # a sentence two pages in flight shared counts once
    again, again_stats = render_pages(site, spec, info, tmp_path / "two", workers=2)
    assert again_stats.synthesised == 0
    assert again_stats.cached == 20
    assert again == two


def test_pool_submits_and_collects(tmp_path, spec, info):
    """Pages are submitted as they are rendered and collected later; empty pages give None."""
    with AudioPool(spec, info, tmp_path, workers=2, progress=False) as pool:
        pool.submit("a.md", extract(PAGE.format(n=1)))
        pool.submit("empty.md", extract("<pre>code only</pre>"))
        assert pool.result("empty.md") is None
        assert pool.result("a.md").duration > 5


def test_a_cached_page_waits_as_its_key_and_is_named_if_lost(tmp_path, spec, info):
    """A page already in the cache needs no worker; if its entry goes before the page is
    written, the pool says so instead of failing."""
    site = pages(2)
    render_pages(site, spec, info, tmp_path, workers=1, progress=False)
    with AudioPool(spec, info, tmp_path, workers=1, progress=False) as pool:
        for name, blocks in site.items():
            pool.submit(name, blocks)
        assert pool._executor is None  # no worker was started
        for entry in (tmp_path / "pages").rglob("*.json"):
            if pool._ready["page-1.md"] in entry.name:
                entry.unlink()
        assert pool.result("page-0.md").duration > 5
        assert pool.result("page-1.md") is None
        assert pool.lost == ["page-1.md"]


def test_cache_only_lists_stale_pages(tmp_path, spec, info):
    """Cache-only mode fails naming every page with a sentence missing from the cache."""
    render_pages(pages(1), spec, info, tmp_path, workers=1, progress=False)
    site = pages(3)
    with pytest.raises(SafeguardingError) as error:
        render_pages(site, spec, info, tmp_path, cache_only=True)
    assert str(error.value).startswith(
        "Audio is out of date for 2 page(s): 'page-1.md', 'page-2.md'. Cache-only mode is on"
    )
    check_cache(pages(1), AudioCache(tmp_path), spec, info)


def test_cache_only_pool_collects_then_reports(tmp_path, spec, info):
    """The pool in cache-only mode keeps going so one report can name every stale page."""
    with AudioPool(spec, info, tmp_path, progress=False, cache_only=True) as pool:
        pool.submit("new.md", extract("<p>Never spoken before.</p>"))
        assert pool.result("new.md") is None
        with pytest.raises(SafeguardingError, match=r"out of date for 1 page\(s\): 'new.md'"):
            pool.check_stale()


def test_progress_line():
    """The progress line gives counts and, once something is done, the time left."""
    stream = io.StringIO()
    progress = Progress(stream)
    progress.add(40)
    progress.started -= 10
    progress.done(10)
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "Audio: 10 of 40 sentences made, about 30 s left"
    assert lines[1].startswith("Audio: 10 sentences made in 10.")


def test_one_sentence_is_counted_in_the_singular():
    """'1 sentence', not '1 sentences'."""
    stream = io.StringIO()
    progress = Progress(stream)
    progress.add(1)
    progress.done(1)
    progress.finish()
    first, last = stream.getvalue().splitlines()
    assert first.startswith("Audio: 1 of 1 sentence made")
    assert last.startswith("Audio: 1 sentence made in ")


def test_progress_silent_when_nothing_to_do():
    """A warm build prints nothing."""
    stream = io.StringIO()
    progress = Progress(stream)
    progress.done(0)
    progress.finish()
    assert stream.getvalue() == ""


INTERRUPTED_BUILD = textwrap.dedent(
    """
    import sys
    from safeguarding_site.audio.engine import EngineSpec, probe
    from safeguarding_site.audio.pool import render_pages
    from safeguarding_site.audio.text import extract

    if __name__ == "__main__":
        words = "If you are worried about an adult with care and support needs, tell someone"
        site = {
            f"{n}.md": extract("".join(f"<p>{words} {n} {m}.</p>" for m in range(40)))
            for n in range(200)
        }
        spec = EngineSpec()
        render_pages(site, spec, probe(spec), sys.argv[1], workers=2)
    """
)


def test_ctrl_c_leaves_a_clean_cache(tmp_path):
    """Ctrl-C during a cold build stops it soon and leaves only whole cache entries."""
    script = tmp_path / "build.py"
    script.write_text(INTERRUPTED_BUILD)
    cache_dir = tmp_path / "cache"
    build = subprocess.Popen(
        [sys.executable, str(script), str(cache_dir)],
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert build.stderr is not None
    ready, _, _ = select.select([build.stderr], [], [], 60)
    assert ready, "the build printed no progress within a minute"
    assert build.stderr.readline().startswith(b"Audio: ")  # the first page is done
    os.killpg(build.pid, signal.SIGINT)  # as a terminal does: the whole process group
    started = time.monotonic()
    build.communicate(timeout=30)
    assert build.returncode != 0
    assert time.monotonic() - started < 5
    entries = list((cache_dir / "sentences").rglob("*.wav"))
    assert 40 <= len(entries) < 200 * 40
    for entry in entries:
        with wave.open(str(entry)) as wav:
            assert wav.getnframes() > 0
    assert list(cache_dir.rglob("*.tmp")) == []
