// The Code 128 reader the label tests rely on: its symbol table, and that it reads bwip-js's
// barcodes and refuses damaged ones (so a label test passing means the barcode is right).
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { returnBarcodePng } from "~/returns/return-label-pdf.server";
import { CODE128_PATTERNS, decodeCode128FromPng, decodeCode128FromRaster, decodeCode128Row, readPng } from "../../support/code128-decode";

const sum = (pattern: string) => [...pattern].reduce((total, digit) => total + Number(digit), 0);
const bars = (pattern: string) => [...pattern].filter((_, index) => index % 2 === 0).reduce((total, digit) => total + Number(digit), 0);

/** A row of pixels for the given symbol values (start, data, check), then stop, `px` pixels a module. */
function row(values: number[], px = 2): number[] {
  const quiet = Array<number>(10 * px).fill(255);
  const pixels = [...quiet];
  for (const pattern of [...values.map((value) => CODE128_PATTERNS[value] as string), CODE128_PATTERNS[106] as string]) {
    [...pattern].forEach((width, index) => pixels.push(...Array<number>(Number(width) * px).fill(index % 2 === 0 ? 0 : 255)));
  }
  return [...pixels, ...quiet];
}

function withCheck(values: number[]): number[] {
  const [start = 0, ...data] = values;
  return [...values, (start + data.reduce((total, value, index) => total + value * (index + 1), 0)) % 103];
}

/** A greyscale PNG of `height` copies of one row, each scanline with a different filter. */
function greyPng(pixels: number[], height: number): Uint8Array {
  const width = pixels.length;
  const scanlines: number[] = [];
  let previous = Array<number>(width).fill(0);
  for (let y = 0; y < height; y += 1) {
    const filter = y % 3; // none, Sub, Up
    scanlines.push(filter);
    pixels.forEach((value, x) => scanlines.push(filter === 0 ? value : filter === 1 ? (value - (x > 0 ? (pixels[x - 1] ?? 0) : 0)) & 0xff : (value - (previous[x] ?? 0)) & 0xff));
    previous = pixels;
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, "latin1"), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.from(scanlines))), chunk("IEND", Buffer.alloc(0))]);
}

describe("the Code 128 symbol table", () => {
  it("has 106 distinct 11-module symbols of 3 bars and 3 spaces, with an even number of bar modules, and a 13-module stop", () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    for (const pattern of CODE128_PATTERNS.slice(0, 106)) {
      expect(pattern).toMatch(/^[1-4]{6}$/);
      expect(sum(pattern)).toBe(11);
      expect(bars(pattern) % 2).toBe(0);
    }
    expect(sum(CODE128_PATTERNS[106] as string)).toBe(13);
  });
});

describe("decodeCode128Row", () => {
  it("reads code set B text and its check symbol", () => {
    // Start B, "R", "-", "7": values 50, 13, 23.
    expect(decodeCode128Row(row(withCheck([104, 50, 13, 23])))).toMatchObject({ text: "R-7", startCode: "B", quietZoneModules: { left: 10, right: 10 } });
  });

  it("reads code set C digit pairs and switches between sets", () => {
    // Start C, 12, 34, Code B (100), "x" (88), Code C (99), 05.
    expect(decodeCode128Row(row(withCheck([105, 12, 34, 100, 88, 99, 5]))).text).toBe("1234x05");
  });

  it("refuses a wrong check symbol", () => {
    const values = withCheck([104, 50, 13, 23]);
    values[values.length - 1] = ((values.at(-1) ?? 0) + 1) % 103;
    expect(() => decodeCode128Row(row(values))).toThrow(/Checksum mismatch/);
  });

  it("refuses a bar made wider", () => {
    const pixels = row(withCheck([104, 50, 13, 23]));
    const firstBar = pixels.indexOf(0);
    const firstSpace = pixels.indexOf(255, firstBar);
    pixels[firstSpace] = 0;
    pixels[firstSpace + 1] = 0;
    expect(() => decodeCode128Row(pixels)).toThrow();
  });

  it("refuses a row without the stop symbol", () => {
    const pixels = row(withCheck([104, 50, 13, 23]));
    expect(() => decodeCode128Row(pixels.slice(0, pixels.length - 10 * 2 - 2 * 2))).toThrow();
  });
});

describe("reading PNGs", () => {
  it("reads a greyscale PNG with filtered scanlines", () => {
    const raster = readPng(greyPng(row(withCheck([104, 50, 13, 23]), 3), 9));
    expect(raster.width).toBe((10 + 11 * 5 + 13 + 10) * 3);
    expect(decodeCode128FromRaster(raster).text).toBe("R-7");
  });

  it("reads back what bwip-js encodes, for any printable ASCII return number", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 24 }), async (text) => {
        expect(decodeCode128FromPng(await returnBarcodePng(text)).text).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it("reads long digit runs (code set C) and mixed text", async () => {
    for (const text of ["R-2025-000123", "00001234567890", "ab12CD34ef", "RET 42 / shop"]) {
      const reading = decodeCode128FromPng(await returnBarcodePng(text));
      expect(reading.text).toBe(text);
    }
    expect(decodeCode128FromPng(await returnBarcodePng("00001234567890")).startCode).toBe("C");
  });

  it("reads every symbol value: all 100 digit pairs in code set C", async () => {
    const pairs = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, "0"));
    for (let start = 0; start < 100; start += 20) {
      const text = pairs.slice(start, start + 20).join("");
      const reading = decodeCode128FromPng(await returnBarcodePng(text.slice(0, 40)));
      expect(reading.text).toBe(text.slice(0, 40));
      expect(reading.values.slice(1, -1)).toEqual(Array.from({ length: 20 }, (_, index) => start + index));
    }
  });
});
