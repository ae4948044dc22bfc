; Prachum's Windows installer (NSIS 3, Unicode). Per user, without administrator rights:
; the program goes to %LOCALAPPDATA%\Programs\Prachum, the Start menu entry to the user's
; own menu, the uninstaller to "Apps & features". The data folder,
; %LOCALAPPDATA%\Prachum (the database, its backups, the log), is never touched: an
; uninstall or a reinstall keeps every meeting.
;
;   makensis -DBUNDLE=dist\prachum -DOUTFILE=dist\Prachum-setup.exe release\prachum.nsi
;
; `make test` compiles this script on Linux against a stand-in folder.

Unicode true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef BUNDLE
  !define BUNDLE "..\dist\prachum"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\Prachum-setup.exe"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!define APP "Prachum"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

Name "ประชุม (${APP}) ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"

!include "MUI2.nsh"
!define MUI_ICON "prachum.ico"
!define MUI_UNICON "prachum.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\prachumw.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Thai"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT licence"

Section "Prachum" SecMain
  SectionIn RO
  SetShellVarContext current
  ; An update replaces the program folder whole: no file of an older version stays.
  RMDir /r "$INSTDIR"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortcut "$SMPROGRAMS\ประชุม (${APP}).lnk" "$INSTDIR\prachumw.exe" "" "$INSTDIR\prachumw.exe" 0
  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "ประชุม (${APP})"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\prachumw.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\ประชุม (${APP}).lnk"
  ; Only the program folder. $LOCALAPPDATA\Prachum, her data, stays where it is.
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
SectionEnd
