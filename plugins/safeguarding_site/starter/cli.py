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
    args = parser.parse_args(argv)
    name = args.name or board_name(args.folder.resolve())
    try:
        written = create_site(args.folder, name, dt.date.today())
    except SafeguardingError as error:
        print(f"safeguarding: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {len(written)} files for {name} into {args.folder}.")
    print(f"Next: cd {args.folder}, then run 'mkdocs serve' to preview or 'mkdocs build --strict'.")
    print("Before publishing, read the checklist in README.md (services, contacts, site_url).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
