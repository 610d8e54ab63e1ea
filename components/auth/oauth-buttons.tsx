import { Button } from "@/components/ui/button";
import { oauthSignInAction } from "@/lib/auth/actions";
import type { OAuthProviderId } from "@/lib/auth/providers";

/** One button per configured OAuth provider (none when no provider is configured). */
export function OAuthButtons({ providers, next }: { providers: { id: OAuthProviderId; label: string }[]; next?: string }) {
  if (!providers.length) return null;
  return (
    <div className="space-y-2">
      {providers.map((p) => (
        <form key={p.id} action={oauthSignInAction}>
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="next" value={next ?? ""} />
          <Button type="submit" variant="secondary" className="w-full" size="lg">
            Continue with {p.label}
          </Button>
        </form>
      ))}
    </div>
  );
}
