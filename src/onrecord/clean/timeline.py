"""Live-blog post times: the stated ones normalised, the clock-only ones ("15:05", "17.00") placed on the
right day, walking from the page's own date across midnight in the direction the blog runs."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from onrecord.clean.times import day_in_line, iso, normalise, parse_stamp, read_clock, zone_named

MIDNIGHT_JUMP = timedelta(hours=1)
"""Between neighbouring posts, the clock going the 'wrong' way by more than this means a new day;
less is an edit or a late post."""


@dataclass
class PostClock:
    """A post's time as its time line writes it."""

    text: str
    at: time
    zone_name: str | None
    """The zone abbreviation the line prints ("IST"), read against the page's own zone (times.zone_named)."""
    day: date | None = None
    """A day the line names itself ("Feb 25"), without its year."""

    @classmethod
    def read(cls, text: str | None) -> "PostClock | None":
        clock = read_clock(text or "")
        if clock is None:
            return None
        return cls(text.strip(), clock.at, clock.zone_name, day_in_line(text, 2000))


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _runs_backwards(clocks: list[PostClock]) -> bool:
    """Newest first (most live blogs) when the clock mostly goes down from one post to the next."""
    steps = [_minutes(b.at) - _minutes(a.at) for a, b in zip(clocks, clocks[1:])]
    return sum(s < 0 for s in steps) >= sum(s > 0 for s in steps)


def _reference(meta, zone, latest: bool) -> datetime | None:
    """Where the walk starts: the page's last update for a newest-first blog, its publication otherwise."""
    for value in (meta.modified, meta.published) if latest else (meta.published, meta.modified):
        stamp = parse_stamp(value)
        if stamp is not None:
            moment = stamp.moment if stamp.has_zone or zone is None else stamp.moment.replace(tzinfo=zone)
            return moment
    return None


def _place(clock: PostClock, current: datetime, backwards: bool, zone) -> datetime:
    """The clock's moment nearest `current`, on the same day unless the clock jumped across midnight."""
    tz = zone_named(clock.zone_name, zone) or current.tzinfo or zone
    local = current.astimezone(tz) if current.tzinfo and tz else current
    if clock.day is not None:
        day = clock.day.replace(year=local.year)
    else:
        day = local.date()
        shift = _minutes(clock.at) - _minutes(local.time())
        if backwards and shift > MIDNIGHT_JUMP.total_seconds() / 60:
            day -= timedelta(days=1)
        elif not backwards and shift < -MIDNIGHT_JUMP.total_seconds() / 60:
            day += timedelta(days=1)
    moment = datetime.combine(day, clock.at)
    return moment.replace(tzinfo=tz) if tz is not None else moment


def date_posts(posts, meta) -> None:
    """Set every post's time to ISO 8601 (with the page's zone when the post gives only a local time)."""
    zone = meta.zone
    clocks = [p.clock for p in posts if p.clock is not None]
    backwards = _runs_backwards(clocks) if len(clocks) > 1 else True
    current = _reference(meta, zone, latest=backwards)
    for post in posts:
        if post.time:
            post.time = normalise(post.time if not post.time.isdigit() else _epoch(post.time), zone)
            stamp = parse_stamp(post.time)
            if stamp is not None and stamp.has_time:
                current = stamp.moment
        elif post.clock is not None and current is not None:
            moment = _place(post.clock, current, backwards, zone)
            post.time = iso(moment) if moment.tzinfo else moment.replace(microsecond=0).isoformat()
            current = moment


def _epoch(digits: str) -> str | None:
    """data-timestamp values: seconds or milliseconds since 1970."""
    seconds = int(digits) / (1000 if len(digits) > 11 else 1)
    try:
        return iso(datetime.fromtimestamp(seconds, tz=timezone.utc))
    except (OverflowError, OSError, ValueError):
        return None
