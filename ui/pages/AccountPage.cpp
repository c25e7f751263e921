#include "pages/AccountPage.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "dialogs/CreateBucketDialog.h"
#include "dialogs/EndpointsDialog.h"
#include "widgets/PermissionList.h"

#include "cloud/BucketName.h"
#include "cloud/CosClient.h"
#include "cloud/CredentialStore.h"
#include "cloud/CvmClient.h"
#include "cloud/KeychainCredentialStore.h"
#include "cloud/PermissionCheck.h"
#include "cloud/Regions.h"
#include "settings/AppSettings.h"
#include "util/FutureReply.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cvmi::ui {

namespace {

using Item = cloud::PermissionLine::Item;
using State = cloud::PermissionLine::State;

// Used until DescribeRegions answers (it needs working credentials); the service's own list
// replaces it.
QList<QPair<QString, QString>> shippedRegions()
{
    QList<QPair<QString, QString>> regions;
    for (const cloud::KnownRegion& region : cloud::Regions::importRegions())
        regions.append({region.id, region.name});
    return regions;
}

QString regionLabel(const QString& id, const QString& name)
{
    return name.isEmpty() || name == id ? id : id + QStringLiteral(" — ") + name;
}

QLabel* plainLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

// Secondary text (the places looked at, the keyring's answer): the palette's placeholder
// colour, so it follows light and dark themes.
void makeSecondary(QLabel* label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
}

QString outcomeText(cloud::CredentialAttempt::Outcome outcome)
{
    switch (outcome) {
    case cloud::CredentialAttempt::Outcome::Used:
        return AccountPage::tr("used");
    case cloud::CredentialAttempt::Outcome::Invalid:
        return AccountPage::tr("unusable");
    case cloud::CredentialAttempt::Outcome::NotPresent:
        break;
    }
    return AccountPage::tr("nothing there");
}

} // namespace

AccountPage::AccountPage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_store(new cloud::KeychainCredentialStore(this)),
      m_discoverer([] {
          return cloud::CredentialSources::discover(QDir::homePath(),
                                                    QProcessEnvironment::systemEnvironment());
      }),
      m_useFound(new QRadioButton(tr("Use the credentials foun&d:"), this)),
      m_useTyped(new QRadioButton(tr("&Enter credentials:"), this)),
      m_foundLabel(plainLabel(tr("Looking…"), this)), m_lookedLabel(plainLabel({}, this)),
      m_secretId(new QLineEdit(this)), m_secretKey(new QLineEdit(this)),
      m_token(new QLineEdit(this)),
      m_remember(new QCheckBox(tr("&Remember in the system keyring"), this)),
      m_keyringLabel(plainLabel({}, this)), m_regionBox(new QComboBox(this)),
      m_endpointsButton(new QPushButton(tr("Endpoint&s…"), this)),
      m_endpointsLabel(plainLabel({}, this)), m_checkButton(new QPushButton(tr("&Check"), this)),
      m_checkStatus(plainLabel({}, this)), m_lines(new PermissionList(this)),
      m_bucketBox(new QComboBox(this)),
      m_createButton(new QPushButton(tr("Crea&te Bucket…"), this)),
      m_bucketStatus(plainLabel({}, this))
{
    setObjectName(QStringLiteral("accountPage"));
    setTitle(ImportWizard::pageTitle(tr("Connect your Tencent Cloud account")));
    m_askBucketName = [this](const QString& appId) -> std::optional<QString> {
        CreateBucketDialog dialog(region(), appId, this);
        if (dialog.exec() != QDialog::Accepted || dialog.bucket().isEmpty())
            return std::nullopt;
        return dialog.bucket();
    };
    buildLayout();
    fillRegions(shippedRegions());
    setRegion(cloud::Regions::defaultRegion());
    updateEndpointsLabel();
    m_useTyped->setChecked(true);
    m_useFound->setEnabled(false);

    connect(m_useFound, &QRadioButton::toggled, this, [this] {
        const bool typed = m_useTyped->isChecked();
        for (QWidget* w : {static_cast<QWidget*>(m_secretId), static_cast<QWidget*>(m_secretKey),
                           static_cast<QWidget*>(m_token), static_cast<QWidget*>(m_remember)})
            w->setEnabled(typed && !m_fixed);
        invalidate();
    });
    for (QLineEdit* edit : {m_secretId, m_secretKey, m_token})
        connect(edit, &QLineEdit::textEdited, this, &AccountPage::invalidate);
    connect(m_regionBox, &QComboBox::currentIndexChanged, this, &AccountPage::invalidate);
    connect(m_remember, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_keyringError.isEmpty())
            m_keyringLabel->setText(on ? m_keyringError : QString());
    });
    connect(m_endpointsButton, &QPushButton::clicked, this, &AccountPage::editEndpoints);
    connect(m_checkButton, &QPushButton::clicked, this, &AccountPage::startCheck);
    connect(m_bucketBox, &QComboBox::currentIndexChanged, this, &AccountPage::onBucketChosen);
    connect(m_createButton, &QPushButton::clicked, this, &AccountPage::askAndCreateBucket);
    invalidate();
}

