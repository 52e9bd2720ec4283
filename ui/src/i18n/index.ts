import { en, type Strings } from './en';

// Adding a language: copy en.ts to xx.ts, translate the values, add it here.
const languages: Record<string, Partial<Strings>> = { en };
export const LANGUAGES = Object.keys(languages);

let current: Partial<Strings> = en;
export function setLanguage(code: string) {
  current = languages[code] ?? en;
}

export type StringKey = keyof Strings;

/** The string for key in the chosen language, {name} placeholders filled from vars. */
export function t(key: StringKey, vars?: Record<string, string | number>): string {
  let s: string = current[key] ?? en[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}
