// The return label PDF, parsed back: its pages, its metadata, the text drawn on each page (read
// from the content streams) and the barcode image embedded on the label, decoded from the
// PDF's own pixels. Non-Latin addresses must print (transliterated), never crash.
import { inflateSync } from "node:zlib";
import fc from "fast-check";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts, type PDFNumber, type PDFObject, type PDFPage, type PDFRef } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { pdfSafeText, renderReturnLabelPdf, returnBarcodePng, type ReturnLabelPdfInput } from "~/returns/return-label-pdf.server";
import { decodeCode128FromPng, decodeCode128FromRaster, rasterFromRgb } from "../../support/code128-decode";

const english = { heading: "Return label", from: "From", to: "To", items: "Items in this parcel", instructions: "How to pack your return", returnNumber: "Return number" };

const input: ReturnLabelPdfInput = {
  returnNumber: "R-2025-000123",
  shopName: "Linen & Co",
  returnAddressLines: ["Linen & Co Returns", "12 Rue de la Paix", "75002 Paris", "France"],
  customerAddressLines: ["Chloé Dubois", "4 Avenue Foch", "69006 Lyon", "France"],
  items: [
    { title: "Linen shirt, sage, M", quantity: 2 },
    { title: "Wool scarf", quantity: 1 },
  ],
  packingInstructions: ["Put the items back in their original packaging.", "Stick the label on the outside of the parcel, over any old labels."],
  labels: english,
};

/** The bytes of a stream, inflated when it is Flate-encoded (pdf-lib's only filter). */
function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of("Filter"));
  return filter === PDFName.of("FlateDecode") ? inflateSync(stream.contents) : stream.contents;
}

/** The text shown by the page's `<hex> Tj` operators (pdf-lib's way of drawing text), in order. */
function pageText(page: PDFPage): string[] {
  const contents = page.node.Contents();
  const streams: (PDFObject | undefined)[] = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  const decoder = new TextDecoder("windows-1252");
  return streams
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .flatMap((stream) => [...Buffer.from(streamBytes(stream)).toString("latin1").matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)])
    .map((match) => decoder.decode(Buffer.from(match[1] ?? "", "hex")));
}

/** The images a page draws, read from its resources: size, and pixels as a raster. */
function pageImages(page: PDFPage) {
  const context = page.doc.context;
  const xObjects = page.node.Resources()?.lookup(PDFName.of("XObject"), PDFDict);
  return (xObjects?.entries() ?? []).flatMap(([, ref]) => {
    const stream = context.lookup(ref as PDFRef);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) return [];
    const width = (stream.dict.get(PDFName.of("Width")) as PDFNumber).asNumber();
    const height = (stream.dict.get(PDFName.of("Height")) as PDFNumber).asNumber();
    const smaskRef = stream.dict.get(PDFName.of("SMask"));
    const smask = smaskRef ? context.lookup(smaskRef as PDFRef) : undefined;
    return [
      {
        width,
        height,
        colorSpace: stream.dict.get(PDFName.of("ColorSpace"))?.toString(),
        bitsPerComponent: (stream.dict.get(PDFName.of("BitsPerComponent")) as PDFNumber).asNumber(),
        raster: () => rasterFromRgb(width, height, streamBytes(stream), smask instanceof PDFRawStream ? streamBytes(smask) : undefined),
      },
    ];
  });
}

let supported: Set<number>;

beforeAll(async () => {
  const document = await PDFDocument.create();
  supported = new Set((await document.embedFont(StandardFonts.Helvetica)).getCharacterSet());
});

