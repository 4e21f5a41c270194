; Inno Setup 6 script for hotel_desk: a per-machine install of the PyInstaller folder dist\hotel-desk\
; on 64-bit Windows 10/11, with Simplified Chinese and English installer texts.
;
; Built by installers\windows\build.ps1, which passes:
;   /DAppVersion=0.1.0  /DBundleDir=<repo>\dist\hotel-desk  /DOutputDir=<repo>\dist
;   and, for a signed build, /DSignTool=hdsign with /Shdsign=<signtool command line>
; Compiling by hand from this folder works too once dist\hotel-desk exists: ISCC hotel_desk.iss
;
; What the installer does besides copying files:
; - after copying, runs `hotel-desk-cli.exe selftest` (with a throw-away data folder) and tells the
;   installer clearly when the program does not work on this PC; the output stays in {app}\selftest-install.log;
; - the uninstaller keeps the desk's data (database, backups, settings) unless the user ticks a box.
; This file is UTF-8 with a byte order mark so that every Inno Setup 6 reads its Chinese text correctly.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (architecture identifier x64compatible).
#endif

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\hotel-desk"
#endif
#if !FileExists(AddBackslash(BundleDir) + "hotel-desk-cli.exe")
  #error The PyInstaller folder is missing (no hotel-desk-cli.exe in BundleDir): run installers\windows\build.ps1.
#endif
#ifndef AppVersion
  ; The executables carry the version in their resources (see installers\pyinstaller\hotel_desk.spec).
  #define AppVersion GetStringFileInfo(AddBackslash(BundleDir) + "hotel-desk.exe", "ProductVersion")
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif
; Simplified Chinese messages for the wizard itself. Recent Inno Setup releases may ship them; otherwise
; put ChineseSimplified.isl from the Inno Setup translations page into the compiler's Languages folder,
; or pass /DChineseIsl=<path>.
#ifndef ChineseIsl
  #define ChineseIsl AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
