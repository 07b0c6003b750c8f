"""Leichte Sprache text checker (pure Python, no Django)."""
