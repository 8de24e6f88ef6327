"""Eval: score extraction against gold attribution data."""
