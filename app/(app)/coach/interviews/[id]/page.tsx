import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InterviewChat } from "@/components/coach/interview-chat";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { getInterviewExtractor } from "@/lib/coach/ai-extract";
import { toClientInterview } from "@/lib/coach/client-view";
import { getInterview, MAX_ANSWER_CHARS } from "@/lib/coach/interviews";
import { answerInterviewAction, finishInterviewAction } from "@/lib/coach/actions";

export const metadata: Metadata = { title: "Coach interview" };

type Props = { params: Promise<{ id: string }> };

export default async function InterviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser();
  const interview = await getInterview(getDb(), user.id, id);
  if (!interview) notFound();
  return (
    <>
      <Link href="/coach" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-ink-muted hover:text-ink">
        <ChevronLeft aria-hidden className="size-4" /> Coaches
      </Link>
      <h1 className="mb-4 text-2xl font-bold tracking-tight text-ink sm:text-3xl">Build your coach</h1>
      <InterviewChat
        initial={toClientInterview(interview)}
        answer={answerInterviewAction}
        finish={finishInterviewAction}
        modelLabel={getInterviewExtractor().label}
        maxChars={MAX_ANSWER_CHARS}
      />
    </>
  );
}
