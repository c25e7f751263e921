#include "cloud/CoscliConfig.h"

#include <QCoreApplication>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <string>

namespace cvmi::cloud {

namespace {

// The texts keep the context they had in Credentials.cpp, where this reader used to live.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::cloud::CredentialSources)
};

// YAML forbids tabs in indentation; yaml-cpp reports them as "illegal map value", which does not
// tell a user who edited the file by hand what to fix.
bool tabIndented(const QByteArray& data, QString* problem)
{
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QByteArray& line = lines.at(n);
        for (const char c : line) {
            if (c == '\t') {
                *problem = Text::tr("line %1: a tab in the indentation (YAML allows only spaces)")
                               .arg(n + 1);
                return true;
            }
            if (c != ' ')
                break;
        }
    }
    return false;
}

// yaml-cpp 0.7 ends a quoted scalar left open at the end of the input instead of failing, so a
// value cut short ("secretid: \"AKID" as the last line) would be read as a whole one. Whether
// the quote that starts at `pos` is closed is decided on the text itself.
bool quoteClosed(const std::string& text, std::size_t pos)
{
    if (pos >= text.size())
        return true;
    const char quote = text[pos];
    if (quote != '"' && quote != '\'')
        return true; // a plain or block scalar
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i;
            continue;
        }
        if (text[i] != quote)
            continue;
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            ++i; // '' is a quote inside a single-quoted scalar
            continue;
        }
        return true;
    }
    return false;
}

int lineOf(const YAML::Node& node)
{
    return node.Mark().line + 1;
}

} // namespace

namespace CoscliConfig {

bool readBase(const QByteArray& data, QHash<QString, QString>* base, QString* problem)
{
    if (data.size() > maxBytes) {
        *problem = Text::tr("the file is larger than %1 KiB, far more than coscli writes")
                       .arg(maxBytes / 1024);
        return false;
    }
    if (tabIndented(data, problem))
        return false;
    const std::string text = data.toStdString();
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::DeepRecursion& e) {
        *problem = Text::tr("line %1: nested %2 levels deep, which is not coscli's "
                            "configuration")
                       .arg(e.mark.line + 1)
                       .arg(e.depth());
        return false;
    } catch (const YAML::Exception& e) {
        // yaml-cpp's own words (English) name the construct; the line and column are ours.
        *problem = Text::tr("line %1, column %2: not valid YAML (%3)")
                       .arg(e.mark.line + 1)
                       .arg(e.mark.column + 1)
                       .arg(QString::fromStdString(e.msg));
        return false;
    }
    if (root.IsNull())
        return true; // an empty file: no keys, which the caller reports
    if (!root.IsMap()) {
        *problem =
            Text::tr("line %1: expected \"name: value\" lines, as coscli writes").arg(lineOf(root));
        return false;
    }
    const YAML::Node cos = root["cos"];
    if (!cos || cos.IsNull())
        return true;
    if (!cos.IsMap()) {
        *problem =
            Text::tr("line %1: \"cos\" does not hold \"name: value\" lines").arg(lineOf(cos));
        return false;
    }
    const YAML::Node baseNode = cos["base"];
    if (!baseNode || baseNode.IsNull())
        return true;
    if (!baseNode.IsMap()) {
        *problem = Text::tr("line %1: \"cos.base\" does not hold \"name: value\" lines")
                       .arg(lineOf(baseNode));
        return false;
    }
    for (const auto& entry : baseNode) {
        // Lists and mappings under cos.base hold nothing coscli keeps credentials in.
        if (!entry.first.IsScalar() || !entry.second.IsScalar())
            continue;
        const std::size_t pos = std::size_t(qMax(0, entry.second.Mark().pos));
        if (!quoteClosed(text, pos)) {
            *problem = Text::tr("line %1: unterminated quoted value").arg(lineOf(entry.second));
            return false;
        }
        base->insert(QString::fromStdString(entry.first.Scalar()).toLower(),
                     QString::fromStdString(entry.second.Scalar()));
    }
    return true;
}

} // namespace CoscliConfig

} // namespace cvmi::cloud
