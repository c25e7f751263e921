#pragma once

#include <QByteArray>
#include <QString>

namespace cvmi::util {

// A file path as Linux knows it: bytes, not text. A file name need not be valid UTF-8
// (`img\xff.raw`), and Qt decodes such names lossily (U+FFFD), after which the file cannot be
// opened. The CLI takes path arguments as argv's bytes and carries them here down to open();
// QString paths (the GUI's file dialog, tests) convert implicitly with QFile::encodeName.
class NativePath {
public:
    NativePath() = default;
    // Implicit on purpose: every text path converts the way QFile would open it.
    NativePath(const QString& path); // NOLINT(google-explicit-constructor)
    static NativePath fromBytes(QByteArray bytes);

    const QByteArray& bytes() const { return m_bytes; }
    const char* c_str() const { return m_bytes.constData(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    bool isValidUtf8() const;

    // For messages and reports only, never to open: valid UTF-8 as is, every other byte as
    // "\xNN", so that the user sees which byte is odd.
    QString display() const;
    // The last component's bytes (the file name) and its display form.
    QByteArray fileNameBytes() const;
    QString fileNameDisplay() const;
    // The folder holding the file: "." for a bare name, "/" for a file at the root.
    NativePath directory() const;
    // Made absolute against the working folder and cleaned lexically ("." and ".." resolved,
    // no double slashes), as QFileInfo::absoluteFilePath() does; links are not resolved.
    NativePath absolute() const;

    friend bool operator==(const NativePath&, const NativePath&) = default;

private:
    QByteArray m_bytes;
};

// The same rendering as NativePath::display() for any byte string (a file name from an image).
QString displayBytes(const QByteArray& bytes);
// Valid UTF-8 text from any bytes, each byte that is not part of valid UTF-8 replaced by `_`:
// for names that must be text and plain in a URL (a COS object key derived from a file name).
QString textWithReplacements(const QByteArray& bytes);

} // namespace cvmi::util
