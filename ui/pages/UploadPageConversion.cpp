// The Upload page's "Send as compressed qcow2" (issue 16): the image converted, while it is
// sent, into a compressed and sparse qcow2 (UploadJob::conversion). Apart from UploadPage.cpp so
// that the choice, its default and the key it renames are read in one place.
#include "pages/UploadPage.h"
#include "transfer/ConvertedUpload.h"
#include "ui_UploadPage.h"

#include "TextTints.h"
#include "WizardSession.h"
#include "controllers/InspectionResult.h"
#include "pages/ConversionTexts.h"
#include "widgets/UploadDestination.h"

#include "settings/AppSettings.h"

#include <QCheckBox>
#include <QFileInfo>

namespace cvmi::ui {

void UploadPage::setUpConversion()
{
    setTextTint(m_ui->convertNote, TextTint::Secondary);
    // clicked: the user's own choice only, never setChecked() by the default or a resume.
    connect(m_ui->convertCheck, &QCheckBox::clicked, this, [this](bool checked) {
        m_convertChosen = true;
        setConverting(checked);
        // An answer to the proposal is kept for the next image (AppSettings); turning it on
        // where nothing was proposed says nothing about the proposal.
        const SendEstimate& s = m_session->sendEstimate();
        if (m_upload->settings() && s.isValid() && s.estimate->worthConverting())
            m_upload->settings()->setProposeConversion(checked);
    });
    connect(m_session, &WizardSession::sendEstimateChanged, this, [this] {
        updateConversionDefault();
        showConversionNote();
    });
    // The check tells the format: a VHDX, VDI or OVA turns conversion on for good.
    connect(m_session, &WizardSession::inspectionChanged, this, [this] {
        updateConversionDefault();
        showConversionNote();
        updateState();
    });
    showConversionNote();
}

bool UploadPage::converting() const
{
    return m_ui->convertCheck->isChecked();
}

QString UploadPage::requiredConversionFormat() const
{
    if (m_filePath.isEmpty() || !m_session->hasInspection())
        return {};
    const inspect::ImageFacts& facts = m_session->inspection().facts;
    if (facts.convertedTo.isEmpty() || QFileInfo(facts.path).absoluteFilePath() != m_filePath)
        return {};
    return facts.format.toUpper();
}

void UploadPage::updateConversionDefault()
{
    if (isBusy() || phase() == Phase::Done)
        return;
    if (!requiredConversionFormat().isEmpty()) {
        if (!converting())
            setConverting(true);
        return;
    }
    if (m_convertChosen)
        return;
    const SendEstimate& s = m_session->sendEstimate();
    const bool ours = !m_filePath.isEmpty() && QFileInfo(s.path).absoluteFilePath() == m_filePath;
    const bool proposed = !m_upload->settings() || m_upload->settings()->proposeConversion();
    setConverting(proposed && ours && s.isValid() && s.estimate->worthConverting());
}

void UploadPage::setConverting(bool convert)
{
    m_ui->convertCheck->setChecked(convert);
    // The key's extension follows (centos.raw ↔ centos.qcow2); renaming it looks for an earlier
    // upload to that key again (UploadDestination::changed → refreshOffer).
    const QString fileName = QFileInfo(m_filePath).fileName();
    if (!fileName.isEmpty())
        m_ui->uploadDestination->renameKey(
            transfer::keyForConversion(m_ui->uploadDestination->key(), fileName, convert));
    showConversionNote();
}

void UploadPage::showConversionNote()
{
    const SendEstimate& s = m_session->sendEstimate();
    const bool ours = !m_filePath.isEmpty() && QFileInfo(s.path).absoluteFilePath() == m_filePath;
    m_ui->convertNote->setText(ConversionTexts::convertNote(
        ours ? s : SendEstimate{}, ours && m_session->isEstimating(), requiredConversionFormat()));
}

void UploadPage::matchOfferConversion()
{
    if (!m_upload->offer())
        return;
    // The record says how its parts were made; the resume must make them the same way.
    const bool recorded = m_upload->offer()->conversion == transfer::Conversion::Qcow2;
    if (recorded != converting()) {
        m_convertChosen = true;
        m_ui->convertCheck->setChecked(recorded);
        showConversionNote();
    }
}

} // namespace cvmi::ui
