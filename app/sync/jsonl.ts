// Reads JSON Lines from a web stream (a bulk operation's result file) a line at a time,
// without holding the file: only the current chunk and one partial line are in memory.
// Lines are numbered from 1 as they appear in the file (blank lines count but are not
// yielded), so a number is a resume point: `afterLine` skips that many without parsing.

export type JsonlLine = { lineNumber: number; value: unknown };

export type ReadJsonlOptions = {
  /** Lines 1..afterLine are skipped unparsed (a resume point). */
  afterLine?: number;
  /** A longer line is refused rather than buffered (default 16 MiB of text). */
  maxLineLength?: number;
};

export class JsonlError extends Error {
  constructor(
    message: string,
    readonly lineNumber: number,
  ) {
    super(`line ${lineNumber}: ${message}`);
    this.name = "JsonlError";
  }
}

const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;

export async function* readJsonl(stream: ReadableStream<Uint8Array>, options: ReadJsonlOptions = {}): AsyncGenerator<JsonlLine> {
  const afterLine = options.afterLine ?? 0;
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  // fatal: a byte sequence that is not UTF-8 is an error, not a silent U+FFFD.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = stream.getReader();
  let pending = "";
  let lineNumber = 0;
  let finished = false;

  function* complete(text: string): Generator<JsonlLine> {
    lineNumber += 1;
    if (lineNumber <= afterLine) return;
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (line.trim() === "") return;
    try {
      yield { lineNumber, value: JSON.parse(line) as unknown };
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw new JsonlError(`not JSON (${error.message})`, lineNumber);
    }
  }

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      let start = 0;
      for (let newline = pending.indexOf("\n"); newline !== -1; newline = pending.indexOf("\n", start)) {
        yield* complete(pending.slice(start, newline));
        start = newline + 1;
      }
      pending = pending.slice(start);
      if (pending.length > maxLineLength) throw new JsonlError(`longer than ${maxLineLength} characters`, lineNumber + 1);
    }
    pending += decoder.decode();
    if (pending !== "") yield* complete(pending);
    finished = true;
  } finally {
    // Stopped early (the consumer broke off or failed): stop the download too.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
