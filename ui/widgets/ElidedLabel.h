#pragma once

#include <QLabel>

namespace cvmi::ui {

// A one-line label for a name or a path the user chose (a disk image's file name, an object's
// key): when the text is wider than the room the layout gives it, the middle is elided ("…"), so
// that the start and the extension stay readable, and the whole text is the tool tip. Unlike a
// QLabel, it never makes its window wider than the text's first characters: a file name of 240
// characters must not push the wizard's buttons off the screen (issue 13).
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);
    explicit ElidedLabel(const QString& text, QWidget* parent = nullptr);

    // The whole text; what is shown is this text elided to the label's width.
    void setFullText(const QString& text);
    QString fullText() const { return m_fullText; }
    bool isElided() const { return text() != m_fullText; }
    // A tool tip shown always (e.g. the whole path under a file name) instead of the whole text
    // when elided.
    void setFixedToolTip(const QString& toolTip);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void elide();

    QString m_fullText;
    QString m_fixedToolTip;
};

} // namespace cvmi::ui
