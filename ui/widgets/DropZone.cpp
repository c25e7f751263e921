#include "widgets/DropZone.h"

#include "Icons.h"
#include "TextTints.h"
#include "dialogs/ChooseImageDialog.h"
#include "widgets/ElidedLabel.h"

#include "disk/ImageFinder.h"
#include "util/FutureReply.h"
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
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

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

    m_prompt = tr("Drop a disk image here (.qcow2, .vmdk, .vhd, .raw, .vhdx, .vdi, .ova)");
    m_promptDetail = tr("Only the metadata is read, so even a large image is checked in moments.");
    m_headline = new ElidedLabel(m_prompt, this);
    m_headline->setObjectName(QStringLiteral("dropHeadline"));
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.15);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);

    m_detail = new QLabel(m_promptDetail, this);
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
    m_searching.clear(); // a file chosen now wins over a folder still being searched
    showProblem({});
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
    m_prompt = prompt;
    m_promptDetail = detail;
    m_chosenDetail = chosenDetail;
    showPrompt();
}

void DropZone::showPrompt()
{
    m_searching.clear();
    showProblem({});
    m_headline->setFullText(m_prompt);
    m_detail->setText(m_promptDetail);
}

QString DropZone::localFileFrom(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo::exists(url.toLocalFile()))
            return url.toLocalFile();
    }
    return {};
}

void DropZone::acceptDropsOn(QWidget* area)
{
    area->setAcceptDrops(true);
    area->installEventFilter(this);
}

bool DropZone::eventFilter(QObject* watched, QEvent* event)
{
    // Only what reaches the area itself: Qt sends a drag to the innermost widget that accepts
    // drops, so these are drags over the area's empty parts and its passive children.
    switch (event->type()) {
    case QEvent::DragEnter:
        dragEnterEvent(static_cast<QDragEnterEvent*>(event));
        return true;
    case QEvent::DragMove:
        dragMoveEvent(static_cast<QDragMoveEvent*>(event));
        return true;
    case QEvent::DragLeave:
        dragLeaveEvent(static_cast<QDragLeaveEvent*>(event));
        return true;
    case QEvent::Drop:
        dropEvent(static_cast<QDropEvent*>(event));
        return true;
    default:
        return QWidget::eventFilter(watched, event);
    }
}

QStringList DropZone::fileDialogFilters()
{
    return {tr("Disk images (*.qcow2 *.vmdk *.vhd *.vhdx *.vdi *.ova *.raw *.img)"),
            tr("All files (*)")};
}

void DropZone::dragEnterEvent(QDragEnterEvent* event)
{
    if (!isEnabled() || localFileFrom(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    setHighlighted(true);
}

void DropZone::dragMoveEvent(QDragMoveEvent* event)
{
    if (!isEnabled() || localFileFrom(event->mimeData()).isEmpty())
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
    const QString path = isEnabled() ? localFileFrom(event->mimeData()) : QString();
    if (path.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    if (QFileInfo(path).isDir())
        searchFolder(path);
    else
        choose(path);
}

void DropZone::choose(const QString& path)
{
    showFile(path);
    emit fileChosen(path);
}

void DropZone::showProblem(const QString& problem)
{
    m_detail->setText(problem);
    // The quiet placeholder colour for the zone's hint, the error tint for what went wrong.
    m_detail->setForegroundRole(problem.isEmpty() ? QPalette::PlaceholderText
                                                  : QPalette::WindowText);
    setTextTint(m_detail, problem.isEmpty() ? TextTint::Secondary : TextTint::Error);
}

void DropZone::searchFolder(const QString& folder)
{
    m_searching = QFileInfo(folder).absoluteFilePath();
    showProblem({});
    m_detail->setText(
        tr("Looking for disk images in %1…").arg(QDir::toNativeSeparators(m_searching)));
    QPointer<DropZone> self(this);
    util::onResult(
        QtConcurrent::run([folder = m_searching] { return disk::findDiskImages(folder); }), this,
        [self](const disk::ImageSearch& search) {
            // One read of the QPointer (GCC's -Wnull-dereference at -O3 cannot tell two agree).
            DropZone* zone = self.data();
            if (zone == nullptr || search.folder != zone->m_searching)
                return; // another folder or file was chosen meanwhile
            zone->m_searching.clear();
            zone->onFolderSearched(search.folder, search.images,
                                   search.images.isEmpty() ? disk::noImageMessage(search)
                                                           : QString());
        });
}

void DropZone::onFolderSearched(const QString& folder, const QStringList& images,
                                const QString& problem)
{
    m_lastFolder = folder;
    if (images.size() == 1) {
        choose(images.first());
        emit folderSearched(folder, {});
        return;
    }
    if (images.isEmpty()) {
        showProblem(problem);
        emit folderSearched(folder, problem);
        return;
    }
    // Several: the user picks one. Window-modal and not blocking, so the event loop runs on.
    auto* dialog = new ChooseImageDialog(folder, images, this);
    connect(dialog, &QDialog::finished, this, [this, dialog, folder](int result) {
        dialog->deleteLater();
        const QString chosen = dialog->chosenImage();
        if (result == QDialog::Accepted && !chosen.isEmpty()) {
            choose(chosen);
            emit folderSearched(folder, {});
        } else {
            showProblem(tr("Nothing chosen from %1. Drop an image, or use Browse….")
                            .arg(QDir::toNativeSeparators(folder)));
            emit folderSearched(folder, {});
        }
    });
    dialog->open();
}

void DropZone::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event);
    const QPalette& pal = palette();
    const QColor accent = pal.color(QPalette::Highlight);
    const QColor fill =
        m_highlighted ? mixColors(pal.color(QPalette::Base), accent, 0.12)
                      : mixColors(pal.color(QPalette::Window), pal.color(QPalette::Base), 0.55);
    const QColor line = m_highlighted ? accent
                                      : mixColors(pal.color(QPalette::Window),
                                                  pal.color(QPalette::WindowText), 0.35);
    // Stroking the dashed outline costs about as much as painting the rest of the page, and the
    // zone is repainted whenever one of its labels changes (three times between a drop and the
    // verdict): it is drawn once per size, state and colours and then copied.
    const qreal dpr = devicePixelRatioF();
    const QString key = QStringLiteral("%1x%2@%3:%4:%5:%6")
                            .arg(width())
                            .arg(height())
                            .arg(dpr)
                            .arg(int(m_highlighted))
                            .arg(fill.rgba())
                            .arg(line.rgba());
    if (key != m_frameKey) {
        m_frame = QPixmap((QSizeF(size()) * dpr).toSize());
        m_frame.setDevicePixelRatio(dpr);
        m_frame.fill(Qt::transparent);
        QPainter framePainter(&m_frame);
        drawFrame(&framePainter, fill, line);
        m_frameKey = key;
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_frame);
}

void DropZone::drawFrame(QPainter* painter, const QColor& fill, const QColor& line) const
{
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(line);
    pen.setWidthF(m_highlighted ? 2.0 : 1.5);
    if (!m_highlighted)
        pen.setDashPattern({4.0, 3.0});
    painter->setPen(pen);
    painter->setBrush(fill);
    const qreal inset = pen.widthF() / 2.0;
    painter->drawRoundedRect(QRectF(rect()).adjusted(inset, inset, -inset, -inset), kCornerRadius,
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
    choose(path);
}

void DropZone::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

} // namespace cvmi::ui
