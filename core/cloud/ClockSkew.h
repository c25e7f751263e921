#pragma once

// The server's time from an HTTP Date header, which answers mean "your clock is off", and the
// sentence that tells the user. CVM (AuthFailure.SignatureExpire) and COS (RequestTimeTooSkewed,
// or AccessDenied "Request has expired" when the signature's key time ended before the server's
// now) are retried once with the offset measured here, as the vendor's COS SDK does
// (docs/vendor-differences.md, "Clock").
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

    // COS's answers to a request whose signature time the server's clock rejects: exactly the
    // vendor SDK's test (code RequestTimeTooSkewed, or AccessDenied with this very message; any
    // other AccessDenied is a permission and must not be retried).
    static bool isCosClockError(const QString& code, const QString& message);

    // A correction is worth a retry only when the server's time is this far from our corrected
    // clock (the SDK's 30 s): otherwise the clock is not what went wrong.
    static constexpr qint64 minCorrectionSeconds = 30;
    // The offset (server minus local) to sign with from now on, given the server's time, the
    // local time and the offset the failed request was signed with; nothing when the request's
    // clock was already within minCorrectionSeconds of the server's.
    static std::optional<qint64> correction(qint64 serverTime, qint64 localNow,
                                            qint64 signedOffset);

    // "Your computer's clock is 3600 s behind the server's; ..." (positive: the server is ahead).
    static QString describe(qint64 serverMinusLocalSeconds);
};

} // namespace cvmi::cloud
