import * as React from "react";

/**
 * A small, safe Markdown subset for model text: paragraphs, headings, bullet and numbered
 * lists, tables, fenced code, **bold**, *italic*, `code` and http(s) links. Everything becomes
 * React elements (no HTML from the model is ever injected), and it tolerates half-streamed input.
 */
export function Markdown({ text, className, ...rest }: { text: string; className?: string; "data-testid"?: string }) {
  const blocks = React.useMemo(() => parseBlocks(text), [text]);
  return (
    <div className={className} {...rest}>
      {blocks.map((b, i) => renderBlock(b, i))}
    </div>
  );
}

type Block =
  | { kind: "p"; lines: string[] }
  | { kind: "h"; level: 2 | 3 | 4; text: string }
  | { kind: "ul" | "ol"; items: string[]; start: number }
  | { kind: "code"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "hr" };

const TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());
}

export function parseBlocks(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    if (/^\s*```/.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i])) body.push(lines[i++]);
      i++; // closing fence (or end of a still-streaming block)
      blocks.push({ kind: "code", text: body.join("\n") });
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(4, Math.max(2, heading[1].length + 1)) as 2 | 3 | 4;
      blocks.push({ kind: "h", level, text: heading[2] });
      i++;
      continue;
    }
    if (/^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/.test(line)) {
      blocks.push({ kind: "hr" });
      i++;
      continue;
    }
    if (line.includes("|") && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1])) {
      const header = splitRow(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i].includes("|") && lines[i].trim()) rows.push(splitRow(lines[i++]));
      blocks.push({ kind: "table", header, rows });
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/;
    const numbered = /^\s*(\d{1,3})[.)]\s+(.*)$/;
    if (bullet.test(line) || numbered.test(line)) {
      const ordered = numbered.test(line) && !bullet.test(line);
      const re = ordered ? numbered : bullet;
      const items: string[] = [];
      const start = ordered ? Number(numbered.exec(line)![1]) : 1;
      while (i < lines.length && re.test(lines[i])) {
        const m = re.exec(lines[i])!;
        items.push(ordered ? m[2] : m[1]);
        i++;
        // Indented continuation lines belong to the item.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !re.test(lines[i])) items[items.length - 1] += ` ${lines[i++].trim()}`;
      }
      blocks.push({ kind: ordered ? "ol" : "ul", items, start });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i].trim() &&
      !/^\s*```/.test(lines[i]) &&
      !/^#{1,4}\s/.test(lines[i]) &&
      !/^\s*[-*+]\s+/.test(lines[i]) &&
      !/^\s*\d{1,3}[.)]\s+/.test(lines[i]) &&
      !(lines[i].includes("|") && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]))
    ) {
      para.push(lines[i++]);
    }
    if (para.length) blocks.push({ kind: "p", lines: para });
    else i++;
  }
  return blocks;
}

function renderBlock(b: Block, key: number): React.ReactNode {
  switch (b.kind) {
    case "p":
      return (
        <p key={key} className="my-2 first:mt-0 last:mb-0">
          {b.lines.map((l, j) => (
            <React.Fragment key={j}>
              {j > 0 ? <br /> : null}
              <Inline text={l} />
            </React.Fragment>
          ))}
        </p>
      );
    case "h": {
      const Tag = `h${b.level}` as "h2" | "h3" | "h4";
      return (
        <Tag key={key} className="mt-4 mb-1.5 text-base font-semibold text-ink first:mt-0">
          <Inline text={b.text} />
        </Tag>
      );
    }
    case "ul":
      return (
        <ul key={key} className="my-2 list-disc space-y-1 pl-5">
          {b.items.map((it, j) => (
            <li key={j}>
              <Inline text={it} />
            </li>
          ))}
        </ul>
      );
    case "ol":
      return (
        <ol key={key} start={b.start} className="my-2 list-decimal space-y-1 pl-5">
          {b.items.map((it, j) => (
            <li key={j}>
              <Inline text={it} />
            </li>
          ))}
        </ol>
      );
    case "code":
      return (
        <pre key={key} className="my-2 overflow-x-auto rounded-lg bg-sunken p-3 font-mono text-xs leading-relaxed text-ink">
          <code>{b.text}</code>
        </pre>
      );
    case "table":
      return (
        <div key={key} className="my-2 overflow-x-auto rounded-lg border border-line">
          <table className="w-full text-left text-sm">
            <thead className="bg-sunken text-xs text-ink-muted">
              <tr>
                {b.header.map((h, j) => (
                  <th key={j} scope="col" className="px-3 py-2 font-semibold">
                    <Inline text={h} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, j) => (
                <tr key={j} className="border-t border-line">
                  {b.header.map((_, k) => (
                    <td key={k} className="tabular px-3 py-1.5">
                      <Inline text={r[k] ?? ""} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "hr":
      return <hr key={key} className="my-3 border-line" />;
  }
}

/** Inline tokens, in priority order: code, link, bold, italic. */
const INLINE =
  /(`[^`\n]+`)|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+|\/[^\s)]*)\)|(\*\*[^*\n]+\*\*|(?<!\w)__[^_\n]+__(?!\w))|(\*[^*\s][^*\n]*?\*|(?<!\w)_[^_\s][^_\n]*?_(?!\w))/g;

function Inline({ text }: { text: string }) {
  const out: React.ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    if (m[1]) {
      out.push(
        <code key={key++} className="rounded bg-sunken px-1 py-0.5 font-mono text-[0.85em]">
          {m[1].slice(1, -1)}
        </code>,
      );
    } else if (m[2] && m[3]) {
      const external = m[3].startsWith("http");
      out.push(
        <a
          key={key++}
          href={m[3]}
          className="text-accent-text underline underline-offset-2"
          {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
        >
          {m[2]}
        </a>,
      );
    } else if (m[4]) {
      out.push(
        <strong key={key++} className="font-semibold text-ink">
          <Inline text={m[4].slice(2, -2)} />
        </strong>,
      );
    } else if (m[5]) {
      out.push(<em key={key++}>{m[5].slice(1, -1)}</em>);
    }
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return <>{out}</>;
}
