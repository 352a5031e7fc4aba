// What went wrong when a mail server was asked to take a message, in the merchant's words, and
// whether trying again later can help. Reads the shape of nodemailer's errors (code,
// responseCode, response, command) without importing it. Pure: no I/O.
//
// temporary: the server or the network may be fine later (4xx replies, connection refused,
//   reset or timed out, DNS not answering, no greeting) — the job queue tries again.
// permanent: the same message will be refused again (5xx replies: mailbox unavailable,
//   message rejected; wrong user or password; a secure connection that cannot be made with
//   these settings) — the message is marked failed for the merchant to look at.
// Anything not recognised is temporary: retries are cheap, a lost message is not.

export type SmtpErrorKind = "temporary" | "permanent";

export type SmtpErrorClassification = { kind: SmtpErrorKind; message: string };

type ErrorShape = {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message: string;
};

const MAX_DETAIL_LENGTH = 200;

const CONNECTION_CODES = new Set(["ECONNECTION", "ESOCKET", "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN", "EHOSTDOWN"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT"]);
const DNS_CODES = new Set(["EDNS", "EAI_AGAIN", "ENOTFOUND", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME"]);
const AUTH_CODES = new Set(["EAUTH", "ENOAUTH", "EOAUTH2"]);
/** Reply codes that mean the login was refused or is required. */
const AUTH_REPLY_CODES = new Set([530, 534, 535, 538]);
// Node's certificate verification failures; nodemailer passes only the message on.
const CERTIFICATE_PATTERN = /certificate|self[- ]signed|CERT_|unable to verify|altnames|hostname\/ip does not match/i;
// A TLS handshake with something that does not speak TLS (implicit TLS on a STARTTLS port, or the reverse).
const TLS_MISMATCH_PATTERN = /wrong version number|ssl routines|tls_validate_record_header|unknown protocol|packet length too long|EPROTO/i;

export function classifySmtpError(error: unknown): SmtpErrorClassification {
  const shape = shapeOf(error);
  const code = shape.code?.toUpperCase();
  const reply = shape.responseCode;
  const detail = serverDetail(shape);

  if (reply === 530 && /STARTTLS/i.test(shape.response ?? shape.message)) {
    return permanent(`The mail server only accepts a secure connection${detail}. Choose STARTTLS or TLS as the security setting.`);
  }
  if ((code !== undefined && AUTH_CODES.has(code)) || (reply !== undefined && AUTH_REPLY_CODES.has(reply))) {
    return permanent(`The mail server refused the user name or password${detail}. Check them in Settings.`);
  }
  if (CERTIFICATE_PATTERN.test(shape.message)) {
    return permanent(`The mail server's certificate could not be trusted (${clip(shape.message)}). Check the server's host name and security setting, or ask your mail provider.`);
  }
  if (code === "ETLS" || code === "EREQUIRETLS") {
    return permanent(`A secure connection could not be set up${detail || ` (${clip(shape.message)})`}. The server may not offer STARTTLS: check the security setting and the port.`);
  }
  if (TLS_MISMATCH_PATTERN.test(shape.message)) {
    return permanent("A secure connection could not be set up: the security setting does not match the port (TLS is usually port 465, STARTTLS port 587).");
  }

  if (reply !== undefined && reply >= 400 && reply < 600) return classifyReply(reply, shape, detail);

  const nodeCode = code !== undefined && (CONNECTION_CODES.has(code) || TIMEOUT_CODES.has(code) || DNS_CODES.has(code)) ? innerCode(shape.message) ?? code : code;
  if (nodeCode !== undefined) {
    if (nodeCode === "ECONNREFUSED") {
      return temporary("The mail server refused the connection: it may be down, or the host or port may be wrong. It will be tried again.");
    }
    if (nodeCode === "ENOTFOUND" || nodeCode === "EAI_NONAME") {
      return temporary("The mail server's host name was not found: check the host in Settings. It will be tried again.");
    }
    if (DNS_CODES.has(nodeCode)) {
      return temporary("The mail server's host name could not be looked up just now. It will be tried again.");
    }
    if (TIMEOUT_CODES.has(nodeCode)) {
      return /greeting/i.test(shape.message)
        ? temporary("The mail server accepted the connection but did not answer. It will be tried again.")
        : temporary("The mail server took too long to answer. It will be tried again.");
    }
    if (CONNECTION_CODES.has(nodeCode)) {
      return temporary("The connection to the mail server was lost. It will be tried again.");
    }
    if (nodeCode === "EENVELOPE") {
      return permanent(`The mail server could not take the sender or recipient address (${clip(shape.message)}).`);
    }
    if (nodeCode === "ECONFIG") {
      return permanent(`The mail server settings are not valid (${clip(shape.message)}).`);
    }
  }

  return temporary(`The message could not be handed to the mail server (${clip(shape.message)}). It will be tried again.`);
}

function classifyReply(reply: number, shape: ErrorShape, detail: string): SmtpErrorClassification {
  if (reply >= 500) {
    // 503: a bad sequence of commands — the session's state, not the message (RFC 5321).
    if (reply === 503) return temporary(`The mail server was not ready for the message${detail}. It will be tried again.`);
    if (reply === 550 || reply === 551 || reply === 553) {
      return permanent(isRecipientStep(shape)
        ? `The mail server refused the recipient's address: the mailbox is unavailable or does not exist${detail}.`
        : `The mail server refused the message${detail}. The sender address may not be allowed on this server.`);
    }
    if (reply === 552) return permanent(`The mail server refused the message as too large or the mailbox as full${detail}.`);
    if (reply === 554) return permanent(`The mail server rejected the message${detail}.`);
    return permanent(`The mail server refused the message${detail}.`);
  }
  if (reply === 421) return temporary(`The mail server is not available right now${detail}. It will be tried again.`);
  if (reply === 452) return temporary(`The mail server is short of space or the mailbox is full for now${detail}. It will be tried again.`);
  return temporary(`The mail server asked to try again later${detail}. It will be tried again.`);
}

function isRecipientStep(shape: ErrorShape): boolean {
  return /^RCPT/i.test(shape.command ?? "") || (shape.code === "EENVELOPE" && !/^MAIL/i.test(shape.command ?? ""));
}

function shapeOf(error: unknown): ErrorShape {
  if (typeof error === "string") return { message: error };
  if (typeof error !== "object" || error === null) return { message: String(error) };
  const record = error as Record<string, unknown>;
  return {
    code: typeof record.code === "string" ? record.code : undefined,
    responseCode: typeof record.responseCode === "number" ? record.responseCode : undefined,
    response: typeof record.response === "string" ? record.response : undefined,
    command: typeof record.command === "string" ? record.command : undefined,
    message: typeof record.message === "string" && record.message !== "" ? record.message : String(record.name ?? "unknown error"),
  };
}

/** nodemailer wraps Node's socket errors (code ESOCKET, EDNS): the original code is in the message. */
function innerCode(message: string): string | undefined {
  return /\b(ECONNREFUSED|ECONNRESET|ECONNABORTED|EPIPE|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EAI_NONAME)\b/.exec(message)?.[1];
}

/** The server's own reply, e.g. " (550 5.1.1 No such user)", or "" when there is none. */
function serverDetail(shape: ErrorShape): string {
  const response = shape.response?.trim();
  if (response) return ` (${clip(response)})`;
  return shape.responseCode !== undefined ? ` (${shape.responseCode})` : "";
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_DETAIL_LENGTH ? `${oneLine.slice(0, MAX_DETAIL_LENGTH - 1)}…` : oneLine;
}

function temporary(message: string): SmtpErrorClassification {
  return { kind: "temporary", message };
}

function permanent(message: string): SmtpErrorClassification {
  return { kind: "permanent", message };
}