AccountPage::~AccountPage() = default;

void AccountPage::buildLayout()
{
    auto* intro = plainLabel(
        tr("The import needs an account that may call ImportImage and a COS bucket in the same "
           "region for the upload. Choose the credentials and the region, then Check."),
        this);

    auto* credentialsBox = new QGroupBox(tr("Credentials"), this);
    m_useFound->setObjectName(QStringLiteral("useFoundCredentials"));
    m_useTyped->setObjectName(QStringLiteral("useTypedCredentials"));
    auto* sourceGroup = new QButtonGroup(this);
    sourceGroup->addButton(m_useFound);
    sourceGroup->addButton(m_useTyped);
    m_foundLabel->setObjectName(QStringLiteral("foundCredentials"));
    m_lookedLabel->setObjectName(QStringLiteral("credentialPlaces"));
    m_lookedLabel->setAccessibleName(tr("Places looked at for credentials"));
    makeSecondary(m_lookedLabel);

    m_secretId->setObjectName(QStringLiteral("secretId"));
    m_secretId->setAccessibleName(tr("SecretId"));
    m_secretId->setPlaceholderText(QStringLiteral("AKID…"));
    m_secretKey->setObjectName(QStringLiteral("secretKey"));
    m_secretKey->setAccessibleName(tr("SecretKey"));
    m_secretKey->setEchoMode(QLineEdit::Password);
    m_token->setObjectName(QStringLiteral("sessionToken"));
    m_token->setAccessibleName(tr("Session token (optional)"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("only for temporary credentials"));
    m_remember->setObjectName(QStringLiteral("rememberCredentials"));
    m_remember->setToolTip(tr("Saved in GNOME Keyring, KWallet or another Secret Service, never "
                              "in a file of this program."));
    m_keyringLabel->setObjectName(QStringLiteral("keyringStatus"));
    makeSecondary(m_keyringLabel);

    auto* typedForm = new QFormLayout;
    typedForm->setContentsMargins(24, 0, 0, 0);
    typedForm->addRow(tr("Secret&Id:"), m_secretId);
    typedForm->addRow(tr("Secret&Key:"), m_secretKey);
    typedForm->addRow(tr("Session t&oken:"), m_token);
    auto* rememberRow = new QHBoxLayout;
    rememberRow->addWidget(m_remember);
    rememberRow->addWidget(m_keyringLabel, 1);
    typedForm->addRow(QString(), rememberRow);

    auto* foundRow = new QHBoxLayout;
    foundRow->addWidget(m_useFound);
    foundRow->addWidget(m_foundLabel, 1);
    auto* lookedRow = new QHBoxLayout;
    lookedRow->setContentsMargins(24, 0, 0, 0);
    lookedRow->addWidget(m_lookedLabel);
    auto* credentialsLayout = new QVBoxLayout(credentialsBox);
    credentialsLayout->setSpacing(4);
    credentialsLayout->addLayout(foundRow);
    credentialsLayout->addLayout(lookedRow);
    credentialsLayout->addWidget(m_useTyped);
    credentialsLayout->addLayout(typedForm);

    m_regionBox->setObjectName(QStringLiteral("region"));
    m_regionBox->setAccessibleName(tr("Region"));
    m_regionBox->setMinimumContentsLength(30);
    m_regionBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* regionLabelWidget = new QLabel(tr("Re&gion:"), this);
    regionLabelWidget->setBuddy(m_regionBox);
    m_endpointsButton->setObjectName(QStringLiteral("editEndpoints"));
    m_endpointsButton->setToolTip(tr("Send the requests to a gateway or a local emulator"));
    m_endpointsLabel->setObjectName(QStringLiteral("endpointsSummary"));
    m_endpointsLabel->setWordWrap(false);
    makeSecondary(m_endpointsLabel);
    auto* regionRow = new QHBoxLayout;
    regionRow->addWidget(regionLabelWidget);
    regionRow->addWidget(m_regionBox);
    regionRow->addStretch(1);
    regionRow->addWidget(m_endpointsLabel);
    regionRow->addWidget(m_endpointsButton);

    m_checkButton->setObjectName(QStringLiteral("checkAccount"));
    m_checkButton->setToolTip(
        tr("Check the credentials, the region, the import permission and COS"));
    m_checkStatus->setObjectName(QStringLiteral("checkStatus"));
    auto* checkRow = new QHBoxLayout;
    checkRow->addWidget(m_checkButton);
    checkRow->addWidget(m_checkStatus, 1);

    m_bucketBox->setObjectName(QStringLiteral("bucket"));
    m_bucketBox->setAccessibleName(tr("Bucket for the upload"));
    m_bucketBox->setMinimumContentsLength(30);
    m_bucketBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* bucketLabel = new QLabel(tr("B&ucket:"), this);
    bucketLabel->setBuddy(m_bucketBox);
    m_createButton->setObjectName(QStringLiteral("createBucket"));
    m_bucketStatus->setObjectName(QStringLiteral("bucketStatus"));
    auto* bucketRow = new QHBoxLayout;
    bucketRow->addWidget(bucketLabel);
    bucketRow->addWidget(m_bucketBox);
    bucketRow->addWidget(m_createButton);
    bucketRow->addWidget(m_bucketStatus, 1);

    auto* layout = new QVBoxLayout(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    layout->setContentsMargins(margin, 4, margin, 0);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(credentialsBox);
    layout->addLayout(regionRow);
    layout->addLayout(checkRow);
    layout->addWidget(m_lines);
    layout->addLayout(bucketRow);
    layout->addStretch(1);

    // Reading order: where the credentials come from, the typed fields, then what to check.
    QWidget* order[] = {m_useFound,    m_useTyped,  m_secretId,    m_secretKey,
                        m_token,       m_remember,  m_regionBox,   m_endpointsButton,
                        m_checkButton, m_bucketBox, m_createButton};
    for (size_t i = 0; i + 1 < std::size(order); ++i)
        setTabOrder(order[i], order[i + 1]);
}

void AccountPage::setCredentialStore(cloud::CredentialStore* store)
{
    m_store = store;
}

void AccountPage::setSettings(settings::AppSettings* settings)
{
    m_settings = settings;
    if (!settings)
        return;
    Error error;
    const cloud::CloudEndpoints endpoints = settings->endpoints(&error);
    m_cvmOverride = endpoints.cvmEndpoint().host() == cloud::CloudEndpoints::defaultCvmHost()
                        ? QString()
                        : settings->cvmEndpoint();
    m_cosOverride = endpoints.cosEndpoint() ? settings->cosEndpoint() : QString();
    m_endpoints = endpoints;
    if (error.isSet())
        m_checkStatus->setText(error.message);
    if (!settings->region().isEmpty())
        setRegion(settings->region());
    updateEndpointsLabel();
}

void AccountPage::setDiscoverer(Discoverer discoverer)
{
    m_discoverer = std::move(discoverer);
}

void AccountPage::setBucketNameAsker(BucketNameAsker asker)
{
    m_askBucketName = std::move(asker);
}

void AccountPage::setFixedAccount(const cloud::Credentials& credentials,
                                  const cloud::CloudEndpoints& endpoints, const QString& cvmText,
                                  const QString& cosText, const QString& note)
{
    m_fixed = true;
    m_discovered = true;
    m_found = credentials;
    m_endpoints = endpoints;
    m_cvmOverride = cvmText;
    m_cosOverride = cosText;
    m_foundLabel->setText(credentials.redacted());
    m_useFound->setText(tr("Use the &account:"));
    m_lookedLabel->setText(note);
    m_useFound->setEnabled(true);
    m_useFound->setChecked(true);
    m_useTyped->setEnabled(false);
    m_endpointsButton->setEnabled(false);
    m_keyringLabel->clear();
    if (!credentials.region.isEmpty())
        setRegion(credentials.region);
    updateEndpointsLabel();
    invalidate();
}

void AccountPage::initializePage()
{
    if (!m_discovered)
        discover();
}

void AccountPage::discover()
{
    if (m_fixed)
        return;
    m_discovered = true;
    m_foundLabel->setText(tr("Looking…"));
    // Two answers to wait for: the files and variables (read on a worker, some are decrypted),
    // and the keyring (which may ask the user to unlock it).
    auto pending = std::make_shared<int>(2);
    auto done = [this, pending] {
        if (--*pending == 0)
            emit discoveryShown();
    };
    util::onResult(QtConcurrent::run(m_discoverer), this,
                   [this, done](const cloud::CredentialDiscovery& d) {
                       showDiscovery(d);
                       done();
                   });
    util::onResult(m_store->load(profile()), this,
                   [this, done](const cloud::CredentialStoreResult& r) {
                       showKeyringEntry(r.credentials, r.error.message);
                       done();
                   });
}

void AccountPage::showDiscovery(const cloud::CredentialDiscovery& discovery)
{
    m_found = discovery.credentials;
    QStringList places;
    const QString home = QDir::toNativeSeparators(QDir::homePath());
    for (const cloud::CredentialAttempt& attempt : discovery.tried) {
        // Short forms: the four variable names share a prefix, and the files live in the home.
        QString location = attempt.location;
        if (attempt.source == QLatin1String("environment"))
            location = tr("the TENCENTCLOUD_* variables");
        else if (!home.isEmpty() && location.startsWith(home + QDir::separator()))
            location = u'~' + location.mid(home.size());
        QString place = location + QStringLiteral(": ") + outcomeText(attempt.outcome);
        if (attempt.outcome == cloud::CredentialAttempt::Outcome::Invalid)
            place += QStringLiteral(" (") + attempt.detail + u')';
        places.append(place);
    }
    m_lookedLabel->setText(tr("Looked in: %1").arg(places.join(QStringLiteral("; "))));
    if (m_found) {
        m_foundLabel->setText(m_found->redacted());
        m_useFound->setEnabled(true);
        if (!m_found->region.isEmpty())
            setRegion(m_found->region);
    } else {
        m_foundLabel->setText(tr("none found"));
        m_useFound->setEnabled(false);
    }
    // Our own keyring entry was saved on purpose in this program, so it wins over files; the
    // environment still overrides everything, as it does for tccli.
    const bool fromEnvironment = m_found && m_found->source == QLatin1String("environment");
    if (m_found && (fromEnvironment || !m_keyringHadEntry))
        m_useFound->setChecked(true);
    else
        m_useTyped->setChecked(true);
}

void AccountPage::showKeyringEntry(const std::optional<cloud::Credentials>& stored,
                                   const QString& error)
{
    if (!error.isEmpty()) {
        // Shown when the user asks to remember, not before: without a keyring the page works
        // as well, only nothing is remembered.
        m_keyringError = error;
        m_keyringLabel->setToolTip(error);
        if (m_remember->isChecked())
            m_keyringLabel->setText(error);
        return;
    }
    if (!stored)
        return;
    m_keyringHadEntry = true;
    m_secretId->setText(stored->secretId);
    m_secretKey->setText(stored->secretKey);
    m_token->setText(stored->token);
    m_remember->setChecked(true);
    m_keyringLabel->setText(tr("Read from the system keyring (profile \"%1\").").arg(profile()));
    if (!(m_found && m_found->source == QLatin1String("environment")))
        m_useTyped->setChecked(true);
    invalidate();
}

QString AccountPage::profile() const
{
    return m_settings ? m_settings->profile() : settings::AppSettings::defaultProfile();
}

bool AccountPage::setEndpointOverrides(const QString& cvm, const QString& cos, Error* error)
{
    cloud::CloudEndpoints endpoints;
    if (!endpoints.setCvmEndpoint(cvm.trimmed(), error) ||
        !endpoints.setCosEndpoint(cos.trimmed(), error)) {
        m_checkStatus->setText(error ? error->message : QString());
        return false;
    }
    m_endpoints = endpoints;
    m_cvmOverride = cvm.trimmed();
    m_cosOverride = cos.trimmed();
    updateEndpointsLabel();
    invalidate();
    return true;
}

void AccountPage::updateEndpointsLabel()
{
    if (m_cvmOverride.isEmpty() && m_cosOverride.isEmpty()) {
        m_endpointsLabel->setText(tr("Endpoints: Tencent Cloud"));
        return;
    }
    if (m_cvmOverride == m_cosOverride) {
        m_endpointsLabel->setText(tr("Endpoints: %1 (CVM and COS)").arg(m_cvmOverride));
        return;
    }
    QStringList parts;
    if (!m_cvmOverride.isEmpty())
        parts.append(tr("CVM %1").arg(m_cvmOverride));
    if (!m_cosOverride.isEmpty())
        parts.append(tr("COS %1").arg(m_cosOverride));
    m_endpointsLabel->setText(tr("Endpoints: %1").arg(parts.join(QStringLiteral(", "))));
}

void AccountPage::editEndpoints()
{
    auto* dialog = new EndpointsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOverrides(m_cvmOverride, m_cosOverride);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        setEndpointOverrides(dialog->cvmOverride(), dialog->cosOverride(), nullptr);
    });
    dialog->open();
}

