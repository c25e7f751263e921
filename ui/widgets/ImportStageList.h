#pragma once

#include "controllers/ImportSteps.h"

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;

namespace cvmi::ui {

// The import's steps as a checklist, one line each with a verdict icon: the form checked, the
// permission (ImportImage's DryRun), the import started (with its ImageId), following the image
// until it is ready. Each line says what happened and, when it failed, what to do.
class ImportStageList : public QWidget {
    Q_OBJECT
public:
    // One definition of the steps, shared with ImportController.
    using Step = importstep::Step;
    using State = importstep::State;

    struct Line {
        QString title;
        State state = State::Pending;
        QString message;
        QString remedy;
    };

    explicit ImportStageList(QWidget* parent = nullptr);

    // Every line back to "not started" (a new import, or following one from the history, where
    // the first three steps happened earlier).
    void reset();
    void setLine(Step step, State state, const QString& message, const QString& remedy = {});
    const Line& line(Step step) const { return m_lines.at(step); }
    // The text a line shows (title, message, remedy), for the tests and screen readers.
    QString lineText(Step step) const;

private:
    struct Row {
        QLabel* icon;
        QLabel* text;
    };
    void render(int index);

    QList<Line> m_lines;
    QList<Row> m_rows;
};

} // namespace cvmi::ui
