// ui/controllers/DraftFiles without a window: a draft saved and opened again holds the form, the
// region, the checked image and its verdict, each step said in one line; a pre-signed URL loses
// its signature and the line says so; a folder that does not exist and a file that is not a
// draft end in the reason, marked as an error; a draft for another region says so when opened.
#include "WizardSession.h"
#include "controllers/DraftFiles.h"

#include "cloud/Credentials.h"
#include "importform/Draft.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cvmi;
using importform::Draft;
using importform::ImportForm;
using ui::DraftFiles;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kUrl =
    QStringLiteral("https://images-1250000000.cos.ap-guangzhou.myqcloud.com/web.qcow2");

ImportForm form()
{
    ImportForm f;
    f.osType = QStringLiteral("Ubuntu");
    f.osVersion = QStringLiteral("22");
    f.architecture = QStringLiteral("x86_64");
    f.imageUrl = kUrl;
    f.imageName = QStringLiteral("web");
    f.tags = {{QStringLiteral("env"), QStringLiteral("prod")}};
    return f;
}

ui::InspectionResult inspectionWith(policy::Verdict verdict)
{
    ui::InspectionResult r;
    r.report.rules.append({QStringLiteral("image.format"),
                           QStringLiteral("image"),
                           QStringLiteral("Image format"),
                           policy::Verdict::Pass,
                           {},
                           {},
                           {}});
    r.report.rules.append({QStringLiteral("disk.size"),
                           QStringLiteral("image"),
                           QStringLiteral("Disk size"),
                           verdict,
                           {},
                           {},
                           {}});
    return r;
}

// The lines status() said, and whether the last was an error.
struct StatusLog {
    QStringList lines;
    bool lastIsError = false;
    explicit StatusLog(DraftFiles* files)
    {
        QObject::connect(files, &DraftFiles::status, files, [this](const QString& t, bool e) {
            lines.append(t);
            lastIsError = e;
        });
    }
};

} // namespace

class TestDraftFiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString save(DraftFiles& files, const QString& path, const ImportForm& f, const QString& region)
    {
        QSignalSpy saved(&files, &DraftFiles::saved);
        files.save(path, f, region);
        if (!saved.wait(kTimeoutMs))
            return QStringLiteral("no answer");
        return saved.first().at(1).toString();
    }

    // The draft opened, or nothing with *error set.
    std::optional<Draft> open(DraftFiles& files, const QString& path, QString* error)
    {
        std::optional<Draft> result;
        bool done = false;
        connect(&files, &DraftFiles::opened, this,
                [&](const QString&, const Draft& draft, const QString& e) {
                    *error = e;
                    if (e.isEmpty())
                        result = draft;
                    done = true;
                });
        files.open(path);
        if (!QTest::qWaitFor([&] { return done; }, kTimeoutMs))
            *error = QStringLiteral("no answer");
        disconnect(&files, &DraftFiles::opened, this, nullptr);
        return result;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        QVERIFY(m_dir.isValid());
    }

    void savedDraftOpensAgain()
    {
        const QString image = m_dir.filePath(QStringLiteral("web.qcow2"));
        QFile file(image);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(QByteArray(1234, 'x')), 1234);
        file.close();
        ui::WizardSession session;
        session.setImagePath(image);
        session.setInspection(inspectionWith(policy::Verdict::Warn));
        DraftFiles files(&session);
        StatusLog log(&files);

        const QString path = m_dir.filePath(QStringLiteral("web-draft.json"));
        QCOMPARE(save(files, path, form(), QStringLiteral("ap-guangzhou")), QString());
        QCOMPARE(log.lines.first(), QStringLiteral("Saving…"));
        QVERIFY2(log.lines.last().startsWith(QLatin1String("Saved the draft to")),
                 qPrintable(log.lines.last()));
        QVERIFY(!log.lines.last().contains(QLatin1String("signature")));
        QVERIFY(!log.lastIsError);

        QString error;
        const std::optional<Draft> draft = open(files, path, &error);
        QVERIFY2(draft, qPrintable(error));
        QCOMPARE(draft->form, form());
        QCOMPARE(draft->region, QStringLiteral("ap-guangzhou"));
        QCOMPARE(draft->appVersion, QStringLiteral("9.8.7"));
        QCOMPARE(draft->source.imagePath, image);
        QCOMPARE(draft->source.imageSize, 1234);
        QCOMPARE(draft->source.verdict, QStringLiteral("warn"));
        QVERIFY2(log.lines.last().startsWith(QLatin1String("Opened the draft")),
                 qPrintable(log.lines.last()));
        QVERIFY(!log.lines.last().contains(QLatin1String("made for"))); // no account: no region
    }

    void verdictIsTheWorstRule()
    {
        ui::WizardSession session;
        session.setInspection(inspectionWith(policy::Verdict::Fail));
        DraftFiles files(&session);
        const QString path = m_dir.filePath(QStringLiteral("failed.json"));
        QCOMPARE(save(files, path, form(), {}), QString());
        QString error;
        const std::optional<Draft> draft = open(files, path, &error);
        QVERIFY2(draft, qPrintable(error));
        QCOMPARE(draft->source.verdict, QStringLiteral("fail"));
        QCOMPARE(draft->source.imagePath, QString());
        QCOMPARE(draft->source.imageSize, -1);
    }

    void signatureIsLeftOutAndSaid()
    {
        ui::WizardSession session;
        DraftFiles files(&session);
        StatusLog log(&files);
        ImportForm signedForm = form();
        const QString signature = QStringLiteral("5f1a0c6d9e3b7a2c4d8e6f0a1b3c5d7e9f2a4b6c");
        signedForm.imageUrl =
            kUrl + QStringLiteral("?q-sign-algorithm=sha1&q-ak=AKIDx&q-signature=") + signature;
        const QString path = m_dir.filePath(QStringLiteral("signed.json"));
        QCOMPARE(save(files, path, signedForm, {}), QString());
        QVERIFY2(log.lines.last().contains(QLatin1String("signature was left out")),
                 qPrintable(log.lines.last()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(signature.toUtf8()));
    }

    void failuresSayWhy()
    {
        ui::WizardSession session;
        DraftFiles files(&session);
        StatusLog log(&files);
        const QString nowhere = m_dir.filePath(QStringLiteral("no/such/folder/d.json"));
        const QString saveError = save(files, nowhere, form(), {});
        QVERIFY(!saveError.isEmpty());
        QCOMPARE(log.lines.last(), saveError);
        QVERIFY(log.lastIsError);

        const QString notADraft = m_dir.filePath(QStringLiteral("notes.json"));
        QFile file(notADraft);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"formatVersion\": 1, \"form\": [");
        file.close();
        QString error;
        QVERIFY(!open(files, notADraft, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(log.lines.last(), error);
        QVERIFY(log.lastIsError);
        QVERIFY(!open(files, m_dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY(!error.isEmpty());
    }

    void draftForAnotherRegionIsSaid()
    {
        ui::WizardSession session;
        session.setAccount(cloud::Credentials{}, QStringLiteral("ap-guangzhou"), {});
        DraftFiles files(&session);
        StatusLog log(&files);
        const QString path = m_dir.filePath(QStringLiteral("shanghai.json"));
        QCOMPARE(save(files, path, form(), QStringLiteral("ap-shanghai")), QString());
        QString error;
        QVERIFY2(open(files, path, &error), qPrintable(error));
        QVERIFY2(log.lines.last().contains(QLatin1String(
                     "It was made for ap-shanghai; the account's region is ap-guangzhou.")),
                 qPrintable(log.lines.last()));
    }
};

QTEST_MAIN(TestDraftFiles)
#include "tst_draftfiles.moc"
