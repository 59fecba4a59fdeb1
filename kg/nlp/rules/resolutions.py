"""Numbered resolutions and decisions.

Examples: 大会第 60/288 号决议; 第 1816 (2008)、1838 (2008)和 1851 (2008)号决议;
第1817(LV)号决议 (the session in Roman numerals, before 1976).

Each number of an enumeration becomes its own resolution. The issuing body is
the organ named right before 第 (大会, 安全理事会, 麻醉药品委员会 …); after 其
("会议在其第 4/1 号决定中") or with no body at all, it is the body the text was
last talking about.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.data_files import read_table, read_words
from kg.ids import entity_key, slug
from kg.nlp.context import BOARD_HEADS, candidates_of, context_of, text_of
from kg.nlp.gazetteer import UN_KEY, load_gazetteer
from kg.nlp.model import Candidate, EntityType
from kg.nlp.rules.names import NUMBERED_MEETING, load_heads
from kg.text import ORDINAL_NUMERAL

SESSION = r"(?: ?[(（](?:\d{4}|[IVXLC]{1,7})[)）])?"  # (2008), or (LV) before 1976
# 1/CP.21, 3/CMA.1: a decision of a conference of the parties, numbered in its session
PARTIES_NUMBER = r"\d{1,3}/(?:CP|CMP|CMA|COP|MOP)\.\s?\d{1,3}"  # 1/CP. 21: a line broke it
PARTIES = re.compile(PARTIES_NUMBER)
HEALTH_NUMBER = r"WHA\d{1,3}\.\d{1,3}"  # WHA76.5: the World Health Assembly's numbering
# I (70): a regional commission's decision, lettered within its numbered session
LETTERED_NUMBER = r"[A-Z] ?[(（]\d{1,3}[)）]"
LETTERED = re.compile(LETTERED_NUMBER)
# 1325 (2000): only the Security Council numbers its resolutions with the year in brackets
COUNCIL_NUMBER = re.compile(r"\d{1,4} ?[(（]\d{4}[)）]")
COUNCIL = "org/sc"
RESOLUTION_KIND = "决议"
NUMBER = (
    rf"(?:{PARTIES_NUMBER}|{HEALTH_NUMBER}|{LETTERED_NUMBER}"
    rf"|(?:[A-Z]{{1,2}}-)?\d{{1,4}}(?:/\d{{1,4}})*(?: ?[A-Z](?![A-Za-z]))?{SESSION})"
)
JOINER = r"\s?(?:、|，|,|和|及|以及|与|至)\s?"
# 2005年7月27日第2005/46号: each number of a series may carry its date and its own 第…号.
DATED = r"(?:\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\s?)?"
RESOLUTION = re.compile(
    # without 第, a number must follow a Chinese word or mark: 1/CP.21号决定 is no decision
    # numbered 21, nor is a footnote's line that opens with the end of such a symbol
    rf"(?:(?P<di>第)\s?|(?<=[^\sA-Za-z0-9./]))(?P<numbers>{NUMBER}(?:\s?号?{JOINER}{DATED}第?\s?{NUMBER})*)"
    r"\s?(?:号|(?<=\d))(?P<kind>决议|决定)"  # 第76/213决议: 号 left out after the number
)
KINDS = ("决议", "决定")  # what the pattern ends with (解决, 决心 hold 决 alone)
# A number of the series: not the year, month or day of a date between them.
SINGLE_NUMBER = re.compile(
    rf"(?:^|(?<=第)|(?<=第 )|(?<=[、，,和及与至]))\s?(?P<n>{NUMBER})(?![\d/]|\s?[年月日])"
)
# Between a body and its resolution's number: 其, a title (题为“…”的) or a topic (关于…的).
TITLE_OR_TOPIC = r"题为(?:“[^“”]*”|《[^《》]*》)的|关于(?:[^，。；：“”《》]|《[^《》]*》){1,60}的"
BODY_GAP = re.compile(rf"^(?:在其|其|在)?{DATED}(?:{TITLE_OR_TOPIC})?{DATED}$")
SESSION_SUFFIX = re.compile(
    rf"(?:第{ORDINAL_NUMERAL}(?:届|次)(?:特别|部长级|高级别)?会议"
    r"|\d{4}\s?年(?:实质性|组织)?(?:届会|会议))$"
)  # 第四届会议, 第三十二届部长级会议, 2023年届会: a session adopts in its body's name
WRITTEN_WITH_BODY = re.compile(rf"(?:{TITLE_OR_TOPIC})?{DATED}")
ANAPHOR_MEETING = re.compile(r"会议(?:在其|其)")
OWN = "其"
ORDINAL_MARK, NUMBER_MARK = "第", "号"  # 第…号: the marks around a number
SESSION_OPENING = re.compile(r"\s?[(（]")
CLAUSE_VERBS = frozenset(read_words("patterns/clause_verbs.txt"))
# 第1540(2004)号决议所设委员会: the body a resolution set up, named after it.
ORGANIZATION_HEADS = "|".join(
    re.escape(head) for head, kind, _ in load_heads() if kind is EntityType.ORGANIZATION
)
ESTABLISHED = re.compile(rf"所设(?:立)?的?(?:{ORGANIZATION_HEADS})")
ISSUING_TYPES = (EntityType.ORGANIZATION, EntityType.MEETING)
# Bodies that adopt resolutions and decisions by their head; gazetteer kinds that do not.
ORGAN_HEADS = ("大会", "理事会", "委员会", "会议", "执行局", "首脑会议", "缔约方会议", "工作组")
NOT_ADOPTING = frozenset(
    {"ngo-network", "financial", "national", "un-institute", "armed-group", "company"}
)


# 78/227. 联合国…的后续行动, 2023/15. 区域合作: a resolution's title line opens with its number
OWN_NUMBER = re.compile(
    r"(?P<n>(?P<series>\d{2}|\d{4})/(?P<item>\d{1,3}))\s?[.．]\s?(?=[\u4e00-\u9fff《“])"
)
# The General Assembly numbers its decisions from 401 in a session, ECOSOC from 201 in a year
FIRST_DECISION = {2: 401, 4: 201}


# 国际劳工组织关于家庭工人的第189号公约, 劳工组织第182号公约: a convention numbered in its
# body's series (the ILO's)
NUMBERED_CONVENTION_MARK = "号公约"
NUMBERED_CONVENTION = re.compile(r"(?:关于[^，。；《》]{1,40}的)?第\s?(?P<n>\d{1,3})\s?号公约")


def _numbered_conventions(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Conventions cited by their number in the series of the body named right before."""
    found = []
    bodies = {c.end: c for c in candidates if c.type is EntityType.ORGANIZATION and c.key}
    for match in NUMBERED_CONVENTION.finditer(text):
        body = bodies.get(match.start())
        if body is None:
            continue  # a number with no body: whose series it is, the text does not say
        known = load_gazetteer().get(body.key)
        name = known.label_zh if known else text[body.start : body.end]
        number = match.group("n")
        found.append(  # the body stays a mention of its own: it adopted, not wrote, the text
            Candidate(
                match.start(),
                match.end(),
                EntityType.INSTRUMENT,
                rule="resolution:numbered-convention",
                key=f"instrument/{slug(body.key.split('/', 1)[-1])}-c{number}",
                label=f"{name}第{number}号公约",
                priority=5,
            )
        )
    return found


