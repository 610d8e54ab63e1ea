"use client";

import { LogOut, Settings, Sparkles, Users } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutAction } from "@/lib/auth/actions";
import { initials } from "@/lib/text/initials";
import { ThemeToggle } from "./theme-toggle";

export interface AccountMenuProps {
  name: string | null;
  email: string;
  planLabel: string;
  /** Paid plans get the accent badge. */
  paid: boolean;
}

export function AccountMenu({ name, email, planLabel, paid }: AccountMenuProps) {
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    <>
      {/* The form lives outside the menu portal so it survives the menu closing on select. */}
      <form ref={signOutForm} action={signOutAction} className="hidden" />
      <DropdownMenu>
        <DropdownMenuTrigger
          className="flex items-center gap-2 rounded-full p-0.5 pr-0.5 text-left hover:bg-sunken data-[state=open]:bg-sunken sm:pr-3"
          aria-label={`Account menu for ${name ?? email}`}
        >
          <span aria-hidden className="grid size-9 place-items-center rounded-full bg-iron text-xs font-bold text-accent ring-1 ring-iron-line">
            {initials(name, email)}
          </span>
          <span className="hidden max-w-40 truncate text-sm font-medium text-ink sm:block">{name ?? email}</span>
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-64">
          <DropdownMenuLabel className="flex flex-col gap-1">
            <span className="flex items-center justify-between gap-2">
              <span className="truncate font-semibold text-ink">{name ?? "Your account"}</span>
              <Badge tone={paid ? "accent" : "neutral"}>{planLabel}</Badge>
            </span>
            <span className="truncate text-xs font-normal text-ink-muted">{email}</span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <div className="px-2.5 py-1.5">
            <p className="mb-1.5 text-xs font-medium text-ink-muted">Theme</p>
            <ThemeToggle />
          </div>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/settings">
              <Settings aria-hidden /> Settings
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <Link href="/trainer">
              <Users aria-hidden /> Trainer
            </Link>
          </DropdownMenuItem>
          {paid ? null : (
            <DropdownMenuItem asChild>
              <Link href="/pricing">
                <Sparkles aria-hidden /> Compare plans
              </Link>
            </DropdownMenuItem>
          )}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>
            <LogOut aria-hidden /> Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
