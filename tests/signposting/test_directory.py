"""Tests for safeguarding_site.signposting.directory."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from safeguarding_site.errors import SafeguardingError
from safeguarding_site.jsoncache import JsonCache
from safeguarding_site.signposting import schema
from safeguarding_site.signposting.directory import ServiceSource, load_directory, service_record
from safeguarding_site.signposting.model import Category
from safeguarding_site.signposting.schema import ServiceSchema
from safeguarding_site.sources import check_front_matter

TODAY = dt.date(2026, 11, 22)
CATEGORIES = [
    Category("domestic-abuse", "Domestic abuse", "Help with abuse."),
    Category("emergency", "Emergency", "Danger now."),
]
GOOD = """\
    ---
    name: National Domestic Abuse Helpline
    categories: [domestic-abuse]
    phone:
      - number: 0808 2000 247
        hours: 24 hours
    website: https://www.nationaldahelpline.org.uk
    free: true
    last_verified: 2026-05-01
    source: https://www.nationaldahelpline.org.uk
    ---

    A free helpline.
"""


def source(text: str = GOOD, path: str = "services/ndah.md", **replace: str) -> ServiceSource:
    """A service file, with some front matter lines replaced."""
    text = textwrap.dedent(text)
    for old, new in replace.items():
        text = text.replace(old.replace("_", " ") if " " in old else old, new)
    return ServiceSource(path, text)


def load(*sources: ServiceSource):
    """Load with a trivial Markdown renderer."""
    return load_directory(list(sources), CATEGORIES, lambda md: f"<p>{md}</p>", TODAY)


def error_of(*sources: ServiceSource) -> str:
    """The message a bad directory gives."""
    with pytest.raises(SafeguardingError) as error:
        load(*sources)
    return str(error.value)


def test_good_service_loads():
    """A complete file becomes a service with its id from the file name."""
    directory = load(source())
    service = directory.services["ndah"]
    assert service.name == "National Domestic Abuse Helpline"
    assert service.data.phone[0].number.dial == "+448082000247"
    assert service.description_html == "<p>A free helpline.</p>"
    assert directory.in_category("domestic-abuse") == [service]


def test_unknown_category():
    """An unknown category is named, with the known ones."""
    bad = source(text=GOOD.replace("[domestic-abuse]", "[domestic-abuses]"))
    assert error_of(bad) == (
        "Service 'services/ndah.md': field 'categories': unknown category 'domestic-abuses'. "
        "Did you mean 'domestic-abuse'? Known categories: domestic-abuse, emergency (set them "
        "in mkdocs.yml under signposting.categories)."
    )


def test_invalid_phone_names_field():
    """A wrong phone number names the file and the field path."""
    bad = source(text=GOOD.replace("0808 2000 247", "'999x'"))
    assert error_of(bad) == (
        "Service 'services/ndah.md': field 'phone[0].number': '999x' is not a UK phone number: "
        "use digits and spaces only, such as '0808 2000 247' or '999'"
    )


def test_http_url_refused():
    """Websites must be https."""
    bad = source(text=GOOD.replace("website: https://", "website: http://"))
    assert error_of(bad) == (
        "Service 'services/ndah.md': field 'website': 'http://www.nationaldahelpline.org.uk' is "
        "not an https address; write it as 'https://…'"
    )


def test_missing_name():
    """The name is required."""
    bad = source(text=GOOD.replace("    name: National Domestic Abuse Helpline\n", ""))
    assert error_of(bad) == "Service 'services/ndah.md': field 'name': this field is required"


def test_no_contact_route():
    """A service nobody can reach is refused."""
    text = GOOD.replace("    phone:\n      - number: 0808 2000 247\n        hours: 24 hours\n", "")
    text = text.replace("    website: https://www.nationaldahelpline.org.uk\n", "")
    assert error_of(source(text=text)) == (
        "Service 'services/ndah.md': no way to contact the service. Add at least one of "
        "'phone', 'text_relay', 'textphone', 'sms', 'email' or 'website'."
    )


def test_duplicate_ids():
    """Two files with one id are both named."""
    second = source(
        path="services/other.md",
        text=GOOD.replace("---\n    name", "---\n    id: ndah\n    name", 1),
    )
    assert error_of(source(), second) == (
        "Services 'services/ndah.md' and 'services/other.md' both have the id 'ndah'. Give one "
        "of them another file name or 'id'."
    )


def test_future_date():
    """A check date after today is a mistake."""
    bad = source(text=GOOD.replace("2026-05-01", "2027-01-01"))
    assert error_of(bad) == (
        "Service 'services/ndah.md': field 'last_verified': 2027-01-01 is in the future (today "
        "is 2026-11-22). Give the date the details were last checked."
    )


def test_unknown_field():
    """A misspelt field is named with the known fields."""
    bad = source(text=GOOD.replace("free: true", "freee: true"))
    assert error_of(bad).startswith(
        "Service 'services/ndah.md': field 'freee': unknown field. Known fields: id, name,"
    )


def test_every_problem_reported_at_once():
    """Several bad files give one message with a line for each."""
    one = source(text=GOOD.replace("https://www", "http://www"))
    two = source(path="services/b.md", text=GOOD.replace("[domestic-abuse]", "[nope]"))
    assert len(error_of(one, two).splitlines()) == 2


def test_empty_description():
    """A service needs a plain description."""
    bad = source(text=GOOD.replace("\n    A free helpline.\n", "\n"))
    assert "the description is empty" in error_of(bad)


def test_stale_services():
    """Services checked more than N months ago are listed."""
    directory = load(source())
    assert directory.stale(dt.date(2027, 5, 1), 12) == []
    assert [s.id for s in directory.stale(dt.date(2027, 5, 2), 12)] == ["ndah"]


def test_resolve_categories_and_ids():
    """Refs expand categories and keep each service once."""
    directory = load(source())
    assert [s.id for s in directory.resolve(["domestic-abuse", "ndah"], "a.md")] == ["ndah"]
    with pytest.raises(SafeguardingError) as error:
        directory.resolve(["nope"], "help/fire.md")
    assert str(error.value) == (
        "Page 'help/fire.md': signposting 'nope' is neither a category nor a service. "
        "Categories: domestic-abuse, emergency. Services: ndah."
    )


def test_json_has_every_field():
    """The open-data file lists every field of every service."""
    data = json.loads(load(source()).to_json())
    service = data["services"][0]
    assert service["phone"] == [
        {"number": "0808 2000 247", "dial": "+448082000247", "label": None, "hours": "24 hours"}
    ]
    assert service["last_verified"] == "2026-05-01"
    assert set(service) >= {"id", "name", "categories", "website", "free", "source", "who_for"}
    assert [c["id"] for c in data["categories"]] == ["domestic-abuse", "emergency"]


def test_json_record_is_the_schema_dump():
    """services.json records are what pydantic's JSON dump gave, key for key, in order."""
    text = textwrap.dedent(GOOD).replace("free: true", "free: true\nlanguages: English")
    service = load(source(text=text)).services["ndah"]
    meta = {**check_front_matter(text, "services/ndah.md"), "id": "ndah"}
    expected = ServiceSchema.model_validate(meta).model_dump(mode="json")
    expected["phone"] = [
        {"number": "0808 2000 247", "dial": "+448082000247", "label": None, "hours": "24 hours"}
    ]
    expected["description_html"] = "<p>A free helpline.</p>"
    expected["translated_html"] = {}
    assert list(service_record(service).items()) == list(expected.items())


