#pragma once

// CRC-32C (Castagnoli, as iSCSI and VHDX use it: reflected, register and result inverted), through
// ISA-L's crc32_iscsi, which the project already links for CRC-64. "123456789" gives 0xE3069283.
#include <cstddef>
#include <cstdint>

namespace cvmi::util {

uint32_t crc32c(const void* data, size_t length);

} // namespace cvmi::util
