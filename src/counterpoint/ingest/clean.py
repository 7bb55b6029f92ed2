"""Strip the boilerplate that scraping leaves around an article, line by line, and keep a record of each cut.

Scraped text carries breadcrumbs, share buttons, photo captions, mirror notices and footers. Left in, they
become "sentences" with entities and claims. Each rule below matches a *shape* of line (never a phrase of a
particular outlet); every removed line is kept as a `RemovedLine` with its raw offsets, so nothing vanishes
unseen. Metadata the junk carries (byline, outlet self-references, a date line) is picked up on the way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from counterpoint.ingest.dates import try_parse_date
from counterpoint.model import RemovedLine

__all__ = ["CleanResult", "Line", "clean_text", "split_lines", "RULES"]


@dataclass
class CleanResult:
    """The cleaned text (paragraphs joined by a single newline) and what cleaning found and cut."""

    text: str
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    dateline: str | None = None  # the removed date line as written, e.g. "Published: July 11, 2018"
    published: dt.date | None = None


@dataclass
class Line:
    """One input line: 1-based number and the [start, end) offsets of its stripped content in the raw text."""

    number: int
    start: int
    end: int
    text: str


def split_lines(raw: str) -> list[Line]:
    """Split on \\n, \\r\\n or \\r only (not the exotic separators str.splitlines knows), with offsets."""
    lines: list[Line] = []
    for number, match in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", raw), start=1):
        if match.start() == len(raw) and match.start() > 0:
            break
        content = match.group().rstrip("\r\n")
        lead = len(content) - len(content.lstrip())
        stripped = content.strip()
        start = match.start() + lead
        lines.append(Line(number, start, start + len(stripped), stripped))
    return lines


# ---------------------------------------------------------------- rules: line text -> matched or not

_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
_NAV_SEP = re.compile(r"\s+(?:/|>|»|›|\||·|•|→|::)\s+")
_NAV_WORDS = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|toggle navigation|menu|main menu|back to top|"
    r"you are here:?|home|search)$",
    re.IGNORECASE,
)


def is_navigation(text: str) -> bool:
    """A breadcrumb ("News / Syria", "Home > World > Middle East") or a bare navigation word."""
    if _NAV_WORDS.match(text):
        return True
    if len(text) > 80 or _TERMINAL.search(text):
        return False
    parts = _NAV_SEP.split(text)
    if len(parts) < 2:
        return False
    return all(
        0 < len(part) <= 25 and len(part.split()) <= 3 and (part[0].isupper() or part[0].isdigit()) for part in parts
    )


_NETWORKS = r"(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email|e-mail|print|messenger|copy link)"
_SHARE = re.compile(
    rf"""^(?:
        share(?:\s+(?:this|the))?(?:\s+(?:article|story|post|page|video|link))?(?:\s+(?:on|via|with|to)\s+{_NETWORKS})?
      | (?:click|tap)\s+(?:here\s+)?to\s+(?:share|print|email|tweet|post)\b.*
      | (?:follow|like|join|find)\s+us\s+on\s+[\w .,+&@/]+
      | (?:tweet|pin|comment|comments|email|print)(?:\s+(?:this|the))?(?:\s+(?:article|story|page))?
      | {_NETWORKS}(?:\s*[|,/·•]?\s*{_NETWORKS})+
      | (?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the)\b.*(?:newsletter|channel|podcast|alerts?|updates)\b.*
    )[\s.:!]*$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_share_prompt(text: str) -> bool:
    """A social-sharing or follow prompt ("SHARE THIS ARTICLE", "Share on Facebook", "Follow us on Twitter")."""
    return len(text) <= 100 and bool(_SHARE.match(text))


_MIRROR = re.compile(
    r"\b(?:website|site|web\s?site|page|content)s?\s+(?:can|may)\s+(?:also\s+)?be\s+(?:accessed|reached|found|viewed)"
    r"\s+(?:at|via|on)\s+(?:the\s+)?(?:following\s+)?(?:alternate|alternative|mirror|other|backup)?\s*"
    r"(?:web\s+)?(?:addresses|address|domains?|urls?|links?|sites?)\b",
    re.IGNORECASE,
)
_SELF_REFERENCE = re.compile(r"^(?P<outlet>[A-Z0-9][\w&.' -]{0,60}?)(?:['’]s|['’])\s+(?:official\s+)?(?:web\s?)?site\b")


