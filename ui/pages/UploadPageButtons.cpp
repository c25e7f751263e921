// The Upload page's buttons: which are shown and enabled in each phase, and which one Enter
// presses. Apart from UploadPage.cpp so that the page's actions and its button states are each
// read in one place.
#include "pages/UploadPage.h"
#include "ui_UploadPage.h"

#include "WizardSession.h"
#include "pages/UploadPageCheck.h"
#include "widgets/DropZone.h"
#include "widgets/UploadDestination.h"
#include "widgets/UploadProgressPanel.h"

#include <QFileInfo>
#include <QPushButton>
#include <QWizard>

#include <utility>

namespace cvmi::ui {

void UploadPage::updateState()
{
    const Phase phase = m_upload->phase();
    const bool resolving = m_upload->isResolving();
    const std::optional<transfer::Checkpoint>& offer = m_upload->offer();
    const bool idle = phase == Phase::Ready || phase == Phase::Failed;
    // The file's check must have ended first (a refused file then asks "Upload anyway").
    const bool ready = idle && m_ui->uploadDestination->isComplete() && m_session->hasAccount() &&
                       QFileInfo(m_filePath).isFile() && m_check->decided();
    const bool changed = offer && offer->fileChangedSince(m_filePath);
    m_ui->dropZone->setEnabled(idle || phase == Phase::Done); // another file starts afresh
    m_ui->uploadDestination->setEditable(idle);
    m_ui->convertCheck->setEnabled(idle && requiredConversionFormat().isEmpty());
    m_ui->resumeOffer->setVisible(phase == Phase::Ready && !m_ui->resumeOffer->text().isEmpty());
    m_ui->startUpload->setVisible(phase == Phase::Ready && !changed);
    m_ui->startUpload->setEnabled(ready);
    m_ui->startUpload->setText(offer ? tr("&Resume Upload") : tr("&Start Upload"));
    m_ui->startOverUpload->setVisible(idle && offer.has_value());
    m_ui->startOverUpload->setEnabled(ready);
    m_ui->retryUpload->setVisible(phase == Phase::Failed && !changed);
    m_ui->retryUpload->setEnabled(ready);
    m_ui->pauseUpload->setVisible(phase == Phase::Uploading && !resolving);
    m_ui->resumeUpload->setVisible(phase == Phase::Paused);
    m_ui->cancelUpload->setVisible(
        !resolving &&
        (phase == Phase::Uploading || phase == Phase::Paused || phase == Phase::Cancelling));
    m_ui->cancelUpload->setEnabled(phase != Phase::Cancelling);
    m_ui->skipUpload->setVisible(idle);
    m_ui->skipUpload->setEnabled(idle && m_ui->uploadDestination->isComplete() &&
                                 m_session->hasAccount());
    m_ui->uploadProgress->setVisible(phase != Phase::Ready ||
                                     m_upload->lastProgress().totalBytes > 0);
    m_ui->uploadResult->setVisible(phase == Phase::Done);
    // Queued: QWizard makes its Next button the default (even while Next waits, disabled, for
    // the upload) whenever the page changes or emits completeChanged, right after this.
    QMetaObject::invokeMethod(this, &UploadPage::updateDefaultButton, Qt::QueuedConnection);
}

void UploadPage::updateDefaultButton()
{
    const bool entering = std::exchange(m_focusDefaultOnEntry, false);
    if (!wizard() || wizard()->currentPage() != this || isComplete())
        return;
    for (QPushButton* button : {m_ui->startUpload, m_ui->retryUpload}) {
        if (button->isVisibleTo(this) && button->isEnabled()) {
            button->setDefault(true);
            // Arriving, Enter starts the upload even before the first Tab.
            if (entering)
                button->setFocus();
            return;
        }
    }
}

} // namespace cvmi::ui
