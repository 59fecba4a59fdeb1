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

from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion, first_trigger
from kg.relations.sentence import ACTORS, Sentence, triggers

REACH = 40  # how far after the partners (within their clause) the cooperation word may stand
NEAR = 6
JOINT = re.compile(r"的")  # A与B的集装箱管制方案: a programme the two run together


def cooperation(sentence: Sentence) -> Iterator[Assertion]:
    subject = sentence.subject()
    covered = sentence.start
    for position, companion in _companions(sentence):
        if position < covered:
            continue  # a conjunction inside an enumeration already read
        members = sentence.enumeration_after(position + len(companion), *ACTORS)
        if members:
            covered = members[-1].end
            yield from _partners(sentence, subject, companion, position, members)


def _companions(sentence: Sentence) -> list[tuple[int, str]]:
    """Every 与/同/和 … in the sentence, in reading order."""
    found = []
    for word in triggers("companion"):
        position = sentence.text.find(word, sentence.start, sentence.end)
        while position >= 0:
            found.append((position, word))
            position = sentence.text.find(word, position + len(word), sentence.end)
    return sorted(found)


def _partners(sentence, subject, companion, position, members) -> Iterator[Assertion]:
    text = sentence.text
    last = members[-1]
    _, clause_end = sentence.clause_of(last.end)
    reach = REACH if companion not in ("和", "及") else NEAR  # A和B…: the verb follows closely
    signal = first_trigger(
        text, triggers("cooperation"), last.end, min(clause_end, last.end + reach)
    )
    if signal > 0 and text[signal - 1] == "的" and companion in ("和", "及"):
        signal = -1  # 巴勒斯坦国和也门的协调差距: a noun, not the two cooperating
    if signal < 0 and not _joint_programme(sentence, last.end, clause_end):
        return
    left = subject
    if companion in ("和", "及") or left is None or left.start >= position:
        # A和B签署…: the partner named before the conjunction
        before = [m for m in sentence.of(*ACTORS) if m.end <= position]
        if not before or text[before[-1].end : position].strip() not in ("", "政府"):
            return
        left = before[-1]
    for member in members:
        if member.key != left.key:
            confidence = 0.9 if companion in ("与", "同", "会同") else 0.75
            yield assertion(
                sentence,
                left,
                Predicate.PARTNER_OF,
                member,
                f"partner:{companion}…合作",
                confidence,
            )


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
            if any(tail.lstrip("还也都已").startswith(word) for word in triggers("joint-act")):
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
