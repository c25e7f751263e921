#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QMimeData;
class QPushButton;

namespace cvmi::ui {

class ElidedLabel;

// The large target at the top of the Image page: drop a disk image on it, or browse for one.
// After a choice it shows the file's name and size; while a drag hovers it is highlighted.
class DropZone : public QWidget {
    Q_OBJECT
public:
    explicit DropZone(QWidget* parent = nullptr);

    // Shows `path` as the chosen file (also used when the image comes from the command line).
    void showFile(const QString& path);
    bool isHighlighted() const { return m_highlighted; }
    // Other wording for another page (the Upload page): the prompt, its detail, and the detail
    // under a chosen file, where %1 is its folder.
    void setTexts(const QString& prompt, const QString& detail, const QString& chosenDetail);
    QPushButton* browseButton() const { return m_browse; }

    // The first local file (not a folder) among the dragged URLs, or an empty string.
    static QString localFileFrom(const QMimeData* mime);
    static QStringList fileDialogFilters();

signals:
    void fileChosen(const QString& path);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void browse();
    void setHighlighted(bool highlighted);

    QLabel* m_icon = nullptr;
    ElidedLabel* m_headline = nullptr; // a long file name is elided, not the window widened
    QLabel* m_detail = nullptr;
    QPushButton* m_browse = nullptr;
    QString m_lastFolder;
    QString m_chosenDetail;
    bool m_highlighted = false;
};

} // namespace cvmi::ui
