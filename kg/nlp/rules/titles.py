"""《…》 titles: instruments and publications, told apart by their head noun.

《联合国打击跨国有组织犯罪公约》 ends in 公约: an instrument; 《2008 年世界毒品问题报告》
ends in 报告: a publication. A title that is a gazetteer instrument's name or
alias takes its key. A short title (《公约》, 《移民议定书》) names the instrument
mentioned earlier in the document whose title has the same head and contains
the short title's words in order. A plan, strategy or framework written with a UN
fund, programme or office before it (儿基会《2022-2025年性别平等行动计划》) is that
body's own programme, not an instrument States adopted.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.data_files import read_table, read_words
from kg.nlp.context import DocumentContext, candidates_of, context_of, text_of
from kg.nlp.gazetteer import Gazetteer, load_gazetteer, owns_plans
from kg.nlp.model import Candidate, EntityType
from kg.nlp.words import PROPER_TAGS, tagged_words
from kg.text import is_subsequence

TITLE = re.compile(r"《([^《》\n]{1,120})》")
QUOTED_TITLE = re.compile(r"“([^“”\n]{2,40})”")  # longer: a passage quoted, not a title
# 世界银行，“粮食安全更新”(华盛顿特区，2023年4月6日): a work cited with its place and
# year, or its document symbol, in brackets right after the quoted title
CITED_TITLE = re.compile(
    r"“(?P<title>[^“”\n]{2,160})”\s?[（(](?=[^（）()\n]{0,30}(?:\d{4}\s?年|[A-Z]{1,8}/[A-Z0-9]))"
)
# 通过了《…》, 核可了2022年4月14日通过的《…》: a text adopted or endorsed is an instrument,
# whatever its title ends with (本节通过《…》 is "through", not "adopted")
ON_DATE = r"(?:\d{4}\s?年(?:\d{1,2}\s?月)?(?:\d{1,2}\s?日)?)?"
DONE = "(?:通过|核可|签署|批准)的"
ADOPTED_BEFORE = re.compile(
    rf"(?:(?:(?:核可|批准|签署|签订|缔结|赞同)了?|通过了){ON_DATE}(?:{DONE})?|{ON_DATE}{DONE})$"
)
TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")
PROGRAMME_AFTER = ("倡议", "举措", "方案", "项目")  # 《…》倡议: a titled initiative
# the gazetteer entries a 《》 title may name: 《联合国全系统…行动计划》 is a known programme
TITLED_TYPES = (EntityType.INSTRUMENT, EntityType.PUBLICATION, EntityType.PROGRAMME)
YEAR_PREFIX = re.compile(r"^\d{4}(?:-\d{4})?\s?年")
UN_WIDE = "联合国"  # a title opening with it is the whole system's, no one agency's


def load_heads() -> list[tuple[str, EntityType, EntityType | None]]:
    """Title head nouns, longest first, with their type and their type when owned."""
    rows = read_table("patterns/title_heads.tsv")
    heads = [
        (row["head"], EntityType(row["type"]), EntityType(row["owned"]) if row["owned"] else None)
        for row in rows
    ]
    return sorted(heads, key=lambda item: -len(item[0]))


PROTOCOLS = ("议定书", "任择议定书")
CONVENTION = "公约"
ITS = re.compile(r"及其(?:\d{4}\s?年)?$")  # …公约》及其1967年《议定书》
UNQUOTED_TYPES = (EntityType.INSTRUMENT, EntityType.PROGRAMME)  # titled by “…” only when owned
# 儿基会(还)发布了《…政策和战略》: the agency issues its own plan (States adopt, 通过)
ISSUED = re.compile(r"[，,]?(?:还|已|又|也)?(?:发布|推出|启动|制定|出台|更新|修订)了?")


SUBTITLE = "："  # 《主标题：副标题》
SUBTITLE_MARKS = frozenset("：:―—-")  # what parts a main title from its subtitle


class TitleMatcher:
    name = "kg_titles"

    def __init__(
        self, gazetteer: Gazetteer, heads: list[tuple[str, EntityType, EntityType | None]]
    ):
        self.gazetteer = gazetteer
        self.heads = [(head, entity_type) for head, entity_type, _ in heads]
        self.owned = {head: owned for head, _, owned in heads if owned is not None}
        # “尊重工作场所”倡议: a head after the quotes makes the quoted words part of a name
        self.name_heads = tuple(
            row["head"] for row in read_table("patterns/name_heads.tsv")
        ) + tuple(head for head, _ in self.heads)
        self.name_words = frozenset(read_words("patterns/name_words.txt"))

    def classify(self, title: str) -> tuple[EntityType, str]:
        """The type a title's head noun says, and the head ("" if none is known)."""
        core = TRAILING_NOTE.sub("", title).strip()
        main = core.split(SUBTITLE)[0]  # 《…议程：重振繁荣的复原力》: the main title's head
        for part in (core, main) if main != core else (core,):
            for head, entity_type in self.heads:
                if part.endswith(head):
                    return entity_type, head
        return EntityType.PUBLICATION, ""

    def _owner(self, text: str, candidates: list[Candidate], start: int) -> bool:
        """Is a fund, programme or office of the UN named right before the 《 at ``start``,
        at the title's start, or as the one that issues it (儿基会发布了《…战略》)?"""
        return any(
            candidate.type is EntityType.ORGANIZATION
            and (
                start in (candidate.end, candidate.start - 1)
                or (candidate.end < start and ISSUED.fullmatch(text, candidate.end, start))
            )
            and owns_plans(candidate.key)
            for candidate in candidates
        )

    def _agency_document(
        self, context: DocumentContext, text: str, candidates: list[Candidate], start: int
    ) -> bool:
        """In a document of a UN fund, programme or office, or of its board (儿基会执行局),
        a plan or strategy no other body is named before is the agency's own."""
        own = context.own_body
        if own is None:
            return False
        body = self.gazetteer.get(own.key)
        parent = body.parent if body is not None else ""
        if not (owns_plans(own.key) or (parent and owns_plans(parent))):
            return False
        # 世卫组织《…战略》 and 《联合国关于…的规程》 are another body's, or the whole UN's
        return not text.startswith(UN_WIDE, start + 1) and not any(
            c.type is EntityType.ORGANIZATION and start in (c.end, c.start - 1) for c in candidates
        )

    def __call__(self, doc: Doc) -> Doc:
        candidates = candidates_of(doc)
        context = context_of(doc)
        text = text_of(doc)
        cited = self._cited(text) if "”" in text else []
        context.cited.extend(c.label for c in cited if c.type is EntityType.PUBLICATION)
        candidates.extend(cited)
        for match in TITLE.finditer(text):
            title = match.group(1).replace(" ", "")
            known = self.gazetteer.lookup(title)
            if known is not None and known.type in TITLED_TYPES:
                entity_type, key, label = known.type, known.key, known.label_zh
            else:
                entity_type, head = self.classify(title)
                key, label = "", title
                if not head and ADOPTED_BEFORE.search(
                    text, max(0, match.start() - 24), match.start()
                ):
                    entity_type = EntityType.INSTRUMENT  # 核可了…通过的《…原则和要求》: adopted
                elif not head and text.startswith(PROGRAMME_AFTER, match.end()):
                    entity_type = EntityType.PROGRAMME  # 《全球就业和社会保护加速器》倡议
                if head in self.owned and (
                    self._owner(text, candidates, match.start())
                    or self._agency_document(context, text, candidates, match.start())
                ):
                    entity_type = self.owned[head]  # 儿基会《…行动计划》: the agency's own
                if entity_type is EntityType.INSTRUMENT and head:
                    key, label = self._short_title(title, head, context) or ("", title)
                if entity_type is EntityType.PUBLICATION and not key:
                    label = _main_title_of(title, context.cited) or label
                if head and not key and title == head:
                    protocol = self._its_protocol(text, match.start(), title, context)
                    plan = _titled_plan(head, context) if protocol is None else None
                    if protocol is not None:
                        key, label = protocol.key, protocol.label_zh
                    elif plan is not None:
                        entity_type, label = EntityType.PROGRAMME, plan  # 《战略计划》
                    else:
                        continue  # 《公约》, 《战略计划》 with nothing named before it to stand for
            if entity_type is EntityType.INSTRUMENT:
                context.remember_instrument(label, key)
            elif entity_type is EntityType.PROGRAMME:
                context.titled_programmes.pop(label, None)
                context.titled_programmes[label] = None
            candidates.append(
                Candidate(
                    match.start(),
                    match.end(),
                    entity_type,
                    rule=f"title:{entity_type}",
                    key=key,
                    label=label,
                    priority=6,
                )
            )
        cited_at = {c.start for c in cited}
        for match in QUOTED_TITLE.finditer(text):
            if match.start(1) in cited_at:
                continue  # read already, as a cited work
            if _resolution_title(text, match.start(), match.end()):
                continue  # 第66/1号决议“…战略”: the resolution's title, no strategy of its own
            entity_type, head = self.classify(match.group(1))
            if entity_type in UNQUOTED_TYPES:
                # what States adopt is titled 《…》; a framework, strategy or programme named
                # in full in quotes is someone's own plan (“…同行审议框架”), and one named
                # before its head is the name rules' (“尊重工作场所”倡议)
                entity_type = self.owned.get(head, entity_type)
                if (
                    entity_type is not EntityType.PROGRAMME
                    or text.startswith(self.name_heads, match.end())
                    or self._reviewed(match.group(1))
                    or self.gazetteer.lookup(match.group(1)) is not None  # the gazetteer's
                ):
                    continue
            if head and self._titled(match.group(1), head):
                candidates.append(
                    Candidate(
                        match.start(1),
                        match.end(1),
                        entity_type,
                        rule=f"quoted-title:{entity_type}",
                        label=match.group(1).replace(" ", ""),
                        priority=3,
                    )
                )
        return doc

    def _cited(self, text: str) -> list[Candidate]:
        """Works cited with their place and year (or symbol) after the quoted title, of
        any wording: a reference says what it cites is a publication, unless its head
        says what else it is (“…成果和资源综合框架”(E/ICEF/…): the agency's framework)."""
        cited = []
        for match in CITED_TITLE.finditer(text):
            title = match.group("title").replace(" ", "")
            known = self.gazetteer.lookup(title)
            if known is not None:
                continue  # a known instrument or programme cited by its name
            entity_type, head = self.classify(title)
            if not head or self._reviewed(title):
                entity_type = EntityType.PUBLICATION  # “审查…方案”(2018年): a review of it
            elif entity_type in UNQUOTED_TYPES:
                entity_type = self.owned.get(head, entity_type)  # as for quoted titles
            cited.append(
                Candidate(*match.span("title"), entity_type, f"cited-title:{entity_type}",
                          label=title, priority=6)
            )  # fmt: skip
        return cited

    def _reviewed(self, quoted: str) -> bool:
        """“审查联合国…联合全球方案”: a quoted title opening with a verb no name opens with
        names a review or study of the programme, not the programme."""
        words = tagged_words(quoted)
        return bool(words) and words[0][1] in ("v", "vn") and words[0][0] not in self.name_words

    def _its_protocol(self, text: str, start: int, title: str, context: DocumentContext):
        """《关于难民地位的公约》及其1967年《议定书》: the protocol of the convention named
        just before, when the gazetteer knows it by the convention's name."""
        if title not in PROTOCOLS or not ITS.search(text, max(0, start - 12), start):
            return None
        if not context.instruments:
            return None
        convention = context.instruments[-1][0]
        if not convention.endswith(CONVENTION):
            return None
        stem = convention[: -len(CONVENTION)]
        for name in (stem + title, convention + title):
            known = self.gazetteer.lookup(name)
            if known is not None and known.type is EntityType.INSTRUMENT:
                return known
        return None

    @staticmethod
    def _titled(quoted: str, head: str) -> bool:
        """A quoted phrase is a title unless it is its head after one common word: “组织原则”
        and “参与规则” are terms in scare quotes; “联合国可持续发展合作框架” is a title."""
        modifier = tagged_words(quoted[: -len(head)])
        return len(modifier) > 1 or any(flag in PROPER_TAGS for _, flag in modifier)

    @staticmethod
    def _short_title(title: str, head: str, context: DocumentContext) -> tuple[str, str] | None:
        """The earlier instrument a short title stands for, as (key, label)."""
        modifier = YEAR_PREFIX.sub("", title)[: -len(head)]
        for name, key in reversed(context.latest_instruments.items()):
            if len(name) > len(title) and name.endswith(head) and is_subsequence(modifier, name):
                return key, name
        return None


