#pragma once

#include <QDialog>
#include <QStringList>

class QListWidget;

namespace cvmi::ui {

// A dropped folder held several disk images: which one? The list shows each image's path under
// the folder and its size; double-click or OK chooses.
class ChooseImageDialog : public QDialog {
    Q_OBJECT
public:
    ChooseImageDialog(const QString& folder, const QStringList& images, QWidget* parent = nullptr);

    // The absolute path of the selected image, or empty.
    QString chosenImage() const;

private:
    QListWidget* m_list;
};

} // namespace cvmi::ui
