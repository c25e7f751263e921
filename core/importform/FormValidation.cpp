// ImportForm::validate(): the limits of FormLimits.h, the COS URL form of CosObjectUrl.h and the
// OS catalogue, each problem with the limit and the way out. A message never names its field: it
// follows the field's name, which the reader knows by another word ("ImageName: " in the command
// line, "Image name: " under the wizard's field), so it starts in lower case unless it starts
// with a name ("BYOL is for…").
#include "importform/CosObjectUrl.h"
#include "importform/FormLimits.h"
#include "importform/ImportForm.h"
#include "importform/OsCatalogue.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace cvmi::importform {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::importform::ImportForm)
};

using Severity = FieldProblem::Severity;

class Problems {
public:
    void add(QLatin1String field, QString code, QString message, int index = -1,
             Severity severity = Severity::Error)
    {
        m_list.append({QString(field), index, std::move(code), std::move(message), severity});
    }
    void warn(QLatin1String field, QString code, QString message, int index = -1)
    {
        add(field, std::move(code), std::move(message), index, Severity::Warning);
    }
    QList<FieldProblem> take() { return std::move(m_list); }

private:
    QList<FieldProblem> m_list;
};

// The API counts characters; a character outside the BMP is one, not two UTF-16 units.
qsizetype characters(const QString& s)
{
    return s.toUcs4().size();
}

bool hasControl(const QString& s, bool allowLineBreaks)
{
    for (const char32_t c : s.toUcs4()) {
        if (allowLineBreaks && (c == U'\n' || c == U'\r' || c == U'\t'))
            continue;
        if (QChar::category(c) == QChar::Other_Control || c == 0x2028 || c == 0x2029)
            return true;
    }
    return false;
}

QString choices(const QStringList& values)
{
    constexpr int shown = 12;
    QStringList quoted;
    for (const QString& v : values.mid(0, shown))
        quoted.append(u'"' + v + u'"');
    QString text = quoted.join(QStringLiteral(", "));
    if (values.size() > shown)
        text += Text::tr(", … (%1 in all)").arg(values.size());
    return text;
}

QString tooLong(qsizetype n, int limit)
{
    return Text::tr("%1 characters, at most %2; shorten it by %3.")
        .arg(n)
        .arg(limit)
        .arg(n - limit);
}

QString notAValue(const QString& value, const QStringList& values)
{
    return Text::tr("\"%1\" is not a value the import accepts; choose one of %2.")
        .arg(value, choices(values));
}

void checkImageName(const QString& name, Problems& p)
{
    const QLatin1String f = field::imageName;
    if (name.trimmed().isEmpty())
        return p.add(
            f, QStringLiteral("image_name.required"),
            Text::tr("required; give the new custom image a name of at most %1 characters.")
                .arg(limits::imageNameMax));
    const qsizetype n = characters(name);
    if (n > limits::imageNameMax)
        p.add(f, QStringLiteral("image_name.too_long"), tooLong(n, limits::imageNameMax));
    if (hasControl(name, false))
        p.add(f, QStringLiteral("image_name.characters"),
              Text::tr("contains a control character (a line break or tab); remove it."));
    if (name != name.trimmed())
        p.add(f, QStringLiteral("image_name.spaces"),
              Text::tr("starts or ends with a space; remove it, so that the name is found exactly "
                       "as shown."));
}

void checkDescription(const QString& text, Problems& p)
{
    const qsizetype n = characters(text);
    if (n > limits::imageDescriptionMax)
        p.add(field::imageDescription, QStringLiteral("image_description.too_long"),
              tooLong(n, limits::imageDescriptionMax));
    if (hasControl(text, true))
        p.add(field::imageDescription, QStringLiteral("image_description.characters"),
              Text::tr("contains a control character; remove it."));
}

void checkUrl(QLatin1String f, const QString& url, int index, const QString& region, Problems& p)
{
    Error error;
    const auto parsed = parseCosObjectUrl(url, &error);
    if (!parsed)
        return p.add(f, error.code, error.message, index);
    // Whether the service refuses a bucket in another region is unconfirmed (spec §4); we
    // require the import's region, the one combination known to work.
    if (!region.isEmpty() && parsed->region != region)
        p.add(f, QStringLiteral("url.region"),
              Text::tr("the bucket %1 is in %2 but the image is imported into %3; upload to a "
                       "bucket in %3, or import into %2.")
                  .arg(parsed->bucket, parsed->region, region),
              index);
    if (parsed->presigned)
        p.warn(f, QStringLiteral("url.presigned"),
               Text::tr("a pre-signed URL; anyone who has it can download the image until it "
                        "expires, and the import fails if it expires first. Drafts keep the URL "
                        "without its signature."),
               index);
}

