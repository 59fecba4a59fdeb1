"""Known entities by name: countries, bodies, instruments, regions, cities, threats.

A PhraseMatcher over the character tokens finds every name of the gazetteer.
Short names (two characters, such as 中国 or 美国) must also sit on jieba word
boundaries, so that 发展中国家 or 欧美国家 do not name a country.
"""

from __future__ import annotations

from operator import itemgetter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.data_files import read_words
from kg.nlp.context import candidates_of, text_of
from kg.nlp.gazetteer import UN_KEY, UN_SYSTEM, Gazetteer, KnownEntity, load_gazetteer
from kg.nlp.model import Candidate, EntityType
from kg.nlp.words import is_word, starts_word

PRIORITY = {EntityType.COUNTRY: 3, EntityType.ORGANIZATION: 2, EntityType.REGION: 1}
RULES = {entity_type: f"gazetteer:{entity_type}" for entity_type in EntityType}
START, END = itemgetter(1), itemgetter(2)
SHORT_NAME = 2
BARE_INSTRUMENT = 8
# Kinds of instrument that UN texts name bare, however short (可持续发展目标); a body of law
# (国际人道法, kind law) is a field, not an instrument, unless titled in 《》
NAMED_BARE = frozenset({"goals", "agenda", "compact", "framework"})
COUNTER = "反"
DEMONSTRATIVES = ("该", "这一", "这项", "这份", "此", "上述")
PLACES = frozenset({EntityType.COUNTRY, EntityType.REGION})
NAMED_PLACES = PLACES | {EntityType.CITY}
NATIONAL = "国家"  # before a UN body's name: a country's own body of that kind
INTERPUNCTS = ("·", "・", "•")  # between the parts of a transliterated personal name
NAME_REST = 3  # characters of a name's word beyond the place inside it
LANGUAGE = "文语"  # a place's name with one of these after it is the name of its language
ASSEMBLY = "大会"  # the General Assembly's short form, and any body's assembly or conference
ABBREVIATION_ENDS = (")", "）")  # 粮食及农业组织(粮农组织)大会
# 审议大会, 缔约国大会: a treaty's review conference or conference of its parties, not the GA
CONFERENCE_OF = ("审议", "缔约国", "缔约方")
# 贩运人口、武器和毒品: one verb for a list of objects, each a threat of its own (贩运武器)
SHARED_VERBS = ("非法贩运", "贩运", "走私")
OBJECT_JOINERS = ("、", "和", "及", "以及", "或")
MAX_OBJECT = 4  # characters of an object that shares the verb (武器, 文化财产)


