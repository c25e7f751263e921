#include "widgets/DropZone.h"

#include "Icons.h"
#include "widgets/ElidedLabel.h"

#include "util/Units.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace cvmi::ui {

namespace {

constexpr int kIconSize = 44;
constexpr qreal kCornerRadius = 10.0;

} // namespace

DropZone::DropZone(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dropZone"));
    setAcceptDrops(true);
    setMinimumHeight(88);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_icon = new QLabel(this);
    m_icon->setPixmap(
        svgPixmap(QStringLiteral(":/icons/drop-image.svg"), kIconSize, devicePixelRatioF()));
    m_icon->setFixedSize(kIconSize, kIconSize);
    m_icon->setAccessibleName(tr("Disk image"));

    m_headline = new ElidedLabel(tr("Drop a disk image here (.qcow2, .vmdk, .vhd, .raw)"), this);
    m_headline->setObjectName(QStringLiteral("dropHeadline"));
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.15);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);

    m_detail = new QLabel(
        tr("Only the metadata is read, so even a large image is checked in moments."), this);
    m_detail->setObjectName(QStringLiteral("dropDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setForegroundRole(QPalette::PlaceholderText);

    m_browse = new QPushButton(tr("Bro&wse…"), this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    connect(m_browse, &QPushButton::clicked, this, &DropZone::browse);

    auto* text = new QVBoxLayout;
    text->setSpacing(4);
    text->addStretch();
    text->addWidget(m_headline);
    text->addWidget(m_detail);
    text->addStretch();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(22, 14, 22, 14);
    layout->setSpacing(18);
    layout->addWidget(m_icon, 0, Qt::AlignVCenter);
    layout->addLayout(text, 1);
    layout->addWidget(m_browse, 0, Qt::AlignVCenter);
}

void DropZone::showFile(const QString& path)
{
    const QFileInfo info(path);
    m_headline->setFullText(tr("%1 — %2").arg(info.fileName(), formatBytes(uint64_t(info.size()))));
    const QString detail = m_chosenDetail.isEmpty()
                               ? tr("In %1. Drop another image to check that one instead.")
                               : m_chosenDetail;
    m_detail->setText(detail.arg(QDir::toNativeSeparators(info.absolutePath())));
    m_lastFolder = info.absolutePath();
}

void DropZone::setTexts(const QString& prompt, const QString& detail, const QString& chosenDetail)
{
    m_headline->setFullText(prompt);
    m_detail->setText(detail);
    m_chosenDetail = chosenDetail;
}

QString DropZone::localFileFrom(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && !QFileInfo(url.toLocalFile()).isDir())
            return url.toLocalFile();
    }
    return {};
}

QStringList DropZone::fileDialogFilters()
{
    return {tr("Disk images (*.qcow2 *.vmdk *.vhd *.raw *.img)"), tr("All files (*)")};
}

void DropZone::dragEnterEvent(QDragEnterEvent* event)
{
    if (localFileFrom(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    setHighlighted(true);
}

void DropZone::dragMoveEvent(QDragMoveEvent* event)
{
    if (localFileFrom(event->mimeData()).isEmpty())
        event->ignore();
    else
        event->acceptProposedAction();
}

void DropZone::dragLeaveEvent(QDragLeaveEvent* event)
{
    setHighlighted(false);
    event->accept();
}

void DropZone::dropEvent(QDropEvent* event)
{
    setHighlighted(false);
    const QString path = localFileFrom(event->mimeData());
    if (path.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    showFile(path);
    emit fileChosen(path);
}

void DropZone::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QColor accent = pal.color(QPalette::Highlight);
    const QColor fill =
        m_highlighted ? mixColors(pal.color(QPalette::Base), accent, 0.12)
                      : mixColors(pal.color(QPalette::Window), pal.color(QPalette::Base), 0.55);
    QPen pen(m_highlighted
                 ? accent
                 : mixColors(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.35));
    pen.setWidthF(m_highlighted ? 2.0 : 1.5);
    if (!m_highlighted)
        pen.setDashPattern({4.0, 3.0});
    painter.setPen(pen);
    painter.setBrush(fill);
    const qreal inset = pen.widthF() / 2.0;
    painter.drawRoundedRect(QRectF(rect()).adjusted(inset, inset, -inset, -inset), kCornerRadius,
                            kCornerRadius);
}

void DropZone::browse()
{
    const QString start = m_lastFolder.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::HomeLocation)
                              : m_lastFolder;
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a disk image"), start,
                                                      fileDialogFilters().join(u";;"));
    if (path.isEmpty())
        return;
    showFile(path);
    emit fileChosen(path);
}

void DropZone::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

} // namespace cvmi::ui
