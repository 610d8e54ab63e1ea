import { describeDatabase } from "@/db/client";
import { describeModel } from "@/lib/ai/provider";
import { describeBilling } from "@/lib/billing/config";
import { env, type Env } from "@/lib/config/env";
import { describeMail } from "@/lib/mail/transport";
import type { DescribeService, ServiceDescription } from "@/lib/services/description";

export type { ServiceDescription, ServiceMode, ServiceName } from "@/lib/services/description";

/*
 * Placeholder until the speech seam lands: they say honestly what this build does.
 * A seam replaces its line in SERVICE_REGISTRY with its own `describeX` (see docs/conventions.md).
 */

// Live workout mode (Alice & Aiden's voices) is not in this build yet: say so rather than claim a voice.
const describeSpeech: DescribeService = () => ({
  service: "speech",
  title: "Voice",
  id: "none",
  label: "Not in this build yet (live workout mode)",
  mode: "unavailable",
});


/** Every seam, in display order. One line per seam; the seam module owns its description. */
export const SERVICE_REGISTRY: readonly DescribeService[] = [describeDatabase, describeModel, describeSpeech, describeBilling, describeMail];

/** What runs behind each seam on this server, for the "Running on this server" footer. */
export function activeServices(e: Env = env()): ServiceDescription[] {
  return SERVICE_REGISTRY.map((describe) => describe(e));
}
