<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Access</name>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="17"/>
        <source>Receptionist</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="18"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="19"/>
        <source>Police liaison</source>
        <translation>派出所联络民警</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="34"/>
        <source>Too many wrong passwords: this account is locked until %1. Try again then, or ask a manager to reset the password</source>
        <translation>密码错误次数过多：此账号已锁定至 %1。请到时再试，或请经理重设密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="37"/>
        <source>Too many wrong passwords: this account is locked for a few minutes</source>
        <translation>密码错误次数过多：此账号已锁定几分钟</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="39"/>
        <source>The name or the password is wrong</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="40"/>
        <source>This account is disabled. Ask a manager</source>
        <translation>此账号已停用，请联系经理</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="41"/>
        <source>Nobody is signed in. Sign in first</source>
        <translation>尚未登录，请先登录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="42"/>
        <source>The desk is locked. Sign in again to go on</source>
        <translation>前台已锁定，请重新登录后继续</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="43"/>
        <source>There are no staff accounts yet</source>
        <translation>还没有员工账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="44"/>
        <source>Your role does not allow this. Ask a manager</source>
        <translation>您的角色无权进行此操作，请联系经理</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="45"/>
        <source>Staff accounts exist already: a manager adds new ones</source>
        <translation>已有员工账号：新账号须由经理添加</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="46"/>
        <source>A staff account with this name exists already</source>
        <translation>已有同名的员工账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="47"/>
        <source>There is no staff account with this name</source>
        <translation>没有这个名字的员工账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="48"/>
        <source>This is the only active manager: make another manager first</source>
        <translation>这是唯一在用的经理账号：请先设置另一位经理</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="49"/>
        <source>Enter a name</source>
        <translation>请输入用户名</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="50"/>
        <source>The name is longer than %1 characters</source>
        <translation>用户名超过 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="51"/>
        <source>A name cannot contain @ : ( ) or control characters</source>
        <translation>用户名不能包含 @ : ( ) 或控制字符</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="52"/>
        <source>The password needs at least %1 characters</source>
        <translation>密码至少需要 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="54"/>
        <source>The password is too long</source>
        <translation>密码太长</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="55"/>
        <source>The password cannot be the name</source>
        <translation>密码不能与用户名相同</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_texts.py" line="56"/>
        <source>The password cannot repeat one character</source>
        <translation>密码不能由同一个字符重复组成</translation>
    </message>
</context>
<context>
    <name>AccessController</name>
    <message>
        <location filename="../../hotel_desk/ui/access.py" line="153"/>
        <source>Checking the password</source>
        <extracomment>None until the store is open; then whether this installation has staff accounts. (name, display name) of the active accounts, for the sign-in screen.</extracomment>
        <translation>正在核对密码</translation>
    </message>
</context>
<context>
    <name>AccessScreen</name>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="72"/>
        <source>Name</source>
        <extracomment>What the screen asks for.</extracomment>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="75"/>
        <source>Optional, e.g. 王芳</source>
        <translation>选填，例如：王芳</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="76"/>
        <source>Shown as</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="80"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="83"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="88"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="89"/>
        <source>End this person&apos;s session; unfinished work is discarded</source>
        <translation>结束此人的登录；未完成的操作将被放弃</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="139"/>
        <source>Hotel Desk</source>
        <translation>前台登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="140"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="142"/>
        <source>Set up the first manager</source>
        <translation>设置第一位经理</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="144"/>
        <source>This desk has no staff accounts yet. The first account is a manager: it adds the receptionists, the other managers and the police liaison. Choose a password of at least 8 characters; nobody can read it back, so keep it safe.</source>
        <translation>本前台还没有员工账号。第一个账号是经理账号，由经理添加前台接待、其他经理和派出所联络民警。请设置至少 8 个字符的密码；密码无法找回，请妥善保管。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="148"/>
        <location filename="../../hotel_desk/ui/access_screen.py" line="206"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="149"/>
        <source>Everything you do at the desk is recorded under your name.</source>
        <translation>您在前台的每项操作都会以您的名义记录。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="151"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="153"/>
        <source>The desk is locked</source>
        <translation>前台已锁定</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="154"/>
        <source>%1 is signed in. Enter the password to go on, or sign in as someone else: unfinished work stays as it is.</source>
        <translation>当前登录：%1。输入密码继续，或换其他人登录：未完成的操作会原样保留。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="201"/>
        <source>Create the manager and sign in</source>
        <translation>创建经理账号并登录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="204"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="224"/>
        <source>Enter your name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="228"/>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="233"/>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/access_screen.py" line="241"/>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../hotel_desk/ui/context.py" line="111"/>
        <source>The desk could not start: %1</source>
        <extracomment>How often the window looks whether the intake link is due for a probe (hotel_desk.desk.link decides). Who is at the desk: sign-in, lock, switch user, and what the signed-in role may see. The scanner folder and whether it is really being watched (the app configures it).</extracomment>
        <translation>前台无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/context.py" line="113"/>
        <source>Opening the database</source>
        <translation>正在打开数据库</translation>
    </message>
</context>
<context>
    <name>CameraReaderWidget</name>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="263"/>
        <location filename="../../hotel_desk/ui/camera.py" line="322"/>
        <source>No camera found. Connect a camera (a document camera or a webcam), or read the passport with the reader or the scanner instead.</source>
        <extracomment>CameraRead, once per stable read (event.outcome ACCEPTED, or REVIEW for a zone that keeps failing). hotel_desk.devices.camera.Guidance value (str) whenever the guidance changes. False when no camera is present (the message is shown in the widget). A camera or analysis problem, for people (already translated).</extracomment>
        <translation>未找到摄像头。请连接摄像头（证件摄像头或网络摄像头），或改用阅读器、扫描仪读取护照。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="274"/>
        <source>The text recognition engine is not available: %1</source>
        <translation>文字识别引擎不可用：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="357"/>
        <source>The camera stopped: %1</source>
        <translation>摄像头已停止：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="386"/>
        <source>Hold the document&apos;s photo page up to the camera.</source>
        <translation>请将证件资料页对准摄像头。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="387"/>
        <source>Move the document closer to the camera.</source>
        <translation>请将证件靠近摄像头。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="388"/>
        <source>Hold still…</source>
        <translation>请保持不动…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/camera.py" line="389"/>
        <source>Read. You can take the document away.</source>
        <translation>已读取，可以拿开证件。</translation>
    </message>
