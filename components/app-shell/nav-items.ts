import { Dumbbell, MessageCircle, Settings, UserRound, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const APP_NAV: NavItem[] = [
  { href: "/chat", label: "Chat", icon: MessageCircle },
  { href: "/workouts", label: "Workouts", icon: Dumbbell },
  { href: "/coach", label: "Coach", icon: UserRound },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** "/workouts/abc" is inside "/workouts"; "/coaching" is not inside "/coach". */
export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
