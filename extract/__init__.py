"""Extraction stages: raw text -> Document -> mentions -> entities, relations, indicators.

A language-neutral core (reading, cleaning, structure, resolution, the contract, the data tables)
and one package per language (``zh/``, ``en/``) behind one protocol (``languages.py``).
"""
