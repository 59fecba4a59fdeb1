"""partnerOf: bodies or countries that cooperate, sign an agreement, or act jointly.

A 与/同 B、C … 合作/协作/签署/共同 …  → A partnerOf B, A partnerOf C.
A 和 B 签署/共同 …                   → A partnerOf B.
Only the members of the enumeration right after 与 are partners, and only if a
cooperation word follows them in the same clause. Countries working with a body
"to implement" a named programme take part in it instead (participation rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from kg.nlp.gazetteer import UN_KEY
from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion, first_free_trigger, first_trigger, occurrences
from kg.relations.sentence import ACTORS, NOT_ITSELF, Sentence, triggers

MEMBERS = ("会员国", "成员国")
COUNTED = re.compile(
    r"(?:\d+|[一二三四五六七八九十百千多数几]+)(?:个|家|所)$"
)  # a class, not a name  # 联合国会员国: the States, not the body
REACH = 40  # how far after the partners (within their clause) the cooperation word may stand
NEAR = 6
BETWEEN = "之间"  # A和B之间的合作: the cooperation of the two
JOINT_COMPANIONS = ("联合", "携手")  # "together with", cooperation said by the word itself
TOPIC = "问题"  # 缅甸问题特别报告员: the place is the topic of a post or body, not a partner
SPAN_REACH = 160  # 与…包括A、B…在内的伙伴合作: a clause of spelt-out partners may run long
JOINT = re.compile(r"的")  # A与B的集装箱管制方案: a programme the two run together
PARTNER_NOUN = re.compile(r"合作(?:伙伴|机构|方)的")  # a noun that owns what follows
UN_PARTS = ("伙伴", "实体", "机构")  # after 联合国: some of its bodies, not the UN itself


def cooperation(sentence: Sentence) -> Iterator[Assertion]:
    subject = sentence.subject()
    covered = sentence.start
    for position, companion in _companions(sentence):
        if position < covered:
            continue  # a conjunction inside an enumeration already read
        members = sentence.enumeration_after(position + len(companion), *ACTORS)
        if companion in ("与", "同", "会同"):
            members = _spanned(sentence, position + len(companion), members)
        members = [m for m in members if not sentence.text.startswith(MEMBERS, m.end)]
        if companion in ("和", "及") and _before_with(sentence, members):
            continue  # A、B和C与D合作: 和 lists the subjects, 与 names the partner
        if members:
            covered = members[-1].end
            yield from _partners(sentence, subject, companion, position, members)


def _spanned(sentence: Sentence, start: int, members: list) -> list:
    """Every body or country between 与 and the cooperation word of its clause, when
    the partners are not one plain enumeration: 与气候行动倡导者、A和B合作 (an unnamed
    partner first), 与“锂三角”国家(即A、B和C)就…开展…合作 (the States spelt out)."""
    text = sentence.text
    _, clause_end = sentence.clause_of(start)
    reach = min(clause_end, start + SPAN_REACH)
    signal = first_free_trigger(sentence, triggers("cooperation"), start, reach)
    if signal < 0:
        return members
    inside = [
        m for m in sentence.of(*ACTORS)
        if start <= m.start and m.end <= signal and m not in members
        # 与联合国的…, 其他实体, 缅甸问题特别报告员 (a topic)
        and not text.startswith(("的", TOPIC, *NOT_ITSELF, *MEMBERS), m.end)
        and text[max(start, m.start - 2) : m.start] not in ("由", "在")
        and not COUNTED.search(text, max(start, m.start - 4), m.start)  # 与60个民间社会组织
    ]  # fmt: skip
    return sorted([*members, *inside], key=lambda m: m.start)


def _companions(sentence: Sentence) -> list[tuple[int, str]]:
    """Every 与/同/和 … in the sentence, in reading order."""
    found = []
    text = sentence.text
    names = [(m.start, m.end) for m in sentence.of(*ACTORS)]
    for word in triggers("companion"):
        for position in occurrences(text, word, sentence.start, sentence.end):
            inside = any(start <= position < end for start, end in names)
            if not (inside or (word == "同" and _not_with(text, position))):
                found.append((position, word))  # 委员会同…: 会同 is no word there
    return sorted(found)


def _before_with(sentence: Sentence, members: list) -> bool:
    """Does 与/同 follow one of ``members`` (A和B与C合作: B is a subject, not a partner)?"""
    return any(
        sentence.text[left.end : right.start].strip("（）() ").endswith(("与", "同"))
        for left, right in pairwise(members)
    )


def _not_with(text: str, position: int) -> bool:
    """同 in 共同, 协同, 不同, 相同, 同时, 同样, 同行, 同年, 同地: not the preposition "with"."""
    return text[position - 1 : position] in ("共", "协", "不", "相", "如", "等") or text.startswith(
        (
            "时",
            "样",
            "期",
            "一",
            "意",
            "等",
            "行",
            "事",
            "伴",
            "胞",
            "类",
            "步",
            "年",
            "日",
            "月",
            "地",
        ),
        position + 1,
    )


def _partners(sentence, subject, companion, position, members) -> Iterator[Assertion]:
    text = sentence.text
    asks, asked = _asks_another(sentence, subject, position)
    if asks:
        if asked is None:
            return  # the unnamed ones asked cooperate, not the body that asks
        subject = asked
    last = members[-1]
    _, clause_end = sentence.clause_of(last.end)
    # A和B…: the verb follows closely, or after 之间 (A和B之间的密切协作)
    between = text.startswith(BETWEEN, last.end)
    reach = REACH if companion not in ("和", "及") or between else NEAR
    signal = (
        position  # 世卫组织联合开发署发起了…, 劳工组织携手移民组织: the word is the cooperation
        if companion in JOINT_COMPANIONS
        else first_free_trigger(
            sentence, triggers("cooperation"), last.end, min(clause_end, last.end + reach)
        )
    )
    if signal > 0 and "的" in text[last.end : signal] and companion in ("和", "及") and not between:
        signal = -1  # 巴勒斯坦国和也门的重大协调差距: a noun, not the two cooperating
    if signal > 0 and PARTNER_NOUN.match(text, signal):
        signal = -1  # 与A、B和其他…合作伙伴的管理层进行讨论: the partners' managers, a noun
    if signal < 0 and not _joint_programme(sentence, last.end, clause_end):
        return
    lefts = [subject] if subject is not None else []
    before = [m for m in sentence.of(*ACTORS) if m.end <= position]
    adjacent = bool(before) and text[before[-1].end : position].strip() in ("", "政府")
    listed = (
        adjacent
        and subject is not None
        and companion not in ("和", "及")
        and sentence.enumeration_before(position, *ACTORS, gap="政府")[:1] == [subject]
    )  # A、B和C与D合作: the subjects listed right before 与 are all D's partners
    if (
        companion in ("和", "及")
        or subject is None
        or subject.start >= position
        or (adjacent and not listed)
    ):
        # A和B签署…: the partner named before the conjunction; 由A牵头并与B合作,
        # 在A的牵头下与B联合实施: the body that leads, just before 与
        gap = text[before[-1].end : position].strip() if before else "，"
        if not before or not (
            gap in ("", "政府") or (companion not in ("和", "及") and _leading_gap(gap))
        ):
            return
        lefts = [before[-1]]
    else:
        # A及B正在与C合作: both act; they are partners of each other too (a body
        # named with 与 before is A's partner, not a second subject)
        lefts = [subject]
        for actor in sentence.co_actors(subject):
            if actor.end > position or text[lefts[-1].end : actor.start].strip("（）() ") in (
                "与",
                "同",
                "还与",
                "也与",
            ):
                break
            lefts.append(actor)
        if listed:
            # 加纳和塞内加尔与开发署合作: every State listed works with the partner
            lefts = sentence.enumeration_before(position, *ACTORS, gap="政府")
        for index, left in enumerate(lefts):
            for right in lefts[index + 1 :]:
                if left.key != right.key and not _both_states(left, right):
                    yield assertion(
                        sentence, left, Predicate.PARTNER_OF, right, "partner:co-subjects", 0.75
                    )
    confidence = 0.9 if companion in ("与", "同", "会同") else 0.75
    for left in lefts:
        for member in members:
            if member.key == UN_KEY and text.startswith(UN_PARTS, member.end):
                continue  # 与联合国伙伴机构一道, 其他联合国实体: bodies of the UN, unnamed
            if member.key != left.key:
                yield assertion(
                    sentence, left, Predicate.PARTNER_OF, member, f"partner:{companion}…合作",
                    confidence,
                )  # fmt: skip


def _asks_another(sentence: Sentence, subject, position: int) -> tuple[bool, object]:
    """大会请毒品和犯罪问题办公室继续与世卫组织合作: the subject asks (请, 鼓励, 敦促 …)
    another to cooperate. Returns whether it does, and the body asked where it is named
    (大会敦促各国政府与…合作: the States asked are not named)."""
    if subject is None or subject.end >= position:
        return False, None
    text = sentence.text
    clause_start, _ = sentence.clause_of(position)
    request = first_trigger(text, triggers("request"), max(subject.end, clause_start), position)
    if request < 0:
        return False, None
    asked = [m for m in sentence.of(*ACTORS) if request < m.start and m.end <= position]
    return True, (asked[0] if asked else None)


def _both_states(left, right) -> bool:
    """Two States listed as subjects each act on their own: they are no partners."""
    return left.type is EntityType.COUNTRY and right.type is EntityType.COUNTRY


LEADING_GAP = re.compile(r"(?:的)?(?:牵头|领导|主持|协调)(?:下|并|，并)?(?:还|也|已|正在|一直)?")


def _leading_gap(gap: str) -> bool:
    """由A牵头并与B…, 在A的牵头下与B…: A leads the joint work."""
    return LEADING_GAP.fullmatch(gap) is not None


def _joint_programme(sentence: Sentence, end: int, clause_end: int) -> bool:
    """A与B的 PROGRAMME: the two run the programme together."""
    return sentence.text.startswith("的", end) and any(
        end < m.start <= end + 2 and m.start < clause_end for m in sentence.of(EntityType.PROGRAMME)
    )


def co_signatories(sentence: Sentence) -> Iterator[Assertion]:
    """A、B和C签署/共同…: bodies named together as the subject of one joint act."""
    first = next(iter(sentence.of(*ACTORS)), None)
    while first is not None:
        clause_end = sentence.clause_of(first.start)[1]
        members = sentence.enumeration_after(first.start, *ACTORS)
        if len(members) >= 2:
            tail = sentence.text[members[-1].end : clause_end]
            collective = COLLECTIVE_LAST.match(tail)  # …、世卫组织和民间社会合作伙伴于…派出
            tail = tail[collective.end() :] if collective else tail
            if any(
                tail.lstrip("还也都已").startswith(word) for word in triggers("joint-act")
            ) or _acting_together(sentence, members, tail):
                for index, left in enumerate(members):
                    for right in members[index + 1 :]:
                        if left.key != right.key:
                            yield assertion(
                                sentence,
                                left,
                                Predicate.PARTNER_OF,
                                right,
                                "partner:joint-act",
                                0.8,
                            )
        following = [m for m in sentence.of(*ACTORS) if m.start >= clause_end]
        first = following[0] if following else None


# what may stand between co-subjects and their verb: 政府 (A和B政府), adverbs, a date, a place
BEFORE_VERB = re.compile(
    r"(?:政府)?(?:[还也都已均曾将]|最近|近期|正在|一直|继续|目前|于?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?"
    r"(?:至\d{1,2}日)?|[在向为与][^，。；]{1,30}?(?=开展|举办|召开|启动|发起|设立|建立|组织|派出|合作|协作))*"
)
# the unnamed last member of a list of co-subjects: 和民间社会合作伙伴, 以及其他机构
COLLECTIVE_LAST = re.compile(
    r"(?:和|及|以及)(?:其他|各|有关)?[^，。；、和及]{0,8}?(?:合作伙伴|伙伴|组织|机构|利益攸关方)"
)
JOINT_OBJECT = ("联合", "共同")  # 派出一个联合访问团: what they do is one joint thing
WITH = "与"  # A与B和C合作: B and C are named after the subject's 与


def _acting_together(sentence: Sentence, members: list, tail: str) -> bool:
    """A、B和C于2021年设立了X, A和B支持…: co-subjects of one act are partners. Only the
    sentence's subject acts. States named together most often act each on its own
    (加纳、巴基斯坦和塞内加尔已设立专门单位): they are partners only where what they do
    is joint (派出一个联合访问团)."""
    subject = sentence.subject()
    if subject is None or subject.key != members[0].key:
        return False
    if any(member.type is not EntityType.ORGANIZATION for member in members) and not any(
        word in tail for word in JOINT_OBJECT
    ):
        return False
    if tail.startswith(("分别", "各自")):
        return False
    text = sentence.text
    if any(WITH in text[left.end : right.start] for left, right in pairwise(members)):
        return False  # A与B和C合作: A works with the others, who are not said to work together
    verb = BEFORE_VERB.match(tail).end()
    return tail.startswith(triggers("co-act"), verb)


# 世卫组织是儿基会的重要合作伙伴, 欧洲联盟仍然是X的主要伙伴之一: the body named a partner
NAMED_PARTNER = re.compile(
    r"(?:仍然|一直|也|还|已)?(?:是|成为|作为)(?P<other>[^，。；是]{2,40}?)的"
    r"(?:重要|主要|长期|关键|战略|核心|可靠|正式|创始)?(?:合作)?伙伴(?!关系)"
)


def named_partners(sentence: Sentence) -> Iterator[Assertion]:
    """A是B的(重要)(合作)伙伴: A and B are partners. A is the subject, or the body named
    right before 是; B the body (or State) the phrase names right before 的."""
    text = sentence.text
    for match in NAMED_PARTNER.finditer(text, sentence.start, sentence.end):
        others = [
            m for m in sentence.of(*ACTORS) if m.end == match.end("other")
        ]  # fmt: skip
        if not others:
            continue
        before = [m for m in sentence.of(*ACTORS) if m.end <= match.start()]
        if not before:
            continue
        lead = text[before[-1].end : match.start()]
        subject = before[-1] if len(lead) <= 4 else sentence.subject(*ACTORS)
        if subject is not None and subject.key != others[0].key and subject.end <= match.start():
            yield assertion(
                sentence, subject, Predicate.PARTNER_OF, others[0], "partner:named", 0.75
            )


# 与900多个伙伴组织合作，其中包括…世界银行等; 难民署的合作伙伴包括A和B: partners listed
LISTED_PARTNERS = re.compile(
    r"(?P<with>(?:与|同)[^，。；与同]{1,30}?合作，(?:其中)?包括)"
    r"|(?P<owned>的(?:主要)?(?:合作)?伙伴(?:还|也)?(?:包括|有))"
)


def listed_partners(sentence: Sentence) -> Iterator[Assertion]:
    """The partners a body lists: A与…合作，其中包括B、C; A的合作伙伴包括B和C. The named
    bodies and States of the clause after the list word are A's partners."""
    text = sentence.text
    for match in LISTED_PARTNERS.finditer(text, sentence.start, sentence.end):
        if match.group("owned"):
            owners = [m for m in sentence.of(*ACTORS) if m.end == match.start()]
        else:
            subject = sentence.subject(*ACTORS)
            owners = [subject] if subject is not None and subject.end <= match.start() else []
        if not owners:
            continue
        _, clause_end = sentence.clause_of(match.end())
        for partner in sentence.of(*ACTORS):
            if (
                match.end() <= partner.start < clause_end
                and partner.key not in (owners[0].key, UN_KEY)
                and not text.startswith("的", partner.end)
            ):
                yield assertion(
                    sentence, owners[0], Predicate.PARTNER_OF, partner, "partner:listed", 0.7
                )