class GazetteerMatcher:
    """Proposes a candidate for every gazetteer name found in the text."""

    name = "kg_gazetteer"

    def __init__(self, nlp: Language, gazetteer: Gazetteer, types: tuple[EntityType, ...]):
        self.types = types
        self.matcher = PhraseMatcher(nlp.vocab)
        self.entities: dict[str, KnownEntity] = gazetteer.names(*types)
        for name, entity in self.entities.items():
            if (
                entity.type is EntityType.INSTRUMENT
                and len(name) < BARE_INSTRUMENT
                and entity.kind not in NAMED_BARE
            ):
                continue  # 政治宣言, 反腐败公约: short titles count only inside 《》
            self.matcher.add(name, [nlp.make_doc(name)])
        # the matcher reports a name by its hash in the string store: the name, its entity
        # and the fields of its candidate after the offsets
        self.by_match_id = {
            nlp.vocab.strings[name]: (
                name,
                entity,
                (
                    entity.type,
                    RULES[entity.type],
                    entity.key,
                    entity.label_zh,
                    PRIORITY.get(entity.type, 0),
                ),
            )
            for name, entity in self.entities.items()
        }
        # 冲突 → (利益冲突,): the words in which a threat's name names no threat, by name
        self.not_threats: dict[str, tuple[str, ...]] = {}
        for word in read_words("patterns/not_threats.txt"):
            for name, entity in self.entities.items():
                if entity.type is EntityType.THREAT and name in word:
                    self.not_threats[name] = (*self.not_threats.get(name, ()), word)
        self.body_names = (
            tuple(
                name
                for name, entity in self.entities.items()
                if entity.type is EntityType.ORGANIZATION and entity.key != UN_KEY
            )
            + ABBREVIATION_ENDS
        )
        self.assembly_owners = (*self.body_names, *CONFERENCE_OF)

    def __call__(self, doc: Doc) -> Doc:
        candidates = candidates_of(doc)
        text = text_of(doc)
        # one token per character: token offsets are character offsets (no Span needed)
        threat_end = -1  # where the last threat named ends (matches come by start)
        dotted = any(mark in text for mark in INTERPUNCTS)  # a personal name may be written
        for match_id, start, end in _longest_first(self.matcher(doc)):
            name, entity, fields = self.by_match_id[match_id]
            if entity.type is EntityType.THREAT and end <= threat_end:
                continue  # 暴力 in 暴力侵害妇女: a threat inside a longer threat's name
            if (
                len(name) <= SHORT_NAME
                and not starts_word(text, start, end)
                and not _countered(entity, text, start)
            ):
                continue
            if name == ASSEMBLY and text.endswith(self.assembly_owners, 0, start):
                continue  # 粮农组织(粮农组织)大会, 教科文组织大会: that body's own assembly
            if entity.type is EntityType.INSTRUMENT and text.endswith(DEMONSTRATIVES, 0, start):
                continue  # 该政治宣言和行动计划: the one just talked about, not a known title
            if (
                entity.type in PLACES
                and text[end : end + 1] in LANGUAGE  # ("" too: at the end, the name's own)
                and is_word(name + text[end : end + 1], LANGUAGE)
            ):
                continue  # 西班牙文, 阿拉伯语: a language, not the place
            if (
                entity.type is EntityType.ORGANIZATION
                and entity.kind.startswith(UN_SYSTEM)
                and text.endswith(NATIONAL, 0, start)
            ):
                continue  # 国家人权委员会: a country's own commission, not the UN's
            if dotted and entity.type in NAMED_PLACES and _in_personal_name(text, start, end):
                continue  # 扎卡利亚乌·拉瓦尔, 马里奥·德拉吉: a person's transliterated name
            if name in self.not_threats and _inside_any(text, start, end, self.not_threats[name]):
                continue  # 利益冲突: a conflict of interest, no armed conflict
            if entity.type is EntityType.THREAT:
                threat_end = end
                for shared in self._shared_verb_objects(text, name, end):
                    candidates.append(shared)
                    threat_end = max(threat_end, shared.end)
            candidates.append(Candidate(start, end, *fields))
        return doc

    def _shared_verb_objects(self, text: str, name: str, end: int) -> list[Candidate]:
        """贩运人口、武器和毒品: the objects listed after a threat written verb + object
        that make a threat of their own with that verb (贩运武器, 贩运毒品)."""
        verb = next((v for v in SHARED_VERBS if name.startswith(v) and len(name) > len(v)), "")
        if not verb:
            return []
        found = []
        cursor = end
        while True:
            joiner = next((j for j in OBJECT_JOINERS if text.startswith(j, cursor)), "")
            if not joiner:
                break
            start = cursor + len(joiner)
            for size in range(MAX_OBJECT, 0, -1):
                entity = self.entities.get(verb + text[start : start + size])
                if entity is not None and entity.type is EntityType.THREAT:
                    found.append(
                        Candidate(start, start + size, EntityType.THREAT, "gazetteer:shared-verb",
                                  entity.key, entity.label_zh, 0)
                    )  # fmt: skip
                    cursor = start + size
                    break
            else:
                break
        return found


def _in_personal_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a strict part of one word of a name written with the interpunct
    (扎|卡利|亚乌·拉瓦尔, 马里|奥·德拉吉)? A place written whole beside it (中国·东盟) is not."""
    after = end
    while after < len(text) and after - end <= NAME_REST and _chinese(text[after]):
        after += 1
    if after > end and text[after : after + 1] in INTERPUNCTS:
        return True
    before = start
    while before > 0 and start - before <= NAME_REST and _chinese(text[before - 1]):
        before -= 1
    return before < start and text[before - 1 : before] in INTERPUNCTS


def _chinese(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The matches by start, the longest first where two start together (two stable sorts
    by C keys: a key function in Python costs more than the matcher)."""
    return sorted(sorted(matches, key=END, reverse=True), key=START)


def _inside_any(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Does text[start:end] stand inside one of ``words`` written around it?"""
    return any(
        text.startswith(word, at)
        for word in words
        for at in range(max(0, end - len(word)), start + 1)
    )


def _countered(entity: KnownEntity, text: str, start: int) -> bool:
    """反腐败, 反恐: a threat after 反 (counter-) is named, though jieba joins the two."""
    return entity.type is EntityType.THREAT and text[start - 1 : start] == COUNTER


@Language.factory("kg_gazetteer", default_config={"types": []})
def make_gazetteer_matcher(nlp: Language, name: str, types: list[str]) -> GazetteerMatcher:
    chosen = tuple(EntityType(t) for t in types) or tuple(
        t for t in EntityType if t is not EntityType.ROUTE
    )
    return GazetteerMatcher(nlp, load_gazetteer(), chosen)
