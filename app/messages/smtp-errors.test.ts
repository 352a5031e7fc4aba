// The errors below have the shape nodemailer gives them (code, responseCode, response,
// command), as seen against a real server (tests/integration/messages/smtp-delivery.test.ts).
import { describe, expect, it } from "vitest";
import { classifySmtpError } from "./smtp-errors";

const smtpError = (fields: { code?: string; responseCode?: number; response?: string; command?: string; message: string }) =>
  Object.assign(new Error(fields.message), fields);

describe("classifySmtpError", () => {
  it.each([
    ["a 451 to RCPT TO", smtpError({ code: "EENVELOPE", responseCode: 451, response: "451 Try later", command: "RCPT TO", message: "Can't send mail - all recipients were rejected: 451 Try later" }), /try again later \(451 Try later\)/],
    ["a 421 greeting", smtpError({ code: "EPROTOCOL", responseCode: 421, response: "421 Too many connections", command: "CONN", message: "Too many connections" }), /not available right now/],
    ["a 452 at DATA", smtpError({ code: "EMESSAGE", responseCode: 452, response: "452 Insufficient storage", command: "DATA", message: "Message failed" }), /short of space/],
    ["a 503 (bad sequence)", smtpError({ code: "EPROTOCOL", responseCode: 503, response: "503 Bad sequence of commands", command: "MAIL FROM", message: "Bad sequence" }), /not ready/],
    ["connection refused", smtpError({ code: "ESOCKET", command: "CONN", message: "connect ECONNREFUSED 127.0.0.1:1" }), /refused the connection/],
    ["a bare Node ECONNRESET", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), /connection to the mail server was lost/],
    ["the connection closing", smtpError({ code: "ECONNECTION", command: "CONN", message: "Connection closed unexpectedly" }), /connection to the mail server was lost/],
    ["no greeting", smtpError({ code: "ETIMEDOUT", command: "CONN", message: "Greeting never received" }), /did not answer/],
    ["a connect timeout", smtpError({ code: "ESOCKET", command: "CONN", message: "connect ETIMEDOUT 10.0.0.1:587" }), /took too long/],
    ["DNS not answering", smtpError({ code: "EDNS", command: "CONN", message: "getaddrinfo EAI_AGAIN mail.example.com" }), /could not be looked up just now/],
    ["an unknown host", smtpError({ code: "EDNS", command: "CONN", message: "getaddrinfo ENOTFOUND mail.example.invalid" }), /host name was not found/],
    ["something unknown", new TypeError("Cannot read properties of undefined"), /could not be handed to the mail server \(Cannot read properties of undefined\)/],
    ["a string", "boom", /\(boom\)/],
    ["null", null, /\(null\)/],
  ])("calls %s temporary, in words", (_label, error, words) => {
    const result = classifySmtpError(error);
    expect(result.kind).toBe("temporary");
    expect(result.message).toMatch(words);
    expect(result.message).toMatch(/tried again\.$/);
  });

  it.each([
    ["a 550 to RCPT TO", smtpError({ code: "EENVELOPE", responseCode: 550, response: "550 5.1.1 No such user", command: "RCPT TO", message: "Can't send mail - all recipients were rejected: 550 5.1.1 No such user" }), /recipient's address: the mailbox is unavailable or does not exist \(550 5\.1\.1 No such user\)/],
    ["a 553 to MAIL FROM", smtpError({ code: "EENVELOPE", responseCode: 553, response: "553 Sender not allowed", command: "MAIL FROM", message: "Mail command failed: 553 Sender not allowed" }), /sender address may not be allowed/],
    ["a 554 at DATA", smtpError({ code: "EMESSAGE", responseCode: 554, response: "554 Rejected as spam", command: "DATA", message: "Message failed: 554 Rejected as spam" }), /rejected the message \(554 Rejected as spam\)/],
    ["a 552 at DATA", smtpError({ code: "EMESSAGE", responseCode: 552, response: "552 Message too big", command: "DATA", message: "Message failed" }), /too large/],
    ["a 535", smtpError({ code: "EAUTH", responseCode: 535, response: "535 Invalid username or password", command: "AUTH PLAIN", message: "Invalid login: 535 Invalid username or password" }), /user name or password/],
    ["EAUTH without a reply", smtpError({ code: "EAUTH", command: "API", message: "Missing credentials for \"PLAIN\"" }), /user name or password/],
    ["a 530 asking for STARTTLS", smtpError({ code: "EENVELOPE", responseCode: 530, response: "530 5.7.0 Must issue a STARTTLS command first", command: "MAIL FROM", message: "Mail command failed" }), /only accepts a secure connection/],
    ["an expired certificate", smtpError({ code: "ESOCKET", command: "CONN", message: "certificate has expired" }), /certificate could not be trusted/],
    ["a self-signed certificate", smtpError({ code: "ESOCKET", command: "CONN", message: "self-signed certificate" }), /certificate could not be trusted/],
    ["no STARTTLS when it is required", smtpError({ code: "ETLS", responseCode: 500, command: "STARTTLS", response: "500 Error: command not recognized", message: "Error upgrading connection with STARTTLS: 500 Error: command not recognized" }), /may not offer STARTTLS/],
    ["TLS on a plain port", smtpError({ code: "ESOCKET", command: "CONN", message: "C04C84DB087F0000:error:0A00010B:SSL routines:tls_validate_record_header:wrong version number" }), /does not match the port/],
  ])("calls %s permanent, in words", (_label, error, words) => {
    const result = classifySmtpError(error);
    expect(result.kind).toBe("permanent");
    expect(result.message).toMatch(words);
    expect(result.message).not.toMatch(/tried again/);
  });

  it("keeps a long server reply short", () => {
    const response = `550 ${"x".repeat(1000)}`;
    const { message } = classifySmtpError(smtpError({ code: "EENVELOPE", responseCode: 550, response, command: "RCPT TO", message: response }));
    expect(message.length).toBeLessThan(400);
    expect(message).toContain("…");
  });
});
