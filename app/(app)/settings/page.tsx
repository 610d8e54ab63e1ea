import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { ImportForm } from "@/components/settings/import-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requireUser } from "@/lib/auth/session";
import { entitlementsFor } from "@/lib/billing/entitlements";
import { getPlan } from "@/lib/billing/plan";
import { getProfile } from "@/lib/users/profile";
import { importFileAction } from "@/lib/import/actions";
import { updateProfileAction } from "@/lib/users/actions";
import { LiveSettingsForm } from "@/components/live/live-settings-form";
import { saveLiveSettingsAction } from "@/lib/live/actions";
import { getLiveSettings } from "@/lib/live/settings";

export const metadata: Metadata = { title: "Settings" };

/** Every IANA zone this server knows (the select's options), computed once per process. */
let zoneList: string[] | null = null;
function timeZones(): string[] {
  if (!zoneList) {
    const zones = Intl.supportedValuesOf("timeZone");
    zoneList = zones.includes("UTC") ? zones : ["UTC", ...zones];
  }
  return zoneList;
}

export default async function SettingsPage() {
  const user = await requireUser();
  const db = getDb();
  const [profile, plan, liveSettings] = await Promise.all([getProfile(db, user.id), getPlan(db, user.id), getLiveSettings(db, user.id)]);
  const ent = entitlementsFor(plan);

  return (
    <>
      <PageHeader eyebrow="Account" title="Settings" description={user.email} />
      <SettingsNav />
      <div className="space-y-8">
        <Card id="profile" className="scroll-mt-24">
          <CardHeader>
            <CardTitle>Profile</CardTitle>
            <CardDescription>How Spotter shows your numbers, and what your coach knows about you.</CardDescription>
          </CardHeader>
          <CardContent>
            <ProfileForm
              initial={{
                displayName: profile.displayName ?? "",
                units: profile.units,
                timeZone: profile.timeZone,
                fitnessLevel: profile.fitnessLevel,
                goals: profile.goals,
              }}
              timeZones={timeZones()}
              action={updateProfileAction}
            />
          </CardContent>
        </Card>

        <Card id="live" className="scroll-mt-24">
          <CardHeader>
            <CardTitle>Live workout</CardTitle>
            <CardDescription>Default rests, how rest end is signalled, your bar and plates, and the voice of your cues.</CardDescription>
          </CardHeader>
          <CardContent>
            <LiveSettingsForm settings={liveSettings} unit={profile.units} voice={ent.liveWorkoutVoice} action={saveLiveSettingsAction} />
          </CardContent>
        </Card>

        <Card id="import" className="scroll-mt-24">
          <CardHeader>
            <CardTitle>Import</CardTitle>
            <CardDescription>
              Bring your history from Strong, Hevy or FitNotes. Exercises are matched to the catalog; anything unknown becomes your own exercise.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ImportForm key={profile.units} defaultUnit={profile.units} maxMb={ent.importMaxMb} planLabel={ent.label} action={importFileAction} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
