"""Settling a paragraph's candidates into mentions.

Overlapping candidates give way to the longest (then the most specific rule);
threat terms form their own layer, since a programme's name may contain one. A
mention followed by （简称） defines an abbreviation: the short form names the
same entity in every paragraph of the document. Organs and meetings mentioned
are remembered as the bodies a later 其 may refer to.

Known entities written inside a longer name (非洲联盟 in 非洲联盟…部长会议, the
body whose session a meeting is) are mentions too, kept in a layer of their own
(``NESTED_KEY``) so that relation rules read the outer name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from itertools import chain
from operator import attrgetter

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.data_files import read_words
from kg.ids import entity_key
from kg.nlp.context import (
    ENTS_KEY,
    Alias,
    DocumentContext,
    candidates_of,
    context_of,
    text_of,
)
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.model import Candidate, EntityType, canonical_name
from kg.nlp.rules.names import load_heads
from kg.nlp.words import first_tag, starts_word, tagged_words
from kg.text import BRACKETED_PERIOD, ORDINAL_NUMERAL

SETTLED_KEY = "kg_mentions"
NO_SPAN = (0, 0)
NESTED_KEY = "kg_nested"
SHORT_FORM_SHARE = 0.6
GAZETTEER_RULE = "gazetteer:"
NAME_RULE = "name:"
SESSION = re.compile(rf"第{ORDINAL_NUMERAL}届(?:特别)?会议$")
# 工作队第八次会议 as well as 委员会第十七届会议: a numbered session or meeting of a body
NUMBERED_SESSION = re.compile(rf"第{ORDINAL_NUMERAL}(?:届|次)(?:特别|全体)?会议$")
MIN_BODY = 4  # 委员会第十七届会议 names its body only by anaphora
SESSION_REPORT_RULE = "name:session-report"
# the reports named by their author, written first: the type of that author
OPENING_AUTHOR = {
    SESSION_REPORT_RULE: EntityType.MEETING,
    "name:yearly-report": EntityType.ORGANIZATION,
}
CITED_RULE = "cited-title:"
CITED_SUBJECTS = (EntityType.MEETING, EntityType.PROGRAMME)
PARTIES = "缔约方"  # 缔约方大会 is a treaty's conference of the parties
CONFERENCE = "会议"  # a conference that meets in numbered sessions, as opposed to a standing organ
TOPIC_BEFORE_BODY = re.compile(r"关于[^，。；：“”《》]{1,60}?的")
# What a name may mention inside it: a meeting its convening body and the places it is
# about; a resolution its issuing body; a programme its body and places; a body its
# country (韩国刑事司法政策研究所) or founding resolution. Place names inside place names
# (印度 in 印度尼西亚), eponyms (巴黎公约) and name prefixes (联合国…) are not mentions.
NESTING = {
    EntityType.MEETING: {
        EntityType.ORGANIZATION,
        EntityType.COUNTRY,
        EntityType.REGION,
        EntityType.INSTRUMENT,
    },
    EntityType.RESOLUTION: {EntityType.ORGANIZATION},
    EntityType.PROGRAMME: {
        EntityType.ORGANIZATION,
        EntityType.COUNTRY,
        EntityType.REGION,
        EntityType.INSTRUMENT,
    },
    EntityType.ORGANIZATION: {EntityType.COUNTRY, EntityType.RESOLUTION, EntityType.INSTRUMENT},
    EntityType.INSTRUMENT: {EntityType.MEETING},  # 联合国可持续发展大会成果文件: its meeting
    # 秘书长关于联合国马里多层面综合稳定团的报告: the body, place or text a report is about
    EntityType.PUBLICATION: {
        EntityType.ORGANIZATION,
        EntityType.COUNTRY,
        EntityType.REGION,
        EntityType.INSTRUMENT,
        EntityType.MEETING,
    },
}
NESTABLE = frozenset().union(*NESTING.values())
ABBREVIATION = re.compile(
    r"[（(](?:以下简称|下称|简称)?[“\"]?(?P<short>[^（）()，。；、：“”\"\s]{2,15}|[A-Z][A-Za-z\-/]{1,15})[”\"]?[）)]"
)
# （2021年）, （第三届）: a date or number, not a short form; Health4Life基金 and G20 are
NOT_ABBREVIATION = re.compile(r"^[^A-Za-z]*\d[^A-Za-z]*$|第|年|月|日|届|号")
# A bare head after these is some other body: 各委员会, 该委员会, 其理事会, 两个委员会.
OTHER_BODY_BEFORE = frozenset("各该这那其他它两几个些等）)")  # （西非经共体）委员会: a name goes on
# …and one these follow is another group: 工作队秘书处 (its secretariat, a body of its own),
# 工作队之友 (a group of States)
OTHER_BODY_AFTER = ("秘书处", "之友")
PERIOD_AT_END = re.compile(rf"{BRACKETED_PERIOD}$")
SHORTENED_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.MEETING, EntityType.PROGRAMME})
MIN_SHORTENED = 4  # 工作组, 论坛: a head with one word before it is no shortened name
HEAD = 3  # characters compared as a name's head when a short form keeps words of it
TITLE_RULE = "title:"  # a name read from 《…》
CLAUSE_OPENERS = frozenset({"v", "p", "c", "r", "d"})  # verbs, prepositions, conjunctions, …
LIST_JOINERS = tuple(read_words("patterns/conjunctions.txt"))
ALIAS_TYPES = (
    EntityType.ORGANIZATION,
    EntityType.PROGRAMME,
    EntityType.MEETING,
    EntityType.INSTRUMENT,
    EntityType.REGION,
)


START = attrgetter("start")
SPAN = attrgetter("start", "end")


def settle(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: the longest first, then the highest priority."""
    if len(candidates) < 2:
        return list(candidates)  # nothing to settle (often: threats, names inside names)
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in candidates), default=0))
    for candidate in sorted(
        candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start, c.rule)
    ):
        if taken.find(1, candidate.start, candidate.end) >= 0:
            continue
        taken[candidate.start : candidate.end] = b"\1" * (candidate.end - candidate.start)
        chosen.append(candidate)
    return sorted(chosen, key=START)


