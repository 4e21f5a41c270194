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
        <location filename="../../hotel_desk/ui/context.py" line="121"/>
        <source>The desk could not start: %1</source>
        <extracomment>How often the window looks whether the intake link is due for a probe (hotel_desk.desk.link decides). Who is at the desk: sign-in, lock, switch user, and what the signed-in role may see. The scanner folder and whether it is really being watched (the app configures it). Guests past their planned departure, the morning and night-audit reminders, the day&apos;s nil reports.</extracomment>
        <translation>前台无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/context.py" line="123"/>
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
        <location filename="../../hotel_desk/ui/checkin_page.py" line="57"/>
        <source>Check-in</source>
        <translation>入住登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="58"/>
        <source>Put the passport on the scanner, drop a page image here, or open one (Ctrl+O). Check the fields against the document, add the room and press Enter.</source>
        <translation>把护照放上扫描仪，或把资料页图片拖到这里，或打开图片（Ctrl+O）。核对各项与证件一致，填写房号后按回车。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="71"/>
        <source>Document page</source>
        <translation>证件资料页</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="73"/>
        <source>Drop a scanned page here
or press Ctrl+O to open an image</source>
        <translation>将扫描的资料页拖到这里
或按 Ctrl+O 打开图片</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="91"/>
        <source>Open image…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="95"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="97"/>
        <source>Read the document with a camera (Ctrl+K)</source>
        <translation>用摄像头读取证件（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="100"/>
        <source>New guest</source>
        <translation>下一位旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="101"/>
        <source>Clear the form for the next guest (Ctrl+N)</source>
        <translation>清空表单，登记下一位旅客（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="164"/>
        <source>Open a scanned page</source>
        <translation>打开扫描的资料页</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="158"/>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="165"/>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="178"/>
        <source>Still reading the previous page…</source>
        <translation>仍在读取上一页…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="181"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="183"/>
        <source>Reading the document</source>
        <translation>正在读取证件</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="198"/>
        <source>No machine-readable zone found on this page. Scan it again flat and straight, or type the document in Manual entry (Ctrl+2).</source>
        <translation>此页未找到机读区。请将证件放平放正重新扫描，或在“手工录入”中输入（Ctrl+2）。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="201"/>
        <source>Nothing read</source>
        <translation>未读到内容</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="209"/>
        <source>Read in %1 s</source>
        <translation>读取用时 %1 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="210"/>
        <source> · %n field(s) to review</source>
        <translation>
            <numerusform> · %n 项需核对</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="220"/>
        <source>this file is not an image the reader can open. Scan the page again as PNG or JPEG.</source>
        <translation>此文件不是可识读的图片。请重新扫描并保存为 PNG 或 JPEG。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="223"/>
        <source>The page could not be read: %1</source>
        <translation>无法读取此页：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="244"/>
        <source>the guest</source>
        <translation>该旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="246"/>
        <source>%1 (room %2)</source>
        <translation>%1（%2 房）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="353"/>
        <source>The reader did not get the whole zone: %1 Pass the document through again.</source>
        <translation>阅读器没有读到完整的机读区：%1 请再刷一次证件。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="365"/>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="369"/>
        <source>Read by %1</source>
        <translation>读取自%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="415"/>
        <source>Correction applied. Compare the changed field with the page.</source>
        <translation>已应用更正。请将改动的项目与证件核对。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="428"/>
        <source>Saving the registration</source>
        <translation>正在保存登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="440"/>
        <source>Registered as printed, with the approval on record.</source>
        <translation>已按证件原样登记，审批已记录在案。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="446"/>
        <source>Registered %1 in room %2. The police report is queued; deadline %3.</source>
        <translation>已为 %1 办理入住登记（%2 房），已加入上报队列，截止时间 %3。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="427"/>
        <source>Not saved: %1. Nothing was lost: the form is still filled in.</source>
        <translation>未保存：%1。内容没有丢失，表单仍保留填写内容。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="106"/>
        <source>Same stay for the next guest</source>
        <translation>下一位旅客同住此房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="107"/>
        <source>Family or group in one room: the next guest starts with this stay (room, dates, visa) (Alt+S)</source>
        <translation>家人或团队同住一间房：下一位旅客自动带入本次住宿信息（房号、日期、签证）（Alt+S）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="473"/>
        <source>Watching the scanner folder %1: new pages open here by themselves.</source>
        <translation>正在监视扫描文件夹 %1：新扫描的资料页会自动在此打开。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="475"/>
        <source>The scanner folder %1 cannot be read, so no pages are picked up. Check that it exists and is reachable, or choose another in Settings.</source>
        <translation>无法读取扫描文件夹 %1，扫描的页面不会自动打开。请检查该文件夹是否存在、能否访问，或在“设置”中另选文件夹。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="478"/>
        <source>No scanner folder set (Settings).</source>
        <translation>尚未设置扫描文件夹（见“设置”）。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="114"/>
        <source>Group check-in</source>
        <translation>团队入住</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="116"/>
        <source>Group check-in: every document read joins one list (Ctrl+G)</source>
        <translation>团队入住：读取的每份证件都加入同一名单（Ctrl+G）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="157"/>
        <source>Open scanned pages</source>
        <translation>打开扫描页</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="176"/>
        <source>%n page(s) waiting to be read</source>
        <translation>
            <numerusform>还有 %n 页等待读取</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="380"/>
        <source>Group check-in: scan or read every document of the group; each joins the list. Type the rooms in the list (Ctrl+D: same room as the previous guest), then Register all.</source>
        <translation>团队入住：逐一扫描或读取团队成员的证件，每份都会加入名单。在名单中填写房间号（Ctrl+D：与上一位同房），然后点“全部登记”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/checkin_page.py" line="385"/>
        <source>Added to the group: %n guest(s)</source>
        <translation>
            <numerusform>已加入团队：共 %n 位旅客</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="387"/>
        <source>The document could not be read; scan it again.</source>
        <translation>证件未能读取，请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/checkin_page.py" line="402"/>
        <source>Returning guest: last stay %1, room %2</source>
        <translation>回头客：上次入住 %1，房间 %2</translation>
    </message>
