import type { Metadata } from "next";
import { LegalPage, type LegalSection } from "@/components/site/legal-page";

export const metadata: Metadata = {
  title: "Privacy policy",
  description:
    "How Spotter handles your training data in plain language: what we collect, which services see it and only when enabled, export and deletion, and anonymised training data only with your consent. We never sell your data.",
  alternates: { canonical: "/privacy" },
};

export const dynamic = "force-static";

const sections: LegalSection[] = [
  {
    id: "who",
    title: "Who is responsible",
    body: (
      <>
        <p>
          Spotter is software that runs on a server operated by someone: us on the hosted service, or an independent operator (for example a gym or a
          coach) running their own copy. In this policy, <strong>“we”</strong> means the operator of the Spotter server you signed up on. They decide
          which optional outside services are switched on (see <a href="#services">Services that may see your data</a>) and they answer your requests.
        </p>
      </>
    ),
  },
  {
    id: "collect",
    title: "What we collect",
    body: (
      <ul>
        <li>
          <strong>Account details:</strong> your email address, the name you choose, and your password stored only as an argon2id hash (we cannot read
          it). If you sign in with an external provider, we keep the provider account id it sends.
        </li>
        <li>
          <strong>Training data:</strong> workouts, sets, reps, weights, RPE, notes and body measurements you log, type into chat or import from
          Strong, Hevy or FitNotes.
        </li>
        <li>
          <strong>Coaching data:</strong> your answers in the coach-creator interview, your coaches, and your chat conversations, including the charts
          and queries the coach produced.
        </li>
        <li>
          <strong>Preferences:</strong> units, time zone, fitness level and similar settings.
        </li>
        <li>
          <strong>Usage counters:</strong> how many messages, charts and imports you used today, so plan limits work. These hold numbers, not content.
        </li>
        <li>
          <strong>Technical logs:</strong> errors and request metadata the server needs to run reliably. We keep message content and secrets out of
          logs.
        </li>
      </ul>
    ),
  },
  {
    id: "use",
    title: "How we use it",
    body: (
      <>
        <p>We use your data to coach you and to run your account. That means:</p>
        <ul>
          <li>saving what you log and showing it back to you;</li>
          <li>
            letting your coach answer questions about your training. When it needs numbers, it runs a read-only query that can only see your own rows,
            and shows you that query under the chart;
          </li>
          <li>enforcing plan limits and keeping the service secure;</li>
          <li>sending the emails you need, such as sign-in links or account notices.</li>
        </ul>
        <p>We do not use your data for advertising, and there are no third-party analytics or ad trackers on Spotter.</p>
      </>
    ),
  },
  {
    id: "services",
    title: "Services that may see your data",
    body: (
      <>
        <p>
          Out of the box Spotter runs entirely on its own server: an embedded database, a built-in offline coach model and built-in voices. Nothing
          leaves that server. The operator can switch on outside services, and only then do they receive the data listed here:
        </p>
        <ul>
          <li>
            <strong>OpenAI (or a compatible model provider)</strong>, when a model API key is configured: the messages you send your coach, your
            coach&apos;s instructions, and the query results needed to answer. Used to generate replies.
          </li>
          <li>
            <strong>ElevenLabs</strong>, when configured for live workout voice: the text of the spoken cues (for example “set 3 of 5, 120 kilos”).
            Not your history or account details.
          </li>
          <li>
            <strong>Stripe</strong>, when card payments are enabled: your email and chosen plan. Card details go directly to Stripe; we never see or
            store them.
          </li>
          <li>
            <strong>An email (SMTP) provider</strong>, when configured: your email address and the content of the emails we send you. Without one,
            emails are written to the server log for the operator instead of being sent.
          </li>
          <li>
            <strong>A managed PostgreSQL host</strong> (for example Neon), when the operator stores data there instead of the embedded database.
          </li>
        </ul>
        <p>
          Once signed in, the footer of the app lists which of these are active on your server right now, in plain words. The operator chooses these
          providers and is responsible for their contracts with them.
        </p>
      </>
    ),
  },
  {
    id: "training-data",
    title: "Anonymised training data: only with your consent",
    body: (
      <>
        <p>
          Coaching gets better when models learn from real training. We will only include your data in an anonymised training data set if you
          explicitly opt in. The setting is <strong>off by default</strong>, is never a condition for using Spotter, and can be switched off at any
          time in Settings.
        </p>
        <p>If you opt in:</p>
        <ul>
          <li>
            your email, name, account ids, free-text notes and anything else that could identify you are removed before your data leaves the live
            database; workouts are reduced to exercises, sets, loads, reps, effort and relative dates;
          </li>
          <li>only records created while your consent was on are eligible;</li>
          <li>
            if you withdraw consent, your data is excluded from every future export. Data already used in a model that has been trained cannot be
            pulled back out of it, which is why we ask first.
          </li>
        </ul>
      </>
    ),
  },
  {
    id: "never-sold",
    title: "We never sell your data",
    body: <p>We do not sell, rent or trade your personal data, and we do not share it with advertisers or data brokers. Ever.</p>,
  },
  {
    id: "your-rights",
    title: "Export, correction and deletion",
    body: (
      <>
        <ul>
          <li>
            <strong>Export:</strong> download everything we hold about you at any time from Settings → Privacy: one ZIP with your profile, workouts
            and sets, body metrics, conversations, coaches and interviews, live-workout cues, billing summary, consents and access log as JSON, plus a
            CSV with one row per set that Spotter (and apps that read Strong&apos;s format) can import.
          </li>
          <li>
            <strong>Correct:</strong> edit or delete any workout, set or message from your log.
          </li>
          <li>
            <strong>Delete:</strong> after you confirm with your password (or an emailed link), deleting your account removes every row about you from
            the live database in one step — profile, workouts, body metrics, coaches, conversations, cues, settings, consents, usage counters and the
            access log — cancels a paid subscription and deletes your customer record at Stripe, purges cached voice audio of your cues, and signs you
            out everywhere. Anonymised training records already exported stay, because nothing links them to you. Backups kept by the operator roll
            off on their normal schedule and are never restored to bring an account back.
          </li>
          <li>
            <strong>Withdraw consent</strong> for anonymised training data at any time (see above).
          </li>
        </ul>
        <p>
          Depending on where you live (for example the EU, UK or California) you also have legal rights to access, port, restrict or object to
          processing, and to complain to a data protection authority. Ask the operator and they will help.
        </p>
      </>
    ),
  },
  {
    id: "retention",
    title: "How long we keep it",
    body: (
      <p>
        Chat messages and live-workout cues are kept for 180 days by default; you can shorten that to as little as one day in Settings → Privacy, and
        older ones are deleted for good. Workouts, body metrics and coaches are kept for as long as you have an account, because a coach needs your
        history. Daily usage counters expire on their own. Settings → Privacy also lists every time an operator or a trainer read your data. If you
        delete your account, see above.
      </p>
    ),
  },
  {
    id: "cookies",
    title: "Cookies",
    body: (
      <p>
        Spotter sets one strictly necessary cookie to keep you signed in, plus a short-lived security cookie during sign-in. No tracking, advertising
        or analytics cookies, so there is no cookie banner to click through.
      </p>
    ),
  },
  {
    id: "security",
    title: "Security",
    body: (
      <p>
        Passwords are hashed with argon2id. Every page, action and query checks that the data belongs to the signed-in account, and the coach can only
        read, never change, your data through its queries. Secrets such as API keys never reach your browser. No system is perfect: if we learn of a
        breach that affects you, we will tell you promptly.
      </p>
    ),
  },
  {
    id: "children",
    title: "Age",
    body: <p>Spotter is not meant for anyone under 16. If you believe a child has signed up, tell the operator and we will delete the account.</p>,
  },
  {
    id: "changes",
    title: "Changes and contact",
    body: (
      <p>
        If we change this policy in a way that matters, we will tell you in the app or by email before it applies. Questions or requests go to the
        operator of your Spotter server, using the contact details they publish. See also our <a href="/terms">terms of service</a>.
      </p>
    ),
  },
];

export default function PrivacyPage() {
  return (
    <LegalPage
      eyebrow="Privacy"
      title="Privacy, in plain language"
      updated="2026-11-26"
      summary={
        <ul className="space-y-1.5 text-sm leading-relaxed">
          <li>
            <strong>Your data is yours.</strong> Export it or delete it whenever you like.
          </li>
          <li>
            <strong>Never sold.</strong> No advertising, no data brokers, no trackers.
          </li>
          <li>
            <strong>Opt-in only</strong> for anonymised training data; off by default and revocable.
          </li>
          <li>
            <strong>Outside services only when switched on</strong> by the operator, and the app tells you which are active.
          </li>
        </ul>
      }
      sections={sections}
    />
  );
}
