#include "widgets/CredentialsBox.h"
#include "ui_CredentialsBox.h"

#include "TextTints.h"
#include "widgets/CredentialSourceText.h"

namespace cvmi::ui {

namespace {

bool fromEnvironment(const std::optional<cloud::Credentials>& credentials)
{
    return credentials && credentials->source == QLatin1String("environment");
}

} // namespace

CredentialsBox::CredentialsBox(QWidget* parent)
    : QGroupBox(parent), m_ui(std::make_unique<Ui::CredentialsBox>())
{
    m_ui->setupUi(this);
    // Secondary text: the places looked at, the keyring's answer.
    setTextTint(m_ui->credentialPlaces, TextTint::Secondary);
    setTextTint(m_ui->keyringStatus, TextTint::Secondary);
    m_ui->useTypedCredentials->setChecked(true);
    m_ui->useFoundCredentials->setEnabled(false);
    connect(m_ui->useFoundCredentials, &QRadioButton::toggled, this, [this] {
        enableTyped();
        emit changed();
    });
    for (QLineEdit* edit : {m_ui->secretId, m_ui->secretKey, m_ui->sessionToken})
        connect(edit, &QLineEdit::textEdited, this, &CredentialsBox::changed);
    connect(m_ui->rememberCredentials, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_keyringError.isEmpty())
            m_ui->keyringStatus->setText(on ? m_keyringError : QString());
    });
}

CredentialsBox::~CredentialsBox() = default;

void CredentialsBox::enableTyped()
{
    const bool typed = m_ui->useTypedCredentials->isChecked();
    for (QWidget* w :
         {static_cast<QWidget*>(m_ui->secretId), static_cast<QWidget*>(m_ui->secretKey),
          static_cast<QWidget*>(m_ui->sessionToken),
          static_cast<QWidget*>(m_ui->rememberCredentials)})
        w->setEnabled(typed && !m_fixed);
}

void CredentialsBox::setFixed(const cloud::Credentials& credentials, const QString& note)
{
    m_fixed = true;
    m_found = credentials;
    m_ui->foundCredentials->setText(CredentialSourceText::found(credentials));
    m_ui->useFoundCredentials->setText(tr("Use the &account:"));
    m_ui->credentialPlaces->setText(note);
    m_ui->useFoundCredentials->setEnabled(true);
    m_ui->useFoundCredentials->setChecked(true);
    m_ui->useTypedCredentials->setEnabled(false);
    m_ui->keyringStatus->clear();
}

void CredentialsBox::showLooking()
{
    m_ui->foundCredentials->setText(tr("Looking…"));
}

void CredentialsBox::showDiscovery(const cloud::CredentialDiscovery& discovery)
{
    m_found = discovery.credentials;
    // In plain words: which variables and files, not the core's source names.
    QStringList places;
    for (const cloud::CredentialAttempt& attempt : discovery.tried)
        places.append(CredentialSourceText::attempt(attempt));
    m_ui->credentialPlaces->setText(tr("Looked in: %1").arg(places.join(QStringLiteral("; "))));
    m_ui->foundCredentials->setText(m_found ? CredentialSourceText::found(*m_found)
                                            : tr("none found"));
    m_ui->useFoundCredentials->setEnabled(m_found.has_value());
    // Our own keyring entry was saved on purpose in this program, so it wins over files; the
    // environment still overrides everything, as it does for tccli.
    if (m_found && (fromEnvironment(m_found) || !m_keyringHadEntry))
        m_ui->useFoundCredentials->setChecked(true);
    else
        m_ui->useTypedCredentials->setChecked(true);
}

void CredentialsBox::showKeyringEntry(const std::optional<cloud::Credentials>& stored,
                                      const QString& error, const QString& profile)
{
    if (!error.isEmpty()) {
        // Shown when the user asks to remember, not before: without a keyring the page works
        // as well, only nothing is remembered.
        m_keyringError = error;
        m_ui->keyringStatus->setToolTip(error);
        if (m_ui->rememberCredentials->isChecked())
            m_ui->keyringStatus->setText(error);
        return;
    }
    if (!stored)
        return;
    m_keyringHadEntry = true;
    m_ui->secretId->setText(stored->secretId);
    m_ui->secretKey->setText(stored->secretKey);
    m_ui->sessionToken->setText(stored->token);
    m_ui->rememberCredentials->setChecked(true);
    m_ui->keyringStatus->setText(tr("Read from the system keyring (profile \"%1\").").arg(profile));
    if (!fromEnvironment(m_found))
        m_ui->useTypedCredentials->setChecked(true);
    emit changed();
}

cloud::Credentials CredentialsBox::current() const
{
    if (m_ui->useFoundCredentials->isChecked() && m_found)
        return *m_found;
    cloud::Credentials typed;
    typed.secretId = m_ui->secretId->text().trimmed();
    typed.secretKey = m_ui->secretKey->text().trimmed();
    typed.token = m_ui->sessionToken->text().trimmed();
    typed.source = QStringLiteral("typed");
    return typed;
}

bool CredentialsBox::rememberTicked() const
{
    return m_ui->rememberCredentials->isChecked();
}

void CredentialsBox::setKeyringStatus(const QString& text)
{
    m_ui->keyringStatus->setText(text);
    m_ui->keyringStatus->setToolTip(text);
}

} // namespace cvmi::ui
