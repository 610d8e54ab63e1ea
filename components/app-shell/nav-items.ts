import { Dumbbell, MessageCircle, Settings, Timer, UserRound, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const APP_NAV: NavItem[] = [
  { href: "/chat", label: "Chat", icon: MessageCircle },
  { href: "/workouts", label: "Workouts", icon: Dumbbell },
  { href: "/workouts/live", label: "Live", icon: Timer },
  { href: "/coach", label: "Coach", icon: UserRound },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** "/workouts/abc" is inside "/workouts"; "/coaching" is not inside "/coach". */
export function isActivePath(pathname: string, href: string): boolean {
  // A more specific item owns its subtree ("/workouts/live" is Live, not Workouts).
  if (APP_NAV.some((i) => i.href !== href && i.href.startsWith(`${href}/`) && (pathname === i.href || pathname.startsWith(`${i.href}/`))))
    return false;
  return pathname === href || pathname.startsWith(`${href}/`);
}
