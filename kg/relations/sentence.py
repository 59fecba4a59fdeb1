"""A sentence of a paragraph with the entity mentions it holds: what every relation rule reads."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from kg.data_files import read_table
from kg.nlp.gazetteer import UN_KEY
from kg.nlp.model import EntityType, Mention
from kg.text import iter_sentences, matching_form

ACTORS = (EntityType.ORGANIZATION, EntityType.COUNTRY)
PLACES = (EntityType.COUNTRY, EntityType.REGION, EntityType.CITY)
CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")
# Words after which a name is the object of a preposition, not the subject of the sentence.
PREPOSITIONS = (
    "与",
    "同",
    "和",
    "及",
    "在",
    "向",
    "对",
    "为",
    "由",
    "从",
    "经",
    "据",
    "以",
    "于",
    "给",
)


@cache
def triggers(rule: str) -> tuple[str, ...]:
    """Trigger words of a relation rule, longest first (kg/data/patterns/relation_triggers.tsv)."""
    words = [
        row["trigger"]
        for row in read_table("patterns/relation_triggers.tsv")
        if row["rule"] == rule
    ]
    return tuple(sorted(words, key=len, reverse=True))


# 安全理事会(还)赞扬/欢迎/请 X…: X is the agent of what follows
EMBEDDING = re.compile(
    r"(?:还|也|又|再次|进一步|强烈|特别|谨)*(?:{})".format("|".join(triggers("embed")))
)


def first_word(text: str, words: tuple[str, ...], start: int, end: int) -> int:
    """Position of the first of ``words`` in text[start:end], or -1."""
    found = [position for word in words if (position := text.find(word, start, end)) >= 0]
    return min(found) if found else -1


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its paragraph, offsets, text and the mentions inside it."""

    paragraph: str
    text: str  # the paragraph's whole text, in matching form (what the rules read)
    start: int
    end: int
    mentions: tuple[Mention, ...]
    heading_threats: tuple[str, ...] = field(default=())  # threats named by headings above
    heading_bodies: tuple[str, ...] = field(default=())  # organisations named by headings above
    original: str = ""  # the paragraph's text as written (the evidence is taken from it)
    footnote_countries: tuple[str, ...] = field(default=())  # country lists of cited footnotes
    nested: tuple[Mention, ...] = field(default=())  # known entities inside longer names
    document_subject: str = ""  # key of the body whose document it is (a resolution's organ)
    document_meeting: str = ""  # key of the meeting the document summarises (主席的摘要)
    # footnotes that list countries, by where their reference stands: (position, countries)
    cited_lists: tuple[tuple[int, tuple[str, ...]], ...] = field(default=())
    # the mentions of each type and the subject, filled on first use (every rule asks)
    typed: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def value(self) -> str:
        """The sentence as written in the document."""
        return (self.original or self.text)[self.start : self.end]

    def of(self, *types: EntityType) -> list[Mention]:
        found = self.typed.get(types)
        if found is None:
            found = self.typed[types] = [m for m in self.mentions if m.type in types]
        return list(found)

    def inside(self, match: re.Match, group: str, *types: EntityType) -> list[Mention]:
        """The mentions of ``types`` that lie within ``group`` of a pattern's ``match``."""
        start, end = match.span(group)
        return [m for m in self.of(*types) if start <= m.start and m.end <= end]

    def between(self, left: Mention, right: Mention) -> str:
        """The text between two mentions (empty if they touch or overlap)."""
        first, second = sorted((left, right), key=lambda m: m.start)
        return self.text[first.end : second.start]

    def clause_of(self, position: int) -> tuple[int, int]:
        """Start and end of the clause (between commas, semicolons …) around ``position``."""
        start = position
        while start > self.start and not CLAUSE_END.match(self.text[start - 1]):
            start -= 1
        match = CLAUSE_END.search(self.text, position, self.end)
        return start, match.start() if match else self.end

    def subject(self, *types: EntityType) -> Mention | None:
        """The sentence's grammatical subject: its first mention of these types that is
        not the object of a preposition (与世界银行… is not the subject) and does not
        stand in an adverbial clause opening the sentence (为了减少布基纳法索…，儿基会…)."""
        key = ("subject", types)
        if key not in self.typed:
            self.typed[key] = self._subject(types)
        return self.typed[key]

    def _subject(self, types: tuple[EntityType, ...]) -> Mention | None:
        opening = self.typed.get("opening")
        if opening is None:
            opening = self.typed["opening"] = (self._adverbial_end(), self._states_open())
        adverbial_end, states = opening
        if states:
            return None
        object_end = -1  # end of the last mention that is a preposition's object
        for mention in self.of(*(types or ACTORS)):
            if mention.start < adverbial_end:
                continue
            before = self.text[max(self.start, mention.start - 2) : mention.start]
            gap = self.text[object_end : mention.start]
            # 在埃塞俄比亚，儿基会…: the comma closes the adverbial, the subject follows;
            # 与粮农组织(粮农组织)、农发基金…: a short form's bracket closes before the list goes on
            listed = (
                object_end >= 0 and ENUMERATION_GAP.fullmatch(gap.lstrip("）)")) and "，" not in gap
            )
            short_form = object_end >= 0 and gap in OPENING_BRACKETS  # 在世界粮食计划署（粮食署）
            if before.endswith(PREPOSITIONS) or before.endswith("的") or listed or short_form:
                object_end = mention.end  # 对反恐怖主义委员会、安全理事会…: all objects
                continue
            if NOT_ACTING.match(self.text, mention.end) or self.text.startswith(
                triggers("status"), mention.end
            ):
                continue  # 安全理事会相关决议, 大会题为“…”的决定, 具有理事会咨商地位的
            if mention.key == UN_KEY and self.text.startswith(triggers("un-part"), mention.end):
                # 联合国系统, 联合国若干机构: parts of the UN, not the UN itself; 联合国国际合作:
                # the UN qualifies a noun (a resolution's title)
                continue
            return self._agent_named_after(mention, types)
        return None

    def _agent_named_after(self, subject: Mention, types: tuple[EntityType, ...]) -> Mention:
        """The body a subject praises, welcomes or asks, when one follows its verb at once:
        in 安全理事会赞扬毒品和犯罪问题办公室在…设立…, the Office does what the sentence says."""
        verb = EMBEDDING.match(self.text, subject.end)
        if verb is None:
            return subject
        return next(
            (m for m in self.of(*(types or ACTORS)) if m.start == verb.end()),
            subject,
        )

    def _states_open(self) -> bool:
        """各国应…, 在这方面，有关国家应…: the sentence's subject is the States, a class
        (other-actor words), and no body it names later is; 见X，《…》 cites a source."""
        if self.text.startswith(triggers("citation"), self.start):
            return True  # 见世卫组织，《…》: a source cited, no one acts
        opening = STATES_LEAD.match(self.text, self.start)
        if opening.group("quantity") and self.text.startswith("国家", opening.end()):
            return True  # 所有国家都应…, 有关国家应…
        return self.text.startswith(triggers("other-actor"), opening.end())

    def _adverbial_end(self) -> int:
        """Where an adverbial clause that opens the sentence ends (its comma), else start."""
        opening = ADVERBIAL.match(self.text, self.start)
        if opening is None:
            return self.start
        comma = self.text.find("，", opening.end(), self.end)
        return comma if comma >= 0 else self.start

    def co_actors(self, subject: Mention) -> list[Mention]:
        """Bodies that act with the subject: A与B发起的, A同B签署了, A、B和C举办了.

        A short form defined in brackets right after a body (开发计划署 in
        联合国开发计划署（开发计划署）) is the same body, not another actor.
        """
        key = ("co-actors", subject.start, subject.key)
        if key not in self.typed:
            self.typed[key] = self._co_actors(subject)
        return list(self.typed[key])

    def _co_actors(self, subject: Mention) -> list[Mention]:
        actors: list[Mention] = []
        cursor = subject.end
        # a body acts with bodies and governments (妇女署与拉加经委会和阿根廷政府…共同举办了)
        kinds = (EntityType.ORGANIZATION, EntityType.COUNTRY)
        for mention in sorted(self.of(*kinds), key=lambda m: m.start):
            if mention.start < cursor:
                continue
            if mention.key == (actors[-1] if actors else subject).key:
                closing = self.text[mention.end : mention.end + 1] in CLOSING_BRACKETS
                cursor = mention.end + closing
                continue
            if not CO_ACTOR_GAP.fullmatch(self.text[cursor : mention.start]):
                break
            if self.text.startswith(MEMBER_STATES, mention.end):
                break  # 与联合国会员国一道: the States, not the body
            actors.append(mention)
            cursor = mention.end
        return actors or self._joint_partners(subject)

    def _joint_partners(self, subject: Mention) -> list[Mention]:
        """A与B、C和D合作，在…上共同发起X: the partners of the cooperation act jointly
        with the subject where a joint word (共同, 联合 …) follows it."""
        text = self.text
        lead = JOINT_LEAD.match(text, subject.end, self.end)
        if lead is None:
            return []
        cooperation = first_word(text, triggers("cooperate-with"), lead.end(), self.end)
        if cooperation < 0:
            return []
        if first_word(text, triggers("joint-act"), cooperation + 2, self.end) < 0:
            return []
        if CLAUSE_END.search(text, lead.end(), cooperation):
            return []
        return [
            m for m in self.of(EntityType.ORGANIZATION, EntityType.COUNTRY)
            if lead.end() <= m.start and m.end <= cooperation and m.key != subject.key
        ]  # fmt: skip

    def enumeration_before(self, position: int, *types: EntityType, gap: str = "") -> list[Mention]:
        """Mentions of these types that end right before ``position`` (allowing ``gap``
        between), as one enumeration read backwards: A与B的 → [A, B]."""
        members: list[Mention] = []
        cursor = position
        for mention in sorted(self.of(*types), key=lambda m: m.end, reverse=True):
            if mention.end > cursor:
                continue
            between = self.text[mention.end : cursor]
            if members and self._short_form_of(
                mention, members[0], self.text[mention.end : members[0].start]
            ):
                cursor = (
                    mention.start
                )  # 联合国粮食及农业组织(粮农组织): the name before its short form
                members[0] = mention
                continue
            if not members and between not in ("", gap):
                break
            if members and not ENUMERATION_GAP.fullmatch(between):
                break
            if members and "，" in between and self.text.endswith(FRAME, 0, mention.start):
                break  # 在肯尼亚，妇女署支持…: the place the sentence is set in, no member
            members.insert(0, mention)
            cursor = mention.start
        return members

    def after_in(self, place: Mention) -> bool:
        """Does ``place`` stand in a 在… phrase (在危地马拉和海地资助了…): where the act is,
        not who acts?"""
        members = self.enumeration_before(place.end, *PLACES) or [place]
        if self.text.startswith(("的", "政府的"), place.end):
            return False  # 在澳大利亚政府的资助下: the State backs what follows
        return self.text[members[0].start - 1 : members[0].start] == "在"

    def enumeration_after(self, position: int, *types: EntityType) -> list[Mention]:
        """Mentions of these types that follow ``position`` as one enumeration (A、B和C)."""
        members = []
        cursor = position
        for mention in sorted(self.of(*types), key=lambda m: m.start):
            if mention.start < cursor:
                continue
            gap = self.text[cursor : mention.start]
            if members and self._short_form_of(members[-1], mention, gap):
                cursor = mention.end + 1  # 联合国粮食及农业组织(粮农组织)、…: its short form
                continue
            if members and not ENUMERATION_GAP.fullmatch(gap):
                break
            if not members and not LEADING_GAP.fullmatch(gap):
                break
            if self.text.startswith(NOT_ITSELF, mention.end):
                break  # 联合国其他实体: other bodies of the UN, not the UN itself
            members.append(mention)
            cursor = mention.end
        return members

    def _short_form_of(self, name: Mention, short: Mention, gap: str) -> bool:
        """Is ``short`` the bracketed short form written right after ``name``?"""
        return (
            gap in OPENING_BRACKETS
            and short.key == name.key
            and self.text[short.end : short.end + 1] in CLOSING_BRACKETS
        )


