"""PolNeAR scoring, counted exactly as the project's reference scorer counts.

One gold attribution = one Content span (first annotator). Direct: the content holds a quotation
mark and starts with one or has a speech cue. Indirect speech: no quotation mark and a speech cue.
Found: a prediction covers at least half of the gold content and its speaker mention overlaps the
gold Source or shares a capitalised word with it. Precision: predictions overlapping any gold
content by at least half of the shorter span.
"""
from __future__ import annotations

import json
import os
import re
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

SPEECH_WORDS = frozenset("""say said says saying tell told tells telling according add added adds adding
write wrote writes writing note noted notes noting state stated states stating announce announced
announces announcing ask asked asks asking argue argued argues arguing explain explained explains
explaining insist insisted insists insisting claim claimed claims claiming warn warned warns warning
declare declared declares declaring recall recalled recalls recalling reiterate reiterated reiterates
stress stressed stresses stressing acknowledge acknowledged acknowledges admit admitted admits reply
replied replies replying respond responded responds responding tweet tweeted tweets tweeting post
posted posts continue continued continues continuing""".split())
PRONOUNS = frozenset("he she him her they them it i we his hers".split())
# 'I' and 'we' are the writer or whoever is quoting: no earlier source names them
FIRST_PERSON = frozenset({"i", "we"})


class PolnearError(Exception):
    pass


def is_speech_cue(cue: str) -> bool:
    cue = cue.strip().lower()
    if cue in (":", "―", "—", "–", "-"):
        return True
    return any(w in SPEECH_WORDS for w in re.findall(r"[a-z]+", cue))


def chars(spans) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        out.update(range(a, b))
    return out


