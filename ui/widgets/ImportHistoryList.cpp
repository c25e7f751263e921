#include "widgets/ImportHistoryList.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cvmi::ui {

namespace {

enum Column { ColImage, ColName, ColRegion, ColState, ColStarted, ColumnCount };

} // namespace

ImportHistoryList::ImportHistoryList(QWidget* parent)
    : QWidget(parent), m_tree(new QTreeWidget(this)),
      m_follow(new QPushButton(tr("F&ollow"), this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("importHistoryList"));
    m_tree->setObjectName(QStringLiteral("importHistoryTree"));
    m_tree->setAccessibleName(tr("Earlier imports"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Image ID"), tr("Name"), tr("Region"), tr("State"), tr("Started")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_follow->setObjectName(QStringLiteral("followButton"));
    m_follow->setToolTip(tr("Follow the selected import again until it is ready or has failed."));
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_follow, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ImportHistoryList::updateButton);
    connect(m_tree, &QTreeWidget::itemActivated, this, &ImportHistoryList::requestFollow);
    connect(m_follow, &QPushButton::clicked, this, &ImportHistoryList::requestFollow);
    updateButton();
}

void ImportHistoryList::reload(const importrun::ImportHistory& history)
{
    const QString selected = current() ? current()->imageId : QString();
    Error error;
    const auto records = history.load(&error);
    m_tree->clear();
    m_records = records.value_or(QList<importrun::ImportRecord>{});
    const QLocale locale;
    for (const importrun::ImportRecord& r : std::as_const(m_records)) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(ColImage, r.imageId);
        item->setText(ColName, r.imageName);
        item->setText(ColRegion, r.region);
        item->setText(ColState, r.state);
        item->setText(ColStarted, locale.toString(r.started.toLocalTime(), QLocale::ShortFormat));
        const QString tip = r.message.isEmpty() ? r.imageUrl : r.imageUrl + u'\n' + r.message;
        for (int c = 0; c < ColumnCount; ++c)
            item->setToolTip(c, tip);
    }
    if (!records)
        m_message->setText(error.message);
    else if (m_records.isEmpty())
        m_message->setText(tr("No imports yet. They are kept in %1, shared with `cvm-import "
                              "imports`.")
                               .arg(QDir::toNativeSeparators(history.filePath())));
    else
        m_message->setText(tr("An import still IMPORTING can be followed again: double-click "
                              "it, or select it and press Follow."));
    if (!selected.isEmpty())
        select(selected);
    updateButton();
}

void ImportHistoryList::setFollowEnabled(bool enabled)
{
    m_followEnabled = enabled;
    updateButton();
}

bool ImportHistoryList::select(const QString& imageId)
{
    for (int i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).imageId == imageId) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            return true;
        }
    }
    return false;
}

const importrun::ImportRecord* ImportHistoryList::current() const
{
    const int row = m_tree->indexOfTopLevelItem(m_tree->currentItem());
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

void ImportHistoryList::updateButton()
{
    // A finished import has nothing left to follow (its last state is already in the list), nor
    // has one whose ImageId is unknown.
    const importrun::ImportRecord* r = current();
    m_follow->setEnabled(m_followEnabled && r && r->canFollow());
}

void ImportHistoryList::requestFollow()
{
    const importrun::ImportRecord* r = current();
    if (m_followEnabled && r && r->canFollow())
        emit followRequested(*r);
}

} // namespace cvmi::ui
