import { ShieldCheck, Dumbbell, MessageCircle, UserRound } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui";
import type { CoachCard } from "@/lib/coach/card";
import { describeValue, equipmentLabel, goalLabel } from "@/lib/coach/fields";
import { describeRule } from "@/lib/coach/safety";

const ORIGIN = { stated: "You said", injury_default: "Default for an injury you mentioned — you said", disliked: "You said", edited: null } as const;

const LEVEL = { beginner: "beginner", intermediate: "intermediate lifter", advanced: "advanced lifter" } as const;
const STYLE = { encouraging: "encouraging", balanced: "balanced", direct: "direct, no fluff" } as const;
const LEARNING = { brief: "short cues and numbers", explained: "explanations with the why", data: "numbers, trends and charts" } as const;
const CHECK_IN = { every_session: "after every session", weekly: "once a week", monthly: "once a month" } as const;

function Trait({ label, value }: { label: string; value: number }) {
  return (
    <div className="grid grid-cols-[8rem_1fr_2.5rem] items-center gap-3 text-sm">
      <span className="text-ink-soft">{label}</span>
      <span className="h-1.5 overflow-hidden rounded-full bg-sunken" aria-hidden>
        <span className="block h-full rounded-full bg-ink" style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      <span className="text-right tabular text-ink-muted" aria-label={`${label} ${Math.round(value * 100)} out of 100`}>
        {Math.round(value * 100)}
      </span>
    </div>
  );
}

/** The coach card in plain language. */
export function CoachCardView({ card }: { card: CoachCard }) {
  const a = card.athlete;
  return (
    <div className="grid gap-5 lg:grid-cols-2" data-testid="coach-card">
      <Card>
        <CardHeader>
          <CardTitle as="h2" className="flex items-center gap-2">
            <UserRound aria-hidden className="size-5 text-ink-muted" /> Who {card.name} is
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <p className="text-ink-soft" data-testid="coach-persona">
            <strong className="text-ink">{card.persona.label}.</strong> {card.persona.description}
          </p>
          <Trait label="Enthusiasm" value={card.persona.traits.enthusiasm} />
          <Trait label="Supportiveness" value={card.persona.traits.supportiveness} />
          <Trait label="Directness" value={card.persona.traits.directness} />
          <p className="text-sm text-ink-muted">Voice for workout cues: {card.voice === "alice" ? "Alice" : "Aiden"}.</p>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2" className="flex items-center gap-2">
            <Dumbbell aria-hidden className="size-5 text-ink-muted" /> How {card.name} will train you
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-3 text-sm text-ink-soft">
          <p data-testid="coach-methodology">
            <strong className="text-ink">{card.methodology.label}.</strong> {card.methodology.summary}
          </p>
          <ul className="list-disc space-y-1 pl-5">
            {card.methodology.principles.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p className="font-medium text-ink">Progression</p>
          <ul className="list-disc space-y-1 pl-5">
            {card.methodology.progression.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2" className="flex items-center gap-2">
            <ShieldCheck aria-hidden className="size-5 text-ink-muted" /> Keeping you safe
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-3 text-sm text-ink-soft" data-testid="coach-safety">
          {card.safety.avoid.length ? (
            <ul className="space-y-2">
              {card.safety.avoid.map((x) => (
                <li key={x.movement} data-testid="coach-safety-rule" data-scope={x.scope} data-origin={x.origin ?? "unknown"}>
                  <span className="font-medium text-ink">{describeRule(x)}</span> — {x.reason}
                  {x.source && x.origin && ORIGIN[x.origin] ? (
                    <span className="mt-0.5 block text-xs text-ink-muted" data-testid="coach-safety-source">
                      {ORIGIN[x.origin]}: “{x.source}”
                    </span>
                  ) : x.origin === "edited" ? (
                    <span className="mt-0.5 block text-xs text-ink-muted">Added by you on this card.</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>No movements ruled out or limited.</p>
          )}
          <p>
            Weekly training volume goes up by <strong className="text-ink">at most {card.safety.maxWeeklyVolumeIncreasePct} %</strong>. A lighter week
            every {card.safety.deload.everyWeeks} weeks, or sooner:
          </p>
          <ul className="list-disc space-y-1 pl-5">
            {[...card.safety.deload.rules, ...card.safety.rules].map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2" className="flex items-center gap-2">
            <MessageCircle aria-hidden className="size-5 text-ink-muted" /> About you, and how {card.name} talks
          </CardTitle>
        </CardHeader>
        <CardContent className="text-sm text-ink-soft">
          <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1.5">
            <dt className="text-ink-muted">Level</dt>
            <dd data-testid="coach-level">{LEVEL[a.level]}</dd>
            <dt className="text-ink-muted">Goals</dt>
            <dd>{a.goals.map(goalLabel).join(", ")}</dd>
            <dt className="text-ink-muted">Experience</dt>
            <dd>{describeValue("experienceYears", a.experienceYears)}</dd>
            <dt className="text-ink-muted">Training</dt>
            <dd>
              {a.daysPerWeek} days a week{a.sessionMinutes ? `, ${a.sessionMinutes} min` : ""}, {equipmentLabel(a.equipment)}
            </dd>
            {a.mainLifts.length ? (
              <>
                <dt className="text-ink-muted">Main lifts</dt>
                <dd>{a.mainLifts.join(", ")}</dd>
              </>
            ) : null}
            {a.timeline ? (
              <>
                <dt className="text-ink-muted">Timeline</dt>
                <dd>{a.timeline}</dd>
              </>
            ) : null}
            {a.successMetrics.length ? (
              <>
                <dt className="text-ink-muted">Success means</dt>
                <dd>{a.successMetrics.map((m) => m.replace(/_/g, " ")).join(", ")}</dd>
              </>
            ) : null}
            <dt className="text-ink-muted">Nutrition</dt>
            <dd>
              {card.communication.nutrition === "none"
                ? "training only"
                : card.communication.nutrition === "basic"
                  ? "the basics"
                  : "detailed (macros)"}
            </dd>
            <dt className="text-ink-muted">Style</dt>
            <dd>{STYLE[card.communication.style]}</dd>
            <dt className="text-ink-muted">Explains with</dt>
            <dd>{LEARNING[card.communication.learningStyle]}</dd>
            <dt className="text-ink-muted">Check-ins</dt>
            <dd>{CHECK_IN[card.communication.checkIn]}</dd>
            <dt className="text-ink-muted">Units</dt>
            <dd>{card.communication.units}</dd>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
