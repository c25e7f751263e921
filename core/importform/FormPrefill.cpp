#include "importform/FormPrefill.h"

#include "importform/FormLimits.h"
#include "importform/OsCatalogue.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace cvmi::importform {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::importform::FormPrefill)
};

// The longest of `offered` that is `detected` or a prefix of it ending at a dot: "7.9.2009"
// matches "7.9" and "7", never "7.92"; the longest wins ("7.9" over "7").
QString longestOfferedPrefix(const QString& detected, const QStringList& offered)
{
    QString best;
    for (const QString& v : offered) {
        const bool matches =
            v == detected || (detected.startsWith(v) && detected.at(v.size()) == u'.');
        if (matches && v.size() > best.size())
            best = v;
    }
    return best;
}

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

OsChoice chooseOs(const policy::FormSuggestion& s, const OsCatalogue& catalogue)
{
    OsChoice choice{s.osType, s.osVersion, {}};
    if (s.osType.isEmpty())
        return choice;
    const QString offeredType = catalogue.offeredOsType(s.osType);
    if (offeredType.isEmpty())
        return choice; // validation names the OsTypes offered
    choice.osType = offeredType;
    const QString detected = s.detectedVersion.isEmpty() ? s.osVersion : s.detectedVersion;
    const QStringList offered = catalogue.versions(offeredType);
    QString version = longestOfferedPrefix(detected, offered);
    if (version.isEmpty() && offered == QStringList{QStringLiteral("-")})
        version = QStringLiteral("-"); // the service takes no version for this OsType
    if (!version.isEmpty())
        choice.osVersion = version;
    if ((choice.osType == s.osType && choice.osVersion == detected) || offered.isEmpty())
        return choice; // nothing to explain, or no version set to explain it with
    const QString source = catalogue.origin() == OsCatalogue::Origin::BuiltIn
                               ? Text::tr("the built-in OS list offers")
                               : Text::tr("the service offers");
    const QString what = QString(s.osType + u' ' + detected).trimmed();
    if (version.isEmpty())
        choice.note = Text::tr("%1 detected; %2 only %3 for %4: %5 is proposed, choose the "
                               "nearest.")
                          .arg(what, source, offered.join(QStringLiteral(", ")), choice.osType,
                               choice.osVersion);
    else if (version == u"-")
        choice.note =
            Text::tr("%1 detected; %2 no version for %3 (\"-\").").arg(what, source, choice.osType);
    else if (choice.osType == s.osType)
        choice.note = Text::tr("%1 detected; %2 %3.").arg(what, source, choice.osVersion);
    else
        choice.note =
            Text::tr("%1 detected; %2 %3 %4.").arg(what, source, choice.osType, choice.osVersion);
    return choice;
}

void applySuggestion(ImportForm* form, const policy::FormSuggestion& s, const QString& imagePath,
                     const OsCatalogue& catalogue, QString* osNote)
{
    const OsChoice os = chooseOs(s, catalogue);
    if (osNote)
        *osNote = os.note;
    if (!os.osType.isEmpty())
        form->osType = os.osType;
    if (!os.osVersion.isEmpty())
        form->osVersion = os.osVersion;
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

Proposal propose(const ImportForm& current, const policy::FormSuggestion* suggestion,
                 const QString& imagePath, const QString& objectUrl, const OsCatalogue& catalogue)
{
    Proposal p{current, {}, {}};
    if (suggestion) {
        applySuggestion(&p.form, *suggestion, imagePath, catalogue, &p.osNote);
        const std::pair<QLatin1String, QString> suggested[] = {
            {field::osType, suggestion->osType},
            {field::osVersion, suggestion->osVersion},
            {field::architecture, suggestion->architecture},
            {field::bootMode, suggestion->bootMode},
            {field::licenseType, suggestion->licenseType}};
        for (const auto& [id, value] : suggested) {
            if (!value.isEmpty())
                p.fields.insert(id);
        }
        p.fields.insert(field::imageName);
    } else if (!imagePath.isEmpty()) {
        p.form.imageName = imageNameFromFile(imagePath);
        p.fields.insert(field::imageName);
    }
    if (!objectUrl.isEmpty()) {
        applyUploadUrl(&p.form, objectUrl);
        p.fields.insert(field::imageUrl);
    }
    return p;
}

} // namespace cvmi::importform
