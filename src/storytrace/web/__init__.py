"""web: store -> a read-only web app (FastAPI, server-rendered pages, a JSON API).

Pages: ``/`` (stories, with search), ``/stories/{id}``, ``/articles/{id}``; API:
``/api/stories``, ``/api/stories/{id}``, ``/api/articles/{id}``; ``/openapi.json``.
"""

from storytrace.web.app import create_app, serve

__all__ = ["create_app", "serve"]
