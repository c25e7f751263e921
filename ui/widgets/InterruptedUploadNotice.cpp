#include "widgets/InterruptedUploadNotice.h"

#include "transfer/CheckpointIndex.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace cvmi::ui {

QList<InterruptedUpload> interruptedUploads(const QString& checkpointDir)
{
    QList<InterruptedUpload> uploads;
    // Newest first, COS uploads of files still there (CheckpointIndex::continuable).
    for (const transfer::CheckpointEntry& e :
         transfer::CheckpointIndex::continuable(checkpointDir)) {
        InterruptedUpload u;
        u.filePath = QFileInfo(e.checkpoint->file.path).absoluteFilePath();
        u.bucket = e.destination.bucket;
        u.key = e.destination.key;
        u.region = e.destination.region;
        u.partsDone = e.partsDone();
        u.partsTotal = e.partsTotal();
        u.updated = e.updated;
        uploads.append(u);
    }
    return uploads;
}

InterruptedUploadNotice::InterruptedUploadNotice(QWidget* parent)
    : QFrame(parent), m_label(new QLabel(this)),
      m_continueButton(new QPushButton(tr("C&ontinue It"), this)),
      m_dismissButton(new QPushButton(tr("No&t Now"), this))
{
    setObjectName(QStringLiteral("interruptedUploadNotice"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_label->setObjectName(QStringLiteral("interruptedUploadText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setAccessibleDescription(tr("Interrupted upload"));
    m_continueButton->setObjectName(QStringLiteral("continueInterruptedUpload"));
    m_continueButton->setToolTip(
        tr("Check this file and upload only the parts that are missing in its bucket"));
    m_dismissButton->setObjectName(QStringLiteral("dismissInterruptedUpload"));
    m_dismissButton->setToolTip(tr("Hide this notice; the upload can still be continued by "
                                   "choosing the same file and destination"));
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_continueButton);
    layout->addWidget(m_dismissButton);
    setVisible(false);

    connect(m_continueButton, &QPushButton::clicked, this, [this] {
        const InterruptedUpload upload = m_current;
        dismiss();
        if (upload.isValid())
            emit continueRequested(upload);
    });
    connect(m_dismissButton, &QPushButton::clicked, this, &InterruptedUploadNotice::dismiss);
}

void InterruptedUploadNotice::showUploads(const QList<InterruptedUpload>& uploads)
{
    if (uploads.isEmpty())
        return dismiss();
    m_current = uploads.first();
    QString text =
        tr("An upload of %1 to %2/%3 was interrupted (%4 of %5 parts sent).")
            .arg(QFileInfo(m_current.filePath).fileName(), m_current.bucket, m_current.key)
            .arg(m_current.partsDone)
            .arg(m_current.partsTotal);
    // A count after a colon reads well in every language without plural forms in the source.
    // The command that lists them is for those who look for it: in the tool tip, not the text.
    QString tip = QDir::toNativeSeparators(m_current.filePath);
    if (uploads.size() > 1) {
        text += u' ' + tr("Other interrupted uploads: %1.").arg(uploads.size() - 1);
        tip += u'\n' + tr("The command cvm-import uploads lists them all.");
    }
    m_label->setText(text);
    m_label->setToolTip(tip);
    setVisible(true);
}

void InterruptedUploadNotice::dismiss()
{
    m_current = {};
    m_label->clear();
    setVisible(false);
}

} // namespace cvmi::ui
