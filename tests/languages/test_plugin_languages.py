"""Translations through real MkDocs builds: addresses, lang and dir, switcher, words."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re

import pytest
from mkdocs.exceptions import Abort

FILES = {
    "index.md": "# Home\n\nHello.\n",
    "safe.md": "# Staying safe online\n\nClear your history.\n",
    "safe.pl.md": "# Bezpieczeństwo w internecie\n\nWyczyść historię.\n",
    "support/abuse.md": "# Abuse\n\nWords.\n",
    "support/abuse.pl.md": "# Przemoc\n\nSłowa.\n",
    "support/abuse.ur.md": "# تشدد\n\nالفاظ۔\n",  # noqa: RUF001 (Urdu letters)
    "support/abuse.easy.md": (
        "# Abuse: easy read\n\n[picture: material/phone | A phone]\nCall us.\n"
    ),
    "support/abuse.pl.easy.md": (
        "# Przemoc: łatwy tekst\n\n[picture: material/phone | Telefon]\nZadzwoń do nas.\n"
    ),
}
OPTIONS = [{"safeguarding": {"quick_exit": {"help_page": "safe.md"}}}]


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.fixture
def site(build_site):
    return build_site(FILES, plugins=OPTIONS, nav=["index.md", "safe.md", "support/abuse.md"])


def test_translations_have_their_own_addresses_out_of_the_nav(site):
    assert (site / "pl/support/abuse/index.html").is_file()
    assert (site / "ur/support/abuse/index.html").is_file()
    assert (site / "pl/support/abuse/easy-read/index.html").is_file()
    assert (site / "pl/safe/index.html").is_file()
    home = read(site, "index.html")
    assert "Przemoc" not in home  # the navigation lists the site's own pages
    a_to_z = read(site, "a-z/index.html")
    assert "Abuse" in a_to_z and "Przemoc" not in a_to_z  # the English A to Z
    easy_index = read(site, "easy-read/pages/index.html")
    assert "Abuse: easy read" in easy_index
    assert "łatwy tekst" not in easy_index  # reached from the Polish page instead


def test_lang_dir_and_alternates(site):
    polish = read(site, "pl/support/abuse/index.html")
    assert '<html lang="pl" dir="ltr" class="no-js">' in polish
    urdu = read(site, "ur/support/abuse/index.html")
    assert '<html lang="ur" dir="rtl" class="no-js">' in urdu
    assert re.search(r'<body dir="rtl"', urdu)
    english = read(site, "support/abuse/index.html")
    assert '<html lang="en" dir="ltr" class="no-js">' in english
    # The versions name each other in the switcher's links, not in <link> elements (the
    # theme's script fetches a sitemap.xml beside each <link rel="alternate">).
    assert re.findall(r'<a href="([^"]+)" rel="alternate" hreflang="(\w+)"', english) == [
        ("../../pl/support/abuse/", "pl"),
        ("../../ur/support/abuse/", "ur"),
    ]
    assert '<link rel="alternate"' not in english
    assert "hreflang" not in read(site, "index.html")  # no versions: no alternates


def test_switcher_links_both_ways_in_each_language_own_name(site):
    english = read(site, "support/abuse/index.html")
    nav = re.search(r'<nav class="sg-languages".*?</nav>', english, re.S).group(0)
    assert 'aria-label="This page in other languages"' in nav
    assert re.findall(
        r'<a href="([^"]+)" rel="alternate" hreflang="(\w+)" lang="\w+" dir="(\w+)">([^<]+)</a>',
        nav,
    ) == [
        ("../../pl/support/abuse/", "pl", "ltr", "Polski"),
        ("../../ur/support/abuse/", "ur", "rtl", "اردو"),
    ]
    urdu = read(site, "ur/support/abuse/index.html")
    nav = re.search(r'<nav class="sg-languages".*?</nav>', urdu, re.S).group(0)
    assert 'aria-label="یہ صفحہ دوسری زبانوں میں"' in nav
    assert (
        '<a href="../../../support/abuse/" rel="alternate" hreflang="en" lang="en" dir="ltr">'
        "English</a>" in nav
    )
    assert "sg-languages" not in read(site, "index.html")  # no dead links on other pages
    # The switcher comes right after the page's heading.
    assert english.index("</h1>") < english.index("sg-languages") < english.index("<p>Words.")


def test_the_plugin_speaks_the_page_language(site):
    polish = read(site, "pl/support/abuse/index.html")
    assert ">Opuść tę stronę</a>" in polish
    options = json.loads(html.unescape(re.search(r'data-sg-options="([^"]+)"', polish)[1]))
    assert options["messages"] == {
        "press_two_more": "Shift – naciśnij jeszcze 2 razy, aby wyjść.",  # noqa: RUF001
        "press_one_more": "Shift – naciśnij jeszcze 1 raz, aby wyjść.",  # noqa: RUF001
        "expired": "Czas na opuszczenie strony minął.",
        "loading": "Ładowanie.",
    }
    assert "<strong>Grozi Ci bezpośrednie niebezpieczeństwo?</strong>" in polish
    assert ">Zadzwoń pod 999</a>" in polish
    # The help link leads to the help page in the same language.
    assert '<a class="sg-exit__help" href="../../safe/">Bezpieczeństwo w internecie</a>' in polish
    assert ">Wersja łatwa do czytania tej strony</a>" in polish
    assert (
        '<label class="sg-search__label" for="sg-search-input">Szukaj w tej witrynie</label>'
        in (polish)
    )
    assert '<button class="sg-search__button" type="submit">Szukaj</button>' in polish
    assert '<nav class="sg-footer__nav" aria-label="Informacje o witrynie">' in polish
    assert '<a class="sg-search__az" href="../../../a-z/">Od A do Z</a>' in polish
    english = read(site, "support/abuse/index.html")
    assert ">Exit this page</a>" in english and "Opuść" not in english
    # Urdu has no Polish help page: its help link is the site's own.
    urdu = read(site, "ur/support/abuse/index.html")
    assert '<a class="sg-exit__help" href="../../../safe/">آن لائن محفوظ رہنا</a>' in urdu


def test_the_theme_speaks_the_page_language(build_site):
    """The theme's own words (its skip link) come in the page's language where the theme has
    them; Panjabi, which Material lacks, keeps the site's and still gets its lang."""
    site = build_site({"index.md": "# Home\n", "index.pl.md": "# Start\n", "index.pa.md": "# ਘਰ\n"})
    skip = re.compile(r'class="md-skip">\s*([^<]+?)\s*</a>')
    assert skip.search(read(site, "pl/index.html"))[1] == "Przejdź do treści"
    assert skip.search(read(site, "index.html"))[1] == "Skip to content"
    panjabi = read(site, "pa/index.html")
    assert skip.search(panjabi)[1] == "Skip to content"
    assert '<html lang="pa" dir="ltr"' in panjabi


