"""The archive on real SQLite and real PostgreSQL: idempotent ingest, speaker merge, statement dedup, search."""
import json

from conftest import SAMPLES, need, page

from onrecord.store import SearchFilters, all_records, counts, search, speaker_detail, statement_appearances

ZAKHAROVA = [
    "Foreign Ministry spokesperson Maria Zakharova said Russia supports the settlement plan for the region.",
    "“We support the plan, which includes a ceasefire and the release of detainees,” Zakharova told reporters.",
]


def test_same_content_twice_adds_nothing(archive):
    html = need(SAMPLES / "liveblog-gaza-plan.html").read_text(encoding="utf-8")
    first = archive.ingest("gaza.html", html)
    second = archive.ingest("gaza.html", html)
    assert (first.status, second.status, second.quotes_added) == ("new", "unchanged", 0)
    with archive.connect() as c:
        assert counts(c)["quotations"] == first.quotes_added > 15
        assert counts(c)["documents"] == 1


def test_live_blog_update_adds_only_new_posts(archive):
    older = [("2025-10-07T13:40:00Z", "Talks resume", [
        "“We are making progress on every file,” mediator Ana Lima told reporters in Cairo."])]
    newer = [("2025-10-07T14:30:00Z", "Deal close", [
        "“We expect an announcement tonight,” Lima said at a press conference."])] + older
    url = "https://news.example.org/live/talks"
    first = archive.ingest("live.html", page(url, "Example News", "2025-10-07T06:00:00Z", [], older))
    second = archive.ingest("live.html", page(url, "Example News", "2025-10-07T06:00:00Z", [], newer))
    assert (first.status, first.quotes_added) == ("new", 1)
    assert (second.status, second.quotes_added) == ("updated", 1)
    with archive.connect() as c:
        records = list(all_records(c))
        assert len(records) == 2 and counts(c)["documents"] == 1
        texts = {r["text"]: r for r in records}
        assert texts["We expect an announcement tonight"]["speaker"]["name"] == "Ana Lima"
        doc_text = c.exec_driver_sql("SELECT text FROM documents").scalar()
        for record in records:
            assert doc_text[record["start"]:record["end"]] == record["text"]


def test_speakers_merge_across_documents_by_full_name_and_lone_surname(archive):
    archive.ingest("a.html", page("https://a.example/1", "Outlet A", "2025-10-01T08:00:00Z", ZAKHAROVA))
    archive.ingest("b.html", page("https://b.example/2", "Outlet B", "2025-10-02T08:00:00Z", [
        "“These initiatives were blocked by Westerners, again and again,” Zakharova said on Thursday."]))
    with archive.connect() as c:
        [detail] = speaker_detail(c, "Zakharova")
        assert detail["name"] == "Maria Zakharova" and detail["quotes"] == 3
        assert {"Maria Zakharova", "Zakharova"} <= set(detail["aliases"])
        assert detail["roles"][0]["role"] == "Foreign Ministry spokesperson"
        assert len(search(c, SearchFilters(speaker="zakharova"))) == 3


def test_lone_surname_first_is_absorbed_by_a_later_full_name(archive):
    archive.ingest("b.html", page("https://b.example/2", "Outlet B", "2025-10-02T08:00:00Z", [
        "“These initiatives were blocked by Westerners, again and again,” Zakharova said on Thursday."]))
    archive.ingest("a.html", page("https://a.example/1", "Outlet A", "2025-10-03T08:00:00Z", ZAKHAROVA))
    with archive.connect() as c:
        [detail] = speaker_detail(c, "Maria Zakharova")
        assert detail["quotes"] == 3


def test_two_full_names_never_merge_and_an_ambiguous_surname_stays_apart(archive):
    archive.ingest("a.html", page("https://a.example/1", "Outlet A", "2025-10-01T08:00:00Z", [
        "Economist Anna Berg said inflation would fall below two percent next spring.",
        "Central banker Lars Berg said interest rates would stay where they are for now."]))
    archive.ingest("b.html", page("https://b.example/2", "Outlet B", "2025-10-02T08:00:00Z", [
        "“Prices are finally turning a corner this winter,” Berg told the radio station."]))
    with archive.connect() as c:
        names = {d["name"] for d in speaker_detail(c, "Berg")}
        assert {"Anna Berg", "Lars Berg"} <= names
        shared = search(c, SearchFilters(speaker="Berg"))
        assert {r["speaker"]["name"] for r in shared} == names and len(shared) == 3
        assert [r["doc"]["site"] for r in shared] == ["Outlet B", "Outlet A", "Outlet A"]
        assert len(search(c, SearchFilters(speaker="Berg", kind="direct"))) == 1
        assert len(search(c, SearchFilters(speaker="Berg", limit=1, offset=1))) == 1
        assert len(speaker_detail(c, "Anna Berg")) == 1 and speaker_detail(c, "Anna Berg")[0]["quotes"] == 1


def test_same_statement_across_outlets_is_one_statement_first_seen_kept(archive):
    quote = "“We will not accept any deal that leaves the border closed to aid convoys,” Minister Omar Haddad said."
    trimmed = "“We will not accept any deal that leaves the border closed,” Omar Haddad said on Monday."
    archive.ingest("late.html", page("https://late.example/x", "Late Times", "2025-10-05T10:00:00Z", [quote]))
    archive.ingest("early.html", page("https://early.example/y", "Early Wire", "2025-10-03T09:00:00Z", [quote]))
    archive.ingest("trim.html", page("https://trim.example/z", "Trim Post", "2025-10-04T09:00:00Z", [trimmed]))
    with archive.connect() as c:
        records = list(all_records(c))
        assert len(records) == 3 and len({r["statement_id"] for r in records}) == 1
        assert counts(c)["statements"] == 1
        appearances = statement_appearances(c, records[0]["statement_id"])
        assert [a["doc"]["site"] for a in appearances] == ["Early Wire", "Trim Post", "Late Times"]
        first_doc = c.exec_driver_sql("SELECT first_document_id FROM statements").scalar()
        assert first_doc == appearances[0]["doc"]["id"]


def test_search_words_and_filters(archive):
    archive.ingest("a.html", page("https://a.example/1", "Outlet A", "2025-10-01T08:00:00Z", ZAKHAROVA))
    archive.ingest("b.html", page("https://b.example/2", "Outlet B", "2025-11-02T08:00:00Z", [
        "Mayor Ada Quinn said the harbour would reopen before the ceasefire talks end.",
        "“Ships will be back in the harbour by spring,” Quinn told the council."]))
    with archive.connect() as c:
        hits = search(c, SearchFilters(query="ceasefire"))
        assert {h["speaker"]["name"] for h in hits} == {"Maria Zakharova", "Ada Quinn"}
        assert [h["speaker"]["name"] for h in search(c, SearchFilters(query="harbour", kind="direct"))] == ["Ada Quinn"]
        assert {h["doc"]["site"] for h in search(c, SearchFilters(since="2025-11-01"))} == {"Outlet B"}
        assert {h["doc"]["site"] for h in search(c, SearchFilters(until="2025-10-01"))} == {"Outlet A"}
        assert {h["doc"]["site"] for h in search(c, SearchFilters(site="outlet a"))} == {"Outlet A"}
        assert search(c, SearchFilters(query='"); DROP TABLE quotations; --')) == []
        assert len(search(c, SearchFilters())) == 4
        record = search(c, SearchFilters(query="ships spring"))[0]
        assert set(record) >= {"id", "doc", "post", "kind", "text", "start", "end", "speaker", "cue", "addressee",
                               "confidence", "rule"}
        assert record["addressee"] == "the council"
        json.dumps(record)
