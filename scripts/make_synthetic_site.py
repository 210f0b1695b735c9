"""Write a synthetic Safeguarding Adults Board site (mkdocs.yml + docs/) for benchmarks.

Usage:
    python scripts/make_synthetic_site.py OUT_DIR --pages N [--seed S]
        [--no-plugin] [--no-audio] [--nav | --no-nav]
        [--audio-workers K] [--audio-cache-dir DIR]

Writes N Markdown pages (a home page and N - 1 guidance pages in five section folders) of
plain-English text about abuse, neglect, support, safeguarding enquiries, advocacy and mental
capacity: front matter with a description, one h1, h2/h3 sections, paragraphs, bullet lists,
``??? note`` collapsibles, links between pages and a few ``[services: ...]`` lines. About one
page in ten gets an easy-read pair (``page.easy.md``), and ``docs/services/`` holds ten valid
service files. The only phone numbers are 999, 101, 116 123 and 0808 2000 247.

Options: ``--no-plugin`` writes ``plugins: []``; ``--no-audio`` sets ``audio: {enabled: false}``;
``--no-nav`` (the default) leaves the navigation automatic, ``--nav`` writes one. The output is
the same for the same arguments and seed. The site builds with ``mkdocs build --strict``.
OUT_DIR is created; an existing ``OUT_DIR/docs`` is replaced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import posixpath
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SITE_NAME = "Anytown Safeguarding Adults Board"
# Freshness of the services is measured against this date, so the site builds the same way on
# any day (the services were "checked" a month before it).
TODAY = dt.date(2026, 11, 1)
LAST_VERIFIED = "2026-10-01"

SECTIONS: dict[str, str] = {
    "types-of-abuse": "Types of abuse",
    "getting-help": "Getting help",
    "professionals": "For professionals",
    "carers": "For carers and families",
    "community": "In the community",
}

# (title, section, words for the easy read, harm the page is mostly about)
TOPICS: list[tuple[str, str, str, str]] = [
    ("Financial abuse", "types-of-abuse", "money abuse", "financial abuse"),
    ("Neglect and acts of omission", "types-of-abuse", "neglect", "neglect"),
    ("Self-neglect", "types-of-abuse", "not looking after yourself", "self-neglect"),
    ("Domestic abuse", "types-of-abuse", "abuse at home", "domestic abuse"),
    ("Psychological abuse", "types-of-abuse", "being made to feel afraid", "psychological abuse"),
    ("Physical abuse", "types-of-abuse", "being hurt", "physical abuse"),
    ("Sexual abuse", "types-of-abuse", "sexual abuse", "sexual abuse"),
    ("Organisational abuse", "types-of-abuse", "poor care in a service", "organisational abuse"),
    ("Discriminatory abuse", "types-of-abuse", "being treated unfairly", "discriminatory abuse"),
    ("Modern slavery", "types-of-abuse", "being made to work for no pay", "modern slavery"),
    ("Raising a concern", "getting-help", "telling someone", "abuse or neglect"),
    ("What happens in a safeguarding enquiry", "getting-help", "what happens next", "abuse"),
    ("Independent advocacy", "getting-help", "having someone on your side", "abuse"),
    ("Staying safe at home", "getting-help", "keeping safe at home", "domestic abuse"),
    ("Scams and fraud", "getting-help", "scams", "financial abuse"),
    ("Support after abuse", "getting-help", "help after abuse", "abuse"),
    ("Mental capacity", "professionals", "making your own choices", "neglect"),
    ("Making Safeguarding Personal", "professionals", "what you want to happen", "abuse"),
    ("Information sharing", "professionals", "sharing what you tell us", "abuse or neglect"),
    ("Professional curiosity", "professionals", "asking the right questions", "coercive control"),
    ("Safeguarding adults reviews", "professionals", "learning when things go wrong", "neglect"),
    ("Multi-agency risk management", "professionals", "working together", "self-neglect"),
    ("Caring for someone", "carers", "being a carer", "neglect"),
    ("Carer stress and getting a break", "carers", "getting a break", "neglect"),
    ("Worried about a relative in a care home", "carers", "worries about a care home", "neglect"),
    ("Lasting power of attorney", "carers", "someone to help with choices", "financial abuse"),
    ("Hate crime", "community", "being hurt for who you are", "discriminatory abuse"),
    ("Cuckooing and exploitation", "community", "people taking over your home", "exploitation"),
    ("Hoarding", "community", "too many things at home", "self-neglect"),
    ("Forced marriage", "community", "being made to marry", "domestic abuse"),
]
AUDIENCES = [
    "a guide for families",
    "guidance for care staff",
    "for volunteers",
    "for housing officers",
    "for health staff",
    "questions and answers",
    "what the law says",
    "for faith and community groups",
]

SUBJECTS = [
    "An adult with care and support needs",
    "A person living with dementia",
    "Someone with a learning disability",
    "An older person who lives alone",
    "A carer who is struggling to cope",
    "A person living in a care home",
    "Someone who is controlled by a partner",
    "A young adult leaving care",
    "A person recovering from a stroke",
    "Someone who has a mental health condition",
]
HARMS = [
    "financial abuse", "neglect", "self-neglect", "psychological abuse", "physical abuse",
    "domestic abuse", "sexual abuse", "organisational abuse", "discriminatory abuse",
    "modern slavery", "coercive control", "exploitation",
]  # fmt: skip
PLACES = [
    "at home", "in a care home", "in hospital", "at a day centre", "online", "at work",
    "in supported living", "in the community", "at college", "in a shared house",
]  # fmt: skip
ORGS = [
    "The council's adult social care team",
    "The safeguarding team",
    "A social worker",
    "The police",
    "A community health team",
    "The housing provider",
]
TIMES = ["one working day", "two working days", "five working days", "24 hours"]
SIGNS = [
    "unexplained bruises", "missing money", "weight loss", "being withdrawn", "poor hygiene",
    "missed appointments", "sudden changes in mood", "unpaid bills", "being afraid of one person",
    "a new friend who controls their money", "a home that is cold or dirty", "untreated injuries",
]  # fmt: skip
SUPPORTS = [
    "counselling", "help with housing", "an independent advocate", "a care and support plan",
    "a safety plan", "legal advice", "a carer's assessment", "help from a domestic abuse service",
    "a befriending service", "help to manage money", "a place at a day centre",
]  # fmt: skip
SENTENCES = [
    "{subject} {place} can be at risk of {harm}.",
    "{Harm} can happen {place}, and it is never the fault of the person being harmed.",
    "If you are worried that someone is experiencing {harm}, talk to them somewhere private "
    "and listen without judging.",
    "The council must make a safeguarding enquiry when an adult with care and support needs "
    "may be experiencing {harm}.",
    "A safeguarding enquiry looks at what has happened and what the person wants to change.",
    "An independent advocate can help {subject_lower} to take part in a safeguarding enquiry.",
    "Under the Mental Capacity Act 2005, we must assume that a person can make their own "
    "decisions unless it is shown that they cannot.",
    "A person may be able to make one decision but not another, so each decision is looked at "
    "on its own.",
    "When someone cannot make a decision, anything done for them must be in their best interests.",
    "{org} will usually contact you within {time} of a concern being raised.",
    "Signs of {harm} can include {sign}, {sign2} or {sign3}.",
    "You do not need proof before you raise a concern.",
    "In an emergency, or if someone is in danger now, call 999.",
    "The National Domestic Abuse Helpline is free and open 24 hours a day on 0808 2000 247.",
    "Support can include {support}, {support2} and {support3}.",
    "Staff should write down what they see and hear, using the person's own words where they can.",
    "Making Safeguarding Personal means asking people what they want to happen and keeping "
    "them in control.",
    "Information can be shared without consent when someone is at risk of serious harm.",
    "{org} works with the police, the NHS and housing providers to keep adults safe.",
    "Carers can ask for a carer's assessment to find out what help is available.",
    "Neglect includes ignoring medical, emotional or physical care needs.",
    "It can take time for a person to trust someone enough to talk about {harm}.",
    "{subject} may not see what is happening to them as abuse.",
    "If a crime has been committed, the police may be asked to investigate.",
    "Samaritans are there day or night on 116 123 if you need someone to talk to.",
    "For advice that is not urgent, you can call the police on 101.",
    "{org} will ask what outcome {subject_lower} wants before deciding what to do.",
    "People can bring a friend, relative or advocate to any meeting about them.",
    "Everyone has the right to live a life free from {harm}.",
    "Abuse can be a single act or something that happens again and again over time.",
]
H2_TITLES = [
    "What this means",
    "Signs to look out for",
    "What you can do",
    "What happens after you tell someone",
    "Support and advocacy",
    "Making decisions and mental capacity",
    "Working with other organisations",
    "Keeping the person in control",
    "If you are a professional",
    "Where to get help",
]
H3_TITLES = [
    "At home",
    "In care settings",
    "Online",
    "When the person says no",
    "Recording what you see",
    "Sharing information",
    "If you are a family member",
]
NOTE_TITLES = [
    "An example",
    "What the law says",
    "Questions people often ask",
    "A note on consent",
    "If the person does not want help",
    "Remember",
]
SERVICE_LINES = ["domestic-abuse", "domestic-abuse", "emergency", "mental-health"]

# Easy read: short sentences of short words, each at most 10 words.
EASY_QUESTIONS = [
    "What is {easy}?",
    "Who can help?",
    "What can you do?",
    "What happens next?",
    "How do you get help now?",
    "Who can you talk to?",
]
EASY_PICTURES = [
    ("material/phone", "A phone"),
    ("material/home", "A house"),
    ("material/hand-heart", "A helping hand"),
    ("material/account-group", "A group of people"),
    ("material/chat", "Speech bubbles"),
    ("material/shield-account", "A person with a shield"),
    ("material/account-question", "A person thinking"),
    ("material/account-heart", "A carer"),
    ("material/alert", "A warning sign"),
    ("material/account-voice", "A person speaking"),
]
EASY_SENTENCES = [
    "This page is about {easy}.",
    "It is not your fault.",
    "You can tell someone you trust.",
    "You can call the police on 101.",
    "In an emergency, call **999**.",
    "You can call a helpline on 0808 2000 247.",
    "The call is free.",
    "Someone will listen to you.",
    "They will ask what you want to happen.",
    "You can bring a friend with you.",
    "An advocate can speak up for you.",
    "You can say no.",
    "We want you to be safe.",
    "Your care worker can help you.",
    "You can talk to your doctor.",
    "You can get help with {easy}.",
    "You are not on your own.",
    "You can call Samaritans on 116 123.",
    "We will tell you what happens next.",
    "You can ask us to slow down.",
]

SERVICES: list[dict[str, Any]] = [
    {
        "id": "emergency-services",
        "name": "Police, fire or ambulance emergency",
        "categories": ["emergency"],
        "phone": [{"number": "999", "label": "emergency services", "hours": "24 hours"}],
        "text_relay": "18000",
        "free": True,
        "who_for": "Anyone in danger now, or if a crime is happening.",
        "order": 10,
        "body": "Call 999 if someone is in danger now or a crime is happening.",
    },
    {
        "id": "silent-call",
        "name": "Silent emergency call",
        "categories": ["emergency", "domestic-abuse"],
        "phone": [{"number": "999", "label": "then press 55 on a mobile", "hours": "24 hours"}],
        "free": True,
        "who_for": "Anyone in danger who cannot speak on the phone.",
        "order": 20,
        "body": "Call 999, listen to the operator, and press 55 on a mobile if you cannot speak.",
    },
    {
        "id": "police-non-emergency",
        "name": "Police non-emergency number",
        "categories": ["emergency", "witness"],
        "phone": [{"number": "101", "hours": "24 hours"}],
        "text_relay": "18001 101",
        "website": "https://www.police.uk",
        "who_for": "Reporting a crime or a concern when no one is in danger now.",
        "order": 30,
        "body": "Call 101 to report a crime or a concern when no one is in immediate danger.",
    },
    {
        "id": "domestic-abuse-helpline",
        "name": "National Domestic Abuse Helpline",
        "categories": ["domestic-abuse"],
        "phone": [{"number": "0808 2000 247", "hours": "24 hours, every day"}],
        "website": "https://www.nationaldahelpline.org.uk",
        "free": True,
        "confidential": True,
        "who_for": "Anyone experiencing domestic abuse, and people worried about someone else.",
        "order": 10,
        "body": "A free, confidential helpline. Trained advisers listen and help you think "
        "about your options.",
    },
    {
        "id": "samaritans",
        "name": "Samaritans",
        "categories": ["mental-health"],
        "phone": [{"number": "116 123", "hours": "24 hours, every day"}],
        "website": "https://www.samaritans.org",
        "free": True,
        "confidential": True,
        "who_for": "Anyone who is struggling to cope and needs someone to listen.",
        "order": 10,
        "body": "Samaritans listen without judging, day or night, every day of the year.",
    },
    {
        "id": "anytown-listening-line",
        "name": "Anytown listening line",
        "categories": ["mental-health"],
        "email": "listening@example.org",
        "hours": "Evenings and weekends",
        "who_for": "Adults in Anytown who feel lonely or low.",
        "body": "Volunteers call you back for a friendly chat, as often as you like.",
    },
    {
        "id": "anytown-witness-service",
        "name": "Anytown witness support",
        "categories": ["witness"],
        "website": "https://www.example.org/witness-support",
        "email": "witness@example.org",
        "free": True,
        "who_for": "Victims and witnesses of crime, whether or not it was reported.",
        "body": "Help before, during and after going to court, including visits to the court.",
    },
    {
        "id": "anytown-fire-safety",
        "name": "Anytown home fire safety visits",
        "categories": ["fire-safety"],
        "website": "https://www.example.org/fire-safety",
        "email": "firesafety@example.org",
        "free": True,
        "who_for": "Anyone who may find it hard to escape from a fire at home.",
        "body": "A free visit to check smoke alarms and plan how to get out safely.",
    },
    {
        "id": "change-your-behaviour",
        "name": "Change your behaviour service",
        "categories": ["caused-harm"],
        "website": "https://www.example.org/change",
        "email": "change@example.org",
        "confidential": True,
        "who_for": "People who are worried that they hurt or control someone close to them.",
        "body": "Confidential advice for people who want to stop hurting someone.",
    },
    {
        "id": "anytown-adult-social-care",
        "name": "Anytown Council adult social care",
        "categories": ["adult-social-care"],
        "website": "https://www.example.org/adult-social-care",
        "email": "adultsocialcare@example.org",
        "hours": "Monday to Friday, 9am to 5pm",
        "who_for": "Anyone worried that an adult in Anytown is being abused or neglected.",
        "body": "Raise a safeguarding concern about an adult, or ask for an assessment of care "
        "and support needs. You can stay anonymous.",
    },
]


@dataclass
class Page:
    """One guidance page to write."""

    src: str  # path in docs, posix
    title: str
    section: str
    easy: str
    harm: str
    has_easy: bool = False
    links: list[str] = field(default_factory=list)


def slugify(text: str) -> str:
    """'What happens in a safeguarding enquiry' -> 'what-happens-in-a-safeguarding-enquiry'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plan_pages(count: int, rng: random.Random) -> list[Page]:
    """The guidance pages (not the home page): unique titles and paths, links, easy reads."""
    pages: list[Page] = []
    used: set[str] = set()
    # Round robin over the sections, so even a small site has pages in each of them.
    by_section = [[t for t in TOPICS if t[1] == section] for section in SECTIONS]
    longest = max(len(group) for group in by_section)
    topics = [g[i] for i in range(longest) for g in by_section if i < len(g)]
    for number in range(max(count - 1, 0)):
        title, section, easy, harm = topics[number % len(topics)]
        variant = number // len(TOPICS)
        if variant:
            audience = AUDIENCES[(variant - 1) % len(AUDIENCES)]
            title = f"{title}: {audience}"
            part = (variant - 1) // len(AUDIENCES)
            if part:
                title += f" (part {part + 1})"
        src = f"{section}/{slugify(title)}.md"
        while src in used:  # bounded: each pass makes the name longer
            src = src[:-3] + "-more.md"
        used.add(src)
        pages.append(Page(src, title, section, easy, harm))
    for page in pages:
        others = [p.src for p in pages if p.src != page.src]
        page.links = rng.sample(others, min(len(others), rng.randint(2, 4)))
    if pages:
        easy_count = max(1, round(count / 10))
        for page in rng.sample(pages, min(easy_count, len(pages))):
            page.has_easy = True
    return pages


