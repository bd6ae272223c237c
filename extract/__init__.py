"""Extraction stages: raw text -> Document -> mentions -> entities, relations, indicators."""
