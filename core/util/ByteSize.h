#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace cvmi {

// "50.0 GiB (53,687,091,200 bytes)": the human figure and the exact one, so evidence is both
// readable and checkable.
QString formatBytes(uint64_t bytes);
QString formatBytesExact(uint64_t bytes);

// Bytes from "8M", "64 MiB", "1.5G", "512k", "1048576" (and "4M/s" when perSecond): every unit is
// a power of 1024 whether written K, KB or KiB, as the CLI's --part-size and --limit-rate and
// the settings dialog read them. nullopt for anything else, or beyond 2^62.
std::optional<qint64> parseByteSize(QString text, bool perSecond = false);

} // namespace cvmi
