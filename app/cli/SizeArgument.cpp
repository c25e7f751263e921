#include "SizeArgument.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace cvmi::cli {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cli::SizeArgument)
};
} // namespace

std::optional<qint64> parseByteSize(const QString& text, const QString& option, Error* error,
                                    bool allowPerSecond)
{
    static const QRegularExpression shape(
        QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)\\s*(?:([kmgt])(?:i?b)?|b)?$"),
        QRegularExpression::CaseInsensitiveOption);
    QString value = text.trimmed();
    if (allowPerSecond && value.endsWith(QLatin1String("/s"), Qt::CaseInsensitive))
        value.chop(2);
    const QRegularExpressionMatch m = shape.match(value);
    const auto bad = [&] {
        fail(error, QStringLiteral("cli.size"),
             Text::tr("--%1 \"%2\" is not a size: write a number of bytes with an optional unit "
                      "K, M, G or T (powers of 1024; KiB, MB and so on are read the same), e.g. "
                      "8M or 64MiB.")
                 .arg(option, text));
        return std::nullopt;
    };
    if (!m.hasMatch())
        return bad();
    int shift = 0;
    const QString unit = m.captured(2).toLower();
    switch (unit.isEmpty() ? u'\0' : unit.at(0).unicode()) {
    case 'k':
        shift = 10;
        break;
    case 'm':
        shift = 20;
        break;
    case 'g':
        shift = 30;
        break;
    case 't':
        shift = 40;
        break;
    default:
        break;
    }
    bool ok = false;
    const double number = m.captured(1).toDouble(&ok);
    const double bytes = std::round(number * std::ldexp(1.0, shift));
    // 2^62 bytes is far beyond any disk; the bound keeps the conversion defined.
    if (!ok || !std::isfinite(bytes) || bytes > std::ldexp(1.0, 62))
        return bad();
    return qint64(bytes);
}

} // namespace cvmi::cli
