"""Write a site of real English prose (mkdocs.yml + docs/) for the search benchmark.

Usage:
    python scripts/make_prose_site.py OUT_DIR --pages N

The synthetic site (make_synthetic_site.py) repeats a few hundred words; a search index of it
is unrealistically small. This one takes its text from what every Python install ships: the
help topics of ``pydoc_data.topics`` and the docstrings of about a hundred standard library
modules and of the packages MkDocs brings (about 170,000 words, 16,000 distinct). Each page
gets about ``--words`` words (default 300) in paragraphs, a second-level heading every three
paragraphs, in folders of 50 pages; the text runs on from page to page and starts again when it runs
out. The plugin is on with ``audio: {enabled: false}``. The same arguments give the same site.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import re
import shutil
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_synthetic_site as synthetic

MODULES = """argparse ast asyncio base64 bisect bz2 calendar cmd code codecs collections
colorsys concurrent.futures configparser contextlib copy csv dataclasses datetime decimal
difflib dis doctest email email.message enum filecmp fileinput fnmatch fractions ftplib
functools getopt getpass gettext glob gzip hashlib heapq hmac html html.parser http.client
http.cookies http.server imaplib inspect io ipaddress itertools json logging lzma mailbox
mimetypes multiprocessing numbers operator optparse os pathlib pickle pkgutil platform
plistlib poplib pprint pydoc queue quopri random re reprlib sched secrets selectors shelve
shlex shutil signal smtplib socket socketserver sqlite3 ssl statistics string struct
subprocess tarfile tempfile textwrap threading timeit tokenize tomllib trace traceback types
typing unittest urllib.parse urllib.request uuid warnings wave weakref webbrowser xml.dom
xml.etree.ElementTree xmlrpc.client zipfile zoneinfo babel.dates babel.numbers bs4 click
jinja2 jinja2.environment markdown markdown.extensions markupsafe mkdocs.config.base
mkdocs.plugins mkdocs.structure.files mkdocs.structure.pages playwright.sync_api
pygments.lexer pygments.formatters.html pymdownx.superfences yaml""".split()  # noqa: SIM905
MARKUP = re.compile(r"[`*_\[\]<>#|\\{}]")


def paragraphs() -> list[str]:
    """Paragraphs of the help topics, then of the modules' docstrings, in a fixed order."""
    from pydoc_data.topics import topics

    texts = [topics[name] for name in sorted(topics)]
    seen: set[str] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in MODULES:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            for member in [module, *(v for _, v in sorted(vars(module).items()))]:
                doc = inspect.getdoc(member) if callable(member) or member is module else None
                if doc and doc not in seen:
                    seen.add(doc)
                    texts.append(doc)
    found = []
    for text in texts:
        for block in re.split(r"\n\s*\n", text):
            words = MARKUP.sub(" ", block).split()
            if len(words) >= 8 and not block.lstrip().startswith(">>>"):
                found.append(" ".join(words))
    return found


def generate(out: Path, page_count: int, words_per_page: int = 300) -> int:
    """Write the site; returns the number of words written."""
    source = paragraphs()
    docs = out / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    at, written = 0, 0
    for number in range(page_count):
        first = source[at % len(source)]
        title = " ".join(first.split()[:5]).rstrip(".,:;")
        lines, count = [f"# {title}", ""], 0
        while count < words_per_page:
            paragraph = source[at % len(source)]
            at += 1
            if lines[2:] and len(lines) % 8 == 0:
                lines += [f"## {' '.join(paragraph.split()[:6]).rstrip('.,:;')}", ""]
            lines += [paragraph, ""]
            count += len(paragraph.split())
        name = "index.md" if number == 0 else f"part-{number // 50:02d}/page-{number:04d}.md"
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("\n".join(lines), encoding="utf-8")
        written += count
    data = synthetic.config([], page_count, audio={"enabled": False})
    data["site_description"] = f"Real English prose in {page_count} pages, for benchmarks."
    synthetic.write_config(out, data)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args(argv)
    words = generate(args.out_dir, args.pages, args.words)
    print(f"wrote {args.pages} pages, {words} words, to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
