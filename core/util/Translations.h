#pragma once

// The interface language: our own messages (embedded .qm files, built from translations/*.ts)
// and Qt's (the buttons of QWizard and of message boxes, from the system's Qt translations).
// The wizard follows the language chosen in its settings, else the system's; the command line
// follows the system's (LANGUAGE / LC_ALL / LC_MESSAGES / LANG).
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace cvmi::util {

// The languages we ship, as stored in the settings: "en", "zh_CN".
QStringList shippedLanguages();

// Installs translators on `app` for `language` ("" = the system's). Returns the language now in
// use ("en" when no translation matched: the source texts are English).
QString installTranslations(QCoreApplication& app, const QString& language);

} // namespace cvmi::util
