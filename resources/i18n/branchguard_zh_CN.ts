<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>About BranchGuard</source>
        <translation>关于 BranchGuard</translation>
    </message>
    <message>
        <source>Emergency playbooks, live incident response, drills and inspections for a bank branch.</source>
        <translation>营业网点的应急预案、突发事件处置、应急演练与安全检查管理。</translation>
    </message>
    <message>
        <source>This installation</source>
        <translation>本机安装信息</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>Report font</source>
        <translation>报表字体</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <source>no licence declared in this build</source>
        <translation>本版本未声明许可协议</translation>
    </message>
    <message>
        <source>BranchGuard: %1. Built with %2.</source>
        <translation>BranchGuard：%1。使用的开源组件：%2。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>embedded in every PDF</source>
        <translation>已嵌入每份 PDF</translation>
    </message>
</context>
<context>
    <name>AuditDiffModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未修改</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Every change made in BranchGuard: who made it, when, and what it changed.</source>
        <translation>BranchGuard 中的每一次变更：由谁、在何时、改动了什么。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Load the newest events (F5)</source>
        <translation>载入最新记录（F5）</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>仅显示从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search the summaries</source>
        <translation>搜索摘要</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All kinds of change</source>
        <translation>全部变更类型</translation>
    </message>
    <message>
        <source>Users and logins</source>
        <translation>用户与登录</translation>
    </message>
    <message>
        <source>Staff roster</source>
        <translation>人员名册</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>应急联系人</translation>
    </message>
    <message>
        <source>Branch settings</source>
        <translation>网点设置</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>显示 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Fields whose value changed are highlighted.</source>
        <translation>值发生变化的字段已突出显示。</translation>
    </message>
    <message>
        <source>Select an event to see what it changed.</source>
        <translation>选择一条记录以查看变更内容。</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3: %4.</source>
        <translation>%1：%2 于 %3 操作，对象：%4。</translation>
    </message>
    <message>
        <source>This event recorded no field values. Summary: %1</source>
        <translation>该记录未保存字段值。摘要：%1</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Edit a contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Alternative phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This is a built-in public emergency number: its number and type cannot be changed.</source>
        <translation>这是内置的公共应急号码，号码和类别不能修改。</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Alternative phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A public emergency number: it cannot be removed and its number cannot be changed.</source>
        <translation>公共应急号码：不能删除，号码不能修改。</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>All types</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Remove the contact %1?</source>
        <translation>确定删除联系人 %1 吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) shown</source>
        <translation>
            <numerusform>显示 %n 个联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Edit the selected contact</source>
        <translation>编辑所选联系人</translation>
    </message>
    <message>
        <source>Remove the selected contact</source>
        <translation>删除所选联系人</translation>
    </message>
    <message>
        <source>Search contacts by name or phone</source>
        <translation>按名称或电话搜索联系人</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>BranchGuard: first start</source>
        <translation>BranchGuard：首次启动</translation>
    </message>
    <message>
        <source>Welcome to BranchGuard</source>
        <translation>欢迎使用 BranchGuard</translation>
    </message>
    <message>
        <source>Name your branch and create the safety lead&apos;s account. The safety lead manages playbooks, drills, staff and the other user accounts.</source>
        <translation>请填写网点名称并创建安全负责人账户。安全负责人负责管理应急预案、演练、人员以及其他用户账户。</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>Branch code (optional)</source>
        <translation>网点编号（可选）</translation>
    </message>
    <message>
        <source>Safety lead&apos;s user name</source>
        <translation>安全负责人用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>e.g. wangjg</source>
        <translation>例如 wangjg</translation>
    </message>
    <message>
        <source>e.g. the lead&apos;s full name</source>
        <translation>例如负责人的姓名</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>BranchGuard: log in</source>
        <translation>BranchGuard：登录</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>Log in to BranchGuard</source>
        <translation>登录 BranchGuard</translation>
    </message>
    <message>
        <source>Log in again to continue, or as another user to switch.</source>
        <translation>请重新登录以继续使用，或以其他用户身份登录以切换用户。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No branch set up</source>
        <translation>尚未设置网点</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+9</source>
        <translation>Ctrl+1 … Ctrl+9</translation>
    </message>
    <message>
        <source>Go to the page at that place in the sidebar</source>
        <translation>切换到侧边栏中对应位置的页面</translation>
    </message>
    <message>
        <source>About BranchGuard</source>
        <translation>关于 BranchGuard</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About BranchGuard</source>
        <translation>关于 BranchGuard(&amp;A)</translation>
    </message>
    <message>
        <source>The screen is locked.</source>
        <translation>屏幕已锁定。</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>不在岗</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>People &amp; contacts</source>
        <translation>人员与联系人</translation>
    </message>
    <message>
        <source>Who works at the branch and whom to call in an emergency.</source>
        <translation>网点在岗人员及紧急情况下的联系对象。</translation>
    </message>
    <message>
        <source>Print contact card…</source>
        <translation>打印应急联络卡…</translation>
    </message>
    <message>
        <source>Save the one-page emergency contact card as a PDF to pin up by the counter.</source>
        <translation>将单页应急联络卡保存为 PDF，打印后张贴在柜台旁。</translation>
    </message>
    <message>
        <source>Staff roster</source>
        <translation>人员名册</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>应急联系人</translation>
    </message>
    <message>
        <source>Save the contact card</source>
        <translation>保存应急联络卡</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing the contact card…</source>
        <translation>正在生成应急联络卡…</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>应急联络卡</translation>
    </message>
    <message>
        <source>The contact card was saved to %1.</source>
        <translation>应急联络卡已保存到 %1。</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>报表字体已改用备用字体：%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>The contact card could not be saved: %1</source>
        <translation>应急联络卡保存失败：%1</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add a staff member</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit a staff member</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>e.g. 13901010001</source>
        <translation>例如 13901010001</translation>
    </message>
    <message>
        <source>e.g. 010-63210001</source>
        <translation>例如 010-63210001</translation>
    </message>
    <message>
        <source>On duty at this branch</source>
        <translation>在本网点在岗</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add a new entry (Ins)</source>
        <translation>添加新条目（Ins）</translation>
    </message>
    <message>
        <source>Edit the selected entry (Enter or F2)</source>
        <translation>编辑所选条目（Enter 或 F2）</translation>
    </message>
    <message>
        <source>Remove the selected entry (Del)</source>
        <translation>删除所选条目（Del）</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Choose a Chinese TrueType font</source>
        <translation>选择中文 TrueType 字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>Checking the font…</source>
        <translation>正在检查字体…</translation>
    </message>
    <message>
        <source>embedded in every PDF</source>
        <translation>已嵌入每份 PDF</translation>
    </message>
    <message>
        <source>Reports use: %1</source>
        <translation>报表使用：%1</translation>
    </message>
    <message>
        <source>Branch settings saved.</source>
        <translation>网点设置已保存。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Applies at once to the window; the command line and new reports use it too.</source>
        <translation>立即应用于窗口；命令行和新生成的报表也使用该语言。</translation>
    </message>
    <message>
        <source>Chinese font for PDF reports</source>
        <translation>PDF 报表中文字体</translation>
    </message>
    <message>
        <source>Automatic: search the fonts installed on this PC</source>
        <translation>自动：在本机已安装的字体中查找</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Use automatic search</source>
        <translation>改为自动查找</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>当前数据库</translation>
    </message>
    <message>
        <source>Read-only here. Start BranchGuard with --db URL or set the environment variable BRANCHGUARD_DB to use a shared PostgreSQL database instead of the file in the data folder.</source>
        <translation>此处仅供查看。如需改用共享的 PostgreSQL 数据库（而非数据文件夹中的数据库文件），请以 --db URL 参数启动 BranchGuard，或设置环境变量 BRANCHGUARD_DB。</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>网点编号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Wrong passwords before an account locks</source>
        <translation>账户锁定前允许的密码错误次数</translation>
    </message>
    <message>
        <source>Lock duration (minutes)</source>
        <translation>锁定时长（分钟）</translation>
    </message>
    <message>
        <source>Save branch settings</source>
        <translation>保存网点设置</translation>
    </message>
    <message>
        <source>Only the safety lead can change the branch settings.</source>
        <translation>只有安全负责人可以修改网点设置。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keys of the whole window first, then those of the page in front.</source>
        <translation>先列出整个窗口的快捷键，再列出当前页面的快捷键。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>功能</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>All posts</source>
        <translation>全部岗位</translation>
    </message>
    <message>
        <source>On duty or not</source>
        <translation>是否在岗</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>不在岗</translation>
    </message>
    <message>
        <source>Remove %1 from the staff roster?</source>
        <translation>确定将 %1 从人员名册中删除吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n staff member(s) shown</source>
        <translation>
            <numerusform>显示 %n 名人员</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Edit the selected staff member</source>
        <translation>编辑所选人员</translation>
    </message>
    <message>
        <source>Remove the selected staff member</source>
        <translation>删除所选人员</translation>
    </message>
    <message>
        <source>Search staff by name or phone</source>
        <translation>按姓名或电话搜索人员</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user account</source>
        <translation>添加用户账户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>为 %1 设置新密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Account “%1” created.</source>
        <translation>账户“%1”已创建。</translation>
    </message>
    <message>
        <source>Password of “%1” changed.</source>
        <translation>“%1”的密码已修改。</translation>
    </message>
    <message>
        <source>“%1” can log in again.</source>
        <translation>“%1”已解锁，可以重新登录。</translation>
    </message>
    <message>
        <source>“%1” disabled.</source>
        <translation>“%1”已停用。</translation>
    </message>
    <message>
        <source>“%1” enabled.</source>
        <translation>“%1”已启用。</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
