import { describe, expect, it } from "vitest";
import { addDecimals, compareDecimals, formatDecimal, parseDecimal, subtractDecimals } from "./decimal";

const d = (text: string) => {
  const value = parseDecimal(text);
  if (!value) throw new Error(`not a decimal: ${text}`);
  return value;
};

describe("decimal amounts", () => {
  it("read decimal strings and nothing else", () => {
    expect(parseDecimal(" 49.99 ")).toEqual({ units: 4999n, scale: 2 });
    expect(parseDecimal("-3.5")).toEqual({ units: -35n, scale: 1 });
    for (const text of ["", "1,50", "1.", ".5", "1e3", "abc", "--1"]) expect(parseDecimal(text), text).toBeNull();
  });

  it("add, subtract and compare exactly, whatever the number of decimals", () => {
    expect(formatDecimal(addDecimals(d("0.1"), d("0.2")))).toBe("0.3");
    expect(formatDecimal(subtractDecimals(d("10"), d("0.05")))).toBe("9.95");
    expect(formatDecimal(subtractDecimals(d("0.5"), d("1.25")))).toBe("-0.75");
    expect(compareDecimals(d("50.00"), d("50"))).toBe(0);
    expect(compareDecimals(d("50.01"), d("50"))).toBe(1);
    expect(compareDecimals(d("-1"), d("0.5"))).toBe(-1);
  });

  it("write the amount with all its decimals", () => {
    expect(formatDecimal(d("0.50"))).toBe("0.50");
    expect(formatDecimal(d("-0.05"))).toBe("-0.05");
    expect(formatDecimal(d("12"))).toBe("12");
  });
});
