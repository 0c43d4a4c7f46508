"""Cross-references inside the document ("paragraph 40 above", "article 7, paragraph 2"):
recognised (:mod:`.grammar`), resolved against a :class:`~zerodraft.model.Document`
(:mod:`.resolve`) and rewritten when a release renumbers (:mod:`.rewrite`).

References to other instruments ("article 76 of the Convention", "resolution 72/55") are
recognised as external and never touched.  The grammar, with its table of examples, is in
``docs/references.md``.
"""

from __future__ import annotations

from zerodraft.references.grammar import Kind, Numeral, Reference, Scope, Target, find

__all__ = ["Kind", "Numeral", "Reference", "Scope", "Target", "find"]
