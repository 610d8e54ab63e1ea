import { cn } from "@/components/ui/cn";
import type { ServiceDescription, ServiceMode } from "@/lib/server/services";

const MODE_WORDS: Record<ServiceMode, string> = { embedded: "built-in", external: "external", unavailable: "not available" };
const MODE_DOT: Record<ServiceMode, string> = { embedded: "bg-accent-strong", external: "bg-info", unavailable: "border border-ink-muted" };

/**
 * Which implementation is behind each seam on this server, stated plainly. "Built-in" means the
 * zero-config embedded default (nothing leaves the server); "External" means an outside provider
 * the operator configured; "not available" means the feature is not in this build. The words come
 * from each seam's own description (lib/server/services.ts collects them).
 */
export function ServiceStatus({ services, className }: { services: ServiceDescription[]; className?: string }) {
  return (
    <section aria-labelledby="service-status-title" className={cn("text-xs", className)}>
      <h2 id="service-status-title" className="font-semibold tracking-[0.12em] text-ink-muted uppercase">
        Running on this server
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-5">
        {services.map((s) => (
          <div key={s.service} className="min-w-0" data-service={s.service} data-mode={s.mode}>
            <dt className="text-ink-muted">{s.title}</dt>
            <dd className="mt-0.5 flex items-start gap-1.5 text-ink">
              <span aria-hidden className={cn("mt-1 size-2 shrink-0 rounded-full", MODE_DOT[s.mode])} />
              <span className="min-w-0 break-words">
                {s.label}
                <span className="ml-1 text-ink-muted">· {MODE_WORDS[s.mode]}</span>
                {s.detail ? <span className="block text-ink-muted">{s.detail}</span> : null}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
