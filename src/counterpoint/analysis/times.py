"""Time expressions: find them in an article and resolve them to ISO 8601 values.

Why a hand-written grammar: dateparser is accurate but costs milliseconds per call and the pipeline's overhead
budget over bare spaCy is small, so the common shapes are parsed here with one compiled regular expression,
anchored only near "head" tokens (month and weekday names, time units, year-like numbers) found with numpy over
spaCy's token arrays, plus calendar arithmetic. spaCy's DATE/TIME entities confirm ambiguous words ("May", bare
years, "fall", "a day") and contribute spans the grammar does not know; those go to dateparser (cached) only when
they hold a digit or a month name, and otherwise stay as spans with no value.

Conventions
- Span: the time words only. Prepositions are left out ("since September 2015" -> "September 2015", "back in
  2015" -> "2015", "for three years" -> "three years"); words that change the value are kept ("last year",
  "earlier this month", "a day earlier", "mid-2015", "next Thursday"). A leading "the" is kept only before a
  common noun ("the day before", "the past decade", "the summer"), never before a name or number ("1990s").
- kind: "absolute" when the words alone fix the value ("May 9, 2018", "2015"); "relative" when an anchor was
  needed (weekdays, bare months, "last year", "a day earlier"); "duration" for lengths ("three years" -> "P3Y").
- Anchors: weekdays, bare months and deictics ("yesterday", "last month", "two weeks ago") resolve against the
  publication date. News convention: a bare weekday or month is the most recent one on or before it, unless the
  governing verb is future ("will", "could", "is set to") or the text says "next". A month, month-day, season or
  holiday that modifies a noun or a present-tense verb ("the Nov. 8 election", "if she wins in November") gets
  the nearest occurrence instead, a future one counting twice as far. Offsets without an anchor of their own
  ("a day earlier", "three days later", "the next day", "that week") resolve against the previous resolved time in
  the text (so they chain), else the publication date. Offsets tied to an event ("days before the election")
  stay durations.
- Values: day "2018-05-09", ISO week "2019-W37", month "2018-02", season "2010-SU" (TIMEX3 style; northern
  meteorological seasons, winter Y = Dec Y .. Feb Y+1), quarter "2018-Q1", year "2015", decade "199", century
  "19", runs of days "2016-09-16/2016-09-19" (ISO interval), durations "P3D", "P1.5Y", "PT5M". When an offset is
  coarser than its anchor allows ("a week later" after "in August") the value is null and earliest/latest carry
  the shifted range.
- Frequencies ("every year", "daily") are sets, not times, and are skipped.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LIKE_NUM, LOWER, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from counterpoint.ingest.dates import full_dates_in
from counterpoint.model import Article, TimeExpression

__all__ = ["find_times", "estimate_date_range", "caption_dates"]

_ONE = dt.timedelta(days=1)


# ---------------------------------------------------------------------------------------------------- lexicon
def _words(text: str) -> list[str]:
    return text.split()


_MONTH_NAMES = _words("January February March April May June July August September October November December")
_MON3 = {name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WD_IDX = {name.lower(): i for i, name in enumerate(_WEEKDAYS)}
_SEASON = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # 14 = February next year
_GRAN_RANK = dict(day=0, week=1, month=2, season=3, quarter=3, year=4, decade=5, century=6)
_UNIT_GRAN = {
    "second": "day",
    "minute": "day",
    "hour": "day",
    "day": "day",
    "week": "week",
    "fortnight": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "centurie": "century",
}
_DUR_GRAN: dict[str, str | None] = {**_UNIT_GRAN, "second": None, "minute": None, "hour": None}
_SMALL = {
    w: i
    for i, w in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
            " seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
_ORDINALS = {
    w: i
    for i, w in enumerate(
        _words(
            "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
            " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
        )
    )
}
_ORDINALS["twenty-first"] = 21

# ---------------------------------------------------------------------------------------------------- grammar
_MON_FULL = "|".join(_MONTH_NAMES)
_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_MON_DOT = rf"(?:{_MON_FULL}|(?:{_ABBR})\.)"  # bare use: full names and dotted abbreviations
_MON_ANY = rf"(?:{_MON_FULL}|(?:{_ABBR})\.|(?:{_ABBR})(?=\s*\d))"  # before a number: "Sep 9", "Jan 2019"
_WD = "|".join(_WEEKDAYS)
_YEAR = r"(?:1\d{3}|20\d\d|21\d\d)(?!\d)"
_NUMBER = (
    r"(?<![\d,.])\d{1,3}(?:,\d{3})+|(?<![\d,.])\d+(?:\.\d+)?"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven"
    r"|eight|nine)\b)?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two"
    r"|three|four|five|six|seven|eight|nine|a\s+couple\s+of|a\s+dozen|a\s+few|a|an|half\s+an?|several|few"
    r"|many|some|couple\s+of|dozens\s+of|hundreds\s+of|a\s+number\s+of|a\s+handful\s+of|a\s+matter\s+of"
    r"|numerous|countless"
)
_QTY = rf"(?:{_NUMBER})(?:\s+and\s+a\s+half)?(?:\s*(?:to|or|-|–)\s*(?:{_NUMBER}))?"
_UNIT = r"second|minute|hour|day|week|fortnight|month|year|decade|century|centurie"
_REL = r"this\s+past|this\s+coming|last|next|this|past|coming"


def _pos(name: str) -> str:
    return rf"(?P<{name}>(?i:early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of))"


_SHAPES = [
    ("iso", r"(?P<iso_y>\d{4})(?P<iso_sep>[-/.])(?P<iso_m>\d\d)(?P=iso_sep)(?P<iso_d>\d\d)(?![\d-])"),
    ("num", r"(?P<num_a>\d{1,2})/(?P<num_b>\d{1,2})/(?P<num_y>\d{4})(?![\d/])"),
    (
        "mdy",
        rf"(?:(?:{_WD}),?\s+)?(?P<mdy_m>{_MON_ANY})\s*(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
        rf"(?:\s*[-–]\s*(?P<mdy_d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(?P<mdy_y>{_YEAR}))?(?![\w%])",
    ),
    (
        "dmy",
        rf"(?:(?:{_WD}),?\s+)?(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{_MON_DOT})"
        rf"(?:,?\s+(?P<dmy_y>{_YEAR}))?(?!\w)",
    ),
    (
        "my",
        rf"(?:{_pos('my_pos')}[\s-]+)?(?P<my_m>{_MON_ANY}),?\s+(?:of\s+)?(?P<my_y>{_YEAR})(?![\w%]|[.,]\d)",
    ),
    (
        "hol",
        rf"(?:(?P<hol_rel>(?i:{_REL}))\s+)?(?P<hol_n>Christmas\s+Eve|Christmas\s+Day|Christmas"
        r"|New\s+Year['’]s\s+Eve|New\s+Year['’]s\s+Day|New\s+Year['’]s|Halloween|Valentine['’]s\s+Day"
        rf"|Good\s+Friday|Easter\s+Sunday|Easter\s+Monday|Easter|Palm\s+Sunday)(?:,?\s+(?P<hol_y>{_YEAR}))?(?!\w)",
    ),
    (
        "sea",
        rf"(?:{_pos('sea_pos')}[\s-]+)?(?:(?P<sea_rel>(?i:{_REL}|the))\s+)?"
        rf"(?P<sea_s>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?(?P<sea_y>{_YEAR}))?(?!\w)",
    ),
    (
        "qtr",
        r"(?P<qtr_n>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last))\s+quarter(?:\s+of\s+(?:"
        rf"(?P<qtr_y>{_YEAR})|(?P<qtr_rel>(?i:this|last|next))\s+year|the\s+year))?(?!\w)"
        rf"|Q(?P<qtr_q>[1-4])(?:\s+|-)?(?P<qtr_qy>{_YEAR})?(?!\w)",
    ),
    (
        "dec",
        r"(?:(?P<dec_pos>(?i:early|late|mid))[\s-]+)?(?:(?P<dec_c>1\d|20)(?P<dec_d>\d)0|['’](?P<dec_s>\d)0)"
        r"['’]?s(?!\w)",
    ),
    (
        "cen",
        r"(?:(?P<cen_pos>(?i:early|late|mid))[\s-]+)?(?P<cen_n>\d{1,2}(?:st|nd|rd|th)|(?i:twenty-first|first"
        r"|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
        r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))[\s-]+(?i:century)(?!\w)",
    ),
    ("yr", rf"(?<![\w$€£#.,/:])(?P<yr_a>{_YEAR})\s*[-–]\s*(?P<yr_b>{_YEAR}|\d\d(?!\d))(?![\w%]|[.,]\d)"),
    ("yy", rf"(?<![\w$€£#.,/:-])(?:{_pos('yy_pos')}[\s-]+)?(?P<yy_y>{_YEAR})(?![\w%]|[.,:]\d)"),
    (
        "wd",
        r"(?:(?P<wd_rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming|early|earlier|late|later))\s+)?"
        r"(?<!Black\s)(?<!Super\s)(?<!Cyber\s)(?<!Bloody\s)(?<!Ash\s)(?<!Holy\s)(?<!Good\s)(?<!Palm\s)"
        rf"(?<!Easter\s)(?<!Giving\s)(?P<wd_n>{_WD})(?:\s+(?P<wd_part>(?i:morning|afternoon|evening|night)))?"
        r"(?!\w)",
    ),
    (
        "dx",
        r"(?i:the\s+day\s+(?P<dx_dd>before\s+yesterday|after\s+tomorrow)|(?:(?:early|late)\s+)?"
        r"(?P<dx_w>today|tonight|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
        r"|(?P<dx_this>this|last)\s+(?:morning|afternoon|evening|night))(?!\w)",
    ),
    (
        "pv",
        r"(?i:(?P<pv_el>earlier|later)\s+(?:in\s+)?(?:the|that)\s+(?P<pv_u1>day|week|month|year)"
        r"|(?:that\s+same|the\s+same|that)\s+(?P<pv_u2>day|week|month|year|morning|afternoon|evening|night)"
        r"|the\s+(?P<pv_dir>next|following|previous|preceding|prior)\s+(?P<pv_u3>day|week|month|year|morning"
        r"|afternoon|evening|night))(?!\w)",
    ),
    (
        "off",
        rf"(?i:(?:(?P<off_q>{_QTY}|the)\s+)?(?P<off_u>{_UNIT})(?P<off_pl>s)?(?P<off_h>\s+and\s+a\s+half)?\s+"
        r"(?P<off_r>ago|earlier|later|before|after|prior|on|from\s+now|hence))(?!\w)",
    ),
    (
        "cale",
        r"(?i:(?P<cale_pos>(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+(?P<cale_rel>the|this|last|next)"
        r"\s+(?P<cale_u>week|month|year|decade|century))(?!\w)",
    ),
    (
        "cal",
        r"(?i:(?:(?P<cal_pos>early|late|mid|earlier|later)[\s-]+(?:in\s+)?)?(?P<cal_rel>this\s+past|this\s+coming"
        r"|the\s+coming|this|last|next)\s+(?P<cal_u>week|weekend|month|year|decade|century))(?!\w)",
    ),
    (
        "bd",
        r"(?i:(?:the\s+)?(?P<bd_d>past|last|next|coming|previous|following)\s+(?:(?P<bd_q>"
        rf"{_QTY})\s+)?(?P<bd_u>{_UNIT})(?P<bd_pl>s)?)(?!\w)(?![\s-]*old)",
    ),
    ("rc", rf"(?i:recent\s+(?P<rc_u>{_UNIT})s)(?!\w)"),
    (
        "dur",
        rf"(?i:(?P<dur_q>{_QTY})(?:\s+|-)(?P<dur_u>{_UNIT})(?P<dur_pl>s)?(?P<dur_h>\s+and\s+a\s+half)?)"
        r"(?!\w)(?![\s-]*old)(?!\s+of\s+age)",
    ),
    ("od", r"(?<=[Tt]he\s)(?P<od_d>\d{1,2})(?:st|nd|rd|th)(?!\w)"),
    ("mon", rf"(?:{_pos('mon_pos')}[\s-]+)?(?:(?P<mon_rel>(?i:{_REL}))\s+)?(?P<mon_m>{_MON_DOT})(?!\w)"),
]
_GRAMMAR = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<{n}>{p})" for n, p in _SHAPES) + ")")
_SHAPE_NAMES = {n for n, _ in _SHAPES}

# Words before a bare month / year / season / vague duration that make it a time reading.
_GATE_MONTH = re.compile(
    r"(?i)\b(?:in|since|by|until|till|from|during|of|before|after|through|throughout|between|and|or|to|early"
    r"|late|mid|last|next|this|past|end\s+of)[\s-]+$"
)
_GATE_YEAR = re.compile(
    r"(?i)\b(?:in|since|by|until|till|from|during|of|before|after|through|throughout|between|circa)\s+$"
)
_GATE_SEASON = re.compile(r"(?i)\b(?:in|since|by|until|from|during|before|after|through|over|throughout)\s+$")
_GATE_HOL = re.compile(r"(?i)\b(?:in|since|by|until|till|from|during|before|after|through|over|at|on|for)\s+$")
_GATE_DUR = re.compile(
    r"(?i)\b(?:for|in|within|over|about|nearly|almost|than|least|after|only|just|around|spent|took|lasted)\s+$"
)
_CONFIRMED_BY_CONTEXT = {
    "mon": _GATE_MONTH,
    "yy": _GATE_YEAR,
    "yr": _GATE_YEAR,
    "sea": _GATE_SEASON,
    "hol": _GATE_HOL,
    "dur": _GATE_DUR,
}
# Shapes made of words that also occur in names; numeric and fully dated shapes are trusted (spaCy may call
# "9/5/2019" a GPE).
_NAMEABLE = {"mdy", "dmy", "sea", "wd", "dx", "pv", "off", "cale", "cal", "bd", "rc", "dur"}
_FREQUENCY = re.compile(r"(?i)\b(?:every|each|per)\s+$")
_NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "GPE", "NORP", "LAW", "LOC"}
_COUNT_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}
_NO_COMPLEMENT = re.compile(r"(?i)[ \t]*(?:\n|$|[,.;:!?)\]—–\"”’]|(?:and|but|or)\b)")
_DURATION_PREP = re.compile(r"(?i)\b(?:over|in|within|during|for|throughout)\s+$")

# Fallback (spaCy DATE entities the grammar did not cover).
_FB_LEAD = re.compile(
    r"(?i)^(?:(?:between|from|since|until|till|by|in|on|at|during|around|about|nearly|almost|roughly"
    r"|approximately|some|just|only|over|under|of|for)\s+)+"
)
_FB_SKIP = re.compile(
    r"(?i)\b(?:every|each|daily|weekly|monthly|annually|yearly|quarterly|biweekly|nightly|hourly|per|annual"
    r"|old|aged?)\b"
)
_FB_VOCAB = (
    set(
        _words(
            "the a an this that these those last next past coming recent recently early earlier late later mid final"
            " first second third fourth very entire whole same few several many couple of some more than less least"
            " about nearly almost around over just only current present previous following prior ago and or to"
            " through until till from since between in during half new modern days weeks months years decades"
            " centuries day week weekend month year decade century hour hours minute minutes night nights morning"
            " evening afternoon season seasons era"
        )
    )
    | set(_SMALL)
    | set(_TENS)
    | set(_ORDINALS)
)
_RATE = re.compile(r"(?i)\d[\s-]*(?:an?|per)[\s-]+(?:hour|day|week|month|year)\b")
_FB_UNITS = {"day", "week", "weekend", "month", "year", "decade", "century", "hour", "minute", "season"}
_FB_PROPER = {"day", "eve", "christmas", "easter", "thanksgiving", "ramadan", "hanukkah", "passover"}
_MONTH_WORD = re.compile(rf"\b(?:{_MON_FULL}|{_ABBR})\b")


# Head words: every shape contains one, so the grammar only runs near them (the regex over the whole text would
# cost more than spaCy's own budget allows). Prefix words may precede a head inside an expression.
_HEAD_WORDS = (
    [w.lower() for w in _MONTH_NAMES + _WEEKDAYS]
    + [a + dot for a in _words("jan feb mar apr jun jul aug sep sept oct nov dec") for dot in ("", ".")]
    + _words(
        "seconds minute minutes hour hours day days week weeks weekend weekends fortnight month months year years"
        " decade decades century centuries today tonight yesterday tomorrow morning afternoon evening night spring"
        " summer fall autumn winter quarter christmas halloween easter valentine"
    )
)
_PREFIX_WORDS = _words(
    "the a an this that these last next past coming early earlier late later mid end beginning start middle of"
    " same previous following preceding prior recent few several many some couple dozen dozens hundreds number"
    " handful matter numerous countless half and to or in new good palm easter christmas - – ' ’"
) + list(_ORDINALS)
_HEADS_ARR = np.array(sorted({get_string_id(w) for w in _HEAD_WORDS}), dtype=np.uint64)
_NOT_START_ARR = np.array(sorted(get_string_id(w) for w in ("of", "in", "and", "to", "or", "-", "–")), dtype=np.uint64)
_PREFIXES_ARR = np.array(sorted({get_string_id(w) for w in _PREFIX_WORDS}), dtype=np.uint64)
_DATE_ID = get_string_id("DATE")
_TIME_LABELS_ARR = np.array([_DATE_ID, get_string_id("TIME")], dtype=np.uint64)
_SHAPE_HEAD: dict[int, bool] = {}  # shape hash -> holds a year, a date, an ordinal, a decade or "Q3"


def _shape_is_head(doc: Doc, h: int) -> bool:
    hit = _SHAPE_HEAD.get(h)
    if hit is None:
        shape = doc.vocab.strings[h]
        hit = _SHAPE_HEAD[h] = "dddd" in shape or shape in ("ddxx", "dxx", "ddx", "Xd")
    return hit


def _member(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """Vectorised set membership (np.isin is several times slower on these small inputs)."""
    if not len(sorted_keys):
        return np.zeros(len(values), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_keys, values), len(sorted_keys) - 1)
    return sorted_keys[pos] == values


class _Tokens:
    """Per-doc arrays: head and prefix flags, token offsets and DATE/TIME entities, read in bulk with numpy.

    Why: Python-level loops over ~1,000 tokens (Token objects, Doc.text, Doc.ents, Doc.char_span) each cost about
    as much as all of the work below, so everything per-token is vectorised and Python only visits heads.
    """

    __slots__ = ("doc", "text", "idx", "heads", "prefix", "starts", "ents")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text joins every token on each access
        if not len(doc):
            self.idx: list[int] = []
            self.heads: list[int] = []
            self.prefix: list[bool] = []
            self.starts: list[bool] = []
            self.ents: list[tuple[int, int, str]] = []
            return
        arr = doc.to_array([LOWER, SHAPE, IDX, LIKE_NUM, ENT_IOB, ENT_TYPE])
        lower, shape = arr[:, 0], arr[:, 1]
        shapes = np.unique(shape)
        head_shapes = [h for h in shapes.tolist() if _shape_is_head(doc, h)]
        heads = _member(lower, _HEADS_ARR) | _member(shape, np.array(head_shapes, dtype=np.uint64))
        self.heads = np.flatnonzero(heads).tolist()
        self.prefix = (_member(lower, _PREFIXES_ARR) | (arr[:, 3] != 0)).tolist()
        self.starts = (~_member(lower, _NOT_START_ARR)).tolist()  # no shape begins with "of", "and"...
        self.idx = arr[:, 2].astype(np.int64).tolist()
        is_time = (arr[:, 5] == _TIME_LABELS_ARR[0]) | (arr[:, 5] == _TIME_LABELS_ARR[1])
        iob = arr[:, 4]
        inside = (iob == 1).tolist()
        self.ents = []
        for start in np.flatnonzero((iob == 3) & is_time).tolist():
            end = start + 1
            while end < len(inside) and inside[end]:
                end += 1
            last = doc[end - 1]
            label = "DATE" if int(arr[start, 5]) == _DATE_ID else "TIME"
            self.ents.append((self.idx[start], last.idx + len(last.text), label))

    def at(self, char: int) -> Token | None:
        i = bisect.bisect_right(self.idx, char) - 1
        return self.doc[i] if i >= 0 else None


# ---------------------------------------------------------------------------------------------------- values
class _R(NamedTuple):
    """A resolved value (internal): what a TimeExpression carries besides its span."""

    value: str | None
    gran: str | None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    kind: str = "absolute"
    anchor: str | None = None
    estimated: bool = False


def _day(d: dt.date) -> _R:
    return _R(d.isoformat(), "day", d, d)


def _days(a: dt.date, b: dt.date) -> _R:
    return _R(f"{a.isoformat()}/{b.isoformat()}", "day", a, b)


def _week(d: dt.date) -> _R:
    y, w, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return _R(f"{y}-W{w:02d}", "week", monday, monday + dt.timedelta(days=6))


def _month(y: int, m: int) -> _R:
    return _R(f"{y:04d}-{m:02d}", "month", dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]))


def _year(y: int) -> _R:
    return _R(f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def _decade(d10: int) -> _R:
    return _R(f"{d10:03d}", "decade", dt.date(d10 * 10, 1, 1), dt.date(d10 * 10 + 9, 12, 31))


def _century(c: int) -> _R:
    return _R(f"{c:02d}", "century", dt.date(max(c * 100, 1), 1, 1), dt.date(c * 100 + 99, 12, 31))


def _season(y: int, code: str) -> _R:
    first, last = _SEASON_MONTHS[code]
    end_y, end_m = (y + 1, last - 12) if last > 12 else (y, last)
    return _R(f"{y:04d}-{code}", "season", dt.date(y, first, 1), _month(end_y, end_m).latest)


def _quarter(y: int, q: int) -> _R:
    return _R(f"{y:04d}-Q{q}", "quarter", _month(y, 3 * q - 2).earliest, _month(y, 3 * q).latest)


def _add_months(d: dt.date, n: int) -> dt.date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _add(d: dt.date, n: int, unit: str) -> dt.date:
    if unit in ("day", "week", "fortnight"):
        return d + dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
    months = n * {"month": 1, "year": 12, "decade": 120, "century": 1200}.get(unit, 0)
    return _add_months(d, months)


def _period(g: str, d: dt.date) -> _R:
    """The calendar period of granularity g that contains day d."""
    if g == "day":
        return _day(d)
    if g == "week":
        return _week(d)
    if g == "month":
        return _month(d.year, d.month)
    if g == "year":
        return _year(d.year)
    if g == "decade":
        return _decade(d.year // 10)
    return _century(d.year // 100)


def _narrow(r: _R, pos: str | None) -> _R:
    """'early/mid/late X' keeps X's value but narrows earliest/latest to the matching third."""
    if not pos or r.earliest is None or r.latest is None:
        return r
    pos = pos.lower().split()[-2] if " of" in pos.lower() else pos.lower()
    third = ((r.latest - r.earliest).days + 1) // 3
    if third < 1:
        return r
    if pos in ("early", "beginning", "start"):
        return r._replace(latest=r.earliest + dt.timedelta(days=third - 1))
    if pos in ("mid", "middle"):
        return r._replace(earliest=r.earliest + dt.timedelta(days=third), latest=r.latest - dt.timedelta(days=third))
    if pos in ("late", "end"):
        return r._replace(earliest=r.latest - dt.timedelta(days=third - 1))
    return r


