#pragma once

#include "transfer/UploadJob.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace cvmi::ui {

// The Upload page's progress: a bar with the percentage, and one line with the bytes, the
// smoothed speed, the time left and the parts, as the engine reports them (at most ten times a
// second, so every report is shown as it comes).
class UploadProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit UploadProgressPanel(QWidget* parent = nullptr);

    void showProgress(const transfer::UploadProgress& progress);
    // `text` under the bar in place of the details ("Starting…", "Cancelling…").
    void showStatus(const QString& text);

    // "12.0 MiB of 64.0 MiB · 8.2 MiB/s · about 6 s left · 12 of 64 parts"
    static QString describe(const transfer::UploadProgress& progress);
    // A converted upload (progress.converting): "read 1.2 GiB of 5.0 GiB · sent 310 MiB as
    // compressed qcow2", what describe() starts with in place of the bytes of the file.
    static QString convertingFigures(const transfer::UploadProgress& progress);
    // The bar's value: the bytes sent of the total, or for a converted upload whose length is
    // not known yet, the source's bytes read of its data.
    static int permille(const transfer::UploadProgress& progress);

private:
    QProgressBar* m_bar;
    QLabel* m_detail;
};

} // namespace cvmi::ui
