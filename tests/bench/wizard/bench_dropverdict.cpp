// Drop → verdict painted in the wizard, against the same inspection without the wizard.
//
// For a Linux guest converted to qcow2 and grown to 60 GiB (qemu-img convert + resize of the
// linux fixture's ubuntu2204.raw, sparse) and a Windows guest (the windows fixture's
// win2012r2.raw), each round opens a new ImportWizard on the offscreen platform, drops the file on
// the Image page's drop zone as the window system delivers a drop (tests/ui/DragDrop.h), and times
// until the report's headline has received its first paint event. Printed per image, medians of
// CVMI_BENCH_RUNS rounds (default 5; CVMI_BENCH_LANGUAGE=zh_CN for the Chinese wizard), all
// measured in this run on this machine:
//   drop→painted   the user's wait (the first round, with the process's one-time costs, apart);
//   drop→shown     until ImagePage::inspectionShown (worker finished, report widgets built);
//   inspect        inspectImage + the built-in rules called directly on this thread (the floor);
//   cli check      `cvm-import check FILE` as a process (the baseline), and the ratio;
//   qemu-img info  for the qcow2, with `cvm-import check` / `qemu-img info` as a ratio.
// Under `valgrind --tool=callgrind` each round's drop → paint is a dump of its
// own (the instructions of the wait alone, both threads): the figure to compare before and after
// a change on a machine too busy for wall times.
// No timed assertion: the figures are printed; the bench fails only when a verdict never appears
// or a tool fails. Run it from a Release build: `ctest --test-dir build/rel -L bench -V`.
#include "DragDrop.h"
#include "TestSupport.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "pages/ImagePage.h"
#include "widgets/DropZone.h"

#include "inspect/Inspector.h"
#include "policy/Policy.h"
#include "util/Translations.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(name)
#endif

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace cvmi;

namespace {

constexpr int kVerdictTimeoutMs = 60000;

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int benchRuns()
{
    bool ok = false;
    const int runs = qEnvironmentVariableIntValue("CVMI_BENCH_RUNS", &ok);
    return ok && runs > 0 ? runs : 5;
}

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Stops `loop` at the first paint event of the object it watches, noting when.
class PaintWatch : public QObject {
public:
    PaintWatch(const QElapsedTimer& clock, QEventLoop* loop) : m_clock(clock), m_loop(loop) {}
    double paintedMs = -1;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && paintedMs < 0) {
            paintedMs = msSince(m_clock);
            CALLGRIND_DUMP_STATS_AT("drop-to-paint");
            m_loop->quit();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer& m_clock;
    QEventLoop* m_loop;
};

struct RoundTimes {
    double shownMs = -1;
    double paintedMs = -1;
};

// Wall time of `program arguments` in ms, or -1 when it could not run or crashed. cvm-import
// check exits 1 for an image that is not importable: any status up to 1 is a finished check.
double timeProcess(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(kVerdictTimeoutMs) ||
        process.exitStatus() != QProcess::NormalExit || process.exitCode() > 1) {
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return -1;
    }
    return msSince(timer);
}

} // namespace

class BenchDropVerdict : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void dropToVerdict_data();
    void dropToVerdict();

private:
    RoundTimes dropOnce(const QString& path);
    double inspectInProcess(const QString& path);
    double processMedian(const QString& program, const QStringList& arguments, int runs);

    QTemporaryDir m_work;
    QString m_qcow2;
    QString m_cli;
};

void BenchDropVerdict::initTestCase()
{
    QVERIFY(m_work.isValid());
    const QString guest = test::fixtureDir() + QStringLiteral("/linux/ubuntu2204.raw");
    QVERIFY2(QFile::exists(guest), qPrintable(guest));
    // A 60 GiB disk of which a few MiB are allocated: qcow2 keeps the guest's clusters, and the
    // resize only grows the virtual size (the guest's partition stays where it was).
    m_qcow2 = m_work.filePath(QStringLiteral("ubuntu2204-60G.qcow2"));
    QVERIFY(
        test::runTool(QStringLiteral("qemu-img"), {QStringLiteral("convert"), QStringLiteral("-O"),
                                                   QStringLiteral("qcow2"), guest, m_qcow2}));
    QVERIFY(
        test::runTool(QStringLiteral("qemu-img"), {QStringLiteral("resize"), QStringLiteral("-q"),
                                                   m_qcow2, QStringLiteral("60G")}));
    // CVMI_BENCH_LANGUAGE=zh_CN: the wizard as a Chinese desktop shows it (its first report also
    // loads a CJK font).
    const QString language = qEnvironmentVariable("CVMI_BENCH_LANGUAGE");
    if (!language.isEmpty())
        QCOMPARE(util::installTranslations(*qApp, language), language);
    m_cli = qEnvironmentVariable("CVMI_BINARY_DIR") + QStringLiteral("/app/cli/cvm-import");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
    std::printf("%-22s %9s %9s %9s %9s %9s %7s %9s\n", "image (median ms)", "first", "painted",
                "shown", "inspect", "cli", "/cli", "qemu-img");
}

