#pragma once

// CRC-64/ECMA as COS computes x-cos-hash-crc64ecma (CRC-64/XZ: ECMA-182 polynomial, reflected,
// register and result inverted), through ISA-L's vectorised crc64_ecma_refl so that checking a
// multi-gigabyte upload costs memory bandwidth, not CPU time. combine() joins the CRCs of
// consecutive byte ranges, which is how a completed multipart object's value follows from its
// parts' values without reading the parts again.
#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace cvmi::util {

class Crc64 {
public:
    Crc64() = default;
    explicit Crc64(quint64 initial) : m_value(initial) {}

    // Feeds the next bytes; the running value is always the CRC of everything fed so far.
    void update(const void* data, qsizetype length);
    void update(const QByteArray& data) { update(data.constData(), data.size()); }
    quint64 value() const { return m_value; }

    // One-shot CRC of a buffer.
    static quint64 compute(const void* data, qsizetype length);
    static quint64 compute(const QByteArray& data)
    {
        return compute(data.constData(), data.size());
    }

    // The CRC of A followed by B, given crc(A), crc(B) and B's length: crc(A)·x^(8·lengthB) +
    // crc(B) over GF(2) modulo the polynomial (the method of zlib 1.2.12's crc32_combine), in at
    // most ~40 products of 64 steps each; ISA-L has no combine of its own.
    static quint64 combine(quint64 crcA, quint64 crcB, quint64 lengthB);
    // The same in two halves, for many parts of one length: shiftOperator(length) once, then
    // combineWith() per part, a single 64-step product.
    static quint64 shiftOperator(quint64 lengthB);
    static quint64 combineWith(quint64 shift, quint64 crcA, quint64 crcB);

    // COS's header form: the unsigned decimal value, e.g. "11051210869376104954".
    static QString toDecimal(quint64 crc) { return QString::number(crc); }
    // Parses the header form; nullopt-like false on anything but a plain unsigned decimal.
    static bool fromDecimal(const QString& text, quint64* crc);

private:
    quint64 m_value = 0; // the CRC of the empty input is 0
};

} // namespace cvmi::util
