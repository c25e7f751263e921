// The cloud emulator over real HTTP on loopback: requests signed by the product's own signers
// (Tc3Signer, CosSigner, SigV4Signer) for every action and operation, every kind of
// authentication failure, pre-signed URLs and their expiry, multipart uploads whose CRC-64
// matches util::Crc64 of the file, state that survives a restart, each injected fault as a
// client sees it, imports that end NORMAL or IMPORTFAILED, and boto3 as a peer nobody here wrote.
#include "CloudEmulator.h"
#include "CosStore.h"
#include "Qcow2Header.h"

#include "cloud/CosSigner.h"
#include "cloud/SigV4Signer.h"
#include "cloud/Tc3Signer.h"
#include "util/Crc64.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUuid>
#include <QXmlStreamReader>
#include <QtEndian>

#include <functional>
#include <optional>

using namespace cvmi;
using namespace cvmi::cloud;
using namespace cvmi::emu;

namespace {

const QString kId = QStringLiteral("AKIDEMUTEST0000000001");
const QString kKey = QStringLiteral("emulator-test-secret-key-1");
const QString kAppId = QStringLiteral("1250000000");
const QString kOtherId = QStringLiteral("AKIDEMUTEST0000000002");
const QString kOtherKey = QStringLiteral("emulator-test-secret-key-2");
const QString kNoImportId = QStringLiteral("AKIDEMUTESTNOIMPORT03");
const QString kTokenId = QStringLiteral("AKIDEMUTESTTEMPORARY4");
const QString kToken = QStringLiteral("session-token-for-the-temporary-key");
const QString kRegion = QStringLiteral("ap-guangzhou");
const QString kBucket = QStringLiteral("images-1250000000");

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

struct Reply {
    int status = 0; // 0: no complete status line (connection reset or truncated headers)
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool complete = false; // the whole announced body arrived
    qint64 elapsedMs = 0;

    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
};

// Among a request's headers, not sent: no Content-Length either (what a client that forgets it
// sends).
const QByteArray noLengthMarker = "X-Test-No-Length";

// A minimal HTTP/1.1 client on a raw socket, so that the test controls every header (Host
// included) and sees resets and truncation exactly; it spins a local event loop, which also
// runs the emulator living in this thread.
// A body is sent as it is given: with a Transfer-Encoding header it must already be encoded.
Reply rawHttp(quint16 port, const QByteArray& method, const QByteArray& target,
              const RawHeaders& headers, const QByteArray& body, int timeoutMs = 15000,
              bool waitForContinue = false)
{
    Reply reply;
    QElapsedTimer clock;
    clock.start();
    QTcpSocket socket;
    QByteArray head = method + ' ' + target + " HTTP/1.1\r\n";
    bool hasLength = false;
    for (const auto& [name, value] : headers) {
        if (name != noLengthMarker)
            head += name + ": " + value + "\r\n";
        hasLength = hasLength || name.compare("content-length", Qt::CaseInsensitive) == 0 ||
                    name.compare("transfer-encoding", Qt::CaseInsensitive) == 0 ||
                    name == noLengthMarker;
    }
    if (!hasLength && (!body.isEmpty() || method == "PUT" || method == "POST"))
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";

    QByteArray buffer;
    QEventLoop loop;
    bool sentBody = !waitForContinue;
    auto parse = [&] {
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const int status = lines.value(0).split(' ').value(1).toInt();
            if (status == 100) { // interim answer to Expect: 100-continue
                buffer.remove(0, end + 4);
                if (!sentBody) {
                    socket.write(body);
                    sentBody = true;
                }
                continue;
            }
            reply.status = status;
            reply.headers.clear();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    reply.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
            }
            reply.body = buffer.mid(end + 4);
            const bool hasBody = method != "HEAD" && status != 204 && status != 304;
            const qint64 length = reply.headers.value("content-length", "-1").toLongLong();
            if (!hasBody || (length >= 0 && reply.body.size() >= length)) {
                reply.complete = true;
                if (hasBody)
                    reply.body.truncate(length);
                loop.quit();
            }
            return;
        }
    };
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        buffer += socket.readAll();
        parse();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError) {
        buffer += socket.readAll();
        parse();
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] {
        socket.write(head);
        if (sentBody)
            socket.write(body);
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    if (!reply.complete) {
        buffer += socket.readAll();
        if (reply.status == 0)
            parse();
    }
    reply.elapsedMs = clock.elapsed();
    return reply;
}

QString xmlText(const QByteArray& xml, const QString& element)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == element)
            return reader.readElementText();
    }
    return {};
}

QStringList xmlTexts(const QByteArray& xml, const QString& element)
{
    QStringList out;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == element)
            out.append(reader.readElementText());
    }
    return out;
}

QByteArray pattern(qsizetype length, int seed = 7)
{
    QByteArray data(length, Qt::Uninitialized);
    for (qsizetype i = 0; i < length; ++i)
        data[i] =
            static_cast<char>((static_cast<quint64>(i) * 31 + static_cast<quint64>(seed)) % 251);
    return data;
}

QByteArray quotedMd5(const QByteArray& data)
{
    return '"' + QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex() + '"';
}

QByteArray crcText(const QByteArray& data)
{
    return util::Crc64::toDecimal(util::Crc64::compute(data)).toLatin1();
}

struct CvmOptions {
    QString secretId = kId;
    QString secretKey = kKey;
    QString token;
    qint64 clockOffset = 0;
    QString signedHost; // sign this host, send the real one
    bool tamperBody = false;
    QString region = kRegion;
};

CvmOptions options(const std::function<void(CvmOptions&)>& set)
{
    CvmOptions o;
    set(o);
    return o;
}

struct CosCall {
    QByteArray method = "GET";
    QString bucket = kBucket; // empty: the service host
    QString key;
    StringPairList params;
    StringPairList headers;
    QByteArray body;
    QString secretId = kId;
    QString secretKey = kKey;
    QString token;
    qint64 clockOffset = 0;
    QString signedHost;
    StringPairList tamperedHeaders; // sent with these values instead of the signed ones
    QString region = kRegion;       // of the virtual host
    enum class Length { Header, Chunked, None } length = Length::Header; // of a PUT or POST body
};

// The body in HTTP/1.1 chunks of at most 1000 bytes, then the last (empty) chunk.
QByteArray chunkedBody(const QByteArray& data)
{
    QByteArray out;
    for (qsizetype at = 0; at < data.size(); at += 1000) {
        const QByteArray chunk = data.mid(at, 1000);
        out += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return out + "0\r\n\r\n";
}

// Parameters flattened into a query as the vendor's Node SDK does for GET (mergeData, then
// querystring.stringify): `Filters.0.Values.1=...`, keys in order, values percent-encoded except
// A-Z a-z 0-9 - _ . ! ~ * ' ( ).
void flatten(const QJsonValue& value, const QString& prefix, QByteArray* query)
{
    if (value.isObject() || value.isArray()) {
        const QJsonObject o = value.toObject();
        const QJsonArray a = value.toArray();
        const qsizetype n = value.isObject() ? o.size() : a.size();
        for (qsizetype i = 0; i < n; ++i) {
            const QString name = value.isObject() ? o.keys().at(i) : QString::number(i);
            flatten(value.isObject() ? o.value(name) : a.at(i),
                    prefix.isEmpty() ? name : prefix + u'.' + name, query);
        }
        return;
    }
    const QString text = value.isBool()     ? QString::fromLatin1(value.toBool() ? "true" : "false")
                         : value.isDouble() ? QString::number(value.toInteger())
                                            : value.toString();
    if (!query->isEmpty())
        *query += '&';
    *query += prefix.toUtf8().toPercentEncoding("!~*'()") + '=' +
              text.toUtf8().toPercentEncoding("!~*'()");
}

QByteArray formQuery(const QJsonObject& params)
{
    QByteArray query;
    flatten(params, QString(), &query);
    return query;
}

QByteArray queryString(const StringPairList& params)
{
    QByteArray query;
    for (const auto& [name, value] : params) {
        if (!query.isEmpty())
            query += '&';
        query += name.toUtf8().toPercentEncoding();
        if (!value.isEmpty())
            query += '=' + value.toUtf8().toPercentEncoding();
    }
    return query;
}

} // namespace