def keyed(candidate: Candidate, text: str) -> Candidate:
    """The candidate with its entity key, minted from its name when no rule knew it."""
    if candidate.key:
        return candidate
    name = candidate.label or text[candidate.start : candidate.end]
    return Candidate(
        candidate.start,
        candidate.end,
        candidate.type,
        candidate.rule,
        entity_key(candidate.type, PERIOD_AT_END.sub("", name)),  # …十年(2021-2030) is …十年
        name,
        candidate.priority,
        candidate.related,
    )


def alias_candidates(text: str, context: DocumentContext) -> list[Candidate]:
    """Every occurrence of a short form defined so far in the document, and of the bare
    head by which the document calls its own body."""
    found = _own_body_candidates(text, context.own_body) if context.own_body else []
    for short, alias in context.aliases.items():
        start = text.find(short)
        while start >= 0:
            found.append(
                Candidate(
                    start,
                    start + len(short),
                    alias.type,
                    rule="abbreviation:use",
                    key=alias.key,
                    label=alias.label,
                    priority=4,
                )
            )
            start = text.find(short, start + 1)
    return found


def _own_body_candidates(text: str, own: Alias) -> list[Candidate]:
    """理事会 in an ECOSOC resolution is the Council, unless a word before it makes it
    another (各理事会, 其他委员会, 协调理事会: 调理 is a word across the edge), or one after
    it (工作队秘书处, 工作队之友)."""
    found = []
    start = text.find(own.short)
    while start >= 0:
        end = start + len(own.short)
        before = text[start - 1] if start else ""
        if (
            before not in OTHER_BODY_BEFORE
            and not text.startswith(OTHER_BODY_AFTER, end)
            and starts_word(text, start, end)
        ):
            found.append(
                Candidate(start, end, own.type, "own-body", own.key, own.label, priority=3)
            )
        start = text.find(own.short, end)
    return found


