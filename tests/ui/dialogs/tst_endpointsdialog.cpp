// The "Endpoints…" dialog: http:// only to this computer, the refusal shown under the fields and
// the dialog kept open, accepted endpoints returned, Restore Defaults emptying both fields
// (moved here from the Account page's test, now through object names).
#include "../WidgetLookup.h"
#include "dialogs/EndpointsDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using cvmi::test::child;
using namespace cvmi;

class TestEndpointsDialog : public QObject {
    Q_OBJECT

private slots:
    void refusesPlainHttpToAnotherMachine()
    {
        ui::EndpointsDialog dialog;
        dialog.show();
        auto* cvm = child<QLineEdit>(&dialog, "cvmEndpoint");
        auto* cos = child<QLineEdit>(&dialog, "cosEndpoint");
        auto* error = child<QLabel>(&dialog, "endpointsError");
        QVERIFY(error->isHidden());
        cvm->setText(QStringLiteral("http://10.0.0.8:8080"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(!error->isHidden());
        QVERIFY(error->text().contains(QStringLiteral("http://10.0.0.8:8080")));
        cvm->setText(QStringLiteral("http://127.0.0.1:8080"));
        cos->setText(QStringLiteral("https://cos.gateway.example"));
        child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.endpoints().cvmEndpoint().port(), 8080);
        QCOMPARE(dialog.cosOverride(), QStringLiteral("https://cos.gateway.example"));
    }

    void restoreDefaultsEmptiesBoth()
    {
        ui::EndpointsDialog dialog;
        dialog.setOverrides(QStringLiteral("https://gw.example"), QStringLiteral("http://[::1]:9"));
        QCOMPARE(child<QLineEdit>(&dialog, "cvmEndpoint")->text(),
                 QStringLiteral("https://gw.example"));
        child<QDialogButtonBox>(&dialog, "buttons")
            ->button(QDialogButtonBox::RestoreDefaults)
            ->click();
        QCOMPARE(dialog.cvmOverride(), QString());
        QCOMPARE(dialog.cosOverride(), QString());
        for (const char* name : {"cvmEndpoint", "cosEndpoint"})
            QVERIFY2(!child<QLineEdit>(&dialog, name)->accessibleName().isEmpty(), name);
    }
};

QTEST_MAIN(TestEndpointsDialog)
#include "tst_endpointsdialog.moc"
