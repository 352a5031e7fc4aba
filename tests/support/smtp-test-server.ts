// A real SMTP server on 127.0.0.1 (smtp-server), for tests of the mail the app sends: it keeps
// what it receives, parsed just enough to check headers, the text and HTML parts and the
// attachments, and can be told to refuse the next RCPT TO or DATA with a given reply (451 to
// make the client try again, 550 to make it give up). Plain SMTP unless `starttls` is set;
// STARTTLS uses smtp-server's built-in self-signed certificate, so the client must be told
// not to verify it.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type MimePart = {
  /** Header names lower-cased, continuation lines unfolded, encoded words decoded. */
  headers: Record<string, string>;
  /** Decoded body (quoted-printable or base64 undone) for a leaf part; "" for a multipart. */
  body: string;
  parts: MimePart[];
};

export type ReceivedMail = {
  from: string;
  to: string[];
  /** Who logged in, when anybody did. */
  user?: string;
  raw: string;
  message: MimePart;
  headers: Record<string, string>;
  subject: string;
  text?: string;
  html?: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
};

export type SmtpTestServerOptions = {
  /** Require AUTH with these; without them, AUTH is optional and anything is accepted. */
  credentials?: { user: string; password: string };
  /** Offer STARTTLS (self-signed certificate). */
  starttls?: boolean;
};

type Refusal = { step: "rcpt" | "data"; code: number; text: string; remaining: number };

export type SmtpTestServer = {
  host: string;
  port: number;
  received: ReceivedMail[];
  /** Answer the next `times` RCPT TO (or DATA) commands with `code`. */
  refuseNext(step: "rcpt" | "data", code: number, times?: number, text?: string): void;
  /** Resolves when `count` mails in all have been received. */
  waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const refusals: Refusal[] = [];
  const waiters: (() => void)[] = [];

  const refusal = (step: Refusal["step"]): Error | null => {
    const next = refusals.find((candidate) => candidate.step === step && candidate.remaining > 0);
    if (!next) return null;
    next.remaining -= 1;
    return Object.assign(new Error(next.text), { responseCode: next.code });
  };

  const server = new SMTPServer({
    logger: false,
    secure: false,
    // Connections a client left open (pools) are cut after this on close().
    closeTimeout: 500,
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    disabledCommands: options.starttls ? [] : ["STARTTLS"],
    onAuth(auth, _session, callback) {
      const expected = options.credentials;
      if (!expected || (auth.username === expected.user && auth.password === expected.password)) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }));
      }
    },
    onRcptTo(_address, _session, callback) {
      callback(refusal("rcpt"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const refused = refusal("data");
        if (refused) return callback(refused);
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push(readMail(raw, {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((address) => address.address),
          user: typeof session.user === "string" ? session.user : undefined,
        }));
        for (const wake of waiters.splice(0)) wake();
        callback(null, `Queued as test-${received.length}`);
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host: "127.0.0.1",
    port,
    received,
    refuseNext(step, code, times = 1, text = code >= 500 ? "Mailbox unavailable" : "Try again later") {
      refusals.push({ step, code, text, remaining: times });
    },
    async waitForMails(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} mails, received ${received.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readMail(raw: string, envelope: { from: string; to: string[]; user?: string }): ReceivedMail {
  const message = parseEntity(raw);
  const leaves = flatten(message);
  const isAttachment = (part: MimePart) => /^attachment/i.test(part.headers["content-disposition"] ?? "");
  const bodyOf = (type: string) => leaves.find((part) => !isAttachment(part) && mediaType(part) === type)?.body;
  return {
    ...envelope,
    raw,
    message,
    headers: message.headers,
    subject: message.headers.subject ?? "",
    text: bodyOf("text/plain"),
    html: bodyOf("text/html"),
    attachments: leaves.filter(isAttachment).map((part) => ({
      filename: parameter(part.headers["content-disposition"] ?? "", "filename") ?? parameter(part.headers["content-type"] ?? "", "name") ?? "",
      contentType: mediaType(part),
      content: decodeBody(rawBody(part), part.headers["content-transfer-encoding"]),
    })),
  };
}

// Leaf bodies are kept raw beside the decoded text, for attachments' exact bytes.
const rawBodies = new WeakMap<MimePart, string>();

function rawBody(part: MimePart): string {
  return rawBodies.get(part) ?? "";
}

function parseEntity(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const headerText = split === -1 ? raw : raw.slice(0, split);
  const bodyText = split === -1 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of headerText.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const contentType = headers["content-type"] ?? "text/plain";
  const boundary = parameter(contentType, "boundary");
  if (/^multipart\//i.test(contentType) && boundary) {
    const sections = bodyText.split(new RegExp(`\\r?\\n?--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?\\n?`));
    // Before the first boundary is the preamble, after the closing one the epilogue.
    const parts = sections.slice(1, -1).filter((section) => section.trim() !== "").map(parseEntity);
    return { headers, body: "", parts };
  }
  const decoded = decodeBody(bodyText, headers["content-transfer-encoding"]).toString("utf8");
  // Text travels with CRLF line ends; tests compare it with the "\n" the app wrote.
  const body = /^text\//i.test(contentType) ? decoded.replace(/\r\n/g, "\n") : decoded;
  const part: MimePart = { headers, body, parts: [] };
  rawBodies.set(part, bodyText);
  return part;
}

function flatten(part: MimePart): MimePart[] {
  return part.parts.length > 0 ? part.parts.flatMap(flatten) : [part];
}

function mediaType(part: MimePart): string {
  return (part.headers["content-type"] ?? "text/plain").split(";")[0]?.trim().toLowerCase() ?? "text/plain";
}

function parameter(header: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\*?=\\s*(?:"([^"]*)"|([^;\\s]*))`, "i").exec(header);
  return match ? (match[1] ?? match[2]) : undefined;
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch (encoding?.toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64");
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    default:
      return Buffer.from(body, "utf8");
  }
}

function decodeQuotedPrintable(body: string): Buffer {
  const bytes: number[] = [];
  const text = body.replace(/=\r?\n/g, "");
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? "";
    const hex = text.slice(index + 1, index + 3);
    if (char === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(char, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=), as nodemailer writes non-ASCII headers. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QB]\?[^?]*\?=)\s+(?==\?)/gi, "$1")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_match, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")).toString("utf8"),
    );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
