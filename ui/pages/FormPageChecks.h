#pragma once

#include "importform/ImportForm.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QLabel;
class QWidget;

namespace cvmi::ui {

class FieldNote;

// What the Form page shows of its problems (issue 13, finding 9: a form that does not scold). A
// field's problems appear under it, after its label ("Image name: 61 characters, at most 60; …"),
// once the field has something to judge: the user edited it, it holds a value (from the check,
// the upload or a draft), or the user tried to go on. An empty field nobody touched shows
// nothing; the line under the form names it instead, calmly ("To continue, fill in: OS type,
// Image name."). That line also counts the errors shown, or says that the form is complete.
class FormPageChecks {
    Q_DECLARE_TR_FUNCTIONS(cvmi::ui::FormPage)

public:
    explicit FormPageChecks(QLabel* summary) : m_summary(summary) {}

    // A field, in reading order: its note and the label whose text names it.
    void addField(const QString& fieldId, FieldNote* note, const QLabel* label);

    // Shows `problems` of `form`: under their fields where revealed (edited, holding a value, or
    // `revealAll`), the others by name in the summary; the counters of the limited fields.
    void show(const importform::ImportForm& form, const QList<importform::FieldProblem>& problems,
              const QSet<QString>& edited, bool revealAll);

    // Every field's name by its id.
    QHash<QString, QString> names() const;
    // The names of the fields the summary asks to fill in, in reading order.
    QStringList missing() const { return m_missing; }
    // The first field (its label's buddy) showing an error, or null.
    QWidget* firstError() const { return m_firstError; }

    // A label's text as a name: "&Image name:" → "Image name", "镜像名称(&I)：" → "镜像名称".
    static QString nameOf(const QString& labelText);
    // Whether the field holds no value at all (a default counts as a value).
    static bool isEmpty(const importform::ImportForm& form, const QString& fieldId);

private:
    struct Field {
        QString id;
        FieldNote* note;
        QString name;
        QWidget* input; // the label's buddy
    };
    void showCounters(const importform::ImportForm& form);
    void showSummary(int errors, int warnings);

    QLabel* m_summary;
    QList<Field> m_fields;
    QStringList m_missing;
    QWidget* m_firstError = nullptr;
};

} // namespace cvmi::ui
