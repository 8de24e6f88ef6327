"""A document's text cut into blocks (a live blog's posts) and pieces (plain text, quotations and speaker
mentions), for highlighting."""
from __future__ import annotations


def speaker_colour(speaker_id: int | None) -> str:
    if speaker_id is None:
        return "hsl(0, 0%, 88%)"
    return f"hsl({speaker_id * 67 % 360}, 75%, 84%)"


def pieces(text: str, quotations: list[dict], base: int = 0) -> list[dict]:
    """Non-overlapping highlights in reading order; a quotation nested in another is listed, not painted.
    `text` may be a stretch of the document that starts at offset `base` (one post)."""
    quotations = [_shifted(r, base) for r in quotations if base <= r["start"] and r["end"] <= base + len(text)]
    marks = []
    taken_until = -1
    for record in sorted(quotations, key=lambda r: (r["start"], -r["end"])):
        if record["start"] >= taken_until:
            marks.append((record["start"], record["end"], "quote", record))
            taken_until = record["end"]
    spans = [(s, e) for s, e, _, _ in marks]
    for record in quotations:
        speaker = record.get("speaker") or {}
        start, end = speaker.get("start"), speaker.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or start < 0 or end <= start or end > len(text):
            continue
        if any(start < e and s < end for s, e in spans):
            continue
        marks.append((start, end, "mention", record))
        spans.append((start, end))
    marks.sort(key=lambda m: m[0])
    result = []
    cursor = 0
    for start, end, kind, record in marks:
        if start > cursor:
            result.append({"kind": "plain", "text": text[cursor:start]})
        result.append({"kind": kind, "text": text[start:end], "record": record,
                       "colour": speaker_colour(record.get("speaker_id"))})
        cursor = end
    if cursor < len(text):
        result.append({"kind": "plain", "text": text[cursor:]})
    return result


def _shifted(record: dict, base: int) -> dict:
    if not base:
        return record
    speaker = record.get("speaker")
    if speaker and isinstance(speaker.get("start"), int) and isinstance(speaker.get("end"), int):
        speaker = dict(speaker, start=speaker["start"] - base, end=speaker["end"] - base)
    return dict(record, start=record["start"] - base, end=record["end"] - base, speaker=speaker)


def sections(text: str, posts: list[dict], quotations: list[dict], title: str | None = None) -> list[dict]:
    """A live blog as its posts, each a block of its own (headline and time apart, as the page shows them),
    after any text before the first post other than the page's title; any other document is one block."""
    ordered, cursor = [], 0
    for post in sorted(posts, key=lambda p: p["start"]):
        if post["start"] >= cursor and post["end"] <= len(text) and post["start"] < post["end"]:
            ordered.append(post)
            cursor = post["end"]
    if len(ordered) < 2:
        return [{"post": None, "pieces": pieces(text, quotations)}]
    blocks = []
    if text[:ordered[0]["start"]].strip() not in ("", (title or "").strip()):
        blocks.append({"post": None, "pieces": pieces(text[:ordered[0]["start"]], quotations)})
    for post in ordered:
        start = post["start"]
        if post.get("title") and text.startswith(post["title"], start):
            start += len(post["title"])
        while start < post["end"] and text[start] == "\n":
            start += 1
        blocks.append({"post": post, "pieces": pieces(text[start:post["end"]], quotations, start)})
    return blocks


def week_bars(per_week: dict[str, int], width: int = 600, height: int = 120) -> list[dict]:
    """Bars for an inline SVG chart of quotations per week."""
    if not per_week:
        return []
    top = max(per_week.values())
    step = min(width / len(per_week), 48)
    bars = []
    for i, (week, count) in enumerate(per_week.items()):
        bar_height = max(2, round(count / top * (height - 20)))
        bars.append({"x": round(i * step + 2, 1), "width": max(2, round(step - 4, 1)), "y": height - bar_height,
                     "height": bar_height, "week": week, "count": count})
    return bars
