#pragma once

#include "inspect/ImageFacts.h"
#include "policy/Report.h"

#include <QString>

namespace cvmi::policy {

// The report as one self-contained, readable HTML page (inline CSS, no scripts, no external
// resources) that users can keep or send along with a support request: what the image is, the
// proposed import values and every rule with its verdict, evidence and fix. All text from the
// image (labels, file names, evidence) is escaped, so a hostile image cannot add markup.
QString reportToHtml(const inspect::ImageFacts& facts, const Report& report);

// The heading of a rule group of the rule file ("image" → "Image file"), translated; a group the
// program does not know yet is shown by its name.
QString ruleGroupTitle(const QString& group);

// The groups of `report` in the order their first rule appears (the rule file's order).
QStringList ruleGroups(const Report& report);

} // namespace cvmi::policy
