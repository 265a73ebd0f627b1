"""The console's app factory: `create_app(settings=None, store=None) -> FastAPI`.

The API lives under /api (OpenAPI at /openapi.json, browsable at /docs), the console's pages at /,
static assets (the app's own and the npm libraries `make setup` copies to static/vendor) at
/static. Nothing is fetched from a CDN: the map's basemap is Natural Earth from `world-atlas`,
unless TRUCE_TILE_URL names a mission's tile server.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from truce.settings import Settings, get_settings
from truce.store import Store, open_store
from truce.web import errors
from truce.web.context import Console
from truce.web.limits import BodyLimit
from truce.web.security import check_startup

HERE = Path(__file__).parent
STATIC = HERE / "static"
VERSION = "1"


def _csp(settings: Settings) -> str:
    tiles = ""
    if settings.tile_url:
        parts = urlsplit(settings.tile_url.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in settings.tile_url else parts.netloc
        tiles = f" {parts.scheme}://{host}"
    # No inline script anywhere: an injected <script> would not run even if escaping failed.
    return (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The console over `store` (else the one the settings name); refuses unsafe settings (E600/E601)."""
    from truce.web.routes import auth, incidents, pages, records, review

    settings = settings or get_settings()
    check_startup(settings)
    console = Console.build(settings, store or open_store(settings.database_url))
    app = FastAPI(title="Truce console", version=VERSION, openapi_url="/openapi.json", docs_url="/docs",
                  redoc_url=None,
                  description="Incidents, evidence, verdicts and their review, for a ceasefire monitoring mission.")
    app.state.console = console
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.state.templates.env.globals["vendor_ready"] = (STATIC / "vendor" / "leaflet" / "leaflet.js").exists()
    errors.install(app)
    for module in (auth, incidents, review, records, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    policy = _csp(settings)

    @app.middleware("http")
    async def _headers(request: Request, call_next: object) -> Response:
        response: Response = await call_next(request)  # type: ignore[operator]
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.get("/api/health", tags=["meta"], summary="The console is up and its store answers")
    def health() -> dict[str, object]:
        return {"ok": True, "store": console.store.label, "incidents": console.store.count_live_incidents()}

    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes)
    return app
