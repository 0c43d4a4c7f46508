"""A source file read by the reader of its format (:mod:`.plaintext`, :mod:`.markdown`,
:mod:`.docx`) into one stream of blocks, and recognised into a tree: what ``zerodraft
import`` and the corpus tests run.  The readers are imported only when their format comes."""

from __future__ import annotations

from dataclasses import replace

from zerodraft.errors import Fatal
from zerodraft.importing import blocks, recogniser, sourcefile
from zerodraft.importing.tree import Recognition


def recognise(source: sourcefile.SourceFile) -> Recognition:
    """The tree of any supported source."""
    stream = read(source)
    if source.notes:
        stream = replace(stream, notes=(*source.notes, *stream.notes))
    return recogniser.recognise(stream, str(source.path))


def read(source: sourcefile.SourceFile) -> blocks.Stream:
    """The blocks of a source, by its format."""
    if source.format == "docx":
        from zerodraft.importing import docx as docx_reader

        stream = docx_reader.read(source.path)
        if not stream.blocks:
            raise Fatal(
                f"'{source.path}' is a Word file with no paragraphs of text (tables, text boxes and pictures are "
                "not read); is it the draft?"
            )
        for block in stream.blocks:
            sourcefile.refuse_hidden_characters(str(source.path), block.text, block.line)
        return stream
    if source.format == "markdown":
        from zerodraft.importing import markdown as markdown_reader

        return markdown_reader.read(source.text())
    from zerodraft.importing import plaintext

    return plaintext.read(source.text())
