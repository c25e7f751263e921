#pragma once

// The Account page on its own against the in-process emulator, as tst_accountpage and
// tst_accountpage_autocheck drive it: the fake keyring, nothing discovered unless a test says so,
// typing and clicking as a user does.
#include "../WidgetLookup.h"
#include "CloudTestSupport.h"

#include "WizardSession.h"
#include "pages/AccountPage.h"
#include "widgets/PermissionList.h"

#include "cloud/CredentialStore.h"
#include "settings/AppSettings.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

namespace cvmi::test {

using namespace cvmi::cloudtest;
using ui::AccountPage;

inline constexpr int kTimeoutMs = 20000;

// A page on its own, with the fake keyring and nothing discovered unless a test says so.
struct Harness {
    ui::WizardSession session;
    cloud::MemoryCredentialStore* store;
    std::unique_ptr<AccountPage> page;

    // `settings`: where the page keeps the region and the last bucket (none by default).
    explicit Harness(const emu::CloudEmulator& emulator, cloud::MemoryCredentialStore* shared,
                     settings::AppSettings* settings = nullptr)
        : store(shared), page(std::make_unique<AccountPage>(&session))
    {
        page->setCredentialStore(store);
        page->setDiscoverer([] { return cloud::CredentialDiscovery{}; });
        page->setSettings(settings); // before the endpoints: the settings name the real cloud
        Error error;
        if (!page->setEndpointOverrides(emulator.endpoint(), emulator.endpoint(), &error))
            qWarning("%s", qPrintable(error.message));
        page->show();
    }

    bool discover()
    {
        QSignalSpy shown(page.get(), &AccountPage::discoveryShown);
        page->discover();
        return shown.wait(kTimeoutMs);
    }

    void type(const QString& id, const QString& key, const QString& token = {})
    {
        child<QRadioButton>(page.get(), "useTypedCredentials")->setChecked(true);
        for (QLineEdit* edit :
             {child<QLineEdit>(page.get(), "secretId"), child<QLineEdit>(page.get(), "secretKey"),
              child<QLineEdit>(page.get(), "sessionToken")})
            edit->clear();
        QTest::keyClicks(child<QLineEdit>(page.get(), "secretId"), id);
        QTest::keyClicks(child<QLineEdit>(page.get(), "secretKey"), key);
        if (!token.isEmpty())
            QTest::keyClicks(child<QLineEdit>(page.get(), "sessionToken"), token);
    }

    // Clicks Check and waits for the checklist; returns the finished() argument.
    std::optional<bool> check()
    {
        QSignalSpy finished(page.get(), &AccountPage::checkFinished);
        QTest::mouseClick(child<QPushButton>(page.get(), "checkAccount"), Qt::LeftButton);
        if (!finished.wait(kTimeoutMs))
            return std::nullopt;
        return finished.first().first().toBool();
    }

    QList<cloud::PermissionLine> lines() const
    {
        return child<ui::PermissionList>(page.get(), "permissionList")->lines();
    }

    QStringList buckets() const
    {
        QStringList names;
        for (int i = 0; i < child<QComboBox>(page.get(), "bucket")->count(); ++i)
            names.append(child<QComboBox>(page.get(), "bucket")->itemText(i));
        return names;
    }
};

// Every text the page shows (labels, line edits in normal echo, combo boxes).
inline QStringList visibleTexts(const QWidget* root)
{
    QStringList texts;
    for (const QLabel* label : root->findChildren<QLabel*>())
        texts.append(label->text() + label->toolTip() + label->accessibleDescription());
    for (const QLineEdit* edit : root->findChildren<QLineEdit*>()) {
        if (edit->echoMode() == QLineEdit::Normal)
            texts.append(edit->text());
        texts.append(edit->displayText());
    }
    for (const QComboBox* box : root->findChildren<QComboBox*>()) {
        for (int i = 0; i < box->count(); ++i)
            texts.append(box->itemText(i));
    }
    return texts;
}

} // namespace cvmi::test
