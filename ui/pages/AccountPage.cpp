#include "pages/AccountPage.h"
#include "ui_AccountPage.h"

#include "ImportWizard.h"
#include "TextTints.h"
#include "WizardSession.h"
#include "controllers/AccountController.h"
#include "dialogs/CreateBucketDialog.h"
#include "dialogs/EndpointsDialog.h"
#include "pages/AccountAutoCheck.h"
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

AccountPage::AccountPage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_controller(new AccountController(session, this)),
      m_autoCheck(new AccountAutoCheck([this] { return readyForAutoCheck(); },
                                       [this] { startCheck(); }, this)),
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
    connect(m_ui->credentialsBox, &CredentialsBox::changed, this, &AccountPage::onInputChanged);
    connect(m_ui->region, &QComboBox::currentIndexChanged, this, &AccountPage::onInputChanged);
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
    connect(c, &AccountController::discoveryDone, this, [this] {
        m_autoCheck->soon(); // what was found is checked at once, as on a page shown
        emit discoveryShown();
    });
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
        discover(); // checked once found (discoveryDone)
    else
        m_autoCheck->soon();
}

void AccountPage::cleanupPage()
{
    m_autoCheck->cancel();
    QWizardPage::cleanupPage();
}

bool AccountPage::readyForAutoCheck() const
{
    // Never twice for the same answer, never on a page the user does not see, never with half
    // the credentials (a typed SecretId without its key would only fail).
    return isVisible() && !isChecking() && !checkPassed() && !region().isEmpty() &&
           currentCredentials().isUsable();
}

bool AccountPage::autoCheckPending() const
{
    return m_autoCheck->isPending();
}

void AccountPage::onInputChanged()
{
    invalidate();
    m_autoCheck->afterChange();
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
    onInputChanged();
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
        m_ui->region->addItem(cloud::Regions::label(id, name), id);
    if (!current.isEmpty()) {
        if (m_ui->region->findData(current) < 0)
            m_ui->region->addItem(cloud::Regions::label(current), current);
        m_ui->region->setCurrentIndex(m_ui->region->findData(current));
    }
}

void AccountPage::setRegion(const QString& id)
{
    if (id.isEmpty())
        return;
    int index = m_ui->region->findData(id);
    if (index < 0) {
        m_ui->region->addItem(cloud::Regions::label(id), id);
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
    m_autoCheck->cancel();
    invalidate();
    if (!credentials.isUsable()) {
        m_ui->checkStatus->setText(
            tr("Enter a SecretId and a SecretKey first (Tencent Cloud console → Access "
               "Management → API Keys), or choose credentials that were found."));
        return;
    }
    const QString chosenRegion = region();
    m_ui->checkAccount->setEnabled(false);
    cloud::Credentials shown = credentials;
    shown.source.clear(); // where they come from is said above; here only whose they are
    m_ui->checkStatus->setText(
        tr("Checking %1 in %2…").arg(shown.redacted(), cloud::Regions::displayName(chosenRegion)));
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
    const QString chosen = fillBuckets();
    m_ui->checkStatus->setText(checkSummary(allOk, chosen));
    emit completeChanged();
    emit checkFinished(allOk);
}

bool AccountPage::isComplete() const
{
    return QWizardPage::isComplete() && checkPassed() && !isChecking() &&
           !m_session->bucket().isEmpty();
}

} // namespace cvmi::ui
