"""The server: one FastAPI application with the JSON API under /api (OpenAPI at /docs) and the web pages,
each page with a JSON twin at the same URL plus .json (as datasette does).

app.py builds the application; api.py and pages.py are its two routers; params.py holds the search
parameters and paging they share; highlight.py cuts a document into highlighted pieces; templates/ the pages.
"""
from onrecord.server.app import create_app

__all__ = ["create_app"]
