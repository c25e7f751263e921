'use strict';
// CRC-64/XZ (ECMA-182 polynomial, reflected, register and output inverted), written here from
// the definition, so that neither the emulator's nor our client's implementation is the judge of
// x-cos-hash-crc64ecma. 64-bit values are kept as two 32-bit halves for speed.
const POLY_HI = 0xc96c5795;
const POLY_LO = 0xd7870f42;
const tableHi = new Uint32Array(256);
const tableLo = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let hi = 0;
  let lo = n;
  for (let k = 0; k < 8; k++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi >>>= 1;
    if (carry) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  tableHi[n] = hi;
  tableLo[n] = lo;
}

function crc64(buffer) {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (let i = 0; i < buffer.length; i++) {
    const index = (lo ^ buffer[i]) & 0xff;
    lo = ((lo >>> 8) | ((hi & 0xff) << 24)) ^ tableLo[index];
    hi = (hi >>> 8) ^ tableHi[index];
  }
  hi = (hi ^ 0xffffffff) >>> 0;
  lo = (lo ^ 0xffffffff) >>> 0;
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}

module.exports = { crc64 };