void AccountPage::fillRegions(const QList<QPair<QString, QString>>& regions)
{
    const QString current = region();
    const QSignalBlocker blocker(m_regionBox);
    m_regionBox->clear();
    for (const auto& [id, name] : regions)
        m_regionBox->addItem(regionLabel(id, name), id);
    if (!current.isEmpty()) {
        if (m_regionBox->findData(current) < 0)
            m_regionBox->addItem(current, current);
        m_regionBox->setCurrentIndex(m_regionBox->findData(current));
    }
}

void AccountPage::setRegion(const QString& id)
{
    if (id.isEmpty())
        return;
    int index = m_regionBox->findData(id);
    if (index < 0) {
        m_regionBox->addItem(id, id);
        index = m_regionBox->count() - 1;
    }
    m_regionBox->setCurrentIndex(index);
}

QString AccountPage::region() const
{
    return m_regionBox->currentData().toString();
}

cloud::Credentials AccountPage::currentCredentials() const
{
    if (m_useFound->isChecked() && m_found)
        return *m_found;
    cloud::Credentials typed;
    typed.secretId = m_secretId->text().trimmed();
    typed.secretKey = m_secretKey->text().trimmed();
    typed.token = m_token->text().trimmed();
    typed.source = QStringLiteral("typed");
    return typed;
}

