#pragma once

// "Create bucket…": asks for the short name and the APPID (prefilled from the account's other
// buckets when there are any) and checks COS's naming rules as the user types, so that the PUT
// Bucket that follows fails only for reasons the service alone knows (the name is taken).
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace cvmi::ui {

class CreateBucketDialog : public QDialog {
    Q_OBJECT
public:
    CreateBucketDialog(const QString& region, const QString& appId, QWidget* parent = nullptr);

    // "<name>-<APPID>" when both fields are valid, else empty.
    QString bucket() const;

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* appIdEdit() const { return m_appId; }
    QLabel* problemLabel() const { return m_problem; }

private:
    void validate();

    QLineEdit* m_name;
    QLineEdit* m_appId;
    QLabel* m_preview;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace cvmi::ui
