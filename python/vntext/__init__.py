"""Fast Vietnamese text analysis, with a Rust core.

Tokens, sentences, words, named entities, normalization and abbreviation expansion. The names
follow underthesea where it has the same function (``sent_tokenize``, ``word_tokenize``,
``text_normalize``), so switching is a change of import. Every function releases the GIL; the
``*_batch`` forms take a list and use all cores.

>>> import vntext
>>> vntext.word_tokenize("Bộ Quốc phòng họp báo.")
['Bộ', 'Quốc phòng', 'họp báo', '.']
>>> vntext.word_tokenize("Bộ Quốc phòng họp báo.", format="text")
'Bộ Quốc_phòng họp_báo .'
>>> [(e.text, e.kind) for e in vntext.ner("Chiều 8/12, UBND tỉnh Đắk Nông họp.")][:2]
[('8/12', 'date'), ('UBND tỉnh Đắk Nông', 'organization')]
"""

from ._vntext import (
    Entity,
    Token,
    __version__,
    expand,
    expand_batch,
    ner,
    ner_batch,
    sent_tokenize,
    sent_tokenize_batch,
    text_normalize,
    text_normalize_batch,
    tokenize,
    tokenize_batch,
    tokens,
    word_tokenize,
    word_tokenize_batch,
)

__all__ = [
    "Entity",
    "Token",
    "__version__",
    "expand",
    "expand_batch",
    "ner",
    "ner_batch",
    "sent_tokenize",
    "sent_tokenize_batch",
    "text_normalize",
    "text_normalize_batch",
    "tokenize",
    "tokenize_batch",
    "tokens",
    "word_tokenize",
    "word_tokenize_batch",
]
