// coscli's ~/.cos.yaml read with yaml-cpp: the shapes coscli and people write (quoting styles,
// comments, block scalars, upper-case names, the bucket list), and a sentence naming the line for
// each way the file can be wrong (malformed YAML, a tab, an open quote, the wrong shape, deep
// nesting, a huge file) instead of an exception.
#include "cloud/CoscliConfig.h"

#include <QTest>

using namespace cvmi::cloud;

class TestCoscliConfig : public QObject {
    Q_OBJECT
private slots:
    void readsCoscliShape()
    {
        const QByteArray yaml = "# written by coscli\n"
                                "---\n"
                                "cos:\n"
                                "  base:\n"
                                "    SecretID: plain-id # a comment\n"
                                "    secretkey: \"with \\\"escapes\\\"\"\n"
                                "    sessiontoken: 'it''s'\n"
                                "    mode: |\n"
                                "      CvmRole\n"
                                "    nested:\n"
                                "      ignored: yes\n"
                                "  buckets:\n"
                                "  - name: images-1250000000\n"
                                "    region: ap-guangzhou\n";
        QHash<QString, QString> base;
        QString problem;
        QVERIFY2(CoscliConfig::readBase(yaml, &base, &problem), qPrintable(problem));
        QCOMPARE(base.value(QStringLiteral("secretid")), QStringLiteral("plain-id"));
        QCOMPARE(base.value(QStringLiteral("secretkey")), QStringLiteral("with \"escapes\""));
        QCOMPARE(base.value(QStringLiteral("sessiontoken")), QStringLiteral("it's"));
        QCOMPARE(base.value(QStringLiteral("mode")), QStringLiteral("CvmRole\n"));
        QVERIFY(!base.contains(QStringLiteral("nested")));
        QVERIFY(!base.contains(QStringLiteral("name")));
    }

    void missingKeys_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("comment only") << QByteArray("# nothing\n");
        QTest::newRow("no cos") << QByteArray("other:\n  base:\n    secretid: x\n");
        QTest::newRow("empty cos") << QByteArray("cos:\n");
        QTest::newRow("no base") << QByteArray("cos:\n  buckets: []\n");
        QTest::newRow("empty base") << QByteArray("cos:\n  base:\n");
    }
    void missingKeys()
    {
        // Absent keys are not a reading problem: the caller names the ones it needs.
        QFETCH(QByteArray, yaml);
        QHash<QString, QString> base;
        QString problem;
        QVERIFY2(CoscliConfig::readBase(yaml, &base, &problem), qPrintable(problem));
        QVERIFY(base.isEmpty());
        QVERIFY(problem.isEmpty());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("problem");
        QTest::newRow("tab") << QByteArray("cos:\n  base:\n\t  secretid: x\n")
                             << QStringLiteral("line 3: a tab in the indentation");
        QTest::newRow("open flow")
            << QByteArray("cos:\n  base:\n    secretid: [a,\n") << QStringLiteral("not valid YAML");
        QTest::newRow("bad indentation")
            << QByteArray("cos:\n  base:\n    a: 1\n   b: 2\n") << QStringLiteral("line 4");
        QTest::newRow("open double quote") << QByteArray("cos:\n  base:\n    secretid: \"AKID\n")
                                           << QStringLiteral("line 3: unterminated quoted value");
        QTest::newRow("open single quote") << QByteArray("cos:\n  base:\n    secretid: 'it''s\n")
                                           << QStringLiteral("line 3: unterminated quoted value");
        QTest::newRow("a list") << QByteArray("- cos\n- base\n") << QStringLiteral("line 1");
        QTest::newRow("cos a scalar")
            << QByteArray("cos: yes\n") << QStringLiteral("line 1: \"cos\" does not hold");
        QTest::newRow("base a list") << QByteArray("cos:\n  base:\n    - secretid\n")
                                     << QStringLiteral("line 3: \"cos.base\" does not hold");
        QTest::newRow("deep") << QByteArray(100000, '[') << QStringLiteral("levels deep");
    }
    void malformed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, problem);
        QHash<QString, QString> base;
        QString message;
        QVERIFY(!CoscliConfig::readBase(yaml, &base, &message));
        QVERIFY2(message.contains(problem), qPrintable(message));
    }

    void hugeFile()
    {
        // Valid YAML, just far larger than any coscli configuration: refused before parsing.
        QByteArray yaml = "cos:\n  base:\n    secretid: x\n  buckets:\n";
        while (yaml.size() <= CoscliConfig::maxBytes)
            yaml += "  - name: bucket-1250000000\n    region: ap-guangzhou\n";
        QHash<QString, QString> base;
        QString problem;
        QVERIFY(!CoscliConfig::readBase(yaml, &base, &problem));
        QVERIFY2(problem.contains(QLatin1String("larger than 256 KiB")), qPrintable(problem));
        QVERIFY(base.isEmpty());
        // The same file at the cap is read.
        yaml.truncate(yaml.lastIndexOf("  - name:", CoscliConfig::maxBytes));
        QVERIFY2(CoscliConfig::readBase(yaml, &base, &problem), qPrintable(problem));
        QCOMPARE(base.value(QStringLiteral("secretid")), QStringLiteral("x"));
    }
};

QTEST_GUILESS_MAIN(TestCoscliConfig)
#include "tst_coscliconfig.moc"