</context>
<context>
    <name>CheckDigitPanel</name>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="146"/>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="147"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="148"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="149"/>
        <source>Personal number</source>
        <translation>个人号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="150"/>
        <source>Whole zone (composite)</source>
        <translation>整个机读区（综合校验）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="164"/>
        <source>✓ check digit %1 is right</source>
        <translation>✓ 校验位 %1 正确</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="167"/>
        <source>✗ check digit printed %1, the data gives %2</source>
        <translation>✗ 印刷校验位 %1，按数据应为 %2</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="171"/>
        <source>… not typed yet</source>
        <translation>… 尚未输入</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="180"/>
        <source>line %1: %2 characters</source>
        <translation>第 %1 行：%2 个字符</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="184"/>
        <source>Type the lines at the bottom of the page, one per line: 2 lines of 44 for a passport, 3 lines of 30 for an ID card.</source>
        <translation>按行输入资料页底部的字符：护照 2 行、每行 44 个字符；身份证件 3 行、每行 30 个字符。</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="55"/>
        <source>Check-in</source>
        <translation>入住登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="56"/>
        <source>Put the passport on the scanner, drop a page image here, or open one (Ctrl+O). Check the fields against the document, add the room and press Enter.</source>
        <translation>把护照放上扫描仪，或把资料页图片拖到这里，或打开图片（Ctrl+O）。核对各项与证件一致，填写房号后按回车。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="69"/>
        <source>Document page</source>
        <translation>证件资料页</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="71"/>
        <source>Drop a scanned page here
or press Ctrl+O to open an image</source>
        <translation>将扫描的资料页拖到这里
或按 Ctrl+O 打开图片</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="89"/>
        <source>Open image…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="93"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="95"/>
        <source>Read the document with a camera (Ctrl+K)</source>
        <translation>用摄像头读取证件（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="98"/>
        <source>New guest</source>
        <translation>下一位旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="99"/>
        <source>Clear the form for the next guest (Ctrl+N)</source>
        <translation>清空表单，登记下一位旅客（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="145"/>
        <source>Open a scanned page</source>
        <translation>打开扫描的资料页</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="146"/>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="155"/>
        <source>Still reading the previous page…</source>
        <translation>仍在读取上一页…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="158"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="160"/>
        <source>Reading the document</source>
        <translation>正在读取证件</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="169"/>
        <source>No machine-readable zone found on this page. Scan it again flat and straight, or type the document in Manual entry (Ctrl+2).</source>
        <translation>此页未找到机读区。请将证件放平放正重新扫描，或在“手工录入”中输入（Ctrl+2）。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="172"/>
        <source>Nothing read</source>
        <translation>未读到内容</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="175"/>
        <source>Read in %1 s</source>
        <translation>读取用时 %1 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="176"/>
        <source> · %n field(s) to review</source>
        <translation>
            <numerusform> · %n 项需核对</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="185"/>
        <source>this file is not an image the reader can open. Scan the page again as PNG or JPEG.</source>
        <translation>此文件不是可识读的图片。请重新扫描并保存为 PNG 或 JPEG。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="188"/>
        <source>The page could not be read: %1</source>
        <translation>无法读取此页：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="209"/>
        <source>the guest</source>
        <translation>该旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="211"/>
        <source>%1 (room %2)</source>
        <translation>%1（%2 房）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="317"/>
        <source>The reader did not get the whole zone: %1 Pass the document through again.</source>
        <translation>阅读器没有读到完整的机读区：%1 请再刷一次证件。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="325"/>
        <source>Read by %1</source>
        <translation>读取自%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="332"/>
        <source>Correction applied. Compare the changed field with the page.</source>
        <translation>已应用更正。请将改动的项目与证件核对。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="345"/>
        <source>Saving the registration</source>
        <translation>正在保存登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="357"/>
        <source>Registered as printed, with the approval on record.</source>
        <translation>已按证件原样登记，审批已记录在案。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="363"/>
        <source>Registered %1 in room %2. The police report is queued; deadline %3.</source>
        <translation>已为 %1 办理入住登记（%2 房），已加入上报队列，截止时间 %3。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="344"/>
        <source>Not saved: %1. Nothing was lost: the form is still filled in.</source>
        <translation>未保存：%1。内容没有丢失，表单仍保留填写内容。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="104"/>
        <source>Same stay for the next guest</source>
        <translation>下一位旅客同住此房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="105"/>
        <source>Family or group in one room: the next guest starts with this stay (room, dates, visa) (Alt+S)</source>
        <translation>家人或团队同住一间房：下一位旅客自动带入本次住宿信息（房号、日期、签证）（Alt+S）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="390"/>
        <source>Watching the scanner folder %1: new pages open here by themselves.</source>
        <translation>正在监视扫描文件夹 %1：新扫描的资料页会自动在此打开。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="392"/>
        <source>The scanner folder %1 cannot be read, so no pages are picked up. Check that it exists and is reachable, or choose another in Settings.</source>
        <translation>无法读取扫描文件夹 %1，扫描的页面不会自动打开。请检查该文件夹是否存在、能否访问，或在“设置”中另选文件夹。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="395"/>
        <source>No scanner folder set (Settings).</source>
        <translation>尚未设置扫描文件夹（见“设置”）。</translation>
    </message>
</context>
<context>
    <name>DeadlineBanner</name>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="96"/>
        <source>Print the form now</source>
        <translation>立即打印登记表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="100"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>HandOver</name>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="58"/>
        <source>Print the registration form</source>
        <extracomment>Settings (the `extra` values) of the fax modem.</extracomment>
        <translation>打印登记表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="63"/>
        <source>Save the registration form</source>
        <translation>保存登记表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="64"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="70"/>
        <source>Fax the registration form</source>
        <translation>传真登记表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="71"/>
        <source>The police sub-station&apos;s fax number:</source>
        <translation>派出所传真号码：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="75"/>
        <source>Mark as handed over</source>
        <translation>标记为已移交</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="76"/>
        <source>Who received the form? (officer&apos;s name or number)</source>
        <translation>由谁接收？（民警姓名或警号）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="80"/>
        <source>Enter the police receipt</source>
        <translation>录入公安回执</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="81"/>
        <source>The receipt number the police gave for %1, room %2:</source>
        <translation>公安机关为 %1（%2 房）出具的回执号：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="86"/>
        <source>Registration form</source>
        <translation>登记表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="87"/>
        <source>Hand it to the police sub-station before the deadline. Once an officer has it, mark the report as handed over: its deadline is then met.</source>
        <translation>请在截止时间前交给派出所。民警接收后，将这条上报标记为已移交，即视为按时上报。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="89"/>
        <source>Mark as handed over…</source>
        <translation>标记为已移交…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="90"/>
        <source>Not yet</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="113"/>
        <source>The registration form is printed.</source>
        <translation>登记表已打印。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="119"/>
        <source>Preparing the registration form</source>
        <translation>正在生成登记表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="130"/>
        <source>Registration form saved: %1</source>
        <translation>登记表已保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="136"/>
        <source>Saving the registration form</source>
        <translation>正在保存登记表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="139"/>
        <source>The registration form could not be made: %1</source>
        <translation>无法生成登记表：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="152"/>
        <source>No fax modem is set up: a manager chooses its port in Settings (Fax modem).</source>
        <translation>尚未设置传真机：请经理在“设置”的“传真机”中选择端口。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="160"/>
        <source>Faxing the registration form to %1…</source>
        <translation>正在将登记表传真至 %1…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="164"/>
        <source>Faxing to %1: %2</source>
        <translation>正在传真至 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/handover.py" line="171"/>
        <source>Faxed to %1, %n page(s) confirmed. The report is handed over: enter the police&apos;s receipt number when they give it.</source>
        <translation>
            <numerusform>已传真至 %1，对方确认收到 %n 页。这条上报已移交，收到公安回执后请录入回执号。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="174"/>
        <source>Faxed to %1, but the report had meanwhile been filed online; the fax is on record.</source>
        <translation>已传真至 %1，但这条上报在此期间已通过网络上报成功；本次传真已留档。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="179"/>
        <source>The fax did not go through: %1. The report is unchanged and still waiting.</source>
        <translation>传真未发出：%1。这条上报不受影响，仍在待上报。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="184"/>
        <source>Faxing the registration form</source>
        <translation>正在传真登记表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="194"/>
        <source>Handed over to %1: the deadline is met. Enter the police&apos;s receipt number when they give it.</source>
        <translation>已移交给 %1，视为按时上报。收到公安回执后请录入回执号。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="196"/>
        <source>Could not mark the report as handed over: %1</source>
        <translation>无法标记为已移交：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="212"/>
        <source>Receipt %1 recorded: the report is filed.</source>
        <translation>回执号 %1 已录入，这条上报已完成。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/handover.py" line="213"/>
        <source>The receipt was not recorded: %1</source>
        <translation>回执号未录入：%1</translation>
    </message>
