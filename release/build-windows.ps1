# Prachum's Windows build: the bundle (dist\prachum\) and the installer
# (dist\Prachum-setup-<version>.exe), from a fresh clone, with Python 3.11 and NSIS on
# PATH. What `make dist` is on Linux; the CI workflow for Windows runs this script.
#
#   powershell -ExecutionPolicy Bypass -File release\build-windows.ps1 [-SmokeTest]

param([switch]$SmokeTest)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
$python = ".venv\Scripts\python.exe"
& $python -m pip install -q --upgrade pip
& $python -m pip install -q -e ".[test]"    # the test extra brings PyInstaller too
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

& $python -m release.build
if ($LASTEXITCODE -ne 0) { throw "the bundle was not built" }

$version = & $python -c "import desktop; print(desktop.__version__)"
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
& $makensis /V2 "/DBUNDLE=$PWD\dist\prachum" "/DOUTFILE=$PWD\dist\Prachum-setup-$version.exe" "/DVERSION=$version" release\prachum.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }

if ($SmokeTest) {
  $env:QT_QPA_PLATFORM = "offscreen"
  & $python -m pytest tests\release tests\test_portability.py tests\core\test_windows_files.py -p no:cacheprovider
  if ($LASTEXITCODE -ne 0) { throw "the smoke test failed" }
}
Write-Output "dist\prachum\prachum.exe and dist\Prachum-setup-$version.exe"
