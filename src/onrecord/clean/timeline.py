"""Live-blog post times: the stated ones normalised, the clock-only ones ("15:05", "17.00", "22:28 (IST) Feb 25")
placed on the right day.

A post that states its date, or whose time line names its day, is an anchor; a clock-only post walks from
the anchor before it (or, at the top of the page, the one after it) across midnight in the direction the
blog runs. A blog with no anchor at all is walked as a whole and then set on the days that fit the page's
own times: its publication first (a blog starts when it is published, or, on pages that publish their
latest update as the page's time, ends there), then its last modification, which only bounds it (a page
is often touched again days after its last post). A date that cannot be placed leaves the post without a
time; it never rejects the page.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from onrecord.clean.times import day_in_line, iso, normalise, parse_stamp, read_clock, zone_named

MIDNIGHT_JUMP = timedelta(hours=1)
"""Between neighbouring posts, the clock going the 'wrong' way by more than this means a new day;
less is an edit or a late post."""
PAGE_TIME_SLACK = timedelta(hours=1)
"""Posts may sit this far outside the page's published-to-modified window (a post written just before the
page went out, a modification time rounded down)."""
NAMED_DAY_REACH = timedelta(days=183)
"""A day a time line names ("Feb 29") is read in the year that puts it nearest the publication, and not
believed when even that is further away than this."""
CALENDAR_EDGE = (OverflowError, ValueError)
"""Date arithmetic past year 1 or 9999 (placeholder and garbage dates do occur)."""


@dataclass
class PostClock:
    """A post's time as its time line writes it."""

    text: str
    at: time
    zone_name: str | None
    """The zone abbreviation the line prints ("IST"), read against the page's own zone (times.zone_named)."""
    month_day: tuple[int, int] | None = None
    """A day the line names itself ("Feb 25"), without its year."""

    @classmethod
    def read(cls, text: str | None) -> "PostClock | None":
        clock = read_clock(text or "")
        if clock is None:
            return None
        return cls(text.strip(), clock.at, clock.zone_name, day_in_line(text))


@dataclass(frozen=True)
class PageTimes:
    """The page's own times, as moments, and the zone it shows its times in."""

    published: datetime | None
    modified: datetime | None
    zone: timezone | None

    @classmethod
    def of(cls, meta) -> "PageTimes":
        def moment(value: str | None) -> datetime | None:
            stamp = parse_stamp(value)
            if stamp is None:
                return None
            return stamp.moment if stamp.has_zone or meta.zone is None else stamp.moment.replace(tzinfo=meta.zone)

        return cls(moment(meta.published), moment(meta.modified), meta.zone)

    @property
    def reference(self) -> datetime | None:
        """The time a blog's days are read from: its publication, else its last modification."""
        return self.published or self.modified


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _runs_backwards(clocks: list[PostClock]) -> bool:
    """Newest first (most live blogs) when the clock mostly goes down from one post to the next."""
    steps = [_minutes(b.at) - _minutes(a.at) for a, b in zip(clocks, clocks[1:])]
    return sum(s < 0 for s in steps) >= sum(s > 0 for s in steps)


def _zone_of(clock: PostClock, near: datetime | None, page: PageTimes) -> timezone | None:
    """The zone a clock is read in: the one its line names (where the page agrees, for a name several zones
    share), else that of the moment it is placed next to, else the page's."""
    named = zone_named(clock.zone_name, page.zone)
    return named or (near.tzinfo if near is not None else None) or page.zone


def _at(day: date, clock: PostClock, zone) -> datetime:
    moment = datetime.combine(day, clock.at)
    return moment.replace(tzinfo=zone) if zone is not None else moment


def _local(moment: datetime, zone) -> datetime:
    return moment.astimezone(zone) if moment.tzinfo is not None and zone is not None else moment


def _next_to(clock: PostClock, current: datetime, backwards: bool, page: PageTimes) -> datetime:
    """The clock's moment next to `current` (the post before it): the same day unless the clock jumped
    across midnight in the direction the blog runs."""
    zone = _zone_of(clock, current, page)
    local = _local(current, zone)
    day = local.date()
    shift = _minutes(clock.at) - _minutes(local.time())
    if backwards and shift > MIDNIGHT_JUMP.total_seconds() / 60:
        day -= timedelta(days=1)
    elif not backwards and shift < -MIDNIGHT_JUMP.total_seconds() / 60:
        day += timedelta(days=1)
    return _at(day, clock, zone)


def _on_named_day(clock: PostClock, page: PageTimes) -> datetime | None:
    """A time line that names its day ("22:28 (IST) Feb 25"), in the year nearest the page's publication."""
    reference = page.reference
    if clock.month_day is None or reference is None:
        return None
    zone = _zone_of(clock, reference, page)
    near = _local(reference, zone).date()
    month, day = clock.month_day
    days = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            days.append(date(year, month, day))
        except ValueError:  # 29 February outside a leap year, or a year past the calendar's edge
            continue
    best = min(days, key=lambda d: abs(d - near), default=None)
    if best is None or abs(best - near) > NAMED_DAY_REACH:
        return None
    return _at(best, clock, zone)