</context>
<context>
    <name>InHouseModel</name>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="59"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="59"/>
        <source>Guest</source>
        <translation>旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="59"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="59"/>
        <source>Document</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="60"/>
        <source>Checked in</source>
        <translation>入住时间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="60"/>
        <source>Departure</source>
        <translation>预计离店</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="60"/>
        <source>Police report</source>
        <translation>上报状态</translation>
    </message>
</context>
<context>
    <name>InHousePage</name>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="134"/>
        <source>In house</source>
        <translation>在住旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="135"/>
        <source>Guests staying now. Check out on departure: the check-out report is queued at once.</source>
        <translation>当前在住的旅客。旅客离店时办理退房，退房信息立即加入上报队列。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="139"/>
        <source>Search by room, name or document number (Ctrl+F)</source>
        <translation>按房间号、姓名或证件号码搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="142"/>
        <source>Check out…</source>
        <translation>退房…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="146"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="150"/>
        <source>Cancel registration…</source>
        <translation>注销登记…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="151"/>
        <source>A registration made in error (wrong guest, duplicate): Ctrl+Shift+X</source>
        <translation>误登记（登记错人、重复登记）：Ctrl+Shift+X</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="162"/>
        <source>Why is it cancelled? (required)</source>
        <translation>注销原因（必填）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="165"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="292"/>
        <source>Check out now</source>
        <translation>立即退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="169"/>
        <source>Keep in house</source>
        <translation>暂不退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="193"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="200"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="208"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="253"/>
        <source>Nobody is checked in.</source>
        <translation>目前没有在住旅客。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="252"/>
        <source>Nobody matches the search.</source>
        <translation>没有符合条件的旅客。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="261"/>
        <source>The guest list could not be loaded: %1</source>
        <translation>无法载入旅客列表：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="286"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="302"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="355"/>
        <source>Select a guest first.</source>
        <translation>请先选择一位旅客。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="290"/>
        <source>Check out %1 from room %2 now?</source>
        <translation>现在为 %2 房的 %1 办理退房？</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="306"/>
        <source>Cancel the registration of %1, room %2? A cancellation report tells the police it was made in error.</source>
        <translation>注销 %1（%2 房）的登记？将向公安机关上报注销，说明此登记有误。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="309"/>
        <source>Cancel registration</source>
        <translation>注销登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="330"/>
        <source>%1 checked out of room %2. The check-out report is queued.</source>
        <translation>%1 已从 %2 房退房，退房信息已加入上报队列。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="332"/>
        <source>Check-out not saved: %1</source>
        <translation>退房未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="333"/>
        <source>Checking out</source>
        <translation>正在办理退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="338"/>
        <source>Say why the registration is cancelled.</source>
        <translation>请说明注销登记的原因。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="344"/>
        <source>The registration of %1 (room %2) is cancelled. The cancellation report is queued.</source>
        <translation>%1（%2 房）的登记已注销，注销信息已加入上报队列。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="346"/>
        <source>Cancellation not saved: %1</source>
        <translation>注销未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="347"/>
        <source>Cancelling the registration</source>
        <translation>正在注销登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="361"/>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="367"/>
        <source>Correcting the registration of %1, room %2. A correction report is sent; the original report stays on record.</source>
        <translation>正在更正 %1（%2 房）的登记。更正将另行上报，原上报记录保留不变。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="370"/>
        <source>The police intake refused it:</source>
        <translation>公安上报平台退回原因：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="376"/>
        <source>The registration could not be loaded: %1</source>
        <translation>无法载入该登记：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="390"/>
        <source>Correction saved; the correction report is queued.</source>
        <translation>更正已保存，已加入上报队列。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="391"/>
        <source>Correction not saved: %1</source>
        <translation>更正未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="392"/>
        <source>Saving the correction</source>
        <translation>正在保存更正</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="14"/>
        <source>Document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="15"/>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="16"/>
        <source>Issued by</source>
        <translation>签发国家/地区</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="17"/>
        <source>Surname</source>
        <translation>英文姓</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="18"/>
        <source>Given names</source>
        <translation>英文名</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="19"/>
        <source>Chinese name</source>
        <translation>中文姓名</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="20"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="21"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="22"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="23"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="24"/>
        <source>Visa / permit type</source>
        <translation>签证/签注种类</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="25"/>
        <source>Visa / permit number</source>
        <translation>签证/签注号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="26"/>
        <source>Stay allowed until</source>
        <translation>停留有效期至</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="27"/>
        <source>Entry date</source>
        <translation>入境日期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="28"/>
        <source>Port of entry</source>
        <translation>入境口岸</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="29"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="30"/>
        <source>Planned departure</source>
        <translation>预计离店日期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="31"/>
        <source>Coming from</source>
        <translation>从何处来</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="32"/>
        <source>Going to</source>
        <translation>到何处去</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="33"/>
        <source>Reason for stay</source>
        <translation>住宿事由</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="34"/>
        <source>Document</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="35"/>
        <source>Why typed by hand</source>
        <translation>手工录入原因</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="43"/>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="44"/>
        <source>Travel permit, Hong Kong / Macao residents</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="45"/>
        <source>Travel permit, Taiwan residents</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="46"/>
        <source>Foreign permanent resident ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="47"/>
        <location filename="../../hotel_desk/ui/labels.py" line="81"/>
        <source>Residence permit</source>
        <translation>居留许可</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="48"/>
        <source>Identity card</source>
        <translation>身份证件</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="49"/>
        <source>Other travel document</source>
        <translation>其他旅行证件</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="50"/>
        <source>Visa</source>
        <translation>签证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="51"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="57"/>
        <source>(not recorded)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="59"/>
        <source>C – crew</source>
        <translation>C – 乘务</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="60"/>
        <source>D – permanent residence</source>
        <translation>D – 永久居留</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="61"/>
        <source>F – exchange, visit</source>
        <translation>F – 交流、访问</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="62"/>
        <source>G – transit</source>
        <translation>G – 过境</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="63"/>
        <source>J1 – resident journalist</source>
        <translation>J1 – 常驻记者</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="64"/>
        <source>J2 – journalist, short visit</source>
        <translation>J2 – 临时采访记者</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="65"/>
        <source>L – tourism</source>
        <translation>L – 旅游</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="66"/>
        <source>M – business, trade</source>
        <translation>M – 商贸</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="67"/>
        <source>Q1 – family reunion, long stay</source>
        <translation>Q1 – 家庭团聚（长期）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="68"/>
        <source>Q2 – family visit, short stay</source>
        <translation>Q2 – 探亲（短期）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="69"/>
        <source>R – high-level talent</source>
        <translation>R – 高层次人才</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="70"/>
        <source>S1 – family of foreign resident, long stay</source>
        <translation>S1 – 外国人家属（长期）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="71"/>
        <source>S2 – family of foreign resident, short stay</source>
        <translation>S2 – 外国人家属（短期）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="72"/>
        <source>X1 – study, long term</source>
        <translation>X1 – 长期学习</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="73"/>
        <source>X2 – study, short term</source>
        <translation>X2 – 短期学习</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="74"/>
        <source>Z – work</source>
        <translation>Z – 工作</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="78"/>
        <source>Diplomatic visa</source>
        <translation>外交签证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="79"/>
        <source>Courtesy visa</source>
        <translation>礼遇签证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="80"/>
        <source>Service visa</source>
        <translation>公务签证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="82"/>
        <source>Visa-free entry</source>
        <translation>免签入境</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="83"/>
        <source>Travel permit (HK / Macao / Taiwan)</source>
        <translation>通行证（港澳台）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="89"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="89"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="89"/>
        <source>Unspecified</source>
        <translation>未说明</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="93"/>
        <source>Tourism</source>
        <translation>旅游</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="93"/>
        <source>Business</source>
        <translation>商务</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="93"/>
        <source>Visiting family</source>
        <translation>探亲</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="93"/>
        <source>Study</source>
        <translation>学习</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="93"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="93"/>
        <source>Transit</source>
        <translation>过境</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="98"/>
        <source>Check-in</source>
        <translation>入住登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="99"/>
        <source>Check-out</source>
        <translation>退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="100"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="101"/>
        <source>Cancellation</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="109"/>
        <source>Waiting to send</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="110"/>
        <source>Sending</source>
        <translation>上报中</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="111"/>
        <source>Will retry</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="112"/>
        <source>Handed over, receipt to enter</source>
        <translation>已移交，待录入回执</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="113"/>
        <source>Filed (police receipt)</source>
        <translation>已上报（已有公安回执）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="114"/>
        <source>Filed</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="115"/>
        <source>Needs correction</source>
        <translation>需更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="121"/>
        <source>Must fix</source>
        <translation>须改正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="121"/>
        <source>Check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="121"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="129"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="131"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="136"/>
        <source>%1 overdue</source>
        <translation>已逾期 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="137"/>
        <source>%1 left</source>
        <translation>剩 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="145"/>
        <source>the passport reader on %1</source>
        <translation>%1 上的证件阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="146"/>
        <source>the keyboard passport reader</source>
        <translation>键盘式证件阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="147"/>
        <source>the camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="151"/>
        <source>the passport reader</source>
        <translation>证件阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="158"/>
        <source>starting the fax modem</source>
        <translation>正在启动传真机</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="160"/>
        <source>dialling %1</source>
        <translation>正在拨号 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="162"/>
        <source>sending page %1 of %2</source>
        <translation>正在发送第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="165"/>
        <source>sent, waiting for the other fax to confirm</source>
        <translation>已发送，等待对方传真机确认</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="174"/>
        <source>the fax modem does not answer (is it switched on and plugged in?)</source>
        <translation>传真机无响应（是否已开机并连接？）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="176"/>
        <source>the modem refused a fax command (is it a Class 2.0 fax modem?)</source>
        <translation>调制解调器拒绝传真指令（是否为 Class 2.0 传真调制解调器？）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="178"/>
        <source>no dial tone (is the telephone line plugged in?)</source>
        <translation>没有拨号音（电话线是否接好？）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="179"/>
        <source>the line is busy: try again in a few minutes</source>
        <translation>对方占线，请过几分钟再试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="180"/>
        <source>the sub-station&apos;s fax did not answer</source>
        <translation>派出所传真无人应答</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="181"/>
        <source>no connection with the other fax machine</source>
        <translation>未能与对方传真机建立连接</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="182"/>
        <source>the other fax machine hung up</source>
        <translation>对方传真机已挂断</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="183"/>
        <source>the other fax machine did not confirm the page</source>
        <translation>对方传真机未确认收到该页</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="184"/>
        <source>the fax failed</source>
        <translation>传真失败</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="189"/>
        <source>the fax modem&apos;s port cannot be opened (check the fax modem in Settings)</source>
        <translation>无法打开传真机端口（请检查“设置”中的传真机）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="197"/>
        <source>Nothing answers at the police intake&apos;s address.</source>
        <translation>公安上报平台的地址无应答。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="198"/>
        <source>The police intake does not answer in time.</source>
        <translation>公安上报平台响应超时。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="199"/>
        <source>The police intake&apos;s address cannot be found: check the internet connection.</source>
        <translation>找不到公安上报平台的地址，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="201"/>
        <source>The network does not reach the police intake: check the internet connection.</source>
        <translation>网络连不上公安上报平台，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="203"/>
        <source>The police intake&apos;s certificate is not trusted.</source>
        <translation>公安上报平台的证书不受信任。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="204"/>
        <source>The police intake refuses the hotel code or the authorisation code (Settings).</source>
        <translation>公安上报平台不接受旅馆编码或授权码（请检查“设置”）。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="206"/>
        <source>The police intake does not understand this desk: call support.</source>
        <translation>公安上报平台无法识别本机的请求，请联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="207"/>
        <source>The police intake answers with errors.</source>
        <translation>公安上报平台返回错误。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="209"/>
        <source>The police intake cannot be reached.</source>
        <translation>无法连接公安上报平台。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="220"/>
        <source>the guest has no name</source>
        <translation>旅客没有姓名</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="221"/>
        <source>the document has no number</source>
        <translation>证件没有号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="222"/>
        <location filename="../../hotel_desk/ui/labels.py" line="231"/>
        <source>no room is given</source>
        <translation>没有填写房号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="223"/>
        <source>the arrival time is in the future (check the computer&apos;s clock)</source>
        <translation>入住时间晚于当前时间（请检查电脑时钟）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="225"/>
        <source>the planned departure is before the arrival</source>
        <translation>预计离店日期早于入住日期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="227"/>
        <location filename="../../hotel_desk/ui/labels.py" line="229"/>
        <source>nothing to correct: every value is as recorded</source>
        <translation>无需更正：各项与已登记内容相同</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="230"/>
        <source>the guest is no longer in house</source>
        <translation>该旅客已不在住</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="232"/>
        <source>the hotel&apos;s codes are not set up (Settings)</source>
        <translation>尚未设置旅馆编码（见“设置”）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="234"/>
        <source>the database is busy; try again in a moment</source>
        <translation>数据库繁忙，请稍后再试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="236"/>
        <source>the disk holding the database is full; free some space and try again</source>
        <translation>数据库所在磁盘已满，请清理空间后重试</translation>
    </message>
