import { cn } from "@/components/ui/cn";
import { SERVICE_ORDER, SERVICE_TITLES, type ActiveServices } from "@/lib/server/services";

/**
 * Which implementation is behind each seam on this server, stated plainly. "Built-in" means the
 * zero-config embedded default (nothing leaves the server); "External" means an outside provider
 * the operator configured; "not available" means the feature is not in this build.
 */
export function ServiceStatus({ services, className }: { services: ActiveServices; className?: string }) {
  return (
    <section aria-labelledby="service-status-title" className={cn("text-xs", className)}>
      <h2 id="service-status-title" className="font-semibold tracking-[0.12em] text-ink-muted uppercase">
        Running on this server
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-5">
        {SERVICE_ORDER.map((key) => {
          const s = services[key];
          return (
            <div key={key} className="min-w-0">
              <dt className="text-ink-muted">{SERVICE_TITLES[key]}</dt>
              <dd className="mt-0.5 flex items-start gap-1.5 text-ink">
                <span
                  aria-hidden
                  className={cn(
                    "mt-1 size-2 shrink-0 rounded-full",
                    s.available === false ? "border border-ink-muted" : s.embedded ? "bg-accent-strong" : "bg-info",
                  )}
                />
                <span className="min-w-0 break-words">
                  {s.label}
                  <span className="ml-1 text-ink-muted">· {s.available === false ? "not available" : s.embedded ? "built-in" : "external"}</span>
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
