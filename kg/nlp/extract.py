"""From a `Document` to its entities: run the pipeline over every text part, in reading order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from spacy.language import Language

from kg.document import Document
from kg.ids import heading_key
from kg.nlp.context import (
    CANDIDATES_KEY,
    CITED_KEY,
    CONTEXT_KEY,
    ENTS_KEY,
    TEXT_KEY,
    DocumentContext,
)
from kg.nlp.gazetteer import load_gazetteer
from kg.nlp.model import Candidate, Entity, EntityType, Mention, canonical_name
from kg.nlp.pipeline import shared_pipeline
from kg.nlp.rules.mentions import (
    NESTED_KEY,
    SETTLED_KEY,
    alias_candidates,
    settle,
    shortened_names,
)
from kg.text import matching_form, pieces

FRONT = "front:"  # labels of the front matter's parts
PIECE = 100_000  # characters: longer parts are read in pieces (see TextPart.pieces)


@dataclass(frozen=True, slots=True)
class TextPart:
    """A piece of a document the extractor reads: a paragraph, heading, summary or footnote."""

    label: str  # "12", "PP3", "front:1", "summary", "s:6.B.1", "fn:1"
    text: str
    cited_at: frozenset[int] = frozenset()  # where footnote references stood (主要捐助方集团¹⁴)
    offset: int = 0  # where the text starts in its part, if it is a piece of a long one

    def pieces(self) -> Iterator[TextPart]:
        """The part in pieces spaCy accepts (nlp.max_length), cut at sentence ends."""
        for start, end in pieces(self.text, PIECE):
            cited_at = frozenset(at - start for at in self.cited_at if start <= at < end)
            yield TextPart(self.label, self.text[start:end], cited_at, self.offset + start)


def text_parts(document: Document) -> Iterator[TextPart]:
    """The document's texts in reading order: front matter, summary, headings and
    paragraphs, footnotes. The front matter opens with the document's own body."""
    for part in document.front:
        yield TextPart(part.label, part.text)
    seen: set[str] = set()
    for paragraph in document.paragraphs:
        for depth in range(1, len(paragraph.heading_path) + 1):
            path = paragraph.heading_path[:depth]
            key = heading_key(path)
            if key not in seen:
                seen.add(key)
                yield TextPart(f"s:{key}", path[-1].title)
        cited_at = frozenset(position for position, _ in paragraph.citations)
        yield TextPart(paragraph.label, paragraph.text, cited_at)
    for footnote in document.footnotes:
        yield TextPart(f"fn:{footnote.marker}", footnote.text)


