#pragma once

#include <cstdint>
#include <cstring>

// Bounds are the caller's job: these read from a buffer the caller has already sized.
namespace cvmi {

inline uint16_t le16(const void* p)
{
    const auto* b = static_cast<const unsigned char*>(p);
    return uint16_t(b[0] | (b[1] << 8));
}
inline uint32_t le32(const void* p)
{
    const auto* b = static_cast<const unsigned char*>(p);
    return uint32_t(b[0]) | (uint32_t(b[1]) << 8) | (uint32_t(b[2]) << 16) | (uint32_t(b[3]) << 24);
}
inline uint64_t le64(const void* p)
{
    const auto* b = static_cast<const unsigned char*>(p);
    return uint64_t(le32(b)) | (uint64_t(le32(b + 4)) << 32);
}
inline uint16_t be16(const void* p)
{
    const auto* b = static_cast<const unsigned char*>(p);
    return uint16_t((b[0] << 8) | b[1]);
}
inline uint32_t be32(const void* p)
{
    const auto* b = static_cast<const unsigned char*>(p);
    return (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | uint32_t(b[3]);
}
inline uint64_t be64(const void* p)
{
    const auto* b = static_cast<const unsigned char*>(p);
    return (uint64_t(be32(b)) << 32) | uint64_t(be32(b + 4));
}

// a + b without wrap-around; false when the sum does not fit (hostile headers love this).
inline bool addNoOverflow(uint64_t a, uint64_t b, uint64_t* sum)
{
    return !__builtin_add_overflow(a, b, sum);
}
inline bool mulNoOverflow(uint64_t a, uint64_t b, uint64_t* product)
{
    return !__builtin_mul_overflow(a, b, product);
}

} // namespace cvmi