void BenchDropVerdict::cleanup()
{
    QVERIFY(QThreadPool::globalInstance()->waitForDone(kVerdictTimeoutMs));
}

void BenchDropVerdict::dropToVerdict_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("qcow2");
    QTest::newRow("linux-qcow2-60G") << QString() << true;
    QTest::newRow("windows-raw") << test::fixtureDir() + QStringLiteral("/windows/win2012r2.raw")
                                 << false;
}

void BenchDropVerdict::dropToVerdict()
{
    QFETCH(QString, path);
    QFETCH(bool, qcow2);
    if (qcow2)
        path = m_qcow2;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const int runs = benchRuns();

    double first = -1;
    QList<double> painted, shown, inspected;
    for (int i = 0; i <= runs; ++i) {
        const RoundTimes round = dropOnce(path);
        QVERIFY2(round.paintedMs >= 0, "the verdict was never painted");
        if (i == 0) {
            first = round.paintedMs; // fonts, icons, rules: what the process pays once
            continue;
        }
        painted << round.paintedMs;
        shown << round.shownMs;
        inspected << inspectInProcess(path);
    }
    const double cli = processMedian(m_cli, {QStringLiteral("check"), path}, runs);
    QVERIFY(cli > 0);
    const double qemu =
        qcow2 ? processMedian(QStringLiteral("qemu-img"), {QStringLiteral("info"), path}, runs)
              : -1;
    QVERIFY(!qcow2 || qemu > 0);
    std::printf("%-22s %9.1f %9.1f %9.1f %9.1f %9.1f %7.2f %9s\n", QTest::currentDataTag(), first,
                median(painted), median(shown), median(inspected), cli, median(painted) / cli,
                qemu > 0 ? qPrintable(QString::number(qemu, 'f', 1)) : "-");
    if (qcow2)
        std::printf("%-22s cvm-import check / qemu-img info = %.2f\n", "", cli / qemu);
    std::fflush(stdout);
}

// A new wizard, shown and exposed as at start-up; then the drop, timed until the verdict's
// headline has been painted.
RoundTimes BenchDropVerdict::dropOnce(const QString& path)
{
    RoundTimes times;
    auto wizard = std::make_unique<ui::ImportWizard>();
    wizard->show();
    if (!QTest::qWaitForWindowExposed(wizard.get()))
        return times;
    ui::ImagePage* page = wizard->imagePage();
    auto* zone = page->findChild<ui::DropZone*>(QStringLiteral("dropZone"));
    const QPoint target = zone->mapTo(wizard.get(), zone->rect().center());

    QEventLoop loop;
    QElapsedTimer clock;
    PaintWatch watch(clock, &loop);
    QObject::connect(page, &ui::ImagePage::inspectionShown, &loop, [&] {
        times.shownMs = msSince(clock);
        if (auto* headline = page->findChild<QLabel*>(QStringLiteral("summaryHeadline")))
            headline->installEventFilter(&watch);
    });
    QTimer::singleShot(kVerdictTimeoutMs, &loop, &QEventLoop::quit);
    CALLGRIND_ZERO_STATS;
    clock.start();
    if (!test::dropAt(wizard.get(), target, path))
        return times;
    loop.exec();
    times.paintedMs = watch.paintedMs;
    return times;
}

double BenchDropVerdict::inspectInProcess(const QString& path)
{
    const policy::Policy rules = policy::Policy::builtin();
    QElapsedTimer timer;
    timer.start();
    const inspect::ImageFacts facts = inspect::inspectImage(path);
    const policy::Report report = rules.evaluate(facts);
    const double ms = msSince(timer);
    return report.rules.isEmpty() ? -1 : ms;
}

double BenchDropVerdict::processMedian(const QString& program, const QStringList& arguments,
                                       int runs)
{
    QList<double> times;
    for (int i = 0; i <= runs; ++i) {
        const double ms = timeProcess(program, arguments);
        if (ms < 0)
            return -1;
        if (i > 0) // the first run warms the page cache and the loader
            times << ms;
    }
    return median(times);
}

QTEST_MAIN(BenchDropVerdict)
#include "bench_dropverdict.moc"
