// util::installTranslations and shippedLanguages: each shipped language has its .qm embedded
// under :/i18n; zh_CN (however the locale is spelt) installs the Chinese texts; English installs
// the plural forms of English; a language we do not ship (fr, zh_TW: the other script) falls
// back to English and installs nothing; "" follows the system's languages in their order of
// preference (LANGUAGE="fr_FR:zh_CN": no French, so Chinese). The system of this test is set
// through the environment before the application reads it (main below), so an explicit language
// is also seen to win over it.
#include "util/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>
#include <QTranslator>

using namespace cvmi;

namespace {

// A text of the Report page with its Chinese translation (translations/*_zh_CN.ts).
QString passed()
{
    return QCoreApplication::translate("cvmi::policy::ReportHtml", "Passed");
}
const QString kPassedZh = QStringLiteral("通过");

// An English plural form (translations/*_en.ts): "check(s)" without a translator.
QString allChecksPassed(int n)
{
    return QCoreApplication::translate("cvmi::cli::DoctorCommand",
                                       "Result: all %n check(s) passed.", nullptr, n);
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    // Each case starts with no translator, as the program does.
    void init() { removeTranslators(); }
    void cleanup() { removeTranslators(); }

    void shippedLanguagesAreEmbedded()
    {
        const QStringList shipped = util::shippedLanguages();
        QCOMPARE(shipped, QStringList({QStringLiteral("en"), QStringLiteral("zh_CN")}));
        QStringList embedded;
        for (const QString& file : QDir(QStringLiteral(":/i18n")).entryList(QDir::Files))
            embedded << file.section(u'.', 0, 0).mid(int(qstrlen("cvm-import-wizard_")));
        embedded.sort();
        QCOMPARE(embedded, shipped);
    }

    void chineseInstallsTheChineseTexts_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("zh-CN") << QStringLiteral("zh-CN");
        QTest::newRow("zh_Hans_CN") << QStringLiteral("zh_Hans_CN");
    }

    void chineseInstallsTheChineseTexts()
    {
        QFETCH(QString, language);
        QCOMPARE(passed(), QStringLiteral("Passed"));
        QCOMPARE(util::installTranslations(*QCoreApplication::instance(), language),
                 QStringLiteral("zh_CN"));
        QCOMPARE(passed(), kPassedZh);
    }

    void englishInstallsItsPluralForms()
    {
        QCOMPARE(allChecksPassed(2), QStringLiteral("Result: all 2 check(s) passed."));
        QCOMPARE(util::installTranslations(*QCoreApplication::instance(), QStringLiteral("en")),
                 QStringLiteral("en"));
        QCOMPARE(allChecksPassed(1), QStringLiteral("Result: all 1 check passed."));
        QCOMPARE(allChecksPassed(2), QStringLiteral("Result: all 2 checks passed."));
        // English wins over the system of this test, which would give Chinese.
        QCOMPARE(passed(), QStringLiteral("Passed"));
    }

    void unshippedLanguageFallsBackToEnglish_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("fr") << QStringLiteral("fr");
        QTest::newRow("de_DE") << QStringLiteral("de_DE");
        // Traditional Chinese users get English, not the Simplified script of zh_CN.
        QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
        QTest::newRow("zh_HK") << QStringLiteral("zh_HK");
    }

    void unshippedLanguageFallsBackToEnglish()
    {
        QFETCH(QString, language);
        QCOMPARE(util::installTranslations(*QCoreApplication::instance(), language),
                 QStringLiteral("en"));
        QCOMPARE(passed(), QStringLiteral("Passed"));
        // English's own file, for its plural forms (in the C locale of a bare session too).
        QCOMPARE(QCoreApplication::instance()->findChildren<QTranslator*>().size(), 1);
        QCOMPARE(allChecksPassed(1), QStringLiteral("Result: all 1 check passed."));
    }

    void emptyFollowsTheSystem()
    {
        // As main() set it up: French first, which we do not ship, then Chinese.
        const QStringList languages = QLocale::system().uiLanguages();
        QVERIFY2(languages.value(0).startsWith(QLatin1String("fr")),
                 qPrintable(languages.join(u' ')));
        QVERIFY2(languages.contains(QStringLiteral("zh-CN")), qPrintable(languages.join(u' ')));
        QCOMPARE(util::installTranslations(*QCoreApplication::instance(), QString()),
                 QStringLiteral("zh_CN"));
        QCOMPARE(passed(), kPassedZh);
    }

private:
    static void removeTranslators()
    {
        QCoreApplication* app = QCoreApplication::instance();
        for (QTranslator* t : app->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
};

int main(int argc, char** argv)
{
    // The system's languages, read by QLocale::system() from the environment on first use:
    // LANGUAGE lists the languages to show, in order of preference.
    qputenv("LANGUAGE", "fr_FR:zh_CN");
    qputenv("LC_ALL", "fr_FR.UTF-8");
    QCoreApplication app(argc, argv);
    TestTranslations test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
