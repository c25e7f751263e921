#pragma once

#include "controllers/UploadedObject.h"

#include <QFrame>
#include <QList>

class QLabel;
class QPushButton;

namespace cvmi::ui {

// The interrupted uploads a user can continue, newest first: the resume records of the
// checkpoint folder (empty: the engine's) that are COS uploads of a file still there. Read on
// the caller's thread; a record is a small JSON file and no image is read.
QList<InterruptedUpload> interruptedUploads(const QString& checkpointDir);

// A dismissable bar on the Image page when the program starts: "An upload of <file> to
// <bucket>/<key> was interrupted (N of M parts sent)." with Continue It, which opens the file as
// if dropped and leads the Upload page to that destination (see ImportWizard).
class InterruptedUploadNotice : public QFrame {
    Q_OBJECT
public:
    explicit InterruptedUploadNotice(QWidget* parent = nullptr);

    // The newest of `uploads` and how many others; hidden when there is none.
    void showUploads(const QList<InterruptedUpload>& uploads);
    void dismiss();
    // The upload Continue It continues (invalid when none is shown).
    InterruptedUpload current() const { return m_current; }

signals:
    void continueRequested(const cvmi::ui::InterruptedUpload& upload);

private:
    InterruptedUpload m_current;
    QLabel* m_label;
    QPushButton* m_continueButton;
    QPushButton* m_dismissButton;
};

} // namespace cvmi::ui
