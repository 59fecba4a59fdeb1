"""worksOn: a body, programme or meeting addresses a threat.

* in the sentence: the subject, then a work word (打击, 预防, 处理, 关于 …) right
  before the threat or an enumeration of threats;
* in a programme's or meeting's name: 全球打击贩卖人口活动倡议 works on trafficking in
  persons (a body's name, 安全理事会反恐怖主义委员会, says what it is for, not what it does);
* in the heading: a paragraph under 三. → C. 腐败 whose sentence has a body doing
  something, and names no threat itself, is about corruption; so are the
  programmes and meetings such a paragraph names;
* bodies acting with the subject (A与B发起的…) work on what it works on, and the
  bodies that organise or run a meeting or programme work on the threats its
  name names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.nlp.gazetteer import UN_KEY
from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion, first_free_trigger
from kg.relations.sentence import ACTORS, Sentence, triggers

WORKERS = (EntityType.ORGANIZATION, EntityType.PROGRAMME, EntityType.MEETING)
REPORT = "报告"
# What may stand between a work word and the threat: other threats and their joiners.
THREAT_GAP = re.compile(r"[、和及与或以及的等各种有关\s]{0,6}")
THREAT_JOINERS = re.compile(r"[、和及与或以及的等各种有关\s]+$")


def _with_co_actors(sentence: Sentence, subject, found: list[Assertion]) -> Iterator[Assertion]:
    """The subject's assertions, and the same for the bodies acting with it, or for the
    States listed with a State (科特迪瓦、科索沃和尼泊尔通过了立法: each acts)."""
    yield from found
    actors = sentence.co_actors(subject)
    if subject.type is EntityType.COUNTRY:
        listed = sentence.enumeration_after(subject.start, EntityType.COUNTRY, EntityType.REGION)
        actors = [m for m in listed[1:] if m.type is EntityType.COUNTRY]  # 科索沃: a territory
    for actor in actors:
        for item in found:
            yield replace(item, subject=actor.key, rule=f"{item.rule}+co-actor",
                          confidence=round(item.confidence * 0.9, 2))  # fmt: skip


def works_on(sentence: Sentence) -> Iterator[Assertion]:
    # a State too works on what it acts against, when no body acts in the sentence
    # (联合王国的观点，即必须…防止外层空间军备竞赛)
    subject = sentence.subject(*WORKERS) or sentence.subject(EntityType.COUNTRY)
    if subject is None:
        return
    yield from _with_co_actors(sentence, subject, list(_works_on(sentence, subject)))


def _works_on(sentence: Sentence, subject) -> Iterator[Assertion]:
    text = sentence.text
    words = triggers("work")
    # 审议了秘书长关于…的报告: a report's topic is what its author wrote about
    titles = [
        m for m in sentence.mentions
        if m.text.startswith("《") or m.type is EntityType.INSTRUMENT
        or (m.type is EntityType.PUBLICATION and m.text.endswith(REPORT))
    ]  # fmt: skip
    # A、反恐怖主义办公室和B: a body acting beside the subject works on its own name's threat
    beside = sentence.co_actors(subject)
    # …和第三次联合国世界减少灾害风险大会上所作承诺: a threat inside a meeting's name is the
    # meeting's (a programme or institute the subject runs, 打击绑架方案, stays the subject's)
    named = [n for n in sentence.of(EntityType.MEETING) if n.end > subject.end]
    threats = sorted(sentence.of(EntityType.THREAT), key=lambda m: m.start)
    reached = subject.end
    for threat in threats:
        if threat.start < subject.end:
            continue
        if any(n.start <= threat.start and threat.end <= n.end for n in (*titles, *beside, *named)):
            continue  # 依照《…打击…犯罪公约》, 通过的《…消除饥饿计划》: the words of another name
        lead = text[reached : threat.start]
        bare = THREAT_JOINERS.sub("", lead)
        hit = any(bare.endswith(word) for word in words)
        if hit or (reached > subject.end and THREAT_GAP.fullmatch(lead)):
            yield assertion(sentence, subject, Predicate.WORKS_ON, threat, "work:verb+threat", 0.8)
            reached = threat.end


def works_on_sentence_topic(sentence: Sentence) -> Iterator[Assertion]:
    """A body acting in a sentence works on the threats the sentence names after it
    (毒品和犯罪问题办公室在…核恐怖主义、资助恐怖主义…等领域提供培训援助)."""
    subject = sentence.subject(EntityType.ORGANIZATION)
    if subject is None:
        return
    tail = sentence.text[subject.end : sentence.end]
    acts = (
        triggers("assist")
        + triggers("implement")
        + triggers("work")
        + triggers("respond")
        + triggers("participate")
    )
    if not any(word in tail for word in acts):
        return
    names = [m for m in sentence.mentions if m.type is not EntityType.THREAT]
    found = [
        assertion(sentence, subject, Predicate.WORKS_ON, threat, "work:sentence-topic", 0.6)
        for threat in sentence.of(EntityType.THREAT)
        if (threat.start >= subject.end or _answered_before(sentence, threat, subject))
        # 关于环境和气候变化的专题联盟, 《联合国防治荒漠化公约》, 巴勒斯坦被占领土: the threat
        # is a word of another name, not a topic of the sentence
        and not any(n.start <= threat.start and threat.end <= n.end for n in names)
    ]
    yield from _with_co_actors(sentence, subject, found)


ANSWER_REACH = 4  # characters between a threat and the response word next to it
TOPIC_OPENERS = ("关于", "对于", "针对", "就")  # a clause opening a sentence on its topic


def _answered_before(sentence: Sentence, threat, subject) -> bool:
    """A threat the response of a clause before the subject names (为了…应对…敌对行动
    的升级，儿基会…; 全球霍乱应对工作得到加强，儿基会…): the subject's response."""
    text = sentence.text
    clause_start, clause_end = sentence.clause_of(threat.start)
    if clause_end > subject.start:
        return False
    if any(clause_start <= m.start < clause_end for m in sentence.of(*ACTORS)):
        return False  # the clause has its own actor
    words = triggers("work") + triggers("respond")
    words = tuple(w for w in words if w not in ("关于", "反"))
    if text.startswith(TOPIC_OPENERS, clause_start):
        return True  # 关于性剥削和性虐待，儿基会…: the sentence's topic, its subject's work
    if text.startswith(("为了", "为"), clause_start):
        # 为了…应对2022年8月加沙地带敌对行动的升级: a purpose clause of response
        return any(w in text[clause_start : threat.start] for w in words)
    before = text[max(clause_start, threat.start - ANSWER_REACH - 2) : threat.start]
    after = text[threat.end : min(clause_end, threat.end + ANSWER_REACH)]
    return any(w in before or after.startswith(w) for w in words)


