"""partnerOf: bodies or countries that cooperate, sign an agreement, or act jointly.

A 与/同 B、C … 合作/协作/签署/共同 …  → A partnerOf B, A partnerOf C.
A 和 B 签署/共同 …                   → A partnerOf B.
Only the members of the enumeration right after 与 are partners, and only if a
cooperation word follows them in the same clause. Countries working with a body
"to implement" a named programme take part in it instead (participation rule).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.nlp.model import EntityType
from kg.relations.model import Assertion, Predicate
from kg.relations.rules.base import assertion, first_trigger
from kg.relations.sentence import ACTORS, Sentence, triggers

REACH = 14  # how far after the partners the cooperation word may stand


def cooperation(sentence: Sentence) -> Iterator[Assertion]:
    text = sentence.text
    subject = sentence.subject()
    covered = sentence.start
    for position, companion in _companions(sentence):
        if position < covered:
            continue  # a conjunction inside an enumeration already read
        members = sentence.enumeration_after(position + len(companion), *ACTORS)
        if members:
            covered = members[-1].end
            yield from _partners(sentence, subject, companion, position, members)
    del text


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
    signal = first_trigger(
        text, triggers("cooperation"), last.end, min(clause_end, last.end + REACH)
    )
    if signal < 0:
        return
    if _implements_programme(sentence, signal, clause_end) and all(
        m.type is EntityType.COUNTRY for m in members
    ):
        return  # 与阿塞拜疆、哈萨克斯坦…政府合作实施…方案: they take part in the programme
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


def _implements_programme(sentence: Sentence, signal: int, clause_end: int) -> bool:
    programmes = [
        m for m in sentence.of(EntityType.PROGRAMME) if signal < m.start < clause_end + 20
    ]
    return (
        bool(programmes)
        and first_trigger(sentence.text, triggers("implement"), signal, programmes[0].start) >= 0
    )