def _pick(make: Callable[[int], _R], ref: dt.date, mode: str) -> _R | None:
    """Choose the occurrence of a yearly period relative to ref: past/future (inclusive), last/next, this, or
    the nearest (for dates modifying a noun, where tense says nothing: 'the Nov. 8 election')."""
    cands = []
    for y in range(ref.year - 2, ref.year + 3):
        try:
            cands.append(make(y))
        except ValueError:  # 29 February in a common year
            continue
    if not cands:
        return None
    if mode == "near":  # news looks back more than ahead: a future date counts as twice as far
        return min(cands, key=lambda c: (max(2 * (c.earliest - ref).days, (ref - c.latest).days, 0), c.earliest > ref))
    if mode == "this":
        inside = [c for c in cands if c.earliest <= ref <= c.latest]
        same = [c for c in cands if c.earliest.year == ref.year]
        return (inside or same or [None])[0]
    tests = {
        "past": lambda c: c.earliest <= ref,
        "last": lambda c: c.latest < ref,
        "future": lambda c: c.latest >= ref,
        "next": lambda c: c.earliest > ref,
    }
    ok = [c for c in cands if tests[mode](c)]
    if not ok:
        return None
    return ok[-1] if mode in ("past", "last") else ok[0]


def _mode(rel: str | None, tense: str | None, near: bool = True) -> str:
    rel = " ".join(rel.lower().split()) if rel else ""
    if rel in ("last", "past", "this past"):
        return "last"
    if rel in ("next", "coming", "this coming", "the coming"):
        return "next"
    if rel == "this":
        return "this"
    if tense == "future":
        return "future"
    return "near" if tense is None and near else "past"


