"use client";

import { BookmarkPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";

/** "Save as template" on a session page: the session's exercises and sets become a template. */
export function SaveTemplateButton({
  sessionId,
  action,
}: {
  sessionId: string;
  action: (input: { sessionId: string }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      loading={pending}
      onClick={() =>
        start(async () => {
          const r = await action({ sessionId });
          if (!r.ok) {
            toast.error(r.error);
            return;
          }
          toast.success("Saved as a template", { action: { label: "Open", onClick: () => router.push("/workouts/templates") } });
        })
      }
    >
      <BookmarkPlus aria-hidden /> Save as template
    </Button>
  );
}