bool AccountPage::isChecking() const
{
    // Through a plain pointer: GCC 12 at -O3 sees QPointer's two loads as a possible null.
    const cloud::PermissionCheck* check = m_check.data();
    return check != nullptr && check->isRunning();
}

void AccountPage::invalidate()
{
    if (m_check) {
        m_check->disconnect(this);
        m_check->deleteLater();
        m_check = nullptr;
    }
    m_checkPassed = false;
    m_lines->reset();
    {
        const QSignalBlocker blocker(m_bucketBox);
        m_bucketBox->clear();
        m_bucketBox->setPlaceholderText(tr("Check first"));
    }
    m_bucketBox->setEnabled(false);
    m_createButton->setEnabled(false);
    m_bucketStatus->clear();
    m_checkButton->setEnabled(true);
    m_checkStatus->setText(
        currentCredentials().isUsable() ? QString() : tr("Enter a SecretId and a SecretKey."));
    m_session->setBucket({});
    emit completeChanged();
}

void AccountPage::startCheck()
{
    const cloud::Credentials credentials = currentCredentials();
    invalidate();
    if (!credentials.isUsable()) {
        m_checkStatus->setText(
            tr("Enter a SecretId and a SecretKey first (Tencent Cloud console → Access "
               "Management → API Keys), or choose credentials that were found."));
        return;
    }
    const QString chosenRegion = region();
    if (m_settings) {
        Error ignored; // both were validated when set
        m_settings->setRegion(chosenRegion, &ignored);
        m_settings->setCvmEndpoint(m_cvmOverride, &ignored);
        m_settings->setCosEndpoint(m_cosOverride, &ignored);
    }
    m_session->setAccount(credentials, chosenRegion, m_endpoints);
    auto* check =
        new cloud::PermissionCheck(m_session->cvm(), m_session->cos(), chosenRegion, this);
    m_check = check;
    connect(check, &cloud::PermissionCheck::lineChanged, this, &AccountPage::onLineChanged);
    connect(check, &cloud::PermissionCheck::finished, this, &AccountPage::onCheckFinished);
    m_lines->setLines(check->lines());
    m_checkButton->setEnabled(false);
    m_checkStatus->setText(tr("Checking %1 in %2…").arg(credentials.redacted(), chosenRegion));
    check->start();
}

