// cvm-cloud-emulator: the CVM + COS emulator as a process, for the benchmarks, the crash-resume
// tests (which kill and restart it) and anyone trying the tools without an account.
//
//   cvm-cloud-emulator --port 0 --state-dir DIR --account ID:KEY:APPID[:noimport]
//                      --region ap-guangzhou --faults FILE --import-delay-ms 3000
//                      --clock-offset SECONDS --omit-import-image-id
//
// Prints "listening on http://127.0.0.1:PORT" once ready and runs until SIGTERM or SIGINT.
#include "CloudEmulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

// The command line; its texts are the --help output.
struct Options {
    QCommandLineOption port{QStringLiteral("port"),
                            QStringLiteral("TCP port on 127.0.0.1 (0: any free)."),
                            QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption state{QStringLiteral("state-dir"),
                             QStringLiteral("Directory of the persistent state."),
                             QStringLiteral("DIR")};
    QCommandLineOption account{QStringLiteral("account"),
                               QStringLiteral("SECRETID:SECRETKEY:APPID[:noimport] (repeatable)."),
                               QStringLiteral("SPEC")};
    QCommandLineOption region{QStringLiteral("region"),
                              QStringLiteral("A region open to the accounts (repeatable)."),
                              QStringLiteral("REGION")};
    QCommandLineOption faults{QStringLiteral("faults"), QStringLiteral("JSON file of fault rules."),
                              QStringLiteral("FILE")};
    QCommandLineOption delay{QStringLiteral("import-delay-ms"),
                             QStringLiteral("Time an import takes (default 3000)."),
                             QStringLiteral("N"), QStringLiteral("3000")};
    QCommandLineOption clock{
        QStringLiteral("clock-offset"),
        QStringLiteral("The services' clock runs SECONDS ahead of this computer's (negative: "
                       "behind), as for a client whose clock is off (default 0)."),
        QStringLiteral("SECONDS"), QStringLiteral("0")};
    QCommandLineOption omitId{
        QStringLiteral("omit-import-image-id"),
        QStringLiteral("ImportImage answers with only a RequestId, as older API descriptions "
                       "list it; the image is created all the same.")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOptions({port, state, account, region, faults, delay, clock, omitId});
    }
};

// Regions, import delay, clock offset and the ImportImage answer; false (after saying why) for a
// value the emulator cannot use.
bool configureServices(cvmi::emu::CloudEmulator& emulator, const QCommandLineParser& parser,
                       const Options& o, QStringList* regions)
{
    *regions = parser.values(o.region);
    if (regions->isEmpty())
        *regions = {QStringLiteral("ap-guangzhou")};
    emulator.setDefaultRegion(regions->first());
    emulator.setImportDelayMs(parser.value(o.delay).toInt());
    bool offsetOk = false;
    const qint64 clockOffset = parser.value(o.clock).toLongLong(&offsetOk);
    if (!offsetOk) {
        std::fprintf(stderr, "cvm-cloud-emulator: --clock-offset wants a whole number of seconds, "
                             "e.g. 900 or -900\n");
        return false;
    }
    emulator.setClockOffsetSeconds(clockOffset);
    emulator.setOmitImportImageId(parser.isSet(o.omitId));
    return true;
}

// Each --account, or the published demo account when none is given; each may use every region.
bool addAccounts(cvmi::emu::CloudEmulator& emulator, QStringList specs, const QStringList& regions)
{
    if (specs.isEmpty()) {
        specs = {QStringLiteral("AKIDEMULATORDEMO:emulator-demo-secret:1250000000")};
        std::printf("demo account (emulator only): %s\n", qPrintable(specs.first()));
    }
    for (const QString& spec : specs) {
        const QStringList parts = spec.split(u':');
        if (parts.size() < 3 || parts.size() > 4 ||
            (parts.size() == 4 && parts.at(3) != QLatin1String("noimport"))) {
            std::fprintf(
                stderr,
                "cvm-cloud-emulator: --account wants SECRETID:SECRETKEY:APPID[:noimport]\n");
            return false;
        }
        cvmi::emu::EmulatorAccount account;
        account.secretId = parts.at(0);
        account.secretKey = parts.at(1);
        account.appId = parts.at(2);
        account.mayImport = parts.size() == 3;
        account.regions = regions;
        emulator.addAccount(account);
    }
    return true;
}

// SIGTERM and SIGINT end the event loop (and so the process) cleanly, through a socket pair the
// handler writes to, since a signal handler may not touch Qt.
bool quitOnSignals(QCoreApplication& app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        std::perror("socketpair");
        return false;
    }
    auto* notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cvm-cloud-emulator"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Local emulator of Tencent Cloud CVM (API 3.0) and COS, for tests and "
                       "demos. Not the real service."));
    parser.addHelpOption();
    const Options options;
    options.addTo(parser);
    parser.process(app);

    if (!parser.isSet(options.state)) {
        std::fprintf(stderr, "cvm-cloud-emulator: --state-dir is required\n");
        return 2;
    }
    cvmi::emu::CloudEmulator emulator(parser.value(options.state));
    QStringList regions;
    if (!configureServices(emulator, parser, options, &regions) ||
        !addAccounts(emulator, parser.values(options.account), regions))
        return 2;

    QString error;
    if (parser.isSet(options.faults) &&
        !emulator.loadFaults(parser.value(options.faults), &error)) {
        std::fprintf(stderr, "cvm-cloud-emulator: %s\n", qPrintable(error));
        return 2;
    }
    if (!emulator.start(static_cast<quint16>(parser.value(options.port).toUInt()), &error)) {
        std::fprintf(stderr, "cvm-cloud-emulator: cannot start: %s\n", qPrintable(error));
        return 1;
    }
    if (!quitOnSignals(app))
        return 1;

    std::printf("listening on %s\n", qPrintable(emulator.endpoint()));
    std::fflush(stdout);
    return app.exec();
}
