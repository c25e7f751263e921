#include "util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace cvmi::util {

namespace {
// Where qt_add_translations (translations/CMakeLists.txt) embeds the .qm files.
const QString kResourceDir = QStringLiteral(":/i18n");
const QString kBaseName = QStringLiteral("cvm-import-wizard");
} // namespace

QStringList shippedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString installTranslations(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // Parented to the application: translators must live as long as anything may call tr().
    auto* ours = new QTranslator(&app);
    // QTranslator::load(QLocale, ...) walks the locale's UI languages in order of preference
    // ("zh-Hans-CN", "zh-CN", "zh", ...), so zh_TW users without a zh_TW file get nothing
    // rather than the wrong script: the file names carry the territory.
    if (!ours->load(locale, kBaseName, QStringLiteral("_"), kResourceDir)) {
        // No file for this language (or the C locale of a bare session): English, whose file
        // holds only the plural forms, without which "1 more disk(s)" would show as written.
        if (ours->load(kBaseName + QStringLiteral("_en"), kResourceDir))
            app.installTranslator(ours);
        else
            delete ours;
        return QStringLiteral("en");
    }
    app.installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    const QString file = ours->filePath();
    const QString name = file.section(u'/', -1).section(u'.', 0, 0);
    return name.mid(kBaseName.size() + 1);
}

} // namespace cvmi::util
