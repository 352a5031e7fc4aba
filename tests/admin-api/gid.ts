const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z0-9]+)\/([^/?]+)/;

export function isGid(value: unknown): value is string {
  return typeof value === "string" && GID_PATTERN.test(value);
}

export function typenameFromGid(gid: string): string | undefined {
  return GID_PATTERN.exec(gid)?.[1];
}

/** The numeric tail of a GID (`legacyResourceId`); NaN when it isn't numeric. */
export function numericIdOf(gid: string): number {
  const tail = GID_PATTERN.exec(gid)?.[2];
  return tail !== undefined && /^\d+$/.test(tail) ? Number(tail) : Number.NaN;
}

export function gidFor(typename: string, id: number | string): string {
  return `gid://shopify/${typename}/${id}`;
}
