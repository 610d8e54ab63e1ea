import { ArrowRight, Download, EyeOff, FileCheck2, HandCoins, MessageSquareText, ShieldCheck, Trash2 } from "@/components/site/icons";
import type { Metadata } from "next";
import { ChatMock } from "@/components/site/chat-mock";
import { ImportMock, InterviewMock, LiveMock } from "@/components/site/feature-mocks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ENTITLEMENTS, isFeatureAvailable } from "@/lib/billing/entitlements";

export const metadata: Metadata = {
  title: { absolute: "Spotter — the AI strength coach that works from your own training log" },
  description:
    "Build your own coach in a short interview, log workouts by chatting, see charts drawn from your own data, import from Strong, Hevy or FitNotes — Alice & Aiden voice cues are coming soon. Your data stays yours.",
  alternates: { canonical: "/" },
};

export const dynamic = "force-static";

function Eyebrow({ children }: { children: React.ReactNode }) {
  return <p className="text-xs font-semibold tracking-[0.16em] text-accent-text uppercase">{children}</p>;
}

function Feature({
  id,
  eyebrow,
  title,
  children,
  visual,
  flip,
  badge,
}: {
  id: string;
  eyebrow: string;
  title: string;
  children: React.ReactNode;
  visual: React.ReactNode;
  flip?: boolean;
  badge?: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="mx-auto grid max-w-6xl grid-cols-1 items-center gap-10 px-4 py-14 sm:px-6 md:grid-cols-2 md:gap-16 md:py-20"
    >
      <div className={flip ? "min-w-0 md:order-2" : "min-w-0"}>
        <div className="flex items-center gap-2">
          <Eyebrow>{eyebrow}</Eyebrow>
          {badge}
        </div>
        <h2 id={id} className="mt-3 text-3xl font-bold tracking-tight text-ink sm:text-4xl">
          {title}
        </h2>
        <div className="mt-4 space-y-3 text-base leading-relaxed text-ink-soft sm:text-lg">{children}</div>
      </div>
      <div className={flip ? "min-w-0 md:order-1" : "min-w-0"}>{visual}</div>
    </section>
  );
}

const PRIVACY_POINTS = [
  {
    icon: Download,
    title: "Export everything",
    text: "One ZIP from Settings → Privacy: workouts, body metrics, conversations, coaches and more as JSON, plus a CSV of every set that Spotter and Strong-style apps import.",
  },
  {
    icon: Trash2,
    title: "Delete for real",
    text: "Deleting your account removes every row about you in one go, cancels your subscription and deletes your Stripe customer record.",
  },
  {
    icon: EyeOff,
    title: "Training data only with consent",
    text: "Anonymised data helps improve coaching only if you opt in. Off by default, revocable.",
  },
  { icon: HandCoins, title: "Never sold", text: "We do not sell or rent your data, and there are no ad trackers on Spotter." },
];

