#pragma once

#include "inspect/ImageFacts.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cvmi::policy {

// The ImportImage form values the inspection proposes (the user may change them): the import
// form of the wizard and `cvm-import import` start from these.
struct FormSuggestion {
    QString osType;    // "CentOS", "Windows Server 2012", ... (DescribeImportImageOs names)
    QString osVersion; // "7.9", "22.04", "-" for Windows
    // The version as the guest states it ("7.9.2009"); the form maps it onto the versions the
    // OS list offers (importform::chooseOs). Empty when no version was read.
    QString detectedVersion;
    QString architecture; // "x86_64" | "i386" | "arm_64"
    QString bootMode;     // "Legacy BIOS" | "UEFI"
    QString licenseType;  // "TencentCloud" | "BYOL"
    QString imageName;    // ≤ 60 characters
    QStringList notes;    // why a value is what it is, or why it is missing
};

// `formRules` is the "form" object of the rule file (OsType names per distribution, BYOL
// distributions, architecture names), so a renamed OsType is a data change.
FormSuggestion suggestForm(const inspect::ImageFacts& facts, const QJsonObject& formRules);

} // namespace cvmi::policy
