#include "SinkHttp.h"

#include <cctype>
#include <charconv>
#include <cstring>
#include <strings.h>

namespace cvmi::bench::sink {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool percentDecode(std::string_view text, bool plusIsSpace, std::string* out)
{
    out->clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            if (i + 2 >= text.size())
                return false;
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            out->push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (plusIsSpace && text[i] == '+') {
            out->push_back(' ');
        } else {
            out->push_back(text[i]);
        }
    }
    return true;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, const char* b)
{
    return a.size() == std::strlen(b) && strncasecmp(a.data(), b, a.size()) == 0;
}

bool parseQuery(std::string_view text, Request* r)
{
    while (!text.empty()) {
        const std::size_t amp = text.find('&');
        const std::string_view pair = text.substr(0, amp);
        const std::size_t eq = pair.find('=');
        std::string name;
        std::string value;
        if (!percentDecode(pair.substr(0, eq), true, &name))
            return false;
        if (eq != std::string_view::npos && !percentDecode(pair.substr(eq + 1), true, &value))
            return false;
        if (!name.empty())
            r->query[name] = value;
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    }
    return true;
}

// Virtual-host style when the host names a COS bucket endpoint (<bucket>.cos.<region>...).
void addressBucket(std::string_view host, std::string path, Request* r)
{
    host = host.substr(0, host.rfind(':') == std::string_view::npos || host.back() == ']'
                              ? host.size()
                              : host.rfind(':'));
    const std::size_t cos = host.find(".cos.");
    if (cos != std::string_view::npos && cos > 0) {
        r->bucket = std::string(host.substr(0, cos));
        r->key = path.substr(1);
        return;
    }
    const std::size_t slash = path.find('/', 1);
    r->bucket = path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
    r->key = slash == std::string::npos ? std::string() : path.substr(slash + 1);
}

const char* reason(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

std::optional<Request> parseRequest(const std::string& head, std::string* problem)
{
    Request r;
    std::string_view text(head);
    std::size_t eol = text.find("\r\n");
    const std::string_view line = text.substr(0, eol);
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = line.rfind(' ');
    if (sp1 == std::string_view::npos || sp2 <= sp1) {
        *problem = "malformed request line";
        return std::nullopt;
    }
    r.method = std::string(line.substr(0, sp1));
    const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = line.substr(sp2 + 1);
    r.keepAlive = version == "HTTP/1.1";
    std::string_view host;
    bool chunked = false;
    for (text.remove_prefix(eol + 2); !text.empty() && text.substr(0, 2) != "\r\n";) {
        eol = text.find("\r\n");
        const std::string_view field = text.substr(0, eol);
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 2);
        const std::size_t colon = field.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view name = field.substr(0, colon);
        const std::string_view value = trim(field.substr(colon + 1));
        if (iequals(name, "Host")) {
            host = value;
        } else if (iequals(name, "Content-Length")) {
            const auto [end, ec] =
                std::from_chars(value.data(), value.data() + value.size(), r.contentLength);
            if (ec != std::errc() || end != value.data() + value.size()) {
                *problem = "bad Content-Length";
                return std::nullopt;
            }
        } else if (iequals(name, "Transfer-Encoding")) {
            chunked = !iequals(value, "identity");
        } else if (iequals(name, "Expect")) {
            r.expectContinue = iequals(value, "100-continue");
        } else if (iequals(name, "Connection")) {
            if (iequals(value, "close"))
                r.keepAlive = false;
            else if (iequals(value, "keep-alive"))
                r.keepAlive = true;
        }
    }
    if (chunked) {
        *problem = "chunked bodies are not supported (send Content-Length)";
        return std::nullopt;
    }
    const std::size_t question = target.find('?');
    std::string path;
    if (target.empty() || target[0] != '/' ||
        !percentDecode(target.substr(0, question), false, &path) ||
        (question != std::string_view::npos && !parseQuery(target.substr(question + 1), &r))) {
        *problem = "malformed request target";
        return std::nullopt;
    }
    addressBucket(host, path, &r);
    return r;
}

Response Response::error(int status, const std::string& code, const std::string& message)
{
    Response r = xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code +
                     "</Code><Message>" + xmlEscape(message) +
                     "</Message><RequestId>sink</RequestId></Error>");
    r.status = status;
    return r;
}

Response Response::xml(std::string body)
{
    Response r;
    r.headers.emplace_back("Content-Type", "application/xml");
    r.body = std::move(body);
    return r;
}

std::string serialize(const Response& response, bool keepAlive)
{
    std::string out =
        "HTTP/1.1 " + std::to_string(response.status) + ' ' + reason(response.status) + "\r\n";
    bool hasLength = false;
    for (const auto& [name, value] : response.headers) {
        out += name + ": " + value + "\r\n";
        hasLength = hasLength || name == "Content-Length";
    }
    if (!hasLength && response.status != 204)
        out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    out += "x-cos-request-id: sink\r\nServer: cvmi-multipart-sink\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!response.headOnly)
        out += response.body;
    return out;
}

std::string xmlEscape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace cvmi::bench::sink
