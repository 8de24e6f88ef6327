"""Dates and times as pages write them, normalised to ISO 8601 with a zone.

Pages give "2026-06-05T20:43:49+0000", "2024-11-22 16:55:35", "Wed, 25 May 2016 01:00:31 +0530",
"5:00PM GMT 31 Dec 2014", and live-blog posts only "15:05", "17.00" or "22:28 (IST) Feb 25".
A time without a zone takes the page's zone (the offset of its own full timestamps).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from dateutil import parser as dateparser

ZONE_OFFSETS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "MSK": 180, "GST": 240,
    "PKT": 300, "SGT": 480, "HKT": 480, "AWST": 480, "JST": 540, "KST": 540, "ACST": 570, "AEST": 600, "AEDT": 660,
    "NZST": 720, "NZDT": 780, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
    "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
}
"""Zone abbreviations news pages print next to times, each naming one offset."""
AMBIGUOUS_ZONES = {"IST": (330, 60, 120), "CST": (-360, 480, -300), "BST": (60, 360), "ET": (-300, -240),
                   "PT": (-480, -420)}
"""Abbreviations that name several offsets: IST is India's, Irish summer time and Israel's; CST is US Central,
China's and Cuba's; BST is British Summer Time and Bangladesh's; ET and PT say only 'Eastern' or 'Pacific',
whose offset depends on the season. Such a name is believed only where the page's own offset (from its
machine-readable times) is one of those it names; elsewhere the time is left without a zone."""
TZINFOS = {name: timezone(timedelta(minutes=minutes)) for name, minutes in ZONE_OFFSETS.items()} | \
    {name: None for name in AMBIGUOUS_ZONES}
"""For dateutil: a name mapped to None leaves the time without a zone (instead of dateutil's own guess)."""
EARLIEST_YEAR = 1990
"""Older dates on news pages are placeholders (0001-01-01) or errors."""

_CLOCK = re.compile(
    r"(?<![\d.:])(?P<hour>[01]?\d|2[0-3])(?:[:.h](?P<minute>[0-5]\d))(?::(?P<second>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?![\d])(?:\s*\(?(?P<zone>[A-Z]{2,4})\)?(?![A-Za-z]))?",
    re.I,
)


@dataclass(frozen=True)
class Stamp:
    """A parsed date: has_time is False for a date alone, and moment is then that day at midnight."""

    moment: datetime
    has_time: bool

    @property
    def has_zone(self) -> bool:
        return self.moment.tzinfo is not None


def iso(moment: datetime) -> str:
    """ISO 8601 to the second; UTC as Z."""
    moment = moment.replace(microsecond=0)
    if moment.tzinfo is not None and moment.utcoffset() == timedelta(0):
        return moment.replace(tzinfo=None).isoformat() + "Z"
    return moment.isoformat()


def _has_clock(value: str) -> bool:
    return bool(re.search(r"\d{1,2}[:.h]\d\d|T\d\d|\d\d?\s*[ap]\.?m", value, re.I))


def parse_stamp(value: str | None) -> Stamp | None:
    """A full or partial date as a page writes it, or None when it is not one."""
    value = (value or "").strip()
    if not value or len(value) > 80 or not re.search(r"\d", value):
        return None
    compact = re.fullmatch(r"(\d{4})(\d\d)(\d\d)", value)
    if compact:
        value = "-".join(compact.groups())
    try:
        moment = dateparser.isoparse(value)
    except ValueError:
        try:
            moment = dateparser.parse(re.sub(r"\(.*?\)", " ", value), tzinfos=TZINFOS,
                                     default=datetime(2000, 1, 1))
        except (ValueError, OverflowError, TypeError):
            return None
        if not re.search(r"\b(19|20)\d\d\b", value):
            return None
    if moment.year < EARLIEST_YEAR:
        return None
    return Stamp(moment, _has_clock(value) or bool(moment.hour or moment.minute))


def normalise(value: str | None, zone: timezone | None = None) -> str | None:
    """ISO 8601 for any date a page gives, in the page's zone: a date alone stays a date; a time without a
    zone is taken to be in `zone`, and one with a zone is the same instant written in `zone`."""
    stamp = parse_stamp(value)
    if stamp is None:
        return None
    if not stamp.has_time:
        return stamp.moment.date().isoformat()
    moment = stamp.moment
    if zone is not None:
        try:
            moment = moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)
        except OverflowError:  # the same instant in `zone` falls past year 9999 or before year 1
            pass
    return iso(moment)


@dataclass(frozen=True)
class Clock:
    """A time of day read from a post's time line, with the zone abbreviation it prints if any."""

    at: time
    zone_name: str | None


def read_clock(text: str) -> Clock | None:
    """The first time of day in a short time line: "Posted at 15:05", "17.00", "22:28 (IST) Feb 25", "9:03 PM"."""
    found = _CLOCK.search(text or "")
    if not found:
        return None
    hour, minute = int(found["hour"]), int(found["minute"])
    ampm = (found["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return Clock(time(hour, minute, int(found["second"] or 0)), (found["zone"] or "").upper() or None)


def zone_named(name: str | None, page_zone: timezone | None) -> timezone | None:
    """The zone an abbreviation names; one naming several zones is the page's own zone where that is one of
    them, else no zone at all (the time then counts as the page's, like any time printed without a zone)."""
    offsets = AMBIGUOUS_ZONES.get(name or "")
    if offsets is None:
        return TZINFOS.get(name or "")
    if page_zone is not None and page_zone.utcoffset(None) in {timedelta(minutes=m) for m in offsets}:
        return page_zone
    return None


def day_in_line(text: str) -> tuple[int, int] | None:
    """A day named in a time line ("Feb 25", "25 February"), as (month, day): the line gives no year."""
    found = re.search(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\b|\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b", text or "")
    if not found:
        return None
    try:  # in a leap year, so that 29 February is a day
        parsed = dateparser.parse(found.group(0), default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.month, parsed.day


def zone_of(values) -> timezone | None:
    """The page's zone: the offset of the first of these timestamps that carries one."""
    for value in values:
        stamp = parse_stamp(value)
        if stamp and stamp.has_time and stamp.has_zone:
            return timezone(stamp.moment.utcoffset())
    return None
