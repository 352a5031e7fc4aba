// The return label and packing slip a shopper prints: an A4 PDF whose first page carries a
// 4×6 inch label (cut along the dashed line) with the return number as a Code 128 barcode and
// in text, and the from and to addresses; the following page(s) list the items and how to
// pack them. All texts on the page come from the caller (`labels`), so they can be localised.
//
// Fonts: the PDF uses Helvetica, one of the standard PDF fonts every viewer has, so nothing is
// embedded and the file stays small. Those fonts only cover the Windows-1252 ("WinAnsi")
// character set: western European Latin. Text outside it is made printable instead of failing:
// Greek is transliterated (ELOT 743, simplified), Cyrillic by the Ukrainian national table of
// 2010 (so Г is H; Russian-only letters are added), Latin letters with other diacritics lose
// them (ł → l, ś → s), and any other character becomes "?" — a Chinese or Arabic address is
// legible only if the shopper also wrote it in Latin letters. Embedding a Unicode font would
// need the @pdf-lib/fontkit package and a font file shipped with the app; see the report of
// the returns work for that choice.
//
// The barcode PNG comes from bwip-js; `returnBarcodePng` is exported so tests can read the
// very image that goes into the PDF back with a decoder.
import bwipjs from "bwip-js/node";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

export type ReturnLabelTexts = {
  /** "Return label" */
  heading: string;
  /** "From" */
  from: string;
  /** "To" */
  to: string;
  /** "Items in this parcel" */
  items: string;
  /** "How to pack your return" */
  instructions: string;
  /** "Return number" */
  returnNumber: string;
};

export type ReturnLabelPdfInput = {
  returnNumber: string;
  shopName: string;
  /** The shop's return address, one line each. */
  returnAddressLines: string[];
  /** The shopper's address, one line each. */
  customerAddressLines: string[];
  items: { title: string; quantity: number }[];
  packingInstructions: string[];
  labels: ReturnLabelTexts;
};

const POINTS_PER_INCH = 72;
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 36;
const LABEL_WIDTH = 4 * POINTS_PER_INCH;
const LABEL_HEIGHT = 6 * POINTS_PER_INCH;
const LABEL_PADDING = 14;
const MAX_ADDRESS_LINES = 7;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.45, 0.45, 0.45);

/** Code 128 can carry any ASCII text; return numbers are short and printable. */
const RETURN_NUMBER = /^[\x20-\x7e]{1,48}$/;

export async function returnBarcodePng(returnNumber: string): Promise<Uint8Array> {
  if (!RETURN_NUMBER.test(returnNumber)) throw new Error(`A return number is 1 to 48 printable ASCII characters; got ${JSON.stringify(returnNumber)}.`);
  const png = await bwipjs.toBuffer({
    bcid: "code128",
    text: returnNumber,
    scale: 4,
    height: 14,
    includetext: false,
    // The quiet zone Code 128 needs: 10 modules each side.
    paddingwidth: 10,
    paddingheight: 2,
    backgroundcolor: "FFFFFF",
  });
  return new Uint8Array(png);
}

export async function renderReturnLabelPdf(input: ReturnLabelPdfInput): Promise<Uint8Array> {
  const barcode = await returnBarcodePng(input.returnNumber);
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const safe = (text: string) => pdfSafeText(text, supported);

  pdf.setTitle(`${input.labels.heading} ${input.returnNumber}`);
  pdf.setSubject(`${input.labels.returnNumber} ${input.returnNumber}`);
  pdf.setKeywords(["return", input.returnNumber]);
  pdf.setAuthor(input.shopName);
  pdf.setCreator("Aftercare");
  pdf.setProducer("Aftercare (pdf-lib)");

  const image = await pdf.embedPng(barcode);
  const labelPage = pdf.addPage(A4);
  drawLabel(labelPage, { input, image, regular, bold, safe });
  drawPackingSlip(pdf, { input, regular, bold, safe });

  return pdf.save({ useObjectStreams: false });
}

type Fonts = { regular: PDFFont; bold: PDFFont; safe: (text: string) => string };

