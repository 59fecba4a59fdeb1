"""The extraction pipeline: a blank Chinese spaCy pipeline and the rule components.

Character segmentation keeps every phrase matchable (jieba's word boundaries
would hide names that cross them); jieba is used inside the rules where word
boundaries help. Order matters: names and resolutions look at what the
gazetteer and titles found before them.
"""

from __future__ import annotations

import logging
from functools import cache

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.data_files import read_words

# Importing the rule modules registers their factories with spaCy.
from kg.nlp.rules import gazetteer, mentions, names, resolutions, titles  # noqa: F401

COMPONENTS = (
    ("kg_gazetteer", "kg_gazetteer", {}),
    ("kg_titles", "kg_titles", {}),
    ("kg_names", "kg_names", {}),
    ("kg_resolutions", "kg_resolutions", {}),
    ("kg_mentions", "kg_mentions", {}),
)


@cache
def teach_jieba() -> None:
    """Add the genre's terms and clause openers to jieba's dictionary (process-wide, once)."""
    jieba.setLogLevel(logging.WARNING)
    for word in read_words("patterns/jieba_words.txt"):
        jieba.add_word(word, tag="nz")
    for word in read_words("patterns/clause_verbs.txt"):
        if len(word) > 1:  # 注意到, 深为关切: one word, so a name's left edge stops before it
            jieba.add_word(word, tag="v")
    known = jieba.get_FREQ
    for word in read_words("patterns/left_boundaries.txt"):
        if len(word) > 1 and not known(word):  # 齐聚联合国总部: jieba reads 齐|聚 otherwise
            jieba.add_word(word, tag="p")


class CharTokenizer:
    """One token per character, whitespace included, so every offset is a token boundary.

    It gives the tokens of spaCy's ``zh`` "char" segmenter without its
    whitespace re-alignment, which costs more than the rest of the pipeline.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        # character → its lexeme's hash: spaCy takes a Doc's words as hashes without hashing
        # each character's string again (twice as fast); as many entries as the vocabulary
        self._orths: dict[str, int] = {}

    def __call__(self, text: str) -> Doc:
        try:
            words = list(map(self._orths.__getitem__, text))
        except KeyError:
            words = [self._orth(char) for char in text]
        return Doc(self.vocab, words=words, spaces=[False] * len(text))

    def _orth(self, char: str) -> int:
        orth = self._orths.get(char)
        if orth is None:
            orth = self._orths[char] = self.vocab[char].orth  # adds the lexeme if new
        return orth


def make_pipeline() -> Language:
    """A new pipeline: blank `zh` with the character segmenter and the rule components."""
    teach_jieba()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    for name, factory, config in COMPONENTS:
        nlp.add_pipe(factory, name=name, config=config)
    return nlp


@cache
def shared_pipeline() -> Language:
    """One pipeline per process (building the phrase matchers takes a moment)."""
    return make_pipeline()
