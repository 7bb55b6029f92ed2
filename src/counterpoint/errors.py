"""Every error a user can cause, in one table, each a single clear line (after spaCy's ``Errors``)."""

from __future__ import annotations

__all__ = ["Errors", "CounterpointError", "InputError"]


class Errors:
    """Message templates, formatted with ``str.format``. Codes stay stable so users can search them."""

    E001 = "no such file: {path}"
    E002 = "{path} is a directory; pass the files in it (e.g. {path}/*.txt) or use `counterpoint group`"
    E003 = "{source} is empty"
    E004 = "{source} looks like a binary file, not text or HTML"
    E005 = "{source} is {size:,} bytes, over the {limit:,}-byte cap (raise it with --max-bytes)"
    E006 = "{source} could not be decoded as text"
    E007 = "{source} is not English (detected language: {language}); Counterpoint analyzes English text"
    E008 = "{source}: no article text found in the HTML"
    E009 = "{source}: the feed has no items"
    E010 = "{source}: could not parse the feed ({reason})"
    E011 = "{source}: refused to fetch {host}: it resolves to a {what} address ({address}); pass --allow-private to allow it"
    E012 = "{source}: could not fetch: {reason}"
    E013 = "{source}: HTTP {status} from the server"
    E014 = "{source}: more than {limit} redirects"
    E015 = "{source}: only http and https URLs can be fetched"
    E016 = "{source}: cannot resolve host {host}"
    E017 = "{source} line {line}: not a JSON object ({reason})"
    E018 = "{source} line {line}: the record has no 'text' or 'html'"
    E019 = "{source} line {line}: field {field!r} {problem}"
    E020 = "{value!r} is not a date (use YYYY-MM-DD)"
    E021 = "{source}: '{value}' looks like a bare domain; give a full URL (https://{value}) or an existing path"
    E022 = "{source}: {length:,} characters of text, over the pipeline's limit of {limit:,}"
    E024 = "{source}: no article text left after removing boilerplate; pass --keep-text to analyze it as given"
    E025 = "{source} is more than {limit:,} bytes, over the cap (raise it with --max-bytes)"
    E026 = "{source}: could not read: {reason}"
    E027 = "{source}: a JSON file must hold an object or a list of objects, not {kind}"
    E028 = "{source} holds {count} articles; use analyze_many for several"
    E030 = "spaCy pipeline {name!r} is not installed; install it (see README) or set COUNTERPOINT_MODEL"
    # E050-E059: comparing articles (counterpoint compare)
    E050 = "a comparison needs at least two articles; {count} could be read"
    E051 = "{format!r} is not a comparison format; use one of {formats}"
    # E060-E069: grouping articles into stories (counterpoint group)
    E060 = "{path}: no .txt, .html, .json or .jsonl files in the folder"
    E061 = "{format!r} is not a grouping format; use one of {formats}"
    # E070-E079: the HTML comparison report
    E070 = "article {article}: span [{start}, {end}) ({text!r}) does not match the article text; the comparison is corrupt"
    E071 = "the comparison refers to article {article!r}, which it does not contain"
    # E080-E099: the web app and its library (counterpoint serve)
    E080 = "article {index}: give its text, a URL or a file"
    E081 = "article {index}: give only one of {given}"
    E082 = "a comparison needs at least two articles; {count} given"
    E083 = "the request is over the {limit:,}-byte limit (start the server with a larger --max-bytes)"
    E084 = "this server needs the token it was started with (`counterpoint serve --token`) for this request"
    E085 = "this server listens on {host} without --token, so it is read-only; restart it with --token to allow writes"
    E086 = "no {kind} with id {id!r} in the library"
    E087 = "{path}: not a folder on the server"
    E088 = "give one source to ingest: a JSONL file, a feed URL, or a folder on the server"
    E089 = "{name}: only .txt and .html files can be uploaded here"
    E090 = "host {host!r} is not this server's address; open it as http://127.0.0.1:{port}/"
    E091 = "cross-site request refused (it came from {origin})"
    E092 = "{path}: no .txt, .html, .json or .jsonl files in the folder"
    E093 = "{path}: cannot open the library database: {reason}"
    E094 = "{name}: a JSONL upload must be a .jsonl, .ndjson or .json file, or a feed (.xml, .rss, .atom)"
    E095 = "the server is shutting down; the job was not started"
    E096 = "a comparison takes at most {limit} articles; {count} given (ingest many as a story instead)"
    E097 = (
        "ingesting a folder on the server is turned off because it does not listen on loopback only; upload the"
        " files instead, or start it with --folder-root"
    )
    E098 = "{path}: outside the folder this server ingests from ({root})"


class CounterpointError(Exception):
    """Base of all errors Counterpoint raises on purpose."""


class InputError(CounterpointError, ValueError):
    """A problem with one input source: reported in one line; a batch goes on with the other sources."""

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source