</context>
<context>
    <name>CheckoutTime</name>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="31"/>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>年-月-日 时:分</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="62"/>
        <source>the check-out time is not YYYY-MM-DD HH:MM</source>
        <translation>退房时间格式应为 年-月-日 时:分</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="63"/>
        <source>the check-out time is before the arrival of %1</source>
        <translation>退房时间早于 %1 房的入住时间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="64"/>
        <source>the check-out time is in the future</source>
        <translation>退房时间不能晚于现在</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="65"/>
        <source>the check-out time has no time zone</source>
        <translation>退房时间缺少时区</translation>
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
    <name>GroupModel</name>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="30"/>
        <source>Guest</source>
        <translation>旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="30"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="30"/>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="30"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="31"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="31"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="101"/>
        <source>Room needed</source>
        <translation>需填房间号</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_model.py" line="103"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_model.py" line="105"/>
        <source>%n to check</source>
        <translation>
            <numerusform>%n 项待核对</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="107"/>
        <source>Returning guest</source>
        <translation>回头客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="108"/>
        <source>Ready</source>
        <translation>可以登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_model.py" line="121"/>
        <source>Listed in the passport of #%1</source>
        <translation>登记在第 %1 位旅客的护照上</translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="60"/>
        <source>The group&apos;s stay (the same for every member)</source>
        <translation>团队住宿信息（全体成员相同）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="66"/>
        <source>HH:MM (now)</source>
        <translation>时:分（默认现在）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="68"/>
        <location filename="../../hotel_desk/ui/group_panel.py" line="198"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="85"/>
        <source>Group name</source>
        <translation>团队名称</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="85"/>
        <source>Tour leader</source>
        <translation>领队</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="86"/>
        <source>Arrived at</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="87"/>
        <source>Group visa number</source>
        <translation>团体签证号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="125"/>
        <source>Same room as previous</source>
        <translation>与上一位同房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="129"/>
        <source>Add a child…</source>
        <translation>添加儿童…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="130"/>
        <source>A child listed in the selected guest&apos;s passport, registered as their own record</source>
        <translation>登记在所选旅客护照上的儿童，作为独立记录登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="134"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="135"/>
        <source>Take the selected guest out of the group (Delete)</source>
        <translation>将所选旅客移出团队（Delete）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="156"/>
        <source>I have checked the warnings</source>
        <translation>我已核对各项提示</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="157"/>
        <source>Every warning in the list was compared with the document</source>
        <translation>名单中的每项提示都已对照证件核对</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="166"/>
        <source>Register every guest of the group, one police report each (Ctrl+Enter)</source>
        <translation>登记团队全部旅客，每人一份报送（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="209"/>
        <source>Child listed in the parent&apos;s passport</source>
        <translation>儿童登记在父母的护照上</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="213"/>
        <source>Why no document of their own</source>
        <translation>无本人证件的原因</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="219"/>
        <source>Add child</source>
        <translation>添加儿童</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="222"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="287"/>
        <source>Select the parent whose passport lists the child.</source>
        <translation>请先选中护照上登记了该儿童的父亲或母亲。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="290"/>
        <source>A child listed in the passport of %1 (%2)</source>
        <translation>登记在 %1（%2）护照上的儿童</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="304"/>
        <source>A child needs a given name, a date of birth and a sex.</source>
        <translation>儿童需填写名、出生日期和性别。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="327"/>
        <source>the arrival time is not HH:MM</source>
        <translation>到达时间格式应为 时:分</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="332"/>
        <source>the arrival time is in the future</source>
        <translation>到达时间不能晚于现在</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="335"/>
        <source>the departure is not a date</source>
        <translation>离店日期不是有效日期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_panel.py" line="349"/>
        <source>%n guest(s) in the group</source>
        <translation>
            <numerusform>团队共 %n 位旅客</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="350"/>
        <source>Register all (%1)</source>
        <translation>全部登记（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_panel.py" line="356"/>
        <source>%n guest(s) without a room</source>
        <translation>
            <numerusform>%n 位旅客未填房间号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_panel.py" line="358"/>
        <source>%n guest(s) with problems to fix</source>
        <translation>
            <numerusform>%n 位旅客有待改正的问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="360"/>
        <source>confirm the warnings first</source>
        <translation>请先确认提示</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="362"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="385"/>
        <source>the group</source>
        <translation>该团队</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/group_panel.py" line="392"/>
        <source>Registered %n guest(s) of %1. One police report each is queued.</source>
        <translation>
            <numerusform>已登记%1的 %n 位旅客，每人一份报送已排队。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="398"/>
        <source>Nobody was registered: %1. The group is still in the list.</source>
        <translation>未登记任何旅客：%1。团队名单仍然保留。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/group_panel.py" line="399"/>
        <source>Registering the group</source>
        <translation>正在登记团队</translation>
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
    <name>HistoryCard</name>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="124"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="135"/>
        <source>Stays of %1</source>
        <translation>%1 的入住记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="136"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="141"/>
        <source>in house</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="141"/>
        <source>checked out</source>
        <translation>已退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="142"/>
        <source>cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="144"/>
        <source>Arrived</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="144"/>
        <source>Left</source>
        <translation>退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="145"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/closing.py" line="151"/>
        <source>%n stay(s). Stays are linked when the guest&apos;s document or name and date of birth match an earlier stay.</source>
        <translation>
            <numerusform>共 %n 次入住。证件或姓名与出生日期与以前的入住相符时，各次入住相互关联。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InHouseModel</name>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_model.py" line="38"/>
        <source>Room</source>
        <extracomment>Whether a planned departure is past (set by the page from the desk&apos;s clock and check-out time).</extracomment>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_model.py" line="38"/>
        <source>Guest</source>
        <translation>旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_model.py" line="38"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_model.py" line="38"/>
        <source>Document</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_model.py" line="39"/>
        <source>Checked in</source>
        <translation>入住时间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_model.py" line="39"/>
        <source>Departure</source>
        <translation>预计离店</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_model.py" line="39"/>
        <source>Police report</source>
        <translation>上报状态</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_model.py" line="69"/>
        <source>Past the planned departure and not checked out</source>
        <translation>已过预计离店时间但尚未退房</translation>
    </message>