def relative(from_src: str, to_src: str) -> str:
    """Link from one docs file to another, as MkDocs resolves it."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def sentence(rng: random.Random, harm: str) -> str:
    """One plain-English sentence from the templates."""
    template = rng.choice(SENTENCES)
    subject = rng.choice(SUBJECTS)
    signs = rng.sample(SIGNS, 3)
    supports = rng.sample(SUPPORTS, 3)
    chosen_harm = harm if rng.random() < 0.6 else rng.choice(HARMS)
    return template.format(
        subject=subject,
        subject_lower=subject[0].lower() + subject[1:],
        place=rng.choice(PLACES),
        harm=chosen_harm,
        Harm=chosen_harm[0].upper() + chosen_harm[1:],
        org=rng.choice(ORGS),
        time=rng.choice(TIMES),
        sign=signs[0],
        sign2=signs[1],
        sign3=signs[2],
        support=supports[0],
        support2=supports[1],
        support3=supports[2],
    )


def paragraph(rng: random.Random, harm: str, sentences: tuple[int, int] = (2, 5)) -> str:
    """A paragraph of distinct sentences."""
    chosen: list[str] = []
    wanted = rng.randint(*sentences)
    for _ in range(wanted * 4):  # bounded: templates repeat, so allow a few tries
        if len(chosen) >= wanted:
            break
        candidate = sentence(rng, harm)
        if candidate not in chosen:
            chosen.append(candidate)
    return " ".join(chosen)


def link_sentence(rng: random.Random, title: str, href: str) -> str:
    """A sentence that links to another page."""
    form = rng.choice(
        [
            "Read more in [{t}]({h}).",
            "There is more about this in [{t}]({h}).",
            "See also [{t}]({h}).",
        ]
    )
    return form.format(t=title, h=href)


def bullet_list(rng: random.Random) -> str:
    """An introduced bullet list of signs or kinds of support."""
    if rng.random() < 0.5:
        items = rng.sample(SIGNS, rng.randint(3, 6))
        intro = "Signs to look out for include:"
    else:
        items = rng.sample(SUPPORTS, rng.randint(3, 6))
        intro = "Support can include:"
    return intro + "\n\n" + "\n".join(f"- {item}" for item in items)


def page_markdown(page: Page, titles: dict[str, str], rng: random.Random) -> str:
    """The standard page: front matter, h1, sections, lists, a note, links, services."""
    description = f"{page.title}: what it is, the signs, and where adults and carers can get help."
    parts = [f"---\ndescription: {yaml_str(description)}\n---\n", f"# {page.title}\n"]
    parts.append(paragraph(rng, page.harm, (2, 3)) + "\n")
    links = list(page.links)
    h2s = rng.sample(H2_TITLES, rng.randint(3, 5))
    for h2 in h2s:
        parts.append(f"## {h2}\n")
        for _ in range(rng.randint(1, 2)):
            text = paragraph(rng, page.harm, (2, 4))
            if links and rng.random() < 0.5:
                target = links.pop()
                text += " " + link_sentence(rng, titles[target], relative(page.src, target))
            parts.append(text + "\n")
        roll = rng.random()
        if roll < 0.35:
            parts.append(bullet_list(rng) + "\n")
        elif roll < 0.55:
            note = paragraph(rng, page.harm, (2, 3))
            parts.append(f'??? note "{rng.choice(NOTE_TITLES)}"\n    {note}\n')
        elif roll < 0.7:
            parts.append(f"### {rng.choice(H3_TITLES)}\n")
            parts.append(paragraph(rng, page.harm) + "\n")
        if rng.random() < 0.12:
            parts.append(f"[services: {rng.choice(SERVICE_LINES)}]\n")
    if links:
        items = [f"- [{titles[t]}]({relative(page.src, t)})" for t in links]
        parts.append("## Related pages\n")
        parts.append("\n".join(items) + "\n")
    parts.append(
        f"Back to the [home page]({relative(page.src, 'index.md')}). In an emergency, call 999.\n"
    )
    return "\n".join(parts)


def easy_markdown(page: Page, rng: random.Random) -> str:
    """The easy read: h1, then question headings, each with picture points."""
    parts = [
        f"---\ndescription: {yaml_str(page.title + ', in easy read.')}\n---\n",
        f"# {page.title}: easy read\n",
    ]
    questions = rng.sample(EASY_QUESTIONS, rng.randint(2, 4))
    for question in questions:
        parts.append(f"## {question.format(easy=page.easy)}\n")
        for _ in range(rng.randint(1, 3)):
            source, alt = rng.choice(EASY_PICTURES)
            chosen = rng.sample(EASY_SENTENCES, rng.randint(1, 3))
            lines = [s.format(easy=page.easy) for s in chosen]
            parts.append(f"[picture: {source} | {alt}]\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)


def home_markdown(pages: list[Page], rng: random.Random) -> str:
    """The home page: what the site is for, help now, and a few pages of each section."""
    parts = [
        f"---\ndescription: {yaml_str('Help for adults who may be abused or neglected.')}\n---\n",
        f"# {SITE_NAME}\n",
        "This website is for adults who may be abused, harmed or neglected, for anyone who is "
        "worried about an adult, and for professionals who work with adults at risk.\n",
        "## Get help now\n",
        "If you or someone else is in danger now, call 999. The National Domestic Abuse "
        "Helpline is free and open 24 hours a day on 0808 2000 247.\n",
        "[services: emergency]\n",
    ]
    for section, name in SECTIONS.items():
        in_section = [p for p in pages if p.section == section][:8]
        if not in_section:
            continue
        parts.append(f"## {name}\n")
        parts.append(paragraph(rng, "abuse", (1, 2)) + "\n")
        parts.append("\n".join(f"- [{p.title}]({p.src})" for p in in_section) + "\n")
    return "\n".join(parts)


def yaml_str(text: str) -> str:
    """A YAML scalar on one line."""
    dumped = yaml.safe_dump(text, width=10_000, default_flow_style=True).strip()
    return dumped.removesuffix("...").strip()


def service_markdown(service: dict[str, Any]) -> str:
    """A service file in the plugin's format: facts in front matter, a sentence of body."""
    data = {k: v for k, v in service.items() if k not in ("id", "body")}
    data["last_verified"] = dt.date.fromisoformat(LAST_VERIFIED)
    data["source"] = "Synthetic benchmark data: not real contact details, except 999, 101, "
    data["source"] += "116 123 and 0808 2000 247."
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n\n{service['body']}\n"