def _weekday(ref: dt.date, wd: int, mode: str) -> dt.date:
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if mode == "past":
        return ref - dt.timedelta(days=back)
    if mode == "last":
        return ref - dt.timedelta(days=back or 7)
    if mode == "future":
        return ref + dt.timedelta(days=ahead)
    if mode == "next":
        return ref + dt.timedelta(days=ahead or 7)
    return ref - dt.timedelta(days=ref.weekday() - wd)  # this: in ref's ISO week


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    L = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * L) // 451
    month, day = divmod(h + L - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def _holiday(name: str, y: int) -> dt.date:
    n = " ".join(name.lower().replace("’", "'").split())
    fixed = {
        "christmas eve": (12, 24),
        "christmas day": (12, 25),
        "christmas": (12, 25),
        "new year's eve": (12, 31),
        "new year's day": (1, 1),
        "new year's": (1, 1),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
    }
    if n in fixed:
        return dt.date(y, *fixed[n])
    shift = {"good friday": -2, "easter sunday": 0, "easter": 0, "easter monday": 1, "palm sunday": -7}[n]
    return _easter(y) + dt.timedelta(days=shift)


def _number(q: str | None) -> float | None:
    """A quantity word or numeral as a number; None for vague or ranged quantities ('several', 'two to three')."""
    if q is None:
        return None
    q = " ".join(q.lower().split())
    if q.endswith(" and a half"):
        whole = _number(q[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if q in ("a", "an", "the", "one"):
        return 1
    if q.startswith("half"):
        return 0.5
    if q in ("a couple of", "couple of"):
        return 2
    if q == "a dozen":
        return 12
    try:
        return float(q.replace(",", ""))
    except ValueError:
        pass
    parts = re.split(r"[\s-]", q)
    if len(parts) == 1:
        return _SMALL.get(q, _TENS.get(q))
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _SMALL:
        return _TENS[parts[0]] + _SMALL[parts[1]]
    return None


def _iso_duration(n: float | None, unit: str) -> str | None:
    if n is None:
        return None
    num = f"{n:g}"
    if unit in ("hour", "minute", "second"):
        return f"PT{num}{unit[0].upper()}"
    if unit == "fortnight":
        return f"P{n * 2:g}W"
    if unit in ("decade", "century", "centurie"):
        return f"P{n * (10 if unit == 'decade' else 100):g}Y"
    return f"P{num}{unit[0].upper()}"


# ---------------------------------------------------------------------------------------------------- context
class _Ctx:
    """What resolution needs: the anchor date, what kind of anchor it is, and the previous resolved time."""

    __slots__ = ("doc", "toks", "ref", "ref_kind", "prev")

    def __init__(self, toks: _Tokens, ref: dt.date | None, ref_kind: str | None) -> None:
        self.toks = toks
        self.doc = toks.doc
        self.ref = ref
        self.ref_kind = ref_kind
        self.prev: _R | None = None

    def rel(self, r: _R | None, gran: str | None = None) -> _R:
        """Mark a value as resolved against the reference date (or unresolved when there is none)."""
        if r is None:
            return _R(None, gran, kind="relative")
        return r._replace(kind="relative", anchor=self.ref_kind, estimated=self.ref_kind == "estimate")

    def tense(self, start: int, end: int) -> str | None:
        return _tense(self.toks, start, end)


_FUT_AUX = {"will", "shall", "'ll", "’ll", "wo", "would", "could", "might", "may", "can", "should", "must", "'d"}
_PAST_AUX = {"was", "were", "had", "did", "'d"}
_PRESENT_AUX = {"is", "are", "am", "'s", "'re", "’s", "’re", "has", "have", "'ve", "’ve"}
_FUT_GOV = {
    "plan",
    "expect",
    "schedule",
    "set",
    "due",
    "intend",
    "aim",
    "prepare",
    "go",
    "hope",
    "vow",
    "promise",
    "pledge",
    "threaten",
    "slate",
    "poise",
}


def _tense(toks: _Tokens, start: int, end: int) -> str | None:
    """The time reference of the verb governing the expression: 'future' ('will meet', 'could vote', 'is set to
    meet', 'plans to visit'), 'past' ('met', 'had met', 'was held'), or None when it says nothing: present tense
    ('if she wins in November'), or a date modifying a noun ('the Nov. 8 election', 'the vote in November')."""
    tok = toks.at(start)
    if tok is None:
        return None
    for _ in range(12):  # climb out of the expression itself
        if not start <= tok.idx < end:
            break
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    while tok.pos_ == "ADP" and tok.head.i != tok.i:
        tok = tok.head
    if tok.pos_ in ("NOUN", "PROPN"):
        return None
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
            if aux & _FUT_AUX:
                return "future"
            if tok.lemma_ in _FUT_GOV and tok.tag_ != "VBD" and not aux & _PAST_AUX:
                return "future"
            if "to" not in aux:
                if tok.tag_ == "VBD" or aux & _PAST_AUX or (tok.tag_ == "VBN" and not aux & _PRESENT_AUX):
                    return "past"
                return None
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


# ---------------------------------------------------------------------------------------------------- resolution
def _resolve(shape: str, m: re.Match[str], s: int, e: int, ctx: _Ctx) -> tuple[_R, int] | None:
    """Value for one grammar match; returns (value, end) since event-tied offsets shrink their span."""
    g = m.group
    ref = ctx.ref
    if shape == "iso" or shape == "num":
        if shape == "iso":
            y, mo, d = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
        else:
            a, b, y = int(g("num_a")), int(g("num_b")), int(g("num_y"))
            mo, d = (b, a) if a > 12 >= b else (a, b)
        try:
            return _day(dt.date(y, mo, d)), e
        except ValueError:
            return None
    if shape in ("mdy", "dmy"):
        mo = _MON3[g(f"{shape}_m")[:3].lower()]
        d = int(g(f"{shape}_d"))
        d2 = int(g("mdy_d2")) if shape == "mdy" and g("mdy_d2") else None
        if not 1 <= d <= 31 or (d2 is not None and not d < d2 <= 31):
            return None

        def make(y: int) -> _R:
            return _days(dt.date(y, mo, d), dt.date(y, mo, d2)) if d2 else _day(dt.date(y, mo, d))

        y = g(f"{shape}_y")
        try:
            if y:
                return make(int(y)), e
        except ValueError:
            return None
        if ref is None:
            return _R(None, "day", kind="relative"), e
        return ctx.rel(_pick(make, ref, _mode(None, ctx.tense(s, e))), "day"), e
    if shape == "my":
        return _narrow(_month(int(g("my_y")), _MON3[g("my_m")[:3].lower()]), g("my_pos")), e
    if shape == "mon":
        mo = _MON3[g("mon_m")[:3].lower()]
        if ref is None:
            return _R(None, "month", kind="relative"), e
        r = _pick(lambda y: _month(y, mo), ref, _mode(g("mon_rel"), ctx.tense(s, e)))
        return ctx.rel(_narrow(r, g("mon_pos")) if r else None, "month"), e
    if shape == "hol":
        name = g("hol_n")
        if g("hol_y"):
            return _day(_holiday(name, int(g("hol_y")))), e
        if ref is None:
            return _R(None, "day", kind="relative"), e
        mode = _mode(g("hol_rel"), ctx.tense(s, e))
        return ctx.rel(_pick(lambda y: _day(_holiday(name, y)), ref, mode), "day"), e
    if shape == "sea":
        code = _SEASON[g("sea_s").lower()]
        if g("sea_y"):
            return _narrow(_season(int(g("sea_y")), code), g("sea_pos")), e
        if ref is None:
            return _R(None, "season", kind="relative"), e
        rel = g("sea_rel")
        mode = _mode(None if rel and rel.lower() == "the" else rel, ctx.tense(s, e))
        r = _pick(lambda y: _season(y, code), ref, mode)
        return ctx.rel(_narrow(r, g("sea_pos")) if r else None, "season"), e
    if shape == "qtr":
        if g("qtr_q"):
            q, y = int(g("qtr_q")), g("qtr_qy")
            if y:
                return _quarter(int(y), q), e
            if ref is None:
                return _R(None, "quarter", kind="relative"), e
            return ctx.rel(_pick(lambda yy: _quarter(yy, q), ref, _mode(None, ctx.tense(s, e))), "quarter"), e
        word = g("qtr_n").lower()
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(word, 4)
        if g("qtr_y"):
            return _quarter(int(g("qtr_y")), q), e
        if ref is None:
            return _R(None, "quarter", kind="relative"), e
        if g("qtr_rel"):
            return ctx.rel(_quarter(ref.year + {"this": 0, "last": -1, "next": 1}[g("qtr_rel").lower()], q)), e
        if word == "last" and "of" not in m.group(0):  # "last quarter": the one before ref's
            prev_q = _add_months(ref, -3)
            return ctx.rel(_quarter(prev_q.year, (prev_q.month - 1) // 3 + 1)), e
        return ctx.rel(_pick(lambda yy: _quarter(yy, q), ref, _mode(None, ctx.tense(s, e))), "quarter"), e
    if shape == "dec":
        if g("dec_c"):
            d10 = int(g("dec_c")) * 10 + int(g("dec_d"))
        else:
            d = int(g("dec_s"))
            base = (ref.year if ref else 1999) // 100 * 10
            d10 = base + d if (base + d) * 10 <= (ref.year if ref else 1999) else base - 10 + d
        return _narrow(_decade(d10), g("dec_pos")), e
    if shape == "cen":
        word = g("cen_n").lower()
        n = int(word[:-2]) if word[0].isdigit() else _ORDINALS[word]
        if not 1 <= n <= 22:
            return None
        return _narrow(_century(n - 1), g("cen_pos")), e
    if shape == "yr":
        a, b = int(g("yr_a")), g("yr_b")
        b_year = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if not a < b_year <= a + 50:
            return None
        return _R(f"{a}/{b_year}", "year", dt.date(a, 1, 1), dt.date(b_year, 12, 31)), e
    if shape == "yy":
        return _narrow(_year(int(g("yy_y"))), g("yy_pos")), e
    if shape == "wd":
        if ref is None:
            return _R(None, "day", kind="relative"), e
        rel = g("wd_rel")
        if rel and rel.lower() in ("early", "earlier", "late", "later"):
            rel = None
        wd = _WD_IDX[g("wd_n").lower()]
        return ctx.rel(_day(_weekday(ref, wd, _mode(rel, ctx.tense(s, e), near=False)))), e
    if shape == "dx":
        if ref is None:
            return _R(None, "day", kind="relative"), e
        if g("dx_dd"):
            shift = -2 if g("dx_dd").lower().startswith("before") else 2
        elif g("dx_w"):
            shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g("dx_w").lower()]
        else:
            shift = -1 if g("dx_this").lower() == "last" else 0
        return ctx.rel(_day(ref + dt.timedelta(days=shift))), e
    if shape == "pv":
        return _resolve_previous(m, s, e, ctx), e
    if shape == "off":
        return _resolve_offset(m, s, e, ctx)
    if shape in ("cal", "cale"):
        return _resolve_calendar(m, shape, ctx), e
    if shape == "bd":
        r = _resolve_bounded(m, ctx)
        return (r, e) if r is not None else None
    if shape == "rc":
        return _R(None, _DUR_GRAN[g("rc_u").lower()], kind="duration"), e
    if shape == "dur":
        unit = g("dur_u").lower()
        n = _number(g("dur_q"))
        if n is not None and g("dur_h"):
            n += 0.5
        if n is not None and not g("dur_pl") and n > 1 and "-" not in m.group(0):
            return None  # "two day" without a hyphen is not a duration phrase
        return _R(_iso_duration(n, unit), _DUR_GRAN[unit], kind="duration"), e
    if shape == "od":
        d = int(g("od_d"))
        if not 1 <= d <= 31:
            return None
        if ref is None:
            return _R(None, "day", kind="relative"), e
        mode = _mode(None, ctx.tense(s, e), near=False)
        months = [_add_months(ref.replace(day=1), k) for k in range(-2, 3)]
        cands = []
        for first in months:
            try:
                cands.append(_day(first.replace(day=d)))
            except ValueError:
                continue
        test = (lambda c: c.earliest <= ref) if mode == "past" else (lambda c: c.earliest >= ref)
        ok = [c for c in cands if test(c)]
        return ctx.rel((ok[-1] if mode == "past" else ok[0]) if ok else None, "day"), e
    raise AssertionError(shape)


def _shift(base: _R, n: float, unit: str, day_steps: bool = True) -> _R:
    """base moved by n units. The result has the unit's granularity (with day_steps, days for week offsets
    from a day: "a week later" after "May 9" is May 16, while "two weeks ago" is a week); when base is coarser than that, only the shifted earliest/latest are known and the value is null."""
    if unit in ("hour", "minute", "second"):
        unit, n = "day", 0
    if n != int(n):  # fractional: "a year and a half later" -> months
        smaller = {
            "year": ("month", 12),
            "decade": ("year", 10),
            "month": ("day", 30),
            "week": ("day", 7),
            "fortnight": ("day", 14),
            "day": ("day", 1),
            "century": ("year", 100),
        }
        unit, factor = smaller.get(unit, ("day", 1))
        n = round(n * factor)
    n = int(n)
    target = _UNIT_GRAN.get(unit, "day")
    if day_steps and unit in ("day", "week", "fortnight") and base.gran == "day":
        target = "day"
    assert base.earliest is not None and base.latest is not None
    if _GRAN_RANK.get(base.gran or "century", 6) > _GRAN_RANK[target]:
        return _R(None, target, _add(base.earliest, n, unit), _add(base.latest, n, unit))
    return _period(target, _add(base.earliest, n, unit))


def _from_previous(ctx: _Ctx, r: _R) -> _R:
    assert ctx.prev is not None
    return r._replace(kind="relative", anchor="previous", estimated=ctx.prev.estimated)


def _resolve_previous(m: re.Match[str], s: int, e: int, ctx: _Ctx) -> _R:
    """'earlier in the week', 'that day', 'the next day': the previous resolved time, else the reference date."""
    g = m.group
    prev, ref = ctx.prev, ctx.ref
    if g("pv_dir"):
        unit = g("pv_u3").lower()
        if unit in ("morning", "afternoon", "evening", "night"):
            unit = "day"
        sign = 1 if g("pv_dir").lower() in ("next", "following") else -1
        before = ctx.toks.text[max(0, s - 12) : s]
        if unit != "day" and _DURATION_PREP.search(before):  # "over the next year": a length from ref
            return _bounded(1.0, unit, sign, ctx)
        if prev is not None:
            return _from_previous(ctx, _shift(prev, sign, unit))
        return ctx.rel(_shift(_day(ref), sign, unit) if ref else None, _UNIT_GRAN[unit])
    unit = (g("pv_u1") or g("pv_u2")).lower()
    if unit in ("morning", "afternoon", "evening", "night"):
        unit = "day"
    fits = prev is not None and _GRAN_RANK.get(prev.gran or "century", 6) <= _GRAN_RANK[unit]
    if fits:
        assert prev is not None and prev.earliest is not None
        return _from_previous(ctx, _period(unit, prev.earliest))
    if g("pv_u2") and prev is not None:  # "that day" after "in August": cannot say which day
        return _R(None, unit, kind="relative")
    return ctx.rel(_period(unit, ref) if ref else None, unit)


def _resolve_offset(m: re.Match[str], s: int, e: int, ctx: _Ctx) -> tuple[_R, int] | None:
    """'a day earlier', 'three days later', 'two weeks ago', 'days before the election'."""
    g = m.group
    unit = g("off_u").lower()
    q = g("off_q")
    if not (q or g("off_pl")) or (q and q.lower() == "the" and g("off_pl")):
        return None  # "day after day", "the days before"
    n = _number(q) if q else None
    if n is not None and g("off_h"):
        n += 0.5
    r_word = " ".join(g("off_r").lower().split())
    text = ctx.toks.text
    tied = r_word in ("before", "after", "prior", "on") and not _NO_COMPLEMENT.match(text, e)
    if tied:  # tied to an event: "three days before the vote" is a length, not a date we can place
        if q and q.lower() == "the":
            return _R(None, _UNIT_GRAN[unit], kind="relative"), e
        end = m.end("off_h") if g("off_h") else m.end("off_pl") if g("off_pl") else m.end("off_u")
        return _R(_iso_duration(n, unit), _DUR_GRAN[unit], kind="duration"), end
    if n is None:
        return _R(None, _UNIT_GRAN[unit], kind="relative"), e
    sign = -1 if r_word in ("ago", "earlier", "before", "prior") else 1
    if r_word in ("ago", "from now", "hence") or ctx.prev is None:
        if ctx.ref is None:
            return _R(None, _UNIT_GRAN[unit], kind="relative"), e
        return ctx.rel(_shift(_day(ctx.ref), sign * n, unit, day_steps=r_word not in ("ago", "from now", "hence"))), e
    return _from_previous(ctx, _shift(ctx.prev, sign * n, unit)), e


def _resolve_calendar(m: re.Match[str], shape: str, ctx: _Ctx) -> _R:
    """'this week', 'last month', 'earlier this year', 'the end of last year', 'next weekend'."""
    g = m.group
    unit = g(f"{shape}_u").lower()
    rel = " ".join(g(f"{shape}_rel").lower().split())
    pos = g(f"{shape}_pos")
    gran = "day" if unit == "weekend" else unit
    ref = ctx.ref
    if ref is None:
        return _R(None, gran, kind="relative")
    step = {"last": -1, "this past": -1, "next": 1, "this coming": 1, "the coming": 1}.get(rel, 0)
    if unit == "weekend":
        sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)  # latest Saturday on/before ref
        if step == 0 and ctx.tense(m.start(), m.end()) == "future" and ref.weekday() < 5:
            sat += dt.timedelta(days=7)
        elif step < 0 and ref.weekday() >= 5:
            sat -= dt.timedelta(days=7)
        elif step > 0:
            sat += dt.timedelta(days=7)
        return ctx.rel(_days(sat, sat + _ONE))
    r = _period(unit, _add(ref, step, unit))
    if pos:
        p = pos.lower()
        if p == "earlier" and step == 0:
            r = r._replace(latest=min(r.latest, ref))
        elif p == "later" and step == 0:
            r = r._replace(earliest=max(r.earliest, ref))
        else:
            r = _narrow(r, p)
    return ctx.rel(r)


def _bounded(n: float | None, unit: str, sign: int, ctx: _Ctx) -> _R:
    """A length reaching back (sign -1) or forward (+1) from the reference date: 'the past decade' = P10Y."""
    r = _R(_iso_duration(n, unit), _DUR_GRAN[unit], kind="duration")
    if n is None or ctx.ref is None or n != int(n):
        return r
    other = _add(ctx.ref, sign * int(n), unit)
    lo, hi = (other + _ONE, ctx.ref) if sign < 0 else (ctx.ref, other - _ONE)
    return r._replace(earliest=lo, latest=hi, anchor=ctx.ref_kind, estimated=ctx.ref_kind == "estimate")


def _resolve_bounded(m: re.Match[str], ctx: _Ctx) -> _R | None:
    g = m.group
    unit = g("bd_u").lower()
    if not (g("bd_q") or g("bd_pl")) and unit in ("day", "hour", "minute", "second"):
        return None  # "the last day" is a point in something, not a length
    if re.match(r"\s+of\b", m.string[m.end() : m.end() + 4]):
        return None  # "the last year of his term"
    n = _number(g("bd_q")) if g("bd_q") else (None if g("bd_pl") else 1.0)
    direction = g("bd_d").lower()
    if direction in ("previous", "following"):
        return _R(_iso_duration(n, unit), _DUR_GRAN[unit], kind="duration")
    return _bounded(n, unit, -1 if direction in ("past", "last") else 1, ctx)


# ---------------------------------------------------------------------------------------------------- finding
class _Cand(NamedTuple):
    start: int
    end: int
    shape: str  # a grammar shape name, or "ent" for a spaCy entity the grammar did not cover
    match: re.Match[str] | None


def _accept(shape: str, m: re.Match[str], s: int, e: int, toks: _Tokens, confirmed: bool) -> bool:
    """Gate the ambiguous shapes: a bare month ('May'), a bare year, 'fall', 'a day', 'Christmas'."""
    g = m.group
    text = toks.text
    if _FREQUENCY.search(text, max(0, s - 8), s):
        return False  # "every three months", "each year": a set of times, not a time
    if not confirmed and shape in _NAMEABLE and not (shape in ("mdy", "dmy") and g(f"{shape}_y")):
        tok = toks.at(s)
        if tok is not None and tok.ent_type_ in _NAME_LABELS:
            return False  # "Christmas Island", "Friday Night Lights"
        if shape == "dx" and text[s].isupper() and tok is not None and tok.i and tok.nbor(-1).pos_ == "PROPN":
            return False  # a title: "USA Today", "CBS This Morning"
    if shape == "mon":
        tok = toks.at(m.start("mon_m"))
        if tok is None or tok.tag_ in ("MD", "VB", "VBP") or tok.ent_type_ in _NAME_LABELS:
            return False
        if g("mon_rel") or g("mon_pos"):
            return True
    elif shape == "yy":
        if g("yy_pos"):
            return True
        if not confirmed:
            tok = toks.at(s)
            if tok is None or tok.dep_ == "nummod" or tok.ent_type_ in _COUNT_LABELS:
                return False
    elif shape == "sea":
        season = g("sea_s").lower()
        if g("sea_y"):
            return True
        rel = (g("sea_rel") or "").lower()
        if season in ("fall", "spring"):
            return confirmed or rel not in ("", "the")
        if rel and rel != "the":
            return True
    elif shape == "hol":
        if g("hol_y") or g("hol_rel") or re.search(r"(?:Eve|Day|Friday|Sunday|Monday)$", g("hol_n")):
            return True
    elif shape == "dur":
        n = _number(g("dur_q"))
        if n is not None and g("dur_q").lower() not in ("a", "an", "one"):
            return True
        if "-" in m.group(0):  # "one-day", "a 10-year" adjectives; but "$50,000-a-year" is a rate
            return n is not None and g("dur_q").lower() not in ("a", "an")
    elif shape == "qtr":
        if g("qtr_y") or g("qtr_qy") or g("qtr_rel"):
            return True
    elif shape not in ("yr", "od"):
        return True
    if confirmed:
        return True
    gate = _CONFIRMED_BY_CONTEXT.get(shape)
    return bool(gate and gate.search(text, max(0, s - 16), s))


def _fallback_ok(text: str) -> bool:
    """Keep a spaCy DATE the grammar missed only if it reads as time words, not an age, frequency or noise."""
    if _FB_SKIP.search(text):
        return False
    words = re.findall(r"[A-Za-z]+|\d+", text)
    low = [w.lower() for w in words]
    has_month = bool(_MONTH_WORD.search(text))
    if not has_month and not any(
        w in _FB_UNITS or w.rstrip("s") in _FB_UNITS or w in _WD_IDX or w in _FB_PROPER or (w.isdigit() and len(w) == 4)
        for w in low
    ):
        return False
    core = low[1:] if low and low[0] in ("the", "a", "an") else low
    if len(core) == 1 and (core[0] in _FB_UNITS or core != low and core[0].rstrip("s") in _FB_UNITS):
        return False  # "the day", "a week", "the years": nothing to resolve and nothing to say
    if _RATE.search(text):
        return False  # "12-an-hour"
    if all(w in _FB_VOCAB or w.isdigit() or w in _WD_IDX for w in low):
        return True
    capitalised = all(w[0].isupper() or w.isdigit() for w in words if w.lower() not in ("of", "the"))
    return capitalised and (low[-1] in _FB_PROPER or low[-1] in _WD_IDX or has_month)


def _trim_entity(text: str, start: int, end: int) -> tuple[int, int]:
    seg = text[start:end]
    cut = seg.find("http")
    if cut >= 0:
        end = start + cut
    while end > start and text[end - 1] in " .,;:!?)]\"”'’-–—":
        end -= 1
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2
    lead = _FB_LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    return start, end


def _grammar_matches(toks: _Tokens, overlaps: Callable[[int, int], bool]) -> list[_Cand]:
    """Anchor the grammar at head tokens: try each start from the furthest prefix word up to the head."""
    text, idx, prefix, starts = toks.text, toks.idx, toks.prefix, toks.starts
    out: list[_Cand] = []
    last_end = 0
    for i in toks.heads:
        head = idx[i]
        if head < last_end:
            continue
        j = i
        while j > 0 and i - j < 8 and idx[j - 1] >= last_end and prefix[j - 1]:
            j -= 1
        for k in range(j, i + 1):
            if not starts[k]:
                continue
            m = _GRAMMAR.match(text, idx[k])
            if m is None or m.end() <= head:
                continue
            shape = m.lastgroup
            assert shape in _SHAPE_NAMES
            s, e = m.span()
            if _accept(shape, m, s, e, toks, overlaps(s, e)):
                out.append(_Cand(s, e, shape, m))
                last_end = e
                break
    return out


def _candidates(toks: _Tokens) -> list[_Cand]:
    """Grammar matches (gated) plus spaCy DATE entities the grammar did not cover, sorted, non-overlapping."""
    text = toks.text
    ents = toks.ents
    starts = [s for s, _, _ in ents]

    def overlaps(s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e) - 1
        return i >= 0 and ents[i][1] > s

    out = _grammar_matches(toks, overlaps)
    taken = [(c.start, c.end) for c in out]
    taken_starts = [c.start for c in out]
    extra: list[_Cand] = []
    for s, e, label in ents:
        if label != "DATE":
            continue
        i = bisect.bisect_left(taken_starts, e) - 1
        if i >= 0 and taken[i][1] > s:
            continue
        s, e = _trim_entity(text, s, e)
        if e > s and _fallback_ok(text[s:e]) and not re.match(r"[\s-]*old\b", text[e : e + 6]):
            extra.append(_Cand(s, e, "ent", None))
    if extra:
        out = sorted(out + extra)
    return out


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.date | None) -> _R | None:
    """Rare shapes only ('the 12th of Sept., 2018'); dateparser is slow, hence the cache and the narrow gate."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # noqa: BLE001 - a fallback must not take the article down
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = {"time": "day"}.get(data.period or "day", data.period or "day")
    return _period(period, d) if period in ("day", "week", "month", "year") else _day(d)


def _resolve_entity(text: str, ctx: _Ctx) -> _R:
    """A spaCy DATE the grammar does not know: dateparser if it has a number or month, else a bare span."""
    low = text.lower()
    words = re.findall(r"[a-z]+", low)
    unit = next((w.rstrip("s") for w in reversed(words) if w.rstrip("s") in _FB_UNITS), None)
    gran = {"weekend": "day", "hour": "day", "minute": "day", "season": "season"}.get(unit or "", unit)
    if any(c.isdigit() for c in text) or _MONTH_WORD.search(text):
        has_year = re.search(r"\b\d{4}\b", text) is not None
        r = _dateparser(text, None if has_year else ctx.ref)
        if r is not None and (has_year or ctx.ref is not None):
            return r if has_year else ctx.rel(r)
    plural = unit is not None and re.search(rf"\b{unit}s\b", low) is not None
    deictic = words[:1] in (["these"], ["those"], ["nowadays"])  # "these days" points at the present
    return _R(None, gran, kind="duration" if plural and not deictic else "relative")


def _run(toks: _Tokens, cands: list[_Cand], ref: dt.date | None, ref_kind: str | None) -> list[TimeExpression]:
    ctx = _Ctx(toks, ref, ref_kind)
    text = toks.text
    out: list[TimeExpression] = []
    for c in cands:
        if c.match is None:
            r, end = _resolve_entity(text[c.start : c.end], ctx), c.end
        else:
            res = _resolve(c.shape, c.match, c.start, c.end, ctx)
            if res is None:
                continue
            r, end = res
        if r.value is None and r.earliest is None:
            r = r._replace(anchor=None, estimated=False)
        out.append(
            TimeExpression(
                start=c.start,
                end=end,
                text=text[c.start : end],
                value=r.value,
                granularity=r.gran,
                kind=r.kind,
                anchor=r.anchor,
                estimated=r.estimated,
                earliest=r.earliest,
                latest=r.latest,
            )
        )
        if r.value is not None and r.kind != "duration" and r.earliest is not None:
            ctx.prev = r
    return out


def find_times(
    doc: Doc, published: dt.date | None, *, text: str | None = None, cited_elsewhere: Iterable[dt.date] = ()
) -> tuple[list[TimeExpression], tuple[dt.date, dt.date] | None]:
    """Find time expressions in doc (doc.text is the article text; spans index it) and resolve them.

    Returns the expressions, sorted and non-overlapping, and, when `published` is None, the estimated date range
    whose start served as the anchor (see `estimate_date_range`), else None. `text`, when the caller has it, must
    equal doc.text: passing it saves rebuilding the text from the tokens (about half of this function's time).
    `cited_elsewhere`: full dates the page gives outside the text (a removed photo caption's), evidence for the
    estimate like the text's own.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    if text is not None and len(doc):
        last = doc[-1]
        if text[last.idx : last.idx + len(last.text)] != last.text:
            raise ValueError("find_times: `text` is not the text of `doc`")
    toks = _Tokens(doc, text)
    cands = _candidates(toks)
    if published is not None:
        return _run(toks, cands, published, "published"), None
    first = _run(toks, cands, None, None)
    evidence = [t for t in first if t.kind == "absolute" and _tense(toks, t.start, t.end) != "future"]
    estimate = estimate_date_range(evidence, cited_elsewhere)
    if estimate is None:
        return first, None
    return _run(toks, cands, estimate[0], "estimate"), estimate


def caption_dates(article: Article) -> list[dt.date]:
    """Full dates in the photo captions cleaning removed from the page: a photo is no later than the report it
    illustrates, so they are evidence when the page gives no date."""
    return [date for line in article.removed if line.rule == "caption" for date in full_dates_in(line.text)]


def estimate_date_range(
    doc_or_absolute_times: Doc | Iterable[TimeExpression], cited_elsewhere: Iterable[dt.date] = ()
) -> tuple[dt.date, dt.date] | None:
    """Estimate when an undated article was written, from the absolute dates it mentions.

    Rule: take the latest absolute date of day or month granularity the text mentions (by its first day), or
    of the full dates ``cited_elsewhere`` on its page (a photo caption's); the article is assumed to date from
    that day to 30 days after the end of it ("May 9, 2018" -> 2018-05-09 .. 2018-06-08; "September 2015" ->
    2015-09-01 .. 2015-10-30). With only years, the latest year mentioned, whole. Nothing absolute: None. It is an
    estimate: times resolved against it are marked `estimated=True` and anchored "estimate". Given a Doc, the
    times are found first (in future-tense clauses they are not evidence).
    """
    if isinstance(doc_or_absolute_times, Doc):
        return find_times(doc_or_absolute_times, None, cited_elsewhere=cited_elsewhere)[1]
    times = [t for t in doc_or_absolute_times if t.kind == "absolute" and t.earliest and t.latest]
    fine = [(t.earliest, t.latest) for t in times if t.granularity in ("day", "month")]
    fine += [(day, day) for day in cited_elsewhere]
    if fine:
        earliest, latest = max(fine)
        assert earliest is not None and latest is not None
        return earliest, latest + dt.timedelta(days=30)
    years = [t for t in times if t.granularity == "year" and t.earliest and t.latest]
    if years:
        best = max(years, key=lambda t: t.latest)
        return best.latest.replace(month=1, day=1), best.latest
    return None
