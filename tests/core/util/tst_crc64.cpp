// CRC-64/ECMA against the values cos-python-sdk-v5's crcmod produced (crc64.json): the check
// string, empty input, 1 MiB of zeros, and a three-part multipart object whose whole-object value
// must follow from the parts' values by combine(), exactly as COS reports it after Complete.
#include "util/Crc64.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using cvmi::util::Crc64;

namespace {

// The in-repo copy first, so a clean clone works; the shared original when the copy is absent.
QJsonArray loadVectors()
{
    for (const char* dir : {CVMI_CLOUD_VECTORS_DIR, CVMI_SHARED_VECTORS_DIR}) {
        QFile file(QString::fromUtf8(dir) + QStringLiteral("/crc64.json"));
        if (file.open(QIODevice::ReadOnly))
            return QJsonDocument::fromJson(file.readAll())
                .object()
                .value(QStringLiteral("vectors"))
                .toArray();
    }
    qFatal("crc64.json not found");
}

QJsonObject vectorNamed(const QString& name)
{
    for (const QJsonValue& v : loadVectors()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    qFatal("vector %s missing", qPrintable(name));
}

quint64 expected(const QJsonObject& object)
{
    quint64 value = 0;
    if (!Crc64::fromDecimal(object.value(QStringLiteral("crc64ecma")).toString(), &value))
        qFatal("bad crc64ecma in the vector file");
    return value;
}

// The multipart vector's data: byte i = (i*31 + 7) % 251.
QByteArray patternBytes(qsizetype length)
{
    QByteArray data(length, Qt::Uninitialized);
    for (qsizetype i = 0; i < length; ++i)
        data[i] = static_cast<char>((static_cast<quint64>(i) * 31 + 7) % 251);
    return data;
}

} // namespace

class TestCrc64 : public QObject {
    Q_OBJECT

private slots:
    void checkValue()
    {
        const QJsonObject v = vectorNamed(QStringLiteral("check-string"));
        QCOMPARE(Crc64::compute(QByteArrayLiteral("123456789")), expected(v));
        QCOMPARE(expected(v), 0x995DC9BBDF1939FAULL);
        QCOMPARE(Crc64::toDecimal(0x995DC9BBDF1939FAULL), QStringLiteral("11051210869376104954"));
    }

    void empty()
    {
        QCOMPARE(Crc64::compute(QByteArray()), expected(vectorNamed(QStringLiteral("empty"))));
        QCOMPARE(Crc64().value(), 0ULL);
    }

    void zeros()
    {
        const QJsonObject v = vectorNamed(QStringLiteral("zeros-1MiB"));
        const QByteArray data(v.value(QStringLiteral("length")).toInt(), '\0');
        QCOMPARE(Crc64::compute(data), expected(v));
    }

    void incrementalEqualsOneShot()
    {
        const QByteArray data = patternBytes(100003);
        Crc64 crc;
        // Uneven pieces, including empty and single bytes, as a reader's buffers would be.
        qsizetype offset = 0;
        for (const qsizetype piece : {0, 1, 7, 4096, 0, 65536, 13}) {
            crc.update(data.constData() + offset, piece);
            offset += piece;
        }
        crc.update(data.constData() + offset, data.size() - offset);
        QCOMPARE(crc.value(), Crc64::compute(data));
    }

    void multipartParts()
    {
        const QJsonObject v = vectorNamed(QStringLiteral("multipart-3"));
        const QByteArray data = patternBytes(v.value(QStringLiteral("length")).toInt());
        QCOMPARE(Crc64::compute(data), expected(v));
        quint64 combined = 0;
        const QJsonArray parts = v.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 3);
        for (const QJsonValue& p : parts) {
            const QJsonObject part = p.toObject();
            const qsizetype offset = part.value(QStringLiteral("offset")).toInteger();
            const qsizetype length = part.value(QStringLiteral("length")).toInteger();
            const quint64 partCrc = Crc64::compute(data.constData() + offset, length);
            QCOMPARE(partCrc, expected(part));
            combined = Crc64::combine(combined, partCrc, static_cast<quint64>(length));
        }
        QCOMPARE(combined, expected(v));
    }

    void combineEdgeCases()
    {
        const QByteArray a = QByteArrayLiteral("1234");
        const QByteArray b = QByteArrayLiteral("56789");
        QCOMPARE(Crc64::combine(Crc64::compute(a), Crc64::compute(b), b.size()),
                 Crc64::compute(QByteArrayLiteral("123456789")));
        QCOMPARE(Crc64::combine(Crc64::compute(a), 0, 0), Crc64::compute(a));
        QCOMPARE(Crc64::combine(0, Crc64::compute(b), b.size()), Crc64::compute(b));
    }

    void combineRandomSplits()
    {
        // Any split of any bytes: the combined value equals the CRC computed over the whole,
        // through combine() and through one shiftOperator() reused for equal lengths.
        QRandomGenerator random(0x5eed);
        for (int round = 0; round < 200; ++round) {
            QByteArray data(random.bounded(1, 70000), Qt::Uninitialized);
            for (char& c : data)
                c = char(random.bounded(256));
            const qsizetype split = random.bounded(data.size() + 1);
            const quint64 a = Crc64::compute(data.constData(), split);
            const quint64 b = Crc64::compute(data.constData() + split, data.size() - split);
            QCOMPARE(Crc64::combine(a, b, quint64(data.size() - split)), Crc64::compute(data));
            QCOMPARE(Crc64::combineWith(Crc64::shiftOperator(quint64(data.size() - split)), a, b),
                     Crc64::compute(data));
        }
        QByteArray parts(5 * 4099 + 17, Qt::Uninitialized);
        for (char& c : parts)
            c = char(random.bounded(256));
        const quint64 shift = Crc64::shiftOperator(4099);
        quint64 combined = 0;
        for (int i = 0; i < 5; ++i)
            combined = Crc64::combineWith(shift, combined,
                                          Crc64::compute(parts.constData() + i * 4099, 4099));
        combined = Crc64::combine(combined, Crc64::compute(parts.constData() + 5 * 4099, 17), 17);
        QCOMPARE(combined, Crc64::compute(parts));
    }

    void decimalParsing()
    {
        quint64 value = 1;
        QVERIFY(Crc64::fromDecimal(QStringLiteral("0"), &value));
        QCOMPARE(value, 0ULL);
        QVERIFY(Crc64::fromDecimal(QStringLiteral("18446744073709551615"), &value));
        QCOMPARE(value, ~0ULL);
        QVERIFY(!Crc64::fromDecimal(QStringLiteral("18446744073709551616"), &value));
        QVERIFY(!Crc64::fromDecimal(QStringLiteral("-1"), &value));
        QVERIFY(!Crc64::fromDecimal(QStringLiteral(" 1"), &value));
        QVERIFY(!Crc64::fromDecimal(QString(), &value));
    }
};

QTEST_GUILESS_MAIN(TestCrc64)
#include "tst_crc64.moc"
