import { formatPrescription, type ScheduledDay } from "@/lib/trainer/programme-schema";

/** The assigned programme's day for `date`, or that it is a rest day. */
export function TodayPlan({ today, date }: { today: ScheduledDay | null; date: string }) {
  if (!today)
    return (
      <p className="text-sm text-ink-muted" data-testid="today-plan">
        Nothing scheduled for {date}: rest day.
      </p>
    );
  return (
    <div data-testid="today-plan">
      <p className="text-sm font-semibold">
        Today ({date}) — week {today.week}, {today.day.name}
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {today.day.exercises.map((e, i) => (
          <li key={i}>{formatPrescription(e)}</li>
        ))}
      </ul>
    </div>
  );
}
