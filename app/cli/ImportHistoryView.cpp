#include "ImportHistoryView.h"

#include "importrun/ImportHistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cvmi::cli {

namespace {

// The texts belong to the command that prints them.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::ImportCommand)
};

using importrun::ImportHistory;
using importrun::ImportRecord;

void printJson(QTextStream& out, const ImportHistory& history, const QList<ImportRecord>& records)
{
    QJsonArray list;
    for (const ImportRecord& r : records)
        list.append(QJsonObject{
            {QStringLiteral("image_id"), r.imageId},
            {QStringLiteral("request_id"), r.requestId},
            {QStringLiteral("region"), r.region},
            {QStringLiteral("image_name"), r.imageName},
            {QStringLiteral("image_url"), r.imageUrl},
            {QStringLiteral("source_image_path"), r.sourceImagePath},
            {QStringLiteral("state"), r.state},
            {QStringLiteral("message"), r.message},
            {QStringLiteral("started"), r.started.toString(Qt::ISODate)},
            {QStringLiteral("updated"), r.updated.toString(Qt::ISODate)},
            {QStringLiteral("finished"),
             r.finished.isValid() ? QJsonValue(r.finished.toString(Qt::ISODate)) : QJsonValue()}});
    out << QJsonDocument(QJsonObject{{QStringLiteral("schema"), 1},
                                     {QStringLiteral("file"), history.filePath()},
                                     {QStringLiteral("imports"), list}})
               .toJson(QJsonDocument::Indented);
}

void printTable(QTextStream& out, const QList<ImportRecord>& records)
{
    out << QStringLiteral("%1  %2  %3  %4  %5\n")
               .arg(Text::tr("IMAGE ID"), -12)
               .arg(Text::tr("REGION"), -16)
               .arg(Text::tr("STATE"), -12)
               .arg(Text::tr("STARTED (UTC)"), -20)
               .arg(Text::tr("NAME"));
    // An import whose ImageId the service did not give and the search did not find: "-"
    // and its message (with the RequestId) under it.
    for (const ImportRecord& r : records) {
        out << QStringLiteral("%1  %2  %3  %4  %5\n")
                   .arg(r.imageId.isEmpty() ? QStringLiteral("-") : r.imageId, -12)
                   .arg(r.region, -16)
                   .arg(r.state.isEmpty() ? QStringLiteral("-") : r.state, -12)
                   .arg(r.started.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -20)
                   .arg(r.imageName);
        if (r.imageId.isEmpty() && !r.message.isEmpty())
            out << "  " << r.message << '\n';
    }
    out << Text::tr("Follow one with `cvm-import imports --follow IMAGE_ID`.") << '\n';
}

} // namespace

int printImportHistory(const CliContext& context, bool asJson)
{
    const ImportHistory history;
    Error error;
    const auto records = history.load(&error);
    if (!records) {
        context.err << error.message << '\n';
        return ExitError;
    }
    if (asJson)
        printJson(context.out, history, *records);
    else if (records->isEmpty())
        context.out << Text::tr("No imports recorded yet (%1).")
                           .arg(QDir::toNativeSeparators(history.filePath()))
                    << '\n';
    else
        printTable(context.out, *records);
    return ExitOk;
}

} // namespace cvmi::cli
