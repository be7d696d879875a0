; Inno Setup script: wraps the PyInstaller one-folder build (dist\BranchGuard) into a Windows installer.
; Build on Windows after PyInstaller, passing the version the build carries (pyproject.toml's, read
; from the package metadata by `branchguard-cli --version`):
;     for /f "tokens=2" %v in ('dist\BranchGuard\branchguard-cli.exe --version') do set BG_VERSION=%v
;     iscc /DAppVersion=%BG_VERSION% packaging\branchguard.iss
; Without /DAppVersion the version is read from BranchGuard.exe's version resource (written by the
; spec from the same metadata), so the installer never carries a version of its own.
#define AppName "BranchGuard"
#define BuildDir "..\dist\BranchGuard"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuildDir + "\BranchGuard.exe", "ProductVersion")
#endif
#if AppVersion == ""
  #error "no version: pass /DAppVersion=... or build dist\BranchGuard first"
#endif

[Setup]
AppId={{7C0B6C3E-6A4B-4B5E-9F3A-B7A1D0C2E9A1}
AppName={#AppName}
AppVersion={#AppVersion}
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
AppPublisher=BranchGuard
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputBaseFilename=BranchGuard-{#AppVersion}-setup
SetupIconFile=branchguard.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
; Per machine: every Windows account on the branch's PC runs the same program on the same data.
PrivilegesRequired=admin
UninstallDisplayIcon={app}\BranchGuard.exe

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Dirs]
; The data folder (database, attachments, keys, settings, logs, backups) for the whole PC, whoever is
; logged in: %PROGRAMDATA%\BranchGuard, the app's default on Windows (branchguard/config.py). The
; PC's users may change what is in it. Neither an upgrade nor uninstalling touches it.
Name: "{commonappdata}\{#AppName}"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
; Both executables (BranchGuard.exe, the window; branchguard-cli.exe, the command line) and _internal.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the older version's libraries rather than leaving those it no longer ships; the
; data folder is never under {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\BranchGuard.exe"
Name: "{group}\{#AppName} data folder"; Filename: "{commonappdata}\{#AppName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\BranchGuard.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\BranchGuard.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
