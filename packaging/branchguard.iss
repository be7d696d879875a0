; Inno Setup script: wraps the PyInstaller one-folder build into a Windows installer.
; Build on Windows after PyInstaller:  iscc packaging\branchguard.iss
#define AppName "BranchGuard"
#define AppVersion "0.1.0"

[Setup]
AppId={{7C0B6C3E-6A4B-4B5E-9F3A-B7A1D0C2E9A1}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=BranchGuard
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputBaseFilename=BranchGuard-{#AppVersion}-setup
SetupIconFile=branchguard.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
; User data (database, settings, backups) lives in the user's AppData and survives uninstalling.
UninstallDisplayIcon={app}\BranchGuard.exe

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\BranchGuard\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\BranchGuard.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\BranchGuard.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\BranchGuard.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
