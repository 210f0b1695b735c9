"""Small HTTP servers on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import contextlib
import functools
import io
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar


@dataclass
class LocalServer:
    """A running server and what it was asked for."""

    server: ThreadingHTTPServer
    requests: list[dict[str, str]] = field(default_factory=list)
    delay: list[float] = field(default_factory=lambda: [0.0])
    """For the destination: seconds it waits before answering (a one-item list it reads)."""

    @property
    def origin(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str = "/") -> str:
        return self.origin + path

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietFiles(SimpleHTTPRequestHandler):
    """Static files with byte ranges, as every real web server serves audio.

    Browsers fetch media in ranges and only allow seeking in a file served that way; the
    standard library's handler always sends the whole file.
    """

    def send_head(self):  # type: ignore[override]
        found = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not found or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first = int(found.group(1)) if found.group(1) else max(0, size - int(found.group(2)))
        last = int(found.group(2)) if found.group(1) and found.group(2) else size - 1
        last = min(last, size - 1)
        if first > last:
            self.send_error(416, "Range not satisfiable")
            return None
        with path.open("rb") as handle:
            handle.seek(first)
            data = handle.read(last - first + 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.end_headers()
        return io.BytesIO(data)

    host_headers: ClassVar[list[tuple[str, list[tuple[str, str]]]]] = []

    def end_headers(self) -> None:
        self.send_header("Accept-Ranges", "bytes")
        for name, value in headers_for(self.host_headers, self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def handle(self) -> None:
        # The browser stops media downloads it no longer needs: not an error.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Destination(SimpleHTTPRequestHandler):
    """The neutral page: records each request's path and headers."""

    record: list[dict[str, str]]
    delay: list[float]  # seconds to wait before answering, so a test can see the page left

    def do_GET(self) -> None:
        self.record.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
        if self.delay and self.delay[0]:
            time.sleep(self.delay[0])
        body = b"<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        """Beacons from pages under test (see test_quick_exit): recorded with their body."""
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        self.record.append({"path": self.path, "body": body})
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(handler) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def read_headers_file(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a Netlify-style ``_headers`` file: a path pattern, then indented headers."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules: list[tuple[str, list[tuple[str, str]]]], path: str) -> dict[str, str]:
    """Headers for ``path`` as Netlify applies them: every matching rule, later ones winning."""
    found: dict[str, str] = {}
    for pattern, headers in rules:
        regex = re.escape(pattern).replace(r"\*", ".*")
        if re.fullmatch(regex, path):
            found.update(headers)
    return found


def start_site(directory: Path, headers_file: Path | None = None) -> LocalServer:
    """Serve a built site folder, with the headers of a ``_headers`` file when given one."""
    rules = read_headers_file(headers_file) if headers_file else []
    handler = type("Files", (_QuietFiles,), {"host_headers": rules})
    return LocalServer(_serve(functools.partial(handler, directory=str(directory))))


def start_page(html: str) -> LocalServer:
    """Serve one page at '/' (for example another website that frames the site)."""
    body = html.encode("utf-8")

    class _Page(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return LocalServer(_serve(_Page))


def start_destination() -> LocalServer:
    """Serve the stand-in neutral destination."""
    record: list[dict[str, str]] = []
    delay = [0.0]
    handler = type("Destination", (_Destination,), {"record": record, "delay": delay})
    server = LocalServer(_serve(handler), requests=record)
    server.delay = delay
    return server