</context>
<context>
    <name>LiveSwitchDialog</name>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="40"/>
        <location filename="../../hotel_desk/ui/live_switch.py" line="67"/>
        <source>Switch to LIVE</source>
        <translation>切换到正式模式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="48"/>
        <source>&lt;b&gt;LIVE means real police reports.&lt;/b&gt; From the next start of the app, every check-in, check-out, correction and cancellation is reported to the police intake at &lt;b&gt;%1&lt;/b&gt; under hotel code &lt;b&gt;%2&lt;/b&gt;, with the guests&apos; real data. The orange TRAINING band disappears and training receipts (TRN-…) are no longer issued. Switching back needs a manager too.</source>
        <translation>&lt;b&gt;正式模式即真实上报公安机关。&lt;/b&gt;下次启动程序后，每一笔入住登记、退房、更正和注销都会以旅馆编码 &lt;b&gt;%2&lt;/b&gt; 上报至公安上报平台 &lt;b&gt;%1&lt;/b&gt;，上报的是旅客的真实信息。橙色的“培训模式”提示条将消失，不再出具培训回执（TRN-…）。如需切换回培训模式，同样需要经理操作。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="57"/>
        <source>Connection test</source>
        <translation>连接测试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="69"/>
        <source>Test again</source>
        <translation>重新测试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="71"/>
        <source>Stay in TRAINING</source>
        <translation>保持培训模式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="81"/>
        <source>Encrypted address (https)</source>
        <translation>加密地址（https）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="82"/>
        <source>The intake answers</source>
        <translation>上报平台有应答</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="83"/>
        <source>Certificate verified</source>
        <translation>证书已验证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="84"/>
        <source>It is the police&apos;s intake, not a training one</source>
        <translation>是公安正式上报平台，而非培训平台</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="85"/>
        <source>Hotel code and authorisation code accepted</source>
        <translation>旅馆编码和授权码有效</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="86"/>
        <source>The intake&apos;s signing key matches</source>
        <translation>上报平台的签名密钥一致</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="92"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="95"/>
        <source>Testing the connection</source>
        <translation>正在测试连接</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="115"/>
        <source>Every check passed. Switching saves the settings; the app then works LIVE from its next start.</source>
        <translation>各项检测均通过。切换后将保存设置，程序下次启动起以正式模式运行。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="119"/>
        <source>Not ready for LIVE: fix what failed (the address, the codes from the sub-station, the network) and test again.</source>
        <translation>尚不能切换到正式模式：请处理未通过的项目（地址、派出所下发的代码、网络），然后重新测试。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="126"/>
        <source>not checked: no signing key is set on this desk</source>
        <translation>未检测：本机未设置签名密钥</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="127"/>
        <source>not checked</source>
        <translation>未检测</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="131"/>
        <source>LIVE needs an https:// address from the sub-station</source>
        <translation>正式模式需要派出所提供的 https:// 地址</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="132"/>
        <source>nothing answers at this address</source>
        <translation>该地址无应答</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="133"/>
        <source>the certificate is not trusted</source>
        <translation>证书不受信任</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="134"/>
        <source>this is a training intake</source>
        <translation>这是培训平台</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="135"/>
        <source>the intake refuses these codes</source>
        <translation>上报平台不接受这些代码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="140"/>
        <source>The test could not run: %1</source>
        <translation>无法进行测试：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="146"/>
        <source>Switch to TRAINING</source>
        <translation>切换到培训模式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="147"/>
        <source>From the next start, reports go to the practice intake on this computer, not to the police. Guests registered in TRAINING are not reported to the police. Switch to TRAINING?</source>
        <translation>下次启动起，记录只发送到本机的练习平台，不再上报公安机关；培训模式下登记的旅客不会上报。确定切换到培训模式吗？</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="151"/>
        <source>Stay LIVE</source>
        <translation>保持正式模式</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="83"/>
        <source>Hotel Desk – guest registration</source>
        <extracomment>What a role needs to see each page (the buttons on a page check their own permissions). The liaison&apos;s inspection page goes here as (&quot;inspection&quot;, Permission.INSPECT), with its factory in `MainWindow.page`.</extracomment>
        <translation>前台登记 – 境外旅客住宿登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="98"/>
        <source>TRAINING – reports go to the practice intake on this computer, never to the police.</source>
        <translation>培训模式 – 只发往本机的练习平台，不会上报公安机关。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="125"/>
        <source>Hotel Desk</source>
        <translation>前台登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="129"/>
        <source>Guest registration</source>
        <translation>境外旅客住宿登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="151"/>
        <source>Check-in</source>
        <translation>入住登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="152"/>
        <source>Manual entry</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="153"/>
        <source>In house</source>
        <translation>在住旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="154"/>
        <source>Reports</source>
        <translation>上报记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="155"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="399"/>
        <source>If it cannot go out in time, print the registration form and hand it to the police sub-station.</source>
        <translation>如无法按时上报，请打印登记表送交派出所。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="87"/>
        <location filename="../../hotel_desk/ui/main_window.py" line="372"/>
        <source>TRAINING</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="156"/>
        <source>Staff</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="178"/>
        <location filename="../../hotel_desk/ui/main_window.py" line="358"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="354"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="356"/>
        <source>Lock the desk and let someone else sign in; unfinished work stays</source>
        <translation>锁定前台，让其他人登录；未完成的操作会保留</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="373"/>
        <source>Mode: TRAINING</source>
        <translation>模式：培训</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="375"/>
        <source>LIVE</source>
        <translation>正式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="376"/>
        <source>Mode: LIVE</source>
        <translation>模式：正式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="389"/>
        <source>A police report is due at %1 (%2) and has not been accepted yet.</source>
        <translation>有一条上报须在 %1 前完成（%2），目前仍未上报成功。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="392"/>
        <source>Report deadline</source>
        <translation>上报截止提醒</translation>
    </message>
