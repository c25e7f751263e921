'use strict';
// A recording proxy between our own clients and the emulator. For every request it recomputes
// the signature with the vendor SDK's own signing function, from what the request itself carries
// (its timestamp or key time, the headers and parameters it lists as signed, its body), and
// compares it with the one our client sent; then it forwards the request unchanged.
//
//   CVM (API 3.0): Sign.sign3 of tencentcloud-sdk-nodejs-common, the function the CVM SDK calls
//                  for every TC3-HMAC-SHA256 request.
//   COS:           COS.getAuthorization of cos-nodejs-sdk-v5 (util.getAuth), for the
//                  Authorization header and for pre-signed query strings.
const http = require('http');
const { COS, Tc3Sign } = require('./vendor');

// The SDK's encoding of signed names (util.camSafeUrlEncode, then lower-cased).
function cosEncodeName(name) {
  return encodeURIComponent(name)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A')
    .toLowerCase();
}

// COS reads a raw '+' in a path or query as a space (see the spec, §2), so does this proxy.
function decode(component) {
  return decodeURIComponent(component.replace(/\+/g, ' '));
}

function parseQuery(search) {
  const items = [];
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    items.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  return items;
}

function cosOperation(method, host, path, query) {
  const has = (name) => query.some(([n]) => n === name);
  if (!/^[a-z0-9-]+-\d+\.cos\./.test(host)) return method === 'GET' ? 'GetService' : `${method}Service`;
  if (path.length <= 1) {
    if (method === 'GET') return has('uploads') ? 'ListMultipartUploads' : 'GetBucket';
    return `${method[0]}${method.slice(1).toLowerCase()}Bucket`;
  }
  if (method === 'HEAD') return 'HeadObject';
  if (method === 'PUT') return has('uploadId') ? 'UploadPart' : 'PutObject';
  if (method === 'POST') return has('uploads') ? 'InitiateMultipartUpload' : 'CompleteMultipartUpload';
  if (method === 'GET') return has('uploadId') ? 'ListParts' : 'GetObject';
  if (method === 'DELETE') return has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
  return `${method}Object`;
}

class SigningProxy {
  constructor({ upstreamPort, accounts }) {
    this.upstreamPort = upstreamPort;
    this.accounts = new Map(accounts.map((a) => [a.secretId, a]));
    this.kinds = {}; // "CVM DescribeRegions" -> count of requests checked
    this.total = 0;
    this.checked = 0;
    this.unsigned = []; // requests that carried no signature to check
    this.anonymousReads = 0; // unsigned GET/HEAD of an object: a public-access probe
    this.mismatches = [];
    this.notes = new Set(); // observations that are not signature mismatches
  }

  reset() {
    Object.assign(this, { kinds: {}, total: 0, checked: 0, unsigned: [], anonymousReads: 0, mismatches: [] });
    this.notes = new Set();
  }