def config(
    pages: list[Page],
    page_count: int,
    plugin: bool = True,
    audio: dict[str, Any] | None = None,
    nav: bool = False,
) -> dict[str, Any]:
    """The mkdocs.yml content as a dict."""
    data: dict[str, Any] = {
        "site_name": SITE_NAME,
        "site_description": f"Synthetic safeguarding site of {page_count} pages for benchmarks.",
        "site_url": "https://example.org/",
        "theme": {"name": "material", "language": "en", "font": False},
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "md_in_html",
            {"toc": {"permalink": True}},
            "pymdownx.details",
            "pymdownx.superfences",
        ],
    }
    if plugin:
        options: dict[str, Any] = {"signposting": {"today": TODAY}}
        if audio:
            options["audio"] = audio
        data["plugins"] = [{"safeguarding": options}]
    else:
        data["plugins"] = []
    if nav:
        entries: list[Any] = [{"Home": "index.md"}]
        for section, name in SECTIONS.items():
            in_section = [{p.title: p.src} for p in pages if p.section == section]
            if in_section:
                entries.append({name: in_section})
        data["nav"] = entries
    return data


def write_config(out: Path, data: dict[str, Any], name: str = "mkdocs.yml") -> Path:
    """Write the configuration ``data`` as ``out/name`` (mkdocs.yml unless told)."""
    path = out / name
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
    return path