def _drawn_from(short: str, name: str) -> bool:
    """Chinese short forms take their characters from the full name (刑警组织 from
    国际刑事警察组织); Latin acronyms (UNODC) are exempt."""
    if short.isascii():
        return True
    chinese = [char for char in short if not char.isascii()]  # 全球SMART方案: its Chinese part
    return sum(char in name for char in chinese) >= SHORT_FORM_SHARE * len(chinese)


def nested_mentions(
    text: str, settled: list[Candidate], pool: list[Candidate], context: DocumentContext
) -> list[Candidate]:
    """Known entities inside the settled names, and the bodies whose sessions they name.

    联合国打击跨国有组织犯罪公约缔约方会议第四届会议 names the Conference of the Parties;
    when such a body's name is a known instrument's name plus a head, the head alone
    (缔约方会议) names the body from then on.
    """
    inside = []
    # by where they start (in pool order where two start together: the order settle keeps)
    known = sorted((c for c in pool if c.key and c.type in NESTABLE), key=START)
    starts = [c.start for c in known]
    for outer in settled:
        convener, unnamed = (
            _convener(text, outer, pool, context)
            if outer.type is EntityType.MEETING
            else (None, NO_SPAN)  # only a meeting's name holds a session of a body
        )
        if convener is not None:
            inside.append(convener)
        if outer.rule in OPENING_AUTHOR:
            # 发展政策委员会第二十五届会议报告, 独立工作队2019年报告: the session or body whose
            # report it is, found by the name rules and so known to no list
            author = OPENING_AUTHOR[outer.rule]
            inside.extend(
                keyed(c, text)
                for c in pool
                if c.type is author and c.start == outer.start and c.end < outer.end
            )
        elif outer.rule.startswith(CITED_RULE):
            # “…工作队第二十次会议，2023年3月8日至10日”(2023年，日内瓦), “审查…联合全球
            # 方案”(2018年): the cited work names the meeting or programme it is about,
            # found by the name rules
            inside.extend(
                keyed(c, text)
                for c in pool
                if c.type in CITED_SUBJECTS
                and outer.start <= c.start
                and c.end <= outer.end
                and c.end - c.start < outer.end - outer.start
            )
        allowed = NESTING.get(outer.type)
        first, last = bisect_left(starts, outer.start), bisect_left(starts, outer.end)
        if allowed and first < last:
            inside.extend(
                candidate
                for candidate in known[first:last]
                if candidate.end < outer.end  # a name's own head (…协会大会) names nothing else
                and candidate.type in allowed
                and candidate.key != outer.key
                and not unnamed[0] <= candidate.start < unnamed[1]
                and not text.endswith(PARTIES, 0, candidate.start)  # 缔约方大会: not the GA
            )
    inside = settle(inside)
    # 妇女地位委员会第六十五届会议商定结论: a session inside another name has its body too
    conveners = [
        _convener(text, meeting, pool, context)[0]
        for meeting in inside
        if meeting.type is EntityType.MEETING
    ]
    return sorted(inside + [c for c in conveners if c is not None], key=START)


