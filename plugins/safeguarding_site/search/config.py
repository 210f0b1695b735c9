"""Options for the site search."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

DEFAULT_SYNONYMS = {
    "domestic abuse": [
        "dv",
        "domestic violence",
        "partner abuse",
        "family violence",
        "my partner",
        "my husband",
        "my wife",
        "my son",
        "my daughter",
        "family member",
    ],
    "physical abuse": ["hit", "hitting", "hurt", "hurting", "beaten", "beating", "violence"],
    "financial abuse": ["money taken", "stealing money", "scam", "scammed", "fraud"],
    "witness": ["court", "trial", "give evidence", "giving evidence", "testify"],
    "fire safety": ["smoke alarm", "fire alarm", "smoke detector", "fire"],
    "neglect": ["not looked after", "left alone", "self-neglect"],
    "safeguarding": ["protect", "protection", "keeping safe"],
    "making safeguarding personal": ["msp"],
}


class SearchConfig(Config):
    """Search with an index built at build time; nothing typed is kept anywhere."""

    enabled = opt.Type(bool, default=True)
    """Add the search form to every page and build the index. Default: true."""
    label = opt.Type(str, default="Search this site")
    """Label of the search box. Default: 'Search this site'."""
    synonyms = opt.DictOfItems(opt.ListOfItems(opt.Type(str)), default=DEFAULT_SYNONYMS)
    """Everyday words readers type, as '{site word: [their words]}'; used when the index is
    built and when a query runs. Default: a starter list (DV, hit, money taken, court, smoke
    alarm, ...)."""
    a_to_z_title = opt.Type(str, default="A to Z")
    """Title of the generated A to Z page, where the search form leads without JavaScript."""
    max_results = opt.Type(int, default=10)
    """Most page results shown. Default: 10."""
