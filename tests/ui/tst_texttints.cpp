// The text tints (ui/TextTints) are readable: every tint has WCAG AA's 4.5:1 contrast against the
// window background in Fusion's light palette and in dark palettes, the grey of notes included
// (the theme's placeholder grey alone is about 3.8:1, issue 13), while it stays quieter than the
// body text. The contrast ratio is computed here as WCAG 2.x defines it, and checked on known
// pairs first.
#include "TextTints.h"

#include <QApplication>
#include <QLabel>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <cmath>
#include <memory>

using cvmi::ui::TextTint;

namespace {

// WCAG 2.x, written out once more independently of TextTints.cpp, so that a mistake there does
// not grade itself.
double channel(int v)
{
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double ratio(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// A translucent colour as it is drawn on `background`.
QColor drawn(const QColor& color, const QColor& background)
{
    const double a = color.alphaF();
    return QColor(qRound(color.red() * a + background.red() * (1 - a)),
                  qRound(color.green() * a + background.green() * (1 - a)),
                  qRound(color.blue() * a + background.blue() * (1 - a)));
}

QPalette fusionLight()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

// A dark theme as desktops set it: light text on a dark window, the placeholder half-transparent
// text (Qt's own default for a palette built from colours) or a fixed mid grey.
QPalette dark(const QColor& placeholder)
{
    QPalette p(QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::PlaceholderText, placeholder);
    return p;
}

} // namespace

class TestTextTints : public QObject {
    Q_OBJECT

private slots:
    void contrastRatioAsWcagDefines()
    {
        QCOMPARE(qRound(ratio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(ratio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
        // #767676 is the lightest grey that passes AA on white (4.54:1), #777777 fails (4.48:1).
        QVERIFY(ratio(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
        QVERIFY(ratio(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
        // The library's own computation agrees.
        for (const QColor& c :
             {QColor(0x76, 0x76, 0x76), QColor(0xc0, 0x1c, 0x28), QColor(0xef, 0xef, 0xef)})
            QVERIFY(std::abs(cvmi::ui::contrastRatio(c, Qt::white) - ratio(c, Qt::white)) < 1e-9);
    }

    void tintsAreReadable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("Fusion light") << fusionLight();
        QTest::newRow("dark, translucent placeholder") << dark(QColor(0xee, 0xee, 0xee, 128));
        QTest::newRow("dark, grey placeholder") << dark(QColor(0x6e, 0x6e, 0x6e));
        QTest::newRow("from a dark button colour") << QPalette(QColor(0x40, 0x40, 0x40));
        QTest::newRow("application") << QApplication::palette();
    }

    void tintsAreReadable()
    {
        QFETCH(QPalette, palette);
        const QColor window = palette.color(QPalette::Window);
        const QColor text = palette.color(QPalette::WindowText);
        qInfo("window %s, text %s, the theme's placeholder %.2f:1", qPrintable(window.name()),
              qPrintable(text.name()),
              ratio(drawn(palette.color(QPalette::PlaceholderText), window), window));
        for (const TextTint tint : {TextTint::Normal, TextTint::Secondary, TextTint::Error,
                                    TextTint::Warning, TextTint::Good}) {
            const QColor color = cvmi::ui::textTintColor(palette, tint);
            QCOMPARE(color.alpha(), 255);
            const double r = ratio(color, window);
            QVERIFY2(r >= 4.5, qPrintable(QStringLiteral("tint %1: %2 on %3 is %4:1")
                                              .arg(int(tint))
                                              .arg(color.name(), window.name())
                                              .arg(r, 0, 'f', 2)));
        }
        // Still a quieter voice than the body text, not the text colour itself.
        const QColor secondary = cvmi::ui::textTintColor(palette, TextTint::Secondary);
        QVERIFY(ratio(secondary, window) < ratio(text, window));
    }

    // The theme's placeholder grey on Fusion's light window is what the issue measured; the tint
    // made from it must be darker than it.
    void placeholderGreyIsRaised()
    {
        const QPalette palette = fusionLight();
        const QColor window = palette.color(QPalette::Window);
        const QColor raw = drawn(palette.color(QPalette::PlaceholderText), window);
        const QColor secondary = cvmi::ui::textTintColor(palette, TextTint::Secondary);
        if (ratio(raw, window) < 4.5)
            QVERIFY(luminance(secondary) < luminance(raw));
        QVERIFY(ratio(secondary, window) >= 4.5);
    }

    // A label tinted on a page takes a readable colour from its parent's palette.
    void labelOnAWindow()
    {
        QWidget window;
        window.setPalette(fusionLight());
        auto* label = new QLabel(QStringLiteral("Looked in: …"), &window);
        cvmi::ui::setTextTint(label, TextTint::Secondary);
        QVERIFY(ratio(label->palette().color(QPalette::WindowText),
                      window.palette().color(QPalette::Window)) >= 4.5);
        // A second tint starts again from the parent's colours, not from the first tint.
        cvmi::ui::setTextTint(label, TextTint::Error);
        cvmi::ui::setTextTint(label, TextTint::Secondary);
        QCOMPARE(label->palette().color(QPalette::WindowText),
                 cvmi::ui::textTintColor(window.palette(), TextTint::Secondary));
    }
};

QTEST_MAIN(TestTextTints)
#include "tst_texttints.moc"
