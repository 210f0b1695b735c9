"""The `safeguarding` command: `safeguarding new FOLDER` starts a board's site."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..errors import SafeguardingError
from .site import board_name, create_site


def main(argv: list[str] | None = None) -> int:
    """Run the command; return its exit status."""
    parser = argparse.ArgumentParser(
        prog="safeguarding", description="Tools for Safeguarding Adults Board websites."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="write a new board's website into a new folder")
    new.add_argument("folder", type=Path, help="the new folder, such as anytown-sab")
    new.add_argument("--name", help="the board's name (default: from the folder's name)")
    report = commands.add_parser(
        "report", help="write the editors' report (report/report.html) without publishing"
    )
    report.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    args = parser.parse_args(argv)
    if args.command == "report":
        return write_report(args.config_file)
    name = args.name or board_name(args.folder.resolve())
    try:
        written = create_site(args.folder, name, dt.date.today())
    except SafeguardingError as error:
        print(f"safeguarding: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {len(written)} files for {name} into {args.folder}.")
    print(f"Next: cd {args.folder}, then run 'mkdocs serve' to preview or 'mkdocs build --strict'.")
    print(
        "Before publishing, read the checklist in README.md "
        "(services, library, contacts, site_url)."
    )
    return 0


def write_report(config_file: Path) -> int:
    """Build the site into a temporary folder with the report on: site/ stays as it is, and
    no speech is made (audio minutes come from what is already cached)."""
    import logging
    import tempfile

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    if not config_file.is_file():
        print(
            f"safeguarding: there is no '{config_file}' here: run this in the site's folder, "
            "or give its file with -f.",
            file=sys.stderr,
        )
        return 1
    with tempfile.TemporaryDirectory() as temporary:
        try:
            config = load_config(str(config_file), site_dir=temporary)
            if "safeguarding" not in config.plugins:
                print(
                    f"safeguarding: '{config_file}' does not use the safeguarding plugin.",
                    file=sys.stderr,
                )
                return 1
            options = config.plugins["safeguarding"].config
            options.report.enabled = True
            options.audio.generate = False
            options.safe_publish = False
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            print(f"safeguarding: the report could not be made: {error}", file=sys.stderr)
            return 1
    folder = config_file.resolve().parent / options.report.folder
    print(f"Report written to {folder / 'report.html'} (and report.json beside it).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
