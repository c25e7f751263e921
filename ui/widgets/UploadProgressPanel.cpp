#include "widgets/UploadProgressPanel.h"

#include "util/Units.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>

namespace cvmi::ui {

using transfer::UploadState;

UploadProgressPanel::UploadProgressPanel(QWidget* parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("uploadProgress"));
    m_bar->setObjectName(QStringLiteral("uploadProgressBar"));
    m_bar->setAccessibleName(tr("Upload progress"));
    // Per mille, so that a 50 GB upload visibly moves every 50 MB.
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_bar->setTextVisible(true);
    m_bar->setFormat(QStringLiteral("0%"));
    m_detail->setObjectName(QStringLiteral("uploadProgressDetail"));
    // A description, not a name: a screen reader reads the figures themselves.
    m_detail->setAccessibleDescription(tr("Upload progress details"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
}

int UploadProgressPanel::permille(const transfer::UploadProgress& progress)
{
    if (progress.state == UploadState::Verifying && progress.bytesToCheck > 0)
        return int(
            std::clamp<qint64>(progress.bytesChecked * 1000 / progress.bytesToCheck, 0, 1000));
    // A converted upload's length is known only when its stream ends (totalBytes -1): until
    // then the bar follows the source, read up to its end.
    if (progress.converting && progress.totalBytes < 0) {
        if (progress.state == UploadState::Finished)
            return 1000;
        if (progress.sourceBytesTotal <= 0)
            return 0;
        // The reader runs ahead of the network by the parts in flight: the whole image read is
        // not the upload done, which only a known length (or Finished) says.
        return int(std::clamp<qint64>(progress.sourceBytesRead * 1000 / progress.sourceBytesTotal,
                                      0, 990));
    }
    if (progress.totalBytes <= 0)
        return progress.state == UploadState::Finished ? 1000 : 0;
    return int(std::clamp<qint64>(progress.bytesSent * 1000 / progress.totalBytes, 0, 1000));
}

QString UploadProgressPanel::convertingFigures(const transfer::UploadProgress& progress)
{
    // What was read of the image's data (holes are not read) and what was sent of the qcow2
    // made from it: two figures, as neither alone says how far the upload is.
    const QString read =
        progress.sourceBytesTotal >= 0
            ? tr("read %1 of %2")
                  .arg(formatBytes(uint64_t(qMax<qint64>(progress.sourceBytesRead, 0))),
                       formatBytes(uint64_t(progress.sourceBytesTotal)))
            : tr("reading the image's map");
    const QString sent = formatBytes(uint64_t(qMax<qint64>(progress.bytesSent, 0)));
    if (progress.totalBytes >= 0)
        return tr("%1 · sent %2 of %3 as compressed qcow2")
            .arg(read, sent, formatBytes(uint64_t(progress.totalBytes)));
    return tr("%1 · sent %2 as compressed qcow2").arg(read, sent);
}

QString UploadProgressPanel::describe(const transfer::UploadProgress& progress)
{
    QStringList parts;
    const bool lengthKnown = progress.totalBytes >= 0;
    if (progress.converting)
        parts.append(convertingFigures(progress));
    else
        parts.append(tr("%1 of %2")
                         .arg(formatBytes(uint64_t(qMax<qint64>(progress.bytesSent, 0))),
                              formatBytes(uint64_t(qMax<qint64>(progress.totalBytes, 0)))));
    switch (progress.state) {
    case UploadState::Verifying:
        // What is read here is the file, not the network: the parts already sent, compared.
        parts.append(tr("checking %1 parts already sent against the file (%2 of %3 read)")
                         .arg(QLocale().toString(progress.partsToCheck),
                              formatBytes(uint64_t(progress.bytesChecked)),
                              formatBytes(uint64_t(progress.bytesToCheck))));
        break;
    case UploadState::Preparing:
        parts.append(tr("preparing (reading the file's identity, asking COS for the upload)"));
        break;
    case UploadState::Pausing:
        parts.append(tr("pausing: the parts in flight finish first"));
        break;
    case UploadState::Paused:
        parts.append(tr("paused"));
        break;
    case UploadState::Completing:
        parts.append(tr("completing: COS assembles the parts and checks the CRC-64"));
        break;
    case UploadState::Finished:
        break;
    case UploadState::Uploading:
        if (progress.bytesPerSecond > 0)
            parts.append(tr("%1/s").arg(formatBytes(uint64_t(progress.bytesPerSecond))));
        parts.append(
            progress.etaSeconds >= 0
                ? tr("about %1 left").arg(formatDuration(qMax<qint64>(progress.etaSeconds, 1)))
                : tr("time left: measuring"));
        break;
    }
    if (progress.partsTotal > 0 && lengthKnown)
        parts.append(tr("%1 of %2 parts")
                         .arg(QLocale().toString(progress.partsDone),
                              QLocale().toString(progress.partsTotal)));
    else if (progress.converting && progress.partsDone > 0)
        // The stream is cut into parts as it is made: how many there will be is not known yet.
        parts.append(tr("%1 parts done").arg(QLocale().toString(progress.partsDone)));
    return parts.join(QStringLiteral(" · "));
}

void UploadProgressPanel::showProgress(const transfer::UploadProgress& progress)
{
    const int value = permille(progress);
    m_bar->setValue(value);
    m_bar->setFormat(tr("%1%").arg(QLocale().toString(value / 10.0, 'f', 1)));
    m_detail->setText(describe(progress));
}

void UploadProgressPanel::showStatus(const QString& text)
{
    m_detail->setText(text);
}

} // namespace cvmi::ui
