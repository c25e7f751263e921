#pragma once

#include "cloud/Credentials.h"

#include <QCoreApplication>
#include <QString>

namespace cvmi::ui {

// Where credentials came from, in the user's words rather than the core's source names
// ("environment", "tccli profile default", "coscli ~/.cos.yaml"): "the environment variables
// TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY", "typed here", "the coscli configuration
// ~/.cos.yaml". The Account page's credentials box shows these; logs keep the short names.
class CredentialSourceText {
    Q_DECLARE_TR_FUNCTIONS(cvmi::ui::CredentialSourceText)
public:
    // The place a source names, as a noun phrase ("tccli's profile “default”,
    // ~/.tccli/default.credential"); an unknown source as it is.
    static QString place(const QString& source);
    // "AKID… from the coscli configuration ~/.cos.yaml": the redacted SecretId and its place.
    static QString found(const cloud::Credentials& credentials);
    // One place looked at and what was there: "~/.cos.yaml, coscli's configuration: used".
    static QString attempt(const cloud::CredentialAttempt& attempt);
};

} // namespace cvmi::ui
