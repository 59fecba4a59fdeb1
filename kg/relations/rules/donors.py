"""donorTo: countries (and funds) that fund a body.

A、B和C是X最大的捐助方 and A向X提供了N美元 name the givers and the body outright.

A sentence with a funding word (捐助, 捐款, 供资, 认捐, 分摊费用 …), the countries it
names as givers, and the body it names as receiver (the one after 向/为/对, else
the only one). Both ends stand in the sentence. A body that is the recipient of a
giver's money (A是X资金的最大接受者) is funded by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion
from kg.relations.sentence import Sentence, triggers

RECEIVER_MARKS = ("向", "为", "对", "给")
# 由欧洲联盟和美利坚合众国资助: the givers of what the sentence names
FUNDED_BY = re.compile(r"由[^，。；由]{1,40}?(?:资助|供资|出资|捐助|提供资金)")
GIVER_GROUPS = ("捐助方集团", "捐助国集团", "捐助方小组")
GIVERS = (EntityType.ORGANIZATION, EntityType.PROGRAMME, EntityType.COUNTRY)
DONORS = (EntityType.COUNTRY, EntityType.ORGANIZATION)  # what kg:donorTo's subject may be


# 儿基会仍然是中央应急基金（CERF）资金的最大接受者: the fund gives to the body
RECEIVERS = ("接受者", "受援方", "接收方", "受益方", "受款方")
RECEIVER_OF = re.compile(
    r"(?:仍然|一直|继续)?(?:是|为)(?P<giver>[^，。；是]{2,40}?)(?:提供)?的?(?:资金|捐款|资助|拨款)"
    rf"的(?:最大|主要|第二大)?(?:{'|'.join(RECEIVERS)})"
)


# 美国、德国和欧洲联盟仍是难民署最大的捐助方: the givers before the copula
DONOR_OF = re.compile(
    r"(?:仍然|仍|一直|继续|也|还)?(?:是|为)(?P<body>[^，。；是]{2,40}?)的?"
    r"(?:最大|主要|第二大|第三大|重要|长期)?的?(?:捐助方|捐助国|捐助者|供资方|出资方)"
)
# 日本向难民署提供了1.2亿美元: an amount of money given to a body
AMOUNT_TO = re.compile(
    r"向(?P<body>[^，。；向]{2,40}?)(?:提供|捐助|捐赠|捐出|拨付|支付|认捐)了?"
    r"(?:约|近|超过|逾)?\s?[\d.,，\s]+\s?(?:万|亿)?(?:美元|欧元|英镑|瑞士法郎|日元|加元|澳元)"
)


def donors(sentence: Sentence) -> Iterator[Assertion]:
    yield from _receivers(sentence)
    yield from _named_donors(sentence)
    text = sentence.value
    if not any(word in text for word in triggers("donor")):
        return
    # a group of donors (主要捐助方集团) gives, it does not receive; so do the givers of
    # 由A和B资助 (they fund what the sentence names)
    funded_by = [m.span() for m in FUNDED_BY.finditer(sentence.text, sentence.start, sentence.end)]
    bodies = [
        b
        for b in sentence.of(EntityType.ORGANIZATION)
        if not b.text.endswith(GIVER_GROUPS) and not any(s <= b.start < e for s, e in funded_by)
    ]
    marked = [b for b in bodies if sentence.text[b.start - 1 : b.start] in RECEIVER_MARKS]
    receivers = marked or (bodies if len({b.key for b in bodies}) == 1 else [])
    if not receivers:
        yield from _donors_to_heading_body(sentence)
        return
    receiver = receivers[0]
    words = triggers("donor")
    for country in sentence.of(EntityType.COUNTRY):
        if sentence.text[country.start - 1 : country.start] in RECEIVER_MARKS:
            continue  # 向阿富汗提供资金: the country receives
        if not marked and receiver in sentence.enumeration_before(
            country.end, EntityType.ORGANIZATION, EntityType.COUNTRY
        ):
            continue  # 欧洲联盟、俄罗斯联邦和日本为…提供资金: the body gives with them
        if sentence.after_in(country):
            continue  # 该基金在危地马拉资助了…: where the money goes, not who gives it
        if any(s <= country.start < e for s, e in funded_by):
            continue  # 该伙伴关系由荷兰政府资助: it funds what the sentence names (supports)
        _, clause_end = sentence.clause_of(country.end)
        given = [sentence.text.find(word, country.end, clause_end) for word in words]
        given = min((at for at in given if at >= 0), default=-1)
        if given < 0:
            continue  # the country must give: a funding word follows it in its clause
        if not marked and any(
            mark in sentence.text[country.end : given] for mark in RECEIVER_MARKS
        ):
            continue  # 感谢德国为…方案提供资金: the money goes to what 为 names, not the body
        yield assertion(sentence, country, Predicate.DONOR_TO, receiver, "donor:funding-word", 0.7)


def _named_donors(sentence: Sentence) -> Iterator[Assertion]:
    """A、B和C是X最大的捐助方; A向X提供了N美元: the givers fund the body X."""
    text = sentence.text
    for pattern, rule in ((DONOR_OF, "donor:donor-of"), (AMOUNT_TO, "donor:amount")):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            receivers = [
                m for m in sentence.inside(
                    match, "body", EntityType.ORGANIZATION, EntityType.PROGRAMME
                )
                if m.start == match.start("body")
            ]  # fmt: skip
            if not receivers:
                continue
            # 欧洲联盟是聚光灯倡议的主要捐助方: a programme given to is supported
            given = (
                Predicate.DONOR_TO
                if receivers[0].type is EntityType.ORGANIZATION
                else Predicate.SUPPORTS
            )
            givers = sentence.enumeration_before(match.start(), *DONORS, gap="政府")
            if not givers:
                subject = sentence.subject(*DONORS)
                givers = [subject] if subject is not None and subject.end <= match.start() else []
            for giver in givers:
                if giver.key != receivers[0].key:
                    yield assertion(sentence, giver, given, receivers[0], rule, 0.7)


def _donors_to_heading_body(sentence: Sentence) -> Iterator[Assertion]:
    """Funding sentences under a heading that names the body (七. 加强联合国毒品和犯罪
    问题办公室 → B. 伙伴关系): the givers fund that body. Givers are the countries the
    sentence names before a funding word, or those of a cited donor-list footnote."""
    if len(sentence.heading_bodies) != 1:
        return
    receiver = sentence.heading_bodies[0]
    words = triggers("donor")
    givers = [
        country
        for country in sentence.of(EntityType.COUNTRY)
        if any(
            word in sentence.text[country.end : sentence.clause_of(country.end)[1]]
            for word in words
        )
        or "包括" in sentence.text[sentence.start : country.start]
    ]
    for country in givers:
        yield assertion(sentence, country, Predicate.DONOR_TO, receiver, "donor:heading", 0.55)
    if not givers and sentence.footnote_countries and "捐助方" in sentence.value:
        for key in sentence.footnote_countries:
            yield assertion(
                sentence, key, Predicate.DONOR_TO, receiver, "donor:footnote-list", 0.55
            )


def _receivers(sentence: Sentence) -> Iterator[Assertion]:
    """A是X资金的最大接受者: X funds A (A is the body right before the copula)."""
    text = sentence.text
    if not any(text.find(word, sentence.start, sentence.end) >= 0 for word in RECEIVERS):
        return
    for match in RECEIVER_OF.finditer(text, sentence.start, sentence.end):
        givers = sentence.inside(match, "giver", *GIVERS)
        bodies = [
            m for m in sentence.of(EntityType.ORGANIZATION)
            if m.end <= match.start() and match.start() - m.end <= 2
        ]  # fmt: skip
        for body in bodies[-1:]:
            for giver in givers[:1]:
                yield assertion(sentence, giver, Predicate.DONOR_TO, body, "donor:receiver", 0.7)
