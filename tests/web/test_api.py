"""The API over the demo store: listing, filters, cursors, the incident record, corrections that
survive, submissions, escaping, size limits and the one error shape."""

from __future__ import annotations

import json
import re
from typing import Any

ERROR_KEYS = {"ok", "code", "error", "where", "hint", "status"}


def test_openapi_lists_every_api_route(site: Any) -> None:
    spec = site.client().get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    paths = set(spec["paths"])
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/incidents/{incident_id}/signoffs",
            "/api/observations", "/api/allegations", "/api/export", "/api/audit"} <= paths


def test_listing_pages_with_a_cursor_cover_every_incident_once(site: Any) -> None:
    everything = site.as_("analyst", "GET", "/api/incidents?limit=500").json()["items"]
    assert len(everything) > 10
    seen: list[str] = []
    url = "/api/incidents?limit=7"
    while url:
        page = site.as_("analyst", "GET", url).json()
        assert len(page["items"]) <= 7
        seen += [i["id"] for i in page["items"]]
        url = f"/api/incidents?limit=7&after={page['next']}" if page["next"] else ""
    assert len(seen) == len(set(seen)) and set(seen) == {i["id"] for i in everything}
    starts = [i["start"] or "" for i in everything]
    timed = [x for x in starts if x]
    assert timed == sorted(timed, reverse=True)  # latest first; untimed ones last


def test_filters_keep_only_matching_incidents(site: Any) -> None:
    assaults = site.as_("analyst", "GET", "/api/incidents?type=ASSAULT&limit=500").json()["items"]
    assert assaults and all(i["type"] == "ASSAULT" for i in assaults)
    violations = site.as_("analyst", "GET", "/api/incidents?verdict=violation").json()["items"]
    assert violations and all(any(v["verdict"] == "violation" for v in i["verdicts"]) for i in violations)
    day = site.as_("analyst", "GET", "/api/incidents?start=2023-09-21&end=2023-09-21&limit=500").json()["items"]
    assert day and all(i["start"][:10] <= "2023-09-21" <= i["end"][:10] for i in day)
    box = site.as_("analyst", "GET", "/api/incidents?bbox=46.6,39.7,46.9,39.9&limit=500").json()["items"]
    assert box and all(46.6 <= i["location"]["lon"] <= 46.9 and 39.7 <= i["location"]["lat"] <= 39.9 for i in box)
    shusha = site.as_("analyst", "GET", "/api/incidents?q=shusha&limit=500").json()["items"]
    assert shusha and all("shusha" in json.dumps(i).lower() for i in shusha)
    party = site.as_("analyst", "GET", "/api/incidents?party=ARM&limit=500").json()["items"]
    assert party and all(i["actor_country"] == "ARM" or any(v["party"] == "ARM" for v in i["verdicts"])
                         for i in party)
    alleged = site.as_("analyst", "GET", "/api/incidents?review=alleged&limit=500").json()["items"]
    assert len(alleged) == len(site.as_("analyst", "GET", "/api/incidents?limit=500").json()["items"])
    assert site.as_("analyst", "GET", "/api/incidents?review=confirmed").json()["items"] == []


def test_bad_filters_and_cursors_are_one_line_errors(site: Any) -> None:
    for url, code in (("/api/incidents?type=SHELLING", "E612"), ("/api/incidents?verdict=guilty", "E613"),
                      ("/api/incidents?review=done", "E614"), ("/api/incidents?bbox=1,2,3", "E615"),
                      ("/api/incidents?start=yesterday", "E615"), ("/api/incidents?after=%%%", "E611")):
        answer = site.as_("analyst", "GET", url)
        assert answer.status_code == 400, url
        assert answer.json()["code"] == code


def test_incident_record_has_sources_with_evidence_and_claims(site: Any) -> None:
    iid = site.incident_id("possible_violation", q="vank")  # an accusation and a denial
    record = site.as_("analyst", "GET", f"/api/incidents/{iid}").json()
    assert record["sources"] and record["events"] and record["verdicts"]
    marked = [s for src in record["sources"] for s in src["segments"] if s["marks"]]
    assert any("sentence" in s["marks"] for s in marked)
    assert any(set(s["marks"]) - {"sentence"} for s in marked)
    for src in record["sources"]:
        assert "".join(s["text"] for s in src["segments"]) == src["text"]
    stances = {stance for party in record["claims"] for stance in ("claims", "denies") if party[stance]}
    assert stances == {"claims", "denies"}
    assert record["review"]["status"] == "alleged" and record["review"]["awaiting"] == ["RUS", "TUR"]


