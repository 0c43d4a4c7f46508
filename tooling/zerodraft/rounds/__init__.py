"""Negotiation rounds: what happens between one released draft and the next.

- :mod:`~zerodraft.rounds.proposal` — a proposal: a change to one paragraph on a branch;
- :mod:`~zerodraft.rounds.renumber` — the renumbering a release applies;
- :mod:`~zerodraft.rounds.concordance` — the old-to-new number table each release records;
- :mod:`~zerodraft.rounds.plan` — what a release is asked to do and everything it will do;
- :mod:`~zerodraft.rounds.steps` — the steps that carry a plan out, the transaction, lock and recovery;
- :mod:`~zerodraft.rounds.notes` — what a release publishes (notes and artefacts);
- :mod:`~zerodraft.rounds.release` — planning and releasing a draft;
- :mod:`~zerodraft.rounds.drafts` — the released drafts (their tags);
- :mod:`~zerodraft.rounds.editors_copy` — whether a text is a released draft or an editor's copy, and its header;
- :mod:`~zerodraft.rounds.history` — the history of one paragraph across commits and drafts.

Nothing is imported here, so that importing one of them (the reader needs the concordance)
does not import the rest.
"""
