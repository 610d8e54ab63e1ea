import "server-only";
import type { Queryable } from "@/db/client";
import { exportArchive, exportFileName } from "./export";
import { toReadableStream } from "./zip";

/** The export as a download: streamed, never cached. */
export function exportResponse(db: Queryable, user: { id: string; email: string }, now = new Date()): Response {
  return new Response(toReadableStream(exportArchive(db, user.id, { now })), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${exportFileName(user.email, now)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
