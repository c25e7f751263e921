// ImportUrlResolver against the in-process emulator: a public-read bucket's object gets its
// plain URL (the unsigned HEAD went to the endpoint override); a private bucket's gets a signed
// link valid for signedValiditySeconds that COS serves, with a note that says so and holds no part
// of the link; no answer (the emulator gone) and any other answer (404, 500) give the signed link,
// the safe default, with the reason; temporary credentials put their session token into the link;
// a server clock far off is learnt before signing; no account gives the plain URL; a destroyed
// context gets no call. The links carry signatures and tokens: they are only ever tested, never
// printed (QVERIFY on booleans, no QCOMPARE of a URL).
#include "CloudTestSupport.h"

#include "importrun/ImportUrlResolver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace cvmi;
using namespace cvmi::cloudtest;
using importrun::ImportUrlDecision;
using importrun::ImportUrlResolver;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kPublicBucket = QStringLiteral("public-1250000000");
const QString kKeyName = QStringLiteral("images/disk one+two.qcow2");
const QByteArray kBody = "the image an import reads";

// The Unix seconds a link's q-key-time ("start;end") names, or {-1, -1}.
QPair<qint64, qint64> keyTime(const QString& url)
{
    const QString value =
        QUrlQuery(QUrl(url)).queryItemValue(QStringLiteral("q-key-time"), QUrl::FullyDecoded);
    const QStringList parts = value.split(u';');
    bool okStart = false, okEnd = false;
    const qint64 start = parts.value(0).toLongLong(&okStart);
    const qint64 end = parts.value(1).toLongLong(&okEnd);
    return parts.size() == 2 && okStart && okEnd ? qMakePair(start, end) : qMakePair(-1LL, -1LL);
}

// The link's query and everything that would come from it: the note must hold none of them.
bool noteHoldsNoPartOfTheLink(const ImportUrlDecision& d)
{
    const QUrl url(d.url);
    const QStringList forbidden = {QStringLiteral("q-sign"),
                                   QStringLiteral("q-ak"),
                                   QStringLiteral("q-signature"),
                                   QStringLiteral("x-cos-"),
                                   url.query(),
                                   kId,
                                   kKey,
                                   kTokenId,
                                   kTokenKey,
                                   kToken};
    for (const QString& piece : forbidden) {
        if (!piece.isEmpty() && d.note.contains(piece))
            return false;
    }
    return !d.note.contains(u'?') && !d.note.contains(QLatin1String("http"));
}

} // namespace

class TestImportUrlResolver : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<emu::CloudEmulator> m_emulator;
    cloud::HttpClient m_http;

    std::unique_ptr<cloud::CosClient> client(const cloud::CloudEndpoints& endpoints,
                                             const cloud::Credentials& creds)
    {
        return std::make_unique<cloud::CosClient>(&m_http, endpoints, creds);
    }
    std::unique_ptr<cloud::CosClient> client(const cloud::Credentials& creds = credentials(kId,
                                                                                           kKey))
    {
        return client(endpointsFor(*m_emulator), creds);
    }

    // Resolves and waits for the answer; nullopt when `done` was not called in time.
    static std::optional<ImportUrlDecision>
    resolveAndWait(cloud::CosClient* cos, const QString& bucket, const QString& key)
    {
        QObject context;
        std::optional<ImportUrlDecision> decision;
        ImportUrlResolver::resolve(cos, bucket, kRegion, key, &context,
                                   [&](const ImportUrlDecision& d) { decision = d; });
        (void)QTest::qWaitFor([&] { return decision.has_value(); }, kTimeoutMs);
        return decision;
    }

    bool put(const QString& bucket, const QString& key)
    {
        auto cos = client();
        cloud::CosClient::Call call;
        call.method = "PUT";
        call.host = cloud::CosClient::bucketHost(bucket, kRegion);
        call.key = key;
        call.body = kBody;
        return cloud::waitFor(cos->send(call)).ok();
    }

    // GETs a link without any credentials of ours, as CVM's import would, at the emulator.
    cloud::HttpResponse fetchAsTheImport(const QString& link)
    {
        const QUrl url(link);
        cloud::HttpRequest get;
        get.url = endpointsFor(*m_emulator)
                      .cosConnectUrl(url.host(), url.path(QUrl::FullyEncoded),
                                     url.query(QUrl::FullyEncoded));
        get.headers.append({"Host", url.host().toUtf8()});
        return cloud::waitFor(m_http.send(get));
    }

    static bool isSignedLinkFor(const ImportUrlDecision& d, const QString& bucket,
                                const QString& key)
    {
        const QString plain = cloud::CosClient::objectUrl(bucket, kRegion, key);
        const QUrlQuery query{QUrl(d.url)};
        return d.signedUrl && d.url.startsWith(plain + u'?') &&
               query.hasQueryItem(QStringLiteral("q-signature")) &&
               query.hasQueryItem(QStringLiteral("q-key-time"));
    }

    // d.expires and the link's own end (by COS's clock, `serverOffset` ahead of this computer's)
    // are both about now + signedValiditySeconds; `before` and `after` bracket the call.
    static bool expiresInADay(const ImportUrlDecision& d, qint64 before, qint64 after,
                              qint64 serverOffset)
    {
        const qint64 slack = 5; // the learnt offset is whole seconds of a clock that ticked on
        const qint64 earliest = before + ImportUrlResolver::signedValiditySeconds - slack;
        const qint64 latest = after + ImportUrlResolver::signedValiditySeconds + slack;
        const qint64 expires = d.expires.toSecsSinceEpoch();
        const qint64 linkEnd = keyTime(d.url).second - serverOffset;
        return d.expires.isValid() && expires >= earliest && expires <= latest &&
               linkEnd >= earliest && linkEnd <= latest;
    }

    // Resolves `key` into *out and checks what every signed answer has: the signed link for the
    // object, ending in about a day, and a note that holds no part of it.
    static bool resolvesSigned(cloud::CosClient* cos, const QString& bucket, const QString& key,
                               ImportUrlDecision* out, qint64 serverOffset = 0)
    {
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const auto d = resolveAndWait(cos, bucket, key);
        const qint64 after = QDateTime::currentSecsSinceEpoch();
        if (!d)
            return false;
        *out = *d;
        return isSignedLinkFor(*d, bucket, key) && expiresInADay(*d, before, after, serverOffset) &&
               noteHoldsNoPartOfTheLink(*d);
    }