void AccountPage::onLineChanged(int index, const cloud::PermissionLine& line)
{
    m_lines->setLine(index, line);
    if (line.item == Item::Credentials && line.state == State::Ok) {
        rememberCredentials(m_session->credentials());
        loadRegions();
    }
}

void AccountPage::rememberCredentials(const cloud::Credentials& credentials)
{
    if (m_fixed || credentials.source != QLatin1String("typed"))
        return;
    const bool remember = m_remember->isChecked();
    if (!remember && !m_keyringHadEntry)
        return;
    auto answer = remember ? m_store->store(profile(), credentials) : m_store->remove(profile());
    util::onResult(answer, this, [this, remember](const cloud::CredentialStoreResult& result) {
        if (result.ok()) {
            m_keyringHadEntry = remember;
            m_keyringLabel->setText(remember ? tr("Saved in the system keyring.")
                                             : tr("Removed from the system keyring."));
        } else {
            m_keyringLabel->setText(result.error.message);
        }
        m_keyringLabel->setToolTip(m_keyringLabel->text());
        emit keyringDone(result.error.message);
    });
}

void AccountPage::loadRegions()
{
    cloud::CvmClient* cvm = m_session->cvm();
    util::onResult(cvm->describeRegions(), this,
                   [this, cvm](const cloud::CloudResult<QList<cloud::CvmRegion>>& result) {
                       // A newer account may have replaced the client meanwhile; its own check asks
                       // again.
                       if (cvm != m_session->cvm() || !result.ok())
                           return;
                       QList<QPair<QString, QString>> regions;
                       for (const cloud::CvmRegion& r : result.value) {
                           if (r.state.isEmpty() || r.state == QLatin1String("AVAILABLE"))
                               regions.append({r.region, r.name});
                       }
                       if (!regions.isEmpty())
                           fillRegions(regions);
                   });
}

