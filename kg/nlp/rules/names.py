"""Names no list holds, found by their head noun: …办公室, …方案, …中心, …论坛, 第…届会议.

From a head such as 中心 the name runs left word by word (jieba segments the
clause) until a word that cannot be part of a name: punctuation, a
preposition, demonstrative or reporting verb from the boundary list, or a
conjunction that follows a complete name (麻醉药品委员会及预防犯罪和刑事司法委员会
holds two names). A name made only of generic words (区域方案, 该项目) names
nothing in particular and is dropped. 关于…的 before a head belongs to the name
(关于…的部长级会议).
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, lru_cache, partial

import jieba
from spacy.language import Language
from spacy.tokens import Doc

from kg.data_files import read_table, read_words
from kg.ids import entity_key
from kg.nlp.context import (
    OWN_BODY_HEADS,
    Alias,
    DocumentContext,
    candidates_of,
    cited_at,
    context_of,
    text_of,
)
from kg.nlp.gazetteer import UN_KEY, load_gazetteer, owns_plans
from kg.nlp.model import Candidate, EntityType
from kg.nlp.words import PROPER_TAGS, first_tag, head_ends_word, splits_pair, tagged_words
from kg.text import BRACKETED_PERIOD, ORDINAL_NUMERAL, SETTING, is_subsequence

GOVERNMENT = "政府"  # X政府 is the Country X (its ministries are named after it)
HARD_STOP = set("，。；：！？、（）()“”‘’《》〈〉「」[]【】\n…—")
UP_TO_LAST_STOP = re.compile(rf"[\s\S]*[{re.escape(''.join(sorted(HARD_STOP)))}]")
NUMERAL = re.compile(
    r"^[\d０-９,.\-%]+[年月日]?$|^[一二三四五六七八九十百千万两几多数若]+[个项次份本种名场批轮类些届]{0,2}多?$"
)
# 第四十六届会议, 第二十九和三十次会议: a numbered session (or sessions) at the end of a name
SESSION_AT_END = re.compile(
    rf"第{ORDINAL_NUMERAL}(?:[和、至]{ORDINAL_NUMERAL})*(?:届|次)(?:特别)?会议$"
)
# Parts of speech that end a name: prepositions, pronouns, classifiers, particles,
# adverbs, interjections, punctuation, time words. Numerals are judged by NUMERAL.
STOP_TAGS = frozenset(
    {"p", "r", "q", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "ad", "y", "e", "x", "t"}
)
ASPECT_PARTICLES = frozenset("了过着")
CLAUSE_OPENING_TAGS = frozenset({"v", "c", "p", "x"})  # before a pronoun that opens a clause
# a verb after one of these is the clause's predicate (其, 该 are possessive: 其打击绑架方案)
SUBJECT_PRONOUNS = frozenset({"各国", "各方", "我们", "我国", "他们", "它们", "我", "他", "她"})
NATIONAL_WORDS = frozenset({"国家", "中央"})  # 柬埔寨国家银行, 尼日利亚中央银行
# heads that end a programme's whole name inside quotes (“游戏项目”, “…专题基金”); “一站式中心” and
# “…方案” in quotes are terms or titles
QUOTED_PROGRAMME_HEADS = frozenset({"项目", "倡议", "运动", "基金"})
NETWORK = "网络"  # owned by a body, a network of agencies: 行政首长协调会人力资源网络
NATIONAL_OFFICES = frozenset({"局", "署", "部", "司", "办公室"})  # one office, not a category
# 在巴勒斯坦国，…财政部…: a sentence set in one country, whose offices it names bare
# (the look-behind after 在: a pattern that opens with a literal is sought ten times faster)
COUNTRY_FRAME = re.compile(rf"在(?<![^。；！？\n]在){SETTING.removeprefix('在')}")
TOPIC_TAGS = frozenset({"n", "nz", "vn", "an"})  # nouns a list of topics is made of
NOUN_TAGS = TOPIC_TAGS | {"ns", "nt", "nr", "nrt", "j"}
# Words of these parts of speech belong to the clause, not to a name after them: a
# conjunction that follows one joins clauses, not two parts of a name (verbs, idioms).
CLAUSE_TAGS = frozenset({"v", "vd", "d", "p", "r", "c"})
SESSION_BODY = re.compile(r"(?:大会|会议)$")
VERB_MARKERS = read_words("patterns/verb_markers.txt")
BRACKETS = {"”": "“", "》": "《"}
NUMBER_AFTER = re.compile(r"[一二三四五六七八九十两几\d]+[个项次份场届批]")
PLACE_TYPES = frozenset({EntityType.COUNTRY, EntityType.REGION, EntityType.CITY})
ACTOR_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.COUNTRY})
MAX_NAME = 40
GENERIC_MEMO = 65536  # modifiers remembered as generic or not, then forgotten at once
NAME_MEMO = 16384  # names remembered as names or not (is_name), then forgotten at once
UNSEEN = object()  # a word not judged yet
ADMINISTRATIVE = re.compile(r"[省州市府县]")
ADMINISTRATIVE_REACH = 8
MIN_PLACE = 3
NOT_PLACES = ("政府", "都市", "城市")  # 埃塞俄比亚政府, 大都市: no place's own name
NOT_AFTER_ADMINISTRATIVE = frozenset("场民")  # 市场, 市民: 市 starts another word
# 素叻他尼府、乌隆他尼府和清莱府 after 泰国: a listed place, its name however jieba cuts it
LISTED_PLACE = re.compile(
    r"[\u4e00-\u9fff]{2,5}?(?P<suffix>[省州市府县])(?=[、和及与，。；的在等]|以及|$)"
)
PLACE_JOINER = re.compile(r"、|和|及|与|以及")
NOT_PLACE_TAGS = frozenset({"m", "d", "r", "p", "c", "v", "a", "q"})  # 许多州, 各州
YEARLY_SESSION = re.compile(
    r"(?<!\d)(?P<year>\d{4}\s?年)\s?(?:\d{1,2}\s?月\s?的?)?"  # 2023年6月(的)年度会议: the month
    r"(?P<kind>(?:第[一二三四五六七八九十]+届)?(?:常会|届会|实质性会议|年度会议|年会))"
)
# 第七十八届会议 alone on a masthead line: the session of the document's own body
SESSION_LINE = re.compile(rf"第{ORDINAL_NUMERAL}届(?:特别|紧急特别)?会议")
YEARS_BEFORE = re.compile(r"(?<!\d)(?:\d{4}\s?年\s?[、和及与]\s?)+$")  # 2019年、2022年和…
# 关于…的 before a head: the topic belongs to the name, enumeration commas included.
ABOUT_WORD = "关于"
AUTHORED_REPORT = "的报告"
YEARLY_REPORT = "的年度报告"
NAME_DOTS = "·•‧・"  # the dots between the parts of a transliterated name (科菲·安南)
JOINT_POST = "兼"  # 副秘书长兼执行主任: one person's two posts
POST_OFFICES = ("办事处", "公署")  # the office a post heads, named after it
YEAR_REPORT_MARK = "报告"  # cheap test before BODY_YEAR_REPORT (年 is in most texts)
# 2019年报告, 2022年年度报告 right after a body: its report of that year (报告了: a verb)
BODY_YEAR_REPORT = re.compile(r"\d{4} ?年(?:度|年度)?报告(?![了说])")
# 粮食署通过其学校供餐方案为…提供: the body's own programme, the means it acts through
OWN_MEANS = ("通过其", "借助其", "利用其")
OWN_PROGRAMME_HEADS = frozenset({"方案", "项目"})
AGENDA_ITEM = "项目"  # 审议“…”项目, 题为“…”的项目: an item of the agenda
AGENDA_CUES = ("审议", "题为", "议程")
# 航空通信项目由毒品和犯罪问题办公室…共同实施: a programme said to be run by a named body
RUN_BY_MARK = "由"
RUN_BY_VERB = re.compile(r"[^，。；]{0,40}?(?:共同|联合)?(?:实施|执行|管理|运作|牵头)")
MIN_REPORT_NAME = 9  # 关于 + a topic of four characters or more + 的报告
DATED_REPORT = re.compile(r"\d{4}\s?年|年度|年期|两年期")
TRAILING_MARKS = re.compile(r"[*＊\s]+$")
AUTHORS_LISTED = ("和", "及", "、")  # before an author: one of several, reports in general
OWN_NUMBER_BEFORE = re.compile(r"^\d+/\d+\.\s*")  # 52/18. 残疾人权利: the title's own number
# the mandate written before a post (残疾人权利问题特别报告员): the topic runs back to a stop
MANDATE_BEFORE = re.compile(r"(?:^|(?<=[，、；。：]|的))(?P<topic>[^，、；。：的]{2,30}问题)$")
# 关于在理事会届会期间召开的…论坛: a preposition after 关于 opens a clause, not a topic
ABOUT = re.compile(r"关于(?![在于由从向对])[^，。；！？（）()“”\n关]{1,70}的$")
QUANTIFIERS = ("各种", "各类", "各个", "许多", "若干", "一些", "诸多", "多个", "众多")
INDEFINITE_BEFORE = re.compile(r"(?:是|为|作为)(?:一|这一|每一)[项个种类]$")
# 试行了一项新的…倡议, 实施了…的新的…倡议: a new one described, not one named
NEW_BEFORE = re.compile(r"新的?$")
NEW_WORD = "新"  # a word of its own before a programme's head: 新倡议, 新的倡议 (not 创新工具包)
# 关于此问题…的工作队, 关于这一问题的公开辩论: a topic that points back is no name's
POINTING_TOPIC = re.compile(r"(?:此|这一?|该|上述)(?:问题|议题|事项|领域)")
ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+(?:次|届)")
ORDINAL_BEFORE = re.compile(r"第[一二三四五六七八九十百\d]+(?:次|届)$")
IDIOM_TAGS = frozenset({"i", "l"})  # jieba's idioms and set phrases
JOINTLY = frozenset({"共同", "一道", "一起"})
ON_BEHALF = "代表"  # 墨西哥代表里约集团发言: for whom a speaker speaks, not part of a name
ORDINAL_NUMBER = re.compile(r"第[一二三四五六七八九十百]+$")  # written out: 第45次 is read whole
ORDINAL_COUNTERS = frozenset({"次", "届"})
LOOK_BACK = 12  # characters the short patterns before a name read (第一百二十三届, 是一项新的)
TITLE_BEFORE = re.compile(r"《[^《》\n]{2,60}》$")
# Units that every body has (应急小组, 外地办事处): named by a topic too (法治问题协调小组).
# Groups a footnote may define by listing their members (主要捐助方集团¹⁴).
GROUP_HEADS = frozenset({"集团", "小组"})
RELATION_HEADS = frozenset({"伙伴关系", "合作伙伴关系"})
UNIT_HEADS = frozenset({"小组", "办事处", "处", "中心"})
NEEDS_ANCHOR = (
    frozenset(
        {"方案", "项目", "基金", "网络", "工具", "报告", "手册", "指南", "调查", "研究", "组织"}
    )
    | frozenset({"计划", "平台", "机制", "资金", "指数", "十年", "门户网站"})
    | UNIT_HEADS
)
MIN_NAME = 2
QUOTED_HEADS = frozenset({"运动"})  # heads that name a campaign only after its quoted name
ABBREVIATED_HEADS = frozenset({"行动"})  # heads that name only with a short form after
# 阿拉木图宣言, 多哈行动纲领: what a conference adopts, named after its city
CITY_OUTCOME_HEADS = ("行动纲领", "行动计划", "宣言", "共识", "承诺", "议程", "原则")
# 举办了一次…专家组会议: a meeting's name starts after the event's count.
EVENT_COUNT = re.compile(r"[一两几数](?:次|场|系列)")
# The segments of a session (ECOSOC's, a commission's) or of a forum, named after it.
SEGMENT = re.compile(
    r"(?:(?:部长级|高级别|协调|人道主义事务|业务活动|管理|一般性辩论|融合)部分|一般性辩论)(?:会议)?"
)
# 编写了2009-2011年促进法治…区域方案: a programme's name may start with its years.
YEAR_SPAN = re.compile(r"\d{4}\s*年?\s*[-—–至]\s*\d{4}\s*年")  # also 2022年至2023年
YEAR_SPAN_REACH = 20
# 2021-2026年全球艾滋病战略: a period, then the words of one name up to its head
DATED_BEFORE = re.compile(
    r"\d{4}\s*年?\s*[-—–至]\s*\d{4}\s*年(?P<words>[^\d，。；、：“”《》（）()的和]{1,16})$"
)
YEAR_BEFORE = re.compile(r"(?<!\d)\d{4}\s?年$")
# between a session and its outcome: 的, 通过的, 上通过的, 在…之际通过的
ADOPTED_THERE = re.compile(r"(?:(?:上|期间|在[^，。；]{1,30}?之际)?所?通过)?的")
# 第一届专门讨论裁军问题的(大会特别会议): a numbered special session named by the topic it is
# devoted to (without its number, one of several: 专门讨论裁军问题的大会特别会议)
DEVOTED_TO = re.compile(r"第[一二三四五六七八九十\d]+届专门讨论[^，。；的]{1,30}的$")
POST_DEPUTY = re.compile(r"^(?:常务)?副")  # 副执行主任: the deputy of a post
DEPUTY_BEFORE = re.compile(r"(?:常务)?副$")
LIST_JOINERS = ("和", "与", "及")  # the conjunction a name's topics are listed with
REPORT_YEAR_OPENERS = "在的据照于见"  # 根据2022年…报告, 见2023年…报告: the report of that year
YEAR_OPENERS = "在的了自从和与、及"  # words after which a year opens a name (在2023年…论坛上)
# characters after a head's start within which a session number (第六十六届) stands
SESSION_REACH = 12
SPAN_BEFORE = re.compile(r"\d{4}\s*年?\s*[-—–至]\s*\d{4}\s*年$")
DECADE = "十年"
PERIOD_AFTER = re.compile(BRACKETED_PERIOD)
# “替代发展全球伙伴关系”项目: the quotation is the name, the head says what it is.
ENTITLED = re.compile(r"题为“(?P<title>[^“”]{2,60})”的$")
TITLED_TYPES = frozenset({EntityType.INSTRUMENT, EntityType.PUBLICATION})
QUOTED_NAME = re.compile(r"“(?P<name>[^“”]{2,40})”$")
# 麻醉药品委员会决定在其2009年第五十二届会议期间: 其 is the subject body.
OWN_SESSION = re.compile(
    rf"其(?:\d{{4}}\s*年)?(?P<session>第{ORDINAL_NUMERAL}(?:届(?:特别)?|次)会议)"
)  # 安全理事会在其第9518次会议上: a numbered meeting too
# 联合国贸易和发展会议(贸发会议)第十五届会议: the session of the body its abbreviation follows.
SESSION_REPORT = re.compile(r"的?报告")  # 第二十五届会议报告: a session's report
# 提交大会…会议的报告: a report sent to the session; 在委员会年度会议报告进展: a verb there
SENT_TO = re.compile(r"(?:提交|提交给|送交|向|供|给|在)$")
# 人权事务委员会第36号一般性意见(2018年): a treaty body's numbered general comment
GENERAL_COMMENT = re.compile(r"第\d{1,3}\s*号一般性(?:意见|建议)(?:\s*[(（]\d{4}\s*年[)）])?")
ABBREVIATED_SESSION = re.compile(
    rf"[(（][^()（）]{{1,12}}[)）](?P<session>(?:大会)?第{ORDINAL_NUMERAL}届(?:特别)?会议)"
)  # 粮食及农业组织(粮农组织)大会第四十三届会议: the session of its assembly
ABBREVIATED_UNIT = re.compile(r"[(（][^()（）]{1,12}[)）](?P<unit>秘书处|执行局|执行委员会)")
# 粮食安全信息网络（FSIN）: a name written with its short form in brackets is a name
SHORT_FORM_AFTER = re.compile(
    r"[（(](?:(?P<latin>[A-Z][A-Za-z0-9.\-]{1,9})|(?P<short>[\u4e00-\u9fff]{2,6}))[）)]"
)
RELATED_TO_KIND = ("相关", "有关")  # X相关方案: a programme of a kind, not one named
COUNTED_PART = re.compile(r"的[一二两三四五六七八九十百几数\d]+[项个种类套]")
# 缔约方会议第二十一届、第二十五届和第二十七届会议: sessions of one body, listed
# (第二十一届、二十五届和二十七届会议: the later numbers may drop their 第)
SESSION_NUMBER = re.compile(rf"第?(?P<number>{ORDINAL_NUMERAL})届")
SESSION_LIST = re.compile(
    rf"第{ORDINAL_NUMERAL}届(?:、第?{ORDINAL_NUMERAL}届)*(?:和|及|以及)第?{ORDINAL_NUMERAL}届"
    r"(?P<kind>特别会议|会议|常会)"
)
# 联合国驻乌拉圭国家工作队: an office of the body before it, stationed in a place
STATIONED = re.compile(
    r"驻(?P<place>[^，。；、的\s]{2,12}?)"
    r"(?:国家工作队|综合办事处|国家办事处|区域办事处|联络办事处|办事处|代表处|特派团|联络处)"
)
# 欧洲经济委员会在2023年4月于日内瓦举行的第七十届会议上: the session of the body before 在.
HELD_SESSION = re.compile(
    rf"(?:\d{{4}}\s?年(?:\d{{1,2}}\s?月)?(?:\d{{1,2}}\s?日)?)?[在于][^，。；：、]{{0,40}}?举行的"
    rf"(?P<session>第{ORDINAL_NUMERAL}(?:届(?:特别)?|次)(?:首脑|部长级)?会议)"
)  # 不结盟运动在2035年于坎帕拉举行的第十九次首脑会议: its summit too (after a date as well)
# 安全理事会在2031年5月12日第9876次会议上: the numbered meeting the body holds on a date
DATED_MEETING = re.compile(
    rf"在(?:\d{{4}}\s?年)?(?:\d{{1,2}}\s?月)?(?:\d{{1,2}}\s?日)?的?"
    rf"(?P<session>第{ORDINAL_NUMERAL}次(?:全体|正式)?会议)上"
)
# 在2031年5月12日举行的第9876次会议上，安全理事会…: the body the sentence goes on with
MEETING_OPENING = re.compile(
    rf"在[^，。；]{{0,30}}?举行的(?P<session>第{ORDINAL_NUMERAL}次(?:全体|正式)?会议)上，"
)
# 麻醉药品委员会决定于2024年3月举行第六十七届会议: the session the body will hold
HOLDS = "举行"
HOLDS_SESSION = re.compile(
    rf"(?:决定|将|拟|还将)?[在于]?[^，。；：、]{{0,20}}?举行了?"
    rf"(?P<session>第{ORDINAL_NUMERAL}届(?:特别会议|会议|常会|常务会议))"
)
SENTENCE_END = "。；！？\n"
SESSION_WORD = "会议"
REGULAR_SESSION = "常会"
HELD_BEFORE = re.compile(r"举行了?$")  # …举行了2024年常会: the session the subject holds
VERB_JOINER = "并"
SPECIAL_SESSION = "特别会议"
OF = "的"
HASHTAG = "#"
SIGNATURE = re.compile(r"\s*[(（]\s*签\s*名\s*[)）]")
LATIN_NUMBER = re.compile(r"^[-\d]+$")
LATIN_BEFORE = re.compile(r"[A-Za-z][-\d]*$")
# a body's Latin name written before its Chinese head (WomenWin, Plan International)
LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&.'\- ]*[A-Za-z0-9]$")
GENERIC_BODY_WORD = "组织"
GENERIC_BODY = "组织"  # a head that names a body only with an anchor of its own
SENTENCE_OPENERS = "。\n"  # what stands before a line's or sentence's first word
REPORT = "报告"
# 各国与…办事处合作: the States are the subject, the name starts after the conjunction
STATES_BEFORE_CONJUNCTION = re.compile(r"(?:各国|会员国|成员国|缔约国|各方)(?=[与和同及])")
# 第43次全体会议: a meeting named by its number alone
NUMBERED_MEETING = re.compile(rf"第{ORDINAL_NUMERAL}次(?:全体|正式)?会议")
# 在第二届会议上: a session named by its number alone, after a preposition or a clause's start
BARE_SESSION = re.compile(rf"(?:(?<=[在于，。；])|^)第{ORDINAL_NUMERAL}届(?:特别)?会议")
GOVERNMENT = "政府"
# 在巴西萨尔瓦多举行, 在印度尼西亚杜阿岛举行: the place after a country where a meeting
# is held is a city of that country, whatever else its name may mean.
VENUE = re.compile(r"(?P<place>[^\W\d_a-zA-Z的和及与在]{2,6}?)(?:举行|召开)")
PERFECTIVE = "了"
MEETING_ANAPHOR = "会议"
# 反恐怖主义委员会及其执行局: a body's own unit, named by the unit's head alone.
OWN_UNIT = re.compile(r"及其|和其|与其")
FOCAL_POINT = "协调中心"  # UN Chinese for a focal point (a post), 中心 being its head
OWN = "其"  # the second character of each of them
UN = "联合国"
# 与身份有关…专家组: 与 opens a 与…有关 modifier that belongs to the name.
RELATED_TO = "有关"
# A topic list inside a name: 引渡、司法互助和国际合作问题…工作组; 木材、…等森林产品…会议.
TOPIC_MARKER = "问题"
LIST_END = "等"
LAST_JOINERS = ("和", "及", "与")
BARE_MEETING = "会议"
DESCRIBED_TYPES = (EntityType.PROGRAMME, EntityType.MEETING)  # named by more than one word
NAME_HYPHENS = frozenset("-－")  # a hyphen between two words of one name (欧洲联盟-联合国…)
FRAME = "在"  # the preposition a localizer (上, 中) closes: 在多大程度上
MAX_FRAME = 12  # characters of such a frame
SETTING_LOCALIZERS = frozenset({"中"})  # 行动中的…问题工作组: the setting of a name's topic
FRAME_CLOSERS = frozenset("上中下里内")  # not 间: 机构间 belongs to the name
FUNCTION_TAGS = frozenset({"v", "vn"})  # a modifier that says what a body does (协调, 咨询)
VERB_TAGS = ("v", "vn")  # the verbs that may govern a name from outside it
# Heads that one common noun before them makes a kind of body (指导委员会, 审计委员会); a
# department named by its field (人力资源司) is a unit of its own
KIND_HEADS = frozenset({"委员会", "理事会", "工作组", "工作队", "专家组"})
SUFFIX_TAG = "k"  # jieba's tag of a suffix (者 in 承诺者): it belongs to the word before it
MAX_TOPIC = 6  # characters of a topic in a list inside a name (财政、经济和环境…)


# What every match of a pattern holds (one of these): a text without it is not searched.
# These patterns open with a character class, a look-behind or a 在 that most sentences
# hold, and the regex engine tries them at every such position.
REQUIRED: dict[re.Pattern[str], tuple[str, ...]] = {
    HELD_SESSION: ("举行的",),
    MEETING_OPENING: ("举行的",),
    DATED_MEETING: ("会议上",),
    ABBREVIATED_SESSION: ("届",),
    ABBREVIATED_UNIT: ("秘书处", "执行局", "执行委员会"),
    BARE_SESSION: ("届",),
    YEARLY_SESSION: ("常会", "届会", "实质性会议", "年度会议", "年会"),
    SEGMENT: ("部分", "一般性辩论"),
}


def _finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped in a text without what its matches hold."""
    required = REQUIRED.get(pattern)
    if required is not None and not any(literal in text for literal in required):
        return iter(())
    return pattern.finditer(text)