function drawLabel(page: PDFPage, context: Fonts & { input: ReturnLabelPdfInput; image: Awaited<ReturnType<PDFDocument["embedPng"]>> }): void {
  const { input, image, regular, bold, safe } = context;
  const [, pageHeight] = A4;
  const left = MARGIN;
  const bottom = pageHeight - MARGIN - LABEL_HEIGHT;
  const inner = LABEL_WIDTH - 2 * LABEL_PADDING;
  const x = left + LABEL_PADDING;

  page.drawRectangle({ x: left, y: bottom, width: LABEL_WIDTH, height: LABEL_HEIGHT, borderColor: GREY, borderWidth: 0.75, borderDashArray: [5, 3] });

  let y = pageHeight - MARGIN - LABEL_PADDING;
  y = drawLines(page, wrap(safe(input.labels.heading), bold, 15, inner).slice(0, 2), { x, y, font: bold, size: 15 });
  y = drawLines(page, wrap(safe(input.shopName), regular, 9, inner).slice(0, 2), { x, y: y - 2, font: regular, size: 9, color: GREY });
  page.drawLine({ start: { x, y: y - 4 }, end: { x: x + inner, y: y - 4 }, thickness: 0.75, color: GREY });
  y -= 14;

  y = drawLines(page, [safe(input.labels.from.toUpperCase())], { x, y, font: bold, size: 8, color: GREY });
  y = drawLines(page, addressLines(input.customerAddressLines, safe, regular, 9, inner), { x, y: y - 1, font: regular, size: 9 });
  y -= 12;
  y = drawLines(page, [safe(input.labels.to.toUpperCase())], { x, y, font: bold, size: 8, color: GREY });
  drawLines(page, addressLines(input.returnAddressLines, safe, bold, 12, inner), { x, y: y - 2, font: bold, size: 12 });

  // The barcode and the number under it sit at the foot of the label, whatever the addresses' length.
  const numberText = `${safe(input.labels.returnNumber)}: ${input.returnNumber}`;
  const numberSize = fitSize(numberText, bold, 12, inner);
  const numberY = bottom + LABEL_PADDING;
  page.drawText(numberText, { x: x + (inner - bold.widthOfTextAtSize(numberText, numberSize)) / 2, y: numberY, font: bold, size: numberSize, color: BLACK });
  const scale = Math.min(inner / image.width, 70 / image.height);
  const width = image.width * scale;
  page.drawImage(image, { x: x + (inner - width) / 2, y: numberY + numberSize + 6, width, height: image.height * scale });
}

function drawPackingSlip(pdf: PDFDocument, context: Fonts & { input: ReturnLabelPdfInput }): void {
  const { input, regular, bold, safe } = context;
  const [pageWidth, pageHeight] = A4;
  const width = pageWidth - 2 * MARGIN;
  let page = pdf.addPage(A4);
  let y = pageHeight - MARGIN;

  const room = (needed: number) => {
    if (y - needed >= MARGIN) return;
    page = pdf.addPage(A4);
    y = pageHeight - MARGIN;
  };

  y = drawLines(page, wrap(safe(input.shopName), bold, 18, width), { x: MARGIN, y, font: bold, size: 18 });
  y = drawLines(page, [`${safe(input.labels.returnNumber)}: ${input.returnNumber}`], { x: MARGIN, y: y - 4, font: regular, size: 12 });
  y -= 18;

  y = drawLines(page, wrap(safe(input.labels.items), bold, 13, width), { x: MARGIN, y, font: bold, size: 13 });
  y -= 4;
  const quantityWidth = 44;
  for (const item of input.items) {
    const lines = wrap(safe(item.title), regular, 11, width - quantityWidth);
    room(lines.length * 14 + 4);
    page.drawText(`${item.quantity} ×`, { x: MARGIN, y: y - 11, font: bold, size: 11, color: BLACK });
    y = drawLines(page, lines, { x: MARGIN + quantityWidth, y, font: regular, size: 11 }) - 4;
  }
  y -= 14;

  if (input.packingInstructions.length > 0) {
    room(40);
    y = drawLines(page, wrap(safe(input.labels.instructions), bold, 13, width), { x: MARGIN, y, font: bold, size: 13 });
    y -= 4;
    input.packingInstructions.forEach((instruction, index) => {
      const lines = wrap(safe(instruction), regular, 11, width - 20);
      room(lines.length * 14 + 4);
      page.drawText(`${index + 1}.`, { x: MARGIN, y: y - 11, font: regular, size: 11, color: BLACK });
      y = drawLines(page, lines, { x: MARGIN + 20, y, font: regular, size: 11 }) - 4;
    });
  }
}

/** Draws lines top-down from `y` (the top of the first line); returns the y under the last. */
function drawLines(page: PDFPage, lines: string[], options: { x: number; y: number; font: PDFFont; size: number; color?: ReturnType<typeof rgb> }): number {
  const leading = options.size * 1.25;
  let y = options.y;
  for (const line of lines) {
    y -= leading;
    page.drawText(line, { x: options.x, y: y + (leading - options.size), font: options.font, size: options.size, color: options.color ?? BLACK });
  }
  return y;
}

function addressLines(lines: string[], safe: (text: string) => string, font: PDFFont, size: number, width: number): string[] {
  const wrapped = lines.map((line) => safe(line).trim()).filter(Boolean).flatMap((line) => wrap(line, font, size, width));
  if (wrapped.length <= MAX_ADDRESS_LINES) return wrapped;
  return [...wrapped.slice(0, MAX_ADDRESS_LINES - 1), `${wrapped[MAX_ADDRESS_LINES - 1]} …`];
}

