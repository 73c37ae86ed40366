"""Word output laid out to GB/T 9704: ``docx_writer`` (speech → .docx), ``format``
(``drafter format``), and the pieces they use — ``styles``, ``fonts``, ``page``,
``properties``, ``titles``, ``comments`` (notes as Word comments), ``reference``
(a unit's own template), ``template`` (the cached empty document), ``ooxml``."""
