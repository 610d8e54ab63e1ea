import { handleChatPost } from "@/lib/chat/handler";

export const dynamic = "force-dynamic";
// A reply runs at most five model/tool steps; this bounds a stuck provider on hosted platforms.
export const maxDuration = 120;

export async function POST(request: Request) {
  return handleChatPost(request);
}