def test_a_corrected_place_is_in_force_at_once_and_in_the_record(site: Any) -> None:
    iid = site.incident_id()
    answer = site.as_("analyst", "POST", f"/api/incidents/{iid}/corrections",
                      json={"field": "place", "value": {"name": "Shushi heights", "lat": 39.75, "lon": 46.74},
                            "reason": "team 2 stood there"})
    assert answer.status_code == 200, answer.text
    record = site.as_("analyst", "GET", f"/api/incidents/{iid}").json()
    assert record["incident"]["location"]["name"] == "Shushi heights"
    assert record["incident"]["corrections"]["place"]["lat"] == 39.75
    assert record["decisions"][-1]["author"] == "analyst"
    bad = site.as_("analyst", "POST", f"/api/incidents/{iid}/corrections",
                   json={"field": "place", "value": {"name": "x", "lat": 123, "lon": 0}})
    assert bad.status_code == 400 and bad.json()["code"] == "E640"


def test_moving_an_event_out_gives_it_an_incident_of_its_own(site: Any) -> None:
    iid = site.incident_id()
    record = site.as_("analyst", "GET", f"/api/incidents/{iid}").json()
    item = record["incident"]["event_ids"][0]
    answer = site.as_("analyst", "POST", f"/api/incidents/{iid}/moves", json={"item_id": item, "reason": "other day"})
    assert answer.status_code == 200, answer.text
    ids = {i["id"] for i in answer.json()["incidents"]}
    after = site.as_("analyst", "GET", f"/api/incidents/{iid}").json()["incident"]
    assert item not in after["event_ids"]
    assert any(item in site.as_("analyst", "GET", f"/api/incidents/{i}").json()["incident"]["event_ids"]
               for i in ids - {iid})


def test_joint_sign_off_confirms_only_when_every_signatory_signed(site: Any) -> None:
    iid = site.incident_id()
    early = site.as_("officer-rus", "POST", f"/api/incidents/{iid}/signoffs", json={"signatory": "RUS"})
    assert early.status_code == 409 and early.json()["code"] == "E633"
    assert site.as_("analyst", "POST", f"/api/incidents/{iid}/status",
                    json={"status": "under_investigation"}).status_code == 200
    direct = site.as_("analyst", "POST", f"/api/incidents/{iid}/status", json={"status": "confirmed"})
    assert direct.status_code == 409 and direct.json()["code"] == "E631"
    one = site.as_("officer-rus", "POST", f"/api/incidents/{iid}/signoffs", json={"signatory": "RUS"}).json()
    assert one["review"]["status"] == "under_investigation" and one["review"]["awaiting"] == ["TUR"]
    dissent = site.as_("officer-tur", "POST", f"/api/incidents/{iid}/dissents",
                       json={"signatory": "TUR", "reasons": "the crater analysis is not in"}).json()
    assert dissent["review"]["status"] == "under_investigation" and dissent["review"]["dissent"] == ["TUR"]
    both = site.as_("officer-tur", "POST", f"/api/incidents/{iid}/signoffs", json={"signatory": "TUR"}).json()
    assert both["review"]["status"] == "confirmed"
    positions = both["review"]["positions"]
    assert [(p["signatory"], p["stance"]) for p in positions] == [("RUS", "signed"), ("TUR", "dissent"),
                                                                  ("TUR", "signed")]
    assert positions[1]["reasons"] == "the crater analysis is not in" and positions[1]["author"] == "officer-tur"
    # Published now: the public sees it.
    assert [i["id"] for i in site.as_("public", "GET", "/api/incidents").json()["items"]] == [iid]
    # A correction reopens the finding: signatures start again.
    site.as_("analyst", "POST", f"/api/incidents/{iid}/corrections", json={"field": "deaths", "value": 2})
    review = site.as_("analyst", "GET", f"/api/incidents/{iid}").json()["review"]
    assert review["status"] == "under_investigation" and review["round"] == 2 and review["signed"] == []