class TestEmulator : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_state;
    std::unique_ptr<CloudEmulator> m_emulator;

    quint16 m_portOverride = 0;

    quint16 port() const { return m_portOverride ? m_portOverride : m_emulator->port(); }

    static void addAccounts(CloudEmulator& emulator)
    {
        emulator.addAccount(
            {kId, kKey, QString(), kAppId, true, {kRegion, QStringLiteral("ap-shanghai")}});
        emulator.addAccount(
            {kOtherId, kOtherKey, QString(), QStringLiteral("1250000001"), true, {kRegion}});
        emulator.addAccount({kNoImportId, kKey, QString(), kAppId, false, {kRegion}});
        emulator.addAccount({kTokenId, kKey, kToken, kAppId, true, {kRegion}});
    }

    Reply cvm(const QString& action, const QJsonObject& params, const CvmOptions& o = {})
    {
        Tc3Request r;
        r.secretId = o.secretId;
        r.secretKey = o.secretKey;
        r.token = o.token;
        r.timestamp = QDateTime::currentSecsSinceEpoch() + o.clockOffset;
        r.service = QStringLiteral("cvm");
        r.host = o.signedHost.isEmpty() ? CloudEmulator::cvmHost() : o.signedHost;
        r.action = action;
        r.version = QStringLiteral("2017-03-12");
        r.region = o.region;
        r.body = QJsonDocument(params).toJson(QJsonDocument::Compact);
        const Tc3Signed s = Tc3Signer::sign(r);
        RawHeaders headers;
        for (const auto& [name, value] : s.headers)
            headers.append({name, name == "Host" ? CloudEmulator::cvmHost().toUtf8() : value});
        QByteArray body = r.body;
        if (o.tamperBody)
            body.replace("ap-", "AP-");
        if (o.tamperBody && body == r.body)
            body.append(' ');
        return rawHttp(port(), "POST", "/", headers, body);
    }

    // API 3.0 as GET: the parameters in the query, signed with it and an empty payload's hash;
    // `sent` (if given) goes out instead of the signed query.
    Reply cvmGet(const QString& action, const QByteArray& query, const CvmOptions& o = {},
                 const std::optional<QByteArray>& sent = std::nullopt)
    {
        Tc3Request r;
        r.secretId = o.secretId;
        r.secretKey = o.secretKey;
        r.timestamp = QDateTime::currentSecsSinceEpoch();
        r.service = QStringLiteral("cvm");
        r.host = CloudEmulator::cvmHost();
        r.action = action;
        r.version = QStringLiteral("2017-03-12");
        r.region = o.region;
        r.method = QStringLiteral("GET");
        r.query = query;
        const Tc3Signed s = Tc3Signer::sign(r);
        const QByteArray target =
            "/" + (sent.value_or(query).isEmpty() ? QByteArray() : '?' + sent.value_or(query));
        return rawHttp(port(), "GET", target, s.headers, {});
    }

    static QJsonObject response(const Reply& reply)
    {
        return QJsonDocument::fromJson(reply.body)
            .object()
            .value(QStringLiteral("Response"))
            .toObject();
    }

    static QString errorCode(const Reply& reply)
    {
        return response(reply)
            .value(QStringLiteral("Error"))
            .toObject()
            .value(QStringLiteral("Code"))
            .toString();
    }

    Reply cos(const CosCall& c)
    {
        const QString host = c.bucket.isEmpty() ? QStringLiteral("service.cos.myqcloud.com")
                                                : CloudEmulator::cosHost(c.bucket, c.region);
        StringPairList headers = c.headers;
        headers.append({QStringLiteral("Host"), host});
        if ((c.method == "PUT" || c.method == "POST") && c.length == CosCall::Length::Header)
            headers.append({QStringLiteral("Content-Length"), QString::number(c.body.size())});
        if (c.length == CosCall::Length::Chunked)
            headers.append({QStringLiteral("Transfer-Encoding"), QStringLiteral("chunked")});
        if (c.length == CosCall::Length::None)
            headers.append({QString::fromLatin1(noLengthMarker), QStringLiteral("1")});
        CosSignRequest s;
        s.secretId = c.secretId;
        s.secretKey = c.secretKey;
        s.token = c.token;
        s.method = QString::fromLatin1(c.method);
        s.host = host;
        s.key = c.key;
        s.params = c.params;
        s.headers = headers;
        if (!c.signedHost.isEmpty()) {
            for (auto& header : s.headers) {
                if (header.first == QLatin1String("Host"))
                    header.second = c.signedHost;
            }
        }
        const auto [start, end] =
            CosSigner::keyTimeFor(QDateTime::currentSecsSinceEpoch() + c.clockOffset, 600);
        s.keyTimeStart = start;
        s.keyTimeEnd = end;
        const CosSigned signedRequest = CosSigner::sign(s);
        RawHeaders raw;
        for (const auto& [name, value] : headers + signedRequest.extraHeaders) {
            QString sent = value;
            for (const auto& [tName, tValue] : c.tamperedHeaders) {
                if (tName == name)
                    sent = tValue;
            }
            raw.append({name.toUtf8(), sent.toUtf8()});
        }
        raw.append({"Authorization", signedRequest.authorization.toUtf8()});
        QByteArray target = CosSigner::encodeKeyPath(c.key).toUtf8();
        if (!c.params.isEmpty())
            target += '?' + queryString(c.params);
        return rawHttp(port(), c.method, target, raw,
                       c.length == CosCall::Length::Chunked ? chunkedBody(c.body) : c.body);
    }

    // Path style with AWS SigV4, the S3-compatible face.
    Reply sigV4(const QByteArray& method, const QString& path, const StringPairList& query,
                const QByteArray& body, const QString& secretKey = kKey, qint64 clockOffset = 0,
                const QString& host = QString())
    {
        SigV4Request r;
        r.accessKeyId = kId;
        r.secretAccessKey = secretKey;
        r.region = kRegion;
        r.method = QString::fromLatin1(method);
        r.host = host.isEmpty() ? QStringLiteral("127.0.0.1:%1").arg(port()) : host;
        r.path = path;
        r.query = query;
        r.timestamp = QDateTime::currentSecsSinceEpoch() + clockOffset;
        r.contentSha256 = SigV4Signer::payloadHash(body);
        const SigV4Signed s = SigV4Signer::sign(r);
        RawHeaders raw{{"Host", r.host.toUtf8()}};
        for (const auto& [name, value] : s.extraHeaders)
            raw.append({name.toUtf8(), value.toUtf8()});
        QByteArray target = SigV4Signer::encodePath(path).toUtf8();
        if (!query.isEmpty())
            target += '?' + queryString(query);
        return rawHttp(port(), method, target, raw, body);
    }

    QString initiate(const QString& key)
    {
        CosCall c;
        c.method = "POST";
        c.key = key;
        c.params = {{QStringLiteral("uploads"), QString()}};
        const Reply r = cos(c);
        if (r.status != 200)
            qWarning() << r.body;
        return xmlText(r.body, QStringLiteral("UploadId"));
    }

    Reply uploadPart(const QString& key, const QString& uploadId, int number,
                     const QByteArray& data)
    {
        CosCall c;
        c.method = "PUT";
        c.key = key;
        c.params = {{QStringLiteral("partNumber"), QString::number(number)},
                    {QStringLiteral("uploadId"), uploadId}};
        c.body = data;
        return cos(c);
    }

    Reply complete(const QString& key, const QString& uploadId,
                   const QList<QPair<int, QByteArray>>& parts)
    {
        QByteArray xml = "<CompleteMultipartUpload>";
        for (const auto& [number, etag] : parts)
            xml += "<Part><PartNumber>" + QByteArray::number(number) + "</PartNumber><ETag>" +
                   etag + "</ETag></Part>";
        xml += "</CompleteMultipartUpload>";
        CosCall c;
        c.method = "POST";
        c.key = key;
        c.params = {{QStringLiteral("uploadId"), uploadId}};
        c.body = xml;
        return cos(c);
    }

    Reply putObject(const QString& key, const QByteArray& data)
    {
        CosCall c;
        c.method = "PUT";
        c.key = key;
        c.body = data;
        return cos(c);
    }

    QJsonObject importParams(const QString& name, const QString& key)
    {
        return {{QStringLiteral("ImageName"), name},
                {QStringLiteral("OsType"), QStringLiteral("CentOS")},
                {QStringLiteral("OsVersion"), QStringLiteral("7")}, // the vendor's list
                {QStringLiteral("Architecture"), QStringLiteral("x86_64")},
                {QStringLiteral("BootMode"), QStringLiteral("Legacy BIOS")},
                {QStringLiteral("LicenseType"), QStringLiteral("TencentCloud")},
                {QStringLiteral("ImageUrl"),
                 QString(QStringLiteral("https://") + CloudEmulator::cosHost(kBucket, kRegion) +
                         CosSigner::encodeKeyPath(key))}};
    }

    QString imageState(const QString& imageId, QJsonObject* image = nullptr)
    {
        const Reply r = cvm(QStringLiteral("DescribeImages"),
                            {{QStringLiteral("ImageIds"), QJsonArray{imageId}}});
        const QJsonObject first =
            response(r).value(QStringLiteral("ImageSet")).toArray().first().toObject();
        if (image)
            *image = first;
        return first.value(QStringLiteral("ImageState")).toString();
    }

    QString waitForImport(const QString& imageId, QJsonObject* image = nullptr)
    {
        QString state;
        for (int i = 0; i < 50; ++i) {
            state = imageState(imageId, image);
            if (state != QLatin1String("IMPORTING"))
                break;
            QTest::qWait(100);
        }
        return state;
    }

    // The nine keys the listing tests put into their bucket, in COS's order (UTF-8 bytes:
    // '1' < 'a' < ... < "sub/" < 0xE4 (中)).
    static QStringList listingKeysSorted()
    {
        return {QStringLiteral("disks/100%.img"),   QStringLiteral("disks/a.qcow2"),
                QStringLiteral("disks/b b.vhd"),    QStringLiteral("disks/c+d.raw"),
                QStringLiteral("disks/sub/e.vmdk"), QStringLiteral("disks/sub/f.img"),
                QStringLiteral("disks/中文.iso"),   QStringLiteral("other.txt"),
                QStringLiteral("z/deep/x")};
    }
    // The same keys in the order they are PUT, the i-th with pattern(100 + i, i).
    static QStringList listingKeysAsPut()
    {
        return {QStringLiteral("z/deep/x"),        QStringLiteral("other.txt"),
                QStringLiteral("disks/中文.iso"),  QStringLiteral("disks/b b.vhd"),
                QStringLiteral("disks/sub/f.img"), QStringLiteral("disks/c+d.raw"),
                QStringLiteral("disks/100%.img"),  QStringLiteral("disks/a.qcow2"),
                QStringLiteral("disks/sub/e.vmdk")};
    }
    // A fresh bucket `<name>-1250000000` holding the listing keys: each listing test has its
    // own, so that none depends on another having run (or on the 1000 objects one adds).
    QString listingBucket(const QString& name)
    {
        const QString bucket = name + QStringLiteral("-1250000000");
        if (!m_emulator->createBucket(bucket, kRegion))
            return {};
        const QStringList keys = listingKeysAsPut();
        for (qsizetype i = 0; i < keys.size(); ++i) {
            CosCall put;
            put.method = "PUT";
            put.bucket = bucket;
            put.key = keys.at(i);
            put.body = pattern(100 + i, int(i));
            if (cos(put).status != 200)
                return {};
        }
        return bucket;
    }
    Reply listBucket(const QString& bucket, const StringPairList& params)
    {
        CosCall c;
        c.bucket = bucket;
        c.params = params;
        return cos(c);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_state.isValid());
        m_emulator = std::make_unique<CloudEmulator>(m_state.path());
        addAccounts(*m_emulator);
        m_emulator->setImportDelayMs(300);
        QString error;
        QVERIFY2(m_emulator->start(0, &error), qPrintable(error));
        QVERIFY(m_emulator->port() > 0);
        QVERIFY(m_emulator->createBucket(kBucket, kRegion));
    }

    void init() { m_emulator->clearFaults(); }

    void cvmDescribeRegions()
    {
        const Reply r = cvm(QStringLiteral("DescribeRegions"), {},
                            options([](CvmOptions& o) { o.region = QString(); }));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.header("date").isEmpty());
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        const QJsonObject resp = response(r);
        QVERIFY(!QUuid::fromString(resp.value(QStringLiteral("RequestId")).toString()).isNull());
        QCOMPARE(resp.value(QStringLiteral("TotalCount")).toInt(), 2);
        const QJsonObject first =
            resp.value(QStringLiteral("RegionSet")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("Region")).toString(), kRegion);
        QCOMPARE(first.value(QStringLiteral("RegionState")).toString(),
                 QStringLiteral("AVAILABLE"));
    }

    void cvmDescribeImportImageOs()
    {
        const Reply r = cvm(QStringLiteral("DescribeImportImageOs"), {});
        const QJsonObject resp = response(r);
        const QJsonObject lists =
            resp.value(QStringLiteral("ImportImageOsListSupported")).toObject();
        QVERIFY(lists.value(QStringLiteral("Linux")).toArray().contains(QStringLiteral("CentOS")));
        QVERIFY(
            lists.value(QStringLiteral("Linux")).toArray().contains(QStringLiteral("Other Linux")));
        QVERIFY(lists.value(QStringLiteral("Windows"))
                    .toArray()
                    .contains(QStringLiteral("Windows Server 2012")));
        bool windowsDash = false;
        for (const QJsonValue& v :
             resp.value(QStringLiteral("ImportImageOsVersionSet")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("OsName")).toString() ==
                QLatin1String("Windows Server 2008"))
                windowsDash = o.value(QStringLiteral("OsVersions")).toArray() ==
                              QJsonArray{QStringLiteral("-")};
        }
        QVERIFY(windowsDash);
        QVERIFY(!resp.contains(QStringLiteral("_source")));
    }

    void cvmAuthFailures()
    {
        const auto code = [this](const CvmOptions& o) {
            const Reply r = cvm(QStringLiteral("DescribeRegions"), {}, o);
            if (r.status != 200)
                return QStringLiteral("HTTP %1").arg(r.status); // API errors travel in a 200
            return errorCode(r);
        };
        QCOMPARE(code({}), QString());
        QCOMPARE(code(options([](CvmOptions& o) { o.secretKey = QStringLiteral("wrong"); })),
                 QStringLiteral("AuthFailure.SignatureFailure"));
        QCOMPARE(code(options([](CvmOptions& o) { o.secretId = QStringLiteral("AKIDUNKNOWN"); })),
                 QStringLiteral("AuthFailure.SecretIdNotFound"));
        QCOMPARE(code(options([](CvmOptions& o) { o.clockOffset = -301; })),
                 QStringLiteral("AuthFailure.SignatureExpire"));
        QCOMPARE(code(options([](CvmOptions& o) { o.clockOffset = 400; })),
                 QStringLiteral("AuthFailure.SignatureExpire"));
        QCOMPARE(code(options([](CvmOptions& o) { o.clockOffset = -250; })), QString());
        QCOMPARE(code(options([](CvmOptions& o) {
                     o.signedHost = QStringLiteral("cvm.ap-guangzhou.tencentcloudapi.com");
                 })),
                 QStringLiteral("AuthFailure.SignatureFailure"));
        QCOMPARE(code(options([](CvmOptions& o) { o.tamperBody = true; })),
                 QStringLiteral("AuthFailure.SignatureFailure"));
        QCOMPARE(code(options([](CvmOptions& o) { o.secretId = kTokenId; })),
                 QStringLiteral("AuthFailure.TokenFailure"));
        QCOMPARE(code(options([](CvmOptions& o) {
                     o.secretId = kTokenId;
                     o.token = QStringLiteral("stale");
                 })),
                 QStringLiteral("AuthFailure.TokenFailure"));
        QCOMPARE(code(options([](CvmOptions& o) {
                     o.secretId = kTokenId;
                     o.token = kToken;
                 })),
                 QString());
        QCOMPARE(code(options([](CvmOptions& o) { o.token = kToken; })),
                 QStringLiteral("AuthFailure.TokenFailure"));

        // No signature at all, and an unknown action.
        const Reply bare = rawHttp(port(), "POST", "/",
                                   {{"Host", "cvm.tencentcloudapi.com"},
                                    {"Content-Type", "application/json"},
                                    {"X-TC-Action", "DescribeRegions"}},
                                   "{}");
        QCOMPARE(errorCode(bare), QStringLiteral("AuthFailure.InvalidAuthorization"));
        QCOMPARE(errorCode(cvm(QStringLiteral("RunInstances"), {})),
                 QStringLiteral("InvalidAction"));
        QCOMPARE(errorCode(cvm(QStringLiteral("DescribeImages"), {}, options([](CvmOptions& o) {
                                   o.region = QStringLiteral("eu-frankfurt");
                               }))),
                 QStringLiteral("UnsupportedRegion"));
    }

    void cosAuthFailures()
    {
        CosCall c;
        c.method = "HEAD";
        QCOMPARE(cos(c).status, 200);

        c.method = "GET";
        c.key = QStringLiteral("missing");
        c.secretKey = QStringLiteral("wrong");
        Reply r = cos(c);
        QCOMPARE(r.status, 403);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("SignatureDoesNotMatch"));
        // The server's own StringToSign and FormatString, for the client to compare with its own.
        QVERIFY(
            xmlText(r.body, QStringLiteral("StringToSign")).startsWith(QLatin1String("sha1\n")));
        QCOMPARE(xmlText(r.body, QStringLiteral("FormatString")),
                 QStringLiteral("get\n/missing\n\nhost=%1\n")
                     .arg(CloudEmulator::cosHost(kBucket, kRegion)));
        QVERIFY(!xmlText(r.body, QStringLiteral("RequestId")).isEmpty());
        QCOMPARE(r.header("x-cos-request-id").isEmpty(), false);

        c.secretKey = kKey;
        c.signedHost = QStringLiteral("other-1250000000.cos.ap-guangzhou.myqcloud.com");
        QCOMPARE(xmlText(cos(c).body, QStringLiteral("Code")),
                 QStringLiteral("SignatureDoesNotMatch"));

        c.signedHost.clear();
        c.clockOffset = -3600; // the 600 s window has passed by the server's clock: as COS
        r = cos(c);
        QCOMPARE(r.status, 403);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("AccessDenied"));
        QCOMPARE(xmlText(r.body, QStringLiteral("Message")), QStringLiteral("Request has expired"));
        c.clockOffset = 3600; // the window has not begun yet
        r = cos(c);
        QCOMPARE(r.status, 403);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("RequestTimeTooSkewed"));

        c.clockOffset = 0;
        c.headers = {{QStringLiteral("x-cos-meta-purpose"), QStringLiteral("signed")}};
        c.tamperedHeaders = {{QStringLiteral("x-cos-meta-purpose"), QStringLiteral("tampered")}};
        QCOMPARE(xmlText(cos(c).body, QStringLiteral("Code")),
                 QStringLiteral("SignatureDoesNotMatch"));

        c.headers.clear();
        c.tamperedHeaders.clear();
        c.secretId = QStringLiteral("AKIDUNKNOWN");
        QCOMPARE(xmlText(cos(c).body, QStringLiteral("Code")),
                 QStringLiteral("InvalidAccessKeyId"));

        c.secretId = kTokenId;
        QCOMPARE(xmlText(cos(c).body, QStringLiteral("Code")), QStringLiteral("InvalidToken"));
        c.token = kToken;
        QCOMPARE(xmlText(cos(c).body, QStringLiteral("Code")), QStringLiteral("NoSuchKey"));

        r = rawHttp(port(), "GET", "/missing",
                    {{"Host", CloudEmulator::cosHost(kBucket, kRegion).toUtf8()}}, {});
        QCOMPARE(r.status, 403);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("AccessDenied"));

        // SigV4: a wrong key and a skewed clock.
        r = sigV4("GET", QLatin1Char('/') + kBucket + QStringLiteral("/missing"), {}, {},
                  QStringLiteral("wrong"));
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("SignatureDoesNotMatch"));
        QVERIFY(
            xmlText(r.body, QStringLiteral("CanonicalRequest")).startsWith(QLatin1String("GET\n")));
        r = sigV4("GET", QLatin1Char('/') + kBucket + QStringLiteral("/missing"), {}, {}, kKey,
                  3600);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("RequestTimeTooSkewed"));
        r = sigV4("GET", QLatin1Char('/') + kBucket + QStringLiteral("/missing"), {}, {});
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("NoSuchKey"));
    }

    void cosBuckets()
    {
        CosCall c;
        c.method = "PUT";
        c.bucket = QStringLiteral("fresh-1250000000");
        QCOMPARE(cos(c).status, 200);
        Reply r = cos(c);
        QCOMPARE(r.status, 409);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")),
                 QStringLiteral("BucketAlreadyOwnedByYou"));
        c.secretId = kOtherId;
        c.secretKey = kOtherKey;
        r = cos(c);
        QCOMPARE(r.status, 409);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("BucketAlreadyExists"));
        c.method = "HEAD";
        QCOMPARE(cos(c).status, 403); // another account's bucket
        // Such a name cannot be a host name: path style reaches the check.
        QCOMPARE(xmlText(sigV4("PUT", QStringLiteral("/Bad_Name-1250000000"), {}, {}).body,
                         QStringLiteral("Code")),
                 QStringLiteral("InvalidBucketName"));

        CosCall head;
        head.method = "HEAD";
        head.bucket = QStringLiteral("fresh-1250000000");
        r = cos(head);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-cos-bucket-region"), kRegion.toUtf8());
        head.bucket = QStringLiteral("absent-1250000000");
        r = cos(head);
        QCOMPARE(r.status, 404);
        QVERIFY(r.body.isEmpty());

        CosCall service;
        service.bucket.clear();
        r = cos(service);
        QCOMPARE(r.status, 200);
        const QStringList names = xmlTexts(r.body, QStringLiteral("Name"));
        QVERIFY(names.contains(kBucket));
        QVERIFY(names.contains(QStringLiteral("fresh-1250000000")));
        QCOMPARE(xmlText(r.body, QStringLiteral("Location")), kRegion);
    }

    void cosObjects()
    {
        const QByteArray data = pattern(5000);
        const QString key = QStringLiteral("dir/a b+c.raw");
        CosCall put;
        put.method = "PUT";
        put.key = key;
        put.body = data;
        put.headers = {{QStringLiteral("Content-MD5"),
                        QString::fromLatin1(
                            QCryptographicHash::hash(data, QCryptographicHash::Md5).toBase64())}};
        Reply r = cos(put);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("etag"), quotedMd5(data));
        QCOMPARE(r.header("x-cos-hash-crc64ecma"), crcText(data));
        QFile stored(m_emulator->objectPath(kBucket, key));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), data);

        put.headers = {{QStringLiteral("Content-MD5"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA==")}};
        QCOMPARE(xmlText(cos(put).body, QStringLiteral("Code")), QStringLiteral("BadDigest"));

        CosCall get;
        get.method = "HEAD";
        get.key = key;
        r = cos(get);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-length"), QByteArray("5000"));
        QCOMPARE(r.header("x-cos-hash-crc64ecma"), crcText(data));
        QVERIFY(!r.header("last-modified").isEmpty());
        QVERIFY(r.body.isEmpty());

        get.method = "GET";
        r = cos(get);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, data);
        QCOMPARE(r.header("x-cos-hash-crc64ecma"), crcText(data));

        get.headers = {{QStringLiteral("Range"), QStringLiteral("bytes=10-19")}};
        r = cos(get);
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, data.mid(10, 10));
        QCOMPARE(r.header("content-range"), QByteArray("bytes 10-19/5000"));
        get.headers = {{QStringLiteral("Range"), QStringLiteral("bytes=-100")}};
        QCOMPARE(cos(get).body, data.right(100));
        get.headers = {{QStringLiteral("Range"), QStringLiteral("bytes=9000-")}};
        QCOMPARE(cos(get).status, 416);

        CosCall del;
        del.method = "DELETE";
        del.key = key;
        QCOMPARE(cos(del).status, 204);
        get.headers.clear();
        r = cos(get);
        QCOMPARE(r.status, 404);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("NoSuchKey"));

        CosCall noBucket = get;
        noBucket.bucket = QStringLiteral("absent-1250000000");
        QCOMPARE(xmlText(cos(noBucket).body, QStringLiteral("Code")),
                 QStringLiteral("NoSuchBucket"));
    }

    // GET Bucket (List Objects) as COS documents it. The whole listing: UTF-8 key order, the
    // defaults, and one entry in full.
    void cosListObjectsEntries()
    {
        const QString bucket = listingBucket(QStringLiteral("listing-entries"));
        QVERIFY(!bucket.isEmpty());
        const QStringList sorted = listingKeysSorted();
        Reply r = listBucket(bucket, {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/xml"));
        QCOMPARE(xmlText(r.body, QStringLiteral("Name")), bucket);
        QCOMPARE(xmlText(r.body, QStringLiteral("MaxKeys")), QStringLiteral("1000"));
        QCOMPARE(xmlText(r.body, QStringLiteral("IsTruncated")), QStringLiteral("false"));
        QVERIFY(!r.body.contains("<NextMarker>"));
        QVERIFY(!r.body.contains("<Delimiter>"));
        QVERIFY(!r.body.contains("<EncodingType>"));
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Key")), sorted);
        // One entry in full: the size, ETag and CRC the object's own PUT gave.
        const qsizetype chinese = listingKeysAsPut().indexOf(QStringLiteral("disks/中文.iso"));
        const QByteArray data = pattern(100 + chinese, int(chinese));
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Size")).at(6), QString::number(data.size()));
        QCOMPARE(xmlTexts(r.body, QStringLiteral("ETag")).at(6),
                 QString::fromLatin1(quotedMd5(data)));
        const QDateTime modified = QDateTime::fromString(
            xmlTexts(r.body, QStringLiteral("LastModified")).at(6), Qt::ISODateWithMs);
        QVERIFY(modified.isValid());
        QVERIFY(qAbs(modified.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(xmlTexts(r.body, QStringLiteral("ID")).value(0), kAppId);
        QCOMPARE(xmlTexts(r.body, QStringLiteral("DisplayName")).value(0), kAppId);
        QCOMPARE(xmlTexts(r.body, QStringLiteral("StorageClass")).size(), sorted.size());
        QCOMPARE(xmlTexts(r.body, QStringLiteral("StorageClass")).value(0),
                 QStringLiteral("STANDARD"));
    }

    // prefix narrows; delimiter rolls subfolders up into CommonPrefixes.
    void cosListObjectsPrefixDelimiter()
    {
        const QString bucket = listingBucket(QStringLiteral("listing-prefix"));
        QVERIFY(!bucket.isEmpty());
        const QStringList sorted = listingKeysSorted();
        Reply r;
        // prefix: the SDK always sends it, empty when unset.
        r = listBucket(bucket, {{QStringLiteral("prefix"), QString()}});
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Key")), sorted);
        r = listBucket(bucket, {{QStringLiteral("prefix"), QStringLiteral("disks/")}});
        QCOMPARE(xmlText(r.body, QStringLiteral("Prefix")), QStringLiteral("disks/"));
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Key")), sorted.mid(0, 7));
        r = listBucket(bucket, {{QStringLiteral("prefix"), QStringLiteral("disks/中")}});
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Key")), QStringList{sorted.at(6)});
        r = listBucket(bucket, {{QStringLiteral("prefix"), QStringLiteral("nothing/")}});
        QCOMPARE(r.status, 200);
        QVERIFY(xmlTexts(r.body, QStringLiteral("Key")).isEmpty());

        // delimiter: the folder's objects, and its subfolders as CommonPrefixes.
        r = listBucket(bucket, {{QStringLiteral("delimiter"), QStringLiteral("/")},
                                {QStringLiteral("prefix"), QStringLiteral("disks/")}});
        QCOMPARE(xmlText(r.body, QStringLiteral("Delimiter")), QStringLiteral("/"));
        QCOMPARE(
            xmlTexts(r.body, QStringLiteral("Key")),
            (QStringList{sorted.at(0), sorted.at(1), sorted.at(2), sorted.at(3), sorted.at(6)}));
        QStringList prefixes = xmlTexts(r.body, QStringLiteral("Prefix"));
        QCOMPARE(prefixes.takeFirst(), QStringLiteral("disks/")); // the request's own
        QCOMPARE(prefixes, QStringList{QStringLiteral("disks/sub/")});
        r = listBucket(bucket, {{QStringLiteral("delimiter"), QStringLiteral("/")}});
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Key")), QStringList{QStringLiteral("other.txt")});
        prefixes = xmlTexts(r.body, QStringLiteral("Prefix"));
        prefixes.removeFirst();
        QCOMPARE(prefixes, (QStringList{QStringLiteral("disks/"), QStringLiteral("z/")}));
    }

    // marker: strictly after it; NextMarker leads through every page exactly once.
    void cosListObjectsMarkerPaging()
    {
        const QString bucket = listingBucket(QStringLiteral("listing-paging"));
        QVERIFY(!bucket.isEmpty());
        const QStringList sorted = listingKeysSorted();
        Reply r;
        // marker: strictly after it, and NextMarker leads through every page exactly once.
        r = listBucket(bucket, {{QStringLiteral("marker"), QStringLiteral("disks/c+d.raw")}});
        QCOMPARE(xmlText(r.body, QStringLiteral("Marker")), QStringLiteral("disks/c+d.raw"));
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Key")), sorted.mid(4));
        for (const QString& delimiter : {QString(), QStringLiteral("/")}) {
            QStringList seen;
            QString marker;
            int pages = 0;
            for (;; ++pages) {
                QVERIFY(pages < 20);
                StringPairList params{{QStringLiteral("max-keys"), QStringLiteral("2")}};
                if (!marker.isEmpty())
                    params.append({QStringLiteral("marker"), marker});
                if (!delimiter.isEmpty())
                    params.append({QStringLiteral("delimiter"), delimiter});
                r = listBucket(bucket, params);
                QCOMPARE(r.status, 200);
                QCOMPARE(xmlText(r.body, QStringLiteral("MaxKeys")), QStringLiteral("2"));
                QStringList entries = xmlTexts(r.body, QStringLiteral("Prefix"));
                entries.removeFirst();
                entries = xmlTexts(r.body, QStringLiteral("Key")) + entries;
                QVERIFY(entries.size() <= 2);
                seen += entries;
                if (xmlText(r.body, QStringLiteral("IsTruncated")) == QLatin1String("false")) {
                    QVERIFY(!r.body.contains("<NextMarker>"));
                    break;
                }
                marker = xmlText(r.body, QStringLiteral("NextMarker"));
                QVERIFY(!marker.isEmpty());
            }
            seen.sort();
            if (delimiter.isEmpty()) {
                QStringList expected = sorted;
                expected.sort();
                QCOMPARE(seen, expected);
                QCOMPARE(pages, 4); // 9 keys, 2 a page
            } else {
                QCOMPARE(seen, (QStringList{QStringLiteral("disks/"), QStringLiteral("other.txt"),
                                            QStringLiteral("z/")}));
            }
        }
    }

    // encoding-type=url: keys and the echoed parameters percent-encoded; nothing else.
    void cosListObjectsEncodingType()
    {
        const QString bucket = listingBucket(QStringLiteral("listing-encoding"));
        QVERIFY(!bucket.isEmpty());
        Reply r;
        // encoding-type=url: keys and the echoed parameters percent-encoded.
        r = listBucket(bucket, {{QStringLiteral("encoding-type"), QStringLiteral("url")},
                                {QStringLiteral("prefix"), QStringLiteral("disks/")},
                                {QStringLiteral("max-keys"), QStringLiteral("4")}});
        QCOMPARE(xmlText(r.body, QStringLiteral("EncodingType")), QStringLiteral("url"));
        QCOMPARE(
            xmlTexts(r.body, QStringLiteral("Key")),
            (QStringList{QStringLiteral("disks/100%25.img"), QStringLiteral("disks/a.qcow2"),
                         QStringLiteral("disks/b%20b.vhd"), QStringLiteral("disks/c%2Bd.raw")}));
        QCOMPARE(xmlText(r.body, QStringLiteral("NextMarker")), QStringLiteral("disks/c%2Bd.raw"));
        r = listBucket(bucket, {{QStringLiteral("encoding-type"), QStringLiteral("url")},
                                {QStringLiteral("prefix"), QStringLiteral("disks/中")}});
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Key")),
                 QStringList{QStringLiteral("disks/%E4%B8%AD%E6%96%87.iso")});
        r = listBucket(bucket, {{QStringLiteral("encoding-type"), QStringLiteral("base64")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("InvalidArgument"));
    }

    // max-keys bounds, and the default page of 1000 entries.
    void cosListObjectsMaxKeys()
    {
        const QString bucket = listingBucket(QStringLiteral("listing-max-keys"));
        QVERIFY(!bucket.isEmpty());
        const QStringList sorted = listingKeysSorted();
        Reply r;
        // max-keys: at most 1000 (more asks for the maximum), 0 lists nothing, not a number or
        // negative is InvalidArgument.
        r = listBucket(bucket, {{QStringLiteral("max-keys"), QStringLiteral("5000")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(xmlText(r.body, QStringLiteral("MaxKeys")), QStringLiteral("1000"));
        r = listBucket(bucket, {{QStringLiteral("max-keys"), QStringLiteral("0")}});
        QCOMPARE(r.status, 200);
        QVERIFY(xmlTexts(r.body, QStringLiteral("Key")).isEmpty());
        QCOMPARE(xmlText(r.body, QStringLiteral("IsTruncated")), QStringLiteral("false"));
        for (const QString& bad :
             {QStringLiteral("ten"), QStringLiteral("-1"), QStringLiteral("1.5")}) {
            r = listBucket(bucket, {{QStringLiteral("max-keys"), bad}});
            QVERIFY2(r.status == 400, qPrintable(bad));
            QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("InvalidArgument"));
            QVERIFY(xmlText(r.body, QStringLiteral("Message")).contains(QLatin1String("max-keys")));
        }
        // The default page is 1000 entries: one more object than that is cut off after 1000.
        CosStore direct(m_emulator->stateDir() + QStringLiteral("/cos"));
        QString problem;
        for (int i = 0; i < 1000; ++i)
            QVERIFY2(direct.putObject(
                         bucket, QStringLiteral("bulk/%1").arg(i, 4, 10, QLatin1Char('0')),
                         QByteArray("x"), QString(), QDateTime::currentMSecsSinceEpoch(), &problem),
                     qPrintable(problem));
        r = listBucket(bucket, {});
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Key")).size(), 1000);
        QCOMPARE(xmlText(r.body, QStringLiteral("IsTruncated")), QStringLiteral("true"));
        QCOMPARE(xmlText(r.body, QStringLiteral("NextMarker")), QStringLiteral("bulk/0999"));
        r = listBucket(bucket, {{QStringLiteral("marker"), QStringLiteral("bulk/0999")}});
        QCOMPARE(xmlTexts(r.body, QStringLiteral("Key")), sorted);
        QCOMPARE(xmlText(r.body, QStringLiteral("IsTruncated")), QStringLiteral("false"));
    }

    // The same signature and ownership rules as every other bucket request.
    void cosListObjectsRefusals()
    {
        const QString bucket = listingBucket(QStringLiteral("listing-refusals"));
        QVERIFY(!bucket.isEmpty());
        Reply r;
        // The signature is required, and another account's bucket is refused.
        r = rawHttp(port(), "GET", "/",
                    {{"Host", CloudEmulator::cosHost(bucket, kRegion).toUtf8()}}, {});
        QCOMPARE(r.status, 403);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("AccessDenied"));
        QVERIFY(!r.body.contains("<Contents>"));
        CosCall wrongKey;
        wrongKey.bucket = bucket;
        wrongKey.secretKey = QStringLiteral("wrong");
        r = cos(wrongKey);
        QCOMPARE(r.status, 403);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("SignatureDoesNotMatch"));
        CosCall other;
        other.bucket = bucket;
        other.secretId = kOtherId;
        other.secretKey = kOtherKey;
        r = cos(other);
        QCOMPARE(r.status, 403);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("AccessDenied"));
        QVERIFY(!r.body.contains("<Contents>"));
        CosCall absent;
        absent.bucket = QStringLiteral("absent-1250000000");
        r = cos(absent);
        QCOMPARE(r.status, 404);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("NoSuchBucket"));
    }

    void presignedGet()
    {
        const QByteArray data = pattern(777, 3);
        QCOMPARE(putObject(QStringLiteral("shared/disk.vhd"), data).status, 200);
        const auto fetch = [this](const QString& url) {
            const QUrl u(url);
            QByteArray target =
                u.path(QUrl::FullyEncoded).toUtf8() + '?' + u.query(QUrl::FullyEncoded).toUtf8();
            return rawHttp(port(), "GET", target, {{"Host", u.host().toUtf8()}}, {});
        };
        CosPresignRequest p;
        p.secretId = kId;
        p.secretKey = kKey;
        p.host = CloudEmulator::cosHost(kBucket, kRegion);
        p.key = QStringLiteral("shared/disk.vhd");
        p.now = QDateTime::currentSecsSinceEpoch();
        p.expireSeconds = 120;
        Error error;
        const auto url = CosSigner::presignedUrl(p, &error);
        QVERIFY(url);
        Reply r = fetch(*url);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, data);

        p.now -= 3600; // signed an hour ago for two minutes: expired
        r = fetch(*CosSigner::presignedUrl(p, &error));
        QCOMPARE(r.status, 403);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("AccessDenied"));
        QCOMPARE(xmlText(r.body, QStringLiteral("Message")), QStringLiteral("Request has expired"));

        p.now = QDateTime::currentSecsSinceEpoch();
        QString tampered = *CosSigner::presignedUrl(p, &error);
        tampered.replace(QStringLiteral("disk.vhd"), QStringLiteral("disk.vhdx"));
        QCOMPARE(xmlText(fetch(tampered).body, QStringLiteral("Code")),
                 QStringLiteral("SignatureDoesNotMatch"));
    }

    void multipartEndToEnd()
    {
        const QString key = QStringLiteral("images/centos 7.qcow2");
        const qsizetype partSize = 1024 * 1024;
        const QByteArray file = pattern(3 * partSize + 12345);
        const QString uploadId = initiate(key);
        QVERIFY(!uploadId.isEmpty());

        QList<QPair<int, QByteArray>> parts;
        quint64 combined = 0;
        for (int n = 1; qsizetype(n - 1) * partSize < file.size(); ++n) {
            const QByteArray part = file.mid((n - 1) * partSize, partSize);
            const Reply r = uploadPart(key, uploadId, n, part);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("etag"), quotedMd5(part));
            QCOMPARE(r.header("x-cos-hash-crc64ecma"), crcText(part));
            parts.append({n, r.header("etag")});
            combined = util::Crc64::combine(combined, util::Crc64::compute(part), part.size());
        }
        QCOMPARE(parts.size(), 4);

        CosCall list;
        list.key = key;
        list.params = {{QStringLiteral("uploadId"), uploadId},
                       {QStringLiteral("max-parts"), QStringLiteral("3")}};
        Reply r = cos(list);
        QCOMPARE(r.status, 200);
        QCOMPARE(xmlText(r.body, QStringLiteral("IsTruncated")), QStringLiteral("true"));
        QCOMPARE(xmlText(r.body, QStringLiteral("NextPartNumberMarker")), QStringLiteral("3"));
        QCOMPARE(xmlTexts(r.body, QStringLiteral("PartNumber")).size(), 3);
        list.params = {{QStringLiteral("uploadId"), uploadId},
                       {QStringLiteral("part-number-marker"), QStringLiteral("3")}};
        r = cos(list);
        QCOMPARE(xmlTexts(r.body, QStringLiteral("PartNumber")), QStringList{QStringLiteral("4")});
        QCOMPARE(xmlText(r.body, QStringLiteral("IsTruncated")), QStringLiteral("false"));
        QCOMPARE(xmlText(r.body, QStringLiteral("Size")), QStringLiteral("12345"));

        CosCall uploads;
        uploads.params = {{QStringLiteral("uploads"), QString()},
                          {QStringLiteral("prefix"), QStringLiteral("images/")}};
        r = cos(uploads);
        QCOMPARE(r.status, 200);
        QVERIFY(xmlTexts(r.body, QStringLiteral("UploadId")).contains(uploadId));

        // Refusals before the real completion.
        QCOMPARE(xmlText(complete(key, uploadId, {parts.at(1), parts.at(0)}).body,
                         QStringLiteral("Code")),
                 QStringLiteral("InvalidPartOrder"));
        QCOMPARE(
            xmlText(complete(key, uploadId, {{1, "\"00000000000000000000000000000000\""}}).body,
                    QStringLiteral("Code")),
            QStringLiteral("InvalidPart"));
        QCOMPARE(xmlText(complete(key, uploadId, {{9, parts.at(0).second}}).body,
                         QStringLiteral("Code")),
                 QStringLiteral("InvalidPart"));
        QCOMPARE(xmlText(uploadPart(key, uploadId, 10001, "x").body, QStringLiteral("Code")),
                 QStringLiteral("InvalidArgument"));
        QCOMPARE(xmlText(uploadPart(key, QStringLiteral("nosuchupload"), 1, "x").body,
                         QStringLiteral("Code")),
                 QStringLiteral("NoSuchUpload"));

        r = complete(key, uploadId, parts);
        QCOMPARE(r.status, 200);
        QVERIFY(!xmlText(r.body, QStringLiteral("ETag")).isEmpty());
        QCOMPARE(xmlText(r.body, QStringLiteral("Key")), key);
        QCOMPARE(r.header("x-cos-hash-crc64ecma"), crcText(file));
        QCOMPARE(util::Crc64::toDecimal(combined).toLatin1(), crcText(file));

        CosCall get;
        get.key = key;
        r = cos(get);
        QCOMPARE(r.body.size(), file.size());
        QVERIFY(r.body == file);
        QCOMPARE(r.header("x-cos-hash-crc64ecma"), crcText(file));
        QCOMPARE(m_emulator->objectInfo(kBucket, key)->crc64, util::Crc64::compute(file));
        QVERIFY(!xmlTexts(cos(uploads).body, QStringLiteral("UploadId")).contains(uploadId));
    }

    void multipartRefusals()
    {
        const QString key = QStringLiteral("small-parts");
        const QString uploadId = initiate(key);
        const QByteArray small = pattern(1000);
        const QByteArray e1 = uploadPart(key, uploadId, 1, small).header("etag");
        const QByteArray e2 = uploadPart(key, uploadId, 2, small).header("etag");
        const Reply r = complete(key, uploadId, {{1, e1}, {2, e2}});
        QCOMPARE(r.status, 400);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("EntityTooSmall"));
        // The last part alone may be small.
        QCOMPARE(complete(key, uploadId, {{2, e2}}).status, 200);

        const QString aborted = initiate(QStringLiteral("to-abort"));
        CosCall abort;
        abort.method = "DELETE";
        abort.key = QStringLiteral("to-abort");
        abort.params = {{QStringLiteral("uploadId"), aborted}};
        QCOMPARE(cos(abort).status, 204);
        QCOMPARE(xmlText(cos(abort).body, QStringLiteral("Code")), QStringLiteral("NoSuchUpload"));
        for (const UploadInfo& u : m_emulator->pendingUploads(kBucket))
            QVERIFY(u.uploadId != aborted);
    }

    void stateSurvivesRestart()
    {
        // A second emulator on its own directory; the helpers talk to whichever port is set.
        QTemporaryDir dir;
        const QByteArray part1 = pattern(1024 * 1024, 11);
        const QString key = QStringLiteral("resume.raw");
        QString uploadId;
        {
            CloudEmulator first(dir.path());
            addAccounts(first);
            QVERIFY(first.start());
            QVERIFY(first.createBucket(kBucket, kRegion));
            m_portOverride = first.port();
            uploadId = initiate(key);
            QCOMPARE(uploadPart(key, uploadId, 1, part1).status, 200);
        }
        CloudEmulator second(dir.path());
        addAccounts(second);
        QVERIFY(second.start());
        m_portOverride = second.port();
        CosCall list;
        list.key = key;
        list.params = {{QStringLiteral("uploadId"), uploadId}};
        const Reply r = cos(list);
        QCOMPARE(r.status, 200);
        QCOMPARE(xmlText(r.body, QStringLiteral("ETag")), QString::fromLatin1(quotedMd5(part1)));
        const QByteArray last = pattern(100, 12);
        const QByteArray e2 = uploadPart(key, uploadId, 2, last).header("etag");
        const Reply done = complete(key, uploadId, {{1, quotedMd5(part1)}, {2, e2}});
        m_portOverride = 0;
        QCOMPARE(done.status, 200);
        QCOMPARE(done.header("x-cos-hash-crc64ecma"), crcText(part1 + last));
        QCOMPARE(second.objectInfo(kBucket, key)->crc64, util::Crc64::compute(part1 + last));
    }

    void faultReset()
    {
        QVERIFY(m_emulator->setFaults(QJsonDocument::fromJson(R"({"rules": [
            {"operation": "HeadBucket", "fault": "reset", "times": 1}]})")
                                          .object()));
        CosCall head;
        head.method = "HEAD";
        Reply r = cos(head);
        QCOMPARE(r.status, 0);
        QCOMPARE(cos(head).status, 200); // "times": 1
        QCOMPARE(m_emulator->faultCounters().value(QStringLiteral("reset")).toInt(), 1);

        // Reset after processing: the client saw an error, yet the part is stored.
        const QString key = QStringLiteral("reset-after");
        const QString uploadId = initiate(key);
        QVERIFY(m_emulator->setFaults(QJsonDocument::fromJson(R"({"rules": [
            {"operation": "UploadPart", "fault": "reset", "when": "after"}]})")
                                          .object()));
        QCOMPARE(uploadPart(key, uploadId, 1, pattern(100)).status, 0);
        m_emulator->clearFaults();
        CosCall list;
        list.key = key;
        list.params = {{QStringLiteral("uploadId"), uploadId}};
        QCOMPARE(xmlTexts(cos(list).body, QStringLiteral("PartNumber")),
                 QStringList{QStringLiteral("1")});
    }

    void faultStatus()
    {
        QVERIFY(m_emulator->setFaults(QJsonDocument::fromJson(R"({"rules": [
            {"operation": "GetService", "fault": "internal-error", "times": 1},
            {"operation": "cos:GetService", "fault": "slow-down", "times": 1},
            {"operation": "DescribeRegions", "fault": "internal-error", "times": 1}]})")
                                          .object()));
        CosCall service;
        service.bucket.clear();
        Reply r = cos(service);
        QCOMPARE(r.status, 500);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("InternalError"));
        r = cos(service);
        QCOMPARE(r.status, 503);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("SlowDown"));
        QCOMPARE(cos(service).status, 200);
        r = cvm(QStringLiteral("DescribeRegions"), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(errorCode(r), QStringLiteral("InternalError"));
        const QJsonObject counters = m_emulator->faultCounters();
        QCOMPARE(counters.value(QStringLiteral("internal-error")).toInt(), 2);
        QCOMPARE(counters.value(QStringLiteral("slow-down")).toInt(), 1);
    }

    void faultStallAndTruncate()
    {
        QCOMPARE(putObject(QStringLiteral("four-k"), pattern(4096)).status, 200);
        QVERIFY(m_emulator->setFaults(QJsonDocument::fromJson(R"({"rules": [
            {"operation": "GetObject", "fault": "stall", "ms": 600, "times": 1},
            {"operation": "GetObject", "fault": "truncate", "every": 2}]})")
                                          .object()));
        CosCall get;
        get.key = QStringLiteral("four-k");
        Reply r = cos(get); // match 1: stalled (the truncate rule's first match does not fire)
        QCOMPARE(r.status, 200);
        QVERIFY(r.complete);
        QVERIFY2(r.elapsedMs >= 550, qPrintable(QString::number(r.elapsedMs)));
        r = cos(get); // match 2: truncated
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-length"), QByteArray("4096"));
        QVERIFY(!r.complete);
        QCOMPARE(r.body.size(), 2048);
        const QJsonObject counters = m_emulator->faultCounters();
        QCOMPARE(counters.value(QStringLiteral("stall")).toInt(), 1);
        QCOMPARE(counters.value(QStringLiteral("truncate")).toInt(), 1);
    }

    void clockOffsetAhead()
    {
        // The services' clock 15 minutes ahead: a client 15 minutes behind, as COS and CVM see
        // it. COS's header signature (600 s key time) has expired; CVM's 300 s window is passed.
        m_emulator->setClockOffsetSeconds(900);
        CosCall get;
        get.key = QStringLiteral("missing");
        Reply r = cos(get);
        const Reply cvmReply = cvm(QStringLiteral("DescribeRegions"), {});
        get.clockOffset = 900; // signed with the server's time: accepted
        const Reply corrected = cos(get);
        m_emulator->setClockOffsetSeconds(0);
        QCOMPARE(r.status, 403);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("AccessDenied"));
        QCOMPARE(xmlText(r.body, QStringLiteral("Message")), QStringLiteral("Request has expired"));
        QDateTime date = QDateTime::fromString(QString::fromLatin1(r.header("date")),
                                               QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        date.setTimeSpec(Qt::UTC);
        QVERIFY(qAbs(date.toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch() - 900) < 5);
        QCOMPARE(errorCode(cvmReply), QStringLiteral("AuthFailure.SignatureExpire"));
        QCOMPARE(xmlText(corrected.body, QStringLiteral("Code")), QStringLiteral("NoSuchKey"));
    }

    void faultSkewAndControlApi()
    {
        const QByteArray config =
            R"({"rules": [{"operation": "DescribeRegions", "fault": "skew", "seconds": 3600}]})";
        Reply r = rawHttp(port(), "PUT", "/-/emulator/faults", {{"Host", "127.0.0.1"}}, config);
        QCOMPARE(r.status, 200);
        r = cvm(QStringLiteral("DescribeRegions"), {});
        QCOMPARE(errorCode(r), QStringLiteral("AuthFailure.SignatureExpire"));
        // The Date header shows the skewed clock: what a client uses to correct itself.
        QDateTime date = QDateTime::fromString(QString::fromLatin1(r.header("date")),
                                               QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        date.setTimeSpec(Qt::UTC);
        QVERIFY(qAbs(date.toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch() - 3600) < 5);
        r = cvm(QStringLiteral("DescribeRegions"), {},
                options([](CvmOptions& o) { o.clockOffset = 3600; }));
        QCOMPARE(errorCode(r), QString());

        r = rawHttp(port(), "GET", "/-/emulator/faults", {{"Host", "127.0.0.1"}}, {});
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("skew")).toInt(), 2);
        r = rawHttp(port(), "PUT", "/-/emulator/faults", {{"Host", "127.0.0.1"}},
                    R"({"rules": [{"fault": "explode"}]})");
        QCOMPARE(r.status, 400);
    }

    void faultProbabilityIsReproducible()
    {
        const QJsonObject config = QJsonDocument::fromJson(R"({"seed": 7, "rules": [
            {"operation": "HeadBucket", "fault": "slow-down", "probability": 0.5}]})")
                                       .object();
        CosCall head;
        head.method = "HEAD";
        QList<int> runs[2];
        for (auto& run : runs) {
            QVERIFY(m_emulator->setFaults(config));
            for (int i = 0; i < 16; ++i)
                run.append(cos(head).status);
        }
        QCOMPARE(runs[0], runs[1]);
        QVERIFY(runs[0].contains(503));
        QVERIFY(runs[0].contains(200));
    }

    void importImage()
    {
        QCOMPARE(putObject(QStringLiteral("disks/good.qcow2"), test::qcow2Header(quint64(20) << 30))
                     .status,
                 200);
        QCOMPARE(putObject(QStringLiteral("disks/notes.txt"), "not a disk image at all").status,
                 200);

        Reply r = cvm(QStringLiteral("ImportImage"),
                      importParams(QStringLiteral("good"), QStringLiteral("disks/good.qcow2")));
        const QString good = response(r).value(QStringLiteral("ImageId")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^img-[a-z0-9]{8}$")).match(good).hasMatch(),
                 r.body.constData());
        QCOMPARE(imageState(good), QStringLiteral("IMPORTING"));

        r = cvm(QStringLiteral("ImportImage"),
                importParams(QStringLiteral("missing"), QStringLiteral("disks/absent.qcow2")));
        const QString missing = response(r).value(QStringLiteral("ImageId")).toString();
        r = cvm(QStringLiteral("ImportImage"),
                importParams(QStringLiteral("text"), QStringLiteral("disks/notes.txt")));
        const QString text = response(r).value(QStringLiteral("ImageId")).toString();

        QJsonObject image;
        QCOMPARE(waitForImport(good, &image), QStringLiteral("NORMAL"));
        QCOMPARE(image.value(QStringLiteral("ImageSize")).toInt(), 20);
        QCOMPARE(image.value(QStringLiteral("ImageSource")).toString(),
                 QStringLiteral("EXTERNAL_IMPORT"));
        QCOMPARE(image.value(QStringLiteral("ImageType")).toString(),
                 QStringLiteral("PRIVATE_IMAGE"));
        QCOMPARE(image.value(QStringLiteral("Architecture")).toString(), QStringLiteral("x86_64"));
        QVERIFY(image.value(QStringLiteral("CreatedTime")).toString().endsWith(u'Z'));
        QCOMPARE(waitForImport(missing), QStringLiteral("IMPORTFAILED"));
        QCOMPARE(waitForImport(text), QStringLiteral("IMPORTFAILED"));

        // A pre-signed URL is accepted as ImageUrl.
        CosPresignRequest p;
        p.secretId = kId;
        p.secretKey = kKey;
        p.host = CloudEmulator::cosHost(kBucket, kRegion);
        p.key = QStringLiteral("disks/good.qcow2");
        p.now = QDateTime::currentSecsSinceEpoch();
        p.expireSeconds = 3600;
        Error error;
        QJsonObject params = importParams(QStringLiteral("presigned"), QString());
        params.insert(QStringLiteral("ImageUrl"), *CosSigner::presignedUrl(p, &error));
        const QString presigned = response(cvm(QStringLiteral("ImportImage"), params))
                                      .value(QStringLiteral("ImageId"))
                                      .toString();
        QCOMPARE(waitForImport(presigned), QStringLiteral("NORMAL"));

        // Filters, paging, and the ImageIds/Filters exclusion.
        r = cvm(QStringLiteral("DescribeImages"),
                {{QStringLiteral("Filters"),
                  QJsonArray{
                      QJsonObject{{QStringLiteral("Name"), QStringLiteral("image-name")},
                                  {QStringLiteral("Values"), QJsonArray{QStringLiteral("oo")}}}}}});
        QCOMPARE(response(r).value(QStringLiteral("TotalCount")).toInt(), 1);
        r = cvm(QStringLiteral("DescribeImages"),
                {{QStringLiteral("Limit"), 2}, {QStringLiteral("Offset"), 1}});
        QCOMPARE(response(r).value(QStringLiteral("TotalCount")).toInt(), 4);
        QCOMPARE(response(r).value(QStringLiteral("ImageSet")).toArray().size(), 2);
        r = cvm(QStringLiteral("DescribeImages"), {{QStringLiteral("ImageIds"), QJsonArray{good}},
                                                   {QStringLiteral("Filters"), QJsonArray{}}});
        QCOMPARE(errorCode(r),
                 QStringLiteral("InvalidParameter.InvalidParameterCoexistImageIdsFilters"));
    }

    void importImageValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("dry run") << "DryRun" << QJsonValue(true) << "DryRunOperation";
        QTest::newRow("duplicate")
            << "ImageName" << QJsonValue(QStringLiteral("good")) << "InvalidImageName.Duplicate";
        QTest::newRow("name 61") << "ImageName" << QJsonValue(QString(61, u'n'))
                                 << "InvalidParameterValue.TooLarge";
        QTest::newRow("os type") << "OsType" << QJsonValue(QStringLiteral("Gentoo"))
                                 << "InvalidImageOsType.Unsupported";
        QTest::newRow("os version") << "OsVersion" << QJsonValue(QStringLiteral("5.0"))
                                    << "InvalidImageOsVersion.Unsupported";
        QTest::newRow("architecture")
            << "Architecture" << QJsonValue(QStringLiteral("mips")) << "InvalidParameterValue";
        QTest::newRow("boot mode") << "BootMode" << QJsonValue(QStringLiteral("BIOS"))
                                   << "InvalidParameterValue.InvalidBootMode";
        QTest::newRow("licence") << "LicenseType" << QJsonValue(QStringLiteral("Free"))
                                 << "InvalidParameterValue.InvalidLicenseType";
        QTest::newRow("url not cos")
            << "ImageUrl" << QJsonValue(QStringLiteral("https://example.com/disk.qcow2"))
            << "InvalidParameter.InvalidParameterUrlError";
        QTest::newRow("url no bucket")
            << "ImageUrl"
            << QJsonValue(QStringLiteral(
                   "https://nobucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.qcow2"))
            << "InvalidParameter.InvalidParameterUrlError";
        QTest::newRow("url wrong region")
            << "ImageUrl"
            << QJsonValue(QString(QStringLiteral("https://") +
                                  CloudEmulator::cosHost(kBucket, QStringLiteral("ap-shanghai")) +
                                  QStringLiteral("/disks/good.qcow2")))
            << "InvalidParameter.InvalidParameterUrlError";
        QTest::newRow("unknown parameter")
            << "Colour" << QJsonValue(QStringLiteral("blue")) << "UnknownParameter";
        QTest::newRow("wrong type") << "ImageName" << QJsonValue(5) << "InvalidParameter";
    }

    void importImageValidation()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QJsonObject params = importParams(
            QStringLiteral("validation-%1").arg(QString::fromLatin1(QTest::currentDataTag())),
            QStringLiteral("disks/good.qcow2"));
        params.insert(field, value);
        QCOMPARE(errorCode(cvm(QStringLiteral("ImportImage"), params)), code);
    }

    void importImagePermission()
    {
        QJsonObject params =
            importParams(QStringLiteral("denied"), QStringLiteral("disks/good.qcow2"));
        params.insert(QStringLiteral("DryRun"), true);
        QCOMPARE(errorCode(cvm(QStringLiteral("ImportImage"), params,
                               options([](CvmOptions& o) { o.secretId = kNoImportId; }))),
                 QStringLiteral("UnauthorizedOperation.PermissionDenied"));
        params.remove(QStringLiteral("ImageName"));
        QCOMPARE(errorCode(cvm(QStringLiteral("ImportImage"), params)),
                 QStringLiteral("MissingParameter"));
    }

    void cosBucketRegionInHost()
    {
        QCOMPARE(putObject(QStringLiteral("region/object"), "in ap-guangzhou").status, 200);
        CosCall get;
        get.key = QStringLiteral("region/object");
        QCOMPARE(cos(get).status, 200);

        // The bucket is in ap-guangzhou: a host naming ap-shanghai finds no bucket.
        get.region = QStringLiteral("ap-shanghai");
        Reply r = cos(get);
        QCOMPARE(r.status, 404);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("NoSuchBucket"));
        CosCall head;
        head.method = "HEAD";
        head.region = QStringLiteral("ap-shanghai");
        r = cos(head);
        QCOMPARE(r.status, 404);
        QVERIFY(r.body.isEmpty());
        CosCall put;
        put.method = "PUT";
        put.key = QStringLiteral("region/through-shanghai");
        put.body = "x";
        put.region = QStringLiteral("ap-shanghai");
        QCOMPARE(cos(put).status, 404);
        QVERIFY(!m_emulator->objectInfo(kBucket, put.key));

        // Path style: a host with the region is checked the same way, one without is not.
        const QString path = QLatin1Char('/') + kBucket + QStringLiteral("/region/object");
        QCOMPARE(
            sigV4("GET", path, {}, {}, kKey, 0, QStringLiteral("cos.ap-guangzhou.myqcloud.com"))
                .status,
            200);
        r = sigV4("GET", path, {}, {}, kKey, 0, QStringLiteral("cos.ap-shanghai.myqcloud.com"));
        QCOMPARE(r.status, 404);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("NoSuchBucket"));
        QCOMPARE(sigV4("GET", path, {}, {}).status, 200);
    }

    void cosContentLengthRequired()
    {
        const QString key = QStringLiteral("length/parts");
        const QString uploadId = initiate(key);
        QVERIFY(!uploadId.isEmpty());
        CosCall part;
        part.method = "PUT";
        part.key = key;
        part.params = {{QStringLiteral("partNumber"), QStringLiteral("1")},
                       {QStringLiteral("uploadId"), uploadId}};
        part.body = pattern(3000);
        part.length = CosCall::Length::Chunked;
        Reply r = cos(part);
        QCOMPARE(r.status, 411);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("MissingContentLength"));
        QCOMPARE(xmlText(r.body, QStringLiteral("Message")),
                 QStringLiteral("You must provide the Content-Length HTTP header."));
        part.length = CosCall::Length::None;
        part.body.clear();
        QCOMPARE(cos(part).status, 411);
        QVERIFY(m_emulator->pendingUploads(kBucket).size() >= 1);
        part.length = CosCall::Length::Header;
        part.body = pattern(3000);
        QCOMPARE(cos(part).status, 200);

        // PUT Object: neither a length nor a chunked body is refused; a chunked body is taken, as
        // the PUT Object page allows (Transfer-Encoding: chunked, then no Content-Length).
        CosCall put;
        put.method = "PUT";
        put.key = QStringLiteral("length/object");
        put.length = CosCall::Length::None;
        r = cos(put);
        QCOMPARE(r.status, 411);
        QCOMPARE(xmlText(r.body, QStringLiteral("Code")), QStringLiteral("MissingContentLength"));
        QVERIFY(!m_emulator->objectInfo(kBucket, put.key));
        put.length = CosCall::Length::Chunked;
        put.body = pattern(2500, 5);
        r = cos(put);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("etag"), quotedMd5(put.body));
        QFile stored(m_emulator->objectPath(kBucket, put.key));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), put.body);
    }

    void cvmUnknownParameter_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QByteArray>("params");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message"); // empty: not compared

        QTest::newRow("regions") << "DescribeRegions" << QByteArray(R"({"Foo":1})")
                                 << "UnknownParameter"
                                 << "The parameter `Foo` is not recognized.";
        // Region is the X-TC-Region header, not a parameter.
        QTest::newRow("regions region")
            << "DescribeRegions" << QByteArray(R"({"Region":"ap-guangzhou"})") << "UnknownParameter"
            << "The parameter `Region` is not recognized.";
        QTest::newRow("regions none") << "DescribeRegions" << QByteArray("{}") << ""
                                      << "";
        QTest::newRow("os list") << "DescribeImportImageOs" << QByteArray(R"({"Limit":10})")
                                 << "UnknownParameter"
                                 << "The parameter `Limit` is not recognized.";
        QTest::newRow("images top")
            << "DescribeImages" << QByteArray(R"({"Offest":1})") << "UnknownParameter"
            << "The parameter `Offest` is not recognized.";
        QTest::newRow("images filter")
            << "DescribeImages"
            << QByteArray(R"({"Filters":[{"Name":"image-id","Values":["img-00000000"]},)"
                          R"({"Name":"image-type","Value":"PRIVATE_IMAGE"}]})")
            << "UnknownParameter"
            << "The parameter `Filters.1.Value` is not recognized.";
        QTest::newRow("images known")
            << "DescribeImages"
            << QByteArray(R"({"Filters":[{"Name":"image-id","Values":["img-00000000"]}],)"
                          R"("Limit":5,"Offset":0,"InstanceType":"S5.MEDIUM2"})")
            << ""
            << "";
        QTest::newRow("import tag")
            << "ImportImage"
            << QByteArray(R"({"TagSpecification":[{"ResourceType":"image",)"
                          R"("Tags":[{"Key":"k","Value":"v","Colour":"red"}]}]})")
            << "UnknownParameter"
            << "The parameter `TagSpecification.0.Tags.0.Colour` is not recognized.";
        QTest::newRow("import tag specification")
            << "ImportImage"
            << QByteArray(R"({"TagSpecification":[{"ResourceType":"image","Tags":[],"Scope":1}]})")
            << "UnknownParameter"
            << "The parameter `TagSpecification.0.Scope` is not recognized.";
        QTest::newRow("import data disk")
            << "ImportImage"
            << QByteArray(R"({"ImportImageDataDiskList":[{"ImageUrl":"x","DiskSize":10}]})")
            << "UnknownParameter"
            << "The parameter `ImportImageDataDiskList.0.DiskSize` is not recognized.";
        QTest::newRow("import known")
            << "ImportImage"
            << QByteArray(R"({"TagSpecification":[{"ResourceType":"image",)"
                          R"("Tags":[{"Key":"k","Value":"v"}]}],"Force":false})")
            << "DryRunOperation"
            << "";
    }

    void cvmUnknownParameter()
    {
        QFETCH(QString, action);
        QFETCH(QByteArray, params);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QJsonObject sent = QJsonDocument::fromJson(params).object();
        if (action == QLatin1String("ImportImage")) {
            // Valid values everywhere else, as a dry run: nothing is created.
            QJsonObject full = importParams(
                QStringLiteral("unknown-%1").arg(QString::fromLatin1(QTest::currentDataTag())),
                QStringLiteral("disks/good.qcow2"));
            full.insert(QStringLiteral("DryRun"), true);
            for (auto it = sent.begin(); it != sent.end(); ++it)
                full.insert(it.key(), it.value());
            sent = full;
        }
        const Reply r = cvm(action, sent);
        QCOMPARE(r.status, 200);
        QCOMPARE(errorCode(r), code);
        if (!message.isEmpty())
            QCOMPARE(response(r)
                         .value(QStringLiteral("Error"))
                         .toObject()
                         .value(QStringLiteral("Message"))
                         .toString(),
                     message);
    }

    // API 3.0 as GET (parameters in the query): DescribeRegions, and DescribeImages answering
    // what the same parameters answer as POST.
    void cvmGetRequests()
    {
        const auto noRegion = options([](CvmOptions& o) { o.region = QString(); });
        Reply r = cvmGet(QStringLiteral("DescribeRegions"), {}, noRegion);
        QCOMPARE(r.status, 200);
        QCOMPARE(errorCode(r), QString());
        QCOMPARE(response(r).value(QStringLiteral("TotalCount")).toInt(), 2);

        // DescribeImages as GET answers what the same parameters answer as POST: lists, a
        // filter, integers.
        const QString good =
            response(cvm(QStringLiteral("DescribeImages"),
                         {{QStringLiteral("Filters"),
                           QJsonArray{QJsonObject{
                               {QStringLiteral("Name"), QStringLiteral("image-name")},
                               {QStringLiteral("Values"), QJsonArray{QStringLiteral("good")}}}}}}))
                .value(QStringLiteral("ImageSet"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("ImageId"))
                .toString();
        QVERIFY2(!good.isEmpty(), "importImage() runs first and imports \"good\"");
        const QList<QJsonObject> cases = {
            {{QStringLiteral("Limit"), 2}, {QStringLiteral("Offset"), 1}},
            {{QStringLiteral("Filters"),
              QJsonArray{QJsonObject{{QStringLiteral("Name"), QStringLiteral("image-name")},
                                     {QStringLiteral("Values"),
                                      QJsonArray{QStringLiteral("oo"), QStringLiteral("pres")}}}}}},
            {{QStringLiteral("ImageIds"), QJsonArray{good}}},
            // Every character class the SDK's encoding treats differently, in one value; the
            // query is signed as sent, so the emulator must not re-encode it.
            {{QStringLiteral("Filters"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("Name"), QStringLiteral("image-name")},
                              {QStringLiteral("Values"),
                               QJsonArray{QStringLiteral("good"),
                                          QString::fromUtf8("a(b)*c'd!~e/f+g h%i&j=k\u4e2d")}}}}}},
        };
        for (const QJsonObject& params : cases) {
            const QJsonObject viaPost = response(cvm(QStringLiteral("DescribeImages"), params));
            r = cvmGet(QStringLiteral("DescribeImages"), formQuery(params));
            QCOMPARE(errorCode(r), QString());
            const QJsonObject viaGet = response(r);
            QVERIFY(viaGet.value(QStringLiteral("TotalCount")).toInt() > 0);
            QCOMPARE(viaGet.value(QStringLiteral("TotalCount")),
                     viaPost.value(QStringLiteral("TotalCount")));
            QCOMPARE(viaGet.value(QStringLiteral("ImageSet")),
                     viaPost.value(QStringLiteral("ImageSet")));
        }
        r = cvmGet(QStringLiteral("DescribeImages"), "Limit=1&Offset=0");
        QCOMPARE(response(r).value(QStringLiteral("ImageSet")).toArray().size(), 1);
    }

    // Booleans in a GET query, as the SDK writes them.
    void cvmGetBooleans()
    {
        QJsonObject import =
            importParams(QStringLiteral("get dry run"), QStringLiteral("disks/good.qcow2"));
        import.insert(QStringLiteral("DryRun"), true);
        QVERIFY(formQuery(import).contains("DryRun=true"));
        QVERIFY(formQuery(import).contains("ImageName=get%20dry%20run"));
        QCOMPARE(errorCode(cvmGet(QStringLiteral("ImportImage"), formQuery(import))),
                 QStringLiteral("DryRunOperation"));
        import.insert(QStringLiteral("DryRun"), QStringLiteral("yes"));
        QCOMPARE(errorCode(cvmGet(QStringLiteral("ImportImage"), formQuery(import))),
                 QStringLiteral("InvalidParameter"));
    }

    // Malformed GET queries: each refused with what is wrong.
    void cvmGetMalformedQueries()
    {
        const QList<QPair<QByteArray, QString>> refused = {
            {"Limit=ten", QStringLiteral("InvalidParameter")},
            {"ImageIds=img-00000000", QStringLiteral("InvalidParameter")},
            {"Filters.1.Name=image-id&Filters.1.Values.0=img-00000000",
             QStringLiteral("InvalidParameter")},
            {"Limit=1&Limit=2", QStringLiteral("InvalidParameter")},
            {"Filters.0.Name.x=image-id", QStringLiteral("InvalidParameter")},
            {"Foo=1", QStringLiteral("UnknownParameter")},
            {"Filters.0.Nmae=image-id", QStringLiteral("UnknownParameter")},
        };
        for (const auto& [query, code] : refused) {
            const Reply r = cvmGet(QStringLiteral("DescribeImages"), query);
            QVERIFY2(errorCode(r) == code, query.constData());
        }
        QCOMPARE(response(cvmGet(QStringLiteral("DescribeImages"), "Foo=1"))
                     .value(QStringLiteral("Error"))
                     .toObject()
                     .value(QStringLiteral("Message"))
                     .toString(),
                 QStringLiteral("The parameter `Foo` is not recognized."));
    }

    // The signature covers the query: a wrong key, or a query changed after signing, fails.
    void cvmGetSignature()
    {
        QCOMPARE(errorCode(cvmGet(QStringLiteral("DescribeRegions"), {}, options([](CvmOptions& o) {
                                      o.region = QString();
                                      o.secretKey = QStringLiteral("wrong");
                                  }))),
                 QStringLiteral("AuthFailure.SignatureFailure"));
        QCOMPARE(errorCode(cvmGet(QStringLiteral("DescribeImages"), "Limit=1", {}, "Limit=2")),
                 QStringLiteral("AuthFailure.SignatureFailure"));
        QCOMPARE(errorCode(cvmGet(QStringLiteral("DescribeImages"), "Limit=1", {}, "")),
                 QStringLiteral("AuthFailure.SignatureFailure"));
    }

    void expectContinue()
    {
        // The head alone first; the body only after the interim 100 Continue.
        const QByteArray data = pattern(2 * 1024 * 1024);
        const QString host = CloudEmulator::cosHost(kBucket, kRegion);
        CosSignRequest s;
        s.secretId = kId;
        s.secretKey = kKey;
        s.method = QStringLiteral("PUT");
        s.host = host;
        s.key = QStringLiteral("continued");
        const auto [start, end] = CosSigner::keyTimeFor(QDateTime::currentSecsSinceEpoch(), 600);
        s.keyTimeStart = start;
        s.keyTimeEnd = end;
        const CosSigned signedRequest = CosSigner::sign(s);
        const Reply r = rawHttp(port(), "PUT", "/continued",
                                {{"Host", host.toUtf8()},
                                 {"Expect", "100-continue"},
                                 {"Authorization", signedRequest.authorization.toUtf8()}},
                                data, 5000, true);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.elapsedMs < 900, qPrintable(QString::number(r.elapsedMs)));
        QCOMPARE(r.header("x-cos-hash-crc64ecma"), crcText(data));
    }

    void boto3Peer()
    {
        QString python;
        for (const QString& candidate :
             {QStringLiteral("/usr/bin/python3"),
              QStandardPaths::findExecutable(QStringLiteral("python3"))}) {
            if (candidate.isEmpty())
                continue;
            if (QProcess::execute(candidate,
                                  {QStringLiteral("-c"), QStringLiteral("import boto3")}) == 0) {
                python = candidate;
                break;
            }
        }
        if (python.isEmpty())
            QSKIP("python3 with boto3 is not installed (Debian: python3-boto3)");
        const QString script = QStringLiteral(CVMI_BOTO3_PEER);
        QVERIFY2(QFile::exists(script), CVMI_BOTO3_PEER);

        QProcess process;
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        const qsizetype size = 3 * 1024 * 1024 + 4321;
        process.start(python,
                      {script, QStringLiteral("--endpoint"), m_emulator->endpoint(),
                       QStringLiteral("--access-key"), kId, QStringLiteral("--secret-key"), kKey,
                       QStringLiteral("--bucket"), QStringLiteral("boto-peer-1250000000"),
                       QStringLiteral("--size"), QString::number(size)});
        loop.exec();
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(process.state() == QProcess::NotRunning && process.exitCode() == 0,
                 QByteArray(out + err).constData());
        QVERIFY2(out.startsWith("OK "), out.constData());
        const auto info = m_emulator->objectInfo(QStringLiteral("boto-peer-1250000000"),
                                                 QStringLiteral("peer/disk image+1.raw"));
        QVERIFY(info);
        QCOMPARE(info->crc64, util::Crc64::compute(pattern(size)));
        QVERIFY(out.trimmed().endsWith(crcText(pattern(size))));
    }

    void executable()
    {
        const QString binary = QStringLiteral(CVMI_EMULATOR_BIN);
        QTemporaryDir dir;
        QProcess process;
        process.start(binary,
                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--state-dir"),
                       dir.path(), QStringLiteral("--account"), kId + u':' + kKey + u':' + kAppId,
                       QStringLiteral("--import-delay-ms"), QStringLiteral("100")});
        QVERIFY(process.waitForStarted());
        QByteArray line;
        for (int i = 0; i < 50 && !line.contains('\n'); ++i) {
            process.waitForReadyRead(100);
            line += process.readAllStandardOutput();
        }
        const auto m =
            QRegularExpression(QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+))"))
                .match(QString::fromLatin1(line));
        QVERIFY2(m.hasMatch(), line.constData());
        const quint16 childPort = quint16(m.captured(1).toUInt());
        const Reply r =
            rawHttp(childPort, "GET", "/-/emulator/health", {{"Host", "127.0.0.1"}}, {});
        QCOMPARE(r.status, 200);
        process.terminate(); // SIGTERM: a clean exit
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEmulator)
#include "tst_emulator.moc"
