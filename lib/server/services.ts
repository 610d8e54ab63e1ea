import "server-only";
import { describeDatabase, type Queryable } from "@/db/client";
import { describeModel } from "@/lib/ai/provider";
import { describeBilling } from "@/lib/billing/config";
import { env, type Env } from "@/lib/config/env";
import { describeMail } from "@/lib/mail/transport";
import { describeSpeech } from "@/lib/speech/describe";
import type { DescribeService, ServiceDescription } from "@/lib/services/description";
import { deployedModel, modelVersionDetail } from "@/lib/training/registry";
import { logError } from "@/lib/log/redact";

export type { ServiceDescription, ServiceMode } from "@/lib/services/description";

/** Every seam, in display order. One line per seam; the seam module owns its description. */
export const SERVICE_REGISTRY: readonly DescribeService[] = [describeDatabase, describeModel, describeSpeech, describeBilling, describeMail];

/** What runs behind each seam on this server, for the "Running on this server" footer. */
export function activeServices(e: Env = env()): ServiceDescription[] {
  return SERVICE_REGISTRY.map((describe) => describe(e));
}

/** activeServices, with the deployed model version under "Coach model" (read from the registry). */
export async function activeServicesWithModelVersion(db: Queryable, e: Env = env()): Promise<ServiceDescription[]> {
  let deployed: Awaited<ReturnType<typeof deployedModel>> = null;
  try {
    deployed = await deployedModel(db);
  } catch (error) {
    logError("[services] model registry unavailable", error);
    return activeServices(e);
  }
  return activeServices(e).map((s) => (s.service === "model" ? { ...s, detail: modelVersionDetail(deployed, s.mode !== "external") } : s));
}
