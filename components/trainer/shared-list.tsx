import { TRAINER_MAY, TRAINER_NEVER, TRAINER_SEES } from "@/lib/trainer/what-is-shared";

const SECTIONS = [
  { title: "They will see", items: TRAINER_SEES },
  { title: "They may", items: TRAINER_MAY },
  { title: "They never", items: TRAINER_NEVER },
] as const;

/** Exactly what a linked trainer sees and may do — shown before accepting and on Settings → Trainers. */
export function SharedList() {
  return (
    <div className="space-y-4 text-sm" data-testid="trainer-sees">
      {SECTIONS.map((s) => (
        <div key={s.title}>
          <h3 className="mb-1 font-semibold">{s.title}</h3>
          <ul className="list-disc space-y-1 pl-5">
            {s.items.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
      ))}
      <p className="text-ink-muted">Every time your trainer reads your data it is recorded, and you can stop sharing at any time.</p>
    </div>
  );
}