#endif
#if !FileExists(ChineseIsl)
  #error ChineseSimplified.isl not found in the Inno Setup Languages folder: see installers\README.md (Windows prerequisites).
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{1C63A1C2-0A0A-482F-A30D-967D59922502}
AppName=Hotel Desk
AppVersion={#AppVersion}
AppVerName=Hotel Desk {#AppVersion}
AppPublisher=hotel_desk developers
UninstallDisplayName=Hotel Desk 酒店前台登记 {#AppVersion}
UninstallDisplayIcon={app}\hotel-desk.exe
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Hotel Desk
; Per machine: every Windows account at the desk gets the program; each keeps its own data folder.
PrivilegesRequired=admin
DefaultDirName={autopf}\Hotel Desk
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
SetupIconFile=hotel-desk.ico
OutputDir={#OutputDir}
OutputBaseFilename=hotel-desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
LZMAUseSeparateProcess=yes
; Close a running Hotel Desk (Restart Manager) before replacing its files on an upgrade.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
; Chinese first: it is the default when the Windows language matches neither.
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.AppDisplayName=Hotel Desk
chinesesimplified.AppDisplayName=酒店前台登记
english.AppComment=Read passports, check them and report every stay to the police in time
chinesesimplified.AppComment=读取护照、核验证件，并按时向公安机关报送住宿登记
english.LaunchApp=Start Hotel Desk now
chinesesimplified.LaunchApp=立即启动酒店前台登记
english.SelfTestRunning=Checking that Hotel Desk works on this computer...
chinesesimplified.SelfTestRunning=正在检查酒店前台登记能否在本机正常运行……
english.SelfTestFailed=Hotel Desk was installed, but its self-test failed (exit code %1).%n%nThe program may not work on this computer. The full report was saved to:%n%2%n%nLast lines of the report:%n%3%nPlease send that file to your support contact. Existing registrations are not affected.
chinesesimplified.SelfTestFailed=酒店前台登记已安装，但自检未通过（退出代码 %1）。%n%n程序可能无法在本机正常使用。完整报告已保存到：%n%2%n%n报告最后几行：%n%3%n请将该文件发送给技术支持。已有的登记记录不受影响。
english.SelfTestNotStarted=Hotel Desk was installed, but its self-test could not be started: %1%n%nThe program may not work on this computer. Please contact your support.
chinesesimplified.SelfTestNotStarted=酒店前台登记已安装，但无法启动自检：%1%n%n程序可能无法在本机正常使用。请联系技术支持。
english.UninstallTitle=Uninstall Hotel Desk
chinesesimplified.UninstallTitle=卸载酒店前台登记
english.UninstallKeepData=Hotel Desk will be removed from this computer.%n%nThe guest registrations, police reports, backups and settings of this Windows user are kept in:%n%1%nso that a reinstall or an upgrade continues with them. The regulations may require the property to keep registration records for a period: delete them only if you are sure.
chinesesimplified.UninstallKeepData=将从本机卸载酒店前台登记。%n%n当前 Windows 用户的旅客登记、报送记录、备份和设置保存在：%n%1%n重新安装或升级后可继续使用。相关规定可能要求酒店在一定期限内保存登记记录，请确认不再需要后再删除。
english.UninstallDeleteData=&Also delete these registrations, reports and settings (cannot be undone)
chinesesimplified.UninstallDeleteData=同时删除这些登记、报送记录和设置（无法恢复）(&A)
english.UninstallContinue=&Uninstall
chinesesimplified.UninstallContinue=卸载(&U)
english.UninstallDataNotDeleted=Some of the data could not be deleted. Remove this folder by hand if you no longer need it:%n%1
chinesesimplified.UninstallDataNotDeleted=部分数据未能删除。如确实不再需要，请手动删除此文件夹：%n%1

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the bundle as a whole: a library dropped by the new version must not linger.
Type: filesandordirs; Name: "{app}\_internal"
; Shortcuts of a previous install made in the other installer language.
Type: files; Name: "{autoprograms}\Hotel Desk.lnk"
Type: files; Name: "{autoprograms}\酒店前台登记.lnk"
Type: files; Name: "{autodesktop}\Hotel Desk.lnk"
Type: files; Name: "{autodesktop}\酒店前台登记.lnk"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppDisplayName}"; Filename: "{app}\hotel-desk.exe"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{cm:AppDisplayName}"; Filename: "{app}\hotel-desk.exe"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
; runasoriginaluser: the first start must create the data folder of the desk user, not of the administrator
; whose password elevated the installer.
Filename: "{app}\hotel-desk.exe"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallDelete]
Type: files; Name: "{app}\selftest-install.log"
Type: filesandordirs; Name: "{app}\_internal"

[Code]
const
  SelfTestLogName = 'selftest-install.log';
  // Setup's exit code when the files were installed but the self-test failed (0-8 are Inno Setup's own),
  // so that unattended roll-outs (/VERYSILENT) notice a PC where the program does not work.
  SelfTestFailedExitCode = 20;

var
  SelfTestFailed: Boolean;
  DeleteUserData: Boolean;

// Setup's own environment is inherited by the programs it starts; Inno Setup has no wrapper for this.
function SetEnvironmentVariable(lpName: String; lpValue: String): BOOL;
  external 'SetEnvironmentVariableW@kernel32.dll stdcall';

function LastLines(const FileName: String; Count: Integer): String;
var
  Lines: TArrayOfString;
  I, First: Integer;
begin
  Result := '';
  // The CLI writes UTF-8 (PYTHONIOENCODING below), which LoadStringsFromFile reads with or without a BOM.
  if not LoadStringsFromFile(FileName, Lines) then
    Exit;
  First := GetArrayLength(Lines) - Count;
  if First < 0 then
    First := 0;
  for I := First to GetArrayLength(Lines) - 1 do
    Result := Result + Lines[I] + #13#10;
end;

procedure RunSelfTest();
var
  Cli, LogFile, Scratch, Params: String;
  ResultCode: Integer;
begin
  Cli := ExpandConstant('{app}\hotel-desk-cli.exe');
  LogFile := ExpandConstant('{app}\') + SelfTestLogName;
  // The check runs as the (elevated) installing account: point it at a throw-away data and settings folder
  // inside Setup's temporary folder so that no one's real database is opened, created or migrated.
  Scratch := ExpandConstant('{tmp}\selftest');
  ForceDirectories(Scratch + '\data');
  ForceDirectories(Scratch + '\config');
  SetEnvironmentVariable('HOTEL_DESK_DATA_DIR', Scratch + '\data');
  SetEnvironmentVariable('HOTEL_DESK_CONFIG_DIR', Scratch + '\config');
  // Empty counts as unset for hotel_desk: a machine-wide database URL must not be touched by the check.
  SetEnvironmentVariable('HOTEL_DESK_DATABASE_URL', '');
  SetEnvironmentVariable('HOTEL_DESK_INTAKE_URL', '');
  SetEnvironmentVariable('PYTHONIOENCODING', 'utf-8');

  WizardForm.StatusLabel.Caption := CustomMessage('SelfTestRunning');
  WizardForm.FilenameLabel.Caption := '';
  // cmd.exe only to send the console output to the log file; the outer quotes are stripped by /C.
  Params := '/C ""' + Cli + '" selftest > "' + LogFile + '" 2>&1"';
  Log('Running self-test: ' + Cli + ' selftest');
  if not Exec(ExpandConstant('{cmd}'), Params, ExpandConstant('{app}'), SW_HIDE, ewWaitUntilTerminated,
    ResultCode) then
  begin
    SelfTestFailed := True;
    Log('Self-test could not be started: ' + SysErrorMessage(ResultCode));
    SuppressibleMsgBox(FmtMessage(CustomMessage('SelfTestNotStarted'), [SysErrorMessage(ResultCode)]),
      mbError, MB_OK, IDOK);
    Exit;
  end;
  Log(Format('Self-test exit code %d; report in %s', [ResultCode, LogFile]));
  if ResultCode <> 0 then
  begin
    SelfTestFailed := True;
    SuppressibleMsgBox(FmtMessage(CustomMessage('SelfTestFailed'),
      [IntToStr(ResultCode), LogFile, LastLines(LogFile, 12)]), mbError, MB_OK, IDOK);
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    RunSelfTest();
end;

function GetCustomSetupExitCode(): Integer;
begin
  if SelfTestFailed then
    Result := SelfTestFailedExitCode
  else
    Result := 0;
end;

// Where hotel_desk keeps this Windows user's data: platformdirs' user data and config folders are both
// %LOCALAPPDATA%\hotel_desk\hotel_desk (see hotel_desk/settings.py). The parent holds nothing else.
function UserDataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\hotel_desk');
end;

// The uninstaller has no wizard pages, so the choice is a small dialog of its own. Keeping is the default.
// Returns False when the user cancels the uninstall.
function AskAboutUserData(var DeleteData: Boolean): Boolean;
var
  Form: TSetupForm;
  Explanation: TNewStaticText;
  Box: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
  Margin, W: Integer;
begin
  DeleteData := False;
  Margin := ScaleX(12);
#if VER >= EncodeVer(6, 6, 0)
  Form := CreateCustomForm(ScaleX(480), ScaleY(260), False, True);
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(480);
  Form.ClientHeight := ScaleY(260);
#endif
  try
    Form.Caption := CustomMessage('UninstallTitle');
    W := Form.ClientWidth - 2 * Margin;

    Explanation := TNewStaticText.Create(Form);
    Explanation.Parent := Form;
    Explanation.Left := Margin;
    Explanation.Top := Margin;
    Explanation.AutoSize := False;
    Explanation.WordWrap := True;
    Explanation.Width := W;
    Explanation.Height := ScaleY(160);
    Explanation.Caption := FmtMessage(CustomMessage('UninstallKeepData'), [UserDataFolder()]);

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := Margin;
    Box.Top := Explanation.Top + Explanation.Height + ScaleY(8);
    Box.Width := W;
    Box.Height := ScaleY(20);
    Box.Caption := CustomMessage('UninstallDeleteData');
    Box.Checked := False;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Width := ScaleX(90);
    CancelButton.Height := ScaleY(25);
    CancelButton.Left := Form.ClientWidth - Margin - CancelButton.Width;
    CancelButton.Top := Form.ClientHeight - Margin - CancelButton.Height;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Width := ScaleX(90);
    OkButton.Height := ScaleY(25);
    OkButton.Left := CancelButton.Left - ScaleX(8) - OkButton.Width;
    OkButton.Top := CancelButton.Top;
    OkButton.Caption := CustomMessage('UninstallContinue');
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    Form.ActiveControl := OkButton;
    Result := Form.ShowModal() = mrOk;
    if Result then
      DeleteData := Box.Checked;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
begin
  DeleteUserData := False;
  // A silent uninstall (scripts, IT roll-outs) never deletes registrations and asks nothing.
  if UninstallSilent() then
    Result := True
  else
    Result := AskAboutUserData(DeleteUserData);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteUserData and DirExists(UserDataFolder()) then
  begin
    Log('Deleting the user data folder ' + UserDataFolder() + ' as asked');
    if not DelTree(UserDataFolder(), True, True, True) then
      MsgBox(FmtMessage(CustomMessage('UninstallDataNotDeleted'), [UserDataFolder()]), mbError, MB_OK);
  end;
end;