</context>
<context>
    <name>InHousePage</name>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="58"/>
        <source>In house</source>
        <translation>在住旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="59"/>
        <source>Guests staying now. Check out on departure: the check-out report is queued at once.</source>
        <translation>当前在住的旅客。旅客离店时办理退房，退房信息立即加入上报队列。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="68"/>
        <source>Search by room, name or document number (Ctrl+F)</source>
        <translation>按房间号、姓名或证件号码搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="71"/>
        <source>Check out…</source>
        <translation>退房…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="75"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="79"/>
        <source>Cancel registration…</source>
        <translation>注销登记…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="80"/>
        <source>A registration made in error (wrong guest, duplicate): Ctrl+Shift+X</source>
        <translation>误登记（登记错人、重复登记）：Ctrl+Shift+X</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="100"/>
        <source>Why is it cancelled? (required)</source>
        <translation>注销原因（必填）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="112"/>
        <source>Check out now</source>
        <translation>立即退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="116"/>
        <source>Keep in house</source>
        <translation>暂不退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="141"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="148"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="159"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="209"/>
        <source>Nobody is checked in.</source>
        <translation>目前没有在住旅客。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="208"/>
        <source>Nobody matches the search.</source>
        <translation>没有符合条件的旅客。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="217"/>
        <source>The guest list could not be loaded: %1</source>
        <translation>无法载入旅客列表：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="265"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="292"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="323"/>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="389"/>
        <source>Select a guest first.</source>
        <translation>请先选择一位旅客。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="327"/>
        <source>Cancel the registration of %1, room %2? A cancellation report tells the police it was made in error.</source>
        <translation>注销 %1（%2 房）的登记？将向公安机关上报注销，说明此登记有误。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="330"/>
        <source>Cancel registration</source>
        <translation>注销登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="360"/>
        <source>%1 checked out of room %2. The check-out report is queued.</source>
        <translation>%1 已从 %2 房退房，退房信息已加入上报队列。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="366"/>
        <source>Check-out not saved: %1</source>
        <translation>退房未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="367"/>
        <source>Checking out</source>
        <translation>正在办理退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="372"/>
        <source>Say why the registration is cancelled.</source>
        <translation>请说明注销登记的原因。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="378"/>
        <source>The registration of %1 (room %2) is cancelled. The cancellation report is queued.</source>
        <translation>%1（%2 房）的登记已注销，注销信息已加入上报队列。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="380"/>
        <source>Cancellation not saved: %1</source>
        <translation>注销未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="381"/>
        <source>Cancelling the registration</source>
        <translation>正在注销登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="396"/>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="402"/>
        <source>Correcting the registration of %1, room %2. A correction report is sent; the original report stays on record.</source>
        <translation>正在更正 %1（%2 房）的登记。更正将另行上报，原上报记录保留不变。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="405"/>
        <source>The police intake refused it:</source>
        <translation>公安上报平台退回原因：</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="411"/>
        <source>The registration could not be loaded: %1</source>
        <translation>无法载入该登记：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="425"/>
        <source>Correction saved; the correction report is queued.</source>
        <translation>更正已保存，已加入上报队列。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="426"/>
        <source>Correction not saved: %1</source>
        <translation>更正未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="427"/>
        <source>Saving the correction</source>
        <translation>正在保存更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="83"/>
        <source>Select group</source>
        <translation>选中整个团队</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="84"/>
        <source>Select everyone who checked in with this guest&apos;s group, to check them out together (Ctrl+G)</source>
        <translation>选中与该旅客同团入住的全部旅客，以便一起退房（Ctrl+G）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="88"/>
        <source>History…</source>
        <translation>入住历史…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="89"/>
        <source>This guest&apos;s earlier stays (Ctrl+H)</source>
        <translation>该旅客以前的入住记录（Ctrl+H）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="104"/>
        <source>When the guest left: now, unless you type the time they actually left (not in the future, not before the arrival)</source>
        <translation>旅客离开的时间：默认现在，也可填写实际离开时间（不能晚于现在，不能早于入住）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="251"/>
        <source>Select a guest who checked in with a group.</source>
        <translation>请选中一位随团入住的旅客。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="259"/>
        <source>%n guest(s) of the group selected.</source>
        <translation>
            <numerusform>已选中该团队的 %n 位旅客。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="271"/>
        <source>The history could not be loaded: %1</source>
        <translation>无法加载入住历史：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="299"/>
        <source>Check out %1 from room %2 at:</source>
        <translation>为 %2 房的 %1 办理退房，时间：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="302"/>
        <source>Check out %n guest(s) at:</source>
        <translation>
            <numerusform>为 %n 位旅客办理退房，时间：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="303"/>
        <source>Check out</source>
        <translation>退房</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/inhouse_page.py" line="362"/>
        <source>%n guest(s) checked out. One check-out report each is queued.</source>
        <translation>
            <numerusform>%n 位旅客已退房，每人一份退房报送已排队。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="112"/>
        <source>Inspection</source>
        <extracomment>Audit actions of reading personal data (AuditAction.PERSONAL_DATA_READ and _LIST). The national lateness grades, as the measures count them (imported from the rules: the window does not load the store&apos;s modules at start-up).</extracomment>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="113"/>
        <source>For the police liaison: who registered whom and when, what was reported in time, what was late or corrected, and whether the record is intact. Nothing here changes a registration.</source>
        <translation>供公安联络员查看：谁在何时登记了谁，哪些按时报送，哪些迟报或更正，以及记录是否完整。此处不会更改任何登记。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="124"/>
        <source>Guest name or room</source>
        <translation>宾客姓名或房号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="126"/>
        <source>Staff (user name)</source>
        <translation>员工（用户名）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="129"/>
        <source>Views of personal data</source>
        <translation>个人信息查看记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="130"/>
        <source>Also list every time staff opened a guest&apos;s record, a page image or a report as sent</source>
        <translation>同时列出员工每次打开旅客登记、证件页图像或已上报内容的记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="133"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="133"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="136"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="142"/>
        <source>Verify the chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="143"/>
        <source>Check every link of the audit chain, every report and every record against it, and the database&apos;s guards</source>
        <translation>逐环校验审计链，核对每份报告和每条记录，并检查数据库的保护触发器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="147"/>
        <source>Export bundle…</source>
        <translation>导出审计包…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="148"/>
        <source>A ZIP for the sub-station: a PDF summary, every event with names, the measures and the chain head, checkable on any computer</source>
        <translation>交给派出所的 ZIP 包：PDF 摘要、带姓名的全部事件、考核指标和链头，可在任何电脑上校验</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="154"/>
        <source>Audit chain</source>
        <translation>审计链</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="155"/>
        <source>Not verified yet in this session.</source>
        <translation>本次运行尚未校验。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="166"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="166"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="166"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="166"/>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="177"/>
        <source>Guest</source>
        <translation>宾客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="166"/>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="177"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="166"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="170"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="170"/>
        <source>Registrations</source>
        <translation>登记数</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="170"/>
        <source>Reports</source>
        <translation>报告数</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="170"/>
        <source>Within 24 h</source>
        <translation>24 小时内报送率</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="171"/>
        <source>Overdue, not reported</source>
        <translation>逾期未报</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="172"/>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="172"/>
        <source>Cancellations</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="172"/>
        <source>Handed over</source>
        <translation>已移交</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="173"/>
        <source>Blocked check-ins</source>
        <translation>被拦截的入住</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="173"/>
        <source>Suspected errors</source>
        <translation>疑似错误</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="173"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="177"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="177"/>
        <source>As sent</source>
        <translation>已报送内容</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="177"/>
        <source>Now</source>
        <translation>当前内容</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="177"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="181"/>
        <source>correction on its way</source>
        <translation>更正报告待报送</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="181"/>
        <source>changed without a report</source>
        <translation>未经报告被修改</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="183"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="184"/>
        <source>Per day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="185"/>
        <source>Per month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="186"/>
        <source>Differences</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="223"/>
        <source>The inspection could not be loaded: %1</source>
        <translation>无法加载检查数据：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="227"/>
        <source>Loading the inspection</source>
        <translation>正在加载检查数据</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="238"/>
        <source>%1 registrations · %2 reported within 24 hours · %3 late · %4 stays differ from what was sent (%5 without a report)</source>
        <translation>登记 %1 条 · 24 小时内报送 %2 · 迟报 %3 条 · %4 条登记与已报送内容不一致（其中 %5 条未经报告）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="243"/>
        <source>Differences (%1)</source>
        <translation>不一致（%1）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="260"/>
        <source>Not verified yet in this session: press Verify the chain.</source>
        <translation>本次运行尚未校验：请点击“校验审计链”。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="266"/>
        <source>Verified %1: intact. %2 events, head %3; %4 records and %5 reports match the chain.</source>
        <translation>%1 已校验：完整。共 %2 个事件，链头 %3；%4 条记录和 %5 份报告与审计链一致。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="271"/>
        <source>Verified %1: NOT intact. First problem: %2</source>
        <translation>%1 已校验：不完整。第一个问题：%2</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="288"/>
        <source>The chain could not be verified: %1</source>
        <translation>无法校验审计链：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="291"/>
        <source>Verifying the audit chain</source>
        <translation>正在校验审计链</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="297"/>
        <source>Save the export bundle</source>
        <translation>保存审计包</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="298"/>
        <source>Bundle (*.zip)</source>
        <translation>审计包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="316"/>
        <source>Bundle saved: %1 (%2 events, chain head %3). Check it anywhere with: hotel-desk audit verify-export</source>
        <translation>审计包已保存：%1（%2 个事件，链头 %3）。可在任何电脑上用 hotel-desk audit verify-export 校验</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="322"/>
        <source>The bundle could not be saved: %1</source>
        <translation>无法保存审计包：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/inspection_page.py" line="326"/>
        <source>Exporting the bundle</source>
        <translation>正在导出审计包</translation>
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
        <location filename="../../hotel_desk/ui/labels.py" line="84"/>
        <source>Travel permit, Hong Kong / Macao residents</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="45"/>
        <location filename="../../hotel_desk/ui/labels.py" line="85"/>
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
        <location filename="../../hotel_desk/ui/labels.py" line="82"/>
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
        <location filename="../../hotel_desk/ui/labels.py" line="58"/>
        <source>(not recorded)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="60"/>
        <source>C – crew</source>
        <translation>C – 乘务</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="61"/>
        <source>D – permanent residence</source>
        <translation>D – 永久居留</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="62"/>
        <source>F – exchange, visit</source>
        <translation>F – 交流、访问</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="63"/>
        <source>G – transit</source>
        <translation>G – 过境</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="64"/>
        <source>J1 – resident journalist</source>
        <translation>J1 – 常驻记者</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="65"/>
        <source>J2 – journalist, short visit</source>
        <translation>J2 – 临时采访记者</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="66"/>
        <source>L – tourism</source>
        <translation>L – 旅游</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="67"/>
        <source>M – business, trade</source>
        <translation>M – 商贸</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="68"/>
        <source>Q1 – family reunion, long stay</source>
        <translation>Q1 – 家庭团聚（长期）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="69"/>
        <source>Q2 – family visit, short stay</source>
        <translation>Q2 – 探亲（短期）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="70"/>
        <source>R – high-level talent</source>
        <translation>R – 高层次人才</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="71"/>
        <source>S1 – family of foreign resident, long stay</source>
        <translation>S1 – 外国人家属（长期）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="72"/>
        <source>S2 – family of foreign resident, short stay</source>
        <translation>S2 – 外国人家属（短期）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="73"/>
        <source>X1 – study, long term</source>
        <translation>X1 – 长期学习</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="74"/>
        <source>X2 – study, short term</source>
        <translation>X2 – 短期学习</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="75"/>
        <source>Z – work</source>
        <translation>Z – 工作</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="79"/>
        <source>Diplomatic visa</source>
        <translation>外交签证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="80"/>
        <source>Courtesy visa</source>
        <translation>礼遇签证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="81"/>
        <source>Service visa</source>
        <translation>公务签证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="83"/>
        <source>Visa-free entry</source>
        <translation>免签入境</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="91"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="91"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="91"/>
        <source>Unspecified</source>
        <translation>未说明</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="95"/>
        <source>Tourism</source>
        <translation>旅游</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="95"/>
        <source>Business</source>
        <translation>商务</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="95"/>
        <source>Visiting family</source>
        <translation>探亲</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="95"/>
        <source>Study</source>
        <translation>学习</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="95"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="95"/>
        <source>Transit</source>
        <translation>过境</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="100"/>
        <source>Check-in</source>
        <translation>入住登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="101"/>
        <location filename="../../hotel_desk/ui/labels.py" line="259"/>
        <source>Check-out</source>
        <translation>退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="102"/>
        <location filename="../../hotel_desk/ui/labels.py" line="260"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="103"/>
        <location filename="../../hotel_desk/ui/labels.py" line="261"/>
        <source>Cancellation</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="112"/>
        <source>Waiting to send</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="113"/>
        <source>Sending</source>
        <translation>上报中</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="114"/>
        <source>Will retry</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="115"/>
        <source>Handed over, receipt to enter</source>
        <translation>已移交，待录入回执</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="116"/>
        <source>Filed (police receipt)</source>
        <translation>已上报（已有公安回执）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="117"/>
        <source>Filed</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="118"/>
        <source>Needs correction</source>
        <translation>需更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="124"/>
        <source>Must fix</source>
        <translation>须改正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="124"/>
        <source>Check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="124"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="132"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="134"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="139"/>
        <source>%1 overdue</source>
        <translation>已逾期 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="140"/>
        <source>%1 left</source>
        <translation>剩 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="148"/>
        <source>the passport reader on %1</source>
        <translation>%1 上的证件阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="149"/>
        <source>the keyboard passport reader</source>
        <translation>键盘式证件阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="150"/>
        <source>the camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="154"/>
        <source>the passport reader</source>
        <translation>证件阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="161"/>
        <source>starting the fax modem</source>
        <translation>正在启动传真机</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="163"/>
        <source>dialling %1</source>
        <translation>正在拨号 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="165"/>
        <source>sending page %1 of %2</source>
        <translation>正在发送第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="168"/>
        <source>sent, waiting for the other fax to confirm</source>
        <translation>已发送，等待对方传真机确认</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="177"/>
        <source>the fax modem does not answer (is it switched on and plugged in?)</source>
        <translation>传真机无响应（是否已开机并连接？）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="179"/>
        <source>the modem refused a fax command (is it a Class 2.0 fax modem?)</source>
        <translation>调制解调器拒绝传真指令（是否为 Class 2.0 传真调制解调器？）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="181"/>
        <source>no dial tone (is the telephone line plugged in?)</source>
        <translation>没有拨号音（电话线是否接好？）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="182"/>
        <source>the line is busy: try again in a few minutes</source>
        <translation>对方占线，请过几分钟再试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="183"/>
        <source>the sub-station&apos;s fax did not answer</source>
        <translation>派出所传真无人应答</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="184"/>
        <source>no connection with the other fax machine</source>
        <translation>未能与对方传真机建立连接</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="185"/>
        <source>the other fax machine hung up</source>
        <translation>对方传真机已挂断</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="186"/>
        <source>the other fax machine did not confirm the page</source>
        <translation>对方传真机未确认收到该页</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="187"/>
        <source>the fax failed</source>
        <translation>传真失败</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="192"/>
        <source>the fax modem&apos;s port cannot be opened (check the fax modem in Settings)</source>
        <translation>无法打开传真机端口（请检查“设置”中的传真机）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="200"/>
        <source>Nothing answers at the police intake&apos;s address.</source>
        <translation>公安上报平台的地址无应答。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="201"/>
        <source>The police intake does not answer in time.</source>
        <translation>公安上报平台响应超时。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="202"/>
        <source>The police intake&apos;s address cannot be found: check the internet connection.</source>
        <translation>找不到公安上报平台的地址，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="204"/>
        <source>The network does not reach the police intake: check the internet connection.</source>
        <translation>网络连不上公安上报平台，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="206"/>
        <source>The police intake&apos;s certificate is not trusted.</source>
        <translation>公安上报平台的证书不受信任。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="207"/>
        <source>The police intake refuses the hotel code or the authorisation code (Settings).</source>
        <translation>公安上报平台不接受旅馆编码或授权码（请检查“设置”）。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="209"/>
        <source>The police intake does not understand this desk: call support.</source>
        <translation>公安上报平台无法识别本机的请求，请联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="210"/>
        <source>The police intake answers with errors.</source>
        <translation>公安上报平台返回错误。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="212"/>
        <source>The police intake cannot be reached.</source>
        <translation>无法连接公安上报平台。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="223"/>
        <source>the guest has no name</source>
        <translation>旅客没有姓名</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="224"/>
        <source>the document has no number</source>
        <translation>证件没有号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="225"/>
        <location filename="../../hotel_desk/ui/labels.py" line="234"/>
        <source>no room is given</source>
        <translation>没有填写房号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="226"/>
        <source>the arrival time is in the future (check the computer&apos;s clock)</source>
        <translation>入住时间晚于当前时间（请检查电脑时钟）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="228"/>
        <source>the planned departure is before the arrival</source>
        <translation>预计离店日期早于入住日期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="230"/>
        <location filename="../../hotel_desk/ui/labels.py" line="232"/>
        <source>nothing to correct: every value is as recorded</source>
        <translation>无需更正：各项与已登记内容相同</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="233"/>
        <source>the guest is no longer in house</source>
        <translation>该旅客已不在住</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="235"/>
        <source>the hotel&apos;s codes are not set up (Settings)</source>
        <translation>尚未设置旅馆编码（见“设置”）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="237"/>
        <source>the database is busy; try again in a moment</source>
        <translation>数据库繁忙，请稍后再试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="239"/>
        <source>the disk holding the database is full; free some space and try again</source>
        <translation>数据库所在磁盘已满，请清理空间后重试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="104"/>
        <source>No foreign guests (nil report)</source>
        <translation>无境外旅客（零报告）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="241"/>
        <source>the check-out time is before the arrival</source>
        <translation>退房时间早于入住时间</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="243"/>
        <source>the check-out time is in the future</source>
        <translation>退房时间不能晚于现在</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="245"/>
        <source>say what was checked: a &quot;verified correct&quot; answer needs a note</source>
        <translation>请说明核对了什么：“核实无误”须附说明</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="247"/>
        <source>the item was already answered</source>
        <translation>该条目已经答复过</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="248"/>
        <source>the document does not match the earlier stay (the returning guest was not linked)</source>
        <translation>证件与以前的入住记录不符（未作为回头客关联）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="258"/>
        <source>Check-in registered</source>
        <translation>入住登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="262"/>
        <source>Check-in blocked</source>
        <translation>入住被拦截</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="263"/>
        <source>Report picked up for sending</source>
        <translation>报告已取出待发送</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="264"/>
        <source>Report accepted by the police</source>
        <translation>公安机关已接收报告</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="265"/>
        <source>Report refused by the intake</source>
        <translation>报告被接收端退回</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="266"/>
        <source>Report not sent yet (retrying)</source>
        <translation>报告尚未发出（重试中）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="267"/>
        <source>Report handed over</source>
        <translation>报告已移交</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="268"/>
        <source>Hand-over confirmed</source>
        <translation>移交已确认</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="269"/>
        <source>Personal data viewed</source>
        <translation>查看了个人信息</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="270"/>
        <source>Guest list viewed</source>
        <translation>查看了宾客列表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="271"/>
        <source>Hotel settings changed</source>
        <translation>酒店设置已更改</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="272"/>
        <source>Desk user added</source>
        <translation>新增前台用户</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="273"/>
        <source>Audit trail exported</source>
        <translation>审计记录已导出</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="274"/>
        <source>Receipts exported</source>
        <translation>回执已导出</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="275"/>
        <source>Records sealed into the chain (upgrade)</source>
        <translation>记录已纳入审计链（升级）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="276"/>
        <source>Page images deleted after retention</source>
        <translation>证件图像到期删除</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="277"/>
        <source>Page images encrypted</source>
        <translation>证件图像已加密</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="278"/>
        <source>Data key created</source>
        <translation>已创建数据密钥</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="279"/>
        <source>Staff account created</source>
        <translation>新建员工账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="280"/>
        <source>Staff role changed</source>
        <translation>员工角色变更</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="281"/>
        <source>Staff account disabled</source>
        <translation>停用员工账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="282"/>
        <source>Staff account enabled</source>
        <translation>启用员工账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="283"/>
        <source>Staff password reset</source>
        <translation>重置员工密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="284"/>
        <source>Staff account locked (failed sign-ins)</source>
        <translation>员工账号锁定（登录失败）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="285"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="286"/>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="287"/>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="288"/>
        <source>Desk locked</source>
        <translation>前台锁定</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="289"/>
        <source>Desk unlocked</source>
        <translation>前台解锁</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="290"/>
        <source>Action refused (role)</source>
        <translation>操作被拒绝（权限）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="291"/>
        <source>Approved by a manager</source>
        <translation>经理批准</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="292"/>
        <source>Settings changed</source>
        <translation>设置变更</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="293"/>
        <source>Nil report queued (no foreign guests)</source>
        <translation>零报告已排队（无境外旅客）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="294"/>
        <source>Group checked in</source>
        <translation>团队入住登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="295"/>
        <source>Suspected error received from the police</source>
        <translation>收到公安机关疑似错误数据</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="296"/>
        <source>Suspected error matched to a stay</source>
        <translation>疑似错误已匹配住宿记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="297"/>
        <source>Suspected error answered: corrected</source>
        <translation>疑似错误已答复：已更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="298"/>
        <source>Suspected error answered: verified correct</source>
        <translation>疑似错误已答复：核实无误</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="306"/>
        <source>Late 1–2 days</source>
        <translation>迟报 1–2 天</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="307"/>
        <source>Late 3–7 days</source>
        <translation>迟报 3–7 天</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="308"/>
        <source>Late 8–14 days</source>
        <translation>迟报 8–14 天</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="309"/>
        <source>Late 15+ days</source>
        <translation>迟报 15 天以上</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="317"/>
        <source>the registration</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="318"/>
        <source>a report as sent</source>
        <translation>已上报的报告</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="319"/>
        <source>the document&apos;s page image</source>
        <translation>证件页图像</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="320"/>
        <source>the guest&apos;s earlier stays</source>
        <translation>旅客以往入住记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="321"/>
        <source>a returning guest&apos;s last stay</source>
        <translation>回头客上次入住记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="322"/>
        <source>the registration form</source>
        <translation>登记表</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="325"/>
        <source>to correct it</source>
        <translation>用于更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="326"/>
        <source>to answer a suspected error</source>
        <translation>用于答复疑似错误</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="333"/>
        <source>changed: %1</source>
        <translation>修改：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="336"/>
        <source>receipt %1</source>
        <translation>回执 %1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/labels.py" line="342"/>
        <source>%1 rows</source>
        <translation>%1 条</translation>
    </message>
