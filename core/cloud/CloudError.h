#pragma once

// A failure reported by Tencent Cloud (CVM API 3.0 or COS) or on the way to it, with what the
// user needs: the service's own code and message, the RequestId to quote to support, and in
// plain words what it means and what to do. The tables cover every error code documented for the
// actions and operations the wizard uses (../shared/spec/tencentcloud-api.md) plus the ones the
// emulator answers; an unknown code falls back to its family (UnauthorizedOperation.*, ...).
#include <QCoreApplication>
#include <QString>

namespace cvmi::cloud {

struct CloudError {
    QString code;      // the service's code ("AuthFailure.SignatureExpire", "NoSuchBucket"), or
                       // ours for transport failures ("Network.Timeout", "Network.Failure", ...)
    QString message;   // the service's message, as sent
    QString requestId; // RequestId (CVM) or x-cos-request-id / <RequestId> (COS); may be empty
    int httpStatus = 0;
    QString userMessage; // what happened, in plain words
    QString remedy;      // what to do about it

    bool isSet() const { return !code.isEmpty(); }
    // "userMessage remedy (code, RequestId ...)" for logs and the CLI.
    QString toString() const;
};

struct ErrorAdvice {
    QString userMessage;
    QString remedy;
};

class CloudErrors {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cloud::CloudErrors)
public:
    static ErrorAdvice cvm(const QString& code);
    static ErrorAdvice cos(const QString& code);
    static ErrorAdvice network(const QString& code, const QString& detail);

    // Fills userMessage and remedy from the matching table.
    static CloudError cvmError(const QString& code, const QString& message,
                               const QString& requestId, int httpStatus = 200);
    static CloudError cosError(const QString& code, const QString& message,
                               const QString& requestId, int httpStatus);
    static CloudError networkError(const QString& code, const QString& detail);

    // What grants the import permission, shared by the CVM table and the permission check.
    static QString importPermissionRemedy();
};

} // namespace cvmi::cloud
