"""Word intake: a delegation's edited Word copy of the draft becomes its proposals.

- :mod:`~zerodraft.intake.identity` — the bookmarks and document properties every published
  Word file carries (written by :mod:`zerodraft.render.docx`);
- :mod:`~zerodraft.intake.package` — opening an untrusted .docx safely (size, zip, XML);
- :mod:`~zerodraft.intake.wordfile` — its paragraphs with tracked changes accepted, and its comments;
- :mod:`~zerodraft.intake.edits` — what the delegation changed, paragraph by paragraph;
- :mod:`~zerodraft.intake.plan` — those edits as proposals, judged by the pull-request policy.

This package's own ``__init__`` imports nothing, so the renderer can use ``identity`` cheaply.
"""
