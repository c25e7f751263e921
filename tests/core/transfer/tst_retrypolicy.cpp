// RetryPolicy: which answers are retried, which fail at once, and the backoff between tries.
#include "cloud/ClockSkew.h"
#include "transfer/RetryPolicy.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <atomic>
#include <curl/curl.h>
#include <thread>

using namespace cvmi;
using namespace cvmi::transfer;

class TestRetryPolicy : public QObject {
    Q_OBJECT

private slots:
    void retryVerdicts()
    {
        HttpAnswer a;
        a.status = 200;
        QCOMPARE(RetryPolicy::judge(a, 0).kind, Verdict::Kind::Success);
        a.status = 503;
        a.body = "<Error><Code>SlowDown</Code></Error>";
        QCOMPARE(RetryPolicy::judge(a, 0).kind, Verdict::Kind::Retry);
        a.status = 500;
        a.body.clear();
        QCOMPARE(RetryPolicy::judge(a, 0).kind, Verdict::Kind::Retry);
        a.status = 403;
        a.body = "<Error><Code>AccessDenied</Code><Message>Access Denied.</Message></Error>";
        const Verdict denied = RetryPolicy::judge(a, 0);
        QCOMPARE(denied.kind, Verdict::Kind::Fatal);
        QCOMPARE(denied.error.code, QStringLiteral("AccessDenied"));
        QVERIFY(!denied.error.userMessage.isEmpty());
        a.status = 404;
        a.body = "<Error><Code>NoSuchBucket</Code></Error>";
        QCOMPARE(RetryPolicy::judge(a, 0).kind, Verdict::Kind::Fatal);
        a.status = 403;
        a.body = "<Error><Code>RequestTimeTooSkewed</Code></Error>";
        a.headers = {{"date", "Wed, 25 Nov 2026 10:00:00 GMT"}};
        const auto server = cloud::ClockSkew::parseHttpDate(a.headers.at(0).second);
        QVERIFY(server);
        const Verdict skew = RetryPolicy::judge(a, *server + 3600);
        QCOMPARE(skew.kind, Verdict::Kind::Retry);
        QVERIFY(skew.clockOffset);
        QCOMPARE(*skew.clockOffset, -3600);
        HttpAnswer reset;
        reset.curlCode = CURLE_RECV_ERROR;
        QCOMPARE(RetryPolicy::judge(reset, 0).kind, Verdict::Kind::Retry);
        reset.curlCode = CURLE_OPERATION_TIMEDOUT;
        const Verdict timeout = RetryPolicy::judge(reset, 0);
        QCOMPARE(timeout.kind, Verdict::Kind::Retry);
        QCOMPARE(timeout.error.code, QStringLiteral("Network.Timeout"));
        reset.curlCode = CURLE_PEER_FAILED_VERIFICATION;
        QCOMPARE(RetryPolicy::judge(reset, 0).kind, Verdict::Kind::Fatal);
    }
    void backoff()
    {
        RetrySettings s;
        s.baseDelayMs = 100;
        s.maxDelayMs = 1000;
        QCOMPARE(RetryPolicy::delayMs(s, 1, 0.999999), 99);
        QCOMPARE(RetryPolicy::delayMs(s, 3, 0.5), 200);
        QCOMPARE(RetryPolicy::delayMs(s, 30, 0.5), 500); // capped, no overflow
        QCOMPARE(RetryPolicy::delayMs(s, 2, 0.0), 0);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