def _convener(
    text: str, meeting: Candidate, pool: list[Candidate], context: DocumentContext
) -> tuple[Candidate | None, tuple[int, int]]:
    """The body whose session ``meeting`` names (…委员会第十届会议), and where the name
    holds a conference it does not name ((0, 0) where there is none)."""
    session = (
        NUMBERED_SESSION.search(text, meeting.start, meeting.end)
        if meeting.type is EntityType.MEETING
        else None
    )
    body_start = _session_body(text, meeting.start, session) if session else None
    if session is None or body_start is None:
        return None, NO_SPAN
    body = text[body_start : session.start()]
    if not SESSION.search(session.group(0)) and not body.endswith(_body_heads()):
        # 方案协调委员会第五十二次会议 is the board's meeting; …执法机构负责人第十八次会议
        # is a series of meetings named by who meets, no body
        return None, NO_SPAN
    key = context.convener(body)
    convener = Candidate(body_start, session.start(), EntityType.ORGANIZATION,
                         "name:session-body", key, body)  # fmt: skip
    _define_short_body(text, convener, pool, context)
    # a standing organ (…委员会第十届会议) is named in its session's name; a
    # conference no gazetteer knows (…公约缔约方会议第二十七届会议) only through
    # its session, and the words of its name (联合国…) name nothing either
    if not body.endswith(CONFERENCE) or key in load_gazetteer():
        return convener, NO_SPAN
    return None, (body_start, session.start())


@cache
def _body_heads() -> tuple[str, ...]:
    """The heads that end a body's name (委员会, 工作队, 理事会 …)."""
    return tuple(head for head, kind, _ in load_heads() if kind is EntityType.ORGANIZATION)


def _session_body(text: str, start: int, session: re.Match) -> int | None:
    """Where the body whose session a meeting's name holds starts: after the topic in
    关于世界毒品问题的大会第三十届特别会议 (大会, however short); None when the name holds
    only a head (委员会第十七届会议 names its body by anaphora)."""
    topic = TOPIC_BEFORE_BODY.match(text, start, session.start())
    if topic is not None:
        return topic.end() if session.start() > topic.end() else None
    return start if session.start() - start >= MIN_BODY else None


def _sessions_of_named_bodies(
    text: str, settled: list[Candidate], context: DocumentContext
) -> list[Candidate]:
    """委员会第十七届会议 after 预防犯罪和刑事司法委员会, 工作队第八次会议 after the task force:
    a session or meeting named by its body's head alone is one of the body last named with
    that head in its paragraph, else of the document's own body (a resolution's 委员会), else
    of the body last named with that head before."""
    resolved = []
    here: list[tuple[str, str]] = []  # bodies named earlier in this paragraph (name, key)
    for mention in settled:
        session = (
            NUMBERED_SESSION.search(text, mention.start, mention.end)
            if mention.type is EntityType.MEETING
            else None
        )
        head = text[mention.start : session.start()] if session else ""
        if session and 0 < len(head) < MIN_BODY and load_gazetteer().lookup(head) is None:
            # (大会 is the General Assembly's own name, not a head of another 大会)
            own = context.own_body
            owns = [(own.label, own.key)] if own is not None else []
            earlier = (
                (name, key)
                for name, key, kind in reversed(context.bodies)
                if kind is EntityType.ORGANIZATION
            )
            named = chain(reversed(here), owns, earlier)
            body, body_key = next(((n, k) for n, k in named if n.endswith(head)), ("", ""))
            if body and body != head:
                # the session's convener is that body (it takes part in its own session)
                label = body + session.group(0)
                key = entity_key(EntityType.MEETING, label)
                mention = mention._replace(label=label, key=key, related=body_key)
        elif mention.type is EntityType.ORGANIZATION:
            here.append((text[mention.start : mention.end], mention.key))
        resolved.append(mention)
    return resolved


def _define_short_body(
    text: str, body: Candidate, pool: list[Candidate], context: DocumentContext
) -> None:
    """A body named as instrument + head (…公约缔约方会议) is called by its head alone later."""
    for instrument in pool:
        if (
            instrument.type is EntityType.INSTRUMENT
            and instrument.start == body.start
            and body.end - instrument.end >= MIN_BODY
        ):
            short = text[instrument.end : body.end]
            context.define(Alias(short, body.key, body.type, body.label), latest=True)


