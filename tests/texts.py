"""Texts written for the tests in the genre's style, shared by more than one test module."""

# A committee's summary record: masthead, the meeting's own line, the chair, an agenda
# item, and speakers with their States in brackets.
SUMMARY_RECORD = """联合国
大会
第九十一届会议
海洋问题委员会
第7次会议简要记录
2036年10月15日星期三上午10时在纽约总部举行
主席：　某某先生（智利）
议程项目12：海洋问题
1. 主席宣布会议开始。
2. 某某女士（斐济）说，斐济代表团欢迎委员会的报告。
3. 某某先生（挪威）代表北欧国家发言，他说，海洋保护十分重要。
4. 秘书处的某某先生介绍了报告。
"""
