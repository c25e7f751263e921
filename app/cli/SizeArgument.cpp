#include "SizeArgument.h"

#include "util/Units.h"

#include <QCoreApplication>

namespace cvmi::cli {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::SizeArgument)
};
} // namespace

std::optional<qint64> parseByteSize(const QString& text, const QString& option, Error* error,
                                    bool allowPerSecond)
{
    const std::optional<qint64> bytes = cvmi::parseByteSize(text, allowPerSecond);
    if (!bytes)
        fail(error, QStringLiteral("cli.size"),
             Text::tr("--%1 \"%2\" is not a size: write a number of bytes with an optional unit "
                      "K, M, G or T (powers of 1024; KiB, MB and so on are read the same), e.g. "
                      "8M or 64MiB.")
                 .arg(option, text));
    return bytes;
}

} // namespace cvmi::cli
