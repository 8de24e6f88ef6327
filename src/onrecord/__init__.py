"""onrecord: who said what, from news pages to a structured record of quotations."""

__version__ = "0.1.0"
