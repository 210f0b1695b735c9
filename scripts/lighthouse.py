"""Run Lighthouse on one page of each type of the built site and print the four scores.

Usage: python scripts/lighthouse.py [SITE_DIR]        (run `make site` first)

Lighthouse comes from the npm registry into .cache/lighthouse (once); it drives Debian's
Chromium (CHROME_PATH=/usr/bin/chromium) against the site served on 127.0.0.1, offline. This
is a report, not a test gate. Targets: accessibility 1.00, performance 0.98 or more, best
practices 1.00.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = ROOT / ".cache" / "lighthouse"
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "home": "/",
    "standard page": "/support/domestic-and-sexual-abuse/",
    "easy read": "/support/fire-safety/easy-read/",
    "services directory": "/services/domestic-abuse/",
    "resources (details)": "/making-safeguarding-personal/resources/",
    "A to Z": "/a-z/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-sync "
    "--disable-background-networking --disable-component-update"
)


class Gzipped(SimpleHTTPRequestHandler):
    """Serves text compressed, as any real host does; Lighthouse times what is transferred."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        text = path.suffix in {".html", ".css", ".js", ".json", ".svg"}
        if not (text and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def install() -> None:
    """Install Lighthouse from the npm registry into .cache/lighthouse, once."""
    if CLI.is_file():
        return
    PREFIX.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund", "lighthouse@13"],
        check=True,
    )


def run(url: str) -> dict[str, float]:
    """Lighthouse's category scores for one page."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    done = subprocess.run(
        [
            "node", str(CLI), url, "--output=json", "--output-path=stdout", "--quiet",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
            "--form-factor=mobile", "--throttling-method=simulate",
        ],
        env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    report = json.loads(done.stdout)
    return {c: report["categories"][c]["score"] for c in CATEGORIES}


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site").resolve()
    if not (site / "index.html").is_file():
        sys.exit(f"No built site in {site}: run 'make site' first.")
    install()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipped, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    print("| page | performance | accessibility | best practices | SEO |")
    print("| --- | --- | --- | --- | --- |")
    try:
        for name, path in PAGES.items():
            scores = run(origin + path)
            cells = " | ".join(f"{scores[c]:.2f}" for c in CATEGORIES)
            print(f"| {name} | {cells} |", flush=True)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
