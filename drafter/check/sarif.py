"""SARIF 2.1.0 output of ``drafter check --format sarif``, for editors and CI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

TITLES = {
    "D101": "遗留的遮盖符", "D102": "未填写的占位符",
    "D201": "标题编号不连续或重复", "D202": "同级标题编号样式不一致", "D203": "一是二是序号有误",
    "D204": "二级标题出现在一级标题之前",
    "D301": "同级标题长短悬殊", "D302": "同级标题句式不一致",
    "D401": "重复用语", "D402": "整段重复",
    "D501": "半角标点", "D502": "成对标点不匹配", "D503": "标点重复",
    "D601": "句子过长", "D602": "没有分段", "D603": "句子由片段拼接而成",
    "D701": "缺少称谓", "D702": "缺少结束语", "D703": "主持词没有宣布开会",
    "D801": "已结束的规划期", "D802": "“今年”与年份不符", "D803": "过时的工作提法", "D804": "过时的会议精神",
    "D901": "照搬往年讲话稿",
}


def to_sarif(findings: Sequence[Any], codes: Sequence[str], severity: dict[str, str], version: str) -> dict[str, Any]:
    """One run of the drafter tool: every rule, and one result per finding (in the order given)."""
    index = {c: i for i, c in enumerate(codes)}
    rules = [
        {
            "id": c,
            "name": c,
            "shortDescription": {"text": TITLES.get(c, c)},
            "defaultConfiguration": {"level": severity[c]},
        }
        for c in codes
    ]
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": f.severity,
            "message": {"text": f"{f.message}：{f.excerpt}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": Path(f.path).as_posix()},
                        "region": {"startLine": max(1, f.line)},
                    }
                }
            ],
        }
        for f in findings
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "drafter", "version": version, "rules": rules}}, "results": results}],
    }
