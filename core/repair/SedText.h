#pragma once

#include <QString>

namespace cvmi::repair {

// A guest value as a literal inside a `sed -E` regular expression delimited by `delimiter`:
// every ERE metacharacter (. [ ] \ * ^ $ + ? ( ) { } |) and the delimiter get a backslash, so
// "root=/dev/sda1" or a hostile "a.*$(x)" matches only itself. A newline or carriage return (which
// would end the sed command) becomes '.': a guest line never contains one. Quote the whole script
// with shQuote().
QString sedRegex(const QString& text, QChar delimiter = u'/');
// A guest value as the literal replacement of `s///`: backslash, '&', the delimiter and a
// newline are escaped.
QString sedReplacement(const QString& text, QChar delimiter = u'/');

} // namespace cvmi::repair
