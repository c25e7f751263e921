#pragma once

// CRC-64/ECMA (COS's x-cos-hash-crc64ecma) for the multipart sink: the part bodies through
// ISA-L, and the object's value combined from the parts' values. The combine is written here
// rather than linked from core/util/Crc64 so that the sink stays an independent check of what
// the engine computes, and does not change when the engine's CRC code does.
#include <cstddef>
#include <cstdint>

namespace cvmi::bench::sink {

// Continues a CRC-64 (0 for the empty input) over the next bytes.
std::uint64_t crc64Update(std::uint64_t crc, const void* data, std::size_t length);

// The CRC-64 of A followed by B from crc(A), crc(B) and B's length: zlib's multmodp/x2nmodp
// method (x^(8·lengthB) mod P by repeated squaring, then one multiplication), O(log lengthB)
// 64-bit steps, so a 10,000-part Complete costs microseconds.
std::uint64_t crc64Combine(std::uint64_t crcA, std::uint64_t crcB, std::uint64_t lengthB);

// Checks crc64Combine against ISA-L over split points of random buffers: true when all agree.
bool crc64SelfTest();

} // namespace cvmi::bench::sink
