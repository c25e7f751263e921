// The "Create bucket…" dialog: COS's naming rules as the user types, the composed name and its
// preview, and OK enabled only for a name COS would accept (moved here from the Account page's
// test, now through object names).
#include "../WidgetLookup.h"
#include "dialogs/CreateBucketDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using cvmi::test::child;
using namespace cvmi;

namespace {

const QString kAppId = QStringLiteral("1250000000");

} // namespace

class TestCreateBucketDialog : public QObject {
    Q_OBJECT

private slots:
    void namingRules()
    {
        ui::CreateBucketDialog dialog(QStringLiteral("ap-guangzhou"), kAppId);
        auto* name = child<QLineEdit>(&dialog, "bucketName");
        auto* appId = child<QLineEdit>(&dialog, "bucketAppId");
        auto* problem = child<QLabel>(&dialog, "bucketProblem");
        auto* preview = child<QLabel>(&dialog, "bucketPreview");
        QPushButton* ok = child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Ok);
        // The APPID comes prefilled; nothing typed yet is no mistake, but no bucket either.
        QCOMPARE(appId->text(), kAppId);
        QCOMPARE(dialog.bucket(), QString());
        QVERIFY(problem->text().isEmpty());
        QVERIFY(!ok->isEnabled());

        name->setText(QStringLiteral("images"));
        QCOMPARE(dialog.bucket(), QStringLiteral("images-") + kAppId);
        QCOMPARE(preview->text(), QStringLiteral("images-") + kAppId);
        QVERIFY(ok->isEnabled());
        name->setText(QStringLiteral("-images"));
        QCOMPARE(dialog.bucket(), QString());
        QCOMPARE(preview->text(), QStringLiteral("—"));
        QVERIFY(!problem->text().isEmpty());
        QVERIFY(!ok->isEnabled());
        name->setText(QString(51, u'a'));
        QCOMPARE(dialog.bucket(), QString());
        QVERIFY(problem->text().contains(QStringLiteral("50")));
        name->setText(QString(50, u'a'));
        QCOMPARE(dialog.bucket(), QString(50, u'a') + u'-' + kAppId);
        QVERIFY(ok->isEnabled());
        appId->setText(QStringLiteral("abc"));
        QCOMPARE(dialog.bucket(), QString());
        QVERIFY(problem->text().contains(QStringLiteral("APPID")));
        QVERIFY(!ok->isEnabled());
    }

    void accessibleFields()
    {
        ui::CreateBucketDialog dialog(QStringLiteral("ap-shanghai"), QString());
        for (const char* name : {"bucketName", "bucketAppId"})
            QVERIFY2(!child<QLineEdit>(&dialog, name)->accessibleName().isEmpty(), name);
        // The region is named in the explanation the user reads first.
        bool named = false;
        for (QLabel* label : dialog.findChildren<QLabel*>())
            named = named || label->text().contains(QStringLiteral("ap-shanghai"));
        QVERIFY(named);
    }
};

QTEST_MAIN(TestCreateBucketDialog)
#include "tst_createbucketdialog.moc"
