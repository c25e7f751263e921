#include "SinkCrc.h"

#include <isa-l/crc64.h>

#include <random>
#include <vector>

namespace cvmi::bench::sink {

namespace {

// ECMA-182's polynomial 0x42F0E1EBA9EA3693, bit-reversed for the reflected (LSB-first) form.
constexpr std::uint64_t reflectedPolynomial = 0xC96C5795D7870F42ULL;
constexpr std::uint64_t one = 1ULL << 63; // x^0 in the reflected representation

// a·b mod P over GF(2), both reflected.
std::uint64_t multiplyModP(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t product = 0;
    for (std::uint64_t m = one; m != 0; m >>= 1) {
        if (a & m) {
            product ^= b;
            if ((a & (m - 1)) == 0)
                break;
        }
        b = (b & 1) ? (b >> 1) ^ reflectedPolynomial : b >> 1;
    }
    return product;
}

struct PowerTable {
    std::uint64_t x2n[64]; // x^(2^n) mod P
    PowerTable()
    {
        std::uint64_t p = one >> 1; // x^1
        x2n[0] = p;
        for (int n = 1; n < 64; ++n)
            x2n[n] = p = multiplyModP(p, p);
    }
};

const PowerTable& powers()
{
    static const PowerTable table;
    return table;
}

// x^(n·2^k) mod P.
std::uint64_t powerModP(std::uint64_t n, unsigned k)
{
    std::uint64_t p = one;
    for (; n != 0; n >>= 1, ++k) {
        if (n & 1)
            p = multiplyModP(powers().x2n[k & 63], p);
    }
    return p;
}

} // namespace

std::uint64_t crc64Update(std::uint64_t crc, const void* data, std::size_t length)
{
    if (length == 0)
        return crc;
    // crc64_ecma_refl inverts on entry and exit, so the previous result chains directly.
    return crc64_ecma_refl(crc, static_cast<const unsigned char*>(data), length);
}

std::uint64_t crc64Combine(std::uint64_t crcA, std::uint64_t crcB, std::uint64_t lengthB)
{
    // Appending lengthB zero bytes multiplies the register by x^(8·lengthB); the inversions of
    // the two CRCs cancel out.
    return multiplyModP(powerModP(lengthB, 3), crcA) ^ crcB;
}

bool crc64SelfTest()
{
    std::mt19937_64 random(15);
    std::vector<unsigned char> bytes(1 << 20);
    for (auto& b : bytes)
        b = static_cast<unsigned char>(random());
    if (crc64Update(0, "123456789", 9) != 0x995DC9BBDF1939FAULL) // CRC-64/XZ check value
        return false;
    const std::uint64_t whole = crc64Update(0, bytes.data(), bytes.size());
    for (std::size_t split : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(4096),
                              std::size_t(333333), bytes.size() - 1, bytes.size()}) {
        const std::uint64_t a = crc64Update(0, bytes.data(), split);
        const std::uint64_t b = crc64Update(0, bytes.data() + split, bytes.size() - split);
        if (crc64Combine(a, b, bytes.size() - split) != whole)
            return false;
    }
    return true;
}

} // namespace cvmi::bench::sink
