// SummaryTable: rows shown as a table; an identifier wider than the room left is elided in the
// middle and the tool tip holds every row whole; other values are never elided; the plain text is
// every row whole; a message stands in for an empty table; nothing is interpreted as HTML.
#include "widgets/SummaryTable.h"

#include <QTest>
#include <QTextDocumentFragment>

using cvmi::ui::SummaryTable;

namespace {

QString shown(const SummaryTable& table)
{
    return QTextDocumentFragment::fromHtml(table.text()).toPlainText();
}

} // namespace

class TestSummaryTable : public QObject {
    Q_OBJECT

private slots:
    void rowsAndPlainText()
    {
        SummaryTable table;
        table.setRows({{QStringLiteral("Image ID"), QStringLiteral("img-12345678"), true},
                       {QStringLiteral("CRC-64"), QStringLiteral("1234567890123"), false}});
        table.show();
        table.resize(600, table.heightForWidth(600));
        QVERIFY(shown(table).contains(QLatin1String("img-12345678")));
        QVERIFY(shown(table).contains(QLatin1String("CRC-64")));
        QCOMPARE(table.value(QStringLiteral("Image ID")), QStringLiteral("img-12345678"));
        QVERIFY(table.value(QStringLiteral("Nothing")).isEmpty());
        QCOMPARE(table.plainText(),
                 QStringLiteral("Image ID: img-12345678\nCRC-64: 1234567890123"));
        QVERIFY(table.toolTip().isEmpty()); // nothing elided
    }

    void longIdentifierElidedToItsWidth()
    {
        const QString url = QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud."
                                           "com/disks/") +
                            QString(200, u'x') + QStringLiteral(".qcow2");
        SummaryTable table;
        table.setRows({{QStringLiteral("Image URL"), url, true}});
        table.show();
        table.resize(300, 60);
        QVERIFY2(shown(table).contains(QChar(0x2026)), qPrintable(shown(table)));
        QVERIFY(!shown(table).contains(url));
        QVERIFY(shown(table).contains(QLatin1String(".qcow2")));
        QCOMPARE(table.toolTip(), QStringLiteral("Image URL: ") + url);
        QCOMPARE(table.plainText(), QStringLiteral("Image URL: ") + url); // whole when copied
        // The layout may give it little room: it does not ask for the URL's width.
        QVERIFY(table.minimumSizeHint().width() < 300);

        // Given room, the whole URL again.
        table.resize(table.fontMetrics().horizontalAdvance(url) * 2, 60);
        QVERIFY(shown(table).contains(url));
        QVERIFY(table.toolTip().isEmpty());
    }

    void plainValuesAreNotElided()
    {
        const QString words(120, u'w');
        SummaryTable table;
        table.setRows({{QStringLiteral("Note"), words, false}});
        table.show();
        table.resize(200, 200);
        QVERIFY(!shown(table).contains(QChar(0x2026)));
        QVERIFY(table.toolTip().isEmpty());
    }

    void messageInsteadOfRows()
    {
        SummaryTable table;
        table.setRows({{QStringLiteral("a"), QStringLiteral("b"), false}});
        table.setMessage(QStringLiteral("No import form yet."));
        QVERIFY(table.rows().isEmpty());
        QCOMPARE(shown(table), QStringLiteral("No import form yet."));
        QCOMPARE(table.plainText(), QStringLiteral("No import form yet."));
    }

    void valuesAreNotHtml()
    {
        SummaryTable table;
        table.setRows({{QStringLiteral("<b>Name</b>"), QStringLiteral("<img src=x>&amp;"), true}});
        table.show();
        table.resize(500, 60);
        QVERIFY2(shown(table).contains(QLatin1String("<img src=x>&amp;")),
                 qPrintable(shown(table)));
        QVERIFY(shown(table).contains(QLatin1String("<b>Name</b>")));
    }
};

QTEST_MAIN(TestSummaryTable)
#include "tst_summarytable.moc"
