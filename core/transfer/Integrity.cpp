#include "transfer/Integrity.h"

#include "util/Crc64.h"

namespace cvmi::transfer {

std::optional<Error> Integrity::check(int partNumber, quint64 ours, const QByteArray& header,
                                      bool required)
{
    const QString text = QString::fromLatin1(header).trimmed();
    if (text.isEmpty() && !required)
        return std::nullopt;
    if (text.isEmpty())
        return Error::make(
            QStringLiteral("upload.bad_response"),
            tr("The server sent no CRC-64 (x-cos-hash-crc64ecma) for %1.")
                .arg(partNumber > 0 ? tr("part %1").arg(partNumber) : tr("the object")));
    quint64 theirs = 0;
    if (!util::Crc64::fromDecimal(text, &theirs))
        return Error::make(QStringLiteral("upload.bad_response"),
                           tr("The server sent an unreadable CRC-64 (\"%1\") for %2.")
                               .arg(text.left(40), partNumber > 0 ? tr("part %1").arg(partNumber)
                                                                  : tr("the object")));
    if (theirs == ours)
        return std::nullopt;
    if (partNumber > 0)
        return Error::make(QStringLiteral("upload.crc_mismatch"),
                           tr("Part %1 arrived damaged: the server stored CRC-64 %2, the file's "
                              "bytes have %3. Resume the upload to send the part again; if it "
                              "happens again, check the computer's memory and the network path "
                              "(a proxy that alters data).")
                               .arg(partNumber)
                               .arg(util::Crc64::toDecimal(theirs), util::Crc64::toDecimal(ours)));
    return Error::make(QStringLiteral("upload.crc_mismatch"),
                       tr("The uploaded object differs from the file: COS computed CRC-64 %1, "
                          "the file has %2. Do not import it; upload the file again.")
                           .arg(util::Crc64::toDecimal(theirs), util::Crc64::toDecimal(ours)));
}

quint64 Integrity::combine(const QList<QPair<quint64, qint64>>& crcAndLength)
{
    // Every part but the last has the same length: its shift operator is computed once.
    quint64 crc = 0;
    qint64 operatorLength = -1;
    quint64 shift = 0;
    for (const auto& [partCrc, length] : crcAndLength) {
        if (length != operatorLength) {
            shift = util::Crc64::shiftOperator(quint64(length));
            operatorLength = length;
        }
        crc = util::Crc64::combineWith(shift, crc, partCrc);
    }
    return crc;
}

} // namespace cvmi::transfer
