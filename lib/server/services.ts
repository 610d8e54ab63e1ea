import "server-only";
import { describeDatabase } from "@/db/client";
import { describeModel } from "@/lib/ai/provider";
import { describeBilling } from "@/lib/billing/config";
import { env, type Env } from "@/lib/config/env";
import { describeMail } from "@/lib/mail/transport";
import { describeSpeech } from "@/lib/speech/describe";
import type { DescribeService, ServiceDescription } from "@/lib/services/description";

export type { ServiceDescription, ServiceMode } from "@/lib/services/description";

/** Every seam, in display order. One line per seam; the seam module owns its description. */
export const SERVICE_REGISTRY: readonly DescribeService[] = [describeDatabase, describeModel, describeSpeech, describeBilling, describeMail];

/** What runs behind each seam on this server, for the "Running on this server" footer. */
export function activeServices(e: Env = env()): ServiceDescription[] {
  return SERVICE_REGISTRY.map((describe) => describe(e));
}