def works_on_named_threat(sentence: Sentence) -> Iterator[Assertion]:
    runners: list | None = None  # the subject and its co-actors, found when first needed
    verbs = triggers("organise") + triggers("implement")
    for holder in sentence.of(*WORKERS):
        for threat in sentence.of(EntityType.THREAT):
            if holder.start <= threat.start and threat.end <= holder.end:
                if holder.type is EntityType.ORGANIZATION:
                    continue  # 安全理事会反恐怖主义委员会: what it is for, no work stated
                yield assertion(sentence, holder, Predicate.WORKS_ON, threat, "work:name", 0.85)
                for body in _conveners_inside(sentence, holder):
                    # 毒品贩运威胁西非安全问题西非经共体部长级会议: ECOWAS convenes it
                    yield assertion(
                        sentence, body, Predicate.WORKS_ON, threat, "work:convener", 0.7
                    )
                if runners is None:
                    subject = sentence.subject(EntityType.ORGANIZATION)
                    runners = [subject, *sentence.co_actors(subject)] if subject else []
                if not runners or runners[0].end > holder.start:
                    continue
                lead = sentence.text[runners[-1].end : holder.start]
                if any(verb in lead for verb in verbs):
                    for runner in runners:
                        yield assertion(
                            sentence, runner, Predicate.WORKS_ON, threat, "work:organiser", 0.7
                        )