def generate(
    out: Path,
    page_count: int,
    seed: int = 1,
    plugin: bool = True,
    audio: dict[str, Any] | None = None,
    nav: bool = False,
) -> dict[str, int]:
    """Write the site; returns counts (pages, easy reads, services, words)."""
    if page_count < 1:
        raise ValueError("--pages must be at least 1")
    rng = random.Random(seed)
    pages = plan_pages(page_count, rng)
    titles = {p.src: p.title for p in pages}
    docs = out / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    texts: dict[str, str] = {"index.md": home_markdown(pages, rng)}
    for page in pages:
        texts[page.src] = page_markdown(page, titles, rng)
        if page.has_easy:
            texts[page.src[:-3] + ".easy.md"] = easy_markdown(page, rng)
    for service in SERVICES:
        texts[f"services/{service['id']}.md"] = service_markdown(service)
    for src, text in texts.items():
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    write_config(out, config(pages, page_count, plugin, audio, nav))
    words = sum(len(text.split()) for src, text in texts.items() if not src.startswith("services/"))
    return {
        "pages": len(pages) + 1,
        "easy_reads": sum(p.has_easy for p in pages),
        "services": len(SERVICES),
        "words": words,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-plugin", action="store_true", help="write 'plugins: []'")
    parser.add_argument("--no-audio", action="store_true", help="set audio: {enabled: false}")
    parser.add_argument(
        "--nav",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="write an explicit nav (default: --no-nav, automatic navigation)",
    )
    parser.add_argument("--audio-workers", type=int, help="audio: {workers: K}")
    parser.add_argument("--audio-cache-dir", help="audio: {cache_dir: DIR}")
    args = parser.parse_args(argv)
    audio: dict[str, Any] = {}
    if args.no_audio:
        audio["enabled"] = False
    if args.audio_workers is not None:
        audio["workers"] = args.audio_workers
    if args.audio_cache_dir:
        audio["cache_dir"] = args.audio_cache_dir
    counts = generate(
        args.out_dir, args.pages, args.seed, not args.no_plugin, audio or None, args.nav
    )
    print(
        f"wrote {args.out_dir}: {counts['pages']} pages, {counts['easy_reads']} easy reads, "
        f"{counts['services']} services, {counts['words']} words"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
