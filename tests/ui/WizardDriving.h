#pragma once

// The whole wizard driven in a test against the in-process cloud emulator, as tst_journey and
// tst_keyboard drive it: built as main.cpp builds it, a file dropped on the Image page, Next.
#include "CloudEmulator.h"

#include "ImportWizard.h"
#include "controllers/OsCatalogueController.h"
#include "pages/AccountPage.h"
#include "pages/FormPage.h"
#include "pages/ImagePage.h"
#include "pages/ImportPage.h"
#include "pages/UploadPage.h"
#include "widgets/DropZone.h"

#include "cloud/CredentialStore.h"
#include "importform/OsCatalogue.h"
#include "settings/AppSettings.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace cvmi::test {

// A wizard aimed at `emulator` and at folders under `dir` (checkpoints, cache, history): no real
// keyring, home, cache or history is touched. The OS list is loaded when it returns.
inline std::unique_ptr<ui::ImportWizard> wizardOnEmulator(const emu::CloudEmulator& emulator,
                                                          cloud::CredentialStore* store,
                                                          settings::AppSettings* settings,
                                                          const QDir& dir, int timeoutMs)
{
    auto wizard = std::make_unique<ui::ImportWizard>();
    ui::AccountPage* account = wizard->accountPage();
    account->setCredentialStore(store);
    account->setDiscoverer([] { return cloud::CredentialDiscovery{}; });
    Error error;
    if (!account->setEndpointOverrides(emulator.endpoint(), emulator.endpoint(), &error))
        qWarning("%s", qPrintable(error.message));
    wizard->uploadPage()->setSettings(settings);
    wizard->uploadPage()->setCheckpointDir(dir.filePath(QStringLiteral("checkpoints")));
    auto* osList = wizard->formPage()->findChild<ui::OsCatalogueController*>();
    QSignalSpy loaded(osList, &ui::OsCatalogueController::changed);
    osList->setStore(importform::OsCatalogueStore(dir.filePath(QStringLiteral("cache"))));
    if (!loaded.wait(timeoutMs))
        qWarning("the OS list did not load");
    wizard->importPage()->setHistoryDir(dir.filePath(QStringLiteral("history")));
    return wizard;
}

// Sends the events a real drag and drop produce to the Image page's drop zone.
inline bool dropOnImagePage(ui::ImportWizard& wizard, const QString& path)
{
    auto* zone = wizard.imagePage()->findChild<ui::DropZone*>(QStringLiteral("dropZone"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint pos = zone->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(zone, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(zone, &dropEvent);
    return dropEvent.isAccepted();
}

// Clicks the wizard's Next button once it is enabled; true when it led to `expected`.
inline bool clickNext(ui::ImportWizard& wizard, ui::ImportWizard::PageId expected, int timeoutMs)
{
    QAbstractButton* button = wizard.button(QWizard::NextButton);
    if (!QTest::qWaitFor([button] { return button->isVisible() && button->isEnabled(); },
                         timeoutMs)) {
        qWarning("Next stayed disabled on page %d", wizard.currentId());
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    return wizard.currentId() == expected;
}

} // namespace cvmi::test