describe("renderReturnLabelPdf", () => {
  it("makes an A4 label page and a packing slip page, with the return number in the metadata", async () => {
    const pdf = await PDFDocument.load(await renderReturnLabelPdf(input));
    expect(pdf.getPageCount()).toBe(2);
    for (const page of pdf.getPages()) expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([595, 842]);
    expect(pdf.getTitle()).toBe("Return label R-2025-000123");
    expect(pdf.getSubject()).toBe("Return number R-2025-000123");
    expect(pdf.getKeywords()).toContain("R-2025-000123");
  });

  it("prints the heading, both addresses and the return number on the label", async () => {
    const [label] = (await PDFDocument.load(await renderReturnLabelPdf(input))).getPages();
    const text = pageText(label as PDFPage);
    expect(text).toEqual([
      "Return label",
      "Linen & Co",
      "FROM",
      "Chloé Dubois",
      "4 Avenue Foch",
      "69006 Lyon",
      "France",
      "TO",
      "Linen & Co Returns",
      "12 Rue de la Paix",
      "75002 Paris",
      "France",
      "Return number: R-2025-000123",
    ]);
  });

  it("embeds the barcode image on the label, and its pixels read as the return number", async () => {
    const [label, slip] = (await PDFDocument.load(await renderReturnLabelPdf(input))).getPages();
    const images = pageImages(label as PDFPage);
    expect(images).toHaveLength(1);
    const [image] = images;
    expect(image).toMatchObject({ colorSpace: "/DeviceRGB", bitsPerComponent: 8 });
    const png = await returnBarcodePng(input.returnNumber);
    const fromPng = decodeCode128FromPng(png);
    expect(decodeCode128FromRaster(image?.raster() ?? rasterFromRgb(0, 0, new Uint8Array()))).toMatchObject({ text: "R-2025-000123", values: fromPng.values });
    expect(fromPng.quietZoneModules.left).toBeGreaterThanOrEqual(10);
    expect(fromPng.quietZoneModules.right).toBeGreaterThanOrEqual(10);
    expect(pageImages(slip as PDFPage)).toEqual([]);
  });

  it("lists the items with their quantities and the numbered packing instructions on the slip", async () => {
    const [, slip] = (await PDFDocument.load(await renderReturnLabelPdf(input))).getPages();
    expect(pageText(slip as PDFPage)).toEqual([
      "Linen & Co",
      "Return number: R-2025-000123",
      "Items in this parcel",
      "2 ×",
      "Linen shirt, sage, M",
      "1 ×",
      "Wool scarf",
      "How to pack your return",
      "1.",
      "Put the items back in their original packaging.",
      "2.",
      "Stick the label on the outside of the parcel, over any old labels.",
    ]);
  });

  it("prints Greek and Ukrainian addresses, transliterated, instead of failing", async () => {
    const pdf = await PDFDocument.load(
      await renderReturnLabelPdf({
        ...input,
        customerAddressLines: ["Μαρία Παπαδοπούλου", "Ελευθερίου Βενιζέλου 12", "106 71 Αθήνα", "Ελλάδα"],
        returnAddressLines: ["Олена Шевченко", "вулиця Хрещатик, 22", "Київ 01001", "Україна"],
        items: [{ title: "Сорочка лляна — 東京 ✓", quantity: 1 }],
        labels: { ...english, heading: "Ετικέτα επιστροφής", to: "Кому" },
      }),
    );
    const [label, slip] = pdf.getPages();
    expect(pageText(label as PDFPage)).toEqual([
      "Etiketa epistrofis",
      "Linen & Co",
      "FROM",
      "Maria Papadopoulou",
      "Eleftheriou Venizelou 12",
      "106 71 Athina",
      "Ellada",
      "KOMU",
      "Olena Shevchenko",
      "vulytsia Khreshchatyk, 22",
      "Kyiv 01001",
      "Ukraina",
      "Return number: R-2025-000123",
    ]);
    expect(pageText(slip as PDFPage)).toContain("Sorochka lliana — ?? ?");
    // The metadata keeps the original text: it is Unicode.
    expect(pdf.getTitle()).toBe("Ετικέτα επιστροφής R-2025-000123");
  });

  it("wraps long lines inside the label and moves a long item list onto further pages", async () => {
    const items = Array.from({ length: 80 }, (_, index) => ({ title: `Item ${index + 1}: a rather long product title that needs more than one line on the packing slip, variant blue`, quantity: 1 }));
    const pdf = await PDFDocument.load(await renderReturnLabelPdf({ ...input, items, customerAddressLines: ["A street name so long that it cannot possibly fit on one line of a four by six inch label"] }));
    expect(pdf.getPageCount()).toBeGreaterThan(3);
    const label = pageText(pdf.getPage(0));
    const street = label.slice(label.indexOf("FROM") + 1, label.indexOf("TO"));
    expect(street.length).toBeGreaterThan(1);
    expect(street.join(" ")).toBe("A street name so long that it cannot possibly fit on one line of a four by six inch label");
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    for (const line of street) expect(font.widthOfTextAtSize(line, 9)).toBeLessThanOrEqual(4 * 72 - 2 * 14);
    const slipText = pdf.getPages().slice(1).flatMap(pageText);
    expect(slipText.filter((line) => line === "1 ×")).toHaveLength(80);
  });

  it("refuses a return number a barcode cannot carry", async () => {
    await expect(renderReturnLabelPdf({ ...input, returnNumber: "R-Ω1" })).rejects.toThrow(/printable ASCII/);
    await expect(returnBarcodePng("")).rejects.toThrow(/printable ASCII/);
  });
});

describe("pdfSafeText", () => {
  const safe = (text: string) => pdfSafeText(text, supported);

  it.each([
    ["Crème brûlée, Größe 42 – Ærø", "Crème brûlée, Größe 42 – Ærø"],
    ["Łódź, ul. Świętokrzyska", "Lódz, ul. Swietokrzyska"],
    ["Αύγουστος", "Avgoustos"],
    ["ΘΕΣΣΑΛΟΝΙΚΗ", "THESSALONIKI"],
    ["Згурівка, Їжакевич, Юрій, Яготин, Гоголь", "Zghurivka, Yizhakevych, Yurii, Yahotyn, Hohol"],
    ["Щастя ЩАСТЯ", "Shchastia SHCHASTIA"],
    ["Москва, Объезд, Ёлки", "Moskva, Obezd, Yolky"],
    ["line\none\ttab", "line one tab"],
    ["№ 5 ‐ 7", "No 5 - 7"],
    ["北京 🙂", "?? ?"],
  ])("%s → %s", (text, expected) => {
    expect(safe(text)).toBe(expected);
  });

  it("returns only characters the standard fonts can encode, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        for (const char of safe(text)) expect(supported.has(char.codePointAt(0) ?? -1), `U+${char.codePointAt(0)?.toString(16)} from ${JSON.stringify(text)}`).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("leaves text the fonts can print as it is", () => {
    const printable = [...supported].filter((code) => code >= 0x20 && !(code >= 0x7f && code < 0xa0)).map((code) => String.fromCodePoint(code));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...printable), maxLength: 40 }), (text) => {
        expect(safe(text)).toBe(text.normalize("NFC"));
      }),
    );
  });
});
