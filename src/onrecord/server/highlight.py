"""A document's text cut into pieces: plain text, quotations and speaker mentions, for highlighting."""
from __future__ import annotations


def speaker_colour(speaker_id: int | None) -> str:
    if speaker_id is None:
        return "hsl(0, 0%, 88%)"
    return f"hsl({speaker_id * 67 % 360}, 75%, 84%)"


def pieces(text: str, quotations: list[dict]) -> list[dict]:
    """Non-overlapping highlights in reading order; a quotation nested in another is listed, not painted."""
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
        if not isinstance(start, int) or not isinstance(end, int) or end <= start or end > len(text):
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