OPENING_BRACKETS = ("(", "（")
CLOSING_BRACKETS = (")", "）")
NOT_ITSELF = ("其他", "各", "系统")
# after a body: the texts it adopted (安全理事会相关决议, 大会题为“…”的第73/546号决定),
# where it is named as an author, not as the sentence's actor
# what follows a name that does not act: its resolutions (安全理事会相关决议), a titled text
# (大会题为“…”的决定), or a topic (秘书长缅甸问题特使: 缅甸 names the envoy's topic)
NOT_ACTING = re.compile(
    r"(?:的)?(?:相关|有关|各项|历次|以往|最近|第[一二三四五六七八九十\d]{1,3}项)?决议"
    r"|(?:的|相关|有关|各项|历次|以往|最近)决定|题为|问题"
)
JOINT_LEAD = re.compile(r"(?:还|也|已)?(?:与|同)")
# what may open a sentence before its subject: a linking phrase, a quantifier
STATES_LEAD = re.compile(
    r"(?:(?:在这方面|为此|此外|因此|同时|另外)，)?(?P<quantity>所有|全体|有关|许多)?"
)
MEMBER_STATES = ("会员国", "成员国")
# 例如，为了…，/ 由于…，/ 根据…，: a clause that opens the sentence without its subject
ADVERBIAL = re.compile(
    r"(?:(?:例如|此外|另外|同时|因此|然而|但是|总体而言|\d{4}(?:[-—–]\d{4})?年)，)?"
    r"(?:为了|为|由于|随着|根据|按照|通过|鉴于|针对|对于|关于|考虑到|除了)"
)
OPENING_BRACKETS = ("（", "(")
CO_ACTOR_GAP = re.compile(r"（?\s?(?:还|也|已)?(?:、|和|及|以及|与|同)\s?")
FRAME = "在"  # 在X，…: X sets the sentence
ENUMERATION_GAP = re.compile(r"\s?(?:政府|国|等)?\s?(?:、|，|和|及|以及|与|同|或)\s?")
LEADING_GAP = re.compile(r"\s?(?:了|来自|包括|如|即)?\s?")


