#pragma once

#include "convert/Qcow2Estimate.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace cvmi::ui {

// What a converted upload of one image would send (convert::estimateQcow2), or why that could
// not be told.
struct SendEstimate {
    QString path;
    std::optional<convert::Qcow2Estimate> estimate;
    QString error; // set when !estimate: why the image could not be estimated

    bool isValid() const { return estimate.has_value(); }
};

// Estimates, on a worker thread, how much the image would be as a compressed qcow2: the image
// is opened (disk::openDiskImage), its map walked and a small sample compressed. The result is
// delivered on the GUI thread from the event loop; only the newest request counts, as for the
// inspection (InspectionRunner), so a result for an image no longer chosen is dropped.
class SendEstimator : public QObject {
    Q_OBJECT
public:
    explicit SendEstimator(QObject* parent = nullptr);
    ~SendEstimator() override;

    void start(const QString& path);
    // Drops the request in flight: its result is not delivered.
    void cancel();
    bool isRunning() const { return m_running; }

    // The same work without a thread, for the worker and the tests.
    static SendEstimate estimate(const QString& path);

signals:
    void finished(const cvmi::ui::SendEstimate& result);

private:
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace cvmi::ui

Q_DECLARE_METATYPE(cvmi::ui::SendEstimate)
