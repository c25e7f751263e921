#pragma once

#include "inspect/ImageFacts.h"
#include "policy/Report.h"

#include <QJsonObject>

namespace cvmi::policy {

// The stable JSON of `cvm-import check --json` (documented in docs/check-json.md). Names are a
// promise to scripts: add, never rename or remove, within a "schema" number.
QJsonObject checkResultToJson(const inspect::ImageFacts& facts, const Report& report);

} // namespace cvmi::policy