# The characters that patterns anchored at the end ($) end with, for those that open with
# no literal (the regex engine tries them at every position of the window): a window that
# ends with another is not searched ($ matches before a last newline too: such a window is).
LAST_CHARACTERS: dict[re.Pattern[str], frozenset[str]] = {
    LATIN_NAME: frozenset(string.ascii_letters + string.digits),
    YEAR_BEFORE: frozenset("年"),
    SPAN_BEFORE: frozenset("年"),
    MANDATE_BEFORE: frozenset("题"),
}


def _search_ending(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match | None:
    """``pattern.search(text, start, end)``, for a pattern anchored at ``end``: skipped when
    the window's last character cannot end a match."""
    last = text[end - 1 : end] if end > 0 else ""
    if last in LAST_CHARACTERS[pattern] or last == "\n":
        return pattern.search(text, start, end)
    return None


class KnownNames(dict):
    """Known names of a text by where they end, with where they (and bodies) start and
    where the text's threat terms start and end."""

    starts: set[int]
    body_starts: set[int]
    actor_starts: set[int]
    threat_ends: set[int]
    threat_starts: set[int]
    ends: list[int]  # sorted

    def index(self, threats: Iterable[Candidate] = ()) -> None:
        """Record the starts and the threats' bounds; call once the names are in."""
        names = self.values()
        threats = list(threats)
        self.starts = {c.start for c in names}
        self.body_starts = {c.start for c in names if c.type is EntityType.ORGANIZATION}
        self.actor_starts = {c.start for c in names if c.type in ACTOR_TYPES}
        self.threat_ends = {c.end for c in threats}
        self.threat_starts = {c.start for c in threats}
        self.ends = sorted(self)

    def within(self, start: int, end: int) -> list[Candidate]:
        """The names inside text[start:end]."""
        ends = self.ends
        return [
            c
            for at in ends[bisect_left(ends, start) : bisect_right(ends, end)]
            if (c := self[at]).start >= start
        ]


def load_heads() -> list[tuple[str, EntityType, bool]]:
    """Name heads, longest first: (head, type, whether it is also a common verb)."""
    rows = read_table("patterns/name_heads.tsv")
    heads = [(r["head"], EntityType(r["type"]), r.get("verb") == "yes") for r in rows]
    return sorted(heads, key=lambda h: -len(h[0]))


class NameMatcher:
    name = "kg_names"

    def __init__(
        self,
        heads,
        boundaries,
        conjunctions,
        generic,
        name_words,
        categories,
        list_words,
        modified_nouns,
        authors,
        modals,
        owned_heads=(),
    ):
        self.modals = frozenset(modals)
        self.owned_heads = frozenset(owned_heads)
        self.authors = tuple(sorted(authors, key=len, reverse=True))
        self.author_set = frozenset(self.authors)
        self.author_sizes = sorted({len(a) for a in self.authors}, reverse=True)
        self.list_words = frozenset(list_words)
        self.modified_nouns = tuple(modified_nouns)
        self.categories = frozenset(categories)
        self.name_words = frozenset(name_words)
        self.heads = heads
        self.head_words = tuple(head for head, _, _ in heads)
        self.head_pattern = re.compile("|".join(re.escape(head) for head, _, _ in heads))
        self.head_types = {head: entity_type for head, entity_type, _ in heads}
        self.verb_heads = frozenset(head for head, _, verb in heads if verb)
        self.boundaries = frozenset(boundaries) | self.modals
        self.conjunctions = frozenset(conjunctions)
        self.conjunction_openers = tuple(self.conjunctions)  # for one str.startswith test
        self.generic = frozenset(generic)
        self.longest_generic = max(map(len, self.generic), default=0)
        self._generic_seen: dict[str, bool] = {}  # modifiers recur across paragraphs
        # what _inside_name says of a (word, tag) wherever it stands (None: it depends)
        self._word_verdicts: dict[tuple[str, str], bool | None] = {}
        self._names_seen: dict[tuple, bool] = {}  # is_name's answers: names recur too

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        candidates = candidates_of(doc)
        context = context_of(doc)
        known_ends = KnownNames()
        threats = []
        for c in candidates:
            if c.type is EntityType.THREAT:
                threats.append(c)
            elif c.key and (c.end not in known_ends or c.start < known_ends[c.end].start):
                known_ends[c.end] = c  # the longest known name ending here
        known_ends.index(threats)
        owner_ends = (
            sorted(end for end, c in known_ends.items() if c.key and owns_plans(c.key))
            if any(head in text for head in self.owned_heads)
            else []
        )
        for known in list(known_ends.values()):
            if known.type is not EntityType.ORGANIZATION or not SESSION_BODY.search(
                text, known.start, known.end
            ):
                continue
            ordinal = ORDINAL_BEFORE.search(text, max(0, known.start - LOOK_BACK), known.start)
            if ordinal:
                # 第十二届联合国预防犯罪和刑事司法大会: a numbered session of a congress
                candidates.append(
                    Candidate(
                        ordinal.start(), known.end, EntityType.MEETING, "name:Meeting", priority=2
                    )
                )
        candidates.extend(_units_of_known_bodies(text, known_ends, self.head_types))
        candidates.extend(_venues(text, known_ends))
        candidates.extend(_city_outcomes(text, known_ends))
        frames = _country_frames(text, known_ends)
        for match in self.head_pattern.finditer(text):
            head_start, end = match.span()
            head = match.group(0)
            dated = (
                DATED_BEFORE.search(text, max(0, head_start - MAX_NAME), head_start)
                if head in self.owned_heads
                else None
            )
            if (
                head in self.owned_heads
                and not _owner_before(owner_ends, head_start)
                and dated is None
            ):
                # 战略, 政策 name a programme only after the body that owns it, or after the
                # period it runs for (2021-2026年全球艾滋病战略)
                continue
            session = SESSION_AT_END.search(text, max(0, end - 12), end)
            if session is not None:
                head_start, end = session.span()
                entity_type = EntityType.MEETING
            else:
                entity_type = self.head_types[head]
            known = known_ends.get(end)
            if known is not None and known.start < head_start and session is None:
                continue  # a known name already ends here
            if session is None:
                if not head_ends_word(text, head_start, end):
                    continue
                if (
                    text[max(0, head_start - 1) : end] in self.generic
                    or text[max(0, head_start - 2) : end] in self.generic
                ):
                    continue  # 联合国总部, 议程项目: the head ends a generic word (总部, 议程项目)
                if text.startswith(self.modified_nouns, end):
                    continue  # 秘书处服务, 警察廉正: the head modifies the noun after it
                if head in self.verb_heads and _used_as_verb(text, head_start, end, known_ends):
                    continue  # 办公室组织了…, 政府报告了…: the head is used as a verb
            entitled = ENTITLED.search(text, max(0, head_start - MAX_NAME), head_start)
            if entitled is not None and entity_type in TITLED_TYPES:
                # 题为“我们希望的未来”的成果文件: the text is named by its title
                candidates.append(
                    Candidate(*entitled.span("title"), entity_type, f"name:{entity_type}",
                              priority=1)
                )  # fmt: skip
                continue
            if entity_type is EntityType.PROGRAMME and text[end : end + 1].isdigit():
                continue  # 战略框架方案13: the framework's numbered part, not a programme's name
            if head in QUOTED_PROGRAMME_HEADS and text.startswith("”", end):
                opening = text.rfind("“", max(0, head_start - MAX_NAME), head_start)
                if (
                    opening >= 0
                    and "”" not in text[opening:head_start]
                    and head_start - opening > 1
                    and not first_tag(text[opening + 1 : head_start]).startswith("v")  # “审查…”
                ):
                    # 启动的“游戏项目”: the quotation is the programme's whole name
                    whole = text[opening + 1 : end]
                    candidates.append(
                        Candidate(opening, end + 1, entity_type, "name:quoted", "", whole, 1)
                    )
                    continue
            start = self.left_edge(text, head_start, known_ends, entity_type)
            if start is None:
                continue  # the name would run on past any clause: a description, not a name
            periodic = entity_type is EntityType.PROGRAMME and PERIOD_AFTER.match(text, end)
            if periodic and text.endswith(LIST_JOINERS, 0, start):
                # 制定了社区恢复和复原计划（2022-2024年）: a plan with its period is named
                # whole, topics listed back to the verb's 了 or 的
                opening = max(text.rfind(mark, max(0, start - LOOK_BACK), start) for mark in "了的")
                if opening >= 0 and not any(p in text[opening:start] for p in "，。；、（）"):
                    start = opening + 1
            if entity_type is EntityType.INSTRUMENT and (
                meeting := _named_ending_at(candidates, head_start, start, EntityType.MEETING)
                or _meeting_of(candidates, text, head_start)
            ):
                # 妇女地位委员会第六十五届会议商定结论, …会议的政治宣言: the outcome named by
                # its session
                held = meeting.label or text[meeting.start : meeting.end]
                candidates.append(
                    Candidate(meeting.start, end, entity_type, f"name:{entity_type}", "",
                              held + text[meeting.end : end], 2)
                )  # fmt: skip
                # the session stays named inside it (who adopted it), by its own key
                candidates.append(meeting._replace(key=entity_key(EntityType.MEETING, held)))
                continue
            if session is not None and (
                unit := _named_ending_at(candidates, head_start, start, EntityType.ORGANIZATION)
            ):
                # 欧洲经委会执行委员会第125次会议: the session of the unit named just before
                # (whose 执行 the left edge took for a verb)
                label = (unit.label or text[unit.start : unit.end]) + text[head_start:end]
                candidates.append(
                    Candidate(unit.start, end, entity_type, f"name:{entity_type}", "", label, 2)
                )
                continue
            if text.endswith(HASHTAG, 0, start) and text[start : start + 1].isascii():
                start -= len(HASHTAG)  # #eSkills4Girls倡议: a campaign named by its hashtag
            number = ORDINAL_BEFORE.search(text, start, head_start)
            if (
                entity_type is EntityType.ORGANIZATION
                and SESSION_BODY.search(head)
                and number is not None
                and (number.start() == start or TITLE_BEFORE.fullmatch(text, start, number.start()))
            ):
                # 联合国气候变化框架公约第二十八次缔约方会议: a numbered conference of the
                # parties is a session, named with the instrument before its number
                entity_type = EntityType.MEETING
                treaty = known_ends.get(start)
                if treaty is not None and treaty.type is EntityType.INSTRUMENT:
                    start = treaty.start
            place = known_ends.get(text.find("“", start, head_start))
            if (
                entity_type is EntityType.PROGRAMME
                and place is not None
                and place.start == start
                and place.type in PLACE_TYPES
            ):
                start = place.end  # 巴基斯坦“好东西互联网”数字平台: the place it runs in
            quoted = QUOTED_NAME.search(text, start, head_start)
            if (
                quoted is not None
                and quoted.start() == start
                and head == AGENDA_ITEM
                and text.endswith(AGENDA_CUES, 0, start)
            ):
                continue  # 在审议“西非和平与安全”项目时: an agenda item, no project
            if (
                quoted is not None
                and quoted.start() == start
                and head in NEEDS_ANCHOR - UNIT_HEADS  # “…之友”小组 keeps its head
            ):
                start, end = quoted.start("name"), quoted.end("name")
                candidates.append(
                    Candidate(start, end, entity_type, rule=f"name:{entity_type}", priority=1)
                )
                continue
            national = entity_type is EntityType.ORGANIZATION and self._national_office(head)
            country = _framing_country(frames, head_start) if national else None
            state = _government_of(text, start, known_ends) if national else None
            if state is not None:
                # 荷兰政府外交部: the Country (its government) and its ministry, two names
                rest = state.end + len(GOVERNMENT)
                candidates.append(
                    Candidate(rest, end, entity_type, "name:national", "",
                              state.label + text[rest:end], 1)
                )  # fmt: skip
                continue
            if country is not None and start == head_start and len(head) > 1:
                # 在巴勒斯坦国，…财政部: the framing country's ministry, written bare
                candidates.append(
                    Candidate(start, end, entity_type, "name:national", "",
                              country.label + head, 1)
                )  # fmt: skip
                continue
            latin = _search_ending(LATIN_NAME, text, max(0, head_start - MAX_NAME), head_start)
            if (
                entity_type is EntityType.ORGANIZATION
                and latin is not None
                and latin.start() <= start
            ):
                if head == GENERIC_BODY_WORD:
                    # WomenWin组织, Plan International组织: the Latin name is the body's
                    # whole name, 组织 only says what it is
                    candidates.append(
                        Candidate(latin.start(), head_start, entity_type, "name:latin",
                                  priority=1)
                    )  # fmt: skip
                    continue
                start = latin.start()  # Plan International基金会: the Latin words, whole
            name = text[start:end]
            if COUNTED_PART.search(name):
                continue  # …战略计划中提到的九项变革战略: some of a kind, counted, not one named
            inside = known_ends.within(start, end)
            owner = known_ends.get(start)  # 儿基会气候行动计划: the body's own programme
            if owner is None and match.group(0) in self.owned_heads and text.endswith(OF, 0, start):
                owner = known_ends.get(start - len(OF))  # 人口基金的残疾包容战略: its own
            owned = (
                entity_type is EntityType.PROGRAMME
                and owner is not None
                and owner.type is EntityType.ORGANIZATION
                and owner.key != UN_KEY
                and not text.endswith(TOPIC_MARKER, start, head_start)  # 办公室毒品问题方案
            )
            if dated is not None and (
                self._generic(dated.group("words")) or text.startswith(self.head_words, end)
            ):
                # 2021-2025年国家战略: any State's strategy for a period; …战略计划: the
                # name goes on to a longer head
                dated = None
            if head in self.owned_heads and not ((owned and owns_plans(owner.key)) or dated):
                continue  # 一项新的沟通战略: a strategy described, not an agency's named one
            if (
                dated is not None
                and head in self.owned_heads
                and not owned
                and dated.start() < start
            ):
                start = dated.start()  # 2021-2026年全球艾滋病战略: named with its period
                name = text[start:end]
            anchored = (
                (start == 0 and end == len(text))
                or country is not None
                or bool(inside)
                or owned
                or _abbreviated_after(text, start, end)  # …信息网络（FSIN）, …（粮安网）
                or (head in OWN_PROGRAMME_HEADS and text.endswith(OWN_MEANS, 0, start))
                or (entity_type is EntityType.PROGRAMME and _run_by_body(text, end, known_ends))
                # 腐败和经济犯罪处: a unit named by the threat it works on
                or (head in UNIT_HEADS and start in known_ends.threat_starts)
                or bool(periodic)  # 社区恢复和复原计划（2022-2024年）: a plan of its years
            )
            if inside and head in UNIT_HEADS:
                # 儿基会外地办事处: a body's unit is named only by a word of its own, which
                # may be a place (欧安组织明斯克小组)
                bodies = [c for c in inside if c.type is EntityType.ORGANIZATION]
                unit = text[max(c.end for c in bodies or inside) : head_start]
                anchored = not self._generic(unit)
            if entity_type is EntityType.PUBLICATION and _by_author(name, self.authors):
                candidates.append(  # 秘书长关于…的报告: one definite report
                    Candidate(start, end, entity_type, rule="name:authored", priority=1)
                )
                continue
            if text.endswith(VERB_JOINER, 0, start):
                anchored = False  # 扩大并改进减少需求方案: the verb is a predicate, not the name's
            if len(head) == 1 and first_tag(text[start:head_start]) == "nr":
                continue  # 黄浚局长: a person's name before 局 is no body's
            if (
                session is None
                and head == SPECIAL_SESSION
                and any(
                    c.start == start and c.end == head_start and c.type is EntityType.ORGANIZATION
                    for c in inside
                )
            ):
                continue  # 大会特别会议: a body's special session not told apart by number or topic
            if SIGNATURE.match(text, end):
                continue  # 某某局(签名): a signatory of a letter, a person
            if head in ABBREVIATED_HEADS and not _abbreviated_after(text, start, end):
                continue  # 加强气候行动 is an act; 全球…行动（GLO.ACT） is a programme named so
            if text.endswith(FOCAL_POINT, 0, match.end()):
                continue  # 青年问题协调中心: a focal point, a post (their 网络 is named)
            if entity_type is EntityType.MEETING and _numbered_of_known(text, start, known_ends):
                # 巴黎公约举措的第十五次政策协商会议: one meeting of a known series, named
                # with its owner's name
                owner = known_ends[start - len(OF)]
                candidates.append(
                    Candidate(start, end, entity_type, "name:owned-meeting", "",
                              (owner.label or text[owner.start : owner.end]) + name, 1)
                )  # fmt: skip
                continue
            if not self.is_name(
                name,
                text[head_start:end],
                entity_type,
                anchored,
                text.endswith(VERB_JOINER, 0, start),
                country is not None
                or (
                    bool(inside)
                    and any(c.start == start and c.type is EntityType.COUNTRY for c in inside)
                ),
            ) and not (head in GROUP_HEADS and end in cited_at(doc)):
                if not _own_numbered_meeting(text, start, name, context):
                    continue  # 主要捐助方集团¹⁴: a group a footnote defines has a name of its own
            if entity_type is EntityType.PROGRAMME and INDEFINITE_BEFORE.search(
                text, max(0, start - LOOK_BACK), start
            ):
                continue  # 是一项次区域药物管制举措: a description, not a name
            if (
                entity_type is EntityType.PROGRAMME
                and not anchored
                and "”" not in name
                and NEW_BEFORE.search(text, max(0, start - LOOK_BACK), start)
            ):
                continue  # 试行了一项新的促进性别平等倡议: a new initiative described
            if (
                entity_type is EntityType.PROGRAMME
                and "”" not in name
                and NEW_BEFORE.search(text, start, head_start)
                and NEW_WORD in _plain_words(text[start:head_start])[-2:]
            ):
                continue  # 关于性骚扰的多利益攸关方新倡议: "new" before the head describes it
            if text.endswith(QUANTIFIERS, 0, start):
                continue  # 各种技术展望组织: a kind of body, not one body
            if (
                head in RELATION_HEADS
                and not text.endswith("”", 0, head_start)  # “全民健康覆盖”伙伴关系 is named
                and first_tag(text[start:head_start][-2:]) == "v"
            ):
                continue  # 结成伙伴关系, 加强伙伴关系: a partnership formed, not one named
            if entity_type is EntityType.PROGRAMME and (period := PERIOD_AFTER.match(text, end)):
                end = period.end()  # 联合国促进老龄健康十年(2021-2030): its period is its name's
            if owned and head == NETWORK:
                # 行政首长协调会人力资源网络: a body's network of agencies is a body of its
                # own, named with the body's full name
                label = (owner.label or text[owner.start : owner.end]) + text[owner.end : end]
                candidates.append(
                    Candidate(owner.start, end, EntityType.ORGANIZATION, "name:network", "",
                              label, priority=1)
                )  # fmt: skip
                continue
            if owned:
                # 儿基会气候行动计划: written with its body, named without it; the body
                # stays a mention inside (who runs it)
                candidates.append(
                    Candidate(
                        start if owner.end < start else owner.start,  # 人口基金的…战略: after 的
                        end,
                        entity_type,
                        "name:owned",
                        "",
                        name,
                        priority=1,
                    )
                )
                continue
            # the longest known name the name opens with (欧洲经委会, not 欧洲 inside it)
            body = max((c for c in inside if c.start == start), key=lambda c: c.end, default=None)
            if (
                entity_type is EntityType.MEETING
                and body is not None
                and body.type is EntityType.ORGANIZATION
                and body.label
                and (SESSION_AT_END.fullmatch(text, body.end, end) or session is not None)
            ):
                # 大会第二十三届特别会议, 欧洲经委会执行委员会第125次会议: named by the body's
                # full name, as in every document
                candidates.append(
                    Candidate(start, end, entity_type, f"name:{entity_type}", "",
                              body.label + text[body.end : end], 1)
                )  # fmt: skip
                continue
            if (
                entity_type is EntityType.MEETING
                and body is not None
                and body.key
                and body.type is EntityType.ORGANIZATION
                and text[body.end : end] == BARE_MEETING
            ):
                continue  # 人权理事会会议期间: a meeting of a known body, not one named
            if (
                entity_type is EntityType.ORGANIZATION
                and body is not None
                and body.type is EntityType.ORGANIZATION
                and body.label
                and body.end < end
            ):
                # 欧洲经委会秘书处: a body's unit is named by the body's full name, so that
                # it is one entity however the body is written
                candidates.append(
                    Candidate(start, end, entity_type, f"name:{entity_type}", "",
                              body.label + text[body.end : end], 1)
                )  # fmt: skip
                continue
            if country is not None and not inside:
                # 在肯尼亚，…国家统计局: named with its country, one office of one State
                candidates.append(
                    Candidate(start, end, entity_type, "name:national", "",
                              country.label + name, 1)
                )  # fmt: skip
                continue
            own = context.own_body
            if own is not None and NUMBERED_MEETING.fullmatch(name):
                # 第43次全体会议 in an ECOSOC resolution: the own body's meeting, named by it
                candidates.append(
                    Candidate(start, end, entity_type, f"name:{entity_type}", "",
                              own.label + name, 1, own.key)
                )  # fmt: skip
                continue
            candidates.append(
                Candidate(start, end, entity_type, rule=f"name:{entity_type}", priority=1)
            )
        candidates.extend(_sessions_of_subjects(text, known_ends, candidates, context))
        candidates.extend(_sessions_in_series(text, candidates, context))
        candidates.extend(self._authored_reports(text, context, known_ends))
        candidates.extend(_yearly_sessions(text, known_ends, context))
        candidates.extend(_own_session_line(text, context))
        candidates.extend(_administrative_places(text, known_ends))
        candidates.extend(_units_after_abbreviations(text, known_ends))
        candidates.extend(_stationed_offices(text, known_ends))
        candidates.extend(_general_comments(text, known_ends))
        candidates.extend(_enumerated_sessions(text, candidates))
        candidates.extend(_segments(text, candidates))
        candidates.extend(_session_reports(text, candidates))
        if YEAR_REPORT_MARK in text:
            candidates.extend(_yearly_reports(text, candidates))
        return doc

    def _authored_reports(
        self, text: str, context: DocumentContext, known: KnownNames
    ) -> list[Candidate]:
        """秘书长的报告: in a document on one topic, the author's report on that topic (a
        resolution considering it, or the report itself under its title), named with
        the author's whole title where it is written (联合国人权事务高级专员的报告)."""
        found = [
            # 执行主任的年度报告: the author's yearly report, one definite report
            Candidate(m.start(), m.end(), EntityType.PUBLICATION, "name:authored-report",
                      priority=1)
            for author in (self.authors if YEARLY_REPORT in text else ())
            for m in re.finditer(re.escape(author + YEARLY_REPORT), text)
            if not text.endswith(AUTHORS_LISTED, 0, m.start())
        ]  # fmt: skip
        for author in self.authors if AUTHORED_REPORT in text else ():
            start = text.find(author + AUTHORED_REPORT)
            while start >= 0:
                end = start + len(author) + len(AUTHORED_REPORT)
                if text.endswith(AUTHORS_LISTED, 0, start):
                    # 高级专员办事处和秘书长的报告: the reports of several authors, in general
                    start = text.find(author + AUTHORED_REPORT, end)
                    continue
                mandate = _search_ending(MANDATE_BEFORE, text, max(0, start - MAX_NAME), start)
                if mandate is not None:
                    # 残疾人权利问题特别报告员的报告: the mandate names the report's topic,
                    # back to a verb, preposition or particle of the clause (注意到, 关于, 了)
                    written = mandate.group("topic")
                    topic = mandate.start("topic") + written.rfind("了") + 1
                    for word, flag in tagged_words(text[topic : mandate.end("topic")]):
                        if not (flag == "p" or word in self.boundaries):
                            break
                        topic += len(word)
                    found.append(
                        Candidate(topic, end, EntityType.PUBLICATION, "name:authored-report", "",
                                  "", priority=1)
                    )  # fmt: skip
                    start = text.find(author + AUTHORED_REPORT, end)
                    continue
                start = self._titled_author(text, start, author, known)
                topic = OWN_NUMBER_BEFORE.sub("", TRAILING_MARKS.sub("", context.title))
                if topic.endswith(REPORT):
                    label = topic  # the title is the report itself (…执行主任的报告)
                else:
                    label = f"{author}关于{topic}的报告" if topic else ""
                found.append(
                    Candidate(start, end, EntityType.PUBLICATION, "name:authored-report", "",
                              label, priority=1)
                )  # fmt: skip
                start = text.find(author + AUTHORED_REPORT, end)
        return found

    def _titled_author(self, text: str, start: int, author: str, known: KnownNames) -> int:
        """Where the author's whole title begins, for a post written at ``start``: after
        its body's name (世界卫生组织总干事) or as the name of the post's office
        (联合国人权事务高级专员, whose office is …高级专员办事处)."""
        body = known.get(start)
        if body is not None and body.type is EntityType.ORGANIZATION and body.key != UN_KEY:
            start = body.start
            if text.endswith(JOINT_POST, 0, start):
                # 副秘书长兼…执行主任: the author holds two posts, both in the title
                other = self._post_before(text, start - len(JOINT_POST))
                return start - len(JOINT_POST) - len(other) if other else start
            return start
        end = start + len(author)
        for post in _office_posts():
            if post.endswith(author) and text.endswith(post, 0, end):
                return end - len(post)
        return start

    def left_edge(
        self, text: str, head_start: int, known: KnownNames, entity_type: EntityType
    ) -> int | None:
        """Where the name ending in the head at ``head_start`` begins; None when it would
        run further left than a name can (no word of the clause ends it)."""
        window_start = clause = _clause_start(text, head_start)
        start = head_start
        words = _words_ending_at(text, window_start, start)
        suffix = ""  # the last word taken, if jieba tags it a suffix (者, 们)
        while True:
            entity = known.get(start)
            closing = text[start - 1] if start else ""
            opening = (
                text.rfind(BRACKETS[closing], max(0, start - MAX_NAME), start)
                if closing in BRACKETS
                else -1
            )
            if entity is not None and entity.start >= window_start:
                if (
                    entity_type is EntityType.PROGRAMME
                    and entity.type is EntityType.ORGANIZATION
                    and entity.key != UN_KEY  # 联合国促进老龄健康十年: 联合国 opens the name
                ):
                    break  # 人居署加强城市安全方案: the body's programme, named without the body
                if entity.type is EntityType.CITY and self._opens_with_body(start, known):
                    break  # 在日内瓦人权理事会第五十二届会议上: the city is the venue
                start, suffix = entity.start, ""  # a known name inside the name: take it whole
            elif opening >= 0:
                # a quoted or titled part: “2008年之后”全球论坛, 《公约》政策会议
                start, suffix = opening, ""
                window_start = _clause_start(text, start)
            elif not words:
                break
            else:
                word, flag = words.pop()
                before = start - len(word)
                if word == OF and _inside_setting(
                    word, words, text, before, start, head_start, known
                ):
                    # 人道主义行动中的性别问题工作组: the setting of the topic is the name's
                    start = before - len(words.pop()[0])
                    suffix = ""
                    continue
                if word == ON_BEHALF and _speaker_before(text, before, words, known):
                    break  # （墨西哥）代表里约集团发言: the speaker acts for the group
                after_title = text[before - 1 : before] in BRACKETS  # “…”加速计划
                if (
                    (
                        not after_title
                        and flag in VERB_TAGS
                        and not _last_topic(text, before, start, head_start, bool(words))
                        and self._clause_verb(
                            word,
                            flag,
                            text[start:head_start],
                            words[-2:],
                            self._opens_with_body(start, known),
                        )
                    )
                    or (
                        flag == "v"
                        and self._after_name_and(word, flag, text, before, words[-1:], known)
                    )
                    or (flag == "v" and len(word) == 1 and _opens_clause(text, before))
                    or not (
                        verdict  # what the word alone says, where that decides (most words)
                        if (verdict := self._word_verdicts.get((word, flag))) is not None
                        else self._inside_name(
                            word,
                            flag,
                            text,
                            before,
                            known.get(before),
                            entity_type is EntityType.MEETING and start in known.actor_starts,
                        )
                    )
                    or (
                        self._joins(word, flag)
                        and not self._joinable(
                            words,
                            known,
                            before,
                            text[start:head_start],
                            self._opens_with_body(start, known),
                        )
                        # 引渡、司法互助和…问题: a topic list, unless a body opens what follows
                        and (
                            TOPIC_MARKER not in text[start:head_start]
                            or self._opens_with_body(start, known)
                        )
                    )
                ):
                    if flag.startswith("v") and words and words[-1][0] == PERFECTIVE:
                        start -= len(word)  # 举办了实施…会议: after 举办了 a verb opens the object
                    elif suffix:
                        start += len(suffix)  # 承诺者和《…》理事会: 者 ends the word 承诺者
                    break
                suffix = word if flag == SUFFIX_TAG else ""
                start -= len(word)
                continue
            words = _words_ending_at(text, window_start, start)
        while start > window_start + 1 and text[start - 1] in NAME_DOTS:
            # 科菲·安南基金会: a transliterated person's name is whole, its dot inside the name
            given = _words_ending_at(text, window_start, start - 1)
            if not given or not given[-1][0][-1:].isalpha():
                break
            start -= 1 + len(given[-1][0])
        post = self._post_before(text, head_start) if entity_type is EntityType.ORGANIZATION else ""
        if post and start > head_start - len(post):
            # 执行主任办公室, 副执行主任办公室: the office of a post, named whole
            deputy = DEPUTY_BEFORE.search(text, 0, head_start - len(post))
            start = deputy.start() if deputy else head_start - len(post)
        if start == window_start and start > 0 and text[start - 1] not in HARD_STOP:
            return None
        known_edge = start in known or start in known.starts
        if not known_edge and splits_pair(text, start):
            return None  # 其实体和…办事处: jieba split a word of the clause, the edge is unsure
        start = self._topic_list_start(text, start, head_start)
        start = self._after_conjunctions(text, start, head_start)
        start = self._after_governing_verb(text, start, head_start, known)
        if text[start - 1 : start] == "与" and RELATED_TO in text[start:head_start]:
            start -= 1
        if entity_type is EntityType.MEETING:
            devoted = DEVOTED_TO.search(text, clause, start)
            if devoted is not None:
                # 第一届专门讨论裁军问题的大会特别会议: the session named by its topic
                start = devoted.start()
                body = known.get(start)
                if body is not None and body.type is EntityType.ORGANIZATION:
                    start = body.start  # 大会第一届专门讨论裁军问题的特别会议
            count = _last(EVENT_COUNT.finditer(text, clause, start))
            if count is not None and _describes_nothing(text[count.end() : start]):
                start = count.end()
            span = _search_ending(SPAN_BEFORE, text, clause, start)
            if span is not None and DECADE in text[start:head_start]:
                return span.start()  # 2013-2022年亚洲及太平洋残疾人十年…会议: the decade's years
            year = _search_ending(YEAR_BEFORE, text, clause, start)
            if (
                year is not None
                and start < head_start  # 2023年论坛: a bare head is no name, whatever its year
                and (year.start() == clause or text[year.start() - 1] in YEAR_OPENERS)
                and not ORDINAL.search(text, start, head_start + SESSION_REACH)
            ):
                return year.start()  # 自2017年可持续发展高级别政治论坛以来: that year's forum
        if entity_type is EntityType.PROGRAMME:
            years = _last(YEAR_SPAN.finditer(text, clause, start))
            if (
                years is not None
                and start - years.end() <= YEAR_SPAN_REACH
                and (
                    years.start() == clause
                    or text[years.start() - 1] in "了的"
                    or _body_ends_at(known, years.start())  # 儿基会2022-2025年战略计划
                )
            ):
                return years.start()
            year = _search_ending(YEAR_BEFORE, text, clause, start)
            if year is not None and (year.start() == clause or text[year.start() - 1] in "在的了"):
                return year.start()  # 在2023年海地人道主义应急计划中: the plan of that year
        if entity_type is EntityType.PUBLICATION and start < head_start:
            year = _search_ending(YEAR_BEFORE, text, clause, start)
            if year is not None and (
                year.start() == clause or text[year.start() - 1] in REPORT_YEAR_OPENERS
            ):
                return year.start()  # 根据2022年世界粮食安全和营养状况报告: that year's report
        about = ABOUT.search(text, max(0, start - 2 * MAX_NAME), start)
        if about is not None:
            if entity_type is EntityType.PUBLICATION and text[: about.start()].endswith(
                self.authors
            ):
                # 秘书长关于…的报告: one definite report, named by its author and topic
                author = next(a for a in self.authors if text.endswith(a, 0, about.start()))
                return self._titled_author(text, about.start() - len(author), author, known)
            body = known.get(about.start())
            if (
                entity_type is EntityType.MEETING
                and body is not None
                and body.type is EntityType.ORGANIZATION
                and body.start >= clause
            ):
                return body.start  # 大会关于千年发展目标问题的高级别全体会议: the body's meeting
            return about.start()  # 关于安全、非法药物贩运…的挑战的部长级会议
        ordinal = ORDINAL_BEFORE.search(text, max(0, start - LOOK_BACK), start)
        if ordinal is None:
            return start
        title = TITLE_BEFORE.search(text, max(0, ordinal.start() - MAX_NAME * 2), ordinal.start())
        # 《马德里…行动计划》第四次审查会议: the instrument the meeting reviews opens its name
        return title.start() if title else ordinal.start()

    def _post_before(self, text: str, end: int) -> str:
        """The post (执行主任, 秘书长) written right before ``end``, or ""."""
        for size in self.author_sizes:
            if text[end - size : end] in self.author_set:
                return text[end - size : end]
        return ""

    def _clause_verb(
        self, word: str, flag: str, rest: str, left: list[tuple[str, str]], body_next: bool
    ) -> bool:
        """Is ``word`` a verb of the clause rather than of the name it stands before?

        Names hold verbs after a noun of theirs (家庭森林巡视举措) or as purpose words
        (打击绑架方案); a verb before another verb (处理促进…), one that opens the clause
        (after a boundary, another verb or nothing: 采取举措, 筹备…峰会) and one right
        before a body's name (植根于联合国评价小组) govern the name from outside it.
        ``left`` holds the (up to two) words before ``word``. The last member of a list of
        topics (科学、技术和创新促进…论坛: a noun, a conjunction, then the verb) is no
        clause verb. A verb after a modal (应加强…) is the clause's predicate.
        """
        if left and left[-1][0] in self.modals:
            return True
        if left and left[-1][0] in JOINTLY and flag in VERB_TAGS:
            return True  # 与开发署共同管理…论坛: a verb done jointly is the clause's predicate
        if (
            left
            and left[-1][0] in SUBJECT_PRONOUNS
            and flag == "v"
            and len(word) > 1
            and (len(left) < 2 or left[-2][1] in CLAUSE_OPENING_TAGS)
        ):
            # 鼓励各国接受法院的管辖, 请各国加强…: the pronoun is its subject (非洲各国禁毒
            # 执法机构负责人会议: after a place 各国 is the name's own)
            return True
        if flag not in VERB_TAGS or len(word) < 2 or word in self.name_words:
            return False  # one character tagged a verb is most often a word cut wrongly (可|持续)
        if len(left) == 2 and self._joins(*left[1]) and left[0][1] in TOPIC_TAGS:
            return False
        left = left[-1:]
        words = [w for w in tagged_words(rest) if w[0].strip()]
        opens_clause = not left or (
            left[0][0] not in self.name_words
            and (left[0][1] == "v" or not self._inside_name(left[0][0], left[0][1]))
        )
        after_noun = bool(left) and left[0][1] in NOUN_TAGS  # 空间应用促进…: the name's own
        if (
            flag == "v"
            and words
            and (words[0][1] == "v" or words[0][0] in self.name_words)
            and not after_noun
        ):
            return True  # 处理促进…, 请求加强…: a verb before another verb
        if body_next and (flag == "v" or not left):
            return True  # 植根于联合国评价小组, “审查联合国…方案: a verb before a body governs it
        if flag == "v" and words and opens_clause:
            return True  # 筹备可持续发展目标峰会: a verb opening the clause governs the name
        if words and not self._generic(rest):
            return False
        if not left:
            return True  # 动员公私伙伴关系: a verb opening the clause before generic words
        return flag == "v" and opens_clause

    def _after_name_and(
        self,
        word: str,
        flag: str,
        text: str,
        before: int,
        left: list[tuple[str, str]],
        known: dict[int, Candidate],
    ) -> bool:
        """论坛和筹备…峰会: a verb after a conjunction that ends a complete name opens a
        phrase of its own, so it governs the name after it rather than belongs to it.
        ``before`` is where the verb starts in ``text``."""
        if flag != "v" or len(word) < 2 or word in self.name_words or not left:
            return False
        conjunction = left[0][0]
        if not self._joins(*left[0]):
            return False
        rest = before - len(conjunction)
        entity = known.get(rest)
        return self._ends_with_head(text, rest) or (
            entity is not None and entity.type not in PLACE_TYPES
        )

    def _national_office(self, head: str) -> bool:
        """Does ``head`` end the name of one State's office (局, 部, 财政部, 卫生部)?"""
        return head in NATIONAL_OFFICES or (
            head[-1] in NATIONAL_OFFICES and self.head_types.get(head) is EntityType.ORGANIZATION
        )

    def _head_of(self, name: str) -> str:
        return next((head for head, _, _ in self.heads if name.endswith(head)), "")

    def _after_governing_verb(
        self, text: str, start: int, head_start: int, known: dict[int, Candidate]
    ) -> int:
        """加强欧洲经济委员会秘书处: a verb before a body's name governs the name, which
        starts with the body."""
        words = list(tagged_words(text[start:head_start]))
        verb = start
        if words and words[0][0] in self.authors:  # 秘书长加强…秘书处: a post is the subject
            verb += len(words.pop(0)[0])
        if len(words) < 2 or not (words[0][1] == "v" or words[0][0] in self.name_words):
            return start
        body = verb + len(words[0][0])
        return body if self._opens_with_body(body, known) else start

    @staticmethod
    def _opens_with_body(start: int, known: KnownNames) -> bool:
        return start in known.body_starts

    def _joins(self, word: str, flag: str) -> bool:
        return word in self.conjunctions or flag == "c"

    def _joinable(
        self,
        words: list[tuple[str, str]],
        known: dict[int, Candidate],
        end: int,
        following: str,
        following_body: bool,
    ) -> bool:
        """Can a conjunction ending the words before ``end`` join two parts of a name?
        Only after a word that can itself end a name's modifier (预防和控制…, 科学和技术…),
        not after a verb or an idiom of the clause (乌克兰高度重视与…)."""
        before = known.get(end)
        if before is not None and before.type is EntityType.COUNTRY:
            # 在约旦与教育部合作: a State and one common word of an office are two things
            # (瑞士和列支敦士登委员会 joins two States)
            tagged = tagged_words(following)
            return len(tagged) > 1 or any(_proper(flag) for _, flag in tagged)
        if before is not None or end in known.threat_ends:
            return True  # 打击洗钱和恐怖主义融资方案: after a threat, the name lists topics
        if not words or following_body:
            return False  # 网站和联合国评价小组: a body's own name starts after the conjunction
        word, flag = words[-1]
        if word in self.name_words:
            return True
        if flag == "v" and first_tag(following) in ("v", "vn"):
            return word not in self.boundaries  # 审查和评价…会议: two verbs of the name joined
        return flag not in CLAUSE_TAGS and word not in self.boundaries

    def _after_conjunctions(self, text: str, start: int, head_start: int) -> int:
        """A name never opens with a conjunction (以及工作队, 和外地办事处), nor with the
        States that one joins to it (各国与…办事处合作)."""
        plural = STATES_BEFORE_CONJUNCTION.match(text, start, head_start)
        if plural is not None:
            start = plural.end()
        moved = True
        while moved and start < head_start:
            moved = False
            if not text.startswith(self.conjunction_openers, start):
                break
            for conjunction in self.conjunctions:
                after = start + len(conjunction)
                if (
                    text.startswith(conjunction, start)
                    and after < head_start
                    and not splits_pair(text, after)  # 和平与安全…: 和 opens the word 和平
                ):
                    start = after
                    moved = True
                    break
        return start

    def _topic_list_start(self, text: str, start: int, head_start: int) -> int:
        """Extend a name over the topic list it opens with (引渡、司法互助和国际合作问题…).

        The list's earlier members are written before 、 (and closed by 等), so
        the clause-bound walk stops at them; a topic word (问题) or 等 shows they
        belong to the name.
        """
        modifier = text[start:head_start]
        # 财政、经济和环境部长会议: the name opens with the last two members of a list
        joined = text.endswith("、", 0, start) and any(c in modifier for c in LAST_JOINERS)
        if TOPIC_MARKER not in modifier and not joined:
            if not text.endswith(LIST_END, 0, start) or self._generic(modifier):
                return start  # 毒品等主题小组: a list before a generic noun is a description
        while start > 0 and text[start - 1] in ("、", LIST_END):
            member_end = start - 1
            words = _words_ending_at(text, _clause_start(text, member_end), member_end)
            begin = member_end
            while words:
                word, flag = words.pop()
                if (
                    (self._joins(word, flag) and self._ends_with_head(text[: begin - len(word)]))
                    or (word not in self.list_words and not self._inside_name(word, flag))
                    # 继续执行学校暴力、…: a verb before the member's words is the clause's
                    or (flag == "v" and begin < member_end and word not in self.name_words)
                ):
                    break  # a member ends at a conjunction after a name (委员会和科学、…)
                begin -= len(word)
            member = text[begin:member_end]
            if (
                begin == member_end
                or self._ends_with_head(member)
                or (
                    joined
                    and TOPIC_MARKER not in modifier
                    and (
                        len(member) > MAX_TOPIC
                        or first_tag(member[-2:]) in PROPER_TAGS  # 美联储、欧洲央行和…银行
                    )
                )
            ):
                break  # 外交部、儿基会…委员会, …大会、…问题国际会议: names, not topics
            start = begin
        return start

    def _inside_name(
        self,
        word: str,
        flag: str,
        text: str = "",
        at: int = 0,
        entity_before=None,
        actors_meet: bool = False,
    ) -> bool:
        """Can ``word`` (with jieba part of speech ``flag``), written at ``at`` in
        ``text``, be part of a name? ``actors_meet``: a meeting's name goes on with a
        body or State right after ``word`` (77国集团和中国…峰会, 非洲联盟和欧洲联盟首脑会议)."""
        verdict = self._word_verdicts.get((word, flag), UNSEEN)
        if verdict is UNSEEN:
            if len(self._word_verdicts) >= GENERIC_MEMO:
                self._word_verdicts.clear()
            verdict = self._word_verdicts[word, flag] = self._word_verdict(word, flag)
        if verdict is not None:
            return verdict
        if word in self.name_words or ORDINAL.fullmatch(word):
            return True
        if word in ORDINAL_COUNTERS and ORDINAL_NUMBER.search(text, max(0, at - LOOK_BACK), at):
            return True  # 第四十七|次年度会议: jieba cut the ordinal before its counter
        if LATIN_NUMBER.match(word) and LATIN_BEFORE.search(text, max(0, at - MAX_NAME), at):
            return True  # COVID-19工具加速计划: the number of a Latin name
        if word in NAME_HYPHENS:
            return True  # 儿基会因诺琴蒂-全球研究与展望办公室: two names made one
        if word in self.boundaries or word.isspace() or NUMERAL.match(word):
            return False
        if len(word) == 4 and word[:2] in self.boundaries and word[2:] in self.boundaries:
            return False  # 负责管理 (one jieba word): two verbs, each of which ends a name
        if flag in IDIOM_TAGS and word[-2:] in self.boundaries:
            return False  # 积极参与 (jieba's idiom): an adverb and a verb that ends the name
        if (flag == "f" and len(word) == 1) and (
            self._ends_with_head(text, at)
            or (word in FRAME_CLOSERS and _in_frame(text[max(0, at - MAX_NAME) : at]))
        ):
            # 在…会议上和…论坛上: a localizer after a complete name ends it; 在多大程度上:
            # a localizer closing 在… frames an adverbial, and the name starts after it
            return False
        if word in self.conjunctions or flag == "c":
            # X和Y…委员会 is one name unless a complete body name ends before the conjunction;
            # a meeting of two actors is named after both.
            if entity_before is not None and entity_before.type not in PLACE_TYPES:
                return actors_meet and entity_before.type in ACTOR_TYPES
            return not self._ends_with_head(text, at)
        return flag not in STOP_TAGS

    def _word_verdict(self, word: str, flag: str) -> bool | None:
        """What `_inside_name` says of ``word`` whatever text surrounds it; None where the
        text decides (a counter after an ordinal, a localizer, a conjunction …)."""
        if word in self.name_words or ORDINAL.fullmatch(word):
            return True
        if word in ORDINAL_COUNTERS or LATIN_NUMBER.match(word):
            return None
        if word in NAME_HYPHENS:
            return True
        if word in self.boundaries or word.isspace() or NUMERAL.match(word):
            return False
        if len(word) == 4 and word[:2] in self.boundaries and word[2:] in self.boundaries:
            return False
        if flag in IDIOM_TAGS and word[-2:] in self.boundaries:
            return False
        if (flag == "f" and len(word) == 1) or word in self.conjunctions or flag == "c":
            return None
        return flag not in STOP_TAGS

    def _generic(self, modifier: str) -> bool:
        """Is ``modifier`` made only of generic words and numbers (区域, 国家, 2008年)?"""
        known = self._generic_seen.get(modifier)
        if known is None:
            if len(self._generic_seen) >= GENERIC_MEMO:
                self._generic_seen.clear()
            known = self._generic_seen[modifier] = self._made_of_generic(modifier)
        return known

    def _made_of_generic(self, modifier: str) -> bool:
        words = self._words(modifier)
        if all(w in self.generic or NUMERAL.match(w) or ORDINAL.fullmatch(w) for w in words):
            return True  # 区域, 2008年, 第一次年度 (会议): no particular one
        return _made_of("".join(words), self.generic, self.longest_generic)

    def _words(self, modifier: str) -> list[str]:
        """The words of ``modifier``, conjunctions left out."""
        return [w for w in _plain_words(modifier) if w.strip() and w not in self.conjunctions]

    def _verb_and_generic(self, words: list[str], least: int = 1) -> bool:
        """Are ``words`` a verb followed by generic words only (加强全球, 促进包容性), at
        least ``least`` of them?"""
        return len(words) >= least and (
            (words[0] in self.name_words or first_tag(words[0]) == "v")
            and self._generic("".join(words[1:]))
        )

    def _topics_of_a_body(self, first: str, head: str, entity_type: EntityType) -> bool:
        """多样性与包容性工作队, 有组织犯罪和非法贩运处: a kind of body (工作队, 委员会) or a
        unit (处, 司) named by two topics, the first a word of its own, is one body
        (跨界和次区域举措 lists kinds of initiative)."""
        return (
            entity_type is EntityType.ORGANIZATION
            and (head in KIND_HEADS or head in UNIT_HEADS)
            and len(first) >= MIN_NAME
            and not self._generic(first)
        )

    def _ends_with_head(self, text: str, end: int | None = None) -> bool:
        """Does ``text`` (up to ``end``) end with a name's head?"""
        return text.endswith(self.head_words, 0, len(text) if end is None else end)

    def is_name(
        self,
        name: str,
        head: str,
        entity_type: EntityType,
        anchored: bool,
        after_verb: bool = False,
        national: bool = False,
    ) -> bool:
        """Is ``name`` a proper name rather than a description?

        It needs two characters before its head that are not all generic words
        (区域方案, 该项目); an organisation's last word before the head may not be
        generic (国际组织, 私人基金会); a programme with a generic head (…方案, …项目)
        needs an anchor: a known name, a quotation, a name-internal verb such as
        打击 or 加强 at its start, or the whole of a heading. A ``national`` name opens
        with its country: 国家 or 中央 before the head then names its national body.
        The answer depends on nothing else: it is remembered.
        """
        key = (name, head, entity_type, anchored, after_verb, national)
        known = self._names_seen.get(key)
        if known is None:
            if len(self._names_seen) >= NAME_MEMO:
                self._names_seen.clear()
            known = self._names_seen[key] = self._is_name(*key)
        return known

    def _is_name(
        self,
        name: str,
        head: str,
        entity_type: EntityType,
        anchored: bool,
        after_verb: bool,
        national: bool,
    ) -> bool:
        modifier = name[: len(name) - len(head)]
        if len(modifier) < MIN_NAME or modifier == TOPIC_MARKER:
            return False  # 问题工作队: the topic itself stood before, outside the name
        if (
            entity_type is EntityType.ORGANIZATION
            and POST_DEPUTY.sub("", modifier) in self.author_set
        ):
            return True  # 执行主任办公室, 副秘书长办公室: the office of one post
        if head in QUOTED_HEADS and not name.endswith("”" + head):
            return False  # “蓝心”运动 is a campaign; 妇女运动, 环境保护运动 are movements
        if (
            entity_type is EntityType.INSTRUMENT
            and modifier.endswith(OF)
            and self.head_types.get(self._head_of(modifier[: -len(OF)])) is EntityType.MEETING
        ):
            return False  # …特别会议的成果文件: the meeting is the name, its outcome is not one
        if self._generic(modifier) or POINTING_TOPIC.search(modifier):
            return False
        if modifier.endswith(RELATED_TO_KIND):
            return False  # 气候相关举措, 卫生相关方案: a kind of initiative, named by its field
        if entity_type is EntityType.ORGANIZATION and modifier in self.head_types:
            return False  # 委员会秘书处, 工作队秘书处: a unit of a body named by its bare head
        last = _last_joiner(modifier)
        if last >= 0 and (
            last == len(modifier) - 1
            or (
                self._generic(modifier[last + 1 :])
                and not self._topics_of_a_body(modifier[:last], head, entity_type)
            )
            or self._verb_and_generic(self._words(modifier[last + 1 :]), least=2)
        ):
            # 协作和伙伴关系, 跨界和次区域举措: the head is listed, not named; 加强能力和
            # 促进包容性伙伴关系: the last of a list of actions
            return False
        if last >= 0 and modifier[:last].endswith(self.modified_nouns):
            return False  # 数据能力和数据伙伴关系: two nouns listed, the first one complete
        words = self._words(modifier)
        if self._verb_and_generic(words):
            return False  # 加强伙伴关系, 指导委员会, 加强全球伙伴关系: a verb and generic words
        if len(words) > 2 and all(
            word in self.name_words and first_tag(word) in VERB_TAGS for word in words
        ):
            return False  # 促进和加强咨询小组(的努力): purpose verbs whose object is the head
        opens_with_verb = words[0] in self.name_words or first_tag(words[0]) == "v"
        if opens_with_verb and after_verb and entity_type is EntityType.PROGRAMME:
            return False  # …，并促进青年倡议: after 并 the verb is a predicate, not the name's
        if (
            entity_type is EntityType.ORGANIZATION
            and words[-1] in self.categories
            and TOPIC_MARKER not in modifier  # …执法合作问题政府间工作组 is named by its topic
            # 柬埔寨国家银行, 尼日利亚国家药品执法局: a country's own bank, bureau or office
            and not (national and (words[-1] in NATIONAL_WORDS or head in NATIONAL_OFFICES))
        ):
            return False
        if (
            entity_type is EntityType.ORGANIZATION
            and not (anchored or national)
            and words[0] in NATIONAL_WORDS
            and not any(_proper(flag) for _, flag in tagged_words(modifier))
        ):
            return False  # 发展中国家的国家统计局, 中央银行: any country's office, a kind of body
        if head in NEEDS_ANCHOR:
            # 打击绑架方案: a name's own verb with its object (研究方案 is no name)
            verb_start = (
                words[0] in self.name_words
                and len(words) > 1
                and not self._generic("".join(words[1:]))  # 监测行动计划: monitors the plan
                and not after_verb
            )
            topic = head in UNIT_HEADS and TOPIC_MARKER in modifier
            latin = any(char.isascii() and char.isalpha() for char in modifier)  # SmartBots…中心
            # 湄公河流域禁毒合作机制: a place name jieba knows opens it, though no list holds it
            proper_start = tagged_words(modifier)[0][1].startswith("ns") and len(words) > 2
            if entity_type is EntityType.PUBLICATION:
                # 报告 is as often "reporting" (加强成果报告): a report is named by its year,
                # its period, its author and topic, or a quotation
                return (
                    bool(DATED_REPORT.search(modifier))
                    or "”" in name
                    or (
                        anchored
                        and (not any(flag.startswith("v") for _, flag in tagged_words(modifier)))
                    )
                )
            worldwide = "全球" in words and head != GENERIC_BODY  # 全球…方案, not 全球公共组织
            period = YEAR_SPAN.match(modifier)  # 2022-2023年加强…联合方案: a programme's period
            dated = (
                period is not None
                and OF not in modifier  # 2012-2022年按指标分列的…: a description of a period
                and not self._generic(modifier[period.end() :])
            )
            return (
                anchored or "”" in name or verb_start or worldwide or topic or latin or dated
                or proper_start
            )  # fmt: skip
        if entity_type is EntityType.ORGANIZATION and not anchored and "”" not in name:
            # 协调委员会, 指导委员会: a body named by its function alone is a kind of body
            tagged = tagged_words(modifier)
            if len(tagged) == 1 and (
                tagged[0][1] in FUNCTION_TAGS or (tagged[0][1] == "n" and head in KIND_HEADS)
            ):
                return False
        if (
            entity_type in DESCRIBED_TYPES
            and not anchored
            and "”" not in name
            and not ORDINAL.search(head)  # 委员会第二十四届会议: a session, named by its number
        ):
            # 宣传举措, 积极伙伴关系, 结构化辩论: the head after one common word is described,
            # not named (布里奇顿倡议 is named by a place)
            tagged = tagged_words(modifier)
            return len(tagged) > 1 or _proper(tagged[0][1])
        return True


def _speaker_before(
    text: str, position: int, words: list[tuple[str, str]], known: KnownNames
) -> bool:
    """Does a speaker stand right before ``position``: a bracketed country (（墨西哥）), a
    known country or body, or a pronoun (他, 我们)?"""
    if text[position - 1 : position] in ("）", ")"):
        return True
    speaker = known.get(position)
    if speaker is not None and speaker.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
        return True
    return bool(words) and words[-1][1] == "r"


def _government_of(text: str, start: int, known: KnownNames) -> Candidate | None:
    """The Country whose government (X政府) opens the name starting at ``start``."""
    if start not in known.starts:
        return None
    return next(
        (
            c for c in known.values()
            if c.start == start and c.type is EntityType.COUNTRY
            and text.startswith(GOVERNMENT, c.end)
        ),
        None,
    )  # fmt: skip


def _meeting_of(candidates: list[Candidate], text: str, head_start: int) -> Candidate | None:
    """…中期审查高级别会议的政治宣言, …第六十四届会议在…之际通过的政治宣言: the meeting
    whose outcome the head after 的 is."""
    if text[head_start - 1 : head_start] != OF:
        return None
    return next(
        (
            c for c in reversed(candidates)
            if c.type is EntityType.MEETING
            and c.end < head_start
            and ADOPTED_THERE.fullmatch(text, c.end, head_start)
        ),
        None,
    )  # fmt: skip


def _named_ending_at(
    candidates: list[Candidate], end: int, start: int, entity_type: EntityType
) -> Candidate | None:
    """The name of ``entity_type`` made by rule that ends at ``end`` and opens before
    ``start`` (a body's unit, a body's session)."""
    for candidate in reversed(candidates):
        if candidate.end == end and candidate.start < start:
            if candidate.type is entity_type and candidate.rule.startswith("name:"):
                return candidate
    return None


def _country_frames(text: str, known: KnownNames) -> list[tuple[int, int, Candidate]]:
    """The sentences that open with a country as their setting (在巴勒斯坦国，…): where
    the frame's comma is, where the sentence ends, and the country."""
    frames = []
    for match in COUNTRY_FRAME.finditer(text):
        country = known.get(match.end("place"))
        if (
            country is not None
            and country.type is EntityType.COUNTRY
            and country.start == match.start("place")
        ):
            stop = min(
                (at for mark in SENTENCE_END if (at := text.find(mark, match.end())) >= 0),
                default=len(text),
            )
            frames.append((match.end(), stop, country))
    return frames


def _framing_country(frames: list[tuple[int, int, Candidate]], position: int) -> Candidate | None:
    """The country that sets the sentence at ``position``, if one does."""
    return next((c for start, end, c in frames if start <= position < end), None)


def _inside_setting(
    word: str,
    words: list[tuple[str, str]],
    text: str,
    before: int,
    start: int,
    head_start: int,
    known: KnownNames,
) -> bool:
    """Is ``word`` the 的 of "X中的" inside a name (人道主义行动中的性别问题工作组,
    打击法律中的歧视机构间工作队)? Only before a topic (…问题) or a threat, after a noun,
    and not closing a 在… frame (在人道主义行动中的作用)."""
    if word != OF or len(words) < 2 or words[-1][0] not in SETTING_LOCALIZERS:
        return False
    if words[-2][1] not in NOUN_TAGS and words[-2][1] not in VERB_TAGS:
        return False  # 人道主义行动中, 烟草种植中: an activity or a noun sets the topic
    topic = text[start:head_start]
    threat = any(start < end <= head_start for end in known.threat_ends)
    if TOPIC_MARKER not in topic and not threat:
        return False
    return not _in_frame(text[max(0, before - MAX_NAME) : before - 1])


def _in_frame(before: str) -> bool:
    """Does the clause before a localizer open with the preposition 在 (在多大程度上)?"""
    clause = before[max(_clause_start(before, len(before)), len(before) - MAX_FRAME) :]
    return any(word == FRAME and flag == "p" for word, flag in tagged_words(clause))


def _proper(flag: str) -> bool:
    """Is jieba's tag ``flag`` that of a proper noun or a Latin word?"""
    return flag in PROPER_TAGS or flag.startswith(("nr", "ns", "nt")) or flag == "eng"


def _segments(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """经济及社会理事会2023年届会协调部分, …论坛部长级部分: a named segment of a session
    or forum, written right after its name, is a meeting of its own."""
    found = []
    for match in _finditer(SEGMENT, text):
        holder = _longest_ending_at(candidates, match.start(), _session_holder)
        if holder is None:
            continue
        start, label = holder.start, holder.label or text[holder.start : holder.end]
        if holder.type is EntityType.ORGANIZATION:
            # 2023年经社理事会协调部分: the segment of the body's session of that year
            year = _search_ending(YEAR_BEFORE, text, max(0, start - LOOK_BACK), start)
            if year is None:
                continue
            style = _session_style(holder.key)
            written = year.group(0).replace(" ", "")
            start, label = year.start(), label + written + style if style else written + label
        found.append(
            Candidate(start, match.end(), EntityType.MEETING, "name:segment", "",
                      label + match.group(0), priority=2)
        )  # fmt: skip
    return found


def _session_reports(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """发展政策委员会第二十五届会议报告, …会议的报告: the report of a session, written right
    after the session's name; a report sent to a session (提交大会第七十八届会议的报告) is
    another's."""
    found = []
    if REPORT not in text:
        return found
    ends = {c.end for c in candidates if c.type is EntityType.MEETING}
    for match in SESSION_REPORT.finditer(text):
        if match.start() not in ends:
            continue
        session = _longest_ending_at(
            candidates, match.start(), lambda c: c.type is EntityType.MEETING
        )
        if session is None or SENT_TO.search(text, max(0, session.start - 4), session.start):
            continue
        label = (session.label or text[session.start : session.end]) + match.group(0)
        found.append(
            Candidate(session.start, match.end(), EntityType.PUBLICATION, "name:session-report",
                      "", label.replace("的报告", "报告"), priority=2)
        )  # fmt: skip
    return found


@cache
def _office_posts() -> tuple[str, ...]:
    """Posts known by the name of their office (联合国人权事务高级专员 of
    联合国人权事务高级专员办事处), longest first."""
    posts = {
        name[: -len(office)]
        for name, entity in load_gazetteer().names(EntityType.ORGANIZATION).items()
        for office in POST_OFFICES
        if name.endswith(office) and len(name) > len(office) + 2
    }
    return tuple(sorted(posts, key=len, reverse=True))


def _yearly_reports(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """独立工作队2019年报告, 开发署2022年年度报告: a body's report of a year, written right
    after the body's name (not 2019年报告了…, a verb)."""
    found = []
    for match in BODY_YEAR_REPORT.finditer(text):
        body = _longest_ending_at(
            candidates, match.start(), lambda c: c.type is EntityType.ORGANIZATION
        )
        start = body.start if body is not None else match.start()
        if body is None and text.endswith(OWN, 0, match.start()):
            # 麻管局在其2022年年度报告中: the report of the body 其 stands for
            body = _its_body(text, match.start() - len(OWN), candidates)
        if body is None:
            continue
        label = (body.label or text[body.start : body.end]) + match.group(0).replace(" ", "")
        found.append(
            Candidate(start, match.end(), EntityType.PUBLICATION, "name:yearly-report",
                      "", label, priority=2)
        )  # fmt: skip
    return found


def _its_body(text: str, position: int, candidates: list[Candidate]) -> Candidate | None:
    """The body 其 at ``position`` stands for: the last one named before it in its sentence."""
    sentence_start = max(text.rfind(stop, 0, position) for stop in "。；\n") + 1
    bodies = [
        c for c in candidates
        if c.type is EntityType.ORGANIZATION and sentence_start <= c.start and c.end <= position
    ]  # fmt: skip
    return max(bodies, key=lambda c: c.end, default=None)


def _longest_ending_at(
    candidates: list[Candidate], position: int, accept: Callable[[Candidate], bool]
) -> Candidate | None:
    """The longest candidate ``accept`` takes that ends at ``position`` (a name that
    what follows belongs to)."""
    return min(
        (c for c in candidates if c.end == position and accept(c)),
        key=lambda c: c.start,
        default=None,
    )


def _is_body(candidate: Candidate) -> bool:
    return candidate.type is EntityType.ORGANIZATION


def _session_holder(candidate: Candidate) -> bool:
    """A meeting, or a known body, whose session a segment may be."""
    return candidate.type is EntityType.MEETING or (_is_body(candidate) and bool(candidate.key))


def _units_of_known_bodies(
    text: str, known_ends: dict[int, Candidate], head_types: dict[str, EntityType]
) -> list[Candidate]:
    """Units named through their body: 秘书处维持和平行动部 (the gazetteer says the
    department belongs to the Secretariat, 联合国 left out as UN texts do) and
    反恐怖主义委员会及其执行局 (执行局 is the committee's own directorate)."""
    gazetteer = load_gazetteer()
    found = []
    for unit in known_ends.values():
        parent = _parent_body(unit.key)
        if parent is not None and unit.start:
            before = text[max(0, unit.start - MAX_NAME) : unit.start]
            prefixes = _prefix_names(parent.key)
            if before.endswith(prefixes):
                prefix = next(n for n in prefixes if before.endswith(n))
                found.append(
                    Candidate(
                        unit.start - len(prefix),
                        unit.end,
                        unit.type,
                        "name:unit",
                        unit.key,
                        priority=3,
                    )
                )
        own = (
            OWN_UNIT.match(text, unit.end)
            if unit.type is EntityType.ORGANIZATION and text.startswith(OWN, unit.end + 1)
            else None
        )
        if own is None:
            continue
        head = max(
            (
                h
                for h, t in head_types.items()
                if t is EntityType.ORGANIZATION and text.startswith(h, own.end())
            ),
            key=len,
            default="",
        )
        if not head or not head_ends_word(text, own.end(), own.end() + len(head)):
            continue
        body = gazetteer.get(unit.key)
        written = [text[unit.start : unit.end], *(body.names if body else ())]
        known = next(filter(None, (gazetteer.lookup(name + head) for name in written)), None)
        label = (unit.label or written[0]) + head
        found.append(
            Candidate(
                own.end(),
                own.end() + len(head),
                EntityType.ORGANIZATION,
                "name:unit",
                known.key if known else "",
                known.label_zh if known else label,
                priority=3,
            )
        )
    return found


@lru_cache(maxsize=4096)
def _parent_body(key: str):
    """The body a known body belongs to (秘书处 for 维持和平行动部), if the gazetteer says."""
    gazetteer = load_gazetteer()
    known = gazetteer.get(key)
    parent = gazetteer.get(known.parent) if known and known.parent else None
    return parent if parent is not None and parent.type is EntityType.ORGANIZATION else None


@lru_cache(maxsize=1024)
def _prefix_names(key: str) -> tuple[str, ...]:
    """A body's names as written before its units, longest first, 联合国 left out too."""
    names = load_gazetteer().get(key).names
    return tuple(
        sorted({*names, *(n.removeprefix(UN) for n in names)} - {""}, key=len, reverse=True)
    )


def _venues(text: str, known_ends: dict[int, Candidate]) -> list[Candidate]:
    """Cities named as venues right after their country (在巴西萨尔瓦多举行)."""
    found = []
    if "举行" not in text and "召开" not in text:
        return found
    for country in known_ends.values():
        if country.type is not EntityType.COUNTRY or not text.endswith("在", 0, country.start):
            continue
        venue = VENUE.match(text, country.end)
        inside = any(c.start <= country.start and country.end < c.end for c in known_ends.values())
        if venue is not None and not inside:  # 印度 in 印度尼西亚 is no country
            place = venue.span("place")
            known = load_gazetteer().lookup(venue.group("place"))  # 圣约翰: a city on the list
            known = known if known is not None and known.type is EntityType.CITY else None
            found.append(
                Candidate(*place, EntityType.CITY, "name:venue", known.key if known else "",
                          known.label_zh if known else "", priority=4)
            )  # fmt: skip
    return found


def _city_outcomes(text: str, known_ends: dict[int, Candidate]) -> list[Candidate]:
    """Outcomes named after the city where they were adopted, written without a title's
    brackets (阿拉木图宣言, 伊斯坦布尔行动纲领): one Instrument."""
    found = []
    for city in known_ends.values():
        if city.type is not EntityType.CITY or text[city.start - 1 : city.start] == "《":
            continue
        head = next((h for h in CITY_OUTCOME_HEADS if text.startswith(h, city.end)), "")
        if head:
            found.append(
                Candidate(city.start, city.end + len(head), EntityType.INSTRUMENT,
                          "name:city-outcome", priority=4)
            )  # fmt: skip
    return found


def _sessions_of_subjects(
    text: str,
    known_ends: dict[int, Candidate],
    candidates: list[Candidate],
    context: DocumentContext,
) -> list[Candidate]:
    """麻醉药品委员会决定在其第五十二届会议期间: the session of the body the sentence is about;
    after the anaphor 会议 (会议注意到自其第三届会议以来), of the body whose session the
    last meeting named was; 委员会在…举行的第七十届会议 and 委员会决定于…举行第七十届会议:
    of the body right before; 贸易和发展会议(贸发会议)第十五届会议: of the body before its
    abbreviation."""
    found = []
    if SESSION_WORD not in text and REGULAR_SESSION not in text:
        return found  # every session these patterns read ends in 会议, or is a 第…届常会
    for match in OWN_SESSION.finditer(text):
        sentence_start = max(text.rfind(stop, 0, match.start()) for stop in SENTENCE_END) + 1
        bodies = [
            c
            for c in (*known_ends.values(), *candidates)  # 内陆运输委员会, found by its head
            if c.type is EntityType.ORGANIZATION
            and sentence_start <= c.start < c.end <= match.start()
        ]
        body_name = convener = ""
        if bodies:
            body = max(bodies, key=lambda c: (c.end, c.end - c.start))
            body_name = body.label or text[body.start : body.end]
            convener = body.key or entity_key(EntityType.ORGANIZATION, body_name)
        elif text.startswith(MEETING_ANAPHOR, sentence_start):
            here = [
                text[c.start : c.end]
                for c in candidates
                if c.type is EntityType.MEETING and c.end <= sentence_start
            ]
            remembered = context.last_body(EntityType.MEETING)
            meeting = here[-1] if here else remembered[0] if remembered else ""
            session = SESSION_AT_END.search(meeting)
            body_name = meeting[: session.start()] if session else ""
            convener = context.convener(body_name) if body_name else ""
        if body_name:
            label = body_name + match.group("session")
            found.append(
                Candidate(
                    match.start("session"), match.end(), EntityType.MEETING,
                    "name:session-of-subject", label=label, priority=2, related=convener,
                )
            )  # fmt: skip
    # a body no list holds (方案协调委员会, found by its head) holds its sessions too
    known_starts = {c.start: c for c in known_ends.values() if c.type is EntityType.ORGANIZATION}
    # (a known name first where both end at one place: a ChainMap of the two, as one dict)
    bodies = {
        **{c.end: c for c in candidates if c.type is EntityType.ORGANIZATION},
        **known_ends,
    }
    held = (
        (
            (match, body)
            for body in bodies.values()
            if body.type is EntityType.ORGANIZATION
            and (match := HOLDS_SESSION.match(text, body.end)) is not None
        )
        if HOLDS in text
        else ()
    )
    opening = (
        (match, body)
        for match in _finditer(MEETING_OPENING, text)
        if (body := known_starts.get(match.end())) is not None
    )
    for match, body in (
        *_after_bodies((HELD_SESSION, ABBREVIATED_SESSION, DATED_MEETING), text, bodies),
        *held,
        *opening,
    ):
        # 欧洲经委会环境政策委员会…举行了第二十八届会议: the unit named whole holds it
        holder = max(
            (
                c for c in candidates
                if c.type is EntityType.ORGANIZATION
                and c.start <= body.start and c.end > body.end
                and c.end <= match.start("session")
            ),
            key=lambda c: c.end,
            default=body,
        )  # fmt: skip
        # a known body as written (粮食及农业组织大会), a unit by the name it is known by
        name = (
            text[body.start : body.end]
            if holder is body
            else holder.label or text[holder.start : holder.end]
        )
        found.append(
            Candidate(
                match.start("session"), match.end("session"), EntityType.MEETING,
                "name:session-of-subject", label=name + match.group("session"), priority=2,
                related=holder.key or entity_key(EntityType.ORGANIZATION, name),
            )
        )  # fmt: skip
    own = context.own_body
    for match in _finditer(DATED_MEETING, text) if own is not None else ():
        if match.start() not in bodies and text.endswith(own.short, 0, match.start()):
            # 委员会在2037年3月14日第1次会议上: the document's own body, by its bare head
            found.append(
                Candidate(
                    match.start("session"), match.end("session"), EntityType.MEETING,
                    "name:session-of-subject", label=own.label + match.group("session"),
                    priority=2, related=own.key,
                )
            )  # fmt: skip
    return found


def _units_after_abbreviations(text: str, known_ends: KnownNames) -> list[Candidate]:
    """东南亚国家联盟(东盟)秘书处: the unit of the body its abbreviation follows, named
    with the body's full name."""
    return [
        Candidate(match.start("unit"), match.end(), EntityType.ORGANIZATION,
                  "name:Organization", "", body.label + match.group("unit"), 1)
        for match, body in _after_bodies((ABBREVIATED_UNIT,), text, known_ends)
        if body.label
    ]  # fmt: skip


def _enumerated_sessions(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """缔约方会议第二十一届、第二十五届和第二十七届会议: one session per number, each
    named by the body and its number (the body written once, before the first)."""
    found = []
    for match in SESSION_LIST.finditer(text):
        body = _longest_ending_at(candidates, match.start(), _is_body)
        if body is None:
            continue
        label = body.label or text[body.start : body.end]
        kind = match.group("kind")
        numbers = list(SESSION_NUMBER.finditer(text, match.start(), match.start("kind")))
        for index, number in enumerate(numbers):
            start = body.start if index == 0 else number.start()
            end = match.end() if index == len(numbers) - 1 else number.end()
            found.append(
                Candidate(start, end, EntityType.MEETING, "name:session-list", "",
                          f"{label}第{number.group('number')}届{kind}", 2)
            )  # fmt: skip
    return found


def _stationed_offices(text: str, known_ends: KnownNames) -> list[Candidate]:
    """联合国驻乌拉圭国家工作队, 开发署驻阿富汗办事处: a body's office stationed in a place,
    named by the body, the place and the office."""
    found = []
    for match, body in _after_bodies((STATIONED,), text, known_ends):
        place = known_ends.get(match.end("place"))
        if (
            body.label
            and place is not None
            and place.start == match.start("place")
            and (place.type in PLACE_TYPES)
        ):
            found.append(
                Candidate(body.start, match.end(), EntityType.ORGANIZATION, "name:stationed", "",
                          body.label + match.group(0), 1)
            )  # fmt: skip
    return found


def _after_bodies(
    patterns: Iterable[re.Pattern[str]], text: str, known_ends: Mapping[int, Candidate]
) -> Iterator[tuple[re.Match[str], Candidate]]:
    """The patterns' matches that open right where a known body's name ends, each with
    that body (欧洲经济委员会|在…举行的第七十届会议, 东南亚国家联盟|(东盟)秘书处)."""
    for pattern in patterns:
        for match in _finditer(pattern, text):
            body = known_ends.get(match.start())
            if body is not None and body.type is EntityType.ORGANIZATION:
                yield match, body


def _sessions_in_series(
    text: str, candidates: list[Candidate], context: DocumentContext
) -> list[Candidate]:
    """在第二届会议上 after 不限成员名额工作组第一届会议: a session named by its number
    alone is one of the series whose session was named last in its paragraph, else of the
    document's own body if a session of it was named (大会，…决定在第七十九届会议上审议,
    after the Narcotics Commission's session in an earlier paragraph), else of the series
    named last before."""
    found = []
    own = context.own_body
    for match in _finditer(BARE_SESSION, text):
        here = [
            c.label or text[c.start : c.end]
            for c in candidates
            if c.type is EntityType.MEETING and c.end <= match.start()
        ]
        earlier = context.last_body(EntityType.MEETING, accept=lambda _, name, __: bool(
            SESSION_AT_END.search(name)
        ))  # fmt: skip
        own_series = (
            context.last_body(EntityType.MEETING, accept=partial(_session_of, own))
            if own is not None
            else None
        )
        last = next((name for name in reversed(here) if SESSION_AT_END.search(name)), None)
        if last is None and (own_series or earlier) is not None:
            last = (own_series or earlier)[0]
        session = SESSION_AT_END.search(last) if last else None
        if session is None or session.start() == 0 or session.group(0) == match.group(0):
            continue
        body = last[: session.start()]
        found.append(
            Candidate(
                match.start(), match.end(), EntityType.MEETING, "name:session-in-series",
                label=body + match.group(0), priority=2, related=context.convener(body),
            )
        )  # fmt: skip
    return found


def _numbered_of_known(text: str, start: int, known: KnownNames) -> bool:
    """Is the meeting name at ``start`` numbered and owned by a known name (巴黎公约举措的
    第十五次政策协商会议)?"""
    return (
        ORDINAL.match(text, start) is not None
        and text.endswith(OF, 0, start)
        and start - len(OF) in known
    )


def _run_by_body(text: str, end: int, known: KnownNames) -> bool:
    """Is the name at ``end`` followed by 由 a known body and a running verb (…项目由毒品和
    犯罪问题办公室和世界海关组织共同实施)?"""
    return (
        text.startswith(RUN_BY_MARK, end)
        and end + len(RUN_BY_MARK) in known.body_starts
        and RUN_BY_VERB.match(text, end + len(RUN_BY_MARK)) is not None
    )


def _session_of(body: Alias, _key: str, name: str, _type: EntityType) -> bool:
    """Is ``name`` a numbered session of ``body`` (大会第七十八届会议 of 大会)?"""
    session = SESSION_AT_END.search(name)
    return session is not None and name[: session.start()] in (body.label, body.short)


@lru_cache(maxsize=65536)
def _made_of(text: str, words: frozenset[str], longest: int) -> bool:
    """Can ``text`` be cut into ``words`` (能力建设 into generic words where jieba reads
    能力|建设)?"""
    reachable = [True] + [False] * len(text)
    for end in range(1, len(text) + 1):
        reachable[end] = any(
            reachable[start] and text[start:end] in words
            for start in range(max(0, end - longest), end)
        )
    return reachable[-1]


def _last_joiner(text: str) -> int:
    """Where the last conjunction word of ``text`` is (-1 if none): 及 in 埃及 is none."""
    position, last = 0, -1
    for word in _plain_words(text):
        if word in LAST_JOINERS:
            last = position
        position += len(word)
    return last


def _describes_nothing(words: str) -> bool:
    """No 的 and no pronoun (这种, 该) among ``words``: they can open a name."""
    return "的" not in words and all(flag != "r" for _, flag in tagged_words(words))


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def _yearly_sessions(
    text: str, known_ends: dict[int, Candidate], context: DocumentContext
) -> list[Candidate]:
    """2023年届会, 2023年第一届常会, 2023年实质性会议: a body's session named by its year,
    with the body when it is written right before (裁军审议委员会2023年实质性会议), else
    the document's own body's session."""
    found = []
    for match in _finditer(YEARLY_SESSION, text):
        found.extend(_listed_years(text, match, context))
        body = known_ends.get(match.start())
        if body is not None and body.type is EntityType.ORGANIZATION:
            # named by the body's full name whatever form the text uses, so that the
            # session is one entity across documents (经济及社会理事会2023年届会)
            label = (body.label or text[body.start : body.end]) + _session_of_year(match)
            found.append(
                Candidate(body.start, match.end(), EntityType.MEETING, "name:yearly-session",
                          "", label, 2, body.key)
            )  # fmt: skip
            continue
        own = context.own_body or _session_style_body(match.group("kind"))
        named = _named_before(text, match.start(), known_ends) or _holder(
            text, match.start(), known_ends
        )
        if named is not None:
            own = named
        label = f"{own.label}{_session_of_year(match)}" if own is not None else ""
        convener = own.key if own is not None else ""
        start = match.start()
        if own is not None and text.endswith(own.short, 0, start):
            start -= len(own.short)  # 理事会2024年届会: the own body's head names it
        found.append(
            Candidate(
                start, match.end(), EntityType.MEETING, "name:yearly-session", "", label, 2,
                convener,
            )
        )  # fmt: skip
    return found


def _own_numbered_meeting(text: str, start: int, name: str, context: DocumentContext) -> bool:
    """第3次会议简要记录 in a record's masthead, 第41次会议 under a resolution: a numbered
    meeting opening a line or sentence of a document whose own body is known is that body's."""
    return (
        context.own_body is not None
        and (start == 0 or text[start - 1] in SENTENCE_OPENERS)
        and NUMBERED_MEETING.fullmatch(name) is not None
    )


def _own_session_line(text: str, context: DocumentContext) -> list[Candidate]:
    """A line that is only a numbered session (第七十八届会议, above 大会，) names the
    document's own body's session."""
    own = context.own_body
    if own is None or not SESSION_LINE.fullmatch(text):
        return []
    return [
        Candidate(0, len(text), EntityType.MEETING, "name:own-session", "", own.label + text, 2,
                  own.key)
    ]  # fmt: skip


@cache
def _session_style(key: str) -> str:
    """The style that only the body ``key`` gives its yearly sessions (届会 for the
    Economic and Social Council), "" if none (kg/data/patterns/session_styles.tsv)."""
    return next(
        (
            r["style"]
            for r in read_table("patterns/session_styles.tsv")
            if f"org/{r['body']}" == key
        ),
        "",
    )


@cache
def _session_style_body(style: str) -> Alias | None:
    """The body whose yearly sessions alone are called ``style`` (2023年届会: the Economic
    and Social Council's), from kg/data/patterns/session_styles.tsv."""
    body = next(
        (row["body"] for row in read_table("patterns/session_styles.tsv") if row["style"] == style),
        None,
    )
    known = load_gazetteer().get(f"org/{body}") if body else None
    if known is None:
        return None
    return Alias(known.label_zh, known.key, known.type, known.label_zh)


def _named_before(text: str, end: int, known_ends: dict[int, Candidate]) -> Alias | None:
    """经济及社会理事会主席关于在理事会2023年届会…: a body's bare head right before a yearly
    session names the body written in full before it in the same text."""
    head = next((h for h in OWN_BODY_HEADS if text.endswith(h, 0, end)), "")
    if not head:
        return None
    bodies = [
        c
        for c in known_ends.values()
        if c.type is EntityType.ORGANIZATION
        and c.end <= end - len(head)
        and text[c.start : c.end].endswith(head)
        and c.end - c.start > len(head)
    ]
    if not bodies:
        return None
    body = max(bodies, key=lambda c: c.end)
    return Alias(head, body.key, body.type, body.label or text[body.start : body.end])


def _general_comments(text: str, known_ends: dict[int, Candidate]) -> list[Candidate]:
    """人权事务委员会第36号一般性意见(2018年): the general comment or recommendation a treaty
    body numbers, named with the body (a publication of it)."""
    return [
        Candidate(body.start, match.end(), EntityType.PUBLICATION, "name:general-comment", "",
                  (body.label or text[body.start : body.end]) + match.group().replace(" ", ""), 2)
        for match, body in _after_bodies((GENERAL_COMMENT,), text, known_ends)
    ]  # fmt: skip


def _holder(text: str, end: int, known_ends: dict[int, Candidate]) -> Alias | None:
    """非政府组织委员会于…在联合国总部举行了2024年常会: the body that holds a yearly session,
    named earlier in the sentence, is its body."""
    if not HELD_BEFORE.search(text, max(0, end - 3), end):
        return None
    sentence_start = max(text.rfind(stop, 0, end) for stop in SENTENCE_END) + 1
    bodies = [
        c
        for c in known_ends.values()
        if c.type is EntityType.ORGANIZATION and sentence_start <= c.start and c.end < end
    ]
    if not bodies:
        return None
    body = min(bodies, key=lambda c: c.start)  # the sentence's subject
    return Alias("", body.key, body.type, body.label or text[body.start : body.end])


def _session_of_year(match: re.Match) -> str:
    """2023年年度会议 for 2023年6月的年度会议: the session named by its year alone."""
    return match.group("year").replace(" ", "") + match.group("kind")


def _listed_years(text: str, session: re.Match, context: DocumentContext) -> list[Candidate]:
    """2019年、2022年和2023年实质性会议: the years listed before a yearly session name
    sessions of their own, of the document's own body."""
    listed = YEARS_BEFORE.search(text, max(0, session.start() - MAX_NAME), session.start())
    own = context.own_body
    if listed is None or own is None:
        return []
    kind = session.group("kind")
    return [
        Candidate(
            year.start(),
            year.end(),
            EntityType.MEETING,
            "name:yearly-session",
            "",
            f"{own.label}{year.group(0)}{kind}",
            2,
            own.key,
        )
        for year in re.finditer(r"\d{4}\s?年", text[: session.start()])
        if year.start() >= listed.start()
    ]


def _administrative_places(text: str, known_ends: KnownNames) -> list[Candidate]:
    """旁遮普省, 加利福尼亚州, 卡拉奇市: a place name (jieba's ns) with its administrative
    suffix; provinces and states are regions, cities and prefectures cities. Only what no
    gazetteer knows, or a known place with its suffix (清莱府)."""
    if ADMINISTRATIVE.search(text) is None:
        return []  # (a listed place ends with such a suffix too)
    found = _places_listed_after_countries(text, known_ends)
    for match in ADMINISTRATIVE.finditer(text):
        end = match.end()
        if end in known_ends:
            continue
        kind = EntityType.REGION if match.group(0) in "省州" else EntityType.CITY
        place = known_ends.get(match.start())
        if place is not None and place.type in (EntityType.CITY, EntityType.REGION):
            if text[end : end + 1] not in NOT_AFTER_ADMINISTRATIVE:  # 清莱府, not 欧洲市场
                key = place.key if place.type is kind else ""  # 北京市 is 北京
                found.append(Candidate(place.start, end, kind, f"name:{kind}", key, priority=1))
            continue
        words = tagged_words(text[max(0, end - ADMINISTRATIVE_REACH) : end])
        word, flag = words[-1] if words else ("", "")
        if (
            flag == "ns"
            and len(word) >= MIN_PLACE
            and word.endswith(match.group(0))
            and not word.endswith(NOT_PLACES)
        ):
            found.append(Candidate(end - len(word), end, kind, f"name:{kind}", priority=1))
    return found


def _places_listed_after_countries(text: str, known_ends: KnownNames) -> list[Candidate]:
    """泰国素叻他尼府、乌隆他尼府和清莱府: places with their administrative suffix listed
    right after their country, however jieba reads their transliterated names."""
    found = []
    for country in known_ends.values():
        if country.type is not EntityType.COUNTRY:
            continue
        at = country.end
        while place := LISTED_PLACE.match(text, at):
            name = place.group(0)
            if name.endswith(NOT_PLACES) or any(
                len(word) > 1 and flag in NOT_PLACE_TAGS for word, flag in tagged_words(name)
            ):
                break  # 美国联邦政府, 美国许多州: no place's own name
            if place.start() not in known_ends.starts:  # a known place: 清莱府 is found above
                kind = EntityType.REGION if place.group("suffix") in "省州" else EntityType.CITY
                found.append(Candidate(*place.span(), kind, f"name:{kind}", priority=1))
            joiner = PLACE_JOINER.match(text, place.end())
            if joiner is None:
                break
            at = joiner.end()
    return found


def _by_author(name: str, authors: tuple[str, ...]) -> bool:
    """秘书长关于…的报告, 世界卫生组织总干事关于…的报告: a report named by its author
    (after the author's body, if written) and a topic of some words."""
    about = name.find(ABOUT_WORD)
    return about > 0 and any(
        name.endswith(author, 0, about) and len(name) - about + len(author) >= MIN_REPORT_NAME
        for author in authors
    )


def _last_topic(text: str, before: int, start: int, head_start: int, more: bool) -> bool:
    """…、骚扰和滥用权力问题工作队: the word after the list's last 、 is one of the topics
    the name lists, not the clause's verb."""
    return (
        not more
        and text[before - 1 : before] == "、"
        and text.startswith(LAST_JOINERS, start)
        and TOPIC_MARKER in text[start:head_start]
    )


def _clause_start(text: str, end: int) -> int:
    """Start of the clause that ends at ``end``: after the last hard stop, at most MAX_NAME back."""
    start = max(0, end - MAX_NAME)
    last_stop = UP_TO_LAST_STOP.match(text, start, end)
    return last_stop.end() if last_stop else start


def _opens_clause(text: str, start: int) -> bool:
    """Does a clause begin at ``start`` (，使…平台成员: the verb opening it is its own)?"""
    return start == 0 or text[start - 1] in HARD_STOP


def _abbreviated_after(text: str, start: int, end: int) -> bool:
    """Is the name text[start:end] followed by its short form in brackets: a Latin acronym
    (FSIN) or Chinese characters taken from the name in order (粮食安全信息网络（粮安网）)?"""
    short = SHORT_FORM_AFTER.match(text, end)
    if short is None:
        return False
    return bool(short.group("latin")) or is_subsequence(short.group("short"), text[start:end])


def _owner_before(owner_ends: list[int], position: int) -> bool:
    """Does a UN fund, programme or office's name end within a name's reach before
    ``position``? (``owner_ends`` sorted; a cheap test before any left edge is sought)"""
    at = bisect_right(owner_ends, position)
    return at > 0 and owner_ends[at - 1] >= position - MAX_NAME


def _body_ends_at(known: KnownNames, position: int) -> bool:
    """Does a known body's name end at ``position`` (the owner of what follows)?"""
    body = known.get(position)
    return body is not None and body.type is EntityType.ORGANIZATION


def _used_as_verb(text: str, start: int, end: int, known: dict[int, Candidate]) -> bool:
    """A head that is also a verb is one here: an aspect particle or a number follows
    (组织了, 组织一次), or it follows a body or country as its subject (泰国政府报告)."""
    if text[end : end + 1] in ASPECT_PARTICLES or NUMBER_AFTER.match(text, end):
        return True
    if text.endswith(VERB_MARKERS, 0, start):
        return True
    # 泰国政府报告的数字: the government of a country (or a body) reports
    before = start - len(GOVERNMENT) if text.endswith(GOVERNMENT, 0, start) else start
    subject = known.get(start) or known.get(before)
    return subject is not None and subject.type in (EntityType.ORGANIZATION, EntityType.COUNTRY)


def _words_ending_at(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """jieba words with part-of-speech tags of text[start:end]."""
    return list(tagged_words(text[start:end]))


@lru_cache(maxsize=65536)
def _plain_words(text: str) -> tuple[str, ...]:
    return tuple(jieba.cut(text, HMM=False))


@Language.factory("kg_names")
def make_name_matcher(nlp: Language, name: str) -> NameMatcher:
    return NameMatcher(
        load_heads(),
        read_words("patterns/left_boundaries.txt") + read_words("patterns/clause_verbs.txt"),
        read_words("patterns/conjunctions.txt"),
        read_words("patterns/generic_names.txt"),
        read_words("patterns/name_words.txt"),
        read_words("patterns/category_modifiers.txt"),
        read_words("patterns/list_words.txt"),
        read_words("patterns/head_as_modifier.txt"),
        read_words("patterns/report_authors.txt"),
        read_words("patterns/modal_verbs.txt"),
        read_words("patterns/owned_heads.txt"),
    )