def name_tokens(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[A-Z][\w'’-]+", unicodedata.normalize("NFKC", text or "")) if len(w) > 1}


@dataclass
class Gold:
    content: list[tuple[int, int]]
    ctext: str
    source: list[tuple[int, int]]
    stext: str
    cue: str
    direct: bool


def load_split(split: Path) -> dict[str, tuple[str, list[Gold]]]:
    ann_dir, text_dir = split / "attributions", split / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise PolnearError(f"{split}: not a PolNeAR split (needs text/ and attributions/ folders)")
    articles: dict[str, tuple[str, list[Gold]]] = {}
    for name in sorted(os.listdir(ann_dir)):
        base = re.sub(r"_[0-9a-f]{4}\.ann$", "", name)
        if base in articles or not name.endswith(".ann"):
            continue
        text = (text_dir / f"{base}.txt").read_text(encoding="utf-8")
        spans, events = {}, []
        for line in (ann_dir / name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if parts[0].startswith("T") and len(parts) >= 2:
                label, _, offsets = parts[1].partition(" ")
                pieces = [tuple(map(int, x.split())) for x in offsets.split(";") if x.strip()]
                spans[parts[0]] = (label, pieces, parts[2] if len(parts) > 2 else "")
            elif parts[0].startswith("E") and len(parts) >= 2:
                roles = {}
                for item in parts[1].split(" "):
                    if ":" in item:
                        key, value = item.split(":", 1)
                        roles.setdefault(re.sub(r"\d+$", "", key), value)
                events.append(roles)
        golds = []
        for roles in events:
            content = spans.get(roles.get("Content"))
            if not content:
                continue
            source = spans.get(roles.get("Source"))
            cue = spans.get(roles.get("Cue"))
            golds.append(Gold(content[1], content[2], source[1] if source else [], source[2] if source else "",
                              (cue[2] if cue else "").lower(), bool(re.search("[“\"]", content[2]))))
        articles[base] = (text, golds)
    if not articles:
        raise PolnearError(f"{split}: no .ann files in attributions/")
    return articles


@dataclass
class Report:
    split: str
    direct: list[int] = field(default_factory=lambda: [0, 0])
    indirect: list[int] = field(default_factory=lambda: [0, 0])
    precision: list[int] = field(default_factory=lambda: [0, 0])
    by_cue: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_rule: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    names: list[int] = field(default_factory=lambda: [0, 0])
    words: int = 0
    seconds: float = 0.0
    scored_records: list = field(default_factory=list)
    """Every record with whether it is right: a gold statement, and its speaker named (or nobody named)."""

    @staticmethod
    def ratio(pair) -> float:
        return pair[0] / pair[1] if pair[1] else 0.0

    def summary(self) -> str:
        return (f"{self.split}: direct recall {self.ratio(self.direct):.3f} ({self.direct[0]}/{self.direct[1]}), "
                f"indirect-speech recall {self.ratio(self.indirect):.3f} ({self.indirect[0]}/{self.indirect[1]}), "
                f"precision {self.ratio(self.precision):.3f} ({self.precision[0]}/{self.precision[1]})")

    def print(self, console) -> None:
        from rich.table import Table

        console.print(self.summary())
        console.print(f"speaker-name accuracy (pronoun or surname mentions): {self.ratio(self.names):.3f} "
                      f"({self.names[0]}/{self.names[1]}); {self.words} words in {self.seconds:.1f}s "
                      f"({self.words / max(self.seconds, 1e-9):.0f} words/s)")
        cues = Table(title="recall by gold cue (top 15)", title_justify="left")
        for column in ("cue", "found", "gold", "recall"):
            cues.add_column(column)
        for cue, (hit, total) in sorted(self.by_cue.items(), key=lambda kv: -kv[1][1])[:15]:
            cues.add_row(cue, str(hit), str(total), f"{hit / total:.2f}")
        console.print(cues)
        rules = Table(title="precision by rule / sieve", title_justify="left")
        for column in ("rule", "correct", "predicted", "precision"):
            rules.add_column(column)
        for rule, (ok, total) in sorted(self.by_rule.items(), key=lambda kv: -kv[1][1]):
            rules.add_row(rule, str(ok), str(total), f"{ok / total:.2f}")
        console.print(rules)


def score(articles, predictions: dict[str, list[dict]], split_name: str = "split",
          errors: list | None = None) -> Report:
    report = Report(split_name)
    for base, (text, golds) in articles.items():
        expected = expected_names(golds, text)
        predicted = []
        for r in predictions.get(base, []):
            s, e = r.get("start"), r.get("end")
            if not isinstance(s, int) or not isinstance(e, int) or not text[s:e].strip():
                continue
            predicted.append((set(range(s, e)), r.get("speaker") or {}, r))
        for gold in golds:
            gc = chars(gold.content)
            if not gc:
                continue
            speech = is_speech_cue(gold.cue)
            if gold.direct and not (speech or gold.ctext.lstrip()[:1] in "“\""):
                continue
            if not gold.direct and not speech:
                continue
            gs = chars(gold.source)
            hit = False
            span_only = None
            for pc, sp, r in predicted:
                if len(pc & gc) < 0.5 * len(gc):
                    continue
                span_only = r
                ms, me = sp.get("start"), sp.get("end")
                span_ok = isinstance(ms, int) and isinstance(me, int) and bool(set(range(ms, me)) & gs)
                name_ok = bool(name_tokens(sp.get("name")) & name_tokens(gold.stext))
                if not gs or span_ok or name_ok:
                    hit = True
                    if span_ok and id(gold) in expected:
                        report.names[1] += 1
                        right_name = _names_expected(gold, expected, sp.get("name"))
                        report.names[0] += right_name
                        if not right_name and errors is not None:
                            errors.append({"type": "wrong-name", "doc": base, "mention": gold.stext,
                                           "expected": sorted(expected[id(gold)]), "got": sp.get("name"),
                                           "rule": r.get("rule"), "content": gold.ctext[:300]})
                    break
            bucket = report.direct if gold.direct else report.indirect
            bucket[0] += hit
            bucket[1] += 1
            cue_key = re.sub(r"\s+", " ", gold.cue.strip()) or "(none)"
            report.by_cue[cue_key][0] += hit
            report.by_cue[cue_key][1] += 1
            if not hit and errors is not None:
                errors.append({"type": "miss", "doc": base, "direct": gold.direct, "cue": gold.cue,
                               "source": gold.stext, "content": gold.ctext[:300],
                               "category": _category(gold, text),
                               "found_span_wrong_speaker": (span_only or {}).get("speaker")})
        all_gold = [chars(g.content) for g in golds if g.content]
        for pc, sp, r in predicted:
            ok = any(len(pc & gc) >= 0.5 * min(len(pc), len(gc)) for gc in all_gold)
            report.scored_records.append((r, _speaker_right(pc, sp, golds, expected)))
            report.precision[0] += ok
            report.precision[1] += 1
            rule = r.get("rule") or "?"
            report.by_rule[rule][0] += ok
            report.by_rule[rule][1] += 1
            if not ok and errors is not None:
                errors.append({"type": "false-alarm", "doc": base, "rule": rule, "kind": r.get("kind"),
                               "text": r.get("text", "")[:300], "speaker": sp.get("name")})
    return report


def _name_and_initials(name: str | None) -> set[str]:
    """The words of a name, lower-cased, and its initials: 'Alliance to Reclaim Our Schools' is also 'aros'."""
    words = name_tokens(name)
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name or ""))
    return {w.lower() for w in words} | ({initials.lower()} if len(initials) > 1 else set())


def _names_expected(gold: Gold, expected: dict[int, set[str]], name: str | None) -> bool:
    """The name holds every name word a pronoun or surname source stands for (expected_names)."""
    return {w.lower() for w in expected[id(gold)]} <= _name_and_initials(name)


def _speaker_right(pc: set[int], sp: dict, golds: list[Gold], expected: dict[int, set[str]]) -> bool:
    """A gold statement the record overlaps whose source the record names (or the record names nobody).
    A source written as a pronoun or a surname is named by the person it stands for (expected_names)."""
    for gold in golds:
        gc = chars(gold.content)
        if not gc or len(pc & gc) < 0.5 * min(len(pc), len(gc)):
            continue
        if not sp.get("name"):
            return True
        ms, me = sp.get("start"), sp.get("end")
        span_ok = isinstance(ms, int) and isinstance(me, int) and bool(set(range(ms, me)) & chars(gold.source))
        if not gold.source or span_ok or name_tokens(sp.get("name")) & name_tokens(gold.stext):
            return True
        if id(gold) in expected and _names_expected(gold, expected, sp.get("name")):
            return True
    return False


TITLE_WORDS = frozenset("""mr mrs ms miss dr sen senator rep gov governor president vice former the a an
gen secretary mayor judge justice rev prof sir chairman chairwoman speaker leader minister""".split())


def name_run(text: str) -> list[str]:
    """The person's name in a source mention, without titles or a sentence's opening word: 'Rep. Jim Clyburn
    (D-S.C.), the assistant leader' -> ['Jim', 'Clyburn']; 'But Flynn' -> ['Flynn']. A name after a
    descriptor is the person's: 'White House press secretary Josh Earnest' -> ['Josh', 'Earnest']."""
    run: list[str] = []
    after_descriptor = False
    for word in re.findall(r"[\w'’.-]+|[(),]", text):
        bare = word.strip(".’'")
        if not run and (bare.lower() in TITLE_WORDS or bare.lower() in STOP_WORDS):
            continue
        if bare[:1].isupper() and bare.lower() not in PRONOUNS:
            if after_descriptor:
                run, after_descriptor = [], False
            run.append(re.sub(r"(’s|'s)$", "", bare))
        elif run and bare.isalpha() and bare.islower() and bare not in STOP_WORDS:
            after_descriptor = True
        elif run:
            break
    return run


def _common_word(word: str, text: str) -> bool:
    """'But', 'When', 'Although' before a surname start a sentence: the word is a function word, or it also
    occurs in lower case."""
    return word.lower() in STOP_WORDS or re.search(r"\b" + re.escape(word.lower()) + r"\b", text) is not None


def _inside_a_longer_name(text: str, start: int) -> bool:
    """'the Washington Post Trump said': a capitalised word right after another is the end of some other name,
    unless that word is a title ('Homeland Security Secretary Jeh Johnson')."""
    before = re.search(r"([A-Z][\w'’.-]*)\s+$", text[max(0, start - 40):start])
    return before is not None and before.group(1).strip(".").lower() not in TITLE_WORDS


def expected_names(golds: list[Gold], text: str) -> dict[int, set[str]]:
    """For each gold whose Source is one surname or a pronoun, the name words a right answer holds:
    a surname needs the given name of its nearest earlier 'Given Surname' in the text as well; a
    pronoun needs the surname of the nearest earlier gold Source that names someone."""
    expected: dict[int, set[str]] = {}
    last_surname: str | None = None
    ordered = sorted((g for g in golds if g.source), key=lambda g: g.source[0][0])
    for gold in ordered:
        mention = gold.stext.strip()
        words = mention.split()
        if len(words) == 1 and mention.lower() in PRONOUNS:
            if last_surname and mention.lower() not in FIRST_PERSON:
                expected[id(gold)] = {last_surname}
            continue
        run = name_run(mention)
        if len(words) == 1 and run:
            surname = run[-1]
            pattern = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:[A-Z]\.\s+)?" + re.escape(surname) + r"\b")
            givens = [m.group(1) for m in pattern.finditer(text, 0, gold.source[0][0] + len(mention))
                      if m.group(1).lower() not in TITLE_WORDS and not _common_word(m.group(1), text)
                      and not _inside_a_longer_name(text, m.start(1))]
            expected[id(gold)] = {givens[-1], surname} if givens else {surname}
        if run:
            last_surname = run[-1]
    return expected


