// Reads a Code 128 barcode back from pixels, so tests can check that a label's barcode says
// what it should: a small PNG reader (zlib from Node, nothing else), then one row of pixels
// measured into bars and spaces, matched against the Code 128 symbol patterns, checksum
// checked and code sets A, B and C decoded.
//
// Code 128 in brief: every symbol is 3 bars and 3 spaces, 11 modules wide, each element 1–4
// modules; the stop symbol has a 4th bar (13 modules). The message is: a start symbol (103 A,
// 104 B, 105 C), the data symbols, a check symbol — (start + Σ position × value) mod 103 — and
// stop. It is not a general barcode reader: one clean row, no rotation, no noise.
import { inflateSync } from "node:zlib";

/** Grey levels, 0 black to 255 white, row by row; transparency is laid over white. */
export type Raster = { width: number; height: number; luminance: Uint8Array };

export type Code128Reading = {
  text: string;
  /** The symbol values, start and check symbol included, stop excluded. */
  values: number[];
  startCode: "A" | "B" | "C";
  /** The light margin each side, in modules (Code 128 asks for at least 10). */
  quietZoneModules: { left: number; right: number };
  moduleWidthPx: number;
};

/**
 * Bar/space widths of the symbols 0–105, and the stop symbol (106) — from the Code 128
 * specification's symbol table (ISO/IEC 15417), written as the widths of bar, space, bar, ...
 */
const PATTERNS = [
  "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
  "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
  "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
  "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
  "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
  "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
  "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
  "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
  "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
  "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
  "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
];
export const CODE128_PATTERNS: readonly string[] = PATTERNS;

const VALUE_OF = new Map(PATTERNS.slice(0, 106).map((pattern, value) => [pattern, value]));
const STOP = PATTERNS[106];
const START: Record<number, "A" | "B" | "C"> = { 103: "A", 104: "B", 105: "C" };

export function decodeCode128FromPng(png: Uint8Array): Code128Reading {
  return decodeCode128FromRaster(readPng(png));
}