private slots:
    void initTestCase() { captureLogs(); }

    void init()
    {
        m_emulator = std::make_unique<emu::CloudEmulator>();
        QString error;
        QVERIFY2(startWithBucket(*m_emulator, &error), qPrintable(error));
        QVERIFY2(m_emulator->createBucket(kPublicBucket, kRegion, true, &error), qPrintable(error));
        QVERIFY(put(kBucket, kKeyName));
        QVERIFY(put(kPublicBucket, kKeyName));
    }

    void cleanup() { m_emulator.reset(); }

    void cleanupTestCase()
    {
        // Checked without printing: a leaked line was already shown by the capturing handler.
        QVERIFY(leakedLines(allSecrets()).isEmpty());
    }

    void publicBucketGetsThePlainUrl()
    {
        // The endpoint override is the emulator: only a HEAD sent there can find the object
        // public (the real host is not reachable from a test, and COS would not know the bucket).
        auto cos = client();
        const auto d = resolveAndWait(cos.get(), kPublicBucket, kKeyName);
        QVERIFY(d);
        QVERIFY(!d->signedUrl);
        QCOMPARE(d->url, cloud::CosClient::objectUrl(kPublicBucket, kRegion, kKeyName));
        QVERIFY(!d->expires.isValid());
        QVERIFY(d->note.contains(QLatin1String("public-read")));
        QVERIFY(!d->note.contains(QLatin1String("link")));
        // The plain URL is what CVM's import will read: the object without any signature.
        const cloud::HttpResponse fetched = fetchAsTheImport(d->url);
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.body, kBody);
    }

    void privateBucketGetsASignedLink()
    {
        // The HEAD is unsigned: signed with this account it would find the object (200) and
        // the import would get a plain URL it cannot read.
        auto cos = client();
        ImportUrlDecision d;
        QVERIFY(resolvesSigned(cos.get(), kBucket, kKeyName, &d));
        QVERIFY2(d.note.contains(QLatin1String("private")), qPrintable(d.note));
        QVERIFY2(d.note.contains(QLatin1String("24 hours")), qPrintable(d.note));
        QVERIFY2(d.note.contains(QLatin1String("Anyone who has that link")), qPrintable(d.note));
        // COS serves the link to anyone, as the import will ask for it.
        const cloud::HttpResponse fetched = fetchAsTheImport(d.url);
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.body, kBody);
        // The plain URL would not do.
        const QString plain = cloud::CosClient::objectUrl(kBucket, kRegion, kKeyName);
        QCOMPARE(fetchAsTheImport(plain).status, 403);
    }

    void noAnswerGetsASignedLink()
    {
        // Endpoints of an emulator that has stopped: the port refuses the connection.
        const cloud::CloudEndpoints gone = endpointsFor(*m_emulator);
        m_emulator.reset();
        auto cos = client(gone, credentials(kId, kKey));
        ImportUrlDecision d;
        QVERIFY(resolvesSigned(cos.get(), kBucket, kKeyName, &d));
        QVERIFY2(d.note.contains(QLatin1String("could not be checked")), qPrintable(d.note));
        QVERIFY2(d.note.contains(QLatin1String("works either way")), qPrintable(d.note));
    }

    void otherAnswerGetsASignedLink_data()
    {
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("why");
        // A public bucket without the object: not 403, yet nothing says the bucket is public.
        QTest::newRow("404") << kPublicBucket << QStringLiteral("images/missing.qcow2") << QString()
                             << QStringLiteral("COS answered HTTP 404");
        QTest::newRow("500") << kPublicBucket << kKeyName << QStringLiteral("internal-error")
                             << QStringLiteral("COS answered HTTP 500");
    }

    void otherAnswerGetsASignedLink()
    {
        QFETCH(QString, bucket);
        QFETCH(QString, key);
        QFETCH(QString, fault);
        QFETCH(QString, why);
        if (!fault.isEmpty()) {
            QString error;
            const QJsonObject rule{{QStringLiteral("operation"), QStringLiteral("HeadObject")},
                                   {QStringLiteral("fault"), fault},
                                   {QStringLiteral("times"), 1}};
            QVERIFY2(m_emulator->setFaults(QJsonObject{{QStringLiteral("rules"), QJsonArray{rule}}},
                                           &error),
                     qPrintable(error));
        }
        auto cos = client();
        ImportUrlDecision d;
        QVERIFY(resolvesSigned(cos.get(), bucket, key, &d));
        QVERIFY2(d.note.contains(why), qPrintable(d.note));
    }

    void temporaryCredentialsPutTheTokenIntoTheLink()
    {
        // Credentials carry no expiry (cloud::Credentials), so the link cannot be cut to theirs:
        // it holds the token, and COS refuses it once the token has expired.
        auto cos = client(credentials(kTokenId, kTokenKey, kToken));
        ImportUrlDecision d;
        QVERIFY(resolvesSigned(cos.get(), kBucket, kKeyName, &d));
        const QUrlQuery query{QUrl(d.url)};
        QVERIFY(query.queryItemValue(QStringLiteral("x-cos-security-token"), QUrl::FullyDecoded) ==
                kToken);
        const cloud::HttpResponse fetched = fetchAsTheImport(d.url);
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.body, kBody);
    }

    void serverClockIsLearntBeforeSigning()
    {
        // COS's clock two days ahead: a link signed by this computer's clock would have ended
        // by COS's before it was made. The HEAD's Date teaches the offset first.
        const qint64 offset = 2 * 24 * 3600;
        m_emulator->setClockOffsetSeconds(offset);
        auto cos = client();
        ImportUrlDecision d;
        // The link's end by COS's clock; d.expires stays on this computer's clock.
        QVERIFY(resolvesSigned(cos.get(), kBucket, kKeyName, &d, offset));
        QVERIFY2(qAbs(cos->clockOffset() - offset) <= 5,
                 qPrintable(QString::number(cos->clockOffset())));
        QCOMPARE(fetchAsTheImport(d.url).status, 200);
    }

    void noAccountGetsThePlainUrl()
    {
        std::optional<ImportUrlDecision> decision;
        QObject context;
        ImportUrlResolver::resolve(nullptr, kBucket, kRegion, kKeyName, &context,
                                   [&](const ImportUrlDecision& d) { decision = d; });
        QVERIFY(decision); // at once: there is nothing to ask
        QVERIFY(!decision->signedUrl);
        QCOMPARE(decision->url, cloud::CosClient::objectUrl(kBucket, kRegion, kKeyName));
        QVERIFY2(decision->note.contains(QLatin1String("no account is connected")),
                 qPrintable(decision->note));
    }

    void destroyedContextGetsNoCall()
    {
        auto cos = client();
        bool called = false;
        auto context = std::make_unique<QObject>();
        ImportUrlResolver::resolve(cos.get(), kBucket, kRegion, kKeyName, context.get(),
                                   [&](const ImportUrlDecision&) { called = true; });
        context.reset();
        // The answer arrives (a second resolve with a living context proves it came back).
        QVERIFY(resolveAndWait(cos.get(), kBucket, kKeyName));
        QTest::qWait(200);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestImportUrlResolver)
#include "tst_importurlresolver.moc"
