#pragma once

#include <QString>

#include <cstdint>

namespace cvmi {

// "50.0 GiB (53,687,091,200 bytes)": the human figure and the exact one, so evidence is both
// readable and checkable.
QString formatBytes(uint64_t bytes);
QString formatBytesExact(uint64_t bytes);

} // namespace cvmi