void AccountPage::onCheckFinished(bool allOk)
{
    m_checkPassed = allOk;
    m_checkButton->setEnabled(true);
    m_checkStatus->setText(allOk ? tr("All checks passed. Choose the bucket for the upload.")
                                 : tr("Some checks failed; see what to do below each one."));
    fillBuckets();
    emit completeChanged();
    emit checkFinished(allOk);
}

void AccountPage::fillBuckets()
{
    const cloud::PermissionCheck* check = m_check.data();
    const bool cosOk =
        check != nullptr && check->lines().at(static_cast<int>(Item::Cos)).state == State::Ok;
    const QSignalBlocker blocker(m_bucketBox);
    m_bucketBox->clear();
    if (!cosOk) {
        m_bucketBox->setPlaceholderText(tr("COS is not usable"));
        return;
    }
    for (const cloud::CosBucket& bucket : check->bucketsInRegion())
        m_bucketBox->addItem(bucket.name, bucket.name);
    m_bucketBox->setCurrentIndex(-1);
    m_bucketBox->setPlaceholderText(m_bucketBox->count() > 0
                                        ? tr("Choose a bucket in %1").arg(region())
                                        : tr("No bucket in %1 yet: create one").arg(region()));
    m_bucketBox->setEnabled(true);
    m_createButton->setEnabled(true);
}