</context>
<context>
    <name>LiveSwitchDialog</name>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="40"/>
        <location filename="../../hotel_desk/ui/live_switch.py" line="68"/>
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
        <location filename="../../hotel_desk/ui/live_switch.py" line="70"/>
        <source>Test again</source>
        <translation>重新测试</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="72"/>
        <source>Stay in TRAINING</source>
        <translation>保持培训模式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="82"/>
        <source>Encrypted address (https)</source>
        <translation>加密地址（https）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="83"/>
        <source>The intake answers</source>
        <translation>上报平台有应答</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="84"/>
        <source>Certificate verified</source>
        <translation>证书已验证</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="85"/>
        <source>It is the police&apos;s intake, not a training one</source>
        <translation>是公安正式上报平台，而非培训平台</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="86"/>
        <source>Hotel code and authorisation code accepted</source>
        <translation>旅馆编码和授权码有效</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="87"/>
        <source>The intake&apos;s signing key matches</source>
        <translation>上报平台的签名密钥一致</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="93"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="96"/>
        <source>Testing the connection</source>
        <translation>正在测试连接</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="116"/>
        <source>Every check passed. Switching saves the settings; the app then works LIVE from its next start.</source>
        <translation>各项检测均通过。切换后将保存设置，程序下次启动起以正式模式运行。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="120"/>
        <source>Not ready for LIVE: fix what failed (the address, the codes or the key from the sub-station, the network) and test again.</source>
        <translation>尚不能切换到正式模式：请修正未通过的项目（地址、派出所提供的代码或密钥、网络）后再测试。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="141"/>
        <source>not checked</source>
        <translation>未检测</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="145"/>
        <source>LIVE needs an https:// address from the sub-station</source>
        <translation>正式模式需要派出所提供的 https:// 地址</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="146"/>
        <source>nothing answers at this address</source>
        <translation>该地址无应答</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="147"/>
        <source>the certificate is not trusted</source>
        <translation>证书不受信任</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="148"/>
        <source>this is a training intake</source>
        <translation>这是培训平台</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="149"/>
        <source>the intake refuses these codes</source>
        <translation>上报平台不接受这些代码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="150"/>
        <source>its answer is not signed with the sub-station&apos;s key</source>
        <translation>其应答未使用派出所提供的密钥签名</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="155"/>
        <source>The test could not run: %1</source>
        <translation>无法进行测试：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="161"/>
        <source>Switch to TRAINING</source>
        <translation>切换到培训模式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="162"/>
        <source>From the next start, reports go to the practice intake on this computer, not to the police. Guests registered in TRAINING are not reported to the police. Switch to TRAINING?</source>
        <translation>下次启动起，记录只发送到本机的练习平台，不再上报公安机关；培训模式下登记的旅客不会上报。确定切换到培训模式吗？</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/live_switch.py" line="166"/>
        <source>Stay LIVE</source>
        <translation>保持正式模式</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="87"/>
        <source>Hotel Desk – guest registration</source>
        <extracomment>What a role needs to see each page (the buttons on a page check their own permissions).</extracomment>
        <translation>前台登记 – 境外旅客住宿登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="102"/>
        <source>TRAINING – reports go to the practice intake on this computer, never to the police.</source>
        <translation>培训模式 – 只发往本机的练习平台，不会上报公安机关。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="129"/>
        <source>Hotel Desk</source>
        <translation>前台登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="133"/>
        <source>Guest registration</source>
        <translation>境外旅客住宿登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="155"/>
        <source>Check-in</source>
        <translation>入住登记</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="156"/>
        <source>Manual entry</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="157"/>
        <source>In house</source>
        <translation>在住旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="158"/>
        <source>Reports</source>
        <translation>上报记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="161"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="418"/>
        <source>If it cannot go out in time, print the registration form and hand it to the police sub-station.</source>
        <translation>如无法按时上报，请打印登记表送交派出所。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="91"/>
        <location filename="../../hotel_desk/ui/main_window.py" line="391"/>
        <source>TRAINING</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="162"/>
        <source>Staff</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="184"/>
        <location filename="../../hotel_desk/ui/main_window.py" line="377"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="373"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="375"/>
        <source>Lock the desk and let someone else sign in; unfinished work stays</source>
        <translation>锁定前台，让其他人登录；未完成的操作会保留</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="392"/>
        <source>Mode: TRAINING</source>
        <translation>模式：培训</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="394"/>
        <source>LIVE</source>
        <translation>正式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="395"/>
        <source>Mode: LIVE</source>
        <translation>模式：正式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="408"/>
        <source>A police report is due at %1 (%2) and has not been accepted yet.</source>
        <translation>有一条上报须在 %1 前完成（%2），目前仍未上报成功。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="411"/>
        <source>Report deadline</source>
        <translation>上报截止提醒</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="159"/>
        <source>Suspected errors</source>
        <translation>疑似错误</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="160"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/main_window.py" line="441"/>
        <source>%n guest(s) past the planned departure and not checked out: see In house (Ctrl+3).</source>
        <translation>
            <numerusform>%n 位旅客已过预计离店时间但尚未退房：请查看“在住客人”（Ctrl+3）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/main_window.py" line="449"/>
        <source>Night audit at %1: %n guest(s) are still open past their planned departure. Check them out or correct their departure date.</source>
        <translation>
            <numerusform>%1 夜审：仍有 %n 位旅客已过预计离店时间而未退房。请办理退房或更正离店日期。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/main_window.py" line="452"/>
        <source>Night audit</source>
        <translation>夜审</translation>
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
    <name>OverdueBanner</name>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/closing.py" line="102"/>
        <source>%n guest(s) past the planned departure and not checked out. Check them out (at the time they left) or correct the departure date.</source>
        <translation>
            <numerusform>%n 位旅客已过预计离店时间但尚未退房。请按实际离开时间办理退房，或更正离店日期。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="108"/>
        <source>Show everyone</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/closing.py" line="108"/>
        <source>Show only them</source>
        <translation>只显示他们</translation>
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
        <location filename="../../hotel_desk/ui/registration_form.py" line="135"/>
        <source>Guest and document</source>
        <extracomment>Enter on a document the checks refuse: (GuestEntry, the codes of the errors), for the audit trail. Enter (or &quot;Register as printed…&quot;) on a document blocked only by what a manager may approve as printed (hotel_desk.rules.gate): the page asks for the reason and the approval. Carries the GuestEntry. The earlier stay a returning guest was matched to (GuestEntry.returning_of); &quot;&quot; when none.</extracomment>
        <translation>旅客与证件</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="140"/>
        <source>Stay, visa or permit</source>
        <translation>住宿与签证（签注）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="143"/>
        <source>More stay details (coming from, going to, entry)</source>
        <translation>更多住宿信息（从何处来、到何处去、入境）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="163"/>
        <source>Register as printed…</source>
        <translation>按原样登记…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="165"/>
        <source>The document itself prints this check digit wrong: register it exactly as printed, with the reason and a manager&apos;s approval (Enter)</source>
        <translation>证件本身印错了这一校验位：按证件原样登记，需填写原因并经经理审批（Enter）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="203"/>
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="155"/>
        <source>I have checked the warnings against the document</source>
        <translation>我已对照证件核实上述提醒</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="170"/>
        <source>Send correction</source>
        <translation>发送更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="170"/>
        <source>Register  ⏎</source>
        <translation>登记  ⏎</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="172"/>
        <source>Save the registration and queue its police report (Enter)</source>
        <translation>保存登记并加入上报队列（回车）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="127"/>
        <source>Wrong field value in the registration</source>
        <extracomment>The form&apos;s layout, two fields to a row with each label beside its field, so that a whole check-in fits a 1366 x 768 screen: the guest and the document as the page reads them, then the stay with what every guest needs first and the rest folded away (what each field is comes from hotel_desk.rules.record). Less used: folded under &quot;More stay details&quot; until one of them holds a value or a finding. The stay and the visa or permit (a change re-checks the stay rules). Who the guest is: editing one of these drops a returning-guest link made from the old values. Kept in capitals whatever is typed (as the MRZ and the police write them).</extracomment>
        <translation>登记内容有误</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="128"/>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="335"/>
        <source>The police marked the record as suspected error data</source>
        <translation>公安机关标记为疑似错误数据</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="129"/>
        <source>The guest changed room or departure date</source>
        <translation>旅客换房或更改离店日期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="134"/>
        <source>The document has no machine-readable zone</source>
        <translation>证件没有机读区</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="135"/>
        <source>The machine-readable zone is damaged or unreadable</source>
        <translation>机读区损坏或无法识读</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="136"/>
        <source>No scanner or reader available</source>
        <translation>没有可用的扫描仪或阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="140"/>
        <source>Required: choose or type why</source>
        <translation>必填：选择或输入原因</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="153"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="156"/>
        <source>3 letters, e.g. GBR</source>
        <translation>3 个字母，如 GBR</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="158"/>
        <source>e.g. 1208</source>
        <translation>如 1208</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/form_fields.py" line="161"/>
        <source>As in the document (Latin letters)</source>
        <translation>与证件一致（拉丁字母）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="337"/>
        <source>The reader was unsure here: compare with the page</source>
        <translation>识读结果不确定：请与证件核对</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="434"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="436"/>
        <source>The document prints a wrong check digit: compare the zone with the page, then register it as printed with a manager&apos;s approval.</source>
        <translation>证件印错了一位校验位：请将机读区与证件页核对，然后经经理审批按原样登记。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="447"/>
        <source>Still needed: %1</source>
        <translation>尚需填写：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/registration_form.py" line="443"/>
        <source>%n problem(s) to fix first</source>
        <translation>
            <numerusform>需先改正 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/registration_form.py" line="450"/>
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
        <location filename="../../hotel_desk/ui/settings_page.py" line="46"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="47"/>
        <source>Codes issued by your police sub-station, where reports go, and how this desk works.</source>
        <translation>派出所下发的代码、上报地址，以及本机前台的设置。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="58"/>
        <source>Property</source>
        <translation>本店信息</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="65"/>
        <source>Hotel name</source>
        <translation>旅馆名称</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="66"/>
        <source>Hotel code</source>
        <translation>旅馆编码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="67"/>
        <source>Police sub-station code</source>
        <translation>派出所代码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="68"/>
        <source>Authorisation code</source>
        <translation>授权码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="72"/>
        <source>Police intake</source>
        <translation>公安上报平台</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="74"/>
        <source>Training mode: reports go to the built-in practice intake, never to the police</source>
        <translation>培训模式：只发往内置的练习平台，不上报公安机关</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="78"/>
        <source>https://… as given by the sub-station</source>
        <translation>https://…（由派出所提供）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="79"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="80"/>
        <source>Intake address</source>
        <translation>上报地址</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="84"/>
        <source>This desk</source>
        <translation>本前台</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="88"/>
        <source>Folder where the scanner saves pages</source>
        <translation>扫描仪保存资料页的文件夹</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="89"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="93"/>
        <location filename="../../hotel_desk/ui/settings_page.py" line="207"/>
        <source>Scanner folder</source>
        <translation>扫描文件夹</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="96"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="98"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="103"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="107"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="108"/>
        <source>After this many minutes without a key press or a click the desk locks and asks for the password again</source>
        <translation>超过这么多分钟没有按键或点击，前台会自动锁定并要求重新输入密码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="110"/>
        <source>Lock when idle for</source>
        <translation>空闲自动锁定</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="132"/>
        <source>Passport readers</source>
        <translation>证件阅读器</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="136"/>
        <location filename="../../hotel_desk/ui/settings_page.py" line="160"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="142"/>
        <source>Serial reader port</source>
        <translation>串口阅读器端口</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="147"/>
        <source>What the reader sends</source>
        <translation>阅读器数据格式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="152"/>
        <source>Keyboard-wedge reader layout</source>
        <translation>键盘式阅读器键盘布局</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="155"/>
        <source>Fax modem (hand-over by fax)</source>
        <translation>传真机（以传真方式移交）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="166"/>
        <source>Fax modem port</source>
        <translation>传真机端口</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="168"/>
        <source>The police sub-station&apos;s fax number, e.g. 021 5555 0110</source>
        <translation>派出所传真号码，如 021 5555 0110</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="169"/>
        <source>Sub-station fax number</source>
        <translation>派出所传真号码</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="171"/>
        <source>RTS/CTS (most modems)</source>
        <translation>RTS/CTS（大多数调制解调器）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="171"/>
        <source>XON/XOFF</source>
        <translation>XON/XOFF</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="172"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="175"/>
        <source>Flow control</source>
        <translation>流量控制</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="178"/>
        <source>The scanner folder and the readers change at once; a new database or mode takes effect when the app is started again.</source>
        <translation>扫描文件夹和证件阅读器的设置立即生效；更换数据库或运行模式需重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="187"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="245"/>
        <source>Live mode needs the intake address from the sub-station.</source>
        <translation>正式模式需要派出所提供的上报地址。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="283"/>
        <source>Settings not saved: %1</source>
        <translation>设置未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="275"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="113"/>
        <source>Departures and police lists</source>
        <translation>离店与公安下发清单</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="117"/>
        <source>A guest still in house after this time on the planned departure day is shown as overdue</source>
        <translation>预计离店当天过了此时间仍在住的旅客，将显示为逾期未退房</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="119"/>
        <source>Check-out time (HH:MM)</source>
        <translation>退房时间（时:分）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="122"/>
        <source>An hour before it, the desk is warned about guests still open past their departure</source>
        <translation>夜审前一小时，提醒前台有逾期未退房的旅客</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="124"/>
        <source>Night audit (HH:MM)</source>
        <translation>夜审时间（时:分）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="128"/>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="129"/>
        <source>Answer police lists within</source>
        <translation>公安下发清单答复期限</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/settings_page.py" line="248"/>
        <source>Type the check-out time and the night audit as HH:MM, e.g. 12:00 and 23:00.</source>
        <translation>退房时间和夜审时间请按 时:分 填写，例如 12:00 和 23:00。</translation>
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
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="26"/>
        <source>Due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="26"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="26"/>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="26"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="26"/>
        <source>The police say</source>
        <translation>公安机关指出</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="27"/>
        <source>Stay</source>
        <translation>入住记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="36"/>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="38"/>
        <source>Verified correct</source>
        <translation>核实无误</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="39"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="39"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="43"/>
        <source>Room %1 · %2</source>
        <translation>%1 房 · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hotel_desk/ui/worklist_model.py" line="45"/>
        <source>%n stays could be meant</source>
        <translation>
            <numerusform>可能对应 %n 条入住记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_model.py" line="46"/>
        <source>No match</source>
        <translation>无匹配记录</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="56"/>
        <source>Suspected errors</source>
        <extracomment>The recorded data shown beside the page, in the order of the paper form.</extracomment>
        <translation>疑似错误</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="57"/>
        <source>Lists of suspected error data from the police. Compare each item with the document page and answer it: correct the record (a correction report goes to the police) or confirm it is right, with a note.</source>
        <translation>公安机关下发的疑似错误数据清单。请对照证件页逐条核对并答复：更正登记（向公安机关报送更正），或确认无误并附说明。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="61"/>
        <source>Import police list…</source>
        <translation>导入公安清单…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="65"/>
        <source>How the list&apos;s file is laid out</source>
        <translation>清单文件的格式</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="70"/>
        <source>Open items</source>
        <translation>待处理条目</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="71"/>
        <source>All items</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="99"/>
        <source>No suspected errors to answer.</source>
        <translation>没有待答复的疑似错误。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="110"/>
        <source>Document page</source>
        <translation>证件页</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="112"/>
        <source>No page image was kept for this stay</source>
        <translation>此次入住未保存证件页图像</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="116"/>
        <source>Recorded data</source>
        <translation>登记的数据</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="148"/>
        <source>What did you check? (required)</source>
        <translation>核对了什么？（必填）</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="151"/>
        <source>Save answer</source>
        <translation>保存答复</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="158"/>
        <source>Correct the record…</source>
        <translation>更正登记…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="162"/>
        <source>Verified correct…</source>
        <translation>核实无误…</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="166"/>
        <source>Back to the recorded data</source>
        <translation>返回登记数据</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="200"/>
        <source>%1 open · %2 overdue · %3 answered</source>
        <translation>待处理 %1 · 逾期 %2 · 已答复 %3</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="212"/>
        <source>The worklist could not be loaded: %1</source>
        <translation>无法加载清单：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="238"/>
        <source>The whole record</source>
        <translation>整条记录</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="239"/>
        <source>%3 — the police say (%1, line %2): %4</source>
        <translation>%3 — 公安机关指出（%1 第 %2 行）：%4</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="248"/>
        <source>Room %1 · %2 · arrived %3</source>
        <translation>%1 房 · %2 · %3 入住</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="260"/>
        <source>Matched by document number and nationality.</source>
        <translation>按证件号码和国籍匹配。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="261"/>
        <source>Matched by document number and nationality; the surname told two stays apart.</source>
        <translation>按证件号码和国籍匹配；以姓氏区分了两条入住记录。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="263"/>
        <source>The stay was chosen at the desk.</source>
        <translation>入住记录由前台选定。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="264"/>
        <source>Several stays have this document number: choose the one the police mean.</source>
        <translation>有多条入住记录使用此证件号码：请选择公安机关所指的那一条。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="265"/>
        <source>No stay has this document number and nationality. If you find the guest under another number, the number may be the error; otherwise answer &quot;verified correct&quot; with what you checked.</source>
        <translation>没有入住记录使用此证件号码和国籍。如果该旅客登记在另一个号码下，错误可能就在号码；否则请答复“核实无误”并说明核对了什么。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="268"/>
        <source>Due %1.</source>
        <translation>答复期限 %1。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="274"/>
        <source>Corrected by %1 at %2: a correction report was queued.</source>
        <translation>%1 于 %2 更正：更正报送已排队。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="276"/>
        <source>Verified correct by %1 at %2: %3</source>
        <translation>%1 于 %2 核实无误：%3</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="310"/>
        <source>The stay could not be loaded: %1</source>
        <translation>无法加载入住记录：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="348"/>
        <source>Corrected: the correction report is queued and the item is answered.</source>
        <translation>已更正：更正报送已排队，该条目已答复。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="350"/>
        <source>Correction not saved: %1</source>
        <translation>更正未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="351"/>
        <source>Saving the correction</source>
        <translation>正在保存更正</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="365"/>
        <source>Say what you checked: a &quot;verified correct&quot; answer needs a note.</source>
        <translation>请说明核对了什么：“核实无误”须附说明。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="371"/>
        <source>Answered: verified correct.</source>
        <translation>已答复：核实无误。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="372"/>
        <source>Answer not saved: %1</source>
        <translation>答复未保存：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="372"/>
        <source>Saving the answer</source>
        <translation>正在保存答复</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="377"/>
        <source>Import a police list</source>
        <translation>导入公安清单</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="378"/>
        <source>Lists (*.csv *.txt);;All files (*)</source>
        <translation>清单 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="387"/>
        <source>This list was imported before: nothing added.</source>
        <translation>此清单以前已导入：未新增任何条目。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="388"/>
        <source>Imported %1 item(s) from %2: %3 matched to a stay, %4 to choose among several, %5 without a match.</source>
        <translation>已从 %2 导入 %1 条：%3 条匹配到入住记录，%4 条需在多条中选择，%5 条无匹配。</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="394"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何条目：%1</translation>
    </message>
    <message>
        <location filename="../../hotel_desk/ui/worklist_page.py" line="395"/>
        <source>Importing the police list</source>
        <translation>正在导入公安清单</translation>
    </message>
</context>
</TS>
