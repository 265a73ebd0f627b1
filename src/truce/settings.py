"""The one settings object. Every setting is read from the environment (prefix `TRUCE_`).

Each field's description is its documentation; `truce settings` prints them and a test checks
that every field appears in the README's settings table.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# The console's development secret: `truce serve` refuses it outside TRUCE_ENV=development.
DEFAULT_SECRET_KEY = "truce-development-secret-do-not-use"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TRUCE_", extra="ignore")

    home: Path = Field(
        default=Path.home() / ".truce",
        description="Folder for Truce's data: the SQLite store, the gazetteer index, exports.",
    )
    db_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store. Unset: SQLite file `truce.sqlite` under TRUCE_HOME. "
        "`postgresql://user@host:port/db` selects PostgreSQL.",
    )
    max_report_bytes: int = Field(
        default=5_000_000,
        description="Largest input accepted by `truce ingest` and `truce extract`, in bytes, standard input "
        "included: a whole document, or one line, row or list element of a streamed JSON Lines, CSV or JSON "
        "file; larger ones are rejected (E104).",
    )
    ingest_batch_size: int = Field(
        default=500,
        description="Reports written per transaction by `truce ingest` (each batch commits whole or not at all).",
    )
    column_map: Path | None = Field(
        default=None,
        description="YAML column map for CSV field reports. Unset: the built-in KoboToolbox/ODK map.",
    )
    gazetteer_path: Path | None = Field(
        default=None,
        description="The gazetteer index (SQLite). Unset: `gazetteer.sqlite` under TRUCE_HOME, built on first use.",
    )
    gazetteer_min_population: int = Field(
        default=500,
        description="Smallest population of a GeoNames place included when the gazetteer is built "
        "(500, 1000, 5000 or 15000).",
    )
    model_dir: Path | None = Field(
        default=None,
        description="Folder for a mission's own event classifier: `truce train` writes it to `event-types` "
        "there, and it is then used instead of the one shipped with Truce. Unset: `models` under TRUCE_HOME.",
    )
    agreements_dir: Path | None = Field(
        default=None,
        description="Folder of agreement YAML files used by `truce run` and `truce adjudicate`. "
        "Unset: the example agreements shipped with Truce.",
    )
    fuse_window_hours: float = Field(
        default=36.0,
        description="Largest time gap, in hours, between two items fused into one incident.",
    )
    fuse_distance_km: float = Field(
        default=25.0,
        description="Largest distance, in km, between two located items fused into one incident.",
    )
    fuse_chunk_items: int = Field(
        default=2000,
        description="Events and observations fusion takes per committed chunk: bounds its memory; "
        "a killed run resumes after the last chunk.",
    )
    store_page_size: int = Field(
        default=200,
        description="Reports or incidents read per page (and per committed batch) by `truce run`'s "
        "extraction and adjudication: bounds their memory.",
    )
    extract_workers: int = Field(
        default=0,
        ge=0,
        description="Worker processes `truce run` reads the stored reports in, each parsing and "
        "extracting whole reports: 0 is one per core (at most 4), 1 reads in the command's own process. "
        "Workers start only for more than one page of reports; each holds the model (~600 MB).",
    )
    extract_max_chars: int = Field(
        default=2_000_000,
        description="Longest text, in characters, that `truce extract` and `truce.extract()` accept; a longer "
        "one is refused with E160 (split it first).",
    )
    # --- the console (`truce serve`) ---
    env: str = Field(
        default="development",
        description="`development` or `production`. Outside development `truce serve` refuses to start with "
        "the default secret key (E601), and session cookies are always marked Secure.",
    )
    secret_key: str = Field(
        default=DEFAULT_SECRET_KEY,
        description="Secret that keys session-token hashes and CSRF tokens of the console. Must be set "
        "(32+ characters) outside development.",
    )
    mission: Path | None = Field(
        default=None,
        description="Mission YAML naming who signs joint findings and which parties file allegations "
        "(docs/console.md). Unset: the agreements' parties and the mission sign.",
    )
    tile_url: str | None = Field(
        default=None,
        description="Map tile URL template (`https://tiles.example/{z}/{x}/{y}.png`) for a mission with a tile "
        "server. Unset: the offline Natural Earth basemap.",
    )
    max_upload_bytes: int = Field(
        default=1_000_000,
        description="Largest request body the console accepts (a report, allegation or observation); larger "
        "ones are refused with 413 (E610).",
    )
    session_hours: float = Field(
        default=12.0,
        description="How long a console login lasts, in hours.",
    )

    @property
    def database_url(self) -> str:
        """The SQLAlchemy URL in force: TRUCE_DB_URL, else the SQLite file under TRUCE_HOME."""
        if self.db_url:
            url = self.db_url
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://"):]
            return url
        return f"sqlite:///{self.home / 'truce.sqlite'}"

    @property
    def models_folder(self) -> Path:
        return self.model_dir or self.home / "models"

    @property
    def gazetteer_file(self) -> Path:
        return self.gazetteer_path or self.home / "gazetteer.sqlite"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