void AccountPage::onBucketChosen()
{
    m_session->setBucket(m_bucketBox->currentData().toString());
    emit completeChanged();
}

QString AccountPage::chosenBucket() const
{
    return m_session->bucket();
}

void AccountPage::askAndCreateBucket()
{
    QString appId;
    if (const cloud::PermissionCheck* check = m_check.data()) {
        const QList<cloud::CosBucket> buckets = check->buckets();
        for (const cloud::CosBucket& bucket : buckets) {
            appId = cloud::BucketName::appIdOf(bucket.name);
            if (!appId.isEmpty())
                break;
        }
    }
    if (const std::optional<QString> bucket = m_askBucketName(appId))
        createBucket(*bucket);
}

void AccountPage::createBucket(const QString& bucket)
{
    const qsizetype dash = bucket.lastIndexOf(u'-');
    Error error;
    if (dash <= 0)
        error = Error::make(QStringLiteral("bucket.name"),
                            tr("\"%1\" is not a full bucket name: write it as "
                               "<name>-<APPID>, e.g. cvm-images-1250000000.")
                                .arg(bucket));
    else
        cloud::BucketName::compose(bucket.left(dash), bucket.mid(dash + 1), &error);
    if (!error.isSet() && !m_createButton->isEnabled())
        error = Error::make(QStringLiteral("bucket.not_checked"),
                            tr("Run Check first: a bucket is created with the checked account."));
    if (error.isSet()) {
        m_bucketStatus->setText(error.message);
        emit bucketCreated(bucket, error.message);
        return;
    }
    m_createButton->setEnabled(false);
    m_bucketStatus->setText(tr("Creating %1…").arg(bucket));
    cloud::CosClient* cos = m_session->cos();
    util::onResult(
        cos->putBucket(bucket, m_session->region()), this,
        [this, bucket, cos](const cloud::CloudResult<bool>& result) {
            if (cos != m_session->cos())
                return; // the account changed meanwhile; the answer belongs to the old one
            m_createButton->setEnabled(true);
            if (!result.ok()) {
                QString message =
                    tr("Could not create %1: %2").arg(bucket, result.error.userMessage);
                if (!result.error.remedy.isEmpty())
                    message += u' ' + result.error.remedy;
                m_bucketStatus->setText(message);
                emit bucketCreated(bucket, message);
                return;
            }
            m_bucketStatus->setText(tr("Created %1.").arg(bucket));
            if (m_bucketBox->findData(bucket) < 0)
                m_bucketBox->addItem(bucket, bucket);
            m_bucketBox->setCurrentIndex(m_bucketBox->findData(bucket));
            emit bucketCreated(bucket, QString());
        });
}

bool AccountPage::isComplete() const
{
    return QWizardPage::isComplete() && m_checkPassed && !isChecking() &&
           !m_session->bucket().isEmpty();
}

} // namespace cvmi::ui
