#include "util/Crc64.h"

#include <isa-l/crc64.h>

namespace cvmi::util {

namespace {

// ECMA-182's polynomial 0x42F0E1EBA9EA3693, bit-reversed for the reflected (LSB-first) form.
constexpr quint64 reflectedPolynomial = 0xC96C5795D7870F42ULL;

// Multiplication modulo the polynomial in the reflected representation, where the bit for x^0 is
// the top bit: a·b mod P in at most 64 shift-and-add steps.
constexpr quint64 multiplyModP(quint64 a, quint64 b)
{
    constexpr quint64 top = quint64(1) << 63; // x^0
    quint64 product = 0;
    for (quint64 m = top; m != 0; m >>= 1) {
        if (a & m) {
            product ^= b;
            if ((a & (m - 1)) == 0)
                break;
        }
        b = (b & 1) ? (b >> 1) ^ reflectedPolynomial : b >> 1;
    }
    return product;
}

// x^(2^k) mod P for k = 0..63: squaring the previous entry. 64 products, once, at compile time.
struct PowersOfX {
    quint64 x2k[64] = {};
    constexpr PowersOfX()
    {
        quint64 p = quint64(1) << 62; // x^1
        for (int k = 0; k < 64; ++k) {
            x2k[k] = p;
            p = multiplyModP(p, p);
        }
    }
};
constexpr PowersOfX powersOfX;

} // namespace

void Crc64::update(const void* data, qsizetype length)
{
    if (length <= 0)
        return;
    // crc64_ecma_refl inverts the seed on entry and the result on exit, so feeding it the
    // previous result continues the same CRC: chaining needs no extra XOR here.
    m_value = crc64_ecma_refl(m_value, static_cast<const unsigned char*>(data),
                              static_cast<quint64>(length));
}

quint64 Crc64::compute(const void* data, qsizetype length)
{
    Crc64 crc;
    crc.update(data, length);
    return crc.value();
}

quint64 Crc64::shiftOperator(quint64 lengthB)
{
    // x^(8·lengthB) mod P from the table of x^(2^k): one product per set bit of 8·lengthB.
    quint64 op = quint64(1) << 63; // x^0
    quint64 n = lengthB;
    for (int k = 3; n != 0 && k < 64; n >>= 1, ++k) {
        if (n & 1)
            op = multiplyModP(powersOfX.x2k[k], op);
    }
    return op;
}

quint64 Crc64::combineWith(quint64 shift, quint64 crcA, quint64 crcB)
{
    // Appending B's bytes to A multiplies A's CRC by x^(8·|B|) (mod P) and adds B's: the pre-
    // and post-inversion of both values cancel out, as in zlib's crc32_combine.
    return multiplyModP(shift, crcA) ^ crcB;
}

quint64 Crc64::combine(quint64 crcA, quint64 crcB, quint64 lengthB)
{
    return combineWith(shiftOperator(lengthB), crcA, crcB);
}

bool Crc64::fromDecimal(const QString& text, quint64* crc)
{
    if (text.isEmpty() || text.size() > 20)
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    if (ok && crc)
        *crc = value;
    return ok;
}

} // namespace cvmi::util
