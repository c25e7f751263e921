#pragma once

#include "cloud/CloudEndpoints.h"
#include "cloud/Credentials.h"

#include <QWizardPage>

#include <functional>
#include <memory>
#include <optional>

namespace cvmi::cloud {
class CredentialStore;
struct PermissionLine;
} // namespace cvmi::cloud
namespace cvmi::settings {
class AppSettings;
}

namespace cvmi::ui {
namespace Ui {
class AccountPage;
}

class AccountAutoCheck;
class AccountController;
class WizardSession;

// Step 2: the account. Credentials are picked up from where the user already keeps them
// (environment, tccli, SDK profile, coscli, our keyring entry) or typed, optionally remembered in
// the system keyring. The permission checklist (PermissionCheck) runs by itself once the page
// is shown with credentials and a region, and again after they change (AccountAutoCheck), or on
// "Check", with a live result per line; then the region's buckets are offered (the last one used,
// or the only one, chosen), or a new one created. Every call is
// asynchronous; the page is complete when every line passed and a bucket is chosen. The layout is
// AccountPage.ui; the work without widgets (discovery, keyring, endpoints, the check, creating a
// bucket) is AccountController's, and this class shows its answers and asks the user.
class AccountPage : public QWizardPage {
    Q_OBJECT
public:
    explicit AccountPage(WizardSession* session, QWidget* parent = nullptr);
    ~AccountPage() override;

    // Where typed credentials are remembered (default: the system keyring) and read back. The
    // page does not take ownership.
    void setCredentialStore(cloud::CredentialStore* store);
    // Where profile, region and endpoint overrides persist (default: none, nothing is saved).
    void setSettings(settings::AppSettings* settings);
    // How credentials are discovered (default: CredentialSources::discover of this user's home
    // and environment); runs on a worker thread, so it must not touch widgets.
    using Discoverer = std::function<cloud::CredentialDiscovery()>;
    void setDiscoverer(Discoverer discoverer);
    // The demo: these credentials and endpoints, nothing discovered, read or remembered.
    // `note` says where they come from (shown under them).
    void setFixedAccount(const cloud::Credentials& credentials,
                         const cloud::CloudEndpoints& endpoints, const QString& cvmText,
                         const QString& cosText, const QString& note);

    bool hasFixedAccount() const { return m_fixed; } // setFixedAccount() was called
    // Looks for credentials (worker thread) and in the keyring; discoveryShown() when done.
    void discover();
    // Endpoint overrides as typed ("" = the real service); false with *error when refused.
    bool setEndpointOverrides(const QString& cvm, const QString& cos, Error* error);
    void setRegion(const QString& region);
    QString region() const;
    // The credentials Check will use: the found ones or the typed ones.
    cloud::Credentials currentCredentials() const;

    void startCheck();
    bool isChecking() const;
    bool checkPassed() const;
    QString chosenBucket() const;
    // Creates `bucket` ("<name>-<APPID>") in the region; bucketCreated() when COS answered.
    void createBucket(const QString& bucket);
    // Asks for the new bucket's name (a dialog by default; tests replace it).
    using BucketNameAsker = std::function<std::optional<QString>(const QString& appId)>;
    void setBucketNameAsker(BucketNameAsker asker);

    // Whether the page will check by itself shortly (it was shown, or an input changed).
    bool autoCheckPending() const;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

signals:
    void discoveryShown();
    void checkFinished(bool allOk);
    // Remembering or forgetting in the keyring ended; `error` empty on success.
    void keyringDone(const QString& error);
    void bucketCreated(const QString& bucket, const QString& error);

private:
    void setUpForm();
    void connectController();
    void showDiscovery(const cloud::CredentialDiscovery& discovery);
    void invalidate();
    void onInputChanged();
    bool readyForAutoCheck() const;
    void onLineChanged(int index, const cloud::PermissionLine& line);
    void onCheckFinished(bool allOk);
    void rememberCredentials(const cloud::Credentials& credentials);
    void showKeyringAnswer(bool remembered, const QString& error);
    void fillRegions(const QList<QPair<QString, QString>>& regions);
    QString fillBuckets();
    QString checkSummary(bool allOk, const QString& chosen) const;
    void onBucketChosen(const QString& bucket);
    void editEndpoints();
    void askAndCreateBucket();
    void onBucketCreated(const QString& bucket, const QString& error);
    void updateEndpointsLabel();
    QString profile() const;

    WizardSession* m_session;
    AccountController* m_controller;
    AccountAutoCheck* m_autoCheck;
    BucketNameAsker m_askBucketName;
    bool m_fixed = false;
    bool m_discovered = false;

    std::unique_ptr<Ui::AccountPage> m_ui;
};

} // namespace cvmi::ui
