#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;

namespace cvmi::ui {

// A band across the top of the wizard saying where the user is, as Raspberry Pi Imager's steps
// do: "Step 2 of 5" and every step's name, the current one bold, the ones done ticked (✓), a
// skipped one marked "(skipped)". Only shows what it is given (ImportWizardSteps decides). Not a
// Tab stop; a screen reader reads both lines as shown, and each label's description says what
// it is and spells the states out ("done", "current step"), which bold type cannot tell.
class StepIndicator : public QWidget {
    Q_OBJECT
public:
    enum class State { Ahead, Current, Done, Skipped };
    struct Step {
        QString name;
        State state = State::Ahead;
    };

    explicit StepIndicator(QWidget* parent = nullptr);

    void setSteps(const QList<Step>& steps);
    QList<Step> steps() const { return m_steps; }
    // "Step 2 of 5" for the current step (its place among all, skipped ones counted), or empty.
    QString countText() const;
    // Both lines as plain text, as a screen reader reads them.
    QString text() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString stepHtml(const Step& step) const;
    QString stepWords(const Step& step) const; // for the accessible description

    QList<Step> m_steps;
    QLabel* m_count;
    QLabel* m_names;
};

} // namespace cvmi::ui