</context>
<context>
    <name>ManualEntryPage</name>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="199"/>
        <source>Manual entry</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="200"/>
        <source>When no reader can read the document: type its machine-readable lines, or, if it has none, type the fields from the page and say why.</source>
        <translation>阅读器无法读取证件时：输入证件的机读码；如证件没有机读区，请按证件内容填写各项并注明原因。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="211"/>
        <source>Machine-readable lines</source>
        <translation>机读码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="215"/>
        <source>A space types &apos;&lt;&apos; (two between surname and given names). Enter types the rest of the line&apos;s &apos;&lt;&apos; and goes to the next line. Each check digit is checked as soon as its field is typed; a line is judged once complete.</source>
        <translation>空格即输入 &apos;&lt;&apos;（姓与名之间输两个空格）。按 Enter 自动补齐本行其余的 &apos;&lt;&apos; 并换到下一行。每个字段输完即核对其校验位；整行输完后才判定该行。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="225"/>
        <source>&lt;b&gt;Where to look&lt;/b&gt;&lt;br&gt;The machine-readable zone is the two or three lines of capital letters, digits and &amp;lt; at the bottom of the photo page (on the back of ID cards).&lt;br&gt;&lt;br&gt;&lt;b&gt;O or 0? I or 1?&lt;/b&gt;&lt;br&gt;Type what you see. A wrong character shows as a failing check digit on its field, and a likely correction is offered beside it.</source>
        <translation>&lt;b&gt;机读区在哪里&lt;/b&gt;&lt;br&gt;机读区是资料页底部（身份证件在背面）由大写字母、数字和 &amp;lt; 组成的两行或三行字符。&lt;br&gt;&lt;br&gt;&lt;b&gt;是 O 还是 0？是 I 还是 1？&lt;/b&gt;&lt;br&gt;按看到的输入即可。输错的字符会使该项的校验位不通过，旁边会给出可能的更正。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="240"/>
        <source>Type the MRZ</source>
        <translation>输入机读码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="249"/>
        <source>No MRZ on the document</source>
        <translation>证件无机读区</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="321"/>
        <source>Registered %1 in room %2. The police report is queued.</source>
        <translation>已为 %1 办理入住登记（%2 房），已加入上报队列。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="323"/>
        <source>Not saved: %1. The form is still filled in.</source>
        <translation>未保存：%1。表单仍保留填写内容。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/manual_page.py" line="324"/>
        <source>Saving the registration</source>
        <translation>正在保存登记</translation>
    </message>