def _numbered_title(match: re.Match, context) -> Candidate:
    """The resolution (or decision) whose number opens a title line, the own body's."""
    number = match.group("n")
    first_decision = FIRST_DECISION[len(match.group("series"))]
    own = context.own_body
    board = own is not None and own.label.endswith(BOARD_HEADS)  # boards adopt decisions
    kind = "决定" if board or int(match.group("item")) >= first_decision else RESOLUTION_KIND
    body_key, body_name = (own.key, own.label) if own is not None else ("", "")
    return Candidate(
        match.start("n"),
        match.end("n"),
        EntityType.RESOLUTION,
        rule="resolution:title-number",
        key=resolution_key(body_key, number, kind),
        label=f"{_citation(body_key, body_name)}第{number}号{kind}",
        priority=5,
        related=body_key,
    )


def resolution_key(body_key: str, number: str, kind: str) -> str:
    """ "resolution/cnd-50-8", "decision/cop-untoc-4-1"; the body part is left out when unknown."""
    prefix = "decision" if kind == "决定" else "resolution"
    body = body_key.split("/", 1)[-1] if body_key else ""
    parts = [part for part in (slug(body) if body else "", slug(number)) if part]
    return f"{prefix}/{'-'.join(parts)}"


ABOUT = "关于"  # opens the topic a resolution is cited by
TOPIC_END = "的"  # closes it, right before 第


