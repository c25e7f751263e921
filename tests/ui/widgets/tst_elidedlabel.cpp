// ElidedLabel: a name wider than the label is elided in the middle (start and extension kept) with
// the whole name as tool tip, shown whole again when there is room, never asking for the width of
// the whole name; a fixed tool tip (a path) stays whatever is shown.
#include "widgets/ElidedLabel.h"

#include <QTest>

using cvmi::ui::ElidedLabel;

class TestElidedLabel : public QObject {
    Q_OBJECT

private slots:
    void longNameIsElidedInTheMiddle()
    {
        const QString name =
            QStringLiteral("centos-7.9-") + QString(220, u'x') + QStringLiteral("-golden.raw");
        ElidedLabel label;
        label.setFullText(name);
        label.show(); // a hidden widget gets its resize events only when shown
        label.resize(200, label.sizeHint().height());
        QCOMPARE(label.fullText(), name);
        QVERIFY(label.isElided());
        QVERIFY2(label.text().contains(QChar(0x2026)), qPrintable(label.text()));
        QVERIFY(label.text().startsWith(QLatin1String("centos-")));
        QVERIFY(label.text().endsWith(QLatin1String("golden.raw")));
        QVERIFY(label.fontMetrics().horizontalAdvance(label.text()) <= 200);
        QCOMPARE(label.toolTip(), name);
        // The layout may give it little room: it does not ask for the whole name's width.
        QVERIFY(label.minimumSizeHint().width() < 200);
        QVERIFY(label.sizeHint().width() >= label.fontMetrics().horizontalAdvance(name));

        label.resize(label.fontMetrics().horizontalAdvance(name) + 20, label.height());
        QVERIFY(!label.isElided());
        QCOMPARE(label.text(), name);
        QVERIFY(label.toolTip().isEmpty());
    }

    void fixedToolTipStays()
    {
        ElidedLabel label(QStringLiteral("disk.qcow2"));
        label.setFixedToolTip(QStringLiteral("/srv/images/disk.qcow2"));
        label.show();
        label.resize(400, label.sizeHint().height());
        QCOMPARE(label.text(), QStringLiteral("disk.qcow2"));
        QCOMPARE(label.toolTip(), QStringLiteral("/srv/images/disk.qcow2"));
        label.setFullText(QString(300, u'd') + QStringLiteral(".qcow2"));
        QVERIFY(label.isElided());
        QCOMPARE(label.toolTip(), QStringLiteral("/srv/images/disk.qcow2"));
    }
};

QTEST_MAIN(TestElidedLabel)
#include "tst_elidedlabel.moc"
