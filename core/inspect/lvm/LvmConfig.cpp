#include "inspect/lvm/LvmConfig.h"

#include <QCoreApplication>

namespace cvmi::inspect::lvm {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::inspect::lvm::LvmConfig)
};

bool nameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '+' || c == '-';
}

class Parser {
public:
    explicit Parser(QByteArrayView text) : m_text(text) {}

    bool parse(ConfigNode* root, QString* problem)
    {
        root->kind = ConfigNode::Kind::Section;
        const bool ok = entries(root, 0, true);
        if (!ok)
            *problem = Text::tr("line %1: %2").arg(m_line).arg(m_problem);
        return ok;
    }

private:
    bool failAt(const QString& why)
    {
        m_problem = why;
        return false;
    }

    // Skips blanks and comments; returns the next character or 0 at the end.
    char peek()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\n')
                ++m_line;
            if (c == '#') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n')
                    ++m_pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++m_pos;
            } else {
                return c;
            }
        }
        return 0;
    }

    bool countNode()
    {
        return ++m_nodes <= kMaxConfigNodes ||
               failAt(Text::tr("more than %1 values and sections").arg(kMaxConfigNodes));
    }

    bool name(QString* out)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && nameChar(m_text[m_pos]))
            ++m_pos;
        if (m_pos == start)
            return failAt(Text::tr("a name was expected"));
        if (m_pos - start > kMaxConfigName)
            return failAt(Text::tr("a name longer than %1 characters").arg(kMaxConfigName));
        *out = QString::fromLatin1(m_text.sliced(start, m_pos - start));
        return true;
    }

    bool entries(ConfigNode* section, int depth, bool topLevel)
    {
        if (depth > kMaxConfigDepth)
            return failAt(Text::tr("sections nested deeper than %1").arg(kMaxConfigDepth));
        for (;;) {
            const char c = peek();
            if (c == 0)
                return topLevel || failAt(Text::tr("a section is not closed"));
            if (c == '}') {
                ++m_pos;
                return !topLevel || failAt(Text::tr("a \"}\" closes no section"));
            }
            if (!countNode())
                return false;
            ConfigNode node;
            if (!name(&node.name))
                return false;
            const char next = peek();
            ++m_pos;
            if (next == '{') {
                if (!entries(&node, depth + 1, false))
                    return false;
            } else if (next != '=' || !value(&node, depth)) {
                return next == '=' ? false : failAt(Text::tr("\"=\" or \"{\" was expected"));
            }
            section->children.push_back(std::move(node));
        }
    }

    bool value(ConfigNode* node, int depth)
    {
        const char c = peek();
        if (c == '"')
            return string(node);
        if (c == '[')
            return array(node, depth);
        if (c == '-' || (c >= '0' && c <= '9'))
            return number(node);
        return failAt(Text::tr("a value was expected"));
    }

    bool string(ConfigNode* node)
    {
        node->kind = ConfigNode::Kind::String;
        QByteArray bytes;
        for (++m_pos; m_pos < m_text.size(); ++m_pos) {
            char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                node->text = QString::fromUtf8(bytes);
                return true;
            }
            if (c == '\\' && m_pos + 1 < m_text.size())
                c = m_text[++m_pos];
            if (c == '\n')
                ++m_line;
            if (bytes.size() >= kMaxConfigString)
                return failAt(Text::tr("a string longer than %1 bytes").arg(kMaxConfigString));
            bytes.append(c);
        }
        return failAt(Text::tr("a string is not closed"));
    }

    bool number(ConfigNode* node)
    {
        node->kind = ConfigNode::Kind::Number;
        const bool negative = m_text[m_pos] == '-';
        if (negative)
            ++m_pos;
        const qsizetype start = m_pos;
        uint64_t value = 0;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
            const uint64_t digit = uint64_t(m_text[m_pos++] - '0');
            if (value > (uint64_t(INT64_MAX) - digit) / 10)
                return failAt(Text::tr("a number too large"));
            value = value * 10 + digit;
        }
        if (m_pos == start || (m_pos < m_text.size() && nameChar(m_text[m_pos])))
            return failAt(Text::tr("a malformed number"));
        node->number = negative ? -int64_t(value) : int64_t(value);
        return true;
    }

    bool array(ConfigNode* node, int depth)
    {
        node->kind = ConfigNode::Kind::Array;
        ++m_pos;
        for (;;) {
            char c = peek();
            if (c == ']') {
                ++m_pos;
                return true;
            }
            if (!node->children.empty()) {
                if (c != ',')
                    return failAt(Text::tr("\",\" or \"]\" was expected in an array"));
                ++m_pos;
                c = peek();
            }
            if (c == '[')
                return failAt(Text::tr("an array inside an array"));
            if (int(node->children.size()) >= kMaxConfigArray)
                return failAt(Text::tr("an array of more than %1 items").arg(kMaxConfigArray));
            if (!countNode())
                return false;
            ConfigNode item;
            if (!value(&item, depth + 1))
                return false;
            node->children.push_back(std::move(item));
        }
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_nodes = 0;
    QString m_problem;
};

} // namespace

const ConfigNode* ConfigNode::child(QStringView key) const
{
    for (const ConfigNode& c : children)
        if (c.name == key)
            return &c;
    return nullptr;
}

const ConfigNode* ConfigNode::section(QStringView key) const
{
    const ConfigNode* c = child(key);
    return c && c->kind == Kind::Section ? c : nullptr;
}

bool ConfigNode::string(QStringView key, QString* out) const
{
    const ConfigNode* c = child(key);
    if (!c || c->kind != Kind::String)
        return false;
    *out = c->text;
    return true;
}

bool ConfigNode::unsignedNumber(QStringView key, uint64_t* out) const
{
    const ConfigNode* c = child(key);
    if (!c || c->kind != Kind::Number || c->number < 0)
        return false;
    *out = uint64_t(c->number);
    return true;
}

bool parseConfig(QByteArrayView text, ConfigNode* root, QString* problem)
{
    *root = ConfigNode{};
    return Parser(text).parse(root, problem);
}

} // namespace cvmi::inspect::lvm
