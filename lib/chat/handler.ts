import { getCurrentUser } from "@/lib/auth/session";
import { createChatHandler } from "./chat-handler";
import { resolveChatModel } from "./coach";

/** The chat endpoint bound to the real session and model seam (app/api/chat/route.ts). */
export const handleChatPost = createChatHandler({ getUser: getCurrentUser, getModel: resolveChatModel });