class ResolutionMatcher:
    name = "kg_resolutions"

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        if text[:1].isdigit() and (own := OWN_NUMBER.match(text)):
            candidates_of(doc).append(_numbered_title(own, context_of(doc)))
        if NUMBERED_CONVENTION_MARK in text:
            candidates_of(doc).extend(_numbered_conventions(text, candidates_of(doc)))
        if KINDS[0] not in text and KINDS[1] not in text:
            return doc  # no 决议 or 决定: most paragraphs, and the pattern is slow to rule out
        candidates = candidates_of(doc)
        context = context_of(doc)
        for match in RESOLUTION.finditer(text):
            first = SINGLE_NUMBER.search(match.group("numbers"))
            session = (
                int(first.group("n").split("/")[0])
                if first and "/" in first.group("n") and first.group("n")[0].isdigit()
                else 0
            )
            body = self._body(text, match.start(), candidates, context, session)
            if (
                body is not None
                and PARTIES.match(match.group("numbers"))
                and (body[0].start < 0 or not BODY_GAP.match(text[body[0].end : match.start()]))
            ):
                body = None  # 第1/CP.27号决定: a conference of the parties', named or none
            body_name, body_key, start, related = "", "", match.start(), ""
            if body is not None:
                candidate, written = body
                related = candidate.key or entity_key(candidate.type, written)
                body_name = SESSION_SUFFIX.sub("", written)
                if candidate.key and body_name == written:
                    body_key = candidate.key
                else:
                    # a session's decision is its convening body's: 缔约方会议 for its 第四届会议
                    body_key = context.convener(body_name)
                    related = body_key
                gap = text[candidate.end : match.start()] if candidate.start >= 0 else "其"
                if WRITTEN_WITH_BODY.fullmatch(gap):
                    start = candidate.start  # 大会第 60/288 号决议: the name includes the body
            kind = match.group("kind")
            established = ESTABLISHED.match(text, match.end())
            if established is not None and "、" not in match.group("numbers"):
                # 安全理事会第1540(2004)号决议所设委员会: a body named by its founding resolution
                candidates.append(
                    Candidate(
                        start,
                        established.end(),
                        EntityType.ORGANIZATION,
                        "resolution:established-body",
                        priority=6,
                    )
                )
            numbers_start = match.start("numbers")
            numbers = list(SINGLE_NUMBER.finditer(match.group("numbers")))
            written_with_body = start != match.start()
            for index, number in enumerate(numbers):
                value = number.group("n").strip()
                if PARTIES.match(value):
                    value = value.replace(" ", "")
                first, last = index == 0, index == len(numbers) - 1
                issuer = (body_key, body_name, related)
                if kind == RESOLUTION_KIND and COUNCIL_NUMBER.fullmatch(value):
                    issuer = (COUNCIL, "", COUNCIL)  # 第1325(2000)号决议: the Security Council's
                if written_with_body:
                    context.issuers[value, kind] = issuer
                else:
                    # 向理事会2024年届会提交关于第2013/12号决议: a number cited before
                    # without its body keeps the body it was cited with
                    issuer = context.issuers.setdefault((value, kind), issuer)
                ordinal = "" if LETTERED.fullmatch(value) else ORDINAL_MARK  # I (70)号决定
                label = f"{_citation(issuer[0], issuer[1])}{ordinal}{_spaced(value)}号{kind}"
                begin, end = numbers_start + number.start("n"), numbers_start + number.end("n")
                if text.endswith(ORDINAL_MARK, 0, begin):
                    begin -= len(ORDINAL_MARK)  # 和第67/221号决议: the number's own 第
                if text.startswith(NUMBER_MARK, end):
                    end += len(NUMBER_MARK)  # 第59/209号和…: the number's own 号
                candidates.append(
                    Candidate(
                        start if first else begin,
                        match.end() if last else end,
                        EntityType.RESOLUTION,
                        rule="resolution:numbered",
                        key=resolution_key(issuer[0], value, kind),
                        label=label,
                        priority=5,
                        related=issuer[2],
                    )
                )
        return doc

    @staticmethod
    def _body(text, start, candidates, context, session: int = 0) -> tuple[Candidate, str] | None:
        """The issuing body and its name: the organ named right before 第, else the body
        the text was last talking about.

        After 其 ("会议在其第 4/1 号决定中") the body is the subject: a meeting when
        the subject is the anaphor 会议, else the last organ or meeting named.
        """
        # (a meeting named by its number alone, 第30次全体会议, adopts in its body's name)
        before = sorted(
            (
                c
                for c in candidates
                if c.type in ISSUING_TYPES
                and c.end <= start
                and not NUMBERED_MEETING.fullmatch(text, c.start, c.end)
            ),
            key=lambda c: (c.end, c.end - c.start),
        )
        adjacent = before and BODY_GAP.match(text[before[-1].end : start])
        if adjacent and not text.endswith("其", 0, start):
            return before[-1], _name(before[-1], text)
        clause = text[max(0, text.rfind("。", 0, start) + 1) : start]
        types = (EntityType.MEETING,) if ANAPHOR_MEETING.search(clause) else ISSUING_TYPES
        own = context.own_body
        if own is not None and _written_before(text, own.short, start):
            # 根据执行局第2023/5号决定: the document's own body, by its bare head
            return Candidate(-1, -1, own.type, "context", own.key, own.label), own.label
        pronoun = text.rfind(OWN, 0, start)
        clause_start = max(text.rfind(stop, 0, start) for stop in "。；\n") + 1
        if own is not None and text[clause_start:pronoun].strip(" ，,") in CLAUSE_VERBS:
            # 回顾其…第2022/18号决议: a paragraph of the body's resolution recalls its own
            return Candidate(-1, -1, own.type, "context", own.key, own.label), own.label
        for candidate in reversed(before):
            # Not adjacent: a known organ or a meeting, not any name met on the way, nor
            # one inside a title (关于《第三次…国际会议…议程》的第69/313号决议).
            if (
                candidate.type in types
                and not _inside_title(text, candidate.end, start)
                and not _inside_topic(text, candidate.start, start)
                and (candidate.key or candidate.type is EntityType.MEETING)
                and _adopts(candidate.key, _name(candidate, text), candidate.type)
            ):
                name = _name(candidate, text)
                if (
                    own is not None
                    and candidate.type is EntityType.MEETING
                    and not candidate.key
                    and name.startswith(own.short)
                ):
                    # 委员会第六十六届会议通过了…第66/1号决议: a session of the own body, named
                    # by its bare head, adopts in the body's name
                    return Candidate(-1, -1, own.type, "context", own.key, own.label), own.label
                return candidate, name
        remembered = context.last_body(*types, session=session, accept=_adopts)
        if remembered is None:
            return None
        name, key, entity_type = remembered
        return Candidate(-1, -1, entity_type, "context", key, name), name


