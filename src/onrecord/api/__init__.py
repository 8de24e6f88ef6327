"""API: one FastAPI application serving the JSON API (with OpenAPI) and the web pages."""
from onrecord.api.app import create_app

__all__ = ["create_app"]
