#include "importform/FormPrefill.h"

#include "importform/FormLimits.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace cvmi::importform {

namespace {

QString sanitiseName(QString name)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    static const QRegularExpression other(QStringLiteral("[^A-Za-z0-9._-]"));
    static const QRegularExpression edges(QStringLiteral("^[._-]+|[._-]+$"));
    name.replace(spaces, QStringLiteral("-"));
    name.remove(other);
    name = name.left(limits::imageNameMax); // ASCII only now: one unit is one character
    name.remove(edges);
    return name;
}

} // namespace

QString imageNameFromFile(const QString& imagePath)
{
    const QString name = sanitiseName(QFileInfo(imagePath).completeBaseName());
    return name.isEmpty() ? QStringLiteral("imported-image") : name;
}

void applySuggestion(ImportForm* form, const policy::FormSuggestion& s, const QString& imagePath)
{
    if (!s.osType.isEmpty())
        form->osType = s.osType;
    if (!s.osVersion.isEmpty())
        form->osVersion = s.osVersion;
    if (!s.architecture.isEmpty())
        form->architecture = s.architecture;
    if (!s.bootMode.isEmpty())
        form->bootMode = s.bootMode;
    if (!s.licenseType.isEmpty())
        form->licenseType = s.licenseType;
    const QString suggested = sanitiseName(s.imageName);
    form->imageName = suggested.isEmpty() ? imageNameFromFile(imagePath) : suggested;
}

void applyUploadUrl(ImportForm* form, const QString& objectUrl)
{
    form->imageUrl = objectUrl.trimmed();
}

} // namespace cvmi::importform
