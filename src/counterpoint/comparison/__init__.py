"""Across articles: how pairs relate, claims lined up, naming and sourcing contrasts, stories (group)."""
