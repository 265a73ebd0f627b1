"""Every endpoint × every role: what each role may do and is refused, and — for every
state-changing endpoint — exactly one audit entry when it acts, none when refused."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select, text

ROLES = ("admin", "analyst", "monitor", "officer-rus", "officer-tur", "liaison-aze", "public")
EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"public"}
REVIEWERS = {"admin", "analyst"}
SIDE = {"officer-rus": "RUS", "officer-tur": "TUR", "liaison-aze": "AZE"}


def _side(role: str) -> str:
    return SIDE.get(role, "RUS")


# (method, path, body(role) or None, roles allowed). Order matters: the merge and the status change
# come last, so that the actions before them find the finding under investigation.
ENDPOINTS: list[tuple[str, str, Any, set[str]]] = [
    ("GET", "/api/health", None, EVERYONE),
    ("GET", "/api/me", None, EVERYONE),
    ("GET", "/api/mission", None, EVERYONE),
    ("GET", "/api/agreements", None, EVERYONE),
    ("GET", "/api/incidents", None, EVERYONE),
    ("GET", "/api/incidents.geojson", None, EVERYONE),
    ("GET", "/api/export?format=csv", None, EVERYONE),
    ("GET", "/api/incidents/{iid}", None, SIGNED_IN),
    ("GET", "/api/incidents/{iid}/audit", None, SIGNED_IN),
    ("GET", "/api/verdicts?incident_id={iid}", None, SIGNED_IN),
    ("GET", "/api/review/queue", None, SIGNED_IN),
    ("GET", "/api/reports", None, SIGNED_IN),
    ("GET", "/api/reports/{rid}", None, SIGNED_IN),
    ("GET", "/api/events", None, SIGNED_IN),
    ("GET", "/api/events/{eid}", None, SIGNED_IN),
    ("GET", "/api/audit", None, SIGNED_IN),
    ("GET", "/api/accounts", None, {"admin"}),
    ("GET", "/", None, EVERYONE),
    ("GET", "/login", None, EVERYONE),
    ("GET", "/reports?date=2023-09-21", None, EVERYONE),
    ("GET", "/incidents/{iid}", None, SIGNED_IN),
    ("GET", "/queue", None, SIGNED_IN),
    ("GET", "/observe", None, {"admin", "analyst", "monitor"}),
    ("POST", "/api/accounts", lambda r: {"username": f"new-{r}", "password": "a long enough password",
                                         "role": "analyst"}, {"admin"}),
    ("POST", "/api/observations", lambda r: {"observed_at": "2023-09-21T17:00:00+04:00", "what": "explosion",
                                             "how": "heard", "count": 2, "observer": f"team {r}"},
     {"admin", "analyst", "monitor"}),
    ("POST", "/api/reports", lambda r: {"text": f"Shelling near Martuni was reported by {r} on 21 September.",
                                        "published": "2023-09-21T12:00:00+00:00"}, REVIEWERS),
    ("POST", "/api/allegations", lambda r: {"text": f"Fire on our positions near Aghdam, says {r}."},
     {"liaison-aze"}),
    ("POST", "/api/incidents/{iid}/responses", lambda r: {"text": "We deny it."}, {"liaison-aze"}),
    ("POST", "/api/incidents/{iid}/signoffs", lambda r: {"signatory": _side(r)}, {"officer-rus", "officer-tur"}),
    ("POST", "/api/incidents/{iid}/dissents", lambda r: {"signatory": _side(r), "reasons": "not proven"},
     {"officer-rus", "officer-tur"}),
    ("POST", "/api/incidents/{iid}/corrections", lambda r: {"field": "deaths", "value": 1}, REVIEWERS),
    ("POST", "/api/incidents/{iid}/attribution", lambda r: {"party": "ARM"}, REVIEWERS),
    ("POST", "/api/incidents/{iid}/moves", lambda r: {"item_id": "{item}"}, REVIEWERS),
    ("POST", "/api/incidents/{iid}/merge", lambda r: {"other_incident_id": "{other}"}, REVIEWERS),
    ("POST", "/api/incidents/{iid}/status", lambda r: {"status": "rejected"}, REVIEWERS),
    ("POST", "/api/logout", None, SIGNED_IN),
]
PAGES_REDIRECT = {"/queue", "/observe"}  # a page refused to the public sends it to log in


def _audit_count(site: Any) -> int:
    with site.store.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM audit_log")).scalar() or 0)


def _fill(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format(**names) if "{" in value else value
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    return value


def _names(site: Any) -> dict[str, str]:
    items = site.as_("analyst", "GET", "/api/incidents?type=ASSAULT&limit=500").json()["items"]
    iid = site.incident_id()
    big = next(i for i in items if i["id"] == iid)
    other = next(i["id"] for i in items if i["id"] != iid)
    return {"iid": iid, "other": other, "item": big["event_ids"][-1], "rid": big["report_ids"][0],
            "eid": big["event_ids"][0]}


def test_the_matrix_names_every_route(site: Any) -> None:
    from truce.web.routes import auth, incidents, pages, records, review

    every = [r for module in (auth, incidents, pages, records, review) for r in module.router.routes]
    every += [r for r in site.app.routes if getattr(r, "path", "") == "/api/health"]
    routes = {(m, r.path) for r in every for m in r.methods if m != "HEAD"}
    assert len(routes) > 30
    listed = {(m, p.split("?")[0].replace("{iid}", "{incident_id}").replace("{rid}", "{report_id}")
               .replace("{eid}", "{event_id}")) for m, p, _, _ in ENDPOINTS} | {("POST", "/api/login")}
    assert routes == listed


@pytest.mark.parametrize("role", ROLES)
def test_every_endpoint_for_every_role(site: Any, role: str) -> None:
    names = _names(site)
    assert site.as_("analyst", "POST", f"/api/incidents/{names['iid']}/status",
                    json={"status": "under_investigation"}).status_code == 200
    checked = 0
    for method, path, body, allowed in ENDPOINTS:
        url = path.format(**names)
        before = _audit_count(site)
        payload = _fill(body(role), names) if body else None
        answer = site.as_(role, method, url, json=payload, follow_redirects=False)
        after = _audit_count(site)
        where = f"{role} {method} {url}: {answer.status_code} {answer.text[:300]}"
        if role in allowed:
            assert answer.status_code < 300 or answer.status_code == 409, where
            if method == "POST" and answer.status_code < 300:
                assert after == before + 1, f"{where}: {after - before} audit entries"
        else:
            if role == "public" and path.split("?")[0] in PAGES_REDIRECT:
                assert answer.status_code == 303 and answer.headers["location"].startswith("/login"), where
            else:
                assert answer.status_code in (401, 403, 404), where
                assert answer.json()["code"] in ("E620", "E621", "E622", "E623", "E624", "E650"), where
            assert after == before, f"{where}: a refusal wrote to the audit log"
        checked += 1
    assert checked == len(ENDPOINTS)


def test_a_signatory_cannot_sign_for_another(site: Any) -> None:
    iid = site.incident_id()
    site.as_("analyst", "POST", f"/api/incidents/{iid}/status", json={"status": "under_investigation"})
    for who, other in (("officer-rus", "TUR"), ("officer-tur", "RUS")):
        for action in ("signoffs", "dissents"):
            answer = site.as_(who, "POST", f"/api/incidents/{iid}/{action}", json={"signatory": other,
                                                                                    "reasons": "no"})
            assert answer.status_code == 403 and answer.json()["code"] == "E624"
    assert site.as_("analyst", "GET", f"/api/incidents/{iid}").json()["review"]["positions"] == []


def test_a_party_to_the_conflict_responds_but_does_not_sign(site: Any) -> None:
    iid = site.incident_id()
    site.as_("analyst", "POST", f"/api/incidents/{iid}/status", json={"status": "under_investigation"})
    own = site.as_("liaison-aze", "POST", f"/api/incidents/{iid}/signoffs", json={"signatory": "AZE"})
    assert own.status_code == 403 and own.json()["code"] == "E622"
    theirs = site.as_("liaison-aze", "POST", f"/api/incidents/{iid}/signoffs", json={"signatory": "RUS"})
    assert theirs.status_code == 403 and theirs.json()["code"] == "E623"
    assert site.as_("liaison-aze", "POST", f"/api/incidents/{iid}/responses", json={"text": "no"}).status_code == 201


def test_where_a_party_signs_its_liaison_signs_for_it_alone(site_factory: Any) -> None:
    site = site_factory(mission=None)  # the default: the agreements' parties and the mission sign
    iid = site.incident_id()
    site.as_("analyst", "POST", f"/api/incidents/{iid}/status", json={"status": "under_investigation"})
    mine = site.as_("liaison-aze", "POST", f"/api/incidents/{iid}/signoffs", json={"signatory": "AZE"})
    assert mine.status_code == 200, mine.text
    other = site.as_("liaison-aze", "POST", f"/api/incidents/{iid}/signoffs", json={"signatory": "ARM"})
    assert other.status_code == 403 and other.json()["code"] == "E624"
    assert mine.json()["review"]["awaiting"] == ["ARM", "MISSION"]


def test_the_public_sees_published_findings_only(site: Any) -> None:
    iid = site.incident_id()
    assert site.as_("public", "GET", "/api/incidents").json()["items"] == []
    assert site.as_("public", "GET", f"/api/incidents/{iid}").status_code == 404
    assert site.as_("public", "GET", f"/incidents/{iid}").status_code == 404
    assert site.as_("public", "GET", "/api/export?format=geojson").json()["features"] == []
    site.as_("analyst", "POST", f"/api/incidents/{iid}/status", json={"status": "under_investigation"})
    for who, side in (("officer-rus", "RUS"), ("officer-tur", "TUR")):
        site.as_(who, "POST", f"/api/incidents/{iid}/signoffs", json={"signatory": side})
    assert [i["id"] for i in site.as_("public", "GET", "/api/incidents").json()["items"]] == [iid]
    record = site.as_("public", "GET", f"/api/incidents/{iid}").json()
    assert record["incident"]["id"] == iid and record["audit"] == []
    assert [f["id"] for f in site.as_("public", "GET", "/api/export?format=geojson").json()["features"]] == [iid]


def test_the_audit_log_cannot_be_changed_or_deleted(site: Any) -> None:
    from sqlalchemy.exc import DBAPIError

    from truce.web import tables as w

    iid = site.incident_id()
    site.as_("analyst", "POST", f"/api/incidents/{iid}/status", json={"status": "under_investigation"})
    for method in ("PUT", "PATCH", "DELETE"):
        assert site.as_("admin", method, "/api/audit").status_code == 405
    with site.store.engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(w.audit_log)).scalar()
        assert count and count > 0
    for statement in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), site.store.engine.begin() as conn:
            conn.execute(text(statement))
    entries = site.as_("admin", "GET", f"/api/audit?target={iid}").json()["items"]
    assert [e["action"] for e in entries] == ["review.status"]
    assert entries[0]["actor"] == "analyst" and entries[0]["before"]["status"] == "alleged"
    assert entries[0]["after"]["status"] == "under_investigation"
