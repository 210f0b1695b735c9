"""The sharded index scores every query exactly as lunr.js scores the whole index."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from safeguarding_site.search.config import DEFAULT_SYNONYMS
from safeguarding_site.search.documents import Document, page_documents, service_document
from safeguarding_site.search.feature import LUNR_SOURCE
from safeguarding_site.search.index import build_index, to_json
from safeguarding_site.search.shards import build_shards
from safeguarding_site.search.synonyms import groups_from_config, normalise
from tests.servers import start_site

SEARCH_JS = Path(__file__).parents[2] / "plugins/safeguarding_site/theme/assets/safeguarding"

QUERIES = [
    "keyword arguments", "exception handling", "class defintion", "for loop",
    "string formating", "dictionary", "import", "lambda", "with statement", "generator",
    "bool", "a", "the", "operator precedence", "yield", "assignment expressions", "unicode",
    "comparisons", "it's", "self", "numbers", "x", "DV", "court", "fire alarm", "money taken",
    "safegaurding", "hit by my son", "smoke alarm", "domestic abuse", "help", "abuse",
    "helpline", "witness", "neglect", "mental capacity", "fuction", "retrun", "excpetion",
    "iterator protocol", "context manager", "slicing", "integer division", "floating point",
    "global variable", "nonlocal", "decorators", "async await", "coroutine", "pass",
    "constructor", "__proto__", "tostring", "valueOf", "hasOwnProperty", "prototype",
]  # fmt: skip

# The query the site sent to lunr.js before the index was split: the reference.
REFERENCE = """
async ([queries]) => {
  const data = await (await fetch("full.json")).json();
  const index = lunr.Index.load(data.index);
  const groups = data.synonyms;
  const escape = (t) => t.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&");
  const expand = (query) => {
    const found = [];
    groups.forEach((group) => {
      if (group.some((p) => new RegExp("(^|[^\\\\w])" + escape(p) + "(?![\\\\w])").test(query))) {
        group.forEach((p) => { if (!found.includes(p)) found.push(p); });
      }
    });
    return found;
  };
  const reference = (query) => {
    const words = query + " " + expand(query).join(" ");
    const tokens = lunr.tokenizer(words).map((t) => t.toString());
    if (!tokens.length) return [];
    return index.query((q) => {
      tokens.forEach((term) => {
        q.term(term, { boost: 10 });
        if (term.length >= 3) {
          q.term(term, { boost: 2, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
        }
        if (term.length >= 5) q.term(term, { boost: 1, editDistance: 1 });
      });
    }).map((r) => [parseInt(r.ref, 36), r.score]);
  };
  const url = new URL("search/manifest.json", location.href);
  const manifest = await (await fetch(url)).json();
  const sharded = new SafeguardingSearch.ShardedIndex(url, manifest);
  const out = [];
  for (const query of queries) {
    const mine = (await sharded.score(query)).map((r) => [r.doc, r.score]);
    out.push([reference(query), mine]);
  }
  return out;
}
"""


def prose_documents() -> list[Document]:
    """Sections of real English (Python's own help topics), with services and synonyms."""
    from pydoc_data.topics import topics

    documents = []
    for number, (name, text) in enumerate(sorted(topics.items())):
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        html = f"<h1>{name}</h1>"
        for at, paragraph in enumerate(paragraphs):
            if at % 4 == 3:
                html += f"<h2 id='s{at}'>{paragraph.split('.')[0][:60]}</h2>"
            html += f"<p>{paragraph}</p>"
        documents += page_documents(html, f"p{number}/", name.replace("-", " ").title())
    services = [
        ("Domestic abuse helpline", "Free help for anyone affected by domestic abuse."),
        ("Fire safety visit", "The fire brigade fits smoke alarms at home."),
        ("Victim Support", "Help for witnesses going to court."),
    ]
    return [
        service_document(f"service:{n}", "services/", name, ("c",), "Help", f"<p>{text}</p>",
                         "Anyone", "0800 000 000", "tel:+44800000000", order=n)
        for n, (name, text) in enumerate(services)
    ] + documents  # fmt: skip


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory):
    """Both indexes of the same documents, lunr.js and search.js, on one page."""
    folder = tmp_path_factory.mktemp("shards")
    documents = prose_documents()
    groups = groups_from_config(DEFAULT_SYNONYMS)
    for name, text in build_shards(documents, groups).files.items():
        (folder / "search" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "search" / name).write_text(text, encoding="utf-8")
    (folder / "full.json").write_text(to_json(build_index(documents, groups)), encoding="utf-8")
    shutil.copyfile(LUNR_SOURCE, folder / "lunr.js")
    shutil.copyfile(SEARCH_JS / "search.js", folder / "search.js")
    (folder / "index.html").write_text(
        '<!doctype html><title>t</title><script src="lunr.js"></script>'
        '<script src="search.js"></script>',
        encoding="utf-8",
    )
    server = start_site(folder)
    yield server
    server.stop()


def test_scores_match_lunr(page, sharded_site):
    """For every query, the same documents with the same scores, in the same order."""
    page.goto(sharded_site.url("/"))
    queries = [normalise(q) for q in QUERIES]
    results = page.evaluate(REFERENCE, [queries])
    for query, (reference, mine) in zip(queries, results, strict=True):
        assert len(mine) == len(reference), query
        expected = sorted(((doc, round(score, 9)) for doc, score in reference),
                          key=lambda r: (-r[1], r[0]))  # fmt: skip
        found = [(doc, round(score, 9)) for doc, score in mine]
        assert found == expected, query
