"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { signUpAction } from "@/lib/auth/actions";
import { AuthField } from "./auth-field";
import { FormError } from "./form-status";
import { PasswordRules } from "./password-rules";

export function SignUpForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState(signUpAction, null);
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next ?? ""} />
      <FormError state={state} />
      <AuthField
        id="sign-up-name"
        label="Name"
        name="name"
        autoComplete="name"
        optional
        maxLength={80}
        value={values.name}
        onChange={set("name")}
        error={fieldErrors?.name}
      />
      <AuthField
        id="sign-up-email"
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        value={values.email}
        onChange={set("email")}
        error={fieldErrors?.email}
      />
      <div>
        <Label htmlFor="sign-up-password">Password</Label>
        <Input
          id="sign-up-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={values.password}
          onChange={set("password")}
          aria-invalid={fieldErrors?.password ? true : undefined}
          aria-describedby={["sign-up-password-rules", fieldErrors?.password ? "sign-up-password-error" : null].filter(Boolean).join(" ")}
        />
        <FieldError id="sign-up-password-error" error={fieldErrors?.password} />
        <PasswordRules id="sign-up-password-rules" password={values.password} />
      </div>
      <Button type="submit" className="w-full" size="lg" loading={pending}>
        Create account
      </Button>
    </form>
  );
}
