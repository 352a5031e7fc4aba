// One file of one of the shop's returns (label, packing slip, the shopper's photo), for the
// merchant to download. Only from the session's shop; never cached; never shown inline, so a
// file a shopper uploaded cannot run as a page of the app.
import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { returnDocument } from "~/returns/return-service.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const returnId = params.returnId ?? "";
  const documentId = params.documentId ?? "";
  const valid = /^[A-Za-z0-9_-]{1,64}$/;
  const document = valid.test(returnId) && valid.test(documentId) ? await returnDocument(prisma, session.shop, returnId, documentId) : null;
  if (!document) throw new Response("Document not found", { status: 404, statusText: "Not Found" });
  return new Response(new Uint8Array(document.data), {
    headers: {
      "Content-Type": document.contentType,
      "Content-Length": String(document.data.byteLength),
      "Content-Disposition": contentDisposition(document.filename),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
};

/** `attachment` with an ASCII fallback name and the real one (RFC 6266 / 5987). */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, "_") || "document";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
