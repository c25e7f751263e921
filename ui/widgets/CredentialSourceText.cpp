#include "widgets/CredentialSourceText.h"

namespace cvmi::ui {

namespace {

const QString kTccliPrefix = QStringLiteral("tccli profile ");

QString outcomeText(cloud::CredentialAttempt::Outcome outcome)
{
    switch (outcome) {
    case cloud::CredentialAttempt::Outcome::Used:
        return CredentialSourceText::tr("used");
    case cloud::CredentialAttempt::Outcome::Invalid:
        return CredentialSourceText::tr("unusable");
    case cloud::CredentialAttempt::Outcome::NotPresent:
        break;
    }
    return CredentialSourceText::tr("nothing there");
}

} // namespace

QString CredentialSourceText::place(const QString& source)
{
    // The source names of cloud::CredentialSources and CredentialStore, and the demo's.
    if (source == QLatin1String("environment"))
        return tr("the environment variables TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY");
    if (source.startsWith(kTccliPrefix)) {
        const QString profile = source.mid(kTccliPrefix.size());
        return tr("tccli's profile “%1”, ~/.tccli/%1.credential").arg(profile);
    }
    if (source == QLatin1String("SDK profile ~/.tencentcloud/credentials"))
        return tr("the Tencent Cloud SDK credentials file ~/.tencentcloud/credentials");
    if (source == QLatin1String("coscli ~/.cos.yaml"))
        return tr("the coscli configuration ~/.cos.yaml");
    if (source == QLatin1String("keyring"))
        return tr("the system keyring");
    if (source == QLatin1String("typed"))
        return tr("typed here");
    if (source == QLatin1String("demo"))
        return tr("the demo's local emulator");
    return source;
}

QString CredentialSourceText::found(const cloud::Credentials& credentials)
{
    cloud::Credentials bare = credentials;
    bare.source.clear(); // redacted() alone decides how much of the SecretId shows
    if (credentials.source.isEmpty())
        return bare.redacted();
    if (credentials.source == QLatin1String("typed"))
        return tr("%1, typed here").arg(bare.redacted());
    return tr("%1 from %2").arg(bare.redacted(), place(credentials.source));
}

QString CredentialSourceText::attempt(const cloud::CredentialAttempt& attempt)
{
    QString text = tr("%1: %2").arg(place(attempt.source), outcomeText(attempt.outcome));
    if (attempt.outcome == cloud::CredentialAttempt::Outcome::Invalid && !attempt.detail.isEmpty())
        text += QStringLiteral(" (") + attempt.detail + u')';
    return text;
}

} // namespace cvmi::ui
