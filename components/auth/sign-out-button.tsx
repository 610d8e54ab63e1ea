import { LogOut } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";

/** A self-contained sign-out form (works without JavaScript). */
export function SignOutButton({ variant = "ghost", size = "sm", className }: Pick<ButtonProps, "variant" | "size" | "className">) {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant={variant} size={size} className={className}>
        <LogOut aria-hidden /> Sign out
      </Button>
    </form>
  );
}