# 第66/1号决议“…”, 题为“…”的第66/1号决议: the title a resolution or decision is named by
RESOLUTION_BEFORE = re.compile(r"号(?:决议|决定)\s?$")
RESOLUTION_AFTER = re.compile(r"的(?:[^，。；“”]{0,24}?号)?(?:决议|决定)")
TITLED = "题为"


def _resolution_title(text: str, start: int, end: int) -> bool:
    """Is the quotation at [start, end) the title of a resolution or decision?"""
    if RESOLUTION_BEFORE.search(text, max(0, start - 6), start):
        return True
    return text.endswith(TITLED, 0, start) and RESOLUTION_AFTER.match(text, end) is not None


def _titled_plan(head: str, context: DocumentContext) -> str | None:
    """The programme titled in full earlier that a bare 《战略计划》 stands for: the latest
    whose title ends with that head (《2022-2025年战略计划》)."""
    for name in reversed(context.titled_programmes):
        if len(name) > len(head) and name.endswith(head):
            return name
    return None


def _main_title_of(title: str, cited: list[str]) -> str:
    """The work cited earlier in full whose main title ``title`` is (《获得药品：…》 after
    “获得药品：…――2007-2017年公共卫生十年”(日内瓦，2017年)), or ""."""
    for work in reversed(cited):
        if work.startswith(title) and work[len(title) : len(title) + 1] in SUBTITLE_MARKS:
            return work
    return ""


@Language.factory("kg_titles")
def make_title_matcher(nlp: Language, name: str) -> TitleMatcher:
    return TitleMatcher(load_gazetteer(), load_heads())