  listen() {
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve(this.server.address().port)));
  }

  close() {
    return new Promise((resolve) => this.server.close(resolve));
  }

  onRequest(req, res) {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      this.total++;
      try {
        this.check(req, body);
      } catch (e) {
        this.mismatches.push(`${req.method} ${req.url}: the check itself failed: ${e.message}`);
      }
      this.forward(req, body, res);
    });
  }

  forward(req, body, res) {
    const upstream = http.request(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.rawHeaders },
      (answer) => {
        res.writeHead(answer.statusCode, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  }

  record(kind, expected, sent, what) {
    this.kinds[kind] = (this.kinds[kind] || 0) + 1;
    this.checked++;
    if (expected !== sent) this.mismatches.push(`${kind}: ${what}: the SDK signs differently`);
  }

  check(req, body) {
    const host = (req.headers.host || '').replace(/:\d+$/, '');
    const isCvm = 'x-tc-action' in req.headers || host.endsWith('.tencentcloudapi.com');
    if (isCvm) this.checkTc3(req, body, host);
    else this.checkCos(req, host);
  }

  checkTc3(req, body, host) {
    const kind = `CVM ${req.headers['x-tc-action'] || '?'}`;
    const sent = req.headers.authorization || '';
    const credential = /Credential=([^/]+)\/([^/]+)\/([^/]+)\/tc3_request/.exec(sent);
    const account = credential && this.accounts.get(credential[1]);
    if (!account) {
      this.unsigned.push(`${kind}: no TC3 signature of a known SecretId`);
      return;
    }
    // The SDK signs its endpoint's host name (no port) and takes the service from its first label.
    const url = `http://${host}${req.url}`;
    const expected = Tc3Sign.sign3({
      method: req.method,
      url,
      payload: req.method === 'POST' ? body : '',
      timestamp: Number(req.headers['x-tc-timestamp']),
      service: host.split('.')[0],
      secretId: account.secretId,
      secretKey: account.secretKey,
      headers: { 'Content-Type': req.headers['content-type'] },
    });
    this.record(kind, expected, sent, 'Authorization');
  }

  checkCos(req, host) {
    const u = new URL(req.url, `http://${host}`);
    const query = parseQuery(u.search);
    const op = cosOperation(req.method, host, u.pathname, query);
    const kind = `COS ${op}`;
    let fields;
    let presigned = false;
    if ((req.headers.authorization || '').startsWith('q-sign-algorithm=')) {
      fields = new Map(req.headers.authorization.split('&').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
    } else if (query.some(([n]) => n === 'q-sign-algorithm')) {
      fields = new Map(query.filter(([n]) => n.startsWith('q-')));
      presigned = true;
    } else if ((req.method === 'HEAD' || req.method === 'GET') && u.pathname.length > 1) {
      // Asking whether an object is public-read is done without credentials on purpose.
      this.anonymousReads++;
      return;
    } else {
      this.unsigned.push(`${kind} ${req.method} ${u.pathname}`);
      return;
    }
    const account = this.accounts.get(fields.get('q-ak'));
    if (!account) {
      this.unsigned.push(`${kind}: unknown q-ak`);
      return;
    }
    const headerList = (fields.get('q-header-list') || '').split(';').filter(Boolean);
    const paramList = (fields.get('q-url-param-list') || '').split(';').filter(Boolean);
    const headers = {};
    for (const name of headerList) {
      if (name in req.headers) headers[name] = req.headers[name];
    }
    const params = {};
    for (const [name, value] of query) {
      if (paramList.includes(cosEncodeName(name))) params[name] = value;
    }
    const expected = COS.getAuthorization({
      SecretId: account.secretId,
      SecretKey: account.secretKey,
      Method: req.method,
      Pathname: decode(u.pathname),
      Query: params,
      Headers: headers,
      KeyTime: fields.get('q-key-time'),
    });
    if (presigned) {
      // The same seven q-* fields, carried in the query string.
      const want = expected.split('&').map((p) => p.slice(0, p.indexOf('=')));
      const sent = want.map((k) => `${k}=${fields.get(k)}`).join('&');
      this.record(`${kind} (pre-signed)`, expected, sent, 'q-* query fields');
    } else {
      this.record(kind, expected, req.headers.authorization, 'Authorization');
    }
    // The SDK signs each of these whenever it sends it with a value (util.getSignHeaderObj; an
    // empty one, like the blank Cache-Control its putObject sends, is dropped before signing in
    // getAuthorizationAsync); buckets in strict signature mode refuse Content-Type and
    // Content-Length unsigned (the spec, §2).
    for (const name of Object.keys(req.headers)) {
      if (req.headers[name] === '') continue;
      const signedBySdk = /^(x-cos-|x-ci-)/.test(name) ||
        ['cache-control', 'content-disposition', 'content-encoding', 'content-length', 'content-md5', 'content-type',
          'expires'].includes(name);
      if (signedBySdk && !headerList.includes(name)) {
        this.mismatches.push(`${kind}: sends ${name} unsigned, which the SDK always signs`);
      }
    }
    if (/\+/.test(u.pathname)) this.notes.add(`${kind}: a raw '+' in the path (COS reads a space)`);
  }

  summary() {
    const kinds = Object.entries(this.kinds)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const anonymous = this.anonymousReads ? `; ${this.anonymousReads} unsigned object read(s) (public-access probes, nothing to sign)` : '';
    return `${this.checked} of ${this.total} requests checked by the SDKs' signers (${kinds})${anonymous}`;
  }
}

module.exports = { SigningProxy };
