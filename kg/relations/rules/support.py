"""supports: an actor that supports or funds a programme, meeting or body.

* ACTOR 支助/资助/赞助/支持 X: the actor (the sentence's subject, or the one right
  before the verb) and what the clause names after the verb;
* 由 ACTOR 资助/供资/支助 的 X; X…，由 ACTOR 供资 or X由 ACTOR 资助 (the subject is
  funded); X的资金来自 ACTOR;
* 在 ACTOR 的支持/支助/资助下 …X: the actor backs what the sentence names;
* X 得到 ACTOR 的核可/认可/支持: the actor endorses or backs X;
* ACTOR 为/向 X 调动资源/筹集资金/提供资金/捐款: the actor raises or gives money for X.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.nlp.gazetteer import UN_KEY
from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import HELP_KIND, assertion, first_per_pair, occurrences
from kg.relations.sentence import ACTORS, CLAUSE_END, Sentence, first_word, triggers

SUPPORTED = (EntityType.PROGRAMME, EntityType.MEETING, EntityType.ORGANIZATION)
FUNDED_BY = re.compile(r"由(?P<actors>[^，。；由]{2,40}?)(?:资助|供资|支助|赞助|出资)的")
# 集装箱管制方案在50多个国家开展，由欧洲联盟和日本供资: a closing clause on the subject
FUNDED_CLAUSE = re.compile(
    r"，?由(?P<actors>[^，。；由]{2,60}?)(?:共同)?(?:提供资金|提供资助|资助|供资|支助|赞助|出资)"
    r"(?=[。；，]|$)"
)
# 全球治理方案的资金来自日本政府: the givers of what is named right before
FUNDS_FROM = re.compile(
    r"的(?:资金|经费|供资|资助)(?:主要|全部|部分)?来自(?P<actors>[^，。；]{2,60})"
)
BACKED_BY = re.compile(rf"在(?P<actors>[^，。；在]{{2,40}}?)的{HELP_KIND}(?:支持|支助|资助|赞助)下")
# 为多伙伴信托基金调动资源, 向全球人道主义专题资金捐款, 为该会议提供了财政支助: money
# raised or given for X, or support provided to it
RESOURCED = re.compile(
    r"(?P<mark>[为向])(?P<object>[^，。；为向]{2,40}?)"
    r"(?:(?:调动|筹集|筹措|募集|提供|争取)(?:了|的|更多|额外|新的|充足的?|充分的?|慷慨)*"
    r"(?:资源|资金|经费|资助|捐款|款项|(?:财政|技术|后勤|实质性|政治)?(?:支持|支助))"
    r"|(?P<give>捐款|捐助|供资|出资))"
)
EVENT_VERB = "举办"  # 为举办…会议提供支持: the meeting held is what is backed
OWNER_JOINER = re.compile(r"[、和及与]")
OWNED = (EntityType.INSTRUMENT, EntityType.PUBLICATION)  # 国际劳工组织的《公约》: the owner's text
REPORT_AFTER = re.compile(r"(?:\d{4}\s?年)?的?报告")  # a body named as its report's author
AGENT_NOUN = re.compile(r"者|方(?![案面式法针向])|组织|机构|国(?![家际内])")
OBJECT_REACH = 12  # characters between the verb and what it supports
FOR, GOVERNMENT, OF = "为", "政府", "的"
CARRIER_REACH = 8  # characters between a body and 由, as in 正在实施由


def supports(sentence: Sentence) -> Iterator[Assertion]:
    found = (
        *_verb(sentence),
        *_funded_anaphor(sentence),
        *_givers_listed(sentence),
        *_marked(sentence, FUNDED_BY, "support:由…资助的", right_after=True),
        *_marked(sentence, BACKED_BY, "support:在…支持下", right_after=False),
        *_funded_subject(sentence),
        *_endorsed(sentence),
        *_resourced(sentence),
    )
    yield from first_per_pair(f for f in found if f.subject != f.object)


def _verb(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    for word in triggers("support"):
        for position in occurrences(text, word, sentence.start, sentence.end):
            end = position + len(word)
            if AGENT_NOUN.match(text, end):
                continue  # 共同赞助者, 资助方: the ones who back, named, not the act
            _, clause_end = sentence.clause_of(position)
            # A、B和C政府为支持…: the givers written right before 为
            purpose = position - len(FOR) if text.endswith(FOR, 0, position) else position
            actors = [
                a
                for a in sentence.enumeration_before(purpose, *ACTORS, gap=GOVERNMENT)
                if a.type is not EntityType.COUNTRY or not sentence.after_in(a)
            ]  # 在危地马拉和海地资助了…: the places the funding goes to do not fund
            if not actors:
                subject = sentence.subject(*ACTORS)
                if subject is not None and subject.end <= position:
                    actors = [subject]  # the sentence's subject, however many clauses before
            objects = [
                m for m in sentence.of(*SUPPORTED)
                if end <= m.start < clause_end and _object_gap(text[end : m.start])
                and m.key != UN_KEY  # 支持联合国国家工作队: the teams, not the UN
                and not _owner_of_next(sentence, m)
                and not REPORT_AFTER.match(text, m.end)  # 支持专家组报告所载建议: its report's
            ]  # fmt: skip
            held = _held_by_backed(sentence, objects[0], clause_end) if objects else []
            # 支持…的全球海上犯罪方案和全球打击网络犯罪方案: each of the list backed
            backed = [
                m for m in sentence.enumeration_after(objects[0].start, *SUPPORTED)
                if m.start < clause_end and not _owner_of_next(sentence, m)
            ] if objects else []  # fmt: skip
            for actor in actors:
                for obj in backed or objects[:1]:
                    yield assertion(sentence, actor, Predicate.SUPPORTS, obj, "support:verb", 0.75)
                for meeting in held:
                    yield assertion(
                        sentence, actor, Predicate.SUPPORTS, meeting, "support:verb+held", 0.7
                    )


HOLDS = re.compile(r"[^，。；]{0,16}?(?:举办|主办|召开|组织|举行)了?")


def _held_by_backed(sentence: Sentence, backed, clause_end: int) -> list:
    """A支持B为其成员国举办C会议: the meeting the backed body holds is backed too."""
    if backed.type is not EntityType.ORGANIZATION:
        return []
    verb = HOLDS.match(sentence.text, backed.end, clause_end)
    if verb is None:
        return []
    return [
        m for m in sentence.of(EntityType.MEETING)
        if verb.end() <= m.start < clause_end and m.start - verb.end() <= OBJECT_REACH
    ][:1]  # fmt: skip


# 《战略计划》于2021年9月得到执行局的核可: what a body endorsed or backed, said passively
ENDORSED = re.compile(
    r"(?:[已还也]|于\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)*(?:得到|获得|受到)了?"
    r"(?P<actors>[^，。；]{2,40}?)的(?:核可|认可|赞同|批准|支持|支助|资助)"
)


def _endorsed(sentence: Sentence) -> Iterator[Assertion]:
    """X得到Y的核可/认可/支持: Y supports the programme, meeting or body X."""
    for endorsed in sentence.of(EntityType.PROGRAMME, EntityType.MEETING):
        match = ENDORSED.match(sentence.text, endorsed.end)
        if match is None:
            continue
        for actor in sentence.inside(match, "actors", *ACTORS):
            yield assertion(sentence, actor, Predicate.SUPPORTS, endorsed, "support:endorsed", 0.7)


def _resourced(sentence: Sentence) -> Iterator[Assertion]:
    """A为X调动资源, A向X捐款: A (the givers right before the marker, else the subject and
    those acting with it) backs the programme, meeting or body X with money."""
    for match in RESOURCED.finditer(sentence.text, sentence.start, sentence.end):
        # 为举办第十四届…大会提供的支持: support to hold a meeting backs the meeting
        opening = match.start("object") + (
            len(EVENT_VERB) if sentence.text.startswith(EVENT_VERB, match.start("object")) else 0
        )
        objects = [
            m for m in sentence.inside(match, "object", *SUPPORTED)
            if m.start == opening
            and not (match.group("give") and m.type is EntityType.ORGANIZATION)  # donorTo
        ]  # fmt: skip
        if not objects:
            continue
        owned = [m for m in sentence.of(*SUPPORTED) if m.start == objects[0].end + len(OF)]
        if owned and sentence.text.startswith(OF, objects[0].end):
            objects = owned  # 为毒品和犯罪问题办公室的…区域方案提供了资金: the body's programme
        givers = sentence.enumeration_before(match.start(), *ACTORS, gap=GOVERNMENT)
        if not givers:
            subject = sentence.subject(*ACTORS)
            givers = (
                [subject, *sentence.co_actors(subject)]
                if subject is not None
                and subject.end <= match.start()
                # 委员会鼓励会员国为X提供捐款: those asked give, not the subject that asks
                and first_word(sentence.text, triggers("request"), subject.end, match.start()) < 0
                else []
            )
        for giver in givers:
            yield assertion(
                sentence, giver, Predicate.SUPPORTS, objects[0], "support:为…调动资源", 0.7
            )


def _owner_of_next(sentence: Sentence, mention) -> bool:
    """毒品和犯罪问题办公室的打击绑架方案, 世卫组织和开发署的NCD2030方案: the bodies own
    what follows, which is supported."""
    text = sentence.text
    named = {m.start: m for m in sentence.of(*ACTORS, *SUPPORTED)}
    at = mention.end
    while not text.startswith(OF, at):
        joiner = OWNER_JOINER.match(text, at)
        if joiner is None or joiner.end() not in named:
            return False
        at = named[joiner.end()].end
    return any(m.start in (at + 1, at + 2) for m in sentence.of(*SUPPORTED, *OWNED))


def _object_gap(gap: str) -> bool:
    """Only a few words stand between the verb and what it supports (了, 的, 实施…)."""
    return len(gap) <= OBJECT_REACH and "，" not in gap


def _marked(
    sentence: Sentence, pattern: re.Pattern, rule: str, right_after: bool
) -> Iterator[Assertion]:
    """Actors inside the marker; what it backs right after it (由…资助的 X), or the first
    thing the sentence names after it (在…支持下，…X)."""
    for match in pattern.finditer(sentence.text, sentence.start, sentence.end):
        actors = sentence.inside(match, "actors", *ACTORS)
        if not actors:
            continue
        after = [m for m in sentence.of(*SUPPORTED) if match.end() <= m.start < sentence.end]
        objects = [m for m in after if m.start == match.end()] if right_after else after[:1]
        subject = None if right_after else sentence.subject(*SUPPORTED)
        if (
            subject is not None
            and subject.end <= match.start()
            and not CLAUSE_END.search(sentence.text, subject.end, match.start())
        ):
            objects = [subject]  # 该中心在毒品和犯罪问题办公室的支持下，协调了…: the subject
        if right_after and not objects:
            objects = _carrier(sentence, match.start())
        for actor in actors:
            for obj in objects:
                yield assertion(sentence, actor, Predicate.SUPPORTS, obj, rule, 0.7)


def _carrier(sentence: Sentence, position: int) -> list:
    """儿基会正在实施由X支助的项目: the body that carries out what X funds, where the
    funded thing has no name (项目, 活动): the body right before the verb."""
    before = [m for m in sentence.of(EntityType.ORGANIZATION) if m.end <= position]
    if not before:
        return []
    lead = sentence.text[before[-1].end : position]
    words = triggers("carry-out") + triggers("implement")
    if len(lead) > CARRIER_REACH or CLAUSE_END.search(lead) or not lead.endswith(words):
        return []
    return before[-1:]


# 该伙伴关系由荷兰政府资助: the thing named before, by the head of its name, is funded
FUNDED_THAT = re.compile(
    r"(?:该|这一|这个|此)(?P<head>[^，。；由]{1,6}?)由(?P<actors>[^，。；由]{2,40}?)"
    r"(?:资助|供资|支助|赞助|出资)"
)
# 向X捐款的新合作伙伴：A、B和C: the givers listed after the colon
GIVEN_TO = re.compile(
    r"向(?P<object>[^，。；向]{2,40}?)(?:捐款|捐助|供资|出资|提供资金)的[^，。；：]{0,12}："
)
GIVERS_GAP = re.compile(r"(?:政府)?(?:、|，|和|及|以及|，以及)")


def _funded_anaphor(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    for match in FUNDED_THAT.finditer(text, sentence.start, sentence.end):
        head = match.group("head")
        named = [
            m for m in sentence.of(*SUPPORTED)
            if m.end <= match.start() and m.text.endswith(head)
        ]  # fmt: skip
        actors = sentence.inside(match, "actors", *ACTORS)
        for actor in actors:
            for obj in named[-1:]:
                yield assertion(sentence, actor, Predicate.SUPPORTS, obj, "support:该…由…资助", 0.7)


def _funded_subject(sentence: Sentence) -> Iterator[Assertion]:
    """X…，由A和B供资: the actors fund the programme, meeting or body the sentence is about."""
    for match in FUNDED_CLAUSE.finditer(sentence.text, sentence.start, sentence.end):
        funded = sentence.subject(*SUPPORTED)
        if funded is None or funded.end > match.start():
            continue
        if not sentence.text.startswith("，", match.start()) and funded.end != match.start():
            continue  # without the comma, 由 follows what is funded: 该伙伴关系由荷兰政府资助
        for actor in sentence.inside(match, "actors", *ACTORS):
            yield assertion(sentence, actor, Predicate.SUPPORTS, funded, "support:…，由…供资", 0.7)
    for match in FUNDS_FROM.finditer(sentence.text, sentence.start, sentence.end):
        funded = [m for m in sentence.of(*SUPPORTED) if m.end == match.start()]
        for actor in sentence.inside(match, "actors", *ACTORS) if funded else ():
            yield assertion(sentence, actor, Predicate.SUPPORTS, funded[0], "support:资金来自", 0.7)


def _givers_listed(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    for match in GIVEN_TO.finditer(text, sentence.start, sentence.end):
        objects = sentence.inside(match, "object", *SUPPORTED)
        if not objects:
            continue
        cursor = match.end()
        for actor in sorted(sentence.of(*ACTORS), key=lambda m: m.start):
            if actor.start < cursor:
                continue
            if not GIVERS_GAP.fullmatch(text[cursor : actor.start]) and actor.start > match.end():
                break  # 美国儿基会基金: two names run together are one unknown name
            yield assertion(
                sentence, actor, Predicate.SUPPORTS, objects[0], "support:向…捐款的", 0.7
            )
            cursor = actor.end
