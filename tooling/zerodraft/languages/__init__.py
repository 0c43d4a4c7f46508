"""Six languages, one numbering: the language versions of every paragraph, kept in step.

Each paragraph's translations live beside it (``018.fr.md`` next to ``018.md``), each heading's
beside its ``section.yaml`` (``section.fr.yaml``); ``document.yaml`` names the original language
and the languages kept (``languages:``).  A translation records a fingerprint of the original
text it translates, so that staleness is computed, never declared.  How each language prints
headings, numbers and subparagraph letters is data, one file per language under
``zerodraft/data/languages/``.

- :mod:`~zerodraft.languages.records`: the typed records and the fingerprint;
- :mod:`~zerodraft.languages.conventions`: the per-language data files;
- :mod:`~zerodraft.languages.files`: reading translation files into records;
- :mod:`~zerodraft.languages.checks`: missing, stale, orphaned and mismatched translations;
- :mod:`~zerodraft.languages.align`: a translation's text aligned to the original's structure;
- :mod:`~zerodraft.languages.version`: the document as it reads in one language (for build).
"""
