#pragma once

#include "importform/Draft.h"

#include <QWidget>

#include <functional>
#include <memory>

namespace cvmi::ui {
namespace Ui {
class DraftBar;
}

class DraftFiles;
class WizardSession;

// The import form's "Open Draft…" and "Save Draft…" with what the last of them said: asks for
// the file (a file dialog, or a chooser set by tests) and lets DraftFiles read or write it.
class DraftBar : public QWidget {
    Q_OBJECT
public:
    explicit DraftBar(QWidget* parent = nullptr);
    ~DraftBar() override;

    // What a saved draft holds: the form and the region it is for (may be empty); `session`
    // tells which image it was filled for.
    using FormSource = std::function<std::pair<importform::ImportForm, QString>()>;
    void setUp(WizardSession* session, FormSource source);

    // Gets whether the path is for saving and a suggested path; returns the path or empty.
    using PathChooser = std::function<QString(bool save, const QString& suggested)>;
    void setPathChooser(PathChooser chooser);
    void save(); // asks for the file first
    void open();
    void saveTo(const QString& path);
    void openFrom(const QString& path);
    QList<QWidget*> tabStops() const; // the buttons, in tab order

signals:
    void saved(const QString& path, const QString& error); // empty `error` on success
    // `draft` is read when `error` is empty.
    void opened(const QString& path, const importform::Draft& draft, const QString& error);

private:
    void setStatus(const QString& text, bool error);
    QString askPath(bool save);

    std::unique_ptr<Ui::DraftBar> m_ui;
    DraftFiles* m_files = nullptr;
    FormSource m_source;
    PathChooser m_choosePath;
};

} // namespace cvmi::ui