void checkOs(const ImportForm& form, const OsCatalogue& catalogue, Problems& p)
{
    const QString origin =
        catalogue.origin() == OsCatalogue::Origin::BuiltIn
            ? Text::tr("the built-in OS list (refresh it when online)")
            : Text::tr("the OS list of %1").arg(catalogue.fetched().toString(Qt::ISODate));
    // Only the live answer is the service's word: a cached or built-in list may be out of date,
    // so a value missing from it is a warning and the service decides (issue 10).
    const auto notOffered = [&](QLatin1String f, QString code, const QString& message) {
        if (catalogue.isLive())
            return p.add(f, std::move(code), message);
        p.warn(f, std::move(code),
               message + u' ' +
                   Text::tr("This list may be out of date: the value is sent as it is, and "
                            "the service decides."));
    };
    if (form.osType.isEmpty())
        p.add(field::osType, QStringLiteral("os_type.required"),
              Text::tr("required; choose the image's operating system, one of %1.")
                  .arg(choices(catalogue.osTypes())));
    else if (!catalogue.isEmpty() && !catalogue.hasOsType(form.osType)) {
        const QString spelled = catalogue.offeredOsType(form.osType);
        notOffered(field::osType, QStringLiteral("os_type.unknown"),
                   spelled.isEmpty()
                       ? Text::tr("\"%1\" is not in %2; choose one of %3, or \"Other Linux\" "
                                  "when none fits.")
                             .arg(form.osType, origin, choices(catalogue.osTypes()))
                       : Text::tr("\"%1\" is not in %2, which spells it \"%3\"; choose "
                                  "\"%3\".")
                             .arg(form.osType, origin, spelled));
    }

    const bool knownOs = catalogue.hasOsType(form.osType);
    if (form.osVersion.isEmpty())
        p.add(field::osVersion, QStringLiteral("os_version.required"),
              knownOs ? Text::tr("required; choose one of %1.")
                            .arg(choices(catalogue.versions(form.osType)))
                      : Text::tr("required; choose the operating system first."));
    else if (knownOs && !catalogue.versions(form.osType).contains(form.osVersion))
        notOffered(field::osVersion, QStringLiteral("os_version.unknown"),
                   Text::tr("\"%1\" is not offered for %2 in %3; choose one of %4 (the "
                            "nearest older version is usually right).")
                       .arg(form.osVersion, form.osType, origin,
                            choices(catalogue.versions(form.osType))));

    if (form.architecture.isEmpty())
        p.add(field::architecture, QStringLiteral("architecture.required"),
              Text::tr("required; choose one of %1.").arg(choices(architectures())));
    else if (!architectures().contains(form.architecture))
        p.add(field::architecture, QStringLiteral("architecture.invalid"),
              notAValue(form.architecture, architectures()));
    else if (knownOs && !catalogue.architectures(form.osType).isEmpty() &&
             !catalogue.architectures(form.osType).contains(form.architecture))
        notOffered(field::architecture, QStringLiteral("architecture.not_for_os"),
                   Text::tr("%1 is not offered as %2 in %3; choose one of %4, or another "
                            "operating system.")
                       .arg(form.osType, form.architecture, origin,
                            choices(catalogue.architectures(form.osType))));
}

void checkLicence(const ImportForm& form, const OsCatalogue& catalogue, Problems& p)
{
    if (!licenseTypes().contains(form.licenseType))
        return p.add(field::licenseType, QStringLiteral("license.invalid"),
                     notAValue(form.licenseType, licenseTypes()));
    // Bring-your-own-licence makes sense only for systems sold with a licence: Red Hat, SUSE
    // Linux Enterprise and Windows Server. RHEL itself needs it (rule licence.rhel_byol).
    // The vendor's list spells it "Redhat"; older lists and our rules "RedHat".
    const bool redHat = form.osType.compare(u"Redhat", Qt::CaseInsensitive) == 0;
    const bool licensed = redHat || form.osType == u"SUSE" || catalogue.isWindows(form.osType) ||
                          form.osType.startsWith(u"Windows");
    if (form.licenseType == u"BYOL" && !form.osType.isEmpty() && !licensed)
        p.warn(field::licenseType, QStringLiteral("license.byol_unusual"),
               Text::tr("BYOL is for systems you hold a licence for (Red Hat, SUSE, Windows "
                        "Server); %1 needs none, so choose TencentCloud unless you know why.")
                   .arg(form.osType));
    if (form.licenseType == u"TencentCloud" && redHat)
        p.warn(field::licenseType, QStringLiteral("license.rhel_needs_byol"),
               Text::tr("Red Hat Enterprise Linux is imported with your own subscription; "
                        "choose BYOL."));
}

void checkBootMode(const ImportForm& form, Problems& p)
{
    if (!bootModes().contains(form.bootMode))
        return p.add(field::bootMode, QStringLiteral("boot_mode.invalid"),
                     notAValue(form.bootMode, bootModes()));
    // 64-bit ARM machines boot by UEFI only (unconfirmed for CVM's import, hence a warning).
    if (form.architecture == u"arm_64" && form.bootMode == u"Legacy BIOS")
        p.warn(field::bootMode, QStringLiteral("boot_mode.arm_bios"),
               Text::tr("arm_64 images boot with UEFI, so Legacy BIOS will probably not "
                        "start; choose UEFI."));
}

bool tagCharactersOk(const QString& s)
{
    for (const char32_t c : s.toUcs4()) {
        const bool symbol = c < 0x80 && QByteArrayView("+-=._:/@").contains(char(c));
        if (!QChar::isLetterOrNumber(c) && c != U' ' && !symbol)
            return false;
    }
    return true;
}

