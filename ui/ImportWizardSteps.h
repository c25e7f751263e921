#pragma once

#include <QObject>

namespace cvmi::ui {

class ImportWizard;
class StepIndicator;

// The wizard's map (issue 13, finding 4): a StepIndicator in the band above the page title, kept
// up to date on every page change, and the "upload skipped" mode made visible and undoable. The
// Upload step shows "(skipped)" while the session skips it ("Already in COS? Skip to the Form" on
// the Image page, "Already Uploaded: Skip" on the Upload page); on the Form page "Switch to
// Upload" (the wizard's second custom button) undoes the skip and goes to the Upload page; going
// Back to the Upload or Image page ends the skip, since both are where it is chosen again.
class ImportWizardSteps : public QObject {
    Q_OBJECT
public:
    explicit ImportWizardSteps(ImportWizard* wizard);

    StepIndicator* indicator() const { return m_indicator; }
    // "Switch to Upload": the skip undone, then the Upload page, through Back (when the skip was
    // chosen there) or Account and Next.
    void uploadInstead();

protected:
    // Keeps the band at the top of the area QWizard lays its title, page and buttons out in.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void pageChanged(int id);
    void update();
    void placeIndicator();

    ImportWizard* m_wizard;
    QWidget* m_area; // the parent of QWizard's page frame
    StepIndicator* m_indicator = nullptr;
    int m_lastId = -1;
};

} // namespace cvmi::ui
