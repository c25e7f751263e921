// ImageQuery (emulator/ImageQuery.cpp): DescribeImages' selection — the parameter refusals, the
// defaults, and each filter's matching (a filter passes when any of its values matches, the
// image when every filter does).
#include "ImageQuery.h"

#include <QTest>

using namespace cvmi::emu;

namespace {

// The project builds with QT_NO_CAST_FROM_ASCII: the literals below become QStrings here.
QJsonArray strings(std::initializer_list<const char*> values)
{
    QJsonArray out;
    for (const char* v : values)
        out.append(QString::fromUtf8(v));
    return out;
}

QJsonObject filter(const char* name, std::initializer_list<const char*> values)
{
    return {{QStringLiteral("Name"), QString::fromUtf8(name)},
            {QStringLiteral("Values"), strings(values)}};
}

QJsonObject params(const char* name, const QJsonValue& value)
{
    return {{QString::fromUtf8(name), value}};
}

ImageRecord image()
{
    ImageRecord r;
    r.imageId = QStringLiteral("img-abcd1234");
    r.name = QStringLiteral("web-server");
    r.osType = QStringLiteral("CentOS");
    r.tags = QJsonArray{QJsonObject{{QStringLiteral("Key"), QStringLiteral("team")},
                                    {QStringLiteral("Value"), QStringLiteral("ops")}}};
    return r;
}

} // namespace

class TestImageQuery : public QObject {
    Q_OBJECT

private slots:
    void defaults()
    {
        ImageQuery q;
        QVERIFY(!readImageQuery({}, &q));
        QCOMPARE(q.offset, 0);
        QCOMPARE(q.limit, 20);
        QVERIFY(q.ids.isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<QString>("code");
        QTest::newRow("ids and filters")
            << QJsonObject{{QStringLiteral("ImageIds"), QJsonArray{}},
                           {QStringLiteral("Filters"), QJsonArray{}}}
            << "InvalidParameter.InvalidParameterCoexistImageIdsFilters";
        QTest::newRow("malformed id")
            << params("ImageIds", strings({"img-ABC"})) << "InvalidImageId.Malformed";
        QJsonArray eleven;
        for (int i = 0; i < 11; ++i)
            eleven.append(filter("platform", {"CentOS"}));
        QTest::newRow("11 filters")
            << params("Filters", eleven) << "InvalidParameterValue.LimitExceeded";
        QTest::newRow("unknown filter")
            << params("Filters", QJsonArray{filter("os", {"x"})}) << "InvalidFilter";
        QTest::newRow("6 values")
            << params("Filters", QJsonArray{filter("platform", {"a", "b", "c", "d", "e", "f"})})
            << "InvalidParameterValue.LimitExceeded";
        QTest::newRow("limit 101") << params("Limit", 101) << "InvalidParameterValue";
        QTest::newRow("offset -1") << params("Offset", -1) << "InvalidParameterValue";
    }

    void refusals()
    {
        QFETCH(QJsonObject, params);
        QFETCH(QString, code);
        ImageQuery q;
        const auto problem = readImageQuery(params, &q);
        QVERIFY(problem);
        QCOMPARE(problem->code, code);
    }

    void filters_data()
    {
        QTest::addColumn<QJsonArray>("filters");
        QTest::addColumn<bool>("passes");
        QTest::newRow("none") << QJsonArray{} << true;
        QTest::newRow("image-id") << QJsonArray{filter("image-id", {"img-abcd1234"})} << true;
        QTest::newRow("image-name is fuzzy")
            << QJsonArray{filter("image-name", {"server"})} << true;
        QTest::newRow("image-type private")
            << QJsonArray{filter("image-type", {"PUBLIC_IMAGE", "PRIVATE_IMAGE"})} << true;
        QTest::newRow("image-type public")
            << QJsonArray{filter("image-type", {"PUBLIC_IMAGE"})} << false;
        QTest::newRow("platform") << QJsonArray{filter("platform", {"Ubuntu"})} << false;
        QTest::newRow("tag-key") << QJsonArray{filter("tag-key", {"team"})} << true;
        QTest::newRow("tag-value") << QJsonArray{filter("tag-value", {"dev"})} << false;
        QTest::newRow("tag:team") << QJsonArray{filter("tag:team", {"ops"})} << true;
        QTest::newRow("tag:team other value") << QJsonArray{filter("tag:team", {"dev"})} << false;
        QTest::newRow("every filter must pass")
            << QJsonArray{filter("platform", {"CentOS"}), filter("tag-key", {"owner"})} << false;
    }

    void filters()
    {
        QFETCH(QJsonArray, filters);
        QFETCH(bool, passes);
        QCOMPARE(passesFilters(image(), filters), passes);
    }
};

QTEST_GUILESS_MAIN(TestImageQuery)
#include "tst_imagequery.moc"
