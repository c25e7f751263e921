'use strict';
// Loads Tencent Cloud's own SDKs from this folder's node_modules, installed by
// scripts/install-npm-peers.sh (`npm ci` from the committed package-lock.json). A missing or
// different install is a failure with the way out, never a skip: these tests are the second
// oracle beside our emulator, and a run without them would prove nothing.
const fs = require('fs');
const path = require('path');

const here = path.resolve(__dirname, '..');
const wanted = require(path.join(here, 'package.json')).dependencies;

function fail(message) {
  console.error(`FAIL: ${message}`);
  console.error('Install the pinned vendor SDKs with scripts/install-npm-peers.sh (npm ci).');
  process.exit(1);
}

for (const [name, version] of Object.entries(wanted)) {
  const manifest = path.join(here, 'node_modules', name, 'package.json');
  if (!fs.existsSync(manifest)) fail(`the vendor package ${name} is not installed in ${here}.`);
  const found = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
  if (found !== version) fail(`${name} ${found} is installed, but package.json pins ${version}.`);
}

function load(name) {
  return require(path.join(here, 'node_modules', name));
}

module.exports = {
  COS: load('cos-nodejs-sdk-v5'),
  cvm: load('tencentcloud-sdk-nodejs-cvm').cvm,
  // The TC3-HMAC-SHA256 signer the CVM SDK itself calls for every request (HttpConnection).
  Tc3Sign: load('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign').default,
  versions: wanted,
};
