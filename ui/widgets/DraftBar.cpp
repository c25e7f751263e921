#include "widgets/DraftBar.h"

#include "TextTints.h"
#include "controllers/DraftFiles.h"

#include "ui_DraftBar.h"

#include "importform/FormPrefill.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>

namespace cvmi::ui {

DraftBar::DraftBar(QWidget* parent) : QWidget(parent), m_ui(std::make_unique<Ui::DraftBar>())
{
    m_ui->setupUi(this);
    connect(m_ui->saveDraft, &QPushButton::clicked, this, &DraftBar::save);
    connect(m_ui->openDraft, &QPushButton::clicked, this, &DraftBar::open);
}

DraftBar::~DraftBar() = default;

void DraftBar::setUp(WizardSession* session, FormSource source)
{
    m_source = std::move(source);
    delete m_files;
    m_files = new DraftFiles(session, this);
    connect(m_files, &DraftFiles::status, this, &DraftBar::setStatus);
    connect(m_files, &DraftFiles::saved, this, [this](const QString& path, const QString& error) {
        m_ui->saveDraft->setEnabled(true);
        emit saved(path, error);
    });
    connect(m_files, &DraftFiles::opened, this,
            [this](const QString& path, const importform::Draft& draft, const QString& error) {
                m_ui->openDraft->setEnabled(true);
                emit opened(path, draft, error);
            });
}

void DraftBar::setPathChooser(PathChooser chooser)
{
    m_choosePath = std::move(chooser);
}

void DraftBar::save()
{
    const QString path = askPath(true);
    if (!path.isEmpty())
        saveTo(path);
}

void DraftBar::open()
{
    const QString path = askPath(false);
    if (!path.isEmpty())
        openFrom(path);
}

void DraftBar::saveTo(const QString& path)
{
    Q_ASSERT(m_files); // setUp() first
    m_ui->saveDraft->setEnabled(false);
    const auto [form, region] = m_source();
    m_files->save(path, form, region);
}

void DraftBar::openFrom(const QString& path)
{
    Q_ASSERT(m_files);
    m_ui->openDraft->setEnabled(false);
    m_files->open(path);
}

QList<QWidget*> DraftBar::tabStops() const
{
    return {m_ui->openDraft, m_ui->saveDraft};
}

// In the documents folder, named after the image: "<image name>-draft.json".
QString DraftBar::askPath(bool save)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    QString name = m_source ? m_source().first.imageName.trimmed() : QString();
    name = name.isEmpty() ? QStringLiteral("import") : importform::imageNameFromFile(name);
    const QString suggested = QDir(folder).filePath(tr("%1-draft.json").arg(name));

    if (m_choosePath)
        return m_choosePath(save, suggested);
    const QString filter = tr("Import drafts (*.json);;All files (*)");
    if (!save)
        return QFileDialog::getOpenFileName(this, tr("Open Draft"), QFileInfo(suggested).path(),
                                            filter);
    QString path = QFileDialog::getSaveFileName(this, tr("Save Draft"), suggested, filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return path;
}

void DraftBar::setStatus(const QString& text, bool error)
{
    m_ui->draftStatus->setText(text);
    setTextTint(m_ui->draftStatus, error ? TextTint::Error : TextTint::Secondary);
}

} // namespace cvmi::ui
