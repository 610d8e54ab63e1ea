import { SectionNav, type Section } from "@/components/ui/section-nav";

const SETTINGS_SECTIONS: Section[] = [
  { id: "profile", label: "Profile", href: "/settings#profile" },
  { id: "live", label: "Live workout", href: "/settings#live" },
  { id: "import", label: "Import", href: "/settings#import" },
  { id: "billing", label: "Billing", href: "/settings/billing" },
  { id: "trainers", label: "Trainers", href: "/settings/trainers" },
  { id: "privacy", label: "Privacy", href: "/settings/privacy" },
];

/** The tabs above every settings page; `current` names the page's own tab when it is not /settings. */
export function SettingsNav({ current }: { current?: "billing" | "trainers" | "privacy" }) {
  return <SectionNav label="Settings sections" sections={SETTINGS_SECTIONS} current={current} />;
}
