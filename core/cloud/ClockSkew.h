#pragma once

// The server's time from an HTTP Date header, and the sentence that tells the user their clock
// is off. Both CVM (AuthFailure.SignatureExpire) and COS (RequestTimeTooSkewed) are retried once
// with the offset measured here.
#include <QByteArray>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QString>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcCloud)

namespace cvmi::cloud {

class ClockSkew {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cloud::ClockSkew)
public:
    // RFC 7231 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") parsed with an explicit format, as
    // Qt 6.4's Qt::RFC2822Date rejects the "GMT" zone name; also accepts "+0000". Unix seconds.
    static std::optional<qint64> parseHttpDate(const QByteArray& value);

    // "Your computer's clock is 3600 s behind the server's; ..." (positive: the server is ahead).
    static QString describe(qint64 serverMinusLocalSeconds);
};

} // namespace cvmi::cloud
