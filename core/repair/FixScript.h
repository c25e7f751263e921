#pragma once

#include "inspect/ImageFacts.h"
#include "policy/Report.h"

#include "util/Error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cvmi::repair {

// A repair script for the system inside an image, built only from what its check found: one
// step per change a failed or warned rule needs and that can be made inside the source VM
// before it is exported again. Linux: a POSIX sh script (`--dry-run`, `--root DIR`); Windows: a
// PowerShell script (`-DryRun`).
struct FixScript {
    enum class Language { None, Shell, PowerShell };
    Language language = Language::None;
    QString text;            // empty when there is nothing to fix there
    QStringList fixedRules;  // rule ids the script has steps for
    QStringList manualRules; // failed or warned rule ids it cannot fix, with manual notes inside
    int steps = 0;

    bool isEmpty() const { return steps == 0; }
    // "fix.sh" or "fix.ps1": the name proposed for saving.
    QString suggestedFileName() const;
};

// `programVersion` goes in the header; nothing time-dependent does, so the same check writes
// the same script.
FixScript buildFixScript(const inspect::ImageFacts& facts, const policy::Report& report,
                         const QString& programVersion);

// Writes the script to `path` at once (a crash leaves the old file or none, never half a
// script), executable by its owner when it is a shell script.
bool saveFixScript(const FixScript& script, const QString& path, Error* error);

// What `check --json` says of the script: {"language": "sh"|"powershell"|null, "rules": [...],
// "manual_rules": [...], "steps": N}.
QJsonObject fixScriptToJson(const FixScript& script);

} // namespace cvmi::repair
