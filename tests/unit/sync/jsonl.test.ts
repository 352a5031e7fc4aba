import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonlError, readJsonl, type JsonlLine, type ReadJsonlOptions } from "~/sync/jsonl";

const encoder = new TextEncoder();

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** The bytes of `text` cut at the given byte offsets. */
function chunked(text: string, cuts: readonly number[]): Uint8Array[] {
  const bytes = encoder.encode(text);
  const points = [...new Set([0, ...cuts.filter((cut) => cut > 0 && cut < bytes.length), bytes.length])].sort((a, b) => a - b);
  return points.slice(1).map((end, index) => bytes.slice(points[index], end));
}

async function readAll(stream: ReadableStream<Uint8Array>, options?: ReadJsonlOptions): Promise<JsonlLine[]> {
  const lines: JsonlLine[] = [];
  for await (const line of readJsonl(stream, options)) lines.push(line);
  return lines;
}

// Multi-byte characters (2, 3 and 4 bytes in UTF-8), a CRLF ending, a blank line, no final newline.
const SAMPLE = '{"id":1,"city":"Zoë"}\n{"id":2,"city":"Київ"}\r\n\n{"id":3,"note":"📦 ok"}\n{"id":4}';
const SAMPLE_LINES: JsonlLine[] = [
  { lineNumber: 1, value: { id: 1, city: "Zoë" } },
  { lineNumber: 2, value: { id: 2, city: "Київ" } },
  { lineNumber: 4, value: { id: 3, note: "📦 ok" } },
  { lineNumber: 5, value: { id: 4 } },
];

describe("readJsonl", () => {
  it("reads lines cut at every possible byte, inside characters and line endings included", async () => {
    const size = encoder.encode(SAMPLE).length;
    for (let cut = 0; cut <= size; cut += 1) {
      expect(await readAll(streamOf(chunked(SAMPLE, [cut]))), `cut at byte ${cut}`).toEqual(SAMPLE_LINES);
    }
    const everyByte = Array.from({ length: size }, (_, index) => index);
    expect(await readAll(streamOf(chunked(SAMPLE, everyByte)))).toEqual(SAMPLE_LINES);
  });

  it("gives back what was written, however the bytes are chunked (property)", async () => {
    const record = fc.record({ id: fc.integer(), text: fc.string({ unit: "grapheme" }), tags: fc.array(fc.string(), { maxLength: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 20 }), fc.array(fc.nat(2000), { maxLength: 30 }), fc.boolean(), async (records, cuts, finalNewline) => {
        const text = records.map((value) => JSON.stringify(value)).join("\n") + (finalNewline && records.length > 0 ? "\n" : "");
        const lines = await readAll(streamOf(chunked(text, cuts)));
        expect(lines).toEqual(records.map((value, index) => ({ lineNumber: index + 1, value })));
      }),
      { numRuns: 200 },
    );
  });

  it("skips the lines up to a resume point without parsing them, keeping the file's numbering", async () => {
    const text = 'not json at all\n{"id":2}\n{"id":3}\n';
    expect(await readAll(streamOf(chunked(text, [5, 17])), { afterLine: 1 })).toEqual([
      { lineNumber: 2, value: { id: 2 } },
      { lineNumber: 3, value: { id: 3 } },
    ]);
    expect(await readAll(streamOf(chunked(text, [])), { afterLine: 3 })).toEqual([]);
  });

  it("names the line that is not JSON", async () => {
    const lines = readAll(streamOf(chunked('{"id":1}\n{"id":2\n{"id":3}\n', [12])));
    await expect(lines).rejects.toThrow(JsonlError);
    await expect(lines).rejects.toThrow(/^line 2: not JSON/);
  });

  it("refuses bytes that are not UTF-8", async () => {
    const bad = new Uint8Array([...encoder.encode('{"a":"'), 0xff, ...encoder.encode('"}\n')]);
    await expect(readAll(streamOf([bad]))).rejects.toThrow(TypeError);
  });

  it("refuses a line longer than the limit instead of buffering it", async () => {
    const long = `{"text":"${"x".repeat(200)}"}\n`;
    await expect(readAll(streamOf(chunked(long, [50, 100, 150])), { maxLineLength: 100 })).rejects.toThrow("line 1: longer than 100 characters");
  });

  it("streams: reads the source only as far as the consumer goes, and cancels it when the consumer stops", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        // Each chunk ends mid-line: the next one completes it.
        controller.enqueue(encoder.encode(`${pulled === 1 ? "" : '"}\n'}{"n":${pulled},"pad":"${"p".repeat(1000)}`));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: unknown[] = [];
    for await (const line of readJsonl(endless)) {
      seen.push(line.value);
      if (seen.length === 3) break;
    }
    expect(seen.map((value) => (value as { n: number }).n)).toEqual([1, 2, 3]);
    expect(pulled).toBeLessThanOrEqual(6);
    expect(cancelled).toBe(true);
  });
});
