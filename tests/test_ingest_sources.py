"""Files, stdin, strings, records and feeds: what each source gives, and every way a source can be bad."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from counterpoint.errors import InputError
from counterpoint.ingest import IngestOptions, read_sources, read_text
from counterpoint.ingest.dates import parse_date
from counterpoint.ingest.detect import decode, sniff
from counterpoint.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

FRENCH = (
    "Le conseil municipal a voté mardi soir la création d'une nouvelle ligne de bac entre le vieux port et l'île, "
    "mettant fin à un différend qui durait depuis presque trois ans. Les pêcheurs ont annoncé qu'ils feraient appel."
)
GERMAN = (
    "Der Gemeinderat hat am Dienstagabend beschlossen, eine neue Fährverbindung zwischen dem alten Hafen und der "
    "Insel einzurichten. Die Fischer kündigten an, gegen die Entscheidung Einspruch einzulegen."
)
ENGLISH = (
    "The harbor council voted on Tuesday to approve a ferry route linking the old pier with the island, "
    "ending a dispute that had dragged on for almost three years."
)


def results(*sources: str | Path, options: IngestOptions | None = None) -> list[Article | InputError]:
    return list(read_sources([str(s) for s in sources], options))


def one_error(source: str | Path, options: IngestOptions | None = None) -> str:
    found = results(source, options=options)
    assert len(found) == 1
    assert isinstance(found[0], InputError), found[0]
    return str(found[0])


def one_article(source: str | Path, options: IngestOptions | None = None) -> Article:
    found = results(source, options=options)
    assert len(found) == 1
    assert isinstance(found[0], Article), found[0]
    return found[0]


# ------------------------------------------------------------------ bad inputs, one line each


def test_missing_path() -> None:
    assert one_error("/no/such/file.txt") == "no such file: /no/such/file.txt"


def test_directory(tmp_path: Path) -> None:
    assert one_error(tmp_path).startswith(f"{tmp_path} is a directory")


@pytest.mark.parametrize("value", ["example.com", "www.example.org", "news.example.co.uk/world/story-1"])
def test_bare_domain(value: str) -> None:
    message = one_error(value)
    assert "looks like a bare domain" in message
    assert f"https://{value}" in message


def test_missing_file_with_a_file_extension_is_not_a_domain() -> None:
    assert one_error("notes.json") == "no such file: notes.json"


def test_other_scheme_refused() -> None:
    assert "only http and https" in one_error("file:///etc/passwd")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert one_error(path) == f"{path} is empty"
    path.write_bytes(b"  \n\t\n")
    assert one_error(path) == f"{path} is empty"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert one_error(path) == f"{path} looks like a binary file, not text or HTML"


def test_cp1252_file_decodes_right(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    text = (
        "The café owner said the “new rules” would hurt trade. "
        "She added that the council’s decision came too late for the summer season."
    )
    path.write_bytes(text.encode("cp1252"))
    assert one_article(path).text == text


def test_latin1_file_decodes_right(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    text = "The café in the old town reopened on Monday after a year of repairs, its owner José said."
    path.write_bytes(text.encode("latin-1"))
    assert one_article(path).text == text


def test_utf8_bom_and_utf16_bom() -> None:
    assert decode("\ufeffHello “world”".encode(), "x") == "Hello “world”"
    assert decode("Hello “world”".encode("utf-16"), "x") == "Hello “world”"


def test_over_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ENGLISH * 10, encoding="utf-8")
    message = one_error(path, IngestOptions(max_bytes=500))
    assert message == f"{path} is {path.stat().st_size:,} bytes, over the 500-byte cap (raise it with --max-bytes)"


def test_stdin_over_the_cap() -> None:
    options = IngestOptions(max_bytes=100, stdin=io.BytesIO(ENGLISH.encode() * 3))
    assert one_error("-", options).startswith("stdin is more than 100 bytes")


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "French"), (GERMAN, "German")])
def test_non_english_refused(tmp_path: Path, text: str, language: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    message = one_error(path)
    assert message == (f"{path} is not English (detected language: {language}); Counterpoint analyzes English text")
    assert one_article(path, IngestOptions(check_language=False)).text == text


def test_short_text_not_refused() -> None:
    assert read_text("Merci beaucoup.").language == "en"


def test_html_with_no_article_text() -> None:
    path = FIXTURES / "no_article.html"
    assert one_error(path) == f"{path}: no article text found in the HTML"


def test_feed_with_no_items() -> None:
    path = FIXTURES / "empty_feed.rss"
    assert one_error(path) == f"{path}: the feed has no items"


def test_unparsable_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<rss version='2.0'><channel><title>Broken</title><ite", encoding="utf-8")
    assert one_error(path) == f"{path}: could not parse the feed (unclosed token)"
    path.write_text("<?xml version='1.0'?><note><to>Someone</to></note>", encoding="utf-8")
    assert one_error(path) == f"{path}: could not parse the feed (not RSS or Atom)"


def test_a_batch_goes_on_past_bad_sources(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    found = results("/no/such.txt", good, "example.com", FIXTURES / "plain.txt")
    assert [type(item).__name__ for item in found] == ["InputError", "Article", "InputError", "Article"]


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("value", "date"),
    [("2018-07-11", dt.date(2018, 7, 11)), ("July 11, 2018", dt.date(2018, 7, 11)),
     ("11 July 2018", dt.date(2018, 7, 11)), ("2018-07-11T10:00:00Z", dt.date(2018, 7, 11))],
)  # fmt: skip
def test_parse_date(value: str, date: dt.date) -> None:
    assert parse_date(value) == date


@pytest.mark.parametrize(
    "value", ["yesterday", "3 days ago", "last Tuesday", "next week", "today", "July 2018", "soon"]
)
def test_relative_or_partial_dates_refused(value: str) -> None:
    with pytest.raises(InputError, match="is not a date"):
        parse_date(value)


# ------------------------------------------------------------------ text, stdin, read_text


def test_plain_text_file() -> None:
    article = one_article(FIXTURES / "plain.txt")
    assert article.source == str(FIXTURES / "plain.txt")
    assert article.title == "Library extends weekend opening hours"
    assert article.byline == "Valley Gazette Staff"
    assert article.outlet == "Valley Gazette"
    assert article.text.split("\n") == [
        "Library extends weekend opening hours",
        "The town library will open on Sundays from next month, after a survey showed that most readers wanted "
        "longer weekend hours.",
    ]
    assert [r.rule for r in article.removed] == ["byline", "share_prompt"]
    assert article.sentences == [] and article.entities == [] and article.times == []


def test_options_override_everything() -> None:
    options = IngestOptions(outlet="Override Post", published=dt.date(2020, 1, 2), title="Given title")
    article = one_article(FIXTURES / "plain.txt", options)
    assert (article.outlet, article.published, article.title) == ("Override Post", dt.date(2020, 1, 2), "Given title")


def test_keep_text_leaves_input_byte_identical(tmp_path: Path) -> None:
    raw = "News > Local\r\n\r\nSHARE THIS ARTICLE\r\n  " + ENGLISH + "  \r\nwww.example.com\r\n"
    path = tmp_path / "raw.txt"
    path.write_bytes(raw.encode("utf-8"))
    article = one_article(path, IngestOptions(keep_text=True))
    assert article.text == raw
    assert article.text.encode("utf-8") == path.read_bytes()
    assert article.removed == []
    assert read_text(raw, IngestOptions(keep_text=True)).text == raw


def test_stdin_is_sniffed() -> None:
    article = one_article("-", IngestOptions(stdin=io.BytesIO(ENGLISH.encode())))
    assert article.source == "stdin"
    assert article.text == ENGLISH
    html = (FIXTURES / "article.html").read_bytes()
    article = one_article("-", IngestOptions(stdin=io.BytesIO(html)))
    assert article.outlet == "The Lakeside Courier"
    found = results("-", options=IngestOptions(stdin=io.BytesIO((FIXTURES / "feed.atom").read_bytes())))
    assert [a.title for a in found if isinstance(a, Article)] == [
        "Wind farm plan wins planning approval",
        "Ferry timetable changes for winter",
    ]


def test_read_text_metadata_precedence() -> None:
    text = "Ferry route approved\nBy Harbor Radio Staff\nPublished: March 4, 2021\n" + ENGLISH
    article = read_text(text)
    assert (article.outlet, article.published, article.source) == ("Harbor Radio", dt.date(2021, 3, 4), "text")
    article = read_text(text, source="api", outlet="Given Outlet", published="2021-03-05", url="https://x.example/a")
    assert (article.outlet, article.published, article.url) == (
        "Given Outlet",
        dt.date(2021, 3, 5),
        "https://x.example/a",
    )
    article = read_text(text, IngestOptions(outlet="Option Outlet"), outlet="Given Outlet")
    assert article.outlet == "Option Outlet"
    with pytest.raises(InputError, match="is empty"):
        read_text("   \n ")
    with pytest.raises(TypeError):
        read_text(text, colour="blue")


def test_outlet_falls_back_to_the_url_domain() -> None:
    article = read_text(ENGLISH, url="https://www.presstv.example/Detail/2018/07/11")
    assert article.outlet == "presstv.example"


def test_sniff() -> None:
    assert sniff(b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">') == "feed"
    assert sniff(b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b"<div><p>Hello</p></div>") == "html"
    assert sniff(b'{"text": "a"}\n{"text": "b"}\n') == "jsonl"
    assert sniff(b'[{"text": "a"}]') == "json"
    assert sniff(b"[Updated] The council met on Tuesday.") is None
    assert sniff(b"The <b>council</b> met.") is None


def test_txt_file_holding_html_is_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes((FIXTURES / "article.html").read_bytes())
    assert one_article(path).title == "Harbor council approves new ferry route"


def test_xml_extension_with_html_content_is_html(tmp_path: Path) -> None:
    path = tmp_path / "page.xml"
    path.write_bytes((FIXTURES / "article.html").read_bytes())
    assert one_article(path).outlet == "The Lakeside Courier"


# ------------------------------------------------------------------ HTML


def test_html_page() -> None:
    article = one_article(FIXTURES / "article.html")
    assert article.title == "Harbor council approves new ferry route"
    assert article.outlet == "The Lakeside Courier"
    assert article.byline == "Mara Okonkwo"
    assert article.published == dt.date(2021, 3, 4)
    assert article.url == "https://courier.example.org/news/ferry-route"
    paragraphs = article.text.split("\n")
    assert paragraphs[0] == article.title
    assert paragraphs[1].startswith("The harbor council voted on Tuesday")
    assert "SHARE THIS ARTICLE" not in article.text
    assert "window.tracking" not in article.text
    assert [r.rule for r in article.removed] == ["share_prompt"]


def test_html_fragment_falls_back_to_its_text() -> None:
    article = one_article(FIXTURES / "fragment.html")
    assert article.text.startswith("The school board voted to keep the village school open")


# ------------------------------------------------------------------ records


def test_jsonl_bad_lines_reported_good_lines_read() -> None:
    path = FIXTURES / "records.jsonl"
    found = results(path)
    articles = {a.id: a for a in found if isinstance(a, Article)}
    errors = [str(e) for e in found if isinstance(e, InputError)]
    assert list(articles) == ["r-1", "3", "r-8"]
    assert errors == [
        f"{path} line 2: not a JSON object (Expecting ',' delimiter)",
        f"{path} line 5: the record has no 'text' or 'html'",
        f"{path} line 6: not a JSON object (got a list)",
        f"{path} line 7: field 'published' is not an absolute date: 'yesterday' (use YYYY-MM-DD)",
        f"{path} line 8: field 'title' must be a string, not a number",
    ]
    first = articles["r-1"]
    assert first.source == f"{path}:line 1"
    assert (first.title, first.outlet, first.byline) == ("Dam inspection finds cracks", "Valley Gazette", "Tomas Reyes")
    assert (first.url, first.published) == ("https://gazette.example.net/dam", dt.date(2022, 6, 1))
    assert first.text.endswith("SHARE THIS ARTICLE")  # record text is taken as given
    assert first.removed == []
    html_record = articles["3"]
    assert html_record.published == dt.date(2022, 6, 3)
    assert html_record.text.startswith("Repairs approved\nThe water board approved the repair budget")
    assert (articles["r-8"].published, articles["r-8"].byline) == (dt.date(2022, 6, 4), "Ana Ruiz")


def test_jsonl_clean_option() -> None:
    found = results(FIXTURES / "records.jsonl", options=IngestOptions(clean=True))
    first = next(a for a in found if isinstance(a, Article))
    assert not first.text.endswith("SHARE THIS ARTICLE")
    assert [r.rule for r in first.removed] == ["share_prompt"]


def test_json_list_with_line_numbers() -> None:
    path = FIXTURES / "records.json"
    found = results(path)
    assert [a.id for a in found if isinstance(a, Article)] == ["j-1", "j-2"]
    assert [a.source for a in found if isinstance(a, Article)] == [f"{path}:line 2", f"{path}:line 4"]
    assert [str(e) for e in found if isinstance(e, InputError)] == [
        f"{path} line 9: the record has no 'text' or 'html'"
    ]


def test_json_single_object_and_wrong_top_level(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": ENGLISH, "outlet": "Harbor Radio"}), encoding="utf-8")
    article = one_article(path)
    assert (article.source, article.outlet, article.text) == (str(path), "Harbor Radio", ENGLISH)
    path.write_text('"just a string"', encoding="utf-8")
    assert "must hold an object or a list of objects, not a string" in one_error(path)
    path.write_text('{"text": ', encoding="utf-8")
    assert one_error(path).startswith(f"{path} line 1: not a JSON object (")


# ------------------------------------------------------------------ local feeds


def test_rss_file() -> None:
    path = FIXTURES / "feed.rss"
    found = results(path)
    assert all(isinstance(a, Article) for a in found)
    first, second = found
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.source == f"{path}:item 1"
    assert first.title == "Bridge repairs close the river road for a month"
    assert first.url == "https://gazette.example.net/2022/05/bridge-repairs"
    assert first.outlet == "Valley Gazette"  # the feed's title, without its section
    assert first.byline == "Tomas Reyes"
    assert first.published == dt.date(2022, 5, 9)
    assert first.text.split("\n")[1].startswith("The river road will close for a month from Monday")  # full content
    assert [r.rule for r in first.removed] == ["share_prompt"]
    assert second.text == (
        "Library extends weekend opening hours\nThe town library will open on Sundays from next month, after a "
        "survey showed that most readers wanted longer weekend hours."
    )


def test_atom_file() -> None:
    found = results(FIXTURES / "feed.atom")
    first, second = found
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.outlet, first.byline, first.published) == ("Northern Ledger", "Signe Halvorsen", dt.date(2023, 11, 1))
    assert first.text.split("\n")[2] == "Residents who opposed it said they would ask for a judicial review."
    assert second.url is None  # an Atom id (urn:uuid:...) is not a link
    assert second.published == dt.date(2023, 11, 2)
