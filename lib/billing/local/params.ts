import { invalidParam, missingParam, unknownParam } from "./errors";

/**
 * Stripe's form encoding (a[b][0][c]=v, expand[]=x) into nested objects/arrays, and a strict
 * validator: every parameter must be declared, like Stripe's API (unknown → 400).
 */
export type Params = { [k: string]: ParamValue };
export type ParamValue = string | Params | ParamValue[];

export function parseForm(search: URLSearchParams): Params {
  const root: Params = {};
  for (const [rawKey, value] of search) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!m) throw unknownParam(rawKey);
    const parts = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])];
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      let key: string | number = parts[i];
      if (Array.isArray(node)) key = key === "" ? node.length : Number(key);
      const container = node as Record<string | number, unknown>;
      if (last) container[key] = value;
      else {
        const nextIsArray = parts[i + 1] === "" || /^\d+$/.test(parts[i + 1]);
        container[key] ??= nextIsArray ? [] : {};
        node = container[key] as Record<string, unknown> | unknown[];
      }
    }
  }
  return root;
}

/** A declared parameter tree: "string" | "int" | "bool" | nested spec | [spec] (array) | "any-map" (metadata). */
export type Spec = "string" | "int" | "bool" | "map" | { [k: string]: Spec } | [Spec];

/** Throws Stripe's 400 for unknown or malformed parameters; returns the params unchanged. */
export function validate(params: Params, spec: { [k: string]: Spec }, required: string[] = [], prefix = ""): Params {
  for (const [k, v] of Object.entries(params)) {
    const name = prefix ? `${prefix}[${k}]` : k;
    if (!Object.hasOwn(spec, k)) throw unknownParam(name);
    check(v, spec[k], name);
  }
  for (const r of required) if (params[r] === undefined || params[r] === "") throw missingParam(r);
  return params;
}

function check(v: ParamValue, spec: Spec, name: string) {
  if (spec === "string") {
    if (typeof v !== "string") throw invalidParam(name, `Invalid string: ${name}`);
  } else if (spec === "int") {
    if (typeof v !== "string" || !/^-?\d+$/.test(v)) throw invalidParam(name, `Invalid integer: ${v}`);
  } else if (spec === "bool") {
    if (v !== "true" && v !== "false") throw invalidParam(name, `Invalid boolean: ${String(v)}`);
  } else if (spec === "map") {
    if (typeof v !== "object" || Array.isArray(v)) throw invalidParam(name, `Invalid hash: ${name}`);
    for (const [k, x] of Object.entries(v)) if (typeof x !== "string") throw invalidParam(`${name}[${k}]`, `Invalid string: ${name}[${k}]`);
  } else if (Array.isArray(spec)) {
    const arr = Array.isArray(v) ? v : typeof v === "object" ? Object.values(v) : null;
    if (!arr) throw invalidParam(name, `Invalid array: ${name}`);
    arr.forEach((x, i) => check(x, spec[0], `${name}[${i}]`));
  } else {
    if (typeof v !== "object" || Array.isArray(v)) throw invalidParam(name, `Invalid hash: ${name}`);
    validate(v, spec, [], name);
  }
}

export const str = (p: Params, k: string) => (typeof p[k] === "string" ? (p[k] as string) : undefined);
export const bool = (p: Params, k: string) => (p[k] === undefined ? undefined : p[k] === "true");
export const int = (p: Params, k: string) => (typeof p[k] === "string" ? Number(p[k]) : undefined);
export const arr = (p: Params, k: string): ParamValue[] => (Array.isArray(p[k]) ? (p[k] as ParamValue[]) : p[k] ? Object.values(p[k] as Params) : []);