def _within(mentions: list[Mention], starts: list[int], start: int, end: int) -> tuple:
    """The mentions (sorted by start, ``starts`` theirs) that lie in [start, end)."""
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    return tuple(m for m in mentions[first:last] if m.end <= end)


def sentences(
    paragraph: str,
    text: str,
    mentions: list[Mention],
    heading_threats: tuple[str, ...] = (),
    heading_bodies: tuple[str, ...] = (),
    footnote_countries: tuple[str, ...] = (),
    nested: list[Mention] = (),
    document_subject: str = "",
    cited_lists: tuple[tuple[int, tuple[str, ...]], ...] = (),
    document_meeting: str = "",
    folded: str = "",
) -> Iterator[Sentence]:
    """The sentences of a paragraph with the mentions (and nested mentions) inside each;
    ``folded`` is the text's matching form, if the caller has it already."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    nested = sorted(nested, key=lambda m: (m.start, m.end))
    folded = folded or matching_form(text)
    starts = [m.start for m in ordered]
    nested_starts = [m.start for m in nested]
    for start, end in iter_sentences(folded):
        yield Sentence(
            paragraph, folded, start, end, _within(ordered, starts, start, end),
            heading_threats=heading_threats, heading_bodies=heading_bodies,
            footnote_countries=footnote_countries, original=text,
            nested=_within(nested, nested_starts, start, end),
            document_subject=document_subject, document_meeting=document_meeting,
            cited_lists=tuple((at, keys) for at, keys in cited_lists if start <= at <= end),
        )  # fmt: skip


POINTERS = re.compile(r"^(?:该|这一|这个|这次|此)")  # 该基金: the pointer before the head
ATTENDED = ("出席了", "出席", "参加了")  # 派代表出席了会议: attendance at the session reported on


@cache
def anaphors() -> tuple[tuple[str, EntityType], ...]:
    """Anaphors and the type they point back to, longest first (kg/data/patterns/anaphors.tsv)."""
    rows = read_table("patterns/anaphors.tsv")
    pairs = [(row["anaphor"], EntityType(row["type"])) for row in rows]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _antecedents(earlier: list[Mention], head: str, entity_type: EntityType) -> list[Mention]:
    """The names an anaphor may stand for: those with its head (该基金: a fund), else those
    of its type."""
    return [m for m in earlier if m.text.endswith(head)] or [
        m for m in earlier if m.type is entity_type
    ]


def resolve_anaphors(
    text: str,
    mentions: list[Mention],
    meeting: str = "",
    paragraph: str = "",
    previous: list[Mention] | None = None,
) -> list[Mention]:
    """Mentions for anaphors (该举措, 会议 …), each standing for the last entity of its type
    named before it in the paragraph. Anaphors inside names are left alone. In the summary
    of a meeting, the first meeting anaphor with no meeting named before it (论坛, 会议) is
    the meeting the document summarises (``meeting``). An anaphor with no name before it in
    its paragraph (该倡议已在肯尼亚启动) stands for one of the ``previous`` paragraph."""
    taken = bytearray(len(text))
    for mention in mentions:
        taken[mention.start : mention.end] = b"\1" * (mention.end - mention.start)
    found = []
    standing = []  # anaphors that stand for a name written before them
    for word, entity_type in anaphors():
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not any(taken[start:end]):
                # 该基金: the last name with the anaphor's head (a fund, body or programme),
                # else the last entity of its type
                head = POINTERS.sub("", word)
                # 会议由…主办，…出席了会议: an anaphor also stands for what one before stood for
                earlier = sorted(
                    (m for m in (*mentions, *standing) if m.end <= start), key=lambda m: m.end
                )
                if not earlier and previous:
                    earlier = previous  # the paragraph goes on about the last one's topic
                before = _antecedents(earlier, head, entity_type)
                if not before and previous and text.endswith(ATTENDED, 0, start):
                    # 下列会员国派观察员出席了会议: the session the paragraph before named
                    before = _antecedents(previous, head, entity_type)
                key = before[-1].key if before else ""
                entity_type = before[-1].type if before else entity_type
                if not key and entity_type is EntityType.MEETING and meeting:
                    key, meeting = meeting, ""  # a second such forum is another one
                if key:
                    found.append(Mention(paragraph, start, end, word, entity_type, key, "anaphora"))
                    taken[start:end] = b"\1" * len(word)
                    if before:
                        standing.append(found[-1])
            start = text.find(word, end)
    return found
