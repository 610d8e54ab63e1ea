import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/ui";
import { LiveScreen } from "@/components/live/live-screen";
import { LiveSettingsForm } from "@/components/live/live-settings-form";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids/is-uuid";
import { saveLiveSettingsAction } from "@/lib/live/actions";
import { loadLiveScreen } from "@/lib/live/screen";

export const metadata: Metadata = { title: "Live workout" };

export default async function LiveWorkoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const sp = await searchParams;
  const repeat = typeof sp.repeat === "string" && isUuid(sp.repeat) ? sp.repeat : undefined;
  const data = await loadLiveScreen(getDb(), user.id);
  return (
    <>
      <PageHeader
        eyebrow="Training"
        title="Live workout"
        description="Set by set, saved on the server after every change: reload, switch devices or lose signal and nothing is lost."
      />
      <LiveScreen
        data={data}
        userId={user.id}
        repeatId={data.view.workout ? undefined : repeat}
        settingsForm={<LiveSettingsForm settings={data.settings} unit={data.unit} voice={data.voice} action={saveLiveSettingsAction} />}
      />
    </>
  );
}
