#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

namespace cvmi::ui {
namespace Ui {
class BucketChooser;
}

// "Bucket: [buckets of the region] [Create Bucket…] status": the Account page's choice of the
// bucket for the upload. Listing and creating buckets stay with the page (they need the account).
class BucketChooser : public QWidget {
    Q_OBJECT
public:
    explicit BucketChooser(QWidget* parent = nullptr);
    ~BucketChooser() override;

    // Nothing to choose yet: empty, `placeholder` shown, disabled, no status.
    void reset(const QString& placeholder);
    // Empty with `placeholder`, the rest unchanged (COS answered nothing usable).
    void showNone(const QString& placeholder);
    // `buckets` offered, none chosen yet, `placeholder` shown until one is; creating allowed.
    void offer(const QStringList& buckets, const QString& placeholder);
    QString chosen() const;
    // Adds `bucket` when missing and chooses it.
    void choose(const QString& bucket);
    bool canCreate() const;
    void setCanCreate(bool can);
    void setStatus(const QString& text);

signals:
    void bucketChosen(const QString& bucket);
    void createRequested();

private:
    std::unique_ptr<Ui::BucketChooser> m_ui;
};

} // namespace cvmi::ui