</context>
<context>
    <name>NewPageBar</name>
    <message>
        <location filename="../../hotel_desk/ui/checkin_queue.py" line="85"/>
        <source>Keep editing (Esc)</source>
        <translation>继续填写（Esc）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_queue.py" line="87"/>
        <source>Park this guest (Alt+P)</source>
        <translation>暂存此旅客（Alt+P）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_queue.py" line="89"/>
        <source>Discard this guest (Alt+D)</source>
        <translation>放弃此旅客（Alt+D）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_queue.py" line="96"/>
        <source>New document read: &lt;b&gt;%1&lt;/b&gt;. &lt;b&gt;%2&lt;/b&gt; is not registered yet.</source>
        <translation>已读取新证件：&lt;b&gt;%1&lt;/b&gt;。&lt;b&gt;%2&lt;/b&gt; 尚未登记。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="53"/>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="105"/>
        <source>Register as printed</source>
        <extracomment>Runs the registration (a background job): the entry with its override reason, and the approver&apos;s name and password when the signed-in staff member may not approve it themselves.</extracomment>
        <translation>按原样登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="62"/>
        <source>The rest of the machine-readable zone agrees with this digit: the document itself prints it so. Compare the zone with the page. If it reads the same, the guest can be registered with the zone exactly as printed; the reason and who approved it are recorded.</source>
        <translation>机读区其余部分与这一校验位相符：证件本身就是这样印制的。请将机读区与证件页逐字核对，如完全一致，可按证件原样登记；登记原因和审批人将一并记录。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="74"/>
        <source>The document prints this check digit (compared with the page)</source>
        <translation>证件本身印制的校验位即如此（已与证件页核对）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="75"/>
        <source>The issuer is known to print this check digit wrong</source>
        <translation>已知该签发机关印错此校验位</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="78"/>
        <source>Choose (↓) or type the reason</source>
        <translation>选择（↓）或输入原因</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="82"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="92"/>
        <source>You (%1), as manager</source>
        <extracomment>The signed-in manager approves by registering; anyone else needs a manager&apos;s password here.</extracomment>
        <translation>您本人（%1，经理）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="93"/>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="95"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="96"/>
        <source>Manager&apos;s password</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="108"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="140"/>
        <source>Choose or type the reason first.</source>
        <translation>请先选择或输入原因。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="146"/>
        <source>A manager chooses their name and types their password here.</source>
        <translation>请经理在此选择本人姓名并输入密码。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="153"/>
        <source>Saving the registration</source>
        <translation>正在保存登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="158"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/override_dialog.py" line="168"/>
        <source>Not registered: %1</source>
        <translation>未登记：%1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="15"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="16"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="17"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="18"/>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="19"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="20"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="12"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="13"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="14"/>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../hotel_desk/ui/qt_strings.py" line="21"/>
        <source>Page &amp;Set:</source>
        <translation>打印页面(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <location filename="../../hotel_desk/ui/findings_view.py" line="137"/>
        <source>Did you mean:</source>
        <extracomment>Where a finding about a field shows up in the form: the record&apos;s own names for its fields, and the names the document core&apos;s findings use for the same fields (hotel_desk.rules.record: `core_name`). &quot;Fill this in&quot; findings: shown only once Register was tried, and not when another finding already speaks about the same field. The row that shows this list (the form&apos;s layout sets it): shown while any of its lists has something.</extracomment>
        <translation>是否应为：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/findings_view.py" line="141"/>
        <source>Use this reading: it passes every check digit. Check it against the page.</source>
        <translation>采用此读法：所有校验位均通过。请与证件核对。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="130"/>
        <source>Guest and document</source>
        <extracomment>Enter on a document the checks refuse: (GuestEntry, the codes of the errors), for the audit trail. Enter (or &quot;Register as printed…&quot;) on a document blocked only by what a manager may approve as printed (hotel_desk.rules.gate): the page asks for the reason and the approval. Carries the GuestEntry.</extracomment>
        <translation>旅客与证件</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="135"/>
        <source>Stay, visa or permit</source>
        <translation>住宿与签证（签注）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="138"/>
        <source>More stay details (coming from, going to, entry)</source>
        <translation>更多住宿信息（从何处来、到何处去、入境）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="158"/>
        <source>Register as printed…</source>
        <translation>按原样登记…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="160"/>
        <source>The document itself prints this check digit wrong: register it exactly as printed, with the reason and a manager&apos;s approval (Enter)</source>
        <translation>证件本身印错了这一校验位：按证件原样登记，需填写原因并经经理审批（Enter）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="198"/>
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="150"/>
        <source>I have checked the warnings against the document</source>
        <translation>我已对照证件核实上述提醒</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="165"/>
        <source>Send correction</source>
        <translation>发送更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="165"/>
        <source>Register  ⏎</source>
        <translation>登记  ⏎</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="167"/>
        <source>Save the registration and queue its police report (Enter)</source>
        <translation>保存登记并加入上报队列（回车）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="125"/>
        <source>Wrong field value in the registration</source>
        <extracomment>The form&apos;s layout, two fields to a row with each label beside its field, so that a whole check-in fits a 1366 x 768 screen: the guest and the document as the page reads them, then the stay with what every guest needs first and the rest folded away (what each field is comes from hotel_desk.rules.record). Less used: folded under &quot;More stay details&quot; until one of them holds a value or a finding. The stay and the visa or permit (a change re-checks the stay rules). Kept in capitals whatever is typed (as the MRZ and the police write them).</extracomment>
        <translation>登记内容有误</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="126"/>
        <source>The police marked the record as suspected error data</source>
        <translation>公安机关标记为疑似错误数据</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="127"/>
        <source>The guest changed room or departure date</source>
        <translation>旅客换房或更改离店日期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="132"/>
        <source>The document has no machine-readable zone</source>
        <translation>证件没有机读区</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="133"/>
        <source>The machine-readable zone is damaged or unreadable</source>
        <translation>机读区损坏或无法识读</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="134"/>
        <source>No scanner or reader available</source>
        <translation>没有可用的扫描仪或阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="138"/>
        <source>Required: choose or type why</source>
        <translation>必填：选择或输入原因</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="151"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="154"/>
        <source>3 letters, e.g. GBR</source>
        <translation>3 个字母，如 GBR</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="156"/>
        <source>e.g. 1208</source>
        <translation>如 1208</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="159"/>
        <source>As in the document (Latin letters)</source>
        <translation>与证件一致（拉丁字母）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="320"/>
        <source>The reader was unsure here: compare with the page</source>
        <translation>识读结果不确定：请与证件核对</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="413"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="415"/>
        <source>The document prints a wrong check digit: compare the zone with the page, then register it as printed with a manager&apos;s approval.</source>
        <translation>证件印错了一位校验位：请将机读区与证件页核对，然后经经理审批按原样登记。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="426"/>
        <source>Still needed: %1</source>
        <translation>尚需填写：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/registration_form.py" line="422"/>
        <source>%n problem(s) to fix first</source>
        <translation>
            <numerusform>需先改正 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="429"/>
        <source>Confirm the warnings first</source>
        <translation>请先确认提醒事项</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="55"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="55"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="55"/>
        <source>Report</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="55"/>
        <source>Guest</source>
        <translation>旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="55"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="56"/>
        <source>Event time</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="90"/>
        <source>Handed over %1 late</source>
        <translation>已移交，逾期 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="91"/>
        <source>Handed over in time</source>
        <translation>已按时移交</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="93"/>
        <source>Filed %1 late</source>
        <translation>已上报，逾期 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="94"/>
        <source>Filed in time</source>
        <translation>已按时上报</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="99"/>
        <source>Filed, receipt %1</source>
        <translation>已上报，回执 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="101"/>
        <source>Filed, police receipt %1</source>
        <translation>已上报，公安回执 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="103"/>
        <source>Faxed, waiting for the police receipt</source>
        <translation>已传真，待公安回执</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="104"/>
        <source>Handed over, waiting for the police receipt</source>
        <translation>已移交，待公安回执</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="156"/>
        <source>Reports</source>
        <translation>上报记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="157"/>
        <source>Every report to the police with its deadline (24 hours after the event). Reports are sent by themselves; act only on the red ones.</source>
        <translation>所有上报公安机关的记录及其截止时间（事件发生后 24 小时）。系统自动上报，只需处理标红的记录。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="161"/>
        <source>Only reports that still need something</source>
        <translation>只显示仍需处理的记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="165"/>
        <source>Send now</source>
        <translation>立即上报</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="167"/>
        <source>Send every waiting report now, without waiting for its next retry (Ctrl+R)</source>
        <translation>立即上报所有待上报记录，不等下次重试（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="170"/>
        <source>Open correction</source>
        <translation>去更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="171"/>
        <source>Correct the registration the intake refused (Ctrl+E)</source>
        <translation>更正被上报平台退回的登记（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="176"/>
        <source>Hand over</source>
        <translation>移交</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="177"/>
        <source>Print (Ctrl+P) or fax (Ctrl+Shift+F) the selected report&apos;s registration form for the police sub-station, or mark it as handed over</source>
        <translation>打印（Ctrl+P）或传真（Ctrl+Shift+F）所选上报的登记表给派出所，或标记为已移交</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="181"/>
        <source>Print the registration form…</source>
        <translation>打印登记表…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="182"/>
        <source>Fax the registration form…</source>
        <translation>传真登记表…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="188"/>
        <source>Save the registration form as PDF…</source>
        <translation>将登记表另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="189"/>
        <source>Mark as handed over in person…</source>
        <translation>标记为已当面移交…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="193"/>
        <source>Enter police receipt…</source>
        <translation>录入公安回执…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="194"/>
        <source>The receipt number the police gave for a report handed over by fax or in person: it files the report (Ctrl+Shift+R)</source>
        <translation>录入公安机关对传真或当面移交的上报出具的回执号，录入后这条上报即完成（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="214"/>
        <source>Selected report</source>
        <translation>所选记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="215"/>
        <location filename="../../hotel_desk/ui/reports_page.py" line="312"/>
        <source>Select a report to see its details.</source>
        <translation>选择一条记录查看详情。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="279"/>
        <source>Reports could not be loaded: %1</source>
        <translation>无法载入上报记录：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="314"/>
        <source>room %1</source>
        <translation>%1 房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="316"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="320"/>
        <source>Deadline: %1</source>
        <translation>截止：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="323"/>
        <source>Handed over: %1</source>
        <translation>移交时间：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/reports_page.py" line="325"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>已尝试 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="329"/>
        <source>The intake refused it:</source>
        <translation>上报平台退回原因：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="329"/>
        <source>Last problem:</source>
        <translation>最近一次问题：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="341"/>
        <source>Waiting reports sent; see their state below.</source>
        <translation>待上报记录已发出，请在下方查看状态。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/reports_page.py" line="342"/>
        <source>Could not queue the report: %1</source>
        <translation>无法上报：%1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="45"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="46"/>
        <source>Codes issued by your police sub-station, where reports go, and how this desk works.</source>
        <translation>派出所下发的代码、上报地址，以及本机前台的设置。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="57"/>
        <source>Property</source>
        <translation>本店信息</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="64"/>
        <source>Hotel name</source>
        <translation>旅馆名称</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="65"/>
        <source>Hotel code</source>
        <translation>旅馆编码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="66"/>
        <source>Police sub-station code</source>
        <translation>派出所代码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="67"/>
        <source>Authorisation code</source>
        <translation>授权码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="71"/>
        <source>Police intake</source>
        <translation>公安上报平台</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="73"/>
        <source>Training mode: reports go to the built-in practice intake, never to the police</source>
        <translation>培训模式：只发往内置的练习平台，不上报公安机关</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="77"/>
        <source>https://… as given by the sub-station</source>
        <translation>https://…（由派出所提供）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="78"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="79"/>
        <source>Intake address</source>
        <translation>上报地址</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="83"/>
        <source>This desk</source>
        <translation>本前台</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="87"/>
        <source>Folder where the scanner saves pages</source>
        <translation>扫描仪保存资料页的文件夹</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="88"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="92"/>
        <location filename="../../hotel_desk/ui/settings_page.py" line="187"/>
        <source>Scanner folder</source>
        <translation>扫描文件夹</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="95"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="97"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="102"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="106"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="107"/>
        <source>After this many minutes without a key press or a click the desk locks and asks for the password again</source>
        <translation>超过这么多分钟没有按键或点击，前台会自动锁定并要求重新输入密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="109"/>
        <source>Lock when idle for</source>
        <translation>空闲自动锁定</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="112"/>
        <source>Passport readers</source>
        <translation>证件阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="116"/>
        <location filename="../../hotel_desk/ui/settings_page.py" line="140"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="122"/>
        <source>Serial reader port</source>
        <translation>串口阅读器端口</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="127"/>
        <source>What the reader sends</source>
        <translation>阅读器数据格式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="132"/>
        <source>Keyboard-wedge reader layout</source>
        <translation>键盘式阅读器键盘布局</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="135"/>
        <source>Fax modem (hand-over by fax)</source>
        <translation>传真机（以传真方式移交）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="146"/>
        <source>Fax modem port</source>
        <translation>传真机端口</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="148"/>
        <source>The police sub-station&apos;s fax number, e.g. 021 5555 0110</source>
        <translation>派出所传真号码，如 021 5555 0110</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="149"/>
        <source>Sub-station fax number</source>
        <translation>派出所传真号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="151"/>
        <source>RTS/CTS (most modems)</source>
        <translation>RTS/CTS（大多数调制解调器）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="151"/>
        <source>XON/XOFF</source>
        <translation>XON/XOFF</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="152"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="155"/>
        <source>Flow control</source>
        <translation>流量控制</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="158"/>
        <source>The scanner folder and the readers change at once; a new database or mode takes effect when the app is started again.</source>
        <translation>扫描文件夹和证件阅读器的设置立即生效；更换数据库或运行模式需重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="167"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="222"/>
        <source>Live mode needs the intake address from the sub-station.</source>
        <translation>正式模式需要派出所提供的上报地址。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="256"/>
        <source>Settings not saved: %1</source>
        <translation>设置未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="248"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="49"/>
        <source>● Connecting…</source>
        <translation>● 正在连接…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="50"/>
        <source>Asking the police intake whether it can be reached</source>
        <translation>正在检测能否连接公安上报平台</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="52"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="53"/>
        <source>The police intake answered at %1.</source>
        <translation>公安上报平台于 %1 应答正常。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="55"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="57"/>
        <source>Reports wait here and go out by themselves once it is back (checked at %1). If a deadline comes close, print the form and hand it over.</source>
        <translation>恢复连接后，待上报记录会自动发送（检测时间 %1）。如临近截止时间，请打印登记表移交派出所。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/status.py" line="60"/>
        <source>%n report(s) waiting</source>
        <translation>
            <numerusform>%n 条待上报</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="61"/>
        <source>All reports sent</source>
        <translation>已全部上报</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/status.py" line="63"/>
        <source>%n handed over, receipt to enter</source>
        <translation>
            <numerusform>%n 条已移交，待录入回执</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/status.py" line="65"/>
        <source>%n need(s) correction</source>
        <translation>
            <numerusform>%n 条需更正</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/status.py" line="74"/>
        <source>Next deadline %1 (%2)</source>
        <translation>最近截止 %1（%2）</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="57"/>
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="58"/>
        <source>Who may sign in at this desk. Receptionists check guests in and out; managers also change settings, cancel registrations and manage accounts; the police liaison reads and inspects only.</source>
        <translation>可以在本前台登录的人员。前台接待办理入住登记和退房；经理还可以修改设置、注销登记和管理账号；派出所联络民警只能查看和检查。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="62"/>
        <location filename="../../hotel_desk/ui/users_page.py" line="105"/>
        <source>Name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="62"/>
        <location filename="../../hotel_desk/ui/users_page.py" line="108"/>
        <source>Shown as</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="62"/>
        <location filename="../../hotel_desk/ui/users_page.py" line="85"/>
        <location filename="../../hotel_desk/ui/users_page.py" line="110"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="63"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="63"/>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="74"/>
        <source>Selected account</source>
        <translation>所选账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="75"/>
        <location filename="../../hotel_desk/ui/users_page.py" line="178"/>
        <source>Select an account in the list.</source>
        <translation>请在列表中选择一个账号。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="82"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="86"/>
        <location filename="../../hotel_desk/ui/users_page.py" line="88"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="87"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="92"/>
        <location filename="../../hotel_desk/ui/users_page.py" line="182"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="96"/>
        <source>Set new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="102"/>
        <source>Add an account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="107"/>
        <source>Optional, e.g. 王芳</source>
        <translation>选填，例如：王芳</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="111"/>
        <source>At least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="112"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="113"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="116"/>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="142"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="142"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="144"/>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="147"/>
        <source>never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="156"/>
        <source>The accounts could not be loaded: %1</source>
        <translation>无法读取账号：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="182"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="194"/>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="210"/>
        <source>Account %1 added.</source>
        <translation>已添加账号 %1。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="210"/>
        <source>The account was not added: %1</source>
        <translation>账号未添加：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="220"/>
        <source>The role of %1 is changed.</source>
        <translation>已更改 %1 的角色。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="220"/>
        <source>The role was not changed: %1</source>
        <translation>角色未更改：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="228"/>
        <source>%1 can sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="228"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 已不能登录。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="229"/>
        <source>The account was not changed: %1</source>
        <translation>账号未更改：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="239"/>
        <source>%1 has a new password.</source>
        <translation>%1 的密码已重设。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/users_page.py" line="239"/>
        <source>The password was not changed: %1</source>
        <translation>密码未更改：%1</translation>
    </message>
</context>
<context>
    <name>WaitingList</name>
    <message>
        <location filename="../../hotel_desk/ui/checkin_queue.py" line="125"/>
        <source>Waiting (Alt+W):</source>
        <translation>待办理（Alt+W）：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_queue.py" line="130"/>
        <source>unread page</source>
        <translation>未读取的页面</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_queue.py" line="132"/>
        <source>Parked: not registered yet. Click to take it up again</source>
        <translation>已暂存，尚未登记。点击继续办理</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_queue.py" line="133"/>
        <source>Read, not opened yet. Click to open it</source>
        <translation>已读取，尚未打开。点击打开</translation>
    </message>
</context>
</TS>