/** Greedy word wrap; a word longer than the line is cut. Input must already be safe text. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

function fitSize(text: string, font: PDFFont, size: number, width: number): number {
  const natural = font.widthOfTextAtSize(text, size);
  return natural <= width ? size : Math.max(6, (size * width) / natural);
}

// ---------------------------------------------------------------------------------------------
// Text the standard fonts can print

const GREEK: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m",
  ν: "n", ξ: "x", ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
};
/** Greek pairs read as one sound. αυ/ευ/ηυ are handled apart (v or f by what follows). */
const GREEK_PAIRS: Record<string, string> = { ου: "ou", γγ: "ng", γκ: "gk", γξ: "nx", γχ: "nch", μπ: "mp" };
const GREEK_VOICELESS = new Set([..."θκξπστφχψ"]);

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "y", і: "i", ї: "i",
  й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh",
  ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "", ю: "iu", я: "ia",
  // Not Ukrainian: Russian and Belarusian letters, by the closest Ukrainian rule.
  ё: "io", ы: "y", э: "e", ъ: "", ў: "u",
};
/** At the start of a word. */
const CYRILLIC_INITIAL: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya", ё: "yo" };
const CYRILLIC_PAIRS: Record<string, string> = { зг: "zgh" };

/** Latin letters that do not lose their mark by Unicode decomposition. */
const LATIN_EXTRA: Record<string, string> = { ł: "l", đ: "d", ħ: "h", ı: "i", ŀ: "l", ŋ: "n", ŧ: "t", ſ: "s", ĸ: "k", ƒ: "f", ə: "e" };

const SYMBOLS: Record<string, string> = { "№": "No", "′": "'", "″": '"', "ʼ": "'", "ʻ": "'", "‐": "-", "‑": "-", "‒": "-", "−": "-", "⁄": "/" };

/**
 * `text` with every character the font can print kept, and the others transliterated,
 * stripped of their marks, or replaced by "?". Control characters become spaces.
 */
export function pdfSafeText(text: string, supported: ReadonlySet<number>): string {
  const chars = [...text.normalize("NFC")];
  let out = "";
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] as string;
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) {
      out += " ";
      continue;
    }
    if (supported.has(codePoint)) {
      out += char;
      continue;
    }
    const previous = chars[index - 1];
    const next = chars[index + 1];
    // Cyrillic ї, й and ё are letters of their own: look them up before marks are stripped.
    // Greek accents (ή, ύ) are only marks: look Greek up after.
    const lowerRaw = char.toLowerCase();
    const lower = stripMarks(lowerRaw);
    const nextLower = next ? stripMarks(next.toLowerCase()) : "";
    const nextLowerRaw = next ? next.toLowerCase() : "";

    if ((lower === "α" || lower === "ε" || lower === "η") && nextLower === "υ") {
      const after = chars[index + 2] ? stripMarks((chars[index + 2] as string).toLowerCase()) : "";
      out += withCase(`${GREEK[lower]}${after === "" || GREEK_VOICELESS.has(after) || !isLetter(after) ? "f" : "v"}`, char, next, chars[index + 2]);
      index += 1;
      continue;
    }
    const pair = GREEK_PAIRS[lower + nextLower] ?? CYRILLIC_PAIRS[lowerRaw + nextLowerRaw];
    if (pair !== undefined) {
      out += withCase(pair, char, next, chars[index + 2]);
      index += 1;
      continue;
    }
    const initial = previous === undefined || !isLetter(previous);
    const mapped = (initial ? CYRILLIC_INITIAL[lowerRaw] : undefined) ?? CYRILLIC[lowerRaw] ?? GREEK[lower] ?? CYRILLIC[lower] ?? LATIN_EXTRA[lower] ?? SYMBOLS[char];
    if (mapped !== undefined) {
      out += withCase(mapped, char, previous, next);
      continue;
    }
    if (/\p{Zs}/u.test(char)) out += " ";
    else if (/\p{Pd}/u.test(char)) out += "-";
    else if (/\p{M}/u.test(char)) continue;
    else if (lower.length > 0 && [...lower].every((part) => supported.has(part.codePointAt(0) ?? 0))) out += char === char.toLowerCase() ? lower : lower.toUpperCase();
    else out += "?";
  }
  return out;
}

function stripMarks(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}

function isLetter(char: string): boolean {
  return /\p{L}/u.test(char);
}

function isUpper(char: string | undefined): boolean {
  return char !== undefined && isLetter(char) && char !== char.toLowerCase();
}

/** Keeps the case of the source letter: "Ж" → "Zh", but "ЖЕНЯ" → "ZHENIA". */
function withCase(mapped: string, source: string, ...neighbours: (string | undefined)[]): string {
  if (!isUpper(source) || mapped === "") return mapped;
  if (mapped.length === 1 || neighbours.some(isUpper)) return mapped.toUpperCase();
  return mapped[0]?.toUpperCase() + mapped.slice(1);
}
