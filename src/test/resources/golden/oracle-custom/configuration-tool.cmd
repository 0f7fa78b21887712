@echo off
rem envclone: the Configuration Tool and republish steps of Production -> Pre-Production (Oracle, Reconfigure an installation to use a restored database), as OutSystems' unattended commands.
rem Run it on the target's Platform Server, in an elevated command prompt, one command at a time.
rem
rem Passwords: asked for when their command runs, hidden as you type, kept only in this window and
rem cleared once the command has run; never in this file nor anywhere on disk. ConfigurationTool.com
rem and OSPTool.com take them on their command line only: while a command runs, an administrator of
rem this server can read them in the process list. Close the window when it is done.
rem A password with a double quote in it cannot be passed on a command line and is refused.
setlocal EnableExtensions DisableDelayedExpansion

rem The default folders of Platform Server 11; change them if yours are elsewhere.
set "PLATFORM=C:\Program Files\OutSystems\Platform Server"
set "COMMON=C:\Program Files\Common Files\OutSystems\11.0"
if not exist "%PLATFORM%\ConfigurationTool.com" (
  echo ConfigurationTool.com is not in %PLATFORM%: set PLATFORM at the top of this file.
  exit /b 2
)

rem 1. Apply the database settings and rebuild the session database (checklist: config-tool-platform, config-tool-log, config-tool-session, apply-and-exit)
rem Syntax: OutSystems 11 documentation, "Unattended Installation and Upgrade", First install, 6. Run the Configuration Tool; OutSystems 11 documentation, "Configuration Tool Command Line Reference" (Setting Up OutSystems, Unattended Installation and Upgrade):
rem   <platform_path>\ConfigurationTool.com /SetupInstall /RebuildSession <session_db_admin_username> <session_db_admin_password> /CreateUpgradeCacheInvalidationService
rem server.hsconf holds the target's database settings first: the Configuration Tool sheet's Platform, Log and Session tabs, typed in the Configuration Tool (Save, not Apply and Exit) or into a template made with ConfigurationTool.com /GenerateTemplates.
rem For Oracle, /SetupInstall takes no credentials: the users it uses are those in server.hsconf.
rem No /SetPlatformServerAdminPassword: the restored database keeps the source's admin password, which the next steps log in with.
echo.
echo 1. Apply the database settings and rebuild the session database
choice /c YN /m "Run it now"
if errorlevel 2 goto :step2
call :ask SESSION_DB_ADMIN_USER "Administrative user of the session database" ""
if errorlevel 1 goto :stopped
call :secret SESSION_DB_ADMIN_PASSWORD "Password of that user"
if errorlevel 1 goto :stopped
"%PLATFORM%\ConfigurationTool.com" /SetupInstall /RebuildSession "%SESSION_DB_ADMIN_USER%" "%SESSION_DB_ADMIN_PASSWORD%" /CreateUpgradeCacheInvalidationService
set "RESULT=%ERRORLEVEL%"
set "SESSION_DB_ADMIN_PASSWORD="
if not "%RESULT%"=="0" (
  echo ConfigurationTool.com ended with %RESULT%: read C:\Windows\Temp\ConfigurationTool.log, fix it and run this file again.
  exit /b %RESULT%
)
:step2

rem 2. Upload the new environment's license (checklist: upload-license)
rem Syntax: OutSystems 11 documentation, "Configuration Tool Command Line Reference" (Setting Up OutSystems, Unattended Installation and Upgrade), /UploadLicense:
rem   <platform_path>\ConfigurationTool.com /UploadLicense <license_file> <platform_server_admin_user> <platform_server_admin_password>
rem Service Center must be running. The unattended-installation page shows /UploadLicense with the file only; the command line reference requires the Service Center administrator's credentials, which this command gives (docs/deviations.md).
echo.
echo 2. Upload the new environment's license
choice /c YN /m "Run it now"
if errorlevel 2 goto :step3
call :ask LICENSE_FILE "Path of the license file for this environment" ""
if errorlevel 1 goto :stopped
call :ask SERVICE_CENTER_ADMIN_USER "Service Center administrator" "admin"
if errorlevel 1 goto :stopped
call :secret SERVICE_CENTER_ADMIN_PASSWORD "Password of that administrator, as in the restored environment"
if errorlevel 1 goto :stopped
"%PLATFORM%\ConfigurationTool.com" /UploadLicense "%LICENSE_FILE%" "%SERVICE_CENTER_ADMIN_USER%" "%SERVICE_CENTER_ADMIN_PASSWORD%"
set "RESULT=%ERRORLEVEL%"
set "SERVICE_CENTER_ADMIN_PASSWORD="
if not "%RESULT%"=="0" (
  echo ConfigurationTool.com ended with %RESULT%: read C:\Windows\Temp\ConfigurationTool.log, fix it and run this file again.
  exit /b %RESULT%
)
:step3

rem 3. Republish the entire factory (checklist: republish-factory)
rem Syntax: OutSystems 11 documentation, "OSPTool Command Line Reference", /PublishFactory; OutSystems 11 documentation, "Unattended Installation and Upgrade", Upgrade, 7:
rem   <outsystems_common_path>\OSPTool.com /PublishFactory <hostname> <username> <password>
rem Run it only once no configuration points to another environment (the application configurations step).
echo.
echo 3. Republish the entire factory
choice /c YN /m "Run it now"
if errorlevel 2 goto :step4
call :ask SERVICE_CENTER_HOST "Service Center host name of this environment" "localhost"
if errorlevel 1 goto :stopped
call :ask SERVICE_CENTER_ADMIN_USER "Service Center administrator" "admin"
if errorlevel 1 goto :stopped
call :secret SERVICE_CENTER_ADMIN_PASSWORD "Password of that administrator, as in the restored environment"
if errorlevel 1 goto :stopped
"%COMMON%\OSPTool.com" /PublishFactory "%SERVICE_CENTER_HOST%" "%SERVICE_CENTER_ADMIN_USER%" "%SERVICE_CENTER_ADMIN_PASSWORD%"
set "RESULT=%ERRORLEVEL%"
set "SERVICE_CENTER_ADMIN_PASSWORD="
if not "%RESULT%"=="0" (
  echo OSPTool.com ended with %RESULT%: read its output above, fix it and run this file again.
  exit /b %RESULT%
)
:step4
echo.
echo Done. Tick the steps in envclone (its checklist names them) and close this window.
exit /b 0

:stopped
echo Nothing more was run.
exit /b 3

rem :ask VARIABLE "prompt" "suggestion": a value that may be shown (a user name, a file).
:ask
set "%~1="
if "%~3"=="" (set /p "%~1=%~2: ") else (set /p "%~1=%~2 [%~3]: ")
if not defined %~1 if not "%~3"=="" set "%~1=%~3"
if not defined %~1 (echo Nothing typed. & exit /b 1)
exit /b 0

rem :secret VARIABLE "prompt": hidden as typed; through a pipe, never on a command line of its own.
rem eol and delims empty: a password starting with ; or holding spaces is kept whole.
:secret
set "%~1="
for /f usebackq^ delims^=^ eol^= %%p in (`powershell -NoProfile -Command "$s = Read-Host -AsSecureString '%~2'; $p = [Runtime.InteropServices.Marshal]::PtrToStringBSTR([Runtime.InteropServices.Marshal]::SecureStringToBSTR($s)); if ($p.Contains([char]34)) { exit 3 }; [Console]::Out.Write($p)"`) do set "%~1=%%p"
if not defined %~1 (echo No password, or one with a double quote: nothing was run. & exit /b 1)
exit /b 0
