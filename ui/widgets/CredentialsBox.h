#pragma once

#include "cloud/Credentials.h"

#include <QGroupBox>

#include <memory>
#include <optional>

namespace cvmi::ui {
namespace Ui {
class CredentialsBox;
}

// The Account page's "Credentials" group: the credentials found (environment, tccli, SDK profile,
// coscli) or typed ones, and whether typed ones are remembered in the system keyring. It shows
// what discovery and the keyring answered and says which credentials are chosen; reading and
// writing the keyring stays with the page.
class CredentialsBox : public QGroupBox {
    Q_OBJECT
public:
    explicit CredentialsBox(QWidget* parent = nullptr);
    ~CredentialsBox() override;

    // The demo: only these credentials, `note` under them; nothing typed or remembered.
    void setFixed(const cloud::Credentials& credentials, const QString& note);
    bool isFixed() const { return m_fixed; }
    void showLooking();
    void showDiscovery(const cloud::CredentialDiscovery& discovery);
    // The keyring's answer for `profile`: its entry fills the typed fields; an error is shown
    // once Remember is ticked.
    void showKeyringEntry(const std::optional<cloud::Credentials>& stored, const QString& error,
                          const QString& profile);
    const std::optional<cloud::Credentials>& found() const { return m_found; }
    // The credentials Check will use: the found ones or the typed ones.
    cloud::Credentials current() const;
    bool rememberTicked() const;
    // Whether the keyring holds an entry of ours (so unticking Remember removes it).
    bool keyringHasEntry() const { return m_keyringHadEntry; }
    void setKeyringHasEntry(bool has) { m_keyringHadEntry = has; }
    void setKeyringStatus(const QString& text);

signals:
    // The source was switched or a field edited: the chosen credentials may have changed.
    void changed();

private:
    void enableTyped();

    std::unique_ptr<Ui::CredentialsBox> m_ui;
    std::optional<cloud::Credentials> m_found;
    bool m_fixed = false;
    bool m_keyringHadEntry = false;
    QString m_keyringError; // why the keyring could not be read, shown once Remember is ticked
};

} // namespace cvmi::ui
