// Fails a test that writes to console.error unless the test said it expects to.
import { afterEach, beforeEach, expect, vi } from "vitest";

let expectedErrors = 0;
let consoleErrors: unknown[][] = [];

/** Call in a test that is meant to log errors; the test then fails if none was logged. */
export function expectConsoleErrors(): void {
  expectedErrors += 1;
}

export function installConsoleGuard(): void {
  beforeEach(() => {
    expectedErrors = 0;
    consoleErrors = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      consoleErrors.push(args);
    });
  });

  afterEach(() => {
    if (expectedErrors > 0) {
      expect(consoleErrors.length, "the test expected console.error to be called").toBeGreaterThan(0);
    } else {
      expect(consoleErrors, "unexpected console.error output").toEqual([]);
    }
  });
}
