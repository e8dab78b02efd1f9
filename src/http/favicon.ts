/**
 * The icon browsers ask for on every page load (`/favicon.ico`): a 16×16 disc in the form's
 * default primary colour, built here as a 32-bit ICO (one BMP image, alpha for the edge), so no
 * binary file has to live in the repository and a missing icon never logs a console error.
 */
export function faviconIco(): Buffer {
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
      const alpha = Math.round(255 * Math.min(1, Math.max(0, size / 2 - distance)));
      // BMP rows run bottom-up, each pixel blue, green, red, alpha.
      pixels.set([0x99, 0x4b, 0x1f, alpha], ((size - 1 - y) * size + x) * 4);
    }
  }
  const andMask = Buffer.alloc(size * 4); // 1 bit a pixel, rows padded to 32 bits; alpha decides
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // the colour image and the mask, stacked
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const image = Buffer.concat([header, pixels, andMask]);
  const directory = Buffer.alloc(22);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(1, 4); // one image
  directory.writeUInt8(size, 6);
  directory.writeUInt8(size, 7);
  directory.writeUInt16LE(1, 10);
  directory.writeUInt16LE(32, 12);
  directory.writeUInt32LE(image.length, 14);
  directory.writeUInt32LE(22, 18);
  return Buffer.concat([directory, image]);
}
