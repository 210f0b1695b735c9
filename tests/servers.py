"""Small HTTP servers on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class LocalServer:
    """A running server and what it was asked for."""

    server: ThreadingHTTPServer
    requests: list[dict[str, str]] = field(default_factory=list)

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
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Destination(SimpleHTTPRequestHandler):
    """The neutral page: records each request's path and headers."""

    record: list[dict[str, str]]

    def do_GET(self) -> None:
        self.record.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
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


def start_site(directory: Path) -> LocalServer:
    """Serve a built site folder."""
    return LocalServer(_serve(functools.partial(_QuietFiles, directory=str(directory))))


def start_destination() -> LocalServer:
    """Serve the stand-in neutral destination."""
    record: list[dict[str, str]] = []
    handler = type("Destination", (_Destination,), {"record": record})
    return LocalServer(_serve(handler), requests=record)
