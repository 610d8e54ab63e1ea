import type { Metadata } from "next";
import { LegalPage, type LegalSection } from "@/components/site/legal-page";

export const metadata: Metadata = {
  title: "Terms of service",
  description: "The rules for using Spotter in plain language: your account, your content, plans and billing, AI coaching limits and safety.",
  alternates: { canonical: "/terms" },
};

export const dynamic = "force-static";

const sections: LegalSection[] = [
  {
    id: "agreement",
    title: "The agreement",
    body: (
      <p>
        These terms are between you and the operator of the Spotter server you use (“we”). By creating an account you accept them and our{" "}
        <a href="/privacy">privacy policy</a>. If you do not agree, please do not use Spotter.
      </p>
    ),
  },
  {
    id: "safety",
    title: "Training safely: Spotter is not a doctor",
    body: (
      <>
        <p>
          Strength training carries a risk of injury. Spotter gives general coaching based on what you tell it and what you log; it does not examine
          you and it is <strong>not medical advice</strong>. Its suggestions are produced by software and can be wrong, for example a mis-read weight
          or a plan that is too aggressive for you.
        </p>
        <ul>
          <li>Check every weight and plan against your own judgement before you lift it.</li>
          <li>Use a human spotter or safety equipment for heavy or near-failure sets.</li>
          <li>
            Stop and get professional advice if something hurts, and before starting if you have a medical condition, are pregnant or are returning
            from injury.
          </li>
        </ul>
      </>
    ),
  },
  {
    id: "account",
    title: "Your account",
    body: (
      <ul>
        <li>You must be at least 16 and give a real email address you control.</li>
        <li>Keep your password to yourself; you are responsible for what happens under your account.</li>
        <li>One person per account. Trainers coaching others use the client seats of the Trainer plan, with each athlete&apos;s knowledge.</li>
      </ul>
    ),
  },
  {
    id: "content",
    title: "Your content stays yours",
    body: (
      <p>
        You own your workouts, notes, interview answers and conversations. You give us permission to store and process them only as needed to run
        Spotter for you, as described in the privacy policy. Anonymised use for training models happens only if you opt in, and you can export or
        delete your content at any time.
      </p>
    ),
  },
  {
    id: "acceptable-use",
    title: "Fair use",
    body: (
      <>
        <p>Please do not:</p>
        <ul>
          <li>try to access anyone else&apos;s data, or probe, overload or bypass the limits and security of the service;</li>
          <li>use the coach to produce content that is unlawful, harassing, or that promotes dangerous practices such as doping;</li>
          <li>resell access or scrape the service automatically;</li>
          <li>import files you have no right to use.</li>
        </ul>
        <p>We may suspend accounts that do, and we will tell you why unless the law or safety prevents it.</p>
      </>
    ),
  },
  {
    id: "plans",
    title: "Plans, limits and billing",
    body: (
      <>
        <p>
          The free plan costs nothing. Paid plans, their prices and their limits are listed on the <a href="/pricing">pricing page</a>, which is the
          binding description of what each plan includes. Daily limits reset at midnight UTC.
        </p>
        <ul>
          <li>
            Paid plans renew monthly until you cancel. Cancelling stops the next renewal; you keep the plan until the end of the period already paid.
          </li>
          <li>
            Where card payments are enabled they are processed by Stripe. On servers without Stripe the operator assigns plans directly, on terms they
            tell you.
          </li>
          <li>If we change a price, we will tell you at least 30 days before it applies to you, and you can cancel before then.</li>
          <li>Downgrading never deletes your data; only the limits change.</li>
        </ul>
      </>
    ),
  },
  {
    id: "service",
    title: "The service",
    body: (
      <p>
        We work to keep Spotter available and accurate, but it is provided “as is”: there may be downtime, bugs and coaching mistakes. Features that
        depend on outside services (a hosted AI model, premium voices, email) exist only when the operator switches them on; the app tells you which
        are active.
      </p>
    ),
  },
  {
    id: "liability",
    title: "Liability",
    body: (
      <p>
        To the extent the law allows, we are not liable for indirect or consequential losses, or for injuries resulting from training decisions you
        make, and our total liability is limited to what you paid us in the 12 months before the claim. Nothing in these terms limits rights you have
        under consumer law that cannot be waived.
      </p>
    ),
  },
  {
    id: "ending",
    title: "Ending the agreement",
    body: (
      <p>
        You can stop any time by deleting your account in Settings; export first if you want a copy. We may end the agreement with notice, or
        immediately for serious breaches of these terms. Either way we will give you a reasonable chance to export your data unless the law prevents
        it.
      </p>
    ),
  },
  {
    id: "changes",
    title: "Changes and contact",
    body: (
      <p>
        If we change these terms in a way that matters, we will tell you in the app or by email before they apply. Questions go to the operator of
        your Spotter server.
      </p>
    ),
  },
];

export default function TermsPage() {
  return (
    <LegalPage
      eyebrow="Terms"
      title="Terms of service"
      updated="2026-11-26"
      summary={
        <ul className="space-y-1.5 text-sm leading-relaxed">
          <li>
            <strong>Train safely.</strong> Spotter is a coach, not a doctor; check every suggestion yourself.
          </li>
          <li>
            <strong>Your content is yours.</strong> We process it only to run Spotter for you.
          </li>
          <li>
            <strong>Fair use:</strong> your own data only, no abuse of the service.
          </li>
          <li>
            <strong>Plans</strong> are as listed on the pricing page; cancel any time, nothing gets deleted on downgrade.
          </li>
        </ul>
      }
      sections={sections}
    />
  );
}
