# ---- The helpers every step uses (the same in every script cvm-import writes) ----
$ErrorActionPreference = 'Stop'
$script:Changes = 0
$script:Failures = 0
$script:CurrentRule = ''

$principal = New-Object Security.Principal.WindowsPrincipal(
    [Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $DryRun -and -not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    Write-Error 'Run this in an elevated PowerShell (Run as administrator), or with -DryRun.'
    exit 2
}

# Step RULE TITLE: starts a step.
function Step([string]$Rule, [string]$Title) {
    $script:CurrentRule = $Rule
    Write-Host ''
    Write-Host "[$Rule] $Title"
}
# Already MESSAGE: the step found nothing left to change.
function Already([string]$Message) { Write-Host "  already done: $Message" }
# Note MESSAGE: something the step could not do and the user must.
function Note([string]$Message) { Write-Host "  NOTE: $Message" }

# Change MESSAGE { ... }: runs the block unless this is a dry run, and says so.
function Change([string]$Message, [scriptblock]$Action) {
    if ($DryRun) { Write-Host "  would change: $Message"; return }
    try {
        & $Action
        $script:Changes++
        Write-Host "  changed: $Message"
    } catch {
        $script:Failures++
        Write-Warning "  FAILED ($script:CurrentRule): $Message - $($_.Exception.Message)"
    }
}

# Set-RegistryValue PATH NAME VALUE [TYPE]: makes a registry value what it must be.
function Set-RegistryValue([string]$Path, [string]$Name, $Value, [string]$Type = 'DWord') {
    $current = (Get-ItemProperty -Path $Path -Name $Name -ErrorAction SilentlyContinue).$Name
    if ($null -ne $current -and "$current" -eq "$Value") {
        Already "$Path\$Name = $Value"
        return
    }
    Change "$Path\$Name = $Value (was $current)" {
        if (-not (Test-Path $Path)) { New-Item -Path $Path -Force | Out-Null }
        New-ItemProperty -Path $Path -Name $Name -Value $Value -PropertyType $Type -Force | Out-Null
    }
}

# Finish: the summary, and the exit status (1 when a change failed).
function Finish {
    Write-Host ''
    if ($DryRun) {
        Write-Host 'Dry run: nothing was changed.'
    } else {
        Write-Host "$script:Changes change(s) made, $script:Failures failed."
        if ($script:Changes -gt 0) {
            Write-Host 'Restart Windows once, shut it down cleanly, then export the disk again and check it.'
        }
    }
    if ($script:Failures -gt 0) { exit 1 }
    exit 0
}
