"""English documents: sentence splitting, mention rules and indicator rules.

Registry names and aliases come from ``extract/lexicon/registry.tsv`` through spaCy's blank
``en`` pipeline (``extract.nlp``); name patterns, sector terms, units and cue words are data
files under ``extract/patterns/en_*``. English mentions resolve to the same keys as Chinese ones
(registry id, or the Chinese name a term maps to), so one entity carries both languages.
"""
