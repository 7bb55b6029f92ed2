"""Bytes to text, and what kind of text: refuse binary, oversized, empty or non-English input early, in one line.

Scraped files arrive in any encoding; a wrong guess turns quotes into mojibake that every later stage would
trust, so decoding is explicit: BOM, then a declared charset, then UTF-8, then charset_normalizer.
"""

from __future__ import annotations

import codecs
import re
from typing import Any, BinaryIO, Literal

from charset_normalizer import from_bytes

from counterpoint.errors import Errors, InputError

__all__ = [
    "Kind",
    "LANGUAGE_NAMES",
    "check_language",
    "check_size",
    "decode",
    "read_capped",
    "sniff",
]

Kind = Literal["text", "html", "feed", "json", "jsonl"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never occur in text (tab, LF, VT, FF, CR and ESC excluded).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_MIN_LETTERS_FOR_LANGUAGE = 40
_MIN_CONFIDENCE = 0.8  # below this py3langid is guessing (name-heavy English scores ~0.1-0.2)

LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "es": "Spanish", "et": "Estonian", "eu": "Basque",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay",
    "mt": "Maltese", "nb": "Norwegian", "nl": "Dutch", "nn": "Norwegian", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "th": "Thai", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


def check_size(size: int, limit: int, source: str) -> None:
    """Refuse input over the byte cap (E005) before reading it whole."""
    if size > limit:
        raise InputError(Errors.E005.format(source=source, size=size, limit=limit), source)


def read_capped(stream: BinaryIO, limit: int, source: str, chunk: int = 65536) -> bytes:
    """Read a stream of unknown length, stopping as soon as it passes the cap (E025)."""
    parts: list[bytes] = []
    total = 0
    while True:
        block = stream.read(chunk)
        if not block:
            return b"".join(parts)
        total += len(block)
        if total > limit:
            raise InputError(Errors.E025.format(source=source, limit=limit), source)
        parts.append(block)


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes to text: BOM, declared charset, UTF-8, else charset_normalizer's best guess.

    Raises E003 (empty), E004 (binary) or E006 (undecodable). A BOM is dropped from the text.
    """
    if not data.strip():
        raise InputError(Errors.E003.format(source=source), source)
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom) :], encoding)
            if text is None:
                raise InputError(Errors.E006.format(source=source), source)
            break
    if text is None:
        _refuse_binary(data, source)
        if declared and _known_codec(declared):
            text = _try(data, declared)
        if text is None:
            text = _try(data, "utf-8")
        if text is None:
            best = from_bytes(data).best()
            if best is None:
                raise InputError(Errors.E006.format(source=source), source)
            text = str(best)
    if not text.strip():
        raise InputError(Errors.E003.format(source=source), source)
    return text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _refuse_binary(data: bytes, source: str) -> None:
    head = data[:8192]
    controls = sum(head.count(bytes([b])) for b in _CONTROL)
    if b"\x00" in head or controls > max(2, len(head) // 50):
        raise InputError(Errors.E004.format(source=source), source)


_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_HTML_TAGS = re.compile(rb"<(?:p|div|article|section|h[1-6]|span|a|br|ul|li|table)[\s/>]", re.IGNORECASE)
_PROLOGUE = re.compile(rb"^(?:\s+|<\?xml[^>]*\?>|<!--.*?-->|<\?xml-stylesheet[^>]*\?>)*", re.DOTALL)


def sniff(data: bytes) -> Kind | None:
    """Say what bytes look like: a feed, HTML, JSON (one document) or JSON lines; None if nothing in particular.

    Only the start is looked at: a feed names its root element first, HTML its doctype or tags.
    """
    head = data[:4096]
    for bom, _ in _BOMS[:3]:  # only ASCII-compatible BOMs matter for these patterns
        if head.startswith(bom):
            head = head[len(bom) :]
    body = head[_PROLOGUE.match(head).end() :]  # type: ignore[union-attr]  # the pattern always matches
    if _FEED_START.match(body):
        return "feed"
    if _HTML_START.search(body[:1024]) or (body.startswith(b"<") and len(_HTML_TAGS.findall(head)) >= 2):
        return "html"
    if re.match(rb"\[\s*\{", body):
        return "json"
    if body.startswith(b"{"):
        first = body.split(b"\n", 1)[0].rstrip()
        return "jsonl" if first.endswith(b"}") else "json"
    return None


def check_language(text: str, source: str) -> str:
    """Return "en", or refuse text in another language (E007). Too little text to tell is accepted."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < _MIN_LETTERS_FOR_LANGUAGE:
        return "en"
    code, probability = _identifier().classify(text[:20000])
    if code == "en" or probability < _MIN_CONFIDENCE:
        return "en"
    language = LANGUAGE_NAMES.get(code, code)
    raise InputError(Errors.E007.format(source=source, language=language), source)


_IDENTIFIER = None


def _identifier() -> Any:  # py3langid has no type hints
    """Load py3langid's model once, with normalized probabilities so a weak guess can be ignored."""
    global _IDENTIFIER
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _IDENTIFIER
