#pragma once

// "Create bucket…": asks for the short name and the APPID (prefilled from the account's other
// buckets when there are any) and checks COS's naming rules as the user types, so that the PUT
// Bucket that follows fails only for reasons the service alone knows (the name is taken).
// Layout and texts in CreateBucketDialog.ui; tests find its fields by object name.
#include <QDialog>

#include <memory>

namespace cvmi::ui {

namespace Ui {
class CreateBucketDialog;
}

class CreateBucketDialog : public QDialog {
    Q_OBJECT
public:
    CreateBucketDialog(const QString& region, const QString& appId, QWidget* parent = nullptr);
    ~CreateBucketDialog() override;

    // "<name>-<APPID>" when both fields are valid, else empty.
    QString bucket() const;

private:
    void validate();

    std::unique_ptr<Ui::CreateBucketDialog> m_ui;
};

} // namespace cvmi::ui
