#pragma once

#include <QPixmap>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QMimeData;
class QPainter;
class QPushButton;

namespace cvmi::ui {

class ElidedLabel;

// The large target at the top of the Image and Upload pages: drop a disk image on it (or
// anywhere on a page given to acceptDropsOn()), or browse for one. A dropped folder is searched
// for disk images (disk::findDiskImages, on a worker): one found is chosen, several are offered
// in a list (ChooseImageDialog), none is said in the zone. After a choice it shows the file's
// name and size; while a drag hovers it is highlighted.
class DropZone : public QWidget {
    Q_OBJECT
public:
    explicit DropZone(QWidget* parent = nullptr);

    // Shows `path` as the chosen file (also used when the image comes from the command line).
    void showFile(const QString& path);
    // Back to the prompt, as it opens (the image was forgotten: "Import Another Image").
    void showPrompt();
    bool isHighlighted() const { return m_highlighted; }
    // Other wording for another page (the Upload page): the prompt, its detail, and the detail
    // under a chosen file, where %1 is its folder.
    void setTexts(const QString& prompt, const QString& detail, const QString& chosenDetail);
    QPushButton* browseButton() const { return m_browse; }
    // Drags over the whole of `area` (a page) are taken as drags over this zone, which lights up;
    // the children of `area` that take drops themselves (a text field) keep theirs.
    void acceptDropsOn(QWidget* area);
    // Searches `folder` as a dropped folder is searched.
    void searchFolder(const QString& folder);

    // The first local file or folder among the dragged URLs, or an empty string.
    static QString localFileFrom(const QMimeData* mime);
    static QStringList fileDialogFilters();

signals:
    void fileChosen(const QString& path);
    // A dropped folder was searched: `problem` says why nothing was chosen (no image found, or
    // the list of several was cancelled: then empty), else it is empty and fileChosen() follows.
    void folderSearched(const QString& folder, const QString& problem);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void browse();
    void choose(const QString& path);
    void setHighlighted(bool highlighted);
    void showProblem(const QString& problem);
    void onFolderSearched(const QString& folder, const QStringList& images, const QString& problem);
    void drawFrame(QPainter* painter, const QColor& fill, const QColor& line) const;

    QLabel* m_icon = nullptr;
    ElidedLabel* m_headline = nullptr; // a long file name is elided, not the window widened
    QLabel* m_detail = nullptr;
    QPushButton* m_browse = nullptr;
    QString m_lastFolder;
    QString m_chosenDetail;
    QString m_prompt;
    QString m_promptDetail;
    bool m_highlighted = false;
    QString m_searching; // the folder being searched, or empty
    QPixmap m_frame;     // the outline and fill as last painted (paintEvent)
    QString m_frameKey;  // the size, pixel ratio and colours m_frame was drawn for
};

} // namespace cvmi::ui
