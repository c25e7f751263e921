#pragma once

#include "cloud/CloudEndpoints.h"
#include "cloud/CredentialStore.h"
#include "cloud/Credentials.h"
#include "cloud/PermissionCheck.h"
#include "util/Error.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace cvmi::settings {
class AppSettings;
}

namespace cvmi::ui {

class WizardSession;

// The Account page's logic without widgets: it looks for credentials where the user already
// keeps them (a worker thread for the files and variables, the keyring for ours), remembers or
// forgets typed ones in the keyring, keeps the endpoint overrides (saved with the region when a
// check starts), runs the permission checklist (PermissionCheck) for the
// session's account and owns its result, asks the account's regions once its credentials work,
// and creates a bucket. Everything is asynchronous and answered by a signal; the page shows the
// answers and asks the user's questions, and tests drive this class without a window.
class AccountController : public QObject {
    Q_OBJECT
public:
    // How credentials are discovered; runs on a worker thread, so it must not touch widgets.
    using Discoverer = std::function<cloud::CredentialDiscovery()>;
    // Region ids with their names, as the region list offers them.
    using RegionList = QList<QPair<QString, QString>>;

    explicit AccountController(WizardSession* session, QObject* parent = nullptr);
    ~AccountController() override;

    // The regions offered until the account's own list arrives (regionsLoaded()): asking needs
    // working credentials.
    static RegionList shippedRegions();

    // Where typed credentials are remembered (default: the system keyring) and read back. The
    // controller does not take ownership.
    void setCredentialStore(cloud::CredentialStore* store) { m_store = store; }
    // Default: CredentialSources::discover of this user's home and environment.
    void setDiscoverer(Discoverer discoverer) { m_discoverer = std::move(discoverer); }

    // Where the profile, region, endpoint overrides and last bucket persist (default: none, nothing
    // is saved). The saved endpoints are used; *error says why they could not be.
    void setSettings(settings::AppSettings* settings, Error* error);
    // The keyring profile: the settings' or the default one.
    QString profile() const;

    // Endpoint overrides as typed ("" = the real service); false with *error when refused.
    bool setEndpointOverrides(const QString& cvm, const QString& cos, Error* error);
    // The demo's endpoints, `cvmText` and `cosText` as they are to be shown.
    void setFixedEndpoints(const cloud::CloudEndpoints& endpoints, const QString& cvmText,
                           const QString& cosText);
    QString cvmOverride() const { return m_cvmOverride; }
    QString cosOverride() const { return m_cosOverride; }
    // One line saying where the account is checked ("Endpoints: Tencent Cloud", or the overrides).
    QString endpointsSummary() const;

    // Looks for credentials and for the keyring entry of `profile`: discovered(), keyringRead(),
    // then discoveryDone() once both answered.
    void discover(const QString& profile);
    // Stores `credentials` under `profile` (remember) or removes the profile's entry;
    // keyringDone() with the answer.
    void remember(const QString& profile, const cloud::Credentials& credentials, bool remember);

    // Saves the region and the endpoints in the settings, puts the account into the session and
    // starts the checklist: checkStarted() with its lines,
    // lineChanged() per line, finished() at the end.
    void start(const cloud::Credentials& credentials, const QString& region);
    // Forgets the check (running or done): its answers no longer arrive.
    void drop();
    bool isChecking() const;
    // The last check finished with every line passed.
    bool passed() const { return m_passed; }
    // The check's COS line passed: the buckets below are real.
    bool cosUsable() const;
    // The account's buckets in the checked region.
    QStringList bucketsInRegion() const;
    // The bucket to choose for the user: the last one used when the region holds it, else the
    // region's only bucket, else none ("").
    QString suggestedBucket() const;
    // Remembers `bucket` in the settings as the last one used (nothing without settings).
    void rememberBucket(const QString& bucket);
    // The account's APPID, read from its bucket names; empty when it has none.
    QString appId() const;

    // Whether `bucket` is a full bucket name ("<name>-<APPID>"), with the reason when not.
    static Error checkBucketName(const QString& bucket);
    // Creates `bucket` in the session's region; bucketCreated() when COS answered.
    void createBucket(const QString& bucket);

signals:
    void discovered(const cvmi::cloud::CredentialDiscovery& discovery);
    void keyringRead(const cvmi::cloud::CredentialStoreResult& result);
    void discoveryDone();
    // `remembered`: stored (else removed); `error` empty on success.
    void keyringDone(bool remembered, const QString& error);
    void checkStarted(const QList<cvmi::cloud::PermissionLine>& lines);
    void lineChanged(int index, const cvmi::cloud::PermissionLine& line);
    // The regions the service offers this account (asked once the credentials passed).
    void regionsLoaded(const cvmi::ui::AccountController::RegionList& regions);
    void finished(bool allOk);
    // `error` empty on success, else the message to show.
    void bucketCreated(const QString& bucket, const QString& error);

private:
    void onLineChanged(int index, const cloud::PermissionLine& line);
    void loadRegions();

    WizardSession* m_session;
    settings::AppSettings* m_settings = nullptr;
    cloud::CredentialStore* m_store;
    Discoverer m_discoverer;
    QPointer<cloud::PermissionCheck> m_check;
    bool m_passed = false;
    QString m_cvmOverride;
    QString m_cosOverride;
    cloud::CloudEndpoints m_endpoints;
};

} // namespace cvmi::ui