def _written_before(text: str, name: str, start: int) -> bool:
    """Is ``name`` written right before a number starting at ``start`` (only a date or
    a title between)?"""
    at = text.rfind(name, 0, start)
    return at >= 0 and BODY_GAP.match(text[at + len(name) : start]) is not None


@cache
def _citation_forms() -> dict[str, str]:
    return {row["body"]: row["citation"] for row in read_table("patterns/citation_forms.tsv")}


def _citation(body_key: str, written: str) -> str:
    """The body's name in a resolution's label, the same in every document: a principal
    organ as the UN cites it (大会), another known body by its full name, else as written."""
    known = load_gazetteer().get(body_key) if body_key else None
    if known is None:
        return written
    return _citation_forms().get(body_key.split("/", 1)[-1], known.label_zh)


def _spaced(number: str) -> str:
    """A number as labels write it: one space before its session (1816 (2008), 2200 A (XXI))."""
    return SESSION_OPENING.sub(" (", " ".join(number.split())).replace("）", ")")


def _inside_title(text: str, end: int, start: int) -> bool:
    """Does a title close between ``end`` and ``start`` that opened before ``end``?"""
    between = text[end:start]
    return between.count("》") > between.count("《")


def _inside_topic(text: str, begin: int, start: int) -> bool:
    """Does the name at ``begin`` stand in the topic of the resolution numbered at
    ``start`` (大会关于…高级别会议成果文件的第70/125号决议: the meeting is its subject,
    大会 its issuer)?"""
    about = text.rfind(ABOUT, 0, begin)
    return (
        about >= 0
        and text.endswith(TOPIC_END, 0, start)
        and not any(mark in text[about:start] for mark in "，。；")
    )


@lru_cache(maxsize=4096)
def _adopts(key: str, name: str, entity_type: EntityType) -> bool:
    """Can this body or meeting adopt resolutions: an organ, a commission, a governing body
    or a meeting — not a non-governmental organisation (联合国观察组织) or the UN itself?"""
    if entity_type is EntityType.MEETING:
        return True
    if key == UN_KEY:
        return False  # its organs adopt, the Organization as such does not
    known = load_gazetteer().get(key)
    if known is not None:
        return known.kind not in NOT_ADOPTING
    return name.endswith(ORGAN_HEADS)


def _name(candidate: Candidate, text: str) -> str:
    """A body's name as written; a meeting's in full where its rule knew it (其第三届会议)."""
    if candidate.type is EntityType.MEETING and candidate.label:
        return candidate.label
    return text[candidate.start : candidate.end]


@Language.factory("kg_resolutions")
def make_resolution_matcher(nlp: Language, name: str) -> ResolutionMatcher:
    return ResolutionMatcher()
