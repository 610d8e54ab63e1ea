import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { exportResponse } from "@/lib/privacy/export-response";

export const dynamic = "force-dynamic";

/** The signed-in user's own data as a ZIP, streamed (no id from the client: always the session's user). */
export const GET = userRoute({ name: "privacy export" }, ({ user }) => exportResponse(getDb(), user));
