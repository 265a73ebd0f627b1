"""The console's routes, one module per resource; each is thin over the store and the web modules."""