export default function Landing() {
  const pro = ENTITLEMENTS.pro;
  return (
    <>
      {/* Hero */}
      <div className="px-2 pt-2 sm:px-4 sm:pt-4">
        <section aria-labelledby="hero-title" className="surface-iron relative mx-auto max-w-7xl overflow-hidden rounded-[2rem] bg-iron text-chalk">
          <div
            aria-hidden
            className="pointer-events-none absolute inset-0 opacity-[0.07] [background-image:linear-gradient(var(--color-chalk)_1px,transparent_1px),linear-gradient(90deg,var(--color-chalk)_1px,transparent_1px)] [background-size:44px_44px]"
          />
          <div
            aria-hidden
            className="pointer-events-none absolute -top-56 -right-40 size-[40rem] bg-[radial-gradient(closest-side,rgb(182_242_58/0.22),transparent)]"
          />
          <div className="relative mx-auto grid max-w-6xl items-center gap-12 px-5 py-14 sm:px-8 md:py-20 lg:grid-cols-[1.1fr_1fr] lg:py-24">
            <div>
              <p className="inline-flex items-center gap-2 rounded-full border border-iron-line bg-iron-raised px-3 py-1 text-xs font-medium text-iron-muted">
                <span aria-hidden className="size-1.5 rounded-full bg-accent" /> AI strength coaching from your own numbers
              </p>
              <h1 id="hero-title" className="mt-5 text-4xl leading-[1.05] font-extrabold tracking-tight sm:text-5xl lg:text-6xl">
                A coach that has read <span className="text-accent">every set</span> you have logged.
              </h1>
              <p className="mt-5 max-w-xl text-lg leading-relaxed text-chalk/80">
                Spotter builds your coach from a short interview, logs workouts when you just talk, and answers with charts drawn from your own
                training history. You see the query behind every chart.
              </p>
              <div className="mt-8 flex flex-col gap-3 min-[400px]:flex-row">
                <Button asChild variant="accent" size="lg">
                  <a href="/sign-up">
                    Start free <ArrowRight aria-hidden />
                  </a>
                </Button>
                <Button asChild size="lg" className="border border-iron-line bg-transparent text-chalk hover:bg-iron-raised">
                  <a href="/sign-in">I have an account</a>
                </Button>
              </div>
              <p className="mt-4 text-sm text-iron-muted">Free plan, no card. Import your Strong, Hevy or FitNotes history in a minute.</p>
            </div>
            <div className="flex justify-center lg:justify-end">
              <ChatMock />
            </div>
          </div>
        </section>
      </div>

      {/* Strip of promises */}
      <section aria-label="At a glance" className="mx-auto max-w-6xl px-4 pt-12 sm:px-6">
        <ul className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          {[
            { icon: MessageSquareText, text: "Log by talking: “squat 5×5 at 100”" },
            { icon: FileCheck2, text: "Charts from your data, query shown" },
            { icon: ShieldCheck, text: "Read-only access, scoped to you" },
            { icon: Download, text: "Export or delete any time" },
          ].map(({ icon: Icon, text }) => (
            <li key={text} className="flex items-center gap-3 rounded-2xl border border-line bg-surface px-4 py-3 text-ink-soft">
              <Icon aria-hidden className="size-5 shrink-0 text-accent-text" />
              {text}
            </li>
          ))}
        </ul>
      </section>

      <div id="features" className="scroll-mt-20">
        <Feature id="feature-coach" eyebrow="Coach creator" title="Your coach starts with an interview, not a template." visual={<InterviewMock />}>
          <p>
            Tell Spotter what you are training for, how often you can lift, what hurts and how you like to be spoken to. It turns your answers into a
            coach with a name, a coaching style and a plan that fits your week.
          </p>
          <p>Change your mind later? Re-run the interview or keep several coaches and switch between them.</p>
        </Feature>

        <Feature
          id="feature-chat"
          eyebrow="Chat that knows your log"
          title="Say what you did. Ask what it means."
          flip
          visual={
            <div className="rounded-3xl border border-line bg-surface p-5 shadow-card sm:p-6">
              <ol className="space-y-4 text-sm">
                {[
                  ["You write", "“Deadlift 180×3, 3 sets, then rows 4×10 at 70”"],
                  ["Spotter logs", "Sets, reps, weights and RPE land in your log, exercise names matched."],
                  ["You ask", "“Am I stalling on deadlift?”"],
                  ["Spotter answers", "A chart from your own sets, the read-only SQL it ran, and a plain answer."],
                ].map(([k, v], i) => (
                  <li key={k} className="flex gap-3">
                    <span aria-hidden className="grid size-7 shrink-0 place-items-center rounded-full bg-ink text-xs font-bold text-chalk tabular">
                      {i + 1}
                    </span>
                    <div>
                      <p className="font-semibold text-ink">{k}</p>
                      <p className="text-ink-soft">{v}</p>
                    </div>
                  </li>
                ))}
              </ol>
            </div>
          }
        >
          <p>
            Log a session in the words you would text a training partner. Spotter parses it, shows you exactly what it saved, and lets you fix
            anything.
          </p>
          <p>
            Ask about progress and it queries <strong className="text-ink">your</strong> data, never anyone else&apos;s: a read-only query, limited to
            your rows, printed under every chart so you can check the maths.
          </p>
        </Feature>

        <Feature
          id="feature-live"
          eyebrow="Live workout mode"
          badge={<Badge tone="accent">{isFeatureAvailable("liveWorkoutVoice") ? pro.label : `${pro.label} · coming soon`}</Badge>}
          title="Alice and Aiden talk you through the session."
          visual={<LiveMock />}
        >
          <p>
            Start a workout and your phone becomes a spotter: the next set on screen, rest timers that start themselves, and spoken cues from Alice or
            Aiden so you never have to look down mid-set.
          </p>
          <p>
            {isFeatureAvailable("liveWorkoutVoice")
              ? `Each set you finish goes straight into your log. Live voice cues are part of ${pro.label}.`
              : `Coming soon: the voices and cue engine are built, the live workout screen is not in this build yet. Live voice cues will be part of ${pro.label}.`}
          </p>
        </Feature>

        <Feature
          id="feature-import"
          eyebrow="Bring your history"
          title="Years of Strong, Hevy or FitNotes logs, in a minute."
          flip
          visual={<ImportMock />}
        >
          <p>
            Drop in the export file from the app you use today. Spotter recognises the format, matches exercise names to its catalogue, converts
            pounds and kilograms, and skips anything already imported.
          </p>
          <p>Every skipped row comes with a reason, so nothing disappears silently.</p>
        </Feature>
      </div>

      {/* Privacy */}
      <section aria-labelledby="privacy-title" className="mx-auto max-w-6xl px-4 py-14 sm:px-6 md:py-20">
        <div className="rounded-[2rem] border border-line bg-surface p-6 shadow-card sm:p-10">
          <div className="max-w-2xl">
            <Eyebrow>Privacy</Eyebrow>
            <h2 id="privacy-title" className="mt-3 text-3xl font-bold tracking-tight text-ink sm:text-4xl">
              Your training data is yours.
            </h2>
            <p className="mt-4 text-lg leading-relaxed text-ink-soft">
              A coach needs your numbers. It does not need to own them. These are promises the product is built around, not settings buried in a menu.
            </p>
          </div>
          <ul className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {PRIVACY_POINTS.map(({ icon: Icon, title, text }) => (
              <li key={title}>
                <span aria-hidden className="grid size-10 place-items-center rounded-xl bg-accent-soft text-accent-text">
                  <Icon className="size-5" />
                </span>
                <h3 className="mt-3 font-semibold text-ink">{title}</h3>
                <p className="mt-1 text-sm leading-relaxed text-ink-soft">{text}</p>
              </li>
            ))}
          </ul>
          <p className="mt-8 text-sm">
            <a href="/privacy" className="font-semibold text-accent-text underline underline-offset-4 hover:text-ink">
              Read the privacy policy in plain language
            </a>
          </p>
        </div>
      </section>

      {/* CTA */}
      <section aria-labelledby="cta-title" className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="flex flex-col items-start justify-between gap-6 rounded-[2rem] bg-accent px-6 py-10 text-accent-ink sm:px-10 md:flex-row md:items-center">
          <div>
            <h2 id="cta-title" className="text-3xl font-extrabold tracking-tight sm:text-4xl">
              Your next session, with a coach.
            </h2>
            <p className="mt-2 max-w-xl text-accent-ink/85">
              Start on the free plan. Upgrade when you want voice cues and more coaching; see{" "}
              <a href="/pricing" className="font-semibold underline underline-offset-4">
                pricing
              </a>
              .
            </p>
          </div>
          <div className="flex flex-wrap gap-3">
            <Button asChild size="lg">
              <a href="/sign-up">
                Create your coach <ArrowRight aria-hidden />
              </a>
            </Button>
            <Button asChild size="lg" variant="ghost" className="text-accent-ink hover:bg-accent-strong">
              <a href="/sign-in">Sign in</a>
            </Button>
          </div>
        </div>
      </section>
    </>
  );
}
