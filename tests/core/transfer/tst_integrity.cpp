// Integrity: the CRC-64 comparison that names a damaged part, and the parts' CRCs combined into
// the object's.
#include "transfer/Integrity.h"
#include "util/Crc64.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <atomic>
#include <thread>

using namespace cvmi;
using namespace cvmi::transfer;

class TestIntegrity : public QObject {
    Q_OBJECT

private slots:
    void crcMismatchNamesThePart()
    {
        const QByteArray data = QByteArrayLiteral("123456789");
        const quint64 crc = util::Crc64::compute(data);
        QVERIFY(!Integrity::check(3, crc, util::Crc64::toDecimal(crc).toLatin1()));
        QVERIFY(!Integrity::check(3, crc, QByteArray())); // S3 stores send none
        const auto mismatch = Integrity::check(3, crc, "12345");
        QVERIFY(mismatch);
        QCOMPARE(mismatch->code, QStringLiteral("upload.crc_mismatch"));
        QVERIFY2(mismatch->message.contains(QLatin1String("Part 3")),
                 qPrintable(mismatch->message));
        const auto whole = Integrity::check(0, crc, "12345");
        QVERIFY(whole && whole->message.contains(QLatin1String("object")));
        const auto garbage = Integrity::check(2, crc, "not-a-number");
        QVERIFY(garbage && garbage->code == QLatin1String("upload.bad_response"));
        // COS always sends it: there no header is an answer gone wrong, not an S3 store.
        const auto missing = Integrity::check(4, crc, QByteArray(), true);
        QVERIFY(missing && missing->code == QLatin1String("upload.bad_response"));
        QVERIFY2(missing->message.contains(QLatin1String("part 4")), qPrintable(missing->message));
    }
    void crcCombineEqualsWhole()
    {
        QByteArray data(3 * 1000 + 7, Qt::Uninitialized);
        QRandomGenerator gen(7);
        for (char& c : data)
            c = char(gen.bounded(256));
        QList<QPair<quint64, qint64>> parts;
        for (qsizetype at = 0; at < data.size(); at += 1000) {
            const QByteArray part = data.mid(at, 1000);
            parts.append({util::Crc64::compute(part), part.size()});
        }
        QCOMPARE(Integrity::combine(parts), util::Crc64::compute(data));
    }
};

QTEST_GUILESS_MAIN(TestIntegrity)
#include "tst_integrity.moc"