# 为减少酒精的有害使用而制定的SAFER倡议, 旨在消除宫颈癌的…: what a thing was made for
PURPOSE = re.compile(
    r"(?:为了?(?P<goal>[^，。；]{2,40}?)而(?:制定|设立|建立|发起|开展|启动|设计|创建|召开|举办)"
    r"|旨在(?P<aim>[^，。；]{2,40}?))的"
)
PURPOSE_REACH = 12  # characters between 的 and the name it describes (2022-2025年…)


def works_on_purpose(sentence: Sentence) -> Iterator[Assertion]:
    """A programme, body or meeting set up for a threat works on it: 为应对COVID-19而制定
    的获取戒烟服务倡议, 旨在打击人口贩运的区域方案."""
    text = sentence.text
    words = triggers("work") + triggers("respond")
    for match in PURPOSE.finditer(text, sentence.start, sentence.end):
        group = "goal" if match.group("goal") is not None else "aim"
        if not any(word in match.group(group) for word in words):
            continue  # 为儿童而设立的: not a response to a threat
        made = next(
            (
                m for m in sentence.of(*WORKERS)
                if match.end() <= m.start <= match.end() + PURPOSE_REACH
                and "，" not in text[match.end() : m.start]
            ),
            None,
        )  # fmt: skip
        if made is None:
            continue
        for threat in sentence.inside(match, group, EntityType.THREAT):
            yield assertion(sentence, made, Predicate.WORKS_ON, threat, "work:purpose", 0.75)


# 多样性、公平和包容战略（2030-2033年）旨在消除…: what a programme is for, said after it
AIMS_AFTER = re.compile(r"(?:[（(][^（）()]{1,20}[）)])?(?:旨在|致力于|目的是|的目标是)")


def works_on_aim(sentence: Sentence) -> Iterator[Assertion]:
    """A programme whose aim the sentence states right after its name (X战略旨在消除Y)
    works on the threats its aim's work word takes."""
    text = sentence.text
    words = triggers("work") + triggers("respond")
    for programme in sentence.of(EntityType.PROGRAMME):
        aim = AIMS_AFTER.match(text, programme.end)
        if aim is None:
            continue
        _, clause_end = sentence.clause_of(aim.end())
        reach = text[aim.end() : clause_end]
        if not any(word in reach for word in words):
            continue
        for threat in sentence.of(EntityType.THREAT):
            if aim.end() <= threat.start < clause_end:
                yield assertion(sentence, programme, Predicate.WORKS_ON, threat, "work:aim", 0.7)


def works_on_heading_topic(sentence: Sentence) -> Iterator[Assertion]:
    if not sentence.heading_threats or sentence.of(EntityType.THREAT):
        return
    subject = sentence.subject(EntityType.ORGANIZATION)
    if subject is None:
        return
    tail = sentence.text[subject.end : sentence.end]
    if not any(word in tail for word in triggers("implement") + triggers("assist")):
        return
    found = [
        assertion(sentence, subject, Predicate.WORKS_ON, threat, "work:heading", 0.6)
        for threat in sentence.heading_threats
    ]
    yield from _with_co_actors(sentence, subject, found)


def works_on_heading_events(sentence: Sentence) -> Iterator[Assertion]:
    """Programmes named under a threat's heading, whose own names name no threat, work on
    the heading's threat (反腐败指导方案 under C. 腐败). Not meetings: a section names the
    sessions that asked for its work, not what they worked on."""
    if not sentence.heading_threats:
        return
    threats = sentence.of(EntityType.THREAT)
    for event in sentence.of(EntityType.PROGRAMME):
        if event.rule == "anaphora" or any(
            event.start <= t.start and t.end <= event.end for t in threats
        ):
            continue
        for threat in sentence.heading_threats:
            yield assertion(sentence, event, Predicate.WORKS_ON, threat, "work:heading-event", 0.55)


def _conveners_inside(sentence: Sentence, meeting) -> list:
    """Bodies written inside a meeting's name (its convener), the UN prefix aside."""
    if meeting.type is not EntityType.MEETING:
        return []
    return [
        m
        for m in sentence.nested
        if m.type is EntityType.ORGANIZATION
        and meeting.start <= m.start < m.end <= meeting.end
        and m.key != UN_KEY
    ]


