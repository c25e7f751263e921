#pragma once

// The text a cloud command prints comes partly from the service (its messages) and from files
// (paths, records). Whatever they say, the secret key and the token of the credentials in use
// never reach the terminal or a script's log: every such string passes through here.
#include "cloud/Credentials.h"

#include <QStringList>

namespace cvmi::cli {

class SecretScrubber {
public:
    void setSecrets(const cloud::Credentials& credentials)
    {
        m_secrets = {credentials.secretKey, credentials.token};
        m_secrets.removeAll(QString());
    }
    QString operator()(QString text) const
    {
        for (const QString& secret : m_secrets)
            text.replace(secret, QStringLiteral("<redacted>"));
        return text;
    }

private:
    QStringList m_secrets;
};

} // namespace cvmi::cli
