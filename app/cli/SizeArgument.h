#pragma once

// Sizes and rates typed on the command line: "8M", "64MiB", "1G", "1.5G", "512k", "4M/s",
// "1048576". Every unit is a power of 1024 whether written K, KB or KiB, as curl's
// --limit-rate reads them, so "8M" is exactly one 8 MiB part.
#include "util/Error.h"

#include <QString>
#include <optional>

namespace cvmi::cli {

// Bytes (or bytes per second when allowPerSecond and the text ends in "/s"); nullopt with
// *error naming `option` and the accepted forms.
std::optional<qint64> parseByteSize(const QString& text, const QString& option, Error* error,
                                    bool allowPerSecond = false);

} // namespace cvmi::cli
