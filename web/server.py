"""Serves the demo clinic page and the widget's files, all from this machine.

    python -m web.server            (scripts/serve.sh starts it; make serve)

Only the files listed in FILES are served: the page, its script and style, the
rasa-webchat bundle and /config.js, which tells the page where the Rasa server is
and which clinic it belongs to (clinic.yml, the one place the clinic's details live).
The Content-Security-Policy keeps the page from loading anything from elsewhere.
Environment: WEB_HOST (default 127.0.0.1), WEB_PORT (8080), RASA_PORT (5005),
RASA_PUBLIC_URL (the Rasa server's URL as the browser sees it; by default the
page's own host name on RASA_PORT).
"""
from __future__ import annotations

import html
import json
import os
import re
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Tuple
from urllib.parse import urlsplit

from actions.clinic import load_clinic

WEB = Path(__file__).resolve().parent
VENDOR = WEB / "node_modules"
PAGE = WEB / "index.html"
WEBCHAT = VENDOR / "rasa-webchat" / "lib" / "index.js"
FILES: Dict[str, Tuple[Path, str]] = {
    "/widget.js": (WEB / "widget.js", "text/javascript; charset=utf-8"),
    "/widget.css": (WEB / "widget.css", "text/css; charset=utf-8"),
    "/vendor/rasa-webchat.js": (WEBCHAT, "text/javascript; charset=utf-8"),
}
# rasa-webchat's styles @import a font from Google's servers: each patient's browser
# would tell a third party that it opened the clinic's chat. The page uses its own
# fonts, so the import is taken out of the bundle as it is served.
THIRD_PARTY_IMPORT = re.compile(rb"@import url\(https?://[^)]*\);")


def served_bytes(path: Path) -> bytes:
    content = path.read_bytes()
    return THIRD_PARTY_IMPORT.sub(b"", content) if path == WEBCHAT else content


def rasa_url(page_host: str) -> str:
    """The Rasa server as the browser sees it: RASA_PUBLIC_URL, or this page's host."""
    configured = os.environ.get("RASA_PUBLIC_URL", "").rstrip("/")
    if configured:
        return configured
    hostname = urlsplit(f"http://{page_host or 'localhost'}").hostname or "localhost"
    if ":" in hostname:  # IPv6 literal
        hostname = f"[{hostname}]"
    return f"http://{hostname}:{os.environ.get('RASA_PORT', '5005')}"


def page_config(rasa: str) -> dict:
    clinic = load_clinic()
    return {
        "socketUrl": rasa,
        "clinicName": clinic.name,
        "clinicPhone": clinic.phone,
        "emergencyNumber": clinic.emergency_number,
    }


def tel_href(phone: str) -> str:
    return "tel:" + re.sub(r"[^\d+]", "", phone)


def render_page() -> bytes:
    """index.html with the clinic's details ({{clinic_name}}, ...) from clinic.yml."""
    clinic = load_clinic()
    values = dict(clinic.slots(), clinic_tel=tel_href(clinic.phone), emergency_tel=tel_href(clinic.emergency_number))
    page = PAGE.read_text(encoding="utf-8")
    return re.sub(r"\{\{(\w+)\}\}", lambda m: html.escape(str(values[m.group(1)])), page).encode()


def content_security_policy(rasa: str) -> str:
    # rasa-webchat injects its styles at run time, hence 'unsafe-inline' for styles
    # only; scripts, fonts, images and connections stay on this page and the server.
    parts = urlsplit(rasa)
    ws_scheme = "wss" if parts.scheme == "https" else "ws"
    connect = f"'self' {parts.scheme}://{parts.netloc} {ws_scheme}://{parts.netloc}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data:; font-src 'self' data:; connect-src {connect}; frame-ancestors 'none'; base-uri 'none'"
    )


class PageHandler(SimpleHTTPRequestHandler):
    server_version = "clinic-page"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = urlsplit(self.path).path
        if path == "/config.js":
            body = ("window.CLINIC_CHAT = " + json.dumps(page_config(self._rasa_url())) + ";\n").encode()
            return self._send(body, "text/javascript; charset=utf-8")
        if path in ("/", "/index.html"):
            return self._send(render_page(), "text/html; charset=utf-8")
        if path == "/health":
            return self._send(b'{"status": "ok"}', "application/json")
        entry = FILES.get(path)
        if entry is None or not entry[0].is_file():
            return self.send_error(HTTPStatus.NOT_FOUND)
        self._send(served_bytes(entry[0]), entry[1])

    def do_HEAD(self) -> None:  # noqa: N802
        self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", content_security_policy(self._rasa_url()))
        self.end_headers()
        self.wfile.write(body)

    def _rasa_url(self) -> str:
        return rasa_url(self.headers.get("Host", ""))


def main() -> None:
    host = os.environ.get("WEB_HOST", "127.0.0.1")
    port = int(os.environ.get("WEB_PORT", "8080"))
    if not WEBCHAT.is_file():
        raise SystemExit("web/node_modules is missing: run `make web-setup` (make serve does it).")
    server = ThreadingHTTPServer((host, port), PageHandler)
    print(f"Clinic page on http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
