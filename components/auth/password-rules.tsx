import { Check, Circle } from "lucide-react";
import { PASSWORD_RULES } from "@/lib/auth/password-rules";
import { cn } from "@/components/ui/cn";

/** The password policy as a live checklist (the same rules the server enforces). */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  return (
    <ul id={id} className="mt-2 space-y-1 text-sm">
      {PASSWORD_RULES.map((rule) => {
        const met = rule.test(password);
        return (
          <li key={rule.id} className={cn("flex items-center gap-2", met ? "text-success" : "text-ink-muted")}>
            {met ? <Check aria-hidden className="size-3.5" /> : <Circle aria-hidden className="size-3.5" />}
            <span>
              {rule.label}
              <span className="sr-only">{met ? " (met)" : " (not met yet)"}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
