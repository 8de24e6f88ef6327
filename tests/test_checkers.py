"""The checkers' tools on an archive of the bundled samples and the 55 real pages, on real SQLite and real
PostgreSQL: quote check through the CLI, the API and the page in Chromium; stats against independent SQL;
Atom feeds read back with feedparser."""
import csv
import io
import json
from datetime import date

import feedparser
import httpx
import pytest
from sqlalchemy import create_engine, text

from conftest import ROOT, SAMPLES, SHARED, need, page, postgres_database, run_cli
from test_web import _follow, _shot, _start, browser  # noqa: F401  (browser is a fixture)

from onrecord.store import resolve_url

REAL_PAGES = SHARED / "data" / "realnews-dev" / "pages"
EXAMPLE = ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html"
TOKEN = "checkers-token"

GRAVELEY = ("If you don't believe you can prove a case beyond a reasonable doubt, you have an ethical obligation "
            "not to issue charges")
ZAKHAROVA = ("We support the US administration’s plan for Gaza, which includes a ceasefire, the release of "
             "detainees, and the full restoration of humanitarian access")
# republished a day later by other outlets, and fed to ingest before the originals: earliest is by date, not by order
REPUBLISHED = {
    "kenosha-wire.html": page("https://kenosha-wire.example/charges", "Kenosha Wire", "2021-01-06T09:00:00Z", [
        f"“{GRAVELEY},” Kenosha County District Attorney Michael Graveley told reporters."]),
    "second-outlet.html": page("https://second-outlet.example/gaza", "Second Outlet", "2025-10-08T09:00:00Z", [
        f"“{ZAKHAROVA},” Foreign Ministry spokesperson Maria Zakharova told reporters."]),
}

