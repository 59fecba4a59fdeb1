"""participatesIn: who takes part in a programme, meeting or effort.

* the subject (or an enumeration of bodies and countries) before 参加/参与/出席,
  the meeting or programme after it;
* 有来自 A、B 和 C 的专家参加 / 参加…的有来自 A、B…: the listed countries take part
  in the meeting the sentence names;
* 与 A、B…政府合作实施 X 方案: the countries take part in the programme;
* the bodies that organise a meeting with the subject (A与B合作…举办了…会议);
* A是 X 的（正式）合作伙伴: A takes part in X;
* A加入(了)X, A作为/担任 X 的成员、秘书处或牵头机构: A is in X;
* 在 X 方案下，A、B和C…: the countries that act under a programme take part in it;
* X的成员包括A和B, X由A、B和C组成/参加: the members listed for X;
* 参加了X，其中包括A和B, 出席X的有A和B: the takers listed after what they take part in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.nlp.gazetteer import UN_KEY
from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import (
    SHORT_FORM_AFTER,
    assertion,
    done_by,
    first_free_trigger,
    first_per_pair,
    led_by,
    listed_in,
    occurrences,
)
from kg.relations.sentence import ACTORS, PLACES, Sentence, triggers
from kg.text import ORDINAL_NUMERAL

EVENTS = (EntityType.MEETING, EntityType.PROGRAMME)
AS = "作为"
ACCORDING_TO = ("根据", "依照", "按照")  # 根据X倡议，A…: A acts under the programme
OPENING_COMMA = re.compile(rf"{SHORT_FORM_AFTER}，")
# 第十二届 before a body that convenes a meeting; the meeting's own head after it
ORDINAL_ONLY = re.compile(rf"(?:第{ORDINAL_NUMERAL}(?:届|次))?")
MEETING_HEAD = re.compile(
    rf"(?:\d{{4}}年)?(?:第{ORDINAL_NUMERAL}(?:届|次))?(?:特别|常会|年度)?"
    r"(?:部长级|首脑|高级别|全体|专家组)?(?:会议|大会|届会|论坛|峰会)"
)
# Heads of groups whose members a text lists: 主要捐助方集团, …之友小组, …联盟
GROUP_HEADS = ("集团", "小组", "之友", "联盟", "伙伴关系")
INCLUDED = ("其中包括", "成员包括", "成员有", "成员，即", "成员即", "成员为", "成员：", "包括")
# …倡议，由A牵头，合作伙伴包括B、C: the partners of the programme named before
PARTNERS_INCLUDE = ("合作伙伴包括", "伙伴包括", "参与方包括", "伙伴有")
# 该倡议还包括A、B和C; 除A和B外，该倡议还包括C: the bodies a programme brings together
INCLUDES = re.compile(r"(?:还|也|已|目前)?(?:包括|涵盖)了?")
BESIDES = re.compile(r"除(?:了)?(?P<bodies>[^，。；除]{2,60}?)(?:之外|以外|外)，?")
GROUP_REACH = 12  # characters between a group and 其中包括
# 作为艾滋病方案的联合赞助方，…; …是X的成员
MEMBER_OF = re.compile(
    r"(?P<as>作为)?(?P<body>(?:(?!作为)[^，。；]){2,60}?)中?(?P<of>的)?(?:主要|正式|创始|新|常任|非常任)?"
    r"(?:联合赞助方|共同赞助方|成员国?|成员组织|缔约方|秘书处|牵头机构|牵头实体|观察员|共同主席|主席)"
)
COPULAS = ("是", "成为", "担任", "当选为", "当选", "被选为")
SHORT_FORM = re.compile(r"(?:[（(][^）)]{1,12})?[）)]?")  # …方案（艾滋病方案）的联合赞助方
ROLE_JOINERS = ("和", "及", "、", "以及")
MEMBER_WORDS = ("赞助方", "成员", "缔约方", "秘书处", "牵头", "观察员", "主席")
# 参与秘书处间住户调查工作组的工作: taking part in a body's work is membership
IN_THE_WORK_OF = re.compile(r"(?:参与|参加)了?(?P<body>[^，。；]{2,60}?)的(?:工作|活动|审议|讨论)")
# X及其11个共同赞助组织——包括A、B, X的成员国包括A和B: the members listed after the body
MEMBERS_LISTED = re.compile(
    r"(?:的|及其)(?:\d+|[一二三四五六七八九十]+)?个?(?:共同|联合)?"
    r"(?:赞助组织|赞助方|成员组织|成员国|成员)[—－\-，：:\s]*(?:其中)?包括"
)
# X设在阿拉木图，其成员国包括A、B和C: the members of the body the sentence is about
ITS_MEMBERS = re.compile(
    r"其(?:\d+|[一二三四五六七八九十]+)?个?(?:成员国|成员组织|成员)(?:包括|有|为|是)[：:]?"
)
JOINED = re.compile(r"加入(?:了)?")  # 妇女署加入了联合国伙伴门户网站: it became a member
# 世卫组织、开发署和儿基会于2021年设立了…基金: bodies that found a body together are in it
FOUNDED = re.compile(
    r"(?:[也还已]|于\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)*(?:共同|联合)?(?:设立|建立|成立|创建|创立)了?"
)
LISTED = (EntityType.ORGANIZATION, *PLACES)
PARTNER_OF = re.compile(r"是(?P<event>.{2,40}?)的(?:正式|创始|主要)?(?:合作)?伙伴")
JOINTLY = "共同"
FOR = "为"
ADVERBS_BEFORE = re.compile(r"(?:正在|一直|继续|已经|还|也|已|将|均|都)*$")
# …方案(AIRCOP)框架内，: the programme (its short form in brackets) a clause opens under
UNDER = re.compile(rf"{SHORT_FORM_AFTER}(?:的)?(?:框架)?(?:下|内)，")
# 作为全球集装箱管制方案的一部分，巴拿马和厄瓜多尔…: those acting do so as part of it
PART_OF = re.compile(rf"{SHORT_FORM_AFTER}的(?:一部分|组成部分)，")


def participates(sentence: Sentence) -> Iterator[Assertion]:
    events = sentence.of(*EVENTS)
    # 委员会第六十五届会议商定结论: a session named inside another name is still convened
    sessions = [*events, *(m for m in sentence.nested if m.type is EntityType.MEETING)]
    yield from first_per_pair(
        (
            *_conveners(sentence, sessions),
            *_status(sentence),
            *_leading(sentence),
            *_led_groups(sentence),
            *_joined(sentence),
            *_founders(sentence),
            *_contributors(sentence),
            *_composed(sentence),
            *_elected(sentence),
            *_role_in_it(sentence),
            *_hosted_by(sentence, events),
            *_for_group(sentence),
        )
    )
    if not events:
        yield from first_per_pair(_at_meeting(sentence, events))
        yield from first_per_pair(_members(sentence))
        yield from first_per_pair(_takers_part(sentence, events))
        return
    yield from first_per_pair(
        (
            *_at_meeting(sentence, events),
            *_held_by(sentence, events),
            *_members(sentence),
            *_organisers(sentence, events),
            *_takers_part(sentence, events),
            *_listed_takers(sentence, events),
            *_speakers_listed(sentence, events),
            *_from_list(sentence, events),
            *_cooperating(sentence, events),
            *_partners_of(sentence, events),
            *_acting_under(sentence, events),
        )
    )


# 阿塞拜疆代表不结盟运动提交的工作文件, 古巴代表77国集团发言: a State acting for its group
FOR_GROUP = re.compile(
    r"(?:也|还)?(?:代表|以)(?P<group>[^，。；：]{2,40}?)(?:的名义)?(?:提交|提出|发言|介绍)"
)


def _for_group(sentence: Sentence) -> Iterator[Assertion]:
    """A State that submits or speaks for a group of States or a movement is in it."""
    text = sentence.text
    for state in sentence.of(EntityType.COUNTRY):
        acting = FOR_GROUP.match(text, state.end)
        if acting is None:
            continue
        for group in sentence.inside(acting, "group", EntityType.ORGANIZATION):
            yield assertion(
                sentence, state, Predicate.PARTICIPATES_IN, group, "participates:for-group", 0.75
            )


def _conveners(sentence: Sentence, events) -> Iterator[Assertion]:
    """A body takes part in its own sessions and meetings, named by it
    (科学和技术促进发展委员会第二十六届会议, 理事会2023年届会)."""
    text = sentence.text
    for meeting in (e for e in events if e.type is EntityType.MEETING):
        bodies = [
            m for m in sentence.nested
            if m.type is EntityType.ORGANIZATION and meeting.start <= m.start < m.end < meeting.end
            and m.key != UN_KEY  # 联合国可持续发展大会: the UN prefix convenes nothing
            and (
                ORDINAL_ONLY.fullmatch(text, meeting.start, m.start)  # 第十二届联合国…大会
                or MEETING_HEAD.fullmatch(text, m.end, meeting.end)  # …西非经共体部长级会议
            )
        ]  # fmt: skip
        if bodies:
            yield assertion(
                sentence, bodies[0], Predicate.PARTICIPATES_IN, meeting, "participates:convener",
                0.8,
            )  # fmt: skip
        elif meeting.related:
            # 其第三届会议: the convener is the body the text was talking about
            yield assertion(
                sentence, meeting.related, Predicate.PARTICIPATES_IN, meeting,
                "participates:convener+anaphora", 0.65,
            )  # fmt: skip


def _members(sentence: Sentence) -> Iterator[Assertion]:
    """Members of a group or body:
    * 主要捐助方集团…，其中包括澳大利亚、加拿大…: the list after the group;
    * 主要捐助方集团¹⁴: the countries of the footnote cited right after the group;
    * 作为艾滋病方案的联合赞助方，毒品和犯罪问题办公室…; A是X的成员.
    """
    text = sentence.text
    groups = [g for g in sentence.of(EntityType.ORGANIZATION) if g.text.endswith(GROUP_HEADS)]
    for group in groups:
        for word in INCLUDED:
            position = text.find(word, group.end, sentence.end)
            if position < 0 or position - group.end > GROUP_REACH:
                continue
            for member in sentence.enumeration_after(position + len(word), *ACTORS):
                yield assertion(
                    sentence, member, Predicate.PARTICIPATES_IN, group, "participates:member", 0.75
                )
            break
    for programme in sentence.of(EntityType.PROGRAMME):
        # 启动了无烟草农场倡议，由世卫组织牵头，合作伙伴包括粮农组织、粮食署…: its partners
        position = first_free_trigger(sentence, PARTNERS_INCLUDE, programme.end, sentence.end)
        if position < 0:
            continue
        word = next(w for w in PARTNERS_INCLUDE if text.startswith(w, position))
        for member in sentence.enumeration_after(position + len(word), *ACTORS):
            yield assertion(
                sentence, member, Predicate.PARTICIPATES_IN, programme, "participates:partners",
                0.7,
            )  # fmt: skip
    yield from _included(sentence)
    yield from _membership(sentence)
    for body in sentence.of(EntityType.ORGANIZATION):
        listed = MEMBERS_LISTED.match(text, body.end)
        for member in sentence.enumeration_after(listed.end(), *ACTORS) if listed else ():
            # 艾滋病署及其11个共同赞助组织——包括难民署、儿基会…: the body's members
            yield assertion(
                sentence, member, Predicate.PARTICIPATES_IN, body, "participates:members-listed",
                0.75,
            )  # fmt: skip
    for listed in ITS_MEMBERS.finditer(text, sentence.start, sentence.end):
        body = sentence.subject(EntityType.ORGANIZATION, EntityType.PROGRAMME)
        if body is None or body.end > listed.start():
            continue
        for member in sentence.enumeration_after(listed.end(), *ACTORS):
            yield assertion(
                sentence, member, Predicate.PARTICIPATES_IN, body, "participates:its-members",
                0.7,
            )  # fmt: skip
    for position, countries in sentence.cited_lists:
        for group in (g for g in groups if g.end == position):
            for country in countries:  # 主要捐助方集团¹⁴: the footnote lists the members
                yield assertion(
                    sentence, country, Predicate.PARTICIPATES_IN, group,
                    "participates:member-footnote", 0.75,
                )  # fmt: skip
    for match in IN_THE_WORK_OF.finditer(text, sentence.start, sentence.end):
        bodies = sentence.inside(match, "body", EntityType.ORGANIZATION)
        if not bodies or bodies[0].start != match.start("body"):
            continue  # the body opens what is taken part in
        clause_start, _ = sentence.clause_of(match.start())
        takers = [
            m for m in sentence.of(*ACTORS) if clause_start <= m.start and m.end <= match.start()
        ]
        for taker in takers:
            if taker.key != bodies[0].key:
                yield assertion(
                    sentence, taker, Predicate.PARTICIPATES_IN, bodies[0], "participates:work-of",
                    0.75,
                )  # fmt: skip
    value = text[sentence.start : sentence.end]
    if not any(word in value for word in MEMBER_WORDS):
        return
    previous = None
    for match in MEMBER_OF.finditer(text, sentence.start, sentence.end):
        # 作为A的成员和B的牵头机构，妇女署…: the second role is still the subject's
        listed_role = (
            previous is not None
            and previous.group("as") is not None
            and text.startswith(ROLE_JOINERS, match.start())
            and match.start() == previous.end()
        )
        if not listed_role:
            previous = match
        bodies = sentence.inside(match, "body", EntityType.ORGANIZATION, EntityType.PROGRAMME)
        if not bodies:
            continue
        copular = any(word in match.group("body") for word in COPULAS)
        if not copular and not SHORT_FORM.fullmatch(text, bodies[-1].end, match.end("body")):
            continue  # 扩大了土著妇女平台的成员: the members of an unnamed platform
        if match.group("of") is None and not (copular and bodies[-1].end == match.end("body")):
            continue  # 理事会成员国: members of the council named bare, after no 是/当选为
        body = bodies[-1]
        if match.group("as") or listed_role:
            opening = previous.start("as")  # the 作为 that opens this role or its list
            before = [
                m for m in sentence.of(*ACTORS)
                if m.end <= opening and "，" not in text[m.end : opening]
            ]  # fmt: skip
            # 妇女署作为…的秘书处: the subject before 作为; 作为…的成员，妇女署: after it
            members = before[-1:] or [m for m in sentence.of(*ACTORS) if m.start >= match.end()][:1]
        else:
            # A是X（以及Y）的成员, A成为X的成员: X is the first body after 是/成为
            copula = max(text.rfind(word, match.start(), bodies[-1].start) for word in COPULAS)
            if copula >= 0:
                body = next(b for b in bodies if b.start > copula)
                if body.key == UN_KEY and not text.startswith("的", body.end):
                    continue  # 是联合国国家工作队的成员: a UN team, not the UN itself
                members = [m for m in sentence.of(*ACTORS) if m.end <= copula][-1:]
            else:
                members = [m for m in sentence.of(*ACTORS) if m.end <= match.start()][-1:]
        for member in members:
            yield assertion(
                sentence,
                member,
                Predicate.PARTICIPATES_IN,
                body,
                "participates:member-of",
                0.75,
            )


def _joined(sentence: Sentence) -> Iterator[Assertion]:
    """A加入(了)B: the subject became a member of the body, group or network named right
    after the verb (妇女署最近作为成员加入机构间常设委员会)."""
    subject = sentence.subject(*ACTORS)
    if subject is None:
        return
    for match in JOINED.finditer(sentence.text, subject.end, sentence.end):
        joined = next((m for m in sentence.mentions if m.start == match.end()), None)
        if joined is not None and joined.type in (EntityType.ORGANIZATION, EntityType.PROGRAMME):
            if joined.key != subject.key:
                yield assertion(
                    sentence, subject, Predicate.PARTICIPATES_IN, joined, "participates:joined",
                    0.7,
                )  # fmt: skip


def _founders(sentence: Sentence) -> Iterator[Assertion]:
    """A、B和C(于2021年)(共同)设立了D: the bodies that found a body together take part in
    it; one body setting up another (大会设立了委员会) makes no member of it."""
    subject = sentence.subject(*ACTORS)
    if subject is None:
        return
    founders = [subject, *sentence.co_actors(subject)]
    match = FOUNDED.match(sentence.text, founders[-1].end)
    if match is None or (len(founders) < 2 and JOINTLY not in match.group()):
        return
    founded = next((m for m in sentence.mentions if m.start == match.end()), None)
    if founded is not None and founded.type is EntityType.ORGANIZATION:
        for founder in founders:
            yield assertion(
                sentence, founder, Predicate.PARTICIPATES_IN, founded, "participates:founded",
                0.7,
            )  # fmt: skip


def _organisers(sentence: Sentence, events) -> Iterator[Assertion]:
    """The subject that holds or organises a meeting (举办了…讲习班) takes part in it."""
    subject = sentence.subject(*ACTORS)
    if subject is None:
        return
    text = sentence.text
    actors = [subject, *sentence.co_actors(subject)]
    for meeting in (e for e in events if e.type is EntityType.MEETING and e.start > subject.end):
        clause_start, _ = sentence.clause_of(meeting.start)
        lead = text[max(actors[-1].end, clause_start - 30) : meeting.start]
        if any(word in lead for word in triggers("organise")):
            for actor in actors:
                yield assertion(
                    sentence,
                    actor,
                    Predicate.PARTICIPATES_IN,
                    meeting,
                    "participates:organiser",
                    0.75,
                )


# 参加了…工作队: a group of bodies one takes part in, as in a meeting
JOINED_GROUP_HEADS = ("工作队", "工作组", "小组", "网络", "联盟", "伙伴关系", "论坛")


def _takers_part(sentence: Sentence, events) -> Iterator[Assertion]:
    text = sentence.text
    groups = [
        m for m in sentence.of(EntityType.ORGANIZATION) if m.text.endswith(JOINED_GROUP_HEADS)
    ]
    for word in triggers("participate"):
        for position in occurrences(text, word, sentence.start, sentence.end):
            verb_end = position + len(word)
            joined = [
                g for g in groups if verb_end <= g.start <= verb_end + len("了")
            ]  # 参加了X工作队: right after the verb
            after = sorted(
                [*(e for e in events if e.start >= position), *joined], key=lambda m: m.start
            )
            # 联合国系统实体出席了会议: the UN's parts attend, not the UN itself
            before = [m for m in sentence.of(*ACTORS) if m.end <= position and m.key != UN_KEY]
            if after and before:
                clause_start, _ = sentence.clause_of(position)
                takers = [m for m in before if m.start >= clause_start] or [sentence.subject()]
                for taker in takers:
                    if taker is not None:
                        yield assertion(
                            sentence,
                            taker,
                            Predicate.PARTICIPATES_IN,
                            after[0],
                            "participates:verb",
                            0.8,
                        )


# 58个国家参加了X，其中包括A和B: the takers listed after what they take part in
# (or after a colon: 下列成员国的代表出席了会议：A、B和C)
TAKERS_AFTER = re.compile(r"(?:的工作|的活动)?(?:，(?:其中)?包括|[：:])")
# 出席X的有A、B和C: the takers listed after 的有
TAKERS_ARE = re.compile(r"的(?:代表)?(?:有|包括)")


# 下列会员国的代表在会议上发了言：A、B和C: the speakers listed after the colon
SPOKE_LISTED = re.compile(r"(?:作了?发言|发了?言)[：:]")


def _speakers_listed(sentence: Sentence, events) -> Iterator[Assertion]:
    """The States and bodies listed as speakers at the meeting the sentence names (or
    points back to) before the colon take part in it."""
    text = sentence.text
    for match in SPOKE_LISTED.finditer(text, sentence.start, sentence.end):
        meetings = [e for e in events if e.type is EntityType.MEETING and e.end <= match.start()]
        if not meetings:
            continue
        for speaker in sentence.enumeration_after(match.end(), *ACTORS):
            yield assertion(
                sentence, speaker, Predicate.PARTICIPATES_IN, meetings[-1],
                "participates:speakers-listed", 0.75,
            )  # fmt: skip


def _listed_takers(sentence: Sentence, events) -> Iterator[Assertion]:
    """Takers listed after the meeting or programme they take part in: 参加了X，其中包括A和B;
    出席X的有A、B和C."""
    text = sentence.text
    for word in triggers("participate"):
        for position in occurrences(text, word, sentence.start, sentence.end):
            lead = position + len(word)
            lead += text.startswith("了", lead)
            event = next((e for e in events if e.start == lead), None)
            if event is None:
                continue
            listed = TAKERS_AFTER.match(text, event.end) or TAKERS_ARE.match(text, event.end)
            if listed is None:
                continue
            for member in sentence.enumeration_after(listed.end(), *ACTORS):
                yield assertion(
                    sentence, member, Predicate.PARTICIPATES_IN, event, "participates:listed",
                    0.75,
                )  # fmt: skip


MONEY_BEFORE = re.compile(r"(?:资金|经费|供资|资助|捐款)(?:主要|全部|部分)?$")


def _from_list(sentence: Sentence, events) -> Iterator[Assertion]:
    text = sentence.text
    position = text.find("来自", sentence.start, sentence.end)
    while position >= 0:
        # 来自东非和埃及、法国…: a region may open the list, but only actors take part
        listed = sentence.enumeration_after(position + 2, *LISTED)
        members = [m for m in listed if m.type in ACTORS]
        if MONEY_BEFORE.search(text, max(sentence.start, position - 6), position):
            members = []  # 方案的资金来自日本政府: the money comes from it, no one takes part
        if members:
            event = _nearest(events, position)
            for member in members:
                yield assertion(
                    sentence,
                    member,
                    Predicate.PARTICIPATES_IN,
                    event,
                    "participates:from-list",
                    0.75,
                )
        position = text.find("来自", position + 2, sentence.end)


def _cooperating(sentence: Sentence, events) -> Iterator[Assertion]:
    text = sentence.text
    for companion in ("与", "同"):
        position = text.find(companion, sentence.start, sentence.end)
        while position >= 0:
            members = sentence.enumeration_after(position + 1, EntityType.COUNTRY)
            if members:
                programmes = [
                    e
                    for e in events
                    if e.type is EntityType.PROGRAMME and e.start > members[-1].end
                ]
                if (
                    programmes
                    and first_free_trigger(
                        sentence, triggers("implement"), members[-1].end, programmes[0].start
                    )
                    >= 0
                ):
                    for member in members:
                        yield assertion(
                            sentence,
                            member,
                            Predicate.PARTICIPATES_IN,
                            programmes[0],
                            "participates:cooperating",
                            0.75,
                        )
            position = text.find(companion, position + 1, sentence.end)


def _partners_of(sentence: Sentence, events) -> Iterator[Assertion]:
    """毒品和犯罪问题办公室是人居署加强城市安全方案的正式合作伙伴."""
    subject = sentence.subject(*ACTORS)
    if subject is None:
        return
    for match in PARTNER_OF.finditer(sentence.text, subject.end, sentence.end):
        for event in events:
            if match.start("event") <= event.start and event.end <= match.end("event"):
                yield assertion(
                    sentence, subject, Predicate.PARTICIPATES_IN, event, "participates:partner", 0.8
                )


def _acting_under(sentence: Sentence, events) -> Iterator[Assertion]:
    """在…集装箱管制方案下，加纳、巴基斯坦和塞内加尔已设立…: the countries act within it;
    so do the bodies a sentence opening 根据X倡议， names, and those that act 作为X的一部分
    (as part of a programme or meeting)."""
    text = sentence.text
    for programme in (e for e in events if e.type is EntityType.PROGRAMME):
        under = UNDER.match(text, programme.end)
        if under is None or "在" not in text[sentence.start : programme.start]:
            continue
        for member in sentence.enumeration_after(under.end(), EntityType.COUNTRY):
            yield assertion(
                sentence, member, Predicate.PARTICIPATES_IN, programme, "participates:under", 0.7
            )
    for programme in (e for e in events if e.type is EntityType.PROGRAMME):
        # 根据欧洲联盟-联合国聚光灯倡议，非洲传统领导人理事会…: acting under the programme
        # (not 根据开发署的X方案，: the body's own programme, read by the possessive)
        opening = text[sentence.start : programme.start]
        if opening not in ACCORDING_TO or not OPENING_COMMA.match(text, programme.end):
            continue
        for member in sentence.enumeration_after(programme.end + 1, *ACTORS):
            yield assertion(
                sentence, member, Predicate.PARTICIPATES_IN, programme,
                "participates:according-to", 0.65,
            )  # fmt: skip
    for event in events:
        part = PART_OF.match(text, event.end)
        clause_start, _ = sentence.clause_of(event.start)
        if (
            part is None
            or not text.startswith(AS, clause_start)
            or "其" in text[clause_start : event.start]
        ):
            continue  # 作为其行动计划的一部分: its own plan, carried out, not joined
        for member in sentence.enumeration_after(part.end(), *ACTORS):
            yield assertion(
                sentence, member, Predicate.PARTICIPATES_IN, event, "participates:part-of", 0.7
            )


def _nearest(events, position: int):
    return min(events, key=lambda e: abs(e.start - position))


# 在…论坛第X届会议上, 在安全理事会、大会…等联合国论坛上: the actor speaks or acts there
AT_END = re.compile(
    r"(?:[（(][^）)]{1,10}[）)])?(?:等|等等)?[^，。；在]{0,8}?(?:上|期间|会上|框架内)"
)
NOT_LED = ("的", "设立", "下", "所", "之")
# 在2022年11月举行的X会议上: the date and verb of the meeting between 在 and its name
OPENING_AT = re.compile(r"(?:[（(][^）)]{1,10}[）)])?(?:上|期间|会上)，")
AT_HELD = re.compile(
    r"在(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:(?:至|和)\d{1,2}日)?(?:于[^，。；于]{2,12}?)?"
    r"(?:举行|召开)的$"
)
HELD_BY = re.compile(
    r"(?:\d{4}年)?(?:\d{1,2}月)?(?:协助|共同|联合|主持)?(?:举办|主办|组织|召集|召开)的"
    r"|(?:的)?主持下(?:举行|召开)?的"
)


def _at_meeting(sentence: Sentence, events) -> Iterator[Assertion]:
    """The subject of a sentence, and the bodies acting with it, act at a meeting, or at
    a body's sessions, it names after 在 (A在B会议上重申…, A在2022年11月举行的B会议上…,
    A在安全理事会、大会等论坛上倡导…): they take part."""
    subject = sentence.subject(*ACTORS)
    if subject is None:
        return
    text = sentence.text
    places = [
        m for m in (*events, *sentence.of(EntityType.ORGANIZATION))
        if m.type is not EntityType.PROGRAMME and m.start > subject.end
        and (
            text[m.start - 1 : m.start] == "在"
            or (m.type is EntityType.MEETING and AT_HELD.search(text, subject.end, m.start))
        )
    ]  # fmt: skip
    # 在第二十八届缔约方大会上，儿基会组织了…, 在2031年3月举行的…会议上，A的代表发了言:
    # the meeting the sentence opens at
    opening = next(
        (
            m for m in events
            if m.type is EntityType.MEETING and text[sentence.start] == "在"
            and m.end <= subject.start
            and (at := OPENING_AT.match(text, m.end))
            and (
                m.start == sentence.start + 1
                # after the meeting's date, only if the subject opens the main clause
                or (AT_HELD.match(text, sentence.start, m.start) and subject.start == at.end())
            )
        ),
        None,
    )  # fmt: skip
    actors = [subject, *sentence.co_actors(subject)]
    if opening is not None:
        for actor in actors:
            yield assertion(
                sentence, actor, Predicate.PARTICIPATES_IN, opening, "participates:at", 0.7
            )
    for first in places:
        if _quoted(text, subject.end, first.start):
            continue  # 世卫组织，“工作队在大会第七十七届会议期间…”: a title
        listed = [first]
        if first.type is EntityType.ORGANIZATION:
            listed = sentence.enumeration_after(first.start, EntityType.ORGANIZATION) or [first]
        end = AT_END.match(text, listed[-1].end, sentence.end)
        if end is None or sentence.clause_of(first.start)[0] > subject.end + 40:
            continue
        if first.type is EntityType.ORGANIZATION and "上" not in end.group():
            continue  # 在安全理事会上 is a forum, 在安全理事会的框架内 a setting
        for item in listed:
            for actor in actors:
                if item.key != actor.key:
                    yield assertion(
                        sentence, actor, Predicate.PARTICIPATES_IN, item, "participates:at", 0.7
                    )


def _quoted(text: str, start: int, position: int) -> bool:
    between = text[start:position]
    return between.count("“") > between.count("”")


def _held_by(sentence: Sentence, events) -> Iterator[Assertion]:
    """A举办的B会议, 在A协助举办的B之后, 在A主持下举行的B, A7月主持召开的B: A organises
    or convenes B."""
    text = sentence.text
    for meeting in (e for e in events if e.type is EntityType.MEETING):
        for actor in sentence.of(*ACTORS):
            if actor.end > meeting.start or meeting.start - actor.end > 12:
                continue
            if HELD_BY.fullmatch(text, actor.end, meeting.start):
                # 由葡萄牙和巴西共同主办的…会议: every host listed
                for host in sentence.enumeration_before(actor.end, *ACTORS) or [actor]:
                    yield assertion(
                        sentence, host, Predicate.PARTICIPATES_IN, meeting,
                        "participates:held-by", 0.75,
                    )  # fmt: skip


def _leading(sentence: Sentence) -> Iterator[Assertion]:
    """A（共同）领导/主持/召集/管理 B、C和D (groups, task forces, alliances, forums): A is in
    them."""
    subject = sentence.subject(*ACTORS)
    if subject is None:
        return
    text = sentence.text
    for word in triggers("lead"):
        for position in occurrences(text, word, subject.end, sentence.end):
            groups = sentence.enumeration_after(
                position + len(word), EntityType.ORGANIZATION, EntityType.MEETING
            )
            if groups and text.startswith(NOT_LED, groups[-1].end):
                groups = []  # 共同领导了X设立的工作队: X's task force, not X
            leaders = [subject]
            if word.startswith(JOINTLY):
                # A与B共同召集了X: both lead it
                adverbs = ADVERBS_BEFORE.search(text, subject.end, position)
                named = sentence.enumeration_before(adverbs.start(), *ACTORS, gap="政府")
                if subject in named:
                    leaders = named
            for group in groups:
                for leader in leaders:
                    if group.key not in (leader.key, UN_KEY):
                        yield assertion(
                            sentence, leader, Predicate.PARTICIPATES_IN, group,
                            "participates:leads", 0.7,
                        )  # fmt: skip


def _led_groups(sentence: Sentence) -> Iterator[Assertion]:
    """由A主持的B和C (networks, groups, secretariats): A is in each of them."""
    for group in sentence.of(EntityType.ORGANIZATION):
        leaders = led_by(sentence, group)
        for member in (
            sentence.enumeration_after(group.start, EntityType.ORGANIZATION) if leaders else ()
        ):
            for leader in leaders:
                if leader.key != member.key:
                    yield assertion(
                        sentence, leader, Predicate.PARTICIPATES_IN, member, "participates:led-by",
                        0.7,
                    )  # fmt: skip


# 妇女署为A、B和C作出了贡献: contributing to bodies' work is taking part in it
CONTRIBUTES = re.compile(
    r"(?:的工作)?(?:作出|做出|提供)了?(?:重要|积极|重大|实质性)?(?:的)?(?:贡献|投入)"
)
# 担任所有主要全球执行机制的秘书处，包括A和B: the bodies it is the secretariat of
SECRETARIAT_OF = re.compile(r"担任[^，。；]{0,30}?秘书处，(?:其中)?包括")


def _contributors(sentence: Sentence) -> Iterator[Assertion]:
    """A为B、C和D作出了贡献; A担任…的秘书处，包括B和C: A takes part in each body."""
    subject = sentence.subject(*ACTORS)
    if subject is None:
        return
    text = sentence.text
    groups = []
    for position in occurrences(text, FOR, subject.end, sentence.end):
        _, clause_end = sentence.clause_of(position)
        given = CONTRIBUTES.search(text, position, clause_end)
        if given is None:
            continue
        # every body named between 为 and the contribution, not an owner (X的工作 is X's)
        listed = [
            m for m in sentence.of(EntityType.ORGANIZATION)
            if position < m.start and m.end <= given.start()
            and (not text.startswith("的", m.end) or m.end == given.start())
        ]  # fmt: skip
        if listed and listed[0].start == position + len(FOR):
            groups += listed
    for match in SECRETARIAT_OF.finditer(text, subject.end, sentence.end):
        groups += sentence.enumeration_after(
            match.end(), EntityType.ORGANIZATION, EntityType.PROGRAMME
        )
    for group in groups:
        if group.key not in (subject.key, UN_KEY):
            yield assertion(
                sentence, subject, Predicate.PARTICIPATES_IN, group, "participates:contributes",
                0.7,
            )  # fmt: skip


# X的成员包括A和B, X的共同赞助方有A、B: the members listed after the group's own word
MEMBERS_ARE = re.compile(
    r"的?(?:现有|正式)?(?:成员|成员国|参加方|参与方|参加国|共同赞助方|共同赞助者|联合赞助方|赞助方)"
    r"(?:目前|现在)?(?:包括|有|为|是|即)[：:]?"
)
# X由A、B和C组成/参加: the members of what the clause names before 由
COMPOSED = done_by("组成|构成|参加|参与")
# 该小组由下列会员国组成：A、B和C: the members listed after the colon
COMPOSED_AS_LISTED = re.compile(r"由(?:下列|以下)(?:\d+个)?[^，。；：:]{0,8}?(?:组成|构成)[：:]")
GROUPS = (EntityType.ORGANIZATION, EntityType.PROGRAMME, EntityType.MEETING)


# 会议由阿富汗和巴基斯坦共同主持: the hosts or chairs of a meeting, named after it
HOSTED_BY = done_by("主持|召集|主办|举办|组织|召开|牵头")


# 会议于…举行，由日本政府主办: the hosts of the sentence's meeting, in a later clause
HOSTED_LATER = re.compile(
    r"，(?:并|均)?由(?P<actors>[^，。；由]{2,80}?)(?:共同|联合)?(?:主办|主持|召集|举办|组织|召开)"
    r"(?![、和及与])"
)
# …，东道国为埃塞俄比亚政府: the host country of the sentence's meeting
HOST_COUNTRY = re.compile(r"东道国(?:为|是)(?P<actors>[^，。；]{2,40})")


# 联合会由联合规划署和人口基金共同召集: the bodies that lead a group, named after it
GROUP_LED_BY = done_by("召集|主持|领导|牵头")


def _hosted_by(sentence: Sentence, events) -> Iterator[Assertion]:
    """X会议由A和B共同主持/主办, X联盟由A和B共同召集: each host or leader takes part;
    so does the host of a meeting the sentence is about, named in a later clause
    (会议于…在京都举行，由日本政府主办; …，东道国为埃塞俄比亚)."""
    groups = [
        (group, GROUP_LED_BY) for group in sentence.of(EntityType.ORGANIZATION)
        if group.key != UN_KEY
    ]  # fmt: skip
    meetings = [(m, HOSTED_BY) for m in events if m.type is EntityType.MEETING]
    for led, pattern in (*meetings, *groups):
        hosted = pattern.match(sentence.text, led.end)
        for host in listed_in(sentence, hosted) if hosted is not None else []:
            yield assertion(
                sentence, host, Predicate.PARTICIPATES_IN, led, "participates:hosted-by", 0.8
            )
    meeting = sentence.subject(EntityType.MEETING)
    if meeting is None or meeting not in events:
        return
    for later in (HOSTED_LATER, HOST_COUNTRY):
        for hosted in later.finditer(sentence.text, meeting.end, sentence.end):
            for host in listed_in(sentence, hosted):
                yield assertion(
                    sentence, host, Predicate.PARTICIPATES_IN, meeting,
                    "participates:hosted-later", 0.75,
                )  # fmt: skip


# 会议选举约旦为主席: the officers a meeting or body elects
ELECTED = re.compile(
    r"选举(?:了)?(?P<officers>[^，。；为]{2,60}?)为(?:其)?(?:主席|副主席|报告员|主席团成员|成员)"
)


def _elected(sentence: Sentence) -> Iterator[Assertion]:
    """X选举A(和B)为主席/副主席/报告员: A takes part in X, the meeting or body electing."""
    for match in ELECTED.finditer(sentence.text, sentence.start, sentence.end):
        elector = sentence.subject(EntityType.MEETING, EntityType.ORGANIZATION)
        if elector is None or elector.end > match.start():
            continue
        for officer in listed_in(sentence, match, "officers"):
            yield assertion(
                sentence, officer, Predicate.PARTICIPATES_IN, elector, "participates:elected",
                0.75,
            )  # fmt: skip


# X…，A担任其秘书处: the role the body right before takes in the one its 其 points back to
ROLE_IN_IT = re.compile(
    r"(?:[还也已将]|目前|一直)?(?:担任|作为|是)其(?:联合)?(?:秘书处|主席|牵头机构|成员)"
)


def _role_in_it(sentence: Sentence) -> Iterator[Assertion]:
    """X有121个成员国，A担任其秘书处: A takes part in X, the last body or programme named
    before A."""
    text = sentence.text
    for actor in sentence.of(*ACTORS):
        if ROLE_IN_IT.match(text, actor.end) is None:
            continue
        before = [
            m for m in sentence.of(EntityType.ORGANIZATION, EntityType.PROGRAMME)
            if m.end <= actor.start and m.key not in (actor.key, UN_KEY)
        ]  # fmt: skip
        for group in before[-1:]:
            yield assertion(
                sentence, actor, Predicate.PARTICIPATES_IN, group, "participates:role-in-it", 0.7
            )


def _composed(sentence: Sentence) -> Iterator[Assertion]:
    """Members listed for a group named just before: X的成员包括A、B和C, 该倡议由A、B和C参加,
    工作队由A和B组成. Each member takes part in X."""
    text = sentence.text
    for group in sentence.of(*GROUPS):
        if group.key == UN_KEY:
            continue
        members = []
        listed = MEMBERS_ARE.match(text, group.end) or COMPOSED_AS_LISTED.match(text, group.end)
        if listed is not None:
            members = sentence.enumeration_after(listed.end(), *ACTORS)
        composed = COMPOSED.match(text, group.end) if listed is None else None
        if composed is not None:
            members = listed_in(sentence, composed)
        for member in members:
            if member.key != group.key:
                yield assertion(
                    sentence, member, Predicate.PARTICIPATES_IN, group, "participates:members",
                    0.75,
                )  # fmt: skip


# 委员会决定给予妇女署正式成员资格: the member the granting body (the subject) admits
GRANTED = re.compile(r"给予(?P<member>[^，。；]{2,40}?)(?:正式|完全)?成员(?:资格|地位)")
# 伊朗伊斯兰共和国在妇女地位委员会…的成员资格: a member's seat in the group
SEAT_IN = re.compile(r"在(?P<group>[^，。；在]{2,60}?)的(?:正式)?成员(?:资格|地位)")


def _membership(sentence: Sentence) -> Iterator[Assertion]:
    """Membership granted or held: X决定给予A成员资格 (A takes part in X, the subject),
    撤销A在X…的成员资格 (A held a seat in X)."""
    text = sentence.text
    if text.find("成员", sentence.start, sentence.end) < 0:
        return
    for match in GRANTED.finditer(text, sentence.start, sentence.end):
        group = sentence.subject(EntityType.ORGANIZATION)
        if group is None or group.end > match.start():
            continue
        for member in sentence.inside(match, "member", *ACTORS):
            yield assertion(
                sentence, member, Predicate.PARTICIPATES_IN, group, "participates:granted", 0.7
            )
    for match in SEAT_IN.finditer(text, sentence.start, sentence.end):
        groups = sentence.inside(match, "group", EntityType.ORGANIZATION)
        members = [m for m in sentence.of(*ACTORS) if m.end == match.start()]
        if groups and groups[0].start == match.start("group"):
            for member in members:
                yield assertion(
                    sentence, member, Predicate.PARTICIPATES_IN, groups[0],
                    "participates:seat", 0.7,
                )  # fmt: skip


def _included(sentence: Sentence) -> Iterator[Assertion]:
    """该倡议还包括A、B和C (除D和E外): the bodies listed are in the programme."""
    text = sentence.text
    for programme in sentence.of(EntityType.PROGRAMME):
        include = INCLUDES.match(text, programme.end)
        if include is None:
            continue
        members = sentence.enumeration_after(include.end(), EntityType.ORGANIZATION)
        besides = BESIDES.search(text, sentence.start, programme.start)
        if members and besides is not None:
            members += sentence.inside(besides, "bodies", EntityType.ORGANIZATION)
        for member in members:
            yield assertion(
                sentence, member, Predicate.PARTICIPATES_IN, programme, "participates:included",
                0.7,
            )  # fmt: skip


def _status(sentence: Sentence) -> Iterator[Assertion]:
    """Bodies with consultative or observer status with a council (具有经济及社会理事会
    咨商地位的“X”, X…滥用其在理事会的咨商地位): they take part in its work. The holders
    are the named bodies of the sentence that are quoted or called 非政府组织."""
    text = sentence.text
    for word in triggers("status"):
        for position in occurrences(text, word, sentence.start, sentence.end):
            councils = [
                m for m in sentence.of(EntityType.ORGANIZATION)
                if m.end <= position and position - m.end <= 1
            ]  # fmt: skip
            for council in councils[-1:]:
                for holder in sentence.of(EntityType.ORGANIZATION):
                    if holder.key not in (council.key, UN_KEY) and _named_ngo(text, holder):
                        yield assertion(
                            sentence, holder, Predicate.PARTICIPATES_IN, council,
                            "participates:status", 0.7,
                        )  # fmt: skip


def _named_ngo(text: str, mention) -> bool:
    """“联合国观察组织”, 名为X的非政府组织: a body named as an NGO."""
    quoted = text[mention.start - 1 : mention.start] == "“" and text.startswith("”", mention.end)
    return quoted or text.startswith(("的非政府组织", "非政府组织"), mention.end)
