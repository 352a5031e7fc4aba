// A label file the merchant uploads (from their carrier's site): a PDF or an image, at most
// 10 MB. The type is read from the file's first bytes, not from what the browser claims, so a
// renamed file is refused rather than sent to a shopper. Pure; used by the page (early, for a
// quick answer) and by the action (which decides).

export const MAX_LABEL_BYTES = 10 * 1024 * 1024;

/** What the file picker offers. */
export const LABEL_FILE_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type LabelFileType = (typeof LABEL_FILE_TYPES)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The file's real type from its first bytes; null when it is none of the accepted ones. */
export function sniffLabelType(bytes: Uint8Array): LabelFileType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/** Why a file cannot be used, before it is read: its size and the type the browser says it is. */
export function labelFileProblem(file: { size: number; type: string }): string | null {
  if (file.size === 0) return "The file is empty. Choose the label file again.";
  if (file.size > MAX_LABEL_BYTES) return `The file is ${megabytes(file.size)}: a label file can be at most 10 MB.`;
  if (file.type !== "" && !(LABEL_FILE_TYPES as readonly string[]).includes(file.type)) return "Upload the label as a PDF or an image (PNG, JPEG, GIF or WebP).";
  return null;
}

/** A safe file name to store and to offer for download: no path, no control characters, at most 100 characters. */
export function labelFilename(name: string, type: LabelFileType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 100);
  const extension = EXTENSIONS[type];
  if (base === "" || base.startsWith(".")) return `return-label${extension}`;
  return base;
}

const EXTENSIONS: Record<LabelFileType, string> = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/gif": ".gif",
  "image/webp": ".webp",
};

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
