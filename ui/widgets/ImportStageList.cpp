#include "widgets/ImportStageList.h"

#include "Icons.h"

#include <QGridLayout>
#include <QLabel>

namespace cvmi::ui {

namespace {

constexpr int kIconSize = 20;

policy::Verdict verdictOf(ImportStageList::State state)
{
    switch (state) {
    case ImportStageList::State::Ok:
        return policy::Verdict::Pass;
    case ImportStageList::State::Failed:
        return policy::Verdict::Fail;
    case ImportStageList::State::Pending:
    case ImportStageList::State::Running:
    case ImportStageList::State::Skipped:
        break;
    }
    return policy::Verdict::Unknown;
}

} // namespace

ImportStageList::ImportStageList(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("importStageList"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(6);
    grid->setColumnStretch(1, 1);
    const QStringList titles{tr("Check the form"), tr("Permission (ImportImage dry run)"),
                             tr("Start the import"), tr("Follow the import")};
    for (int i = 0; i < importstep::StepCount; ++i) {
        Row row{new QLabel(this), new QLabel(this)};
        row.icon->setFixedSize(kIconSize, kIconSize);
        row.text->setWordWrap(true);
        row.text->setTextFormat(Qt::RichText);
        row.text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.text->setObjectName(QStringLiteral("importStage%1").arg(i));
        grid->addWidget(row.icon, i, 0, Qt::AlignTop);
        grid->addWidget(row.text, i, 1);
        m_rows.append(row);
        m_lines.append(Line{titles.at(i), State::Pending, {}, {}});
    }
    reset();
}

void ImportStageList::reset()
{
    for (int i = 0; i < m_lines.size(); ++i) {
        m_lines[i].state = State::Pending;
        m_lines[i].message.clear();
        m_lines[i].remedy.clear();
        render(i);
    }
}

void ImportStageList::setLine(Step step, State state, const QString& message, const QString& remedy)
{
    if (step < 0 || step >= importstep::StepCount)
        return;
    m_lines[step].state = state;
    m_lines[step].message = message;
    m_lines[step].remedy = remedy;
    render(step);
}

QString ImportStageList::lineText(Step step) const
{
    if (step < 0 || step >= importstep::StepCount)
        return {};
    const Line& line = m_lines.at(step);
    QString text = line.title;
    if (!line.message.isEmpty())
        text += u'\n' + line.message;
    if (!line.remedy.isEmpty())
        text += u'\n' + line.remedy;
    return text;
}

void ImportStageList::render(int index)
{
    const Line& line = m_lines.at(index);
    const Row& row = m_rows.at(index);
    const bool quiet = line.state == State::Pending || line.state == State::Skipped ||
                       line.state == State::Running;
    // A step not reached (or not needed) shows no icon, so the eye finds the ones that matter; one
    // under way shows none either (a "?" would read as "unknown"): its text says "under way" and
    // the page shows a busy bar while the import is followed.
    if (quiet)
        row.icon->clear();
    else
        row.icon->setPixmap(verdictPixmap(verdictOf(line.state), kIconSize, devicePixelRatioF()));
    QString html = QStringLiteral("<b>%1</b>").arg(line.title.toHtmlEscaped());
    if (line.state == State::Running)
        html += QStringLiteral(" <i>%1</i>").arg(tr("under way…").toHtmlEscaped());
    if (!line.message.isEmpty())
        html += QStringLiteral("<br>%1").arg(
            line.message.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    if (!line.remedy.isEmpty())
        html += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("What to do: %1").arg(line.remedy).toHtmlEscaped());
    row.text->setText(html);
    row.text->setEnabled(line.state != State::Skipped);
    const QString state = line.state == State::Ok        ? tr("done")
                          : line.state == State::Failed  ? tr("failed")
                          : line.state == State::Running ? tr("under way")
                          : line.state == State::Skipped ? tr("not needed")
                                                         : tr("not started");
    row.icon->setAccessibleName(state);
    row.text->setAccessibleName(line.title + QStringLiteral(": ") + state);
    row.text->setAccessibleDescription(lineText(static_cast<Step>(index)));
}

} // namespace cvmi::ui
