"""Web: server-rendered pages (Jinja2), each with a JSON twin at the same URL plus .json."""
from onrecord.web.pages import pages_router

__all__ = ["pages_router"]
