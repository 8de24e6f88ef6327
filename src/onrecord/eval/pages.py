"""Real pages scored against quotations annotated by hand (`onrecord eval pages GOLD_DIR --pages DIR`).

Gold: one JSON list per page, GOLD_DIR/NAME.json for the page DIR/NAME.html (or .htm, .txt), each item
{"page", "kind": direct|indirect|mixed, "text" (split parts joined by " … "), "speaker", "role", "cue",
"post"}. Counting:
- a gold item is found when an emitted record covers at least half of its characters (whitespace,
  quotation marks, dashes and case normalised) and its speaker matches: the same name, or the gold
  name's last word among the emitted name's words;
- precision: emitted records that overlap a gold item by at least half of the shorter of the two;
- speaker full-name accuracy: among gold items some record covers, the share whose best-covering record
  names the gold speaker exactly (titles and case aside).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

GOLD_KEYS = {"page", "kind", "text", "speaker", "role", "cue", "post"}
PART_JOINER = " … "
QUOTE_MARKS = "“”\"‘’'«»„‚‹›`´"
DASHES = "—–‐‒―-"
PAGE_SUFFIXES = (".html", ".htm", ".txt")


class GoldError(Exception):
    """A gold folder or item that cannot be read; the message is one line."""


@dataclass
class GoldItem:
    page: str
    kind: str
    text: str
    speaker: str | None
    role: str | None
    cue: str | None
    post: str | None


def load_gold(gold_dir: Path) -> dict[str, list[GoldItem]]:
    """Gold items by page file name, from every NAME.json in the folder."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a folder of gold JSON files")
    pages: dict[str, list[GoldItem]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            items = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise GoldError(f"{path}: not valid JSON ({error})") from None
        if not isinstance(items, list):
            raise GoldError(f"{path}: a gold file holds one JSON list")
        for n, item in enumerate(items):
            if not isinstance(item, dict) or not GOLD_KEYS <= set(item):
                raise GoldError(f"{path}: item {n} needs the keys {', '.join(sorted(GOLD_KEYS))}")
            if item["kind"] not in ("direct", "indirect", "mixed") or not str(item["text"]).strip():
                raise GoldError(f"{path}: item {n} has kind {item['kind']!r} or empty text")
        pages[path.stem] = [GoldItem(**{key: item[key] for key in GOLD_KEYS}) for item in items]
    if not pages:
        raise GoldError(f"{gold_dir}: no .json gold files")
    return pages


# -- text alignment ---------------------------------------------------------------------------------
def normalised(text: str) -> tuple[str, list[int]]:
    """Lower case, quotation marks dropped, dashes and whitespace runs as one space; and for each
    character kept, its offset in text."""
    chars, offsets = [], []
    for i, ch in enumerate(text):
        if ch in QUOTE_MARKS:
            continue
        if ch in DASHES or ch.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
            continue
        chars.append(ch.lower())
        offsets.append(i)
    return "".join(chars), offsets


def _norm_part(part: str) -> str:
    return normalised(part)[0].strip()


class Aligner:
    """Finds gold text in a document's text, in reading order, as sets of document offsets."""

    def __init__(self, text: str):
        self.norm, self.offsets = normalised(text)
        self.cursor = 0

    def locate(self, item_text: str) -> set[int] | None:
        """The document offsets of the item's characters, searched from where the last item started (items
        come in reading order, a nested one inside the one before), else anywhere."""
        found: set[int] = set()
        cursor, first = self.cursor, None
        for part in (p for p in item_text.split(PART_JOINER) if _norm_part(p)):
            needle = _norm_part(part)
            at = self.norm.find(needle, cursor)
            if at < 0:
                at = self.norm.find(needle)
            if at < 0:
                return None
            first = at if first is None else first
            found.update(self.offsets[i] for i in range(at, at + len(needle)) if self.norm[i] != " ")
            cursor = at + len(needle)
        if first is not None:
            self.cursor = max(self.cursor, first)
        return found or None


def record_chars(record: dict) -> set[int]:
    pieces = [(p["start"], p["end"]) for p in record.get("parts") or []] or [(record["start"], record["end"])]
    return {i for start, end in pieces for i in range(start, end)}


# -- speakers ---------------------------------------------------------------------------------------
TITLE_WORDS = frozenset("""mr mrs ms miss dr prof sir dame lord lady president vice sen senator rep gov governor
judge justice rev the a an prime minister""".split())


def name_key(name: str | None) -> list[str]:
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = re.findall(r"[\w'’-]+", text)
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words.pop(0)
    return words


def speaker_matches(gold: str | None, emitted: str | None) -> bool:
    """The same name, or the gold name's last word among the emitted name's words."""
    want, got = name_key(gold), name_key(emitted)
    if not want:
        return not got
    return want == got or want[-1] in got


def full_name_right(gold: str | None, emitted: str | None) -> bool:
    return name_key(gold) == name_key(emitted)


# -- scoring ----------------------------------------------------------------------------------------
@dataclass
class PageScore:
    page: str
    gold: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    """kind -> [found, total]"""
    records: int = 0
    precise: int = 0
    names: list[int] = field(default_factory=lambda: [0, 0])
    not_in_text: int = 0


@dataclass
class PagesReport:
    pages: list[PageScore] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    scored_records: list[tuple[dict, bool]] = field(default_factory=list)
    """Every emitted record with whether it is right (a gold statement, said by the gold speaker)."""

    def total(self, kinds: tuple[str, ...]) -> list[int]:
        found = sum(p.gold[k][0] for p in self.pages for k in kinds)
        return [found, sum(p.gold[k][1] for p in self.pages for k in kinds)]

    def precision(self) -> list[int]:
        return [sum(p.precise for p in self.pages), sum(p.records for p in self.pages)]

    def names(self) -> list[int]:
        return [sum(p.names[0] for p in self.pages), sum(p.names[1] for p in self.pages)]

    def summary(self) -> str:
        def ratio(pair):
            return f"{pair[0] / pair[1] if pair[1] else 0:.3f} ({pair[0]}/{pair[1]})"

        return (f"pages: direct+mixed recall {ratio(self.total(('direct', 'mixed')))}, "
                f"indirect recall {ratio(self.total(('indirect',)))}, precision {ratio(self.precision())}, "
                f"speaker full-name accuracy {ratio(self.names())}")

    def print(self, console) -> None:
        from rich.table import Table

        console.print(self.summary())
        table = Table(title="by page", title_justify="left")
        for column in ("page", "direct+mixed", "indirect", "precision", "full names", "gold not in text"):
            table.add_column(column)
        for p in self.pages:
            dm = [p.gold["direct"][0] + p.gold["mixed"][0], p.gold["direct"][1] + p.gold["mixed"][1]]
            table.add_row(p.page[:40], f"{dm[0]}/{dm[1]}", f"{p.gold['indirect'][0]}/{p.gold['indirect'][1]}",
                          f"{p.precise}/{p.records}", f"{p.names[0]}/{p.names[1]}", str(p.not_in_text))
        console.print(table)


def score_page(name: str, text: str, records: list[dict], golds: list[GoldItem], report: PagesReport) -> PageScore:
    score = PageScore(name)
    aligner = Aligner(text)
    located = [(gold, aligner.locate(gold.text)) for gold in golds]
    emitted = [(record, record_chars(record)) for record in records]
    right_records: set[int] = set()
    for gold, gold_chars in located:
        score.gold[gold.kind][1] += 1
        if gold_chars is None:
            score.not_in_text += 1
            report.errors.append({"type": "not-in-text", "page": name, "kind": gold.kind, "text": gold.text[:300]})
            continue
        covering = sorted(((len(gold_chars & chars) / len(gold_chars), n) for n, (_, chars) in enumerate(emitted)
                           if len(gold_chars & chars) >= 0.5 * len(gold_chars)), reverse=True)
        found = [n for _, n in covering if speaker_matches(gold.speaker, _name(emitted[n][0]))]
        if found:
            score.gold[gold.kind][0] += 1
            right_records.update(found)
        if covering:
            best = emitted[(found or [n for _, n in covering])[0]][0]
            score.names[1] += 1
            score.names[0] += full_name_right(gold.speaker, _name(best))
            if not full_name_right(gold.speaker, _name(best)):
                report.errors.append({"type": "wrong-name" if found else "wrong-speaker", "page": name,
                                      "kind": gold.kind, "expected": gold.speaker, "got": _name(best),
                                      "rule": best.get("rule"), "text": gold.text[:300]})
        else:
            report.errors.append({"type": "miss", "page": name, "kind": gold.kind, "speaker": gold.speaker,
                                  "cue": gold.cue, "text": gold.text[:300]})
    gold_sets = [chars for _, chars in located if chars]
    for n, (record, chars) in enumerate(emitted):
        score.records += 1
        overlaps = chars and any(len(chars & g) >= 0.5 * min(len(chars), len(g)) for g in gold_sets)
        score.precise += bool(overlaps)
        report.scored_records.append((record, n in right_records or (bool(overlaps) and not _name(record))))
        if not overlaps:
            report.errors.append({"type": "false-alarm", "page": name, "rule": record.get("rule"),
                                  "speaker": _name(record), "text": record["text"][:300]})
    report.pages.append(score)
    return score


def _name(record: dict) -> str | None:
    return (record.get("speaker") or {}).get("name")


def page_path(pages_dir: Path, name: str) -> Path:
    for suffix in PAGE_SUFFIXES:
        path = Path(pages_dir) / f"{name}{suffix}"
        if path.exists():
            return path
    raise GoldError(f"{pages_dir}: no page {name}.html (or .htm, .txt) for the gold file {name}.json")


def evaluate(gold_dir: Path, pages_dir: Path, model: str | None = None, errors_path: Path | None = None) -> PagesReport:
    from onrecord.pipeline import extract_sources, load_pipeline
    from onrecord.sources import SourceError, read_file

    gold = load_gold(gold_dir)
    raws = []
    for name in gold:
        try:
            raws.append(read_file(str(page_path(pages_dir, name))))
        except SourceError as error:
            raise GoldError(str(error)) from None
    name_of = {raw.source: Path(raw.source).stem for raw in raws}

    def unreadable(error) -> None:
        raise GoldError(error.message)

    report = PagesReport()
    nlp = load_pipeline(model)
    for extraction in extract_sources(nlp, raws, unreadable):
        name = name_of[extraction.document.info.source]
        score_page(name, extraction.document.text, extraction.records(), gold[name], report)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as handle:
            for error in report.errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    return report
