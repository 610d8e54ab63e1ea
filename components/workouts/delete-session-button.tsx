"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
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
  FieldError,
} from "@/components/ui";

type Result = { ok: true; data: unknown } | { ok: false; error: string };

export function DeleteSessionButton({
  sessionId,
  sessionName,
  setCount,
  action,
}: {
  sessionId: string;
  sessionName: string;
  setCount: number;
  action: (input: { id: string }) => Promise<Result>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      let result: Result;
      try {
        result = await action({ id: sessionId });
      } catch {
        result = { ok: false, error: "Could not reach the server. Try again." };
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setOpen(false);
      toast.success(`Deleted “${sessionName}”`);
      router.push("/workouts");
      router.refresh();
    });

  return (
    <Dialog open={open} onOpenChange={(o) => (pending ? undefined : (setOpen(o), setError(null)))}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Trash2 aria-hidden /> Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete this workout?</DialogTitle>
          <DialogDescription>
            “{sessionName}” and its {setCount} {setCount === 1 ? "set" : "sets"} will be removed from your history and your coach&apos;s data. This
            cannot be undone.
          </DialogDescription>
        </DialogHeader>
        <FieldError error={error} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              Keep it
            </Button>
          </DialogClose>
          <Button variant="danger" onClick={confirm} loading={pending}>
            Delete workout
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
