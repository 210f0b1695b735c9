"""Options for the library: where items live, the words they may use, freshness."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from ..signposting.config import CategoryId


def _terms(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"id": id_, "title": title} for id_, title in pairs]


DEFAULT_TYPES = _terms(
    ("legislation", "Legislation"),
    ("statutory-guidance", "Statutory guidance"),
    ("policy", "Policy"),
    ("procedure", "Procedure"),
    ("practice-guidance", "Practice guidance"),
    ("toolkit", "Toolkit"),
    ("briefing", "Briefing"),
    ("case-study", "Case study"),
    ("form", "Form"),
    ("leaflet", "Leaflet"),
    ("easy-read-leaflet", "Easy read leaflet"),
    ("podcast", "Podcast"),
    ("video", "Video"),
    ("training", "Training"),
)

DEFAULT_AUDIENCES = _terms(
    ("public", "The public"),
    ("practitioners", "Practitioners"),
    ("managers", "Managers and leaders"),
    ("care-providers", "Care providers"),
    ("health", "Health staff"),
    ("police", "Police"),
    ("housing", "Housing staff"),
)

DEFAULT_TOPICS = _terms(
    ("making-safeguarding-personal", "Making Safeguarding Personal"),
    ("mental-capacity", "Mental capacity"),
    ("domestic-abuse", "Domestic abuse"),
    ("self-neglect", "Self-neglect"),
    ("financial-abuse", "Financial abuse"),
    ("care-and-support", "Care and support"),
    ("witnesses", "Victims and witnesses"),
)


class TermConfig(Config):
    """One word items may use for their type, audience or topic."""

    id = CategoryId()
    """Used in item files, e.g. 'practice-guidance'."""
    title = opt.Type(str)
    """How pages show it, e.g. 'Practice guidance'."""
    description = opt.Type(str, default="")
    """One plain sentence under the heading of its page (topics and audiences)."""


class LibraryConfig(Config):
    """Policies, procedures, toolkits and documents, one Markdown file each."""

    enabled = opt.Type(bool, default=True)
    """Turn the library on or off. Default: true."""
    folder = opt.Type(str, default="library")
    """Folder in docs_dir with one Markdown file per item; it also receives the generated
    library pages. Default: 'library'."""
    title = opt.Type(str, default="Library")
    """Title of the generated library index. Default: 'Library'."""
    intro = opt.Type(
        str,
        default="Policies, procedures, guidance, toolkits and forms, for professionals and "
        "for the public.",
    )
    """Sentence under that title."""
    types = opt.ListOfItems(opt.SubConfig(TermConfig), default=DEFAULT_TYPES)
    """What an item may be ('type:'), in the order the library lists them. Default:
    legislation, statutory-guidance, policy, procedure, practice-guidance, toolkit, briefing,
    case-study, form, leaflet, easy-read-leaflet, podcast, video, training."""
    audiences = opt.ListOfItems(opt.SubConfig(TermConfig), default=DEFAULT_AUDIENCES)
    """Who an item is for ('audiences:'); each used one gets a page. Default: public,
    practitioners, managers, care-providers, health, police, housing."""
    topics = opt.ListOfItems(opt.SubConfig(TermConfig), default=DEFAULT_TOPICS)
    """What an item is about ('topics:'); each used one gets a page. Default:
    making-safeguarding-personal, mental-capacity, domestic-abuse, self-neglect,
    financial-abuse, care-and-support, witnesses."""
    review_after_months = opt.Type(int, default=24)
    """An item with 'last_reviewed' but no 'review_due' is due this long after its review.
    Default: 24."""
    cards_heading = opt.Type(str, default="Documents and resources")
    """Heading above the cards a page asks for with 'library:' in its front matter."""
    json_file = opt.Type(str, default="library.json")
    """Open-data file with every item and field, written to the site root."""
