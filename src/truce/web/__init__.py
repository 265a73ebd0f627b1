"""The monitoring console: `truce serve` — a REST API (OpenAPI at /openapi.json) and web pages
over the same store the command line uses.

Modules: `app` (the factory), `context` and `deps` (what routes depend on), `security`
(passwords, tokens, CSRF, login limits), `roles` (who may do what), `accounts`, `review` (the
lifecycle and joint sign-off), `findings` (corrections and moves as store decisions), `audit` (the
append-only log), `listing` and `record` (what pages and the API read), `mission` (who signs),
`routes/` (one module per resource), `templates/` and `static/`. docs/console.md describes it.
"""
