"""The quotation record format, written out once: the nested JSON record, its flat columns, and the
JSON Lines, CSV, Parquet and table writers that extract, search, export, batch and the store all use.

The JSON form is the project's record format; later changes are additive (new fields only).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable


def doc_ref(info) -> dict:
    """The document a record belongs to (a DocumentInfo, or anything with the same attributes)."""
    return {"id": info.id, "source": info.source, "url": info.url, "title": info.title, "site": info.site,
            "published": info.published}


def quotation_record(*, id: str, doc: dict, post: dict | None, kind: str, text: str, start: int, end: int,
                     speaker: dict | None, cue: str | None, addressee: str | None, confidence: float, rule: str,
                     parts: list[dict], platform: str | None = None) -> dict:
    """One quotation as the record format gives it, keys in their published order. `post` carries the
    post's stable "id"; `platform` names where an embedded social post was published (else None)."""
    return {"id": id, "doc": doc, "post": post, "kind": kind, "text": text, "start": start, "end": end,
            "speaker": speaker, "cue": cue, "addressee": addressee, "confidence": confidence, "rule": rule,
            "parts": parts, "platform": platform}


def speaker_dict(name, mention, start, end, kind, role, affiliation) -> dict:
    return {"name": name, "mention": mention, "start": start, "end": end, "kind": kind, "role": role,
            "affiliation": affiliation}


def document_payload(extraction) -> dict:
    """`extract --format json`: one document with its text, posts and records."""
    document = extraction.document
    records = extraction.records()
    return {
        "doc": {**(records[0]["doc"] if records else doc_ref(document.info)),
                "modified": document.info.modified, "authors": document.info.authors},
        "text": document.text,
        "posts": [{**p.ref(), "start": p.start, "end": p.end} for p in document.posts],
        "quotes": records,
    }


# -- flat columns (Parquet from batch) -------------------------------------------------------
FLAT_COLUMNS = ["id", "doc_id", "doc_source", "doc_url", "doc_title", "doc_site", "doc_published",
                "post_index", "post_title", "post_time", "kind", "text", "start", "end", "speaker_name",
                "speaker_mention", "speaker_start", "speaker_end", "speaker_kind", "speaker_role",
                "speaker_affiliation", "cue", "addressee", "confidence", "rule", "parts", "date", "post_id",
                "platform"]
FLAT_INTEGER_COLUMNS = ("post_index", "start", "end", "speaker_start", "speaker_end")


def record_date(value: str | None) -> str:
    """The day a record is filed under (YYYY-MM-DD), or 'unknown'."""
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else "unknown"


def flat_record(record: dict) -> dict:
    """A quotation record as flat columns (doc_*, post_*, speaker_*), types fixed."""
    doc, post, speaker = record["doc"], record["post"] or {}, record["speaker"] or {}
    return {
        "id": record["id"], "doc_id": doc["id"], "doc_source": doc["source"], "doc_url": doc["url"],
        "doc_title": doc["title"], "doc_site": doc["site"], "doc_published": doc["published"],
        "post_index": post.get("index"), "post_title": post.get("title"), "post_time": post.get("time"),
        "kind": record["kind"], "text": record["text"], "start": record["start"], "end": record["end"],
        "speaker_name": speaker.get("name"), "speaker_mention": speaker.get("mention"),
        "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"), "speaker_kind": speaker.get("kind"),
        "speaker_role": speaker.get("role"), "speaker_affiliation": speaker.get("affiliation"),
        "cue": record["cue"], "addressee": record["addressee"], "confidence": float(record["confidence"]),
        "rule": record["rule"], "parts": json.dumps(record.get("parts") or []),
        "date": record_date(post.get("time") or doc["published"]),
        "post_id": post.get("id"), "platform": record.get("platform"),
    }


def record_from_flat(row: dict) -> dict:
    """Flat columns back to the record format."""
    speaker = None
    if row.get("speaker_mention") is not None:
        speaker = speaker_dict(row["speaker_name"], row["speaker_mention"], row["speaker_start"], row["speaker_end"],
                               row["speaker_kind"], row["speaker_role"], row["speaker_affiliation"])
    post = None
    if row.get("post_index") is not None and row["post_index"] == row["post_index"]:
        post = {"index": int(row["post_index"]), "title": row["post_title"], "time": row["post_time"],
                "id": row.get("post_id")}
    doc = {"id": row["doc_id"], "source": row["doc_source"], "url": row["doc_url"], "title": row["doc_title"],
           "site": row["doc_site"], "published": row["doc_published"]}
    return quotation_record(id=row["id"], doc=doc, post=post, kind=row["kind"], text=row["text"],
                            start=int(row["start"]), end=int(row["end"]), speaker=speaker, cue=row["cue"],
                            addressee=row["addressee"], confidence=row["confidence"], rule=row["rule"],
                            parts=json.loads(row["parts"]), platform=row.get("platform"))


