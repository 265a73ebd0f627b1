"""What Truce publishes: situation reports (HTML, PDF) and exports (CSV, ACLED, PLOVER, GeoJSON,
KML, XLSX), and ACLED files read back in to set beside Truce's own reading.

Entry points (documented in docs/reports.md):
- `truce.publish.export.stream(store, format, filters) -> Iterator[bytes]`: an export written as
  it is read, a page of incidents at a time (bounded memory whatever the store's size).
- `truce.publish.report.render(store, period, area, audience, format) -> bytes`: one situation
  report for a period, an area and an audience.
- `truce.publish.imports.import_acled(store, path)`: an ACLED export kept in its own table.
- `truce.publish.audience.is_published(incident_id)`: the hook the public audience goes through.
"""
