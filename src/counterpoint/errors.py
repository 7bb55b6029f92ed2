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


class CounterpointError(Exception):
    """Base of all errors Counterpoint raises on purpose."""


class InputError(CounterpointError, ValueError):
    """A problem with one input source: reported in one line; a batch goes on with the other sources."""

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source
