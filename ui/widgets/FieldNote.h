#pragma once

#include "importform/ImportForm.h"

#include <QWidget>

class QLabel;

namespace cvmi::ui {

// The line under one form field: what is wrong with its value (errors and warnings, each with
// the limit and the way out, from ImportForm::validate) and, for a length-limited field, a
// counter such as "12/60" that turns to the error colour past the limit. Hidden when it has
// nothing to say, so that a clean form stays compact.
class FieldNote : public QWidget {
    Q_OBJECT
public:
    explicit FieldNote(QWidget* parent = nullptr);

    void setProblems(const QList<importform::FieldProblem>& problems);
    // `limit` > 0 shows the counter; 0 hides it.
    void setCount(qsizetype count, int limit);

    QString text() const;        // the problems shown, one a line
    QString counterText() const; // "12/60", or empty
    bool showsError() const { return m_error; }

private:
    void updateVisibility();

    QLabel* m_message;
    QLabel* m_counter;
    bool m_error = false;
};

} // namespace cvmi::ui
