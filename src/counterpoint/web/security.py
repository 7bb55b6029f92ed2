"""Guards in front of the app: request size, the Host and Origin of requests, and the write token.

Plain ASGI middleware, so they run before any body is parsed: an oversized upload is refused as it arrives, not
after it was read into memory.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import cookie_parser

from ..errors import Errors

__all__ = ["TOKEN_COOKIE", "RequestGuard", "is_loopback"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "counterpoint_token"
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
#: On every response: no MIME sniffing (JSON with article text must never be read as HTML), no framing (the
#: forms cannot be clickjacked), no referrer to other sites (article URLs followed from the library do not learn
#: its paths). Not "no-referrer": with it Chromium sends `Origin: null` on the app's own forms.
_HARDENING = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]")
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class RequestGuard:
    """Refuse, before the app sees it: a body over `max_bytes` (413); on a loopback-bound server, a Host header
    that is not a loopback name (DNS rebinding: a web page must not read the library through its own domain);
    a write whose Origin is another site (cross-site form posts); and, on a server bound elsewhere, a write
    without the token (401), or any write when no token was set (403)."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, host: str, port: int | None, token: str | None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.host = host
        self.port = port
        self.token = token
        self.local = is_loopback(host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        method = scope["method"]
        refusal = self._refusal(scope, headers, method)
        if refusal is not None:
            status, message = refusal
            await _respond(scope, send, status, message)
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _respond(scope, send, 413, Errors.E083.format(limit=self.max_bytes))
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, Errors.E083.format(limit=self.max_bytes))
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in _HARDENING if name not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except HTTPException as error:
            if started or error.status_code != 413:
                raise
            await _respond(scope, send, 413, str(error.detail))

    def _refusal(self, scope: Scope, headers: dict[str, str], method: str) -> tuple[int, str] | None:
        host = _hostname(headers.get("host", ""))
        if self.local and host is not None and not is_loopback(host):
            return 421, Errors.E090.format(host=host, port=self.port or 8000)
        if method in _SAFE_METHODS:
            return None
        origin = headers.get("origin")
        if origin is not None and (
            origin == "null" or urlsplit(origin).netloc.lower() != headers.get("host", "").lower()
        ):
            return 403, Errors.E091.format(origin=origin)
        if self.local:
            return None
        if self.token is None:
            return 403, Errors.E085.format(host=self.host)
        if scope["path"] == "/token":  # the form that sets the token cookie checks the token itself
            return None
        if not self.token_ok(headers):
            return 401, Errors.E084
        return None

    def token_ok(self, headers: dict[str, str]) -> bool:
        """The token, from `Authorization: Bearer`, `X-Counterpoint-Token`, or the cookie the /token form sets."""
        given: list[str] = []
        authorization = headers.get("authorization", "")
        if authorization.lower().startswith("bearer "):
            given.append(authorization[7:].strip())
        if "x-counterpoint-token" in headers:
            given.append(headers["x-counterpoint-token"].strip())
        # Parsed as Starlette writes it: a value with characters such as "/", "=" or a space (base64 tokens,
        # passphrases) is sent back quoted and escaped, and compared raw it would never match.
        cookie = cookie_parser(headers.get("cookie", "")).get(TOKEN_COOKIE)
        if cookie:
            given.append(cookie)
        return any(hmac.compare_digest(value.encode(), (self.token or "").encode()) for value in given if value)


def _hostname(header: str) -> str | None:
    if not header:
        return None
    try:
        return urlsplit("//" + header).hostname
    except ValueError:
        return header


async def _respond(scope: Scope, send: Send, status: int, message: str) -> None:
    """A refusal: JSON for the API, a short escaped page for browsers."""
    if scope["path"].startswith("/api/"):
        body = json.dumps({"detail": message}).encode()
        content_type = b"application/json"
    else:
        from markupsafe import escape

        body = (
            f"<!doctype html><meta charset=utf-8><title>Refused</title><p>{escape(message)}</p>"
            f'<p><a href="/">Back</a>{" · <a href=/token>Enter the token</a>" if status == 401 else ""}</p>'
        ).encode()
        content_type = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