class MentionSettler:
    name = "kg_mentions"

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        context = context_of(doc)
        candidates = candidates_of(doc)
        threats = [c for c in candidates if c.type is EntityType.THREAT]
        others = [c for c in candidates if c.type is not EntityType.THREAT]
        aliases = alias_candidates(text, context)
        settled = [c if c.key else keyed(c, text) for c in settle(others + aliases)]
        defined = self._abbreviations(text, settled, context)
        if defined:
            # Uses of a short form defined here take the defined entity, not a name of their own.
            aliases = alias_candidates(text, context)
            settled = [keyed(c, text) for c in settle(others + defined + aliases)]
        settled = _sessions_of_named_bodies(text, settled, context)
        for mention in settled:
            if mention.type in (EntityType.ORGANIZATION, EntityType.MEETING):
                context.remember_body(
                    mention.label or text[mention.start : mention.end], mention.key, mention.type
                )
        nested = nested_mentions(text, settled, others + defined + aliases, context)
        mentions = sorted(settled + settle(threats), key=SPAN)
        doc.user_data[SETTLED_KEY] = mentions
        doc.user_data[NESTED_KEY] = nested
        if not doc.user_data.get(ENTS_KEY, True):
            return doc
        # One token per character: mention offsets are token offsets. Tokens outside the
        # mentions keep spaCy's "missing" tag: marking each one "outside" costs as much.
        spans = [Span(doc, m.start, m.end, label=m.type.value, kb_id=m.key) for m in settled]
        doc.set_ents(spans, default="unmodified")
        return doc

    @staticmethod
    def _abbreviations(text: str, mentions: list[Candidate], context: DocumentContext):
        """Define short forms written as 全称（简称） and mention them where defined."""
        defined = []
        for mention in mentions:
            if mention.type not in ALIAS_TYPES:
                continue
            match = ABBREVIATION.match(text, mention.end)
            if not match or NOT_ABBREVIATION.search(match.group("short")):
                continue
            short = match.group("short")
            label = mention.label or text[mention.start : mention.end]
            inside = match.start("short"), match.end("short")
            if not _drawn_from(short, label):
                continue  # （根据各自的任务授权）: a remark, not a short form of the name
            known = next(
                (
                    other for other in mentions
                    if (other.start, other.end) == inside
                    and other.type is mention.type
                    and other.rule.startswith(GAZETTEER_RULE)
                ),
                None,
            )  # fmt: skip
            if known is not None and mention.rule.startswith(NAME_RULE) and len(short) < len(label):
                # 全球合成毒品评估和趋势方案（全球SMART方案）: a known entity's short form
                # names the entity its full name, worded otherwise, is written for
                defined.append(
                    Candidate(mention.start, mention.end, mention.type, "abbreviation:full",
                              known.key, known.label, priority=7)
                )  # fmt: skip
                continue
            if len(short) >= len(label) or any(
                other.start <= inside[0]  # (联合国信托基金): a name inside it is no reason
                and inside[1] <= other.end
                and other.key != mention.key
                and not other.rule.startswith("name:")  # (Health4Life基金): a guess, not a name
                for other in mentions
            ):
                continue  # not a short form: as long as the name, or another entity's name
            context.define(Alias(short, mention.key, mention.type, label))
            start = match.start("short")
            defined.append(
                Candidate(
                    start,
                    start + len(short),
                    mention.type,
                    "abbreviation:definition",
                    mention.key,
                    label,
                    priority=7,
                )
            )
        return defined


@Language.factory("kg_mentions")
def make_mention_settler(nlp: Language, name: str) -> MentionSettler:
    return MentionSettler()


