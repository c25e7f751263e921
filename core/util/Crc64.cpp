#include "util/Crc64.h"

#include <isa-l/crc64.h>

namespace cvmi::util {

namespace {

// ECMA-182's polynomial 0x42F0E1EBA9EA3693, bit-reversed for the reflected (LSB-first) form.
constexpr quint64 reflectedPolynomial = 0xC96C5795D7870F42ULL;

quint64 gf2MatrixTimes(const quint64* matrix, quint64 vector)
{
    quint64 sum = 0;
    while (vector) {
        if (vector & 1)
            sum ^= *matrix;
        vector >>= 1;
        ++matrix;
    }
    return sum;
}

void gf2MatrixSquare(quint64* square, const quint64* matrix)
{
    for (int n = 0; n < 64; ++n)
        square[n] = gf2MatrixTimes(matrix, matrix[n]);
}

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

quint64 Crc64::combine(quint64 crcA, quint64 crcB, quint64 lengthB)
{
    // zlib's crc32_combine generalised to 64 bits: apply lengthB zero bytes to crcA through
    // repeated squaring of the one-zero-bit operator, then add crcB. The pre/post inversion
    // cancels out because both inputs carry it.
    if (lengthB == 0)
        return crcA;
    quint64 even[64];
    quint64 odd[64];
    odd[0] = reflectedPolynomial; // operator for one zero bit
    quint64 row = 1;
    for (int n = 1; n < 64; ++n) {
        odd[n] = row;
        row <<= 1;
    }
    gf2MatrixSquare(even, odd); // two zero bits
    gf2MatrixSquare(odd, even); // four zero bits
    do {
        gf2MatrixSquare(even, odd); // first pass: one zero byte
        if (lengthB & 1)
            crcA = gf2MatrixTimes(even, crcA);
        lengthB >>= 1;
        if (lengthB == 0)
            break;
        gf2MatrixSquare(odd, even);
        if (lengthB & 1)
            crcA = gf2MatrixTimes(odd, crcA);
        lengthB >>= 1;
    } while (lengthB != 0);
    return crcA ^ crcB;
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
