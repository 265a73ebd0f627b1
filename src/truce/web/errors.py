"""One error shape for every response the console refuses (locked by tests/web/test_errors.py):

    {"ok": false, "code": "E620", "error": "...", "where": "...", "hint": "...", "status": 403}

It is `TruceError.to_dict()` plus the HTTP status. Pages (not /api) get the same content as HTML.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from truce.errors import TruceError
from truce.store import StoreError

log = logging.getLogger("truce.web")

STATUS_BY_CODE = {
    "E606": 429, "E609": 403, "E610": 413, "E620": 403, "E621": 401, "E622": 403, "E623": 403, "E624": 403,
    "E626": 401, "E631": 409, "E632": 409, "E633": 409, "E650": 404, "E651": 409, "E652": 404, "E653": 404,
    "E608": 409,
}
_HTTP_CODES = {404: ("E617", "no such page or endpoint", "see /openapi.json for the API"),
               405: ("E618", "this method is not allowed here", "see /openapi.json for the methods allowed"),
               413: ("E610", "the request body is too large", "send less than TRUCE_MAX_UPLOAD_BYTES")}


def status_of(error: TruceError) -> int:
    if isinstance(error, StoreError):
        return 503
    return STATUS_BY_CODE.get(error.code, 400)


def body(error: TruceError, status: int) -> dict[str, Any]:
    return error.to_dict() | {"status": status}


def respond(request: Request, payload: dict[str, Any], status: int) -> Response:
    wants_page = not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")
    if wants_page:
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"e": payload}, status_code=status)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(payload, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(TruceError)
    async def _truce(request: Request, exc: TruceError) -> Response:
        status = status_of(exc)
        return respond(request, body(exc, status), status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path"))
        error = TruceError("E616", f"{where or 'request'}: {first.get('msg', 'invalid')}",
                           hint="see /openapi.json for what this endpoint takes", where=where or None)
        return respond(request, body(error, 422), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code, message, hint = _HTTP_CODES.get(exc.status_code, ("E619", str(exc.detail), "check the request"))
        return respond(request, body(TruceError(code, message, hint=hint, where=request.url.path), exc.status_code),
                       exc.status_code)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        # A bug, not a user's error: logged with its traceback, answered in the one shape.
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        error = TruceError("E699", "the console failed on this request", hint="report it with the server's log",
                           where=request.url.path)
        return respond(request, body(error, 500), 500)