void checkTags(const QList<cloud::CvmTag>& tags, Problems& p)
{
    const QLatin1String f = field::tags;
    if (tags.size() > limits::tagsMax)
        p.add(f, QStringLiteral("tags.too_many"),
              Text::tr("%1 tags, at most %2 for an image; remove %3.")
                  .arg(tags.size())
                  .arg(limits::tagsMax)
                  .arg(tags.size() - limits::tagsMax));
    QSet<QString> seen;
    for (int i = 0; i < int(tags.size()); ++i) {
        const QString& key = tags[i].key;
        const QString& value = tags[i].value;
        if (key.isEmpty()) {
            p.add(f, QStringLiteral("tag.key_required"),
                  Text::tr("no key; give the tag one, or remove the tag."), i);
        } else {
            if (characters(key) > limits::tagKeyMax)
                p.add(f, QStringLiteral("tag.key_too_long"),
                      Text::tr("the key \"%1…\" has %2 characters, at most %3; shorten it.")
                          .arg(key.left(20))
                          .arg(characters(key))
                          .arg(limits::tagKeyMax),
                      i);
            for (const char* reserved : {"qcloud", "tencent", "project"}) {
                if (key.startsWith(QLatin1String(reserved), Qt::CaseInsensitive))
                    p.add(f, QStringLiteral("tag.key_reserved"),
                          Text::tr("the key \"%1\" starts with \"%2\", which Tencent Cloud "
                                   "reserves for its own tags; choose another key.")
                              .arg(key, QLatin1String(reserved)),
                          i);
            }
            if (!tagCharactersOk(key))
                p.add(f, QStringLiteral("tag.key_characters"),
                      Text::tr("the key \"%1\" may hold only letters, digits, spaces and "
                               "+ - = . _ : / @; remove the other characters.")
                          .arg(key),
                      i);
            if (seen.contains(key))
                p.add(f, QStringLiteral("tag.key_duplicate"),
                      Text::tr("the key \"%1\" is used twice, and a key takes one value; "
                               "remove one of them.")
                          .arg(key),
                      i);
            seen.insert(key);
        }
        if (characters(value) > limits::tagValueMax)
            p.add(f, QStringLiteral("tag.value_too_long"),
                  Text::tr("the value of \"%1\" has %2 characters, at most %3; shorten it.")
                      .arg(key)
                      .arg(characters(value))
                      .arg(limits::tagValueMax),
                  i);
        if (!tagCharactersOk(value))
            p.add(f, QStringLiteral("tag.value_characters"),
                  Text::tr("the value of \"%1\" may hold only letters, digits, spaces and "
                           "+ - = . _ : / @; remove the other characters.")
                      .arg(key),
                  i);
    }
}

void checkImageFamily(const QString& family, Problems& p)
{
    if (family.isEmpty())
        return;
    static const QRegularExpression format(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (characters(family) > limits::imageFamilyMax || !format.match(family).hasMatch())
        p.warn(field::imageFamily, QStringLiteral("image_family.format"),
               Text::tr("\"%1\" may be refused (InvalidImageFamily); the vendor documents no "
                        "format, so use letters, digits and - _ . only, starting with a letter "
                        "or digit, at most %2 characters, like \"business-daily-update\".")
                   .arg(family)
                   .arg(limits::imageFamilyMax));
}

void checkDataDisks(const ImportForm& form, const QString& region, Problems& p)
{
    const QLatin1String f = field::dataDisks;
    if (form.dataDiskUrls.size() > limits::dataDisksMax)
        p.add(f, QStringLiteral("data_disks.too_many"),
              Text::tr("%1 data disks, and this program imports at most %2 with one image; "
                       "import the others separately.")
                  .arg(form.dataDiskUrls.size())
                  .arg(limits::dataDisksMax));
    for (int i = 0; i < int(form.dataDiskUrls.size()); ++i) {
        checkUrl(f, form.dataDiskUrls[i], i, region, p);
        if (!form.imageUrl.isEmpty() && form.dataDiskUrls[i].trimmed() == form.imageUrl.trimmed())
            p.add(f, QStringLiteral("data_disks.same_as_system"),
                  Text::tr("the system disk's own URL; remove it from the data disks."), i);
    }
}

} // namespace

bool hasErrors(const QList<FieldProblem>& problems)
{
    return std::any_of(problems.cbegin(), problems.cend(),
                       [](const FieldProblem& p) { return p.isError(); });
}

QList<FieldProblem> ImportForm::validate(const OsCatalogue& catalogue, const QString& region) const
{
    Problems p;
    checkOs(*this, catalogue, p);
    checkUrl(field::imageUrl, imageUrl, -1, region, p);
    checkImageName(imageName, p);
    checkDescription(imageDescription, p);
    checkLicence(*this, catalogue, p);
    checkBootMode(*this, p);
    checkTags(tags, p);
    checkImageFamily(imageFamily, p);
    checkDataDisks(*this, region, p);
    return p.take();
}

} // namespace cvmi::importform