@dataclass(slots=True)
class Extraction:
    """The entities of one document, each with its mentions."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    own_body: str = ""  # key of the body whose document it is (a resolution's acting organ)

    def of_type(self, entity_type: EntityType | str) -> list[Entity]:
        wanted = EntityType(entity_type)
        return [e for e in self.entities.values() if e.type is wanted]

    def add(self, mention: Mention, label: str) -> None:
        self.mentions.append(mention)
        label = canonical_name(label, mention.type)
        entity = self.entities.get(mention.key)
        if entity is None:
            entity = self.entities[mention.key] = _new_entity(mention, label)
        entity.mentions.append(mention)
        if mention.text != entity.label_zh:
            entity.alt_labels.add(mention.text)
        if label and label != entity.label_zh and mention.key not in load_gazetteer():
            if len(label) > len(entity.label_zh):
                entity.alt_labels.add(entity.label_zh)
                entity.label_zh = label
            entity.alt_labels.discard(entity.label_zh)


def _new_entity(mention: Mention, label: str) -> Entity:
    known = load_gazetteer().get(mention.key)
    if known is not None:
        return Entity(
            mention.key,
            known.type,
            known.label_zh,
            known.label_en,
            iso3=known.iso3,
            acronym=known.acronym,
        )
    return Entity(mention.key, mention.type, label or canonical_name(mention.text, mention.type))


class Extractor:
    """Finds the entities of documents with a rule pipeline (see `kg.nlp.pipeline`)."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or shared_pipeline()
        self._components = [component for _, component in self.nlp.pipeline]

    def extract(self, document: Document) -> Extraction:
        parts = list(text_parts(document))
        meta = document.metadata
        return self.extract_parts(parts, own_body=bool(meta.body), title=meta.title)

    def extract_text(self, text: str) -> Extraction:
        """Entities of a single text, read as one paragraph labelled "1"."""
        return self.extract_parts([TextPart("1", text)])

    def extract_parts(
        self, parts: list[TextPart], own_body: bool = False, title: str = ""
    ) -> Extraction:
        """Entities of text parts read in order as one document.

        The rules read each text in its matching form (`kg.text.matching_form`);
        mentions keep the original text at the same offsets. With ``own_body``, the
        first part names the body whose document it is (the organ of a resolution, the
        board in a masthead): its bare head (理事会, 执行局) names it in this document.
        ``title`` is the document's title: 秘书长的报告 in it is the report on that topic.
        """
        parts = [piece for part in parts for piece in part.pieces()]
        context = DocumentContext(title=matching_form(title))
        settled: list[list[Candidate]] = []
        nested: list[list[Candidate]] = []
        texts = [matching_form(part.text) for part in parts]
        for index, text in enumerate(texts):  # same offsets as the parts; folded forms
            doc = self.nlp.make_doc(text)
            doc.user_data[CONTEXT_KEY] = context
            doc.user_data[CANDIDATES_KEY] = []
            doc.user_data[TEXT_KEY] = text
            doc.user_data[CITED_KEY] = parts[index].cited_at
            doc.user_data[ENTS_KEY] = False  # spaCy's Span objects cost as much as settling
            for component in self._components:  # nlp.pipeline builds its list on each call
                doc = component(doc)
            settled.append(doc.user_data[SETTLED_KEY])
            nested.append(doc.user_data[NESTED_KEY])
            if own_body and index == 0:
                context.adopt_own_body(text, settled[-1])
                if context.own_body is None:
                    context.adopt_board(text, "".join(texts))
            elif (
                not own_body
                and context.own_body is None
                and parts[index].label.startswith(FRONT)
                and len(text) > 1
                and text in context.title
            ):
                # 联合国预防和控制非传染性疾病机构间工作队, a line of its own above the report
                # on it (…关于该工作队的报告): the body the report is about, whose bare head
                # (工作队) names it
                context.adopt_own_body(text, settled[-1])
        settled = [
            _with_late_aliases(text, mentions, context)
            for text, mentions in zip(texts, settled, strict=True)
        ]
        # nested names too: 不限成员名额工作组 inside its session's name is the group named
        # in full before
        shortened = shortened_names(
            chain.from_iterable(
                sorted([*mentions, *inside], key=lambda c: c.start)
                for mentions, inside in zip(settled, nested, strict=True)
            )
        )
        extraction = Extraction(own_body=context.own_body.key if context.own_body else "")
        for part, mentions, inside in zip(parts, settled, nested, strict=True):
            for candidate in mentions:
                candidate = _in_full(candidate, shortened)
                extraction.add(_mention(part, candidate), candidate.label)
            for candidate in inside:
                candidate = _in_full(candidate, shortened)
                extraction.add(_mention(part, candidate, nested=True), candidate.label)
        return extraction


def _in_full(candidate: Candidate, shortened: dict[str, Candidate]) -> Candidate:
    """The candidate as the entity its short name stands for (`shortened_names`)."""
    full = shortened.get(candidate.key)
    return candidate if full is None else candidate._replace(key=full.key, label=full.label)


def _mention(part: TextPart, candidate: Candidate, nested: bool = False) -> Mention:
    return Mention(
        part.label,
        part.offset + candidate.start,
        part.offset + candidate.end,
        part.text[candidate.start : candidate.end],
        candidate.type,
        candidate.key,
        candidate.rule,
        candidate.related,
        nested,
    )


def _with_late_aliases(
    text: str, mentions: list[Candidate], context: DocumentContext
) -> list[Candidate]:
    """Add uses of short forms that were defined only later in the document."""
    extra = [
        alias
        for alias in alias_candidates(text, context)
        if not any(m.start < alias.end and alias.start < m.end for m in mentions)
    ]
    if not extra:
        return mentions
    return sorted([*mentions, *settle(extra)], key=lambda c: (c.start, c.end))
