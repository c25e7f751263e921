#include "pages/AccountPage.h"
#include "ui_AccountPage.h"

#include "ImportWizard.h"
#include "TextTints.h"
#include "WizardSession.h"
#include "controllers/AccountController.h"
#include "dialogs/CreateBucketDialog.h"
#include "dialogs/EndpointsDialog.h"
#include "widgets/BucketChooser.h"
#include "widgets/CredentialsBox.h"
#include "widgets/PermissionList.h"

#include "cloud/Regions.h"
#include "settings/AppSettings.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>

namespace cvmi::ui {

namespace {

QString regionLabel(const QString& id, const QString& name)
{
    return name.isEmpty() || name == id ? id : id + QStringLiteral(" — ") + name;
}

} // namespace

AccountPage::AccountPage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_controller(new AccountController(session, this)),
      m_ui(std::make_unique<Ui::AccountPage>())
{
    setObjectName(QStringLiteral("accountPage"));
    setTitle(ImportWizard::pageTitle(tr("Connect your Tencent Cloud account")));
    m_askBucketName = [this](const QString& appId) -> std::optional<QString> {
        CreateBucketDialog dialog(region(), appId, this);
        if (dialog.exec() != QDialog::Accepted || dialog.bucket().isEmpty())
            return std::nullopt;
        return dialog.bucket();
    };
    setUpForm();
    fillRegions(AccountController::shippedRegions());
    setRegion(cloud::Regions::defaultRegion());
    updateEndpointsLabel();
    connect(m_ui->credentialsBox, &CredentialsBox::changed, this, &AccountPage::invalidate);
    connect(m_ui->region, &QComboBox::currentIndexChanged, this, &AccountPage::invalidate);
    connect(m_ui->editEndpoints, &QPushButton::clicked, this, &AccountPage::editEndpoints);
    connect(m_ui->checkAccount, &QPushButton::clicked, this, &AccountPage::startCheck);
    connect(m_ui->bucketChooser, &BucketChooser::bucketChosen, this, &AccountPage::onBucketChosen);
    connect(m_ui->bucketChooser, &BucketChooser::createRequested, this,
            &AccountPage::askAndCreateBucket);
    connectController();
    invalidate();
}

AccountPage::~AccountPage() = default;

// The layout and texts are in AccountPage.ui; what a form cannot say is set here.
void AccountPage::setUpForm()
{
    m_ui->setupUi(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    m_ui->pageLayout->setContentsMargins(margin, 4, margin, 0);
    setTextTint(m_ui->endpointsSummary, TextTint::Secondary);
}

// What the controller answers is shown here.
void AccountPage::connectController()
{
    AccountController* c = m_controller;
    connect(c, &AccountController::discovered, this, &AccountPage::showDiscovery);
    connect(c, &AccountController::keyringRead, this,
            [this](const cloud::CredentialStoreResult& r) {
                m_ui->credentialsBox->showKeyringEntry(r.credentials, r.error.message, profile());
            });
    connect(c, &AccountController::discoveryDone, this, &AccountPage::discoveryShown);
    connect(c, &AccountController::keyringDone, this, &AccountPage::showKeyringAnswer);
    connect(c, &AccountController::checkStarted, m_ui->permissionList, &PermissionList::setLines);
    connect(c, &AccountController::lineChanged, this, &AccountPage::onLineChanged);
    connect(c, &AccountController::regionsLoaded, this, &AccountPage::fillRegions);
    connect(c, &AccountController::finished, this, &AccountPage::onCheckFinished);
    connect(c, &AccountController::bucketCreated, this, &AccountPage::onBucketCreated);
}

void AccountPage::setCredentialStore(cloud::CredentialStore* store)
{
    m_controller->setCredentialStore(store);
}

void AccountPage::setSettings(settings::AppSettings* settings)
{
    Error error;
    m_controller->setSettings(settings, &error);
    if (!settings)
        return;
    if (error.isSet())
        m_ui->checkStatus->setText(error.message);
    if (!settings->region().isEmpty())
        setRegion(settings->region());
    updateEndpointsLabel();
}

void AccountPage::setDiscoverer(Discoverer discoverer)
{
    m_controller->setDiscoverer(std::move(discoverer));
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
    m_controller->setFixedEndpoints(endpoints, cvmText, cosText);
    m_ui->credentialsBox->setFixed(credentials, note);
    m_ui->editEndpoints->setEnabled(false);
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
    m_ui->credentialsBox->showLooking();
    m_controller->discover(profile());
}

void AccountPage::showDiscovery(const cloud::CredentialDiscovery& discovery)
{
    m_ui->credentialsBox->showDiscovery(discovery);
    if (discovery.credentials && !discovery.credentials->region.isEmpty())
        setRegion(discovery.credentials->region);
}

QString AccountPage::profile() const
{
    return m_controller->profile();
}

bool AccountPage::setEndpointOverrides(const QString& cvm, const QString& cos, Error* error)
{
    if (!m_controller->setEndpointOverrides(cvm, cos, error)) {
        m_ui->checkStatus->setText(error ? error->message : QString());
        return false;
    }
    updateEndpointsLabel();
    invalidate();
    return true;
}

void AccountPage::updateEndpointsLabel()
{
    m_ui->endpointsSummary->setText(m_controller->endpointsSummary());
}

void AccountPage::editEndpoints()
{
    auto* dialog = new EndpointsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOverrides(m_controller->cvmOverride(), m_controller->cosOverride());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        setEndpointOverrides(dialog->cvmOverride(), dialog->cosOverride(), nullptr);
    });
    dialog->open();
}

