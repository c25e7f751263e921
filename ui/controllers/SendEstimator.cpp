#include "controllers/SendEstimator.h"

#include "disk/DiskImageOpener.h"
#include "util/FutureReply.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace cvmi::ui {

namespace {
Q_LOGGING_CATEGORY(lcEstimate, "cvmi.ui.estimate")
} // namespace

SendEstimator::SendEstimator(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<SendEstimate>();
}

SendEstimator::~SendEstimator() = default;

SendEstimate SendEstimator::estimate(const QString& path)
{
    SendEstimate result;
    result.path = path;
    Error error;
    const std::unique_ptr<disk::DiskImage> image = disk::openDiskImage(path, &error);
    if (image) {
        // The file's size on disk as a plain upload sends it (a sparse raw file is sent whole).
        const qint64 fileSize = QFileInfo(path).size();
        result.estimate =
            convert::estimateQcow2(*image, uint64_t(qMax<qint64>(fileSize, 0)), &error);
    }
    if (!result.estimate) {
        result.error = error.message;
        // The line is hidden then; the reason goes to the log (and the line's tool tip is gone).
        qCInfo(lcEstimate, "no estimate of the converted size of %s: %s", qPrintable(path),
               qPrintable(result.error));
    }
    return result;
}

void SendEstimator::start(const QString& path)
{
    const quint64 generation = ++m_generation;
    m_running = true;
    QPointer<SendEstimator> self(this);
    // The work holds no pointer to this object: a result that comes back after it is gone, or
    // after a newer start() or cancel(), is dropped here.
    util::onResult(QtConcurrent::run(&SendEstimator::estimate, path), this,
                   [self, generation](const SendEstimate& result) {
                       // One read of the guarded pointer, checked once: GCC's null-dereference
                       // analysis cannot see that QPointer stays set between two reads.
                       SendEstimator* estimator = self.data();
                       if (estimator == nullptr || generation != estimator->m_generation)
                           return;
                       estimator->m_running = false;
                       emit estimator->finished(result);
                   });
}

void SendEstimator::cancel()
{
    ++m_generation;
    m_running = false;
}

} // namespace cvmi::ui