# 许多与会者, 一些发言者: a count before the participants
SPEAKERS_LEAD = re.compile(r"(?:此外，|另外，|同时，)?(?:许多|很多|一些|有些|多位|若干|有|部分)?")


def works_on_speakers(sentence: Sentence) -> Iterator[Assertion]:
    """In the summary of a meeting, its participants speak for it (与会者对…粮食不安全
    表示关切; 与会者强调必须消除性别暴力): the meeting works on the threats they are
    concerned about or call to act against. Not what a speaker says of their own
    country's work (许多发言者概述了本国…应对气候变化的政策)."""
    meeting = sentence.document_meeting
    if not meeting:
        return
    text = sentence.text
    lead = SPEAKERS_LEAD.match(text, sentence.start)
    speakers = next((w for w in triggers("speaker") if text.startswith(w, lead.end())), "")
    if not speakers:
        yield from _key_messages(sentence, meeting)
        return
    after = lead.end() + len(speakers)
    if first_free_trigger(sentence, triggers("own-country"), after, sentence.end) >= 0:
        return
    names = [m for m in sentence.mentions if m.type is not EntityType.THREAT]
    threats = [
        t for t in sentence.of(EntityType.THREAT)
        if not any(n.start <= t.start and t.end <= n.end for n in names)
    ]  # fmt: skip
    if first_free_trigger(sentence, triggers("concern"), after, sentence.end) >= 0:
        for threat in threats:
            yield assertion(
                sentence, meeting, Predicate.WORKS_ON, threat, "work:speakers-concern", 0.6
            )
        return
    words = tuple(w for w in triggers("work") if w not in ("关于", "针对", "反"))
    verb = first_free_trigger(sentence, words, after, sentence.end)
    if verb < 0:
        return
    for threat in threats:
        if threat.start > verb:
            yield assertion(sentence, meeting, Predicate.WORKS_ON, threat, "work:speakers", 0.6)


def _key_messages(sentence: Sentence, meeting: str) -> Iterator[Assertion]:
    """The unsigned messages of a meeting's summary (…应对生物多样性丧失和环境退化的迫切
    需要是关键的优先事项; 消除贫困仍然是最高优先事项): where no one is named, a work word
    right before a threat (or a list of threats) is the meeting's."""
    if sentence.of(*ACTORS, EntityType.PROGRAMME, EntityType.PUBLICATION):
        return
    if any(m.key != meeting for m in sentence.of(EntityType.MEETING)):
        return  # 可持续发展目标峰会上需要…减少贫困: another meeting's work
    text = sentence.text
    words = tuple(w for w in triggers("work") if w not in ("关于", "针对", "反"))
    reached = -1
    for threat in sorted(sentence.of(EntityType.THREAT), key=lambda m: m.start):
        lead = text[max(sentence.start, reached) : threat.start]
        bare = THREAT_JOINERS.sub("", text[sentence.start : threat.start])
        if bare.endswith(words) or (reached >= 0 and THREAT_GAP.fullmatch(lead)):
            yield assertion(sentence, meeting, Predicate.WORKS_ON, threat, "work:key-message", 0.5)
            reached = threat.end


# …性骚扰仍然是妇女署的优先事项: what a body is said to put first is what it works on
PRIORITY_OF = re.compile(
    r"(?:仍然|始终|一直|也|还|已)?(?:是|成为|列为)(?P<body>[^，。；是]{2,40}?)的"
    r"(?:工作)?(?:优先事项|优先领域|首要任务|工作重点|重点领域|核心优先事项)"
)


def works_on_priority(sentence: Sentence) -> Iterator[Assertion]:
    """预防和应对性剥削和性虐待仍然是妇女署的优先事项: the body works on the threats
    named before it, in the same clause."""
    for match in PRIORITY_OF.finditer(sentence.text, sentence.start, sentence.end):
        bodies = sentence.inside(match, "body", *WORKERS)
        if not bodies:
            continue
        clause_start, _ = sentence.clause_of(match.start())
        for threat in sentence.of(EntityType.THREAT):
            if clause_start <= threat.start and threat.end <= match.start():
                yield assertion(
                    sentence, bodies[0], Predicate.WORKS_ON, threat, "work:priority", 0.7
                )
