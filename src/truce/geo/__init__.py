"""Places: the offline gazetteer, toponym recognition and resolution, geometry for adjudication.

Public entry points live in `truce.geo.resolve` (places, places_in_doc, resolve_name,
region_geometry), `truce.geo.countries` (country_for_name) and `truce.geo.geometry`.
"""
