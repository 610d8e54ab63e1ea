import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, parseBlocks } from "@/components/chat/markdown";
import { mergeSummary, summarizeMessages } from "@/lib/chat/context";
import { deriveTitle } from "@/lib/chat/title";

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("chat markdown", () => {
  it("renders the subset models use: lists, bold, code, tables", () => {
    const out = html("Your **e1RM** rose:\n\n- Jan: `100 kg`\n- Jun: 115 kg\n\n| Month | kg |\n|---|---|\n| Jan | 100 |");
    expect(out).toContain("<strong");
    expect(out).toContain("<ul");
    expect(out).toContain("<code");
    expect(out).toContain("<table");
    expect(out).toContain("<li>Jun: 115 kg</li>");
  });

  it("never injects HTML or script from model text", () => {
    const out = html('<img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3))');
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<script");
    expect(out).not.toContain('href="javascript');
    expect(out).toContain("&lt;script&gt;");
  });

  it("keeps snake_case identifiers intact and tolerates an unfinished code fence", () => {
    expect(html("group by weight_kg and volume_kg")).not.toContain("<em>");
    expect(parseBlocks("```sql\nselect 1")).toEqual([{ kind: "code", text: "select 1" }]);
  });
});

describe("titles and summaries", () => {
  it("derives a short title from the first message", () => {
    expect(deriveTitle("How has my squat progressed over the last 6 months?")).toBe("How has my squat progressed over the last 6 months");
    expect(deriveTitle("Log: bench 3x8 at 60kg")).toBe("Log bench 3x8 at 60kg");
    expect(deriveTitle("   ")).toBe("New conversation");
    expect(deriveTitle("a ".repeat(100)).length).toBeLessThanOrEqual(61);
  });

  it("summarises deterministically and stays under the size bound", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      role: (i % 2 ? "assistant" : "user") as "user" | "assistant",
      status: "complete" as const,
      parts: [{ type: "text", text: `message ${i} ${"x".repeat(300)}` }, ...(i % 4 === 1 ? [{ type: "tool-show_chart" }] : [])],
    }));
    const a = mergeSummary("- User: older", summarizeMessages(rows), 2000);
    const b = mergeSummary("- User: older", summarizeMessages(rows), 2000);
    expect(a).toBe(b);
    expect(a.length).toBeLessThanOrEqual(2000);
    expect(a.startsWith("(earlier turns omitted)")).toBe(true);
    expect(a).toContain("message 39");
    expect(a).toContain("[1 chart]");
  });
});