# ---- The cache of checked service files ------------------------------------------------


def cached_load(cache: JsonCache, *sources: ServiceSource, today: dt.date = TODAY, **kwargs):
    """Load with a cache; ``categories`` and ``render`` may be replaced."""
    categories = kwargs.get("categories", CATEGORIES)
    render = kwargs.get("render", lambda md: f"<p>{md}</p>")
    return load_directory(list(sources), categories, render, today, cache=cache)


def cached_error(cache: JsonCache, *sources: ServiceSource, **kwargs) -> str:
    with pytest.raises(SafeguardingError) as error:
        cached_load(cache, *sources, **kwargs)
    return str(error.value)


def refuse_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make checking a file with pydantic fail the test."""

    def refuse(meta, where):
        raise AssertionError(f"{where} was checked again")

    monkeypatch.setattr(schema, "validate_service", refuse)


def test_unchanged_file_comes_from_the_cache(tmp_path, monkeypatch):
    """The second load gives the same services without checking the file again."""
    cache = JsonCache(tmp_path)
    first = cached_load(cache, source())
    refuse_schema(monkeypatch)
    second = cached_load(cache, source())
    assert second.services == first.services
    assert second.to_json() == first.to_json()


def test_changed_file_is_checked_again(tmp_path):
    """A changed file is a new key: its new values are checked and used."""
    cache = JsonCache(tmp_path)
    cached_load(cache, source())
    changed = source(text=GOOD.replace("24 hours", "9am to 5pm"))
    assert cached_load(cache, changed).services["ndah"].data.phone[0].hours == "9am to 5pm"
    bad = source(text=GOOD.replace("0808 2000 247", "'999x'"))
    assert "'999x' is not a UK phone number" in cached_error(cache, bad)


def test_errors_are_not_cached(tmp_path):
    """A bad file gives the same message every time, and nothing is stored for it."""
    cache = JsonCache(tmp_path)
    bad = source(text=GOOD.replace("https://www", "http://www"))
    message = cached_error(cache, bad)
    assert message.startswith("Service 'services/ndah.md': field 'website':")
    assert cached_error(cache, bad) == message
    unknown = source(text=GOOD.replace("[domestic-abuse]", "[nope]"))
    assert cached_error(cache, unknown) == cached_error(cache, unknown)
    assert list(tmp_path.iterdir()) == []


def test_removed_category_is_reported_despite_the_cache(tmp_path):
    """The category ids are part of the key: a service whose category went is refused."""
    cache = JsonCache(tmp_path)
    cached_load(cache, source())
    assert cached_error(cache, source(), categories=CATEGORIES[1:]) == (
        "Service 'services/ndah.md': field 'categories': unknown category 'domestic-abuse'. "
        "Known categories: emergency (set them in mkdocs.yml under signposting.categories)."
    )


def test_the_day_and_the_markdown_are_not_cached(tmp_path, monkeypatch):
    """The date check and the description use this build's day and Markdown."""
    cache = JsonCache(tmp_path)
    cached_load(cache, source())
    refuse_schema(monkeypatch)
    assert cached_error(cache, source(), today=dt.date(2026, 4, 30)) == (
        "Service 'services/ndah.md': field 'last_verified': 2026-05-01 is in the future (today "
        "is 2026-04-30). Give the date the details were last checked."
    )
    directory = cached_load(cache, source(), render=lambda md: f"<div>{md}</div>")
    assert directory.services["ndah"].description_html == "<div>A free helpline.</div>"


def test_damaged_cache_entry_is_checked_again(tmp_path):
    """An entry that is not a service's data is ignored and replaced."""
    cache = JsonCache(tmp_path)
    first = cached_load(cache, source())
    (entry,) = tmp_path.iterdir()
    entry.write_text('{"id": "ndah"}', encoding="utf-8")
    assert cached_load(cache, source()).services == first.services
    assert json.loads(entry.read_text(encoding="utf-8"))["name"] == first.services["ndah"].name
