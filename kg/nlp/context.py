"""What the extractor remembers while it reads one document, paragraph by paragraph.

Abbreviations defined as 全称（简称） hold for the rest of the document; a short
title such as 《公约》 means the last convention named; a decision "in its
decision 4/1" was taken by the body the text was last talking about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.ids import entity_key
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.model import Candidate, EntityType
from kg.text import chinese_numeral

SESSION_ORDINAL = re.compile(r"第([一二三四五六七八九十]+)届")
# Heads by which a document calls its own body: 理事会 in an ECOSOC resolution, 执行局 in
# an Executive Board's paper, 委员会 in a commission's record. Longest first.
OWN_BODY_HEADS = (
    "执行委员会", "理事会", "委员会", "执行局", "工作组", "工作队", "大会", "论坛", "小组"
)  # fmt: skip
# Heads of an agency's governing board that a masthead may write bare (联合国儿童基金会执行局
# as 执行局, the UNAIDS Programme Coordinating Board as 方案协调委员会)
BOARD_HEADS = ("执行局", "执行理事会", "执行委员会", "方案协调委员会")
CONTEXT_KEY = "kg_context"
CANDIDATES_KEY = "kg_candidates"
TEXT_KEY = "kg_text"
CITED_KEY = "kg_cited"  # where footnote references stood in the text
# False: the mentions are read from user_data only, not written as doc.ents too (the
# extractor's own Docs, which no one else sees; a pipeline called on a text sets them)
ENTS_KEY = "kg_ents"


@dataclass(frozen=True, slots=True)
class Alias:
    """A short form defined in the document: it names the entity of ``key``."""

    short: str
    key: str
    type: EntityType
    label: str


@dataclass(slots=True)
class DocumentContext:
    """Per-document memory shared by the rule components."""

    aliases: dict[str, Alias] = field(default_factory=dict)
    instruments: list[tuple[str, str]] = field(default_factory=list)  # (name, key), oldest first
    # name → key of its latest mention, names in the order last mentioned: each name once,
    # however often a document repeats it (a short title is matched against each of them)
    latest_instruments: dict[str, str] = field(default_factory=dict)
    bodies: list[tuple[str, str, EntityType]] = field(default_factory=list)  # (name, key, type)
    conveners: list[tuple[str, str]] = field(default_factory=list)  # (name, key) of session bodies
    cited: list[str] = field(default_factory=list)  # titles of the works cited so far
    # names of the programmes titled 《…》 so far, the latest last (a bare 《战略计划》 is one)
    titled_programmes: dict[str, None] = field(default_factory=dict)
    own_body: Alias | None = None  # the body whose document it is, by its bare head (理事会)
    # (number, 决议|决定) → (body key, body name, related key) of the resolutions cited so far
    issuers: dict[tuple[str, str], tuple[str, str, str]] = field(default_factory=dict)
    title: str = ""  # the document's title

    def adopt_own_body(self, text: str, mentions: list[Candidate]) -> None:
        """Take the organisation named by the whole of ``text`` (the acting organ of a
        resolution, a masthead's body) as the document's own body. A bare board head
        (方案协调委员会) is left to `adopt_board`: it names the board of an agency."""
        if text.strip() in BOARD_HEADS:
            return
        body = next(
            (m for m in mentions if m.type is EntityType.ORGANIZATION and m.end - m.start
             >= len(text.strip()) - 1),
            None,
        )  # fmt: skip
        if body is None:
            return
        name = body.label or text[body.start : body.end]
        head = next((h for h in OWN_BODY_HEADS if name.endswith(h) and len(name) > len(h)), "")
        if head:
            self.own_body = Alias(head, body.key, body.type, name)

    def adopt_board(self, head: str, text: str) -> None:
        """A masthead that is a bare board head (执行局, 方案协调委员会) names the board of
        the agency the document talks about most: of the known boards with that head,
        the one whose agency ``text`` (the whole document) names most often."""
        head = head.strip()
        if head not in BOARD_HEADS:
            return
        gazetteer = load_gazetteer()
        best, best_count = None, 0
        for board in gazetteer.boards(head):
            agency = gazetteer.get(board.parent)
            count = sum(text.count(name) for name in agency.names) if agency else 0
            if count > best_count:
                best, best_count = board, count
        if best is not None:
            self.own_body = Alias(head, best.key, best.type, best.label_zh)

    def convener(self, name: str) -> str:
        """The key of the body that convenes sessions called ``name``; a short name
        (缔约方会议) is the body named in full before (联合国…公约缔约方会议)."""
        for full, key in reversed(self.conveners):
            if full.endswith(name):
                return key
        known = load_gazetteer().lookup(name)
        if known is not None and known.type is EntityType.ORGANIZATION:
            key = known.key
        else:
            key = entity_key(EntityType.ORGANIZATION, name)
        self.conveners.append((name, key))
        return key

    def define(self, alias: Alias, latest: bool = False) -> None:
        """Remember a short form; the first definition holds unless ``latest`` (an anaphoric
        short form such as 缔约方会议 names the body named in full most recently)."""
        if latest:
            self.aliases[alias.short] = alias
        else:
            self.aliases.setdefault(alias.short, alias)

    def remember_instrument(self, name: str, key: str) -> None:
        self.instruments.append((name, key))
        self.latest_instruments.pop(name, None)
        self.latest_instruments[name] = key

    def remember_body(self, name: str, key: str, entity_type: EntityType) -> None:
        self.bodies.append((name, key, entity_type))

    def last_body(
        self, *types: EntityType, session: int = 0, accept=None
    ) -> tuple[str, str, EntityType] | None:
        """The body last talked about; for decision N/M, a meeting's Nth session first.
        ``accept(key, name, type)`` may refuse some (a body that adopts no resolutions)."""
        last = None  # read from the latest back, and only as far as needed
        for body in reversed(self.bodies):
            if (types and body[2] not in types) or (
                accept is not None and not accept(body[1], body[0], body[2])
            ):
                continue
            if not session:
                return body
            if last is None:
                last = body
            ordinal = SESSION_ORDINAL.search(body[0])
            if ordinal and chinese_numeral(ordinal.group(1)) == session:
                return body
        return last


def context_of(doc: Doc) -> DocumentContext:
    """The document context attached to a paragraph's Doc (a fresh one if none)."""
    if CONTEXT_KEY not in doc.user_data:
        doc.user_data[CONTEXT_KEY] = DocumentContext()
    return doc.user_data[CONTEXT_KEY]


def candidates_of(doc: Doc) -> list[Candidate]:
    """The candidate spans the rules have proposed for this Doc so far."""
    return doc.user_data.setdefault(CANDIDATES_KEY, [])


def text_of(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy rebuilds ``Doc.text`` from tokens on every access."""
    if TEXT_KEY not in doc.user_data:
        doc.user_data[TEXT_KEY] = doc.text
    return doc.user_data[TEXT_KEY]


def cited_at(doc: Doc) -> frozenset[int]:
    """Positions in the Doc's text where a footnote reference stood."""
    return doc.user_data.get(CITED_KEY, frozenset())
