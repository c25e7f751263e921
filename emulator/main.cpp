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
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("TCP port on 127.0.0.1 (0: any free)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption stateOption(QStringLiteral("state-dir"),
                                         QStringLiteral("Directory of the persistent state."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption accountOption(
        QStringLiteral("account"),
        QStringLiteral("SECRETID:SECRETKEY:APPID[:noimport] (repeatable)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption regionOption(
        QStringLiteral("region"), QStringLiteral("A region open to the accounts (repeatable)."),
        QStringLiteral("REGION"));
    const QCommandLineOption faultsOption(QStringLiteral("faults"),
                                          QStringLiteral("JSON file of fault rules."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption delayOption(QStringLiteral("import-delay-ms"),
                                         QStringLiteral("Time an import takes (default 3000)."),
                                         QStringLiteral("N"), QStringLiteral("3000"));
    const QCommandLineOption clockOption(
        QStringLiteral("clock-offset"),
        QStringLiteral("The services' clock runs SECONDS ahead of this computer's (negative: "
                       "behind), as for a client whose clock is off (default 0)."),
        QStringLiteral("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption omitIdOption(
        QStringLiteral("omit-import-image-id"),
        QStringLiteral("ImportImage answers with only a RequestId, as older API descriptions "
                       "list it; the image is created all the same."));
    parser.addOptions({portOption, stateOption, accountOption, regionOption, faultsOption,
                       delayOption, clockOption, omitIdOption});
    parser.process(app);

    if (!parser.isSet(stateOption)) {
        std::fprintf(stderr, "cvm-cloud-emulator: --state-dir is required\n");
        return 2;
    }
    cvmi::emu::CloudEmulator emulator(parser.value(stateOption));
    QStringList regions = parser.values(regionOption);
    if (regions.isEmpty())
        regions = {QStringLiteral("ap-guangzhou")};
    emulator.setDefaultRegion(regions.first());
    emulator.setImportDelayMs(parser.value(delayOption).toInt());
    bool offsetOk = false;
    const qint64 clockOffset = parser.value(clockOption).toLongLong(&offsetOk);
    if (!offsetOk) {
        std::fprintf(stderr, "cvm-cloud-emulator: --clock-offset wants a whole number of seconds, "
                             "e.g. 900 or -900\n");
        return 2;
    }
    emulator.setClockOffsetSeconds(clockOffset);
    emulator.setOmitImportImageId(parser.isSet(omitIdOption));

    QStringList specs = parser.values(accountOption);
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
            return 2;
        }
        cvmi::emu::EmulatorAccount account;
        account.secretId = parts.at(0);
        account.secretKey = parts.at(1);
        account.appId = parts.at(2);
        account.mayImport = parts.size() == 3;
        account.regions = regions;
        emulator.addAccount(account);
    }

    QString error;
    if (parser.isSet(faultsOption) && !emulator.loadFaults(parser.value(faultsOption), &error)) {
        std::fprintf(stderr, "cvm-cloud-emulator: %s\n", qPrintable(error));
        return 2;
    }
    if (!emulator.start(static_cast<quint16>(parser.value(portOption).toUInt()), &error)) {
        std::fprintf(stderr, "cvm-cloud-emulator: cannot start: %s\n", qPrintable(error));
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        std::perror("socketpair");
        return 1;
    }
    QSocketNotifier notifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    std::printf("listening on %s\n", qPrintable(emulator.endpoint()));
    std::fflush(stdout);
    return app.exec();
}