def _category(gold: Gold, text: str) -> str:
    start = gold.content[0][0]
    line_start = text.rfind("\n", 0, start) + 1
    if len(gold.content) > 1:
        return "split-quote"
    if "\n" in gold.ctext.strip():
        return "multi-paragraph"
    if gold.cue.strip() == ":":
        return "colon"
    if "according" in gold.cue:
        return "according-to"
    if gold.stext.strip().lower() in PRONOUNS:
        return "pronoun-source"
    if not gold.source:
        return "no-source"
    if gold.source and gold.source[0][0] < line_start:
        return "source-in-previous-paragraph"
    if gold.cue.strip().startswith(("tell", "told")):
        return "told"
    return "direct-other" if gold.direct else "indirect-other"


def evaluate(split: Path, model: str | None = None, errors_path: Path | None = None) -> Report:
    from onrecord.pipeline import extract_sources, load_pipeline
    from onrecord.records import RawSource

    articles = load_split(split)
    nlp = load_pipeline(model)
    started = time.perf_counter()
    base_of = {str(split / "text" / f"{base}.txt"): base for base in articles}
    raws = [RawSource(source, articles[base][0], False) for source, base in base_of.items()]

    def unreadable(error) -> None:
        raise PolnearError(error.message)

    predictions = {base_of[extraction.document.info.source]: extraction.records()
                   for extraction in extract_sources(nlp, raws, unreadable)}
    seconds = time.perf_counter() - started
    errors: list | None = [] if errors_path else None
    report = score(articles, predictions, Path(split).name, errors)
    report.words = sum(len(text.split()) for text, _ in articles.values())
    report.seconds = seconds
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as handle:
            for error in errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    return report
