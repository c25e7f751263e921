#include "widgets/PageScroll.h"

#include <QEvent>
#include <QLayout>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace cvmi::ui {

namespace {

// Scrolls vertically only. It asks for the content's minimum width (names are elided and
// sentences wrap, so that is modest), so that nothing is cut off on the right, and for almost no
// height, so that a tall page scrolls instead of growing the window. The content gets the
// viewport's width and height, or the height its layout wants at that width when that is more
// (wrapped text gets all its lines: nothing is clipped; the page scrolls instead).
class PageScrollArea : public QScrollArea {
public:
    explicit PageScrollArea(QWidget* parent) : QScrollArea(parent)
    {
        setFrameShape(QFrame::NoFrame);
        setFocusPolicy(Qt::NoFocus);
        setWidgetResizable(false);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }

    void setContent(QWidget* content)
    {
        setWidget(content);
        content->installEventFilter(this);
        viewport()->installEventFilter(this);
    }

    QSize minimumSizeHint() const override
    {
        const QSize least = QScrollArea::minimumSizeHint();
        if (!widget())
            return least;
        const int width = widget()->minimumSizeHint().width() +
                          verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
        return {qMax(least.width(), width), least.height()};
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // The content's layout changed (a longer text, a row shown): its minimum width and the
        // height it needs may have; the viewport changed size (the window, the scroll bar).
        if ((watched == widget() && event->type() == QEvent::LayoutRequest) ||
            (watched == viewport() && event->type() == QEvent::Resize)) {
            if (watched == widget())
                updateGeometry();
            fitContent();
        }
        return QScrollArea::eventFilter(watched, event);
    }

private:
    void fitContent()
    {
        QWidget* content = widget();
        if (!content || !content->layout())
            return;
        const QLayout* layout = content->layout();
        const int width = qMax(viewport()->width(), content->minimumSizeHint().width());
        const int needed = layout->hasHeightForWidth() ? layout->heightForWidth(width)
                                                       : layout->minimumSize().height();
        const QSize size(width, qMax(viewport()->height(), needed));
        if (content->size() != size)
            content->resize(size);
    }
};

} // namespace

QScrollArea* putPageInScrollArea(QWidget* page, const QString& objectName)
{
    auto* content = new QWidget;
    content->setObjectName(objectName + QStringLiteral("Content"));
    // QWidget::setLayout takes a layout from the widget it was on and moves its widgets along;
    // the layout keeps its margins, so the page looks as before until it has to scroll.
    if (QLayout* layout = page->layout())
        content->setLayout(layout);
    auto* scroll = new PageScrollArea(page);
    scroll->setObjectName(objectName);
    scroll->setContent(content);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(scroll);
    return scroll;
}

} // namespace cvmi::ui