def is_mirror_notice(text: str) -> bool:
    """A notice listing alternate addresses of the site ("X's website can also be accessed at ...")."""
    return len(text) <= 200 and bool(_MIRROR.search(text))


_CAPTION_END = re.compile(
    r"""(?:
        \((?:[^()]{0,40}\s)?(?:photo|photos|photograph|image|picture|pic|file|credit|screenshot|screengrab|illustration)
        \b[^()]{0,80}\)
      | (?:^|[.!?”"']\s+|\s[|–—-]\s*)(?:photo|photograph|image|picture)s?(?:\s+credits?)?\s*(?::|\s+by\b)\s*[^.]{1,60}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CAPTION_START = re.compile(r"^(?:file\s+photo|file\s+picture|file\s+image)\b", re.IGNORECASE)


def is_caption(text: str) -> bool:
    """A photo caption: a line ending in a credit "(Photo by AFP)", "Image: Reuters", or opening "File photo"."""
    return bool(_CAPTION_END.search(text) or _CAPTION_START.match(text))


_CREDIT = re.compile(
    r"""^(?:
        (?:(?:top|main|lead|header|featured|cover)\s+)?(?:photo|photograph|image|picture|pic|video|illustration|graphic)s?
        (?:\s+credits?)?\s*(?::|\s+by\b|\s+courtesy(?:\s+of)?\b|\s[-–—])
      | credits?\s*:
      | courtesy\s+of\s
    )\s*\S""",
    re.IGNORECASE | re.VERBOSE,
)
_STAFF_CREDIT = re.compile(
    r"^\(?(?:reporting|writing|editing|additional\s+reporting|compiled|edited|translated)\s+by\s+[A-Z]", re.IGNORECASE
)


def is_credit(text: str) -> bool:
    """A credit line on its own: "Photo by X", "Photo credit: X", "Credit: X", "(Reporting by X; Editing by Y)".

    A photo credit is a name, not a sentence: few words, and a full stop only after a very short one
    (so "Photos by amateurs flooded social media on Monday." stays).
    """
    words = len(text.split())
    if _STAFF_CREDIT.match(text):
        return words <= 30
    if not _CREDIT.match(text) or words > 10:
        return False
    return words <= 6 or not _TERMINAL.search(text)


_PROMO = re.compile(
    r"^(?:advertisement|sponsored(?:\s+content)?|read\s+more|read\s+also|also\s+read|see\s+also|related"
    r"(?:\s+(?:articles?|stories|coverage|news|content|topics))?|recommended(?:\s+for\s+you)?|most\s+(?:read|popular)"
    r"|you\s+may\s+also\s+like|more\s+on\s+this\s+story|trending(?:\s+now)?)(?:\s*[:»>|–—-]\s*.*)?$",
    re.IGNORECASE,
)


def is_promo(text: str) -> bool:
    """An ad marker or a link to other stories: "Advertisement", "READ MORE: <other headline>", "Related"."""
    return len(text) <= 160 and bool(_PROMO.match(text))


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ONE_URL = rf"(?:(?:https?|ftp)://\S+|www\.\S+|(?:{_LABEL}\.)+[a-z]{{2,24}}(?:/\S*)?)"
_URL_LINE = re.compile(rf"^<?{_ONE_URL}>?(?:[\s,;|]+<?{_ONE_URL}>?)*[.]?$")


def is_url(text: str) -> bool:
    """A line that is only a URL or a bare domain ("www.example.co.uk"), or a list of them."""
    return bool(_URL_LINE.match(text))


_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
_COPYRIGHT_OWNER = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?"
    r"(?P<owner>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*|\s+(?:of|the|and|for)){0,6})\s*(?:[.,;|]|$)",
    re.IGNORECASE,
)


def copyright_owner(text: str) -> str | None:
    """The name a copyright line credits ("© 2018 Example News. All rights reserved." -> "Example News")."""
    match = _COPYRIGHT_OWNER.match(text)
    if not match or match.group("owner").lower().startswith("all rights"):
        return None
    return match.group("owner").strip()


def is_copyright(text: str) -> bool:
    """A copyright or "All rights reserved" line."""
    return len(text) <= 200 and bool(_COPYRIGHT.search(text))


_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|posted\s+by|author\s*:)\s+(?P<name>\S.*)$", re.IGNORECASE)
_NAME_CONNECTORS = {
    "and", "of", "the", "for", "in", "at", "de", "da", "del", "della", "di", "van", "von", "der", "den", "le",
    "la", "al", "el", "bin", "ibn", "staff", "writer", "writers", "reporter", "reporters", "correspondent",
    "agencies", "wires", "news", "desk", "&", "with", "y", "e", "du", "des", "ten", "ter",
}  # fmt: skip
_BYLINE_DATE = re.compile(r"(?:,|\s[|•·—–-])\s*(?P<date>[^|•·—–]{6,40})$")
_STAFF = re.compile(
    r"^(?P<outlet>[A-Z0-9].*)\s+(?:staff(?:\s+(?:writers?|reporters?))?|newsroom)(?:\s+(?:and|&)\s+(?:agencies|wires))?$",
    re.IGNORECASE,
)


def parse_byline(text: str) -> tuple[str, dt.date | None] | None:
    """("Jane Doe", date or None) if the line is a byline ("By Jane Doe, Reuters", "By X Staff | July 11, 2018")."""
    match = _BYLINE.match(text)
    if not match or len(text) > 100:
        return None
    name = match.group("name").strip()
    published = None
    tail = _BYLINE_DATE.search(name)
    if tail and (found := try_parse_date(tail.group("date"))):
        published = found
        name = name[: tail.start()].strip()
    if re.search(r"[!?;:]$|[^A-Z]\.$", name) or len(name) < 2:
        return None
    words = [w for w in re.split(r"[\s,|/–—]+", name) if w]
    if not words or len(words) > 12 or not words[0][0].isupper():
        return None
    if not all(w[0].isupper() or w[0].isdigit() or w[0] in "@&(" or w.lower() in _NAME_CONNECTORS for w in words):
        return None
    return name, published


def outlet_from_byline(name: str) -> str | None:
    """A byline crediting "<Outlet> Staff" names the outlet: "Example News Staff" -> "Example News"."""
    match = _STAFF.match(name)
    return match.group("outlet").strip() if match else None


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_DATE_PREFIX = re.compile(
    r"^(?:(?:first\s+)?published|(?:last\s+)?updated|posted|(?:last\s+)?modified|date|dated|created|"
    r"release\s+date)(?:\s+(?:on|at))?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_DATE_TOKEN = re.compile(
    rf"""\s*(?:{_MONTH}|{_WEEKDAY}|\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?
      |\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|\d{{1,2}}:\d{{2}}(?::\d{{2}})?|\d{{1,4}}(?:st|nd|rd|th)?
      |[ap]\.?m\.?|(?:utc|gmt)(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?|[A-Z]{{2,5}}|at|on|of|[,|/•·–—-])\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_HAS_DAY = re.compile(rf"(?:{_MONTH}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})", re.IGNORECASE)


def parse_date_line(text: str) -> tuple[bool, dt.date | None]:
    """(is a date line, the date if absolute): "Published: July 11, 2018", "Wed 11 Jul 2018 10:45 GMT"."""
    if len(text) > 80:
        return False, None
    prefix = _DATE_PREFIX.match(text)
    rest = text[prefix.end() :] if prefix and prefix.end() else text
    if not rest or not re.search(r"\d", rest):
        return False, None
    pos = 0
    while pos < len(rest):
        token = _DATE_TOKEN.match(rest, pos)
        if not token or token.end() == pos:
            break
        pos = token.end()
    if pos < len(rest) or not _HAS_DAY.search(rest):
        return False, None
    cleaned = re.sub(r"\s*[|•·]\s*|\s+at\s+|\s+on\s+", " ", rest).strip(" ,-–—")
    return True, try_parse_date(cleaned)


# Rules that judge a line on its own, in order: the first that matches names the removal.
RULES: list[tuple[str, Callable[[str], bool]]] = [
    ("navigation", is_navigation),
    ("share_prompt", is_share_prompt),
    ("promo", is_promo),
    ("mirror_notice", is_mirror_notice),
    ("url", is_url),
    ("credit", is_credit),
    ("caption", is_caption),
    ("footer", is_copyright),
]


# ---------------------------------------------------------------- the pass over the text


def clean_text(raw: str) -> CleanResult:
    """Remove boilerplate lines from scraped text; return kept paragraphs (one per line) and the removals."""
    lines = split_lines(raw)
    result = CleanResult(text="")
    kept: list[Line] = []
    removed: dict[int, str] = {}  # line number -> rule
    for line in lines:
        if not line.text:
            continue
        rule = _classify(line.text, result)
        if rule:
            removed[line.number] = rule
        else:
            kept.append(line)
    for line in _trailing_junk(kept):
        removed[line.number] = "footer"
    kept = [line for line in kept if line.number not in removed]
    by_number = {line.number: line for line in lines}
    result.removed = [
        RemovedLine(line=n, start=by_number[n].start, end=by_number[n].end, text=by_number[n].text, rule=rule)
        for n, rule in sorted(removed.items())
    ]
    paragraphs = _paragraphs(kept, lines)
    result.text = "\n".join(paragraphs)
    if len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        result.title = paragraphs[0]
    return result


def _classify(text: str, result: CleanResult) -> str | None:
    """Name the rule a line falls under (or None), noting any metadata it carries on `result`."""
    byline = parse_byline(text)
    if byline:
        name, published = byline
        if result.byline is None:
            result.byline = name
            result.outlet = outlet_from_byline(name) or result.outlet
        result.published = result.published or published
        return "byline"
    for rule, matches in RULES:
        if matches(text):
            if rule == "mirror_notice" and (self_ref := _SELF_REFERENCE.match(text)) and not result.outlet:
                result.outlet = self_ref.group("outlet").strip()
            if rule == "footer" and not result.outlet:
                result.outlet = copyright_owner(text)
            return rule
    is_date, published = parse_date_line(text)
    if is_date:
        if result.dateline is None:
            result.dateline = text
        result.published = result.published or published
        return "date"
    return None


def _is_body(text: str) -> bool:
    return bool(_TERMINAL.search(text)) or len(text) >= 100


def _trailing_junk(kept: list[Line]) -> list[Line]:
    """Short unpunctuated lines after the last body paragraph ("Outlet News App", "Related topics")."""
    last_body = max((i for i, line in enumerate(kept) if _is_body(line.text)), default=None)
    if last_body is None:
        return []
    tail = kept[last_body + 1 :]
    if all(len(line.text) <= 60 and len(line.text.split()) <= 8 for line in tail):
        return tail
    return []


def looks_like_headline(text: str) -> bool:
    """A headline: a few words, no full stop at the end, not a fragment ending in a comma or colon."""
    words = text.split()
    return 2 <= len(words) <= 25 and len(text) <= 160 and not re.search(r"[.,;:]$", text)


def _paragraphs(kept: list[Line], lines: list[Line]) -> list[str]:
    """Join kept lines into paragraphs, undoing hard wraps (a line broken mid-sentence)."""
    width = _wrap_width(kept, lines)
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in kept:
        if previous is not None and previous.number + 1 == line.number and _continues(previous.text, line.text, width):
            joiner = "" if re.search(r"\w-$", paragraphs[-1]) else " "
            paragraphs[-1] += joiner + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def _continues(previous: str, current: str, width: int | None) -> bool:
    """Whether `current` goes on the paragraph `previous` ended: a lowercase start, or a wrap near the width."""
    if current[:1].islower() and not _TERMINAL.search(previous):
        return True
    return width is not None and len(previous) >= width - 20


def _wrap_width(kept: list[Line], lines: list[Line]) -> int | None:
    """The column a hard-wrapped text breaks at, or None when lines are whole paragraphs.

    Hard-wrapped text has blank lines between paragraphs and many lines just short of one width (60-100).
    """
    lengths = [len(line.text) for line in kept if len(line.text) >= 30]
    if len(lengths) < 3 or not any(not line.text for line in lines):
        return None
    width = max(lengths)
    if not 50 <= width <= 100:
        return None
    near = sum(length >= width - 20 for length in lengths)
    return width if near >= 3 and near >= len(lengths) / 2 else None