# (claim, claimed speaker, verdict, speaker on record, earliest outlet, outlets that carried it)
CASES = {
    "verbatim": (f"“{GRAVELEY}”", "Graveley", "verbatim", "Michael Graveley", "NBC News",
                 {"NBC News", "Kenosha Wire"}),
    "two words changed": (
        "You don't and cannot apologize only with words after attempting to impose martial law. The only way for "
        "President Yoon Suk Yeol to mean his apology is to quit now", "Margie Kim", "altered", "Margie Kim",
        "NBC News", {"NBC News"}),
    "middle cut": (
        "I thought that the references to specific individuals and investigations struck me as political in nature "
        "given that former Vice President is a political opponent of the president", "Jennifer Williams",
        "shortened", "Jennifer Williams", "Deccan Herald", {"Deccan Herald"}),
    "wrong speaker": (ZAKHAROVA, "Marwan Bishara", "other-speaker", "Maria Zakharova", "Example News",
                      {"Example News", "Second Outlet"}),
    "not on record": ("The harbour authority will publish every shipping contract online before the end of the year",
                      None, "not-found", None, None, set()),
    # "We … won't … even … a" are in order in a long quotation of Michael Dell's: scattered words are no quotation
    "words from all over a statement": ("We won't even build a wall", None, "not-found", None, None, set()),
    "words from all over, with the speaker": ("We won't even build a wall", "Michael Dell", "not-found", None, None,
                                              set()),
    "typos, straight marks, case and an ellipsis": (
        '"if you dont beleive you can prove a case ... you have an ethical obligation not to issue charges"',
        "Michael Graveley", "shortened", "Michael Graveley", "NBC News", {"NBC News", "Kenosha Wire"}),
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("checkers")
    if request.param == "sqlite":
        yield _ingested(folder, f"sqlite:///{folder / 'archive.db'}")
        return
    with postgres_database() as url:
        yield _ingested(folder, url)


def _ingested(folder, url: str) -> str:
    extra = []
    for name, html in REPUBLISHED.items():
        (folder / name).write_text(html, encoding="utf-8")
        extra.append(folder / name)
    pages = sorted(need(REAL_PAGES).glob("*.html"))
    result = run_cli("ingest", *extra, EXAMPLE, need(SAMPLES / "liveblog-gaza-plan.html"), *pages, "--db", url)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    return url


@pytest.fixture(scope="module")
def server(store):
    process, base = _start(store, TOKEN)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def sql(store):
    engine = create_engine(resolve_url(store))
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def _assert_answer(matches: list[dict], case: str) -> None:
    _, _, verdict, speaker, earliest, outlets = CASES[case]
    best = matches[0]
    assert best["verdict"] == verdict, json.dumps(best, ensure_ascii=False)[:1500]
    if verdict == "not-found":
        assert best["quotation"] is None and best["earliest"] is None
        return
    assert best["quotation"]["speaker"]["name"] == speaker
    assert best["quotation"]["speaker"]["role"]
    assert best["earliest"]["outlet"] == earliest
    assert {o["outlet"] for o in best["outlets"]} == outlets
    assert best["outlets"][0]["outlet"] == earliest


# -- quote check ------------------------------------------------------------------------------
@pytest.mark.parametrize("case", CASES)
def test_check_on_the_command_line(store, case):
    claim, speaker = CASES[case][:2]
    result = run_cli("check", claim, *(["--speaker", speaker] if speaker else []), "--format", "json", "--db", store)
    assert result.returncode == 0, result.stderr.decode()
    _assert_answer(json.loads(result.stdout), case)


def test_check_shows_the_changed_words_and_the_cut(store):
    altered = json.loads(run_cli("check", CASES["two words changed"][0], "--format", "json", "--db", store).stdout)[0]
    changed = {(d["record"], d["claim"]) for d in altered["diff"] if d["op"] == "changed"}
    assert changed == {("stage", "impose"), ("resign", "quit")}
    cut = json.loads(run_cli("check", CASES["middle cut"][0], "--format", "json", "--db", store).stdout)[0]
    assert [d["record"] for d in cut["diff"] if d["op"] == "left-out"] == [
        "such as former Vice President Biden and his son"]
    table = run_cli("check", CASES["two words changed"][0], "--db", store).stdout.decode()
    assert "verdict: altered" in table and "[-stage-] {+impose+}" in table and "first seen: NBC News" in table


def test_check_bad_input_is_one_line(store, tmp_path):
    for args, fragment in ((["   "], "empty"), (["..."], "no words"), (["x" * 6000], "longer than"),
                           (["a claim", "--db", str(tmp_path / "none.db")], "no such database")):
        result = run_cli("check", *args, *([] if "--db" in args else ["--db", store]))
        stderr = result.stderr.decode()
        assert result.returncode == 2 and "Traceback" not in stderr and fragment in stderr
        assert len(stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("case", CASES)
def test_check_through_the_api(server, case):
    claim, speaker = CASES[case][:2]
    response = httpx.post(server + "/api/check", json={"claim": claim, "speaker": speaker}, timeout=30)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["verdict"] == answer["matches"][0]["verdict"]
    _assert_answer(answer["matches"], case)
    twin = httpx.get(server + "/check.json", params={"claim": claim, "speaker": speaker or ""}, timeout=30).json()
    assert twin == answer


def test_check_api_bad_requests(server):
    for body in ({}, {"claim": ""}, {"claim": "x" * 6000}, {"claim": "words", "limit": 0}):
        response = httpx.post(server + "/api/check", json=body, timeout=30)
        assert response.status_code == 400 and response.json()["error"], response.text


def test_check_page_in_the_browser(server, browser, store):
    from selenium.webdriver.common.by import By

    for case in CASES:
        claim, speaker, verdict, on_record, earliest, outlets = CASES[case]
        browser.get(server + "/")
        _follow(browser, browser.find_element(By.LINK_TEXT, "Check a quote"))
        browser.find_element(By.NAME, "claim").send_keys(claim)
        if speaker:
            browser.find_element(By.NAME, "speaker").send_keys(speaker)
        _follow(browser, browser.find_element(By.CSS_SELECTOR, "form.check button"))
        assert browser.find_element(By.ID, "verdict").text == verdict, case
        if verdict == "not-found":
            assert not browser.find_elements(By.CSS_SELECTOR, ".match")
            continue
        best = browser.find_elements(By.CSS_SELECTOR, ".match")[0]
        assert on_record in best.text and f"First seen: {earliest}" in best.text
        assert {a.text for a in best.find_elements(By.CSS_SELECTOR, "a.outlet")} == outlets
        if verdict == "altered":
            assert [d.text for d in best.find_elements(By.CSS_SELECTOR, ".diff del")] == ["stage", "resign"]
            assert [i.text for i in best.find_elements(By.CSS_SELECTOR, ".diff ins")] == ["impose", "quit"]
            if store.startswith("sqlite"):
                _shot(browser, "check")


# -- stats ----------------------------------------------------------------------------------
FILTERS = [{}, {"site": "NBC News"}, {"since": "2025-01-01", "until": "2025-12-31"}, {"q": "ceasefire"}]
HONORIFICS = {"ms": "female", "mrs": "female", "miss": "female", "dame": "female", "mr": "male", "sir": "male"}


def _where(sql, filters: dict) -> tuple[str, dict]:
    clauses, params = ["1 = 1"], {}
    if filters.get("site"):
        clauses.append("lower(site) = lower(:site)")
        params["site"] = filters["site"]
    if filters.get("since"):
        clauses.append("date >= :since")
        params["since"] = filters["since"]
    if filters.get("until"):
        clauses.append("substr(date, 1, 10) <= :until")
        params["until"] = filters["until"]
    if filters.get("q"):
        clauses.append("id IN (SELECT rowid FROM quotations_fts WHERE quotations_fts MATCH :q)"
                       if sql.dialect.name == "sqlite" else "search @@ plainto_tsquery('english', :q)")
        params["q"] = filters["q"]
    return " AND ".join(clauses), params


def _honorific(text_value):
    words = (text_value or "").split()
    return HONORIFICS.get(words[0].rstrip(".").lower()) if len(words) > 1 else None


def _expected_stats(sql, filters: dict) -> dict:
    where, params = _where(sql, filters)
    totals = sql.execute(text(f"SELECT count(*), count(DISTINCT speaker_id), count(DISTINCT site) FROM quotations "
                              f"WHERE {where}"), params).one()
    outlets = {(r[0], r[1], r[2]) for r in sql.execute(text(
        f"SELECT site, count(*), count(DISTINCT speaker_id) FROM quotations WHERE {where} GROUP BY site"), params)}
    per_speaker = dict(sql.execute(text(f"SELECT speaker_id, count(*) FROM quotations WHERE {where} "
                                        f"AND speaker_id IS NOT NULL GROUP BY speaker_id"), params).all())
    weeks: dict[str, int] = {}
    for day, count in sql.execute(text(f"SELECT substr(date, 1, 10), count(*) FROM quotations WHERE {where} "
                                       f"GROUP BY substr(date, 1, 10)"), params):
        year, week, _ = date.fromisoformat(day).isocalendar()
        weeks[f"{year}-W{week:02d}"] = weeks.get(f"{year}-W{week:02d}", 0) + count
    # gender straight from the stored mentions, names and rules: pronoun sieves and honorifics only
    genders: dict[int, set] = {}
    for speaker_id, mention, name, rule in sql.execute(text(
            "SELECT speaker_id, mention, speaker_name, rule FROM quotations WHERE speaker_id IS NOT NULL")):
        pronoun = (mention or "").strip().lower()
        if "/pronoun-" in (rule or "") and pronoun in ("she", "her", "hers", "herself", "he", "him", "his", "himself"):
            genders.setdefault(speaker_id, set()).add("female" if pronoun.startswith(("s", "her")) else "male")
        honorific = _honorific(mention) or _honorific(name)
        if honorific:
            genders.setdefault(speaker_id, set()).add(honorific)
    by_gender = {"female": [0, 0], "male": [0, 0], "unknown": [0, 0]}
    for speaker_id, count in per_speaker.items():
        found = genders.get(speaker_id, set())
        gender = next(iter(found)) if len(found) == 1 else "unknown"
        by_gender[gender][0] += 1
        by_gender[gender][1] += count
    return {"totals": tuple(totals), "outlets": outlets, "per_speaker": per_speaker, "weeks": weeks,
            "gender": by_gender, "with_evidence": {s for s in per_speaker if genders.get(s)}}


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "all")
def test_stats_equal_independent_sql(server, sql, store, filters):
    expected = _expected_stats(sql, filters)
    assert expected["totals"][0] > 0
    data = httpx.get(server + "/stats.json", params={**filters, "top": 5000}, timeout=30).json()
    assert tuple(data["totals"].values()) == expected["totals"]
    assert {(o["outlet"], o["quotations"], o["speakers"]) for o in data["outlets"]} == expected["outlets"]
    assert {s["id"]: s["quotations"] for s in data["top_speakers"]} == expected["per_speaker"]
    assert {w["week"]: w["quotations"] for w in data["per_week"]} == expected["weeks"]
    gender = data["gender"]
    assert {g: [gender["speakers"][g], gender["quotations"][g]] for g in gender["speakers"]} == expected["gender"]
    assert {s["id"] for s in gender["speakers_with_evidence"]} == expected["with_evidence"]
    assert all(s["evidence"] for s in gender["speakers_with_evidence"])

    cli_args = [a for k, v in filters.items() for a in (f"--{'query' if k == 'q' else k}", v)]
    cli = run_cli("stats", *cli_args, "--top", "5000", "--format", "json", "--db", store)
    assert cli.returncode == 0, cli.stderr.decode()
    assert json.loads(cli.stdout)["totals"] == data["totals"] and json.loads(cli.stdout)["gender"] == data["gender"]
    rows = list(csv.DictReader(io.StringIO(httpx.get(server + "/stats.csv", params={**filters, "top": 5000}).text)))
    assert {r["name"]: int(r["quotations"]) for r in rows if r["table"] == "week"} == expected["weeks"]
    assert next(r for r in rows if r["table"] == "total")["quotations"] == str(expected["totals"][0])


def test_gender_comes_from_pronouns_and_honorifics_only(sql, server):
    data = httpx.get(server + "/stats.json", params={"top": 5000}).json()
    gendered = {s["name"]: s for s in data["gender"]["speakers_with_evidence"]}
    zakharova = gendered["Maria Zakharova"]
    assert zakharova["gender"] == "female"
    assert {(e["kind"], e["word"].lower()) for e in zakharova["evidence"]} == {("pronoun", "she")}
    # a first name alone is no evidence: no pronoun or title in the text points to Margie Kim or Clarence Thomas
    for name in ("Margie Kim", "Clarence Thomas"):
        assert next(s for s in data["top_speakers"] if s["name"] == name)["gender"] == "unknown"
        assert name not in gendered
    speaker = httpx.get(f"{server}/api/speakers/{zakharova['id']}").json()
    assert speaker["gender"]["gender"] == "female" and speaker["gender"]["evidence"]


def test_stats_bad_input(store):
    result = run_cli("stats", "--since", "last week", "--db", store)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "not a date" in stderr and "Traceback" not in stderr


def test_stats_page_in_the_browser(server, browser, sql, store):
    from selenium.webdriver.common.by import By

    expected = _expected_stats(sql, {})
    browser.get(server + "/")
    _follow(browser, browser.find_element(By.LINK_TEXT, "Who gets quoted"))
    quotations, speakers, outlets = expected["totals"]
    totals = browser.find_element(By.ID, "totals").text
    assert totals == f"{quotations} quotations from {speakers} speakers in {outlets} outlets"
    for gender, (count, quoted) in expected["gender"].items():
        row = browser.find_element(By.CSS_SELECTOR, f'#gender tr[data-gender="{gender}"]')
        assert row.find_element(By.CLASS_NAME, "speakers").text == str(count)
        assert row.find_element(By.CLASS_NAME, "quotations").text == str(quoted)
    browser.find_element(By.CSS_SELECTOR, "#evidence summary").click()
    shown = browser.find_elements(By.CSS_SELECTOR, "#evidence div.evidence")
    assert {int(div.get_attribute("data-speaker")) for div in shown} == expected["with_evidence"]
    assert all(div.find_elements(By.CSS_SELECTOR, ".item") and div.is_displayed() for div in shown)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#week-chart rect")) == len(expected["weeks"])
    assert len(browser.find_elements(By.CSS_SELECTOR, "#outlets tr")) == len(expected["outlets"]) + 1
    if store.startswith("sqlite"):
        browser.find_element(By.CSS_SELECTOR, "#evidence summary").click()
        _shot(browser, "stats")


# -- Atom feeds --------------------------------------------------------------------------------
def _feed(url: str):
    response = httpx.get(url, timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_speaker_and_search_feeds_validate(server, sql):
    speaker_id, quoted = sql.execute(text("SELECT speaker_id, count(*) FROM quotations WHERE speaker_name = "
                                          "'Maria Zakharova' GROUP BY speaker_id")).one()
    feed = _feed(f"{server}/speakers/{speaker_id}.atom")
    assert len(feed.entries) == min(quoted, 50) and "Maria Zakharova" in feed.feed.title
    assert all(e.id.startswith("urn:onrecord:quotation:") and e.author == "Maria Zakharova" for e in feed.entries)
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    assert all(e.link.startswith(server + "/documents/") and e.updated_parsed for e in feed.entries)
    assert [e.id for e in _feed(f"{server}/speakers/{speaker_id}.atom").entries] == [e.id for e in feed.entries]
    page_html = httpx.get(f"{server}/speakers/{speaker_id}").text
    assert f'type="application/atom+xml" title="Maria Zakharova" href="/speakers/{speaker_id}.atom"' in page_html

    search = _feed(server + "/search.atom?q=ceasefire&speaker=Zakharova")
    api = httpx.get(server + "/api/quotations", params={"q": "ceasefire", "speaker": "Zakharova", "per_page": 50})
    words = [e.content[0].value.split("” — ")[0].lstrip("“") for e in search.entries]
    assert words == [r["text"] for r in api.json()["results"]]
    assert 'href="/search.atom?q=ceasefire' in httpx.get(server + "/?q=ceasefire").text
    assert httpx.get(server + "/speakers/999999.atom").status_code == 404


def test_feed_entry_ids_survive_a_live_blog_update(server):
    older = [("2025-10-07T13:40:00Z", "Talks resume", [
        "“We are making progress on every file,” mediator Ana Lima told reporters in Cairo."])]
    newer = [("2025-10-07T14:30:00Z", "Deal close", [
        "“We expect an announcement tonight,” Lima said at a press conference."])] + older
    headers = {"Authorization": f"Bearer {TOKEN}"}
    for posts in (older, newer):
        body = {"html": page("https://live.example/talks", "Live Example", "2025-10-07T06:00:00Z", [], posts),
                "source": "live-talks"}
        assert httpx.post(server + "/api/ingest", json=body, headers=headers, timeout=120).status_code == 200
        if posts is older:
            before = {e.id: e for e in _feed(server + "/search.atom?speaker=Ana+Lima").entries}
    after = {e.id: e for e in _feed(server + "/search.atom?speaker=Ana+Lima").entries}
    assert len(before) == 1 and len(after) == 2 and set(before) < set(after)
    [kept] = before
    assert before[kept].link != after[kept].link  # the quotation moved down the page; its entry id did not


def test_the_claimed_speakers_own_version_is_found_beside_someone_elses_exact_words(archive):
    from onrecord.store.check import check

    said = "The new bridge over the river will carry trains, buses and bicycles by the summer of next year"
    archive.ingest("a.html", page("https://a.example/1", "Outlet A", "2025-03-01T08:00:00Z", [
        f"“{said},” transport minister Olga Brandt said."]))
    archive.ingest("b.html", page("https://b.example/2", "Outlet B", "2025-03-02T08:00:00Z", [
        f"“{said.replace('trains', 'trams').replace('summer', 'autumn')},” city engineer Paul Moreau said."]))
    with archive.connect() as connection:
        answer = check(connection, said, "Paul Moreau")
    verdicts = [(m["verdict"], m["quotation"]["speaker"]["name"]) for m in answer["matches"]]
    assert verdicts == [("other-speaker", "Olga Brandt"), ("altered", "Paul Moreau")]
    changed = [(d["record"], d["claim"]) for d in answer["matches"][1]["diff"] if d["op"] == "changed"]
    assert changed == [("trams", "trains"), ("autumn", "summer")]