/** Reads the middle row, then (if that fails) the rows at a third and two thirds of the height. */
export function decodeCode128FromRaster(raster: Raster): Code128Reading {
  const rows = [0.5, 1 / 3, 2 / 3].map((fraction) => Math.min(raster.height - 1, Math.floor(raster.height * fraction)));
  let firstError: unknown = null;
  for (const y of rows) {
    try {
      return decodeCode128Row(raster.luminance.subarray(y * raster.width, (y + 1) * raster.width));
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}

export function decodeCode128Row(row: ArrayLike<number>, threshold = 128): Code128Reading {
  const dark = (x: number) => (row[x] ?? 255) < threshold;
  let first = 0;
  while (first < row.length && !dark(first)) first += 1;
  let last = row.length - 1;
  while (last >= 0 && !dark(last)) last -= 1;
  if (first > last) throw new Error("No bars in this row.");

  const runs: number[] = [];
  for (let x = first; x <= last; ) {
    const start = x;
    const isDark = dark(x);
    while (x <= last && dark(x) === isDark) x += 1;
    runs.push(x - start);
  }
  if (runs.length < 25 || (runs.length - 7) % 6 !== 0) throw new Error(`${runs.length} bars and spaces do not make whole Code 128 symbols (6 each, 7 for stop).`);

  const values: number[] = [];
  for (let index = 0; index + 7 < runs.length; index += 6) {
    const pattern = modules(runs.slice(index, index + 6), 11);
    const value = VALUE_OF.get(pattern);
    if (value === undefined) throw new Error(`Symbol ${values.length + 1} (${pattern}) is not a Code 128 pattern.`);
    values.push(value);
  }
  const stop = modules(runs.slice(-7), 13);
  if (stop !== STOP) throw new Error(`The barcode does not end with the stop symbol (${stop}).`);

  const startValue = values[0] as number;
  const startCode = START[startValue];
  if (!startCode) throw new Error(`The barcode starts with symbol ${startValue}, not a start symbol.`);
  const data = values.slice(1, -1);
  const check = values.at(-1);
  const expected = (startValue + data.reduce((sum, value, index) => sum + value * (index + 1), 0)) % 103;
  if (check !== expected) throw new Error(`Checksum mismatch: the check symbol is ${check}, the data make ${expected}.`);

  const moduleWidthPx = (runs.slice(0, 6).reduce((sum, width) => sum + width, 0)) / 11;
  return {
    text: decodeValues(startCode, data),
    values,
    startCode,
    quietZoneModules: { left: first / moduleWidthPx, right: (row.length - 1 - last) / moduleWidthPx },
    moduleWidthPx,
  };
}

/** Widths in pixels → widths in modules, for a symbol `total` modules wide. */
function modules(widths: number[], total: number): string {
  const sum = widths.reduce((a, b) => a + b, 0);
  const result = widths.map((width) => Math.round((width * total) / sum));
  if (result.reduce((a, b) => a + b, 0) !== total || result.some((width) => width < 1 || width > 4)) {
    throw new Error(`Bar widths ${widths.join(",")} are not a ${total}-module symbol.`);
  }
  return result.join("");
}

function decodeValues(start: "A" | "B" | "C", values: number[]): string {
  let set = start;
  let shifted: "A" | "B" | null = null;
  let text = "";
  for (const value of values) {
    const current: "A" | "B" | "C" = shifted ?? set;
    shifted = null;
    if (current === "C") {
      if (value < 100) text += String(value).padStart(2, "0");
      else if (value === 100) set = "B";
      else if (value === 101) set = "A";
      else if (value !== 102) throw new Error(`Symbol ${value} is not valid in code set C.`);
      continue;
    }
    if (value < 96) {
      text += String.fromCharCode(current === "B" ? value + 32 : value < 64 ? value + 32 : value - 64);
      continue;
    }
    if (value === 98) shifted = current === "A" ? "B" : "A";
    else if (value === 99) set = "C";
    else if ((current === "A" && value === 100) || (current === "B" && value === 101)) set = current === "A" ? "B" : "A";
    else if ((current === "A" && value === 101) || (current === "B" && value === 100)) throw new Error("FNC4 (extended characters) is not supported by this reader.");
    // 96 FNC3, 97 FNC2, 102 FNC1: function characters, no text.
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// PNG (non-interlaced; grey, RGB, palette, grey+alpha, RGBA; 8-bit, and 1/2/4-bit grey or palette)

export function readPng(bytes: Uint8Array): Raster {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("Not a PNG file.");
  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colorType: number; interlace: number } | null = null;
  let palette: Buffer | null = null;
  let paletteAlpha: Buffer | null = null;
  const data: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.subarray(offset + 4, offset + 8).toString("latin1");
    const chunk = buffer.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
    if (type === "IHDR") header = { width: chunk.readUInt32BE(0), height: chunk.readUInt32BE(4), bitDepth: chunk[8] ?? 0, colorType: chunk[9] ?? 0, interlace: chunk[12] ?? 0 };
    else if (type === "PLTE") palette = chunk;
    else if (type === "tRNS") paletteAlpha = chunk;
    else if (type === "IDAT") data.push(chunk);
    else if (type === "IEND") break;
  }
  if (!header) throw new Error("The PNG has no header.");
  const { width, height, bitDepth, colorType, interlace } = header;
  if (interlace !== 0) throw new Error("Interlaced PNGs are not supported.");
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType];
  if (channels === undefined) throw new Error(`PNG colour type ${colorType} is not supported.`);
  if (bitDepth !== 8 && !(bitDepth < 8 && (colorType === 0 || colorType === 3))) throw new Error(`PNG bit depth ${bitDepth} is not supported.`);

  const raw = inflateSync(Buffer.concat(data));
  const stride = Math.ceil((width * channels * bitDepth) / 8);
  const bpp = Math.max(1, (channels * bitDepth) / 8);
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) unfilter(raw, y * (stride + 1), pixels, y * stride, stride, bpp, y === 0 ? null : (y - 1) * stride);

  const luminance = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const sample = (channel: number) => {
        if (bitDepth === 8) return pixels[y * stride + x * channels + channel] ?? 0;
        const bitOffset = x * bitDepth;
        const byte = pixels[y * stride + (bitOffset >> 3)] ?? 0;
        return (byte >> (8 - bitDepth - (bitOffset & 7))) & ((1 << bitDepth) - 1);
      };
      let r: number;
      let g: number;
      let b: number;
      let a = 255;
      if (colorType === 3) {
        const index = sample(0);
        r = palette?.[index * 3] ?? 0;
        g = palette?.[index * 3 + 1] ?? 0;
        b = palette?.[index * 3 + 2] ?? 0;
        a = paletteAlpha?.[index] ?? 255;
      } else if (colorType === 0 || colorType === 4) {
        const grey = bitDepth === 8 ? sample(0) : Math.round((sample(0) * 255) / ((1 << bitDepth) - 1));
        r = g = b = grey;
        if (colorType === 4) a = sample(1);
      } else {
        r = sample(0);
        g = sample(1);
        b = sample(2);
        if (colorType === 6) a = sample(3);
      }
      luminance[y * width + x] = overWhite(0.299 * r + 0.587 * g + 0.114 * b, a);
    }
  }
  return { width, height, luminance };
}

/** A raster from 8-bit RGB samples (and an optional alpha plane), as images are stored in a PDF. */
export function rasterFromRgb(width: number, height: number, rgb: Uint8Array, alpha?: Uint8Array): Raster {
  const luminance = new Uint8Array(width * height);
  for (let index = 0; index < width * height; index += 1) {
    const grey = 0.299 * (rgb[index * 3] ?? 0) + 0.587 * (rgb[index * 3 + 1] ?? 0) + 0.114 * (rgb[index * 3 + 2] ?? 0);
    luminance[index] = overWhite(grey, alpha?.[index] ?? 255);
  }
  return { width, height, luminance };
}

function overWhite(grey: number, alpha: number): number {
  return Math.round((grey * alpha + 255 * (255 - alpha)) / 255);
}

function unfilter(raw: Buffer, rawOffset: number, out: Buffer, outOffset: number, stride: number, bpp: number, previousOffset: number | null): void {
  const filter = raw[rawOffset];
  for (let i = 0; i < stride; i += 1) {
    const x = raw[rawOffset + 1 + i] ?? 0;
    const left = i >= bpp ? (out[outOffset + i - bpp] ?? 0) : 0;
    const up = previousOffset === null ? 0 : (out[previousOffset + i] ?? 0);
    const upLeft = previousOffset === null || i < bpp ? 0 : (out[previousOffset + i - bpp] ?? 0);
    let value: number;
    switch (filter) {
      case 0:
        value = x;
        break;
      case 1:
        value = x + left;
        break;
      case 2:
        value = x + up;
        break;
      case 3:
        value = x + ((left + up) >> 1);
        break;
      case 4:
        value = x + paeth(left, up, upLeft);
        break;
      default:
        throw new Error(`Unknown PNG filter ${filter}.`);
    }
    out[outOffset + i] = value & 0xff;
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
