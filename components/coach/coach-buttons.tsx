"use client";

import { Star, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import * as React from "react";
import { toast } from "sonner";
import {
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui";
import type { ActionResult } from "@/lib/actions/safe-action";

type CoachAction = (input: { coachId: string }) => Promise<ActionResult<{ id: string }>>;

export function MakePrimaryButton({
  coachId,
  name,
  action,
  size = "md",
}: {
  coachId: string;
  name: string;
  action: CoachAction;
  size?: "sm" | "md";
}) {
  const router = useRouter();
  const [busy, start] = React.useTransition();
  return (
    <Button
      variant="secondary"
      size={size}
      loading={busy}
      data-testid="make-primary"
      onClick={() =>
        start(async () => {
          const r = await action({ coachId }).catch(() => null);
          if (!r) return void toast.error("Couldn't reach Spotter. Try again.");
          if (!r.ok) return void toast.error(r.error);
          toast.success(`${name} now answers in your chat.`);
          router.refresh();
        })
      }
    >
      <Star aria-hidden /> Make primary
    </Button>
  );
}

export function DeleteCoachButton({ coachId, name, action }: { coachId: string; name: string; action: CoachAction }) {
  const router = useRouter();
  const [busy, start] = React.useTransition();
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost">
          <Trash2 aria-hidden /> Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete {name}?</DialogTitle>
          <DialogDescription>
            The coach and all its versions are removed. Your training data and chats stay. If it was your primary coach, your next coach takes over
            (or the default coach).
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            loading={busy}
            onClick={() =>
              start(async () => {
                const r = await action({ coachId }).catch(() => null);
                if (!r) return void toast.error("Couldn't reach Spotter. Try again.");
                if (!r.ok) return void toast.error(r.error);
                toast.success(`${name} was deleted.`);
                router.push("/coach");
                router.refresh();
              })
            }
          >
            Delete coach
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
