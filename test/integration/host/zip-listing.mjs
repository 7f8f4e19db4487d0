// Lists the entries of a .zip (a .vsix is one) from its central directory, so the packaging
// check needs no unzip tool. Zip64 archives are refused: a lean .vsix never needs them.
import { readFileSync } from 'node:fs';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_MARKER = 0xffffffff;

/** @returns {{ name: string, compressedSize: number, size: number }[]} */
export function listZipEntries(file) {
  const zip = readFileSync(file);
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (offset === ZIP64_MARKER) throw new Error(`${file} is a zip64 archive`);
  const entries = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`${file}: corrupt central directory at byte ${offset}`);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, compressedSize, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(zip) {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let position = zip.length - 22; position >= earliest; position--) {
    if (zip.readUInt32LE(position) === END_OF_CENTRAL_DIRECTORY) return position;
  }
  throw new Error('not a zip archive (no end of central directory record)');
}
