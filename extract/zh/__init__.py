"""Chinese rules: mentions (jieba tokens, head nouns, lists, quotes), relations, indicators, labels.

``extract/zh/language.py`` puts them behind the language protocol (``extract/languages.py``).
"""
