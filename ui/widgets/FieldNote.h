#pragma once

#include "importform/ImportForm.h"

#include <QWidget>

class QLabel;

namespace cvmi::ui {

// The line under one form field: what is wrong with its value (errors and warnings, each with
// the limit and the way out, from ImportForm::validate, after the field's label as the user sees
// it: "Image name: 61 characters, at most 60; …") and, for a length-limited field, a counter such
// as "12/60" that turns to the error colour past the limit. Hidden when it has nothing to say, so
// that a clean form stays compact.
class FieldNote : public QWidget {
    Q_OBJECT
public:
    explicit FieldNote(QWidget* parent = nullptr);

    // The field's name as its label shows it ("Image name"), written before each problem.
    void setLabel(const QString& label) { m_label = label; }
    void setProblems(const QList<importform::FieldProblem>& problems);
    // `limit` > 0 shows the counter; 0 hides it.
    void setCount(qsizetype count, int limit);

    QString text() const;        // the problems shown, one a line
    QString counterText() const; // "12/60", or empty
    bool showsError() const { return m_error; }

private:
    void updateVisibility();
    QString line(const importform::FieldProblem& problem) const;

    QLabel* m_message;
    QLabel* m_counter;
    QString m_label;
    bool m_error = false;
};

} // namespace cvmi::ui