def test_observations_and_allegations_are_stored_as_reports(site: Any) -> None:
    obs = {"observed_at": "2023-09-22T07:10:00+04:00", "observed_until": "2023-09-22T07:40:00+04:00",
           "what": "explosion", "how": "heard", "count": 6, "direction": "incoming", "bearing_deg": 210,
           "distance_km": 4.5, "weapon": "mortar", "lat": 40.05, "lon": 46.55}
    answer = site.as_("monitor", "POST", "/api/observations", json=obs)
    assert answer.status_code == 201, answer.text
    stored = site.store.observations(ids=answer.json()["observation_ids"])
    assert len(stored) == 1 and stored[0].count == 6 and stored[0].bearing_deg == 210
    bad = site.as_("monitor", "POST", "/api/observations", json=obs | {"what": "fireworks"})
    assert bad.status_code == 400 and bad.json()["code"].startswith("E1")
    allegation = site.as_("liaison-aze", "POST", "/api/allegations",
                          json={"text": "Armenian formations fired on Azerbaijani positions near Aghdam.",
                                "title": "Statement"})
    assert allegation.status_code == 201
    report = site.as_("analyst", "GET", f"/api/reports/{allegation.json()['report_id']}").json()
    assert report["kind"] == "allegation" and report["source_name"] == "AZE liaison"


def test_script_in_a_report_is_shown_as_text(site: Any) -> None:
    iid = site.incident_id()
    hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    site.as_("analyst", "POST", f"/api/incidents/{iid}/corrections",
             json={"field": "place", "value": {"name": hostile, "lat": 39.7, "lon": 46.7}})
    site.as_("liaison-aze", "POST", f"/api/incidents/{iid}/responses", json={"text": hostile})
    page = site.as_("analyst", "GET", f"/incidents/{iid}", headers={"accept": "text/html"}).text
    assert "&lt;script&gt;alert(" in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert all(re.fullmatch(r'<script src="/static/[\w/.-]+"></script>', s) for s in re.findall(r"<script[^>]*>"
                                                                                                 r"</script>", page))
    policy = site.as_("analyst", "GET", f"/incidents/{iid}").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_oversized_bodies_are_refused_before_reading(site: Any) -> None:
    big = {"text": "x" * (site.settings.max_upload_bytes + 10)}
    answer = site.as_("liaison-aze", "POST", "/api/allegations", json=big)
    assert answer.status_code == 413
    assert answer.json()["code"] == "E610" and set(answer.json()) == ERROR_KEYS

    def chunks() -> Any:  # no Content-Length: the limit applies while the body streams in
        for _ in range(20):
            yield b"x" * 100_000

    streamed = site.client().post("/api/allegations", content=chunks(),
                                  headers=site.headers("liaison-aze") | {"content-type": "application/json"})
    assert streamed.status_code == 413


def test_every_error_has_the_one_shape(site: Any) -> None:
    answers = [
        site.as_("public", "GET", "/api/nowhere"),
        site.as_("public", "DELETE", "/api/incidents"),
        site.as_("public", "GET", "/api/incidents?limit=0"),
        site.as_("public", "POST", "/api/observations", json={}),
        site.as_("analyst", "GET", "/api/incidents/in_missing"),
        site.as_("monitor", "GET", "/api/accounts"),
        site.as_("analyst", "POST", "/api/incidents/in_missing/status", json={"status": "rejected"}),
        site.client().post("/api/login", json={"username": "analyst", "password": "wrong password"}),
        site.as_("analyst", "POST", "/api/observations", content=b"{not json", headers={"content-type":
                                                                                          "application/json"}),
    ]
    for answer in answers:
        body = answer.json()
        assert set(body) == ERROR_KEYS, body
        assert body["ok"] is False and body["status"] == answer.status_code >= 400
        assert re.fullmatch(r"E\d{3}", body["code"]) and body["error"]
    assert [a.status_code for a in answers] == [404, 405, 422, 422, 404, 403, 404, 401, 422]
