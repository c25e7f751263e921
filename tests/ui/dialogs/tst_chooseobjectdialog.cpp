// The "Choose object…" dialog on its own, against the in-process emulator: without an account it
// says so; with one it opens the session's bucket, lists its objects with disk images offered and
// the others hidden (or dimmed), filters by key prefix through COS, and returns the chosen
// bucket and key. The page around it (the URL it fills in) is tests/ui/pages/tst_formpage.cpp.
#include "../WidgetLookup.h"
#include "CloudTestSupport.h"

#include "WizardSession.h"
#include "dialogs/ChooseObjectDialog.h"

#include "CosStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using cvmi::test::child;
using namespace cvmi;
using namespace cvmi::cloudtest;
using ui::ChooseObjectDialog;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kChosenBucket = QStringLiteral("dialog-1250000000");

QStringList visibleKeys(QTreeWidget* list)
{
    QStringList keys;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (!list->topLevelItem(i)->isHidden())
            keys.append(list->topLevelItem(i)->text(0));
    }
    return keys;
}

} // namespace

class TestChooseObjectDialog : public QObject {
    Q_OBJECT

    std::unique_ptr<emu::CloudEmulator> m_emulator;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_emulator = std::make_unique<emu::CloudEmulator>();
        addAccounts(*m_emulator);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY(m_emulator->createBucket(kBucket, kRegion, false, &error));
        QVERIFY(m_emulator->createBucket(kChosenBucket, kRegion, false, &error));
        emu::CosStore store(m_emulator->stateDir() + QStringLiteral("/cos"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const QString& key :
             {QStringLiteral("images/a.qcow2"), QStringLiteral("images/B.VMDK"),
              QStringLiteral("images/notes.txt"), QStringLiteral("other/c.raw")})
            QVERIFY(store.putObject(kChosenBucket, key, QByteArray(2048, 'x'), {}, now, &error));
    }

    void diskImageKeys()
    {
        for (const char* key : {"a.qcow2", "b.VHD", "c.vmdk", "d.raw", "e.img", "f.iso"})
            QVERIFY2(ChooseObjectDialog::isDiskImageKey(QLatin1String(key)), key);
        for (const char* key : {"notes.txt", "qcow2", "folder.raw/", "a.qcow2.gz"})
            QVERIFY2(!ChooseObjectDialog::isDiskImageKey(QLatin1String(key)), key);
    }

    void withoutAccountSaysSo()
    {
        ui::WizardSession session;
        ChooseObjectDialog dialog(&session, QString());
        dialog.show();
        QTRY_VERIFY(child<QLabel>(&dialog, "chooseObjectStatus")
                        ->text()
                        .contains(QLatin1String("No account")));
        QVERIFY(!child<QComboBox>(&dialog, "chooseObjectBucket")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "chooseObjectChoose")->isEnabled());
    }

    void listsFiltersAndChooses()
    {
        ui::WizardSession session;
        session.setAccount(credentials(kId, kKey), kRegion, endpointsFor(*m_emulator));
        ChooseObjectDialog dialog(&session, kChosenBucket);
        dialog.show();
        auto* buckets = child<QComboBox>(&dialog, "chooseObjectBucket");
        auto* list = child<QTreeWidget>(&dialog, "chooseObjectList");
        auto* prefix = child<QLineEdit>(&dialog, "chooseObjectPrefix");
        auto* imagesOnly = child<QCheckBox>(&dialog, "chooseObjectImagesOnly");
        auto* choose = child<QPushButton>(&dialog, "chooseObjectChoose");
        QCOMPARE(buckets->currentData().toString(), kChosenBucket);
        QTRY_VERIFY_WITH_TIMEOUT(buckets->findData(kBucket) >= 0, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 4, kTimeoutMs);
        QCOMPARE(visibleKeys(list),
                 (QStringList{QStringLiteral("images/B.VMDK"), QStringLiteral("images/a.qcow2"),
                              QStringLiteral("other/c.raw")}));
        QVERIFY(!choose->isEnabled());
        imagesOnly->click();
        QCOMPARE(visibleKeys(list).size(), 4);
        imagesOnly->click();

        // The prefix goes to COS (after the debounce); the list holds only what it answered.
        prefix->setText(QStringLiteral("other/"));
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, kTimeoutMs);
        QCOMPARE(visibleKeys(list), QStringList{QStringLiteral("other/c.raw")});

        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(choose->isEnabled());
        choose->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.bucket(), kChosenBucket);
        QCOMPARE(dialog.key(), QStringLiteral("other/c.raw"));
    }
};

QTEST_MAIN(TestChooseObjectDialog)
#include "tst_chooseobjectdialog.moc"
