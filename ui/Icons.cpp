#include "Icons.h"

#include <QPainter>
#include <QSvgRenderer>

namespace cvmi::ui {

QPixmap svgPixmap(const QString& resource, int logicalSize, qreal devicePixelRatio)
{
    const int device = qRound(logicalSize * devicePixelRatio);
    QPixmap pixmap(device, device);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(resource);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

QString verdictIconResource(policy::Verdict verdict)
{
    switch (verdict) {
    case policy::Verdict::Pass:
        return QStringLiteral(":/icons/verdict-pass.svg");
    case policy::Verdict::Warn:
        return QStringLiteral(":/icons/verdict-warn.svg");
    case policy::Verdict::Fail:
        return QStringLiteral(":/icons/verdict-fail.svg");
    case policy::Verdict::Unknown:
        break;
    }
    return QStringLiteral(":/icons/verdict-unknown.svg");
}

QPixmap verdictPixmap(policy::Verdict verdict, int logicalSize, qreal devicePixelRatio)
{
    return svgPixmap(verdictIconResource(verdict), logicalSize, devicePixelRatio);
}

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(svgPixmap(QStringLiteral(":/icons/cvm-import-wizard.svg"), size, 1.0));
    return icon;
}

QColor mixColors(const QColor& base, const QColor& tint, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(float(base.redF() * keep + tint.redF() * amount),
                            float(base.greenF() * keep + tint.greenF() * amount),
                            float(base.blueF() * keep + tint.blueF() * amount));
}

} // namespace cvmi::ui