def _as_instant(moment: datetime) -> datetime:
    """For comparisons only: a moment without a zone is taken as UTC (being hours out changes no day here)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _gap(first: datetime, last: datetime, low: datetime | None, high: datetime | None) -> timedelta:
    """How far the span first..last lies outside low..high (an open end where None); zero when they meet."""
    first, last = _as_instant(first), _as_instant(last)
    below = _as_instant(low) - last if low is not None else timedelta(0)
    above = first - _as_instant(high) if high is not None else timedelta(0)
    return max(below, above, timedelta(0))


def _fit_to_page(moments: list[datetime], page: PageTimes) -> list[datetime]:
    """A blog walked from a provisional day, moved by whole days to where it fits the page: inside
    published..modified (modified only bounds it: a page is often touched again days later), then nearest
    its publication, then starting nearest it (a blog longer than a day holds its publication more than once)."""
    reference = page.reference
    low = page.published - PAGE_TIME_SLACK if page.published else None
    high = page.modified + PAGE_TIME_SLACK if page.modified else None
    if low is not None and high is not None and _as_instant(high) < _as_instant(low):
        high = None  # a modification time before the publication bounds nothing
    first, last = min(moments, key=_as_instant), max(moments, key=_as_instant)
    reach = (_as_instant(last) - _as_instant(first)).days + 2

    def misfit(days: int) -> tuple:
        start, end = first + timedelta(days=days), last + timedelta(days=days)
        outside_the_page = _gap(start, end, low, high)
        away_from_publication = _gap(start, end, reference, reference)
        start_away = abs(_as_instant(start) - _as_instant(reference))
        return outside_the_page, away_from_publication, start_away, abs(days)

    best = min(range(-reach, reach + 1), key=misfit)
    return [moment + timedelta(days=best) for moment in moments]


def _walk(clocks: list[PostClock], start: datetime, backwards: bool, page: PageTimes) -> list[datetime]:
    """Each clock placed next to the moment before it, from `start` (the moment before the first)."""
    moments, current = [], start
    for clock in clocks:
        current = _next_to(clock, current, backwards, page)
        moments.append(current)
    return moments


def _stated(post, page: PageTimes) -> datetime | None:
    """A post's own stated time, normalised in place; its moment when it has a time of day."""
    value = post.time if not post.time.isdigit() else _epoch(post.time)
    post.time = normalise(value, page.zone)
    stamp = parse_stamp(post.time)
    return stamp.moment if stamp is not None and stamp.has_time else None


def _anchors(posts, page: PageTimes) -> list[datetime | None]:
    """The moment of every post that states its date or names its day; None for the others."""
    moments: list[datetime | None] = []
    for post in posts:
        moment = None
        try:
            if post.time:
                moment = _stated(post, page)
            elif post.clock is not None:
                moment = _on_named_day(post.clock, page)
        except CALENDAR_EDGE:
            moment = None
        moments.append(moment)
    return moments


def _place_clocks(posts, moments: list[datetime | None], backwards: bool, page: PageTimes) -> None:
    """Fill in the moments of clock-only posts: from the anchor before each, the top of the page from the
    first anchor below it (walking up, against the blog's direction), a blog with no anchor fitted whole."""
    leading: list[int] = []
    current: datetime | None = None
    for i, post in enumerate(posts):
        if moments[i] is not None:
            current = moments[i]
        elif post.clock is not None and not post.time:
            if current is None:
                leading.append(i)
            else:
                moments[i] = current = _next_to(post.clock, current, backwards, page)
    if not leading:
        return
    clocks = [posts[i].clock for i in leading]
    below = next((m for m in moments if m is not None), None)
    if below is not None:
        placed = list(reversed(_walk(list(reversed(clocks)), below, not backwards, page)))
    elif page.reference is not None:
        zone = _zone_of(clocks[0], page.reference, page)
        start = _at(_local(page.reference, zone).date(), clocks[0], zone)
        placed = _fit_to_page([start] + _walk(clocks[1:], start, backwards, page), page)
    else:
        return
    for i, moment in zip(leading, placed):
        moments[i] = moment


def date_posts(posts, meta) -> None:
    """Set every post's time to ISO 8601 (with the page's zone when the post gives only a local time)."""
    page = PageTimes.of(meta)
    clocks = [p.clock for p in posts if p.clock is not None]
    backwards = _runs_backwards(clocks) if len(clocks) > 1 else True
    moments = _anchors(posts, page)
    try:
        _place_clocks(posts, moments, backwards, page)
    except CALENDAR_EDGE:
        pass  # the posts not yet placed keep no time
    for post, moment in zip(posts, moments):
        if not post.time and post.clock is not None and moment is not None:
            post.time = iso(moment) if moment.tzinfo else moment.replace(microsecond=0).isoformat()


def _epoch(digits: str) -> str | None:
    """data-timestamp values: seconds or milliseconds since 1970."""
    seconds = int(digits) / (1000 if len(digits) > 11 else 1)
    try:
        return iso(datetime.fromtimestamp(seconds, tz=timezone.utc))
    except (OverflowError, OSError, ValueError):
        return None
