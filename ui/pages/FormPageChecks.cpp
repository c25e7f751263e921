#include "pages/FormPageChecks.h"

#include "TextTints.h"
#include "widgets/FieldNote.h"

#include "importform/FormLimits.h"

#include <QHash>
#include <QLabel>
#include <QRegularExpression>

namespace cvmi::ui {

namespace {

namespace field = importform::field;

qsizetype characters(const QString& text)
{
    return text.toUcs4().size(); // the API counts code points (FormLimits.h)
}

} // namespace

void FormPageChecks::addField(const QString& fieldId, FieldNote* note, const QLabel* label)
{
    const QString name = nameOf(label->text());
    note->setLabel(name);
    m_fields.append({fieldId, note, name, label->buddy()});
}

QHash<QString, QString> FormPageChecks::names() const
{
    QHash<QString, QString> byId;
    for (const Field& f : m_fields)
        byId.insert(f.id, f.name);
    return byId;
}

QString FormPageChecks::nameOf(const QString& labelText)
{
    // Chinese puts the Alt key in brackets after the text: "镜像名称(&I)：".
    static const QRegularExpression bracketed(QStringLiteral("[(（]&[^&][)）]"));
    QString text = labelText;
    text.remove(bracketed);
    QString name;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'&' && i + 1 < text.size())
            ++i; // "&&" is a shown "&"; "&x" shows "x"
        name.append(text[i]);
    }
    name = name.trimmed();
    while (name.endsWith(u':') || name.endsWith(u'：'))
        name.chop(1);
    return name.trimmed();
}

bool FormPageChecks::isEmpty(const importform::ImportForm& f, const QString& id)
{
    const QHash<QString, QString> texts{{field::osType, f.osType},
                                        {field::osVersion, f.osVersion},
                                        {field::architecture, f.architecture},
                                        {field::bootMode, f.bootMode},
                                        {field::licenseType, f.licenseType},
                                        {field::imageUrl, f.imageUrl},
                                        {field::imageName, f.imageName},
                                        {field::imageDescription, f.imageDescription},
                                        {field::imageFamily, f.imageFamily}};
    if (id == field::tags)
        return f.tags.isEmpty();
    if (id == field::dataDisks)
        return f.dataDiskUrls.isEmpty();
    return texts.value(id).trimmed().isEmpty();
}

void FormPageChecks::show(const importform::ImportForm& form,
                          const QList<importform::FieldProblem>& problems,
                          const QSet<QString>& edited, bool revealAll)
{
    QHash<QString, QList<importform::FieldProblem>> byField;
    for (const importform::FieldProblem& p : problems)
        byField[p.field].append(p);
    m_missing.clear();
    m_firstError = nullptr;
    int errors = 0;
    int warnings = 0;
    for (const Field& f : std::as_const(m_fields)) {
        const QList<importform::FieldProblem> own = byField.value(f.id);
        // Nothing to judge yet: an empty field the user has not reached is not a mistake.
        if (!revealAll && !edited.contains(f.id) && isEmpty(form, f.id)) {
            f.note->setProblems({});
            if (importform::hasErrors(own))
                m_missing.append(f.name);
            continue;
        }
        f.note->setProblems(own);
        if (!m_firstError && importform::hasErrors(own))
            m_firstError = f.input;
        for (const importform::FieldProblem& p : own)
            (p.isError() ? errors : warnings) += 1;
    }
    showCounters(form);
    showSummary(errors, warnings);
}

void FormPageChecks::showCounters(const importform::ImportForm& form)
{
    const std::tuple<QString, const QString*, int> limited[] = {
        {field::imageName, &form.imageName, importform::limits::imageNameMax},
        {field::imageDescription, &form.imageDescription, importform::limits::imageDescriptionMax},
        {field::imageFamily, &form.imageFamily, importform::limits::imageFamilyMax}};
    for (const auto& [id, text, limit] : limited) {
        for (const Field& f : std::as_const(m_fields)) {
            if (f.id == id)
                f.note->setCount(characters(*text), limit);
        }
    }
}

void FormPageChecks::showSummary(int errors, int warnings)
{
    const QString missing = m_missing.isEmpty()
                                ? QString()
                                : tr("To continue, fill in: %1.")
                                      .arg(m_missing.join(tr(", ", "between the names of fields")));
    QString text;
    // Counts after a colon read well in every language without plural forms in the source.
    if (errors > 0 && warnings > 0)
        text = tr("Errors to correct before going on: %1 (and warnings: %2), marked under their "
                  "fields.")
                   .arg(errors)
                   .arg(warnings);
    else if (errors > 0)
        text = tr("Errors to correct before going on: %1, marked under their fields.").arg(errors);
    else if (!missing.isEmpty())
        text = warnings > 0 ? tr("Warnings: %1, under their fields.").arg(warnings) : QString();
    else if (warnings > 0)
        text = tr("The form is complete; read the warnings (%1).").arg(warnings);
    else
        text = tr("The form is complete.");
    if (!missing.isEmpty())
        text = text.isEmpty() ? missing : tr("%1 %2", "two sentences").arg(text, missing);
    m_summary->setText(text);
    // Red only for what is shown as wrong; a form still being filled in is not in error.
    setTextTint(m_summary, errors > 0           ? TextTint::Error
                           : !missing.isEmpty() ? TextTint::Secondary
                                                : TextTint::Good);
}

} // namespace cvmi::ui