void AccountPage::fillRegions(const QList<QPair<QString, QString>>& regions)
{
    const QString current = region();
    const QSignalBlocker blocker(m_ui->region);
    m_ui->region->clear();
    for (const auto& [id, name] : regions)
        m_ui->region->addItem(regionLabel(id, name), id);
    if (!current.isEmpty()) {
        if (m_ui->region->findData(current) < 0)
            m_ui->region->addItem(current, current);
        m_ui->region->setCurrentIndex(m_ui->region->findData(current));
    }
}

void AccountPage::setRegion(const QString& id)
{
    if (id.isEmpty())
        return;
    int index = m_ui->region->findData(id);
    if (index < 0) {
        m_ui->region->addItem(id, id);
        index = m_ui->region->count() - 1;
    }
    m_ui->region->setCurrentIndex(index);
}

QString AccountPage::region() const
{
    return m_ui->region->currentData().toString();
}

cloud::Credentials AccountPage::currentCredentials() const
{
    return m_ui->credentialsBox->current();
}

bool AccountPage::isChecking() const
{
    return m_controller->isChecking();
}

bool AccountPage::checkPassed() const
{
    return m_controller->passed();
}

void AccountPage::invalidate()
{
    m_controller->drop();
    m_ui->permissionList->reset();
    m_ui->bucketChooser->reset(tr("Check first"));
    m_ui->checkAccount->setEnabled(true);
    m_ui->checkStatus->setText(
        currentCredentials().isUsable() ? QString() : tr("Enter a SecretId and a SecretKey."));
    m_session->setBucket({});
    emit completeChanged();
}

void AccountPage::startCheck()
{
    const cloud::Credentials credentials = currentCredentials();
    invalidate();
    if (!credentials.isUsable()) {
        m_ui->checkStatus->setText(
            tr("Enter a SecretId and a SecretKey first (Tencent Cloud console → Access "
               "Management → API Keys), or choose credentials that were found."));
        return;
    }
    const QString chosenRegion = region();
    m_ui->checkAccount->setEnabled(false);
    m_ui->checkStatus->setText(tr("Checking %1 in %2…").arg(credentials.redacted(), chosenRegion));
    m_controller->start(credentials, chosenRegion);
}

void AccountPage::onLineChanged(int index, const cloud::PermissionLine& line)
{
    m_ui->permissionList->setLine(index, line);
    if (line.item == cloud::PermissionLine::Item::Credentials &&
        line.state == cloud::PermissionLine::State::Ok)
        rememberCredentials(m_session->credentials());
}

void AccountPage::rememberCredentials(const cloud::Credentials& credentials)
{
    if (m_fixed || credentials.source != QLatin1String("typed"))
        return;
    CredentialsBox* box = m_ui->credentialsBox;
    const bool remember = box->rememberTicked();
    if (!remember && !box->keyringHasEntry())
        return;
    m_controller->remember(profile(), credentials, remember);
}

void AccountPage::showKeyringAnswer(bool remembered, const QString& error)
{
    CredentialsBox* box = m_ui->credentialsBox;
    if (error.isEmpty()) {
        box->setKeyringHasEntry(remembered);
        box->setKeyringStatus(remembered ? tr("Saved in the system keyring.")
                                         : tr("Removed from the system keyring."));
    } else {
        box->setKeyringStatus(error);
    }
    emit keyringDone(error);
}

void AccountPage::onCheckFinished(bool allOk)
{
    m_ui->checkAccount->setEnabled(true);
    m_ui->checkStatus->setText(allOk ? tr("All checks passed. Choose the bucket for the upload.")
                                     : tr("Some checks failed; see what to do below each one."));
    fillBuckets();
    emit completeChanged();
    emit checkFinished(allOk);
}

void AccountPage::fillBuckets()
{
    if (!m_controller->cosUsable()) {
        m_ui->bucketChooser->showNone(tr("COS is not usable"));
        return;
    }
    const QStringList names = m_controller->bucketsInRegion();
    m_ui->bucketChooser->offer(names, !names.isEmpty()
                                          ? tr("Choose a bucket in %1").arg(region())
                                          : tr("No bucket in %1 yet: create one").arg(region()));
}

void AccountPage::onBucketChosen(const QString& bucket)
{
    m_session->setBucket(bucket);
    emit completeChanged();
}

QString AccountPage::chosenBucket() const
{
    return m_session->bucket();
}

void AccountPage::askAndCreateBucket()
{
    if (const std::optional<QString> bucket = m_askBucketName(m_controller->appId()))
        createBucket(*bucket);
}

void AccountPage::createBucket(const QString& bucket)
{
    Error error = AccountController::checkBucketName(bucket);
    if (!error.isSet() && !m_ui->bucketChooser->canCreate())
        error = Error::make(QStringLiteral("bucket.not_checked"),
                            tr("Run Check first: a bucket is created with the checked account."));
    if (error.isSet()) {
        m_ui->bucketChooser->setStatus(error.message);
        emit bucketCreated(bucket, error.message);
        return;
    }
    m_ui->bucketChooser->setCanCreate(false);
    m_ui->bucketChooser->setStatus(tr("Creating %1…").arg(bucket));
    m_controller->createBucket(bucket);
}

void AccountPage::onBucketCreated(const QString& bucket, const QString& error)
{
    m_ui->bucketChooser->setCanCreate(true);
    if (!error.isEmpty()) {
        m_ui->bucketChooser->setStatus(error);
    } else {
        m_ui->bucketChooser->setStatus(tr("Created %1.").arg(bucket));
        m_ui->bucketChooser->choose(bucket);
    }
    emit bucketCreated(bucket, error);
}

bool AccountPage::isComplete() const
{
    return QWizardPage::isComplete() && checkPassed() && !isChecking() &&
           !m_session->bucket().isEmpty();
}

} // namespace cvmi::ui
