"""Fetch a URL safely: http(s) only, size-capped, and never into the local network unless allowed.

Article URLs come from users and from feeds (anyone's). Every redirect hop is followed by hand so each host
is resolved and checked: a public page must not be able to bounce the fetch to 127.0.0.1 or 10.x. The address
the connection actually reached is checked too, before the body is read: a name can resolve differently twice.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from counterpoint.errors import Errors, InputError

if TYPE_CHECKING:
    from counterpoint.ingest import IngestOptions

__all__ = ["Fetched", "USER_AGENT", "check_host", "fetch", "resolve_host"]

USER_AGENT = "Counterpoint/0.1"
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class Fetched:
    """A fetched body with what is needed to decode and sniff it."""

    url: str  # after redirects
    data: bytes
    content_type: str  # media type only, lowercased ("text/html")
    charset: str | None


def resolve_host(host: str) -> list[str]:
    """The addresses a host name resolves to (module-level so tests can replace it: no DNS in tests)."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]).split("%", 1)[0] for info in infos})


def _non_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Name the kind of non-public address, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("non-public", not address.is_global),
    )
    return next((what for what, hit in checks if hit), None)


def check_host(host: str, source: str) -> None:
    """Refuse a host that is, or resolves to, a private/loopback/link-local/... address (E011, E016)."""
    try:
        addresses = [host.strip("[]")]
        ipaddress.ip_address(addresses[0])
    except ValueError:
        try:
            addresses = resolve_host(host)
        except (OSError, UnicodeError):
            addresses = []
        if not addresses:
            raise InputError(Errors.E016.format(source=source, host=host), source) from None
    for text in addresses:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            raise InputError(Errors.E016.format(source=source, host=host), source) from None
        _refuse_non_public(address, text, host, source)


def _refuse_non_public(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address, text: str, host: str, source: str
) -> None:
    """E011 for a non-public address (shown as given), whether the host name resolved to it or the connection
    reached it."""
    what = _non_public(address)
    if what:
        raise InputError(Errors.E011.format(source=source, host=host, what=what, address=text), source)


def _through_proxy(url: httpx.URL) -> bool:
    """Whether the environment sends this URL through a proxy (as httpx does by default): then the socket reaches
    the proxy, which may well sit on a private address, and the proxy resolves the host itself."""
    proxies = urllib.request.getproxies()
    return bool(proxies.get(url.scheme) or proxies.get("all")) and not urllib.request.proxy_bypass(url.host)


def _check_peer(response: httpx.Response, host: str, source: str) -> None:
    """Refuse a response from a non-public address, read from the socket it came on (E011): the name may have
    resolved to a public address when checked and to a private one when connected (DNS rebinding). Before any
    of the body is read. A transport with no socket (a test's mock) has nothing to check."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return
    text = str(peer[0]).split("%", 1)[0]
    _refuse_non_public(ipaddress.ip_address(text), text, host, source)


def fetch(url: str, options: IngestOptions, *, source: str | None = None) -> Fetched:
    """GET `url`, following up to max_redirects redirects by hand and reading at most max_bytes.

    Raises one-line InputErrors: E015 (scheme), E011/E016 (host), E012 (network), E013 (HTTP status),
    E014 (redirects), E005/E025 (size).
    """
    source = source or url
    client = httpx.Client(
        transport=options.transport,
        timeout=options.timeout,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
    )
    try:
        with client:
            current = _parse(url, source)
            for _hop in range(options.max_redirects + 1):
                if not options.allow_private:
                    check_host(current.host, source)
                with client.stream("GET", current) as response:
                    if not options.allow_private and not _through_proxy(current):
                        _check_peer(response, current.host, source)
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = _parse(str(current.join(response.headers["location"])), source)
                        continue
                    if response.status_code >= 400:
                        raise InputError(Errors.E013.format(source=source, status=response.status_code), source)
                    data = _read(response, options.max_bytes, source)
                    media, charset = _content_type(response.headers.get("content-type", ""))
                    return Fetched(str(response.url), data, media, charset)
            raise InputError(Errors.E014.format(source=source, limit=options.max_redirects), source)
    except httpx.TimeoutException:
        reason = f"timed out after {options.timeout:g} s"
        raise InputError(Errors.E012.format(source=source, reason=reason), source) from None
    except httpx.HTTPError as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(Errors.E012.format(source=source, reason=reason), source) from None


def _parse(url: str, source: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as error:
        raise InputError(Errors.E012.format(source=source, reason=f"invalid URL ({error})"), source) from None
    if parsed.scheme not in ("http", "https"):
        raise InputError(Errors.E015.format(source=source), source)
    if not parsed.host:
        raise InputError(Errors.E012.format(source=source, reason="the URL has no host"), source)
    return parsed


def _read(response: httpx.Response, limit: int, source: str) -> bytes:
    """The body, refusing it as soon as it passes the cap (declared length first, then counted)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(Errors.E005.format(source=source, size=int(declared), limit=limit), source)
    parts: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > limit:
            raise InputError(Errors.E025.format(source=source, limit=limit), source)
        parts.append(chunk)
    return b"".join(parts)


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset
