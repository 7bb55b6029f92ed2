"""Fetching URLs and web feeds through httpx.MockTransport, with DNS replaced: no network in these tests (one
real socket, to a server on 127.0.0.1, shows the connected address is checked)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from counterpoint.errors import InputError
from counterpoint.ingest import IngestOptions, read_sources, url
from counterpoint.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = (FIXTURES / "article.html").read_bytes()
TEXT = (
    "The harbor council voted on Tuesday to approve a ferry route linking the old pier with the island, "
    "ending a dispute that had dragged on for almost three years."
)
DNS = {
    "news.example.com": ["93.184.216.34"],
    "www.news.example.com": ["93.184.216.34"],
    "feeds.example.com": ["93.184.216.35"],
    "gazette.example.net": ["93.184.216.36"],
    "intranet.example.com": ["10.1.2.3"],
    "dual.example.com": ["93.184.216.37", "127.0.0.1"],
}


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    def resolve(host: str) -> list[str]:
        if host not in DNS:
            raise OSError("Name or service not known")
        return DNS[host]

    monkeypatch.setattr(url, "resolve_host", resolve)


Handler = Callable[[httpx.Request], httpx.Response]


def run(source: str, handler: Handler, **options: object) -> list[Article | InputError]:
    opts = IngestOptions(transport=httpx.MockTransport(handler), **options)  # type: ignore[arg-type]
    return list(read_sources([source], opts))


def one_error(source: str, handler: Handler, **options: object) -> str:
    found = run(source, handler, **options)
    assert len(found) == 1 and isinstance(found[0], InputError), found
    return str(found[0])


def html_page(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=PAGE, headers={"content-type": "text/html; charset=utf-8"})


def test_fetch_html_page_sends_user_agent() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return html_page(request)

    (article,) = run("https://news.example.com/ferry", handler)
    assert isinstance(article, Article)
    assert seen[0].headers["user-agent"] == "Counterpoint/0.1"
    assert article.source == "https://news.example.com/ferry"
    assert article.url == "https://news.example.com/ferry"  # where it was fetched, over the page's canonical URL
    assert article.outlet == "The Lakeside Courier"
    assert article.published == dt.date(2021, 3, 4)


def test_plain_text_url_gets_the_domain_as_outlet() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=TEXT.encode(), headers={"content-type": "text/plain"})

    (article,) = run("http://www.news.example.com/a.txt", handler)
    assert isinstance(article, Article)
    assert (article.text, article.outlet) == (TEXT, "news.example.com")


def test_declared_charset_is_used() -> None:
    body = ("The café owner said the “new rules” would hurt trade this summer, " * 3).strip()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=body.encode("cp1252"), headers={"content-type": "text/plain; charset=windows-1252"}
        )

    (article,) = run("https://news.example.com/cafe", handler)
    assert isinstance(article, Article) and article.text == body


def test_unreachable_url() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    message = one_error("https://news.example.com/x", handler)
    assert message == "https://news.example.com/x: could not fetch: [Errno 111] Connection refused"
    assert "\n" not in message


def test_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    assert one_error("https://news.example.com/x", handler, timeout=2.5).endswith("timed out after 2.5 s")


def test_http_error_status() -> None:
    assert one_error("https://news.example.com/gone", lambda r: httpx.Response(404)) == (
        "https://news.example.com/gone: HTTP 404 from the server"
    )


def test_unresolvable_host() -> None:
    assert one_error("https://nowhere.example.com/", html_page) == (
        "https://nowhere.example.com/: cannot resolve host nowhere.example.com"
    )


@pytest.mark.parametrize(
    ("address", "what"),
    [("http://127.0.0.1/", "loopback"), ("http://10.0.0.5/", "private"), ("http://[::1]:8080/x", "loopback"),
     ("http://169.254.169.254/latest/meta-data/", "link-local"), ("http://0.0.0.0/", "unspecified"),
     ("http://[::ffff:127.0.0.1]/", "loopback"), ("http://224.0.0.1/", "multicast"),
     ("http://intranet.example.com/", "private"), ("http://dual.example.com/", "loopback")],
)  # fmt: skip
def test_private_addresses_refused(address: str, what: str) -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return html_page(request)

    message = one_error(address, handler)
    assert f"resolves to a {what} address" in message
    assert message.endswith("pass --allow-private to allow it")
    assert calls == []  # refused before any request


def test_allow_private() -> None:
    (article,) = run("http://10.0.0.5/page", html_page, allow_private=True)
    assert isinstance(article, Article) and article.outlet == "The Lakeside Courier"


def test_redirect_to_a_private_host_refused() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if request.url.host == "news.example.com":
            return httpx.Response(302, headers={"location": "http://192.168.1.1/admin"})
        return html_page(request)

    message = one_error("https://news.example.com/story", handler)
    assert "refused to fetch 192.168.1.1: it resolves to a private address (192.168.1.1)" in message
    assert calls == ["https://news.example.com/story"]


def test_redirects_followed_relative_and_counted() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        hop = int(request.url.params.get("hop", "0"))
        if hop < 3:
            return httpx.Response(301, headers={"location": f"/story?hop={hop + 1}"})
        return html_page(request)

    (article,) = run("https://news.example.com/story", handler)
    assert isinstance(article, Article)
    assert article.url == "https://news.example.com/story?hop=3"
    assert one_error("https://news.example.com/story", handler, max_redirects=2) == (
        "https://news.example.com/story: more than 2 redirects"
    )


def test_size_cap_declared_and_streamed() -> None:
    big = b"x" * 2000
    message = one_error("https://news.example.com/big", lambda r: httpx.Response(200, content=big), max_bytes=1000)
    assert message == "https://news.example.com/big is 2,000 bytes, over the 1,000-byte cap (raise it with --max-bytes)"

    def chunked(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"y" * 400] * 10))  # no content-length

    message = one_error("https://news.example.com/big", chunked, max_bytes=1000)
    assert message.startswith("https://news.example.com/big is more than 1,000 bytes")


def test_web_feed_fetches_item_pages_and_falls_back_to_summaries() -> None:
    rss = (FIXTURES / "feed.rss").read_bytes()
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        if request.url.host == "feeds.example.com":
            return httpx.Response(200, content=rss, headers={"content-type": "text/xml"})
        if request.url.path == "/2022/05/bridge-repairs":
            return html_page(request)
        return httpx.Response(500)

    first, second = run("https://feeds.example.com/regional.rss", handler)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert requested == [
        "https://feeds.example.com/regional.rss",
        "https://gazette.example.net/2022/05/bridge-repairs",
        "https://gazette.example.net/2022/05/library-hours",
    ]
    # The first item's page was fetched: its body, with the item's own title and date on top.
    assert first.source == "https://gazette.example.net/2022/05/bridge-repairs"
    assert "spawning grounds" in first.text
    assert (first.title, first.published) == ("Bridge repairs close the river road for a month", dt.date(2022, 5, 9))
    # The second item's page failed (HTTP 500): the summary stands in.
    assert second.text.endswith("most readers wanted longer weekend hours.")
    assert second.outlet == "Valley Gazette"


def test_feed_item_links_get_the_same_host_checks() -> None:
    atom = (FIXTURES / "feed.atom").read_bytes().replace(b"https://ledger.example.com/energy", b"http://127.0.0.1/x")
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return httpx.Response(200, content=atom, headers={"content-type": "application/atom+xml"})

    found = run("https://feeds.example.com/atom", handler)
    assert requested == ["https://feeds.example.com/atom"]  # the loopback link was never fetched
    assert [a.title for a in found if isinstance(a, Article)] == [
        "Wind farm plan wins planning approval",
        "Ferry timetable changes for winter",
    ]


def test_check_host_directly() -> None:
    url.check_host("news.example.com", "s")
    with pytest.raises(InputError, match="private"):
        url.check_host("intranet.example.com", "s")


@pytest.fixture
def local_server():
    """A real HTTP server on 127.0.0.1 serving the article page (the only socket these tests open)."""
    import http.server
    import threading

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _without_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def test_a_name_that_resolves_public_then_connects_to_loopback_is_refused(
    local_server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the check sees a public address, the connection reaches 127.0.0.1; the socket's peer is
    what counts."""
    _without_proxies(monkeypatch)  # a proxy from the machine's environment would stand between
    DNS_REBOUND = {"localhost": ["93.184.216.40"]}  # what the check is told; the socket still reaches 127.0.0.1
    source = f"http://localhost:{local_server}/story"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(url, "resolve_host", lambda host: DNS_REBOUND[host])
        refused = list(read_sources([source], IngestOptions()))
        allowed = list(read_sources([source], IngestOptions(allow_private=True)))
    assert len(refused) == 1 and isinstance(refused[0], InputError)
    assert "loopback address (127.0.0.1)" in str(refused[0])
    assert len(allowed) == 1 and isinstance(allowed[0], Article) and allowed[0].outlet == "The Lakeside Courier"


def test_a_fetch_through_a_proxy_on_a_private_address_is_not_refused(
    local_server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Behind a proxy the socket reaches the proxy (here the local server, on 127.0.0.1), not the page's host:
    the checked host name is what counts."""
    _without_proxies(monkeypatch)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{local_server}")
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{local_server}")
    (article,) = read_sources(["http://news.example.com/ferry"], IngestOptions())
    assert isinstance(article, Article) and article.outlet == "The Lakeside Courier"