# -- CSV -------------------------------------------------------------------------------------
CSV_COLUMNS = ["id", "doc_source", "post_index", "post_title", "kind", "speaker", "mention", "role",
               "affiliation", "cue", "addressee", "text", "start", "end", "confidence", "rule"]


def csv_row(record: dict) -> list:
    speaker = record["speaker"] or {}
    post = record["post"] or {}
    return [record["id"], record["doc"]["source"], post.get("index"), post.get("title"), record["kind"],
            speaker.get("name"), speaker.get("mention"), speaker.get("role"), speaker.get("affiliation"),
            record["cue"], record["addressee"], record["text"], record["start"], record["end"],
            record["confidence"], record["rule"]]


def write_csv(records: Iterable[dict], handle, extra: tuple[str, ...] = (), header: bool = True) -> None:
    """CSV_COLUMNS, then any extra archive fields named (e.g. 'date')."""
    writer = csv.writer(handle)
    if header:
        writer.writerow(CSV_COLUMNS + list(extra))
    for record in records:
        writer.writerow(csv_row(record) + [record.get(name) for name in extra])


def write_jsonl(records: Iterable[dict], handle) -> None:
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_parquet(records: Iterable[dict], path) -> None:
    """Records as they are (nested doc, post and speaker), parts as a JSON string."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(records)
    for row in rows:
        row["parts"] = json.dumps(row.get("parts") or [])
    table = pa.Table.from_pylist(rows) if rows else pa.table({column: [] for column in CSV_COLUMNS})
    pq.write_table(table, path)


# -- tables for the terminal -------------------------------------------------------------------
def plain(value) -> "Text":
    """Document text for rich: shown as it is, never read as markup ('[/]' in a quotation is just text)."""
    from rich.text import Text

    return Text("" if value is None else str(value))


def _who(speaker: dict) -> "Text":
    from rich.text import Text

    who = plain(speaker.get("name") or "—")
    if speaker.get("role"):
        who.append("\n")
        who.append(Text(speaker["role"], style="dim"))
    return who


def print_extraction_table(extraction, console) -> None:
    """One table per post, titled with its time and headline."""
    from rich.table import Table
    from rich.text import Text

    info = extraction.document.info
    console.print(Text.assemble((info.title or info.source, "bold"), "  ",
                                (f"{info.source}{'  ' + info.published if info.published else ''}", "dim")))
    by_post: dict = {}
    for record in extraction.records():
        key = (record["post"] or {}).get("index")
        by_post.setdefault(key, []).append(record)
    for records in by_post.values():
        post = records[0]["post"] or {}
        heading = " · ".join(str(x) for x in (post.get("time"), post.get("title")) if x) or "(no post)"
        table = Table(title=plain(heading), title_justify="left", show_lines=True, width=120)
        table.add_column("speaker", width=30)
        table.add_column("cue", width=16)
        table.add_column("kind", width=8)
        table.add_column("quotation")
        for r in records:
            cue = (r["cue"] or "") + (f" → {r['addressee']}" if r["addressee"] else "")
            table.add_row(_who(r["speaker"] or {}), plain(cue), plain(r["kind"]), plain(r["text"]))
        console.print(table)


def print_records_table(records: list[dict], console) -> None:
    """Stored quotations: date, speaker, cue, words and source, then the count."""
    from rich.table import Table

    table = Table(show_lines=True, width=120)
    for column, width in (("date", 11), ("speaker", 26), ("cue", 12), ("quotation", None), ("source", 22)):
        table.add_column(column, width=width)
    for r in records:
        table.add_row(plain((r.get("date") or "")[:10]), _who(r["speaker"] or {}), plain(r["cue"] or ""),
                      plain(r["text"]), plain(r["doc"]["site"] or r["doc"]["source"]))
    console.print(table)
    console.print(f"{len(records)} quotations")
