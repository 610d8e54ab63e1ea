import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { BodyMetricsEditor } from "@/components/body-metrics/body-metrics-editor";
import { requireUser } from "@/lib/auth/session";
import { deleteBodyMetricAction, saveBodyMetricAction } from "@/lib/body-metrics/actions";
import { listBodyMetrics } from "@/lib/body-metrics/metrics";
import { localDate } from "@/lib/time/zone";
import { weightInputValue } from "@/lib/units";
import { getProfile } from "@/lib/users/profile";

export const metadata: Metadata = { title: "Body metrics" };

export default async function BodyMetricsPage() {
  const user = await requireUser();
  const db = getDb();
  const [profile, rows] = await Promise.all([getProfile(db, user.id), listBodyMetrics(db, user.id)]);
  const view = rows.map((r) => ({
    id: r.id,
    date: r.date,
    bodyweight: weightInputValue(r.bodyweightKg, profile.units),
    sleepHours: r.sleepHours === null ? "" : String(r.sleepHours),
    restingHr: r.restingHr === null ? "" : String(r.restingHr),
  }));
  return (
    <>
      <PageHeader
        eyebrow="Training log"
        title="Body metrics"
        description={`Bodyweight in ${profile.units}, sleep and resting heart rate — one entry a day.`}
      />
      <Card>
        <CardHeader>
          <CardTitle>Log a day</CardTitle>
          <CardDescription>
            Your coach reads these in chat (for example “how has my sleep been?”). Logging the same day again replaces it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <BodyMetricsEditor
            rows={view}
            today={localDate(new Date(), profile.timeZone)}
            unit={profile.units}
            save={saveBodyMetricAction}
            remove={deleteBodyMetricAction}
          />
        </CardContent>
      </Card>
    </>
  );
}
