"""English and Chinese text of the early-warning log and the four-colour warning level."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "warning.apply_to_drill": (
        "incident #{incident} is a drill: a warning received is applied only to a real incident",
        "事件 #{incident} 是演练：收到的预警只能并入实战事件",
    ),
    # the four-colour level
    "warning_level.blue": ("Blue warning", "蓝色预警"),
    "warning_level.yellow": ("Yellow warning", "黄色预警"),
    "warning_level.orange": ("Orange warning", "橙色预警"),
    "warning_level.red": ("Red warning", "红色预警"),
    # who issued it
    "warning_source.meteorological": ("Meteorological bureau", "气象局"),
    "warning_source.police": ("Police", "公安机关"),
    "warning_source.head_office": ("Head office", "上级行"),
    "warning_source.emergency_management": ("Emergency management bureau", "应急管理部门"),
    "warning_source.other": ("Other", "其他"),
    # what it warns of
    "warning_kind.typhoon": ("Typhoon", "台风"),
    "warning_kind.rainstorm": ("Rainstorm", "暴雨"),
    "warning_kind.flood": ("Flood", "洪水"),
    "warning_kind.snow": ("Snowstorm", "暴雪"),
    "warning_kind.heat": ("Heat wave", "高温"),
    "warning_kind.earthquake": ("Earthquake", "地震"),
    "warning_kind.other": ("Other", "其他"),
    # later events
    "warning_event.lifted": ("Lifted", "已解除"),
    "warning_event.cancelled": ("Cancelled", "已取消"),
    "warning_event.started": ("Preparation started", "已启动预案"),
    "warning_event.applied": ("Applied to the open incident", "已并入进行中的事件"),
    # fields
    "field.warning": ("Warning", "预警"),
    "field.warning_level": ("Warning level", "预警级别"),
    "field.warning_source": ("Issued by", "发布单位"),
    "field.warning_kind": ("Hazard", "灾害类型"),
    "field.warning_received": ("Received at", "接收时间"),
    "field.warning_text": ("Warning text", "预警内容"),
    "field.warning_note": ("Note", "备注"),
    # refusals
    "warning.not_found": ("no early warning #{id}", "预警记录 #{id} 不存在"),
    "warning.bad_time": (
        '"{value}" is not a time: write YYYY-MM-DD HH:MM',
        "“{value}”不是有效时间：请写作 YYYY-MM-DD HH:MM",
    ),
    "warning.naive_time": ("the time received has no time zone", "接收时间缺少时区"),
    "warning.received_future": (
        "a warning cannot have been received in the future",
        "预警接收时间不能晚于当前时间",
    ),
    "warning.already_ended": (
        "early warning #{id} is already lifted or cancelled",
        "预警 #{id} 已解除或取消",
    ),
    "warning.started_already": (
        "early warning #{id} already started incident #{incident}",
        "预警 #{id} 已启动事件 #{incident}",
    ),
    "warning.applied_already": (
        "early warning #{id} was already applied to incident #{incident}",
        "预警 #{id} 已并入事件 #{incident}",
    ),
    "incident.warning_not_weather": (
        "only weather and natural-disaster incidents carry a warning level",
        "只有气象和自然灾害类事件才有预警级别",
    ),
    "incident.same_warning": ("the incident is already at {level}", "事件已是{level}"),
    "incident.text.warning": ("Warning level {before} → {after}", "预警级别 {before} → {after}"),
    # the incident's first entry after the start
    "warning.quote": (
        "Warning received {at}: {source}, {level}, {kind}. {text}",
        "{at} 收到预警：{source}发布{level}（{kind}）。{text}",
    ),
    # actions (the role table)
    "action.warning.read": ("view early warnings", "查看预警记录"),
    "action.warning.record": ("record early warnings", "登记预警"),
    "action.warning.lift": ("record a warning lifted", "登记预警解除"),
    "action.page.warnings.view": ("open the Warnings page", "打开“预警记录”页面"),
    "action.incident.warning": ("change an incident's warning level", "调整事件预警级别"),
    # the command line
    "warning.cli.added": ("Warning #{id} recorded.", "已登记预警 #{id}。"),
    "warning.cli.started": ("Incident #{id} started: {title}", "已启动事件 #{id}：{title}"),
    "warning.cli.open_raise": (
        "{refusal}: warning apply {warning} --incident {id} (raises it to {level}); "
        "if this is a second, separate event: warning start {warning} --despite-open.",
        "{refusal}：warning apply {warning} --incident {id}（并将其升为{level}）；"
        "如确为另一起同类事件：warning start {warning} --despite-open。",
    ),
    "warning.cli.open_log": (
        "{refusal}: warning apply {warning} --incident {id}; "
        "if this is a second, separate event: warning start {warning} --despite-open.",
        "{refusal}：warning apply {warning} --incident {id}；"
        "如确为另一起同类事件：warning start {warning} --despite-open。",
    ),
    "warning.cli.recorded_not_started": (
        "Warning #{warning} is recorded (do not add it again), the plan not started: {advice}",
        "已登记预警 #{warning}（请勿重复登记），未启动预案：{advice}",
    ),
    "warning.cli.despite_open_alone": (
        "--despite-open only goes with --start",
        "--despite-open 只能与 --start 一起使用",
    ),
    "warning.cli.applied": (
        "Warning #{id} logged in incident #{incident}; its warning level: {level}",
        "预警 #{id} 已记入事件 #{incident}；事件预警级别：{level}",
    ),
    "warning.cli.lifted": ("Warning #{id}: {event}.", "预警 #{id}：{event}。"),
    "warning.cli.none": ("No early warnings.", "没有预警记录。"),
    "warning.col.id": ("ID", "编号"),
    "warning.col.received": ("Received", "接收时间"),
    "warning.col.source": ("Issued by", "发布单位"),
    "warning.col.level": ("Level", "级别"),
    "warning.col.kind": ("Hazard", "灾害"),
    "warning.col.state": ("State", "状态"),
    "warning.col.incident": ("Incident", "事件"),
    "warning.col.text": ("Text", "内容"),
    "warning.state.active": ("In force", "生效中"),
    "incident.cli.warning_changed": (
        "Warning level of incident #{id}: {level}",
        "事件 #{id} 预警级别：{level}",
    ),
}
