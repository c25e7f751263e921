#include "widgets/PermissionList.h"

#include "Icons.h"

#include <QGridLayout>
#include <QLabel>

namespace cvmi::ui {

namespace {

constexpr int kIconSize = 20;

using State = cloud::PermissionLine::State;

policy::Verdict verdictOf(State state)
{
    switch (state) {
    case State::Ok:
        return policy::Verdict::Pass;
    case State::Failed:
        return policy::Verdict::Fail;
    case State::Pending:
    case State::Running:
        break;
    }
    return policy::Verdict::Unknown;
}

} // namespace

PermissionList::PermissionList(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("permissionList"));
    // The same four lines PermissionCheck starts with, so the page shows what will be checked
    // before the first check.
    cloud::CvmClient* noCvm = nullptr;
    cloud::CosClient* noCos = nullptr;
    setLines(cloud::PermissionCheck(noCvm, noCos, QString()).lines());
}

void PermissionList::setLines(const QList<cloud::PermissionLine>& lines)
{
    auto* grid = qobject_cast<QGridLayout*>(layout());
    if (!grid) {
        grid = new QGridLayout(this);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setHorizontalSpacing(8);
        grid->setVerticalSpacing(6);
        grid->setColumnStretch(1, 1);
    }
    while (m_rows.size() < lines.size()) {
        Row row{new QLabel(this), new QLabel(this)};
        row.icon->setFixedSize(kIconSize, kIconSize);
        row.icon->setAlignment(Qt::AlignTop);
        row.text->setWordWrap(true);
        row.text->setTextFormat(Qt::RichText);
        row.text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.text->setObjectName(QStringLiteral("permissionLine%1").arg(m_rows.size()));
        const int r = static_cast<int>(m_rows.size());
        grid->addWidget(row.icon, r, 0, Qt::AlignTop);
        grid->addWidget(row.text, r, 1);
        m_rows.append(row);
    }
    m_lines = lines;
    for (int i = 0; i < m_lines.size(); ++i)
        render(i);
}

void PermissionList::setLine(int index, const cloud::PermissionLine& line)
{
    if (index < 0 || index >= m_lines.size())
        return;
    m_lines[index] = line;
    render(index);
}

void PermissionList::reset()
{
    for (int i = 0; i < m_lines.size(); ++i) {
        m_lines[i].state = State::Pending;
        m_lines[i].message = tr("Not checked yet.");
        m_lines[i].remedy.clear();
        render(i);
    }
}

QString PermissionList::rowText(int index) const
{
    if (index < 0 || index >= m_lines.size())
        return {};
    const cloud::PermissionLine& line = m_lines.at(index);
    QString text = line.title + u'\n' + line.message;
    if (!line.remedy.isEmpty())
        text += u'\n' + line.remedy;
    return text;
}

void PermissionList::render(int index)
{
    const cloud::PermissionLine& line = m_lines.at(index);
    const Row& row = m_rows.at(index);
    row.icon->setPixmap(verdictPixmap(verdictOf(line.state), kIconSize, devicePixelRatioF()));
    QString html = QStringLiteral("<b>%1</b>").arg(line.title.toHtmlEscaped());
    if (line.state == State::Running)
        html += QStringLiteral(" <i>%1</i>").arg(tr("checking…").toHtmlEscaped());
    if (line.state != State::Pending)
        html += QStringLiteral("<br>%1").arg(line.message.toHtmlEscaped());
    if (!line.remedy.isEmpty())
        html += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("What to do: %1").arg(line.remedy).toHtmlEscaped());
    row.text->setText(html);
    const QString state = line.state == State::Ok        ? tr("passed")
                          : line.state == State::Failed  ? tr("failed")
                          : line.state == State::Running ? tr("checking")
                                                         : tr("not checked");
    row.icon->setAccessibleName(state);
    row.text->setAccessibleName(line.title + QStringLiteral(": ") + state);
    row.text->setAccessibleDescription(rowText(index));
}

} // namespace cvmi::ui
