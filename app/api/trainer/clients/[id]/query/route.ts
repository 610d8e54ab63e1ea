import { z } from "zod";
import { getDb } from "@/db/client";
import { userRoute } from "@/lib/api/route";
import { UserError } from "@/lib/errors/user-error";
import { SandboxExecutionError, SandboxRejectedError } from "@/lib/sql";
import { runClientQuery } from "@/lib/trainer/client-view";

/** The trainer's analytics over one client's data: the SQL sandbox, bound to the client only after the link check. */
export const POST = userRoute(
  {
    params: z.object({ id: z.string().min(1).max(100) }),
    input: z.object({ sql: z.string().trim().min(1, "Write a query first.").max(10_000) }),
    name: "trainer-client-query",
  },
  async ({ user, params, input }) => {
    try {
      return await runClientQuery(getDb(), user.id, params.id, input.sql);
    } catch (e) {
      if (e instanceof SandboxRejectedError || e instanceof SandboxExecutionError)
        throw new UserError(`The query was not run: ${e.reason}`, { code: "query_failed", status: 400 });
      throw e;
    }
  },
);