def shortened_names(mentions: Iterable[Candidate]) -> dict[str, Candidate]:
    """Names written in full and later without their leading words, as {short key: full}.

    可持续发展高级别政治论坛 … 高级别政治论坛, 首届亚太数字部长级会议 … 亚太数字部长级会议:
    a name the rules found (not a gazetteer's) that ends exactly one name of its type
    written earlier in the document names that entity. A short form met first names
    something of its own (可持续发展区域论坛 before 欧洲经委会区域可持续发展区域论坛),
    and so does the last member of a list (A和B论坛 holds B论坛, a name of its own). A
    name that opens with a verb or a function word took in words of its clause: no
    shorter name is taken for it. A short form may also keep words of the full name
    from here and there (性别咨询委员会 for 委员会性别平等问题咨询委员会): two words or
    more, in order, before the same head, in exactly one earlier name. A numbered
    session is one meeting however it is first written: 缔约方会议第二十七届会议 met
    before 联合国气候变化框架公约缔约方会议第二十七届会议 names it too, and a body's unit
    met first without its body (评价办公室 before 联合国儿童基金会评价办公室) is that unit.
    ``mentions`` come in document order.
    """
    seen: set[str] = set()
    sessions: list[Candidate] = []  # numbered sessions no earlier name resolved
    units: list[Candidate] = []  # bodies' units no earlier name resolved (评价办公室)
    endings: dict[tuple[EntityType, str], list[Candidate]] = {}  # proper endings of names
    by_head: dict[tuple[EntityType, str], list[Candidate]] = {}
    resolved = {}
    for mention in mentions:
        if mention.type not in SHORTENED_TYPES or not mention.key or mention.key in seen:
            continue
        seen.add(mention.key)
        name = canonical_name(mention.label, mention.type)  # 《公约》秘书处 ends …公约秘书处
        head = (mention.type, name[-HEAD:])
        if mention.rule.startswith("name:") and len(name) >= MIN_SHORTENED:
            fuller = endings.get((mention.type, name), []) or [
                full for full in by_head.get(head, []) if _abbreviates(name, full.label)
            ]
            if len(fuller) == 1:
                resolved[mention.key] = fuller[0]
            elif mention.type is EntityType.MEETING and NUMBERED_SESSION.search(name):
                sessions.append(mention)
            elif mention.type is EntityType.ORGANIZATION:
                units.append(mention)
        elif mention.rule.startswith(TITLE_RULE) and mention.type is EntityType.PROGRAMME:
            units.append(mention)  # 《2022-2025年战略计划》 … 《儿基会2022-2025年战略计划》
        if first_tag(name) in CLAUSE_OPENERS:
            continue  # 关于在…期间召开的…论坛, 指导…小组: the rules took in a clause word
        by_head.setdefault(head, []).append(mention)
        for cut in range(1, len(name) - MIN_SHORTENED + 1):
            if not name[:cut].endswith(LIST_JOINERS):
                endings.setdefault((mention.type, name[cut:]), []).append(mention)
    for session in sessions:
        fuller = [m for m in endings.get((session.type, session.label), []) if m is not session]
        if len(fuller) == 1 and fuller[0].key not in resolved:
            resolved[session.key] = fuller[0]
    bodies = load_gazetteer().names(EntityType.ORGANIZATION)
    for unit in units:
        # 评价办公室 … 联合国儿童基金会评价办公室: a unit (or a titled plan) met first
        # without its body is the one named later as exactly a known body's name and it
        fuller = [
            m
            for m in endings.get((unit.type, unit.label), [])
            if m is not unit and m.label[: -len(unit.label)] in bodies
        ]
        if len(fuller) == 1 and fuller[0].key not in resolved:
            resolved[unit.key] = fuller[0]
    return resolved


def _abbreviates(short: str, full: str) -> bool:
    """The words of ``short`` before its head occur in ``full`` before the same head, in
    order, and there are two or more of them."""
    if len(full) <= len(short):
        return False
    words = [word for word, _ in tagged_words(short[:-HEAD]) if word.strip()]
    if len(words) < 2:
        return False
    rest, at = full[:-HEAD], 0
    for word in words:
        at = rest.find(word, at)
        if at < 0:
            return False
        at += len(word)
    return True
