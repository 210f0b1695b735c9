"""Options for easy-read pages: the toggle's words and the checks' limits."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class EasyReadConfig(Config):
    """Easy-read versions written as 'page.easy.md' beside 'page.md'."""

    enabled = opt.Type(bool, default=True)
    """Pair easy-read files with their pages and add the toggle. Default: true."""
    to_easy_label = opt.Type(str, default="Easy read version of this page")
    """Toggle text on a standard page. Default: 'Easy read version of this page'."""
    to_standard_label = opt.Type(str, default="Standard version of this page")
    """Toggle text on an easy-read page. Default: 'Standard version of this page'."""
    index_title = opt.Type(str, default="Easy read")
    """Title of the generated list of easy-read pages (in the navigation). Default: 'Easy
    read'."""
    index_intro = opt.Type(
        str,
        default="These pages use short sentences and pictures. Each one has a standard version.",
    )
    """Sentence under that title."""
    max_sentence_words = opt.Type(int, default=15)
    """Warn about sentences longer than this. Default: 15."""
    max_paragraph_sentences = opt.Type(int, default=5)
    """Warn about points with more sentences than this. Default: 5."""
    min_reading_ease = opt.Type(float, default=60.0)
    """Warn when a page's Flesch reading ease is below this. Default: 60."""
    acronyms = opt.ListOfItems(opt.Type(str), default=["BBC", "NHS"])
    """Acronyms readers know, allowed without explanation. Default: BBC, NHS."""
