"""Bringing a Chair's draft into the paragraph tree: ``zerodraft import``.

A reader per source format (:mod:`.plaintext`, :mod:`.markdown`, :mod:`.docx`) turns the
file into one stream of :class:`~.blocks.Block` records; :mod:`.recogniser` turns blocks into
an :class:`~.tree.ImportedDocument`; :mod:`.writer` writes that as ``outcome/``.
"""
