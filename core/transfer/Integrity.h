#pragma once

// The end-to-end proof: what the server says it stored (x-cos-hash-crc64ecma on each part and
// on the completed object) against what we read from the file. A missing header is not an
// error (S3 stores send none; Content-MD5 guards those parts); a different value is, and names
// the part so that the user knows which bytes went wrong.
#include "util/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <optional>

namespace cvmi::transfer {

class Integrity {
    Q_DECLARE_TR_FUNCTIONS(cvmi::transfer::Integrity)
public:
    // partNumber 0: the whole object. nullopt when the header is equal, or absent and not
    // required (a COS answer always carries it: there its absence is an answer gone wrong).
    static std::optional<Error> check(int partNumber, quint64 ours, const QByteArray& header,
                                      bool required = false);
    // The whole object's CRC from its parts' CRCs and lengths, in part order.
    static quint64 combine(const QList<QPair<quint64, qint64>>& crcAndLength);
};

} // namespace cvmi::transfer
