"""Wording of generated history: names, log lines, notes; each picked by the generator's seeded
random source, so a seed gives the same branch every time."""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = (
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "晓东", "海燕", "志强", "雪梅", "国庆", "思远",
)  # fmt: skip

WHO = (
    "大堂经理",
    "保安",
    "柜员",
    "网点负责人",
    "110 民警",
    "物业电工",
    "IT 值班 helpdesk",
    "客户经理",
    "安全员",
)
DID = (
    "已疏散", "正在核实", "报告", "确认", "联系了", "检查", "关闭", "重启", "安抚", "登记", "调取",
    "called", "checked", "escalated", "reset",
)  # fmt: skip
WHAT = (
    "营业厅客户", "ATM 3号机", "POS terminal", "CCTV 录像", "金库门", "消防通道", "现金区",
    "核心系统 core banking", "UPS 电源", "报警按钮", "head office 安保部", "配电箱", "监控室", "叫号机",
)  # fmt: skip
TAIL = (
    "，无人员受伤", "，等待总行回复", "，情况稳定", " - ticket INC{n}", "，金额 {n} 元", "，约 {n} 人",
    "，已拍照留存", "，see photo {n}", "，正常", "，仍在处理中", " (ETA {n} min)", "",
)  # fmt: skip

OUTCOMES = (
    "现场处置完毕，营业恢复正常", "已移交公安机关处理", "设备已修复，业务恢复", "客户情绪平复后离开",
    "经核实为误报，已解除", "已报总行备案，持续关注", "人员已送医，无生命危险",
)  # fmt: skip
CAUSES = ("设备老化", "外部停电", "客户纠纷", "人员操作失误", "天气原因", "不明人员闯入", "系统升级故障", "")
ACTIONS = (
    "更换老化线路并复查", "组织全员复训应急预案", "调整保安巡逻路线", "补充应急照明与灭火器",
    "与物业签订维修时限约定", "更新应急联系人名单", "在自助区加装监控探头",
)  # fmt: skip
FAIL_NOTES = (
    "灭火器压力不足", "安全出口被杂物堵塞", "应急灯不亮", "录像保存不足 30 天", "报警按钮无响应",
    "防火门被顶开", "自助设备外壳松动", "插线板串接使用", "急救箱药品过期", "金库门密码锁电量低",
    "疏散图未更新", "监控画面模糊", "",
)  # fmt: skip
# A major hazard's milestones (kind, its label in the history, what was done).
MILESTONE_STEPS = (
    ("interim_control", "临时管控措施", "已设置警戒并安排专人值守"),
    ("plan", "整改方案", "已制定整改方案，明确责任人和完成时限"),
    ("head_office_report", "上报上级行", "已书面报告上级行安全保卫部"),
)
# Why a major hazard went ahead without its report to head office (recorded as the service does).
WAIVER_REASON = "上级行安保部现场检查时已知悉，口头同意不再书面上报"
MILESTONE_WAIVER = f"未记录：上报上级行。理由：{WAIVER_REASON}"
REMEDIES = (
    "已更换", "已清理并张贴警示", "已报物业维修，当日修复", "已联系厂商上门处理", "已补充并登记",
    "已恢复常闭", "已重新设置", "已整改，附照片",
)  # fmt: skip
PROBLEMS = ("个别员工未按路线疏散", "报警时间超时", "集合点清点不准确", "现金未及时入库", "广播音量偏低", "")
LESSONS = ("加强新员工培训", "明确各小组职责", "每季度复训一次", "增设疏散指示标志", "")
LOCATIONS = ("营业厅", "自助服务区", "金库", "后通道", "二楼办公区", "监控室", "配电间", "门口", "现金区")


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def log_line(rng: random.Random) -> str:
    tail = rng.choice(TAIL).format(n=rng.randint(2, 9999))
    return f"{rng.choice(WHO)} {rng.choice(DID)} {rng.choice(WHAT)}{tail}"


TITLES = {
    "fire_evacuation": ("营业厅烟雾报警", "配电间冒烟", "二楼办公区起火"),
    "robbery": ("可疑人员持械闯入", "客户被抢夺现金"),
    "natural_disaster": ("暴雨致门口积水", "台风预警", "地震预警"),
    "power_it_outage": ("营业厅停电", "核心系统中断", "网络线路故障"),
    "system_failure": ("叫号系统故障", "柜面系统卡顿"),
    "customer_surge": ("春节前客户排长队", "养老金发放日客流激增"),
    "sudden_illness": ("客户晕倒", "老人突发心脏不适"),
    "personal_injury": ("客户在门口滑倒", "员工搬运时受伤"),
    "disorder": ("客户争吵推搡", "醉酒人员滋扰"),
    "atm_tampering": ("ATM 发现可疑装置", "自助设备面板被撬"),
    "large_cash_withdrawal": ("客户要求大额取现", "大额取现预约集中"),
    "suspicious_object": ("营业厅发现可疑包裹",),
    "false_information": ("网传网点倒闭谣言",),
    "bank_run": ("储户集中挤兑",),
    "law_enforcement": ("公安机关上门查询",),
    "resource_occupation": ("人员长时间占用营业厅",),
}


def incident_title(rng: random.Random, category: str) -> str:
    return rng.choice(TITLES.get(category, ("网点突发事件", "其他突发情况")))