def test_a_translation_is_read_by_its_own_language_s_voice(build_site):
    """Never an English voice reading Polish: the timings name the voice that read each."""
    options = [{"safeguarding": {"audio": {"enabled": True}}}]
    site = build_site(
        {"index.md": "# Home\n\nHello.\n", "index.pl.md": "# Start\n\nCześć.\n"}, plugins=options
    )
    assert json.loads(read(site, "listen.json"))["voice"] == "gmw/en-gb-x-rp"
    assert json.loads(read(site, "pl/listen.json"))["voice"] == "zlw/pl"
    assert "Posłuchaj tej strony" in read(site, "pl/index.html")


def test_an_orphan_translation_stops_the_build(build_site, caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": "# Home\n", "help.pl.md": "# Pomoc\n"})
    assert any(
        "Translation 'help.pl.md' (Polski) has no page 'help.md'." in m for m in caplog.messages
    )


def test_unknown_word_override_stops_the_build(build_site, caplog):
    options = [{"safeguarding": {"languages": {"strings": {"pl": {"exitt": "Wyjdź"}}}}}]
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": "# Home\n"}, plugins=options)
    assert any("option 'languages.strings.pl': unknown word 'exitt'" in m for m in caplog.messages)


def test_a_word_override_and_an_added_language(build_site):
    options = [
        {
            "safeguarding": {
                "languages": {
                    "strings": {"pl": {"exit": "Wyjdź stąd"}},
                    "add": [{"code": "so", "name": "Soomaali"}],
                }
            }
        }
    ]
    site = build_site(
        {
            "index.md": "# Home\n",
            "index.pl.md": "# Start\n",
            "index.so.md": "# Bogga hore\n",
        },
        plugins=options,
    )
    assert ">Wyjdź stąd</a>" in read(site, "pl/index.html")
    somali = read(site, "so/index.html")
    assert '<html lang="so" dir="ltr"' in somali
    assert ">Exit this page</a>" in somali  # no table for Somali yet: the English words
    assert ">Soomaali</a>" in read(site, "index.html")


SERVICE = """\
---
name: Samaritans
categories: [mental-health]
phone: {number: 116 123, label: Helpline}
website: https://www.samaritans.org
free: true
last_verified: 2026-11-02
source: https://www.samaritans.org
who_for: Anyone who is struggling.
hours: 24 hours, every day
languages: [English, Welsh]
translations:
  pl:
    who_for: Każdy, komu jest ciężko.
    description: Ktoś, z kim można **porozmawiać**.
---
Someone to talk to.
"""
ITEM = """\
---
title: Care Act 2014
type: legislation
audiences: [practitioners]
publisher: legislation.gov.uk
url: https://www.legislation.gov.uk/ukpga/2014/23/contents
published: 2014-05-14
---
The law.
"""


def test_cards_speak_the_page_language(build_site):
    """Service and library cards on a Polish page say their words, and dates, in Polish;
    the English page's cards are as they always were."""
    page = "# {}\n\n## Help\n\n[services: samaritans]\n\n## Law\n\n[library: care-act-2014]\n"
    categories = [{"id": "mental-health", "title": "Someone to talk to"}]
    options = [
        {
            "safeguarding": {
                "signposting": {"categories": categories, "today": dt.date(2026, 11, 30)},
                "library": {},
            }
        }
    ]
    site = build_site(
        {
            "index.md": "# Home\n",
            "help.md": page.format("Help"),
            "help.pl.md": page.format("Pomoc"),
            "services/samaritans.md": SERVICE,
            "library/care-act-2014.md": ITEM,
        },
        plugins=options,
    )
    polish = read(site, "pl/help/index.html")
    assert '>Zadzwoń (Helpline) pod <span class="sg-card__number">116 123</span></a>' in polish
    assert '<li class="sg-card__badge">Bezpłatne połączenie</li>' in polish
    assert '<p class="sg-card__checked">Dane sprawdzono: 11.2026</p>' in polish
    assert ">Strona internetowa<" in polish
    # The service's own words in Polish, where its file gives them.
    assert "<strong>Dla kogo:</strong> <span>Każdy, komu jest ciężko.</span></p>" in polish
    assert "<p>Ktoś, z kim można <strong>porozmawiać</strong>.</p>" in polish
    # What the file says only in English is marked as English (WCAG 3.1.2, language of parts).
    assert '<strong>Godziny otwarcia:</strong> <span lang="en">24 hours, every day</span>' in polish
    assert 'Języki: <span lang="en">English, Welsh</span></li>' in polish
    english = read(site, "help/index.html")
    assert "<strong>Who it is for:</strong> <span>Anyone who is struggling.</span></p>" in english
    assert "<strong>Open:</strong> <span>24 hours, every day</span>" in english
    assert 'lang="en"' not in english.split("<article", 1)[1]
    record = json.loads(read(site, "services.json"))["services"][0]
    assert record["translations"]["pl"]["who_for"] == "Każdy, komu jest ciężko."
    assert (
        record["translated_html"]["pl"] == "<p>Ktoś, z kim można <strong>porozmawiać</strong>.</p>"
    )
    assert '<span class="sg-doc__where">(inna witryna: www.legislation.gov.uk)</span>' in polish
    assert "<div><dt>Opublikowano</dt><dd>14.05.2014</dd></div>" in polish
    # The item's own words are English, and say so; the plugin's words around them are Polish.
    assert '<p class="sg-doc__type" lang="en">Legislation</p>' in polish
    assert 'rel="noreferrer"><span lang="en">Care Act 2014</span> <span' in polish
    assert '<div><dt>Wydawca</dt><dd lang="en">legislation.gov.uk</dd></div>' in polish
    english = read(site, "help/index.html")
    assert '>Call Helpline on <span class="sg-card__number">116 123</span></a>' in english
    assert '<p class="sg-card__checked">Details checked: November 2026</p>' in english
    assert "<div><dt>Published</dt><dd>14 May 2014</dd></div>" in english


def test_service_translations_are_checked(build_site, caplog):
    bad = SERVICE.replace("  pl:\n", "  PL:\n").replace("    who_for: Każdy", "    whom: Każdy")
    options = [
        {"safeguarding": {"signposting": {"categories": [{"id": "mental-health", "title": "T"}]}}}
    ]
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site({"index.md": "# Home\n", "services/samaritans.md": bad}, plugins=options)
    assert any(
        "Service 'services/samaritans.md': field 'translations.PL': received 'PL', expected a "
        "language code such as 'pl'" in m
        for m in caplog.messages
    )


def test_a_welsh_site_s_generated_pages_are_in_welsh(build_site):
    """A site whose own language is Welsh gets the A to Z, the services directory and the
    library's pages in Welsh words (titles come from the options, as always)."""
    categories = [{"id": "mental-health", "title": "Rhywun i siarad ag ef"}]
    options = [
        {
            "safeguarding": {
                "languages": {"default": "cy"},
                "signposting": {"categories": categories, "today": dt.date(2026, 11, 30)},
                "library": {},
            }
        }
    ]
    site = build_site(
        {
            "index.md": "# Hafan\n\nCroeso.\n",
            "services/samaritans.md": SERVICE,
            "library/care-act-2014.md": ITEM,
        },
        plugins=options,
    )
    assert "Pob tudalen a math o help ar y wefan hon" in read(site, "a-z/index.html")
    category = read(site, "services/mental-health/index.html")
    assert "1 gwasanaeth." in category and ">Pob math o gymorth</a>" in category
    assert 'id="gwasanaethau">Gwasanaethau' in category
    library = read(site, "library/index.html")
    assert "Dod o hyd i ddogfennau yn ôl ar gyfer pwy y maen nhw" in library  # no topics here
    assert "1 ddogfen, yn ôl math." in library
    audience = next((site / "library/for").glob("*/index.html")).read_text(encoding="utf-8")
    assert "<h1" in audience and "Ar gyfer: " in audience
    assert re.search(r"1 ddogfen\. Mae pob dogfen yn y <a href=\"[^\"]+\">", audience)
    assert '<html lang="cy"' in read(site, "index.html")
