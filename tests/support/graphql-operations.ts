// Finds every Admin GraphQL operation written in app/: template literals that start
// with the `#graphql` marker (the same marker codegen reads).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type FoundOperation = { file: string; line: number; source: string };

const OPERATION = /`#graphql([\s\S]*?)`/g;

export function operationsIn(file: string, text: string): FoundOperation[] {
  const found: FoundOperation[] = [];
  for (const match of text.matchAll(OPERATION)) {
    const body = match[1] ?? "";
    if (body.includes("${")) throw new Error(`${file}: a #graphql operation must not interpolate; pass variables instead`);
    found.push({ file, line: text.slice(0, match.index).split("\n").length, source: body });
  }
  return found;
}

export function findOperations(root: string): FoundOperation[] {
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes("types/") && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(root, file));
  return files.flatMap((file) => operationsIn(path.relative(path.dirname(root), file), readFileSync(file, "utf8")));
}
