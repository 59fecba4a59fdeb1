"""implements and targets: who runs a programme, and where it is aimed.

implements: the subject, an implement word (实施, 启动, 支持, 资助 …), then the
programme, in one clause; or the body right before its programme
(毒品和犯罪问题办公室的打击绑架方案); or the bodies a programme is said to
be run by or with (X由A和B共同实施, 与A和B共同实施的X); or the subject that acts through it
(通过X向…提供) or within it (在X框架内，A…).
targets: a place in the programme's or meeting's own name (加勒比区域方案); or
在/为/向/针对 a place in the clause of the programme.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.nlp.gazetteer import UN_KEY, load_gazetteer
from kg.nlp.model import EntityType
from kg.nlp.words import starts_word
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import (
    HELP_KIND,
    SHORT_FORM_AFTER,
    assertion,
    done_by,
    first_free_trigger,
    led_by,
    listed_in,
    occurrences,
)
from kg.relations.rules.participation import UNDER
from kg.relations.sentence import ACTORS, CLAUSE_END, MEMBER_STATES, PLACES, Sentence, triggers
from kg.text import SETTING

POSSESSIVE = re.compile(r"的?")
ITS = re.compile(r"其[“”]?$")
OPENING_QUOTE = "“"
AIMED = ("为", "向", "针对", "面向", "对")
# …方案框架内, …举措框架下: the work the sentence describes is done within the programme.
FRAMEWORK = re.compile(r"的?(?:框架内|框架下|框架中|范围内)|下(?=[，开向为与在设提举支协])")
FRAME_OPENING = ("在", "在其")  # 在X框架内，…: the frame a sentence opens with
# 继续在一些国家开展，其中包括孟加拉国、海地…: the places a programme works in.
INCLUDING = ("其中包括", "包括")
# Words before a place that an actor works in or for (在X开展, 向X提供, 协助X).
PLACE_MARKERS = (
    "在", "向", "为", "协助", "帮助", "支持", "支助", "援助", "针对", "面向", "惠及",
    "覆盖", "涵盖", "扩大到", "扩展到", "推广到", "扩大至", "推广至", "延伸至",  # its reach
)  # fmt: skip
SEATED_MARKERS = ("设在", "位于", "驻在")
# 在维也纳举行: the place is a venue, not a target
VENUE_AFTER = re.compile(r"[\d年月日至\-—～于到、和及初底中下上旬期间\s]{0,24}(?:举行|召开|举办)")
SET_UP_AFTER = re.compile(r"(?:建立|设立|成立|开设)了?(?:一个|一所|一家)?")
FOR = ("为",)
OF = "的"
HELPED_BY = re.compile(
    rf"在(?P<body>[^，。；在]{{2,30}}?)的{HELP_KIND}(?:协助|帮助|支持|支助|援助)下"
)
# …都从中央应急基金获得了1000多万美元: the fund the money came from is the actor
GIVEN_FROM = re.compile(r"从(?P<body>[^，。；从]{2,30}?)(?:那里)?(?:获得|得到|收到|获取)")
# 通过…的NCD2030方案提供了这种支持: with no body as the subject, the programme the
# sentence opens with as its means is what acts
MEANS_OPENING = re.compile(
    r"(?:[\d\-—至年月日]{2,20}，)?通过(?P<means>[^，。；]{2,60}?)"
    r"(?:提供|开展|实施|向|为|支持|协助|帮助)"
)


# 开发署(共同)实施的X方案: the bodies right before run the programme
RUN_RELATIVE = re.compile(r"(?:共同|联合)?(?:实施|执行|管理|运作|开展|发起|推出|启动)的$")
PLACE_LEADS = ("在", "于")
ONES_OWN = re.compile(
    r"(?:仍然|仍|也|还|已)?(?:是|为)(?P<owner>[^，。；是]{2,30}?)的(?:一个|一项)?"
    r"(?:旗舰|主要|核心|重点|首要)?(?:方案|项目|倡议|举措)"
)
BA = re.compile(r"(?:还|也|已|正在|继续|进一步)*将")  # 将 before the programme it acts on
# X是Y的执行机构, 作为Y的执行伙伴，X…: the body that carries the programme out, by its role
RUNNER_ROLE = re.compile(
    r"的(?:主要|共同|联合)?(?:执行机构|执行伙伴|执行实体|实施机构|实施伙伴|牵头执行机构)"
)
# 启动了联合国道路安全基金支持的项目: a fund that backs what is carried out, not carried out
FUNDER_OF_NEXT = re.compile(r"(?:所)?(?:支持|支助|资助|供资|赞助)的")


def implements(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    subject = sentence.subject(*ACTORS)
    words = triggers("implement")
    for programme in sentence.of(EntityType.PROGRAMME):
        relative = RUN_RELATIVE.search(
            text, max(sentence.start, programme.start - 8), programme.start
        )
        runners = sentence.enumeration_before(relative.start(), *ACTORS) if relative else []
        if (
            runners
            and runners[0].type is EntityType.COUNTRY
            and text.endswith(PLACE_LEADS, 0, runners[0].start)
        ):
            runners = []  # 在巴基斯坦和乌干达启动的“游戏项目”: where it started, not who
        for runner in runners:
            # 在开发署实施的全球治理方案下: the bodies the relative clause says run it
            if runner.key != UN_KEY:
                yield assertion(
                    sentence, runner, Predicate.IMPLEMENTS, programme, "implements:relative", 0.75
                )
        kind_of = ONES_OWN.match(text, programme.end)
        for owner in sentence.of(*ACTORS) if kind_of else ():
            if owner.end == kind_of.end("owner") and owner.key != UN_KEY:
                # 全球治理方案是开发署的旗舰方案: the body's own programme, said so
                yield assertion(
                    sentence, owner, Predicate.IMPLEMENTS, programme, "implements:ones-own", 0.75
                )
        role = RUNNER_ROLE.match(text, programme.end)
        for runner in _in_role(sentence, programme, role) if role else ():
            # 毒品和犯罪问题办公室是X的执行机构, 作为X的执行伙伴，世界海关组织…
            yield assertion(
                sentence, runner, Predicate.IMPLEMENTS, programme, "implements:role", 0.75
            )
        for leader in led_by(sentence, programme):
            # 由妇女署召集的“平等的一代”, 由世卫组织牵头的全球SAFER倡议: the body runs it
            yield assertion(
                sentence, leader, Predicate.IMPLEMENTS, programme, "implements:led-by", 0.8
            )
        # 其西非区域方案和萨赫勒方案, 办公室的A方案和B方案: what owns the list owns each
        listed = sentence.enumeration_before(programme.end, EntityType.PROGRAMME)
        first = listed[0].start if listed else programme.start
        # 国际劳工组织的“更好的工作”方案: the quoted name is the programme's, its quote not
        opening = first - text.endswith(OPENING_QUOTE, 0, first)
        owners = [
            owner
            for owner in sentence.enumeration_before(opening, EntityType.ORGANIZATION, gap="的")
            if owner.key != UN_KEY
        ]
        for owner in owners:
            # 毒品和犯罪问题办公室与世界海关组织的集装箱管制方案: the bodies' own programme
            yield assertion(
                sentence, owner, Predicate.IMPLEMENTS, programme, "implements:possessive", 0.85
            )
        if subject is not None and ITS.search(text, sentence.start, first):
            yield assertion(
                sentence, subject, Predicate.IMPLEMENTS, programme, "implements:its", 0.8
            )
            continue
        clause_start, _ = sentence.clause_of(programme.start)
        launched = first_free_trigger(sentence, words, clause_start, programme.start) >= 0
        for body in sentence.nested if launched else ():
            if (
                body.type is EntityType.ORGANIZATION
                and body.start == programme.start
                and body.key != UN_KEY  # 联合国可持续发展合作框架: the UN names, runs nothing
            ):
                # 推出世卫组织精神卫生差距行动规划: the body a launched programme is named after
                # (named alone, 投资于儿基会气候行动计划, it only owns it)
                yield assertion(
                    sentence, body, Predicate.IMPLEMENTS, programme, "implements:name", 0.8
                )
        acting = _clause_subject(sentence, programme) or subject
        if (
            acting is not None
            and acting.end <= programme.start
            and acting not in owners
            and not FUNDER_OF_NEXT.match(text, programme.end)  # 启动了X基金支持的项目
        ):
            actors = [acting, *sentence.co_actors(acting)]
            clause_start, _ = sentence.clause_of(programme.start)
            lead_start = max(actors[-1].end, clause_start)
            disposed = BA.fullmatch(text, actors[-1].end, programme.start) and text.startswith(
                words, programme.end
            )  # 开发署还将全球治理方案推广到另外5个国家: the programme, then what is done to it
            if disposed or first_free_trigger(sentence, words, lead_start, programme.start) >= 0:
                for actor in actors:
                    yield assertion(
                        sentence, actor, Predicate.IMPLEMENTS, programme, "implements:verb", 0.75
                    )
                continue
            framework = FRAMEWORK.match(text, programme.end)
            if framework and text.rfind("在", sentence.start, programme.start) >= acting.end:
                # 提供了…包括在反腐败指导方案框架内的技术援助: work done within the programme
                kind = (
                    Predicate.IMPLEMENTS
                    if acting.type is EntityType.ORGANIZATION
                    else Predicate.PARTICIPATES_IN
                )
                yield assertion(sentence, acting, kind, programme, "implements:framework", 0.7)
                continue
        if subject is not None and (
            (subject.end <= programme.start and _through(sentence, programme))
            or (subject.start > programme.end and _through_opening(sentence, programme))
        ):
            # 儿基会通过该基金向31个国家提供了资金: the body acts through its programme
            for actor in [subject, *sentence.co_actors(subject)]:
                yield assertion(
                    sentence, actor, Predicate.IMPLEMENTS, programme, "implements:through", 0.7
                )
        for actor in _working_under(sentence, programme):
            # 在航空通信项目框架内，毒品和犯罪问题办公室与…一道设立了…: work done within it
            yield assertion(
                sentence, actor, Predicate.IMPLEMENTS, programme, "implements:framework", 0.7
            )
        reach = max(sentence.start, programme.start - CO_RUN_REACH)
        co_run = (
            CO_RUN.search(text, reach, programme.start)
            if JOINT_WORDS.search(text, max(reach, programme.start - 8), programme.start)
            else None
        )
        for actor in listed_in(sentence, co_run) if co_run is not None else []:
            # 通过与粮农组织、农发基金和粮食署共同实施的…联合方案: the bodies named run it
            yield assertion(
                sentence, actor, Predicate.IMPLEMENTS, programme, "implements:run-with", 0.75
            )
        run_by = RUN_BY.match(text, programme.end)
        if run_by is not None:
            # 西非海岸倡议由毒品和犯罪问题办公室和刑警组织共同实施: the bodies run it
            for actor in listed_in(sentence, run_by):
                yield assertion(
                    sentence, actor, Predicate.IMPLEMENTS, programme, "implements:run-by", 0.75
                )


def _clause_subject(sentence: Sentence, programme):
    """The actor a later clause opens with, when the programme stands in that clause
    (孟加拉国的难民营收容了…，难民署与国际移民组织共同领导联合应对计划: the agencies
    lead it, not Bangladesh); None where the clause opens otherwise."""
    clause_start, _ = sentence.clause_of(programme.start)
    if clause_start == sentence.start:
        return None
    return next(
        (m for m in sentence.of(*ACTORS) if m.start == clause_start and m.end <= programme.start),
        None,
    )


# 通过(其)X方案向…提供, 通过该基金资助了: the programme is the means of what follows
# (the programme may be a later member of the list: 通过联合国信托基金、聚光灯倡议…)
THROUGH = re.compile(r"通过(?:其|该|这一)?(?:[^，。；向为与对在通]{2,30}?[、和及])*$")
MEANS_OF = re.compile(
    rf"{SHORT_FORM_AFTER}(?:等(?:渠道|途径|方式)?)?(?:向|为|在|对|给|帮助|协助|支持|支助|资助|提供|支付|拨付|开展|实施|加强|促进|推动)"
)


# X由A、B和C共同实施: the programme said, after its name, to be run by the bodies listed
RUN_BY = done_by("实施|执行|管理|牵头|领导|运作|负责|开展|主持|协调|发起")


# 与A、B和C共同实施的X方案: the bodies a programme is run with, named before it
CO_RUN = re.compile(
    r"(?:与|同)(?P<actors>[^，。；与同]{2,100}?)(?:共同|联合|一道|一起)"
    r"(?:实施|执行|开展|管理|运作|推出|发起)的“?$"
)
CO_RUN_REACH = 110  # characters before the programme where the list may start
JOINT_WORDS = re.compile(r"共同|联合|一道|一起")  # a cheap test before CO_RUN is sought


def _working_under(sentence: Sentence, programme) -> list:
    """The bodies a sentence that opens 在X框架内， (在X下，) names first as acting, with those
    acting with them: they work within the programme X."""
    text = sentence.text
    under = UNDER.match(text, programme.end)
    if under is None or not text[sentence.start : programme.start].endswith(FRAME_OPENING):
        return []
    bodies = sentence.enumeration_after(under.end(), EntityType.ORGANIZATION)
    if not bodies:
        return []
    acting = [*bodies, *sentence.co_actors(bodies[-1])]
    return [m for m in acting if m.type is EntityType.ORGANIZATION and m.key != UN_KEY]


# 通过X方案(（ACRONYM）)，儿基会…: the sentence opens with the programme as its means
THROUGH_OPENING = re.compile(rf"{SHORT_FORM_AFTER}(?:的支持|的帮助)?，")


def _through_opening(sentence: Sentence, programme) -> bool:
    """Does the sentence open 通过X(、Y)，…: the programme the subject after it acts through?"""
    text = sentence.text
    if not text.startswith("通过", sentence.start):
        return False
    start, end = _list_span(sentence, programme, EntityType.PROGRAMME)
    return start == sentence.start + 2 and THROUGH_OPENING.match(text, end) is not None


def _through(sentence: Sentence, programme) -> bool:
    """Is ``programme`` (or the list it ends) the means the subject acts by (通过X向…提供)?"""
    text = sentence.text
    clause_start, clause_end = sentence.clause_of(programme.start)
    start, end = _list_span(sentence, programme, EntityType.PROGRAMME, *ACTORS)
    if not THROUGH.search(text[clause_start:start]):
        return False
    if end == clause_end and text.startswith("，", end):
        end += 1  # 通过西非海岸倡议，在科特迪瓦…设立: the comma closes the means
    elif end >= clause_end:
        return False
    return MEANS_OF.match(text, end) is not None


def _list_span(sentence: Sentence, programme, *types: EntityType) -> tuple[int, int]:
    """Where the list of ``types`` that ``programme`` stands in starts and ends."""
    before = sentence.enumeration_before(programme.end, *types)
    after = sentence.enumeration_after(programme.start, *types)
    return (
        before[0].start if before else programme.start,
        after[-1].end if after else programme.end,
    )


CARRIED = (EntityType.PROGRAMME, EntityType.INSTRUMENT)
LAUNCH_GAP = 6  # characters between the last place and the verb (最近还, 已经)
LAUNCH_REACH = 20  # between the verb and the programme: 了, a period (2022年至2023年)
NAME_HEADS = ("理事会", "委员会", "局", "主任", "秘书", "机构", "机制", "小组")
ASKED_REACH = 16  # characters between the body asked and the verb of what it is to do
CARRY_REACH = 8  # characters between that verb and the programme or instrument
# 为执行《行动计划》所采取的步骤, 对《行动计划》的执行所作的贡献: a body's part in it
CONTRIBUTION = re.compile(
    r"(?:其)?(?:为(?P<verb>执行|实施|落实)(?P<object>《[^》]{2,40}》)所"
    r"|(?:对|为支持|为推动|为促进)(?P<done>《[^》]{2,40}》)的(?:执行|实施|落实))"
)  # …为支持《马里和平与和解协议》的执行所作的努力: their part in carrying it out


ACCORDING = re.compile(r"(?:还|也|已|将|一直)?")  # between the actor and 依照


def _in_role(sentence: Sentence, programme, role: re.Match) -> list:
    """Who holds the role named after the programme: the subject before 是/为 (A是X的
    执行机构), or the first actor after 作为X的…，."""
    text = sentence.text
    if text.endswith(("作为", "担任"), sentence.start, programme.start):
        return [m for m in sentence.of(*ACTORS) if m.start >= role.end()][:1]
    copula = max(text.rfind(word, sentence.start, programme.start) for word in ("是", "为"))
    if copula < 0 or CLAUSE_END.search(text, copula, programme.start):
        return []
    return [m for m in sentence.of(*ACTORS) if m.end <= copula][-1:]


def carried_out(sentence: Sentence) -> Iterator[Assertion]:
    """Who carries out a programme or an instrument, read from the genre's frames:
    * asked or helped to: 请/呼吁/敦促/鼓励/协助 X (继续) 执行/落实/实施/修订 Y → X implements Y
      (the asking or helping body supports X when it helps: 协助/支持 X 落实 Y);
    * its part in it: X…为执行Y所采取的步骤, X…其对Y的执行…所作的贡献 → X implements Y;
    * acting under it: X依照/按照《Y》V… → X implements Y."""
    text = sentence.text
    words = triggers("carry-out")
    asked = triggers("ask")
    carried = sentence.of(*CARRIED)
    if not carried:
        return
    for actor in sentence.of(*ACTORS):
        if actor.key == UN_KEY or text.startswith(MEMBER_STATES, actor.end):
            continue
        lead = text[max(sentence.start, actor.start - 3) : actor.start]
        asking = next((w for w in asked if lead.endswith(w)), "")
        if not asking:
            continue
        _, clause_end = sentence.clause_of(actor.end)
        verb = first_free_trigger(
            sentence, words, actor.end, min(clause_end, actor.end + ASKED_REACH)
        )
        if verb < 0 or text.startswith(NAME_HEADS, verb + 2):
            continue  # 协助非洲联盟执行理事会…: 执行 of a body's name, not the act
        for item in carried:
            if verb < item.start <= verb + CARRY_REACH + 2 and item.start < clause_end:
                yield assertion(
                    sentence, actor, Predicate.IMPLEMENTS, item, "implements:asked", 0.7
                )
                helper = sentence.subject(*ACTORS)
                if (
                    asking in ("协助", "帮助", "支持", "支助")
                    and helper
                    and helper.end <= actor.start
                ):
                    yield assertion(
                        sentence, helper, Predicate.SUPPORTS, actor, "support:helps-carry-out", 0.65
                    )
                break
    for actor in sentence.of(*ACTORS):
        lead = ACCORDING.match(text, actor.end)
        if lead is None or not text.startswith(triggers("according-to"), lead.end()):
            continue
        for item in carried:
            if lead.end() < item.start <= lead.end() + 3 and not text.startswith("的", item.end):
                # 联合王国依照《登记公约》登记空间物体: it acts under the text, carries it out
                yield assertion(
                    sentence, actor, Predicate.IMPLEMENTS, item, "implements:according-to", 0.65
                )
    yield from _carrying_out(sentence, carried, words)
    yield from _advancing(sentence, carried)
    yield from _parties(sentence, carried)
    for match in CONTRIBUTION.finditer(text, sentence.start, sentence.end):
        named = "object" if match.group("object") else "done"
        items = [m for m in carried if m.start == match.start(named)]
        clause_start, _ = sentence.clause_of(match.start())
        bodies = [
            m for m in sentence.of(EntityType.ORGANIZATION)
            if clause_start <= m.start and m.end <= match.start() and m.key != UN_KEY
            and not text.startswith(MEMBER_STATES, m.end)
        ]  # fmt: skip
        for item in items:
            for body in bodies:
                yield assertion(
                    sentence, body, Predicate.IMPLEMENTS, item, "implements:contribution", 0.65
                )


# between the subject and its verb: adverbs of time and manner (正在, 继续, 全面, 已)
# (after a cooperation the subject's actors are in: 与X（…）委员会合作，继续执行)
CARRYING = re.compile(
    SHORT_FORM_AFTER + r"(?:[^，。；]{0,16}?(?:合作|协作|一道|一起)，?)?"
    r"(?:[还也已将都均在]|正在|继续|一直|全面|积极|有效|切实|致力于|努力|推动|加紧){0,3}"
)  # 在 as in 艾滋病署在执行《全球艾滋病战略》方面取得的进展
# 推进了《…》的执行: the subject moves the text's execution forward, so carries it out
ADVANCED = re.compile(r"(?:推进|推动|促进|加快|加速)了?")
EXECUTION = ("的执行", "的实施", "的落实")


def _carrying_out(sentence: Sentence, carried, words) -> Iterator[Assertion]:
    """难民署正在落实《难民问题全球契约》: the subject (and those acting with it) carries
    out the instrument its verb takes."""
    subject = sentence.subject(*ACTORS)
    if subject is None or subject.key == UN_KEY:
        return
    text = sentence.text
    actors = [subject, *sentence.co_actors(subject)]
    lead = CARRYING.match(text, actors[-1].end)
    verb = next((w for w in words if text.startswith(w, lead.end())), "")
    if not verb:
        return
    after = lead.end() + len(verb)
    after += text.startswith("了", after)
    for item in carried:
        if item.type is EntityType.INSTRUMENT and item.start == after:
            for actor in actors:
                yield assertion(
                    sentence, actor, Predicate.IMPLEMENTS, item, "implements:carries-out", 0.75
                )


def _advancing(sentence: Sentence, carried) -> Iterator[Assertion]:
    """刚果民主共和国和马拉维…，推进了…商定结论的执行: the subject (and those acting
    with it) carries out what it moves forward."""
    subject = sentence.subject(*ACTORS)
    if subject is None or subject.key == UN_KEY:
        return
    text = sentence.text
    actors = [subject, *sentence.co_actors(subject)]
    for match in ADVANCED.finditer(text, actors[-1].end, sentence.end):
        for item in carried:
            if item.start == match.end() and text.startswith(EXECUTION, item.end):
                for actor in actors:
                    yield assertion(
                        sentence, actor, Predicate.IMPLEMENTS, item, "implements:advances", 0.7
                    )


# 乌克兰是…《公约》及…《议定书》的缔约方, 危地马拉于2002年批准了《公约》: a State bound
PARTY_LEAD = re.compile(r"(?:[也还已都均]|已经|于\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)*")
PARTY_OF = re.compile(r"(?:的)?(?:缔约方|缔约国)(?!会议|大会)")  # not 缔约方会议, a body
RATIFIES = re.compile(r"(?:批准|加入|核准|交存)了?")
BOUND = ("是", "成为")


def _parties(sentence: Sentence, carried) -> Iterator[Assertion]:
    """A State or body that is party to an instrument, or ratifies or accedes to it,
    carries it out: X是《Y》(和《Z》)的缔约方, X批准了《Y》."""
    text = sentence.text
    instruments = [m for m in carried if m.type is EntityType.INSTRUMENT]
    if not instruments:
        return
    for actor in sentence.of(*ACTORS):
        lead = PARTY_LEAD.match(text, actor.end).end()
        _, clause_end = sentence.clause_of(lead)
        if text.startswith(BOUND, lead):
            party = PARTY_OF.search(text, lead, clause_end)
            bound = (
                [m for m in instruments if lead < m.start and m.end <= party.start()]
                if party is not None
                else []
            )  # the instruments listed before 的缔约方
            if party is not None and not bound and party.start() - lead <= len("成为该公约"):
                # 在《水公约》下，乍得和尼日利亚成为缔约方: the text the sentence opened with
                bound = [m for m in instruments if m.end <= actor.start][-1:]
        else:
            verb = RATIFIES.match(text, lead)
            bound = [m for m in instruments if m.start == verb.end()] if verb is not None else []
        # 汤加和图瓦卢加入了《公约》: every State of the list before the verb
        listed = sentence.enumeration_before(actor.end, *ACTORS) if bound else []
        for item in bound:
            for party in listed or [actor]:
                yield assertion(
                    sentence, party, Predicate.IMPLEMENTS, item, "implements:party", 0.75
                )


def targets(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    holders = sentence.of(EntityType.PROGRAMME, EntityType.MEETING)
    subject = sentence.subject(*ACTORS, EntityType.PROGRAMME) if holders else None
    for holder in holders:
        for key in places_in_name(holder.text):
            if key.startswith("city/"):
                continue  # 维也纳论坛, 巴黎公约举措: named after a city, not aimed at it
            yield assertion(sentence, holder, Predicate.TARGETS, key, "targets:name", 0.8)
        if holder.type is not EntityType.PROGRAMME:
            continue
        clause_start, clause_end = sentence.clause_of(holder.start)
        for place in sentence.of(*PLACES):
            if (
                not clause_start <= place.start < clause_end
                or holder.start <= place.start < holder.end
            ):
                continue
            lead = text[max(clause_start, place.start - 3) : place.start]
            if lead.endswith(AIMED):
                members = sentence.enumeration_after(place.start, *PLACES)
                for member in members or [place]:
                    yield assertion(
                        sentence, holder, Predicate.TARGETS, member, "targets:aimed", 0.65
                    )
        if holder == subject:
            yield from _working_in(sentence, holder)
    yield from _actor_places(sentence)
    yield from _field_offices(sentence)
    yield from _topic_places(sentence)
    yield from _set_in(sentence)
    yield from _launched_there(sentence)


SET_IN = re.compile(SETTING)  # 在莫桑比克，儿基会制定了…计划
# 在巴基斯坦、塞拉利昂和乌干达启动的“游戏项目”: what was set going in the places named
LAUNCHED_THERE = re.compile(r"(?:启动|开展|实施|推出|试行|推广)的“?")


def _launched_there(sentence: Sentence) -> Iterator[Assertion]:
    """A programme set going in places, said in a relative clause (在X和Y启动的Z), is
    aimed at them."""
    text = sentence.text
    for place in sentence.of(*PLACES):
        if text[place.start - 1 : place.start] != "在":
            continue
        listed = sentence.enumeration_after(place.start, *PLACES)
        if not listed:
            continue  # 在中国其他地区: the place does not open a list of its own
        verb = LAUNCHED_THERE.match(text, listed[-1].end)
        if verb is None:
            continue
        for programme in sentence.of(EntityType.PROGRAMME):
            if programme.start in (verb.end(), verb.end() - 1):
                for member in listed:
                    yield assertion(
                        sentence, programme, Predicate.TARGETS, member, "targets:launched-there",
                        0.65,
                    )  # fmt: skip


def _set_in(sentence: Sentence) -> Iterator[Assertion]:
    """The programmes a sentence set in one place names (在莫桑比克，儿基会制定了社区
    恢复和复原计划) act there."""
    frame = SET_IN.match(sentence.text, sentence.start)
    if frame is None:
        return
    places = sentence.inside(frame, "place", *PLACES)
    if len(places) != 1 or (places[0].start, places[0].end) != frame.span("place"):
        return
    for programme in sentence.of(EntityType.PROGRAMME):
        if programme.start > frame.end() and not places_in_name(programme.text):
            yield assertion(
                sentence, programme, Predicate.TARGETS, places[0], "targets:set-in", 0.6
            )


def _launched_in(sentence: Sentence, places: list) -> Iterator[Assertion]:
    """在巴基斯坦、萨摩亚…启动了…联合方案: the programme set going in places is aimed at them."""
    if not places:
        return
    last = max(p.end for p in places)
    _, clause_end = sentence.clause_of(last)
    verb = first_free_trigger(sentence, triggers("implement"), last, clause_end)
    if verb < 0 or verb - last > LAUNCH_GAP:
        return
    for programme in sentence.of(EntityType.PROGRAMME):
        if verb < programme.start <= verb + LAUNCH_REACH and programme.start < clause_end:
            for place in places:
                yield assertion(
                    sentence, programme, Predicate.TARGETS, place, "targets:launched-in", 0.6
                )
            break


def _topic_places(sentence: Sentence) -> Iterator[Assertion]:
    """A body named after the place it deals with (海地问题特设咨询小组, 索马里问题
    监测组): the place is its topic, so its target."""
    for body in sentence.of(EntityType.ORGANIZATION):
        if "问题" not in body.text:
            continue
        for key in places_in_name(body.text, body.key):
            entry = load_gazetteer().get(key)
            if entry is not None and any(f"{name}问题" in body.text for name in entry.names):
                yield assertion(sentence, body, Predicate.TARGETS, key, "targets:topic", 0.75)


def _actor_places(sentence: Sentence) -> Iterator[Assertion]:
    """A body acting in or for places: 在X、Y和Z开展了…, 向X提供…, 协助X…, 为非洲国家包括
    埃及…; 在X，儿基会…; 在非洲经委会的协助下，埃塞俄比亚…. The meeting it holds for the
    places (为东南欧和高加索举办了…会议) is aimed at them too. A place where a meeting is
    held is its venue, and one where a body is set up its seat."""
    text = sentence.text
    # a programme or fund that acts itself (儿童气候风险指数在A、B等试点国家推广)
    subject = sentence.subject(EntityType.ORGANIZATION) or sentence.subject(EntityType.PROGRAMME)
    helped = HELPED_BY.search(text, sentence.start, sentence.end)
    actors = []
    if helped is not None:
        actors = sentence.inside(helped, "body", EntityType.ORGANIZATION)
        if subject is not None and subject.start >= helped.end():
            actors += [subject, *sentence.co_actors(subject)]  # 在粮食署的支持下，难民署向X…
    elif subject is not None and not text.startswith("的", subject.end):
        actors = [subject, *sentence.co_actors(subject)]  # 儿基会的合作伙伴 is not the body
    elif subject is not None:
        # 毒品和犯罪问题办公室的全球打击网络犯罪方案协助萨尔瓦多…: the body's programme acts
        actors = [
            m for m in sentence.of(EntityType.PROGRAMME) if m.start == subject.end + 1
        ]  # fmt: skip
    elif subject is None:
        actors = _givers(sentence) or _means(sentence)
    if not actors:
        return
    meetings = sentence.of(EntityType.MEETING)
    places: list = []
    loose: list = []
    served: list = []
    for place in sentence.of(EntityType.COUNTRY, EntityType.REGION):
        if any(a.start <= place.start < a.end for a in actors) or place in places:
            continue
        lead = text[max(sentence.start, place.start - 4) : place.start]
        marked = (
            lead.endswith(PLACE_MARKERS)
            or (lead.endswith(INCLUDING) and _marked_clause(sentence, place.start))
            # 在亚马孙流域的巴西和秘鲁: the countries of a region the act is set in
            or (lead.endswith(OF) and any(p.end == place.start - len(OF) for p in places))
        )
        spanned = not marked and _in_place_span(sentence, place, actors)
        if not (marked or spanned) or lead.endswith(SEATED_MARKERS):
            continue
        if SPONSORED.match(text, place.end) or _among_sponsors(sentence, place):
            continue  # 在大韩民国政府的资助下: the place's government funds, it is not served
        if _venue_or_seat(sentence, place) or DISPLACED_FROM.match(text, place.end):
            continue  # 支持乌克兰残疾难民: the refugees' country, not where the work is done
        listed = sentence.enumeration_after(place.start, EntityType.COUNTRY, EntityType.REGION)
        places.extend(listed or [place])
        if spanned:
            loose.extend(listed or [place])
        if lead.endswith(FOR):
            served.extend(listed or [place])  # 为X和Y举办…会议: aimed at, not held in
            aimed = [m for m in meetings if m.start > place.end]
            for meeting in aimed[:1]:  # 为东南欧和高加索举办了一次…区域会议
                for member in listed or [place]:
                    yield assertion(
                        sentence, meeting, Predicate.TARGETS, member, "targets:for", 0.65
                    )
    if helped is not None:
        places.extend(
            m for m in sentence.of(EntityType.COUNTRY)
            if m.start >= helped.end() and m not in places
        )  # fmt: skip
    yield from _launched_in(sentence, [p for p in places if p not in loose and p not in served])
    # places found by a loose span are the subject's (and of those named with it as one
    # subject), not its partners' (儿基会与开发署合作，为了减少X…: X is 儿基会's business)
    joined = [actors[0], *_joined(sentence, actors[0])] if helped is None else actors
    for place in dict.fromkeys(places):
        if place not in served and _venue_or_seat(sentence, place):
            continue
        for actor in actors if place not in loose else joined:
            yield assertion(sentence, actor, Predicate.TARGETS, place, "targets:actor", 0.6)


def _givers(sentence: Sentence) -> list:
    """在A、B和C，…从X获得了…资金: with no body as the subject, the body or fund the
    money came from acts in the places."""
    given = GIVEN_FROM.search(sentence.text, sentence.start, sentence.end)
    if given is None:
        return []
    return sentence.inside(given, "body", EntityType.ORGANIZATION, EntityType.PROGRAMME)[:1]


def _means(sentence: Sentence) -> list:
    """通过…的X方案提供了支持，向A(B、C)提供援助: the programme the sentence opens with
    as its means, when no body is the subject."""
    means = MEANS_OPENING.match(sentence.text, sentence.start, sentence.end)
    if means is None:
        return []
    found = sentence.inside(means, "means", EntityType.PROGRAMME)
    return found[-1:] if found and found[-1].end == means.end("means") else []


# 在X(政府)的资助下: the sponsor of what the sentence tells, not a place acted in
# 乌克兰残疾难民, 叙利亚籍寻求庇护者: people from the place, helped elsewhere
DISPLACED_FROM = re.compile(r"[^，。；的、和]{0,4}?(?:难民|寻求庇护者|流亡者)")
SPONSORED = re.compile(r"(?:政府)?的(?:慷慨)?(?:财政)?(?:资助|支持|支助|赞助|捐助|协助|帮助)下")


def _among_sponsors(sentence: Sentence, place) -> bool:
    """在挪威、瑞典和欧洲联盟的资助下: a State listed before the last sponsor funds too."""
    listed = sentence.enumeration_after(place.start, *ACTORS)
    return len(listed) > 1 and SPONSORED.match(sentence.text, listed[-1].end) is not None


# 在X举行的…会议上，…: an opening clause that names a venue, not places acted in
VENUE_CLAUSE = re.compile(r"举行|召开|举办|会议|会上|期间|峰会|论坛")
OPENING = re.compile(r"(?:(?:例如|此外|另外|同时|因此|然而|但是|总体而言)，)?(?:\d{4}年，?)?")


def _joined(sentence: Sentence, subject) -> list:
    """The bodies named with the subject as one subject (A和B, A、B), not its partners
    (A与B合作, whose places are A's business)."""
    joined = []
    cursor = subject.end
    for actor in sentence.co_actors(subject):
        if sentence.text[cursor : actor.start].strip("（）()还也已 ") in ("与", "同"):
            break
        joined.append(actor)
        cursor = actor.end
    return joined


def _in_place_span(sentence: Sentence, place, actors) -> bool:
    """A place the actor acts in or for, though no marker stands right before it:
    * in a clause that opens the sentence with 在/为了 before the actor
      (在从X的救灾到Y的冲突应对等背景下，儿基会…; 为了减少X边境地区…的脆弱性，儿基会…);
    * in the actor's own clause after a marker of place or purpose
      (儿基会还为应对X危机、Y干旱和Z战争提供了支持; …，用于解决X和Y的协调差距;
      …，以加强X、Y和Z的抗旱能力)."""
    text = sentence.text
    clause_start, clause_end = sentence.clause_of(place.start)
    if clause_end <= actors[0].start:
        opening = OPENING.match(text, sentence.start, clause_start + 1).end()
        if opening != clause_start and clause_start != sentence.start:
            return False  # a clause before the actor, but not the one opening the sentence
        words = triggers("place-opening")
        return any(text.startswith(w, opening) for w in words) and not VENUE_CLAUSE.search(
            text, opening, clause_end
        )
    if place.start < actors[-1].end or _quoted(text, sentence.start, place.start):
        return False
    low = max(clause_start, actors[-1].end)
    if any(low <= m.start and m.end <= place.start for m in sentence.of(EntityType.ORGANIZATION)):
        return False  # another body stands between: the place is its business
    if VENUE_CLAUSE.search(text, low, place.start):
        return False
    return _chained(sentence, place, low)


MARKER_REACH = 3  # characters between a marker and its place (为应对X, 用于解决X)
LIST_REACH = 10  # characters between two places of one list (X危机、Y干旱)
LIST_JOINER = re.compile(r"[、和及]")
# 非洲(A、B和C), 太平洋国家(D): the countries of a region, listed in brackets after it
BRACKETED_MEMBERS = re.compile(r"(?:国家|各国|地区|区域)?[（(]")
NOT_AT = ("正", "现", "存", "实", "所", "旨", "自", "内")  # 正在, 现在, 旨在: no place marker


def _chained(sentence: Sentence, place, low: int) -> bool:
    """A marker of place or purpose stands a few characters before the place, or before
    an earlier place of the same list."""
    text = sentence.text
    for word in triggers("place-span"):
        position = text.find(word, max(low, place.start - MARKER_REACH - len(word)), place.start)
        while position >= 0:
            if not _other_word(text, position, word):
                return True
            position = text.find(word, position + 1, place.start)
    earlier = [m for m in sentence.of(*PLACES) if low <= m.start and m.end <= place.start]
    if not earlier:
        return False
    gap = text[earlier[-1].end : place.start]
    if BRACKETED_MEMBERS.fullmatch(gap):
        return _chained(sentence, earlier[-1], low)  # 非洲(科特迪瓦…), 太平洋国家(斐济)
    if len(gap) > LIST_REACH or "，" in gap or not LIST_JOINER.search(gap):
        return False
    return _chained(sentence, earlier[-1], low)


def _other_word(text: str, position: int, word: str) -> bool:
    """在 of 正在/旨在, 为 of 因为/作为/为何: part of another word, no marker."""
    before = text[position - 1 : position]
    after = text[position + len(word) : position + len(word) + 1]
    if word == "在":
        return before in NOT_AT
    if word == "为":
        return before in ("因", "作", "认", "成", "行", "称", "视", "以", "更") or after in (
            "何",
            "此",
            "止",
            "主",
            "准",
        )
    return False


def _quoted(text: str, start: int, position: int) -> bool:
    """The position stands inside a quoted title (“药物贩运是对西非…”)."""
    before = text[start:position]
    return before.count("“") > before.count("”")


def _field_offices(sentence: Sentence) -> Iterator[Assertion]:
    """A body's country offices in the places it lists (儿基会国家办事处（A、B和C等）), or
    its office stationed in a place (修订了驻斐济次区域办事处): it works there."""
    text = sentence.text
    for word in triggers("field-office"):
        for position in occurrences(text, word, sentence.start, sentence.end):
            end = position + len(word)
            bodies = [m for m in sentence.of(EntityType.ORGANIZATION) if m.end == position]
            places = []
            if bodies and text.startswith(("（", "("), end):
                places = sentence.enumeration_after(end + 1, EntityType.COUNTRY, EntityType.REGION)
            stationed = [
                m for m in sentence.of(EntityType.COUNTRY, EntityType.REGION, EntityType.CITY)
                if m.end <= position and text[m.start - 1 : m.start] == "驻"
                and len(text[m.end : position]) <= 4
            ]  # fmt: skip
            if stationed and not bodies:
                subject = sentence.subject(EntityType.ORGANIZATION)
                if subject is not None and subject.end < stationed[-1].start:
                    bodies, places = [subject], stationed[-1:]
            for body in bodies:
                for place in places:
                    if place.type is not EntityType.CITY:
                        yield assertion(
                            sentence, body, Predicate.TARGETS, place, "targets:field-office", 0.6
                        )


# 在13个国家开展了…: the places counted, which a list after 包括 then names
COUNTED_PLACES = re.compile(
    r"(?:在|向|为)(?:\d+|[一二三四五六七八九十百几多]+)个(?:国家和地区|国家|地区|会员国)"
)


def _marked_clause(sentence: Sentence, position: int) -> bool:
    """A place marker (为, 在, 向 …) opens the clause before ``position``, or the clause a
    list after 包括 names the members of (在13个国家开展了能力建设，包括A和B)."""
    text = sentence.text
    clause_start, _ = sentence.clause_of(position)
    if any(marker in text[clause_start:position] for marker in PLACE_MARKERS):
        return True
    if clause_start <= sentence.start or not text.startswith(INCLUDING, clause_start):
        return False
    counted_start, _ = sentence.clause_of(clause_start - 2)
    return COUNTED_PLACES.search(text, counted_start, clause_start) is not None


def _venue_or_seat(sentence: Sentence, place) -> bool:
    """在X举行…会议: X is a meeting's venue; 在X建立…学院: a body's seat."""
    text = sentence.text
    venue = VENUE_AFTER.match(text, place.end)
    if venue is not None and any(m.start >= venue.end() for m in sentence.of(EntityType.MEETING)):
        return True
    seat = SET_UP_AFTER.match(text, place.end)
    return seat is not None and any(
        m.start == seat.end() for m in sentence.of(EntityType.ORGANIZATION, EntityType.PROGRAMME)
    )


def _working_in(sentence: Sentence, programme) -> Iterator[Assertion]:
    """A programme that is the sentence's subject works in the countries listed after
    包括 (…举措继续在一些国家开展，其中包括孟加拉国、海地…)."""
    text = sentence.text
    for word in INCLUDING:
        position = text.find(word, programme.end, sentence.end)
        if position < 0:
            continue
        lead = text[programme.end : position]
        if "在" not in lead or not any(verb in lead for verb in triggers("implement")):
            continue
        for member in sentence.enumeration_after(position + len(word), EntityType.COUNTRY):
            yield assertion(
                sentence, programme, Predicate.TARGETS, member, "targets:including", 0.6
            )
        return


SHORT_PLACE = 2  # a place name this short may be part of a word (中国 in 发展中国家)
OWNER_POST = re.compile(r"总统|总理|政府(?!间)")  # 美国总统…计划: the State's own, not aimed at it


TREATY_HEADS = ("公约", "议定书", "协定", "宣言", "条约", "》")  # after a place naming a text


@lru_cache(maxsize=65536)
def places_in_name(name: str, itself: str = "") -> tuple[str, ...]:
    """Keys of the places named inside a name, longest match first, left to right; the
    named entity ``itself`` (its key) and its short forms (西非办) are looked inside.
    Cached: every rule that reads a body's or a programme's name asks again."""
    names = load_gazetteer().names(*PLACES, EntityType.ORGANIZATION)
    found: list[str] = []
    index = 0
    while index < len(name):
        for length in range(min(16, len(name) - index), 1, -1):
            entity = names.get(name[index : index + length])
            if length == len(name) or (entity is not None and entity.key == itself):
                continue  # the name itself (联合国海地稳定特派团): look inside it
            if (
                entity is not None
                and length <= SHORT_PLACE
                and not starts_word(name, index, index + length)
            ):
                continue  # 中国 in 发展中国家: inside a word, no place
            if entity is not None:
                # a body's name inside the name (非洲联盟…会议) is no place it aims at, nor a
                # State named as its owner (美国总统防治艾滋病紧急救援计划)
                if (
                    entity.type is not EntityType.ORGANIZATION
                    and entity.key not in found
                    and not OWNER_POST.match(name, index + length)
                    # 奥胡斯公约缔约方会议, 巴黎协定: the city a treaty is named after
                    and not name.startswith(TREATY_HEADS, index + length)
                ):
                    found.append(entity.key)
                index += length
                break
        else:
            index += 1
    return tuple(found)
