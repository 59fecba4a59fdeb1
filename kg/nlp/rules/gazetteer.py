"""Known entities by name: countries, bodies, instruments, regions, cities, threats.

A PhraseMatcher over the character tokens finds every name of the gazetteer.
Short names (two characters, such as 中国 or 美国) must also sit on jieba word
boundaries, so that 发展中国家 or 欧美国家 do not name a country.
"""

from __future__ import annotations

import jieba
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.nlp.context import candidates_of
from kg.nlp.gazetteer import Gazetteer, KnownEntity, load_gazetteer
from kg.nlp.model import Candidate, EntityType

PRIORITY = {EntityType.COUNTRY: 3, EntityType.ORGANIZATION: 2, EntityType.REGION: 1}
WORD_WINDOW = 6
SHORT_NAME = 2
BARE_INSTRUMENT = 8


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    """True unless jieba puts [start, end) inside a longer word.

    A word must begin where the name begins (中国 in 发展中国家 and 美国 in 欧美国家
    do not); it may run on past the name's end only if it began with it
    (泰国政府 is one jieba word and still names Thailand).
    """
    left = max(0, start - WORD_WINDOW)
    position = left
    for word in jieba.cut(text[left : min(len(text), end + WORD_WINDOW)], HMM=False):
        word_end = position + len(word)
        if position < start < word_end:
            return False
        if position == start:
            return True
        position = word_end
    return True


class GazetteerMatcher:
    """Proposes a candidate for every gazetteer name found in the text."""

    name = "kg_gazetteer"

    def __init__(self, nlp: Language, gazetteer: Gazetteer, types: tuple[EntityType, ...]):
        self.types = types
        self.matcher = PhraseMatcher(nlp.vocab)
        self.entities: dict[str, KnownEntity] = gazetteer.names(*types)
        for name, entity in self.entities.items():
            if entity.type is EntityType.INSTRUMENT and len(name) < BARE_INSTRUMENT:
                continue  # 政治宣言, 反腐败公约: short titles count only inside 《》
            self.matcher.add(name, [nlp.make_doc(name)])

    def __call__(self, doc: Doc) -> Doc:
        candidates = candidates_of(doc)
        strings = doc.vocab.strings
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            name = strings[match_id]
            entity = self.entities[name]
            if len(name) <= SHORT_NAME and not on_word_boundaries(
                doc.text, span.start_char, span.end_char
            ):
                continue
            candidates.append(
                Candidate(
                    span.start_char,
                    span.end_char,
                    entity.type,
                    rule=f"gazetteer:{entity.type}",
                    key=entity.key,
                    label=entity.label_zh,
                    priority=PRIORITY.get(entity.type, 0),
                )
            )
        return doc


@Language.factory("kg_gazetteer", default_config={"types": []})
def make_gazetteer_matcher(nlp: Language, name: str, types: list[str]) -> GazetteerMatcher:
    chosen = tuple(EntityType(t) for t in types) or tuple(
        t for t in EntityType if t not in (EntityType.THREAT, EntityType.ROUTE)
    )
    return GazetteerMatcher(nlp, load_gazetteer(), chosen)
