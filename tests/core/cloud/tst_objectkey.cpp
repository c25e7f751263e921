// cloud::ObjectKey: the keys the upload refuses before any request, at the limits.
#include "cloud/ObjectKey.h"

#include <QTest>

using cvmi::cloud::ObjectKey;
using Problem = ObjectKey::Problem;

class TestObjectKey : public QObject {
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<Problem>("problem");
        QTest::newRow("plain") << QStringLiteral("images/centos7.qcow2") << Problem::None;
        QTest::newRow("CJK and space") << QStringLiteral("镜像/centos 7.qcow2") << Problem::None;
        QTest::newRow("empty") << QString() << Problem::Empty;
        QTest::newRow("leading slash") << QStringLiteral("/images/a.raw") << Problem::LeadingSlash;
        QTest::newRow("850 bytes") << QString(850, u'a') << Problem::None;
        QTest::newRow("851 bytes") << QString(851, u'a') << Problem::TooLong;
        // 426 characters of two bytes each: 852 bytes of UTF-8.
        QTest::newRow("852 bytes in 426 characters")
            << QString(426, QChar(0xe9)) << Problem::TooLong;
        QTest::newRow("425 two-byte characters") << QString(425, QChar(0xe9)) << Problem::None;
        QTest::newRow("newline") << QStringLiteral("a\nb.raw") << Problem::ControlCharacter;
        QTest::newRow("tab") << QStringLiteral("a\tb.raw") << Problem::ControlCharacter;
    }

    void check()
    {
        QFETCH(QString, key);
        QFETCH(Problem, problem);
        QCOMPARE(ObjectKey::check(key), problem);
    }
};

QTEST_GUILESS_MAIN(TestObjectKey)
#include "tst_objectkey.moc"
